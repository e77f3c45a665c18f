//! `perspectief chaid` and `perspectief screen`: CHAID on a data file.

use std::path::PathBuf;

use perspectief_core::chaid::cv::cross_validate;
use perspectief_core::chaid::report::report;
use perspectief_core::chaid::screen::screen;
use perspectief_core::chaid::{fit, ChaidParams, Dataset, Level, Method, RawColumn, Spec};
use perspectief_core::locale::Locale;
use perspectief_core::stats::independence::Statistic;

use crate::table_file;
use crate::tree_text;

#[derive(clap::Args)]
pub struct ChaidArgs {
    /// Data file: .csv (delimiter sniffed) or .xlsx/.xls/.ods (first sheet).
    #[arg(long)]
    data: PathBuf,
    /// The dependent variable (column name).
    #[arg(long)]
    target: String,
    /// Level of the dependent: nominal, ordinal or scale (default: from the data).
    #[arg(long, value_parser = parse_level)]
    target_level: Option<Level>,
    /// Predictors, comma-separated (default: every other column).
    #[arg(long, value_delimiter = ',')]
    predictors: Vec<String>,
    /// Predictors to treat as nominal.
    #[arg(long, value_delimiter = ',')]
    nominal: Vec<String>,
    /// Predictors to treat as ordinal.
    #[arg(long, value_delimiter = ',')]
    ordinal: Vec<String>,
    /// Predictors to treat as scale (binned into intervals).
    #[arg(long, value_delimiter = ',')]
    scale: Vec<String>,
    /// chaid or exhaustive.
    #[arg(long, default_value = "chaid", value_parser = parse_method)]
    method: Method,
    #[arg(long, default_value_t = 3)]
    max_depth: usize,
    #[arg(long, default_value_t = 100.0)]
    min_parent: f64,
    #[arg(long, default_value_t = 50.0)]
    min_child: f64,
    #[arg(long, default_value_t = 0.05)]
    alpha_split: f64,
    #[arg(long, default_value_t = 0.05)]
    alpha_merge: f64,
    /// Likelihood-ratio statistic instead of Pearson.
    #[arg(long)]
    lr: bool,
    /// Re-split merged categories.
    #[arg(long)]
    resplit: bool,
    /// Intervals for scale predictors.
    #[arg(long, default_value_t = 10)]
    intervals: usize,
    /// Split the root on this predictor.
    #[arg(long)]
    force_first: Option<String>,
    /// Column with frequency weights.
    #[arg(long)]
    freq_weight: Option<String>,
    /// Column with case weights.
    #[arg(long)]
    case_weight: Option<String>,
    /// Class for the gains table (a category of the dependent).
    #[arg(long)]
    target_class: Option<String>,
    /// k-fold cross-validation of the risk.
    #[arg(long)]
    cv: Option<usize>,
    /// Seed for the cross-validation folds.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print the JSON report instead of text.
    #[arg(long)]
    json: bool,
    /// Print the fit time (ms, fit only) to standard error.
    #[arg(long)]
    timing: bool,
    /// Language of the text: nl or en.
    #[arg(long, default_value = "nl")]
    lang: String,
    /// Also write every node's rule as a sentence (in --lang) to this file.
    #[arg(long)]
    rules_text: Option<PathBuf>,
    /// Also write the rules as SPSS syntax (nod_001, pre_001) to this file.
    #[arg(long)]
    rules_spss: Option<PathBuf>,
    /// Also write the rules as one SQL query over a table named `data` to this file.
    #[arg(long)]
    rules_sql: Option<PathBuf>,
    /// Also write the tree as a PMML 4.4 TreeModel (its Node ids are the report's) to this file.
    #[arg(long)]
    pmml: Option<PathBuf>,
    /// Misclassification costs: one row per predicted class, one column per observed class, in
    /// the order of the dependent's categories; rows separated by `;`, values by `,` (decimal
    /// point). Example for two classes: "0,1;5,0" (predicting the second for the first costs 5).
    #[arg(long)]
    costs: Option<String>,
    /// Prior probabilities: data (default), equal, or one number per class, separated by `,`.
    #[arg(long)]
    priors: Option<String>,
    /// After the tree, what it shows in plain sentences (in --lang), written from the tree as
    /// published at --threshold.
    #[arg(long)]
    narrative: bool,
    /// Nodes with fewer cases than this state no counts or prediction in the rules.
    #[arg(long, default_value_t = perspectief_core::disclosure::DEFAULT_THRESHOLD)]
    threshold: u64,
}

fn parse_level(s: &str) -> Result<Level, String> {
    match s {
        "nominal" | "nominaal" => Ok(Level::Nominal),
        "ordinal" | "ordinaal" => Ok(Level::Ordinal),
        "scale" | "schaal" => Ok(Level::Scale),
        _ => Err(format!("onbekend meetniveau `{s}`: kies nominal, ordinal of scale")),
    }
}

fn numbers(text: &str, what: &str) -> Result<Vec<f64>, String> {
    text.split(',')
        .map(|v| {
            v.trim()
                .parse::<f64>()
                .map_err(|_| format!("{what}: `{}` is geen getal (gebruik een decimale punt).", v.trim()))
        })
        .collect()
}

/// `--costs` and `--priors` as the engine takes them.
fn assignment(args: &ChaidArgs) -> Result<perspectief_core::chaid::assignment::Assignment, String> {
    use perspectief_core::chaid::assignment::{Assignment, Priors};
    let costs = match &args.costs {
        None => Vec::new(),
        Some(text) => text
            .split(';')
            .map(|row| numbers(row, "--costs"))
            .collect::<Result<_, _>>()?,
    };
    let priors = match args.priors.as_deref().map(str::trim) {
        None | Some("data") | Some("gegevens") => Priors::Data,
        Some("equal") | Some("gelijk") => Priors::Equal,
        Some(list) => Priors::Custom(numbers(list, "--priors")?),
    };
    Ok(Assignment { costs, priors })
}

fn parse_method(s: &str) -> Result<Method, String> {
    match s {
        "chaid" => Ok(Method::Chaid),
        "exhaustive" => Ok(Method::Exhaustive),
        _ => Err(format!("onbekende methode `{s}`: kies chaid of exhaustive")),
    }
}

struct Prepared {
    data: Dataset,
    params: perspectief_core::chaid::CheckedParams,
    locale: Locale,
    levels_line: String,
}

fn prepare(args: &ChaidArgs) -> Result<Prepared, String> {
    let locale = if args.lang == "en" { Locale::En } else { Locale::Nl };
    let columns = table_file::read(&args.data)?;
    let find = |name: &str| columns.iter().find(|(n, _)| n == name).map(|(_, c)| c);
    let target_col = find(&args.target).ok_or_else(|| {
        format!(
            "De kolom `{}` staat niet in {}. Kolommen: {}.",
            args.target,
            args.data.display(),
            columns.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")
        )
    })?;
    let target_level = args.target_level.unwrap_or(match target_col {
        RawColumn::Number(_) if target_col.distinct() > 10 => Level::Scale,
        _ => Level::Nominal,
    });
    let excluded = [Some(&args.target), args.freq_weight.as_ref(), args.case_weight.as_ref()];
    let names: Vec<String> = if args.predictors.is_empty() {
        columns
            .iter()
            .map(|(n, _)| n.clone())
            .filter(|n| !excluded.contains(&Some(n)))
            .collect()
    } else {
        args.predictors.clone()
    };
    let mut predictors = Vec::new();
    for name in names {
        let col =
            find(&name).ok_or_else(|| format!("De voorspeller `{name}` staat niet in {}.", args.data.display()))?;
        let level = if args.nominal.contains(&name) {
            Level::Nominal
        } else if args.ordinal.contains(&name) {
            Level::Ordinal
        } else if args.scale.contains(&name) {
            Level::Scale
        } else {
            col.default_level()
        };
        predictors.push((name, level));
    }
    let levels_line = format!(
        "{}: {} = {} ({}); {}",
        if locale == Locale::Nl {
            "Meetniveaus"
        } else {
            "Measurement levels"
        },
        args.target,
        target_level.name(locale),
        if locale == Locale::Nl {
            "afhankelijk"
        } else {
            "dependent"
        },
        predictors
            .iter()
            .map(|(n, l)| format!("{n} = {}", l.name(locale)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let spec = Spec {
        target: args.target.clone(),
        target_level,
        predictors,
        freq_weight: args.freq_weight.clone(),
        case_weight: args.case_weight.clone(),
        intervals: args.intervals,
    };
    let data = Dataset::build(&columns, &spec).map_err(|e| e.to_string())?;
    let mut params = ChaidParams::default()
        .method(args.method)
        .max_depth(args.max_depth)
        .min_parent(args.min_parent)
        .min_child(args.min_child)
        .alpha_split(args.alpha_split)
        .alpha_merge(args.alpha_merge)
        .statistic(if args.lr {
            Statistic::LikelihoodRatio
        } else {
            Statistic::Pearson
        })
        .resplit(args.resplit)
        .intervals(args.intervals);
    if let Some(f) = &args.force_first {
        params = params.force_first(f.clone());
    }
    params = params.assignment(assignment(args)?);
    let params = params.check().map_err(|e| e.to_string())?;
    Ok(Prepared {
        data,
        params,
        locale,
        levels_line,
    })
}

pub fn run_chaid(args: &ChaidArgs) -> Result<(), String> {
    let p = prepare(args)?;
    let target_class = match &args.target_class {
        None => None,
        Some(c) => match &p.data.target {
            perspectief_core::chaid::Target::Classes { labels, .. } => Some(
                labels
                    .iter()
                    .position(|l| l == c)
                    .ok_or_else(|| perspectief_core::chaid::ChaidError::UnknownTargetClass(c.clone()).to_string())?,
            ),
            perspectief_core::chaid::Target::Scale { .. } => {
                return Err("Een doelcategorie kan alleen bij een categorische afhankelijke variabele.".into())
            }
        },
    };
    let started = std::time::Instant::now();
    let tree = fit(&p.data, &p.params).map_err(|e| e.to_string())?;
    if args.timing {
        crate::warn!("fit_ms={:.2}", started.elapsed().as_secs_f64() * 1e3);
    }
    let cv = match args.cv {
        Some(k) => Some(cross_validate(&p.data, &p.params, k, args.seed).map_err(|e| e.to_string())?),
        None => None,
    };
    let report = report(tree, &p.data, target_class, cv);
    write_rules(args, &report, p.locale)?;
    if args.json {
        crate::say!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    } else {
        crate::say!("{}", p.levels_line);
        print!("{}", tree_text::render(&report, &p.data, p.locale));
        if args.narrative {
            use perspectief_core::narrative::{report_text, units_of};
            let text = report_text(&report, args.threshold, units_of(&args.target), p.locale);
            crate::say!("\n{}", text.plain());
        }
    }
    Ok(())
}

/// The rules exports asked for: structure from the tree, numbers as published.
fn write_rules(
    args: &ChaidArgs,
    report: &perspectief_core::chaid::report::Report,
    locale: Locale,
) -> Result<(), String> {
    use perspectief_core::chaid::rules::{pmml, spss, sql, text};
    let published = report.publish(args.threshold);
    let write = |path: &PathBuf, body: String| {
        std::fs::write(path, body).map_err(|e| format!("Kan {} niet schrijven: {e}", path.display()))
    };
    if let Some(path) = &args.rules_text {
        let mut lines: Vec<String> = text::sentences(&report.tree, &published, locale)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        lines.push(text::unseen_note(locale).to_string());
        write(path, lines.join("\n") + "\n")?;
    }
    if let Some(path) = &args.rules_spss {
        write(path, spss::syntax(&report.tree, &published))?;
    }
    if let Some(path) = &args.rules_sql {
        write(path, sql::query(&report.tree))?;
    }
    if let Some(path) = &args.pmml {
        write(path, pmml::document(&report.tree, &published))?;
    }
    Ok(())
}

pub fn run_screen(args: &ChaidArgs) -> Result<(), String> {
    let p = prepare(args)?;
    let rows = screen(&p.data, &p.params).map_err(|e| e.to_string())?;
    if args.json {
        crate::say!("{}", serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?);
    } else {
        crate::say!("{}", p.levels_line);
        print!("{}", tree_text::screen_table(&rows, p.locale));
    }
    Ok(())
}
