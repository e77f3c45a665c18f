//! "Landelijk beeld": the national figures file and a steunpunt's side-by-side comparison.
//!
//! The researcher, who holds every steunpunt's linked data, builds [`NationalFigures`] from the
//! analysis file ([`build`], [`from_analysis`]): per [`Dimension`] (outcome, age at intake,
//! country of origin, duration of guidance, intake period) the national counts and percentages
//! through the one disclosure rule ([`crate::disclosure::protect`]), and a CHAID tree of one
//! outcome on registration fields ([`NationalTree`]). Aggregates only: no row per person.
//!
//! A steunpunt, which holds only its own registration, reads the file ([`NationalFigures::read`],
//! which refuses another format or an altered content) and puts its own figures beside the
//! national ones ([`compare`]). Both sides compute the categories the same way
//! ([`categories`]): the steunpunt builds its own analysis file from its registration with the
//! file's peildatum, and maps each value to the file's categories.
//!
//! The steunpunt knows its own people exactly, so national minus its own gives the rest of the
//! country. The builder therefore coarsens a category until, for every steunpunt in the
//! researcher's data, national minus that steunpunt's count is 0 or at least the threshold
//! ([`differencing`]); rare countries and predictor values go into "overig" and are never
//! listed; there are no per-steunpunt figures, no extremes and no means.
//!
//! The checksum (SHA-256 over the canonical JSON of the content) shows that the content was not
//! altered after it was sealed; it does not show who sealed it. The fingerprint
//! ([`NationalFigures::fingerprint`]) is for comparing with the one the researcher announces.

pub mod categories;
pub mod compare;
pub mod differencing;
pub mod error;
pub mod figures;
pub mod file;
pub mod html;
pub mod peildatum;
pub mod text;
pub mod tree;

pub use categories::{Category, Dimension, Group, Period};
pub use compare::{compare, Comparison};
pub use error::NationalError;
pub use figures::{build, from_analysis, Content, NationalDimension, NationalFigures, Options};
pub use tree::NationalTree;

/// The form of the file (its `format` field).
pub const FORMAT: &str = "perspectief-landelijk-beeld/1";
