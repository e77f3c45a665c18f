//! The rules a tree travels as (text, SPSS syntax, SQL, PMML) put every training row in the node
//! the tree puts it in: the rules' own matcher on the demo, iris, Titanic and a synthetic credit
//! tree (with text, numeric and binned scale predictors and missing values), the SQL run by
//! SQLite (rusqlite, in process), the PMML read back by our own reader and, when `make test`
//! provides it (`JPMML_CLASSPATH`), scored by JPMML-Evaluator (from the PyPI package
//! `jpmml-evaluator`) after validating it against the PMML 4.4 schema that package ships.
//! Small nodes state nothing.

use perspectief_core::chaid::rules::pmml_read::{PmmlTree, Value};
use perspectief_core::chaid::rules::{self, pmml, sql, text};
use perspectief_core::chaid::{fit, ChaidParams, Dataset, Level, RawColumn, Spec};
use perspectief_core::locale::Locale;

mod common;
use common::{reference, spec};

/// Rows of `columns` (text or numbers) into an SQLite table `data`, then the query's node per row.
fn sql_nodes(columns: &[(String, RawColumn)], query: &str) -> Vec<usize> {
    let db = rusqlite::Connection::open_in_memory().unwrap();
    let defs: Vec<String> = columns
        .iter()
        .map(|(name, col)| {
            let kind = if matches!(col, RawColumn::Number(_)) {
                "REAL"
            } else {
                "TEXT"
            };
            format!("{} {kind}", rules::sql_identifier(name))
        })
        .collect();
    db.execute(&format!("CREATE TABLE data (row_nr INTEGER, {})", defs.join(", ")), [])
        .unwrap();
    let rows = columns[0].1.len();
    let marks = vec!["?"; columns.len() + 1].join(", ");
    let mut insert = db.prepare(&format!("INSERT INTO data VALUES ({marks})")).unwrap();
    for r in 0..rows {
        let mut values: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Integer(r as i64)];
        for (_, col) in columns {
            values.push(match col {
                RawColumn::Number(v) => v[r].map_or(rusqlite::types::Value::Null, rusqlite::types::Value::Real),
                RawColumn::Text(t) => t.get(r).map_or(rusqlite::types::Value::Null, |s| {
                    rusqlite::types::Value::Text(s.to_string())
                }),
            });
        }
        insert.execute(rusqlite::params_from_iter(values)).unwrap();
    }
    let query = query.trim_end().trim_end_matches(';');
    let mut stmt = db
        .prepare(&format!("SELECT row_nr, node_id FROM ({query}) ORDER BY row_nr"))
        .unwrap();
    let nodes: Vec<usize> = stmt
        .query_map([], |row| row.get::<_, i64>(1))
        .unwrap()
        .map(|n| n.unwrap() as usize)
        .collect();
    assert_eq!(nodes.len(), rows);
    nodes
}

/// Each row's node by our own PMML reader.
fn pmml_nodes(columns: &[(String, RawColumn)], document: &str) -> Vec<usize> {
    let model = PmmlTree::parse(document).unwrap();
    let col: Vec<Option<&RawColumn>> = model
        .fields
        .iter()
        .map(|f| columns.iter().find(|(n, _)| *n == f.name).map(|(_, c)| c))
        .collect();
    (0..columns[0].1.len())
        .map(|r| {
            let value = |f: usize| match col[f] {
                Some(RawColumn::Text(t)) => t.get(r).map_or(Value::Missing, Value::Text),
                Some(RawColumn::Number(v)) => v[r].map_or(Value::Missing, Value::Number),
                None => Value::Missing,
            };
            model.nodes[model.node_of(&value)].id.parse().unwrap()
        })
        .collect()
}

/// Each row's node by JPMML-Evaluator (`tests/pmml/Score.java`), from a tab-separated file.
fn jpmml_nodes(columns: &[(String, RawColumn)], document: &str, classpath: &std::ffi::OsStr) -> Vec<usize> {
    let dir = std::env::temp_dir().join(format!("perspectief-pmml-{}-{}", std::process::id(), document.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let model = dir.join("boom.pmml");
    std::fs::write(&model, document).unwrap();
    let mut tsv = columns.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join("\t") + "\n";
    for r in 0..columns[0].1.len() {
        let row: Vec<String> = columns
            .iter()
            .map(|(_, c)| match c {
                RawColumn::Text(t) => t.get(r).unwrap_or("").to_string(),
                RawColumn::Number(v) => v[r].map_or(String::new(), |x| format!("{x:?}")),
            })
            .collect();
        tsv.push_str(&(row.join("\t") + "\n"));
    }
    let data = dir.join("rijen.tsv");
    std::fs::write(&data, tsv).unwrap();
    let out = std::process::Command::new("java")
        .arg("-cp")
        .arg(classpath)
        .arg("Score")
        .arg(&model)
        .arg(&data)
        .output()
        .expect("java runs");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "JPMML: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.parse().unwrap_or_else(|_| panic!("a node id: {l}")))
        .collect()
}

/// Fit, then check the rules, the SQL and the sentences against the tree's own assignment.
fn agree(name: &str, columns: &[(String, RawColumn)], spec: &Spec, params: ChaidParams) {
    // Only rows the analysis keeps (a known dependent, some predictor known), so that the SQL
    // sees the same rows in the same order.
    let col = |n: &str| &columns.iter().find(|(c, _)| c == n).unwrap().1;
    let keep: Vec<usize> = (0..columns[0].1.len())
        .filter(|&r| !col(&spec.target).is_missing(r) && spec.predictors.iter().any(|(p, _)| !col(p).is_missing(r)))
        .collect();
    let columns: &[(String, RawColumn)] = &columns
        .iter()
        .map(|(n, c)| (n.clone(), c.select(&keep)))
        .collect::<Vec<_>>();
    let data = Dataset::build(columns, spec).unwrap();
    let tree = fit(&data, &params.check().unwrap()).unwrap();
    assert!(tree.nodes.len() > 2, "{name}: a tree with splits");
    let all = rules::rules(&tree);
    assert_eq!(all.len(), tree.nodes.len());
    let expected: Vec<usize> = (0..data.rows()).map(|r| tree.node_of(&data, r)).collect();
    let by_rules: Vec<usize> = (0..data.rows())
        .map(|r| rules::node_of(&all, |p| Some(data.predictors[p].codes.get(r))).unwrap())
        .collect();
    assert_eq!(by_rules, expected, "{name}: the rules");
    assert_eq!(data.rows(), columns[0].1.len(), "{name}: no row dropped");
    assert_eq!(sql_nodes(columns, &sql::query(&tree)), expected, "{name}: the SQL");
    let report = perspectief_core::chaid::report::report(tree.clone(), &data, None, None);
    let published = report.publish(5);
    let document = pmml::document(&tree, &published);
    assert_eq!(pmml_nodes(columns, &document), expected, "{name}: the PMML, read back");
    if let Some(classpath) = std::env::var_os("JPMML_CLASSPATH") {
        assert_eq!(
            jpmml_nodes(columns, &document, &classpath),
            expected,
            "{name}: JPMML-Evaluator"
        );
    }
    for locale in [Locale::Nl, Locale::En] {
        let said = text::sentences(&tree, &published, locale);
        assert_eq!(said.len(), tree.terminals().count());
        for (node, s) in &said {
            let n = published.nodes[*node].n.n;
            assert!(
                s.starts_with(&format!(
                    "{} {node}",
                    if locale == Locale::Nl { "Knoop" } else { "Node" }
                )),
                "{s}"
            );
            match n {
                Some(n) => assert!(s.contains(&format!("n = {}", locale.integer(n))), "{s}"),
                None => assert!(
                    s.contains("(niet getoond)") || s.contains("(not shown)"),
                    "{name}: a small node states nothing: {s}"
                ),
            }
        }
    }
}

fn small() -> ChaidParams {
    ChaidParams::default().min_parent(20.0).min_child(10.0).max_depth(4)
}

#[test]
fn iris_scale_bins_as_intervals() {
    let s = Level::Scale;
    let preds = [
        ("sepal_length", s),
        ("sepal_width", s),
        ("petal_length", s),
        ("petal_width", s),
    ];
    agree(
        "iris",
        &reference("iris.csv"),
        &spec("species", Level::Nominal, &preds),
        small(),
    );
}

#[test]
fn titanic_texts_numbers_bins_and_missing_values() {
    use Level::*;
    let preds = [
        ("sex", Nominal),
        ("pclass", Ordinal),
        ("age", Scale),
        ("embarked", Nominal),
        ("sibsp", Nominal),
        ("fare", Scale),
    ];
    let columns = reference("titanic.csv");
    // Rows with a known dependent only, so that every row is analysed.
    let survived = columns.iter().position(|(n, _)| n == "survived").unwrap();
    let keep: Vec<usize> = (0..columns[0].1.len())
        .filter(|&r| !columns[survived].1.is_missing(r))
        .collect();
    let columns: Vec<(String, RawColumn)> = columns.iter().map(|(n, c)| (n.clone(), c.select(&keep))).collect();
    agree("titanic", &columns, &spec("survived", Nominal, &preds), small());
    agree(
        "titanic, exhaustive",
        &columns,
        &spec("survived", Nominal, &preds),
        small().method(perspectief_core::chaid::Method::Exhaustive),
    );
    agree(
        "titanic, scale dependent",
        &columns,
        &spec("fare", Scale, &[("sex", Nominal), ("pclass", Ordinal), ("age", Scale)]),
        small(),
    );
}

#[test]
fn the_demo_mob_tree() {
    let demo = common::demo();
    let columns: Vec<(String, RawColumn)> = demo
        .analysis
        .columns()
        .into_iter()
        .map(|(n, c)| (n.to_string(), c.clone()))
        .collect();
    let mob = columns.iter().position(|(n, _)| n == "mob").expect("mob");
    let keep: Vec<usize> = (0..columns[0].1.len())
        .filter(|&r| !columns[mob].1.is_missing(r))
        .collect();
    let columns: Vec<(String, RawColumn)> = columns.iter().map(|(n, c)| (n.clone(), c.select(&keep))).collect();
    let predictors: Vec<(&str, Level)> = demo
        .analysis
        .variables
        .iter()
        .filter(|v| !perspectief_core::analysis::is_outcome_variable(&v.name) && v.name != "mob")
        .map(|v| (v.name.as_str(), v.level))
        .collect();
    assert!(predictors.len() > 10, "{} predictors", predictors.len());
    agree(
        "demo mob",
        &columns,
        &spec("mob", Level::Nominal, &predictors),
        ChaidParams::default().min_parent(50.0).min_child(25.0),
    );
}

/// A text predictor whose missing values form their own group, and a text with a quote.
#[test]
fn missing_texts_and_quotes() {
    let rows = 400;
    let group = |r: usize| match r % 4 {
        0 => None,
        1 => Some("o'brien \"x\""),
        2 => Some("b"),
        _ => Some("c"),
    };
    let y: Vec<Option<String>> = (0..rows)
        .map(|r| {
            Some(
                if r % 4 == 0 || (r % 4 == 1 && r % 3 == 0) {
                    "ja"
                } else {
                    "nee"
                }
                .to_string(),
            )
        })
        .collect();
    let columns = vec![
        ("y".to_string(), RawColumn::text(y)),
        ("groep".to_string(), RawColumn::text((0..rows).map(group))),
        (
            "getal".to_string(),
            RawColumn::Number(
                (0..rows)
                    .map(|r| (r % 5 != 0).then_some((r % 3) as f64 + 0.5))
                    .collect(),
            ),
        ),
    ];
    agree(
        "missing texts",
        &columns,
        &spec(
            "y",
            Level::Nominal,
            &[("groep", Level::Nominal), ("getal", Level::Ordinal)],
        ),
        small(),
    );
}

/// The synthetic credit-rating set (`common::credit`): no real person.
#[test]
fn a_synthetic_credit_tree() {
    let (columns, spec) = common::credit();
    agree(
        "credit",
        &columns,
        &spec,
        ChaidParams::default().min_parent(100.0).min_child(50.0).max_depth(3),
    );
}
