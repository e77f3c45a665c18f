//! The peildatum of an analysis file read back: its [`PEILDATUM_COLUMN`] (written by
//! [`AnalysisFile::sheet`](crate::analysis::AnalysisFile::sheet)), or the one the user gives, or
//! both when they agree. The durations in the file were computed with it, and a steunpunt computes
//! its own with the national file's, so a guess would make the two sides disagree.

use crate::analysis::PEILDATUM_COLUMN;
use crate::chaid::data::RawColumn;
use crate::date::Date;
use crate::ingest::values::{date_from_serial, parse_date, DateOrder};

use super::NationalError;

/// The file's peildatum, checked against `given` (`--peildatum`): either alone, or both equal.
/// Every filled cell of the column must be the same date (text as written, or a spreadsheet's
/// date number after the file was saved in Excel); rows are counted as a spreadsheet counts them
/// (the header is row 1).
pub fn resolve(columns: &[(&str, &RawColumn)], given: Option<Date>) -> Result<Date, NationalError> {
    let in_file = of_file(columns)?;
    match (in_file, given) {
        (Some(in_file), Some(given)) if in_file != given => Err(NationalError::PeildatumDiffers { in_file, given }),
        (Some(date), _) | (None, Some(date)) => Ok(date),
        (None, None) => Err(NationalError::NoPeildatum),
    }
}

/// The date in the file's peildatum column, `None` when it has none or the column is empty.
fn of_file(columns: &[(&str, &RawColumn)]) -> Result<Option<Date>, NationalError> {
    let Some((_, column)) = columns
        .iter()
        .find(|(n, _)| n.trim().eq_ignore_ascii_case(PEILDATUM_COLUMN))
    else {
        return Ok(None);
    };
    let mut found: Option<Date> = None;
    for index in 0..column.len() {
        let row = index + 2;
        let date = match column {
            RawColumn::Text(t) => match t.get(index) {
                None => continue,
                Some(s) => parse_date(s, DateOrder::DayFirst).ok_or_else(|| NationalError::PeildatumUnreadable {
                    row,
                    value: s.to_string(),
                })?,
            },
            RawColumn::Number(x) => match x[index] {
                None => continue,
                Some(n) => date_from_serial(n).ok_or_else(|| NationalError::PeildatumUnreadable {
                    row,
                    value: crate::write::csv::number_text(n, true),
                })?,
            },
        };
        match found {
            None => found = Some(date),
            Some(first) if first != date => {
                return Err(NationalError::PeildatumVaries {
                    first,
                    row,
                    other: date,
                })
            }
            Some(_) => {}
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text column as a reader makes it (blank cells are missing).
    fn text(values: &[&str]) -> RawColumn {
        RawColumn::text(values.iter().map(|v| Some(*v)))
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn the_column_gives_the_peildatum_in_any_form_a_spreadsheet_leaves() {
        let age = RawColumn::Number(vec![Some(19.0), Some(20.0), Some(21.0)]);
        for column in [
            text(&["2011-04-01", "2011-04-01", ""]),
            text(&["01-04-2011", "1-4-2011", "2011-04-01"]),
            RawColumn::Number(vec![
                Some(d(2011, 4, 1).excel_serial()),
                None,
                Some(d(2011, 4, 1).excel_serial()),
            ]),
        ] {
            let columns = [("leeftijd", &age), ("peildatum", &column)];
            assert_eq!(resolve(&columns, None), Ok(d(2011, 4, 1)));
            assert_eq!(
                resolve(&columns, Some(d(2011, 4, 1))),
                Ok(d(2011, 4, 1)),
                "the same date given"
            );
            assert_eq!(
                resolve(&columns, Some(d(2012, 4, 1))),
                Err(NationalError::PeildatumDiffers {
                    in_file: d(2011, 4, 1),
                    given: d(2012, 4, 1)
                })
            );
        }
    }

    #[test]
    fn without_the_column_the_given_date_is_needed() {
        let age = RawColumn::Number(vec![Some(19.0)]);
        let empty = text(&[""]);
        for columns in [
            vec![("leeftijd", &age)],
            vec![("leeftijd", &age), ("peildatum", &empty)],
        ] {
            assert_eq!(resolve(&columns, None), Err(NationalError::NoPeildatum));
            assert_eq!(resolve(&columns, Some(d(2011, 4, 1))), Ok(d(2011, 4, 1)));
        }
    }

    #[test]
    fn a_second_date_or_a_word_is_named_with_its_row() {
        let two = text(&["2011-04-01", "", "2011-04-02"]);
        assert_eq!(
            resolve(&[("peildatum", &two)], Some(d(2011, 4, 1))),
            Err(NationalError::PeildatumVaries {
                first: d(2011, 4, 1),
                row: 4,
                other: d(2011, 4, 2)
            })
        );
        let word = text(&["2011-04-01", "gisteren"]);
        assert_eq!(
            resolve(&[("peildatum", &word)], None),
            Err(NationalError::PeildatumUnreadable {
                row: 3,
                value: "gisteren".into()
            })
        );
    }
}
