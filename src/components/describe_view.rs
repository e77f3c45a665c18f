//! Descriptive tables (frequencies, crosstabs, means, histograms) with small
//! counts shown as "<5", and a bar chart beside frequency tables.

use leptos::prelude::*;
use perspectief_core::describe::tables::Of;
use perspectief_core::describe::{MeansTable, Published};
use perspectief_core::recept::Analysis;

use crate::engine::protocol::{Edit, Export, ExportFormat, TableRequest, TableView, VariableRow};
use crate::i18n::Lang;
use crate::state::AppState;

fn count(c: perspectief_core::disclosure::Count, threshold: u64, l: Lang) -> String {
    c.text(threshold, l.locale())
}

fn pct(x: Option<f64>, l: Lang) -> String {
    x.map_or("–".into(), |x| format!("{} %", l.locale().number(x, 1)))
}

fn counts_table(p: &Published, of: Of, l: Lang) -> impl IntoView {
    let t = p.threshold;
    let frequency = p.col_variable.is_none();
    let head = if frequency {
        view! { <th class="utrecht-table__header-cell pf-num" scope="col">"n"</th><th class="utrecht-table__header-cell pf-num" scope="col">"%"</th> }.into_any()
    } else {
        p.cols
            .iter()
            .map(|c| view! { <th class="utrecht-table__header-cell pf-num" scope="col">{c.clone()}</th> })
            .collect_view()
            .into_any()
    };
    let rows = p
        .rows
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let cells = if frequency {
                view! {
                    <td class="utrecht-table__cell pf-num" data-at=format!("/cells/{i}/0")>{count(p.cells[i][0], t, l)}</td>
                    <td class="utrecht-table__cell pf-num" data-at=format!("/cells/{i}/0")>{pct(p.percent(i, 0, Of::Total), l)}</td>
                }
                .into_any()
            } else {
                (0..p.cols.len())
                    .map(|j| view! { <td class="utrecht-table__cell pf-num" data-at=format!("/cells/{i}/{j}")>{format!("{} ({})", count(p.cells[i][j], t, l), pct(p.percent(i, j, of), l))}</td> })
                    .collect_view()
                    .into_any()
            };
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">{l.label(label)}</th>
                    {cells}
                    {(!frequency).then(|| view! { <td class="utrecht-table__cell pf-num" data-at=format!("/row_totals/{i}")>{count(p.row_totals[i], t, l)}</td> })}
                </tr>
            }
        })
        .collect_view();
    let totals = if frequency {
        view! { <td class="utrecht-table__cell pf-num" data-at="/total">{count(p.total, t, l)}</td><td class="utrecht-table__cell pf-num">"100 %"</td> }.into_any()
    } else {
        view! {
            {p.col_totals.iter().enumerate().map(|(j, &n)| view! { <td class="utrecht-table__cell pf-num" data-at=format!("/col_totals/{j}")>{count(n, t, l)}</td> }).collect_view()}
            <td class="utrecht-table__cell pf-num" data-at="/total">{count(p.total, t, l)}</td>
        }
        .into_any()
    };
    let caption = match &p.col_variable {
        None => p.row_variable.clone(),
        Some(c) => format!(
            "{} × {c} ({})",
            p.row_variable,
            match of {
                Of::Row => l.pick("rijpercentages", "row percentages"),
                Of::Col => l.pick("kolompercentages", "column percentages"),
                Of::Total => l.pick("percentages van het totaal", "percentages of the total"),
            }
        ),
    };
    let loc = l.locale();
    let chi = match (p.chi_square, p.p_class) {
        (Some((x2, df, pv)), _) => Some(format!(
            "{} = {}, df = {df}, p = {}",
            l.pick("Chi-kwadraat", "Chi-square"),
            loc.number(x2, 3),
            l.p_value(pv)
        )),
        (None, Some((df, class))) => Some(format!(
            "{}, df = {df}, p {}",
            l.pick(
                "Chi-kwadraat niet getoond (er zijn aantallen verborgen)",
                "Chi-square not shown (counts are hidden)"
            ),
            class.text(loc)
        )),
        (None, None) if p.hides() && p.col_variable.is_some() => Some(
            l.pick(
                "Chi-kwadraat en p niet getoond: ze zouden verborgen aantallen verraden.",
                "Chi-square and p not shown: they would give hidden counts away.",
            )
            .to_string(),
        ),
        _ => None,
    }
    .map(|text| view! { <p class="utrecht-paragraph" data-testid="chi-square">{text}</p> });
    let missing = (p.missing.n != Some(0)).then(|| view! {
        <p class="utrecht-paragraph pf-hint">{format!("{}: {}", l.pick("Niet meegeteld (ontbrekende waarde)", "Not counted (missing value)"), count(p.missing, t, l))}</p>
    });
    view! {
        { let table = view! { <table class="utrecht-table" data-testid="describe-table">
                <caption class="utrecht-table__caption">{caption}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{p.row_variable.clone()}</th>
                    {head}
                    {(!frequency).then(|| view! { <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Totaal", "Total")}</th> })}
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
                <tfoot><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{l.pick("Totaal", "Total")}</th>{totals}</tr></tfoot>
            </table> }; view! { <crate::components::table_frame::TableFrame label=l.pick("Tabel", "Table")>{table}</crate::components::table_frame::TableFrame> } }
        {chi}
        {missing}
        <crate::components::narrative::NarrativeText text=perspectief_core::narrative::table(p, perspectief_core::narrative::Units::ExAmv, l.locale()) scope="#pf-describe-result" lang=l/>
        <div inner_html=perspectief_core::drawing::chart::chart(p, l.locale())></div>
        <p class="utrecht-paragraph pf-hint">{perspectief_core::disclosure::note(t, l.locale())}</p>
    }
}

fn means_table(m: &MeansTable, l: Lang) -> impl IntoView {
    let loc = l.locale();
    let rows = m
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <tr class="utrecht-table__row" data-at=format!("/rows/{i}")>
                    <th class="utrecht-table__header-cell" scope="row">{r.group.clone()}</th>
                    <td class="utrecht-table__cell pf-num">{r.mean.map_or("–".into(), |x| loc.number(x, 2))}</td>
                    <td class="utrecht-table__cell pf-num">{r.sd.map_or("–".into(), |x| loc.number(x, 2))}</td>
                    <td class="utrecht-table__cell pf-num">{count(r.n, m.threshold, l)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        { let table = view! { <table class="utrecht-table" data-testid="describe-table">
                <caption class="utrecht-table__caption">{format!("{} {} {}", m.variable, l.pick("per", "by"), m.by)}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{m.by.clone()}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Gemiddelde", "Mean")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Std. afw.", "Std. dev.")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">"n"</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table> }; view! { <crate::components::table_frame::TableFrame label=l.pick("Tabel", "Table")>{table}</crate::components::table_frame::TableFrame> } }
        <crate::components::narrative::NarrativeText text=perspectief_core::narrative::means(m, l.locale()) scope="#pf-describe-result" lang=l/>
    }
}

#[component]
pub fn DescribeTables(list: Vec<VariableRow>, threshold: RwSignal<u64>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let kind = RwSignal::new("frequencies".to_string());
    let first = RwSignal::new(list.first().map(|v| v.name.clone()).unwrap_or_default());
    let second = RwSignal::new("steunpunt".to_string());
    let of = RwSignal::new(Of::Row);
    let options = move |selected: RwSignal<String>| {
        list.iter()
            .map(|v| {
                let name = v.name.clone();
                view! { <option value=name.clone() selected=selected.get_untracked() == name>{l.var(&v.name)}</option> }
            })
            .collect_view()
    };
    let (first_options, second_options) = (options(first), options(second));
    let request = move || {
        let (a, b) = (first.get_untracked(), second.get_untracked());
        match kind.get_untracked().as_str() {
            "crosstab" => TableRequest::Crosstab { row: a, col: b },
            "means" => TableRequest::Means { variable: a, by: b },
            "histogram" => TableRequest::Histogram { variable: a, bins: 10 },
            _ => TableRequest::Frequencies { variable: a },
        }
    };
    let make = move |_| {
        state.results.table.set(None);
        let threshold = threshold.get_untracked();
        let analysis = Analysis::Table {
            table: request(),
            threshold,
        };
        state.results.table_analysis.set(Some(analysis.clone()));
        state.send(Edit::Run { analysis }, Vec::new());
    };
    let export = move |format: ExportFormat| {
        move |_| {
            let threshold = threshold.get_untracked();
            state.send(
                Export::Table {
                    table: request(),
                    threshold,
                    format,
                },
                Vec::new(),
            )
        }
    };
    let set_of = move |ev: leptos::ev::Event| {
        of.set(match event_target_value(&ev).as_str() {
            "col" => Of::Col,
            "total" => Of::Total,
            _ => Of::Row,
        })
    };
    let needs_second = move || matches!(kind.get().as_str(), "crosstab" | "means");
    let result = move || {
        let (l, of) = (state.lang.get(), of.get());
        state.results.table.get().map(|t| match t {
            TableView::Counts(p) => counts_table(&p, of, l).into_any(),
            TableView::Means(m) => means_table(&m, l).into_any(),
        })
    };
    view! {
        <section aria-labelledby="pf-tables-heading" class="pf-section">
            <h2 class="utrecht-heading-2" id="pf-tables-heading">{l.pick("Tabellen", "Tables")}</h2>
            <div class="pf-form-row">
                <div class="pf-field">
                    <label for="pf-table-kind" class="pf-label">{l.pick("Soort tabel", "Kind of table")}</label>
                    <select id="pf-table-kind" class="utrecht-select" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="frequencies">{l.pick("Frequenties", "Frequencies")}</option>
                        <option value="crosstab">{l.pick("Kruistabel", "Crosstab")}</option>
                        <option value="means">{l.pick("Gemiddelden per groep", "Means by group")}</option>
                        <option value="histogram">{l.pick("Histogram", "Histogram")}</option>
                    </select>
                </div>
                <div class="pf-field">
                    <label for="pf-table-var" class="pf-label">{l.pick("Variabele", "Variable")}</label>
                    <select id="pf-table-var" class="utrecht-select" on:change=move |ev| first.set(event_target_value(&ev))>{first_options}</select>
                </div>
                <div class="pf-field" class:pf-hidden=move || !needs_second()>
                    <label for="pf-table-by" class="pf-label">{l.pick("Per (kolommen)", "By (columns)")}</label>
                    <select id="pf-table-by" class="utrecht-select" on:change=move |ev| second.set(event_target_value(&ev))>{second_options}</select>
                </div>
                <div class="pf-field" class:pf-hidden=move || kind.get() != "crosstab">
                    <label for="pf-table-percent" class="pf-label">{l.pick("Percentages", "Percentages")}</label>
                    <select id="pf-table-percent" class="utrecht-select" on:change=set_of>
                        <option value="row">{l.pick("per rij", "by row")}</option>
                        <option value="col">{l.pick("per kolom", "by column")}</option>
                        <option value="total">{l.pick("van het totaal", "of the total")}</option>
                    </select>
                </div>
                <div class="pf-field">
                    <label for="pf-threshold-cells" class="pf-label">{l.pick("Kleine aantallen verbergen onder", "Hide small counts below")}</label>
                    <input id="pf-threshold-cells" class="utrecht-textbox pf-short" type="number" min="0" step="1" prop:value=move || threshold.get().to_string()
                        on:change=move |ev| { if let Ok(x) = event_target_value(&ev).parse::<u64>() { threshold.set(x) } }/>
                </div>
            </div>
            <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=make>{l.pick("Tabel maken", "Make table")}</button>
            <div data-testid="describe-result" id="pf-describe-result">{result}</div>
            {move || state.results.table.with(Option::is_some).then(|| view! {
                <div class="utrecht-button-group">
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=export(ExportFormat::Xlsx)>{l.pick("Download tabel (Excel)", "Download table (Excel)")}</button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=export(ExportFormat::Csv)>{l.pick("Download tabel (CSV)", "Download table (CSV)")}</button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| {
                        if let Err(e) = crate::svg_export::download_svg("pf-chart-svg", "pf-chart", "grafiek.svg") { state.error.set(Some(e)) }
                    }>{l.pick("Download grafiek (SVG)", "Download chart (SVG)")}</button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| {
                        let report = move |e: String| state.error.set(Some(e));
                        if let Err(e) = crate::svg_export::download_png("pf-chart-svg", "pf-chart", "grafiek.png".into(), report) { state.error.set(Some(e)) }
                    }>{l.pick("Download grafiek (PNG)", "Download chart (PNG)")}</button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| {
                        let Some(html) = crate::components::report::shown("pf-describe-result") else { return };
                        let Some(title) = state.results.table.with_untracked(|t| t.as_ref().map(TableView::title)) else { return };
                        let analysis = state.results.table_analysis.get_untracked().map(|a| (a, threshold.get_untracked()));
                        // The chart beside the table, as the Word file's picture.
                        let picture = crate::svg_export::picture("pf-chart-svg", "pf-chart").ok();
                        state.report.update(|r| r.push(crate::components::report::ReportItem { title, html, analysis, picture }));
                    }>{l.pick("Zet in verslag", "Add to report")}</button>
                </div>
            })}
        </section>
    }
}
