//! `perspectief score --pmml F --data FILE --target COL [--json]`: a saved tree applied to a new
//! wave, in aggregate only (per terminal node n, the observed distribution, the model's
//! expected distribution and a drift test; then the risk and the classification table), all
//! through the disclosure rule. It prints no case's node or prediction, and has no option to.

use std::path::PathBuf;

use clap::Args;
use perspectief_core::chaid::rules::pmml_read::PmmlTree;
use perspectief_core::chaid::wave::{apply, Test, WaveReport};
use perspectief_core::disclosure::{Count, HIDDEN};
use perspectief_core::locale::Locale;
use perspectief_core::messages::Localized;

#[derive(Args)]
pub struct ScoreArgs {
    /// The saved tree, as PMML (from `perspectief chaid --pmml` or the page).
    #[arg(long)]
    pmml: PathBuf,
    /// The new wave: an analysis file (csv, xlsx, xls, ods) with the model's predictors.
    #[arg(long)]
    data: PathBuf,
    /// The column of the new wave that holds the observed outcome.
    #[arg(long)]
    target: String,
    /// Print the tables as JSON.
    #[arg(long)]
    json: bool,
    /// Counts below this are not shown.
    #[arg(long, default_value_t = perspectief_core::disclosure::DEFAULT_THRESHOLD)]
    threshold: u64,
    #[arg(long, default_value = "nl")]
    lang: String,
}

pub fn run(args: &ScoreArgs) -> Result<(), String> {
    let locale = if args.lang == "en" { Locale::En } else { Locale::Nl };
    let text =
        std::fs::read_to_string(&args.pmml).map_err(|e| format!("Kan {} niet openen: {e}", args.pmml.display()))?;
    let model = PmmlTree::parse(&text).map_err(|e| format!("{}: {}", args.pmml.display(), e.text(locale)))?;
    let mut columns = crate::table_file::read(&args.data)?;
    // The observed outcome under the model's name for it.
    if args.target != model.target {
        columns.retain(|(n, _)| *n != model.target);
    }
    let outcome = columns
        .iter_mut()
        .find(|(n, _)| *n == args.target)
        .ok_or_else(|| match locale {
            Locale::Nl => format!("{} heeft geen kolom '{}'.", args.data.display(), args.target),
            Locale::En => format!("{} has no column '{}'.", args.data.display(), args.target),
        })?;
    outcome.0 = model.target.clone();
    let borrowed: Vec<(&str, &perspectief_core::chaid::RawColumn)> =
        columns.iter().map(|(n, c)| (n.as_str(), c)).collect();
    let report = apply(&model, &borrowed, args.threshold, None).map_err(|e| e.text(locale))?;
    if args.json {
        crate::say!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    } else {
        print!("{}", text_report(&report, locale));
    }
    Ok(())
}

fn count(c: Count, t: u64, l: Locale) -> String {
    c.text(t, l)
}

fn pct(x: Option<f64>, l: Locale) -> String {
    x.map_or(HIDDEN.to_string(), |x| format!("{} %", l.number(x, 1)))
}

fn test_text(t: Option<Test>, l: Locale) -> String {
    let nl = l == Locale::Nl;
    match t {
        None => (if nl { "niet getoond" } else { "not shown" }).to_string(),
        Some(t) => format!(
            "χ² = {}, df = {}, p = {}{}",
            l.number(t.statistic, 2),
            t.df,
            l.number(t.adj_p, 3),
            if t.flagged {
                if nl {
                    "  ← verschuiving"
                } else {
                    "  ← drift"
                }
            } else {
                ""
            }
        ),
    }
}

/// The report as text, in the chosen language.
pub fn text_report(r: &WaveReport, l: Locale) -> String {
    let nl = l == Locale::Nl;
    let t = r.threshold;
    let mut out = String::new();
    out.push_str(&if nl {
        format!(
            "Boom voor {} toegepast op een nieuwe golf: {} cliënten ({} zonder bekende uitkomst, of met een uitkomst die het model niet kent, niet meegeteld).\nPer eindknoop: waargenomen in deze golf, tegen verwacht volgens het model; verschuiving: χ², p Bonferroni-gecorrigeerd over {} eindknopen.\n",
            r.target,
            count(r.total, t, l),
            r.left_out,
            r.nodes.len()
        )
    } else {
        format!(
            "Tree for {} applied to a new wave: {} clients ({} without a known outcome, or one the model does not know, left out).\nPer terminal node: observed in this wave, against expected by the model; drift: χ², p Bonferroni-adjusted over {} terminal nodes.\n",
            r.target,
            count(r.total, t, l),
            r.left_out,
            r.nodes.len()
        )
    });
    for n in &r.nodes {
        out.push_str(&format!(
            "\n{} {}: n = {} ({}; {} {})\n",
            if nl { "Knoop" } else { "Node" },
            n.node,
            count(n.n, t, l),
            pct(n.share, l),
            if nl { "verwacht" } else { "expected" },
            pct(n.expected_share, l)
        ));
        out.push_str(&format!(
            "  {}: {}\n",
            if nl { "aandeel" } else { "share" },
            test_text(n.share_test, l)
        ));
        for (j, class) in r.classes.iter().enumerate() {
            out.push_str(&format!(
                "  {class}: {} ({}; {} {})\n",
                count(n.observed[j], t, l),
                pct(n.observed_percent[j], l),
                if nl { "verwacht" } else { "expected" },
                pct(n.expected_percent.as_ref().map(|e| e[j]), l)
            ));
        }
        out.push_str(&format!(
            "  {}: {}\n",
            if nl { "verdeling" } else { "distribution" },
            test_text(n.distribution_test, l)
        ));
    }
    let model = r.model_risk.map_or(String::new(), |m| {
        format!(
            "; {} {}",
            if nl { "in het model" } else { "in the model" },
            l.number(m, 3)
        )
    });
    out.push_str(&match r.risk {
        Some((e, se)) => format!(
            "\n{}: {} ({} {}{model})\n",
            if nl { "Risico" } else { "Risk" },
            l.number(e, 3),
            if nl { "std. fout" } else { "std. error" },
            l.number(se, 3)
        ),
        None => format!(
            "\n{}\n",
            if nl {
                "Risico: niet getoond."
            } else {
                "Risk: not shown."
            }
        ),
    });
    if let Some(c) = &r.classification {
        out.push_str(if nl {
            "Classificatie (waargenomen × voorspeld):\n"
        } else {
            "Classification (observed × predicted):\n"
        });
        out.push_str(&format!(
            "  \t{}\t% {}\n",
            c.classes.join("\t"),
            if nl { "juist" } else { "correct" }
        ));
        for (k, row) in c.classes.iter().zip(&c.counts) {
            let cells: Vec<String> = row.iter().map(|x| count(*x, t, l)).collect();
            let j = c.classes.iter().position(|x| x == k).unwrap_or(0);
            out.push_str(&format!(
                "  {k}\t{}\t{}\n",
                cells.join("\t"),
                pct(c.percent_correct.get(j).copied().flatten(), l)
            ));
        }
        out.push_str(&format!(
            "  {}: {}\n",
            if nl { "totaal juist" } else { "overall correct" },
            pct(c.overall_percent_correct, l)
        ));
    }
    if r.hides {
        out.push_str(&format!("{}\n", perspectief_core::disclosure::note(t, l)));
    }
    out.push_str(if nl {
        "Alleen groepen: geen cliënt krijgt een eigen voorspelling of score (profilering per persoon maakt Perspectief niet).\n"
    } else {
        "Groups only: no client gets a prediction or score of their own (Perspectief does not profile persons).\n"
    });
    out
}
