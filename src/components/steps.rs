//! The step bar: Bestanden → Controle → Koppeling → Anonimiseren → Analyse.

use leptos::prelude::*;

use crate::state::{AppState, Screen, Step};

#[component]
pub fn StepBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let items = Step::ALL
        .iter()
        .enumerate()
        .map(|(i, &step)| {
            let current = move || state.screen.get() == Screen::Step(step);
            view! {
                <li>
                    <button
                        type="button"
                        class="pf-step"
                        aria-current=move || current().then_some("step")
                        on:click=move |_| state.screen.set(Screen::Step(step))
                    >
                        <span class="pf-step-number">{format!("{}.", i + 1)}</span>
                        {move || step.title(lang.get())}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=move || lang.get().pick("Stappen", "Steps")>
            <ol class="pf-steps">{items}</ol>
        </nav>
    }
}

/// The end of a step: the next action (when there is a next step), and the way back to step 1.
#[component]
pub fn StepEnd(#[prop(optional)] next: Option<Step>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let forward = next.map(|step| {
        view! {
            <p class="utrecht-paragraph">
                <button type="button" class="utrecht-button utrecht-button--primary-action" data-testid="next-step"
                    on:click=move |_| state.screen.set(Screen::Step(step))>
                    {move || format!("{} {}", lang.get().pick("Verder naar", "On to"), step.title(lang.get()))}
                </button>
            </p>
        }
    });
    view! {
        {forward}
        <BackToFiles/>
    }
}

/// The way back to step 1, at the bottom of every other screen.
#[component]
pub fn BackToFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <p class="utrecht-paragraph">
            <button type="button" class="pf-link-button" on:click=move |_| state.screen.set(Screen::Step(Step::Bestanden))>
                {move || lang.get().pick("Terug naar Bestanden", "Back to Files")}
            </button>
        </p>
    }
}
