//! The V-nummer normaliser and classifier, from text and from number cells.
#![no_main]
use libfuzzer_sys::fuzz_target;
use perspectief_core::check::vnummer::{classify, VNummer};
use perspectief_core::ingest::records::RawId;

fuzz_target!(|data: &[u8]| {
    if let Some((&flag, rest)) = data.split_first() {
        if let Ok(text) = std::str::from_utf8(rest) {
            let v = classify(Some(&RawId { text: text.to_string(), numeric: flag & 1 == 1 }));
            if let VNummer::Valid(n) | VNummer::Repaired(n) = &v {
                assert!(n.len() == 10 && n.bytes().all(|b| b.is_ascii_digit()));
            }
        }
    }
});
