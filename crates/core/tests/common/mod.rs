//! The demo as the tests use it: its files loaded, and its analysis file linked.

#![allow(dead_code)]

use perspectief_core::analysis::AnalysisFile;
use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::link::linkage::{link, LinkOptions, Linkage};

/// Every demo file, loaded as the app loads it.
pub fn demo_files() -> Vec<LoadedFile> {
    let set = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
    let known = known_with(&[]);
    set.files
        .iter()
        .map(|f| load(&f.name, &f.bytes, None, &known).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// The demo checked, linked, and its analysis file (registrations, extract and characteristics).
pub struct Demo {
    pub files: Vec<LoadedFile>,
    pub linkage: Linkage,
    pub analysis: AnalysisFile,
}

pub fn demo() -> Demo {
    let files = demo_files();
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    let linkage = link(&refs, &checked, &LinkOptions::default()).unwrap();
    let analysis = perspectief_core::analysis::build(&refs, &checked, &linkage, None);
    Demo {
        files,
        linkage,
        analysis,
    }
}

/// A public reference data set of `tests/data/reference` (iris, Titanic), read as the app reads it.
pub fn reference(name: &str) -> Vec<(String, perspectief_core::chaid::RawColumn)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reference")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    perspectief_core::ingest::plain::columns(name, &bytes).unwrap()
}

/// A CHAID specification without weights, ten intervals.
pub fn spec(
    target: &str,
    level: perspectief_core::chaid::Level,
    predictors: &[(&str, perspectief_core::chaid::Level)],
) -> perspectief_core::chaid::Spec {
    perspectief_core::chaid::Spec {
        target: target.into(),
        target_level: level,
        predictors: predictors.iter().map(|(p, l)| (p.to_string(), *l)).collect(),
        freq_weight: None,
        case_weight: None,
        intervals: 10,
    }
}

/// Titanic's passengers with a known outcome, and the tree specification the chart and wave
/// tests use (survived by sex, class and age).
pub fn titanic_known() -> (
    Vec<(String, perspectief_core::chaid::RawColumn)>,
    perspectief_core::chaid::Spec,
) {
    use perspectief_core::chaid::Level;
    let columns = reference("titanic.csv");
    let survived = columns.iter().position(|(n, _)| n == "survived").unwrap();
    let keep: Vec<usize> = (0..columns[0].1.len())
        .filter(|&r| !columns[survived].1.is_missing(r))
        .collect();
    let columns = columns.iter().map(|(n, c)| (n.clone(), c.select(&keep))).collect();
    let s = spec(
        "survived",
        Level::Nominal,
        &[
            ("sex", Level::Nominal),
            ("pclass", Level::Ordinal),
            ("age", Level::Scale),
        ],
    );
    (columns, s)
}
