//! What the worker is doing (a progress bar on every step) and what went
//! wrong (an alert that stays until closed), under the step bar.

use leptos::prelude::*;

use crate::state::AppState;

#[component]
pub fn Status() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let progress = move || {
        state.progress.get().map(|p| {
            let label = if p.current.is_empty() {
                lang.get().pick("Bezig…", "Working…").to_string()
            } else {
                format!("{} {}", lang.get().pick("Bezig:", "Working:"), p.current)
            };
            view! {
                <div class="pf-progress" role="status">
                    <label for="pf-progress">{label}</label>
                    <progress id="pf-progress" max=p.total.max(1) value=p.done>{format!("{}/{}", p.done, p.total)}</progress>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" data-testid="cancel"
                        on:click=move |_| crate::engine::bridge::cancel()>
                        {lang.get().pick("Afbreken", "Stop")}
                    </button>
                </div>
            }
        })
    };
    let error = move || {
        state.error.get().map(|message| {
            view! {
                <div class="utrecht-alert utrecht-alert--error" role="alert" data-testid="error">
                    <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                        <p class="utrecht-paragraph">{message}</p>
                        <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| state.error.set(None)>
                            {lang.get().pick("Sluiten", "Close")}
                        </button>
                    </div></div>
                </div>
            }
        })
    };
    let notice = move || {
        state.notice.get().map(|message| {
            view! {
                <div class="utrecht-alert utrecht-alert--info" role="status" data-testid="notice">
                    <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                        <p class="utrecht-paragraph">{message}</p>
                        <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| state.notice.set(None)>
                            {lang.get().pick("Sluiten", "Close")}
                        </button>
                    </div></div>
                </div>
            }
        })
    };
    view! { {progress} {notice} {error} }
}
