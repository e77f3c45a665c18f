//! Drawings as SVG, made without a browser: the page shows them, its downloads and Word file
//! turn them into files, and the command line puts them in its report.

pub mod chart;
pub mod text;
pub mod tree;
