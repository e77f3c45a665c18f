//! Misclassification costs and priors in the tree's options: a cost per (observed, predicted)
//! pair of the dependent's categories, and priors from the data, equal, or typed. They change
//! what a node predicts, the risk and the classification table, not how the tree grows. The
//! categories are those of the tree shown for the chosen dependent.

use leptos::prelude::*;
use perspectief_core::chaid::assignment::Priors;

use crate::components::analyse_step::TreeForm;
use crate::i18n::Lang;
use crate::state::AppState;

/// The cost of predicting `pred` for a case of class `obs` (1 off the diagonal by default).
fn cost(form: TreeForm, pred: usize, obs: usize) -> f64 {
    form.params.with(|p| {
        p.assignment
            .costs
            .get(pred)
            .and_then(|r| r.get(obs))
            .copied()
            .unwrap_or(if pred == obs { 0.0 } else { 1.0 })
    })
}

fn set_cost(form: TreeForm, classes: usize, pred: usize, obs: usize, value: f64) {
    form.params.update(|p| {
        let c = &mut p.assignment.costs;
        if c.len() != classes || c.iter().any(|r| r.len() != classes) {
            *c = (0..classes)
                .map(|i| (0..classes).map(|j| if i == j { 0.0 } else { 1.0 }).collect())
                .collect();
        }
        c[pred][obs] = value;
    });
}

#[component]
pub fn CostsPriors(form: TreeForm, lang: Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let l = lang;
    // The categories of the tree shown, when it is a tree of the chosen dependent.
    let classes = Memo::new(move |_| {
        let target = form.target.get();
        state.results.tree.with(|v| {
            v.as_ref()
                .map(|v| &v.report.tree)
                .filter(|t| t.target.name == target && !t.is_scale())
                .map(|t| t.target.categories.clone())
        })
    });
    let body = move || {
        let Some(classes) = classes.get() else {
            return view! { <p class="utrecht-paragraph pf-hint">{l.pick(
                "Laat eerst een boom voor deze afhankelijke variabele groeien; dan kunt u hier kosten en a-priorikansen per categorie invullen.",
                "First grow a tree for this dependent variable; then you can set costs and priors per category here.",
            )}</p> }
            .into_any();
        };
        let k = classes.len();
        let head = classes
            .iter()
            .map(|c| view! { <th class="utrecht-table__header-cell pf-num" scope="col">{c.clone()}</th> })
            .collect_view();
        let rows = classes
            .iter()
            .enumerate()
            .map(|(obs, o)| {
                let cells = classes
                    .iter()
                    .enumerate()
                    .map(|(pred, p)| {
                        if pred == obs {
                            return view! { <td class="utrecht-table__cell pf-num">"0"</td> }.into_any();
                        }
                        let label = format!("{} {o}, {} {p}", l.pick("Kosten: waargenomen", "Cost: observed"), l.pick("voorspeld", "predicted"));
                        view! {
                            <td class="utrecht-table__cell pf-num">
                                <input class="utrecht-textbox pf-tiny" type="text" inputmode="decimal" aria-label=label
                                    prop:value=move || crate::components::form::number_text(l, cost(form, pred, obs))
                                    on:change=move |ev| { if let Ok(x) = event_target_value(&ev).replace(',', ".").parse::<f64>() { set_cost(form, k, pred, obs, x) } }/>
                            </td>
                        }
                        .into_any()
                    })
                    .collect_view();
                view! { <tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{o.clone()}</th>{cells}</tr> }
            })
            .collect_view();
        let priors_kind = move || {
            form.params.with(|p| match &p.assignment.priors {
                Priors::Data => "data",
                Priors::Equal => "equal",
                Priors::Custom(_) => "custom",
            })
        };
        let set_priors = move |kind: &str| {
            form.params.update(|p| {
                p.assignment.priors = match kind {
                    "equal" => Priors::Equal,
                    "custom" => Priors::Custom(vec![1.0 / k as f64; k]),
                    _ => Priors::Data,
                }
            })
        };
        let radio = move |kind: &'static str, label: &'static str| {
            let id = format!("pf-priors-{kind}");
            view! {
                <div class="pf-check">
                    <input type="radio" name="pf-priors" id=id.clone() prop:checked=move || priors_kind() == kind on:change=move |_| set_priors(kind)/>
                    <label for=id>{label}</label>
                </div>
            }
        };
        let typed = {
            let classes = classes.clone();
            move || {
                (priors_kind() == "custom").then(|| {
                    classes
                        .iter()
                        .enumerate()
                        .map(|(j, c)| {
                            let id = format!("pf-prior-{j}");
                            let get = move || form.params.with(|p| match &p.assignment.priors {
                                Priors::Custom(v) => v.get(j).map_or(String::new(), |x| crate::components::form::number_text(l, x)),
                                _ => String::new(),
                            });
                            view! {
                                <div class="pf-field">
                                    <label for=id.clone() class="pf-label">{format!("{} {c}", l.pick("A-priorikans van", "Prior of"))}</label>
                                    <input id=id class="utrecht-textbox pf-short" type="text" inputmode="decimal" prop:value=get
                                        on:change=move |ev| { if let Ok(x) = event_target_value(&ev).replace(',', ".").parse::<f64>() {
                                            form.params.update(|p| if let Priors::Custom(v) = &mut p.assignment.priors { if j < v.len() { v[j] = x } })
                                        } }/>
                                </div>
                            }
                        })
                        .collect_view()
                })
            }
        };
        view! {
            <crate::components::table_frame::TableFrame label=l.pick("Kosten", "Costs")>
                <table class="utrecht-table" data-testid="costs">
                    <caption class="utrecht-table__caption">{l.pick("Kosten van een verkeerde voorspelling (rij: waargenomen, kolom: voorspeld)", "Cost of a wrong prediction (row: observed, column: predicted)")}</caption>
                    <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">{l.pick("Waargenomen", "Observed")}</th>{head}</tr></thead>
                    <tbody class="utrecht-table__body">{rows}</tbody>
                </table>
            </crate::components::table_frame::TableFrame>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| form.params.update(|p| p.assignment.costs.clear())>
                {l.pick("Alle kosten terug naar 1", "All costs back to 1")}
            </button>
            <fieldset class="pf-fieldset">
                <legend class="pf-label">{l.pick("A-priorikansen", "Priors")}</legend>
                {radio("data", l.pick("Uit de gegevens (zoals SPSS)", "From the data (as SPSS)"))}
                {radio("equal", l.pick("Gelijk voor elke categorie", "Equal for every category"))}
                {radio("custom", l.pick("Zelf invullen (worden tot 1 opgeteld geschaald)", "Typed (scaled to add up to 1)"))}
                {typed}
            </fieldset>
        }
        .into_any()
    };
    view! {
        <fieldset class="pf-fieldset" data-testid="costs-priors">
            <legend class="pf-label">{l.pick("Kosten en a-priorikansen (veranderen de voorspelde categorie, het risico en de classificatie; niet hoe de boom groeit)", "Costs and priors (they change the predicted category, the risk and the classification; not how the tree grows)")}</legend>
            {body}
        </fieldset>
    }
}
