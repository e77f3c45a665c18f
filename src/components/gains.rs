//! The gains table for a target class the user picks (computed on the page
//! from the tree: no new fit needed).

use leptos::prelude::*;
use perspectief_core::chaid::report::gains;
use perspectief_core::chaid::tree::Tree;

use crate::i18n::Lang;

#[component]
pub fn GainsTable(tree: Tree, lang: Lang) -> impl IntoView {
    let l = lang;
    let classes = tree.target.categories.clone();
    let default = classes.iter().position(|c| c == "ja").unwrap_or(0);
    let class = RwSignal::new(default);
    let tree = StoredValue::new(tree);
    let options = classes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.as_str() != "<missing>")
        .map(|(k, c)| view! { <option value=k.to_string() selected=k == default>{c.clone()}</option> })
        .collect_view();
    let table = move || {
        let g = tree.with_value(|t| gains(t, class.get()))?;
        let loc = l.locale();
        let rows = g
            .nodes
            .iter()
            .zip(&g.cumulative)
            .map(|(r, c)| {
                view! {
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row">{r.node}</th>
                        <td class="utrecht-table__cell pf-num">{loc.integer(r.n.round() as u64)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(r.node_percent, 1)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.integer(r.gain_n.round() as u64)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(r.gain_percent, 1)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(r.response_percent, 1)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(r.index_percent, 1)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(c.gain_percent, 1)}</td>
                        <td class="utrecht-table__cell pf-num">{loc.number(c.index_percent, 1)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="pf-table-wrap">
                <table class="utrecht-table" data-testid="gains">
                    <caption class="utrecht-table__caption">{format!("{} {}", l.pick("Winsttabel voor", "Gains for"), g.target_class)}</caption>
                    <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{l.pick("Knoop", "Node")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">"N"</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Knoop %", "Node %")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Winst N", "Gain N")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Winst %", "Gain %")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Respons %", "Response %")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">"Index %"</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Cum. winst %", "Cum. gain %")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Cum. index %", "Cum. index %")}</th>
                    </tr></thead>
                    <tbody class="utrecht-table__body">{rows}</tbody>
                </table>
            </div>
        })
    };
    (!tree.with_value(|t| t.is_scale())).then(|| {
        view! {
            <div class="pf-field">
                <label for="pf-gains-class" class="pf-label">{l.pick("Doelcategorie voor de winsttabel", "Target class for the gains table")}</label>
                <select id="pf-gains-class" class="utrecht-select"
                    on:change=move |ev| { if let Ok(k) = event_target_value(&ev).parse::<usize>() { class.set(k) } }>{options}</select>
            </div>
            {table}
        }
    })
}
