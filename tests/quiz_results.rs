//! Quizzes handed out and results handed back (`core::quiz::results`): papers through files
//! and links, the sealed key, tampering, results through files and codes, verification,
//! aggregation (driven by `tests/cases/quiz_results.json`), the CSV exports, and hostile
//! input for every reader.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use policy_playground::core::export::share;
use policy_playground::core::quiz::paper::{Answer, QuizQuestion};
use policy_playground::core::quiz::results::{
    aggregate, make_paper, normalize_code, submit, verify, Paper, PaperError, QuizResult,
    ResultError, SubmitError, Verification,
};
use policy_playground::core::{starter, Bundle, Lang};
use proptest::prelude::*;
use serde_json::Value;

/// The starter's bank, in bank order, in the quiz shape.
fn bank(bundle: &Bundle) -> Vec<QuizQuestion> {
    bundle
        .quiz
        .questions
        .iter()
        .map(QuizQuestion::from_authored)
        .collect()
}

/// The paper of the starter's first set with the whole bank, in `lang`.
fn starter_paper(lang: Lang) -> (Bundle, Paper) {
    let bundle = starter::bundle(lang);
    let set = bundle.quiz.sets[0].clone();
    let paper = make_paper(&bundle, &set, bank(&bundle));
    (bundle, paper)
}

/// The right answers of a paper.
fn key(paper: &Paper) -> BTreeMap<String, Answer> {
    paper
        .unseal()
        .expect("unseals")
        .into_iter()
        .map(|q| (q.id, q.answer))
        .collect()
}

fn answers(v: &Value) -> BTreeMap<String, Answer> {
    serde_json::from_value(v.clone()).expect("answers")
}

#[test]
fn a_paper_carries_the_set_and_the_questions_without_answers() {
    for lang in Lang::ALL {
        let (bundle, paper) = starter_paper(lang);
        let set = &bundle.quiz.sets[0];
        assert_eq!(paper.format, "ppg-quiz-paper");
        assert_eq!(paper.version, 1);
        assert_eq!(paper.id.len(), 16);
        assert!(paper.id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(paper.set_id, set.id);
        assert_eq!(paper.set_name, set.name);
        assert_eq!(paper.policy_title, bundle.policy.meta.title);
        assert_eq!(paper.doc_code, bundle.policy.meta.doc_code);
        assert_eq!(paper.policy_version, bundle.policy.meta.version);
        assert_eq!(paper.lang, lang);
        assert_eq!(
            (paper.pass_mark, paper.time_limit_minutes, paper.attempts),
            (80, Some(15), Some(3))
        );
        assert_eq!(paper.feedback, set.feedback);
        assert_eq!(paper.questions.len(), bundle.quiz.questions.len());

        // Clause labels follow the policy's numbering and language.
        let first = &paper.questions[0];
        assert_eq!(first.id, "q-reply-important");
        let n = bundle
            .policy
            .article_number("c-response-important")
            .expect("in the policy");
        let c = &first.clauses[0];
        assert_eq!(c.id, "c-response-important");
        assert_eq!(c.article, Some(n));
        let want = match lang {
            Lang::Zh => format!("第{n}条"),
            Lang::En => format!("Article {n}"),
        };
        assert_eq!(c.label, want);
        assert_eq!(
            c.title,
            bundle
                .policy
                .clause("c-response-important")
                .expect("clause")
                .title
        );

        // Unsealing gives back exactly the questions put in.
        assert_eq!(paper.unseal().expect("unseals"), bank(&bundle));
        // Same input, same paper.
        assert_eq!(make_paper(&bundle, set, bank(&bundle)), paper);
    }
}

#[test]
fn make_paper_leaves_out_repeated_and_ungradable_questions() {
    let bundle = starter::bundle(Lang::Zh);
    let mut questions = bank(&bundle);
    questions.push(questions[0].clone());
    let mut broken = questions[1].clone();
    broken.id = "broken".into();
    broken.answer = Answer::Index(0); // a true/false question with an index
    questions.push(broken);
    let mut unknown_clause = questions[2].clone();
    unknown_clause.id = "unknown-clause".into();
    unknown_clause.clauses = vec!["c-nowhere".into()];
    questions.push(unknown_clause);
    let paper = make_paper(&bundle, &bundle.quiz.sets[0], questions);
    let ids: Vec<&str> = paper.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), bundle.quiz.questions.len() + 1, "{ids:?}");
    assert!(!ids.contains(&"broken"));
    let last = paper.questions.last().expect("a question");
    assert_eq!(last.clauses[0].label, "");
    assert_eq!(last.clauses[0].article, None);
    assert_eq!(Paper::from_json(&paper.to_json()), Ok(paper));
}

#[test]
fn a_paper_round_trips_through_file_and_link() {
    for lang in Lang::ALL {
        let (_, paper) = starter_paper(lang);
        let json = paper.to_json();
        assert_eq!(Paper::from_json(&json).as_ref(), Ok(&paper));
        assert_eq!(
            Paper::from_json(&format!("\u{feff}{json}")).as_ref(),
            Ok(&paper)
        );

        let fragment = paper.to_fragment();
        assert!(fragment.starts_with("quiz=v1."), "{fragment}");
        println!("{lang:?}: quiz link fragment {} chars", fragment.len());
        assert!(fragment.len() < share::MAX_FRAGMENT_CHARS);
        let url = format!("https://example.com/pp/take#{fragment}");
        assert_eq!(Paper::from_fragment(&url).as_ref(), Ok(&paper));
        assert_eq!(Paper::from_fragment(&fragment).as_ref(), Ok(&paper));
        assert_eq!(
            Paper::from_fragment(&format!("#{fragment}")).as_ref(),
            Ok(&paper)
        );
        assert_eq!(
            Paper::from_fragment(&format!("#lang=en&{fragment}")).as_ref(),
            Ok(&paper)
        );
        assert_eq!(
            Paper::from_fragment(&fragment.replacen("quiz=", "quiz%3D", 1)).as_ref(),
            Ok(&paper)
        );
        // A chat app broke the link into lines and indented them.
        let wrapped: String = url
            .chars()
            .collect::<Vec<_>>()
            .chunks(70)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\r\n  ");
        assert_eq!(Paper::from_fragment(&wrapped).as_ref(), Ok(&paper));
    }
}

#[test]
fn the_sealed_key_is_not_readable_in_the_file() {
    for lang in Lang::ALL {
        let (bundle, paper) = starter_paper(lang);
        let json = paper.to_json();
        let value: Value = serde_json::from_str(&json).expect("JSON");
        let visible: Vec<String> = paper
            .questions
            .iter()
            .flat_map(|q| std::iter::once(q.prompt.clone()).chain(q.options.clone()))
            .collect();
        for q in &bundle.quiz.questions {
            assert!(!json.contains(&q.explanation), "explanation of {}", q.id);
        }
        assert!(!json.contains("\"answer\""));
        assert!(!json.contains("\"accepted\""));
        assert!(!json.contains("\"explanation\""));
        // Fill-in answers do not appear outside the prompts and options (the key field is
        // base64, where short ASCII answers could show up by chance, so it is left out).
        let mut without_key = value.clone();
        without_key["key"] = Value::Null;
        let without_key = without_key.to_string();
        for q in bank(&bundle) {
            if let Answer::Text(t) = &q.answer {
                for a in std::iter::once(t).chain(&q.accepted) {
                    let shown = visible.iter().any(|v| v.contains(a.as_str()));
                    assert!(shown || !without_key.contains(a.as_str()), "{a}");
                }
            }
        }
        // Decoding the key as a share link's data would be (base64, inflate) gets nothing.
        let key = value["key"].as_str().expect("key");
        let plain = share::unpack(key, 1 << 20)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        for q in &bundle.quiz.questions {
            assert!(!plain.contains(&q.explanation));
        }
    }
}

/// Replaces the JSON value at `pointer` in a paper file.
fn edited(json: &str, pointer: &str, to: Value) -> String {
    let mut v: Value = serde_json::from_str(json).expect("JSON");
    *v.pointer_mut(pointer).expect("pointer") = to;
    serde_json::to_string_pretty(&v).expect("JSON")
}

#[test]
fn a_changed_or_damaged_paper_file_is_refused() {
    let (_, paper) = starter_paper(Lang::Zh);
    let json = paper.to_json();
    let checksum = [
        ("/questions/0/options/1", Value::from("5 分钟")),
        ("/questions/0/prompt", Value::from("改过的题目")),
        ("/questions/1/kind", Value::from("fillin")),
        ("/pass_mark", Value::from(0)),
        ("/attempts", Value::Null),
        ("/set_name", Value::from("另一个测验")),
        ("/questions/0/clauses/0/label", Value::from("第1条")),
    ];
    for (pointer, to) in checksum {
        let text = edited(&json, pointer, to);
        assert_eq!(
            Paper::from_json(&text),
            Err(PaperError::ChecksumMismatch),
            "{pointer}"
        );
    }
    // The id seeds the keystream: another id makes the key unreadable.
    let other_id = edited(&json, "/id", Value::from("0123456789abcdef"));
    assert!(matches!(
        Paper::from_json(&other_id),
        Err(PaperError::Corrupt | PaperError::ChecksumMismatch)
    ));
    // A character of the key changed.
    let key = paper.key.clone();
    let mut chars: Vec<char> = key.chars().collect();
    let mid = chars.len() / 2;
    chars[mid] = if chars[mid] == 'A' { 'B' } else { 'A' };
    let bad_key = edited(
        &json,
        "/key",
        Value::from(chars.into_iter().collect::<String>()),
    );
    assert!(matches!(
        Paper::from_json(&bad_key),
        Err(PaperError::Corrupt | PaperError::ChecksumMismatch)
    ));
    // A question removed.
    let mut v: Value = serde_json::from_str(&json).expect("JSON");
    v["questions"].as_array_mut().expect("list").pop();
    assert_eq!(
        Paper::from_json(&v.to_string()),
        Err(PaperError::Corrupt),
        "key and questions no longer pair up"
    );

    assert_eq!(
        Paper::from_json(&edited(&json, "/version", Value::from(2))),
        Err(PaperError::UnsupportedVersion("2".into()))
    );
    assert_eq!(
        Paper::from_json(&edited(&json, "/format", Value::from("ppg-quiz-result"))),
        Err(PaperError::NotAQuizFile)
    );
    assert_eq!(Paper::from_json("[1]"), Err(PaperError::NotAQuizFile));
    assert_eq!(
        Paper::from_json(&starter::bundle(Lang::Zh).to_json()),
        Err(PaperError::NotAQuizFile)
    );
    assert!(matches!(
        Paper::from_json(&json[..json.len() / 2]),
        Err(PaperError::Invalid(m)) if m.starts_with("not valid JSON at line")
    ));
    assert!(matches!(
        Paper::from_json(&edited(&json, "/questions/0/kind", Value::from("essay"))),
        Err(PaperError::Invalid(m)) if m.starts_with("$.questions[0].kind")
    ));
    let huge = format!("{}{}", json, " ".repeat(1 << 20));
    assert_eq!(Paper::from_json(&huge), Err(PaperError::TooLarge));
}

#[test]
fn a_changed_or_damaged_quiz_link_is_refused() {
    let (_, paper) = starter_paper(Lang::Zh);
    let fragment = paper.to_fragment();
    assert_eq!(
        Paper::from_fragment("https://example.com/"),
        Err(PaperError::NotAQuizLink)
    );
    assert_eq!(Paper::from_fragment(""), Err(PaperError::NotAQuizLink));
    let share_link = share::encode(&starter::bundle(Lang::Zh)).expect("encodes");
    assert_eq!(
        Paper::from_fragment(&share_link),
        Err(PaperError::NotAQuizLink)
    );
    assert_eq!(
        Paper::from_fragment(&fragment.replacen("v1.", "v2.", 1)),
        Err(PaperError::UnsupportedVersion("v2".into()))
    );
    assert_eq!(
        Paper::from_fragment(&fragment.replacen("v1.", "vx.", 1)),
        Err(PaperError::Corrupt)
    );
    assert_eq!(Paper::from_fragment("quiz=v1"), Err(PaperError::Corrupt));
    // Cut short anywhere.
    for cut in [
        10,
        fragment.len() / 3,
        fragment.len() - 3,
        fragment.len() - 1,
    ] {
        assert!(
            Paper::from_fragment(&fragment[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    // Any one character changed: refused, or (where only padding bits changed) the same.
    let bytes = fragment.as_bytes();
    for i in (8..fragment.len()).step_by(7) {
        let mut damaged = bytes.to_vec();
        damaged[i] = if damaged[i] == b'Q' { b'w' } else { b'Q' };
        let damaged = String::from_utf8(damaged).expect("ASCII");
        match Paper::from_fragment(&damaged) {
            Ok(p) => assert_eq!(p, paper, "at {i}"),
            Err(e) => assert!(
                matches!(
                    e,
                    PaperError::Corrupt | PaperError::ChecksumMismatch | PaperError::Invalid(_)
                ),
                "at {i}: {e:?}"
            ),
        }
    }
}

#[test]
fn a_result_round_trips_through_file_and_code() {
    let (_, paper) = starter_paper(Lang::Zh);
    let mut given = key(&paper);
    given.insert("q-edit-lock".into(), Answer::Text("25".into()));
    given.insert("not-in-the-paper".into(), Answer::Bool(true));
    let r = submit(&paper, " 张伟 ", "2026-03-02T10:15", 1, given).expect("submits");
    assert_eq!(r.format, "ppg-quiz-result");
    assert_eq!(r.paper, paper.id);
    assert_eq!(r.taker, "张伟");
    assert_eq!(r.set_name, paper.set_name);
    assert_eq!(r.policy_version, paper.policy_version);
    assert_eq!((r.score, r.passed), (88, true));
    assert_eq!(r.marks, "11110111");
    assert!(!r.answers.contains_key("not-in-the-paper"));
    assert_eq!(r.code.len(), 14);
    assert_eq!(normalize_code(&r.code).as_deref(), Some(r.code.as_str()));

    assert_eq!(QuizResult::from_json(&r.to_json()).as_ref(), Ok(&r));
    let code = r.to_code();
    println!("result code {} chars", code.len());
    assert!(code.starts_with("ppgr1."));
    assert!(code.len() < 600, "short enough for a chat: {}", code.len());
    assert_eq!(QuizResult::from_code(&code).as_ref(), Ok(&r));
    let pasted = format!(
        "我的测验结果：\n{}\n{}\n谢谢",
        &code[..code.len() / 2],
        &code[code.len() / 2..]
    );
    assert_eq!(QuizResult::from_code(&pasted).as_ref(), Ok(&r));
    assert_eq!(QuizResult::parse(&code).as_ref(), Ok(&r));
    assert_eq!(QuizResult::parse(&r.to_json()).as_ref(), Ok(&r));
    assert_eq!(verify(&paper, &r), Verification::Ok);

    assert_eq!(QuizResult::from_code("hello"), Err(ResultError::NotAResult));
    assert_eq!(
        QuizResult::from_code(&code.replacen("ppgr1", "ppgr2", 1)),
        Err(ResultError::UnsupportedVersion("ppgr2".into()))
    );
    assert_eq!(
        QuizResult::from_code(&code[..code.len() - 5]),
        Err(ResultError::Corrupt)
    );
    assert_eq!(
        QuizResult::from_json(&paper.to_json()),
        Err(ResultError::NotAResult)
    );
}

#[test]
fn submitting_checks_the_taker_time_and_attempts() {
    let (_, paper) = starter_paper(Lang::Zh);
    let any = BTreeMap::new;
    let when = "2026-03-02T10:15";
    assert_eq!(
        submit(&paper, "  ", when, 1, any()),
        Err(SubmitError::NoTaker)
    );
    assert_eq!(
        submit(&paper, "张伟", " ", 1, any()),
        Err(SubmitError::NoTime)
    );
    assert!(matches!(
        submit(&paper, "张伟", when, 0, any()),
        Err(SubmitError::NoAttemptsLeft { .. })
    ));
    assert_eq!(
        submit(&paper, "张伟", when, 4, any()),
        Err(SubmitError::NoAttemptsLeft {
            attempt: 4,
            allowed: 3
        })
    );
    assert!(submit(&paper, "张伟", when, 3, any()).is_ok());
    assert!(matches!(
        submit(&paper, &"名".repeat(101), when, 1, any()),
        Err(SubmitError::TooLong { max: 100, .. })
    ));
    let mut long = BTreeMap::new();
    long.insert("q-edit-lock".to_string(), Answer::Text("3".repeat(501)));
    assert!(matches!(
        submit(&paper, "张伟", when, 1, long),
        Err(SubmitError::TooLong { max: 500, .. })
    ));
    let nothing = submit(&paper, "张伟", when, 1, any()).expect("submits");
    assert_eq!((nothing.score, nothing.passed), (0, false));
    assert_eq!(nothing.marks, "00000000");
}

#[test]
fn verification_catches_edits() {
    let (_, paper) = starter_paper(Lang::Zh);
    let mut given = key(&paper);
    given.insert("q-edit-lock".into(), Answer::Text("25".into()));
    given.insert("q-leave-short".into(), Answer::Bool(false));
    let r = submit(&paper, "李娜", "2026-03-02T11:00", 1, given).expect("submits");
    assert_eq!((r.score, r.passed), (75, false));
    assert_eq!(verify(&paper, &r), Verification::Ok);

    let mut score = r.clone();
    score.score = 100;
    score.passed = true;
    assert_eq!(
        verify(&paper, &score),
        Verification::ScoreMismatch {
            claimed: 100,
            actual: 75
        }
    );
    // Answers made right, score left alone: the answers no longer give that score.
    let mut answers = r.clone();
    answers
        .answers
        .insert("q-edit-lock".into(), Answer::Text("30".into()));
    assert!(matches!(
        verify(&paper, &answers),
        Verification::ScoreMismatch { actual: 88, .. }
    ));
    // Answers made right and the score, pass and marks made to match: the code catches it.
    let mut all = answers.clone();
    all.score = 88;
    all.passed = true;
    all.marks = "11111110".into();
    assert_eq!(verify(&paper, &all), Verification::Edited);
    // A wrong answer swapped for another wrong one: same score, different answers.
    let mut swapped = r.clone();
    swapped
        .answers
        .insert("q-edit-lock".into(), Answer::Text("45".into()));
    assert_eq!(verify(&paper, &swapped), Verification::Edited);
    // Only the pass flag, or only the marks.
    let mut passed = r.clone();
    passed.passed = true;
    assert_eq!(verify(&paper, &passed), Verification::Edited);
    let mut marks = r.clone();
    marks.marks = "11111111".into();
    assert_eq!(verify(&paper, &marks), Verification::Edited);
    // Name, time, attempt, code.
    for edit in [
        |r: &mut QuizResult| r.taker = "王芳".into(),
        |r: &mut QuizResult| r.when = "2026-03-01T11:00".into(),
        |r: &mut QuizResult| r.attempt = 2,
        |r: &mut QuizResult| r.code = "0000-0000-0000".into(),
    ] {
        let mut e = r.clone();
        edit(&mut e);
        assert_eq!(verify(&paper, &e), Verification::Edited, "{e:?}");
    }
    // A code typed by hand: lower case, spaces, O for 0 and I or L for 1 still verify.
    let mut typed = r.clone();
    typed.code = r
        .code
        .to_lowercase()
        .replace('-', " ")
        .replace('0', "o")
        .replace('1', "l");
    assert_eq!(verify(&paper, &typed), Verification::Ok);

    // Another paper: same questions, another pass mark.
    let bundle = starter::bundle(Lang::Zh);
    let mut set = bundle.quiz.sets[0].clone();
    set.pass_mark = 70;
    let other = make_paper(&bundle, &set, bank(&bundle));
    assert_ne!(other.id, paper.id);
    assert!(matches!(
        verify(&other, &r),
        Verification::OtherPaper { paper } if paper == r.paper
    ));
    // The result survives its file and code forms with its verification.
    let back = QuizResult::from_code(&r.to_code()).expect("reads");
    assert_eq!(verify(&paper, &back), Verification::Ok);
}

/// A result as the case file describes it.
fn case_result(spec: &Value, done: &[QuizResult], zh: &Paper, en: &Paper) -> QuizResult {
    if let Some(i) = spec["same_as"].as_u64() {
        return done[i as usize].clone();
    }
    let paper = if spec["paper"] == "en" { en } else { zh };
    let mut r = submit(
        paper,
        spec["taker"].as_str().expect("taker"),
        spec["when"].as_str().expect("when"),
        spec["attempt"].as_u64().expect("attempt") as u32,
        answers(&spec["answers"]),
    )
    .expect("submits");
    if let Some(edit) = spec.get("edit") {
        let mut v = serde_json::to_value(&r).expect("JSON");
        for (k, x) in edit.as_object().expect("edit") {
            v[k] = x.clone();
        }
        r = serde_json::from_value(v).expect("still a result");
    }
    r
}

#[test]
fn aggregation_cases() {
    let cases = common::load("quiz_results.json");
    let (_, zh) = starter_paper(Lang::Zh);
    let (_, en) = starter_paper(Lang::En);
    let mut failures = Vec::new();
    for s in cases["scenarios"].as_array().expect("scenarios") {
        let mut results = Vec::new();
        for spec in s["results"].as_array().expect("results") {
            let r = case_result(spec, &results, &zh, &en);
            results.push(r);
        }
        let agg = aggregate(&zh, &results);
        let got = serde_json::to_value(&agg).expect("JSON");
        let mut out = Vec::new();
        common::matches(&s["expect"], &got, "$", &mut out);
        if !out.is_empty() {
            failures.push(format!("{}:\n  {}", s["name"], out.join("\n  ")));
        }
        // Through the file and code forms, the same figures.
        let back: Vec<QuizResult> = results
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if i % 2 == 0 {
                    QuizResult::from_code(&r.to_code()).expect("code")
                } else {
                    QuizResult::from_json(&r.to_json()).expect("file")
                }
            })
            .collect();
        assert_eq!(aggregate(&zh, &back), agg, "{}", s["name"]);
    }
    assert!(
        failures.is_empty(),
        "{} scenario(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn first_scenario() -> (Paper, Vec<QuizResult>) {
    let cases = common::load("quiz_results.json");
    let (_, zh) = starter_paper(Lang::Zh);
    let (_, en) = starter_paper(Lang::En);
    let mut results = Vec::new();
    for spec in cases["scenarios"][0]["results"]
        .as_array()
        .expect("results")
    {
        let r = case_result(spec, &results, &zh, &en);
        results.push(r);
    }
    (zh, results)
}

#[test]
fn the_csv_exports_have_headers_in_the_language_and_every_row() {
    let (paper, results) = first_scenario();
    let agg = aggregate(&paper, &results);

    let takers = agg.takers_csv(Lang::Zh);
    assert!(takers.starts_with('\u{feff}'), "a BOM for Excel");
    let lines: Vec<&str> = takers.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "姓名,提交时间,第几次,得分,是否通过,校验码,校验,计入统计"
    );
    assert_eq!(lines.len(), results.len() + 1, "{takers}");
    assert!(takers.contains("\r\n"));
    let zhang = format!(
        "张伟,2026-03-03T10:00,2,100,是,{},校验通过,是",
        results[1].code
    );
    assert_eq!(lines[2], zhang);
    assert_eq!(
        lines[5],
        "刘洋,2026-03-02T12:00,1,100,,,得分与答案不符（答案得分 50）,否"
    );
    assert_eq!(lines[6], "孙丽,2026-03-02T12:30,1,13,,,不是本测验的结果,否");
    assert!(lines[8].starts_with("周宏,") && lines[8].contains("已被修改"));

    let en = agg.takers_csv(Lang::En);
    assert!(en
        .starts_with("\u{feff}taker,submitted,attempt,score,passed,code,verification,counted\r\n"));
    assert!(en.contains(",yes,"), "{en}");

    let questions = agg.questions_csv(Lang::Zh);
    let lines: Vec<&str> = questions.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "序号,题目编号,题目,作答人数,答对人数,正确率");
    assert_eq!(lines.len(), paper.questions.len() + 1);
    assert!(
        lines[5].starts_with("5,q-edit-lock,") && lines[5].ends_with(",4,2,50.0%"),
        "{}",
        lines[5]
    );
    assert!(agg
        .questions_csv(Lang::En)
        .starts_with("\u{feff}no,id,question,answered,correct,rate\r\n"));

    let clauses = agg.clauses_csv(Lang::Zh);
    let lines: Vec<&str> = clauses.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "条款,条款编号,标题,答错次数");
    assert_eq!(lines[1], "第30条,c-files-lock,编辑锁定,2");
    assert_eq!(lines.len(), 6);
    assert!(agg
        .clauses_csv(Lang::En)
        .starts_with("\u{feff}article,clause,title,misses\r\n"));
}

#[test]
fn csv_cells_that_look_like_formulas_are_guarded() {
    let (_, paper) = starter_paper(Lang::Zh);
    let r = submit(
        &paper,
        "=HYPERLINK(\"x\")",
        "2026-03-02T10:00",
        1,
        key(&paper),
    )
    .expect("submits");
    let csv = aggregate(&paper, &[r]).takers_csv(Lang::En);
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No reader panics on any text.
    #[test]
    fn decoding_any_text_never_panics(text in "\\PC{0,300}") {
        let _ = Paper::from_fragment(&text);
        let _ = Paper::from_json(&text);
        let _ = QuizResult::from_code(&text);
        let _ = QuizResult::from_json(&text);
        let _ = QuizResult::parse(&text);
        let _ = normalize_code(&text);
    }

    /// Text that looks like our forms gets past the prefix checks and still never panics.
    #[test]
    fn decoding_near_misses_never_panics(data in "[A-Za-z0-9_\\-.=%]{0,300}") {
        let _ = Paper::from_fragment(&format!("quiz=v1.{data}"));
        let _ = Paper::from_fragment(&format!("#quiz={data}"));
        let _ = QuizResult::from_code(&format!("ppgr1.{data}"));
        let _ = QuizResult::from_code(&format!("ppgr{data}"));
        let _ = Paper::from_json(&format!("{{\"format\": \"ppg-quiz-paper\", \"version\": 1, {data}}}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A damaged link or code is refused or reads back as it was, never as something else.
    #[test]
    fn damage_is_refused_or_harmless(pos in 0usize..10_000, byte in 0x21u8..0x7f, cut in 0usize..10_000) {
        let (_, paper) = starter_paper(Lang::En);
        let fragment = paper.to_fragment();
        let mut damaged = fragment.clone().into_bytes();
        let at = pos % damaged.len();
        damaged[at] = byte;
        let damaged = String::from_utf8(damaged).expect("ASCII");
        if let Ok(p) = Paper::from_fragment(&damaged) {
            prop_assert_eq!(p, paper.clone());
        }
        let cut_at = cut % fragment.len();
        if let Ok(p) = Paper::from_fragment(&fragment[..cut_at]) {
            prop_assert_eq!(p, paper.clone());
        }

        let r = submit(&paper, "Zhang Wei", "2026-03-02T10:15", 1, key(&paper)).expect("submits");
        let code = r.to_code();
        let mut damaged = code.clone().into_bytes();
        let at = pos % damaged.len();
        damaged[at] = byte;
        let damaged = String::from_utf8(damaged).expect("ASCII");
        if let Ok(back) = QuizResult::from_code(&damaged) {
            // A change that survives decoding is caught by verification.
            prop_assert!(back == r || !verify(&paper, &back).is_ok());
        }
    }
}

/// Papers over what the generator draws (`core::quiz::generate`): the set's own draw and
/// the whole pool read back from file and link, and their own key scores 100.
#[test]
fn papers_over_generated_questions_round_trip() {
    use policy_playground::core::quiz::generate::{for_set, pool};
    for lang in Lang::ALL {
        let bundle = starter::bundle(lang);
        let set = bundle.quiz.sets[0].clone();
        for (what, questions) in [
            ("set", for_set(&bundle, &set)),
            ("pool", pool(&bundle).questions),
        ] {
            let paper = make_paper(&bundle, &set, questions.clone());
            assert_eq!(
                paper.questions.len(),
                questions.len(),
                "{what}: all gradable"
            );
            assert_eq!(paper.unseal().as_ref(), Ok(&questions), "{what}");
            assert_eq!(Paper::from_json(&paper.to_json()).as_ref(), Ok(&paper));
            let fragment = paper.to_fragment();
            println!(
                "{lang:?} {what}: {} questions, file {} bytes, link fragment {} chars",
                paper.questions.len(),
                paper.to_json().len(),
                fragment.len()
            );
            assert_eq!(Paper::from_fragment(&fragment).as_ref(), Ok(&paper));
            let r = submit(&paper, "张伟", "2026-03-02T10:15", 1, key(&paper)).expect("submits");
            assert_eq!((r.score, r.passed), (100, true), "{what}");
            assert_eq!(verify(&paper, &r), Verification::Ok);
        }
    }
}
