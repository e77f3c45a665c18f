//! Errors of the CHAID module: what is wrong and what the user can do.

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChaidError {
    UnknownVariable(String),
    NoCases,
    NoPredictors,
    WeightNotNumeric(String),
    ScaleNotNumeric(String),
    TooManyCategories(String),
    InvalidParameter {
        name: String,
        value: String,
        expected: Expected,
    },
    UnknownTargetClass(String),
}

/// What a setting must be.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// Strictly between 0 and 1 (a significance level).
    Probability,
    NonNegative,
    /// Not larger than min-parent.
    NotAboveMinParent,
    /// A whole number in this range.
    Range {
        from: u64,
        to: u64,
    },
    /// epsilon at least 1e-12, and 1 to 10,000 iterations.
    Convergence,
    /// At least 2 folds and not more than the cases.
    Folds,
    /// Costs: a square matrix of the dependent's classes, 0 or more, 0 on the diagonal; priors:
    /// one per class, 0 or more, not all 0. `classes` 0: the dependent is not categorical.
    CostsAndPriors {
        classes: u64,
    },
}
