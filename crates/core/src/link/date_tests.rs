//! Table 3's birth-date rules between linkage files, without dates.
//!
//! Each rule compares a date of one side with a date of the other:
//! - less than a year apart: the local birth date against the national one;
//! - the national date plausible: a minor at first registration (national side
//!   alone) and an adult at intake (the intake is the steunpunt's);
//! - the local date plausible: an adult at intake (steunpunt side alone) and a
//!   minor at first registration (the extract's).
//!
//! So each side writes, per rule, either a **point** (its own date) or a
//! **range** (the dates of the other side that satisfy the rule, empty when its
//! own part of the rule already fails). A day is in a range exactly when one of
//! its 17 dyadic prefixes (the day number with 0…16 low bits dropped) is one
//! of the at most 32 blocks that cover the range. Prefixes and blocks are
//! written as 64-bit keyed tags under a key **of the record**: HMAC of the
//! V-nummer under the date-test key. Both sides of a V-nummer link derive the
//! same record key; across records the tags are unrelated, so a holder of the
//! files sees no shared values, no order and no frequencies. Ranges are padded
//! to 32 tags and tags are sorted, so neither the size of a range nor the level
//! that matched shows. What a holder of both files learns, per pair linked on
//! the V-nummer, is the three answers, which is what Table 3 needs.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::date::Date;

/// Day numbers from 1900-01-01, in 16 bits (to 2079): dates outside are clamped.
const BITS: u32 = 16;
const MAX_DAY: u32 = (1 << BITS) - 1;
/// Tags per range cell (the largest cover of a 16-bit range is 2·16 − 2 blocks).
const RANGE_TAGS: usize = 32;

/// A rule of Table 3 that compares a date of each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Local birth date (point) within a year of the national one (range).
    WithinAYear,
    /// Intake (point) at or after the national date's 18th birthday, the national date making
    /// the person a minor at first registration (range).
    NationalPlausible,
    /// First registration (point) before the local date's 18th birthday, the local date making
    /// the person an adult at intake (range).
    LocalPlausible,
}

impl Rule {
    fn label(self) -> &'static [u8] {
        match self {
            Rule::WithinAYear => b"jaar",
            Rule::NationalPlausible => b"landelijk",
            Rule::LocalPlausible => b"lokaal",
        }
    }
}

fn day(d: Date) -> u32 {
    let base = Date {
        year: 1900,
        month: 1,
        day: 1,
    }
    .days();
    (d.days() - base).clamp(0, MAX_DAY as i64) as u32
}

/// The day a person born on `birth` turns 18.
fn eighteenth(birth: Date) -> Date {
    let mut d = birth.add_days(18 * 365);
    while birth.years_until(d) < 18 {
        d = d.add_days(1);
    }
    d
}

/// The dates less than a year from `birth` (as `verify` decides it), as day numbers.
fn within_a_year(birth: Date) -> (u32, u32) {
    let (mut lo, mut hi) = (birth, birth);
    while lo.add_days(-1).years_until(birth) == 0 {
        lo = lo.add_days(-1);
    }
    while birth.years_until(hi.add_days(1)) == 0 {
        hi = hi.add_days(1);
    }
    (day(lo), day(hi))
}

/// The blocks (level, prefix) that cover the days lo..=hi exactly.
fn cover(mut lo: u32, hi: u32) -> Vec<(u32, u32)> {
    let mut blocks = Vec::new();
    while lo <= hi {
        let mut level = 0;
        while level < BITS && lo.is_multiple_of(1 << (level + 1)) && lo + (1 << (level + 1)) - 1 <= hi {
            level += 1;
        }
        blocks.push((level, lo >> level));
        match lo.checked_add(1 << level) {
            Some(next) => lo = next,
            None => break,
        }
    }
    blocks
}

struct Tagger(Hmac<Sha256>);

impl Tagger {
    /// The record's key: HMAC of the V-nummer under the date-test key.
    fn new(key: &[u8; 32], v_nummer: &str) -> Tagger {
        let record = super::pseudonym::hmac_sha256(key, v_nummer.as_bytes());
        Tagger(Hmac::<Sha256>::new_from_slice(&record).expect("HMAC takes keys of any length"))
    }

    fn tag(&self, rule: Rule, what: &[u8], a: u32, b: u32) -> u64 {
        let mut mac = self.0.clone();
        mac.update(rule.label());
        mac.update(what);
        mac.update(&a.to_be_bytes());
        mac.update(&b.to_be_bytes());
        let out = mac.finalize().into_bytes();
        u64::from_be_bytes(out[..8].try_into().expect("8 bytes"))
    }
}

fn text(mut tags: Vec<u64>) -> String {
    tags.sort_unstable();
    tags.iter().map(|t| format!("{t:016x}")).collect()
}

fn parse(cell: &str) -> Option<Vec<u64>> {
    let cell = cell.trim();
    if cell.is_empty() || !cell.len().is_multiple_of(16) || !cell.is_ascii() {
        return None;
    }
    (0..cell.len() / 16)
        .map(|i| u64::from_str_radix(&cell[i * 16..i * 16 + 16], 16).ok())
        .collect()
}

/// The point cell of a date for a rule.
pub fn point(key: &[u8; 32], v_nummer: &str, rule: Rule, date: Date) -> String {
    let t = Tagger::new(key, v_nummer);
    let d = day(date);
    text(
        (0..=BITS)
            .map(|level| t.tag(rule, b"blok", level, d >> level))
            .collect(),
    )
}

/// The range cell of a rule: the blocks of `days` (`None`: no date satisfies it), padded.
fn range(key: &[u8; 32], v_nummer: &str, rule: Rule, days: Option<(u32, u32)>) -> String {
    let t = Tagger::new(key, v_nummer);
    let mut tags: Vec<u64> = days
        .map(|(lo, hi)| cover(lo, hi))
        .unwrap_or_default()
        .into_iter()
        .map(|(level, prefix)| t.tag(rule, b"blok", level, prefix))
        .collect();
    let real = tags.len();
    tags.extend((real..RANGE_TAGS).map(|i| t.tag(rule, b"vulling", i as u32, 0)));
    text(tags)
}

/// The national side's range for "less than a year apart".
pub fn within_a_year_range(key: &[u8; 32], v_nummer: &str, national_birth: Date) -> String {
    range(key, v_nummer, Rule::WithinAYear, Some(within_a_year(national_birth)))
}

/// The national side's range of intakes that make its birth date plausible (`None` when the
/// first registration is unknown: the rule cannot be applied).
pub fn national_plausible_range(
    key: &[u8; 32],
    v_nummer: &str,
    national_birth: Date,
    first_registration: Option<Date>,
) -> Option<String> {
    let minor = national_birth.years_until(first_registration?) < 18;
    let days = minor.then(|| (day(eighteenth(national_birth)), MAX_DAY));
    Some(range(key, v_nummer, Rule::NationalPlausible, days))
}

/// The steunpunt side's range of first registrations that make its birth date plausible
/// (`None` when the intake is unknown).
pub fn local_plausible_range(
    key: &[u8; 32],
    v_nummer: &str,
    local_birth: Date,
    intake: Option<Date>,
) -> Option<String> {
    let adult = local_birth.years_until(intake?) >= 18;
    let days = adult.then(|| (0, day(eighteenth(local_birth)).saturating_sub(1)));
    Some(range(
        key,
        v_nummer,
        Rule::LocalPlausible,
        days.filter(|(lo, hi)| lo <= hi),
    ))
}

/// Whether a point cell meets a range cell (`None`: one is missing or not a tag list).
pub fn meets(point: Option<&str>, range: Option<&str>) -> Option<bool> {
    let (p, r) = (parse(point?)?, parse(range?)?);
    Some(p.iter().any(|t| r.binary_search(t).is_ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];
    const V: &str = "1234567890";

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn covers_are_exact() {
        for (lo, hi) in [
            (0, 0),
            (0, MAX_DAY),
            (5, 17),
            (1023, 1024),
            (40_000, 40_364),
            (3, 65_534),
        ] {
            let blocks = cover(lo, hi);
            assert!(blocks.len() <= RANGE_TAGS, "{lo}..{hi}: {}", blocks.len());
            for x in [
                lo.saturating_sub(1),
                lo,
                (lo + hi) / 2,
                hi,
                hi.saturating_add(1).min(MAX_DAY),
            ] {
                let inside = (0..=BITS).any(|l| blocks.contains(&(l, x >> l)));
                assert_eq!(inside, lo <= x && x <= hi, "{x} in {lo}..{hi}");
            }
        }
    }

    #[test]
    fn the_rules_agree_with_verify_at_their_boundaries() {
        use crate::link::verify::{verify, BirthCheck, Sides};
        let (reg, intake) = (d(2006, 1, 1), d(2009, 10, 1));
        let local = d(1990, 6, 15);
        for national in [
            d(1991, 6, 14),
            d(1991, 6, 15),
            d(1989, 6, 16),
            d(1989, 6, 15),
            d(1992, 1, 1),
            d(1991, 10, 1),
            d(1991, 10, 2),
            d(1988, 1, 1),
            d(1988, 1, 2),
        ] {
            let plain = verify(&Sides {
                local_birth: Some(local),
                national_birth: Some(national),
                first_registration: Some(reg),
                intake: Some(intake),
                ..Sides::default()
            });
            let year = meets(
                Some(&point(&KEY, V, Rule::WithinAYear, local)),
                Some(&within_a_year_range(&KEY, V, national)),
            )
            .unwrap();
            let nat = meets(
                Some(&point(&KEY, V, Rule::NationalPlausible, intake)),
                national_plausible_range(&KEY, V, national, Some(reg)).as_deref(),
            )
            .unwrap();
            let loc = meets(
                Some(&point(&KEY, V, Rule::LocalPlausible, reg)),
                local_plausible_range(&KEY, V, local, Some(intake)).as_deref(),
            )
            .unwrap();
            let keyed = match (year, nat, loc) {
                (true, _, _) => BirthCheck::UnderAYear,
                (false, true, _) => BirthCheck::NationalPlausible,
                (false, false, true) => BirthCheck::LocalPlausible,
                (false, false, false) => BirthCheck::Incompatible,
            };
            assert_eq!(keyed, plain.birth, "national {national}");
        }
    }

    #[test]
    fn tags_of_another_record_or_rule_never_meet() {
        let birth = d(1990, 6, 15);
        let p = point(&KEY, V, Rule::WithinAYear, birth);
        let r = within_a_year_range(&KEY, V, birth);
        assert_eq!(meets(Some(&p), Some(&r)), Some(true));
        assert_eq!(
            meets(Some(&p), Some(&within_a_year_range(&KEY, "1234567891", birth))),
            Some(false)
        );
        let other_rule = point(&KEY, V, Rule::LocalPlausible, birth);
        assert_eq!(meets(Some(&other_rule), Some(&r)), Some(false));
        // Fixed sizes: 17 tags per point, 32 per range, empty or not.
        assert_eq!(p.len(), 17 * 16);
        assert_eq!(r.len(), 32 * 16);
        let empty = national_plausible_range(&KEY, V, d(1980, 1, 1), Some(d(2006, 1, 1))).unwrap();
        assert_eq!(empty.len(), 32 * 16);
        assert_eq!(
            meets(
                Some(&point(&KEY, V, Rule::NationalPlausible, d(2009, 1, 1))),
                Some(&empty)
            ),
            Some(false)
        );
        assert_eq!(meets(None, Some(&r)), None);
        assert_eq!(meets(Some("zz"), Some(&r)), None);
    }
}
