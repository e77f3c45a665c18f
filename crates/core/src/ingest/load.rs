//! A dropped file, read whole: its kind, the tables of its sheets, their
//! records and column reports, and the steunpunt it belongs to.

use serde::{Deserialize, Serialize};

use super::error::ReadError;
use super::fields::Field;
use super::grid::{self, Format, Source};
use super::records::{records, ColumnReport, Record};
use super::steunpunt;
use super::table::{find_table, Column};
use crate::kind::FileKind;

/// One sheet that was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetSummary {
    pub sheet: String,
    pub header_row: u32,
    pub columns: Vec<Column>,
    pub reports: Vec<ColumnReport>,
    pub rows: usize,
    pub blank_rows: usize,
    pub title_lines: Vec<String>,
}

/// A column mapped by hand: part of the saved analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnOverride {
    pub sheet: String,
    /// Column index within the sheet's grid (as in [`Column::index`]).
    pub column: usize,
    /// `None`: do not use this column.
    pub field: Option<Field>,
}

/// A file after reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadedFile {
    pub name: String,
    pub format: Format,
    pub kind: FileKind,
    pub sheets: Vec<SheetSummary>,
    /// Sheets without a recognisable table, and why.
    pub skipped_sheets: Vec<String>,
    pub records: Vec<Record>,
    /// The steunpunt of a registration without a steunpunt column (file name or title).
    pub steunpunt: Option<String>,
    pub notes: Vec<super::cells::Note>,
}

/// Read a file and find its tables. `forced_kind` is the user's choice when the detection was wrong.
pub fn load(
    name: &str,
    bytes: &[u8],
    forced_kind: Option<FileKind>,
    known_steunpunten: &[String],
) -> Result<LoadedFile, ReadError> {
    load_mapped(name, bytes, forced_kind, known_steunpunten, &[])
}

/// [`load`] with columns mapped by hand (a field moved to another column is taken from the first).
pub fn load_mapped(
    name: &str,
    bytes: &[u8],
    forced_kind: Option<FileKind>,
    known_steunpunten: &[String],
    overrides: &[ColumnOverride],
) -> Result<LoadedFile, ReadError> {
    let mut source: Source = grid::read(name, bytes, grid::DEFAULT_MAX_BYTES)?;
    let mut sheets = Vec::new();
    let mut skipped = Vec::new();
    let mut all = Vec::new();
    let mut kind = forced_kind;
    let mut titles = Vec::new();
    for g in source.grids.iter_mut() {
        let label = if g.sheet.is_empty() {
            name.to_string()
        } else {
            format!("tabblad '{}'", g.sheet)
        };
        if g.rows.is_empty() {
            skipped.push(format!("{label}: leeg"));
            continue;
        }
        let Some(mut table) = find_table(g, kind) else {
            skipped.push(format!("{label}: geen kopregel met bekende kolomnamen"));
            continue;
        };
        // A workbook has one kind; the characteristics' `sets` sheet belongs to it.
        if kind.is_none() {
            kind = Some(table.kind);
        }
        for o in overrides.iter().filter(|o| o.sheet == table.sheet) {
            if let Some(f) = o.field {
                for c in table.columns.iter_mut().filter(|c| c.field == Some(f)) {
                    c.field = None;
                }
            }
            if let Some(c) = table.columns.iter_mut().find(|c| c.index == o.column) {
                c.field = o.field;
            }
        }
        let (recs, reports) = records(name, &table);
        titles.extend(table.title_lines.iter().cloned());
        sheets.push(SheetSummary {
            sheet: table.sheet.clone(),
            header_row: table.header_row,
            columns: table.columns.clone(),
            reports,
            rows: table.rows.len(),
            blank_rows: table.blank_rows,
            title_lines: table.title_lines.clone(),
        });
        all.extend(recs);
    }
    let Some(kind) = kind else {
        return Err(ReadError::NoHeader { file: name.to_string() });
    };
    let has_column = sheets
        .iter()
        .any(|s| s.columns.iter().any(|c| c.field == Some(Field::Steunpunt)));
    let steunpunt = if kind == FileKind::Registration && !has_column {
        steunpunt::find(name, known_steunpunten)
            .or_else(|| titles.iter().find_map(|t| steunpunt::find(t, known_steunpunten)))
            .map(String::from)
    } else {
        None
    };
    Ok(LoadedFile {
        name: name.to_string(),
        format: source.format,
        kind,
        sheets,
        skipped_sheets: skipped,
        records: all,
        steunpunt,
        notes: source.notes,
    })
}
