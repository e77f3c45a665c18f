//! A minimal Excel binary workbook (`.xlsb`: BIFF12 records in a zip), written here because no
//! tool on the build machine writes one: one sheet of text and number cells, numbers optionally
//! shown as dates (built-in format 14), in the 1900 or the 1904 date system. Written from the
//! public format documentation ([MS-XLSB]).

use super::xls::Value;

/// A record: its type and size as BIFF12's variable-length integers, then its data.
fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    if typ < 0x80 {
        out.push(typ as u8);
    } else {
        out.push((typ & 0x7F) as u8 | 0x80);
        out.push((typ >> 7) as u8);
    }
    let mut size = data.len();
    loop {
        let byte = (size & 0x7F) as u8;
        size >>= 7;
        if size == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
    out.extend(data);
}

/// A string as BIFF12 writes it: its length in UTF-16 units, then the units.
fn wide(s: &str) -> Vec<u8> {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut out = u32::try_from(units.len()).unwrap().to_le_bytes().to_vec();
    out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    out
}

fn workbook_bin(sheet: &str, date1904: bool) -> Vec<u8> {
    let mut out = Vec::new();
    record(&mut out, 0x0083, &[]); // BrtBeginBook
    let mut prop = vec![0u8; 12];
    prop[0] = u8::from(date1904);
    prop.extend(wide(""));
    record(&mut out, 0x0099, &prop); // BrtWbProp
    record(&mut out, 0x008F, &[]); // BrtBeginBundleShs
    let mut bundle = Vec::new();
    bundle.extend(0u32.to_le_bytes()); // visible
    bundle.extend(1u32.to_le_bytes()); // sheet id
    bundle.extend(wide("rId1"));
    bundle.extend(wide(sheet));
    record(&mut out, 0x009C, &bundle); // BrtBundleSh
    record(&mut out, 0x0090, &[]); // BrtEndBundleShs
    record(&mut out, 0x0084, &[]); // BrtEndBook
    out
}

fn styles_bin() -> Vec<u8> {
    let mut out = Vec::new();
    record(&mut out, 0x0116, &[]); // BrtBeginStyleSheet
    record(&mut out, 0x0269, &2u32.to_le_bytes()); // BrtBeginCellXFs
    for format in [0u16, 14] {
        let mut xf = vec![0u8; 16];
        xf[0..2].copy_from_slice(&0xFFFFu16.to_le_bytes());
        xf[2..4].copy_from_slice(&format.to_le_bytes());
        record(&mut out, 0x002F, &xf); // BrtXF
    }
    record(&mut out, 0x026A, &[]); // BrtEndCellXFs
    record(&mut out, 0x0117, &[]); // BrtEndStyleSheet
    out
}

fn sheet_bin(rows: &[Vec<Value>]) -> Vec<u8> {
    let mut out = Vec::new();
    record(&mut out, 0x0081, &[]); // BrtBeginSheet
    let width = rows.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let mut dim = Vec::new();
    for x in [0u32, rows.len().max(1) as u32 - 1, 0, width - 1] {
        dim.extend(x.to_le_bytes());
    }
    record(&mut out, 0x0094, &dim); // BrtWsDim
    record(&mut out, 0x0091, &[]); // BrtBeginSheetData
    for (r, row) in rows.iter().enumerate() {
        let mut hdr = (r as u32).to_le_bytes().to_vec();
        hdr.extend([0u8; 9]);
        record(&mut out, 0x0000, &hdr); // BrtRowHdr
        for (c, value) in row.iter().enumerate() {
            let mut d = (c as u32).to_le_bytes().to_vec();
            match value {
                Value::Text(t) if t.is_empty() => continue,
                Value::Text(t) => {
                    d.extend(0u32.to_le_bytes());
                    d.extend(wide(t));
                    record(&mut out, 0x0006, &d); // BrtCellSt
                }
                Value::Number(x) | Value::Date(x) => {
                    d.extend(u32::from(matches!(value, Value::Date(_))).to_le_bytes());
                    d.extend(x.to_le_bytes());
                    record(&mut out, 0x0005, &d); // BrtCellReal
                }
            }
        }
    }
    record(&mut out, 0x0092, &[]); // BrtEndSheetData
    record(&mut out, 0x0082, &[]); // BrtEndSheet
    out
}

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>"#;

/// A CSV (`;`-separated, first line the header) as an xlsb: columns whose header contains
/// "datum" hold dates as serials of the chosen date system, the rest stays text as typed.
pub fn from_csv(csv: &str, date1904: bool) -> Vec<u8> {
    let rows = super::csv_rows(csv, date1904);
    let parts: Vec<(&str, Vec<u8>)> = vec![
        ("xl/workbook.bin", workbook_bin("Registratie", date1904)),
        ("xl/_rels/workbook.bin.rels", RELS.as_bytes().to_vec()),
        ("xl/styles.bin", styles_bin()),
        ("xl/worksheets/sheet1.bin", sheet_bin(&rows)),
    ];
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut w, &bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}
