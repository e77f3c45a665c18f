//! The check report as a spreadsheet for the steunpunt's own use. It holds
//! V-nummers and names: it is never part of anything meant for others.

use super::problem::Severity;
use super::registration::CheckResult;
use crate::date::Date;
use crate::locale::Locale;
use crate::messages::Localized;
use crate::table::{Cell, Sheet};
use crate::write::csv::{self, CsvStyle};

pub const OWN_USE_ONLY: &str =
    "Alleen voor eigen gebruik binnen het steunpunt: dit overzicht bevat V-nummers en namen. Niet doorsturen.";

const HEADER: [&str; 11] = [
    "Steunpunt",
    "Ernst",
    "Soort",
    "Bestand",
    "Tabblad",
    "Rij",
    "Kolom",
    "Waarde",
    "V-nummer",
    "Naam",
    "Toelichting",
];

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Fout => "Fout",
        Severity::Waarschuwing => "Waarschuwing",
        Severity::Melding => "Melding",
    }
}

pub use crate::write::csv::safe_text;

/// Who the report is for: the steunpunt itself (with V-nummers, names and values),
/// or others (without them: the file, sheet, row and column point to the person
/// in the steunpunt's own file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    OwnOrganisation,
    #[default]
    Others,
}

pub const WITHOUT_IDENTIFIERS: &str = "Zonder V-nummers, namen en waarden: bestand, tabblad, rij en kolom wijzen de \
     persoon aan in het eigen bestand van het steunpunt.";

/// The message without the person's V-nummer, name, values or dates in it (by meaning: see
/// [`super::redact`]).
fn redacted(message: &str, p: &super::problem::Problem) -> String {
    super::redact::for_others(message, p)
}

/// The report as one sheet; `steunpunt` limits it to one steunpunt.
pub fn sheet(result: &CheckResult, steunpunt: Option<&str>) -> Sheet {
    sheet_for(result, steunpunt, Audience::OwnOrganisation, Locale::Nl)
}

/// The report for `audience`: for others without the V-nummer, name and value columns,
/// and with them taken out of the explanations.
/// Every word in `locale`: the messages rendered in it, the fixed words through
/// [`crate::messages::localize_sheet`].
pub fn sheet_for(result: &CheckResult, steunpunt: Option<&str>, audience: Audience, locale: Locale) -> Sheet {
    let own = audience == Audience::OwnOrganisation;
    let header = HEADER
        .iter()
        .filter(|h| own || !matches!(**h, "Waarde" | "V-nummer" | "Naam"))
        .map(|h| h.to_string())
        .collect();
    let mut s = Sheet::new("Controle", header);
    s.title_rows
        .push(vec![Cell::text(if own { OWN_USE_ONLY } else { WITHOUT_IDENTIFIERS })]);
    s.title_rows
        .push(vec![Cell::text(format!("Peildatum: {}", result.peildatum))]);
    for p in result
        .problems
        .iter()
        .filter(|p| steunpunt.is_none_or(|sp| p.steunpunt.as_deref() == Some(sp)))
    {
        let text = |o: &Option<String>| Cell::text(safe_text(o.as_deref().unwrap_or("")));
        let mut row = vec![
            text(&p.steunpunt),
            Cell::text(crate::messages::sheet_word(severity(p.severity), locale)),
            Cell::text(p.kind.title_in(locale)),
            Cell::text(p.at.as_ref().map_or(String::new(), |a| safe_text(&a.file))),
            Cell::text(p.at.as_ref().map_or(String::new(), |a| safe_text(&a.sheet))),
            p.at.as_ref().map_or(Cell::Empty, |a| Cell::Number(f64::from(a.row))),
            text(&p.column),
        ];
        if own {
            row.extend([
                text(&p.value),
                text(&p.v_nummer),
                text(&p.name),
                Cell::text(safe_text(&p.text(locale))),
            ]);
        } else {
            row.push(Cell::text(safe_text(&redacted(&p.text(locale), p))));
        }
        s.rows.push(row);
    }
    crate::messages::localize_sheet(s, locale)
}

pub fn xlsx(
    result: &CheckResult,
    steunpunt: Option<&str>,
    audience: Audience,
    created: Date,
    locale: Locale,
) -> Result<Vec<u8>, String> {
    crate::write::xlsx::write(&[sheet_for(result, steunpunt, audience, locale)], created, locale)
        .map_err(|e| e.to_string())
}

pub fn csv(result: &CheckResult, steunpunt: Option<&str>, audience: Audience, locale: Locale) -> Vec<u8> {
    csv::write(
        &sheet_for(result, steunpunt, audience, locale),
        CsvStyle {
            encoding: csv::Encoding::Utf8Bom,
            ..CsvStyle::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe_text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_text("-3"), "'-3");
        assert_eq!(safe_text("Jansen"), "Jansen");
    }
}
