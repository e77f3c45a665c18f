//! Every error of the engine in words, written in one place per language:
//! [`nl`] (the wording users know; `Display` gives it) and [`en`]. The error
//! enums themselves carry only data (file, sheet, row, column, value, numbers);
//! a host renders them in the user's language with [`Localized::text`].

pub mod en;
pub mod nl;

use std::fmt;

use crate::analysis::run::AnalysisError;
use crate::anonymise::settings::AnonymiseError;
use crate::chaid::ChaidError;
use crate::describe::tables::DescribeError;
use crate::ingest::error::ReadError;
use crate::link::linkage::LinkError;
use crate::link::pseudonym::SecretError;
use crate::locale::Locale;
use crate::recept::ReceptError;
use crate::session::SessionError;

/// A message in the user's language.
pub trait Localized {
    fn text(&self, locale: Locale) -> String;
}

/// Display (Dutch), `std::error::Error` and [`Localized`] for an error enum, from its two renderings.
macro_rules! rendered {
    ($($ty:ty => $f:ident),+ $(,)?) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&nl::$f(self))
            }
        }

        impl std::error::Error for $ty {}

        impl Localized for $ty {
            fn text(&self, locale: Locale) -> String {
                match locale {
                    Locale::Nl => nl::$f(self),
                    Locale::En => en::$f(self),
                }
            }
        }
    )+};
}

rendered! {
    ReadError => read,
    ChaidError => chaid,
    DescribeError => describe,
    AnonymiseError => anonymise,
    ReceptError => recept,
    LinkError => link,
    SecretError => secret,
    SessionError => session,
    AnalysisError => analysis,
    crate::date::NotADate => not_a_date,
}

impl fmt::Display for crate::ingest::cells::Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&nl::note(self))
    }
}

impl Localized for crate::ingest::cells::Note {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::note(self),
            Locale::En => en::note(self),
        }
    }
}

impl Localized for crate::check::problem::Problem {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::problem(&self.detail),
            Locale::En => en::problem(&self.detail),
        }
    }
}

impl Localized for crate::link::linkage::Evidence {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::evidence(self),
            Locale::En => en::evidence(self),
        }
    }
}

impl Localized for crate::chaid::data::LevelRule {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::level_rule(self),
            Locale::En => en::level_rule(self),
        }
    }
}

impl Localized for crate::link::verify::Reason {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::reason(self),
            Locale::En => en::reason(self),
        }
    }
}

#[cfg(test)]
mod tests;
