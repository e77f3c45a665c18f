//! What SPSS users expect next to a tree: risk with its standard error, the
//! classification table, gains for a target class, and the tree table.

use serde::{Deserialize, Serialize};

use super::cv::CvRisk;
use super::data::{Dataset, Target};
use super::tree::{Summary, Tree};

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub estimate: f64,
    pub se: f64,
}

/// Misclassified share with SE sqrt(R(1−R)/N); for a scale dependent the
/// within-node variance (mean squared error) with its standard error.
pub fn risk(tree: &Tree, data: &Dataset) -> Risk {
    let n = tree.total;
    match &data.target {
        Target::Classes { .. } if !tree.params.assignment.is_default() => {
            super::assignment::risk(tree).unwrap_or(Risk {
                estimate: f64::NAN,
                se: f64::NAN,
            })
        }
        Target::Classes { .. } => risk_of_classes(tree),
        Target::Scale { values, .. } => {
            let (mut w, mut s2, mut s4) = (0.0, 0.0, 0.0);
            for (row, &y) in values.iter().enumerate() {
                let e2 = (y - tree.nodes[tree.node_of(data, row)].predicted).powi(2);
                let wt = data.case_weight(row) * data.freq(row);
                w += wt;
                s2 += wt * e2;
                s4 += wt * e2 * e2;
            }
            let r = s2 / w;
            Risk {
                estimate: r,
                se: ((s4 / w - r * r).max(0.0) / n).sqrt(),
            }
        }
    }
}

/// The misclassified share of a class dependent's tree (equal costs, priors from the data), with
/// SE sqrt(R(1−R)/N): from the nodes' counts alone.
pub fn risk_of_classes(tree: &Tree) -> Risk {
    let n = tree.total;
    let wrong: f64 = tree
        .terminals()
        .map(|node| match &node.summary {
            Summary::Classes { counts } => node.n - counts[node.predicted as usize],
            Summary::Scale { .. } => 0.0,
        })
        .sum();
    let r = wrong / n;
    Risk {
        estimate: r,
        se: (r * (1.0 - r) / n).sqrt(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    pub classes: Vec<String>,
    /// counts[observed][predicted]
    pub counts: Vec<Vec<f64>>,
    pub percent_correct: Vec<f64>,
    pub overall_percent_correct: f64,
}

pub fn classification(tree: &Tree) -> Option<Classification> {
    let j = tree.target.categories.len();
    if tree.is_scale() {
        return None;
    }
    let mut counts = vec![vec![0.0; j]; j];
    for node in tree.terminals() {
        if let Summary::Classes { counts: c } = &node.summary {
            for (obs, &x) in c.iter().enumerate() {
                counts[obs][node.predicted as usize] += x;
            }
        }
    }
    let percent_correct = (0..j)
        .map(|k| {
            let row: f64 = counts[k].iter().sum();
            if row > 0.0 {
                100.0 * counts[k][k] / row
            } else {
                0.0
            }
        })
        .collect();
    let correct: f64 = (0..j).map(|k| counts[k][k]).sum();
    Some(Classification {
        classes: tree.target.categories.clone(),
        counts,
        percent_correct,
        overall_percent_correct: 100.0 * correct / tree.total,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GainsRow {
    pub node: usize,
    pub n: f64,
    pub node_percent: f64,
    pub gain_n: f64,
    pub gain_percent: f64,
    pub response_percent: f64,
    pub index_percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gains {
    pub target_class: String,
    /// Terminal nodes sorted by index, descending.
    pub nodes: Vec<GainsRow>,
    /// The same, accumulated from the top.
    pub cumulative: Vec<GainsRow>,
}

/// Gains for class `class` (its code).
pub fn gains(tree: &Tree, class: usize) -> Option<Gains> {
    let label = tree.target.categories.get(class)?.clone();
    let count = |s: &Summary| match s {
        Summary::Classes { counts } => counts[class],
        Summary::Scale { .. } => 0.0,
    };
    let all_target: f64 = tree.terminals().map(|n| count(&n.summary)).sum();
    let base = all_target / tree.total;
    let row = |node: usize, n: f64, gain: f64| GainsRow {
        node,
        n,
        node_percent: 100.0 * n / tree.total,
        gain_n: gain,
        gain_percent: if all_target > 0.0 {
            100.0 * gain / all_target
        } else {
            0.0
        },
        response_percent: if n > 0.0 { 100.0 * gain / n } else { 0.0 },
        index_percent: if n > 0.0 && base > 0.0 {
            100.0 * (gain / n) / base
        } else {
            0.0
        },
    };
    let mut nodes: Vec<GainsRow> = tree.terminals().map(|t| row(t.id, t.n, count(&t.summary))).collect();
    nodes.sort_by(|a, b| b.index_percent.total_cmp(&a.index_percent).then(a.node.cmp(&b.node)));
    let mut cumulative = Vec::with_capacity(nodes.len());
    let (mut n, mut g) = (0.0, 0.0);
    for r in &nodes {
        n += r.n;
        g += r.gain_n;
        cumulative.push(row(r.node, n, g));
    }
    Some(Gains {
        target_class: label,
        nodes,
        cumulative,
    })
}

/// Everything about one fitted tree, in the stable JSON form (see docs/chaid-json.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Version of this JSON form.
    pub format: String,
    pub tree: Tree,
    pub risk: Risk,
    pub classification: Option<Classification>,
    pub gains: Option<Gains>,
    pub cross_validation: Option<CvRisk>,
}

pub const FORMAT: &str = "perspectief-chaid/1";

pub fn report(tree: Tree, data: &Dataset, target_class: Option<usize>, cv: Option<CvRisk>) -> Report {
    let risk = risk(&tree, data);
    let classification = classification(&tree);
    let gains = target_class.and_then(|c| gains(&tree, c));
    Report {
        format: FORMAT.into(),
        tree,
        risk,
        classification,
        gains,
        cross_validation: cv,
    }
}
