//! A step that a later version fills: says so plainly, shows nothing fake.

use leptos::prelude::*;

use crate::app::{AppState, Step};

fn what_it_will_do(step: Step) -> (&'static str, &'static str) {
    match step {
        Step::Bestanden | Step::Controle | Step::Koppeling => ("", ""),
        Step::Anonimiseren => (
            "Hier maakt u straks een bestand zonder V-nummers en namen dat u veilig kunt delen.",
            "Here you will make a file without V-nummers and names that you can share safely.",
        ),
        Step::Analyse => (
            "Hier maakt u straks tabellen en CHAID-beslisbomen, zoals in het evaluatierapport.",
            "Here you will make tables and CHAID decision trees, as in the evaluation report.",
        ),
    }
}

#[component]
pub fn PendingStep(step: Step) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <h1 class="utrecht-heading-1">{move || step.title(lang.get())}</h1>
        <div class="utrecht-alert utrecht-alert--info" role="status" data-testid="not-yet">
            <div class="utrecht-alert__content">
                <div class="utrecht-alert__message">
                    <p class="utrecht-paragraph">
                        <strong>{move || lang.get().pick("Deze stap is er nog niet.", "This step is not available yet.")}</strong>
                        " "
                        {move || { let (nl, en) = what_it_will_do(step); lang.get().pick(nl, en) }}
                    </p>
                </div>
            </div>
        </div>
        <crate::components::steps::BackToFiles/>
    }
}
