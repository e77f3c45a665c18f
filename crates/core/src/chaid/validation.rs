//! Validating a tree as SPSS does: k-fold cross-validation of the risk, or a
//! split sample (the tree grows on the training cases and is tested on the
//! rest: a seeded random share, or the cases with chosen values of a variable
//! such as the steunpunt or the intake year). [`tree_on`] puts other cases
//! through a tree's splits: a test sample, or a new wave of registrations.

use serde::{Deserialize, Serialize};

use super::data::{Dataset, Target};
use super::subtree::rows_per_node;
use super::tree::{Summary, Tree};
use crate::rng::Rng;
use crate::stats::anova::Moments;

/// How a tree is validated (in the recept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Validation {
    /// k-fold cross-validation of the risk; the tree shown grows on all cases.
    CrossValidation { folds: usize, seed: u64 },
    /// A seeded random `training_percent` % of the cases grow the tree; the rest test it.
    SplitSample { training_percent: f64, seed: u64 },
    /// The cases with one of `test_values` of `variable` test the tree; the others grow it.
    SplitOn { variable: String, test_values: Vec<String> },
}

/// Which of `n` cases are test cases: exactly round(n × (100 − percent) / 100) of them,
/// chosen by a seeded shuffle.
pub fn random_test_cases(n: usize, training_percent: f64, seed: u64) -> Vec<bool> {
    let test = ((n as f64) * (100.0 - training_percent) / 100.0).round() as usize;
    let mut order: Vec<usize> = (0..n).collect();
    Rng::new(seed).shuffle(&mut order);
    let mut is_test = vec![false; n];
    for &r in order.iter().take(test.min(n)) {
        is_test[r] = true;
    }
    is_test
}

/// The training and the test cases of `data`, by a mask.
pub fn split(data: &Dataset, is_test: &[bool]) -> (Dataset, Dataset) {
    let (test, training): (Vec<usize>, Vec<usize>) = (0..data.rows()).partition(|&r| is_test[r]);
    (data.select(&training), data.select(&test))
}

/// `model`'s nodes with the cases of `data` in them: each node's count, class counts (or mean
/// and standard deviation) and share from `data`; its prediction and splits from the model.
/// `data` must be coded as the model's (the same [`Dataset`], or a selection of it).
pub fn tree_on(model: &Tree, data: &Dataset) -> Tree {
    let per_node = rows_per_node(model, data);
    let total: f64 = (0..data.rows()).map(|r| data.freq(r)).sum();
    let mut tree = model.clone();
    tree.total = total;
    for (node, rows) in tree.nodes.iter_mut().zip(&per_node) {
        node.n = rows.iter().map(|&r| data.freq(r as usize)).sum();
        node.share = if total > 0.0 { node.n / total } else { 0.0 };
        node.summary = match &data.target {
            Target::Classes { codes, labels, .. } => {
                let mut counts = vec![0.0; labels.len()];
                for &r in rows {
                    counts[usize::from(codes[r as usize])] += data.freq(r as usize);
                }
                Summary::Classes { counts }
            }
            Target::Scale { values, .. } => {
                let mut m = Moments::default();
                for &r in rows {
                    m.add(values[r as usize], data.case_weight(r as usize), data.freq(r as usize));
                }
                Summary::Scale {
                    mean: m.mean,
                    sd: m.sd(),
                }
            }
        };
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seeded_split_of_the_stated_size() {
        let a = random_test_cases(733, 70.0, 9);
        assert_eq!(a.iter().filter(|&&t| t).count(), 220);
        assert_eq!(a, random_test_cases(733, 70.0, 9));
        assert_ne!(a, random_test_cases(733, 70.0, 10));
        assert_eq!(random_test_cases(10, 100.0, 1).iter().filter(|&&t| t).count(), 0);
    }
}
