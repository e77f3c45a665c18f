//! Linkage of the registrations to the national extract (linkage.md §2–3).

pub mod attack;
pub mod countries;
pub mod linkage;
pub mod names;
pub mod pseudonym;
pub mod verify;
