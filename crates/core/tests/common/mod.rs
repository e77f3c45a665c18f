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
