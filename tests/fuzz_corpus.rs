//! The naming fuzz target's checks on stable, in every `cargo test`: the committed seed
//! corpus (`fuzz/corpus/naming/`), mutations of it and pseudo-random inputs from a fixed
//! seed, all through `naming_one_input`, the function the cargo-fuzz target wraps
//! (`make fuzz` runs the real fuzzer).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use policy_playground::core::naming::fuzzing::naming_one_input;

/// xorshift64: a fixed, dependency-free sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/naming");
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fuzz/corpus/naming exists")
        .map(|e| {
            let path = e.expect("entry").path();
            let data = std::fs::read(&path).expect("readable seed");
            (path.display().to_string(), data)
        })
        .collect();
    seeds.sort();
    seeds
}

#[test]
fn the_seed_corpus_passes() {
    let seeds = seeds();
    assert!(seeds.len() >= 10, "the seed corpus is there");
    for (path, data) in &seeds {
        let run = std::panic::catch_unwind(|| naming_one_input(data));
        assert!(run.is_ok(), "seed {path} fails");
    }
}

#[test]
fn mutated_seeds_pass() {
    let mut rng = Rng(0x005E_ED0F_F022);
    for (path, data) in seeds() {
        for _ in 0..150 {
            let mut d = data.clone();
            for _ in 0..1 + rng.below(4) {
                match rng.below(4) {
                    0 if !d.is_empty() => {
                        let i = rng.below(d.len());
                        d[i] = rng.next() as u8;
                    }
                    1 if !d.is_empty() => {
                        let i = rng.below(d.len());
                        d.remove(i);
                    }
                    2 => {
                        let i = rng.below(d.len() + 1);
                        d.insert(i, rng.next() as u8);
                    }
                    _ if !d.is_empty() => {
                        // Repeat a slice, as fuzzers do.
                        let i = rng.below(d.len());
                        let j = (i + 1 + rng.below(8)).min(d.len());
                        let copy = d[i..j].to_vec();
                        let at = rng.below(d.len() + 1);
                        d.splice(at..at, copy);
                    }
                    _ => {}
                }
            }
            let run = std::panic::catch_unwind(|| naming_one_input(&d));
            assert!(run.is_ok(), "a mutation of {path} fails: {d:?}");
        }
    }
}

#[test]
fn random_inputs_pass() {
    let mut rng = Rng(0x00C0_FFEE_1234_5678);
    for _ in 0..4000 {
        let len = rng.below(160);
        let data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let run = std::panic::catch_unwind(|| naming_one_input(&data));
        assert!(run.is_ok(), "input fails: {data:?}");
    }
}
