//! The three kinds of file the app reads.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A steunpunt's client registration (one row per ex-AMV).
    Registration,
    /// The national DMB/IND extract (one row per V-nummer found).
    National,
    /// Steunpunt characteristics (one row per steunpunt, optional `sets` sheet).
    Characteristics,
}
