//! CHAID and Exhaustive CHAID as IBM SPSS Statistics describes them
//! ("CHAID and Exhaustive CHAID Algorithms"), with SPSS's defaults.
//!
//! Data ([`Dataset`]) and parameters ([`ChaidParams`] → `check()`) go in;
//! a [`Tree`] comes out; [`report`] derives risk, classification, gains and
//! the tree table from it. Fitting is separate from drawing.

pub mod assignment;
pub mod binning;
pub mod bonferroni;
pub mod charts;
pub mod competitors;
pub mod cv;
pub mod data;
pub mod edit;
pub mod error;
pub mod groups;
pub mod grow;
pub mod merge;
pub mod params;
pub mod published;
pub mod report;
pub mod rules;
pub mod screen;
pub mod sheets;
pub(crate) mod subtree;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod tree;
pub mod validation;
pub mod wave;

pub use data::{Dataset, Level, RawColumn, Spec, Target};
pub use error::ChaidError;
pub use grow::fit;
pub use params::{ChaidParams, CheckedParams, ExhaustiveNominal, Method, TieRule};
pub use tree::{Node, Tree};
