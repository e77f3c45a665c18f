//! Hooks for the browser tests, only on a page opened with `?testhooks`:
//! `window.__perspectiefTest.panic()` makes the worker panic,
//! `window.__perspectiefTest.busy(ms)` keeps it busy (to stop it),
//! `window.__perspectiefTest.codec(rounds)` compares the protocol's codecs (`codec_bench`, in a
//! build with `--features codec-bench` only).

use wasm_bindgen::prelude::*;

use crate::engine::bridge;
use crate::engine::protocol::{Control, Request, TestHook};

fn hook(hook: TestHook) -> Request {
    Request::Control {
        control: Control::TestHook { hook },
    }
}

pub fn install() {
    let Some(window) = web_sys::window() else { return };
    if !window.location().search().is_ok_and(|s| s.contains("testhooks")) {
        return;
    }
    let hooks = js_sys::Object::new();
    #[cfg(feature = "codec-bench")]
    {
        crate::codec_bench::enable();
        let codec = Closure::<dyn Fn(u32) -> Result<String, JsValue>>::new(crate::codec_bench::measure);
        let _ = js_sys::Reflect::set(&hooks, &"codec".into(), codec.as_ref());
        codec.forget();
    }
    let panic = Closure::<dyn Fn()>::new(|| {
        let _ = bridge::send(&hook(TestHook::Panic), Vec::new());
    });
    let busy = Closure::<dyn Fn(f64)>::new(|ms: f64| {
        let _ = bridge::send(&hook(TestHook::Busy { ms }), Vec::new());
    });
    let _ = js_sys::Reflect::set(&hooks, &"panic".into(), panic.as_ref());
    let _ = js_sys::Reflect::set(&hooks, &"busy".into(), busy.as_ref());
    panic.forget();
    busy.forget();
    let _ = js_sys::Reflect::set(&window, &"__perspectiefTest".into(), &hooks);
}
