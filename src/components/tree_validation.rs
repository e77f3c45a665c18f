//! Validating the tree: the choice in the tree's options (none, k-fold cross-validation, a
//! seeded random split, or a split on a variable's values), and the result beside the tree:
//! the cross-validated risk, or training and test side by side (risk, % correct, and the
//! test sample's classification), all through the disclosure rule.

use leptos::prelude::*;
use perspectief_core::chaid::published::PublishedTree;
use perspectief_core::chaid::validation::Validation;

use crate::components::analyse_step::TreeForm;
use crate::components::form::number_field;
use crate::engine::protocol::{TreeView, VariableRow};
use crate::i18n::Lang;

/// The kind of validation as the radio buttons name it.
fn kind(v: &Option<Validation>) -> &'static str {
    match v {
        None => "none",
        Some(Validation::CrossValidation { .. }) => "cv",
        Some(Validation::SplitSample { .. }) => "sample",
        Some(Validation::SplitOn { .. }) => "variable",
    }
}

#[component]
pub fn ValidationOptions(form: TreeForm, list: Vec<VariableRow>, lang: Lang) -> impl IntoView {
    let l = lang;
    let v = form.validation;
    let choose = move |k: &'static str| {
        v.set(match k {
            "cv" => Some(Validation::CrossValidation { folds: 10, seed: 1 }),
            "sample" => Some(Validation::SplitSample {
                training_percent: 70.0,
                seed: 1,
            }),
            "variable" => Some(Validation::SplitOn {
                variable: "steunpunt".into(),
                test_values: Vec::new(),
            }),
            _ => None,
        })
    };
    let radio = move |k: &'static str, label: &'static str| {
        let id = format!("pf-validation-{k}");
        view! {
            <div class="pf-check">
                <input type="radio" name="pf-validation" id=id.clone() prop:checked=move || v.with(|x| kind(x) == k) on:change=move |_| choose(k)/>
                <label for=id>{label}</label>
            </div>
        }
    };
    let variables = list
        .iter()
        .map(|r| {
            let name = r.name.clone();
            view! { <option value=name.clone() selected=move || v.with(|x| matches!(x, Some(Validation::SplitOn { variable, .. }) if *variable == name))>{l.var(&r.name)}</option> }
        })
        .collect_view();
    let details = move || {
        match v.get() {
        None => None,
        Some(Validation::CrossValidation { .. }) => Some(
            view! {
                {number_field("pf-folds", l.pick("Aantal delen (k)", "Number of folds (k)").into(), "1",
                    move || v.with(|x| match x { Some(Validation::CrossValidation { folds, .. }) => folds.to_string(), _ => String::new() }),
                    move |t| if let Ok(k) = t.parse() { v.update(|x| if let Some(Validation::CrossValidation { folds, .. }) = x { *folds = k }) })}
                {number_field("pf-cv-seed", l.pick("Startgetal van het toeval", "Random seed").into(), "1",
                    move || v.with(|x| match x { Some(Validation::CrossValidation { seed, .. }) => seed.to_string(), _ => String::new() }),
                    move |t| if let Ok(k) = t.parse() { v.update(|x| if let Some(Validation::CrossValidation { seed, .. }) = x { *seed = k }) })}
            }
            .into_any(),
        ),
        Some(Validation::SplitSample { .. }) => Some(
            view! {
                {number_field("pf-training", l.pick("Percentage om de boom te laten groeien", "Percentage to grow the tree on").into(), "1",
                    move || v.with(|x| match x { Some(Validation::SplitSample { training_percent, .. }) => training_percent.to_string(), _ => String::new() }),
                    move |t| if let Ok(p) = t.parse() { v.update(|x| if let Some(Validation::SplitSample { training_percent, .. }) = x { *training_percent = p }) })}
                {number_field("pf-split-seed", l.pick("Startgetal van het toeval", "Random seed").into(), "1",
                    move || v.with(|x| match x { Some(Validation::SplitSample { seed, .. }) => seed.to_string(), _ => String::new() }),
                    move |t| if let Ok(k) = t.parse() { v.update(|x| if let Some(Validation::SplitSample { seed, .. }) = x { *seed = k }) })}
            }
            .into_any(),
        ),
        Some(Validation::SplitOn { .. }) => Some(
            view! {
                <div class="pf-field">
                    <label for="pf-split-variable" class="pf-label">{l.pick("Variabele", "Variable")}</label>
                    <select id="pf-split-variable" class="utrecht-select" on:change=move |ev| { let name = event_target_value(&ev); v.update(|x| if let Some(Validation::SplitOn { variable, .. }) = x { *variable = name }) }>
                        {variables.clone()}
                    </select>
                </div>
                <div class="pf-field">
                    <label for="pf-split-values" class="pf-label">{l.pick("Waarden van de toetsgroep (gescheiden door ;)", "Values of the test group (separated by ;)")}</label>
                    <input id="pf-split-values" class="utrecht-textbox" type="text"
                        prop:value=move || v.with(|x| match x { Some(Validation::SplitOn { test_values, .. }) => test_values.join("; "), _ => String::new() })
                        on:change=move |ev| { let text = event_target_value(&ev); let values: Vec<String> = text.split(';').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(); v.update(|x| if let Some(Validation::SplitOn { test_values, .. }) = x { *test_values = values }) }/>
                </div>
            }
            .into_any(),
        ),
    }
    };
    view! {
        <fieldset class="pf-fieldset" data-testid="validation-options">
            <legend class="pf-label">{l.pick("Validatie", "Validation")}</legend>
            {radio("none", l.pick("Geen", "None"))}
            {radio("cv", l.pick("Kruisvalidatie (k delen)", "Cross-validation (k folds)"))}
            {radio("sample", l.pick("Gesplitste steekproef: een willekeurig deel laat de boom groeien, de rest toetst hem", "Split sample: a random part grows the tree, the rest tests it"))}
            {radio("variable", l.pick("Gesplitst op een variabele (bijvoorbeeld het steunpunt of het jaar van intake)", "Split on a variable (for instance the steunpunt or the intake year)"))}
            {details}
        </fieldset>
    }
}

fn risk_text(risk: Option<(f64, f64)>, l: Lang) -> String {
    let loc = l.locale();
    risk.map_or_else(
        || l.pick("niet getoond", "not shown").to_string(),
        |(r, se)| {
            format!(
                "{} ({} {})",
                loc.number(r, 3),
                l.pick("std. fout", "std. error"),
                loc.number(se, 3)
            )
        },
    )
}

fn correct_text(p: &PublishedTree, l: Lang) -> String {
    p.classification
        .as_ref()
        .and_then(|c| c.overall_percent_correct)
        .map_or_else(
            || l.pick("niet getoond", "not shown").to_string(),
            |x| format!("{} %", l.locale().number(x, 1)),
        )
}

/// The validation beside the tree (nothing when none was asked for).
pub fn validation_result(view: &TreeView, training: &PublishedTree, l: Lang) -> Option<impl IntoView> {
    let loc = l.locale();
    if let Some(cv) = &view.report.cross_validation {
        return Some(
            view! {
                <p class="utrecht-paragraph" data-testid="cv-risk">{format!(
                    "{} ({} {}): {} ({} {}). {}",
                    l.pick("Risico bij kruisvalidatie", "Cross-validated risk"),
                    cv.folds,
                    l.pick("delen", "folds"),
                    loc.number(cv.estimate, 3),
                    l.pick("std. fout", "std. error"),
                    loc.number(cv.se, 3),
                    l.pick("Elk deel is getoetst op een boom die zonder dat deel groeide, met dezelfde instellingen (zonder bewerkingen met de hand).", "Each fold was tested on a tree grown without it, with the same settings (without edits by hand)."),
                )}</p>
            }
            .into_any(),
        );
    }
    let test = view.test.as_ref()?.publish(training.threshold);
    let t = test.threshold;
    let classification = test.classification.as_ref().map(|c| {
        observed_by_predicted(
            c,
            t,
            l,
            l.pick("Classificatie toetsgroep", "Classification, test sample"),
            l.pick(
                "Classificatie van de toetsgroep (waargenomen × voorspeld)",
                "Classification of the test sample (observed × predicted)",
            ),
            "test-classification",
        )
    });
    let (training_n, training_risk, training_correct) = (
        training.total.text(t, loc),
        risk_text(training.risk, l),
        correct_text(training, l),
    );
    let note = test
        .hides
        .then(|| view! { <p class="utrecht-paragraph pf-hint">{perspectief_core::disclosure::note(t, loc)}</p> });
    Some(
        view! {
            <crate::components::table_frame::TableFrame label=l.pick("Validatie", "Validation")>
                <table class="utrecht-table" data-testid="validation">
                    <caption class="utrecht-table__caption">{l.pick("Gesplitste steekproef: de boom groeide op de trainingsgroep en is getoetst op de toetsgroep", "Split sample: the tree grew on the training sample and was tested on the test sample")}</caption>
                    <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col"></th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Training", "Training")}</th>
                        <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Toets", "Test")}</th>
                    </tr></thead>
                    <tbody class="utrecht-table__body">
                        <tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">"N"</th>
                            <td class="utrecht-table__cell pf-num">{training_n}</td><td class="utrecht-table__cell pf-num">{test.total.text(t, loc)}</td></tr>
                        <tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{l.pick("Risico", "Risk")}</th>
                            <td class="utrecht-table__cell pf-num">{training_risk}</td><td class="utrecht-table__cell pf-num">{risk_text(test.risk, l)}</td></tr>
                        <tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{l.pick("Juist geclassificeerd", "Correctly classified")}</th>
                            <td class="utrecht-table__cell pf-num">{training_correct}</td><td class="utrecht-table__cell pf-num">{correct_text(&test, l)}</td></tr>
                    </tbody>
                </table>
            </crate::components::table_frame::TableFrame>
            {classification}
            {note}
        }
        .into_any(),
    )
}

/// A published classification's counts, observed × predicted, in a table of its own.
pub fn observed_by_predicted(
    c: &perspectief_core::chaid::published::PublishedClassification,
    threshold: u64,
    l: Lang,
    frame: &'static str,
    caption: &'static str,
    testid: &'static str,
) -> impl IntoView {
    let loc = l.locale();
    let head = c
        .classes
        .iter()
        .map(|k| view! { <th class="utrecht-table__header-cell pf-num" scope="col">{k.clone()}</th> })
        .collect_view();
    let body = c
        .classes
        .iter()
        .zip(&c.counts)
        .map(|(k, row)| {
            let cells = row.iter().map(|x| view! { <td class="utrecht-table__cell pf-num">{x.text(threshold, loc)}</td> }).collect_view();
            view! { <tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{k.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <crate::components::table_frame::TableFrame label=frame>
            <table class="utrecht-table" data-testid=testid>
                <caption class="utrecht-table__caption">{caption}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">{l.pick("Waargenomen", "Observed")}</th>{head}</tr></thead>
                <tbody class="utrecht-table__body">{body}</tbody>
            </table>
        </crate::components::table_frame::TableFrame>
    }
}
