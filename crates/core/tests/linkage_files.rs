//! Linkage without V-nummers: the demo's registrations and extract written as
//! linkage files with one secret link to the same persons as the plain files.

use perspectief_core::anonymise::linkage_file::{linkage_sheet, LinkageOptions};
use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::date::Date;
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use perspectief_core::link::linkage::{link, LinkOptions, Linkage};
use perspectief_core::link::pseudonym::{Keys, Secret};
use perspectief_core::write::csv::{write, CsvStyle};

mod common;

fn demo() -> Vec<LoadedFile> {
    common::demo_files()
        .into_iter()
        .filter(|f| f.kind != FileKind::Characteristics)
        .collect()
}

fn linkage_files(files: &[LoadedFile], keys: &Keys) -> Vec<(String, Vec<u8>)> {
    let made = Date::new(2026, 11, 29).unwrap();
    files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let options = LinkageOptions {
                seed: 17 + i as u64,
                ..LinkageOptions::default()
            };
            let bytes = write(&linkage_sheet(f, keys, made, &options), CsvStyle::default());
            (format!("koppelbestand-{}.csv", f.name), bytes)
        })
        .collect()
}

/// A record as the linkage files know it: its V-nummer's pseudonym, else its name's encoding.
fn identity(keys: &Keys, r: &perspectief_core::ingest::records::Record, pseudonymous: bool) -> String {
    let v = r
        .v_nummer
        .as_ref()
        .map(|v| v.text.trim().to_string())
        .unwrap_or_default();
    if pseudonymous {
        return if v.is_empty() { r.name().unwrap_or_default() } else { v };
    }
    match perspectief_core::check::vnummer::classify(r.v_nummer.as_ref()).usable() {
        Some(v) => keys.v_nummer(v),
        None => r
            .name()
            .map(|n| {
                let year = r
                    .date(perspectief_core::ingest::fields::Field::Geboortedatum)
                    .map(|d| d.year);
                keys.name_hardened(&n, year).to_text()
            })
            .unwrap_or_default(),
    }
}

fn linked(files: &[LoadedFile]) -> Linkage {
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    link(&refs, &checked, &LinkOptions::default()).unwrap()
}

#[test]
fn linkage_files_link_the_same_persons_without_v_nummers() {
    let plain = demo();
    let keys = Keys::new(&Secret::from_text("een geheim van het project 2026").unwrap());
    let written = linkage_files(&plain, &keys);
    // No V-nummer and no name of the plain files appears in any linkage file.
    let mut secrets: std::collections::HashSet<String> = Default::default();
    for f in &plain {
        for r in &f.records {
            if let Some(v) = perspectief_core::check::vnummer::classify(r.v_nummer.as_ref()).usable() {
                secrets.insert(v.to_string());
            }
            if let Some(n) = r.name() {
                secrets.extend(n.split_whitespace().filter(|w| w.len() > 3).map(String::from));
            }
        }
    }
    assert!(secrets.len() > 1000);
    for (name, bytes) in &written {
        let text = String::from_utf8_lossy(bytes);
        for token in text.split(|c: char| c == ';' || c.is_whitespace() || c == '"') {
            assert!(!secrets.contains(token), "{name} contains {token}");
        }
    }
    let loaded: Vec<LoadedFile> = written
        .iter()
        .map(|(name, bytes)| load(name, bytes, None, &known_with(&[])).unwrap())
        .collect();
    let kinds = |fs: &[LoadedFile]| fs.iter().map(|f| f.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&loaded), kinds(&plain));
    let (a, b) = (linked(&plain), linked(&loaded));
    // Table 3 through the linkage files equals Table 3 of the plain files, every count: the keyed
    // date tests decide the one-year and plausibility rules as the dates do.
    assert_eq!(b.table3, a.table3);
    assert_eq!(a.table3.birth, (63, 13));
    use perspectief_core::link::verify::BirthCheck;
    let outcomes = |l: &Linkage| {
        let mut o: Vec<BirthCheck> = l.links.iter().map(|x| x.verification.birth).collect();
        o.sort_by_key(|b| format!("{b:?}"));
        o
    };
    assert_eq!(outcomes(&b), outcomes(&a));
    assert!(b.links.iter().any(|l| l.verification.birth == BirthCheck::Incompatible));
    // The same pairs: each person to the same national person (rows are shuffled: by identity).
    let national = |fs: &[LoadedFile]| fs.iter().position(|f| f.kind == FileKind::National).unwrap();
    let pairs = |fs: &[LoadedFile], found: &[(usize, usize)], pseudonymous: bool| {
        let refs: Vec<&LoadedFile> = fs.iter().collect();
        let persons = check(&refs, &CheckOptions::default()).persons;
        let n = national(fs);
        let mut p: Vec<(String, String)> = found
            .iter()
            .map(|&(person, row)| {
                let at = &persons[person];
                (
                    identity(&keys, &fs[at.file].records[at.index], pseudonymous),
                    identity(&keys, &fs[n].records[row], pseudonymous),
                )
            })
            .collect();
        p.sort();
        p
    };
    let links = |l: &Linkage| l.links.iter().map(|x| (x.person, x.national)).collect::<Vec<_>>();
    assert_eq!(pairs(&loaded, &links(&b), true), pairs(&plain, &links(&a), false));
    // The fallback on the keyed name and birth-date encodings proposes the same pairs.
    let proposals = |l: &Linkage| l.proposals.iter().map(|x| (x.person, x.national)).collect::<Vec<_>>();
    assert_eq!(
        pairs(&loaded, &proposals(&b), true),
        pairs(&plain, &proposals(&a), false)
    );
    assert_eq!(b.proposals.len(), 2);
}

#[test]
fn another_secret_links_nothing() {
    let plain = demo();
    let mut written = linkage_files(
        &plain,
        &Keys::new(&Secret::from_text("een geheim van het project 2026").unwrap()),
    );
    let other = linkage_files(
        &plain,
        &Keys::new(&Secret::from_text("een ander geheim van de minister").unwrap()),
    );
    // The national extract made with another secret.
    let at = plain.iter().position(|f| f.kind == FileKind::National).unwrap();
    written[at] = other[at].clone();
    let loaded: Vec<LoadedFile> = written
        .iter()
        .map(|(name, bytes)| load(name, bytes, None, &known_with(&[])).unwrap())
        .collect();
    let l = linked(&loaded);
    assert_eq!(l.table3.linked_by_v_nummer, 0);
    assert_eq!(l.table3.proposals_open, 0);
}

/// An attack on the keyed date tests by someone holding the linkage files without the secret:
/// no tag is shared by rows of two V-nummers (no frequency, no order, no link between records:
/// rows of one V-nummer, a duplicate registration or the two sides of a link, already show they
/// belong together by the V-nummer's pseudonym), and every cell has its fixed length.
#[test]
fn the_date_tests_give_nothing_across_records() {
    let plain = demo();
    let keys = Keys::new(&Secret::from_text("een geheim van het project 2026").unwrap());
    let written = linkage_files(&plain, &keys);
    let mut owner: std::collections::HashMap<String, String> = Default::default();
    let mut cells = 0;
    for (_, bytes) in &written {
        let text = String::from_utf8_lossy(bytes);
        let mut lines = text.lines().skip_while(|l| !l.contains("pseudoniem_v_nummer"));
        let header: Vec<&str> = lines.next().unwrap().split(';').collect();
        let tests: Vec<usize> = (0..header.len())
            .filter(|&i| header[i].starts_with("datumtoets_"))
            .collect();
        assert_eq!(tests.len(), 3, "{header:?}");
        let v = header.iter().position(|h| *h == "pseudoniem_v_nummer").unwrap();
        for line in lines {
            let values: Vec<&str> = line.split(';').collect();
            let record = values[v].trim_matches('"').to_string();
            for &i in &tests {
                let cell = values[i].trim_matches('"');
                if cell.is_empty() {
                    continue;
                }
                cells += 1;
                assert!(
                    cell.len() == 17 * 16 || cell.len() == 32 * 16,
                    "{}: {}",
                    header[i],
                    cell.len()
                );
                for t in 0..cell.len() / 16 {
                    let tag = &cell[t * 16..t * 16 + 16];
                    if let Some(other) = owner.get(tag) {
                        assert_eq!(other, &record, "tag {tag} shared by two V-nummers");
                    }
                    owner.insert(tag.to_string(), record.clone());
                }
            }
        }
    }
    assert!(cells > 2000, "{cells}");
}
