//! Editing the demo's MOB tree by hand: a forced split, a category moved between the root's
//! groups (the test of the new groups recomputed, checked here by hand from the raw columns),
//! a pruned branch; the edits as JSON replay to the same tree, and edits that no longer apply
//! say why, in Dutch and English.

use perspectief_core::analysis::run::{default_predictors, steerable_tree, tree, TreeRequest, TreeView};
use perspectief_core::analysis::AnalysisFile;
use perspectief_core::chaid::edit::{path_of, Limits, Step, TreeEdit};
use perspectief_core::chaid::tree::{Summary, Tree};
use perspectief_core::chaid::ChaidParams;
use perspectief_core::locale::Locale;
use perspectief_core::messages::Localized;

mod common;

fn grow(a: &AnalysisFile, edits: &[TreeEdit]) -> TreeView {
    let predictors = default_predictors(a.variables.iter().map(|v| (v.name.as_str(), v.set.is_some())), "mob");
    let params = ChaidParams::default();
    let request = TreeRequest {
        target_class: Some("ja"),
        edits,
        ..TreeRequest::new("mob", &predictors, &params)
    };
    // A fresh tree (no kept one), and the same edits applied one at a time to a kept tree:
    // the same result.
    let fresh = steerable_tree(a, &request, &mut None, || 0.0).unwrap();
    let mut cache = None;
    for k in 0..=edits.len() {
        let part = TreeRequest {
            edits: &edits[..k],
            ..request
        };
        let step = steerable_tree(a, &part, &mut cache, || 0.0).unwrap();
        if k == edits.len() {
            assert_eq!(
                (&step.report, &step.edits),
                (&fresh.report, &fresh.edits),
                "edit by edit"
            );
        }
    }
    fresh
}

fn counts(t: &Tree, id: usize) -> Vec<f64> {
    match &t.nodes[id].summary {
        Summary::Classes { counts } => counts.clone(),
        Summary::Scale { .. } => unreachable!(),
    }
}

/// Every node's class counts add up over its children, and every edit applied.
fn consistent(v: &TreeView) {
    let t = &v.report.tree;
    for n in &t.nodes {
        assert_eq!(n.id, t.nodes.iter().position(|m| m.id == n.id).unwrap());
        if !n.children.is_empty() {
            let mut sum = vec![0.0; counts(t, n.id).len()];
            for &c in &n.children {
                assert_eq!(t.nodes[c].parent, Some(n.id));
                assert_eq!(t.nodes[c].depth, n.depth + 1);
                for (s, x) in sum.iter_mut().zip(counts(t, c)) {
                    *s += x;
                }
            }
            assert_eq!(sum, counts(t, n.id), "node {}", n.id);
        }
    }
    for e in &v.edits {
        assert_eq!(e.problem, None, "{}", e.text(Locale::Nl));
    }
}

/// Pearson's chi-square of a groups × classes table.
fn pearson(table: &[Vec<f64>]) -> f64 {
    let total: f64 = table.iter().flatten().sum();
    let cols = table[0].len();
    let col: Vec<f64> = (0..cols).map(|j| table.iter().map(|r| r[j]).sum()).collect();
    let mut x2 = 0.0;
    for r in table {
        let row: f64 = r.iter().sum();
        for j in 0..cols {
            let e = row * col[j] / total;
            if e > 0.0 {
                x2 += (r[j] - e).powi(2) / e;
            }
        }
    }
    x2
}

#[test]
fn force_move_prune_and_replay() {
    let demo = common::demo();
    let a = &demo.analysis;
    let plain = grow(a, &[]);
    let t0 = &plain.report.tree;
    let (predictors, params) = (plain_predictors(a), ChaidParams::default());
    let request = TreeRequest::new("mob", &predictors, &params);
    assert_eq!(plain.report.tree, tree(a, &request, || 0.0).unwrap().report.tree);
    let root = t0.nodes[0].split.clone().expect("the root splits");
    assert!(root.groups.len() >= 2);

    // 1. Force a split at node 1 on a predictor CHAID did not choose there.
    let chosen = t0.nodes[1].split.as_ref().map(|s| s.name.clone());
    let competitors = |t: &Tree| {
        let data =
            perspectief_core::analysis::run::tree_dataset(a, "mob", &plain_predictors(a), &ChaidParams::default())
                .unwrap();
        (0..t.nodes.len())
            .map(|id| perspectief_core::chaid::competitors::of_node(t, &data, id, 5))
            .collect::<Vec<_>>()
    };
    let forced = competitors(t0)[1]
        .iter()
        .find(|c| Some(&c.predictor) != chosen.as_ref())
        .expect("a competitor at node 1")
        .predictor
        .clone();
    let mut edits = vec![TreeEdit::Split {
        node: path_of(t0, 1),
        predictor: forced.clone(),
    }];
    let v1 = grow(a, &edits);
    consistent(&v1);
    assert_eq!(v1.report.tree.nodes[1].split.as_ref().unwrap().name, forced);
    assert_eq!(v1.edits[0].node, Some(1));
    assert_eq!(
        v1.edits[0].text(Locale::Nl),
        format!("Knoop 1: handmatig gesplitst op {forced}.")
    );
    assert_eq!(
        v1.edits[0].text(Locale::En),
        format!("Node 1: split by hand on {forced}.")
    );

    // 2. Move one category between the root's groups (leaving node 1's group as it is when
    //    there are three groups or more).
    let t1 = &v1.report.tree;
    let labels = &t1.predictors[root.predictor].categories;
    let mut groups: Vec<Vec<String>> = root
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&c| labels.get(c).cloned().unwrap_or("<missing>".into()))
                .collect()
        })
        .collect();
    // The first move (a category to another group) after which node 2 has branches to prune.
    let k = groups.len();
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for f in (0..k).filter(|&f| groups[f].len() >= 2) {
        for i in 0..groups[f].len() {
            moves.extend((0..k).filter(|&t| t != f).map(|t| (f, i, t)));
        }
    }
    let regrouped = |&(f, i, t): &(usize, usize, usize)| {
        let mut g = groups.clone();
        let c = g[f].remove(i);
        g[t].push(c);
        g
    };
    let node2_splits = |g: &Vec<Vec<String>>| {
        let mut e = edits.clone();
        e.push(TreeEdit::Regroup {
            node: Vec::new(),
            predictor: root.name.clone(),
            groups: g.clone(),
        });
        let v = grow(a, &e);
        v.report.tree.nodes.get(2).is_some_and(|n| !n.is_terminal())
    };
    let chosen_move = moves
        .iter()
        .find(|m| node2_splits(&regrouped(m)))
        .expect("a move after which node 2 splits");
    groups = regrouped(chosen_move);
    edits.push(TreeEdit::Regroup {
        node: Vec::new(),
        predictor: root.name.clone(),
        groups: groups.clone(),
    });
    let v2 = grow(a, &edits);
    consistent(&v2);
    let t2 = &v2.report.tree;
    let split = t2.nodes[0].split.as_ref().unwrap();
    let got: Vec<Vec<String>> = split
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&c| labels.get(c).cloned().unwrap_or("<missing>".into()))
                .collect()
        })
        .collect();
    let mut want = groups.clone();
    for g in &mut want {
        g.sort_by_key(|l| labels.iter().position(|x| x == l).unwrap_or(usize::MAX));
    }
    want.sort_by_key(|g| labels.iter().position(|x| *x == g[0]).unwrap_or(usize::MAX));
    assert_eq!(got, want, "the groups as moved");
    // The children's counts, counted again from the raw columns, and the test of them by hand.
    let column = |name: &str| &a.variables.iter().find(|v| v.name == name).unwrap().values;
    let text = |name: &str| match column(name) {
        perspectief_core::chaid::RawColumn::Text(t) => t,
        _ => panic!("{name}: a text column"),
    };
    let (mob, pred) = (text("mob"), text(&root.name));
    let classes = &t2.target.categories;
    let mut table = vec![vec![0.0; classes.len()]; got.len()];
    for r in 0..mob.codes.len() {
        let (Some(y), value) = (mob.get(r), pred.get(r)) else {
            continue;
        };
        let label = value.unwrap_or("<missing>").to_string();
        if let Some(k) = got.iter().position(|g| g.contains(&label)) {
            table[k][classes.iter().position(|c| *c == y).unwrap()] += 1.0;
        }
    }
    for (k, &child) in t2.nodes[0].children.iter().enumerate() {
        assert_eq!(counts(t2, child), table[k], "child {child}");
    }
    assert!((split.statistic - pearson(&table)).abs() < 1e-9 * split.statistic.max(1.0));
    assert_eq!(split.df1, ((got.len() - 1) * (classes.len() - 1)) as f64);
    assert!(split.adj_p >= split.p);

    // 3. Prune node 2.
    edits.push(TreeEdit::Prune { node: path_of(t2, 2) });
    let v3 = grow(a, &edits);
    let t3 = &v3.report.tree;
    consistent(&v3);
    assert!(t3.nodes[2].is_terminal());
    assert!(t3.nodes.len() < t2.nodes.len());
    assert_eq!(v3.edits[2].text(Locale::Nl), "Knoop 2: tak gesnoeid.");
    assert_eq!(v3.edits[2].text(Locale::En), "Node 2: branch pruned.");

    // The edits as the recept keeps them replay to the same tree.
    let json = serde_json::to_string(&edits).unwrap();
    let again: Vec<TreeEdit> = serde_json::from_str(&json).unwrap();
    assert_eq!(grow(a, &again).report.tree, *t3);
    assert!(json.contains(r#""edit":"regroup""#), "{json}");
}

fn plain_predictors(a: &AnalysisFile) -> Vec<String> {
    default_predictors(a.variables.iter().map(|v| (v.name.as_str(), v.set.is_some())), "mob")
}

#[test]
fn edits_that_no_longer_apply_say_why() {
    let demo = common::demo();
    let a = &demo.analysis;
    let t0 = grow(a, &[]).report.tree;
    let root = t0.nodes[0].split.clone().unwrap().name;
    let terminal = t0.terminals().next().unwrap().id;
    let edits = vec![
        TreeEdit::Prune {
            node: vec![Step {
                split: "leeftijd_bij_intake".into(),
                branch: 0,
            }],
        },
        TreeEdit::Prune {
            node: vec![Step {
                split: root.clone(),
                branch: 40,
            }],
        },
        TreeEdit::Split {
            node: Vec::new(),
            predictor: "schoenmaat".into(),
        },
        TreeEdit::Regroup {
            node: Vec::new(),
            predictor: root.clone(),
            groups: vec![vec!["bestaat niet".into()]],
        },
        TreeEdit::Regroup {
            node: Vec::new(),
            predictor: root.clone(),
            groups: Vec::new(),
        },
        TreeEdit::Prune {
            node: path_of(&t0, terminal),
        },
        TreeEdit::Regrow {
            node: Vec::new(),
            limits: Limits {
                depth: 2,
                min_parent: 10.0,
                min_child: 20.0,
                alpha_split: 0.05,
            },
        },
    ];
    let v = grow(a, &edits);
    assert_eq!(v.report.tree, t0, "nothing applied, nothing changed");
    let nl: Vec<String> = v.edits.iter().map(|e| e.text(Locale::Nl)).collect();
    let en: Vec<String> = v.edits.iter().map(|e| e.text(Locale::En)).collect();
    let branches = t0.nodes[0].children.len();
    assert_eq!(
        nl[0],
        format!("Niet toegepast (tak gesnoeid, bij de knoop via leeftijd_bij_intake tak 1): knoop 0 is nu gesplitst op {root}, niet op leeftijd_bij_intake.")
    );
    assert_eq!(
        en[0],
        format!("Not applied (branch pruned, at the node via leeftijd_bij_intake branch 1): node 0 is now split on {root}, not on leeftijd_bij_intake.")
    );
    assert!(
        nl[1].ends_with(&format!("knoop 0 heeft {branches} takken, geen tak 41.")),
        "{}",
        nl[1]
    );
    assert!(
        en[1].ends_with(&format!("node 0 has {branches} branches, no branch 41.")),
        "{}",
        en[1]
    );
    assert!(
        nl[2].ends_with("schoenmaat is geen verklarende variabele van deze boom."),
        "{}",
        nl[2]
    );
    assert!(
        nl[3].ends_with(&format!("{root} heeft geen categorie 'bestaat niet'.")),
        "{}",
        nl[3]
    );
    assert!(
        en[3].ends_with(&format!("{root} has no category 'bestaat niet'.")),
        "{}",
        en[3]
    );
    assert!(nl[4].contains("maar staat in geen of in twee groepen"), "{}", nl[4]);
    assert_eq!(
        nl[5],
        format!(
            "Niet toegepast (tak gesnoeid, bij {}): knoop {terminal} heeft geen takken om te snoeien.",
            {
                let p = path_of(&t0, terminal);
                format!(
                    "de knoop via {}",
                    p.iter()
                        .map(|s| format!("{} tak {}", s.split, s.branch + 1))
                        .collect::<Vec<_>>()
                        .join(" → ")
                )
            }
        )
    );
    assert!(nl[6].starts_with("Niet toegepast (opnieuw gegroeid met 2 niveaus eronder, minimaal 10 cliënten om te splitsen, 20 per groep, alpha 0,05, bij de wortel): Instelling min-child = 20"), "{}", nl[6]);
    assert!(en[6].starts_with("Not applied (regrown with 2 levels below, at least 10 clients to split, 20 per group, alpha 0.05, at the root): Setting min-child = 20"), "{}", en[6]);
}

/// A regrown root with looser limits grows at least as many nodes; the competitors of a node
/// are sorted by adjusted p, at most five, and the first is the split CHAID chose.
#[test]
fn regrow_and_competitors() {
    let demo = common::demo();
    let a = &demo.analysis;
    let v0 = grow(a, &[]);
    let looser = grow(
        a,
        &[TreeEdit::Regrow {
            node: Vec::new(),
            limits: Limits {
                depth: 4,
                min_parent: 40.0,
                min_child: 20.0,
                alpha_split: 0.05,
            },
        }],
    );
    consistent(&looser);
    assert!(looser.report.tree.nodes.len() > v0.report.tree.nodes.len());
    assert!(looser.report.tree.nodes.iter().any(|n| n.depth == 4));
    let data =
        perspectief_core::analysis::run::tree_dataset(a, "mob", &plain_predictors(a), &ChaidParams::default()).unwrap();
    let all: Vec<_> = (0..v0.report.tree.nodes.len())
        .map(|id| perspectief_core::chaid::competitors::of_node(&v0.report.tree, &data, id, 5))
        .collect();
    for (node, list) in v0.report.tree.nodes.iter().zip(&all) {
        assert!(list.len() <= 5);
        assert!(list.windows(2).all(|w| w[0].adj_p <= w[1].adj_p));
        if let Some(s) = &node.split {
            assert_eq!(list[0].predictor, s.name, "node {}", node.id);
            assert!((list[0].adj_p - s.adj_p).abs() <= 1e-12 * s.adj_p.max(1e-300));
        }
    }
    assert!(all[0].len() == 5);
    // A competitor with a small cell does not show its test.
    let c = &all[0][0];
    assert!(!c.shown(c.smallest as u64 + 1));
    assert!(c.shown(c.smallest.floor() as u64));
}
