//! The question bank's list edits, as the trainer's editor makes them: fresh ids, adding,
//! duplicating, removing and moving questions and sets, and editing a question's options
//! and right answers. The option edits are cases: a question kind, edits, the kind after.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::quiz::paper::Kind;
use policy_playground::core::quiz::{QuestionKind, QuizBank, TOPICS};
use policy_playground::core::{starter, Lang};
use serde_json::{json, Value};

fn kind(v: Value) -> QuestionKind {
    serde_json::from_value(v).expect("a question kind")
}

/// One edit, written `["op", args…]`.
fn apply(k: &mut QuestionKind, edit: &Value) {
    let op = edit[0].as_str().expect("op");
    let n = |i: usize| edit[i].as_u64().expect("index") as usize;
    match op {
        "add" => k.add_option(edit[1].as_str().expect("text").into()),
        "remove" => {
            k.remove_option(n(1));
        }
        "up" => {
            k.move_option(n(1), true);
        }
        "down" => {
            k.move_option(n(1), false);
        }
        "right" => k.set_right(n(1), true),
        "wrong" => k.set_right(n(1), false),
        "to" => {
            let to = match edit[1].as_str().expect("kind") {
                "single" => Kind::Single,
                "multiple" => Kind::Multiple,
                "truefalse" => Kind::TrueFalse,
                _ => Kind::FillIn,
            };
            *k = k.converted(to);
        }
        other => panic!("unknown op `{other}`"),
    }
}

#[test]
fn option_edits() {
    let abc = json!(["A", "B", "C"]);
    let cases = [
        // name, start, edits, expected
        (
            "remove an option before the right one",
            json!({"single": {"options": abc, "answer": 2}}),
            json!([["remove", 0]]),
            json!({"single": {"options": ["B", "C"], "answer": 1}}),
        ),
        (
            "remove the right option: none right, and adding keeps none right",
            json!({"single": {"options": abc, "answer": 1}}),
            json!([["remove", 1], ["add", "D"]]),
            json!({"single": {"options": ["A", "C", "D"], "answer": 3}}),
        ),
        (
            "unmark the single right option",
            json!({"single": {"options": abc, "answer": 1}}),
            json!([["wrong", 1]]),
            json!({"single": {"options": abc, "answer": 3}}),
        ),
        (
            "marking another option right in a single choice",
            json!({"single": {"options": abc, "answer": 0}}),
            json!([["right", 2], ["wrong", 0]]),
            json!({"single": {"options": abc, "answer": 2}}),
        ),
        (
            "the right option moves with its text",
            json!({"single": {"options": abc, "answer": 0}}),
            json!([["down", 0], ["down", 1], ["down", 2], ["up", 0]]),
            json!({"single": {"options": ["B", "C", "A"], "answer": 2}}),
        ),
        (
            "multiple: marks kept sorted, renumbered on removal",
            json!({"multiple": {"options": abc, "answers": []}}),
            json!([
                ["right", 2],
                ["right", 0],
                ["right", 0],
                ["remove", 1],
                ["right", 9]
            ]),
            json!({"multiple": {"options": ["A", "C"], "answers": [0, 1]}}),
        ),
        (
            "multiple: moving swaps marks",
            json!({"multiple": {"options": abc, "answers": [0, 1]}}),
            json!([["down", 1]]),
            json!({"multiple": {"options": ["A", "C", "B"], "answers": [0, 2]}}),
        ),
        (
            "single to multiple and back keeps the first right option",
            json!({"single": {"options": abc, "answer": 1}}),
            json!([["to", "multiple"], ["right", 2], ["to", "single"]]),
            json!({"single": {"options": abc, "answer": 1}}),
        ),
        (
            "multiple to fill-in takes the right options' texts",
            json!({"multiple": {"options": abc, "answers": [0, 2]}}),
            json!([["to", "fillin"]]),
            json!({"fill_in": {"accepted": ["A", "C"]}}),
        ),
        (
            "fill-in to multiple: accepted answers become right options",
            json!({"fill_in": {"accepted": ["x", " ", "y"]}}),
            json!([["to", "multiple"]]),
            json!({"multiple": {"options": ["x", "y"], "answers": [0, 1]}}),
        ),
        (
            "empty fill-in to single: two blank options, none right",
            json!({"fill_in": {"accepted": [""]}}),
            json!([["to", "single"]]),
            json!({"single": {"options": ["", ""], "answer": 2}}),
        ),
        (
            "true/false to single: a blank single choice",
            json!({"true_false": {"answer": false}}),
            json!([["to", "single"], ["add", "x"], ["up", 9], ["remove", 7]]),
            json!({"single": {"options": ["", "", "x"], "answer": 0}}),
        ),
        (
            "to true/false",
            json!({"single": {"options": abc, "answer": 1}}),
            json!([["to", "truefalse"], ["add", "ignored"], ["right", 0]]),
            json!({"true_false": {"answer": true}}),
        ),
    ];
    for (name, start, edits, expected) in cases {
        let mut k = kind(start);
        for e in edits.as_array().expect("edits") {
            apply(&mut k, e);
        }
        assert_eq!(k, kind(expected), "{name}");
    }
}

#[test]
fn right_options_and_no_right_option() {
    let k = kind(json!({"multiple": {"options": ["A", "B"], "answers": [1, 1, 5, 0]}}));
    assert_eq!(k.right_options(), vec![0, 1]);
    assert!(!k.no_right_option());
    let k = kind(json!({"multiple": {"options": ["A", "B"], "answers": []}}));
    assert!(k.no_right_option());
    assert!(k.right_options().is_empty());
    let k = kind(json!({"single": {"options": ["A"], "answer": 1}}));
    assert!(k.right_options().is_empty());
    assert!(
        !k.no_right_option(),
        "validation reports it as out of range"
    );
    for kind in [Kind::Single, Kind::Multiple, Kind::TrueFalse, Kind::FillIn] {
        assert_eq!(QuestionKind::blank(kind).kind(), kind);
    }
}

#[test]
fn questions_add_duplicate_move_remove() {
    let mut bank = starter::bundle(Lang::Zh).quiz;
    let n = bank.questions.len();
    assert_eq!(bank.fresh_question_id(), "q-1");
    let i = bank.add_question(Kind::FillIn);
    assert_eq!(i, n);
    assert_eq!(bank.questions[i].id, "q-1");
    assert_eq!(bank.fresh_question_id(), "q-2");
    let copy = bank.duplicate_question(0).expect("copy");
    assert_eq!(copy, 1);
    assert_eq!(bank.questions[1].id, "q-2");
    assert_eq!(bank.questions[1].prompt, bank.questions[0].prompt);
    assert!(bank.move_question(1, true));
    assert_eq!(bank.questions[0].id, "q-2");
    assert!(!bank.move_question(0, true), "the first cannot move up");
    assert!(!bank.move_question(bank.questions.len() - 1, false));
    assert!(bank.remove_question(0).is_some());
    assert!(bank.remove_question(99).is_none());
    assert!(bank.duplicate_question(99).is_none());
    assert_eq!(bank.questions.len(), n + 1);

    let mut q = bank.questions[0].clone();
    let before = q.clauses.len();
    q.cite("c-x");
    q.cite("c-x");
    q.cite("");
    assert_eq!(q.clauses.len(), before + 1);
}

#[test]
fn sets_add_duplicate_move_remove_topics() {
    let mut bank = QuizBank::default();
    let a = bank.add_set("A".into(), 7);
    assert_eq!(
        (a, bank.sets[a].id.as_str(), bank.sets[a].seed),
        (0, "set-1", 7)
    );
    assert_eq!(bank.sets[a].topics.len(), TOPICS.len());
    let b = bank.duplicate_set(0, " (copy)").expect("copy");
    assert_eq!(bank.sets[b].id, "set-2");
    assert_eq!(bank.sets[b].name, "A (copy)");
    assert!(bank.move_set(1, true));
    assert_eq!(bank.sets[0].id, "set-2");
    let s = &mut bank.sets[0];
    s.topics = vec!["bogus".into()];
    s.set_topic("routing", true);
    s.set_topic("naming", true);
    s.set_topic("naming", true);
    assert_eq!(s.topics, ["naming", "routing", "bogus"]);
    s.set_topic("naming", false);
    assert_eq!(s.topics, ["routing", "bogus"]);
    assert!(bank.remove_set(1).is_some());
    assert_eq!(bank.fresh_set_id(), "set-1");
}
