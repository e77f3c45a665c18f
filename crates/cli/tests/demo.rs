//! The `perspectief demo` command, run as a user runs it.

use std::process::Command;

#[test]
fn demo_writes_every_file_and_a_readme() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_perspectief"))
        .args(["demo", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("22 synthetische bestanden"), "{stdout}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 23);
    assert!(names.contains(&"DMB_extract_Perspectief.xlsx".to_string()));
    assert!(names.contains(&"den_haag_deelnemers.xlsx".to_string()));
    let readme = std::fs::read_to_string(dir.path().join("LEESMIJ.txt")).unwrap();
    assert!(readme.contains("SYNTHETISCH"));
}

#[test]
fn demo_into_an_unwritable_place_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("bestand");
    std::fs::write(&blocker, b"x").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_perspectief"))
        .args(["demo", "--out"])
        .arg(blocker.join("sub"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Kan de map"));
}
