//! Descriptive tables as the report has them (chapters 4–6): frequencies,
//! crosstabs with Pearson χ², means by group, histograms; every count below the
//! threshold hidden, with the secondary suppression that keeps it hidden (`crate::disclosure`).
//! Only the protected form ([`Published`]) leaves this module for the page or a file.

pub mod sheet;
pub mod tables;

pub use tables::{crosstab, frequencies, histogram, means, DescribeError, MeansRow, MeansTable, Published};
