//! The Fellegi–Sunter fallback: the model trained on the pairs linked on the
//! V-nummer and on random pairs, and the scored candidates of the unlinked
//! persons among the open national rows.
//!
//! Blocking (which pairs are compared at all): birth dates within a week, or
//! day and month swapped; the same name after folding (any birth date); the
//! same birth year and the same first word of the sorted name. Linkage files:
//! the same or swapped birth-date pseudonym, or the same name encoding. A pair
//! outside these blocks is never proposed; the hold-out estimate
//! (`estimate`) runs the same blocking, so its recall counts what blocking misses.

use std::collections::HashMap;

use super::comparison::{BirthLevel, Codes, Comparison, Frequencies, NameKey, NameLevel, Prepared};
use super::weights::{probability, Model, Scorecard};
use crate::ingest::records::Record;
use crate::rng::Rng;

/// At most this many labelled pairs train the m-probabilities, and this many random pairs the u.
pub const TRAINING_PAIRS: usize = 10_000;

/// A compared pair, its comparison and its score.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub person: usize,
    pub national: usize,
    pub comparison: Comparison,
    pub similarity: f64,
    pub score: f64,
}

/// What the model is estimated from: the comparisons of a sample of the labelled pairs (by their
/// index in the list given) and of random pairs of the two sides.
pub struct Training {
    labelled: Vec<(usize, Comparison)>,
    random: Vec<Comparison>,
}

impl Training {
    /// At most [`TRAINING_PAIRS`] labelled pairs (person record, national record) and as many
    /// random pairs of `persons` and `national`, drawn with `seed`.
    pub fn new(labelled: &[(&Record, &Record)], persons: &[&Record], national: &[&Record], seed: u64) -> Training {
        let mut rng = Rng::new(seed);
        let mut codes = Codes::default();
        let mut sample: Vec<usize> = (0..labelled.len()).collect();
        if sample.len() > TRAINING_PAIRS {
            rng.shuffle(&mut sample);
            sample.truncate(TRAINING_PAIRS);
        }
        let compare = |codes: &mut Codes, a: &Record, b: &Record| {
            let (a, b) = (Prepared::new(a, codes, true), Prepared::new(b, codes, false));
            codes.compare(&a, &b).0
        };
        let labelled = sample
            .into_iter()
            .map(|i| (i, compare(&mut codes, labelled[i].0, labelled[i].1)))
            .collect();
        let mut random = Vec::new();
        if !persons.is_empty() && !national.is_empty() {
            for _ in 0..TRAINING_PAIRS.min(persons.len() * national.len()) {
                let (a, b) = (*rng.pick(persons), *rng.pick(national));
                random.push(compare(&mut codes, a, b));
            }
        }
        Training { labelled, random }
    }

    pub fn random_pairs(&self) -> usize {
        self.random.len()
    }

    /// The model from every labelled pair but those `left_out` says (a hold-out fold), with `prior`.
    pub fn model(&self, left_out: impl Fn(usize) -> bool, prior: f64) -> Model {
        let m: Vec<Comparison> = self
            .labelled
            .iter()
            .filter(|(i, _)| !left_out(*i))
            .map(|(_, c)| *c)
            .collect();
        Model::estimate(&m, &self.random, prior)
    }
}

/// At most this many national rows are counted for the term frequencies.
pub const FREQUENCY_SAMPLE: usize = 20_000;

/// National rows prepared for comparison (`which`: their indexes).
pub fn prepare(
    national: &[Record],
    which: impl IntoIterator<Item = usize>,
    codes: &mut Codes,
) -> Vec<(usize, Prepared)> {
    which
        .into_iter()
        .map(|i| (i, Prepared::new(&national[i], codes, false)))
        .collect()
}

/// How common names and birth dates are among the national persons: all of them, or a sample of
/// [`FREQUENCY_SAMPLE`] drawn with `seed` (a share then rests on the sample).
pub fn frequencies(national: &[Record], codes: &mut Codes, seed: u64) -> Frequencies {
    let mut rows: Vec<usize> = (0..national.len()).filter(|&i| national[i].is_person()).collect();
    if rows.len() > FREQUENCY_SAMPLE {
        Rng::new(seed ^ 0xf8e9).shuffle(&mut rows);
        rows.truncate(FREQUENCY_SAMPLE);
    }
    let prepared = prepare(national, rows, codes);
    Frequencies::of(prepared.iter().map(|(_, p)| p))
}

/// Which blocks a search needs (see [`Scorecard::bound`]): the same birth date (and the same
/// pseudonyms) always.
#[derive(Debug, Clone, Copy)]
struct Searched {
    /// Birth dates within a week.
    week: bool,
    /// Day and month swapped.
    swapped: bool,
    /// The same birth year and first name word.
    year: bool,
    /// The same name, whatever the birth date.
    any_date: bool,
}

/// The open national rows prepared, sorted by birth day, with their indexes for blocking and
/// the shares of their exact name and birth date (for the term-frequency weights).
pub struct OpenRows {
    rows: Vec<(usize, Prepared)>,
    shares: Vec<(Option<f64>, Option<f64>)>,
    by_name: HashMap<String, Vec<u32>>,
    by_year_word: HashMap<(i32, String), Vec<u32>>,
    by_pseudonym: HashMap<String, Vec<u32>>,
    pub codes: Codes,
}

fn name_text(p: &Prepared) -> Option<String> {
    match p.name.as_ref()? {
        NameKey::Plain(n) => Some(n.joined().to_string()),
        NameKey::Encoded(e) => Some(e.to_text()),
    }
}

impl OpenRows {
    /// The open rows (index, prepared with `codes`); those without a name or birth date are left out.
    pub fn new(rows: Vec<(usize, Prepared)>, codes: Codes, frequencies: &Frequencies) -> OpenRows {
        let mut rows: Vec<(usize, Prepared)> = rows
            .into_iter()
            .filter(|(_, p)| p.name.is_some() && p.has_birth())
            .collect();
        // Undated rows (linkage files) first, so that the dated ones are sorted by day after them.
        rows.sort_by_key(|(i, p)| (p.birth.is_some(), p.day, *i));
        let shares = rows.iter().map(|(_, p)| frequencies.shares(p)).collect();
        let (mut by_name, mut by_year_word, mut by_pseudonym) = (HashMap::new(), HashMap::new(), HashMap::new());
        for (id, (_, p)) in rows.iter().enumerate() {
            let id = id as u32;
            if let Some(n) = name_text(p) {
                by_name.entry(n).or_insert_with(Vec::new).push(id);
            }
            if let (Some(NameKey::Plain(n)), Some(b)) = (&p.name, p.birth) {
                by_year_word
                    .entry((b.year, n.first_word().to_string()))
                    .or_insert_with(Vec::new)
                    .push(id);
            }
            if let Some(b) = &p.birth_pseudonym {
                by_pseudonym.entry(b.clone()).or_insert_with(Vec::new).push(id);
            }
        }
        OpenRows {
            rows,
            shares,
            by_name,
            by_year_word,
            by_pseudonym,
            codes,
        }
    }

    /// The ids of the open rows in a person's blocks (may repeat), those `searched` allows.
    fn blocks(&self, p: &Prepared, searched: Searched, ids: &mut Vec<u32>) {
        ids.clear();
        let between = |from: i64, to: i64| {
            self.rows.partition_point(|(_, o)| o.birth.is_none() || o.day < from)
                ..self.rows.partition_point(|(_, o)| o.birth.is_none() || o.day <= to)
        };
        if let Some(b) = p.birth {
            let week = if searched.week { 7 } else { 0 };
            ids.extend(between(p.day - week, p.day + week).map(|i| i as u32));
            if let Some(s) = crate::date::Date::new(b.year, b.day, b.month).filter(|_| searched.swapped) {
                let d = s.days();
                if (d - p.day).abs() > week {
                    ids.extend(between(d, d).map(|i| i as u32));
                }
            }
            if let Some(NameKey::Plain(n)) = p.name.as_ref().filter(|_| searched.year) {
                if let Some(pool) = self.by_year_word.get(&(b.year, n.first_word().to_string())) {
                    ids.extend(pool);
                }
            }
        }
        for key in [&p.birth_pseudonym, &p.swapped_pseudonym].into_iter().flatten() {
            if let Some(pool) = self.by_pseudonym.get(key) {
                ids.extend(pool);
            }
        }
        if let Some(pool) = name_text(p)
            .filter(|_| searched.any_date)
            .and_then(|n| self.by_name.get(&n))
        {
            ids.extend(pool);
        }
    }

    /// How many rows are open when those `closed` says are not.
    pub fn open(&self, closed: &dyn Fn(usize) -> bool) -> usize {
        self.rows.iter().filter(|(r, _)| !closed(*r)).count()
    }

    /// The scored pairs of `persons` (index, record) among the rows not `closed`, at or above `floor`.
    pub fn candidates<'a>(
        &mut self,
        card: &Scorecard,
        persons: impl IntoIterator<Item = (usize, &'a Record)>,
        floor: f64,
        closed: &dyn Fn(usize) -> bool,
    ) -> Vec<Scored> {
        let floor_total = (floor / (1.0 - floor).max(f64::MIN_POSITIVE)).log2();
        let inexact = [NameLevel::VeryClose, NameLevel::Close, NameLevel::Alike]
            .map(|l| card.name(l))
            .into_iter()
            .fold(f64::NEG_INFINITY, f64::max);
        // Blocks whose every pair stays below the floor, even with the same rare name, are not searched.
        let rows = self.rows.len().max(1);
        let reaches = |level: BirthLevel| card.bound(level, rows) >= floor_total;
        if !reaches(BirthLevel::Exact) && !reaches(BirthLevel::DayMonthSwapped) && !reaches(BirthLevel::WithinAWeek) {
            let any = [BirthLevel::WithinAYear, BirthLevel::Different]
                .into_iter()
                .any(reaches);
            if !any {
                return Vec::new();
            }
        }
        let searched = Searched {
            week: reaches(BirthLevel::WithinAWeek),
            swapped: reaches(BirthLevel::DayMonthSwapped),
            year: reaches(BirthLevel::WithinAYear),
            any_date: reaches(BirthLevel::WithinAYear) || reaches(BirthLevel::Different),
        };
        let mut out = Vec::new();
        let mut seen: Vec<usize> = vec![usize::MAX; self.rows.len()];
        let mut ids = Vec::new();
        for (person, record) in persons {
            let local = Prepared::new(record, &mut self.codes, true);
            let Some(name) = local.name.as_ref().filter(|_| local.has_birth()) else {
                continue;
            };
            self.blocks(&local, searched, &mut ids);
            for &id in &ids {
                let id = id as usize;
                if seen[id] == person {
                    continue;
                }
                seen[id] = person;
                let (row, national) = &self.rows[id];
                if closed(*row) {
                    continue;
                }
                let (name_share, birth_share) = self.shares[id];
                // Everything but the name first: it decides whether the name needs comparing at all.
                let mut c = self.codes.compare_rest(&local, national);
                if c.birth == BirthLevel::Exact {
                    c.birth_frequency = birth_share;
                }
                let rest = card.total(&c);
                let exact = rest + card.name(NameLevel::Exact) + card.name_frequency(name_share);
                let alike = rest + inexact;
                if exact.max(alike) < floor_total {
                    continue;
                }
                let Some(other) = &national.name else { continue };
                let (level, similarity) = if alike < floor_total {
                    // Only the same name can reach the floor: no similarity needed.
                    if !name.same(other) {
                        continue;
                    }
                    (NameLevel::Exact, 1.0)
                } else {
                    name.compare(other)
                };
                c.name = level;
                if level == NameLevel::Exact {
                    c.name_frequency = name_share;
                }
                let score = probability(card.total(&c));
                if score >= floor {
                    out.push(Scored {
                        person,
                        national: *row,
                        comparison: c,
                        similarity,
                        score,
                    });
                }
            }
        }
        out
    }
}
