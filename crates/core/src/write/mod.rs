//! Writers from [`Sheet`](crate::table::Sheet)s to file bytes (no I/O: the caller saves them).

pub mod csv;
pub mod xlsx;
pub mod zip;
