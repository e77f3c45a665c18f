//! Tests of independence on an I × J table: Pearson X² and likelihood-ratio G²,
//! with expected counts from the margins, or with case weights from IBM's
//! iterative proportional fitting.

use super::distributions::chi2_ln_sf;
use super::TestResult;

/// A table of observed (frequency-weighted) counts, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: usize,
    pub cols: usize,
    pub n: Vec<f64>,
    /// Sums of case weight × frequency weight per cell, when case weights are used.
    pub w: Option<Vec<f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Statistic {
    #[default]
    Pearson,
    LikelihoodRatio,
}

/// Convergence of the iterative fits (IBM defaults: ε = 0.001, 100 iterations).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Convergence {
    pub epsilon: f64,
    pub max_iterations: usize,
}

impl Default for Convergence {
    fn default() -> Self {
        Convergence {
            epsilon: 0.001,
            max_iterations: 100,
        }
    }
}

impl Table {
    pub fn from_rows(rows: &[Vec<f64>]) -> Table {
        let cols = rows.first().map_or(0, Vec::len);
        Table {
            rows: rows.len(),
            cols,
            n: rows.iter().flatten().copied().collect(),
            w: None,
        }
    }

    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.n[i * self.cols + j]
    }

    /// The same table without empty rows and columns.
    pub fn compact(&self) -> Table {
        let row_sum = |i: usize| (0..self.cols).map(|j| self.at(i, j)).sum::<f64>();
        let col_sum = |j: usize| (0..self.rows).map(|i| self.at(i, j)).sum::<f64>();
        let rows: Vec<usize> = (0..self.rows).filter(|&i| row_sum(i) > 0.0).collect();
        let cols: Vec<usize> = (0..self.cols).filter(|&j| col_sum(j) > 0.0).collect();
        let pick = |v: &Vec<f64>| {
            rows.iter()
                .flat_map(|&i| cols.iter().map(move |&j| v[i * self.cols + j]))
                .collect()
        };
        Table {
            rows: rows.len(),
            cols: cols.len(),
            n: pick(&self.n),
            w: self.w.as_ref().map(pick),
        }
    }

    fn margins(&self) -> (Vec<f64>, Vec<f64>, f64) {
        let mut r = vec![0.0; self.rows];
        let mut c = vec![0.0; self.cols];
        for i in 0..self.rows {
            for j in 0..self.cols {
                let x = self.at(i, j);
                r[i] += x;
                c[j] += x;
            }
        }
        let total = r.iter().sum();
        (r, c, total)
    }

    /// Mean case weight per cell, w̄ = w / n (empty cells: the overall mean weight).
    pub fn mean_weights(&self) -> Option<Vec<f64>> {
        let w = self.w.as_ref()?;
        let overall = w.iter().sum::<f64>() / self.n.iter().sum::<f64>();
        Some(
            self.n
                .iter()
                .zip(w)
                .map(|(&n, &w)| if n > 0.0 { w / n } else { overall })
                .collect(),
        )
    }

    /// Expected counts under independence: closed form, or IPF with case weights.
    pub fn expected(&self, conv: Convergence) -> Vec<f64> {
        let (r, c, total) = self.margins();
        let Some(wbar) = self.mean_weights() else {
            return r
                .iter()
                .flat_map(|ri| c.iter().map(move |cj| ri * cj / total))
                .collect();
        };
        let (rows, cols) = (self.rows, self.cols);
        let mut alpha = vec![1.0; rows];
        let mut beta = vec![1.0; cols];
        let mut m: Vec<f64> = wbar.iter().map(|w| 1.0 / w).collect();
        for _ in 0..conv.max_iterations {
            for i in 0..rows {
                let s: f64 = (0..cols).map(|j| m[i * cols + j]).sum();
                alpha[i] *= r[i] / s;
            }
            for j in 0..cols {
                let s: f64 = (0..rows).map(|i| alpha[i] / wbar[i * cols + j]).sum();
                beta[j] = c[j] / s;
            }
            let mut delta: f64 = 0.0;
            for i in 0..rows {
                for j in 0..cols {
                    let k = i * cols + j;
                    let new = alpha[i] * beta[j] / wbar[k];
                    delta = delta.max((new - m[k]).abs());
                    m[k] = new;
                }
            }
            if delta < conv.epsilon {
                break;
            }
        }
        m
    }
}

/// Pearson X² or G² with df = (I−1)(J−1), after dropping empty rows and columns.
pub fn test(table: &Table, statistic: Statistic, conv: Convergence) -> TestResult {
    let t = table.compact();
    if t.rows < 2 || t.cols < 2 {
        return TestResult::NONE;
    }
    let m = t.expected(conv);
    let stat = match statistic {
        Statistic::Pearson => t.n.iter().zip(&m).map(|(n, m)| (n - m) * (n - m) / m).sum::<f64>(),
        Statistic::LikelihoodRatio => {
            2.0 * t
                .n
                .iter()
                .zip(&m)
                .filter(|(n, _)| **n > 0.0)
                .map(|(n, m)| n * (n / m).ln())
                .sum::<f64>()
        }
    };
    let df = ((t.rows - 1) * (t.cols - 1)) as f64;
    TestResult {
        statistic: stat,
        df1: df,
        df2: 0.0,
        ln_p: chi2_ln_sf(stat, df),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs()
    }

    #[test]
    fn pearson_reference_table() {
        let t = Table::from_rows(&[vec![10., 20., 30.], vec![25., 15., 5.], vec![7., 9., 30.]]);
        let r = test(&t, Statistic::Pearson, Convergence::default());
        assert!(close(r.statistic, 36.42475620193012, 1e-12));
        assert_eq!(r.df1, 4.0);
        assert!(close(r.p(), 2.3661692898173033e-07, 1e-9));
    }

    #[test]
    fn two_by_two_without_yates() {
        // y = [1,1,1,2,2,2,2], x = [1,1,1,1,2,2,2]
        let t = Table::from_rows(&[vec![3., 1.], vec![0., 3.]]);
        let r = test(&t, Statistic::Pearson, Convergence::default());
        assert!(close(r.statistic, 3.9375, 1e-12));
        assert!((r.p() - 0.0472).abs() < 5e-5);
    }

    #[test]
    fn empty_rows_and_columns_are_dropped_and_degenerate_tables_give_p_one() {
        let t = Table::from_rows(&[vec![3., 0., 1.], vec![0., 0., 0.], vec![0., 0., 3.]]);
        let r = test(&t, Statistic::Pearson, Convergence::default());
        assert!(close(r.statistic, 3.9375, 1e-12));
        assert_eq!(r.df1, 1.0);
        let one_row = Table::from_rows(&[vec![3., 4.]]);
        assert_eq!(
            test(&one_row, Statistic::Pearson, Convergence::default()),
            TestResult::NONE
        );
    }

    #[test]
    fn case_weighted_pearson_matches_ibm_iteration() {
        let mut t = Table::from_rows(&[vec![4., 2., 1.], vec![1., 2., 1.]]);
        t.w = Some(vec![3.2, 1.4, 1.2, 1.1, 2.4, 0.2]);
        let tight = Convergence {
            epsilon: 1e-13,
            max_iterations: 100_000,
        };
        let r = test(&t, Statistic::Pearson, tight);
        assert!(close(r.statistic, 2.4066797855, 1e-9), "{}", r.statistic);
        assert!(close(r.p(), 0.3001899336, 1e-9));
        let r = test(&t, Statistic::Pearson, Convergence::default());
        assert!(close(r.statistic, 2.4067039659, 1e-9), "{}", r.statistic);
    }

    #[test]
    fn likelihood_ratio_is_twice_the_kullback_sum() {
        let t = Table::from_rows(&[vec![10., 20.], vec![20., 10.]]);
        let r = test(&t, Statistic::LikelihoodRatio, Convergence::default());
        let g2 = 2.0 * 2.0 * (10.0 * (10.0f64 / 15.0).ln() + 20.0 * (20.0f64 / 15.0).ln());
        assert!(close(r.statistic, g2, 1e-12));
    }
}
