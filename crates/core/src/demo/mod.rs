//! Synthetic demo data: what steunpunten and the ministry really send,
//! invented from a seed and shaped after the seed report's published figures.
//!
//! Every file says it is synthetic. The planted problems are listed in
//! [`DemoSet::planted`] so that tests (and curious users) can check that the
//! app finds them.

mod characteristics;
pub mod figures;
mod files;
mod names;
mod population;

use crate::date::Date;
use crate::rng::Rng;

pub use files::DemoFile;
pub use population::{experiment_start, peildatum, Planted, PlantedKind};

/// The seed of the demo the app loads with "Voorbeeldgegevens laden".
pub const DEFAULT_SEED: u64 = 2011;

/// The generated files and what was planted in them.
#[derive(Debug, Clone)]
pub struct DemoSet {
    pub files: Vec<DemoFile>,
    pub planted: Vec<Planted>,
    pub persons: usize,
    /// `LEESMIJ.txt`: what the files are and what was planted (Dutch).
    pub readme: String,
}

impl DemoSet {
    pub fn count(&self, what: PlantedKind) -> usize {
        self.planted.iter().filter(|p| p.what == what).count()
    }
}

/// Generate the demo. The same seed gives byte-identical files.
pub fn generate(seed: u64) -> DemoSet {
    let mut rng = Rng::new(seed);
    let pop = population::generate(&mut rng);
    // File dates are fixed, not the clock: the report's data were collected then.
    let created = Date {
        year: 2011,
        month: 1,
        day: 10,
    };
    let mut planted = pop.planted.clone();
    let mut files = files::registrations(&pop, created, &mut planted);
    files.push(files::national(&pop, created));
    files.push(characteristics::workbook(&mut rng, created));
    let readme = readme(&planted);
    DemoSet {
        files,
        planted,
        persons: pop.persons.len(),
        readme,
    }
}

fn readme(planted: &[Planted]) -> String {
    let mut text = String::from(
        "LEES MIJ - voorbeeldgegevens Perspectief\r\n\
         \r\n\
         Alle bestanden in deze map zijn SYNTHETISCH: verzonnen door Perspectief.\r\n\
         Geen enkele naam, V-nummer of datum hoort bij een echt persoon.\r\n\
         De aantallen volgen de gepubliceerde tabellen van het evaluatierapport.\r\n\
         \r\n\
         - 20 registraties van steunpunten (xlsx, csv en txt, elk steunpunt op zijn eigen manier)\r\n\
         - DMB_extract_Perspectief.xlsx: het landelijke extract (DMB/IND)\r\n\
         - kenmerken_steunpunten.xlsx: kenmerken per steunpunt, met het tabblad 'sets'\r\n\
         \r\n\
         Bewust ingebouwde problemen (om te zien dat de app ze vindt):\r\n",
    );
    let mut seen = std::collections::HashSet::new();
    for kind in planted.iter().map(|p| p.what).filter(|k| seen.insert(*k)) {
        let n = planted.iter().filter(|p| p.what == kind).count();
        text.push_str(&format!("- {}: {n}\r\n", population::planted_label(kind)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::FileKind;
    use std::collections::HashMap;

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = generate(DEFAULT_SEED);
        let b = generate(DEFAULT_SEED);
        let c = generate(DEFAULT_SEED + 1);
        for (x, y) in a.files.iter().zip(&b.files) {
            assert_eq!(x.bytes, y.bytes, "{}", x.name);
        }
        assert_ne!(a.files[1].bytes, c.files[1].bytes);
    }

    #[test]
    fn twenty_registrations_a_national_extract_and_characteristics() {
        let demo = generate(DEFAULT_SEED);
        let kinds = |k| demo.files.iter().filter(|f| f.kind == k).count();
        assert_eq!(kinds(FileKind::Registration), 20);
        assert_eq!(kinds(FileKind::National), 1);
        assert_eq!(kinds(FileKind::Characteristics), 1);
        let ext = |e: &str| demo.files.iter().filter(|f| f.name.ends_with(e)).count();
        assert_eq!(ext(".xlsx"), 13);
        assert_eq!(ext(".csv") + ext(".txt"), 9);
        assert_eq!(demo.persons, 733);
        let rows: usize = demo
            .files
            .iter()
            .filter(|f| f.kind == FileKind::Registration)
            .map(|f| f.rows)
            .sum();
        assert_eq!(rows, 735, "733 persons, one exact and one conflicting duplicate row");
        assert_eq!(
            demo.files.iter().find(|f| f.kind == FileKind::National).unwrap().rows,
            715
        );
    }

    #[test]
    fn every_file_says_it_is_synthetic() {
        use calamine::{Data, Reader};
        let demo = generate(DEFAULT_SEED);
        assert!(demo.readme.contains("SYNTHETISCH"));
        for f in &demo.files {
            let text = if f.name.ends_with(".xlsx") {
                let mut book = calamine::Xlsx::new(std::io::Cursor::new(f.bytes.clone())).unwrap();
                let mut all = String::new();
                for name in book.sheet_names() {
                    for row in book.worksheet_range(&name).unwrap().rows() {
                        for cell in row {
                            if let Data::String(s) = cell {
                                all.push_str(s);
                            }
                        }
                    }
                }
                all
            } else {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&f.bytes);
                text.into_owned()
            };
            assert!(text.contains("Synthetische voorbeeldgegevens"), "{}", f.name);
        }
    }

    #[test]
    fn planted_problems_follow_table_3_and_the_v_nummer_plan() {
        let demo = generate(DEFAULT_SEED);
        let n = |k| demo.count(k);
        assert_eq!(n(PlantedKind::SexDiffers), 13);
        assert_eq!(n(PlantedKind::BirthDateDiffers), 63);
        assert_eq!(n(PlantedKind::CountryDiffers), 36);
        assert_eq!(n(PlantedKind::MissingVNummer), 3);
        assert_eq!(n(PlantedKind::WrongFormat), 2);
        assert_eq!(n(PlantedKind::OtherRegistrationNumber), 1);
        assert_eq!(n(PlantedKind::NotInNationalExtract), 18);
        assert_eq!(n(PlantedKind::OnlyByFallback), 2);
        assert_eq!(n(PlantedKind::ExactDuplicate), 1);
        assert_eq!(n(PlantedKind::ConflictingDuplicate), 1);
        assert!(
            n(PlantedKind::LeadingZeroLost) > 10,
            "Amsterdam and Utrecht store V-nummers as numbers"
        );
        // 99 distinct deviating links.
        let mut deviating: HashMap<&str, usize> = HashMap::new();
        for p in demo.planted.iter().filter(|p| {
            matches!(
                p.what,
                PlantedKind::SexDiffers | PlantedKind::BirthDateDiffers | PlantedKind::CountryDiffers
            )
        }) {
            *deviating.entry(p.v_nummer.as_str()).or_default() += 1;
        }
        assert_eq!(deviating.len(), 99);
    }

    #[test]
    fn the_population_matches_the_published_tables() {
        let pop = population::generate(&mut Rng::new(DEFAULT_SEED));
        let count = |f: &dyn Fn(&population::Person) -> bool| pop.persons.iter().filter(|p| f(p)).count();
        assert_eq!(count(&|p| p.resultaat == "In begeleiding"), 473);
        assert_eq!(count(&|p| p.resultaat == "MOB"), 87);
        assert_eq!(count(&|p| p.resultaat == "Terugkeer"), 21);
        assert_eq!(count(&|p| p.resultaat == "Verblijfsvergunning"), 107);
        assert_eq!(count(&|p| p.resultaat == "Doormigratie"), 10);
        assert_eq!(count(&|p| p.resultaat == "Overig"), 35);
        assert_eq!(count(&|p| p.country == "Angola"), 154);
        assert_eq!(count(&|p| p.country == "Sierra Leone"), 128);
        for (i, s) in figures::STEUNPUNTEN.iter().enumerate() {
            assert_eq!(count(&|p| p.steunpunt == i), s.persons, "{}", s.name);
        }
        // Only plausibility problems that are planted: none in the registrations.
        let peil = peildatum();
        for p in &pop.persons {
            let age = p.birth.years_until(p.instroom);
            assert!((18..=35).contains(&age), "age at intake {age}");
            assert!(p.instroom <= peil);
            assert_eq!(p.uitstroom.is_some(), p.resultaat != "In begeleiding");
            if let Some(u) = p.uitstroom {
                assert!(u >= p.instroom && u <= peil);
            }
        }
        // Recompute Table 3 from the two sides, independent of the planted list.
        let local: HashMap<&str, &population::Person> = pop
            .persons
            .iter()
            .filter(|p| !p.v_nummer.is_empty())
            .map(|p| (p.v_nummer.as_str(), p))
            .collect();
        let linked: Vec<_> = pop
            .national
            .iter()
            .filter_map(|r| local.get(r.v_nummer.as_str()).map(|p| (*p, r)))
            .collect();
        assert_eq!(linked.len(), 713, "715 national rows, 2 only by fallback");
        let sex = linked.iter().filter(|(p, r)| p.sex != r.sex).count();
        let birth = linked.iter().filter(|(p, r)| p.birth != r.birth).count();
        let country = linked.iter().filter(|(p, r)| p.country != r.nationaliteit).count();
        assert_eq!((sex, birth, country), (13, 63, 36));
    }
}
