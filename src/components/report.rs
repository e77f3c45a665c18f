//! The session's report: trees and tables the user adds, as one HTML file that
//! prints well to PDF. It holds what the page shows (no V-nummers, no names).

use leptos::prelude::*;

use crate::state::AppState;

/// One part of the report: a heading and the HTML of what was shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportItem {
    pub title: String,
    pub html: String,
}

/// The inner HTML of an element of the page (what the user sees there).
pub fn shown(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)
        .map(|e| e.inner_html())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

const PRINT_CSS: &str = "body{font-family:system-ui,sans-serif;margin:2cm;color:#1a1a1a}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em}\
table{border-collapse:collapse;margin:0.5em 0}th,td{border-bottom:1px solid #ccc;padding:0.25em 0.6em;text-align:left}\
.pf-num{text-align:right;font-variant-numeric:tabular-nums}svg{max-width:100%;height:auto}section{page-break-inside:avoid}\
caption{text-align:left;font-weight:600}button{display:none}@media print{body{margin:0}}";

/// The whole report as an HTML document.
pub fn document(items: &[ReportItem], date: &str, tree_css: &str) -> String {
    let body: String = items
        .iter()
        .map(|i| format!("<section><h2>{}</h2>{}</section>\n", escape(&i.title), i.html))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Perspectief — verslag</title>\
<style>{PRINT_CSS}\n{tree_css}</style></head><body><h1>Perspectief — verslag</h1>\
<p>Gemaakt op {date} met Perspectief. Dit verslag bevat tabellen en beslisbomen, geen V-nummers en geen namen; \
aantallen onder de drempel staan als \"&lt;\" met de drempel (\"&lt;5\"), en \"x\" verbergt een aantal dat anders uit de \
totalen terug te rekenen is (zie de noot onder elke tabel).</p>\n{body}</body></html>\n"
    )
}

#[component]
pub fn ReportTools() -> impl IntoView {
    let state = expect_context::<AppState>();
    let download = move |_| {
        let items = state.report.get_untracked();
        let date = js_sys::Date::new_0().to_locale_date_string("nl-NL", &wasm_bindgen::JsValue::UNDEFINED);
        let css = crate::svg_export::page_tree_rules();
        let html = document(&items, &String::from(date), &css);
        if let Err(e) = crate::download::save("perspectief-verslag.html", html.as_bytes(), "text/html") {
            state.error.set(Some(e));
        }
    };
    let list = move || {
        let l = state.lang.get();
        state
            .report
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                view! {
                    <li class="utrecht-unordered-list__item">
                        {item.title}" "
                        <button type="button" class="utrecht-button utrecht-button--subtle"
                            on:click=move |_| state.report.update(|r| { if i < r.len() { r.remove(i); } })>
                            {l.pick("Weghalen", "Remove")}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="pf-section" aria-labelledby="pf-report-heading">
            <h2 class="utrecht-heading-2" id="pf-report-heading">{move || state.lang.get().pick("Verslag", "Report")}</h2>
            <p class="utrecht-paragraph">{move || state.lang.get().pick(
                "Zet bomen en tabellen in het verslag met 'Zet in verslag'; download het als één HTML-bestand en druk het af als PDF.",
                "Put trees and tables into the report with 'Add to report'; download it as one HTML file and print it to PDF.",
            )}</p>
            <ul class="utrecht-unordered-list" data-testid="report-items">{list}</ul>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=download
                disabled=move || state.report.with(Vec::is_empty)>
                {move || state.lang.get().pick("Download verslag (HTML)", "Download report (HTML)")}
            </button>
        </section>
    }
}
