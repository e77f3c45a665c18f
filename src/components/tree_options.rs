//! The options of a tree: the dependent, the predictors (by set, subset or one
//! by one), the method and SPSS's growth limits, with their defaults shown.

use leptos::prelude::*;
use perspectief_core::chaid::params::{ExhaustiveNominal, TieRule};
use perspectief_core::chaid::{ChaidParams, Method};
use perspectief_core::recept::Analysis;
use perspectief_core::stats::independence::Statistic;

use crate::components::analyse_step::{default_predictors, TreeForm};
use crate::components::form::{check_field, number_field, with_default, with_default_on};
use crate::engine::protocol::{Edit, VariableRow};
use crate::state::AppState;

/// Groups of predictors: each set, and each subset within it.
fn groups(list: &[VariableRow]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut add = |key: String, name: &str| match out.iter_mut().find(|(k, _)| *k == key) {
        Some((_, v)) => v.push(name.to_string()),
        None => out.push((key, vec![name.to_string()])),
    };
    for v in list {
        if let Some(set) = &v.set {
            add(set.clone(), &v.name);
            if let Some(sub) = v.subset.as_ref().filter(|s| !s.is_empty() && *s != set) {
                add(format!("{set} › {sub}"), &v.name);
            }
        }
    }
    out
}

/// A number field for one field of the form's `ChaidParams`.
macro_rules! param {
    ($form:ident, $id:literal, $label:expr, $step:literal, $($field:ident).+) => {
        number_field(
            $id,
            $label,
            $step,
            move || $form.params.with(|p| p.$($field).+.to_string()),
            move |v| {
                if let Ok(x) = v.parse() {
                    $form.params.update(|p| p.$($field).+ = x)
                }
            },
        )
    };
}

#[component]
pub fn TreeOptions(form: TreeForm, list: Vec<VariableRow>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    let d = ChaidParams::default();
    if form.predictors.with_untracked(Vec::is_empty) {
        form.predictors
            .set(default_predictors(&list, &form.target.get_untracked()));
    }
    let targets = list
        .iter()
        .filter(|v| v.level != perspectief_core::chaid::Level::Scale || v.numeric)
        .map(|v| {
            let name = v.name.clone();
            view! { <option value=name.clone() selected=move || form.target.get() == name>{l.var(&v.name)}</option> }
        })
        .collect_view();
    let group_boxes = groups(&list)
        .into_iter()
        .enumerate()
        .map(|(i, (label, names))| {
            let id = format!("pf-set-{i}");
            let all = names.clone();
            let checked = move || form.predictors.with(|p| all.iter().all(|n| p.contains(n)));
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                form.custom.set(true);
                form.predictors.update(|p| {
                    p.retain(|n| !names.contains(n));
                    if on {
                        p.extend(names.iter().cloned());
                    }
                });
            };
            let count = label.clone();
            view! {
                <div class="pf-check">
                    <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle/>
                    <label for=id>{count}</label>
                </div>
            }
        })
        .collect_view();
    let each = list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let id = format!("pf-pred-{i}");
            let (a, b) = (v.name.clone(), v.name.clone());
            view! {
                <div class="pf-check">
                    <input type="checkbox" id=id.clone() prop:checked=move || form.predictors.with(|p| p.contains(&a))
                        on:change=move |ev| { let on = event_target_checked(&ev); form.custom.set(true); form.predictors.update(|p| { p.retain(|n| *n != b); if on { p.push(b.clone()) } }) }/>
                    <label for=id>{l.var(&v.name)}</label>
                </div>
            }
        })
        .collect_view();
    let force_options = list
        .iter()
        .map(|v| view! { <option value=v.name.clone()>{l.var(&v.name)}</option> })
        .collect_view();
    let screen = move |_| {
        state.results.screening.set(None);
        state.send(
            Edit::Run {
                analysis: Analysis::Screen {
                    target: form.target.get_untracked(),
                    predictors: form.predictors.get_untracked(),
                    params: form.params(),
                },
            },
            Vec::new(),
        )
    };
    view! {
        <details class="pf-options" data-testid="tree-options">
            <summary>{l.pick("Zelf kiezen: afhankelijke, verklarende variabelen en instellingen", "Choose yourself: dependent, predictors and settings")}</summary>
            <div class="pf-field">
                <label for="pf-target" class="pf-label">{l.pick("Afhankelijke variabele", "Dependent variable")}</label>
                <select id="pf-target" class="utrecht-select" on:change=move |ev| form.target.set(event_target_value(&ev))>{targets}</select>
            </div>
            <fieldset class="pf-fieldset">
                <legend class="pf-label">{move || format!("{} ({})", l.pick("Verklarende variabelen", "Predictors"), form.predictors.with(Vec::len))}</legend>
                {group_boxes}
                <details><summary>{l.pick("Per variabele", "Per variable")}</summary><div class="pf-columns-3">{each}</div></details>
            </fieldset>
            <fieldset class="pf-fieldset">
                <legend class="pf-label">{l.pick("Methode en grenzen (standaard: zoals SPSS)", "Method and limits (default: as SPSS)")}</legend>
                <div class="pf-field">
                    <label for="pf-method" class="pf-label">{l.pick("Methode", "Method")}</label>
                    <select id="pf-method" class="utrecht-select" on:change=move |ev| { let m = if event_target_value(&ev) == "exhaustive" { Method::Exhaustive } else { Method::Chaid }; form.params.update(|p| p.method = m) }>
                        <option value="chaid" selected=true>"CHAID"</option>
                        <option value="exhaustive">"Exhaustive CHAID"</option>
                    </select>
                </div>
                {param!(form, "pf-depth", with_default(l, "Maximale diepte", "Maximum depth", d.max_depth), "1", max_depth)}
                {param!(form, "pf-min-parent", with_default(l, "Minimum cases in ouderknoop", "Minimum cases in parent node", d.min_parent), "1", min_parent)}
                {param!(form, "pf-min-child", with_default(l, "Minimum cases in kindknoop", "Minimum cases in child node", d.min_child), "1", min_child)}
                {param!(form, "pf-alpha", with_default(l, "Significantieniveau splitsen", "Significance level for splitting", d.alpha_split), "0.01", alpha_split)}
                {param!(form, "pf-alpha-merge", with_default(l, "Significantieniveau samenvoegen", "Significance level for merging", d.alpha_merge), "0.01", alpha_merge)}
                {param!(form, "pf-intervals", with_default(l, "Intervallen voor schaalvariabelen", "Intervals for scale predictors", d.intervals), "1", intervals)}
                {check_field("pf-lr", l.pick("Likelihood-ratio in plaats van Pearson", "Likelihood ratio instead of Pearson").into(),
                    move || form.params.with(|p| p.statistic == Statistic::LikelihoodRatio),
                    move |on| form.params.update(|p| p.statistic = if on { Statistic::LikelihoodRatio } else { Statistic::Pearson }))}
                {check_field("pf-bonferroni", with_default_on(l, "Bonferroni-correctie", "Bonferroni adjustment", d.bonferroni),
                    move || form.params.with(|p| p.bonferroni), move |on| form.params.update(|p| p.bonferroni = on))}
                {check_field("pf-resplit", with_default_on(l, "Samengevoegde categorieën opnieuw splitsen", "Re-split merged categories", d.resplit),
                    move || form.params.with(|p| p.resplit), move |on| form.params.update(|p| p.resplit = on))}
                {check_field("pf-sixth", with_default_on(l, "Exhaustive CHAID, nominaal: Bonferroni-factor I(I²−1)/6 in plaats van /2", "Exhaustive CHAID, nominal: Bonferroni multiplier I(I²−1)/6 instead of /2", d.exhaustive_nominal == ExhaustiveNominal::Sixth),
                    move || form.params.with(|p| p.exhaustive_nominal == ExhaustiveNominal::Sixth),
                    move |on| form.params.update(|p| p.exhaustive_nominal = if on { ExhaustiveNominal::Sixth } else { ExhaustiveNominal::Half }))}
                {check_field("pf-tie", l.pick("Gelijke aangepaste p: alleen de volgorde van de variabelen beslist (uit: eerst de kleinste p, dan de grootste toetsgrootheid)", "Equal adjusted p: only the predictors' order decides (off: smallest p first, then largest statistic)").into(),
                    move || form.params.with(|p| p.tie_rule == TieRule::PredictorOrder),
                    move |on| form.params.update(|p| p.tie_rule = if on { TieRule::PredictorOrder } else { TieRule::UnadjustedThenStatistic }))}
                {param!(form, "pf-epsilon", with_default(l, "Convergentie: minimale verandering in verwachte celfrequenties", "Convergence: minimum change in expected cell frequencies", d.convergence.epsilon), "0.0001", convergence.epsilon)}
                {param!(form, "pf-iterations", with_default(l, "Convergentie: maximum aantal iteraties", "Convergence: maximum number of iterations", d.convergence.max_iterations), "1", convergence.max_iterations)}
                <div class="pf-field">
                    <label for="pf-force" class="pf-label">{l.pick("Eerste splitsing afdwingen op", "Force the first split on")}</label>
                    <select id="pf-force" class="utrecht-select" on:change=move |ev| { let f = event_target_value(&ev); form.params.update(|p| p.force_first = (!f.is_empty()).then_some(f)) }>
                        <option value="">{l.pick("(de beste)", "(the best)")}</option>
                        {force_options}
                    </select>
                </div>
            </fieldset>
            <crate::components::tree_costs::CostsPriors form=form lang=l/>
            <crate::components::tree_validation::ValidationOptions form=form list=list.clone() lang=l/>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=move |_| form.grow(state)>{l.pick("Boom laten groeien", "Grow tree")}</button>
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=screen>{l.pick("Screening: elke variabele apart", "Screening: each variable on its own")}</button>
            </div>
        </details>
    }
}
