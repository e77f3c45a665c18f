//! Quasi-identifiers that share a source are protected together, as one
//! dimension of the search (`disclosure.md`: "bands apply to all columns that
//! share a source, at the same level"):
//!
//! - the steunpunt and its characteristics: a generalised steunpunt takes its
//!   characteristics with it; a characteristic is shown only where it is the
//!   same for every steunpunt the label covers, so no combination of them
//!   points to fewer steunpunten than the label does;
//! - country, nationality and region: to region together, then "*";
//! - the ages, durations and the intake quarter: each at the same level of its
//!   own bands, then all "*";
//! - any other quasi-identifier on its own.
//!
//! A dimension's [`Coding`] is what the search sees: each row's code at level 0
//! (the combination of its members' values) and each code's code at every level.

use std::collections::HashMap;

use super::hierarchy::{self, Hierarchy, ANY};
use super::roles::ColumnRole;
use crate::chaid::data::RawColumn;

/// The codes of one dimension for the search. A dimension has states (levels), from its
/// finest (0) to all "*" (the last); the search may choose any of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Coding {
    /// Each row's state-0 code.
    pub codes: Vec<u32>,
    /// `maps[state][code0]`: the code in that state.
    pub maps: Vec<Vec<u32>>,
    /// Distinct codes per state.
    pub cards: Vec<usize>,
    /// The information a state loses, 0 (state 0) to 1 (all "*"), averaged over the members.
    pub losses: Vec<f64>,
    /// Each state as (band, members kept): state a is finer than b when its band is not higher
    /// and it keeps no fewer members (hierarchies are nested, so b only merges a's classes).
    pub shape: Vec<(usize, usize)>,
}

impl Coding {
    /// The last state: every member "*".
    pub fn height(&self) -> usize {
        self.cards.len() - 1
    }

    pub fn cardinality(&self, level: usize) -> usize {
        self.cards[level]
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Members {
    /// Members in order of importance; in state (band b, kept m) the first m members are each at
    /// their own level `min(b, height - 1)` (the same band for all that share a source) and the
    /// others "*"; the last state has every member "*".
    Banded {
        hierarchies: Vec<Hierarchy>,
        states: Vec<(usize, usize)>,
    },
    /// The steunpunt's hierarchy, and per characteristic the value of each level-0 steunpunt code
    /// (`None`: missing, or not the same for every row of that steunpunt).
    Steunpunt {
        steunpunt: Hierarchy,
        characteristics: Vec<CharacteristicValues>,
    },
}

#[derive(Debug, Clone, PartialEq)]
struct CharacteristicValues {
    numeric: bool,
    /// Per level-0 steunpunt code: its value (`Varies` when its rows disagree).
    values: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Missing,
    Number(f64),
    Text(String),
    Varies,
}

/// Quasi-identifiers protected together.
#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    /// The first member's name (the steunpunt, the country, the first age).
    pub name: String,
    pub columns: Vec<String>,
    /// What each level means ("land", "regio van herkomst", …, "*").
    pub levels: Vec<String>,
    pub coding: Coding,
    members: Members,
}

/// Intern tuples of codes: the same tuple gets the same number.
fn intern<'a>(tuples: impl Iterator<Item = &'a [u32]>, width: usize) -> (Vec<u32>, usize) {
    let mut ids: HashMap<&[u32], u32> = HashMap::new();
    let codes = tuples
        .map(|t| {
            debug_assert_eq!(t.len(), width);
            let next = ids.len() as u32;
            *ids.entry(t).or_insert(next)
        })
        .collect();
    (codes, ids.len())
}

impl Dimension {
    fn banded(hierarchies: Vec<Hierarchy>) -> Dimension {
        let bands = hierarchies.iter().map(Hierarchy::height).max().unwrap_or(1);
        let m = hierarchies.len();
        // States: every band with 1..=m members kept (the finest first), then all "*".
        let mut states: Vec<(usize, usize)> = Vec::new();
        for kept in (1..=m).rev() {
            for band in 0..bands {
                states.push((band, kept));
            }
        }
        states.sort_by_key(|&(band, kept)| (band, std::cmp::Reverse(kept)));
        states.push((bands, 0));
        let rows = hierarchies[0].codes.len();
        // State 0: the combination of the members' level-0 codes.
        let mut flat: Vec<u32> = Vec::with_capacity(rows * m);
        for r in 0..rows {
            flat.extend(hierarchies.iter().map(|h| h.codes[r]));
        }
        let (codes, card0) = intern(flat.chunks(m), m);
        let mut first = vec![u32::MAX; card0];
        for (r, &c) in codes.iter().enumerate() {
            if first[c as usize] == u32::MAX {
                first[c as usize] = r as u32;
            }
        }
        drop(flat);
        let mut maps = Vec::new();
        let mut cards = Vec::new();
        let mut losses = Vec::new();
        let mut levels = Vec::new();
        for &(band, kept) in &states {
            let mut tuples: Vec<u32> = Vec::with_capacity(card0 * m);
            for &r in &first {
                for (j, h) in hierarchies.iter().enumerate() {
                    tuples.push(match Self::member_level(h, j, band, kept) {
                        Some(l) => h.maps[l][h.codes[r as usize] as usize],
                        None => u32::MAX,
                    });
                }
            }
            let (map, card) = intern(tuples.chunks(m), m);
            maps.push(map);
            cards.push(card);
            losses.push(
                hierarchies
                    .iter()
                    .enumerate()
                    .map(|(j, h)| Self::member_level(h, j, band, kept).map_or(1.0, |l| l as f64 / h.height() as f64))
                    .sum::<f64>()
                    / m as f64,
            );
            levels.push(if kept == 0 {
                ANY.to_string()
            } else {
                let mut meanings: Vec<String> = Vec::new();
                for (j, h) in hierarchies.iter().enumerate().take(kept) {
                    let own = Self::member_level(h, j, band, kept).expect("kept");
                    let meaning = format!("{} {}", h.name, h.levels[own]);
                    meanings.push(meaning);
                }
                if kept < m {
                    meanings.push("de rest *".to_string());
                }
                meanings.join(", ")
            });
        }
        Dimension {
            name: hierarchies[0].name.clone(),
            columns: hierarchies.iter().map(|h| h.name.clone()).collect(),
            levels,
            coding: Coding {
                codes,
                maps,
                cards,
                losses,
                shape: states.clone(),
            },
            members: Members::Banded { hierarchies, states },
        }
    }

    /// Member `j`'s own level in state (band, kept) (`None`: "*").
    fn member_level(h: &Hierarchy, j: usize, band: usize, kept: usize) -> Option<usize> {
        (j < kept).then(|| band.min(h.height() - 1))
    }

    /// The states the limits allow: a limited column is kept, at most at its own level.
    pub fn allowed(&self, limits: &[(String, usize)]) -> Vec<usize> {
        let limit = |column: &str| limits.iter().filter(|(c, _)| c == column).map(|(_, l)| *l).min();
        match &self.members {
            Members::Banded { hierarchies, states } => states
                .iter()
                .enumerate()
                .filter(|(_, &(band, kept))| {
                    hierarchies.iter().enumerate().all(|(j, h)| {
                        limit(&h.name).is_none_or(|l| Self::member_level(h, j, band, kept).is_some_and(|own| own <= l))
                    })
                })
                .map(|(i, _)| i)
                .collect(),
            Members::Steunpunt { .. } => {
                let top = self.columns.iter().filter_map(|c| limit(c)).min().unwrap_or(usize::MAX);
                (0..=self.height().min(top)).collect()
            }
        }
    }

    /// A column's own level and height in a state (`None`: "*" or not a member).
    pub fn member_state(&self, column: &str, state: usize) -> Option<(usize, usize, String)> {
        match &self.members {
            Members::Banded { hierarchies, states } => {
                let j = hierarchies.iter().position(|h| h.name == column)?;
                let h = &hierarchies[j];
                let (band, kept) = states[state];
                Self::member_level(h, j, band, kept).map(|l| (l, h.height(), h.levels[l].clone()))
            }
            Members::Steunpunt { steunpunt, .. } => {
                (state < self.height()).then(|| (state, steunpunt.height(), steunpunt.levels[state].clone()))
            }
        }
    }

    fn steunpunt(steunpunt: Hierarchy, characteristics: &[(&str, &RawColumn)]) -> Dimension {
        let card0 = steunpunt.cardinality(0);
        let values = characteristics
            .iter()
            .map(|(_, column)| {
                let mut values: Vec<Option<Value>> = vec![None; card0];
                for (r, &s) in steunpunt.codes.iter().enumerate() {
                    let v = match column {
                        RawColumn::Number(x) => x[r].map_or(Value::Missing, Value::Number),
                        RawColumn::Text(t) => t.get(r).map_or(Value::Missing, |s| Value::Text(s.to_string())),
                    };
                    let slot = &mut values[s as usize];
                    match slot {
                        None => *slot = Some(v),
                        Some(seen) if *seen != v => *seen = Value::Varies,
                        Some(_) => {}
                    }
                }
                let values = values.into_iter().map(|v| v.unwrap_or(Value::Missing)).collect();
                CharacteristicValues {
                    numeric: matches!(column, RawColumn::Number(_)),
                    values,
                }
            })
            .collect();
        let coding = Coding {
            codes: steunpunt.codes.clone(),
            maps: steunpunt.maps.clone(),
            cards: (0..=steunpunt.height()).map(|l| steunpunt.cardinality(l)).collect(),
            losses: (0..=steunpunt.height())
                .map(|l| l as f64 / steunpunt.height() as f64)
                .collect(),
            shape: (0..=steunpunt.height())
                .map(|l| if l == steunpunt.height() { (l, 0) } else { (l, 1) })
                .collect(),
        };
        let mut columns = vec![steunpunt.name.clone()];
        columns.extend(characteristics.iter().map(|(n, _)| n.to_string()));
        Dimension {
            name: steunpunt.name.clone(),
            columns,
            levels: steunpunt.levels.clone(),
            coding,
            members: Members::Steunpunt {
                steunpunt,
                characteristics: values,
            },
        }
    }

    pub fn height(&self) -> usize {
        self.coding.height()
    }

    /// The members as they come out at `level`, for `rows` (input row numbers) with `blanked[i]`
    /// true where the whole dimension is suppressed in that row.
    pub fn output(&self, level: usize, rows: &[usize], blanked: impl Fn(usize) -> bool) -> Vec<(String, RawColumn)> {
        match &self.members {
            Members::Banded { hierarchies, states } => {
                let (band, kept) = states[level];
                hierarchies
                    .iter()
                    .enumerate()
                    .map(|(j, h)| {
                        let own = Self::member_level(h, j, band, kept);
                        let labels = rows.iter().enumerate().map(|(i, &r)| match own {
                            _ if blanked(i) => Some(ANY),
                            None => Some(ANY),
                            Some(l) => {
                                let label = h.label(l, h.codes[r]);
                                (label != hierarchy::MISSING).then_some(label)
                            }
                        });
                        (h.name.clone(), RawColumn::text(labels))
                    })
                    .collect()
            }
            Members::Steunpunt {
                steunpunt,
                characteristics,
            } => {
                let top = level == self.height();
                let label_of = |i: usize, r: usize| -> Option<&str> {
                    if top || blanked(i) {
                        return Some(ANY);
                    }
                    let label = steunpunt.label(level, steunpunt.codes[r]);
                    (label != hierarchy::MISSING).then_some(label)
                };
                let mut out = vec![(
                    steunpunt.name.clone(),
                    RawColumn::text(rows.iter().enumerate().map(|(i, &r)| label_of(i, r))),
                )];
                // Per code at this level: the level-0 steunpunten it covers.
                let map = &steunpunt.maps[level];
                let mut cover: Vec<Vec<usize>> = vec![Vec::new(); steunpunt.cardinality(level)];
                for (s0, &s) in map.iter().enumerate() {
                    cover[s as usize].push(s0);
                }
                let all: Vec<usize> = (0..steunpunt.cardinality(0)).collect();
                for (j, c) in characteristics.iter().enumerate() {
                    let name = &self.columns[j + 1];
                    // The value shown for a cover: the same for every steunpunt in it, else hidden ("*").
                    let shown = |covered: &[usize]| -> Option<&Value> {
                        let first = &c.values[covered[0]];
                        (*first != Value::Varies && covered.iter().all(|&s| c.values[s] == *first)).then_some(first)
                    };
                    let per_code: Vec<Option<&Value>> = cover.iter().map(|cv| shown(cv)).collect();
                    let everywhere = shown(&all);
                    let value = |i: usize, r: usize| -> Option<&Value> {
                        if top || blanked(i) {
                            everywhere
                        } else {
                            per_code[map[steunpunt.codes[r] as usize] as usize]
                        }
                    };
                    let values: Vec<Option<&Value>> = rows.iter().enumerate().map(|(i, &r)| value(i, r)).collect();
                    let column = if c.numeric && values.iter().all(Option::is_some) {
                        RawColumn::Number(
                            values
                                .iter()
                                .map(|v| match v {
                                    Some(Value::Number(x)) => Some(*x),
                                    _ => None,
                                })
                                .collect(),
                        )
                    } else {
                        RawColumn::text(values.iter().map(|v| match v {
                            None => Some(std::borrow::Cow::Borrowed(ANY)),
                            Some(Value::Number(x)) => {
                                Some(std::borrow::Cow::Owned(crate::chaid::binning::number_label(*x)))
                            }
                            Some(Value::Text(t)) => Some(std::borrow::Cow::Borrowed(t.as_str())),
                            Some(Value::Missing | Value::Varies) => None,
                        }))
                    };
                    out.push((name.clone(), column));
                }
                out
            }
        }
    }
}

/// The dimensions of a file's quasi-identifiers (those in `quasi`, by their roles): members that
/// share a source are joined (union-find over sources), steunpunt characteristics join the steunpunt.
pub fn build(columns: &[(&str, &RawColumn)], quasi: &[&ColumnRole], k: usize) -> Vec<Dimension> {
    let n = quasi.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for a in 0..n {
        for b in a + 1..n {
            if quasi[a].sources.iter().any(|s| quasi[b].sources.contains(s)) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    parent[rb.max(ra)] = rb.min(ra);
                }
            }
        }
    }
    let column = |name: &str| columns.iter().find(|(c, _)| *c == name).expect("role of a column").1;
    let mut out = Vec::new();
    for root in 0..n {
        let mut members: Vec<&ColumnRole> = (0..n)
            .filter(|&i| find(&mut parent, i) == root)
            .map(|i| quasi[i])
            .collect();
        // The most important first: they are kept longest.
        members.sort_by_key(|m| super::roles::priority(&m.column));
        if members.is_empty() {
            continue;
        }
        let steunpunt = members
            .iter()
            .find(|m| crate::ingest::fold::fold_words(&m.column) == "steunpunt");
        if let Some(sp) = steunpunt {
            let h = hierarchy::for_column(&sp.column, column(&sp.column), k);
            let rest: Vec<(&str, &RawColumn)> = members
                .iter()
                .filter(|m| m.column != sp.column)
                .map(|m| (m.column.as_str(), column(&m.column)))
                .collect();
            out.push(Dimension::steunpunt(h, &rest));
        } else {
            let hierarchies = members
                .iter()
                .map(|m| hierarchy::for_column(&m.column, column(&m.column), k))
                .collect();
            out.push(Dimension::banded(hierarchies));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anonymise::roles::{assign, Role};

    fn text(xs: &[&str]) -> RawColumn {
        RawColumn::text(xs.iter().map(|x| (!x.is_empty()).then_some(*x)))
    }

    #[test]
    fn characteristics_follow_the_steunpunt() {
        // Groningen and Leeuwarden (Noord) share a living room but not their staff.
        let sp = text(&["Groningen", "Groningen", "Leeuwarden", "Leeuwarden", "Tilburg"]);
        let room = text(&["ja", "ja", "ja", "ja", "nee"]);
        let staff = RawColumn::Number(vec![Some(3.0), Some(3.0), Some(5.0), Some(5.0), Some(2.0)]);
        let columns = [("steunpunt", &sp), ("huiskamer", &room), ("medewerkers", &staff)];
        let roles = assign(&columns, &[]);
        let quasi: Vec<&ColumnRole> = roles.iter().filter(|r| r.role == Role::Quasi).collect();
        let dims = build(&columns, &quasi, 5);
        assert_eq!(dims.len(), 1);
        let d = &dims[0];
        assert_eq!(d.columns, ["steunpunt", "huiskamer", "medewerkers"]);
        let rows: Vec<usize> = (0..5).collect();
        // Level 2: landsdeel. Noord keeps its living room, not its staff.
        let out = d.output(2, &rows, |_| false);
        assert_eq!(out[0].1, text(&["Noord", "Noord", "Noord", "Noord", "Zuid"]));
        assert_eq!(out[1].1, text(&["ja", "ja", "ja", "ja", "nee"]));
        assert_eq!(out[2].1, text(&["*", "*", "*", "*", "2"]));
        // Level 0 keeps everything; the top hides what differs anywhere.
        assert_eq!(d.output(0, &rows, |_| false)[2].1, staff);
        let top = d.output(d.height(), &rows, |_| false);
        assert_eq!(top[0].1, text(&["*"; 5]));
        assert_eq!(top[1].1, text(&["*"; 5]));
    }
}
