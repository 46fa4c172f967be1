//! The question bank: author-written questions and the questions computed from the rules.

use leptos::prelude::*;

use crate::core::policy::article_label;
use crate::core::quiz::{Feedback, Question, QuestionKind, QuizSet};
use crate::core::{Bundle, Lang};
use crate::ui::components::table::text_table;
use crate::ui::i18n::K;
use crate::ui::state::use_store;

#[component]
pub fn BankTab() -> impl IntoView {
    let store = use_store();
    view! {
        <div>
            {move || {
                let lang = store.ui_lang.get();
                store.bundle.with(|b| {
                    view! {
                        <h2>{K::QuizSets.text(lang)}</h2>
                        {sets_view(&b.quiz.sets, lang)}
                        <h2>{K::Questions.text(lang)}</h2>
                        <ol class="questions" data-testid="questions">
                            {b.quiz.questions.iter().map(|q| question_view(q, b, lang)).collect_view()}
                        </ol>
                    }
                    .into_any()
                })
            }}
        </div>
    }
}

fn sets_view(sets: &[QuizSet], lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang).to_string();
    let rows = sets
        .iter()
        .map(|s| {
            vec![
                s.name.clone(),
                s.topics.join(", "),
                s.count.to_string(),
                format!("{}%", s.pass_mark),
                s.time_limit_minutes
                    .map_or_else(|| tx(K::Unlimited), |m| format!("{m} {}", tx(K::Minutes))),
                s.attempts
                    .map_or_else(|| tx(K::Unlimited), |a| a.to_string()),
                if s.shuffle { tx(K::Yes) } else { tx(K::No) },
                match s.feedback {
                    Feedback::Immediate => tx(K::FeedbackImmediate),
                    Feedback::AtEnd => tx(K::FeedbackAtEnd),
                },
            ]
        })
        .collect();
    text_table(
        "quiz-sets",
        vec![
            tx(K::Name),
            tx(K::Topics),
            tx(K::QuestionCount),
            tx(K::PassMark),
            tx(K::TimeLimit),
            tx(K::Attempts),
            tx(K::Shuffle),
            tx(K::FeedbackCol),
        ],
        rows,
    )
}

fn question_view(q: &Question, b: &Bundle, lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang);
    let (kind, options, right, answer): (&str, &[String], Vec<usize>, String) = match &q.kind {
        QuestionKind::Single { options, answer } => {
            (tx(K::KindSingle), options, vec![*answer], String::new())
        }
        QuestionKind::Multiple { options, answers } => {
            (tx(K::KindMultiple), options, answers.clone(), String::new())
        }
        QuestionKind::TrueFalse { answer } => (
            tx(K::KindTrueFalse),
            &[],
            Vec::new(),
            format!(
                "{}: {}",
                tx(K::Answer),
                if *answer { tx(K::True) } else { tx(K::False) }
            ),
        ),
        QuestionKind::FillIn { accepted } => (
            tx(K::KindFillIn),
            &[],
            Vec::new(),
            format!("{}: {}", tx(K::Accepted), accepted.join(" / ")),
        ),
    };
    let cites: Vec<String> = q
        .clauses
        .iter()
        .map(|c| match b.policy.article_number(c) {
            Some(n) => format!("{} ({c})", article_label(b.settings.lang, n)),
            None => c.clone(),
        })
        .collect();
    let options = options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let ok = right.contains(&i);
            let text = if ok { format!("{o} ✓") } else { o.clone() };
            view! { <li class:correct=ok>{text}</li> }
        })
        .collect_view();
    view! {
        <li class="card question">
            <p><span class="tag">{kind}</span> " " {q.prompt.clone()}</p>
            <ol class="options" type="A">{options}</ol>
            <p>{answer}</p>
            <p class="muted">{tx(K::Explanation)} ": " {q.explanation.clone()}</p>
            <p class="cite">{tx(K::Cites)} ": " {cites.join(", ")}</p>
        </li>
    }
    .into_any()
}
