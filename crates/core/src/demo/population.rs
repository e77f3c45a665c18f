//! The synthetic population: 733 invented ex-AMV's, their national records,
//! and the planted problems, before any file is written.

use crate::date::Date;
use crate::rng::Rng;

use super::figures::{self, table3, COUNTRIES, NEIGHBOURS, OTHER_OUTFLOW, STEUNPUNTEN};

/// Start of the experiment; the demo's peildatum (reference date).
pub fn experiment_start() -> Date {
    Date {
        year: 2009,
        month: 10,
        day: 1,
    }
}
pub fn peildatum() -> Date {
    Date {
        year: 2010,
        month: 12,
        day: 31,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    M,
    V,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YesNo {
    Ja,
    Nee,
    Onbekend,
}

/// What the steunpunt knows of a person.
#[derive(Debug, Clone)]
pub struct Person {
    pub steunpunt: usize,
    /// As the steunpunt registered it (may be planted wrong or empty).
    pub v_nummer: String,
    pub voornaam: String,
    pub achternaam: String,
    pub sex: Sex,
    pub birth: Date,
    pub country: &'static str,
    pub instroom: Date,
    pub uitstroom: Option<Date>,
    pub resultaat: &'static str,
    pub contacten: Option<u32>,
    pub arts: YesNo,
    pub psychiatrie: YesNo,
    pub kinderen: u32,
    pub traject: Option<&'static str>,
    pub beeindigd_door: Option<&'static str>,
    pub vastlopend: bool,
    /// Hours of counselling (written with a decimal comma by some steunpunten).
    pub uren: f64,
}

/// What the national extract holds for a V-nummer.
#[derive(Debug, Clone)]
pub struct NationalRecord {
    pub v_nummer: String,
    pub naam: String,
    pub sex: Sex,
    pub birth: Date,
    pub nationaliteit: String,
    pub eerste_registratie: Date,
    pub asielaanvragen: u32,
    pub eerste_asielaanvraag: Date,
    pub beslissing_eerste_aanvraag: Date,
    pub beroep_ar: u32,
    pub beroep_ac: u32,
    pub beroep_vk: u32,
    pub reguliere_aanvragen: u32,
    pub buiten_schuld: bool,
    pub buiten_schuld_gegrond: bool,
    pub vbm: u32,
    pub vbm_dagen: u32,
    pub eerste_vbm: Option<Date>,
    pub verblijfstitel: &'static str,
    pub in_procedure: &'static str,
}

/// A problem put into the demo on purpose, so that tests and users can see it found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Planted {
    pub what: PlantedKind,
    pub steunpunt: String,
    pub v_nummer: String,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlantedKind {
    MissingVNummer,
    WrongFormat,
    OtherRegistrationNumber,
    /// A V-nummer with a leading zero, stored as a number (9 digits in the file).
    LeadingZeroLost,
    ExactDuplicate,
    ConflictingDuplicate,
    NotInNationalExtract,
    OnlyByFallback,
    SexDiffers,
    BirthDateDiffers,
    CountryDiffers,
}

/// The Dutch description of a planted problem, as the demo's LEESMIJ lists it.
pub fn planted_label(kind: PlantedKind) -> &'static str {
    match kind {
        PlantedKind::MissingVNummer => "V-nummer ontbreekt",
        PlantedKind::WrongFormat => "V-nummer heeft niet 10 cijfers (te kort of met een letter)",
        PlantedKind::OtherRegistrationNumber => "ander registratienummer (CRV) in plaats van V-nummer",
        PlantedKind::LeadingZeroLost => "V-nummer als getal opgeslagen, voorloopnul kwijt (9 cijfers)",
        PlantedKind::ExactDuplicate => "dezelfde rij twee keer",
        PlantedKind::ConflictingDuplicate => "zelfde V-nummer bij twee steunpunten, met andere gegevens",
        PlantedKind::NotInNationalExtract => "niet gevonden in het landelijke extract",
        PlantedKind::OnlyByFallback => "alleen te koppelen op naam en geboortedatum",
        PlantedKind::SexDiffers => "geslacht verschilt tussen steunpunt en DMB",
        PlantedKind::BirthDateDiffers => "geboortedatum verschilt tussen steunpunt en DMB",
        PlantedKind::CountryDiffers => "land van herkomst verschilt van nationaliteit",
    }
}

pub struct Population {
    pub persons: Vec<Person>,
    /// National rows in extract order.
    pub national: Vec<NationalRecord>,
    pub planted: Vec<Planted>,
    /// Index of a person registered twice: (person, steunpunt of the second, earlier row).
    pub conflicting_duplicate: (usize, usize),
    /// Index of a person whose row appears twice, identically.
    pub exact_duplicate: usize,
}

fn years(n: f64) -> i64 {
    (n * 365.25).round() as i64
}

fn new_v_nummer(rng: &mut Rng, used: &mut std::collections::HashSet<String>) -> String {
    loop {
        // About a quarter start with 0: these lose the zero when stored as a number.
        // A quarter start with 0 (the zero a spreadsheet drops); never with 00.
        let first = if rng.chance(0.25) { 0 } else { rng.range(1, 3) };
        let v = format!("{first}{}", rng.range(100_000_000, 999_999_999));
        if used.insert(v.clone()) {
            return v;
        }
    }
}

fn person(rng: &mut Rng, steunpunt: usize, country: usize, resultaat: &'static str) -> (Person, Date) {
    let country = &COUNTRIES[country];
    let sex = if country.men_only || rng.chance(0.78) {
        Sex::M
    } else {
        Sex::V
    };
    let first_names = if sex == Sex::M {
        country.names.male
    } else {
        country.names.female
    };
    let start = experiment_start();
    // 32% came in before the experiment started (report Table 19 note).
    let instroom = if rng.chance(0.32) {
        start.add_days(-rng.range(1, 3 * 365))
    } else {
        start.add_days(rng.range(0, 395))
    };
    let age_at_intake = 18.2 + rng.unit() * 4.5 + if rng.chance(0.1) { rng.unit() * 6.0 } else { 0.0 };
    let birth = instroom.add_days(-years(age_at_intake));
    // Known in the Netherlands as a minor, between 13 and 17.8 years old.
    let arrival_age = 13.0 + rng.unit() * 4.8;
    let eerste_registratie = birth.add_days(years(arrival_age));
    let uitstroom = (resultaat != "In begeleiding").then(|| {
        let from = instroom.max(start).days();
        Date::from_days(rng.range(from + 20, peildatum().days() - 5).max(from))
    });
    let beeindigd_door = uitstroom.map(|_| match resultaat {
        "MOB" => *rng.pick(&["Client", "Client", "Onbekend"]),
        _ => *rng.pick(&["Steunpunt", "Wederzijds", "Wederzijds", "Client", "Gemeente"]),
    });
    let traject = (!rng.chance(19.0 / 733.0)).then(|| {
        *rng.pick(&[
            "Verblijfsvergunning",
            "Verblijfsvergunning",
            "Buitenschuld",
            "Terugkeer",
            "Tweesporen",
            "Tweesporen",
            "Doormigratie",
            "Anders",
        ])
    });
    let p = Person {
        steunpunt,
        v_nummer: String::new(),
        voornaam: rng.pick(first_names).to_string(),
        achternaam: rng.pick(country.names.family).to_string(),
        sex,
        birth,
        country: country.name,
        instroom,
        uitstroom,
        resultaat,
        contacten: Some(rng.range(2, 80) as u32),
        arts: *rng.pick(&[YesNo::Ja, YesNo::Nee, YesNo::Nee, YesNo::Nee, YesNo::Onbekend]),
        psychiatrie: *rng.pick(&[
            YesNo::Ja,
            YesNo::Nee,
            YesNo::Nee,
            YesNo::Nee,
            YesNo::Nee,
            YesNo::Onbekend,
        ]),
        kinderen: if rng.chance(0.12) { rng.range(1, 2) as u32 } else { 0 },
        traject,
        beeindigd_door,
        vastlopend: rng.chance(0.2),
        uren: (rng.range(4, 400) as f64) / 2.0,
    };
    (p, eerste_registratie)
}

fn national_for(rng: &mut Rng, p: &Person, v_nummer: &str, eerste_registratie: Date) -> NationalRecord {
    let eerste_asielaanvraag = eerste_registratie.add_days(rng.range(0, 30));
    let vbm = if rng.chance(0.3) { rng.range(1, 3) as u32 } else { 0 };
    let eerste_vbm = (vbm > 0).then(|| {
        let span = (p.instroom.days() - eerste_asielaanvraag.days()).max(60);
        eerste_asielaanvraag.add_days(rng.range(30, span + 200))
    });
    let verblijfstitel = if p.resultaat == "Verblijfsvergunning" {
        *rng.pick(&[
            "Regulier bepaalde tijd",
            "Asiel bepaalde tijd",
            "Regulier onbepaalde tijd",
        ])
    } else {
        "Geen"
    };
    let buiten_schuld = rng.chance(0.25);
    const IN_PROCEDURE: [&str; 4] = ["Nee", "Nee", "Ja, asiel", "Ja, regulier"];
    let in_procedure = IN_PROCEDURE[rng.range(0, 3) as usize];
    NationalRecord {
        v_nummer: v_nummer.to_string(),
        naam: format!("{} {}", p.voornaam, p.achternaam).to_uppercase(),
        sex: p.sex,
        birth: p.birth,
        nationaliteit: p.country.to_string(),
        eerste_registratie,
        asielaanvragen: rng.weighted(&[0.0, 0.45, 0.35, 0.15, 0.05]) as u32,
        eerste_asielaanvraag,
        beslissing_eerste_aanvraag: eerste_asielaanvraag.add_days(rng.range(20, 900)),
        beroep_ar: rng.range(0, 2) as u32,
        beroep_ac: rng.range(0, 1) as u32,
        beroep_vk: rng.range(0, 1) as u32,
        reguliere_aanvragen: rng.weighted(&[0.5, 0.3, 0.15, 0.05]) as u32,
        buiten_schuld,
        buiten_schuld_gegrond: buiten_schuld && rng.chance(0.2),
        vbm,
        vbm_dagen: vbm * rng.range(14, 120) as u32,
        eerste_vbm,
        verblijfstitel,
        in_procedure,
    }
}

/// Per steunpunt, the outcomes of its persons, matching Tables 19, 26 and 27 exactly.
fn outcomes(rng: &mut Rng) -> Vec<Vec<&'static str>> {
    let mut others: Vec<&'static str> = OTHER_OUTFLOW
        .iter()
        .flat_map(|(name, n)| std::iter::repeat_n(*name, *n))
        .collect();
    rng.shuffle(&mut others);
    let mut others = others.into_iter();
    STEUNPUNTEN
        .iter()
        .map(|s| {
            let mut v = vec!["In begeleiding"; s.in_begeleiding];
            v.extend(std::iter::repeat_n("MOB", s.mob));
            v.extend(others.by_ref().take(s.persons - s.in_begeleiding - s.mob));
            v
        })
        .collect()
}

/// Birth date differences of the Table 3 profiles.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BirthPlant {
    None,
    UnderAYear,
    NationalPlausible,
    LocalPlausible,
    Incompatible,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CountryPlant {
    None,
    Neighbour,
    Stateless,
    Dutch,
    Unknown,
    Unexplained,
}

struct LinkProfile {
    sex: bool,
    birth: BirthPlant,
    country: CountryPlant,
}

fn link_profiles(rng: &mut Rng, links: usize) -> Vec<LinkProfile> {
    use table3::*;
    let prof = |sex, birth, country| LinkProfile { sex, birth, country };
    let mut births_compatible: Vec<BirthPlant> = [
        (BirthPlant::UnderAYear, BIRTH_UNDER_A_YEAR),
        (BirthPlant::NationalPlausible, BIRTH_NATIONAL_PLAUSIBLE),
        (BirthPlant::LocalPlausible, BIRTH_LOCAL_PLAUSIBLE),
    ]
    .iter()
    .flat_map(|(b, n)| std::iter::repeat_n(*b, *n))
    .collect();
    let mut countries_explained: Vec<CountryPlant> = [
        (CountryPlant::Neighbour, COUNTRY_NEIGHBOUR),
        (CountryPlant::Stateless, COUNTRY_STATELESS),
        (CountryPlant::Dutch, COUNTRY_DUTCH),
        (CountryPlant::Unknown, COUNTRY_UNKNOWN),
    ]
    .iter()
    .flat_map(|(c, n)| std::iter::repeat_n(*c, *n))
    .collect();
    rng.shuffle(&mut births_compatible);
    rng.shuffle(&mut countries_explained);
    let mut v = Vec::with_capacity(links);
    let (b, c) = (BirthPlant::Incompatible, CountryPlant::Unexplained);
    v.extend((0..SEX_ONLY).map(|_| prof(true, BirthPlant::None, CountryPlant::None)));
    v.extend((0..SEX_AND_BIRTH).map(|_| prof(true, b, CountryPlant::None)));
    v.extend((0..SEX_AND_COUNTRY).map(|_| prof(true, BirthPlant::None, c)));
    v.extend((0..BIRTH_INCOMPATIBLE_ONLY).map(|_| prof(false, b, CountryPlant::None)));
    v.extend((0..BIRTH_INCOMPATIBLE_AND_COUNTRY).map(|_| prof(false, b, c)));
    for _ in 0..BIRTH_COMPATIBLE_AND_COUNTRY {
        let birth = births_compatible.pop().expect("enough birth plants");
        v.push(prof(false, birth, CountryPlant::Neighbour));
        let i = countries_explained
            .iter()
            .position(|x| *x == CountryPlant::Neighbour)
            .expect("neighbours");
        countries_explained.remove(i);
    }
    v.extend(
        births_compatible
            .drain(..)
            .map(|birth| prof(false, birth, CountryPlant::None)),
    );
    v.extend(
        countries_explained
            .drain(..)
            .map(|country| prof(false, BirthPlant::None, country)),
    );
    debug_assert_eq!(v.len(), 99);
    v.extend((v.len()..links).map(|_| prof(false, BirthPlant::None, CountryPlant::None)));
    rng.shuffle(&mut v);
    v
}

fn plausible(birth: Date, eerste_registratie: Date, instroom: Date) -> bool {
    birth.years_until(eerste_registratie) < 18 && birth.years_until(instroom) >= 18
}

/// The national birth date (and, where the profile needs it, an earlier or
/// later national first registration) for a birth-date profile.
fn planted_birth(rng: &mut Rng, plant: BirthPlant, local: Date, reg: Date, instroom: Date) -> (Date, Date) {
    let (national, reg) = match plant {
        BirthPlant::None => (local, reg),
        // Same year, day and month guessed (1 January or 1 July).
        BirthPlant::UnderAYear => {
            let d = Date {
                year: local.year,
                month: if local.month <= 6 { 1 } else { 7 },
                day: 1,
            };
            (if d == local { local.add_days(40) } else { d }, reg)
        }
        // Older by a year and a half, still a minor when first registered.
        BirthPlant::NationalPlausible => {
            let n = local.add_days(-years(1.5));
            (n, reg.min(n.add_days(years(17.5))))
        }
        // The national date makes the person a minor at intake.
        BirthPlant::LocalPlausible => (instroom.add_days(-years(16.5) - rng.range(0, 100)), reg),
        // Somebody else: a minor at intake, and by the local date an adult when first registered.
        BirthPlant::Incompatible => (instroom.add_days(-years(16.5)), local.add_days(years(18.0) + 30)),
    };
    debug_assert!(match plant {
        BirthPlant::None => true,
        BirthPlant::UnderAYear => (national.days() - local.days()).abs() < 365,
        BirthPlant::NationalPlausible => plausible(national, reg, instroom),
        BirthPlant::LocalPlausible => !plausible(national, reg, instroom) && plausible(local, reg, instroom),
        BirthPlant::Incompatible => !plausible(national, reg, instroom) && !plausible(local, reg, instroom),
    });
    (national, reg)
}

pub fn generate(rng: &mut Rng) -> Population {
    let mut used = std::collections::HashSet::new();
    // Countries as a shuffled pool of exactly Table 8's counts.
    let mut countries: Vec<usize> = COUNTRIES
        .iter()
        .enumerate()
        .flat_map(|(i, c)| std::iter::repeat_n(i, c.persons))
        .collect();
    rng.shuffle(&mut countries);
    let mut countries = countries.into_iter();

    let mut persons = Vec::new();
    let mut registrations = Vec::new();
    for (s, results) in outcomes(rng).into_iter().enumerate() {
        for resultaat in results {
            let (mut p, reg) = person(rng, s, countries.next().expect("733 countries"), resultaat);
            p.v_nummer = new_v_nummer(rng, &mut used);
            persons.push(p);
            registrations.push(reg);
        }
    }
    // Whole steunpunten do not keep contact counts (data dictionary).
    for p in &mut persons {
        if ["Almelo", "Haarlem", "Leeuwarden"].contains(&STEUNPUNTEN[p.steunpunt].name) {
            p.contacten = None;
        }
    }

    let mut planted = Vec::new();
    let mut plant = |what, p: &Person, detail: String| {
        planted.push(Planted {
            what,
            steunpunt: STEUNPUNTEN[p.steunpunt].name.to_string(),
            v_nummer: p.v_nummer.clone(),
            detail,
        })
    };

    // Which persons get which V-nummer problem: distinct, spread over steunpunten.
    let mut order: Vec<usize> = (0..persons.len()).collect();
    rng.shuffle(&mut order);
    let mut take = order.into_iter();
    let mut next = || take.next().expect("enough persons");

    let not_found_missing = next();
    let fallback: [usize; 2] = [next(), next()];
    let wrong: [usize; 2] = [next(), next()];
    let crv = next();
    let not_found_valid: Vec<usize> = (0..figures::NOT_FOUND_VALID).map(|_| next()).collect();
    let exact_duplicate = next();
    // The earlier registration must still be after the 18th birthday.
    let conflicting = std::iter::repeat_with(&mut next)
        .find(|&i| persons[i].birth.years_until(persons[i].instroom.add_days(-200)) >= 18)
        .expect("a person who came in after 19");

    let mut national = Vec::new();
    for &i in fallback.iter() {
        let p = &persons[i];
        national.push(national_for(rng, p, &p.v_nummer, registrations[i]));
        plant(
            PlantedKind::OnlyByFallback,
            p,
            format!("{} {}", p.voornaam, p.achternaam),
        );
        plant(PlantedKind::MissingVNummer, p, String::new());
        persons[i].v_nummer.clear();
    }
    let p = &persons[not_found_missing];
    plant(PlantedKind::MissingVNummer, p, String::new());
    plant(PlantedKind::NotInNationalExtract, p, String::new());
    persons[not_found_missing].v_nummer.clear();

    let bad_forms = [
        |v: &str| v[..8].to_string(),
        |v: &str| format!("{}O{}", &v[..3], &v[4..]),
    ];
    for (k, &i) in wrong.iter().enumerate() {
        let bad = bad_forms[k](&persons[i].v_nummer);
        persons[i].v_nummer = bad.clone();
        plant(PlantedKind::WrongFormat, &persons[i], bad);
        plant(PlantedKind::NotInNationalExtract, &persons[i], String::new());
    }
    let crv_number = format!("CRV {}", rng.range(1_000_000, 9_999_999));
    persons[crv].v_nummer = crv_number.clone();
    plant(PlantedKind::OtherRegistrationNumber, &persons[crv], crv_number);
    plant(PlantedKind::NotInNationalExtract, &persons[crv], String::new());
    for &i in &not_found_valid {
        plant(PlantedKind::NotInNationalExtract, &persons[i], String::new());
    }

    // Every other person is found; the Table 3 profiles decide what differs.
    let special: std::collections::HashSet<usize> = [not_found_missing, crv]
        .into_iter()
        .chain(fallback)
        .chain(wrong)
        .chain(not_found_valid.iter().copied())
        .collect();
    let linked: Vec<usize> = (0..persons.len()).filter(|i| !special.contains(i)).collect();
    let mut profiles = link_profiles(rng, linked.len());
    // A neighbour difference needs a country with a listed neighbour: swap profiles.
    let has_neighbour = |i: usize| NEIGHBOURS.iter().any(|(a, _)| *a == persons[linked[i]].country);
    for k in 0..profiles.len() {
        if profiles[k].country == CountryPlant::Neighbour && !has_neighbour(k) {
            let j = (0..profiles.len())
                .find(|&j| has_neighbour(j) && profiles[j].country == CountryPlant::None)
                .expect("persons from neighbouring countries");
            profiles.swap(k, j);
        }
    }
    for (&i, prof) in linked.iter().zip(&profiles) {
        let p = &persons[i];
        let mut rec = national_for(rng, p, &p.v_nummer, registrations[i]);
        if prof.sex {
            // A typo in the V-nummer: the national row is somebody else.
            let other_sex = if p.sex == Sex::M { Sex::V } else { Sex::M };
            let bank = COUNTRIES.iter().find(|c| c.name == p.country).expect("country").names;
            let first = if other_sex == Sex::M { bank.male } else { bank.female };
            rec.sex = other_sex;
            rec.naam = format!("{} {}", rng.pick(first), rng.pick(bank.family)).to_uppercase();
            plant(PlantedKind::SexDiffers, p, format!("{:?} / {:?}", p.sex, other_sex));
        }
        if prof.birth != BirthPlant::None {
            (rec.birth, rec.eerste_registratie) =
                planted_birth(rng, prof.birth, p.birth, rec.eerste_registratie, p.instroom);
            let why = match prof.birth {
                BirthPlant::UnderAYear => "minder dan een jaar verschil",
                BirthPlant::NationalPlausible => "landelijke datum aannemelijk",
                BirthPlant::LocalPlausible => "alleen lokale datum aannemelijk",
                _ => "geen van beide aannemelijk",
            };
            plant(
                PlantedKind::BirthDateDiffers,
                p,
                format!("{} / {}: {why}", p.birth, rec.birth),
            );
        }
        if prof.country != CountryPlant::None {
            rec.nationaliteit = match prof.country {
                CountryPlant::Neighbour => NEIGHBOURS
                    .iter()
                    .find(|(a, _)| *a == p.country)
                    .expect("swapped above")
                    .1
                    .into(),
                CountryPlant::Stateless => "Staatloos".into(),
                CountryPlant::Dutch => "Nederlandse".into(),
                CountryPlant::Unknown => "Onbekend".into(),
                // Far from every country of origin in the demo: no border explains it.
                CountryPlant::Unexplained => "Brazilië".into(),
                CountryPlant::None => unreachable!(),
            };
            plant(
                PlantedKind::CountryDiffers,
                p,
                format!("{} / {}", p.country, rec.nationaliteit),
            );
        }
        national.push(rec);
    }
    national.sort_by(|a, b| a.v_nummer.cmp(&b.v_nummer));

    let p = &persons[exact_duplicate];
    plant(PlantedKind::ExactDuplicate, p, String::new());
    let p = &persons[conflicting];
    // Registered before at another steunpunt, with an earlier intake.
    let other = (p.steunpunt + 7) % STEUNPUNTEN.len();
    plant(
        PlantedKind::ConflictingDuplicate,
        p,
        format!("ook bij {} met een eerdere instroom", STEUNPUNTEN[other].name),
    );
    Population {
        persons,
        national,
        planted,
        conflicting_duplicate: (conflicting, other),
        exact_duplicate,
    }
}
