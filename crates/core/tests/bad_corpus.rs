//! A corpus of broken inputs (all synthetic, made here): truncated and corrupt
//! zip containers, workbooks with wrong parts, password protection, formula
//! errors, a 40,000-character cell, 16,384 columns, a million empty rows,
//! mixed encodings, NUL bytes, BOMs in the middle, impossible dates, V-nummers in
//! scientific notation, … Each is written to `tests/corpus/bad/` (to look at),
//! read, and what the user is told is compared with the snapshot
//! `tests/corpus/bad-expected.txt` (`UPDATE_SNAPSHOTS=1` rewrites it). A good
//! file read before and after each bad one comes out the same.

use perspectief_core::locale::Locale;
use perspectief_core::messages::Localized;
use std::io::Write;

use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::ingest::table::column_letter;

mod deflate_bomb;
mod workbooks;

const GOOD_CSV: &str = "Steunpunt;V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom\n\
                        Zwolle;0123456789;Ali Ahmed;M;01-02-1990;Guinee;01-10-2009\n\
                        Zwolle;0123456790;Sara Tesfaye;V;03-04-1991;Eritrea;01-11-2009\n";

fn zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Registratie" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// A cell: text inline, numbers as numbers, `#…` as a formula error.
fn cell(row: usize, col: usize, value: &str) -> String {
    let r = format!("{}{}", column_letter(col as u32), row);
    if value.starts_with('#') {
        format!(r#"<c r="{r}" t="e"><f>VLOOKUP(A1,Z:Z,2,0)</f><v>{value}</v></c>"#)
    } else if !value.is_empty() && value.parse::<f64>().is_ok() && !(value.starts_with('0') && value.len() > 1) {
        format!(r#"<c r="{r}"><v>{value}</v></c>"#)
    } else {
        let escaped = value.replace('&', "&amp;").replace('<', "&lt;");
        format!(r#"<c r="{r}" t="inlineStr"><is><t>{escaped}</t></is></c>"#)
    }
}

fn sheet_xml(rows: &[Vec<String>], extra: &str, dimension: Option<&str>) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    if let Some(d) = dimension {
        x.push_str(&format!(r#"<dimension ref="{d}"/>"#));
    }
    x.push_str("<sheetData>");
    for (i, row) in rows.iter().enumerate() {
        x.push_str(&format!(r#"<row r="{}">"#, i + 1));
        for (j, v) in row.iter().enumerate() {
            x.push_str(&cell(i + 1, j, v));
        }
        x.push_str("</row>");
    }
    x.push_str(extra);
    x.push_str("</sheetData></worksheet>");
    x
}

fn xlsx_parts(sheet: String) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", RELS.as_bytes().to_vec()),
        ("xl/workbook.xml", WORKBOOK.as_bytes().to_vec()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes().to_vec()),
        ("xl/worksheets/sheet1.xml", sheet.into_bytes()),
    ]
}

fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines().map(|l| l.split(';').map(String::from).collect()).collect()
}

fn good_xlsx() -> Vec<u8> {
    zip(&xlsx_parts(sheet_xml(&rows(GOOD_CSV), "", None)))
}

fn without(parts: Vec<(&'static str, Vec<u8>)>, name: &str) -> Vec<u8> {
    zip(&parts.into_iter().filter(|(n, _)| *n != name).collect::<Vec<_>>())
}

fn replaced(parts: Vec<(&'static str, Vec<u8>)>, name: &str, bytes: &[u8]) -> Vec<u8> {
    zip(&parts
        .into_iter()
        .map(|(n, b)| if n == name { (n, bytes.to_vec()) } else { (n, b) })
        .collect::<Vec<_>>())
}

/// Deterministic noise.
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut s = seed | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s as u8
        })
        .collect()
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let header = "Steunpunt;V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom\n";
    let mut c: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>| c.push((name.to_string(), bytes));
    // Text files.
    add("leeg.csv", Vec::new());
    add("alleen-bom.csv", b"\xEF\xBB\xBF".to_vec());
    add("alleen-kopregel.csv", header.as_bytes().to_vec());
    add("geen-kopregel.csv", b"1;2;3\n4;5;6\n7;8;9\n".to_vec());
    add("ruis.csv", noise(4096, 1));
    let mut nul = GOOD_CSV.as_bytes().to_vec();
    nul.splice(80..80, b"\0\0Ali\0".iter().copied());
    add("nul-bytes.csv", nul);
    let mut bom = GOOD_CSV.as_bytes().to_vec();
    let second_line = GOOD_CSV.find('\n').unwrap() + 1;
    bom.splice(second_line..second_line, b"\xEF\xBB\xBF".iter().copied());
    add("bom-in-het-midden.csv", bom);
    let mut mixed = header.as_bytes().to_vec();
    mixed.extend_from_slice("Zwolle;0123456789;Zoë Özil;V;01-02-1990;Guinee;01-10-2009\n".as_bytes());
    mixed.extend_from_slice(b"Zwolle;0123456790;Zo\xEB \xD6zil;V;01-02-1990;Guinee;01-10-2009\n");
    add("gemengde-codering.csv", mixed);
    let utf16: Vec<u8> = GOOD_CSV.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    add("utf16-zonder-bom.csv", utf16);
    add(
        "gemengde-scheidingstekens.csv",
        format!("{header}Zwolle,0123456789,Ali,M,01-02-1990,Guinee,01-10-2009\nZwolle\t0123456790\tSara\tV\t03-04-1991\tEritrea\t01-11-2009\n").into_bytes(),
    );
    add(
        "open-aanhalingsteken.csv",
        format!("{header}Zwolle;\"0123456789;Ali;M;01-02-1990;Guinee;01-10-2009\n").into_bytes(),
    );
    add(
        "regeleinden-in-cel.csv",
        format!("{header}Zwolle;0123456789;\"Ali\n\n\nAhmed\";M;01-02-1990;Guinee;01-10-2009\n").into_bytes(),
    );
    add(
        "cel-van-40000-tekens.csv",
        format!(
            "{header}Zwolle;0123456789;{};M;01-02-1990;Guinee;01-10-2009\n",
            "A".repeat(40_000)
        )
        .into_bytes(),
    );
    let wide: Vec<String> = (0..16_384)
        .map(|i| match i {
            0 => "V-nummer".into(),
            1 => "Naam".into(),
            _ => format!("kolom {i}"),
        })
        .collect();
    add(
        "16384-kolommen.csv",
        format!("{}\n0123456789{}\n", wide.join(";"), ";x".repeat(16_383)).into_bytes(),
    );
    let mut empty_rows = GOOD_CSV.as_bytes().to_vec();
    empty_rows.extend(std::iter::repeat_n(b";;;;;;\n".iter().copied(), 1_000_000).flatten());
    add("een-miljoen-lege-rijen.csv", empty_rows);
    // More rows than the browser can hold: refused before the CSV reader runs.
    let mut too_many = header.as_bytes().to_vec();
    too_many.extend(std::iter::repeat_n(b"Zwolle;1\n".iter().copied(), 2_000_001).flatten());
    add("twee-miljoen-rijen.csv", too_many);
    add(
        "onmogelijke-datums.csv",
        format!("{header}Zwolle;0123456789;Ali;M;31-02-2010;Guinee;00-00-0000\nZwolle;0123456790;Sara;V;2010-13-01;Eritrea;99-99-9999\n").into_bytes(),
    );
    add(
        "v-nummer-wetenschappelijk.csv",
        format!("{header}Zwolle;1.23E+09;Ali;M;01-02-1990;Guinee;01-10-2009\nZwolle;1,23457E+09;Sara;V;03-04-1991;Eritrea;01-11-2009\n").into_bytes(),
    );
    add(
        "v-nummer-negatief-en-decimaal.csv",
        format!("{header}Zwolle;-123456789;Ali;M;01-02-1990;Guinee;01-10-2009\nZwolle;123456789,5;Sara;V;03-04-1991;Eritrea;01-11-2009\n").into_bytes(),
    );
    add(
        "alleen-totalen.csv",
        format!("{header}Totaal;;;;;;\nAantal;2;;;;;\n").into_bytes(),
    );
    add(
        "html-als-csv.csv",
        b"<html><body><table><tr><td>V-nummer</td></tr></table></body></html>".to_vec(),
    );
    add(
        "json-als-csv.csv",
        br#"{"V-nummer": "0123456789", "Naam": "Ali"}"#.to_vec(),
    );
    add(
        "pdf-hernoemd.xlsx",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".to_vec(),
    );
    add("pdf-hernoemd.csv", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(noise(200, 2));
    add("png-hernoemd.csv", png);
    let mut gz = b"\x1f\x8b\x08\x00".to_vec();
    gz.extend(noise(200, 3));
    add("gzip-hernoemd.csv", gz);
    add("een-lange-regel.csv", "x".repeat(1 << 20).into_bytes());
    add(
        "stuurtekens-in-kop.csv",
        b"V-\x01nummer;Na\x02am\n0123456789;Ali\n".to_vec(),
    );
    add("kopregel-van-spaties.csv", b"   ;   ;   \n0123456789;Ali;M\n".to_vec());
    add("alleen-puntkommas.csv", ";;;;\n".repeat(100).into_bytes());
    // Zip containers and workbooks.
    let good = good_xlsx();
    add("afgebroken-helft.xlsx", good[..good.len() / 2].to_vec());
    add("afgebroken-100-bytes.xlsx", good[..100].to_vec());
    let mut pk = b"PK\x03\x04".to_vec();
    pk.extend(noise(2000, 4));
    add("pk-met-ruis.xlsx", pk);
    add("zip-zonder-werkboek.xlsx", zip(&[("hallo.txt", b"hallo".to_vec())]));
    let parts = || xlsx_parts(sheet_xml(&rows(GOOD_CSV), "", None));
    add(
        "verkeerde-content-types.xlsx",
        replaced(parts(), "[Content_Types].xml", b"dit is geen xml"),
    );
    add("zonder-content-types.xlsx", without(parts(), "[Content_Types].xml"));
    add("zonder-workbook-xml.xlsx", without(parts(), "xl/workbook.xml"));
    add("zonder-tabblad.xlsx", without(parts(), "xl/worksheets/sheet1.xml"));
    add(
        "kapotte-tabblad-xml.xlsx",
        replaced(
            parts(),
            "xl/worksheets/sheet1.xml",
            b"<worksheet><sheetData><row><c r=\"A1\"",
        ),
    );
    add(
        "kapotte-relaties.xlsx",
        replaced(parts(), "xl/_rels/workbook.xml.rels", b"<Relationships><Relationship"),
    );
    let errors = format!(
        "{header}Zwolle;#N/A;Ali;M;#REF!;Guinee;#DIV/0!\nZwolle;0123456790;#NAME?;V;03-04-1991;#VALUE!;01-11-2009\n"
    );
    add(
        "formulefouten.xlsx",
        zip(&xlsx_parts(sheet_xml(&rows(&errors), "", None))),
    );
    let long = format!(
        "{header}Zwolle;0123456789;{};M;01-02-1990;Guinee;01-10-2009\n",
        "B".repeat(40_000)
    );
    add(
        "cel-van-40000-tekens.xlsx",
        zip(&xlsx_parts(sheet_xml(&rows(&long), "", None))),
    );
    let wide_rows = vec![
        wide.clone(),
        std::iter::once("0123456789".to_string())
            .chain(std::iter::repeat_n("x".to_string(), 16_383))
            .collect(),
    ];
    add("16384-kolommen.xlsx", zip(&xlsx_parts(sheet_xml(&wide_rows, "", None))));
    let last = r#"<row r="1000004"><c r="A1000004" t="inlineStr"><is><t></t></is></c></row>"#;
    add(
        "een-miljoen-lege-rijen.xlsx",
        zip(&xlsx_parts(sheet_xml(&rows(GOOD_CSV), last, Some("A1:G1000004")))),
    );
    // One stray cell in the far corner (XFD1048576): the sheet spans 17 billion cells.
    let corner = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#;
    add(
        "cel-in-de-verste-hoek.xlsx",
        zip(&xlsx_parts(sheet_xml(&rows(GOOD_CSV), corner, None))),
    );
    let text_dates = format!("{header}Zwolle;0123456789;Ali;M;31-02-2010;Guinee;00-00-0000\n");
    add(
        "onmogelijke-datums.xlsx",
        zip(&xlsx_parts(sheet_xml(&rows(&text_dates), "", None))),
    );
    let sci = format!("{header}Zwolle;1230000000;Ali;M;01-02-1990;Guinee;01-10-2009\nZwolle;1,23E+09;Sara;V;03-04-1991;Eritrea;01-11-2009\nZwolle;123456789;Omar;M;05-06-1992;Irak;01-12-2009\n");
    add(
        "v-nummer-wetenschappelijk.xlsx",
        zip(&xlsx_parts(sheet_xml(&rows(&sci), "", None))),
    );
    add("leeg-tabblad.xlsx", zip(&xlsx_parts(sheet_xml(&[], "", None))));
    // A zip bomb: the directory says the sheet unpacks to 4 GB; refused before it is unpacked.
    let mut bomb = good_xlsx();
    let entries: Vec<usize> = (0..bomb.len() - 4)
        .filter(|&i| bomb[i..].starts_with(b"PK\x01\x02"))
        .collect();
    for at in entries {
        bomb[at + 24..at + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    }
    add("zip-bom.xlsx", bomb);
    add("xlsx-met-csv-naam.csv", good.clone());
    // Old Excel (OLE2) and OpenDocument.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(vec![0u8; 500]);
    ole.extend("EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()));
    ole.extend(vec![0u8; 500]);
    add("met-wachtwoord.xlsx", ole);
    let mut ole_noise = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole_noise.extend(noise(3000, 5));
    add("ole2-met-ruis.xls", ole_noise);
    add("csv-met-xls-naam.xls", GOOD_CSV.as_bytes().to_vec());
    add(
        "ods-zonder-inhoud.ods",
        zip(&[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec())]),
    );
    add(
        "ods-met-kapotte-inhoud.ods",
        zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
            (
                "content.xml",
                b"<office:document-content><office:body><table:table".to_vec(),
            ),
        ]),
    );
    // Two parts with the same name (the zip writer refuses that, so the second is renamed after).
    let mut parts = xlsx_parts(sheet_xml(&rows(GOOD_CSV), "", None));
    parts.push((
        "xl/worksheets/sheetX.xml",
        sheet_xml(&rows("V-nummer;Naam\n9999999999;Anders"), "", None).into_bytes(),
    ));
    let mut twice = zip(&parts);
    for at in (0..twice.len() - 24)
        .filter(|&i| twice[i..].starts_with(b"xl/worksheets/sheetX.xml"))
        .collect::<Vec<_>>()
    {
        twice[at + 19] = b'1';
    }
    add("dubbel-onderdeel.xlsx", twice);
    // One value in the last column (XFD) on 20,000 rows: refused before the rows are made.
    let mut far = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    far.push_str(&format!(
        r#"<row r="1">{}{}</row>"#,
        cell(1, 0, "V-nummer"),
        cell(1, 1, "Naam")
    ));
    for r in 2..=20_001 {
        far.push_str(&format!(
            r#"<row r="{r}">{}{}</row>"#,
            cell(r, 0, &format!("01234{:05}", r)),
            cell(r, 16_383, "x")
        ));
    }
    far.push_str("</sheetData></worksheet>");
    add("waarde-in-kolom-xfd.xlsx", zip(&xlsx_parts(far)));
    // An OpenDocument file of under a kilobyte whose repeated range declares 99 million cells.
    add(
        "herhaald-bereik.ods",
        zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
            (
                "content.xml",
                br#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Blad1"><table:table-row table:number-rows-repeated="9900"><table:table-cell table:number-columns-repeated="10000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#.to_vec(),
            ),
        ]),
    );
    // A CSV of 600 KB with 300,000 columns on one line: refused before it becomes cells.
    let mut wide = b"Steunpunt;V-nummer;Naam\n".to_vec();
    wide.extend(b"x;".repeat(300_000));
    wide.push(b'\n');
    add("driehonderdduizend-kolommen.csv", wide);
    // A 43-line registration whose fifth V-nummer opens a quote that is never closed.
    let mut open = String::from("Steunpunt;V-nummer;Naam;Geslacht\n");
    for i in 0..43 {
        let quote = if i == 4 { "\"" } else { "" };
        open.push_str(&format!("Zwolle;{quote}01234567{i:02};Persoon {i};M\n"));
    }
    add("open-aanhalingsteken-43-regels.csv", open.into_bytes());
    // Shared strings of 1,000 MB in a file of one megabyte: refused on the directory's word. When
    // the directory claims 2 KB instead, unpacking stops there (the reader measures the part as a
    // stream before calamine holds it) and the cut part is damage.
    let texts = || {
        let chunk = "<si><t>".to_string() + &"a".repeat(1024 * 1024 - 15) + "</t></si>";
        let head = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;
        let mut parts: Vec<deflate_bomb::Part> = xlsx_parts(sheet_xml(&rows(GOOD_CSV), "", None))
            .iter()
            .map(|(name, bytes)| deflate_bomb::Part::stored(name, bytes))
            .collect();
        parts.push(deflate_bomb::Part::repeated(
            "xl/sharedStrings.xml",
            head.as_bytes(),
            chunk.as_bytes(),
            1000,
            b"</sst>",
        ));
        parts
    };
    // Excel 97–2003 and the 1904 date system (older Excel for Mac): the dates as meant.
    add("datums-1904.xlsx", workbooks::xlsx_from_csv(GOOD_CSV, true));
    add("datums-1900.xls", workbooks::xls::from_csv(GOOD_CSV, false));
    add("datums-1904.xls", workbooks::xls::from_csv(GOOD_CSV, true));
    add("datums-1904.xlsb", workbooks::xlsb::from_csv(GOOD_CSV, true));
    // An xls of a few kilobytes whose DIMENSIONS record claims four billion rows × 65,535
    // columns, and one whose first row lies after its last (calamine's arithmetic wraps).
    let good_rows: Vec<Vec<workbooks::xls::Value>> = rows(GOOD_CSV)
        .into_iter()
        .map(|r| r.into_iter().map(workbooks::xls::Value::Text).collect())
        .collect();
    for (name, dims) in [
        ("dimensies-van-vier-miljard-rijen.xls", (0, u32::MAX, 0, u16::MAX)),
        ("dimensies-omgekeerd.xls", (5, 1, 0, 7)),
    ] {
        let stream = workbooks::xls::workbook_stream("Registratie", &good_rows, false, Some(dims));
        add(name, workbooks::xls::compound_file(&stream));
    }
    // One stray cell in the far corner of an xls (row 65,536, column 65,536 of what a record can
    // say): calamine would fill the rectangle, four billion cells.
    let far = workbooks::xls::workbook_stream_with("Registratie", &good_rows, false, None, &[(65_535, 65_535, "x")]);
    add("cel-in-de-verste-hoek.xls", workbooks::xls::compound_file(&far));
    // Compound files whose sectors loop: the directory's chain points at itself (calamine
    // would follow it until memory runs out), and the Workbook stream claims two gigabytes on
    // a chain that returns to its start.
    let small_xls = workbooks::xls::from_csv(GOOD_CSV, false);
    let mut looped = small_xls.clone();
    looped[512 + 4..512 + 8].copy_from_slice(&1u32.to_le_bytes());
    add("kring-in-de-map.xls", looped);
    let mut claims = small_xls.clone();
    claims[1024 + 128 + 120..1024 + 128 + 124].copy_from_slice(&0x7FFF_FFFFu32.to_le_bytes());
    let last = 2 + (claims.len() - 1536) / 512 - 1;
    claims[512 + 4 * last..512 + 4 * last + 4].copy_from_slice(&2u32.to_le_bytes());
    add("werkboekstroom-van-2-gb-in-een-kring.xls", claims);
    let parts = texts();
    add(
        "gedeelde-teksten-van-1000-mb.xlsx",
        deflate_bomb::archive(&parts, |p| p.size),
    );
    add(
        "gedeelde-teksten-liegen-over-hun-grootte.xlsx",
        deflate_bomb::archive(&parts, |p| if p.method == 8 { 2048 } else { p.size }),
    );
    c
}

/// What the user is told about a file, in `locale`: the message, or what was read and what the
/// check found.
fn outcome(name: &str, bytes: &[u8], locale: Locale) -> String {
    match load(name, bytes, None, &known_with(&[])) {
        Err(e) => format!("melding: {}", e.text(locale)),
        Ok(f) => {
            let checked = check(&[&f], &CheckOptions::default());
            let mut kinds: Vec<String> = checked
                .problems
                .iter()
                .map(|p| format!("{:?}: {}", p.kind, p.text(locale).chars().take(200).collect::<String>()))
                .collect();
            kinds.sort();
            kinds.dedup();
            format!(
                "gelezen als {:?}: {} rijen, {} personen; overgeslagen: {:?}; notities: {:?}; controle: {} meldingen {:?}",
                f.kind,
                f.records.len(),
                checked.persons.len(),
                f.skipped_sheets,
                f.notes
                    .iter()
                    .map(|n| n.text(locale).chars().take(160).collect::<String>())
                    .collect::<Vec<_>>(),
                checked.problems.len(),
                kinds
            )
        }
    }
}

fn good() -> LoadedFile {
    load("goed.csv", GOOD_CSV.as_bytes(), None, &known_with(&[])).unwrap()
}

#[test]
fn every_broken_file_gets_its_message_and_the_good_file_is_untouched() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let dir = root.join("bad");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let files = corpus();
    assert!(files.len() >= 50, "{} files", files.len());
    let before = good();
    // Dutch (the wording users know; it must not change) and English.
    for (locale, snapshot) in [(Locale::Nl, "bad-expected.txt"), (Locale::En, "bad-expected.en.txt")] {
        let mut lines = Vec::new();
        for (name, bytes) in &files {
            std::fs::write(dir.join(name), bytes).unwrap();
            let said = outcome(name, bytes, locale);
            assert!(!said.is_empty());
            lines.push(format!("{name}\t{said}"));
            assert_eq!(good(), before, "{name} changed what a good file gives");
        }
        let got = lines.join("\n") + "\n";
        let snapshot = root.join(snapshot);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&snapshot, &got).unwrap();
        }
        let expected = std::fs::read_to_string(&snapshot).expect("the snapshot (UPDATE_SNAPSHOTS=1 makes it)");
        for (g, e) in got.lines().zip(expected.lines()) {
            assert_eq!(g, e);
        }
        assert_eq!(got.lines().count(), expected.lines().count());
    }
}

/// Bytes allocated now and at most since the last reset, for the memory budget below.
struct Counting;
static CURRENT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
/// The tests of this file one at a time: a peak measured beside another test is not its own.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use std::sync::atomic::Ordering::Relaxed;
        let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { std::alloc::System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        CURRENT.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use std::sync::atomic::Ordering::Relaxed;
        if new_size > layout.size() {
            let now = CURRENT.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(now, Relaxed);
        } else {
            CURRENT.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Every corpus file is read (or refused) within a memory budget: the peak of what reading it
/// allocates stays below 1 GB, the crafted ones included (300,000 columns, a value in XFD on
/// 20,000 rows, a repeated range of 99 million cells, a zip bomb).
#[test]
fn every_corpus_file_is_read_within_a_memory_budget() {
    use std::sync::atomic::Ordering::Relaxed;
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut over = Vec::new();
    let mut largest = (String::new(), 0usize);
    for (name, bytes) in corpus() {
        let before = CURRENT.load(Relaxed);
        PEAK.store(before, Relaxed);
        let read = load(&name, &bytes, None, &known_with(&[]));
        let peak = PEAK.load(Relaxed) - before;
        drop(read);
        if peak > largest.1 {
            largest = (name.clone(), peak);
        }
        if peak >= 1 << 30 {
            over.push(format!("{name}: {} MB", peak >> 20));
        }
    }
    eprintln!("largest peak: {} ({} MB)", largest.0, largest.1 >> 20);
    assert!(over.is_empty(), "over 1 GB: {over:?}");
    assert!(largest.1 > 1 << 20, "the counter counts");
}
