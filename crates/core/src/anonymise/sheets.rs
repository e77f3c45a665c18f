//! The anonymised file as sheets: the data, and a sheet that states the
//! settings, k, l, the risk before and after, the information loss and the date.

use super::{Outcome, Risk};
use crate::chaid::RawColumn;
use crate::date::Date;
use crate::locale::Locale;
use crate::table::{Cell, Sheet};

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
        row("Hoogste heridentificatierisico", pct(r.prosecutor_max)),
        row("Gemiddeld heridentificatierisico", pct(r.prosecutor_average)),
    ];
    for d in &r.diversity {
        rows.push(row(
            &format!("l-diversiteit van {}", d.attribute),
            format!("{} (klassen onder l: {})", d.l, d.classes_below),
        ));
    }
    rows
}

impl Outcome {
    /// The protected file as columns: the input's columns in order, the quasi-identifiers
    /// as they came out, counts top- and bottom-coded, removed rows and direct identifiers left out.
    pub fn columns(&self, input: &[(&str, &RawColumn)]) -> Vec<(String, RawColumn)> {
        input
            .iter()
            .filter(|(n, _)| !self.dropped_columns.iter().any(|d| d == n))
            .map(|(name, values)| {
                if let Some((_, q)) = self.quasi.iter().find(|(q, _)| q == name) {
                    return (name.to_string(), q.clone());
                }
                let mut kept = values.select(&self.keep);
                if let (Some(t), RawColumn::Number(xs)) = (self.top_coded.iter().find(|t| t.column == *name), &mut kept)
                {
                    for x in xs.iter_mut().flatten() {
                        *x = x.clamp(t.bottom, t.top);
                    }
                }
                (name.to_string(), kept)
            })
            .collect()
    }

    /// The protected data (no direct identifiers).
    pub fn data_sheet(&self, input: &[(&str, &RawColumn)]) -> Sheet {
        let columns = self.columns(input);
        let refs: Vec<(&str, &RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
        crate::analysis::columns_sheet("Geanonimiseerd", &refs)
    }

    /// The protected file as xlsx: the data and the "Instellingen" sheet.
    pub fn xlsx(&self, input: &[(&str, &RawColumn)], date: Date) -> Result<Vec<u8>, String> {
        crate::write::xlsx::write(&[self.data_sheet(input), self.settings_sheet(date)], date).map_err(|e| e.to_string())
    }

    /// The protected file as csv: the settings as lines above the data.
    pub fn csv(&self, input: &[(&str, &RawColumn)], date: Date) -> Vec<u8> {
        let about = self.settings_sheet(date);
        let mut sheet = self.data_sheet(input);
        sheet.title_rows = about.title_rows.into_iter().chain(about.rows).collect();
        crate::write::csv::write(&sheet, crate::write::csv::CsvStyle::default())
    }

    /// What was done and what it gives, for the file itself ("Instellingen").
    pub fn settings_sheet(&self, date: Date) -> Sheet {
        let settings = &self.settings;
        let mut s = Sheet::new("Instellingen", vec!["Onderdeel".into(), "Waarde".into()]);
        let row = |what: &str, value: String| vec![Cell::text(what), Cell::text(value)];
        s.title_rows.push(vec![Cell::text(
            "Geanonimiseerd met Perspectief: elke combinatie van quasi-identificatoren komt minstens k keer voor, \
             met minstens l verschillende waarden van elk gevoelig attribuut.",
        )]);
        s.rows.push(row("Datum", date.dutch()));
        s.rows.push(row("k", settings.k.to_string()));
        s.rows.push(row("l", settings.l.to_string()));
        for g in &self.generalised {
            s.rows.push(row(
                &format!("Quasi-identificator {}", g.column),
                format!("niveau {} van {}: {}", g.level, g.height, g.meaning),
            ));
        }
        s.rows.push(row("Gevoelige attributen", settings.sensitive.join(", ")));
        s.rows.push(row(
            "Ten hoogste te onderdrukken records",
            pct(settings.max_suppression),
        ));
        s.rows
            .push(row("Onderdrukte cellen (lokaal)", self.suppressed_cells.to_string()));
        s.rows.push(row("Weggelaten records", self.removed_records.to_string()));
        s.rows.push(row("Informatieverlies", pct(self.loss)));
        s.rows.push(row(
            "Doorzochte combinaties van niveaus",
            format!("{} van {}", self.evaluated, self.nodes),
        ));
        for t in &self.top_coded {
            s.rows.push(row(
                &format!("Top- en bottomcodering {}", t.column),
                format!(
                    "afgekapt op {} en {} ({} waarden)",
                    Locale::Nl.number(t.bottom, 3),
                    Locale::Nl.number(t.top, 3),
                    t.changed
                ),
            ));
        }
        if !self.dropped_columns.is_empty() {
            s.rows.push(row(
                "Weggelaten directe identificatoren",
                self.dropped_columns.join(", "),
            ));
        }
        s.rows.extend(risk_rows("voor", &self.before));
        s.rows.extend(risk_rows("na", &self.after));
        s
    }
}
