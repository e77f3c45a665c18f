//! What one guess at a typed project secret costs an attacker natively: the
//! keys of a secret (Argon2id with `pseudonym::KDF`, then HKDF per field) and
//! one pseudonym to compare with a linkage file. Issue 15 asks at least 0.3 s.
//! `cargo bench -p perspectief-core --bench secret_guess`.

use criterion::{criterion_group, criterion_main, Criterion};
use perspectief_core::link::pseudonym::{Keys, Secret};

fn guess(c: &mut Criterion) {
    let mut group = c.benchmark_group("secret_guess");
    group.sample_size(10);
    let secret = Secret::from_text("het gras is groen in de lente").unwrap();
    group.bench_function("argon2id_keys_and_one_pseudonym", |b| {
        b.iter(|| Keys::new(&secret).v_nummer("2836026405"));
    });
    group.finish();
}

criterion_group!(benches, guess);
criterion_main!(benches);
