//! Page header: name, the privacy promise, the language toggle.

use leptos::prelude::*;

use crate::state::{AppState, Screen};

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <header class="pf-header">
            <p class="pf-brand">"Perspectief"</p>
            <div class="pf-tools">
                <button
                    type="button"
                    class="pf-link-button pf-privacy"
                    data-testid="privacy-link"
                    on:click=move |_| state.screen.set(Screen::Privacy)
                >
                    <svg class="pf-lock" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 0 1 6 0v3H9Z"/>
                    </svg>
                    {move || lang.get().pick("Uw gegevens blijven op deze computer", "Your data stays on this computer")}
                </button>
                <button
                    type="button"
                    class="utrecht-button utrecht-button--secondary-action"
                    lang=move || lang.get().other().code()
                    aria-label=move || lang.get().pick("Switch to English", "Wissel naar Nederlands")
                    on:click=move |_| lang.update(|l| *l = l.other())
                >
                    {move || lang.get().pick("English", "Nederlands")}
                </button>
            </div>
        </header>
    }
}
