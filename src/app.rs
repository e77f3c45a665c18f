//! The app shell: header, step bar, the current step, footer.

use leptos::prelude::*;

use crate::components::{
    check_step::CheckStep, files_step::FilesStep, header::Header, privacy::PrivacyPage, steps::StepBar,
};
use crate::engine::bridge;
use crate::engine::protocol::{Request, Response, Summary};
use crate::i18n::Lang;

/// The steps a user walks, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Bestanden,
    Controle,
    Koppeling,
    Anonimiseren,
    Analyse,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Bestanden,
        Step::Controle,
        Step::Koppeling,
        Step::Anonimiseren,
        Step::Analyse,
    ];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Step::Bestanden => lang.pick("Bestanden", "Files"),
            Step::Controle => lang.pick("Controle", "Check"),
            Step::Koppeling => lang.pick("Koppeling", "Linkage"),
            Step::Anonimiseren => lang.pick("Anonimiseren", "Anonymise"),
            Step::Analyse => lang.pick("Analyse", "Analysis"),
        }
    }
}

/// What the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Step(Step),
    Privacy,
}

/// Progress of the worker on a long task.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub current: String,
}

/// Shared state of the page, passed through context. Plain core values in signals;
/// the files themselves live in the worker.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub screen: RwSignal<Screen>,
    pub summary: RwSignal<Summary>,
    pub progress: RwSignal<Option<Progress>>,
    pub error: RwSignal<Option<String>>,
    /// The worker's wasm memory after its last request, in bytes.
    pub memory: RwSignal<f64>,
    /// Something the user should know that is not a problem (a run was stopped).
    pub notice: RwSignal<Option<String>>,
    /// The latest results of the Analyse step.
    pub results: Results,
    /// What the user put into the report.
    pub report: RwSignal<Vec<crate::components::report::ReportItem>>,
}

/// The latest table, tree and screening the worker sent.
#[derive(Clone, Copy)]
pub struct Results {
    pub table: RwSignal<Option<crate::engine::protocol::TableView>>,
    pub tree: RwSignal<Option<crate::engine::protocol::TreeView>>,
    pub screening: RwSignal<Option<crate::engine::protocol::ScreeningView>>,
    pub comparison: RwSignal<Option<crate::engine::protocol::ComparisonView>>,
    pub anonymised: RwSignal<Option<crate::engine::protocol::AnonymiseView>>,
    pub conclusions: RwSignal<Option<Vec<perspectief_core::anonymise::conclusions::Conclusion>>>,
    /// The audit of a file the user brought: its name and the result.
    pub file_audit: RwSignal<Option<(String, perspectief_core::anonymise::Audit)>>,
}

impl Default for Results {
    fn default() -> Self {
        Results {
            table: RwSignal::new(None),
            tree: RwSignal::new(None),
            screening: RwSignal::new(None),
            comparison: RwSignal::new(None),
            anonymised: RwSignal::new(None),
            conclusions: RwSignal::new(None),
            file_audit: RwSignal::new(None),
        }
    }
}

impl AppState {
    /// Ask the worker; problems starting it become a message on the page.
    pub fn send(&self, request: Request, buffers: Vec<js_sys::ArrayBuffer>) {
        // A new request: the last problem no longer applies.
        self.error.set(None);
        if let Err(e) = bridge::send(&request, buffers) {
            self.error.set(Some(e));
        }
    }

    pub fn has_files(&self) -> bool {
        self.summary.with(|s| !s.files.is_empty())
    }
}

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
    };
    provide_context(state);
    let started = bridge::start(move |response, bytes| match response {
        Response::Progress { done, total, current } => {
            state
                .progress
                .set((done < total).then_some(Progress { done, total, current }));
        }
        Response::State(summary) => {
            state.progress.set(None);
            state.memory.set(summary.memory_bytes);
            state.summary.set(*summary);
        }
        Response::Exported { name } => {
            if let Some(bytes) = bytes {
                if let Err(e) = crate::download::save(&name, &bytes, crate::download::mime_for(&name)) {
                    state.error.set(Some(e));
                }
            }
        }
        Response::Failed { message } => {
            state.progress.set(None);
            state.error.set(Some(message));
        }
        Response::Table(view) => {
            state.progress.set(None);
            state.results.table.set(Some(*view));
        }
        Response::Tree(view) => {
            state.progress.set(None);
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
        // The bridge handles a crash itself and reports it as `Recovered`.
        Response::Crashed { .. } => {}
        Response::Recovered { request, crashed } => {
            state.progress.set(None);
            let lang = state.lang.get_untracked();
            let activity = request.map_or_else(|| lang.pick("het werk", "the work").to_string(), |r| r.activity(lang));
            match crashed {
                None => state.notice.set(Some(match lang {
                    Lang::Nl => format!("U heeft {activity} afgebroken. Uw bestanden en keuzes zijn bewaard."),
                    Lang::En => format!("You stopped {activity}. Your files and choices are kept."),
                })),
                Some(detail) => state.error.set(Some(match lang {
                    Lang::Nl => format!(
                        "Er ging iets mis in de rekenhulp tijdens {activity}. Dat onderdeel is niet uitgevoerd; \
                         uw andere bestanden en keuzes zijn bewaard. Technische melding: {detail}"
                    ),
                    Lang::En => format!(
                        "Something went wrong in the calculation helper during {activity}. That part was not done; \
                         your other files and choices are kept. Technical message: {detail}"
                    ),
                })),
            }
        }
    });
    if let Err(e) = started {
        state.error.set(Some(e));
    }

    // The page's language attribute follows the toggle (screen readers use it).
    Effect::new(move |_| {
        let code = state.lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
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
