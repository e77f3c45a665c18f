//! A file the user picked in a file input, read as text (a model, a national figures file).

use leptos::prelude::*;

use crate::state::AppState;

/// The text of the file picked in the input of `ev`, handed to `then`; the input is emptied so
/// that picking the same file again reads it again. A file that cannot be read is named.
pub fn text(ev: &leptos::ev::Event, state: AppState, then: impl FnOnce(String) + 'static) {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(text) => then(text.as_string().unwrap_or_default()),
            Err(_) => state
                .error
                .set(Some(format!("{}: dit bestand kon niet worden gelezen.", file.name()))),
        }
    });
}
