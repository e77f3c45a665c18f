//! What can go wrong in a session, with the Dutch text the page and the command line show.

use crate::recept::ReceptError;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionError {
    /// An edit names file number `.0`, which is not loaded.
    UnknownFile(usize),
    /// A file to load came without its bytes.
    MissingBytes(String),
    Recept(ReceptError),
    /// No registration is loaded, so there is no check.
    NoRegistration,
    /// The files give no analysis file (no registration, or the linkage failed).
    NoAnalysisFile,
    /// An analysis could not be run.
    Analysis(crate::analysis::run::AnalysisError),
}
