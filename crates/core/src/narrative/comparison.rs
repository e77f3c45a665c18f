//! The text of the report's §7.5 comparison: does knowing the steunpunt add to what the
//! ex-AMV's own characteristics predict? Pointers are into the `ComparisonView`'s JSON.

use super::{fill, is_yes, label, percent, text, words, Narrative, Outcome, Paragraph, Span, Trace};
use crate::analysis::labels;
use crate::analysis::run::ComparisonView;
use crate::locale::Locale;

/// The text of a comparison: both trees' correct share of the target class, what the difference
/// implies about alternative explanations, and the first split of each.
pub fn comparison(c: &ComparisonView, l: Locale) -> Narrative {
    let w = words(l);
    let outcome = Outcome {
        var: c.target.clone(),
        target: label(labels::label(&c.target, l).to_lowercase(), "/target"),
        class: label(c.target_class.clone(), "/target_class"),
        yes: is_yes(&c.target_class),
    };
    let topic = || outcome.topic(w);
    let p = |v: f64, at: &str| percent(v, Trace::Value { at: at.into() }, l);
    let (po, ws) = (&c.persons_only, &c.with_steunpunten);
    let (mut spans, compared) = match (po.target_correct, ws.target_correct) {
        (Some(x), Some(y)) if x >= 0.05 || y >= 0.05 => {
            let s = fill(
                w.cmp_both,
                &[
                    ("p1", p(x, "/persons_only/target_correct")),
                    ("p2", p(y, "/with_steunpunten/target_correct")),
                    ("who", outcome.who(w)),
                ],
            );
            (s, Some((x, y)))
        }
        // Neither tree predicts the class for anyone: the share of all classified correctly.
        (Some(_), Some(_)) => {
            let mut s = fill(w.cmp_none, &[("topic", topic())]);
            let overall = po.overall_correct.zip(ws.overall_correct);
            if let Some((x, y)) = overall {
                s.push(Span::Text { text: " ".into() });
                s.extend(fill(
                    w.cmp_overall,
                    &[
                        ("p1", p(x, "/persons_only/overall_correct")),
                        ("p2", p(y, "/with_steunpunten/overall_correct")),
                    ],
                ));
            }
            (s, overall)
        }
        _ => (text(w.cmp_missing), None),
    };
    if let Some((x, y)) = compared {
        // Compared as printed: a difference the text cannot show is none.
        let more = (y * 10.0).round() > (x * 10.0).round();
        spans.push(Span::Text { text: " ".into() });
        spans.extend(fill(if more { w.cmp_more } else { w.cmp_same }, &[("topic", topic())]));
    }
    let root = |r: &Option<String>, at: &str| match r {
        Some(name) => label(labels::label(name, l).to_lowercase(), at),
        None => text(w.cmp_no_root),
    };
    spans.push(Span::Text { text: " ".into() });
    spans.extend(fill(
        w.cmp_roots,
        &[
            ("r1", root(&c.persons_only.root_split, "/persons_only/root_split")),
            (
                "r2",
                root(&c.with_steunpunten.root_split, "/with_steunpunten/root_split"),
            ),
        ],
    ));
    Narrative {
        paragraphs: vec![Paragraph { spans }],
    }
}
