//! The categories both sides compute the same way. A person's value of an analysis-file column
//! becomes a *key* (an age band, a duration band, a period, an outcome code, a country); keys
//! are grouped into the published categories ([`Group`]). The researcher groups them
//! ([`coarsen`]); the file lists each category's keys, and a steunpunt maps its own keys with
//! [`group_of`]. Bands and periods are fixed (from the peildatum, never from the data), so no
//! extreme value of a person shows in a label.

use serde::{Deserialize, Serialize};

use crate::chaid::binning::number_label;
use crate::chaid::data::RawColumn;
use crate::date::Date;

/// The key of a missing value.
pub const UNKNOWN: &str = "(onbekend)";
/// The catch-all of countries and predictor values: everything not listed.
pub const OTHER: &str = "overig";
/// The experiment's start: intake before it is one period.
pub const BEFORE_START: &str = "voor 1-10-2009";
const START: Date = Date {
    year: 2009,
    month: 10,
    day: 1,
};

/// The outcome codes (the dictionary's `resultaat`); "Overig" is the outcome's catch-all.
pub const OUTCOMES: [&str; 6] = [
    "In begeleiding",
    "Verblijfsvergunning",
    "Terugkeer",
    "MOB",
    "Doormigratie",
    "Overig",
];

/// A band `[lo, hi)` of whole years or months (`None`: unbounded).
type Band = (Option<u32>, Option<u32>);

/// Age at intake in whole years.
const AGE_BANDS: [Band; 8] = [
    (None, Some(18)),
    (Some(18), Some(19)),
    (Some(19), Some(20)),
    (Some(20), Some(21)),
    (Some(21), Some(22)),
    (Some(22), Some(23)),
    (Some(23), Some(24)),
    (Some(24), None),
];

/// Duration of guidance in whole months.
const DURATION_BANDS: [Band; 7] = [
    (Some(0), Some(3)),
    (Some(3), Some(6)),
    (Some(6), Some(9)),
    (Some(9), Some(12)),
    (Some(12), Some(18)),
    (Some(18), Some(24)),
    (Some(24), None),
];

/// Intake per year or per quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Year,
    Quarter,
}

/// What the figures are given by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Outcome,
    Age,
    Country,
    Duration,
    Intake,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::Outcome,
        Dimension::Age,
        Dimension::Country,
        Dimension::Duration,
        Dimension::Intake,
    ];

    /// The analysis file's column it is computed from.
    pub fn column(self) -> &'static str {
        match self {
            Dimension::Outcome => "resultaat",
            Dimension::Age => "leeftijd_instroom",
            Dimension::Country => "land_herkomst",
            Dimension::Duration => "duur_begeleiding_maanden",
            Dimension::Intake => "kwartaal_instroom",
        }
    }
}

/// A published category: its label and the keys it holds. A catch-all also holds every key no
/// other category lists (its own keys are listed only when they are fixed words, never for
/// countries or predictor values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub label: String,
    pub keys: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub catch_all: bool,
}

/// A category with its published count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    #[serde(flatten)]
    pub group: Group,
    pub count: crate::disclosure::Count,
    /// % of the total, when both are shown (one decimal).
    pub percent: Option<f64>,
}

/// The category a key falls in: the one that lists it, else the catch-all.
pub fn group_of(groups: &[Group], key: &str) -> Option<usize> {
    groups
        .iter()
        .position(|g| g.keys.iter().any(|k| k == key))
        .or_else(|| groups.iter().position(|g| g.catch_all))
}

/// One cell of a column: text (a number as the analysis file writes it) or a number.
fn cell(col: &RawColumn, row: usize) -> (Option<String>, Option<f64>) {
    match col {
        RawColumn::Text(t) => {
            let s = t.get(row).map(str::to_string);
            let x = s
                .as_deref()
                .and_then(|s| crate::ingest::values::parse_number(s).or_else(|| s.trim().parse().ok()));
            (s, x)
        }
        RawColumn::Number(v) => (v[row].map(number_label), v[row]),
    }
}

/// A value as a key of a nominal variable (a country, a predictor): the text, or [`UNKNOWN`].
pub fn nominal_key(col: &RawColumn, row: usize) -> String {
    cell(col, row).0.unwrap_or_else(|| UNKNOWN.to_string())
}

fn band_of(bands: &[Band], x: f64) -> usize {
    let whole = x.floor();
    bands
        .iter()
        .position(|&(lo, hi)| lo.is_none_or(|l| whole >= f64::from(l)) && hi.is_none_or(|h| whole < f64::from(h)))
        .unwrap_or(0)
}

/// "≤17", "18", "20–21", "≥24" (whole years or months).
fn band_label((lo, hi): Band) -> String {
    match (lo, hi) {
        (None, Some(h)) => format!("≤{}", h - 1),
        (Some(l), None) => format!("≥{l}"),
        (Some(l), Some(h)) if h == l + 1 => l.to_string(),
        (Some(l), Some(h)) => format!("{l}–{}", h - 1),
        (None, None) => "—".into(),
    }
}

fn bands_of(d: Dimension) -> Option<&'static [Band]> {
    match d {
        Dimension::Age => Some(&AGE_BANDS),
        Dimension::Duration => Some(&DURATION_BANDS),
        _ => None,
    }
}

/// The periods from the experiment's start to the peildatum (fixed, not from the data).
fn periods(peildatum: Date, period: Period) -> Vec<String> {
    let mut out = vec![BEFORE_START.to_string()];
    match period {
        Period::Year => out.extend((START.year..=peildatum.year).map(|y| y.to_string())),
        Period::Quarter => {
            let (mut year, mut quarter) = (START.year, (START.month - 1) / 3 + 1);
            while (year, quarter) <= (peildatum.year, (peildatum.month - 1) / 3 + 1) {
                out.push(format!("{year}-K{quarter}"));
                (year, quarter) = if quarter == 4 {
                    (year + 1, 1)
                } else {
                    (year, quarter + 1)
                };
            }
        }
    }
    out
}

/// The fixed keys of a dimension, in order, [`UNKNOWN`] last (`None` for countries: their keys
/// are the values).
pub fn fixed_keys(d: Dimension, peildatum: Date, period: Period) -> Option<Vec<String>> {
    let mut keys: Vec<String> = match d {
        Dimension::Outcome => OUTCOMES.iter().map(|s| s.to_string()).collect(),
        Dimension::Age | Dimension::Duration => bands_of(d)?.iter().map(|&b| band_label(b)).collect(),
        Dimension::Intake => periods(peildatum, period),
        Dimension::Country => return None,
    };
    keys.push(UNKNOWN.into());
    Some(keys)
}

/// A person's key of a dimension from the analysis file's column. A value outside the fixed keys
/// (an unrecognised outcome) is returned as it is: it falls into the catch-all.
pub fn key(d: Dimension, col: &RawColumn, row: usize, peildatum: Date, period: Period) -> String {
    let (text, number) = cell(col, row);
    match d {
        Dimension::Outcome | Dimension::Country => text.unwrap_or_else(|| UNKNOWN.into()),
        Dimension::Age | Dimension::Duration => match number {
            Some(x) if x.is_finite() => {
                let bands = bands_of(d).expect("banded");
                band_label(bands[band_of(bands, x)])
            }
            _ => UNKNOWN.into(),
        },
        Dimension::Intake => match text {
            Some(t) if t == BEFORE_START => t,
            Some(t) => {
                let k = match period {
                    Period::Quarter => t,
                    Period::Year => t.split("-K").next().unwrap_or_default().to_string(),
                };
                if periods(peildatum, period).contains(&k) {
                    k
                } else {
                    UNKNOWN.into()
                }
            }
            None => UNKNOWN.into(),
        },
    }
}

/// How keys may be grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any key may go into the catch-all (labelled thus). `list_catch_all`: whether the
    /// catch-all's own keys are fixed words that may be listed.
    Nominal {
        catch_all: &'static str,
        list_catch_all: bool,
    },
    /// Only neighbours merge ([`UNKNOWN`], last, with the last band).
    Ordered { bands: Option<&'static [Band]> },
}

impl Kind {
    pub fn of(d: Dimension) -> Kind {
        match d {
            Dimension::Outcome => Kind::Nominal {
                catch_all: "Overig",
                list_catch_all: true,
            },
            Dimension::Country => Kind::Nominal {
                catch_all: OTHER,
                list_catch_all: false,
            },
            Dimension::Age | Dimension::Duration => Kind::Ordered { bands: bands_of(d) },
            Dimension::Intake => Kind::Ordered { bands: None },
        }
    }
}

/// Keys and their counts: national per key, and per steunpunt per key.
#[derive(Debug, Clone)]
pub struct KeyCounts {
    pub keys: Vec<String>,
    /// `own[s][k]`: persons of steunpunt `s` with key `k`.
    pub own: Vec<Vec<u64>>,
}

impl KeyCounts {
    pub fn national(&self, k: usize) -> u64 {
        self.own.iter().map(|o| o[k]).sum()
    }
}

/// Whether a count tells something about fewer than `threshold` persons: itself, or what a
/// steunpunt that knows `own` of them learns about the others.
pub fn exposes(national: u64, own: impl IntoIterator<Item = u64>, threshold: u64, differencing: bool) -> bool {
    let small = |x: u64| x > 0 && x < threshold;
    small(national) || (differencing && own.into_iter().any(|s| small(national.saturating_sub(s))))
}

/// Group the keys until no category exposes anything ([`exposes`]): a failing key goes into the
/// catch-all (nominal; a failing catch-all takes the smallest other category), or merges with
/// its smaller neighbour (ordered). One category left is the total, checked by the caller.
///
/// With `empty_fails` an empty category merges too: a published table shows no zero (an empty
/// band at either end would tell the range of the data).
pub fn coarsen(counts: &KeyCounts, kind: Kind, threshold: u64, differencing: bool, empty_fails: bool) -> Vec<Group> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut catch_all = None;
    // An empty "(onbekend)" is left out: an own person without the value then has no category.
    let left_out = |k: usize| empty_fails && counts.keys[k] == UNKNOWN && counts.national(k) == 0;
    match kind {
        Kind::Nominal { catch_all: label, .. } => {
            let mut all = Vec::new();
            for k in (0..counts.keys.len()).filter(|&k| !left_out(k)) {
                if counts.keys[k] == label {
                    all.push(k);
                } else {
                    groups.push(vec![k]);
                }
            }
            groups.push(all);
            catch_all = Some(groups.len() - 1);
        }
        Kind::Ordered { .. } => {
            groups = (0..counts.keys.len())
                .filter(|&k| !left_out(k))
                .map(|k| vec![k])
                .collect()
        }
    }
    let national = |g: &[usize]| g.iter().map(|&k| counts.national(k)).sum::<u64>();
    let own = |g: &[usize]| {
        counts
            .own
            .iter()
            .map(|o| g.iter().map(|&k| o[k]).sum::<u64>())
            .collect::<Vec<_>>()
    };
    while groups.len() > 1 {
        let failing = (0..groups.len())
            .filter(|&g| {
                let n = national(&groups[g]);
                (empty_fails && n == 0) || exposes(n, own(&groups[g]), threshold, differencing)
            })
            .min_by_key(|&g| national(&groups[g]));
        let Some(g) = failing else { break };
        match catch_all {
            Some(c) => {
                let from = if g != c {
                    g
                } else {
                    (0..groups.len())
                        .filter(|&o| o != c)
                        .min_by_key(|&o| national(&groups[o]))
                        .expect("another category")
                };
                let moved = groups.remove(from);
                let c = if from < c { c - 1 } else { c };
                groups[c].extend(moved);
                groups[c].sort_unstable();
                catch_all = Some(c);
            }
            None => {
                // The smaller neighbour with persons (merging with an empty one changes nothing).
                let neighbours = [g.checked_sub(1), (g + 1 < groups.len()).then_some(g + 1)];
                let Some(neighbour) = neighbours
                    .into_iter()
                    .flatten()
                    .min_by_key(|&n| (national(&groups[n]) == 0, national(&groups[n])))
                else {
                    break;
                };
                let (first, second) = (g.min(neighbour), g.max(neighbour));
                let moved = groups.remove(second);
                groups[first].extend(moved);
            }
        }
    }
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| label(counts, kind, g, catch_all == Some(i)))
        .collect()
}

fn label(counts: &KeyCounts, kind: Kind, g: &[usize], is_catch_all: bool) -> Group {
    let keys: Vec<String> = g.iter().map(|&k| counts.keys[k].clone()).collect();
    match kind {
        Kind::Nominal {
            catch_all,
            list_catch_all,
        } => {
            if is_catch_all {
                Group {
                    label: catch_all.to_string(),
                    keys: if list_catch_all { keys } else { Vec::new() },
                    catch_all: true,
                }
            } else {
                Group {
                    label: keys[0].clone(),
                    keys,
                    catch_all: false,
                }
            }
        }
        Kind::Ordered { bands } => {
            let known: Vec<&String> = keys.iter().filter(|k| *k != UNKNOWN).collect();
            let mut text = match (known.first(), known.last()) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => match bands {
                    Some(bands) => {
                        let at = |k: &str| bands.iter().position(|&b| band_label(b) == k).expect("a band");
                        band_label((bands[at(a)].0, bands[at(b)].1))
                    }
                    None => format!("{a} – {b}"),
                },
                _ => String::new(),
            };
            if known.len() < keys.len() {
                text = if text.is_empty() {
                    UNKNOWN.into()
                } else {
                    format!("{text} / {UNKNOWN}")
                };
            }
            Group {
                label: text,
                keys,
                catch_all: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(keys: &[&str], own: &[&[u64]]) -> KeyCounts {
        KeyCounts {
            keys: keys.iter().map(|s| s.to_string()).collect(),
            own: own.iter().map(|o| o.to_vec()).collect(),
        }
    }

    #[test]
    fn bands_and_periods_are_fixed() {
        let p = Date::new(2011, 4, 1).unwrap();
        assert_eq!(
            fixed_keys(Dimension::Age, p, Period::Year).unwrap(),
            ["≤17", "18", "19", "20", "21", "22", "23", "≥24", UNKNOWN]
        );
        assert_eq!(
            fixed_keys(Dimension::Intake, p, Period::Year).unwrap(),
            [BEFORE_START, "2009", "2010", "2011", UNKNOWN]
        );
        assert_eq!(
            fixed_keys(Dimension::Intake, p, Period::Quarter).unwrap(),
            [
                BEFORE_START,
                "2009-K4",
                "2010-K1",
                "2010-K2",
                "2010-K3",
                "2010-K4",
                "2011-K1",
                "2011-K2",
                UNKNOWN
            ]
        );
        let ages = RawColumn::Number(vec![Some(17.999), Some(18.0), Some(25.2), None]);
        let k: Vec<String> = (0..4).map(|r| key(Dimension::Age, &ages, r, p, Period::Year)).collect();
        assert_eq!(k, ["≤17", "18", "≥24", UNKNOWN]);
        let q = RawColumn::text([Some("2010-K3"), Some(BEFORE_START), Some("2012-K1")]);
        let k: Vec<String> = (0..3).map(|r| key(Dimension::Intake, &q, r, p, Period::Year)).collect();
        assert_eq!(k, ["2010", BEFORE_START, UNKNOWN], "after the peildatum: unknown");
    }

    #[test]
    fn a_country_that_one_steunpunt_almost_fills_goes_into_overig() {
        // Angola: 8 nationally, 6 at steunpunt 0: the others would learn "2 elsewhere".
        let c = counts(&["Angola", "Iran", "Irak", "Syrië"], &[&[6, 10, 0, 3], &[2, 10, 3, 3]]);
        let kind = Kind::of(Dimension::Country);
        let g = coarsen(&c, kind, 5, true, true);
        assert_eq!(g.iter().map(|g| g.label.as_str()).collect::<Vec<_>>(), ["Iran", OTHER]);
        assert!(g[1].keys.is_empty(), "the catch-all lists no country");
        assert_eq!(group_of(&g, "Angola"), Some(1));
        // Without the differencing rule Angola (8) would be listed.
        let g = coarsen(&c, kind, 5, false, true);
        assert_eq!(
            g.iter().map(|g| g.label.as_str()).collect::<Vec<_>>(),
            ["Angola", "Iran", OTHER]
        );
    }

    #[test]
    fn ordered_bands_merge_with_the_smaller_neighbour() {
        let keys = fixed_keys(Dimension::Age, Date::new(2011, 4, 1).unwrap(), Period::Year).unwrap();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let c = counts(&keys, &[&[2, 40, 30, 20, 10, 6, 0, 0, 0]]);
        let g = coarsen(&c, Kind::of(Dimension::Age), 5, true, false);
        let labels: Vec<&str> = g.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["≤18", "19", "20", "21", "22", "23", "≥24", UNKNOWN]);
        assert_eq!(g[0].keys, ["≤17", "18"]);
        // A steunpunt with 4 of the 6 of age 22 would learn "2 elsewhere": 22 merges with 23 (0).
        let c = counts(
            &keys,
            &[&[2, 20, 15, 10, 5, 4, 0, 0, 0], &[0, 20, 15, 10, 5, 2, 0, 0, 0]],
        );
        let g = coarsen(&c, Kind::of(Dimension::Age), 5, true, false);
        let labels: Vec<&str> = g.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["≤18", "19", "20", "21–22", "23", "≥24", UNKNOWN]);
    }
}
