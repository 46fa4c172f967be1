//! The route simulator over the starter example: every fixture, the boundary scenarios in
//! `tests/cases/routes.json` (each on the starter, or on the starter after a few `set`
//! edits, with the requester's picks when it has any), and properties over random
//! requesters, form values and picks.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use policy_playground::core::org::Status;
use policy_playground::core::simulate::{run_fixtures, simulate, simulate_with_picks};
use policy_playground::core::{starter, Bundle, Lang};
use proptest::prelude::*;
use serde::Deserialize;

#[test]
fn every_starter_fixture_passes_in_both_languages() {
    for lang in Lang::ALL {
        let bundle = starter::bundle(lang);
        let results = run_fixtures(&bundle);
        assert_eq!(results.len(), bundle.fixtures.len());
        assert!(results.len() >= 20);
        for r in &results {
            assert!(r.pass, "{lang:?} {}: {:?}", r.id, r.diff);
            assert!(r.diff.is_empty());
        }
    }
}

#[test]
fn a_changed_rule_fails_a_fixture_with_a_diff() {
    let mut bundle = starter::bundle(Lang::En);
    // HR no longer has a specialist: long leave goes to the approval admin instead.
    for p in &mut bundle.org.people {
        p.roles.retain(|r| r != "hr_specialist");
    }
    let results = run_fixtures(&bundle);
    let failed: Vec<_> = results.iter().filter(|r| !r.pass).collect();
    assert!(failed.iter().any(|r| r.id == "fx-leave-5"), "{failed:?}");
    let r = failed
        .iter()
        .find(|r| r.id == "fx-leave-5")
        .expect("fx-leave-5");
    assert_eq!(r.diff, vec!["step 3: expected he, got wang".to_string()]);
}

#[test]
fn fixtures_run_with_their_picks() {
    let mut bundle = starter::bundle(Lang::En);
    // Fixtures without picks are written as before.
    assert!(!bundle.to_json().contains("\"picks\""));
    common::supervisor_chosen_by_requester(&mut bundle);
    let f = bundle
        .fixtures
        .iter_mut()
        .find(|f| f.id == "fx-leave-2")
        .expect("fx-leave-2");
    f.picks.insert("s-supervisor".into(), vec!["liu".into()]);
    let text = bundle.to_json();
    let loaded = Bundle::from_json(&text).expect("valid with picks");
    assert_eq!(loaded, bundle, "picks round-trip");
    let results = run_fixtures(&loaded);
    let picked = results.iter().find(|r| r.id == "fx-leave-2").expect("fx");
    assert!(picked.pass, "{:?}", picked.diff);
    // Another leave fixture from zhang has no pick: the request cannot be submitted.
    let unpicked = results.iter().find(|r| r.id == "fx-leave-3").expect("fx");
    assert!(!unpicked.pass);
    assert_eq!(
        unpicked.error.as_ref().map(|e| e.code),
        Some("missing_pick")
    );
    assert!(
        unpicked.diff[0].contains("none were picked"),
        "{:?}",
        unpicked.diff
    );
}

#[derive(Deserialize)]
struct Case {
    name: String,
    /// Changes to the starter before simulating, applied to its JSON.
    #[serde(default)]
    edits: Vec<Edit>,
    template: String,
    requester: String,
    fields: BTreeMap<String, String>,
    /// The requester's picks, in order: `[step, [person, ...]]`.
    #[serde(default)]
    picks: Vec<(String, Vec<String>)>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    steps: Vec<CaseStep>,
    #[serde(default)]
    cc: Vec<CaseCc>,
    /// Trace entries that must appear: a code, or a code with some of its params.
    #[serde(default)]
    trace: Vec<CaseTrace>,
}

/// Sets the value at a JSON path such as `$.approvals.templates[0].flow[0].step`, which must
/// exist.
#[derive(Deserialize)]
struct Edit {
    set: String,
    value: serde_json::Value,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CaseTrace {
    Code(String),
    WithParams {
        code: String,
        params: BTreeMap<String, String>,
    },
}

/// The starter in `lang` with the case's edits; the edited workspace must be valid.
fn case_bundle(lang: Lang, case: &Case) -> Bundle {
    let bundle = starter::bundle(lang);
    if case.edits.is_empty() {
        return bundle;
    }
    let mut json: serde_json::Value =
        serde_json::from_str(&bundle.to_json()).expect("starter JSON");
    for e in &case.edits {
        let pointer = e
            .set
            .strip_prefix('$')
            .expect("path starts with $")
            .replace(['.', '['], "/")
            .replace(']', "");
        *json
            .pointer_mut(&pointer)
            .unwrap_or_else(|| panic!("{}: no {}", case.name, e.set)) = e.value.clone();
    }
    Bundle::from_json(&json.to_string())
        .unwrap_or_else(|e| panic!("{}: edited workspace is invalid: {e:?}", case.name))
}

#[derive(Deserialize)]
struct CaseStep {
    #[serde(default)]
    mode: Option<String>,
    approvers: Vec<String>,
    #[serde(default)]
    skipped: Option<Vec<CaseSkip>>,
    #[serde(default)]
    redirected: Option<String>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct CaseSkip {
    id: String,
    reason: String,
}

#[derive(Deserialize, Debug, PartialEq)]
struct CaseCc {
    id: String,
    when: String,
}

#[test]
fn boundary_scenarios() {
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("cases/routes.json")).expect("routes.json");
    assert!(cases.len() >= 20);
    for lang in Lang::ALL {
        for case in &cases {
            let bundle = case_bundle(lang, case);
            let form: Vec<(String, String)> = case
                .fields
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let result =
                simulate_with_picks(&bundle, &case.template, &case.requester, &form, &case.picks);
            if case.picks.is_empty() {
                let plain = simulate(&bundle, &case.template, &case.requester, &form);
                assert_eq!(
                    plain, result,
                    "{}: simulate is simulate_with_picks without picks",
                    case.name
                );
            }
            let name = &case.name;
            if let Some(code) = &case.error {
                let err = result.expect_err(name);
                assert_eq!(err.code, code, "{name}");
                assert!(!err.message().is_empty());
                continue;
            }
            let route = result.unwrap_or_else(|e| panic!("{name}: {}", e.message()));
            let approvers: Vec<&Vec<String>> = route.steps.iter().map(|s| &s.approvers).collect();
            let expected: Vec<&Vec<String>> = case.steps.iter().map(|s| &s.approvers).collect();
            assert_eq!(approvers, expected, "{name}");
            for (step, want) in route.steps.iter().zip(&case.steps) {
                if let Some(mode) = &want.mode {
                    assert_eq!(step.mode.code(), mode, "{name}");
                }
                if let Some(skipped) = &want.skipped {
                    let got: Vec<CaseSkip> = step
                        .skipped
                        .iter()
                        .map(|s| CaseSkip {
                            id: s.id.clone(),
                            reason: s.reason.to_string(),
                        })
                        .collect();
                    assert_eq!(&got, skipped, "{name}");
                }
                assert_eq!(step.redirected, want.redirected.as_deref(), "{name}");
            }
            let cc: Vec<CaseCc> = route
                .cc
                .iter()
                .map(|c| CaseCc {
                    id: c.id.clone(),
                    when: c.when.code().to_string(),
                })
                .collect();
            assert_eq!(cc, case.cc, "{name}");
            for want in &case.trace {
                let (code, params) = match want {
                    CaseTrace::Code(code) => (code, None),
                    CaseTrace::WithParams { code, params } => (code, Some(params)),
                };
                assert!(
                    route.trace.iter().any(|t| t.code == code
                        && params.is_none_or(|ps| ps.iter().all(|(k, v)| t.param(k) == v))),
                    "{name}: no `{code}` with {params:?} in the trace: {:#?}",
                    route.trace
                );
            }
            for t in &route.trace {
                assert!(!t.message().is_empty());
            }
        }
    }
}

#[test]
fn the_top_secret_trace_explains_the_duplicate() {
    let bundle = starter::bundle(Lang::En);
    let form = vec![
        ("classification".to_string(), "top_secret".to_string()),
        ("level".to_string(), "read".to_string()),
    ];
    let route = simulate(&bundle, "doc_access", "zhang", &form).expect("route");
    let dup = route
        .trace
        .iter()
        .find(|t| t.code == "skip_duplicate")
        .expect("duplicate explained");
    assert_eq!(dup.param("person"), "xu");
    assert_eq!(dup.param("step"), "s-countersign");
    assert_eq!(dup.param("previous"), "s-security");
    assert!(dup.message().contains("xu"), "{}", dup.message());
    let conditions: Vec<_> = route.trace.iter().filter(|t| t.code == "branch").collect();
    assert_eq!(conditions.len(), 2);
    assert!(conditions.iter().all(|t| t.param("held") == "true"));
    assert!(conditions[0].param("actual").contains("top_secret"));
}

#[test]
fn a_refused_request_has_a_clear_message() {
    let bundle = starter::bundle(Lang::Zh);
    let form = vec![
        ("leave_type".to_string(), "annual".to_string()),
        ("days".to_string(), "1".to_string()),
    ];
    let err = simulate(&bundle, "leave", "ma", &form).expect_err("refused");
    assert_eq!(err.code, "requester_left");
    assert!(err.message().contains("has left"), "{}", err.message());
}

/// Field values a user might type: numbers, options, junk.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?[0-9]{1,6}(\\.[0-9]{1,3})?",
        prop::sample::select(vec![
            "annual",
            "sick",
            "abroad",
            "domestic",
            "top_secret",
            "confidential",
            "internal",
            "read",
            "travel",
            "fapiao.pdf",
            "",
            " ",
            "NaN",
            "inf",
            "1e9",
            "3.5",
            "5000.01",
        ])
        .prop_map(str::to_string),
        ".{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any requester and any field values: no panic, the same answer twice, and every
    /// approver and CC recipient is an active person.
    #[test]
    fn simulate_is_total_deterministic_and_routes_to_active_people(
        lang in prop::sample::select(Lang::ALL.to_vec()),
        person in 0usize..64,
        template in 0usize..8,
        keys in prop::collection::vec(0usize..8, 0..6),
        values in prop::collection::vec(value(), 6),
    ) {
        let bundle = starter::bundle(lang);
        let requester = bundle.org.people.get(person % bundle.org.people.len()).map_or("x", |p| p.id.as_str());
        let template = bundle.approvals.templates.get(template).map_or("nope", |t| t.id.as_str());
        let field_ids: Vec<String> = bundle
            .approvals
            .templates
            .iter()
            .flat_map(|t| t.fields.iter().map(|f| f.id.clone()))
            .collect();
        let form: Vec<(String, String)> = keys
            .iter()
            .zip(&values)
            .map(|(k, v)| (field_ids.get(*k).cloned().unwrap_or_else(|| "other".into()), v.clone()))
            .collect();
        let a = simulate(&bundle, template, requester, &form);
        let b = simulate(&bundle, template, requester, &form);
        prop_assert_eq!(&a, &b);
        if let Ok(route) = a {
            for id in route.steps.iter().flat_map(|s| &s.approvers).chain(route.cc.iter().map(|c| &c.id)) {
                let p = bundle.org.person(id);
                prop_assert!(p.is_some_and(|p| p.status == Status::Active), "{}", id);
                prop_assert!(id != requester || route.cc.iter().all(|c| &c.id != id));
            }
            for s in &route.steps {
                prop_assert!(!s.approvers.is_empty());
                prop_assert!(!s.approvers.iter().any(|a| a == requester));
            }
        }
    }

    /// Well-formed leave requests from anyone still working here always get a route.
    #[test]
    fn valid_leave_always_routes(person in 0usize..64, halves in 1u32..60) {
        let bundle = starter::bundle(Lang::En);
        let p = &bundle.org.people[person % bundle.org.people.len()];
        let form = vec![
            ("leave_type".to_string(), "annual".to_string()),
            ("days".to_string(), format!("{}", f64::from(halves) / 2.0)),
        ];
        let r = simulate(&bundle, "leave", &p.id, &form);
        prop_assert_eq!(r.is_ok(), p.status == Status::Active, "{:?}", r);
    }
}

/// The starter with the leave template's direct supervisor and HR steps chosen by the
/// requester.
fn leave_with_picks() -> Bundle {
    use policy_playground::core::routing::{walk_flow, ApproverSpec, FlowNode};
    let mut bundle = starter::bundle(Lang::En);
    let leave = bundle
        .approvals
        .templates
        .iter_mut()
        .find(|t| t.id == "leave")
        .expect("leave");
    let mut flow = leave.flow.clone();
    fn edit(nodes: &mut [FlowNode]) {
        for node in nodes {
            match node {
                FlowNode::Step(s) if s.id == "s-supervisor" || s.id == "s-hr" => {
                    s.approvers = vec![ApproverSpec::ChosenByRequester];
                }
                FlowNode::Step(_) => {}
                FlowNode::Branch(b) => {
                    for br in &mut b.branches {
                        edit(&mut br.then);
                    }
                    edit(&mut b.default);
                }
            }
        }
    }
    edit(&mut flow);
    let mut chosen = 0;
    walk_flow(&flow, &mut |n| {
        if matches!(n, FlowNode::Step(s) if s.approvers == [ApproverSpec::ChosenByRequester]) {
            chosen += 1;
        }
    });
    assert_eq!(chosen, 2);
    leave.flow = flow;
    bundle
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any picks (known and unknown steps and people, repeats, empty lists): no panic, the
    /// same answer twice, an error only of the pick codes, and every approver an active
    /// person who is not the requester and was picked or resolved by another rule.
    #[test]
    fn any_picks_never_break_the_simulator(
        person in 0usize..15,
        days in 1u32..12,
        picks in prop::collection::vec(
            (0usize..4, prop::collection::vec(0usize..17, 0..4)),
            0..4,
        ),
    ) {
        let bundle = leave_with_picks();
        let ids: Vec<String> = bundle.org.people.iter().map(|p| p.id.clone()).collect();
        let steps = ["s-supervisor", "s-hr", "s-dept-head", "s-nope"];
        let picks: Vec<(String, Vec<String>)> = picks
            .iter()
            .map(|(s, people)| {
                (
                    steps[*s].to_string(),
                    people.iter().map(|i| ids.get(*i).cloned().unwrap_or_else(|| "ghost".into())).collect(),
                )
            })
            .collect();
        let requester = ids[person % ids.len()].clone();
        let form = vec![
            ("leave_type".to_string(), "annual".to_string()),
            ("days".to_string(), days.to_string()),
        ];
        let a = simulate_with_picks(&bundle, "leave", &requester, &form, &picks);
        prop_assert_eq!(&a, &simulate_with_picks(&bundle, "leave", &requester, &form, &picks));
        match a {
            Ok(route) => {
                for st in &route.steps {
                    prop_assert!(!st.approvers.is_empty());
                    prop_assert!(!st.approvers.contains(&requester));
                    for id in &st.approvers {
                        prop_assert!(bundle.org.person(id).is_some_and(|p| p.status == Status::Active), "{}", id);
                    }
                    if st.redirected.is_none() && (st.step == "s-supervisor" || st.step == "s-hr") {
                        let picked: Vec<&String> = picks
                            .iter()
                            .filter(|(s, _)| *s == st.step)
                            .flat_map(|(_, p)| p)
                            .collect();
                        prop_assert!(st.approvers.iter().all(|a| picked.contains(&a)));
                    }
                }
            }
            Err(e) => prop_assert!(
                ["unknown_pick_step", "unknown_person", "duplicate_pick", "missing_pick", "requester_left"]
                    .contains(&e.code),
                "{:?}", e
            ),
        }
    }
}

/// Who someone's supervisor is, a department's head and whether someone has left, scrambled.
#[derive(Debug, Clone)]
struct Scramble {
    supervisors: Vec<Option<usize>>,
    heads: Vec<Option<usize>>,
    left: Vec<bool>,
}

fn scramble() -> impl Strategy<Value = Scramble> {
    (
        prop::collection::vec(prop::option::of(0usize..20), 15),
        prop::collection::vec(prop::option::of(0usize..20), 8),
        prop::collection::vec(prop::bool::weighted(0.2), 15),
    )
        .prop_map(|(supervisors, heads, left)| Scramble {
            supervisors,
            heads,
            left,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Over a scrambled org chart (supervision cycles, people who left, heads missing or
    /// unknown) and valid forms: no panic, deterministic, approvers active and never the
    /// requester, and a refusal exactly when the requester has left.
    #[test]
    fn scrambled_org_never_breaks_the_simulator(
        s in scramble(),
        person in 0usize..15,
        request in 0usize..6,
        amount in 1u32..100_000,
    ) {
        let mut bundle = starter::bundle(Lang::En);
        let ids: Vec<String> = bundle.org.people.iter().map(|p| p.id.clone()).collect();
        let pick = |i: usize| ids.get(i).cloned().unwrap_or_else(|| format!("ghost{i}"));
        for (k, p) in bundle.org.people.iter_mut().enumerate() {
            p.supervisor = s.supervisors.get(k).copied().flatten().map(pick);
            p.status = if s.left.get(k).copied().unwrap_or(false) { Status::Left } else { Status::Active };
        }
        for (k, d) in bundle.org.departments.iter_mut().enumerate() {
            d.head = s.heads.get(k).copied().flatten().map(pick);
        }
        let requester = ids[person % ids.len()].clone();
        let amount = format!("{}", f64::from(amount) / 2.0);
        let (template, form): (&str, Vec<(&str, &str)>) = match request {
            0 => ("leave", vec![("leave_type", "annual"), ("days", "5")]),
            1 => ("leave", vec![("leave_type", "sick"), ("days", "1.5")]),
            2 => ("expense", vec![("amount", amount.as_str()), ("category", "travel"), ("invoice", "x.pdf")]),
            3 => ("trip", vec![("destination", "abroad"), ("days", "3")]),
            4 => ("doc_access", vec![("classification", "top_secret"), ("level", "full")]),
            _ => ("doc_access", vec![("classification", "public"), ("level", "read")]),
        };
        let form: Vec<(String, String)> = form.into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let a = simulate(&bundle, template, &requester, &form);
        prop_assert_eq!(&a, &simulate(&bundle, template, &requester, &form));
        let left = bundle.org.person(&requester).is_some_and(|p| p.status == Status::Left);
        match a {
            Ok(route) => {
                prop_assert!(!left);
                for id in route.steps.iter().flat_map(|s| &s.approvers).chain(route.cc.iter().map(|c| &c.id)) {
                    prop_assert!(bundle.org.person(id).is_some_and(|p| p.status == Status::Active), "{}", id);
                }
                for st in &route.steps {
                    prop_assert!(!st.approvers.is_empty());
                    prop_assert!(!st.approvers.contains(&requester));
                }
                prop_assert!(route.cc.iter().all(|c| c.id != requester));
                for pair in route.steps.windows(2) {
                    prop_assert!(
                        pair[1].redirected.is_some()
                            || !pair[1].approvers.iter().any(|p| pair[0].approvers.contains(p)),
                        "adjacent duplicate in {:?}", route.steps
                    );
                }
            }
            Err(e) => {
                // With wang possibly gone, the approval admin role can be empty.
                prop_assert!(
                    (left && e.code == "requester_left") || e.code == "empty_step",
                    "{:?}", e
                );
            }
        }
    }
}

#[test]
fn a_template_can_override_the_routing_policies() {
    use policy_playground::core::routing::RoutingPolicies;
    let mut bundle = starter::bundle(Lang::En);
    let form = vec![
        ("classification".to_string(), "top_secret".to_string()),
        ("level".to_string(), "read".to_string()),
    ];
    let t = bundle
        .approvals
        .templates
        .iter_mut()
        .find(|t| t.id == "doc_access")
        .expect("doc_access");
    t.policies = Some(RoutingPolicies {
        skip_adjacent_duplicate: false,
        ..RoutingPolicies::default()
    });
    let route = simulate(&bundle, "doc_access", "zhang", &form).expect("route");
    let steps: Vec<Vec<String>> = route.steps.iter().map(|s| s.approvers.clone()).collect();
    assert_eq!(steps, [vec!["chen"], vec!["xu"], vec!["xu", "zhou"]]);
    assert!(route
        .trace
        .iter()
        .any(|t| t.code == "policies" && t.param("source") == "template"));

    // Without an empty-step role, a step nobody can approve is an error, not a route.
    let leave = vec![
        ("leave_type".to_string(), "annual".to_string()),
        ("days".to_string(), "1".to_string()),
    ];
    bundle.approvals.policies.empty_step_role = None;
    let err = simulate(&bundle, "leave", "zhou", &leave).expect_err("no role");
    assert_eq!(err.code, "empty_step");
    assert_eq!(err.param("step"), "s-supervisor");

    // Not dropping emptied steps sends them to the approval admin instead.
    let mut bundle = starter::bundle(Lang::En);
    bundle.approvals.policies.drop_emptied_steps = false;
    let five = vec![
        ("leave_type".to_string(), "annual".to_string()),
        ("days".to_string(), "5".to_string()),
    ];
    let route = simulate(&bundle, "leave", "liu", &five).expect("route");
    let steps: Vec<Vec<String>> = route.steps.iter().map(|s| s.approvers.clone()).collect();
    assert_eq!(steps, [vec!["chen"], vec!["wang"], vec!["he"]]);
    assert_eq!(route.steps[1].redirected, Some("empty"));

    // Allowing self-approval keeps the requester in their own step.
    let mut bundle = starter::bundle(Lang::En);
    bundle.approvals.policies.skip_self = false;
    let route = simulate(&bundle, "leave", "chen", &five).expect("route");
    let steps: Vec<Vec<String>> = route.steps.iter().map(|s| s.approvers.clone()).collect();
    assert_eq!(steps, [vec!["zhou"], vec!["chen"], vec!["he"]]);
}

#[test]
fn people_who_left_are_skipped_or_redirected() {
    let mut bundle = starter::bundle(Lang::En);
    // Liu leaves: Zhang's direct supervisor is now someone who has left.
    for p in &mut bundle.org.people {
        if p.id == "liu" {
            p.status = Status::Left;
        }
    }
    let form = vec![
        ("leave_type".to_string(), "annual".to_string()),
        ("days".to_string(), "1".to_string()),
    ];
    let route = simulate(&bundle, "leave", "zhang", &form).expect("route");
    assert_eq!(route.steps.len(), 1);
    assert_eq!(route.steps[0].approvers, ["wang"]);
    assert_eq!(route.steps[0].redirected, Some("left"));
    assert_eq!(route.steps[0].skipped[0].id, "liu");
    assert_eq!(route.steps[0].skipped[0].reason, "left");
    let redirect = route
        .trace
        .iter()
        .find(|t| t.code == "redirect")
        .expect("redirect explained");
    assert!(
        redirect.message().contains("left"),
        "{}",
        redirect.message()
    );
}
