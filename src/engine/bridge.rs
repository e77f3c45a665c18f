//! The page side of the engine: starts the worker from the app's own code
//! (a Blob, so it also works from file://) and passes messages.
//!
//! The bridge keeps every request that changed the session (with a copy of the
//! files' bytes). When the user stops a long run, or the worker crashes, the
//! worker is ended and a new one replays those requests — without the one that
//! was stopped or crashed — so files, mappings and decisions survive.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::protocol::{Control, Edit, Request, Response};

/// What the page hears: the worker's answers (with the bytes of a download), and the
/// bridge's own news.
pub enum Event {
    Answer(Response, Option<Vec<u8>>),
    /// A new worker took over the session after the user stopped `request`
    /// (`crashed: None`) or the worker crashed during it.
    Recovered {
        request: Option<Request>,
        crashed: Option<String>,
    },
}

type OnEvent = Rc<dyn Fn(Event)>;

/// An edit of the session, with copies of the files that went with it.
struct Logged {
    edit: Edit,
    buffers: Vec<js_sys::ArrayBuffer>,
}

struct Bridge {
    /// Which worker this is (messages of an ended one are ignored).
    generation: u32,
    worker: Worker,
    ready: bool,
    queue: Vec<js_sys::Object>,
    on_response: OnEvent,
    log: Vec<Logged>,
    /// Requests sent and not yet finished, oldest first: their place in the log (if logged)
    /// and what they do.
    in_flight: VecDeque<(Option<usize>, Request)>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
    /// The message handlers of ended workers (a handler may still be running when its worker ends).
    static RETIRED: RefCell<Vec<Bridge>> = const { RefCell::new(Vec::new()) };
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

fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &key.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

/// Start the worker. `on_event` gets every answer (and the bytes of an export) and recovery.
pub fn start(on_event: impl Fn(Event) + 'static) -> Result<(), String> {
    let on_response: OnEvent = Rc::new(on_event);
    let bridge = spawn(on_response, Vec::new(), 0)?;
    BRIDGE.with(|b| *b.borrow_mut() = Some(bridge));
    Ok(())
}

/// A new worker with the given session log (replayed as soon as it is ready).
fn spawn(on_response: OnEvent, log: Vec<Logged>, generation: u32) -> Result<Bridge, String> {
    let source = boot_value("workerSource")?;
    let wasm = boot_value("wasm")?;
    let parts = js_sys::Array::of1(&source);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "Blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "URL")?;
    // Guarded: a refused worker must not take the page down.
    let worker = Worker::new(&url).map_err(|e| format!("De rekenhulp (Web Worker) kon niet starten: {e:?}"))?;
    let _ = web_sys::Url::revoke_object_url(&url);
    let handler = on_response.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if !current(generation) {
            return;
        }
        let data = event.data();
        if get(&data, "ready").and_then(|v| v.as_bool()) == Some(true) {
            flush();
            return;
        }
        let response = get(&data, "json").and_then(|j| j.as_string()).and_then(|j| {
            #[cfg(feature = "codec-bench")]
            crate::codec_bench::remember(&j);
            serde_json::from_str::<Response>(&j).ok()
        });
        let bytes = get(&data, "buffer").map(|b| js_sys::Uint8Array::new(&b).to_vec());
        match response {
            Some(idle @ Response::Idle { .. }) => {
                BRIDGE.with(|b| {
                    if let Some(bridge) = b.borrow_mut().as_mut() {
                        bridge.in_flight.pop_front();
                    }
                });
                handler(Event::Answer(idle, None));
            }
            Some(Response::Crashed { message }) => recover(generation, Some(message)),
            Some(r) => handler(Event::Answer(r, bytes)),
            None => handler(Event::Answer(
                Response::Failed {
                    failure: "Onleesbaar antwoord van de rekenhulp.".into(),
                },
                None,
            )),
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // A trap without a panic (running out of memory) ends the worker too.
    let onerror = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        event.prevent_default();
        recover(generation, Some(event.message()));
    });
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"type".into(), &"__init".into());
    let _ = js_sys::Reflect::set(&init, &"wasm".into(), &wasm);
    worker.post_message(&init).map_err(|e| format!("{e:?}"))?;
    let mut bridge = Bridge {
        generation,
        worker,
        ready: false,
        queue: Vec::new(),
        on_response,
        log,
        in_flight: VecDeque::new(),
        _onmessage: onmessage,
        _onerror: onerror,
    };
    // One message per request, so that a crash while replaying leaves out only that one.
    let n = bridge.log.len();
    for (i, l) in bridge.log.iter().enumerate() {
        let replay = Request::Control {
            control: Control::Replay {
                edit: Box::new(l.edit.clone()),
                last: i + 1 == n,
            },
        };
        let copies = l.buffers.iter().map(|b| b.slice(0)).collect();
        bridge.queue.push(message(&replay, copies)?);
        bridge.in_flight.push_back((Some(i), replay));
    }
    Ok(bridge)
}

fn flush() {
    BRIDGE.with(|b| {
        if let Some(bridge) = b.borrow_mut().as_mut() {
            bridge.ready = true;
            for msg in std::mem::take(&mut bridge.queue) {
                let _ = post(&bridge.worker, &msg);
            }
        }
    });
}

fn message(request: &Request, buffers: Vec<js_sys::ArrayBuffer>) -> Result<js_sys::Object, String> {
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
    Ok(msg)
}

/// Post a message, transferring (not copying) its files.
fn post(worker: &Worker, msg: &js_sys::Object) -> Result<(), String> {
    match get(msg, "buffers") {
        None => worker.post_message(msg),
        Some(transfer) => worker.post_message_with_transfer(msg, &transfer),
    }
    .map_err(|e| format!("{e:?}"))
}

/// Send a request, with file bytes (transferred; the bridge keeps a copy for a new worker).
/// Queued until the worker is ready.
pub fn send(request: &Request, buffers: Vec<js_sys::ArrayBuffer>) -> Result<(), String> {
    BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        let bridge = b.as_mut().ok_or("De rekenhulp is niet gestart.")?;
        // Edits change the session: a new worker replays them.
        let logged = match request {
            Request::Edit { edit } => {
                bridge.log.push(Logged {
                    edit: edit.clone(),
                    buffers: buffers.iter().map(|b| b.slice(0)).collect(),
                });
                Some(bridge.log.len() - 1)
            }
            _ => None,
        };
        bridge.in_flight.push_back((logged, request.clone()));
        let msg = message(request, buffers)?;
        if bridge.ready {
            post(&bridge.worker, &msg)
        } else {
            bridge.queue.push(msg);
            Ok(())
        }
    })
}

/// Whether the worker is working on something the user could stop.
pub fn busy() -> bool {
    BRIDGE.with(|b| b.borrow().as_ref().is_some_and(|b| !b.in_flight.is_empty()))
}

/// Stop what the worker is doing: a new worker takes over the session without it.
pub fn cancel() {
    if let Some(generation) = BRIDGE.with(|b| b.borrow().as_ref().map(|b| b.generation)) {
        recover(generation, None);
    }
}

fn current(generation: u32) -> bool {
    BRIDGE.with(|b| b.borrow().as_ref().is_some_and(|b| b.generation == generation))
}

/// End the worker and start a new one with the session, leaving out the request
/// it was busy with (stopped by the user, or `crashed` with this message).
fn recover(generation: u32, crashed: Option<String>) {
    if !current(generation) {
        return;
    }
    let Some(mut old) = BRIDGE.with(|b| b.borrow_mut().take()) else {
        return;
    };
    old.worker.terminate();
    let current = old.in_flight.pop_front();
    if let Some((Some(index), _)) = &current {
        old.log.remove(*index);
    }
    let request = current.map(|(_, r)| r);
    let log = std::mem::take(&mut old.log);
    let on_response = old.on_response.clone();
    RETIRED.with(|r| r.borrow_mut().push(old));
    match spawn(on_response.clone(), log, generation + 1) {
        Ok(bridge) => BRIDGE.with(|b| *b.borrow_mut() = Some(bridge)),
        Err(e) => on_response(Event::Answer(Response::Failed { failure: e.into() }, None)),
    }
    on_response(Event::Recovered { request, crashed });
}
