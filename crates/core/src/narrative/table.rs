//! The text about a published count table (frequencies, crosstab, histogram) or a means table.
//! Pointers are into the table's JSON (`describe::Published`, `describe::MeansTable`).

use super::{
    among_shown, count, fill, is_yes, label, list, number, percent, text, words, Narrative, Outcome, Paragraph, Span,
    Trace, Units,
};
use crate::analysis::labels;
use crate::describe::tables::Of;
use crate::describe::{MeansTable, Published};
use crate::disclosure::PClass;
use crate::locale::Locale;

/// The most categories a frequency text names; the rest are smaller.
const NAMED: usize = 8;

fn var(name: &str, l: Locale, at: &str) -> Vec<Span> {
    label(labels::label(name, l), at)
}

fn lower(name: &str, l: Locale, at: &str) -> Vec<Span> {
    label(labels::label(name, l).to_lowercase(), at)
}

/// The text about a count table.
pub fn table(p: &Published, units: Units, l: Locale) -> Narrative {
    let spans = match &p.col_variable {
        None => frequencies(p, units, l),
        Some(col) => crosstab(p, col, units, l),
    };
    Narrative {
        paragraphs: vec![Paragraph { spans }],
    }
}

fn frequencies(p: &Published, units: Units, l: Locale) -> Vec<Span> {
    let w = words(l);
    let Some(total) = p.total.n else {
        return text(w.small_groups);
    };
    let mut order: Vec<usize> = (0..p.rows.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(p.cells[i][0].n.unwrap_or(0)));
    let mut items: Vec<Vec<Span>> = order
        .iter()
        .take(NAMED)
        .map(|&i| {
            let c = label(p.rows[i].clone(), format!("/rows/{i}"));
            match (p.cells[i][0].n, p.percent(i, 0, Of::Total)) {
                (Some(n), Some(x)) => fill(
                    w.freq_item,
                    &[
                        ("c", c),
                        (
                            "p",
                            percent(
                                x,
                                Trace::Percent {
                                    part: format!("/cells/{i}/0/n"),
                                    whole: "/total/n".into(),
                                },
                                l,
                            ),
                        ),
                        ("n", count(n, format!("/cells/{i}/0/n"), l)),
                    ],
                ),
                _ => fill(w.freq_item_small, &[("c", c)]),
            }
        })
        .collect();
    if p.rows.len() > NAMED {
        items.push(text(w.freq_missing));
    }
    let mut out = fill(
        w.freq_intro,
        &[
            ("variable", var(&p.row_variable, l, "/row_variable")),
            ("n", count(total, "/total/n", l)),
            ("units", text(w.units(units))),
            ("items", list(items, w.and)),
        ],
    );
    if p.cells.iter().any(|r| r[0].n.is_none()) {
        out.push(Span::Text { text: " ".into() });
        out.extend(text(w.small_groups));
    }
    out
}

/// The column a crosstab's text follows: an outcome's "ja", else the smallest shown column.
fn focus(p: &Published) -> Option<usize> {
    if let Some(j) = p.cols.iter().position(|c| is_yes(c)) {
        return Some(j);
    }
    (0..p.cols.len())
        .filter(|&j| p.col_totals[j].n.is_some() && p.cols[j] != "(ontbreekt)")
        .min_by_key(|&j| p.col_totals[j].n)
}

fn crosstab(p: &Published, col: &str, units: Units, l: Locale) -> Vec<Span> {
    let w = words(l);
    let Some(j) = focus(p) else {
        return text(w.small_groups);
    };
    let outcome = Outcome {
        var: col.to_string(),
        target: lower(col, l, "/col_variable"),
        class: label(p.cols[j].clone(), format!("/cols/{j}")),
        yes: is_yes(&p.cols[j]),
    };
    let row_p = |i: usize| {
        let x = p.percent(i, j, Of::Row)?;
        Some(percent(
            x,
            Trace::Percent {
                part: format!("/cells/{i}/{j}/n"),
                whole: format!("/row_totals/{i}/n"),
            },
            l,
        ))
    };
    let row_n = |i: usize| Some(count(p.row_totals[i].n?, format!("/row_totals/{i}/n"), l));
    let row_label = |i: usize| label(p.rows[i].clone(), format!("/rows/{i}"));
    let shown: Vec<(usize, f64)> = (0..p.rows.len())
        .filter_map(|i| Some((i, p.percent(i, j, Of::Row)?)))
        .filter(|&(i, _)| p.row_totals[i].n.is_some())
        .collect();
    let row_var = lower(&p.row_variable, l, "/row_variable");
    let mut out = Vec::new();
    if p.rows.len() == 2 && shown.len() == 2 {
        out = fill(
            w.cross_two,
            &[
                ("n1", row_n(0).unwrap_or_default()),
                ("units", text(w.units(units))),
                ("row", row_var),
                ("r1", row_label(0)),
                ("outcome", outcome.with(w, row_p(0).unwrap_or_default())),
                ("p2", row_p(1).unwrap_or_default()),
                ("n2", row_n(1).unwrap_or_default()),
                ("r2", row_label(1)),
            ],
        );
    } else if shown.len() >= 2 {
        let hi = shown
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|x| x.0)
            .unwrap_or(0);
        let lo = shown
            .iter()
            .copied()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|x| x.0)
            .unwrap_or(0);
        if hi != lo {
            out = among_shown(
                w,
                shown.len() < p.rows.len(),
                fill(
                    w.cross_many,
                    &[
                        ("share", outcome.share(w)),
                        ("row", row_var),
                        ("r1", row_label(hi)),
                        ("p1", row_p(hi).unwrap_or_default()),
                        ("n1", row_n(hi).unwrap_or_default()),
                        ("r2", row_label(lo)),
                        ("p2", row_p(lo).unwrap_or_default()),
                        ("n2", row_n(lo).unwrap_or_default()),
                    ],
                ),
            );
        }
    }
    if let (Some(n), Some(c)) = (p.total.n, p.col_totals[j].n) {
        let x = 100.0 * c as f64 / n.max(1) as f64;
        let overall = fill(
            w.cross_overall,
            &[
                ("n", count(n, "/total/n", l)),
                ("units", text(w.units(units))),
                (
                    "p",
                    outcome.with(
                        w,
                        percent(
                            x,
                            Trace::Percent {
                                part: format!("/col_totals/{j}/n"),
                                whole: "/total/n".into(),
                            },
                            l,
                        ),
                    ),
                ),
            ],
        );
        sentence(&mut out, overall);
    }
    if let Some((chi, df, pv)) = p.chi_square {
        let sig = if pv < 0.05 { w.significant } else { w.not_significant };
        let test = fill(
            w.chi,
            &[
                ("sig", text(sig)),
                ("chi", number(chi, 2, "/chi_square/0", l)),
                ("df", number(df, 0, "/chi_square/1", l)),
                ("p", super::p_value(pv, "/chi_square/2", l)),
            ],
        );
        sentence(&mut out, test);
    } else if let Some((df, class)) = p.p_class {
        let sig = if class == PClass::AtLeast005 {
            w.not_significant
        } else {
            w.significant
        };
        let test = fill(
            w.chi_class,
            &[
                ("sig", text(sig)),
                ("df", number(df, 0, "/p_class/0", l)),
                (
                    "p",
                    vec![Span::Number {
                        text: class.text(l),
                        trace: Trace::PClass {
                            at: "/p_class/1".into(),
                        },
                    }],
                ),
            ],
        );
        sentence(&mut out, test);
    }
    if (0..p.rows.len()).any(|i| p.percent(i, j, Of::Row).is_none() || p.row_totals[i].n.is_none()) {
        sentence(&mut out, text(w.small_groups));
    }
    out
}

fn sentence(out: &mut Vec<Span>, next: Vec<Span>) {
    if !out.is_empty() {
        out.push(Span::Text { text: " ".into() });
    }
    out.extend(next);
}

/// The text about a means table: the highest and lowest group mean, and the overall mean.
pub fn means(m: &MeansTable, l: Locale) -> Narrative {
    let w = words(l);
    let groups = m.rows.len().saturating_sub(1);
    let shown: Vec<(usize, f64)> = (0..groups)
        .filter_map(|i| Some((i, m.rows[i].mean?)))
        .filter(|&(i, _)| m.rows[i].n.n.is_some())
        .collect();
    let mean = |i: usize| number(m.rows[i].mean.unwrap_or(0.0), 2, format!("/rows/{i}/mean"), l);
    let n = |i: usize| count(m.rows[i].n.n.unwrap_or(0), format!("/rows/{i}/n/n"), l);
    let group = |i: usize| label(m.rows[i].group.clone(), format!("/rows/{i}/group"));
    let mut out = Vec::new();
    let hi = shown.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1));
    let lo = shown.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some((hi, _)), Some((lo, _))) = (hi, lo) {
        if hi != lo {
            out = among_shown(
                w,
                shown.len() < groups,
                fill(
                    w.means_extremes,
                    &[
                        ("variable", var(&m.variable, l, "/variable")),
                        ("by", lower(&m.by, l, "/by")),
                        ("g1", group(hi)),
                        ("m1", mean(hi)),
                        ("n1", n(hi)),
                        ("g2", group(lo)),
                        ("m2", mean(lo)),
                        ("n2", n(lo)),
                    ],
                ),
            );
        }
    }
    if m.rows.last().is_some_and(|r| r.mean.is_some() && r.n.n.is_some()) {
        sentence(
            &mut out,
            fill(w.means_overall, &[("m", mean(groups)), ("n", n(groups))]),
        );
    }
    sentence(
        &mut out,
        fill(w.means_no_test, &[("variable", lower(&m.variable, l, "/variable"))]),
    );
    if shown.len() < groups {
        sentence(&mut out, text(w.small_groups));
    }
    Narrative {
        paragraphs: vec![Paragraph { spans: out }],
    }
}
