//! Any bytes as a text file: sniffing, decoding, the CSV reader, header
//! detection, the column mapper and value parsing. Must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use perspectief_core::ingest::load::load;
use perspectief_core::ingest::steunpunt::known_with;

fuzz_target!(|data: &[u8]| {
    let _ = load("registratie.csv", data, None, &known_with(&[]));
    let _ = perspectief_core::ingest::plain::columns("data.csv", data);
});
