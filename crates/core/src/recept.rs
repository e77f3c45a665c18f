//! A "recept": the whole session as a small JSON file — the files'
//! fingerprints (never their contents), the choices made on them, the
//! linkage overrules, the analysis settings and the list of analyses — that
//! the app and `perspectief run --recept` apply to the same files again.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::analysis::run::TableRequest;
use crate::chaid::{ChaidParams, Level};
use crate::check::registration::ConflictRule;
use crate::date::Date;
use crate::ingest::load::ColumnOverride;
use crate::kind::FileKind;
use crate::link::linkage::Overrule;

pub const FORMAT: &str = "perspectief-recept/1";

fn default_propose_above() -> f64 {
    crate::link::linkage::LinkOptions::default().propose_above
}

/// A file as the recept knows it: its name, size and SHA-256, and what the
/// user decided about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileChoices {
    pub name: String,
    pub bytes: usize,
    pub sha256: String,
    #[serde(default)]
    pub kind: Option<FileKind>,
    #[serde(default)]
    pub steunpunt: Option<String>,
    #[serde(default)]
    pub mapping: Vec<ColumnOverride>,
}

/// One analysis of the session, in the order made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Analysis {
    Table {
        table: TableRequest,
        threshold: u64,
    },
    Tree {
        target: String,
        predictors: Vec<String>,
        params: ChaidParams,
        target_class: Option<String>,
        /// Edits by hand, replayed in order on the grown tree.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        edits: Vec<crate::chaid::edit::TreeEdit>,
        /// Cross-validation or a split sample.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        validation: Option<crate::chaid::validation::Validation>,
    },
    Screen {
        target: String,
        predictors: Vec<String>,
        params: ChaidParams,
    },
    Compare {
        target: String,
        params: ChaidParams,
    },
}

impl Analysis {
    /// Whether this is the tree `other` with other edits by hand (same dependent, predictors and
    /// settings).
    pub fn edits_tree(&self, other: &Analysis) -> bool {
        match (self, other) {
            (
                Analysis::Tree {
                    target,
                    predictors,
                    params,
                    target_class,
                    edits,
                    validation,
                },
                Analysis::Tree {
                    target: t,
                    predictors: p,
                    params: q,
                    target_class: c,
                    edits: e,
                    validation: v,
                },
            ) => target == t && predictors == p && params == q && target_class == c && validation == v && edits != e,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recept {
    pub format: String,
    pub files: Vec<FileChoices>,
    #[serde(default)]
    pub conflict_rule: ConflictRule,
    #[serde(default)]
    pub overrules: Vec<Overrule>,
    #[serde(default)]
    pub accept_above: Option<f64>,
    /// How the fallback scores, and from which score it proposes.
    #[serde(default)]
    pub scoring: crate::link::estimate::Scoring,
    #[serde(default = "default_propose_above")]
    pub propose_above: f64,
    /// The fallback's estimated error rates when the recept was saved (for the methods section;
    /// a run computes them again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_estimate: Option<crate::link::estimate::FallbackEstimate>,
    #[serde(default)]
    pub peildatum: Option<Date>,
    #[serde(default)]
    pub levels: Vec<(String, Level)>,
    #[serde(default)]
    pub analyses: Vec<Analysis>,
    /// The anonymisation settings last used (quasi-identifiers, sensitive attributes, k, l, …).
    #[serde(default)]
    pub anonymisation: Option<crate::anonymise::Settings>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceptError {
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    OtherFormat(String),
}

/// The SHA-256 of a file's bytes, as lowercase hex.
pub fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A file's size and SHA-256, as a recept keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub bytes: usize,
    pub sha256: String,
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            bytes: bytes.len(),
            sha256: fingerprint(bytes),
        }
    }
}

/// How a loaded file compares with the recept's file of the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileMatch {
    Same,
    /// Same name, other contents (the choices are applied, with a warning).
    Changed,
    Missing,
}

impl Recept {
    pub fn parse(text: &str) -> Result<Recept, ReceptError> {
        // A recept saved by an editor that writes a byte-order mark is still a recept.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        #[derive(Deserialize)]
        struct Head {
            format: String,
        }
        let json_error = |e: serde_json::Error| ReceptError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        };
        let head: Head = serde_json::from_str(text).map_err(json_error)?;
        if head.format != FORMAT {
            return Err(ReceptError::OtherFormat(head.format));
        }
        serde_json::from_str(text).map_err(json_error)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a recept always serialises")
    }

    /// Compare each file of the recept with the loaded files (name, bytes).
    pub fn match_files(&self, loaded: &[(&str, &Fingerprint)]) -> Vec<(String, FileMatch)> {
        self.files
            .iter()
            .map(|f| {
                let m = match loaded.iter().find(|(n, _)| *n == f.name) {
                    None => FileMatch::Missing,
                    Some((_, p)) if p.bytes == f.bytes && p.sha256 == f.sha256 => FileMatch::Same,
                    Some(_) => FileMatch::Changed,
                };
                (f.name.clone(), m)
            })
            .collect()
    }

    /// Plain Dutch lines about files that are missing or changed.
    pub fn file_warnings(&self, loaded: &[(&str, &Fingerprint)]) -> Vec<String> {
        self.match_files(loaded)
            .into_iter()
            .filter_map(|(name, m)| match m {
                FileMatch::Same => None,
                FileMatch::Changed => Some(format!(
                    "{name}: dit bestand is anders dan toen het recept werd gemaakt; de keuzes zijn toegepast, maar de uitkomsten kunnen verschillen."
                )),
                FileMatch::Missing => Some(format!(
                    "{name}: dit bestand hoort bij het recept maar is niet geladen; laad het en kies het recept opnieuw."
                )),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_known_answers() {
        // FIPS 180-2 test vectors.
        assert_eq!(
            fingerprint(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            fingerprint(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn round_trip_and_wrong_inputs() {
        let r = Recept {
            format: FORMAT.into(),
            files: vec![FileChoices {
                name: "a.csv".into(),
                bytes: 3,
                sha256: fingerprint(b"abc"),
                kind: Some(FileKind::Registration),
                steunpunt: Some("Zwolle".into()),
                mapping: Vec::new(),
            }],
            conflict_rule: ConflictRule::default(),
            overrules: Vec::new(),
            accept_above: Some(0.9),
            scoring: crate::link::estimate::Scoring::Fixed,
            propose_above: 0.7,
            fallback_estimate: None,
            peildatum: Date::new(2011, 4, 1),
            levels: vec![("geslacht".into(), Level::Ordinal)],
            analyses: vec![Analysis::Tree {
                target: "mob".into(),
                predictors: vec!["steunpunt".into()],
                params: ChaidParams::default().max_depth(2),
                target_class: Some("ja".into()),
                edits: Vec::new(),
                validation: None,
            }],
            anonymisation: Some(crate::anonymise::Settings::default().k(3).max_level("steunpunt", 0)),
        };
        assert_eq!(Recept::parse(&r.to_json()).unwrap(), r);
        assert_eq!(
            Recept::parse(&format!("\u{feff}{}", r.to_json())).unwrap(),
            r,
            "saved with a BOM"
        );
        assert_eq!(
            r.file_warnings(&[("a.csv", &Fingerprint::of(b"abc"))]),
            Vec::<String>::new()
        );
        assert_eq!(
            r.file_warnings(&[("a.csv", &Fingerprint::of(b"abd"))]),
            ["a.csv: dit bestand is anders dan toen het recept werd gemaakt; de keuzes zijn toegepast, maar de uitkomsten kunnen verschillen."]
        );
        assert_eq!(
            r.file_warnings(&[]),
            ["a.csv: dit bestand hoort bij het recept maar is niet geladen; laad het en kies het recept opnieuw."]
        );
        let e = Recept::parse("{ nope").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("Dit is geen recept van Perspectief: regel 1, kolom 3 klopt niet"),
            "{e}"
        );
        let e = Recept::parse(r#"{"format": "perspectief-chaid/1"}"#).unwrap_err();
        assert_eq!(e.to_string(), "Dit recept heeft vorm 'perspectief-chaid/1'; deze versie leest 'perspectief-recept/1'. Maak het recept opnieuw met deze versie.");
    }
}
