//! The generated text under a tree, a table or the §7.5 comparison. Each number is a focusable
//! span that names where it comes from: hovering or focusing it marks the node or cell behind it
//! (the element of `scope` whose `data-at` starts its trace), so a reader can check every number.

use leptos::prelude::*;
use perspectief_core::narrative::{Narrative, Span};

use crate::i18n::Lang;

/// Marks the elements of `scope` behind `pointer` (none when `pointer` is empty).
fn mark(scope: &str, pointer: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = document.query_selector_all(&format!("{scope} [data-at]")) else {
        return;
    };
    for i in 0..list.length() {
        let Some(e) = list
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        else {
            continue;
        };
        let at = e.get_attribute("data-at").unwrap_or_default();
        let behind = !pointer.is_empty() && (pointer == at || pointer.starts_with(&format!("{at}/")));
        let _ = e.class_list().toggle_with_force("pf-traced", behind);
    }
}

/// Where a trace points, in words: "knoop 3", "rij 2, kolom 1".
fn source(pointer: &str, l: Lang) -> String {
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    match parts[..] {
        ["tree", "nodes", id, ..] => format!("{} {id}", l.pick("Uit knoop", "From node")),
        ["cells", i, j, ..] => format!(
            "{} {}, {} {}",
            l.pick("Uit rij", "From row"),
            num(i),
            l.pick("kolom", "column"),
            num(j)
        ),
        ["row_totals", i, ..] | ["rows", i, ..] => format!("{} {}", l.pick("Uit rij", "From row"), num(i)),
        ["col_totals", j, ..] => format!(
            "{} {}",
            l.pick("Uit het totaal van kolom", "From the total of column"),
            num(j)
        ),
        _ => l.pick("Uit de tabel", "From the table").to_string(),
    }
}

fn num(index: &str) -> String {
    index
        .parse::<usize>()
        .map_or(index.to_string(), |i| (i + 1).to_string())
}

#[component]
pub fn NarrativeText(text: Narrative, scope: &'static str, lang: Lang) -> impl IntoView {
    let paragraphs = text
        .paragraphs
        .into_iter()
        .map(|p| {
            let spans = p
                .spans
                .into_iter()
                .map(|s| match s {
                    Span::Number { text, trace } => {
                        let at = trace.at().to_string();
                        let (on, title) = (at.clone(), source(&at, lang));
                        view! {
                            <span class="pf-trace" tabindex="0" data-trace=at title=title
                                on:focus={ let on = on.clone(); move |_| mark(scope, &on) }
                                on:mouseenter=move |_| mark(scope, &on)
                                on:blur=move |_| mark(scope, "")
                                on:mouseleave=move |_| mark(scope, "")>{text}</span>
                        }
                        .into_any()
                    }
                    other => other.text().to_string().into_any(),
                })
                .collect_view();
            view! { <p class="utrecht-paragraph pf-narrative">{spans}</p> }
        })
        .collect_view();
    view! { <div class="pf-narrative-block" data-testid="narrative">{paragraphs}</div> }
}
