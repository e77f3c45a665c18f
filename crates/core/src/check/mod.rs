//! The registration check a steunpunt runs on its own files before sending anything.

pub mod export;
pub mod problem;
pub mod redact;
pub mod registration;
pub mod vnummer;
