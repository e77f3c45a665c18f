//! Step 3, Koppeling: Table 3 as the headline, every row opens the links
//! behind it; the review queue of fallback proposals; overrules.

use leptos::prelude::*;
use perspectief_core::link::linkage::Overrule;
use perspectief_core::messages::Localized;

use crate::engine::protocol::{Edit, LinkRow};
use crate::state::AppState;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Control {
    Sex,
    Country,
    Birth,
    All,
}

fn shows(row: &LinkRow, c: Control) -> bool {
    let [sex, country, birth] = row.verification.deviations();
    match c {
        Control::Sex => sex,
        Control::Country => country,
        Control::Birth => birth,
        Control::All => sex || country || birth,
    }
}

/// The typed reason, or a plain statement that none was given.
pub fn reason_or_default(typed: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        "gecontroleerd door gebruiker (geen reden opgegeven)".to_string()
    } else {
        typed.to_string()
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
    // The reason the user gives for a decision; it goes with every overrule.
    let reason = RwSignal::new(String::new());
    // Whether the list of measurement levels is open (it stays open while levels change).
    let levels_open = RwSignal::new(false);
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
                        <crate::components::jargon::Jargon term=crate::components::jargon::Term::Dmb/>
                        <p class="utrecht-paragraph" data-testid="skip-linkage">{l.pick(
                            "Bent u een steunpunt? Dan heeft u het landelijke extract niet, en kunt u deze stap overslaan: bij Anonimiseren maakt u de koppelbestanden voor de onderzoeker, die de koppeling zelf doet.",
                            "Are you a steunpunt? Then you do not have the national extract and can skip this step: in Anonymise you make the linkage files for the researcher, who does the linkage.",
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
                                Edit::Overrule {
                                    overrule: Overrule::Compatibility {
                                        person: person.clone(),
                                        compatible: !compatible,
                                        reason: reason_or_default(&reason.get_untracked()),
                                    },
                                },
                                Vec::new(),
                            );
                            crate::focus::after_action(&["[data-testid=\"links-behind\"] caption", "[data-testid=\"table3\"] caption", "main h1"]);
                            if compatible {
                                crate::announce::say("Koppeling onverenigbaar verklaard", "Link declared incompatible");
                            } else {
                                crate::announce::say("Koppeling verenigbaar verklaard", "Link declared compatible");
                            }
                        };
                        let s = &r.sides;
                        view! {
                            <tr class="utrecht-table__row">
                                <td class="utrecht-table__cell">{format!("{} ({}, {} {})", r.name, r.person.file, l.pick("rij", "row"), r.person.row)}</td>
                                <td class="utrecht-table__cell">{format!("{} / {}", opt(&s.local_sex), opt(&s.national_sex))}</td>
                                <td class="utrecht-table__cell">{format!("{} / {}", opt(&s.local_country), opt(&s.nationality))}</td>
                                <td class="utrecht-table__cell">{format!("{} / {}", opt(&s.local_birth), opt(&s.national_birth))}</td>
                                <td class="utrecht-table__cell" data-engine="reasons">{r.verification.reasons.iter().map(|x| x.text(l.locale())).collect::<Vec<_>>().join(" ")}{r.overruled.clone().map(|o| format!(" {}: {o}.", l.pick("Zelf besloten", "Overruled")))}</td>
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
                    <crate::components::table_frame::TableFrame label=l.pick("Koppelingen achter deze rij", "Links behind this row")>
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
                    </crate::components::table_frame::TableFrame>
                })
            }
        };
        view! {
            { let table = view! { <table class="utrecht-table" data-testid="table3">
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
            </table> }; view! { <crate::components::table_frame::TableFrame label=l.pick("Tabel 3", "Table 3")>{table}</crate::components::table_frame::TableFrame> } }
            <p class="utrecht-paragraph">
                <label for="pf-reason" class="pf-label">{l.pick("Reden bij uw besluiten", "Reason for your decisions")}</label>
                <input id="pf-reason" class="utrecht-textbox" type="text" size="40" data-testid="reason"
                    placeholder=l.pick("bijv. gecontroleerd in dossier", "e.g. checked in the case file")
                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                <span class="pf-hint">{l.pick(" Komt bij elk besluit (overrulen, accepteren, afwijzen) in het verslag.", " Goes with every decision (overrule, accept, reject) into the report.")}</span>
            </p>
            <div class="pf-jargon-list">
                <crate::components::jargon::Jargon term=crate::components::jargon::Term::Overrule/>
                <crate::components::jargon::Jargon term=crate::components::jargon::Term::Dmb/>
            </div>
            {rows_behind}
            <p class="utrecht-paragraph" data-testid="link-counts">{let int = |n: usize| l.locale().integer(n as u64); format!(
                "{} {}; {} {}, {} {}; {} {}; {} {}; {} {}. {} {}.",
                int(t3.persons), l.pick("personen", "persons"),
                int(t3.linked_by_v_nummer), l.pick("gekoppeld op V-nummer", "linked on V-nummer"),
                int(t3.linked_by_fallback), l.pick("op naam en geboortedatum", "on name and birth date"),
                int(t3.proposals_open), l.pick("voorstellen open", "proposals open"),
                int(t3.not_found), l.pick("niet gevonden", "not found"),
                int(t3.national_without_person), l.pick("landelijke rijen zonder persoon", "national rows without a person"),
                int(t3.with_national_data), l.pick("met landelijke gegevens", "with national data"),
            )}</p>
            <crate::components::proposals::Proposals view=view.clone() reason=reason/>
            <crate::components::fallback_estimate::FallbackEstimate view=view.clone()/>
            <crate::components::decisions::Decisions overrules=view.overrules.clone()/>
            {state.summary.with(|s| s.analysis.clone()).map(|a| view! { <crate::components::analysis_file::AnalysisFileSummary analysis=a levels_open=levels_open/> })}
            <crate::components::timings::Timings/>
        }
        .into_any()
    };
    view! {
        <h1 class="utrecht-heading-1">{t("Koppeling", "Linkage")}</h1>
        {body}
        <crate::components::steps::StepEnd next=crate::state::Step::Anonimiseren/>
    }
}
