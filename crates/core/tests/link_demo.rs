//! The demo's planted linkage problems come out in Table 3 as planted.

use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::load::LoadedFile;
use perspectief_core::link::linkage::{link, LinkOptions, LinkedBy, Overrule};

mod common;
use common::demo_files;

#[test]
fn table_3_as_planted() {
    let files = demo_files();
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    let l = link(&refs, &checked, &LinkOptions::default()).unwrap();
    let t = &l.table3;
    assert_eq!(t.sex, (13, 13), "sex: deviating, incompatible");
    assert_eq!(t.country, (36, 4));
    assert_eq!(t.birth, (63, 13));
    assert_eq!(t.total, (99, 23));
    assert_eq!(t.linked_by_v_nummer, 713);
    assert_eq!(
        t.proposals_open, 2,
        "the two persons without V-nummer who are in the extract"
    );
    assert_eq!(t.not_found, 18);
    assert_eq!(t.national_without_person, 2);
    assert_eq!(t.with_national_data, 690);

    // Accepting the proposals in bulk above a threshold: the report's 715 links and 692 with national data.
    let accepted = link(
        &refs,
        &checked,
        &LinkOptions {
            accept_above: Some(0.9),
            ..LinkOptions::default()
        },
    )
    .unwrap();
    assert_eq!(accepted.table3.linked_by_fallback, 2);
    assert_eq!(accepted.table3.with_national_data, 692);
    assert_eq!(accepted.table3.national_without_person, 0);
    assert!(accepted
        .links
        .iter()
        .filter(|x| x.by == LinkedBy::Fallback)
        .all(|x| !x.verification.deviates()));

    // Overrules: reject one proposal, mark one incompatible link compatible.
    let p = &l.proposals[0];
    let national = refs
        .iter()
        .find(|f| f.kind == perspectief_core::kind::FileKind::National)
        .unwrap();
    let incompatible = l.links.iter().find(|x| !x.compatible()).unwrap();
    let overrules = vec![
        Overrule::RejectProposal {
            person: checked.persons[p.person].at.clone(),
            national_row: national.records[p.national].provenance.row,
            reason: "andere persoon".into(),
        },
        Overrule::Compatibility {
            person: checked.persons[incompatible.person].at.clone(),
            compatible: true,
            reason: "dossier gecontroleerd".into(),
        },
    ];
    let o = link(
        &refs,
        &checked,
        &LinkOptions {
            overrules,
            ..LinkOptions::default()
        },
    )
    .unwrap();
    assert_eq!(o.table3.proposals_open, 1);
    assert_eq!(o.table3.total.1, 22);
    assert_eq!(o.links.iter().filter(|x| x.overruled.is_some()).count(), 1);
}

#[test]
fn the_analysis_file_of_the_demo() {
    use perspectief_core::analysis::build;
    use perspectief_core::chaid::RawColumn;
    let files = demo_files();
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    let l = link(
        &refs,
        &checked,
        &LinkOptions {
            accept_above: Some(0.9),
            ..LinkOptions::default()
        },
    )
    .unwrap();
    let a = build(&refs, &checked, &l, None);
    assert_eq!(a.persons, 733);
    assert_eq!(a.with_national_data, 692);
    let var = |name: &str| {
        a.variables
            .iter()
            .find(|v| v.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    // Ages at intake use the verified birth date: all adults, none older than 36.
    let RawColumn::Number(ages) = &var("leeftijd_instroom").values else {
        panic!()
    };
    assert!(
        ages.iter().flatten().all(|a| (18.0..36.0).contains(a)),
        "{:?}",
        ages.iter().flatten().fold(f64::MAX, |m, x| m.min(*x))
    );
    // National fields only for compatible links.
    let RawColumn::Number(asylum) = &var("aantal_asielaanvragen").values else {
        panic!()
    };
    assert_eq!(asylum.iter().filter(|x| x.is_some()).count(), 692);
    // Outcome dummies follow Table 19.
    let RawColumn::Text(mob) = &var("mob").values else {
        panic!()
    };
    assert_eq!((0..733).filter(|&i| mob.get(i) == Some("ja")).count(), 87);
    // Characteristics attached per steunpunt, with their sets.
    let sets = a.sets();
    let count = |set: &str, subset: &str| {
        sets.iter()
            .find(|s| s.set == set && s.subset == subset)
            .map_or(0, |s| s.variables)
    };
    assert_eq!(count("Organisatievorm", "Organisatie algemeen"), 9);
    assert_eq!(count("Werkwijze", "Huiskamer"), 6);
    assert!(count("Kenmerken ex-AMV's", "Demografie") >= 8);
    let sheet = a.sheet(3);
    assert_eq!(sheet.rows.len(), 733);
    // The last column carries the peildatum, and reads back as it (`perspectief national-figures`).
    assert_eq!(sheet.header.last().map(String::as_str), Some("peildatum"));
    let csv = perspectief_core::write::csv::write(&sheet, Default::default());
    let back = perspectief_core::ingest::plain::columns("analysebestand.csv", &csv).unwrap();
    let refs: Vec<(&str, &RawColumn)> = back.iter().map(|(n, c)| (n.as_str(), c)).collect();
    assert_eq!(
        perspectief_core::national::peildatum::resolve(&refs, None),
        Ok(a.peildatum)
    );
    assert!(
        !sheet
            .header
            .iter()
            .any(|h| ["v_nummer", "naam", "voornaam", "achternaam", "geboortedatum"].contains(&h.as_str())),
        "no direct identifiers"
    );
}
