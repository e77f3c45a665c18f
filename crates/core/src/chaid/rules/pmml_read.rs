//! Reading a PMML `TreeModel` (ours, or another tool's that uses the same parts of PMML 4.4)
//! and putting rows through it: `SimplePredicate`, `SimpleSetPredicate`, `CompoundPredicate`
//! (and, or, xor, surrogate), `True` and `False`, with `missingValueStrategy="none"` (a
//! comparison with a missing value is false) and `noTrueChildStrategy="returnLastPrediction"`
//! (no child's predicate true: the row stays where it is). The scorer gives a node per row
//! only to code in this crate: what leaves it is aggregated (see [`crate::chaid::wave`]).

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use serde::{Deserialize, Serialize};

/// At most this many nodes (a bound on the work a file can ask for).
pub const MAX_NODES: usize = 100_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PmmlError {
    /// Not well-formed XML, at this byte.
    NotXml {
        position: u64,
        message: String,
    },
    /// No `TreeModel` in the file.
    NoTreeModel,
    /// The `TreeModel` has no `Node`.
    NoRootNode,
    MissingAttribute {
        element: String,
        attribute: String,
    },
    /// A predicate names a field the `DataDictionary` does not have.
    UnknownField {
        field: String,
    },
    /// A part of PMML this reader does not score with.
    Unsupported {
        element: String,
    },
    BadNumber {
        element: String,
        value: String,
    },
    TooManyNodes {
        limit: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    IsMissing,
    IsNotMissing,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    And,
    Or,
    Xor,
    Surrogate,
}

#[derive(Debug, Clone, PartialEq)]
enum Predicate {
    True,
    False,
    Simple {
        field: usize,
        op: Op,
        value: Option<String>,
    },
    Set {
        field: usize,
        is_in: bool,
        values: Vec<String>,
    },
    Compound {
        join: Join,
        parts: Vec<Predicate>,
    },
}

/// A data field: its name and whether its values are numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub numeric: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PmmlNode {
    pub id: String,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    predicate: Predicate,
    pub score: Option<String>,
    pub record_count: Option<f64>,
    /// (class, record count, probability) as the node states them.
    pub distribution: Vec<(String, f64, Option<f64>)>,
}

/// A value of a row, as the scorer reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    Missing,
    Text(&'a str),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PmmlTree {
    pub fields: Vec<Field>,
    pub target: String,
    /// The target's categories (its `Value`s); empty for a regression tree.
    pub classes: Vec<String>,
    pub regression: bool,
    /// In document order: the root first, every node after its parent.
    pub nodes: Vec<PmmlNode>,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn required(e: &BytesStart, name: &str) -> Result<String, PmmlError> {
    attr(e, name).ok_or_else(|| PmmlError::MissingAttribute {
        element: local(e),
        attribute: name.to_string(),
    })
}

fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// The tokens of an `Array`: whitespace-separated, or in double quotes with `\"` escapes.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            s.push(n);
                        }
                    }
                    '"' => break,
                    _ => s.push(c),
                }
            }
            out.push(s);
        } else {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                s.push(c);
                chars.next();
            }
            out.push(s);
        }
    }
    out
}

fn entity(name: &str) -> String {
    match name {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        _ => {
            let code = name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()));
            code.and_then(char::from_u32).map(String::from).unwrap_or_default()
        }
    }
}

/// A predicate being read: its element and the parts read so far.
enum Open {
    Compound(Join, Vec<Predicate>),
    Set {
        field: usize,
        is_in: bool,
        text: Option<String>,
    },
}

impl PmmlTree {
    pub fn parse(text: &str) -> Result<PmmlTree, PmmlError> {
        let mut reader = Reader::from_str(text);
        let mut fields: Vec<Field> = Vec::new();
        let mut values_of: Vec<Vec<String>> = Vec::new();
        let mut target: Option<String> = None;
        let mut function = String::new();
        let mut in_model = false;
        let mut nodes: Vec<PmmlNode> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut open: Vec<Open> = Vec::new();
        let field_index = |fields: &[Field], name: &str| {
            fields
                .iter()
                .position(|f| f.name == name)
                .ok_or_else(|| PmmlError::UnknownField {
                    field: name.to_string(),
                })
        };
        loop {
            let event = reader.read_event().map_err(|e| PmmlError::NotXml {
                position: reader.buffer_position(),
                message: e.to_string(),
            })?;
            let (e, empty) = match &event {
                Event::Start(e) => (Some(e.clone()), false),
                Event::Empty(e) => (Some(e.clone()), true),
                Event::Text(t) => {
                    if let Some(Open::Set { text: Some(s), .. }) = open.last_mut() {
                        s.push_str(&t.xml10_content());
                    }
                    continue;
                }
                Event::GeneralRef(r) => {
                    if let Some(Open::Set { text: Some(s), .. }) = open.last_mut() {
                        s.push_str(&entity(&r.xml10_content()));
                    }
                    continue;
                }
                Event::End(e) => {
                    let name = e.local_name().as_ref().to_string();
                    match name.as_str() {
                        "Node" if in_model => {
                            stack.pop();
                        }
                        "TreeModel" => in_model = false,
                        "CompoundPredicate" | "SimpleSetPredicate" if in_model => {
                            let done = match open.pop() {
                                Some(Open::Compound(join, parts)) => Predicate::Compound { join, parts },
                                Some(Open::Set { field, is_in, text }) => Predicate::Set {
                                    field,
                                    is_in,
                                    values: tokens(&text.unwrap_or_default()),
                                },
                                None => continue,
                            };
                            place(&mut nodes, &stack, &mut open, done);
                        }
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let Some(e) = e else { continue };
            let name = local(&e);
            match name.as_str() {
                "DataField" => {
                    let data_type = attr(&e, "dataType").unwrap_or_default();
                    fields.push(Field {
                        name: required(&e, "name")?,
                        numeric: matches!(data_type.as_str(), "double" | "float" | "integer"),
                    });
                    values_of.push(Vec::new());
                }
                "Value" if !in_model => {
                    if let Some(v) = values_of.last_mut() {
                        v.push(required(&e, "value")?);
                    }
                }
                "TreeModel" => {
                    in_model = true;
                    function = attr(&e, "functionName").unwrap_or_default();
                    for (key, wanted) in [
                        ("missingValueStrategy", "none"),
                        ("noTrueChildStrategy", "returnLastPrediction"),
                    ] {
                        if let Some(v) = attr(&e, key).filter(|v| v != wanted) {
                            return Err(PmmlError::Unsupported {
                                element: format!("TreeModel {key}=\"{v}\""),
                            });
                        }
                    }
                }
                "MiningField"
                    if in_model && matches!(attr(&e, "usageType").as_deref(), Some("target" | "predicted")) =>
                {
                    target = Some(required(&e, "name")?);
                }
                "Node" if in_model => {
                    if nodes.len() >= MAX_NODES {
                        return Err(PmmlError::TooManyNodes { limit: MAX_NODES });
                    }
                    let record_count = match attr(&e, "recordCount") {
                        Some(v) => Some(v.parse::<f64>().map_err(|_| PmmlError::BadNumber {
                            element: "Node".into(),
                            value: v,
                        })?),
                        None => None,
                    };
                    let parent = stack.last().copied();
                    let id = nodes.len();
                    nodes.push(PmmlNode {
                        id: attr(&e, "id").unwrap_or_else(|| id.to_string()),
                        parent,
                        children: Vec::new(),
                        predicate: Predicate::True,
                        score: attr(&e, "score"),
                        record_count,
                        distribution: Vec::new(),
                    });
                    if let Some(p) = parent {
                        nodes[p].children.push(id);
                    }
                    if !empty {
                        stack.push(id);
                    }
                }
                "ScoreDistribution" if in_model => {
                    if let Some(&at) = stack.last() {
                        let number = |k: &str| -> Result<Option<f64>, PmmlError> {
                            attr(&e, k)
                                .map(|v| {
                                    v.parse::<f64>().map_err(|_| PmmlError::BadNumber {
                                        element: "ScoreDistribution".into(),
                                        value: v,
                                    })
                                })
                                .transpose()
                        };
                        let count = number("recordCount")?.unwrap_or(0.0);
                        let probability = number("probability")?;
                        nodes[at]
                            .distribution
                            .push((required(&e, "value")?, count, probability));
                    }
                }
                "True" | "False" | "SimplePredicate" if in_model => {
                    let p = match name.as_str() {
                        "True" => Predicate::True,
                        "False" => Predicate::False,
                        _ => {
                            let op = match required(&e, "operator")?.as_str() {
                                "equal" => Op::Equal,
                                "notEqual" => Op::NotEqual,
                                "lessThan" => Op::Less,
                                "lessOrEqual" => Op::LessOrEqual,
                                "greaterThan" => Op::Greater,
                                "greaterOrEqual" => Op::GreaterOrEqual,
                                "isMissing" => Op::IsMissing,
                                "isNotMissing" => Op::IsNotMissing,
                                other => {
                                    return Err(PmmlError::Unsupported {
                                        element: format!("SimplePredicate operator=\"{other}\""),
                                    })
                                }
                            };
                            Predicate::Simple {
                                field: field_index(&fields, &required(&e, "field")?)?,
                                op,
                                value: attr(&e, "value"),
                            }
                        }
                    };
                    place(&mut nodes, &stack, &mut open, p);
                }
                "CompoundPredicate" if in_model => {
                    let join = match required(&e, "booleanOperator")?.as_str() {
                        "and" => Join::And,
                        "or" => Join::Or,
                        "xor" => Join::Xor,
                        _ => Join::Surrogate,
                    };
                    if empty {
                        place(
                            &mut nodes,
                            &stack,
                            &mut open,
                            Predicate::Compound {
                                join,
                                parts: Vec::new(),
                            },
                        );
                    } else {
                        open.push(Open::Compound(join, Vec::new()));
                    }
                }
                "SimpleSetPredicate" if in_model => {
                    let field = field_index(&fields, &required(&e, "field")?)?;
                    let is_in = required(&e, "booleanOperator")? == "isIn";
                    open.push(Open::Set {
                        field,
                        is_in,
                        text: None,
                    });
                }
                "Array" if in_model => {
                    if let Some(Open::Set { text, .. }) = open.last_mut() {
                        *text = Some(String::new());
                    }
                }
                "Partition" | "EmbeddedModel" | "Regression" | "DecisionTree" if in_model => {
                    return Err(PmmlError::Unsupported { element: name });
                }
                _ => {}
            }
        }
        if nodes.is_empty() {
            return Err(if function.is_empty() {
                PmmlError::NoTreeModel
            } else {
                PmmlError::NoRootNode
            });
        }
        let target = target.unwrap_or_default();
        let classes = fields
            .iter()
            .position(|f| f.name == target)
            .map(|i| values_of[i].clone())
            .unwrap_or_default();
        Ok(PmmlTree {
            fields,
            target,
            classes,
            regression: function == "regression",
            nodes,
        })
    }

    /// The index of a field by name.
    pub fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// The node (index into `nodes`) a row ends in; `value(field)` gives its value of each field.
    pub fn node_of<'v>(&self, value: &dyn Fn(usize) -> Value<'v>) -> usize {
        let mut at = 0;
        loop {
            match self.nodes[at]
                .children
                .iter()
                .find(|&&c| self.holds(&self.nodes[c].predicate, value))
            {
                Some(&c) => at = c,
                None => return at,
            }
        }
    }

    fn holds<'v>(&self, p: &Predicate, value: &dyn Fn(usize) -> Value<'v>) -> bool {
        match p {
            Predicate::True => true,
            Predicate::False => false,
            Predicate::Simple { field, op, value: v } => {
                let x = value(*field);
                match op {
                    Op::IsMissing => x == Value::Missing,
                    Op::IsNotMissing => x != Value::Missing,
                    _ => compare(x, v.as_deref(), self.fields[*field].numeric).is_some_and(|o| match op {
                        Op::Equal => o.is_eq(),
                        Op::NotEqual => o.is_ne(),
                        Op::Less => o.is_lt(),
                        Op::LessOrEqual => o.is_le(),
                        Op::Greater => o.is_gt(),
                        Op::GreaterOrEqual => o.is_ge(),
                        Op::IsMissing | Op::IsNotMissing => unreachable!(),
                    }),
                }
            }
            Predicate::Set { field, is_in, values } => {
                let x = value(*field);
                if x == Value::Missing {
                    return false;
                }
                let found = values
                    .iter()
                    .any(|v| compare(x, Some(v), self.fields[*field].numeric) == Some(std::cmp::Ordering::Equal));
                found == *is_in
            }
            Predicate::Compound { join, parts } => match join {
                Join::And => parts.iter().all(|q| self.holds(q, value)),
                Join::Or | Join::Surrogate => parts.iter().any(|q| self.holds(q, value)),
                Join::Xor => parts.iter().filter(|q| self.holds(q, value)).count() % 2 == 1,
            },
        }
    }
}

/// A row's value against a predicate's, as numbers for a numeric field; `None` when missing or
/// not comparable.
fn compare(x: Value, v: Option<&str>, numeric: bool) -> Option<std::cmp::Ordering> {
    let v = v?;
    match x {
        Value::Missing => None,
        Value::Number(a) => a.partial_cmp(&v.trim().parse::<f64>().ok()?),
        Value::Text(t) if numeric => t
            .trim()
            .parse::<f64>()
            .ok()?
            .partial_cmp(&v.trim().parse::<f64>().ok()?),
        Value::Text(t) => Some(t.cmp(v)),
    }
}

/// Put a finished predicate where it belongs: in the compound being read, or as the node's own.
fn place(nodes: &mut [PmmlNode], stack: &[usize], open: &mut [Open], p: Predicate) {
    match open.last_mut() {
        Some(Open::Compound(_, parts)) => parts.push(p),
        Some(Open::Set { .. }) => {}
        None => {
            if let Some(&at) = stack.last() {
                nodes[at].predicate = p;
            }
        }
    }
}
