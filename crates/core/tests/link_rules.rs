//! Linkage rules on small synthetic files: one-to-one, the fallback's true
//! matches and look-alikes, and the report's rules at their boundaries.

use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use perspectief_core::link::linkage::{link, LinkOptions, LinkedBy};

fn file(name: &str, kind: FileKind, text: &str) -> LoadedFile {
    load(name, text.as_bytes(), Some(kind), &known_with(&[])).unwrap()
}

const LOCAL: &str = "V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom\n";
const NATIONAL: &str = "V-nummer;Naam;Geslacht;Geboortedatum;Nationaliteit;Datum eerste registratie\n";

#[test]
fn fallback_finds_true_matches_and_not_look_alikes() {
    let local = file(
        "zwolle.csv",
        FileKind::Registration,
        &format!(
            "{LOCAL};Moussa Traoré;M;12-03-1990;Mali;01-10-2009\n;Fatmata Sesay;V;05-07-1991;Sierra Leone;01-11-2009\n;Ibrahim Kamara;M;01-02-1990;Guinee;01-10-2009\n"
        ),
    );
    let national = file(
        "dmb.csv",
        FileKind::National,
        &format!(
            // Word order, case and diacritics differ; day and month swapped for Fatmata;
            // a look-alike of Ibrahim with another birth date and sex.
            "{NATIONAL}0123456789;TRAORE MOUSSA;M;12-03-1990;Mali;01-01-2006\n0223456789;SESAY FATMATA;V;07-05-1991;Sierra Leone;01-01-2007\n0323456789;KAMARA IBRAHIM;V;01-02-1988;Guinee;01-01-2005\n"
        ),
    );
    let refs = [&local, &national];
    let checked = check(&refs, &CheckOptions::default());
    let l = link(&refs, &checked, &LinkOptions::default()).unwrap();
    assert!(l.links.is_empty(), "a proposal is never a link by itself");
    let mut proposed: Vec<u32> = l.proposals.iter().map(|p| checked.persons[p.person].at.row).collect();
    proposed.sort();
    assert_eq!(proposed, [2, 3], "Moussa and Fatmata, not the look-alike of Ibrahim");
    let accepted = link(
        &refs,
        &checked,
        &LinkOptions {
            accept_above: Some(0.85),
            ..LinkOptions::default()
        },
    )
    .unwrap();
    assert_eq!(accepted.links.len(), 2);
    assert!(accepted.links.iter().all(|x| x.by == LinkedBy::Fallback));
    assert_eq!(accepted.table3.national_without_person, 1);
}

#[test]
fn a_national_row_links_to_one_person_only() {
    let local = file(
        "zwolle.csv",
        FileKind::Registration,
        &format!("{LOCAL}0123456789;Ali A;M;01-01-1990;Somalië;01-10-2009\n;Ali A;M;01-01-1990;Somalië;01-10-2009\n"),
    );
    let national = file(
        "dmb.csv",
        FileKind::National,
        &format!("{NATIONAL}0123456789;ALI A;M;01-01-1990;Somalië;01-01-2006\n"),
    );
    let refs = [&local, &national];
    let checked = check(&refs, &CheckOptions::default());
    let l = link(
        &refs,
        &checked,
        &LinkOptions {
            accept_above: Some(0.5),
            ..LinkOptions::default()
        },
    )
    .unwrap();
    assert_eq!(l.links.len(), 1);
    assert_eq!(l.links[0].by, LinkedBy::VNummer);
    assert!(l.proposals.is_empty(), "the national row is taken");
    assert_eq!(l.table3.not_found, 1);
}

#[test]
fn without_a_national_file_the_message_says_what_to_do() {
    let local = file(
        "zwolle.csv",
        FileKind::Registration,
        &format!("{LOCAL}0123456789;Ali A;M;01-01-1990;Somalië;01-10-2009\n"),
    );
    let checked = check(&[&local], &CheckOptions::default());
    let e = link(&[&local], &checked, &LinkOptions::default()).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("Er is geen landelijk extract (DMB/IND) geladen."));
}
