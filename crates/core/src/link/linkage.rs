//! Linking the combined registrations to the national extract: on the
//! V-nummer, then a fuzzy fallback that only proposes; one-to-one; every
//! link verified; overrules as data.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::estimate::{FallbackEstimate, Scoring};
use super::names;
use super::verify::{verify, Sides, Verification};
use super::weights::{Model, Waterfall};
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
    /// What both files say, for links that deviate or were overruled (`None` for the others:
    /// a million copies would cost hundreds of megabytes).
    pub sides: Option<Box<Sides>>,
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
    /// What the score rests on, as data (`messages` says it).
    pub evidence: Evidence,
    /// Fellegi–Sunter: each field's weight; the bars add up to the score's log2 odds.
    #[serde(default)]
    pub waterfall: Option<Waterfall>,
}

/// The comparison behind a fallback proposal: the two names and their similarity, how the
/// birth dates agree, and whether the sexes are the same (`None`: one is unknown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub name: String,
    pub national_name: String,
    pub similarity: f64,
    pub birth: BirthAgreement,
    pub same_sex: Option<bool>,
}

/// How two birth dates agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthAgreement {
    Same,
    DayMonthSwapped,
    WithinAWeek,
    SameYear,
    /// Less than a year apart (Fellegi–Sunter's level; on linkage files: the same birth year).
    WithinAYear,
    Different,
    /// Linkage files: the birth-date pseudonyms are equal.
    SamePseudonym,
    /// Linkage files: the pseudonym of the date with day and month swapped is equal.
    SwappedPseudonym,
}

/// A scored candidate; its reasons are written only if it becomes a proposal.
struct Candidate {
    person: usize,
    national: usize,
    score: f64,
    name_sim: f64,
    why_birth: BirthAgreement,
    same_sex: Option<bool>,
    /// Fellegi–Sunter: the comparison behind the score.
    comparison: Option<super::comparison::Comparison>,
}

/// The sex part of a score: the same 1, different 0, unknown half.
fn sex_score(same_sex: Option<bool>) -> f64 {
    match same_sex {
        Some(true) => 1.0,
        Some(false) => 0.0,
        None => 0.5,
    }
}

impl Candidate {
    /// A pair scored on name (0.6), birth date (0.3) and sex (0.1): a candidate when the names
    /// are alike (0.75 or more) and the score reaches the threshold.
    fn scored(
        person: usize,
        national: usize,
        name_sim: f64,
        (birth, why_birth): (f64, BirthAgreement),
        same_sex: Option<bool>,
        propose_above: f64,
    ) -> Option<Candidate> {
        let score = 0.6 * name_sim + 0.3 * birth + 0.1 * sex_score(same_sex);
        (name_sim >= 0.75 && score >= propose_above).then_some(Candidate {
            person,
            national,
            score,
            name_sim,
            why_birth,
            same_sex,
            comparison: None,
        })
    }

    /// A Fellegi–Sunter candidate.
    fn of_fellegi_sunter(s: &super::fellegi_sunter::Scored) -> Candidate {
        use super::comparison::{BirthLevel, SexLevel};
        Candidate {
            person: s.person,
            national: s.national,
            score: s.score,
            name_sim: s.similarity,
            why_birth: match s.comparison.birth {
                BirthLevel::Exact => BirthAgreement::Same,
                BirthLevel::DayMonthSwapped => BirthAgreement::DayMonthSwapped,
                BirthLevel::WithinAWeek => BirthAgreement::WithinAWeek,
                BirthLevel::WithinAYear => BirthAgreement::WithinAYear,
                BirthLevel::Different | BirthLevel::Missing => BirthAgreement::Different,
            },
            same_sex: match s.comparison.sex {
                SexLevel::Same => Some(true),
                SexLevel::Different => Some(false),
                SexLevel::Missing => None,
            },
            comparison: Some(s.comparison),
        }
    }

    fn proposal(&self, name: &str, national_name: &str, model: Option<&Model>) -> Proposal {
        Proposal {
            person: self.person,
            national: self.national,
            score: self.score,
            evidence: Evidence {
                name: name.to_string(),
                national_name: national_name.to_string(),
                similarity: self.name_sim,
                birth: self.why_birth,
                same_sex: self.same_sex,
            },
            waterfall: model.zip(self.comparison).map(|(m, c)| m.waterfall(&c)),
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
    /// How the fallback scores a pair.
    #[serde(default)]
    pub scoring: Scoring,
    /// Seed of the random pairs and the hold-out folds.
    #[serde(default = "default_seed")]
    pub seed: u64,
}

fn default_seed() -> u64 {
    20
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            propose_above: 0.85,
            accept_above: None,
            overrules: Vec::new(),
            scoring: Scoring::default(),
            seed: default_seed(),
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
    /// How the fallback scored: the options' choice, or the fixed score when fewer than
    /// [`MIN_LABELLED`] pairs linked on the V-nummer were there to learn from.
    #[serde(default)]
    pub scoring: Scoring,
    /// The Fellegi–Sunter model the fallback scored with (`None`: the fixed score).
    #[serde(default)]
    pub model: Option<Model>,
    /// The fallback's error rates at the proposal threshold, by hold-out of V-nummer links.
    #[serde(default)]
    pub fallback_estimate: Option<FallbackEstimate>,
    /// With a clock ([`link_clocked`]): milliseconds of the fallback (training, blocking, scoring,
    /// one-to-one) and of its hold-out estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_ms: Option<(f64, f64)>,
}

impl Linkage {
    /// No national extract: every person unlinked (the analysis file then holds the registrations alone).
    pub fn without_extract(persons: usize) -> Linkage {
        Linkage {
            links: Vec::new(),
            proposals: Vec::new(),
            not_found: (0..persons).collect(),
            national_unmatched: Vec::new(),
            table3: Table3::default(),
            scoring: Scoring::default(),
            model: None,
            fallback_estimate: None,
            fallback_ms: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkError {
    NoNationalFile,
}

/// A name for people to read: a linkage file's keyed encoding is not one.
pub fn shown_name(r: &Record) -> String {
    match r.name() {
        Some(n) if crate::link::pseudonym::NameEncoding::parse(&n).is_some() => "(naam versleuteld)".into(),
        n => n.unwrap_or_default(),
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
        local_birth_pseudonym: text(local, Field::GeboortedatumPseudoniem),
        national_birth_pseudonym: text(national, Field::GeboortedatumPseudoniem),
        keyed_birth: keyed_birth(local, national),
    }
}

/// Linkage files: the answers of the keyed date tests (`None` for plain files).
fn keyed_birth(local: &Record, national: &Record) -> Option<super::verify::KeyedBirth> {
    use super::date_tests::meets;
    local.text(Field::DatumtoetsGeboortedatum)?;
    fn t(r: &Record, f: Field) -> Option<&str> {
        r.text(f)
    }
    Some(super::verify::KeyedBirth {
        within_a_year: meets(
            t(local, Field::DatumtoetsGeboortedatum),
            t(national, Field::DatumtoetsBinnenEenJaar),
        ),
        national_plausible: meets(
            t(local, Field::DatumtoetsInstroom),
            t(national, Field::DatumtoetsLandelijkAannemelijk),
        ),
        local_plausible: meets(
            t(national, Field::DatumtoetsEersteRegistratie),
            t(local, Field::DatumtoetsLokaalAannemelijk),
        ),
    })
}

/// A usable V-nummer (ten digits) as a number; a pseudonym (32 hex digits) by its
/// first 63 bits with the top bit set (V-nummers stay below 2^34). Equal keys are
/// checked on the whole text before linking.
fn v_key(v: &str) -> Option<u64> {
    if v.len() == 32 {
        return u64::from_str_radix(&v[..16], 16).ok().map(|k| k | 1 << 63);
    }
    v.parse().ok()
}

/// How well two birth dates (and their day numbers) agree, and why.
fn birth_score(a: Date, a_day: i64, b: Date, b_day: i64) -> (f64, BirthAgreement) {
    if a_day == b_day {
        (1.0, BirthAgreement::Same)
    } else if a.year == b.year && a.month == b.day && a.day == b.month {
        (0.9, BirthAgreement::DayMonthSwapped)
    } else if (a_day - b_day).abs() <= 7 {
        (0.8, BirthAgreement::WithinAWeek)
    } else if a.year == b.year {
        (0.4, BirthAgreement::SameYear)
    } else {
        (0.0, BirthAgreement::Different)
    }
}

/// A national row open to the fallback, prepared once; kept sorted by birth
/// date so that the rows within a week of a date lie side by side in memory.
struct Open {
    day: i64,
    birth: Date,
    sex: u8,
    row: usize,
}

/// Small numbers for the sex codes (0: unknown), so that a comparison does not
/// reach into the records.
#[derive(Default)]
struct Codes(Vec<String>);

impl Codes {
    fn of(&mut self, code: Option<&str>) -> u8 {
        let Some(code) = code else { return 0 };
        match self.0.iter().position(|c| c == code) {
            Some(i) => i as u8 + 1,
            None if self.0.len() < 250 => {
                self.0.push(code.to_string());
                self.0.len() as u8
            }
            None => 255,
        }
    }
}

/// Fallback candidates of the unlinked persons among the untaken national rows.
/// Blocking keeps it linear: a score can reach the threshold only with a birth
/// date within a week or day and month swapped (0.6 + 0.3·0.4 + 0.1 < 0.85 for a
/// mere same year), so only those rows are compared; with a lower threshold,
/// also the same birth year and the same start of the alphabetically first name word.
fn fallback_candidates<'a>(
    unlinked: &[usize],
    record: impl Fn(usize) -> &'a Record,
    national: &'a LoadedFile,
    taken: &[bool],
    propose_above: f64,
) -> Vec<Candidate> {
    let first_start = |n: &names::PreparedName| n.first_word().chars().take(2).collect::<String>();
    let mut sexes = Codes::default();
    let mut open: Vec<(Open, names::PreparedName)> = national
        .records
        .iter()
        .enumerate()
        .filter(|(n, _)| !taken[*n])
        .filter_map(|(row, r)| {
            let (birth, name) = (r.date(Field::Geboortedatum)?, r.name()?);
            let sex = sexes.of(r.code(Field::Geslacht));
            let open = Open {
                day: birth.days(),
                birth,
                sex,
                row,
            };
            Some((open, names::PreparedName::new(&name)))
        })
        .collect();
    open.sort_by_key(|(o, _)| (o.day, o.row));
    let (open, open_names): (Vec<Open>, Vec<names::PreparedName>) = open.into_iter().unzip();
    let mut by_year_name: HashMap<(i32, String), Vec<u32>> = HashMap::new();
    if propose_above < 0.83 {
        for (id, (o, name)) in open.iter().zip(&open_names).enumerate() {
            by_year_name
                .entry((o.birth.year, first_start(name)))
                .or_default()
                .push(id as u32);
        }
    }
    // The ids of the open rows born between two days (inclusive).
    let between = |from: i64, to: i64| open.partition_point(|o| o.day < from)..open.partition_point(|o| o.day <= to);
    let mut candidates: Vec<Candidate> = Vec::new();
    // Which open rows this person was already compared with: a stamp per row.
    let mut seen: Vec<usize> = vec![usize::MAX; open.len()];
    let mut ids: Vec<u32> = Vec::new();
    for &p in unlinked {
        let local = record(p);
        let (Some(name), Some(birth)) = (local.name(), local.date(Field::Geboortedatum)) else {
            continue;
        };
        let day = birth.days();
        let name = names::PreparedName::new(&name);
        let sex = sexes.of(local.code(Field::Geslacht));
        ids.clear();
        ids.extend(between(day - 7, day + 7).map(|i| i as u32));
        if let Some(swapped) = Date::new(birth.year, birth.day, birth.month) {
            let d = swapped.days();
            if (d - day).abs() > 7 {
                ids.extend(between(d, d).map(|i| i as u32));
            }
        }
        if propose_above < 0.83 {
            if let Some(pool) = by_year_name.get(&(birth.year, first_start(&name))) {
                ids.extend(pool);
            }
        }
        for &id in &ids {
            if seen[id as usize] == p {
                continue;
            }
            seen[id as usize] = p;
            let o = &open[id as usize];
            let (b, why_birth) = birth_score(birth, day, o.birth, o.day);
            let same_sex = (sex != 0 && o.sex != 0).then_some(sex == o.sex);
            // The name similarity this pair needs to reach the threshold.
            let needed = (propose_above - 0.3 * b - 0.1 * sex_score(same_sex)) / 0.6;
            let o_name = &open_names[id as usize];
            if needed > 1.0 || !name.may_match(o_name) {
                continue;
            }
            let name_sim = name.similarity(o_name);
            candidates.extend(Candidate::scored(
                p,
                o.row,
                name_sim,
                (b, why_birth),
                same_sex,
                propose_above,
            ));
        }
    }
    candidates
}

/// Fallback candidates between linkage files: names as keyed encodings
/// ([`NameEncoding::similarity`](crate::link::pseudonym::NameEncoding::similarity) instead of Jaro-Winkler), birth dates as pseudonyms, so only the
/// same date or day and month swapped can be seen (not "within a week").
fn pseudonymous_candidates<'a>(
    unlinked: &[usize],
    record: impl Fn(usize) -> &'a Record,
    national: &'a LoadedFile,
    taken: &[bool],
    propose_above: f64,
) -> Vec<Candidate> {
    use crate::link::pseudonym::NameEncoding;
    let encoded = |r: &Record| -> Option<(NameEncoding, String)> {
        let name = NameEncoding::parse(&r.name()?)?;
        Some((name, r.text(Field::GeboortedatumPseudoniem)?.to_string()))
    };
    let mut by_birth: HashMap<String, Vec<(usize, NameEncoding)>> = HashMap::new();
    for (row, r) in national.records.iter().enumerate() {
        if taken[row] {
            continue;
        }
        if let Some((name, birth)) = encoded(r) {
            by_birth.entry(birth).or_default().push((row, name));
        }
    }
    let mut candidates = Vec::new();
    if by_birth.is_empty() {
        return candidates;
    }
    for &p in unlinked {
        let local = record(p);
        let Some((name, birth)) = encoded(local) else { continue };
        let swapped = local.text(Field::GeboortedatumOmgedraaid).map(String::from);
        let blocks = [
            (Some(birth), 1.0, BirthAgreement::SamePseudonym),
            (swapped, 0.9, BirthAgreement::SwappedPseudonym),
        ];
        for (key, b, why_birth) in blocks {
            let Some(rows) = key.as_ref().and_then(|k| by_birth.get(k)) else {
                continue;
            };
            for (row, other) in rows {
                let same_sex = match (
                    local.code(Field::Geslacht),
                    national.records[*row].code(Field::Geslacht),
                ) {
                    (Some(a), Some(b)) => Some(a == b),
                    _ => None,
                };
                candidates.extend(Candidate::scored(
                    p,
                    *row,
                    name.similarity(other),
                    (b, why_birth),
                    same_sex,
                    propose_above,
                ));
            }
        }
    }
    candidates
}

/// Link every person of `check` to the national file among `files`.
pub fn link(files: &[&LoadedFile], check: &CheckResult, options: &LinkOptions) -> Result<Linkage, LinkError> {
    let mut l = link_clocked(files, check, options, || 0.0)?;
    l.fallback_ms = None;
    Ok(l)
}

/// [`link`], timing the fallback and its estimate with the host's `clock` (milliseconds).
pub fn link_clocked(
    files: &[&LoadedFile],
    check: &CheckResult,
    options: &LinkOptions,
    clock: fn() -> f64,
) -> Result<Linkage, LinkError> {
    let national = files
        .iter()
        .find(|f| f.kind == FileKind::National)
        .ok_or(LinkError::NoNationalFile)?;
    let record = |p: usize| &files[check.persons[p].file].records[check.persons[p].index];
    // National rows by normalised V-nummer (the first row of a number wins; one-to-one).
    let mut by_v: HashMap<u64, usize> = HashMap::with_capacity(national.records.len());
    for (i, r) in national.records.iter().enumerate() {
        if let Some(v) = classify(r.v_nummer.as_ref()).usable().and_then(v_key) {
            by_v.entry(v).or_insert(i);
        }
    }
    let mut taken = vec![false; national.records.len()];
    let mut links = Vec::new();
    let mut unlinked = Vec::new();
    for (p, person) in check.persons.iter().enumerate() {
        let usable = person.v_nummer.usable();
        let same = |n: usize| classify(national.records[n].v_nummer.as_ref()).usable() == usable;
        match usable.and_then(v_key).and_then(|v| by_v.get(&v)) {
            Some(&n) if !taken[n] && same(n) => {
                taken[n] = true;
                links.push((p, n, LinkedBy::VNummer));
            }
            _ => unlinked.push(p),
        }
    }
    // The pairs linked on the V-nummer that Table 3's checks find compatible: the fallback's labelled data.
    // (Their verification is kept for the links below.)
    let started = clock();
    let verified: Vec<Verification> = links
        .iter()
        .map(|&(p, n, _)| verify(&sides(record(p), &national.records[n])))
        .collect();
    let labelled: Vec<(usize, usize)> = links
        .iter()
        .zip(&verified)
        .filter(|(_, v)| !v.incompatible)
        .map(|(&(p, n, _), _)| (p, n))
        .collect();
    let usable = check.persons.iter().filter(|p| p.v_nummer.usable().is_some()).count();
    let folds = super::estimate::folds(labelled.len(), options.seed);
    let held_out: Vec<usize> = folds.iter().flatten().map(|&i| labelled[i].1).collect();
    let mut scorer = Scorer::new(
        options,
        &labelled,
        check,
        record,
        national,
        links.len() as f64 / usable.max(1) as f64,
        (0..taken.len()).filter(|&n| !taken[n]).chain(held_out),
    );
    let (mut candidates, model) =
        scorer.candidates(&unlinked, record, national, &taken, options.propose_above, &|_| false);
    let now: Vec<f64> =
        super::estimate::one_to_one(candidates.iter().map(|c| (c.person, c.national, c.score)).collect())
            .into_iter()
            .map(|(_, _, s)| s)
            .collect();
    let scored = clock();
    let fallback_estimate = scorer.hold_out(&labelled, &folds, record, national, &taken, options, &now);
    let fallback_ms = Some((scored - started, clock() - scored));
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
                    &shown_name(record(c.person)),
                    &shown_name(&national.records[c.national]),
                    model.as_ref(),
                ));
            }
        }
    }
    // The least certain first: closest to the threshold a decision is made at.
    let threshold = options.accept_above.unwrap_or(options.propose_above);
    proposals.sort_by(|a, b| {
        (a.score - threshold)
            .abs()
            .total_cmp(&(b.score - threshold).abs())
            .then(a.person.cmp(&b.person))
    });
    // The links on the V-nummer were verified above; the fallback's are verified here.
    let verified = verified.into_iter().map(Some).chain(std::iter::repeat_with(|| None));
    let links: Vec<Link> = links
        .into_iter()
        .zip(verified)
        .map(|((p, n, by), verified)| {
            let mut verification = verified.unwrap_or_else(|| verify(&sides(record(p), &national.records[n])));
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
            // Both sides are shown for the links behind Table 3 (and overruled ones) only.
            let sides = (verification.deviates() || overruled.is_some())
                .then(|| Box::new(sides(record(p), &national.records[n])));
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
        scoring: scorer.scoring(),
        model,
        fallback_estimate,
        fallback_ms,
    })
}

/// Fellegi–Sunter learns from pairs linked on the V-nummer: with fewer, the fixed score is used.
pub const MIN_LABELLED: usize = 50;

/// How the fallback scores pairs, with what the Fellegi–Sunter model is trained on and the
/// national rows it searches (prepared once for the run and every hold-out fold).
#[allow(clippy::large_enum_variant)] // one per linkage, never moved around
enum Scorer {
    Fixed,
    FellegiSunter {
        training: super::fellegi_sunter::Training,
        open: super::fellegi_sunter::OpenRows,
        /// Share of persons with a usable V-nummer who were found (the prior's).
        share: f64,
    },
}

impl Scorer {
    /// `searched`: the national rows the run or a fold may search.
    fn new<'a>(
        options: &LinkOptions,
        labelled: &[(usize, usize)],
        check: &CheckResult,
        record: impl Fn(usize) -> &'a Record,
        national: &'a LoadedFile,
        share: f64,
        searched: impl Iterator<Item = usize>,
    ) -> Scorer {
        use super::fellegi_sunter::{frequencies, prepare, OpenRows, Training};
        match options.scoring {
            Scoring::Fixed => Scorer::Fixed,
            Scoring::FellegiSunter if labelled.len() < MIN_LABELLED => Scorer::Fixed,
            Scoring::FellegiSunter => {
                let pairs: Vec<(&Record, &Record)> = labelled
                    .iter()
                    .map(|&(p, n)| (record(p), &national.records[n]))
                    .collect();
                let persons: Vec<&Record> = (0..check.persons.len()).map(&record).collect();
                let rows: Vec<&Record> = national.records.iter().filter(|r| r.is_person()).collect();
                let training = Training::new(&pairs, &persons, &rows, options.seed);
                let mut codes = super::comparison::Codes::default();
                let frequencies = frequencies(&national.records, &mut codes, options.seed);
                let searched = searched.filter(|&i| national.records[i].is_person());
                let rows = prepare(&national.records, searched, &mut codes);
                Scorer::FellegiSunter {
                    training,
                    open: OpenRows::new(rows, codes, &frequencies),
                    share,
                }
            }
        }
    }

    fn scoring(&self) -> Scoring {
        match self {
            Scorer::Fixed => Scoring::Fixed,
            Scorer::FellegiSunter { .. } => Scoring::FellegiSunter,
        }
    }

    /// The candidates of `unlinked` among the rows not `taken`, at or above `floor`, and the model
    /// they were scored with (the labelled pairs `left_out` say are not used for it).
    #[allow(clippy::too_many_arguments)]
    fn candidates<'a>(
        &mut self,
        unlinked: &[usize],
        record: impl Fn(usize) -> &'a Record + Copy,
        national: &'a LoadedFile,
        taken: &[bool],
        floor: f64,
        left_out: &dyn Fn(usize) -> bool,
    ) -> (Vec<Candidate>, Option<Model>) {
        match self {
            Scorer::Fixed => {
                let mut c = fallback_candidates(unlinked, record, national, taken, floor);
                c.extend(pseudonymous_candidates(unlinked, record, national, taken, floor));
                (c, None)
            }
            Scorer::FellegiSunter { training, open, share } => {
                let closed = |row: usize| taken[row];
                let model = training.model(left_out, super::weights::prior(*share, open.open(&closed)));
                let card = model.scorecard();
                let scored = open.candidates(&card, unlinked.iter().map(|&p| (p, record(p))), floor, &closed);
                (scored.iter().map(Candidate::of_fellegi_sunter).collect(), Some(model))
            }
        }
    }

    /// The estimate by hold-out of the labelled pairs (see `estimate`).
    #[allow(clippy::too_many_arguments)]
    fn hold_out<'a>(
        &mut self,
        labelled: &[(usize, usize)],
        folds: &[Vec<usize>],
        record: impl Fn(usize) -> &'a Record + Copy,
        national: &'a LoadedFile,
        taken: &[bool],
        options: &LinkOptions,
        now: &[f64],
    ) -> Option<FallbackEstimate> {
        use super::estimate::{one_to_one, Outcome, RestsOn, CHART};
        if labelled.is_empty() {
            return None;
        }
        let mut outcomes = Vec::new();
        for fold in folds {
            let in_fold: std::collections::HashSet<usize> = fold.iter().copied().collect();
            let mut open = taken.to_vec();
            for &i in fold {
                open[labelled[i].1] = false;
            }
            let persons: Vec<usize> = fold.iter().map(|&i| labelled[i].0).collect();
            let truth: HashMap<usize, usize> = fold.iter().map(|&i| labelled[i]).collect();
            let floor = CHART[0].min(options.propose_above);
            let (candidates, _) = self.candidates(&persons, record, national, &open, floor, &|i| in_fold.contains(&i));
            let kept = one_to_one(candidates.iter().map(|c| (c.person, c.national, c.score)).collect());
            outcomes.extend(kept.into_iter().map(|(p, r, score)| Outcome {
                score,
                correct: truth.get(&p) == Some(&r),
            }));
        }
        let held_out = folds.iter().map(Vec::len).sum();
        let rests_on = RestsOn {
            labelled_pairs: labelled.len(),
            held_out,
            folds: folds.len(),
            random_pairs: match self {
                Scorer::Fixed => 0,
                Scorer::FellegiSunter { training, .. } => training.random_pairs(),
            },
            seed: options.seed,
            scoring: self.scoring(),
        };
        Some(FallbackEstimate::new(
            &outcomes,
            held_out,
            options.propose_above,
            now,
            rests_on,
        ))
    }
}
