//! A plain table reader: a CSV with a header line, or the first sheet of a
//! workbook, into typed columns (a column whose every value is a number is
//! numeric). The full steunpunt readers build on this.

use std::fmt;
use std::io::Cursor;

use calamine::{Data, Reader};

use crate::chaid::data::TextBuilder;
use crate::chaid::RawColumn;

#[derive(Debug, Clone, PartialEq)]
pub enum PlainError {
    Csv { line: u64, message: String },
    Workbook(String),
    Empty,
}

impl fmt::Display for PlainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlainError::Csv { line, message } => {
                write!(f, "Regel {line} van het CSV-bestand is niet te lezen: {message}.")
            }
            PlainError::Workbook(m) => write!(
                f,
                "Het werkboek is niet te lezen ({m}). Sla het opnieuw op als .xlsx en probeer het nog eens."
            ),
            PlainError::Empty => write!(f, "Het bestand bevat geen kopregel met kolomnamen."),
        }
    }
}

impl std::error::Error for PlainError {}

/// Parse a number as people type it: `12.5`, `12,5`, `-3`, `1e3` (thousands separators are not guessed here).
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok().or_else(|| {
        if t.matches(',').count() == 1 && !t.contains('.') {
            t.replace(',', ".").parse().ok()
        } else {
            None
        }
    })
}

/// One column while reading: text interned as it comes, numbers kept while every value is one.
#[derive(Default)]
struct ColumnBuilder {
    text: TextBuilder,
    numbers: Option<Vec<Option<f64>>>,
    any: bool,
}

impl ColumnBuilder {
    fn new() -> ColumnBuilder {
        ColumnBuilder {
            numbers: Some(Vec::new()),
            ..ColumnBuilder::default()
        }
    }

    fn push(&mut self, value: Option<&str>) {
        let value = value.map(str::trim).filter(|s| !s.is_empty());
        self.any |= value.is_some();
        if let Some(numbers) = self.numbers.as_mut() {
            match value {
                None => numbers.push(None),
                Some(s) => match parse_number(s) {
                    Some(x) => numbers.push(Some(x)),
                    None => self.numbers = None,
                },
            }
        }
        self.text.push(value);
    }

    fn finish(self) -> RawColumn {
        match self.numbers {
            Some(numbers) if self.any => RawColumn::Number(numbers),
            _ => RawColumn::Text(self.text.finish()),
        }
    }
}

/// Columns of a CSV with a header line. `delimiter`: usually `,` or `;`.
pub fn csv_columns(bytes: &[u8], delimiter: u8) -> Result<Vec<(String, RawColumn)>, PlainError> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| PlainError::Csv {
            line: 1,
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    if header.is_empty() || header.iter().all(String::is_empty) {
        return Err(PlainError::Empty);
    }
    let mut cols: Vec<ColumnBuilder> = header.iter().map(|_| ColumnBuilder::new()).collect();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(PlainError::Csv {
                    line,
                    message: e.to_string(),
                });
            }
        }
        for (i, col) in cols.iter_mut().enumerate() {
            col.push(record.get(i));
        }
    }
    Ok(header.into_iter().zip(cols).map(|(h, c)| (h, c.finish())).collect())
}

/// Columns of the first sheet of an xlsx/xls/ods workbook (first row = header).
pub fn workbook_columns(bytes: &[u8]) -> Result<Vec<(String, RawColumn)>, PlainError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| PlainError::Workbook(e.to_string()))?;
    let first = book.sheet_names().first().cloned().ok_or(PlainError::Empty)?;
    let range = book
        .worksheet_range(&first)
        .map_err(|e| PlainError::Workbook(e.to_string()))?;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .ok_or(PlainError::Empty)?
        .iter()
        .map(|c| c.to_string().trim().to_string())
        .collect();
    let mut cols: Vec<ColumnBuilder> = header.iter().map(|_| ColumnBuilder::new()).collect();
    for row in rows {
        for (i, col) in cols.iter_mut().enumerate() {
            match row.get(i) {
                None | Some(Data::Empty) => col.push(None),
                Some(Data::Float(x)) => col.push(Some(&crate::chaid::data::number_label(*x))),
                Some(d) => col.push(Some(&d.to_string())),
            }
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
        let cols = csv_columns(csv, b',').unwrap();
        assert_eq!(cols[0], ("a".into(), RawColumn::Number(vec![Some(1.0), Some(2.0)])));
        assert_eq!(cols[1], ("b".into(), RawColumn::text([Some("x, y"), Some("z")])));
        assert_eq!(cols[2], ("c".into(), RawColumn::Number(vec![Some(2.5), None])));
    }

    #[test]
    fn decimal_comma_numbers() {
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("1.234,5"), None);
        assert_eq!(parse_number(" -3 "), Some(-3.0));
    }

    #[test]
    fn not_a_workbook_says_so() {
        let e = workbook_columns(b"%PDF-1.4 not a workbook").unwrap_err();
        assert!(e.to_string().starts_with("Het werkboek is niet te lezen"));
    }
}
