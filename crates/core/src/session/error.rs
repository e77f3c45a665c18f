//! What can go wrong in a session, with the Dutch text the page and the command line show.

use std::fmt;

use crate::recept::ReceptError;

#[derive(Debug, Clone, PartialEq)]
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
    /// An analysis could not be run (its own message).
    Analysis(String),
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::UnknownFile(i) => {
                write!(f, "Bestand nummer {} is niet (meer) geladen. Laad het opnieuw.", i + 1)
            }
            SessionError::MissingBytes(name) => {
                write!(f, "{name} kwam zonder inhoud aan. Sleep het bestand opnieuw hierheen.")
            }
            SessionError::Recept(e) => write!(f, "{e}"),
            SessionError::NoRegistration => f.write_str("Er is nog geen registratie geladen."),
            SessionError::NoAnalysisFile => {
                f.write_str("Er is nog geen analysebestand: laad eerst registraties bij stap 1.")
            }
            SessionError::Analysis(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for SessionError {}
