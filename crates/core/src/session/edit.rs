//! What the user does to a session, as data: the page's worker replays these
//! after Afbreken or a crash, in the order made, and the session decides in one
//! place ([`Edit::keeps_results`]) what each one invalidates.

use serde::{Deserialize, Serialize};

use crate::anonymise::Settings;
use crate::chaid::data::Level;
use crate::check::registration::ConflictRule;
use crate::date::Date;
use crate::ingest::fields::Field;
use crate::kind::FileKind;
use crate::link::linkage::Overrule;
use crate::recept::Analysis;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Files whose bytes come alongside, in the same order; a file with the same name is replaced.
    Load {
        names: Vec<String>,
    },
    /// The synthetic demo files (they replace every file).
    LoadDemo,
    Remove {
        file: usize,
    },
    SetKind {
        file: usize,
        kind: FileKind,
    },
    SetSteunpunt {
        file: usize,
        steunpunt: String,
    },
    /// Map a column by hand (`field: None` = do not use it).
    SetMapping {
        file: usize,
        sheet: String,
        column: usize,
        field: Option<Field>,
    },
    SetConflictRule {
        rule: ConflictRule,
    },
    /// Accept or reject a fallback proposal, or overrule a link's compatibility.
    Overrule {
        overrule: Overrule,
    },
    /// Take back the user's decision number `index` (in the order made).
    UndoOverrule {
        index: usize,
    },
    /// Accept every open proposal at or above this score: one decision per pair, each with
    /// `reason` (or, when empty, "automatisch geaccepteerd: score ≥ X"), listed and undoable
    /// like any other.
    AcceptAbove {
        score: f64,
        #[serde(default)]
        reason: String,
    },
    /// How the fallback scores, and from which score it proposes.
    SetFallback {
        scoring: crate::link::estimate::Scoring,
        propose_above: f64,
    },
    /// The reference date of the derived variables (`None`: the check's).
    SetPeildatum {
        peildatum: Option<Date>,
    },
    /// The measurement level of an analysis variable.
    SetLevel {
        variable: String,
        level: Level,
    },
    /// An analysis, remembered for the recept (the host runs it).
    Run {
        analysis: Analysis,
    },
    /// Anonymisation settings, remembered for the recept (the host protects with them).
    Anonymise {
        settings: Settings,
    },
    /// A recept's choices for the files loaded under the same names, and its analyses.
    LoadRecept {
        text: String,
    },
}

impl Edit {
    /// Whether the checked, linked and built results stay valid after this edit. A level
    /// changes the analysis file in place; an analysis or settings are only remembered.
    pub fn keeps_results(&self) -> bool {
        matches!(self, Edit::SetLevel { .. } | Edit::Run { .. } | Edit::Anonymise { .. })
    }
}
