//! Number formatting for the two languages of the app: Dutch (`1.234,5`)
//! and English (`1,234.5`). The locale is always passed in.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    fn separators(self) -> (char, char) {
        match self {
            Locale::Nl => (',', '.'),
            Locale::En => ('.', ','),
        }
    }

    /// `x` with `decimals` decimals and thousands grouping: `12.345,7` in Dutch.
    pub fn number(self, x: f64, decimals: usize) -> String {
        if !x.is_finite() {
            return if x.is_nan() {
                "–".into()
            } else if x > 0.0 {
                "∞".into()
            } else {
                "-∞".into()
            };
        }
        let (decimal, thousands) = self.separators();
        let text = format!("{:.*}", decimals, x.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
        // A value that rounds to zero is not negative.
        if x < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            out.push('-');
        }
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(thousands);
            }
            out.push(ch);
        }
        if !frac.is_empty() {
            out.push(decimal);
            out.push_str(frac);
        }
        out
    }

    /// The language's code for a document: `nl`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    /// The language with its region, as a word processor's proofing language: `nl-NL`, `en-GB`.
    pub fn region_tag(self) -> &'static str {
        match self {
            Locale::Nl => "nl-NL",
            Locale::En => "en-GB",
        }
    }

    pub fn integer(self, n: u64) -> String {
        self.number(n as f64, 0)
    }

    /// A share as a percentage: `12,5%`.
    pub fn percent(self, share: f64, decimals: usize) -> String {
        format!("{}%", self.number(share * 100.0, decimals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_uses_decimal_comma_and_thousands_dot() {
        assert_eq!(Locale::Nl.number(1234567.891, 2), "1.234.567,89");
        assert_eq!(Locale::Nl.number(12.5, 1), "12,5");
        assert_eq!(Locale::Nl.number(-0.04, 1), "0,0");
        assert_eq!(Locale::Nl.number(-1234.0, 0), "-1.234");
        assert_eq!(Locale::Nl.integer(733), "733");
        assert_eq!(Locale::Nl.percent(0.125, 1), "12,5%");
    }

    #[test]
    fn english_uses_decimal_point_and_thousands_comma() {
        assert_eq!(Locale::En.number(1234567.891, 2), "1,234,567.89");
        assert_eq!(Locale::En.percent(0.645, 1), "64.5%");
        assert_eq!(Locale::En.number(f64::NAN, 1), "–");
    }
}
