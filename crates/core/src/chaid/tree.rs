//! The fitted tree: nodes numbered breadth-first from 0, with their splits.

use serde::{Deserialize, Serialize};

use super::data::{Dataset, Level};
use super::params::ChaidParams;

/// What a node holds of the dependent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Summary {
    /// Frequency-weighted count per class.
    Classes {
        counts: Vec<f64>,
    },
    Scale {
        mean: f64,
        sd: f64,
    },
}

/// The categories of the parent's split predictor that lead to this node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Branch {
    pub codes: Vec<usize>,
    /// `Angola; China`, `<= 21`, `(21, 23]`, `> 23`, `<missing>`.
    pub label: String,
}

/// How a node was split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    pub predictor: usize,
    pub name: String,
    /// `chi_square`, `likelihood_ratio`, `row_effects` or `f`.
    pub statistic_kind: String,
    pub statistic: f64,
    pub df1: f64,
    pub df2: f64,
    pub p: f64,
    pub ln_p: f64,
    pub bonferroni: f64,
    pub adj_p: f64,
    pub adj_ln_p: f64,
    /// Category codes per child, in child order.
    pub groups: Vec<Vec<usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: usize,
    pub parent: Option<usize>,
    pub depth: usize,
    pub branch: Option<Branch>,
    /// Frequency-weighted number of cases.
    pub n: f64,
    /// Share of all cases.
    pub share: f64,
    pub summary: Summary,
    /// Predicted class code, or the mean for a scale dependent.
    pub predicted: f64,
    pub split: Option<Split>,
    pub children: Vec<usize>,
}

impl Node {
    pub fn is_terminal(&self) -> bool {
        self.children.is_empty()
    }
}

/// A variable as the report names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariableInfo {
    pub name: String,
    pub level: Level,
    /// Category labels (the missing category is `<missing>` and has the last code).
    pub categories: Vec<String>,
    /// A binned scale predictor's largest value per bin (the rules' interval bounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut_points: Option<Vec<f64>>,
    /// Whether the categories are numbers (a numeric column read as nominal or ordinal).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numeric: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    pub target: VariableInfo,
    pub predictors: Vec<VariableInfo>,
    pub params: ChaidParams,
    pub nodes: Vec<Node>,
    /// Frequency-weighted number of cases analysed.
    pub total: f64,
    /// Choices between equally good candidates, in any predictor of any node,
    /// that the order of the categories decided (as SPSS does): with none,
    /// recoding the categories gives the same tree.
    #[serde(default)]
    pub order_ties: usize,
}

impl Tree {
    pub fn terminals(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| n.is_terminal())
    }

    pub fn is_scale(&self) -> bool {
        self.target.level == Level::Scale
    }

    /// The terminal node a row of `data` falls into (a category the split
    /// never saw stops at the current node).
    pub fn node_of(&self, data: &Dataset, row: usize) -> usize {
        let mut id = 0;
        loop {
            let node = &self.nodes[id];
            let Some(split) = &node.split else { return id };
            let code = data.predictors[split.predictor].codes.get(row);
            match split.groups.iter().position(|g| g.contains(&code)) {
                Some(k) => id = node.children[k],
                None => return id,
            }
        }
    }
}

impl Split {
    /// The split of predictor `predictor` (named `name`) into `merged`'s groups, with its test.
    pub(crate) fn of(predictor: usize, name: &str, kind: &str, merged: &super::merge::Merged) -> Split {
        let t = merged.test;
        Split {
            predictor,
            name: name.to_string(),
            statistic_kind: kind.to_string(),
            statistic: t.statistic,
            df1: t.df1,
            df2: t.df2,
            p: t.ln_p.exp(),
            ln_p: t.ln_p,
            bonferroni: merged.ln_bonferroni.exp(),
            adj_p: merged.adj_ln_p.exp(),
            adj_ln_p: merged.adj_ln_p,
            groups: merged.groups.iter().map(|g| g.codes.clone()).collect(),
        }
    }
}
