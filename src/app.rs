//! The app shell: header, step bar, the current step, footer.

use leptos::prelude::*;

use crate::components::{
    files_step::FilesStep, header::Header, pending_step::PendingStep, privacy::PrivacyPage,
    steps::StepBar,
};
use crate::i18n::Lang;
use crate::session::Session;

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

/// Shared state of the page, passed through context. Plain core values in signals.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub screen: RwSignal<Screen>,
    pub session: RwSignal<Session>,
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState {
        lang: RwSignal::new(Lang::Nl),
        screen: RwSignal::new(Screen::Step(Step::Bestanden)),
        session: RwSignal::new(Session::default()),
    };
    provide_context(state);

    // The page's language attribute follows the toggle (screen readers use it).
    Effect::new(move |_| {
        let code = state.lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });

    // Closing the tab wipes everything (that is the point): warn when data is loaded.
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if !state.session.with_untracked(Session::is_empty) {
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
            <main id="inhoud" tabindex="-1">
                {move || match state.screen.get() {
                    Screen::Step(Step::Bestanden) => view! { <FilesStep/> }.into_any(),
                    Screen::Step(step) => view! { <PendingStep step=step/> }.into_any(),
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
