//! The page's state, shared through context: the step shown, the worker's last
//! summary and results, progress, messages, the language. Plain core values in
//! signals; the files themselves live in the worker.

use leptos::prelude::*;

use crate::engine::bridge;
use crate::engine::protocol::{Request, Summary};
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
    /// The page's one live region: a short sentence on what just happened.
    pub announce: RwSignal<String>,
}

/// The latest table, tree and screening the worker sent.
#[derive(Clone, Copy)]
pub struct Results {
    pub table: RwSignal<Option<crate::engine::protocol::TableView>>,
    pub tree: RwSignal<Option<crate::engine::protocol::TreeView>>,
    /// The analysis that grew the tree shown (its edits by hand are the editor's starting point).
    pub tree_analysis: RwSignal<Option<perspectief_core::recept::Analysis>>,
    pub screening: RwSignal<Option<crate::engine::protocol::ScreeningView>>,
    pub comparison: RwSignal<Option<crate::engine::protocol::ComparisonView>>,
    /// The analyses of the table and the comparison shown (what the report's Word file runs again).
    pub table_analysis: RwSignal<Option<perspectief_core::recept::Analysis>>,
    /// The own registration beside the national figures file.
    pub national: RwSignal<Option<perspectief_core::national::Comparison>>,
    /// The fingerprint of the national figures file downloaded last (the researcher's side).
    pub national_fingerprint: RwSignal<Option<String>>,
    pub comparison_analysis: RwSignal<Option<perspectief_core::recept::Analysis>>,
    pub anonymised: RwSignal<Option<crate::engine::protocol::AnonymiseView>>,
    pub conclusions: RwSignal<Option<Vec<perspectief_core::anonymise::conclusions::Conclusion>>>,
    /// The competing predictors of a node of the tree shown.
    pub competitors: RwSignal<Option<(usize, Vec<perspectief_core::chaid::competitors::Competitor>)>>,
    /// A saved tree applied to the loaded files.
    pub wave: RwSignal<Option<perspectief_core::chaid::wave::WaveReport>>,
    /// The audit of a file the user brought: its name and the result.
    pub file_audit: RwSignal<Option<(String, perspectief_core::anonymise::Audit)>>,
    /// The frequency-attack self-tests of the linkage files made last.
    pub self_tests: RwSignal<Vec<perspectief_core::link::attack::SelfTest>>,
}

impl Default for Results {
    fn default() -> Self {
        Results {
            table: RwSignal::new(None),
            tree: RwSignal::new(None),
            tree_analysis: RwSignal::new(None),
            screening: RwSignal::new(None),
            comparison: RwSignal::new(None),
            table_analysis: RwSignal::new(None),
            national: RwSignal::new(None),
            national_fingerprint: RwSignal::new(None),
            comparison_analysis: RwSignal::new(None),
            anonymised: RwSignal::new(None),
            conclusions: RwSignal::new(None),
            wave: RwSignal::new(None),
            competitors: RwSignal::new(None),
            file_audit: RwSignal::new(None),
            self_tests: RwSignal::new(Vec::new()),
        }
    }
}

impl AppState {
    /// Ask the worker; problems starting it become a message on the page.
    pub fn send(&self, request: impl Into<Request>, buffers: Vec<js_sys::ArrayBuffer>) {
        let request = match request.into() {
            // A download in the page's language.
            Request::Export { export, .. } => Request::Export {
                export,
                locale: self.lang.get_untracked().locale(),
            },
            other => other,
        };
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
