//! The national figures: built by the researcher from the analysis file (every steunpunt's
//! persons), aggregates only.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::categories::{coarsen, fixed_keys, group_of, key, Category, Dimension, KeyCounts, Kind, Period};
use super::error::NationalError;
use super::tree::NationalTree;
use crate::chaid::data::RawColumn;
use crate::date::Date;
use crate::disclosure::{self, Count};

/// How the figures are built.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Counts below it are hidden; and no steunpunt may learn a count below it about the others.
    pub threshold: u64,
    pub period: Period,
    /// The outcome dummy of the analysis file the tree explains (`mob`, `terugkeer`, …).
    pub tree_target: String,
    /// The differencing rule (national minus one steunpunt). Always on; off only to show in the
    /// attack test what it prevents.
    #[doc(hidden)]
    pub differencing: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threshold: disclosure::DEFAULT_THRESHOLD,
            period: Period::Year,
            tree_target: "mob".into(),
            differencing: true,
        }
    }
}

/// One dimension's national figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NationalDimension {
    pub dimension: Dimension,
    pub categories: Vec<Category>,
    pub total: Count,
}

/// What the file states (the checksum covers exactly this).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub threshold: u64,
    /// The reference date of durations and periods; a steunpunt computes its own with it.
    pub peildatum: Date,
    pub period: Period,
    pub persons: u64,
    pub steunpunten: u64,
    pub dimensions: Vec<NationalDimension>,
    /// A CHAID tree of one outcome on registration fields (`None` when none could be published).
    pub tree: Option<NationalTree>,
}

/// The file: its form, its content and the SHA-256 of the content's canonical JSON
/// ([`super::file`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NationalFigures {
    pub format: String,
    pub content: Content,
    pub checksum: String,
}

/// One decimal of `part` in `whole`, when both are shown.
pub(crate) fn percent(part: Count, whole: Count) -> Option<f64> {
    let (p, w) = (part.n?, whole.n?);
    (w > 0).then(|| (1000.0 * p as f64 / w as f64).round() / 10.0)
}

/// Counts per category (and their total) through the disclosure rule.
pub(crate) fn published(counts: &[u64], threshold: u64) -> (Vec<Count>, Count) {
    let column: Vec<Vec<u64>> = counts.iter().map(|&n| vec![n]).collect();
    let (linked, at) = disclosure::table(&column);
    let marks = disclosure::protect(&linked, threshold);
    let count = |e: usize| Count::of(linked.values[e], marks[e]);
    (at.cells.iter().map(|c| count(c[0])).collect(), count(at.total))
}

fn column<'a>(columns: &[(&str, &'a RawColumn)], name: &str) -> Result<&'a RawColumn, NationalError> {
    columns
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .ok_or_else(|| NationalError::MissingColumn { column: name.into() })
}

/// Every person's key of `d`, and the keys in their order (fixed ones, then others by count).
fn keys_of(d: Dimension, col: &RawColumn, rows: usize, peildatum: Date, period: Period) -> (Vec<String>, Vec<String>) {
    let person: Vec<String> = (0..rows).map(|r| key(d, col, r, peildatum, period)).collect();
    let mut keys = fixed_keys(d, peildatum, period).unwrap_or_default();
    let mut others: BTreeMap<&str, usize> = BTreeMap::new();
    for k in &person {
        if !keys.contains(k) {
            *others.entry(k).or_default() += 1;
        }
    }
    let mut others: Vec<(&str, usize)> = others.into_iter().collect();
    others.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let unknown_last = keys.last().is_some_and(|k| k == super::categories::UNKNOWN);
    let at = if unknown_last { keys.len() - 1 } else { keys.len() };
    keys.splice(at..at, others.into_iter().map(|(k, _)| k.to_string()));
    (person, keys)
}

/// Per steunpunt, how many of its persons have each key.
pub(crate) fn key_counts(
    person_keys: &[String],
    keys: Vec<String>,
    steunpunt_of: &[usize],
    steunpunten: usize,
) -> KeyCounts {
    let index: BTreeMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let mut own = vec![vec![0u64; keys.len()]; steunpunten];
    for (k, &s) in person_keys.iter().zip(steunpunt_of) {
        own[s][index[k.as_str()]] += 1;
    }
    KeyCounts { keys, own }
}

/// The national figures from the analysis file's columns (one row per person, with `steunpunt`)
/// and its peildatum.
pub fn build(
    columns: &[(&str, &RawColumn)],
    peildatum: Date,
    options: &Options,
) -> Result<NationalFigures, NationalError> {
    let threshold = options.threshold;
    if threshold < 2 {
        return Err(NationalError::Threshold { threshold });
    }
    let steunpunt = column(columns, "steunpunt")?;
    let rows = steunpunt.len();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let steunpunt_of: Vec<usize> = (0..rows)
        .map(|r| {
            let name = super::categories::nominal_key(steunpunt, r);
            let next = names.len();
            *names.entry(name).or_insert(next)
        })
        .collect();
    let persons = rows as u64;
    if persons < threshold {
        return Err(NationalError::TooFewPersons { persons, threshold });
    }
    if options.differencing {
        for (name, &s) in &names {
            let own = steunpunt_of.iter().filter(|&&x| x == s).count() as u64;
            if super::categories::exposes(persons, [own], threshold, true) {
                return Err(NationalError::TooFewElsewhere {
                    steunpunt: name.clone(),
                    threshold,
                });
            }
        }
    }
    let mut dimensions = Vec::new();
    for d in Dimension::ALL {
        let col = column(columns, d.column())?;
        let (person, keys) = keys_of(d, col, rows, peildatum, options.period);
        let counts = key_counts(&person, keys, &steunpunt_of, names.len());
        let groups = coarsen(&counts, Kind::of(d), threshold, options.differencing, true);
        let mut n = vec![0u64; groups.len()];
        for k in &person {
            n[group_of(&groups, k).expect("every key has a category")] += 1;
        }
        let (shown, total) = published(&n, threshold);
        dimensions.push(NationalDimension {
            dimension: d,
            categories: groups
                .into_iter()
                .zip(shown)
                .map(|(group, count)| Category {
                    group,
                    count,
                    percent: percent(count, total),
                })
                .collect(),
            total,
        });
    }
    let tree = super::tree::grow(columns, &steunpunt_of, names.len(), options);
    Ok(super::file::seal(Content {
        threshold,
        peildatum,
        period: options.period,
        persons,
        steunpunten: names.len() as u64,
        dimensions,
        tree,
    }))
}

/// The national figures from the session's analysis file.
pub fn from_analysis(a: &crate::analysis::AnalysisFile, options: &Options) -> Result<NationalFigures, NationalError> {
    build(&a.columns(), a.peildatum, options)
}
