use super::*;
use crate::analysis::run::TableRequest;
use crate::check::registration::ConflictRule;

fn clock() -> f64 {
    0.0
}

fn quiet() -> impl FnMut(usize, usize, &str) {
    |_, _, _| {}
}

fn demo() -> Session<Vec<u8>> {
    let mut s = Session::new(clock);
    s.edit(Edit::LoadDemo, &mut || None, &mut quiet()).unwrap();
    s
}

fn frequencies(variable: &str) -> Analysis {
    Analysis::Table {
        table: TableRequest::Frequencies {
            variable: variable.into(),
        },
        threshold: 5,
    }
}

#[test]
fn the_demo_gives_the_reports_analysis_file() {
    let mut s = demo();
    assert!(s.demo());
    assert_eq!(s.files().len(), 22);
    assert!(s.files().iter().all(SessionFile::is_read));
    let a = s.analysis_file(&mut quiet()).unwrap();
    assert_eq!(a.persons, 733);
}

#[test]
fn only_the_edits_that_change_results_drop_them() {
    let mut s = demo();
    s.computed(&mut quiet());
    let level = Edit::SetLevel {
        variable: "leeftijd_instroom".into(),
        level: Level::Ordinal,
    };
    for keeps in [
        level,
        Edit::Run {
            analysis: frequencies("geslacht"),
        },
    ] {
        assert!(keeps.keeps_results());
        s.edit(keeps, &mut || None, &mut quiet()).unwrap();
        assert!(s.computed.is_some());
    }
    let a = s.analysis_file(&mut quiet()).unwrap();
    let v = a.variables.iter().find(|v| v.name == "leeftijd_instroom").unwrap();
    assert_eq!(v.level, Level::Ordinal, "the level changed in place");
    s.edit(
        Edit::SetConflictRule {
            rule: ConflictRule::KeepAll,
        },
        &mut || None,
        &mut quiet(),
    )
    .unwrap();
    assert!(s.computed.is_none());
}

#[test]
fn an_edit_of_a_file_that_is_not_there_is_an_error_that_names_it() {
    let mut s = demo();
    let e = s
        .edit(
            Edit::SetKind {
                file: 40,
                kind: FileKind::National,
            },
            &mut || None,
            &mut quiet(),
        )
        .unwrap_err();
    assert_eq!(e, SessionError::UnknownFile(40));
    assert!(e.to_string().starts_with("Bestand nummer 41 is niet (meer) geladen"));
    let e = s
        .edit(
            Edit::Load {
                names: vec!["x.csv".into()],
            },
            &mut || None,
            &mut quiet(),
        )
        .unwrap_err();
    assert!(e.to_string().starts_with("x.csv kwam zonder inhoud aan"));
}

#[test]
fn a_recept_made_and_applied_gives_the_same_results() {
    let mut s = demo();
    s.edit(
        Edit::SetPeildatum {
            peildatum: Date::new(2016, 6, 30),
        },
        &mut || None,
        &mut quiet(),
    )
    .unwrap();
    s.edit(
        Edit::Run {
            analysis: frequencies("geslacht"),
        },
        &mut || None,
        &mut quiet(),
    )
    .unwrap();
    let recept = s.recept().to_json();

    // A second session with the same files, loaded as a user drops them.
    let mut t: Session<Vec<u8>> = Session::new(clock);
    let files = crate::demo::generate(crate::demo::DEFAULT_SEED).files;
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let mut bytes_of = files.into_iter().map(|f| f.bytes);
    t.edit(Edit::Load { names }, &mut || bytes_of.next(), &mut quiet())
        .unwrap();
    assert!(!t.demo());
    t.edit(Edit::LoadRecept { text: recept }, &mut || None, &mut quiet())
        .unwrap();
    assert!(t.notices().is_empty(), "{:?}", t.notices());
    assert_eq!(t.analyses(), s.analyses());
    let [a, b] = [&mut s, &mut t].map(|x| match x.run(&frequencies("geslacht"), &mut quiet()).unwrap() {
        Outcome::Table(view) => crate::write::csv::write(&view.sheet().0, Default::default()),
        other => panic!("{other:?}"),
    });
    assert_eq!(a, b);
    assert_eq!(
        s.analysis_file(&mut quiet()).unwrap().peildatum,
        t.analysis_file(&mut quiet()).unwrap().peildatum
    );
}

#[test]
fn a_file_changed_after_the_recept_is_named() {
    let mut s = demo();
    let recept = s.recept();
    let mut t: Session<Vec<u8>> = Session::new(clock);
    t.add(recept.files[0].name.clone(), b"V-nummer;Naam\n1234567890;A\n".to_vec());
    t.apply(&recept);
    assert!(!t.notices().is_empty());
    assert!(
        t.notices().iter().any(|n| n.contains(&recept.files[0].name)),
        "{:?}",
        t.notices()
    );
    s.computed(&mut quiet());
}

#[test]
fn bulk_acceptance_is_one_decision_per_pair_each_undoable() {
    let mut s = demo();
    let open = |s: &mut Session<Vec<u8>>| match s.computed(&mut quiet()).linkage.as_ref() {
        Some(Ok(l)) => l.table3.proposals_open,
        _ => panic!("linked"),
    };
    assert_eq!(open(&mut s), 2);
    s.edit(
        Edit::AcceptAbove {
            score: 0.5,
            reason: String::new(),
        },
        &mut || None,
        &mut quiet(),
    )
    .unwrap();
    let decisions = &s.link_options().overrules;
    assert_eq!(decisions.len(), 2, "{decisions:?}");
    assert!(decisions.iter().all(
        |o| matches!(o, Overrule::AcceptProposal { reason, .. } if reason == "automatisch geaccepteerd: score ≥ 0,50")
    ));
    assert_eq!(open(&mut s), 0);
    assert_eq!(
        s.recept().accept_above,
        None,
        "the recept holds the decisions, not a rule"
    );
    s.edit(Edit::UndoOverrule { index: 0 }, &mut || None, &mut quiet())
        .unwrap();
    assert_eq!(open(&mut s), 1);
    // A typed reason goes with every pair; nothing above the score, nothing decided.
    s.edit(
        Edit::AcceptAbove {
            score: 0.5,
            reason: "gecontroleerd".into(),
        },
        &mut || None,
        &mut quiet(),
    )
    .unwrap();
    assert!(
        matches!(s.link_options().overrules.last(), Some(Overrule::AcceptProposal { reason, .. }) if reason == "gecontroleerd")
    );
    s.edit(
        Edit::AcceptAbove {
            score: 2.0,
            reason: String::new(),
        },
        &mut || None,
        &mut quiet(),
    )
    .unwrap();
    assert_eq!(s.link_options().overrules.len(), 2);
}
