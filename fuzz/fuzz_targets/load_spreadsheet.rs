//! Any bytes as a spreadsheet (xlsx/ods/xls entry points through calamine), then
//! the same table detection and mapping as for text. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use perspectief_core::ingest::load::load;
use perspectief_core::ingest::steunpunt::known_with;

fuzz_target!(|data: &[u8]| {
    let _ = load("registratie.xlsx", data, None, &known_with(&[]));
});
