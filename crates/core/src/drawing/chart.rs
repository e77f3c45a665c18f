//! The chart beside a count table, as SVG: horizontal bars for a frequency table (a hidden count
//! draws no bar), and for a crosstab one bar per row category split into the column categories
//! by row percentage (the report's stacked bars per steunpunt), where what the table hides is one
//! hatched grey segment, so that every bar still reaches 100 %. The page shows it; its downloads
//! and Word file take it from the page, the command line draws it into its report.

use std::fmt::Write;

use super::text::{escape, fit, text_width};
use crate::describe::tables::Of;
use crate::describe::Published;
use crate::locale::Locale;

/// The chart's looks in a file of its own (`www/app.css` has the page's).
pub const STYLE: &str =
    ".pf-chart-bar{fill:#154273}.pf-chart-label{font-size:13px;fill:#1a1a1a;font-family:system-ui,sans-serif}";

/// The colours of the stacked bars: Okabe and Ito's palette, told apart with every kind of
/// colour blindness; from the ninth category on, the same colours striped.
const COLOURS: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

/// The label column's width, and the height of a bar's row.
const LABEL_W: f64 = 180.0;
const ROW_H: f64 = 22.0;

/// The chart of `p` (`role="img"`, with its own name): bars for a frequency table, stacked bars
/// for a crosstab. No namespace is written here (see [`super::tree::Scene::svg`]).
pub fn chart(p: &Published, l: Locale) -> String {
    if p.col_variable.is_none() {
        bars(p, l)
    } else {
        stacked(p, l)
    }
}

fn count(p: &Published, i: usize, l: Locale) -> String {
    p.cells[i][0].text(p.threshold, l)
}

fn open(out: &mut String, width: f64, height: f64, name: &str) {
    let _ = write!(
        out,
        r#"<svg id="pf-chart-svg" class="pf-chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-label="{}">"#,
        escape(name)
    );
}

fn label(out: &mut String, x: f64, y: f64, end: bool, text: &str) {
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y}"{} class="pf-chart-label">{}</text>"#,
        if end { r#" text-anchor="end""# } else { "" },
        escape(text)
    );
}

/// A row's category, right-aligned before its bar (cut to fit; its title and the table have it
/// whole).
fn row_label(out: &mut String, y: f64, row: &str, l: Locale) {
    label(
        out,
        LABEL_W - 6.0,
        y + 15.0,
        true,
        &fit(&l.category(row), LABEL_W - 12.0, 13.0),
    );
}

/// Horizontal bars of a frequency table, each with its count (hidden counts draw no bar).
fn bars(p: &Published, l: Locale) -> String {
    let max = p.cells.iter().filter_map(|c| c[0].n).max().unwrap_or(1).max(1) as f64;
    let bar_w = 360.0;
    let (width, height) = (LABEL_W + bar_w + 60.0, ROW_H * p.rows.len() as f64 + 8.0);
    let mut out = String::new();
    let name = format!("{} {}", l.pick("Staafdiagram van", "Bar chart of"), p.row_variable);
    open(&mut out, width, height, &name);
    for (i, row) in p.rows.iter().enumerate() {
        let y = 4.0 + i as f64 * ROW_H;
        let w = p.cells[i][0].n.map_or(0.0, |n| bar_w * n as f64 / max);
        row_label(&mut out, y, row, l);
        let _ = write!(
            out,
            r#"<rect x="{LABEL_W}" y="{}" width="{w}" height="{}" class="pf-chart-bar"/>"#,
            y + 3.0,
            ROW_H - 6.0
        );
        label(&mut out, LABEL_W + w + 4.0, y + 15.0, false, &count(p, i, l));
    }
    out.push_str("</svg>");
    out
}

fn fill(j: usize) -> String {
    if j < COLOURS.len() {
        COLOURS[j].to_string()
    } else {
        format!("url(#pf-stripe-{})", j % COLOURS.len())
    }
}

/// One bar per row category, split by row percentage, under a legend that wraps and shows every
/// category (and the hatched grey of what is hidden, when anything is).
fn stacked(p: &Published, l: Locale) -> String {
    let bar_w = 420.0;
    let width = LABEL_W + bar_w + 20.0;
    let hidden = l.pick("verborgen (klein aantal)", "hidden (small count)");
    let hides =
        (0..p.rows.len()).any(|i| (0..p.cols.len()).filter_map(|j| p.percent(i, j, Of::Row)).sum::<f64>() < 99.95);
    let names: Vec<(String, String)> = p
        .cols
        .iter()
        .enumerate()
        .map(|(j, c)| (l.category(c), fill(j)))
        .chain(hides.then(|| (hidden.to_string(), "url(#pf-hidden)".to_string())))
        .collect();
    // The legend: entries side by side, on as many lines as they need.
    let mut entries = Vec::new();
    let (mut x, mut y) = (8.0, 4.0);
    for (name, colour) in names {
        let name = fit(&name, width - 40.0, 13.0);
        let w = 16.0 + text_width(&name, 13.0, false) + 16.0;
        if x + w > width && x > 8.0 {
            x = 8.0;
            y += 20.0;
        }
        entries.push((name, colour, x, y));
        x += w;
    }
    let legend_h = y + 22.0;
    let height = legend_h + ROW_H * p.rows.len() as f64 + 8.0;
    let mut out = String::new();
    let name = format!(
        "{} {} {} {}",
        l.pick("Gestapelde staven van", "Stacked bars of"),
        p.row_variable,
        l.pick("naar", "by"),
        p.col_variable.clone().unwrap_or_default()
    );
    open(&mut out, width, height, &name);
    out.push_str("<defs>");
    for (k, c) in COLOURS.iter().enumerate() {
        let _ = write!(
            out,
            r##"<pattern id="pf-stripe-{k}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{c}"/><rect width="2" height="6" fill="#fff"/></pattern>"##
        );
    }
    out.push_str(r##"<pattern id="pf-hidden" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#d9d9d9"/><rect width="1.5" height="6" fill="#5a5a5a"/></pattern></defs>"##);
    for (name, colour, x, y) in entries {
        let _ = write!(
            out,
            r##"<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}" stroke="#1a1a1a" stroke-width="0.5"/>"##
        );
        label(&mut out, x + 16.0, y + 10.0, false, &name);
    }
    for (i, row) in p.rows.iter().enumerate() {
        let y = legend_h + 4.0 + i as f64 * ROW_H;
        row_label(&mut out, y, row, l);
        let mut x = LABEL_W;
        let mut segment = |x: f64, w: f64, fill: &str, stroke: &str, title: String| {
            let _ = write!(
                out,
                r#"<rect x="{x}" y="{}" width="{w}" height="{}" fill="{fill}" stroke="{stroke}" stroke-width="0.5"><title>{}</title></rect>"#,
                y + 3.0,
                ROW_H - 6.0,
                escape(&title)
            );
        };
        for j in 0..p.cols.len() {
            let Some(share) = p.percent(i, j, Of::Row).map(|s| s / 100.0) else {
                continue;
            };
            let w = (bar_w * share * 10.0).round() / 10.0;
            let title = format!(
                "{}, {}: {} %",
                l.category(row),
                l.category(&p.cols[j]),
                l.number(100.0 * share, 1)
            );
            segment(x, w, &fill(j), "#fff", title);
            x += w;
        }
        let rest = LABEL_W + bar_w - x;
        if rest > 0.5 {
            segment(
                x,
                rest,
                "url(#pf-hidden)",
                "#1a1a1a",
                format!("{}: {hidden}", l.category(row)),
            );
        }
    }
    out.push_str("</svg>");
    out
}
