//! "Landelijk beeld": the researcher downloads the national figures (aggregates only, through
//! the disclosure rule, sealed with a checksum); a steunpunt loads that file beside its own
//! registration and sees its own figures next to the national ones, and can save a one-page
//! overview. The comparison is made in the worker from the loaded registration; nothing about a
//! person goes into the file or comes out of it.

use leptos::prelude::*;
use perspectief_core::national::text::{dimension_rows, tree_rows, words};
use perspectief_core::national::Comparison;

use crate::engine::protocol::{Export, Query};
use crate::i18n::Lang;
use crate::state::AppState;

fn table(header: &[&str], rows: Vec<Vec<String>>, caption: String, testid: &'static str) -> impl IntoView {
    let caption_label = caption.clone();
    let head = header
        .iter()
        .enumerate()
        .map(|(j, h)| {
            let class = if j > 0 {
                "utrecht-table__header-cell pf-num"
            } else {
                "utrecht-table__header-cell"
            };
            view! { <th class=class scope="col">{h.to_string()}</th> }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = r
                .into_iter()
                .enumerate()
                .map(|(j, c)| {
                    if j == 0 {
                        view! { <th class="utrecht-table__header-cell" scope="row">{c}</th> }.into_any()
                    } else {
                        view! { <td class="utrecht-table__cell pf-num">{c}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr class="utrecht-table__row">{cells}</tr> }
        })
        .collect_view();
    let t = view! {
        <table class="utrecht-table" data-testid=testid>
            <caption class="utrecht-table__caption">{caption}</caption>
            <thead class="utrecht-table__header"><tr class="utrecht-table__row">{head}</tr></thead>
            <tbody class="utrecht-table__body">{body}</tbody>
        </table>
    };
    view! { <crate::components::table_frame::TableFrame label=caption_label>{t}</crate::components::table_frame::TableFrame> }
}

fn comparison(c: &Comparison, l: Lang) -> impl IntoView {
    let loc = l.locale();
    let w = words(loc);
    let dimensions = c
        .dimensions
        .iter()
        .map(|d| {
            let name = (w.dimension)(d.dimension).to_string();
            view! {
                <h4 class="utrecht-heading-4">{name.clone()}</h4>
                {table(&w.headers, dimension_rows(d, c, loc), name, "national-dimension")}
            }
        })
        .collect_view();
    let tree = match &c.tree {
        None => view! { <p class="utrecht-paragraph">{w.no_tree}</p> }.into_any(),
        Some(t) => {
            let heading = (w.tree)(t);
            let most = t.most.and_then(|m| t.rows.get(m)).map(|m| (w.most)(m, t));
            let stopped = t.rows.iter().any(|r| !r.terminal).then(|| format!("* {}", w.stopped));
            view! {
                <h4 class="utrecht-heading-4">{heading.clone()}</h4>
                {table(&w.node_headers, tree_rows(t, c, loc), heading, "national-tree")}
                {stopped.map(|s| view! { <p class="utrecht-paragraph pf-hint">{s}</p> })}
                {most.map(|m| view! { <p class="utrecht-paragraph" data-testid="national-most"><strong>{m}</strong></p> })}
            }
            .into_any()
        }
    };
    let overview = perspectief_core::national::html::document(c, loc);
    let state = expect_context::<AppState>();
    view! {
        <p class="utrecht-paragraph" data-testid="national-fingerprint">{(w.fingerprint)(&c.fingerprint)}</p>
        <p class="utrecht-paragraph" data-testid="national-summary">{(w.summary)(c)}</p>
        {dimensions}
        {tree}
        <p class="utrecht-paragraph pf-hint">{perspectief_core::disclosure::note(c.threshold, loc)}</p>
        <button type="button" class="utrecht-button utrecht-button--secondary-action"
            on:click=move |_| if let Err(e) = crate::download::save("landelijk-beeld-overzicht.html", overview.as_bytes(), "text/html") { state.error.set(Some(e)) }>
            {l.pick("Download overzicht (HTML, één pagina om af te drukken)", "Download overview (HTML, one page to print)")}
        </button>
    }
}

/// The steunpunt's side: load the national figures file beside the own registration.
#[component]
pub fn NationalView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let pick = move |ev: leptos::ev::Event| {
        state.results.national.set(None);
        crate::picked::text(&ev, state, move |text| state.send(Query::National { text }, Vec::new()));
    };
    view! {
        <section class="pf-section" aria-labelledby="pf-national-heading" data-testid="national">
            <h2 class="utrecht-heading-2" id="pf-national-heading">{move || lang.get().pick("Uw cijfers naast het landelijk beeld", "Your figures beside the national picture")}</h2>
            <p class="utrecht-paragraph">{move || lang.get().pick(
                "Heeft de onderzoeker u een bestand met het landelijk beeld gestuurd (landelijk-beeld.json)? Laad het hier: u ziet uw eigen uitkomsten, leeftijd, land van herkomst, duur van de begeleiding en instroom naast de landelijke, en in welke groep van de landelijke beslisboom de meeste van uw cliënten vallen.",
                "Did the researcher send you a file with the national picture (landelijk-beeld.json)? Load it here: you see your own outcomes, age, country of origin, duration of guidance and intake beside the national ones, and which group of the national decision tree most of your clients fall in.",
            )}</p>
            <p class="utrecht-paragraph" data-testid="national-nothing-crosses">{move || words(lang.get().locale()).nothing_crosses}</p>
            <input id="pf-national-file" type="file" accept=".json,application/json" class="pf-visually-hidden" on:change=pick/>
            <label for="pf-national-file" class="utrecht-button utrecht-button--secondary-action pf-file-button">
                {move || lang.get().pick("Landelijk beeld laden", "Load the national picture")}
            </label>
            <div data-testid="national-result">{move || state.results.national.get().map(|c| comparison(&c, lang.get()))}</div>
        </section>
    }
}

/// The researcher's side: the national figures file for the steunpunten.
#[component]
pub fn NationalExport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <section class="pf-section" aria-labelledby="pf-national-export-heading">
            <h2 class="utrecht-heading-2" id="pf-national-export-heading">{move || lang.get().pick("Landelijk beeld voor de steunpunten", "National picture for the steunpunten")}</h2>
            <p class="utrecht-paragraph">{move || lang.get().pick(
                "Een bestand met alleen landelijke aantallen en percentages (uitkomsten, leeftijd, land van herkomst, duur van de begeleiding, instroom per jaar en een beslisboom voor MOB), kleine aantallen verborgen, ook als ze zouden blijken door er de cijfers van één steunpunt van af te trekken. Een controlegetal laat zien dat het bestand niet veranderd is; het overzicht van elk steunpunt toont de vingerafdruk, die u via een ander kanaal bekend kunt maken. Stuur het bestand naar de steunpunten: zij laden het naast hun eigen registratie.",
                "A file with national counts and percentages only (outcomes, age, country of origin, duration of guidance, intake per year and a decision tree for MOB), small counts hidden, also where subtracting one steunpunt's figures would reveal them. A checksum shows the file is unaltered; each steunpunt's overview shows the fingerprint, which you can announce through another channel. Send the file to the steunpunten: they load it beside their own registration.",
            )}</p>
            <button type="button" class="utrecht-button utrecht-button--secondary-action"
                on:click=move |_| state.send(Export::NationalFigures, Vec::new())>
                {move || lang.get().pick("Download landelijk beeld (voor de steunpunten)", "Download the national picture (for the steunpunten)")}
            </button>
            {move || state.results.national_fingerprint.get().map(|f| view! {
                <p class="utrecht-paragraph" data-testid="national-export-fingerprint">
                    {format!("{} {f}. {}", lang.get().pick("Vingerafdruk van het bestand:", "The file's fingerprint:"), lang.get().pick(
                        "Maak die bekend langs een andere weg (brief, telefoon, projectsite): een steunpunt ziet dezelfde vingerafdruk als het bestand onderweg niet veranderd is.",
                        "Announce it another way (letter, telephone, project site): a steunpunt sees the same fingerprint when the file was not altered on the way.",
                    ))}
                </p>
            })}
        </section>
    }
}
