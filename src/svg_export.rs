//! Pictures of the page (the tree, the charts) as files of their own: SVG
//! with the page's styles for them inside, or PNG drawn from that SVG.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// An SVG of the page as a document on its own: the drawing with the page's
/// style rules for it inside (those whose text mentions `needle`).
pub fn svg_text(id: &str, needle: &str) -> Result<String, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("Geen document.")?;
    let svg = document
        .get_element_by_id(id)
        .ok_or("Er is geen afbeelding om te downloaden.")?;
    let text = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&svg))
        .map_err(|_| "De afbeelding kon niet als SVG worden geschreven.".to_string())?;
    Ok(with_style(&text, needle))
}

/// SVG markup as a document of its own, with the page's style rules that mention `needle`:
/// parsed by the browser and serialized again, which writes the SVG namespace, as for the
/// drawings on the page ([`svg_text`]).
pub fn standalone(markup: &str, needle: &str) -> Result<String, String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("Geen document.")?;
    let holder = document
        .create_element("div")
        .map_err(|_| "Geen afbeelding.".to_string())?;
    holder.set_inner_html(markup);
    let svg = holder
        .first_element_child()
        .ok_or("Er is geen afbeelding om te downloaden.")?;
    let text = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&svg))
        .map_err(|_| "De afbeelding kon niet als SVG worden geschreven.".to_string())?;
    Ok(with_style(&text, needle))
}

/// An SVG text with the page's style rules that mention `needle` inside, so that it looks the
/// same on its own.
pub fn with_style(text: &str, needle: &str) -> String {
    let css = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| rules(&d, needle))
        .unwrap_or_default();
    match text.find('>') {
        Some(end) => format!("{}<style>{css}</style>{}", &text[..=end], &text[end + 1..]),
        None => text.to_string(),
    }
}

pub fn download_svg(id: &str, needle: &str, name: &str) -> Result<(), String> {
    crate::download::save(name, svg_text(id, needle)?.as_bytes(), "image/svg+xml")
}

/// An SVG of the page with its styles, and its width and height (a report's picture).
pub fn picture(id: &str, needle: &str) -> Result<(String, f64, f64), String> {
    let text = svg_text(id, needle)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("Geen document.")?;
    let svg = document.get_element_by_id(id).ok_or("Er is geen afbeelding.")?;
    let size = |a: &str| {
        svg.get_attribute(a)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(800.0)
    };
    Ok((text, size("width"), size("height")))
}

/// An SVG of the page as PNG at twice its size: the drawing on a white canvas.
pub fn download_png(id: &str, needle: &str, name: String, on_error: impl Fn(String) + 'static) -> Result<(), String> {
    let (text, width, height) = picture(id, needle)?;
    png_of(&text, width, height, name, on_error)
}

/// An SVG text (with its styles in it) as PNG at twice `width` × `height`, downloaded as `name`.
pub fn png_of(
    text: &str,
    width: f64,
    height: f64,
    name: String,
    on_error: impl Fn(String) + 'static,
) -> Result<(), String> {
    drawn(text, width, height, move |canvas| {
        let canvas = match canvas {
            Ok(c) => c,
            Err(e) => return on_error(e),
        };
        let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                let _ = crate::download::save_blob(&name, &blob);
            }
        });
        if canvas.to_blob(on_blob.unchecked_ref()).is_err() {
            on_error("De afbeelding kon niet als PNG worden geschreven.".into());
        }
    })
}

/// An SVG text as PNG bytes at twice `width` × `height` (for the report's Word file).
pub fn png_bytes(
    text: &str,
    width: f64,
    height: f64,
    then: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) -> Result<(), String> {
    drawn(text, width, height, move |canvas| {
        let bytes = canvas.and_then(|c| {
            let url = c
                .to_data_url()
                .map_err(|_| "De afbeelding kon niet als PNG worden geschreven.".to_string())?;
            let data = url.split_once(',').map_or("", |(_, d)| d);
            let window = web_sys::window().ok_or("Geen venster.")?;
            let binary = window
                .atob(data)
                .map_err(|_| "De afbeelding kon niet als PNG worden gelezen.".to_string())?;
            Ok(binary.chars().map(|c| c as u8).collect())
        });
        then(bytes)
    })
}

/// Draws an SVG text on a white canvas at twice its size, then calls `then` with the canvas.
fn drawn(
    text: &str,
    width: f64,
    height: f64,
    then: impl FnOnce(Result<web_sys::HtmlCanvasElement, String>) + 'static,
) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("Geen document.")?;
    let (w, h) = (width * 2.0, height * 2.0);
    let url = crate::download::blob_url(text.as_bytes(), "image/svg+xml")?;
    let url_for_revoke = url.clone();
    let image = web_sys::HtmlImageElement::new().map_err(|_| "Geen afbeelding.".to_string())?;
    let img = image.clone();
    let onload = Closure::once_into_js(move || {
        let canvas = (|| -> Result<web_sys::HtmlCanvasElement, String> {
            let canvas: web_sys::HtmlCanvasElement = document
                .create_element("canvas")
                .map_err(|_| "Geen canvas.".to_string())?
                .unchecked_into();
            canvas.set_width(w as u32);
            canvas.set_height(h as u32);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .ok_or("Geen canvas.")?
                .unchecked_into();
            ctx.set_fill_style_str("#fff");
            ctx.fill_rect(0.0, 0.0, w, h);
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
                .map_err(|_| "De afbeelding kon niet als PNG worden getekend.".to_string())?;
            Ok(canvas)
        })();
        let _ = web_sys::Url::revoke_object_url(&url_for_revoke);
        then(canvas);
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// The page's tree styles, for documents that hold a tree (the report).
pub fn page_tree_rules() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| rules(&d, "pf-tree"))
        .unwrap_or_default()
}

/// The style rules of this page whose text mentions `needle` (e.g. `pf-tree`).
fn rules(document: &web_sys::Document, needle: &str) -> String {
    let sheets = document.style_sheets();
    let mut out = String::new();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets.item(i).and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok()) else {
            continue;
        };
        let Ok(rules) = sheet.css_rules() else { continue };
        for j in 0..rules.length() {
            if let Some(text) = rules.item(j).map(|r| r.css_text()).filter(|t| t.contains(needle)) {
                out.push_str(&text);
                out.push('\n');
            }
        }
    }
    out
}
