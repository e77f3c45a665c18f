//! "Geldt de boom van vorig jaar nog?": a saved tree (its PMML, from an earlier wave) applied
//! to the files loaded now, in aggregate only: per terminal node the share of the cases and
//! of the chosen category, in the model and in this wave, with the drift tests; the risk
//! beside the model's; the classification table. No client gets a prediction of their own,
//! and the page says why.

use leptos::prelude::*;
use perspectief_core::chaid::wave::{Test, WaveReport};
use perspectief_core::disclosure::HIDDEN;

use crate::engine::protocol::Query;
use crate::i18n::Lang;
use crate::state::AppState;

fn pct(x: Option<f64>, l: Lang) -> String {
    x.map_or(HIDDEN.to_string(), |x| l.locale().number(x, 1))
}

fn test_text(t: Option<Test>, l: Lang) -> String {
    match t {
        None => l.pick("niet getoond", "not shown").to_string(),
        Some(t) => format!(
            "p = {}{}",
            l.locale().number(t.adj_p, 3),
            if t.flagged {
                l.pick(" — verschoven", " — drifted")
            } else {
                ""
            }
        ),
    }
}

fn result(r: &WaveReport, l: Lang) -> impl IntoView {
    let loc = l.locale();
    let t = r.threshold;
    // The chosen category: the gains table's, else the first.
    let class = r
        .gains
        .as_ref()
        .and_then(|g| r.classes.iter().position(|c| *c == g.target_class))
        .unwrap_or(0);
    let label = r.classes.get(class).cloned().unwrap_or_default();
    let rows = r
        .nodes
        .iter()
        .map(|n| {
            let flagged = n.share_test.is_some_and(|x| x.flagged) || n.distribution_test.is_some_and(|x| x.flagged);
            view! {
                <tr class="utrecht-table__row" data-flagged=flagged.to_string()>
                    <th class="utrecht-table__header-cell" scope="row">{n.node.clone()}</th>
                    <td class="utrecht-table__cell pf-num">{pct(n.expected_share, l)}</td>
                    <td class="utrecht-table__cell pf-num">{n.n.text(t, loc)}</td>
                    <td class="utrecht-table__cell pf-num">{pct(n.share, l)}</td>
                    <td class="utrecht-table__cell">{test_text(n.share_test, l)}</td>
                    <td class="utrecht-table__cell pf-num">{pct(n.expected_percent.as_ref().map(|e| e[class]), l)}</td>
                    <td class="utrecht-table__cell pf-num">{pct(n.observed_percent[class], l)}</td>
                    <td class="utrecht-table__cell">{test_text(n.distribution_test, l)}</td>
                </tr>
            }
        })
        .collect_view();
    let risk = format!(
        "{}: {}; {}: {}.",
        l.pick("Risico in deze golf", "Risk in this wave"),
        r.risk
            .map_or(l.pick("niet getoond", "not shown").to_string(), |(e, se)| format!(
                "{} ({} {})",
                loc.number(e, 3),
                l.pick("std. fout", "std. error"),
                loc.number(se, 3)
            )),
        l.pick("in het model", "in the model"),
        r.model_risk
            .map_or(l.pick("niet bekend", "not known").to_string(), |m| loc.number(m, 3)),
    );
    let correct = r
        .classification
        .as_ref()
        .and_then(|c| c.overall_percent_correct)
        .map(|x| {
            format!(
                "{}: {} %.",
                l.pick(
                    "Juist geclassificeerd in deze golf",
                    "Correctly classified in this wave"
                ),
                loc.number(x, 1)
            )
        });
    let flagged = r
        .nodes
        .iter()
        .filter(|n| n.share_test.is_some_and(|x| x.flagged) || n.distribution_test.is_some_and(|x| x.flagged))
        .count();
    let summary = match (flagged, l) {
        (0, Lang::Nl) => "Geen eindknoop is duidelijk verschoven: de boom past ook op deze golf.".to_string(),
        (0, Lang::En) => "No terminal node has clearly drifted: the tree also fits this wave.".to_string(),
        (k, Lang::Nl) => format!(
            "{k} van de {} eindknopen verschoven (p < 0,05 na Bonferroni-correctie).",
            r.nodes.len()
        ),
        (k, Lang::En) => format!(
            "{k} of the {} terminal nodes drifted (p < 0.05 after Bonferroni adjustment).",
            r.nodes.len()
        ),
    };
    view! {
        <p class="utrecht-paragraph" data-testid="wave-summary">{format!(
            "{} {} {}. {summary}",
            r.total.text(t, loc),
            l.pick("cliënten in deze golf; niet meegeteld (geen of een onbekende uitkomst):", "clients in this wave; left out (no outcome, or one the model does not know):"),
            r.left_out
        )}</p>
        <crate::components::table_frame::TableFrame label=l.pick("Nieuwe golf", "New wave")>
            <table class="utrecht-table" data-testid="wave">
                <caption class="utrecht-table__caption">{format!("{} ({} {label})", l.pick("Eindknopen: model tegen deze golf", "Terminal nodes: model against this wave"), l.pick("categorie", "category"))}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Knoop", "Node")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("% cliënten, model", "% clients, model")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("N, deze golf", "N, this wave")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("% cliënten, deze golf", "% clients, this wave")}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Aandeel verschoven?", "Share drifted?")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{format!("% {label}, {}", l.pick("model", "model"))}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{format!("% {label}, {}", l.pick("deze golf", "this wave"))}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Verdeling verschoven?", "Distribution drifted?")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table>
        </crate::components::table_frame::TableFrame>
        <p class="utrecht-paragraph" data-testid="wave-risk">{risk}" "{correct}</p>
        {r.classification.as_ref().map(|c| crate::components::tree_validation::observed_by_predicted(
            c,
            t,
            l,
            l.pick("Classificatie nieuwe golf", "Classification, new wave"),
            l.pick("Classificatie in deze golf (waargenomen × voorspeld door het model)", "Classification in this wave (observed × predicted by the model)"),
            "wave-classification",
        ))}
        {r.hides.then(|| view! { <p class="utrecht-paragraph pf-hint">{perspectief_core::disclosure::note(t, loc)}</p> })}
    }
}

#[component]
pub fn WaveView(threshold: RwSignal<u64>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let pick = move |ev: leptos::ev::Event| {
        state.results.wave.set(None);
        crate::picked::text(&ev, state, move |pmml| {
            state.send(
                Query::Wave {
                    pmml,
                    threshold: threshold.get_untracked(),
                    class: Some("ja".into()),
                },
                Vec::new(),
            )
        });
    };
    view! {
        <section class="pf-section" aria-labelledby="pf-wave-heading">
            <h2 class="utrecht-heading-2" id="pf-wave-heading">{move || lang.get().pick("Geldt de boom van een eerdere golf nog?", "Does an earlier wave's tree still hold?")}</h2>
            <p class="utrecht-paragraph">{move || lang.get().pick(
                "Laad het model (PMML) van een boom uit een eerdere golf; Perspectief past het toe op de bestanden die nu geladen zijn en vergelijkt per eindknoop wat het model verwacht met wat deze golf laat zien.",
                "Load the model (PMML) of a tree from an earlier wave; Perspectief applies it to the files loaded now and compares, per terminal node, what the model expects with what this wave shows.",
            )}</p>
            <p class="utrecht-paragraph" data-testid="no-profiling">{move || lang.get().pick(
                "Alleen groepen: geen cliënt krijgt een eigen voorspelling of risicoscore. Een score per persoon is profilering, en dat maakt Perspectief niet mogelijk, op het scherm noch in een download.",
                "Groups only: no client gets a prediction or risk score of their own. A score per person is profiling, and Perspectief does not make it possible, on screen or in a download.",
            )}</p>
            <input id="pf-wave-file" type="file" accept=".pmml,.xml,application/xml,text/xml" class="pf-visually-hidden" on:change=pick/>
            <label for="pf-wave-file" class="utrecht-button utrecht-button--secondary-action pf-file-button">
                {move || lang.get().pick("Model (PMML) van een eerdere golf laden", "Load an earlier wave's model (PMML)")}
            </label>
            {move || state.results.wave.get().map(|r| result(&r, lang.get()))}
        </section>
    }
}
