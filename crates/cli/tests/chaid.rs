//! `perspectief chaid` and `perspectief screen` on the public Titanic file.

use std::process::Command;

fn titanic() -> String {
    format!(
        "{}/../core/tests/data/reference/titanic.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_perspectief"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn chaid_prints_an_spss_like_tree_with_levels_and_tables() {
    let data = titanic();
    let (ok, out, err) = run(&[
        "chaid",
        "--data",
        &data,
        "--target",
        "survived",
        "--predictors",
        "sex,pclass,embarked,age",
        "--ordinal",
        "pclass",
        "--target-class",
        "1",
    ]);
    assert!(ok, "{err}");
    assert!(out.starts_with("Meetniveaus: survived = nominaal (afhankelijk); sex = nominaal, pclass = ordinaal, embarked = nominaal, age = schaal\n"), "{out}");
    assert!(
        out.contains("sex: Adj. P-waarde = 1,471e-81; Chi-kwadraat = 365,887; df = 1"),
        "{out}"
    );
    assert!(out.contains("└─ > 13; <missing> → Knoop 7 (n = 790; 60,4%)"), "{out}");
    assert!(out.contains("Risico: 0,1971 (std.fout: 0,0110)"), "{out}");
    assert!(out.contains("Winst (gains) voor categorie \"1\""));
}

#[test]
fn chaid_json_is_the_documented_report() {
    let data = titanic();
    let (ok, out, err) = run(&[
        "chaid",
        "--data",
        &data,
        "--target",
        "survived",
        "--predictors",
        "sex,pclass",
        "--json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "perspectief-chaid/1");
    assert_eq!(v["tree"]["nodes"][0]["split"]["name"], "sex");
    assert_eq!(v["tree"]["nodes"][0]["n"], 1309.0);
}

#[test]
fn screen_sorts_by_adjusted_p() {
    let data = titanic();
    let (ok, out, err) = run(&[
        "screen",
        "--data",
        &data,
        "--target",
        "survived",
        "--predictors",
        "embarked,pclass,sex",
        "--ordinal",
        "pclass",
    ]);
    assert!(ok, "{err}");
    let order: Vec<&str> = out
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(order, ["sex", "pclass", "embarked"]);
    assert!(out.contains("C; <missing> | Q; S"));
}

#[test]
fn wrong_names_and_values_get_clear_messages() {
    let data = titanic();
    let (ok, _, err) = run(&["chaid", "--data", &data, "--target", "overleefd"]);
    assert!(!ok);
    assert!(err.starts_with("De kolom `overleefd` staat niet in"), "{err}");
    let (ok, _, err) = run(&[
        "chaid",
        "--data",
        &data,
        "--target",
        "survived",
        "--predictors",
        "sex",
        "--alpha-split",
        "2",
    ]);
    assert!(!ok);
    assert_eq!(
        err.trim(),
        "Instelling alpha-split = 2 is ongeldig: kies een waarde tussen 0 en 1, bijvoorbeeld 0,05."
    );
    let (ok, _, err) = run(&["chaid", "--data", "/nonexistent.csv", "--target", "y"]);
    assert!(!ok);
    assert!(err.starts_with("Kan /nonexistent.csv niet openen"), "{err}");
}
