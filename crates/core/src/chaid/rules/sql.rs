//! Rules as one SQL query: `SELECT *, CASE WHEN … THEN 3 … ELSE 0 END AS node_id FROM data`,
//! over a table named `data` with the input's column names. Numeric predictors are compared as
//! numbers, text predictors as texts; a missing value is NULL (or, for a text, empty). The
//! first rule a row meets is its node: terminal nodes first, then inner nodes deepest first,
//! and the root as the ELSE.

use super::{rules, sql_identifier, Allowed, Condition};
use crate::chaid::tree::{Tree, VariableInfo};

fn text_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A number as SQL reads it back exactly (Rust's shortest round-trip form, never an exponent).
fn number_literal(x: f64) -> String {
    format!("{x:?}").trim_end_matches(".0").to_string()
}

fn condition(c: &Condition, v: &VariableInfo) -> String {
    let col = sql_identifier(&v.name);
    let mut parts: Vec<String> = match c.allowed(v) {
        Allowed::Texts(t) if !t.is_empty() => {
            vec![format!(
                "{col} IN ({})",
                t.iter().map(|s| text_literal(s)).collect::<Vec<_>>().join(", ")
            )]
        }
        Allowed::Numbers(n) if !n.is_empty() => {
            vec![format!(
                "{col} IN ({})",
                n.iter().map(|&x| number_literal(x)).collect::<Vec<_>>().join(", ")
            )]
        }
        Allowed::Intervals(runs) => runs
            .into_iter()
            .map(|run| match run {
                (None, None) => format!("{col} IS NOT NULL"),
                (None, Some(u)) => format!("{col} <= {}", number_literal(u)),
                (Some(l), None) => format!("{col} > {}", number_literal(l)),
                (Some(l), Some(u)) => format!("({col} > {} AND {col} <= {})", number_literal(l), number_literal(u)),
            })
            .collect(),
        _ => Vec::new(),
    };
    if c.missing(v) {
        parts.push(if v.numeric || v.cut_points.is_some() {
            format!("{col} IS NULL")
        } else {
            format!("({col} IS NULL OR {col} = '')")
        });
    }
    match parts.len() {
        0 => "1 = 0".to_string(),
        1 => parts.remove(0),
        _ => format!("({})", parts.join(" OR ")),
    }
}

/// The query.
pub fn query(tree: &Tree) -> String {
    let mut out = String::from("SELECT *,\n  CASE\n");
    let mut root = 0;
    for r in rules(tree) {
        if r.conditions.is_empty() {
            root = r.node;
            continue;
        }
        let when: Vec<String> = r
            .conditions
            .iter()
            .map(|c| condition(c, &tree.predictors[c.predictor]))
            .collect();
        out.push_str(&format!("    WHEN {} THEN {}\n", when.join(" AND "), r.node));
    }
    out.push_str(&format!("    ELSE {root}\n  END AS node_id\nFROM data;\n"));
    out
}
