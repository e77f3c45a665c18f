//! Workbooks (`.xlsx`) with rust_xlsxwriter, returned as bytes.
//!
//! The creation date is passed in (no clock), so the same input gives the
//! same bytes. In the browser the app enables rust_xlsxwriter's `wasm` feature.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::date::Date;
use crate::locale::Locale;
use crate::table::{Cell, Sheet};

/// The most characters Excel holds in a cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What a cut cell ends with, in the workbook's language.
pub fn cut_marker(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => " … [afgekapt]",
        Locale::En => " … [cut]",
    }
}

/// The note under a sheet with a cut cell.
pub fn cut_note(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => "Eén of meer cellen waren langer dan Excel toestaat (32.767 tekens) en zijn afgekapt, te zien aan \"[afgekapt]\". De CSV-download bevat ze heel.",
        Locale::En => "One or more cells were longer than Excel allows (32,767 characters) and were cut, marked \"[cut]\". The CSV download holds them whole.",
    }
}

/// `text` as a cell can hold it: cut with the marker when longer than Excel allows.
fn fitted<'a>(text: &'a str, cut: &mut bool, locale: Locale) -> std::borrow::Cow<'a, str> {
    if text.chars().count() <= MAX_CELL_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    *cut = true;
    let marker = cut_marker(locale);
    let keep = MAX_CELL_CHARS - marker.chars().count();
    std::borrow::Cow::Owned(text.chars().take(keep).chain(marker.chars()).collect())
}

fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year as u16, d.month, d.day)
}

/// Write `sheets` into one workbook. The first title row of a sheet is merged
/// across the header's width, as people do with titles in Excel. `locale` is the language of
/// what the writer itself adds (the note under a sheet with a cut cell).
pub fn write(sheets: &[Sheet], created: Date, locale: Locale) -> Result<Vec<u8>, XlsxError> {
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
        let mut cut = false;
        let mut rows = 0;
        for (r, line) in sheet.lines().enumerate() {
            rows = r + 1;
            let row = r as u32;
            if r == 0 && header_row > 0 && width > 1 {
                if let Some(Cell::Text(title)) = line.first() {
                    ws.merge_range(row, 0, row, width - 1, fitted(title, &mut cut, locale).as_ref(), &bold)?;
                    continue;
                }
            }
            for (c, cell) in line.iter().enumerate() {
                let col = c as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) if r == header_row => {
                        ws.write_string_with_format(row, col, fitted(s, &mut cut, locale).as_ref(), &bold)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(row, col, fitted(s, &mut cut, locale).as_ref())?;
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
                        ws.write_string(row, col, fitted(e, &mut cut, locale).as_ref())?;
                    }
                }
            }
        }
        if cut {
            ws.write_string(rows as u32 + 1, 0, cut_note(locale))?;
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

    /// A cell over Excel's limit is cut with a marker and a note, in the workbook's language;
    /// the workbook is written.
    #[test]
    fn a_cell_longer_than_excel_allows_is_cut_visibly() {
        for (locale, marker, note) in [
            (Locale::Nl, "[afgekapt]", "afgekapt"),
            (Locale::En, "[cut]", "were cut"),
        ] {
            let mut s = Sheet::new("Lang", vec!["tekst".into()]);
            s.rows.push(vec![Cell::text("é".repeat(40_000))]);
            s.rows.push(vec![Cell::text("kort")]);
            let bytes = write(&[s], Date::new(2026, 12, 1).unwrap(), locale).unwrap();
            let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
            let range = book.worksheet_range("Lang").unwrap();
            let cell = range.get_value((1, 0)).unwrap().to_string();
            assert_eq!(cell.chars().count(), MAX_CELL_CHARS);
            assert!(cell.ends_with(marker), "{locale:?}");
            assert_eq!(range.get_value((2, 0)).unwrap().to_string(), "kort");
            let said = range.get_value((4, 0)).unwrap().to_string();
            assert!(said.contains(note) && said.contains(marker), "{said}");
        }
    }

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
        let bytes = write(&[s.clone(), Sheet::new("leeg", vec![])], created, Locale::Nl).unwrap();
        assert_eq!(
            bytes,
            write(&[s, Sheet::new("leeg", vec![])], created, Locale::Nl).unwrap(),
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
