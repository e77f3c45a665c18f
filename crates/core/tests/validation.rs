//! Validating the demo's MOB tree: a seeded split sample (the tree grows on the training cases,
//! the test cases go through its splits), a split on the steunpunt, and cross-validation; the
//! published JSON carries the test sample's risk and classification through the disclosure rule.

use perspectief_core::analysis::run::{default_predictors, tree, AnalysisError, TreeRequest};
use perspectief_core::analysis::AnalysisFile;
use perspectief_core::chaid::tree::Summary;
use perspectief_core::chaid::validation::Validation;
use perspectief_core::chaid::ChaidParams;
use perspectief_core::locale::Locale;
use perspectief_core::messages::Localized;

mod common;

fn grow(
    a: &AnalysisFile,
    validation: Option<&Validation>,
) -> Result<perspectief_core::analysis::run::TreeView, AnalysisError> {
    let predictors = default_predictors(a.variables.iter().map(|v| (v.name.as_str(), v.set.is_some())), "mob");
    let params = ChaidParams::default();
    let request = TreeRequest {
        target_class: Some("ja"),
        validation,
        ..TreeRequest::new("mob", &predictors, &params)
    };
    tree(a, &request, || 0.0)
}

fn counts(s: &Summary) -> Vec<f64> {
    match s {
        Summary::Classes { counts } => counts.clone(),
        Summary::Scale { .. } => unreachable!(),
    }
}

#[test]
fn split_sample_training_and_test() {
    let demo = common::demo();
    let a = &demo.analysis;
    let all = grow(a, None).unwrap();
    let v = grow(
        a,
        Some(&Validation::SplitSample {
            training_percent: 70.0,
            seed: 7,
        }),
    )
    .unwrap();
    let (training, test) = (&v.report.tree, &v.test.as_ref().expect("a test sample").tree);
    assert_eq!(training.total + test.total, all.report.tree.total);
    assert_eq!(test.total, (all.report.tree.total * 0.3).round());
    // The test tree is the training tree's structure and predictions with the test cases' counts.
    assert_eq!(training.nodes.len(), test.nodes.len());
    for (tr, te) in training.nodes.iter().zip(&test.nodes) {
        assert_eq!(
            (tr.split.as_ref(), &tr.children, tr.predicted),
            (te.split.as_ref(), &te.children, te.predicted)
        );
        if !te.children.is_empty() {
            let sum: f64 = te.children.iter().map(|&c| test.nodes[c].n).sum();
            assert_eq!(sum, te.n, "node {}", te.id);
        }
        assert_eq!(counts(&te.summary).iter().sum::<f64>(), te.n);
    }
    // Root class counts: training + test = the whole sample.
    let whole = counts(&all.report.tree.nodes[0].summary);
    let parts: Vec<f64> = counts(&training.nodes[0].summary)
        .iter()
        .zip(counts(&test.nodes[0].summary))
        .map(|(a, b)| a + b)
        .collect();
    assert_eq!(parts, whole);
    // The test risk is the test sample's misclassified share under the training tree.
    let wrong: f64 = test
        .terminals()
        .map(|n| n.n - counts(&n.summary)[n.predicted as usize])
        .sum();
    assert!((v.test.as_ref().unwrap().risk.estimate - wrong / test.total).abs() < 1e-12);
    // Seeded: the same split again; another seed, another split.
    assert_eq!(
        grow(
            a,
            Some(&Validation::SplitSample {
                training_percent: 70.0,
                seed: 7
            })
        )
        .unwrap(),
        v
    );
    assert_ne!(
        grow(
            a,
            Some(&Validation::SplitSample {
                training_percent: 70.0,
                seed: 8
            })
        )
        .unwrap()
        .test,
        v.test
    );
    // Published: the test sample's risk and classification, as counts with their marks.
    let json: serde_json::Value = serde_json::from_str(&v.published_json(5)).unwrap();
    assert!(
        json["test"]["classification"]["counts"][0][0]["n"].is_number()
            || json["test"]["classification"]["counts"][0][0]["mark"].is_string()
    );
    assert_eq!(json["test"]["total"]["n"].as_f64(), Some(test.total));
}

#[test]
fn split_on_the_steunpunt() {
    let demo = common::demo();
    let a = &demo.analysis;
    let steunpunt = &a.variables.iter().find(|v| v.name == "steunpunt").unwrap().values;
    let perspectief_core::chaid::RawColumn::Text(col) = steunpunt else {
        panic!("text")
    };
    let first = col.labels[0].clone();
    let mob = &a.variables.iter().find(|v| v.name == "mob").unwrap().values;
    let expected = (0..col.codes.len())
        .filter(|&r| col.get(r) == Some(first.as_str()) && !mob.is_missing(r))
        .count();
    let v = grow(
        a,
        Some(&Validation::SplitOn {
            variable: "steunpunt".into(),
            test_values: vec![first.clone()],
        }),
    )
    .unwrap();
    assert_eq!(
        v.test.as_ref().unwrap().tree.total,
        expected as f64,
        "the test cases are {first}'s"
    );
    assert!(expected > 0);
    // No test case, or no training case: said in Dutch and English.
    let e = grow(
        a,
        Some(&Validation::SplitOn {
            variable: "steunpunt".into(),
            test_values: vec!["Nergenshuizen".into()],
        }),
    )
    .unwrap_err();
    assert!(
        e.text(Locale::Nl).starts_with("Deze validatie laat "),
        "{}",
        e.text(Locale::Nl)
    );
    assert!(e.text(Locale::Nl).contains(" en 0 om hem te toetsen"));
    assert!(e.text(Locale::En).contains(" and 0 to test it"));
    let e = grow(
        a,
        Some(&Validation::SplitSample {
            training_percent: 100.0,
            seed: 1,
        }),
    )
    .unwrap_err();
    assert!(
        e.text(Locale::Nl).contains("training-percent"),
        "{}",
        e.text(Locale::Nl)
    );
    let e = grow(
        a,
        Some(&Validation::SplitOn {
            variable: "bestaat_niet".into(),
            test_values: vec![],
        }),
    )
    .unwrap_err();
    assert_eq!(
        e,
        AnalysisError::UnknownVariable {
            variable: "bestaat_niet".into()
        }
    );
}

#[test]
fn cross_validation_on_the_page_and_in_the_recept() {
    let demo = common::demo();
    let a = &demo.analysis;
    let v = grow(a, Some(&Validation::CrossValidation { folds: 5, seed: 3 })).unwrap();
    let cv = v.report.cross_validation.expect("cross-validated");
    assert_eq!(cv.folds, 5);
    assert!(cv.estimate > 0.0 && cv.estimate < 1.0);
    assert!(
        cv.estimate >= v.report.risk.estimate - 3.0 * cv.se,
        "{cv:?} vs {:?}",
        v.report.risk
    );
    assert_eq!(
        v.report.tree,
        grow(a, None).unwrap().report.tree,
        "the tree shown grows on every case"
    );
    let json: serde_json::Value = serde_json::from_str(&v.published_json(5)).unwrap();
    assert_eq!(json["cross_validation"]["folds"], 5);
    // In the recept, as JSON.
    let recept = serde_json::json!({ "kind": "split_on", "variable": "steunpunt", "test_values": ["Almelo"] });
    let parsed: Validation = serde_json::from_value(recept).unwrap();
    assert_eq!(
        parsed,
        Validation::SplitOn {
            variable: "steunpunt".into(),
            test_values: vec!["Almelo".into()]
        }
    );
}
