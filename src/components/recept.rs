//! Save the session as a recept and load one again: the files' fingerprints,
//! the choices, overrules and analyses — never the data themselves.

use leptos::prelude::*;

use crate::engine::protocol::{Edit, Export};
use crate::state::AppState;

#[component]
pub fn ReceptTools() -> impl IntoView {
    let state = expect_context::<AppState>();
    let load = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(text) => state.send(
                    Edit::LoadRecept {
                        text: text.as_string().unwrap_or_default(),
                    },
                    Vec::new(),
                ),
                Err(_) => state
                    .error
                    .set(Some(format!("{}: dit bestand kon niet worden gelezen.", file.name()))),
            }
        });
    };
    let notices = move || {
        let lines = state.summary.with(|s| s.notices.clone());
        (!lines.is_empty()).then(|| {
            let items = lines
                .into_iter()
                .map(|n| view! { <li class="utrecht-unordered-list__item">{n}</li> })
                .collect_view();
            view! {
                <div class="utrecht-alert utrecht-alert--warning" role="status" data-testid="recept-notices">
                    <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                        <ul class="utrecht-unordered-list">{items}</ul>
                    </div></div>
                </div>
            }
        })
    };
    view! {
        <section class="pf-section" aria-labelledby="pf-recept-heading">
            <h2 class="utrecht-heading-2" id="pf-recept-heading">{move || state.lang.get().pick("Recept", "Recipe")}</h2>
            <p class="utrecht-paragraph">{move || state.lang.get().pick(
                "Een recept bewaart uw keuzes en analyses (niet de gegevens). Laad later dezelfde bestanden en dan het recept: u krijgt dezelfde tabellen en bomen.",
                "A recipe keeps your choices and analyses (not the data). Later, load the same files and then the recipe: you get the same tables and trees.",
            )}</p>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--secondary-action"
                    on:click=move |_| state.send(Export::Recept, Vec::new())>
                    {move || state.lang.get().pick("Recept opslaan", "Save recipe")}
                </button>
                <input id="pf-recept-file" type="file" accept=".json,application/json" class="pf-visually-hidden" on:change=load/>
                <label for="pf-recept-file" class="utrecht-button utrecht-button--subtle pf-file-button">
                    {move || state.lang.get().pick("Recept laden", "Load recipe")}
                </label>
            </div>
            {notices}
        </section>
    }
}
