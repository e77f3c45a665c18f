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
    crate::chaid::edit::EditProblem => edit_problem,
    crate::chaid::rules::pmml_read::PmmlError => pmml,
    crate::chaid::wave::WaveError => wave,
    crate::national::NationalError => national,
}

impl Localized for crate::chaid::edit::EditOutcome {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::tree_edit(self),
            Locale::En => en::tree_edit(self),
        }
    }
}

impl fmt::Display for crate::ingest::cells::Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&nl::note(self))
    }
}

impl Localized for crate::link::attack::SelfTest {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::frequency_attack(self),
            Locale::En => en::frequency_attack(self),
        }
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

impl Localized for crate::link::weights::Part {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::waterfall_part(self),
            Locale::En => en::waterfall_part(self),
        }
    }
}

impl Localized for crate::link::estimate::FallbackEstimate {
    fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::Nl => nl::fallback_estimate(self),
            Locale::En => en::fallback_estimate(self),
        }
    }
}

/// What the fallback's estimate rests on, in `locale`.
pub fn fallback_rests_on(e: &crate::link::estimate::FallbackEstimate, locale: Locale) -> String {
    match locale {
        Locale::Nl => nl::fallback_rests_on(e),
        Locale::En => en::fallback_rests_on(e),
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

/// A fixed word of a sheet ([`en::SHEET_WORDS`]) in `locale`.
pub fn sheet_word(nl: &str, locale: Locale) -> String {
    match locale {
        Locale::Nl => nl.to_string(),
        Locale::En => en::SHEET_WORDS
            .iter()
            .find(|(d, _)| *d == nl)
            .map_or(nl, |(_, e)| e)
            .to_string(),
    }
}

/// A sheet the engine wrote (in Dutch) in `locale`: its name, headers and the fixed words of
/// its title and footer rows ([`en::SHEET_WORDS`], [`en::SHEET_PREFIXES`], the protection
/// note). Data (values, categories, variable names) stays as it is. The check report renders
/// its messages itself ([`crate::check::export::sheet_for`]).
pub fn localize_sheet(mut sheet: crate::table::Sheet, locale: Locale) -> crate::table::Sheet {
    use crate::table::Cell;
    if locale == Locale::Nl {
        return sheet;
    }
    let word = |t: &str| -> Option<String> {
        if let Some((_, en)) = en::SHEET_WORDS.iter().find(|(nl, _)| *nl == t) {
            return Some(en.to_string());
        }
        if let Some((nl, en)) = en::SHEET_PREFIXES.iter().find(|(nl, _)| t.starts_with(nl)) {
            return Some(format!("{en}{}", &t[nl.len()..]));
        }
        // The protection note names its threshold: "Aantallen onder de 5 staan als …".
        let threshold: u64 = t.strip_prefix("Aantallen onder de ")?.split(' ').next()?.parse().ok()?;
        (t == crate::disclosure::note(threshold, Locale::Nl)).then(|| crate::disclosure::note(threshold, Locale::En))
    };
    if let Some(name) = word(&sheet.name) {
        sheet.name = name;
    }
    for h in &mut sheet.header {
        if let Some(en) = word(h) {
            *h = en;
        }
    }
    for row in sheet.title_rows.iter_mut().chain(sheet.footer_rows.iter_mut()) {
        for cell in row {
            if let Cell::Text(t) = cell {
                if let Some(en) = word(t) {
                    *t = en;
                }
            }
        }
    }
    // The first cell of a body row can be a label ("Totaal", "Risico").
    for row in &mut sheet.rows {
        if let Some(Cell::Text(t)) = row.first_mut() {
            if let Some(en) = en::SHEET_WORDS
                .iter()
                .find(|(nl, _)| *nl == t.as_str())
                .map(|(_, en)| en)
            {
                *t = en.to_string();
            }
        }
    }
    sheet
}

#[cfg(test)]
mod tests;
