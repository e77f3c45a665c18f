//! Linking the combined registrations to the national extract: on the
//! V-nummer, then a fuzzy fallback that only proposes; one-to-one; every
//! link verified; overrules as data.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::names;
use super::verify::{verify, Sides, Verification};
use crate::check::registration::CheckResult;
use crate::check::vnummer::classify;
use crate::date::Date;
use crate::ingest::fields::Field;
use crate::ingest::load::LoadedFile;
use crate::ingest::records::{Provenance, Record};
use crate::kind::FileKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkedBy {
    VNummer,
    Fallback,
}

/// A person and a national row that belong together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Index into `CheckResult::persons`.
    pub person: usize,
    /// Index into the national file's records.
    pub national: usize,
    pub by: LinkedBy,
    pub sides: Sides,
    pub verification: Verification,
    /// The user's overrule of the compatibility decision, with the reason.
    pub overruled: Option<String>,
}

impl Link {
    /// Compatible after overrules: the national data are used.
    pub fn compatible(&self) -> bool {
        !self.verification.incompatible
    }
}

/// A fallback candidate: never a link until accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub person: usize,
    pub national: usize,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// A scored candidate; its reasons are written only if it becomes a proposal.
struct Candidate {
    person: usize,
    national: usize,
    score: f64,
    name_sim: f64,
    why_birth: &'static str,
    same_sex: Option<bool>,
}

impl Candidate {
    fn proposal(&self, name: &str, national_name: &str) -> Proposal {
        let sex = match self.same_sex {
            Some(true) => "geslacht gelijk",
            Some(false) => "geslacht anders",
            None => "geslacht onbekend",
        };
        Proposal {
            person: self.person,
            national: self.national,
            score: self.score,
            reasons: vec![
                format!("naam {name} / {national_name} (gelijkenis {:.2})", self.name_sim),
                self.why_birth.to_string(),
                sex.to_string(),
            ],
        }
    }
}

/// A decision of the user, kept in the saved analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Overrule {
    AcceptProposal {
        person: Provenance,
        national_row: u32,
        reason: String,
    },
    RejectProposal {
        person: Provenance,
        national_row: u32,
        reason: String,
    },
    /// Mark a link compatible (true) or incompatible (false).
    Compatibility {
        person: Provenance,
        compatible: bool,
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkOptions {
    /// Candidates at or above this score are proposed (0–1).
    pub propose_above: f64,
    /// Candidates at or above this score are accepted in bulk (`None`: none).
    pub accept_above: Option<f64>,
    pub overrules: Vec<Overrule>,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            propose_above: 0.85,
            accept_above: None,
            overrules: Vec::new(),
        }
    }
}

/// Table 3 and the counts around it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table3 {
    pub sex: (usize, usize),
    pub country: (usize, usize),
    pub birth: (usize, usize),
    /// Deviating links, and incompatible links.
    pub total: (usize, usize),
    pub linked_by_v_nummer: usize,
    pub linked_by_fallback: usize,
    pub proposals_open: usize,
    pub not_found: usize,
    pub national_without_person: usize,
    pub persons: usize,
    pub with_national_data: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Linkage {
    pub links: Vec<Link>,
    pub proposals: Vec<Proposal>,
    /// Persons without a link or an open proposal.
    pub not_found: Vec<usize>,
    /// National rows linked to nobody.
    pub national_unmatched: Vec<usize>,
    pub table3: Table3,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    NoNationalFile,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::NoNationalFile => write!(f, "Er is geen landelijk extract (DMB/IND) geladen. Laad het extract, of zet de soort van het juiste bestand op 'Landelijk extract'."),
        }
    }
}

fn text(r: &Record, f: Field) -> Option<String> {
    r.text(f).map(String::from)
}

fn sides(local: &Record, national: &Record) -> Sides {
    Sides {
        local_sex: local.code(Field::Geslacht).map(String::from),
        national_sex: national.code(Field::Geslacht).map(String::from),
        local_country: text(local, Field::LandHerkomst),
        nationality: text(national, Field::Nationaliteit),
        local_birth: local.date(Field::Geboortedatum),
        national_birth: national.date(Field::Geboortedatum),
        first_registration: national.date(Field::DatumEersteRegistratie),
        intake: local.date(Field::DatumInstroom),
    }
}

fn birth_score(a: Option<Date>, b: Option<Date>) -> (f64, &'static str) {
    match (a, b) {
        (Some(a), Some(b)) if a == b => (1.0, "geboortedatum gelijk"),
        (Some(a), Some(b)) if a.year == b.year && a.month == b.day && a.day == b.month => {
            (0.9, "dag en maand verwisseld")
        }
        (Some(a), Some(b)) if (a.days() - b.days()).abs() <= 7 => (0.8, "geboortedatum binnen een week"),
        (Some(a), Some(b)) if a.year == b.year => (0.4, "zelfde geboortejaar"),
        _ => (0.0, "geboortedatum anders"),
    }
}

/// Link every person of `check` to the national file among `files`.
pub fn link(files: &[&LoadedFile], check: &CheckResult, options: &LinkOptions) -> Result<Linkage, LinkError> {
    let national = files
        .iter()
        .find(|f| f.kind == FileKind::National)
        .ok_or(LinkError::NoNationalFile)?;
    let record = |p: usize| &files[check.persons[p].file].records[check.persons[p].index];
    // National rows by normalised V-nummer (the first row of a number wins; one-to-one).
    let mut by_v: HashMap<String, usize> = HashMap::new();
    for (i, r) in national.records.iter().enumerate() {
        if let Some(v) = classify(r.v_nummer.as_ref()).usable() {
            by_v.entry(v.to_string()).or_insert(i);
        }
    }
    let mut taken = vec![false; national.records.len()];
    let mut links = Vec::new();
    let mut unlinked = Vec::new();
    for (p, person) in check.persons.iter().enumerate() {
        match person.v_nummer.usable().and_then(|v| by_v.get(v)) {
            Some(&n) if !taken[n] => {
                taken[n] = true;
                links.push((p, n, LinkedBy::VNummer));
            }
            _ => unlinked.push(p),
        }
    }
    // Fallback: unlinked persons against untaken national rows. Blocking keeps it
    // linear: the same birth date (or day and month swapped), or the same birth
    // year (±1) and the same start of the alphabetically first name word.
    let name_key = |t: &[String]| {
        t.first()
            .map(|w| w.chars().take(2).collect::<String>())
            .unwrap_or_default()
    };
    let mut by_date: HashMap<Date, Vec<usize>> = HashMap::new();
    let mut by_year_name: HashMap<(i32, String), Vec<usize>> = HashMap::new();
    // Names split once per national row, not once per comparison.
    let mut nat_tokens: HashMap<usize, Vec<String>> = HashMap::new();
    for (n, r) in national.records.iter().enumerate().filter(|(n, _)| !taken[*n]) {
        if let (Some(d), Some(name)) = (r.date(Field::Geboortedatum), r.name()) {
            let t = names::sorted_tokens(&name);
            by_date.entry(d).or_default().push(n);
            by_year_name.entry((d.year, name_key(&t))).or_default().push(n);
            nat_tokens.insert(n, t);
        }
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    // Which national rows this person was already compared with: a stamp per row.
    let mut seen: Vec<usize> = vec![usize::MAX; national.records.len()];
    for &p in &unlinked {
        let local = record(p);
        let (Some(name), Some(birth)) = (local.name(), local.date(Field::Geboortedatum)) else {
            continue;
        };
        let swapped = Date::new(birth.year, birth.day, birth.month);
        let tokens = names::sorted_tokens(&name);
        let key = name_key(&tokens);
        // A score can reach the threshold only with a birth date within a week or
        // swapped (0.6 + 0.3·0.4 + 0.1 < 0.85 for a mere same year): look there. With a
        // lower threshold, also the same year and name start.
        let by_date = &by_date;
        let near = (-7..=7).map(move |k| by_date.get(&birth.add_days(k)));
        let same_year = (options.propose_above < 0.83)
            .then(|| by_year_name.get(&(birth.year, key.clone())))
            .flatten();
        let pools = near.chain([swapped.and_then(|d| by_date.get(&d)), same_year]);
        for pool in pools.flatten() {
            for &n in pool {
                if seen[n] == p {
                    continue;
                }
                seen[n] = p;
                let nat = &national.records[n];
                let Some(nat_t) = nat_tokens.get(&n) else { continue };
                if !names::may_match(&tokens, nat_t) {
                    continue;
                }
                let name_sim = names::similarity_sorted(&tokens, nat_t);
                if name_sim < 0.75 {
                    continue;
                }
                let (b, why_birth) = birth_score(Some(birth), nat.date(Field::Geboortedatum));
                let same_sex = local
                    .code(Field::Geslacht)
                    .zip(nat.code(Field::Geslacht))
                    .map(|(a, b)| a == b);
                let sex_score = match same_sex {
                    Some(true) => 1.0,
                    Some(false) => 0.0,
                    None => 0.5,
                };
                let score = 0.6 * name_sim + 0.3 * b + 0.1 * sex_score;
                if score >= options.propose_above {
                    candidates.push(Candidate {
                        person: p,
                        national: n,
                        score,
                        name_sim,
                        why_birth,
                        same_sex,
                    });
                }
            }
        }
    }
    // One-to-one: best scores first; overrules decide before scores.
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.person.cmp(&b.person)));
    let prov = |p: usize| &check.persons[p].at;
    let decided = |c: &Candidate, accept: bool| {
        options.overrules.iter().any(|o| match o {
            Overrule::AcceptProposal {
                person, national_row, ..
            } if accept => person == prov(c.person) && *national_row == national.records[c.national].provenance.row,
            Overrule::RejectProposal {
                person, national_row, ..
            } if !accept => person == prov(c.person) && *national_row == national.records[c.national].provenance.row,
            _ => false,
        })
    };
    let mut person_done = vec![false; check.persons.len()];
    for &(p, _, _) in &links {
        person_done[p] = true;
    }
    let mut proposals = Vec::new();
    // One proposal per person and per national row (the best, since sorted).
    let (mut proposed_person, mut proposed_national) = (vec![false; check.persons.len()], vec![false; taken.len()]);
    for accept_pass in [true, false] {
        for c in &candidates {
            if person_done[c.person] || taken[c.national] || decided(c, false) {
                continue;
            }
            let accepted = decided(c, true) || options.accept_above.is_some_and(|t| c.score >= t);
            if accept_pass && accepted {
                taken[c.national] = true;
                person_done[c.person] = true;
                links.push((c.person, c.national, LinkedBy::Fallback));
            } else if !accept_pass && !proposed_person[c.person] && !proposed_national[c.national] {
                proposed_person[c.person] = true;
                proposed_national[c.national] = true;
                proposals.push(c.proposal(
                    &record(c.person).name().unwrap_or_default(),
                    &national.records[c.national].name().unwrap_or_default(),
                ));
            }
        }
    }
    let links: Vec<Link> = links
        .into_iter()
        .map(|(p, n, by)| {
            let sides = sides(record(p), &national.records[n]);
            let mut verification = verify(&sides);
            let mut overruled = None;
            for o in &options.overrules {
                if let Overrule::Compatibility {
                    person,
                    compatible,
                    reason,
                } = o
                {
                    if person == prov(p) {
                        verification.incompatible = !compatible;
                        overruled = Some(reason.clone());
                    }
                }
            }
            Link {
                person: p,
                national: n,
                by,
                sides,
                verification,
                overruled,
            }
        })
        .collect();
    let proposed: std::collections::HashSet<usize> = proposals.iter().map(|q| q.person).collect();
    let not_found: Vec<usize> = (0..check.persons.len())
        .filter(|&p| !person_done[p] && !proposed.contains(&p))
        .collect();
    let national_unmatched: Vec<usize> = (0..national.records.len())
        .filter(|&n| !taken[n] && national.records[n].is_person())
        .collect();
    let count = |f: &dyn Fn(&Link) -> bool| {
        (
            links.iter().filter(|l| f(l)).count(),
            links.iter().filter(|l| f(l) && !l.compatible()).count(),
        )
    };
    let table3 = Table3 {
        sex: count(&|l| l.verification.sex == super::verify::SexCheck::Differs),
        country: count(&|l| l.verification.country_deviates()),
        birth: count(&|l| l.verification.birth_deviates()),
        total: count(&|l| l.verification.deviates()),
        linked_by_v_nummer: links.iter().filter(|l| l.by == LinkedBy::VNummer).count(),
        linked_by_fallback: links.iter().filter(|l| l.by == LinkedBy::Fallback).count(),
        proposals_open: proposals.len(),
        not_found: not_found.len(),
        national_without_person: national_unmatched.len(),
        persons: check.persons.len(),
        with_national_data: links.iter().filter(|l| l.compatible()).count(),
    };
    let incompatible_links = links.iter().filter(|l| !l.compatible()).count();
    let table3 = Table3 {
        total: (table3.total.0, incompatible_links),
        ..table3
    };
    Ok(Linkage {
        links,
        proposals,
        not_found,
        national_unmatched,
        table3,
    })
}
