//! The column mapper: any header text for every kind of file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use perspectief_core::ingest::fields::field_for_header;
use perspectief_core::kind::FileKind;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        for kind in [FileKind::Registration, FileKind::National, FileKind::Characteristics] {
            let _ = field_for_header(s, kind);
        }
        let _ = perspectief_core::ingest::fold::fold_words(s);
    }
});
