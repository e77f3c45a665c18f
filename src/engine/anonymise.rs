//! The worker's side of the Anonimiseren step: risk, protection, the protected
//! file and linkage files, from core values to what the page shows or saves.

use perspectief_core::anonymise::linkage_file::linkage_csv;
use perspectief_core::anonymise::pseudonym::{Keys, Secret};
use perspectief_core::anonymise::{anonymise, current_risk, Checked};
use perspectief_core::chaid::RawColumn;
use perspectief_core::date::Date;
use perspectief_core::ingest::load::LoadedFile;
use perspectief_core::kind::FileKind;
use perspectief_core::write;

use super::protocol::{AnonymiseView, ExportFormat};

type Columns<'a> = [(&'a str, &'a RawColumn)];

/// The risk as the file is.
pub fn risk(columns: &Columns, settings: &Checked) -> AnonymiseView {
    AnonymiseView {
        settings: settings.get().clone(),
        before: current_risk(columns, settings),
        after: None,
        generalised: Vec::new(),
        loss: 0.0,
        suppressed_cells: 0,
        removed_records: 0,
        nodes: 0,
        evaluated: 0,
        ms: 0.0,
    }
}

/// "Make it k-anonymous with l-diversity".
pub fn protect(columns: &Columns, settings: &Checked, now: fn() -> f64) -> Result<AnonymiseView, String> {
    let start = now();
    let o = anonymise(columns, settings).map_err(|e| e.to_string())?;
    Ok(AnonymiseView {
        settings: o.settings.clone(),
        before: o.before,
        after: Some(o.after),
        generalised: o.generalised,
        loss: o.loss,
        suppressed_cells: o.suppressed_cells,
        removed_records: o.removed_records,
        nodes: o.nodes,
        evaluated: o.evaluated,
        ms: now() - start,
    })
}

/// The protected file: xlsx with the data and an "Instellingen" sheet, or csv with the
/// settings as lines above the data.
pub fn file(
    columns: &Columns,
    settings: &Checked,
    format: ExportFormat,
    today: Date,
) -> Result<(String, Vec<u8>), String> {
    let o = anonymise(columns, settings).map_err(|e| e.to_string())?;
    let stem = format!("analysebestand-{}-anoniem", o.settings.k);
    Ok(match format {
        ExportFormat::Xlsx => (format!("{stem}.xlsx"), o.xlsx(columns, today)?),
        ExportFormat::Csv => (format!("{stem}.csv"), o.csv(columns, today)),
    })
}

/// A linkage file (csv) for each loaded registration and national extract: one file
/// as it is, several in one zip archive (one download).
pub fn linkage_files(files: &[&LoadedFile], secret: &Secret, today: Date) -> Result<(String, Vec<u8>), String> {
    let keys = Keys::new(secret);
    let mut out: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(|f| matches!(f.kind, FileKind::Registration | FileKind::National))
        .map(|f| linkage_csv(f, &keys, today))
        .collect();
    match out.len() {
        0 => Err("Er is geen registratie of landelijk extract geladen om een koppelbestand van te maken.".into()),
        1 => Ok(out.remove(0)),
        _ => Ok(("koppelbestanden.zip".into(), write::zip::write(&out))),
    }
}
