//! Rules as SPSS syntax, in the form SPSS Decision Trees exports them ("assign values to
//! cases"): per node a comment and a DO IF that sets the node (`nod_001`) and, where the node
//! may state it, the predicted value (`pre_001`). `nod_001` starts system-missing and every
//! DO IF asks for it still to be, so the first rule a case meets is its node, as in the SQL.

use super::{number_literal, rules, stated, written, Condition, Dialect};
use crate::chaid::published::PublishedTree;
use crate::chaid::tree::{Tree, VariableInfo};

fn text_literal(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

const SPSS: Dialect = Dialect {
    column: |name| name.to_string(),
    text: text_literal,
    one_of: |col, values| format!("ANY({col}, {})", values.join(", ")),
    le: "LE",
    gt: "GT",
    and: "AND",
    or: "OR",
    present: |col| format!("NOT MISSING({col})"),
    missing_number: |col| format!("MISSING({col})"),
    missing_text: |col| format!("RTRIM({col}) = \"\""),
    never: "0",
};

fn condition(c: &Condition, v: &VariableInfo) -> String {
    written(c, v, &SPSS)
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
