//! The demo files through the real readers and the registration check: the
//! planted problems are found, and nothing else is flagged.

use std::collections::BTreeMap;

use perspectief_core::check::problem::ProblemKind;
use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::demo::{self, PlantedKind};
use perspectief_core::ingest::load::load;
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;

#[test]
fn demo_files_load_with_their_planted_problems_and_nothing_else() {
    let set = demo::generate(demo::DEFAULT_SEED);
    let known = known_with(&[]);
    let files: Vec<_> = set
        .files
        .iter()
        .map(|f| load(&f.name, &f.bytes, None, &known).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    for (f, loaded) in set.files.iter().zip(&files) {
        assert_eq!(loaded.kind, f.kind, "{}", f.name);
        if f.kind == FileKind::Registration {
            assert_eq!(loaded.records.len() - footer_rows(loaded), f.rows, "{}", f.name);
        }
    }
    let amsterdam = files
        .iter()
        .find(|f| f.name == "registratie_amsterdam_2010.xlsx")
        .unwrap();
    assert_eq!(amsterdam.sheets.len(), 2, "both sheets are read");
    assert_eq!(
        files
            .iter()
            .find(|f| f.name == "den_haag_deelnemers.xlsx")
            .unwrap()
            .steunpunt
            .as_deref(),
        Some("Den Haag")
    );

    let result = check(&files, &CheckOptions::default());
    let mut counts: BTreeMap<ProblemKind, usize> = BTreeMap::new();
    for p in &result.problems {
        *counts.entry(p.kind).or_default() += 1;
    }
    let mut want = BTreeMap::new();
    want.insert(ProblemKind::MissingVNummer, set.count(PlantedKind::MissingVNummer));
    want.insert(ProblemKind::WrongLength, 1);
    want.insert(ProblemKind::Letters, 1);
    want.insert(
        ProblemKind::OtherRegistration,
        set.count(PlantedKind::OtherRegistrationNumber),
    );
    want.insert(ProblemKind::RepairedZero, set.count(PlantedKind::LeadingZeroLost));
    want.insert(ProblemKind::ExactDuplicate, set.count(PlantedKind::ExactDuplicate));
    want.insert(
        ProblemKind::ConflictAcross,
        2 * set.count(PlantedKind::ConflictingDuplicate),
    );
    let footers: usize = files
        .iter()
        .filter(|f| f.kind == FileKind::Registration)
        .map(footer_rows)
        .sum();
    want.insert(ProblemKind::NotAPerson, footers);
    assert_eq!(
        counts,
        want,
        "{:#?}",
        result
            .problems
            .iter()
            .filter(|p| !want.contains_key(&p.kind))
            .take(5)
            .collect::<Vec<_>>()
    );
    assert_eq!(result.persons.len(), 733);
    assert_eq!(result.steunpunten.len(), 20);
    assert_eq!(result.steunpunten["Utrecht"].persons, 95);
    // Every problem names its file and row.
    for p in result.problems.iter().filter(|p| p.kind != ProblemKind::NoSteunpunt) {
        assert!(p.at.as_ref().is_some_and(|a| a.row > 0 && !a.file.is_empty()), "{p:?}");
    }
}

/// Rows below the data that carry no V-nummer and no name (totals, remarks, the synthetic notice).
fn footer_rows(f: &perspectief_core::ingest::load::LoadedFile) -> usize {
    f.records.iter().filter(|r| !r.is_person()).count()
}
