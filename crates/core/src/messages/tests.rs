use super::*;

/// One of every variant, with data.
fn all() -> Vec<(&'static str, Box<dyn Localized>, String)> {
    let file = || "registratie.xlsx".to_string();
    let mut out: Vec<(&'static str, Box<dyn Localized>, String)> = Vec::new();
    let mut add = |name: &'static str, e: Box<dyn Localized>, dutch: String| out.push((name, e, dutch));
    for e in [
        ReadError::Empty { file: file() },
        ReadError::TooLarge {
            file: file(),
            bytes: 200 << 20,
            limit: 150 << 20,
        },
        ReadError::TooLargeUnpacked {
            file: file(),
            bytes: u64::MAX,
            limit: 1 << 30,
        },
        ReadError::TooLargeSharedStrings {
            file: file(),
            bytes: 1 << 30,
            limit: 256 << 20,
        },
        ReadError::TooManyRows {
            file: file(),
            rows: 2_500_000,
            limit: 2_000_000,
        },
        ReadError::Pdf { file: file() },
        ReadError::PasswordProtected { file: file() },
        ReadError::CorruptWorkbook {
            file: file(),
            damage: crate::ingest::error::Damage::Zip,
        },
        ReadError::NotText { file: file() },
        ReadError::NoSheets { file: file() },
        ReadError::NoHeader { file: file() },
    ] {
        let d = e.to_string();
        add("read", Box::new(e), d);
    }
    for e in [
        ChaidError::UnknownVariable("leeftijd".into()),
        ChaidError::NoCases,
        ChaidError::NoPredictors,
        ChaidError::WeightNotNumeric("gewicht".into()),
        ChaidError::ScaleNotNumeric("land".into()),
        ChaidError::TooManyCategories("naam".into()),
        ChaidError::InvalidParameter {
            name: "alpha-split".into(),
            value: "2".into(),
            expected: crate::chaid::error::Expected::Probability,
        },
        ChaidError::InvalidParameter {
            name: "max-depth".into(),
            value: "0".into(),
            expected: crate::chaid::error::Expected::Range { from: 1, to: 50 },
        },
        ChaidError::UnknownTargetClass("misschien".into()),
    ] {
        let d = e.to_string();
        add("chaid", Box::new(e), d);
    }
    for e in [
        DescribeError::TooManyCategories {
            variable: "land".into(),
            categories: 80,
        },
        DescribeError::NotNumeric {
            variable: "land".into(),
        },
    ] {
        let d = e.to_string();
        add("describe", Box::new(e), d);
    }
    for e in [
        AnonymiseError::UnknownColumn {
            column: "x".into(),
            role: crate::anonymise::settings::SettingRole::TopCode,
        },
        AnonymiseError::BadK(1),
        AnonymiseError::BadL(9),
        AnonymiseError::BadT(1.5),
        AnonymiseError::BadSuppression(2.0),
        AnonymiseError::BadTopShare(0.7),
        AnonymiseError::TooManyDimensions {
            dimensions: 12,
            columns: vec!["a".into(), "b".into()],
        },
        AnonymiseError::NotNumbers("land".into()),
        AnonymiseError::UnknownSteunpunt("Atlantis".into()),
        AnonymiseError::Impossible { records: 4, k: 5, l: 2 },
        AnonymiseError::Write("schijf vol".into()),
    ] {
        let d = e.to_string();
        add("anonymise", Box::new(e), d);
    }
    for e in [
        ReceptError::NotJson {
            line: 3,
            column: 7,
            message: "expected value".into(),
        },
        ReceptError::OtherFormat("perspectief-recept/0".into()),
    ] {
        let d = e.to_string();
        add("recept", Box::new(e), d);
    }
    let e = LinkError::NoNationalFile;
    let d = e.to_string();
    add("link", Box::new(e), d);
    for e in [SecretError::TooShort { chars: 8 }, SecretError::Guessable { words: 1 }] {
        let d = e.to_string();
        add("secret", Box::new(e), d);
    }
    for e in [
        SessionError::UnknownFile(3),
        SessionError::MissingBytes(file()),
        SessionError::Recept(ReceptError::OtherFormat("x".into())),
        SessionError::NoRegistration,
        SessionError::NoAnalysisFile,
        SessionError::Analysis(AnalysisError::NoSets),
        SessionError::Analysis(AnalysisError::NoPredictor),
        SessionError::Analysis(AnalysisError::UnknownVariable {
            variable: "leeftijd".into(),
        }),
    ] {
        let d = e.to_string();
        add("session", Box::new(e), d);
    }
    use crate::national::NationalError;
    for e in [
        NationalError::NotJson {
            line: 3,
            column: 7,
            message: "expected value".into(),
        },
        NationalError::OtherFormat { found: String::new() },
        NationalError::OtherFormat {
            found: "perspectief-recept/1".into(),
        },
        NationalError::Altered {
            stored: "00".repeat(32),
            computed: "ff".repeat(32),
        },
        NationalError::Invalid {
            message: "missing field `threshold`".into(),
        },
        NationalError::MissingColumn {
            column: "steunpunt".into(),
        },
        NationalError::TooFewPersons {
            persons: 3,
            threshold: 5,
        },
        NationalError::TooFewElsewhere {
            steunpunt: "Atlantis".into(),
            threshold: 5,
        },
        NationalError::NoLocalPersons { files: Vec::new() },
        NationalError::NoLocalPersons { files: vec![file()] },
        NationalError::Threshold { threshold: 1 },
        NationalError::NoPeildatum,
        NationalError::PeildatumUnreadable {
            row: 7,
            value: "gisteren".into(),
        },
        NationalError::PeildatumVaries {
            first: crate::date::Date::new(2011, 4, 1).unwrap(),
            row: 9,
            other: crate::date::Date::new(2011, 4, 2).unwrap(),
        },
        NationalError::PeildatumDiffers {
            in_file: crate::date::Date::new(2011, 4, 1).unwrap(),
            given: crate::date::Date::new(2012, 4, 1).unwrap(),
        },
    ] {
        let d = e.to_string();
        add("national", Box::new(e), d);
    }
    out
}

#[test]
fn display_is_the_dutch_text() {
    for (what, e, dutch) in all() {
        assert_eq!(e.text(Locale::Nl), dutch, "{what}");
    }
}

#[test]
fn the_english_text_is_english_and_keeps_the_data() {
    // Dutch function words that no English sentence here has (the dictionary's own terms,
    // such as V-nummer and steunpunt, stay).
    let dutch = [
        " het ",
        " de ",
        " een ",
        " niet ",
        " van ",
        " kies ",
        " geen ",
        " bestand ",
        " is te ",
    ];
    for (what, e, nl) in all() {
        let en = e.text(Locale::En);
        assert_ne!(en, nl, "{what}");
        let padded = format!(" {} ", en.to_lowercase());
        for w in dutch {
            assert!(!padded.contains(w), "{what}: {w:?} in {en:?}");
        }
        // The data a user acts on is in both: file names, variable names, numbers.
        for (token, english) in [
            ("registratie.xlsx", "registratie.xlsx"),
            ("`leeftijd`", "`leeftijd`"),
            ("'land'", "'land'"),
            ("Atlantis", "Atlantis"),
            ("2.500.000", "2,500,000"),
        ] {
            if nl.contains(token) {
                assert!(en.contains(english), "{what}: {english} missing in {en:?}");
            }
        }
    }
}

/// What `e` says in Dutch and in English.
fn says(e: &dyn Localized, nl: &str, en: &str) {
    assert_eq!(e.text(Locale::Nl), nl);
    assert_eq!(e.text(Locale::En), en);
}

#[test]
fn wording_in_both_languages() {
    says(
        &ReadError::NoHeader {
            file: "amsterdam.csv".into(),
        },
        "amsterdam.csv: geen kopregel met kolomnamen gevonden (zoals V-nummer, Naam, Geboortedatum). Zet de kolomnamen in één rij boven de gegevens.",
        "amsterdam.csv: no header row with column names found (such as V-nummer, Naam, Geboortedatum). Put the column names in one row above the data.",
    );
    let e = ReadError::TooManyRows {
        file: "groot.csv".into(),
        rows: 2_500_000,
        limit: 2_000_000,
    };
    assert!(e.text(Locale::Nl).contains("2.500.000 rijen"));
    assert!(e.text(Locale::En).contains("2,500,000 rows"));
}

#[test]
fn the_peildatum_of_an_analysis_file_in_both_languages() {
    use crate::national::NationalError;
    let date = |y, m, d| crate::date::Date::new(y, m, d).unwrap();
    says(
        &NationalError::PeildatumDiffers {
            in_file: date(2011, 4, 1),
            given: date(2012, 4, 1),
        },
        "Het analysebestand is gemaakt met peildatum 01-04-2011, maar --peildatum zegt 01-04-2012. De duur van de begeleiding in het bestand is tot 01-04-2011 berekend: laat --peildatum weg, of maak het analysebestand opnieuw met peildatum 01-04-2012.",
        "The analysis file was made with peildatum 01-04-2011, but --peildatum says 01-04-2012. The durations of guidance in the file were computed up to 01-04-2011: leave out --peildatum, or make the analysis file again with peildatum 01-04-2012.",
    );
    says(
        &NationalError::PeildatumUnreadable {
            row: 7,
            value: "gisteren".into(),
        },
        "Rij 7 van het analysebestand heeft in kolom 'peildatum' 'gisteren', geen datum. Maak het analysebestand opnieuw, of geef de peildatum op (--peildatum JJJJ-MM-DD) en maak de kolom leeg.",
        "Row 7 of the analysis file has 'gisteren' in column 'peildatum', which is not a date. Make the analysis file again, or give the peildatum (--peildatum YYYY-MM-DD) and empty the column.",
    );
}

#[test]
fn table3_rules_in_both_languages() {
    use crate::date::Date;
    use crate::link::verify::Reason;
    says(
        &Reason::BirthUnderAYear {
            local: Date::new(1991, 7, 14).unwrap(),
            national: Date::new(1991, 1, 1).unwrap(),
        },
        "Geboortedatum 14-07-1991 / 01-01-1991: minder dan een jaar verschil, de landelijke datum wordt gebruikt.",
        "Birth date 1991-07-14 / 1991-01-01: less than a year apart, the national date is used.",
    );
    let sex = Reason::SexDiffers {
        local: "M".into(),
        national: "V".into(),
    };
    assert!(sex.text(Locale::Nl).starts_with("Geslacht verschilt (M / V)"));
    assert!(sex.text(Locale::En).starts_with("Sex differs (M / V)"));
}

#[test]
fn fallback_evidence_in_both_languages() {
    use crate::link::linkage::{BirthAgreement, Evidence};
    says(
        &Evidence {
            name: "Ali Ahmadi".into(),
            national_name: "Ali Ahmady".into(),
            similarity: 0.875,
            birth: BirthAgreement::DayMonthSwapped,
            same_sex: None,
        },
        "naam Ali Ahmadi / Ali Ahmady (gelijkenis 0,88); dag en maand verwisseld; geslacht onbekend",
        "name Ali Ahmadi / Ali Ahmady (similarity 0.88); day and month swapped; sex unknown",
    );
}

#[test]
fn a_date_that_is_not_one_in_both_languages() {
    says(
        &crate::date::NotADate { text: "1-4-11".into() },
        "'1-4-11' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2011-04-01.",
        "'1-4-11' is not a date; write YYYY-MM-DD, for example 2011-04-01.",
    );
}

/// Every sheet the engine writes, in English: no Dutch left in its name, headers, title and
/// footer rows (data, such as the demo's categories "ja"/"nee", stays).
#[test]
fn english_sheets_have_no_dutch_words() {
    use crate::analysis::run::{table, TableRequest};
    use crate::table::Cell;
    let mut s: crate::session::Session<Vec<u8>> = crate::session::Session::new(|| 0.0);
    s.edit(crate::session::Edit::LoadDemo, &mut || None, &mut |_, _, _| {})
        .unwrap();
    let mut sheets = Vec::new();
    let a = s.analysis_file(&mut |_, _, _| {}).unwrap().clone();
    for request in [
        TableRequest::Frequencies {
            variable: "geslacht".into(),
        },
        TableRequest::Crosstab {
            row: "geslacht".into(),
            col: "mob".into(),
        },
        TableRequest::Means {
            variable: "leeftijd_instroom".into(),
            by: "steunpunt".into(),
        },
    ] {
        sheets.push(table(&a, &request, 5).unwrap().sheet().0);
    }
    let analysis = crate::recept::Analysis::Tree {
        target: "mob".into(),
        predictors: vec!["geslacht".into(), "steunpunt".into(), "leeftijd_instroom".into()],
        params: crate::chaid::ChaidParams::default().min_parent(20.0).min_child(10.0),
        target_class: Some("ja".into()),
        edits: Vec::new(),
        validation: None,
    };
    let Ok(crate::session::Outcome::Tree(view)) = s.run(&analysis, &mut |_, _, _| {}) else {
        panic!("a tree")
    };
    let published = view.report.publish(5);
    let gains = view.report.gains.as_ref().and_then(|g| published.gains(0, &g.nodes));
    sheets.extend(published.sheets(gains.as_ref()));
    sheets.push(crate::chaid::sheets::screening_sheet("mob", &[]));
    let checked = s.checked(&mut |_, _, _| {}).unwrap().clone();
    sheets.push(crate::check::export::sheet_for(
        &checked,
        None,
        crate::check::export::Audience::Others,
        Locale::Nl,
    ));
    let dutch = [
        " de ",
        " het ",
        " van ",
        " een ",
        "Totaal",
        "Knoop",
        "Waarde",
        "Afhankelijke",
        "Aantallen",
        "Peildatum",
        "Risico",
        "Winst",
        "Controle",
        "Fout",
        "Melding",
        "Toelichting",
        "Gemiddelde",
    ];
    let scan = |locale: Locale| {
        let mut found = Vec::new();
        for sheet in sheets.clone() {
            let sheet = localize_sheet(sheet, locale);
            let mut texts: Vec<String> = vec![sheet.name.clone()];
            texts.extend(sheet.header.iter().cloned());
            for row in sheet.title_rows.iter().chain(&sheet.footer_rows) {
                texts.extend(row.iter().filter_map(|c| match c {
                    Cell::Text(t) => Some(t.clone()),
                    _ => None,
                }));
            }
            for t in texts {
                let padded = format!(" {t} ");
                if let Some(w) = dutch.iter().find(|w| padded.contains(*w)) {
                    found.push(format!("{}: '{t}' ({w})", sheet.name));
                }
            }
        }
        found
    };
    assert!(scan(Locale::Nl).len() > 10, "the scan sees the Dutch sheets");
    let found = scan(Locale::En);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_fallback_estimate_in_both_languages() {
    use crate::link::estimate::{FallbackEstimate, Outcome, RestsOn, Scoring};
    let mut outcomes: Vec<Outcome> = (0..95)
        .map(|_| Outcome {
            score: 0.97,
            correct: true,
        })
        .collect();
    outcomes.push(Outcome {
        score: 0.9,
        correct: false,
    });
    let rests_on = RestsOn {
        labelled_pairs: 1200,
        held_out: 100,
        folds: 5,
        random_pairs: 20_000,
        seed: 20,
        scoring: Scoring::FellegiSunter,
    };
    let e = FallbackEstimate::new(&outcomes, 100, 0.85, &[0.99, 0.96], rests_on);
    assert_eq!(
        e.text(Locale::Nl),
        "Reserveprocedure (Fellegi–Sunter) bij drempel 0,85: precisie 99,0% (95%-interval 94,3–99,8%) (het aandeel \
         voorstellen dat echt dezelfde persoon is), recall 95,0% (95%-interval 88,8–97,8%) (het aandeel echte paren dat \
         wordt voorgesteld). Van de 2 voorstellen nu zijn er naar verwachting 2 juist (95%-voorspellingsinterval 1–2). Van \
         naar schatting 2 echte paren onder de personen zonder bruikbaar V-nummer worden er 1–2 voorgesteld."
    );
    assert_eq!(
        e.text(Locale::En),
        "Fallback (Fellegi–Sunter) at threshold 0.85: precision 99.0% (95% interval 94.3–99.8%) (the share of proposals \
         that are truly the same person), recall 95.0% (95% interval 88.8–97.8%) (the share of true pairs that are \
         proposed). Of the 2 proposals now, 2 are expected to be right (95% prediction interval 1–2). Of an estimated 2 \
         true pairs among the persons without a usable V-nummer, 1–2 are proposed."
    );
    assert!(super::fallback_rests_on(&e, Locale::Nl).starts_with("Dit berust op 1.200 koppelingen op V-nummer"));
    assert!(super::fallback_rests_on(&e, Locale::En).starts_with("This rests on 1,200 links on the V-nummer"));
    use crate::link::comparison::NameLevel;
    use crate::link::weights::Part;
    assert_eq!(
        Part::Name(NameLevel::Close).text(Locale::Nl),
        "naam lijkt sterk (≥ 0,88)"
    );
    assert_eq!(
        Part::Name(NameLevel::Close).text(Locale::En),
        "name very alike (≥ 0.88)"
    );
    use crate::link::verify::{BirthCheck, Reason};
    let r = Reason::BirthByKeys {
        outcome: BirthCheck::Incompatible,
    };
    assert!(r
        .text(Locale::Nl)
        .ends_with("geen van beide datums is aannemelijk: verschillende personen."));
    assert!(r
        .text(Locale::En)
        .ends_with("neither date is plausible: different persons."));
}
