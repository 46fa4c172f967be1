//! The name generator, driven by `tests/cases/generate.json` (scheme, typed values, the
//! expected name or every expected error), and the reference examples of the starter
//! schemes.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::naming::check::compile;
use policy_playground::core::naming::generate::{
    examples, examples_for, generate, normalize_value, sample_values, Example, GenError,
};
use policy_playground::core::naming::NamingScheme;
use policy_playground::core::{starter, Bundle, Lang};
use serde_json::Value;

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn starter_scheme(b: &Bundle, id: &str) -> NamingScheme {
    b.naming
        .iter()
        .find(|s| s.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("no starter scheme {id}"))
}

#[test]
fn generate_cases() {
    let file: Value =
        serde_json::from_str(include_str!("cases/generate.json")).expect("case file is JSON");
    let custom: Vec<NamingScheme> =
        serde_json::from_value(file["schemes"].clone()).expect("schemes are schemes");
    let mut failures = Vec::new();
    let cases = file["cases"].as_array().expect("cases");
    for case in cases {
        let about = case["about"].as_str().expect("about");
        let lang = match case["lang"].as_str() {
            Some("en") => Lang::En,
            _ => Lang::Zh,
        };
        let b = starter::bundle(lang);
        let scheme: NamingScheme = match &case["scheme"] {
            Value::String(id) => custom
                .iter()
                .find(|s| &s.id == id)
                .cloned()
                .unwrap_or_else(|| starter_scheme(&b, id)),
            inline => serde_json::from_value(inline.clone()).expect("inline scheme"),
        };
        let values: Vec<(String, String)> = case["values"]
            .as_object()
            .expect("values")
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().expect("value").to_string()))
            .collect();
        let got = generate(&scheme, &b.org, &values);
        let want = match (case["name"].as_str(), case["errors"].as_array()) {
            (Some(name), None) => Ok(name.to_string()),
            (None, Some(errors)) => Err(errors
                .iter()
                .map(|e| {
                    (
                        e[0].as_str().map(str::to_string),
                        e[1].as_str().expect("code").to_string(),
                    )
                })
                .collect::<Vec<_>>()),
            _ => panic!("{about}: give either `name` or `errors`"),
        };
        let got_short = got.clone().map_err(|errors| {
            errors
                .iter()
                .map(|e| (e.component.clone(), e.code.to_string()))
                .collect::<Vec<_>>()
        });
        if got_short != want {
            failures.push(format!(
                "{about} ({}):\n  want {want:?}\n  got  {got:?}",
                scheme.id
            ));
        }
        match &got {
            Ok(name) => {
                let c = compile(&scheme, &b.org).expect("a generated name's scheme compiles");
                assert!(
                    c.check(name).ok,
                    "{about}: generated {name:?} fails the check"
                );
            }
            Err(errors) => {
                for e in errors {
                    assert!(!e.message().is_empty(), "{about}: {e:?} has no message");
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} case(s) failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_last_value_for_an_id_wins() {
    let b = starter::bundle(Lang::Zh);
    let group = starter_scheme(&b, "group");
    let values = pairs(&[
        ("dept", "无此部门"),
        ("topic", "ERP升级"),
        ("type", "项目群"),
        ("dept", "市场部"),
    ]);
    assert_eq!(
        generate(&group, &b.org, &values).as_deref(),
        Ok("【市场部】-【ERP升级】-【项目群】")
    );
}

#[test]
fn errors_have_messages_and_parameters() {
    let b = starter::bundle(Lang::Zh);
    let document = starter_scheme(&b, "document");
    let values = pairs(&[
        ("dept", "技术部"),
        ("topic", "ERP_升级"),
        ("doctype", "方案"),
        ("version", "V2"),
        ("date", "20230229"),
        ("ext", "exe"),
    ]);
    let errors = generate(&document, &b.org, &values).expect_err("several errors");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        vec![
            "topic: “ERP_升级” contains “_”, which separates it from the next part",
            "version: “V2” is not a version such as V1.0",
            "date: “20230229” is not a real date written YYYYMMDD",
            "ext: “exe” is not an allowed file extension",
        ]
    );
    let sep = &errors[0];
    assert_eq!(sep.param("separator"), "_");
    assert_eq!(sep.param("value"), "ERP_升级");

    let group = starter_scheme(&b, "group");
    let long = generate(
        &group,
        &b.org,
        &pairs(&[
            ("dept", "技术部"),
            ("topic", "一二三四五六七八九十一二三四五六七"),
            ("type", "项目群"),
        ]),
    )
    .expect_err("too long");
    assert_eq!(
        long,
        vec![GenError {
            component: None,
            code: "name_too_long",
            params: vec![("max", "30".into()), ("len", "31".into())],
        }]
    );
    assert_eq!(
        long[0].message(),
        "the name has 31 characters, at most 30 allowed"
    );

    let mut broken = group.clone();
    broken.components.clear();
    let errors = generate(&broken, &b.org, &[]).expect_err("no components");
    assert_eq!(errors[0].code, "scheme");
    assert_eq!(
        errors[0].message(),
        "the scheme cannot be used: the scheme has no components"
    );
}

#[test]
fn values_are_normalised_lightly() {
    let b = starter::bundle(Lang::Zh);
    let document = starter_scheme(&b, "document");
    let component = |id: &str| {
        document
            .components
            .iter()
            .find(|c| c.id() == Some(id))
            .expect("component")
            .clone()
    };
    let n = |id: &str, raw: &str| normalize_value(&component(id), &b.org, raw);
    assert_eq!(n("dept", " 研发部 "), "技术部");
    assert_eq!(n("dept", "不存在"), "不存在");
    assert_eq!(n("topic", " ERP２期 "), "ERP2期");
    assert_eq!(n("version", "v2.1"), "V2.1");
    assert_eq!(n("version", "2.1"), "V2.1");
    assert_eq!(n("version", "v2"), "v2");
    assert_eq!(n("date", "2024-05-20"), "20240520");
    assert_eq!(n("date", "2024/5/2"), "20240502");
    assert_eq!(n("date", "24-05-20"), "24-05-20");
    assert_eq!(n("ext", ".DOCX"), "docx");
    assert_eq!(n("ext", "Exe"), "exe");
}

#[test]
fn samples_generate_for_the_starter_schemes() {
    for lang in [Lang::Zh, Lang::En] {
        let b = starter::bundle(lang);
        for scheme in &b.naming {
            let values = sample_values(scheme, &b.org);
            let ids: Vec<&str> = values.iter().map(|(k, _)| k.as_str()).collect();
            let want: Vec<&str> = scheme.components.iter().filter_map(|c| c.id()).collect();
            assert_eq!(ids, want, "{}: one sample per component", scheme.id);
            let name = generate(scheme, &b.org, &values)
                .unwrap_or_else(|e| panic!("{}: {values:?} gives {e:?}", scheme.id));
            assert!(compile(scheme, &b.org).expect("compiles").check(&name).ok);
        }
    }
    let b = starter::bundle(Lang::Zh);
    assert_eq!(
        sample_values(&starter_scheme(&b, "document"), &b.org),
        pairs(&[
            ("dept", "总经办"),
            ("topic", "ERP升级"),
            ("doctype", "需求说明书"),
            ("version", "V1.0"),
            ("date", "20240520"),
            ("ext", "docx"),
        ])
    );
}

/// Every example's verdict, codes and suggestion are the checker's, and every suggestion
/// passes.
fn assert_examples_agree_with_the_checker(scheme: &NamingScheme, b: &Bundle, list: &[Example]) {
    let c = compile(scheme, &b.org).expect("compiles");
    for e in list {
        let check = c.check(&e.name);
        assert_eq!(e.ok, check.ok, "{e:?}");
        assert_eq!(e.ok, e.kind == "valid", "{e:?}");
        assert_eq!(e.suggestion, check.suggestion, "{e:?}");
        let mut codes: Vec<&str> = Vec::new();
        for v in &check.violations {
            if !codes.contains(&v.code) {
                codes.push(v.code);
            }
        }
        assert_eq!(e.codes, codes, "{e:?}");
        if let Some(s) = &e.suggestion {
            assert!(c.check(s).ok, "{e:?}: the suggestion fails");
        }
    }
    let mut names: Vec<&str> = list.iter().map(|e| e.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), list.len(), "no name twice");
}

fn find<'a>(list: &'a [Example], kind: &str) -> &'a Example {
    list.iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} example in {list:#?}"))
}

#[test]
fn group_examples_around_the_documented_name() {
    let b = starter::bundle(Lang::Zh);
    let group = starter_scheme(&b, "group");
    let values = pairs(&[("dept", "技术部"), ("topic", "ERP升级"), ("type", "项目群")]);
    let list = examples_for(&group, &b.org, &values);
    assert_examples_agree_with_the_checker(&group, &b, &list);
    let good = "【技术部】-【ERP升级】-【项目群】";
    assert_eq!(list[0].name, good);
    assert!(list.iter().filter(|e| e.ok).count() >= 2);
    // The near-misses of the starter document, with the suggestions it states.
    let expect = [
        ("no_brackets", "技术部-ERP升级-项目群", good),
        ("half_width_brackets", "[技术部]-[ERP升级]-[项目群]", good),
        ("other_dash", "【技术部】—【ERP升级】—【项目群】", good),
        ("spaces", " 【技术部】-【ERP升级】-【项目群】 ", good),
        ("alias", "【技术部门】-【ERP升级】-【项目群】", good),
        ("whitespace", "【技术部】-【ERP 升级】-【项目群】", good),
    ];
    for (kind, name, suggestion) in expect {
        let e = find(&list, kind);
        assert_eq!(
            (e.name.as_str(), e.suggestion.as_deref()),
            (name, Some(suggestion))
        );
    }
    assert_eq!(find(&list, "alias").codes, vec!["alias"]);
    assert_eq!(find(&list, "forbidden_word").codes, vec!["forbidden_word"]);
    assert_eq!(
        find(&list, "too_long").codes,
        vec!["too_long", "name_too_long"]
    );
    assert_eq!(find(&list, "name_too_long").codes, vec!["name_too_long"]);
    assert_eq!(find(&list, "unknown_value").codes, vec!["unknown_value"]);
    assert_eq!(find(&list, "missing_value").codes, vec!["missing_value"]);
    assert_eq!(find(&list, "too_short").codes, vec!["too_short"]);
    assert_eq!(find(&list, "forbidden_char").codes, vec!["forbidden_char"]);
    for kind in [
        "lowercase_v",
        "bad_date",
        "uppercase_extension",
        "full_width_underscore",
    ] {
        assert!(
            list.iter().all(|e| e.kind != kind),
            "{kind} does not apply to the group scheme"
        );
    }
}

#[test]
fn document_examples() {
    let b = starter::bundle(Lang::Zh);
    let document = starter_scheme(&b, "document");
    let values = pairs(&[
        ("dept", "技术部"),
        ("topic", "ERP升级"),
        ("doctype", "需求说明书"),
        ("version", "V2.1"),
        ("date", "20240520"),
        ("ext", "docx"),
    ]);
    let list = examples_for(&document, &b.org, &values);
    assert_examples_agree_with_the_checker(&document, &b, &list);
    let good = "技术部_ERP升级_需求说明书_V2.1_20240520.docx";
    assert_eq!(list[0].name, good);
    let expect = [
        (
            "lowercase_v",
            "技术部_ERP升级_需求说明书_v2.1_20240520.docx",
        ),
        (
            "full_width_digits",
            "技术部_ERP升级_需求说明书_V2.1_２０２４０５２０.docx",
        ),
        ("alias", "技术部门_ERP升级_需求说明书_V2.1_20240520.docx"),
        (
            "uppercase_extension",
            "技术部_ERP升级_需求说明书_V2.1_20240520.DOCX",
        ),
        (
            "full_width_underscore",
            "技术部＿ERP升级＿需求说明书＿V2.1＿20240520.docx",
        ),
    ];
    for (kind, name) in expect {
        let e = find(&list, kind);
        assert_eq!(
            (e.name.as_str(), e.suggestion.as_deref()),
            (name, Some(good))
        );
    }
    assert_eq!(
        find(&list, "bad_date").name,
        "技术部_ERP升级_需求说明书_V2.1_20230229.docx"
    );
    assert_eq!(find(&list, "bad_date").codes, vec!["bad_date"]);
    assert_eq!(find(&list, "bad_version").codes, vec!["bad_version"]);
    assert_eq!(find(&list, "bad_extension").codes, vec!["bad_extension"]);
    for kind in [
        "half_width_brackets",
        "no_brackets",
        "other_dash",
        "forbidden_word",
    ] {
        assert!(list.iter().all(|e| e.kind != kind), "{kind} does not apply");
    }
}

#[test]
fn examples_of_every_starter_scheme_agree_with_the_checker_and_are_stable() {
    for lang in [Lang::Zh, Lang::En] {
        let b = starter::bundle(lang);
        for scheme in &b.naming {
            let list = examples(scheme, &b.org);
            assert!(list.len() >= 10, "{}: {list:#?}", scheme.id);
            let valid = list.iter().take_while(|e| e.ok).count();
            assert!((2..=3).contains(&valid), "{}: {valid} valid", scheme.id);
            assert!(list[valid..].iter().all(|e| !e.ok));
            assert_examples_agree_with_the_checker(scheme, &b, &list);
            assert_eq!(list, examples(scheme, &b.org), "deterministic");
        }
    }
}

#[test]
fn a_scheme_that_does_not_compile_has_no_examples() {
    let b = starter::bundle(Lang::Zh);
    let mut group = starter_scheme(&b, "group");
    group.components.remove(2);
    assert!(compile(&group, &b.org).is_err());
    assert!(examples(&group, &b.org).is_empty());
}

#[test]
fn absurd_lengths_neither_panic_nor_run_away() {
    let b = starter::bundle(Lang::Zh);
    let mut group = starter_scheme(&b, "group");
    for c in &mut group.components {
        if let policy_playground::core::naming::Component::Text {
            min_len, max_len, ..
        } = c
        {
            *min_len = u32::MAX - 1;
            *max_len = u32::MAX;
        }
    }
    group.rules.max_len = None;
    group.rules.min_len = Some(u32::MAX);
    assert!(compile(&group, &b.org).is_ok());
    let values = sample_values(&group, &b.org);
    assert!(values.iter().all(|(_, v)| v.chars().count() <= 1000));
    assert!(generate(&group, &b.org, &values).is_err());
    assert!(examples(&group, &b.org).is_empty());
}
