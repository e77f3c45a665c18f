//! The fallback's estimated error rates in the Koppeling step: the numbers, what they rest on,
//! the threshold chart (and its table), and the choice of scoring and proposal threshold.

use leptos::prelude::*;
use perspectief_core::link::estimate::Scoring;
use perspectief_core::messages::{fallback_rests_on, Localized};

use crate::engine::protocol::{Edit, LinkageView};
use crate::state::AppState;

#[component]
pub fn FallbackEstimate(view: LinkageView) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let loc = l.locale();
    let scoring = RwSignal::new(view.chosen_scoring);
    let threshold = RwSignal::new(view.propose_above);
    let apply = move |_| {
        state.send(
            Edit::SetFallback {
                scoring: scoring.get_untracked(),
                propose_above: threshold.get_untracked(),
            },
            Vec::new(),
        );
        crate::focus::after_action(&["[data-testid=\"estimate-heading\"]", "main h1"]);
        crate::announce::say("Reserveprocedure opnieuw berekend", "Fallback computed again");
    };
    let fixed_for_want = view.scoring == Scoring::Fixed && view.chosen_scoring == Scoring::FellegiSunter;
    let estimate = view.estimate.clone().map(|e| {
        let chart = crate::link_charts::threshold_chart(&e, l);
        let pct = |x: f64| loc.percent(x, 1);
        let rows = e
            .curve
            .iter()
            .map(|p| {
                let precision = if p.proposed == 0 { "–".to_string() } else { pct(p.correct as f64 / p.proposed as f64) };
                let recall = pct(p.correct as f64 / e.rests_on.held_out.max(1) as f64);
                view! {
                    <tr class="utrecht-table__row">
                        <td class="utrecht-table__cell pf-num">{loc.number(p.threshold, 2)}</td>
                        <td class="utrecht-table__cell pf-num">{precision}</td>
                        <td class="utrecht-table__cell pf-num">{recall}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(p.false_links, 1)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(p.missed, 1)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="utrecht-paragraph" data-testid="estimate">{e.text(loc)}</p>
            <details class="pf-options" data-testid="estimate-basis">
                <summary>{l.pick("Waar berust deze schatting op?", "What does this estimate rest on?")}</summary>
                <p class="utrecht-paragraph">{fallback_rests_on(&e, loc)}</p>
            </details>
            <details class="pf-options" data-testid="threshold-chart">
                <summary>{l.pick("Drempelgrafiek: onterechte en gemiste koppelingen per drempel", "Threshold chart: false and missed links per threshold")}</summary>
                <div class="pf-table-wrap" inner_html=chart></div>
                <crate::components::table_frame::TableFrame label=l.pick("Drempeltabel", "Threshold table")>
                    <table class="utrecht-table" data-testid="threshold-table">
                        <caption class="utrecht-table__caption">{l.pick(
                            "Per drempel: precisie en recall in de proef met achtergehouden V-nummers, en de geschatte onterechte koppelingen en gemiste paren nu",
                            "Per threshold: precision and recall in the trial with held-out V-nummers, and the estimated false links and missed pairs now",
                        )}</caption>
                        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Drempel", "Threshold")}</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Precisie", "Precision")}</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">"Recall"</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Onterecht (nu)", "False (now)")}</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Gemist (nu)", "Missed (now)")}</th>
                        </tr></thead>
                        <tbody class="utrecht-table__body">{rows}</tbody>
                    </table>
                </crate::components::table_frame::TableFrame>
            </details>
        }
    });
    view! {
        <h2 class="utrecht-heading-2" data-testid="estimate-heading">{l.pick("Hoe betrouwbaar is de reserveprocedure?", "How reliable is the fallback?")}</h2>
        {fixed_for_want.then(|| view! {
            <p class="utrecht-paragraph" data-testid="fixed-for-want">{l.pick(
                "Er zijn te weinig koppelingen op V-nummer (minder dan 50) om gewichten van te leren: de vaste score is gebruikt.",
                "There are too few links on the V-nummer (fewer than 50) to learn weights from: the fixed score was used.",
            )}</p>
        })}
        {estimate}
        <fieldset class="pf-fieldset" data-testid="fallback-options">
            <legend class="pf-label">{l.pick("Score van de reserveprocedure", "Score of the fallback")}</legend>
            <div class="pf-check">
                <input type="radio" id="pf-scoring-fs" name="pf-scoring" prop:checked=move || scoring.get() == Scoring::FellegiSunter
                    on:change=move |_| scoring.set(Scoring::FellegiSunter)/>
                <label for="pf-scoring-fs">{l.pick(
                    "Fellegi–Sunter: gewichten geleerd van de koppelingen op V-nummer (standaard)",
                    "Fellegi–Sunter: weights learnt from the links on the V-nummer (default)",
                )}</label>
            </div>
            <div class="pf-check">
                <input type="radio" id="pf-scoring-fixed" name="pf-scoring" prop:checked=move || scoring.get() == Scoring::Fixed
                    on:change=move |_| scoring.set(Scoring::Fixed)/>
                <label for="pf-scoring-fixed">{l.pick(
                    "Vaste score: 0,6 × naam + 0,3 × geboortedatum + 0,1 × geslacht (ter vergelijking)",
                    "Fixed score: 0.6 × name + 0.3 × birth date + 0.1 × sex (for comparison)",
                )}</label>
            </div>
            <div class="pf-field">
                <label for="pf-propose-above" class="pf-label">{l.pick("Voorstellen vanaf score", "Propose from score")}</label>
                <input id="pf-propose-above" class="utrecht-textbox" type="text" inputmode="decimal"
                    prop:value=move || crate::components::form::number_text(l, threshold.get())
                    on:change=move |ev| {
                        if let Ok(x) = event_target_value(&ev).replace(',', ".").parse::<f64>() {
                            threshold.set(x.clamp(0.0, 1.0))
                        }
                    }/>
            </div>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" data-testid="fallback-apply" on:click=apply>
                {l.pick("Opnieuw berekenen", "Compute again")}
            </button>
        </fieldset>
    }
}
