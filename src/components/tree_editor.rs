//! Editing the tree by hand, at the node chosen in the diagram or the list: the competing
//! predictors (the best five, with their test unless a small cell could be given back), a
//! split forced on one of them, the categories of a split moved between groups, the branch
//! pruned or regrown with other limits. Each edit is sent as the tree's analysis with one
//! more edit (the worker regrows it, the recept keeps it); the edits are listed with what
//! each did, or why it no longer applies.

use leptos::prelude::*;
use perspectief_core::chaid::edit::{path_of, Limits, TreeEdit};
use perspectief_core::chaid::tree::Tree;
use perspectief_core::messages::Localized;
use perspectief_core::recept::Analysis;

use crate::components::form::number_field;
use crate::engine::protocol::{Edit, Query, TreeView};
use crate::i18n::Lang;
use crate::state::AppState;

/// Send the shown tree's analysis with `edits` instead of its own.
fn send_edits(state: AppState, edits: Vec<TreeEdit>) {
    let Some(Analysis::Tree {
        target,
        predictors,
        params,
        target_class,
        validation,
        ..
    }) = state.results.tree_analysis.get_untracked()
    else {
        return;
    };
    state.send(
        Edit::Run {
            analysis: Analysis::Tree {
                target,
                predictors,
                params,
                target_class,
                edits,
                validation,
            },
        },
        Vec::new(),
    );
    focus_node_list();
}

/// The edits of the shown tree, plus `edit`.
fn with(state: AppState, edit: TreeEdit) -> Vec<TreeEdit> {
    let mut edits = match state.results.tree_analysis.get_untracked() {
        Some(Analysis::Tree { edits, .. }) => edits,
        _ => Vec::new(),
    };
    edits.push(edit);
    edits
}

fn category_label(t: &Tree, predictor: usize, code: usize) -> String {
    t.predictors[predictor]
        .categories
        .get(code)
        .cloned()
        .unwrap_or_else(|| "<missing>".into())
}

fn competitors_table(view: &TreeView, id: usize, threshold: u64, state: AppState, l: Lang) -> impl IntoView {
    let loc = l.locale();
    let t = &view.report.tree;
    let Some(list) = state
        .results
        .competitors
        .get()
        .filter(|(n, _)| *n == id)
        .map(|(_, list)| list)
    else {
        return view! { <p class="utrecht-paragraph" role="status" data-testid="competitors-waiting">{l.pick("De verklarende variabelen van deze knoop worden vergeleken…", "Comparing the predictors of this node…")}</p> }.into_any();
    };
    if list.is_empty() {
        return view! { <p class="utrecht-paragraph" data-testid="no-competitors">{l.pick(
            "Geen enkele verklarende variabele verdeelt deze knoop in twee of meer groepen.",
            "No predictor divides this node into two or more groups.",
        )}</p> }
        .into_any();
    }
    let path = path_of(t, id);
    let current = t.nodes[id].split.as_ref().map(|s| s.name.clone());
    let rows = list
        .into_iter()
        .map(|c| {
            let shown = c.shown(threshold);
            let hidden = l.pick("niet getoond", "not shown");
            let (p, stat) = if shown {
                (l.p_value(c.adj_p), loc.number(c.statistic, 3))
            } else {
                (hidden.to_string(), hidden.to_string())
            };
            let df = if c.statistic_kind == "f" {
                format!("{}; {}", c.df1, loc.number(c.df2, 0))
            } else {
                c.df1.to_string()
            };
            let is_current = current.as_deref() == Some(c.predictor.as_str());
            let name = c.predictor.clone();
            let path = path.clone();
            let split = move |_| {
                send_edits(
                    state,
                    with(
                        state,
                        TreeEdit::Split {
                            node: path.clone(),
                            predictor: name.clone(),
                        },
                    ),
                )
            };
            // The visible text first (WCAG 2.5.3), then what it splits on.
            let aria = format!("{} ({} {id}, {})", l.pick("Splits hierop", "Split on this"), l.pick("knoop", "node"), l.var(&c.predictor));
            view! {
                <tr class="utrecht-table__row" data-predictor=c.predictor.clone()>
                    <th class="utrecht-table__header-cell" scope="row">{l.var(&c.predictor)}{is_current.then(|| format!(" ({})", l.pick("huidige splitsing", "current split")))}</th>
                    <td class="utrecht-table__cell pf-num">{p}</td>
                    <td class="utrecht-table__cell pf-num">{stat}</td>
                    <td class="utrecht-table__cell pf-num">{df}</td>
                    <td class="utrecht-table__cell">{c.groups.iter().map(|g| l.label(g)).collect::<Vec<_>>().join(" | ")}</td>
                    <td class="utrecht-table__cell">
                        <button type="button" class="utrecht-button utrecht-button--subtle" aria-label=aria on:click=split>{l.pick("Splits hierop", "Split on this")}</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <crate::components::table_frame::TableFrame label=l.pick("Concurrerende variabelen", "Competing predictors")>
            <table class="utrecht-table" data-testid="competitors">
                <caption class="utrecht-table__caption">{format!("{} {id}", l.pick("Beste verklarende variabelen in knoop", "Best predictors in node"))}</caption>
                <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Variabele", "Variable")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Adj. P-waarde", "Adj. P-value")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">{l.pick("Chi-kwadraat / F", "Chi-square / F")}</th>
                    <th class="utrecht-table__header-cell pf-num" scope="col">"df"</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Groepen", "Groups")}</th>
                    <th class="utrecht-table__header-cell" scope="col">{l.pick("Actie", "Action")}</th>
                </tr></thead>
                <tbody class="utrecht-table__body">{rows}</tbody>
            </table>
        </crate::components::table_frame::TableFrame>
    }
    .into_any()
}

/// The categories of the node's split, each with the group it is in; moving one and applying
/// regroups the split.
fn groups_form(t: &Tree, id: usize, state: AppState, l: Lang) -> Option<impl IntoView> {
    let split = t.nodes[id].split.clone()?;
    let p = split.predictor;
    let draft = RwSignal::new(split.groups.clone());
    let k = split.groups.len();
    let cats: Vec<usize> = {
        let mut c: Vec<usize> = split.groups.iter().flatten().copied().collect();
        c.sort_unstable();
        c
    };
    let rows = cats
        .into_iter()
        .map(|code| {
            let label = l.label(&category_label(t, p, code));
            let select_id = format!("pf-group-{id}-{code}");
            let options = (0..=k)
                .map(|g| {
                    let text = if g < k {
                        format!("{} {}", l.pick("Groep", "Group"), g + 1)
                    } else {
                        l.pick("Nieuwe groep", "New group").to_string()
                    };
                    view! { <option value=g.to_string() selected=move || draft.with(|d| d.iter().position(|x| x.contains(&code)) == Some(g))>{text}</option> }
                })
                .collect_view();
            let change = move |ev: leptos::ev::Event| {
                let Ok(g) = event_target_value(&ev).parse::<usize>() else { return };
                draft.update(|d| {
                    for group in d.iter_mut() {
                        group.retain(|&c| c != code);
                    }
                    if g < d.len() {
                        d[g].push(code);
                    } else {
                        d.push(vec![code]);
                    }
                });
            };
            view! {
                <div class="pf-field">
                    <label for=select_id.clone() class="pf-label">{format!("{} {label}", l.pick("Groep van", "Group of"))}</label>
                    <select id=select_id class="utrecht-select pf-short" on:change=change>{options}</select>
                </div>
            }
        })
        .collect_view();
    let path = path_of(t, id);
    let labels: Vec<String> = t.predictors[p].categories.clone();
    let name = split.name.clone();
    let apply = move |_| {
        let groups: Vec<Vec<String>> = draft
            .get_untracked()
            .into_iter()
            .filter(|g| !g.is_empty())
            .map(|g| {
                g.into_iter()
                    .map(|c| labels.get(c).cloned().unwrap_or_else(|| "<missing>".into()))
                    .collect()
            })
            .collect();
        send_edits(
            state,
            with(
                state,
                TreeEdit::Regroup {
                    node: path.clone(),
                    predictor: name.clone(),
                    groups,
                },
            ),
        );
    };
    Some(view! {
        <fieldset class="pf-options" data-testid="regroup">
            <legend>{format!("{} {} {}", l.pick("Groepen van de splitsing op", "Groups of the split on"), l.var(&split.name), l.pick("(verplaats een categorie, dan toepassen; de takken eronder groeien opnieuw)", "(move a category, then apply; the branches below grow again)"))}</legend>
            {rows}
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=apply>{l.pick("Groepen toepassen", "Apply groups")}</button>
        </fieldset>
    })
}

fn regrow_form(t: &Tree, id: usize, state: AppState, l: Lang) -> impl IntoView {
    let params = &t.params;
    let limits = RwSignal::new(Limits {
        depth: params.max_depth.saturating_sub(t.nodes[id].depth).max(1),
        min_parent: params.min_parent,
        min_child: params.min_child,
        alpha_split: params.alpha_split,
    });
    let path = path_of(t, id);
    let regrow = move |_| {
        send_edits(
            state,
            with(
                state,
                TreeEdit::Regrow {
                    node: path.clone(),
                    limits: limits.get_untracked(),
                },
            ),
        )
    };
    macro_rules! limit {
        ($id:literal, $nl:literal, $en:literal, $field:ident) => {
            number_field(
                $id,
                l.pick($nl, $en).to_string(),
                "any",
                move || limits.with(|x| x.$field.to_string()),
                move |v| {
                    if let Ok(x) = v.parse() {
                        limits.update(|m| m.$field = x)
                    }
                },
            )
        };
    }
    view! {
        <fieldset class="pf-options" data-testid="regrow">
            <legend>{format!("{} {id} {}", l.pick("Knoop", "Node"), l.pick("opnieuw laten groeien met andere grenzen", "regrown with other limits"))}</legend>
            {limit!("pf-regrow-depth", "Niveaus eronder", "Levels below", depth)}
            {limit!("pf-regrow-parent", "Minimaal aantal in een knoop om te splitsen", "Minimum cases in a node to split", min_parent)}
            {limit!("pf-regrow-child", "Minimaal aantal per groep", "Minimum cases per group", min_child)}
            {limit!("pf-regrow-alpha", "Alpha voor splitsen", "Alpha for splitting", alpha_split)}
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=regrow>{l.pick("Opnieuw laten groeien", "Regrow")}</button>
        </fieldset>
    }
}

/// Back to the node list after an edit: the button pressed is redrawn with the tree.
fn focus_node_list() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        let list = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("pf-edit-node"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(e) = list {
            let _ = e.focus();
        }
    });
}

#[component]
pub fn TreeEditor(selected: RwSignal<Option<usize>>, threshold: Signal<u64>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let has_tree = move || state.results.tree.with(Option::is_some);
    let current = move || {
        let n = state
            .results
            .tree
            .with(|v| v.as_ref().map_or(0, |v| v.report.tree.nodes.len()));
        selected.get().filter(|&i| i < n).unwrap_or(0)
    };
    let options = move || {
        let l = state.lang.get();
        let id = current();
        state.results.tree.with(|v| {
            v.as_ref().map(|v| {
                v.report
                    .tree
                    .nodes
                    .iter()
                    .map(|n| {
                        let text = match &n.split {
                            Some(s) => format!(
                                "{} {} ({} {})",
                                l.pick("Knoop", "Node"),
                                n.id,
                                l.pick("gesplitst op", "split on"),
                                l.var(&s.name)
                            ),
                            None => format!(
                                "{} {} ({})",
                                l.pick("Knoop", "Node"),
                                n.id,
                                l.pick("eindknoop", "terminal")
                            ),
                        };
                        view! { <option value=n.id.to_string() selected=n.id == id>{text}</option> }
                    })
                    .collect_view()
            })
        })
    };
    // The competitors of the node chosen, asked of the worker whenever the tree or the node
    // changes while the editor is open.
    Effect::new(move |_| {
        let (Some(_), true) = (state.results.tree_analysis.get(), open.get()) else {
            return;
        };
        let _ = state.results.tree.with(|v| v.as_ref().map(|v| v.ms));
        state.results.competitors.set(None);
        state.send(Query::Competitors { node: current() }, Vec::new());
    });
    let node_part = move || {
        let l = state.lang.get();
        let view = state.results.tree.get()?;
        let t = view.report.tree.clone();
        let id = current();
        let path = path_of(&t, id);
        let prune = (!t.nodes[id].is_terminal()).then(|| {
            let path = path.clone();
            view! {
                <button type="button" class="utrecht-button utrecht-button--secondary-action"
                    on:click=move |_| send_edits(state, with(state, TreeEdit::Prune { node: path.clone() }))>
                    {format!("{} {id}", l.pick("Snoei de takken van knoop", "Prune the branches of node"))}
                </button>
            }
        });
        let edits: Vec<String> = view.edits.iter().map(|e| e.text(l.locale())).collect();
        let undo = (!edits.is_empty()).then(|| {
            view! {
                <div class="utrecht-button-group">
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| {
                        let mut e = match state.results.tree_analysis.get_untracked() { Some(Analysis::Tree { edits, .. }) => edits, _ => Vec::new() };
                        e.pop();
                        send_edits(state, e);
                    }>{l.pick("Laatste bewerking ongedaan maken", "Undo the last edit")}</button>
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| send_edits(state, Vec::new())>
                        {l.pick("Alle bewerkingen wissen", "Clear all edits")}
                    </button>
                </div>
            }
        });
        let list = (!edits.is_empty()).then(|| {
            view! {
                <h4 class="utrecht-heading-4">{l.pick("Bewerkingen met de hand (in het recept)", "Edits by hand (in the recept)")}</h4>
                <ol class="utrecht-ordered-list" data-testid="tree-edits">
                    {edits.into_iter().map(|e| view! { <li class="utrecht-ordered-list__item">{e}</li> }).collect_view()}
                </ol>
            }
        });
        Some(view! {
            {competitors_table(&view, id, threshold.get(), state, l)}
            {groups_form(&t, id, state, l)}
            <div class="utrecht-button-group">{prune}</div>
            {regrow_form(&t, id, state, l)}
            {list}
            {undo}
        })
    };
    view! {
        <Show when=has_tree>
            <details class="pf-options" data-testid="tree-editor" prop:open=move || open.get_untracked()
                on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{move || state.lang.get().pick("Boom bewerken (splitsen, groepen, snoeien)", "Edit the tree (split, groups, prune)")}</summary>
                <p class="utrecht-paragraph pf-hint">{move || state.lang.get().pick(
                    "Kies een knoop in de boom (klik, of pijltjes en Enter) of in de lijst. Elke bewerking komt in het recept en in het verslag.",
                    "Choose a node in the tree (click, or arrow keys and Enter) or in the list. Every edit goes into the recept and the report.",
                )}</p>
                <div class="pf-field">
                    <label for="pf-edit-node" class="pf-label">{move || state.lang.get().pick("Knoop", "Node")}</label>
                    <select id="pf-edit-node" class="utrecht-select" on:change=move |ev| selected.set(event_target_value(&ev).parse().ok())>{options}</select>
                </div>
                {node_part}
            </details>
        </Show>
    }
}
