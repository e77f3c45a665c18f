//! Numbers (decimal comma, thousands dot), counts, yes/no and code synonyms.
#![no_main]
use libfuzzer_sys::fuzz_target;
use perspectief_core::ingest::values::{parse_count, parse_number, parse_yes_no};

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = parse_number(s);
        let _ = parse_count(s);
        let _ = parse_yes_no(s);
    }
});
