//! The naming check engine, driven by `tests/cases/naming.json` (scheme, name, verdict,
//! violation codes in order, suggestion), plus properties over arbitrary text.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::naming::check::{compile, CodeSet, Compiled, CODES};
use policy_playground::core::{starter, Lang};
use proptest::prelude::*;
use serde_json::Value;

fn compiled(lang: Lang) -> Vec<(String, Compiled)> {
    let b = starter::bundle(lang);
    b.naming
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                compile(s, &b.org).expect("starter schemes compile"),
            )
        })
        .collect()
}

#[test]
fn naming_cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/naming.json")).expect("case file is JSON");
    let schemes = compiled(Lang::Zh);
    let mut failures = Vec::new();
    for case in &cases {
        let scheme = case["scheme"].as_str().expect("scheme");
        let name = case["name"].as_str().expect("name");
        let (_, c) = schemes
            .iter()
            .find(|(id, _)| id == scheme)
            .expect("known scheme");
        let got = c.check(name);
        let codes: Vec<&str> = got.violations.iter().map(|v| v.code).collect();
        let want_codes: Vec<&str> = case["codes"]
            .as_array()
            .expect("codes")
            .iter()
            .map(|v| v.as_str().expect("code"))
            .collect();
        let want_ok = case["ok"].as_bool().expect("ok");
        let want_suggestion = case["suggestion"].as_str();
        if got.ok != want_ok || codes != want_codes || got.suggestion.as_deref() != want_suggestion
        {
            failures.push(format!(
                "{scheme} {name:?}\n  want ok={want_ok} {want_codes:?} {want_suggestion:?}\n  got  ok={} {codes:?} {:?}",
                got.ok, got.suggestion
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

/// The set of codes `violations()` reports, which `violation_codes()` must equal.
fn detailed_codes(c: &Compiled, name: &str) -> CodeSet {
    c.violations(name).iter().map(|v| v.code).collect()
}

#[test]
fn the_audit_fast_path_agrees_with_violations_on_every_case() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/naming.json")).expect("case file is JSON");
    for lang in [Lang::Zh, Lang::En] {
        let schemes = compiled(lang);
        for case in &cases {
            let name = case["name"].as_str().expect("name");
            // Every case against every scheme, not only its own.
            for (id, c) in &schemes {
                let fast = c.violation_codes(name);
                assert_eq!(fast, detailed_codes(c, name), "{id} {name:?}");
                assert_eq!(fast.is_empty(), c.check(name).ok, "{id} {name:?}");
            }
        }
    }
}

#[test]
fn code_sets_hold_exactly_the_known_codes() {
    let mut all = CodeSet::default();
    for code in CODES {
        assert!(!all.contains(code));
        assert!(all.insert(code));
        assert!(all.contains(code));
    }
    assert_eq!(all.len(), CODES.len());
    assert_eq!(all.iter().collect::<Vec<_>>(), CODES);
    assert_eq!(
        all.indices().collect::<Vec<_>>(),
        (0..CODES.len()).collect::<Vec<_>>()
    );
    assert!(!all.insert("no_such_code"));
    assert!(CODES.windows(2).all(|w| w[0] < w[1]), "CODES are sorted");
    let some: CodeSet = ["whitespace", "alias", "whitespace"].into_iter().collect();
    assert_eq!(some.iter().collect::<Vec<_>>(), ["alias", "whitespace"]);
}

/// `ppg naming audit` over input that crosses its read blocks, with CRLF, blank lines,
/// bytes that are not UTF-8 and a last line without a break: the same totals as checking
/// each line (decoded lossily) with `violations()`.
#[test]
fn naming_audit_counts_what_violations_finds() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/naming.json")).expect("case file is JSON");
    let names: Vec<&str> = cases
        .iter()
        .filter(|c| c["scheme"] == "group")
        .map(|c| c["name"].as_str().expect("name"))
        .collect();
    let mut input: Vec<u8> = Vec::new();
    let mut k = 0;
    // A little over 2 MB, so lines straddle the 1 MiB blocks; the first block is UTF-8.
    while input.len() < 2_200_000 {
        input.extend_from_slice(names[k % names.len()].as_bytes());
        input.extend_from_slice(match k % 7 {
            0 => b"\r\n",
            1 if input.len() > 1_500_000 => b"\xff\xfe\n",
            2 => b"\r\r\n",
            _ => b"\n",
        });
        k += 1;
    }
    input.extend_from_slice("\n\n【技术部】-【ERP升级】-【项目群】\r".as_bytes());

    let expected = {
        let c = &compiled(Lang::Zh)[0].1;
        let lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
        let (mut total, mut ok) = (0u64, 0u64);
        let mut counts = std::collections::BTreeMap::<&str, u64>::new();
        for (i, line) in lines.iter().enumerate() {
            let last = i + 1 == lines.len();
            if last && line.is_empty() {
                break;
            }
            let line = match line.strip_suffix(b"\r") {
                Some(l) if !last => l,
                _ => line,
            };
            let codes = detailed_codes(c, &String::from_utf8_lossy(line));
            total += 1;
            ok += u64::from(codes.is_empty());
            for code in codes.iter() {
                *counts.entry(code).or_default() += 1;
            }
        }
        serde_json::json!({ "total": total, "ok": ok, "violations": counts })
    };

    let mut child = Command::new(env!("CARGO_BIN_EXE_ppg"))
        .args(["naming", "audit"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("ppg runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input).expect("write"));
    let out = child.wait_with_output().expect("ppg ends");
    writer.join().expect("writer");
    assert_eq!(out.status.code(), Some(0));
    let got: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(got, expected);
    assert!(got["total"].as_u64().expect("total") > 40_000);
}

#[test]
fn the_english_starter_checks_the_same_names() {
    let schemes = compiled(Lang::En);
    let group = &schemes[0].1;
    assert!(group.check("【技术部】-【ERP升级】-【项目群】").ok);
    assert_eq!(
        group
            .check("【研发部】-【ERP升级】-【项目群】")
            .suggestion
            .as_deref(),
        Some("【技术部】-【ERP升级】-【项目群】")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text: no panic, spans inside the name, and a suggestion (if any) passes.
    #[test]
    fn checking_never_panics_and_suggestions_pass(name in "(?s).{0,60}", bracketed in "[【】\\[\\]\\-—_ .A-Za-z0-9技术部项目群闲]{0,30}") {
        for (_, c) in compiled(Lang::Zh) {
            for n in [&name, &bracketed] {
                let r = c.check(n);
                let len = n.chars().count();
                for v in &r.violations {
                    prop_assert!(v.span.0 <= v.span.1 && v.span.1 <= len, "{v:?} in {n:?}");
                }
                prop_assert_eq!(r.ok, r.violations.is_empty());
                prop_assert_eq!(c.violation_codes(n), detailed_codes(&c, n), "{:?}", n);
                if let Some(s) = &r.suggestion {
                    prop_assert!(c.check(s).ok, "suggestion {s:?} for {n:?} does not pass");
                }
            }
        }
    }
}
