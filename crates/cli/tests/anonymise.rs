//! `perspectief anonymise`: the demo's analysis file made 5-anonymous and 2-diverse;
//! the written file has the settings and risk, no direct identifiers, and every
//! class of the quasi-identifiers has at least k rows.

use std::collections::HashMap;
use std::process::Command;

mod common;

fn demo_analysis_file(dir: &std::path::Path) -> std::path::PathBuf {
    let bin = common::bin();
    let local: Vec<_> = common::demo_files(dir)
        .into_iter()
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            !n.starts_with("DMB") && !n.starts_with("kenmerken")
        })
        .collect();
    let out = dir.join("analyse.csv");
    let status = Command::new(bin)
        .arg("link")
        .arg("--local")
        .args(&local)
        .arg("--national")
        .arg(dir.join("DMB_extract_Perspectief.xlsx"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    out
}

#[test]
fn the_demo_made_5_anonymous_with_its_settings_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = demo_analysis_file(dir.path());
    let bin = env!("CARGO_BIN_EXE_perspectief");
    let out_csv = dir.path().join("anoniem.csv");
    let run = Command::new(bin)
        .args(["anonymise", "--data"])
        .arg(&data)
        .args([
            "--k",
            "5",
            "--l",
            "2",
            "--max-level",
            "kwartaal_instroom=1",
            "--date",
            "2026-11-29",
            "--seed",
            "7",
            "--out",
        ])
        .arg(&out_csv)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(
        stdout.starts_with("Controle van het bestand: geslaagd (733 rijen;"),
        "{stdout}"
    );
    assert!(stdout.contains("\nVoor: 733 records in "), "{stdout}");
    assert!(stdout.contains("\nNa: "), "{stdout}");
    assert!(stdout.contains("0 records in klassen kleiner dan k"), "{stdout}");
    assert!(stdout.contains("journalist hoogstens"), "{stdout}");
    let text = std::fs::read_to_string(&out_csv).unwrap();
    assert!(text.starts_with("Geanonimiseerd met Perspectief"), "{}", &text[..200]);
    assert!(text.contains("\nDatum;29-11-2026\r\n"), "{}", &text[..400]);
    assert!(text.contains("\nDoel;Landelijk beeld (zonder steunpunt)\r\n"));
    assert!(text.contains("\nk;5"));
    assert!(text.contains("\nControle;geslaagd: kleinste klasse "));
    assert!(text.contains("Informatieverlies (kolommen van het doel);"));
    assert!(text.contains("Hoogste heridentificatierisico (journalist) (na);"));
    assert!(
        text.contains("\nKolom nationaliteit;quasi-identificerend | "),
        "nationality is protected with the country"
    );
    assert!(text.contains("\nKolom steunpunt;quasi-identificerend | weggelaten voor het doel |"));
    assert!(!regex_like_v_nummer(&text), "no V-nummer in the file");
    // Read the data part back and check k over every quasi-identifying column in it.
    let lines: Vec<&str> = text.lines().collect();
    let header_at = lines.iter().position(|l| l.starts_with("geslacht;")).expect("header");
    assert!(
        lines[header_at - 1].is_empty(),
        "a blank line between the settings and the data"
    );
    let header: Vec<&str> = lines[header_at].split(';').collect();
    assert!(!header.contains(&"steunpunt"));
    let quasi = [
        "geslacht",
        "land_herkomst",
        "regio_herkomst",
        "nationaliteit",
        "leeftijd_instroom",
        "leeftijd_bekend_nl",
        "verblijfsduur_nl_bij_instroom",
        "duur_begeleiding_maanden",
        "contacten_per_maand",
        "aantal_contacten",
        "kwartaal_instroom",
        "leeftijd_eerste_asielaanvraag",
        "duur_eerste_beslissing_maanden",
    ];
    let at: Vec<usize> = quasi
        .iter()
        .map(|q| header.iter().position(|h| h == q).unwrap())
        .collect();
    let mut classes: HashMap<Vec<String>, usize> = HashMap::new();
    for line in &lines[header_at + 1..] {
        let cells: Vec<&str> = line.split(';').collect();
        *classes
            .entry(at.iter().map(|&i| cells[i].to_string()).collect())
            .or_default() += 1;
    }
    assert!(classes.values().all(|&n| n >= 5), "{classes:?}");
    // The limit is kept: quarters or years (a few cells blanked at most).
    let quarter = header.iter().position(|h| *h == "kwartaal_instroom").unwrap();
    let blanked = lines[header_at + 1..]
        .iter()
        .filter(|l| l.split(';').nth(quarter) == Some("*"))
        .count();
    let rows = lines.len() - header_at - 1;
    assert!(
        blanked * 20 <= rows,
        "{blanked} of {rows} quarters blanked (at most the 5 % that may be suppressed)"
    );

    let out_xlsx = dir.path().join("anoniem.xlsx");
    let json = Command::new(bin)
        .args(["anonymise", "--json", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out_xlsx)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["after"]["records_below_k"], 0);
    assert_eq!(report["audit"]["passed"], true);
    assert!(report["after"]["journalist_max"].as_f64().unwrap() <= 0.2);
    assert!(report["loss"].as_f64().unwrap() > 0.0);
    assert_eq!(&std::fs::read(&out_xlsx).unwrap()[..2], b"PK");

    // The audit of the written files, and of the analysis file itself (exit code 3).
    for (file, passes) in [(&out_csv, true), (&out_xlsx, true), (&data, false)] {
        let audit = Command::new(bin)
            .args(["anonymise", "--audit"])
            .arg(file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&audit.stdout);
        assert_eq!(
            audit.status.code(),
            Some(if passes { 0 } else { 3 }),
            "{}: {text}",
            file.display()
        );
        assert!(
            text.starts_with(if passes {
                "Controle van het bestand: geslaagd"
            } else {
                "Controle van het bestand: NIET GESLAAGD"
            }),
            "{text}"
        );
    }
    // The prosecutor with the original file finds no row with fewer than 5 persons.
    let attack = Command::new(bin)
        .args(["attack", "--json", "--original"])
        .arg(&data)
        .arg("--protected")
        .arg(&out_csv)
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&attack.stdout).unwrap();
    assert_eq!(found["rows_below_k"], 0, "{found}");
    assert!(found["min_matches"].as_u64().unwrap() >= 5);

    let bad = Command::new(bin)
        .args(["anonymise", "--role", "bestaat_niet=quasi", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out_csv)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert_eq!(
        String::from_utf8_lossy(&bad.stderr).trim(),
        "De kolom 'bestaat_niet' (rol) staat niet in het bestand. Kies kolommen die er wel in staan."
    );
    let purpose = Command::new(bin)
        .args(["anonymise", "--purpose", "alles", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out_csv)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&purpose.stderr).trim(),
        "--purpose is landelijk, steunpunten of eigen:<steunpunt>; niet 'alles'."
    );
}

/// Ten digits in a row (a V-nummer) anywhere in the text.
fn regex_like_v_nummer(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 10 {
            return true;
        }
    }
    false
}

#[test]
fn linkage_files_from_the_command_line_link_on_pseudonyms() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_perspectief");
    let demo = dir.path().join("demo");
    assert!(Command::new(bin)
        .args(["demo", "--out"])
        .arg(&demo)
        .status()
        .unwrap()
        .success());
    let files: Vec<_> = std::fs::read_dir(&demo)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with("LEESMIJ"))
        .collect();
    let secret = dir.path().join("geheim.txt");
    std::fs::write(&secret, "kort\n").unwrap();
    let out = dir.path().join("kb");
    let short = Command::new(bin)
        .args(["pseudonymise", "--secret-file"])
        .arg(&secret)
        .arg("--out")
        .arg(&out)
        .args(&files)
        .output()
        .unwrap();
    assert!(!short.status.success());
    assert_eq!(
        String::from_utf8_lossy(&short.stderr).trim(),
        "Het geheim is te kort (4 tekens): gebruik er minstens 16, of laat er een maken."
    );
    std::fs::write(&secret, "een geheim van het project 2026\n").unwrap();
    let run = Command::new(bin)
        .args(["pseudonymise", "--secret-file"])
        .arg(&secret)
        .arg("--out")
        .arg(&out)
        .args(&files)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("kenmerken_steunpunten.xlsx: overgeslagen"), "{stdout}");
    // Each linkage file is attacked as an outsider would (link::attack), with and without hardening.
    assert!(
        stdout.contains("DMB_extract_Perspectief.xlsx: Zelftest frequentieaanval: ")
            && stdout.contains("naamcoderingen herleid (zonder verharding: "),
        "{stdout}"
    );
    let written: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(written.len(), 21, "20 registrations and the extract");
    let (national, local): (Vec<_>, Vec<_>) = written
        .into_iter()
        .partition(|p| p.file_name().unwrap().to_string_lossy().contains("DMB"));
    let link = Command::new(bin)
        .arg("link")
        .arg("--local")
        .args(&local)
        .arg("--national")
        .arg(&national[0])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&link.stdout);
    assert!(link.status.success(), "{}", String::from_utf8_lossy(&link.stderr));
    assert!(text.contains("Gekoppeld op V-nummer:              713"), "{text}");
    assert!(text.contains("Voorstellen nog te beoordelen:      2"), "{text}");
}
