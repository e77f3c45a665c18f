//! Step 5, Analyse: CHAID trees (one click per outcome, as the report did),
//! screening of every predictor, and descriptive tables; everything computed
//! in the worker on the analysis file it holds.

use leptos::prelude::*;
use perspectief_core::chaid::params::{ExhaustiveNominal, TieRule};
use perspectief_core::chaid::{ChaidParams, Method};
use perspectief_core::recept::Analysis;
use perspectief_core::stats::independence::{Convergence, Statistic};

use crate::app::AppState;
use crate::components::describe_view::DescribeTables;
use crate::components::tree_view::TreeResult;
use crate::engine::protocol::{Request, VariableRow};

/// The report's four outcomes, each a yes/no dummy of the analysis file.
pub const OUTCOMES: [(&str, &str); 4] = [
    ("in_begeleiding", "In begeleiding"),
    ("mob", "MOB"),
    ("terugkeer", "Terugkeer"),
    ("verblijfsvergunning", "Verblijfsvergunning"),
];

/// Default predictors: the variables with a set (the report's Table 25), else
/// every variable that is not the outcome.
pub fn default_predictors(list: &[VariableRow], target: &str) -> Vec<String> {
    perspectief_core::analysis::run::default_predictors(list.iter().map(|v| (v.name.as_str(), v.set.is_some())), target)
}

/// The options a user sets for a tree, with SPSS's defaults.
#[derive(Clone, Copy)]
pub struct TreeForm {
    pub target: RwSignal<String>,
    pub predictors: RwSignal<Vec<String>>,
    pub method: RwSignal<Method>,
    pub max_depth: RwSignal<usize>,
    pub min_parent: RwSignal<f64>,
    pub min_child: RwSignal<f64>,
    pub alpha: RwSignal<f64>,
    pub alpha_merge: RwSignal<f64>,
    pub exhaustive_sixth: RwSignal<bool>,
    pub tie_by_order: RwSignal<bool>,
    pub epsilon: RwSignal<f64>,
    pub iterations: RwSignal<usize>,
    pub threshold: RwSignal<u64>,
    pub likelihood_ratio: RwSignal<bool>,
    pub bonferroni: RwSignal<bool>,
    pub resplit: RwSignal<bool>,
    pub intervals: RwSignal<usize>,
    /// Split the root on this predictor ("" = the best one).
    pub force_first: RwSignal<String>,
}

impl TreeForm {
    pub fn params(&self) -> ChaidParams {
        let params = ChaidParams::default()
            .method(self.method.get_untracked())
            .max_depth(self.max_depth.get_untracked())
            .min_parent(self.min_parent.get_untracked())
            .min_child(self.min_child.get_untracked())
            .alpha_split(self.alpha.get_untracked())
            .alpha_merge(self.alpha_merge.get_untracked())
            .exhaustive_nominal(if self.exhaustive_sixth.get_untracked() {
                ExhaustiveNominal::Sixth
            } else {
                ExhaustiveNominal::Half
            })
            .tie_rule(if self.tie_by_order.get_untracked() {
                TieRule::PredictorOrder
            } else {
                TieRule::UnadjustedThenStatistic
            })
            .convergence(Convergence {
                epsilon: self.epsilon.get_untracked(),
                max_iterations: self.iterations.get_untracked(),
            })
            .statistic(if self.likelihood_ratio.get_untracked() {
                Statistic::LikelihoodRatio
            } else {
                Statistic::Pearson
            })
            .bonferroni(self.bonferroni.get_untracked())
            .resplit(self.resplit.get_untracked())
            .intervals(self.intervals.get_untracked());
        match self.force_first.get_untracked() {
            f if f.is_empty() => params,
            f => params.force_first(f),
        }
    }

    pub fn grow(&self, state: AppState) {
        state.results.tree.set(None);
        state.send(
            Request::Run {
                analysis: Analysis::Tree {
                    target: self.target.get_untracked(),
                    predictors: self.predictors.get_untracked(),
                    params: self.params(),
                    target_class: Some("ja".into()),
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
    let d = ChaidParams::default();
    let form = TreeForm {
        target: RwSignal::new("mob".into()),
        predictors: RwSignal::new(Vec::new()),
        method: RwSignal::new(d.method),
        max_depth: RwSignal::new(d.max_depth),
        min_parent: RwSignal::new(d.min_parent),
        min_child: RwSignal::new(d.min_child),
        alpha: RwSignal::new(d.alpha_split),
        alpha_merge: RwSignal::new(d.alpha_merge),
        exhaustive_sixth: RwSignal::new(d.exhaustive_nominal == ExhaustiveNominal::Sixth),
        tie_by_order: RwSignal::new(d.tie_rule == TieRule::PredictorOrder),
        epsilon: RwSignal::new(d.convergence.epsilon),
        iterations: RwSignal::new(d.convergence.max_iterations),
        threshold: RwSignal::new(5),
        likelihood_ratio: RwSignal::new(false),
        bonferroni: RwSignal::new(d.bonferroni),
        resplit: RwSignal::new(d.resplit),
        intervals: RwSignal::new(d.intervals),
        force_first: RwSignal::new(String::new()),
    };
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
                    form.predictors.set(default_predictors(&list, name));
                    form.grow(state);
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
                <crate::components::tree_options::TreeOptions form=form list=list.clone()/>
                <TreeResult form=form/>
            </section>
            <crate::components::comparison::Comparison form=form/>
            <DescribeTables list=list threshold=form.threshold/>
            <crate::components::report::ReportTools/>
            <crate::components::recept::ReceptTools/>
        }
        .into_any()
    };
    view! {
        <h1 class="utrecht-heading-1">{move || lang.get().pick("Analyse", "Analysis")}</h1>
        {body}
        <crate::components::steps::BackToFiles/>
    }
}
