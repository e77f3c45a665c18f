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

/// `--rules-text`, `--rules-spss` and `--rules-sql` write the tree's rules beside the usual
/// output; a node below `--threshold` states no count or prediction in any of them.
#[test]
fn chaid_writes_the_rules_as_text_spss_and_sql() {
    let dir = std::env::temp_dir().join(format!("perspectief-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (text, spss, sql) = (dir.join("regels.txt"), dir.join("regels.sps"), dir.join("regels.sql"));
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
        "--rules-text",
        text.to_str().unwrap(),
        "--rules-spss",
        spss.to_str().unwrap(),
        "--rules-sql",
        sql.to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("Risico"), "the usual output too");
    let text = std::fs::read_to_string(&text).unwrap();
    assert!(
        text.contains("Knoop 11: als sex = male en (age > 13 of age ontbreekt) en pclass = 2 of 3, dan survived = 0 ("),
        "{text}"
    );
    assert!(
        text.ends_with("blijft in de laatste knoop die hij bereikt.\n"),
        "{text}"
    );
    let spss = std::fs::read_to_string(&spss).unwrap();
    assert!(spss.contains("DO IF SYSMIS(nod_001) AND (ANY(sex, \"male\") AND (age GT 13 OR MISSING(age)) AND ANY(pclass, 2, 3)).\nCOMPUTE nod_001 = 11.\nCOMPUTE pre_001 = \"0\"."), "{spss}");
    let sql = std::fs::read_to_string(&sql).unwrap();
    assert!(
        sql.starts_with("SELECT *,\n  CASE\n") && sql.ends_with("  END AS node_id\nFROM data;\n"),
        "{sql}"
    );
    assert!(
        sql.contains("WHEN \"sex\" IN ('male') AND (\"age\" > 13 OR \"age\" IS NULL) AND \"pclass\" IN (2, 3) THEN 11"),
        "{sql}"
    );
    // A higher threshold: the small nodes state nothing.
    let (ok, _, err) = run(&[
        "chaid",
        "--data",
        &data,
        "--target",
        "survived",
        "--predictors",
        "sex,pclass,embarked,age",
        "--ordinal",
        "pclass",
        "--threshold",
        "60",
        "--rules-text",
        dir.join("regels.txt").to_str().unwrap(),
        "--rules-spss",
        dir.join("regels.sps").to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(dir.join("regels.txt")).unwrap();
    let spss = std::fs::read_to_string(dir.join("regels.sps")).unwrap();
    assert!(
        text.contains("minder dan 60 cliënten (niet getoond)"),
        "a node below the threshold: {text}"
    );
    // What a small node would predict is nowhere: its DO IF sets the node only.
    let small: Vec<&str> = text.lines().filter(|l| l.contains("niet getoond")).collect();
    for line in small {
        let node = line
            .split(':')
            .next()
            .unwrap()
            .trim_start_matches("Knoop ")
            .split(' ')
            .next()
            .unwrap();
        let block = spss
            .split(&format!("/* Knoop {node} */."))
            .nth(1)
            .unwrap()
            .split("END IF.")
            .next()
            .unwrap();
        assert!(!block.contains("pre_001"), "node {node}: {block}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--costs` and `--priors` change the predicted class, the risk and the classification (the
/// engine's hand-computed tests are in crates/core/tests/costs_priors.rs); a matrix of the wrong
/// size is refused in Dutch.
#[test]
fn chaid_takes_costs_and_priors() {
    let data = titanic();
    let base = [
        "chaid",
        "--data",
        &data,
        "--target",
        "survived",
        "--predictors",
        "sex,pclass",
        "--json",
    ];
    let risk = |out: &str| -> f64 {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["risk"]["estimate"].as_f64().unwrap()
    };
    let (ok, plain, err) = run(&base);
    assert!(ok, "{err}");
    let (ok, equal, err) = run(&[&base[..], &["--priors", "equal"]].concat());
    assert!(ok, "{err}");
    assert_ne!(risk(&plain), risk(&equal));
    // Survivors cost ten times as much to miss: more nodes predict 1.
    let (ok, costly, err) = run(&[&base[..], &["--costs", "0,10;1,0"]].concat());
    assert!(ok, "{err}");
    let ones = |out: &str| {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["tree"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["children"].as_array().unwrap().is_empty() && n["predicted"] == 1.0)
            .count()
    };
    assert!(ones(&costly) > ones(&plain), "{} vs {}", ones(&costly), ones(&plain));
    let (ok, _, err) = run(&[&base[..], &["--costs", "0,1,1;1,0,1;1,1,0"]].concat());
    assert!(!ok);
    assert!(err.contains("2 bij 2"), "{err}");
}
