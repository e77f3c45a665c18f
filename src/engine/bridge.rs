//! The page side of the engine: starts the worker from the app's own code
//! (a Blob, so it also works from file://) and passes messages.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use super::protocol::{Request, Response};

struct Bridge {
    worker: Worker,
    ready: bool,
    queue: Vec<js_sys::Object>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
}

/// What the boot script left for us: the wasm bytes and the worker's source.
fn boot_value(key: &str) -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("geen venster")?;
    let boot = js_sys::Reflect::get(&window, &"__perspectief".into()).map_err(|_| "geen opstartgegevens")?;
    let v = js_sys::Reflect::get(&boot, &key.into()).map_err(|_| format!("geen {key}"))?;
    if v.is_undefined() {
        return Err(format!("opstartgegevens zonder {key}"));
    }
    Ok(v)
}

/// Start the worker. `on_response` gets every answer (and the bytes of an export).
pub fn start(on_response: impl Fn(Response, Option<Vec<u8>>) + 'static) -> Result<(), String> {
    let source = boot_value("workerSource")?;
    let wasm = boot_value("wasm")?;
    let parts = js_sys::Array::of1(&source);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "Blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "URL")?;
    // Guarded: a refused worker must not take the page down.
    let worker = Worker::new(&url).map_err(|e| format!("De rekenhulp (Web Worker) kon niet starten: {e:?}"))?;
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if js_sys::Reflect::get(&data, &"ready".into())
            .ok()
            .and_then(|v| v.as_bool())
            == Some(true)
        {
            flush();
            return;
        }
        let response = js_sys::Reflect::get(&data, &"json".into())
            .ok()
            .and_then(|j| j.as_string())
            .and_then(|j| serde_json::from_str::<Response>(&j).ok());
        let bytes = js_sys::Reflect::get(&data, &"buffer".into())
            .ok()
            .filter(|b| !b.is_undefined())
            .map(|b| js_sys::Uint8Array::new(&b).to_vec());
        match response {
            Some(r) => on_response(r, bytes),
            None => on_response(
                Response::Failed {
                    message: "Onleesbaar antwoord van de rekenhulp.".into(),
                },
                None,
            ),
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"type".into(), &"__init".into());
    let _ = js_sys::Reflect::set(&init, &"wasm".into(), &wasm);
    worker.post_message(&init).map_err(|e| format!("{e:?}"))?;
    let _ = web_sys::Url::revoke_object_url(&url);
    BRIDGE.with(|b| {
        *b.borrow_mut() = Some(Bridge {
            worker,
            ready: false,
            queue: Vec::new(),
            _onmessage: onmessage,
        })
    });
    Ok(())
}

fn flush() {
    BRIDGE.with(|b| {
        if let Some(bridge) = b.borrow_mut().as_mut() {
            bridge.ready = true;
            for msg in bridge.queue.drain(..) {
                let transfer = js_sys::Reflect::get(&msg, &"buffers".into()).unwrap_or(JsValue::UNDEFINED);
                let _ = if transfer.is_undefined() {
                    bridge.worker.post_message(&msg)
                } else {
                    bridge.worker.post_message_with_transfer(&msg, &transfer)
                };
            }
        }
    });
}

/// Send a request, with file bytes (transferred, not copied). Queued until the worker is ready.
pub fn send(request: &Request, buffers: Vec<js_sys::ArrayBuffer>) -> Result<(), String> {
    let msg = js_sys::Object::new();
    let json = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let _ = js_sys::Reflect::set(&msg, &"json".into(), &json.into());
    if !buffers.is_empty() {
        let array = js_sys::Array::new();
        for b in buffers {
            array.push(&b);
        }
        let _ = js_sys::Reflect::set(&msg, &"buffers".into(), &array);
    }
    BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let bridge = b.as_mut().ok_or("De rekenhulp is niet gestart.")?;
        if bridge.ready {
            let transfer = js_sys::Reflect::get(&msg, &"buffers".into()).unwrap_or(JsValue::UNDEFINED);
            if transfer.is_undefined() {
                bridge.worker.post_message(&msg)
            } else {
                bridge.worker.post_message_with_transfer(&msg, &transfer)
            }
            .map_err(|e| format!("{e:?}"))
        } else {
            bridge.queue.push(msg);
            Ok(())
        }
    })
}
