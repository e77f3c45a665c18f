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
    /// The text in this language, for texts written as a Dutch/English pair.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Nl => nl,
            Locale::En => en,
        }
    }

    /// A category label as shown: the engine's `<missing>` in the user's language, and the
    /// bins of a scale variable (`<= 18.497`, `(5.355, 7.425]`, `> 23`) with a decimal comma
    /// in Dutch (and `;` between the two edges).
    /// A merged group ("<= 18.497; <missing>", categories joined with "; ") is converted part
    /// by part.
    pub fn category(self, label: &str) -> String {
        let label = label.replace("<missing>", self.pick("<ontbrekend>", "<missing>"));
        if self == Locale::En {
            return label;
        }
        if label.contains("; ") {
            return label
                .split("; ")
                .map(|part| self.category(part))
                .collect::<Vec<_>>()
                .join("; ");
        }
        let number = |t: &str| {
            let t = t.strip_prefix('-').unwrap_or(t);
            !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') && t.matches('.').count() <= 1
        };
        let comma = |t: &str| t.replace('.', ",");
        if let Some(x) = label.strip_prefix("<= ").filter(|x| number(x)) {
            return format!("<= {}", comma(x));
        }
        if let Some(x) = label.strip_prefix("> ").filter(|x| number(x)) {
            return format!("> {}", comma(x));
        }
        if let Some((a, b)) = label
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(']'))
            .and_then(|r| r.split_once(", "))
            .filter(|(a, b)| number(a) && number(b))
        {
            return format!("({}; {}]", comma(a), comma(b));
        }
        label
    }

    /// A p-value as every table and drawing prints it: three decimals as SPSS does, or
    /// "< 0,001" when smaller (never "0,000").
    pub fn p_value(self, p: f64) -> String {
        let loc = self;
        if p < 0.001 {
            format!("< {}", loc.number(0.001, 3))
        } else {
            loc.number(p, 3)
        }
    }

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
