//! Steering a tree by hand, as SPSS's interactive trees allow: split a node
//! on a chosen predictor, choose the groups of a split, prune a branch, or
//! regrow it with other limits. Edits are data: the recept keeps them and
//! `perspectief run` replays them on the grown tree, in order.
//!
//! A node is named by its path from the root (each parent's split predictor
//! and the branch taken), not by its id, which changes as the tree changes.
//! When the data change, an edit whose node or categories are gone is not
//! applied, and its [`EditOutcome`] says why; the rest are applied.

use serde::{Deserialize, Serialize};

use super::data::Dataset;
use super::error::ChaidError;
use super::subtree::{renumber, rows_of, Choice, Grower, Refused};
use super::tree::Tree;

/// One step down from a node: its split predictor and the branch taken (0 is the first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub split: String,
    pub branch: usize,
}

/// A regrown branch's limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// Levels below the node.
    pub depth: usize,
    pub min_parent: f64,
    pub min_child: f64,
    pub alpha_split: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum TreeEdit {
    /// Split the node on this predictor (CHAID merges its categories), whatever its p-value;
    /// the new branches grow as usual.
    Split { node: Vec<Step>, predictor: String },
    /// Split the node on this predictor into these groups of categories (`<missing>` for the
    /// missing category); the statistics are those of the chosen groups.
    Regroup {
        node: Vec<Step>,
        predictor: String,
        groups: Vec<Vec<String>>,
    },
    /// Remove the node's branches.
    Prune { node: Vec<Step> },
    /// Grow the node's branches again with other limits.
    Regrow { node: Vec<Step>, limits: Limits },
}

impl TreeEdit {
    pub fn node(&self) -> &[Step] {
        match self {
            TreeEdit::Split { node, .. }
            | TreeEdit::Regroup { node, .. }
            | TreeEdit::Prune { node }
            | TreeEdit::Regrow { node, .. } => node,
        }
    }
}

/// Why an edit no longer applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum EditProblem {
    /// Node `node` on the path is not split.
    NotSplit { node: usize },
    /// Node `node` on the path is split on `found`, not on `expected`.
    SplitOn {
        node: usize,
        expected: String,
        found: String,
    },
    /// Node `node` has `branches` branches; the path takes branch `branch` (from 0).
    NoBranch {
        node: usize,
        branch: usize,
        branches: usize,
    },
    /// The predictor is not among the tree's predictors.
    UnknownPredictor { predictor: String },
    /// The predictor leaves fewer than two groups with cases in the node (after min-child).
    OneGroup { node: usize, predictor: String },
    /// A category of the groups that the predictor does not have.
    UnknownCategory {
        node: usize,
        predictor: String,
        category: String,
    },
    /// A category with cases in the node that no group holds, or two groups hold.
    Unplaced {
        node: usize,
        predictor: String,
        category: String,
    },
    /// An ordinal or scale predictor's group skips a category in between.
    NotAdjacent { node: usize, predictor: String },
    /// The node has no branches to prune.
    Terminal { node: usize },
    /// The regrow limits are not valid settings.
    Limits { error: ChaidError },
}

/// An edit as it was replayed: the node it applied to (its id in the tree it was applied to),
/// or why it did not apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditOutcome {
    pub edit: TreeEdit,
    pub node: Option<usize>,
    pub problem: Option<EditProblem>,
}

/// The path of node `id` from the root.
pub fn path_of(tree: &Tree, id: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut at = id;
    while let Some(parent) = tree.nodes[at].parent {
        let p = &tree.nodes[parent];
        steps.push(Step {
            split: p.split.as_ref().map_or(String::new(), |s| s.name.clone()),
            branch: p.children.iter().position(|&c| c == at).expect("a child"),
        });
        at = parent;
    }
    steps.reverse();
    steps
}

/// The node a path leads to.
pub fn find(tree: &Tree, path: &[Step]) -> Result<usize, EditProblem> {
    let mut id = 0;
    for step in path {
        let node = &tree.nodes[id];
        let Some(split) = &node.split else {
            return Err(EditProblem::NotSplit { node: id });
        };
        if split.name != step.split {
            return Err(EditProblem::SplitOn {
                node: id,
                expected: step.split.clone(),
                found: split.name.clone(),
            });
        }
        id = *node.children.get(step.branch).ok_or(EditProblem::NoBranch {
            node: id,
            branch: step.branch,
            branches: node.children.len(),
        })?;
    }
    Ok(id)
}

/// Apply `edits` in order to a tree grown from `data` (with the tree's own parameters).
pub fn apply(mut tree: Tree, data: &Dataset, edits: &[TreeEdit]) -> (Tree, Vec<EditOutcome>) {
    let mut outcomes = Vec::new();
    for edit in edits {
        let (node, problem) = match find(&tree, edit.node()) {
            Err(problem) => (None, Some(problem)),
            Ok(id) => match apply_one(&mut tree, data, id, edit) {
                Ok(()) => (Some(id), None),
                Err(problem) => (Some(id), Some(problem)),
            },
        };
        outcomes.push(EditOutcome {
            edit: edit.clone(),
            node,
            problem,
        });
    }
    if !tree.params.assignment.is_default() {
        super::assignment::apply(&mut tree);
    }
    (tree, outcomes)
}

fn predictor(data: &Dataset, name: &str) -> Result<usize, EditProblem> {
    data.predictors
        .iter()
        .position(|p| p.name == name)
        .ok_or_else(|| EditProblem::UnknownPredictor {
            predictor: name.to_string(),
        })
}

fn apply_one(tree: &mut Tree, data: &Dataset, id: usize, edit: &TreeEdit) -> Result<(), EditProblem> {
    let mut params = tree.params.clone();
    let choice = match edit {
        TreeEdit::Prune { .. } => {
            if tree.nodes[id].is_terminal() {
                return Err(EditProblem::Terminal { node: id });
            }
            let mut nodes = std::mem::take(&mut tree.nodes);
            nodes[id].children.clear();
            nodes[id].split = None;
            tree.nodes = renumber(nodes);
            return Ok(());
        }
        TreeEdit::Split { predictor: name, .. } => Choice::Predictor(predictor(data, name)?),
        TreeEdit::Regroup {
            predictor: name,
            groups,
            ..
        } => {
            let p = predictor(data, name)?;
            Choice::Groups(p, codes_of(tree, data, id, p, groups)?)
        }
        TreeEdit::Regrow { limits, .. } => {
            params.max_depth = tree.nodes[id].depth + limits.depth;
            params.min_parent = limits.min_parent;
            params.min_child = limits.min_child;
            params.alpha_split = limits.alpha_split;
            params = params
                .check()
                .map_err(|error| EditProblem::Limits { error })?
                .get()
                .clone();
            Choice::Auto
        }
    };
    let rows = rows_of(tree, data, id);
    let mut nodes = tree.nodes.clone();
    let mut grower = Grower::new(data, &params, tree.total);
    grower
        .grow(&mut nodes, id, &rows, choice)
        .map_err(|Refused::OneGroup| match edit {
            TreeEdit::Split { predictor, .. } | TreeEdit::Regroup { predictor, .. } => EditProblem::OneGroup {
                node: id,
                predictor: predictor.clone(),
            },
            _ => unreachable!("automatic growth never refuses"),
        })?;
    tree.order_ties += grower.ties;
    tree.nodes = renumber(nodes);
    Ok(())
}

/// The codes of the groups, checked against the categories with cases in the node.
fn codes_of(
    tree: &Tree,
    data: &Dataset,
    id: usize,
    p: usize,
    groups: &[Vec<String>],
) -> Result<Vec<Vec<usize>>, EditProblem> {
    let pred = &data.predictors[p];
    let at = |category: &str| EditProblem::UnknownCategory {
        node: id,
        predictor: pred.name.clone(),
        category: category.to_string(),
    };
    let mut codes: Vec<Vec<usize>> = groups
        .iter()
        .map(|g| {
            let mut c = g
                .iter()
                .map(|label| {
                    (0..=pred.missing())
                        .find(|&code| pred.label(code) == label)
                        .ok_or_else(|| at(label))
                })
                .collect::<Result<Vec<usize>, _>>()?;
            c.sort_unstable();
            Ok(c)
        })
        .collect::<Result<_, _>>()?;
    codes.retain(|g| !g.is_empty());
    codes.sort_by_key(|g| g[0]);
    let mut present = vec![false; pred.missing() + 1];
    for r in rows_of(tree, data, id) {
        present[pred.codes.get(r as usize)] = true;
    }
    for code in 0..=pred.missing() {
        let holders = codes.iter().filter(|g| g.contains(&code)).count();
        if holders > 1 || (present[code] && holders == 0) {
            return Err(EditProblem::Unplaced {
                node: id,
                predictor: pred.name.clone(),
                category: pred.label(code).to_string(),
            });
        }
    }
    // Categories without cases in the node do not decide anything.
    for g in &mut codes {
        g.retain(|&c| present[c]);
    }
    codes.retain(|g| !g.is_empty());
    if pred.merges_as_ordinal() {
        let real = |g: &Vec<usize>| g.iter().copied().filter(|&c| c != pred.missing()).collect::<Vec<_>>();
        for g in &codes {
            let r = real(g);
            let (Some(&lo), Some(&hi)) = (r.first(), r.last()) else {
                continue;
            };
            let between = (lo..=hi).any(|c| present[c] && !r.contains(&c));
            if between {
                return Err(EditProblem::NotAdjacent {
                    node: id,
                    predictor: pred.name.clone(),
                });
            }
        }
    }
    Ok(codes)
}
