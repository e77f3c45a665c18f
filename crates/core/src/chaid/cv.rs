//! k-fold cross-validated risk (the seed is passed in).

use serde::{Deserialize, Serialize};

use super::data::{Dataset, Target};
use super::error::ChaidError;
use super::grow::fit;
use super::params::CheckedParams;
use crate::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CvRisk {
    pub folds: usize,
    pub estimate: f64,
    pub se: f64,
}

pub fn cross_validate(data: &Dataset, params: &CheckedParams, folds: usize, seed: u64) -> Result<CvRisk, ChaidError> {
    let n = data.rows();
    if folds < 2 || folds > n {
        return Err(ChaidError::InvalidParameter {
            name: "folds".into(),
            value: folds.to_string(),
            expected: super::error::Expected::Folds,
        });
    }
    let mut order: Vec<usize> = (0..n).collect();
    Rng::new(seed).shuffle(&mut order);
    let mut fold_of = vec![0usize; n];
    for (i, &row) in order.iter().enumerate() {
        fold_of[row] = i % folds;
    }
    // Costs and priors: each case's loss as in the risk (`assignment`), from the whole sample's
    // class totals.
    let assignment = &params.get().assignment;
    let class_totals: Vec<f64> = match &data.target {
        Target::Classes { codes, labels, .. } => {
            let mut t = vec![0.0; labels.len()];
            for (row, &c) in codes.iter().enumerate() {
                t[usize::from(c)] += data.freq(row);
            }
            t
        }
        Target::Scale { .. } => Vec::new(),
    };
    let priors = assignment.priors(&class_totals);
    let (mut total, mut err, mut err2) = (0.0, 0.0, 0.0);
    for k in 0..folds {
        let train: Vec<usize> = (0..n).filter(|&r| fold_of[r] != k).collect();
        let tree = fit(&data.select(&train), params)?;
        for row in (0..n).filter(|&r| fold_of[r] == k) {
            let predicted = tree.nodes[tree.node_of(data, row)].predicted;
            let e = match &data.target {
                Target::Classes { codes, .. } if !assignment.is_default() => {
                    assignment.loss(predicted as usize, usize::from(codes[row]), &priors, &class_totals)
                }
                Target::Classes { codes, .. } => f64::from(u8::from(f64::from(codes[row]) != predicted)),
                Target::Scale { values, .. } => (values[row] - predicted).powi(2),
            };
            let f = data.freq(row);
            total += f;
            err += f * e;
            err2 += f * e * e;
        }
    }
    let r = err / total;
    let se = match &data.target {
        Target::Classes { .. } if assignment.is_default() => (r * (1.0 - r) / total).sqrt(),
        Target::Classes { .. } => ((err2 / total - r * r).max(0.0) / total).sqrt(),
        Target::Scale { .. } => ((err2 / total - r * r).max(0.0) / total).sqrt(),
    };
    Ok(CvRisk { folds, estimate: r, se })
}
