//! Intervals for a proportion: Wilson's score interval for a rate, and the
//! beta-binomial prediction interval for the proportion among n new cases.

use super::special::ln_gamma;

/// The normal quantile of a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson's score interval for `k` of `n` (Newcombe 1998, method 3); `None` for n = 0.
pub fn wilson(k: usize, n: usize, z: f64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // At the ends the interval closes exactly (no rounding past 0 or 1).
    let low = if k == 0.0 { 0.0 } else { (centre - half).max(0.0) };
    let high = if k == n { 1.0 } else { (centre + half).min(1.0) };
    Some((low, high))
}

fn ln_beta(a: f64, b: f64) -> f64 {
    ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b)
}

/// P(K = k) for K ~ BetaBinomial(n, a, b).
pub fn beta_binomial_pmf(k: usize, n: usize, a: f64, b: f64) -> f64 {
    if k > n {
        return 0.0;
    }
    let (kf, nf) = (k as f64, n as f64);
    let ln_choose = ln_gamma(nf + 1.0) - ln_gamma(kf + 1.0) - ln_gamma(nf - kf + 1.0);
    (ln_choose + ln_beta(kf + a, nf - kf + b) - ln_beta(a, b)).exp()
}

/// The central interval holding at least `level` of K ~ BetaBinomial(n, a, b): the largest k
/// with P(K < k) ≤ (1 − level)/2 and the smallest k with P(K > k) ≤ (1 − level)/2.
pub fn beta_binomial_interval(n: usize, a: f64, b: f64, level: f64) -> (usize, usize) {
    let tail = (1.0 - level) / 2.0;
    let pmf: Vec<f64> = (0..=n).map(|k| beta_binomial_pmf(k, n, a, b)).collect();
    let mut below = 0.0;
    let mut low = 0;
    for (k, p) in pmf.iter().enumerate() {
        if below + p > tail {
            low = k;
            break;
        }
        below += p;
    }
    let mut above = 0.0;
    let mut high = n;
    for k in (0..=n).rev() {
        if above + pmf[k] > tail {
            high = k;
            break;
        }
        above += pmf[k];
    }
    (low, high.max(low))
}

/// The median of K ~ BetaBinomial(n, a, b): the smallest k with P(K ≤ k) ≥ ½.
pub fn beta_binomial_median(n: usize, a: f64, b: f64) -> usize {
    let mut below = 0.0;
    for k in 0..=n {
        below += beta_binomial_pmf(k, n, a, b);
        if below >= 0.5 {
            return k;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score).
    #[test]
    fn wilson_against_newcombe() {
        for (k, n, low, high) in [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ] {
            let (l, h) = wilson(k, n, Z95).unwrap();
            assert!((l - low).abs() < 1e-4 && (h - high).abs() < 1e-4, "{k}/{n}: {l} {h}");
        }
        assert_eq!(wilson(0, 0, Z95), None);
        assert_eq!(wilson(690, 690, Z95).unwrap().1, 1.0);
        assert_eq!(wilson(0, 690, Z95).unwrap().0, 0.0);
    }

    #[test]
    fn beta_binomial() {
        // a = b = 1: uniform over 0..=n.
        for k in 0..=2 {
            assert!((beta_binomial_pmf(k, 2, 1.0, 1.0) - 1.0 / 3.0).abs() < 1e-12);
        }
        let (a, b, n) = (30.5, 2.5, 40);
        let total: f64 = (0..=n).map(|k| beta_binomial_pmf(k, n, a, b)).sum();
        assert!((total - 1.0).abs() < 1e-10);
        let mean: f64 = (0..=n).map(|k| k as f64 * beta_binomial_pmf(k, n, a, b)).sum();
        assert!((mean - n as f64 * a / (a + b)).abs() < 1e-9);
        let (lo, hi) = beta_binomial_interval(n, a, b, 0.95);
        let inside: f64 = (lo..=hi).map(|k| beta_binomial_pmf(k, n, a, b)).sum();
        assert!(inside >= 0.95 && lo < hi && hi <= n, "{lo}..{hi}: {inside}");
        // Nearly certain: a = 690.5, b = 0.5 for two new cases puts K = 2 in the interval.
        assert_eq!(beta_binomial_interval(2, 690.5, 0.5, 0.95).1, 2);
        assert_eq!(beta_binomial_median(2, 1.0, 1.0), 1);
        assert_eq!(beta_binomial_median(2, 690.5, 0.5), 2);
    }
}
