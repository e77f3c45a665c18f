//! The check report as a spreadsheet for the steunpunt's own use. It holds
//! V-nummers and names: it is never part of anything meant for others.

use super::problem::Severity;
use super::registration::CheckResult;
use crate::date::Date;
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

/// The report as one sheet; `steunpunt` limits it to one steunpunt.
pub fn sheet(result: &CheckResult, steunpunt: Option<&str>) -> Sheet {
    let mut s = Sheet::new("Controle", HEADER.iter().map(|h| h.to_string()).collect());
    s.title_rows.push(vec![Cell::text(OWN_USE_ONLY)]);
    s.title_rows
        .push(vec![Cell::text(format!("Peildatum: {}", result.peildatum))]);
    for p in result
        .problems
        .iter()
        .filter(|p| steunpunt.is_none_or(|sp| p.steunpunt.as_deref() == Some(sp)))
    {
        let text = |o: &Option<String>| Cell::text(safe_text(o.as_deref().unwrap_or("")));
        s.rows.push(vec![
            text(&p.steunpunt),
            Cell::text(severity(p.severity)),
            Cell::text(p.kind.title()),
            Cell::text(p.at.as_ref().map_or(String::new(), |a| safe_text(&a.file))),
            Cell::text(p.at.as_ref().map_or(String::new(), |a| safe_text(&a.sheet))),
            p.at.as_ref().map_or(Cell::Empty, |a| Cell::Number(f64::from(a.row))),
            text(&p.column),
            text(&p.value),
            text(&p.v_nummer),
            text(&p.name),
            Cell::text(safe_text(&p.message)),
        ]);
    }
    s
}

pub fn xlsx(result: &CheckResult, steunpunt: Option<&str>, created: Date) -> Result<Vec<u8>, String> {
    crate::write::xlsx::write(&[sheet(result, steunpunt)], created).map_err(|e| e.to_string())
}

pub fn csv(result: &CheckResult, steunpunt: Option<&str>) -> Vec<u8> {
    csv::write(
        &sheet(result, steunpunt),
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
