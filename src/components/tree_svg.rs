//! The tree diagram on the page: the drawing of [`crate::tree_drawing`] as an ARIA tree. One
//! tab stop; arrow keys walk the nodes (down to a child, up to the parent, left and right to the
//! siblings, Home to the root); Enter, Space or a click selects a node and shows its path.
//! Collapsing a node is a control of its own, beside the path, and does not change what is
//! downloaded or put in the report (always the whole tree). Zoom, fit to the frame's width, and
//! the first view centred on the root.

use std::collections::BTreeSet;

use leptos::prelude::*;
use perspectief_core::chaid::published::PublishedTree as Tree;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use perspectief_core::drawing::tree::{layout, neighbour, Focus};

fn focus_node(id: usize) {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("#pf-tree-svg [data-node=\"{id}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(e) = found {
        let _ = e.focus();
    }
}

/// The node an event happened on (the `data-node` of the element or an ancestor).
fn node_of(ev: &web_sys::Event) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("[data-node]")
        .ok()??
        .get_attribute("data-node")?
        .parse()
        .ok()
}

#[component]
pub fn TreeDiagram(tree: Tree, lang: Lang, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let l = lang;
    let collapsed = RwSignal::new(BTreeSet::<usize>::new());
    let zoom = RwSignal::new(1.0f64);
    let focused = RwSignal::new(0usize);
    let tree = StoredValue::new(tree);
    let frame = NodeRef::<leptos::html::Div>::new();
    let scene = Memo::new(move |_| tree.with_value(|t| layout(t, &collapsed.get(), l.locale())));
    let svg = move || {
        let focus = Focus {
            focused: focused.get(),
            selected: selected.get(),
        };
        scene.with(|s| s.svg(zoom.get(), Some(focus), l.locale()))
    };
    // After the drawing is redrawn, focus goes back to the node it was on.
    let refocus = move |id: usize| {
        request_animation_frame(move || focus_node(id));
    };
    let choose = move |id: usize| {
        selected.set(Some(id));
        focused.set(id);
        refocus(id);
    };
    // The first view shows the root in the middle of the frame.
    Effect::new(move |_| {
        request_animation_frame(move || {
            let (Some(frame), Some(root)) = (
                frame.get_untracked(),
                scene.with_untracked(|s| s.boxes.iter().find(|b| b.id == 0).map(|b| b.x + b.w / 2.0)),
            ) else {
                return;
            };
            frame
                .set_scroll_left((root * zoom.get_untracked() - f64::from(frame.client_width()) / 2.0).max(0.0) as i32);
        });
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = node_of(&ev) {
            choose(id);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(id) = node_of(&ev) else { return };
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            choose(id);
        } else if let Some(next) = tree.with_value(|t| neighbour(t, id, &key, &collapsed.get_untracked())) {
            ev.prevent_default();
            focused.set(next);
            refocus(next);
        }
    };
    let fit = move |_| {
        if let Some(frame) = frame.get_untracked() {
            let width = scene.with_untracked(|s| s.width);
            zoom.set((f64::from(frame.client_width()) / width).clamp(0.1, 1.0));
        }
    };
    let path = move || {
        let id = selected.get()?;
        tree.with_value(|t| {
            let mut steps = Vec::new();
            let mut at = id;
            while let Some(parent) = t.nodes[at].parent {
                let split = t.nodes[parent].split.as_ref().map_or(String::new(), |s| l.var(&s.name));
                let branch = l.label(&t.nodes[at].branch.clone().unwrap_or_default());
                steps.push(format!("{split} = {branch}"));
                at = parent;
            }
            steps.reverse();
            let node = &t.nodes[id];
            Some(format!(
                "{} {id}: {} {} ({} %). {}: {}",
                l.pick("Knoop", "Node"),
                node.n.text(t.threshold, l.locale()),
                l.pick("cliënten", "clients"),
                node.share
                    .map_or(perspectief_core::disclosure::HIDDEN.to_string(), |s| l
                        .locale()
                        .number(s, 1)),
                l.pick("Pad", "Path"),
                if steps.is_empty() {
                    l.pick("(de hele groep)", "(everyone)").to_string()
                } else {
                    steps.join(" → ")
                }
            ))
        })
    };
    // Collapsing the selected node (when it has children) is its own button.
    let fold = move || {
        let id = selected.get()?;
        tree.with_value(|t| !t.nodes[id].children.is_empty()).then(|| {
            let folded = collapsed.with(|c| c.contains(&id));
            let text = match (folded, l) {
                (false, Lang::Nl) => format!("Knoop {id} inklappen"),
                (true, Lang::Nl) => format!("Knoop {id} uitklappen"),
                (false, Lang::En) => format!("Collapse node {id}"),
                (true, Lang::En) => format!("Expand node {id}"),
            };
            view! {
                <button type="button" class="utrecht-button utrecht-button--subtle" aria-expanded=(!folded).to_string()
                    on:click=move |_| collapsed.update(|c| if !c.remove(&id) { c.insert(id); })>{text}</button>
            }
        })
    };
    view! {
        <div class="utrecht-button-group pf-tree-tools">
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| zoom.update(|z| *z = (*z * 1.25).min(4.0))>{l.pick("Inzoomen", "Zoom in")}</button>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| zoom.update(|z| *z = (*z / 1.25).max(0.1))>{l.pick("Uitzoomen", "Zoom out")}</button>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=fit>{l.pick("Passend maken", "Fit to width")}</button>
            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| { zoom.set(1.0); collapsed.set(BTreeSet::new()) }>{l.pick("Alles tonen", "Show all")}</button>
        </div>
        <p class="utrecht-paragraph pf-tree-path"><span data-testid="node-path">{path}</span>" "{fold}</p>
        <div class="pf-tree-frame" node_ref=frame on:click=on_click on:keydown=on_key inner_html=svg></div>
    }
}
