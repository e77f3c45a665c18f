//! Messages between the page and the worker (JSON, with file bytes alongside as transferred ArrayBuffers).

use perspectief_core::check::problem::Problem;
use perspectief_core::check::registration::SteunpuntSummary;
use perspectief_core::ingest::grid::Format;
use perspectief_core::ingest::load::SheetSummary;
use perspectief_core::kind::FileKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Page → worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Files whose bytes travel alongside, in the same order.
    Load {
        names: Vec<String>,
    },
    LoadDemo,
    SetKind {
        file: usize,
        kind: FileKind,
    },
    SetSteunpunt {
        file: usize,
        steunpunt: String,
    },
    Remove {
        file: usize,
    },
    SetConflictRule {
        rule: perspectief_core::check::registration::ConflictRule,
    },
    /// Map a column by hand (`field: None` = do not use it).
    SetMapping {
        file: usize,
        sheet: String,
        column: usize,
        field: Option<perspectief_core::ingest::fields::Field>,
    },
    Export {
        format: ExportFormat,
        steunpunt: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

/// Worker → page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    Progress {
        done: usize,
        total: usize,
        current: String,
    },
    State(Box<Summary>),
    /// The exported file's bytes travel alongside.
    Exported {
        name: String,
    },
    Failed {
        message: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub files: Vec<FileSummary>,
    pub check: Option<CheckView>,
    pub demo: bool,
    pub conflict_rule: perspectief_core::check::registration::ConflictRule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileSummary {
    pub name: String,
    pub bytes: usize,
    /// Why it could not be read; the other fields are empty then.
    pub error: Option<String>,
    pub kind: Option<FileKind>,
    pub format: Option<Format>,
    pub steunpunt: Option<String>,
    pub sheets: Vec<SheetSummary>,
    pub skipped_sheets: Vec<String>,
    pub notes: Vec<String>,
    pub rows: usize,
    pub persons: usize,
    pub problems: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckView {
    pub peildatum: String,
    pub persons: usize,
    pub steunpunten: BTreeMap<String, SteunpuntSummary>,
    pub problems: Vec<Problem>,
}
