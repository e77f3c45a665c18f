//! The disclosure checker on the files `perspectief run` writes for the issue's
//! reproductions (a split forced on steunpunt with children of one person, and
//! the crosstab regio × psychiatrische_diagnose): nothing below the threshold,
//! nothing hidden that the rest gives back. And on files that do leak, it fails.

use std::process::Command;

mod common;

#[test]
fn the_forced_split_and_the_crosstab_keep_their_hidden_counts() {
    let dir = tempfile::tempdir().unwrap();
    let files = common::demo_files(dir.path());
    let bin = env!("CARGO_BIN_EXE_perspectief");
    let recept = serde_json::json!({
        "format": "perspectief-recept/1",
        "files": [],
        "accept_above": 0.9,
        "analyses": [
            { "type": "table", "table": { "kind": "crosstab", "row": "regio_herkomst", "col": "psychiatrische_diagnose" }, "threshold": 5 },
            { "type": "tree", "target": "psychiatrische_diagnose", "predictors": ["steunpunt", "geslacht"],
              "params": { "force_first": "steunpunt", "min_child": 1.0, "min_parent": 2.0, "alpha_merge": 0.99, "alpha_split": 0.99 },
              "target_class": "ja" }
        ]
    });
    let (out_dir, run) = common::run_recept(dir.path(), &recept, &files);
    let recept_path = dir.path().join("recept.json");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let table = out_dir.join("01-tabel-regio_herkomst.csv");
    let tree = out_dir.join("02-boom-psychiatrische_diagnose.xlsx");
    let check = Command::new(bin)
        .arg("disclosure")
        .arg(&table)
        .arg(&tree)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout).to_string();
    assert!(check.status.success(), "{report}");
    assert_eq!(report.matches(": in orde").count(), 2, "{report}");
    let text = std::fs::read_to_string(&table).unwrap();
    assert!(
        text.contains("Chi-kwadraat (niet getoond") || !text.contains("Chi-kwadraat;"),
        "{text}"
    );

    // The exact tree (not for sharing) fails the same check: it shows counts below 5.
    let exact_dir = dir.path().join("exact");
    let run = Command::new(bin)
        .arg("run")
        .arg("--exact")
        .arg("--threshold")
        .arg("1")
        .arg("--recept")
        .arg(&recept_path)
        .arg("--out")
        .arg(&exact_dir)
        .args(files.iter().filter(|p| p.extension().is_some_and(|e| e != "json")))
        .output()
        .unwrap();
    assert!(run.status.success());
    // A tree table written with threshold 1 hides nothing: the checker at 5 says so.
    let open_dir = dir.path().join("open");
    let run = Command::new(bin)
        .args(["run", "--threshold", "1", "--recept"])
        .arg(&recept_path)
        .arg("--out")
        .arg(&open_dir)
        .args(files.iter().filter(|p| p.extension().is_some_and(|e| e != "json")))
        .output()
        .unwrap();
    assert!(run.status.success());
    let check = Command::new(bin)
        .arg("disclosure")
        .arg(open_dir.join("02-boom-psychiatrische_diagnose.xlsx"))
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("onder de drempel 5"));
}

#[test]
fn a_table_that_hides_one_cell_of_a_row_fails_the_check() {
    // The attack: a hidden cell beside its row total and column total is a subtraction away.
    let dir = tempfile::tempdir().unwrap();
    let leaky = dir.path().join("lek.csv");
    std::fs::write(
        &leaky,
        "regio × diagnose\nregio;ja (n);nee (n);Totaal\nA;x;40;43\nB;20;30;50\nTotaal;23;70;93\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_perspectief");
    let check = Command::new(bin).arg("disclosure").arg(&leaky).output().unwrap();
    let report = String::from_utf8_lossy(&check.stdout).to_string();
    assert_eq!(check.status.code(), Some(3), "{report}");
    assert!(
        report.contains("A / ja (n): verborgen, maar er blijven maar 1 mogelijke waarden"),
        "{report}"
    );
    // Hidden twice in the row and twice in the column, with room: it passes.
    let safe = dir.path().join("veilig.csv");
    std::fs::write(
        &safe,
        "regio × diagnose\nregio;ja (n);nee (n);Totaal\nA;x;x;43\nB;x;x;50\nTotaal;23;70;93\n",
    )
    .unwrap();
    let check = Command::new(bin).arg("disclosure").arg(&safe).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}
