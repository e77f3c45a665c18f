//! `perspectief check FILES…`: the registration check on the command line.

use std::path::PathBuf;

use perspectief_core::check::export;
use perspectief_core::check::problem::Severity;
use perspectief_core::check::registration::{check, CheckOptions, ConflictRule};
use perspectief_core::date::Date;
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Registration files (xlsx, xls, ods, csv, txt); other kinds are listed and skipped.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Reference date (YYYY-MM-DD); default: the latest intake or outflow date.
    #[arg(long)]
    peildatum: Option<String>,
    /// Keep both rows of a V-nummer registered twice with different data.
    #[arg(long)]
    keep_all_conflicts: bool,
    /// Steunpunt of files whose name and columns do not say it.
    #[arg(long)]
    steunpunt: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also write the report as xlsx (without V-nummers, names and values unless --own-organisation).
    #[arg(long)]
    xlsx: Option<PathBuf>,
    /// Also write the report as csv (idem).
    #[arg(long)]
    csv: Option<PathBuf>,
    /// The written report is for the steunpunt's own use: with V-nummers, names and values.
    #[arg(long)]
    own_organisation: bool,
}

pub fn run(args: &CheckArgs) -> Result<(), String> {
    let known = known_with(&[]);
    let mut loaded: Vec<LoadedFile> = Vec::new();
    let mut failed = Vec::new();
    for path in &args.files {
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                failed.push(format!("{name}: kan het bestand niet openen ({e})."));
                continue;
            }
        };
        match load(&name, &bytes, None, &known) {
            Ok(mut f) => {
                if f.steunpunt.is_none() {
                    f.steunpunt = args.steunpunt.clone();
                }
                loaded.push(f);
            }
            Err(e) => failed.push(e.to_string()),
        }
    }
    let options = CheckOptions {
        peildatum: args
            .peildatum
            .as_deref()
            .map(Date::parse_iso)
            .transpose()
            .map_err(|e| format!("--peildatum: {e}"))?,
        conflict_rule: if args.keep_all_conflicts {
            ConflictRule::KeepAll
        } else {
            ConflictRule::LatestIntake
        },
    };
    let result = check(&loaded, &options);
    let audience = if args.own_organisation {
        export::Audience::OwnOrganisation
    } else {
        export::Audience::Others
    };
    if let Some(path) = &args.xlsx {
        let bytes = export::xlsx(
            &result,
            None,
            audience,
            result.peildatum,
            perspectief_core::locale::Locale::Nl,
        )?;
        std::fs::write(path, bytes).map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))?;
    }
    if let Some(path) = &args.csv {
        std::fs::write(
            path,
            export::csv(&result, None, audience, perspectief_core::locale::Locale::Nl),
        )
        .map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))?;
    }
    if args.json {
        let out = serde_json::json!({ "files": loaded.iter().map(|f| serde_json::json!({
            "name": f.name, "kind": f.kind, "steunpunt": f.steunpunt, "sheets": f.sheets.iter().map(|s| serde_json::json!({"sheet": s.sheet, "header_row": s.header_row, "rows": s.rows})).collect::<Vec<_>>(),
            "skipped_sheets": f.skipped_sheets, "notes": f.notes.iter().map(ToString::to_string).collect::<Vec<_>>() })).collect::<Vec<_>>(),
            "not_read": failed, "check": with_messages(&result) });
        crate::say!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        return Ok(());
    }
    crate::say!(
        "Controle van {} bestand(en); peildatum {}.",
        args.files.len(),
        result.peildatum
    );
    crate::say!("{}\n", export::OWN_USE_ONLY);
    for f in &loaded {
        let kind = match f.kind {
            FileKind::Registration => "registratie",
            FileKind::National => "landelijk extract (niet gecontroleerd)",
            FileKind::Characteristics => "kenmerken steunpunten (niet gecontroleerd)",
        };
        let sheets: Vec<String> = f
            .sheets
            .iter()
            .map(|s| {
                let name = if s.sheet.is_empty() {
                    String::new()
                } else {
                    format!("tabblad '{}', ", s.sheet)
                };
                format!("{name}kop op rij {}, {} rijen", s.header_row, s.rows)
            })
            .collect();
        crate::say!(
            "Gelezen: {} — {kind}{}; {}",
            f.name,
            f.steunpunt.as_ref().map_or(String::new(), |s| format!(", {s}")),
            sheets.join("; ")
        );
        for s in &f.skipped_sheets {
            crate::say!("  overgeslagen: {s}");
        }
        for n in &f.notes {
            crate::say!("  let op: {n}");
        }
    }
    for e in &failed {
        crate::say!("Niet gelezen: {e}");
    }
    for (sp, s) in &result.steunpunten {
        crate::say!(
            "\n== {sp}: {} cliënten ({} rijen), {} fout(en), {} waarschuwing(en), {} melding(en)",
            s.persons,
            s.rows,
            s.errors,
            s.warnings,
            s.notices
        );
        let mut last = None;
        for p in result.problems.iter().filter(|p| p.steunpunt.as_deref() == Some(sp)) {
            if last != Some(p.kind) {
                let n = result
                    .problems
                    .iter()
                    .filter(|q| q.kind == p.kind && q.steunpunt == p.steunpunt)
                    .count();
                let sev = match p.severity {
                    Severity::Fout => "fout",
                    Severity::Waarschuwing => "waarschuwing",
                    Severity::Melding => "melding",
                };
                crate::say!("  {} ({n}, {sev})", p.kind.title());
                last = Some(p.kind);
            }
            let col = p.column.as_ref().map_or(String::new(), |c| format!(", kolom {c}"));
            let loc = p.location();
            crate::say!(
                "    {}{col}: {}",
                if loc.is_empty() { "-".to_string() } else { loc },
                p.message()
            );
        }
    }
    Ok(())
}

/// The check as JSON, each problem with its Dutch message beside its data.
fn with_messages(result: &perspectief_core::check::registration::CheckResult) -> serde_json::Value {
    let mut value = serde_json::to_value(result).unwrap_or_default();
    if let Some(problems) = value.get_mut("problems").and_then(|p| p.as_array_mut()) {
        for (json, p) in problems.iter_mut().zip(&result.problems) {
            if let Some(object) = json.as_object_mut() {
                object.insert("message".into(), p.message().into());
            }
        }
    }
    value
}
