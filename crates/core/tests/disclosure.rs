//! Every table keeps the secret it promises: no count below the threshold is
//! shown, and no hidden count can be worked out from what is shown (margins,
//! other cells, a parent and its children, the classification, the printed
//! statistic). The checker enumerates every filling that agrees with what is
//! shown and wants at least `threshold` values for each hidden count.

use perspectief_core::analysis::run::{table, tree, TableRequest, TableView};
use perspectief_core::chaid::published::PublishedTree;
use perspectief_core::chaid::ChaidParams;
use perspectief_core::describe::Published;
use perspectief_core::disclosure::{feasible, Known, Line, PClass};
use perspectief_core::stats::independence::{test, Convergence, Statistic, Table};
use proptest::prelude::*;

mod common;

/// The checker on a published tree: every hidden count has at least `threshold` values.
fn check_tree(p: &PublishedTree) {
    let seen = p.seen();
    let t = p.threshold as usize;
    for n in &p.nodes {
        for c in n.counts.iter().chain([&n.n]) {
            if let Some(x) = c.n {
                assert!(x == 0 || x >= p.threshold, "node {} shows {x}", n.id);
            }
        }
    }
    for f in feasible(&seen.lines, &seen.known, p.threshold, seen.upper, &|_| true, &|e| {
        !seen.derived[e]
    }) {
        assert!(
            f.ok(),
            "{} can be only {} values of the {} it must keep ({} hidden of {})",
            seen.labels[f.entry],
            f.values,
            f.needed,
            seen.known.iter().filter(|k| !matches!(k, Known::Value(_))).count(),
            seen.known.len()
        );
    }
    let _ = t;
}

/// The checker on a published count table, with its printed statistic: a hidden count must take
/// `threshold` values among the fillings whose χ² p-value falls in the printed class.
fn check_table(p: &Published) {
    let r = p.rows.len();
    let c = p.cols.len();
    let threshold = p.threshold;
    let mut known: Vec<Known> = p.cells.iter().flatten().map(|&x| Known::of(x, threshold)).collect();
    let rows: Vec<usize> = (0..r).map(|i| r * c + i).collect();
    let cols: Vec<usize> = (0..c).map(|j| r * c + r + j).collect();
    let total = r * c + r + c;
    known.extend(p.row_totals.iter().map(|&x| Known::of(x, threshold)));
    known.extend(p.col_totals.iter().map(|&x| Known::of(x, threshold)));
    known.push(Known::of(p.total, threshold));
    let mut lines: Vec<Line> = (0..r)
        .map(|i| Line::new((0..c).map(|j| i * c + j).collect(), rows[i], true))
        .collect();
    lines.extend((0..c).map(|j| Line::new((0..r).map(|i| i * c + j).collect(), cols[j], true)));
    lines.push(Line::new(rows.clone(), total, false));
    lines.push(Line::new(cols.clone(), total, false));
    for k in &known {
        if let Known::Value(x) = k {
            assert!(*x == 0 || *x >= p.threshold, "a shown count {x} below the threshold");
        }
    }
    assert!(p.chi_square.is_none() || !p.hides(), "χ² printed beside hidden counts");
    let class = p.p_class.map(|(_, k)| k);
    let statistic = move |filled: &[u64]| {
        let Some(k) = class else { return true };
        let table = Table::from_rows(
            &(0..r)
                .map(|i| (0..c).map(|j| filled[i * c + j] as f64).collect())
                .collect::<Vec<_>>(),
        );
        let result = test(&table, Statistic::Pearson, Convergence::default());
        result.df1 <= 0.0 || PClass::of(result.p()) == k
    };
    let upper = p.total.n.unwrap_or(10_000);
    for f in feasible(&lines, &known, threshold, upper, &statistic, &|_| true) {
        assert!(
            f.ok(),
            "entry {} of {}×{} can be only {} of the {} values it must keep",
            f.entry,
            r,
            c,
            f.values,
            f.needed
        );
    }
}

fn counts_table(view: TableView) -> Published {
    match view {
        TableView::Counts(p) => p,
        TableView::Means(_) => panic!("a count table"),
    }
}

#[test]
fn a_forced_split_on_steunpunt_hides_its_small_nodes_everywhere() {
    let d = common::demo();
    let params = ChaidParams::default()
        .force_first("steunpunt")
        .min_child(1.0)
        .min_parent(2.0)
        .alpha_merge(0.99)
        .alpha_split(0.99);
    let predictors = ["steunpunt".to_string(), "geslacht".to_string()];
    let request = perspectief_core::analysis::run::TreeRequest {
        target_class: Some("ja"),
        ..perspectief_core::analysis::run::TreeRequest::new("psychiatrische_diagnose", &predictors, &params)
    };
    let view = tree(&d.analysis, &request, || 0.0).unwrap();
    let report = view.report;
    let p = report.publish(5);
    assert!(p.hides);
    check_tree(&p);
    // Hiding is not everything: the root and the large steunpunten stay readable.
    let root = &p.nodes[0];
    assert_eq!(root.n.n, Some(733));
    assert!(root.counts.iter().all(|c| c.n.is_some()), "{:?}", root.counts);
    let large: Vec<_> = p.nodes.iter().filter(|n| report.tree.nodes[n.id].n >= 50.0).collect();
    let shown = large.iter().filter(|n| n.n.n.is_some()).count();
    assert!(
        shown * 4 >= large.len() * 3,
        "{shown} of {} large nodes shown",
        large.len()
    );
    // No node shows an N below 5, and no shown node is all in one class.
    for n in &p.nodes {
        if let Some(x) = n.n.n {
            assert!(x >= 5, "node {} N {x}", n.id);
        }
        let shown: Vec<u64> = n.counts.iter().filter_map(|c| c.n).collect();
        if shown.len() == n.counts.len() && n.counts.len() > 1 {
            assert!(
                shown.iter().filter(|&&x| x > 0).count() > 1,
                "node {} discloses an attribute",
                n.id
            );
        }
    }
    // The same counts in the tree table, the classification and the gains.
    let sheets = report.sheets(5);
    let csv = |i: usize| {
        String::from_utf8(perspectief_core::write::csv::write(
            &sheets[i],
            perspectief_core::write::csv::CsvStyle::default(),
        ))
        .unwrap()
    };
    let table = csv(0);
    for line in table.lines().skip(2).take(p.nodes.len()) {
        for cell in line.split(';').skip(3).take(p.categories.len() + 1) {
            if let Ok(x) = cell.parse::<u64>() {
                assert!(x == 0 || x >= 5, "the tree table shows {x}: {line}");
            }
        }
    }
    let small = p
        .nodes
        .iter()
        .find(|n| report.tree.nodes[n.id].n < 5.0)
        .expect("a node below 5");
    assert!(small.n.n.is_none() && small.counts.iter().all(|c| c.n.is_none_or(|x| x == 0)));
    eprintln!(
        "forced split on steunpunt: {} nodes, {} with N below 5; node {}: {:?}\ntree table:\n{table}\nclassification:\n{}",
        p.nodes.len(),
        p.nodes.iter().filter(|n| n.n.n.is_none()).count(),
        small.id,
        small.counts,
        csv(1)
    );
    let gains = p
        .gains(
            p.categories.iter().position(|c| c == "ja").unwrap(),
            &report.gains.as_ref().unwrap().nodes,
        )
        .unwrap();
    for r in gains.nodes.iter().chain(&gains.cumulative) {
        for c in [r.n, r.gain_n] {
            if let Some(x) = c.n {
                assert!(x == 0 || x >= 5);
            }
        }
        if r.gain_n.n.is_none() || r.n.n.is_none() {
            assert_eq!(r.response_percent, None, "a % from a hidden count");
        }
    }
}

#[test]
fn the_statistic_beside_a_crosstab_with_hidden_cells_gives_nothing_back() {
    let d = common::demo();
    let request = TableRequest::Crosstab {
        row: "regio_herkomst".into(),
        col: "psychiatrische_diagnose".into(),
    };
    let p = counts_table(table(&d.analysis, &request, 5).unwrap());
    assert!(p.hides(), "{:?}", p.cells);
    assert_eq!(p.chi_square, None, "no χ² beside hidden counts");
    eprintln!("p-value class beside the hidden counts: {:?}", p.p_class);
    check_table(&p);
    let csv = String::from_utf8(perspectief_core::write::csv::write(
        &p.sheet(),
        perspectief_core::write::csv::CsvStyle::default(),
    ))
    .unwrap();
    eprintln!("regio × psychiatrische_diagnose:\n{csv}");
    assert!(!csv.contains("3,446") && !csv.contains("3.446"));
    // Histograms: round edges, never a person's own extreme.
    let view = table(
        &d.analysis,
        &TableRequest::Histogram {
            variable: "leeftijd_instroom".into(),
            bins: 8,
        },
        5,
    )
    .unwrap();
    let h = counts_table(view);
    let ages = &d
        .analysis
        .variables
        .iter()
        .find(|v| v.name == "leeftijd_instroom")
        .unwrap()
        .values;
    let perspectief_core::chaid::RawColumn::Number(xs) = ages else {
        panic!()
    };
    let (lo, hi) = xs
        .iter()
        .flatten()
        .fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
    for label in &h.rows {
        for edge in label.split(" – ") {
            let edge: f64 = edge.replace(',', ".").parse().unwrap();
            assert!(
                (edge - lo).abs() > 1e-9 && (edge - hi).abs() > 1e-9,
                "{label} shows an extreme"
            );
            assert_eq!(edge, edge.round(), "{label}: round edges");
        }
    }
    check_table(&h);
}

/// A tree grown on `rows` made-up persons from `seed`, published with threshold `t`, checked.
fn random_tree_keeps_its_hidden_counts(seed: u64, rows: usize, t: u64, depth: usize) {
    let mut next = common::draws(seed);
    let a: Vec<Option<String>> = (0..rows).map(|_| Some(format!("a{}", next(4)))).collect();
    let b: Vec<Option<String>> = (0..rows).map(|_| Some(format!("b{}", next(3)))).collect();
    let y: Vec<Option<String>> = a
        .iter()
        .map(|x| {
            let bias = if x.as_deref() == Some("a0") { 6 } else { 2 };
            let k = if next(10) < bias { 0 } else { 1 + next(2) as usize };
            Some(["ja", "nee", "onbekend"][k].to_string())
        })
        .collect();
    use perspectief_core::chaid::data::{Dataset, Level, RawColumn, Spec};
    let columns = vec![
        ("a".to_string(), RawColumn::text(a)),
        ("b".to_string(), RawColumn::text(b)),
        ("y".to_string(), RawColumn::text(y)),
    ];
    let spec = Spec {
        target: "y".into(),
        target_level: Level::Nominal,
        predictors: vec![("a".into(), Level::Nominal), ("b".into(), Level::Nominal)],
        freq_weight: None,
        case_weight: None,
        intervals: 10,
    };
    let data = Dataset::build(&columns, &spec).unwrap();
    let params = ChaidParams::default()
        .max_depth(depth)
        .min_parent(4.0)
        .min_child(1.0)
        .alpha_split(0.5)
        .check()
        .unwrap();
    let fitted = perspectief_core::chaid::fit(&data, &params).unwrap();
    let report = perspectief_core::chaid::report::report(fitted, &data, Some(0), None);
    check_tree(&report.publish(t));
}

/// Cases the property found (a scan of 60,000 seeds): a tree with every count hidden, root
/// included, whose check once searched a box of 2⁶² one value at a time and never ended (a CI
/// run of stop 27 timed out on it); and one where two "<5" under a third "<5" pin their parent
/// to 2, 3 or 4 from the marks alone, which the check first counted as a leak of the rule.
#[test]
fn random_trees_found_by_the_property() {
    random_tree_keeps_its_hidden_counts(6103707143482178227, 50, 5, 3);
    random_tree_keeps_its_hidden_counts(10184848373581715112, 61, 5, 3);
    random_tree_keeps_its_hidden_counts(6336851243920380786, 20, 5, 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any tree, any threshold: nothing below it shown, nothing hidden that can be pinned.
    #[test]
    fn published_trees_keep_their_hidden_counts(seed in any::<u64>(), rows in 20usize..160, t in 2u64..7, depth in 1usize..4) {
        random_tree_keeps_its_hidden_counts(seed, rows, t, depth);
    }
}
