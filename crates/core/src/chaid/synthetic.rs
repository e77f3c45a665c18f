//! Synthetic analysis data for benchmarks and scale tests (seeded): n rows,
//! p predictors with 2–20 categories, a binary dependent that depends on a
//! few of them.

use super::data::{Codes, Dataset, Dropped, Level, Predictor, Target};
use crate::rng::Rng;

/// Predictor `k` has `2 + (k * 7) % 19` categories. With `mixed`, every third
/// predictor is ordinal and every fifth a binned scale variable (10 bins).
pub fn dataset(rows: usize, predictors: usize, seed: u64, mixed: bool) -> Dataset {
    let mut rng = Rng::new(seed);
    let mut preds = Vec::with_capacity(predictors);
    for k in 0..predictors {
        let (level, cats) = match k {
            _ if mixed && k % 5 == 4 => (Level::Scale, 10),
            _ if mixed && k % 3 == 2 => (Level::Ordinal, 2 + (k * 7) % 19),
            _ => (Level::Nominal, 2 + (k * 7) % 19),
        };
        let codes: Vec<u8> = (0..rows).map(|_| rng.range(0, cats as i64 - 1) as u8).collect();
        let labels = (0..cats).map(|c| format!("{k}_{c}")).collect();
        let cut_points = (level == Level::Scale).then(|| (0..cats).map(|c| c as f64).collect());
        preds.push(Predictor {
            name: format!("x{k}"),
            level,
            labels,
            cut_points,
            numeric: false,
            codes: Codes::U8(codes),
        });
    }
    let code = |p: &Predictor, r: usize| p.codes.get(r) as f64 / p.categories() as f64;
    let y: Vec<u16> = (0..rows)
        .map(|r| {
            let mut z = -0.5;
            for (k, p) in preds.iter().take(4).enumerate() {
                z += (code(p, r) - 0.5) * (1.5 - 0.3 * k as f64);
            }
            u16::from(rng.unit() < 1.0 / (1.0 + (-z).exp()))
        })
        .collect();
    Dataset {
        target: Target::Classes {
            name: "y".into(),
            labels: vec!["0".into(), "1".into()],
            codes: y,
            ordinal: false,
            scores: vec![1.0, 2.0],
        },
        predictors: preds,
        freq: None,
        case: None,
        dropped: Dropped::default(),
        source_rows: (0..rows as u32).collect(),
    }
}

/// The dependent as bytes, for [`counting_pass`].
pub fn byte_classes(data: &Dataset) -> Vec<u8> {
    match &data.target {
        Target::Classes { codes, .. } => codes.iter().map(|&c| c as u8).collect(),
        Target::Scale { .. } => Vec::new(),
    }
}

/// The physical floor of one tree level: one pass counting a category × class
/// table for every byte-coded predictor over every row (byte-coded binary
/// dependent). Returns a checksum (so the work is kept).
pub fn counting_pass(data: &Dataset, y: &[u8]) -> u64 {
    let mut checksum = 0u64;
    for p in &data.predictors {
        let mut counts = [0u32; 64];
        if let Codes::U8(c) = &p.codes {
            for (&code, &class) in c.iter().zip(y) {
                counts[usize::from(code) * 2 + usize::from(class)] += 1;
            }
        }
        checksum = checksum.wrapping_add(counts.iter().map(|&x| u64::from(x)).sum::<u64>());
    }
    checksum
}
