//! Rows of a table into records: every mapped value parsed by its field's
//! type, unrecognised values kept and counted per column, provenance on every row.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::kind::FileKind;

use super::dictionary::Dictionary;
use super::fields::{Field, ValueType};
use super::grid::Cell;
use super::table::SheetTable;
use super::values::{self, DateOrder, YesNo};
use crate::date::Date;

/// Where a record came from: as a worker finds it in Excel.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Provenance {
    /// Shared by every record of a file (a million copies of a name would cost megabytes).
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    /// Spreadsheet row number (1-based, as Excel shows it).
    pub row: u32,
}

/// A parsed value: at most two words (no allocation of its own for codes, and
/// text shared by every equal cell of its column).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// Dictionary-coded per column ([`Dictionary`]).
    Text(Arc<str>),
    Date(Date),
    Count(u32),
    /// The data dictionary's code.
    Code(&'static str),
    YesNo(YesNo),
    /// A value that matched nothing: kept as typed.
    Unrecognised(Box<str>),
}

impl Value {
    /// Text, code or unrecognised value as typed; `None` for dates, counts and yes/no.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            Value::Code(c) => Some(c),
            Value::Unrecognised(u) => Some(u),
            _ => None,
        }
    }
}

/// The V-nummer cell as it was in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawId {
    pub text: String,
    /// Stored as a number in a spreadsheet (a leading zero may be lost).
    pub numeric: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub provenance: Provenance,
    pub v_nummer: Option<RawId>,
    pub values: Values,
    /// Every cell of an unmapped column as text (nothing is dropped); for characteristics and
    /// rows that are not persons every cell. Mapped cells of persons are in `values` only (empty
    /// here), and a person without unmapped cells has none at all.
    pub cells: Vec<String>,
}

/// A record's recognised values by field, as a short sorted list: a map per record
/// costs several times as much memory at a million rows.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Values(Vec<(Field, Value)>);

impl Values {
    pub fn new() -> Values {
        Values(Vec::new())
    }

    pub fn get(&self, f: &Field) -> Option<&Value> {
        self.0.binary_search_by_key(f, |(k, _)| *k).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, f: &Field) -> bool {
        self.get(f).is_some()
    }

    /// Set a field's value (replacing an earlier one).
    pub fn insert(&mut self, f: Field, v: Value) {
        match self.0.binary_search_by_key(&f, |(k, _)| *k) {
            Ok(i) => self.0[i].1 = v,
            Err(i) => self.0.insert(i, (f, v)),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Field, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    fn shrink(&mut self) {
        self.0.shrink_to_fit();
    }
}

impl Record {
    pub fn date(&self, f: Field) -> Option<Date> {
        match self.values.get(&f) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn code(&self, f: Field) -> Option<&str> {
        match self.values.get(&f) {
            Some(Value::Code(c)) => Some(c),
            _ => None,
        }
    }

    pub fn text(&self, f: Field) -> Option<&str> {
        match self.values.get(&f) {
            Some(Value::Text(t)) => Some(t),
            _ => None,
        }
    }

    /// False for rows that are not clients: no V-nummer and no name, or a
    /// totals/remarks line (a word or a sentence where the V-nummer goes, and
    /// no name or only a number beside it).
    pub fn is_person(&self) -> bool {
        let name = self.name();
        let Some(v) = &self.v_nummer else {
            return name.is_some();
        };
        let name_blank_or_number = name.as_deref().is_none_or(|n| super::values::parse_number(n).is_some());
        let has_digit = v.text.chars().any(|c| c.is_ascii_digit());
        let words = v.text.split_whitespace().count();
        // A count where the V-nummer goes (a totals line): far too short for any registration number.
        let short_number = v.text.trim().len() < 5 && v.text.trim().chars().all(|c| c.is_ascii_digit());
        !(name_blank_or_number && (!has_digit || words > 2 || short_number))
    }

    /// The name: the naam column, or voornaam + tussenvoegsel + achternaam.
    pub fn name(&self) -> Option<String> {
        if let Some(n) = self.text(Field::Naam) {
            return Some(n.to_string());
        }
        let parts: Vec<&str> = [Field::Voornaam, Field::Tussenvoegsel, Field::Achternaam]
            .iter()
            .filter_map(|f| self.text(*f))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

/// What was found in one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnReport {
    pub header: String,
    pub letter: String,
    pub field: Option<Field>,
    pub filled: usize,
    pub recognised: usize,
    /// Unrecognised value → (count, first rows).
    pub unrecognised: BTreeMap<String, (usize, Vec<u32>)>,
    /// For date columns: the order used, and whether the data decided it.
    pub date_order: Option<DateOrder>,
    pub samples: Vec<String>,
}

/// Decide day-first or month-first from the values themselves.
fn date_order(cells: &[&Cell]) -> (DateOrder, bool) {
    let (mut day_first, mut month_first) = (0, 0);
    for c in cells {
        if let Cell::Text(s) = c {
            if let Some((a, b, _)) = values::numeric_parts(s) {
                if a > 12 && b <= 12 {
                    day_first += 1;
                }
                if b > 12 && a <= 12 {
                    month_first += 1;
                }
            }
        }
    }
    if month_first > 0 && day_first == 0 {
        (DateOrder::MonthFirst, true)
    } else {
        (DateOrder::DayFirst, day_first > 0)
    }
}

fn parse(value: ValueType, cell: &Cell, order: DateOrder, dictionary: &mut Dictionary) -> Option<Value> {
    let text = cell.as_text();
    match value {
        ValueType::Text | ValueType::Country | ValueType::Id => Some(Value::Text(dictionary.get(&text))),
        ValueType::Date => match cell {
            Cell::Date(d) => Some(Value::Date(*d)),
            Cell::Number(x) if (10_000.0..80_000.0).contains(x) => values::date_from_serial(*x).map(Value::Date),
            Cell::Text(s) => values::parse_date(s, order)
                .or_else(|| {
                    values::parse_number(s)
                        .filter(|x| (10_000.0..80_000.0).contains(x))
                        .and_then(values::date_from_serial)
                })
                .map(Value::Date),
            _ => None,
        },
        ValueType::Count => values::parse_count(&text).map(Value::Count),
        ValueType::YesNo => values::parse_yes_no(&text).map(Value::YesNo),
        ValueType::YesNoOrCount => values::parse_yes_no(&text).map(Value::YesNo).or_else(|| {
            values::parse_count(&text).map(|n| {
                if n == 0 {
                    Value::YesNo(YesNo::Nee)
                } else {
                    Value::Count(n)
                }
            })
        }),
        ValueType::Code(set) => values::parse_code(set, &text).map(Value::Code),
    }
}

/// Parse every row of `table`; returns the records and one report per column.
pub fn records(file: &str, table: &SheetTable) -> (Vec<Record>, Vec<ColumnReport>) {
    let mut reports: Vec<ColumnReport> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let cells: Vec<&Cell> = table.rows.iter().map(|(_, r)| &r[i]).collect();
            let is_date = c.field.is_some_and(|f| f.info().value == ValueType::Date);
            let mut samples: Vec<String> = Vec::new();
            // Up to five distinct samples from the first thousand filled cells.
            for cell in cells.iter().filter(|c| !c.is_empty()).take(1000) {
                let t = cell.to_text();
                if !samples.contains(&t) {
                    samples.push(t);
                    if samples.len() == 5 {
                        break;
                    }
                }
            }
            ColumnReport {
                header: c.header.clone(),
                letter: c.letter.clone(),
                field: c.field,
                filled: 0,
                recognised: 0,
                unrecognised: BTreeMap::new(),
                date_order: is_date.then(|| date_order(&cells).0),
                samples,
            }
        })
        .collect();
    let mut out = Vec::with_capacity(table.rows.len());
    let (file_name, sheet_name): (Arc<str>, Arc<str>) = (file.into(), table.sheet.as_str().into());
    let mut dictionaries: Vec<Dictionary> = table.columns.iter().map(|_| Dictionary::default()).collect();
    for (row, cells) in &table.rows {
        let mut record = Record {
            provenance: Provenance {
                file: file_name.clone(),
                sheet: sheet_name.clone(),
                row: *row,
            },
            v_nummer: None,
            values: Values::new(),
            cells: Vec::new(),
        };
        for (i, col) in table.columns.iter().enumerate() {
            let cell = &cells[i];
            let Some(field) = col.field else { continue };
            if cell.is_empty() {
                continue;
            }
            let report = &mut reports[i];
            report.filled += 1;
            if field == Field::VNummer {
                let numeric = matches!(cell, Cell::Number(_));
                record.v_nummer = Some(RawId {
                    text: cell.to_text(),
                    numeric,
                });
                report.recognised += 1;
                continue;
            }
            let order = report.date_order.unwrap_or_default();
            match parse(field.info().value, cell, order, &mut dictionaries[i]) {
                Some(v) => {
                    report.recognised += 1;
                    record.values.insert(field, v);
                }
                None => {
                    let text = cell.as_text();
                    let entry = report.unrecognised.entry(text.to_string()).or_insert((0, Vec::new()));
                    entry.0 += 1;
                    if entry.1.len() < 10 {
                        entry.1.push(*row);
                    }
                    record.values.insert(field, Value::Unrecognised(text.into()));
                }
            }
        }
        // Characteristics keep every cell (the sets sheet is read by position), and so do rows
        // that are not persons (their text is shown); for the persons of registrations and
        // extracts a mapped cell is in `values` only: a million rows would hold it twice.
        record.values.shrink();
        let every_cell = table.kind == FileKind::Characteristics || !record.is_person();
        let kept = |i: usize| every_cell || table.columns[i].field.is_none();
        if (0..cells.len()).any(|i| kept(i) && !cells[i].is_empty()) {
            record.cells = (0..cells.len())
                .map(|i| if kept(i) { cells[i].to_text() } else { String::new() })
                .collect();
        }
        out.push(record);
    }
    (out, reports)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::grid::Grid;
    use crate::ingest::table::find_table;

    fn grid(rows: Vec<Vec<Cell>>) -> Grid {
        Grid {
            sheet: "Blad1".into(),
            first_row: 1,
            first_col: 0,
            rows,
        }
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn values_are_parsed_and_unrecognised_ones_kept_and_counted() {
        let mut g = grid(vec![
            vec![
                t("V-nummer"),
                t("Naam"),
                t("Geslacht"),
                t("Datum instroom"),
                t("Resultaat"),
                t("Uren"),
            ],
            vec![
                Cell::Number(123456789.0),
                t("A"),
                t("jongen"),
                Cell::Number(40087.0),
                t("vergunning"),
                t("12,5"),
            ],
            vec![t("0123456780"), t("B"), t("x"), t("13-10-2009"), t("ontslagen"), t("3")],
            vec![t("0123456781"), t("C"), t("V"), t("1 okt 2009"), t("ontslagen"), t("")],
        ]);
        let table = find_table(&mut g, None).unwrap();
        let (recs, reports) = records("f.xlsx", &table);
        assert_eq!(recs.len(), 3);
        assert_eq!(
            recs[0].v_nummer,
            Some(RawId {
                text: "123456789".into(),
                numeric: true
            })
        );
        assert_eq!(recs[0].code(Field::Geslacht), Some("M"));
        assert_eq!(recs[0].date(Field::DatumInstroom), Date::new(2009, 10, 1));
        assert_eq!(recs[1].date(Field::DatumInstroom), Date::new(2009, 10, 13));
        assert_eq!(recs[0].code(Field::Resultaat), Some("Verblijfsvergunning"));
        assert_eq!(
            recs[1].values.get(&Field::Geslacht),
            Some(&Value::Unrecognised("x".into()))
        );
        let result = reports.iter().find(|r| r.field == Some(Field::Resultaat)).unwrap();
        assert_eq!(result.unrecognised.get("ontslagen"), Some(&(2, vec![3, 4])));
        assert_eq!(recs[1].cells[5], "3", "unmapped columns are kept");
        assert_eq!(
            recs[2].provenance,
            Provenance {
                file: "f.xlsx".into(),
                sheet: "Blad1".into(),
                row: 4
            }
        );
    }

    #[test]
    fn month_first_columns_are_detected() {
        let mut g = grid(vec![
            vec![t("V-nummer"), t("Naam"), t("Geboortedatum")],
            vec![t("0123456789"), t("A"), t("10/25/1990")],
            vec![t("0123456780"), t("B"), t("3/4/1991")],
        ]);
        let table = find_table(&mut g, None).unwrap();
        let (recs, reports) = records("f.csv", &table);
        assert_eq!(reports[2].date_order, Some(DateOrder::MonthFirst));
        assert_eq!(recs[1].date(Field::Geboortedatum), Date::new(1991, 3, 4));
    }
}
