//! Step 5, Analyse: CHAID trees (one click per outcome, as the report did),
//! screening of every predictor, and descriptive tables; everything computed
//! in the worker on the analysis file it holds.

use leptos::prelude::*;
use perspectief_core::chaid::ChaidParams;
use perspectief_core::recept::Analysis;

use crate::components::describe_view::DescribeTables;
use crate::components::tree_view::TreeResult;
use crate::engine::protocol::{Edit, VariableRow};
use crate::i18n::Lang;
use crate::state::AppState;

use perspectief_core::analysis::OUTCOMES;

/// Default predictors: the variables with a set (the report's Table 25), else
/// every variable that is not the outcome.
pub fn default_predictors(list: &[VariableRow], target: &str) -> Vec<String> {
    perspectief_core::analysis::run::default_predictors(list.iter().map(|v| (v.name.as_str(), v.set.is_some())), target)
}

/// The options a user sets for a tree: one `ChaidParams`, starting from SPSS's defaults.
#[derive(Clone, Copy)]
pub struct TreeForm {
    pub target: RwSignal<String>,
    pub predictors: RwSignal<Vec<String>>,
    pub params: RwSignal<ChaidParams>,
    pub threshold: RwSignal<u64>,
    /// Whether the user chose the predictors (then a one-click outcome keeps their choice).
    pub custom: RwSignal<bool>,
    /// Cross-validation or a split sample, if chosen.
    pub validation: RwSignal<Option<perspectief_core::chaid::validation::Validation>>,
}

impl TreeForm {
    pub fn params(&self) -> ChaidParams {
        self.params.get_untracked()
    }

    pub fn grow(&self, state: AppState) {
        self.grow_with(state, self.predictors.get_untracked());
    }

    /// A tree on these predictors, leaving the form's own choice as it is (a screening row).
    pub fn grow_with(&self, state: AppState, predictors: Vec<String>) {
        state.results.tree.set(None);
        state.send(
            Edit::Run {
                analysis: Analysis::Tree {
                    target: self.target.get_untracked(),
                    predictors,
                    params: self.params(),
                    target_class: Some("ja".into()),
                    edits: Vec::new(),
                    validation: self.validation.get_untracked(),
                },
            },
            Vec::new(),
        );
    }
}

#[component]
pub fn AnalyseStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let list = Memo::new(move |_| state.summary.with(|s| s.analysis.as_ref().map(|a| a.list.clone())));
    let form = TreeForm {
        target: RwSignal::new("mob".into()),
        predictors: RwSignal::new(Vec::new()),
        params: RwSignal::new(ChaidParams::default()),
        threshold: RwSignal::new(perspectief_core::disclosure::DEFAULT_THRESHOLD),
        custom: RwSignal::new(false),
        validation: RwSignal::new(None),
    };
    // Whether the measurement levels are open (they stay open while levels change).
    let levels_open = RwSignal::new(false);

    let body = move || {
        let l = lang.get();
        let Some(list) = list.get() else {
            return view! {
                <div class="utrecht-alert utrecht-alert--info" role="status" data-testid="not-yet">
                    <div class="utrecht-alert__content"><div class="utrecht-alert__message">
                        <p class="utrecht-paragraph">{l.pick(
                            "Laad eerst registraties bij stap 1 (en het landelijke extract en de kenmerken van de steunpunten, als u die hebt). Dan maakt u hier tabellen en beslisbomen.",
                            "First load registrations in step 1 (and the national extract and the steunpunt characteristics, if you have them). Then you make tables and decision trees here.",
                        )}</p>
                    </div></div>
                </div>
            }
            .into_any();
        };
        let one_click = OUTCOMES
            .iter()
            .filter(|(name, _)| list.iter().any(|v| v.name == *name))
            .map(|&(name, label)| {
                let list = list.clone();
                let click = move |_| {
                    form.target.set(name.to_string());
                    // The report's predictors, unless the user chose their own: those stay.
                    if form.custom.get_untracked() {
                        form.predictors.update(|p| p.retain(|n| n != name));
                    } else {
                        form.predictors.set(default_predictors(&list, name));
                    }
                    form.grow(state);
                };
                // The report's names for its outcomes, in English when the page is.
                let label = match (name, l) {
                    (_, Lang::Nl) => label,
                    ("in_begeleiding", _) => "In counselling",
                    ("terugkeer", _) => "Return",
                    ("verblijfsvergunning", _) => "Residence permit",
                    _ => label,
                };
                view! {
                    <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=click>{label}</button>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="pf-tree-heading">
                <h2 class="utrecht-heading-2" id="pf-tree-heading">{l.pick("Beslisboom (CHAID)", "Decision tree (CHAID)")}</h2>
                <p class="utrecht-paragraph">{l.pick(
                    "Eén klik per uitkomst, zoals in het rapport: ja/nee, met de kenmerken van steunpunten en ex-AMV's als verklarende variabelen.",
                    "One click per outcome, as in the report: yes/no, with the characteristics of steunpunten and ex-AMVs as predictors.",
                )}</p>
                <div class="utrecht-button-group" data-testid="outcomes">{one_click}</div>
                {
                    let defaults = list.clone();
                    move || form.custom.get().then(|| {
                        let defaults = defaults.clone();
                        let l = lang.get();
                        view! {
                            <p class="utrecht-paragraph" data-testid="custom-predictors">
                                {format!("{} ({}). ", l.pick("De knoppen gebruiken uw eigen keuze van verklarende variabelen", "The buttons use your own choice of predictors"), form.predictors.with(Vec::len))}
                                <button type="button" class="pf-link-button" on:click=move |_| {
                                    form.custom.set(false);
                                    form.predictors.set(default_predictors(&defaults, &form.target.get_untracked()));
                                }>{l.pick("Terug naar de keuze van het rapport", "Back to the report's choice")}</button>
                            </p>
                        }
                    })
                }
                <crate::components::tree_options::TreeOptions form=form list=list.clone()/>
                <details class="pf-options" data-testid="levels-analyse" prop:open=move || levels_open.get_untracked()
                    on:toggle=move |ev| levels_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>{l.pick("Meetniveaus (aanpassen; bepalen hoe CHAID een variabele samenvoegt en splitst)", "Measurement levels (edit; they decide how CHAID merges and splits a variable)")}</summary>
                    <p class="utrecht-paragraph pf-hint">{l.pick(
                        "Nominaal: categorieën zonder volgorde; ordinaal: met volgorde (alleen aangrenzende worden samengevoegd); schaal: getallen, in intervallen verdeeld. Kenmerken uit een bestand krijgen het niveau volgens de regel van SPSS (SCALEMIN 24).",
                        "Nominal: categories without order; ordinal: ordered (only neighbours are merged); scale: numbers, cut into intervals. Characteristics from a file get their level by SPSS's rule (SCALEMIN 24).",
                    )}</p>
                    {crate::components::analysis_file::levels_table(&list, "pf-level-a", state, l)}
                </details>
                <TreeResult form=form/>
            </section>
            <crate::components::comparison::Comparison form=form/>
            <crate::components::wave_view::WaveView threshold=form.threshold/>
            <DescribeTables list=list threshold=form.threshold/>
            <crate::components::report::ReportTools/>
            <crate::components::national_view::NationalExport/>
            <crate::components::recept::ReceptTools/>
        }
        .into_any()
    };
    view! {
        <h1 class="utrecht-heading-1">{move || lang.get().pick("Analyse", "Analysis")}</h1>
        {body}
        <crate::components::steps::StepEnd/>
    }
}
