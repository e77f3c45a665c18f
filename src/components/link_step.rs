//! Step 3, Koppeling: Table 3 as the headline, every row opens the links
//! behind it; the review queue of fallback proposals; overrules.

use leptos::prelude::*;
use perspectief_core::link::linkage::Overrule;
use perspectief_core::link::verify::SexCheck;

use crate::app::AppState;
use crate::engine::protocol::{LinkRow, Request};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Control {
    Sex,
    Country,
    Birth,
    All,
}

fn shows(row: &LinkRow, c: Control) -> bool {
    let v = &row.verification;
    match c {
        Control::Sex => v.sex == SexCheck::Differs,
        Control::Country => v.country_deviates(),
        Control::Birth => v.birth_deviates(),
        Control::All => v.deviates(),
    }
}

fn opt<T: ToString>(x: &Option<T>) -> String {
    x.as_ref().map_or("—".to_string(), |v| v.to_string())
}

#[component]
pub fn LinkStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |nl: &'static str, en: &'static str| move || lang.get().pick(nl, en);
    let open = RwSignal::new(None::<Control>);
    let threshold = RwSignal::new(0.95f64);
    let body = move || {
        let l = lang.get();
        let Some(view) = state.summary.with(|s| s.linkage.clone()) else {
            return view! {
                <div class="utrecht-alert utrecht-alert--info" role="status" data-testid="not-yet">
                    <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                        <p class="utrecht-paragraph">{l.pick(
                            "Laad de registraties en het landelijke extract (DMB/IND) bij stap 1; dan koppelt de app ze hier.",
                            "Load the registrations and the national extract (DMB/IND) in step 1; the app links them here.",
                        )}</p>
                    </div></div>
                </div>
            }
            .into_any();
        };
        if let Some(e) = view.error.clone() {
            return view! { <p class="utrecht-paragraph pf-error" role="alert">{e}</p> }.into_any();
        }
        let t3 = view.table3.clone();
        let row = |label: &'static str, c: Control, (dev, inc): (usize, usize)| {
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">
                        <button type="button" class="pf-link-button" aria-expanded=move || (open.get() == Some(c)).to_string()
                            on:click=move |_| open.update(|o| *o = if *o == Some(c) { None } else { Some(c) })>
                            {label}
                        </button>
                    </th>
                    <td class="utrecht-table__cell pf-num">{dev}</td>
                    <td class="utrecht-table__cell pf-num">{inc}</td>
                </tr>
            }
        };
        let rows_behind = {
            let deviating = view.deviating.clone();
            move || {
                let c = open.get()?;
                let l = lang.get();
                let items = deviating
                    .iter()
                    .filter(|r| shows(r, c))
                    .map(|r| {
                        let person = r.person.clone();
                        let compatible = !r.verification.incompatible;
                        let flip = move |_| {
                            state.send(
                                Request::Overrule {
                                    overrule: Overrule::Compatibility {
                                        person: person.clone(),
                                        compatible: !compatible,
                                        reason: "gecontroleerd door gebruiker".into(),
                                    },
                                },
                                Vec::new(),
                            )
                        };
                        let s = &r.sides;
                        view! {
                            <tr class="utrecht-table__row">
                                <td class="utrecht-table__cell">{format!("{} ({}, rij {})", r.name, r.person.file, r.person.row)}</td>
                                <td class="utrecht-table__cell">{format!("{} / {}", opt(&s.local_sex), opt(&s.national_sex))}</td>
                                <td class="utrecht-table__cell">{format!("{} / {}", opt(&s.local_country), opt(&s.nationality))}</td>
                                <td class="utrecht-table__cell">{format!("{} / {}", opt(&s.local_birth), opt(&s.national_birth))}</td>
                                <td class="utrecht-table__cell">{r.verification.reasons.join(" ")}{r.overruled.clone().map(|o| format!(" Overruled: {o}."))}</td>
                                <td class="utrecht-table__cell">
                                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=flip>
                                        {if compatible { l.pick("Markeer onverenigbaar", "Mark incompatible") } else { l.pick("Markeer verenigbaar", "Mark compatible") }}
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <div class="pf-table-wrap">
                        <table class="utrecht-table" data-testid="links-behind">
                            <caption class="utrecht-table__caption">{l.pick("Koppelingen achter deze rij (steunpunt / DMB)", "Links behind this row (steunpunt / DMB)")}</caption>
                            <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Persoon", "Person")}</th>
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Sekse", "Sex")}</th>
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Land / nationaliteit", "Country / nationality")}</th>
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Geboortedatum", "Birth date")}</th>
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Regel", "Rule")}</th>
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Overrulen", "Overrule")}</th>
                            </tr></thead>
                            <tbody class="utrecht-table__body">{items}</tbody>
                        </table>
                    </div>
                })
            }
        };
        let proposals = view
            .proposals
            .iter()
            .map(|p| {
                let (person, row) = (p.person.clone(), p.national_row);
                let (person2, row2) = (p.person.clone(), p.national_row);
                let accept = move |_| state.send(Request::Overrule { overrule: Overrule::AcceptProposal { person: person.clone(), national_row: row, reason: "geaccepteerd".into() } }, Vec::new());
                let reject = move |_| state.send(Request::Overrule { overrule: Overrule::RejectProposal { person: person2.clone(), national_row: row2, reason: "afgewezen".into() } }, Vec::new());
                view! {
                    <tr class="utrecht-table__row">
                        <td class="utrecht-table__cell">{p.local.clone()}</td>
                        <td class="utrecht-table__cell">{p.national.clone()}</td>
                        <td class="utrecht-table__cell pf-num">{l.locale().number(p.score, 2)}</td>
                        <td class="utrecht-table__cell">{p.reasons.join("; ")}</td>
                        <td class="utrecht-table__cell">
                            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=accept>{l.pick("Accepteren", "Accept")}</button>
                            " "
                            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=reject>{l.pick("Afwijzen", "Reject")}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let no_proposals = view.proposals.is_empty();
        let analysis = view.analysis.clone().map(|a| {
            let loc = l.locale();
            let rows = a
                .sets
                .iter()
                .map(|s| view! {
                    <tr class="utrecht-table__row">
                        <td class="utrecht-table__cell">{s.set.clone()}</td>
                        <td class="utrecht-table__cell">{s.subset.clone()}</td>
                        <td class="utrecht-table__cell pf-num">{loc.integer(s.variables as u64)}</td>
                    </tr>
                })
                .collect_view();
            view! {
                <h2 class="utrecht-heading-2">{l.pick("Analysebestand", "Analysis file")}</h2>
                <p class="utrecht-paragraph" data-testid="analysis-summary">{format!(
                    "{} {}, {} {}, {} {}. {} {}.",
                    loc.integer(a.persons as u64), l.pick("personen", "persons"),
                    loc.integer(a.with_national_data as u64), l.pick("met landelijke gegevens", "with national data"),
                    loc.integer(a.variables as u64), l.pick("variabelen", "variables"),
                    l.pick("Peildatum", "Reference date"), a.peildatum,
                )}</p>
                <table class="utrecht-table">
                    <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">"Set"</th>
                        <th class="utrecht-table__header-cell" scope="col">"Subset"</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Variabelen", "Variables")}</th>
                    </tr></thead>
                    <tbody class="utrecht-table__body">{rows}</tbody>
                </table>
            }
        });
        view! {
            <table class="utrecht-table" data-testid="table3">
                <caption class="utrecht-table__caption">{l.pick("Controle van de koppeling (zoals tabel 3 van het rapport)", "Linkage check (as the report's Table 3)")}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Controlevariabele", "Control variable")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Aantal afwijkend", "Deviating")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Aantal onverenigbaar", "Incompatible")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">
                    {row(l.pick("Sekse", "Sex"), Control::Sex, t3.sex)}
                    {row(l.pick("Land van herkomst", "Country of origin"), Control::Country, t3.country)}
                    {row(l.pick("Geboortedatum", "Birth date"), Control::Birth, t3.birth)}
                    {row(l.pick("Totaal aantal koppelingen", "Total links"), Control::All, t3.total)}
                </tbody>
            </table>
            {rows_behind}
            <p class="utrecht-paragraph" data-testid="link-counts">{format!(
                "{} {}; {} {}, {} {}; {} {}; {} {}; {} {}. {} {}.",
                t3.persons, l.pick("personen", "persons"),
                t3.linked_by_v_nummer, l.pick("gekoppeld op V-nummer", "linked on V-nummer"),
                t3.linked_by_fallback, l.pick("op naam en geboortedatum", "on name and birth date"),
                t3.proposals_open, l.pick("voorstellen open", "proposals open"),
                t3.not_found, l.pick("niet gevonden", "not found"),
                t3.national_without_person, l.pick("landelijke rijen zonder persoon", "national rows without a person"),
                t3.with_national_data, l.pick("met landelijke gegevens", "with national data"),
            )}</p>
            <h2 class="utrecht-heading-2">{l.pick("Voorstellen om te beoordelen", "Proposals to review")}</h2>
            <p class="utrecht-paragraph">{l.pick(
                "Personen zonder bruikbaar V-nummer die op naam, geboortedatum en geslacht lijken op een landelijke rij. Een voorstel is pas een koppeling als u het accepteert.",
                "Persons without a usable V-nummer who resemble a national row on name, birth date and sex. A proposal only becomes a link when you accept it.",
            )}</p>
            {if no_proposals {
                view! { <p class="utrecht-paragraph">{l.pick("Geen voorstellen open.", "No open proposals.")}</p> }.into_any()
            } else {
                view! {
                    <div class="pf-table-wrap">
                        <table class="utrecht-table" data-testid="proposals">
                            <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Steunpunt", "Steunpunt")}</th>
                                <th class="utrecht-table__header-cell" scope="col">"DMB"</th>
                                <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Score", "Score")}</th>
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Waarom", "Why")}</th>
                                <th class="utrecht-table__header-cell" scope="col">{l.pick("Besluit", "Decision")}</th>
                            </tr></thead>
                            <tbody class="utrecht-table__body">{proposals}</tbody>
                        </table>
                    </div>
                    <p class="utrecht-paragraph">
                        <label for="pf-threshold" class="pf-label">{l.pick("Alles accepteren vanaf score", "Accept all from score")}</label>
                        <input id="pf-threshold" type="number" min="0" max="1" step="0.01" prop:value=move || threshold.get().to_string()
                            on:change=move |ev| { if let Ok(x) = event_target_value(&ev).parse::<f64>() { threshold.set(x) } } />
                        " "
                        <button type="button" class="utrecht-button utrecht-button--secondary-action"
                            on:click=move |_| state.send(Request::AcceptAbove { score: threshold.get_untracked() }, Vec::new())>
                            {l.pick("Accepteren", "Accept")}
                        </button>
                    </p>
                }.into_any()
            }}
            {analysis}
        }
        .into_any()
    };
    view! {
        <h1 class="utrecht-heading-1">{t("Koppeling", "Linkage")}</h1>
        {body}
        <crate::components::steps::BackToFiles/>
    }
}
