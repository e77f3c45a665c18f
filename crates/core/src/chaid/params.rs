//! Parameters of a CHAID fit, as a checked builder with SPSS's defaults:
//! `ChaidParams::default().max_depth(3).min_child(50).check()?` → [`fit`](super::fit).

use serde::{Deserialize, Serialize};

use super::error::{ChaidError, Expected};
use crate::stats::independence::{Convergence, Statistic};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// CHAID: merge while the most similar pair has p > alpha-merge.
    #[default]
    Chaid,
    /// Exhaustive CHAID: merge down to two groups, keep the most significant partition.
    Exhaustive,
}

/// Exhaustive CHAID's Bonferroni multiplier for a nominal predictor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExhaustiveNominal {
    /// I(I²−1)/2, as IBM's text prints it (default).
    #[default]
    Half,
    /// I(I²−1)/6, IBM's own definition (Biggs et al. 1991).
    Sixth,
}

/// How ties between predictors with equal adjusted p are broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieRule {
    /// Smaller unadjusted p, then larger statistic, then predictor order (default).
    #[default]
    UnadjustedThenStatistic,
    /// Predictor order only.
    PredictorOrder,
}

/// Every option of the engine. Build with the setters, then [`check`](ChaidParams::check).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChaidParams {
    pub method: Method,
    pub max_depth: usize,
    /// Nodes with fewer (frequency-weighted) cases are not split.
    pub min_parent: f64,
    /// Child groups with fewer cases are merged into their most similar group.
    pub min_child: f64,
    pub alpha_split: f64,
    pub alpha_merge: f64,
    /// Pearson (default) or likelihood ratio, for a nominal dependent.
    pub statistic: Statistic,
    pub bonferroni: bool,
    /// Re-split merged categories (CHAID only; default off).
    pub resplit: bool,
    /// Intervals for scale predictors.
    pub intervals: usize,
    pub convergence: Convergence,
    pub exhaustive_nominal: ExhaustiveNominal,
    pub tie_rule: TieRule,
    /// Split the root on this predictor, whatever its p-value.
    pub force_first: Option<String>,
    /// Misclassification costs and priors: which class a node predicts, and the risk.
    #[serde(skip_serializing_if = "super::assignment::Assignment::is_default")]
    pub assignment: super::assignment::Assignment,
}

impl Default for ChaidParams {
    /// SPSS defaults: depth 3, min parent 100, min child 50, alphas 0.05, Pearson, Bonferroni on.
    fn default() -> Self {
        ChaidParams {
            method: Method::Chaid,
            max_depth: 3,
            min_parent: 100.0,
            min_child: 50.0,
            alpha_split: 0.05,
            alpha_merge: 0.05,
            statistic: Statistic::Pearson,
            bonferroni: true,
            resplit: false,
            intervals: 10,
            convergence: Convergence::default(),
            exhaustive_nominal: ExhaustiveNominal::Half,
            tie_rule: TieRule::UnadjustedThenStatistic,
            force_first: None,
            assignment: super::assignment::Assignment::default(),
        }
    }
}

/// The smallest convergence epsilon and the most iterations [`ChaidParams::check`] accepts.
pub const MIN_EPSILON: f64 = 1e-12;
pub const MAX_ITERATIONS: usize = 10_000;

/// Parameters that passed [`ChaidParams::check`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedParams(pub(crate) ChaidParams);

impl CheckedParams {
    pub fn get(&self) -> &ChaidParams {
        &self.0
    }
}

impl ChaidParams {
    setter!(method, Method);
    setter!(max_depth, usize);
    setter!(min_parent, f64);
    setter!(min_child, f64);
    setter!(alpha_split, f64);
    setter!(alpha_merge, f64);
    setter!(statistic, Statistic);
    setter!(bonferroni, bool);
    setter!(resplit, bool);
    setter!(intervals, usize);
    setter!(convergence, Convergence);
    setter!(exhaustive_nominal, ExhaustiveNominal);
    setter!(tie_rule, TieRule);
    setter!(assignment, super::assignment::Assignment);

    pub fn force_first(mut self, predictor: impl Into<String>) -> Self {
        self.force_first = Some(predictor.into());
        self
    }

    /// Refuse values that cannot give a meaningful tree, with a message that says why.
    pub fn check(self) -> Result<CheckedParams, ChaidError> {
        let bad = |name: &str, value: String, expected| {
            Err(ChaidError::InvalidParameter {
                name: name.to_string(),
                value,
                expected,
            })
        };
        let unit = |x: f64| x > 0.0 && x < 1.0;
        if !unit(self.alpha_split) {
            return bad("alpha-split", self.alpha_split.to_string(), Expected::Probability);
        }
        if !unit(self.alpha_merge) {
            return bad("alpha-merge", self.alpha_merge.to_string(), Expected::Probability);
        }
        if !(self.min_parent >= 0.0 && self.min_parent.is_finite()) {
            return bad("min-parent", self.min_parent.to_string(), Expected::NonNegative);
        }
        if !(self.min_child >= 0.0 && self.min_child.is_finite()) {
            return bad("min-child", self.min_child.to_string(), Expected::NonNegative);
        }
        if self.min_child > self.min_parent && self.min_parent > 0.0 {
            return bad("min-child", self.min_child.to_string(), Expected::NotAboveMinParent);
        }
        if self.max_depth == 0 || self.max_depth > 50 {
            return bad(
                "max-depth",
                self.max_depth.to_string(),
                Expected::Range { from: 1, to: 50 },
            );
        }
        if !(2..=1000).contains(&self.intervals) {
            return bad(
                "intervals",
                self.intervals.to_string(),
                Expected::Range { from: 2, to: 1000 },
            );
        }
        // Bounded work: a recept with epsilon 1e-300 and 2^64 iterations would run for minutes.
        let c = self.convergence;
        if !(c.epsilon >= MIN_EPSILON && c.epsilon.is_finite() && (1..=MAX_ITERATIONS).contains(&c.max_iterations)) {
            return bad("convergence", format!("{c:?}"), Expected::Convergence);
        }
        Ok(CheckedParams(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spss_defaults() {
        let p = ChaidParams::default();
        assert_eq!((p.max_depth, p.min_parent, p.min_child), (3, 100.0, 50.0));
        assert_eq!((p.alpha_split, p.alpha_merge), (0.05, 0.05));
        assert!(p.bonferroni && !p.resplit);
        assert_eq!(p.intervals, 10);
        assert!(ChaidParams::default().check().is_ok());
    }

    #[test]
    fn bad_values_are_refused_with_a_dutch_reason() {
        let e = ChaidParams::default().alpha_split(1.5).check().unwrap_err();
        assert_eq!(
            e.to_string(),
            "Instelling alpha-split = 1.5 is ongeldig: kies een waarde tussen 0 en 1, bijvoorbeeld 0,05."
        );
        assert!(ChaidParams::default().max_depth(0).check().is_err());
        assert!(ChaidParams::default().min_child(200.0).check().is_err());
        assert!(ChaidParams::default().intervals(1).check().is_err());
    }
}

#[cfg(test)]
mod bounds_tests {
    use super::*;
    use crate::locale::Locale;
    use crate::messages::Localized;

    /// A recept cannot ask for unbounded work: epsilon below 1e-12 or more than 10,000
    /// iterations is refused, with the limits in the message.
    #[test]
    fn convergence_is_bounded() {
        let with = |epsilon: f64, max_iterations: usize| {
            ChaidParams::default()
                .convergence(Convergence {
                    epsilon,
                    max_iterations,
                })
                .check()
        };
        assert!(with(1e-12, 10_000).is_ok());
        for (e, n) in [
            (1e-300, 100),
            (1e-13, 100),
            (0.001, 10_001),
            (0.001, usize::MAX),
            (f64::INFINITY, 10),
            (f64::NAN, 10),
            (0.001, 0),
        ] {
            let err = with(e, n).unwrap_err();
            assert!(
                err.text(Locale::Nl)
                    .contains("een epsilon van minstens 1e-12 en 1 tot 10.000 iteraties"),
                "{}",
                err.text(Locale::Nl)
            );
            assert!(
                err.text(Locale::En)
                    .contains("an epsilon of at least 1e-12 and 1 to 10000 iterations"),
                "{}",
                err.text(Locale::En)
            );
        }
    }
}
