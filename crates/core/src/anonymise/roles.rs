//! A role for every column of a person-level file, derived from the data
//! dictionary (`disclosure.md`): identifying, quasi-identifying, sensitive or
//! other, with the facts it follows from. The attacker knows the steunpunt,
//! sex, birth date, country, nationality, intake and outflow dates, the
//! peildatum and the national extract's asylum dates; every column computed
//! from those is quasi-identifying. Columns that share a source are protected
//! together (one dimension of the search, see `dimensions`).

use serde::{Deserialize, Serialize};

use crate::chaid::data::{RawColumn, TextColumn};
use crate::ingest::fold::fold_words;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Names a person on its own: left out of every protected file.
    Identifying,
    /// Known to an attacker, or follows from what is known: generalised with its sources.
    Quasi,
    /// What must not be learnt about a person: kept, protected by l-diversity.
    Sensitive,
    /// Neither: kept, rare values coded so that none occurs fewer than k times.
    Other,
}

/// Why a column has its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The data dictionary names the column.
    Dictionary,
    /// Constant within each steunpunt: a characteristic of the steunpunt.
    Characteristic,
    /// Not quasi-identifying itself, but together with `with` (quasi-identifying) it gives a known fact back.
    Coupled { with: String },
    /// A header the dictionary knows as a direct identifier (V-nummer, name, a date).
    DirectIdentifier,
    /// Text with mostly different values: free text.
    FreeText,
    /// Unknown to the dictionary: quasi-identifying until the user says otherwise.
    Unknown,
    /// Chosen by the user.
    User,
}

/// A column's role, why, and what it follows from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnRole {
    pub column: String,
    pub role: Role,
    pub reason: Reason,
    /// The facts this column is computed from (a column the dictionary does not know: itself).
    pub sources: Vec<String>,
    /// A sensitive column that is a function of another sensitive column (the outcome dummies of
    /// `resultaat`): l-diversity is required of the source, not of each function of it.
    pub follows: Option<String>,
    /// The role the dictionary gives, before the user's choice (for the audit).
    pub derived: Role,
}

/// Facts an attacker is assumed to know about a person (prosecutor model, `disclosure.md`).
pub const KNOWN_FACTS: [&str; 11] = [
    "steunpunt",
    "geslacht",
    "geboortedatum",
    "land",
    "nationaliteit",
    "datum_instroom",
    "datum_uitstroom",
    "peildatum",
    "datum_eerste_registratie",
    "datum_eerste_asielaanvraag",
    "datum_beslissing",
];

struct Known {
    name: &'static str,
    role: Role,
    sources: &'static [&'static str],
    follows: Option<&'static str>,
}

const fn known(name: &'static str, role: Role, sources: &'static [&'static str]) -> Known {
    Known {
        name,
        role,
        sources,
        follows: None,
    }
}

const fn follows(name: &'static str, source: &'static str) -> Known {
    Known {
        name,
        role: Role::Sensitive,
        sources: &[],
        follows: Some(source),
    }
}

use Role::{Other, Quasi, Sensitive};

/// The analysis file's columns as the dictionary knows them. Country and nationality share the
/// source `land`: they move to region together.
const DICTIONARY: &[Known] = &[
    known("steunpunt", Quasi, &["steunpunt"]),
    known("geslacht", Quasi, &["geslacht"]),
    known("land_herkomst", Quasi, &["land"]),
    known("regio_herkomst", Quasi, &["land"]),
    known("nationaliteit", Quasi, &["land", "nationaliteit"]),
    known("resultaat", Sensitive, &[]),
    known("aantal_contacten", Other, &["contacten"]),
    known("arts", Sensitive, &[]),
    known("psychiatrische_diagnose", Sensitive, &[]),
    known("kinderen_nl", Other, &[]),
    known("traject", Other, &[]),
    known("beeindigd_door", Other, &[]),
    known("vastlopend", Other, &[]),
    known("leeftijd_instroom", Quasi, &["geboortedatum", "datum_instroom"]),
    known(
        "leeftijd_bekend_nl",
        Quasi,
        &["geboortedatum", "datum_eerste_registratie"],
    ),
    known(
        "verblijfsduur_nl_bij_instroom",
        Quasi,
        &["datum_eerste_registratie", "datum_instroom"],
    ),
    known(
        "duur_begeleiding_maanden",
        Quasi,
        &["datum_instroom", "datum_uitstroom", "peildatum"],
    ),
    known(
        "contacten_per_maand",
        Quasi,
        &["contacten", "datum_instroom", "datum_uitstroom", "peildatum"],
    ),
    known("kwartaal_instroom", Quasi, &["datum_instroom"]),
    known("ooit_vbm", Sensitive, &["vbm"]),
    known("vbm_voor_instroom", Sensitive, &["vbm"]),
    known(
        "leeftijd_eerste_asielaanvraag",
        Quasi,
        &["geboortedatum", "datum_eerste_asielaanvraag"],
    ),
    known(
        "duur_eerste_beslissing_maanden",
        Quasi,
        &["datum_eerste_asielaanvraag", "datum_beslissing"],
    ),
    known("aantal_asielaanvragen", Other, &[]),
    known("aantal_beroep_ar", Other, &[]),
    known("aantal_beroep_ac", Other, &[]),
    known("aantal_beroep_vk", Other, &[]),
    known("aantal_reguliere_aanvragen", Other, &[]),
    known("aantal_vbm", Sensitive, &["vbm"]),
    known("duur_vbm_dagen", Sensitive, &["vbm"]),
    known("buiten_schuld", Sensitive, &[]),
    known("buiten_schuld_gegrond", Sensitive, &[]),
    known("huidige_verblijfstitel", Other, &[]),
    known("in_procedure", Other, &[]),
];

/// Quasi-identifiers that share a source, most important for analysis first: when a dimension
/// cannot keep them all, the last go first (then any the dictionary does not know).
const PRIORITY: &[&str] = &[
    "steunpunt",
    "land_herkomst",
    "regio_herkomst",
    "nationaliteit",
    "leeftijd_instroom",
    "kwartaal_instroom",
    "duur_begeleiding_maanden",
    "verblijfsduur_nl_bij_instroom",
    "leeftijd_bekend_nl",
    "leeftijd_eerste_asielaanvraag",
    "duur_eerste_beslissing_maanden",
    "contacten_per_maand",
    "aantal_contacten",
];

/// A column's place in [`PRIORITY`] (unknown columns after every known one, stable).
pub fn priority(column: &str) -> usize {
    let folded = fold_words(column).replace(' ', "_");
    PRIORITY.iter().position(|p| *p == folded).unwrap_or(PRIORITY.len())
}

/// The dictionary's entry for a column name (folded: `Leeftijd instroom` = `leeftijd_instroom`).
fn dictionary(name: &str) -> Option<&'static Known> {
    const DUMMIES: [Known; 4] = [
        follows(crate::analysis::OUTCOMES[0].0, "resultaat"),
        follows(crate::analysis::OUTCOMES[1].0, "resultaat"),
        follows(crate::analysis::OUTCOMES[2].0, "resultaat"),
        follows(crate::analysis::OUTCOMES[3].0, "resultaat"),
    ];
    let folded = fold_words(name).replace(' ', "_");
    DICTIONARY.iter().chain(&DUMMIES).find(|k| k.name == folded)
}

/// Whether `values` is constant within each value of `by` (rows where `by` is missing are ignored).
fn constant_within(values: &RawColumn, by: &TextColumn) -> bool {
    let mut seen: Vec<Option<Option<u64>>> = vec![None; by.labels.len()];
    let key = |row: usize| -> Option<u64> {
        match values {
            RawColumn::Text(t) => (t.codes[row] != TextColumn::MISSING).then(|| t.codes[row] as u64),
            RawColumn::Number(x) => x[row].map(f64::to_bits),
        }
    };
    for (row, &g) in by.codes.iter().enumerate() {
        if g == TextColumn::MISSING {
            continue;
        }
        let k = key(row);
        match seen[g as usize] {
            None => seen[g as usize] = Some(k),
            Some(first) if first != k => return false,
            Some(_) => {}
        }
    }
    true
}

/// Text in which most values differ: free text, a name, a number that identifies.
fn is_free_text(values: &RawColumn) -> bool {
    let RawColumn::Text(t) = values else {
        return false;
    };
    let present = t.codes.iter().filter(|&&c| c != TextColumn::MISSING).count();
    present >= 20 && values.distinct() * 2 >= present
}

/// The roles of a file's columns: the dictionary's, characteristics found in the data, unknown
/// columns quasi-identifying, then the user's choices (`chosen`). A column that is not
/// quasi-identifying but shares a source with one that is becomes quasi-identifying too (counts
/// of contacts beside contacts per month give the duration back).
pub fn assign(columns: &[(&str, &RawColumn)], chosen: &[(String, Role)]) -> Vec<ColumnRole> {
    let steunpunt = columns.iter().find_map(|(n, c)| match c {
        RawColumn::Text(t) if fold_words(n) == "steunpunt" => Some(t),
        _ => None,
    });
    let mut roles: Vec<ColumnRole> = columns
        .iter()
        .map(|(name, values)| {
            let (role, reason, sources, follows) = if let Some(k) = dictionary(name) {
                let sources = if k.sources.is_empty() {
                    vec![k.name.to_string()]
                } else {
                    k.sources.iter().map(|s| s.to_string()).collect()
                };
                (k.role, Reason::Dictionary, sources, k.follows.map(String::from))
            } else if super::is_direct_identifier(name) {
                (
                    Role::Identifying,
                    Reason::DirectIdentifier,
                    vec![name.to_string()],
                    None,
                )
            } else if steunpunt.is_some_and(|s| constant_within(values, s)) {
                (Role::Quasi, Reason::Characteristic, vec!["steunpunt".to_string()], None)
            } else if is_free_text(values) {
                (Role::Identifying, Reason::FreeText, vec![name.to_string()], None)
            } else {
                (Role::Quasi, Reason::Unknown, vec![name.to_string()], None)
            };
            ColumnRole {
                column: name.to_string(),
                role,
                reason,
                sources,
                follows,
                derived: role,
            }
        })
        .collect();
    // Coupling: a source shared with a quasi-identifier makes a column quasi-identifying.
    loop {
        let mut changed = false;
        for i in 0..roles.len() {
            if roles[i].role != Role::Other {
                continue;
            }
            let with = roles
                .iter()
                .find(|q| q.role == Role::Quasi && q.sources.iter().any(|s| roles[i].sources.contains(s)))
                .map(|q| q.column.clone());
            if let Some(with) = with {
                roles[i].role = Role::Quasi;
                roles[i].derived = Role::Quasi;
                roles[i].reason = Reason::Coupled { with };
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (column, role) in chosen {
        if let Some(r) = roles.iter_mut().find(|r| r.column == *column) {
            if r.role != *role {
                r.role = *role;
                r.reason = Reason::User;
            }
        }
    }
    roles
}

/// Whether every fact a column follows from is known to the attacker.
pub fn is_known(role: &ColumnRole) -> bool {
    role.sources.iter().any(|s| KNOWN_FACTS.contains(&s.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(xs: &[&str]) -> RawColumn {
        RawColumn::text(xs.iter().map(|x| (!x.is_empty()).then_some(*x)))
    }

    #[test]
    fn dictionary_characteristics_unknown_and_coupling() {
        let sp = text(&["A", "A", "B", "B"]);
        let staff = RawColumn::Number(vec![Some(3.0), Some(3.0), Some(5.0), Some(5.0)]);
        let note = text(&["x", "y", "x", "z"]);
        let contacts = RawColumn::Number(vec![Some(1.0), Some(9.0), Some(4.0), Some(2.0)]);
        let per_month = RawColumn::Number(vec![Some(0.1), Some(0.9), Some(0.4), Some(0.2)]);
        let diag = text(&["ja", "nee", "ja", "nee"]);
        let mob = text(&["ja", "nee", "nee", "nee"]);
        let v = text(&["1", "2", "3", "4"]);
        let columns = [
            ("steunpunt", &sp),
            ("aantal_medewerkers", &staff),
            ("opmerking", &note),
            ("aantal_contacten", &contacts),
            ("contacten_per_maand", &per_month),
            ("psychiatrische_diagnose", &diag),
            ("mob", &mob),
            ("V-nummer", &v),
        ];
        let roles = assign(&columns, &[]);
        let got: Vec<(Role, &Reason)> = roles.iter().map(|r| (r.role, &r.reason)).collect();
        assert_eq!(got[0], (Role::Quasi, &Reason::Dictionary));
        assert_eq!(got[1], (Role::Quasi, &Reason::Characteristic));
        assert_eq!(got[2], (Role::Quasi, &Reason::Unknown));
        assert_eq!(
            got[3],
            (
                Role::Quasi,
                &Reason::Coupled {
                    with: "contacten_per_maand".into()
                }
            )
        );
        assert_eq!(got[5].0, Role::Sensitive);
        assert_eq!(roles[6].follows.as_deref(), Some("resultaat"));
        assert_eq!(got[7], (Role::Identifying, &Reason::DirectIdentifier));
        assert_eq!(roles[1].sources, ["steunpunt"]);
        let chosen = assign(&columns, &[("opmerking".into(), Role::Other)]);
        assert_eq!((chosen[2].role, chosen[2].derived), (Role::Other, Role::Quasi));
        assert_eq!(chosen[2].reason, Reason::User);
    }

    #[test]
    fn free_text_is_identifying() {
        let notes: Vec<String> = (0..30).map(|i| format!("notitie {i}")).collect();
        let col = RawColumn::text(notes.iter().map(|s| Some(s.as_str())));
        let roles = assign(&[("opmerkingen", &col)], &[]);
        assert_eq!(
            (roles[0].role, &roles[0].reason),
            (Role::Identifying, &Reason::FreeText)
        );
    }
}
