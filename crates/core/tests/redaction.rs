//! Exports for others hold no V-nummer, name, value or date of a person, in
//! whatever form the file wrote them: every V-nummer form the reader knows and
//! every check rule with a date go through the export, and none of them comes out.

use perspectief_core::check::export::{csv, xlsx, Audience};
use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::date::Date;
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use perspectief_core::locale::Locale;

/// One registration with the V-nummer forms and the date rules (synthetic persons).
const REGISTRATION: &str =
    "Steunpunt;V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom;Datum uitstroom;Resultaat\n\
Zwolle;V-2836026405;Amina Tesfaye;V;14-07-1991;Eritrea;01-10-2009;;In begeleiding\n\
Zwolle;272.735.072;Yusuf Haddad;M;03-02-1990;Syrië;01-11-2009;;In begeleiding\n\
Zwolle;283 602 6406;Omar Bashir;M;05-05-1989;Soedan;01-03-2010;;In begeleiding\n\
Zwolle;2,83603E+09;Lina Ahmadi;V;09-09-1992;Afghanistan;01-04-2010;;In begeleiding\n\
Zwolle;28360264;Hassan Mohamud;M;11-11-1990;Somalië;01-05-2010;;In begeleiding\n\
Zwolle;283602640799;Farah Osman;V;12-12-1991;Somalië;01-06-2010;;In begeleiding\n\
Zwolle;V28360O6408;Samir Idris;M;01-01-1988;Eritrea;01-07-2010;;In begeleiding\n\
Zwolle;2836026409;Nadia Rahimi;V;20-08-2011;Iran;01-08-2010;;In begeleiding\n\
Zwolle;2836026410;Karim Aziz;M;15-03-1970;Irak;02-02-2010;01-01-2010;Terugkeer\n\
Zwolle;2836026411;Sara Kebede;V;17-06-1991;Ethiopië;03-03-2010;;MOB\n\
Zwolle;2836026412;Ali Hassan;M;18-04-1990;Guinee;04-04-2010;05-05-2010;In begeleiding\n\
Zwolle;2836026413;Mona Saleh;V;19-05-1991;Irak;05-05-2031;;In begeleiding\n\
Zwolle;2836026413;Mona Saleh;V;19-05-1992;Irak;06-06-2010;;In begeleiding\n";

fn secrets() -> Vec<String> {
    let mut out = Vec::new();
    for line in REGISTRATION.lines().skip(1) {
        let cells: Vec<&str> = line.split(';').collect();
        let v = cells[1];
        out.push(v.to_string());
        let digits: String = v.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 6 {
            out.push(digits.clone());
            out.push(format!("{digits:0>10}"));
        }
        out.extend(cells[2].split(' ').map(String::from));
        for date in [cells[4], cells[6], cells[7]].into_iter().filter(|d| !d.is_empty()) {
            out.push(date.to_string());
            let parts: Vec<&str> = date.split('-').collect();
            out.push(format!("{}-{}-{}", parts[2], parts[1], parts[0]));
            out.push(format!(
                "{}/{}/{}",
                parts[0].trim_start_matches('0'),
                parts[1].trim_start_matches('0'),
                parts[2]
            ));
        }
    }
    out
}

fn unzip_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        std::io::Read::read_to_string(&mut f, &mut text).unwrap();
    }
    text
}

fn assert_clean(text: &str, what: &str) {
    for s in secrets() {
        assert!(!text.contains(&s), "{what} holds '{s}'");
    }
}

#[test]
fn no_v_nummer_name_value_or_date_leaves_in_an_export_for_others() {
    let file = load(
        "zwolle.csv",
        REGISTRATION.as_bytes(),
        Some(FileKind::Registration),
        &known_with(&[]),
    )
    .unwrap();
    let options = CheckOptions {
        peildatum: Date::new(2011, 1, 1),
        ..CheckOptions::default()
    };
    let result = check(&[&file], &options);
    let kinds: std::collections::BTreeSet<String> = result.problems.iter().map(|p| format!("{:?}", p.kind)).collect();
    for expected in [
        "Letters",
        "WrongLength",
        "IntakeBeforeBirth",
        "AgeAtIntake",
        "OutflowBeforeIntake",
        "FutureDate",
        "ConflictWithin",
    ] {
        assert!(kinds.contains(expected), "{expected} not in {kinds:?}");
    }
    // In either language: the messages are rendered in it, then redacted by meaning.
    for locale in [Locale::Nl, Locale::En] {
        let others = String::from_utf8_lossy(&csv(&result, None, Audience::Others, locale)).to_string();
        assert_clean(&others, &format!("the csv for others ({locale:?})"));
        let workbook = xlsx(&result, None, Audience::Others, Date::new(2026, 12, 1).unwrap(), locale).unwrap();
        assert_clean(&unzip_text(&workbook), &format!("the xlsx for others ({locale:?})"));
        // The own organisation's export does hold them (it is for the steunpunt itself).
        let own = String::from_utf8_lossy(&csv(&result, None, Audience::OwnOrganisation, locale)).to_string();
        assert!(own.contains("Karim Aziz") && own.contains("15-03-1970"), "{own}");
    }
    let english = String::from_utf8_lossy(&csv(&result, None, Audience::Others, Locale::En)).to_string();
    assert!(
        english.contains("Severity;Kind;File;Sheet;Row;Column;Explanation"),
        "{english}"
    );
    assert!(
        !english.contains("Fout;") && !english.contains("Peildatum"),
        "{english}"
    );
}

#[test]
fn the_corpus_v_nummers_stay_out_too() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/bad");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut files: Vec<LoadedFile> = Vec::new();
    for e in entries.flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        let name = e.file_name().to_string_lossy().to_string();
        if let Ok(f) = load(&name, &bytes, Some(FileKind::Registration), &known_with(&[])) {
            files.push(f);
        }
    }
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let result = check(&refs, &CheckOptions::default());
    let others = String::from_utf8_lossy(&csv(&result, None, Audience::Others, Locale::Nl)).to_string();
    let mut checked = 0;
    for p in &result.problems {
        for secret in [&p.v_nummer, &p.name, &p.value].into_iter().flatten() {
            let s = secret.trim();
            let digits = s.chars().filter(char::is_ascii_digit).count();
            if digits >= 6 || (s.chars().count() >= 4 && p.name.as_deref() == Some(s)) {
                assert!(!others.contains(s), "'{s}' ({:?}) in the export for others", p.kind);
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "{checked} secrets checked");
}
