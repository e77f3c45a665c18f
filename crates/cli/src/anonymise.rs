//! `perspectief anonymise`: make an analysis file k-anonymous and l-diverse
//! with the least information loss; print the risk before and after, write
//! the protected file with its "Instellingen" sheet (xlsx) or section (csv).

use std::path::PathBuf;

use clap::Args;
use perspectief_core::anonymise::{anonymise, Outcome, Risk, Settings};
use perspectief_core::date::Date;
use perspectief_core::locale::Locale;

#[derive(Args)]
pub struct AnonymiseArgs {
    /// The analysis file: .csv (delimiter sniffed) or .xlsx/.xls/.ods (first sheet).
    #[arg(long)]
    data: PathBuf,
    /// Quasi-identifiers, comma-separated (default: steunpunt, geslacht, leeftijd_instroom,
    /// land_herkomst, kwartaal_instroom — those in the file).
    #[arg(long, value_delimiter = ',')]
    qi: Vec<String>,
    /// Sensitive attributes, comma-separated (default: psychiatrische_diagnose, arts, resultaat).
    #[arg(long, value_delimiter = ',')]
    sensitive: Vec<String>,
    #[arg(long, default_value_t = 5)]
    k: usize,
    #[arg(long, default_value_t = 2)]
    l: usize,
    /// Share of records that may be suppressed while searching (0.05 = 5 %).
    #[arg(long, default_value_t = 0.05)]
    max_suppression: f64,
    /// Count columns to top- and bottom-code at 1 % (comma-separated).
    #[arg(long, value_delimiter = ',')]
    top_code: Vec<String>,
    /// Highest level per quasi-identifier, e.g. `steunpunt=0` keeps the steunpunt as it is (comma-separated).
    #[arg(long, value_delimiter = ',')]
    max_level: Vec<String>,
    /// Where to write the protected file (.xlsx or .csv).
    #[arg(long)]
    out: PathBuf,
    /// The date stated in the file (JJJJ-MM-DD; default: today).
    #[arg(long)]
    date: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

fn print_risk(when: &str, r: &Risk) {
    println!(
        "{when}: {} records in {} klassen; kleinste klasse {}; {} records in klassen kleiner dan k; \
         heridentificatierisico hoogstens {} %, gemiddeld {} %",
        r.records,
        r.classes,
        r.smallest_class,
        r.records_below_k,
        Locale::Nl.number(100.0 * r.prosecutor_max, 1),
        Locale::Nl.number(100.0 * r.prosecutor_average, 1)
    );
    for d in &r.diversity {
        println!(
            "  l-diversiteit {}: {} ({} klassen onder l)",
            d.attribute, d.l, d.classes_below
        );
    }
}

fn report_json(o: &Outcome) -> serde_json::Value {
    serde_json::json!({
        "settings": o.settings,
        "before": o.before,
        "after": o.after,
        "generalised": o.generalised,
        "top_coded": o.top_coded,
        "dropped_columns": o.dropped_columns,
        "suppressed_cells": o.suppressed_cells,
        "removed_records": o.removed_records,
        "loss": o.loss,
        "nodes": o.nodes,
        "evaluated": o.evaluated,
    })
}

pub fn run(args: &AnonymiseArgs) -> Result<(), String> {
    let owned = crate::table_file::read(&args.data)?;
    let columns: Vec<(&str, &perspectief_core::chaid::RawColumn)> =
        owned.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let defaults = Settings::defaults_for(&columns);
    let settings = Settings {
        quasi: if args.qi.is_empty() {
            defaults.quasi
        } else {
            args.qi.clone()
        },
        sensitive: if args.sensitive.is_empty() {
            defaults.sensitive
        } else {
            args.sensitive.clone()
        },
        k: args.k,
        l: args.l,
        max_suppression: args.max_suppression,
        top_code: args.top_code.clone(),
        ..Settings::default()
    };
    let mut settings = settings;
    for spec in &args.max_level {
        let (column, level) = spec
            .split_once('=')
            .and_then(|(c, l)| Some((c.trim(), l.trim().parse::<usize>().ok()?)))
            .ok_or_else(|| format!("--max-level verwacht kolom=niveau, zoals steunpunt=0; niet '{spec}'."))?;
        settings = settings.max_level(column, level);
    }
    let date = args
        .date
        .as_deref()
        .map(Date::parse_iso)
        .transpose()?
        .unwrap_or_else(today);
    let checked = settings.clone().check(&columns).map_err(|e| e.to_string())?;
    let outcome = anonymise(&columns, &checked).map_err(|e| e.to_string())?;
    let bytes = match args.out.extension().and_then(|e| e.to_str()) {
        Some("csv") => outcome.csv(&columns, date),
        Some("xlsx") => outcome.xlsx(&columns, date)?,
        _ => {
            return Err(format!(
                "Schrijf naar een .xlsx- of .csv-bestand, niet naar {}.",
                args.out.display()
            ))
        }
    };
    std::fs::write(&args.out, bytes).map_err(|e| format!("Kan {} niet schrijven: {e}", args.out.display()))?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report_json(&outcome)).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    print_risk("Voor", &outcome.before);
    print_risk("Na", &outcome.after);
    for g in &outcome.generalised {
        println!("{}: niveau {} van {} ({})", g.column, g.level, g.height, g.meaning);
    }
    println!(
        "Informatieverlies {} %; {} cellen lokaal onderdrukt; {} records weggelaten; {} van {} combinaties doorzocht. \
         Geschreven: {}",
        Locale::Nl.number(100.0 * outcome.loss, 1),
        outcome.suppressed_cells,
        outcome.removed_records,
        outcome.evaluated,
        outcome.nodes,
        args.out.display()
    );
    Ok(())
}
