//! The comparison of a local person with a national row for the fallback, as
//! Fellegi–Sunter comparison levels per field: how alike the names are (in
//! bands), how the birth dates agree, sex, and country of origin against
//! nationality (with the land-border and alias rules of `verify`).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::countries;
use super::names::PreparedName;
use super::pseudonym::NameEncoding;
use crate::date::Date;
use crate::ingest::fields::Field;
use crate::ingest::records::Record;

/// Name similarity in bands (Jaro-Winkler on the folded words; Dice on linkage files' encodings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameLevel {
    /// The same after folding case, diacritics, word order and common spelling variants.
    Exact,
    /// Similarity 0.94 or more.
    VeryClose,
    /// 0.88 or more.
    Close,
    /// 0.80 or more.
    Alike,
    Different,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthLevel {
    Exact,
    DayMonthSwapped,
    WithinAWeek,
    /// Less than a year apart (linkage files: the same birth year).
    WithinAYear,
    Different,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SexLevel {
    Same,
    Different,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountryLevel {
    Same,
    /// Neighbouring countries, or a stateless, unknown or Dutch nationality (Table 3's rules).
    Explained,
    Unexplained,
    Missing,
}

impl NameLevel {
    pub const ALL: [NameLevel; 6] = [
        NameLevel::Exact,
        NameLevel::VeryClose,
        NameLevel::Close,
        NameLevel::Alike,
        NameLevel::Different,
        NameLevel::Missing,
    ];

    /// The band of a similarity (1.0 is exact only when the names are the same).
    pub fn of(similarity: f64, same: bool) -> NameLevel {
        match similarity {
            _ if same => NameLevel::Exact,
            s if s >= 0.94 => NameLevel::VeryClose,
            s if s >= 0.88 => NameLevel::Close,
            s if s >= 0.80 => NameLevel::Alike,
            _ => NameLevel::Different,
        }
    }
}

impl BirthLevel {
    pub const ALL: [BirthLevel; 6] = [
        BirthLevel::Exact,
        BirthLevel::DayMonthSwapped,
        BirthLevel::WithinAWeek,
        BirthLevel::WithinAYear,
        BirthLevel::Different,
        BirthLevel::Missing,
    ];

    /// How two dates agree (`a_day`, `b_day`: their day numbers).
    pub fn of_dates(a: Date, a_day: i64, b: Date, b_day: i64) -> BirthLevel {
        let (early, late) = if a_day <= b_day { (a, b) } else { (b, a) };
        if a_day == b_day {
            BirthLevel::Exact
        } else if a.year == b.year && a.month == b.day && a.day == b.month {
            BirthLevel::DayMonthSwapped
        } else if (a_day - b_day).abs() <= 7 {
            BirthLevel::WithinAWeek
        } else if early.years_until(late) == 0 {
            BirthLevel::WithinAYear
        } else {
            BirthLevel::Different
        }
    }
}

impl SexLevel {
    pub const ALL: [SexLevel; 3] = [SexLevel::Same, SexLevel::Different, SexLevel::Missing];
}

impl CountryLevel {
    pub const ALL: [CountryLevel; 4] = [
        CountryLevel::Same,
        CountryLevel::Explained,
        CountryLevel::Unexplained,
        CountryLevel::Missing,
    ];
}

/// The levels of one pair, and how common its exact values are among the national rows
/// (for the term-frequency adjustment; `None` when the level is not exact).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub name: NameLevel,
    pub birth: BirthLevel,
    pub sex: SexLevel,
    pub country: CountryLevel,
    /// Share of national rows with this exact name.
    pub name_frequency: Option<f64>,
    /// Share of national rows with this exact birth date.
    pub birth_frequency: Option<f64>,
}

/// A record's name as the fallback compares it.
#[derive(Debug, Clone)]
pub enum NameKey {
    Plain(PreparedName),
    /// A linkage file's keyed Bloom filter (plain or hardened).
    Encoded(Box<NameEncoding>),
}

impl NameKey {
    /// The text that identical names share (for counting how common a name is).
    fn exact_key(&self) -> String {
        match self {
            NameKey::Plain(n) => n.joined().to_string(),
            NameKey::Encoded(e) => e.to_text(),
        }
    }

    /// Whether the names are the same (after folding; linkage files: the same encoding).
    pub fn same(&self, other: &NameKey) -> bool {
        match (self, other) {
            (NameKey::Plain(a), NameKey::Plain(b)) => a.joined() == b.joined(),
            (NameKey::Encoded(a), NameKey::Encoded(b)) => a == b,
            _ => false,
        }
    }

    /// A band, and the similarity behind it.
    pub fn compare(&self, other: &NameKey) -> (NameLevel, f64) {
        match (self, other) {
            (NameKey::Plain(a), NameKey::Plain(b)) => {
                if a.joined() == b.joined() {
                    return (NameLevel::Exact, 1.0);
                }
                // No word starts alike: the names are different (a cheap filter before Jaro-Winkler).
                if !a.may_match(b) {
                    return (NameLevel::Different, 0.0);
                }
                let s = a.similarity(b);
                (NameLevel::of(s, false), s)
            }
            (NameKey::Encoded(a), NameKey::Encoded(b)) => {
                let s = a.similarity(b);
                (NameLevel::of(s, a == b), s)
            }
            _ => (NameLevel::Missing, 0.0),
        }
    }
}

/// A record prepared once for many comparisons.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub name: Option<NameKey>,
    pub birth: Option<Date>,
    pub day: i64,
    /// Linkage files: the birth date's pseudonym, that of day and month swapped, and the year in clear.
    pub birth_pseudonym: Option<String>,
    pub swapped_pseudonym: Option<String>,
    pub year: Option<i32>,
    /// Small numbers for codes (0: unknown) from [`Codes`].
    pub sex: u16,
    pub country: u16,
}

impl Prepared {
    pub fn new(r: &Record, codes: &mut Codes, local: bool) -> Prepared {
        let name = r.name().map(|n| match NameEncoding::parse(&n) {
            Some(e) => NameKey::Encoded(Box::new(e)),
            None => NameKey::Plain(PreparedName::new(&n)),
        });
        let birth = r.date(Field::Geboortedatum);
        let country = if local {
            r.text(Field::LandHerkomst)
        } else {
            r.text(Field::Nationaliteit)
        };
        Prepared {
            name,
            birth,
            day: birth.map_or(0, Date::days),
            birth_pseudonym: r.text(Field::GeboortedatumPseudoniem).map(String::from),
            swapped_pseudonym: r.text(Field::GeboortedatumOmgedraaid).map(String::from),
            year: birth
                .map(|d| d.year)
                .or_else(|| match r.values.get(&Field::Geboortejaar) {
                    Some(crate::ingest::records::Value::Count(y)) => Some(*y as i32),
                    _ => None,
                }),
            sex: codes.sex(r.code(Field::Geslacht)),
            country: codes.country(country),
        }
    }

    pub fn has_birth(&self) -> bool {
        self.birth.is_some() || self.birth_pseudonym.is_some()
    }

    /// The exact value of the birth date, for counting how common it is.
    fn birth_key(&self) -> Option<String> {
        self.birth.map(|d| d.iso()).or_else(|| self.birth_pseudonym.clone())
    }

    fn birth_level(&self, other: &Prepared) -> BirthLevel {
        match (self.birth, other.birth) {
            (Some(a), Some(b)) => BirthLevel::of_dates(a, self.day, b, other.day),
            _ => match (&self.birth_pseudonym, &other.birth_pseudonym) {
                (Some(a), Some(b)) if a == b => BirthLevel::Exact,
                (Some(_), Some(b)) if self.swapped_pseudonym.as_ref() == Some(b) => BirthLevel::DayMonthSwapped,
                (Some(_), Some(_)) if self.year.is_some() && self.year == other.year => BirthLevel::WithinAYear,
                (Some(_), Some(_)) => BirthLevel::Different,
                _ => BirthLevel::Missing,
            },
        }
    }
}

/// Small numbers for sex codes and canonical countries, and the country rule per pair of them.
#[derive(Debug, Clone, Default)]
pub struct Codes {
    sexes: Vec<String>,
    countries: Vec<(String, String)>,
    by_country: HashMap<String, u16>,
    rule: HashMap<(u16, u16), CountryLevel>,
}

impl Codes {
    pub fn sex(&mut self, code: Option<&str>) -> u16 {
        let Some(code) = code else { return 0 };
        match self.sexes.iter().position(|c| c == code) {
            Some(i) => i as u16 + 1,
            None => {
                self.sexes.push(code.to_string());
                self.sexes.len() as u16
            }
        }
    }

    pub fn country(&mut self, name: Option<&str>) -> u16 {
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
            return 0;
        };
        if let Some(&id) = self.by_country.get(name) {
            return id;
        }
        let canonical = countries::canonical(name);
        let id = match self.countries.iter().position(|(c, _)| *c == canonical) {
            Some(i) => i as u16 + 1,
            None => {
                self.countries.push((canonical, name.to_string()));
                self.countries.len() as u16
            }
        };
        self.by_country.insert(name.to_string(), id);
        id
    }

    /// Table 3's country rule for a country of origin and a nationality.
    fn country_level(&mut self, local: u16, national: u16) -> CountryLevel {
        if local == 0 || national == 0 {
            return CountryLevel::Missing;
        }
        if local == national {
            return CountryLevel::Same;
        }
        let countries = &self.countries;
        *self.rule.entry((local, national)).or_insert_with(|| {
            let (c, n) = (&countries[local as usize - 1].1, &countries[national as usize - 1].1);
            if countries::explains_any(n).is_some() || countries::neighbours(c, n) {
                CountryLevel::Explained
            } else {
                CountryLevel::Unexplained
            }
        })
    }

    /// The comparison of a local person with a national row, and the names' similarity
    /// (the frequencies are [`Frequencies::adjust`]'s).
    pub fn compare(&mut self, local: &Prepared, national: &Prepared) -> (Comparison, f64) {
        let (name, similarity) = match (&local.name, &national.name) {
            (Some(a), Some(b)) => a.compare(b),
            _ => (NameLevel::Missing, 0.0),
        };
        (
            Comparison {
                name,
                ..self.compare_rest(local, national)
            },
            similarity,
        )
    }

    /// The comparison on everything but the name (left missing): cheap, before the name.
    pub fn compare_rest(&mut self, local: &Prepared, national: &Prepared) -> Comparison {
        let sex = match (local.sex, national.sex) {
            (0, _) | (_, 0) => SexLevel::Missing,
            (a, b) if a == b => SexLevel::Same,
            _ => SexLevel::Different,
        };
        Comparison {
            name: NameLevel::Missing,
            birth: local.birth_level(national),
            sex,
            country: self.country_level(local.country, national.country),
            name_frequency: None,
            birth_frequency: None,
        }
    }
}

/// How common each exact name and birth date is among the national rows.
#[derive(Debug, Default)]
pub struct Frequencies {
    names: HashMap<String, u32>,
    births: HashMap<String, u32>,
    rows: usize,
}

impl Frequencies {
    /// How many national rows were counted.
    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn of<'a>(national: impl IntoIterator<Item = &'a Prepared>) -> Frequencies {
        let mut f = Frequencies::default();
        for p in national {
            f.rows += 1;
            if let Some(n) = &p.name {
                *f.names.entry(n.exact_key()).or_default() += 1;
            }
            if let Some(b) = p.birth_key() {
                *f.births.entry(b).or_default() += 1;
            }
        }
        f
    }

    /// The shares of a national row's exact name and birth date (at least one row's share).
    pub fn shares(&self, national: &Prepared) -> (Option<f64>, Option<f64>) {
        let share = |n: Option<&u32>| n.map(|&n| n.max(1) as f64 / self.rows.max(1) as f64);
        (
            national
                .name
                .as_ref()
                .and_then(|n| share(self.names.get(&n.exact_key()).or(Some(&1)))),
            national
                .birth_key()
                .and_then(|b| share(self.births.get(&b).or(Some(&1)))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn birth_levels() {
        let l = |a: Date, b: Date| BirthLevel::of_dates(a, a.days(), b, b.days());
        assert_eq!(l(d(1990, 3, 4), d(1990, 3, 4)), BirthLevel::Exact);
        assert_eq!(l(d(1990, 3, 4), d(1990, 4, 3)), BirthLevel::DayMonthSwapped);
        assert_eq!(l(d(1990, 3, 4), d(1990, 3, 11)), BirthLevel::WithinAWeek);
        assert_eq!(l(d(1990, 3, 4), d(1990, 3, 12)), BirthLevel::WithinAYear);
        assert_eq!(l(d(1990, 3, 4), d(1991, 3, 3)), BirthLevel::WithinAYear);
        assert_eq!(l(d(1991, 3, 4), d(1990, 3, 4)), BirthLevel::Different, "a whole year");
    }

    #[test]
    fn name_bands() {
        assert_eq!(NameLevel::of(1.0, false), NameLevel::VeryClose);
        assert_eq!(NameLevel::of(0.5, true), NameLevel::Exact);
        assert_eq!(NameLevel::of(0.90, false), NameLevel::Close);
        assert_eq!(NameLevel::of(0.80, false), NameLevel::Alike);
        assert_eq!(NameLevel::of(0.79, false), NameLevel::Different);
        let a = NameKey::Plain(PreparedName::new("Mohamed Kamara"));
        assert_eq!(
            a.compare(&NameKey::Plain(PreparedName::new("KAMARA Mohammed"))).0,
            NameLevel::Exact
        );
        assert_eq!(
            a.compare(&NameKey::Plain(PreparedName::new("Fatmata Sesay"))).0,
            NameLevel::Different
        );
    }

    #[test]
    fn country_rules_as_levels() {
        let mut codes = Codes::default();
        let (g, s, b, st) = (
            codes.country(Some("Guinee")),
            codes.country(Some("Sierra Leone")),
            codes.country(Some("Brazilië")),
            codes.country(Some("Staatloos")),
        );
        assert_eq!(codes.country(Some("Guinea")), g, "alias");
        assert_eq!(codes.country_level(g, g), CountryLevel::Same);
        assert_eq!(codes.country_level(g, s), CountryLevel::Explained);
        assert_eq!(codes.country_level(g, st), CountryLevel::Explained);
        assert_eq!(codes.country_level(g, b), CountryLevel::Unexplained);
        assert_eq!(codes.country_level(g, 0), CountryLevel::Missing);
    }
}
