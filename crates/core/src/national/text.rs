//! The comparison as plain text (the command line prints it; a printout may leave the building,
//! so it holds only what [`super::Comparison`] holds). The words are in [`crate::messages`].

use super::categories::Dimension;
use super::compare::{Comparison, NodeRow, TreeComparison};
use super::tree::PathCondition;
use crate::disclosure::Count;
use crate::locale::Locale;

/// The words of the text in one language.
pub struct Words {
    pub title: &'static str,
    /// The fingerprint sentence.
    pub fingerprint: fn(&str) -> String,
    /// National and local persons, steunpunten and the peildatum.
    pub summary: fn(&Comparison) -> String,
    pub dimension: fn(Dimension) -> &'static str,
    /// category, own n, own %, national n, national %.
    pub headers: [&'static str; 5],
    /// That no person-level data crosses, in either direction.
    pub nothing_crosses: &'static str,
    pub total: &'static str,
    /// The row of own persons whose value the file has no category for.
    pub unmatched: &'static str,
    /// The tree's heading and its national share of the class.
    pub tree: fn(&TreeComparison) -> String,
    /// node, path, own n, own %, national n, national % of the class.
    pub node_headers: [&'static str; 6],
    /// The node most own persons fall in.
    pub most: fn(&NodeRow, &TreeComparison) -> String,
    /// Under an inner node where walks stopped.
    pub stopped: &'static str,
    /// When the file has no tree.
    pub no_tree: &'static str,
    /// The root's path.
    pub everyone: &'static str,
    /// Between the values of a condition.
    pub or: &'static str,
}

pub fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::Nl => &crate::messages::nl::NATIONAL,
        Locale::En => &crate::messages::en::NATIONAL,
    }
}

pub fn pct(p: Option<f64>, locale: Locale) -> String {
    p.map_or_else(|| "–".into(), |p| locale.number(p, 1))
}

/// A path as `geslacht = M; traject = Terugkeer of Anders`.
pub fn path(p: &[PathCondition], locale: Locale) -> String {
    let w = words(locale);
    if p.is_empty() {
        return w.everyone.into();
    }
    p.iter()
        .map(|c| format!("{} = {}", c.predictor, c.values.join(&format!(" {} ", w.or))))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Rows of cells as aligned text: the first column left, the others right.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let width = |j: usize| {
        rows.iter()
            .map(|r| r[j].chars().count())
            .chain([header[j].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .enumerate()
            .map(|(j, c)| {
                let pad = " ".repeat(widths[j] - c.chars().count());
                if j == 0 {
                    format!("{c}{pad}")
                } else {
                    format!("{pad}{c}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![line(header.to_vec())];
    out.extend(rows.iter().map(|r| line(r.iter().map(String::as_str).collect())));
    out.join("\n")
}

/// A dimension's rows as cells: category, own n and %, national n and %, then the total.
pub fn dimension_rows(d: &super::compare::DimensionComparison, c: &Comparison, locale: Locale) -> Vec<Vec<String>> {
    let w = words(locale);
    let n = |x: Count| x.text(c.threshold, locale);
    let mut rows: Vec<Vec<String>> = d
        .rows
        .iter()
        .map(|r| {
            vec![
                r.label.clone(),
                n(r.local),
                pct(r.local_percent, locale),
                n(r.national),
                pct(r.national_percent, locale),
            ]
        })
        .collect();
    if let Some(u) = d.unmatched {
        rows.push(vec![w.unmatched.into(), n(u), "–".into(), "–".into(), "–".into()]);
    }
    let whole = |x: Count| pct(x.n.map(|_| 100.0), locale);
    rows.push(vec![
        w.total.into(),
        n(d.local_total),
        whole(d.local_total),
        n(d.national_total),
        whole(d.national_total),
    ]);
    rows
}

/// The tree's rows as cells: node (with * where walks stopped), path, own n and %, national n
/// and % of the class.
pub fn tree_rows(t: &TreeComparison, c: &Comparison, locale: Locale) -> Vec<Vec<String>> {
    let n = |x: Count| x.text(c.threshold, locale);
    t.rows
        .iter()
        .map(|r| {
            vec![
                format!("{}{}", r.node, if r.terminal { "" } else { "*" }),
                path(&r.path, locale),
                n(r.local),
                pct(r.local_percent, locale),
                n(r.national),
                pct(r.national_class_percent, locale),
            ]
        })
        .collect()
}

/// The comparison as text in `locale`.
pub fn render(c: &Comparison, locale: Locale) -> String {
    let w = words(locale);
    let mut out = vec![w.title.to_string(), (w.fingerprint)(&c.fingerprint), (w.summary)(c)];
    for d in &c.dimensions {
        out.push(String::new());
        out.push((w.dimension)(d.dimension).to_string());
        out.push(table(&w.headers, &dimension_rows(d, c, locale)));
    }
    out.push(String::new());
    match &c.tree {
        None => out.push(w.no_tree.into()),
        Some(t) => {
            out.push((w.tree)(t));
            out.push(table(&w.node_headers, &tree_rows(t, c, locale)));
            if t.rows.iter().any(|r| !r.terminal) {
                out.push(format!("* {}", w.stopped));
            }
            if let Some(m) = t.most.and_then(|m| t.rows.get(m)) {
                out.push((w.most)(m, t));
            }
        }
    }
    out.push(String::new());
    out.push(crate::disclosure::note(c.threshold, locale));
    out.join("\n") + "\n"
}
