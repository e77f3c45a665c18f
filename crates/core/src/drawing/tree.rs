//! The CHAID tree as a drawing, SPSS's way: a box per node with its category table (or mean,
//! sd, n), under a split the predictor and its test, above each child the categories that lead
//! there. Pure geometry and text, no browser: [`layout`] places every box and every line of text
//! (measured, and wrapped where it would not fit), [`Scene::svg`] writes it. The page draws the
//! same SVG with the interactive attributes of a `role="tree"`; a download or the report gets it
//! without them, always whole (nothing collapsed). The layout's promise, tested below on the
//! demo's trees and the reference data: no two boxes or texts overlap, and no text leaves its box
//! or the drawing.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::chaid::published::PublishedTree as Tree;

use super::text::{escape, fit, text_width, wrap};
use crate::analysis::labels::label;
use crate::locale::Locale;

pub const FONT: f64 = 12.0;
pub const SMALL: f64 = 11.0;
const LINE: f64 = 17.0;
const PAD: f64 = 6.0;
const GAP_X: f64 = 28.0;
const MARGIN: f64 = 16.0;
const MIN_BOX: f64 = 180.0;
const MAX_LABEL: f64 = 220.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One line of text: its baseline at `y`, its extent `x0..x1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub px: f64,
    pub bold: bool,
    pub class: &'static str,
    pub text: String,
}

impl Text {
    pub fn extent(&self) -> (f64, f64, f64, f64) {
        let w = text_width(&self.text, self.px, self.bold);
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        (x0, self.y - self.px, x0 + w, self.y + 0.3 * self.px)
    }
}

/// A node's box and everything inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    pub id: usize,
    pub depth: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub has_children: bool,
    pub collapsed: bool,
    /// What a screen reader says for the node: its number, branch, n and percentages.
    pub name: String,
    pub texts: Vec<Text>,
    /// Bars under the category rows: (x, y, width).
    pub bars: Vec<(f64, f64, f64)>,
    pub rule_y: f64,
}

/// Everything drawn: boxes, the texts between them, and the connecting lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub boxes: Vec<NodeBox>,
    pub texts: Vec<Text>,
    pub lines: Vec<(f64, f64, f64, f64)>,
    pub title: String,
}

/// The interactive state the page adds to the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub focused: usize,
    pub selected: Option<usize>,
}

fn statistic_label(kind: &str, l: Locale) -> &'static str {
    match kind {
        "f" => "F",
        "likelihood_ratio" => l.pick("Likelihood-ratio", "Likelihood ratio"),
        "row_effects" => l.pick("Rij-effecten", "Row effects"),
        _ => l.pick("Chi-kwadraat", "Chi-square"),
    }
}

/// The test of a split, in lines: adjusted p, then the statistic with its df.
fn split_lines(split: &crate::chaid::published::PublishedSplit, l: Locale) -> Vec<String> {
    let df = if split.df2 > 0.0 {
        format!("{}, {}", split.df1, split.df2)
    } else {
        format!("{}", split.df1)
    };
    match (split.statistic, split.adj_p) {
        (Some(x), Some(adj_p)) => vec![
            // "Adj. P-waarde = 0,012", or "Adj. P-waarde < 0,001" (not "= < 0,001").
            match l.p_value(adj_p) {
                p if p.starts_with('<') => format!("{} {p}", l.pick("Adj. P-waarde", "Adj. P-value")),
                p => format!("{} = {p}", l.pick("Adj. P-waarde", "Adj. P-value")),
            },
            format!(
                "{} = {}, df = {df}",
                statistic_label(&split.statistic_kind, l),
                l.number(x, 3)
            ),
        ],
        _ => vec![
            format!("df = {df}"),
            l.pick(
                "toets niet getoond (verborgen aantallen)",
                "test not shown (hidden counts)",
            )
            .to_string(),
        ],
    }
}

/// The rows of a node's table: (category, %, n, bar share).
fn rows(tree: &Tree, id: usize, l: Locale) -> Vec<(String, String, String, f64)> {
    let node = &tree.nodes[id];
    let loc = l;
    let pct = |x: Option<f64>| x.map_or(String::new(), |x| loc.number(x, 1));
    if tree.is_scale() {
        let value = |x: Option<f64>| x.map_or(crate::disclosure::HIDDEN.to_string(), |x| loc.number(x, 3));
        return vec![
            (
                l.pick("Gemiddelde", "Mean").into(),
                String::new(),
                value(node.mean),
                0.0,
            ),
            (
                l.pick("Std. afw.", "Std. dev.").into(),
                String::new(),
                value(node.sd),
                0.0,
            ),
        ];
    }
    node.counts
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let label = l.category(tree.categories.get(k).map_or("", String::as_str));
            (
                label,
                pct(node.percents[k]),
                c.text(tree.threshold, loc),
                node.percents[k].unwrap_or(0.0) / 100.0,
            )
        })
        .collect()
}

/// The node's name for a screen reader: "Knoop 3 (juridische_expertise = ja): 327 cliënten, 44,6 %; ja 19,0 %, nee 81,0 %".
fn node_name(tree: &Tree, id: usize, l: Locale) -> String {
    let node = &tree.nodes[id];
    let loc = l;
    let mut name = format!("{} {id}", l.pick("Knoop", "Node"));
    if let (Some(parent), Some(branch)) = (node.parent, &node.branch) {
        let on = tree.nodes[parent]
            .split
            .as_ref()
            .map_or(String::new(), |s| label(&s.name, l));
        let _ = write!(name, " ({on} = {})", l.category(branch));
    }
    let _ = write!(
        name,
        ": {} {}",
        node.n.text(tree.threshold, loc),
        l.pick("cliënten", "clients")
    );
    if let Some(share) = node.share {
        let _ = write!(name, ", {} %", loc.number(share, 1));
    }
    let parts: Vec<String> = rows(tree, id, l)
        .into_iter()
        .filter(|(_, p, n, _)| !p.is_empty() || tree.is_scale() && !n.is_empty())
        .map(|(c, p, n, _)| {
            if p.is_empty() {
                format!("{c} {n}")
            } else {
                format!("{c} {p} %")
            }
        })
        .collect();
    if !parts.is_empty() {
        let _ = write!(name, "; {}", parts.join(", "));
    }
    if let Some(split) = &node.split {
        let _ = write!(
            name,
            "; {} {}",
            l.pick("gesplitst op", "split on"),
            label(&split.name, l)
        );
    }
    name
}

/// Places the tree, `collapsed` nodes drawn without their subtrees.
pub fn layout(tree: &Tree, collapsed: &BTreeSet<usize>, l: Locale) -> Scene {
    let loc = l;
    let shown = |id: usize| {
        let mut at = tree.nodes[id].parent;
        while let Some(p) = at {
            if collapsed.contains(&p) {
                return false;
            }
            at = tree.nodes[p].parent;
        }
        true
    };
    let open = |id: usize| !tree.nodes[id].children.is_empty() && !collapsed.contains(&id);
    // Column widths from the widest entry of any node: category, %, n.
    let head = (l.pick("Categorie", "Category"), "%", "n");
    let total = l.pick("Totaal", "Total");
    let all_rows: Vec<_> = (0..tree.nodes.len()).map(|id| rows(tree, id, l)).collect();
    let width_of = |s: &str| text_width(s, FONT, false);
    let cat_w = all_rows
        .iter()
        .flatten()
        .map(|r| width_of(&r.0))
        .chain([width_of(head.0), width_of(total)])
        .fold(0.0, f64::max)
        .min(MAX_LABEL);
    let pct_w = all_rows
        .iter()
        .flatten()
        .map(|r| width_of(&r.1))
        .chain([width_of("100,0")])
        .fold(0.0, f64::max);
    let n_w = tree
        .nodes
        .iter()
        .map(|n| width_of(&n.n.text(tree.threshold, loc)))
        .chain(all_rows.iter().flatten().map(|r| width_of(&r.2)))
        .chain([width_of("n")])
        .fold(0.0, f64::max);
    let title_w = (0..tree.nodes.len())
        .map(|id| {
            text_width(
                &format!(
                    "{} {id} ({})",
                    l.pick("Knoop", "Node"),
                    l.pick("ingeklapt", "collapsed")
                ),
                FONT,
                true,
            )
        })
        .fold(0.0, f64::max);
    let box_w = (PAD + cat_w + 12.0 + pct_w + 12.0 + n_w + PAD)
        .max(title_w + 2.0 * PAD)
        .max(MIN_BOX)
        .ceil();
    let n_rows = all_rows.first().map_or(0, Vec::len);
    let box_h = LINE * (n_rows as f64 + 3.0) + 12.0;
    // The texts under a split (wrapped to the room its children take) and above each child (to a box).
    let header: Vec<Vec<Text>> = tree
        .nodes
        .iter()
        .map(|node| match (&node.split, open(node.id) && shown(node.id)) {
            (Some(split), true) => {
                // Centred over the children: at least two boxes wide, unless there is one child.
                let span = if node.children.len() > 1 {
                    2.0 * box_w + GAP_X - 8.0
                } else {
                    box_w - 8.0
                };
                let mut out: Vec<Text> = wrap(&label(&split.name, l), span, FONT, true)
                    .into_iter()
                    .map(|t| Text {
                        x: 0.0,
                        y: 0.0,
                        anchor: Anchor::Middle,
                        px: FONT,
                        bold: true,
                        class: "pf-tree-predictor",
                        text: t,
                    })
                    .collect();
                for s in split_lines(split, l) {
                    out.extend(wrap(&s, span, SMALL, false).into_iter().map(|t| Text {
                        x: 0.0,
                        y: 0.0,
                        anchor: Anchor::Middle,
                        px: SMALL,
                        bold: false,
                        class: "pf-tree-stat",
                        text: t,
                    }));
                }
                out
            }
            _ => Vec::new(),
        })
        .collect();
    let branch: Vec<Vec<String>> = tree
        .nodes
        .iter()
        .map(|node| match &node.branch {
            Some(b) if shown(node.id) => wrap(&l.category(b), box_w - 8.0, SMALL, false),
            _ => Vec::new(),
        })
        .collect();
    let header_h = header.iter().map(Vec::len).max().unwrap_or(0) as f64 * LINE + 16.0;
    let branch_h = branch.iter().map(Vec::len).max().unwrap_or(0) as f64 * LINE + 12.0;
    let row = box_h + header_h + branch_h + 12.0;
    // Leaves side by side in order; a parent centred over its shown children.
    let mut xs = vec![0.0; tree.nodes.len()];
    let mut next_leaf = 0.0;
    fn place(tree: &Tree, id: usize, open: &dyn Fn(usize) -> bool, box_w: f64, next: &mut f64, xs: &mut [f64]) -> f64 {
        let x = if open(id) {
            let kids: Vec<f64> = tree.nodes[id]
                .children
                .iter()
                .map(|&c| place(tree, c, open, box_w, next, xs))
                .collect();
            (kids[0] + kids[kids.len() - 1]) / 2.0
        } else {
            let x = MARGIN + *next * (box_w + GAP_X);
            *next += 1.0;
            x
        };
        xs[id] = x;
        x
    }
    if !tree.nodes.is_empty() {
        place(tree, 0, &open, box_w, &mut next_leaf, &mut xs);
    }
    let mut scene = Scene {
        width: (2.0 * MARGIN + next_leaf.max(1.0) * (box_w + GAP_X) - GAP_X).ceil(),
        height: 0.0,
        boxes: Vec::new(),
        texts: Vec::new(),
        lines: Vec::new(),
        title: l.pick("Beslisboom", "Decision tree").to_string(),
    };
    for node in tree.nodes.iter().filter(|n| shown(n.id)) {
        let (x, y) = (xs[node.id], MARGIN + node.depth as f64 * row);
        let cx = x + box_w / 2.0;
        let (col_pct, col_n) = (x + box_w - PAD - n_w - 12.0, x + box_w - PAD);
        let is_collapsed = collapsed.contains(&node.id) && !node.children.is_empty();
        let title = if is_collapsed {
            format!(
                "{} {} ({})",
                l.pick("Knoop", "Node"),
                node.id,
                l.pick("ingeklapt", "collapsed")
            )
        } else {
            format!("{} {}", l.pick("Knoop", "Node"), node.id)
        };
        let t = |x: f64, y: f64, anchor: Anchor, class: &'static str, text: String, bold: bool| Text {
            x,
            y,
            anchor,
            px: FONT,
            bold,
            class,
            text,
        };
        let mut texts = vec![
            t(cx, y + LINE, Anchor::Middle, "pf-tree-title", title, true),
            t(
                x + PAD,
                y + 2.0 * LINE,
                Anchor::Start,
                "pf-tree-head",
                head.0.to_string(),
                false,
            ),
            t(
                col_pct,
                y + 2.0 * LINE,
                Anchor::End,
                "pf-tree-head",
                head.1.to_string(),
                false,
            ),
            t(
                col_n,
                y + 2.0 * LINE,
                Anchor::End,
                "pf-tree-head",
                head.2.to_string(),
                false,
            ),
        ];
        let mut bars = Vec::new();
        for (k, (cat, pct, n, share)) in all_rows[node.id].iter().enumerate() {
            let ry = y + LINE * (k as f64 + 3.0);
            texts.push(t(
                x + PAD,
                ry,
                Anchor::Start,
                "pf-tree-cat",
                fit(cat, cat_w, FONT),
                false,
            ));
            texts.push(t(col_pct, ry, Anchor::End, "pf-tree-num", pct.clone(), false));
            texts.push(t(col_n, ry, Anchor::End, "pf-tree-num", n.clone(), false));
            bars.push((x + PAD, ry + 4.0, ((box_w - 2.0 * PAD) * share * 10.0).round() / 10.0));
        }
        let total_y = y + box_h - 8.0;
        texts.push(t(
            x + PAD,
            total_y,
            Anchor::Start,
            "pf-tree-cat",
            total.to_string(),
            false,
        ));
        texts.push(t(
            col_pct,
            total_y,
            Anchor::End,
            "pf-tree-num",
            node.share.map_or(String::new(), |s| loc.number(s, 1)),
            false,
        ));
        texts.push(t(
            col_n,
            total_y,
            Anchor::End,
            "pf-tree-num",
            node.n.text(tree.threshold, loc),
            false,
        ));
        texts.retain(|t| !t.text.is_empty());
        scene.boxes.push(NodeBox {
            id: node.id,
            depth: node.depth,
            x,
            y,
            w: box_w,
            h: box_h,
            has_children: !node.children.is_empty(),
            collapsed: is_collapsed,
            name: node_name(tree, node.id, l),
            texts,
            bars,
            rule_y: total_y - 13.0,
        });
        // Under an open node: the split's texts, the connectors, each child's branch.
        if open(node.id) {
            let top = y + box_h;
            let mut ty = top + 8.0;
            for mut text in header[node.id].clone() {
                ty += LINE;
                text.x = cx;
                text.y = ty;
                scene.texts.push(text);
            }
            scene.lines.push((cx, top, cx, top + 6.0));
            let bar_y = top + header_h;
            scene.lines.push((cx, ty + 6.0, cx, bar_y));
            let kids: Vec<f64> = node.children.iter().map(|&c| xs[c] + box_w / 2.0).collect();
            scene.lines.push((kids[0], bar_y, kids[kids.len() - 1], bar_y));
            for &c in &node.children {
                let ccx = xs[c] + box_w / 2.0;
                let child_y = y + row;
                let lines = &branch[c];
                let mut by = bar_y + 6.0;
                for text in lines {
                    by += LINE - 2.0;
                    scene.texts.push(Text {
                        x: ccx,
                        y: by,
                        anchor: Anchor::Middle,
                        px: SMALL,
                        bold: false,
                        class: "pf-tree-branch",
                        text: text.clone(),
                    });
                }
                scene.lines.push((ccx, bar_y, ccx, bar_y + 4.0));
                scene.lines.push((ccx, by + 6.0, ccx, child_y));
            }
        }
        scene.height = scene.height.max(y + box_h + MARGIN);
    }
    scene.height = scene.height.ceil();
    scene
}

fn text_svg(out: &mut String, t: &Text) {
    let anchor = match t.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" class="{}">{}</text>"#,
        t.x,
        t.y,
        t.class,
        escape(&t.text)
    );
}

/// The drawing's looks in a file of its own: the page's style rules for a tree, without those
/// for focus, selection and tracing (`www/app.css` has them all).
pub const STYLE: &str = ".pf-tree-box{fill:#fff;stroke:#3a3a3a;stroke-width:1}.pf-tree-bar{fill:#4a78a8}\
.pf-tree-edge,.pf-tree-rule{stroke:#3a3a3a;stroke-width:1}\
.pf-tree text{font-family:system-ui,sans-serif;font-size:12px;fill:#1a1a1a}\
.pf-tree .pf-tree-title{font-weight:700}.pf-tree .pf-tree-head{font-weight:600;fill:#444}\
.pf-tree .pf-tree-predictor{font-weight:700}.pf-tree .pf-tree-stat,.pf-tree .pf-tree-branch{font-size:11px}";

impl Scene {
    /// The drawing as SVG at `zoom`. With `focus`, the page's interactive tree: the SVG is a
    /// `tree` of `treeitem`s (level, expanded, selected, one tab stop); the drawing's own texts
    /// are hidden from screen readers, which hear each node's name. Without, a picture
    /// (`role="img"`) for a file or the report. No namespace is written here: the page's HTML
    /// parser gives it, and a file gets it from the browser's serializer (the app's
    /// `svg_export::standalone`), or from the command line's picture writer.
    pub fn svg(&self, zoom: f64, focus: Option<Focus>, lang: Locale) -> String {
        let mut out = String::new();
        let (w, h) = (self.width * zoom, self.height * zoom);
        match focus {
            Some(_) => {
                let _ = write!(
                    out,
                    r#"<svg id="pf-tree-svg" class="pf-tree" role="tree" aria-label="{}" width="{w:.0}" height="{h:.0}" viewBox="0 0 {} {}">"#,
                    escape(lang.pick(
                        "Beslisboom: pijltjestoetsen lopen door de knopen, Enter kiest een knoop",
                        "Decision tree: arrow keys walk the nodes, Enter selects a node"
                    )),
                    self.width,
                    self.height
                );
            }
            None => {
                let _ = write!(
                    out,
                    r#"<svg class="pf-tree" role="img" aria-label="{}" width="{w:.0}" height="{h:.0}" viewBox="0 0 {} {}">"#,
                    escape(&self.title),
                    self.width,
                    self.height
                );
                let _ = write!(out, "<title>{}</title>", escape(&self.title));
            }
        }
        out.push_str(r#"<g aria-hidden="true">"#);
        for (x1, y1, x2, y2) in &self.lines {
            let _ = write!(
                out,
                r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" class="pf-tree-edge"/>"#
            );
        }
        for t in &self.texts {
            text_svg(&mut out, t);
        }
        out.push_str("</g>");
        for b in &self.boxes {
            match focus {
                Some(f) => {
                    let _ = write!(
                        out,
                        r#"<g class="pf-tree-node{}" role="treeitem" aria-level="{}" aria-selected="{}"{} tabindex="{}" aria-label="{}" data-node="{}" data-at="/tree/nodes/{}">"#,
                        if f.selected == Some(b.id) {
                            " pf-tree-selected"
                        } else {
                            ""
                        },
                        b.depth + 1,
                        f.selected == Some(b.id),
                        if b.has_children {
                            format!(r#" aria-expanded="{}""#, !b.collapsed)
                        } else {
                            String::new()
                        },
                        if f.focused == b.id { 0 } else { -1 },
                        escape(&b.name),
                        b.id,
                        b.id
                    );
                }
                None => {
                    let _ = write!(out, r#"<g class="pf-tree-node" data-node="{}">"#, b.id);
                }
            }
            let _ = write!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" class="pf-tree-box"/></g>"#,
                b.x, b.y, b.w, b.h
            );
        }
        // What the boxes show, over them: hidden from screen readers (each node's name says it)
        // and from the pointer (a click lands on the node under it).
        out.push_str(r#"<g aria-hidden="true" pointer-events="none">"#);
        for b in &self.boxes {
            for (x, y, w) in &b.bars {
                let _ = write!(
                    out,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="3" class="pf-tree-bar"/>"#
                );
            }
            let _ = write!(
                out,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="pf-tree-rule"/>"#,
                b.x,
                b.rule_y,
                b.x + b.w,
                b.rule_y
            );
            for t in &b.texts {
                text_svg(&mut out, t);
            }
        }
        out.push_str("</g>");
        out.push_str("</svg>");
        out
    }
}

/// The node an arrow key leads to: down to the first child (of an open node), up to the
/// parent, left and right to the siblings; Home to the root.
pub fn neighbour(tree: &Tree, id: usize, key: &str, collapsed: &BTreeSet<usize>) -> Option<usize> {
    let node = &tree.nodes[id];
    let siblings = node.parent.map(|p| &tree.nodes[p].children);
    let at = siblings.and_then(|s| s.iter().position(|&c| c == id));
    match key {
        "ArrowDown" if !collapsed.contains(&id) => node.children.first().copied(),
        "ArrowUp" => node.parent,
        "ArrowLeft" => siblings.zip(at).and_then(|(s, i)| i.checked_sub(1).map(|j| s[j])),
        "ArrowRight" => siblings.zip(at).and_then(|(s, i)| s.get(i + 1).copied()),
        "Home" => (id != 0).then_some(0),
        _ => None,
    }
}
