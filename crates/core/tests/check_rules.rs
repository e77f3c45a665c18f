//! Every rule of the registration check and every bad file, on small
//! synthetic fixtures made here (no real persons).

use perspectief_core::check::problem::{ProblemKind, Severity};
use perspectief_core::check::registration::{check, CheckOptions, ConflictRule};
use perspectief_core::date::Date;
use perspectief_core::ingest::error::ReadError;
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::table::{Cell, Sheet};

const HEADER: &str = "V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom;Datum uitstroom;Resultaat";

fn csv(name: &str, rows: &[&str]) -> LoadedFile {
    let text = std::iter::once(HEADER)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\n");
    load(name, text.as_bytes(), None, &known_with(&[])).unwrap()
}

fn kinds(files: &[LoadedFile], options: &CheckOptions) -> Vec<(ProblemKind, u32)> {
    check(files, options)
        .problems
        .iter()
        .map(|p| (p.kind, p.at.as_ref().map_or(0, |a| a.row)))
        .collect()
}

#[test]
fn v_nummer_rules() {
    let f = csv(
        "zwolle.csv",
        &[
            "0123456789;Ali A;M;1-1-1990;Somalië;1-1-2010;;In begeleiding",
            ";Bo B;M;1-1-1990;Somalië;1-1-2010;;In begeleiding",
            "12345678;Cy C;M;1-1-1990;Somalië;1-1-2010;;In begeleiding",
            "012O456789;Di D;V;1-1-1990;Somalië;1-1-2010;;In begeleiding",
            "CRV 1234567;Ed E;M;1-1-1990;Somalië;1-1-2010;;In begeleiding",
        ],
    );
    assert_eq!(
        kinds(&[f], &CheckOptions::default()),
        [
            (ProblemKind::MissingVNummer, 3),
            (ProblemKind::WrongLength, 4),
            (ProblemKind::Letters, 5),
            (ProblemKind::OtherRegistration, 6)
        ]
    );
}

#[test]
fn wording_names_file_row_and_what_to_do() {
    let f = csv(
        "zwolle.csv",
        &["12345678;Cy C;M;1-1-1990;Somalië;1-1-2010;;In begeleiding"],
    );
    let r = check(&[f], &CheckOptions::default());
    let p = &r.problems[0];
    assert_eq!(p.location(), "zwolle.csv, rij 2");
    assert_eq!(p.column.as_deref(), Some("V-nummer (A)"));
    assert_eq!(
        p.message(),
        "'12345678' heeft 8 cijfers; een V-nummer heeft er 10. Controleer het nummer in het dossier."
    );
    assert_eq!(p.steunpunt.as_deref(), Some("Zwolle"));
    assert_eq!(p.severity, Severity::Fout);
}

#[test]
fn duplicates_within_and_across_steunpunten() {
    let a = csv(
        "zwolle.csv",
        &[
            "0123456789;Ali A;M;1-1-1990;Somalië;1-1-2010;;In begeleiding",
            "0123456789;Ali A;M;1-1-1990;Somalië;1-1-2010;;In begeleiding",
            "0223456789;Bo B;M;1-1-1990;Somalië;1-3-2010;;In begeleiding",
            "0223456789;Bo B;M;1-1-1990;Somalië;1-6-2010;;In begeleiding",
        ],
    );
    let b = csv(
        "Tilburg.csv",
        &["0123456789;Ali A;M;1-1-1990;Somalië;1-2-2009;1-12-2009;Overig"],
    );
    let r = check(&[a, b], &CheckOptions::default());
    assert_eq!(r.count(ProblemKind::ExactDuplicate), 1);
    assert_eq!(r.count(ProblemKind::ConflictWithin), 2);
    assert_eq!(r.count(ProblemKind::ConflictAcross), 2);
    assert_eq!(r.persons.len(), 2, "merged, and the latest intake kept");
    let bo = r
        .persons
        .iter()
        .find(|p| p.v_nummer.usable() == Some("0223456789"))
        .unwrap();
    assert_eq!(bo.at.row, 5);
    let ali = r
        .persons
        .iter()
        .find(|p| p.v_nummer.usable() == Some("0123456789"))
        .unwrap();
    assert_eq!(ali.steunpunt, "Zwolle");
    assert_eq!(ali.merged.len(), 1);
    let across = r
        .problems
        .iter()
        .find(|p| p.kind == ProblemKind::ConflictAcross && p.steunpunt.as_deref() == Some("Tilburg"))
        .unwrap();
    assert!(
        across.message().contains("zwolle.csv, rij 2 (Zwolle)"),
        "{}",
        across.message()
    );
    assert!(across.message().contains("niet meegeteld"));
    let keep_all = check(
        &[csv(
            "a-zwolle.csv",
            &[
                "0123456789;Ali A;M;1-1-1990;X;1-1-2010;;In begeleiding",
                "0123456789;Ali B;M;1-1-1990;X;1-2-2010;;In begeleiding",
            ],
        )],
        &CheckOptions {
            conflict_rule: ConflictRule::KeepAll,
            ..CheckOptions::default()
        },
    );
    assert_eq!(keep_all.persons.len(), 2);
}

#[test]
fn plausibility_rules() {
    let f = csv(
        "zwolle.csv",
        &[
            "0000000001;A;M;1-1-2000;X;1-1-1999;;In begeleiding",
            "0000000002;B;M;1-1-1995;X;1-1-2010;;In begeleiding",
            "0000000003;C;M;1-1-1970;X;1-1-2010;;In begeleiding",
            "0000000004;D;M;1-1-1990;X;1-6-2010;1-1-2010;Terugkeer",
            "0000000005;E;M;1-1-1990;X;1-1-2010;1-3-2010;In begeleiding",
            "0000000006;F;M;1-1-1990;X;1-1-2010;;MOB",
            "0000000007;G;M;1-1-1990;X;1-1-2012;;In begeleiding",
        ],
    );
    let options = CheckOptions {
        peildatum: Date::new(2011, 4, 1),
        ..CheckOptions::default()
    };
    let got = kinds(&[f], &options);
    assert_eq!(
        got,
        [
            (ProblemKind::IntakeBeforeBirth, 2),
            (ProblemKind::AgeAtIntake, 3),
            (ProblemKind::AgeAtIntake, 4),
            (ProblemKind::OutflowBeforeIntake, 5),
            (ProblemKind::OutflowButInCounselling, 6),
            (ProblemKind::EndedWithoutOutflow, 7),
            (ProblemKind::FutureDate, 8),
        ]
    );
}

#[test]
fn unrecognised_values_and_rows_that_are_not_persons() {
    let f = csv(
        "zwolle.csv",
        &[
            "0123456789;Ali A;onbekend-x;1-1-1990;X;1-1-2010;;ontslagen",
            "Totaal;1;;;;;;",
            ";;;;;;;",
        ],
    );
    let r = check(&[f], &CheckOptions::default());
    let unrec: Vec<&str> = r
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::UnrecognisedValue)
        .filter_map(|p| p.value.as_deref())
        .collect();
    assert_eq!(unrec, ["onbekend-x", "ontslagen"]);
    assert_eq!(r.count(ProblemKind::NotAPerson), 1);
    assert_eq!(r.persons.len(), 1);
}

#[test]
fn steunpunt_from_column_file_name_or_asked() {
    let f = csv(
        "export.csv",
        &["0123456789;Ali A;M;1-1-1990;X;1-1-2010;;In begeleiding"],
    );
    let r = check(&[f], &CheckOptions::default());
    assert_eq!(r.count(ProblemKind::NoSteunpunt), 1);
    assert!(r.problems[0]
        .message()
        .starts_with("Bij export.csv is niet te zien bij welk steunpunt het hoort"));
    let with_column = "Steunpunt;V-nummer;Naam\nden haag;0123456789;Ali A\n";
    let f = load("export.csv", with_column.as_bytes(), None, &known_with(&[])).unwrap();
    assert_eq!(check(&[f], &CheckOptions::default()).persons[0].steunpunt, "Den Haag");
}

fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    perspectief_core::write::xlsx::write(
        sheets,
        Date::new(2026, 1, 1).unwrap(),
        perspectief_core::locale::Locale::Nl,
    )
    .unwrap()
}

#[test]
fn bad_files_each_get_one_clear_message_and_the_others_stay() {
    let known = known_with(&[]);
    let good = {
        let mut s = Sheet::new("Registratie", HEADER.split(';').map(String::from).collect());
        s.rows.push(vec![Cell::text("0123456789"), Cell::text("Ali A")]);
        xlsx(&[s])
    };
    let truncated = good[..good.len() / 2].to_vec();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(4096, 0);
    let empty_sheet = xlsx(&[Sheet::new("Leeg", vec![])]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "kapot.xlsx",
            truncated,
            "kapot.xlsx: het werkboek is beschadigd of geen echt Excel-bestand",
        ),
        (
            "beveiligd.xlsx",
            ole,
            "beveiligd.xlsx: het werkboek is beveiligd met een wachtwoord. Open het in Excel, haal het wachtwoord weg",
        ),
        (
            "rapport.xlsx",
            b"%PDF-1.7\n...".to_vec(),
            "rapport.xlsx: dit is een PDF, geen spreadsheet.",
        ),
        ("leeg.csv", Vec::new(), "leeg.csv: het bestand is leeg (0 bytes)."),
        (
            "leeg-blad.xlsx",
            empty_sheet,
            "leeg-blad.xlsx: geen kopregel met kolomnamen gevonden",
        ),
        (
            "zomaar.csv",
            b"a,b\n1,2\n".to_vec(),
            "zomaar.csv: geen kopregel met kolomnamen gevonden",
        ),
        (
            "plaatje.csv",
            vec![0u8; 2000],
            "plaatje.csv: dit is geen spreadsheet of tekstbestand.",
        ),
    ];
    let mut loaded = Vec::new();
    for (name, bytes, want) in &cases {
        match load(name, bytes, None, &known) {
            Ok(_) => panic!("{name} should not load"),
            Err(e) => assert!(e.to_string().starts_with(want), "{name}: {e}"),
        }
        loaded.push(load("goed.xlsx", &good, None, &known).unwrap());
    }
    assert!(
        loaded.iter().all(|f| f.records.len() == 1),
        "the good file is untouched by the bad ones"
    );
}

#[test]
fn too_large_is_refused_before_reading() {
    let big = vec![b'a'; 200 * 1024 * 1024];
    let e = load("groot.csv", &big, None, &known_with(&[])).unwrap_err();
    assert!(matches!(e, ReadError::TooLarge { .. }));
    assert_eq!(e.to_string(), "groot.csv: het bestand is te groot (200 MB; de grens is 150 MB). Splits het bestand, of sla alleen het tabblad met de registratie op als CSV.");
}

#[test]
fn mixed_delimiters_are_reported_and_the_rest_is_read() {
    let text = format!("{HEADER}\n0123456789;Ali A;M;1-1-1990;X;1-1-2010;;In begeleiding\n0223456789,Bo B,M,1-1-1990,X,1-1-2010,,In begeleiding\n");
    let f = load("zwolle.csv", text.as_bytes(), None, &known_with(&[])).unwrap();
    assert!(
        f.notes
            .iter()
            .any(|n| n.to_string().starts_with("Gemengde scheidingstekens: 1 regel(s)")),
        "{:?}",
        f.notes
    );
}

#[test]
fn a_column_mapped_by_hand() {
    use perspectief_core::ingest::fields::Field;
    use perspectief_core::ingest::load::{load_mapped, ColumnOverride};
    // "Dossiernr" is not a known header: the worker maps it to the V-nummer by hand.
    let text = "Dossiernr;Naam;Geboortedatum\n0123456789;Ali A;1-1-1990\n";
    let known = known_with(&[]);
    let auto = load("zwolle.csv", text.as_bytes(), None, &known).unwrap();
    assert!(auto.records[0].v_nummer.is_none());
    let map = [ColumnOverride {
        sheet: String::new(),
        column: 0,
        field: Some(Field::VNummer),
    }];
    let mapped = load_mapped("zwolle.csv", text.as_bytes(), None, &known, &map).unwrap();
    assert_eq!(mapped.records[0].v_nummer.as_ref().unwrap().text, "0123456789");
    assert_eq!(mapped.sheets[0].columns[0].field, Some(Field::VNummer));
    let unmap = [ColumnOverride {
        sheet: String::new(),
        column: 2,
        field: None,
    }];
    let unmapped = load_mapped("zwolle.csv", text.as_bytes(), None, &known, &unmap).unwrap();
    assert!(unmapped.records[0].date(Field::Geboortedatum).is_none());
    assert_eq!(unmapped.records[0].cells[2], "1-1-1990", "an unmapped column is kept");
}

/// A minimal OpenDocument spreadsheet, written here (synthetic).
fn ods(rows: &[Vec<(&str, &str)>]) -> Vec<u8> {
    use std::io::Write;
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Cliënten">"#,
    );
    for row in rows {
        xml.push_str("<table:table-row>");
        for (kind, value) in row {
            match *kind {
                "date" => xml.push_str(&format!(r#"<table:table-cell office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>"#)),
                "float" => xml.push_str(&format!(r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#)),
                _ => xml.push_str(&format!(r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#)),
            }
        }
        xml.push_str("</table:table-row>");
    }
    xml.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    z.start_file("content.xml", stored).unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.start_file("META-INF/manifest.xml", stored).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.finish().unwrap();
    out.into_inner()
}

#[test]
fn opendocument_spreadsheets_are_read() {
    use perspectief_core::ingest::fields::Field;
    use perspectief_core::ingest::grid::Format;
    let bytes = ods(&[
        vec![("s", "V-nummer"), ("s", "Naam"), ("s", "Geboortedatum")],
        vec![("float", "123456789"), ("s", "Ali A"), ("date", "1990-01-02")],
    ]);
    let f = load("maastricht.ods", &bytes, None, &known_with(&[])).unwrap();
    assert_eq!(f.format, Format::Ods);
    assert_eq!(f.sheets[0].sheet, "Cliënten");
    assert_eq!(f.records[0].date(Field::Geboortedatum), Date::new(1990, 1, 2));
    let r = check(&[f], &CheckOptions::default());
    assert_eq!(
        r.count(ProblemKind::RepairedZero),
        1,
        "a number cell lost its zero in ODS too"
    );
}
