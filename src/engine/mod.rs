//! The engine runs in a Web Worker: it holds the session (the files and their
//! records), and the page only receives summaries. Nothing heavy runs on the
//! main thread.
//!
//! `protocol` is what crosses between the two; `worker` is the worker side
//! (transport around `perspectief_core::session`), with `views` (what the page
//! is shown) and `downloads`; `bridge` is the page side.

pub mod anonymise;
pub mod bridge;
mod downloads;
mod js_bytes;
#[cfg(test)]
mod page_thread_tests;
pub mod protocol;
mod views;
pub mod worker;
