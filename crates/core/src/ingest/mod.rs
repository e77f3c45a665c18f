//! Reading tables from file bytes (no I/O: the caller reads the file).

pub mod cells;
pub mod dictionary;
pub mod error;
pub mod fields;
pub mod fold;
pub mod grid;
pub mod load;
pub mod ods_cells;
pub mod ole_stream;
pub mod plain;
pub mod records;
pub mod steunpunt;
pub mod table;
pub mod text;
pub mod unpacked;
pub mod values;
pub mod xlsb_walk;
