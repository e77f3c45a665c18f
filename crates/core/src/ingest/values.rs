//! Reading values as people type them: dates in every Dutch form, numbers
//! with a decimal comma, and the code synonyms of the data dictionary.

use serde::{Deserialize, Serialize};

use super::fields::CodeSet;
use super::fold::fold;
use crate::date::{Date, DUTCH_MONTHS, DUTCH_MONTHS_SHORT};

/// Which part of `1/10/2009` is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// The Dutch default: 1/10/2009 is 1 October.
    #[default]
    DayFirst,
    MonthFirst,
}

/// A spreadsheet serial number (1900 system) as a date; plausible range only (1900–2100).
pub fn date_from_serial(serial: f64) -> Option<Date> {
    if !(1.0..=73_050.0).contains(&serial) {
        return None;
    }
    Some(Date::from_days(serial.floor() as i64 - 25_569))
}

fn month_from_name(s: &str) -> Option<u8> {
    let f = fold(s);
    if f.len() < 3 {
        return None;
    }
    let english = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    (0..12)
        .find(|&i| {
            f == DUTCH_MONTHS[i]
                || f == DUTCH_MONTHS_SHORT[i]
                || (DUTCH_MONTHS[i].starts_with(&f) && f.len() >= 3)
                || f == english[i]
                || (f == "maa" && i == 2)
        })
        .map(|i| i as u8 + 1)
}

fn year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    match s.len() {
        4 => Some(y),
        // Two-digit years: 00–30 are 2000s, the rest 1900s.
        2 => Some(if y <= 30 { 2000 + y } else { 1900 + y }),
        _ => None,
    }
}

/// The numeric parts of a date written with `-`, `/` or `.` (no month names): (a, b, year).
pub fn numeric_parts(s: &str) -> Option<(u32, u32, i32)> {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if parts[0].len() == 4 {
        return None;
    }
    Some((parts[0].parse().ok()?, parts[1].parse().ok()?, year(parts[2])?))
}

/// Three groups of at most nine digits separated by `-`, `/` or `.`, read
/// without allocating (most dates in a big file look like this): the groups,
/// their lengths, and whether both separators are `-`.
fn digit_parts(t: &str) -> Option<([u32; 3], [usize; 3], bool)> {
    let (mut values, mut lens, mut part, mut dashes) = ([0u32; 3], [0usize; 3], 0usize, true);
    for &b in t.as_bytes() {
        match b {
            b'0'..=b'9' if lens[part] < 9 => {
                values[part] = values[part] * 10 + u32::from(b - b'0');
                lens[part] += 1;
            }
            b'-' | b'/' | b'.' if part < 2 && lens[part] > 0 => {
                dashes &= b == b'-';
                part += 1;
            }
            _ => return None,
        }
    }
    (part == 2 && lens[2] > 0).then_some((values, lens, dashes))
}

/// The date of [`digit_parts`], by the same rules as the text forms: ISO when
/// the first group has four digits and the separators are `-`, else day and
/// month in `order` with a two- or four-digit year.
fn date_of_digits((v, lens, dashes): ([u32; 3], [usize; 3], bool), order: DateOrder) -> Option<Date> {
    if lens[0] == 4 {
        if !dashes {
            return None;
        }
        return Date::new(v[0] as i32, u8::try_from(v[1]).ok()?, u8::try_from(v[2]).ok()?);
    }
    let y = match lens[2] {
        4 => v[2] as i32,
        2 if v[2] <= 30 => 2000 + v[2] as i32,
        2 => 1900 + v[2] as i32,
        _ => return None,
    };
    let (d, m) = match order {
        DateOrder::DayFirst => (v[0], v[1]),
        DateOrder::MonthFirst => (v[1], v[0]),
    };
    Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// A date written as text, or `None` when it is not a date (or an impossible one: 31-02-2010).
pub fn parse_date(s: &str, order: DateOrder) -> Option<Date> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    match digit_parts(t) {
        Some(parts) => date_of_digits(parts, order),
        None => parse_date_text(t, order),
    }
}

/// [`parse_date`] for every form, the slow way.
fn parse_date_text(t: &str, order: DateOrder) -> Option<Date> {
    // Drop a time part: "2009-10-01 00:00:00", "01-10-2009 0:00".
    let t = t
        .split_whitespace()
        .filter(|w| !w.contains(':'))
        .collect::<Vec<_>>()
        .join(" ");
    // ISO: 2009-10-01
    let iso: Vec<&str> = t.split('-').collect();
    if iso.len() == 3
        && iso[0].len() == 4
        && iso
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Date::new(iso[0].parse().ok()?, iso[1].parse().ok()?, iso[2].parse().ok()?);
    }
    if let Some((a, b, y)) = numeric_parts(&t) {
        let (d, m) = match order {
            DateOrder::DayFirst => (a, b),
            DateOrder::MonthFirst => (b, a),
        };
        return Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    }
    // 1 okt 2009, 01-okt-2009, 1 oktober 2009, 1-mrt-09
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 3 {
        if let (Ok(d), Some(m), Some(y)) = (words[0].parse::<u8>(), month_from_name(words[1]), year(words[2])) {
            return Date::new(y, m, d);
        }
    }
    None
}

/// A number as Dutch spreadsheets write it: `12,5`, `1.234,5`, `1234.5`, `-3`.
pub fn parse_number(s: &str) -> Option<f64> {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return None;
    }
    let (commas, dots) = (t.matches(',').count(), t.matches('.').count());
    let normal = match (commas, dots) {
        (0, 0) => t,
        // 12,5 → 12.5
        (1, 0) => t.replace(',', "."),
        // 1.234,5 → 1234.5 (thousands dots, decimal comma)
        (1, _) if t.rfind(',') > t.rfind('.') => t.replace('.', "").replace(',', "."),
        // 1,234.5 → 1234.5
        (_, 1) if t.rfind('.') > t.rfind(',') => t.replace(',', ""),
        // 1.234.567 → thousands dots only
        (0, _) if dots > 1 => t.replace('.', ""),
        (0, 1) => t,
        _ => return None,
    };
    normal.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A whole, non-negative count.
pub fn parse_count(s: &str) -> Option<u32> {
    let x = parse_number(s)?;
    (x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX)).then_some(x as u32)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    Ja,
    Nee,
    Onbekend,
}

/// Yes/no/unknown synonyms (an empty cell is unknown).
pub fn parse_yes_no(s: &str) -> Option<YesNo> {
    match fold(s).as_str() {
        "ja" | "j" | "yes" | "y" | "1" | "x" | "waar" | "true" => Some(YesNo::Ja),
        "nee" | "n" | "no" | "0" | "onwaar" | "false" => Some(YesNo::Nee),
        "" | "onbekend" | "nb" | "weetniet" | "unknown" => Some(YesNo::Onbekend),
        _ if s.trim() == "?" => Some(YesNo::Onbekend),
        _ => None,
    }
}

/// The canonical code of a value, or `None` when it matches no synonym.
pub fn parse_code(set: CodeSet, s: &str) -> Option<&'static str> {
    let v = fold(s);
    let table: &[(&str, &[&str])] = match set {
        CodeSet::Sex => &[
            ("M", &["m", "man", "jongen", "male", "mannelijk"]),
            ("V", &["v", "vrouw", "meisje", "f", "female", "vrouwelijk"]),
        ],
        CodeSet::Result => &[
            ("In begeleiding", &["inbegeleiding", "begeleiding", "lopend"]),
            (
                "Verblijfsvergunning",
                &["verblijfsvergunning", "vergunning", "verblijf"],
            ),
            ("Terugkeer", &["terugkeer", "teruggekeerd"]),
            (
                "MOB",
                &["mob", "metonbekendebestemmingvertrokken", "onbekendebestemming"],
            ),
            ("Doormigratie", &["doormigratie", "doorgemigreerd"]),
            ("Overig", &["overig", "anders", "overignietmob"]),
        ],
        CodeSet::Trajectory => &[
            ("Verblijfsvergunning", &["verblijfsvergunning", "vergunning"]),
            ("Buitenschuld", &["buitenschuld"]),
            ("Terugkeer", &["terugkeer"]),
            ("Tweesporen", &["tweesporen"]),
            ("Doormigratie", &["doormigratie"]),
            ("Anders", &["anders", "nogeengtraject", "noggeentraject"]),
        ],
        CodeSet::EndedBy => &[
            ("Steunpunt", &["steunpunt"]),
            ("Client", &["client", "clientzelf"]),
            ("Gemeente", &["gemeente"]),
            ("Wederzijds", &["wederzijds", "wederzijdsoverleg", "inoverleg"]),
            ("Onbekend", &["onbekend"]),
        ],
    };
    table
        .iter()
        .find(|(_, syn)| syn.contains(&v.as_str()))
        .map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn every_date_form_of_the_dictionary() {
        let want = d(2009, 10, 1);
        for s in [
            "1-10-2009",
            "01-10-2009",
            "1/10/2009",
            "2009-10-01",
            "1 okt 2009",
            "01-okt-2009",
            "1 oktober 2009",
            "1.10.2009",
            "01-10-09",
            "2009-10-01 00:00:00",
        ] {
            assert_eq!(parse_date(s, DateOrder::DayFirst), want, "{s}");
        }
        assert_eq!(parse_date("4 mrt 2010", DateOrder::DayFirst), d(2010, 3, 4));
        assert_eq!(parse_date("12 mei 2010", DateOrder::DayFirst), d(2010, 5, 12));
        assert_eq!(parse_date("10/1/2009", DateOrder::MonthFirst), want);
    }

    #[test]
    fn the_digit_fast_path_agrees_with_the_text_rules() {
        let groups = [
            "1",
            "01",
            "12",
            "13",
            "29",
            "31",
            "00",
            "2010",
            "10",
            "99",
            "123",
            "0000",
            "1234567890",
        ];
        for a in groups {
            for b in groups {
                for c in groups {
                    for (s1, s2) in [('-', '-'), ('/', '/'), ('.', '.'), ('-', '/')] {
                        let t = format!("{a}{s1}{b}{s2}{c}");
                        for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
                            assert_eq!(parse_date(&t, order), parse_date_text(&t, order), "{t}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn impossible_and_non_dates() {
        assert_eq!(parse_date("31-02-2010", DateOrder::DayFirst), None);
        assert_eq!(parse_date("00-00-0000", DateOrder::DayFirst), None);
        assert_eq!(parse_date("onbekend", DateOrder::DayFirst), None);
        assert_eq!(parse_date("13/13/2010", DateOrder::DayFirst), None);
    }

    #[test]
    fn serial_numbers() {
        assert_eq!(date_from_serial(40087.0), d(2009, 10, 1));
        assert_eq!(date_from_serial(-5.0), None);
    }

    #[test]
    fn dutch_numbers() {
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("12.5"), Some(12.5));
        assert_eq!(parse_number("1,2,3"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_count("3"), Some(3));
        assert_eq!(parse_count("2,5"), None);
    }

    #[test]
    fn code_synonyms() {
        assert_eq!(parse_code(CodeSet::Sex, "Jongen"), Some("M"));
        assert_eq!(parse_code(CodeSet::Sex, "meisje"), Some("V"));
        assert_eq!(
            parse_code(CodeSet::Result, "met onbekende bestemming vertrokken"),
            Some("MOB")
        );
        assert_eq!(parse_code(CodeSet::Result, "Overig (niet MOB)"), Some("Overig"));
        assert_eq!(parse_code(CodeSet::Result, "ontslagen"), None);
        assert_eq!(parse_code(CodeSet::EndedBy, "in overleg"), Some("Wederzijds"));
        assert_eq!(parse_code(CodeSet::Trajectory, "twee sporen"), Some("Tweesporen"));
        assert_eq!(parse_yes_no("N.B."), Some(YesNo::Onbekend));
        assert_eq!(parse_yes_no("?"), Some(YesNo::Onbekend));
        assert_eq!(parse_yes_no("x"), Some(YesNo::Ja));
        assert_eq!(parse_yes_no("misschien"), None);
    }
}
