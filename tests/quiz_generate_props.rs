//! Properties of the question generator (`core::quiz::generate`): over many seeds, counts,
//! topic choices and both starter languages, and over random edits of the rules, every
//! question is well formed and its answer agrees with the engine it came from, recomputed
//! from the question's source: naming answers with the naming checker (`Compiled::check`,
//! what `ppg naming check` prints), routing answers with the simulator (`simulate`, what
//! `ppg route simulate` prints), the rest with the workspace's norms and calendar.
#![cfg(not(target_arch = "wasm32"))]

mod quiz_support;

use std::sync::OnceLock;

use policy_playground::core::naming::Component;
use policy_playground::core::norms::{Quantity, Unit};
use policy_playground::core::org::Status;
use policy_playground::core::quiz::generate::{
    generate, generate_with_sources, pool_with_sources, Options,
};
use policy_playground::core::quiz::TOPICS;
use policy_playground::core::routing::{FlowNode, Op, Value};
use policy_playground::core::{starter, Bundle, Lang};
use proptest::prelude::*;

fn starters() -> &'static [Bundle; 2] {
    static STARTERS: OnceLock<[Bundle; 2]> = OnceLock::new();
    STARTERS.get_or_init(|| [starter::bundle(Lang::Zh), starter::bundle(Lang::En)])
}

fn check_all(
    b: &Bundle,
    items: &[(
        policy_playground::core::quiz::paper::QuizQuestion,
        policy_playground::core::quiz::generate::Source,
    )],
) -> Result<(), TestCaseError> {
    for (q, s) in items {
        let problems = quiz_support::shape_problems(b, q);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        if let Err(e) = quiz_support::agrees_with_source(b, q, s) {
            return Err(TestCaseError::fail(e));
        }
    }
    Ok(())
}

/// A branch value of a template's branch block, by template, block position in the flow
/// and branch position.
fn set_branch(b: &mut Bundle, template: &str, node: usize, branch: usize, op: Op, value: Value) {
    let t = b
        .approvals
        .templates
        .iter_mut()
        .find(|t| t.id == template)
        .expect("template");
    let FlowNode::Branch(block) = &mut t.flow[node] else {
        panic!("not a branch block");
    };
    let p = &mut block.branches[branch].when.any_of[0][0];
    p.op = op;
    p.value = Some(value);
}

const OPS: [Op; 6] = [Op::Gt, Op::Ge, Op::Lt, Op::Le, Op::Eq, Op::Ne];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Drawn quizzes: the count (or all there are), the topics, and every answer right.
    #[test]
    fn drawn_questions_agree_with_the_engines(
        seed in any::<u64>(),
        zh in any::<bool>(),
        count in 0usize..60,
        shuffle in any::<bool>(),
        mask in 0u8..64,
    ) {
        let b = &starters()[usize::from(!zh)];
        let topics: Vec<String> = TOPICS
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, t)| t.to_string())
            .collect();
        let opts = Options { seed, count, topics: topics.clone(), shuffle };
        let drawn = generate_with_sources(b, &opts);
        let available = pool_with_sources(b)
            .iter()
            .filter(|(q, _)| topics.is_empty() || topics.contains(&q.topic))
            .count();
        prop_assert_eq!(drawn.len(), count.min(available));
        for (q, _) in &drawn {
            prop_assert!(topics.is_empty() || topics.contains(&q.topic), "{} is not asked for", q.topic);
        }
        let mut ids: Vec<&str> = drawn.iter().map(|(q, _)| q.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), drawn.len(), "a question drawn twice");
        check_all(b, &drawn)?;
        // Same inputs, same quiz; and the plain call gives the same questions.
        let again: Vec<_> = generate(b, &opts);
        let plain: Vec<_> = drawn.into_iter().map(|(q, _)| q).collect();
        prop_assert_eq!(again, plain);
    }

    /// Edited rules: new thresholds and operators, a person who has left, other numbers,
    /// other name limits. The questions change with the rules, and stay right.
    #[test]
    fn questions_follow_edited_rules(
        zh in any::<bool>(),
        medium in 1u32..100_000,
        large_factor in 2u32..20,
        half_days in 1u32..20,
        op in 0usize..6,
        left in 0usize..15,
        amount in 1u32..500,
        unit in 0usize..6,
        max_len in 12u32..40,
        seed in any::<u64>(),
    ) {
        let mut b = starters()[usize::from(!zh)].clone();
        set_branch(&mut b, "expense", 1, 1, Op::Gt, Value::Number(f64::from(medium)));
        set_branch(&mut b, "expense", 1, 0, Op::Gt, Value::Number(f64::from(medium * large_factor)));
        set_branch(&mut b, "leave", 1, 0, OPS[op], Value::Number(f64::from(half_days) / 2.0));
        if left < b.org.people.len() {
            b.org.people[left].status = Status::Left;
        }
        b.norms.numbers[0].value = Quantity::Duration { amount, unit: Unit::ALL[unit] };
        b.naming[0].rules.max_len = Some(max_len);
        if let Component::Text { max_len: m, .. } = &mut b.naming[0].components[3] {
            *m = (*m).min(max_len);
        }
        let items = pool_with_sources(&b);
        prop_assert!(items.iter().any(|(q, _)| q.topic == "routing"));
        check_all(&b, &items)?;
        let drawn = generate_with_sources(&b, &Options { seed, count: 25, topics: Vec::new(), shuffle: true });
        check_all(&b, &drawn)?;
    }
}
