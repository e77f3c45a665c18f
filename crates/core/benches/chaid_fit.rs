//! CHAID fit alone at 10k, 100k and 1M rows (30 mixed predictors, depth 3),
//! so the scaling is visible. `cargo bench -p perspectief-core`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use perspectief_core::chaid::synthetic::dataset;
use perspectief_core::chaid::{fit, ChaidParams};

fn fit_scaling(c: &mut Criterion) {
    let params = ChaidParams::default().check().unwrap();
    let mut group = c.benchmark_group("chaid_fit_30_mixed_depth3");
    group.sample_size(10);
    for rows in [10_000, 100_000, 1_000_000] {
        let data = dataset(rows, 30, 42, true);
        group.bench_with_input(BenchmarkId::from_parameter(rows), &data, |b, data| {
            b.iter(|| fit(data, &params).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, fit_scaling);
criterion_main!(benches);
