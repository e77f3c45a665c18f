//! V-nummer validation (linkage.md §1): normalise, then classify.

use serde::{Deserialize, Serialize};

use crate::ingest::records::RawId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "value", rename_all = "snake_case")]
pub enum VNummer {
    /// Exactly 10 digits after normalising.
    Valid(String),
    /// 9 digits from a number cell: the leading zero the spreadsheet dropped, put back.
    Repaired(String),
    Missing,
    /// Digits only, but not 10 of them.
    WrongLength(String),
    /// Letters or other characters among the digits.
    Letters(String),
    /// Looks like another registration number (CRV-nummer, IND dossier number).
    OtherRegistration(String),
    /// A keyed pseudonym of a V-nummer (32 hex digits, from a linkage file).
    Pseudonym(String),
}

impl VNummer {
    /// The 10-digit number (or its pseudonym) when it can be used for linkage.
    pub fn usable(&self) -> Option<&str> {
        match self {
            VNummer::Valid(v) | VNummer::Repaired(v) | VNummer::Pseudonym(v) => Some(v),
            _ => None,
        }
    }
}

/// Strip spaces, dots and hyphens.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect()
}

/// A number in scientific notation as text ("1,23E+09"): its last digits are lost.
pub fn is_scientific(s: &str) -> bool {
    let t = s.trim().to_ascii_uppercase();
    let Some((mantissa, exponent)) = t.split_once('E') else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && mantissa.chars().any(|c| c.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

pub fn classify(raw: Option<&RawId>) -> VNummer {
    let Some(raw) = raw else {
        return VNummer::Missing;
    };
    let mut v = normalise(&raw.text);
    // A number cell may come back as 123456789.0 or in scientific notation.
    if raw.numeric {
        if let Ok(x) = raw.text.trim().parse::<f64>() {
            if x.fract() == 0.0 && (0.0..1e12).contains(&x) {
                v = format!("{}", x as u64);
            }
        }
    }
    if v.is_empty() {
        return VNummer::Missing;
    }
    if !raw.numeric && is_scientific(&raw.text) {
        return VNummer::Letters(raw.text.trim().to_string());
    }
    let lower = v.to_lowercase();
    if lower.len() == 32 && lower.bytes().all(|b| b.is_ascii_hexdigit()) {
        return VNummer::Pseudonym(lower);
    }
    if ["crv", "ind", "dossier", "bsn"].iter().any(|p| lower.starts_with(p)) {
        return VNummer::OtherRegistration(raw.text.trim().to_string());
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        return match v.len() {
            10 => VNummer::Valid(v),
            9 if raw.numeric => VNummer::Repaired(format!("0{v}")),
            // Old CRV-nummers have 7 digits.
            7 => VNummer::OtherRegistration(v),
            _ => VNummer::WrongLength(v),
        };
    }
    VNummer::Letters(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str, numeric: bool) -> VNummer {
        classify(Some(&RawId {
            text: text.into(),
            numeric,
        }))
    }

    #[test]
    fn every_class() {
        assert_eq!(c("01234 56789", false), VNummer::Valid("0123456789".into()));
        assert_eq!(c("0123.456.789", false), VNummer::Valid("0123456789".into()));
        assert_eq!(c("123456789", true), VNummer::Repaired("0123456789".into()));
        assert_eq!(c("1.23456789E+8", true), VNummer::Repaired("0123456789".into()));
        assert_eq!(c("123456789", false), VNummer::WrongLength("123456789".into()));
        assert_eq!(c("12345678", false), VNummer::WrongLength("12345678".into()));
        assert_eq!(c("012O456789", false), VNummer::Letters("012O456789".into()));
        assert_eq!(
            c("CRV 1234567", false),
            VNummer::OtherRegistration("CRV 1234567".into())
        );
        assert_eq!(c("1234567", false), VNummer::OtherRegistration("1234567".into()));
        assert_eq!(c(" - ", false), VNummer::Missing);
        assert!(is_scientific("1,23E+09") && is_scientific("1.23457e9"));
        assert!(!is_scientific("E12") && !is_scientific("12E") && !is_scientific("0123456789"));
        assert_eq!(
            c("0123456789ABCDEF0123456789abcdef", false),
            VNummer::Pseudonym("0123456789abcdef0123456789abcdef".into())
        );
        assert_eq!(classify(None), VNummer::Missing);
    }
}
