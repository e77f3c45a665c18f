//! `perspectief link` on the demo files: Table 3 as planted.

use std::process::Command;

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
