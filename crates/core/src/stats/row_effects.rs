//! Goodman's row-effects statistic H² for an ordinal dependent (IBM's iteration),
//! df = I − 1. Worked in log space: γ^z overflows for extreme tables.

use super::distributions::chi2_ln_sf;
use super::independence::{Convergence, Table};
use super::TestResult;

/// H² of `table` with fixed column scores (one per column of `table`).
pub fn test(table: &Table, scores: &[f64], conv: Convergence) -> TestResult {
    assert_eq!(scores.len(), table.cols, "one score per column");
    // Drop empty rows and columns, keeping the scores of the columns that stay.
    let col_sum = |j: usize| (0..table.rows).map(|i| table.at(i, j)).sum::<f64>();
    let keep: Vec<usize> = (0..table.cols).filter(|&j| col_sum(j) > 0.0).collect();
    let t = table.compact();
    if t.rows < 2 || t.cols < 2 {
        return TestResult::NONE;
    }
    let scores: Vec<f64> = keep.iter().map(|&j| scores[j]).collect();
    let (rows, cols) = (t.rows, t.cols);
    let n_row: Vec<f64> = (0..rows).map(|i| (0..cols).map(|j| t.at(i, j)).sum()).collect();
    let n_col: Vec<f64> = (0..cols).map(|j| (0..rows).map(|i| t.at(i, j)).sum()).collect();
    let total: f64 = n_row.iter().sum();
    let mean_score = scores.iter().zip(&n_col).map(|(s, n)| s * n).sum::<f64>() / total;
    let z: Vec<f64> = scores.iter().map(|s| s - mean_score).collect();
    let wbar = t.mean_weights().unwrap_or_else(|| vec![1.0; rows * cols]);

    let independence = t.expected(conv);
    let mut ln_alpha = vec![0.0; rows];
    let mut ln_beta = vec![0.0; cols];
    let mut ln_gamma = vec![0.0; rows];
    let model = |la: &[f64], lb: &[f64], lg: &[f64], i: usize, j: usize| {
        (la[i] + lb[j] + z[j] * lg[i]).exp() / wbar[i * cols + j]
    };
    let mut m: Vec<f64> = (0..rows * cols).map(|k| 1.0 / wbar[k]).collect();
    for _ in 0..conv.max_iterations {
        for i in 0..rows {
            let s: f64 = (0..cols).map(|j| m[i * cols + j]).sum();
            ln_alpha[i] += (n_row[i] / s).ln();
        }
        for j in 0..cols {
            let s: f64 = (0..rows)
                .map(|i| (ln_alpha[i] + z[j] * ln_gamma[i]).exp() / wbar[i * cols + j])
                .sum();
            ln_beta[j] = (n_col[j] / s).ln();
        }
        for i in 0..rows {
            let (mut num, mut den) = (0.0, 0.0);
            for j in 0..cols {
                let star = model(&ln_alpha, &ln_beta, &ln_gamma, i, j);
                num += z[j] * (t.at(i, j) - star);
                den += z[j] * z[j] * star;
            }
            let g = 1.0 + num / den;
            if g > 0.0 {
                ln_gamma[i] += g.ln();
            }
        }
        let mut delta: f64 = 0.0;
        for i in 0..rows {
            for j in 0..cols {
                let new = model(&ln_alpha, &ln_beta, &ln_gamma, i, j);
                delta = delta.max((new - m[i * cols + j]).abs());
                m[i * cols + j] = new;
            }
        }
        if delta < conv.epsilon {
            break;
        }
    }
    let h2 = 2.0
        * m.iter()
            .zip(&independence)
            .filter(|(a, _)| **a > 0.0)
            .map(|(a, b)| a * (a / b).ln())
            .sum::<f64>();
    let h2 = h2.max(0.0);
    let df = (rows - 1) as f64;
    TestResult {
        statistic: h2,
        df1: df,
        df2: 0.0,
        ln_p: chi2_ln_sf(h2, df),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::independence::{self, Statistic};

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs()
    }

    #[test]
    fn reference_table_fully_converged() {
        let t = Table::from_rows(&[
            vec![20., 15., 10., 5.],
            vec![10., 15., 15., 10.],
            vec![5., 10., 15., 20.],
        ]);
        let tight = Convergence {
            epsilon: 1e-12,
            max_iterations: 100_000,
        };
        let r = test(&t, &[1., 2., 3., 4.], tight);
        assert!(close(r.statistic, 22.2457577770, 1e-9), "{}", r.statistic);
        assert_eq!(r.df1, 2.0);
        assert!(close(r.p(), 1.477049588e-05, 1e-8));
    }

    #[test]
    fn two_classes_reduce_to_g_squared() {
        let t = Table::from_rows(&[vec![30., 10.], vec![12., 25.], vec![7., 3.]]);
        let tight = Convergence {
            epsilon: 1e-12,
            max_iterations: 100_000,
        };
        let h2 = test(&t, &[1., 2.], tight).statistic;
        let g2 = independence::test(&t, Statistic::LikelihoodRatio, tight).statistic;
        assert!(close(h2, g2, 1e-9), "{h2} vs {g2}");
    }
}
