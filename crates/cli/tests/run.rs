//! `perspectief run --recept`: a recept applied to the demo files writes its
//! tables and trees; a changed file is named; a broken recept says what to do.

use std::process::Command;

mod common;

use perspectief_core::recept::fingerprint;

#[test]
fn a_recept_writes_its_tables_and_trees() {
    let dir = tempfile::tempdir().unwrap();
    let bin = common::bin();
    let files = common::demo_files(dir.path());
    let almelo = dir.path().join("almelo.csv");
    let recept = serde_json::json!({
        "format": "perspectief-recept/1",
        "files": [{ "name": "almelo.csv", "bytes": std::fs::metadata(&almelo).unwrap().len(), "sha256": fingerprint(&std::fs::read(&almelo).unwrap()) }],
        "accept_above": 0.9,
        "peildatum": { "year": 2011, "month": 4, "day": 1 },
        "analyses": [
            { "type": "table", "table": { "kind": "crosstab", "row": "geslacht", "col": "mob" }, "threshold": 5 },
            { "type": "tree", "target": "mob", "predictors": ["steunpunt", "geslacht", "regio_herkomst"], "params": { "max_depth": 2 }, "target_class": "ja" }
        ]
    });
    let (out_dir, out) = common::run_recept(dir.path(), &recept, &files);
    let recept_path = dir.path().join("recept.json");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "the same files: no warnings");
    let table = std::fs::read_to_string(out_dir.join("01-tabel-geslacht.csv")).unwrap();
    assert!(
        table.starts_with("geslacht × mob\r\ngeslacht;ja (n);ja (rij-%);nee (n);nee (rij-%);Totaal\r\n"),
        "{table}"
    );
    let tree: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("02-boom-mob.json")).unwrap()).unwrap();
    assert_eq!(tree["format"], "perspectief-chaid-gepubliceerd/1");
    assert_eq!(tree["params"]["max_depth"], 2);
    let nodes = tree["tree"]["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty());
    assert!(
        nodes.iter().all(|n| n["depth"].as_u64().unwrap() <= 2),
        "the recept's depth limit holds"
    );

    // Edits by hand replay; one that no longer applies is named, and the rest go on.
    let mut edited = recept.clone();
    edited["analyses"][1]["edits"] = serde_json::json!([
        { "edit": "split", "node": [], "predictor": "schoenmaat" },
        { "edit": "prune", "node": [] }
    ]);
    std::fs::create_dir_all(dir.path().join("edited")).unwrap();
    let (edited_dir, out) = common::run_recept(&dir.path().join("edited"), &edited, &files);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Let op: mob: Niet toegepast (handmatig gesplitst op schoenmaat, bij de wortel): schoenmaat is geen verklarende variabele van deze boom.\n"
    );
    let pruned: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(edited_dir.join("02-boom-mob.json")).unwrap()).unwrap();
    assert_eq!(pruned["tree"]["nodes"].as_array().unwrap().len(), 1, "the root pruned");
    assert_eq!(pruned["edits"][1]["text"], "Knoop 0: tak gesnoeid.");
    assert_eq!(pruned["edits"][0]["problem"]["problem"], "unknown_predictor");

    // What was written keeps its hidden counts: the checker reads the files as a reader would.
    let check = Command::new(bin)
        .arg("disclosure")
        .arg(out_dir.join("01-tabel-geslacht.csv"))
        .arg(out_dir.join("02-boom-mob.xlsx"))
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));

    // A file that changed since the recept was made is named; the run still goes on.
    std::fs::write(&almelo, std::fs::read_to_string(&almelo).unwrap() + "\r\n").unwrap();
    let out = Command::new(bin)
        .arg("run")
        .arg("--recept")
        .arg(&recept_path)
        .arg("--out")
        .arg(&out_dir)
        .arg(&almelo)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Let op: almelo.csv: dit bestand is anders dan toen het recept werd gemaakt; de keuzes zijn toegepast, maar de uitkomsten kunnen verschillen.\n"
    );

    // A broken recept: a Dutch message that says what to do, and no output.
    std::fs::write(&recept_path, "{\"format\": ").unwrap();
    let out = Command::new(bin)
        .arg("run")
        .arg("--recept")
        .arg(&recept_path)
        .arg(&almelo)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("Dit is geen recept van Perspectief: regel 1, kolom"));
}
