//! Merging a predictor's categories within a node: CHAID and Exhaustive CHAID,
//! floating missing categories, optional re-splitting, and the min-child merge.

use super::bonferroni::{ln_multiplier, Merging};
use super::groups::{Row, Tester};
use super::params::{ChaidParams, Method};
use crate::stats::TestResult;

/// A group of original categories and its summed row.
#[derive(Debug, Clone)]
pub struct Group {
    /// Category codes, ascending.
    pub codes: Vec<usize>,
    pub row: Row,
}

impl Group {
    fn join(&self, other: &Group) -> Group {
        let mut codes = [self.codes.as_slice(), other.codes.as_slice()].concat();
        codes.sort_unstable();
        Group {
            codes,
            row: self.row.merge(&other.row),
        }
    }
}

/// The outcome of merging one predictor in one node.
#[derive(Debug, Clone)]
pub struct Merged {
    pub groups: Vec<Group>,
    pub merging: Merging,
    /// Original categories present in the node (I).
    pub categories: usize,
    pub test: TestResult,
    pub ln_bonferroni: f64,
    pub adj_ln_p: f64,
    /// Choices between equally good candidates (two pairs equally similar,
    /// two groups equally small) that the category order decided, as in SPSS.
    pub ties: usize,
}

/// Two ln p (or sizes) so close that only the order of the categories can choose.
fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The candidate with the largest value (the first on ties) and whether another was tied with it.
fn largest(candidates: impl Iterator<Item = (usize, f64)>) -> Option<(usize, f64, bool)> {
    let all: Vec<(usize, f64)> = candidates.collect();
    let (i, v) = all
        .iter()
        .copied()
        .fold(None, |best: Option<(usize, f64)>, (i, v)| match best {
            Some(b) if v <= b.1 => Some(b),
            _ => Some((i, v)),
        })?;
    let tie = all.iter().any(|&(j, w)| j != i && tied(v, w));
    Some((i, v, tie))
}

impl Merged {
    pub fn can_split(&self) -> bool {
        self.groups.len() >= 2
    }
}

fn ln_p_of(tester: &Tester, groups: &[Group]) -> TestResult {
    if groups.len() < 2 {
        return TestResult::NONE;
    }
    let rows: Vec<&Row> = groups.iter().map(|g| &g.row).collect();
    tester.test(&rows)
}

fn pair_ln_p(tester: &Tester, a: &Group, b: &Group) -> f64 {
    tester.pair_ln_p(&a.row, &b.row)
}

/// ln p of every allowable pair of the current groups, keyed by the groups'
/// first codes: a join only recomputes the pairs of the new group.
struct PairCache {
    ln_p: std::collections::HashMap<(usize, usize), f64>,
    /// Choices the category order decided.
    ties: usize,
}

impl PairCache {
    fn new() -> PairCache {
        PairCache {
            ln_p: std::collections::HashMap::new(),
            ties: 0,
        }
    }

    /// The allowable pair with the largest p (first found on ties).
    fn most_similar(&mut self, tester: &Tester, groups: &[Group], ordinal: bool) -> Option<(usize, usize, f64)> {
        let mut pairs = Vec::new();
        for i in 0..groups.len() {
            let end = if ordinal {
                (i + 2).min(groups.len())
            } else {
                groups.len()
            };
            for j in i + 1..end {
                let key = (groups[i].codes[0], groups[j].codes[0]);
                let lp = *self
                    .ln_p
                    .entry(key)
                    .or_insert_with(|| pair_ln_p(tester, &groups[i], &groups[j]));
                pairs.push((i, j, lp));
            }
        }
        let (k, lp, tie) = largest(pairs.iter().enumerate().map(|(k, p)| (k, p.2)))?;
        self.ties += usize::from(tie);
        Some((pairs[k].0, pairs[k].1, lp))
    }

    /// Forget the pairs of a group whose members change.
    fn forget(&mut self, first_code: usize) {
        self.ln_p.retain(|&(a, b), _| a != first_code && b != first_code);
    }
}

fn join_at(groups: &mut Vec<Group>, i: usize, j: usize) {
    let g = groups[i].join(&groups[j]);
    groups[i] = g;
    groups.remove(j);
    groups.sort_by_key(|g| g.codes[0]);
}

/// Re-split a merged group at its most significant binary split when p ≤ alpha-merge.
fn resplit(
    tester: &Tester,
    groups: &mut Vec<Group>,
    at: usize,
    ordinal: bool,
    ln_alpha: f64,
    rows: &dyn Fn(&[usize]) -> Row,
) {
    let members = groups[at].codes.clone();
    let m = members.len();
    if m < 3 || (!ordinal && m > 16) {
        return;
    }
    let mut best: Option<(f64, Vec<usize>, Vec<usize>)> = None;
    let mut consider = |a: Vec<usize>, b: Vec<usize>| {
        let (ga, gb) = (
            Group {
                row: rows(&a),
                codes: a,
            },
            Group {
                row: rows(&b),
                codes: b,
            },
        );
        let lp = pair_ln_p(tester, &ga, &gb);
        if best.as_ref().is_none_or(|x| lp < x.0) {
            best = Some((lp, ga.codes, gb.codes));
        }
    };
    if ordinal {
        for k in 1..m {
            consider(members[..k].to_vec(), members[k..].to_vec());
        }
    } else {
        for mask in 1u32..(1 << (m - 1)) {
            let (mut a, mut b) = (vec![members[0]], Vec::new());
            for (bit, &code) in members[1..].iter().enumerate() {
                if mask & (1 << bit) != 0 {
                    b.push(code)
                } else {
                    a.push(code)
                }
            }
            consider(a, b);
        }
    }
    if let Some((lp, a, b)) = best {
        if lp <= ln_alpha {
            groups.remove(at);
            groups.push(Group {
                row: rows(&a),
                codes: a,
            });
            groups.push(Group {
                row: rows(&b),
                codes: b,
            });
            groups.sort_by_key(|g| g.codes[0]);
        }
    }
}

fn chaid_merge(
    tester: &Tester,
    mut groups: Vec<Group>,
    ordinal: bool,
    params: &ChaidParams,
    rows: &dyn Fn(&[usize]) -> Row,
) -> (Vec<Group>, usize) {
    let ln_alpha = params.alpha_merge.ln();
    let mut ties = 0;
    let mut budget = 4 * groups.len() * groups.len() + 8;
    let mut cache = PairCache::new();
    while groups.len() > 2 && budget > 0 {
        budget -= 1;
        let Some((i, j, lp)) = cache.most_similar(tester, &groups, ordinal) else {
            break;
        };
        if lp <= ln_alpha {
            break;
        }
        let first = groups[i].codes[0].min(groups[j].codes[0]);
        cache.forget(groups[i].codes[0]);
        cache.forget(groups[j].codes[0]);
        join_at(&mut groups, i, j);
        if params.resplit {
            if let Some(at) = groups.iter().position(|g| g.codes[0] == first && g.codes.len() >= 3) {
                let before = groups.len();
                resplit(tester, &mut groups, at, ordinal, ln_alpha, rows);
                if groups.len() != before {
                    // Re-split groups may start with a code that named another group before.
                    ties += cache.ties;
                    cache = PairCache::new();
                }
            }
        }
    }
    (groups, ties + cache.ties)
}

fn exhaustive_merge(tester: &Tester, mut groups: Vec<Group>, ordinal: bool) -> (Vec<Group>, usize) {
    let mut best = (ln_p_of(tester, &groups).ln_p, groups.clone());
    let mut cache = PairCache::new();
    while groups.len() > 2 {
        let Some((i, j, _)) = cache.most_similar(tester, &groups, ordinal) else {
            break;
        };
        cache.forget(groups[i].codes[0]);
        cache.forget(groups[j].codes[0]);
        join_at(&mut groups, i, j);
        let lp = ln_p_of(tester, &groups).ln_p;
        if lp < best.0 {
            best = (lp, groups.clone());
        }
    }
    (best.1, cache.ties)
}

/// Merge the categories present in a node. `cats` are (code, row) in code order;
/// `missing` is the predictor's missing code; `ordinal` for ordinal and binned scale predictors.
pub fn merge(cats: Vec<(usize, Row)>, missing: usize, ordinal: bool, params: &ChaidParams, tester: &Tester) -> Merged {
    let categories = cats.len();
    let lookup: Vec<(usize, Row)> = cats.clone();
    let rows = move |codes: &[usize]| {
        Row::sum(
            codes
                .iter()
                .map(|c| &lookup.iter().find(|(k, _)| k == c).expect("code").1),
        )
    };
    let mut singles: Vec<Group> = cats
        .into_iter()
        .map(|(code, row)| Group { codes: vec![code], row })
        .collect();
    let floating_missing = if ordinal {
        singles
            .iter()
            .position(|g| g.codes[0] == missing)
            .map(|i| singles.remove(i))
    } else {
        None
    };
    let merging = match (ordinal, &floating_missing) {
        (false, _) => Merging::Nominal,
        (true, Some(_)) => Merging::Floating,
        (true, None) => Merging::Ordinal,
    };
    let (mut groups, mut ties) = match params.method {
        Method::Chaid => chaid_merge(tester, singles, ordinal, params, &rows),
        Method::Exhaustive => exhaustive_merge(tester, singles, ordinal),
    };
    if let Some(m) = floating_missing {
        if groups.is_empty() {
            groups.push(m);
        } else {
            let (similar, _, tie) =
                largest((0..groups.len()).map(|i| (i, pair_ln_p(tester, &groups[i], &m)))).expect("a group");
            ties += usize::from(tie);
            let mut separate = groups.clone();
            separate.push(m.clone());
            let mut merged = groups;
            merged[similar] = merged[similar].join(&m);
            let (ps, pm) = (ln_p_of(tester, &separate).ln_p, ln_p_of(tester, &merged).ln_p);
            groups = if pm < ps { merged } else { separate };
        }
    }
    let mut merged = finish(groups, merging, categories, params, tester);
    merged.ties = ties;
    merged
}

/// Test the final grouping and apply the Bonferroni multiplier.
pub fn finish(
    groups: Vec<Group>,
    merging: Merging,
    categories: usize,
    params: &ChaidParams,
    tester: &Tester,
) -> Merged {
    let test = ln_p_of(tester, &groups);
    let ln_bonferroni = if params.bonferroni && groups.len() >= 2 {
        ln_multiplier(
            params.method,
            merging,
            categories,
            groups.len(),
            params.exhaustive_nominal,
        )
    } else {
        0.0
    };
    let adj_ln_p = (test.ln_p + ln_bonferroni).min(0.0);
    Merged {
        groups,
        merging,
        categories,
        test,
        ln_bonferroni,
        adj_ln_p,
        ties: 0,
    }
}

/// Merge every group smaller than `min_child` into its most similar allowable
/// group, smallest first, until all are large enough or one group is left.
pub fn enforce_min_child(mut merged: Merged, missing: usize, params: &ChaidParams, tester: &Tester) -> Merged {
    let ordinal = merged.merging != Merging::Nominal;
    loop {
        let groups = &merged.groups;
        if groups.len() < 2 {
            break;
        }
        let Some((small, _, size_tie)) = largest(
            (0..groups.len())
                .filter(|&i| groups[i].row.total() < params.min_child)
                .map(|i| (i, -groups[i].row.total())),
        ) else {
            break;
        };
        let is_missing_only = |g: &Group| g.codes == [missing];
        let candidates: Vec<usize> = (0..groups.len())
            .filter(|&j| j != small)
            .filter(|&j| {
                !ordinal || is_missing_only(&groups[small]) || is_missing_only(&groups[j]) || {
                    // Adjacent among the non-missing-only groups (kept in code order).
                    let order: Vec<usize> = (0..groups.len()).filter(|&k| !is_missing_only(&groups[k])).collect();
                    let ps = order.iter().position(|&k| k == small);
                    let pj = order.iter().position(|&k| k == j);
                    matches!((ps, pj), (Some(a), Some(b)) if a.abs_diff(b) == 1)
                }
            })
            .collect();
        let Some((target, _, similar_tie)) = largest(
            candidates
                .into_iter()
                .map(|j| (j, pair_ln_p(tester, &groups[small], &groups[j]))),
        ) else {
            break;
        };
        let mut groups = merged.groups.clone();
        let (lo, hi) = (small.min(target), small.max(target));
        join_at(&mut groups, lo, hi);
        let ties = merged.ties + usize::from(size_tie) + usize::from(similar_tie);
        merged = finish(groups, merged.merging, merged.categories, params, tester);
        merged.ties = ties;
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::independence::{Convergence, Statistic};

    fn classes(counts: &[(f64, f64)]) -> Vec<(usize, Row)> {
        counts
            .iter()
            .enumerate()
            .map(|(i, (a, b))| {
                (
                    i,
                    Row::Classes {
                        n: vec![*a, *b],
                        w: None,
                    },
                )
            })
            .collect()
    }

    fn pearson() -> Tester {
        Tester::Nominal {
            statistic: Statistic::Pearson,
            convergence: Convergence::default(),
        }
    }

    fn codes(m: &Merged) -> Vec<Vec<usize>> {
        m.groups.iter().map(|g| g.codes.clone()).collect()
    }

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs()
    }

    #[test]
    fn three_categories_two_alike() {
        let p = ChaidParams::default();
        let cats = classes(&[(30., 30.), (30., 30.), (55., 5.)]);
        let m = merge(cats.clone(), 3, false, &p, &pearson());
        assert_eq!(codes(&m), vec![vec![0, 1], vec![2]]);
        assert!(close(m.test.statistic, 30.10033445, 1e-9));
        assert_eq!(m.test.df1, 1.0);
        assert!(close(m.test.p(), 4.102604559e-08, 1e-9));
        assert!(close(m.ln_bonferroni.exp(), 3.0, 1e-12));
        assert!(close(m.adj_ln_p.exp(), 1.230781368e-07, 1e-9));
        let o = merge(cats, 3, true, &p, &pearson());
        assert_eq!(codes(&o), vec![vec![0, 1], vec![2]]);
        assert!(close(o.adj_ln_p.exp(), 8.205209119e-08, 1e-9));
    }

    #[test]
    fn outer_categories_alike() {
        let p = ChaidParams::default();
        let cats = classes(&[(55., 5.), (30., 30.), (55., 5.)]);
        let o = merge(cats.clone(), 3, true, &p, &pearson());
        assert_eq!(codes(&o), vec![vec![0], vec![1], vec![2]]);
        assert!(close(o.test.statistic, 40.17857143, 1e-9));
        assert!(close(o.test.p(), 1.885098591e-09, 1e-9));
        assert_eq!(o.ln_bonferroni, 0.0);
        let n = merge(cats, 3, false, &p, &pearson());
        assert_eq!(codes(&n), vec![vec![0, 2], vec![1]]);
        assert!(close(n.test.p(), 2.31776716e-10, 1e-8));
        assert!(close(n.adj_ln_p.exp(), 6.953301479e-10, 1e-9));
    }

    #[test]
    fn floating_missing_category() {
        let p = ChaidParams::default();
        let cats = classes(&[(30., 30.), (32., 28.), (55., 5.), (27., 3.)]);
        let m = merge(cats, 3, true, &p, &pearson());
        assert_eq!(codes(&m), vec![vec![0, 1], vec![2, 3]]);
        assert_eq!(m.merging, Merging::Floating);
        assert!(close(m.test.statistic, 37.12857744, 1e-9));
        assert!(close(m.test.p(), 1.105910412e-09, 1e-9));
        assert!(close(m.ln_bonferroni.exp(), 5.0, 1e-12));
        assert!(close(m.adj_ln_p.exp(), 5.529552058e-09, 1e-9));
    }

    #[test]
    fn exhaustive_keeps_the_most_significant_partition() {
        let p = ChaidParams::default().method(Method::Exhaustive);
        let cats = classes(&[(30., 30.), (30., 30.), (55., 5.)]);
        let m = merge(cats, 3, false, &p, &pearson());
        assert_eq!(codes(&m), vec![vec![0, 1], vec![2]]);
        assert!(close(m.ln_bonferroni.exp(), 12.0, 1e-12), "I(I²−1)/2 = 12");
    }

    #[test]
    fn min_child_merges_the_smallest_group_into_the_most_similar() {
        let p = ChaidParams::default().min_child(50.0);
        let cats = classes(&[(40., 40.), (5., 40.), (55., 5.)]);
        let m = merge(cats, 3, false, &p, &pearson());
        assert_eq!(m.groups.len(), 3);
        let m = enforce_min_child(m, 3, &p, &pearson());
        assert!(m.groups.iter().all(|g| g.row.total() >= 50.0));
        assert_eq!(codes(&m), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn one_category_cannot_split() {
        let m = merge(classes(&[(3., 4.)]), 1, false, &ChaidParams::default(), &pearson());
        assert!(!m.can_split());
        assert_eq!(m.adj_ln_p, 0.0);
    }
}
