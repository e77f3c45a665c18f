//! The tree and its tables as text, the way SPSS users read them.

use perspectief_core::chaid::report::Report;
use perspectief_core::chaid::screen::ScreenRow;
use perspectief_core::chaid::tree::{Node, Summary};
use perspectief_core::chaid::{Dataset, Method};
use perspectief_core::locale::Locale;

fn t(locale: Locale, nl: &'static str, en: &'static str) -> &'static str {
    if locale == Locale::Nl {
        nl
    } else {
        en
    }
}

/// A p-value: 3 decimals, or scientific below 0.001 (`1,471e-81`).
pub fn p_value(p: f64, ln_p: f64, locale: Locale) -> String {
    if p >= 0.001 {
        return locale.number(p, 3);
    }
    if p > 0.0 {
        let s = format!("{p:.3e}");
        return if locale == Locale::Nl { s.replace('.', ",") } else { s };
    }
    // Below f64's range: print from the logarithm.
    let log10 = ln_p / std::f64::consts::LN_10;
    let exp = log10.floor();
    let mantissa = 10f64.powf(log10 - exp);
    let s = format!("{mantissa:.3}e{}", exp as i64);
    if locale == Locale::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

fn statistic_name(kind: &str, locale: Locale) -> &'static str {
    match kind {
        "f" => "F",
        "likelihood_ratio" => t(locale, "Likelihood-ratio chi-kwadraat", "Likelihood-ratio chi-square"),
        "row_effects" => t(locale, "Chi-kwadraat (rij-effecten)", "Chi-square (row effects)"),
        _ => t(locale, "Chi-kwadraat", "Chi-square"),
    }
}

fn node_line(report: &Report, node: &Node, locale: Locale) -> String {
    let tree = &report.tree;
    let mut s = format!(
        "{} {} (n = {}; {})",
        t(locale, "Knoop", "Node"),
        node.id,
        locale.number(node.n, 0),
        locale.percent(node.share, 1)
    );
    match &node.summary {
        Summary::Classes { counts } => {
            let label = &tree.target.categories[node.predicted as usize];
            s.push_str(&format!(" {}: {label} |", t(locale, "voorspeld", "predicted")));
            for (k, c) in counts.iter().enumerate() {
                let share = if node.n > 0.0 { c / node.n } else { 0.0 };
                s.push_str(&format!(
                    " {}: {} ({})",
                    tree.target.categories[k],
                    locale.percent(share, 1),
                    locale.number(*c, 0)
                ));
            }
        }
        Summary::Scale { mean, sd } => {
            s.push_str(&format!(
                " {} = {}; {} = {}",
                t(locale, "gemiddelde", "mean"),
                locale.number(*mean, 3),
                t(locale, "std.afw.", "std. dev."),
                locale.number(*sd, 3)
            ));
        }
    }
    s
}

fn render_node(report: &Report, id: usize, prefix: &str, out: &mut String, locale: Locale) {
    let node = &report.tree.nodes[id];
    let Some(split) = &node.split else { return };
    let df = if split.statistic_kind == "f" {
        format!("df = {}, {}", locale.number(split.df1, 0), locale.number(split.df2, 0))
    } else {
        format!("df = {}", locale.number(split.df1, 0))
    };
    out.push_str(&format!(
        "{prefix}{}: Adj. P-{} = {}; {} = {}; {df}\n",
        split.name,
        t(locale, "waarde", "value"),
        p_value(split.adj_p, split.adj_ln_p, locale),
        statistic_name(&split.statistic_kind, locale),
        locale.number(split.statistic, 3),
    ));
    for (k, &child) in node.children.iter().enumerate() {
        let last = k + 1 == node.children.len();
        let c = &report.tree.nodes[child];
        let label = c.branch.as_ref().map_or("", |b| b.label.as_str());
        out.push_str(&format!(
            "{prefix}{} {label} → {}\n",
            if last { "└─" } else { "├─" },
            node_line(report, c, locale)
        ));
        let deeper = format!("{prefix}{}", if last { "     " } else { "│    " });
        render_node(report, child, &deeper, out, locale);
    }
}

pub fn render(report: &Report, data: &Dataset, locale: Locale) -> String {
    let tree = &report.tree;
    let p = &tree.params;
    let mut out = String::new();
    out.push_str(&format!(
        "{}: {} ({}); {} {}\n",
        t(locale, "Afhankelijke variabele", "Dependent variable"),
        tree.target.name,
        tree.target.level.name(locale),
        locale.number(tree.total, 0),
        t(locale, "gevallen", "cases"),
    ));
    let d = data.dropped;
    if d.missing_target + d.missing_all_predictors + d.non_positive_weight > 0 {
        out.push_str(&format!(
            "{}: {} {}, {} {}, {} {}\n",
            t(locale, "Niet meegenomen", "Left out"),
            d.missing_target,
            t(locale, "zonder afhankelijke", "without dependent"),
            d.missing_all_predictors,
            t(locale, "zonder voorspellers", "without predictors"),
            d.non_positive_weight,
            t(locale, "zonder geldig gewicht", "without valid weight"),
        ));
    }
    out.push_str(&format!(
        "{}: {}; max. {} {}; min. {} {}; min. {} {}; alpha {} {}; alpha {} {}\n\n",
        t(locale, "Methode", "Method"),
        if p.method == Method::Chaid {
            "CHAID"
        } else {
            "Exhaustive CHAID"
        },
        t(locale, "diepte", "depth"),
        p.max_depth,
        t(locale, "ouderknoop", "parent node"),
        locale.number(p.min_parent, 0),
        t(locale, "kindknoop", "child node"),
        locale.number(p.min_child, 0),
        t(locale, "splitsen", "split"),
        locale.number(p.alpha_split, 2),
        t(locale, "samenvoegen", "merge"),
        locale.number(p.alpha_merge, 2),
    ));
    out.push_str(&node_line(report, &tree.nodes[0], locale));
    out.push('\n');
    render_node(report, 0, "", &mut out, locale);
    out.push_str(&format!(
        "\n{}: {} ({}: {})\n",
        t(locale, "Risico", "Risk"),
        locale.number(report.risk.estimate, 4),
        t(locale, "std.fout", "std. error"),
        locale.number(report.risk.se, 4)
    ));
    if let Some(cv) = &report.cross_validation {
        out.push_str(&format!(
            "{} ({} {}): {} ({}: {})\n",
            t(locale, "Risico na kruisvalidatie", "Cross-validated risk"),
            cv.folds,
            t(locale, "delen", "folds"),
            locale.number(cv.estimate, 4),
            t(locale, "std.fout", "std. error"),
            locale.number(cv.se, 4)
        ));
    }
    if let Some(c) = &report.classification {
        out.push_str(&format!(
            "\n{}\n",
            t(
                locale,
                "Classificatie (waargenomen × voorspeld)",
                "Classification (observed × predicted)"
            )
        ));
        out.push_str(&format!("{:<20}", t(locale, "Waargenomen", "Observed")));
        for l in &c.classes {
            out.push_str(&format!("{l:>12}"));
        }
        out.push_str(&format!("{:>14}\n", t(locale, "% correct", "% correct")));
        for (k, l) in c.classes.iter().enumerate() {
            out.push_str(&format!("{l:<20}"));
            for x in &c.counts[k] {
                out.push_str(&format!("{:>12}", locale.number(*x, 0)));
            }
            out.push_str(&format!("{:>13}%\n", locale.number(c.percent_correct[k], 1)));
        }
        out.push_str(&format!(
            "{:<20}{:>}{:>13}%\n",
            t(locale, "Totaal", "Overall"),
            " ".repeat(12 * c.classes.len()),
            locale.number(c.overall_percent_correct, 1)
        ));
    }
    if let Some(g) = &report.gains {
        out.push_str(&format!(
            "\n{} \"{}\"\n",
            t(locale, "Winst (gains) voor categorie", "Gains for category"),
            g.target_class
        ));
        out.push_str(&format!(
            "{:<8}{:>10}{:>10}{:>10}{:>10}{:>12}{:>10}\n",
            t(locale, "Knoop", "Node"),
            "n",
            t(locale, "knoop %", "node %"),
            t(locale, "winst n", "gain n"),
            t(locale, "winst %", "gain %"),
            t(locale, "respons %", "response %"),
            "index %"
        ));
        for (title, rows) in [
            (t(locale, "per knoop", "per node"), &g.nodes),
            (t(locale, "cumulatief", "cumulative"), &g.cumulative),
        ] {
            out.push_str(&format!("  {title}\n"));
            for r in rows {
                out.push_str(&format!(
                    "{:<8}{:>10}{:>10}{:>10}{:>10}{:>12}{:>10}\n",
                    r.node,
                    locale.number(r.n, 0),
                    locale.number(r.node_percent, 1),
                    locale.number(r.gain_n, 0),
                    locale.number(r.gain_percent, 1),
                    locale.number(r.response_percent, 1),
                    locale.number(r.index_percent, 1)
                ));
            }
        }
    }
    out
}

pub fn screen_table(rows: &[ScreenRow], locale: Locale) -> String {
    let mut out = format!(
        "{:<28}{:<11}{:>6}{:>8}{:>14}{:>10}{:>14}  {}\n",
        t(locale, "Voorspeller", "Predictor"),
        t(locale, "Niveau", "Level"),
        t(locale, "Cat.", "Cat."),
        t(locale, "Groep.", "Groups"),
        t(locale, "Statistiek", "Statistic"),
        "df",
        t(locale, "Adj. P", "Adj. P"),
        t(locale, "Groepen", "Groups"),
    );
    for r in rows {
        let df = if r.statistic_kind == "f" {
            format!("{}, {}", locale.number(r.df1, 0), locale.number(r.df2, 0))
        } else {
            locale.number(r.df1, 0)
        };
        out.push_str(&format!(
            "{:<28}{:<11}{:>6}{:>8}{:>14}{:>10}{:>14}  {}\n",
            r.predictor,
            r.level.name(locale),
            r.categories,
            r.groups.len(),
            locale.number(r.statistic, 3),
            df,
            p_value(r.adj_p, r.adj_ln_p, locale),
            r.groups.join(" | "),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_read_like_spss_and_survive_underflow() {
        assert_eq!(p_value(0.0472, (0.0472f64).ln(), Locale::Nl), "0,047");
        assert_eq!(p_value(1.471e-81, (1.471e-81f64).ln(), Locale::Nl), "1,471e-81");
        assert_eq!(p_value(0.0, -2500.0, Locale::En), "1.836e-1086");
    }
}
