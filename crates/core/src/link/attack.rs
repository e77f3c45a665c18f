//! A frequency-attack self-test of linkage files: the classic attacks an
//! outsider *without* the project secret can run on a linkage file, run on the
//! file just made, and scored against the plain file it was made from.
//!
//! - **Names** (Kuzu et al. 2011, Christen et al. 2017): identical name
//!   encodings are the same name, so the attacker groups them, ranks the
//!   groups by size and gives the i-th largest the i-th most common name of a
//!   reference list: the built-in one ([`REFERENCE_NAMES`]), or, at worst, the
//!   frequencies of the names in the population itself. They do so over the
//!   whole file and within each birth year (the year is in the file in clear);
//!   the best of these counts. A row is re-identified when the name given is its name as
//!   the encoding saw it ([`encoded_form`]).
//! - **Birth dates**: within each birth year, the largest group of equal
//!   birth-date pseudonyms whose swapped pseudonym is empty (1 January swapped
//!   is 1 January) is guessed to be 1 January, the largest with a swapped one
//!   1 July: the dates given to persons whose date of birth is unknown.
//! - **Name lengths** (bit patterns): a plain filter's number of set bits
//!   tells how many letter pairs the name has; a balanced filter always has
//!   half its bits set, and the attacker can only guess the most common count.
//!
//! Hardening (salting with the birth year, balancing) is meant to make the name
//! attacks fail; it leaves the birth-date pseudonyms as they are.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::anonymise::linkage_file::{linkage_sheet, persons_in_order, LinkageOptions};
use crate::date::Date;
use crate::ingest::fields::Field;
use crate::ingest::load::LoadedFile;
use crate::link::pseudonym::{encoded_form, Keys, NameEncoding, NameScheme, NAME_BITS};
use crate::table::{Cell, Sheet};

/// One region of the reference list: its weight in the population the attacker expects, and its
/// given and family names with their weights.
pub struct ReferenceRegion {
    pub region: &'static str,
    pub weight: f64,
    pub given: &'static [(&'static str, u32)],
    pub family: &'static [(&'static str, u32)],
}

/// The attacker's reference list: the most common given and family names among the young asylum
/// seekers the steunpunten see (West and East Africa) and in the Netherlands. The Dutch family names
/// are rounded counts after the Nederlandse Familienamenbank (Meertens Instituut, 2007); the other
/// weights are illustrative, in the order of public knowledge (the most common names of Sierra Leone,
/// Guinea, Somalia and Eritrea). What the attack needs is the order, not the counts.
pub const REFERENCE_NAMES: &[ReferenceRegion] = &[
    ReferenceRegion {
        region: "West-Afrika",
        weight: 0.5,
        given: &[
            ("Mohamed", 100),
            ("Ibrahim", 45),
            ("Fatmata", 40),
            ("Abdul", 40),
            ("Aminata", 35),
            ("Mariama", 35),
            ("Mamadou", 35),
            ("Alhaji", 30),
            ("Alpha", 25),
            ("Abu", 25),
            ("Ousmane", 20),
            ("Isatu", 20),
            ("Abdoulaye", 20),
            ("Sorie", 18),
            ("Kadiatou", 18),
            ("Saidu", 15),
            ("Amadu", 15),
            ("Hawa", 15),
            ("Moussa", 15),
            ("Adama", 12),
            ("Sekou", 12),
            ("Boubacar", 12),
            ("Lansana", 10),
            ("Foday", 10),
            ("Issa", 10),
            ("Yaya", 8),
        ],
        family: &[
            ("Kamara", 100),
            ("Diallo", 90),
            ("Sesay", 80),
            ("Bah", 70),
            ("Barry", 60),
            ("Camara", 60),
            ("Koroma", 55),
            ("Conteh", 50),
            ("Bangura", 50),
            ("Sow", 50),
            ("Jalloh", 45),
            ("Traoré", 40),
            ("Turay", 35),
            ("Touré", 35),
            ("Kanu", 30),
            ("Mansaray", 30),
            ("Keita", 30),
            ("Kargbo", 30),
            ("Fofanah", 25),
            ("Sillah", 20),
        ],
    },
    ReferenceRegion {
        region: "Oost-Afrika",
        weight: 0.3,
        given: &[
            ("Mohamed", 80),
            ("Ahmed", 60),
            ("Abdi", 30),
            ("Hassan", 30),
            ("Ali", 30),
            ("Amina", 25),
            ("Omar", 25),
            ("Yonas", 20),
            ("Dawit", 15),
            ("Hodan", 12),
            ("Sahra", 12),
            ("Selam", 12),
        ],
        family: &[
            ("Ali", 50),
            ("Mohamed", 45),
            ("Hassan", 40),
            ("Yusuf", 30),
            ("Osman", 30),
            ("Farah", 30),
            ("Abdi", 25),
            ("Tesfay", 20),
            ("Haile", 20),
            ("Gebremedhin", 15),
            ("Tesfamariam", 12),
        ],
    },
    ReferenceRegion {
        region: "Nederland",
        weight: 0.2,
        given: &[
            ("Jan", 100),
            ("Maria", 90),
            ("Johannes", 80),
            ("Peter", 60),
            ("Anna", 60),
            ("Cornelis", 50),
            ("Hendrik", 45),
            ("Johanna", 45),
            ("Willem", 40),
            ("Pieter", 40),
            ("Kees", 35),
            ("Thomas", 30),
            ("Daan", 25),
            ("Emma", 25),
            ("Sophie", 25),
            ("Julia", 20),
            ("Lucas", 20),
            ("Sem", 15),
        ],
        family: &[
            ("de Jong", 86_500),
            ("Jansen", 74_300),
            ("de Vries", 73_000),
            ("van den Berg", 60_800),
            ("van Dijk", 58_900),
            ("Bakker", 58_000),
            ("Janssen", 56_200),
            ("Visser", 52_000),
            ("Smit", 48_900),
            ("Meijer", 46_600),
            ("de Boer", 45_200),
            ("Mulder", 44_100),
            ("de Groot", 43_700),
            ("Bos", 42_600),
            ("Vos", 38_600),
            ("Peters", 38_100),
            ("Hendriks", 37_000),
            ("van Leeuwen", 34_100),
            ("Dekker", 33_300),
            ("Brouwer", 32_400),
        ],
    },
];

/// The dates given to persons whose birth date is unknown, most common first: (month, day).
pub const REFERENCE_DATES: [(u8, u8); 2] = [(1, 1), (7, 1)];

/// Full names (given × family within a region) with their expected share, most common first, as
/// the encodings see them ([`encoded_form`]); the same form from two regions adds up.
pub fn reference_names() -> Vec<(String, f64)> {
    let mut share: HashMap<String, f64> = HashMap::new();
    for r in REFERENCE_NAMES {
        let given: f64 = r.given.iter().map(|g| f64::from(g.1)).sum();
        let family: f64 = r.family.iter().map(|f| f64::from(f.1)).sum();
        for (g, gw) in r.given {
            for (f, fw) in r.family {
                *share.entry(encoded_form(&format!("{g} {f}"))).or_default() +=
                    r.weight * f64::from(*gw) / given * f64::from(*fw) / family;
            }
        }
    }
    let mut names: Vec<(String, f64)> = share.into_iter().collect();
    names.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    names
}

/// What an outsider sees of one row of a linkage file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Published {
    pub naamcodering: Option<String>,
    pub pseudoniem_geboortedatum: Option<String>,
    pub pseudoniem_geboortedatum_omgedraaid: Option<String>,
    pub geboortejaar: Option<i32>,
}

/// What the row really is: the name (any form) and the birth date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Truth {
    pub name: Option<String>,
    pub birth: Option<Date>,
}

/// What one attack found in one linkage file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AttackResult {
    /// Rows attacked.
    pub records: usize,
    /// Rows with a name encoding, and those whose name the strongest attack found (the better of the
    /// built-in reference list and the population's own name frequencies).
    pub names: usize,
    pub names_reidentified: usize,
    /// Those whose name the attack with the built-in reference list alone found.
    pub names_reidentified_by_list: usize,
    /// Rows with a birth-date pseudonym, and those whose date the attack found.
    pub birth_dates: usize,
    pub birth_dates_reidentified: usize,
    /// Rows whose name's number of letter pairs the attack found from the bits set.
    pub lengths_revealed: usize,
}

/// The self-test of one file: the attacks on its linkage file as written (`names`), and on the
/// same file with plain and with hardened name encodings, for comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfTest {
    pub file: String,
    /// The name encoding of the linkage file written.
    pub names: NameScheme,
    pub plain: AttackResult,
    pub hardened: AttackResult,
}

impl SelfTest {
    /// The attack on the linkage file as written.
    pub fn written(&self) -> &AttackResult {
        match self.names {
            NameScheme::Plain => &self.plain,
            NameScheme::Hardened => &self.hardened,
        }
    }

    /// The attack on the file with the other name encoding.
    pub fn other(&self) -> &AttackResult {
        match self.names {
            NameScheme::Plain => &self.hardened,
            NameScheme::Hardened => &self.plain,
        }
    }
}

/// Run the attacks on `published` (the attacker sees nothing else) and score them against `truth`
/// (row by row, the same length). The name attack is run with two references: the built-in list
/// ([`reference_names`]), and the worst case, an attacker who knows how often each name occurs in the
/// population the file was drawn from (here: the file's own names, counted; their order only).
pub fn run(published: &[Published], truth: &[Truth]) -> AttackResult {
    assert_eq!(published.len(), truth.len(), "one truth per row");
    let public_ranked = reference_names();
    let public_names: Vec<String> = public_ranked.iter().map(|(n, _)| n.clone()).collect();
    let public = unambiguous(public_ranked);
    let true_names: Vec<Option<String>> = truth
        .iter()
        .map(|t| t.name.as_deref().map(encoded_form).filter(|n| !n.is_empty()))
        .collect();
    let informed: Vec<Option<String>> = {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for n in true_names.iter().flatten() {
            *counts.entry(n).or_default() += 1;
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        unambiguous(ranked.into_iter().map(|(n, c)| (n.to_string(), c)).collect())
    };
    let named: Vec<usize> = (0..published.len())
        .filter(|&i| published[i].naamcodering.is_some())
        .collect();
    let hits = |guesses: &HashMap<usize, &String>| {
        guesses
            .iter()
            .filter(|(i, g)| true_names[**i].as_deref() == Some(g.as_str()))
            .count()
    };
    // Over the whole file, and within each birth year (a salt that is the year splits the groups).
    let best = |reference: &[Option<String>]| {
        let whole = hits(&align(
            &named,
            |_| 0,
            |i| published[i].naamcodering.as_deref(),
            reference,
        ));
        let per_year = hits(&align(
            &named,
            |i| published[i].geboortejaar.unwrap_or(0),
            |i| published[i].naamcodering.as_deref(),
            reference,
        ));
        whole.max(per_year)
    };
    let names_by_list = best(&public);
    let dated: Vec<usize> = (0..published.len())
        .filter(|&i| published[i].pseudoniem_geboortedatum.is_some())
        .collect();
    let dates = guess_dates(published, &dated);
    let birth_dates_reidentified = dates.iter().filter(|(i, d)| truth[**i].birth == Some(**d)).count();
    let lengths = guess_lengths(published, &named, &public_names);
    let lengths_revealed = lengths
        .iter()
        .filter(|(i, n)| true_names[**i].as_deref().map(letter_pairs) == Some(**n))
        .count();
    AttackResult {
        records: published.len(),
        names: named.len(),
        names_reidentified: names_by_list.max(best(&informed)),
        names_reidentified_by_list: names_by_list,
        birth_dates: dated.len(),
        birth_dates_reidentified,
        lengths_revealed,
    }
}

/// Frequency alignment within each stratum: groups of equal values ranked by size, the i-th given
/// the i-th reference value. Only a group that stands out is given one: two rows or more, and a size
/// no other group of its stratum has (the attacker cannot tell groups of the same size apart); a
/// reference value that ties with its neighbours is `None` (no guess either).
fn align<'a, S: std::hash::Hash + Eq + Copy, R>(
    rows: &[usize],
    stratum: impl Fn(usize) -> S,
    value: impl Fn(usize) -> Option<&'a str>,
    reference: &'a [Option<R>],
) -> HashMap<usize, &'a R>
where
    R: 'a,
{
    let mut groups: HashMap<S, HashMap<&str, Vec<usize>>> = HashMap::new();
    for &i in rows {
        if let Some(v) = value(i) {
            groups.entry(stratum(i)).or_default().entry(v).or_default().push(i);
        }
    }
    let mut out = HashMap::new();
    for (_, values) in groups {
        let mut ranked: Vec<Vec<usize>> = values.into_values().collect();
        ranked.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        let stands_out = |at: usize| {
            let n = ranked[at].len();
            n >= 2 && (at == 0 || ranked[at - 1].len() != n) && ranked.get(at + 1).is_none_or(|g| g.len() != n)
        };
        for (at, guess) in reference.iter().enumerate().take(ranked.len()) {
            let Some(guess) = guess else { continue };
            if stands_out(at) {
                for &i in &ranked[at] {
                    out.insert(i, guess);
                }
            }
        }
    }
    out
}

/// Values ranked by weight (most first), each `None` where its weight equals a neighbour's.
fn unambiguous<T, W: PartialEq>(ranked: Vec<(T, W)>) -> Vec<Option<T>> {
    let weights: Vec<&W> = ranked.iter().map(|(_, w)| w).collect();
    let tied: Vec<bool> = (0..weights.len())
        .map(|i| (i > 0 && weights[i - 1] == weights[i]) || weights.get(i + 1).is_some_and(|w| *w == weights[i]))
        .collect();
    ranked
        .into_iter()
        .zip(tied)
        .map(|((v, _), tied)| (!tied).then_some(v))
        .collect()
}

/// Within each birth year, the largest group of a birth-date pseudonym whose swapped pseudonym is
/// empty is guessed 1 January, the largest with one 1 July ([`REFERENCE_DATES`]), when they stand
/// out (see [`align`]).
fn guess_dates(published: &[Published], rows: &[usize]) -> HashMap<usize, Date> {
    let mut out = HashMap::new();
    for (swapped, (month, day)) in [(false, REFERENCE_DATES[0]), (true, REFERENCE_DATES[1])] {
        let chosen: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&i| published[i].geboortejaar.is_some())
            .filter(|&i| published[i].pseudoniem_geboortedatum_omgedraaid.is_some() == swapped)
            .collect();
        let guesses = align(
            &chosen,
            |i| published[i].geboortejaar,
            |i| published[i].pseudoniem_geboortedatum.as_deref(),
            &[Some(())],
        );
        for i in guesses.into_keys() {
            let year = published[i].geboortejaar.expect("filtered");
            if let Some(d) = Date::new(year, month, day) {
                out.insert(i, d);
            }
        }
    }
    out
}

/// The distinct letter pairs of a name as its encoding sees it (with a space before and after).
fn letter_pairs(form: &str) -> usize {
    let chars: Vec<char> = format!(" {form} ").chars().collect();
    let mut pairs: Vec<&[char]> = chars.windows(2).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs.len()
}

/// The number of letter pairs of each name from its encoding's bits set: for a plain filter (1024
/// bits, 20 per pair) k pairs set 1024·(1 − (1 − 1/1024)^(20k)) bits on average. Where every encoding
/// has the same number of bits set (balanced filters) the bits say nothing, and the attacker guesses
/// the reference's most common count.
fn guess_lengths(published: &[Published], rows: &[usize], reference: &[String]) -> HashMap<usize, usize> {
    let encodings: Vec<(usize, NameEncoding)> = rows
        .iter()
        .filter_map(|&i| Some((i, NameEncoding::parse(published[i].naamcodering.as_deref()?)?)))
        .collect();
    let mut weights: Vec<u32> = encodings.iter().map(|(_, e)| e.weight()).collect();
    weights.sort_unstable();
    weights.dedup();
    if weights.len() <= 1 {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for n in reference.iter().take(100) {
            *counts.entry(letter_pairs(n)).or_default() += 1;
        }
        let Some(common) = counts
            .into_iter()
            .max_by_key(|&(n, c)| (c, std::cmp::Reverse(n)))
            .map(|(n, _)| n)
        else {
            return HashMap::new();
        };
        return encodings.iter().map(|(i, _)| (*i, common)).collect();
    }
    let m = NAME_BITS as f64;
    encodings
        .iter()
        .filter(|(_, e)| matches!(e, NameEncoding::Plain(_)))
        .map(|(i, e)| {
            let w = f64::from(e.weight()).min(m - 1.0);
            let k = (1.0 - w / m).ln() / (20.0 * (1.0 - 1.0 / m).ln());
            (*i, k.round() as usize)
        })
        .collect()
}

/// The rows of a linkage sheet as the attacker sees them.
pub fn published(sheet: &Sheet) -> Vec<Published> {
    let column = |name: &str| sheet.header.iter().position(|h| h == name);
    let (n, b, s, y) = (
        column("naamcodering"),
        column("pseudoniem_geboortedatum"),
        column("pseudoniem_geboortedatum_omgedraaid"),
        column("geboortejaar"),
    );
    let text = |row: &[Cell], at: Option<usize>| {
        at.and_then(|at| row.get(at))
            .map(Cell::to_text)
            .filter(|t| !t.trim().is_empty())
    };
    sheet
        .rows
        .iter()
        .map(|row| Published {
            naamcodering: text(row, n),
            pseudoniem_geboortedatum: text(row, b),
            pseudoniem_geboortedatum_omgedraaid: text(row, s),
            geboortejaar: text(row, y)
                .and_then(|t| t.trim().parse::<f64>().ok())
                .map(|y| y as i32),
        })
        .collect()
}

/// The attacks on the linkage sheet of `file` made with `options` (its rows are the persons in
/// [`persons_in_order`]).
pub fn attack_sheet(file: &LoadedFile, sheet: &Sheet, options: &LinkageOptions) -> AttackResult {
    let truth: Vec<Truth> = persons_in_order(file, options)
        .iter()
        .map(|r| Truth {
            name: r.name(),
            birth: r.date(Field::Geboortedatum),
        })
        .collect();
    run(&published(sheet), &truth)
}

/// The self-test of the linkage file of `file`: the attacks on it with plain and with hardened
/// name encodings (`options.names` says which one is written).
pub fn self_test(file: &LoadedFile, keys: &Keys, made: Date, options: &LinkageOptions) -> SelfTest {
    let with = |names: NameScheme| {
        let o = LinkageOptions {
            names,
            ..options.clone()
        };
        attack_sheet(file, &linkage_sheet(file, keys, made, &o), &o)
    };
    SelfTest {
        file: file.name.clone(),
        names: options.names,
        plain: with(NameScheme::Plain),
        hardened: with(NameScheme::Hardened),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, birth: &str, swapped: &str, year: i32) -> Published {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Published {
            naamcodering: some(name),
            pseudoniem_geboortedatum: some(birth),
            pseudoniem_geboortedatum_omgedraaid: some(swapped),
            geboortejaar: Some(year),
        }
    }

    fn truth(name: &str, date: (i32, u8, u8)) -> Truth {
        Truth {
            name: Some(name.into()),
            birth: Date::new(date.0, date.1, date.2),
        }
    }

    #[test]
    fn the_reference_starts_with_the_most_common_names() {
        let names = reference_names();
        // "Mohamed Ali" and "Ali Mohamed" are one form (the words sorted): together the most common.
        assert_eq!(names[0].0, encoded_form("Mohamed Ali"));
        let at = |n: &str| names.iter().position(|(m, _)| m == &encoded_form(n)).unwrap();
        assert!(
            at("Mohamed Kamara") < 10 && at("Jan de Jong") < 100,
            "{:?}",
            &names[..10]
        );
        assert!(names.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    /// Three "A"s, two "B"s and one "C" (the encodings stand for the names): the attacker gives the
    /// largest group the most common name, the second the second, and so on.
    #[test]
    fn identical_encodings_are_aligned_with_the_most_common_names() {
        let reference = reference_names();
        let (first, second) = (&reference[0].0, &reference[1].0);
        let published = [
            row("A", "d1", "", 1990),
            row("A", "d2", "s2", 1991),
            row("B", "d3", "s3", 1990),
            row("A", "d4", "s4", 1992),
            row("B", "d5", "s5", 1993),
            row("C", "d6", "s6", 1994),
        ];
        let truths = [
            truth(first, (1990, 3, 4)),
            truth(first, (1991, 3, 4)),
            truth(second, (1990, 5, 6)),
            truth("Jan Jansen", (1992, 3, 4)),
            truth(second, (1993, 3, 4)),
            truth("Liya Tesfaye", (1994, 3, 4)),
        ];
        let r = run(&published, &truths);
        // Over the whole file: A (3 rows) → first, right twice; B (2) → second, right twice; C wrong.
        assert_eq!(r.names_reidentified, 4);
        assert_eq!((r.records, r.names), (6, 6));
        // Salted per year, every group has one row.
        let salted: Vec<Published> = published
            .iter()
            .enumerate()
            .map(|(i, p)| Published {
                naamcodering: Some(format!("E{i}")),
                ..p.clone()
            })
            .collect();
        // Groups of one row do not stand out: no guess, nothing found.
        let r = run(&salted, &truths);
        assert_eq!(r.names_reidentified, 0, "{r:?}");
    }

    /// In 2000, two rows share a pseudonym with no swapped one: guessed 1 January (right); in 2001 two
    /// share one with a swapped one: guessed 1 July (wrong: they were born on 3 April). A single row
    /// does not stand out: not guessed, even when it is 1 July.
    #[test]
    fn the_most_common_birth_date_of_a_year_is_guessed_1_january() {
        let published = [
            row("A", "p1", "", 2000),
            row("B", "p1", "", 2000),
            row("C", "p2", "q2", 2000),
            row("D", "p3", "q3", 2001),
            row("E", "p3", "q3", 2001),
            row("F", "", "", 2001),
        ];
        let truths = [
            truth("a", (2000, 1, 1)),
            truth("b", (2000, 1, 1)),
            truth("c", (2000, 7, 1)),
            truth("d", (2001, 4, 3)),
            truth("e", (2001, 4, 3)),
            truth("f", (2001, 1, 1)),
        ];
        let r = run(&published, &truths);
        assert_eq!(r.birth_dates, 5);
        // 2000: p1 → 1 January (2 right); p2 is alone.
        assert_eq!(r.birth_dates_reidentified, 2);
    }

    #[test]
    fn plain_filters_tell_a_names_length_and_balanced_ones_do_not() {
        let keys = Keys::new(&crate::link::pseudonym::Secret::from_text("een geheim van het project").unwrap());
        let names = [
            "Bah Sow",
            "Mohamed Kamara",
            "Fatmata Mansaray Conteh",
            "Abdoulaye Gebremedhin Tesfamariam",
        ];
        let truths: Vec<Truth> = names.iter().map(|n| truth(n, (1999, 2, 3))).collect();
        let published = |scheme: NameScheme| -> Vec<Published> {
            names
                .iter()
                .map(|n| row(&keys.name_with(n, Some(1999), scheme).to_text(), "", "", 1999))
                .collect()
        };
        let plain = run(&published(NameScheme::Plain), &truths);
        let hardened = run(&published(NameScheme::Hardened), &truths);
        assert!(plain.lengths_revealed >= 3, "{plain:?}");
        assert!(hardened.lengths_revealed <= 1, "{hardened:?}");
    }
}
