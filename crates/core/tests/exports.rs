//! Every way out is listed (`perspectief_core::exports`), and every path that
//! carries a row per person is audited: the protected file passes, the
//! analysis file and the linkage files fail (and say they are not anonymous).

use std::path::{Path, PathBuf};

use perspectief_core::anonymise::audit::{audit, read_back, roles_for};
use perspectief_core::anonymise::{anonymise, FileFormat, Input, Settings};
use perspectief_core::chaid::RawColumn;
use perspectief_core::date::Date;
use perspectief_core::exports::{find, Contents, EXPORTS};
use perspectief_core::kind::FileKind;
use perspectief_core::link::pseudonym::{Keys, Secret};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}

#[test]
fn every_way_out_is_listed() {
    let root = repo();
    // The worker's downloads: every variant of its export requests.
    let protocol = std::fs::read_to_string(root.join("src/engine/protocol.rs")).unwrap();
    let body = &protocol[protocol.find("pub enum Export {").unwrap()..];
    let body = &body[..body.find("\n}\n").unwrap()];
    let mut variants = 0;
    for line in body.lines().skip(1) {
        let name = line.trim().split([' ', '{', ',', '(']).next().unwrap_or("");
        if line.starts_with("    ") && !line.starts_with("     ") && name.starts_with(char::is_uppercase) {
            variants += 1;
            assert!(
                find(&format!("Export::{name}")).is_some(),
                "Export::{name} is not in exports::EXPORTS"
            );
        }
    }
    assert_eq!(variants, 8, "every export request is seen");
    // The page's own downloads, and every file the command line writes.
    let mut sources = Vec::new();
    for dir in ["src", "crates/cli/src"] {
        for file in rust_files(&root.join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            let relative = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            // The download helper itself, and the page's channel for the worker's downloads.
            if ["src/download.rs", "src/app.rs"].contains(&relative.as_str()) {
                continue;
            }
            if text.contains("download::save") || text.contains("fs::write(") {
                sources.push(relative);
            }
        }
    }
    assert!(sources.len() >= 8, "{sources:?}");
    for s in &sources {
        assert!(find(s).is_some(), "{s} writes a file but is not in exports::EXPORTS");
    }
    // And nothing listed that no longer exists.
    for e in EXPORTS.iter().filter(|e| !e.source.starts_with("Export::")) {
        assert!(
            sources.iter().any(|s| s == e.source),
            "{} is listed but writes nothing",
            e.source
        );
    }
}

mod common;

/// The audit of a file as a reader gets it, with the dictionary's roles.
fn audited(name: &str, bytes: &[u8]) -> perspectief_core::anonymise::Audit {
    let columns = read_back(name, bytes).unwrap();
    let refs: Vec<(&str, &RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let roles = roles_for(&refs, &[]);
    let sensitive = Settings::defaults_for(&refs).sensitive;
    let demands = perspectief_core::anonymise::audit::Demands {
        k: 5,
        l: 2,
        t: None,
        sensitive: &sensitive,
    };
    audit(&refs, &roles, &demands)
}

#[test]
fn every_path_with_a_row_per_person_is_audited() {
    let common::Demo { files, analysis: a, .. } = common::demo();
    let date = Date::new(2026, 12, 1).unwrap();
    let csv = |sheet| perspectief_core::write::csv::write(&sheet, perspectief_core::write::csv::CsvStyle::default());
    let mut audited_paths = Vec::new();
    for e in EXPORTS {
        match e.contents {
            Contents::PersonsNotAnonymous => {
                let result = audited("analysebestand.csv", &csv(a.sheet(3)));
                assert!(!result.passed, "{}: the analysis file is not anonymous", e.name);
                audited_paths.push(e.source);
            }
            Contents::ProtectedPersons => {
                let columns = a.columns();
                let settings = Settings::defaults_for(&columns).check(&columns).unwrap();
                let out = anonymise(&Input::new(&columns, 5), &settings).unwrap();
                for (format, name) in [(FileFormat::Csv, "beschermd.csv"), (FileFormat::Xlsx, "beschermd.xlsx")] {
                    let (bytes, stated) = out.file(format, date).unwrap();
                    assert!(stated.passed);
                    let again = audited(name, &bytes);
                    assert!(again.passed, "{}: {:?}", e.name, again.findings);
                }
                audited_paths.push(e.source);
            }
            Contents::LinkagePseudonyms => {
                let keys = Keys::new(&Secret::from_text("een geheim van het project 2026").unwrap());
                for f in files.iter().filter(|f| f.kind == FileKind::Registration).take(3) {
                    let options = perspectief_core::anonymise::linkage_file::LinkageOptions::default();
                    let (name, bytes) =
                        perspectief_core::anonymise::linkage_file::linkage_csv(f, &keys, date, &options);
                    assert!(
                        !audited(&name, &bytes).passed,
                        "{name} is a linkage file, not an anonymous one"
                    );
                }
                audited_paths.push(e.source);
            }
            _ => {}
        }
    }
    assert_eq!(audited_paths.len(), 6, "{audited_paths:?}");
}
