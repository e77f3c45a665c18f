//! Perspectief in the browser: mounts the app. Everything else is in `app`.

mod app;
mod components;
mod download;
mod i18n;
mod session;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
