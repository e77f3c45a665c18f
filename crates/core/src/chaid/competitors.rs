//! The competing predictors of a node, as SPSS's interactive tree shows
//! them: each predictor's best split in the node (merged, min-child applied),
//! the most significant first, with its statistic, df, adjusted p and groups.

use serde::{Deserialize, Serialize};

use super::data::Dataset;
use super::groups::Row;
use super::grow::{better, branch_label, evaluate, statistic_kind, tester};
use super::merge::{self, Merged};
use super::subtree::{node_tables, rows_of};
use super::tree::Tree;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competitor {
    pub predictor: String,
    /// `chi_square`, `likelihood_ratio`, `row_effects` or `f`.
    pub statistic_kind: String,
    pub statistic: f64,
    pub df1: f64,
    pub df2: f64,
    pub adj_p: f64,
    /// Each group's label (`goed; slecht`, `<= 21`).
    pub groups: Vec<String>,
    /// The smallest count in the groups × classes table (the smallest group for a scale
    /// dependent): below the small-cell threshold the test is not shown, since a statistic
    /// beside the node's published counts could give a small cell back.
    pub smallest: f64,
}

impl Competitor {
    /// Whether the statistic and p-value may be shown at this small-cell threshold.
    pub fn shown(&self, threshold: u64) -> bool {
        self.smallest >= threshold as f64
    }
}

/// Up to `top` competitors of node `id` (one pass over the cases, then the node's own).
pub fn of_node(tree: &Tree, data: &Dataset, id: usize, top: usize) -> Vec<Competitor> {
    if id >= tree.nodes.len() {
        return Vec::new();
    }
    ranked(tree, data, &rows_of(tree, data, id), top)
}

fn ranked(tree: &Tree, data: &Dataset, rows: &[u32], top: usize) -> Vec<Competitor> {
    let params = &tree.params;
    let tester = tester(data, params);
    let kind = statistic_kind(data, params);
    let tables = node_tables(data, rows);
    let results = evaluate(data, params, &tester, &|p| tables[p].clone());
    let mut found: Vec<(usize, Merged)> = results
        .into_iter()
        .enumerate()
        .filter_map(|(p, m)| m.filter(Merged::can_split).map(|m| (p, m)))
        .map(|(p, m)| {
            (
                p,
                merge::enforce_min_child(m, data.predictors[p].missing(), params, &tester),
            )
        })
        .filter(|(_, m)| m.can_split())
        .collect();
    found.sort_by(|(pa, a), (pb, b)| {
        if better(a, *pa, b, *pb, params.tie_rule) {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
    found
        .into_iter()
        .take(top)
        .map(|(p, m)| {
            let pred = &data.predictors[p];
            Competitor {
                predictor: pred.name.clone(),
                statistic_kind: kind.to_string(),
                statistic: m.test.statistic,
                df1: m.test.df1,
                df2: m.test.df2,
                adj_p: m.adj_ln_p.exp(),
                groups: m.groups.iter().map(|g| branch_label(pred, &g.codes)).collect(),
                smallest: smallest(&m),
            }
        })
        .collect()
}

/// The smallest count of the groups × classes table, leaving out the classes nobody in the node
/// has (their zeros follow from the node's own counts).
fn smallest(m: &Merged) -> f64 {
    let rows: Vec<&Row> = m.groups.iter().map(|g| &g.row).collect();
    match rows.first() {
        Some(Row::Classes { .. }) => {
            let total = Row::sum(rows.iter().copied());
            let Row::Classes { n: total, .. } = total else {
                unreachable!()
            };
            rows.iter()
                .flat_map(|r| match r {
                    Row::Classes { n, .. } => n
                        .iter()
                        .zip(&total)
                        .filter(|(_, &t)| t > 0.0)
                        .map(|(&c, _)| c)
                        .collect(),
                    Row::Scale(_) => Vec::new(),
                })
                .fold(f64::INFINITY, f64::min)
        }
        _ => rows.iter().map(|r| r.total()).fold(f64::INFINITY, f64::min),
    }
}
