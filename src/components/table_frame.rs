//! The frame around a wide table: on a narrow screen the table scrolls sideways inside it
//! instead of the page (WCAG 1.4.10), and the frame is a named region that takes focus, so a
//! keyboard user can scroll it too (axe's scrollable-region-focusable).

use leptos::prelude::*;

#[component]
pub fn TableFrame(#[prop(into)] label: TextProp, children: Children) -> impl IntoView {
    view! {
        <div class="pf-table-wrap" role="region" tabindex="0" aria-label=move || label.get().to_string()>
            {children()}
        </div>
    }
}
