//! Every input a fuzz target crashed on is kept under `fuzz/regressions/<target>/`
//! (`make fuzz` copies new ones there) and must now pass through the same code
//! without a panic. The seed inputs of each target run too, so that the harness
//! itself is exercised on every target even while no crash is kept.

use std::path::Path;

use perspectief_core::fuzzing::{run, TARGETS};

fn inputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .map(|e| e.expect("map lezen").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("bestand lezen")))
        .collect();
    files.sort();
    files
}

#[test]
fn kept_crashing_inputs_no_longer_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    for entry in std::fs::read_dir(&root).expect("fuzz/regressions bestaat") {
        let dir = entry.unwrap().path();
        if dir.is_dir() {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            assert!(TARGETS.contains(&name.as_str()), "{name} is geen fuzzdoel");
        }
    }
    for target in TARGETS {
        for (path, bytes) in inputs(&root.join(target)) {
            let outcome = std::panic::catch_unwind(|| run(target, &bytes));
            assert!(outcome.is_ok(), "{target}: {path} laat de parser weer vastlopen");
        }
    }
}

#[test]
fn every_target_runs_on_its_kind_of_input() {
    let demo = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
    let csv = demo.files.iter().find(|f| f.name.ends_with(".csv")).unwrap();
    let xlsx = demo.files.iter().find(|f| f.name.ends_with(".xlsx")).unwrap();
    let linkage = "pseudoniem_v_nummer;naamcodering;geboortedatum_pseudoniem\nab12;zz;cd34\n";
    let seeds: [(&str, &[u8]); 11] = [
        ("csv_reader", &csv.bytes),
        ("spreadsheet_reader", &xlsx.bytes),
        ("load_csv", &csv.bytes),
        ("load_spreadsheet", &xlsx.bytes),
        ("dates", b"31-02-2010"),
        ("numbers", b"1.234,5"),
        ("vnummer", b"\x0100123456789"),
        ("columns", "Geboortedatum".as_bytes()),
        ("recept", br#"{"format":"perspectief-recept/1","files":[]}"#),
        (
            "chaid_params",
            br#"{"min_parent":4,"min_child":2,"method":"exhaustive","max_depth":5}"#,
        ),
        ("linkage_file", linkage.as_bytes()),
    ];
    for (target, bytes) in seeds {
        run(target, bytes);
    }
    assert!(std::panic::catch_unwind(|| run("bestaat-niet", b"")).is_err());
}
