//! The special functions and tail areas of `stats` against statrs, an
//! independent implementation, everywhere statrs can reach: where the value is
//! not so small that it underflows (statrs works in linear space; our log-space
//! tails go further, and `chaid_reference.rs` checks those against published
//! values). Agreement to 1e-9 relative, as statrs itself is checked against scipy.

use perspectief_core::stats::distributions::{chi2_ln_sf, f_ln_sf};
use perspectief_core::stats::special::{ln_beta_i, ln_gamma, ln_gamma_q};
use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor};
use statrs::function::{beta, gamma};

/// ln of ours against statrs's value, relative 1e-9 (skipped where statrs underflows).
fn close(ours_ln: f64, theirs: f64, what: &str) -> bool {
    if theirs < 1e-290 {
        return false;
    }
    let ours = ours_ln.exp();
    assert!(
        (ours - theirs).abs() <= 1e-9 * theirs,
        "{what}: ours {ours:e}, statrs {theirs:e}"
    );
    true
}

fn grid() -> Vec<f64> {
    let mut v = vec![0.01, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 5.0, 7.5, 10.0];
    v.extend([15.0, 20.0, 30.0, 50.0, 75.0, 100.0, 150.0, 250.0, 500.0]);
    v
}

#[test]
fn ln_gamma_agrees() {
    for x in grid() {
        let (ours, theirs) = (ln_gamma(x), gamma::ln_gamma(x));
        assert!(
            (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1.0),
            "ln Γ({x}): {ours} {theirs}"
        );
    }
}

#[test]
fn the_upper_incomplete_gamma_agrees() {
    let mut compared = 0;
    for a in grid() {
        for x in grid() {
            compared += usize::from(close(ln_gamma_q(a, x), gamma::gamma_ur(a, x), &format!("Q({a}, {x})")));
        }
    }
    assert!(compared > 300, "{compared}");
}

#[test]
fn the_incomplete_beta_agrees() {
    let mut compared = 0;
    for a in grid().into_iter().filter(|a| *a <= 150.0) {
        for b in grid().into_iter().filter(|b| *b <= 150.0) {
            for x in [0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99] {
                compared += usize::from(close(
                    ln_beta_i(a, b, x),
                    beta::beta_reg(a, b, x),
                    &format!("I_{x}({a}, {b})"),
                ));
            }
        }
    }
    assert!(compared > 2000, "{compared}");
}

#[test]
fn chi_square_and_f_tails_agree() {
    let mut compared = 0;
    for df in [1.0, 2.0, 3.0, 4.0, 6.0, 10.0, 25.0, 100.0] {
        let chi2 = ChiSquared::new(df).unwrap();
        for x in [0.001, 0.5, 1.0, 3.84, 10.0, 50.0, 200.0, 600.0] {
            compared += usize::from(close(chi2_ln_sf(x, df), chi2.sf(x), &format!("χ²({df}) > {x}")));
        }
        for d2 in [5.0, 30.0, 500.0] {
            let f = FisherSnedecor::new(df, d2).unwrap();
            for x in [0.01, 0.5, 1.0, 2.5, 10.0, 40.0] {
                compared += usize::from(close(f_ln_sf(x, df, d2), f.sf(x), &format!("F({df}, {d2}) > {x}")));
            }
        }
    }
    assert!(compared > 180, "{compared}");
}
