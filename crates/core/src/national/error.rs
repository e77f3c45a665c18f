//! What can go wrong when building, reading or comparing national figures. The variants carry
//! the data; the words are in [`crate::messages`] (Dutch and English).

use serde::{Deserialize, Serialize};

use crate::date::Date;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NationalError {
    /// The file is not JSON (where the reader stopped).
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file has another `format` (empty when it has none).
    OtherFormat { found: String },
    /// The checksum does not match the content: the file was altered after it was sealed.
    Altered { stored: String, computed: String },
    /// The checksum matches but the content is not national figures (a field is missing or wrong).
    Invalid { message: String },
    /// The analysis file lacks a column the figures are computed from.
    MissingColumn { column: String },
    /// Fewer persons than the threshold: nothing can be published.
    TooFewPersons { persons: u64, threshold: u64 },
    /// Without this steunpunt fewer than `threshold` persons remain: it would learn their number.
    TooFewElsewhere { steunpunt: String, threshold: u64 },
    /// The local files hold no person (no registration, or no row with a V-nummer or name).
    NoLocalPersons { files: Vec<String> },
    /// The analysis file has no peildatum column, and none was given.
    NoPeildatum,
    /// A cell of the peildatum column is not a date (`row` as a spreadsheet counts, header 1).
    PeildatumUnreadable { row: usize, value: String },
    /// The peildatum column holds a second date at `row`.
    PeildatumVaries { first: Date, row: usize, other: Date },
    /// The file's peildatum and the one given differ.
    PeildatumDiffers { in_file: Date, given: Date },
    /// A threshold below 2 protects nothing.
    Threshold { threshold: u64 },
}
