//! The naming check engine, driven by `tests/cases/naming.json` (scheme, name, verdict,
//! violation codes in order, suggestion), plus properties over arbitrary text.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::naming::check::{compile, Compiled};
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
                if let Some(s) = &r.suggestion {
                    prop_assert!(c.check(s).ok, "suggestion {s:?} for {n:?} does not pass");
                }
            }
        }
    }
}
