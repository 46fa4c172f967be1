//! The `ppg` command-line tool, run as a user would.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;

use policy_playground::core::{Bundle, Lang};

fn ppg(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ppg"))
        .args(args)
        .output()
        .expect("ppg runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ppg-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write");
    path
}

#[test]
fn default_prints_the_starter_in_both_languages() {
    let (code, zh, _) = ppg(&["bundle", "default"]);
    assert_eq!(code, 0);
    let zh = Bundle::from_json(&zh).expect("valid bundle");
    assert_eq!(zh.settings.lang, Lang::Zh);
    assert_eq!(zh.policy.meta.title, "企业微信办公使用规范");
    let (code, en, _) = ppg(&["bundle", "default", "--lang", "en"]);
    assert_eq!(code, 0);
    let en = Bundle::from_json(&en).expect("valid bundle");
    assert_eq!(en.settings.lang, Lang::En);
    assert_eq!(en.policy.meta.title, "Office Messaging Usage Code");
}

#[test]
fn default_rejects_unknown_language() {
    let (code, out, err) = ppg(&["bundle", "default", "--lang", "fr"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("unknown language `fr`"), "{err}");
}

#[test]
fn validate_exit_codes() {
    let (_, json, _) = ppg(&["bundle", "default"]);
    let good = temp_file("good.json", json.as_bytes());
    let (code, out, _) = ppg(&["bundle", "validate", good.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("valid"));

    let broken = json
        .replacen("\"dept\": \"rd1\"", "\"dept\": \"rd9\"", 1)
        .replacen("\"id\": \"wang\"", "\"id\": \"zhou\"", 1);
    let bad = temp_file("bad.json", broken.as_bytes());
    let (code, _, err) = ppg(&["bundle", "validate", bad.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("$.org.people[8].dept: unknown department `rd9`"),
        "{err}"
    );
    assert!(
        err.contains("duplicate id `zhou`"),
        "every problem is listed: {err}"
    );

    let not_json = temp_file("notjson.json", b"{ this is not json");
    let (code, _, err) = ppg(&["bundle", "validate", not_json.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2);
    assert!(err.contains("not valid JSON at line 1"), "{err}");

    let binary = temp_file("binary.json", &[0xff, 0xfe, 0x00, 0x81]);
    let (code, _, err) = ppg(&["bundle", "validate", binary.to_str().expect("utf-8 path")]);
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");

    let (code, _, err) = ppg(&["bundle", "validate", "/no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");

    let newer = temp_file(
        "newer.json",
        json.replacen("\"schema_version\": 1", "\"schema_version\": 7", 1)
            .as_bytes(),
    );
    let (code, _, err) = ppg(&["bundle", "validate", newer.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1);
    assert!(err.contains("newer version"), "{err}");
}

#[test]
fn usage_errors() {
    assert_eq!(ppg(&["bundle", "validate"]).0, 2);
    assert_eq!(ppg(&["frobnicate"]).0, 2);
    let (code, out, _) = ppg(&["help"]);
    assert_eq!(code, 0);
    assert!(out.contains("ppg bundle validate FILE"));
}

fn ppg_stdin(args: &[&str], input: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ppg"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ppg runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write");
    let out = child.wait_with_output().expect("ppg ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn naming_check_prints_one_object_per_input_line() {
    let input = "【技术部】-【ERP升级】-【项目群】\n技术部-ERP升级-项目群\r\n\n【技术部门】-【闲聊】-【项目群】";
    let (code, out, err) = ppg_stdin(&["naming", "check"], input.as_bytes());
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(
        lines.len(),
        4,
        "one object per input line, the blank one included"
    );
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[0]["violations"], serde_json::json!([]));
    assert_eq!(
        lines[1]["name"], "技术部-ERP升级-项目群",
        "the CRLF line break is not part of the name"
    );
    assert_eq!(lines[1]["suggestion"], "【技术部】-【ERP升级】-【项目群】");
    assert_eq!(lines[2]["name"], "");
    assert_eq!(lines[2]["violations"][0]["code"], "empty");
    let codes: Vec<&str> = lines[3]["violations"]
        .as_array()
        .expect("list")
        .iter()
        .map(|v| v["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, ["alias", "forbidden_word"]);
    assert_eq!(lines[3]["violations"][0]["component"], "dept");
    assert!(lines[3]["violations"][0]["message"]
        .as_str()
        .expect("message")
        .contains("技术部"));
    assert_eq!(
        lines[3]["suggestion"],
        serde_json::Value::Null,
        "no suggestion while a forbidden word remains"
    );
}

#[test]
fn naming_check_other_scheme_bundle_and_errors() {
    let (code, out, _) = ppg_stdin(
        &["naming", "check", "--scheme", "document"],
        "技术部_ERP升级_需求说明书_v2.1_20240520.docx\n".as_bytes(),
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    assert_eq!(
        v["suggestion"],
        "技术部_ERP升级_需求说明书_V2.1_20240520.docx"
    );

    let (_, json, _) = ppg(&["bundle", "default", "--lang", "en"]);
    let file = temp_file("en.json", json.as_bytes());
    let (code, out, _) = ppg_stdin(
        &["naming", "check", "--bundle", file.to_str().expect("path")],
        "【研发部】-【ERP升级】-【项目群】\n".as_bytes(),
    );
    assert_eq!(code, 0);
    assert!(out.contains("\"alias\""), "{out}");

    let (code, _, err) = ppg_stdin(&["naming", "check", "--scheme", "nope"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("group, document"), "{err}");
    assert_eq!(
        ppg_stdin(&["naming", "check", "--frobnicate", "x"], b"").0,
        2
    );
    // Bytes that are not UTF-8 do not stop the run.
    let (code, out, _) = ppg_stdin(&["naming", "check"], &[0xff, 0xfe, b'\n', b'a']);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
}

/// The example group list, relative to the package root.
fn groups_csv() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/groups.csv").to_string()
}

#[test]
fn naming_inventory_prints_one_object_per_row() {
    let csv = groups_csv();
    let (code, out, err) = ppg(&[
        "naming",
        "inventory",
        "--csv",
        &csv,
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code, 0, "findings are data, not failures: {err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 16, "15 groups and one bad row");
    let numbers: Vec<u64> = lines
        .iter()
        .map(|l| l["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(numbers, (2..=17).collect::<Vec<u64>>(), "file order");
    assert_eq!(lines[0]["name"], "【技术部】-【ERP升级】-【项目群】");
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[0]["findings"], serde_json::json!([]));

    let on_line = |n: u64| &lines[(n - 2) as usize];
    let codes = |n: u64| -> Vec<String> {
        on_line(n)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["code"].as_str().expect("code").to_string())
            .collect()
    };
    assert_eq!(codes(5), ["owner_left", "member_left"]);
    let owner_left = &on_line(5)["findings"][0];
    assert_eq!(owner_left["severity"], "error");
    assert_eq!(owner_left["action"], "assign_owner");
    assert!(
        owner_left["message"]
            .as_str()
            .expect("message")
            .contains("马超"),
        "{owner_left}"
    );
    assert_eq!(codes(6), ["temporary_expired"]);
    assert_eq!(on_line(6)["findings"][0]["severity"], "warning");
    assert_eq!(on_line(6)["findings"][0]["params"]["days"], "90");
    assert_eq!(codes(8), ["inactive"]);
    assert_eq!(codes(10), ["name"]);
    assert!(on_line(10)["findings"][0]["message"]
        .as_str()
        .expect("message")
        .contains("【技术部】-【值班】-【通知群】"));
    assert_eq!(codes(11), ["customer_not_external"]);
    assert_eq!(codes(12), ["external_not_customer"]);
    assert_eq!(on_line(16)["error"], "bad_date");
    assert!(on_line(16)["message"]
        .as_str()
        .expect("message")
        .contains("2025-13-01"));
    assert_eq!(codes(17), ["name"], "the row after the bad one is read");
}

#[test]
fn naming_inventory_errors() {
    let csv = groups_csv();
    // Missing options, a date that does not exist, an unknown option: usage, exit 2.
    for args in [
        &["naming", "inventory", "--csv", csv.as_str()][..],
        &["naming", "inventory", "--as-of", "2025-06-30"],
        &[
            "naming",
            "inventory",
            "--csv",
            &csv,
            "--as-of",
            "2025-02-30",
        ],
        &[
            "naming",
            "inventory",
            "--csv",
            &csv,
            "--as-of",
            "30/06/2025",
        ],
        &["naming", "inventory", "--csv", &csv, "--as-of"],
        &[
            "naming",
            "inventory",
            "--csv",
            &csv,
            "--as-of",
            "2025-06-30",
            "--lang",
            "en",
        ],
    ] {
        let (code, out, err) = ppg(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(
            err.contains("ppg naming inventory"),
            "usage is shown: {err}"
        );
    }
    // A file that cannot be read, or is not UTF-8 (GBK from an old Excel): exit 2.
    let (code, _, err) = ppg(&[
        "naming",
        "inventory",
        "--csv",
        "/no/such/groups.csv",
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let gbk = temp_file("gbk.csv", &[0xc8, 0xba, 0xc3, 0xfb, 0xb3, 0xc6, b'\n']);
    let (code, _, err) = ppg(&[
        "naming",
        "inventory",
        "--csv",
        gbk.to_str().expect("path"),
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
    // A header without the needed columns: exit 1, the reason on stderr, nothing on stdout.
    let partial = temp_file("partial.csv", "群名称,群主\nx,张伟\n".as_bytes());
    let (code, out, err) = ppg(&[
        "naming",
        "inventory",
        "--csv",
        partial.to_str().expect("path"),
        "--as-of",
        "2025-06-30",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("type, created, last_active, members, external"),
        "{err}"
    );
}

#[test]
fn naming_inventory_uses_the_rules_of_the_given_bundle() {
    let (_, json, _) = ppg(&["bundle", "default"]);
    let mut doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    doc["inventory"]["inactive_days"] = serde_json::json!(30);
    let file = temp_file("short.json", doc.to_string().as_bytes());
    let csv = groups_csv();
    let args = |bundle: Option<&str>| {
        let mut a = vec![
            "naming",
            "inventory",
            "--csv",
            &csv,
            "--as-of",
            "2025-06-30",
        ];
        if let Some(b) = bundle {
            a.extend(["--bundle", b]);
        }
        ppg(&a)
    };
    let inactive = |out: &str| out.matches("\"inactive\"").count();
    let (code, default_out, _) = args(None);
    assert_eq!(code, 0);
    let (code, short_out, err) = args(Some(file.to_str().expect("path")));
    assert_eq!(code, 0, "{err}");
    assert!(
        inactive(&short_out) > inactive(&default_out),
        "a 30-day limit finds more inactive groups"
    );
}

#[test]
fn route_simulate_prints_the_route_as_json() {
    let (code, out, err) = ppg(&[
        "route",
        "simulate",
        "--template",
        "doc_access",
        "--requester",
        "zhang",
        "--field",
        "classification=top_secret",
        "--field",
        "level=read",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(v["template"], "doc_access");
    assert_eq!(v["requester"], "zhang");
    let steps = v["steps"].as_array().expect("steps");
    let approvers: Vec<&serde_json::Value> = steps.iter().map(|s| &s["approvers"]).collect();
    assert_eq!(
        approvers,
        [
            &serde_json::json!(["chen"]),
            &serde_json::json!(["xu"]),
            &serde_json::json!(["zhou"])
        ]
    );
    assert_eq!(steps[2]["mode"], "all");
    assert_eq!(
        steps[2]["skipped"],
        serde_json::json!([{"id": "xu", "reason": "duplicate"}])
    );
    assert_eq!(v["cc"], serde_json::json!([]));
    let trace = v["trace"].as_array().expect("trace");
    assert!(trace
        .iter()
        .all(|t| t["code"].is_string() && t["message"].is_string() && t["params"].is_object()));
    assert!(trace.iter().any(|t| t["code"] == "skip_duplicate"));

    let (code, out, _) = ppg(&[
        "route",
        "simulate",
        "--template",
        "leave",
        "--requester",
        "wang",
        "--field",
        "leave_type=annual",
        "--field",
        "days=2",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["steps"][0]["approvers"], serde_json::json!(["zhou"]));
    assert_eq!(v["cc"], serde_json::json!([]));
}

#[test]
fn route_simulate_exit_codes() {
    // Refused and invalid requests: exit 1, the reason on standard error, nothing printed.
    for (args, needle) in [
        (
            vec![
                "--template",
                "leave",
                "--requester",
                "ma",
                "--field",
                "leave_type=annual",
                "--field",
                "days=1",
            ],
            "has left",
        ),
        (
            vec![
                "--template",
                "leave",
                "--requester",
                "zhang",
                "--field",
                "leave_type=annual",
            ],
            "`days` is required",
        ),
        (
            vec![
                "--template",
                "leave",
                "--requester",
                "zhang",
                "--field",
                "leave_type=annual",
                "--field",
                "days=3.25",
            ],
            "multiple of 0.5",
        ),
        (
            vec!["--template", "nope", "--requester", "zhang"],
            "no approval template `nope`",
        ),
    ] {
        let mut all = vec!["route", "simulate"];
        all.extend(args);
        let (code, out, err) = ppg(&all);
        assert_eq!(code, 1, "{all:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(needle), "{all:?}: {err}");
    }
    // Usage errors: exit 2.
    for args in [
        vec!["route", "simulate", "--template", "leave"],
        vec![
            "route",
            "simulate",
            "--template",
            "leave",
            "--requester",
            "zhang",
            "--field",
            "days",
        ],
        vec![
            "route",
            "simulate",
            "--template",
            "leave",
            "--template",
            "trip",
            "--requester",
            "zhang",
        ],
        vec!["route", "simulate", "--bogus", "x"],
        vec!["route", "test", "--bundle"],
    ] {
        let (code, _, _) = ppg(&args);
        assert_eq!(code, 2, "{args:?}");
    }
}

#[test]
fn route_simulate_takes_the_requesters_picks() {
    // The starter's leave template with the direct supervisor chosen by the requester.
    let (_, json, _) = ppg(&["bundle", "default", "--lang", "en"]);
    let mut bundle = Bundle::from_json(&json).expect("starter");
    common::supervisor_chosen_by_requester(&mut bundle);
    let file = temp_file("route-picks.json", bundle.to_json().as_bytes());
    let file = file.to_str().expect("path");
    let simulate = |extra: &[&str]| {
        let mut args = vec![
            "route",
            "simulate",
            "--bundle",
            file,
            "--template",
            "leave",
            "--requester",
            "zhang",
            "--field",
            "leave_type=annual",
            "--field",
            "days=1",
        ];
        args.extend_from_slice(extra);
        ppg(&args)
    };

    let (code, out, err) = simulate(&["--pick", "s-supervisor=xu, liu,zhang"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON object");
    assert_eq!(v["steps"][0]["step"], "s-supervisor");
    assert_eq!(v["steps"][0]["approvers"], serde_json::json!(["xu", "liu"]));
    assert_eq!(
        v["steps"][0]["skipped"],
        serde_json::json!([{"id": "zhang", "reason": "self"}])
    );
    let resolved = v["trace"]
        .as_array()
        .expect("trace")
        .iter()
        .find(|t| t["code"] == "resolved")
        .expect("resolved");
    assert_eq!(
        resolved["params"]["how"],
        "chosen by the requester when submitting"
    );

    // A missing, unknown or repeated pick: exit 1, the reason on standard error.
    for (extra, needle) in [
        (vec![], "none were picked"),
        (vec!["--pick", "s-supervisor="], "none were picked"),
        (
            vec!["--pick", "s-supervisor=ghost"],
            "`ghost`, who is not in the org chart",
        ),
        (vec!["--pick", "s-hr=he"], "no such step"),
        (
            vec!["--pick", "s-supervisor=liu", "--pick", "s-supervisor=xu"],
            "picked more than once",
        ),
    ] {
        let (code, out, err) = simulate(&extra);
        assert_eq!(code, 1, "{extra:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(needle), "{extra:?}: {err}");
    }
    // A pick that is not STEP=PEOPLE, or without a value: usage errors.
    for extra in [vec!["--pick", "s-supervisor"], vec!["--pick"]] {
        let (code, _, err) = simulate(&extra);
        assert_eq!(code, 2, "{extra:?}: {err}");
    }
}

#[test]
fn route_test_runs_the_fixtures() {
    let (code, out, err) = ppg(&["route", "test"]);
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 21, "{out}");
    assert!(lines[..20].iter().all(|l| l.starts_with("pass ")), "{out}");
    assert_eq!(lines[20], "20 fixture(s): 20 passed, 0 failed");

    // A fixture that no longer matches the rules fails with a diff, and the run exits 1.
    let (_, json, _) = ppg(&["bundle", "default", "--lang", "en"]);
    let mut bundle = Bundle::from_json(&json).expect("starter");
    let f = bundle
        .fixtures
        .iter_mut()
        .find(|f| f.id == "fx-leave-3")
        .expect("fixture");
    f.expect.steps = vec![vec!["chen".into()]];
    let file = temp_file("route-test.json", bundle.to_json().as_bytes());
    let (code, out, _) = ppg(&["route", "test", "--bundle", file.to_str().expect("path")]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("FAIL fx-leave-3")
                && l.contains("step 1: expected chen, got liu")),
        "{out}"
    );
    assert!(
        out.ends_with("20 fixture(s): 19 passed, 1 failed\n"),
        "{out}"
    );
}

#[test]
fn route_lint_prints_findings_and_exits_1_on_errors() {
    // The starter has warnings only (tests/lint.rs lists and justifies them): exit 0.
    let (code, out, err) = ppg(&["route", "lint"]);
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 11, "{out}");
    assert!(
        lines[..10].iter().all(|l| l.starts_with("warning ")),
        "{out}"
    );
    assert!(
        lines.contains(
            &"warning expense $.approvals.templates[1].flow[1].branch: no branch covers \
              `amount` in (0, 5000]: such requests take the block's empty default and get no \
              extra steps"
        ),
        "{out}"
    );
    assert_eq!(lines[10], "10 finding(s): 0 error(s), 10 warning(s)");

    // `>` on a select field is an error: exit 1.
    let (_, json, _) = ppg(&["bundle", "default", "--lang", "en"]);
    let mut bundle = Bundle::from_json(&json).expect("starter");
    let trip = bundle
        .approvals
        .templates
        .iter_mut()
        .find(|t| t.id == "trip")
        .expect("trip");
    let policy_playground::core::routing::FlowNode::Branch(block) = &mut trip.flow[1] else {
        panic!("trip's second node is a branch block");
    };
    block.branches[0].when.any_of[0][0].op = policy_playground::core::routing::Op::Gt;
    let file = temp_file("route-lint.json", bundle.to_json().as_bytes());
    let (code, out, _) = ppg(&["route", "lint", "--bundle", file.to_str().expect("path")]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines().any(|l| {
            l
            == "error trip $.approvals.templates[2].flow[1].branch.branches[0].when.any_of[0][0]: \
                `>` does not apply to `destination`, a select field"
        }),
        "{out}"
    );
    assert!(
        out.ends_with("11 finding(s): 1 error(s), 10 warning(s)\n"),
        "{out}"
    );

    // A condition on an unknown field: the workspace still loads for the lint, which
    // reports it; the validation problem goes to standard error.
    let mut bundle = Bundle::from_json(&json).expect("starter");
    let policy_playground::core::routing::FlowNode::Branch(block) =
        &mut bundle.approvals.templates[1].flow[1]
    else {
        panic!("expense's second node is a branch block");
    };
    block.branches[0].when.any_of[0][0].subject =
        policy_playground::core::routing::Subject::Field("amout".into());
    let file = temp_file("route-lint-unknown.json", bundle.to_json().as_bytes());
    let (code, out, err) = ppg(&["route", "lint", "--bundle", file.to_str().expect("path")]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("error expense $.approvals.templates[1].flow[1].branch.branches[0].when.any_of[0][0]: the condition looks at field `amout`"), "{out}");
    assert!(err.contains("validation problem"), "{err}");

    // Usage errors: exit 2.
    for args in [
        vec!["route", "lint", "--bundle"],
        vec!["route", "lint", "--bogus", "x"],
        vec!["route", "lint", "--bundle", "/nonexistent/ppg-lint.json"],
    ] {
        let (code, _, _) = ppg(&args);
        assert_eq!(code, 2, "{args:?}");
    }
}

#[test]
fn route_timeline_prints_the_timeline_as_json() {
    let leave = [
        "route",
        "timeline",
        "--template",
        "leave",
        "--requester",
        "zhang",
        "--field",
        "leave_type=annual",
        "--field",
        "days=5",
    ];
    // 张伟, 5 days, Friday 17:00: 4 working hours per step, over the weekend.
    let mut args = leave.to_vec();
    args.extend(["--submitted", "2026-11-20T17:00"]);
    let (code, out, err) = ppg(&args);
    assert_eq!(code, 0, "{err}");
    let t: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(t["template"], "leave");
    assert_eq!(t["requester"], "zhang");
    assert_eq!(t["submitted"], "2026-11-20T17:00");
    assert_eq!(t["finish"], "2026-11-24T11:00");
    assert_eq!(t["outcome"], "approved");
    assert_eq!(t["working_hours"], 12.0);
    assert_eq!(t["calendar_minutes"], 5400);
    let steps = t["steps"].as_array().expect("steps");
    let ends: Vec<&str> = steps
        .iter()
        .map(|s| s["end"].as_str().expect("end"))
        .collect();
    assert_eq!(
        ends,
        ["2026-11-23T12:00", "2026-11-23T16:00", "2026-11-24T11:00"]
    );
    assert_eq!(steps[0]["step"], "s-supervisor");
    assert_eq!(steps[0]["mode"], "single");
    assert_eq!(steps[0]["approvers"], serde_json::json!(["liu"]));
    assert_eq!(steps[0]["start"], "2026-11-20T17:00");
    assert_eq!(steps[0]["answered_by"], serde_json::json!(["liu"]));
    assert_eq!(steps[0]["working_hours"], 4.0);
    assert_eq!(steps[0]["escalations"], serde_json::json!([]));
    assert_eq!(t["breaches"], serde_json::json!([]));

    // A slow supervisor and a holiday: escalated to chen at the timeout, a breach recorded.
    let mut args = leave.to_vec();
    args.extend([
        "--submitted",
        "2026-11-18T09:00",
        "--response",
        "liu=10",
        "--holiday",
        "2026-11-19",
    ]);
    let (code, out, err) = ppg(&args);
    assert_eq!(code, 0, "{err}");
    let t: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    let first = &t["steps"][0];
    assert_eq!(first["end"], "2026-11-20T12:00");
    assert_eq!(first["answered_by"], serde_json::json!(["chen"]));
    assert_eq!(
        first["escalations"],
        serde_json::json!([{"at": "2026-11-18T17:00", "action": "supervisor", "from": "liu", "to": "chen"}])
    );
    assert_eq!(
        t["breaches"],
        serde_json::json!([{"step": "s-supervisor", "approver": "liu", "promised_hours": 8.0, "response_hours": 10.0}])
    );

    // Stochastic: the same seed gives the same timeline.
    let mut args = leave.to_vec();
    args.extend([
        "--submitted",
        "2026-11-20T17:00",
        "--stochastic",
        "--seed",
        "42",
    ]);
    let (code, a, err) = ppg(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(ppg(&args).1, a);
}

#[test]
fn route_timeline_exit_codes() {
    let base = [
        "route",
        "timeline",
        "--template",
        "leave",
        "--requester",
        "zhang",
        "--field",
        "leave_type=annual",
        "--field",
        "days=1",
    ];
    // Invalid requests and times: exit 1, the reason on standard error, nothing printed.
    for (extra, needle) in [
        (
            vec!["--submitted", "2026-02-30T10:00"],
            "not a real local time",
        ),
        (
            vec!["--submitted", "2026-11-20 25:00"],
            "not a real local time",
        ),
        (
            vec!["--submitted", "2026-11-20T10:00", "--holiday", "2026-13-01"],
            "not a real date",
        ),
        (
            vec!["--submitted", "2026-11-20T10:00", "--response", "nobody=3"],
            "no person `nobody`",
        ),
        (
            vec!["--submitted", "2026-11-20T10:00", "--field", "days=-1"],
            "days",
        ),
    ] {
        let mut args = base.to_vec();
        args.extend(extra.iter().copied());
        let (code, out, err) = ppg(&args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    let (code, _, err) = ppg(&[
        "route",
        "timeline",
        "--template",
        "leave",
        "--requester",
        "ma",
        "--field",
        "leave_type=annual",
        "--field",
        "days=1",
        "--submitted",
        "2026-11-20T10:00",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("has left"), "{err}");
    // Usage errors: exit 2.
    for extra in [
        vec![],
        vec!["--submitted", "2026-11-20T10:00", "--response", "liu"],
        vec!["--submitted", "2026-11-20T10:00", "--response", "liu=-2"],
        vec!["--submitted", "2026-11-20T10:00", "--seed", "x"],
        vec!["--submitted", "2026-11-20T10:00", "--bogus", "1"],
        vec!["--submitted"],
    ] {
        let mut args = base.to_vec();
        args.extend(extra.iter().copied());
        let (code, _, _) = ppg(&args);
        assert_eq!(code, 2, "{args:?}");
    }
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn route_batch_prints_the_metrics_of_a_csv_file() {
    let csv = fixture("requests.csv");
    let (code, out, err) = ppg(&["route", "batch", "--csv", &csv]);
    assert_eq!(code, 0, "{err}");
    let m: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    for key in [
        "count",
        "avg_working_hours",
        "p50_working_hours",
        "p90_working_hours",
        "pass_rate",
        "escalations",
        "breaches",
        "per_approver",
        "per_template",
        "per_branch",
        "bottlenecks",
        "row_errors",
    ] {
        assert!(m.get(key).is_some(), "{key} missing: {m}");
    }
    assert_eq!(m["count"], 7);
    assert_eq!(m["pass_rate"], 1.0);
    assert_eq!(m["per_template"]["leave"], 3);
    assert_eq!(m["per_approver"]["zhou"]["load"], 3);
    // Rows that cannot run: by line, with the reason; the run still succeeds.
    let lines: Vec<(u64, &str)> = m["row_errors"]
        .as_array()
        .expect("row_errors")
        .iter()
        .map(|e| {
            assert!(e["message"].as_str().is_some_and(|s| !s.is_empty()));
            (
                e["line"].as_u64().expect("line"),
                e["code"].as_str().expect("code"),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (9, "bad_time"),
            (10, "unknown_template"),
            (11, "missing_field"),
            (12, "field_count")
        ]
    );
    // The same file, the same output.
    assert_eq!(ppg(&["route", "batch", "--csv", &csv]).1, out);
}

#[test]
fn route_batch_generates_requests_by_seed() {
    let args = ["route", "batch", "--generate", "200", "--seed", "3"];
    let (code, a, err) = ppg(&args);
    assert_eq!(code, 0, "{err}");
    let m: serde_json::Value = serde_json::from_str(a.trim()).expect("one JSON object");
    assert_eq!(m["count"], 200);
    assert_eq!(m["row_errors"], serde_json::json!([]));
    assert_eq!(ppg(&args).1, a);
    let (_, b, _) = ppg(&["route", "batch", "--generate", "200", "--seed", "4"]);
    assert_ne!(a, b);
    let (code, c, err) = ppg(&[
        "route",
        "batch",
        "--generate",
        "50",
        "--stochastic",
        "--start",
        "2026-11-16 09:00",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(c.contains("\"count\":50"), "{c}");
}

#[test]
fn route_batch_exit_codes() {
    // The header cannot be used, or the file is empty: exit 1, nothing printed.
    let empty = temp_file("empty.csv", b"");
    let no_time = temp_file("no-time.csv", b"template,requester,days\nleave,zhang,1\n");
    for (file, needle) in [(&empty, "empty"), (&no_time, "submitted_at")] {
        let path = file.to_str().expect("utf-8 path");
        let (code, out, err) = ppg(&["route", "batch", "--csv", path]);
        assert_eq!(code, 1, "{err}");
        assert!(out.is_empty());
        assert!(err.contains(needle), "{err}");
    }
    let (code, _, err) = ppg(&[
        "route",
        "batch",
        "--generate",
        "5",
        "--start",
        "2026-02-30T09:00",
    ]);
    assert_eq!(code, 1, "{err}");
    // Usage errors and unreadable files: exit 2.
    let csv = fixture("requests.csv");
    let not_utf8 = temp_file("latin1.csv", b"template,requester,submitted_at\n\xe9\n");
    for args in [
        vec!["route", "batch"],
        vec!["route", "batch", "--csv", &csv, "--generate", "3"],
        vec!["route", "batch", "--generate", "many"],
        vec!["route", "batch", "--generate", "3", "--seed", "x"],
        vec!["route", "batch", "--csv", "/nonexistent/requests.csv"],
        vec![
            "route",
            "batch",
            "--csv",
            not_utf8.to_str().expect("utf-8 path"),
        ],
        vec![
            "route",
            "batch",
            "--csv",
            &csv,
            "--bundle",
            "/nonexistent.json",
        ],
        vec!["route", "batch", "--csv", &csv, "--base", "x.json"],
        vec!["route", "diff", "--csv", &csv],
        vec![
            "route",
            "diff",
            "--base",
            "/nonexistent.json",
            "--csv",
            &csv,
        ],
    ] {
        let (code, out, _) = ppg(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
    }
}

#[test]
fn route_diff_lists_the_requests_that_change() {
    // The leave threshold raised from 3 to 5 days in the new version.
    let (_, json, _) = ppg(&["bundle", "default"]);
    let old = temp_file("diff-old.json", json.as_bytes());
    let mut doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    doc["approvals"]["templates"][0]["flow"][1]["branch"]["branches"][0]["when"]["any_of"][0][0]
        ["value"] = serde_json::json!(5);
    let new = temp_file("diff-new.json", doc.to_string().as_bytes());
    let csv = temp_file(
        "diff.csv",
        "template,requester,submitted_at,leave_type,days\n\
         leave,zhang,2026-11-16T09:00,annual,3\n\
         leave,zhang,2026-11-16T09:00,annual,4\n\
         leave,zhang,2026-11-16T09:00,annual,6\n\
         leave,zhang,2026-11-16T09:00,annual,0\n"
            .as_bytes(),
    );
    let (old, new, csv) = (
        old.to_str().expect("utf-8 path"),
        new.to_str().expect("utf-8 path"),
        csv.to_str().expect("utf-8 path"),
    );
    let (code, out, err) = ppg(&[
        "route", "diff", "--base", old, "--bundle", new, "--csv", csv,
    ]);
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    let changed = d["changed"].as_array().expect("changed");
    assert_eq!(changed.len(), 1, "{d}");
    assert_eq!(changed[0]["row"], 3);
    assert_eq!(changed[0]["old"]["steps"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        changed[0]["new"]["steps"],
        serde_json::json!([{"step": "s-supervisor", "approvers": ["liu"]}])
    );
    assert_eq!(d["base"]["count"], 3);
    assert_eq!(d["new"]["count"], 3);
    assert_eq!(
        d["base"]["avg_working_hours"],
        serde_json::json!(28.0 / 3.0)
    );
    assert_eq!(d["new"]["avg_working_hours"], serde_json::json!(20.0 / 3.0));
    assert_eq!(d["base"]["row_errors"][0]["line"], 5);
    assert_eq!(d["base"]["row_errors"][0]["code"], "too_small");

    // Generated requests against the starter itself: nothing changes.
    let (code, out, err) = ppg(&["route", "diff", "--base", old, "--generate", "100"]);
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(d["changed"], serde_json::json!([]));
    assert_eq!(d["base"], d["new"]);
}

#[test]
fn export_writes_each_format_in_either_language() {
    let dir = std::env::temp_dir().join(format!("ppg-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let md = dir.join("policy.md");
    let (code, _, err) = ppg(&[
        "export",
        "--format",
        "md",
        "--out",
        md.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&md).expect("written");
    assert!(text.starts_with("# 企业微信办公使用规范"));
    assert!(text.contains("附录B　审批模板"));
    let (code, html, _) = ppg(&["export", "--format", "html", "--out", "-", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(html.contains("<html lang=\"en\">") && html.contains("Chapter 1"));
    let (code, only, _) = ppg(&[
        "export",
        "--format",
        "md",
        "--out",
        "-",
        "--sections",
        "policy",
    ]);
    assert_eq!(code, 0);
    assert!(!only.contains("附录"));
    let docx = dir.join("policy.docx");
    let (code, _, err) = ppg(&[
        "export",
        "--format",
        "docx",
        "--out",
        docx.to_str().expect("path"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read(&docx)
        .expect("written")
        .starts_with(b"PK\x03\x04"));
    for bad in [
        vec!["export", "--format", "pdf", "--out", "-"],
        vec!["export", "--format", "md"],
        vec!["export", "--format", "md", "--out", "-", "--lang", "fr"],
        vec![
            "export",
            "--format",
            "md",
            "--out",
            "-",
            "--sections",
            "cover",
        ],
    ] {
        let (code, _, err) = ppg(&bad);
        assert_eq!(code, 2, "{bad:?}: {err}");
    }
    let (code, _, err) = ppg(&["export", "--format", "md", "--out", "/nonexistent-dir/x.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot write"), "{err}");
}

#[test]
fn share_encode_and_decode_round_trip_and_refuse_damage() {
    let (code, fragment, _) = ppg(&["share", "encode"]);
    assert_eq!(code, 0);
    let fragment = fragment.trim();
    assert!(fragment.starts_with("share=v1."));
    let (_, starter, _) = ppg(&["bundle", "default"]);
    let url = format!("https://example.com/pp/#{fragment}");
    let (code, decoded, err) = ppg(&["share", "decode", &url]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        Bundle::from_json(&decoded).expect("valid"),
        Bundle::from_json(&starter).expect("valid")
    );
    let damaged = format!("{}A{}", &fragment[..40], &fragment[41..]);
    let damaged = if damaged == fragment {
        format!("{}B{}", &fragment[..40], &fragment[41..])
    } else {
        damaged
    };
    let (code, out, err) = ppg(&["share", "decode", &damaged]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("link"), "{err}");
    let (code, _, _) = ppg(&["share", "decode"]);
    assert_eq!(code, 2);
}

/// A quiz file as `ppg quiz generate` prints it: the starter's bank in the quiz shape,
/// optionally with a pass mark.
fn quiz_file(name: &str, pass_mark: Option<u32>) -> std::path::PathBuf {
    use policy_playground::core::quiz::paper::QuizQuestion;
    let bank = policy_playground::core::starter::bundle(Lang::Zh).quiz;
    let questions: Vec<QuizQuestion> = bank
        .questions
        .iter()
        .map(QuizQuestion::from_authored)
        .collect();
    let mut json = serde_json::json!({ "questions": questions });
    if let Some(mark) = pass_mark {
        json["pass_mark"] = serde_json::Value::from(mark);
    }
    temp_file(name, json.to_string().as_bytes())
}

/// Answers to the starter's bank with `wrong` of them wrong (from the last question back).
fn answers_file(name: &str, wrong: usize) -> std::path::PathBuf {
    let mut answers = serde_json::json!({
        "q-reply-important": 1,
        "q-quiet-hours": false,
        "q-group-name": 1,
        "q-classification": [3, 2, 1, 0],
        "q-edit-lock": "３０",
        "q-channel-notice": 2,
        "q-version-retention": 2,
        "q-leave-short": true
    });
    let wrong_answers = [
        ("q-leave-short", serde_json::json!(false)),
        ("q-version-retention", serde_json::json!(0)),
        ("q-channel-notice", serde_json::json!(0)),
        ("q-edit-lock", serde_json::json!("45")),
    ];
    for (id, a) in wrong_answers.into_iter().take(wrong) {
        answers[id] = a;
    }
    temp_file(name, answers.to_string().as_bytes())
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn quiz_grade_prints_the_score_and_each_question() {
    let quiz = quiz_file("grade-quiz.json", None);
    let answers = answers_file("grade-answers-0.json", 0);
    let (code, out, err) = ppg(&[
        "quiz",
        "grade",
        "--quiz",
        path(&quiz),
        "--answers",
        path(&answers),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["score"], 100);
    assert_eq!(v["passed"], true);
    assert_eq!(v["pass_mark"], 60);
    assert_eq!(
        (v["correct"].clone(), v["total"].clone()),
        (8.into(), 8.into())
    );
    let per = v["per_question"].as_array().expect("per_question");
    assert_eq!(per.len(), 8);
    let lock = per
        .iter()
        .find(|q| q["id"] == "q-edit-lock")
        .expect("q-edit-lock");
    assert_eq!(lock["correct"], true);
    assert_eq!(lock["given"], "３０");
    assert_eq!(lock["expected"], "30");
    assert_eq!(lock["clauses"], serde_json::json!(["c-files-lock"]));
    assert!(lock["explanation"].as_str().is_some_and(|e| !e.is_empty()));

    // A fail is still a graded quiz: exit 0.
    let answers = answers_file("grade-answers-4.json", 4);
    let (code, out, _) = ppg(&[
        "quiz",
        "grade",
        "--quiz",
        path(&quiz),
        "--answers",
        path(&answers),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        (v["score"].clone(), v["passed"].clone()),
        (50.into(), false.into())
    );
    let unanswered = temp_file("grade-answers-none.json", b"{\"other\": true}");
    let (code, out, err) = ppg(&[
        "quiz",
        "grade",
        "--quiz",
        path(&quiz),
        "--answers",
        path(&unanswered),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["score"], 0);
    assert_eq!(v["per_question"][0]["given"], serde_json::Value::Null);
    assert_eq!(v["unknown_answers"], serde_json::json!(["other"]));
    assert!(
        err.contains("`other`"),
        "a warning names the unknown id: {err}"
    );
}

#[test]
fn quiz_grade_pass_mark_comes_from_the_flag_then_the_file_then_60() {
    // One wrong of eight: 87.5, rounded to 88.
    let answers = answers_file("mark-answers-1.json", 1);
    let plain = quiz_file("mark-quiz.json", None);
    let strict = quiz_file("mark-quiz-90.json", Some(90));
    let grade = |quiz: &std::path::Path, extra: &[&str]| {
        let mut args = vec![
            "quiz",
            "grade",
            "--quiz",
            path(quiz),
            "--answers",
            path(&answers),
        ];
        args.extend_from_slice(extra);
        let (code, out, err) = ppg(&args);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(v["score"], 88);
        (
            v["pass_mark"].as_u64().expect("pass_mark"),
            v["passed"].as_bool().expect("passed"),
        )
    };
    assert_eq!(grade(&plain, &[]), (60, true), "the default");
    assert_eq!(grade(&strict, &[]), (90, false), "the file's");
    assert_eq!(
        grade(&strict, &["--pass-mark", "88"]),
        (88, true),
        "the flag's, boundary"
    );
    assert_eq!(
        grade(&plain, &["--pass-mark", "89"]),
        (89, false),
        "the flag's"
    );
}

#[test]
fn quiz_grade_exit_codes() {
    let quiz = quiz_file("codes-quiz.json", None);
    let answers = answers_file("codes-answers.json", 0);
    let (q, a) = (path(&quiz), path(&answers));
    for bad in [
        vec!["quiz", "grade"],
        vec!["quiz", "grade", "--quiz", q],
        vec!["quiz", "grade", "--answers", a],
        vec![
            "quiz",
            "grade",
            "--quiz",
            q,
            "--answers",
            a,
            "--pass-mark",
            "abc",
        ],
        vec![
            "quiz",
            "grade",
            "--quiz",
            q,
            "--answers",
            a,
            "--pass-mark",
            "101",
        ],
        vec!["quiz", "grade", "--quiz", q, "--answers", a, "--seed", "1"],
        vec!["quiz", "grade", "--quiz", q, "--quiz", q, "--answers", a],
    ] {
        let (code, out, err) = ppg(&bad);
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(out.is_empty());
    }
    let (code, _, err) = ppg(&[
        "quiz",
        "grade",
        "--quiz",
        "/nonexistent/q.json",
        "--answers",
        a,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read `/nonexistent/q.json`"), "{err}");

    let broken = temp_file(
        "codes-broken.json",
        b"{\"questions\": [\n  {\"id\": 1,}\n]}",
    );
    let (code, out, err) = ppg(&["quiz", "grade", "--quiz", path(&broken), "--answers", a]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains(path(&broken)), "names the file: {err}");
    assert!(err.contains("line 2, column"), "names the position: {err}");

    let wrong_type = temp_file("codes-type.json", b"{\"questions\": [{\"id\": \"a\", \"topic\": \"custom\", \"kind\": \"essay\", \"prompt\": \"p\", \"answer\": true}]}");
    let (code, _, err) = ppg(&["quiz", "grade", "--quiz", path(&wrong_type), "--answers", a]);
    assert_eq!(code, 2);
    assert!(err.contains("$.questions[0].kind"), "{err}");

    let out_of_range = temp_file("codes-range.json", b"{\"questions\": [{\"id\": \"a\", \"topic\": \"custom\", \"kind\": \"single\", \"prompt\": \"p\", \"options\": [\"x\"], \"answer\": 3}]}");
    let (code, _, err) = ppg(&[
        "quiz",
        "grade",
        "--quiz",
        path(&out_of_range),
        "--answers",
        a,
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("$.questions[0].answer: option 3 does not exist"),
        "{err}"
    );

    let bad_answer = temp_file(
        "codes-bad-answer.json",
        b"{\n  \"q-quiet-hours\": false,\n  \"q-reply-important\": null\n}",
    );
    let (code, _, err) = ppg(&["quiz", "grade", "--quiz", q, "--answers", path(&bad_answer)]);
    assert_eq!(code, 2);
    assert!(err.contains(path(&bad_answer)), "{err}");
    assert!(
        err.contains("$[\"q-reply-important\"] (line 3, column"),
        "{err}"
    );

    let binary = temp_file("codes-binary.json", &[0xff, 0xfe, 0x00]);
    let (code, _, err) = ppg(&["quiz", "grade", "--quiz", q, "--answers", path(&binary)]);
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");

    let (code, out, _) = ppg(&["help"]);
    assert_eq!(code, 0);
    assert!(out.contains("ppg quiz grade --quiz FILE --answers FILE [--pass-mark N]"));
}

// ---------------------------------------------------------------------- quiz generate

#[test]
fn quiz_generate_prints_questions_in_the_quiz_shape() {
    let args = ["quiz", "generate", "--seed", "42", "--count", "12"];
    let (code, out, err) = ppg(&args);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let questions = doc["questions"].as_array().expect("a questions list");
    assert_eq!(questions.len(), 12);
    let mut topics = std::collections::BTreeSet::new();
    for q in questions {
        let mut keys: Vec<&str> = q
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "accepted")
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "answer",
                "clauses",
                "explanation",
                "id",
                "kind",
                "options",
                "prompt",
                "topic"
            ],
            "{q}"
        );
        topics.insert(q["topic"].as_str().expect("topic").to_string());
        match q["kind"].as_str().expect("kind") {
            "single" => assert!(q["answer"].is_u64()),
            "multiple" => assert!(q["answer"].is_array()),
            "truefalse" => assert!(q["answer"].is_boolean()),
            "fillin" => assert!(q["answer"].is_string()),
            other => panic!("kind {other}"),
        }
    }
    assert_eq!(
        topics.len(),
        6,
        "twelve questions spread over the six topics"
    );
    // Each question's fields come in the order.
    let at = |key: &str| out.find(&format!("\"{key}\": ")).expect(key);
    let order = [
        "id",
        "topic",
        "kind",
        "prompt",
        "options",
        "answer",
        "explanation",
        "clauses",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{out}");
    // Same seed, same output; another seed, another quiz.
    assert_eq!(ppg(&args).1, out);
    let (_, other, _) = ppg(&["quiz", "generate", "--seed", "43", "--count", "12"]);
    assert_ne!(other, out);
}

#[test]
fn quiz_generate_topics_bundle_and_usage_errors() {
    let (code, out, _) = ppg(&[
        "quiz",
        "generate",
        "--seed",
        "1",
        "--count",
        "100",
        "--topics",
        "numbers, channels",
    ]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let questions = doc["questions"].as_array().expect("list");
    assert!(
        !questions.is_empty() && questions.len() < 100,
        "all there are"
    );
    assert!(questions
        .iter()
        .all(|q| ["numbers", "channels"].contains(&q["topic"].as_str().unwrap_or(""))));

    let (_, en, _) = ppg(&["bundle", "default", "--lang", "en"]);
    let en = temp_file("quiz-en.json", en.as_bytes());
    let en = en.to_str().expect("utf-8 path");
    let (code, out, _) = ppg(&[
        "quiz", "generate", "--bundle", en, "--seed", "1", "--count", "3", "--topics", "numbers",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Under the usage code") || out.contains("True or false"),
        "{out}"
    );

    let (code, out, err) = ppg(&[
        "quiz", "generate", "--seed", "1", "--count", "3", "--topics", "gossip",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("unknown topic `gossip`; topics are naming, routing, numbers, channels, documents, custom"),
        "{err}"
    );
    for bad in [
        &["quiz", "generate", "--count", "3"][..],
        &["quiz", "generate", "--seed", "1"],
        &["quiz", "generate", "--seed", "x", "--count", "3"],
        &["quiz", "generate", "--seed", "1", "--count", "-3"],
        &[
            "quiz",
            "generate",
            "--seed",
            "1",
            "--count",
            "3",
            "--shuffle",
            "yes",
        ],
    ] {
        let (code, out, _) = ppg(bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(out.is_empty());
    }
    let (code, _, err) = ppg(&[
        "quiz",
        "generate",
        "--bundle",
        "/nonexistent.json",
        "--seed",
        "1",
        "--count",
        "1",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let (code, out, _) = ppg(&["help"]);
    assert_eq!(code, 0);
    assert!(out.contains("ppg quiz generate [--bundle FILE] --seed N --count K [--topics LIST]"));
}

/// The acceptance check of issue 7 run through the tool itself: generated naming answers
/// agree with `ppg naming check`, routing answers with `ppg route simulate`.
#[test]
fn quiz_answers_agree_with_naming_check_and_route_simulate() {
    use policy_playground::core::quiz::generate::{pool_with_sources, Source};
    use policy_playground::core::quiz::paper::Answer;
    let b = policy_playground::core::starter::bundle(Lang::Zh);
    let items = pool_with_sources(&b);
    let mut names = 0;
    let mut routes = 0;
    for (q, s) in &items {
        match s {
            Source::NameCheck { scheme, name } if names < 6 => {
                names += 1;
                let (code, out, _) = ppg_stdin(
                    &["naming", "check", "--scheme", scheme],
                    format!("{name}\n").as_bytes(),
                );
                assert_eq!(code, 0);
                let line: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON line");
                assert_eq!(
                    Answer::Bool(line["ok"].as_bool().expect("ok")),
                    q.answer,
                    "{name}"
                );
            }
            Source::RouteApprovers {
                request,
                routes: options,
            } if routes < 8 => {
                routes += 1;
                let mut args = vec![
                    "route".to_string(),
                    "simulate".into(),
                    "--template".into(),
                    request.template.clone(),
                    "--requester".into(),
                    request.requester.clone(),
                ];
                for (k, v) in &request.form {
                    args.push("--field".into());
                    args.push(format!("{k}={v}"));
                }
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let (code, out, err) = ppg(&args);
                assert_eq!(code, 0, "{err}");
                let route: serde_json::Value = serde_json::from_str(&out).expect("JSON");
                let steps: Vec<Vec<String>> = route["steps"]
                    .as_array()
                    .expect("steps")
                    .iter()
                    .map(|s| {
                        s["approvers"]
                            .as_array()
                            .expect("approvers")
                            .iter()
                            .map(|p| p.as_str().expect("id").to_string())
                            .collect()
                    })
                    .collect();
                let Answer::Index(a) = q.answer else {
                    panic!("{}: not single choice", q.id);
                };
                assert_eq!(options[a], steps, "{}", q.id);
            }
            _ => {}
        }
    }
    assert_eq!((names, routes), (6, 8));
}
