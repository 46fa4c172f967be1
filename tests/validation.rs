//! Bundle loading and validation, driven by `tests/cases/validation.json`: each case edits
//! the starter workspace (or gives raw text) and lists exactly the problems expected, with
//! their JSON paths. Add a case there, not a function here.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::{starter, Bundle, Lang};
use serde_json::Value;

fn apply(doc: &mut Value, edit: &Value) {
    if let Some(ptr) = edit.get("set").and_then(Value::as_str) {
        let (parent, key) = ptr.rsplit_once('/').expect("pointer has a parent");
        let target = doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no `{parent}`"));
        let to = edit["to"].clone();
        match target {
            Value::Object(map) => {
                map.insert(key.to_string(), to);
            }
            Value::Array(items) => items[key.parse::<usize>().expect("index")] = to,
            other => panic!("cannot set inside {other}"),
        }
    } else if let Some(ptr) = edit.get("remove").and_then(Value::as_str) {
        let (parent, key) = ptr.rsplit_once('/').expect("pointer has a parent");
        match doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no `{parent}`"))
        {
            Value::Object(map) => {
                map.remove(key).unwrap_or_else(|| panic!("no `{ptr}`"));
            }
            Value::Array(items) => {
                items.remove(key.parse::<usize>().expect("index"));
            }
            other => panic!("cannot remove from {other}"),
        }
    } else {
        panic!("unknown edit {edit}");
    }
}

#[test]
fn validation_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/validation.json")).expect("case file is JSON");
    assert!(cases.len() >= 30, "the case file lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().expect("name");
        let text = match case.get("raw").and_then(Value::as_str) {
            Some(raw) => raw.to_string(),
            None => {
                let lang = Lang::parse(case.get("lang").and_then(Value::as_str).unwrap_or("zh"))
                    .expect("lang");
                let mut doc: Value =
                    serde_json::from_str(&starter::bundle(lang).to_json()).expect("starter JSON");
                for edit in case["edits"].as_array().expect("edits") {
                    apply(&mut doc, edit);
                }
                serde_json::to_string_pretty(&doc).expect("serialize")
            }
        };
        let got: Vec<(String, String)> = match Bundle::from_json(&text) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .problems
                .iter()
                .map(|p| (p.path.clone(), p.kind.code().to_string()))
                .collect(),
        };
        let want: Vec<(String, String)> = case["expect"]
            .as_array()
            .expect("expect")
            .iter()
            .map(|p| {
                (
                    p["path"].as_str().expect("path").to_string(),
                    p["code"].as_str().expect("code").to_string(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{name}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The app's own storage may hold work in progress that does not validate (a scheme being
/// edited); it still loads, with its problems, while a file with the same text is refused.
#[test]
fn stored_work_with_problems_still_loads() {
    let mut b = policy_playground::core::starter::bundle(policy_playground::core::Lang::Zh);
    b.naming.retain(|s| s.id != "group");
    let text = b.to_json();
    assert!(Bundle::from_json(&text).is_err(), "a file is refused");
    let (loaded, problems) = Bundle::from_json_with_problems(&text).expect("deserializes");
    assert_eq!(loaded, b, "nothing of the work is lost");
    assert_eq!(
        problems
            .iter()
            .map(|p| (p.path.as_str(), p.kind.code()))
            .collect::<Vec<_>>(),
        vec![("$.inventory.scheme", "unknown_ref")]
    );
    assert!(Bundle::from_json_with_problems("{\"schema_version\": 1, \"policy\": 3}").is_err());
}
