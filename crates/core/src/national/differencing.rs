//! What a steunpunt can work out about the rest of the country from a published table and its
//! own counts: for every shown count, national minus its own; for every line whose total is
//! shown, its hidden entries together (the total minus the shown ones), minus its own of them.
//! The builder keeps every such rest at 0 or at least the threshold, for every steunpunt in the
//! researcher's data; the attack test plays a steunpunt with this and with its own reasoning.

use crate::disclosure::{Count, Line};

/// A count about the rest of the country: the entries it sums, and its value (negative when the
/// steunpunt's own data do not fit the national figures, for example a newer registration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rest {
    pub entries: Vec<usize>,
    pub rest: i64,
}

/// Every rest a reader with `own` (per entry) works out from `shown` and the `lines`.
pub fn rests(lines: &[Line], shown: &[Count], own: &[u64]) -> Vec<Rest> {
    let mut out: Vec<Rest> = shown
        .iter()
        .enumerate()
        .filter_map(|(e, c)| {
            c.n.map(|n| Rest {
                entries: vec![e],
                rest: n as i64 - own[e] as i64,
            })
        })
        .collect();
    for line in lines {
        let Some(total) = shown[line.total].n else { continue };
        let hidden: Vec<usize> = line.inner.iter().copied().filter(|&e| shown[e].n.is_none()).collect();
        if hidden.is_empty() {
            continue;
        }
        let shown_sum: u64 = line.inner.iter().filter_map(|&e| shown[e].n).sum();
        let own_hidden: u64 = hidden.iter().map(|&e| own[e]).sum();
        out.push(Rest {
            entries: hidden,
            rest: total as i64 - shown_sum as i64 - own_hidden as i64,
        });
    }
    out
}

/// The rests between 1 and `threshold − 1`: counts about fewer than `threshold` other persons.
pub fn exposed(lines: &[Line], shown: &[Count], own: &[u64], threshold: u64) -> Vec<Rest> {
    rests(lines, shown, own)
        .into_iter()
        .filter(|r| r.rest > 0 && (r.rest as u64) < threshold)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disclosure::Mark;

    #[test]
    fn a_shown_count_and_a_hidden_pair_give_the_rest_away() {
        // Three categories and their total; the first two hidden.
        let lines = vec![Line::new(vec![0, 1, 2], 3, true)];
        let shown = [
            Count::of(3, Mark::Small),
            Count::of(9, Mark::Hidden),
            Count::of(20, Mark::Shown),
            Count::of(32, Mark::Shown),
        ];
        // Its own: 10 of the 12 hidden, 17 of the 20 shown.
        let found = exposed(&lines, &shown, &[2, 8, 17, 27], 5);
        assert_eq!(
            found,
            [
                Rest {
                    entries: vec![2],
                    rest: 3
                },
                Rest {
                    entries: vec![0, 1],
                    rest: 2
                }
            ]
        );
        assert!(exposed(&lines, &shown, &[0, 0, 0, 0], 5).is_empty());
    }
}
