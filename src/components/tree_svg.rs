//! An SPSS-style CHAID tree as SVG: node boxes with the category table (or
//! mean, sd, n), the branch header under a split (predictor, Adj. P-waarde,
//! Chi-kwadraat or F, df), the merged categories above each child. Nodes can be
//! collapsed (click or Enter); the drawing zooms and pans inside its frame.
//! It draws the published tree ([`PublishedTree`]): counts below the threshold
//! show as "<5" and counts hidden so that they stay hidden as "x", as in the tables.

use std::collections::BTreeSet;

use leptos::prelude::*;
use perspectief_core::chaid::published::PublishedTree as Tree;

use crate::i18n::Lang;

const BOX_W: f64 = 200.0;
const GAP_X: f64 = 28.0;
const LINE: f64 = 17.0;
const HEADER_H: f64 = 64.0;
const MARGIN: f64 = 16.0;

/// Where a node is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub id: usize,
    pub x: f64,
    pub y: f64,
    pub h: f64,
}

fn box_height(tree: &Tree) -> f64 {
    let lines = if tree.is_scale() { 6 } else { tree.categories.len() + 4 };
    LINE * lines as f64 + 10.0
}

/// Tidy layout: leaves side by side in order, a parent centred over its
/// visible children; one row per depth with room for the branch header.
pub fn layout(tree: &Tree, collapsed: &BTreeSet<usize>) -> (Vec<Placed>, f64, f64) {
    let h = box_height(tree);
    let row = h + HEADER_H + 2.0 * LINE;
    let mut placed = Vec::new();
    let mut next_leaf = 0.0;
    fn visit(
        tree: &Tree,
        id: usize,
        collapsed: &BTreeSet<usize>,
        h: f64,
        row: f64,
        next_leaf: &mut f64,
        placed: &mut Vec<Placed>,
    ) -> f64 {
        let node = &tree.nodes[id];
        let y = MARGIN + node.depth as f64 * row;
        let x = if node.children.is_empty() || collapsed.contains(&id) {
            let x = MARGIN + *next_leaf * (BOX_W + GAP_X);
            *next_leaf += 1.0;
            x
        } else {
            let xs: Vec<f64> = node
                .children
                .iter()
                .map(|&c| visit(tree, c, collapsed, h, row, next_leaf, placed))
                .collect();
            (xs[0] + xs[xs.len() - 1]) / 2.0
        };
        placed.push(Placed { id, x, y, h });
        x
    }
    if !tree.nodes.is_empty() {
        visit(tree, 0, collapsed, h, row, &mut next_leaf, &mut placed);
    }
    placed.sort_by_key(|p| p.id);
    let width = 2.0 * MARGIN + next_leaf.max(1.0) * (BOX_W + GAP_X) - GAP_X;
    let depth = placed.iter().map(|p| p.y).fold(0.0, f64::max);
    (placed, width, depth + h + MARGIN)
}

fn statistic_label(kind: &str, l: Lang) -> &'static str {
    match kind {
        "f" => "F",
        "likelihood_ratio" => l.pick("Likelihood-ratio", "Likelihood ratio"),
        "row_effects" => l.pick("Rij-effecten", "Row effects"),
        _ => l.pick("Chi-kwadraat", "Chi-square"),
    }
}

/// The node an arrow key leads to: down to the first child (of an open node),
/// up to the parent, left and right to the siblings.
pub fn neighbour(tree: &Tree, id: usize, key: &str, collapsed: &BTreeSet<usize>) -> Option<usize> {
    let node = &tree.nodes[id];
    let siblings = node.parent.map(|p| &tree.nodes[p].children);
    let at = siblings.and_then(|s| s.iter().position(|&c| c == id));
    match key {
        "ArrowDown" if !collapsed.contains(&id) => node.children.first().copied(),
        "ArrowUp" => node.parent,
        "ArrowLeft" => siblings.zip(at).and_then(|(s, i)| i.checked_sub(1).map(|j| s[j])),
        "ArrowRight" => siblings.zip(at).and_then(|(s, i)| s.get(i + 1).copied()),
        _ => None,
    }
}

fn focus_node(id: usize) {
    use wasm_bindgen::JsCast;
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("#pf-tree-svg [data-node=\"{id}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(e) = found {
        let _ = e.focus();
    }
}

#[component]
pub fn TreeDiagram(tree: Tree, lang: Lang) -> impl IntoView {
    let threshold = tree.threshold;
    let collapsed = RwSignal::new(BTreeSet::<usize>::new());
    let zoom = RwSignal::new(1.0f64);
    let selected = RwSignal::new(None::<usize>);
    let tree = StoredValue::new(tree);
    let l = lang;
    let svg = move || {
        let t = tree.get_value();
        let hidden = collapsed.get();
        let (placed, width, height) = layout(&t, &hidden);
        let at = |id: usize| placed.iter().find(|p| p.id == id).cloned();
        let mut edges = Vec::new();
        let mut boxes = Vec::new();
        for p in &placed {
            let node = &t.nodes[p.id];
            let cx = p.x + BOX_W / 2.0;
            // The split under an open node: header, connector, branch labels.
            if let (Some(split), false) = (&node.split, hidden.contains(&p.id)) {
                let top = p.y + p.h;
                let df = if split.df2 > 0.0 {
                    format!("{}, {}", split.df1, split.df2)
                } else {
                    format!("{}", split.df1)
                };
                let stat = match (split.statistic, split.adj_p) {
                    (Some(x), Some(adj_p)) => format!(
                        "{}={}, {}={}, df={df}",
                        l.pick("Adj. P-waarde", "Adj. P-value"),
                        l.p_value(adj_p),
                        statistic_label(&split.statistic_kind, l),
                        l.locale().number(x, 3)
                    ),
                    _ => format!(
                        "df={df}; {}",
                        l.pick(
                            "toets niet getoond (verborgen aantallen)",
                            "test not shown (hidden counts)"
                        )
                    ),
                };
                edges.push(view! {
                    <g class="pf-tree-split">
                        <line x1=cx y1=top x2=cx y2=top + 10.0 class="pf-tree-edge"/>
                        <text x=cx y=top + 24.0 text-anchor="middle" class="pf-tree-predictor">{split.name.clone()}</text>
                        <text x=cx y=top + 24.0 + LINE text-anchor="middle" class="pf-tree-stat">{stat}</text>
                    </g>
                }.into_any());
                let bar_y = top + HEADER_H - 8.0;
                let xs: Vec<f64> = node
                    .children
                    .iter()
                    .filter_map(|&c| at(c))
                    .map(|c| c.x + BOX_W / 2.0)
                    .collect();
                if let (Some(first), Some(last)) = (xs.first(), xs.last()) {
                    edges.push(
                        view! {
                            <line x1=cx y1=top + 24.0 + LINE + 6.0 x2=cx y2=bar_y class="pf-tree-edge"/>
                            <line x1=*first y1=bar_y x2=*last y2=bar_y class="pf-tree-edge"/>
                        }
                        .into_any(),
                    );
                }
                for &c in &node.children {
                    let (Some(child), Some(branch)) = (at(c), t.nodes[c].branch.clone()) else {
                        continue;
                    };
                    let ccx = child.x + BOX_W / 2.0;
                    edges.push(
                        view! {
                            <line x1=ccx y1=bar_y x2=ccx y2=child.y class="pf-tree-edge"/>
                            <text x=ccx + 4.0 y=bar_y + 14.0 text-anchor="start" class="pf-tree-branch">{l.label(&branch)}</text>
                        }
                        .into_any(),
                    );
                }
            }
            // The node box.
            let mut lines: Vec<(String, String, String, f64)> = Vec::new();
            let loc = l.locale();
            let pct = |x: Option<f64>| x.map_or(String::new(), |x| loc.number(x, 1));
            if t.is_scale() {
                let value =
                    |x: Option<f64>| x.map_or(perspectief_core::disclosure::HIDDEN.to_string(), |x| loc.number(x, 3));
                lines.push((
                    l.pick("Gemiddelde", "Mean").into(),
                    String::new(),
                    value(node.mean),
                    0.0,
                ));
                lines.push((
                    l.pick("Std. afw.", "Std. dev.").into(),
                    String::new(),
                    value(node.sd),
                    0.0,
                ));
            } else {
                for (k, c) in node.counts.iter().enumerate() {
                    let label = t.categories.get(k).cloned().unwrap_or_default();
                    let share = node.percents[k].unwrap_or(0.0) / 100.0;
                    lines.push((label, pct(node.percents[k]), c.text(threshold, loc), share));
                }
            }
            let total = (
                l.pick("Totaal", "Total").to_string(),
                pct(node.share),
                node.n.text(threshold, loc),
                0.0,
            );
            let is_collapsed = hidden.contains(&p.id);
            let id = p.id;
            let toggle = move || {
                selected.set(Some(id));
                if !tree.with_value(|t| t.nodes[id].children.is_empty()) {
                    collapsed.update(|c| {
                        if !c.remove(&id) {
                            c.insert(id);
                        }
                    });
                }
            };
            let label = format!(
                "{} {}{}",
                l.pick("Knoop", "Node"),
                p.id,
                if is_collapsed {
                    l.pick(" (ingeklapt)", " (collapsed)")
                } else {
                    ""
                }
            );
            let rows = lines
                .into_iter()
                .enumerate()
                .map(|(k, (cat, pct, n, share))| {
                    let y = p.y + LINE * (k as f64 + 3.0);
                    view! {
                        <rect x=p.x + 6.0 y=y + 2.0 width=((BOX_W - 12.0) * share * 10.0).round() / 10.0 height=3.0 class="pf-tree-bar"/>
                        <text x=p.x + 6.0 y=y class="pf-tree-cat">{cat}</text>
                        <text x=p.x + BOX_W - 52.0 y=y text-anchor="end" class="pf-tree-num">{pct}</text>
                        <text x=p.x + BOX_W - 6.0 y=y text-anchor="end" class="pf-tree-num">{n}</text>
                    }
                })
                .collect_view();
            let total_y = p.y + p.h - 8.0;
            let aria = label.clone();
            boxes.push(view! {
                <g class="pf-tree-node" class:pf-tree-selected=move || selected.get() == Some(id) tabindex="0" role="button"
                    aria-label=aria data-node=id.to_string()
                    on:click=move |_| toggle()
                    on:keydown=move |ev| {
                        let key = ev.key();
                        if key == "Enter" || key == " " {
                            ev.prevent_default();
                            toggle();
                        } else if let Some(next) = tree.with_value(|t| neighbour(t, id, &key, &collapsed.get_untracked())) {
                            ev.prevent_default();
                            selected.set(Some(next));
                            focus_node(next);
                        }
                    }>
                    <rect x=p.x y=p.y width=BOX_W height=p.h class="pf-tree-box" rx="3"/>
                    <text x=p.x + BOX_W / 2.0 y=p.y + LINE text-anchor="middle" class="pf-tree-title">{label}</text>
                    <text x=p.x + 6.0 y=p.y + LINE * 2.0 class="pf-tree-head">{l.pick("Categorie", "Category")}</text>
                    <text x=p.x + BOX_W - 52.0 y=p.y + LINE * 2.0 text-anchor="end" class="pf-tree-head">"%"</text>
                    <text x=p.x + BOX_W - 6.0 y=p.y + LINE * 2.0 text-anchor="end" class="pf-tree-head">"n"</text>
                    {rows}
                    <line x1=p.x y1=total_y - 13.0 x2=p.x + BOX_W y2=total_y - 13.0 class="pf-tree-rule"/>
                    <text x=p.x + 6.0 y=total_y class="pf-tree-cat">{total.0}</text>
                    <text x=p.x + BOX_W - 52.0 y=total_y text-anchor="end" class="pf-tree-num">{total.1}</text>
                    <text x=p.x + BOX_W - 6.0 y=total_y text-anchor="end" class="pf-tree-num">{total.2}</text>
                </g>
            }.into_any());
        }
        let z = zoom.get();
        view! {
            <svg id="pf-tree-svg" class="pf-tree" role="img"
                aria-label=l.pick("Beslisboom; de boomtabel eronder geeft dezelfde gegevens als tekst.", "Decision tree; the tree table below gives the same data as text.")
                width=width * z height=height * z viewBox=format!("0 0 {width} {height}")>
                {edges}
                {boxes}
            </svg>
        }
    };
    let path = move || {
        let id = selected.get()?;
        tree.with_value(|t| {
            let mut steps = Vec::new();
            let mut at = id;
            while let Some(parent) = t.nodes[at].parent {
                let split = t.nodes[parent].split.as_ref().map_or(String::new(), |s| s.name.clone());
                let branch = lang.label(&t.nodes[at].branch.clone().unwrap_or_default());
                steps.push(format!("{split} = {branch}"));
                at = parent;
            }
            steps.reverse();
            let node = &t.nodes[id];
            Some(format!(
                "{} {id}: {} {} ({} %). {}: {}",
                l.pick("Knoop", "Node"),
                node.n.text(t.threshold, l.locale()),
                l.pick("cliënten", "clients"),
                node.share
                    .map_or(perspectief_core::disclosure::HIDDEN.to_string(), |s| l
                        .locale()
                        .number(s, 1)),
                l.pick("Pad", "Path"),
                if steps.is_empty() {
                    l.pick("(de hele groep)", "(everyone)").to_string()
                } else {
                    steps.join(" → ")
                }
            ))
        })
    };
    view! {
        <div class="utrecht-button-group pf-tree-tools">
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| zoom.update(|z| *z = (*z * 1.25).min(4.0))>{l.pick("Inzoomen", "Zoom in")}</button>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| zoom.update(|z| *z = (*z / 1.25).max(0.25))>{l.pick("Uitzoomen", "Zoom out")}</button>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| { zoom.set(1.0); collapsed.set(BTreeSet::new()) }>{l.pick("Alles tonen", "Show all")}</button>
        </div>
        <p class="utrecht-paragraph" data-testid="node-path" aria-live="polite">{path}</p>
        <div class="pf-tree-frame" tabindex="0" aria-label=l.pick("Beslisboom (scrol om te verschuiven)", "Decision tree (scroll to pan)")>{svg}</div>
    }
}
