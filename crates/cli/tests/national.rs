//! `perspectief national-figures` on the demo's analysis file, then `perspectief compare` with
//! one steunpunt's registration; a tampered file is refused with the Dutch message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

/// The demo's analysis file as `perspectief link --out` writes it.
fn analysis_file(dir: &Path) -> PathBuf {
    let files = common::demo_files(dir);
    common::link_demo(dir, &files, "analyse.csv", &["--peildatum", "2011-04-01"])
}

fn compare(national: &Path, local: &Path, extra: &[&str]) -> Output {
    Command::new(common::bin())
        .arg("compare")
        .arg("--national")
        .arg(national)
        .arg("--local")
        .arg(local)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn national_figures_then_a_steunpunt_compares_its_own_registration() {
    let dir = tempfile::tempdir().unwrap();
    let analysis = analysis_file(dir.path());
    let national = dir.path().join("landelijk-beeld.json");
    let out = Command::new(common::bin())
        .arg("national-figures")
        .arg("--data")
        .arg(&analysis)
        .arg("--out")
        .arg(&national)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8(out.stdout).unwrap();
    let fingerprint = said
        .trim()
        .strip_prefix("Vingerafdruk (maak deze bekend aan de steunpunten): ")
        .unwrap_or_else(|| panic!("{said}"))
        .to_string();
    assert_eq!(fingerprint.len(), 19);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("733 personen bij 20 steunpunten, peildatum 01-04-2011"),
        "the peildatum is the one the analysis file carries"
    );
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&national).unwrap()).unwrap();
    assert_eq!(file["format"], "perspectief-landelijk-beeld/1");
    assert_eq!(file["content"]["persons"], 733);

    let tilburg = dir.path().join("tilburg.csv");
    let out = compare(&national, &tilburg, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Landelijk beeld naast de eigen cijfers\n"), "{text}");
    assert!(text.contains(&fingerprint), "the same fingerprint: {text}");
    assert!(text.contains("Hier (Tilburg):"), "{text}");
    for heading in [
        "Uitkomst",
        "Leeftijd bij instroom (jaren)",
        "Land van herkomst",
        "Instroom per periode",
    ] {
        assert!(text.lines().any(|l| l == heading), "{heading}: {text}");
    }
    assert!(text.contains("De meeste eigen personen vallen in knoop"), "{text}");

    let out = compare(&national, &tilburg, &["--lang", "en"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("National figures beside the own figures\n"), "{text}");
    assert!(text.contains("Country of origin"), "{text}");

    let out = compare(&national, &tilburg, &["--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["steunpunten"], serde_json::json!(["Tilburg"]));
    assert_eq!(json["fingerprint"], serde_json::json!(fingerprint));
    assert_eq!(json["dimensions"].as_array().unwrap().len(), 5);
}

#[test]
fn a_tampered_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let analysis = analysis_file(dir.path());
    let national = dir.path().join("landelijk-beeld.json");
    let status = Command::new(common::bin())
        .arg("national-figures")
        .arg("--data")
        .arg(&analysis)
        .args([
            "--peildatum",
            "2011-04-01",
            "--threshold",
            "10",
            "--period",
            "quarter",
            "--out",
        ])
        .arg(&national)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let mut file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&national).unwrap()).unwrap();
    assert_eq!(file["content"]["threshold"], 10);
    assert_eq!(file["content"]["period"], "quarter");
    file["content"]["persons"] = serde_json::json!(800);
    let tampered = dir.path().join("gewijzigd.json");
    std::fs::write(&tampered, serde_json::to_string_pretty(&file).unwrap()).unwrap();
    let out = compare(&tampered, &dir.path().join("tilburg.csv"), &[]);
    assert!(!out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.starts_with(
            "Het landelijk beeld is gewijzigd nadat het gemaakt werd: de controlesom klopt niet (in het bestand "
        ),
        "{said}"
    );
    assert!(
        String::from_utf8(out.stdout).unwrap().is_empty(),
        "nothing of the figures is printed"
    );
    // Another file altogether.
    let out = compare(&analysis, &dir.path().join("tilburg.csv"), &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .starts_with("Dit is geen landelijk beeld van Perspectief"));
}

/// The analysis file carries its peildatum: a different `--peildatum` is refused, and a file
/// without the column (an older version's) asks for it.
#[test]
fn the_peildatum_comes_from_the_analysis_file() {
    let dir = tempfile::tempdir().unwrap();
    let analysis = analysis_file(dir.path());
    let figures = |data: &Path, extra: &[&str]| {
        Command::new(common::bin())
            .arg("national-figures")
            .arg("--data")
            .arg(data)
            .args(extra)
            .arg("--out")
            .arg(dir.path().join("x.json"))
            .output()
            .unwrap()
    };
    let out = figures(&analysis, &["--peildatum", "2012-04-01"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("Het analysebestand is gemaakt met peildatum 01-04-2011, maar --peildatum zegt 01-04-2012."),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = figures(&analysis, &["--peildatum", "2011-04-01"]);
    assert!(
        out.status.success(),
        "the same date: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The same file without its last column, the peildatum.
    let text = std::fs::read_to_string(&analysis).unwrap();
    assert!(text.lines().next().unwrap().ends_with(";peildatum"), "the last column");
    assert!(
        text.lines().skip(1).all(|l| l.ends_with(";2011-04-01")),
        "the same date on every row"
    );
    let older: String = text
        .lines()
        .map(|l| format!("{}\r\n", l.rsplit_once(';').unwrap().0))
        .collect();
    let older_file = dir.path().join("ouder.csv");
    std::fs::write(&older_file, older).unwrap();
    let out = figures(&older_file, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Het analysebestand heeft geen kolom 'peildatum'"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--peildatum JJJJ-MM-DD"));
    let out = figures(&older_file, &["--peildatum", "2011-04-01"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
