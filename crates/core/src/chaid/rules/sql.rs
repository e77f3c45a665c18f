//! Rules as one SQL query: `SELECT *, CASE WHEN … THEN 3 … ELSE 0 END AS node_id FROM data`,
//! over a table named `data` with the input's column names. Numeric predictors are compared as
//! numbers, text predictors as texts; a missing value is NULL (or, for a text, empty). The
//! first rule a row meets is its node: terminal nodes first, then inner nodes deepest first,
//! and the root as the ELSE.

use super::{rules, sql_identifier, written, Condition, Dialect};
use crate::chaid::tree::{Tree, VariableInfo};

const SQL: Dialect = Dialect {
    column: sql_identifier,
    text: |s| format!("'{}'", s.replace('\'', "''")),
    one_of: |col, values| format!("{col} IN ({})", values.join(", ")),
    le: "<=",
    gt: ">",
    and: "AND",
    or: "OR",
    present: |col| format!("{col} IS NOT NULL"),
    missing_number: |col| format!("{col} IS NULL"),
    missing_text: |col| format!("({col} IS NULL OR {col} = '')"),
    never: "1 = 0",
};

fn condition(c: &Condition, v: &VariableInfo) -> String {
    written(c, v, &SQL)
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
