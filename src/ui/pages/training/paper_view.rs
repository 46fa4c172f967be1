//! A question as a quiz taker sees it (no answer) and as the trainer sees it (the answer
//! marked, the explanation and the clauses it tests). The question editor's preview, the
//! questions computed from the rules and a quiz set's draw all show questions this way.

use leptos::prelude::*;

use super::fields::clause_label;
use crate::core::quiz::paper::{Answer, Kind, QuizQuestion};
use crate::core::{Bundle, Lang};
use crate::ui::i18n::K;

/// The name of a question's kind.
pub fn kind_label(kind: Kind) -> K {
    match kind {
        Kind::Single => K::KindSingle,
        Kind::Multiple => K::KindMultiple,
        Kind::TrueFalse => K::KindTrueFalse,
        Kind::FillIn => K::KindFillIn,
    }
}

/// The name of a topic of [`crate::core::quiz::TOPICS`].
pub fn topic_label(topic: &str) -> K {
    match topic {
        "naming" => K::TbTopicNaming,
        "routing" => K::TbTopicRouting,
        "numbers" => K::TbTopicNumbers,
        "channels" => K::TbTopicChannels,
        "documents" => K::TbTopicDocuments,
        _ => K::TbTopicCustom,
    }
}

/// The question as the quiz taker sees it before answering: the prompt and the choices,
/// nothing that gives the answer away.
pub fn as_taker(q: &QuizQuestion, lang: Lang) -> AnyView {
    let t = |k: K| k.text(lang);
    let body = match q.kind {
        Kind::Single | Kind::Multiple => {
            let mark = if q.kind == Kind::Single { "○" } else { "☐" };
            let items = q
                .options
                .iter()
                .map(|o| view! { <li><span aria-hidden="true">{mark} " "</span>{o.clone()}</li> })
                .collect_view();
            view! { <ol class="options" type="A">{items}</ol> }.into_any()
        }
        Kind::TrueFalse => view! {
            <ul class="options tf">
                <li><span aria-hidden="true">"○ "</span>{t(K::True)}</li>
                <li><span aria-hidden="true">"○ "</span>{t(K::False)}</li>
            </ul>
        }
        .into_any(),
        Kind::FillIn => {
            view! { <p class="tb-blank" aria-label=t(K::TbBlank)>"＿＿＿＿＿＿"</p> }.into_any()
        }
    };
    view! {
        <div class="paper taker" data-testid="paper-taker">
            <p class="prompt"><span class="tag">{t(kind_label(q.kind))}</span> " " {q.prompt.clone()}</p>
            {body}
        </div>
    }
    .into_any()
}

/// The question with its answer, for the trainer: right options marked, the answer of a
/// true/false or fill-in question, the explanation and the clauses cited.
pub fn with_answer(q: &QuizQuestion, b: &Bundle, lang: Lang) -> AnyView {
    let t = |k: K| k.text(lang);
    let right: Vec<usize> = match &q.answer {
        Answer::Index(i) => vec![*i],
        Answer::Indexes(v) => v.clone(),
        _ => Vec::new(),
    };
    let options = (!q.options.is_empty()).then(|| {
        let items = q
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let ok = right.contains(&i);
                view! {
                    <li class:correct=ok data-right=ok.to_string()>
                        {o.clone()}
                        {ok.then(|| view! { " " <span aria-label=t(K::TbRight)>"✓"</span> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="options" type="A">{items}</ol> }
    });
    let answer = match &q.answer {
        Answer::Bool(v) => Some(format!(
            "{}: {}",
            t(K::Answer),
            t(if *v { K::True } else { K::False })
        )),
        Answer::Text(s) => {
            let all: Vec<&str> = std::iter::once(s.as_str())
                .chain(q.accepted.iter().map(String::as_str))
                .filter(|a| !a.trim().is_empty())
                .collect();
            Some(format!("{}: {}", t(K::Accepted), all.join(" / ")))
        }
        _ => None,
    };
    let cites = cite_list(&q.clauses, b, lang);
    view! {
        <div class="paper trainer" data-testid="paper-trainer" data-id=q.id.clone()>
            <p class="prompt"><span class="tag">{t(kind_label(q.kind))}</span> " " {q.prompt.clone()}</p>
            {options}
            {answer.map(|a| view! { <p class="answer" data-testid="paper-answer">{a}</p> })}
            {(!q.explanation.trim().is_empty()).then(|| view! {
                <p class="muted">{t(K::Explanation)} ": " {q.explanation.clone()}</p>
            })}
            {cites}
        </div>
    }
    .into_any()
}

/// The clauses a question cites, each as `第5条 标题`; a clause the workspace lacks is
/// shown by its id and marked.
pub fn cite_list(ids: &[String], b: &Bundle, lang: Lang) -> AnyView {
    if ids.is_empty() {
        return ().into_any();
    }
    let items = ids
        .iter()
        .map(|id| match clause_label(b, id) {
            Some(label) => {
                view! { <span class="cite-item" data-clause=id.clone()>{label}</span> }.into_any()
            }
            None => view! {
                <span class="cite-item missing" data-clause=id.clone()>
                    <code>{id.clone()}</code> " (" {K::TbUnknownClause.text(lang)} ")"
                </span>
            }
            .into_any(),
        })
        .collect_view();
    view! { <p class="cite" data-testid="paper-cites">{K::Cites.text(lang)} ": " {items}</p> }
        .into_any()
}
