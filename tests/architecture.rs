//! Architecture invariants (see README): `core` never touches the browser or the UI
//! framework, reads no clock and no randomness; the browser UI is compiled only for wasm.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Things `src/core` must not mention, with why.
const FORBIDDEN: &[(&str, &str)] = &[
    ("leptos", "the UI framework"),
    ("web_sys", "browser bindings"),
    ("wasm_bindgen", "browser bindings"),
    ("js_sys", "browser bindings"),
    ("gloo", "browser helpers"),
    ("crate::ui", "the UI layer"),
    ("SystemTime", "the clock (pass time in)"),
    ("Instant::now", "the clock (pass time in)"),
    ("thread_rng", "randomness (pass a seed in)"),
];

/// Every forbidden word found in Rust source text, ignoring comments.
fn violations(source: &str) -> Vec<&'static str> {
    let code: String = source
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    FORBIDDEN
        .iter()
        .filter(|(word, _)| {
            code.match_indices(word).any(|(i, _)| {
                let before = code[..i].chars().last();
                let after = code[i + word.len()..].chars().next();
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !ident(before) && !ident(after)
            })
        })
        .map(|(word, _)| *word)
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_checker_catches_what_it_should() {
    assert_eq!(violations("use leptos::prelude::*;"), ["leptos"]);
    assert_eq!(violations("let w = web_sys::window();"), ["web_sys"]);
    assert_eq!(violations("use wasm_bindgen::JsCast;"), ["wasm_bindgen"]);
    assert_eq!(
        violations("let t = std::time::SystemTime::now();"),
        ["SystemTime"]
    );
    assert!(violations("// leptos in a comment is fine\nlet leptos_like = 1;").is_empty());
}

#[test]
fn core_is_free_of_browser_and_ui() {
    let mut files = Vec::new();
    rust_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/core")),
        &mut files,
    );
    assert!(files.len() >= 10, "found the core sources");
    let mut problems = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).expect("readable");
        for word in violations(&text) {
            let why = FORBIDDEN
                .iter()
                .find(|(w, _)| *w == word)
                .map_or("", |(_, why)| why);
            problems.push(format!("{} uses `{word}` ({why})", f.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "core must stay pure:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_cli_and_ui_stay_apart() {
    let lib =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).expect("lib.rs");
    assert!(
        lib.contains("#[cfg(target_arch = \"wasm32\")]\npub mod ui;"),
        "ui is compiled for the browser only"
    );
    let cli =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/bin/ppg.rs")).expect("ppg.rs");
    assert!(
        !cli.contains("::ui"),
        "the command-line tool does not use the UI"
    );
    let manifest =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).expect("Cargo.toml");
    let browser_deps = manifest
        .split("[target.'cfg(target_arch = \"wasm32\")'.dependencies]")
        .nth(1)
        .expect("wasm-only deps");
    assert!(
        browser_deps.contains("leptos"),
        "leptos is a wasm-only dependency"
    );
}
