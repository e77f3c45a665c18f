//! The problems a registration check reports, each with where it is and what to do.

use serde::{Deserialize, Serialize};

use crate::ingest::records::Provenance;

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

    /// The group heading in the report (Dutch, B1).
    pub fn title(self) -> &'static str {
        use ProblemKind::*;
        match self {
            MissingVNummer => "V-nummer ontbreekt",
            WrongLength => "V-nummer heeft niet 10 cijfers",
            Letters => "V-nummer bevat letters of andere tekens",
            OtherRegistration => "Ander nummer in plaats van V-nummer (CRV- of IND-nummer)",
            ConflictWithin => "Zelfde V-nummer twee keer, met verschillende gegevens",
            ConflictAcross => "Zelfde V-nummer ook bij een ander steunpunt",
            IntakeBeforeBirth => "Instroom vóór de geboortedatum",
            AgeAtIntake => "Leeftijd bij instroom onder 18 of boven 35",
            OutflowBeforeIntake => "Uitstroom vóór instroom",
            OutflowButInCounselling => "Uitstroomdatum, maar resultaat 'In begeleiding'",
            EndedWithoutOutflow => "Resultaat zegt uitgestroomd, maar er is geen uitstroomdatum",
            FutureDate => "Datum na de peildatum",
            UnrecognisedValue => "Waarde niet herkend",
            NoSteunpunt => "Steunpunt onbekend",
            RepairedZero => "Voorloopnul van V-nummer hersteld",
            ExactDuplicate => "Dubbele rij samengevoegd",
            NotAPerson => "Rij zonder V-nummer en zonder naam (geen cliënt)",
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
    /// What is wrong and what to do, in one or two sentences.
    pub message: String,
}

impl Problem {
    pub fn new(kind: ProblemKind, message: impl Into<String>) -> Problem {
        Problem {
            kind,
            severity: kind.severity(),
            steunpunt: None,
            at: None,
            column: None,
            value: None,
            v_nummer: None,
            name: None,
            message: message.into(),
        }
    }

    /// `bestand.xlsx, tabblad 'Registratie', rij 14`
    pub fn location(&self) -> String {
        match &self.at {
            None => String::new(),
            Some(p) if p.sheet.is_empty() => format!("{}, rij {}", p.file, p.row),
            Some(p) => format!("{}, tabblad '{}', rij {}", p.file, p.sheet, p.row),
        }
    }
}
