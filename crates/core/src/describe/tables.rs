//! Frequencies, crosstabs, means and histograms from analysis columns, published
//! with small-cell protection (see [`super::protect`]).

use serde::{Deserialize, Serialize};

use super::protect::protect;
use crate::chaid::data::{categorise, number_label, RawColumn};
use crate::stats::independence::{test, Convergence, Statistic, Table};

/// The most categories a table may have (beyond this it is unreadable; use a histogram).
pub const MAX_CATEGORIES: usize = 60;

#[derive(Debug, Clone, PartialEq)]
pub enum DescribeError {
    TooManyCategories { variable: String, categories: usize },
    NotNumeric { variable: String },
}

impl std::fmt::Display for DescribeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DescribeError::TooManyCategories { variable, categories } => write!(
                f,
                "'{variable}' heeft {categories} verschillende waarden; een tabel kan er hoogstens {MAX_CATEGORIES} tonen. Kies een histogram, of een variabele met minder waarden."
            ),
            DescribeError::NotNumeric { variable } => write!(
                f,
                "'{variable}' bevat geen getallen; een gemiddelde of histogram kan alleen van een getal (zoals leeftijd of maanden begeleiding)."
            ),
        }
    }
}

/// A count table as it may be shown or exported: hidden counts are `None`
/// (shown as "<5"), and percentages only where both counts are visible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub row_variable: String,
    /// `None` for a frequency table (one column of counts).
    pub col_variable: Option<String>,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    pub cells: Vec<Vec<Option<u64>>>,
    pub row_totals: Vec<Option<u64>>,
    pub col_totals: Vec<Option<u64>>,
    pub total: Option<u64>,
    /// Cases left out because a variable was missing (hidden when small).
    pub missing: Option<u64>,
    /// The threshold used (counts below it are hidden).
    pub threshold: u64,
    /// Pearson χ², df and p of a crosstab (from all counts; it reveals no cell).
    pub chi_square: Option<(f64, f64, f64)>,
}

impl Published {
    /// Percentage of a cell in its row, column or the total, when both counts are visible.
    pub fn percent(&self, i: usize, j: usize, of: Of) -> Option<f64> {
        let n = self.cells[i][j]?;
        let base = match of {
            Of::Row => self.row_totals[i]?,
            Of::Col => self.col_totals[j]?,
            Of::Total => self.total?,
        };
        (base > 0).then(|| 100.0 * n as f64 / base as f64)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Of {
    Row,
    Col,
    Total,
}

fn categories(name: &str, col: &RawColumn, rows: &[usize]) -> Result<(Vec<String>, Vec<usize>), DescribeError> {
    let (labels, codes) = categorise(col, rows);
    if labels.len() > MAX_CATEGORIES {
        return Err(DescribeError::TooManyCategories {
            variable: name.to_string(),
            categories: labels.len(),
        });
    }
    Ok((labels, codes))
}

fn publish(
    (row_variable, col_variable): (&str, Option<&str>),
    rows: Vec<String>,
    cols: Vec<String>,
    counts: Vec<Vec<u64>>,
    missing: u64,
    threshold: u64,
    chi_square: Option<(f64, f64, f64)>,
) -> Published {
    let mask = protect(&counts, threshold);
    let show = |n: u64, hidden: bool| (!hidden).then_some(n);
    let row_totals: Vec<u64> = counts.iter().map(|r| r.iter().sum()).collect();
    let col_totals: Vec<u64> = (0..cols.len()).map(|j| counts.iter().map(|r| r[j]).sum()).collect();
    let total: u64 = row_totals.iter().sum();
    Published {
        row_variable: row_variable.to_string(),
        col_variable: col_variable.map(String::from),
        cells: counts
            .iter()
            .zip(&mask.cells)
            .map(|(r, m)| r.iter().zip(m).map(|(&n, &h)| show(n, h)).collect())
            .collect(),
        row_totals: row_totals
            .iter()
            .zip(&mask.row_totals)
            .map(|(&n, &h)| show(n, h))
            .collect(),
        col_totals: col_totals
            .iter()
            .zip(&mask.col_totals)
            .map(|(&n, &h)| show(n, h))
            .collect(),
        total: show(total, mask.total),
        missing: show(missing, missing > 0 && missing < threshold),
        rows,
        cols,
        threshold,
        chi_square,
    }
}

/// Frequencies of one variable (missing values as a last row "(ontbreekt)").
pub fn frequencies(name: &str, col: &RawColumn, threshold: u64) -> Result<Published, DescribeError> {
    let all: Vec<usize> = (0..col.len()).collect();
    let (mut labels, codes) = categories(name, col, &all)?;
    let mut counts = vec![0u64; labels.len() + 1];
    for c in codes {
        counts[c] += 1;
    }
    if counts[labels.len()] > 0 {
        labels.push("(ontbreekt)".into());
    } else {
        counts.pop();
    }
    let counts = counts.into_iter().map(|n| vec![n]).collect();
    Ok(publish(
        (name, None),
        labels,
        vec!["n".into()],
        counts,
        0,
        threshold,
        None,
    ))
}

/// A crosstab of two variables over the cases where both are known, with Pearson χ².
pub fn crosstab(
    (row_name, row): (&str, &RawColumn),
    (col_name, col): (&str, &RawColumn),
    threshold: u64,
) -> Result<Published, DescribeError> {
    let all: Vec<usize> = (0..row.len().min(col.len())).collect();
    let (rl, rc) = categories(row_name, row, &all)?;
    let (cl, cc) = categories(col_name, col, &all)?;
    let mut counts = vec![vec![0u64; cl.len()]; rl.len()];
    let mut missing = 0u64;
    for (&i, &j) in rc.iter().zip(&cc) {
        if i < rl.len() && j < cl.len() {
            counts[i][j] += 1;
        } else {
            missing += 1;
        }
    }
    let table = Table::from_rows(
        &counts
            .iter()
            .map(|r| r.iter().map(|&n| n as f64).collect())
            .collect::<Vec<_>>(),
    );
    let t = test(&table, Statistic::Pearson, Convergence::default());
    let chi = (t.df1 > 0.0).then(|| (t.statistic, t.df1, t.p()));
    Ok(publish(
        (row_name, Some(col_name)),
        rl,
        cl,
        counts,
        missing,
        threshold,
        chi,
    ))
}

/// Mean, standard deviation and n of a number per group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeansRow {
    pub group: String,
    pub n: Option<u64>,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeansTable {
    pub variable: String,
    pub by: String,
    /// One row per group, then "Totaal".
    pub rows: Vec<MeansRow>,
    pub threshold: u64,
}

/// Means of `values` per category of `by`; groups whose n is hidden show no mean or sd.
pub fn means(
    (name, values): (&str, &RawColumn),
    (by_name, by): (&str, &RawColumn),
    threshold: u64,
) -> Result<MeansTable, DescribeError> {
    let RawColumn::Number(xs) = values else {
        return Err(DescribeError::NotNumeric {
            variable: name.to_string(),
        });
    };
    let all: Vec<usize> = (0..xs.len().min(by.len())).collect();
    let (labels, codes) = categories(by_name, by, &all)?;
    let mut sums = vec![(0u64, 0.0f64, 0.0f64); labels.len() + 1];
    for (&r, &g) in all.iter().zip(&codes) {
        if let (Some(x), true) = (xs[r], g < labels.len()) {
            if x.is_finite() {
                for k in [g, labels.len()] {
                    sums[k].0 += 1;
                    sums[k].1 += x;
                    sums[k].2 += x * x;
                }
            }
        }
    }
    let counts: Vec<Vec<u64>> = sums[..labels.len()].iter().map(|s| vec![s.0]).collect();
    let mask = protect(&counts, threshold);
    let row = |group: String, (n, sum, sq): (u64, f64, f64), hidden: bool| {
        let mean = sum / n as f64;
        let sd = if n > 1 {
            ((sq - n as f64 * mean * mean) / (n as f64 - 1.0)).max(0.0).sqrt()
        } else {
            f64::NAN
        };
        let visible = !hidden && n > 0;
        MeansRow {
            group,
            n: (!hidden).then_some(n),
            mean: visible.then_some(mean),
            sd: (visible && n > 1).then_some(sd),
        }
    };
    let mut rows: Vec<MeansRow> = labels
        .into_iter()
        .zip(&sums)
        .zip(&mask.cells)
        .map(|((l, s), h)| row(l, *s, h[0]))
        .collect();
    rows.push(row("Totaal".into(), sums[sums.len() - 1], mask.total));
    Ok(MeansTable {
        variable: name.to_string(),
        by: by_name.to_string(),
        rows,
        threshold,
    })
}

/// A histogram of a number: `bins` equal-width intervals from the smallest to
/// the largest value, published as a frequency table of intervals.
pub fn histogram(name: &str, values: &RawColumn, bins: usize, threshold: u64) -> Result<Published, DescribeError> {
    let RawColumn::Number(xs) = values else {
        return Err(DescribeError::NotNumeric {
            variable: name.to_string(),
        });
    };
    let finite: Vec<f64> = xs.iter().flatten().copied().filter(|x| x.is_finite()).collect();
    let missing = (xs.len() - finite.len()) as u64;
    let (lo, hi) = finite
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| (a.min(x), b.max(x)));
    let bins = bins.clamp(1, MAX_CATEGORIES);
    if finite.is_empty() {
        return Ok(publish(
            (name, None),
            Vec::new(),
            vec!["n".into()],
            Vec::new(),
            missing,
            threshold,
            None,
        ));
    }
    let width = if hi > lo { (hi - lo) / bins as f64 } else { 1.0 };
    let mut counts = vec![0u64; bins];
    for x in finite {
        counts[(((x - lo) / width) as usize).min(bins - 1)] += 1;
    }
    let labels = (0..bins)
        .map(|k| {
            let (a, b) = (lo + k as f64 * width, lo + (k + 1) as f64 * width);
            let round = |x: f64| number_label((x * 100.0).round() / 100.0);
            format!("{} – {}", round(a), round(b))
        })
        .collect();
    let counts = counts.into_iter().map(|n| vec![n]).collect();
    Ok(publish(
        (name, None),
        labels,
        vec!["n".into()],
        counts,
        missing,
        threshold,
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(values: &[&str]) -> RawColumn {
        RawColumn::text(values.iter().map(|v| (!v.is_empty()).then_some(*v)))
    }

    #[test]
    fn frequencies_with_missing_and_protection() {
        let mut v = vec!["ja"; 30];
        v.extend(["nee"; 3]);
        v.extend(["onbekend"; 7]);
        v.extend([""; 10]);
        let p = frequencies("psychiatrie", &text(&v), 5).unwrap();
        assert_eq!(p.rows, vec!["ja", "nee", "onbekend", "(ontbreekt)"]);
        assert_eq!(p.cells, vec![vec![Some(30)], vec![None], vec![None], vec![Some(10)]]);
        assert_eq!(p.total, Some(50));
        assert_eq!(p.percent(0, 0, Of::Total), Some(60.0));
        assert_eq!(p.percent(1, 0, Of::Total), None);
    }

    #[test]
    fn crosstab_chi_square_matches_scipy() {
        // scipy.stats.chi2_contingency([[20, 15], [10, 25]], correction=False)
        // → statistic 5.833333333333334, p 0.0157252997545054
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (x, y, n) in [("m", "ja", 20), ("m", "nee", 15), ("v", "ja", 10), ("v", "nee", 25)] {
            a.extend(std::iter::repeat_n(x, n));
            b.extend(std::iter::repeat_n(y, n));
        }
        let p = crosstab(("sekse", &text(&a)), ("mob", &text(&b)), 5).unwrap();
        let (x2, df, pv) = p.chi_square.unwrap();
        assert!((x2 - 5.833333333333333).abs() < 1e-9, "{x2}");
        assert_eq!(df, 1.0);
        assert!((pv - 0.0157252997545054).abs() < 1e-12, "{pv}");
        assert_eq!(p.cells, vec![vec![Some(20), Some(15)], vec![Some(10), Some(25)]]);
        assert_eq!(
            p.percent(0, 0, Of::Row).map(|x| (x * 1e6).round() / 1e6),
            Some(57.142857)
        );
    }

    #[test]
    fn means_hide_small_groups_and_their_partner() {
        let by = text(&[
            "a", "a", "a", "a", "a", "a", "b", "b", "c", "c", "c", "c", "c", "c", "c",
        ]);
        let xs = RawColumn::Number((0..15).map(|i| Some(i as f64)).collect());
        let m = means(("leeftijd", &xs), ("steunpunt", &by), 5).unwrap();
        assert_eq!(m.rows[0].n, None, "a (6) is the smallest visible partner of b (2)");
        assert_eq!((m.rows[1].n, m.rows[1].mean), (None, None));
        assert_eq!(m.rows[2].n, Some(7));
        assert_eq!(m.rows[2].mean, Some(11.0));
        assert_eq!(m.rows[3].n, Some(15));
        assert!((m.rows[3].sd.unwrap() - 4.47213595499958).abs() < 1e-9);
        assert!(matches!(
            means(("x", &by), ("y", &by), 5),
            Err(DescribeError::NotNumeric { .. })
        ));
    }

    #[test]
    fn histogram_bins_cover_the_range() {
        let xs = RawColumn::Number((0..100).map(|i| Some(i as f64)).chain([None]).collect());
        let h = histogram("maanden", &xs, 10, 5).unwrap();
        assert_eq!(h.rows.len(), 10);
        assert!(h.cells.iter().all(|c| *c == [Some(10)]));
        assert_eq!(h.missing, None, "one missing value is below the threshold");
        assert_eq!(h.rows[0], "0 – 9.9");
    }

    #[test]
    fn too_many_categories_says_what_to_do() {
        let v: Vec<String> = (0..100).map(|i| format!("v{i}")).collect();
        let col = RawColumn::text(v.iter().map(|s| Some(s.as_str())));
        let e = frequencies("naam", &col, 5).unwrap_err();
        assert_eq!(e.to_string(), "'naam' heeft 100 verschillende waarden; een tabel kan er hoogstens 60 tonen. Kies een histogram, of een variabele met minder waarden.");
    }
}
