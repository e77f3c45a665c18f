//! Workbooks (`.xlsx`) with rust_xlsxwriter, returned as bytes.
//!
//! The creation date is passed in (no clock), so the same input gives the
//! same bytes. In the browser the app enables rust_xlsxwriter's `wasm` feature.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::date::Date;
use crate::table::{Cell, Sheet};

fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year as u16, d.month, d.day)
}

/// Write `sheets` into one workbook. The first title row of a sheet is merged
/// across the header's width, as people do with titles in Excel.
pub fn write(sheets: &[Sheet], created: Date) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = excel_date(created)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_comment("Perspectief"),
    );
    let date_format = Format::new().set_num_format("dd-mm-yyyy");
    let bold = Format::new().set_bold();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(&sheet.name)?;
        let width = sheet.header.len().max(1) as u16;
        let header_row = sheet.title_rows.len();
        for (r, line) in sheet.lines().enumerate() {
            let row = r as u32;
            if r == 0 && header_row > 0 && width > 1 {
                if let Some(Cell::Text(title)) = line.first() {
                    ws.merge_range(row, 0, row, width - 1, title, &bold)?;
                    continue;
                }
            }
            for (c, cell) in line.iter().enumerate() {
                let col = c as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) if r == header_row => {
                        ws.write_string_with_format(row, col, s, &bold)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(row, col, s)?;
                    }
                    Cell::Number(x) => {
                        ws.write_number(row, col, *x)?;
                    }
                    Cell::Date(d) => {
                        ws.write_datetime_with_format(row, col, excel_date(*d)?, &date_format)?;
                    }
                    Cell::Bool(b) => {
                        ws.write_boolean(row, col, *b)?;
                    }
                    Cell::Error(e) => {
                        ws.write_string(row, col, e)?;
                    }
                }
            }
        }
        for c in 0..width {
            ws.set_column_width(c, 16)?;
        }
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn writes_sheets_that_calamine_reads_back() {
        let mut s = Sheet::new("Cliënten", vec!["V-nummer".into(), "Geboortedatum".into()]);
        s.title_rows
            .push(vec![Cell::text("Registratie steunpunt Zwolle (synthetisch)")]);
        s.rows.push(vec![
            Cell::Number(123_456_789.0),
            Cell::Date(Date::new(1990, 1, 1).unwrap()),
        ]);
        let created = Date::new(2026, 1, 1).unwrap();
        let bytes = write(&[s.clone(), Sheet::new("leeg", vec![])], created).unwrap();
        assert_eq!(
            bytes,
            write(&[s, Sheet::new("leeg", vec![])], created).unwrap(),
            "deterministic"
        );

        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["Cliënten", "leeg"]);
        let range = book.worksheet_range("Cliënten").unwrap();
        assert_eq!(
            range.get((0, 0)),
            Some(&Data::String("Registratie steunpunt Zwolle (synthetisch)".into()))
        );
        assert_eq!(range.get((1, 0)), Some(&Data::String("V-nummer".into())));
        assert_eq!(range.get((2, 0)), Some(&Data::Float(123_456_789.0)));
        match range.get((2, 1)) {
            Some(Data::DateTime(dt)) => assert_eq!(dt.as_f64(), 32874.0),
            other => panic!("expected a date, got {other:?}"),
        }
    }
}
