//! Linkage files: a registration or the national extract with every direct
//! identifier replaced by keyed encodings (see `pseudonym`): the V-nummer's
//! pseudonym, the name's encoding, the birth date's pseudonym (and that of the
//! date with day and month swapped) and the birth year. Other dates are
//! rounded to the first of their month. Both sides make theirs with the same
//! secret; the researcher links the two without seeing a V-nummer.

use super::pseudonym::Keys;
use crate::check::vnummer::classify;
use crate::date::Date;
use crate::ingest::fields::{Field, ValueType, FIELDS};
use crate::ingest::load::LoadedFile;
use crate::ingest::records::{Record, Value};
use crate::ingest::values::YesNo;
use crate::kind::FileKind;
use crate::table::{Cell, Sheet};

/// The columns that identify a person directly: replaced, never copied.
const REPLACED: [Field; 7] = [
    Field::VNummer,
    Field::Naam,
    Field::Voornaam,
    Field::Tussenvoegsel,
    Field::Achternaam,
    Field::Geboortedatum,
    Field::Steunpunt,
];

fn cell(value: &Value) -> Cell {
    match value {
        Value::Text(_) | Value::Code(_) | Value::Unrecognised(_) => Cell::text(value.as_str().unwrap_or_default()),
        // Dates to the first of their month: an exact date identifies.
        Value::Date(d) => Date::new(d.year, d.month, 1).map_or(Cell::Empty, Cell::Date),
        Value::Count(n) => Cell::Number(f64::from(*n)),
        Value::YesNo(YesNo::Ja) => Cell::text("ja"),
        Value::YesNo(YesNo::Nee) => Cell::text("nee"),
        Value::YesNo(YesNo::Onbekend) => Cell::text("onbekend"),
    }
}

/// The linkage file of a loaded file as csv, and its name (`koppelbestand-<name>.csv`).
pub fn linkage_csv(file: &LoadedFile, keys: &Keys, made: Date) -> (String, Vec<u8>) {
    let stem = file.name.rsplit_once('.').map_or(file.name.as_str(), |(s, _)| s);
    let sheet = linkage_sheet(file, keys, made);
    (
        format!("koppelbestand-{stem}.csv"),
        crate::write::csv::write(&sheet, crate::write::csv::CsvStyle::default()),
    )
}

/// The linkage file of one loaded registration or national extract (persons only).
pub fn linkage_sheet(file: &LoadedFile, keys: &Keys, made: Date) -> Sheet {
    let persons: Vec<&Record> = file.records.iter().filter(|r| r.is_person()).collect();
    let registration = file.kind == FileKind::Registration;
    // The other fields this file has, in the dictionary's order.
    let fields: Vec<Field> = FIELDS
        .iter()
        .map(|i| i.field)
        .filter(|f| !REPLACED.contains(f) && *f != Field::Geslacht)
        .filter(|f| {
            !matches!(
                f,
                Field::GeboortedatumPseudoniem | Field::GeboortedatumOmgedraaid | Field::Geboortejaar
            )
        })
        .filter(|f| persons.iter().any(|r| r.values.contains_key(f)))
        .collect();
    let mut header: Vec<String> = Vec::new();
    if registration {
        header.push("steunpunt".into());
    }
    for h in [
        "pseudoniem_v_nummer",
        "naamcodering",
        "pseudoniem_geboortedatum",
        "pseudoniem_geboortedatum_omgedraaid",
        "geboortejaar",
        "geslacht",
    ] {
        header.push(h.into());
    }
    header.extend(fields.iter().map(|f| f.key().to_string()));
    let mut sheet = Sheet::new(
        if registration {
            "Koppelbestand"
        } else {
            "Koppelbestand landelijk"
        },
        header,
    );
    sheet.title_rows.push(vec![Cell::text(format!(
        "Koppelbestand met pseudoniemen, gemaakt met Perspectief op {}: geen V-nummers, namen of exacte datums \
         (andere datums op de eerste van de maand). Alleen te koppelen met bestanden die met hetzelfde geheim zijn gemaakt.",
        made.dutch()
    ))]);
    for r in persons {
        let mut row = Vec::with_capacity(sheet.header.len());
        if registration {
            let sp = r
                .text(Field::Steunpunt)
                .map(String::from)
                .or_else(|| file.steunpunt.clone());
            row.push(sp.map_or(Cell::Empty, Cell::text));
        }
        let v = classify(r.v_nummer.as_ref());
        row.push(v.usable().map_or(Cell::Empty, |v| Cell::text(keys.v_nummer(v))));
        row.push(r.name().map_or(Cell::Empty, |n| Cell::text(keys.name(&n).to_text())));
        let birth = r.date(Field::Geboortedatum);
        row.push(birth.map_or(Cell::Empty, |d| Cell::text(keys.birth_date(d))));
        let swapped = birth
            .and_then(|d| Date::new(d.year, d.day, d.month))
            .filter(|s| Some(*s) != birth);
        row.push(swapped.map_or(Cell::Empty, |d| Cell::text(keys.birth_date(d))));
        row.push(birth.map_or(Cell::Empty, |d| Cell::Number(f64::from(d.year))));
        row.push(r.code(Field::Geslacht).map_or(Cell::Empty, Cell::text));
        for f in &fields {
            row.push(r.values.get(f).map_or(Cell::Empty, cell));
        }
        sheet.rows.push(row);
    }
    debug_assert!(fields.iter().all(|f| f.info().value != ValueType::Id));
    sheet
}
