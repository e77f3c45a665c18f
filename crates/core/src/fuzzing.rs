//! What each fuzz target does with its bytes (`fuzz/`, `make fuzz`), in one place so
//! that the replay test (`tests/fuzz_regressions.rs`) runs every kept crashing input
//! exactly as the fuzzer did. Nothing here may panic on any input; the assertions
//! are guarantees the parsers give.

use crate::chaid::Level;
use crate::check::vnummer::{classify, VNummer};
use crate::ingest::records::RawId;
use crate::ingest::steunpunt::known_with;
use crate::ingest::values::{date_from_serial, parse_count, parse_date, parse_number, parse_yes_no, DateOrder};
use crate::kind::FileKind;

/// The fuzz targets, as named under `fuzz/fuzz_targets/`.
pub const TARGETS: [&str; 11] = [
    "csv_reader",
    "spreadsheet_reader",
    "load_csv",
    "load_spreadsheet",
    "dates",
    "numbers",
    "vnummer",
    "columns",
    "recept",
    "chaid_params",
    "linkage_file",
];

/// Forty rows for the `chaid_params` target: a target with three classes (also read as a
/// number), a nominal, an ordinal and a scale predictor, with some signal and a missing value.
fn small_table() -> Vec<(String, crate::chaid::RawColumn)> {
    use crate::chaid::RawColumn;
    let rows = 0..40usize;
    vec![
        (
            "y".into(),
            RawColumn::Number(rows.clone().map(|i| Some((i % 3 + i / 20) as f64)).collect()),
        ),
        (
            "nominaal".into(),
            RawColumn::text(rows.clone().map(|i| (i != 7).then(|| ["a", "b", "c", "d"][i % 4]))),
        ),
        (
            "ordinaal".into(),
            RawColumn::Number(rows.clone().map(|i| Some((i % 5) as f64)).collect()),
        ),
        (
            "schaal".into(),
            RawColumn::Number(rows.map(|i| Some(i as f64 * 1.5)).collect()),
        ),
    ]
}

fn small_spec(target_level: Level) -> crate::chaid::Spec {
    crate::chaid::Spec {
        target: "y".into(),
        target_level,
        predictors: vec![
            ("nominaal".into(), Level::Nominal),
            ("ordinaal".into(), Level::Ordinal),
            ("schaal".into(), Level::Scale),
        ],
        freq_weight: None,
        case_weight: None,
        intervals: 10,
    }
}

/// Run `target` on `data`. Panics only on an unknown target or a broken guarantee.
pub fn run(target: &str, data: &[u8]) {
    let text = std::str::from_utf8(data).ok();
    match target {
        // The reader entry points alone: decoding, delimiter sniffing and the CSV
        // reader; the zip container and calamine's xlsx/ods/xls readers.
        "csv_reader" => {
            let _ = crate::ingest::grid::read("bestand.csv", data, crate::ingest::grid::DEFAULT_MAX_BYTES);
        }
        // The workbook readers whatever the first bytes say (the text path is csv_reader's).
        "spreadsheet_reader" => {
            let _ = crate::ingest::grid::read_workbook("bestand.xlsx", data);
        }
        // Everything a dropped file goes through: reader, header detection, the column
        // mapper and the value parsers.
        "load_csv" => {
            let _ = crate::ingest::load::load("registratie.csv", data, None, &known_with(&[]));
            let _ = crate::ingest::plain::columns("data.csv", data);
        }
        "load_spreadsheet" => {
            let _ = crate::ingest::load::load("registratie.xlsx", data, None, &known_with(&[]));
        }
        "dates" => {
            if let Some(s) = text {
                for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
                    if let Some(d) = parse_date(s, order) {
                        assert!(
                            crate::date::Date::new(d.year, d.month, d.day).is_some(),
                            "{d:?} is no date"
                        );
                    }
                }
                let _ = crate::date::Date::parse_iso(s);
            }
            if let Some(bits) = data.get(..8) {
                let _ = date_from_serial(f64::from_le_bytes(bits.try_into().expect("8 bytes")));
            }
        }
        "numbers" => {
            if let Some(s) = text {
                let _ = (parse_number(s), parse_count(s), parse_yes_no(s));
            }
        }
        "vnummer" => {
            if let Some((&flag, rest)) = data.split_first() {
                if let Ok(text) = std::str::from_utf8(rest) {
                    let raw = RawId {
                        text: text.to_string(),
                        numeric: flag & 1 == 1,
                    };
                    if let VNummer::Valid(n) | VNummer::Repaired(n) = classify(Some(&raw)) {
                        assert!(n.len() == 10 && n.bytes().all(|b| b.is_ascii_digit()), "{n}");
                    }
                }
            }
        }
        "columns" => {
            if let Some(s) = text {
                for kind in [FileKind::Registration, FileKind::National, FileKind::Characteristics] {
                    let _ = crate::ingest::fields::field_for_header(s, kind);
                }
                let _ = crate::ingest::fold::fold_words(s);
            }
        }
        "recept" => {
            if let Some(r) = text.and_then(|s| crate::recept::Recept::parse(s).ok()) {
                // What parses, writes and parses to the same recept.
                assert_eq!(crate::recept::Recept::parse(&r.to_json()).ok(), Some(r));
            }
        }
        // Parameters as a recept or the CLI give them: what `check()` accepts must fit a tree
        // (nominal, ordinal and scale predictors; every target level) without a panic.
        "chaid_params" => {
            let params = text.and_then(|s| serde_json::from_str::<crate::chaid::ChaidParams>(s).ok());
            if let Some(checked) = params.and_then(|p| p.check().ok()) {
                for target_level in [Level::Nominal, Level::Ordinal, Level::Scale] {
                    if let Ok(data) = crate::chaid::Dataset::build(&small_table(), &small_spec(target_level)) {
                        let _ = crate::chaid::fit(&data, &checked);
                    }
                }
            }
        }
        // A linkage file as a steunpunt's and as the national one: read, checked and linked on
        // pseudonyms (the keyed name encodings are parsed there).
        "linkage_file" => {
            let known = known_with(&[]);
            let local = crate::ingest::load::load("koppel_zwolle.csv", data, Some(FileKind::Registration), &known);
            let national = crate::ingest::load::load("koppel_landelijk.csv", data, Some(FileKind::National), &known);
            if let (Ok(local), Ok(national)) = (local, national) {
                let files = [&local, &national];
                let checked = crate::check::registration::check(&files, &Default::default());
                let _ = crate::link::linkage::link(&files, &checked, &Default::default());
            }
            if let Some(s) = text {
                let _ = crate::link::pseudonym::NameEncoding::parse(s);
            }
        }
        other => panic!("onbekend fuzzdoel: {other}"),
    }
}
