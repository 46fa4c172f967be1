//! Grading (`core::quiz::grade`), driven by `tests/cases/quiz_grade.json`: one answer
//! against one question, whole quizzes (score, rounding, pass mark, unanswered and unknown
//! ids, the empty quiz) and quiz and answers files with their error positions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeMap, HashMap};

use policy_playground::core::quiz::grade::{self, grade, is_correct, read_answers, read_quiz};
use policy_playground::core::quiz::paper::{Answer, QuizQuestion};
use policy_playground::core::{starter, Lang};
use proptest::prelude::*;
use serde_json::Value;

fn named_questions(cases: &Value) -> HashMap<String, QuizQuestion> {
    cases["questions"]
        .as_object()
        .expect("questions")
        .iter()
        .map(|(name, q)| {
            (
                name.clone(),
                serde_json::from_value(q.clone()).expect("a question"),
            )
        })
        .collect()
}

fn answer(v: &Value) -> Answer {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("answer {v}: {e}"))
}

#[test]
fn grading_cases() {
    let cases = common::load("quiz_grade.json");
    let named = named_questions(&cases);
    let mut failures = Vec::new();

    for c in cases["checks"].as_array().expect("checks") {
        let q = &named[c["q"].as_str().expect("q")];
        let given = answer(&c["given"]);
        let want = c["correct"].as_bool().expect("correct");
        if is_correct(q, &given) != want {
            failures.push(format!(
                "check {} {:?}: want {want} ({})",
                q.id, given, c["why"]
            ));
        }
    }

    for c in cases["quizzes"].as_array().expect("quizzes") {
        let name = c["name"].as_str().expect("name");
        let mut uses: HashMap<&str, usize> = HashMap::new();
        let questions: Vec<QuizQuestion> = c["questions"]
            .as_array()
            .expect("questions")
            .iter()
            .map(|n| {
                let n = n.as_str().expect("name");
                let k = uses.entry(n).or_default();
                *k += 1;
                let mut q = named[n].clone();
                if *k > 1 {
                    q.id = format!("{n}-{k}");
                }
                q
            })
            .collect();
        let answers: BTreeMap<String, Answer> = c["answers"]
            .as_object()
            .expect("answers")
            .iter()
            .map(|(k, v)| (k.clone(), answer(v)))
            .collect();
        let pass_mark = c["pass_mark"].as_u64().expect("pass_mark") as u32;
        let got = grade(&questions, &answers, pass_mark);
        let marks: Vec<bool> = got.per_question.iter().map(|r| r.correct).collect();
        let want_marks: Vec<bool> = c["correct"]
            .as_array()
            .expect("correct")
            .iter()
            .map(|v| v.as_bool().expect("bool"))
            .collect();
        let want_unknown: Vec<String> = c["unknown"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().expect("id").to_string())
                    .collect()
            })
            .unwrap_or_default();
        let want_score = c["score"].as_u64().expect("score") as u32;
        let want_passed = c["passed"].as_bool().expect("passed");
        if got.score != want_score
            || got.passed != want_passed
            || marks != want_marks
            || got.unknown_answers != want_unknown
            || got.total != questions.len()
            || got.correct != marks.iter().filter(|m| **m).count()
            || got.pass_mark != pass_mark
        {
            failures.push(format!(
                "quiz {name:?}\n  want {want_score} {want_passed} {want_marks:?} {want_unknown:?}\n  got  {} {} {marks:?} {:?}",
                got.score, got.passed, got.unknown_answers
            ));
        }
        for (r, q) in got.per_question.iter().zip(&questions) {
            if r.id != q.id
                || r.expected != q.answer
                || r.clauses != q.clauses
                || r.explanation != q.explanation
                || r.given.as_ref() != answers.get(&q.id)
            {
                failures.push(format!("quiz {name:?}: per-question result of {}", q.id));
            }
        }
    }

    for c in cases["files"].as_array().expect("files") {
        let text = c["text"].as_str().expect("text");
        let what = c["what"].as_str().expect("what");
        let got = match what {
            "quiz" => read_quiz(text).map(|_| ()),
            _ => read_answers(text).map(|_| ()),
        };
        match (got, c["error"].as_str()) {
            (Ok(()), None) => {}
            (Err(e), Some(kind)) => {
                let path = c["path"].as_str().expect("path");
                if e.kind.code() != kind || e.path != path {
                    failures.push(format!(
                        "{what} {text:?}: want {kind} at {path}, got {} at {} ({e})",
                        e.kind.code(),
                        e.path
                    ));
                }
            }
            (Ok(()), Some(kind)) => failures.push(format!("{what} {text:?}: want {kind}, got ok")),
            (Err(e), None) => failures.push(format!("{what} {text:?}: want ok, got {e}")),
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
fn read_errors_say_where() {
    let e = read_answers("{\"a\": 1,\n \"b\": null}").expect_err("null is no answer");
    assert_eq!(e.line, 2);
    let text = e.to_string();
    assert!(text.starts_with("$.b (line 2, column"), "{text}");
    let e = read_quiz("{\"questions\": [}").expect_err("syntax");
    assert!(
        e.to_string()
            .starts_with("not valid JSON at line 1, column 16"),
        "{e}"
    );
    let e = read_quiz(
        r#"{"questions": [{"id": "a", "topic": "custom", "kind": "single", "prompt": "p", "options": ["x"], "answer": 1}]}"#,
    )
    .expect_err("out of range");
    assert_eq!(
        e.to_string(),
        "$.questions[0].answer: option 1 does not exist (the question has 1 option(s), counted from 0)"
    );
}

/// The starter's bank in the quiz shape, graded with its own key: full marks, in both
/// languages; and the JSON of a graded quiz has the fields `ppg quiz grade` promises.
#[test]
fn the_starter_bank_grades_full_marks_with_its_own_key() {
    for lang in Lang::ALL {
        let bank = starter::bundle(lang).quiz;
        let questions: Vec<QuizQuestion> = bank
            .questions
            .iter()
            .map(QuizQuestion::from_authored)
            .collect();
        grade::check_questions(&questions, "$").expect("gradable");
        let key: BTreeMap<String, Answer> = questions
            .iter()
            .map(|q| (q.id.clone(), q.answer.clone()))
            .collect();
        let g = grade(&questions, &key, 80);
        assert_eq!((g.score, g.passed, g.correct), (100, true, questions.len()));
        let json = serde_json::to_value(&g).expect("serializes");
        for field in [
            "score",
            "passed",
            "pass_mark",
            "correct",
            "total",
            "per_question",
        ] {
            assert!(json.get(field).is_some(), "{field}");
        }
        for field in [
            "id",
            "correct",
            "given",
            "expected",
            "explanation",
            "clauses",
        ] {
            assert!(json["per_question"][0].get(field).is_some(), "{field}");
        }
        assert!(json.get("unknown_answers").is_none(), "left out when empty");
    }
}

fn any_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any::<bool>().prop_map(Answer::Bool),
        (0usize..8).prop_map(Answer::Index),
        proptest::collection::vec(0usize..8, 0..6).prop_map(Answer::Indexes),
        "\\PC{0,12}".prop_map(Answer::Text),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any answers, any pass mark: the score stays in 0..=100, passing follows it, and
    /// grading is deterministic.
    #[test]
    fn grading_any_answers_is_total(
        given in proptest::collection::vec(any_answer(), 8),
        pass_mark in 0u32..=120,
    ) {
        let bank = starter::bundle(Lang::Zh).quiz;
        let questions: Vec<QuizQuestion> =
            bank.questions.iter().map(QuizQuestion::from_authored).collect();
        let answers: BTreeMap<String, Answer> = questions
            .iter()
            .zip(given)
            .map(|(q, a)| (q.id.clone(), a))
            .collect();
        let g = grade(&questions, &answers, pass_mark);
        prop_assert!(g.score <= 100);
        prop_assert_eq!(g.passed, g.score >= pass_mark);
        prop_assert_eq!(g, grade(&questions, &answers, pass_mark));
    }

    /// Reading any text as a quiz or answers file never panics.
    #[test]
    fn reading_any_text_never_panics(text in "\\PC{0,200}") {
        let _ = read_quiz(&text);
        let _ = read_answers(&text);
        let _ = grade::normalize_text(&text);
    }
}
