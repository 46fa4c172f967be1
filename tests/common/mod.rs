//! Helpers shared by the integration tests: loading a case file, JSON-pointer edits of the
//! starter, partial JSON matching (`tests/batch.rs`, `tests/timing.rs`), and a starter whose
//! leave supervisor is chosen by the requester (`tests/cli.rs`, `tests/simulate.rs`).
#![allow(dead_code)]

use policy_playground::core::calendar::DateTime;
use serde_json::Value;

/// A case file from `tests/cases/`.
pub fn load(name: &str) -> Value {
    let path = format!("{}/tests/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("case file")).expect("JSON")
}

/// A time written `YYYY-MM-DDTHH:MM`.
pub fn dt(s: &str) -> DateTime {
    DateTime::parse(s).unwrap_or_else(|| panic!("bad time `{s}`"))
}

/// Applies `{"set": "/json/pointer", "to": value}` edits (the pointer's parent must exist).
pub fn edit(doc: &mut Value, edits: &[Value]) {
    for e in edits {
        let ptr = e["set"].as_str().expect("set");
        let (parent, key) = ptr.rsplit_once('/').expect("pointer has a parent");
        match doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no `{parent}`"))
        {
            Value::Object(map) => {
                map.insert(key.to_string(), e["to"].clone());
            }
            Value::Array(items) => items[key.parse::<usize>().expect("index")] = e["to"].clone(),
            other => panic!("cannot set inside {other}"),
        }
    }
}

/// Whether `expected` holds in `actual`: objects by the keys `expected` lists, lists in
/// full, numbers by value (to 1e-9). Every difference goes to `out` with its path.
pub fn matches(expected: &Value, actual: &Value, at: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(x) => matches(v, x, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!("{at}: expected {expected}, got {actual}"));
                return;
            }
            for (i, (v, x)) in e.iter().zip(a).enumerate() {
                matches(v, x, &format!("{at}[{i}]"), out);
            }
        }
        (Value::Number(e), Value::Number(a))
            if (e.as_f64().unwrap_or(f64::NAN) - a.as_f64().unwrap_or(f64::NAN)).abs() < 1e-9 => {}
        (e, a) if e == a => {}
        _ => out.push(format!("{at}: expected {expected}, got {actual}")),
    }
}

/// Makes the first step of the starter's leave template (the direct supervisor) one whose
/// approver the requester chooses.
pub fn supervisor_chosen_by_requester(bundle: &mut policy_playground::core::Bundle) {
    use policy_playground::core::routing::{ApproverSpec, FlowNode};
    let leave = bundle
        .approvals
        .templates
        .iter_mut()
        .find(|t| t.id == "leave")
        .expect("leave");
    let FlowNode::Step(step) = &mut leave.flow[0] else {
        panic!("the leave flow starts with a step");
    };
    step.approvers = vec![ApproverSpec::ChosenByRequester];
}
