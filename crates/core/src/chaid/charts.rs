//! What SPSS's gains, index (lift) and response charts and a ROC curve plot, for a chosen
//! category, from the published gains table: points only where the counts behind them are
//! shown. The cumulative curves stop at the first node with a hidden count (the rest would
//! give it back by differences), and the area under the ROC curve is given only for a whole
//! curve.
//!
//! Terminal nodes are taken in the gains table's order (highest index first). For the ROC
//! curve, a node's cases all get the node's response as their score, so the curve is the
//! straight line through the nodes' cumulative (false positive %, true positive %) points and
//! its area is the Mann–Whitney probability that a case of the category scores above one of
//! the others (ties counting half).

use serde::{Deserialize, Serialize};

use super::published::{PublishedGains, PublishedTree};

/// One node's stretch of the x axis (% of all cases) and its own response and index.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct NodeBar {
    pub node: usize,
    pub from: f64,
    pub to: f64,
    pub response: f64,
    pub index: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GainsCharts {
    pub target_class: String,
    /// (cumulative % of cases, cumulative % of the category), from (0, 0).
    pub gains: Vec<(f64, f64)>,
    /// (cumulative % of cases, cumulative index %).
    pub index: Vec<(f64, f64)>,
    /// (cumulative % of cases, cumulative response %).
    pub response: Vec<(f64, f64)>,
    /// The nodes, in the table's order, as far as their counts are shown.
    pub nodes: Vec<NodeBar>,
    /// The category's % of all cases (the response without a tree; index 100).
    pub base: Option<f64>,
    /// (false positive %, true positive %), from (0, 0).
    pub roc: Vec<(f64, f64)>,
    /// The area under the ROC curve, for a whole curve only.
    pub auc: Option<f64>,
    /// Whether every node is drawn (else the curves stop where counts are hidden).
    pub complete: bool,
}

/// The charts of `gains` (a published gains table of `tree`).
pub fn charts(tree: &PublishedTree, gains: &PublishedGains) -> Option<GainsCharts> {
    let class = tree.categories.iter().position(|c| *c == gains.target_class)?;
    let total = tree.total.n? as f64;
    let positives = tree.nodes.first()?.counts.get(class)?.n? as f64;
    let negatives = total - positives;
    let base = (total > 0.0).then(|| 100.0 * positives / total);
    let mut out = GainsCharts {
        target_class: gains.target_class.clone(),
        gains: vec![(0.0, 0.0)],
        index: Vec::new(),
        response: Vec::new(),
        nodes: Vec::new(),
        base,
        roc: vec![(0.0, 0.0)],
        auc: None,
        complete: false,
    };
    let mut shown = 0;
    for (row, cum) in gains.nodes.iter().zip(&gains.cumulative) {
        let (Some(n), Some(g), Some(cn), Some(cg)) = (row.n.n, row.gain_n.n, cum.n.n, cum.gain_n.n) else {
            break;
        };
        let (n, g, cn, cg) = (n as f64, g as f64, cn as f64, cg as f64);
        let x = 100.0 * cn / total;
        let from = 100.0 * (cn - n) / total;
        out.gains
            .push((x, if positives > 0.0 { 100.0 * cg / positives } else { 0.0 }));
        let response = if cn > 0.0 { 100.0 * cg / cn } else { 0.0 };
        out.response.push((x, response));
        if let Some(b) = base.filter(|&b| b > 0.0) {
            out.index.push((x, 100.0 * response / b));
        }
        let node_response = if n > 0.0 { 100.0 * g / n } else { 0.0 };
        out.nodes.push(NodeBar {
            node: row.node,
            from,
            to: x,
            response: node_response,
            index: base.filter(|&b| b > 0.0).map_or(0.0, |b| 100.0 * node_response / b),
        });
        out.roc.push((
            if negatives > 0.0 {
                100.0 * (cn - cg) / negatives
            } else {
                0.0
            },
            if positives > 0.0 { 100.0 * cg / positives } else { 0.0 },
        ));
        shown += 1;
    }
    out.complete = shown == gains.nodes.len();
    if out.complete && positives > 0.0 && negatives > 0.0 {
        let area: f64 = out
            .roc
            .windows(2)
            .map(|w| (w[1].0 - w[0].0) / 100.0 * (w[1].1 + w[0].1) / 200.0)
            .sum();
        out.auc = Some(area);
    }
    Some(out)
}
