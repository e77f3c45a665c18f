//! The grown tree: the diagram, then the same data as tables (tree table,
//! risk, classification, gains), the screening table, and the SVG download.

use leptos::prelude::*;
use perspectief_core::chaid::published::PublishedTree;

use crate::components::analyse_step::TreeForm;
use crate::components::tree_svg::TreeDiagram;
use crate::engine::protocol::ScreeningView;
use crate::i18n::Lang;
use crate::state::AppState;

fn tree_tables(p: &PublishedTree, l: Lang) -> impl IntoView {
    let loc = l.locale();
    let t = p.threshold;
    let head_classes = if p.is_scale() {
        view! { <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Gemiddelde (std. afw.)", "Mean (std. dev.)")}</th> }.into_any()
    } else {
        p.categories
            .iter()
            .map(|c| view! { <th class="utrecht-table__header-cell pf-num" scope="col">{format!("{c} (n)")}</th> })
            .collect_view()
            .into_any()
    };
    let rows = p
        .nodes
        .iter()
        .map(|n| {
            let cells = if p.is_scale() {
                let text = match (n.mean, n.sd) {
                    (Some(m), Some(s)) => format!("{} ({})", loc.number(m, 3), loc.number(s, 3)),
                    _ => perspectief_core::disclosure::HIDDEN.to_string(),
                };
                view! { <td class="utrecht-table__cell pf-num">{text}</td> }.into_any()
            } else {
                n.counts
                    .iter()
                    .map(|c| view! { <td class="utrecht-table__cell pf-num">{c.text(t, loc)}</td> })
                    .collect_view()
                    .into_any()
            };
            let split = n.split.as_ref().map_or(String::new(), |s| match s.adj_p {
                Some(adj_p) => format!("{} (Adj. p = {})", l.var(&s.name), l.p_value(adj_p)),
                None => format!(
                    "{} ({})",
                    l.var(&s.name),
                    l.pick("toets niet getoond", "test not shown")
                ),
            });
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">{n.id}</th>
                    <td class="utrecht-table__cell pf-num">{n.parent.map_or(String::new(), |p| p.to_string())}</td>
                    <td class="utrecht-table__cell">{l.label(&n.branch.clone().unwrap_or_default())}</td>
                    {cells}
                    <td class="utrecht-table__cell pf-num">{n.n.text(t, loc)}</td>
                    <td class="utrecht-table__cell">{split}</td>
                </tr>
            }
        })
        .collect_view();
    let risk = match p.risk {
        Some((estimate, se)) => format!(
            "{}: {} ({} {})",
            l.pick("Risico", "Risk"),
            loc.number(estimate, 3),
            l.pick("std. fout", "std. error"),
            loc.number(se, 3)
        ),
        None => l
            .pick(
                "Risico: niet getoond (het zou een verborgen aantal verraden).",
                "Risk: not shown (it would give a hidden count away).",
            )
            .to_string(),
    };
    let pct = move |x: Option<f64>| x.map_or(perspectief_core::disclosure::HIDDEN.to_string(), |x| loc.number(x, 1));
    let classification = p.classification.as_ref().map(|c| {
        let head = c.classes.iter().map(|k| view! { <th class="utrecht-table__header-cell pf-num" scope="col">{k.clone()}</th> }).collect_view();
        let body = c
            .classes
            .iter()
            .zip(&c.counts)
            .zip(&c.percent_correct)
            .map(|((k, row), pc)| {
                let cells = row.iter().map(|x| view! { <td class="utrecht-table__cell pf-num">{x.text(t, loc)}</td> }).collect_view();
                view! { <tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row">{k.clone()}</th>{cells}<td class="utrecht-table__cell pf-num">{pct(*pc)}</td></tr> }
            })
            .collect_view();
        view! {
            <crate::components::table_frame::TableFrame label=l.pick("Classificatie", "Classification")><table class="utrecht-table" data-testid="classification">
                <caption class="utrecht-table__caption">{l.pick("Classificatie (waargenomen × voorspeld)", "Classification (observed × predicted)")}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="col">{l.pick("Waargenomen", "Observed")}</th>{head}<th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("% juist", "% correct")}</th></tr></thead>
                <tbody class="utrecht-table__body">{body}</tbody>
            </table></crate::components::table_frame::TableFrame>
            <p class="utrecht-paragraph" data-testid="overall-correct">{format!("{}: {} %", l.pick("Totaal juist geclassificeerd", "Overall correctly classified"), pct(c.overall_percent_correct))}</p>
        }
    });
    let note = p.hides.then(|| view! { <p class="utrecht-paragraph pf-hint" data-testid="tree-note">{perspectief_core::disclosure::note(t, loc)}</p> });
    view! {
        <crate::components::table_frame::TableFrame label=l.pick("Boomtabel", "Tree table")>
            <table class="utrecht-table" data-testid="tree-table">
                <caption class="utrecht-table__caption">{l.pick("Boomtabel", "Tree table")}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Knoop", "Node")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Ouder", "Parent")}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Waarden", "Values")}</th>
                    {head_classes}
                    <th class="utrecht-table__header-cell pf-num" scope="col">"N"</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Splitsing", "Split")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table>
        </crate::components::table_frame::TableFrame>
        <p class="utrecht-paragraph" data-testid="risk">{risk}</p>
        {classification}
        {note}
    }
}

fn screening_table(s: &ScreeningView, form: TreeForm, state: AppState, l: Lang) -> impl IntoView {
    let loc = l.locale();
    let rows = s
        .rows
        .iter()
        .map(|r| {
            let name = r.predictor.clone();
            // This predictor's tree on its own; the form keeps its own choice for later trees.
            let open = move |_| form.grow_with(state, vec![name.clone()]);
            view! {
                <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row"><button type="button" class="pf-link-button" on:click=open>{l.var(&r.predictor)}</button></th>
                    <td class="utrecht-table__cell pf-num">{l.p_value(r.adj_p)}</td>
                    <td class="utrecht-table__cell pf-num">{loc.number(r.statistic, 3)}</td>
                    <td class="utrecht-table__cell pf-num">{r.df1}</td>
                    <td class="utrecht-table__cell">{r.groups.iter().map(|g| l.label(g)).collect::<Vec<_>>().join(" | ")}</td>
                </tr>
            }
        })
        .collect_view();
    let (target, rows_for_file) = (s.target.clone(), s.rows.clone());
    let download = move |_| {
        let sheet = perspectief_core::messages::localize_sheet(
            perspectief_core::chaid::sheets::screening_sheet(&target, &rows_for_file),
            l.locale(),
        );
        let name = format!("screening-{target}.xlsx");
        let saved = crate::download::save_xlsx(&name, &[sheet], l.locale());
        if let Err(e) = saved {
            state.error.set(Some(e))
        }
    };
    view! {
        <button type="button" class="utrecht-button utrecht-button--subtle" on:click=download>
            {l.pick("Download screening (Excel)", "Download screening (Excel)")}
        </button>
        { let table = view! { <table class="utrecht-table" data-testid="screening">
                <caption class="utrecht-table__caption">{format!("{} {} ({})", l.pick("Screening voor", "Screening for"), s.target, l.pick("klik een variabele voor haar boom", "click a variable for its tree"))}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Variabele", "Variable")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Adj. P-waarde", "Adj. P-value")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Chi-kwadraat / F", "Chi-square / F")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">"df"</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Groepen", "Groups")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table> }; view! { <crate::components::table_frame::TableFrame label=l.pick("Screening", "Screening")>{table}</crate::components::table_frame::TableFrame> } }
    }
}

#[component]
pub fn TreeResult(form: TreeForm) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The published form of the tree, once per tree and threshold.
    let published = Memo::new(move |_| {
        let threshold = form.threshold.get();
        state
            .results
            .tree
            .with(|v| v.as_ref().map(|v| v.report.publish(threshold)))
    });
    // The node chosen in the diagram is the editor's too: it stays chosen while the tree is
    // edited, and a tree grown anew starts with none.
    let selected = RwSignal::new(None::<usize>);
    Effect::new(move |previous: Option<Option<perspectief_core::recept::Analysis>>| {
        let now = state.results.tree_analysis.get();
        let edited = matches!((&now, previous.flatten()), (Some(a), Some(b)) if a.edits_tree(&b));
        if !edited {
            selected.set(None);
        }
        now
    });
    let tree = move || {
        let l = state.lang.get();
        let view = state.results.tree.get()?;
        let t = &view.report.tree;
        // Everything shown or saved of the tree comes from its published form.
        let published = published.get()?;
        let root_name = t.nodes.first().and_then(|n| n.split.as_ref()).map(|s| s.name.clone());
        let root = root_name.as_deref().map(|r| l.var(r));
        let summary = format!(
            "{} {}: {} {}, {} {}{}",
            l.pick("Boom voor", "Tree for"),
            l.var(&t.target.name),
            t.nodes.len(),
            l.pick("knopen", "nodes"),
            t.terminals().count(),
            l.pick("eindknopen", "terminal nodes"),
            root.map_or(
                l.pick("; geen splitsing gevonden.", "; no split found.").to_string(),
                |r| format!("; {} {r}.", l.pick("eerste splitsing op", "first split on"))
            ),
        );
        // Downloads and the report get the whole tree, whatever is collapsed on the page.
        let drawing = perspectief_core::drawing::tree::layout(&published, &Default::default(), l.locale());
        let picture = crate::svg_export::standalone(&drawing.svg(1.0, None, l.locale()), "pf-tree");
        let (png_svg, report_svg) = (picture.clone(), picture.clone());
        let (width, height) = (drawing.width, drawing.height);
        let svg_name = format!("boom-{}.svg", t.target.name);
        let png_name = format!("boom-{}.png", t.target.name);
        let report_title = summary.clone();
        // What the tree shows, in sentences (numbers traced to its nodes).
        let text = perspectief_core::narrative::tree(
            perspectief_core::narrative::TreeFacts {
                tree: &published,
                alpha: t.params.alpha_split,
                target_class: view
                    .report
                    .gains
                    .as_ref()
                    .and_then(|g| published.categories.iter().position(|c| *c == g.target_class)),
                units: perspectief_core::narrative::units_of(&t.target.name),
            },
            l.locale(),
        );
        let report_text = text.html();
        let report_analysis = state
            .results
            .tree_analysis
            .get_untracked()
            .map(|a| (a, form.threshold.get_untracked()));
        let report_picture = (width, height);
        // The edits by hand, listed under the tree in the report.
        let report_edits = if view.edits.is_empty() {
            String::new()
        } else {
            use perspectief_core::messages::Localized;
            let esc = |s: String| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let items: String = view
                .edits
                .iter()
                .map(|e| format!("<li>{}</li>", esc(e.text(l.locale()))))
                .collect();
            format!(
                "<h3>{}</h3><ol>{items}</ol>",
                l.pick("Bewerkingen met de hand", "Edits by hand")
            )
        };
        let xlsx_published = published.clone();
        let xlsx_gains = view.report.gains.clone();
        let xlsx_name = format!("boomtabellen-{}.xlsx", t.target.name);
        let json_name = format!("boom-{}.json", t.target.name);
        // The rules, in the page's language: structure from the tree, numbers as published.
        let rules = {
            use perspectief_core::chaid::rules::{pmml, spss, sql, text};
            let mut lines: Vec<String> = text::sentences(t, &published, l.locale())
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            lines.push(text::unseen_note(l.locale()).to_string());
            std::rc::Rc::new([
                (
                    format!("regels-{}.txt", t.target.name),
                    lines.join("\n") + "\n",
                    "text/plain",
                ),
                (
                    format!("regels-{}.sps", t.target.name),
                    spss::syntax(t, &published),
                    "text/plain",
                ),
                (format!("regels-{}.sql", t.target.name), sql::query(t), "text/plain"),
                (
                    format!("boom-{}.pmml", t.target.name),
                    pmml::document(t, &published),
                    "application/xml",
                ),
            ])
        };
        let rule_button = move |k: usize, label: &'static str| {
            let rules = rules.clone();
            view! {
                <button type="button" class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        let (name, body, mime) = &rules[k];
                        if let Err(e) = crate::download::save(name, body.as_bytes(), mime) { state.error.set(Some(e)) }
                    }>
                    {label}
                </button>
            }
        };
        Some(view! {
            <h3 class="utrecht-heading-3" data-testid="tree-summary" data-ms=view.ms.to_string() data-target=t.target.name.clone() data-split=root_name.clone().unwrap_or_default()>{summary}</h3>
            <TreeDiagram tree=published.clone() lang=l selected=selected/>
            <h4 class="utrecht-heading-4">{l.pick("Wat de boom laat zien", "What the tree shows")}</h4>
            <crate::components::narrative::NarrativeText text=text scope="#pf-tree-svg" lang=l/>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--secondary-action"
                    on:click=move |_| if let Err(e) = picture.clone().and_then(|p| crate::download::save(&svg_name, p.as_bytes(), "image/svg+xml")) { state.error.set(Some(e)) }>
                    {l.pick("Download boom (SVG)", "Download tree (SVG)")}
                </button>
                <button type="button" class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        let report = move |e: String| state.error.set(Some(e));
                        if let Err(e) = png_svg.clone().and_then(|p| crate::svg_export::png_of(&p, width, height, png_name.clone(), report)) { state.error.set(Some(e)) }
                    }>
                    {l.pick("Download boom (PNG)", "Download tree (PNG)")}
                </button>
                <button type="button" class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        let Some(table) = crate::components::report::shown("pf-tree-tables") else { return };
                        let svg = match report_svg.clone() {
                            Ok(svg) => svg,
                            Err(e) => return state.error.set(Some(e)),
                        };
                        let item = crate::components::report::ReportItem {
                            title: report_title.clone(),
                            html: format!("{svg}{report_text}{table}{}", report_edits.clone()),
                            analysis: report_analysis.clone(),
                            picture: Some((svg.clone(), report_picture.0, report_picture.1)),
                        };
                        state.report.update(|r| r.push(item));
                    }>
                    {l.pick("Zet in verslag", "Add to report")}
                </button>
                <button type="button" class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        let gains = xlsx_gains.as_ref().and_then(|g| {
                            let class = xlsx_published.categories.iter().position(|c| *c == g.target_class)?;
                            xlsx_published.gains(class, &g.nodes)
                        });
                        let sheets: Vec<_> = xlsx_published.sheets(gains.as_ref()).into_iter().map(|s| perspectief_core::messages::localize_sheet(s, l.locale())).collect();
                        let saved = crate::download::save_xlsx(&xlsx_name, &sheets, l.locale());
                        if let Err(e) = saved { state.error.set(Some(e)) }
                    }>
                    {l.pick("Download boomtabellen (Excel)", "Download tree tables (Excel)")}
                </button>
                <button type="button" class="utrecht-button utrecht-button--subtle"
                    on:click=move |_| {
                        let json = state.results.tree.with_untracked(|v| v.as_ref().map(|v| v.published_json(form.threshold.get_untracked())));
                        let Some(json) = json else { return };
                        if let Err(e) = crate::download::save(&json_name, json.as_bytes(), "application/json") { state.error.set(Some(e)) }
                    }>
                    {l.pick("Download boom (JSON)", "Download tree (JSON)")}
                </button>
                {rule_button(0, l.pick("Download regels (tekst)", "Download rules (text)"))}
                {rule_button(1, l.pick("Download regels (SPSS-syntax)", "Download rules (SPSS syntax)"))}
                {rule_button(2, l.pick("Download regels (SQL)", "Download rules (SQL)"))}
                {rule_button(3, l.pick("Download model (PMML)", "Download model (PMML)"))}
            </div>
        })
    };
    let tables = move || {
        let l = state.lang.get();
        let view = state.results.tree.get()?;
        let published = published.get()?;
        let validation = crate::components::tree_validation::validation_result(&view, &published, l);
        Some(view! {
            <div id="pf-tree-tables">{tree_tables(&published, l)}</div>
            {validation}
            <crate::components::gains::GainsTable tree=view.report.tree.clone() published=published.clone() lang=l/>
        })
    };
    let screening = move || {
        let l = state.lang.get();
        state
            .results
            .screening
            .get()
            .map(|s| screening_table(&s, form, state, l))
    };
    view! {
        <div data-testid="tree-result">
            {tree}
            <crate::components::tree_editor::TreeEditor selected=selected threshold=Signal::derive(move || form.threshold.get())/>
            {tables}
        </div>
        {screening}
    }
}
