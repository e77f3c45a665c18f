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

/// A file after reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub notes: Vec<String>,
}

/// Read a file and find its tables. `forced_kind` is the user's choice when the detection was wrong.
pub fn load(
    name: &str,
    bytes: &[u8],
    forced_kind: Option<FileKind>,
    known_steunpunten: &[String],
) -> Result<LoadedFile, ReadError> {
    let source: Source = grid::read(name, bytes, grid::DEFAULT_MAX_BYTES)?;
    let mut sheets = Vec::new();
    let mut skipped = Vec::new();
    let mut all = Vec::new();
    let mut kind = forced_kind;
    let mut titles = Vec::new();
    for g in &source.grids {
        let label = if g.sheet.is_empty() {
            name.to_string()
        } else {
            format!("tabblad '{}'", g.sheet)
        };
        if g.rows.is_empty() {
            skipped.push(format!("{label}: leeg"));
            continue;
        }
        let Some(table) = find_table(g, kind) else {
            skipped.push(format!("{label}: geen kopregel met bekende kolomnamen"));
            continue;
        };
        // A workbook has one kind; the characteristics' `sets` sheet belongs to it.
        if kind.is_none() {
            kind = Some(table.kind);
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
        return Err(ReadError::NoHeader {
            file: name.to_string(),
        });
    };
    let has_column = sheets
        .iter()
        .any(|s| s.columns.iter().any(|c| c.field == Some(Field::Steunpunt)));
    let steunpunt = if kind == FileKind::Registration && !has_column {
        steunpunt::find(name, known_steunpunten)
            .or_else(|| {
                titles
                    .iter()
                    .find_map(|t| steunpunt::find(t, known_steunpunten))
            })
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
