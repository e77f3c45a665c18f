//! The options of a tree: the dependent, the predictors (by set, subset or one
//! by one), the method and SPSS's growth limits, with their defaults shown.

use leptos::prelude::*;
use perspectief_core::chaid::Method;
use perspectief_core::recept::Analysis;

use crate::app::AppState;
use crate::components::analyse_step::{default_predictors, TreeForm};
use crate::engine::protocol::{Request, VariableRow};

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

fn number_input<T: std::str::FromStr + ToString + Copy + Send + Sync + 'static>(
    id: &'static str,
    label: &'static str,
    value: RwSignal<T>,
    step: &'static str,
) -> impl IntoView {
    view! {
        <div class="pf-field">
            <label for=id class="pf-label">{label}</label>
            <input id=id class="utrecht-textbox pf-short" type="number" step=step prop:value=move || value.get().to_string()
                on:change=move |ev| { if let Ok(x) = event_target_value(&ev).parse::<T>() { value.set(x) } }/>
        </div>
    }
}

fn check_box(id: &'static str, label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="pf-check">
            <input type="checkbox" id=id prop:checked=move || value.get() on:change=move |ev| value.set(event_target_checked(&ev))/>
            <label for=id>{label}</label>
        </div>
    }
}

#[component]
pub fn TreeOptions(form: TreeForm, list: Vec<VariableRow>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = state.lang.get_untracked();
    if form.predictors.with_untracked(Vec::is_empty) {
        form.predictors
            .set(default_predictors(&list, &form.target.get_untracked()));
    }
    let targets = list
        .iter()
        .filter(|v| v.level != perspectief_core::chaid::Level::Scale || v.numeric)
        .map(|v| {
            let name = v.name.clone();
            view! { <option value=name.clone() selected=move || form.target.get() == name>{v.name.clone()}</option> }
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
                        on:change=move |ev| { let on = event_target_checked(&ev); form.predictors.update(|p| { p.retain(|n| *n != b); if on { p.push(b.clone()) } }) }/>
                    <label for=id>{v.name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let force_options = list
        .iter()
        .map(|v| view! { <option value=v.name.clone()>{v.name.clone()}</option> })
        .collect_view();
    let screen = move |_| {
        state.results.screening.set(None);
        state.send(
            Request::Run {
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
                    <select id="pf-method" class="utrecht-select" on:change=move |ev| form.method.set(if event_target_value(&ev) == "exhaustive" { Method::Exhaustive } else { Method::Chaid })>
                        <option value="chaid" selected=true>"CHAID"</option>
                        <option value="exhaustive">"Exhaustive CHAID"</option>
                    </select>
                </div>
                {number_input("pf-depth", l.pick("Maximale diepte (3)", "Maximum depth (3)"), form.max_depth, "1")}
                {number_input("pf-min-parent", l.pick("Minimum cases in ouderknoop (100)", "Minimum cases in parent node (100)"), form.min_parent, "1")}
                {number_input("pf-min-child", l.pick("Minimum cases in kindknoop (50)", "Minimum cases in child node (50)"), form.min_child, "1")}
                {number_input("pf-alpha", l.pick("Significantieniveau splitsen (0,05)", "Significance level for splitting (0.05)"), form.alpha, "0.01")}
                {number_input("pf-alpha-merge", l.pick("Significantieniveau samenvoegen (0,05)", "Significance level for merging (0.05)"), form.alpha_merge, "0.01")}
                {number_input("pf-intervals", l.pick("Intervallen voor schaalvariabelen (10)", "Intervals for scale predictors (10)"), form.intervals, "1")}
                {check_box("pf-lr", l.pick("Likelihood-ratio in plaats van Pearson", "Likelihood ratio instead of Pearson"), form.likelihood_ratio)}
                {check_box("pf-bonferroni", l.pick("Bonferroni-correctie (aan)", "Bonferroni adjustment (on)"), form.bonferroni)}
                {check_box("pf-resplit", l.pick("Samengevoegde categorieën opnieuw splitsen (uit)", "Re-split merged categories (off)"), form.resplit)}
                {check_box("pf-sixth", l.pick("Exhaustive CHAID, nominaal: Bonferroni-factor I(I²−1)/6 in plaats van /2 (uit)", "Exhaustive CHAID, nominal: Bonferroni multiplier I(I²−1)/6 instead of /2 (off)"), form.exhaustive_sixth)}
                {check_box("pf-tie", l.pick("Gelijke aangepaste p: alleen de volgorde van de variabelen beslist (uit: eerst de kleinste p, dan de grootste toetsgrootheid)", "Equal adjusted p: only the predictors' order decides (off: smallest p first, then largest statistic)"), form.tie_by_order)}
                {number_input("pf-epsilon", l.pick("Convergentie: minimale verandering in verwachte celfrequenties (0,001)", "Convergence: minimum change in expected cell frequencies (0.001)"), form.epsilon, "0.0001")}
                {number_input("pf-iterations", l.pick("Convergentie: maximum aantal iteraties (100)", "Convergence: maximum number of iterations (100)"), form.iterations, "1")}
                <div class="pf-field">
                    <label for="pf-force" class="pf-label">{l.pick("Eerste splitsing afdwingen op", "Force the first split on")}</label>
                    <select id="pf-force" class="utrecht-select" on:change=move |ev| form.force_first.set(event_target_value(&ev))>
                        <option value="">{l.pick("(de beste)", "(the best)")}</option>
                        {force_options}
                    </select>
                </div>
            </fieldset>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=move |_| form.grow(state)>{l.pick("Boom laten groeien", "Grow tree")}</button>
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=screen>{l.pick("Screening: elke variabele apart", "Screening: each variable on its own")}</button>
            </div>
        </details>
    }
}
