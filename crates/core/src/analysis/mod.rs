//! The analysis file: one row per local person, national fields only for
//! compatible links, derived variables with the peildatum, and the steunpunt
//! characteristics attached (the report's "multi-level" file).

use serde::{Deserialize, Serialize};

pub mod labels;
pub mod run;

use crate::chaid::data::{Level, RawColumn};
use crate::check::registration::CheckResult;
use crate::date::Date;
use crate::ingest::fields::Field;
use crate::ingest::fold::fold_words;
use crate::ingest::load::LoadedFile;
use crate::ingest::records::{Record, Value};
use crate::ingest::values::YesNo;
use crate::kind::FileKind;
use crate::link::countries;
use crate::link::linkage::Linkage;
use crate::table::{Cell, Sheet};

/// A variable of the analysis file, with its measurement level and set.
#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    pub name: String,
    pub level: Level,
    pub set: Option<String>,
    pub subset: Option<String>,
    pub values: RawColumn,
    /// Who set the level: the dictionary, SPSS's rule (characteristics), or the user.
    pub rule: crate::chaid::data::LevelRule,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisFile {
    pub persons: usize,
    pub with_national_data: usize,
    pub peildatum: Date,
    pub variables: Vec<Variable>,
}

/// The analysis file's column with the peildatum (ISO, the same on every row): see
/// [`AnalysisFile::sheet`].
pub const PEILDATUM_COLUMN: &str = "peildatum";

/// The variables per set and subset, for the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetCount {
    pub set: String,
    pub subset: String,
    pub variables: usize,
}

const START: Date = Date {
    year: 2009,
    month: 10,
    day: 1,
};

fn months(from: Date, to: Date) -> f64 {
    (to.days() - from.days()) as f64 / (365.25 / 12.0)
}

fn years(from: Date, to: Date) -> f64 {
    (to.days() - from.days()) as f64 / 365.25
}

fn text_value(r: &Record, f: Field) -> Option<String> {
    let value = r.values.get(&f)?;
    match value {
        Value::Text(_) | Value::Code(_) | Value::Unrecognised(_) => value.as_str().map(String::from),
        Value::YesNo(YesNo::Ja) => Some("ja".into()),
        Value::YesNo(YesNo::Nee) => Some("nee".into()),
        Value::YesNo(YesNo::Onbekend) => Some("onbekend".into()),
        Value::Count(n) => Some(n.to_string()),
        Value::Date(d) => Some(d.dutch()),
    }
}

fn count_value(r: &Record, f: Field) -> Option<f64> {
    match r.values.get(&f)? {
        Value::Count(n) => Some(f64::from(*n)),
        _ => None,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

struct Builder {
    variables: Vec<Variable>,
    sets: Vec<(String, String, String)>,
}

impl Builder {
    fn add(&mut self, name: &str, level: Level, values: RawColumn) {
        self.add_by(name, level, values, crate::chaid::data::LevelRule::Dictionary);
    }

    fn add_by(&mut self, name: &str, level: Level, values: RawColumn, rule: crate::chaid::data::LevelRule) {
        // Derived numbers (years, months) to three decimals, as the exported file has them:
        // a tree grown here and one grown on the export are the same tree.
        let values = match values {
            RawColumn::Number(xs) => RawColumn::Number(xs.into_iter().map(|x| x.map(round3)).collect()),
            text => text,
        };
        let set = self.sets.iter().find(|(v, _, _)| v == name);
        self.variables.push(Variable {
            name: name.to_string(),
            level,
            set: set.map(|s| s.1.clone()),
            subset: set.map(|s| s.2.clone()),
            values,
            rule,
        });
    }
}

/// The report's four outcomes: the yes/no dummy of the analysis file and the `resultaat`
/// it stands for. Declared here once; the page's one-click trees, the roles, the
/// conclusions and the outcome variables all read it.
pub const OUTCOMES: [(&str, &str); 4] = [
    ("in_begeleiding", "In begeleiding"),
    ("mob", "MOB"),
    ("terugkeer", "Terugkeer"),
    ("verblijfsvergunning", "Verblijfsvergunning"),
];

/// Whether a variable describes the outcome itself (never a predictor of an outcome).
pub fn is_outcome_variable(name: &str) -> bool {
    ["resultaat", "beeindigd_door", "duur_begeleiding_maanden"].contains(&name)
        || OUTCOMES.iter().any(|(dummy, _)| *dummy == name)
}

/// Build the analysis file. `peildatum`: the user's reference date, default the check's.
pub fn build(files: &[&LoadedFile], check: &CheckResult, linkage: &Linkage, peildatum: Option<Date>) -> AnalysisFile {
    let peildatum = peildatum.unwrap_or(check.peildatum);
    let n = check.persons.len();
    let local: Vec<&Record> = check.persons.iter().map(|p| &files[p.file].records[p.index]).collect();
    let national_file = files.iter().find(|f| f.kind == FileKind::National);
    let mut national: Vec<Option<&Record>> = vec![None; n];
    // A linkage file has the birth year only: the middle of that year stands in for the date.
    let birth = |r: &Record| {
        r.date(Field::Geboortedatum).or_else(|| {
            let year = count_value(r, Field::Geboortejaar)?;
            Date::new(year as i32, 7, 1)
        })
    };
    let mut birth_used: Vec<Option<Date>> = local.iter().map(|r| birth(r)).collect();
    if let Some(nf) = national_file {
        for l in linkage.links.iter().filter(|l| l.compatible()) {
            national[l.person] = Some(&nf.records[l.national]);
            birth_used[l.person] = l.verification.birth_used.or(birth_used[l.person]);
        }
    }
    // Characteristics: the `kenmerken` table and the `sets` sheet.
    let characteristics = files.iter().find(|f| f.kind == FileKind::Characteristics);
    let mut sets = Vec::new();
    let mut steunpunt_values: Vec<(String, Vec<String>)> = Vec::new();
    let mut characteristic_names: Vec<String> = Vec::new();
    if let Some(c) = characteristics {
        for sheet in &c.sheets {
            let headers: Vec<String> = sheet
                .columns
                .iter()
                .map(|col| crate::ingest::fold::fold(&col.header))
                .collect();
            let rows: Vec<&Record> = c
                .records
                .iter()
                .filter(|r| *r.provenance.sheet == *sheet.sheet)
                .collect();
            if headers.first().map(String::as_str) == Some("variable") {
                for r in rows {
                    if r.cells.len() >= 3 && !r.cells[0].is_empty() {
                        sets.push((r.cells[0].clone(), r.cells[1].clone(), r.cells[2].clone()));
                    }
                }
            } else if headers.first().map(String::as_str) == Some("steunpunt") {
                characteristic_names = sheet.columns.iter().skip(1).map(|c| c.header.clone()).collect();
                for r in rows {
                    if let Some(sp) = r.cells.first().filter(|s| !s.is_empty()) {
                        steunpunt_values.push((fold_words(sp), r.cells[1..].to_vec()));
                    }
                }
            }
        }
    }
    let mut b = Builder {
        variables: Vec::new(),
        sets,
    };
    let text = |f: Field| RawColumn::text(local.iter().map(|r| text_value(r, f)));
    let nat_text = |f: Field| RawColumn::text(national.iter().map(|r| r.and_then(|r| text_value(r, f))));
    let nat_count = |f: Field| RawColumn::Number(national.iter().map(|r| r.and_then(|r| count_value(r, f))).collect());
    let number = |f: &dyn Fn(usize) -> Option<f64>| RawColumn::Number((0..n).map(f).collect());
    let intake = |i: usize| local[i].date(Field::DatumInstroom);
    let outflow = |i: usize| local[i].date(Field::DatumUitstroom);
    let first_reg = |i: usize| national[i].and_then(|r| r.date(Field::DatumEersteRegistratie));

    b.add(
        "steunpunt",
        Level::Nominal,
        RawColumn::text(check.persons.iter().map(|p| Some(p.steunpunt.clone()))),
    );
    b.add("geslacht", Level::Nominal, text(Field::Geslacht));
    b.add("land_herkomst", Level::Nominal, text(Field::LandHerkomst));
    b.add("regio_herkomst", Level::Nominal, {
        // Few distinct countries, many persons: each name is looked up once.
        let mut seen: std::collections::HashMap<&str, Option<&'static str>> = Default::default();
        RawColumn::text(local.iter().map(|r| {
            let country = r.text(Field::LandHerkomst)?;
            *seen.entry(country).or_insert_with(|| countries::region(country))
        }))
    });
    b.add("resultaat", Level::Nominal, text(Field::Resultaat));
    for (name, code) in OUTCOMES {
        b.add(
            name,
            Level::Nominal,
            RawColumn::text(
                local
                    .iter()
                    .map(|r| r.code(Field::Resultaat).map(|c| if c == code { "ja" } else { "nee" })),
            ),
        );
    }
    b.add(
        "aantal_contacten",
        Level::Scale,
        number(&|i| count_value(local[i], Field::AantalContacten)),
    );
    for (name, f) in [
        ("arts", Field::Arts),
        ("psychiatrische_diagnose", Field::PsychiatrischeDiagnose),
        ("kinderen_nl", Field::KinderenNl),
        ("traject", Field::Traject),
        ("beeindigd_door", Field::BeeindigdDoor),
        ("vastlopend", Field::Vastlopend),
    ] {
        b.add(name, Level::Nominal, text(f));
    }
    b.add(
        "leeftijd_instroom",
        Level::Scale,
        number(&|i| Some(years(birth_used[i]?, intake(i)?))),
    );
    b.add(
        "leeftijd_bekend_nl",
        Level::Scale,
        number(&|i| Some(years(birth_used[i]?, first_reg(i)?))),
    );
    b.add(
        "verblijfsduur_nl_bij_instroom",
        Level::Scale,
        number(&|i| Some(years(first_reg(i)?, intake(i)?))),
    );
    let duration = |i: usize| {
        let start = intake(i)?;
        let end = outflow(i).unwrap_or(peildatum);
        Some(months(start, end).max(0.0))
    };
    b.add("duur_begeleiding_maanden", Level::Scale, number(&|i| duration(i)));
    b.add(
        "contacten_per_maand",
        Level::Scale,
        number(&|i| {
            let d = duration(i)?;
            (d > 0.0)
                .then(|| count_value(local[i], Field::AantalContacten).map(|c| c / d))
                .flatten()
        }),
    );
    b.add(
        "kwartaal_instroom",
        Level::Ordinal,
        RawColumn::text((0..n).map(|i| {
            intake(i).map(|d| {
                if d < START {
                    "voor 1-10-2009".to_string()
                } else {
                    format!("{}-K{}", d.year, (d.month - 1) / 3 + 1)
                }
            })
        })),
    );
    let vbm_date = |i: usize| national[i].and_then(|r| r.date(Field::DatumEersteVbm));
    b.add(
        "ooit_vbm",
        Level::Nominal,
        RawColumn::text((0..n).map(|i| {
            national[i].map(|r| {
                if count_value(r, Field::AantalVbm).unwrap_or(0.0) > 0.0 {
                    "ja"
                } else {
                    "nee"
                }
            })
        })),
    );
    b.add(
        "vbm_voor_instroom",
        Level::Nominal,
        RawColumn::text((0..n).map(|i| {
            national[i]?;
            Some(match (vbm_date(i), intake(i)) {
                (Some(v), Some(s)) if v < s => "ja",
                _ => "nee",
            })
        })),
    );
    let first_asylum = |i: usize| national[i].and_then(|r| r.date(Field::DatumEersteAsielaanvraag));
    b.add(
        "leeftijd_eerste_asielaanvraag",
        Level::Scale,
        number(&|i| Some(years(birth_used[i]?, first_asylum(i)?))),
    );
    b.add(
        "duur_eerste_beslissing_maanden",
        Level::Scale,
        number(&|i| {
            Some(months(
                first_asylum(i)?,
                national[i]?.date(Field::DatumBeslissingEersteAanvraag)?,
            ))
        }),
    );
    b.add("nationaliteit", Level::Nominal, nat_text(Field::Nationaliteit));
    for (name, f) in [
        ("aantal_asielaanvragen", Field::AantalAsielaanvragen),
        ("aantal_beroep_ar", Field::AantalBeroepAr),
        ("aantal_beroep_ac", Field::AantalBeroepAc),
        ("aantal_beroep_vk", Field::AantalBeroepVk),
        ("aantal_reguliere_aanvragen", Field::AantalReguliereAanvragen),
        ("aantal_vbm", Field::AantalVbm),
        ("duur_vbm_dagen", Field::DuurVbmDagen),
    ] {
        b.add(name, Level::Scale, nat_count(f));
    }
    for (name, f) in [
        ("buiten_schuld", Field::BuitenSchuld),
        ("buiten_schuld_gegrond", Field::BuitenSchuldGegrond),
        ("huidige_verblijfstitel", Field::HuidigeVerblijfstitel),
        ("in_procedure", Field::InProcedure),
    ] {
        b.add(name, Level::Nominal, nat_text(f));
    }
    // Characteristics, per person through the steunpunt.
    let row_of: Vec<Option<&Vec<String>>> = check
        .persons
        .iter()
        .map(|p| {
            steunpunt_values
                .iter()
                .find(|(sp, _)| *sp == fold_words(&p.steunpunt))
                .map(|(_, v)| v)
        })
        .collect();
    for (k, name) in characteristic_names.iter().enumerate() {
        let values: Vec<Option<String>> = row_of
            .iter()
            .map(|r| r.and_then(|v| v.get(k)).filter(|s| !s.is_empty()).cloned())
            .collect();
        let numbers: Option<Vec<Option<f64>>> = values
            .iter()
            .map(|v| {
                v.as_ref()
                    .map_or(Some(None), |s| crate::ingest::values::parse_number(s).map(Some))
            })
            .collect();
        let col = match numbers {
            Some(nums) if nums.iter().any(Option::is_some) => RawColumn::Number(nums),
            _ => RawColumn::text(values),
        };
        let (level, why) = col.spss_level(crate::chaid::data::SCALEMIN);
        b.add_by(name, level, col, crate::chaid::data::LevelRule::Automatic(why));
    }
    AnalysisFile {
        persons: n,
        with_national_data: national.iter().filter(|r| r.is_some()).count(),
        peildatum,
        variables: b.variables,
    }
}

impl AnalysisFile {
    /// Set measurement levels chosen by the user (by variable name; unknown names are ignored).
    pub fn set_levels(&mut self, levels: &[(String, Level)]) {
        for v in &mut self.variables {
            if let Some((_, level)) = levels.iter().find(|(n, _)| *n == v.name) {
                v.level = *level;
                v.rule = crate::chaid::data::LevelRule::User;
            }
        }
    }

    /// The variables as named columns (borrowed), for anonymisation.
    pub fn columns(&self) -> Vec<(&str, &RawColumn)> {
        self.variables.iter().map(|v| (v.name.as_str(), &v.values)).collect()
    }

    /// Variables per set and subset (variables without a set under "—").
    pub fn sets(&self) -> Vec<SetCount> {
        let mut out: Vec<SetCount> = Vec::new();
        for v in &self.variables {
            let set = v.set.clone().unwrap_or_else(|| "—".into());
            let subset = v.subset.clone().unwrap_or_else(|| "—".into());
            match out.iter_mut().find(|s| s.set == set && s.subset == subset) {
                Some(s) => s.variables += 1,
                None => out.push(SetCount {
                    set,
                    subset,
                    variables: 1,
                }),
            }
        }
        out
    }

    /// As a sheet (one row per person, in a random order from `seed`), for csv/xlsx export. No
    /// V-nummers or names; not anonymous either (that is `anonymise`). The last column,
    /// [`PEILDATUM_COLUMN`], carries the peildatum the durations were computed with (the same on
    /// every row), so whoever reads the file back (`perspectief national-figures`) needs not ask.
    pub fn sheet(&self, seed: u64) -> Sheet {
        let columns: Vec<(&str, &RawColumn)> = self.variables.iter().map(|v| (v.name.as_str(), &v.values)).collect();
        let mut sheet = columns_sheet("Analysebestand", &columns);
        if !self.variables.iter().any(|v| v.name == PEILDATUM_COLUMN) {
            sheet.header.push(PEILDATUM_COLUMN.to_string());
            let iso = self.peildatum.iso();
            for row in &mut sheet.rows {
                row.push(Cell::text(iso.clone()));
            }
        }
        crate::rng::Rng::new(seed).shuffle(&mut sheet.rows);
        sheet
    }
}

/// Columns as csv (one row per record; numbers to three decimals), written straight from the
/// columns: each distinct text is escaped once, a million rows take no cell per value.
pub fn columns_csv(columns: &[(&str, &RawColumn)], style: crate::write::csv::CsvStyle) -> Vec<u8> {
    use crate::write::csv::{field, number_text};
    let delimiter = char::from(style.delimiter);
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    // Each text column's labels, escaped once.
    let escaped: Vec<Option<Vec<String>>> = columns
        .iter()
        .map(|(_, c)| match c {
            RawColumn::Text(t) => Some(t.labels.iter().map(|l| field(l, delimiter)).collect()),
            RawColumn::Number(_) => None,
        })
        .collect();
    let mut out = String::with_capacity(rows * columns.len() * 4 + 64);
    for (i, (name, _)) in columns.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        out.push_str(&field(name, delimiter));
    }
    out.push_str("\r\n");
    for row in 0..rows {
        for (i, (_, c)) in columns.iter().enumerate() {
            if i > 0 {
                out.push(delimiter);
            }
            match c {
                RawColumn::Number(x) => {
                    if let Some(x) = x[row] {
                        out.push_str(&number_text(round3(x), style.decimal_comma));
                    }
                }
                RawColumn::Text(t) => {
                    let code = t.codes[row];
                    if code != crate::chaid::data::TextColumn::MISSING {
                        out.push_str(&escaped[i].as_ref().expect("text")[code as usize]);
                    }
                }
            }
        }
        out.push_str("\r\n");
    }
    match style.encoding {
        crate::write::csv::Encoding::Utf8 => out.into_bytes(),
        crate::write::csv::Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], out.as_bytes()].concat(),
        crate::write::csv::Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(&out).0.into_owned(),
    }
}

/// Columns as a sheet (one row per record; numbers to three decimals).
pub fn columns_sheet(name: &str, columns: &[(&str, &RawColumn)]) -> Sheet {
    let mut s = Sheet::new(name, columns.iter().map(|(n, _)| n.to_string()).collect());
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    for row in 0..rows {
        s.rows.push(
            columns
                .iter()
                .map(|(_, c)| match c {
                    RawColumn::Number(x) => x[row].map_or(Cell::Empty, |x| Cell::Number(round3(x))),
                    RawColumn::Text(t) => t.get(row).map_or(Cell::Empty, Cell::text),
                })
                .collect(),
        );
    }
    s
}

/// The persons of the national extract who are not in the analysis file (no compatible link),
/// with the columns the extract gives them (the others missing): with the file's own persons
/// they are the population for journalist and marketer risk. Same columns as `analysis`.
pub fn population_extra(files: &[&LoadedFile], linkage: &Linkage, analysis: &AnalysisFile) -> Vec<(String, RawColumn)> {
    let Some(national) = files.iter().find(|f| f.kind == FileKind::National) else {
        return analysis
            .variables
            .iter()
            .map(|v| (v.name.clone(), RawColumn::Number(Vec::new())))
            .collect();
    };
    let mut linked = vec![false; national.records.len()];
    for l in linkage.links.iter().filter(|l| l.compatible()) {
        linked[l.national] = true;
    }
    let extra: Vec<&Record> = national
        .records
        .iter()
        .zip(&linked)
        .filter(|(_, &l)| !l)
        .map(|(r, _)| r)
        .collect();
    let years_between = |r: &Record, from: Field, to: Field| Some(round3(years(r.date(from)?, r.date(to)?)));
    analysis
        .variables
        .iter()
        .map(|v| {
            let column = match v.name.as_str() {
                "geslacht" => RawColumn::text(extra.iter().map(|r| text_value(r, Field::Geslacht))),
                "nationaliteit" => RawColumn::text(extra.iter().map(|r| text_value(r, Field::Nationaliteit))),
                "leeftijd_bekend_nl" => RawColumn::Number(
                    extra
                        .iter()
                        .map(|r| years_between(r, Field::Geboortedatum, Field::DatumEersteRegistratie))
                        .collect(),
                ),
                "leeftijd_eerste_asielaanvraag" => RawColumn::Number(
                    extra
                        .iter()
                        .map(|r| years_between(r, Field::Geboortedatum, Field::DatumEersteAsielaanvraag))
                        .collect(),
                ),
                "duur_eerste_beslissing_maanden" => RawColumn::Number(
                    extra
                        .iter()
                        .map(|r| {
                            Some(round3(months(
                                r.date(Field::DatumEersteAsielaanvraag)?,
                                r.date(Field::DatumBeslissingEersteAanvraag)?,
                            )))
                        })
                        .collect(),
                ),
                _ => match v.values {
                    RawColumn::Number(_) => RawColumn::Number(vec![None; extra.len()]),
                    RawColumn::Text(_) => RawColumn::text(extra.iter().map(|_| None::<&str>)),
                },
            };
            (v.name.clone(), column)
        })
        .collect()
}
