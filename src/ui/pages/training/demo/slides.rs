//! The title slide, chapter slides and quiz question slides.

use leptos::prelude::*;

use super::DemoCtx;
use crate::core::demo::{ChapterSlide, QuestionSlide, TitleSlide};
use crate::core::markdown;
use crate::core::quiz::paper::{Answer, Kind};
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::K;
use crate::ui::pages::common::clause_cite;
use crate::ui::state::use_store;

#[component]
pub fn TitleSlideView(slide: TitleSlide, lang: Lang) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<DemoCtx>();
    let row = |k: K, v: String| {
        (!v.is_empty()).then(|| view! { <div><dt>{k.text(lang)}</dt><dd>{v}</dd></div> })
    };
    let sets: Vec<(usize, String, u32)> = store.bundle.with_untracked(|b| {
        b.quiz
            .sets
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.name.clone(), s.count))
            .collect()
    });
    let chosen = move |v: Option<usize>| ctx.quiz_set.get() == v;
    let on_change = move |e: leptos::ev::Event| {
        ctx.quiz_set
            .set(event_target_value(&e).parse::<usize>().ok());
    };
    let options = sets
        .into_iter()
        .map(|(i, name, count)| {
            let label = format!("{name} ({count} {})", K::DmQuestionCount.text(lang));
            view! { <option value=i.to_string() prop:selected=move || chosen(Some(i))>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="demo-slide demo-title" data-testid="demo-title">
            <p class="demo-kicker">{K::TrDemo.text(lang)}</p>
            <h1>{slide.title}</h1>
            <dl class="demo-meta">
                {row(K::MetaDocCode, slide.doc_code)}
                {row(K::MetaVersion, slide.version)}
                {row(K::MetaEffective, slide.effective_date)}
            </dl>
            <label class="demo-quiz-choice">
                {K::DmQuizSet.text(lang)} " "
                <select data-testid="demo-quiz-set" on:change=cb(on_change)>
                    {options}
                    <option value="" prop:selected=move || chosen(None)>
                        {K::DmBankQuestions.text(lang)}
                    </option>
                </select>
            </label>
        </div>
    }
}

#[component]
pub fn ChapterSlideView(slide: ChapterSlide, lang: Lang) -> impl IntoView {
    let _ = lang;
    let clauses = slide
        .clauses
        .into_iter()
        .map(|c| {
            // Clause text is the user's: rendered inert (raw HTML as text, safe links only).
            let html = markdown::render(&c.body);
            view! {
                <section class="demo-clause" data-clause-id=c.id>
                    <h3>
                        <span class="num">{c.label}</span>
                        {(!c.title.is_empty()).then(|| view! { " " <span>{c.title}</span> })}
                    </h3>
                    <div class="md" inner_html=html></div>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="demo-slide demo-chapter" data-testid="demo-chapter" data-chapter-id=slide.id>
            <h2><span class="num">{slide.label}</span> " " {slide.title}</h2>
            <div class="demo-clauses">{clauses}</div>
        </div>
    }
}

#[component]
pub fn QuestionSlideView(slide: QuestionSlide, step: Memo<usize>, lang: Lang) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<DemoCtx>();
    let q = slide.question;
    let shown = move || step.get() > 0;
    let (options, right): (Vec<String>, Vec<usize>) = match (&q.kind, &q.answer) {
        (Kind::TrueFalse, Answer::Bool(b)) => (
            vec![K::True.text(lang).into(), K::False.text(lang).into()],
            vec![usize::from(!*b)],
        ),
        (_, Answer::Index(i)) => (q.options.clone(), vec![*i]),
        (_, Answer::Indexes(v)) => (q.options.clone(), v.clone()),
        _ => (q.options.clone(), Vec::new()),
    };
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    let answer_text = match &q.answer {
        Answer::Text(t) => std::iter::once(t.clone())
            .chain(q.accepted.iter().cloned())
            .collect::<Vec<_>>()
            .join(" / "),
        _ => right
            .iter()
            .map(|&i| {
                format!(
                    "{}. {}",
                    letter(i),
                    options.get(i).cloned().unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "；" } else { "; " }),
    };
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let is_right = right.contains(&i);
            view! {
                <li class:right={move || shown() && is_right} data-right={move || (shown() && is_right).to_string()}>
                    <span class="demo-letter">{letter(i).to_string()}</span>
                    " "
                    {text}
                </li>
            }
        })
        .collect_view();
    let kind = match q.kind {
        Kind::Single => K::KindSingle,
        Kind::Multiple => K::KindMultiple,
        Kind::TrueFalse => K::KindTrueFalse,
        Kind::FillIn => K::KindFillIn,
    };
    let cites = store.bundle.with_untracked(|b| {
        q.clauses
            .iter()
            .map(|c| clause_cite(b, c, lang))
            .collect_view()
    });
    view! {
        <div class="demo-slide demo-question" data-testid="demo-question">
            <p class="demo-kicker">
                {format!("{} {} / {}", K::DmQuestion.text(lang), slide.number, slide.total)}
                " · "
                <span class="kind-badge">{kind.text(lang)}</span>
            </p>
            <h2>{q.prompt}</h2>
            <ol class="demo-options">{items}</ol>
            {(q.kind == Kind::FillIn).then(|| view! { <p class="demo-blank" aria-hidden="true">"＿＿＿＿＿＿"</p> })}
            <button
                type="button"
                class="demo-step-button"
                data-testid="demo-show-answer"
                prop:hidden=shown
                on:click=cb(move |_| ctx.go(|n, d| n.reveal(d)))
            >
                {K::DmShowAnswer.text(lang)}
            </button>
            <div class="demo-answer demo-reveal" data-testid="demo-answer" prop:hidden=move || !shown()>
                <p class="demo-answer-line"><strong>{K::Answer.text(lang)} ": "</strong> {answer_text}</p>
                {(!q.explanation.is_empty()).then(|| view! { <p>{q.explanation.clone()}</p> })}
                {cites}
            </div>
        </div>
    }
}
