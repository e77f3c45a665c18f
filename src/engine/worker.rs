//! The worker side: transport between the page and one [`Session`], which holds
//! every file and its records; the page only receives summaries. Started by the
//! page through a classic Blob worker that calls `initSync` and then [`worker_main`].

use std::cell::RefCell;
use std::rc::Rc;

use perspectief_core::recept::Analysis;
use perspectief_core::session::{Edit, FileBytes, Outcome, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::js_bytes::JsBytes;
use super::protocol::{Control, Failure, Query, Request, Response, TestHook};

type Worker = Session<JsBytes>;

/// The worker's wasm memory (it only grows).
fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(response: &Response, buffer: Option<&[u8]>) {
    let msg = js_sys::Object::new();
    let json =
        serde_json::to_string(response).unwrap_or_else(|e| format!("{{\"type\":\"failed\",\"message\":\"{e}\"}}"));
    let _ = js_sys::Reflect::set(&msg, &"json".into(), &json.into());
    let transfer = js_sys::Array::new();
    if let Some(bytes) = buffer {
        let array = js_sys::Uint8Array::from(bytes);
        let _ = js_sys::Reflect::set(&msg, &"buffer".into(), &array.buffer());
        transfer.push(&array.buffer());
    }
    let _ = scope().post_message_with_transfer(&msg, &transfer);
}

fn progress(done: usize, total: usize, current: &str) {
    post(
        &Response::Progress {
            done,
            total,
            current: current.to_string(),
        },
        None,
    );
}

fn state(session: &mut Worker) {
    let summary = super::views::summary(session, memory_bytes(), &mut progress);
    post(&Response::State(Box::new(summary)), None);
}

/// Run one analysis and send its result.
fn run(session: &mut Worker, analysis: &Analysis) -> Result<(), Failure> {
    let response = match session.run(analysis, &mut progress)? {
        Outcome::Table(view) => Response::Table(view),
        Outcome::Tree(view) => Response::Tree {
            analysis: Box::new(analysis.clone()),
            view,
        },
        Outcome::Screening(view) => Response::Screening(view),
        Outcome::Comparison(view) => Response::Comparison(view),
    };
    post(&response, None);
    Ok(())
}

fn handle(session: &mut Worker, data: &JsValue) -> Result<(), Failure> {
    let json = js_sys::Reflect::get(data, &"json".into())
        .ok()
        .and_then(|j| j.as_string())
        .ok_or("bericht zonder inhoud")?;
    let request: Request = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let buffers: Option<js_sys::Array> = js_sys::Reflect::get(data, &"buffers".into())
        .ok()
        .filter(|b| !b.is_undefined())
        .map(Into::into);
    let mut next = 0u32;
    let mut take = move || -> Option<JsBytes> {
        let buffer = buffers.as_ref().map(|b| b.get(next)).filter(|b| !b.is_undefined());
        next += 1;
        buffer.map(|b| JsBytes(js_sys::Uint8Array::new(&b)))
    };
    match request {
        Request::Edit { edit } => edited(session, edit, &mut take),
        Request::Query { query } => answer(session, query, &mut take),
        Request::Export { export, locale } => {
            let download = super::downloads::make(session, export, locale, &mut progress)?;
            post(
                &Response::Exported {
                    name: download.name.clone(),
                },
                Some(&download.bytes),
            );
            if !download.self_tests.is_empty() {
                post(
                    &Response::SelfTests {
                        tests: download.self_tests,
                    },
                    None,
                );
            }
            if let Some(audit) = download.audit {
                post(
                    &Response::FileAudit {
                        name: download.name,
                        audit,
                    },
                    None,
                );
            }
            Ok(())
        }
        Request::Control {
            control: Control::Replay { edit, last },
        } => {
            // Only remembered: analyses are not run while a new worker takes over.
            let result = session.edit(*edit, &mut take, &mut progress).map_err(Failure::from);
            if last {
                state(session);
            }
            result
        }
        Request::Control {
            control: Control::TestHook { hook },
        } => {
            match hook {
                TestHook::Panic => panic!("testpaniek (alleen voor tests)"),
                TestHook::Busy { ms } => {
                    progress(0, 1, "test");
                    let start = now();
                    while now() - start < ms {}
                }
            }
            Ok(())
        }
    }
}

/// Apply an edit, then do what the user asked it for: the new state, or the analysis run.
fn edited(session: &mut Worker, edit: Edit, take: &mut dyn FnMut() -> Option<JsBytes>) -> Result<(), Failure> {
    let then = edit.clone();
    session.edit(edit, take, &mut progress)?;
    match then {
        Edit::Run { analysis } => run(session, &analysis),
        Edit::Anonymise { settings } => {
            progress(0, 1, "anonimiseren");
            let population = session.population(&mut progress);
            let a = session.analysis_file(&mut progress)?;
            let columns = a.columns();
            let checked = settings.check(&columns)?;
            let extra = super::anonymise::refs(&population);
            let view = super::anonymise::protect(&columns, extra.as_deref(), &checked, now)?;
            post(&Response::Anonymised(Box::new(view)), None);
            Ok(())
        }
        Edit::LoadRecept { .. } => {
            state(session);
            // The page shows one table, tree, screening and comparison at a time:
            // run the last of each kind (the others stay in the list for the next recept).
            let analyses = session.analyses().to_vec();
            let kind = |a: &Analysis| std::mem::discriminant(a);
            for (i, analysis) in analyses.iter().enumerate() {
                if !analyses[i + 1..].iter().any(|later| kind(later) == kind(analysis)) {
                    run(session, analysis)?;
                }
            }
            Ok(())
        }
        _ => {
            state(session);
            Ok(())
        }
    }
}

fn answer(session: &mut Worker, query: Query, take: &mut dyn FnMut() -> Option<JsBytes>) -> Result<(), Failure> {
    match query {
        Query::Risk { settings } => {
            let a = session.analysis_file(&mut progress)?;
            let columns = a.columns();
            let checked = settings.check(&columns)?;
            let view = super::anonymise::risk(&columns, &checked);
            post(&Response::Anonymised(Box::new(view)), None);
        }
        Query::Conclusions { settings } => {
            progress(0, 1, "bomen vergelijken");
            let population = session.population(&mut progress);
            let a = session.analysis_file(&mut progress)?;
            let checked = settings.check(&a.columns())?;
            let extra = super::anonymise::refs(&population);
            let trees = super::anonymise::conclusions(a, extra.as_deref(), &checked)?;
            post(&Response::Conclusions { trees }, None);
        }
        Query::Competitors { node } => {
            let list = session.competitors(node).unwrap_or_default();
            post(&Response::Competitors { node, list }, None);
        }
        Query::Wave { pmml, threshold, class } => {
            progress(0, 1, "boom toepassen");
            let model = perspectief_core::chaid::rules::pmml_read::PmmlTree::parse(&pmml)?;
            let a = session.analysis_file(&mut progress)?;
            let report = perspectief_core::chaid::wave::apply(&model, &a.columns(), threshold, class.as_deref())?;
            post(&Response::Wave(Box::new(report)), None);
        }
        Query::National { text } => {
            progress(0, 1, "landelijk beeld vergelijken");
            let national = perspectief_core::national::NationalFigures::read(&text)?;
            let comparison = perspectief_core::national::compare(&national, &session.loaded())?;
            post(&Response::National(Box::new(comparison)), None);
        }
        Query::AuditFile { name, settings } => {
            let bytes = take().ok_or("geen bestanden")?;
            let audit = bytes.read(|b| super::anonymise::audit_file(&name, b, &settings))?;
            post(&Response::FileAudit { name, audit }, None);
        }
    }
    Ok(())
}

/// Entry point of the worker (called by the bootstrap after `initSync`).
#[wasm_bindgen]
pub fn worker_main() {
    // A panic ends this worker (wasm cannot unwind): tell the page, which starts a new
    // worker with the same session.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let payload = info.payload();
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        post(
            &Response::Crashed {
                message: format!("{what}{place}"),
            },
            None,
        );
    }));
    let session = Rc::new(RefCell::new(Worker::new(now)));
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let result = handle(&mut session.borrow_mut(), &event.data());
        if let Err(failure) = result {
            post(&Response::Failed { failure }, None);
        }
        post(
            &Response::Idle {
                memory_bytes: memory_bytes(),
            },
            None,
        );
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope().post_message(&ready);
}
