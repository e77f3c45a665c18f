//! A saved tree applied to a new wave (aggregate only): on its own training data it finds no
//! drift and the expected distribution is the observed one; with the outcome changed in part
//! of the cases it flags the nodes that changed; small nodes get no test; the report holds no
//! row per case.

use perspectief_core::chaid::rules::pmml::document;
use perspectief_core::chaid::rules::pmml_read::PmmlTree;
use perspectief_core::chaid::wave::apply;
use perspectief_core::chaid::{fit, ChaidParams, Dataset, RawColumn};

mod common;

fn titanic() -> (Vec<(String, RawColumn)>, PmmlTree, usize) {
    let (columns, s) = common::titanic_known();
    let data = Dataset::build(&columns, &s).unwrap();
    let tree = fit(
        &data,
        &ChaidParams::default().min_parent(50.0).min_child(25.0).check().unwrap(),
    )
    .unwrap();
    let published = perspectief_core::chaid::report::report(tree.clone(), &data, None, None).publish(5);
    let model = PmmlTree::parse(&document(&tree, &published)).unwrap();
    (columns, model, tree.terminals().count())
}

#[test]
fn the_training_data_shows_no_drift() {
    let (columns, model, terminals) = titanic();
    let borrowed: Vec<(&str, &RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let r = apply(&model, &borrowed, 5, Some("1")).unwrap();
    assert_eq!(r.nodes.len(), terminals);
    assert_eq!(r.left_out, 0);
    // On its own data the wave's risk is the model's.
    assert!((r.risk.unwrap().0 - r.model_risk.unwrap()).abs() < 1e-12);
    assert_eq!(r.gains.as_ref().unwrap().target_class, "1");
    for n in &r.nodes {
        if let Some(t) = n.distribution_test {
            assert!(t.statistic < 1e-9 && !t.flagged, "node {}: {t:?}", n.node);
        }
        if let Some(t) = n.share_test {
            assert!(t.statistic < 1e-9 && !t.flagged, "node {}: {t:?}", n.node);
        }
        for (o, e) in n.observed_percent.iter().zip(n.expected_percent.as_ref().unwrap()) {
            assert!((o.unwrap() - e).abs() < 1e-9);
        }
    }
    // Aggregates only: nothing in the report has a row per case.
    let json = serde_json::to_value(&r).unwrap();
    fn longest(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Array(a) => a.len().max(a.iter().map(longest).max().unwrap_or(0)),
            serde_json::Value::Object(o) => o.values().map(longest).max().unwrap_or(0),
            _ => 0,
        }
    }
    assert!(
        longest(&json) <= terminals.max(r.classes.len()),
        "no list as long as the cases"
    );
}

#[test]
fn a_changed_outcome_is_flagged_and_small_nodes_are_not_tested() {
    let (mut columns, model, _) = titanic();
    // Half the women in the new wave died (every other row): the nodes of women drift, the
    // others do not.
    let sex = columns.iter().position(|(n, _)| n == "sex").unwrap();
    let y = columns.iter().position(|(n, _)| n == "survived").unwrap();
    let women: Vec<bool> = match &columns[sex].1 {
        RawColumn::Text(t) => (0..t.codes.len()).map(|r| t.get(r) == Some("female")).collect(),
        _ => unreachable!(),
    };
    let values: Vec<Option<String>> = (0..women.len())
        .map(|r| {
            Some(if women[r] && r % 2 == 0 {
                "0".to_string()
            } else {
                match &columns[y].1 {
                    RawColumn::Text(t) => t.get(r).unwrap().to_string(),
                    RawColumn::Number(v) => perspectief_core::chaid::binning::number_label(v[r].unwrap()),
                }
            })
        })
        .collect();
    columns[y].1 = RawColumn::text(values);
    let borrowed: Vec<(&str, &RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let r = apply(&model, &borrowed, 5, Some("1")).unwrap();
    assert!(
        r.nodes.iter().any(|n| n.distribution_test.is_some_and(|t| t.flagged)),
        "{r:#?}"
    );
    assert!(r.nodes.iter().any(|n| n.distribution_test.is_some_and(|t| !t.flagged)));
    // A node whose counts are hidden gets no test (it could give them back).
    for n in &r.nodes {
        if n.observed.iter().any(|c| c.n.is_none()) {
            assert!(n.distribution_test.is_none());
        }
    }
}
