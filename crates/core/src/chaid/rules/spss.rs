//! Rules as SPSS syntax, in the form SPSS Decision Trees exports them ("assign values to
//! cases"): per node a comment and a DO IF that sets the node (`nod_001`) and, where the node
//! may state it, the predicted value (`pre_001`). `nod_001` starts system-missing and every
//! DO IF asks for it still to be, so the first rule a case meets is its node, as in the SQL.

use super::{rules, stated, Allowed, Condition};
use crate::chaid::published::PublishedTree;
use crate::chaid::tree::{Tree, VariableInfo};

fn text_literal(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn number_literal(x: f64) -> String {
    format!("{x:?}").trim_end_matches(".0").to_string()
}

fn condition(c: &Condition, v: &VariableInfo) -> String {
    let name = &v.name;
    let mut parts: Vec<String> = match c.allowed(v) {
        Allowed::Texts(t) if !t.is_empty() => {
            vec![format!(
                "ANY({name}, {})",
                t.iter().map(|s| text_literal(s)).collect::<Vec<_>>().join(", ")
            )]
        }
        Allowed::Numbers(n) if !n.is_empty() => {
            vec![format!(
                "ANY({name}, {})",
                n.iter().map(|&x| number_literal(x)).collect::<Vec<_>>().join(", ")
            )]
        }
        Allowed::Intervals(runs) => runs
            .into_iter()
            .map(|run| match run {
                (None, None) => format!("NOT MISSING({name})"),
                (None, Some(u)) => format!("{name} LE {}", number_literal(u)),
                (Some(l), None) => format!("{name} GT {}", number_literal(l)),
                (Some(l), Some(u)) => format!("({name} GT {} AND {name} LE {})", number_literal(l), number_literal(u)),
            })
            .collect(),
        _ => Vec::new(),
    };
    if c.missing(v) {
        parts.push(if v.numeric || v.cut_points.is_some() {
            format!("MISSING({name})")
        } else {
            format!("RTRIM({name}) = \"\"")
        });
    }
    match parts.len() {
        0 => "0".to_string(),
        1 => parts.remove(0),
        _ => format!("({})", parts.join(" OR ")),
    }
}

/// The syntax; `tree` gives the structure, `published` what each node may state.
pub fn syntax(tree: &Tree, published: &PublishedTree) -> String {
    let mut out = format!(
        "* Perspectief: CHAID-boom voor {} (knoop in nod_001, voorspelling in pre_001).\nNUMERIC nod_001 (F8.0).\n",
        tree.target.name
    );
    let width = tree.target.categories.iter().map(|c| c.len()).max().unwrap_or(1).max(1);
    let scale = tree.target.categories.is_empty();
    out.push_str(&if scale {
        "NUMERIC pre_001 (F12.4).\n".to_string()
    } else {
        format!("STRING pre_001 (A{width}).\n")
    });
    for r in rules(tree) {
        let when: Vec<String> = r
            .conditions
            .iter()
            .map(|c| condition(c, &tree.predictors[c.predictor]))
            .collect();
        let when = if when.is_empty() {
            "1".to_string()
        } else {
            when.join(" AND ")
        };
        out.push_str(&format!(
            "/* Knoop {} */.\nDO IF SYSMIS(nod_001) AND ({when}).\nCOMPUTE nod_001 = {}.\n",
            r.node, r.node
        ));
        let s = stated(published, r.node);
        if let Some((class, _)) = &s.predicted {
            out.push_str(&format!("COMPUTE pre_001 = {}.\n", text_literal(class)));
        } else if let (Some(mean), true) = (s.mean, s.n.is_some()) {
            out.push_str(&format!("COMPUTE pre_001 = {}.\n", number_literal(mean)));
        }
        out.push_str("END IF.\n");
    }
    out.push_str("EXECUTE.\n");
    out
}
