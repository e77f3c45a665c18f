//! A plain table reader: a CSV with a header line, or the first sheet of a
//! workbook, into typed columns (a column whose every value is a number is
//! numeric). The full steunpunt readers build on this.

use std::fmt;
use std::io::Cursor;

use calamine::{Data, Reader};

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
            PlainError::Csv { line, message } => write!(f, "Regel {line} van het CSV-bestand is niet te lezen: {message}."),
            PlainError::Workbook(m) => write!(f, "Het werkboek is niet te lezen ({m}). Sla het opnieuw op als .xlsx en probeer het nog eens."),
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

fn typed(name: String, cells: Vec<Option<String>>) -> (String, RawColumn) {
    let numeric = cells.iter().flatten().all(|s| parse_number(s).is_some())
        && cells.iter().any(Option::is_some);
    let col = if numeric {
        RawColumn::Number(
            cells
                .iter()
                .map(|c| c.as_deref().and_then(parse_number))
                .collect(),
        )
    } else {
        RawColumn::Text(cells)
    };
    (name, col)
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
    let mut cells: Vec<Vec<Option<String>>> = vec![Vec::new(); header.len()];
    for record in reader.records() {
        let record = record.map_err(|e| PlainError::Csv {
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        for (i, col) in cells.iter_mut().enumerate() {
            let v = record
                .get(i)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from);
            col.push(v);
        }
    }
    Ok(header
        .into_iter()
        .zip(cells)
        .map(|(h, c)| typed(h, c))
        .collect())
}

/// Columns of the first sheet of an xlsx/xls/ods workbook (first row = header).
pub fn workbook_columns(bytes: &[u8]) -> Result<Vec<(String, RawColumn)>, PlainError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| PlainError::Workbook(e.to_string()))?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or(PlainError::Empty)?;
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
    let mut cells: Vec<Vec<Option<String>>> = vec![Vec::new(); header.len()];
    for row in rows {
        for (i, col) in cells.iter_mut().enumerate() {
            let v = match row.get(i) {
                None | Some(Data::Empty) => None,
                Some(Data::Float(x)) => Some(crate::chaid::data::number_label(*x)),
                Some(d) => Some(d.to_string()).filter(|s| !s.trim().is_empty()),
            };
            col.push(v);
        }
    }
    Ok(header
        .into_iter()
        .zip(cells)
        .map(|(h, c)| typed(h, c))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_numbers() {
        let csv = b"\xEF\xBB\xBFa,b,c\n1,\"x, y\",2.5\n2,z,\n";
        let cols = csv_columns(csv, b',').unwrap();
        assert_eq!(
            cols[0],
            ("a".into(), RawColumn::Number(vec![Some(1.0), Some(2.0)]))
        );
        assert_eq!(
            cols[1],
            (
                "b".into(),
                RawColumn::Text(vec![Some("x, y".into()), Some("z".into())])
            )
        );
        assert_eq!(
            cols[2],
            ("c".into(), RawColumn::Number(vec![Some(2.5), None]))
        );
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
