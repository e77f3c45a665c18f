//! Test hooks only (`?testhooks`): how the worker protocol's two possible codecs
//! compare on the messages of a real session. Each message is encoded, copied as
//! `postMessage` copies it (structured clone) and decoded: as a JSON string (what
//! the protocol does) and as a JS object through serde-wasm-bindgen. The bridge
//! remembers the last message of each type; `bench/tree-browser.mjs` reports the
//! figures for the 1,000,000-row session.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use crate::engine::protocol::Response;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

pub fn enable() {
    ON.with(|on| on.set(true));
}

/// Remember a message of the worker (its JSON), when the hooks are on.
pub fn remember(json: &str) {
    if !ON.with(Cell::get) {
        return;
    }
    let kind = json
        .strip_prefix("{\"type\":\"")
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("?")
        .to_string();
    if kind != "progress" && kind != "idle" {
        LAST.with(|l| l.borrow_mut().insert(kind, json.to_string()));
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn structured_clone(value: &JsValue) -> Result<JsValue, JsValue> {
    let clone: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"structuredClone".into())?.dyn_into()?;
    clone.call1(&JsValue::NULL, value)
}

/// Per remembered message type: its JSON size and the milliseconds of one round trip each way.
pub fn measure(rounds: u32) -> Result<String, JsValue> {
    let messages = LAST.with(|l| l.borrow().clone());
    let mut report = serde_json::Map::new();
    for (kind, json) in messages {
        let message: Response = serde_json::from_str(&json).map_err(|e| JsValue::from_str(&e.to_string()))?;
        let start = now();
        for _ in 0..rounds {
            let text = serde_json::to_string(&message).map_err(|e| JsValue::from_str(&e.to_string()))?;
            let copied = structured_clone(&JsValue::from_str(&text))?
                .as_string()
                .unwrap_or_default();
            let _: Response = serde_json::from_str(&copied).map_err(|e| JsValue::from_str(&e.to_string()))?;
        }
        let json_ms = (now() - start) / f64::from(rounds);
        let start = now();
        for _ in 0..rounds {
            let value = serde_wasm_bindgen::to_value(&message)?;
            let copied = structured_clone(&value)?;
            let _: Response = serde_wasm_bindgen::from_value(copied)?;
        }
        let object_ms = (now() - start) / f64::from(rounds);
        report.insert(
            kind,
            serde_json::json!({ "bytes": json.len(), "json_ms": json_ms, "serde_wasm_bindgen_ms": object_ms }),
        );
    }
    Ok(serde_json::Value::Object(report).to_string())
}
