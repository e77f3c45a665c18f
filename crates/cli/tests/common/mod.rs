//! What the command line's tests share: the demo files on disk, and a recept run on them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_perspectief")
}

/// `perspectief demo --out dir`: the demo's files (without the LEESMIJ), sorted.
pub fn demo_files(dir: &Path) -> Vec<PathBuf> {
    assert!(Command::new(bin())
        .args(["demo", "--out"])
        .arg(dir)
        .status()
        .unwrap()
        .success());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with("LEESMIJ"))
        .collect();
    files.sort();
    files
}

/// `perspectief run` with `recept` (written beside the files) on `files`, into `dir/uit`.
pub fn run_recept(dir: &Path, recept: &serde_json::Value, files: &[PathBuf]) -> (PathBuf, Output) {
    let recept_path = dir.join("recept.json");
    std::fs::write(&recept_path, recept.to_string()).unwrap();
    let out_dir = dir.join("uit");
    let out = Command::new(bin())
        .arg("run")
        .arg("--recept")
        .arg(&recept_path)
        .arg("--out")
        .arg(&out_dir)
        .args(files.iter().filter(|p| p.extension().is_some_and(|e| e != "json")))
        .output()
        .unwrap();
    (out_dir, out)
}

/// The demo's registrations in `files` (not the extract, the characteristics or the LEESMIJ).
pub fn registrations(files: &[PathBuf]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            !["LEESMIJ", "DMB_", "kenmerken"].iter().any(|s| n.starts_with(s))
        })
        .cloned()
        .collect()
}

/// `perspectief link` of the demo files in `dir` (with the extract and the characteristics) into
/// the analysis file `dir/name`, with `extra` arguments; its path.
pub fn link_demo(dir: &Path, files: &[PathBuf], name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let link = Command::new(bin())
        .arg("link")
        .arg("--local")
        .args(registrations(files))
        .arg("--national")
        .arg(dir.join("DMB_extract_Perspectief.xlsx"))
        .arg("--characteristics")
        .arg(dir.join("kenmerken_steunpunten.xlsx"))
        .args(extra)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(link.status.success(), "{}", String::from_utf8_lossy(&link.stderr));
    out
}
