//! Grids of cells: the shape every reader (CSV, the workbooks) produces, and what
//! the rest of the ingest works on.

use serde::{Deserialize, Serialize};

pub use crate::table::Cell;

/// A sheet: `rows[i]` is spreadsheet row `first_row + i` (1-based numbering as in Excel).
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub sheet: String,
    pub first_row: u32,
    pub first_col: u32,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

/// A file read into grids, with what the reader noticed.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub file: String,
    pub format: Format,
    pub grids: Vec<Grid>,
    /// `;`, `,` or tab for CSV.
    pub delimiter: Option<u8>,
    pub encoding: Option<&'static str>,
    /// Notes for the import summary (mixed delimiters, decoded as Windows-1252…).
    pub notes: Vec<Note>,
}

/// Something the reader noticed and did, for the import summary (as data: `messages` says it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// Decoded as this encoding, not UTF-8.
    Encoding { encoding: String },
    /// NUL characters left out (a damaged file).
    NulRemoved { count: usize },
    /// Quotes that open a field and are not closed (within ten lines or at all), read as a
    /// character: the lines where they start (the first ten), and how many.
    OpenQuote { lines: Vec<usize>, total: usize },
    /// UTF-8 with invalid byte sequences on these lines (the first ten; `total` lines in all).
    InvalidUtf8 { lines: Vec<usize>, total: usize },
    /// Cells beyond Excel's last row or column, skipped.
    OutsideExcel { sheet: String, cells: usize },
    /// A sheet that could not be read (the reader's reason).
    SheetSkipped {
        sheet: String,
        damage: super::error::Damage,
    },
    /// A CSV line that could not be read (1-based).
    LineUnreadable { line: usize, detail: String },
    /// Lines with another delimiter than the file's: how many, the file's delimiter, the first ones.
    MixedDelimiters {
        lines: usize,
        delimiter: String,
        first: Vec<String>,
    },
}
