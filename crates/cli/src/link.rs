//! `perspectief link`: registrations to the national extract, with Table 3.

use std::path::PathBuf;

use perspectief_core::check::registration::{check, CheckOptions};
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use perspectief_core::link::estimate::Scoring;
use perspectief_core::link::linkage::{link, LinkOptions};
use perspectief_core::messages::Localized;

#[derive(clap::Args)]
pub struct LinkArgs {
    /// Steunpunt registrations.
    #[arg(long, required = true, num_args = 1..)]
    local: Vec<PathBuf>,
    /// The national DMB/IND extract.
    #[arg(long)]
    national: PathBuf,
    /// Steunpunt characteristics (attached per steunpunt in the analysis file).
    #[arg(long)]
    characteristics: Option<PathBuf>,
    /// Reference date for the derived variables (YYYY-MM-DD).
    #[arg(long)]
    peildatum: Option<String>,
    /// Write the analysis file (one row per person, no V-nummers or names) as CSV.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Write the national extract's persons who are not in the analysis file (same columns) as CSV:
    /// the wider population for `perspectief anonymise --population`.
    #[arg(long)]
    population_out: Option<PathBuf>,
    /// Accept fallback candidates at or above this score (0–1) in bulk.
    #[arg(long)]
    accept_fallback_above: Option<f64>,
    /// Propose fallback candidates at or above this score (0–1); the error rates are estimated here.
    #[arg(long, default_value_t = 0.85)]
    propose_above: f64,
    /// How the fallback scores: fellegi-sunter (weights learnt from the V-nummer links) or fixed
    /// (the earlier 0.6 name + 0.3 birth date + 0.1 sex).
    #[arg(long, value_enum, default_value_t = ScoringArg::FellegiSunter)]
    scoring: ScoringArg,
    /// Print every link decision as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ScoringArg {
    FellegiSunter,
    Fixed,
}

fn read(path: &PathBuf, kind: FileKind) -> Result<LoadedFile, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
    let name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    load(&name, &bytes, Some(kind), &known_with(&[])).map_err(|e| e.to_string())
}

pub fn run(args: &LinkArgs) -> Result<(), String> {
    let mut files = Vec::new();
    for p in &args.local {
        match read(p, FileKind::Registration) {
            Ok(f) => files.push(f),
            Err(e) => crate::warn!("Niet gelezen: {e}"),
        }
    }
    files.push(read(&args.national, FileKind::National)?);
    if let Some(c) = &args.characteristics {
        files.push(read(c, FileKind::Characteristics)?);
    }
    let refs: Vec<&LoadedFile> = files.iter().collect();
    let checked = check(&refs, &CheckOptions::default());
    if !(0.0..=1.0).contains(&args.propose_above) {
        return Err(format!(
            "--propose-above: {} ligt niet tussen 0 en 1.",
            args.propose_above
        ));
    }
    let options = LinkOptions {
        accept_above: args.accept_fallback_above,
        propose_above: args.propose_above,
        scoring: match args.scoring {
            ScoringArg::FellegiSunter => Scoring::FellegiSunter,
            ScoringArg::Fixed => Scoring::Fixed,
        },
        ..LinkOptions::default()
    };
    let linkage = link(&refs, &checked, &options).map_err(|e| e.to_string())?;
    if let Some(out) = &args.out {
        let peildatum = args
            .peildatum
            .as_deref()
            .map(perspectief_core::date::Date::parse_iso)
            .transpose()
            .map_err(|e| format!("--peildatum: {e}"))?;
        let analysis = perspectief_core::analysis::build(&refs, &checked, &linkage, peildatum);
        let csv = perspectief_core::write::csv::write(
            &analysis.sheet(crate::anonymise::random_seed()),
            perspectief_core::write::csv::CsvStyle::default(),
        );
        std::fs::write(out, csv).map_err(|e| format!("Kan {} niet schrijven: {e}", out.display()))?;
        if let Some(path) = &args.population_out {
            let extra = perspectief_core::analysis::population_extra(&refs, &linkage, &analysis);
            let columns: Vec<(&str, &perspectief_core::chaid::RawColumn)> =
                extra.iter().map(|(n, c)| (n.as_str(), c)).collect();
            let mut sheet = perspectief_core::analysis::columns_sheet("Populatie", &columns);
            perspectief_core::rng::Rng::new(crate::anonymise::random_seed()).shuffle(&mut sheet.rows);
            let csv = perspectief_core::write::csv::write(&sheet, perspectief_core::write::csv::CsvStyle::default());
            std::fs::write(path, csv).map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))?;
        }
        crate::warn!(
            "Analysebestand: {} personen, {} met landelijke gegevens, {} variabelen, peildatum {} → {}",
            analysis.persons,
            analysis.with_national_data,
            analysis.variables.len(),
            analysis.peildatum,
            out.display()
        );
    }
    if args.json {
        crate::say!("{}", serde_json::to_string_pretty(&linkage).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let t = &linkage.table3;
    crate::say!("Controle van de koppeling (rapport, tabel 3)");
    crate::say!(
        "{:<22}{:>18}{:>22}",
        "Controlevariabele",
        "Aantal afwijkend",
        "Aantal onverenigbaar"
    );
    for (label, (dev, inc)) in [
        ("Sekse", t.sex),
        ("Land van herkomst", t.country),
        ("Geboortedatum", t.birth),
        ("Totaal aantal cases", t.total),
    ] {
        crate::say!("{label:<22}{dev:>18}{inc:>22}");
    }
    crate::say!();
    crate::say!("Personen in de registraties:        {}", t.persons);
    crate::say!("Gekoppeld op V-nummer:              {}", t.linked_by_v_nummer);
    crate::say!("Gekoppeld op naam en geboortedatum: {}", t.linked_by_fallback);
    crate::say!("Voorstellen nog te beoordelen:      {}", t.proposals_open);
    crate::say!("Niet gevonden:                      {}", t.not_found);
    crate::say!("Landelijke rijen zonder persoon:    {}", t.national_without_person);
    crate::say!("Met landelijke gegevens (verenigbaar): {}", t.with_national_data);
    if let Some(e) = &linkage.fallback_estimate {
        crate::say!();
        crate::say!("{}", e.text(perspectief_core::locale::Locale::Nl));
        crate::say!(
            "{}",
            perspectief_core::messages::fallback_rests_on(e, perspectief_core::locale::Locale::Nl)
        );
    }
    Ok(())
}
