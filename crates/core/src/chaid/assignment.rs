//! Misclassification costs and prior probabilities (SPSS's COSTS and PRIORS): which class a
//! node predicts, the risk and the classification table. They do not change how the tree
//! grows (CHAID's tests count cases); IBM's TREE algorithms assign node t the class i that
//! minimises the expected cost
//!
//!   Σ_j C(i|j) · p(j|t),   p(j,t) = π(j) · N_j(t) / N_j,   p(j|t) = p(j,t) / Σ_k p(k,t),
//!
//! and the risk is R(T) = Σ_t Σ_j C(j*(t)|j) · p(j,t) over the terminal nodes. With priors
//! from the data and equal costs this is the share misclassified, and the predicted class is
//! the largest one (ties: the first), exactly as without them.
//!
//! The risk's standard error treats R(T) as the mean loss per case, a case of class j in node
//! t costing L = C(j*(t)|j) · π(j) · N / N_j: SE = √((mean(L²) − R²) / N). With priors from
//! the data and equal costs, L is 0 or 1 and this is SPSS's √(R(1 − R)/N).

use serde::{Deserialize, Serialize};

use super::error::{ChaidError, Expected};
use super::report::Risk;
use super::tree::{Summary, Tree};

/// Prior probabilities of the dependent's classes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priors {
    /// The classes' shares in the analysed cases (SPSS's default).
    #[default]
    Data,
    /// Every class equally likely.
    Equal,
    /// Typed, one per class in the order of the dependent's categories (scaled to sum to 1).
    Custom(Vec<f64>),
}

/// Costs and priors as the recept and the form give them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Assignment {
    /// `costs[predicted][observed]`, the cost of predicting a class for a case of another
    /// (0 on the diagonal); empty: every misclassification costs 1.
    pub costs: Vec<Vec<f64>>,
    pub priors: Priors,
}

impl Assignment {
    pub fn is_default(&self) -> bool {
        self.costs.is_empty() && self.priors == Priors::Data
    }

    /// Refuse costs or priors that do not fit a dependent with `classes` classes.
    pub fn check_for(&self, classes: usize) -> Result<(), ChaidError> {
        let bad = |name: &str, value: String| {
            Err(ChaidError::InvalidParameter {
                name: name.to_string(),
                value,
                expected: Expected::CostsAndPriors {
                    classes: classes as u64,
                },
            })
        };
        if !self.costs.is_empty() {
            let square = self.costs.len() == classes && self.costs.iter().all(|r| r.len() == classes);
            if !square {
                return bad(
                    "costs",
                    format!("{} × {}", self.costs.len(), self.costs.first().map_or(0, Vec::len)),
                );
            }
            for (i, row) in self.costs.iter().enumerate() {
                for (j, &c) in row.iter().enumerate() {
                    if !c.is_finite() || c < 0.0 || (i == j && c != 0.0) {
                        return bad("costs", format!("[{}][{}] = {c}", i + 1, j + 1));
                    }
                }
            }
        }
        if let Priors::Custom(p) = &self.priors {
            let sum: f64 = p.iter().sum();
            if p.len() != classes || p.iter().any(|x| !x.is_finite() || *x < 0.0) || sum <= 0.0 {
                return bad("priors", format!("{p:?}"));
            }
        }
        Ok(())
    }

    fn cost(&self, predicted: usize, observed: usize) -> f64 {
        match self.costs.get(predicted).and_then(|r| r.get(observed)) {
            Some(&c) => c,
            None => f64::from(u8::from(predicted != observed)),
        }
    }

    /// π(j) for classes with `totals` cases each.
    pub fn priors(&self, totals: &[f64]) -> Vec<f64> {
        let n: f64 = totals.iter().sum();
        match &self.priors {
            Priors::Data => totals.iter().map(|&t| if n > 0.0 { t / n } else { 0.0 }).collect(),
            Priors::Equal => vec![1.0 / totals.len() as f64; totals.len()],
            Priors::Custom(p) => {
                let s: f64 = p.iter().sum();
                p.iter().map(|x| x / s).collect()
            }
        }
    }

    /// What one case of class `observed` predicted as `predicted` adds to the risk, times N:
    /// C(predicted|observed) · π(observed) · N / N_observed.
    pub fn loss(&self, predicted: usize, observed: usize, priors: &[f64], totals: &[f64]) -> f64 {
        let n: f64 = totals.iter().sum();
        let nj = totals.get(observed).copied().unwrap_or(0.0);
        if nj <= 0.0 {
            return 0.0;
        }
        self.cost(predicted, observed) * priors.get(observed).copied().unwrap_or(0.0) * n / nj
    }

    /// The class with the least expected cost for a node with `counts` per class (ties: the
    /// first, within a relative 1e-12 so that sums in another order do not decide).
    pub fn predict(&self, counts: &[f64], priors: &[f64], totals: &[f64]) -> usize {
        let p: Vec<f64> = counts
            .iter()
            .zip(totals)
            .zip(priors)
            .map(|((&c, &t), &pi)| if t > 0.0 { pi * c / t } else { 0.0 })
            .collect();
        let expected = |i: usize| (0..p.len()).map(|j| self.cost(i, j) * p[j]).sum::<f64>();
        let mut best = (0, expected(0));
        for i in 1..p.len() {
            let e = expected(i);
            if e < best.1 - 1e-12 * best.1.abs().max(f64::MIN_POSITIVE) {
                best = (i, e);
            }
        }
        best.0
    }
}

/// The classes' totals (the root's counts).
fn totals(tree: &Tree) -> Option<Vec<f64>> {
    match tree.nodes.first().map(|n| &n.summary) {
        Some(Summary::Classes { counts }) => Some(counts.clone()),
        _ => None,
    }
}

/// Every node's predicted class under the tree's own costs and priors (`tree.params`).
pub fn apply(tree: &mut Tree) {
    let a = tree.params.assignment.clone();
    let Some(totals) = totals(tree) else { return };
    let priors = a.priors(&totals);
    for node in &mut tree.nodes {
        if let Summary::Classes { counts } = &node.summary {
            node.predicted = a.predict(counts, &priors, &totals) as f64;
        }
    }
}

/// R(T) with its standard error under the tree's costs and priors (see the module's text).
pub fn risk(tree: &Tree) -> Option<Risk> {
    let a = &tree.params.assignment;
    let totals = totals(tree)?;
    let priors = a.priors(&totals);
    let n: f64 = totals.iter().sum();
    let (mut sum, mut sum2) = (0.0, 0.0);
    for node in tree.terminals() {
        if let Summary::Classes { counts } = &node.summary {
            for (j, &c) in counts.iter().enumerate() {
                let l = a.loss(node.predicted as usize, j, &priors, &totals);
                sum += c * l;
                sum2 += c * l * l;
            }
        }
    }
    let r = sum / n;
    Some(Risk {
        estimate: r,
        se: ((sum2 / n - r * r).max(0.0) / n).sqrt(),
    })
}
