//! Anonymisation before anything leaves the laptop.
//!
//! - `pseudonym`: keyed pseudonyms and name encodings for linkage without V-nummers;
//! - `hierarchy`: generalisation hierarchies that fit this data;
//! - `risk`: equivalence classes, prosecutor risk, l-diversity;
//! - `search`: the least-loss k-anonymous, l-diverse generalisation, with local suppression.
//!
//! [`Settings`] is a checked builder: `Settings::default().quasi(…).sensitive(…).k(5).l(2)
//! .check(&columns)?` → [`anonymise`].

pub mod hierarchy;
pub mod linkage_file;
pub mod pseudonym;
pub mod risk;
pub mod search;
mod sheets;

use serde::{Deserialize, Serialize};

use crate::chaid::data::RawColumn;
use crate::ingest::fields::{field_for_header, Field, ValueType};
use crate::kind::FileKind;

pub use risk::Risk;

/// Quasi-identifiers marked by default (those present in the file are used).
pub const DEFAULT_QUASI: [&str; 5] = [
    "steunpunt",
    "geslacht",
    "leeftijd_instroom",
    "land_herkomst",
    "kwartaal_instroom",
];
/// Sensitive attributes marked by default.
pub const DEFAULT_SENSITIVE: [&str; 3] = ["psychiatrische_diagnose", "arts", "resultaat"];

/// At most this many quasi-identifiers (the lattice and the blanking sets grow as 2^q).
pub const MAX_QUASI: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub quasi: Vec<String>,
    pub sensitive: Vec<String>,
    pub k: usize,
    pub l: usize,
    /// Share of the records that may be suppressed in the lattice search (0.05 = 5 %).
    pub max_suppression: f64,
    /// Count columns to top- and bottom-code, and the share cut at each end (0.01 = 1 %).
    pub top_code: Vec<String>,
    pub top_share: f64,
    /// Quasi-identifiers that may not be generalised beyond this level (0: kept as they are).
    pub max_levels: Vec<(String, usize)>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            quasi: DEFAULT_QUASI.iter().map(|s| s.to_string()).collect(),
            sensitive: DEFAULT_SENSITIVE.iter().map(|s| s.to_string()).collect(),
            k: 5,
            l: 2,
            max_suppression: 0.05,
            top_code: Vec::new(),
            top_share: 0.01,
            max_levels: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnonymiseError {
    UnknownColumn {
        column: String,
        role: &'static str,
    },
    BadK(usize),
    BadL(usize),
    BadSuppression(f64),
    BadTopShare(f64),
    TooManyQuasi(usize),
    NotNumbers(String),
    /// Even with every quasi-identifier "*" the file is not k-anonymous and l-diverse.
    Impossible {
        records: usize,
        k: usize,
        l: usize,
    },
}

impl std::fmt::Display for AnonymiseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnonymiseError::UnknownColumn { column, role } => write!(
                f,
                "De kolom '{column}' ({role}) staat niet in het bestand. Kies kolommen die er wel in staan."
            ),
            AnonymiseError::BadK(k) => write!(f, "k moet minstens 2 zijn (nu {k})."),
            AnonymiseError::BadL(l) => write!(f, "l moet minstens 1 zijn en niet groter dan k (nu {l})."),
            AnonymiseError::BadSuppression(x) => {
                write!(f, "Het deel dat onderdrukt mag worden ligt tussen 0 en 1 (nu {x}).")
            }
            AnonymiseError::BadTopShare(x) => {
                write!(
                    f,
                    "Het deel dat top- en bottomcodering afkapt ligt tussen 0 en 0,5 (nu {x})."
                )
            }
            AnonymiseError::TooManyQuasi(n) => write!(
                f,
                "Er zijn {n} quasi-identificatoren gekozen; het kan met hoogstens {MAX_QUASI}. Kies er minder."
            ),
            AnonymiseError::NotNumbers(c) => write!(
                f,
                "De kolom '{c}' bevat geen getallen: alleen aantallen kunnen top- en bottomgecodeerd worden."
            ),
            AnonymiseError::Impossible { records, k, l } => write!(
                f,
                "Met {records} records kan het bestand niet {k}-anoniem en {l}-divers worden, ook niet als alle \
                 quasi-identificatoren worden weggelaten. Kies een kleinere k of l, of minder gevoelige attributen."
            ),
        }
    }
}

impl std::error::Error for AnonymiseError {}

/// Settings checked against a file's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked(Settings);

impl Checked {
    pub fn get(&self) -> &Settings {
        &self.0
    }
}

impl Settings {
    setter!(k, usize);
    setter!(l, usize);
    setter!(max_suppression, f64);
    setter!(top_share, f64);

    pub fn quasi<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.quasi = names.into_iter().map(Into::into).collect();
        self
    }

    pub fn sensitive<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.sensitive = names.into_iter().map(Into::into).collect();
        self
    }

    /// Generalise `column` at most to `level` (0: keep it as it is).
    pub fn max_level(mut self, column: impl Into<String>, level: usize) -> Self {
        let column = column.into();
        self.max_levels.retain(|(c, _)| *c != column);
        self.max_levels.push((column, level));
        self
    }

    pub fn top_code<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.top_code = names.into_iter().map(Into::into).collect();
        self
    }

    /// The defaults that exist in this file.
    pub fn defaults_for(columns: &[(&str, &RawColumn)]) -> Settings {
        let has = |n: &&&str| columns.iter().any(|(c, _)| c == *n);
        Settings::default()
            .quasi(DEFAULT_QUASI.iter().filter(has).copied())
            .sensitive(DEFAULT_SENSITIVE.iter().filter(has).copied())
    }

    pub fn check(self, columns: &[(&str, &RawColumn)]) -> Result<Checked, AnonymiseError> {
        if self.k < 2 {
            return Err(AnonymiseError::BadK(self.k));
        }
        if self.l < 1 || self.l > self.k {
            return Err(AnonymiseError::BadL(self.l));
        }
        if !(0.0..=1.0).contains(&self.max_suppression) {
            return Err(AnonymiseError::BadSuppression(self.max_suppression));
        }
        if !(0.0..0.5).contains(&self.top_share) {
            return Err(AnonymiseError::BadTopShare(self.top_share));
        }
        if self.quasi.len() > MAX_QUASI {
            return Err(AnonymiseError::TooManyQuasi(self.quasi.len()));
        }
        let find = |name: &str, role: &'static str| {
            columns
                .iter()
                .find(|(c, _)| *c == name)
                .map(|(_, v)| *v)
                .ok_or_else(|| AnonymiseError::UnknownColumn {
                    column: name.to_string(),
                    role,
                })
        };
        for q in &self.quasi {
            find(q, "quasi-identificator")?;
        }
        for s in &self.sensitive {
            find(s, "gevoelig attribuut")?;
        }
        for (c, _) in &self.max_levels {
            if !self.quasi.contains(c) {
                return Err(AnonymiseError::UnknownColumn {
                    column: c.clone(),
                    role: "hoogste niveau, maar geen quasi-identificator",
                });
            }
        }
        for t in &self.top_code {
            if !matches!(find(t, "top- en bottomcodering")?, RawColumn::Number(_)) {
                return Err(AnonymiseError::NotNumbers(t.clone()));
            }
        }
        Ok(Checked(self))
    }
}

/// A column that identifies a person directly (V-nummer, a name, an exact date):
/// left out of every anonymised file unless it is a quasi-identifier (then generalised).
pub fn is_direct_identifier(header: &str) -> bool {
    [FileKind::Registration, FileKind::National].iter().any(|&kind| {
        field_for_header(header, kind).is_some_and(|f| {
            matches!(
                f,
                Field::VNummer | Field::Naam | Field::Voornaam | Field::Tussenvoegsel | Field::Achternaam
            ) || f.info().value == ValueType::Date
        })
    })
}

/// What one quasi-identifier became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Generalised {
    pub column: String,
    pub level: usize,
    pub height: usize,
    /// What the level means ("klassen van 5", "regio van herkomst", "*").
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopCoded {
    pub column: String,
    pub bottom: f64,
    pub top: f64,
    /// Values changed (at either end).
    pub changed: usize,
}

/// The protected file and the report that goes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The quasi-identifiers as they come out, for the kept rows.
    pub quasi: Vec<(String, RawColumn)>,
    /// The input rows kept (the others were removed).
    pub keep: Vec<usize>,
    pub settings: Settings,
    pub before: Risk,
    pub after: Risk,
    pub generalised: Vec<Generalised>,
    pub top_coded: Vec<TopCoded>,
    /// Left out as direct identifiers.
    pub dropped_columns: Vec<String>,
    pub suppressed_cells: usize,
    pub removed_records: usize,
    /// Information loss, 0 (none) to 1 (everything "*").
    pub loss: f64,
    pub nodes: usize,
    pub evaluated: usize,
}

fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Cap a count column at its `share` and `1 - share` quantiles.
fn top_code(values: &mut [Option<f64>], share: f64) -> (f64, f64, usize) {
    let mut sorted: Vec<f64> = values.iter().flatten().copied().collect();
    sorted.sort_by(f64::total_cmp);
    let (bottom, top) = (quantile(&sorted, share), quantile(&sorted, 1.0 - share));
    let mut changed = 0;
    for x in values.iter_mut().flatten() {
        let y = x.clamp(bottom, top);
        if y != *x {
            *x = y;
            changed += 1;
        }
    }
    (bottom, top, changed)
}

/// Make the file k-anonymous and l-diverse with the least information loss.
/// The risk of the file as it is, for the settings' quasi-identifiers, sensitive attributes, k and l.
pub fn current_risk(columns: &[(&str, &RawColumn)], settings: &Checked) -> Risk {
    let s = settings.get();
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    let column = |name: &str| columns.iter().find(|(c, _)| *c == name).expect("checked").1;
    let quasi: Vec<&RawColumn> = s.quasi.iter().map(|q| column(q)).collect();
    let sensitive: Vec<(&str, &RawColumn)> = s.sensitive.iter().map(|n| (n.as_str(), column(n))).collect();
    risk::measure(&quasi, &sensitive, rows, s.k, s.l)
}

pub fn anonymise(columns: &[(&str, &RawColumn)], settings: &Checked) -> Result<Outcome, AnonymiseError> {
    let s = settings.get();
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    let column = |name: &str| columns.iter().find(|(c, _)| *c == name).expect("checked").1;
    let sensitive: Vec<(&str, &RawColumn)> = s.sensitive.iter().map(|n| (n.as_str(), column(n))).collect();
    let before = current_risk(columns, settings);
    let hierarchies: Vec<hierarchy::Hierarchy> = s
        .quasi
        .iter()
        .map(|q| hierarchy::for_column(q, column(q), s.k))
        .collect();
    let bits: Vec<Vec<u64>> = sensitive
        .iter()
        .map(|(_, c)| {
            let (codes, _) = risk::codes(c);
            search::value_bits(&codes, |r| !c.is_missing(r))
        })
        .collect();
    let max_suppressed = (s.max_suppression * rows as f64).floor() as usize;
    let impossible = AnonymiseError::Impossible {
        records: rows,
        k: s.k,
        l: s.l,
    };
    let limits: Vec<usize> = s
        .quasi
        .iter()
        .map(|q| {
            s.max_levels
                .iter()
                .find(|(c, _)| c == q)
                .map_or(usize::MAX, |(_, l)| *l)
        })
        .collect();
    let solution = search::search(&hierarchies, &limits, &bits, rows, s.k, s.l, max_suppressed).ok_or(impossible)?;
    let keep: Vec<usize> = (0..rows).filter(|&r| !solution.removed[r]).collect();
    // The quasi-identifiers as they come out (kept rows only); the other columns are
    // taken from the input when the file is written (no copy of a large file).
    let quasi_out: Vec<(String, RawColumn)> = s
        .quasi
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let h = &hierarchies[i];
            let level = solution.levels[i];
            let labels = keep.iter().map(|&r| {
                Some(if solution.suppressed[r] >> i & 1 == 1 {
                    hierarchy::ANY
                } else {
                    h.label(level, h.codes[r])
                })
            });
            (name.clone(), RawColumn::text(labels))
        })
        .collect();
    let dropped = columns
        .iter()
        .filter(|(n, _)| !s.quasi.iter().any(|q| q == n) && is_direct_identifier(n))
        .map(|(n, _)| n.to_string())
        .collect();
    let top_coded = s
        .top_code
        .iter()
        .map(|name| {
            let mut kept = column(name).select(&keep);
            let RawColumn::Number(xs) = &mut kept else {
                unreachable!("checked: numbers")
            };
            let (bottom, top, changed) = top_code(xs, s.top_share);
            TopCoded {
                column: name.clone(),
                bottom,
                top,
                changed,
            }
        })
        .collect();
    let sensitive_kept: Vec<(&str, RawColumn)> = s
        .sensitive
        .iter()
        .map(|n| (n.as_str(), column(n).select(&keep)))
        .collect();
    let quasi_refs: Vec<&RawColumn> = quasi_out.iter().map(|(_, c)| c).collect();
    let sensitive_refs: Vec<(&str, &RawColumn)> = sensitive_kept.iter().map(|(n, c)| (*n, c)).collect();
    let after = risk::measure(&quasi_refs, &sensitive_refs, keep.len(), s.k, s.l);
    let generalised = hierarchies
        .iter()
        .zip(&solution.levels)
        .map(|(h, &level)| Generalised {
            column: h.name.clone(),
            level,
            height: h.height(),
            meaning: h.levels[level].clone(),
        })
        .collect();
    Ok(Outcome {
        quasi: quasi_out,
        keep,
        settings: s.clone(),
        before,
        after,
        generalised,
        top_coded,
        dropped_columns: dropped,
        suppressed_cells: solution.suppressed_cells,
        removed_records: solution.removed_records,
        loss: solution.loss,
        nodes: solution.nodes,
        evaluated: solution.evaluated,
    })
}
