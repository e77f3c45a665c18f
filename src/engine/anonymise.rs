//! The worker's side of the Anonimiseren step: risk, protection with its audit,
//! the conclusions regrown, the protected file and linkage files, from core
//! values to what the page shows or saves.

use perspectief_core::analysis::AnalysisFile;
use perspectief_core::anonymise::conclusions::{self, Conclusion};
use perspectief_core::anonymise::linkage_file::{audit as linkage_audit, linkage_csv, linkage_sheet, LinkageOptions};
use perspectief_core::anonymise::{anonymise, current_risk, roles, Audit, Checked, FileFormat, Input, Outcome};
use perspectief_core::chaid::RawColumn;
use perspectief_core::date::Date;
use perspectief_core::ingest::fields::Field;
use perspectief_core::ingest::load::LoadedFile;
use perspectief_core::kind::FileKind;
use perspectief_core::link::attack::SelfTest;
use perspectief_core::link::pseudonym::{Keys, Secret};
use perspectief_core::write;

use super::protocol::{AnonymiseView, ExportFormat, Failure};

type Columns<'a> = [(&'a str, &'a RawColumn)];

/// The risk as the file is.
pub fn risk(columns: &Columns, settings: &Checked) -> AnonymiseView {
    AnonymiseView {
        settings: settings.get().clone(),
        roles: roles::assign(columns, &settings.get().roles),
        before: current_risk(columns, settings),
        after: None,
        columns: Vec::new(),
        generalised: Vec::new(),
        audit: None,
        loss: 0.0,
        suppressed_cells: 0,
        removed_records: 0,
        rows_in_scope: columns.first().map_or(0, |(_, c)| c.len()),
        nodes: 0,
        evaluated: 0,
        ms: 0.0,
        audit_ms: 0.0,
    }
}

/// The protected file for these settings (rows shuffled with a fresh random seed).
fn protected(columns: &Columns, population: Option<&Columns>, settings: &Checked) -> Result<Outcome, String> {
    let input = Input {
        columns,
        population,
        seed: crate::random::seed()?,
    };
    anonymise(&input, settings).map_err(|e| e.to_string())
}

/// "Make it anonymous": protect, write the file, read it back and audit it.
pub fn protect(
    columns: &Columns,
    population: Option<&Columns>,
    settings: &Checked,
    now: fn() -> f64,
) -> Result<AnonymiseView, String> {
    let start = now();
    let o = protected(columns, population, settings)?;
    let ms = now() - start;
    let start = now();
    let audit = o.audit().map_err(|e| e.to_string())?;
    let audit_ms = now() - start;
    Ok(AnonymiseView {
        settings: o.settings.clone(),
        roles: o.columns.iter().map(|c| c.role.clone()).collect(),
        before: o.before.clone(),
        after: Some(o.after.clone()),
        columns: o.columns.clone(),
        generalised: o.generalised.clone(),
        audit: Some(audit),
        loss: o.loss,
        suppressed_cells: o.suppressed_cells,
        removed_records: o.removed_records,
        rows_in_scope: o.rows_in_scope,
        nodes: o.nodes,
        evaluated: o.evaluated,
        ms,
        audit_ms,
    })
}

/// The outcome trees on the original and on the protected file as it is written.
pub fn conclusions(
    analysis: &AnalysisFile,
    population: Option<&Columns>,
    settings: &Checked,
) -> Result<Vec<Conclusion>, String> {
    let columns = analysis.columns();
    let o = protected(&columns, population, settings)?;
    let (bytes, _) = o.file(FileFormat::Csv, Date::from_days(0)).map_err(|e| e.to_string())?;
    let read = perspectief_core::anonymise::audit::read_back("beschermd.csv", &bytes).map_err(|e| e.to_string())?;
    let refs: Vec<(&str, &RawColumn)> = read.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let protected = conclusions::protected_analysis(analysis, &refs);
    let roles = o.columns.iter().map(|c| c.role.clone()).collect::<Vec<_>>();
    Ok(conclusions::compare(analysis, &protected, &roles))
}

/// The audit of a file the user brings: read as a reader would, the dictionary's roles (and the
/// user's choices), the demands of the settings.
pub fn audit_file(name: &str, bytes: &[u8], settings: &perspectief_core::anonymise::Settings) -> Result<Audit, String> {
    use perspectief_core::anonymise::audit::{audit, read_back, roles_for, Demands};
    let owned = read_back(name, bytes).map_err(|e| e.to_string())?;
    let columns: Vec<(&str, &RawColumn)> = owned.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let given = roles::assign(&columns, &settings.roles);
    let roles = roles_for(&columns, &given);
    let sensitive: Vec<String> = settings
        .sensitive
        .iter()
        .filter(|s| columns.iter().any(|(n, _)| n == s))
        .cloned()
        .collect();
    let demands = Demands {
        k: settings.k,
        l: settings.l,
        t: settings.t,
        sensitive: &sensitive,
    };
    Ok(audit(&columns, &roles, &demands))
}

/// The protected file: xlsx with the data and an "Instellingen" sheet, or csv with the
/// settings as lines above the data. Its name says whether the audit passed.
pub fn file(
    columns: &Columns,
    population: Option<&Columns>,
    settings: &Checked,
    format: ExportFormat,
    today: Date,
) -> Result<(String, Vec<u8>), String> {
    let o = protected(columns, population, settings)?;
    let (bytes, audit) = o
        .file(
            match format {
                ExportFormat::Xlsx => FileFormat::Xlsx,
                ExportFormat::Csv => FileFormat::Csv,
            },
            today,
        )
        .map_err(|e| e.to_string())?;
    let stem = if audit.passed {
        format!("analysebestand-{}-anoniem", o.settings.k)
    } else {
        "analysebestand-NIET-ANONIEM".to_string()
    };
    Ok(match format {
        ExportFormat::Xlsx => (format!("{stem}.xlsx"), bytes),
        ExportFormat::Csv => (format!("{stem}.csv"), bytes),
    })
}

/// A linkage file (csv) for each loaded registration and national extract (rows shuffled): one
/// file as it is, several in one zip archive (one download); with `extra` analysis fields, the
/// audit of the first file says what they expose; each file's frequency-attack self-test.
#[allow(clippy::type_complexity)]
pub fn linkage_files(
    files: &[&LoadedFile],
    secret: &Secret,
    today: Date,
    extra: &[Field],
) -> Result<(String, Vec<u8>, Option<Audit>, Vec<SelfTest>), Failure> {
    let keys = Keys::new(secret);
    let seed = crate::random::seed()?;
    let chosen: Vec<&&LoadedFile> = files
        .iter()
        .filter(|f| matches!(f.kind, FileKind::Registration | FileKind::National))
        .collect();
    let mut self_tests = Vec::new();
    let mut out: Vec<(String, Vec<u8>)> = chosen
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let options = LinkageOptions {
                extra: extra.to_vec(),
                seed: seed.wrapping_add(i as u64),
                ..LinkageOptions::default()
            };
            self_tests.push(perspectief_core::link::attack::self_test(f, &keys, today, &options));
            linkage_csv(f, &keys, today, &options)
        })
        .collect();
    let audit = (!extra.is_empty()).then(|| chosen.first()).flatten().map(|f| {
        let options = LinkageOptions {
            extra: extra.to_vec(),
            seed,
            ..LinkageOptions::default()
        };
        linkage_audit(&linkage_sheet(f, &keys, today, &options), 5)
    });
    match out.len() {
        0 => Err(Failure::NothingToLink),
        1 => {
            let (name, bytes) = out.remove(0);
            Ok((name, bytes, audit, self_tests))
        }
        _ => Ok((
            "koppelbestanden.zip".into(),
            write::zip::write(&out).map_err(|e| e.to_string())?,
            audit,
            self_tests,
        )),
    }
}

/// Borrowed columns of the population, as the protection takes them.
pub fn refs(owned: &Option<Vec<(String, RawColumn)>>) -> Option<Vec<(&str, &RawColumn)>> {
    owned.as_ref().map(|v| v.iter().map(|(n, c)| (n.as_str(), c)).collect())
}
