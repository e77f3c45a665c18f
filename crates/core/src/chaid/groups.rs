//! Rows of a node's predictor table (one per category or group of categories)
//! and the test of independence between groups and the dependent.

use crate::stats::anova::{self, Moments};
use crate::stats::independence::{self, Convergence, Statistic, Table};
use crate::stats::{row_effects, TestResult};

/// What a category (or merged group) holds: class counts, or moments of a scale dependent.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Classes { n: Vec<f64>, w: Option<Vec<f64>> },
    Scale(Moments),
}

impl Row {
    /// Frequency-weighted number of cases.
    pub fn total(&self) -> f64 {
        match self {
            Row::Classes { n, .. } => n.iter().sum(),
            Row::Scale(m) => m.n,
        }
    }

    pub fn merge(&self, other: &Row) -> Row {
        match (self, other) {
            (Row::Classes { n: a, w: wa }, Row::Classes { n: b, w: wb }) => Row::Classes {
                n: a.iter().zip(b).map(|(x, y)| x + y).collect(),
                w: match (wa, wb) {
                    (Some(x), Some(y)) => Some(x.iter().zip(y).map(|(p, q)| p + q).collect()),
                    _ => None,
                },
            },
            (Row::Scale(a), Row::Scale(b)) => Row::Scale(a.merge(b)),
            _ => unreachable!("rows of one table have one kind"),
        }
    }

    /// Sum of several rows.
    pub fn sum<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Row {
        let mut it = rows.into_iter();
        let first = it.next().expect("at least one row").clone();
        it.fold(first, |acc, r| acc.merge(r))
    }
}

/// The test CHAID uses for this dependent.
#[derive(Debug, Clone)]
pub enum Tester {
    Nominal {
        statistic: Statistic,
        convergence: Convergence,
    },
    Ordinal {
        scores: Vec<f64>,
        convergence: Convergence,
    },
    Scale,
}

impl Tester {
    /// ln p of the test on two groups only (the merge step's similarity).
    /// Unweighted nominal tables take a direct path without allocation.
    pub fn pair_ln_p(&self, a: &Row, b: &Row) -> f64 {
        if let (Tester::Nominal { statistic, .. }, Row::Classes { n: x, w: None }, Row::Classes { n: y, w: None }) =
            (self, a, b)
        {
            return pair_independence(x, y, *statistic);
        }
        self.test(&[a, b]).ln_p
    }

    pub fn test(&self, rows: &[&Row]) -> TestResult {
        match self {
            Tester::Scale => {
                let moments: Vec<Moments> = rows
                    .iter()
                    .map(|r| match r {
                        Row::Scale(m) => *m,
                        Row::Classes { .. } => unreachable!("scale tester on class rows"),
                    })
                    .collect();
                anova::test(&moments)
            }
            Tester::Nominal { statistic, convergence } => independence::test(&table(rows), *statistic, *convergence),
            Tester::Ordinal { scores, convergence } => row_effects::test(&table(rows), scores, *convergence),
        }
    }
}

/// Pearson X² or G² of a 2 × J table given as two rows, empty columns dropped.
fn pair_independence(x: &[f64], y: &[f64], statistic: Statistic) -> f64 {
    let ra: f64 = x.iter().sum();
    let rb: f64 = y.iter().sum();
    if ra <= 0.0 || rb <= 0.0 {
        return 0.0;
    }
    let total = ra + rb;
    let (mut stat, mut cols) = (0.0, 0usize);
    for (&a, &b) in x.iter().zip(y) {
        let c = a + b;
        if c <= 0.0 {
            continue;
        }
        cols += 1;
        let (ea, eb) = (ra * c / total, rb * c / total);
        stat += match statistic {
            Statistic::Pearson => (a - ea) * (a - ea) / ea + (b - eb) * (b - eb) / eb,
            Statistic::LikelihoodRatio => {
                let term = |o: f64, e: f64| if o > 0.0 { 2.0 * o * (o / e).ln() } else { 0.0 };
                term(a, ea) + term(b, eb)
            }
        };
    }
    if cols < 2 {
        return 0.0;
    }
    crate::stats::distributions::chi2_ln_sf(stat, (cols - 1) as f64)
}

fn table(rows: &[&Row]) -> Table {
    let mut n = Vec::new();
    let mut w: Option<Vec<f64>> = Some(Vec::new());
    let mut cols = 0;
    for r in rows {
        let Row::Classes { n: rn, w: rw } = r else {
            unreachable!("class tester on scale rows")
        };
        cols = rn.len();
        n.extend_from_slice(rn);
        match (rw, w.as_mut()) {
            (Some(rw), Some(acc)) => acc.extend_from_slice(rw),
            _ => w = None,
        }
    }
    Table {
        rows: rows.len(),
        cols,
        n,
        w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_direct_pair_test_equals_the_general_one() {
        let conv = Convergence::default();
        for statistic in [Statistic::Pearson, Statistic::LikelihoodRatio] {
            let t = Tester::Nominal {
                statistic,
                convergence: conv,
            };
            let cases = [
                (vec![30., 30., 0.], vec![55., 5., 0.]),
                (vec![3., 1.], vec![0., 3.]),
                (vec![0., 0.], vec![4., 2.]),
                (vec![7., 0., 2.], vec![1., 0., 9.]),
            ];
            for (x, y) in cases {
                let (a, b) = (Row::Classes { n: x, w: None }, Row::Classes { n: y, w: None });
                let general = t.test(&[&a, &b]).ln_p;
                let direct = t.pair_ln_p(&a, &b);
                assert!(
                    (general - direct).abs() <= 1e-12 * general.abs().max(1e-300),
                    "{general} vs {direct}"
                );
            }
        }
    }
}
