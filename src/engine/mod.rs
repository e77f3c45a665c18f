//! The engine runs in a Web Worker: it holds the files and their records,
//! and the page only receives summaries. Nothing heavy runs on the main thread.
//!
//! `protocol` is what crosses between the two; `worker` is the worker side;
//! `bridge` is the page side.

pub mod anonymise;
pub mod bridge;
pub mod protocol;
pub mod worker;
