//! Perspectief in the browser: mounts the app (in the page) or does nothing
//! (in the worker, where `engine::worker::worker_main` takes over).

mod activity;
mod announce;
mod app;
#[cfg(feature = "codec-bench")]
mod codec_bench;
mod components;
mod download;
mod engine;
mod focus;
mod gains_chart;
mod i18n;
mod link_charts;
mod picked;
mod random;
mod state;
mod svg_export;
mod test_hooks;

fn main() {
    // The same wasm runs in the worker, which has no window and no page to draw.
    if web_sys::window().is_none() {
        return;
    }
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
    test_hooks::install();
}
