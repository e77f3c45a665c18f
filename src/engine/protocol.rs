//! Messages between the page and the worker (JSON, with file bytes alongside as transferred ArrayBuffers).

use perspectief_core::check::problem::Problem;
use perspectief_core::check::registration::SteunpuntSummary;
use perspectief_core::ingest::grid::Format;
use perspectief_core::ingest::load::SheetSummary;
use perspectief_core::kind::FileKind;
use perspectief_core::recept::Analysis;
use serde::{Deserialize, Serialize};

pub use perspectief_core::analysis::run::{
    ComparedTree, ComparisonView, ScreeningView, TableRequest, TableView, TreeView,
};
use std::collections::BTreeMap;

pub use perspectief_core::session::Edit;

/// Page → worker, typed by what it does: an edit changes the session (the bridge logs it
/// for a new worker), a query or an export only reads it, a control steers the worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Files of a `Load` travel alongside, in the same order.
    Edit {
        edit: Edit,
    },
    Query {
        query: Query,
    },
    Export {
        export: Export,
        /// The language of the file's fixed words (the page's).
        #[serde(default)]
        locale: perspectief_core::locale::Locale,
    },
    Control {
        control: Control,
    },
}

impl From<Edit> for Request {
    fn from(edit: Edit) -> Request {
        Request::Edit { edit }
    }
}

impl From<Query> for Request {
    fn from(query: Query) -> Request {
        Request::Query { query }
    }
}

impl From<Export> for Request {
    fn from(export: Export) -> Request {
        Request::Export {
            export,
            locale: perspectief_core::locale::Locale::Nl,
        }
    }
}

/// Questions about the session; nothing changes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "query", rename_all = "snake_case")]
pub enum Query {
    /// The disclosure risk of the analysis file with these quasi-identifiers and sensitive attributes.
    Risk {
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
    /// The competing predictors of node `node` of the tree shown (for the editor).
    Competitors { node: usize },
    /// The researcher's national figures file (its text) beside the loaded registration.
    National { text: String },
    /// A saved tree (PMML text) applied to the analysis file, in aggregate only.
    Wave {
        pmml: String,
        threshold: u64,
        class: Option<String>,
    },
}

/// Downloads (the bytes travel back alongside the answer); nothing changes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "export", rename_all = "snake_case")]
pub enum Export {
    /// The check's problems.
    Check {
        format: ExportFormat,
        steunpunt: Option<String>,
        /// For the steunpunt's own use: with V-nummers, names and values.
        #[serde(default)]
        own_organisation: bool,
    },
    /// The analysis file (no V-nummers or names).
    Analysis { format: ExportFormat },
    /// The protected analysis file, with its settings sheet.
    Anonymised {
        settings: perspectief_core::anonymise::Settings,
        format: ExportFormat,
    },
    /// A linkage file per loaded registration and extract, made with this secret (never kept),
    /// with these analysis fields beside the linkage keys (none by default).
    LinkageFiles {
        secret: String,
        #[serde(default)]
        extra: Vec<perspectief_core::ingest::fields::Field>,
    },
    /// A descriptive table (hidden counts stay hidden).
    Table {
        table: TableRequest,
        threshold: u64,
        format: ExportFormat,
    },
    /// The session as a recept (JSON).
    Recept,
    /// The national figures file ("landelijk beeld") for the steunpunten: aggregates only.
    NationalFigures,
    /// The report as a Word file: these analyses run again (each with the threshold its tree is
    /// published at), with their text, tables and the pictures the page drew.
    Verslag {
        analyses: Vec<(perspectief_core::recept::Analysis, u64)>,
        pictures: Vec<perspectief_core::verslag::build::Picture>,
    },
}

/// The worker itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "control", rename_all = "snake_case")]
pub enum Control {
    /// A new worker takes over the session of one that was stopped or crashed: each edit
    /// again, in the order made (files travel alongside), without running analyses; the
    /// state is sent after the `last`.
    Replay { edit: Box<Edit>, last: bool },
    /// Only for tests (pages opened with `?testhooks`): make the worker panic or stay busy.
    TestHook { hook: TestHook },
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestHook {
    Panic,
    Busy { ms: f64 },
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
        failure: Failure,
    },
    Table(Box<TableView>),
    /// A grown tree and the analysis that grew it (with its edits by hand).
    Tree {
        analysis: Box<Analysis>,
        view: Box<TreeView>,
    },
    Screening(Box<ScreeningView>),
    Comparison(Box<ComparisonView>),
    Anonymised(Box<AnonymiseView>),
    Conclusions {
        trees: Vec<perspectief_core::anonymise::conclusions::Conclusion>,
    },
    /// A saved tree applied to the loaded files (aggregates only).
    Wave(Box<perspectief_core::chaid::wave::WaveReport>),
    /// The steunpunt's own figures beside the national ones.
    National(Box<perspectief_core::national::Comparison>),
    Competitors {
        node: usize,
        list: Vec<perspectief_core::chaid::competitors::Competitor>,
    },
    /// The frequency-attack self-test of each linkage file just made.
    SelfTests {
        tests: Vec<perspectief_core::link::attack::SelfTest>,
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
}

/// Why the worker could not do what was asked, as data: the page says it in the user's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    Session(perspectief_core::session::SessionError),
    Analysis(perspectief_core::analysis::run::AnalysisError),
    Anonymise(perspectief_core::anonymise::AnonymiseError),
    Secret(perspectief_core::link::pseudonym::SecretError),
    /// A saved tree that cannot be read, or applied to this wave.
    Pmml(perspectief_core::chaid::rules::pmml_read::PmmlError),
    Wave(perspectief_core::chaid::wave::WaveError),
    /// A national figures file that cannot be read, made or compared.
    National(perspectief_core::national::NationalError),
    /// Linkage files asked for, but no registration or national extract is loaded.
    NothingToLink,
    /// A message made in words where it happened (Dutch): the worker's own glue.
    Message(String),
}

impl Failure {
    pub fn text(&self, locale: perspectief_core::locale::Locale) -> String {
        use perspectief_core::messages::Localized;
        match self {
            Failure::Session(e) => e.text(locale),
            Failure::Analysis(e) => e.text(locale),
            Failure::Anonymise(e) => e.text(locale),
            Failure::Secret(e) => e.text(locale),
            Failure::Pmml(e) => e.text(locale),
            Failure::Wave(e) => e.text(locale),
            Failure::National(e) => e.text(locale),
            Failure::NothingToLink => match locale {
                perspectief_core::locale::Locale::Nl => {
                    "Er is geen registratie of landelijk extract geladen om een koppelbestand van te maken.".into()
                }
                perspectief_core::locale::Locale::En => {
                    "No registration or national extract is loaded to make a linkage file of.".into()
                }
            },
            Failure::Message(m) => m.clone(),
        }
    }
}

macro_rules! failure_from {
    ($($ty:ty => $variant:ident),+ $(,)?) => {$(
        impl From<$ty> for Failure {
            fn from(e: $ty) -> Failure {
                Failure::$variant(e)
            }
        }
    )+};
}

failure_from! {
    perspectief_core::session::SessionError => Session,
    perspectief_core::analysis::run::AnalysisError => Analysis,
    perspectief_core::anonymise::AnonymiseError => Anonymise,
    perspectief_core::link::pseudonym::SecretError => Secret,
    perspectief_core::chaid::rules::pmml_read::PmmlError => Pmml,
    perspectief_core::chaid::wave::WaveError => Wave,
    perspectief_core::national::NationalError => National,
    String => Message,
}

impl From<&str> for Failure {
    fn from(m: &str) -> Failure {
        Failure::Message(m.to_string())
    }
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

pub use perspectief_core::session::Timing;

/// At most this many rows of a list travel to the page; the counts say how many there are.
pub const LIST_LIMIT: usize = 500;

/// The Koppeling step: Table 3, the links behind it, and the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkageView {
    pub table3: perspectief_core::link::linkage::Table3,
    /// Links that deviate on at least one control variable (the rows behind Table 3).
    pub deviating: Vec<LinkRow>,
    /// The open proposals, least certain first (at most [`LIST_LIMIT`]; the total is in Table 3).
    pub proposals: Vec<ProposalRow>,
    /// The user's decisions, in the order made.
    pub overrules: Vec<perspectief_core::link::linkage::Overrule>,
    pub error: Option<String>,
    /// The fallback's estimated error rates (hold-out of the V-nummer links).
    #[serde(default)]
    pub estimate: Option<perspectief_core::link::estimate::FallbackEstimate>,
    /// How the fallback scored (the choice, or the fixed score for want of V-nummer links),
    /// what was chosen, and the proposal threshold.
    #[serde(default)]
    pub scoring: perspectief_core::link::estimate::Scoring,
    #[serde(default)]
    pub chosen_scoring: perspectief_core::link::estimate::Scoring,
    #[serde(default)]
    pub propose_above: f64,
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
    /// Who set its measurement level, and why.
    pub rule: perspectief_core::chaid::data::LevelRule,
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
    pub evidence: perspectief_core::link::linkage::Evidence,
    /// Each field's weight (Fellegi–Sunter); the bars add up to the score's log2 odds.
    #[serde(default)]
    pub waterfall: Option<perspectief_core::link::weights::Waterfall>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileSummary {
    pub name: String,
    pub bytes: usize,
    /// Why it could not be read (as data: the page says it in the user's language); the other
    /// fields are empty then.
    pub error: Option<perspectief_core::ingest::error::ReadError>,
    pub kind: Option<FileKind>,
    pub format: Option<Format>,
    pub steunpunt: Option<String>,
    pub sheets: Vec<SheetSummary>,
    pub skipped_sheets: Vec<String>,
    pub notes: Vec<perspectief_core::ingest::cells::Note>,
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
