//! `perspectief anonymise`: protect an analysis file for a purpose (roles from
//! the data dictionary, quasi-identifiers generalised with their sources, rare
//! values coded, rows shuffled), read the written file back and audit it, and
//! print the risk before and after (prosecutor, journalist, marketer). With
//! `--audit FILE` it audits any person-level file instead (exit code 3 when the
//! audit fails). `perspectief attack` plays the prosecutor against a file.

use std::path::PathBuf;

use clap::Args;
use perspectief_core::anonymise::audit::{audit, read_back, roles_for, Audit, Demands};
use perspectief_core::anonymise::{
    anonymise, attack, finding_text, FileFormat, Input, Outcome, Purpose, Risk, Role, Settings,
};
use perspectief_core::chaid::RawColumn;
use perspectief_core::date::Date;
use perspectief_core::locale::Locale;

/// Exit code of `--audit` when the file fails.
pub const AUDIT_FAILED: i32 = 3;

#[derive(Args)]
pub struct AnonymiseArgs {
    /// The analysis file: .csv (delimiter sniffed) or .xlsx/.xls/.ods (first sheet).
    #[arg(long, required_unless_present = "audit")]
    data: Option<PathBuf>,
    /// Audit this person-level file (roles from the data dictionary) instead of protecting one.
    #[arg(long, conflicts_with = "data")]
    audit: Option<PathBuf>,
    /// What the file is for: landelijk (without steunpunt; default), steunpunten (steunpunt and its
    /// characteristics kept), eigen:<steunpunt> (only that steunpunt's rows).
    #[arg(long, default_value = "landelijk")]
    purpose: String,
    /// Roles over the dictionary's: column=quasi|gevoelig|overig|identificerend (comma-separated).
    #[arg(long, value_delimiter = ',')]
    role: Vec<String>,
    /// Roles from a file: one `column=role` per line (lines starting with # are skipped).
    #[arg(long)]
    roles: Option<PathBuf>,
    /// Columns to leave out (comma-separated).
    #[arg(long, value_delimiter = ',')]
    drop: Vec<String>,
    /// Columns of role "other" to put in bands of 10 (comma-separated).
    #[arg(long, value_delimiter = ',')]
    band: Vec<String>,
    /// Sensitive attributes that must be l-diverse, comma-separated (default: psychiatrische_diagnose,
    /// arts, resultaat).
    #[arg(long, value_delimiter = ',')]
    sensitive: Vec<String>,
    #[arg(long, default_value_t = 5)]
    k: usize,
    #[arg(long, default_value_t = 2)]
    l: usize,
    /// t-closeness to require of the sensitive attributes (0–1; default: measured, not required).
    #[arg(long)]
    t: Option<f64>,
    /// Share of records that may be suppressed while searching (0.05 = 5 %).
    #[arg(long, default_value_t = 0.05)]
    max_suppression: f64,
    /// Count columns to top- and bottom-code at 1 % (comma-separated).
    #[arg(long, value_delimiter = ',')]
    top_code: Vec<String>,
    /// Highest level per quasi-identifier, e.g. `land_herkomst=1` (comma-separated).
    #[arg(long, value_delimiter = ',')]
    max_level: Vec<String>,
    /// The wider population: the national extract's persons who are not in --data, same columns
    /// (written by `perspectief link --population-out`); for journalist and marketer risk.
    #[arg(long)]
    population: Option<PathBuf>,
    /// Where to write the protected file (.xlsx or .csv).
    #[arg(long, required_unless_present = "audit")]
    out: Option<PathBuf>,
    /// The date stated in the file (JJJJ-MM-DD; default: today).
    #[arg(long)]
    date: Option<String>,
    /// Seed of the row shuffle (default: random).
    #[arg(long)]
    seed: Option<u64>,
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

/// A random seed from the operating system (the standard library's hash keys).
pub fn random_seed() -> u64 {
    use std::hash::BuildHasher;
    std::collections::hash_map::RandomState::new().hash_one(std::time::SystemTime::now())
}

fn pct(x: f64) -> String {
    format!("{} %", Locale::Nl.number(100.0 * x, 1))
}

fn print_risk(when: &str, r: &Risk) {
    crate::say!(
        "{when}: {} records in {} klassen; kleinste klasse {}; {} records in klassen kleiner dan k; \
         heridentificatierisico (aanklager) hoogstens {}, gemiddeld {}; journalist hoogstens {}, \
         marketeer {} (populatie {})",
        r.records,
        r.classes,
        r.smallest_class,
        r.records_below_k,
        pct(r.prosecutor_max),
        pct(r.prosecutor_average),
        pct(r.journalist_max),
        pct(r.marketer),
        r.population
    );
    for d in &r.diversity {
        crate::say!(
            "  l-diversiteit {}: {} ({} klassen onder l)",
            d.attribute,
            d.l,
            d.classes_below
        );
    }
    for c in &r.closeness {
        crate::say!("  t-closeness {}: {}", c.attribute, Locale::Nl.number(c.t, 3));
    }
}

fn print_audit(a: &Audit) {
    crate::say!(
        "Controle van het bestand: {} ({} rijen; kleinste klasse {} over {} quasi-identificerende kolommen; {} records \
         in klassen kleiner dan {})",
        if a.passed { "geslaagd" } else { "NIET GESLAAGD" },
        a.rows,
        a.smallest_class,
        a.quasi.len(),
        a.records_below_k,
        a.k
    );
    for f in &a.findings {
        crate::say!(
            "  {} {}",
            if f.fails() { "FOUT:" } else { "waarschuwing:" },
            finding_text(f, a.k)
        );
    }
}

fn parse_role(text: &str) -> Option<Role> {
    match perspectief_core::ingest::fold::fold_words(text).as_str() {
        "quasi" | "quasi identificerend" | "quasi identifier" => Some(Role::Quasi),
        "gevoelig" | "sensitive" => Some(Role::Sensitive),
        "overig" | "other" => Some(Role::Other),
        "identificerend" | "identifying" => Some(Role::Identifying),
        _ => None,
    }
}

fn roles(args: &AnonymiseArgs) -> Result<Vec<(String, Role)>, String> {
    let mut specs: Vec<String> = args.role.clone();
    if let Some(path) = &args.roles {
        let text = std::fs::read_to_string(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
        specs.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
    }
    specs
        .iter()
        .map(|spec| {
            spec.split_once('=')
                .and_then(|(c, r)| Some((c.trim().to_string(), parse_role(r)?)))
                .ok_or_else(|| {
                    format!(
                        "Een rol wordt gegeven als kolom=rol, met rol quasi, gevoelig, overig of identificerend; niet '{spec}'."
                    )
                })
        })
        .collect()
}

fn report_json(o: &Outcome, audit: &Audit) -> serde_json::Value {
    serde_json::json!({
        "settings": o.settings,
        "audit": audit,
        "before": o.before,
        "after": o.after,
        "generalised": o.generalised,
        "columns": o.columns,
        "suppressed_cells": o.suppressed_cells,
        "removed_records": o.removed_records,
        "rows_in_scope": o.rows_in_scope,
        "loss": o.loss,
        "quasi_loss": o.quasi_loss,
        "nodes": o.nodes,
        "evaluated": o.evaluated,
    })
}

fn refs(owned: &[(String, RawColumn)]) -> Vec<(&str, &RawColumn)> {
    owned.iter().map(|(n, c)| (n.as_str(), c)).collect()
}

/// `--audit FILE`: the dictionary's roles, the defaults' sensitive attributes.
fn audit_file(args: &AnonymiseArgs, path: &PathBuf) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
    let owned = read_back(&path.display().to_string(), &bytes).map_err(|e| e.to_string())?;
    let columns = refs(&owned);
    let given: Vec<perspectief_core::anonymise::ColumnRole> =
        perspectief_core::anonymise::roles::assign(&columns, &roles(args)?);
    let roles = roles_for(&columns, &given);
    let sensitive = if args.sensitive.is_empty() {
        Settings::defaults_for(&columns).sensitive
    } else {
        args.sensitive.clone()
    };
    let a = audit(
        &columns,
        &roles,
        &Demands {
            k: args.k,
            l: args.l,
            t: args.t,
            sensitive: &sensitive,
        },
    );
    if args.json {
        crate::say!("{}", serde_json::to_string_pretty(&a).map_err(|e| e.to_string())?);
    } else {
        print_audit(&a);
    }
    if !a.passed {
        std::process::exit(AUDIT_FAILED);
    }
    Ok(())
}

pub fn run(args: &AnonymiseArgs) -> Result<(), String> {
    if let Some(path) = &args.audit {
        return audit_file(args, path);
    }
    let (Some(data), Some(out)) = (&args.data, &args.out) else {
        return Err("Geef --data en --out, of --audit.".into());
    };
    let owned = crate::table_file::read(data)?;
    let columns = refs(&owned);
    let purpose = Purpose::parse(&args.purpose).ok_or_else(|| {
        format!(
            "--purpose is landelijk, steunpunten of eigen:<steunpunt>; niet '{}'.",
            args.purpose
        )
    })?;
    let mut settings = Settings::defaults_for(&columns)
        .purpose(purpose)
        .k(args.k)
        .l(args.l)
        .t(args.t)
        .max_suppression(args.max_suppression)
        .top_code(args.top_code.clone());
    if !args.sensitive.is_empty() {
        settings = settings.sensitive(args.sensitive.clone());
    }
    for (column, role) in roles(args)? {
        settings = settings.role(column, role);
    }
    for c in &args.drop {
        settings = settings.drop_column(c.clone());
    }
    for c in &args.band {
        settings = settings.band_column(c.clone());
    }
    for spec in &args.max_level {
        let (column, level) = spec
            .split_once('=')
            .and_then(|(c, l)| Some((c.trim(), l.trim().parse::<usize>().ok()?)))
            .ok_or_else(|| format!("--max-level verwacht kolom=niveau, zoals land_herkomst=1; niet '{spec}'."))?;
        settings = settings.max_level(column, level);
    }
    let date = args
        .date
        .as_deref()
        .map(Date::parse_iso)
        .transpose()
        .map_err(|e| format!("--date: {e}"))?
        .unwrap_or_else(today);
    let population = args.population.as_deref().map(crate::table_file::read).transpose()?;
    let population_refs = population.as_deref().map(refs);
    let checked = settings.check(&columns).map_err(|e| e.to_string())?;
    let input = Input {
        columns: &columns,
        population: population_refs.as_deref(),
        seed: args.seed.unwrap_or_else(random_seed),
    };
    let outcome = anonymise(&input, &checked).map_err(|e| e.to_string())?;
    let format = match out.extension().and_then(|e| e.to_str()) {
        Some("csv") => FileFormat::Csv,
        Some("xlsx") => FileFormat::Xlsx,
        _ => {
            return Err(format!(
                "Schrijf naar een .xlsx- of .csv-bestand, niet naar {}.",
                out.display()
            ))
        }
    };
    let (bytes, audit) = outcome.file(format, date).map_err(|e| e.to_string())?;
    std::fs::write(out, bytes).map_err(|e| format!("Kan {} niet schrijven: {e}", out.display()))?;
    if args.json {
        crate::say!(
            "{}",
            serde_json::to_string_pretty(&report_json(&outcome, &audit)).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    print_audit(&audit);
    if audit.passed {
        print_risk("Voor", &outcome.before);
        print_risk("Na", &outcome.after);
    }
    for g in &outcome.generalised {
        crate::say!(
            "{}: toestand {} van {} ({})",
            g.columns.join(", "),
            g.level,
            g.height,
            g.meaning
        );
    }
    crate::say!(
        "Informatieverlies {}; {} cellen lokaal onderdrukt; {} records weggelaten; {} van {} combinaties doorzocht. \
         Geschreven{}: {}",
        pct(outcome.loss),
        outcome.suppressed_cells,
        outcome.removed_records,
        outcome.evaluated,
        outcome.nodes,
        if audit.passed { "" } else { " (NIET ANONIEM)" },
        out.display()
    );
    Ok(())
}

#[derive(Args)]
pub struct AttackArgs {
    /// The original analysis file (the attacker's knowledge).
    #[arg(long)]
    original: PathBuf,
    /// The protected file to attack.
    #[arg(long)]
    protected: PathBuf,
    #[arg(long, default_value_t = 5)]
    k: usize,
    #[arg(long)]
    json: bool,
}

/// `perspectief attack`: a prosecutor with the original file against a protected one.
pub fn attack_file(args: &AttackArgs) -> Result<(), String> {
    let read = |p: &PathBuf| -> Result<Vec<(String, RawColumn)>, String> {
        let bytes = std::fs::read(p).map_err(|e| format!("Kan {} niet openen: {e}", p.display()))?;
        read_back(&p.display().to_string(), &bytes).map_err(|e| e.to_string())
    };
    let (original, protected) = (read(&args.original)?, read(&args.protected)?);
    let r = attack::attack(&refs(&original), &refs(&protected), args.k);
    if args.json {
        crate::say!("{}", serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?);
    } else {
        crate::say!(
            "{} rijen aangevallen op {} bekende kolommen: minstens {} personen per rij; {} rijen met minder dan {}; \
             {} rijen met precies één",
            r.rows,
            r.columns.len(),
            r.min_matches,
            r.rows_below_k,
            args.k,
            r.unique
        );
    }
    Ok(())
}
