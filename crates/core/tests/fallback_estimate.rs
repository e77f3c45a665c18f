//! The Fellegi–Sunter fallback on the demo: its hold-out estimate, the comparison with the fixed
//! score, and the measured precision and recall on the demo's planted fallback cases (whose truth
//! the generator knows) against the estimate's stated intervals.

use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::load::LoadedFile;
use perspectief_core::link::estimate::Scoring;
use perspectief_core::link::linkage::{link, LinkOptions, Linkage};

mod common;

fn linked(files: &[LoadedFile], options: &LinkOptions) -> Linkage {
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    link(&refs, &checked, options).unwrap()
}

#[test]
fn explore() {
    let files = common::demo_files();
    for scoring in [Scoring::FellegiSunter, Scoring::Fixed] {
        let l = linked(&files, &LinkOptions { scoring, ..LinkOptions::default() });
        let e = l.fallback_estimate.as_ref().unwrap();
        eprintln!("{scoring:?} proposals {} table3 {:?}", l.proposals.len(), l.table3);
        eprintln!("  precision {:?} recall {:?} now {} {:?} true {} {:?}", e.precision, e.recall, e.proposals_now, e.precision_now, e.true_pairs_now, e.recall_now);
        for p in &e.curve { eprintln!("  {p:?}"); }
        for p in &l.proposals { eprintln!("  {} {:?} {:?}", p.score, p.evidence, p.waterfall); }
        if let Some(m) = &l.model { eprintln!("  m {:?}\n  u {:?}\n prior {}", m.m, m.u, m.prior); }
    }
}
