//! Rules as sentences: "Knoop 7: als communicatie_dtv = goed of slecht en
//! contacten_per_maand ≤ 18,5, dan mob = ja (13,7 %; n = 327)."

use super::{rules, stated, Allowed, Condition};
use crate::chaid::published::PublishedTree;
use crate::chaid::tree::{Tree, VariableInfo};
use crate::locale::Locale;

fn words(locale: Locale) -> (&'static str, &'static str, &'static str, &'static str) {
    match locale {
        Locale::Nl => ("of", "en", "ontbreekt", "Knoop"),
        Locale::En => ("or", "and", "is missing", "Node"),
    }
}

fn number(x: f64, locale: Locale) -> String {
    // As many decimals as the value needs (cut points are data values), at most six.
    let mut s = locale.number(x, 6);
    let comma = if locale == Locale::Nl { ',' } else { '.' };
    if s.contains(comma) {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with(comma) {
            s.pop();
        }
    }
    s
}

fn list(items: Vec<String>, or: &str) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} {or} {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// One predictor's condition in words.
pub fn condition(c: &Condition, v: &VariableInfo, locale: Locale) -> String {
    let (or, _, missing_word, _) = words(locale);
    let name = &v.name;
    let missing = c.missing(v);
    let values = match c.allowed(v) {
        Allowed::Texts(t) => t.into_iter().map(String::from).collect::<Vec<_>>(),
        Allowed::Numbers(n) => n.into_iter().map(|x| number(x, locale)).collect(),
        Allowed::Intervals(runs) => {
            let parts: Vec<String> = runs
                .into_iter()
                .map(|run| match run {
                    (None, None) => format!(
                        "{name} {}",
                        if locale == Locale::Nl {
                            "heeft een waarde"
                        } else {
                            "has a value"
                        }
                    ),
                    (None, Some(u)) => format!("{name} ≤ {}", number(u, locale)),
                    (Some(l), None) => format!("{name} > {}", number(l, locale)),
                    (Some(l), Some(u)) => format!("{} < {name} ≤ {}", number(l, locale), number(u, locale)),
                })
                .collect();
            let mut all = parts;
            if missing {
                all.push(format!("{name} {missing_word}"));
            }
            // Two or more parts in brackets: the rule joins conditions with "en".
            return if all.len() > 1 {
                format!("({})", list(all, or))
            } else {
                list(all, or)
            };
        }
    };
    match (values.is_empty(), missing) {
        (true, true) => format!("{name} {missing_word}"),
        (false, true) => format!("{name} = {} {or} {missing_word}", list(values, or)),
        (false, false) => format!("{name} = {}", list(values, or)),
        (true, false) => format!("{name} = –"),
    }
}

/// Every terminal node's rule as a sentence, by node id.
pub fn sentences(tree: &Tree, published: &PublishedTree, locale: Locale) -> Vec<(usize, String)> {
    let (_, and, _, node_word) = words(locale);
    let threshold = published.threshold;
    rules(tree)
        .into_iter()
        .filter(|r| r.terminal)
        .map(|r| {
            let conditions: Vec<String> = r
                .conditions
                .iter()
                .map(|c| condition(c, &tree.predictors[c.predictor], locale))
                .collect();
            let when = if conditions.is_empty() {
                match locale {
                    Locale::Nl => "voor iedereen".to_string(),
                    Locale::En => "for everyone".to_string(),
                }
            } else {
                let joined = conditions.join(&format!(" {and} "));
                match locale {
                    Locale::Nl => format!("als {joined}"),
                    Locale::En => format!("if {joined}"),
                }
            };
            let s = stated(published, r.node);
            let target = &tree.target.name;
            let then = match (s.n, &s.predicted, s.mean) {
                (None, _, _) => match locale {
                    Locale::Nl => format!("dan minder dan {threshold} cliënten (niet getoond)"),
                    Locale::En => format!("then fewer than {threshold} clients (not shown)"),
                },
                (Some(n), Some((class, pct)), _) => {
                    let pct = pct.map_or_else(String::new, |p| format!("{} %; ", locale.number(p, 1)));
                    let n = locale.integer(n);
                    match locale {
                        Locale::Nl => format!("dan {target} = {class} ({pct}n = {n})"),
                        Locale::En => format!("then {target} = {class} ({pct}n = {n})"),
                    }
                }
                (Some(n), None, Some(mean)) => {
                    let (mean, n) = (locale.number(mean, 2), locale.integer(n));
                    match locale {
                        Locale::Nl => format!("dan gemiddeld {target} = {mean} (n = {n})"),
                        Locale::En => format!("then mean {target} = {mean} (n = {n})"),
                    }
                }
                (Some(n), None, None) => format!("(n = {})", locale.integer(n)),
            };
            (r.node, format!("{node_word} {}: {when}, {then}.", r.node))
        })
        .collect()
}

/// The line under the rules: what happens to a value the tree has not seen.
pub fn unseen_note(locale: Locale) -> &'static str {
    match locale {
        Locale::Nl => "Wie een waarde heeft die de boom niet kende (een nieuwe categorie), blijft in de laatste knoop die hij bereikt.",
        Locale::En => "Someone with a value the tree did not know (a new category) stays in the last node they reach.",
    }
}
