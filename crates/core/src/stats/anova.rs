//! One-way ANOVA F from per-group moments (frequency and case weights).

use super::distributions::f_ln_sf;
use super::TestResult;

/// Weighted moments of a group: frequency count, weight sum, mean, and the
/// sum of weighted squared deviations (merged with Chan's formula, no cancellation).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    /// Sum of frequency weights.
    pub n: f64,
    /// Sum of case weight × frequency weight.
    pub w: f64,
    pub mean: f64,
    pub m2: f64,
}

impl Moments {
    pub fn add(&mut self, y: f64, case_weight: f64, freq: f64) {
        let w = case_weight * freq;
        self.n += freq;
        let total = self.w + w;
        if total <= 0.0 {
            return;
        }
        let delta = y - self.mean;
        self.mean += delta * w / total;
        self.m2 += w * delta * (y - self.mean);
        self.w = total;
    }

    pub fn merge(&self, other: &Moments) -> Moments {
        let w = self.w + other.w;
        if w <= 0.0 {
            return Moments {
                n: self.n + other.n,
                ..Moments::default()
            };
        }
        let delta = other.mean - self.mean;
        Moments {
            n: self.n + other.n,
            w,
            mean: self.mean + delta * other.w / w,
            m2: self.m2 + other.m2 + delta * delta * self.w * other.w / w,
        }
    }

    /// Weighted standard deviation with n − 1 (frequency) degrees of freedom.
    pub fn sd(&self) -> f64 {
        if self.n > 1.0 {
            (self.m2 / self.w * self.n / (self.n - 1.0)).sqrt()
        } else {
            0.0
        }
    }
}

/// F = [Σ W_i (ȳ_i − ȳ)² / (I − 1)] / [Σ within / (N_f − I)], over non-empty groups.
pub fn test(groups: &[Moments]) -> TestResult {
    let groups: Vec<&Moments> = groups.iter().filter(|g| g.n > 0.0 && g.w > 0.0).collect();
    let k = groups.len() as f64;
    let n: f64 = groups.iter().map(|g| g.n).sum();
    if k < 2.0 || n <= k {
        return TestResult::NONE;
    }
    let total = groups.iter().fold(Moments::default(), |acc, g| acc.merge(g));
    let between: f64 = groups.iter().map(|g| g.w * (g.mean - total.mean).powi(2)).sum();
    let within: f64 = groups.iter().map(|g| g.m2).sum();
    let (df1, df2) = (k - 1.0, n - k);
    if within <= 0.0 {
        // All values equal within groups: p = 0 when the means differ, else 1.
        let ln_p = if between > 0.0 { f64::NEG_INFINITY } else { 0.0 };
        let statistic = if between > 0.0 { f64::INFINITY } else { 0.0 };
        return TestResult {
            statistic,
            df1,
            df2,
            ln_p,
        };
    }
    let f = (between / df1) / (within / df2);
    TestResult {
        statistic: f,
        df1,
        df2,
        ln_p: f_ln_sf(f, df1, df2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(ys: &[f64]) -> Moments {
        let mut m = Moments::default();
        for &y in ys {
            m.add(y, 1.0, 1.0);
        }
        m
    }

    #[test]
    fn reference_anova() {
        let g = [group(&[1., 2., 3.]), group(&[2., 3., 4.]), group(&[6., 7., 8.])];
        let r = test(&g);
        assert!((r.statistic - 21.0).abs() < 1e-12);
        assert_eq!((r.df1, r.df2), (2.0, 6.0));
        assert!((r.p() - 0.001953125).abs() < 1e-9 * 0.001953125);
        let pair = test(&g[..2]);
        assert!((pair.statistic - 1.5).abs() < 1e-12);
        assert!((pair.p() - 0.2878641347).abs() < 1e-9);
    }

    #[test]
    fn merging_moments_equals_adding_the_values() {
        let a = group(&[1e9 + 1.0, 1e9 + 2.0, 1e9 + 3.0]);
        let b = group(&[1e9 + 4.0, 1e9 + 5.0]);
        let all = group(&[1e9 + 1.0, 1e9 + 2.0, 1e9 + 3.0, 1e9 + 4.0, 1e9 + 5.0]);
        let m = a.merge(&b);
        assert!((m.mean - all.mean).abs() < 1e-6);
        assert!((m.m2 - all.m2).abs() < 1e-6);
        assert!((all.m2 - 10.0).abs() < 1e-6, "no cancellation at 1e9");
    }

    #[test]
    fn constant_groups() {
        let r = test(&[group(&[1., 1.]), group(&[2., 2.])]);
        assert_eq!(r.ln_p, f64::NEG_INFINITY);
        let r = test(&[group(&[1., 1.]), group(&[1., 1.])]);
        assert_eq!(r.ln_p, 0.0);
    }
}
