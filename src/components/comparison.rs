//! The report's §7.5, alternative explanations: does knowing the steunpunt add
//! to what the ex-AMV's own characteristics already predict?

use leptos::prelude::*;
use perspectief_core::recept::Analysis;

use crate::components::analyse_step::TreeForm;
use crate::engine::protocol::{ComparedTree, Edit};
use crate::i18n::Lang;
use crate::state::AppState;

fn share(x: Option<f64>, l: Lang) -> String {
    x.map_or("–".into(), |x| format!("{} %", l.locale().number(x, 1)))
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
        let analysis = Analysis::Compare {
            target: form.target.get_untracked(),
            params: form.params(),
        };
        state.results.comparison_analysis.set(Some(analysis.clone()));
        state.send(Edit::Run { analysis }, Vec::new());
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
        // Each cell names the field of the comparison it shows, for the text's traces.
        let fields = ["predictors", "nodes", "root_split", "target_correct", "overall_correct"];
        let rows = labels
            .into_iter()
            .zip(a.into_iter().zip(b))
            .zip(fields)
            .map(|((label, (x, y)), field)| {
                view! {
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="row">{label}</th>
                        <td class="utrecht-table__cell pf-num" data-at=format!("/persons_only/{field}")>{x}</td>
                        <td class="utrecht-table__cell pf-num" data-at=format!("/with_steunpunten/{field}")>{y}</td>
                    </tr>
                }
            })
            .collect_view();
        let text = perspectief_core::narrative::comparison(&c, l.locale());
        let report_html = text.html();
        let report_title = format!(
            "{} {}",
            l.pick("Alternatieve verklaringen (§7.5):", "Alternative explanations (§7.5):"),
            l.var(&c.target)
        );
        Some(view! {
            <div id="pf-comparison-table">{ let table = view! { <table class="utrecht-table" data-testid="comparison">
                <caption class="utrecht-table__caption">{format!("{} {} = {}", l.pick("Alternatieve verklaringen (§7.5) voor", "Alternative explanations (§7.5) for"), c.target, c.target_class)}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col"></th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Alleen ex-AMV-kenmerken", "Ex-AMV characteristics only")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Plus steunpuntkenmerken", "Plus steunpunt characteristics")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table> }; view! { <crate::components::table_frame::TableFrame label=l.pick("Alternatieve verklaringen", "Alternative explanations")>{table}</crate::components::table_frame::TableFrame> } }</div>
            <div data-testid="comparison-sentence" id="pf-comparison-text">
                <crate::components::narrative::NarrativeText text=text scope="[data-testid=comparison]" lang=l/>
            </div>
            <button type="button" class="utrecht-button utrecht-button--subtle"
                on:click=move |_| {
                    let Some(table) = crate::components::report::shown("pf-comparison-table") else { return };
                    let analysis = state.results.comparison_analysis.get_untracked();
                    let item = crate::components::report::ReportItem {
                        title: report_title.clone(),
                        html: format!("{table}{report_html}"),
                        analysis: analysis.map(|a| (a, perspectief_core::disclosure::DEFAULT_THRESHOLD)),
                        picture: None,
                    };
                    state.report.update(|r| r.push(item));
                }>
                {l.pick("Zet in verslag", "Add to report")}
            </button>
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
