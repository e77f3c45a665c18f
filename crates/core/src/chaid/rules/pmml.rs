//! A tree as a PMML 4.4 `TreeModel`, whose `Node` ids are the report's node ids. Each child's
//! predicate is its branch of the parent's split: a `SimpleSetPredicate` over texts or numbers,
//! intervals of a binned scale predictor as `lessOrEqual` / `greaterThan`, and the missing
//! category as `isMissing`, joined by `or`. `missingValueStrategy="none"` (a comparison with a
//! missing value is false) and `noTrueChildStrategy="returnLastPrediction"` (a value the tree
//! has not seen stops where it is) score a row to the node the tree puts it in.
//!
//! What a node states comes from the published tree: its record count and class counts only
//! when shown; a node too small to state its prediction predicts what its nearest ancestor
//! that may state one does, and says so in an `Extension`.

use super::{number_literal, Allowed, Condition};
use crate::chaid::published::PublishedTree;
use crate::chaid::tree::{Tree, VariableInfo};
use crate::chaid::Level;

/// The PMML 4.4 XML namespace: a name that identifies the format (nothing is fetched).
pub const NAMESPACE: &str = "http://www.dmg.org/PMML-4_4";

pub(crate) fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A string in a PMML `Array`: in double quotes, with `\"` and `\\` escaped.
fn array_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn data_field(v: &VariableInfo, target: bool) -> String {
    let name = xml(&v.name);
    match v.level {
        Level::Scale if v.categories.is_empty() => {
            format!("    <DataField name=\"{name}\" optype=\"continuous\" dataType=\"double\"/>\n")
        }
        _ if v.cut_points.is_some() => {
            format!("    <DataField name=\"{name}\" optype=\"continuous\" dataType=\"double\"/>\n")
        }
        _ => {
            let data_type = if v.numeric { "double" } else { "string" };
            if target {
                let values: String = v
                    .categories
                    .iter()
                    .map(|c| format!("      <Value value=\"{}\"/>\n", xml(c)))
                    .collect();
                format!("    <DataField name=\"{name}\" optype=\"categorical\" dataType=\"{data_type}\">\n{values}    </DataField>\n")
            } else {
                format!("    <DataField name=\"{name}\" optype=\"categorical\" dataType=\"{data_type}\"/>\n")
            }
        }
    }
}

/// The predicate of a branch (`codes` of the parent's split predictor `v`).
fn predicate(c: &Condition, v: &VariableInfo) -> String {
    let field = xml(&v.name);
    let simple = |op: &str, value: Option<f64>| match value {
        Some(x) => format!(
            "<SimplePredicate field=\"{field}\" operator=\"{op}\" value=\"{}\"/>",
            number_literal(x)
        ),
        None => format!("<SimplePredicate field=\"{field}\" operator=\"{op}\"/>"),
    };
    let mut parts: Vec<String> = match c.allowed(v) {
        Allowed::Texts(t) if !t.is_empty() => vec![format!(
            "<SimpleSetPredicate field=\"{field}\" booleanOperator=\"isIn\"><Array n=\"{}\" type=\"string\">{}</Array></SimpleSetPredicate>",
            t.len(),
            xml(&t.iter().map(|s| array_string(s)).collect::<Vec<_>>().join(" "))
        )],
        Allowed::Numbers(n) if !n.is_empty() => vec![format!(
            "<SimpleSetPredicate field=\"{field}\" booleanOperator=\"isIn\"><Array n=\"{}\" type=\"real\">{}</Array></SimpleSetPredicate>",
            n.len(),
            n.iter().map(|&x| number_literal(x)).collect::<Vec<_>>().join(" ")
        )],
        Allowed::Intervals(runs) => runs
            .into_iter()
            .map(|run| match run {
                (None, None) => simple("isNotMissing", None),
                (None, Some(u)) => simple("lessOrEqual", Some(u)),
                (Some(l), None) => simple("greaterThan", Some(l)),
                (Some(l), Some(u)) => format!(
                    "<CompoundPredicate booleanOperator=\"and\">{}{}</CompoundPredicate>",
                    simple("greaterThan", Some(l)),
                    simple("lessOrEqual", Some(u))
                ),
            })
            .collect(),
        _ => Vec::new(),
    };
    if c.missing(v) {
        parts.push(simple("isMissing", None));
    }
    match parts.len() {
        0 => "<False/>".to_string(),
        1 => parts.remove(0),
        _ => format!(
            "<CompoundPredicate booleanOperator=\"or\">{}</CompoundPredicate>",
            parts.concat()
        ),
    }
}

/// The score a node may state: its own when its N is shown, else its nearest such ancestor's.
fn score(tree: &Tree, published: &PublishedTree, id: usize) -> (Option<String>, bool) {
    let mut at = Some(id);
    let mut own = true;
    while let Some(i) = at {
        let p = &published.nodes[i];
        if p.n.n.is_some() {
            let s = if tree.is_scale() {
                p.mean.map(number_literal)
            } else {
                p.predicted.and_then(|c| published.categories.get(c).cloned())
            };
            if s.is_some() {
                return (s, own);
            }
        }
        own = false;
        at = p.parent;
    }
    (None, false)
}

fn node(tree: &Tree, published: &PublishedTree, id: usize, depth: usize, out: &mut String) {
    let n = &tree.nodes[id];
    let p = &published.nodes[id];
    let pad = "  ".repeat(depth + 2);
    let (score, own) = score(tree, published, id);
    let mut attrs = format!("id=\"{id}\"");
    if let Some(s) = &score {
        attrs.push_str(&format!(" score=\"{}\"", xml(s)));
    }
    if let Some(count) = p.n.n {
        attrs.push_str(&format!(" recordCount=\"{count}\""));
    }
    out.push_str(&format!("{pad}<Node {attrs}>\n"));
    if !own {
        out.push_str(&format!(
            "{pad}  <Extension name=\"perspectief\" value=\"small node: counts not shown, score of the nearest node that may state one\"/>\n"
        ));
    }
    let pred = match (n.parent, &n.branch) {
        (Some(parent), Some(branch)) => {
            let split = tree.nodes[parent].split.as_ref().expect("a parent is split");
            let c = Condition {
                predictor: split.predictor,
                codes: branch.codes.clone(),
            };
            predicate(&c, &tree.predictors[split.predictor])
        }
        _ => "<True/>".to_string(),
    };
    out.push_str(&format!("{pad}  {pred}\n"));
    // Class counts only when every one of them is shown.
    let counts: Option<Vec<u64>> = p.counts.iter().map(|c| c.n).collect();
    if let (Some(counts), Some(total)) = (counts.filter(|c| !c.is_empty()), p.n.n.filter(|&t| t > 0)) {
        for (class, count) in published.categories.iter().zip(counts) {
            out.push_str(&format!(
                "{pad}  <ScoreDistribution value=\"{}\" recordCount=\"{count}\" probability=\"{}\"/>\n",
                xml(class),
                number_literal(count as f64 / total as f64)
            ));
        }
    }
    for &child in &n.children {
        node(tree, published, child, depth + 1, out);
    }
    out.push_str(&format!("{pad}</Node>\n"));
}

/// The PMML document.
pub fn document(tree: &Tree, published: &PublishedTree) -> String {
    let mut fields: Vec<&VariableInfo> = vec![&tree.target];
    fields.extend(tree.predictors.iter());
    let dictionary: String = fields.iter().enumerate().map(|(i, v)| data_field(v, i == 0)).collect();
    let mining: String = std::iter::once(format!(
        "      <MiningField name=\"{}\" usageType=\"target\"/>\n",
        xml(&tree.target.name)
    ))
    .chain(tree.predictors.iter().map(|v| {
        format!(
            "      <MiningField name=\"{}\" usageType=\"active\" missingValueTreatment=\"asIs\" invalidValueTreatment=\"asIs\"/>\n",
            xml(&v.name)
        )
    }))
    .collect();
    let function = if tree.is_scale() {
        "regression"
    } else {
        "classification"
    };
    let mut nodes = String::new();
    node(tree, published, 0, 0, &mut nodes);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PMML xmlns=\"{NAMESPACE}\" version=\"4.4\">\n  <Header description=\"CHAID tree for {target}, from Perspectief; counts below {t} are not shown\">\n    <Application name=\"Perspectief\" version=\"{version}\"/>\n  </Header>\n  <DataDictionary numberOfFields=\"{nf}\">\n{dictionary}  </DataDictionary>\n  <TreeModel modelName=\"{target}\" functionName=\"{function}\" algorithmName=\"CHAID\" splitCharacteristic=\"multiSplit\" missingValueStrategy=\"none\" noTrueChildStrategy=\"returnLastPrediction\">\n    <MiningSchema>\n{mining}    </MiningSchema>\n{nodes}  </TreeModel>\n</PMML>\n",
        target = xml(&tree.target.name),
        t = published.threshold,
        version = env!("CARGO_PKG_VERSION"),
        nf = fields.len(),
    )
}
