//! `perspectief link` on the demo files: Table 3 as planted.

use std::process::Command;

mod common;

#[test]
fn link_prints_table_3() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_perspectief");
    assert!(Command::new(bin)
        .args(["demo", "--out"])
        .arg(dir.path())
        .status()
        .unwrap()
        .success());
    let mut local: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            !(n.starts_with("DMB") || n.starts_with("kenmerken") || n.starts_with("LEESMIJ"))
        })
        .collect();
    local.sort();
    assert_eq!(local.len(), 20);
    let out = Command::new(bin)
        .arg("link")
        .arg("--local")
        .args(&local)
        .arg("--national")
        .arg(dir.path().join("DMB_extract_Perspectief.xlsx"))
        .args(["--accept-fallback-above", "0.9", "--peildatum", "2011-04-01"])
        .arg("--characteristics")
        .arg(dir.path().join("kenmerken_steunpunten.xlsx"))
        .arg("--out")
        .arg(dir.path().join("analyse.csv"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(2)
        .take(4)
        .map(|l| l.split_whitespace().rev().take(2).collect())
        .collect();
    assert_eq!(rows, [["13", "13"], ["4", "36"], ["13", "63"], ["23", "99"]], "{text}");
    assert!(text.contains("Met landelijke gegevens (verenigbaar): 692"), "{text}");
    let analysis = std::fs::read_to_string(dir.path().join("analyse.csv")).unwrap();
    assert_eq!(analysis.lines().count(), 734, "header and one row per person");
    assert!(
        analysis.lines().next().unwrap().contains("huiskamer"),
        "characteristics attached"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("peildatum 01-04-2011"));
}

/// `perspectief pseudonymise`, then `perspectief link` on the linkage files: the same Table 3 as
/// the plain files, in the same JSON shape; and the JSON carries the fallback's estimate.
#[test]
fn linkage_files_give_the_plain_table_3() {
    let dir = tempfile::tempdir().unwrap();
    let bin = common::bin();
    let files: Vec<_> = common::demo_files(dir.path())
        .into_iter()
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with("kenmerken"))
        .collect();
    let link = |local: &[std::path::PathBuf], national: &std::path::Path| -> serde_json::Value {
        let out = Command::new(bin)
            .arg("link")
            .arg("--local")
            .args(local)
            .arg("--national")
            .arg(national)
            .arg("--json")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let is_national = |p: &std::path::PathBuf| p.file_name().unwrap().to_string_lossy().contains("DMB");
    let (national, local): (Vec<_>, Vec<_>) = files.iter().cloned().partition(is_national);
    let plain = link(&local, &national[0]);
    let secret = dir.path().join("geheim.txt");
    std::fs::write(&secret, "een geheim van het project voor de test\n").unwrap();
    let out_dir = dir.path().join("koppel");
    let out = Command::new(bin)
        .arg("pseudonymise")
        .arg("--secret-file")
        .arg(&secret)
        .args(&files)
        .arg("--out")
        .arg(&out_dir)
        .args(["--seed", "5", "--date", "2026-12-02"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let made: Vec<_> = {
        let mut f: Vec<_> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        f.sort();
        f
    };
    let (national, local): (Vec<_>, Vec<_>) = made.into_iter().partition(is_national);
    let pseudonymous = link(&local, &national[0]);
    assert_eq!(pseudonymous["table3"], plain["table3"]);
    assert_eq!(plain["table3"]["birth"], serde_json::json!([63, 13]));
    let e = &plain["fallback_estimate"];
    for key in ["precision", "recall"] {
        let v = &e[key];
        assert!(v["low"].as_f64().unwrap() <= v["value"].as_f64().unwrap(), "{e}");
        assert!(v["value"].as_f64().unwrap() <= v["high"].as_f64().unwrap(), "{e}");
    }
    assert_eq!(e["threshold"], serde_json::json!(0.85));
    assert_eq!(e["rests_on"]["labelled_pairs"], serde_json::json!(690));
    assert_eq!(e["rests_on"]["scoring"], serde_json::json!("fellegi_sunter"));
    assert!(pseudonymous["fallback_estimate"]["precision"]["value"].is_number());
}
