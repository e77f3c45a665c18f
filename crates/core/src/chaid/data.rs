//! The analysis data model: dictionary-coded columns with a measurement level,
//! sliced by node through row codes (no row copies).

use serde::{Deserialize, Serialize};

use super::binning::number_label;
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

impl Level {
    /// The level's name as SPSS writes it, in the user's language.
    pub fn name(self, locale: crate::locale::Locale) -> &'static str {
        use crate::locale::Locale;
        match (self, locale) {
            (Level::Nominal, Locale::Nl) => "nominaal",
            (Level::Ordinal, Locale::Nl) => "ordinaal",
            (Level::Scale, Locale::Nl) => "schaal",
            (Level::Nominal, Locale::En) => "nominal",
            (Level::Ordinal, Locale::En) => "ordinal",
            (Level::Scale, Locale::En) => "scale",
        }
    }
}

/// A raw column as read from a file: text (dictionary-coded) or numbers, `None` for missing.
#[derive(Debug, Clone, PartialEq)]
pub enum RawColumn {
    Text(TextColumn),
    Number(Vec<Option<f64>>),
}

/// Text values stored once each: `codes[row]` indexes `labels`; `MISSING` is
/// an empty cell. Millions of rows cost four bytes each, not a string each.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextColumn {
    pub labels: Vec<String>,
    pub codes: Vec<u32>,
}

impl TextColumn {
    pub const MISSING: u32 = u32::MAX;

    pub fn get(&self, row: usize) -> Option<&str> {
        let c = self.codes[row];
        (c != Self::MISSING).then(|| self.labels[c as usize].as_str())
    }
}

/// FNV-1a: a fast hash for short cell texts (no untrusted-key concern here:
/// the data are the user's own).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Builds a [`TextColumn`] value by value; blanks (after trimming) are missing.
#[derive(Debug, Default)]
pub struct TextBuilder {
    column: TextColumn,
    index: FnvMap<String, u32>,
}

impl TextBuilder {
    pub fn push(&mut self, value: Option<&str>) {
        let code = match value.map(str::trim).filter(|s| !s.is_empty()) {
            None => TextColumn::MISSING,
            Some(s) => match self.index.get(s) {
                Some(&c) => c,
                None => {
                    let c = self.column.labels.len() as u32;
                    self.column.labels.push(s.to_string());
                    self.index.insert(s.to_string(), c);
                    c
                }
            },
        };
        self.column.codes.push(code);
    }

    pub fn finish(self) -> TextColumn {
        self.column
    }
}

impl<S: AsRef<str>> FromIterator<Option<S>> for TextColumn {
    fn from_iter<I: IntoIterator<Item = Option<S>>>(values: I) -> TextColumn {
        let mut b = TextBuilder::default();
        for v in values {
            b.push(v.as_ref().map(AsRef::as_ref));
        }
        b.finish()
    }
}

impl RawColumn {
    /// A text column from values (`None` or blank = missing).
    pub fn text<S: AsRef<str>>(values: impl IntoIterator<Item = Option<S>>) -> RawColumn {
        RawColumn::Text(values.into_iter().collect())
    }
}

impl RawColumn {
    pub fn len(&self) -> usize {
        match self {
            RawColumn::Text(t) => t.codes.len(),
            RawColumn::Number(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// These rows only, in this order.
    pub fn select(&self, rows: &[usize]) -> RawColumn {
        match self {
            RawColumn::Text(t) => RawColumn::Text(TextColumn {
                labels: t.labels.clone(),
                codes: rows.iter().map(|&r| t.codes[r]).collect(),
            }),
            RawColumn::Number(v) => RawColumn::Number(rows.iter().map(|&r| v[r]).collect()),
        }
    }

    /// Whether a row has no value (empty text, or no finite number).
    pub fn is_missing(&self, row: usize) -> bool {
        match self {
            RawColumn::Text(t) => t.codes[row] == TextColumn::MISSING,
            RawColumn::Number(v) => v[row].is_none_or(|x| !x.is_finite()),
        }
    }

    /// Distinct non-missing values (for choosing a default level).
    pub fn distinct(&self) -> usize {
        match self {
            RawColumn::Text(t) => {
                let mut used = vec![false; t.labels.len()];
                for &c in &t.codes {
                    if c != TextColumn::MISSING {
                        used[c as usize] = true;
                    }
                }
                used.iter().filter(|&&u| u).count()
            }
            RawColumn::Number(v) => {
                let mut xs: Vec<f64> = v.iter().flatten().copied().filter(|x| x.is_finite()).collect();
                xs.sort_by(f64::total_cmp);
                xs.dedup();
                xs.len()
            }
        }
    }

    /// The level SPSS gives a variable read from an external file, with [`SCALEMIN`].
    pub fn default_level(&self) -> Level {
        self.spss_level(SCALEMIN).0
    }

    /// SPSS's documented table for data read from external files ("Measurement level",
    /// SET SCALEMIN): the first condition that holds decides. Text is nominal; numbers are
    /// scale if one is not a whole number, one is negative, none is below 10,000, there are
    /// `scalemin` or more distinct values, or none is below 10; otherwise nominal.
    pub fn spss_level(&self, scalemin: usize) -> (Level, AutoLevel) {
        let RawColumn::Number(v) = self else {
            return (Level::Nominal, AutoLevel::Text);
        };
        let xs: Vec<f64> = v.iter().flatten().copied().filter(|x| x.is_finite()).collect();
        if xs.is_empty() {
            return (Level::Nominal, AutoLevel::AllMissing);
        }
        let rule = if xs.iter().any(|x| x.fract() != 0.0) {
            AutoLevel::NotWhole
        } else if xs.iter().any(|&x| x < 0.0) {
            AutoLevel::Negative
        } else if xs.iter().all(|&x| x >= 10_000.0) {
            AutoLevel::NoneBelow10000
        } else if self.distinct() >= scalemin {
            AutoLevel::ManyValues(scalemin)
        } else if xs.iter().all(|&x| x >= 10.0) {
            AutoLevel::NoneBelow10
        } else {
            return (Level::Nominal, AutoLevel::FewValues(scalemin));
        };
        (Level::Scale, rule)
    }
}

/// SPSS's default for the cut-off of its measurement-level table (SET SCALEMIN).
pub const SCALEMIN: usize = 24;

/// Which condition of SPSS's table set a level ([`RawColumn::spss_level`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutoLevel {
    Text,
    AllMissing,
    NotWhole,
    Negative,
    NoneBelow10000,
    ManyValues(usize),
    NoneBelow10,
    FewValues(usize),
}

/// Who set a variable's level: the data dictionary, SPSS's rule, or the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelRule {
    Dictionary,
    Automatic(AutoLevel),
    User,
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
    /// Whether the labels are numbers (a numeric column read as nominal or ordinal).
    pub numeric: bool,
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
    /// Each case's row in the columns it was built from.
    pub source_rows: Vec<u32>,
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
        let borrowed: Vec<(&str, &RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
        Dataset::build_from(&borrowed, spec)
    }

    /// [`Dataset::build`] from borrowed columns (an analysis file's, without copying them).
    pub fn build_from(columns: &[(&str, &RawColumn)], spec: &Spec) -> Result<Dataset, ChaidError> {
        let find = |name: &str| {
            columns
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, c)| *c)
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
        // A weight column: invalid weights drop the case. Frequency weights round to whole numbers.
        let mut weights =
            |name: &Option<String>, valid: fn(f64) -> Option<f64>| -> Result<Option<Vec<f64>>, ChaidError> {
                let Some(name) = name else { return Ok(None) };
                let RawColumn::Number(v) = find(name)? else {
                    return Err(ChaidError::WeightNotNumeric(name.clone()));
                };
                let w = v
                    .iter()
                    .zip(keep.iter_mut())
                    .map(|(x, k)| match x.filter(|x| x.is_finite()).and_then(valid) {
                        Some(w) => w,
                        None => {
                            if *k {
                                dropped.non_positive_weight += 1;
                            }
                            *k = false;
                            0.0
                        }
                    })
                    .collect();
                Ok(Some(w))
            };
        let freq = weights(&spec.freq_weight, |x| Some(x.round()).filter(|r| *r > 0.0))?;
        let case = weights(&spec.case_weight, |x| Some(x).filter(|x| *x > 0.0))?;
        let predictor_cols: Vec<&RawColumn> = spec.predictors.iter().map(|(p, _)| find(p)).collect::<Result<_, _>>()?;
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
            .map(|((name, level), col)| build_predictor(name, col, *level, spec.intervals, &rows, freq.as_deref()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Dataset {
            target,
            predictors,
            freq,
            case,
            dropped,
            source_rows: rows.iter().map(|&r| r as u32).collect(),
        })
    }
}

/// Sorted distinct categories of a column and the code of every kept row.
pub(crate) fn categorise(col: &RawColumn, rows: &[usize]) -> (Vec<String>, Vec<usize>) {
    match col {
        RawColumn::Text(t) => {
            // Sort the distinct labels present in these rows, then recode: O(n + k log k).
            let mut present = vec![false; t.labels.len()];
            for &r in rows {
                let c = t.codes[r];
                if c != TextColumn::MISSING {
                    present[c as usize] = true;
                }
            }
            let mut order: Vec<usize> = (0..t.labels.len()).filter(|&c| present[c]).collect();
            order.sort_by(|&a, &b| t.labels[a].cmp(&t.labels[b]));
            let mut new_code = vec![usize::MAX; t.labels.len()];
            for (i, &c) in order.iter().enumerate() {
                new_code[c] = i;
            }
            let labels: Vec<String> = order.iter().map(|&c| t.labels[c].clone()).collect();
            let missing = labels.len();
            let codes = rows
                .iter()
                .map(|&r| {
                    let c = t.codes[r];
                    if c == TextColumn::MISSING {
                        missing
                    } else {
                        new_code[c as usize]
                    }
                })
                .collect();
            (labels, codes)
        }
        RawColumn::Number(v) => {
            let distinct: std::collections::HashSet<u64> = rows
                .iter()
                .filter_map(|&r| v[r])
                .filter(|x| x.is_finite())
                .map(|x| (x + 0.0).to_bits())
                .collect();
            let mut values: Vec<f64> = distinct.into_iter().map(f64::from_bits).collect();
            values.sort_by(f64::total_cmp);
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

fn build_target(name: &str, col: &RawColumn, level: Level, rows: &[usize]) -> Result<Target, ChaidError> {
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
        let values: Vec<Option<f64>> = rows.iter().map(|&r| v[r].filter(|x| x.is_finite())).collect();
        let bins = super::binning::equal_frequency(&values, freq, intervals);
        return Ok(Predictor {
            name: name.to_string(),
            level,
            labels: bins.labels,
            cut_points: Some(bins.cut_points),
            numeric: false,
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
        numeric: matches!(col, RawColumn::Number(_)),
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
            freq: self.freq.as_ref().map(|f| rows.iter().map(|&r| f[r]).collect()),
            case: self.case.as_ref().map(|w| rows.iter().map(|&r| w[r]).collect()),
            dropped: self.dropped,
            source_rows: rows.iter().map(|&r| self.source_rows[r]).collect(),
        }
    }
}

#[cfg(test)]
mod level_tests {
    use super::{AutoLevel, Level, RawColumn};

    fn numbers(xs: &[f64]) -> RawColumn {
        RawColumn::Number(xs.iter().map(|&x| Some(x)).collect())
    }

    /// Each row of SPSS's table, in its order (the first that holds decides).
    #[test]
    fn spss_measurement_level_table() {
        let few: Vec<f64> = (0..23).map(f64::from).collect();
        let many: Vec<f64> = (0..24).map(f64::from).collect();
        let cases = [
            (
                RawColumn::text(vec![Some("a".to_string())]),
                Level::Nominal,
                AutoLevel::Text,
            ),
            (
                RawColumn::Number(vec![None, None]),
                Level::Nominal,
                AutoLevel::AllMissing,
            ),
            (numbers(&[1.0, 2.5]), Level::Scale, AutoLevel::NotWhole),
            (numbers(&[-1.0, 2.0]), Level::Scale, AutoLevel::Negative),
            (numbers(&[10_000.0, 20_000.0]), Level::Scale, AutoLevel::NoneBelow10000),
            (numbers(&many), Level::Scale, AutoLevel::ManyValues(24)),
            (numbers(&[10.0, 12.0, 15.0]), Level::Scale, AutoLevel::NoneBelow10),
            (numbers(&few), Level::Nominal, AutoLevel::FewValues(24)),
            (numbers(&[1.0, 2.0, 3.0]), Level::Nominal, AutoLevel::FewValues(24)),
        ];
        for (column, level, why) in cases {
            assert_eq!(column.spss_level(24), (level, why), "{column:?}");
        }
        // SET SCALEMIN moves the cut-off.
        assert_eq!(numbers(&few).spss_level(10), (Level::Scale, AutoLevel::ManyValues(10)));
        assert_eq!(numbers(&[1.0, 2.0, 3.0]).default_level(), Level::Nominal);
    }
}
