//! The protected file: the data, read back and audited, and a part that
//! states the purpose, roles, levels, k, l, the audit and (only when the audit
//! passes) the risk before and after, the information loss and the date. A
//! file that fails the audit says "NIET ANONIEM" at the top and why.

use super::audit::{audit, Audit, Finding};
use super::roles::Role;
use super::{AnonymiseError, DropReason, Outcome, Purpose, RareCoding, Risk, Treatment};
use crate::date::Date;
use crate::locale::Locale;
use crate::table::{Cell, Sheet};

/// The first words of a protected csv: the settings part runs to the first blank line.
pub const PASSED_MARK: &str = "Geanonimiseerd met Perspectief";
pub const FAILED_MARK: &str = "NIET ANONIEM";

/// The protected file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Xlsx,
    Csv,
}

fn pct(x: f64) -> String {
    format!("{} %", Locale::Nl.number(100.0 * x, 1))
}

fn risk_rows(when: &str, r: &Risk) -> Vec<Vec<Cell>> {
    let row = |what: &str, value: String| vec![Cell::text(format!("{what} ({when})")), Cell::text(value)];
    let mut rows = vec![
        row("Records", r.records.to_string()),
        row("Klassen van gelijke quasi-identificatoren", r.classes.to_string()),
        row("Kleinste klasse", r.smallest_class.to_string()),
        row("Records in klassen kleiner dan k", r.records_below_k.to_string()),
        row("Hoogste heridentificatierisico (aanklager)", pct(r.prosecutor_max)),
        row(
            "Gemiddeld heridentificatierisico (aanklager)",
            pct(r.prosecutor_average),
        ),
        row("Populatie voor journalist en marketeer", r.population.to_string()),
        row("Hoogste heridentificatierisico (journalist)", pct(r.journalist_max)),
        row("Verwacht deel heridentificeerd (marketeer)", pct(r.marketer)),
    ];
    for d in &r.diversity {
        rows.push(row(
            &format!("l-diversiteit van {}", d.attribute),
            format!("{} (klassen onder l: {})", d.l, d.classes_below),
        ));
    }
    for c in &r.closeness {
        rows.push(row(
            &format!("t-closeness van {}", c.attribute),
            Locale::Nl.number(c.t, 3),
        ));
    }
    rows
}

/// A finding in one Dutch sentence (the file's own words; the app renders its own).
pub fn finding_text(f: &Finding, k: usize) -> String {
    match f {
        Finding::IdentifyingColumn { column } => {
            format!("De kolom '{column}' wijst een persoon direct aan. Laat haar weg.")
        }
        Finding::SmallClasses { records, classes, column } => format!(
            "{records} records in {classes} klassen kleiner dan {k}{}.",
            column
                .as_ref()
                .map_or(String::new(), |c| format!(". Maak eerst '{c}' grover"))
        ),
        Finding::NotDiverse { attribute, l, classes_below } => format!(
            "'{attribute}' heeft in {classes_below} klassen te weinig verschillende waarden (kleinste l: {l})."
        ),
        Finding::NotClose { attribute, t, required } => format!(
            "De verdeling van '{attribute}' wijkt in een klasse {} af van die in het hele bestand; ten hoogste {} is gevraagd.",
            Locale::Nl.number(*t, 3),
            Locale::Nl.number(*required, 3)
        ),
        Finding::TooPrecise { column, value } => format!(
            "'{column}' staat er met decimalen in (zoals {value}): nauwkeuriger dan een klasse. Deel de kolom in klassen in."
        ),
        Finding::RareValues { column, values, records } => format!(
            "'{column}' heeft {values} waarden die minder dan {k} keer voorkomen ({records} records)."
        ),
        Finding::HiddenIdentifier { column, records, known } => format!(
            "'{column}' is geen quasi-identificator, maar samen met de quasi-identificatoren komen dan {records} records \
             in klassen kleiner dan {k}{}.",
            if *known {
                ". Een aanvaller kent deze kolom (zie het gegevenswoordenboek)"
            } else {
                ""
            }
        ),
        Finding::SampleUniques { columns, records } => format!(
            "{records} records zijn uniek op de combinatie {} (waarschuwing).",
            columns.join(" + ")
        ),
    }
}

fn purpose_name(p: &Purpose) -> String {
    match p {
        Purpose::National => "Landelijk beeld (zonder steunpunt)".into(),
        Purpose::CompareSteunpunten => "Steunpunten vergelijken (steunpunt en kenmerken behouden)".into(),
        Purpose::OwnSteunpunt { steunpunt } => format!("Eigen steunpunt ({steunpunt})"),
    }
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Identifying => "identificerend",
        Role::Quasi => "quasi-identificerend",
        Role::Sensitive => "gevoelig",
        Role::Other => "overig",
    }
}

fn treatment_text(t: &Treatment) -> String {
    match t {
        Treatment::Kept => "ongewijzigd".into(),
        Treatment::Generalised {
            dimension,
            level,
            height,
            meaning,
        } => format!("niveau {level} van {height} ({meaning}), samen met {dimension}"),
        Treatment::Rare {
            coding: RareCoding::Capped { bottom, top, changed },
        } => format!(
            "zeldzame waarden afgekapt op {} en {} ({changed} waarden)",
            Locale::Nl.number(*bottom, 3),
            Locale::Nl.number(*top, 3)
        ),
        Treatment::Rare {
            coding: RareCoding::Bands { bands, changed },
        } => {
            format!("in {bands} klassen van minstens k records ({changed} waarden)")
        }
        Treatment::Rare {
            coding: RareCoding::Joined { values, changed },
        } => {
            format!("{values} zeldzame waarden samengevoegd als '(overig)' ({changed} records)")
        }
        Treatment::Rare {
            coding: RareCoding::Width { width },
        } => {
            format!("in klassen van {}", Locale::Nl.number(*width, 0))
        }
        Treatment::TopCoded { bottom, top, changed } => format!(
            "top- en bottomgecodeerd op {} en {} ({changed} waarden)",
            Locale::Nl.number(*bottom, 3),
            Locale::Nl.number(*top, 3)
        ),
        Treatment::Dropped {
            why: DropReason::Identifying,
        } => "weggelaten: identificerend".into(),
        Treatment::Dropped {
            why: DropReason::Purpose,
        } => "weggelaten voor het doel".into(),
        Treatment::Dropped { why: DropReason::User } => "weggelaten op verzoek".into(),
    }
}

impl Outcome {
    /// The protected data (no identifying columns), rows shuffled.
    pub fn data_sheet(&self) -> Sheet {
        let refs = self.data_refs();
        crate::analysis::columns_sheet("Geanonimiseerd", &refs)
    }

    /// The data as csv bytes, without the settings part: what the audit reads back.
    fn data_csv(&self) -> Vec<u8> {
        crate::analysis::columns_csv(&self.data_refs(), crate::write::csv::CsvStyle::default())
    }

    /// Read the data back as a reader of the file would, and audit it.
    pub fn audit_bytes(&self, name: &str, bytes: &[u8]) -> Result<Audit, AnonymiseError> {
        let columns = super::audit::read_back(name, bytes).map_err(|e| AnonymiseError::Write(e.to_string()))?;
        let refs: Vec<(&str, &crate::chaid::RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
        let roles = super::audit::roles_for(&refs, &self.roles());
        let s = &self.settings;
        let sensitive: Vec<String> = s
            .sensitive
            .iter()
            .filter(|n| self.data.iter().any(|(m, _)| m == *n))
            .cloned()
            .collect();
        let demands = super::audit::Demands {
            k: s.k,
            l: s.l,
            t: s.t,
            sensitive: &sensitive,
        };
        Ok(audit(&refs, &roles, &demands))
    }

    /// The audit of the file as it will be written (csv and xlsx hold the same data).
    pub fn audit(&self) -> Result<Audit, AnonymiseError> {
        self.audit_bytes("geanonimiseerd.csv", &self.data_csv())
    }

    /// The protected file and its audit. The data are written, read back and audited; the
    /// settings part states the audit, and "k-anoniem" and the risk figures only when it passed.
    /// An xlsx is read back once more after it is written, and must give the same audit.
    pub fn file(&self, format: FileFormat, date: Date) -> Result<(Vec<u8>, Audit), AnonymiseError> {
        let data = self.data_csv();
        let audit = self.audit_bytes("geanonimiseerd.csv", &data)?;
        let about = self.settings_sheet(date, &audit);
        match format {
            FileFormat::Csv => {
                let mut bytes = crate::write::csv::write(&about, crate::write::csv::CsvStyle::default());
                bytes.extend_from_slice(b"\r\n");
                bytes.extend_from_slice(&data);
                Ok((bytes, audit))
            }
            FileFormat::Xlsx => {
                let bytes = crate::write::xlsx::write(&[self.data_sheet(), about], date, Locale::Nl)
                    .map_err(|e| AnonymiseError::Write(e.to_string()))?;
                let again = self.audit_bytes("geanonimiseerd.xlsx", &bytes)?;
                if again != audit {
                    return Err(AnonymiseError::Write(
                        "het Excel-bestand geeft bij teruglezen een andere controle dan de gegevens zelf".into(),
                    ));
                }
                Ok((bytes, audit))
            }
        }
    }

    /// What was done and what it gives ("Instellingen").
    pub fn settings_sheet(&self, date: Date, audit: &Audit) -> Sheet {
        let settings = &self.settings;
        let mut s = Sheet::new("Instellingen", vec!["Onderdeel".into(), "Waarde".into()]);
        let row = |what: &str, value: String| vec![Cell::text(what), Cell::text(value)];
        if audit.passed {
            s.title_rows.push(vec![Cell::text(format!(
                "{PASSED_MARK}: elke combinatie van quasi-identificatoren komt minstens k keer voor, met minstens l \
                 verschillende waarden van elk gevoelig attribuut. Het bestand is teruggelezen en gecontroleerd."
            ))]);
        } else {
            s.title_rows.push(vec![Cell::text(format!(
                "{FAILED_MARK}: de controle van dit bestand is niet geslaagd. Geef het niet door."
            ))]);
            for f in audit.findings.iter().filter(|f| f.fails()) {
                s.title_rows.push(vec![Cell::text(finding_text(f, settings.k))]);
            }
        }
        s.rows.push(row("Datum", date.dutch()));
        s.rows.push(row("Doel", purpose_name(&settings.purpose)));
        s.rows.push(row("k", settings.k.to_string()));
        s.rows.push(row("l", settings.l.to_string()));
        if let Some(t) = settings.t {
            s.rows.push(row("t (t-closeness)", Locale::Nl.number(t, 3)));
        }
        s.rows.push(row("Records", audit.rows.to_string()));
        s.rows.push(row(
            "Controle",
            if audit.passed {
                format!(
                    "geslaagd: kleinste klasse {} over {} quasi-identificerende kolommen",
                    audit.smallest_class,
                    audit.quasi.len()
                )
            } else {
                "niet geslaagd".into()
            },
        ));
        for f in audit.findings.iter().filter(|f| !f.fails()) {
            s.rows.push(row("Waarschuwing", finding_text(f, settings.k)));
        }
        if audit.uniques.searched {
            s.rows.push(row(
                &format!(
                    "Minimale steekproef-uniekheden (combinaties van 1 tot {} kolommen)",
                    audit.uniques.up_to
                ),
                format!(
                    "{}, {}, {} ({} records)",
                    audit.uniques.by_size[0], audit.uniques.by_size[1], audit.uniques.by_size[2], audit.uniques.records
                ),
            ));
        }
        for c in &self.columns {
            s.rows.push(row(
                &format!("Kolom {}", c.role.column),
                format!(
                    "{} | {} | verlies {}",
                    role_name(c.role.role),
                    treatment_text(&c.treatment),
                    pct(c.loss)
                ),
            ));
        }
        s.rows
            .push(row("Gevoelige attributen (l geëist)", settings.sensitive.join(", ")));
        s.rows.push(row(
            "Ten hoogste te onderdrukken records",
            pct(settings.max_suppression),
        ));
        s.rows
            .push(row("Onderdrukte cellen (lokaal)", self.suppressed_cells.to_string()));
        s.rows.push(row("Weggelaten records", self.removed_records.to_string()));
        s.rows
            .push(row("Informatieverlies (kolommen van het doel)", pct(self.loss)));
        s.rows.push(row(
            "Doorzochte combinaties van niveaus",
            format!("{} van {}", self.evaluated, self.nodes),
        ));
        s.rows.push(row("Volgorde van de rijen", "willekeurig".into()));
        if audit.passed {
            s.rows.extend(risk_rows("voor", &self.before));
            s.rows.extend(risk_rows("na", &self.after));
        }
        s
    }
}
