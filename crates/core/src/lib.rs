//! Perspectief's engine: everything the app and the command line compute,
//! from bytes in to tables out. No I/O, no clock, no web crates.

// Numeric code indexes tables by row and column; iterator chains would hide the algebra.
#![allow(clippy::needless_range_loop)]

/// A builder setter: `setter!(k, usize)` gives `fn k(mut self, value: usize) -> Self`.
macro_rules! setter {
    ($name:ident, $ty:ty) => {
        pub fn $name(mut self, value: $ty) -> Self {
            self.$name = value;
            self
        }
    };
}

pub mod analysis;
pub mod anonymise;
pub mod chaid;
pub mod check;
pub mod date;
pub mod demo;
pub mod describe;
pub mod disclosure;
pub mod drawing;
pub mod exports;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
pub mod kind;
pub mod link;
pub mod locale;
pub mod messages;
pub mod narrative;
pub mod national;
pub mod recept;
pub mod rng;
pub mod session;
pub mod stats;
pub mod table;
pub mod verslag;
pub mod write;
