//! The gains, index (lift), response and ROC charts of [`GainsCharts`], drawn as one SVG text
//! (2 × 2 panels, styles inline). The page shows it as it is; the downloads pass it through
//! [`crate::svg_export::standalone`], which writes the SVG namespace as the browser parsed it. Cumulative curves as lines with a point per node; each node's own
//! response and index as a bar over its share of the cases; the diagonal, the base response
//! and index 100 as reference lines; the ROC curve's area when it may be shown.

use perspectief_core::chaid::charts::GainsCharts;

use crate::i18n::Lang;

pub const PANEL_W: f64 = 330.0;
pub const PANEL_H: f64 = 250.0;
pub const WIDTH: f64 = 2.0 * PANEL_W;
pub const HEIGHT: f64 = 2.0 * PANEL_H + 24.0;

const LINE: &str = "#154273";
const BAR: &str = "#b9cde5";
pub const REFERENCE: &str = "#6b6b6b";
pub const TEXT: &str = "#1a1a1a";

use perspectief_core::drawing::text::escape as esc;

/// One panel: `x` and `y` in data units (x 0–100 %, y 0–`y_max`), at offset (`ox`, `oy`).
struct Panel {
    ox: f64,
    oy: f64,
    y_max: f64,
}

impl Panel {
    const LEFT: f64 = 48.0;
    const TOP: f64 = 30.0;
    const RIGHT: f64 = 14.0;
    const BOTTOM: f64 = 40.0;

    fn px(&self, x: f64) -> f64 {
        self.ox + Self::LEFT + x / 100.0 * (PANEL_W - Self::LEFT - Self::RIGHT)
    }

    fn py(&self, y: f64) -> f64 {
        self.oy + PANEL_H - Self::BOTTOM - y / self.y_max * (PANEL_H - Self::TOP - Self::BOTTOM)
    }

    fn frame(&self, title: &str, x_label: &str, y_label: &str, l: Lang) -> String {
        let loc = l.locale();
        let mut s = format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\" font-weight=\"bold\" fill=\"{TEXT}\">{}</text>",
            self.ox + 8.0,
            self.oy + 18.0,
            esc(title)
        );
        s.push_str(&format!(
            "<line x1=\"{x0:.1}\" y1=\"{y0:.1}\" x2=\"{x1:.1}\" y2=\"{y0:.1}\" stroke=\"{TEXT}\"/><line x1=\"{x0:.1}\" y1=\"{y0:.1}\" x2=\"{x0:.1}\" y2=\"{y1:.1}\" stroke=\"{TEXT}\"/>",
            x0 = self.px(0.0),
            x1 = self.px(100.0),
            y0 = self.py(0.0),
            y1 = self.py(self.y_max)
        ));
        for k in 0..=4 {
            let x = 25.0 * k as f64;
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{TEXT}\">{}</text>",
                self.px(x),
                self.py(0.0) + 14.0,
                loc.number(x, 0)
            ));
            let y = self.y_max * k as f64 / 4.0;
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\" fill=\"{TEXT}\">{}</text>",
                self.px(0.0) - 4.0,
                self.py(y) + 4.0,
                loc.number(y, 0)
            ));
        }
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{TEXT}\">{}</text>",
            self.px(50.0),
            self.py(0.0) + 30.0,
            esc(x_label)
        ));
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"{TEXT}\">{}</text>",
            self.px(0.0) + 4.0,
            self.py(self.y_max) - 4.0,
            esc(y_label)
        ));
        s
    }

    fn reference(&self, from: (f64, f64), to: (f64, f64)) -> String {
        format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{REFERENCE}\" stroke-dasharray=\"4 3\"/>",
            self.px(from.0),
            self.py(from.1),
            self.px(to.0),
            self.py(to.1)
        )
    }

    fn curve(&self, points: &[(f64, f64)]) -> String {
        if points.is_empty() {
            return String::new();
        }
        let path: Vec<String> = points
            .iter()
            .map(|&(x, y)| format!("{:.1},{:.1}", self.px(x), self.py(y)))
            .collect();
        let dots: String = points
            .iter()
            .map(|&(x, y)| {
                format!(
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{LINE}\"/>",
                    self.px(x),
                    self.py(y)
                )
            })
            .collect();
        format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2\"/>{dots}",
            path.join(" ")
        )
    }

    fn bars(&self, bars: &[(f64, f64, f64)]) -> String {
        bars.iter()
            .map(|&(from, to, y)| {
                let y = y.min(self.y_max);
                format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{BAR}\" stroke=\"#fff\"/>",
                    self.px(from),
                    self.py(y),
                    (self.px(to) - self.px(from)).max(0.5),
                    self.py(0.0) - self.py(y)
                )
            })
            .collect()
    }
}

fn nice_max(x: f64) -> f64 {
    let steps = [100.0, 150.0, 200.0, 300.0, 400.0, 500.0, 800.0, 1000.0, 2000.0, 5000.0];
    steps
        .iter()
        .copied()
        .find(|&s| s >= x)
        .unwrap_or((x / 1000.0).ceil() * 1000.0)
}

/// The four charts as one SVG document.
pub fn svg(c: &GainsCharts, l: Lang) -> String {
    let loc = l.locale();
    let class = esc(&c.target_class);
    let cases = l.pick(
        "% van de cliënten (hoogste index eerst)",
        "% of clients (highest index first)",
    );
    let mut body = String::new();
    // Gains.
    let p = Panel {
        ox: 0.0,
        oy: 0.0,
        y_max: 100.0,
    };
    body.push_str(&p.frame(
        &format!("{} ({class})", l.pick("Winst", "Gains")),
        cases,
        l.pick("% van de categorie", "% of the category"),
        l,
    ));
    body.push_str(&p.reference((0.0, 0.0), (100.0, 100.0)));
    body.push_str(&p.curve(&c.gains));
    // Index (lift).
    let top = c
        .index
        .iter()
        .map(|p| p.1)
        .chain(c.nodes.iter().map(|n| n.index))
        .fold(100.0, f64::max);
    let p = Panel {
        ox: PANEL_W,
        oy: 0.0,
        y_max: nice_max(top),
    };
    body.push_str(&p.frame(
        &format!("{} ({class})", l.pick("Index (lift)", "Index (lift)")),
        cases,
        "index %",
        l,
    ));
    body.push_str(&p.bars(&c.nodes.iter().map(|n| (n.from, n.to, n.index)).collect::<Vec<_>>()));
    body.push_str(&p.reference((0.0, 100.0), (100.0, 100.0)));
    body.push_str(&p.curve(&c.index));
    // Response.
    let p = Panel {
        ox: 0.0,
        oy: PANEL_H,
        y_max: 100.0,
    };
    body.push_str(&p.frame(
        &format!("{} ({class})", l.pick("Respons", "Response")),
        cases,
        l.pick("respons %", "response %"),
        l,
    ));
    body.push_str(&p.bars(&c.nodes.iter().map(|n| (n.from, n.to, n.response)).collect::<Vec<_>>()));
    if let Some(b) = c.base {
        body.push_str(&p.reference((0.0, b), (100.0, b)));
    }
    body.push_str(&p.curve(&c.response));
    // ROC.
    let p = Panel {
        ox: PANEL_W,
        oy: PANEL_H,
        y_max: 100.0,
    };
    body.push_str(&p.frame(
        &format!("ROC ({class})"),
        l.pick("% fout-positief", "% false positive"),
        l.pick("% juist-positief", "% true positive"),
        l,
    ));
    body.push_str(&p.reference((0.0, 0.0), (100.0, 100.0)));
    body.push_str(&p.curve(&c.roc));
    let auc = match c.auc {
        Some(a) => format!("AUC = {}", loc.number(a, 3)),
        None => l.pick("AUC niet getoond", "AUC not shown").to_string(),
    };
    body.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"{TEXT}\">{}</text>",
        p.px(100.0),
        p.py(0.0) - 8.0,
        esc(&auc)
    ));
    let note = if c.complete {
        l.pick(
            "Lijn: cumulatief; staaf: de knoop zelf; stippellijn: zonder boom.",
            "Line: cumulative; bar: the node itself; dashed: without a tree.",
        )
    } else {
        l.pick(
            "De lijnen stoppen bij de eerste knoop met een verborgen klein aantal; de rest zou het teruggeven.",
            "The lines stop at the first node with a hidden small count; the rest would give it back.",
        )
    };
    body.push_str(&format!(
        "<text x=\"8\" y=\"{:.1}\" font-size=\"12\" fill=\"{TEXT}\">{}</text>",
        HEIGHT - 8.0,
        esc(note)
    ));
    let label = format!(
        "{} {class}: {}",
        l.pick(
            "Winst-, index-, respons- en ROC-grafiek voor",
            "Gains, index, response and ROC charts for"
        ),
        auc
    );
    format!(
        "<svg id=\"pf-gains-svg\" role=\"img\" aria-label=\"{}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"system-ui, sans-serif\"><title>{}</title><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fff\"/>{body}</svg>",
        esc(&label),
        esc(&label)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use perspectief_core::chaid::charts::NodeBar;

    fn charts(complete: bool) -> GainsCharts {
        GainsCharts {
            target_class: "ja".into(),
            gains: vec![(0.0, 0.0), (40.0, 80.0), (100.0, 100.0)],
            index: vec![(40.0, 200.0), (100.0, 100.0)],
            response: vec![(40.0, 40.0), (100.0, 20.0)],
            nodes: vec![
                NodeBar {
                    node: 3,
                    from: 0.0,
                    to: 40.0,
                    response: 40.0,
                    index: 200.0,
                },
                NodeBar {
                    node: 4,
                    from: 40.0,
                    to: 100.0,
                    response: 6.7,
                    index: 33.0,
                },
            ],
            base: Some(20.0),
            roc: vec![(0.0, 0.0), (30.0, 80.0), (100.0, 100.0)],
            auc: complete.then_some(0.82),
            complete,
        }
    }

    #[test]
    fn four_panels_with_the_area_in_the_language() {
        let s = svg(&charts(true), Lang::Nl);
        assert!(s.starts_with("<svg id=\"pf-gains-svg\" role=\"img\""));
        assert!(!s.contains("http"), "no address of any kind in the page's markup");
        assert_eq!(s.matches("<polyline").count(), 4);
        assert!(s.contains("AUC = 0,820"));
        assert!(s.contains(">Winst (ja)<") && s.contains(">ROC (ja)<"));
        assert_eq!(s.matches("<rect x=").count(), 4, "two node bars in index and response");
        let e = svg(&charts(false), Lang::En);
        assert!(
            e.contains("AUC not shown") && e.contains("The lines stop at the first node with a hidden small count")
        );
    }
}
