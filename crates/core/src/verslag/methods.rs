//! The methods paragraphs of a report, written from the recept and the run's linkage: the files
//! by fingerprint, the linkage rules and Table 3, the anonymisation settings and the CHAID
//! settings. Table 3's counts go through the threshold like every other count.

use crate::chaid::{ChaidParams, Method};
use crate::link::estimate::Scoring;
use crate::link::linkage::Table3;
use crate::locale::Locale;
use crate::recept::{Analysis, Recept};
use crate::stats::independence::Statistic;

fn small(n: usize, threshold: u64, l: Locale) -> String {
    if n > 0 && (n as u64) < threshold {
        format!("<{threshold}")
    } else {
        l.integer(n as u64)
    }
}

fn chaid(p: &ChaidParams, l: Locale) -> String {
    let method = match (p.method, l) {
        (Method::Chaid, _) => "CHAID",
        (Method::Exhaustive, Locale::Nl) => "Exhaustive CHAID",
        (Method::Exhaustive, Locale::En) => "Exhaustive CHAID",
    };
    let statistic = match (p.statistic, l) {
        (Statistic::Pearson, Locale::Nl) => "Pearson-χ²",
        (Statistic::Pearson, Locale::En) => "Pearson χ²",
        (Statistic::LikelihoodRatio, Locale::Nl) => "aannemelijkheidsquotiënt",
        (Statistic::LikelihoodRatio, Locale::En) => "likelihood ratio",
    };
    let n = |x: f64, d| l.number(x, d);
    match l {
        Locale::Nl => format!(
            "{method} ({statistic}), hoogstens {} niveaus diep, ten minste {} gevallen om te splitsen en {} per groep, α splitsen {} en samenvoegen {}{}",
            p.max_depth,
            n(p.min_parent, 0),
            n(p.min_child, 0),
            n(p.alpha_split, 2),
            n(p.alpha_merge, 2),
            if p.bonferroni { ", Bonferroni-correctie" } else { "" }
        ),
        Locale::En => format!(
            "{method} ({statistic}), at most {} levels deep, at least {} cases to split and {} per group, α to split {} and to merge {}{}",
            p.max_depth,
            n(p.min_parent, 0),
            n(p.min_child, 0),
            n(p.alpha_split, 2),
            n(p.alpha_merge, 2),
            if p.bonferroni { ", Bonferroni correction" } else { "" }
        ),
    }
}

/// The methods paragraphs, in `l`.
pub fn methods(recept: &Recept, table3: Option<&Table3>, threshold: u64, l: Locale) -> Vec<String> {
    let mut out = Vec::new();
    let files: Vec<String> = recept
        .files
        .iter()
        .map(|f| {
            format!(
                "{} ({} bytes, SHA-256 {}…)",
                f.name,
                l.integer(f.bytes as u64),
                &f.sha256[..f.sha256.len().min(12)]
            )
        })
        .collect();
    out.push(match l {
        Locale::Nl => format!(
            "Bestanden (herkenbaar aan hun SHA-256-vingerafdruk; de inhoud staat niet in dit verslag): {}.",
            files.join("; ")
        ),
        Locale::En => format!(
            "Files (known by their SHA-256 fingerprint; their contents are not in this report): {}.",
            files.join("; ")
        ),
    });
    if let Some(t) = table3 {
        let s = |n| small(n, threshold, l);
        // A total beside a part below the threshold would narrow that part down (with the other
        // parts at zero it is the part): such a total is hidden as "x", per column.
        let total = |parts: [usize; 3], n: usize| {
            let hides = parts.iter().any(|&p| p > 0 && (p as u64) < threshold);
            if hides {
                crate::disclosure::HIDDEN.to_string()
            } else {
                s(n)
            }
        };
        let (deviating, incompatible) = (
            total([t.sex.0, t.country.0, t.birth.0], t.total.0),
            total([t.sex.1, t.country.1, t.birth.1], t.total.1),
        );
        let scoring = match (recept.scoring, l) {
            (Scoring::FellegiSunter, Locale::Nl) => "Fellegi–Sunter-gewichten, geschat op de koppelingen op V-nummer",
            (Scoring::FellegiSunter, Locale::En) => "Fellegi–Sunter weights, estimated on the links by V-nummer",
            (Scoring::Fixed, Locale::Nl) => "een vaste score (naam, geboortedatum, geslacht)",
            (Scoring::Fixed, Locale::En) => "a fixed score (name, birth date, sex)",
        };
        out.push(match l {
            Locale::Nl => format!(
                "Koppeling: de registraties zijn op het V-nummer gekoppeld aan het landelijke extract ({} cliënten gekoppeld), en zonder bruikbaar V-nummer op naam, geboortedatum, geslacht en land met {scoring} (voorstellen vanaf een score van {}; {} zo gekoppeld). Elke koppeling is getoetst met de regels van Tabel 3: afwijkend en onverenigbaar geslacht {} en {}, land {} en {}, geboortedatum {} en {}; in totaal {} afwijkende en {} onverenigbare koppelingen. Onverenigbare koppelingen tellen niet mee in de analyse.",
                s(t.linked_by_v_nummer), l.number(recept.propose_above, 2), s(t.linked_by_fallback),
                s(t.sex.0), s(t.sex.1), s(t.country.0), s(t.country.1), s(t.birth.0), s(t.birth.1), deviating, incompatible
            ),
            Locale::En => format!(
                "Linkage: the registrations were linked to the national extract on the V-nummer ({} clients linked), and without a usable V-nummer on name, birth date, sex and country with {scoring} (proposals from a score of {}; {} linked so). Every link was checked with the rules of Table 3: deviating and incompatible sex {} and {}, country {} and {}, birth date {} and {}; in all {} deviating and {} incompatible links. Incompatible links do not count in the analysis.",
                s(t.linked_by_v_nummer), l.number(recept.propose_above, 2), s(t.linked_by_fallback),
                s(t.sex.0), s(t.sex.1), s(t.country.0), s(t.country.1), s(t.birth.0), s(t.birth.1), deviating, incompatible
            ),
        });
    }
    if let Some(a) = &recept.anonymisation {
        let t = a.t.map(|t| l.number(t, 2));
        out.push(match l {
            Locale::Nl => {
                format!(
                "Anonimisering: k = {}, l = {}{}, ten hoogste {} van de records onderdrukt; gevoelige kenmerken: {}.",
                a.k,
                a.l,
                t.map_or(String::new(), |t| format!(", t = {t}")),
                l.percent(a.max_suppression, 0),
                if a.sensitive.is_empty() { "geen".to_string() } else { a.sensitive.join(", ") }
            )
            }
            Locale::En => format!(
                "Anonymisation: k = {}, l = {}{}, at most {} of the records suppressed; sensitive attributes: {}.",
                a.k,
                a.l,
                t.map_or(String::new(), |t| format!(", t = {t}")),
                l.percent(a.max_suppression, 0),
                if a.sensitive.is_empty() {
                    "none".to_string()
                } else {
                    a.sensitive.join(", ")
                }
            ),
        });
    }
    for a in &recept.analyses {
        if let Analysis::Tree {
            target,
            params,
            predictors,
            ..
        } = a
        {
            out.push(match l {
                Locale::Nl => format!(
                    "Boom voor {target}: {} met {} voorspellers.",
                    chaid(params, l),
                    predictors.len()
                ),
                Locale::En => format!(
                    "Tree for {target}: {} with {} predictors.",
                    chaid(params, l),
                    predictors.len()
                ),
            });
        }
    }
    out.push(match l {
        Locale::Nl => format!("Aantallen onder de {threshold} staan als \"<{threshold}\" en een \"x\" verbergt een aantal dat anders uit de totalen terug te rekenen is; de tekst noemt zulke groepen zonder getal."),
        Locale::En => format!("Counts below {threshold} show as \"<{threshold}\" and an \"x\" hides a count that could otherwise be worked out from the totals; the text names such groups without a number."),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linkage(country: usize, others: usize) -> String {
        let recept = Recept::parse(r#"{"format": "perspectief-recept/1", "files": []}"#).unwrap();
        let t = Table3 {
            sex: (others, others),
            country: (country, country),
            birth: (others, others),
            total: (country + 2 * others, country + 2 * others),
            ..Table3::default()
        };
        methods(&recept, Some(&t), 5, Locale::Nl)
            .into_iter()
            .find(|p| p.starts_with("Koppeling"))
            .unwrap()
    }

    #[test]
    fn a_total_does_not_give_back_a_part_below_the_threshold() {
        // The attack: the other parts are zero, so a shown total would be the hidden part.
        let text = linkage(3, 0);
        assert!(text.contains("land <5 en <5"), "{text}");
        assert!(text.contains("in totaal x afwijkende en x onverenigbare"), "{text}");
        assert!(!text.contains("in totaal 3"), "{text}");
        // Without a small part the totals are shown.
        let text = linkage(6, 10);
        assert!(text.contains("in totaal 26 afwijkende en 26 onverenigbare"), "{text}");
    }
}
