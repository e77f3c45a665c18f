//! Reading a data file for the analysis commands: the first sheet of any
//! file the readers take (csv/txt with its delimiter sniffed, xlsx, xls, ods).

use std::path::Path;

use perspectief_core::chaid::RawColumn;
use perspectief_core::ingest::plain::columns;

pub fn read(path: &Path) -> Result<Vec<(String, RawColumn)>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("Kan {} niet openen: {e}", path.display()))?;
    columns(&path.display().to_string(), &bytes).map_err(|e| e.to_string())
}
