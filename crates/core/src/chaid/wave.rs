//! A saved tree (its PMML) applied to a new wave of registrations, in aggregate only: per
//! terminal node the wave's number of cases and class counts beside what the model expects
//! (its share of the cases and its class distribution), with a drift test; then the wave's
//! risk and classification table. Everything goes through the disclosure rule, as a tree of
//! the wave's counts. No case's node or prediction is kept, shown or written: a risk score per
//! client is profiling, and this tool does not make it.
//!
//! Drift tests, per terminal node, Bonferroni-adjusted over the terminal nodes (flagged at
//! 0.05): the node's share of the wave against its share in the model (Pearson's χ², 1 df), and
//! the wave's class counts in the node against the model's distribution there (Pearson's χ²
//! goodness of fit, classes − 1 df). A test is shown only where the counts it rests on are: a
//! statistic beside hidden counts could give them back.

use serde::{Deserialize, Serialize};

use super::data::{Level, RawColumn};
use super::published::{PublishedClassification, PublishedTree};
use super::report::classification;
use super::rules::pmml_read::{PmmlTree, Value};
use super::tree::{Node, Summary, Tree, VariableInfo};
use crate::disclosure::Count;
use crate::stats::distributions::chi2_ln_sf;

/// The level at which a drift test flags a node (before the Bonferroni adjustment).
pub const ALPHA: f64 = 0.05;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaveError {
    /// The dependent is not a column of the new wave.
    NoTarget { target: String },
    /// The model is a regression tree: no classes to compare.
    NotClasses,
    /// No case of the wave has one of the model's classes.
    NoCases { target: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Test {
    pub statistic: f64,
    pub df: f64,
    /// Bonferroni-adjusted over the terminal nodes.
    pub adj_p: f64,
    pub flagged: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveNode {
    /// The model's node id.
    pub node: String,
    pub n: Count,
    /// % of the wave's cases (when N is shown).
    pub share: Option<f64>,
    /// % of the model's cases, as the model states it.
    pub expected_share: Option<f64>,
    pub observed: Vec<Count>,
    /// Per class, % of the node's cases (when shown).
    pub observed_percent: Vec<Option<f64>>,
    /// Per class, % in the model's node (when the model states it).
    pub expected_percent: Option<Vec<f64>>,
    pub share_test: Option<Test>,
    pub distribution_test: Option<Test>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveReport {
    pub target: String,
    pub classes: Vec<String>,
    pub total: Count,
    /// Cases left out: no known outcome, or one the model does not know.
    pub left_out: usize,
    pub nodes: Vec<WaveNode>,
    pub risk: Option<(f64, f64)>,
    pub classification: Option<PublishedClassification>,
    /// The model's own risk (misclassified share of its cases), when it states every count.
    pub model_risk: Option<f64>,
    /// The wave's gains for the chosen class, through the disclosure rule.
    pub gains: Option<super::published::PublishedGains>,
    pub hides: bool,
    pub threshold: u64,
}

fn value_of(col: Option<&RawColumn>, row: usize) -> Value<'_> {
    match col {
        Some(RawColumn::Text(t)) => t
            .get(row)
            .filter(|s| !s.trim().is_empty())
            .map_or(Value::Missing, Value::Text),
        Some(RawColumn::Number(v)) => v[row].map_or(Value::Missing, Value::Number),
        None => Value::Missing,
    }
}

fn text_of(col: &RawColumn, row: usize) -> Option<String> {
    match col {
        RawColumn::Text(t) => t.get(row).map(|s| s.trim().to_string()),
        RawColumn::Number(v) => v[row].map(super::binning::number_label),
    }
}

fn test(statistic: f64, df: f64, tests: usize) -> Test {
    let p = if df > 0.0 { chi2_ln_sf(statistic, df).exp() } else { 1.0 };
    let adj_p = (p * tests as f64).min(1.0);
    Test {
        statistic,
        df,
        adj_p,
        flagged: adj_p < ALPHA,
    }
}

/// Apply `model` to the wave's `columns` (by name; the model's target among them holds the
/// observed outcome), with the gains for `class` when given.
pub fn apply(
    model: &PmmlTree,
    columns: &[(&str, &RawColumn)],
    threshold: u64,
    class: Option<&str>,
) -> Result<WaveReport, WaveError> {
    if model.regression || model.classes.is_empty() {
        return Err(WaveError::NotClasses);
    }
    let target = &model.target;
    let y = columns
        .iter()
        .find(|(n, _)| n == target)
        .map(|(_, c)| *c)
        .ok_or_else(|| WaveError::NoTarget { target: target.clone() })?;
    let k = model.classes.len();
    let cols: Vec<Option<&RawColumn>> = model
        .fields
        .iter()
        .map(|f| columns.iter().find(|(n, _)| *n == f.name).map(|(_, c)| *c))
        .collect();
    // Counts per model node (each case adds to its node and every ancestor).
    let mut counts = vec![vec![0.0; k]; model.nodes.len()];
    let mut left_out = 0;
    for row in 0..y.len() {
        let Some(class) = text_of(y, row).and_then(|t| model.classes.iter().position(|c| *c == t)) else {
            left_out += 1;
            continue;
        };
        let value = |f: usize| value_of(cols[f], row);
        let mut at = Some(model.node_of(&value));
        while let Some(i) = at {
            counts[i][class] += 1.0;
            at = model.nodes[i].parent;
        }
    }
    let total: f64 = counts[0].iter().sum();
    if total == 0.0 {
        return Err(WaveError::NoCases { target: target.clone() });
    }
    // The wave as a tree of the model's shape, so that the disclosure rule protects it.
    let tree = wave_tree(model, &counts);
    let class = class.and_then(|c| model.classes.iter().position(|x| x == c));
    let report = super::report::Report {
        format: super::report::FORMAT.into(),
        risk: super::report::risk_of_classes(&tree),
        classification: classification(&tree),
        gains: class.and_then(|c| super::report::gains(&tree, c)),
        cross_validation: None,
        tree,
    };
    let published = report.publish(threshold);
    let gains = report
        .gains
        .as_ref()
        .zip(class)
        .and_then(|(g, c)| published.gains(c, &g.nodes));
    // Terminal nodes in the order of their ids (as the report numbers them), else as written.
    let mut terminals: Vec<usize> = (0..model.nodes.len())
        .filter(|&i| model.nodes[i].children.is_empty())
        .collect();
    terminals.sort_by_key(|&i| (model.nodes[i].id.parse::<u64>().unwrap_or(u64::MAX), i));
    let root_count = model.nodes[0].record_count;
    let nodes = terminals
        .iter()
        .map(|&i| wave_node(model, &published, i, root_count, terminals.len()))
        .collect();
    Ok(WaveReport {
        target: target.clone(),
        classes: model.classes.clone(),
        total: published.total,
        left_out,
        nodes,
        risk: published.risk,
        classification: published.classification.clone(),
        model_risk: model_risk(model),
        gains,
        hides: published.hides,
        threshold,
    })
}

/// The model's misclassified share, from its terminal nodes' stated counts (none if one is not).
fn model_risk(model: &PmmlTree) -> Option<f64> {
    let total = model.nodes.first()?.record_count?;
    let mut wrong = 0.0;
    for node in model.nodes.iter().filter(|n| n.children.is_empty()) {
        let n = node.record_count?;
        let score = node.score.as_ref()?;
        let right = node.distribution.iter().find(|(v, _, _)| v == score)?.1;
        wrong += n - right;
    }
    (total > 0.0).then(|| wrong / total)
}

fn wave_tree(model: &PmmlTree, counts: &[Vec<f64>]) -> Tree {
    let total: f64 = counts[0].iter().sum();
    let depth_of = |mut i: usize| {
        let mut d = 0;
        while let Some(p) = model.nodes[i].parent {
            d += 1;
            i = p;
        }
        d
    };
    let nodes: Vec<Node> = model
        .nodes
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let n: f64 = counts[i].iter().sum();
            // The class the model predicts here (a node without a score predicts as its parent).
            let mut at = Some(i);
            let mut predicted = 0;
            while let Some(j) = at {
                if let Some(c) = model.nodes[j]
                    .score
                    .as_ref()
                    .and_then(|s| model.classes.iter().position(|x| x == s))
                {
                    predicted = c;
                    break;
                }
                at = model.nodes[j].parent;
            }
            Node {
                id: i,
                parent: m.parent,
                depth: depth_of(i),
                branch: None,
                n,
                share: n / total,
                summary: Summary::Classes {
                    counts: counts[i].clone(),
                },
                predicted: predicted as f64,
                split: None,
                children: m.children.clone(),
            }
        })
        .collect();
    Tree {
        target: VariableInfo {
            name: model.target.clone(),
            level: Level::Nominal,
            categories: model.classes.clone(),
            cut_points: None,
            numeric: false,
        },
        predictors: Vec::new(),
        params: Default::default(),
        nodes,
        total,
        order_ties: 0,
    }
}

fn wave_node(model: &PmmlTree, published: &PublishedTree, i: usize, root_count: Option<f64>, tests: usize) -> WaveNode {
    let m = &model.nodes[i];
    let p = &published.nodes[i];
    let total = published.total.n.map(|t| t as f64);
    let expected_share = m
        .record_count
        .zip(root_count)
        .filter(|(_, r)| *r > 0.0)
        .map(|(c, r)| 100.0 * c / r);
    let expected: Option<Vec<f64>> = (!m.distribution.is_empty()).then(|| {
        model
            .classes
            .iter()
            .map(|c| {
                m.distribution
                    .iter()
                    .find(|(v, _, _)| v == c)
                    .map_or(0.0, |(_, count, prob)| {
                        prob.unwrap_or_else(|| count / m.record_count.unwrap_or(f64::NAN))
                    })
            })
            .collect()
    });
    let share_test = match (p.n.n, total, expected_share) {
        (Some(n), Some(t), Some(e)) if e > 0.0 && e < 100.0 => {
            let (n, e) = (n as f64, t * e / 100.0);
            Some(test((n - e).powi(2) / e + (n - e).powi(2) / (t - e), 1.0, tests))
        }
        _ => None,
    };
    let observed: Option<Vec<f64>> = p.counts.iter().map(|c| c.n.map(|x| x as f64)).collect();
    let distribution_test = match (&observed, p.n.n, &expected) {
        (Some(o), Some(n), Some(e)) if n > 0 => {
            let n = n as f64;
            let mut x2 = 0.0;
            let mut cells = 0;
            for (&oj, &ej) in o.iter().zip(e) {
                let ex = n * ej;
                if ex > 0.0 {
                    x2 += (oj - ex).powi(2) / ex;
                    cells += 1;
                } else if oj > 0.0 {
                    x2 = f64::INFINITY;
                }
            }
            Some(test(x2, (cells.max(1) - 1) as f64, tests))
        }
        _ => None,
    };
    WaveNode {
        node: m.id.clone(),
        n: p.n,
        share: p.share,
        expected_share,
        observed: p.counts.clone(),
        observed_percent: p.percents.clone(),
        expected_percent: expected.map(|e| e.iter().map(|x| 100.0 * x).collect()),
        share_test,
        distribution_test,
    }
}
