//! Why a file could not be read, in words a steunpunt worker can act on.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty {
        file: String,
    },
    TooLarge {
        file: String,
        bytes: u64,
        limit: u64,
    },
    /// A workbook that unpacks to more than the browser can hold.
    TooLargeUnpacked {
        file: String,
        bytes: u64,
        limit: u64,
    },
    TooManyRows {
        file: String,
        rows: u64,
        limit: u64,
    },
    Pdf {
        file: String,
    },
    PasswordProtected {
        file: String,
    },
    CorruptWorkbook {
        file: String,
        detail: String,
    },
    NotText {
        file: String,
    },
    NoSheets {
        file: String,
    },
    NoHeader {
        file: String,
    },
}

fn mb(bytes: u64) -> String {
    crate::locale::Locale::Nl.number(bytes as f64 / 1_048_576.0, 0)
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty { file } => write!(f, "{file}: het bestand is leeg (0 bytes). Sla het opnieuw op vanuit Excel en laad het nog eens."),
            ReadError::TooLarge { file, bytes, limit } => write!(
                f,
                "{file}: het bestand is te groot ({} MB; de grens is {} MB). Splits het bestand, of sla alleen het tabblad met de registratie op als CSV.",
                mb(*bytes),
                mb(*limit)
            ),
            ReadError::TooLargeUnpacked { file, bytes, limit } => write!(
                f,
                "{file}: uitgepakt is dit werkboek te groot om in de browser te lezen ({} MB; de grens is {} MB). Sla alleen het tabblad met de registratie op als CSV, of splits het werkboek.",
                if *bytes == u64::MAX { "meer dan 4.096".to_string() } else { mb(*bytes) },
                mb(*limit)
            ),
            ReadError::TooManyRows { file, rows, limit } => write!(
                f,
                "{file}: het bestand heeft {} rijen; de browser kan er hoogstens {} per bestand lezen. Splits het bestand (bijvoorbeeld per jaar) en laad de delen samen.",
                crate::locale::Locale::Nl.number(*rows as f64, 0),
                crate::locale::Locale::Nl.number(*limit as f64, 0)
            ),
            ReadError::Pdf { file } => write!(f, "{file}: dit is een PDF, geen spreadsheet. Gebruik het oorspronkelijke Excel- of CSV-bestand."),
            ReadError::PasswordProtected { file } => write!(f, "{file}: het werkboek is beveiligd met een wachtwoord. Open het in Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen) en sla het opnieuw op."),
            ReadError::CorruptWorkbook { file, detail } => write!(f, "{file}: het werkboek is beschadigd of geen echt Excel-bestand ({detail}). Open het in Excel en sla het opnieuw op als .xlsx."),
            ReadError::NotText { file } => write!(f, "{file}: dit is geen spreadsheet of tekstbestand. Gebruik een .xlsx-, .xls-, .ods- of .csv-bestand."),
            ReadError::NoSheets { file } => write!(f, "{file}: het werkboek heeft geen tabbladen met gegevens."),
            ReadError::NoHeader { file } => write!(f, "{file}: geen kopregel met kolomnamen gevonden (zoals V-nummer, Naam, Geboortedatum). Zet de kolomnamen in één rij boven de gegevens."),
        }
    }
}

impl std::error::Error for ReadError {}
