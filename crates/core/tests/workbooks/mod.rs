//! Workbooks written here for the tests (synthetic): a CSV as an xlsx or an xls whose date
//! columns hold real dates, in the 1900 or the 1904 date system.

#![allow(dead_code)]

pub mod xls;
pub mod xlsb;

use std::io::Write;

use perspectief_core::ingest::table::column_letter;
use perspectief_core::ingest::values::{parse_date, DateOrder};

/// Days from 30-12-1899 (the 1900 system's day 0) to 1-1-1970, and from the 1900 system to 1904's.
pub const EPOCH_1970: i64 = 25_569;
pub const SYSTEM_1904: i64 = 1_462;

/// A Dutch date's serial day number in the 1900 or the 1904 system.
pub fn serial(value: &str, date1904: bool) -> Option<f64> {
    let d = parse_date(value, DateOrder::DayFirst)?;
    Some((d.days() + EPOCH_1970 - if date1904 { SYSTEM_1904 } else { 0 }) as f64)
}

pub fn zip(entries: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The CSV as a workbook whose date columns hold real dates (style 1: numFmt 14), counted in
/// the 1904 system when `date1904`.
pub fn xlsx_from_csv(csv: &str, date1904: bool) -> Vec<u8> {
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(';').collect()).collect();
    let dated: Vec<bool> = lines[0].iter().map(|h| h.to_lowercase().contains("datum")).collect();
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (i, row) in lines.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, i + 1));
        for (j, value) in row.iter().enumerate() {
            let at = format!("{}{}", column_letter(j as u32), i + 1);
            let date = (i > 0 && dated[j])
                .then(|| parse_date(value, DateOrder::DayFirst))
                .flatten();
            match date {
                Some(d) => {
                    let serial = d.days() + EPOCH_1970 - if date1904 { SYSTEM_1904 } else { 0 };
                    sheet.push_str(&format!(r#"<c r="{at}" s="1"><v>{serial}</v></c>"#));
                }
                None if !value.is_empty() => {
                    let text = value.replace('&', "&amp;").replace('<', "&lt;");
                    sheet.push_str(&format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#));
                }
                None => {}
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let pr = if date1904 { r#"<workbookPr date1904="1"/>"# } else { "" };
    zip(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">{pr}<sheets><sheet name="Registratie" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into()),
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#.into()),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

/// A CSV (`;`-separated, first line the header) as cells: columns whose header contains "datum"
/// hold dates as serials of the chosen date system, everything else stays text as typed.
pub fn csv_rows(csv: &str, date1904: bool) -> Vec<Vec<xls::Value>> {
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(';').collect()).collect();
    let dated: Vec<bool> = lines[0].iter().map(|h| h.to_lowercase().contains("datum")).collect();
    lines
        .iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .enumerate()
                .map(|(j, v)| {
                    match (i > 0 && dated.get(j) == Some(&true))
                        .then(|| serial(v, date1904))
                        .flatten()
                    {
                        Some(s) => xls::Value::Date(s),
                        None => xls::Value::Text(v.to_string()),
                    }
                })
                .collect()
        })
        .collect()
}
