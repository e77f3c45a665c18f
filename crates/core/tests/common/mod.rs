//! The demo as the tests use it: its files loaded, and its analysis file linked; reference data
//! sets; draws from a seed for made-up data.

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

/// Iris's species by its four measurements (all scale).
pub fn iris_spec() -> perspectief_core::chaid::Spec {
    let s = perspectief_core::chaid::Level::Scale;
    let measurements = [
        ("sepal_length", s),
        ("sepal_width", s),
        ("petal_length", s),
        ("petal_width", s),
    ];
    spec("species", perspectief_core::chaid::Level::Nominal, &measurements)
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

/// A synthetic credit-rating set in the manner of IBM's `tree_credit` example (that file is not
/// public): income level (ordinal), number of credit cards, education, car loans, age (scale),
/// 2,000 rows; and the tree's specification. Synthetic: no real person.
pub fn credit() -> (
    Vec<(String, perspectief_core::chaid::RawColumn)>,
    perspectief_core::chaid::Spec,
) {
    use perspectief_core::chaid::{Level::*, RawColumn};
    let mut rng = perspectief_core::rng::Rng::new(2026);
    let mut cols: Vec<Vec<Option<String>>> = vec![Vec::new(); 5];
    let mut age = Vec::new();
    for _ in 0..2000 {
        let income = rng.range(0, 2) as usize;
        let cards = rng.range(0, 1) as usize;
        let education = rng.range(0, 1) as usize;
        let loans = rng.range(0, 2) as usize;
        let a = 20.0 + rng.range(0, 45) as f64 + 0.5 * rng.unit();
        let good = 0.25 + 0.25 * income as f64 - 0.2 * cards as f64
            + 0.1 * education as f64
            + if a > 35.0 { 0.15 } else { 0.0 };
        let class = if rng.chance(good.clamp(0.05, 0.95)) {
            "goed"
        } else {
            "slecht"
        };
        cols[0].push(Some(class.into()));
        cols[1].push(
            rng.chance(0.97)
                .then(|| ["1 laag", "2 midden", "3 hoog"][income].into()),
        );
        cols[2].push(Some(["minder dan 5", "5 of meer"][cards].into()));
        cols[3].push(Some(["middelbaar", "hoger"][education].into()));
        cols[4].push(Some(["geen", "een", "meer dan een"][loans].into()));
        age.push(rng.chance(0.98).then_some(a));
    }
    let names = [
        "kredietwaardigheid",
        "inkomen",
        "creditcards",
        "opleiding",
        "autoleningen",
    ];
    let mut columns: Vec<(String, RawColumn)> = names
        .iter()
        .zip(cols)
        .map(|(n, c)| (n.to_string(), RawColumn::text(c)))
        .collect();
    columns.push(("leeftijd".into(), RawColumn::Number(age)));
    let predictors = [
        ("inkomen", Ordinal),
        ("creditcards", Nominal),
        ("opleiding", Nominal),
        ("autoleningen", Nominal),
        ("leeftijd", Scale),
    ];
    (columns, spec("kredietwaardigheid", Nominal, &predictors))
}

/// Draws from a seed (xorshift): `next(m)` is a number below `m`. Made-up data for the property
/// tests, the same for the same seed on every machine.
pub fn draws(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed | 1;
    move |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % m
    }
}

/// The numbers a text shows: runs of digits with their decimal sign and grouping, without a
/// sign or separator at either end.
pub fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map(|t| t.trim_matches([',', '.']))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}
