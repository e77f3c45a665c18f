//! Finding the table in a sheet: the header row below any title rows (with
//! merged header cells), the columns and their fields, the data rows.

use serde::{Deserialize, Serialize};

use super::fields::{field_for_header, Field, FIELDS};
use super::fold::fold;
use super::grid::{Cell, Grid};
use crate::kind::FileKind;

/// A column of a table: where it is, what it is called, which field it maps to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Index within the grid's rows.
    pub index: usize,
    /// Spreadsheet column letter (`A`, `B`, … `AA`).
    pub letter: String,
    pub header: String,
    pub field: Option<Field>,
}

/// The table found in one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetTable {
    pub sheet: String,
    /// Spreadsheet row number of the header (1-based).
    pub header_row: u32,
    pub title_lines: Vec<String>,
    pub columns: Vec<Column>,
    /// (spreadsheet row number, cells by column index of `columns`).
    pub rows: Vec<(u32, Vec<Cell>)>,
    pub blank_rows: usize,
    pub kind: FileKind,
}

/// `0` → `A`, `26` → `AA`.
pub fn column_letter(mut index: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII")
}

fn text_at(row: &[Cell], c: usize) -> String {
    row.get(c).map(Cell::to_text).unwrap_or_default()
}

/// Header names of row `r`, using the row above for merged cells: an empty
/// header cell takes the text above it; a header that maps to nothing on its
/// own may map together with the (merged, so carried right) text above it.
/// [`field_for_header`] remembered per text and kind while one grid's header row is sought:
/// thirty candidate rows, two kinds and composed headers ask for the same texts many times.
#[derive(Default)]
struct HeaderMemo(std::collections::HashMap<(String, FileKind), Option<Field>>);

impl HeaderMemo {
    fn field(&mut self, header: &str, kind: FileKind) -> Option<Field> {
        if let Some(&known) = self.0.get(&(header.to_string(), kind)) {
            return known;
        }
        let field = field_for_header(header, kind);
        self.0.insert((header.to_string(), kind), field);
        field
    }
}

fn composed_headers(grid: &Grid, r: usize, width: usize, kind: FileKind, memo: &mut HeaderMemo) -> Vec<String> {
    let row = &grid.rows[r];
    let above: Vec<String> = if r > 0 {
        let mut carried = String::new();
        (0..width)
            .map(|c| {
                let t = text_at(&grid.rows[r - 1], c);
                if !t.is_empty() {
                    carried = t;
                }
                carried.clone()
            })
            .collect()
    } else {
        vec![String::new(); width]
    };
    (0..width)
        .map(|c| {
            let own = text_at(row, c);
            if own.is_empty() {
                let up = r.checked_sub(1).map(|p| text_at(&grid.rows[p], c)).unwrap_or_default();
                return up;
            }
            if memo.field(&own, kind).is_none() && !above[c].is_empty() {
                let joined = format!("{} {}", above[c], own);
                if memo.field(&joined, kind).is_some() {
                    return joined;
                }
            }
            own
        })
        .collect()
}

fn national_only(f: Field) -> bool {
    let kinds = f.info().kinds;
    kinds == [FileKind::National]
}

fn registration_only(f: Field) -> bool {
    f.info().kinds.contains(&FileKind::Registration) && !f.info().kinds.contains(&FileKind::National)
}

/// Which kind a set of headers describes, and how many headers map for it.
pub fn kind_of(headers: &[String]) -> Option<(FileKind, usize)> {
    kind_of_with(headers, &mut HeaderMemo::default())
}

fn kind_of_with(headers: &[String], memo: &mut HeaderMemo) -> Option<(FileKind, usize)> {
    let mut fields = |kind| headers.iter().filter_map(|h| memo.field(h, kind)).collect::<Vec<_>>();
    let reg = fields(FileKind::Registration);
    let nat = fields(FileKind::National);
    let nat_only = nat.iter().filter(|f| national_only(**f)).count();
    let reg_only = reg
        .iter()
        .filter(|f| registration_only(**f) && **f != Field::Steunpunt)
        .count();
    let has_id =
        |fs: &[Field]| fs.contains(&Field::VNummer) || fs.contains(&Field::Naam) || fs.contains(&Field::Achternaam);
    if nat_only >= 2 && nat_only > reg_only && has_id(&nat) {
        return Some((FileKind::National, nat.len()));
    }
    // A linkage file of the extract: keyed encodings and the nationality it is checked on, no
    // field of a registration (`anonymise::linkage_file` always writes that column).
    if nat_only >= 1 && reg_only == 0 && nat.contains(&Field::GeboortedatumPseudoniem) && has_id(&nat) {
        return Some((FileKind::National, nat.len()));
    }
    if reg.len() >= 2 && has_id(&reg) {
        return Some((FileKind::Registration, reg.len()));
    }
    let first = headers.iter().find(|h| !h.trim().is_empty()).map(|h| fold(h));
    if first.as_deref() == Some("steunpunt") && headers.iter().filter(|h| !h.trim().is_empty()).count() >= 3 {
        return Some((FileKind::Characteristics, 1));
    }
    if headers
        .iter()
        .take(2)
        .map(|h| fold(h))
        .collect::<Vec<_>>()
        .starts_with(&["variable".into(), "set".into()])
    {
        return Some((FileKind::Characteristics, 1));
    }
    None
}

/// Find the header row (within the first 30 rows) and the table below it.
/// `forced` fixes the kind (when the user changed it).
/// The table of a grid; its rows' cells are moved out of the grid (a large file is not
/// held twice).
pub fn find_table(grid: &mut Grid, forced: Option<FileKind>) -> Option<SheetTable> {
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return None;
    }
    let mut best: Option<(usize, FileKind, usize, Vec<String>)> = None;
    let mut memo = HeaderMemo::default();
    for r in 0..grid.rows.len().min(30) {
        for kind in [FileKind::Registration, FileKind::National] {
            let headers = composed_headers(grid, r, width, kind, &mut memo);
            let Some((k, score)) = kind_of_with(&headers, &mut memo) else {
                continue;
            };
            if forced.is_some_and(|f| f != k) {
                continue;
            }
            if best.as_ref().is_none_or(|b| score > b.2) {
                best = Some((r, k, score, headers));
            }
        }
    }
    let (r, kind, _, headers) = best.or_else(|| {
        // A forced kind without recognisable headers: the first row with two or more texts.
        let f = forced?;
        let r = grid
            .rows
            .iter()
            .position(|row| row.iter().filter(|c| matches!(c, Cell::Text(_))).count() >= 2)?;
        Some((r, f, 0, (0..width).map(|c| text_at(&grid.rows[r], c)).collect()))
    })?;
    let title_lines = grid.rows[..r]
        .iter()
        .map(|row| {
            row.iter()
                .map(Cell::to_text)
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    // Columns: drop trailing (and other) columns with neither a header nor data (one pass
    // over the cells: a column at a time would read a million rows 16,384 times).
    let mut filled = vec![false; width];
    for row in &grid.rows[r + 1..] {
        for (c, x) in row.iter().enumerate() {
            filled[c] |= !x.is_empty();
        }
    }
    let has_data = |c: usize| filled[c];
    let mut used = std::collections::HashSet::new();
    let columns: Vec<Column> = (0..width)
        .filter(|&c| !headers[c].trim().is_empty() || has_data(c))
        .map(|c| {
            let letter = column_letter(grid.first_col + c as u32);
            let header = if headers[c].trim().is_empty() {
                format!("kolom {letter}")
            } else {
                headers[c].trim().to_string()
            };
            let field = if kind == FileKind::Characteristics {
                None
            } else {
                field_for_header(&header, kind).filter(|f| used.insert(*f))
            };
            Column {
                index: c,
                letter,
                header,
                field,
            }
        })
        .collect();
    let mut rows = Vec::new();
    let mut blank_rows = 0;
    for (i, row) in grid.rows.iter_mut().enumerate().skip(r + 1) {
        if row.iter().all(Cell::is_empty) {
            blank_rows += 1;
            continue;
        }
        let cells: Vec<Cell> = columns
            .iter()
            .map(|col| {
                row.get_mut(col.index)
                    .map_or(Cell::Empty, |c| std::mem::replace(c, Cell::Empty))
            })
            .collect();
        if cells.iter().all(Cell::is_empty) {
            blank_rows += 1;
            continue;
        }
        rows.push((grid.first_row + i as u32, cells));
    }
    Some(SheetTable {
        sheet: grid.sheet.clone(),
        header_row: grid.first_row + r as u32,
        title_lines,
        columns,
        rows,
        blank_rows,
        kind,
    })
}

/// Every field name, for the mapping screen.
pub fn field_keys(kind: FileKind) -> Vec<(Field, &'static str)> {
    FIELDS
        .iter()
        .filter(|i| i.kinds.contains(&kind))
        .map(|i| (i.field, i.key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            sheet: "Blad1".into(),
            first_row: 1,
            first_col: 0,
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|s| {
                            if s.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(s.to_string())
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16_383), "XFD");
    }

    #[test]
    fn header_below_title_rows_and_trailing_empty_columns() {
        let mut g = grid(&[
            &["Registratie Perspectief Zwolle", "", "", ""],
            &["", "", "", ""],
            &["V-nummer", "Naam", "Geboortedatum", ""],
            &["0123456789", "A. Test", "1-1-1990", ""],
            &["", "", "", ""],
            &["Totaal", "1", "", ""],
        ]);
        let t = find_table(&mut g, None).unwrap();
        assert_eq!(t.kind, FileKind::Registration);
        assert_eq!(t.header_row, 3);
        assert_eq!(t.title_lines, ["Registratie Perspectief Zwolle"]);
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].0, 4);
        assert_eq!(t.blank_rows, 1);
        assert_eq!(t.columns[2].field, Some(Field::Geboortedatum));
    }

    #[test]
    fn merged_header_cells() {
        // "Datum" merged over two columns above "instroom" and "uitstroom"; "V-nummer" merged down.
        let mut g = grid(&[
            &["V-nummer", "Naam", "Datum", ""],
            &["", "", "instroom", "uitstroom"],
            &["0123456789", "A. Test", "1-1-2010", ""],
        ]);
        let t = find_table(&mut g, None).unwrap();
        assert_eq!(t.header_row, 2);
        let fields: Vec<Option<Field>> = t.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [
                Some(Field::VNummer),
                Some(Field::Naam),
                Some(Field::DatumInstroom),
                Some(Field::DatumUitstroom)
            ]
        );
    }

    #[test]
    fn national_and_characteristics_are_told_apart() {
        let mut nat = grid(&[&[
            "V-nummer",
            "Naam",
            "Nationaliteit",
            "Datum eerste registratie",
            "Aantal VBM",
        ]]);
        assert_eq!(find_table(&mut nat, None).unwrap().kind, FileKind::National);
        let mut ch = grid(&[
            &["steunpunt", "organisatietype", "huiskamer"],
            &["Zwolle", "Stichting", "ja"],
        ]);
        assert_eq!(find_table(&mut ch, None).unwrap().kind, FileKind::Characteristics);
        let mut nothing = grid(&[&["a", "b"], &["1", "2"]]);
        assert!(find_table(&mut nothing, None).is_none());
    }
}
