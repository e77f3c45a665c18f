//! Writing the synthetic population into the files steunpunten and the
//! ministry would send: each steunpunt keeps its list its own way.

use crate::date::Date;
use crate::table::{Cell, Sheet};
use crate::write::csv::{self as csvw, CsvStyle, DateText, Encoding};

use super::figures::STEUNPUNTEN;
use super::population::{NationalRecord, Person, Planted, PlantedKind, Population, Sex, YesNo};

/// How a date column is stored.
#[derive(Clone, Copy)]
enum Dates {
    /// A real spreadsheet date.
    Real,
    /// The serial number, without a date format (it shows as 40087).
    Serial,
    Text(DateText),
}

#[derive(Clone, Copy)]
enum Format {
    Xlsx,
    Csv(CsvStyle),
}

/// Column headers as three kinds of steunpunt write them (all synonyms from the data dictionary).
#[derive(Clone, Copy)]
enum Headers {
    A,
    B,
    C,
}

#[derive(Clone, Copy)]
enum Values {
    /// M/V, ja/nee/onbekend, canonical results.
    Plain,
    /// man/vrouw, j/n/?, synonyms of the results.
    Words,
    /// jongen/meisje, 1/0/nb.
    Codes,
}

struct Style {
    file_name: &'static str,
    format: Format,
    dates: Dates,
    headers: Headers,
    values: Values,
    title: Option<&'static str>,
    steunpunt_column: bool,
    split_name: bool,
    /// V-nummers typed into number cells: a leading zero is lost.
    numeric_v_nummer: bool,
    /// Current and former clients on two sheets.
    two_sheets: bool,
    /// A totals or remarks line below the data.
    footer: Option<&'static str>,
    hours_column: bool,
}

const fn csv(delimiter: u8, dates: DateText, encoding: Encoding) -> Format {
    Format::Csv(CsvStyle {
        delimiter,
        decimal_comma: delimiter != b',',
        dates,
        encoding,
    })
}

const BASE: Style = Style {
    file_name: "",
    format: Format::Xlsx,
    dates: Dates::Real,
    headers: Headers::A,
    values: Values::Plain,
    title: None,
    steunpunt_column: false,
    split_name: false,
    numeric_v_nummer: false,
    two_sheets: false,
    footer: None,
    hours_column: false,
};

/// One style per steunpunt, in the order of `STEUNPUNTEN`.
const STYLES: [Style; 20] = [
    Style {
        file_name: "Alkmaar deelnemers Perspectief.xlsx",
        title: Some("Deelnemers Perspectief Alkmaar"),
        footer: Some("Totaal"),
        ..BASE
    },
    Style {
        file_name: "almelo.csv",
        format: csv(b';', DateText::DutchPadded, Encoding::Utf8),
        headers: Headers::B,
        dates: Dates::Text(DateText::DutchPadded),
        ..BASE
    },
    Style {
        file_name: "registratie_amsterdam_2010.xlsx",
        steunpunt_column: true,
        split_name: true,
        numeric_v_nummer: true,
        two_sheets: true,
        values: Values::Words,
        ..BASE
    },
    Style {
        file_name: "Arnhem_clienten.csv",
        format: csv(b';', DateText::MonthShort, Encoding::Windows1252),
        dates: Dates::Text(DateText::MonthShort),
        hours_column: true,
        ..BASE
    },
    Style {
        file_name: "den_haag_deelnemers.xlsx",
        title: Some("Steunpunt Perspectief Den Haag - overzicht cliënten"),
        headers: Headers::C,
        dates: Dates::Serial,
        ..BASE
    },
    Style {
        file_name: "deventer.csv",
        format: csv(b',', DateText::Iso, Encoding::Utf8Bom),
        dates: Dates::Text(DateText::Iso),
        headers: Headers::B,
        values: Values::Codes,
        ..BASE
    },
    Style {
        file_name: "Drachten.xlsx",
        values: Values::Words,
        ..BASE
    },
    Style {
        file_name: "eindhoven-registratie.txt",
        format: csv(b'\t', DateText::Slash, Encoding::Utf8),
        dates: Dates::Text(DateText::Slash),
        headers: Headers::C,
        ..BASE
    },
    Style {
        file_name: "Steunpunt Enschede.xlsx",
        footer: Some("Opmerking: contacten geteld vanaf 1-10-2009"),
        headers: Headers::B,
        ..BASE
    },
    Style {
        file_name: "groningen.csv",
        format: csv(b';', DateText::MonthLong, Encoding::Utf8Bom),
        dates: Dates::Text(DateText::MonthLong),
        split_name: true,
        hours_column: true,
        ..BASE
    },
    Style {
        file_name: "haarlem.xlsx",
        dates: Dates::Text(DateText::Dutch),
        values: Values::Codes,
        ..BASE
    },
    Style {
        file_name: "hengelo.csv",
        format: csv(b';', DateText::MonthShortDashed, Encoding::Utf8),
        dates: Dates::Text(DateText::MonthShortDashed),
        headers: Headers::C,
        values: Values::Words,
        ..BASE
    },
    Style {
        file_name: "Leeuwarden registratie.xlsx",
        title: Some("Registratie ex-AMV's Leeuwarden"),
        headers: Headers::C,
        ..BASE
    },
    Style {
        file_name: "maastricht.csv",
        format: csv(b';', DateText::DutchPadded, Encoding::Windows1252),
        dates: Dates::Text(DateText::DutchPadded),
        ..BASE
    },
    Style {
        file_name: "nijmegen.xlsx",
        headers: Headers::B,
        split_name: true,
        ..BASE
    },
    Style {
        file_name: "export_clientsysteem.xlsx",
        steunpunt_column: true,
        values: Values::Words,
        footer: Some("Totaal"),
        ..BASE
    },
    Style {
        file_name: "tilburg.csv",
        format: csv(b';', DateText::Dutch, Encoding::Utf8),
        dates: Dates::Text(DateText::Dutch),
        values: Values::Codes,
        hours_column: true,
        ..BASE
    },
    Style {
        file_name: "Utrecht.xlsx",
        title: Some("Perspectief Utrecht"),
        numeric_v_nummer: true,
        headers: Headers::C,
        ..BASE
    },
    Style {
        file_name: "zaandam.csv",
        format: csv(b',', DateText::DutchPadded, Encoding::Utf8),
        dates: Dates::Text(DateText::DutchPadded),
        headers: Headers::B,
        ..BASE
    },
    Style {
        file_name: "zwolle.xlsx",
        values: Values::Words,
        ..BASE
    },
];

const HEADERS_A: [&str; 15] = [
    "V-nummer",
    "Naam",
    "Geslacht",
    "Geboortedatum",
    "Land van herkomst",
    "Datum instroom",
    "Datum uitstroom",
    "Resultaat",
    "Aantal cliëntcontacten",
    "Onder behandeling arts",
    "Psychiatrische diagnose",
    "Kinderen in NL",
    "Ingezet traject",
    "Beëindigd door",
    "Vastlopend dossier",
];
const HEADERS_B: [&str; 15] = [
    "vnr",
    "naam",
    "sekse",
    "geb. datum",
    "herkomstland",
    "startdatum",
    "einddatum",
    "uitkomst",
    "contacten",
    "behandeling arts",
    "psychiatrie",
    "kinderen",
    "traject",
    "gestopt door",
    "vastgelopen",
];
const HEADERS_C: [&str; 15] = [
    "V-Nummer ",
    "Volledige naam",
    "Geslacht",
    "Geboren",
    "Land",
    "Start begeleiding",
    "Einde begeleiding",
    "Uitstroomreden",
    "Aantal contacten",
    "Lichamelijke klachten",
    "Psych. diagnose",
    "Kinderen",
    "Traject",
    "Beëindiging door",
    "Vastlopend",
];

fn header(style: &Style) -> Vec<String> {
    let names = match style.headers {
        Headers::A => HEADERS_A,
        Headers::B => HEADERS_B,
        Headers::C => HEADERS_C,
    };
    let mut h: Vec<String> = Vec::new();
    if style.steunpunt_column {
        h.push("Steunpunt".into());
    }
    for (i, name) in names.iter().enumerate() {
        if i == 1 && style.split_name {
            h.push("Voornaam".into());
            h.push("Achternaam".into());
        } else {
            h.push(name.to_string());
        }
    }
    if style.hours_column {
        h.push("Uren begeleiding".into());
    }
    h
}

fn date_cell(style: &Style, d: Option<Date>) -> Cell {
    match d {
        None => Cell::Empty,
        Some(d) => match style.dates {
            Dates::Real => Cell::Date(d),
            Dates::Serial => Cell::Number(d.excel_serial()),
            Dates::Text(t) => Cell::text(t.format(d)),
        },
    }
}

fn yes_no(values: Values, v: YesNo) -> &'static str {
    match (values, v) {
        (Values::Plain, YesNo::Ja) => "ja",
        (Values::Plain, YesNo::Nee) => "nee",
        (Values::Plain, YesNo::Onbekend) => "onbekend",
        (Values::Words, YesNo::Ja) => "j",
        (Values::Words, YesNo::Nee) => "n",
        (Values::Words, YesNo::Onbekend) => "?",
        (Values::Codes, YesNo::Ja) => "1",
        (Values::Codes, YesNo::Nee) => "0",
        (Values::Codes, YesNo::Onbekend) => "nb",
    }
}

fn resultaat(values: Values, r: &str) -> &'static str {
    match (values, r) {
        (_, "In begeleiding") => "In begeleiding",
        (Values::Words, "Verblijfsvergunning") => "vergunning",
        (Values::Words, "Terugkeer") => "teruggekeerd",
        (Values::Words, "MOB") => "met onbekende bestemming vertrokken",
        (Values::Words, "Doormigratie") => "doorgemigreerd",
        (Values::Words, "Overig") => "anders",
        (_, "Verblijfsvergunning") => "Verblijfsvergunning",
        (_, "Terugkeer") => "Terugkeer",
        (_, "MOB") => "MOB",
        (_, "Doormigratie") => "Doormigratie",
        _ => "Overig",
    }
}

fn row(style: &Style, p: &Person) -> Vec<Cell> {
    let mut r = Vec::with_capacity(18);
    if style.steunpunt_column {
        r.push(Cell::text(STEUNPUNTEN[p.steunpunt].name));
    }
    let numeric = style.numeric_v_nummer && !p.v_nummer.is_empty() && p.v_nummer.bytes().all(|b| b.is_ascii_digit());
    r.push(if numeric {
        Cell::Number(p.v_nummer.parse::<f64>().expect("digits"))
    } else {
        Cell::text(p.v_nummer.as_str())
    });
    if style.split_name {
        r.push(Cell::text(p.voornaam.as_str()));
        r.push(Cell::text(p.achternaam.as_str()));
    } else {
        r.push(Cell::text(format!("{} {}", p.voornaam, p.achternaam)));
    }
    let sex = match (style.values, p.sex) {
        (Values::Plain, Sex::M) => "M",
        (Values::Plain, Sex::V) => "V",
        (Values::Words, Sex::M) => "man",
        (Values::Words, Sex::V) => "vrouw",
        (Values::Codes, Sex::M) => "jongen",
        (Values::Codes, Sex::V) => "meisje",
    };
    r.push(Cell::text(sex));
    r.push(date_cell(style, Some(p.birth)));
    r.push(Cell::text(p.country));
    r.push(date_cell(style, Some(p.instroom)));
    r.push(date_cell(style, p.uitstroom));
    r.push(Cell::text(resultaat(style.values, p.resultaat)));
    r.push(p.contacten.map_or(Cell::Empty, |n| Cell::Number(f64::from(n))));
    r.push(Cell::text(yes_no(style.values, p.arts)));
    r.push(Cell::text(yes_no(style.values, p.psychiatrie)));
    r.push(Cell::text(if p.kinderen == 0 { "nee" } else { "ja" }));
    r.push(p.traject.map_or(Cell::Empty, Cell::text));
    r.push(p.beeindigd_door.map_or(Cell::Empty, Cell::text));
    r.push(Cell::text(if p.vastlopend { "ja" } else { "nee" }));
    if style.hours_column {
        r.push(Cell::Number(p.uren));
    }
    r
}

/// A file produced by the demo generator.
#[derive(Debug, Clone)]
pub struct DemoFile {
    pub name: String,
    pub kind: crate::kind::FileKind,
    pub bytes: Vec<u8>,
    /// Data rows written (persons and duplicate rows; not titles or footers).
    pub rows: usize,
}

const SYNTHETIC: &str = "Synthetische voorbeeldgegevens (geen echte personen) - gemaakt door Perspectief";

fn encode(style: &Style, sheets: Vec<Sheet>, created: Date) -> Vec<u8> {
    match style.format {
        Format::Xlsx => crate::write::xlsx::write(&sheets, created, crate::locale::Locale::Nl).expect("demo workbook"),
        Format::Csv(csv_style) => csvw::write(&sheets[0], csv_style),
    }
}

/// The registration files, one per steunpunt; extra planted entries (lost zeros) are appended to `planted`.
pub fn registrations(pop: &Population, created: Date, planted: &mut Vec<Planted>) -> Vec<DemoFile> {
    let (dup_person, dup_steunpunt) = pop.conflicting_duplicate;
    STYLES
        .iter()
        .enumerate()
        .map(|(s, style)| {
            let mut rows: Vec<(bool, Vec<Cell>)> = Vec::new();
            for (i, p) in pop.persons.iter().enumerate().filter(|(_, p)| p.steunpunt == s) {
                let current = p.uitstroom.is_none();
                rows.push((current, row(style, p)));
                if i == pop.exact_duplicate {
                    rows.push((current, row(style, p)));
                }
                if style.numeric_v_nummer && p.v_nummer.len() == 10 && p.v_nummer.starts_with('0') {
                    planted.push(Planted {
                        what: PlantedKind::LeadingZeroLost,
                        steunpunt: STEUNPUNTEN[s].name.into(),
                        v_nummer: p.v_nummer.clone(),
                        detail: p.v_nummer[1..].to_string(),
                    });
                }
            }
            if s == dup_steunpunt {
                // The same person, registered earlier here and left.
                let mut earlier = pop.persons[dup_person].clone();
                earlier.steunpunt = s;
                earlier.uitstroom = Some(earlier.instroom.add_days(-10));
                earlier.instroom = earlier.instroom.add_days(-200);
                earlier.resultaat = "Overig";
                earlier.beeindigd_door = Some("Client");
                rows.push((false, row(style, &earlier)));
            }
            let n = rows.len();
            let head = header(style);
            let titled = |name: &str| {
                let mut sheet = Sheet::new(name, head.clone());
                if let Some(t) = style.title {
                    sheet.title_rows.push(vec![Cell::text(t)]);
                    sheet.title_rows.push(vec![Cell::text(SYNTHETIC)]);
                    sheet.title_rows.push(vec![]);
                }
                sheet
            };
            let mut sheets = if style.two_sheets {
                vec![titled("Huidige cliënten"), titled("Uitgestroomd")]
            } else {
                vec![titled("Registratie")]
            };
            for (current, r) in rows {
                let k = if style.two_sheets && !current { 1 } else { 0 };
                sheets[k].rows.push(r);
            }
            for sheet in &mut sheets {
                if let Some(footer) = style.footer {
                    let mut line = vec![Cell::text(footer)];
                    if footer == "Totaal" {
                        line.push(Cell::Number(sheet.rows.len() as f64));
                    }
                    sheet.footer_rows.push(vec![]);
                    sheet.footer_rows.push(line);
                }
                if style.title.is_none() {
                    sheet.footer_rows.push(vec![Cell::text(SYNTHETIC)]);
                }
            }
            DemoFile {
                name: style.file_name.into(),
                kind: crate::kind::FileKind::Registration,
                bytes: encode(style, sheets, created),
                rows: n,
            }
        })
        .collect()
}

const NATIONAL_HEADER: [&str; 20] = [
    "V-nummer",
    "Naam",
    "Geslacht",
    "Geboortedatum",
    "Nationaliteit",
    "Datum eerste registratie",
    "Aantal asielaanvragen",
    "Datum eerste asielaanvraag",
    "Datum beslissing eerste aanvraag",
    "Aantal beroep AR",
    "Aantal beroep AC",
    "Aantal beroep VK",
    "Aantal reguliere aanvragen",
    "Buiten schuld aanvraag",
    "Buiten schuld gegrond",
    "Aantal VBM",
    "Duur VBM dagen",
    "Datum eerste VBM",
    "Huidige verblijfstitel",
    "In procedure",
];

fn national_row(r: &NationalRecord) -> Vec<Cell> {
    let n = |x: u32| Cell::Number(f64::from(x));
    let yn = |b: bool| Cell::text(if b { "Ja" } else { "Nee" });
    vec![
        Cell::text(r.v_nummer.as_str()),
        Cell::text(r.naam.as_str()),
        Cell::text(if r.sex == Sex::M { "M" } else { "V" }),
        Cell::Date(r.birth),
        // The ministry writes the long official name of Congo.
        Cell::text(if r.nationaliteit == "Congo" {
            "Congo (Democratische Republiek)"
        } else {
            r.nationaliteit.as_str()
        }),
        Cell::Date(r.eerste_registratie),
        n(r.asielaanvragen),
        Cell::Date(r.eerste_asielaanvraag),
        Cell::Date(r.beslissing_eerste_aanvraag),
        n(r.beroep_ar),
        n(r.beroep_ac),
        n(r.beroep_vk),
        n(r.reguliere_aanvragen),
        yn(r.buiten_schuld),
        yn(r.buiten_schuld_gegrond),
        n(r.vbm),
        n(r.vbm_dagen),
        r.eerste_vbm.map_or(Cell::Empty, Cell::Date),
        Cell::text(r.verblijfstitel),
        Cell::text(r.in_procedure),
    ]
}

pub fn national(pop: &Population, created: Date) -> DemoFile {
    let mut sheet = Sheet::new("Extract", NATIONAL_HEADER.iter().map(|s| s.to_string()).collect());
    sheet.rows = pop.national.iter().map(national_row).collect();
    let mut about = Sheet::new("Toelichting", vec!["Toelichting".into()]);
    about.rows.push(vec![Cell::text(SYNTHETIC)]);
    about.rows.push(vec![Cell::text(
        "Opgevraagd op V-nummer; één rij per gevonden V-nummer.",
    )]);
    DemoFile {
        name: "DMB_extract_Perspectief.xlsx".into(),
        kind: crate::kind::FileKind::National,
        bytes: crate::write::xlsx::write(&[sheet, about], created, crate::locale::Locale::Nl).expect("demo workbook"),
        rows: pop.national.len(),
    }
}
