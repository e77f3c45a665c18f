//! `perspectief check` on the demo files, as a steunpunt worker runs it.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_perspectief"))
}

#[test]
fn check_reports_the_demo_per_steunpunt_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    assert!(bin()
        .args(["demo", "--out"])
        .arg(dir.path())
        .status()
        .unwrap()
        .success());
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let xlsx = dir.path().join("controle.xlsx");
    let out = bin()
        .arg("check")
        .args(&files)
        .arg("--xlsx")
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Alleen voor eigen gebruik binnen het steunpunt"));
    assert!(text.contains("== Utrecht: 95 cliënten"), "{text}");
    assert!(text.contains("Ander nummer in plaats van V-nummer (CRV- of IND-nummer) (1, fout)"));
    assert!(text.contains("Niet gelezen: LEESMIJ.txt: geen kopregel met kolomnamen gevonden"));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    let out = bin().arg("check").args(&files).arg("--json").output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["check"]["persons"].as_array().unwrap().len(), 733);
    // Each problem: its data, and the message a reader of the JSON can show as it is.
    let problems = v["check"]["problems"].as_array().unwrap();
    assert!(!problems.is_empty());
    for p in problems {
        assert!(p["detail"]["detail"].is_string(), "{p}");
        assert!(p["message"].as_str().is_some_and(|m| m.len() > 20), "{p}");
    }
}

/// Cells that hold terminal escape sequences (set the window title, write the clipboard, clear
/// the screen) are printed as visible escapes, on stdout and stderr. Synthetic data.
#[test]
fn escape_sequences_in_cells_reach_the_terminal_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zwolle.csv");
    std::fs::write(
        &file,
        "Steunpunt;V-nummer;Naam;Geslacht;Geboortedatum\n\
         Zwolle;28360\u{1b}]0;pwned\u{7}26405;Ali\u{1b}]52;c;ZXZpbA==\u{7} A;X\u{1b}[2J;01-02-1990\n",
    )
    .unwrap();
    let out = bin().arg("check").arg(&file).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    for text in [&stdout, &stderr] {
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text}");
    }
    assert!(stdout.contains("\\x1b"), "the escape is shown: {stdout}");
}
