//! Columns of role "other" stay as they are, except for rare values: a value
//! that fewer than k persons have points to one of them for anyone who knows
//! it (37 appeals, a rare residence title). Counts are top- and bottom-coded
//! until each end holds k persons; numbers still rare in between go into
//! bands of at least k persons; rare texts join "(overig)".

use serde::{Deserialize, Serialize};

use crate::chaid::binning::number_label;
use crate::chaid::data::{RawColumn, TextColumn};

/// The label rare texts are joined under.
pub const OTHER: &str = "(overig)";

/// What rare-value coding did to a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RareCoding {
    /// Numbers capped: below `bottom` written as `bottom`, above `top` as `top`.
    Capped { bottom: f64, top: f64, changed: usize },
    /// Numbers in bands of at least k persons (text "a-b").
    Bands { bands: usize, changed: usize },
    /// Texts seen fewer than k times joined as "(overig)".
    Joined { values: usize, changed: usize },
    /// Numbers in fixed bands of `width` (asked for by the user).
    Width { width: f64 },
}

/// Distinct finite values and their counts, in order.
fn counted(xs: &[Option<f64>]) -> Vec<(f64, usize)> {
    let mut sorted: Vec<f64> = xs.iter().flatten().copied().filter(|x| x.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, usize)> = Vec::new();
    for x in sorted {
        match out.last_mut() {
            Some((v, n)) if *v == x => *n += 1,
            _ => out.push((x, 1)),
        }
    }
    out
}

fn band_label(low: f64, high: f64) -> String {
    if low == high {
        number_label(low)
    } else {
        format!("{}-{}", number_label(low), number_label(high))
    }
}

/// Code the rare values of `column` so that every value occurs at least `k` times.
pub fn code(column: &RawColumn, k: usize) -> (RawColumn, Option<RareCoding>) {
    match column {
        RawColumn::Number(xs) => numbers(xs, k),
        RawColumn::Text(t) => texts(t, k),
    }
}

fn numbers(xs: &[Option<f64>], k: usize) -> (RawColumn, Option<RareCoding>) {
    let values = counted(xs);
    let total: usize = values.iter().map(|(_, n)| n).sum();
    if values.iter().all(|(_, n)| *n >= k) {
        return (RawColumn::Number(xs.to_vec()), None);
    }
    if total < k {
        // Fewer than k numbers in all: none can be shown.
        return (
            RawColumn::Number(vec![None; xs.len()]),
            Some(RareCoding::Joined {
                values: values.len(),
                changed: total,
            }),
        );
    }
    // The ends: from each side, as many values as it takes to reach k persons.
    let reach = |iter: &mut dyn Iterator<Item = &(f64, usize)>| {
        let mut sum = 0;
        for (v, n) in iter {
            sum += n;
            if sum >= k {
                return *v;
            }
        }
        f64::NAN
    };
    let bottom = reach(&mut values.iter());
    let top = reach(&mut values.iter().rev());
    let inner_rare = values.iter().any(|(v, n)| *v > bottom && *v < top && *n < k);
    if bottom < top && !inner_rare {
        let mut changed = 0;
        let capped = xs
            .iter()
            .map(|x| {
                x.map(|x| {
                    let y = x.clamp(bottom, top);
                    changed += usize::from(y != x);
                    y
                })
            })
            .collect();
        return (
            RawColumn::Number(capped),
            Some(RareCoding::Capped { bottom, top, changed }),
        );
    }
    // Bands of consecutive values with at least k persons each (the last joins its neighbour).
    let mut bands: Vec<(f64, f64, usize)> = Vec::new();
    for &(v, n) in &values {
        match bands.last_mut() {
            Some((_, high, count)) if *count < k => {
                *high = v;
                *count += n;
            }
            _ => bands.push((v, v, n)),
        }
    }
    if bands.len() > 1 && bands.last().is_some_and(|b| b.2 < k) {
        let (_, high, count) = bands.pop().expect("two bands");
        let last = bands.last_mut().expect("one band left");
        last.1 = high;
        last.2 += count;
    }
    let labels: Vec<String> = bands.iter().map(|&(lo, hi, _)| band_label(lo, hi)).collect();
    let mut changed = 0;
    let column = RawColumn::text(xs.iter().map(|x| {
        let x = (*x).filter(|x| x.is_finite())?;
        let i = bands.partition_point(|b| b.1 < x).min(bands.len() - 1);
        changed += usize::from(bands[i].0 != bands[i].1);
        Some(labels[i].as_str())
    }));
    (
        column,
        Some(RareCoding::Bands {
            bands: bands.len(),
            changed,
        }),
    )
}

fn texts(t: &TextColumn, k: usize) -> (RawColumn, Option<RareCoding>) {
    let mut counts = vec![0usize; t.labels.len()];
    for &c in &t.codes {
        if c != TextColumn::MISSING {
            counts[c as usize] += 1;
        }
    }
    let mut order: Vec<usize> = (0..counts.len()).filter(|&c| counts[c] > 0).collect();
    order.sort_by_key(|&c| (counts[c], c));
    let mut joined: Vec<usize> = order.iter().copied().take_while(|&c| counts[c] < k).collect();
    if joined.is_empty() {
        return (RawColumn::Text(t.clone()), None);
    }
    // The joined group itself needs k persons: add the next rarest values while it has fewer
    // (all of them if need be; with fewer than k in all, none is shown).
    let mut sum: usize = joined.iter().map(|&c| counts[c]).sum();
    for &c in order.iter().skip(joined.len()) {
        if sum >= k {
            break;
        }
        joined.push(c);
        sum += counts[c];
    }
    let blank = sum < k;
    let mut changed = 0;
    let column = RawColumn::text(t.codes.iter().map(|&c| {
        if c == TextColumn::MISSING {
            None
        } else if joined.contains(&(c as usize)) {
            changed += 1;
            (!blank).then_some(OTHER)
        } else {
            Some(t.labels[c as usize].as_str())
        }
    }));
    (
        column,
        Some(RareCoding::Joined {
            values: joined.len(),
            changed,
        }),
    )
}

/// Numbers in bands of `width` ("0-9", "10-19", …).
pub fn bands_of(column: &RawColumn, width: f64) -> RawColumn {
    match column {
        RawColumn::Number(xs) => RawColumn::text(xs.iter().map(|x| {
            x.filter(|x| x.is_finite()).map(|x| {
                let low = (x / width).floor() * width;
                band_label(low, low + width - 1.0)
            })
        })),
        text => text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(xs: &[f64]) -> RawColumn {
        RawColumn::Number(xs.iter().map(|&x| Some(x)).collect())
    }

    fn min_count(c: &RawColumn) -> usize {
        let mut m = std::collections::HashMap::new();
        for r in 0..c.len() {
            let key = match c {
                RawColumn::Number(x) => x[r].map(|x| x.to_string()),
                RawColumn::Text(t) => t.get(r).map(String::from),
            };
            if let Some(key) = key {
                *m.entry(key).or_insert(0usize) += 1;
            }
        }
        m.values().copied().min().unwrap_or(0)
    }

    #[test]
    fn counts_capped_at_both_ends() {
        let mut xs = vec![0.0; 20];
        xs.extend([1.0; 10]);
        xs.extend([2.0, 2.0, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0, 9.0, 37.0]);
        let (c, how) = code(&nums(&xs), 5);
        assert_eq!(
            how,
            Some(RareCoding::Capped {
                bottom: 0.0,
                top: 3.0,
                changed: 3
            })
        );
        assert!(min_count(&c) >= 5);
    }

    #[test]
    fn rare_middle_values_go_into_bands_and_texts_join() {
        let xs: Vec<f64> = (0..40).map(|i| (i * 7 % 23) as f64).collect();
        let (c, how) = code(&nums(&xs), 5);
        assert!(matches!(how, Some(RareCoding::Bands { .. })), "{how:?}");
        assert!(min_count(&c) >= 5);
        let t = RawColumn::text(["a", "a", "a", "a", "a", "b", "c", "c", "d"].map(Some));
        let (c, how) = code(&t, 3);
        assert_eq!(how, Some(RareCoding::Joined { values: 3, changed: 4 }));
        assert_eq!(
            c,
            RawColumn::text(["a", "a", "a", "a", "a", OTHER, OTHER, OTHER, OTHER].map(Some))
        );
        let fine = RawColumn::text(["a"; 6].map(Some));
        assert_eq!(code(&fine, 5).1, None);
    }
}
