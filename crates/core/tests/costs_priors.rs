//! Misclassification costs and priors against trees computed by hand (IBM's TREE algorithms:
//! the class with the least expected cost Σ_j C(i|j) p(j|t), p(j,t) = π(j) N_j(t)/N_j, and the
//! risk Σ_t Σ_j C(j*(t)|j) p(j,t)). The data (synthetic): x = a holds 50 A, 10 B, 0 C; x = b
//! holds 10 A, 20 B, 10 C; the tree splits on x.

use perspectief_core::chaid::assignment::{Assignment, Priors};
use perspectief_core::chaid::report::report;
use perspectief_core::chaid::{fit, ChaidError, ChaidParams, Dataset, Level, RawColumn, Spec};
use perspectief_core::messages::Localized;

fn data() -> Dataset {
    let mut y = Vec::new();
    let mut x = Vec::new();
    for (group, counts) in [("a", [50, 10, 0]), ("b", [10, 20, 10])] {
        for (class, n) in ["A", "B", "C"].iter().zip(counts) {
            for _ in 0..n {
                y.push(Some(class.to_string()));
                x.push(Some(group.to_string()));
            }
        }
    }
    let spec = Spec {
        target: "y".into(),
        target_level: Level::Nominal,
        predictors: vec![("x".into(), Level::Nominal)],
        freq_weight: None,
        case_weight: None,
        intervals: 10,
    };
    Dataset::build(
        &[("y".into(), RawColumn::text(y)), ("x".into(), RawColumn::text(x))],
        &spec,
    )
    .unwrap()
}

/// Predicted class per terminal node (by the node's first case: a or b), risk and its SE.
fn fitted(assignment: Assignment) -> (Vec<String>, f64, f64, Vec<Vec<f64>>) {
    let data = data();
    let params = ChaidParams::default()
        .min_parent(10.0)
        .min_child(5.0)
        .assignment(assignment);
    let tree = fit(&data, &params.check().unwrap()).unwrap();
    assert_eq!(tree.nodes.len(), 3, "split on x");
    let predicted = tree.nodes[1..]
        .iter()
        .map(|n| tree.target.categories[n.predicted as usize].clone())
        .collect();
    let r = report(tree, &data, None, None);
    let c = r.classification.unwrap().counts;
    (predicted, r.risk.estimate, r.risk.se, c)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn data_priors_and_equal_costs_are_the_plain_tree() {
    let (pred, risk, se, _) = fitted(Assignment::default());
    assert_eq!(pred, ["A", "B"]);
    assert!(
        close(risk, 0.30) && close(se, (0.3f64 * 0.7 / 100.0).sqrt()),
        "{risk} {se}"
    );
    // The same, said explicitly: a cost matrix of ones and priors from the data.
    let ones = vec![vec![0.0, 1.0, 1.0], vec![1.0, 0.0, 1.0], vec![1.0, 1.0, 0.0]];
    let (pred2, risk2, se2, _) = fitted(Assignment {
        costs: ones,
        priors: Priors::Data,
    });
    assert_eq!(pred2, pred);
    assert!(close(risk2, risk) && close(se2, se), "{risk2} {se2}");
}

#[test]
fn equal_priors_make_the_small_class_win_node_b() {
    // Node b: p(A,t) = 1/3·10/60, p(B,t) = 1/3·20/30, p(C,t) = 1/3·10/10 → C.
    // R = (1/3·10/30) + (1/3·10/60 + 1/3·20/30) = 7/18. Losses per case: A 5/9, B 10/9, C 10/3;
    // misclassified: 10 B in a, 10 A and 20 B in b → mean L² = 0.40123…, SE = √((0.40123 − (7/18)²)/100) = 0.05.
    let (pred, risk, se, table) = fitted(Assignment {
        costs: vec![],
        priors: Priors::Equal,
    });
    assert_eq!(pred, ["A", "C"]);
    assert!(close(risk, 7.0 / 18.0), "{risk}");
    assert!(close(se, 0.05), "{se}");
    // counts[observed][predicted]
    assert_eq!(
        table,
        vec![vec![50.0, 0.0, 10.0], vec![10.0, 0.0, 20.0], vec![0.0, 0.0, 10.0]]
    );
    // Typed priors in another scale give the same.
    let (pred2, risk2, _, _) = fitted(Assignment {
        costs: vec![],
        priors: Priors::Custom(vec![2.0, 2.0, 2.0]),
    });
    assert_eq!(pred2, pred);
    assert!(close(risk2, risk));
}

#[test]
fn a_high_cost_of_predicting_b_for_an_a_moves_node_b_to_a() {
    // costs[predicted][observed]: predicting B for a true A costs 5. Node b: expected cost of
    // A = .2 + .1 = .3, of B = 5·.1 + .1 = .6, of C = .1 + .2 = .3 → a tie, the first: A.
    let costs = vec![vec![0.0, 1.0, 1.0], vec![5.0, 0.0, 1.0], vec![1.0, 1.0, 0.0]];
    let (pred, risk, se, table) = fitted(Assignment {
        costs,
        priors: Priors::Data,
    });
    assert_eq!(pred, ["A", "A"]);
    assert!(
        close(risk, 0.4) && close(se, (0.4f64 * 0.6 / 100.0).sqrt()),
        "{risk} {se}"
    );
    assert_eq!(
        table,
        vec![vec![60.0, 0.0, 0.0], vec![30.0, 0.0, 0.0], vec![10.0, 0.0, 0.0]]
    );
}

#[test]
fn costs_and_priors_that_do_not_fit_are_refused_in_both_languages() {
    let data = data();
    for a in [
        Assignment {
            costs: vec![vec![0.0, 1.0], vec![1.0, 0.0]],
            priors: Priors::Data,
        },
        Assignment {
            costs: vec![vec![1.0, 1.0, 1.0], vec![1.0, 0.0, 1.0], vec![1.0, 1.0, 0.0]],
            priors: Priors::Data,
        },
        Assignment {
            costs: vec![vec![0.0, -1.0, 1.0], vec![1.0, 0.0, 1.0], vec![1.0, 1.0, 0.0]],
            priors: Priors::Data,
        },
        Assignment {
            costs: vec![],
            priors: Priors::Custom(vec![0.5, 0.5]),
        },
        Assignment {
            costs: vec![],
            priors: Priors::Custom(vec![0.0, 0.0, 0.0]),
        },
    ] {
        let params = ChaidParams::default()
            .min_parent(10.0)
            .min_child(5.0)
            .assignment(a.clone());
        let e = fit(&data, &params.check().unwrap()).unwrap_err();
        assert!(matches!(e, ChaidError::InvalidParameter { .. }), "{a:?}: {e:?}");
        let nl = e.text(perspectief_core::locale::Locale::Nl);
        let en = e.text(perspectief_core::locale::Locale::En);
        assert!(nl.contains("3 bij 3") && nl.contains("a-priorikansen"), "{nl}");
        assert!(en.contains("3 by 3") && en.contains("priors"), "{en}");
    }
}

#[test]
fn cross_validation_counts_the_same_losses() {
    let data = data();
    let params = ChaidParams::default()
        .min_parent(10.0)
        .min_child(5.0)
        .assignment(Assignment {
            costs: vec![],
            priors: Priors::Equal,
        })
        .check()
        .unwrap();
    let cv = perspectief_core::chaid::cv::cross_validate(&data, &params, 5, 1).unwrap();
    // Each fold's tree is the same split (the data are strongly split), so the held-out loss is
    // the training risk up to the folds' own assignments: near 7/18.
    assert!((cv.estimate - 7.0 / 18.0).abs() < 0.06, "{}", cv.estimate);
}

/// The attack: under costs the risk weighs misclassified cells by different losses, so the
/// published risk beside a hidden classification cell would give that cell back
/// (risk·N − the shown cells' losses = the hidden cell × its loss). It is not published then.
#[test]
fn a_published_risk_under_costs_never_sits_beside_a_hidden_cell() {
    let data = data();
    let costs = vec![vec![0.0, 2.0, 3.0], vec![5.0, 0.0, 7.0], vec![11.0, 13.0, 0.0]];
    let params = ChaidParams::default()
        .min_parent(10.0)
        .min_child(5.0)
        .assignment(Assignment {
            costs,
            priors: Priors::Equal,
        })
        .check()
        .unwrap();
    let tree = fit(&data, &params).unwrap();
    let r = report(tree, &data, None, None);
    // Threshold 11: the cell of 10 is hidden.
    let published = r.publish(11);
    let c = published.classification.as_ref().unwrap();
    assert!(c.counts.iter().flatten().any(|x| x.n.is_none()), "a hidden cell");
    assert_eq!(published.risk, None, "no risk beside it");
    // With every cell shown, the risk is published.
    let shown = r.publish(1);
    assert!(shown
        .classification
        .as_ref()
        .unwrap()
        .counts
        .iter()
        .flatten()
        .all(|x| x.n.is_some()));
    assert_eq!(shown.risk, Some((r.risk.estimate, r.risk.se)));
}
