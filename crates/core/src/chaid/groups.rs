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
            Tester::Nominal {
                statistic,
                convergence,
            } => independence::test(&table(rows), *statistic, *convergence),
            Tester::Ordinal {
                scores,
                convergence,
            } => row_effects::test(&table(rows), scores, *convergence),
        }
    }
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
