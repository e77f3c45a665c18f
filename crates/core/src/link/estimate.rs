//! How many false links the fallback's proposals probably contain and how
//! many true pairs it misses, estimated by hold-out: pairs linked on the
//! V-nummer are set aside in folds, their V-nummers treated as missing, and
//! the fallback (the same blocking, scoring and one-to-one assignment) runs
//! for them among the open national rows and the fold's rows. The truth of
//! each held-out pair is known, so precision and recall are counted, not assumed.

use serde::{Deserialize, Serialize};

use crate::rng::Rng;
use crate::stats::proportion::{beta_binomial_interval, beta_binomial_median, wilson, Z95};

/// At most this many pairs are held out, in [`FOLDS`] folds.
pub const HOLD_OUT: usize = 2_000;
pub const FOLDS: usize = 5;
/// The thresholds of the chart.
pub const CHART: [f64; 12] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

/// How the fallback scores a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    /// Fellegi–Sunter weights estimated from the pairs linked on the V-nummer (the default:
    /// see `estimate` and the README for the comparison on the demo).
    #[default]
    FellegiSunter,
    /// The earlier fixed score: 0.6 name + 0.3 birth date + 0.1 sex.
    Fixed,
}

/// A value with its 95 % interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub fn contains(&self, x: f64) -> bool {
        self.low - 1e-12 <= x && x <= self.high + 1e-12
    }
}

/// One threshold of the chart: what the hold-out found at or above it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub threshold: f64,
    /// Held-out pairs proposed at or above the threshold, and of those correct.
    pub proposed: usize,
    pub correct: usize,
    /// Estimated false links and missed pairs among this run's unlinked persons at this threshold.
    pub false_links: f64,
    pub missed: f64,
}

/// What the estimate rests on, as data (the page and the CLI say it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RestsOn {
    /// Pairs linked on the V-nummer and compatible, and how many of them were held out.
    pub labelled_pairs: usize,
    pub held_out: usize,
    pub folds: usize,
    /// Random pairs behind the u-probabilities (0 for the fixed score).
    pub random_pairs: usize,
    pub seed: u64,
    pub scoring: Scoring,
}

/// The fallback's estimated error rates at a threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FallbackEstimate {
    pub threshold: f64,
    /// Share of proposals at or above the threshold that are true pairs (Wilson interval);
    /// `None` when the hold-out proposed nothing there.
    pub precision: Option<Interval>,
    /// Share of true pairs proposed at or above the threshold (Wilson interval).
    pub recall: Option<Interval>,
    /// This run: the proposals at or above the threshold, and the share of them that is
    /// probably true (beta-binomial prediction interval for that many proposals).
    pub proposals_now: usize,
    pub precision_now: Option<Interval>,
    /// This run: the estimated number of true pairs among the unlinked persons (proposals ×
    /// precision ÷ recall), and the share of them proposed (prediction interval for that many).
    pub true_pairs_now: usize,
    pub recall_now: Option<Interval>,
    pub curve: Vec<Point>,
    pub rests_on: RestsOn,
}

/// The held-out pairs of each fold (indexes into the labelled pairs), drawn with `seed`.
pub fn folds(labelled: usize, seed: u64) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..labelled).collect();
    Rng::new(seed ^ 0x5eed_f01d).shuffle(&mut order);
    order.truncate(HOLD_OUT);
    let mut folds = vec![Vec::new(); FOLDS.min(order.len().max(1))];
    let n = folds.len();
    for (k, i) in order.into_iter().enumerate() {
        folds[k % n].push(i);
    }
    folds
}

/// A proposal of the hold-out run: its score and whether it is the held-out pair's true row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub score: f64,
    pub correct: bool,
}

/// One to one, best scores first: the (person, row, score) triples a greedy assignment keeps.
pub fn one_to_one(mut candidates: Vec<(usize, usize, f64)>) -> Vec<(usize, usize, f64)> {
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut persons = std::collections::HashSet::new();
    let mut rows = std::collections::HashSet::new();
    candidates
        .into_iter()
        .filter(|&(p, r, _)| {
            if persons.contains(&p) || rows.contains(&r) {
                return false;
            }
            persons.insert(p);
            rows.insert(r);
            true
        })
        .collect()
}

/// Counted at a threshold: proposals and correct ones.
fn at(outcomes: &[Outcome], threshold: f64) -> (usize, usize) {
    let above = outcomes.iter().filter(|o| o.score >= threshold);
    let proposed = above.clone().count();
    (proposed, above.filter(|o| o.correct).count())
}

fn rate(k: usize, n: usize) -> Option<Interval> {
    let (low, high) = wilson(k, n, Z95)?;
    Some(Interval {
        value: k as f64 / n as f64,
        low,
        high,
    })
}

/// The share among `n` new cases of K ~ BetaBinomial(n, k + ½, n₀ − k + ½) (Jeffreys' prior on
/// the rate seen as `k` of `n₀`): its median, with its 95 % prediction interval.
fn predicted(k: usize, n0: usize, n: usize) -> Option<Interval> {
    if n == 0 || n0 == 0 {
        return None;
    }
    let (a, b) = (k as f64 + 0.5, (n0 - k) as f64 + 0.5);
    let (low, high) = beta_binomial_interval(n, a, b, 0.95);
    Some(Interval {
        value: beta_binomial_median(n, a, b) as f64 / n as f64,
        low: low as f64 / n as f64,
        high: high as f64 / n as f64,
    })
}

/// To four decimals (what a recept keeps: enough for a methods section, no long digit runs).
fn four(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

impl Interval {
    fn rounded(self) -> Interval {
        Interval {
            value: four(self.value),
            low: four(self.low),
            high: four(self.high),
        }
    }
}

impl FallbackEstimate {
    /// The estimate with every share and expected count to four decimals.
    pub fn rounded(&self) -> FallbackEstimate {
        FallbackEstimate {
            threshold: four(self.threshold),
            precision: self.precision.map(Interval::rounded),
            recall: self.recall.map(Interval::rounded),
            precision_now: self.precision_now.map(Interval::rounded),
            recall_now: self.recall_now.map(Interval::rounded),
            curve: self
                .curve
                .iter()
                .map(|p| Point {
                    false_links: four(p.false_links),
                    missed: four(p.missed),
                    ..*p
                })
                .collect(),
            ..self.clone()
        }
    }

    /// From the hold-out's proposals (`outcomes`, over `held_out` pairs) and this run's proposal
    /// scores (`now`, one to one).
    pub fn new(outcomes: &[Outcome], held_out: usize, threshold: f64, now: &[f64], rests_on: RestsOn) -> Self {
        let (proposed, correct) = at(outcomes, threshold);
        let precision = rate(correct, proposed);
        let recall = rate(correct, held_out);
        let proposals_now = now.iter().filter(|&&s| s >= threshold).count();
        let true_pairs = |proposals: usize, proposed: usize, correct: usize| -> f64 {
            match (proposed, correct) {
                (0, _) | (_, 0) => 0.0,
                _ => proposals as f64 * (correct as f64 / proposed as f64) / (correct as f64 / held_out as f64),
            }
        };
        let true_pairs_now = true_pairs(proposals_now, proposed, correct).round() as usize;
        let curve = CHART
            .iter()
            .map(|&t| {
                let (proposed, correct) = at(outcomes, t);
                let now_t = now.iter().filter(|&&s| s >= t).count();
                let precision = if proposed == 0 {
                    1.0
                } else {
                    correct as f64 / proposed as f64
                };
                let recall = if held_out == 0 {
                    0.0
                } else {
                    correct as f64 / held_out as f64
                };
                Point {
                    threshold: t,
                    proposed,
                    correct,
                    false_links: now_t as f64 * (1.0 - precision),
                    missed: true_pairs_now as f64 * (1.0 - recall),
                }
            })
            .collect();
        FallbackEstimate {
            threshold,
            precision,
            recall,
            proposals_now,
            precision_now: predicted(correct, proposed, proposals_now),
            true_pairs_now,
            recall_now: predicted(correct, held_out, true_pairs_now),
            curve,
            rests_on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rests() -> RestsOn {
        RestsOn {
            labelled_pairs: 100,
            held_out: 100,
            folds: 5,
            random_pairs: 0,
            seed: 1,
            scoring: Scoring::FellegiSunter,
        }
    }

    #[test]
    fn counts_at_the_threshold() {
        // 100 held out: 90 proposed at 0.9 or more, 85 of them correct; 5 more correct below.
        let mut outcomes = Vec::new();
        outcomes.extend((0..85).map(|_| Outcome {
            score: 0.95,
            correct: true,
        }));
        outcomes.extend((0..5).map(|_| Outcome {
            score: 0.92,
            correct: false,
        }));
        outcomes.extend((0..5).map(|_| Outcome {
            score: 0.5,
            correct: true,
        }));
        let e = FallbackEstimate::new(&outcomes, 100, 0.9, &[0.99, 0.97, 0.3], rests());
        let p = e.precision.unwrap();
        assert!((p.value - 85.0 / 90.0).abs() < 1e-12 && p.low < p.value && p.value < p.high);
        assert!((e.recall.unwrap().value - 0.85).abs() < 1e-12);
        assert_eq!(e.proposals_now, 2);
        // 2 proposals × (85/90) ÷ 0.85 ≈ 2.2 true pairs.
        assert_eq!(e.true_pairs_now, 2);
        let now = e.precision_now.unwrap();
        assert!(now.contains(1.0) && now.contains(0.5), "{now:?}");
        let chart = e.curve.iter().find(|c| c.threshold == 0.5).unwrap();
        assert_eq!((chart.proposed, chart.correct), (95, 90));
    }

    #[test]
    fn a_recept_keeps_four_decimals() {
        let outcomes: Vec<Outcome> = (0..7)
            .map(|k| Outcome {
                score: 0.9,
                correct: k != 3,
            })
            .collect();
        let e = FallbackEstimate::new(&outcomes, 9, 0.85, &[0.9], rests()).rounded();
        let json = serde_json::to_string(&e).unwrap();
        assert!(
            !json
                .chars()
                .collect::<Vec<_>>()
                .windows(6)
                .any(|w| w.iter().all(|c| c.is_ascii_digit())),
            "{json}"
        );
        assert_eq!(e.precision.unwrap().value, 0.8571);
    }

    #[test]
    fn greedy_one_to_one() {
        let kept = one_to_one(vec![(0, 0, 0.9), (0, 1, 0.95), (1, 1, 0.8), (1, 0, 0.7)]);
        assert_eq!(kept, vec![(0, 1, 0.95), (1, 0, 0.7)]);
    }

    #[test]
    fn folds_cover_the_sample_once() {
        let f = folds(12, 3);
        assert_eq!(f.len(), 5);
        let mut all: Vec<usize> = f.concat();
        all.sort();
        assert_eq!(all, (0..12).collect::<Vec<_>>());
    }
}
