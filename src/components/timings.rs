//! How long each step took in the worker, for users who wonder and for the benchmarks.

use leptos::prelude::*;

use crate::state::AppState;

#[component]
pub fn Timings() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let l = state.lang.get();
        let timings = state.summary.with(|s| s.timings.clone());
        let memory = state.memory.get();
        (!timings.is_empty()).then(|| {
            let items = timings
                .into_iter()
                .map(|t| {
                    view! {
                        <li class="utrecht-unordered-list__item" data-step=t.step.clone() data-ms=t.ms.to_string()>
                            {format!("{}: {} s", t.step, l.locale().number(t.ms / 1000.0, 2))}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="pf-timings" data-testid="timings">
                    <summary>{l.pick("Rekentijd", "Computing time")}</summary>
                    <ul class="utrecht-unordered-list">{items}</ul>
                    <p class="utrecht-paragraph" data-memory=memory.to_string()>{format!(
                        "{}: {} MB",
                        l.pick("Werkgeheugen van de rekenkern", "Memory of the computing engine"),
                        l.locale().integer((memory / 1e6).round() as u64)
                    )}</p>
                </details>
            }
        })
    }
}
