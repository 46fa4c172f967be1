//! The group inventory audit, driven by `tests/cases/inventory.json`. Each case gives a CSV
//! text, the audit date, optionally the language of the starter workspace and overrides of
//! its inventory rules, and expects exactly:
//! - `groups`: every group row as `[line, [finding codes in order]]`, optionally with the
//!   name as read as a third item;
//! - `errors`: every row error as `[line, code]`;
//! - `header_error` and `scheme_problem`: a code, when there is one;
//! - `params`: some parameters of a finding (`line` and `code`), a row error (`line` and
//!   `error`) or the header problem (`header`).
//!
//! Add a case there, not a function here.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use policy_playground::core::naming::inventory::{
    audit, report_csv, Date, InventoryReport, InventoryRules, Severity, FINDINGS, ROW_ERRORS,
};
use policy_playground::core::{csv, starter, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};

fn cases() -> Vec<Value> {
    serde_json::from_str(include_str!("cases/inventory.json")).expect("case file is JSON")
}

fn run(case: &Value) -> InventoryReport {
    let lang = Lang::parse(case.get("lang").and_then(Value::as_str).unwrap_or("zh")).expect("lang");
    let bundle = starter::bundle(lang);
    let mut rules = serde_json::to_value(&bundle.inventory).expect("rules serialize");
    if let Some(Value::Object(overrides)) = case.get("rules") {
        for (k, v) in overrides {
            rules[k] = v.clone();
        }
    }
    let rules: InventoryRules = serde_json::from_value(rules).expect("rules");
    let as_of = Date::parse_iso(case["as_of"].as_str().expect("as_of")).expect("real as_of");
    audit(case["csv"].as_str().expect("csv"), &bundle, &rules, as_of)
}

fn params_json(params: &[(&'static str, String)]) -> Value {
    params
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect()
}

/// Problems with one case, as readable lines.
fn check(case: &Value, report: &InventoryReport) -> Vec<String> {
    let mut out = Vec::new();
    let want_groups = case["groups"].as_array().expect("groups");
    let got_groups: Vec<Value> = report
        .groups
        .iter()
        .zip(want_groups.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|(g, want)| {
            let codes: Vec<&str> = g.findings.iter().map(|f| f.code).collect();
            match want.and_then(|w| w.get(2)) {
                Some(_) => json!([g.line, codes, g.name]),
                None => json!([g.line, codes]),
            }
        })
        .collect();
    if &got_groups != want_groups {
        out.push(format!(
            "groups\n    want {}\n    got  {}",
            Value::from(want_groups.clone()),
            Value::from(got_groups)
        ));
    }
    let got_errors: Vec<Value> = report
        .row_errors
        .iter()
        .map(|e| json!([e.line, e.code]))
        .collect();
    if &got_errors != case["errors"].as_array().expect("errors") {
        out.push(format!(
            "errors\n    want {}\n    got  {}",
            case["errors"],
            Value::from(got_errors)
        ));
    }
    for (key, got) in [
        ("header_error", &report.header_error),
        ("scheme_problem", &report.scheme_problem),
    ] {
        let got = got.as_ref().map(|p| p.code);
        if case.get(key).and_then(Value::as_str) != got {
            out.push(format!("{key}: want {:?}, got {got:?}", case.get(key)));
        }
    }
    for p in case
        .get("params")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let line = p.get("line").and_then(Value::as_u64).map(|l| l as usize);
        let got = if let Some(code) = p.get("code").and_then(Value::as_str) {
            report
                .groups
                .iter()
                .filter(|g| Some(g.line) == line)
                .flat_map(|g| &g.findings)
                .find(|f| {
                    f.code == code
                        && p["params"]
                            .get("issue")
                            .is_none_or(|i| i == f.param("issue"))
                })
                .map(|f| params_json(&f.params))
        } else if let Some(code) = p.get("error").and_then(Value::as_str) {
            report
                .row_errors
                .iter()
                .find(|e| Some(e.line) == line && e.code == code)
                .map(|e| params_json(&e.params))
        } else {
            report
                .header_error
                .as_ref()
                .filter(|h| Some(h.code) == p["header"].as_str())
                .map(|h| params_json(&h.params))
        };
        let Some(got) = got else {
            out.push(format!("params: nothing matches {p}"));
            continue;
        };
        for (k, v) in p["params"].as_object().expect("params object") {
            if got.get(k) != Some(v) {
                out.push(format!("params of {p}: `{k}` is {:?}", got.get(k)));
            }
        }
    }
    out
}

#[test]
fn inventory_cases() {
    let cases = cases();
    assert!(cases.len() >= 30, "the case file lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let problems = check(case, &run(case));
        if !problems.is_empty() {
            failures.push(format!(
                "{}\n  {}",
                case["name"].as_str().expect("name"),
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_cases_cover_every_code() {
    let mut seen = BTreeSet::new();
    for case in cases() {
        let report = run(&case);
        seen.extend(
            report
                .groups
                .iter()
                .flat_map(|g| g.findings.iter().map(|f| f.code)),
        );
        seen.extend(report.row_errors.iter().map(|e| e.code));
        seen.extend(report.header_error.iter().map(|h| h.code));
        seen.extend(report.scheme_problem.iter().map(|h| h.code));
    }
    for code in FINDINGS
        .iter()
        .map(|(c, _, _)| *c)
        .chain(ROW_ERRORS.iter().copied())
    {
        assert!(seen.contains(code), "no case produces `{code}`");
    }
    for code in [
        "no_header",
        "bad_header",
        "missing_columns",
        "unknown_scheme",
    ] {
        assert!(seen.contains(code), "no case produces `{code}`");
    }
}

#[test]
fn every_finding_has_a_severity_an_action_and_a_message() {
    let codes: BTreeSet<&str> = FINDINGS.iter().map(|(c, _, _)| *c).collect();
    assert_eq!(codes.len(), FINDINGS.len(), "codes are unique");
    for case in cases() {
        for g in run(&case).groups {
            for f in &g.findings {
                let (_, severity, action) = FINDINGS
                    .iter()
                    .find(|(c, _, _)| *c == f.code)
                    .expect("a listed code");
                assert_eq!((f.severity, f.action), (*severity, *action));
                let message = f.message();
                assert!(!message.is_empty() && message != f.code, "{message}");
            }
        }
    }
    let severity = |code: &str| {
        FINDINGS
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, s, _)| *s)
    };
    assert_eq!(severity("owner_left"), Some(Severity::Error));
    assert_eq!(severity("inactive"), Some(Severity::Warning));
}

/// The example file that the CLI test and the UI use.
const FIXTURE: &str = include_str!("fixtures/groups.csv");

fn fixture_report() -> InventoryReport {
    let bundle = starter::bundle(Lang::Zh);
    let as_of = Date::new(2025, 6, 30).expect("date");
    audit(FIXTURE, &bundle, &bundle.inventory, as_of)
}

#[test]
fn the_fixture_shows_most_rules() {
    let report = fixture_report();
    assert_eq!(report.header_error, None);
    assert_eq!(report.groups.len(), 15);
    assert_eq!(report.row_errors.len(), 1);
    let counts = report.counts();
    for code in [
        "name",
        "type_mismatch",
        "no_owner",
        "owner_count",
        "owner_left",
        "member_left",
        "temporary_expired",
        "inactive",
        "customer_not_external",
        "external_not_customer",
    ] {
        assert!(counts.contains_key(code), "{code}: {counts:?}");
    }
    assert_eq!(
        counts["member_left"], 2,
        "groups, not findings, are counted"
    );
    assert_eq!(report.ok_count(), 3);
}

#[test]
fn the_report_opens_in_a_spreadsheet() {
    let report = fixture_report();
    let text = report_csv(&report);
    assert!(
        text.starts_with(csv::BOM),
        "Excel needs the BOM to read UTF-8"
    );
    let rows: Vec<Vec<String>> = csv::Reader::new(&text)
        .map(|r| r.fields.expect("readable"))
        .collect();
    assert_eq!(
        rows[0],
        ["line", "name", "owner", "code", "severity", "action", "message"]
    );
    let findings: usize = report.groups.iter().map(|g| g.findings.len()).sum();
    assert_eq!(
        rows.len(),
        1 + findings + report.ok_count() + report.row_errors.len()
    );
    let lines: Vec<usize> = rows[1..]
        .iter()
        .map(|r| r[0].parse().expect("line number"))
        .collect();
    assert!(
        lines.windows(2).all(|w| w[0] <= w[1]),
        "file order: {lines:?}"
    );
    assert_eq!(rows[1][3], "ok");
    let quoted = rows
        .iter()
        .find(|r| r[3] == "member_left" && r[0] == "4")
        .expect("member_left on line 4");
    assert_eq!(quoted[1], "【销售部】-【华东客户A】-【客户群】");
    assert_eq!(
        (quoted[4].as_str(), quoted[5].as_str()),
        ("error", "remove_members")
    );
    let bad = rows
        .iter()
        .find(|r| r[3] == "bad_date")
        .expect("the bad row");
    assert_eq!((bad[0].as_str(), bad[5].as_str()), ("16", "fix_row"));

    // Names that a spreadsheet would run as formulas are defused.
    let bundle = starter::bundle(Lang::Zh);
    let hostile = "name,owner,type,created,last_active,members,external\n\
                   \"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",张伟,项目群,2025-03-01,2025-06-28,张伟,否\n";
    let as_of = Date::new(2025, 6, 30).expect("date");
    let text = report_csv(&audit(hostile, &bundle, &bundle.inventory, as_of));
    assert!(text.contains("\"'=HYPERLINK("), "{text}");

    // A file that cannot be audited still gives a report with the reason.
    let text = report_csv(&audit("name\nx\n", &bundle, &bundle.inventory, as_of));
    let rows: Vec<Vec<String>> = csv::Reader::new(&text)
        .map(|r| r.fields.expect("readable"))
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][3], "missing_columns");
}

#[test]
fn a_scheme_that_does_not_compile_is_reported_once() {
    let mut bundle = starter::bundle(Lang::Zh);
    // Two values with nothing between them: the scheme cannot split names.
    bundle.naming[0].components.remove(2);
    let as_of = Date::new(2025, 6, 30).expect("date");
    let report = audit(FIXTURE, &bundle, &bundle.inventory, as_of);
    let problem = report.scheme_problem.as_ref().expect("scheme problem");
    assert_eq!(problem.code, "bad_scheme");
    assert!(problem.message().contains("group"), "{}", problem.message());
    assert!(report
        .groups
        .iter()
        .all(|g| g.findings.iter().all(|f| f.code != "name")));
    assert_eq!(report.groups.len(), 15, "every other rule still runs");
    let text = report_csv(&report);
    let second = csv::Reader::new(&text)
        .nth(1)
        .expect("a row")
        .fields
        .expect("readable");
    assert_eq!((second[0].as_str(), second[3].as_str()), ("", "bad_scheme"));
}

#[test]
fn older_files_without_rules_get_the_defaults() {
    let rules: InventoryRules = serde_json::from_str("{}").expect("empty rules");
    assert_eq!(rules, InventoryRules::default());
    let starter = starter::bundle(Lang::En).inventory;
    assert_eq!(
        InventoryRules {
            clause: starter.clause.clone(),
            ..InventoryRules::default()
        },
        starter,
        "the defaults are the starter's, except the clause"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text under a valid header: no panic, and every data line is accounted for once.
    #[test]
    fn audit_never_panics(body in "(?s)[a-z0-9,;\"\r\n 、马超张伟临时群客户群是否/-]{0,200}") {
        let bundle = starter::bundle(Lang::Zh);
        let as_of = Date::new(2025, 6, 30).expect("date");
        for text in [body.clone(), format!("name,owner,type,created,last_active,members,external\n{body}")] {
            let report = audit(&text, &bundle, &bundle.inventory, as_of);
            let _ = report_csv(&report);
            let mut lines: Vec<usize> = report.groups.iter().map(|g| g.line).collect();
            lines.dedup();
            prop_assert_eq!(lines.len(), report.groups.len());
        }
    }
}
