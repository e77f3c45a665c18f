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
    // A text field that takes numbers (the keyboard of a phone shows digits): a number input
    // would write the browser's decimal point, not the page's language's decimal comma.
    let lang = use_context::<crate::state::AppState>().map(|s| s.lang);
    let shown = move || match lang.map(|l| l.get()) {
        Some(Lang::Nl) => get().replace('.', ","),
        _ => get(),
    };
    let _ = step;
    view! {
        <div class="pf-field">
            <label for=id class="pf-label">{label}</label>
            <input id=id class="utrecht-textbox pf-short" type="text" inputmode="decimal" prop:value=shown
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

/// A select that does not act on every arrow key: a choice made with the mouse (or by a test's
/// `selectOption`) applies at once; one walked to with the keyboard applies when the user
/// presses Enter or leaves the select. Use its three handlers on the `<select>`.
#[derive(Clone, Copy)]
pub struct KeySafe {
    keyed: StoredValue<bool>,
    pending: StoredValue<Option<String>>,
}

impl Default for KeySafe {
    fn default() -> Self {
        KeySafe {
            keyed: StoredValue::new(false),
            pending: StoredValue::new(None),
        }
    }
}

impl KeySafe {
    /// The select's keydown, change, blur and pointerdown handlers, all applying with `apply`.
    #[allow(clippy::type_complexity)]
    pub fn handlers<F: Fn(String) + Clone + 'static>(
        apply: F,
    ) -> (
        impl Fn(leptos::ev::KeyboardEvent) + 'static,
        impl Fn(leptos::ev::Event) + 'static,
        impl Fn(leptos::ev::FocusEvent) + 'static,
        impl Fn(leptos::ev::PointerEvent) + 'static,
    ) {
        let ks = KeySafe::default();
        let (a, b, c) = (apply.clone(), apply.clone(), apply);
        (
            move |ev| ks.keydown(&ev, &a),
            move |ev| ks.change(&ev, &b),
            move |_| ks.blur(&c),
            move |_| ks.pointer(),
        )
    }

    pub fn keydown(self, ev: &leptos::ev::KeyboardEvent, apply: impl Fn(String)) {
        match ev.key().as_str() {
            "Enter" => {
                if let Some(value) = self.pending.try_update_value(Option::take).flatten() {
                    ev.prevent_default();
                    apply(value);
                }
            }
            "Tab" | "Escape" => {}
            _ => self.keyed.set_value(true),
        }
    }

    pub fn change(self, ev: &leptos::ev::Event, apply: impl Fn(String)) {
        let value = event_target_value(ev);
        if self.keyed.get_value() {
            self.pending.set_value(Some(value));
        } else {
            apply(value);
        }
    }

    /// Mouse use starts afresh: a click opens the list, a choice there applies at once.
    pub fn pointer(self) {
        self.keyed.set_value(false);
    }

    pub fn blur(self, apply: impl Fn(String)) {
        self.keyed.set_value(false);
        if let Some(value) = self.pending.try_update_value(Option::take).flatten() {
            apply(value);
        }
    }
}
