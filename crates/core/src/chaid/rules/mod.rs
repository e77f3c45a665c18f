//! A fitted tree as rules that travel: for every node, the condition on the predictors that
//! leads to it, written as Dutch or English if–then text, SPSS syntax (the TREE RULES form), an
//! SQL `CASE` and a PMML 4.4 `TreeModel`; and a reader that scores rows with a PMML tree.
//!
//! The structure (which categories lead where) comes from the fitted [`Tree`]; every number a
//! rule states (N, shares, the predicted class) comes from the [`PublishedTree`], so a node
//! below the small-cell threshold says "<5" and predicts nothing, in every form.
//!
//! A value the tree has not seen (a new category, a number beyond a category list) stops at
//! the deepest node whose condition it meets, in every form: the text says so, the SQL lists
//! inner nodes after the terminal ones, the PMML says `noTrueChildStrategy="returnLastPrediction"`.

pub mod pmml;
pub mod pmml_read;
pub mod spss;
pub mod sql;
pub mod text;

use super::published::PublishedTree;
use super::tree::{Tree, VariableInfo};

/// One predictor's condition on the way to a node: the category codes allowed (the missing
/// category is the code after the last label).
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub predictor: usize,
    pub codes: Vec<usize>,
}

/// What a condition allows, in the terms of its variable's values.
#[derive(Debug, Clone, PartialEq)]
pub enum Allowed<'a> {
    /// Texts (a text predictor).
    Texts(Vec<&'a str>),
    /// Numbers (a numeric nominal or ordinal predictor).
    Numbers(Vec<f64>),
    /// Intervals `(lower, upper]` of a binned scale predictor; `None` is unbounded.
    Intervals(Vec<(Option<f64>, Option<f64>)>),
}

impl Condition {
    /// Whether the missing category is among the allowed codes.
    pub fn missing(&self, v: &VariableInfo) -> bool {
        self.codes.contains(&v.categories.len())
    }

    /// The allowed values, without the missing category.
    pub fn allowed<'a>(&self, v: &'a VariableInfo) -> Allowed<'a> {
        let codes: Vec<usize> = self.codes.iter().copied().filter(|&c| c < v.categories.len()).collect();
        if let Some(cuts) = &v.cut_points {
            let last = v.categories.len().saturating_sub(1);
            let mut runs: Vec<(usize, usize)> = Vec::new();
            for &c in &codes {
                match runs.last_mut() {
                    Some((_, end)) if *end + 1 == c => *end = c,
                    _ => runs.push((c, c)),
                }
            }
            return Allowed::Intervals(
                runs.into_iter()
                    .map(|(a, b)| {
                        let lower = (a > 0).then(|| cuts.get(a - 1).copied()).flatten();
                        let upper = (b < last).then(|| cuts.get(b).copied()).flatten();
                        (lower, upper)
                    })
                    .collect(),
            );
        }
        if v.numeric {
            let numbers = codes
                .iter()
                .filter_map(|&c| v.categories[c].parse::<f64>().ok())
                .collect();
            return Allowed::Numbers(numbers);
        }
        Allowed::Texts(codes.iter().map(|&c| v.categories[c].as_str()).collect())
    }
}

/// A node and the conditions that lead to it (one per predictor, intersected along the path).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub node: usize,
    pub terminal: bool,
    pub conditions: Vec<Condition>,
}

/// A rule for every node, terminal nodes first (by id), then inner nodes deepest first: in
/// this order the first rule a row meets is the node it belongs to.
pub fn rules(tree: &Tree) -> Vec<Rule> {
    let mut out: Vec<Rule> = tree
        .nodes
        .iter()
        .map(|node| {
            let mut path = Vec::new();
            let mut at = node;
            while let Some(parent) = at.parent {
                let p = &tree.nodes[parent];
                if let (Some(split), Some(branch)) = (&p.split, &at.branch) {
                    path.push((split.predictor, branch.codes.clone()));
                }
                at = p;
            }
            path.reverse();
            let mut conditions: Vec<Condition> = Vec::new();
            for (predictor, codes) in path {
                match conditions.iter_mut().find(|c| c.predictor == predictor) {
                    Some(c) => c.codes.retain(|code| codes.contains(code)),
                    None => {
                        let mut codes = codes;
                        codes.sort_unstable();
                        conditions.push(Condition { predictor, codes });
                    }
                }
            }
            Rule {
                node: node.id,
                terminal: node.is_terminal(),
                conditions,
            }
        })
        .collect();
    out.sort_by_key(|r| {
        let depth = tree.nodes[r.node].depth;
        (
            !r.terminal,
            std::cmp::Reverse(if r.terminal { 0 } else { depth }),
            r.node,
        )
    });
    out
}

/// What a node's rule may state: its N and the predicted class with its share, or nothing
/// (below the threshold).
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub n: Option<u64>,
    /// The predicted class's label and its % of the node.
    pub predicted: Option<(String, Option<f64>)>,
    /// A scale dependent's mean.
    pub mean: Option<f64>,
}

pub fn stated(published: &PublishedTree, node: usize) -> Stated {
    let Some(p) = published.nodes.get(node) else {
        return Stated {
            n: None,
            predicted: None,
            mean: None,
        };
    };
    let predicted = p.predicted.and_then(|c| {
        let label = published.categories.get(c)?.clone();
        Some((label, p.percents.get(c).copied().flatten()))
    });
    Stated {
        n: p.n.n,
        predicted: if p.n.n.is_some() { predicted } else { None },
        mean: p.mean,
    }
}

/// Which node a row ends in, by the rules: `value(predictor)` gives the row's category code of
/// each predictor (`None` for a value the tree has not seen). The reference the exports are
/// tested against.
pub fn node_of(rules: &[Rule], value: impl Fn(usize) -> Option<usize>) -> Option<usize> {
    rules
        .iter()
        .find(|r| {
            r.conditions
                .iter()
                .all(|c| value(c.predictor).is_some_and(|code| c.codes.contains(&code)))
        })
        .map(|r| r.node)
}

/// How a query language writes a condition (SQL, SPSS syntax).
pub(super) struct Dialect {
    /// The column as written in the language.
    pub column: fn(&str) -> String,
    pub text: fn(&str) -> String,
    /// `column`, then the values: one of them.
    pub one_of: fn(&str, &[String]) -> String,
    pub le: &'static str,
    pub gt: &'static str,
    pub and: &'static str,
    pub or: &'static str,
    pub present: fn(&str) -> String,
    pub missing_number: fn(&str) -> String,
    pub missing_text: fn(&str) -> String,
    /// A condition no row meets.
    pub never: &'static str,
}

/// A number as SQL and SPSS read it back exactly (Rust's shortest round-trip form).
pub(super) fn number_literal(x: f64) -> String {
    format!("{x:?}").trim_end_matches(".0").to_string()
}

/// One predictor's condition in `d`.
pub(super) fn written(c: &Condition, v: &VariableInfo, d: &Dialect) -> String {
    let col = (d.column)(&v.name);
    let (le, gt, and) = (d.le, d.gt, d.and);
    let mut parts: Vec<String> = match c.allowed(v) {
        Allowed::Texts(t) if !t.is_empty() => {
            vec![(d.one_of)(&col, &t.iter().map(|s| (d.text)(s)).collect::<Vec<_>>())]
        }
        Allowed::Numbers(n) if !n.is_empty() => {
            vec![(d.one_of)(
                &col,
                &n.iter().map(|&x| number_literal(x)).collect::<Vec<_>>(),
            )]
        }
        Allowed::Intervals(runs) => runs
            .into_iter()
            .map(|run| match run {
                (None, None) => (d.present)(&col),
                (None, Some(u)) => format!("{col} {le} {}", number_literal(u)),
                (Some(l), None) => format!("{col} {gt} {}", number_literal(l)),
                (Some(l), Some(u)) => {
                    format!(
                        "({col} {gt} {} {and} {col} {le} {})",
                        number_literal(l),
                        number_literal(u)
                    )
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    if c.missing(v) {
        parts.push(if v.numeric || v.cut_points.is_some() {
            (d.missing_number)(&col)
        } else {
            (d.missing_text)(&col)
        });
    }
    match parts.len() {
        0 => d.never.to_string(),
        1 => parts.remove(0),
        _ => format!("({})", parts.join(&format!(" {} ", d.or))),
    }
}

/// A name safe in SQL, SPSS and PMML as a quoted identifier: the variable's own name, with
/// double quotes doubled (SQL) — the other forms escape it themselves.
pub fn sql_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
