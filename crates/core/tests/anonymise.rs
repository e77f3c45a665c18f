//! k-anonymity and l-diversity: the guarantees as properties on random files,
//! and the demo's analysis file made 5-anonymous and 2-diverse.

use std::collections::{BTreeMap, BTreeSet};

use perspectief_core::anonymise::{anonymise, is_direct_identifier, AnonymiseError, Settings};
use perspectief_core::chaid::RawColumn;
use proptest::prelude::*;

/// Classes of the output, computed here independently: the quasi-identifiers' texts per row.
fn check_guarantees(columns: &[(String, RawColumn)], quasi: &[String], sensitive: &[String], k: usize, l: usize) {
    let get = |name: &str| &columns.iter().find(|(c, _)| c == name).unwrap().1;
    let text = |c: &RawColumn, r: usize| -> Option<String> {
        match c {
            RawColumn::Text(t) => t.get(r).map(str::to_string),
            RawColumn::Number(x) => x[r].map(|x| x.to_string()),
        }
    };
    let rows = columns.first().map_or(0, |(_, c)| c.len());
    // Per class: its records and the distinct values of each sensitive attribute.
    type Class = (usize, Vec<BTreeSet<String>>);
    let mut classes: BTreeMap<Vec<Option<String>>, Class> = BTreeMap::new();
    for r in 0..rows {
        let key: Vec<Option<String>> = quasi.iter().map(|q| text(get(q), r)).collect();
        let e = classes
            .entry(key)
            .or_insert_with(|| (0, vec![BTreeSet::new(); sensitive.len()]));
        e.0 += 1;
        for (j, s) in sensitive.iter().enumerate() {
            if let Some(v) = text(get(s), r) {
                e.1[j].insert(v);
            }
        }
    }
    for (key, (n, values)) in &classes {
        assert!(*n >= k, "class {key:?} has {n} < {k} records");
        for (j, v) in values.iter().enumerate() {
            assert!(
                v.len() >= l,
                "class {key:?}: {} has {} < {l} values",
                sensitive[j],
                v.len()
            );
        }
    }
}

fn refs(columns: &[(String, RawColumn)]) -> Vec<(&str, &RawColumn)> {
    columns.iter().map(|(n, c)| (n.as_str(), c)).collect()
}

fn column(values: &[u8], numeric: bool, missing_every: usize) -> RawColumn {
    let missing = |i: usize| missing_every > 0 && i % missing_every == missing_every - 1;
    if numeric {
        RawColumn::Number(
            values
                .iter()
                .enumerate()
                .map(|(i, v)| (!missing(i)).then_some(15.0 + *v as f64 * 1.7))
                .collect(),
        )
    } else {
        RawColumn::text(
            values
                .iter()
                .enumerate()
                .map(|(i, v)| (!missing(i)).then(|| format!("w{v}"))),
        )
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn k_anonymous_and_l_diverse_after(
        rows in 0usize..250,
        spec in prop::collection::vec((1u8..12, any::<bool>(), 0usize..9), 1..5),
        sens in prop::collection::vec((1u8..5, 0usize..7), 0..3),
        k in 2usize..7,
        l_want in 1usize..4,
        suppression in 0.0f64..0.3,
        seed in any::<u64>(),
    ) {
        let mut state = seed | 1;
        let mut next = |m: u8| { state ^= state << 13; state ^= state >> 7; state ^= state << 17; (state % m as u64) as u8 };
        let mut columns = Vec::new();
        let mut quasi = Vec::new();
        for (i, (card, numeric, missing)) in spec.iter().enumerate() {
            let values: Vec<u8> = (0..rows).map(|_| next(*card)).collect();
            let name = if *numeric { format!("leeftijd_{i}") } else { format!("kenmerk_{i}") };
            columns.push((name.clone(), column(&values, *numeric, *missing)));
            quasi.push(name);
        }
        let mut sensitive = Vec::new();
        for (j, (card, missing)) in sens.iter().enumerate() {
            let values: Vec<u8> = (0..rows).map(|_| next(*card)).collect();
            let name = format!("gevoelig_{j}");
            columns.push((name.clone(), column(&values, false, *missing)));
            sensitive.push(name);
        }
        let l = l_want.min(k);
        let settings = Settings::default().quasi(quasi.clone()).sensitive(sensitive.clone()).k(k).l(l)
            .max_suppression(suppression).check(&refs(&columns)).unwrap();
        match anonymise(&refs(&columns), &settings) {
            Ok(out) => {
                let written = out.columns(&refs(&columns));
                check_guarantees(&written, &quasi, &sensitive, k, l);
                let kept = written.first().map_or(0, |(_, c)| c.len());
                prop_assert_eq!(kept + out.removed_records, rows);
                prop_assert!(out.after.smallest_class >= k || kept == 0);
                prop_assert!(kept == 0 || out.after.diversity.iter().all(|d| d.l >= l));
                prop_assert!((0.0..=1.0).contains(&out.loss));
                prop_assert_eq!(out.after.records_below_k, 0);
            }
            Err(AnonymiseError::Impossible { .. }) => {
                // Only when the whole file in one class is still too small or not diverse enough.
                let mut all: Vec<BTreeSet<String>> = vec![BTreeSet::new(); sensitive.len()];
                for (j, s) in sensitive.iter().enumerate() {
                    if let RawColumn::Text(t) = &columns.iter().find(|(c, _)| c == s).unwrap().1 {
                        for r in 0..rows { if let Some(v) = t.get(r) { all[j].insert(v.to_string()); } }
                    }
                }
                prop_assert!(rows < k || all.iter().any(|v| v.len() < l), "impossible without reason");
            }
            Err(e) => prop_assert!(false, "{e}"),
        }
    }

    /// Generalising never splits a class: the risk after is never higher than before.
    #[test]
    fn risk_never_rises(rows in 10usize..200, card in 2u8..30, k in 2usize..6, seed in any::<u64>()) {
        let mut state = seed | 1;
        let values: Vec<u8> = (0..rows).map(|_| { state ^= state << 13; state ^= state >> 7; state ^= state << 17; (state % card as u64) as u8 }).collect();
        let columns = vec![("leeftijd".to_string(), column(&values, true, 0))];
        let settings = Settings::default().quasi(["leeftijd"]).sensitive(Vec::<String>::new()).k(k).check(&refs(&columns)).unwrap();
        let out = anonymise(&refs(&columns), &settings).unwrap();
        prop_assert!(out.after.prosecutor_max <= out.before.prosecutor_max);
        prop_assert!(out.after.classes <= out.before.classes);
    }
}

#[test]
fn settings_are_checked_with_dutch_messages() {
    let columns = vec![("geslacht".to_string(), RawColumn::text([Some("man")]))];
    let err = |s: Settings| s.check(&refs(&columns)).unwrap_err().to_string();
    let base = Settings::default().quasi(["geslacht"]).sensitive(Vec::<String>::new());
    assert_eq!(err(base.clone().k(1)), "k moet minstens 2 zijn (nu 1).");
    assert_eq!(
        err(base.clone().l(6)),
        "l moet minstens 1 zijn en niet groter dan k (nu 6)."
    );
    assert_eq!(
        err(base.clone().quasi(["leeftijd"])),
        "De kolom 'leeftijd' (quasi-identificator) staat niet in het bestand. Kies kolommen die er wel in staan."
    );
    assert_eq!(
        err(base.clone().top_code(["geslacht"])),
        "De kolom 'geslacht' bevat geen getallen: alleen aantallen kunnen top- en bottomgecodeerd worden."
    );
    let s = base.check(&refs(&columns)).unwrap();
    assert_eq!(
        anonymise(&refs(&columns), &s).unwrap_err().to_string(),
        "Met 1 records kan het bestand niet 5-anoniem en 2-divers worden, ook niet als alle quasi-identificatoren \
         worden weggelaten. Kies een kleinere k of l, of minder gevoelige attributen."
    );
}

#[test]
fn direct_identifiers_are_recognised() {
    for h in [
        "V-nummer",
        "vnummer",
        "Naam",
        "Achternaam",
        "Voornaam",
        "Geboortedatum",
        "Datum instroom",
    ] {
        assert!(is_direct_identifier(h), "{h}");
    }
    for h in ["geslacht", "leeftijd_instroom", "steunpunt", "psychiatrische_diagnose"] {
        assert!(!is_direct_identifier(h), "{h}");
    }
}

#[test]
fn the_demo_analysis_file_made_5_anonymous_and_2_diverse() {
    use perspectief_core::check::registration::{check, CheckOptions};
    use perspectief_core::ingest::load::{load, LoadedFile};
    use perspectief_core::ingest::steunpunt::known_with;
    use perspectief_core::link::linkage::{link, LinkOptions};
    let set = perspectief_core::demo::generate(perspectief_core::demo::DEFAULT_SEED);
    let files: Vec<LoadedFile> = set
        .files
        .iter()
        .map(|f| load(&f.name, &f.bytes, None, &known_with(&[])).unwrap())
        .collect();
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    let linkage = link(&refs, &checked, &LinkOptions::default()).unwrap();
    let a = perspectief_core::analysis::build(&refs, &checked, &linkage, None);
    let columns: Vec<(&str, &RawColumn)> = a.variables.iter().map(|v| (v.name.as_str(), &v.values)).collect();
    let settings = Settings::defaults_for(&columns);
    assert_eq!(
        settings.quasi.len(),
        5,
        "every default quasi-identifier is in the analysis file"
    );
    assert_eq!(settings.sensitive.len(), 3);
    let checked = settings.clone().check(&columns).unwrap();
    let out = anonymise(&columns, &checked).unwrap();
    check_guarantees(&out.columns(&columns), &settings.quasi, &settings.sensitive, 5, 2);
    assert!(out.before.records_below_k > 100, "{:?}", out.before);
    assert_eq!(out.after.records_below_k, 0);
    assert!(out.after.prosecutor_max <= 0.2);
    assert!(out.loss > 0.0 && out.loss < 0.8, "loss {}", out.loss);
    assert!(out.evaluated <= out.nodes);
    eprintln!(
        "demo: {:?}; loss {:.3}; cells blanked {}; removed {}; nodes {}/{}; before {:?}",
        out.generalised
            .iter()
            .map(|g| (&g.column, &g.meaning))
            .collect::<Vec<_>>(),
        out.loss,
        out.suppressed_cells,
        out.removed_records,
        out.evaluated,
        out.nodes,
        (
            out.before.classes,
            out.before.records_below_k,
            out.before.prosecutor_max
        )
    );
}

#[test]
fn a_limited_quasi_identifier_is_not_generalised_beyond_its_limit() {
    let n = 400;
    let columns = vec![
        (
            "steunpunt".to_string(),
            RawColumn::text((0..n).map(|i| Some(["Amsterdam", "Zwolle", "Tilburg", "Groningen"][i % 4]))),
        ),
        (
            "leeftijd_instroom".to_string(),
            RawColumn::Number((0..n).map(|i| Some(17.0 + (i * 7 % 9) as f64 + 0.25)).collect()),
        ),
        (
            "land_herkomst".to_string(),
            RawColumn::text((0..n).map(|i| Some(format!("land{}", i * 13 % 37)))),
        ),
    ];
    let quasi = ["steunpunt", "leeftijd_instroom", "land_herkomst"];
    let s = Settings::default().quasi(quasi).sensitive(Vec::<String>::new()).k(5);
    let input = refs(&columns);
    let free = anonymise(&input, &s.clone().check(&input).unwrap()).unwrap();
    let kept = anonymise(&input, &s.max_level("steunpunt", 0).check(&input).unwrap()).unwrap();
    assert_eq!(kept.generalised[0].level, 0);
    assert!(kept.loss >= free.loss);
    check_guarantees(&kept.columns(&input), &quasi.map(String::from), &[], 5, 1);
}

proptest! {
    /// Pseudonyms are stable, differ per secret, and differ per V-nummer.
    #[test]
    fn pseudonyms_stable_and_keyed(v1 in 0u64..10_000_000_000, v2 in 0u64..10_000_000_000, s1 in "[a-z ]{16,30}", s2 in "[a-z ]{16,30}") {
        use perspectief_core::anonymise::pseudonym::{Keys, Secret};
        prop_assume!(s1.trim() != s2.trim() && s1.trim().len() >= 16 && s2.trim().len() >= 16);
        let (a, b) = (format!("{v1:010}"), format!("{v2:010}"));
        let k1 = Keys::new(&Secret::from_text(&s1).unwrap());
        let k1_again = Keys::new(&Secret::from_text(&s1).unwrap());
        let k2 = Keys::new(&Secret::from_text(&s2).unwrap());
        prop_assert_eq!(k1.v_nummer(&a), k1_again.v_nummer(&a));
        prop_assert_ne!(k1.v_nummer(&a), k2.v_nummer(&a));
        if a != b {
            prop_assert_ne!(k1.v_nummer(&a), k1.v_nummer(&b));
        }
    }
}
