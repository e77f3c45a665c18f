//! The small set of form widgets the steps share: a labelled number field and a
//! labelled checkbox. Each reads and writes through closures, so that one signal
//! holding a whole value (a `ChaidParams`, anonymisation settings) backs many fields.

use leptos::prelude::*;

use crate::i18n::Lang;

/// A number as the language writes it (decimal comma in Dutch).
pub fn number_text(lang: Lang, x: impl std::fmt::Display) -> String {
    let s = x.to_string();
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// "Maximale diepte (3)": a label with the default it starts from.
pub fn with_default(lang: Lang, nl: &str, en: &str, default: impl std::fmt::Display) -> String {
    format!(
        "{} ({})",
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        },
        number_text(lang, default)
    )
}

/// "Bonferroni-correctie (aan)": a checkbox label with its default.
pub fn with_default_on(lang: Lang, nl: &str, en: &str, on: bool) -> String {
    let state = match (on, lang) {
        (true, Lang::Nl) => "aan",
        (false, Lang::Nl) => "uit",
        (true, Lang::En) => "on",
        (false, Lang::En) => "off",
    };
    format!(
        "{} ({state})",
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    )
}

/// A labelled number field. `set` gets the typed text (a decimal comma is read as a point);
/// what does not parse leaves the value as it was.
pub fn number_field(
    id: &'static str,
    label: String,
    step: &'static str,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(&str) + 'static,
) -> impl IntoView {
    view! {
        <div class="pf-field">
            <label for=id class="pf-label">{label}</label>
            <input id=id class="utrecht-textbox pf-short" type="number" step=step prop:value=get
                on:change=move |ev| set(&event_target_value(&ev).replace(',', "."))/>
        </div>
    }
}

/// A labelled checkbox.
pub fn check_field(
    id: &'static str,
    label: String,
    get: impl Fn() -> bool + Send + Sync + 'static,
    set: impl Fn(bool) + 'static,
) -> impl IntoView {
    view! {
        <div class="pf-check">
            <input type="checkbox" id=id prop:checked=get on:change=move |ev| set(event_target_checked(&ev))/>
            <label for=id>{label}</label>
        </div>
    }
}
