//! Questions computed from the rules (`core::quiz::generate`) and the norms they need
//! (`core::norms`): the pool of the starter in both languages, drawing by seed, topics and
//! count, and the cases in `tests/cases/quiz_generate.json` (edits of the starter with the
//! validation problems, generator notes and question counts they cause). Add a case there,
//! not a function here.
#![cfg(not(target_arch = "wasm32"))]

mod quiz_support;

use std::collections::{BTreeMap, BTreeSet};

use policy_playground::core::norms::{self, Norms};
use policy_playground::core::quiz::generate::{
    for_set, generate, generate_with_sources, pool, pool_with_sources, Options,
};
use policy_playground::core::quiz::paper::{Answer, QuizQuestion};
use policy_playground::core::quiz::TOPICS;
use policy_playground::core::{starter, Bundle, Lang};
use serde_json::Value;

fn opts(seed: u64, count: usize, topics: &[&str], shuffle: bool) -> Options {
    Options {
        seed,
        count,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        shuffle,
    }
}

fn per_topic(questions: &[QuizQuestion]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for q in questions {
        *out.entry(q.topic.clone()).or_insert(0) += 1;
    }
    out
}

/// The right answer as text, whatever the order of the options.
fn right_answer(q: &QuizQuestion) -> Vec<String> {
    match &q.answer {
        Answer::Index(i) => vec![q.options[*i].clone()],
        Answer::Indexes(list) => {
            let mut v: Vec<String> = list.iter().map(|i| q.options[*i].clone()).collect();
            v.sort();
            v
        }
        Answer::Bool(b) => vec![b.to_string()],
        Answer::Text(t) => vec![t.clone()],
    }
}

#[test]
fn every_question_of_the_starter_is_well_formed_and_right() {
    for lang in Lang::ALL {
        let b = starter::bundle(lang);
        let items = pool_with_sources(&b);
        assert!(items.len() > 100, "{lang:?}: {} questions", items.len());
        let mut ids = BTreeSet::new();
        for (q, s) in &items {
            let problems = quiz_support::shape_problems(&b, q);
            assert!(problems.is_empty(), "{problems:?}");
            if let Err(e) = quiz_support::agrees_with_source(&b, q, s) {
                panic!("{lang:?}: {e}");
            }
            assert!(ids.insert(q.id.clone()), "duplicate id {}", q.id);
        }
        // Every topic has questions, and every kind of question is asked.
        let topics = per_topic(&items.iter().map(|(q, _)| q.clone()).collect::<Vec<_>>());
        for t in TOPICS {
            assert!(
                topics.get(t).copied().unwrap_or(0) > 0,
                "{lang:?}: no {t} questions"
            );
        }
        let asks: BTreeSet<&str> = items.iter().map(|(_, s)| s.ask()).collect();
        assert_eq!(asks.len(), 19, "{asks:?}");
    }
}

#[test]
fn the_starter_norms_are_stated_in_their_clauses() {
    for lang in Lang::ALL {
        let b = starter::bundle(lang);
        assert_eq!(norms::consistency(&b), vec![], "{lang:?}");
        assert_eq!(pool(&b).notes, vec![], "{lang:?}");
        assert!(!b.norms.is_empty());
    }
}

#[test]
fn both_languages_ask_the_same_questions() {
    let zh = pool_with_sources(&starter::bundle(Lang::Zh));
    let en = pool_with_sources(&starter::bundle(Lang::En));
    let shape = |items: &[(QuizQuestion, _)]| -> Vec<(String, &'static str)> {
        items
            .iter()
            .map(
                |(q, _): &(
                    QuizQuestion,
                    policy_playground::core::quiz::generate::Source,
                )| { (q.topic.clone(), q.kind.name()) },
            )
            .collect()
    };
    assert_eq!(shape(&zh), shape(&en));
    let zh_q = zh.iter().map(|(q, _)| q);
    let en_q = en.iter().map(|(q, _)| q);
    for (a, b) in zh_q.zip(en_q) {
        assert_ne!(a.prompt, b.prompt, "{} is translated", a.id);
    }
}

#[test]
fn ids_are_stable_and_do_not_depend_on_the_seed() {
    let b = starter::bundle(Lang::Zh);
    let first: Vec<String> = pool(&b).questions.iter().map(|q| q.id.clone()).collect();
    let again: Vec<String> = pool(&b).questions.iter().map(|q| q.id.clone()).collect();
    assert_eq!(first, again);
    let known: BTreeSet<&String> = first.iter().collect();
    for seed in [0, 1, 99] {
        for q in generate(&b, &opts(seed, 30, &[], true)) {
            assert!(known.contains(&q.id), "{} is a pool id", q.id);
        }
    }
    // Generated ids name what they ask.
    assert!(first.iter().any(|id| id.starts_with("naming-valid-group-")));
    assert!(first
        .iter()
        .any(|id| id.starts_with("routing-approvers-expense-")));
    assert!(first.contains(&"q-reply-important".to_string()));
}

#[test]
fn same_seed_same_quiz_and_different_seeds_differ() {
    for lang in Lang::ALL {
        let b = starter::bundle(lang);
        let json = |seed: u64| {
            serde_json::to_string(&generate(&b, &opts(seed, 10, &[], true))).expect("json")
        };
        assert_eq!(json(7), json(7));
        assert_ne!(json(7), json(8));
        assert_ne!(json(1), json(2));
    }
}

#[test]
fn count_is_respected_or_all_there_are() {
    let b = starter::bundle(Lang::Zh);
    for count in [0, 1, 5, 12, 40] {
        assert_eq!(generate(&b, &opts(3, count, &[], true)).len(), count);
    }
    let channels = per_topic(&pool(&b).questions)["channels"];
    let all = generate(&b, &opts(3, 1000, &["channels"], false));
    assert_eq!(all.len(), channels);
    // Unshuffled, all of a topic is the pool's own order and options.
    let expected: Vec<QuizQuestion> = pool(&b)
        .questions
        .into_iter()
        .filter(|q| q.topic == "channels")
        .collect();
    assert_eq!(all, expected);
}

#[test]
fn topics_are_respected_and_drawn_evenly() {
    let b = starter::bundle(Lang::En);
    for seed in 0..20 {
        let chosen = generate(
            &b,
            &opts(seed, 9, &["numbers", "documents", "routing"], true),
        );
        assert_eq!(chosen.len(), 9);
        let counts = per_topic(&chosen);
        assert_eq!(
            counts.keys().collect::<Vec<_>>(),
            vec!["documents", "numbers", "routing"]
        );
        assert!(counts.values().all(|n| *n == 3), "{counts:?}");
        // Every topic gets its turn: twelve questions over six topics are two each.
        let counts = per_topic(&generate(&b, &opts(seed, 12, &[], true)));
        assert_eq!(counts.len(), 6);
        assert!(counts.values().all(|n| *n == 2), "{counts:?}");
        // Eight over six: one or two each.
        let counts = per_topic(&generate(&b, &opts(seed, 8, &[], false)));
        assert!(counts.values().all(|n| (1..=2).contains(n)), "{counts:?}");
    }
    // Within a topic, the kinds of question take turns too.
    let routing = generate_with_sources(&b, &opts(5, 8, &["routing"], true));
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, s) in &routing {
        *kinds.entry(s.ask()).or_insert(0) += 1;
    }
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert!(kinds.values().all(|n| *n == 2), "{kinds:?}");
    // Unknown names are ignored by the library (the command line refuses them).
    assert!(generate(&b, &opts(1, 5, &["gossip"], true)).is_empty());
}

#[test]
fn shuffling_moves_options_and_answers_together() {
    let b = starter::bundle(Lang::Zh);
    let by_id: BTreeMap<String, QuizQuestion> = pool(&b)
        .questions
        .into_iter()
        .map(|q| (q.id.clone(), q))
        .collect();
    let mut moved = 0;
    for seed in 0..10 {
        for (q, s) in generate_with_sources(&b, &opts(seed, 30, &[], true)) {
            let original = &by_id[&q.id];
            assert_eq!(right_answer(&q), right_answer(original), "{}", q.id);
            let mut a = q.options.clone();
            let mut o = original.options.clone();
            a.sort();
            o.sort();
            assert_eq!(a, o, "{}: the same options", q.id);
            if q.options != original.options {
                moved += 1;
            }
            assert!(quiz_support::shape_problems(&b, &q).is_empty());
            quiz_support::agrees_with_source(&b, &q, &s).expect("still right after shuffling");
        }
    }
    assert!(moved > 50, "options are shuffled ({moved})");
    // Without shuffling, a question comes out exactly as in the pool.
    for q in generate(&b, &opts(4, 30, &[], false)) {
        assert_eq!(q, by_id[&q.id]);
    }
}

#[test]
fn unshuffled_answers_are_not_always_first() {
    let b = starter::bundle(Lang::Zh);
    let positions: BTreeSet<usize> = pool(&b)
        .questions
        .iter()
        .filter(|q| q.topic != "custom")
        .filter_map(|q| match q.answer {
            Answer::Index(i) => Some(i),
            _ => None,
        })
        .collect();
    assert!(positions.len() >= 3, "{positions:?}");
}

#[test]
fn a_quiz_set_draws_with_its_own_settings() {
    let b = starter::bundle(Lang::Zh);
    let set = &b.quiz.sets[0];
    let questions = for_set(&b, set);
    assert_eq!(questions.len(), set.count as usize);
    assert!(questions.iter().all(|q| set.topics.contains(&q.topic)));
    let same = generate(
        &b,
        &Options {
            seed: set.seed,
            count: set.count as usize,
            topics: set.topics.clone(),
            shuffle: set.shuffle,
        },
    );
    assert_eq!(questions, same);
}

#[test]
fn a_file_without_norms_loads_with_empty_norms() {
    let mut doc: Value = serde_json::from_str(&starter::bundle(Lang::Zh).to_json()).expect("json");
    doc.as_object_mut().expect("object").remove("norms");
    let b = Bundle::from_json(&doc.to_string()).expect("loads");
    assert_eq!(b.norms, Norms::default());
    let topics = per_topic(&pool(&b).questions);
    assert_eq!(topics.get("numbers"), Some(&1), "the working hours remain");
    assert_eq!(topics.get("channels"), None);
}

fn apply(doc: &mut Value, edit: &Value) {
    if let Some(ptr) = edit.get("set").and_then(Value::as_str) {
        let (parent, key) = ptr.rsplit_once('/').expect("pointer has a parent");
        let to = edit["to"].clone();
        match doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no `{parent}`"))
        {
            Value::Object(map) => {
                map.insert(key.to_string(), to);
            }
            Value::Array(items) => items[key.parse::<usize>().expect("index")] = to,
            other => panic!("cannot set inside {other}"),
        }
    } else if let Some(ptr) = edit.get("remove").and_then(Value::as_str) {
        let (parent, key) = ptr.rsplit_once('/').expect("pointer has a parent");
        match doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no `{parent}`"))
        {
            Value::Object(map) => {
                map.remove(key).unwrap_or_else(|| panic!("no `{ptr}`"));
            }
            Value::Array(items) => {
                items.remove(key.parse::<usize>().expect("index"));
            }
            other => panic!("cannot remove from {other}"),
        }
    } else {
        panic!("unknown edit {edit}");
    }
}

fn strings(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn cases() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases/quiz_generate.json")).expect("case file is JSON");
    assert!(cases.len() >= 15, "the case file lost cases");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().expect("name");
        let lang =
            Lang::parse(case.get("lang").and_then(Value::as_str).unwrap_or("zh")).expect("lang");
        let mut doc: Value = serde_json::from_str(&starter::bundle(lang).to_json()).expect("json");
        for edit in case["edits"].as_array().expect("edits") {
            apply(&mut doc, edit);
        }
        let (b, problems) = Bundle::from_json_with_problems(&doc.to_string())
            .unwrap_or_else(|e| panic!("{name}: does not load: {e}"));
        let mut problems: Vec<String> = problems
            .iter()
            .map(|p| format!("{} {}", p.path, p.kind.code()))
            .collect();
        problems.sort();
        if problems != strings(&case["problems"]) {
            failures.push(format!("{name}: problems {problems:?}"));
        }
        let pool = pool_with_sources(&b);
        let notes = policy_playground::core::quiz::generate::pool(&b).notes;
        let mut got: Vec<String> = notes
            .iter()
            .map(|n| format!("{} {}", n.code, n.path).trim().to_string())
            .collect();
        got.sort();
        if got != strings(&case["notes"]) {
            failures.push(format!("{name}: notes {got:?}"));
        }
        for n in &notes {
            for l in Lang::ALL {
                assert!(
                    !n.message(l).is_empty() && n.message(l) != n.code,
                    "{name}: {} has words",
                    n.code
                );
            }
        }
        let counts = per_topic(&pool.iter().map(|(q, _)| q.clone()).collect::<Vec<_>>());
        if let Some(expected) = case.get("counts").and_then(Value::as_object) {
            for (topic, n) in expected {
                let got = counts.get(topic).copied().unwrap_or(0);
                if Some(got as u64) != n.as_u64() {
                    failures.push(format!("{name}: {got} {topic} questions, expected {n}"));
                }
            }
        }
        // Whatever the edit, every question is still well formed and right.
        for (q, s) in &pool {
            for p in quiz_support::shape_problems(&b, q) {
                failures.push(format!("{name}: {p}"));
            }
            if let Err(e) = quiz_support::agrees_with_source(&b, q, s) {
                failures.push(format!("{name}: {e}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn both_starters_state_the_same_facts() {
    let zh = starter::bundle(Lang::Zh).norms;
    let en = starter::bundle(Lang::En).norms;
    let numbers = |n: &Norms| -> Vec<(String, String, String)> {
        n.numbers
            .iter()
            .map(|x| (x.id.clone(), x.clause.clone(), format!("{:?}", x.value)))
            .collect()
    };
    assert_eq!(numbers(&zh), numbers(&en));
    let shape = |n: &Norms| -> Vec<(String, String, usize)> {
        let c = n
            .channels
            .iter()
            .map(|x| (x.id.clone(), x.clause.clone(), x.situations.len()));
        let l = n
            .classifications
            .iter()
            .map(|x| (x.id.clone(), x.clause.clone(), x.examples.len()));
        let p = n.permissions.iter().map(|x| {
            (
                x.id.clone(),
                x.clause.clone(),
                x.actions.len() * 10 + x.holders.len(),
            )
        });
        c.chain(l).chain(p).collect()
    };
    assert_eq!(shape(&zh), shape(&en));
    // The secrecy levels and permission levels use the ids of the document access form.
    let levels: Vec<&str> = zh.classifications.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["public", "internal", "confidential", "top_secret"]);
}
