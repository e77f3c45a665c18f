//! The national figures file on the demo: what it holds, that it holds no person, that a
//! steunpunt with its own registration learns no count below the threshold about the others
//! (and would without the differencing rule), the checksum, and the comparison.

// The attack indexes counts by node and class; iterator chains would hide the arithmetic.
#![allow(clippy::needless_range_loop)]

mod common;

use std::collections::BTreeMap;

use perspectief_core::chaid::RawColumn;
use perspectief_core::disclosure::Count;
use perspectief_core::ingest::load::LoadedFile;
use perspectief_core::ingest::records::Value;
use perspectief_core::kind::FileKind;
use perspectief_core::locale::Locale;
use perspectief_core::messages::Localized;
use perspectief_core::national::compare::assign;
use perspectief_core::national::{self, compare, Dimension, NationalError, NationalFigures, Options};

const T: u64 = 5;

fn figures(demo: &common::Demo, options: &Options) -> NationalFigures {
    national::from_analysis(&demo.analysis, options).unwrap()
}

/// The demo's registrations per steunpunt (a steunpunt may send more than one file).
fn registrations(demo: &common::Demo) -> BTreeMap<String, Vec<&LoadedFile>> {
    let mut out: BTreeMap<String, Vec<&LoadedFile>> = BTreeMap::new();
    for f in demo.files.iter().filter(|f| f.kind == FileKind::Registration) {
        let checked = perspectief_core::check::registration::check(&[f], &Default::default());
        for s in checked.steunpunten.keys() {
            out.entry(s.clone()).or_default().push(f);
        }
    }
    out
}

/// What a steunpunt works out about everyone else from the file and its own registration: every
/// shown count minus its own, and every line's hidden part (its shown total minus its shown
/// entries) minus its own. Returns the findings between 1 and the threshold − 1.
fn attack(file: &NationalFigures, own_files: &[&LoadedFile]) -> Vec<String> {
    let c = &file.content;
    let own = assign(file, own_files).unwrap();
    let mut found = Vec::new();
    let mut learn = |what: String, rest: i64| {
        if rest > 0 && (rest as u64) < c.threshold {
            found.push(format!("{what}: {rest} elsewhere"));
        }
    };
    learn("persons".into(), c.persons as i64 - own.persons as i64);
    // A line of counts with its total: what the shown ones and the hidden part leave.
    let line = |what: &str, inner: &[(String, Count, u64)], total: (Count, u64), learn: &mut dyn FnMut(String, i64)| {
        for (label, count, mine) in inner {
            if let Some(n) = count.n {
                learn(format!("{what} {label}"), n as i64 - *mine as i64);
            }
        }
        if let Some(n) = total.0.n {
            learn(format!("{what} total"), n as i64 - total.1 as i64);
            let hidden: Vec<&(String, Count, u64)> = inner.iter().filter(|(_, c, _)| c.n.is_none()).collect();
            if !hidden.is_empty() {
                let shown: u64 = inner.iter().filter_map(|(_, c, _)| c.n).sum();
                let mine: u64 = hidden.iter().map(|(_, _, m)| m).sum();
                learn(format!("{what} hidden part"), n as i64 - shown as i64 - mine as i64);
            }
        }
    };
    for (d, assigned) in c.dimensions.iter().zip(&own.categories) {
        let inner: Vec<(String, Count, u64)> = d
            .categories
            .iter()
            .enumerate()
            .map(|(i, cat)| {
                let mine = assigned.iter().filter(|a| **a == Some(i)).count() as u64;
                (cat.group.label.clone(), cat.count, mine)
            })
            .collect();
        line(
            &format!("{:?}", d.dimension),
            &inner,
            (d.total, own.persons as u64),
            &mut learn,
        );
    }
    if let Some(t) = &c.tree {
        // Own counts per node and class (persons whose walk passes the node, with a class).
        let k = t.classes.len();
        let mut node_n = vec![0u64; t.nodes.len()];
        let mut node_class = vec![vec![0u64; k]; t.nodes.len()];
        for (w, class) in own.walks.iter().zip(&own.classes) {
            let Some(class) = class else { continue };
            let mut at = Some(w.node);
            while let Some(n) = at {
                node_n[n] += 1;
                node_class[n][*class] += 1;
                at = t.nodes[n].parent;
            }
        }
        for node in &t.nodes {
            let inner: Vec<(String, Count, u64)> = (0..k)
                .map(|j| (t.classes[j].clone(), node.counts[j], node_class[node.id][j]))
                .collect();
            line(
                &format!("node {}", node.id),
                &inner,
                (node.n, node_n[node.id]),
                &mut learn,
            );
            if !node.children.is_empty() {
                let kids: Vec<(String, Count, u64)> = node
                    .children
                    .iter()
                    .map(|&ch| (format!("child {ch}"), t.nodes[ch].n, node_n[ch]))
                    .collect();
                line(
                    &format!("node {} split", node.id),
                    &kids,
                    (node.n, node_n[node.id]),
                    &mut learn,
                );
                for j in 0..k {
                    let kids: Vec<(String, Count, u64)> = node
                        .children
                        .iter()
                        .map(|&ch| {
                            (
                                format!("child {ch} {}", t.classes[j]),
                                t.nodes[ch].counts[j],
                                node_class[ch][j],
                            )
                        })
                        .collect();
                    line(
                        &format!("node {} split {}", node.id, t.classes[j]),
                        &kids,
                        (node.counts[j], node_class[node.id][j]),
                        &mut learn,
                    );
                }
            }
        }
    }
    found
}

#[test]
fn the_demo_gives_national_figures_per_dimension_and_a_tree() {
    let demo = common::demo();
    let f = figures(&demo, &Options::default());
    let c = &f.content;
    assert_eq!(f.format, national::FORMAT);
    assert_eq!(c.persons, demo.analysis.persons as u64);
    assert_eq!(c.steunpunten, 20);
    assert_eq!(c.peildatum, demo.analysis.peildatum);
    let dims: Vec<Dimension> = c.dimensions.iter().map(|d| d.dimension).collect();
    assert_eq!(dims, Dimension::ALL);
    for d in &c.dimensions {
        assert_eq!(d.total.n, Some(c.persons), "{:?}", d.dimension);
        let shown: u64 = d.categories.iter().filter_map(|c| c.count.n).sum();
        assert!(shown <= c.persons);
        for cat in &d.categories {
            assert_eq!(
                cat.percent.is_some(),
                cat.count.n.is_some(),
                "{:?} {}",
                d.dimension,
                cat.group.label
            );
        }
    }
    let outcome = &c.dimensions[0];
    let mob = outcome.categories.iter().find(|c| c.group.label == "MOB").unwrap();
    assert!(mob.count.n.is_some_and(|n| n >= T));
    let tree = c.tree.as_ref().expect("a tree");
    assert_eq!(tree.target, "mob");
    assert_eq!(tree.classes[tree.class], "ja");
    assert_eq!(tree.nodes[0].n.n, Some(c.persons));
    eprintln!("{}", serde_json::to_string(&c.dimensions).unwrap());
    eprintln!("tree: {} nodes", tree.nodes.len());
}

/// Every string the file holds that also occurs in a registration is a value at least the
/// threshold of persons have; every count is hidden or at least the threshold; no array is as
/// long as the persons.
#[test]
fn the_national_file_holds_no_person() {
    let demo = common::demo();
    let f = figures(&demo, &Options::default());
    let json: serde_json::Value = serde_json::from_str(&f.to_json()).unwrap();
    let persons = demo.analysis.persons;

    // Every value of every registration (recognised values, dates, V-nummers, unmapped cells).
    let mut in_registrations: BTreeMap<String, u64> = BTreeMap::new();
    for file in demo.files.iter().filter(|f| f.kind == FileKind::Registration) {
        for r in &file.records {
            let mut values: Vec<String> = r.cells.clone();
            if let Some(v) = &r.v_nummer {
                values.push(v.text.clone());
            }
            for (_, v) in r.values.iter() {
                values.push(match v {
                    Value::Date(d) => d.dutch(),
                    other => other.as_str().map(String::from).unwrap_or_else(|| format!("{other:?}")),
                });
                if let Value::Date(d) = v {
                    values.push(d.iso());
                }
            }
            for v in values {
                *in_registrations.entry(v).or_default() += 1;
            }
        }
    }
    assert!(in_registrations.len() > persons, "names, V-nummers and dates are there");

    fn walk(
        v: &serde_json::Value,
        strings: &mut Vec<String>,
        arrays: &mut Vec<usize>,
        counts: &mut Vec<(u64, String)>,
    ) {
        match v {
            serde_json::Value::String(s) => strings.push(s.clone()),
            serde_json::Value::Array(a) => {
                arrays.push(a.len());
                a.iter().for_each(|x| walk(x, strings, arrays, counts));
            }
            serde_json::Value::Object(m) => {
                if let (Some(n), Some(mark)) = (m.get("n"), m.get("mark")) {
                    if let Some(n) = n.as_u64() {
                        counts.push((n, mark.to_string()));
                    }
                }
                m.values().for_each(|x| walk(x, strings, arrays, counts));
            }
            _ => {}
        }
    }
    let (mut strings, mut arrays, mut counts) = (Vec::new(), Vec::new(), Vec::new());
    walk(&json, &mut strings, &mut arrays, &mut counts);

    // How many persons have each value, over every text column of the analysis file.
    let mut holders: BTreeMap<&str, u64> = BTreeMap::new();
    for v in &demo.analysis.variables {
        if let RawColumn::Text(t) = &v.values {
            for r in 0..t.codes.len() {
                if let Some(s) = t.get(r) {
                    *holders.entry(s).or_default() += 1;
                }
            }
        }
    }
    // The fixed words: bands, periods and outcome codes (not taken from the data).
    let fixed: Vec<String> = Dimension::ALL
        .iter()
        .flat_map(|&d| national::categories::fixed_keys(d, f.content.peildatum, f.content.period).unwrap_or_default())
        .collect();
    for s in &strings {
        if in_registrations.contains_key(s) && !fixed.contains(s) {
            let n = holders.get(s.as_str()).copied().unwrap_or(0);
            assert!(n >= T, "{s:?} is in a registration and held by {n} persons");
        }
    }
    for (n, mark) in &counts {
        assert!(*n >= T, "a shown count {n} ({mark}) below the threshold");
    }
    assert!(!counts.is_empty());
    assert!(!arrays.contains(&persons), "an array as long as the persons");
}

#[test]
fn a_steunpunt_with_its_own_registration_learns_no_small_count_about_others() {
    let demo = common::demo();
    let f = figures(&demo, &Options::default());
    let own = registrations(&demo);
    assert_eq!(own.len(), 20);
    for (steunpunt, files) in &own {
        let found = attack(&f, files);
        assert!(found.is_empty(), "{steunpunt} learns: {found:?}");
    }
}

/// The same attack on a file built without the differencing rule succeeds: the test can fail.
#[test]
fn without_the_differencing_rule_a_steunpunt_would_learn_a_small_count() {
    let demo = common::demo();
    let unprotected = figures(
        &demo,
        &Options {
            differencing: false,
            ..Options::default()
        },
    );
    let own = registrations(&demo);
    let learnt: Vec<(String, Vec<String>)> = own
        .iter()
        .map(|(s, files)| (s.clone(), attack(&unprotected, files)))
        .filter(|(_, found)| !found.is_empty())
        .collect();
    assert!(!learnt.is_empty(), "the demo has a count the rule must hide");
    eprintln!("{learnt:?}");
}

#[test]
fn the_checksum_refuses_an_altered_file_and_another_format() {
    let demo = common::demo();
    let f = figures(&demo, &Options::default());
    let text = f.to_json();
    let back = NationalFigures::read(&text).unwrap();
    assert_eq!(back, f, "a file reads back as it was written");
    assert_eq!(back.fingerprint().len(), 19);

    // One count changed.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let n = &mut v["content"]["dimensions"][0]["categories"][0]["count"]["n"];
    *n = serde_json::json!(n.as_u64().unwrap() + 1);
    let e = NationalFigures::read(&v.to_string()).unwrap_err();
    assert!(matches!(e, NationalError::Altered { .. }), "{e:?}");
    assert!(
        e.to_string()
            .starts_with("Het landelijk beeld is gewijzigd nadat het gemaakt werd"),
        "{e}"
    );
    // A field added is an alteration too.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["content"]["extra"] = serde_json::json!("x");
    assert!(matches!(
        NationalFigures::read(&v.to_string()),
        Err(NationalError::Altered { .. })
    ));
    // The same content in another layout is the same file.
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(NationalFigures::read(&v.to_string()).unwrap(), f);

    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["format"] = serde_json::json!("perspectief-recept/1");
    let e = NationalFigures::read(&v.to_string()).unwrap_err();
    assert_eq!(
        e,
        NationalError::OtherFormat {
            found: "perspectief-recept/1".into()
        }
    );
    assert!(matches!(
        NationalFigures::read("{ niet"),
        Err(NationalError::NotJson { line: 1, .. })
    ));
}

#[test]
fn a_steunpunt_sees_its_own_figures_beside_the_national_ones() {
    let demo = common::demo();
    let f = figures(&demo, &Options::default());
    let own = registrations(&demo);
    let tilburg = &own["Tilburg"];
    let c = compare(&f, tilburg).unwrap();
    assert_eq!(c.steunpunten, ["Tilburg"]);
    assert_eq!(c.fingerprint, f.fingerprint());
    let persons = assign(&f, tilburg).unwrap().persons as u64;
    for d in &c.dimensions {
        assert_eq!(
            d.rows.len(),
            f.content
                .dimensions
                .iter()
                .find(|x| x.dimension == d.dimension)
                .unwrap()
                .categories
                .len()
        );
        assert_eq!(d.unmatched, None, "{:?}: every own value has a category", d.dimension);
        let shown: u64 = d.rows.iter().filter_map(|r| r.local.n).sum();
        assert!(shown <= persons);
        for r in &d.rows {
            if let Some(n) = r.local.n {
                assert!(n == 0 || n >= T, "{:?} {}: {n}", d.dimension, r.label);
            }
        }
    }
    let tree = c.tree.as_ref().unwrap();
    let most = &tree.rows[tree.most.unwrap()];
    assert!(most.national_class_percent.is_some() || most.national.n.is_none());
    // No row per person in what it says.
    let json = serde_json::to_value(&c).unwrap();
    fn longest(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Array(a) => a.iter().map(longest).max().unwrap_or(0).max(a.len()),
            serde_json::Value::Object(m) => m.values().map(longest).max().unwrap_or(0),
            _ => 0,
        }
    }
    assert!(longest(&json) < persons as usize);
    let nl = national::text::render(&c, Locale::Nl);
    let en = national::text::render(&c, Locale::En);
    assert!(
        nl.contains("Landelijk beeld naast de eigen cijfers") && nl.contains(&c.fingerprint),
        "{nl}"
    );
    assert!(
        en.contains("National figures beside the own figures") && en.contains("Age at intake"),
        "{en}"
    );
    eprintln!("{nl}");
}

#[test]
fn errors_in_both_languages() {
    let says = |e: NationalError, nl: &str, en: &str| {
        assert_eq!(e.text(Locale::Nl), nl);
        assert_eq!(e.text(Locale::En), en);
        assert_eq!(e.to_string(), nl);
    };
    says(
        NationalError::Altered {
            stored: "0123456789abcdef00".into(),
            computed: "fedcba987654321000".into(),
        },
        "Het landelijk beeld is gewijzigd nadat het gemaakt werd: de controlesom klopt niet (in het bestand 0123 4567 89ab cdef, berekend fedc ba98 7654 3210). Gebruik het niet en vraag de onderzoeker om het bestand opnieuw.",
        "The national figures were altered after they were made: the checksum does not match (in the file 0123 4567 89ab cdef, computed fedc ba98 7654 3210). Do not use them; ask the researcher for the file again.",
    );
    says(
        NationalError::OtherFormat {
            found: "perspectief-landelijk-beeld/0".into(),
        },
        "Dit landelijk beeld heeft vorm 'perspectief-landelijk-beeld/0'; deze versie leest 'perspectief-landelijk-beeld/1'. Vraag de onderzoeker om een landelijk beeld in deze vorm.",
        "These national figures have form 'perspectief-landelijk-beeld/0'; this version reads 'perspectief-landelijk-beeld/1'. Ask the researcher for national figures in this form.",
    );
    says(
        NationalError::MissingColumn {
            column: "steunpunt".into(),
        },
        "Het analysebestand heeft geen kolom 'steunpunt'. Maak het analysebestand opnieuw met deze versie van Perspectief.",
        "The analysis file has no column 'steunpunt'. Make the analysis file again with this version of Perspectief.",
    );
    says(
        NationalError::TooFewElsewhere {
            steunpunt: "Tilburg".into(),
            threshold: 5,
        },
        "Zonder Tilburg blijven minder dan 5 personen over: Tilburg zou hun aantal uit het landelijk beeld kunnen afleiden. Neem meer steunpunten op.",
        "Without Tilburg fewer than 5 persons remain: Tilburg could work out their number from the national figures. Include more steunpunten.",
    );
}

#[test]
fn the_builder_refuses_what_it_cannot_protect() {
    let demo = common::demo();
    let cols = demo.analysis.columns();
    let without: Vec<(&str, &RawColumn)> = cols.iter().copied().filter(|(n, _)| *n != "land_herkomst").collect();
    assert_eq!(
        national::build(&without, demo.analysis.peildatum, &Options::default()).unwrap_err(),
        NationalError::MissingColumn {
            column: "land_herkomst".into()
        }
    );
    let few: Vec<(String, RawColumn)> = cols
        .iter()
        .map(|(n, c)| (n.to_string(), c.select(&[0, 1, 2])))
        .collect();
    let few: Vec<(&str, &RawColumn)> = few.iter().map(|(n, c)| (n.as_str(), c)).collect();
    assert!(matches!(
        national::build(&few, demo.analysis.peildatum, &Options::default()),
        Err(NationalError::TooFewPersons { persons: 3, .. })
    ));
    assert!(matches!(
        national::build(
            &cols,
            demo.analysis.peildatum,
            &Options {
                threshold: 1,
                ..Options::default()
            }
        ),
        Err(NationalError::Threshold { threshold: 1 })
    ));
}

/// Made-up columns where `geslacht` predicts `mob`: 400 men (40 with mob = ja) and 200 women
/// (100), at steunpunten A and B. `concentrated`: A has 37 of the 40 men with mob = ja.
fn two_steunpunten(concentrated: bool) -> Vec<(String, RawColumn)> {
    let (in_a, in_b) = if concentrated { (37, 3) } else { (20, 20) };
    let mut seen_m = [0usize; 2];
    let mut seen_v = [0usize; 2];
    let mut rows: Vec<[String; 8]> = Vec::new();
    for i in 0..600 {
        let s = usize::from(i >= 300);
        let woman = i % 3 == 2;
        let ja = if woman {
            seen_v[s] += 1;
            seen_v[s] <= 50
        } else {
            seen_m[s] += 1;
            seen_m[s] <= [in_a, in_b][s]
        };
        rows.push([
            ["A", "B"][s].to_string(),
            if woman { "V" } else { "M" }.to_string(),
            if ja { "ja" } else { "nee" }.to_string(),
            if ja { "MOB" } else { "In begeleiding" }.to_string(),
            format!("{}", 18.5 + (i % 5) as f64),
            ["Angola", "Iran"][i % 2].to_string(),
            format!("{}", (i % 30) as f64),
            "2010-K1".to_string(),
        ]);
    }
    let names = [
        "steunpunt",
        "geslacht",
        "mob",
        "resultaat",
        "leeftijd_instroom",
        "land_herkomst",
        "duur_begeleiding_maanden",
        "kwartaal_instroom",
    ];
    names
        .iter()
        .enumerate()
        .map(|(j, n)| {
            let col = if [4, 6].contains(&j) {
                RawColumn::Number(rows.iter().map(|r| r[j].parse().ok()).collect())
            } else {
                RawColumn::text(rows.iter().map(|r| Some(r[j].as_str())))
            };
            (n.to_string(), col)
        })
        .collect()
}

#[test]
fn a_split_that_would_tell_a_steunpunt_about_the_others_is_pruned() {
    let peildatum = perspectief_core::date::Date::new(2011, 1, 1).unwrap();
    let build = |concentrated: bool, differencing: bool| {
        let cols = two_steunpunten(concentrated);
        let refs: Vec<(&str, &RawColumn)> = cols.iter().map(|(n, c)| (n.as_str(), c)).collect();
        let options = Options {
            differencing,
            ..Options::default()
        };
        national::build(&refs, peildatum, &options)
            .unwrap()
            .content
            .tree
            .unwrap()
    };
    let tree = build(false, true);
    assert_eq!(tree.nodes.len(), 3, "geslacht splits");
    let women = tree.nodes.iter().find(|n| n.branch == ["V"]).unwrap();
    assert_eq!(women.path[0].predictor, "geslacht");
    assert_eq!(women.n.n, Some(200));
    assert_eq!(women.percents[tree.class], Some(50.0));
    // A person walks by her categories; an unknown category stops at the root.
    let walk = tree.walk(|p| (p == "geslacht").then(|| "V".to_string()));
    assert_eq!((walk.node, walk.complete), (women.id, true));
    let walk = tree.walk(|_| Some("X".to_string()));
    assert_eq!((walk.node, walk.complete), (0, false));
    // A holds 37 of the 40 men with mob = ja: the split would tell A "3 elsewhere".
    assert_eq!(build(true, false).nodes.len(), 3);
    assert_eq!(build(true, true).nodes.len(), 1, "pruned to the root");
}
