//! Frequencies, crosstabs, means and histograms from analysis columns, published
//! with small-cell protection (see [`super::protect`]).

use serde::{Deserialize, Serialize};

use crate::chaid::binning::number_label;
use crate::chaid::data::{categorise, RawColumn};
use crate::disclosure::{self, Count, PClass};
use crate::stats::independence::{test, Convergence, Statistic, Table};

/// The most categories a table may have (beyond this it is unreadable; use a histogram).
pub const MAX_CATEGORIES: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DescribeError {
    TooManyCategories { variable: String, categories: usize },
    NotNumeric { variable: String },
}

/// A count table as it may be shown or exported: every count through the one disclosure rule
/// ([`crate::disclosure`]), percentages only where both counts are shown, and beside a table
/// with hidden counts no χ², only the class of its p-value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub row_variable: String,
    /// `None` for a frequency table (one column of counts).
    pub col_variable: Option<String>,
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    pub cells: Vec<Vec<Count>>,
    pub row_totals: Vec<Count>,
    pub col_totals: Vec<Count>,
    pub total: Count,
    /// Cases left out because a variable was missing (hidden when small).
    pub missing: Count,
    /// The threshold used (counts below it are hidden).
    pub threshold: u64,
    /// Pearson χ², df and p of a crosstab: only when no count is hidden (a printed χ² can give
    /// hidden counts back).
    pub chi_square: Option<(f64, f64, f64)>,
    /// The df and the class of the p-value when counts are hidden.
    pub p_class: Option<(f64, PClass)>,
}

impl Published {
    /// Percentage of a cell in its row, column or the total, when both counts are shown.
    pub fn percent(&self, i: usize, j: usize, of: Of) -> Option<f64> {
        let n = self.cells[i][j].n?;
        let base = match of {
            Of::Row => self.row_totals[i].n?,
            Of::Col => self.col_totals[j].n?,
            Of::Total => self.total.n?,
        };
        (base > 0).then(|| 100.0 * n as f64 / base as f64)
    }

    /// Whether any count of the table is hidden.
    pub fn hides(&self) -> bool {
        self.cells
            .iter()
            .flatten()
            .chain(&self.row_totals)
            .chain(&self.col_totals)
            .chain([&self.total])
            .any(|c| c.n.is_none())
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
    let (linked, at) = disclosure::table(&counts);
    let marks = disclosure::protect(&linked, threshold);
    let count = |e: usize| Count::of(linked.values[e], marks[e]);
    let small_missing = missing > 0 && missing < threshold;
    let mut p = Published {
        row_variable: row_variable.to_string(),
        col_variable: col_variable.map(String::from),
        cells: at.cells.iter().map(|r| r.iter().map(|&e| count(e)).collect()).collect(),
        row_totals: at.rows.iter().map(|&e| count(e)).collect(),
        col_totals: at.cols.iter().map(|&e| count(e)).collect(),
        total: count(at.total),
        missing: Count::of(
            missing,
            if small_missing {
                disclosure::Mark::Small
            } else {
                disclosure::Mark::Shown
            },
        ),
        rows,
        cols,
        threshold,
        chi_square,
        p_class: None,
    };
    if p.hides() {
        // Beside hidden counts no χ²; the class of its p-value only when it narrows no hidden count.
        let class = p.chi_square.take().map(|(_, df, pv)| (df, PClass::of(pv)));
        p.p_class = class.filter(|&(_, k)| {
            let known: Vec<disclosure::Known> = linked
                .values
                .iter()
                .zip(&marks)
                .map(|(&v, &m)| disclosure::Known::of(Count::of(v, m), threshold))
                .collect();
            let (r, c) = (counts.len(), counts.first().map_or(0, Vec::len));
            let same_class = |filled: &[u64]| {
                let table = Table::from_rows(
                    &(0..r)
                        .map(|i| (0..c).map(|j| filled[at.cells[i][j]] as f64).collect())
                        .collect::<Vec<_>>(),
                );
                let t = test(&table, Statistic::Pearson, Convergence::default());
                t.df1 <= 0.0 || PClass::of(t.p()) == k
            };
            let upper = linked.values[at.total] + 4 * threshold;
            disclosure::feasible(&linked.lines, &known, threshold, upper, &same_class, &|_| true)
                .iter()
                .all(disclosure::Feasible::ok)
        });
    }
    p
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
    pub n: Count,
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
    let (linked, at) = disclosure::table(&counts);
    let marks = disclosure::protect(&linked, threshold);
    let row = |group: String, (n, sum, sq): (u64, f64, f64), mark: disclosure::Mark| {
        let hidden = mark.hidden();
        let mean = sum / n as f64;
        let sd = if n > 1 {
            ((sq - n as f64 * mean * mean) / (n as f64 - 1.0)).max(0.0).sqrt()
        } else {
            f64::NAN
        };
        let visible = !hidden && n > 0;
        MeansRow {
            group,
            n: Count::of(n, mark),
            mean: visible.then_some(mean),
            sd: (visible && n > 1).then_some(sd),
        }
    };
    let mut rows: Vec<MeansRow> = labels
        .into_iter()
        .zip(&sums)
        .zip(&at.cells)
        .map(|((l, s), e)| row(l, *s, marks[e[0]]))
        .collect();
    rows.push(row("Totaal".into(), sums[sums.len() - 1], marks[at.total]));
    Ok(MeansTable {
        variable: name.to_string(),
        by: by_name.to_string(),
        rows,
        threshold,
    })
}

/// A width of 1, 2, 2,5 or 5 times a power of ten, at least `raw`.
fn nice(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|w| *w >= raw * (1.0 - 1e-12))
        .unwrap_or(10.0 * power)
}

/// A histogram of a number: about `bins` intervals of a round width from a round edge below the
/// smallest value (the labels are round edges, never a person's own value), published as a
/// frequency table of intervals.
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
    let width = nice(if hi > lo { (hi - lo) / bins as f64 } else { 1.0 });
    let start = (lo / width).floor() * width;
    let bins = ((((hi - start) / width).floor() as usize) + 1).clamp(1, MAX_CATEGORIES);
    let mut counts = vec![0u64; bins];
    for x in finite {
        counts[(((x - start) / width) as usize).min(bins - 1)] += 1;
    }
    let labels = (0..bins)
        .map(|k| {
            let (a, b) = (start + k as f64 * width, start + (k + 1) as f64 * width);
            let round = |x: f64| number_label((x * 1e6).round() / 1e6);
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
        let n = |c: &Vec<Count>| c[0].n;
        assert_eq!(
            p.cells.iter().map(n).collect::<Vec<_>>(),
            [Some(30), None, None, Some(10)]
        );
        assert_eq!(p.cells[1][0].mark, disclosure::Mark::Small);
        assert_eq!(p.cells[2][0].mark, disclosure::Mark::Hidden, "7 goes with 3");
        assert_eq!(p.total.n, Some(50));
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
        let shown: Vec<Vec<Option<u64>>> = p.cells.iter().map(|r| r.iter().map(|c| c.n).collect()).collect();
        assert_eq!(shown, vec![vec![Some(20), Some(15)], vec![Some(10), Some(25)]]);
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
        assert_eq!(m.rows[0].n.n, None, "a (6) is the smallest visible partner of b (2)");
        assert_eq!((m.rows[1].n.n, m.rows[1].mean), (None, None));
        assert_eq!(m.rows[2].n.n, Some(7));
        assert_eq!(m.rows[2].mean, Some(11.0));
        assert_eq!(m.rows[3].n.n, Some(15));
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
        assert!(h.cells.iter().all(|c| c[0].n == Some(10)));
        assert_eq!(h.missing.n, None, "one missing value is below the threshold");
        assert_eq!(h.rows[0], "0 – 10");
        // The edges are round numbers, not the smallest and largest value (one person each).
        let xs = RawColumn::Number([17.342, 18.1, 19.9, 23.771].iter().map(|&x| Some(x)).collect());
        let h = histogram("leeftijd", &xs, 4, 5).unwrap();
        assert_eq!(h.rows, ["16 – 18", "18 – 20", "20 – 22", "22 – 24"]);
        assert!(!h.rows.iter().any(|r| r.contains("17.342") || r.contains("23.771")));
    }

    #[test]
    fn too_many_categories_says_what_to_do() {
        let v: Vec<String> = (0..100).map(|i| format!("v{i}")).collect();
        let col = RawColumn::text(v.iter().map(|s| Some(s.as_str())));
        let e = frequencies("naam", &col, 5).unwrap_err();
        assert_eq!(e.to_string(), "'naam' heeft 100 verschillende waarden; een tabel kan er hoogstens 60 tonen. Kies een histogram, of een variabele met minder waarden.");
    }
}
