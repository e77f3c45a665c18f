//! The app shell: header, step bar, the current step, footer; and what the
//! page does with each answer of the worker.

use leptos::prelude::*;

use crate::components::{
    check_step::CheckStep, files_step::FilesStep, header::Header, privacy::PrivacyPage, steps::StepBar,
};
use crate::engine::bridge::{self, Event};
use crate::engine::protocol::{Response, Summary};
use crate::i18n::Lang;
use crate::state::{AppState, Progress, Results, Screen, Step};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState {
        lang: RwSignal::new(Lang::Nl),
        screen: RwSignal::new(Screen::Step(Step::Bestanden)),
        summary: RwSignal::new(Summary::default()),
        progress: RwSignal::new(None),
        error: RwSignal::new(None),
        notice: RwSignal::new(None),
        memory: RwSignal::new(0.0),
        results: Results::default(),
        report: RwSignal::new(Vec::new()),
        announce: RwSignal::new(String::new()),
    };
    provide_context(state);
    crate::announce::register(state.announce, state.lang);
    let started = bridge::start(move |event| match event {
        Event::Answer(response, bytes) => answer(state, response, bytes),
        Event::Recovered { request, crashed } => {
            state.progress.set(None);
            let lang = state.lang.get_untracked();
            let (notice, error) = crate::activity::recovered(request.as_ref(), crashed, lang);
            if notice.is_some() {
                state.notice.set(notice);
            }
            if error.is_some() {
                state.error.set(error);
            }
        }
    });
    if let Err(e) = started {
        state.error.set(Some(e));
    }
    shell(state)
}

/// What the page does with one answer of the worker.
fn answer(state: AppState, response: Response, bytes: Option<Vec<u8>>) {
    if let Some(text) = crate::announce::sentence(&response, state.lang.get_untracked()) {
        state.announce.set(text);
    }
    match response {
        Response::Progress { done, total, current } => {
            state
                .progress
                .set((done < total).then_some(Progress { done, total, current }));
        }
        Response::State(summary) => {
            state.progress.set(None);
            state.memory.set(summary.memory_bytes);
            state.summary.set(*summary);
            crate::focus::redrawn();
        }
        Response::Exported { name } => {
            if let Some(bytes) = bytes {
                // The national figures' fingerprint, for the researcher to announce.
                if name == "landelijk-beeld.json" {
                    let figures = perspectief_core::national::NationalFigures::read(&String::from_utf8_lossy(&bytes));
                    state
                        .results
                        .national_fingerprint
                        .set(figures.ok().map(|f| f.fingerprint()));
                }
                if let Err(e) = crate::download::save(&name, &bytes, crate::download::mime_for(&name)) {
                    state.error.set(Some(e));
                }
            }
        }
        Response::Failed { failure } => {
            state.progress.set(None);
            state.error.set(Some(failure.text(state.lang.get_untracked().locale())));
        }
        Response::Table(view) => {
            state.progress.set(None);
            state.results.table.set(Some(*view));
        }
        Response::Tree { analysis, view } => {
            state.progress.set(None);
            state.results.tree_analysis.set(Some(*analysis));
            state.results.tree.set(Some(*view));
        }
        Response::Screening(view) => {
            state.progress.set(None);
            state.results.screening.set(Some(*view));
        }
        Response::Comparison(view) => {
            state.progress.set(None);
            state.results.comparison.set(Some(*view));
        }
        Response::Anonymised(view) => {
            state.progress.set(None);
            state.results.anonymised.set(Some(*view));
        }
        Response::Competitors { node, list } => {
            state.results.competitors.set(Some((node, list)));
        }
        Response::National(comparison) => {
            state.progress.set(None);
            state.results.national.set(Some(*comparison));
        }
        Response::Wave(report) => {
            state.progress.set(None);
            state.results.wave.set(Some(*report));
        }
        Response::SelfTests { tests } => {
            state.results.self_tests.set(tests);
        }
        Response::FileAudit { name, audit } => {
            state.progress.set(None);
            state.results.file_audit.set(Some((name, audit)));
        }
        Response::Conclusions { trees } => {
            state.progress.set(None);
            state.results.conclusions.set(Some(trees));
        }
        Response::Idle { memory_bytes } => {
            if !bridge::busy() {
                state.progress.set(None);
            }
            state.memory.set(memory_bytes);
        }
        // The bridge handles a crash itself and reports it as `Event::Recovered`.
        Response::Crashed { .. } => {}
    }
}

fn shell(state: AppState) -> impl IntoView {
    // The page's language attribute follows the toggle (screen readers use it).
    Effect::new(move |_| {
        let code = state.lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });

    // The tab's title says where the user is: "Controle – Perspectief" (screen readers read it
    // on a step change, and a user with many tabs finds the app by it).
    Effect::new(move |_| {
        let l = state.lang.get();
        let here = match state.screen.get() {
            Screen::Step(step) => step.title(l),
            Screen::Privacy => l.pick(
                "Uw gegevens blijven op deze computer",
                "Your data stays on this computer",
            ),
        };
        document().set_title(&format!("{here} – Perspectief"));
    });

    // A new step: the page to the top, focus on its heading (not on the step bar's button).
    Effect::new(move |previous: Option<Screen>| {
        let now = state.screen.get();
        if previous.is_some_and(|p| p != now) {
            crate::focus::step_changed();
        }
        now
    });

    // Closing the tab wipes everything (that is the point): warn when data is loaded.
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.summary.with_untracked(|s| !s.files.is_empty()) {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });

    let lang = state.lang;
    view! {
        <a class="pf-skip utrecht-link" href="#inhoud">{move || lang.get().pick("Naar de inhoud", "Skip to content")}</a>
        <div class="pf-shell">
            <Header/>
            <StepBar/>
            <crate::components::status::Status/>
            <div class="pf-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">{move || state.announce.get()}</div>
            <main id="inhoud" tabindex="-1">
                {move || match state.screen.get() {
                    Screen::Step(Step::Bestanden) => view! { <FilesStep/> }.into_any(),
                    Screen::Step(Step::Controle) => view! { <CheckStep/> }.into_any(),
                    Screen::Step(Step::Koppeling) => view! { <crate::components::link_step::LinkStep/> }.into_any(),
                    Screen::Step(Step::Anonimiseren) => view! { <crate::components::anonymise_step::AnonymiseStep/> }.into_any(),
                    Screen::Step(Step::Analyse) => view! { <crate::components::analyse_step::AnalyseStep/> }.into_any(),
                    Screen::Privacy => view! { <PrivacyPage/> }.into_any(),
                }}
            </main>
            <footer class="pf-footer">
                <p class="utrecht-paragraph">
                    {move || lang.get().pick(
                        "Perspectief draait helemaal in deze browser. Er is geen server en er wordt niets verstuurd.",
                        "Perspectief runs entirely in this browser. There is no server and nothing is sent.",
                    )}
                </p>
            </footer>
        </div>
    }
}
