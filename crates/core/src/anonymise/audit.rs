//! The audit of a person-level file as it will be written (`disclosure.md`):
//! read back, it is checked against its columns' roles before it is offered
//! for download, and any file a user brings is checked the same way.
//!
//! - no identifying column;
//! - classes over every quasi-identifying column, derived ones included, of at
//!   least k records; the column that splits them most is named when not;
//! - l distinct values of each required sensitive attribute per class;
//! - no person-level quasi-identifier with decimals (more precise than a band);
//! - no value of an "other" column that fewer than k records have;
//! - hidden identifiers: a column outside the quasi-identifiers that splits a
//!   class below k. It fails the audit when the dictionary says an attacker
//!   knows it (a quasi-identifier the user gave another role); otherwise it is
//!   a warning;
//! - minimal sample uniques (SUDA2-style) on combinations of up to three columns.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::risk::{self, Diversity};
use super::roles::{assign, ColumnRole, Role};
use crate::chaid::data::RawColumn;

/// Combinations of columns are searched for sample uniques up to this many rows; beyond, the
/// quasi-identifiers' uniques follow from their class sizes, and each other column is checked
/// with them one at a time (the hidden-identifier check).
pub const MAX_ROWS_FOR_UNIQUES: usize = 20_000;

/// One thing the audit found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// A column that names a person on its own.
    IdentifyingColumn { column: String },
    /// Records in classes smaller than k; `column`: the quasi-identifier without which the
    /// fewest records would be (what to coarsen first).
    SmallClasses {
        records: usize,
        classes: usize,
        column: Option<String>,
    },
    /// A sensitive attribute with fewer than l values in some class.
    NotDiverse {
        attribute: String,
        l: usize,
        classes_below: usize,
    },
    /// A sensitive attribute whose distribution in some class is further than t from the file's.
    NotClose { attribute: String, t: f64, required: f64 },
    /// A person-level quasi-identifier written with decimals.
    TooPrecise { column: String, value: String },
    /// Values of an "other" column that fewer than k records have.
    RareValues {
        column: String,
        values: usize,
        records: usize,
    },
    /// A column outside the quasi-identifiers that, with them, leaves records in classes below k.
    /// `known`: the dictionary says an attacker knows it (then the audit fails).
    HiddenIdentifier {
        column: String,
        records: usize,
        known: bool,
    },
    /// Records unique on a combination of up to three columns (at least one of them not a
    /// quasi-identifier: the quasi-identifiers alone cannot be when the classes hold).
    SampleUniques { columns: Vec<String>, records: usize },
}

impl Finding {
    /// Whether this finding fails the audit (the others are warnings).
    pub fn fails(&self) -> bool {
        match self {
            Finding::IdentifyingColumn { .. }
            | Finding::SmallClasses { .. }
            | Finding::NotDiverse { .. }
            | Finding::NotClose { .. }
            | Finding::TooPrecise { .. }
            | Finding::RareValues { .. } => true,
            Finding::HiddenIdentifier { known, .. } => *known,
            Finding::SampleUniques { .. } => false,
        }
    }
}

/// Minimal sample uniques by size of the combination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Uniques {
    /// Records with at least one minimal sample unique of up to three columns.
    pub records: usize,
    /// Minimal sample uniques (record, combination) of one, two and three columns.
    pub by_size: [usize; 3],
    /// Whether the combinations were searched (`false`: the file has more than
    /// [`MAX_ROWS_FOR_UNIQUES`] rows, or its classes already fail; the quasi-identifiers' uniques
    /// follow from the classes).
    pub searched: bool,
    /// The largest combination searched (3, or fewer when rows × combinations would exceed
    /// [`MAX_CELLS_FOR_UNIQUES`]).
    #[serde(default)]
    pub up_to: usize,
}

/// At most this many rows × combinations are searched for sample uniques.
pub const MAX_CELLS_FOR_UNIQUES: usize = 30_000_000;

/// The audit's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    pub passed: bool,
    pub rows: usize,
    pub k: usize,
    pub l: usize,
    #[serde(default)]
    pub t: Option<f64>,
    /// The quasi-identifying columns the classes are made of.
    pub quasi: Vec<String>,
    pub classes: usize,
    pub smallest_class: usize,
    pub records_below_k: usize,
    pub diversity: Vec<Diversity>,
    pub uniques: Uniques,
    pub findings: Vec<Finding>,
}

/// Codes of a column with missing as a code of its own.
fn codes(c: &RawColumn) -> Vec<u32> {
    risk::codes(c).0
}

/// Each row's class over these code columns (dense ids), and the number of classes.
fn class_ids(columns: &[&[u32]], rows: usize) -> (Vec<u32>, usize) {
    let mut ids: Vec<u32> = vec![0; rows];
    let mut classes = 1usize;
    for c in columns {
        // Refine: (class so far, this column's code) → a new dense id.
        let mut next: HashMap<u64, u32> = HashMap::with_capacity(classes * 2);
        for r in 0..rows {
            let key = u64::from(ids[r]) << 32 | u64::from(c[r]);
            let n = next.len() as u32;
            ids[r] = *next.entry(key).or_insert(n);
        }
        classes = next.len();
    }
    (ids, classes)
}

/// Records and classes smaller than k, given each row's class.
fn small(ids: &[u32], classes: usize, k: usize) -> (usize, usize) {
    let mut sizes = vec![0usize; classes];
    for &i in ids {
        sizes[i as usize] += 1;
    }
    let records = sizes.iter().filter(|&&n| n < k).sum();
    (records, sizes.iter().filter(|&&n| n < k).count())
}

/// Records in classes smaller than k over these code columns.
fn below_k(columns: &[&[u32]], rows: usize, k: usize) -> (usize, usize) {
    let (ids, classes) = class_ids(columns, rows);
    small(&ids, classes, k)
}

/// Whether a column holds a number with decimals, and one such value.
fn decimals(c: &RawColumn) -> Option<String> {
    match c {
        RawColumn::Number(x) => x
            .iter()
            .flatten()
            .find(|x| x.fract() != 0.0)
            .map(|x| crate::locale::Locale::Nl.number(*x, 3)),
        RawColumn::Text(t) => t
            .labels
            .iter()
            .find(|l| crate::ingest::values::parse_number(l).is_some_and(|x| x.fract() != 0.0))
            .cloned(),
    }
}

/// The roles of a file's columns: those given (by name), the dictionary's for the rest.
pub fn roles_for(columns: &[(&str, &RawColumn)], given: &[ColumnRole]) -> Vec<ColumnRole> {
    let derived = assign(columns, &[]);
    derived
        .into_iter()
        .map(|d| given.iter().find(|g| g.column == d.column).cloned().unwrap_or(d))
        .collect()
}

/// What the file must meet: classes of k, l values (and, when asked, t-closeness) of each of the
/// sensitive attributes named.
#[derive(Debug, Clone, Copy)]
pub struct Demands<'a> {
    pub k: usize,
    pub l: usize,
    pub t: Option<f64>,
    pub sensitive: &'a [String],
}

/// Audit a file's columns against their roles and the demands.
pub fn audit(columns: &[(&str, &RawColumn)], roles: &[ColumnRole], demands: &Demands) -> Audit {
    let Demands { k, l, t, sensitive } = *demands;
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    let role = |name: &str| roles.iter().find(|r| r.column == name);
    let mut findings = Vec::new();
    for (name, _) in columns {
        if role(name).is_some_and(|r| r.role == Role::Identifying) {
            findings.push(Finding::IdentifyingColumn {
                column: name.to_string(),
            });
        }
    }
    let quasi: Vec<(&str, &RawColumn)> = columns
        .iter()
        .filter(|(n, _)| role(n).is_some_and(|r| r.role == Role::Quasi))
        .copied()
        .collect();
    let quasi_codes: Vec<Vec<u32>> = quasi.iter().map(|(_, c)| codes(c)).collect();
    let refs: Vec<&[u32]> = quasi_codes.iter().map(Vec::as_slice).collect();
    let required: Vec<(&str, &RawColumn)> = sensitive
        .iter()
        .filter_map(|s| columns.iter().find(|(n, _)| n == s).copied())
        .collect();
    let quasi_columns: Vec<&RawColumn> = quasi.iter().map(|(_, c)| *c).collect();
    let measured = risk::measure(&quasi_columns, &required, rows, k, l);
    if measured.records_below_k > 0 {
        // The column whose removal leaves the fewest records below k.
        let column = (0..quasi.len())
            .map(|i| {
                let without: Vec<&[u32]> = refs
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, c)| *c)
                    .collect();
                (below_k(&without, rows, k).0, i)
            })
            .min()
            .filter(|(n, _)| *n < measured.records_below_k)
            .map(|(_, i)| quasi[i].0.to_string());
        findings.push(Finding::SmallClasses {
            records: measured.records_below_k,
            classes: measured.classes_below_k,
            column,
        });
    }
    if let Some(t) = t {
        for c in measured.closeness.iter().filter(|c| c.t > t + 1e-12) {
            findings.push(Finding::NotClose {
                attribute: c.attribute.clone(),
                t: c.t,
                required: t,
            });
        }
    }
    for d in &measured.diversity {
        if d.classes_below > 0 {
            findings.push(Finding::NotDiverse {
                attribute: d.attribute.clone(),
                l: d.l,
                classes_below: d.classes_below,
            });
        }
    }
    for (name, c) in &quasi {
        let characteristic = role(name).is_some_and(|r| r.sources.iter().all(|s| s == "steunpunt"));
        if !characteristic {
            if let Some(value) = decimals(c) {
                findings.push(Finding::TooPrecise {
                    column: name.to_string(),
                    value,
                });
            }
        }
    }
    // Columns outside the quasi-identifiers.
    let mut quasi_classes: Option<(Vec<u32>, usize)> = None;
    for (name, c) in columns {
        let Some(r) = role(name) else { continue };
        if matches!(r.role, Role::Quasi | Role::Identifying) {
            continue;
        }
        let own = codes(c);
        if r.role == Role::Other {
            let mut counts: HashMap<u32, usize> = HashMap::new();
            for (row, &code) in own.iter().enumerate() {
                if !c.is_missing(row) {
                    *counts.entry(code).or_default() += 1;
                }
            }
            let rare: Vec<usize> = counts.values().copied().filter(|&n| n < k).collect();
            if !rare.is_empty() {
                findings.push(Finding::RareValues {
                    column: name.to_string(),
                    values: rare.len(),
                    records: rare.iter().sum(),
                });
            }
        }
        if r.role == Role::Other && r.derived != Role::Quasi {
            let (ids, _) = quasi_classes.get_or_insert_with(|| class_ids(&refs, rows));
            let (records, _) = below_k(&[ids.as_slice(), own.as_slice()], rows, k);
            if records > measured.records_below_k {
                findings.push(Finding::HiddenIdentifier {
                    column: name.to_string(),
                    records: records - measured.records_below_k,
                    known: false,
                });
            }
        }
    }
    // Columns the dictionary says an attacker knows, given another role by the user: together
    // with the quasi-identifiers (they are all known at once) they may not split a class below k.
    let known: Vec<(&str, Vec<u32>)> = columns
        .iter()
        .filter(|(n, _)| {
            role(n).is_some_and(|r| r.derived == Role::Quasi && !matches!(r.role, Role::Quasi | Role::Identifying))
        })
        .map(|(n, c)| (*n, codes(c)))
        .collect();
    if !known.is_empty() {
        let with_all: Vec<&[u32]> = refs
            .iter()
            .copied()
            .chain(known.iter().map(|(_, c)| c.as_slice()))
            .collect();
        let (joint, _) = below_k(&with_all, rows, k);
        if joint > measured.records_below_k {
            let mut named = Vec::new();
            for (i, (name, _)) in known.iter().enumerate() {
                let without: Vec<&[u32]> = refs
                    .iter()
                    .copied()
                    .chain(
                        known
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != i)
                            .map(|(_, (_, c))| c.as_slice()),
                    )
                    .collect();
                let (fewer, _) = below_k(&without, rows, k);
                if fewer < joint {
                    named.push((name.to_string(), joint - fewer));
                }
            }
            if named.is_empty() {
                named = known
                    .iter()
                    .map(|(n, _)| (n.to_string(), joint - measured.records_below_k))
                    .collect();
            }
            for (column, records) in named {
                findings.push(Finding::HiddenIdentifier {
                    column,
                    records,
                    known: true,
                });
            }
        }
    }
    let uniques = if rows <= MAX_ROWS_FOR_UNIQUES && measured.records_below_k == 0 {
        sample_uniques(columns, roles, &mut findings)
    } else {
        Uniques::default()
    };
    Audit {
        passed: findings.iter().all(|f| !f.fails()),
        rows,
        k,
        l,
        t,
        quasi: quasi.iter().map(|(n, _)| n.to_string()).collect(),
        classes: measured.classes,
        smallest_class: measured.smallest_class,
        records_below_k: measured.records_below_k,
        diversity: measured.diversity,
        uniques,
        findings,
    }
}

/// Minimal sample uniques on combinations of up to three of the quasi-identifying and other
/// columns: a record unique on the combination and on none of its smaller parts.
fn sample_uniques(columns: &[(&str, &RawColumn)], roles: &[ColumnRole], findings: &mut Vec<Finding>) -> Uniques {
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    let keys: Vec<(&str, Vec<u32>, bool)> = columns
        .iter()
        .filter_map(|(n, c)| {
            let r = roles.iter().find(|r| r.column == *n)?;
            matches!(r.role, Role::Quasi | Role::Other).then(|| (*n, codes(c), r.role == Role::Quasi))
        })
        .collect();
    let m = keys.len();
    let count = |size: usize| -> usize {
        (0..=size)
            .skip(1)
            .map(|s| (0..s).fold(1usize, |n, i| n * (m - i) / (i + 1)))
            .sum()
    };
    let up_to = (1..=3)
        .rev()
        .find(|&s| count(s) * rows <= MAX_CELLS_FOR_UNIQUES)
        .unwrap_or(1);
    let mut combos: Vec<Vec<usize>> = (0..m).map(|a| vec![a]).collect();
    for a in 0..m {
        for b in a + 1..m {
            if up_to >= 2 {
                combos.push(vec![a, b]);
            }
            for c in b + 1..m {
                if up_to >= 3 {
                    combos.push(vec![a, b, c]);
                }
            }
        }
    }
    combos.sort_by_key(Vec::len);
    // Codes packed 21 bits each into one key (exact below two million distinct values).
    let key = |combo: &[usize], r: usize| -> u64 { combo.iter().fold(0u64, |k, &i| k << 21 | u64::from(keys[i].1[r])) };
    // Per combination of one or two columns: the rows unique on it (for minimality).
    let mut unique_on: HashMap<Vec<usize>, Vec<bool>> = HashMap::new();
    let mut out = Uniques {
        searched: true,
        up_to,
        ..Uniques::default()
    };
    let mut any = vec![false; rows];
    let mut reported: HashMap<Vec<String>, usize> = HashMap::new();
    let mut counts: HashMap<u64, u32> = HashMap::with_capacity(rows);
    for combo in combos {
        counts.clear();
        for r in 0..rows {
            *counts.entry(key(&combo, r)).or_default() += 1;
        }
        if counts.values().all(|&n| n > 1) {
            continue;
        }
        let unique: Vec<bool> = (0..rows).map(|r| counts[&key(&combo, r)] == 1).collect();
        let parts: Vec<Vec<usize>> = match combo.len() {
            1 => Vec::new(),
            2 => vec![vec![combo[0]], vec![combo[1]]],
            _ => vec![
                vec![combo[0]],
                vec![combo[1]],
                vec![combo[2]],
                vec![combo[0], combo[1]],
                vec![combo[0], combo[2]],
                vec![combo[1], combo[2]],
            ],
        };
        let mut minimal = 0;
        for r in (0..rows).filter(|&r| unique[r]) {
            if parts.iter().all(|p| unique_on.get(p).is_none_or(|u| !u[r])) {
                minimal += 1;
                any[r] = true;
            }
        }
        out.by_size[combo.len() - 1] += minimal;
        if minimal > 0 && !combo.iter().all(|&i| keys[i].2) {
            reported.insert(combo.iter().map(|&i| keys[i].0.to_string()).collect(), minimal);
        }
        if combo.len() < 3 {
            unique_on.insert(combo, unique);
        }
    }
    out.records = any.iter().filter(|&&a| a).count();
    let mut reported: Vec<(Vec<String>, usize)> = reported.into_iter().collect();
    reported.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (columns, records) in reported.into_iter().take(5) {
        findings.push(Finding::SampleUniques { columns, records });
    }
    out
}

/// A person-level file as an attacker or a researcher reads it: the first sheet of a workbook, or
/// a csv (a protected csv's settings part, up to the first blank line, is skipped).
pub fn read_back(name: &str, bytes: &[u8]) -> Result<Vec<(String, RawColumn)>, crate::ingest::error::ReadError> {
    let text = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
    let marked = [super::sheets::PASSED_MARK, super::sheets::FAILED_MARK]
        .iter()
        .any(|m| text.starts_with(m.as_bytes()) || text.starts_with(format!("\"{m}").as_bytes()));
    if marked {
        if let Some(at) = text.windows(4).position(|w| w == b"\r\n\r\n") {
            return crate::ingest::plain::columns(name, &text[at + 4..]);
        }
        if let Some(at) = text.windows(2).position(|w| w == b"\n\n") {
            return crate::ingest::plain::columns(name, &text[at + 2..]);
        }
        // Written by an older version (no blank line): the header is the first line as wide as
        // the data's last line.
        let fields = |line: &[u8]| line.iter().filter(|&&b| b == b';').count();
        let lines: Vec<&[u8]> = text
            .split(|&b| b == b'\n')
            .filter(|l| !l.trim_ascii().is_empty())
            .collect();
        if let Some(last) = lines.last() {
            let width = fields(last);
            if let Some(header) = lines.iter().position(|l| fields(l) == width) {
                let start = lines[header].as_ptr() as usize - text.as_ptr() as usize;
                return crate::ingest::plain::columns(name, &text[start..]);
            }
        }
    }
    crate::ingest::plain::columns(name, bytes)
}
