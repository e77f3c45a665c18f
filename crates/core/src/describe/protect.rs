//! Small-cell protection of a count table with its margins, as statistical
//! offices do it (tau-ARGUS's "primary and secondary suppression"): a count
//! below the threshold (and above zero) is hidden; then, so that no hidden
//! count can be recomputed from a total, every line (a row or a column with
//! its total) that hides exactly one of its entries hides one more — the
//! smallest positive count, else its total. Repeated until nothing changes.
//!
//! This stops recomputation by subtraction along one line, which is what a
//! reader of a published table can do; it is not a full protection against
//! interval attacks on large linked tables (tau-ARGUS's optimisation), and
//! the app says so.

/// Which entries of an R × C table with margins are hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mask {
    pub cells: Vec<Vec<bool>>,
    pub row_totals: Vec<bool>,
    pub col_totals: Vec<bool>,
    pub total: bool,
}

/// An entry of a line: an inner cell or the line's total.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Entry {
    Cell(usize, usize),
    RowTotal(usize),
    ColTotal(usize),
    Total,
}

/// Protect `counts` (rows of equal length) and its margins with `threshold`
/// (counts `0 < n < threshold` are sensitive; a threshold of 0 or 1 hides nothing).
pub fn protect(counts: &[Vec<u64>], threshold: u64) -> Mask {
    let r = counts.len();
    let c = counts.first().map_or(0, Vec::len);
    let row_totals: Vec<u64> = counts.iter().map(|row| row.iter().sum()).collect();
    let col_totals: Vec<u64> = (0..c).map(|j| counts.iter().map(|row| row[j]).sum()).collect();
    let total: u64 = row_totals.iter().sum();
    let sensitive = |n: u64| n > 0 && n < threshold;
    let mut mask = Mask {
        cells: counts
            .iter()
            .map(|row| row.iter().map(|&n| sensitive(n)).collect())
            .collect(),
        row_totals: row_totals.iter().map(|&n| sensitive(n)).collect(),
        col_totals: col_totals.iter().map(|&n| sensitive(n)).collect(),
        total: sensitive(total),
    };
    let value = |e: Entry| match e {
        Entry::Cell(i, j) => counts[i][j],
        Entry::RowTotal(i) => row_totals[i],
        Entry::ColTotal(j) => col_totals[j],
        Entry::Total => total,
    };
    // The lines: each row with its total, each column with its total, the row
    // totals with the grand total, the column totals with the grand total.
    let mut lines: Vec<Vec<Entry>> = Vec::new();
    for i in 0..r {
        lines.push((0..c).map(|j| Entry::Cell(i, j)).chain([Entry::RowTotal(i)]).collect());
    }
    for j in 0..c {
        lines.push((0..r).map(|i| Entry::Cell(i, j)).chain([Entry::ColTotal(j)]).collect());
    }
    // With a single column the column line equals the line of row totals; no harm.
    lines.push((0..r).map(Entry::RowTotal).chain([Entry::Total]).collect());
    lines.push((0..c).map(Entry::ColTotal).chain([Entry::Total]).collect());
    loop {
        let mut changed = false;
        for line in &lines {
            let hidden = line.iter().filter(|&&e| is_hidden(&mask, e)).count();
            if hidden != 1 {
                continue;
            }
            // The smallest positive visible inner entry (not the line's total), else the total.
            let (inner, last) = line.split_at(line.len() - 1);
            let pick = inner
                .iter()
                .filter(|&&e| !is_hidden(&mask, e) && value(e) > 0)
                .min_by_key(|&&e| value(e))
                .or_else(|| inner.iter().find(|&&e| !is_hidden(&mask, e)))
                .or(last.first().filter(|&&e| !is_hidden(&mask, e)));
            if let Some(&e) = pick {
                hide(&mut mask, e);
                changed = true;
            }
        }
        if !changed {
            return mask;
        }
    }
}

/// Which class counts of one node (or any single list with a shown total) are hidden.
pub fn hidden_counts(counts: &[f64], threshold: u64) -> Vec<bool> {
    let column: Vec<Vec<u64>> = counts.iter().map(|&c| vec![c.round() as u64]).collect();
    protect(&column, threshold).cells.into_iter().map(|c| c[0]).collect()
}

fn is_hidden(mask: &Mask, e: Entry) -> bool {
    match e {
        Entry::Cell(i, j) => mask.cells[i][j],
        Entry::RowTotal(i) => mask.row_totals[i],
        Entry::ColTotal(j) => mask.col_totals[j],
        Entry::Total => mask.total,
    }
}

fn hide(mask: &mut Mask, e: Entry) {
    match e {
        Entry::Cell(i, j) => mask.cells[i][j] = true,
        Entry::RowTotal(i) => mask.row_totals[i] = true,
        Entry::ColTotal(j) => mask.col_totals[j] = true,
        Entry::Total => mask.total = true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every line hides none or at least two of its entries.
    fn no_line_with_one(counts: &[Vec<u64>], m: &Mask) -> bool {
        let c = counts.first().map_or(0, Vec::len);
        let rows_ok =
            (0..counts.len()).all(|i| (0..c).filter(|&j| m.cells[i][j]).count() + usize::from(m.row_totals[i]) != 1);
        let cols_ok =
            (0..c).all(|j| (0..counts.len()).filter(|&i| m.cells[i][j]).count() + usize::from(m.col_totals[j]) != 1);
        let rt = m.row_totals.iter().filter(|&&h| h).count() + usize::from(m.total) != 1;
        let ct = m.col_totals.iter().filter(|&&h| h).count() + usize::from(m.total) != 1;
        rows_ok && cols_ok && rt && ct
    }

    #[test]
    fn a_frequency_table_hides_a_second_count() {
        // 3 is sensitive; the next smallest positive count (7) goes too, so 3 cannot be 40 − 30 − 7.
        let counts = vec![vec![30], vec![3], vec![7]];
        let m = protect(&counts, 5);
        assert_eq!(m.cells, vec![vec![false], vec![true], vec![true]]);
        assert!(!m.total);
        assert!(no_line_with_one(&counts, &m));
    }

    #[test]
    fn nothing_small_nothing_hidden_and_zeros_are_not_sensitive() {
        let counts = vec![vec![10, 0], vec![12, 9]];
        let m = protect(&counts, 5);
        assert!(m.cells.iter().flatten().all(|h| !h) && !m.total);
    }

    #[test]
    fn a_small_row_total_is_hidden_with_a_partner() {
        let counts = vec![vec![2, 1], vec![20, 30], vec![25, 40]];
        let m = protect(&counts, 5);
        assert!(m.row_totals[0] && m.cells[0][0] && m.cells[0][1]);
        assert!(no_line_with_one(&counts, &m));
    }

    proptest! {
        #[test]
        fn protection_holds(counts in prop::collection::vec(prop::collection::vec(0u64..30, 1..5), 1..6), t in 0u64..8) {
            let c = counts[0].len();
            let counts: Vec<Vec<u64>> = counts.into_iter().map(|mut r| { r.resize(c, 0); r }).collect();
            let m = protect(&counts, t);
            // Primary: every sensitive count is hidden.
            for (i, row) in counts.iter().enumerate() {
                for (j, &n) in row.iter().enumerate() {
                    if n > 0 && n < t { prop_assert!(m.cells[i][j]); }
                }
            }
            // Secondary: no line gives a hidden count away by subtraction.
            prop_assert!(no_line_with_one(&counts, &m));
        }
    }
}
