//! The generated text over every kind of tree and table: the demo's outcome trees at several
//! depths, iris (three classes, scale predictors), Titanic, a synthetic credit tree, a scale
//! dependent, and degenerate trees (no split, a single category); frequency tables, crosstabs,
//! means and the §7.5 comparison of the demo. For each, in Dutch and English, every number in
//! the text traces to a value of the published JSON, no count is below the threshold, and the
//! text says something about the data (not a template that ignores it).

use perspectief_core::analysis::run::{compare, table, tree, TableRequest, TableView, TreeRequest, TreeView};
use perspectief_core::analysis::{AnalysisFile, OUTCOMES};
use perspectief_core::chaid::report::report;
use perspectief_core::chaid::{fit, ChaidParams, Dataset, Level, RawColumn};
use perspectief_core::locale::Locale;
use perspectief_core::narrative::{self, trace, Narrative, TreeFacts, Units};

mod common;

const T: u64 = 5;
const BOTH: [Locale; 2] = [Locale::Nl, Locale::En];

fn checked(what: &str, n: &Narrative, json: &serde_json::Value, l: Locale) -> String {
    let problems = trace::check(n, json, T, l);
    assert!(problems.is_empty(), "{what} ({l:?}): {problems:#?}\n{}", n.plain());
    let text = n.plain();
    assert!(!text.trim().is_empty(), "{what}: no text");
    text
}

/// A published tree's text, checked against its JSON document.
fn tree_text(what: &str, view: &TreeView, class: Option<&str>, units: Units, l: Locale) -> String {
    let json: serde_json::Value = serde_json::from_str(&view.published_json(T)).unwrap();
    let published = view.report.publish(T);
    let facts = TreeFacts {
        tree: &published,
        alpha: view.report.tree.params.alpha_split,
        target_class: class.and_then(|c| published.categories.iter().position(|k| k == c)),
        units,
    };
    checked(what, &narrative::tree(facts, l), &json, l)
}

fn demo_tree(a: &AnalysisFile, target: &str, params: &ChaidParams, class: Option<&str>) -> TreeView {
    let variables = a.variables.iter().map(|v| (v.name.as_str(), v.set.is_some()));
    let predictors = perspectief_core::analysis::run::default_predictors(variables, target);
    let request = TreeRequest {
        target_class: class,
        ..TreeRequest::new(target, &predictors, params)
    };
    tree(a, &request, || 0.0).unwrap()
}

fn data_tree(columns: &[(String, RawColumn)], spec: &perspectief_core::chaid::Spec, params: ChaidParams) -> TreeView {
    let data = Dataset::build(columns, spec).unwrap();
    let params = params.check().unwrap();
    let t = fit(&data, &params).unwrap();
    TreeView {
        report: report(t, &data, None, None),
        edits: Vec::new(),
        test: None,
        dropped: Default::default(),
        ms: 0.0,
    }
}

fn loose() -> ChaidParams {
    ChaidParams::default()
        .max_depth(5)
        .min_parent(10.0)
        .min_child(5.0)
        .alpha_split(0.2)
        .alpha_merge(0.2)
}

#[test]
fn the_demo_outcome_trees_say_only_what_their_published_tree_shows() {
    let demo = common::demo();
    let mut hidden_seen = 0;
    for (target, _) in OUTCOMES {
        for depth in [1, 2, 3, 5] {
            for (min_parent, min_child) in [(100.0, 50.0), (10.0, 5.0)] {
                let params = ChaidParams::default()
                    .max_depth(depth)
                    .min_parent(min_parent)
                    .min_child(min_child);
                let view = demo_tree(&demo.analysis, target, &params, Some("ja"));
                for l in BOTH {
                    let text = tree_text(
                        &format!("{target} depth {depth} min {min_parent}"),
                        &view,
                        Some("ja"),
                        Units::ExAmv,
                        l,
                    );
                    // "Highest" and "lowest" among the shown groups only, and the text says so.
                    let published = view.report.publish(T);
                    let hidden_end = published.nodes.iter().any(|n| {
                        n.is_terminal()
                            && n.parent.is_some()
                            && n.percents.get(1).copied().flatten().is_none()
                            && n.percents.first().copied().flatten().is_none()
                    });
                    if hidden_end && l == Locale::Nl && text.contains("het hoogst") {
                        assert!(
                            text.contains("Van de groepen die met een getal genoemd worden: het percentage"),
                            "{text}"
                        );
                        hidden_seen += 1;
                    }
                    if view.report.tree.nodes.len() > 1 {
                        let root = view.report.tree.nodes[0].split.as_ref().unwrap();
                        let label = perspectief_core::analysis::labels::label(&root.name, l).to_lowercase();
                        assert!(
                            text.to_lowercase().contains(&label),
                            "{target}: the first split is named\n{text}"
                        );
                    }
                }
            }
        }
    }
    assert!(hidden_seen > 0, "some tree hides an end group beside its extremes");
}

#[test]
fn the_demo_mob_tree_reads_as_the_report_writes() {
    let demo = common::demo();
    let view = demo_tree(&demo.analysis, "mob", &ChaidParams::default(), Some("ja"));
    let nl = tree_text("mob", &view, Some("ja"), Units::ExAmv, Locale::Nl);
    let en = tree_text("mob", &view, Some("ja"), Units::ExAmv, Locale::En);
    println!("{nl}\n\n{en}");
    assert!(nl.starts_with("Van de "), "{nl}");
    assert!(
        nl.contains("vertrok") && nl.contains("met onbekende bestemming"),
        "{nl}"
    );
    assert!(nl.contains(" %"), "Dutch percentages: {nl}");
    assert!(en.contains("left for an unknown destination"), "{en}");
    // The root's own numbers are in it: its N and its share.
    let root = &view.report.publish(T).nodes[0];
    assert!(
        nl.contains(&format!("Van de {} ex-AMV's", Locale::Nl.integer(root.n.n.unwrap()))),
        "{nl}"
    );
}

#[test]
fn reference_trees_iris_titanic_credit_and_a_scale_dependent() {
    use Level::*;
    let iris = common::reference("iris.csv");
    let spec = common::spec(
        "species",
        Nominal,
        &[
            ("sepal_length", Scale),
            ("sepal_width", Scale),
            ("petal_length", Scale),
            ("petal_width", Scale),
        ],
    );
    let view = data_tree(&iris, &spec, loose());
    for l in BOTH {
        let text = tree_text("iris", &view, None, Units::Cases, l);
        assert!(text.contains("petal"), "{text}");
    }
    let (titanic, spec) = common::titanic_known();
    let view = data_tree(&titanic, &spec, loose());
    for l in BOTH {
        let text = tree_text("titanic", &view, None, Units::Cases, l);
        assert!(text.to_lowercase().contains("sex"), "{text}");
    }
    // A scale dependent: fare by class, sex and embarkation.
    let titanic = common::reference("titanic.csv");
    let spec = common::spec(
        "fare",
        Scale,
        &[("pclass", Ordinal), ("sex", Nominal), ("embarked", Nominal)],
    );
    let view = data_tree(&titanic, &spec, loose());
    for l in BOTH {
        let text = tree_text("titanic fare", &view, None, Units::Cases, l);
        assert!(
            text.contains(if l == Locale::Nl { "gemiddelde" } else { "mean" }),
            "{text}"
        );
    }
    let (credit, spec) = common::credit();
    let view = data_tree(&credit, &spec, ChaidParams::default());
    for l in BOTH {
        let text = tree_text("credit", &view, Some("goed"), Units::Cases, l);
        assert!(text.contains("inkomen"), "{text}");
    }
}

#[test]
fn degenerate_trees_no_split_and_a_single_category() {
    use Level::*;
    let iris = common::reference("iris.csv");
    // No split: the parent would need more cases than there are.
    let spec = common::spec("species", Nominal, &[("sepal_width", Scale)]);
    let view = data_tree(&iris, &spec, ChaidParams::default().min_parent(1000.0).min_child(500.0));
    for l in BOTH {
        let text = tree_text("no split", &view, None, Units::Cases, l);
        assert!(
            text.contains(if l == Locale::Nl { "geen splitsing" } else { "no split" }),
            "{text}"
        );
    }
    // A single category: every case the same class (the published tree shows it; the text
    // says no more than the tree).
    let n = 40;
    let columns = vec![
        ("uitkomst".to_string(), RawColumn::text(vec![Some("ja".to_string()); n])),
        (
            "groep".to_string(),
            RawColumn::text((0..n).map(|i| Some(["a", "b"][i % 2].to_string())).collect::<Vec<_>>()),
        ),
    ];
    let spec = common::spec("uitkomst", Nominal, &[("groep", Nominal)]);
    let view = data_tree(&columns, &spec, ChaidParams::default().min_parent(2.0).min_child(1.0));
    for l in BOTH {
        let text = tree_text("one class", &view, Some("ja"), Units::Cases, l);
        assert!(
            text.contains(if l == Locale::Nl { "geen splitsing" } else { "no split" }),
            "{text}"
        );
    }
}

/// Every frequency table, a crosstab of each person variable with each outcome, and means.
#[test]
fn demo_tables_and_the_comparison() {
    let demo = common::demo();
    let a = &demo.analysis;
    let json = |v: &TableView| serde_json::to_value(v).unwrap();
    let mut texts = 0;
    for v in &a.variables {
        let request = TableRequest::Frequencies {
            variable: v.name.clone(),
        };
        let Ok(view) = table(a, &request, T) else { continue };
        let TableView::Counts(p) = &view else { unreachable!() };
        for l in BOTH {
            checked(&v.name, &narrative::table(p, Units::ExAmv, l), &json(&view), l);
            texts += 1;
        }
        if v.set.as_deref() != Some("Kenmerken ex-AMV's") {
            continue;
        }
        for (outcome, _) in OUTCOMES {
            let request = TableRequest::Crosstab {
                row: v.name.clone(),
                col: outcome.to_string(),
            };
            let Ok(view) = table(a, &request, T) else { continue };
            let TableView::Counts(p) = &view else { unreachable!() };
            for l in BOTH {
                checked(
                    &format!("{} × {outcome}", v.name),
                    &narrative::table(p, Units::ExAmv, l),
                    &json(&view),
                    l,
                );
            }
        }
    }
    assert!(texts > 40, "{texts} frequency texts");
    let request = TableRequest::Crosstab {
        row: "geslacht".into(),
        col: "mob".into(),
    };
    let view = table(a, &request, T).unwrap();
    let TableView::Counts(p) = &view else { unreachable!() };
    let text = checked(
        "geslacht × mob",
        &narrative::table(p, Units::ExAmv, Locale::Nl),
        &json(&view),
        Locale::Nl,
    );
    assert!(
        text.contains("met onbekende bestemming") && text.contains("significant"),
        "{text}"
    );
    let means = table(
        a,
        &TableRequest::Means {
            variable: "leeftijd_bij_instroom".into(),
            by: "steunpunt".into(),
        },
        T,
    );
    if let Ok(view @ TableView::Means(m)) = &means {
        for l in BOTH {
            checked("means", &narrative::means(m, l), &json(view), l);
        }
    }
    for (outcome, _) in OUTCOMES {
        let c = compare(a, outcome, ChaidParams::default()).unwrap();
        for l in BOTH {
            let text = checked(
                outcome,
                &narrative::comparison(&c, l),
                &serde_json::to_value(&c).unwrap(),
                l,
            );
            if outcome == "mob" {
                println!("{text}");
            }
        }
    }
}
