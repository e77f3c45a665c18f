//! The analysis data model: dictionary-coded columns with a measurement level,
//! sliced by node through row codes (no row copies).

use serde::{Deserialize, Serialize};

use super::error::ChaidError;

/// Measurement level, as SPSS names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Any two categories may merge.
    Nominal,
    /// Only adjacent categories may merge; missing values float.
    Ordinal,
    /// Numbers, binned into at most 10 equal-frequency intervals (then ordinal).
    Scale,
}

/// A raw column as read from a file: text or numbers, `None` for missing.
#[derive(Debug, Clone, PartialEq)]
pub enum RawColumn {
    Text(Vec<Option<String>>),
    Number(Vec<Option<f64>>),
}

impl RawColumn {
    pub fn len(&self) -> usize {
        match self {
            RawColumn::Text(v) => v.len(),
            RawColumn::Number(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn is_missing(&self, row: usize) -> bool {
        match self {
            RawColumn::Text(v) => v[row].as_deref().is_none_or(|s| s.trim().is_empty()),
            RawColumn::Number(v) => v[row].is_none_or(|x| !x.is_finite()),
        }
    }

    /// Distinct non-missing values (for choosing a default level).
    pub fn distinct(&self) -> usize {
        match self {
            RawColumn::Text(v) => v
                .iter()
                .flatten()
                .collect::<std::collections::HashSet<_>>()
                .len(),
            RawColumn::Number(v) => {
                let mut xs: Vec<f64> = v
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|x| x.is_finite())
                    .collect();
                xs.sort_by(f64::total_cmp);
                xs.dedup();
                xs.len()
            }
        }
    }

    /// A sensible default level: text → nominal, numbers with few distinct values → ordinal, else scale.
    pub fn default_level(&self) -> Level {
        match self {
            RawColumn::Text(_) => Level::Nominal,
            RawColumn::Number(_) if self.distinct() <= 10 => Level::Ordinal,
            RawColumn::Number(_) => Level::Scale,
        }
    }
}

/// Category codes per row. `categories` codes are real categories; the code
/// `categories` itself means missing.
#[derive(Debug, Clone, PartialEq)]
pub enum Codes {
    U8(Vec<u8>),
    U16(Vec<u16>),
}

impl Codes {
    fn new(codes: Vec<usize>, categories: usize) -> Codes {
        if categories < 255 {
            Codes::U8(codes.into_iter().map(|c| c as u8).collect())
        } else {
            Codes::U16(codes.into_iter().map(|c| c as u16).collect())
        }
    }

    #[inline]
    pub fn get(&self, row: usize) -> usize {
        match self {
            Codes::U8(v) => usize::from(v[row]),
            Codes::U16(v) => usize::from(v[row]),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Codes::U8(v) => v.len(),
            Codes::U16(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn select(&self, rows: &[usize]) -> Codes {
        match self {
            Codes::U8(v) => Codes::U8(rows.iter().map(|&r| v[r]).collect()),
            Codes::U16(v) => Codes::U16(rows.iter().map(|&r| v[r]).collect()),
        }
    }
}

/// A predictor ready for growing.
#[derive(Debug, Clone, PartialEq)]
pub struct Predictor {
    pub name: String,
    /// The level the user chose (scale stays scale here; it merges as ordinal).
    pub level: Level,
    /// One label per category (without the missing category).
    pub labels: Vec<String>,
    /// Upper cut point of each bin for a binned scale predictor.
    pub cut_points: Option<Vec<f64>>,
    pub codes: Codes,
}

impl Predictor {
    pub fn categories(&self) -> usize {
        self.labels.len()
    }

    /// The code that means missing.
    pub fn missing(&self) -> usize {
        self.labels.len()
    }

    pub fn merges_as_ordinal(&self) -> bool {
        self.level != Level::Nominal
    }

    /// Label of a category code (`<missing>` for the missing code).
    pub fn label(&self, code: usize) -> &str {
        self.labels.get(code).map_or("<missing>", String::as_str)
    }
}

/// The dependent variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Nominal or ordinal classes; `scores` are the ordinal scores (1..J by default).
    Classes {
        name: String,
        labels: Vec<String>,
        codes: Vec<u16>,
        ordinal: bool,
        scores: Vec<f64>,
    },
    Scale {
        name: String,
        values: Vec<f64>,
    },
}

impl Target {
    pub fn name(&self) -> &str {
        match self {
            Target::Classes { name, .. } | Target::Scale { name, .. } => name,
        }
    }

    pub fn classes(&self) -> usize {
        match self {
            Target::Classes { labels, .. } => labels.len(),
            Target::Scale { .. } => 0,
        }
    }
}

/// The cases of an analysis: target, predictors and weights, after dropping
/// cases with a missing dependent, a non-positive frequency weight, or missing on all predictors.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub target: Target,
    pub predictors: Vec<Predictor>,
    /// Frequency weights (rounded to whole numbers), when given.
    pub freq: Option<Vec<f64>>,
    /// Case weights, when given.
    pub case: Option<Vec<f64>>,
    /// Rows dropped while building, and why.
    pub dropped: Dropped,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    pub missing_target: usize,
    pub missing_all_predictors: usize,
    pub non_positive_weight: usize,
    /// Values of scale variables that were NaN or infinite, treated as missing.
    pub non_finite_values: usize,
}

/// What to analyse: the target and the predictors with their levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub target: String,
    /// Level of the target: nominal, ordinal, or scale.
    pub target_level: Level,
    pub predictors: Vec<(String, Level)>,
    pub freq_weight: Option<String>,
    pub case_weight: Option<String>,
    /// Number of intervals for scale predictors (SPSS: 10).
    pub intervals: usize,
}

impl Dataset {
    pub fn rows(&self) -> usize {
        match &self.target {
            Target::Classes { codes, .. } => codes.len(),
            Target::Scale { values, .. } => values.len(),
        }
    }

    #[inline]
    pub fn freq(&self, row: usize) -> f64 {
        self.freq.as_ref().map_or(1.0, |f| f[row])
    }

    #[inline]
    pub fn case_weight(&self, row: usize) -> f64 {
        self.case.as_ref().map_or(1.0, |w| w[row])
    }

    /// Build from named raw columns.
    pub fn build(columns: &[(String, RawColumn)], spec: &Spec) -> Result<Dataset, ChaidError> {
        let find = |name: &str| {
            columns
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, c)| c)
                .ok_or_else(|| ChaidError::UnknownVariable(name.to_string()))
        };
        let target_col = find(&spec.target)?;
        let n = target_col.len();
        if n == 0 {
            return Err(ChaidError::NoCases);
        }
        if spec.predictors.is_empty() {
            return Err(ChaidError::NoPredictors);
        }
        let mut dropped = Dropped::default();
        let mut keep = vec![true; n];
        let freq = match &spec.freq_weight {
            None => None,
            Some(name) => {
                let RawColumn::Number(v) = find(name)? else {
                    return Err(ChaidError::WeightNotNumeric(name.clone()));
                };
                Some(
                    v.iter()
                        .zip(keep.iter_mut())
                        .map(|(x, k)| match x {
                            Some(x) if x.is_finite() && x.round() > 0.0 => x.round(),
                            _ => {
                                if *k {
                                    dropped.non_positive_weight += 1;
                                }
                                *k = false;
                                0.0
                            }
                        })
                        .collect::<Vec<f64>>(),
                )
            }
        };
        let case = match &spec.case_weight {
            None => None,
            Some(name) => {
                let RawColumn::Number(v) = find(name)? else {
                    return Err(ChaidError::WeightNotNumeric(name.clone()));
                };
                Some(
                    v.iter()
                        .zip(keep.iter_mut())
                        .map(|(x, k)| match x {
                            Some(x) if x.is_finite() && *x > 0.0 => *x,
                            _ => {
                                if *k {
                                    dropped.non_positive_weight += 1;
                                }
                                *k = false;
                                0.0
                            }
                        })
                        .collect::<Vec<f64>>(),
                )
            }
        };
        let predictor_cols: Vec<&RawColumn> = spec
            .predictors
            .iter()
            .map(|(p, _)| find(p))
            .collect::<Result<_, _>>()?;
        for c in std::iter::once(target_col).chain(predictor_cols.iter().copied()) {
            if let RawColumn::Number(v) = c {
                dropped.non_finite_values += v
                    .iter()
                    .zip(&keep)
                    .filter(|(x, k)| **k && x.is_some_and(|x| !x.is_finite()))
                    .count();
            }
        }
        for (row, k) in keep.iter_mut().enumerate() {
            if *k && target_col.is_missing(row) {
                *k = false;
                dropped.missing_target += 1;
            }
        }
        for (row, k) in keep.iter_mut().enumerate() {
            if *k && predictor_cols.iter().all(|c| c.is_missing(row)) {
                *k = false;
                dropped.missing_all_predictors += 1;
            }
        }
        let rows: Vec<usize> = (0..n).filter(|&r| keep[r]).collect();
        if rows.is_empty() {
            return Err(ChaidError::NoCases);
        }
        let freq = freq.map(|f| rows.iter().map(|&r| f[r]).collect());
        let case = case.map(|w| rows.iter().map(|&r| w[r]).collect());
        let target = build_target(&spec.target, target_col, spec.target_level, &rows)?;
        let predictors = spec
            .predictors
            .iter()
            .zip(&predictor_cols)
            .map(|((name, level), col)| {
                build_predictor(name, col, *level, spec.intervals, &rows, freq.as_deref())
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Dataset {
            target,
            predictors,
            freq,
            case,
            dropped,
        })
    }
}

/// Sorted distinct categories of a column and the code of every kept row.
fn categorise(col: &RawColumn, rows: &[usize]) -> (Vec<String>, Vec<usize>) {
    match col {
        RawColumn::Text(v) => {
            let mut labels: Vec<String> = rows
                .iter()
                .filter_map(|&r| v[r].as_deref().map(str::trim).filter(|s| !s.is_empty()))
                .map(String::from)
                .collect();
            labels.sort();
            labels.dedup();
            let index: std::collections::HashMap<&str, usize> = labels
                .iter()
                .enumerate()
                .map(|(i, l)| (l.as_str(), i))
                .collect();
            let codes = rows
                .iter()
                .map(|&r| {
                    v[r].as_deref()
                        .map(str::trim)
                        .and_then(|s| index.get(s).copied())
                        .unwrap_or(labels.len())
                })
                .collect();
            (labels, codes)
        }
        RawColumn::Number(v) => {
            let mut values: Vec<f64> = rows
                .iter()
                .filter_map(|&r| v[r])
                .filter(|x| x.is_finite())
                .collect();
            values.sort_by(f64::total_cmp);
            values.dedup();
            let codes = rows
                .iter()
                .map(|&r| match v[r] {
                    Some(x) if x.is_finite() => values.partition_point(|&u| u < x),
                    _ => values.len(),
                })
                .collect();
            (values.iter().map(|x| number_label(*x)).collect(), codes)
        }
    }
}

pub fn number_label(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn build_target(
    name: &str,
    col: &RawColumn,
    level: Level,
    rows: &[usize],
) -> Result<Target, ChaidError> {
    match level {
        Level::Scale => {
            let RawColumn::Number(v) = col else {
                return Err(ChaidError::ScaleNotNumeric(name.to_string()));
            };
            Ok(Target::Scale {
                name: name.to_string(),
                values: rows.iter().map(|&r| v[r].unwrap_or(f64::NAN)).collect(),
            })
        }
        Level::Nominal | Level::Ordinal => {
            let (labels, codes) = categorise(col, rows);
            if labels.len() > u16::MAX as usize {
                return Err(ChaidError::TooManyCategories(name.to_string()));
            }
            let scores = (1..=labels.len()).map(|s| s as f64).collect();
            Ok(Target::Classes {
                name: name.to_string(),
                labels,
                codes: codes.into_iter().map(|c| c as u16).collect(),
                ordinal: level == Level::Ordinal,
                scores,
            })
        }
    }
}

fn build_predictor(
    name: &str,
    col: &RawColumn,
    level: Level,
    intervals: usize,
    rows: &[usize],
    freq: Option<&[f64]>,
) -> Result<Predictor, ChaidError> {
    if level == Level::Scale {
        let RawColumn::Number(v) = col else {
            return Err(ChaidError::ScaleNotNumeric(name.to_string()));
        };
        let values: Vec<Option<f64>> = rows
            .iter()
            .map(|&r| v[r].filter(|x| x.is_finite()))
            .collect();
        let bins = super::binning::equal_frequency(&values, freq, intervals);
        return Ok(Predictor {
            name: name.to_string(),
            level,
            labels: bins.labels,
            cut_points: Some(bins.cut_points),
            codes: Codes::new(bins.codes, bins.bins),
        });
    }
    let (labels, codes) = categorise(col, rows);
    if labels.len() >= u16::MAX as usize {
        return Err(ChaidError::TooManyCategories(name.to_string()));
    }
    let k = labels.len();
    Ok(Predictor {
        name: name.to_string(),
        level,
        labels,
        cut_points: None,
        codes: Codes::new(codes, k),
    })
}

impl Dataset {
    /// The same analysis on a subset of rows (for cross-validation).
    pub fn select(&self, rows: &[usize]) -> Dataset {
        let target = match &self.target {
            Target::Classes {
                name,
                labels,
                codes,
                ordinal,
                scores,
            } => Target::Classes {
                name: name.clone(),
                labels: labels.clone(),
                codes: rows.iter().map(|&r| codes[r]).collect(),
                ordinal: *ordinal,
                scores: scores.clone(),
            },
            Target::Scale { name, values } => Target::Scale {
                name: name.clone(),
                values: rows.iter().map(|&r| values[r]).collect(),
            },
        };
        Dataset {
            target,
            predictors: self
                .predictors
                .iter()
                .map(|p| Predictor {
                    codes: p.codes.select(rows),
                    ..p.clone()
                })
                .collect(),
            freq: self
                .freq
                .as_ref()
                .map(|f| rows.iter().map(|&r| f[r]).collect()),
            case: self
                .case
                .as_ref()
                .map(|w| rows.iter().map(|&r| w[r]).collect()),
            dropped: self.dropped,
        }
    }
}
