//! The engine's errors in Dutch: the wording users know (`Display` is this text).
//! Each function renders one error enum; the variants carry the data.

use crate::analysis::run::AnalysisError;
use crate::anonymise::settings::{AnonymiseError, SettingRole, MAX_DIMENSIONS};
use crate::chaid::error::Expected;
use crate::chaid::ChaidError;
use crate::check::problem::{DateField, Decision, Detail, ProblemKind};
use crate::date::NotADate;
use crate::describe::tables::{DescribeError, MAX_CATEGORIES};
use crate::ingest::cells::Note;
use crate::ingest::error::{Damage, ReadError};
use crate::ingest::records::Provenance;
use crate::link::linkage::{BirthAgreement, Evidence, LinkError};
use crate::link::pseudonym::{SecretError, MIN_SECRET_CHARS};
use crate::link::verify::{BirthCheck, Reason};
use crate::locale::Locale;
use crate::recept::{ReceptError, FORMAT};
use crate::session::SessionError;

fn mb(bytes: u64) -> String {
    Locale::Nl.number(bytes as f64 / 1_048_576.0, 0)
}

/// The Dutch text of a [ReadError].
pub fn read(e: &ReadError) -> String {
    match e {
            ReadError::Empty { file } => format!("{file}: het bestand is leeg (0 bytes). Sla het opnieuw op vanuit Excel en laad het nog eens."),
            ReadError::TooLarge { file, bytes, limit } => format!("{file}: het bestand is te groot ({} MB; de grens is {} MB). Splits het bestand, of sla alleen het tabblad met de registratie op als CSV.",
                mb(*bytes),
                mb(*limit)
            ),
            ReadError::TooLargeUnpacked { file, bytes, limit } => format!("{file}: uitgepakt is dit werkboek te groot om in de browser te lezen ({} MB; de grens is {} MB). Sla alleen het tabblad met de registratie op als CSV, of splits het werkboek.",
                if *bytes == u64::MAX { "meer dan 4.096".to_string() } else { mb(*bytes) },
                mb(*limit)
            ),
            ReadError::TooLargeSharedStrings { file, bytes, limit } => format!("{file}: de teksten van dit werkboek zijn uitgepakt te groot om te lezen ({} MB; de grens is {} MB). Meestal staan er veel lange of herhaalde teksten buiten de gegevens: sla alleen het tabblad met de registratie op als CSV, of verwijder de overbodige tabbladen.",
                if *bytes == u64::MAX { "meer dan 4.096".to_string() } else { mb(*bytes) },
                mb(*limit)
            ),
            ReadError::TooManyCells { file, sheet, cells, limit } => format!("{file}, tabblad '{sheet}': het tabblad beslaat {} cellen; de browser leest er hoogstens {} per bestand. Meestal staat er iets ver buiten de gegevens (in een verre kolom, tot XFD, of in een herhaald bereik): verwijder de lege rijen en kolommen rond de gegevens en sla het bestand opnieuw op.",
                Locale::Nl.number(*cells as f64, 0),
                Locale::Nl.number(*limit as f64, 0)
            ),
            ReadError::TooManyColumns { file, line, columns, limit } => format!("{file}: regel {line} heeft {} kolommen; een werkblad heeft er hoogstens {} (tot kolom XFD). Controleer het scheidingsteken van het bestand, of sla het opnieuw op vanuit Excel.",
                Locale::Nl.number(*columns as f64, 0),
                Locale::Nl.number(*limit as f64, 0)
            ),
            ReadError::TooManyRows { file, rows, limit } => format!("{file}: het bestand heeft {} rijen; de browser kan er hoogstens {} per bestand lezen. Splits het bestand (bijvoorbeeld per jaar) en laad de delen samen.",
                Locale::Nl.number(*rows as f64, 0),
                Locale::Nl.number(*limit as f64, 0)
            ),
            ReadError::Pdf { file } => format!("{file}: dit is een PDF, geen spreadsheet. Gebruik het oorspronkelijke Excel- of CSV-bestand."),
            ReadError::PasswordProtected { file } => format!("{file}: het werkboek is beveiligd met een wachtwoord. Open het in Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op."),
            ReadError::CorruptWorkbook { file, damage } => format!("{file}: het werkboek is beschadigd of geen echt Excel-bestand ({}). Open het in Excel en sla het opnieuw op als .xlsx.", damage_text(damage)),
            ReadError::NotText { file } => format!("{file}: dit is geen spreadsheet of tekstbestand. Gebruik een .xlsx-, .xls-, .ods- of .csv-bestand."),
            ReadError::NoSheets { file } => format!("{file}: het werkboek heeft geen tabbladen met gegevens."),
            ReadError::NoHeader { file } => format!("{file}: geen kopregel met kolomnamen gevonden (zoals V-nummer, Naam, Geboortedatum). Zet de kolomnamen in één rij boven de gegevens."),
    }
}

/// The Dutch text of a [ChaidError].
pub fn chaid(e: &ChaidError) -> String {
    match e {
            ChaidError::UnknownVariable(v) => format!("De variabele `{v}` bestaat niet in de gegevens. Controleer de naam (hoofdletters tellen mee)."),
            ChaidError::NoCases => "Er zijn geen bruikbare gevallen: elke rij mist de afhankelijke variabele, een geldig gewicht of alle voorspellers.".to_string(),
            ChaidError::NoPredictors => "Kies minstens één voorspeller.".to_string(),
            ChaidError::WeightNotNumeric(v) => format!("De gewichtsvariabele `{v}` bevat geen getallen. Kies een numerieke kolom als gewicht."),
            ChaidError::ScaleNotNumeric(v) => format!("`{v}` is als schaalvariabele gekozen maar bevat tekst. Kies nominaal of ordinaal, of maak de kolom numeriek."),
            ChaidError::TooManyCategories(v) => format!("`{v}` heeft meer dan 65.000 verschillende waarden. Is dit een identificatienummer? Laat deze variabele weg."),
            ChaidError::InvalidParameter { name, value, expected } => {
            format!("Instelling {name} = {value} is ongeldig: {}.", expected_text(expected))
        }
            ChaidError::UnknownTargetClass(c) => format!("De doelcategorie `{c}` komt niet voor in de afhankelijke variabele."),
    }
}

/// The Dutch text of a [DescribeError].
pub fn describe(e: &DescribeError) -> String {
    match e {
            DescribeError::TooManyCategories { variable, categories } => format!("'{variable}' heeft {categories} verschillende waarden; een tabel kan er hoogstens {MAX_CATEGORIES} tonen. Kies een histogram, of een variabele met minder waarden."
            ),
            DescribeError::NotNumeric { variable } => format!("'{variable}' bevat geen getallen; een gemiddelde of histogram kan alleen van een getal (zoals leeftijd of maanden begeleiding)."
            ),
    }
}

/// The Dutch text of a [AnonymiseError].
pub fn anonymise(e: &AnonymiseError) -> String {
    match e {
        AnonymiseError::UnknownColumn { column, role } => format!(
            "De kolom '{column}' ({}) staat niet in het bestand. Kies kolommen die er wel in staan.",
            setting_role(*role)
        ),
        AnonymiseError::BadK(k) => format!("k moet minstens 2 zijn (nu {k})."),
        AnonymiseError::BadL(l) => format!("l moet minstens 1 zijn en niet groter dan k (nu {l})."),
        AnonymiseError::BadT(t) => format!("t ligt tussen 0 en 1 (nu {t})."),
        AnonymiseError::BadSuppression(x) => {
            format!("Het deel dat onderdrukt mag worden ligt tussen 0 en 1 (nu {x}).")
        }
        AnonymiseError::BadTopShare(x) => {
            format!("Het deel dat top- en bottomcodering afkapt ligt tussen 0 en 0,5 (nu {x}).")
        }
        AnonymiseError::TooManyDimensions { dimensions, columns } => format!(
            "Er zijn {dimensions} groepen quasi-identificatoren die los van elkaar beschermd moeten worden ({}); \
                 het kan met hoogstens {MAX_DIMENSIONS}. Laat kolommen weg of geef ze een andere rol.",
            columns.join(", ")
        ),
        AnonymiseError::NotNumbers(c) => format!(
            "De kolom '{c}' bevat geen getallen: alleen aantallen kunnen top- en bottomgecodeerd of in klassen \
                 ingedeeld worden."
        ),
        AnonymiseError::UnknownSteunpunt(s) => {
            format!("Het steunpunt '{s}' staat niet in het bestand. Kies een steunpunt dat er wel in staat.")
        }
        AnonymiseError::Impossible { records, k, l } => format!(
            "Met {records} records kan het bestand niet {k}-anoniem en {l}-divers worden, ook niet als alle \
                 quasi-identificatoren worden weggelaten. Kies een kleinere k of l, of minder gevoelige attributen."
        ),
        AnonymiseError::Write(e) => format!("Het beschermde bestand kon niet geschreven worden: {e}"),
    }
}

/// The Dutch text of a [ReceptError].
pub fn recept(e: &ReceptError) -> String {
    match e {
            ReceptError::NotJson { line, column, message } => format!("Dit is geen recept van Perspectief: regel {line}, kolom {column} klopt niet ({message}). Kies het .json-bestand dat de app bij 'Recept opslaan' maakte."
            ),
            ReceptError::OtherFormat(found) => format!("Dit recept heeft vorm '{found}'; deze versie leest '{FORMAT}'. Maak het recept opnieuw met deze versie."
            ),
    }
}

/// The Dutch text of a [LinkError].
pub fn link(e: &LinkError) -> String {
    match e {
            LinkError::NoNationalFile => "Er is geen landelijk extract (DMB/IND) geladen. Laad het extract, of zet de soort van het juiste bestand op 'Landelijk extract'.".to_string(),
    }
}

/// The Dutch text of a [SecretError].
pub fn secret(e: &SecretError) -> String {
    match e {
        SecretError::TooShort { chars } => format!(
            "Het geheim is te kort ({chars} tekens): gebruik er minstens {MIN_SECRET_CHARS}, \
                 of laat er een maken."
        ),
        SecretError::Guessable { words } => format!(
            "Dit geheim is te makkelijk te raden: het is {} met een getal of jaartal. Met een woordenlijst \
                 vindt een computer zo'n geheim snel, hoe lang het ook is. Laat een geheim maken (aanbevolen), \
                 of typ een zin van minstens vier woorden.",
            if *words <= 1 { "één woord" } else { "een paar woorden" }
        ),
    }
}

/// The Dutch line of a frequency-attack self-test of a linkage file.
pub fn frequency_attack(t: &crate::link::attack::SelfTest) -> String {
    use crate::link::pseudonym::NameScheme;
    let (w, o) = (t.written(), t.other());
    format!(
        "Zelftest frequentieaanval: {} van {} naamcoderingen herleid ({}: {}); {} van {} geboortedatums herleid",
        w.names_reidentified,
        w.names,
        match t.names {
            NameScheme::Hardened => "zonder verharding",
            NameScheme::Plain => "met verharding",
        },
        o.names_reidentified,
        w.birth_dates_reidentified,
        w.birth_dates
    )
}

/// The Dutch text of a [SessionError].
pub fn session(e: &SessionError) -> String {
    match e {
        SessionError::UnknownFile(i) => {
            format!("Bestand nummer {} is niet (meer) geladen. Laad het opnieuw.", i + 1)
        }
        SessionError::MissingBytes(name) => {
            format!("{name} kwam zonder inhoud aan. Sleep het bestand opnieuw hierheen.")
        }
        SessionError::Recept(e) => recept(e),
        SessionError::NoRegistration => "Er is nog geen registratie geladen.".to_string(),
        SessionError::NoAnalysisFile => {
            "Er is nog geen analysebestand: laad eerst registraties bij stap 1.".to_string()
        }
        SessionError::Analysis(message) => message.to_string(),
    }
}

fn expected_text(e: &Expected) -> String {
    match e {
        Expected::Probability => "kies een waarde tussen 0 en 1, bijvoorbeeld 0,05".into(),
        Expected::NonNegative => "moet 0 of meer zijn".into(),
        Expected::NotAboveMinParent => "mag niet groter zijn dan min-parent".into(),
        Expected::Range { from, to } => format!("kies {from} tot en met {to}"),
        Expected::Convergence => format!(
            "een epsilon van minstens {:e} en 1 tot {} iteraties",
            crate::chaid::params::MIN_EPSILON,
            crate::locale::Locale::Nl.integer(crate::chaid::params::MAX_ITERATIONS as u64)
        ),
        Expected::Folds => "kies 2 of meer, en niet meer dan het aantal gevallen".into(),
        Expected::CostsAndPriors { classes: 0 } => "kosten en a-priorikansen horen bij een categorische afhankelijke variabele".into(),
        Expected::CostsAndPriors { classes } => format!("geef kosten als een tabel van {classes} bij {classes} (0 of meer, 0 op de diagonaal) en a-priorikansen als {classes} getallen van 0 of meer, niet allemaal 0"),
    }
}

/// The Dutch text of an [AnalysisError].
pub fn analysis(e: &AnalysisError) -> String {
    match e {
        AnalysisError::UnknownVariable { variable } => format!("De variabele '{variable}' staat niet in het analysebestand."),
        AnalysisError::NoPredictor => "Kies ten minste één verklarende variabele (naast de afhankelijke).".into(),
        AnalysisError::NoSets => "Voor deze vergelijking zijn de sets nodig: laad het bestand met kenmerken van de steunpunten (met het tabblad 'sets', waarin de set \"Kenmerken ex-AMV's\" staat).".into(),
        AnalysisError::EmptySample { training, test } => format!("Deze validatie laat {training} cliënten over om de boom te laten groeien en {test} om hem te toetsen; er zijn er van allebei nodig. Kies een ander percentage of andere waarden voor de toetsgroep."),
        AnalysisError::Chaid(e) => chaid(e),
        AnalysisError::Describe(e) => describe(e),
    }
}

fn setting_role(role: SettingRole) -> &'static str {
    match role {
        SettingRole::Sensitive => "gevoelig attribuut",
        SettingRole::Role => "rol",
        SettingRole::Drop => "weglaten",
        SettingRole::MaxLevel => "hoogste niveau",
        SettingRole::TopCode => "top- en bottomcodering of klassen",
    }
}

/// The Dutch text of a check problem: what is wrong and what to do.
pub fn problem(d: &Detail) -> String {
    match d {
        Detail::NotAPerson { content } => format!("Deze rij heeft geen V-nummer en geen naam en telt niet als cliënt (inhoud: \"{content}\"). Is het een totaal- of opmerkingenregel, dan hoeft u niets te doen."),
        Detail::MissingVNummer => "Het V-nummer ontbreekt. Zoek het op in het dossier en vul het in; zonder V-nummer is koppelen alleen op naam en geboortedatum mogelijk.".to_string(),
        Detail::WrongLength { value, digits } => format!("'{value}' heeft {digits} cijfers; een V-nummer heeft er 10. Controleer het nummer in het dossier."),
        Detail::FormulaError { value } => format!("'{value}' is een foutwaarde van een Excel-formule, geen V-nummer: de formule verwijst naar iets dat niet (meer) bestaat. Zet het V-nummer zelf in de cel."),
        Detail::Scientific { value } => format!("'{value}' is een getal in wetenschappelijke notatie: Excel heeft de laatste cijfers van het V-nummer weggegooid. Zet de kolom in Excel op 'Tekst' en neem het V-nummer over uit het dossier."),
        Detail::Letters { value } => format!("'{value}' bevat tekens die geen cijfer zijn (bijvoorbeeld de letter O in plaats van een nul). Een V-nummer bestaat uit 10 cijfers."),
        Detail::OtherRegistration { value } => format!("'{value}' lijkt een ander registratienummer (CRV- of IND-nummer), geen V-nummer. Vul het V-nummer van 10 cijfers in."),
        Detail::RepairedZero { value } => format!("Excel had dit V-nummer als getal opgeslagen en de voorloopnul weggelaten; gelezen als {value}. Tip: maak de kolom in Excel op als Tekst."),
        Detail::NoSteunpunt { file } => format!("Bij {file} is niet te zien bij welk steunpunt het hoort: er is geen kolom Steunpunt en de bestandsnaam noemt geen steunpunt. Kies het steunpunt, of zet de naam van het steunpunt in de bestandsnaam."),
        Detail::Unrecognised { value, field, count, rows } => format!(
            "'{value}' is geen bekende waarde voor {field} ({count} keer, rij {}). De waarde is bewaard maar telt in tabellen als 'niet herkend'. Gebruik een van de vaste waarden, of koppel de waarde bij Kolommen.",
            rows.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
        ),
        Detail::ExactDuplicate { same_as } => format!("Deze rij is gelijk aan {}; ze zijn samengevoegd tot één cliënt.", same_as.row_text()),
        Detail::Conflict { others, decision } => format!(
            "Dit V-nummer staat ook in {} met andere gegevens. {} Controleer welke gegevens kloppen.",
            others.iter().map(|(at, sp)| format!("{} ({sp})", at.full_text())).collect::<Vec<_>>().join("; "),
            match decision {
                Decision::KeptAll => "Beide rijen tellen nu als aparte cliënt.",
                Decision::Kept => "Deze rij is aangehouden (de laatste instroomdatum).",
                Decision::LeftOut => "Deze rij is niet meegeteld: de rij met de laatste instroomdatum is aangehouden.",
            }
        ),
        Detail::IntakeBeforeBirth { intake, birth } => format!("Instroom {intake} ligt vóór de geboortedatum {birth}. Controleer beide datums."),
        Detail::AgeAtIntake { age, birth, intake } => format!("Leeftijd bij instroom is {age} jaar (geboren {birth}, instroom {intake}). Perspectief is voor ex-AMV's van 18 jaar en ouder; controleer de datums."),
        Detail::OutflowBeforeIntake { outflow, intake } => format!("Uitstroom {outflow} ligt vóór instroom {intake}. Controleer beide datums."),
        Detail::OutflowButInCounselling { outflow } => format!("Er is een uitstroomdatum ({outflow}), maar het resultaat is 'In begeleiding'. Vul het juiste resultaat in, of haal de uitstroomdatum weg."),
        Detail::EndedWithoutOutflow { result } => format!("Het resultaat is '{result}', maar er is geen uitstroomdatum. Vul de datum van uitstroom in."),
        Detail::FutureDate { field, date, peildatum } => format!(
            "De {} {date} ligt na de peildatum {peildatum}. Controleer het jaartal.",
            match field {
                DateField::Birth => "geboortedatum",
                DateField::Intake => "instroomdatum",
                DateField::Outflow => "uitstroomdatum",
            }
        ),
    }
}

/// The Dutch text of a reader's note.
pub fn note(n: &Note) -> String {
    match n {
        Note::Encoding { encoding } => format!("Gelezen als {encoding} (geen UTF-8)."),
        Note::OpenQuote { lines, total } => format!(
            "{} met een aanhalingsteken (\") dat niet wordt gesloten: {}. Zonder sluitend teken zou de rest van het bestand in één cel belanden; het teken is daarom als gewoon teken gelezen. Controleer die regels.",
            if *total == 1 { "1 regel begint een veld".to_string() } else { format!("{total} regels beginnen een veld") },
            lines.iter().map(|l| format!("regel {l}")).collect::<Vec<_>>().join(", ") + if *total > lines.len() { ", …" } else { "" }
        ),
        Note::InvalidUtf8 { lines, total } => format!(
            "Gelezen als UTF-8, maar {} ongeldige tekens (getoond als �): {}. Controleer die regels in het bestand; de andere zijn gewoon gelezen.",
            if *total == 1 { "1 regel bevat".to_string() } else { format!("{total} regels bevatten") },
            lines.iter().map(|l| format!("regel {l}")).collect::<Vec<_>>().join(", ") + if *total > lines.len() { ", …" } else { "" }
        ),
        Note::NulRemoved { count } => format!("{count} NUL-teken(s) weggelaten: het bestand is beschadigd. Sla het opnieuw op vanuit het oorspronkelijke programma en controleer de rijen."),
        Note::OutsideExcel { sheet, cells } => format!("Tabblad '{sheet}': {cells} cel(len) buiten het bereik van Excel (na rij 1.048.576 of kolom XFD) overgeslagen."),
        Note::SheetSkipped { sheet, damage } => format!("Tabblad '{sheet}' is niet te lezen en is overgeslagen ({}).", damage_text(damage)),
        Note::LineUnreadable { line, detail } => format!("Regel {line} is niet te lezen: {detail}."),
        Note::MixedDelimiters { lines, delimiter, first } => format!(
            "Gemengde scheidingstekens: {lines} regel(s) gebruiken een ander scheidingsteken dan '{delimiter}' (regel {}); die zijn met hun eigen scheidingsteken gelezen. Controleer ze, en sla het bestand opnieuw op met één scheidingsteken.",
            first.join(", ")
        ),
    }
}

fn damage_text(d: &Damage) -> String {
    match d {
        Damage::UnknownFormat => {
            "het formaat is niet te herkennen; mogelijk is het bestand afgebroken bij het kopiëren".into()
        }
        Damage::MissingSheet => "een tabblad ontbreekt in het bestand".into(),
        Damage::Xml => "de opmaak binnen het bestand (XML) is beschadigd".into(),
        Damage::Zip => "het zip-archief binnen het bestand is beschadigd".into(),
        Damage::DuplicateEntry(name) => format!("het zip-archief binnen het bestand bevat het onderdeel '{name}' twee keer, zodat niet vast te stellen is welk het echte is"),
        Damage::CompoundFile => "de indeling binnen dit oude Excel-bestand (.xls) klopt niet: delen verwijzen naar elkaar in een kring of naar buiten het bestand".into(),
        Damage::BinaryWorkbook => "de indeling binnen dit binaire Excel-bestand (.xlsb) klopt niet: onderdelen zijn te kort of verwijzen naar iets dat er niet is".into(),
        Damage::Other(detail) => format!("technische melding: {detail}"),
    }
}

/// The Dutch group heading of a kind of check problem (B1).
pub fn problem_title(kind: ProblemKind) -> &'static str {
    use ProblemKind::*;
    match kind {
        MissingVNummer => "V-nummer ontbreekt",
        WrongLength => "V-nummer heeft niet 10 cijfers",
        Letters => "V-nummer bevat letters of andere tekens",
        OtherRegistration => "Ander nummer in plaats van V-nummer (CRV- of IND-nummer)",
        ConflictWithin => "Zelfde V-nummer twee keer, met verschillende gegevens",
        ConflictAcross => "Zelfde V-nummer ook bij een ander steunpunt",
        IntakeBeforeBirth => "Instroom vóór de geboortedatum",
        AgeAtIntake => "Leeftijd bij instroom onder 18 of boven 35",
        OutflowBeforeIntake => "Uitstroom vóór instroom",
        OutflowButInCounselling => "Uitstroomdatum, maar resultaat 'In begeleiding'",
        EndedWithoutOutflow => "Resultaat zegt uitgestroomd, maar er is geen uitstroomdatum",
        FutureDate => "Datum na de peildatum",
        UnrecognisedValue => "Waarde niet herkend",
        NoSteunpunt => "Steunpunt onbekend",
        RepairedZero => "Voorloopnul van V-nummer hersteld",
        ExactDuplicate => "Dubbele rij samengevoegd",
        NotAPerson => "Rij zonder V-nummer en zonder naam (geen cliënt)",
    }
}

/// `bestand.xlsx, tabblad 'Registratie', rij 14`
pub fn location(at: &Provenance) -> String {
    at.full_text()
}

/// The Dutch text of a Table 3 rule that decided.
pub fn reason(r: &Reason) -> String {
    match r {
        Reason::SexDiffers { local, national } => format!("Geslacht verschilt ({local} / {national}): dit zijn verschillende personen."),
        Reason::NationalityExplains { nationality, country, why } => format!("Nationaliteit {nationality} verklaart het verschil met {country} ({why})."),
        Reason::Neighbours { country, nationality } => format!("{country} en {nationality} zijn buurlanden: verklaard verschil."),
        Reason::CountryUnexplained { country, nationality } => format!("{country} en {nationality} verschillen zonder verklaring (op zich geen reden om de koppeling af te wijzen)."),
        Reason::BirthUnderAYear { local, national } => format!("Geboortedatum {local} / {national}: minder dan een jaar verschil, de landelijke datum wordt gebruikt."),
        Reason::BirthNationalPlausible { local, national } => format!("Geboortedatum {local} / {national}: de landelijke datum is aannemelijk (minderjarig bij eerste registratie, meerderjarig bij instroom) en wordt gebruikt."),
        Reason::BirthLocalPlausible { local, national } => format!("Geboortedatum {local} / {national}: alleen de lokale datum is aannemelijk en wordt gebruikt."),
        Reason::BirthNeitherPlausible { local, national } => format!("Geboortedatum {local} / {national}: geen van beide datums is aannemelijk: verschillende personen."),
        Reason::BirthUnverifiable { local, national } => format!("Geboortedatum {local} / {national}: niet te controleren, want de datum van eerste registratie of van instroom ontbreekt. De koppeling blijft staan."),
        Reason::BirthPseudonymsDiffer => "Geboortedatum verschilt (pseudoniemen): zonder de datums zijn de regels van een jaar en van aannemelijkheid niet toe te passen. De koppeling blijft staan.".to_string(),
        Reason::BirthByKeys { outcome } => format!("Geboortedatum verschilt (vergeleken met de versleutelde datumtoetsen van de koppelbestanden): {}", match outcome {
            BirthCheck::UnderAYear => "minder dan een jaar verschil.",
            BirthCheck::NationalPlausible => "de landelijke datum is aannemelijk (minderjarig bij eerste registratie, meerderjarig bij instroom).",
            BirthCheck::LocalPlausible => "alleen de lokale datum is aannemelijk.",
            BirthCheck::Incompatible => "geen van beide datums is aannemelijk: verschillende personen.",
            _ => "niet te controleren, want de datum van eerste registratie of van instroom ontbreekt. De koppeling blijft staan.",
        }),
    }
}

/// The Dutch reasons of a fallback proposal.
pub fn evidence(e: &Evidence) -> String {
    let birth = match e.birth {
        BirthAgreement::Same => "geboortedatum gelijk",
        BirthAgreement::DayMonthSwapped => "dag en maand verwisseld",
        BirthAgreement::WithinAWeek => "geboortedatum binnen een week",
        BirthAgreement::SameYear => "zelfde geboortejaar",
        BirthAgreement::WithinAYear => "geboortedatum minder dan een jaar verschil",
        BirthAgreement::Different => "geboortedatum anders",
        BirthAgreement::SamePseudonym => "geboortedatum gelijk (pseudoniem)",
        BirthAgreement::SwappedPseudonym => "dag en maand verwisseld (pseudoniem)",
    };
    let sex = match e.same_sex {
        Some(true) => "geslacht gelijk",
        Some(false) => "geslacht anders",
        None => "geslacht onbekend",
    };
    format!(
        "naam {} / {} (gelijkenis {}); {birth}; {sex}",
        e.name,
        e.national_name,
        Locale::Nl.number(e.similarity, 2)
    )
}

/// The Dutch text of a date that is not one.
pub fn not_a_date(e: &NotADate) -> String {
    format!(
        "'{}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2011-04-01.",
        e.text
    )
}

/// Who set a measurement level, and why (SPSS's table for data from external files).
pub fn level_rule(rule: &crate::chaid::data::LevelRule) -> String {
    use crate::chaid::data::{AutoLevel, LevelRule};
    match rule {
        LevelRule::Dictionary => "gegevenswoordenboek".into(),
        LevelRule::User => "door u gekozen".into(),
        LevelRule::Automatic(a) => format!(
            "regel van SPSS: {}",
            match a {
                AutoLevel::Text => "tekst is nominaal".to_string(),
                AutoLevel::AllMissing => "alle waarden ontbreken".to_string(),
                AutoLevel::NotWhole => "een waarde is geen geheel getal".to_string(),
                AutoLevel::Negative => "een waarde is negatief".to_string(),
                AutoLevel::NoneBelow10000 => "geen waarde onder 10.000".to_string(),
                AutoLevel::ManyValues(n) => format!("{n} of meer verschillende waarden"),
                AutoLevel::NoneBelow10 => "geen waarde onder 10".to_string(),
                AutoLevel::FewValues(n) => format!("minder dan {n} verschillende gehele waarden, sommige onder 10"),
            }
        ),
    }
}

/// A number as typed, with a decimal comma (0,05; 100).
fn plain(x: f64) -> String {
    x.to_string().replace('.', ",")
}

/// The Dutch text of a node's path ("de wortel", "de knoop via communicatie_dtv tak 1 → …").
fn node_path(path: &[crate::chaid::edit::Step]) -> String {
    if path.is_empty() {
        return "de wortel".into();
    }
    let steps: Vec<String> = path
        .iter()
        .map(|s| format!("{} tak {}", s.split, s.branch + 1))
        .collect();
    format!("de knoop via {}", steps.join(" → "))
}

/// The Dutch text of an edit by hand as replayed: what it did, or why it was not applied.
pub fn tree_edit(outcome: &crate::chaid::edit::EditOutcome) -> String {
    use crate::chaid::edit::TreeEdit;
    let what = match &outcome.edit {
        TreeEdit::Split { predictor, .. } => format!("handmatig gesplitst op {predictor}"),
        TreeEdit::Regroup { predictor, groups, .. } => format!(
            "handmatig gesplitst op {predictor} in de groepen {}",
            groups.iter().map(|g| g.join("; ")).collect::<Vec<_>>().join(" | ")
        ),
        TreeEdit::Prune { .. } => "tak gesnoeid".into(),
        TreeEdit::Regrow { limits, .. } => format!(
            "opnieuw gegroeid met {} {} eronder, minimaal {} cliënten om te splitsen, {} per groep, alpha {}",
            limits.depth,
            if limits.depth == 1 { "niveau" } else { "niveaus" },
            plain(limits.min_parent),
            plain(limits.min_child),
            plain(limits.alpha_split)
        ),
    };
    match (&outcome.problem, outcome.node) {
        (None, Some(node)) => format!("Knoop {node}: {what}."),
        (Some(problem), _) => format!(
            "Niet toegepast ({what}, bij {}): {}.",
            node_path(outcome.edit.node()),
            edit_problem(problem)
        ),
        (None, None) => format!("{what}."),
    }
}

/// The Dutch text of why an edit by hand does not apply.
pub fn edit_problem(p: &crate::chaid::edit::EditProblem) -> String {
    use crate::chaid::edit::EditProblem as P;
    match p {
        P::NotSplit { node } => format!("knoop {node} is niet meer gesplitst"),
        P::SplitOn { node, expected, found } => format!("knoop {node} is nu gesplitst op {found}, niet op {expected}"),
        P::NoBranch { node, branch, branches } => {
            format!("knoop {node} heeft {branches} takken, geen tak {}", branch + 1)
        }
        P::UnknownPredictor { predictor } => format!("{predictor} is geen verklarende variabele van deze boom"),
        P::OneGroup { node, predictor } => {
            format!("{predictor} geeft in knoop {node} geen twee groepen met genoeg cliënten (minimum per groep)")
        }
        P::UnknownCategory {
            predictor, category, ..
        } => format!("{predictor} heeft geen categorie '{category}'"),
        P::Unplaced {
            node,
            predictor,
            category,
        } => format!(
            "categorie '{category}' van {predictor} komt in knoop {node} voor, maar staat in geen of in twee groepen"
        ),
        P::NotAdjacent { predictor, .. } => {
            format!("{predictor} heeft een volgorde; een groep mag geen categorie overslaan")
        }
        P::Terminal { node } => format!("knoop {node} heeft geen takken om te snoeien"),
        P::Limits { error } => chaid(error).trim_end_matches('.').to_string(),
    }
}

/// The Dutch text of a PMML file that cannot be read.
pub fn pmml(e: &crate::chaid::rules::pmml_read::PmmlError) -> String {
    use crate::chaid::rules::pmml_read::PmmlError as E;
    match e {
        E::NotXml { position, message } => format!("Dit PMML-bestand is geen geldige XML (bij byte {position}: {message}). Sla het model opnieuw op als PMML."),
        E::NoTreeModel => "Dit PMML-bestand bevat geen beslisboom (TreeModel). Kies het PMML-bestand van een boom.".into(),
        E::NoRootNode => "De beslisboom in dit PMML-bestand heeft geen knopen.".into(),
        E::MissingAttribute { element, attribute } => format!("In het PMML-bestand mist bij {element} het kenmerk '{attribute}'."),
        E::UnknownField { field } => format!("Het PMML-bestand gebruikt de variabele '{field}', maar noemt die niet in zijn DataDictionary."),
        E::Unsupported { element } => format!("Het PMML-bestand gebruikt {element}; dat kan Perspectief niet toepassen. Perspectief leest bomen met enkelvoudige, verzameling- en samengestelde voorwaarden."),
        E::BadNumber { element, value } => format!("In het PMML-bestand staat bij {element} '{value}', geen getal."),
        E::TooManyNodes { limit } => format!("Het PMML-bestand heeft meer dan {} knopen; zo'n grote boom leest Perspectief niet.", crate::locale::Locale::Nl.integer(*limit as u64)),
    }
}

/// The Dutch text of a tree that cannot be applied to a new wave.
pub fn wave(e: &crate::chaid::wave::WaveError) -> String {
    use crate::chaid::wave::WaveError as E;
    match e {
        E::NoTarget { target } => {
            format!("De nieuwe golf heeft geen kolom '{target}' met de uitkomst. Noem de kolom met --target.")
        }
        E::NotClasses => {
            "Dit model voorspelt een getal (een regressieboom); een nieuwe golf vergelijken kan alleen met categorieën."
                .into()
        }
        E::NoCases { target } => {
            format!("Geen enkele cliënt van de nieuwe golf heeft een uitkomst ({target}) die het model kent.")
        }
    }
}

/// The Dutch name of a bar of a proposal's waterfall.
pub fn waterfall_part(p: &crate::link::weights::Part) -> String {
    use crate::link::comparison::{BirthLevel as B, CountryLevel as C, NameLevel as N, SexLevel as S};
    use crate::link::weights::Part;
    match p {
        Part::Prior => "beginkans".into(),
        Part::Name(l) => format!(
            "naam {}",
            match l {
                N::Exact => "gelijk",
                N::VeryClose => "bijna gelijk (≥ 0,94)",
                N::Close => "lijkt sterk (≥ 0,88)",
                N::Alike => "lijkt (≥ 0,80)",
                N::Different => "anders",
                N::Missing => "onbekend",
            }
        ),
        Part::NameFrequency => "hoe vaak de naam voorkomt".into(),
        Part::Birth(l) => format!(
            "geboortedatum {}",
            match l {
                B::Exact => "gelijk",
                B::DayMonthSwapped => "dag en maand verwisseld",
                B::WithinAWeek => "binnen een week",
                B::WithinAYear => "binnen een jaar",
                B::Different => "anders",
                B::Missing => "onbekend",
            }
        ),
        Part::BirthFrequency => "hoe vaak de geboortedatum voorkomt".into(),
        Part::Sex(l) => format!(
            "geslacht {}",
            match l {
                S::Same => "gelijk",
                S::Different => "anders",
                S::Missing => "onbekend",
            }
        ),
        Part::Country(l) => format!(
            "land {}",
            match l {
                C::Same => "gelijk",
                C::Explained => "verklaard verschil",
                C::Unexplained => "anders",
                C::Missing => "onbekend",
            }
        ),
    }
}

fn interval_nl(i: &crate::link::estimate::Interval) -> String {
    let p = |x: f64| crate::locale::Locale::Nl.number(x * 100.0, 1);
    format!("{}% (95%-interval {}–{}%)", p(i.value), p(i.low), p(i.high))
}

/// The Dutch summary of the fallback's estimated error rates.
pub fn fallback_estimate(e: &crate::link::estimate::FallbackEstimate) -> String {
    use crate::link::estimate::Scoring;
    let nl = crate::locale::Locale::Nl;
    let how = match e.rests_on.scoring {
        Scoring::FellegiSunter => "Fellegi–Sunter",
        Scoring::Fixed => "vaste score",
    };
    let rates = match (&e.precision, &e.recall) {
        (Some(p), Some(r)) => format!(
            "precisie {} (het aandeel voorstellen dat echt dezelfde persoon is), recall {} (het aandeel echte paren dat wordt voorgesteld)",
            interval_nl(p),
            interval_nl(r)
        ),
        (_, Some(r)) => format!("in de proef kwam geen voorstel boven de drempel; recall {}", interval_nl(r)),
        _ => "niet te schatten".into(),
    };
    let now = match (&e.precision_now, &e.recall_now) {
        (Some(p), _) if e.proposals_now > 0 => {
            let n = e.proposals_now as f64;
            let mut text = format!(
                " Van de {} voorstellen nu zijn er naar verwachting {} juist (95%-voorspellingsinterval {}–{}).",
                e.proposals_now,
                (p.value * n).round(),
                (p.low * n).round(),
                (p.high * n).round()
            );
            if let Some(r) = e.recall_now {
                let t = e.true_pairs_now as f64;
                text.push_str(&format!(
                    " Van naar schatting {} echte paren onder de personen zonder bruikbaar V-nummer worden er {}–{} voorgesteld.",
                    e.true_pairs_now,
                    (r.low * t).round(),
                    (r.high * t).round()
                ));
            }
            text
        }
        _ => " Nu zijn er geen voorstellen boven de drempel.".into(),
    };
    format!(
        "Reserveprocedure ({how}) bij drempel {}: {rates}.{now}",
        nl.number(e.threshold, 2)
    )
}

/// What the Dutch estimate rests on.
pub fn fallback_rests_on(e: &crate::link::estimate::FallbackEstimate) -> String {
    let r = &e.rests_on;
    let nl = crate::locale::Locale::Nl;
    let u = if r.random_pairs > 0 {
        format!(
            " De u-kansen komen uit {} willekeurige paren.",
            nl.integer(r.random_pairs as u64)
        )
    } else {
        String::new()
    };
    format!(
        "Dit berust op {} koppelingen op V-nummer die de controles van tabel 3 verenigbaar vinden. Daarvan zijn er {} in {} delen \
         achtergehouden: hun V-nummers golden als ontbrekend, en de reserveprocedure zocht ze opnieuw met dezelfde blokken, \
         gewichten en één-op-één-toewijzing, zonder ze zelf te gebruiken om van te leren.{u} Het zaad van de trekking is {}. \
         Aanname: wie nu geen bruikbaar V-nummer heeft, lijkt op wie er een heeft. Wie het mist om een andere reden (een andere \
         schrijfwijze van de naam, een andere geboortedatum) wordt mogelijk slechter gevonden dan deze schatting zegt.",
        nl.integer(r.labelled_pairs as u64),
        nl.integer(r.held_out as u64),
        r.folds,
        r.seed
    )
}

/// The Dutch text of a [NationalError](crate::national::NationalError).
pub fn national(e: &crate::national::NationalError) -> String {
    use crate::national::file::fingerprint;
    use crate::national::NationalError as E;
    match e {
        E::NotJson { line, column, message } => format!("Dit is geen landelijk beeld van Perspectief: regel {line}, kolom {column} klopt niet ({message}). Kies het .json-bestand dat de onderzoeker met 'Landelijk beeld' maakte."),
        E::OtherFormat { found } if found.is_empty() => "Dit bestand is geen landelijk beeld van Perspectief: het veld 'format' ontbreekt. Kies het .json-bestand dat de onderzoeker met 'Landelijk beeld' maakte.".to_string(),
        E::OtherFormat { found } => format!("Dit landelijk beeld heeft vorm '{found}'; deze versie leest '{}'. Vraag de onderzoeker om een landelijk beeld in deze vorm.", crate::national::FORMAT),
        E::Altered { stored, computed } => format!("Het landelijk beeld is gewijzigd nadat het gemaakt werd: de controlesom klopt niet (in het bestand {}, berekend {}). Gebruik het niet en vraag de onderzoeker om het bestand opnieuw.", fingerprint(stored), fingerprint(computed)),
        E::Invalid { message } => format!("Het landelijk beeld is onvolledig of beschadigd ({message}). Vraag de onderzoeker om het bestand opnieuw."),
        E::MissingColumn { column } => format!("Het analysebestand heeft geen kolom '{column}'. Maak het analysebestand opnieuw met deze versie van Perspectief."),
        E::TooFewPersons { persons, threshold } => format!("Het analysebestand heeft {persons} personen, minder dan de drempel van {threshold}: er valt niets te publiceren."),
        E::TooFewElsewhere { steunpunt, threshold } => format!("Zonder {steunpunt} blijven minder dan {threshold} personen over: {steunpunt} zou hun aantal uit het landelijk beeld kunnen afleiden. Neem meer steunpunten op."),
        E::NoLocalPersons { files } if files.is_empty() => "Er is nog geen eigen registratie geladen.".to_string(),
        E::NoLocalPersons { files } => format!("In {} staat geen persoon (geen registratie, of geen rij met een V-nummer of naam). Laad de eigen registratie.", files.join(", ")),
        E::NoPeildatum => "Het analysebestand heeft geen kolom 'peildatum' (het is met een oudere versie van Perspectief gemaakt). Geef de peildatum op waarmee het gemaakt is (--peildatum JJJJ-MM-DD), of maak het analysebestand opnieuw.".to_string(),
        E::PeildatumUnreadable { row, value } => format!("Rij {row} van het analysebestand heeft in kolom 'peildatum' '{value}', geen datum. Maak het analysebestand opnieuw, of geef de peildatum op (--peildatum JJJJ-MM-DD) en maak de kolom leeg."),
        E::PeildatumVaries { first, row, other } => format!("Het analysebestand heeft twee peildata: {first}, en in rij {row} {other}. Eén analysebestand hoort bij één peildatum: maak het opnieuw."),
        E::PeildatumDiffers { in_file, given } => format!("Het analysebestand is gemaakt met peildatum {in_file}, maar --peildatum zegt {given}. De duur van de begeleiding in het bestand is tot {in_file} berekend: laat --peildatum weg, of maak het analysebestand opnieuw met peildatum {given}."),
        E::Threshold { threshold } => format!("Een drempel van {threshold} beschermt niets: kies 2 of meer (gewoonlijk 5)."),
    }
}

fn national_fingerprint(f: &str) -> String {
    format!("Vingerafdruk van dit landelijk beeld: {f}. Vergelijk die met de vingerafdruk die de onderzoeker bekendmaakte: de controlesom laat zien dat het bestand niet gewijzigd is, niet wie het maakte.")
}

fn national_summary(c: &crate::national::Comparison) -> String {
    let l = Locale::Nl;
    format!(
        "Landelijk: {} personen bij {} steunpunten, peildatum {}. Hier ({}): {} personen.",
        l.integer(c.national_persons),
        c.national_steunpunten,
        c.peildatum.dutch(),
        c.steunpunten.join(", "),
        c.local_persons.text(c.threshold, l)
    )
}

fn national_dimension(d: crate::national::Dimension) -> &'static str {
    use crate::national::Dimension as D;
    match d {
        D::Outcome => "Uitkomst",
        D::Age => "Leeftijd bij instroom (jaren)",
        D::Country => "Land van herkomst",
        D::Duration => "Duur van de begeleiding (maanden)",
        D::Intake => "Instroom per periode",
    }
}

fn national_tree(t: &crate::national::compare::TreeComparison) -> String {
    let share = t
        .national_class_percent
        .map_or_else(|| "onbekend".to_string(), |p| format!("{}%", Locale::Nl.number(p, 1)));
    format!(
        "Landelijke boom voor {} = {} (landelijk {share}): de knopen waar eigen personen in vallen",
        t.target, t.class
    )
}

fn national_most(r: &crate::national::compare::NodeRow, t: &crate::national::compare::TreeComparison) -> String {
    let share = r
        .national_class_percent
        .map_or_else(|| "onbekend".to_string(), |p| format!("{}%", Locale::Nl.number(p, 1)));
    format!(
        "De meeste eigen personen vallen in knoop {} ({}); landelijk is daar {} = {}: {share}.",
        r.node,
        crate::national::text::path(&r.path, Locale::Nl),
        t.target,
        t.class
    )
}

/// The words of the national comparison in Dutch.
pub const NATIONAL: crate::national::text::Words = crate::national::text::Words {
    title: "Landelijk beeld naast de eigen cijfers",
    fingerprint: national_fingerprint,
    summary: national_summary,
    dimension: national_dimension,
    headers: ["categorie", "hier n", "hier %", "landelijk n", "landelijk %"],
    nothing_crosses: "Er gaan geen gegevens van personen heen of terug: het landelijk beeld bevat alleen aantallen en percentages (kleine aantallen verborgen), en de eigen cijfers zijn op deze computer uit de eigen registratie berekend.",
    total: "Totaal",
    unmatched: "niet in het landelijk beeld",
    tree: national_tree,
    node_headers: ["knoop", "pad", "hier n", "hier %", "landelijk n", "landelijk % uitkomst"],
    most: national_most,
    stopped: "Hier stopt de boom voor sommige eigen personen: hun categorie komt bij de splitsing niet voor, dus hun eindknoop is niet te bepalen.",
    no_tree: "Dit landelijk beeld heeft geen boom: er kon geen boom gepubliceerd worden.",
    everyone: "iedereen",
    or: "of",
};
