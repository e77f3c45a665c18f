//! Growing one node's branch from the rows that reach it, with the choices
//! [`fit`](super::fit) makes level by level: the tree editor's forced splits,
//! regrouped splits and regrown branches. Ids are renumbered breadth-first
//! afterwards, so an unedited branch gets the ids `fit` gives it.

use super::bonferroni::Merging;
use super::data::{Dataset, Target};
use super::groups::{Row, Tester};
use super::grow::{better, branch_label, evaluate, pure, statistic_kind, summary_of, tester};
use super::merge::{self, Group, Merged};
use super::params::ChaidParams;
use super::tree::{Branch, Node, Split, Tree};
use crate::stats::anova::Moments;

/// A node's categories per predictor, as `(code, row)` in code order, only
/// the categories with cases: what [`evaluate`] reads.
pub(crate) fn node_tables(data: &Dataset, rows: &[u32]) -> Vec<Vec<(usize, Row)>> {
    data.predictors
        .iter()
        .map(|pred| {
            let width = pred.categories() + 1;
            let mut cats: Vec<Row> = (0..width).map(|_| empty_row(data)).collect();
            for &r in rows {
                let row = r as usize;
                add(&mut cats[pred.codes.get(row)], data, row);
            }
            cats.into_iter().enumerate().filter(|(_, r)| r.total() > 0.0).collect()
        })
        .collect()
}

fn empty_row(data: &Dataset) -> Row {
    match &data.target {
        Target::Classes { labels, .. } => Row::Classes {
            n: vec![0.0; labels.len()],
            w: data.case.as_ref().map(|_| vec![0.0; labels.len()]),
        },
        Target::Scale { .. } => Row::Scale(Moments::default()),
    }
}

fn add(into: &mut Row, data: &Dataset, row: usize) {
    match (into, &data.target) {
        (Row::Classes { n, w }, Target::Classes { codes, .. }) => {
            let y = usize::from(codes[row]);
            let f = data.freq(row);
            n[y] += f;
            if let Some(w) = w {
                w[y] += data.case_weight(row) * f;
            }
        }
        (Row::Scale(m), Target::Scale { values, .. }) => m.add(values[row], data.case_weight(row), data.freq(row)),
        _ => unreachable!("a row has the dependent's kind"),
    }
}

/// The rows that reach each node (a category a split never saw stops where it is).
pub(crate) fn rows_per_node(tree: &Tree, data: &Dataset) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); tree.nodes.len()];
    for row in 0..data.rows() {
        let mut id = 0;
        loop {
            out[id].push(row as u32);
            let node = &tree.nodes[id];
            let Some(split) = &node.split else { break };
            let code = data.predictors[split.predictor].codes.get(row);
            match split.groups.iter().position(|g| g.contains(&code)) {
                Some(k) => id = node.children[k],
                None => break,
            }
        }
    }
    out
}

/// The rows that reach one node.
pub(crate) fn rows_of(tree: &Tree, data: &Dataset, id: usize) -> Vec<u32> {
    let mut path = Vec::new();
    let mut at = id;
    while let Some(parent) = tree.nodes[at].parent {
        let k = tree.nodes[parent]
            .children
            .iter()
            .position(|&c| c == at)
            .expect("a child");
        path.push((parent, k));
        at = parent;
    }
    path.reverse();
    (0..data.rows())
        .filter(|&row| {
            path.iter().all(|&(node, k)| {
                let split = tree.nodes[node].split.as_ref().expect("a parent is split");
                split.groups[k].contains(&data.predictors[split.predictor].codes.get(row))
            })
        })
        .map(|row| row as u32)
        .collect()
}

/// How a node is to be split.
pub(crate) enum Choice {
    /// As CHAID would: the best predictor, if significant, within the limits.
    Auto,
    /// On this predictor, with CHAID's merging, whatever its p-value and the limits.
    Predictor(usize),
    /// On this predictor, with these groups of codes.
    Groups(usize, Vec<Vec<usize>>),
}

/// Why a forced split cannot be made.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Refused {
    /// Fewer than two categories with cases, or min-child merged them into one group.
    OneGroup,
}

pub(crate) struct Grower<'a> {
    data: &'a Dataset,
    params: &'a ChaidParams,
    tester: Tester,
    kind: &'static str,
    total: f64,
    /// Choices the category order decided (as [`Tree::order_ties`]).
    pub(crate) ties: usize,
}

impl<'a> Grower<'a> {
    pub(crate) fn new(data: &'a Dataset, params: &'a ChaidParams, total: f64) -> Grower<'a> {
        Grower {
            data,
            params,
            tester: tester(data, params),
            kind: statistic_kind(data, params),
            total,
            ties: 0,
        }
    }

    /// Split node `id` (its children are dropped first) as `choice` says, and grow its new
    /// children automatically; new nodes are appended to `nodes`.
    /// A regrouped split keeps the branch of every group it leaves as it was.
    pub(crate) fn grow(
        &mut self,
        nodes: &mut Vec<Node>,
        id: usize,
        rows: &[u32],
        choice: Choice,
    ) -> Result<(), Refused> {
        let before: Vec<(usize, Vec<usize>)> = match (&choice, &nodes[id].split) {
            (Choice::Groups(p, _), Some(split)) if split.predictor == *p => nodes[id]
                .children
                .iter()
                .copied()
                .zip(split.groups.iter().cloned())
                .collect(),
            _ => Vec::new(),
        };
        nodes[id].children.clear();
        nodes[id].split = None;
        let tables = node_tables(self.data, rows);
        let merged = match choice {
            Choice::Auto => {
                let node = &nodes[id];
                let row = Row::sum(tables[0].iter().map(|(_, r)| r));
                if node.depth >= self.params.max_depth || node.n < self.params.min_parent || pure(&row) {
                    return Ok(());
                }
                let results = evaluate(self.data, self.params, &self.tester, &|p| tables[p].clone());
                self.ties += results.iter().flatten().map(|m| m.ties).sum::<usize>();
                let best = results
                    .iter()
                    .enumerate()
                    .filter_map(|(p, r)| r.as_ref().filter(|m| m.can_split()).map(|m| (p, m)))
                    .fold(None, |best: Option<(usize, &Merged)>, (p, m)| match best {
                        Some((bp, bm)) if !better(m, p, bm, bp, self.params.tie_rule) => Some((bp, bm)),
                        _ => Some((p, m)),
                    })
                    .filter(|(_, m)| m.adj_ln_p <= self.params.alpha_split.ln());
                let Some((p, m)) = best else { return Ok(()) };
                Some((p, self.min_child(p, m.clone())))
            }
            Choice::Predictor(p) => {
                let pred = &self.data.predictors[p];
                let cats = tables[p].clone();
                if cats.len() < 2 {
                    return Err(Refused::OneGroup);
                }
                let m = merge::merge(
                    cats,
                    pred.missing(),
                    pred.merges_as_ordinal(),
                    self.params,
                    &self.tester,
                );
                self.ties += m.ties;
                Some((p, self.min_child(p, m)))
            }
            Choice::Groups(p, groups) => {
                let pred = &self.data.predictors[p];
                let present = &tables[p];
                let groups: Vec<Group> = groups
                    .into_iter()
                    .filter_map(|codes| {
                        let rows: Vec<&Row> = present
                            .iter()
                            .filter(|(c, _)| codes.contains(c))
                            .map(|(_, r)| r)
                            .collect();
                        (!rows.is_empty()).then(|| Group {
                            codes: codes.clone(),
                            row: Row::sum(rows),
                        })
                    })
                    .collect();
                let merging = match (
                    pred.merges_as_ordinal(),
                    present.iter().any(|(c, _)| *c == pred.missing()),
                ) {
                    (false, _) => Merging::Nominal,
                    (true, true) => Merging::Floating,
                    (true, false) => Merging::Ordinal,
                };
                Some((
                    p,
                    merge::finish(groups, merging, present.len(), self.params, &self.tester),
                ))
            }
        };
        let Some((p, merged)) = merged else { return Ok(()) };
        if merged.groups.len() < 2 {
            return Err(Refused::OneGroup);
        }
        self.attach(nodes, id, p, &merged);
        // Each child's rows, then its own branch.
        let pred = &self.data.predictors[p];
        let children = nodes[id].children.clone();
        let mut child_rows: Vec<Vec<u32>> = vec![Vec::new(); children.len()];
        for &r in rows {
            let code = pred.codes.get(r as usize);
            if let Some(k) = merged.groups.iter().position(|g| g.codes.contains(&code)) {
                child_rows[k].push(r);
            }
        }
        for (k, (&child, rows)) in children.iter().zip(&child_rows).enumerate() {
            if let Some(&(kept, _)) = before.iter().find(|(_, codes)| *codes == merged.groups[k].codes) {
                nodes[id].children[k] = kept;
                continue;
            }
            // Automatic growth never refuses.
            let _ = self.grow(nodes, child, rows, Choice::Auto);
        }
        Ok(())
    }

    fn min_child(&mut self, p: usize, merged: Merged) -> Merged {
        let before = merged.ties;
        let m = merge::enforce_min_child(merged, self.data.predictors[p].missing(), self.params, &self.tester);
        self.ties += m.ties - before;
        m
    }

    /// Record the split of node `id` and append its children.
    fn attach(&self, nodes: &mut Vec<Node>, id: usize, p: usize, merged: &Merged) {
        let pred = &self.data.predictors[p];
        let mut children = Vec::new();
        for group in &merged.groups {
            let child = nodes.len();
            let (summary, n, predicted) = summary_of(&group.row);
            nodes.push(Node {
                id: child,
                parent: Some(id),
                depth: nodes[id].depth + 1,
                branch: Some(Branch {
                    codes: group.codes.clone(),
                    label: branch_label(pred, &group.codes),
                }),
                n,
                share: n / self.total,
                summary,
                predicted,
                split: None,
                children: Vec::new(),
            });
            children.push(child);
        }
        nodes[id].split = Some(Split::of(p, &pred.name, self.kind, merged));
        nodes[id].children = children;
    }
}

/// The nodes reachable from the root, numbered breadth-first (children in order), as `fit` numbers them.
pub(crate) fn renumber(nodes: Vec<Node>) -> Vec<Node> {
    let mut order = vec![0usize];
    let mut i = 0;
    while i < order.len() {
        order.extend(nodes[order[i]].children.iter().copied());
        i += 1;
    }
    let mut new_id = vec![usize::MAX; nodes.len()];
    for (k, &old) in order.iter().enumerate() {
        new_id[old] = k;
    }
    let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    order
        .iter()
        .map(|&old| {
            let mut n = slots[old].take().expect("each node once");
            n.id = new_id[old];
            n.parent = n.parent.map(|p| new_id[p]);
            n.children = n.children.iter().map(|&c| new_id[c]).collect();
            n
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chaid::data::{RawColumn, Spec};
    use crate::chaid::{fit, Level};

    fn data(rows: usize, seed: u64) -> Dataset {
        let mut rng = crate::rng::Rng::new(seed);
        let mut cols: Vec<Vec<Option<String>>> = vec![Vec::new(); 4];
        for _ in 0..rows {
            let a = rng.range(0, 3) as usize;
            let b = rng.range(0, 2) as usize;
            let c = rng.range(0, 5);
            let y = if (a == 0 && rng.chance(0.7)) || (b == 2 && rng.chance(0.5)) || rng.chance(0.2) {
                "ja"
            } else {
                "nee"
            };
            cols[0].push(Some(y.into()));
            cols[1].push((a < 3 || rng.chance(0.5)).then(|| ["w", "x", "y", "z"][a].into()));
            cols[2].push(Some(["p", "q", "r"][b].into()));
            cols[3].push(Some(c.to_string()));
        }
        let names = ["y", "a", "b", "c"];
        let columns: Vec<(String, RawColumn)> = names
            .iter()
            .zip(cols)
            .map(|(n, c)| (n.to_string(), RawColumn::text(c)))
            .collect();
        Dataset::build(
            &columns,
            &Spec {
                target: "y".into(),
                target_level: Level::Nominal,
                predictors: vec![
                    ("a".into(), Level::Nominal),
                    ("b".into(), Level::Nominal),
                    ("c".into(), Level::Ordinal),
                ],
                freq_weight: None,
                case_weight: None,
                intervals: 10,
            },
        )
        .unwrap()
    }

    /// Grown from the root node by node, a tree equals the one `fit` grows level by level.
    #[test]
    fn node_by_node_equals_level_by_level() {
        for seed in 0..6 {
            let d = data(900, seed);
            let params = ChaidParams::default().min_parent(60.0).min_child(20.0).check().unwrap();
            let fitted = fit(&d, &params).unwrap();
            let mut nodes = vec![fitted.nodes[0].clone()];
            let mut g = Grower::new(&d, params.get(), fitted.total);
            let all: Vec<u32> = (0..d.rows() as u32).collect();
            g.grow(&mut nodes, 0, &all, Choice::Auto).unwrap();
            assert_eq!(renumber(nodes), fitted.nodes, "seed {seed}");
            assert_eq!(g.ties, fitted.order_ties);
            let per_node = rows_per_node(&fitted, &d);
            for node in &fitted.nodes {
                assert_eq!(per_node[node.id], rows_of(&fitted, &d, node.id));
                assert_eq!(per_node[node.id].len() as f64, node.n);
            }
        }
    }
}
