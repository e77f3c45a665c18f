//! The gains table for a target class the user picks (computed on the page
//! from the tree: no new fit needed), from the published counts.

use leptos::prelude::*;
use perspectief_core::chaid::published::PublishedTree;
use perspectief_core::chaid::report::gains;
use perspectief_core::chaid::tree::Tree;

use crate::i18n::Lang;

#[component]
pub fn GainsTable(tree: Tree, published: PublishedTree, lang: Lang) -> impl IntoView {
    let l = lang;
    let classes = tree.target.categories.clone();
    let default = classes.iter().position(|c| c == "ja").unwrap_or(0);
    let class = RwSignal::new(default);
    let tree = StoredValue::new(tree);
    let published = StoredValue::new(published);
    let options = classes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.as_str() != "<missing>")
        .map(|(k, c)| view! { <option value=k.to_string() selected=k == default>{c.clone()}</option> })
        .collect_view();
    let table = move || {
        let exact = tree.with_value(|t| gains(t, class.get()))?;
        let g = published.with_value(|p| p.gains(class.get_untracked(), &exact.nodes))?;
        let loc = l.locale();
        let t = published.with_value(|p| p.threshold);
        let pct =
            move |x: Option<f64>| x.map_or(perspectief_core::disclosure::HIDDEN.to_string(), |x| loc.number(x, 1));
        let rows = g
            .nodes
            .iter()
            .zip(&g.cumulative)
            .map(|(r, c)| {
                view! {
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row">{r.node}</th>
                        <td class="utrecht-table__cell pf-num">{r.n.text(t, loc)}</td>
                        <td class="utrecht-table__cell pf-num">{pct(r.node_percent)}</td>
                        <td class="utrecht-table__cell pf-num">{r.gain_n.text(t, loc)}</td>
                        <td class="utrecht-table__cell pf-num">{pct(r.gain_percent)}</td>
                        <td class="utrecht-table__cell pf-num">{pct(r.response_percent)}</td>
                        <td class="utrecht-table__cell pf-num">{pct(r.index_percent)}</td>
                        <td class="utrecht-table__cell pf-num">{pct(c.gain_percent)}</td>
                        <td class="utrecht-table__cell pf-num">{pct(c.index_percent)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <crate::components::table_frame::TableFrame label=l.pick("Winsttabel", "Gains table")>
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
            </crate::components::table_frame::TableFrame>
        })
    };
    // The charts of the same table, and their downloads.
    let chart = move || {
        let exact = tree.with_value(|t| gains(t, class.get()))?;
        let g = published.with_value(|p| p.gains(class.get_untracked(), &exact.nodes))?;
        let c = published.with_value(|p| perspectief_core::chaid::charts::charts(p, &g))?;
        let svg = crate::gains_chart::svg(&c, l);
        let name = format!("winst-{}", c.target_class);
        let (drawing, png_name) = (svg.clone(), format!("{name}.png"));
        let state = expect_context::<crate::state::AppState>();
        Some(view! {
            <div class="pf-table-wrap" data-testid="gains-chart" inner_html=svg></div>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--subtle"
                    on:click={
                        let drawing = drawing.clone();
                        move |_| if let Err(e) = crate::svg_export::standalone(&drawing, "pf-gains").and_then(|s| crate::download::save(&format!("{name}.svg"), s.as_bytes(), "image/svg+xml")) { state.error.set(Some(e)) }
                    }>
                    {l.pick("Download winstgrafieken (SVG)", "Download gains charts (SVG)")}
                </button>
                <button type="button" class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        let report = move |e: String| state.error.set(Some(e));
                        let png = crate::svg_export::standalone(&drawing, "pf-gains")
                            .and_then(|s| crate::svg_export::png_of(&s, crate::gains_chart::WIDTH, crate::gains_chart::HEIGHT, png_name.clone(), report));
                        if let Err(e) = png { state.error.set(Some(e)) }
                    }>
                    {l.pick("Download winstgrafieken (PNG)", "Download gains charts (PNG)")}
                </button>
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
            {chart}
        }
    })
}
