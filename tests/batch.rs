//! Batch simulation and change impact (issue 5, items 3 and 4), driven by
//! `tests/cases/batch.json` (small batches whose metrics are worked out by hand, and a change
//! of the rules); plus the CSV import's edge cases, determinism by seed, the CSV export and
//! the speed of 100,000 requests (`batch_speed`, ignored). Add a scenario to the case file,
//! not a function here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{dt, edit, load, matches};
use policy_playground::core::batch::{self, generate, nearest_rank, parse_requests, run};
use policy_playground::core::impact::compare;
use policy_playground::core::timing::{Mode, Response, TimelineOptions};
use policy_playground::core::{starter, Bundle, Lang};
use serde_json::Value;

/// The starter (Chinese edition) with the case's `edits`.
fn bundle_for(case: &Value) -> Bundle {
    let mut doc: Value = serde_json::from_str(&starter::bundle(Lang::Zh).to_json()).expect("JSON");
    if let Some(edits) = case.get("edits").and_then(Value::as_array) {
        edit(&mut doc, edits);
    }
    Bundle::from_json(&doc.to_string())
        .unwrap_or_else(|e| panic!("{}: the edited starter is invalid: {e}", case["name"]))
}

fn csv_of(case: &Value) -> String {
    case["csv"]
        .as_array()
        .expect("csv lines")
        .iter()
        .map(|l| format!("{}\n", l.as_str().expect("line")))
        .collect()
}

fn options_for(case: &Value) -> TimelineOptions {
    let mut opts = TimelineOptions::default();
    if let Some(r) = case.get("responses").and_then(Value::as_object) {
        for (person, hours) in r {
            opts.responses.push((
                person.clone(),
                Response::Fixed {
                    hours: hours.as_f64().expect("hours"),
                },
            ));
        }
    }
    opts
}

#[test]
fn batch_cases() {
    let file = load("batch.json");
    let mut failures = Vec::new();
    let cases = file["batches"].as_array().expect("batches");
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let bundle = bundle_for(case);
        let import = parse_requests(&csv_of(case), &bundle);
        assert!(import.header_error.is_none(), "{name}");
        let mut result = run(&bundle, &import.requests, &options_for(case)).expect("runs");
        result.add_row_errors(&import.row_errors);
        let json = result.metrics_json();
        let mut out = Vec::new();
        matches(&case["expect"], &json, "$", &mut out);
        for o in out {
            failures.push(format!("{name}: {o}\n  got {json}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(cases.len() >= 5);
}

#[test]
fn impact_cases() {
    let file = load("batch.json");
    let mut failures = Vec::new();
    let cases = file["impact"].as_array().expect("impact");
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let old = starter::bundle(Lang::Zh);
        let new = bundle_for(case);
        let import = parse_requests(&csv_of(case), &new);
        assert!(
            import.row_errors.is_empty(),
            "{name}: {:?}",
            import.row_errors
        );
        let impact =
            compare(&old, &new, &import.requests, &TimelineOptions::default()).expect("runs");
        let rows: Vec<usize> = impact.changed.iter().map(|c| c.line).collect();
        let want: Vec<usize> = case["changed_rows"]
            .as_array()
            .expect("changed_rows")
            .iter()
            .map(|v| v.as_u64().expect("row") as usize)
            .collect();
        if rows != want {
            failures.push(format!("{name}: changed rows {rows:?}, expected {want:?}"));
        }
        let json = impact.to_json();
        let mut out = Vec::new();
        matches(&case["expect"], &json, "$", &mut out);
        for o in out {
            failures.push(format!("{name}: {o}\n  got {json}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_same_rules_change_nothing() {
    let bundle = starter::bundle(Lang::Zh);
    let requests = generate(&bundle, 300, 11, dt("2026-11-16T09:00"));
    let impact = compare(&bundle, &bundle, &requests, &TimelineOptions::default()).expect("runs");
    assert!(impact.changed.is_empty());
    assert_eq!(impact.base, impact.new);
    assert_eq!(impact.base.metrics.count, 300);
}

#[test]
fn a_request_that_errors_under_one_version_changes() {
    let old = starter::bundle(Lang::Zh);
    let mut new = old.clone();
    new.approvals.templates.retain(|t| t.id != "trip");
    let text = "template,requester,submitted_at,destination,days\n\
                trip,zhang,2026-11-16T09:00,domestic,1\n\
                trip,zhang,2026-11-16T09:00,,1\n";
    let import = parse_requests(text, &old);
    let impact = compare(&old, &new, &import.requests, &TimelineOptions::default()).expect("runs");
    // Line 2 routes under the old rules only; line 3 lacks a required field under both.
    assert_eq!(impact.changed.len(), 1);
    assert_eq!(impact.changed[0].line, 2);
    let json = impact.to_json();
    assert_eq!(json["changed"][0]["new"]["error"], "unknown_template");
    assert_eq!(json["changed"][0]["old"]["outcome"], "approved");
    assert_eq!(json["base"]["count"], 1);
    assert_eq!(json["new"]["count"], 0);
}

#[test]
fn the_sample_file_reads_as_documented() {
    let bundle = starter::bundle(Lang::Zh);
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/requests.csv"
    ))
    .expect("sample");
    let import = parse_requests(&text, &bundle);
    assert!(import.header_error.is_none());
    assert!(import.unknown_columns.is_empty());
    let mut result = run(&bundle, &import.requests, &TimelineOptions::default()).expect("runs");
    result.add_row_errors(&import.row_errors);
    let errors: Vec<(usize, &str)> = result.row_errors.iter().map(|e| (e.line, e.code)).collect();
    assert_eq!(
        errors,
        [
            (9, "bad_time"),
            (10, "unknown_template"),
            (11, "missing_field"),
            (12, "field_count")
        ]
    );
    assert_eq!(result.metrics.count, 7);
    // The space instead of `T`, and blank cells left out of the form.
    let feng = &import.requests[2];
    assert_eq!(feng.submitted, dt("2026-03-02T10:30"));
    assert_eq!(
        feng.form,
        [
            ("leave_type".to_string(), "annual".to_string()),
            ("days".to_string(), "5".to_string())
        ]
    );
}

#[test]
fn header_problems_and_odd_columns() {
    let bundle = starter::bundle(Lang::Zh);
    let empty = parse_requests("", &bundle);
    assert_eq!(
        empty.header_error.as_ref().map(|e| e.code),
        Some("no_header")
    );
    let missing = parse_requests("template,requester,days\nleave,zhang,1\n", &bundle);
    let e = missing.header_error.expect("missing column");
    assert_eq!(e.code, "missing_columns");
    assert!(batch::header_message(&e).contains("submitted_at"));
    // Chinese headers, any order, a byte order mark, a pick column, an unknown column.
    let text = "\u{feff}申请人;提交时间;模板;days;leave_type;pick:s-x;mood\n\
                zhang;2026-11-16T09:00;leave;1;annual;liu| chen;\n";
    let import = parse_requests(text, &bundle);
    assert!(import.header_error.is_none(), "{:?}", import.header_error);
    assert_eq!(import.unknown_columns, ["mood"]);
    let r = &import.requests[0];
    assert_eq!((r.line, r.template.as_str()), (2, "leave"));
    assert_eq!(
        r.picks,
        [(
            "s-x".to_string(),
            vec!["liu".to_string(), "chen".to_string()]
        )]
    );
    // A pick for a step that takes none is the simulator's error, by line.
    let result = run(&bundle, &import.requests, &TimelineOptions::default()).expect("runs");
    assert_eq!(result.row_errors[0].line, 2);
    assert_eq!(result.row_errors[0].code, "unknown_pick_step");
    // A syntax error costs one row.
    let text = "template,requester,submitted_at,leave_type,days\n\
                leave,zhang,\"2026-11-16T09:00,annual,1\n";
    let import = parse_requests(text, &bundle);
    assert_eq!(import.row_errors[0].code, "unterminated_quote");
}

#[test]
fn nearest_rank_percentiles() {
    assert_eq!(nearest_rank(&[], 50), None);
    assert_eq!(nearest_rank(&[7], 90), Some(7));
    let v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert_eq!(nearest_rank(&v, 50), Some(5));
    assert_eq!(nearest_rank(&v, 90), Some(9));
    assert_eq!(nearest_rank(&v[..9], 90), Some(9));
    assert_eq!(nearest_rank(&v[..4], 50), Some(2));
}

#[test]
fn generated_batches_are_deterministic_by_seed() {
    let bundle = starter::bundle(Lang::Zh);
    let start = dt("2026-11-16T09:00");
    let a = generate(&bundle, 500, 42, start);
    let b = generate(&bundle, 500, 42, start);
    let c = generate(&bundle, 500, 43, start);
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.len(), 500);
    // Rows numbered 1…n, in time order, from `start` on, spread over 500/40 → 13 working
    // days (2026-11-16 to 12-02), at working times.
    let cal = bundle
        .timing
        .calendar
        .to_calendar()
        .expect("calendar")
        .compile();
    for (i, r) in a.iter().enumerate() {
        assert_eq!(r.line, i + 1);
        assert!(r.submitted >= start && r.submitted < dt("2026-12-03T09:00"));
        assert!(cal.is_working_time(r.submitted), "{}", r.submitted);
    }
    assert!(a.windows(2).all(|w| w[0].submitted <= w[1].submitted));

    // Deterministic and stochastic runs: same seed, same output, byte for byte.
    for mode in [Mode::Deterministic, Mode::Stochastic] {
        let opts = TimelineOptions {
            mode: Some(mode),
            seed: Some(5),
            ..TimelineOptions::default()
        };
        let x = run(&bundle, &a, &opts).expect("runs");
        let y = run(&bundle, &b, &opts).expect("runs");
        assert_eq!(x.metrics_json().to_string(), y.metrics_json().to_string());
        assert_eq!(x.to_csv(), y.to_csv());
        assert!(x.row_errors.is_empty(), "{:?}", x.row_errors);
        assert_eq!(x.metrics.count, 500);
    }
    // With draws that matter (the starter's times are fixed), seeds differ.
    let mut drawn = bundle.clone();
    for p in &bundle.org.people {
        drawn.timing.responses.insert(
            p.id.clone(),
            Response::Skewed {
                mean: 5.0,
                spread: 0.6,
            },
        );
    }
    drawn.timing.reject_probability = 0.1;
    let s = |seed| {
        let opts = TimelineOptions {
            mode: Some(Mode::Stochastic),
            seed: Some(seed),
            ..TimelineOptions::default()
        };
        run(&drawn, &a, &opts).expect("runs").metrics_json()
    };
    let (s1, s2) = (s(1), s(2));
    assert_eq!(s1, s(1));
    assert_ne!(s1, s2);
    assert!(s1["escalations"].as_u64() > Some(0), "{s1}");
    assert!(s1["pass_rate"].as_f64() < Some(1.0), "{s1}");
}

#[test]
fn the_csv_export_has_one_row_per_request() {
    let bundle = starter::bundle(Lang::Zh);
    let text = "template,requester,submitted_at,leave_type,days,handover\n\
                leave,zhang,2026-11-16T09:00,annual,5,\"交给刘洋, 周一\"\n\
                vacation,zhang,2026-11-16T09:00,,,\n";
    let import = parse_requests(text, &bundle);
    let result = run(&bundle, &import.requests, &TimelineOptions::default()).expect("runs");
    let csv = result.to_csv();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("line,template,requester,submitted_at,outcome"));
    assert_eq!(
        lines[1],
        "2,leave,zhang,2026-11-16T09:00,approved,2026-11-17T12:00,12,1620,\
         s-supervisor: liu → s-dept-head: chen → s-hr: he,wang,br-long,0,0,"
    );
    assert!(lines[2].starts_with("3,,,"), "{}", lines[2]);
    assert!(lines[2].ends_with("unknown_template: there is no approval template `vacation`"));
}

/// 100,000 generated requests routed and placed on the calendar, natively. On demand:
/// `cargo test --release --test batch -- --ignored --nocapture batch_speed`.
#[test]
#[ignore = "benchmark; run with --release -- --ignored --nocapture"]
fn batch_speed() {
    use std::time::Instant;
    const N: usize = 100_000;
    let bundle = starter::bundle(Lang::Zh);
    let big = policy_playground::core::synth::workspace(10_000, 1);
    // Drawn response times (a long tail: escalations) and rejections.
    let mut drawn = big.clone();
    drawn.timing.response_hours = 0.0;
    drawn.timing.responses = big
        .org
        .people
        .iter()
        .map(|p| {
            let r = Response::Skewed {
                mean: 4.0,
                spread: 0.6,
            };
            (p.id.clone(), r)
        })
        .collect();
    drawn.timing.reject_probability = 0.05;
    for (name, bundle) in [
        ("starter org", &bundle),
        ("10,000 people", &big),
        ("10,000 people, drawn times", &drawn),
    ] {
        let t = Instant::now();
        let requests = generate(bundle, N, 7, dt("2026-01-05T09:00"));
        let gen_ms = t.elapsed().as_secs_f64() * 1000.0;
        for mode in [Mode::Deterministic, Mode::Stochastic] {
            let opts = TimelineOptions {
                mode: Some(mode),
                ..TimelineOptions::default()
            };
            let t = Instant::now();
            let result = run(bundle, &requests, &opts).expect("runs");
            let run_ms = t.elapsed().as_secs_f64() * 1000.0;
            let t = Instant::now();
            let json = result.metrics_json().to_string();
            let json_ms = t.elapsed().as_secs_f64() * 1000.0;
            println!(
                "batch_speed ({name}, {mode:?}): {N} requests generated in {gen_ms:.0} ms, \
                 run in {run_ms:.0} ms ({:.1} µs/request), metrics JSON {json_ms:.1} ms \
                 ({} bytes); {} ran, {} errors, {} escalations",
                run_ms * 1000.0 / N as f64,
                json.len(),
                result.metrics.count,
                result.row_errors.len(),
                result.metrics.escalations
            );
            assert_eq!(result.metrics.count + result.row_errors.len(), N);
        }
    }
}
