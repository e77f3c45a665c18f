//! Anonymisation before anything leaves the laptop.
//!
//! - `linkage_file`: linkage files without V-nummers (the keys are `link::pseudonym`);
//! - `roles`: a role for every column, derived from the data dictionary;
//! - `hierarchy`, `dimensions`: generalisation hierarchies, and quasi-identifiers that share a
//!   source protected together;
//! - `rare`: rare values of the other columns coded;
//! - `risk`: equivalence classes, prosecutor, journalist and marketer risk, l-diversity, t-closeness;
//! - `search`: the least-loss k-anonymous, l-diverse generalisation, with local suppression;
//! - `audit`: the written file read back and checked against its roles;
//! - `attack`: a prosecutor who holds the original file, for tests and `perspectief attack`;
//! - `conclusions`: the outcome trees regrown on the protected file.
//!
//! [`Settings`] is a checked builder: `Settings::default().purpose(…).k(5).l(2)
//! .check(&columns)?` → [`anonymise`] → [`Outcome`] → [`Outcome::file`].

pub mod attack;
pub mod audit;
pub mod conclusions;
pub mod dimensions;
pub mod hierarchy;
pub mod linkage_file;
pub mod rare;
pub mod risk;
pub mod roles;
pub mod search;
pub(crate) mod settings;
mod sheets;
pub use sheets::{finding_text, FileFormat};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::chaid::data::{RawColumn, TextColumn};
use crate::ingest::fields::{field_for_header, Field, ValueType};
use crate::ingest::fold::fold_words;
use crate::kind::FileKind;

pub use audit::Audit;
pub use rare::RareCoding;
pub use risk::Risk;
pub use roles::{ColumnRole, Reason, Role};
pub use settings::{AnonymiseError, Checked, Purpose, Settings, DEFAULT_SENSITIVE, MAX_DIMENSIONS};

/// A column that identifies a person directly (V-nummer, a name, an exact date).
pub fn is_direct_identifier(header: &str) -> bool {
    [FileKind::Registration, FileKind::National].iter().any(|&kind| {
        field_for_header(header, kind).is_some_and(|f| {
            matches!(
                f,
                Field::VNummer | Field::Naam | Field::Voornaam | Field::Tussenvoegsel | Field::Achternaam
            ) || f.info().value == ValueType::Date
        })
    })
}

/// What one dimension of quasi-identifiers became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Generalised {
    /// The dimension's first column.
    pub column: String,
    /// Every column in the dimension.
    #[serde(default)]
    pub columns: Vec<String>,
    pub level: usize,
    pub height: usize,
    /// What the level means ("klassen van 5", "regio van herkomst", "*").
    pub meaning: String,
}

/// Why a column is not in the protected file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// It names a person on its own.
    Identifying,
    /// The purpose leaves it out (the steunpunt and its characteristics for "Landelijk beeld").
    Purpose,
    /// The user left it out.
    User,
}

/// What was done to a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Treatment {
    Kept,
    /// Generalised with its dimension (named by its first column).
    Generalised {
        dimension: String,
        level: usize,
        height: usize,
        meaning: String,
    },
    Rare {
        coding: RareCoding,
    },
    TopCoded {
        bottom: f64,
        top: f64,
        changed: usize,
    },
    Dropped {
        why: DropReason,
    },
}

/// A column of the input: its role, what was done to it and what that cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnOutcome {
    pub role: ColumnRole,
    pub treatment: Treatment,
    /// Information lost in this column: 0 (none) to 1 (all).
    pub loss: f64,
}

/// The input of [`anonymise`]: the person-level file, the population when it is wider (the
/// persons of the national extract who are not in the file, same column names), and the seed of
/// the row shuffle (random per export; passed in).
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub columns: &'a [(&'a str, &'a RawColumn)],
    pub population: Option<&'a [(&'a str, &'a RawColumn)]>,
    pub seed: u64,
}

impl<'a> Input<'a> {
    pub fn new(columns: &'a [(&'a str, &'a RawColumn)], seed: u64) -> Input<'a> {
        Input {
            columns,
            population: None,
            seed,
        }
    }
}

/// The protected file and the report that goes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub settings: Settings,
    /// Per input column, in the input's order.
    pub columns: Vec<ColumnOutcome>,
    /// Per dimension of quasi-identifiers.
    pub generalised: Vec<Generalised>,
    pub before: Risk,
    pub after: Risk,
    pub suppressed_cells: usize,
    pub removed_records: usize,
    /// Rows of the input the purpose takes (all, or the own steunpunt's).
    pub rows_in_scope: usize,
    /// Information loss over the columns the purpose keeps (not identifying, not left out for the
    /// purpose), 0 (none) to 1 (everything gone).
    pub loss: f64,
    /// The search's loss over the quasi-identifiers kept (weighted by columns per dimension).
    pub quasi_loss: f64,
    pub nodes: usize,
    pub evaluated: usize,
    /// The protected data: the kept columns in the input's order, rows shuffled.
    pub data: Vec<(String, RawColumn)>,
    /// Each protected row's row in the input (never written: for tests and the attack's check).
    pub source_rows: Vec<usize>,
}

impl Outcome {
    pub fn data_refs(&self) -> Vec<(&str, &RawColumn)> {
        self.data.iter().map(|(n, c)| (n.as_str(), c)).collect()
    }

    /// The roles of the columns in the file.
    pub fn roles(&self) -> Vec<ColumnRole> {
        self.columns
            .iter()
            .filter(|c| !matches!(c.treatment, Treatment::Dropped { .. }))
            .map(|c| c.role.clone())
            .collect()
    }
}

fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Cap a count column at its `share` and `1 - share` quantiles.
fn top_code(values: &mut [Option<f64>], share: f64) -> (f64, f64, usize) {
    let mut sorted: Vec<f64> = values.iter().flatten().copied().collect();
    sorted.sort_by(f64::total_cmp);
    let (bottom, top) = (quantile(&sorted, share), quantile(&sorted, 1.0 - share));
    let mut changed = 0;
    for x in values.iter_mut().flatten() {
        let y = x.clamp(bottom, top);
        if y != *x {
            *x = y;
            changed += 1;
        }
    }
    (bottom, top, changed)
}

/// A column followed by more rows (labels merged).
fn concat(a: &RawColumn, b: &RawColumn) -> RawColumn {
    match (a, b) {
        (RawColumn::Number(x), RawColumn::Number(y)) => RawColumn::Number(x.iter().chain(y).copied().collect()),
        _ => {
            let text = |c: &RawColumn, r: usize| -> Option<String> {
                match c {
                    RawColumn::Text(t) => t.get(r).map(String::from),
                    RawColumn::Number(x) => x[r].map(crate::chaid::binning::number_label),
                }
            };
            match a {
                RawColumn::Number(_) => {
                    RawColumn::text((0..a.len()).map(|r| text(a, r)).chain((0..b.len()).map(|r| text(b, r))))
                }
                RawColumn::Text(t) => {
                    let mut labels = t.labels.clone();
                    let mut index: HashMap<String, u32> =
                        labels.iter().enumerate().map(|(i, l)| (l.clone(), i as u32)).collect();
                    let mut codes = t.codes.clone();
                    for r in 0..b.len() {
                        codes.push(match text(b, r).filter(|s| !s.trim().is_empty()) {
                            None => TextColumn::MISSING,
                            Some(s) => *index.entry(s.clone()).or_insert_with(|| {
                                labels.push(s);
                                labels.len() as u32 - 1
                            }),
                        });
                    }
                    RawColumn::Text(TextColumn { labels, codes })
                }
            }
        }
    }
}

/// The rows a purpose takes: all, or the own steunpunt's.
fn rows_in_scope(columns: &[(&str, &RawColumn)], purpose: &Purpose) -> Option<Vec<usize>> {
    let Purpose::OwnSteunpunt { steunpunt } = purpose else {
        return None;
    };
    let folded = fold_words(steunpunt);
    let (_, column) = columns.iter().find(|(n, _)| fold_words(n) == "steunpunt")?;
    let RawColumn::Text(t) = column else { return None };
    Some(
        (0..t.codes.len())
            .filter(|&r| t.get(r).is_some_and(|s| fold_words(s) == folded))
            .collect(),
    )
}

/// The columns the purpose and the user leave out, and why.
fn dropped(roles: &[ColumnRole], settings: &Settings) -> Vec<Option<DropReason>> {
    roles
        .iter()
        .map(|r| {
            if r.role == Role::Identifying {
                Some(DropReason::Identifying)
            } else if settings.drop.contains(&r.column) {
                Some(DropReason::User)
            } else if settings.purpose == Purpose::National
                && r.role == Role::Quasi
                && r.sources.iter().any(|s| s == "steunpunt")
            {
                Some(DropReason::Purpose)
            } else {
                None
            }
        })
        .collect()
}

/// The quasi-identifiers of the file as it is, for the risk before.
fn risk_before(columns: &[(&str, &RawColumn)], roles: &[ColumnRole], settings: &Settings) -> Risk {
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    let quasi: Vec<&RawColumn> = columns
        .iter()
        .zip(roles)
        .filter(|(_, r)| r.role == Role::Quasi)
        .map(|((_, c), _)| *c)
        .collect();
    let sensitive: Vec<(&str, &RawColumn)> = settings
        .sensitive
        .iter()
        .filter_map(|s| columns.iter().find(|(n, _)| n == s).copied())
        .collect();
    risk::measure(&quasi, &sensitive, rows, settings.k, settings.l)
}

/// The risk of the file as it is, for the settings' roles, sensitive attributes, k and l.
pub fn current_risk(columns: &[(&str, &RawColumn)], settings: &Checked) -> Risk {
    let s = settings.get();
    let roles = roles::assign(columns, &s.roles);
    risk_before(columns, &roles, s)
}

/// Journalist and marketer risk: per class of the file (the dimensions' codes at their levels,
/// blanked dimensions as "*"), the persons in the population (all rows of the codings: the file's
/// first, then the wider population's) with the same values.
fn population_classes(
    codings: &[&dimensions::Coding],
    levels: &[usize],
    sample: usize,
    suppressed: &[u32],
    removed: &[bool],
) -> Vec<(usize, usize)> {
    let total = codings.first().map_or(0, |c| c.codes.len());
    let key = |row: usize, blank: u32| -> Vec<u32> {
        codings
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if blank >> i & 1 == 1 {
                    u32::MAX
                } else {
                    c.maps[levels[i]][c.codes[row] as usize]
                }
            })
            .collect()
    };
    let mut sample_classes: HashMap<(u32, Vec<u32>), usize> = HashMap::new();
    for r in (0..sample).filter(|&r| !removed[r]) {
        *sample_classes
            .entry((suppressed[r], key(r, suppressed[r])))
            .or_default() += 1;
    }
    let mut patterns: Vec<u32> = sample_classes.keys().map(|(p, _)| *p).collect();
    patterns.sort_unstable();
    patterns.dedup();
    let mut population: HashMap<(u32, Vec<u32>), usize> = HashMap::new();
    for &p in &patterns {
        for r in 0..total {
            *population.entry((p, key(r, p))).or_default() += 1;
        }
    }
    sample_classes
        .into_iter()
        .map(|(k, f)| (f, population.get(&k).copied().unwrap_or(0).max(f)))
        .collect()
}

/// Protect the file for the settings' purpose: roles from the dictionary (and the user), the
/// quasi-identifiers generalised by dimension with the least loss until every class has k records
/// and l values of each sensitive attribute, other columns' rare values coded, identifying columns
/// left out, rows shuffled.
pub fn anonymise(input: &Input, settings: &Checked) -> Result<Outcome, AnonymiseError> {
    let s = settings.get();
    // The purpose's rows (the own steunpunt), as a file of their own.
    let scoped: Option<Vec<(String, RawColumn)>> = rows_in_scope(input.columns, &s.purpose).map(|rows| {
        input
            .columns
            .iter()
            .map(|(n, c)| (n.to_string(), c.select(&rows)))
            .collect()
    });
    let scoped_refs: Option<Vec<(&str, &RawColumn)>> = scoped
        .as_ref()
        .map(|v| v.iter().map(|(n, c)| (n.as_str(), c)).collect());
    let columns: &[(&str, &RawColumn)] = scoped_refs.as_deref().unwrap_or(input.columns);
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    let roles = roles::assign(columns, &s.roles);
    let drop = dropped(&roles, s);
    let before = risk_before(columns, &roles, s);
    let column = |name: &str| columns.iter().find(|(c, _)| *c == name).expect("checked").1;
    // Quasi-identifiers kept, with the wider population's rows after the file's. (A column with
    // one value for everyone, or none, tells nothing: it stays as it is.)
    let constant = |c: &RawColumn| c.distinct() + usize::from((0..c.len()).any(|r| c.is_missing(r))) <= 1;
    let kept_quasi: Vec<&ColumnRole> = roles
        .iter()
        .zip(&drop)
        .filter(|(r, d)| r.role == Role::Quasi && d.is_none())
        .map(|(r, _)| r)
        .collect();
    let population = input.population.filter(|_| scoped.is_none());
    let widened: Vec<(String, RawColumn)> = match population {
        Some(p) => kept_quasi
            .iter()
            .map(|q| {
                let own = column(&q.column);
                let extra = p.iter().find(|(n, _)| *n == q.column).map(|(_, c)| *c);
                let filler = RawColumn::Number(vec![None; p.first().map_or(0, |(_, c)| c.len())]);
                (q.column.clone(), concat(own, extra.unwrap_or(&filler)))
            })
            .collect(),
        None => Vec::new(),
    };
    let widened_refs: Vec<(&str, &RawColumn)> = widened.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let everyone: &[(&str, &RawColumn)] = if population.is_some() { &widened_refs } else { columns };
    let quasi: Vec<&ColumnRole> = kept_quasi
        .into_iter()
        .filter(|q| !constant(everyone.iter().find(|(n, _)| *n == q.column).expect("a column").1))
        .collect();
    let dims = dimensions::build(everyone, &quasi, s.k);
    if dims.len() > MAX_DIMENSIONS {
        return Err(AnonymiseError::TooManyDimensions {
            dimensions: dims.len(),
            columns: dims.iter().map(|d| d.name.clone()).collect(),
        });
    }
    let codings: Vec<&dimensions::Coding> = dims.iter().map(|d| &d.coding).collect();
    let keeps_steunpunt = matches!(s.purpose, Purpose::CompareSteunpunten | Purpose::OwnSteunpunt { .. });
    let mut limits = s.max_levels.clone();
    if keeps_steunpunt {
        limits.extend(
            columns
                .iter()
                .filter(|(n, _)| fold_words(n) == "steunpunt")
                .map(|(n, _)| (n.to_string(), 0)),
        );
    }
    let allowed: Vec<Vec<usize>> = dims.iter().map(|d| d.allowed(&limits)).collect();
    let weights: Vec<f64> = dims.iter().map(|d| d.columns.len() as f64).collect();
    let sensitive: Vec<(&str, &RawColumn)> = s
        .sensitive
        .iter()
        .filter(|n| {
            roles
                .iter()
                .zip(&drop)
                .any(|(r, d)| r.column == **n && d.is_none() && r.role != Role::Quasi)
        })
        .map(|n| (n.as_str(), column(n)))
        .collect();
    let bits: Vec<Vec<u64>> = sensitive
        .iter()
        .map(|(_, c)| {
            let (codes, _) = risk::codes(c);
            search::value_bits(&codes, |r| !c.is_missing(r))
        })
        .collect();
    let max_suppressed = (s.max_suppression * rows as f64).floor() as usize;
    let requirement = search::Requirement {
        k: s.k,
        l: s.l,
        s: sensitive.len(),
        t: s.t.map(|t| {
            let coded: Vec<(Vec<u32>, usize)> = sensitive
                .iter()
                .map(|(_, c)| {
                    let (codes, card) = risk::codes(c);
                    let codes = codes
                        .into_iter()
                        .enumerate()
                        .map(|(r, code)| if c.is_missing(r) { u32::MAX } else { code })
                        .collect();
                    (codes, card)
                })
                .collect();
            let cards: Vec<usize> = coded.iter().map(|(_, card)| *card).collect();
            search::Closeness::new(t, coded.into_iter().map(|(codes, _)| codes).collect(), &cards)
        }),
    };
    let solution = search::search(&codings, &weights, &allowed, &bits, &requirement, rows, max_suppressed).ok_or(
        AnonymiseError::Impossible {
            records: rows,
            k: s.k,
            l: s.l,
        },
    )?;
    // The kept rows in a random order: the file's order says nothing.
    let mut keep: Vec<usize> = (0..rows).filter(|&r| !solution.removed[r]).collect();
    crate::rng::Rng::new(input.seed).shuffle(&mut keep);
    let mut dim_out: HashMap<String, RawColumn> = HashMap::new();
    for (i, d) in dims.iter().enumerate() {
        for (name, c) in d.output(solution.levels[i], &keep, |j| {
            solution.suppressed[keep[j]] >> i & 1 == 1
        }) {
            dim_out.insert(name, c);
        }
    }
    let blanked_share: Vec<f64> = (0..dims.len())
        .map(|i| {
            let blanked = keep.iter().filter(|&&r| solution.suppressed[r] >> i & 1 == 1).count();
            (blanked + solution.removed_records) as f64 / rows.max(1) as f64
        })
        .collect();
    let removed_share = solution.removed_records as f64 / rows.max(1) as f64;
    let mut data: Vec<(String, RawColumn)> = Vec::new();
    let mut outcomes: Vec<ColumnOutcome> = Vec::new();
    for ((name, values), (role, drop)) in columns.iter().zip(roles.iter().zip(&drop)) {
        let (treatment, loss, out) = if let Some(why) = drop {
            (Treatment::Dropped { why: *why }, 1.0, None)
        } else if let Some(i) = dims.iter().position(|d| d.columns.iter().any(|c| c == name)) {
            let d = &dims[i];
            let (treatment, share) = match d.member_state(name, solution.levels[i]) {
                Some((level, height, meaning)) => (
                    Treatment::Generalised {
                        dimension: d.name.clone(),
                        level,
                        height,
                        meaning,
                    },
                    level as f64 / height.max(1) as f64,
                ),
                None => (
                    Treatment::Generalised {
                        dimension: d.name.clone(),
                        level: 1,
                        height: 1,
                        meaning: hierarchy::ANY.to_string(),
                    },
                    1.0,
                ),
            };
            (
                treatment,
                share + (1.0 - share) * blanked_share[i],
                dim_out.remove(*name),
            )
        } else {
            let kept = values.select(&keep);
            match role.role {
                Role::Other if s.band.contains(&role.column) => (
                    Treatment::Rare {
                        coding: RareCoding::Width { width: 10.0 },
                    },
                    0.5_f64.max(removed_share),
                    Some(rare::bands_of(&kept, 10.0)),
                ),
                Role::Other if s.top_code.contains(&role.column) => {
                    let mut kept = kept;
                    let RawColumn::Number(xs) = &mut kept else {
                        unreachable!("checked: numbers")
                    };
                    let (bottom, top, changed) = top_code(xs, s.top_share);
                    let (kept, _) = rare::code(&kept, s.k);
                    (
                        Treatment::TopCoded { bottom, top, changed },
                        changed as f64 / rows.max(1) as f64 + removed_share,
                        Some(kept),
                    )
                }
                Role::Other => {
                    let (coded, how) = rare::code(&kept, s.k);
                    let changed = match &how {
                        Some(RareCoding::Capped { changed, .. })
                        | Some(RareCoding::Bands { changed, .. })
                        | Some(RareCoding::Joined { changed, .. }) => *changed,
                        _ => 0,
                    };
                    (
                        how.map_or(Treatment::Kept, |coding| Treatment::Rare { coding }),
                        changed as f64 / rows.max(1) as f64 + removed_share,
                        Some(coded),
                    )
                }
                _ => (Treatment::Kept, removed_share, Some(kept)),
            }
        };
        if let Some(out) = out {
            data.push((name.to_string(), out));
        }
        outcomes.push(ColumnOutcome {
            role: role.clone(),
            treatment,
            loss,
        });
    }
    let out_quasi: Vec<&RawColumn> = data
        .iter()
        .filter(|(n, _)| dims.iter().any(|d| d.columns.contains(n)))
        .map(|(_, c)| c)
        .collect();
    let out_sensitive: Vec<(&str, &RawColumn)> = sensitive
        .iter()
        .filter_map(|(n, _)| data.iter().find(|(m, _)| m == n).map(|(m, c)| (m.as_str(), c)))
        .collect();
    let mut after = risk::measure(&out_quasi, &out_sensitive, keep.len(), s.k, s.l);
    let mut before = before;
    if population.is_some() {
        let total = codings.first().map_or(rows, |c| c.codes.len());
        let classes = population_classes(
            &codings,
            &solution.levels,
            rows,
            &solution.suppressed,
            &solution.removed,
        );
        risk::against_population(&mut after, &classes, total);
        // Before: at level 0 (whole units); the raw values are finer, so this is a lower bound.
        let zero = vec![0; dims.len()];
        let classes = population_classes(&codings, &zero, rows, &vec![0; rows], &vec![false; rows]);
        risk::against_population(&mut before, &classes, total);
    }
    let mut outcome = finish(s, outcomes, &dims, &solution, before, after, rows, data);
    outcome.source_rows = match rows_in_scope(input.columns, &s.purpose) {
        Some(scope) => keep.iter().map(|&r| scope[r]).collect(),
        None => keep,
    };
    Ok(outcome)
}

#[allow(clippy::too_many_arguments)]
fn finish(
    s: &Settings,
    columns: Vec<ColumnOutcome>,
    dims: &[dimensions::Dimension],
    solution: &search::Solution,
    before: Risk,
    after: Risk,
    rows: usize,
    data: Vec<(String, RawColumn)>,
) -> Outcome {
    let counted: Vec<&ColumnOutcome> = columns.iter().filter(|c| c.role.role != Role::Identifying).collect();
    let loss = if counted.is_empty() {
        0.0
    } else {
        counted.iter().map(|c| c.loss).sum::<f64>() / counted.len() as f64
    };
    Outcome {
        settings: s.clone(),
        generalised: dims
            .iter()
            .zip(&solution.levels)
            .map(|(d, &level)| Generalised {
                column: d.name.clone(),
                columns: d.columns.clone(),
                level,
                height: d.height(),
                meaning: d.levels[level].clone(),
            })
            .collect(),
        columns,
        before,
        after,
        suppressed_cells: solution.suppressed_cells,
        removed_records: solution.removed_records,
        rows_in_scope: rows,
        loss,
        quasi_loss: solution.loss,
        nodes: solution.nodes,
        evaluated: solution.evaluated,
        data,
        source_rows: Vec::new(),
    }
}
