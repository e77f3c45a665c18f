//! The Fellegi–Sunter fallback on the demo: its hold-out estimate, the comparison with the fixed
//! score, the measured precision and recall on pairs whose truth is known against the estimate's
//! stated intervals, and the waterfall of every proposal adding up to its score.

use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::check::vnummer::classify;
use perspectief_core::demo::PlantedKind;
use perspectief_core::ingest::load::LoadedFile;
use perspectief_core::kind::FileKind;
use perspectief_core::link::comparison::{BirthLevel, Comparison, CountryLevel, NameLevel, SexLevel};
use perspectief_core::link::estimate::{FallbackEstimate, Scoring};
use perspectief_core::link::linkage::{link, LinkOptions, Linkage};
use perspectief_core::link::weights::{probability, Model};
use proptest::prelude::*;

mod common;

fn linked(files: &[LoadedFile], options: &LinkOptions) -> (Linkage, Vec<(usize, usize)>) {
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    let l = link(&refs, &checked, options).unwrap();
    let at = checked.persons.iter().map(|p| (p.file, p.index)).collect();
    (l, at)
}

fn usable(r: &perspectief_core::ingest::records::Record) -> Option<String> {
    classify(r.v_nummer.as_ref()).usable().map(String::from)
}

/// Precision and recall of the proposals at the estimate's threshold against a truth (person's
/// record → the national row's V-nummer), and whether each lies in the stated interval.
fn measured(
    files: &[LoadedFile],
    l: &Linkage,
    at: &[(usize, usize)],
    truth: &std::collections::HashMap<(usize, usize), String>,
) -> (f64, f64) {
    let e = l.fallback_estimate.as_ref().unwrap();
    let national = files.iter().find(|f| f.kind == FileKind::National).unwrap();
    let above: Vec<_> = l.proposals.iter().filter(|p| p.score >= e.threshold).collect();
    let correct = above
        .iter()
        .filter(|p| truth.get(&at[p.person]) == usable(&national.records[p.national]).as_ref())
        .count();

    (correct as f64 / above.len() as f64, correct as f64 / truth.len() as f64)
}

fn check_within(e: &FallbackEstimate, precision: f64, recall: f64) {
    let (p, r) = (e.precision_now.unwrap(), e.recall_now.unwrap());
    assert!(p.contains(precision), "measured precision {precision} outside {p:?}");
    assert!(r.contains(recall), "measured recall {recall} outside {r:?}");
}

/// The demo's planted fallback cases: the generator cleared these persons' V-nummers; their
/// national rows keep them. (person's file and record) → V-nummer.
fn planted_truth(files: &[LoadedFile]) -> std::collections::HashMap<(usize, usize), String> {
    let set = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
    let planted: Vec<_> = set
        .planted
        .iter()
        .filter(|p| p.what == PlantedKind::OnlyByFallback)
        .collect();
    assert_eq!(planted.len(), 2);
    let mut truth = std::collections::HashMap::new();
    for (f, file) in files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == FileKind::Registration)
    {
        for (i, r) in file.records.iter().enumerate() {
            let named = |p: &&&perspectief_core::demo::Planted| Some(p.detail.clone()) == r.name();
            if let Some(p) = planted.iter().find(named).filter(|_| usable(r).is_none()) {
                truth.insert((f, i), p.v_nummer.clone());
            }
        }
    }
    truth
}

#[test]
fn the_demo_estimate_holds_on_its_planted_fallback_cases() {
    let files = common::demo_files();
    let (l, at) = linked(&files, &LinkOptions::default());
    assert_eq!(l.scoring, Scoring::FellegiSunter);
    let e = l.fallback_estimate.as_ref().unwrap();
    assert_eq!(e.threshold, 0.85);
    assert_eq!(
        e.rests_on.labelled_pairs, 690,
        "713 links on the V-nummer, 23 incompatible"
    );
    assert_eq!((e.rests_on.held_out, e.rests_on.folds), (690, 5));
    let (p, r) = (e.precision.unwrap(), e.recall.unwrap());
    assert!(p.value > 0.99 && p.low > 0.98, "{p:?}");
    assert!(r.value > 0.9 && r.low < r.value && r.value < r.high, "{r:?}");
    let truth = planted_truth(&files);
    assert_eq!(truth.len(), 2);
    let (precision, recall) = measured(&files, &l, &at, &truth);
    assert_eq!((precision, recall), (1.0, 1.0));
    check_within(e, precision, recall);
}

#[test]
fn the_estimate_holds_when_a_hundred_more_v_nummers_go_missing() {
    let mut files = common::demo_files();
    // Blank the V-nummers of every seventh linked registration row: their truth stays known.
    let national: std::collections::HashSet<String> = files
        .iter()
        .filter(|f| f.kind == FileKind::National)
        .flat_map(|f| f.records.iter().filter_map(usable))
        .collect();
    let mut truth = std::collections::HashMap::new();
    let mut k = 0;
    for (f, file) in files
        .iter_mut()
        .enumerate()
        .filter(|(_, f)| f.kind == FileKind::Registration)
    {
        for (i, r) in file.records.iter_mut().enumerate() {
            if let Some(v) = usable(r).filter(|v| national.contains(v)) {
                k += 1;
                if k % 7 == 0 {
                    truth.insert((f, i), v);
                    r.v_nummer = None;
                }
            }
        }
    }
    assert!(truth.len() > 90, "{}", truth.len());
    truth.extend(planted_truth(&files));
    let (l, at) = linked(&files, &LinkOptions::default());
    // Those whose national row differs in sex or is implausible by birth date are other persons
    // by Table 3's rules: the fallback rightly does not find them, and the recall counts them.
    let (precision, recall) = measured(&files, &l, &at, &truth);
    let e = l.fallback_estimate.as_ref().unwrap();
    check_within(e, precision, recall);
}

#[test]
fn fellegi_sunter_is_the_default_because_it_finds_more_at_the_same_precision() {
    let files = common::demo_files();
    let estimate = |scoring| {
        linked(
            &files,
            &LinkOptions {
                scoring,
                ..LinkOptions::default()
            },
        )
        .0
        .fallback_estimate
        .unwrap()
    };
    let (fs, fixed) = (estimate(Scoring::FellegiSunter), estimate(Scoring::Fixed));
    assert_eq!(fixed.rests_on.scoring, Scoring::Fixed);
    assert!(fs.precision.unwrap().value >= fixed.precision.unwrap().value);
    assert!(
        fs.recall.unwrap().value > fixed.recall.unwrap().value,
        "{:?} {:?}",
        fs.recall,
        fixed.recall
    );
    assert_eq!(LinkOptions::default().scoring, Scoring::FellegiSunter);
}

#[test]
fn the_proposals_explain_themselves_and_come_least_certain_first() {
    let files = common::demo_files();
    let (l, _) = linked(
        &files,
        &LinkOptions {
            propose_above: 0.3,
            ..LinkOptions::default()
        },
    );
    let model = l.model.as_ref().unwrap();
    for p in &l.proposals {
        let w = p.waterfall.as_ref().unwrap();
        let sum: f64 = w.bars.iter().map(|b| b.weight).sum();
        assert!((sum - w.total).abs() < 1e-9);
        assert!((probability(w.total) - p.score).abs() < 1e-12);
        assert_eq!(w.bars[0].weight, model.prior);
    }
    let distance: Vec<f64> = l.proposals.iter().map(|p| (p.score - 0.3).abs()).collect();
    assert!(distance.windows(2).all(|w| w[0] <= w[1]));
}

fn level<T: Copy + std::fmt::Debug>(all: &'static [T]) -> impl Strategy<Value = T> {
    (0..all.len()).prop_map(move |i| all[i])
}

proptest! {
    /// Whatever the model and the pair, the bars add up to the total and the score is its probability.
    #[test]
    fn a_waterfall_adds_up_to_its_score(
        name in level(&NameLevel::ALL), birth in level(&BirthLevel::ALL),
        sex in level(&SexLevel::ALL), country in level(&CountryLevel::ALL),
        name_frequency in proptest::option::of(1e-6f64..1.0), birth_frequency in proptest::option::of(1e-6f64..1.0),
        seed in 0u64..1000, prior in -30.0f64..5.0,
    ) {
        let mut rng = perspectief_core::rng::Rng::new(seed);
        let mut random = |n: usize| -> Vec<Comparison> {
            (0..n).map(|_| Comparison {
                name: NameLevel::ALL[rng.range(0, 5) as usize],
                birth: BirthLevel::ALL[rng.range(0, 5) as usize],
                sex: SexLevel::ALL[rng.range(0, 2) as usize],
                country: CountryLevel::ALL[rng.range(0, 3) as usize],
                name_frequency: None,
                birth_frequency: None,
            }).collect()
        };
        let (m, u) = (random(50), random(200));
        let model = Model::estimate(&m, &u, prior);
        let c = Comparison {
            name, birth, sex, country,
            name_frequency: (name == NameLevel::Exact).then_some(name_frequency).flatten(),
            birth_frequency: (birth == BirthLevel::Exact).then_some(birth_frequency).flatten(),
        };
        let w = model.waterfall(&c);
        let sum: f64 = w.bars.iter().map(|b| b.weight).sum();
        prop_assert!((sum - w.total).abs() < 1e-9);
        prop_assert!((w.score() - model.score(&c)).abs() < 1e-15);
        prop_assert!(w.bars.iter().all(|b| b.weight.is_finite()));
    }
}
