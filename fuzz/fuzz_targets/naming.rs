//! Naming schemes and names from arbitrary bytes; the decoding and the checks live in
//! `policy_playground::core::naming::fuzzing`, which `tests/fuzz_corpus.rs` also runs.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    policy_playground::core::naming::fuzzing::naming_one_input(data);
});
