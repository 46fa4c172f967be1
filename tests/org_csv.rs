//! CSV import and export of people, driven by `tests/cases/org_csv.json`. Each case gives a
//! CSV text, optionally the language of the starter org (`zh` by default) and extra
//! `departments` and `roles` (`[id, name]`) added to it, and expects exactly:
//! - `people`: the ids imported, in order;
//! - `errors`: every row error as `[line, code]`;
//! - `problems`: every problem as `[code, [ids]]`;
//! - `header_error`: a code, when there is one;
//! - `resolved`: some imported people as `[id, dept, supervisor or null, [roles], status]`;
//! - `params`: some parameters of a row error (`line` and `error`) or of the header error
//!   (`header`).
//!
//! Add a case there, not a function here.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeSet, HashSet};

use policy_playground::core::org::{Department, Org, Person, Role, Status};
use policy_playground::core::org_csv::{
    export_people, import_people, supervision_problems, PeopleImport, EXPORT_HEADER, HEADER_ERRORS,
    PROBLEMS, ROW_ERRORS,
};
use policy_playground::core::{csv, starter, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};

fn cases() -> Vec<Value> {
    serde_json::from_str(include_str!("cases/org_csv.json")).expect("case file is JSON")
}

fn org_for(case: &Value) -> Org {
    let lang = Lang::parse(case.get("lang").and_then(Value::as_str).unwrap_or("zh")).expect("lang");
    let mut org = starter::bundle(lang).org;
    let pairs = |key: &str| -> Vec<(String, String)> {
        case.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    p[0].as_str().expect("id").to_string(),
                    p[1].as_str().expect("name").to_string(),
                )
            })
            .collect()
    };
    for (id, name) in pairs("departments") {
        org.departments.push(Department {
            id,
            name,
            parent: Some("ceo".into()),
            ..Department::default()
        });
    }
    for (id, name) in pairs("roles") {
        org.roles.push(Role {
            id,
            name,
            description: String::new(),
        });
    }
    org
}

fn run(case: &Value) -> PeopleImport {
    import_people(case["csv"].as_str().expect("csv"), &org_for(case))
}

fn params_json(params: &[(&'static str, String)]) -> Value {
    params
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect()
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Active => "active",
        Status::Left => "left",
    }
}

/// Problems with one case, as readable lines.
fn check(case: &Value, got: &PeopleImport) -> Vec<String> {
    let mut out = Vec::new();
    let mut compare = |what: &str, want: &Value, got: Value| {
        if want != &got {
            out.push(format!("{what}\n    want {want}\n    got  {got}"));
        }
    };
    compare(
        "people",
        &case["people"],
        got.people.iter().map(|p| json!(p.id)).collect(),
    );
    compare(
        "errors",
        &case["errors"],
        got.row_errors
            .iter()
            .map(|e| json!([e.line, e.code]))
            .collect(),
    );
    compare(
        "problems",
        &case["problems"],
        got.problems
            .iter()
            .map(|p| json!([p.code, p.ids]))
            .collect(),
    );
    compare(
        "header_error",
        case.get("header_error").unwrap_or(&Value::Null),
        got.header_error
            .as_ref()
            .map_or(Value::Null, |h| json!(h.code)),
    );
    for want in case
        .get("resolved")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = want[0].as_str().expect("id");
        let got = got
            .people
            .iter()
            .find(|p| p.id == id)
            .map_or(Value::Null, |p| {
                json!([p.id, p.dept, p.supervisor, p.roles, status(p.status)])
            });
        compare("resolved", want, got);
    }
    for p in case
        .get("params")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let line = p.get("line").and_then(Value::as_u64).map(|l| l as usize);
        let found = if let Some(code) = p.get("error").and_then(Value::as_str) {
            got.row_errors
                .iter()
                .find(|e| Some(e.line) == line && e.code == code)
                .map(|e| params_json(&e.params))
        } else {
            got.header_error
                .as_ref()
                .filter(|h| Some(h.code) == p["header"].as_str())
                .map(|h| params_json(&h.params))
        };
        let Some(found) = found else {
            out.push(format!("params: nothing matches {p}"));
            continue;
        };
        for (k, v) in p["params"].as_object().expect("params object") {
            if found.get(k) != Some(v) {
                out.push(format!("params of {p}: `{k}` is {:?}", found.get(k)));
            }
        }
    }
    out
}

#[test]
fn org_csv_cases() {
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
fn the_cases_cover_every_code_and_every_code_has_a_message() {
    let mut seen = BTreeSet::new();
    for case in cases() {
        let got = run(&case);
        for e in &got.row_errors {
            assert!(ROW_ERRORS.contains(&e.code), "unlisted {}", e.code);
            let m = e.message();
            assert!(!m.is_empty() && m != e.code, "{m}");
            seen.insert(e.code);
        }
        for p in got.header_error.iter().chain(&got.problems) {
            assert!(
                HEADER_ERRORS.contains(&p.code) || PROBLEMS.contains(&p.code),
                "unlisted {}",
                p.code
            );
            let m = p.message();
            assert!(!m.is_empty() && m != p.code, "{m}");
            seen.insert(p.code);
        }
    }
    for code in ROW_ERRORS.iter().chain(HEADER_ERRORS).chain(PROBLEMS) {
        assert!(seen.contains(code), "no case produces `{code}`");
    }
}

#[test]
fn the_starter_org_round_trips_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let org = starter::bundle(lang).org;
        let text = export_people(&org);
        assert!(text.starts_with(csv::BOM), "Excel needs the BOM");
        assert!(text.contains("\r\n"));
        let header = csv::headers(&text);
        assert_eq!(header, EXPORT_HEADER);
        let got = import_people(&text, &org);
        assert_eq!(got.header_error, None);
        assert_eq!(got.row_errors, vec![]);
        assert_eq!(got.problems, vec![]);
        assert_eq!(got.people, org.people, "{lang:?}");
        assert_eq!(got.lines, (2..2 + org.people.len()).collect::<Vec<_>>());
    }
}

#[test]
fn the_export_shows_roles_status_and_guards_formulas() {
    let mut org = starter::bundle(Lang::Zh).org;
    let text = export_people(&org);
    let rows: Vec<Vec<String>> = csv::Reader::new(&text)
        .map(|r| r.fields.expect("readable"))
        .collect();
    assert_eq!(
        rows[1],
        ["zhou", "周宏", "ceo", "", "general_manager", "active"]
    );
    assert!(rows.iter().any(|r| r[0] == "ma" && r[5] == "left"));

    org.people[1].name = "=HYPERLINK(\"http://x\")".into();
    org.people[1].roles = vec!["accountant".into(), "finance_manager".into()];
    let text = export_people(&org);
    assert!(text.contains("\"'=HYPERLINK("), "{text}");
    assert!(text.contains(",accountant;finance_manager,"), "{text}");
    let got = import_people(&text, &org);
    assert_eq!(got.people, org.people, "the guard is dropped on import");
}

#[test]
fn the_cycle_finder_reports_each_loop_once_and_is_linear() {
    let person = |id: &str, sup: Option<&str>| Person {
        id: id.into(),
        name: id.into(),
        dept: "ceo".into(),
        supervisor: sup.map(Into::into),
        ..Person::default()
    };
    // A tail leading into a loop, a loop, a self-link, and a dangling supervisor.
    let people = vec![
        person("t", Some("a")),
        person("a", Some("b")),
        person("b", Some("a")),
        person("s", Some("s")),
        person("u", Some("gone")),
    ];
    let got: Vec<(&str, Vec<String>)> = supervision_problems(&people)
        .into_iter()
        .map(|p| (p.code, p.ids))
        .collect();
    assert_eq!(
        got,
        vec![
            ("own_supervisor", vec!["s".to_string()]),
            ("cycle", vec!["a".into(), "b".into(), "a".into()]),
        ]
    );
    // A chain of 200,000 people closing into one loop is found quickly.
    let n = 200_000;
    let long: Vec<Person> = (0..n)
        .map(|i| {
            let id = format!("p{i}");
            let sup = format!("p{}", (i + 1) % n);
            person(&id, Some(&sup))
        })
        .collect();
    let got = supervision_problems(&long);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].ids.len(), n + 1);
}

fn text_strategy() -> impl Strategy<Value = String> {
    "(?s)[a-z0-9,;|\"\r\n 、'=\\-工号姓名部门上级角色状态在职离职周宏陈刚技术部总经办]{0,200}"
}

/// An org with generated people whose departments and roles exist.
fn org_strategy() -> impl Strategy<Value = Org> {
    let base = starter::bundle(Lang::Zh).org;
    let depts: Vec<String> = base.departments.iter().map(|d| d.id.clone()).collect();
    let roles: Vec<String> = base.roles.iter().map(|r| r.id.clone()).collect();
    let n_depts = depts.len();
    let n_roles = roles.len();
    proptest::collection::vec(
        (
            "[a-zA-Z0-9_=+@-]{1,6}",
            "[a-zA-Z周宏陈刚\"=+@-][a-zA-Z周宏陈刚,\"=+@ -]{0,6}[a-zA-Z周宏陈刚\"]",
            0..n_depts,
            proptest::option::of(0..40usize),
            proptest::collection::vec(0..n_roles, 0..3),
            any::<bool>(),
        ),
        0..25,
    )
    .prop_map(move |rows| {
        let mut org = base.clone();
        let mut seen = HashSet::new();
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|r| seen.insert(r.0.clone()))
            .collect();
        let ids: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        org.people = rows
            .into_iter()
            .map(|(id, name, d, sup, rs, left)| {
                let mut roles_of: Vec<String> = Vec::new();
                for r in rs {
                    if !roles_of.contains(&roles[r]) {
                        roles_of.push(roles[r].clone());
                    }
                }
                Person {
                    id,
                    name,
                    dept: depts[d].clone(),
                    supervisor: sup.and_then(|s| ids.get(s).cloned()),
                    roles: roles_of,
                    status: if left { Status::Left } else { Status::Active },
                }
            })
            .collect();
        org
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text, with or without a valid header: no panic; every person's department
    /// exists, every supervisor is an imported person, ids are unique, lines are in order.
    #[test]
    fn import_never_panics_and_keeps_references_whole(body in text_strategy()) {
        let org = starter::bundle(Lang::Zh).org;
        for text in [
            body.clone(),
            format!("id,name,dept,supervisor,roles,status\n{body}"),
            format!("\u{feff}工号,姓名,部门,直属上级,角色,状态\r\n{body}"),
        ] {
            let got = import_people(&text, &org);
            prop_assert_eq!(got.people.len(), got.lines.len());
            prop_assert!(got.lines.windows(2).all(|w| w[0] < w[1]));
            let ids: HashSet<&str> = got.people.iter().map(|p| p.id.as_str()).collect();
            prop_assert_eq!(ids.len(), got.people.len());
            for p in &got.people {
                prop_assert!(org.department(&p.dept).is_some(), "dept {}", p.dept);
                if let Some(s) = &p.supervisor {
                    prop_assert!(ids.contains(s.as_str()), "supervisor {}", s);
                }
                for r in &p.roles {
                    prop_assert!(org.role(r).is_some(), "role {}", r);
                }
            }
            for e in &got.row_errors {
                prop_assert!(ROW_ERRORS.contains(&e.code));
                let _ = e.message();
            }
            for p in got.header_error.iter().chain(&got.problems) {
                let _ = p.message();
            }
        }
    }

    /// Generated people (names without surrounding spaces; ids, names and roles that need
    /// quoting or the formula guard) read back exactly as exported.
    #[test]
    fn generated_orgs_round_trip(org in org_strategy()) {
        let got = import_people(&export_people(&org), &org);
        prop_assert_eq!(&got.row_errors, &vec![]);
        prop_assert_eq!(&got.people, &org.people);
    }
}
