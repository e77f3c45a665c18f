//! The `chaid_params` target of `perspectief_core::fuzzing::run` (what it does is there, shared with the replay test).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| perspectief_core::fuzzing::run("chaid_params", data));
