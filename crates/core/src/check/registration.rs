//! The registration check per steunpunt (linkage.md §1): V-nummers,
//! duplicates within and across steunpunten, and plausibility, over all
//! registration files combined with provenance on every person.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::problem::{DateField, Decision, Detail, Problem, ProblemKind, Severity};
use super::vnummer::{classify, VNummer};
use crate::date::Date;
use crate::ingest::fields::Field;
use crate::ingest::load::LoadedFile;
use crate::ingest::records::{Provenance, Record};
use crate::ingest::steunpunt;
use crate::kind::FileKind;

/// What to do with one V-nummer registered twice with different contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictRule {
    /// Keep the row with the latest datum_instroom (default; the report says so).
    #[default]
    LatestIntake,
    /// Keep every row as a separate person.
    KeepAll,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckOptions {
    /// Reference date; default: the latest intake or outflow date in the data.
    pub peildatum: Option<Date>,
    pub conflict_rule: ConflictRule,
}

/// A person after combining: where its record is, its steunpunt, its usable
/// V-nummer, and the rows merged into it. The record stays in its file
/// (`files[file].records[index]`): nothing is copied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub steunpunt: String,
    pub v_nummer: VNummer,
    pub at: Provenance,
    /// Index of the file in the list given to [`check`] and of the record in it.
    pub file: usize,
    pub index: usize,
    /// Provenance of identical rows merged into this one.
    pub merged: Vec<Provenance>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SteunpuntSummary {
    pub rows: usize,
    pub persons: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notices: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub persons: Vec<Person>,
    pub problems: Vec<Problem>,
    pub peildatum: Date,
    pub steunpunten: BTreeMap<String, SteunpuntSummary>,
}

impl CheckResult {
    pub fn count(&self, kind: ProblemKind) -> usize {
        self.problems.iter().filter(|p| p.kind == kind).count()
    }
}

const UNKNOWN: &str = "Onbekend";

fn column_label(file: &LoadedFile, sheet: &str, field: Field) -> Option<String> {
    file.sheets
        .iter()
        .find(|s| s.sheet == sheet)
        .and_then(|s| s.columns.iter().find(|c| c.field == Some(field)))
        .map(|c| format!("{} ({})", c.header, c.letter))
}

fn located(mut p: Problem, steunpunt: &str, r: &Record) -> Problem {
    p.steunpunt = Some(steunpunt.to_string());
    p.at = Some(r.provenance.clone());
    p.v_nummer = r.v_nummer.as_ref().map(|v| v.text.clone());
    p.name = r.name();
    p
}

/// Check and combine every registration file.
pub fn check<F: std::borrow::Borrow<LoadedFile>>(files: &[F], options: &CheckOptions) -> CheckResult {
    let files: Vec<&LoadedFile> = files.iter().map(|f| f.borrow()).collect();
    let known = steunpunt::known_with(&[]);
    let mut problems = Vec::new();
    // (steunpunt, record, V-nummer, (file index, record index))
    let mut rows: Vec<(String, &Record, VNummer, (usize, usize))> = Vec::new();
    let mut summary: BTreeMap<String, SteunpuntSummary> = BTreeMap::new();

    for (file_index, &file) in files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == FileKind::Registration)
    {
        let mut file_without_steunpunt = false;
        // The same cell value over and over: match it against the known steunpunten once.
        let cache: std::cell::RefCell<HashMap<String, String>> = Default::default();
        let column_steunpunt = |r: &Record| {
            r.text(Field::Steunpunt).map(|s| {
                cache
                    .borrow_mut()
                    .entry(s.to_string())
                    .or_insert_with(|| steunpunt::find(s, &known).map_or_else(|| s.to_string(), String::from))
                    .clone()
            })
        };
        // Rows that are not persons belong to the file's steunpunt (their own cell may say "Totaal").
        let main = file.steunpunt.clone().or_else(|| {
            let mut freq: BTreeMap<String, usize> = BTreeMap::new();
            for r in file.records.iter().filter(|r| r.is_person()) {
                if let Some(sp) = column_steunpunt(r) {
                    *freq.entry(sp).or_default() += 1;
                }
            }
            freq.into_iter().max_by_key(|(_, n)| *n).map(|(sp, _)| sp)
        });
        for (record_index, r) in file.records.iter().enumerate() {
            let own = if r.is_person() { column_steunpunt(r) } else { None };
            let sp = own.or_else(|| main.clone()).unwrap_or_else(|| {
                file_without_steunpunt = true;
                UNKNOWN.to_string()
            });
            summary.entry(sp.clone()).or_default().rows += 1;
            if !r.is_person() {
                let text: Vec<&str> = r.cells.iter().map(String::as_str).filter(|c| !c.is_empty()).collect();
                let mut p = Problem::new(
                    ProblemKind::NotAPerson,
                    Detail::NotAPerson {
                        content: text.join(" "),
                    },
                );
                p.value = Some(text.join(" "));
                problems.push(located(p, &sp, r));
                continue;
            }
            let v = classify(r.v_nummer.as_ref());
            let col = || column_label(file, &r.provenance.sheet, Field::VNummer);
            let problem = match &v {
                VNummer::Valid(_) | VNummer::Pseudonym(_) => None,
                VNummer::Missing => Some(Problem::new(ProblemKind::MissingVNummer, Detail::MissingVNummer)),
                VNummer::WrongLength(n) => Some(Problem::new(
                    ProblemKind::WrongLength,
                    Detail::WrongLength {
                        value: n.clone(),
                        digits: n.len(),
                    },
                )),
                VNummer::Letters(n) if n.starts_with('#') => Some(Problem::new(
                    ProblemKind::Letters,
                    Detail::FormulaError { value: n.clone() },
                )),
                VNummer::Letters(n) if crate::check::vnummer::is_scientific(n) => Some(Problem::new(
                    ProblemKind::Letters,
                    Detail::Scientific { value: n.clone() },
                )),
                VNummer::Letters(n) => Some(Problem::new(ProblemKind::Letters, Detail::Letters { value: n.clone() })),
                VNummer::OtherRegistration(n) => Some(Problem::new(
                    ProblemKind::OtherRegistration,
                    Detail::OtherRegistration { value: n.clone() },
                )),
                VNummer::Repaired(n) => Some(Problem::new(
                    ProblemKind::RepairedZero,
                    Detail::RepairedZero { value: n.clone() },
                )),
            };
            if let Some(mut p) = problem {
                p.column = col();
                p.value = r.v_nummer.as_ref().map(|v| v.text.clone());
                problems.push(located(p, &sp, r));
            }
            rows.push((sp, r, v, (file_index, record_index)));
        }
        if file_without_steunpunt {
            let mut p = Problem::new(
                ProblemKind::NoSteunpunt,
                Detail::NoSteunpunt {
                    file: file.name.to_string(),
                },
            );
            p.steunpunt = Some(UNKNOWN.into());
            problems.push(p);
        }
        // Unrecognised values, per column.
        for sheet in &file.sheets {
            for rep in &sheet.reports {
                for (value, (count, at_rows)) in &rep.unrecognised {
                    let field = rep.field.map_or("", |f| f.key());
                    let mut p = Problem::new(
                        ProblemKind::UnrecognisedValue,
                        Detail::Unrecognised {
                            value: value.clone(),
                            field: field.to_string(),
                            count: *count,
                            rows: at_rows.clone(),
                        },
                    );
                    p.steunpunt = Some(main.clone().unwrap_or_else(|| UNKNOWN.into()));
                    p.at = Some(Provenance {
                        file: file.name.as_str().into(),
                        sheet: sheet.sheet.as_str().into(),
                        row: at_rows[0],
                    });
                    p.column = Some(format!("{} ({})", rep.header, rep.letter));
                    p.value = Some(value.clone());
                    problems.push(p);
                }
            }
        }
    }

    // Duplicates among usable V-nummers.
    let mut by_v: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (_, _, v, _)) in rows.iter().enumerate() {
        if let Some(n) = v.usable() {
            by_v.entry(n.to_string()).or_default().push(i);
        }
    }
    let mut drop = vec![false; rows.len()];
    let mut merged: HashMap<usize, Vec<Provenance>> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = by_v.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for group in groups {
        // Identical rows first: merge them into the first.
        let mut distinct: Vec<usize> = Vec::new();
        for &i in &group {
            match distinct.iter().find(|&&d| {
                let (a, b) = (&rows[d].1, &rows[i].1);
                rows[d].0 == rows[i].0 && a.values == b.values && a.cells == b.cells && a.v_nummer == b.v_nummer
            }) {
                Some(&d) => {
                    drop[i] = true;
                    merged.entry(d).or_default().push(rows[i].1.provenance.clone());
                    let mut p = Problem::new(
                        ProblemKind::ExactDuplicate,
                        Detail::ExactDuplicate {
                            same_as: rows[d].1.provenance.clone(),
                        },
                    );
                    p.value = rows[i].2.usable().map(String::from);
                    problems.push(located(p, &rows[i].0, rows[i].1));
                }
                None => distinct.push(i),
            }
        }
        if distinct.len() < 2 {
            continue;
        }
        let keep = match options.conflict_rule {
            ConflictRule::LatestIntake => *distinct
                .iter()
                .max_by_key(|&&i| (rows[i].1.date(Field::DatumInstroom), std::cmp::Reverse(i)))
                .expect("two or more"),
            ConflictRule::KeepAll => usize::MAX,
        };
        for &i in &distinct {
            let others: Vec<(Provenance, String)> = distinct
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| (rows[j].1.provenance.clone(), rows[j].0.clone()))
                .collect();
            let across = distinct.iter().any(|&j| rows[j].0 != rows[i].0);
            let kind = if across {
                ProblemKind::ConflictAcross
            } else {
                ProblemKind::ConflictWithin
            };
            let decision = match options.conflict_rule {
                ConflictRule::KeepAll => Decision::KeptAll,
                _ if i == keep => Decision::Kept,
                _ => Decision::LeftOut,
            };
            let mut p = Problem::new(kind, Detail::Conflict { others, decision });
            p.value = rows[i].2.usable().map(String::from);
            problems.push(located(p, &rows[i].0, rows[i].1));
            if keep != usize::MAX && i != keep {
                drop[i] = true;
            }
        }
    }

    let kept: Vec<usize> = (0..rows.len()).filter(|&i| !drop[i]).collect();
    let peildatum = options.peildatum.unwrap_or_else(|| {
        kept.iter()
            .flat_map(|&i| {
                [
                    rows[i].1.date(Field::DatumInstroom),
                    rows[i].1.date(Field::DatumUitstroom),
                ]
            })
            .flatten()
            .max()
            .unwrap_or(Date {
                year: 2011,
                month: 4,
                day: 1,
            })
    });
    for &i in &kept {
        plausibility(&rows[i].0, rows[i].1, peildatum, &files, &mut problems);
        summary.entry(rows[i].0.clone()).or_default().persons += 1;
    }
    let persons: Vec<Person> = kept
        .into_iter()
        .map(|i| Person {
            steunpunt: rows[i].0.clone(),
            v_nummer: rows[i].2.clone(),
            at: rows[i].1.provenance.clone(),
            file: rows[i].3 .0,
            index: rows[i].3 .1,
            merged: merged.remove(&i).unwrap_or_default(),
        })
        .collect();
    for p in &problems {
        let s = summary
            .entry(p.steunpunt.clone().unwrap_or_else(|| UNKNOWN.into()))
            .or_default();
        match p.severity {
            Severity::Fout => s.errors += 1,
            Severity::Waarschuwing => s.warnings += 1,
            Severity::Melding => s.notices += 1,
        }
    }
    problems.sort_by(|a, b| (&a.steunpunt, a.kind, a.at.as_ref()).cmp(&(&b.steunpunt, b.kind, b.at.as_ref())));
    CheckResult {
        persons,
        problems,
        peildatum,
        steunpunten: summary,
    }
}

fn plausibility(steunpunt: &str, r: &Record, peildatum: Date, files: &[&LoadedFile], problems: &mut Vec<Problem>) {
    let file = files.iter().find(|f| *f.name == *r.provenance.file);
    let col = |f: Field| file.and_then(|file| column_label(file, &r.provenance.sheet, f));
    let mut push = |kind, field: Field, value: Option<Date>, detail: Detail| {
        let mut p = Problem::new(kind, detail);
        p.column = col(field);
        p.value = value.map(|d| d.dutch());
        problems.push(located(p, steunpunt, r));
    };
    let birth = r.date(Field::Geboortedatum);
    let intake = r.date(Field::DatumInstroom);
    let outflow = r.date(Field::DatumUitstroom);
    if let (Some(b), Some(i)) = (birth, intake) {
        if i < b {
            push(
                ProblemKind::IntakeBeforeBirth,
                Field::DatumInstroom,
                intake,
                Detail::IntakeBeforeBirth { intake: i, birth: b },
            );
        } else {
            let age = b.years_until(i);
            if !(18..=35).contains(&age) {
                push(
                    ProblemKind::AgeAtIntake,
                    Field::Geboortedatum,
                    birth,
                    Detail::AgeAtIntake {
                        age,
                        birth: b,
                        intake: i,
                    },
                );
            }
        }
    }
    if let (Some(i), Some(o)) = (intake, outflow) {
        if o < i {
            push(
                ProblemKind::OutflowBeforeIntake,
                Field::DatumUitstroom,
                outflow,
                Detail::OutflowBeforeIntake { outflow: o, intake: i },
            );
        }
    }
    match (r.code(Field::Resultaat), outflow) {
        (Some("In begeleiding"), Some(o)) => push(
            ProblemKind::OutflowButInCounselling,
            Field::DatumUitstroom,
            Some(o),
            Detail::OutflowButInCounselling { outflow: o },
        ),
        (Some(res), None) if res != "In begeleiding" => push(
            ProblemKind::EndedWithoutOutflow,
            Field::DatumUitstroom,
            None,
            Detail::EndedWithoutOutflow {
                result: res.to_string(),
            },
        ),
        _ => {}
    }
    for (field, which) in [
        (Field::Geboortedatum, DateField::Birth),
        (Field::DatumInstroom, DateField::Intake),
        (Field::DatumUitstroom, DateField::Outflow),
    ] {
        if let Some(d) = r.date(field) {
            if d > peildatum {
                push(
                    ProblemKind::FutureDate,
                    field,
                    Some(d),
                    Detail::FutureDate {
                        field: which,
                        date: d,
                        peildatum,
                    },
                );
            }
        }
    }
}

impl Provenance {
    /// `rij 14`, with the sheet when there is one.
    pub fn row_text(&self) -> String {
        if self.sheet.is_empty() {
            format!("rij {}", self.row)
        } else {
            format!("tabblad '{}', rij {}", self.sheet, self.row)
        }
    }

    /// `bestand.xlsx, tabblad 'Registratie', rij 14`
    pub fn full_text(&self) -> String {
        format!("{}, {}", self.file, self.row_text())
    }
}
