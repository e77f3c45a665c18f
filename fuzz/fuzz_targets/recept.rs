//! The recept (JSON) loader: any text gives a recept or a Dutch message.
#![no_main]
use libfuzzer_sys::fuzz_target;
use perspectief_core::recept::Recept;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(r) = Recept::parse(s) {
            // What parses, writes and parses to the same recept.
            assert_eq!(Recept::parse(&r.to_json()).unwrap(), r);
        }
    }
});
