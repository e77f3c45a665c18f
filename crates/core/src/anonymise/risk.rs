//! Disclosure risk of a file: equivalence classes over the quasi-identifiers,
//! records in classes smaller than k, prosecutor risk (max and average), and
//! the l-diversity of each sensitive attribute (sdcMicro's and ARX's measures).

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::chaid::data::{RawColumn, TextColumn};

/// Codes of a column: text by its dictionary, numbers by distinct value; missing is a code of its own.
pub fn codes(values: &RawColumn) -> (Vec<u32>, usize) {
    match values {
        RawColumn::Text(t) => {
            let missing = t.labels.len() as u32;
            let codes = t
                .codes
                .iter()
                .map(|&c| if c == TextColumn::MISSING { missing } else { c })
                .collect();
            (codes, t.labels.len() + 1)
        }
        RawColumn::Number(xs) => {
            let mut distinct: Vec<f64> = xs.iter().flatten().copied().collect();
            distinct.sort_by(f64::total_cmp);
            distinct.dedup();
            let missing = distinct.len() as u32;
            let codes = xs
                .iter()
                .map(|x| x.map_or(missing, |x| distinct.partition_point(|d| *d < x) as u32))
                .collect();
            (codes, distinct.len() + 1)
        }
    }
}

/// Equivalence classes: each row's class, and each class's size.
pub fn classes(qi: &[(Vec<u32>, usize)], rows: usize) -> (Vec<u32>, Vec<usize>) {
    let mut class_of = vec![0u32; rows];
    let mut sizes: Vec<usize> = Vec::new();
    let mut ids: HashMap<u128, u32> = HashMap::new();
    let key_of = |row: usize| -> Vec<u32> { qi.iter().map(|(c, _)| c[row]).collect() };
    // Pack the codes into one number when they fit (they nearly always do).
    let bits: u32 = qi.iter().map(|(_, card)| usize::BITS - card.leading_zeros()).sum();
    if bits <= 128 {
        for (row, class) in class_of.iter_mut().enumerate() {
            let mut key = 0u128;
            for (c, card) in qi {
                key = key << (usize::BITS - card.leading_zeros()) | c[row] as u128;
            }
            let next = ids.len() as u32;
            let id = *ids.entry(key).or_insert(next);
            if id as usize == sizes.len() {
                sizes.push(0);
            }
            sizes[id as usize] += 1;
            *class = id;
        }
    } else {
        let mut by_key: HashMap<Vec<u32>, u32> = HashMap::new();
        for (row, class) in class_of.iter_mut().enumerate() {
            let next = by_key.len() as u32;
            let id = *by_key.entry(key_of(row)).or_insert(next);
            if id as usize == sizes.len() {
                sizes.push(0);
            }
            sizes[id as usize] += 1;
            *class = id;
        }
    }
    (class_of, sizes)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diversity {
    pub attribute: String,
    /// The fewest distinct values in any class (the file's l for this attribute).
    pub l: usize,
    /// Classes with fewer than the asked l distinct values.
    pub classes_below: usize,
}

/// t-closeness of a sensitive attribute: the largest distance between a class's distribution of
/// its values and the whole file's (earth mover's distance with equal distances: half the sum
/// of the absolute differences), 0 (every class like the file) to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closeness {
    pub attribute: String,
    pub t: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub records: usize,
    pub classes: usize,
    pub smallest_class: usize,
    /// Records in classes smaller than k.
    pub records_below_k: usize,
    pub classes_below_k: usize,
    /// Highest chance of re-identifying a record (1 / the smallest class).
    pub prosecutor_max: f64,
    /// Average chance over the records (classes / records).
    pub prosecutor_average: f64,
    /// Class sizes: (size, number of classes of that size), the smallest sizes first (at most 20).
    pub sizes: Vec<(usize, usize)>,
    pub diversity: Vec<Diversity>,
    #[serde(default)]
    pub closeness: Vec<Closeness>,
    /// Journalist and marketer risk against this many persons (the national extract with the
    /// registrations when it is loaded, else the file's own records: then equal to the prosecutor's).
    #[serde(default)]
    pub population: usize,
    /// Highest chance that someone in the population is found in the file (1 / the fewest
    /// persons in the population who share a class's values).
    #[serde(default)]
    pub journalist_max: f64,
    /// Expected share of the records a marketer re-identifies (mean of 1 / those persons).
    #[serde(default)]
    pub marketer: f64,
}

/// The risk of `rows` records with these quasi-identifiers and sensitive attributes, against k and l.
pub fn measure(qi: &[&RawColumn], sensitive: &[(&str, &RawColumn)], rows: usize, k: usize, l: usize) -> Risk {
    let qi_codes: Vec<(Vec<u32>, usize)> = qi.iter().map(|c| codes(c)).collect();
    let (class_of, sizes) = classes(&qi_codes, rows);
    let smallest = sizes.iter().copied().min().unwrap_or(0);
    let mut histogram: std::collections::BTreeMap<usize, usize> = Default::default();
    for &s in &sizes {
        *histogram.entry(s).or_default() += 1;
    }
    let closeness = sensitive
        .iter()
        .map(|(name, column)| Closeness {
            attribute: name.to_string(),
            t: closeness(&class_of, sizes.len(), column, rows),
        })
        .collect();
    let diversity = sensitive
        .iter()
        .map(|(name, column)| {
            let (codes, _) = codes(column);
            let mut pairs: Vec<u64> = (0..rows)
                .filter(|&r| !column.is_missing(r))
                .map(|r| (class_of[r] as u64) << 32 | codes[r] as u64)
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            let mut distinct = vec![0usize; sizes.len()];
            for p in pairs {
                distinct[(p >> 32) as usize] += 1;
            }
            Diversity {
                attribute: name.to_string(),
                l: distinct.iter().copied().min().unwrap_or(0),
                classes_below: distinct.iter().filter(|&&d| d < l).count(),
            }
        })
        .collect();
    Risk {
        records: rows,
        classes: sizes.len(),
        smallest_class: smallest,
        records_below_k: sizes.iter().filter(|&&s| s < k).sum(),
        classes_below_k: sizes.iter().filter(|&&s| s < k).count(),
        prosecutor_max: if smallest == 0 { 0.0 } else { 1.0 / smallest as f64 },
        prosecutor_average: if rows == 0 {
            0.0
        } else {
            sizes.len() as f64 / rows as f64
        },
        sizes: histogram.into_iter().take(20).collect(),
        diversity,
        closeness,
        population: rows,
        journalist_max: if smallest == 0 { 0.0 } else { 1.0 / smallest as f64 },
        marketer: if rows == 0 {
            0.0
        } else {
            sizes.len() as f64 / rows as f64
        },
    }
}

/// The largest distance of a class's distribution of `column` from the file's.
fn closeness(class_of: &[u32], classes: usize, column: &RawColumn, rows: usize) -> f64 {
    let (codes, card) = codes(column);
    let present = |r: usize| !column.is_missing(r);
    let mut overall = vec![0f64; card];
    let mut per_class: HashMap<(u32, u32), f64> = HashMap::new();
    let mut class_total = vec![0f64; classes];
    for r in (0..rows).filter(|&r| present(r)) {
        overall[codes[r] as usize] += 1.0;
        *per_class.entry((class_of[r], codes[r])).or_default() += 1.0;
        class_total[class_of[r] as usize] += 1.0;
    }
    let n: f64 = overall.iter().sum();
    if n == 0.0 {
        return 0.0;
    }
    // Half the sum of |p - q| = the sum over values where the class has more than the file.
    let mut excess = vec![0f64; classes];
    for (&(class, value), &count) in &per_class {
        let p = count / class_total[class as usize];
        let q = overall[value as usize] / n;
        if p > q {
            excess[class as usize] += p - q;
        }
    }
    excess.into_iter().fold(0.0, f64::max)
}

/// Journalist and marketer risk by counting: `classes[j]` is the sample's count in class j and
/// `population[j]` the number of persons in the population who share its values (at least the
/// sample's own count).
pub fn against_population(risk: &mut Risk, classes: &[(usize, usize)], population: usize) {
    risk.population = population;
    let smallest = classes.iter().map(|&(_, big)| big).min().unwrap_or(0);
    risk.journalist_max = if smallest == 0 { 0.0 } else { 1.0 / smallest as f64 };
    let records: usize = classes.iter().map(|&(f, _)| f).sum();
    risk.marketer = if records == 0 {
        0.0
    } else {
        classes
            .iter()
            .map(|&(f, big)| f as f64 / big.max(1) as f64)
            .sum::<f64>()
            / records as f64
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_sizes_and_risks_by_hand() {
        let text = |xs: &[&str]| RawColumn::text(xs.iter().map(|x| (!x.is_empty()).then_some(*x)));
        let sex = text(&["m", "m", "m", "v", "v", "v"]);
        let age = RawColumn::Number(vec![
            Some(18.0),
            Some(18.0),
            Some(19.0),
            Some(18.0),
            Some(18.0),
            Some(18.0),
        ]);
        let diag = text(&["ja", "nee", "ja", "ja", "ja", ""]);
        let r = measure(&[&sex, &age], &[("diagnose", &diag)], 6, 2, 2);
        assert_eq!(
            (r.classes, r.smallest_class, r.records_below_k, r.classes_below_k),
            (3, 1, 1, 1)
        );
        assert_eq!(r.prosecutor_max, 1.0);
        assert_eq!(r.prosecutor_average, 0.5);
        assert_eq!(r.sizes, [(1, 1), (2, 1), (3, 1)]);
        // (m,18): ja, nee → 2; (m,19): ja → 1; (v,18): ja, ja, missing → 1.
        assert_eq!(r.diversity[0].l, 1);
        assert_eq!(r.diversity[0].classes_below, 2);
    }
}
