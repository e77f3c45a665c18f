//! Growing the tree level by level: one counting pass over the rows per level
//! fills every open node's category × class table for every predictor.

use super::data::{Codes, Dataset, Level, Target};
use super::error::ChaidError;
use super::groups::{Row, Tester};
use super::merge::{self, Merged};
use super::params::{CheckedParams, TieRule};
use super::tree::{Branch, Node, Split, Summary, Tree, VariableInfo};
use crate::stats::anova::Moments;
use crate::stats::independence::Statistic;

const NONE: u32 = u32::MAX;

/// Per-open-node tables of every predictor, as flat arrays, predictor-major
/// so that one predictor's pass touches one small block (it stays in L1).
pub(crate) enum Tables {
    /// counts[((p * slots + slot) * width + code) * J + class].
    Classes {
        counts: Vec<f64>,
        weights: Option<Vec<f64>>,
        classes: usize,
        slots: usize,
    },
    /// moments[(p * slots + slot) * width + code].
    Scale { moments: Vec<Moments>, slots: usize },
}

pub(crate) struct Layout {
    pub(crate) predictors: usize,
    /// Rows per table: the largest number of categories + 1 (missing).
    pub(crate) width: usize,
}

/// A row's offset within one predictor's block, in the narrowest integer
/// that holds it; `NONE` marks rows of nodes that are not split now.
trait Offset: Copy + PartialEq {
    const NONE: Self;
    fn at(self) -> usize;
    fn make(x: usize) -> Self;
}

impl Offset for u16 {
    const NONE: u16 = u16::MAX;
    fn at(self) -> usize {
        usize::from(self)
    }
    fn make(x: usize) -> u16 {
        x as u16
    }
}

impl Offset for u32 {
    const NONE: u32 = u32::MAX;
    fn at(self) -> usize {
        self as usize
    }
    fn make(x: usize) -> u32 {
        x as u32
    }
}

/// The hot loop, as close to one plain counting pass as it gets.
fn count_unweighted<C: Copy + Into<usize>, B: Offset>(codes: &[C], base: &[B], j: usize, block: &mut [u32]) {
    for (&c, &b) in codes.iter().zip(base) {
        if b != B::NONE {
            block[b.at() + c.into() * j] += 1;
        }
    }
}

fn count_weighted<C: Copy + Into<usize>, B: Offset>(
    codes: &[C],
    base: &[B],
    j: usize,
    weight: &dyn Fn(usize) -> f64,
    block: &mut [f64],
) {
    for (row, (&c, &b)) in codes.iter().zip(base).enumerate() {
        if b != B::NONE {
            block[b.at() + c.into() * j] += weight(row);
        }
    }
}

fn count_classes<B: Offset>(data: &Dataset, base: &[B], j: usize, block: usize) -> (Vec<f64>, Option<Vec<f64>>) {
    let p = data.predictors.len();
    let mut counts = vec![0.0; p * block];
    let mut weights = data.case.as_ref().map(|_| vec![0.0; p * block]);
    let mut scratch = vec![0u32; block];
    for (k, pred) in data.predictors.iter().enumerate() {
        let out = &mut counts[k * block..(k + 1) * block];
        match &data.freq {
            None => {
                scratch.iter_mut().for_each(|x| *x = 0);
                match &pred.codes {
                    Codes::U8(c) => count_unweighted(c, base, j, &mut scratch),
                    Codes::U16(c) => count_unweighted(c, base, j, &mut scratch),
                }
                for (o, &x) in out.iter_mut().zip(&scratch) {
                    *o = f64::from(x);
                }
            }
            Some(_) => {
                let f = |row: usize| data.freq(row);
                match &pred.codes {
                    Codes::U8(c) => count_weighted(c, base, j, &f, out),
                    Codes::U16(c) => count_weighted(c, base, j, &f, out),
                }
            }
        }
        if let Some(w) = weights.as_mut() {
            let cw = |row: usize| data.case_weight(row) * data.freq(row);
            let out = &mut w[k * block..(k + 1) * block];
            match &pred.codes {
                Codes::U8(c) => count_weighted(c, base, j, &cw, out),
                Codes::U16(c) => count_weighted(c, base, j, &cw, out),
            }
        }
    }
    (counts, weights)
}

fn offsets<B: Offset>(slot_row: &[u32], y: &[u16], per_table: usize) -> Vec<B> {
    slot_row
        .iter()
        .zip(y)
        .map(|(&s, &yy)| {
            if s == NONE {
                B::NONE
            } else {
                B::make(s as usize * per_table + usize::from(yy))
            }
        })
        .collect()
}

pub(crate) fn count(data: &Dataset, slot_row: &[u32], slots: usize, layout: &Layout) -> Tables {
    let p = layout.predictors;
    match &data.target {
        Target::Classes { codes: y, labels, .. } => {
            let j = labels.len();
            let per_table = layout.width * j;
            let block = slots * per_table;
            let (counts, weights) = if block < usize::from(u16::MAX) {
                count_classes(data, &offsets::<u16>(slot_row, y, per_table), j, block)
            } else {
                count_classes(data, &offsets::<u32>(slot_row, y, per_table), j, block)
            };
            Tables::Classes {
                counts,
                weights,
                classes: j,
                slots,
            }
        }
        Target::Scale { values, .. } => {
            let block = slots * layout.width;
            let mut moments = vec![Moments::default(); p * block];
            for (k, pred) in data.predictors.iter().enumerate() {
                for (row, &y) in values.iter().enumerate() {
                    let s = slot_row[row];
                    if s != NONE {
                        moments[k * block + s as usize * layout.width + pred.codes.get(row)].add(
                            y,
                            data.case_weight(row),
                            data.freq(row),
                        );
                    }
                }
            }
            Tables::Scale { moments, slots }
        }
    }
}

impl Tables {
    /// (code, row) for the categories of predictor `p` present in node `slot`.
    pub(crate) fn categories(&self, slot: usize, p: usize, layout: &Layout, present: usize) -> Vec<(usize, Row)> {
        let mut out = Vec::new();
        match self {
            Tables::Classes {
                counts,
                weights,
                classes,
                slots,
            } => {
                let j = *classes;
                let base = (p * slots + slot) * layout.width * j;
                for code in 0..present {
                    let range = base + code * j..base + (code + 1) * j;
                    let n = &counts[range.clone()];
                    if n.iter().sum::<f64>() > 0.0 {
                        let w = weights.as_ref().map(|w| w[range].to_vec());
                        out.push((code, Row::Classes { n: n.to_vec(), w }));
                    }
                }
            }
            Tables::Scale { moments, slots } => {
                let base = (p * slots + slot) * layout.width;
                for code in 0..present {
                    let m = moments[base + code];
                    if m.n > 0.0 {
                        out.push((code, Row::Scale(m)));
                    }
                }
            }
        }
        out
    }
}

pub(crate) fn tester(data: &Dataset, params: &super::params::ChaidParams) -> Tester {
    match &data.target {
        Target::Classes {
            ordinal: true, scores, ..
        } => Tester::Ordinal {
            scores: scores.clone(),
            convergence: params.convergence,
        },
        Target::Classes { .. } => Tester::Nominal {
            statistic: params.statistic,
            convergence: params.convergence,
        },
        Target::Scale { .. } => Tester::Scale,
    }
}

pub(crate) fn statistic_kind(data: &Dataset, params: &super::params::ChaidParams) -> &'static str {
    match &data.target {
        Target::Classes { ordinal: true, .. } => "row_effects",
        Target::Classes { .. } if params.statistic == Statistic::LikelihoodRatio => "likelihood_ratio",
        Target::Classes { .. } => "chi_square",
        Target::Scale { .. } => "f",
    }
}

pub(crate) fn summary_of(row: &Row) -> (Summary, f64, f64) {
    match row {
        Row::Classes { n, .. } => {
            let total = n.iter().sum();
            let predicted = n
                .iter()
                .enumerate()
                .fold((0, f64::MIN), |best, (k, &c)| if c > best.1 { (k, c) } else { best })
                .0;
            (Summary::Classes { counts: n.clone() }, total, predicted as f64)
        }
        Row::Scale(m) => (
            Summary::Scale {
                mean: m.mean,
                sd: m.sd(),
            },
            m.n,
            m.mean,
        ),
    }
}

pub(crate) fn pure(row: &Row) -> bool {
    match row {
        Row::Classes { n, .. } => n.iter().filter(|&&c| c > 0.0).count() <= 1,
        Row::Scale(m) => m.m2 <= 0.0,
    }
}

/// The label of a group of categories on a branch.
pub fn branch_label(pred: &super::data::Predictor, codes: &[usize]) -> String {
    let missing = codes.contains(&pred.missing());
    let real: Vec<usize> = codes.iter().copied().filter(|&c| c != pred.missing()).collect();
    let mut parts: Vec<String> = Vec::new();
    match &pred.cut_points {
        Some(cuts) if !real.is_empty() && real.windows(2).all(|w| w[1] == w[0] + 1) => {
            let (lo, hi) = (real[0], *real.last().expect("non-empty"));
            let last = cuts.len() - 1;
            let fmt = super::binning::number_label;
            parts.push(match (lo == 0, hi == last) {
                (true, true) => "alle waarden".to_string(),
                (true, false) => format!("<= {}", fmt(cuts[hi])),
                (false, true) => format!("> {}", fmt(cuts[lo - 1])),
                (false, false) => format!("({}, {}]", fmt(cuts[lo - 1]), fmt(cuts[hi])),
            });
        }
        _ => parts.extend(real.iter().map(|&c| pred.label(c).to_string())),
    }
    if missing {
        parts.push("<missing>".into());
    }
    parts.join("; ")
}

pub(crate) fn better(a: &Merged, ai: usize, b: &Merged, bi: usize, rule: TieRule) -> bool {
    if a.adj_ln_p != b.adj_ln_p {
        return a.adj_ln_p < b.adj_ln_p;
    }
    if rule == TieRule::UnadjustedThenStatistic {
        if a.test.ln_p != b.test.ln_p {
            return a.test.ln_p < b.test.ln_p;
        }
        if a.test.statistic != b.test.statistic {
            return a.test.statistic > b.test.statistic;
        }
    }
    ai < bi
}

/// Evaluate every predictor in one node (merging included); `None` when it cannot split.
pub(crate) fn evaluate(
    data: &Dataset,
    params: &super::params::ChaidParams,
    tester: &Tester,
    cats_of: &dyn Fn(usize) -> Vec<(usize, Row)>,
) -> Vec<Option<Merged>> {
    data.predictors
        .iter()
        .enumerate()
        .map(|(p, pred)| {
            let cats = cats_of(p);
            (cats.len() >= 2).then(|| merge::merge(cats, pred.missing(), pred.merges_as_ordinal(), params, tester))
        })
        .collect()
}

/// Grow a CHAID tree.
pub fn fit(data: &Dataset, params: &CheckedParams) -> Result<Tree, ChaidError> {
    let params = params.get();
    if !params.assignment.is_default() {
        match &data.target {
            Target::Classes { labels, .. } => params.assignment.check_for(labels.len())?,
            Target::Scale { .. } => {
                return Err(ChaidError::InvalidParameter {
                    name: "costs".into(),
                    value: "-".into(),
                    expected: super::error::Expected::CostsAndPriors { classes: 0 },
                })
            }
        }
    }
    let forced = match &params.force_first {
        Some(name) => Some(
            data.predictors
                .iter()
                .position(|p| &p.name == name)
                .ok_or_else(|| ChaidError::UnknownVariable(name.clone()))?,
        ),
        None => None,
    };
    let n = data.rows();
    let tester = tester(data, params);
    let layout = Layout {
        predictors: data.predictors.len(),
        width: data.predictors.iter().map(|p| p.categories() + 1).max().unwrap_or(1),
    };
    let ln_alpha_split = params.alpha_split.ln();

    let root_row = total_row(data);
    let (summary, total, predicted) = summary_of(&root_row);
    let mut nodes = vec![Node {
        id: 0,
        parent: None,
        depth: 0,
        branch: None,
        n: total,
        share: 1.0,
        summary,
        predicted,
        split: None,
        children: Vec::new(),
    }];
    let mut rows_of_node: Vec<Row> = vec![root_row];
    let mut node_of: Vec<u32> = vec![0; n];
    let mut frontier = vec![0usize];
    let mut order_ties = 0;
    let kind = statistic_kind(data, params);

    for depth in 0..params.max_depth {
        let open: Vec<usize> = frontier
            .iter()
            .copied()
            .filter(|&id| nodes[id].n >= params.min_parent && !pure(&rows_of_node[id]))
            .collect();
        if open.is_empty() {
            break;
        }
        let mut slot_of = vec![NONE; nodes.len()];
        for (s, &id) in open.iter().enumerate() {
            slot_of[id] = s as u32;
        }
        let slot_row: Vec<u32> = node_of
            .iter()
            .map(|&nd| if nd == NONE { NONE } else { slot_of[nd as usize] })
            .collect();
        let tables = count(data, &slot_row, open.len(), &layout);

        let mut next = Vec::new();
        // For each open slot: the child id of every code of its split predictor.
        let mut child_of_code: Vec<Option<(usize, Vec<u32>)>> = vec![None; open.len()];
        for (slot, &id) in open.iter().enumerate() {
            let cats_of = |p: usize| tables.categories(slot, p, &layout, data.predictors[p].categories() + 1);
            let results = evaluate(data, params, &tester, &cats_of);
            order_ties += results.iter().flatten().map(|m| m.ties).sum::<usize>();
            let forced_here = if depth == 0 {
                forced.filter(|&f| results[f].as_ref().is_some_and(Merged::can_split))
            } else {
                None
            };
            let best = match forced_here {
                Some(f) => Some(f),
                None => results
                    .iter()
                    .enumerate()
                    .filter_map(|(p, r)| r.as_ref().filter(|m| m.can_split()).map(|m| (p, m)))
                    .fold(None, |best: Option<(usize, &Merged)>, (p, m)| match best {
                        Some((bp, bm)) if !better(m, p, bm, bp, params.tie_rule) => Some((bp, bm)),
                        _ => Some((p, m)),
                    })
                    .filter(|(_, m)| m.adj_ln_p <= ln_alpha_split)
                    .map(|(p, _)| p),
            };
            let Some(p) = best else { continue };
            let pred = &data.predictors[p];
            let merged = results[p].clone().expect("evaluated");
            let before = merged.ties;
            let merged = merge::enforce_min_child(merged, pred.missing(), params, &tester);
            order_ties += merged.ties - before;
            if merged.groups.len() < 2 {
                continue;
            }
            let mut map = vec![NONE; pred.categories() + 1];
            let mut children = Vec::new();
            for group in &merged.groups {
                let child = nodes.len();
                for &c in &group.codes {
                    map[c] = child as u32;
                }
                let (summary, cn, predicted) = summary_of(&group.row);
                nodes.push(Node {
                    id: child,
                    parent: Some(id),
                    depth: depth + 1,
                    branch: Some(Branch {
                        codes: group.codes.clone(),
                        label: branch_label(pred, &group.codes),
                    }),
                    n: cn,
                    share: cn / total,
                    summary,
                    predicted,
                    split: None,
                    children: Vec::new(),
                });
                rows_of_node.push(group.row.clone());
                children.push(child);
            }
            nodes[id].split = Some(Split::of(p, &pred.name, kind, &merged));
            nodes[id].children = children.clone();
            next.extend(children);
            child_of_code[slot] = Some((p, map));
        }
        // Move every row of a split node into its child.
        for (row, nd) in node_of.iter_mut().enumerate() {
            let s = slot_row[row];
            if s == NONE {
                continue;
            }
            if let Some((p, map)) = &child_of_code[s as usize] {
                *nd = map[data.predictors[*p].codes.get(row)];
            }
        }
        frontier = next;
    }

    let mut tree = Tree {
        target: target_info(data),
        predictors: data
            .predictors
            .iter()
            .map(|p| VariableInfo {
                name: p.name.clone(),
                level: p.level,
                categories: p.labels.clone(),
                cut_points: p.cut_points.clone(),
                numeric: p.numeric,
            })
            .collect(),
        params: params.clone(),
        nodes,
        total,
        order_ties,
    };
    if !params.assignment.is_default() {
        super::assignment::apply(&mut tree);
    }
    Ok(tree)
}

pub(crate) fn target_info(data: &Dataset) -> VariableInfo {
    match &data.target {
        Target::Classes {
            name, labels, ordinal, ..
        } => VariableInfo {
            name: name.clone(),
            level: if *ordinal { Level::Ordinal } else { Level::Nominal },
            categories: labels.clone(),
            cut_points: None,
            numeric: false,
        },
        Target::Scale { name, .. } => VariableInfo {
            name: name.clone(),
            level: Level::Scale,
            categories: Vec::new(),
            cut_points: None,
            numeric: false,
        },
    }
}

/// The whole sample's row: one pass over the target.
pub(crate) fn total_row(data: &Dataset) -> Row {
    match &data.target {
        Target::Classes { codes, labels, .. } => {
            let mut n = vec![0.0; labels.len()];
            let mut w = data.case.as_ref().map(|_| vec![0.0; labels.len()]);
            for (row, &y) in codes.iter().enumerate() {
                let f = data.freq(row);
                n[usize::from(y)] += f;
                if let Some(w) = w.as_mut() {
                    w[usize::from(y)] += data.case_weight(row) * f;
                }
            }
            Row::Classes { n, w }
        }
        Target::Scale { values, .. } => {
            let mut m = Moments::default();
            for (row, &y) in values.iter().enumerate() {
                m.add(y, data.case_weight(row), data.freq(row));
            }
            Row::Scale(m)
        }
    }
}
