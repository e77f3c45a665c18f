//! The finished analysis file: persons, with national data, variables per set;
//! the peildatum of the derived variables; each variable's measurement level
//! (editable); downloads without V-nummers or names.

use leptos::prelude::*;
use perspectief_core::chaid::data::Level;
use perspectief_core::date::Date;
use perspectief_core::messages::Localized;

use crate::engine::protocol::{AnalysisSummary, Edit, Export, ExportFormat};
use crate::i18n::Lang;
use crate::state::AppState;

fn level_label(level: Level, l: Lang) -> &'static str {
    match level {
        Level::Nominal => l.pick("nominaal", "nominal"),
        Level::Ordinal => l.pick("ordinaal", "ordinal"),
        Level::Scale => l.pick("schaal", "scale"),
    }
}

/// A row per variable: name, set, subset, who set its level and why, and the level (editable).
pub fn level_rows(
    list: &[crate::engine::protocol::VariableRow],
    prefix: &'static str,
    state: AppState,
    l: Lang,
) -> impl IntoView {
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let name = v.name.clone();
            let why = v.rule.text(l.locale());
            let id = format!("{prefix}-{i}");
            let options = [Level::Nominal, Level::Ordinal, Level::Scale]
                .into_iter()
                .filter(|level| v.numeric || *level != Level::Scale)
                .map(|level| {
                    view! {
                        <option value=format!("{level:?}") selected=level == v.level>{level_label(level, l)}</option>
                    }
                })
                .collect_view();
            let change = move |value: String| {
                let level = match value.as_str() {
                    "Ordinal" => Level::Ordinal,
                    "Scale" => Level::Scale,
                    _ => Level::Nominal,
                };
                state.send(
                    Edit::SetLevel {
                        variable: name.clone(),
                        level,
                    },
                    Vec::new(),
                );
            };
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">
                        <label for=id.clone()>{l.var(&v.name)}</label>
                        <span class="pf-hint pf-var-help">{perspectief_core::analysis::labels::description(&v.name, l.locale()).map(|d| format!(" {d}"))}" "<code>{v.name.clone()}</code></span>
                    </th>
                    <td class="utrecht-table__cell">{v.set.clone().unwrap_or_default()}</td>
                    <td class="utrecht-table__cell">{v.subset.clone().unwrap_or_default()}</td>
                    <td class="utrecht-table__cell">{why}</td>
                    <td class="utrecht-table__cell">
                        {
                            let (key, change, blur, pointer) = crate::components::form::KeySafe::handlers(change);
                            view! { <select id=id class="utrecht-select" on:keydown=key on:change=change on:blur=blur on:pointerdown=pointer>{options}</select> }
                        }
                    </td>
                </tr>
            }
        })
        .collect_view()
}

/// The measurement levels as a table in a frame: the Koppeling step's list and the Analyse form's.
pub fn levels_table(
    list: &[crate::engine::protocol::VariableRow],
    prefix: &'static str,
    state: AppState,
    l: Lang,
) -> impl IntoView {
    let rows = level_rows(list, prefix, state, l);
    view! {
        <crate::components::table_frame::TableFrame label=l.pick("Meetniveaus", "Measurement levels")>
            <table class="utrecht-table">
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Variabele", "Variable")}</th>
                    <th class="utrecht-table__header-cell" scope="col">"Set"</th>
                    <th class="utrecht-table__header-cell" scope="col">"Subset"</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Bepaald door", "Set by")}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Meetniveau", "Level")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table>
        </crate::components::table_frame::TableFrame>
    }
}

#[component]
pub fn AnalysisFileSummary(analysis: AnalysisSummary, levels_open: RwSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let loc = l.locale();
    let a = analysis;
    let date_error = RwSignal::new(None::<String>);
    let set_peildatum = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse_iso(&text).map(Some)
        };
        match parsed {
            Ok(peildatum) => {
                date_error.set(None);
                state.send(Edit::SetPeildatum { peildatum }, Vec::new());
            }
            Err(e) => date_error.set(Some(e.text(state.lang.get_untracked().locale()))),
        }
    };
    let sets = a
        .sets
        .iter()
        .map(|s| {
            view! {
                <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{s.set.clone()}</td>
                    <td class="utrecht-table__cell">{s.subset.clone()}</td>
                    <td class="utrecht-table__cell pf-num">{loc.integer(s.variables as u64)}</td>
                </tr>
            }
        })
        .collect_view();
    let export = move |format: ExportFormat| move |_| state.send(Export::Analysis { format }, Vec::new());
    view! {
        <h2 class="utrecht-heading-2">{l.pick("Analysebestand", "Analysis file")}</h2>
        <p class="utrecht-paragraph" data-testid="analysis-summary">{format!(
            "{} {}, {} {}, {} {}. {} {}.",
            loc.integer(a.persons as u64), l.pick("personen", "persons"),
            loc.integer(a.with_national_data as u64), l.pick("met landelijke gegevens", "with national data"),
            loc.integer(a.variables as u64), l.pick("variabelen", "variables"),
            l.pick("Peildatum", "Reference date"), a.peildatum,
        )}</p>
        <p class="utrecht-paragraph">
            <label for="pf-peildatum" class="pf-label">{l.pick("Peildatum voor leeftijd en duur", "Reference date for age and duration")}</label>
            <input id="pf-peildatum" class="utrecht-textbox" type="date" value=a.peildatum_iso.clone() on:change=set_peildatum
                aria-describedby="pf-peildatum-error"/>
            <span id="pf-peildatum-error" class="pf-error" role="alert">{move || date_error.get()}</span>
        </p>
        <crate::components::table_frame::TableFrame label=l.pick("Sets", "Sets")><table class="utrecht-table">
            <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">"Set"</th>
                <th class="utrecht-table__header-cell" scope="col">"Subset"</th>
                <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Variabelen", "Variables")}</th>
            </tr></thead>
            <tbody class="utrecht-table__body">{sets}</tbody>
        </table></crate::components::table_frame::TableFrame>
        <details class="pf-levels" data-testid="levels" prop:open=move || levels_open.get_untracked()
            on:toggle=move |ev| levels_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{l.pick("Meetniveau per variabele (aanpassen)", "Measurement level per variable (edit)")}</summary>
            {levels_table(&a.list, "pf-level", state, l)}
        </details>
        <div class="utrecht-button-group">
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=export(ExportFormat::Xlsx)>
                {l.pick("Download analysebestand (Excel)", "Download analysis file (Excel)")}
            </button>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=export(ExportFormat::Csv)>
                {l.pick("Download analysebestand (CSV)", "Download analysis file (CSV)")}
            </button>
        </div>
        <p class="utrecht-paragraph pf-hint">{l.pick(
            "Het analysebestand bevat geen V-nummers en geen namen, maar het is niet anoniem: met geboortedatum, steunpunt en data is bijna iedereen erin terug te vinden. Gebruik het alleen zelf; maak bij Anonimiseren een beschermd bestand om te delen.",
            "The analysis file holds no V-nummers and no names, but it is not anonymous: with birth date, steunpunt and dates nearly everyone can be found in it. Use it yourself only; make a protected file in Anonymise to share.",
        )}</p>
    }
}
