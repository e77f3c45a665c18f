//! Saving bytes as a file on the user's computer (a Blob URL; nothing is sent anywhere).

use perspectief_core::date::Date;
use perspectief_core::table::Sheet;

use wasm_bindgen::JsCast;

pub fn save(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    save_blob(name, &blob(bytes, mime)?)
}

fn blob(bytes: &[u8], mime: &str) -> Result<web_sys::Blob, String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "Het bestand kon niet worden gemaakt.".to_string())
}

/// A local address for bytes (to draw an SVG on a canvas); revoke it after use.
pub fn blob_url(bytes: &[u8], mime: &str) -> Result<String, String> {
    web_sys::Url::create_object_url_with_blob(&blob(bytes, mime)?).map_err(|_| "Geen adres.".to_string())
}

pub fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "Geen downloadadres.".to_string())?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("Geen document.")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "Geen link.".to_string())?
        .dyn_into()
        .map_err(|_| "Geen link.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    crate::announce::say(format!("Gedownload: {name}"), format!("Downloaded: {name}"));
    Ok(())
}

pub fn mime_for(name: &str) -> &'static str {
    if name.ends_with(".xlsx") {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    } else if name.ends_with(".csv") {
        "text/csv"
    } else if name.ends_with(".json") {
        "application/json"
    } else if name.ends_with(".zip") {
        "application/zip"
    } else if name.ends_with(".docx") {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    } else {
        "text/plain"
    }
}

/// Today on this computer's clock (the creation date written into exports).
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() as u8 + 1, d.get_date() as u8).unwrap_or(Date {
        year: 2000,
        month: 1,
        day: 1,
    })
}

/// Sheets made on the page (tree tables, screening) as an xlsx download.
pub fn save_xlsx(name: &str, sheets: &[Sheet], locale: perspectief_core::locale::Locale) -> Result<(), String> {
    let bytes = perspectief_core::write::xlsx::write(sheets, today(), locale).map_err(|e| e.to_string())?;
    save(name, &bytes, mime_for(name))
}
