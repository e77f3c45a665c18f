//! CSV as Dutch spreadsheet programs export it: `;` separator, decimal comma,
//! UTF-8 (optionally with BOM) or Windows-1252.

use crate::date::Date;
use crate::table::{Cell, Sheet};

/// How dates are written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateText {
    /// `01-10-2009`
    DutchPadded,
    /// `1-10-2009`
    Dutch,
    /// `1/10/2009`
    Slash,
    /// `2009-10-01`
    Iso,
    /// `1 okt 2009`
    MonthShort,
    /// `01-okt-2009`
    MonthShortDashed,
    /// `1 oktober 2009`
    MonthLong,
}

impl DateText {
    pub fn format(self, d: Date) -> String {
        let short = crate::date::DUTCH_MONTHS_SHORT[usize::from(d.month) - 1];
        let long = crate::date::DUTCH_MONTHS[usize::from(d.month) - 1];
        match self {
            DateText::DutchPadded => d.dutch(),
            DateText::Dutch => format!("{}-{}-{}", d.day, d.month, d.year),
            DateText::Slash => format!("{}/{}/{}", d.day, d.month, d.year),
            DateText::Iso => d.iso(),
            DateText::MonthShort => format!("{} {} {}", d.day, short, d.year),
            DateText::MonthShortDashed => format!("{:02}-{}-{}", d.day, short, d.year),
            DateText::MonthLong => format!("{} {} {}", d.day, long, d.year),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Windows1252,
}

#[derive(Debug, Clone, Copy)]
pub struct CsvStyle {
    pub delimiter: u8,
    pub decimal_comma: bool,
    pub dates: DateText,
    pub encoding: Encoding,
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle {
            delimiter: b';',
            decimal_comma: true,
            dates: DateText::DutchPadded,
            encoding: Encoding::Utf8,
        }
    }
}

/// Format a number the way the style asks (`12,5` or `12.5`; integers without decimals).
pub fn number_text(x: f64, decimal_comma: bool) -> String {
    let s = if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    };
    if decimal_comma {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Quote a field when it holds the delimiter, a quote or a line break (RFC 4180).
fn push_field(out: &mut String, field: &str, delimiter: char) {
    if field.contains([delimiter, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// A text cell as it is written: formula characters neutralised, quoted when it must be.
pub fn field(text: &str, delimiter: char) -> String {
    let mut out = String::new();
    push_field(&mut out, &safe_text(text), delimiter);
    out
}

/// Neutralise cells that a spreadsheet would run as a formula (= + - @): every
/// CSV this app writes goes through here.
pub fn safe_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub fn write(sheet: &Sheet, style: CsvStyle) -> Vec<u8> {
    let delimiter = char::from(style.delimiter);
    let mut out = String::new();
    for line in sheet.lines() {
        for (i, cell) in line.iter().enumerate() {
            if i > 0 {
                out.push(delimiter);
            }
            let text = match cell {
                Cell::Number(x) => number_text(*x, style.decimal_comma),
                Cell::Date(d) => style.dates.format(*d),
                Cell::Text(s) => safe_text(s),
                other => other.to_text(),
            };
            push_field(&mut out, &text, delimiter);
        }
        out.push_str("\r\n");
    }
    match style.encoding {
        Encoding::Utf8 => out.into_bytes(),
        Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], out.as_bytes()].concat(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(&out).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        let mut s = Sheet::new("x", vec!["naam".into(), "uren".into(), "start".into()]);
        s.rows.push(vec![
            Cell::text("Beëindigd; \"ja\""),
            Cell::Number(12.5),
            Cell::Date(Date::new(2009, 10, 1).unwrap()),
        ]);
        s
    }

    #[test]
    fn quotes_delimiters_and_writes_decimal_comma() {
        let bytes = write(&sheet(), CsvStyle::default());
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text, "naam;uren;start\r\n\"Beëindigd; \"\"ja\"\"\";12,5;01-10-2009\r\n");
    }

    #[test]
    fn windows_1252_writes_one_byte_per_diacritic() {
        let style = CsvStyle {
            encoding: Encoding::Windows1252,
            ..CsvStyle::default()
        };
        let bytes = write(&sheet(), style);
        assert!(bytes.windows(2).any(|w| w == [b'B', b'e']));
        assert!(bytes.contains(&0xEB), "ë is 0xEB in Windows-1252");
        assert!(std::str::from_utf8(&bytes).is_err());
    }

    #[test]
    fn every_date_text_form() {
        let d = Date::new(2009, 3, 4).unwrap();
        let forms: Vec<String> = [
            DateText::DutchPadded,
            DateText::Dutch,
            DateText::Slash,
            DateText::Iso,
            DateText::MonthShort,
            DateText::MonthShortDashed,
            DateText::MonthLong,
        ]
        .iter()
        .map(|f| f.format(d))
        .collect();
        assert_eq!(
            forms,
            [
                "04-03-2009",
                "4-3-2009",
                "4/3/2009",
                "2009-03-04",
                "4 mrt 2009",
                "04-mrt-2009",
                "4 maart 2009"
            ]
        );
    }
}
