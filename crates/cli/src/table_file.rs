//! Reading a data file for the analysis commands: CSV (delimiter sniffed) or
//! the first sheet of a workbook. The full steunpunt readers replace this later.

use std::path::Path;

use perspectief_core::chaid::RawColumn;
use perspectief_core::ingest::plain::{csv_columns, workbook_columns};

/// The most frequent of `;`, `,` and tab on the first line.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or(bytes);
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| first.iter().filter(|b| *b == d).count())
        .unwrap_or(b',')
}

pub fn read(path: &Path) -> Result<Vec<(String, RawColumn)>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let result = match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => workbook_columns(&bytes),
        _ => csv_columns(&bytes, sniff_delimiter(&bytes)),
    };
    result.map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sniffs_the_dutch_semicolon() {
        assert_eq!(super::sniff_delimiter(b"a;b;c\n1,5;2;3"), b';');
        assert_eq!(super::sniff_delimiter(b"a,b,c\n1;2;3"), b',');
        assert_eq!(super::sniff_delimiter(b"a\tb\n"), b'\t');
    }
}
