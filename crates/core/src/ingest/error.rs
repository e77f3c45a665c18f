//! Why a file could not be read, in words a steunpunt worker can act on.

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
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
    /// A workbook whose shared strings (every distinct text, in one part) unpack to more than the
    /// reader may hold; refused before the part is unpacked.
    TooLargeSharedStrings {
        file: String,
        bytes: u64,
        limit: u64,
    },
    TooManyRows {
        file: String,
        rows: u64,
        limit: u64,
    },
    /// A sheet whose rows, each as long as its last cell, would take more cells than the budget.
    TooManyCells {
        file: String,
        sheet: String,
        cells: u64,
        limit: u64,
    },
    /// More columns on a line than a spreadsheet has (checked before the file is split into cells).
    TooManyColumns {
        file: String,
        line: u64,
        columns: u64,
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
        damage: Damage,
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

/// What is damaged inside a workbook.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Damage {
    /// The format cannot be recognised (often a file cut off while copying).
    UnknownFormat,
    MissingSheet,
    Xml,
    Zip,
    /// Two parts of the zip archive have the same name (a reader would silently take one).
    DuplicateEntry(String),
    /// An Excel 97–2003 file whose inner sectors loop, point outside the file, or claim more
    /// than the file holds.
    CompoundFile,
    /// An Excel binary workbook (.xlsb) whose records are shorter than what they must hold, or
    /// whose sheet or text references lead nowhere.
    BinaryWorkbook,
    /// The reader's own message.
    Other(String),
}
