//! A plain in-memory sheet: what the writers write and the demo generator builds.

use crate::date::Date;

/// One cell as a spreadsheet holds it (read by the readers, written by the writers).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A real spreadsheet date (xlsx: a number with a date format).
    Date(Date),
    Bool(bool),
    /// A formula error such as `#N/A` or `#REF!`.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text (numbers without a trailing `.0`, dates Dutch).
    pub fn to_text(&self) -> String {
        self.as_text().into_owned()
    }

    /// [`Cell::to_text`], borrowed where the cell holds text (no allocation per cell of a big file).
    pub fn as_text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s.trim()),
            Cell::Number(x) => Cow::Owned(crate::chaid::binning::number_label(*x)),
            Cell::Date(d) => Cow::Owned(d.dutch()),
            Cell::Bool(b) => Cow::Borrowed(if *b { "ja" } else { "nee" }),
            Cell::Error(e) => Cow::Borrowed(e),
        }
    }

    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::text(s)
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::text(s)
    }
}

/// A sheet: optional title lines above the header, the header, the rows,
/// and optional lines below (totals, remarks) as spreadsheets often have.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub title_rows: Vec<Vec<Cell>>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub footer_rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: impl Into<String>, header: Vec<String>) -> Sheet {
        Sheet {
            name: name.into(),
            header,
            ..Sheet::default()
        }
    }

    /// Every line in order: titles, header, rows, footer.
    pub fn lines(&self) -> impl Iterator<Item = std::borrow::Cow<'_, [Cell]>> {
        let header: Vec<Cell> = self.header.iter().map(|h| Cell::text(h.as_str())).collect();
        self.title_rows
            .iter()
            .map(|r| std::borrow::Cow::Borrowed(r.as_slice()))
            .chain(std::iter::once(std::borrow::Cow::Owned(header)))
            .chain(self.rows.iter().map(|r| std::borrow::Cow::Borrowed(r.as_slice())))
            .chain(
                self.footer_rows
                    .iter()
                    .map(|r| std::borrow::Cow::Borrowed(r.as_slice())),
            )
    }
}
