//! A fitted tree as it may be shown or written: the diagram, the tree table,
//! the classification, the gains and the risk all come from here, through the
//! one disclosure rule ([`crate::disclosure`]). The tree is a linked table: a
//! node's class counts add up to its N, each class's counts of the children add
//! up to the parent's, the root holds the margins, and every classification
//! cell is the sum of the nodes behind it. Counts below the threshold and the
//! N of small nodes are hidden; a node where everyone is in one class hides its
//! counts; then whatever would give a hidden count back is hidden too. A split
//! whose table has a hidden count shows the class of its p-value only.

use serde::{Deserialize, Serialize};

use super::report::{GainsRow, Report};
use super::tree::Summary;
use crate::disclosure::{self, Count, Known, Line, Linked, Mark};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedSplit {
    pub name: String,
    /// `chi_square`, `likelihood_ratio`, `row_effects` or `f`.
    pub statistic_kind: String,
    /// The statistic and the adjusted p-value: only when no count of the split's table is hidden
    /// (a statistic beside hidden counts could give them back).
    pub statistic: Option<f64>,
    pub adj_p: Option<f64>,
    pub df1: f64,
    pub df2: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedNode {
    pub id: usize,
    pub parent: Option<usize>,
    pub depth: usize,
    pub children: Vec<usize>,
    /// The categories of the parent's split that lead here.
    pub branch: Option<String>,
    /// Per class (empty for a scale dependent).
    pub counts: Vec<Count>,
    /// Per class, the % of the node (when its count and N are shown).
    pub percents: Vec<Option<f64>>,
    pub n: Count,
    /// % of all cases (when N is shown).
    pub share: Option<f64>,
    /// A scale dependent's mean and standard deviation (when N is shown).
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    /// The predicted class (its code), for a class dependent.
    pub predicted: Option<usize>,
    pub split: Option<PublishedSplit>,
}

impl PublishedNode {
    pub fn is_terminal(&self) -> bool {
        self.children.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedClassification {
    pub classes: Vec<String>,
    /// counts[observed][predicted]
    pub counts: Vec<Vec<Count>>,
    pub percent_correct: Vec<Option<f64>>,
    pub overall_percent_correct: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedGainsRow {
    pub node: usize,
    pub n: Count,
    pub node_percent: Option<f64>,
    pub gain_n: Count,
    pub gain_percent: Option<f64>,
    pub response_percent: Option<f64>,
    pub index_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedGains {
    pub target_class: String,
    pub nodes: Vec<PublishedGainsRow>,
    /// Accumulated from the top; hidden from the first row with a hidden count on.
    pub cumulative: Vec<PublishedGainsRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedTree {
    pub threshold: u64,
    pub target: String,
    /// The class labels (a scale dependent has none).
    pub categories: Vec<String>,
    pub nodes: Vec<PublishedNode>,
    pub total: Count,
    pub classification: Option<PublishedClassification>,
    /// Risk and its standard error, unless they would give a hidden count back.
    pub risk: Option<(f64, f64)>,
    /// Whether some count is hidden (the tables say what "<5" and "x" mean).
    pub hides: bool,
}

fn round(x: f64) -> u64 {
    x.max(0.0).round() as u64
}

fn percent(part: Count, whole: Count) -> Option<f64> {
    let (p, w) = (part.n?, whole.n?);
    (w > 0).then(|| 100.0 * p as f64 / w as f64)
}

impl Report {
    /// The tree through the disclosure rule with `threshold`.
    pub fn publish(&self, threshold: u64) -> PublishedTree {
        let t = &self.tree;
        let classes = match t.nodes.first().map(|n| &n.summary) {
            Some(Summary::Classes { counts }) => counts.len(),
            _ => 0,
        };
        let mut linked = Linked::default();
        // Entries: per node its class counts, then its N.
        let counts: Vec<Vec<usize>> = t
            .nodes
            .iter()
            .map(|n| match &n.summary {
                Summary::Classes { counts } => counts.iter().map(|&c| linked.entry(round(c))).collect(),
                Summary::Scale { .. } => Vec::new(),
            })
            .collect();
        let ns: Vec<usize> = t.nodes.iter().map(|n| linked.entry(round(n.n))).collect();
        for n in &t.nodes {
            if classes > 0 {
                linked.lines.push(Line::new(counts[n.id].clone(), ns[n.id], true));
            }
            if !n.children.is_empty() {
                for c in 0..classes {
                    linked.lines.push(Line::new(
                        n.children.iter().map(|&ch| counts[ch][c]).collect(),
                        counts[n.id][c],
                        false,
                    ));
                }
                linked.lines.push(Line::new(
                    n.children.iter().map(|&ch| ns[ch]).collect(),
                    ns[n.id],
                    false,
                ));
            }
        }
        // The classification: each cell the sum of the terminal nodes predicting its column.
        let terminals: Vec<usize> = t.terminals().map(|n| n.id).collect();
        let predicted = |id: usize| t.nodes[id].predicted as usize;
        let mut cells = vec![vec![0usize; classes]; classes];
        let mut correct = None;
        if classes > 0 && !t.nodes.is_empty() {
            for (obs, row) in cells.iter_mut().enumerate() {
                for (pred, cell) in row.iter_mut().enumerate() {
                    let behind: Vec<usize> = terminals
                        .iter()
                        .filter(|&&id| predicted(id) == pred)
                        .map(|&id| counts[id][obs])
                        .collect();
                    let value = behind.iter().map(|&e| linked.values[e]).sum();
                    *cell = linked.derived_entry(value);
                    // A column no node predicts is zero for everyone: nothing to protect.
                    if !behind.is_empty() {
                        linked.lines.push(Line::new(behind, *cell, false));
                    }
                }
            }
            for (obs, row) in cells.iter().enumerate() {
                linked.lines.push(Line::new(row.clone(), counts[0][obs], false));
            }
            for pred in 0..classes {
                let behind: Vec<usize> = terminals
                    .iter()
                    .filter(|&&id| predicted(id) == pred)
                    .map(|&id| ns[id])
                    .collect();
                let total = linked.derived_entry(behind.iter().map(|&e| linked.values[e]).sum());
                linked.lines.push(Line::new(behind, total, false));
                linked.lines.push(Line::new(
                    (0..classes).map(|obs| cells[obs][pred]).collect(),
                    total,
                    false,
                ));
            }
            let diagonal: Vec<usize> = (0..classes).map(|k| cells[k][k]).collect();
            let c = linked.derived_entry(diagonal.iter().map(|&e| linked.values[e]).sum());
            linked.lines.push(Line::new(diagonal, c, false));
            correct = Some(c);
        }
        let marks = disclosure::protect(&linked, threshold);
        let count = |e: usize| Count::of(linked.values[e], marks[e]);
        let total = count(ns.first().copied().unwrap_or(0));
        let nodes: Vec<PublishedNode> = t
            .nodes
            .iter()
            .map(|n| {
                let node_counts: Vec<Count> = counts[n.id].iter().map(|&e| count(e)).collect();
                let n_count = count(ns[n.id]);
                let shown = !marks[ns[n.id]].hidden();
                let split = n.split.as_ref().map(|s| {
                    let table_hidden = n
                        .children
                        .iter()
                        .any(|&ch| marks[ns[ch]].hidden() || counts[ch].iter().any(|&e| marks[e].hidden()));
                    PublishedSplit {
                        name: s.name.clone(),
                        statistic_kind: s.statistic_kind.clone(),
                        statistic: (!table_hidden).then_some(s.statistic),
                        adj_p: (!table_hidden).then_some(s.adj_p),
                        df1: s.df1,
                        df2: s.df2,
                    }
                });
                let (mean, sd) = match &n.summary {
                    Summary::Scale { mean, sd } if shown => (Some(*mean), Some(*sd)),
                    _ => (None, None),
                };
                PublishedNode {
                    id: n.id,
                    parent: n.parent,
                    depth: n.depth,
                    children: n.children.clone(),
                    branch: n.branch.as_ref().map(|b| b.label.clone()),
                    percents: node_counts.iter().map(|&c| percent(c, n_count)).collect(),
                    counts: node_counts,
                    n: n_count,
                    share: percent(n_count, total),
                    mean,
                    sd,
                    predicted: (classes > 0).then_some(n.predicted as usize),
                    split,
                }
            })
            .collect();
        let classification = self.classification.as_ref().map(|c| {
            let shown: Vec<Vec<Count>> = cells
                .iter()
                .map(|row| row.iter().map(|&e| count(e)).collect())
                .collect();
            let row_total = |obs: usize| count(counts[0][obs]);
            PublishedClassification {
                classes: c.classes.iter().take(classes).cloned().collect(),
                percent_correct: (0..classes).map(|k| percent(shown[k][k], row_total(k))).collect(),
                overall_percent_correct: correct.and_then(|e| percent(count(e), total)),
                counts: shown,
            }
        });
        let risk = if classes > 0 && !t.params.assignment.is_default() {
            // Under costs or priors the risk weighs each misclassified cell by its own loss:
            // beside one hidden cell it would give that cell back. Shown only with every cell.
            classification
                .as_ref()
                .filter(|c| c.counts.iter().flatten().all(|x| x.n.is_some()))
                .map(|_| (self.risk.estimate, self.risk.se))
        } else if classes > 0 {
            classification
                .as_ref()
                .and_then(|c| c.overall_percent_correct)
                .map(|_| (self.risk.estimate, self.risk.se))
        } else {
            Some((self.risk.estimate, self.risk.se))
        };
        PublishedTree {
            threshold,
            target: t.target.name.clone(),
            categories: t.target.categories.iter().take(classes).cloned().collect(),
            hides: marks.iter().any(|m| m.hidden()),
            nodes,
            total,
            classification,
            risk,
        }
    }
}

impl PublishedTree {
    pub fn terminals(&self) -> impl Iterator<Item = &PublishedNode> {
        self.nodes.iter().filter(|n| n.is_terminal())
    }

    pub fn is_scale(&self) -> bool {
        self.categories.is_empty()
    }

    /// Gains for class `class` (its code), from the published counts; the rows in the order of
    /// the exact gains (`exact`, from the fitted tree), so that nothing is worked out from hidden counts.
    pub fn gains(&self, class: usize, exact: &[GainsRow]) -> Option<PublishedGains> {
        let label = self.categories.get(class)?.clone();
        let root = self.nodes.first()?;
        let all_target = root.counts[class];
        let row = |node: usize, n: Count, gain: Count| PublishedGainsRow {
            node,
            n,
            node_percent: percent(n, self.total),
            gain_n: gain,
            gain_percent: percent(gain, all_target),
            response_percent: percent(gain, n),
            index_percent: percent(gain, n)
                .zip(percent(all_target, self.total))
                .and_then(|(r, b)| (b > 0.0).then(|| 100.0 * r / b)),
        };
        let nodes: Vec<PublishedGainsRow> = exact
            .iter()
            .filter_map(|g| self.nodes.get(g.node))
            .map(|n| row(n.id, n.n, n.counts[class]))
            .collect();
        let mut cumulative = Vec::with_capacity(nodes.len());
        let (mut n, mut g) = (Some(0u64), Some(0u64));
        for r in &nodes {
            n = n.zip(r.n.n).map(|(a, b)| a + b);
            g = g.zip(r.gain_n.n).map(|(a, b)| a + b);
            let hidden = |x: Option<u64>| Count {
                n: x,
                mark: if x.is_some() { Mark::Shown } else { Mark::Hidden },
            };
            cumulative.push(row(r.node, hidden(n), hidden(g)));
        }
        Some(PublishedGains {
            target_class: label,
            nodes,
            cumulative,
        })
    }
}

/// What a reader can write down from a published tree: its counts as entries (shown or not),
/// and the sums that link them (nodes, splits, the classification and its correct count).
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    pub lines: Vec<Line>,
    pub known: Vec<Known>,
    /// Every entry's label, for messages.
    pub labels: Vec<String>,
    /// Summaries of other entries (classification cells, the correct count): their own room is
    /// not asked, the counts they sum are checked.
    pub derived: Vec<bool>,
    pub upper: u64,
}

impl PublishedTree {
    /// The tree as linked counts, for the checker ([`crate::disclosure::feasible`]).
    pub fn seen(&self) -> Seen {
        let mut s = Seen {
            lines: Vec::new(),
            known: Vec::new(),
            labels: Vec::new(),
            derived: Vec::new(),
            upper: 0,
        };
        let threshold = self.threshold;
        let entry = |s: &mut Seen, c: Count, label: String| {
            s.known.push(Known::of(c, threshold));
            s.derived
                .push(label.starts_with("classificatie") || label == "juist geclassificeerd");
            s.labels.push(label);
            s.known.len() - 1
        };
        let classes = self.categories.len();
        let counts: Vec<Vec<usize>> = self
            .nodes
            .iter()
            .map(|n| {
                n.counts
                    .iter()
                    .enumerate()
                    .map(|(k, &c)| entry(&mut s, c, format!("knoop {} {}", n.id, self.categories[k])))
                    .collect()
            })
            .collect();
        let ns: Vec<usize> = self
            .nodes
            .iter()
            .map(|n| entry(&mut s, n.n, format!("knoop {} N", n.id)))
            .collect();
        for n in &self.nodes {
            if classes > 0 {
                s.lines.push(Line::new(counts[n.id].clone(), ns[n.id], true));
            }
            if !n.children.is_empty() {
                for k in 0..classes {
                    s.lines.push(Line::new(
                        n.children.iter().map(|&c| counts[c][k]).collect(),
                        counts[n.id][k],
                        false,
                    ));
                }
                s.lines
                    .push(Line::new(n.children.iter().map(|&c| ns[c]).collect(), ns[n.id], false));
            }
        }
        if let Some(c) = &self.classification {
            let terminals: Vec<&PublishedNode> = self.terminals().collect();
            let mut cells = vec![vec![0usize; classes]; classes];
            for obs in 0..classes {
                for pred in 0..classes {
                    let behind: Vec<usize> = terminals
                        .iter()
                        .filter(|t| t.predicted == Some(pred))
                        .map(|t| counts[t.id][obs])
                        .collect();
                    // A column no node predicts is zero for everyone, and every reader knows it.
                    let shown = if behind.is_empty() {
                        Count::of(0, Mark::Shown)
                    } else {
                        c.counts[obs][pred]
                    };
                    let e = entry(&mut s, shown, format!("classificatie {obs} × {pred}"));
                    cells[obs][pred] = e;
                    if !behind.is_empty() {
                        s.lines.push(Line::new(behind, e, false));
                    }
                }
                s.lines.push(Line::new(cells[obs].clone(), counts[0][obs], false));
            }
            // The correct count follows from the overall % (shown or not).
            let correct = c
                .overall_percent_correct
                .zip(self.total.n)
                .map(|(p, n)| (p * n as f64 / 100.0).round() as u64);
            let e = entry(
                &mut s,
                Count {
                    n: correct,
                    mark: if correct.is_some() { Mark::Shown } else { Mark::Hidden },
                },
                "juist geclassificeerd".into(),
            );
            s.lines
                .push(Line::new((0..classes).map(|k| cells[k][k]).collect(), e, false));
        }
        s.upper = self
            .total
            .n
            .unwrap_or_else(|| disclosure::reader_upper(&s.known, threshold));
        s
    }
}
