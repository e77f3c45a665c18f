//! Verification of a link (linkage.md §3, report Table 3): sex, country of
//! origin against nationality, and birth date with the one-year and
//! plausibility rules.

use serde::{Deserialize, Serialize};

use super::countries;
use crate::date::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SexCheck {
    Same,
    /// Different sex: different people, the link is incompatible.
    Differs,
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", content = "why", rename_all = "snake_case")]
pub enum CountryCheck {
    Same,
    /// Explained: the two countries share a land border.
    Neighbours,
    /// Explained: stateless, unknown or Dutch nationality.
    Exception(String),
    /// Flagged, but on its own never makes a link incompatible.
    Unexplained,
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthCheck {
    Same,
    /// Less than a year apart: the national date is used.
    UnderAYear,
    /// A year or more apart; the national date is plausible and used.
    NationalPlausible,
    /// A year or more apart; only the local date is plausible and used.
    LocalPlausible,
    /// Neither date is plausible: different people.
    Incompatible,
    /// A year or more apart and a date needed for the rule is missing: kept, flagged.
    Unverifiable,
    Missing,
}

/// What both sides say of the person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sides {
    pub local_sex: Option<String>,
    pub national_sex: Option<String>,
    pub local_country: Option<String>,
    pub nationality: Option<String>,
    pub local_birth: Option<Date>,
    pub national_birth: Option<Date>,
    pub first_registration: Option<Date>,
    pub intake: Option<Date>,
    /// Linkage files: the birth dates' keyed pseudonyms instead of the dates.
    #[serde(default)]
    pub local_birth_pseudonym: Option<String>,
    #[serde(default)]
    pub national_birth_pseudonym: Option<String>,
    /// Linkage files: the birth-date rules answered by the keyed date tests (`link::date_tests`).
    #[serde(default)]
    pub keyed_birth: Option<KeyedBirth>,
}

/// The answers of the keyed date tests of a pair linked on the V-nummer (`None`: a date the
/// rule needs is missing on a side).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyedBirth {
    pub within_a_year: Option<bool>,
    pub national_plausible: Option<bool>,
    pub local_plausible: Option<bool>,
}

impl KeyedBirth {
    /// The birth-date rule's outcome from the answers, as `verify` decides it from the dates.
    fn outcome(self) -> BirthCheck {
        match (self.within_a_year, self.national_plausible, self.local_plausible) {
            (Some(true), _, _) => BirthCheck::UnderAYear,
            (Some(false), Some(true), _) => BirthCheck::NationalPlausible,
            (Some(false), Some(false), Some(true)) => BirthCheck::LocalPlausible,
            (Some(false), Some(false), Some(false)) => BirthCheck::Incompatible,
            _ => BirthCheck::Unverifiable,
        }
    }
}

/// A rule of Table 3 that decided, with the values it compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Reason {
    SexDiffers {
        local: String,
        national: String,
    },
    /// The nationality explains the difference (stateless, unknown, Dutch…: `why`).
    NationalityExplains {
        nationality: String,
        country: String,
        why: String,
    },
    Neighbours {
        country: String,
        nationality: String,
    },
    CountryUnexplained {
        country: String,
        nationality: String,
    },
    /// Birth dates less than a year apart: the national one is used.
    BirthUnderAYear {
        local: Date,
        national: Date,
    },
    BirthNationalPlausible {
        local: Date,
        national: Date,
    },
    BirthLocalPlausible {
        local: Date,
        national: Date,
    },
    BirthNeitherPlausible {
        local: Date,
        national: Date,
    },
    BirthUnverifiable {
        local: Date,
        national: Date,
    },
    /// Birth-date pseudonyms differ: the dates cannot be compared.
    BirthPseudonymsDiffer,
    /// Birth-date pseudonyms differ, and the keyed date tests decided.
    BirthByKeys {
        outcome: BirthCheck,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verification {
    pub sex: SexCheck,
    pub country: CountryCheck,
    pub birth: BirthCheck,
    /// The birth date used for analysis.
    pub birth_used: Option<Date>,
    pub incompatible: bool,
    /// The rules that decided, as data (`messages` says them).
    pub reasons: Vec<Reason>,
}

impl Verification {
    pub fn deviates(&self) -> bool {
        self.deviations().contains(&true)
    }

    /// Whether the link deviates on sex, on country, and on birth date (Table 3's rows).
    pub fn deviations(&self) -> [bool; 3] {
        [
            self.sex == SexCheck::Differs,
            self.country_deviates(),
            self.birth_deviates(),
        ]
    }

    pub fn country_deviates(&self) -> bool {
        !matches!(self.country, CountryCheck::Same | CountryCheck::Missing)
    }

    pub fn birth_deviates(&self) -> bool {
        !matches!(self.birth, BirthCheck::Same | BirthCheck::Missing)
    }
}

/// A minor when first registered, an adult at intake (`None`: a date is missing).
fn plausible(birth: Date, first_registration: Option<Date>, intake: Option<Date>) -> Option<bool> {
    Some(birth.years_until(first_registration?) < 18 && birth.years_until(intake?) >= 18)
}

pub fn verify(s: &Sides) -> Verification {
    let mut reasons = Vec::new();
    let sex = match (&s.local_sex, &s.national_sex) {
        (Some(a), Some(b)) if a == b => SexCheck::Same,
        (Some(a), Some(b)) => {
            reasons.push(Reason::SexDiffers {
                local: a.clone(),
                national: b.clone(),
            });
            SexCheck::Differs
        }
        _ => SexCheck::Missing,
    };
    let country = match (&s.local_country, &s.nationality) {
        (Some(c), Some(n)) if countries::same(c, n) => CountryCheck::Same,
        (Some(c), Some(n)) => {
            if let Some(why) = countries::explains_any(n) {
                reasons.push(Reason::NationalityExplains {
                    nationality: n.clone(),
                    country: c.clone(),
                    why: why.to_string(),
                });
                CountryCheck::Exception(why.to_string())
            } else if countries::neighbours(c, n) {
                reasons.push(Reason::Neighbours {
                    country: c.clone(),
                    nationality: n.clone(),
                });
                CountryCheck::Neighbours
            } else {
                reasons.push(Reason::CountryUnexplained {
                    country: c.clone(),
                    nationality: n.clone(),
                });
                CountryCheck::Unexplained
            }
        }
        _ => CountryCheck::Missing,
    };
    let (birth, birth_used) = match (s.local_birth, s.national_birth) {
        (Some(l), Some(n)) if l == n => (BirthCheck::Same, Some(n)),
        (Some(l), Some(n)) => {
            let (early, late) = if l < n { (l, n) } else { (n, l) };
            if early.years_until(late) == 0 {
                reasons.push(Reason::BirthUnderAYear { local: l, national: n });
                (BirthCheck::UnderAYear, Some(n))
            } else {
                match (
                    plausible(n, s.first_registration, s.intake),
                    plausible(l, s.first_registration, s.intake),
                ) {
                    (Some(true), _) => {
                        reasons.push(Reason::BirthNationalPlausible { local: l, national: n });
                        (BirthCheck::NationalPlausible, Some(n))
                    }
                    (Some(false), Some(true)) => {
                        reasons.push(Reason::BirthLocalPlausible { local: l, national: n });
                        (BirthCheck::LocalPlausible, Some(l))
                    }
                    (Some(false), Some(false)) => {
                        reasons.push(Reason::BirthNeitherPlausible { local: l, national: n });
                        (BirthCheck::Incompatible, None)
                    }
                    _ => {
                        reasons.push(Reason::BirthUnverifiable { local: l, national: n });
                        (BirthCheck::Unverifiable, Some(n))
                    }
                }
            }
        }
        (l, n) => match (&s.local_birth_pseudonym, &s.national_birth_pseudonym) {
            (Some(a), Some(b)) if a == b => (BirthCheck::Same, None),
            (Some(_), Some(_)) => match s.keyed_birth {
                Some(k) => {
                    let outcome = k.outcome();
                    reasons.push(Reason::BirthByKeys { outcome });
                    (outcome, None)
                }
                None => {
                    reasons.push(Reason::BirthPseudonymsDiffer);
                    (BirthCheck::Unverifiable, None)
                }
            },
            _ => (BirthCheck::Missing, n.or(l)),
        },
    };
    let incompatible = sex == SexCheck::Differs || birth == BirthCheck::Incompatible;
    Verification {
        sex,
        country,
        birth,
        birth_used,
        incompatible,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Option<Date> {
        Date::new(y, m, day)
    }

    fn base() -> Sides {
        Sides {
            local_sex: Some("M".into()),
            national_sex: Some("M".into()),
            local_country: Some("Guinee".into()),
            nationality: Some("Guinee".into()),
            local_birth: d(1990, 6, 15),
            national_birth: d(1990, 6, 15),
            first_registration: d(2006, 1, 1),
            intake: d(2009, 10, 1),
            ..Sides::default()
        }
    }

    #[test]
    fn sex_makes_incompatible() {
        let v = verify(&Sides {
            national_sex: Some("V".into()),
            ..base()
        });
        assert_eq!(v.sex, SexCheck::Differs);
        assert!(v.incompatible);
    }

    #[test]
    fn country_rules() {
        let c = |n: &str| {
            verify(&Sides {
                nationality: Some(n.into()),
                ..base()
            })
            .country
        };
        assert_eq!(c("Sierra Leone"), CountryCheck::Neighbours);
        assert_eq!(c("Staatloos"), CountryCheck::Exception("staatloos".into()));
        assert_eq!(
            c("Nederlandse"),
            CountryCheck::Exception("Nederlandse nationaliteit".into())
        );
        assert_eq!(c("China"), CountryCheck::Unexplained);
        assert!(
            !verify(&Sides {
                nationality: Some("China".into()),
                ..base()
            })
            .incompatible,
            "never on its own"
        );
        assert_eq!(
            verify(&Sides {
                local_country: Some("Congo".into()),
                nationality: Some("Congo (Democratische Republiek)".into()),
                ..base()
            })
            .country,
            CountryCheck::Same
        );
    }

    #[test]
    fn birth_date_boundaries() {
        let b = |n: Option<Date>| {
            verify(&Sides {
                national_birth: n,
                ..base()
            })
        };
        // 364 days apart: under a year; exactly one year apart: not.
        assert_eq!(b(d(1991, 6, 14)).birth, BirthCheck::UnderAYear);
        let one_year = b(d(1991, 6, 15));
        assert_eq!(
            one_year.birth,
            BirthCheck::NationalPlausible,
            "exactly a year is not 'less than a year'"
        );
        // National date makes him a minor at intake (born 1992-01-01: 17 at 2009-10-01): only local plausible.
        assert_eq!(b(d(1992, 1, 1)).birth, BirthCheck::LocalPlausible);
        // Exactly 18 at intake counts as adult.
        let exactly18 = verify(&Sides {
            national_birth: d(1991, 10, 1),
            local_birth: d(1989, 1, 1),
            ..base()
        });
        assert_eq!(exactly18.birth, BirthCheck::NationalPlausible);
        // Both implausible: the local date says adult at first registration too.
        let both = verify(&Sides {
            local_birth: d(1980, 1, 1),
            national_birth: d(1993, 1, 1),
            ..base()
        });
        assert_eq!(both.birth, BirthCheck::Incompatible);
        assert!(both.incompatible);
        // A needed date missing: kept, flagged.
        let missing = verify(&Sides {
            national_birth: d(1993, 1, 1),
            first_registration: None,
            ..base()
        });
        assert_eq!(missing.birth, BirthCheck::Unverifiable);
        assert!(!missing.incompatible);
        assert_eq!(b(None).birth, BirthCheck::Missing);
    }
}
