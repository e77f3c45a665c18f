//! The fallback's two pictures as SVG text (no inline styles, no namespace: the page parses it):
//! a proposal's waterfall (each field's weight, cumulative, to the total) and the threshold
//! chart (estimated false links and missed links against the proposal threshold).

use perspectief_core::link::estimate::FallbackEstimate;
use perspectief_core::link::weights::Waterfall;
use perspectief_core::messages::Localized;

use crate::gains_chart::{REFERENCE as GRID, TEXT};
use crate::i18n::Lang;
use perspectief_core::drawing::text::escape as esc;

const FOR: &str = "#154273";
const AGAINST: &str = "#a4281b";

/// A signed weight as the page writes it: `+8,8` / `−0,1`.
pub fn signed(x: f64, l: Lang) -> String {
    let n = l.locale().number(x.abs(), 1);
    if x < 0.0 && n.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        format!("−{n}")
    } else {
        format!("+{n}")
    }
}

/// The waterfall of one proposal: a row per bar (label, the bar from the running total before it
/// to after it, its weight), then the total; the vertical line is zero (even odds).
pub fn waterfall(w: &Waterfall, l: Lang) -> String {
    const LABEL: f64 = 190.0;
    const WIDTH: f64 = 470.0;
    const ROW: f64 = 18.0;
    let plot = WIDTH - LABEL - 50.0;
    let mut running = 0.0f64;
    let mut ends = vec![0.0f64];
    for b in &w.bars {
        running += b.weight;
        ends.push(running);
    }
    let (lo, hi) = ends.iter().fold((0.0f64, 0.0f64), |(a, b), &x| (a.min(x), b.max(x)));
    let span = (hi - lo).max(1.0);
    let x = |v: f64| LABEL + (v - lo) / span * plot;
    let rows = w.bars.len() + 1;
    let height = rows as f64 * ROW + 8.0;
    let mut s = String::new();
    let mut before = 0.0;
    let row = |s: &mut String, i: usize, label: &str, from: f64, to: f64, weight: f64, bold: bool| {
        let y = 4.0 + i as f64 * ROW;
        let (a, b) = (x(from.min(to)), x(from.max(to)));
        let colour = if weight >= 0.0 { FOR } else { AGAINST };
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"{TEXT}\"{}>{}</text>\
             <rect x=\"{a:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{TEXT}\">{}</text>",
            LABEL - 6.0,
            y + 12.0,
            if bold { " font-weight=\"bold\"" } else { "" },
            esc(label),
            y + 2.0,
            (b - a).max(1.0),
            ROW - 5.0,
            b + 4.0,
            y + 12.0,
            esc(&signed(weight, l)),
        ));
    };
    for (i, b) in w.bars.iter().enumerate() {
        row(
            &mut s,
            i,
            &b.part.text(l.locale()),
            before,
            before + b.weight,
            b.weight,
            false,
        );
        before += b.weight;
    }
    row(
        &mut s,
        w.bars.len(),
        l.pick("totaal", "total"),
        0.0,
        w.total,
        w.total,
        true,
    );
    let zero = x(0.0);
    format!(
        "<svg viewBox=\"0 0 {WIDTH} {height:.0}\" width=\"100%\" class=\"pf-waterfall\" role=\"img\" aria-label=\"{}\">{s}\
         <line x1=\"{zero:.1}\" y1=\"2\" x2=\"{zero:.1}\" y2=\"{:.1}\" stroke=\"{GRID}\" stroke-dasharray=\"3 2\"/></svg>",
        esc(&waterfall_words(w, l)),
        height - 2.0
    )
}

/// The waterfall in words (the SVG's label, read by screen readers).
pub fn waterfall_words(w: &Waterfall, l: Lang) -> String {
    let parts: Vec<String> = w
        .bars
        .iter()
        .map(|b| format!("{} {}", b.part.text(l.locale()), signed(b.weight, l)))
        .collect();
    format!(
        "{}: {}; {} {} ({} {})",
        l.pick("Gewichten (log2 van de kansverhouding)", "Weights (log2 of the odds)"),
        parts.join("; "),
        l.pick("totaal", "total"),
        signed(w.total, l),
        l.pick("score", "score"),
        l.locale().number(w.score(), 3)
    )
}

/// Estimated false links and missed links against the threshold, with the chosen threshold marked.
pub fn threshold_chart(e: &FallbackEstimate, l: Lang) -> String {
    const W: f64 = 520.0;
    const H: f64 = 240.0;
    const LEFT: f64 = 52.0;
    const TOP: f64 = 16.0;
    const RIGHT: f64 = 16.0;
    const BOTTOM: f64 = 44.0;
    let loc = l.locale();
    let top = e
        .curve
        .iter()
        .map(|p| p.false_links.max(p.missed))
        .fold(1.0f64, f64::max)
        .ceil();
    let px = |t: f64| LEFT + t * (W - LEFT - RIGHT);
    let py = |v: f64| H - BOTTOM - v / top * (H - TOP - BOTTOM);
    let mut s = format!(
        "<line x1=\"{LEFT}\" y1=\"{y0:.1}\" x2=\"{x1:.1}\" y2=\"{y0:.1}\" stroke=\"{TEXT}\"/><line x1=\"{LEFT}\" y1=\"{y0:.1}\" x2=\"{LEFT}\" y2=\"{TOP}\" stroke=\"{TEXT}\"/>",
        y0 = py(0.0),
        x1 = px(1.0)
    );
    for k in 0..=4 {
        let t = k as f64 / 4.0;
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{TEXT}\">{}</text>",
            px(t),
            py(0.0) + 14.0,
            loc.number(t, 2)
        ));
        let v = top * t;
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"{TEXT}\">{}</text>",
            LEFT - 4.0,
            py(v) + 4.0,
            loc.number(v, 1)
        ));
    }
    s.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{TEXT}\">{}</text>",
        px(0.5),
        H - 8.0,
        esc(l.pick("drempel (score vanaf)", "threshold (score from)"))
    ));
    let line = |pick: fn(&perspectief_core::link::estimate::Point) -> f64, colour: &str, dash: &str| {
        let points: Vec<String> = e
            .curve
            .iter()
            .map(|p| format!("{:.1},{:.1}", px(p.threshold), py(pick(p))))
            .collect();
        format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>",
            points.join(" ")
        )
    };
    s.push_str(&line(|p| p.false_links, AGAINST, ""));
    s.push_str(&line(|p| p.missed, FOR, " stroke-dasharray=\"6 3\""));
    let x = px(e.threshold);
    s.push_str(&format!(
        "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{GRID}\" stroke-dasharray=\"2 2\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{TEXT}\">{}</text>",
        py(0.0),
        x + 4.0,
        TOP + 10.0,
        esc(&format!("{} {}", l.pick("nu", "now"), loc.number(e.threshold, 2))),
    ));
    // Legend.
    for (i, (label, colour, dash)) in [
        (
            l.pick("geschatte onterechte koppelingen", "estimated false links"),
            AGAINST,
            "",
        ),
        (
            l.pick("geschatte gemiste paren", "estimated missed pairs"),
            FOR,
            " stroke-dasharray=\"6 3\"",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let y = TOP + 6.0 + i as f64 * 16.0;
        s.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{TEXT}\">{}</text>",
            px(0.55),
            px(0.62),
            px(0.63),
            y + 4.0,
            esc(label)
        ));
    }
    format!(
        "<svg viewBox=\"0 0 {W} {H}\" width=\"100%\" class=\"pf-threshold-chart\" role=\"img\" aria-label=\"{}\">{s}</svg>",
        esc(l.pick(
            "Drempelgrafiek: geschatte onterechte koppelingen en gemiste paren per drempel; de tabel eronder geeft dezelfde getallen.",
            "Threshold chart: estimated false links and missed pairs per threshold; the table below gives the same numbers.",
        ))
    )
}
