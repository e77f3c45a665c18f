//! The engine's errors in English, for the English interface. Same data, same
//! advice as the Dutch (`nl.rs`); numbers written the English way.

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
    Locale::En.number(bytes as f64 / 1_048_576.0, 0)
}

/// The English text of a [ReadError].
pub fn read(e: &ReadError) -> String {
    match e {
        ReadError::Empty { file } => format!("{file}: the file is empty (0 bytes). Save it again from Excel and load it once more."),
        ReadError::TooLarge { file, bytes, limit } => format!(
            "{file}: the file is too large ({} MB; the limit is {} MB). Split the file, or save only the sheet with the registration as CSV.",
            mb(*bytes),
            mb(*limit)
        ),
        ReadError::TooLargeUnpacked { file, bytes, limit } => format!(
            "{file}: unpacked, this workbook is too large to read in the browser ({} MB; the limit is {} MB). Save only the sheet with the registration as CSV, or split the workbook.",
            if *bytes == u64::MAX { "more than 4,096".to_string() } else { mb(*bytes) },
            mb(*limit)
        ),
        ReadError::TooLargeSharedStrings { file, bytes, limit } => format!(
            "{file}: unpacked, the texts of this workbook are too large to read ({} MB; the limit is {} MB). Usually many long or repeated texts stand outside the data: save only the sheet with the registration as CSV, or delete the sheets you do not need.",
            if *bytes == u64::MAX { "more than 4,096".to_string() } else { mb(*bytes) },
            mb(*limit)
        ),
        ReadError::TooManyCells { file, sheet, cells, limit } => format!(
            "{file}, sheet '{sheet}': the sheet spans {} cells; the browser reads at most {} per file. Usually something stands far outside the data (in a far column, up to XFD, or in a repeated range): delete the empty rows and columns around the data and save the file again.",
            Locale::En.number(*cells as f64, 0),
            Locale::En.number(*limit as f64, 0)
        ),
        ReadError::TooManyColumns { file, line, columns, limit } => format!(
            "{file}: line {line} has {} columns; a worksheet has at most {} (up to column XFD). Check the file's delimiter, or save it again from Excel.",
            Locale::En.number(*columns as f64, 0),
            Locale::En.number(*limit as f64, 0)
        ),
        ReadError::TooManyRows { file, rows, limit } => format!(
            "{file}: the file has {} rows; the browser can read at most {} per file. Split the file (by year, for example) and load the parts together.",
            Locale::En.number(*rows as f64, 0),
            Locale::En.number(*limit as f64, 0)
        ),
        ReadError::Pdf { file } => format!("{file}: this is a PDF, not a spreadsheet. Use the original Excel or CSV file."),
        ReadError::PasswordProtected { file } => format!("{file}: the workbook is protected with a password. Open it in Excel, remove the password (File > Info > Protect Workbook) and save it again."),
        ReadError::CorruptWorkbook { file, damage } => format!("{file}: the workbook is damaged or not a real Excel file ({}). Open it in Excel and save it again as .xlsx.", damage_text(damage)),
        ReadError::NotText { file } => format!("{file}: this is not a spreadsheet or a text file. Use an .xlsx, .xls, .ods or .csv file."),
        ReadError::NoSheets { file } => format!("{file}: the workbook has no sheets with data."),
        ReadError::NoHeader { file } => format!("{file}: no header row with column names found (such as V-nummer, Naam, Geboortedatum). Put the column names in one row above the data."),
    }
}

/// The English text of a [ChaidError].
pub fn chaid(e: &ChaidError) -> String {
    match e {
        ChaidError::UnknownVariable(v) => format!("The variable `{v}` does not exist in the data. Check the name (capitals count)."),
        ChaidError::NoCases => "There are no usable cases: every row lacks the dependent variable, a valid weight or all predictors.".to_string(),
        ChaidError::NoPredictors => "Choose at least one predictor.".to_string(),
        ChaidError::WeightNotNumeric(v) => format!("The weight variable `{v}` holds no numbers. Choose a numeric column as the weight."),
        ChaidError::ScaleNotNumeric(v) => format!("`{v}` was chosen as a scale variable but holds text. Choose nominal or ordinal, or make the column numeric."),
        ChaidError::TooManyCategories(v) => format!("`{v}` has more than 65,000 different values. Is it an identification number? Leave this variable out."),
        ChaidError::InvalidParameter { name, value, expected } => {
            format!("Setting {name} = {value} is invalid: {}.", expected_text(expected))
        }
        ChaidError::UnknownTargetClass(c) => format!("The target category `{c}` does not occur in the dependent variable."),
    }
}

/// The English text of a [DescribeError].
pub fn describe(e: &DescribeError) -> String {
    match e {
        DescribeError::TooManyCategories { variable, categories } => format!(
            "'{variable}' has {categories} different values; a table can show at most {MAX_CATEGORIES}. Choose a histogram, or a variable with fewer values."
        ),
        DescribeError::NotNumeric { variable } => format!(
            "'{variable}' holds no numbers; a mean or a histogram needs a number (such as age or months of counselling)."
        ),
    }
}

/// The English text of an [AnonymiseError].
pub fn anonymise(e: &AnonymiseError) -> String {
    match e {
        AnonymiseError::UnknownColumn { column, role } => {
            format!(
                "The column '{column}' ({}) is not in the file. Choose columns that are.",
                setting_role(*role)
            )
        }
        AnonymiseError::BadK(k) => format!("k must be at least 2 (now {k})."),
        AnonymiseError::BadL(l) => format!("l must be at least 1 and not larger than k (now {l})."),
        AnonymiseError::BadT(t) => format!("t lies between 0 and 1 (now {t})."),
        AnonymiseError::BadSuppression(x) => format!("The share that may be suppressed lies between 0 and 1 (now {x})."),
        AnonymiseError::BadTopShare(x) => format!("The share that top and bottom coding cuts off lies between 0 and 0.5 (now {x})."),
        AnonymiseError::TooManyDimensions { dimensions, columns } => format!(
            "There are {dimensions} groups of quasi-identifiers to protect separately ({}); at most {MAX_DIMENSIONS} can be. Leave columns out or give them another role.",
            columns.join(", ")
        ),
        AnonymiseError::NotNumbers(c) => format!(
            "The column '{c}' holds no numbers: only counts can be top and bottom coded or put into bands."
        ),
        AnonymiseError::UnknownSteunpunt(s) => format!("The steunpunt '{s}' is not in the file. Choose a steunpunt that is."),
        AnonymiseError::Impossible { records, k, l } => format!(
            "With {records} records the file cannot become {k}-anonymous and {l}-diverse, not even with every quasi-identifier left out. Choose a smaller k or l, or fewer sensitive attributes."
        ),
        AnonymiseError::Write(e) => format!("The protected file could not be written: {e}"),
    }
}

/// The English text of a [ReceptError].
pub fn recept(e: &ReceptError) -> String {
    match e {
        ReceptError::NotJson { line, column, message } => format!(
            "This is not a Perspectief recept: line {line}, column {column} is wrong ({message}). Choose the .json file the app made with 'Save recept'."
        ),
        ReceptError::OtherFormat(found) => format!(
            "This recept has form '{found}'; this version reads '{FORMAT}'. Make the recept again with this version."
        ),
    }
}

/// The English text of a [LinkError].
pub fn link(e: &LinkError) -> String {
    match e {
        LinkError::NoNationalFile => "No national extract (DMB/IND) is loaded. Load the extract, or set the kind of the right file to 'National extract'.".to_string(),
    }
}

/// The English line of a frequency-attack self-test of a linkage file.
pub fn frequency_attack(t: &crate::link::attack::SelfTest) -> String {
    use crate::link::pseudonym::NameScheme;
    let (w, o) = (t.written(), t.other());
    format!(
        "Frequency-attack self-test: {} of {} name encodings re-identified ({}: {}); {} of {} birth dates re-identified",
        w.names_reidentified,
        w.names,
        match t.names {
            NameScheme::Hardened => "without hardening",
            NameScheme::Plain => "with hardening",
        },
        o.names_reidentified,
        w.birth_dates_reidentified,
        w.birth_dates
    )
}

/// The English text of a [SecretError].
pub fn secret(e: &SecretError) -> String {
    match e {
        SecretError::TooShort { chars } => format!(
            "The secret is too short ({chars} characters): use at least {MIN_SECRET_CHARS}, or have one made."
        ),
        SecretError::Guessable { words } => format!(
            "This secret is too easy to guess: it is {} with a number or a year. With a word list a computer finds such a secret quickly, however long it is. Have a secret made (recommended), or type a sentence of at least four words.",
            if *words <= 1 { "one word" } else { "a few words" }
        ),
    }
}

/// The English text of a [SessionError].
pub fn session(e: &SessionError) -> String {
    match e {
        SessionError::UnknownFile(i) => format!("File number {} is not loaded (any more). Load it again.", i + 1),
        SessionError::MissingBytes(name) => format!("{name} arrived without its contents. Drop the file here again."),
        SessionError::Recept(e) => recept(e),
        SessionError::NoRegistration => "No registration is loaded yet.".to_string(),
        SessionError::NoAnalysisFile => {
            "There is no analysis file yet: first load registrations in step 1.".to_string()
        }
        SessionError::Analysis(e) => analysis(e),
    }
}

fn expected_text(e: &Expected) -> String {
    match e {
        Expected::Probability => "choose a value between 0 and 1, such as 0.05".into(),
        Expected::NonNegative => "must be 0 or more".into(),
        Expected::NotAboveMinParent => "may not be larger than min-parent".into(),
        Expected::Range { from, to } => format!("choose {from} to {to}"),
        Expected::Convergence => format!(
            "an epsilon of at least {:e} and 1 to {} iterations",
            crate::chaid::params::MIN_EPSILON,
            crate::chaid::params::MAX_ITERATIONS
        ),
        Expected::Folds => "choose 2 or more, and not more than the number of cases".into(),
        Expected::CostsAndPriors { classes: 0 } => "costs and priors belong to a categorical dependent variable".into(),
        Expected::CostsAndPriors { classes } => format!("give costs as a table of {classes} by {classes} (0 or more, 0 on the diagonal) and priors as {classes} numbers of 0 or more, not all 0"),
    }
}

/// The English text of an [AnalysisError].
pub fn analysis(e: &AnalysisError) -> String {
    match e {
        AnalysisError::UnknownVariable { variable } => format!("The variable '{variable}' is not in the analysis file."),
        AnalysisError::NoPredictor => "Choose at least one predictor (beside the dependent).".into(),
        AnalysisError::NoSets => "This comparison needs the sets: load the file with the characteristics of the steunpunten (with the sheet 'sets', which holds the set \"Kenmerken ex-AMV's\").".into(),
        AnalysisError::EmptySample { training, test } => format!("This validation leaves {training} clients to grow the tree and {test} to test it; both are needed. Choose another percentage or other values for the test group."),
        AnalysisError::Chaid(e) => chaid(e),
        AnalysisError::Describe(e) => describe(e),
    }
}

fn setting_role(role: SettingRole) -> &'static str {
    match role {
        SettingRole::Sensitive => "sensitive attribute",
        SettingRole::Role => "role",
        SettingRole::Drop => "leave out",
        SettingRole::MaxLevel => "highest level",
        SettingRole::TopCode => "top and bottom coding or bands",
    }
}

/// A place in a file, the English way: `registratie.xlsx, sheet 'Registratie', row 14`.
fn place(at: &Provenance, with_file: bool) -> String {
    let row = if at.sheet.is_empty() {
        format!("row {}", at.row)
    } else {
        format!("sheet '{}', row {}", at.sheet, at.row)
    };
    if with_file {
        format!("{}, {row}", at.file)
    } else {
        row
    }
}

/// The English text of a check problem: what is wrong and what to do.
pub fn problem(d: &Detail) -> String {
    match d {
        Detail::NotAPerson { content } => format!("This row has neither a V-nummer nor a name and does not count as a client (content: \"{content}\"). If it is a total or a remark, there is nothing to do."),
        Detail::MissingVNummer => "The V-nummer is missing. Look it up in the file of the client and fill it in; without a V-nummer, linking is possible on name and birth date only.".to_string(),
        Detail::WrongLength { value, digits } => format!("'{value}' has {digits} digits; a V-nummer has 10. Check the number in the client's file."),
        Detail::FormulaError { value } => format!("'{value}' is an error value of an Excel formula, not a V-nummer: the formula refers to something that does not exist (any more). Put the V-nummer itself in the cell."),
        Detail::Scientific { value } => format!("'{value}' is a number in scientific notation: Excel threw away the last digits of the V-nummer. Set the column to 'Text' in Excel and copy the V-nummer from the client's file."),
        Detail::Letters { value } => format!("'{value}' holds characters that are not digits (such as the letter O instead of a zero). A V-nummer has 10 digits."),
        Detail::OtherRegistration { value } => format!("'{value}' looks like another registration number (CRV or IND number), not a V-nummer. Fill in the V-nummer of 10 digits."),
        Detail::RepairedZero { value } => format!("Excel had stored this V-nummer as a number and dropped the leading zero; read as {value}. Tip: format the column in Excel as Text."),
        Detail::NoSteunpunt { file } => format!("{file} does not show which steunpunt it belongs to: there is no Steunpunt column and the file name names no steunpunt. Choose the steunpunt, or put the steunpunt's name in the file name."),
        Detail::Unrecognised { value, field, count, rows } => format!(
            "'{value}' is not a known value for {field} ({count} {}, row {}). The value is kept but counts as 'not recognised' in tables. Use one of the fixed values, or map the value under Columns.",
            if *count == 1 { "time" } else { "times" },
            rows.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
        ),
        Detail::ExactDuplicate { same_as } => format!("This row is the same as {}; they were merged into one client.", place(same_as, false)),
        Detail::Conflict { others, decision } => format!(
            "This V-nummer is also in {} with other data. {} Check which data are right.",
            others.iter().map(|(at, sp)| format!("{} ({sp})", place(at, true))).collect::<Vec<_>>().join("; "),
            match decision {
                Decision::KeptAll => "Both rows now count as separate clients.",
                Decision::Kept => "This row was kept (the latest intake date).",
                Decision::LeftOut => "This row was not counted: the row with the latest intake date was kept.",
            }
        ),
        Detail::IntakeBeforeBirth { intake, birth } => format!("Intake {} is before the birth date {}. Check both dates.", intake.iso(), birth.iso()),
        Detail::AgeAtIntake { age, birth, intake } => format!("The age at intake is {age} (born {}, intake {}). Perspectief is for ex-AMVs of 18 and older; check the dates.", birth.iso(), intake.iso()),
        Detail::OutflowBeforeIntake { outflow, intake } => format!("Outflow {} is before intake {}. Check both dates.", outflow.iso(), intake.iso()),
        Detail::OutflowButInCounselling { outflow } => format!("There is an outflow date ({}), but the result is 'In begeleiding'. Fill in the right result, or remove the outflow date.", outflow.iso()),
        Detail::EndedWithoutOutflow { result } => format!("The result is '{result}', but there is no outflow date. Fill in the date of outflow."),
        Detail::FutureDate { field, date, peildatum } => format!(
            "The {} {} is after the reference date {}. Check the year.",
            match field {
                DateField::Birth => "birth date",
                DateField::Intake => "intake date",
                DateField::Outflow => "outflow date",
            },
            date.iso(),
            peildatum.iso()
        ),
    }
}

/// The English text of a reader's note.
pub fn note(n: &Note) -> String {
    let plural = |n: usize, one: &str, more: &str| format!("{n} {}", if n == 1 { one } else { more });
    match n {
        Note::Encoding { encoding } => format!("Read as {} (not UTF-8).", encoding.replace("zonder BOM", "without BOM")),
        Note::OpenQuote { lines, total } => format!(
            "{} with a quote (\") that is never closed: {}. Without a closing quote the rest of the file would end up in one cell; the quote was therefore read as an ordinary character. Check those lines.",
            if *total == 1 { "1 line starts a field".to_string() } else { format!("{total} lines start a field") },
            lines.iter().map(|l| format!("line {l}")).collect::<Vec<_>>().join(", ") + if *total > lines.len() { ", …" } else { "" }
        ),
        Note::InvalidUtf8 { lines, total } => format!(
            "Read as UTF-8, but {} invalid characters (shown as �): {}. Check those lines in the file; the others were read as usual.",
            if *total == 1 { "1 line holds".to_string() } else { format!("{total} lines hold") },
            lines.iter().map(|l| format!("line {l}")).collect::<Vec<_>>().join(", ") + if *total > lines.len() { ", …" } else { "" }
        ),
        Note::NulRemoved { count } => format!("{} left out: the file is damaged. Save it again from the program it came from and check the rows.", plural(*count, "NUL character", "NUL characters")),
        Note::OutsideExcel { sheet, cells } => format!("Sheet '{sheet}': {} beyond Excel's range (after row 1,048,576 or column XFD) skipped.", plural(*cells, "cell", "cells")),
        Note::SheetSkipped { sheet, damage } => format!("Sheet '{sheet}' cannot be read and was skipped ({}).", damage_text(damage)),
        Note::LineUnreadable { line, detail } => format!("Line {line} cannot be read: {detail}."),
        Note::MixedDelimiters { lines, delimiter, first } => format!(
            "Mixed delimiters: {} another delimiter than '{delimiter}' (line {}); they were read with their own delimiter. Check them, and save the file again with one delimiter.",
            if *lines == 1 { "1 line uses".to_string() } else { format!("{lines} lines use") },
            first.join(", ")
        ),
    }
}

fn damage_text(d: &Damage) -> String {
    match d {
        Damage::UnknownFormat => "the format cannot be recognised; the file may have been cut off while copying".into(),
        Damage::MissingSheet => "a sheet is missing from the file".into(),
        Damage::Xml => "the layout inside the file (XML) is damaged".into(),
        Damage::Zip => "the zip archive inside the file is damaged".into(),
        Damage::DuplicateEntry(name) => format!(
            "the zip archive inside the file holds the part '{name}' twice, so it cannot be told which one is real"
        ),
        Damage::CompoundFile => "the structure inside this old Excel file (.xls) is wrong: parts refer to each other in a loop or outside the file".into(),
        Damage::BinaryWorkbook => "the structure inside this binary Excel file (.xlsb) is wrong: parts are too short or refer to something that is not there".into(),
        Damage::Other(detail) => format!("technical message: {detail}"),
    }
}

/// The English group heading of a kind of check problem.
pub fn problem_title(kind: ProblemKind) -> &'static str {
    use ProblemKind::*;
    match kind {
        MissingVNummer => "V-nummer missing",
        WrongLength => "V-nummer does not have 10 digits",
        Letters => "V-nummer holds letters or other characters",
        OtherRegistration => "Another number instead of the V-nummer (CRV or IND number)",
        ConflictWithin => "Same V-nummer twice, with different data",
        ConflictAcross => "Same V-nummer at another steunpunt too",
        IntakeBeforeBirth => "Intake before the birth date",
        AgeAtIntake => "Age at intake below 18 or above 35",
        OutflowBeforeIntake => "Outflow before intake",
        OutflowButInCounselling => "Outflow date, but result 'In begeleiding'",
        EndedWithoutOutflow => "Result says outflow, but there is no outflow date",
        FutureDate => "Date after the reference date",
        UnrecognisedValue => "Value not recognised",
        NoSteunpunt => "Steunpunt unknown",
        RepairedZero => "Leading zero of the V-nummer repaired",
        ExactDuplicate => "Duplicate row merged",
        NotAPerson => "Row without V-nummer and without name (not a client)",
    }
}

/// `registratie.xlsx, sheet 'Registratie', row 14`
pub fn location(at: &Provenance) -> String {
    place(at, true)
}

/// The English text of a Table 3 rule that decided.
pub fn reason(r: &Reason) -> String {
    let l = |d: &crate::date::Date| d.iso();
    let n = l;
    match r {
        Reason::SexDiffers { local, national } => format!("Sex differs ({local} / {national}): these are different persons."),
        Reason::NationalityExplains { nationality, country, why } => format!("Nationality {nationality} explains the difference with {country} ({why})."),
        Reason::Neighbours { country, nationality } => format!("{country} and {nationality} are neighbouring countries: an explained difference."),
        Reason::CountryUnexplained { country, nationality } => format!("{country} and {nationality} differ without explanation (in itself no reason to reject the link)."),
        Reason::BirthUnderAYear { local, national } => format!("Birth date {} / {}: less than a year apart, the national date is used.", l(local), n(national)),
        Reason::BirthNationalPlausible { local, national } => format!("Birth date {} / {}: the national date is plausible (a minor at first registration, an adult at intake) and is used.", l(local), n(national)),
        Reason::BirthLocalPlausible { local, national } => format!("Birth date {} / {}: only the local date is plausible and is used.", l(local), n(national)),
        Reason::BirthNeitherPlausible { local, national } => format!("Birth date {} / {}: neither date is plausible: different persons.", l(local), n(national)),
        Reason::BirthUnverifiable { local, national } => format!("Birth date {} / {}: cannot be checked, because the date of first registration or of intake is missing. The link stays.", l(local), n(national)),
        Reason::BirthPseudonymsDiffer => "Birth date differs (pseudonyms): without the dates the one-year and plausibility rules cannot be applied. The link stays.".to_string(),
        Reason::BirthByKeys { outcome } => format!("Birth date differs (compared with the linkage files' keyed date tests): {}", match outcome {
            BirthCheck::UnderAYear => "less than a year apart.",
            BirthCheck::NationalPlausible => "the national date is plausible (a minor at first registration, an adult at intake).",
            BirthCheck::LocalPlausible => "only the local date is plausible.",
            BirthCheck::Incompatible => "neither date is plausible: different persons.",
            _ => "cannot be checked, because the date of first registration or of intake is missing. The link stays.",
        }),
    }
}

/// The English reasons of a fallback proposal.
pub fn evidence(e: &Evidence) -> String {
    let birth = match e.birth {
        BirthAgreement::Same => "same birth date",
        BirthAgreement::DayMonthSwapped => "day and month swapped",
        BirthAgreement::WithinAWeek => "birth date within a week",
        BirthAgreement::SameYear => "same birth year",
        BirthAgreement::WithinAYear => "birth dates less than a year apart",
        BirthAgreement::Different => "birth date differs",
        BirthAgreement::SamePseudonym => "same birth date (pseudonym)",
        BirthAgreement::SwappedPseudonym => "day and month swapped (pseudonym)",
    };
    let sex = match e.same_sex {
        Some(true) => "same sex",
        Some(false) => "sex differs",
        None => "sex unknown",
    };
    format!(
        "name {} / {} (similarity {}); {birth}; {sex}",
        e.name,
        e.national_name,
        Locale::En.number(e.similarity, 2)
    )
}

/// The English text of a date that is not one.
pub fn not_a_date(e: &NotADate) -> String {
    format!("'{}' is not a date; write YYYY-MM-DD, for example 2011-04-01.", e.text)
}

/// Who set a measurement level, and why (SPSS's table for data from external files).
pub fn level_rule(rule: &crate::chaid::data::LevelRule) -> String {
    use crate::chaid::data::{AutoLevel, LevelRule};
    match rule {
        LevelRule::Dictionary => "data dictionary".into(),
        LevelRule::User => "chosen by you".into(),
        LevelRule::Automatic(a) => format!(
            "SPSS's rule: {}",
            match a {
                AutoLevel::Text => "text is nominal".to_string(),
                AutoLevel::AllMissing => "every value is missing".to_string(),
                AutoLevel::NotWhole => "a value is not a whole number".to_string(),
                AutoLevel::Negative => "a value is negative".to_string(),
                AutoLevel::NoneBelow10000 => "no value below 10,000".to_string(),
                AutoLevel::ManyValues(n) => format!("{n} or more distinct values"),
                AutoLevel::NoneBelow10 => "no value below 10".to_string(),
                AutoLevel::FewValues(n) => format!("fewer than {n} distinct whole values, some below 10"),
            }
        ),
    }
}

/// The fixed words of the sheets the engine writes (names, headers, labels of title and
/// footer rows), Dutch → English; [`super::localize_sheet`] uses them for an English download.
pub const SHEET_WORDS: &[(&str, &str)] = &[
    ("Controle", "Check"),
    ("Frequenties", "Frequencies"),
    ("Kruistabel", "Crosstab"),
    ("Gemiddelden", "Means"),
    ("Boomtabel", "Tree table"),
    ("Classificatie", "Classification"),
    ("Winst", "Gains"),
    ("Totaal", "Total"),
    ("Gemiddelde", "Mean"),
    ("Std. afw.", "Std. dev."),
    ("Knoop", "Node"),
    ("Ouder", "Parent"),
    ("Waarden", "Values"),
    ("Splitsing", "Split"),
    ("Adj. P-waarde", "Adj. P-value"),
    ("Statistiek", "Statistic"),
    ("Waargenomen", "Observed"),
    ("Knoop %", "Node %"),
    ("Winst N", "Gain N"),
    ("Winst %", "Gain %"),
    ("Respons %", "Response %"),
    ("Variabele", "Variable"),
    ("Groepen", "Groups"),
    ("Risico", "Risk"),
    ("Std. fout", "Std. error"),
    ("Totaal juist %", "Overall correct %"),
    ("Chi-kwadraat", "Chi-square"),
    ("Chi-kwadraat (niet getoond: er zijn aantallen verborgen)", "Chi-square (not shown: counts are hidden)"),
    ("Niet meegeteld (ontbrekende waarde)", "Not counted (missing value)"),
    ("Risico: niet getoond (het zou een verborgen aantal verraden)", "Risk: not shown (it would give a hidden count away)"),
    ("Steunpunt", "Steunpunt"),
    ("Ernst", "Severity"),
    ("Soort", "Kind"),
    ("Bestand", "File"),
    ("Tabblad", "Sheet"),
    ("Rij", "Row"),
    ("Kolom", "Column"),
    ("Waarde", "Value"),
    ("Naam", "Name"),
    ("Toelichting", "Explanation"),
    ("Fout", "Error"),
    ("Waarschuwing", "Warning"),
    ("Melding", "Notice"),
    (
        "Alleen voor eigen gebruik binnen het steunpunt: dit overzicht bevat V-nummers en namen. Niet doorsturen.",
        "For use within the steunpunt only: this overview holds V-nummers and names. Do not pass it on.",
    ),
    (
        "Zonder V-nummers, namen en waarden: bestand, tabblad, rij en kolom wijzen de persoon aan in het eigen bestand van het steunpunt.",
        "Without V-nummers, names and values: file, sheet, row and column point to the person in the steunpunt's own file.",
    ),
];

/// Title-row labels that start a cell and are followed by data, Dutch → English.
pub const SHEET_PREFIXES: &[(&str, &str)] = &[
    ("Afhankelijke: ", "Dependent: "),
    ("Doelcategorie: ", "Target category: "),
    ("Peildatum: ", "Reference date: "),
];

/// The English text of a node's path ("the root", "the node via communicatie_dtv branch 1 → …").
fn node_path(path: &[crate::chaid::edit::Step]) -> String {
    if path.is_empty() {
        return "the root".into();
    }
    let steps: Vec<String> = path
        .iter()
        .map(|s| format!("{} branch {}", s.split, s.branch + 1))
        .collect();
    format!("the node via {}", steps.join(" → "))
}

/// The English text of an edit by hand as replayed: what it did, or why it was not applied.
pub fn tree_edit(outcome: &crate::chaid::edit::EditOutcome) -> String {
    use crate::chaid::edit::TreeEdit;
    let what = match &outcome.edit {
        TreeEdit::Split { predictor, .. } => format!("split by hand on {predictor}"),
        TreeEdit::Regroup { predictor, groups, .. } => format!(
            "split by hand on {predictor} into the groups {}",
            groups.iter().map(|g| g.join("; ")).collect::<Vec<_>>().join(" | ")
        ),
        TreeEdit::Prune { .. } => "branch pruned".into(),
        TreeEdit::Regrow { limits, .. } => format!(
            "regrown with {} {} below, at least {} clients to split, {} per group, alpha {}",
            limits.depth,
            if limits.depth == 1 { "level" } else { "levels" },
            limits.min_parent,
            limits.min_child,
            limits.alpha_split
        ),
    };
    match (&outcome.problem, outcome.node) {
        (None, Some(node)) => format!("Node {node}: {what}."),
        (Some(problem), _) => format!(
            "Not applied ({what}, at {}): {}.",
            node_path(outcome.edit.node()),
            edit_problem(problem)
        ),
        (None, None) => format!("{what}."),
    }
}

/// The English text of why an edit by hand does not apply.
pub fn edit_problem(p: &crate::chaid::edit::EditProblem) -> String {
    use crate::chaid::edit::EditProblem as P;
    match p {
        P::NotSplit { node } => format!("node {node} is no longer split"),
        P::SplitOn { node, expected, found } => format!("node {node} is now split on {found}, not on {expected}"),
        P::NoBranch { node, branch, branches } => {
            format!("node {node} has {branches} branches, no branch {}", branch + 1)
        }
        P::UnknownPredictor { predictor } => format!("{predictor} is not a predictor of this tree"),
        P::OneGroup { node, predictor } => {
            format!("{predictor} does not give two groups with enough clients in node {node} (minimum per group)")
        }
        P::UnknownCategory {
            predictor, category, ..
        } => format!("{predictor} has no category '{category}'"),
        P::Unplaced {
            node,
            predictor,
            category,
        } => format!("category '{category}' of {predictor} occurs in node {node} but is in no group or in two"),
        P::NotAdjacent { predictor, .. } => format!("{predictor} is ordered; a group cannot skip a category"),
        P::Terminal { node } => format!("node {node} has no branches to prune"),
        P::Limits { error } => chaid(error).trim_end_matches('.').to_string(),
    }
}

/// The English text of a PMML file that cannot be read.
pub fn pmml(e: &crate::chaid::rules::pmml_read::PmmlError) -> String {
    use crate::chaid::rules::pmml_read::PmmlError as E;
    match e {
        E::NotXml { position, message } => format!("This PMML file is not valid XML (at byte {position}: {message}). Save the model as PMML again."),
        E::NoTreeModel => "This PMML file holds no decision tree (TreeModel). Choose the PMML file of a tree.".into(),
        E::NoRootNode => "The decision tree in this PMML file has no nodes.".into(),
        E::MissingAttribute { element, attribute } => format!("In the PMML file, {element} lacks the attribute '{attribute}'."),
        E::UnknownField { field } => format!("The PMML file uses the variable '{field}' but does not name it in its DataDictionary."),
        E::Unsupported { element } => format!("The PMML file uses {element}; Perspectief cannot apply that. Perspectief reads trees with simple, set and compound predicates."),
        E::BadNumber { element, value } => format!("In the PMML file, {element} has '{value}', not a number."),
        E::TooManyNodes { limit } => format!("The PMML file has more than {} nodes; Perspectief does not read a tree that large.", crate::locale::Locale::En.integer(*limit as u64)),
    }
}

/// The English text of a tree that cannot be applied to a new wave.
pub fn wave(e: &crate::chaid::wave::WaveError) -> String {
    use crate::chaid::wave::WaveError as E;
    match e {
        E::NoTarget { target } => {
            format!("The new wave has no column '{target}' with the outcome. Name the column with --target.")
        }
        E::NotClasses => {
            "This model predicts a number (a regression tree); a new wave can only be compared with categories.".into()
        }
        E::NoCases { target } => format!("No client of the new wave has an outcome ({target}) the model knows."),
    }
}

/// The English name of a bar of a proposal's waterfall.
pub fn waterfall_part(p: &crate::link::weights::Part) -> String {
    use crate::link::comparison::{BirthLevel as B, CountryLevel as C, NameLevel as N, SexLevel as S};
    use crate::link::weights::Part;
    match p {
        Part::Prior => "prior odds".into(),
        Part::Name(l) => format!(
            "name {}",
            match l {
                N::Exact => "the same",
                N::VeryClose => "nearly the same (≥ 0.94)",
                N::Close => "very alike (≥ 0.88)",
                N::Alike => "alike (≥ 0.80)",
                N::Different => "different",
                N::Missing => "unknown",
            }
        ),
        Part::NameFrequency => "how common the name is".into(),
        Part::Birth(l) => format!(
            "birth date {}",
            match l {
                B::Exact => "the same",
                B::DayMonthSwapped => "day and month swapped",
                B::WithinAWeek => "within a week",
                B::WithinAYear => "within a year",
                B::Different => "different",
                B::Missing => "unknown",
            }
        ),
        Part::BirthFrequency => "how common the birth date is".into(),
        Part::Sex(l) => format!(
            "sex {}",
            match l {
                S::Same => "the same",
                S::Different => "different",
                S::Missing => "unknown",
            }
        ),
        Part::Country(l) => format!(
            "country {}",
            match l {
                C::Same => "the same",
                C::Explained => "explained difference",
                C::Unexplained => "different",
                C::Missing => "unknown",
            }
        ),
    }
}

fn interval_en(i: &crate::link::estimate::Interval) -> String {
    let p = |x: f64| crate::locale::Locale::En.number(x * 100.0, 1);
    format!("{}% (95% interval {}–{}%)", p(i.value), p(i.low), p(i.high))
}

/// The English summary of the fallback's estimated error rates.
pub fn fallback_estimate(e: &crate::link::estimate::FallbackEstimate) -> String {
    use crate::link::estimate::Scoring;
    let en = crate::locale::Locale::En;
    let how = match e.rests_on.scoring {
        Scoring::FellegiSunter => "Fellegi–Sunter",
        Scoring::Fixed => "fixed score",
    };
    let rates = match (&e.precision, &e.recall) {
        (Some(p), Some(r)) => format!(
            "precision {} (the share of proposals that are truly the same person), recall {} (the share of true pairs that are proposed)",
            interval_en(p),
            interval_en(r)
        ),
        (_, Some(r)) => format!("the trial proposed nothing above the threshold; recall {}", interval_en(r)),
        _ => "cannot be estimated".into(),
    };
    let now = match (&e.precision_now, &e.recall_now) {
        (Some(p), _) if e.proposals_now > 0 => {
            let n = e.proposals_now as f64;
            let mut text = format!(
                " Of the {} proposals now, {} are expected to be right (95% prediction interval {}–{}).",
                e.proposals_now,
                (p.value * n).round(),
                (p.low * n).round(),
                (p.high * n).round()
            );
            if let Some(r) = e.recall_now {
                let t = e.true_pairs_now as f64;
                text.push_str(&format!(
                    " Of an estimated {} true pairs among the persons without a usable V-nummer, {}–{} are proposed.",
                    e.true_pairs_now,
                    (r.low * t).round(),
                    (r.high * t).round()
                ));
            }
            text
        }
        _ => " There are no proposals above the threshold now.".into(),
    };
    format!(
        "Fallback ({how}) at threshold {}: {rates}.{now}",
        en.number(e.threshold, 2)
    )
}

/// What the English estimate rests on.
pub fn fallback_rests_on(e: &crate::link::estimate::FallbackEstimate) -> String {
    let r = &e.rests_on;
    let en = crate::locale::Locale::En;
    let u = if r.random_pairs > 0 {
        format!(
            " The u-probabilities come from {} random pairs.",
            en.integer(r.random_pairs as u64)
        )
    } else {
        String::new()
    };
    format!(
        "This rests on {} links on the V-nummer that Table 3's checks find compatible. Of those, {} were held out in {} folds: \
         their V-nummers were treated as missing, and the fallback searched for them again with the same blocks, weights and \
         one-to-one assignment, without learning from them.{u} The seed of the draw is {}. Assumption: persons without a usable \
         V-nummer now resemble those with one. Someone who lacks it for another reason (another spelling of the name, another \
         birth date) may be found less well than this estimate says.",
        en.integer(r.labelled_pairs as u64),
        en.integer(r.held_out as u64),
        r.folds,
        r.seed
    )
}

/// The English text of a [NationalError](crate::national::NationalError).
pub fn national(e: &crate::national::NationalError) -> String {
    use crate::national::file::fingerprint;
    use crate::national::NationalError as E;
    match e {
        E::NotJson { line, column, message } => format!("This is not a Perspectief national figures file: line {line}, column {column} is wrong ({message}). Choose the .json file the researcher made with 'National figures'."),
        E::OtherFormat { found } if found.is_empty() => "This is not a Perspectief national figures file: its 'format' field is missing. Choose the .json file the researcher made with 'National figures'.".to_string(),
        E::OtherFormat { found } => format!("These national figures have form '{found}'; this version reads '{}'. Ask the researcher for national figures in this form.", crate::national::FORMAT),
        E::Altered { stored, computed } => format!("The national figures were altered after they were made: the checksum does not match (in the file {}, computed {}). Do not use them; ask the researcher for the file again.", fingerprint(stored), fingerprint(computed)),
        E::Invalid { message } => format!("The national figures are incomplete or damaged ({message}). Ask the researcher for the file again."),
        E::MissingColumn { column } => format!("The analysis file has no column '{column}'. Make the analysis file again with this version of Perspectief."),
        E::TooFewPersons { persons, threshold } => format!("The analysis file has {persons} persons, fewer than the threshold of {threshold}: there is nothing to publish."),
        E::TooFewElsewhere { steunpunt, threshold } => format!("Without {steunpunt} fewer than {threshold} persons remain: {steunpunt} could work out their number from the national figures. Include more steunpunten."),
        E::NoLocalPersons { files } if files.is_empty() => "No own registration has been loaded yet.".to_string(),
        E::NoLocalPersons { files } => format!("{} holds no person (no registration, or no row with a V-nummer or name). Load the own registration.", files.join(", ")),
        E::NoPeildatum => "The analysis file has no column 'peildatum' (an older version of Perspectief made it). Give the peildatum it was made with (--peildatum YYYY-MM-DD), or make the analysis file again.".to_string(),
        E::PeildatumUnreadable { row, value } => format!("Row {row} of the analysis file has '{value}' in column 'peildatum', which is not a date. Make the analysis file again, or give the peildatum (--peildatum YYYY-MM-DD) and empty the column."),
        E::PeildatumVaries { first, row, other } => format!("The analysis file has two values of peildatum: {first}, and in row {row} {other}. One analysis file belongs to one peildatum: make it again."),
        E::PeildatumDiffers { in_file, given } => format!("The analysis file was made with peildatum {in_file}, but --peildatum says {given}. The durations of guidance in the file were computed up to {in_file}: leave out --peildatum, or make the analysis file again with peildatum {given}."),
        E::Threshold { threshold } => format!("A threshold of {threshold} protects nothing: choose 2 or more (usually 5)."),
    }
}

fn national_fingerprint(f: &str) -> String {
    format!("Fingerprint of these national figures: {f}. Compare it with the fingerprint the researcher announced: the checksum shows that the file was not altered, not who made it.")
}

fn national_summary(c: &crate::national::Comparison) -> String {
    let l = Locale::En;
    format!(
        "National: {} persons at {} steunpunten, reference date {}. Here ({}): {} persons.",
        l.integer(c.national_persons),
        c.national_steunpunten,
        c.peildatum.iso(),
        c.steunpunten.join(", "),
        c.local_persons.text(c.threshold, l)
    )
}

fn national_dimension(d: crate::national::Dimension) -> &'static str {
    use crate::national::Dimension as D;
    match d {
        D::Outcome => "Outcome",
        D::Age => "Age at intake (years)",
        D::Country => "Country of origin",
        D::Duration => "Duration of guidance (months)",
        D::Intake => "Intake per period",
    }
}

fn national_tree(t: &crate::national::compare::TreeComparison) -> String {
    let share = t
        .national_class_percent
        .map_or_else(|| "unknown".to_string(), |p| format!("{}%", Locale::En.number(p, 1)));
    format!(
        "National tree for {} = {} (nationally {share}): the nodes own persons fall in",
        t.target, t.class
    )
}

fn national_most(r: &crate::national::compare::NodeRow, t: &crate::national::compare::TreeComparison) -> String {
    let share = r
        .national_class_percent
        .map_or_else(|| "unknown".to_string(), |p| format!("{}%", Locale::En.number(p, 1)));
    format!(
        "Most own persons fall in node {} ({}); nationally {} = {} there: {share}.",
        r.node,
        crate::national::text::path(&r.path, Locale::En),
        t.target,
        t.class
    )
}

/// The words of the national comparison in English.
pub const NATIONAL: crate::national::text::Words = crate::national::text::Words {
    title: "National figures beside the own figures",
    fingerprint: national_fingerprint,
    summary: national_summary,
    dimension: national_dimension,
    headers: ["category", "here n", "here %", "national n", "national %"],
    nothing_crosses: "No data about persons travels either way: the national figures hold only counts and percentages (small counts hidden), and the own figures were computed on this computer from the own registration.",
    total: "Total",
    unmatched: "not in the national figures",
    tree: national_tree,
    node_headers: ["node", "path", "here n", "here %", "national n", "national % outcome"],
    most: national_most,
    stopped: "The tree stops here for some own persons: their category does not occur at the split, so their terminal node cannot be determined.",
    no_tree: "These national figures have no tree: none could be published.",
    everyone: "everyone",
    or: "or",
};
