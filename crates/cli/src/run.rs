//! `perspectief run --recept R.json FILES…`: apply a recept saved in the app to
//! the same files and write the same tables (CSV) and trees into a folder: each
//! tree as it is published (JSON, docs/chaid-json.md, and its tables as xlsx),
//! through the disclosure rule like everything the app shows; `--exact` writes
//! the fitted tree with every count instead (for the researcher's own machine).

use std::path::PathBuf;

use crate::picture::{svg_file, Painter};
use perspectief_core::analysis::run::TableView;
use perspectief_core::drawing::chart;
use perspectief_core::drawing::tree::{self, layout};
use perspectief_core::recept::{Analysis, Recept};
use perspectief_core::session::{Outcome, Session};
use perspectief_core::verslag::{Block, Section};
use perspectief_core::write::csv::{write, CsvStyle};

/// The JSON form of a published tree.

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
    /// Language of the report (verslag.html, verslag.docx): nl or en.
    #[arg(long, default_value = "nl")]
    lang: String,
    /// Counts below this are hidden in the trees written (as on the page).
    #[arg(long, default_value_t = perspectief_core::disclosure::DEFAULT_THRESHOLD)]
    threshold: u64,
}

pub fn run(args: &RunArgs) -> Result<(), String> {
    let text =
        std::fs::read_to_string(&args.recept).map_err(|e| format!("Kan {} niet openen: {e}", args.recept.display()))?;
    let recept = Recept::parse(&text).map_err(|e| e.to_string())?;
    // The same session as the page's worker: files with the recept's choices, then its analyses.
    let mut session: Session<Vec<u8>> = Session::new(clock);
    for path in &args.files {
        let b = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        session.add(name, b);
    }
    session.apply(&recept);
    for warning in session.notices() {
        crate::warn!("Let op: {warning}");
    }
    let computed = session.computed(&mut |_, _, _| {});
    if let Some(Err(e)) = &computed.linkage {
        return Err(e.to_string());
    }
    for f in session.files() {
        if let Some(Err(e)) = f.loaded() {
            crate::warn!("Niet gelezen: {e}");
        }
    }
    std::fs::create_dir_all(&args.out).map_err(|e| format!("Kan {} niet maken: {e}", args.out.display()))?;
    // Names come from the data (a variable, a table): kept inside the output folder.
    let save = |name: String, contents: &[u8]| {
        let path = args.out.join(perspectief_core::write::safe_name(&name));
        std::fs::write(&path, contents).map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))?;
        crate::say!("{}", path.display());
        Ok::<(), String>(())
    };
    let persons = session
        .analysis_file(&mut |_, _, _| {})
        .map_err(|e| e.to_string())?
        .persons;
    let locale = if args.lang == "en" {
        perspectief_core::locale::Locale::En
    } else {
        perspectief_core::locale::Locale::Nl
    };
    let mut sections = Vec::new();
    // The machine's fonts, looked up once at the first picture; without any, the report has no
    // pictures and says why.
    let painter = std::cell::OnceCell::new();
    let painter = || {
        painter
            .get_or_init(|| Painter::new().map_err(|e| crate::warn!("{e}")).ok())
            .as_ref()
    };
    for (i, analysis) in recept.analyses.iter().enumerate() {
        let n = i + 1;
        let started = std::time::Instant::now();
        let outcome = session.run(analysis, &mut |_, _, _| {}).map_err(|e| e.to_string())?;
        let mut section = perspectief_core::verslag::build::section(&outcome, args.threshold, locale);
        match (analysis, outcome) {
            (Analysis::Table { .. }, Outcome::Table(view)) => {
                let (sheet, stem) = view.sheet();
                save(format!("{n:02}-tabel-{stem}.csv"), &write(&sheet, CsvStyle::default()))?;
                // A count table's chart, as the page draws it beside the table.
                if let TableView::Counts(p) = view.as_ref() {
                    let svg = svg_file(&chart::chart(p, locale), chart::STYLE);
                    save(format!("{n:02}-tabel-{stem}.svg"), svg.as_bytes())?;
                    let alt = locale.pick("Grafiek", "Chart");
                    illustrate(section.as_mut(), painter(), &svg, alt, &stem);
                }
            }
            (Analysis::Tree { target, predictors, .. }, Outcome::Tree(view)) => {
                if args.timing {
                    crate::warn!(
                        "tree target={target} predictors={} rows={persons} nodes={} ms={:.1}",
                        predictors.len(),
                        view.report.tree.nodes.len(),
                        started.elapsed().as_secs_f64() * 1e3
                    );
                }
                // An edit by hand that no longer applies is named, with why (the tree file lists them all).
                for e in view.edits.iter().filter(|e| e.problem.is_some()) {
                    crate::warn!(
                        "Let op: {target}: {}",
                        perspectief_core::messages::Localized::text(e, perspectief_core::locale::Locale::Nl)
                    );
                }
                let json = if args.exact {
                    serde_json::to_string_pretty(&view.report).map_err(|e| e.to_string())?
                } else {
                    let published = view.report.publish(args.threshold);
                    let gains = view.report.gains.as_ref().and_then(|g| {
                        let class = published.categories.iter().position(|c| *c == g.target_class)?;
                        published.gains(class, &g.nodes)
                    });
                    let xlsx = perspectief_core::write::xlsx::write(
                        &published.sheets(gains.as_ref()),
                        crate::anonymise::today(),
                        perspectief_core::locale::Locale::Nl,
                    )
                    .map_err(|e| e.to_string())?;
                    save(format!("{n:02}-boom-{target}.xlsx"), &xlsx)?;
                    view.published_json(args.threshold)
                };
                save(format!("{n:02}-boom-{target}.json"), json.as_bytes())?;
                // The published tree drawn as on the page: a file beside it, and in the report.
                let scene = layout(&view.report.publish(args.threshold), &Default::default(), locale);
                let svg = svg_file(&scene.svg(1.0, None, locale), tree::STYLE);
                save(format!("{n:02}-boom-{target}.svg"), svg.as_bytes())?;
                illustrate(section.as_mut(), painter(), &svg, &scene.title, target);
            }
            (Analysis::Screen { target, .. }, Outcome::Screening(view)) => {
                save(
                    format!("{n:02}-screening-{target}.json"),
                    serde_json::to_string_pretty(&view)
                        .map_err(|e| e.to_string())?
                        .as_bytes(),
                )?;
            }
            (Analysis::Compare { target, .. }, Outcome::Comparison(view)) => {
                save(
                    format!("{n:02}-vergelijking-{target}.json"),
                    serde_json::to_string_pretty(&view)
                        .map_err(|e| e.to_string())?
                        .as_bytes(),
                )?;
            }
            _ => unreachable!("an analysis gives its own kind of outcome"),
        }
        sections.extend(section);
    }
    // The report: the same tables and trees as published, their text, and the methods.
    let made = crate::anonymise::today().dutch();
    let verslag = perspectief_core::verslag::build::document(&session, sections, args.threshold, &made, locale);
    let html = perspectief_core::verslag::html::document(&verslag);
    save("verslag.html".into(), html.as_bytes())?;
    let docx = perspectief_core::write::docx::write(&verslag).map_err(|e| e.to_string())?;
    save("verslag.docx".into(), &docx)?;
    Ok(())
}

/// `run --timing` measures with `Instant`; the session's own clock is not needed here.
fn clock() -> f64 {
    0.0
}

/// `svg` drawn into its section of the report, after the section's text: the picture's text
/// alternative is `what` and the section's title. When it cannot be drawn, a message names
/// `name` and the run goes on.
fn illustrate(section: Option<&mut Section>, painter: Option<&Painter>, svg: &str, what: &str, name: &str) {
    let Some(painter) = painter else { return };
    match painter.png(svg) {
        Ok((png, width, height)) => {
            if let Some(s) = section {
                let alt = format!("{what}: {}", s.title);
                s.blocks.insert(
                    1,
                    Block::Image {
                        png,
                        width,
                        height,
                        alt,
                    },
                );
            }
        }
        Err(e) => crate::warn!("{name}: {e}"),
    }
}
