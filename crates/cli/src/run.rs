//! `perspectief run --recept R.json FILES…`: apply a recept saved in the app to
//! the same files and write the same tables (CSV) and trees into a folder: each
//! tree as it is published (JSON, docs/chaid-json.md, and its tables as xlsx),
//! through the disclosure rule like everything the app shows; `--exact` writes
//! the fitted tree with every count instead (for the researcher's own machine).

use std::path::PathBuf;

use perspectief_core::analysis::run as analyses;
use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::load::{load_mapped, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use perspectief_core::link::linkage::{link, LinkOptions, Linkage};
use perspectief_core::recept::{Analysis, Fingerprint, Recept};
use perspectief_core::write::csv::{write, CsvStyle};

/// The JSON form of a published tree.
pub const PUBLISHED_FORMAT: &str = "perspectief-chaid-gepubliceerd/1";

#[derive(clap::Args)]
pub struct RunArgs {
    /// The recept (saved in the app with "Recept opslaan").
    #[arg(long)]
    recept: PathBuf,
    /// The files the recept was made with.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Folder for the tables and trees.
    #[arg(long, default_value = "perspectief-uitvoer")]
    out: PathBuf,
    /// Print how long each step took (to stderr), for benchmarks.
    #[arg(long)]
    timing: bool,
    /// Write each tree with every count (the fitted report), not as published. Not for sharing.
    #[arg(long)]
    exact: bool,
    /// Counts below this are hidden in the trees written (as on the page).
    #[arg(long, default_value_t = perspectief_core::disclosure::DEFAULT_THRESHOLD)]
    threshold: u64,
}

pub fn run(args: &RunArgs) -> Result<(), String> {
    let text =
        std::fs::read_to_string(&args.recept).map_err(|e| format!("Kan {} niet openen: {e}", args.recept.display()))?;
    let recept = Recept::parse(&text).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    for path in &args.files {
        let b = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        bytes.push((name, b));
    }
    let prints: Vec<Fingerprint> = bytes.iter().map(|(_, b)| Fingerprint::of(b)).collect();
    let named: Vec<(&str, &Fingerprint)> = bytes.iter().zip(&prints).map(|((n, _), p)| (n.as_str(), p)).collect();
    for warning in recept.file_warnings(&named) {
        eprintln!("Let op: {warning}");
    }
    let mut files: Vec<LoadedFile> = Vec::new();
    for (name, b) in &bytes {
        let choice = recept.files.iter().find(|f| f.name == *name);
        let kind = choice.and_then(|c| c.kind);
        let mapping = choice.map_or(&[][..], |c| c.mapping.as_slice());
        match load_mapped(name, b, kind, &known_with(&[]), mapping) {
            Ok(mut f) => {
                if let Some(sp) = choice.and_then(|c| c.steunpunt.clone()) {
                    f.steunpunt = Some(sp);
                }
                files.push(f);
            }
            Err(e) => eprintln!("Niet gelezen: {e}"),
        }
    }
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(
        &refs,
        &CheckOptions {
            conflict_rule: recept.conflict_rule,
            ..CheckOptions::default()
        },
    );
    let linkage = if refs.iter().any(|f| f.kind == FileKind::National) {
        let options = LinkOptions {
            accept_above: recept.accept_above,
            overrules: recept.overrules.clone(),
            ..LinkOptions::default()
        };
        link(&refs, &checked, &options).map_err(|e| e.to_string())?
    } else {
        Linkage::without_extract(checked.persons.len())
    };
    let mut a = perspectief_core::analysis::build(&refs, &checked, &linkage, recept.peildatum);
    a.set_levels(&recept.levels);
    std::fs::create_dir_all(&args.out).map_err(|e| format!("Kan {} niet maken: {e}", args.out.display()))?;
    let save = |name: String, contents: &[u8]| {
        let path = args.out.join(&name);
        std::fs::write(&path, contents).map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))?;
        println!("{}", path.display());
        Ok::<(), String>(())
    };
    for (i, analysis) in recept.analyses.iter().enumerate() {
        let n = i + 1;
        match analysis {
            Analysis::Table { table, threshold } => {
                let (sheet, stem) = analyses::table(&a, table, *threshold)?.sheet();
                save(format!("{n:02}-tabel-{stem}.csv"), &write(&sheet, CsvStyle::default()))?;
            }
            Analysis::Tree {
                target,
                predictors,
                params,
                target_class,
            } => {
                let started = std::time::Instant::now();
                let view = analyses::tree(&a, target, predictors, params.clone(), target_class.as_deref(), || 0.0)?;
                if args.timing {
                    eprintln!(
                        "tree target={target} predictors={} rows={} nodes={} ms={:.1}",
                        predictors.len(),
                        a.persons,
                        view.report.tree.nodes.len(),
                        started.elapsed().as_secs_f64() * 1e3
                    );
                }
                let json = if args.exact {
                    serde_json::to_string_pretty(&view.report)
                } else {
                    let published = view.report.publish(args.threshold);
                    let gains = view.report.gains.as_ref().and_then(|g| {
                        let class = published.categories.iter().position(|c| *c == g.target_class)?;
                        published.gains(class, &g.nodes)
                    });
                    let xlsx = perspectief_core::write::xlsx::write(
                        &published.sheets(gains.as_ref()),
                        crate::anonymise::today(),
                    )
                    .map_err(|e| e.to_string())?;
                    save(format!("{n:02}-boom-{target}.xlsx"), &xlsx)?;
                    serde_json::to_string_pretty(&serde_json::json!({
                        "format": PUBLISHED_FORMAT,
                        "params": view.report.tree.params,
                        "tree": published,
                        "gains": gains,
                    }))
                };
                save(
                    format!("{n:02}-boom-{target}.json"),
                    json.map_err(|e| e.to_string())?.as_bytes(),
                )?;
            }
            Analysis::Screen {
                target,
                predictors,
                params,
            } => {
                let view = analyses::screening(&a, target, predictors, params.clone())?;
                save(
                    format!("{n:02}-screening-{target}.json"),
                    serde_json::to_string_pretty(&view)
                        .map_err(|e| e.to_string())?
                        .as_bytes(),
                )?;
            }
            Analysis::Compare { target, params } => {
                let view = analyses::compare(&a, target, params.clone())?;
                save(
                    format!("{n:02}-vergelijking-{target}.json"),
                    serde_json::to_string_pretty(&view)
                        .map_err(|e| e.to_string())?
                        .as_bytes(),
                )?;
            }
        }
    }
    Ok(())
}
