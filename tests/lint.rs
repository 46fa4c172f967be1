//! The approval lint: the starter's exact findings, the cases in `tests/cases/lint.json`
//! (each a small edit of the starter), and a property tying "uncovered range" to the
//! simulator.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::lint::{lint, uncovered_ranges, Finding, Severity, CODES};
use policy_playground::core::routing::{
    Branch, BranchBlock, Condition, FieldKind, FlowNode, Op, Predicate, Subject, Value,
};
use policy_playground::core::simulate::simulate;
use policy_playground::core::{starter, Bundle, Lang};
use proptest::prelude::*;
use serde::Deserialize;

fn key(f: &Finding) -> (String, String) {
    (f.code.to_string(), f.path.clone())
}

#[test]
fn the_starter_has_no_errors_and_exactly_these_warnings() {
    // Every warning is true of the starter, and each is intended there:
    let expected: Vec<(&str, &str, &str)> = vec![
        // zhou (ceo) has no supervisor, so "direct supervisor" goes to the approval
        // admins for requests from the ceo department, as the starter's empty-step rule says.
        (
            "leave",
            "unresolved_step",
            "$.approvals.templates[0].flow[0].step",
        ),
        // Leave of up to 3 days takes no branch: it needs only the supervisor.
        (
            "leave",
            "uncovered_range",
            "$.approvals.templates[0].flow[1].branch",
        ),
        // The leave type is recorded for HR; no rule routes on it.
        (
            "leave",
            "unused_field",
            "$.approvals.templates[0].fields[0]",
        ),
        (
            "expense",
            "unresolved_step",
            "$.approvals.templates[1].flow[0].step",
        ),
        // Expenses up to 5,000 take the empty default: nothing extra before the accountant.
        (
            "expense",
            "uncovered_range",
            "$.approvals.templates[1].flow[1].branch",
        ),
        // The category is for the accounts, not for routing.
        (
            "expense",
            "unused_field",
            "$.approvals.templates[1].fields[1]",
        ),
        (
            "trip",
            "unresolved_step",
            "$.approvals.templates[2].flow[0].step",
        ),
        // Trip length and budget do not change the route; only the destination does.
        ("trip", "unused_field", "$.approvals.templates[2].fields[1]"),
        ("trip", "unused_field", "$.approvals.templates[2].fields[2]"),
        // The access level is for the document's owner; only classification routes.
        (
            "doc_access",
            "unused_field",
            "$.approvals.templates[3].fields[1]",
        ),
    ];
    for lang in Lang::ALL {
        let findings = lint(&starter::bundle(lang));
        let got: Vec<(&str, &str, &str)> = findings
            .iter()
            .map(|f| (f.template.as_str(), f.code, f.path.as_str()))
            .collect();
        assert_eq!(got, expected, "{lang:?}");
        assert!(findings.iter().all(|f| f.severity == Severity::Warning));
        let ranges: Vec<&str> = findings
            .iter()
            .filter(|f| f.code == "uncovered_range")
            .map(|f| f.param("range"))
            .collect();
        assert_eq!(ranges, ["(0, 3]", "(0, 5000]"]);
        assert!(findings
            .iter()
            .filter(|f| f.code == "unresolved_step")
            .all(|f| f.param("department") == "ceo" && f.param("requester") == "zhou"));
    }
}

#[derive(Deserialize)]
struct CaseFile {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    edits: Vec<Edit>,
    expect: Vec<Expected>,
    gone: Vec<(String, String)>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Edit {
    Set {
        set: String,
        value: serde_json::Value,
    },
    Remove {
        remove: String,
    },
}

#[derive(Deserialize)]
struct Expected {
    code: String,
    path: String,
    #[serde(default)]
    params: std::collections::BTreeMap<String, String>,
}

enum Seg {
    Key(String),
    Index(usize),
}

/// `$.a.b[2][0].c` as segments.
fn segments(path: &str) -> Vec<Seg> {
    let rest = path.strip_prefix('$').expect("path starts with $");
    let mut out = Vec::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                let mut k = String::new();
                while let Some(&n) = chars.peek() {
                    if n == '.' || n == '[' {
                        break;
                    }
                    k.push(n);
                    chars.next();
                }
                out.push(Seg::Key(k));
            }
            '[' => {
                let mut n = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    n.push(d);
                }
                out.push(Seg::Index(n.parse().expect("index")));
            }
            other => panic!("bad path {path} at {other}"),
        }
    }
    out
}

fn parent<'v>(root: &'v mut serde_json::Value, segs: &[Seg]) -> &'v mut serde_json::Value {
    let mut v = root;
    for s in segs {
        v = match s {
            Seg::Key(k) => v
                .get_mut(k.as_str())
                .unwrap_or_else(|| panic!("no key {k}")),
            Seg::Index(i) => v.get_mut(*i).unwrap_or_else(|| panic!("no index {i}")),
        };
    }
    v
}

fn apply(root: &mut serde_json::Value, edit: &Edit) {
    match edit {
        Edit::Set { set, value } => {
            let segs = segments(set);
            let (last, init) = segs.split_last().expect("non-empty path");
            let p = parent(root, init);
            match last {
                Seg::Key(k) => {
                    p.as_object_mut().expect("object")[k] = value.clone();
                }
                Seg::Index(i) => {
                    let list = p.as_array_mut().expect("array");
                    if *i == list.len() {
                        list.push(value.clone());
                    } else {
                        list[*i] = value.clone();
                    }
                }
            }
        }
        Edit::Remove { remove } => {
            let segs = segments(remove);
            let (last, init) = segs.split_last().expect("non-empty path");
            let p = parent(root, init);
            match last {
                Seg::Key(k) => {
                    p.as_object_mut().expect("object").remove(k);
                }
                Seg::Index(i) => {
                    p.as_array_mut().expect("array").remove(*i);
                }
            }
        }
    }
}

#[test]
fn lint_cases() {
    let file: CaseFile =
        serde_json::from_str(include_str!("cases/lint.json")).expect("tests/cases/lint.json");
    let starter = starter::bundle(Lang::En);
    let baseline = lint(&starter);
    let mut covered: Vec<&str> = Vec::new();
    for case in &file.cases {
        let mut json: serde_json::Value =
            serde_json::from_str(&starter.to_json()).expect("starter JSON");
        for e in &case.edits {
            apply(&mut json, e);
        }
        // Validation problems (an unknown field, say) are allowed: the app lints work in
        // progress, which may have them.
        let (bundle, _) = Bundle::from_json_with_problems(&json.to_string())
            .unwrap_or_else(|e| panic!("{}: edited bundle does not load: {e:?}", case.name));
        let findings = lint(&bundle);
        // Findings that are not among the starter's, each starter finding matched once.
        let mut rest = baseline.clone();
        let mut new = Vec::new();
        for f in &findings {
            match rest.iter().position(|b| b == f) {
                Some(i) => {
                    rest.remove(i);
                }
                None => new.push(f.clone()),
            }
        }
        let gone: Vec<(String, String)> = rest.iter().map(key).collect();
        assert_eq!(gone, case.gone, "{}: starter findings gone", case.name);
        assert_eq!(
            new.iter().map(key).collect::<Vec<_>>(),
            case.expect
                .iter()
                .map(|e| (e.code.clone(), e.path.clone()))
                .collect::<Vec<_>>(),
            "{}: new findings {new:#?}",
            case.name
        );
        for (f, e) in new.iter().zip(&case.expect) {
            for (k, v) in &e.params {
                assert_eq!(f.param(k), v, "{}: {} param {k}", case.name, f.code);
            }
            assert!(!f.message().is_empty());
            covered.push(f.code);
        }
    }
    for code in CODES {
        assert!(covered.contains(code), "no case reports `{code}`");
    }
}

/// A generated branch: one range over the expense amount.
#[derive(Debug, Clone)]
enum Range {
    Gt(f64),
    Ge(f64),
    Lt(f64),
    Le(f64),
    Eq(f64),
    Between(f64, f64),
}

fn amount() -> impl Strategy<Value = f64> {
    // Whole and half thresholds near a few round numbers, so ranges touch and overlap.
    (0u32..8, 0u32..3).prop_map(|(k, frac)| f64::from(k * 1000) + f64::from(frac) * 0.5)
}

fn range() -> impl Strategy<Value = Range> {
    prop_oneof![
        amount().prop_map(Range::Gt),
        amount().prop_map(Range::Ge),
        amount().prop_map(Range::Lt),
        amount().prop_map(Range::Le),
        amount().prop_map(Range::Eq),
        (amount(), amount()).prop_map(|(a, b)| Range::Between(a.min(b), a.max(b))),
    ]
}

fn predicate(r: &Range) -> Predicate {
    let field = Subject::Field("amount".into());
    let (op, value) = match r {
        Range::Gt(n) => (Op::Gt, Value::Number(*n)),
        Range::Ge(n) => (Op::Ge, Value::Number(*n)),
        Range::Lt(n) => (Op::Lt, Value::Number(*n)),
        Range::Le(n) => (Op::Le, Value::Number(*n)),
        Range::Eq(n) => (Op::Eq, Value::Number(*n)),
        Range::Between(a, b) => (
            Op::Between,
            Value::List(vec![Value::Number(*a), Value::Number(*b)]),
        ),
    };
    Predicate {
        subject: field,
        op,
        value: Some(value),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    /// Lint's "uncovered range" agrees with simulation: sampled amounts inside an uncovered
    /// range take no branch, and those outside every uncovered range take one.
    #[test]
    fn uncovered_ranges_agree_with_simulation(
        groups in prop::collection::vec(prop::collection::vec(range(), 1..3), 1..4),
    ) {
        let mut bundle = starter::bundle(Lang::En);
        let t = bundle
            .approvals
            .templates
            .iter()
            .position(|t| t.id == "expense")
            .expect("expense");
        let block = BranchBlock {
            id: "b-test".into(),
            branches: groups
                .iter()
                .enumerate()
                .map(|(i, g)| Branch {
                    id: format!("br-{i}"),
                    name: format!("branch {i}"),
                    when: Condition { any_of: vec![g.iter().map(predicate).collect()] },
                    then: Vec::new(),
                })
                .collect(),
            default: Vec::new(),
        };
        let template = &mut bundle.approvals.templates[t];
        let is_money = matches!(
            template.field("amount").map(|f| &f.kind),
            Some(FieldKind::Money { .. })
        );
        prop_assert!(is_money);
        template.flow = vec![FlowNode::Branch(block.clone())];
        let gaps = uncovered_ranges(&bundle.approvals.templates[t], &block);
        let lint_gaps: Vec<String> = lint(&bundle)
            .iter()
            .filter(|f| f.code == "uncovered_range" && f.template == "expense")
            .map(|f| f.param("range").to_string())
            .collect();
        prop_assert_eq!(
            lint_gaps,
            gaps.iter().map(|(_, g)| g.to_string()).collect::<Vec<_>>()
        );
        // Every threshold, a cent either side, and a few values in between.
        let mut samples: Vec<f64> = Vec::new();
        for k in 0..=16u32 {
            let x = f64::from(k) * 500.0;
            samples.extend([x - 0.01, x, x + 0.01, x + 250.0]);
        }
        for k in 0..8u32 {
            for frac in [0.5, 1.0] {
                let x = f64::from(k * 1000) + frac;
                samples.extend([x - 0.01, x, x + 0.01]);
            }
        }
        for x in samples.into_iter().filter(|x| *x > 0.0) {
            let typed = format!("{x:.2}");
            let x: f64 = typed.parse().expect("number");
            let form = vec![("amount".to_string(), typed),
                            ("invoice".to_string(), "f.pdf".to_string()),
                            ("category".to_string(), "travel".to_string())];
            let route = simulate(&bundle, "expense", "zhang", &form)
                .map_err(|e| TestCaseError::fail(format!("{x}: {e:?}")))?;
            let took = route.trace.iter().any(|e| e.code == "branch_taken");
            let uncovered = gaps.iter().any(|(_, g)| g.contains(x));
            prop_assert_eq!(took, !uncovered, "amount {}: gaps {:?}", x, gaps);
        }
    }
}
