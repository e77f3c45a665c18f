//! Linkage of the registrations to the national extract (linkage.md §2–3).

pub mod attack;
pub mod comparison;
pub mod countries;
pub mod date_tests;
pub mod estimate;
pub mod fellegi_sunter;
pub mod linkage;
pub mod names;
pub mod pseudonym;
pub mod verify;
pub mod weights;
