//! Statistics with p-values kept in log space (p-values of 1e-40 and below are
//! common on these data and must not underflow into ties).

pub mod anova;
pub mod distributions;
pub mod independence;
pub mod proportion;
pub mod row_effects;
pub mod special;

/// A test result: statistic, degrees of freedom, natural log of the p-value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TestResult {
    pub statistic: f64,
    pub df1: f64,
    /// Second degrees of freedom of an F test; 0 for chi-square tests.
    pub df2: f64,
    pub ln_p: f64,
}

impl TestResult {
    /// The result of a test on a table with fewer than two rows or columns.
    pub const NONE: TestResult = TestResult {
        statistic: 0.0,
        df1: 0.0,
        df2: 0.0,
        ln_p: 0.0,
    };

    pub fn p(&self) -> f64 {
        self.ln_p.exp()
    }
}
