//! Linkage files: a registration or the national extract with every direct
//! identifier replaced by keyed encodings (see `pseudonym`): the V-nummer's
//! pseudonym, the name's encoding, the birth date's pseudonym (and that of the
//! date with day and month swapped) and the birth year, with what the linkage
//! checks (steunpunt, sex, country, nationality). They carry linkage keys, not
//! analysis data: other fields go in only when asked ([`LinkageOptions::extra`];
//! dates then to the first of their month), and then the file's own audit says
//! what they expose. Rows are shuffled. Both sides make theirs with the same
//! secret; the researcher links the two without seeing a V-nummer.

use crate::check::vnummer::classify;
use crate::date::Date;
use crate::ingest::fields::{Field, ValueType, FIELDS};
use crate::ingest::load::LoadedFile;
use crate::ingest::records::{Record, Value};
use crate::ingest::values::YesNo;
use crate::kind::FileKind;
use crate::link::pseudonym::{Keys, NameScheme};
use crate::table::{Cell, Sheet};

/// What goes into a linkage file beyond the linkage keys, and the seed of the row shuffle.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkageOptions {
    /// Analysis fields to add (the diagnosis, the doctor and the outcome are sensitive).
    pub extra: Vec<Field>,
    pub seed: u64,
    /// How names are encoded (default: hardened, salted with the birth year and balanced).
    pub names: NameScheme,
}

/// What the linkage checks, beside the keyed encodings: always in the file.
pub const CHECKED: [Field; 3] = [Field::Geslacht, Field::LandHerkomst, Field::Nationaliteit];

/// The columns that identify a person directly: replaced, never copied.
const REPLACED: [Field; 7] = [
    Field::VNummer,
    Field::Naam,
    Field::Voornaam,
    Field::Tussenvoegsel,
    Field::Achternaam,
    Field::Geboortedatum,
    Field::Steunpunt,
];

fn cell(value: &Value) -> Cell {
    match value {
        Value::Text(_) | Value::Code(_) | Value::Unrecognised(_) => Cell::text(value.as_str().unwrap_or_default()),
        // Dates to the first of their month: an exact date identifies.
        Value::Date(d) => Date::new(d.year, d.month, 1).map_or(Cell::Empty, Cell::Date),
        Value::Count(n) => Cell::Number(f64::from(*n)),
        Value::YesNo(YesNo::Ja) => Cell::text("ja"),
        Value::YesNo(YesNo::Nee) => Cell::text("nee"),
        Value::YesNo(YesNo::Onbekend) => Cell::text("onbekend"),
    }
}

/// The linkage file of a loaded file as csv, and its name (`koppelbestand-<name>.csv`; the name
/// made safe for a zip entry or a folder: no separators, no "..").
pub fn linkage_csv(file: &LoadedFile, keys: &Keys, made: Date, options: &LinkageOptions) -> (String, Vec<u8>) {
    let stem = file.name.rsplit_once('.').map_or(file.name.as_str(), |(s, _)| s);
    let sheet = linkage_sheet(file, keys, made, options);
    (
        crate::write::safe_name(&format!("koppelbestand-{stem}.csv")),
        crate::write::csv::write(&sheet, crate::write::csv::CsvStyle::default()),
    )
}

/// The persons of a file in the order of its linkage file's rows (shuffled with the options' seed).
pub fn persons_in_order<'a>(file: &'a LoadedFile, options: &LinkageOptions) -> Vec<&'a Record> {
    let mut persons: Vec<&Record> = file.records.iter().filter(|r| r.is_person()).collect();
    crate::rng::Rng::new(options.seed).shuffle(&mut persons);
    persons
}

/// The linkage file of one loaded registration or national extract (persons only, rows shuffled).
pub fn linkage_sheet(file: &LoadedFile, keys: &Keys, made: Date, options: &LinkageOptions) -> Sheet {
    let persons = persons_in_order(file, options);
    let registration = file.kind == FileKind::Registration;
    // The checked fields and the fields asked for that this file has, in the dictionary's order.
    let fields: Vec<Field> = FIELDS
        .iter()
        .map(|i| i.field)
        .filter(|f| CHECKED.contains(f) || options.extra.contains(f))
        .filter(|f| !REPLACED.contains(f) && *f != Field::Geslacht)
        .filter(|f| {
            !matches!(
                f,
                Field::GeboortedatumPseudoniem | Field::GeboortedatumOmgedraaid | Field::Geboortejaar
            ) && !DATE_TESTS.contains(f)
        })
        // The field the linkage checks on is always there (it also tells the kind of file).
        .filter(|f| {
            persons.iter().any(|r| r.values.contains_key(f))
                || (*f == Field::Nationaliteit && !registration)
                || (*f == Field::LandHerkomst && registration)
        })
        .collect();
    let mut header: Vec<String> = Vec::new();
    if registration {
        header.push("steunpunt".into());
    }
    for h in [
        "pseudoniem_v_nummer",
        "naamcodering",
        "pseudoniem_geboortedatum",
        "pseudoniem_geboortedatum_omgedraaid",
        "geboortejaar",
        "geslacht",
    ] {
        header.push(h.into());
    }
    let tests = if registration {
        &DATE_TESTS[..3]
    } else {
        &DATE_TESTS[3..]
    };
    header.extend(tests.iter().map(|f| f.key().to_string()));
    header.extend(fields.iter().map(|f| f.key().to_string()));
    let mut sheet = Sheet::new(
        if registration {
            "Koppelbestand"
        } else {
            "Koppelbestand landelijk"
        },
        header,
    );
    let (m, t, p) = crate::link::pseudonym::KDF;
    sheet.title_rows.push(vec![Cell::text(format!(
        "Koppelbestand met pseudoniemen, gemaakt met Perspectief op {}: geen V-nummers, namen of exacte datums \
         (andere datums op de eerste van de maand), rijen in willekeurige volgorde. Niet anoniem: alleen te koppelen met \
         bestanden die met hetzelfde geheim zijn gemaakt. Sleutels: Argon2id ({} MiB, {t} rondes, {p} baan), \
         HKDF-SHA-256 en HMAC-SHA-256{}.",
        made.dutch(),
        m / 1024,
        match options.names {
            NameScheme::Hardened => "; namen verhard (gezouten met het geboortejaar, gebalanceerd)",
            NameScheme::Plain => "; namen niet verhard",
        }
    ))]);
    for r in persons {
        let mut row = Vec::with_capacity(sheet.header.len());
        if registration {
            let sp = r
                .text(Field::Steunpunt)
                .map(String::from)
                .or_else(|| file.steunpunt.clone());
            row.push(sp.map_or(Cell::Empty, Cell::text));
        }
        let v = classify(r.v_nummer.as_ref());
        row.push(v.usable().map_or(Cell::Empty, |v| Cell::text(keys.v_nummer(v))));
        let birth = r.date(Field::Geboortedatum);
        let name = r
            .name()
            .map(|n| keys.name_with(&n, birth.map(|d| d.year), options.names))
            .filter(|e| !e.is_empty());
        row.push(name.map_or(Cell::Empty, |e| Cell::text(e.to_text())));
        row.push(birth.map_or(Cell::Empty, |d| Cell::text(keys.birth_date(d))));
        let swapped = birth
            .and_then(|d| Date::new(d.year, d.day, d.month))
            .filter(|s| Some(*s) != birth);
        row.push(swapped.map_or(Cell::Empty, |d| Cell::text(keys.birth_date(d))));
        row.push(birth.map_or(Cell::Empty, |d| Cell::Number(f64::from(d.year))));
        row.push(r.code(Field::Geslacht).map_or(Cell::Empty, Cell::text));
        row.extend(
            date_tests(r, keys, registration)
                .into_iter()
                .map(|t| t.map_or(Cell::Empty, Cell::text)),
        );
        for f in &fields {
            row.push(r.values.get(f).map_or(Cell::Empty, cell));
        }
        sheet.rows.push(row);
    }
    debug_assert!(fields.iter().all(|f| f.info().value != ValueType::Id));
    sheet
}

/// The keyed date tests of Table 3's birth-date rules (`link::date_tests`): a registration's
/// three, then the extract's three.
pub const DATE_TESTS: [Field; 6] = [
    Field::DatumtoetsGeboortedatum,
    Field::DatumtoetsInstroom,
    Field::DatumtoetsLokaalAannemelijk,
    Field::DatumtoetsBinnenEenJaar,
    Field::DatumtoetsLandelijkAannemelijk,
    Field::DatumtoetsEersteRegistratie,
];

/// A record's three date-test cells, keyed with its V-nummer (none without a usable one: they
/// serve links on the V-nummer only).
fn date_tests(r: &Record, keys: &Keys, registration: bool) -> [Option<String>; 3] {
    use crate::link::date_tests::{local_plausible_range, national_plausible_range, point, within_a_year_range, Rule};
    let v = classify(r.v_nummer.as_ref());
    let Some(v) = v.usable() else {
        return [None, None, None];
    };
    let key = keys.date_tests();
    let birth = r.date(Field::Geboortedatum);
    if registration {
        let intake = r.date(Field::DatumInstroom);
        [
            birth.map(|b| point(key, v, Rule::WithinAYear, b)),
            intake.map(|i| point(key, v, Rule::NationalPlausible, i)),
            birth.and_then(|b| local_plausible_range(key, v, b, intake)),
        ]
    } else {
        let first = r.date(Field::DatumEersteRegistratie);
        [
            birth.map(|b| within_a_year_range(key, v, b)),
            birth.and_then(|b| national_plausible_range(key, v, b, first)),
            first.map(|f| point(key, v, Rule::LocalPlausible, f)),
        ]
    }
}

/// The audit of a linkage file's fields beside its keys (the keyed encodings identify anyone whose
/// V-nummer a holder of the secret knows; what else the file tells is what the audit is about).
pub fn audit(sheet: &Sheet, k: usize) -> super::Audit {
    let keys = [
        "pseudoniem_v_nummer",
        "naamcodering",
        "pseudoniem_geboortedatum",
        "pseudoniem_geboortedatum_omgedraaid",
    ];
    let kept: Vec<usize> = (0..sheet.header.len())
        .filter(|&i| !keys.contains(&sheet.header[i].as_str()))
        .filter(|&i| !DATE_TESTS.iter().any(|f| f.key() == sheet.header[i]))
        .collect();
    let columns: Vec<(String, crate::chaid::RawColumn)> = kept
        .iter()
        .map(|&i| {
            let values = sheet
                .rows
                .iter()
                .map(|r| r.get(i).map(Cell::to_text).filter(|t| !t.is_empty()));
            (sheet.header[i].clone(), crate::chaid::RawColumn::text(values))
        })
        .collect();
    let refs: Vec<(&str, &crate::chaid::RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let roles = super::audit::roles_for(&refs, &[]);
    let sensitive: Vec<String> = super::DEFAULT_SENSITIVE
        .iter()
        .filter(|s| refs.iter().any(|(n, _)| n == *s))
        .map(|s| s.to_string())
        .collect();
    super::audit::audit(
        &refs,
        &roles,
        &super::audit::Demands {
            k,
            l: 1,
            t: None,
            sensitive: &sensitive,
        },
    )
}
