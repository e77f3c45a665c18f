//! `perspectief score`: the demo's MOB tree, saved as PMML, applied to a second synthetic wave
//! (the demo generator with another seed). It prints per terminal node n, the observed and the
//! expected distribution and a drift test, then the risk and the classification table; in
//! aggregate only: no line or list as long as the wave's cases, and no option for more.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

/// A demo wave (`seed`) linked into an analysis file, with the characteristics of the steunpunten.
fn wave(dir: &Path, seed: u64) -> PathBuf {
    assert!(Command::new(common::bin())
        .args(["demo", "--seed", &seed.to_string(), "--out"])
        .arg(dir)
        .status()
        .unwrap()
        .success());
    let files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    common::link_demo(dir, &files, "analysebestand.csv", &[])
}

#[test]
fn a_second_wave_against_last_years_tree() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("golf1"), dir.path().join("golf2"));
    let (a, b) = (wave(&first, 2011), wave(&second, 2012));
    let pmml = dir.path().join("mob.pmml");
    let predictors = "communicatie_dtv,contacten_per_maand,duur_begeleiding_maanden,aantal_vbm,geslacht,regio_herkomst,leeftijd_instroom,communicatie_ind";
    let grown = Command::new(common::bin())
        .args([
            "chaid",
            "--target",
            "mob",
            "--predictors",
            predictors,
            "--json",
            "--data",
        ])
        .arg(&a)
        .arg("--pmml")
        .arg(&pmml)
        .output()
        .unwrap();
    assert!(grown.status.success(), "{}", String::from_utf8_lossy(&grown.stderr));
    let tree: serde_json::Value = serde_json::from_slice(&grown.stdout).unwrap();
    let terminals: Vec<String> = tree["tree"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["children"].as_array().unwrap().is_empty())
        .map(|n| n["id"].to_string())
        .collect();
    assert!(terminals.len() >= 2);
    let text = std::fs::read_to_string(&pmml).unwrap();
    assert!(
        text.contains("<TreeModel ") && text.contains("<Node id=\"0\""),
        "{text}"
    );

    let score = |json: bool| {
        let mut c = Command::new(common::bin());
        c.arg("score")
            .arg("--pmml")
            .arg(&pmml)
            .arg("--data")
            .arg(&b)
            .args(["--target", "mob"]);
        if json {
            c.arg("--json");
        }
        let out = c.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let printed = score(false);
    for id in &terminals {
        assert!(printed.contains(&format!("\nKnoop {id}: n = ")), "node {id}: {printed}");
    }
    assert!(
        printed.contains("  verdeling: χ² = ") && printed.contains("verwacht"),
        "{printed}"
    );
    assert!(printed.contains("\nRisico: 0,"), "{printed}");
    assert!(
        printed.contains("Classificatie (waargenomen × voorspeld):\n"),
        "{printed}"
    );
    assert!(printed.ends_with("Alleen groepen: geen cliënt krijgt een eigen voorspelling of score (profilering per persoon maakt Perspectief niet).\n"));
    let report: serde_json::Value = serde_json::from_str(&score(true)).unwrap();
    let nodes = report["nodes"].as_array().unwrap();
    assert_eq!(
        nodes
            .iter()
            .map(|n| n["node"].as_str().unwrap().to_string())
            .collect::<Vec<_>>(),
        terminals
            .iter()
            .map(|t| t.trim_matches('"').to_string())
            .collect::<Vec<_>>()
    );
    let total = report["total"]["n"].as_u64().unwrap();
    assert_eq!(nodes.iter().map(|n| n["n"]["n"].as_u64().unwrap()).sum::<u64>(), total);
    assert!(total > 600, "the second wave's clients with a known outcome: {total}");
    // No per-person output: no list and no text as long as the wave.
    fn longest(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Array(a) => a.len().max(a.iter().map(longest).max().unwrap_or(0)),
            serde_json::Value::Object(o) => o.values().map(longest).max().unwrap_or(0),
            _ => 0,
        }
    }
    assert!(longest(&report) < 20);
    assert!(printed.lines().count() < 10 * terminals.len() + 20);
    // English, on asking.
    let out = Command::new(common::bin())
        .arg("score")
        .arg("--pmml")
        .arg(&pmml)
        .arg("--data")
        .arg(&b)
        .args(["--target", "mob", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Groups only: no client gets a prediction or score of their own")
    );
    // A file that is not PMML says so, in Dutch.
    let out = Command::new(common::bin())
        .arg("score")
        .arg("--pmml")
        .arg(&b)
        .arg("--data")
        .arg(&b)
        .args(["--target", "mob"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("PMML"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
