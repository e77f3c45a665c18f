//! What the user asks of a protected file, checked against the file's columns
//! before anything is computed: `Settings::default().k(5).l(2).purpose(…)
//! .check(&columns)?` → [`super::anonymise`].

use serde::{Deserialize, Serialize};

use super::roles::Role;
use crate::chaid::data::RawColumn;

/// Sensitive attributes of which l-diversity is required by default (those present in the file).
pub const DEFAULT_SENSITIVE: [&str; 3] = ["psychiatrische_diagnose", "arts", "resultaat"];

/// At most this many dimensions of quasi-identifiers (the lattice and the blanking sets grow as 2^q).
pub const MAX_DIMENSIONS: usize = 10;

/// What the protected file is for: it decides what is kept and what the loss measure weighs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Purpose {
    /// "Landelijk beeld": the steunpunt and its characteristics are left out.
    #[default]
    National,
    /// "Steunpunten vergelijken": the steunpunt and its characteristics are kept as they are;
    /// the person-level quasi-identifiers are coarsened harder (chapter 7's multi-level trees).
    CompareSteunpunten,
    /// "Eigen steunpunt": only this steunpunt's rows.
    OwnSteunpunt { steunpunt: String },
}

impl Purpose {
    /// Parse the CLI's `--purpose` (landelijk, steunpunten, eigen:<steunpunt>).
    pub fn parse(text: &str) -> Option<Purpose> {
        let folded = crate::ingest::fold::fold_words(text);
        match folded.as_str() {
            "landelijk" | "landelijk beeld" | "national" => Some(Purpose::National),
            "steunpunten" | "steunpunten vergelijken" | "compare" => Some(Purpose::CompareSteunpunten),
            _ => {
                let (kind, steunpunt) = text.split_once(':')?;
                matches!(crate::ingest::fold::fold_words(kind).as_str(), "eigen" | "own")
                    .then(|| Purpose::OwnSteunpunt {
                        steunpunt: steunpunt.trim().to_string(),
                    })
                    .filter(|p| !matches!(p, Purpose::OwnSteunpunt { steunpunt } if steunpunt.is_empty()))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub purpose: Purpose,
    /// Roles chosen by the user, over those the data dictionary gives.
    pub roles: Vec<(String, Role)>,
    /// Columns the user leaves out of the file.
    pub drop: Vec<String>,
    /// Columns of role "other" put in bands of 10 (numbers only).
    pub band: Vec<String>,
    /// Sensitive attributes of which l-diversity (and t-closeness, when asked) is required.
    pub sensitive: Vec<String>,
    pub k: usize,
    pub l: usize,
    /// t-closeness required of the sensitive attributes (`None`: measured, not required).
    pub t: Option<f64>,
    /// Share of the records that may be suppressed in the lattice search (0.05 = 5 %).
    pub max_suppression: f64,
    /// Count columns to top- and bottom-code, and the share cut at each end (0.01 = 1 %).
    pub top_code: Vec<String>,
    pub top_share: f64,
    /// Quasi-identifiers that may not be generalised beyond this level (0: kept as they are);
    /// the limit holds for the whole dimension the column is in.
    pub max_levels: Vec<(String, usize)>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            purpose: Purpose::default(),
            roles: Vec::new(),
            drop: Vec::new(),
            band: Vec::new(),
            sensitive: DEFAULT_SENSITIVE.iter().map(|s| s.to_string()).collect(),
            k: 5,
            l: 2,
            t: None,
            max_suppression: 0.05,
            top_code: Vec::new(),
            top_share: 0.01,
            max_levels: Vec::new(),
        }
    }
}

/// The setting that names a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingRole {
    Sensitive,
    Role,
    Drop,
    MaxLevel,
    TopCode,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnonymiseError {
    UnknownColumn {
        column: String,
        role: SettingRole,
    },
    BadK(usize),
    BadL(usize),
    BadT(f64),
    BadSuppression(f64),
    BadTopShare(f64),
    TooManyDimensions {
        dimensions: usize,
        columns: Vec<String>,
    },
    NotNumbers(String),
    UnknownSteunpunt(String),
    /// Even with every quasi-identifier "*" the file is not k-anonymous and l-diverse.
    Impossible {
        records: usize,
        k: usize,
        l: usize,
    },
    /// The file could not be written.
    Write(String),
}

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
    setter!(t, Option<f64>);
    setter!(max_suppression, f64);
    setter!(top_share, f64);
    setter!(purpose, Purpose);

    pub fn sensitive<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.sensitive = names.into_iter().map(Into::into).collect();
        self
    }

    /// Give `column` this role (over the dictionary's).
    pub fn role(mut self, column: impl Into<String>, role: Role) -> Self {
        let column = column.into();
        self.roles.retain(|(c, _)| *c != column);
        self.roles.push((column, role));
        self
    }

    /// Leave `column` out of the file.
    pub fn drop_column(mut self, column: impl Into<String>) -> Self {
        let column = column.into();
        if !self.drop.contains(&column) {
            self.drop.push(column);
        }
        self
    }

    /// Put the numbers of `column` (role other) in bands of 10.
    pub fn band_column(mut self, column: impl Into<String>) -> Self {
        let column = column.into();
        if !self.band.contains(&column) {
            self.band.push(column);
        }
        self
    }

    /// Generalise `column` (and its dimension) at most to `level` (0: keep it as it is).
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
        Settings::default().sensitive(DEFAULT_SENSITIVE.iter().filter(has).copied())
    }

    pub fn check(self, columns: &[(&str, &RawColumn)]) -> Result<Checked, AnonymiseError> {
        if self.k < 2 {
            return Err(AnonymiseError::BadK(self.k));
        }
        if self.l < 1 || self.l > self.k {
            return Err(AnonymiseError::BadL(self.l));
        }
        if let Some(t) = self.t {
            if !(0.0..=1.0).contains(&t) {
                return Err(AnonymiseError::BadT(t));
            }
        }
        if !(0.0..=1.0).contains(&self.max_suppression) {
            return Err(AnonymiseError::BadSuppression(self.max_suppression));
        }
        if !(0.0..0.5).contains(&self.top_share) {
            return Err(AnonymiseError::BadTopShare(self.top_share));
        }
        let find = |name: &str, role: SettingRole| {
            columns
                .iter()
                .find(|(c, _)| *c == name)
                .map(|(_, v)| *v)
                .ok_or_else(|| AnonymiseError::UnknownColumn {
                    column: name.to_string(),
                    role,
                })
        };
        for s in &self.sensitive {
            find(s, SettingRole::Sensitive)?;
        }
        for (c, _) in &self.roles {
            find(c, SettingRole::Role)?;
        }
        for c in &self.drop {
            find(c, SettingRole::Drop)?;
        }
        for (c, _) in &self.max_levels {
            find(c, SettingRole::MaxLevel)?;
        }
        for t in self.top_code.iter().chain(&self.band) {
            if !matches!(find(t, SettingRole::TopCode)?, RawColumn::Number(_)) {
                return Err(AnonymiseError::NotNumbers(t.clone()));
            }
        }
        if let Purpose::OwnSteunpunt { steunpunt } = &self.purpose {
            let folded = crate::ingest::fold::fold_words(steunpunt);
            let present = columns.iter().any(|(n, c)| {
                crate::ingest::fold::fold_words(n) == "steunpunt"
                    && matches!(c, RawColumn::Text(t) if t.labels.iter().any(|l| crate::ingest::fold::fold_words(l) == folded))
            });
            if !present {
                return Err(AnonymiseError::UnknownSteunpunt(steunpunt.clone()));
            }
        }
        Ok(Checked(self))
    }
}
