//! Scale predictors binned once, on the whole sample, into at most k
//! equal-frequency intervals (IBM's rule).

pub struct Bins {
    pub bins: usize,
    /// Bin of each row; `bins` for missing.
    pub codes: Vec<usize>,
    /// Largest value in each bin.
    pub cut_points: Vec<f64>,
    /// `<= a`, `(a, b]`, `> b`.
    pub labels: Vec<String>,
}

/// With F(u) the cumulative relative frequency of distinct value u,
/// bin = ceil(k·F(u) − 1e-8); equal values share a bin; bins renumbered consecutively.
pub fn equal_frequency(values: &[Option<f64>], freq: Option<&[f64]>, k: usize) -> Bins {
    let mut distinct: Vec<(f64, f64)> = Vec::new();
    {
        let mut pairs: Vec<(f64, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(r, v)| v.map(|x| (x, freq.map_or(1.0, |f| f[r]))))
            .collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (x, w) in pairs {
            match distinct.last_mut() {
                Some((u, total)) if *u == x => *total += w,
                _ => distinct.push((x, w)),
            }
        }
    }
    let total: f64 = distinct.iter().map(|d| d.1).sum();
    let mut cumulative = 0.0;
    let mut raw_bin = Vec::with_capacity(distinct.len());
    for (_, w) in &distinct {
        cumulative += w;
        raw_bin.push((k as f64 * cumulative / total - 1e-8).ceil() as i64);
    }
    // Renumber consecutively.
    let mut bin_of = Vec::with_capacity(distinct.len());
    let mut cut_points: Vec<f64> = Vec::new();
    let mut last = None;
    for (i, b) in raw_bin.iter().enumerate() {
        if last != Some(*b) {
            cut_points.push(distinct[i].0);
            last = Some(*b);
        } else {
            *cut_points.last_mut().expect("a bin") = distinct[i].0;
        }
        bin_of.push(cut_points.len() - 1);
    }
    let bins = cut_points.len();
    let codes = values
        .iter()
        .map(|v| match v {
            Some(x) => bin_of[distinct.partition_point(|d| d.0 < *x)],
            None => bins,
        })
        .collect();
    let labels = (0..bins)
        .map(|b| {
            if bins == 1 || b == 0 {
                format!("<= {}", number_label(cut_points[0]))
            } else if b == bins - 1 {
                format!("> {}", number_label(cut_points[b - 1]))
            } else {
                format!("({}, {}]", number_label(cut_points[b - 1]), number_label(cut_points[b]))
            }
        })
        .collect();
    Bins {
        bins,
        codes,
        cut_points,
        labels,
    }
}

/// A number as a category label: whole numbers without decimals.
pub fn number_label(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_values_share_a_bin_and_labels_read_like_spss() {
        let v: Vec<Option<f64>> = [1., 1., 1., 1., 2., 3., 4., 5., 6., 7.]
            .iter()
            .map(|x| Some(*x))
            .collect();
        let b = equal_frequency(&v, None, 5);
        assert_eq!(b.cut_points, vec![1., 3., 5., 7.]);
        assert_eq!(b.labels, ["<= 1", "(1, 3]", "(3, 5]", "> 5"]);
        assert_eq!(b.codes[..5], [0, 0, 0, 0, 1]);
    }

    #[test]
    fn missing_values_get_the_missing_code() {
        let b = equal_frequency(&[Some(1.0), None, Some(2.0)], None, 10);
        assert_eq!(b.bins, 2);
        assert_eq!(b.codes, vec![0, 2, 1]);
    }
}
