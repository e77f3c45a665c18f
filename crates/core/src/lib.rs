//! Perspectief's engine: everything the app and the command line compute,
//! from bytes in to tables out. No I/O, no clock, no web crates.

pub mod date;
pub mod demo;
pub mod kind;
pub mod locale;
pub mod rng;
pub mod stats;
pub mod table;
pub mod write;
