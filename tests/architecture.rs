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

/// Where each area's section of interface messages (`src/ui/i18n.rs`) may be used. A
/// section comes with its area's chunk and is registered as the area loads
/// (`src/ui/areas.rs`), so a message used anywhere else would be blank there. The demo
/// registers the naming and approvals sections too: it borrows their views.
const SECTION_HOMES: &[(&str, &[&str])] = &[
    (
        "Naming",
        &["src/ui/pages/naming/", "src/ui/pages/training/demo/"],
    ),
    (
        "Approvals",
        &["src/ui/pages/approvals/", "src/ui/pages/training/demo/"],
    ),
    ("Training", &["src/ui/pages/training/"]),
    (
        "Export",
        &[
            "src/ui/pages/export/",
            "src/ui/pages/export.rs",
            "src/ui/pages/versions.rs",
        ],
    ),
];

/// The messages of each section of `src/ui/i18n.rs`, by section name.
fn message_sections(i18n: &str) -> Vec<(String, Vec<String>)> {
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    for line in i18n.lines() {
        let trimmed = line.trim();
        // `    Shell {` or `    Naming(register_naming) {`
        let head = trimmed
            .strip_suffix(" {")
            .map(|h| h.split('(').next().unwrap_or(h));
        let is_section = line.starts_with("    ")
            && !line.starts_with("     ")
            && head.is_some_and(|h| {
                h.starts_with(|c: char| c.is_ascii_uppercase())
                    && h.chars().all(char::is_alphanumeric)
            });
        if is_section {
            sections.push((head.unwrap_or_default().to_string(), Vec::new()));
        } else if let (Some((key, _)), Some(last)) =
            (trimmed.split_once(" => \""), sections.last_mut())
        {
            last.1.push(key.to_string());
        }
    }
    sections
}

/// Every use of `K::key` for whole-word `key`.
fn uses(source: &str, key: &str) -> bool {
    let needle = format!("K::{key}");
    source.match_indices(&needle).any(|(i, _)| {
        !source[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn area_messages_are_used_only_where_their_area_is_loaded() {
    let i18n = fs::read_to_string("src/ui/i18n.rs").expect("i18n.rs");
    let sections = message_sections(&i18n);
    let names: Vec<&str> = sections.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Shell", "Naming", "Approvals", "Training", "Export"]
    );
    assert!(
        sections.iter().all(|(_, keys)| keys.len() > 20),
        "every section was read"
    );
    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            (
                p.to_string_lossy().replace('\\', "/"),
                fs::read_to_string(p).expect("source"),
            )
        })
        .collect();
    let mut misplaced = Vec::new();
    for (section, homes) in SECTION_HOMES {
        let (_, keys) = sections
            .iter()
            .find(|(n, _)| n == section)
            .expect("section");
        for key in keys {
            for (path, source) in &sources {
                let home = homes.iter().any(|h| path.starts_with(h));
                if !home && uses(source, key) {
                    misplaced.push(format!("K::{key} ({section}) in {path}"));
                }
            }
        }
    }
    assert!(
        misplaced.is_empty(),
        "move these messages to the Shell section of src/ui/i18n.rs: {misplaced:#?}"
    );
    // Each area registers its own section as it loads.
    let areas = fs::read_to_string("src/ui/areas.rs").expect("areas.rs");
    for register in [
        "register_naming",
        "register_approvals",
        "register_training",
        "register_export",
    ] {
        assert!(
            areas.contains(&format!("i18n::{register}")),
            "areas.rs calls {register}"
        );
    }
}

#[test]
fn area_code_is_reached_only_through_the_area_loaders() {
    // An area's views use its section of messages; code outside the areas that called
    // them would find those messages missing (the demo registers what it borrows).
    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    let allowed = |path: &str, area: &str| {
        path.starts_with(&format!("src/ui/pages/{area}"))
            || path == "src/ui/areas.rs"
            || path == "src/ui/pages/mod.rs"
            || (path.starts_with("src/ui/pages/training/demo/")
                && ["naming", "approvals"].contains(&area))
            || (area == "export" && path == "src/ui/pages/versions.rs")
    };
    let mut reached = Vec::new();
    for path in &files {
        let name = path.to_string_lossy().replace('\\', "/");
        let source = fs::read_to_string(path).expect("source");
        for area in ["naming", "approvals", "training", "export", "versions"] {
            let area_dir = if area == "versions" { "export" } else { area };
            if source.contains(&format!("pages::{area}")) && !allowed(&name, area_dir) {
                reached.push(format!("{name} uses pages::{area}"));
            }
        }
    }
    assert!(reached.is_empty(), "{reached:#?}");
}

#[test]
fn area_stylesheets_come_with_their_areas() {
    // index.html links the first load's stylesheet only; the others are added by the
    // loaders of the parts that use them (src/ui/styles.rs), so they travel in those chunks.
    let index = fs::read_to_string("index.html").expect("index.html");
    let linked: Vec<&str> = index
        .lines()
        .filter(|l| l.contains("rel=\"css\""))
        .collect();
    assert_eq!(linked.len(), 1, "{linked:#?}");
    assert!(linked[0].contains("style/main.css"), "{linked:#?}");

    let styles = fs::read_to_string("src/ui/styles.rs").expect("styles.rs");
    let sheets: Vec<(&str, &str)> = styles
        .lines()
        .filter_map(|l| l.trim().strip_suffix("\";")?.split_once(" => \""))
        .collect();
    let mut in_style_dir: Vec<String> = fs::read_dir("style")
        .expect("style/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".css") && f != "main.css")
        .collect();
    in_style_dir.sort();
    let mut declared: Vec<String> = sheets.iter().map(|(_, f)| f.to_string()).collect();
    declared.sort();
    assert_eq!(
        declared, in_style_dir,
        "every sheet but main.css is declared in styles.rs"
    );

    let mut files = Vec::new();
    rust_files(Path::new("src/ui"), &mut files);
    let areas = fs::read_to_string("src/ui/areas.rs").expect("areas.rs");
    for (name, file) in &sheets {
        let sheet = format!("styles::{name}");
        assert!(
            mentions(&areas, &sheet),
            "no loader in areas.rs adds {file}"
        );
        for path in &files {
            let path = path.to_string_lossy().replace('\\', "/");
            if path == "src/ui/areas.rs" || path == "src/ui/styles.rs" {
                continue;
            }
            let source = fs::read_to_string(&path).expect("source");
            assert!(
                !mentions(&source, &sheet),
                "{path} adds {file}: only the loaders in areas.rs do, so it comes with a chunk"
            );
        }
    }
}

/// Whether `source` has `path` as a whole path (`styles::training` is not in
/// `styles::training_editor`).
fn mentions(source: &str, path: &str) -> bool {
    source.match_indices(path).any(|(i, _)| {
        !source[i + path.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}
