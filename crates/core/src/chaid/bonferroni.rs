//! Bonferroni multipliers, as natural logarithms (nominal multipliers overflow
//! u64 near I = 27 and f64 near I = 220).

use super::params::{ExhaustiveNominal, Method};
use crate::stats::special::ln_gamma;

/// How a predictor's categories may merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merging {
    Nominal,
    Ordinal,
    /// Ordinal with a missing category present (it "floats").
    Floating,
}

fn ln_choose(n: usize, k: usize) -> f64 {
    if k > n {
        return f64::NEG_INFINITY;
    }
    if n < 60 {
        // Exact in f64 for these sizes.
        let mut c = 1.0f64;
        for i in 0..k.min(n - k) {
            c = c * (n - i) as f64 / (i + 1) as f64;
        }
        return c.round().ln();
    }
    ln_gamma(n as f64 + 1.0) - ln_gamma(k as f64 + 1.0) - ln_gamma((n - k) as f64 + 1.0)
}

fn ln_add(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    hi + (lo - hi).exp().ln_1p()
}

/// ln S(n, k), the Stirling number of the second kind, by the recurrence
/// S(n, k) = k S(n−1, k) + S(n−1, k−1) in log space (exact in f64 while it fits).
pub fn ln_stirling2(n: usize, k: usize) -> f64 {
    if k == 0 || k > n {
        return if n == 0 && k == 0 { 0.0 } else { f64::NEG_INFINITY };
    }
    if n <= 25 {
        let mut row = vec![0.0f64; k + 1];
        row[0] = 1.0;
        for _ in 1..=n {
            for j in (1..=k).rev() {
                row[j] = j as f64 * row[j] + row[j - 1];
            }
            row[0] = 0.0;
        }
        return row[k].ln();
    }
    let mut row = vec![f64::NEG_INFINITY; k + 1];
    row[0] = 0.0;
    for _ in 1..=n {
        for j in (1..=k).rev() {
            row[j] = ln_add((j as f64).ln() + row[j], row[j - 1]);
        }
        row[0] = f64::NEG_INFINITY;
    }
    row[k]
}

/// ln B for `i` original categories merged into `r` groups.
pub fn ln_multiplier(method: Method, merging: Merging, i: usize, r: usize, nominal: ExhaustiveNominal) -> f64 {
    let fi = i as f64;
    match method {
        Method::Chaid => {
            if r >= i {
                return 0.0;
            }
            match merging {
                Merging::Ordinal => ln_choose(i - 1, r - 1),
                Merging::Nominal => ln_stirling2(i, r),
                Merging::Floating => {
                    let a = if r >= 2 {
                        ln_choose(i - 2, r - 2)
                    } else {
                        f64::NEG_INFINITY
                    };
                    let b = (r as f64).ln() + ln_choose(i - 2, r - 1);
                    ln_add(a, b)
                }
            }
        }
        Method::Exhaustive => match merging {
            Merging::Ordinal | Merging::Floating => (fi * (fi - 1.0) / 2.0).max(1.0).ln(),
            Merging::Nominal => {
                let d = if nominal == ExhaustiveNominal::Half { 2.0 } else { 6.0 };
                (fi * (fi * fi - 1.0) / d).max(1.0).ln()
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(merging: Merging, i: usize, r: usize) -> f64 {
        ln_multiplier(Method::Chaid, merging, i, r, ExhaustiveNominal::Half).exp()
    }

    #[test]
    fn published_multipliers() {
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-12 * y;
        assert!(close(b(Merging::Nominal, 4, 2), 7.0));
        assert!(close(b(Merging::Nominal, 4, 3), 6.0));
        assert!(close(b(Merging::Nominal, 5, 3), 25.0));
        assert!(close(b(Merging::Nominal, 10, 6), 22827.0));
        assert!(close(b(Merging::Nominal, 20, 2), 524_287.0));
        assert!(close(b(Merging::Nominal, 20, 3), 580_606_446.0));
        assert!(close(b(Merging::Ordinal, 10, 6), 126.0));
        assert!(close(b(Merging::Floating, 4, 2), 5.0));
        assert!(close(b(Merging::Floating, 5, 3), 12.0));
        assert!(close(b(Merging::Floating, 20, 3), 477.0));
        assert_eq!(b(Merging::Nominal, 5, 5), 1.0);
    }

    #[test]
    fn large_nominal_predictors_stay_finite_and_match_the_recurrence() {
        // S(26, 2) = 2^25 − 1: the log-space recurrence agrees with the exact value.
        assert!((ln_stirling2(26, 2).exp() - 33_554_431.0).abs() < 1e-6 * 33_554_431.0);
        // S(n, 2) = 2^(n−1) − 1: for n = 2000 far beyond f64, still exact in log space.
        let huge = ln_stirling2(2000, 2);
        assert!((huge - 1999.0 * 2f64.ln()).abs() < 1e-9 * huge, "{huge}");
    }

    #[test]
    fn exhaustive_multipliers() {
        let e = |m, i, n| ln_multiplier(Method::Exhaustive, m, i, 2, n).exp();
        assert!((e(Merging::Ordinal, 5, ExhaustiveNominal::Half) - 10.0).abs() < 1e-12);
        assert!((e(Merging::Nominal, 4, ExhaustiveNominal::Half) - 30.0).abs() < 1e-12);
        assert!((e(Merging::Nominal, 4, ExhaustiveNominal::Sixth) - 10.0).abs() < 1e-12);
    }
}
