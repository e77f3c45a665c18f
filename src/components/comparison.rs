//! The report's §7.5, alternative explanations: does knowing the steunpunt add
//! to what the ex-AMV's own characteristics already predict?

use leptos::prelude::*;
use perspectief_core::recept::Analysis;

use crate::components::analyse_step::TreeForm;
use crate::engine::protocol::{ComparedTree, ComparisonView, Edit};
use crate::i18n::Lang;
use crate::state::AppState;

fn share(x: Option<f64>, l: Lang) -> String {
    x.map_or("–".into(), |x| format!("{} %", l.locale().number(x, 1)))
}

/// What changed, in one plain sentence.
pub fn sentence(c: &ComparisonView, l: Lang) -> String {
    let loc = l.locale();
    let (Some(x), Some(y)) = (c.persons_only.target_correct, c.with_steunpunten.target_correct) else {
        return l
            .pick(
                "Een van de bomen voorspelt deze uitkomst niet.",
                "One of the trees does not predict this outcome.",
            )
            .into();
    };
    // Neither tree predicts the class for anyone (it is the minority in every end node): then
    // "0,0 % against 0,0 %, the same" would say nothing.
    if x < 0.05 && y < 0.05 {
        return format!(
            "{} {} = {} {}",
            l.pick("Geen van beide bomen voorspelt", "Neither tree predicts"),
            c.target,
            c.target_class,
            l.pick(
                "voor wie dan ook: in elke eindknoop is het de kleinste groep. Het percentage juist voorspeld zegt hier dus niets; vergelijk het risico en het aantal knopen in de tabel, of de winsttabel van elke boom.",
                "for anyone: it is the smaller group in every end node. The percentage predicted correctly says nothing here; compare the risk and the number of nodes in the table, or each tree's gains table.",
            )
        );
    }
    let diff = y - x;
    let change = if diff.abs() < 0.05 {
        l.pick("Dat is evenveel.", "That is the same.").to_string()
    } else {
        format!(
            "{} {} {}.",
            l.pick("Dat is", "That is"),
            loc.number(diff.abs(), 1),
            if diff > 0.0 {
                l.pick("procentpunt meer", "percentage points more")
            } else {
                l.pick("procentpunt minder", "percentage points fewer")
            }
        )
    };
    format!(
        "{} {} % {} {} = {} {}; {} {} %. {change}",
        l.pick(
            "Met de kenmerken van de steunpunten erbij voorspelt de boom",
            "With the steunpunt characteristics added, the tree predicts"
        ),
        loc.number(y, 1),
        l.pick("van de cliënten met", "of the clients with"),
        c.target,
        c.target_class,
        l.pick("juist", "correctly"),
        l.pick(
            "met alleen de kenmerken van de ex-AMV's",
            "with the ex-AMVs' own characteristics only"
        ),
        loc.number(x, 1),
    )
}

fn column(t: &ComparedTree, l: Lang) -> [String; 5] {
    [
        t.predictors.to_string(),
        t.nodes.to_string(),
        t.root_split
            .clone()
            .unwrap_or_else(|| l.pick("(geen)", "(none)").into()),
        share(t.target_correct, l),
        share(t.overall_correct, l),
    ]
}

#[component]
pub fn Comparison(form: TreeForm) -> impl IntoView {
    let state = expect_context::<AppState>();
    let run = move |_| {
        state.results.comparison.set(None);
        state.send(
            Edit::Run {
                analysis: Analysis::Compare {
                    target: form.target.get_untracked(),
                    params: form.params(),
                },
            },
            Vec::new(),
        );
    };
    let result = move || {
        let l = state.lang.get();
        let c = state.results.comparison.get()?;
        let (a, b) = (column(&c.persons_only, l), column(&c.with_steunpunten, l));
        let labels = [
            l.pick("Verklarende variabelen", "Predictors"),
            l.pick("Knopen", "Nodes"),
            l.pick("Eerste splitsing", "First split"),
            l.pick("Juist voorspeld (doelcategorie)", "Correctly predicted (target class)"),
            l.pick("Juist voorspeld (totaal)", "Correctly predicted (overall)"),
        ];
        let rows = labels
            .into_iter()
            .zip(a.into_iter().zip(b))
            .map(|(label, (x, y))| {
                view! {
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row">{label}</th>
                        <td class="utrecht-table__cell pf-num">{x}</td>
                        <td class="utrecht-table__cell pf-num">{y}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            { let table = view! { <table class="utrecht-table" data-testid="comparison">
                <caption class="utrecht-table__caption">{format!("{} {} = {}", l.pick("Alternatieve verklaringen (§7.5) voor", "Alternative explanations (§7.5) for"), c.target, c.target_class)}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col"></th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Alleen ex-AMV-kenmerken", "Ex-AMV characteristics only")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Plus steunpuntkenmerken", "Plus steunpunt characteristics")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table> }; view! { <crate::components::table_frame::TableFrame label=l.pick("Alternatieve verklaringen", "Alternative explanations")>{table}</crate::components::table_frame::TableFrame> } }
            <p class="utrecht-paragraph" data-testid="comparison-sentence">{sentence(&c, l)}</p>
        })
    };
    view! {
        <section class="pf-section" aria-labelledby="pf-compare-heading">
            <h2 class="utrecht-heading-2" id="pf-compare-heading">{move || state.lang.get().pick("Alternatieve verklaringen (§7.5)", "Alternative explanations (§7.5)")}</h2>
            <p class="utrecht-paragraph">{move || state.lang.get().pick(
                "Voegt het steunpunt iets toe aan wat de kenmerken van de ex-AMV's zelf al voorspellen? Twee bomen voor de gekozen afhankelijke, naast elkaar.",
                "Does the steunpunt add to what the ex-AMVs' own characteristics already predict? Two trees for the chosen dependent, side by side.",
            )}</p>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=run>
                {move || state.lang.get().pick("Vergelijken", "Compare")}
            </button>
            <div>{result}</div>
        </section>
    }
}
