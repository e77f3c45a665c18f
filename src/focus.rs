//! Where keyboard focus goes when the element that had it disappears: a step change moves it to
//! the step's heading (and the page to the top); an action that removes or redraws its own row
//! (accept, undo, remove) moves it to the heading of its list, never to `<body>` and never to
//! the next row's same button. The target is focused at once and again after the worker's
//! answer has redrawn the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static PENDING: RwSignal<Vec<&'static str>> = RwSignal::new(Vec::new());
}

/// Focus the first of `selectors` that is on the page (a heading or caption gets
/// `tabindex="-1"` so that it can hold focus).
pub fn now(selectors: &[&str]) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    for selector in selectors {
        if let Some(el) = document
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            if el.tab_index() < 0 && !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
            return true;
        }
    }
    false
}

/// Focus the first of `selectors` now, and again once the page has been redrawn with the
/// worker's next answer ([`redrawn`]).
pub fn after_action(selectors: &'static [&'static str]) {
    now(selectors);
    PENDING.with(|p| p.set(selectors.to_vec()));
}

/// The worker's answer is on the page: focus what an action asked for.
pub fn redrawn() {
    let selectors = PENDING.with(|p| p.get_untracked());
    if selectors.is_empty() {
        return;
    }
    PENDING.with(|p| p.set(Vec::new()));
    request_animation_frame(move || {
        now(&selectors);
    });
}

/// A new step: the page to the top, focus on its first heading.
pub fn step_changed() {
    request_animation_frame(|| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        now(&["main h1"]);
    });
}
