//! The national CHAID tree: one outcome dummy explained by registration fields a steunpunt has
//! ([`PREDICTORS`]), through the disclosure rule, with every node's path as conditions on
//! category labels, so that a steunpunt can put its own persons in the nodes.
//!
//! The predictors are none of the published dimensions (nor derived from one, such as the
//! region of a country): a split on one of those, beside that dimension's own table, would give
//! back the count of a small group by subtraction. Predictor values below the threshold, or
//! exposing the rest of the country, go into "overig" and are never listed. A node whose counts
//! would let a steunpunt learn a count below the threshold about the others is pruned away.

use serde::{Deserialize, Serialize};

use super::categories::{coarsen, group_of, nominal_key, Group, Kind, OTHER, UNKNOWN};
use super::differencing::exposed;
use super::figures::{key_counts, percent, Options};
use crate::chaid::data::{Dataset, Level, RawColumn, Spec};
use crate::chaid::edit::{apply, path_of, TreeEdit};
use crate::chaid::published::PublishedTree;
use crate::chaid::report::report;
use crate::chaid::{fit, ChaidParams, Tree};
use crate::disclosure::{Count, Line};

/// Registration fields the tree may split on: known to both sides, none a published dimension,
/// none sensitive (no doctor's treatment or diagnosis).
pub const PREDICTORS: [&str; 4] = ["geslacht", "traject", "kinderen_nl", "vastlopend"];

/// A predictor and its categories (rare values in "overig").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreePredictor {
    pub name: String,
    pub groups: Vec<Group>,
}

/// One condition of a path: the predictor's category is one of `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathCondition {
    pub predictor: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreeNode {
    pub id: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// The predictor the node splits on.
    pub split: Option<String>,
    /// The categories of the parent's split that lead here (empty at the root).
    pub branch: Vec<String>,
    /// Every condition from the root (one per predictor, intersected).
    pub path: Vec<PathCondition>,
    pub n: Count,
    /// Per class of the target.
    pub counts: Vec<Count>,
    pub percents: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NationalTree {
    /// The outcome dummy (`mob`).
    pub target: String,
    /// Its classes (`ja`, `nee`).
    pub classes: Vec<String>,
    /// The class whose share the comparison shows (`ja`).
    pub class: usize,
    pub predictors: Vec<TreePredictor>,
    pub nodes: Vec<TreeNode>,
}

/// Where a person's walk down the tree ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Walk {
    pub node: usize,
    /// False when it stopped at an inner node: a category the split does not know.
    pub complete: bool,
}

impl NationalTree {
    /// The category label of predictor `p` for a value of the analysis file's column.
    pub fn label(&self, p: usize, col: &RawColumn, row: usize) -> String {
        let groups = &self.predictors[p].groups;
        group_of(groups, &nominal_key(col, row)).map_or_else(|| OTHER.to_string(), |g| groups[g].label.clone())
    }

    /// The node a person with these category labels (by predictor name) ends in.
    pub fn walk(&self, label: impl Fn(&str) -> Option<String>) -> Walk {
        let mut at = 0;
        loop {
            let node = &self.nodes[at];
            let Some(split) = &node.split else {
                return Walk {
                    node: at,
                    complete: true,
                };
            };
            let value = label(split).unwrap_or_else(|| UNKNOWN.to_string());
            match node.children.iter().find(|&&c| self.nodes[c].branch.contains(&value)) {
                Some(&c) => at = c,
                None => {
                    return Walk {
                        node: at,
                        complete: false,
                    }
                }
            }
        }
    }

    /// Every person's walk, from the analysis file's columns (`None` for a missing column).
    pub fn walks(&self, columns: &[(&str, &RawColumn)], rows: usize) -> Vec<Walk> {
        let cols: Vec<Option<&RawColumn>> = self
            .predictors
            .iter()
            .map(|p| columns.iter().find(|(n, _)| *n == p.name).map(|(_, c)| *c))
            .collect();
        (0..rows)
            .map(|r| {
                self.walk(|name| {
                    let p = self.predictors.iter().position(|p| p.name == name)?;
                    cols[p].map(|c| self.label(p, c, r))
                })
            })
            .collect()
    }

    /// The node and its ancestors, the node first.
    pub fn ancestors(&self, node: usize) -> Vec<usize> {
        let mut out = vec![node];
        while let Some(p) = self.nodes[*out.last().expect("a node")].parent {
            out.push(p);
        }
        out
    }

    /// The published counts as entries: per node its class counts, then every node's N.
    pub fn entries(&self) -> Vec<Count> {
        let mut out: Vec<Count> = self.nodes.iter().flat_map(|n| n.counts.iter().copied()).collect();
        out.extend(self.nodes.iter().map(|n| n.n));
        out
    }

    /// The sums that link the entries: a node's classes to its N, the children to their parent.
    pub fn lines(&self) -> Vec<Line> {
        let k = self.classes.len();
        let count = |node: usize, class: usize| node * k + class;
        let n = |node: usize| self.nodes.len() * k + node;
        let mut lines = Vec::new();
        for node in &self.nodes {
            lines.push(Line::new((0..k).map(|c| count(node.id, c)).collect(), n(node.id), true));
            if !node.children.is_empty() {
                for c in 0..k {
                    lines.push(Line::new(
                        node.children.iter().map(|&ch| count(ch, c)).collect(),
                        count(node.id, c),
                        false,
                    ));
                }
                lines.push(Line::new(
                    node.children.iter().map(|&ch| n(ch)).collect(),
                    n(node.id),
                    false,
                ));
            }
        }
        lines
    }

    /// Entries (as [`NationalTree::entries`]) of persons with these walks and classes (persons
    /// without a class are not in the tree).
    pub fn counted(&self, walks: &[Walk], classes: &[Option<usize>]) -> Vec<u64> {
        let k = self.classes.len();
        let mut out = vec![0u64; self.nodes.len() * (k + 1)];
        for (w, c) in walks.iter().zip(classes) {
            let Some(c) = c else { continue };
            for a in self.ancestors(w.node) {
                out[self.nodes.len() * k + a] += 1;
                out[a * k + c] += 1;
            }
        }
        out
    }

    /// Each person's class of the target (`None`: missing or another value).
    pub fn classes_of(&self, columns: &[(&str, &RawColumn)], rows: usize) -> Vec<Option<usize>> {
        let col = columns.iter().find(|(n, _)| *n == self.target).map(|(_, c)| *c);
        (0..rows)
            .map(|r| {
                let RawColumn::Text(t) = col? else {
                    return None;
                };
                let v = t.get(r)?;
                self.classes.iter().position(|c| c == v)
            })
            .collect()
    }
}

/// The published tree in category labels.
fn convert(tree: &Tree, published: &PublishedTree, predictors: Vec<TreePredictor>) -> NationalTree {
    let label = |p: usize, code: usize| {
        tree.predictors[p]
            .categories
            .get(code)
            .cloned()
            .unwrap_or_else(|| UNKNOWN.to_string())
    };
    let mut nodes: Vec<TreeNode> = Vec::new();
    for (n, p) in tree.nodes.iter().zip(&published.nodes) {
        let branch: Vec<String> = match (n.parent, &n.branch) {
            (Some(parent), Some(b)) => {
                let s = tree.nodes[parent].split.as_ref().expect("a split parent");
                b.codes.iter().map(|&c| label(s.predictor, c)).collect()
            }
            _ => Vec::new(),
        };
        let mut path = n.parent.map_or_else(Vec::new, |parent| nodes[parent].path.clone());
        if let Some(parent) = n.parent {
            let name = tree.nodes[parent].split.as_ref().expect("a split parent").name.clone();
            match path.iter_mut().find(|c: &&mut PathCondition| c.predictor == name) {
                Some(c) => c.values.retain(|v| branch.contains(v)),
                None => path.push(PathCondition {
                    predictor: name,
                    values: branch.clone(),
                }),
            }
        }
        nodes.push(TreeNode {
            id: n.id,
            parent: n.parent,
            children: n.children.clone(),
            split: n.split.as_ref().map(|s| s.name.clone()),
            branch,
            path,
            n: p.n,
            percents: p.counts.iter().map(|&c| percent(c, p.n)).collect(),
            counts: p.counts.clone(),
        });
    }
    let classes = published.categories.clone();
    NationalTree {
        target: published.target.clone(),
        class: classes.iter().position(|c| c == "ja").unwrap_or(0),
        classes,
        predictors,
        nodes,
    }
}

/// The tree on the researcher's analysis file: grown with SPSS's defaults, then pruned until no
/// steunpunt can learn a count below the threshold about the others (`None`: not even the root
/// can be published, or there is nothing to grow).
pub(crate) fn grow(
    columns: &[(&str, &RawColumn)],
    steunpunt_of: &[usize],
    steunpunten: usize,
    options: &Options,
) -> Option<NationalTree> {
    let threshold = options.threshold;
    let rows = steunpunt_of.len();
    let target = columns.iter().find(|(n, _)| *n == options.tree_target)?.1;
    let mut predictors = Vec::new();
    let mut labelled: Vec<(String, RawColumn)> = Vec::new();
    for name in PREDICTORS {
        let Some((_, col)) = columns.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let person: Vec<String> = (0..rows).map(|r| nominal_key(col, r)).collect();
        let mut keys: Vec<String> = person.clone();
        keys.sort();
        keys.dedup();
        let counts = key_counts(&person, keys, steunpunt_of, steunpunten);
        let kind = Kind::Nominal {
            catch_all: OTHER,
            list_catch_all: false,
        };
        let groups = coarsen(&counts, kind, threshold, options.differencing, false);
        let values = RawColumn::text(
            person
                .iter()
                .map(|k| group_of(&groups, k).map(|g| groups[g].label.clone())),
        );
        predictors.push(TreePredictor {
            name: name.to_string(),
            groups,
        });
        labelled.push((name.to_string(), values));
    }
    let mut refs: Vec<(&str, &RawColumn)> = labelled.iter().map(|(n, c)| (n.as_str(), c)).collect();
    refs.push((options.tree_target.as_str(), target));
    let spec = Spec {
        target: options.tree_target.clone(),
        target_level: Level::Nominal,
        predictors: predictors.iter().map(|p| (p.name.clone(), Level::Nominal)).collect(),
        freq_weight: None,
        case_weight: None,
        intervals: 10,
    };
    let data = Dataset::build_from(&refs, &spec).ok()?;
    let mut tree = fit(&data, &ChaidParams::default().check().ok()?).ok()?;
    loop {
        let published = report(tree.clone(), &data, None, None).publish(threshold);
        let national = convert(&tree, &published, predictors.clone());
        let walks = national.walks(&refs, rows);
        let classes = national.classes_of(&refs, rows);
        let (entries, lines) = (national.entries(), national.lines());
        let mut failing = None;
        if options.differencing {
            for s in 0..steunpunten {
                let mine: Vec<bool> = steunpunt_of.iter().map(|&x| x == s).collect();
                let pick = |v: &[Walk]| {
                    v.iter()
                        .zip(&mine)
                        .filter(|(_, &m)| m)
                        .map(|(w, _)| *w)
                        .collect::<Vec<_>>()
                };
                let own_classes: Vec<Option<usize>> =
                    classes.iter().zip(&mine).filter(|(_, &m)| m).map(|(c, _)| *c).collect();
                let own = national.counted(&pick(&walks), &own_classes);
                if let Some(r) = exposed(&lines, &entries, &own, threshold).first() {
                    failing = Some(r.entries[0]);
                    break;
                }
            }
        }
        let Some(entry) = failing else {
            return Some(national);
        };
        let k = national.classes.len();
        let node = if entry < national.nodes.len() * k {
            entry / k
        } else {
            entry - national.nodes.len() * k
        };
        let parent = national.nodes[node].parent?;
        let path = path_of(&tree, parent);
        let before = tree.nodes.len();
        tree = apply(tree, &data, &[TreeEdit::Prune { node: path }]).0;
        if tree.nodes.len() >= before {
            return None;
        }
    }
}
