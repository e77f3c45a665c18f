//! The mapping screen: each column of a file, the field it was mapped to,
//! sample values and unrecognised values; every mapping can be changed by hand.

use leptos::prelude::*;
use perspectief_core::ingest::fields::Field;
use perspectief_core::ingest::table::field_keys;

use crate::engine::protocol::Edit;
use crate::state::AppState;

fn field_label(key: &str) -> String {
    key.replace('_', " ")
}

#[component]
pub fn ColumnsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let t = move |nl: &'static str, en: &'static str| move || lang.get().pick(nl, en);
    let selected = RwSignal::new(0usize);
    let choices = move || {
        state.summary.with(|s| {
            s.files
                .iter()
                .enumerate()
                .filter(|(_, f)| f.kind.is_some())
                .map(|(i, f)| view! { <option value=i.to_string() selected=move || selected.get() == i>{f.name.clone()}</option> })
                .collect_view()
        })
    };
    let table = move || {
        let l = lang.get();
        let loc = l.locale();
        let index = selected.get();
        let file = state.summary.with(|s| s.files.get(index).cloned())?;
        let kind = file.kind?;
        let fields = field_keys(kind);
        let rows = file
            .sheets
            .iter()
            .flat_map(|sheet| {
                sheet.columns.iter().zip(&sheet.reports).map(move |(col, rep)| (sheet.sheet.clone(), col.clone(), rep.clone()))
            })
            .map(|(sheet, col, rep)| {
                let label = format!("{} {} ({})", l.pick("Veld voor kolom", "Field for column"), col.header, col.letter);
                let options = fields
                    .iter()
                    .map(|(f, key)| view! { <option value=key.to_string() selected=col.field == Some(*f)>{field_label(key)}</option> })
                    .collect_view();
                let fields_for_change = fields.clone();
                let sheet_for_change = sheet.clone();
                let column = col.index;
                let on_change = move |value: String| {
                    let field: Option<Field> = fields_for_change.iter().find(|(_, k)| *k == value).map(|(f, _)| *f);
                    state.send(Edit::SetMapping { file: index, sheet: sheet_for_change.clone(), column, field }, Vec::new());
                };
                let unrecognised: usize = rep.unrecognised.values().map(|(n, _)| n).sum();
                let unrecognised_text = if unrecognised == 0 {
                    String::new()
                } else {
                    format!(
                        "{}: {}",
                        loc.integer(unrecognised as u64),
                        rep.unrecognised.keys().take(5).cloned().collect::<Vec<_>>().join(", ")
                    )
                };
                let (key, change, blur, pointer) = crate::components::form::KeySafe::handlers(on_change);
                view! {
                    <tr class="utrecht-table__row">
                        <td class="utrecht-table__cell">{if sheet.is_empty() { "—".to_string() } else { sheet.clone() }}</td>
                        <th class="utrecht-table__header-cell" scope="row">{format!("{} ({})", col.header, col.letter)}</th>
                        <td class="utrecht-table__cell">{
                            // A characteristics workbook's columns are all used: each is a characteristic of the
                            // steunpunt (its sets sheet groups them); there is nothing to map.
                            if kind == perspectief_core::kind::FileKind::Characteristics && col.field.is_none() {
                                if sheet.eq_ignore_ascii_case("sets") {
                                    l.pick("indeling in sets en subsets (gebruikt)", "grouping into sets and subsets (used)").into_any()
                                } else {
                                    l.pick("kenmerk van het steunpunt (gebruikt in de analyse)", "characteristic of the steunpunt (used in the analysis)").into_any()
                                }
                            } else {
                                view! {
                                    <select class="utrecht-select" aria-label=label on:keydown=key on:change=change on:blur=blur on:pointerdown=pointer>
                                        <option value="" selected=col.field.is_none()>{l.pick("— niet gebruiken (wel bewaard) —", "— not used (still kept) —")}</option>
                                        {options}
                                    </select>
                                }.into_any()
                            }
                        }</td>
                        <td class="utrecht-table__cell pf-num">{loc.integer(rep.filled as u64)}</td>
                        <td class="utrecht-table__cell">{rep.samples.join(" · ")}</td>
                        <td class="utrecht-table__cell">{unrecognised_text}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <crate::components::table_frame::TableFrame label=l.pick("Kolommen", "Columns")>
                <table class="utrecht-table" data-testid="columns-table">
                    <thead class="utrecht-table__header">
                        <tr class="utrecht-table__row">
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Tabblad", "Sheet")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Kolom", "Column")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Veld", "Field")}</th>
                            <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Gevuld", "Filled")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Voorbeelden", "Samples")}</th>
                            <th class="utrecht-table__header-cell" scope="col">{l.pick("Niet herkend", "Not recognised")}</th>
                        </tr>
                    </thead>
                    <tbody class="utrecht-table__body">{rows}</tbody>
                </table>
            </crate::components::table_frame::TableFrame>
        })
    };
    view! {
        <section class="pf-columns">
            <h2 class="utrecht-heading-2">{t("Kolommen", "Columns")}</h2>
            <p class="utrecht-paragraph">{t(
                "Per kolom ziet u welk veld de app herkende. Klopt het niet, kies dan zelf het veld. Kolommen die u niet gebruikt, blijven bewaard.",
                "For each column you see which field the app recognised. If it is wrong, choose the field yourself. Columns you do not use are kept.",
            )}</p>
            <p class="utrecht-paragraph">
                <label for="pf-columns-file" class="pf-label">{t("Bestand", "File")}</label>
                <select id="pf-columns-file" class="utrecht-select" on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse() {
                        selected.set(i);
                    }
                }>{choices}</select>
            </p>
            {table}
        </section>
    }
}
