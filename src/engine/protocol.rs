//! Messages between the page and the worker (JSON, with file bytes alongside as transferred ArrayBuffers).

use perspectief_core::check::problem::Problem;
use perspectief_core::check::registration::SteunpuntSummary;
use perspectief_core::ingest::grid::Format;
use perspectief_core::ingest::load::SheetSummary;
use perspectief_core::kind::FileKind;
use serde::{Deserialize, Serialize};

pub use perspectief_core::analysis::run::{
    ComparedTree, ComparisonView, ScreeningView, TableRequest, TableView, TreeView,
};
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
    /// Accept or reject a fallback proposal, or overrule a link's compatibility.
    Overrule {
        overrule: perspectief_core::link::linkage::Overrule,
    },
    /// Accept every proposal at or above this score.
    AcceptAbove {
        score: f64,
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
        /// For the steunpunt's own use: with V-nummers, names and values.
        #[serde(default)]
        own_organisation: bool,
    },
    /// The disclosure risk of the analysis file with these quasi-identifiers and sensitive attributes.
    Risk {
        settings: perspectief_core::anonymise::Settings,
    },
    /// Make the analysis file k-anonymous and l-diverse (the result is shown; the settings are remembered).
    Anonymise {
        settings: perspectief_core::anonymise::Settings,
    },
    /// The outcome trees grown on the analysis file and on the protected file, side by side.
    Conclusions {
        settings: perspectief_core::anonymise::Settings,
    },
    /// Audit a person-level file the user brings (its bytes travel alongside), against the
    /// dictionary's roles and these demands.
    AuditFile {
        name: String,
        settings: perspectief_core::anonymise::Settings,
    },
    /// The protected analysis file as a download, with its settings sheet.
    ExportAnonymised {
        settings: perspectief_core::anonymise::Settings,
        format: ExportFormat,
    },
    /// A linkage file per loaded registration and extract, made with this secret (never kept),
    /// with these analysis fields beside the linkage keys (none by default).
    ExportLinkageFiles {
        secret: String,
        #[serde(default)]
        extra: Vec<perspectief_core::ingest::fields::Field>,
    },
    /// Take back the user's decision number `index` (in the order made).
    UndoOverrule {
        index: usize,
    },
    /// The reference date of the derived variables (`None`: the check's).
    SetPeildatum {
        peildatum: Option<perspectief_core::date::Date>,
    },
    /// The measurement level of an analysis variable.
    SetLevel {
        variable: String,
        level: perspectief_core::chaid::data::Level,
    },
    /// The analysis file (no V-nummers or names) as a download.
    ExportAnalysis {
        format: ExportFormat,
    },
    /// Run an analysis on the analysis file (a table, a tree, a screening, a comparison);
    /// it is remembered for the recept.
    Run {
        analysis: perspectief_core::recept::Analysis,
    },
    /// The session as a recept (a JSON download).
    SaveRecept,
    /// Apply a recept to the loaded files and run its analyses.
    LoadRecept {
        text: String,
    },
    /// A descriptive table as a download (hidden counts stay hidden).
    ExportTable {
        table: TableRequest,
        threshold: u64,
        format: ExportFormat,
    },
    /// A new worker takes over the session of one that was stopped or crashed: each
    /// choice again, in the order made (files travel alongside), without running analyses;
    /// the state is sent after the `last`.
    Replay {
        request: Box<Request>,
        last: bool,
    },
    /// Only for tests (pages opened with `?testhooks`): make the worker panic or stay busy.
    TestHook {
        hook: TestHook,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestHook {
    Panic,
    Busy { ms: f64 },
}

impl Request {
    /// Whether the request changes the session (and must be replayed by a new worker).
    pub fn changes_session(&self) -> bool {
        !matches!(
            self,
            Request::Export { .. }
                | Request::ExportAnalysis { .. }
                | Request::ExportAnonymised { .. }
                | Request::ExportLinkageFiles { .. }
                | Request::Risk { .. }
                | Request::Conclusions { .. }
                | Request::AuditFile { .. }
                | Request::ExportTable { .. }
                | Request::SaveRecept
                | Request::Replay { .. }
                | Request::TestHook { .. }
        )
    }

    /// What the worker is doing for this request, for messages about it.
    pub fn activity(&self, lang: crate::i18n::Lang) -> String {
        let (nl, en) = match self {
            Request::Load { names } => {
                return match lang {
                    crate::i18n::Lang::Nl => format!("het inlezen van {}", names.join(", ")),
                    crate::i18n::Lang::En => format!("reading {}", names.join(", ")),
                }
            }
            Request::LoadDemo => ("het laden van de demo", "loading the demo"),
            Request::SetKind { .. } | Request::SetSteunpunt { .. } | Request::SetMapping { .. } => {
                ("het opnieuw inlezen van een bestand", "reading a file again")
            }
            Request::Remove { .. } => ("het verwijderen van een bestand", "removing a file"),
            Request::Overrule { .. } | Request::AcceptAbove { .. } | Request::UndoOverrule { .. } => {
                ("het koppelen", "linking")
            }
            Request::SetConflictRule { .. } => ("de controle", "the check"),
            Request::SetPeildatum { .. } | Request::SetLevel { .. } => {
                ("het maken van het analysebestand", "building the analysis file")
            }
            Request::Run { .. } => ("de analyse", "the analysis"),
            Request::Export { .. } | Request::ExportAnalysis { .. } | Request::ExportTable { .. } => {
                ("het maken van een download", "making a download")
            }
            Request::SaveRecept => ("het bewaren van het recept", "saving the recept"),
            Request::Risk { .. } | Request::Anonymise { .. } => ("het anonimiseren", "anonymising"),
            Request::Conclusions { .. } => ("het vergelijken van de bomen", "comparing the trees"),
            Request::AuditFile { .. } => ("het controleren van een bestand", "checking a file"),
            Request::ExportAnonymised { .. } | Request::ExportLinkageFiles { .. } => {
                ("het maken van een download", "making a download")
            }
            Request::LoadRecept { .. } => ("het toepassen van het recept", "applying the recept"),
            Request::Replay { request, .. } => return request.activity(lang),
            Request::TestHook { .. } => ("een test", "a test"),
        };
        lang.pick(nl, en).to_string()
    }
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
    Table(Box<TableView>),
    Tree(Box<TreeView>),
    Screening(Box<ScreeningView>),
    Comparison(Box<ComparisonView>),
    Anonymised(Box<AnonymiseView>),
    Conclusions {
        trees: Vec<perspectief_core::anonymise::conclusions::Conclusion>,
    },
    /// The audit of a file the user brought.
    FileAudit {
        name: String,
        audit: perspectief_core::anonymise::Audit,
    },
    /// The worker has finished a request (whatever it answered); its wasm memory now.
    Idle {
        memory_bytes: f64,
    },
    /// The worker panicked; it is replaced by a new one (the message of the panic).
    Crashed {
        message: String,
    },
    /// Made by the page, not the worker: a new worker took over the session after
    /// the user stopped `request` (`crashed: None`) or the worker crashed during it.
    Recovered {
        request: Option<Box<Request>>,
        crashed: Option<String>,
    },
}

/// The risk of the analysis file, and what "make it k-anonymous" gave (`after: None` for the risk alone).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnonymiseView {
    pub settings: perspectief_core::anonymise::Settings,
    /// Every column's role (the dictionary's, and the user's choices).
    pub roles: Vec<perspectief_core::anonymise::ColumnRole>,
    pub before: perspectief_core::anonymise::Risk,
    pub after: Option<perspectief_core::anonymise::Risk>,
    /// What was done to each column, and its loss.
    pub columns: Vec<perspectief_core::anonymise::ColumnOutcome>,
    pub generalised: Vec<perspectief_core::anonymise::Generalised>,
    /// The written file read back and checked.
    pub audit: Option<perspectief_core::anonymise::Audit>,
    pub loss: f64,
    pub suppressed_cells: usize,
    pub removed_records: usize,
    pub rows_in_scope: usize,
    pub nodes: usize,
    pub evaluated: usize,
    pub ms: f64,
    pub audit_ms: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub files: Vec<FileSummary>,
    pub check: Option<CheckView>,
    pub demo: bool,
    pub conflict_rule: perspectief_core::check::registration::ConflictRule,
    pub linkage: Option<LinkageView>,
    /// The analysis file (persons, with national data, variables per set), when registrations are loaded.
    pub analysis: Option<AnalysisSummary>,
    /// How long each step took in the worker (reading per file, check, linkage, analysis file).
    pub timings: Vec<Timing>,
    /// The size of the worker's wasm memory, in bytes.
    pub memory_bytes: f64,
    /// Messages about the last recept (files missing or changed).
    pub notices: Vec<String>,
    /// The anonymisation settings last used (from the session or a recept).
    pub anonymisation: Option<perspectief_core::anonymise::Settings>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    pub step: String,
    pub ms: f64,
}

/// At most this many rows of a list travel to the page; the counts say how many there are.
pub const LIST_LIMIT: usize = 500;

/// The Koppeling step: Table 3, the links behind it, and the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkageView {
    pub table3: perspectief_core::link::linkage::Table3,
    /// Links that deviate on at least one control variable (the rows behind Table 3).
    pub deviating: Vec<LinkRow>,
    /// The open proposals, best score first (at most [`LIST_LIMIT`]; the total is in Table 3).
    pub proposals: Vec<ProposalRow>,
    /// The user's decisions, in the order made.
    pub overrules: Vec<perspectief_core::link::linkage::Overrule>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisSummary {
    pub persons: usize,
    pub with_national_data: usize,
    pub variables: usize,
    pub peildatum: String,
    /// The peildatum as `JJJJ-MM-DD` (for the date field).
    pub peildatum_iso: String,
    pub sets: Vec<perspectief_core::analysis::SetCount>,
    pub list: Vec<VariableRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariableRow {
    pub name: String,
    pub set: Option<String>,
    pub subset: Option<String>,
    pub level: perspectief_core::chaid::data::Level,
    /// Whether the values are numbers (only numbers can be scale).
    pub numeric: bool,
    /// Its role for anonymisation, as the data dictionary gives it.
    pub role: perspectief_core::anonymise::ColumnRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkRow {
    pub person: perspectief_core::ingest::records::Provenance,
    pub name: String,
    pub v_nummer: String,
    pub sides: perspectief_core::link::verify::Sides,
    pub verification: perspectief_core::link::verify::Verification,
    pub overruled: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalRow {
    pub person: perspectief_core::ingest::records::Provenance,
    pub national_row: u32,
    pub local: String,
    pub national: String,
    pub score: f64,
    pub reasons: Vec<String>,
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
    /// The problems, at most [`LIST_LIMIT`] of a kind per steunpunt.
    pub problems: Vec<Problem>,
    /// How many there are of each kind per steunpunt.
    pub counts: Vec<(String, perspectief_core::check::problem::ProblemKind, usize)>,
}
