//! The problems a registration check reports, each with where it is and what to do.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ingest::records::Provenance;

/// What a problem says, as data: the texts are made in `messages` (Dutch and English).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "detail", rename_all = "snake_case")]
pub enum Detail {
    /// A row with neither V-nummer nor name: its cells, joined.
    NotAPerson {
        content: String,
    },
    MissingVNummer,
    WrongLength {
        value: String,
        digits: usize,
    },
    /// An Excel formula's error value (`#VERW!`).
    FormulaError {
        value: String,
    },
    /// A number in scientific notation: Excel dropped digits.
    Scientific {
        value: String,
    },
    Letters {
        value: String,
    },
    OtherRegistration {
        value: String,
    },
    RepairedZero {
        value: String,
    },
    NoSteunpunt {
        file: String,
    },
    Unrecognised {
        value: String,
        field: String,
        count: usize,
        rows: Vec<u32>,
    },
    ExactDuplicate {
        same_as: Provenance,
    },
    /// The same V-nummer with other data: where else (and at which steunpunt), and what was kept.
    Conflict {
        others: Vec<(Provenance, String)>,
        decision: Decision,
    },
    IntakeBeforeBirth {
        intake: Date,
        birth: Date,
    },
    AgeAtIntake {
        age: i32,
        birth: Date,
        intake: Date,
    },
    OutflowBeforeIntake {
        outflow: Date,
        intake: Date,
    },
    OutflowButInCounselling {
        outflow: Date,
    },
    EndedWithoutOutflow {
        result: String,
    },
    FutureDate {
        field: DateField,
        date: Date,
        peildatum: Date,
    },
}

/// What the duplicate rule did with a conflicting row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Every row counts as its own client.
    KeptAll,
    /// This row was kept (the latest intake).
    Kept,
    /// This row was left out (another has a later intake).
    LeftOut,
}

/// A date of a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateField {
    Birth,
    Intake,
    Outflow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be fixed before linkage.
    Fout,
    /// Check this.
    Waarschuwing,
    /// For information: the app did something (merged, repaired, skipped).
    Melding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    MissingVNummer,
    WrongLength,
    Letters,
    OtherRegistration,
    ConflictWithin,
    ConflictAcross,
    IntakeBeforeBirth,
    AgeAtIntake,
    OutflowBeforeIntake,
    OutflowButInCounselling,
    EndedWithoutOutflow,
    FutureDate,
    UnrecognisedValue,
    NoSteunpunt,
    RepairedZero,
    ExactDuplicate,
    NotAPerson,
}

impl ProblemKind {
    /// The group heading in the report (Dutch, B1; [`ProblemKind::title_in`] for either).
    pub fn title(self) -> &'static str {
        self.title_in(crate::locale::Locale::Nl)
    }

    pub fn title_in(self, locale: crate::locale::Locale) -> &'static str {
        match locale {
            crate::locale::Locale::Nl => crate::messages::nl::problem_title(self),
            crate::locale::Locale::En => crate::messages::en::problem_title(self),
        }
    }

    pub fn severity(self) -> Severity {
        use ProblemKind::*;
        match self {
            MissingVNummer | WrongLength | Letters | OtherRegistration | ConflictWithin | ConflictAcross
            | NoSteunpunt => Severity::Fout,
            IntakeBeforeBirth
            | AgeAtIntake
            | OutflowBeforeIntake
            | OutflowButInCounselling
            | EndedWithoutOutflow
            | FutureDate
            | UnrecognisedValue => Severity::Waarschuwing,
            RepairedZero | ExactDuplicate | NotAPerson => Severity::Melding,
        }
    }
}

/// One finding, located as a worker finds it in Excel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub kind: ProblemKind,
    pub severity: Severity,
    pub steunpunt: Option<String>,
    pub at: Option<Provenance>,
    /// Column header and letter, e.g. `Geboortedatum (D)`.
    pub column: Option<String>,
    pub value: Option<String>,
    /// Identifying data: only in the steunpunt's own report.
    pub v_nummer: Option<String>,
    pub name: Option<String>,
    /// What is wrong, as data; [`Problem::message`] says it with what to do.
    pub detail: Detail,
}

impl Problem {
    pub fn new(kind: ProblemKind, detail: Detail) -> Problem {
        Problem {
            kind,
            severity: kind.severity(),
            steunpunt: None,
            at: None,
            column: None,
            value: None,
            v_nummer: None,
            name: None,
            detail,
        }
    }

    /// What is wrong and what to do, in one or two sentences (Dutch).
    pub fn message(&self) -> String {
        crate::messages::nl::problem(&self.detail)
    }

    /// `bestand.xlsx, tabblad 'Registratie', rij 14` (Dutch; [`Problem::location_in`] for either).
    pub fn location(&self) -> String {
        self.location_in(crate::locale::Locale::Nl)
    }

    /// Where the problem is, in the user's language (empty when it is not in one row).
    pub fn location_in(&self, locale: crate::locale::Locale) -> String {
        match (&self.at, locale) {
            (None, _) => String::new(),
            (Some(at), crate::locale::Locale::Nl) => crate::messages::nl::location(at),
            (Some(at), crate::locale::Locale::En) => crate::messages::en::location(at),
        }
    }
}
