//! Reading tables from file bytes (no I/O: the caller reads the file).

pub mod plain;
