//! Calendar dates without a clock: a proleptic Gregorian day count.
//!
//! The peildatum and every "today" are passed in by the caller; nothing here
//! reads the system time.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar date. Ordered; `days()` counts days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

pub const DUTCH_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
pub const DUTCH_MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// Days since 1899-12-30, the epoch of spreadsheet serial dates, counted from 1970-01-01.
const SERIAL_EPOCH_DAYS: i64 = -25569;

impl Date {
    /// A valid date, or `None` (31-02-2010, month 13, day 0).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Spreadsheet serial number (1900 date system, as Excel and LibreOffice write it).
    pub fn excel_serial(self) -> f64 {
        (self.days() - SERIAL_EPOCH_DAYS) as f64
    }

    /// Whole years from `self` to `later` (an age on a birthday counts).
    pub fn years_until(self, later: Date) -> i32 {
        let mut years = later.year - self.year;
        if (later.month, later.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// `14-03-2011`, the Dutch numeric form.
    pub fn dutch(self) -> String {
        format!("{:02}-{:02}-{}", self.day, self.month, self.year)
    }

    /// `2011-03-14`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// A date written `JJJJ-MM-DD` (the form of a date field and of `--peildatum`).
    pub fn parse_iso(s: &str) -> Result<Date, NotADate> {
        let bad = || NotADate { text: s.to_string() };
        let mut parts = s.trim().split('-');
        let mut n = || parts.next().and_then(|p| p.parse::<u16>().ok()).ok_or_else(bad);
        let (y, m, d) = (n()?, n()?, n()?);
        if parts.next().is_some() || m > 12 || d > 31 {
            return Err(bad());
        }
        Date::new(i32::from(y), m as u8, d as u8).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.dutch())
    }
}

/// A text that is not a date written JJJJ-MM-DD (`messages` says so, and what to write).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotADate {
    pub text: String,
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_what_is_not_one() {
        assert_eq!(Date::parse_iso("2011-04-01"), Ok(Date::new(2011, 4, 1).unwrap()));
        assert_eq!(Date::parse_iso(" 2012-02-29 ").map(Date::iso), Ok("2012-02-29".into()));
        for bad in [
            "2011-02-29",
            "2011-13-01",
            "01-04-2011x",
            "2011-04",
            "2011-04-01-02",
            "",
            "2011-4-1a",
        ] {
            let e = Date::parse_iso(bad).unwrap_err();
            assert_eq!(e.text, bad);
            assert_eq!(
                e.to_string(),
                format!("'{bad}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2011-04-01.")
            );
        }
    }

    #[test]
    fn day_count_round_trips_over_three_centuries() {
        for days in -60_000..60_000 {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days(), 11_017);
    }

    #[test]
    fn excel_serials_match_excel() {
        // Excel: 1-10-2009 is serial 40087, 1-1-1990 is 32874.
        assert_eq!(Date::new(2009, 10, 1).unwrap().excel_serial(), 40087.0);
        assert_eq!(Date::new(1990, 1, 1).unwrap().excel_serial(), 32874.0);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2010, 2, 31).is_none());
        assert!(Date::new(2010, 0, 1).is_none());
        assert!(Date::new(2010, 1, 0).is_none());
        assert!(Date::new(2011, 2, 29).is_none());
        assert!(Date::new(2012, 2, 29).is_some());
    }

    #[test]
    fn age_counts_the_birthday_itself() {
        let born = Date::new(1991, 10, 1).unwrap();
        assert_eq!(born.years_until(Date::new(2009, 9, 30).unwrap()), 17);
        assert_eq!(born.years_until(Date::new(2009, 10, 1).unwrap()), 18);
    }

    #[test]
    fn dutch_format_pads_day_and_month() {
        assert_eq!(Date::new(2011, 3, 4).unwrap().dutch(), "04-03-2011");
    }
}
