//! The session's report: trees and tables the user adds, as one HTML file that
//! prints well to PDF. It holds what the page shows (no V-nummers, no names).

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::state::AppState;

/// One part of the report: a heading and the HTML of what was shown; for the Word file, the
/// analysis that made it (with the threshold its tree is published at) and its drawing (SVG text
/// with its styles, width, height).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportItem {
    pub title: String,
    pub html: String,
    pub analysis: Option<(perspectief_core::recept::Analysis, u64)>,
    pub picture: Option<(String, f64, f64)>,
}

/// The report's analyses, and what they will be drawn with: the Word file's request once every
/// picture is a PNG.
fn word(state: AppState) {
    use perspectief_core::verslag::build::Picture;
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let items: Vec<ReportItem> = state
        .report
        .get_untracked()
        .into_iter()
        .filter(|i| i.analysis.is_some())
        .collect();
    let analyses: Vec<_> = items.iter().filter_map(|i| i.analysis.clone()).collect();
    let drawings: Vec<(usize, String, f64, f64, String)> = items
        .iter()
        .enumerate()
        .filter_map(|(k, i)| i.picture.clone().map(|(svg, w, h)| (k, svg, w, h, i.title.clone())))
        .collect();
    let pictures = Rc::new(RefCell::new(Vec::<Picture>::new()));
    let remaining = Rc::new(Cell::new(drawings.len()));
    let send = move |pictures: Vec<Picture>| {
        state.send(
            crate::engine::protocol::Export::Verslag {
                analyses: analyses.clone(),
                pictures,
            },
            Vec::new(),
        );
    };
    if drawings.is_empty() {
        return send(Vec::new());
    }
    let send = Rc::new(send);
    for (k, svg, w, h, alt) in drawings {
        let (pictures, remaining, send) = (pictures.clone(), remaining.clone(), send.clone());
        let done = move |png: Result<Vec<u8>, String>| {
            match png {
                Ok(png) => pictures.borrow_mut().push(Picture {
                    analysis: k,
                    png,
                    width: (w * 2.0) as u32 / 2,
                    height: (h * 2.0) as u32 / 2,
                    alt,
                }),
                Err(e) => state.error.set(Some(e)),
            }
            remaining.set(remaining.get() - 1);
            if remaining.get() == 0 {
                send(pictures.take());
            }
        };
        if let Err(e) = crate::svg_export::png_bytes(&svg, w, h, done) {
            state.error.set(Some(e));
        }
    }
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
.pf-table-wrap{overflow-x:auto;max-width:100%}.pf-visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
caption{text-align:left;font-weight:600}button{display:none}@media (max-width:40em){body{margin:1em}}@media print{body{margin:0}}";

/// The whole report as an HTML document, in the user's language.
pub fn document(items: &[ReportItem], date: &str, tree_css: &str, l: Lang) -> String {
    let body: String = items
        .iter()
        .map(|i| format!("<section><h2>{}</h2>{}</section>\n", escape(&i.title), i.html))
        .collect();
    let (title, made, holds) = (
        l.pick("Perspectief — verslag", "Perspectief — report"),
        l.pick("Gemaakt op", "Made on"),
        l.pick(
            "met Perspectief. Dit verslag bevat tabellen en beslisbomen, geen V-nummers en geen namen; aantallen onder de drempel staan als \"&lt;\" met de drempel (\"&lt;5\"), en \"x\" verbergt een aantal dat anders uit de totalen terug te rekenen is (zie de noot onder elke tabel).",
            "with Perspectief. This report holds tables and decision trees, no V-nummers and no names; counts below the threshold show as \"&lt;\" with the threshold (\"&lt;5\"), and \"x\" hides a count that could otherwise be worked out from the totals (see the note under each table).",
        ),
    );
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
<style>{PRINT_CSS}\n{tree_css}</style></head><body><main><h1>{title}</h1>\
<p>{made} {date} {holds}</p>\n{body}</main></body></html>\n",
        l.code()
    )
}

#[component]
pub fn ReportTools() -> impl IntoView {
    let state = expect_context::<AppState>();
    let download = move |_| {
        let items = state.report.get_untracked();
        let date = js_sys::Date::new_0().to_locale_date_string(
            state.lang.get_untracked().pick("nl-NL", "en-GB"),
            &wasm_bindgen::JsValue::UNDEFINED,
        );
        let css = crate::svg_export::page_tree_rules();
        let html = document(&items, &String::from(date), &css, state.lang.get_untracked());
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
                            on:click=move |_| {
                                state.report.update(|r| { if i < r.len() { r.remove(i); } });
                                crate::focus::after_action(&["#pf-report-heading"]);
                                crate::focus::redrawn();
                            }>
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
                "Zet bomen en tabellen in het verslag met 'Zet in verslag'; download het als één HTML-bestand en druk het af als PDF, of als Word-bestand met de tekst, de tabellen, de bomen als afbeelding en een paragraaf over de werkwijze.",
                "Put trees and tables into the report with 'Add to report'; download it as one HTML file and print it to PDF, or as a Word file with the text, the tables, the trees as pictures and a paragraph on the methods.",
            )}</p>
            <ul class="utrecht-unordered-list" data-testid="report-items">{list}</ul>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=download
                    disabled=move || state.report.with(Vec::is_empty)>
                    {move || state.lang.get().pick("Download verslag (HTML)", "Download report (HTML)")}
                </button>
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| word(state)
                    disabled=move || state.report.with(|r| r.iter().all(|i| i.analysis.is_none()))>
                    {move || state.lang.get().pick("Download verslag (Word)", "Download report (Word)")}
                </button>
            </div>
        </section>
    }
}
