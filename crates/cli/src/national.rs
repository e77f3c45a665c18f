//! `perspectief national-figures` (the researcher: the national figures file from the analysis
//! file) and `perspectief compare` (a steunpunt: its own registration beside that file).

use std::path::PathBuf;

use perspectief_core::date::Date;
use perspectief_core::ingest::load::{load, LoadedFile};
use perspectief_core::ingest::steunpunt::known_with;
use perspectief_core::kind::FileKind;
use perspectief_core::locale::Locale;
use perspectief_core::messages::Localized;
use perspectief_core::national::{self, NationalFigures, Options, Period};

use crate::table_file;

#[derive(clap::Args)]
pub struct NationalFiguresArgs {
    /// The analysis file (csv, xlsx, …) as `perspectief link --out` or the app writes it: one
    /// row per person with `steunpunt` and the derived variables.
    #[arg(long)]
    data: PathBuf,
    /// The peildatum the analysis file was made with (YYYY-MM-DD). The file carries it in its
    /// `peildatum` column; give it only for a file without one (an older version's), or to check
    /// that the file is the one you mean. A steunpunt computes its own durations with it.
    #[arg(long)]
    peildatum: Option<String>,
    /// Write the national figures (JSON) here.
    #[arg(long)]
    out: PathBuf,
    /// Counts below this are hidden, and no steunpunt can work out such a count about others.
    #[arg(long, default_value_t = perspectief_core::disclosure::DEFAULT_THRESHOLD)]
    threshold: u64,
    /// Intake per year or per quarter.
    #[arg(long, value_enum, default_value_t = PeriodArg::Year)]
    period: PeriodArg,
    /// The outcome dummy the tree explains (mob, terugkeer, verblijfsvergunning, in_begeleiding).
    #[arg(long, default_value = "mob")]
    tree_target: String,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PeriodArg {
    Year,
    Quarter,
}

#[derive(clap::Args)]
pub struct CompareArgs {
    /// The national figures file (JSON) from `perspectief national-figures`.
    #[arg(long)]
    national: PathBuf,
    /// The steunpunt's own registration file(s).
    #[arg(long, required = true, num_args = 1..)]
    local: Vec<PathBuf>,
    /// Print the comparison as JSON.
    #[arg(long)]
    json: bool,
    /// Language of the text: nl or en.
    #[arg(long, default_value = "nl")]
    lang: String,
}

pub fn figures(args: &NationalFiguresArgs) -> Result<(), String> {
    let given = args
        .peildatum
        .as_deref()
        .map(Date::parse_iso)
        .transpose()
        .map_err(|e| format!("--peildatum: {e}"))?;
    let columns = table_file::read(&args.data)?;
    let refs: Vec<(&str, &perspectief_core::chaid::RawColumn)> = columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let peildatum = national::peildatum::resolve(&refs, given).map_err(|e| e.to_string())?;
    let options = Options {
        threshold: args.threshold,
        period: match args.period {
            PeriodArg::Year => Period::Year,
            PeriodArg::Quarter => Period::Quarter,
        },
        tree_target: args.tree_target.clone(),
        ..Options::default()
    };
    let figures = national::build(&refs, peildatum, &options).map_err(|e| e.to_string())?;
    std::fs::write(&args.out, figures.to_json() + "\n")
        .map_err(|e| format!("Kan {} niet schrijven: {e}", args.out.display()))?;
    let c = &figures.content;
    crate::warn!(
        "Landelijk beeld: {} personen bij {} steunpunten, peildatum {}, drempel {}{} → {}",
        c.persons,
        c.steunpunten,
        c.peildatum,
        c.threshold,
        if c.tree.is_some() {
            ", met boom"
        } else {
            ", zonder boom"
        },
        args.out.display()
    );
    crate::say!(
        "Vingerafdruk (maak deze bekend aan de steunpunten): {}",
        figures.fingerprint()
    );
    Ok(())
}

fn read_registration(path: &PathBuf) -> Result<LoadedFile, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
    let name = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    load(&name, &bytes, Some(FileKind::Registration), &known_with(&[])).map_err(|e| e.to_string())
}

pub fn compare(args: &CompareArgs) -> Result<(), String> {
    let locale = if args.lang == "en" { Locale::En } else { Locale::Nl };
    let text = std::fs::read_to_string(&args.national)
        .map_err(|e| format!("Kan {} niet openen: {e}", args.national.display()))?;
    let figures = NationalFigures::read(&text).map_err(|e| e.text(locale))?;
    let mut files = Vec::new();
    for p in &args.local {
        files.push(read_registration(p)?);
    }
    let comparison = national::compare(&figures, &files).map_err(|e| e.text(locale))?;
    if args.json {
        crate::say!(
            "{}",
            serde_json::to_string_pretty(&comparison).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", crate::term::visible(&national::text::render(&comparison, locale)));
    }
    Ok(())
}
