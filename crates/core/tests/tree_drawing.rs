//! The layout's promise on real trees: the demo's four outcomes and MOB at depths 1–5 (with
//! limits small enough to grow wide trees), iris, and Titanic (a class and a scale dependent),
//! whole and with nodes collapsed, in both languages.

use std::collections::BTreeSet;

use perspectief_core::analysis::labels::label;
use perspectief_core::analysis::run::default_predictors;
use perspectief_core::analysis::OUTCOMES;
use perspectief_core::chaid::published::PublishedTree;
use perspectief_core::chaid::report::report;
use perspectief_core::chaid::{fit, ChaidParams, Dataset, Level};
use perspectief_core::recept::Analysis;
use perspectief_core::session::{Edit, Outcome, Session};

use perspectief_core::drawing::text::{escape, text_width, wrap};
use perspectief_core::drawing::tree::*;
use perspectief_core::locale::Locale;

mod common;

use common::numbers;

fn demo_trees() -> Vec<(String, PublishedTree)> {
    let mut s: Session<Vec<u8>> = Session::new(|| 0.0);
    s.edit(Edit::LoadDemo, &mut || None, &mut |_, _, _| {}).unwrap();
    let variables: Vec<(String, bool)> = s
        .analysis_file(&mut |_, _, _| {})
        .unwrap()
        .variables
        .iter()
        .map(|v| (v.name.clone(), v.set.is_some()))
        .collect();
    let mut out = Vec::new();
    let targets: Vec<&str> = OUTCOMES.iter().map(|(dummy, _)| *dummy).collect();
    for target in targets {
        let predictors = default_predictors(variables.iter().map(|(n, s)| (n.as_str(), *s)), target);
        for depth in 1..=5 {
            for (min_parent, min_child, alpha) in [(100.0, 50.0, 0.05), (10.0, 5.0, 0.2)] {
                let params = ChaidParams::default()
                    .max_depth(depth)
                    .min_parent(min_parent)
                    .min_child(min_child)
                    .alpha_split(alpha)
                    .alpha_merge(alpha);
                let analysis = Analysis::Tree {
                    target: target.into(),
                    predictors: predictors.clone(),
                    params,
                    target_class: None,
                    edits: Vec::new(),
                    validation: None,
                };
                let Outcome::Tree(view) = s.run(&analysis, &mut |_, _, _| {}).unwrap() else {
                    panic!("a tree")
                };
                out.push((
                    format!("{target} depth {depth} min {min_parent}"),
                    view.report.publish(5),
                ));
            }
        }
    }
    out
}

fn reference_tree(file: &str, target: &str, level: Level, predictors: &[(&str, Level)]) -> PublishedTree {
    tree_of(file, common::spec(target, level, predictors))
}

fn tree_of(file: &str, spec: perspectief_core::chaid::Spec) -> PublishedTree {
    let columns = common::reference(file);
    let data = Dataset::build(&columns, &spec).unwrap();
    let params = ChaidParams::default()
        .max_depth(5)
        .min_parent(10.0)
        .min_child(5.0)
        .alpha_split(0.2)
        .alpha_merge(0.2)
        .check()
        .unwrap();
    report(fit(&data, &params).unwrap(), &data, None, None).publish(5)
}

/// The trees below, grown once for all the tests of this file.
fn all_trees() -> Vec<(String, PublishedTree)> {
    static TREES: std::sync::OnceLock<Vec<(String, PublishedTree)>> = std::sync::OnceLock::new();
    TREES.get_or_init(grow_all_trees).clone()
}

fn grow_all_trees() -> Vec<(String, PublishedTree)> {
    let s = Level::Scale;
    let mut trees = demo_trees();
    trees.push(("iris".into(), tree_of("iris.csv", common::iris_spec())));
    let titanic = [
        ("sex", Level::Nominal),
        ("pclass", Level::Ordinal),
        ("embarked", Level::Nominal),
        ("age", s),
        ("fare", s),
    ];
    trees.push((
        "titanic survived".into(),
        reference_tree("titanic.csv", "survived", Level::Nominal, &titanic),
    ));
    let by = [
        ("sex", Level::Nominal),
        ("pclass", Level::Ordinal),
        ("embarked", Level::Nominal),
        ("age", s),
    ];
    trees.push((
        "titanic fare (scale)".into(),
        reference_tree("titanic.csv", "fare", s, &by),
    ));
    trees
}

type Rect = (f64, f64, f64, f64);

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inside(inner: Rect, outer: Rect) -> bool {
    inner.0 >= outer.0 && inner.1 >= outer.1 && inner.2 <= outer.2 && inner.3 <= outer.3
}

/// Every way the scene could collide, as sentences.
fn collisions(scene: &Scene) -> Vec<String> {
    let mut out = Vec::new();
    let page = (0.0, 0.0, scene.width, scene.height);
    let boxes: Vec<Rect> = scene.boxes.iter().map(|b| (b.x, b.y, b.x + b.w, b.y + b.h)).collect();
    for (i, a) in boxes.iter().enumerate() {
        if !inside(*a, page) {
            out.push(format!("box {} leaves the drawing", scene.boxes[i].id));
        }
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            if overlap(*a, *b) {
                out.push(format!("boxes {} and {} overlap", scene.boxes[i].id, scene.boxes[j].id));
            }
        }
    }
    // Texts in a box stay in it and apart; texts between boxes stay off boxes and apart.
    for (b, rect) in scene.boxes.iter().zip(&boxes) {
        let ts: Vec<Rect> = b.texts.iter().map(Text::extent).collect();
        for (i, t) in ts.iter().enumerate() {
            if !inside(*t, *rect) {
                out.push(format!("'{}' leaves the box of node {}", b.texts[i].text, b.id));
            }
            for (j, u) in ts.iter().enumerate().skip(i + 1) {
                if overlap(*t, *u) {
                    out.push(format!(
                        "'{}' and '{}' overlap in node {}",
                        b.texts[i].text, b.texts[j].text, b.id
                    ));
                }
            }
        }
    }
    let free: Vec<Rect> = scene.texts.iter().map(Text::extent).collect();
    for (i, t) in free.iter().enumerate() {
        if !inside(*t, page) {
            out.push(format!("'{}' leaves the drawing", scene.texts[i].text));
        }
        for (k, rect) in boxes.iter().enumerate() {
            if overlap(*t, *rect) {
                out.push(format!(
                    "'{}' runs into node {}",
                    scene.texts[i].text, scene.boxes[k].id
                ));
            }
        }
        for (j, u) in free.iter().enumerate().skip(i + 1) {
            if overlap(*t, *u) {
                out.push(format!(
                    "'{}' and '{}' overlap",
                    scene.texts[i].text, scene.texts[j].text
                ));
            }
        }
    }
    out
}

#[test]
fn no_box_or_text_collides_on_the_demo_and_reference_trees() {
    let trees = all_trees();
    let widest = trees.iter().map(|(_, t)| t.nodes.len()).max().unwrap_or(0);
    assert!(widest >= 40, "a wide tree among them: {widest} nodes at most");
    assert!(
        trees.iter().any(|(_, t)| t.nodes.iter().any(|n| n.depth == 5)),
        "a deep tree among them"
    );
    for (name, tree) in &trees {
        for lang in [Locale::Nl, Locale::En] {
            let whole = layout(tree, &BTreeSet::new(), lang);
            assert_eq!(whole.boxes.len(), tree.nodes.len(), "{name}");
            let problems = collisions(&whole);
            assert!(problems.is_empty(), "{name} ({lang:?}): {}", problems.join("; "));
            // Collapsing any inner node keeps the promise.
            for inner in tree.nodes.iter().filter(|n| !n.children.is_empty()) {
                let folded = layout(tree, &BTreeSet::from([inner.id]), lang);
                let problems = collisions(&folded);
                assert!(
                    problems.is_empty(),
                    "{name}, node {} collapsed: {}",
                    inner.id,
                    problems.join("; ")
                );
            }
        }
    }
}

#[test]
fn the_check_finds_a_collision_when_there_is_one() {
    let (_, tree) = all_trees().into_iter().find(|(_, t)| t.nodes.len() > 3).unwrap();
    let mut scene = layout(&tree, &BTreeSet::new(), Locale::Nl);
    let (x, y) = (scene.boxes[1].x, scene.boxes[1].y);
    scene.boxes[2].x = x + 10.0;
    scene.boxes[2].y = y;
    scene.texts[0].text = "een heel lange tekst die over alles heen loopt ".repeat(20);
    let found = collisions(&scene);
    assert!(found.iter().any(|p| p.contains("overlap")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("leaves the drawing")), "{found:?}");
}

#[test]
fn long_labels_wrap_and_long_words_break() {
    assert_eq!(wrap("kort", 100.0, FONT, false), ["kort"]);
    let lines = wrap(
        "Syrië; Eritrea; Afghanistan; Somalië; Irak; Iran; <ontbrekend>",
        120.0,
        SMALL,
        false,
    );
    assert!(lines.len() > 2, "{lines:?}");
    assert!(lines.iter().all(|l| text_width(l, SMALL, false) <= 120.0), "{lines:?}");
    assert_eq!(
        lines.join(" "),
        "Syrië; Eritrea; Afghanistan; Somalië; Irak; Iran; <ontbrekend>"
    );
    let word = wrap(&"x".repeat(80), 60.0, FONT, false);
    assert!(
        word.len() > 3 && word.iter().all(|l| text_width(l, FONT, false) <= 60.0),
        "{word:?}"
    );
}

#[test]
fn the_drawing_is_a_tree_for_screen_readers_and_a_picture_in_files() {
    let (_, tree) = all_trees()
        .into_iter()
        .find(|(n, t)| n.starts_with("mob depth 3 min 100") && t.nodes.len() > 3)
        .unwrap();
    let scene = layout(&tree, &BTreeSet::new(), Locale::Nl);
    let page = scene.svg(
        1.0,
        Some(Focus {
            focused: 2,
            selected: Some(2),
        }),
        Locale::Nl,
    );
    assert!(page.contains(r#"role="tree""#));
    assert_eq!(page.matches(r#"role="treeitem""#).count(), tree.nodes.len());
    assert_eq!(page.matches(r#"tabindex="0""#).count(), 1, "one tab stop");
    assert!(page.contains(r#"aria-level="1" aria-selected="false" aria-expanded="true" tabindex="-1" aria-label="Knoop 0: 733 cliënten, 100,0 %; ja "#), "{page}");
    let file = scene.svg(1.0, None, Locale::Nl);
    assert!(file.starts_with(r#"<svg class="pf-tree" role="img""#));
    assert!(!file.contains("tabindex") && !file.contains("treeitem"));
}

#[test]
fn text_from_the_data_cannot_become_markup() {
    assert_eq!(
        escape(r#"<script>"a" & 'b'</script>"#),
        "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
    );
    let (_, mut tree) = all_trees().into_iter().find(|(_, t)| t.nodes.len() > 3).unwrap();
    tree.categories[0] = r#"<img src=x onerror="alert(1)">"#.into();
    if let Some(split) = tree.nodes[0].split.as_mut() {
        split.name = r#""><script>alert(2)</script>"#.into();
    }
    let svg = layout(&tree, &BTreeSet::new(), Locale::En).svg(
        1.0,
        Some(Focus {
            focused: 0,
            selected: None,
        }),
        Locale::En,
    );
    assert!(!svg.contains("<img") && !svg.contains("<script"), "{svg}");
    assert!(
        svg.contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;")
            && svg.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")
    );
}

/// What a node's box may show: its number, its counts and N as published, its percentages, its
/// mean and sd, the threshold of a "<5", and the digits of the category labels.
fn box_may_show(tree: &PublishedTree, id: usize, l: Locale) -> BTreeSet<String> {
    let node = &tree.nodes[id];
    let mut out: BTreeSet<String> = BTreeSet::from([id.to_string(), tree.threshold.to_string(), l.number(100.0, 1)]);
    let counts = node.counts.iter().chain([&node.n]);
    out.extend(counts.filter_map(|c| c.n).map(|n| l.integer(n)));
    let shares = node.percents.iter().chain([&node.share]).flatten();
    out.extend(shares.map(|x| l.number(*x, 1)));
    out.extend([node.mean, node.sd].into_iter().flatten().map(|x| l.number(x, 3)));
    out.extend(tree.categories.iter().flat_map(|c| numbers(&l.category(c))));
    out
}

/// What the texts between the boxes may show: each split's test as published, and the digits of
/// the predictors' labels and the branches' categories.
fn between_may_show(tree: &PublishedTree, l: Locale) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for node in &tree.nodes {
        out.extend(node.branch.iter().flat_map(|b| numbers(&l.category(b))));
        if let Some(split) = &node.split {
            out.extend(numbers(&label(&split.name, l)));
            out.extend([split.df1, split.df2].iter().map(|d| d.to_string()));
            out.extend(split.statistic.map(|x| l.number(x, 3)));
            out.extend(split.adj_p.map(|p| numbers(&l.p_value(p))).unwrap_or_default());
        }
    }
    out
}

/// Every number the drawing shows that its place in the published tree does not hold.
fn unpublished(tree: &PublishedTree, scene: &Scene, l: Locale) -> Vec<String> {
    let mut out = Vec::new();
    for b in &scene.boxes {
        let may = box_may_show(tree, b.id, l);
        for t in &b.texts {
            out.extend(
                numbers(&t.text)
                    .into_iter()
                    .filter(|n| !may.contains(n))
                    .map(|n| format!("node {}: {n} in {:?}", b.id, t.text)),
            );
        }
    }
    let may = between_may_show(tree, l);
    for t in &scene.texts {
        out.extend(
            numbers(&t.text)
                .into_iter()
                .filter(|n| !may.contains(n))
                .map(|n| format!("{n} in {:?}", t.text)),
        );
    }
    out
}

/// The attack on a picture that leaves the building (the page's downloads, the Word files, the
/// command line's SVG): every number it shows is one the published tree shows at that place, so
/// a hidden count cannot come back through the drawing. The check finds a count put back.
#[test]
fn the_picture_shows_only_what_the_published_tree_shows() {
    let trees = all_trees();
    for (name, tree) in &trees {
        for l in [Locale::Nl, Locale::En] {
            let scene = layout(tree, &BTreeSet::new(), l);
            let found = unpublished(tree, &scene, l);
            assert!(found.is_empty(), "{name} ({l:?}): {found:?}");
        }
    }
    // A tree with a hidden count, drawn as if the count were shown: the check names it.
    let (name, tree, node, k) = trees
        .iter()
        .find_map(|(name, t)| {
            t.nodes.iter().find_map(|n| {
                let k = n.counts.iter().position(|c| c.mark.hidden())?;
                Some((name, t, n.id, k))
            })
        })
        .expect("a demo tree hides a count");
    let mut leaky = tree.clone();
    let shown: BTreeSet<u64> = leaky.nodes[node].counts.iter().filter_map(|c| c.n).collect();
    let put_back = (1..tree.threshold)
        .find(|v| !shown.contains(v) && *v as usize != node)
        .unwrap();
    leaky.nodes[node].counts[k] =
        perspectief_core::disclosure::Count::of(put_back, perspectief_core::disclosure::Mark::Shown);
    let found = unpublished(tree, &layout(&leaky, &BTreeSet::new(), Locale::Nl), Locale::Nl);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with(&format!("node {node}: {put_back} in"))),
        "{name}: {found:?}"
    );
}
