//! The prosecutor's attack (`disclosure.md`): someone who holds the original
//! analysis file and knows, for each person, everything that follows from the
//! steunpunt, sex, birth date, country, nationality, the intake and outflow
//! dates and the national extract's dates compares every row of a protected
//! file with every original person. A "*" matches anything, a blank only a
//! missing value, a band the values inside it, a whole number the values it
//! rounds down from, a region its countries, a landsdeel its steunpunten, a
//! year its quarters. A row that fewer than k persons match singles them out.
//!
//! Used by the tests, by `perspectief attack`, and by nothing that decides what
//! is written (that is the audit's job): the attack reads the file as text, as
//! an attacker would, without the protection's own codes.

use serde::{Deserialize, Serialize};

use super::hierarchy::{steunpunt_region, ANY};
use super::roles::{assign, Reason, Role, KNOWN_FACTS};
use crate::chaid::data::RawColumn;
use crate::link::countries;

/// What the attack found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttackResult {
    /// Protected rows attacked.
    pub rows: usize,
    /// The known columns compared (in both files).
    pub columns: Vec<String>,
    /// The fewest original persons any protected row matches.
    pub min_matches: usize,
    /// Rows that fewer than k persons match.
    pub rows_below_k: usize,
    /// Rows that exactly one person matches.
    pub unique: usize,
    /// Rows whose original person in the same position is among those it matches (row order as
    /// knowledge: all of them for a file in the original order, few for a shuffled one).
    pub same_position: usize,
    /// What `same_position` would be by chance (the sum over rows of matches / persons).
    pub same_position_by_chance: f64,
}

/// The original's columns an attacker knows: quasi-identifying by the dictionary and computed from
/// known facts only, and the steunpunt's characteristics.
pub fn known_columns(original: &[(&str, &RawColumn)]) -> Vec<String> {
    assign(original, &[])
        .into_iter()
        .filter(|r| {
            r.derived == Role::Quasi
                && match r.reason {
                    Reason::Characteristic => true,
                    Reason::Dictionary => r.sources.iter().all(|s| KNOWN_FACTS.contains(&s.as_str())),
                    _ => false,
                }
        })
        .map(|r| r.column)
        .collect()
}

/// `"15-19"` → (15, 19); negative bounds too (`"-5--1"`).
fn band(label: &str) -> Option<(f64, f64)> {
    let bytes = label.as_bytes();
    let split = (1..bytes.len()).find(|&i| bytes[i] == b'-' && bytes[i - 1].is_ascii_digit())?;
    let low = label[..split].trim().parse::<f64>().ok()?;
    let high = label[split + 1..].trim().parse::<f64>().ok()?;
    Some((low, high))
}

fn number(label: &str) -> Option<f64> {
    crate::ingest::values::parse_number(label.trim())
}

/// What the attacker reads off a protected column as a whole: its explicit texts (for
/// "(overig)", the rare values joined) and its lowest and highest numbers (top- and
/// bottom-coding writes the cap for everything beyond it).
#[derive(Default)]
struct Column {
    labels: std::collections::HashSet<String>,
    low: Option<f64>,
    high: Option<f64>,
}

impl Column {
    fn of(c: &RawColumn) -> Column {
        let mut out = Column::default();
        for r in 0..c.len() {
            if let Some(t) = text(c, r) {
                if let Some(x) = number(&t) {
                    out.low = Some(out.low.map_or(x, |l: f64| l.min(x)));
                    out.high = Some(out.high.map_or(x, |h: f64| h.max(x)));
                }
                out.labels.insert(t);
            }
        }
        out
    }

    /// Whether the cell could have come from the value, knowing how the column was coded.
    fn covers(&self, protected: Option<&str>, original: Option<Value<'_>>) -> bool {
        if covers(protected, original) {
            return true;
        }
        let (Some(p), Some(o)) = (protected, original) else {
            return false;
        };
        if p == super::rare::OTHER {
            let shown = match o {
                Value::Number(x) => crate::chaid::binning::number_label(x),
                Value::Text(t) => t.to_string(),
            };
            return !self.labels.contains(&shown);
        }
        match (number(p), o) {
            (Some(y), Value::Number(x)) => {
                (Some(y) == self.high && x.floor() >= y) || (Some(y) == self.low && x.floor() <= y)
            }
            _ => false,
        }
    }
}

/// Whether a protected cell could have come from this original value.
fn covers(protected: Option<&str>, original: Option<Value<'_>>) -> bool {
    let Some(p) = protected.map(str::trim).filter(|p| !p.is_empty()) else {
        return original.is_none();
    };
    if p == ANY {
        return true;
    }
    let Some(o) = original else { return false };
    match o {
        Value::Number(x) => {
            if let Some(y) = number(p) {
                return (x - y).abs() <= 0.0005 + 1e-9 || x.floor() == y;
            }
            // Bands of whole numbers hold what rounds down into them; bands of rare values their values.
            band(p).is_some_and(|(low, high)| (low..=high).contains(&x.floor()) || (low..=high).contains(&x))
        }
        Value::Text(o) => {
            p == o
                || countries::region(o).unwrap_or("Overig") == p
                || steunpunt_region(o) == p
                || o.split_once("-K").is_some_and(|(year, _)| year == p)
                || number(o).is_some_and(|x| covers(Some(p), Some(Value::Number(x))))
        }
    }
}

#[derive(Clone, Copy)]
enum Value<'a> {
    Number(f64),
    Text(&'a str),
}

fn value(column: &RawColumn, row: usize) -> Option<Value<'_>> {
    match column {
        RawColumn::Number(x) => x[row].filter(|x| x.is_finite()).map(Value::Number),
        RawColumn::Text(t) => t.get(row).map(Value::Text),
    }
}

fn text(column: &RawColumn, row: usize) -> Option<String> {
    match column {
        RawColumn::Number(x) => x[row].map(crate::chaid::binning::number_label),
        RawColumn::Text(t) => t.get(row).map(String::from),
    }
}

/// For each protected row: the original persons it could have come from, by the columns both
/// files have (`names`: which ones).
fn compatible(
    original: &[(&str, &RawColumn)],
    protected: &[(&str, &RawColumn)],
    names: &[String],
) -> (Vec<String>, Vec<Vec<usize>>) {
    let pairs: Vec<(&str, &RawColumn, &RawColumn)> = names
        .iter()
        .filter_map(|name| {
            let o = original.iter().find(|(n, _)| n == name)?.1;
            let p = protected.iter().find(|(n, _)| n == name)?.1;
            Some((name.as_str(), o, p))
        })
        .collect();
    let originals = original.first().map_or(0, |(_, c)| c.len());
    let rows = protected.first().map_or(0, |(_, c)| c.len());
    // Rows with the same cells are matched once.
    let mut groups: std::collections::HashMap<Vec<Option<String>>, Vec<usize>> = Default::default();
    for r in 0..rows {
        groups
            .entry(pairs.iter().map(|(_, _, p)| text(p, r)).collect())
            .or_default()
            .push(r);
    }
    let coded: Vec<Column> = pairs.iter().map(|(_, _, p)| Column::of(p)).collect();
    let mut out = vec![Vec::new(); rows];
    for (cells, members) in groups {
        let matching: Vec<usize> = (0..originals)
            .filter(|&o| {
                pairs
                    .iter()
                    .zip(&cells)
                    .zip(&coded)
                    .all(|(((_, original, _), cell), column)| column.covers(cell.as_deref(), value(original, o)))
            })
            .collect();
        for r in members {
            out[r] = matching.clone();
        }
    }
    (pairs.iter().map(|(n, _, _)| n.to_string()).collect(), out)
}

/// For each protected row, how many original persons it could have come from, by every column
/// both files have (for brute-force counts in tests).
pub fn matches(original: &[(&str, &RawColumn)], protected: &[(&str, &RawColumn)]) -> Vec<usize> {
    let names: Vec<String> = protected.iter().map(|(n, _)| n.to_string()).collect();
    compatible(original, protected, &names).1.iter().map(Vec::len).collect()
}

/// Attack `protected` with `original` (the attacker's knowledge: its known columns).
pub fn attack(original: &[(&str, &RawColumn)], protected: &[(&str, &RawColumn)], k: usize) -> AttackResult {
    let known = known_columns(original);
    let originals = original.first().map_or(0, |(_, c)| c.len());
    let (columns, matching) = compatible(original, protected, &known);
    let rows = matching.len();
    let mut result = AttackResult {
        rows,
        columns,
        min_matches: matching.iter().map(Vec::len).min().unwrap_or(0),
        rows_below_k: matching.iter().filter(|m| m.len() < k).count(),
        unique: matching.iter().filter(|m| m.len() == 1).count(),
        same_position: 0,
        same_position_by_chance: 0.0,
    };
    for (r, m) in matching.iter().enumerate() {
        result.same_position += usize::from(m.binary_search(&r).is_ok());
        result.same_position_by_chance += m.len() as f64 / originals.max(1) as f64;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_covers_what() {
        let n = |x| Some(Value::Number(x));
        let t = |s| Some(Value::Text(s));
        assert!(covers(Some("*"), n(18.3)));
        assert!(covers(Some("15-19"), n(18.7)));
        assert!(!covers(Some("20-24"), n(18.7)));
        assert!(covers(Some("18"), n(18.7)));
        assert!(covers(Some("18,7"), n(18.7)));
        assert!(covers(Some("-5--1"), n(-2.5)));
        assert!(!covers(Some("17"), n(18.7)));
        assert!(covers(None, None));
        assert!(!covers(None, n(1.0)));
        assert!(!covers(Some("18"), None));
        assert!(covers(Some("Azie"), t("Afghanistan")));
        assert!(!covers(Some("Afrika"), t("Afghanistan")));
        assert!(covers(Some("Noord"), t("Groningen")));
        assert!(covers(Some("2010"), t("2010-K3")));
        assert!(covers(Some("man"), t("man")));
        assert!(!covers(Some("vrouw"), t("man")));
    }
}
