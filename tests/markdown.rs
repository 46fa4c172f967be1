//! Clause Markdown is rendered inert: cases in `tests/cases/markdown.json` (hostile input
//! among them), plus a property test over arbitrary text.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::markdown;
use proptest::prelude::*;
use serde_json::Value;

#[test]
fn markdown_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/markdown.json")).expect("case file is JSON");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().expect("name");
        let html = markdown::render(case["input"].as_str().expect("input"));
        for want in case["contains"].as_array().expect("contains") {
            let want = want.as_str().expect("string");
            if !html.contains(want) {
                failures.push(format!("{name}: missing {want:?} in {html:?}"));
            }
        }
        for bad in case["absent"].as_array().expect("absent") {
            let bad = bad.as_str().expect("string");
            if html.to_lowercase().contains(&bad.to_lowercase()) {
                failures.push(format!("{name}: found {bad:?} in {html:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn safe_urls() {
    for ok in [
        "https://a.b",
        "HTTP://a",
        "mailto:x@y",
        "tel:+86",
        "#frag",
        "relative/path",
        "/abs",
        "?q=1",
        "dir/a:b",
    ] {
        assert!(markdown::is_safe_url(ok), "{ok} should be safe");
    }
    for bad in [
        "javascript:alert(1)",
        " javascript:x",
        "JAVASCRIPT:x",
        "java\nscript:x",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
        "a:b/c#/x:y",
    ] {
        assert!(!markdown::is_safe_url(bad), "{bad:?} should be refused");
    }
}

proptest! {
    /// Whatever is typed, no element that can run code or load anything comes out.
    #[test]
    fn arbitrary_text_is_inert(src in "(?s).{0,300}", tag in prop::sample::select(vec!["script", "img", "iframe", "svg", "style", "a href=\"javascript:x\"", "object", "embed"])) {
        let input = format!("{src}<{tag}>{src}[l](javascript:{src})![i]({src})");
        let html = markdown::render(&input).to_lowercase();
        for bad in ["<script", "<img", "<iframe", "<svg", "<style", "<object", "<embed"] {
            prop_assert!(!html.contains(bad), "{bad} in {html}");
        }
        // Real tags start with `<` (text is escaped); none may carry a script URL or handler.
        for tag in html.split('<').skip(1) {
            let inside = tag.split('>').next().unwrap_or_default();
            prop_assert!(!inside.contains("javascript:") && !inside.contains("onerror"), "<{inside}> in {html}");
        }
    }
}
