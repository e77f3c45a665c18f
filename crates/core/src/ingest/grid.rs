//! From file bytes to grids of cells, one per sheet: xlsx/xls/ods through
//! calamine, CSV/TXT through the csv crate after decoding and sniffing.

use std::io::Cursor;

use calamine::{Data, Reader};

use crate::date::Date;

use super::error::{Damage, ReadError};
use super::text;

pub use super::cells::{Cell, Format, Grid, Note, Source};

/// The largest file the app reads (a browser tab cannot hold much more as cells).
pub const DEFAULT_MAX_BYTES: u64 = 150 * 1024 * 1024;

/// The most a workbook may unpack to (a million rows of ten columns unpack to about
/// 420 MB of sheet XML; reading twice that is about what the browser can hold).
pub const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;
/// The most an xlsx's shared strings part may unpack to: the reader holds every distinct text
/// of the workbook at once (Excel's own sheet of 1,048,576 rows with three distinct texts per
/// row stays well below it).
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 * 1024 * 1024;

/// The most rows with content a file may have (twice a national extract).
pub const MAX_ROWS: u64 = 2_000_000;

/// Lines with something other than blanks and delimiters: the rows a CSV reader would make
/// (a line break inside quotes counts once more; an overestimate is safe).
fn content_lines(text: &str) -> u64 {
    text.split('\n')
        .filter(|l| {
            l.bytes()
                .any(|b| !matches!(b, b' ' | b'\t' | b'\r' | b';' | b',' | b'|'))
        })
        .count() as u64
}

fn row_limit(file: &str, rows: u64) -> Result<(), ReadError> {
    if rows > MAX_ROWS {
        return Err(ReadError::TooManyRows {
            file: file.to_string(),
            rows,
            limit: MAX_ROWS,
        });
    }
    Ok(())
}

const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(pattern.len()).any(|w| w == pattern.as_slice())
}

/// Read a file. `name` is the file name as the user knows it (used in messages).
pub fn read(name: &str, bytes: &[u8], max_bytes: u64) -> Result<Source, ReadError> {
    let file = name.to_string();
    if bytes.is_empty() {
        return Err(ReadError::Empty { file });
    }
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge {
            file,
            bytes: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ReadError::Pdf { file });
    }
    if bytes.starts_with(&OLE2) || bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_workbook(name, bytes);
    }
    let decoded = text::decode(bytes).ok_or(ReadError::NotText { file: file.clone() })?;
    row_limit(&file, content_lines(&decoded.text))?;
    let delimiter = text::sniff(&decoded.text);
    let (line, columns) = text::widest_line(&decoded.text, delimiter);
    if columns > u64::from(EXCEL_COLUMNS) {
        return Err(ReadError::TooManyColumns {
            file: file.clone(),
            line,
            columns,
            limit: u64::from(EXCEL_COLUMNS),
        });
    }
    let (grid, mut notes) = text::csv_grid(&decoded.text, delimiter);
    if decoded.encoding != "UTF-8" {
        notes.insert(
            0,
            Note::Encoding {
                encoding: decoded.encoding.to_string(),
            },
        );
    }
    if let Some((lines, total)) = decoded.invalid_utf8.clone() {
        notes.push(Note::InvalidUtf8 { lines, total });
    }
    if decoded.nul_removed > 0 {
        notes.push(Note::NulRemoved {
            count: decoded.nul_removed,
        });
    }
    Ok(Source {
        file,
        format: Format::Csv,
        grids: vec![Grid {
            sheet: String::new(),
            ..grid
        }],
        delimiter: Some(delimiter),
        encoding: Some(decoded.encoding),
        notes,
    })
}

fn cell(d: Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Float(x) => Cell::Number(x),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Bool(b) => Cell::Bool(b),
        // A date as the workbook means it: calamine knows whether the workbook counts from 1900
        // or from 1904 (older Excel for Mac, `date1904`); the serial alone does not say.
        Data::DateTime(dt) if dt.is_datetime() => match super::values::date_from_serial(dt.as_f64()) {
            Some(_) => {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Date::new(i32::from(y), m, d).map_or(Cell::Number(dt.as_f64()), Cell::Date)
            }
            None => Cell::Number(dt.as_f64()),
        },
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => {
            super::values::parse_date(&s, super::values::DateOrder::DayFirst).map_or(Cell::Text(s), Cell::Date)
        }
        Data::DurationIso(s) => Cell::Text(s),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// Filled cells with their (row, column), 0-based.
type Placed = Vec<((u32, u32), Cell)>;

/// The non-empty cells a reader gives one by one, stopping one past the budget (enough to say
/// the sheet is too large).
fn collect_cells<'a, E>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<calamine::DataRef<'a>>>, E>,
) -> Result<Placed, E> {
    let mut cells = Vec::new();
    while cells.len() as u64 <= MAX_CELLS {
        let Some(c) = next()? else { break };
        let value = cell(Data::from(c.get_value().clone()));
        if !value.is_empty() {
            cells.push((c.get_position(), value));
        }
    }
    Ok(cells)
}

/// The filled cells of an xlsx sheet.
fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    sheet: &str,
) -> Result<Placed, calamine::XlsxError> {
    let mut reader = book.worksheet_cells_reader(sheet)?;
    collect_cells(|| reader.next_cell())
}

/// The same for xlsb, whose whole-sheet range would also span every cell's rectangle.
fn xlsb_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsb<RS>,
    sheet: &str,
) -> Result<Placed, calamine::XlsbError> {
    let mut reader = book.worksheet_cells_reader(sheet)?;
    collect_cells(|| reader.next_cell())
}

/// The most cells the rows of one file may take, each row as long as its last cell (about
/// 800 MB of cells): checked before the rows are made.
pub const MAX_CELLS: u64 = 25_000_000;
/// The most cells an Excel 97–2003 sheet holds (65,536 rows × 256 columns).
pub const MAX_XLS_CELLS: u64 = 65_536 * 256;

/// The cells the rows of `cells` would take (each from the sheet's first column to its last cell).
fn dense_size(cells: &Placed) -> u64 {
    let inside = |&(r, c): &(u32, u32)| r < EXCEL_ROWS && c < EXCEL_COLUMNS;
    let first_col = cells
        .iter()
        .filter(|(p, _)| inside(p))
        .map(|((_, c), _)| *c)
        .min()
        .unwrap_or(0);
    let mut last: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
    for ((r, c), _) in cells.iter().filter(|(p, _)| inside(p)) {
        let e = last.entry(*r).or_insert(*c);
        *e = (*e).max(*c);
    }
    last.values().map(|&c| u64::from(c - first_col) + 1).sum()
}

/// Excel's largest sheet: rows and columns.
const EXCEL_ROWS: u32 = 1_048_576;
const EXCEL_COLUMNS: u32 = 16_384;

/// A grid from cells at (row, column), 0-based: each row as long as its last cell, so
/// that empty space costs nothing. Cells outside Excel's sheet are left out and counted.
fn sparse_grid(sheet: String, cells: Placed) -> (Grid, usize) {
    let inside = |&(r, c): &(u32, u32)| r < EXCEL_ROWS && c < EXCEL_COLUMNS;
    let outside = cells.iter().filter(|(p, _)| !inside(p)).count();
    let (first_row, first_col) = cells
        .iter()
        .filter(|(p, _)| inside(p))
        .fold((u32::MAX, u32::MAX), |(r, c), ((pr, pc), _)| (r.min(*pr), c.min(*pc)));
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for ((r, c), value) in cells {
        if !inside(&(r, c)) {
            continue;
        }
        let (r, c) = ((r - first_row) as usize, (c - first_col) as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
    }
    let grid = Grid {
        sheet,
        first_row: if rows.is_empty() { 1 } else { first_row + 1 },
        first_col: if rows.is_empty() { 0 } else { first_col },
        rows,
    };
    (grid, outside)
}

/// What a reader's error means, in Dutch (the technical text when it is not one we know).
/// What is wrong inside a workbook, from the reader's own (English) message.
fn damage(detail: &str) -> Damage {
    let lower = detail.to_lowercase();
    if lower.contains("cannot detect file format") {
        Damage::UnknownFormat
    } else if lower.contains("worksheet") && lower.contains("not found") {
        Damage::MissingSheet
    } else if lower.contains("xml error") {
        Damage::Xml
    } else if lower.contains("zip") {
        Damage::Zip
    } else {
        Damage::Other(detail.to_string())
    }
}

/// A workbook: xls (OLE2, refused when encrypted) or a zip container (ods by its
/// mimetype, else xlsx), refused before unpacking when it unpacks to too much.
pub fn read_workbook(name: &str, bytes: &[u8]) -> Result<Source, ReadError> {
    let file = name.to_string();
    if bytes.starts_with(&OLE2) {
        if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
            return Err(ReadError::PasswordProtected { file });
        }
        // A DIMENSIONS record of a few bytes makes the xls reader reserve room for every cell it
        // declares (up to 280 trillion): counted first. A sheet of Excel 97–2003 holds at most
        // 65,536 × 256 cells.
        // The compound file is walked first as calamine will walk it: a loop or a link out of
        // the file would make calamine run without end, out of memory or out of bounds.
        match super::ole_stream::declared_cells(bytes) {
            Err(super::ole_stream::BrokenChain) => {
                return Err(ReadError::CorruptWorkbook {
                    file,
                    damage: Damage::CompoundFile,
                })
            }
            Ok(Some((sheet, cells))) if cells > MAX_XLS_CELLS => {
                return Err(ReadError::TooManyCells {
                    file,
                    sheet,
                    cells,
                    limit: MAX_XLS_CELLS,
                })
            }
            Ok(_) => {}
        }
        return workbook(name, bytes, Format::Xls);
    }
    if let Some(part) = super::unpacked::duplicate_entry(bytes) {
        return Err(ReadError::CorruptWorkbook {
            file,
            damage: Damage::DuplicateEntry(part),
        });
    }
    if let Some(unpacked) = super::unpacked::unpacked_size(bytes).filter(|&u| u > MAX_UNPACKED_BYTES) {
        return Err(ReadError::TooLargeUnpacked {
            file,
            bytes: unpacked,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    let shared = |suffix| super::unpacked::entry_size(bytes, suffix, MAX_SHARED_STRINGS_BYTES);
    if let Some(size) = shared("sharedStrings.xml")
        .max(shared("sharedStrings.bin"))
        .filter(|&s| s > MAX_SHARED_STRINGS_BYTES)
    {
        return Err(ReadError::TooLargeSharedStrings {
            file,
            bytes: size,
            limit: MAX_SHARED_STRINGS_BYTES,
        });
    }
    // xlsb: walked the way calamine reads it, which it does without checking lengths.
    if super::xlsb_walk::check(bytes).is_err() {
        return Err(ReadError::CorruptWorkbook {
            file,
            damage: Damage::BinaryWorkbook,
        });
    }
    let ods = bytes
        .windows(39)
        .take(200)
        .any(|w| w == b"mimetypeapplication/vnd.oasis.opendocum");
    if ods {
        // A repeated range declares cells the reader would make one by one: counted first.
        if let Some((sheet, cells)) = super::ods_cells::over_limit(bytes, MAX_CELLS) {
            return Err(ReadError::TooManyCells {
                file,
                sheet,
                cells,
                limit: MAX_CELLS,
            });
        }
    }
    workbook(name, bytes, if ods { Format::Ods } else { Format::Xlsx })
}

fn workbook(name: &str, bytes: &[u8], format: Format) -> Result<Source, ReadError> {
    let file = name.to_string();
    let corrupt = |detail: String| {
        let lower = detail.to_lowercase();
        if lower.contains("password") || lower.contains("encrypt") {
            ReadError::PasswordProtected { file: file.clone() }
        } else {
            ReadError::CorruptWorkbook {
                file: file.clone(),
                damage: damage(&detail),
            }
        }
    };
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| corrupt(e.to_string()))?;
    let names = book.sheet_names().to_vec();
    if names.is_empty() {
        return Err(ReadError::NoSheets { file });
    }
    let mut grids = Vec::new();
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut used = 0u64;
    for sheet in names {
        // xlsx and xlsb cell by cell: a range is as large as the rectangle around every cell, and one
        // stray cell in the far corner (XFD1048576) makes that 17 billion cells.
        let read = match &mut book {
            calamine::Sheets::Xlsx(x) => xlsx_cells(x, &sheet).map_err(|e| e.to_string()),
            calamine::Sheets::Xlsb(x) => xlsb_cells(x, &sheet).map_err(|e| e.to_string()),
            _ => book.worksheet_range(&sheet).map_err(|e| e.to_string()).map(|range| {
                let start = range.start().unwrap_or((0, 0));
                let cells = range
                    .cells()
                    .map(|(r, c, d)| ((start.0 + r as u32, start.1 + c as u32), cell(d.clone())));
                cells.filter(|(_, c)| !c.is_empty()).collect()
            }),
        };
        match read {
            Ok(cells) => {
                used += dense_size(&cells);
                if used > MAX_CELLS {
                    return Err(ReadError::TooManyCells {
                        file: file.clone(),
                        sheet,
                        cells: used,
                        limit: MAX_CELLS,
                    });
                }
                let (grid, outside) = sparse_grid(sheet, cells);
                if outside > 0 {
                    notes.push(Note::OutsideExcel {
                        sheet: grid.sheet.clone(),
                        cells: outside,
                    });
                }
                grids.push(grid);
            }
            Err(e) => {
                notes.push(Note::SheetSkipped {
                    sheet: sheet.clone(),
                    damage: damage(&e),
                });
                errors.push(e);
            }
        }
    }
    if grids.is_empty() {
        return Err(corrupt(errors.first().cloned().unwrap_or_default()));
    }
    let rows = grids
        .iter()
        .flat_map(|g| &g.rows)
        .filter(|r| r.iter().any(|c| !c.is_empty()));
    row_limit(name, rows.count() as u64)?;
    Ok(Source {
        file,
        format,
        grids,
        delimiter: None,
        encoding: None,
        notes,
    })
}
