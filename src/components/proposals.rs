//! The review queue of fallback proposals: accept or reject one, or all from a score.

use leptos::prelude::*;
use perspectief_core::link::linkage::Overrule;
use perspectief_core::messages::Localized;

use crate::components::link_step::reason_or_default;
use crate::engine::protocol::{Edit, LinkageView};
use crate::state::AppState;

#[component]
pub fn Proposals(view: LinkageView, reason: RwSignal<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let threshold = RwSignal::new(0.95f64);
    let decide = move |accept: bool, person: perspectief_core::ingest::records::Provenance, national_row: u32| {
        let reason = reason_or_default(&reason.get_untracked());
        let overrule = if accept {
            Overrule::AcceptProposal {
                person,
                national_row,
                reason,
            }
        } else {
            Overrule::RejectProposal {
                person,
                national_row,
                reason,
            }
        };
        state.send(Edit::Overrule { overrule }, Vec::new());
        crate::focus::after_action(&["[data-testid=\"proposals-heading\"]", "main h1"]);
        if accept {
            crate::announce::say("Voorstel geaccepteerd", "Proposal accepted");
        } else {
            crate::announce::say("Voorstel afgewezen", "Proposal rejected");
        }
    };
    let total = view.table3.proposals_open;
    let shown = view.proposals.len();
    let rows = view
        .proposals
        .iter()
        .map(|p| {
            let (a, r) = ((p.person.clone(), p.national_row), (p.person.clone(), p.national_row));
            view! {
                <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{p.local.clone()}</td>
                    <td class="utrecht-table__cell">{p.national.clone()}</td>
                    <td class="utrecht-table__cell pf-num">{l.locale().number(p.score, 2)}</td>
                    <td class="utrecht-table__cell" data-engine="evidence">
                        {p.evidence.text(l.locale())}
                        {p.waterfall.as_ref().map(|w| {
                            let svg = crate::link_charts::waterfall(w, l);
                            view! {
                                <details class="pf-options" data-testid="waterfall">
                                    <summary>{l.pick("Hoe komt deze score tot stand?", "How is this score made up?")}</summary>
                                    <div inner_html=svg></div>
                                </details>
                            }
                        })}
                    </td>
                    <td class="utrecht-table__cell">
                        <button type="button" class="utrecht-button utrecht-button--secondary-action"
                            on:click=move |_| decide(true, a.0.clone(), a.1)>{l.pick("Accepteren", "Accept")}</button>
                        " "
                        <button type="button" class="utrecht-button utrecht-button--subtle"
                            on:click=move |_| decide(false, r.0.clone(), r.1)>{l.pick("Afwijzen", "Reject")}</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let loc = l.locale();
    view! {
        <h2 class="utrecht-heading-2" data-testid="proposals-heading">{l.pick("Voorstellen om te beoordelen", "Proposals to review")}</h2>
        <p class="utrecht-paragraph">{l.pick(
            "Personen zonder bruikbaar V-nummer die op naam, geboortedatum, geslacht en land lijken op een landelijke rij. Een voorstel is pas een koppeling als u het accepteert. De minst zekere staan bovenaan: daar is uw oordeel het meest nodig.",
            "Persons without a usable V-nummer who resemble a national row on name, birth date, sex and country. A proposal only becomes a link when you accept it. The least certain come first: that is where your judgement is needed most.",
        )}</p>
        {if total == 0 {
            view! { <p class="utrecht-paragraph">{l.pick("Geen voorstellen open.", "No open proposals.")}</p> }.into_any()
        } else {
            view! {
                {(shown < total).then(|| view! {
                    <p class="utrecht-paragraph" data-testid="proposals-shown">{format!(
                        "{} {} {} {}. {}",
                        l.pick("De", "The"), loc.integer(shown as u64),
                        l.pick("minst zekere voorstellen staan hieronder, van", "least certain proposals are below, of"),
                        loc.integer(total as u64),
                        l.pick(
                            "Beoordeel ze, of accepteer alles vanaf een score; de rest schuift dan op.",
                            "Review them, or accept all from a score; the rest then moves up."),
                    )}</p>
                })}
                <crate::components::table_frame::TableFrame label=l.pick("Voorstellen", "Proposals")>
                    <table class="utrecht-table" data-testid="proposals">
                        <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Steunpunt", "Steunpunt")}</th>
                            <th class="utrecht-table__header-cell" scope="col">"DMB"</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Score", "Score")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Waarom", "Why")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Besluit", "Decision")}</th>
                        </tr></thead>
                        <tbody class="utrecht-table__body">{rows}</tbody>
                    </table>
                </crate::components::table_frame::TableFrame>
                <p class="utrecht-paragraph">
                    <label for="pf-threshold" class="pf-label">{l.pick("Alles accepteren vanaf score", "Accept all from score")}</label>
                    <input id="pf-threshold" class="utrecht-textbox" type="text" inputmode="decimal" prop:value=move || crate::components::form::number_text(l, threshold.get())
                        on:change=move |ev| { if let Ok(x) = event_target_value(&ev).replace(',', ".").parse::<f64>() { threshold.set(x) } } />
                    " "
                    <button type="button" class="utrecht-button utrecht-button--secondary-action"
                        on:click=move |_| {
                            state.send(Edit::AcceptAbove { score: threshold.get_untracked(), reason: reason.get_untracked() }, Vec::new());
                            crate::focus::after_action(&["[data-testid=\"proposals-heading\"]", "main h1"]);
                            crate::announce::say("Voorstellen vanaf deze score geaccepteerd, elk als eigen besluit", "Proposals from this score accepted, each as a decision of its own");
                        }>
                        {l.pick("Accepteren", "Accept")}
                    </button>
                </p>
            }.into_any()
        }}
    }
}
