//! Fellegi–Sunter weights for the fallback: m-probabilities from the pairs
//! linked on the V-nummer (labelled data, no EM), u-probabilities from random
//! pairs, a term-frequency adjustment for exact names and birth dates, and the
//! waterfall that explains one pair's score bar by bar.

use serde::{Deserialize, Serialize};

use super::comparison::{BirthLevel, Comparison, CountryLevel, NameLevel, SexLevel};

/// A probability per level of each field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Probabilities {
    pub name: Vec<(NameLevel, f64)>,
    pub birth: Vec<(BirthLevel, f64)>,
    pub sex: Vec<(SexLevel, f64)>,
    pub country: Vec<(CountryLevel, f64)>,
}

/// Shares of each level among `pairs`, smoothed with half a pair per level (Jeffreys), so that a
/// level never seen gets a small probability, not zero. The missing level is left out.
fn shares<L: Copy + PartialEq>(levels: &[L], missing: L, pairs: impl Iterator<Item = L> + Clone) -> Vec<(L, f64)> {
    let counted: Vec<L> = pairs.filter(|l| *l != missing).collect();
    let kinds = levels.iter().filter(|l| **l != missing).count() as f64;
    levels
        .iter()
        .filter(|l| **l != missing)
        .map(|&l| {
            let n = counted.iter().filter(|x| **x == l).count() as f64;
            (l, (n + 0.5) / (counted.len() as f64 + 0.5 * kinds))
        })
        .collect()
}

impl Probabilities {
    pub fn of(pairs: &[Comparison]) -> Probabilities {
        Probabilities {
            name: shares(&NameLevel::ALL, NameLevel::Missing, pairs.iter().map(|c| c.name)),
            birth: shares(&BirthLevel::ALL, BirthLevel::Missing, pairs.iter().map(|c| c.birth)),
            sex: shares(&SexLevel::ALL, SexLevel::Missing, pairs.iter().map(|c| c.sex)),
            country: shares(
                &CountryLevel::ALL,
                CountryLevel::Missing,
                pairs.iter().map(|c| c.country),
            ),
        }
    }
}

fn get<L: PartialEq>(table: &[(L, f64)], level: L) -> Option<f64> {
    table.iter().find(|(l, _)| *l == level).map(|(_, p)| *p)
}

/// One bar of a waterfall: what it is and its weight (log2 of a Bayes factor, or of the prior odds).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "part", content = "level", rename_all = "snake_case")]
pub enum Part {
    /// The prior odds that an unlinked person and an open national row are the same person.
    Prior,
    Name(NameLevel),
    /// How much more (or less) an exact name says because it is rare (or common).
    NameFrequency,
    Birth(BirthLevel),
    BirthFrequency,
    Sex(SexLevel),
    Country(CountryLevel),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub part: Part,
    pub weight: f64,
}

/// Every weight of one pair's score: the bars add up to `total`, and the score is the
/// probability of `total` (log2 odds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waterfall {
    pub bars: Vec<Bar>,
    pub total: f64,
}

/// The probability of log2 odds.
pub fn probability(log2_odds: f64) -> f64 {
    1.0 / (1.0 + (-log2_odds).exp2())
}

impl Waterfall {
    pub fn score(&self) -> f64 {
        probability(self.total)
    }
}

/// The model the fallback scores with, and what it was estimated from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub m: Probabilities,
    pub u: Probabilities,
    /// Pairs linked on the V-nummer (and compatible) that gave `m`.
    pub labelled_pairs: usize,
    /// Random pairs that gave `u`.
    pub random_pairs: usize,
    /// log2 of the prior odds that an unlinked person and an open national row belong together.
    pub prior: f64,
}

/// The prior log2 odds for one pair: a person has a national row among `open` with probability
/// `share` (the share of persons with a usable V-nummer who were found), so one pair is theirs
/// with probability share / open.
pub fn prior(share: f64, open: usize) -> f64 {
    let share = share.clamp(0.01, 0.99);
    let p = share / open.max(1) as f64;
    (p / (1.0 - p).max(f64::MIN_POSITIVE)).log2()
}

impl Model {
    pub fn estimate(labelled: &[Comparison], random: &[Comparison], prior: f64) -> Model {
        Model {
            m: Probabilities::of(labelled),
            u: Probabilities::of(random),
            labelled_pairs: labelled.len(),
            random_pairs: random.len(),
            prior,
        }
    }

    /// The same model with the prior of another set of open rows.
    pub fn with_prior(&self, prior: f64) -> Model {
        Model { prior, ..self.clone() }
    }

    /// The weights as a table, for scoring many pairs.
    pub fn scorecard(&self) -> Scorecard {
        fn table<L: PartialEq + Copy, const N: usize>(all: [L; N], m: &[(L, f64)], u: &[(L, f64)]) -> [f64; N] {
            all.map(|level| match (get(m, level), get(u, level)) {
                (Some(m), Some(u)) => (m / u).log2(),
                _ => 0.0,
            })
        }
        let (m, u) = (&self.m, &self.u);
        Scorecard {
            prior: self.prior,
            name: table(NameLevel::ALL, &m.name, &u.name),
            birth: table(BirthLevel::ALL, &m.birth, &u.birth),
            sex: table(SexLevel::ALL, &m.sex, &u.sex),
            country: table(CountryLevel::ALL, &m.country, &u.country),
            u_name_exact: get(&u.name, NameLevel::Exact).map_or(0.0, f64::log2),
            u_birth_exact: get(&u.birth, BirthLevel::Exact).map_or(0.0, f64::log2),
        }
    }

    /// The bars of a pair's score.
    pub fn waterfall(&self, c: &Comparison) -> Waterfall {
        self.scorecard().waterfall(c)
    }

    /// The score of a pair: the probability of its total weight.
    pub fn score(&self, c: &Comparison) -> f64 {
        probability(self.scorecard().total(c))
    }
}

/// A model's weights by level (log2 m/u, indexed as the levels' `ALL`), and log2 of the exact
/// levels' u for the term-frequency bars: scoring a pair is a few additions.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub prior: f64,
    name: [f64; 6],
    birth: [f64; 6],
    sex: [f64; 3],
    country: [f64; 4],
    u_name_exact: f64,
    u_birth_exact: f64,
}

impl Scorecard {
    /// Term frequency: an exact value's own share replaces the average u of the exact level.
    fn frequency(u_exact: f64, share: Option<f64>) -> Option<f64> {
        share.map(|f| u_exact - f.log2())
    }

    /// The bars in order: prior, name (and its frequency), birth date (and its frequency), sex, country.
    fn bars(&self, c: &Comparison, mut bar: impl FnMut(Part, f64)) {
        bar(Part::Prior, self.prior);
        bar(Part::Name(c.name), self.name[c.name as usize]);
        if let Some(w) = Self::frequency(self.u_name_exact, c.name_frequency) {
            bar(Part::NameFrequency, w);
        }
        bar(Part::Birth(c.birth), self.birth[c.birth as usize]);
        if let Some(w) = Self::frequency(self.u_birth_exact, c.birth_frequency) {
            bar(Part::BirthFrequency, w);
        }
        bar(Part::Sex(c.sex), self.sex[c.sex as usize]);
        bar(Part::Country(c.country), self.country[c.country as usize]);
    }

    /// The total weight (log2 odds) of a pair.
    pub fn total(&self, c: &Comparison) -> f64 {
        let mut total = 0.0;
        self.bars(c, |_, w| total += w);
        total
    }

    pub fn waterfall(&self, c: &Comparison) -> Waterfall {
        let mut bars = Vec::with_capacity(7);
        self.bars(c, |part, weight| bars.push(Bar { part, weight }));
        let total = self.total(c);
        Waterfall { bars, total }
    }

    /// The highest total a pair with this birth level can reach: the same name, as rare as one row
    /// in `rows`, the birth date too, and the best sex and country weights. Blocks of pairs below
    /// a floor with it need not be searched.
    pub fn bound(&self, birth: BirthLevel, rows: usize) -> f64 {
        let rarest = (1.0 / rows.max(1) as f64).log2();
        let best = |w: &[f64]| w.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        self.prior
            + self.name[NameLevel::Exact as usize]
            + (self.u_name_exact - rarest).max(0.0)
            + self.birth[birth as usize]
            + if birth == BirthLevel::Exact {
                (self.u_birth_exact - rarest).max(0.0)
            } else {
                0.0
            }
            + best(&self.sex).max(0.0)
            + best(&self.country).max(0.0)
    }

    /// The weight of a name level.
    pub fn name(&self, level: NameLevel) -> f64 {
        self.name[level as usize]
    }

    /// The name's share of national rows as its term-frequency weight (for an exact name).
    pub fn name_frequency(&self, share: Option<f64>) -> f64 {
        Self::frequency(self.u_name_exact, share).unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(name: NameLevel, birth: BirthLevel) -> Comparison {
        Comparison {
            name,
            birth,
            sex: SexLevel::Same,
            country: CountryLevel::Same,
            name_frequency: None,
            birth_frequency: None,
        }
    }

    #[test]
    fn weights_by_hand() {
        // 4 labelled pairs: 3 exact names, 1 close; 4 random pairs: all different.
        let labelled = [
            c(NameLevel::Exact, BirthLevel::Exact),
            c(NameLevel::Exact, BirthLevel::Exact),
            c(NameLevel::Exact, BirthLevel::WithinAWeek),
            c(NameLevel::Close, BirthLevel::Exact),
        ];
        let random = [c(NameLevel::Different, BirthLevel::Different); 4];
        let model = Model::estimate(&labelled, &random, -3.0);
        // Five non-missing name levels: m(exact) = (3 + 0.5) / (4 + 2.5); u(exact) = 0.5 / 6.5.
        let m = get(&model.m.name, NameLevel::Exact).unwrap();
        assert!((m - 3.5 / 6.5).abs() < 1e-12);
        let w = model.waterfall(&labelled[0]);
        let name = w.bars.iter().find(|b| b.part == Part::Name(NameLevel::Exact)).unwrap();
        assert!((name.weight - (3.5f64 / 0.5).log2()).abs() < 1e-12);
        assert_eq!(w.bars[0].weight, -3.0);
        assert!((w.total - w.bars.iter().map(|b| b.weight).sum::<f64>()).abs() < 1e-12);
        assert!((w.score() - 1.0 / (1.0 + (-w.total).exp2())).abs() < 1e-15);
        // A missing value weighs nothing.
        let missing = model.waterfall(&Comparison {
            sex: SexLevel::Missing,
            ..labelled[0]
        });
        assert_eq!(
            missing
                .bars
                .iter()
                .find(|b| b.part == Part::Sex(SexLevel::Missing))
                .unwrap()
                .weight,
            0.0
        );
    }

    #[test]
    fn a_common_name_weighs_less_than_a_rare_one() {
        let labelled = [c(NameLevel::Exact, BirthLevel::Exact); 10];
        let random = [c(NameLevel::Different, BirthLevel::Different); 10];
        let model = Model::estimate(&labelled, &random, 0.0);
        let with = |f: f64| {
            model.score(&Comparison {
                name_frequency: Some(f),
                ..labelled[0]
            })
        };
        assert!(with(0.05) < with(0.001));
    }

    #[test]
    fn prior_odds() {
        // Half of a person's chance on each of two rows: odds 0.45 / 0.55.
        assert!((prior(0.9, 2) - (0.45f64 / 0.55).log2()).abs() < 1e-12);
    }
}
