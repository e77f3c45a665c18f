//! The text about a published tree, as chapter 7 of the report writes it: the whole group, the
//! first split and what it compares, the groups that do best and worst, and how well the tree
//! classifies. Pointers are into the published tree's JSON document
//! (`{"params": …, "tree": …}`, as [`crate::analysis::run::TreeView::published_json`] writes it).

use super::{
    among_shown, categories, count, fill, is_yes, label, list, number, p_value, percent, text, words, Narrative,
    Outcome, Paragraph, Span, Trace, Units, Words,
};
use crate::analysis::labels;
use crate::chaid::published::{PublishedNode, PublishedTree};
use crate::locale::Locale;

/// What the text of a tree is written from.
#[derive(Debug, Clone, Copy)]
pub struct TreeFacts<'a> {
    pub tree: &'a PublishedTree,
    /// The tree's α for splitting (`/params/alpha_split`).
    pub alpha: f64,
    /// The class the text follows (the gains table's), by its position in `tree.categories`.
    pub target_class: Option<usize>,
    pub units: Units,
}

struct Writer<'a> {
    f: TreeFacts<'a>,
    w: &'static Words,
    l: Locale,
    /// The class followed: given, or the smaller of two classes (the "event"), or none.
    class: Option<usize>,
}

fn node_at(id: usize) -> String {
    format!("/tree/nodes/{id}")
}

impl Writer<'_> {
    fn nodes(&self) -> &[PublishedNode] {
        &self.f.tree.nodes
    }

    fn target(&self) -> Vec<Span> {
        label(
            labels::label(&self.f.tree.target, self.l).to_lowercase(),
            "/tree/target",
        )
    }

    fn predictor(&self, parent: usize) -> Vec<Span> {
        let name = self.nodes()[parent].split.as_ref().map_or("", |s| s.name.as_str());
        label(
            labels::label(name, self.l).to_lowercase(),
            format!("{}/split/name", node_at(parent)),
        )
    }

    fn branch(&self, id: usize) -> Vec<Span> {
        let b = self.nodes()[id].branch.clone().unwrap_or_default();
        label(categories(&b, self.w), format!("{}/branch", node_at(id)))
    }

    fn n(&self, id: usize) -> Option<Vec<Span>> {
        let n = self.nodes()[id].n.n?;
        Some(count(n, format!("{}/n/n", node_at(id)), self.l))
    }

    /// The followed value of a node: its class %, or its mean, when shown.
    fn value(&self, id: usize) -> Option<(f64, Vec<Span>)> {
        let node = &self.nodes()[id];
        node.n.n?;
        match self.class {
            Some(c) => {
                let p = (*node.percents.get(c)?)?;
                let at = format!("{}/percents/{c}", node_at(id));
                Some((p, percent(p, Trace::Value { at }, self.l)))
            }
            None if self.f.tree.is_scale() => {
                let m = node.mean?;
                Some((m, number(m, 2, format!("{}/mean", node_at(id)), self.l)))
            }
            None => None,
        }
    }

    fn followed(&self) -> Outcome {
        let c = self.class.unwrap_or(0);
        let class = self.f.tree.categories.get(c).cloned().unwrap_or_default();
        Outcome {
            var: self.f.tree.target.clone(),
            target: self.target(),
            yes: is_yes(&class),
            class: label(class, format!("/tree/categories/{c}")),
        }
    }

    /// What the tree is about: an outcome in words, else the dependent's name.
    fn topic(&self) -> Vec<Span> {
        if self.f.tree.is_scale() {
            return self.target();
        }
        self.followed().topic(self.w)
    }

    fn outcome(&self, p: Vec<Span>) -> Vec<Span> {
        self.followed().with(self.w, p)
    }

    fn share(&self) -> Vec<Span> {
        if self.f.tree.is_scale() {
            return fill(self.w.extremes_mean, &[("target", self.target())]);
        }
        self.followed().share(self.w)
    }

    /// The conditions that lead from the root to `id`: "duur ‘> 12’ en geslacht ‘vrouw’".
    fn path(&self, id: usize) -> Vec<Span> {
        let mut steps = Vec::new();
        let mut at = id;
        while let Some(parent) = self.nodes()[at].parent {
            steps.push(fill(
                self.w.condition,
                &[("predictor", self.predictor(parent)), ("g", self.branch(at))],
            ));
            at = parent;
        }
        steps.reverse();
        list(steps, self.w.and)
    }

    fn root(&self) -> Vec<Span> {
        let (units, n) = (text(self.w.units(self.f.units)), self.n(0).unwrap_or_default());
        match (self.value(0), self.f.tree.is_scale()) {
            (Some((_, m)), true) => fill(
                self.w.root_mean,
                &[("target", self.target()), ("mean", m), ("n", n), ("units", units)],
            ),
            (Some((_, p)), false) => fill(
                self.w.root_class,
                &[("n", n), ("units", units), ("outcome", self.outcome(p))],
            ),
            (None, _) => fill(
                self.w.root_one_class,
                &[("target", self.target()), ("n", n), ("units", units)],
            ),
        }
    }

    fn alpha(&self) -> Vec<Span> {
        number(self.f.alpha, 2, "/params/alpha_split", self.l)
    }

    fn first_split(&self) -> Vec<Span> {
        let root = &self.nodes()[0];
        let Some(split) = &root.split else {
            return fill(self.w.no_split, &[("alpha", self.alpha()), ("target", self.topic())]);
        };
        let significance = match split.adj_p {
            Some(p) => fill(
                self.w.significance,
                &[
                    ("p", p_value(p, "/tree/nodes/0/split/adj_p", self.l)),
                    ("alpha", self.alpha()),
                ],
            ),
            None => fill(self.w.significance_hidden, &[("alpha", self.alpha())]),
        };
        let mut out = fill(
            self.w.first_split,
            &[
                ("target", self.topic()),
                ("predictor", sentence_start(self.predictor(0), self.w.first_split)),
                ("significance", significance),
            ],
        );
        out.push(Span::Text { text: " ".into() });
        out.extend(self.children_compared(0));
        out
    }

    /// The children of a split compared: two groups in one sentence, more as a list.
    fn children_compared(&self, parent: usize) -> Vec<Span> {
        let children = &self.nodes()[parent].children;
        if let [a, b] = children[..] {
            if let (Some((_, xa)), Some((_, xb)), Some(na), Some(nb)) =
                (self.value(a), self.value(b), self.n(a), self.n(b))
            {
                let units = text(self.w.units(self.f.units));
                return if self.f.tree.is_scale() {
                    fill(
                        self.w.split_two_mean,
                        &[
                            ("n1", na),
                            ("units", units),
                            ("predictor", self.predictor(parent)),
                            ("g1", self.branch(a)),
                            ("m1", xa),
                            ("m2", xb),
                            ("n2", nb),
                        ],
                    )
                } else {
                    fill(
                        self.w.split_two,
                        &[
                            ("n1", na),
                            ("units", units),
                            ("predictor", self.predictor(parent)),
                            ("g1", self.branch(a)),
                            ("outcome", self.outcome(xa)),
                            ("p2", xb),
                            ("n2", nb),
                        ],
                    )
                };
            }
        }
        let groups: Vec<Vec<Span>> = children
            .iter()
            .map(|&c| match (self.value(c), self.n(c)) {
                (Some((_, x)), Some(n)) if self.f.tree.is_scale() => {
                    fill(self.w.group_mean, &[("g", self.branch(c)), ("m", x), ("n", n)])
                }
                (Some((_, x)), Some(n)) => fill(self.w.group_class, &[("g", self.branch(c)), ("p", x), ("n", n)]),
                _ => fill(self.w.group_small, &[("g", self.branch(c))]),
            })
            .collect();
        fill(
            self.w.split_many,
            &[
                ("share", self.share()),
                ("predictor", self.predictor(parent)),
                ("groups", list(groups, self.w.and)),
            ],
        )
    }

    /// The end groups with the highest and the lowest value (only groups shown with a number).
    fn extremes(&self) -> Option<Vec<Span>> {
        let ends: Vec<(usize, f64)> = self
            .nodes()
            .iter()
            .filter(|n| n.is_terminal() && n.parent.is_some())
            .filter_map(|n| Some((n.id, self.value(n.id)?.0)))
            .collect();
        let hi = ends.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
        let lo = ends.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1))?;
        // With only the root's two children, the first split said it already.
        let deeper = self.nodes().iter().any(|n| n.depth >= 2);
        if hi.0 == lo.0 || !deeper {
            return None;
        }
        let hidden = self
            .nodes()
            .iter()
            .any(|n| n.is_terminal() && n.parent.is_some() && self.value(n.id).is_none());
        Some(among_shown(
            self.w,
            hidden,
            fill(
                self.w.extremes,
                &[
                    ("share", self.share()),
                    ("x1", self.value(hi.0)?.1),
                    ("n1", self.n(hi.0)?),
                    ("units", text(self.w.units(self.f.units))),
                    ("path1", self.path(hi.0)),
                    ("x2", self.value(lo.0)?.1),
                    ("n2", self.n(lo.0)?),
                    ("path2", self.path(lo.0)),
                ],
            ),
        ))
    }

    fn classified(&self) -> Option<Vec<Span>> {
        let c = self.f.tree.classification.as_ref()?;
        let p = c.overall_percent_correct?;
        self.nodes().first()?.split.as_ref()?;
        Some(fill(
            self.w.classified,
            &[
                (
                    "p",
                    percent(
                        p,
                        Trace::Value {
                            at: "/tree/classification/overall_percent_correct".into(),
                        },
                        self.l,
                    ),
                ),
                ("units", text(self.w.units(self.f.units))),
            ],
        ))
    }

    fn hides_a_group(&self) -> bool {
        self.nodes().iter().any(|n| {
            n.n.n.is_none()
                || self
                    .class
                    .is_some_and(|c| n.percents.get(c).copied().flatten().is_none())
        })
    }
}

/// A label with a capital when the template starts the sentence with it.
fn sentence_start(mut spans: Vec<Span>, template: &str) -> Vec<Span> {
    if !template.starts_with("{predictor}") {
        return spans;
    }
    if let Some(Span::Label { text, .. }) = spans.first_mut() {
        let mut chars = text.chars();
        if let Some(first) = chars.next() {
            *text = first.to_uppercase().chain(chars).collect();
        }
    }
    spans
}

/// A sentence that goes on after a colon: its first letter small.
fn lowercase_first(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(Span::Text { text }) = spans.first_mut() {
        let mut chars = text.chars();
        if let Some(first) = chars.next() {
            *text = first.to_lowercase().chain(chars).collect();
        }
    }
    spans
}

/// The class a text follows when none is given: of two, the smaller at the root.
fn followed(tree: &PublishedTree, given: Option<usize>) -> Option<usize> {
    if given.is_some() || tree.is_scale() {
        return given;
    }
    let root = tree.nodes.first()?;
    match root.counts[..] {
        [a, b] => Some(if b.n.unwrap_or(0) <= a.n.unwrap_or(0) { 1 } else { 0 }),
        _ => None,
    }
}

/// The text about a published tree.
pub fn tree(f: TreeFacts, l: Locale) -> Narrative {
    let w = Writer {
        f,
        w: words(l),
        l,
        class: followed(f.tree, f.target_class),
    };
    if f.tree.nodes.is_empty() {
        return Narrative::default();
    }
    let mut first = w.root();
    first.push(Span::Text { text: " ".into() });
    first.extend(w.first_split());
    let mut paragraphs = vec![Paragraph { spans: first }];
    let mut second = Vec::new();
    // The second level: each split of a child of the root, compared.
    for n in w.nodes().iter().filter(|n| n.depth == 1 && n.split.is_some()) {
        if !second.is_empty() {
            second.push(Span::Text { text: " ".into() });
        }
        second.extend(fill(w.w.within, &[("path", w.path(n.id))]));
        second.extend(lowercase_first(w.children_compared(n.id)));
    }
    if let Some(e) = w.extremes() {
        if !second.is_empty() {
            second.push(Span::Text { text: " ".into() });
        }
        second.extend(e);
    }
    if !second.is_empty() {
        paragraphs.push(Paragraph { spans: second });
    }
    let mut last = Vec::new();
    if let Some(c) = w.classified() {
        last.extend(c);
    }
    if w.hides_a_group() {
        if !last.is_empty() {
            last.push(Span::Text { text: " ".into() });
        }
        last.extend(text(w.w.small_groups));
    }
    if !last.is_empty() {
        paragraphs.push(Paragraph { spans: last });
    }
    Narrative { paragraphs }
}

/// The text about a fitted tree as published at `threshold` (the class of its gains table
/// followed), and the JSON document its traces point into.
pub fn report_text(r: &crate::chaid::report::Report, threshold: u64, units: Units, l: Locale) -> Narrative {
    let published = r.publish(threshold);
    let class = r
        .gains
        .as_ref()
        .and_then(|g| published.categories.iter().position(|c| *c == g.target_class));
    tree(
        TreeFacts {
            tree: &published,
            alpha: r.tree.params.alpha_split,
            target_class: class,
            units,
        },
        l,
    )
}

/// Whom a tree's counts are of: the analysis file's ex-AMV's when its dependent is one of the
/// outcomes, else cases.
pub fn units_of(target: &str) -> Units {
    if crate::analysis::is_outcome_variable(target) {
        Units::ExAmv
    } else {
        Units::Cases
    }
}
