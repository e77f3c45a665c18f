//! A plain table: the first sheet of any file the readers take, its first
//! row as the header, every column typed (a column whose every value is a
//! number is numeric). For analyses of arbitrary tables (the CHAID command).

use super::error::ReadError;
use super::grid::{self, Cell};
use super::values::parse_number;
use crate::chaid::data::TextBuilder;
use crate::chaid::RawColumn;

/// One column while reading: text interned as it comes, numbers kept while every value is one.
struct ColumnBuilder {
    text: TextBuilder,
    numbers: Option<Vec<Option<f64>>>,
    any: bool,
}

impl ColumnBuilder {
    fn new() -> ColumnBuilder {
        ColumnBuilder {
            text: TextBuilder::default(),
            numbers: Some(Vec::new()),
            any: false,
        }
    }

    fn push(&mut self, cell: Option<&Cell>) {
        match cell {
            Some(Cell::Number(x)) => self.push_value(Some(&Cell::Number(*x).to_text()), Some(*x)),
            Some(c) => self.push_text(Some(&c.to_text())),
            None => self.push_text(None),
        }
    }

    fn push_text(&mut self, value: Option<&str>) {
        let value = value.map(str::trim).filter(|s| !s.is_empty());
        // Only try numbers while the column can still be numeric.
        let number = if self.numbers.is_some() {
            value.and_then(parse_number)
        } else {
            None
        };
        self.push_value(value, number);
    }

    fn push_value(&mut self, text: Option<&str>, number: Option<f64>) {
        self.any |= text.is_some();
        if let Some(numbers) = self.numbers.as_mut() {
            match (text, number) {
                (None, _) => numbers.push(None),
                (Some(_), Some(x)) => numbers.push(Some(x)),
                (Some(_), None) => self.numbers = None,
            }
        }
        self.text.push(text);
    }

    fn finish(self) -> RawColumn {
        match self.numbers {
            Some(numbers) if self.any => RawColumn::Number(numbers),
            _ => RawColumn::Text(self.text.finish()),
        }
    }
}

/// The typed columns of the first sheet with data (first row = header).
/// Text files stream straight into the columns (no cell per value in between:
/// a million rows stay cheap); workbooks go through the grid reader.
pub fn columns(name: &str, bytes: &[u8]) -> Result<Vec<(String, RawColumn)>, ReadError> {
    let binary = bytes.is_empty()
        || [&b"PK"[..], &b"%PDF"[..], &[0xD0, 0xCF, 0x11, 0xE0][..]]
            .iter()
            .any(|m| bytes.starts_with(m));
    if !binary && (bytes.len() as u64) <= grid::DEFAULT_MAX_BYTES {
        if let Some(decoded) = super::text::decode(bytes) {
            return text_columns(name, &decoded.text);
        }
    }
    let source = grid::read(name, bytes, grid::DEFAULT_MAX_BYTES)?;
    let g = source
        .grids
        .iter()
        .find(|g| !g.rows.is_empty())
        .ok_or(ReadError::NoHeader { file: name.to_string() })?;
    let header: Vec<String> = g.rows[0].iter().map(Cell::to_text).collect();
    if header.iter().all(String::is_empty) {
        return Err(ReadError::NoHeader { file: name.to_string() });
    }
    let mut cols: Vec<ColumnBuilder> = header.iter().map(|_| ColumnBuilder::new()).collect();
    for row in &g.rows[1..] {
        for (i, col) in cols.iter_mut().enumerate() {
            col.push(row.get(i));
        }
    }
    Ok(header.into_iter().zip(cols).map(|(h, c)| (h, c.finish())).collect())
}

fn text_columns(name: &str, text: &str) -> Result<Vec<(String, RawColumn)>, ReadError> {
    let delimiter = super::text::sniff(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let no_header = || ReadError::NoHeader { file: name.to_string() };
    if !reader.read_record(&mut record).map_err(|_| no_header())? {
        return Err(no_header());
    }
    let header: Vec<String> = record.iter().map(|h| h.trim().to_string()).collect();
    if header.iter().all(String::is_empty) {
        return Err(no_header());
    }
    let mut cols: Vec<ColumnBuilder> = header.iter().map(|_| ColumnBuilder::new()).collect();
    // Rows that cannot be read are skipped; the full readers report them.
    while reader.read_record(&mut record).unwrap_or(false) {
        for (i, col) in cols.iter_mut().enumerate() {
            col.push_text(record.get(i));
        }
    }
    Ok(header.into_iter().zip(cols).map(|(h, c)| (h, c.finish())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_numbers() {
        let csv = b"\xEF\xBB\xBFa,b,c\n1,\"x, y\",2.5\n2,z,\n";
        let cols = columns("t.csv", csv).unwrap();
        assert_eq!(cols[0], ("a".into(), RawColumn::Number(vec![Some(1.0), Some(2.0)])));
        assert_eq!(cols[1], ("b".into(), RawColumn::text([Some("x, y"), Some("z")])));
        assert_eq!(cols[2], ("c".into(), RawColumn::Number(vec![Some(2.5), None])));
    }

    #[test]
    fn dutch_csv_with_decimal_commas() {
        let cols = columns("t.csv", b"uren;naam\n12,5;a\n3;b\n").unwrap();
        assert_eq!(cols[0], ("uren".into(), RawColumn::Number(vec![Some(12.5), Some(3.0)])));
    }

    #[test]
    fn not_a_workbook_says_so() {
        let e = columns("x.xlsx", b"%PDF-1.4 not a workbook").unwrap_err();
        assert!(e.to_string().starts_with("x.xlsx: dit is een PDF"));
    }
}
