//! The chosen quiz set: its fields, its validation problems, handing it out, and a preview
//! of the questions it draws, with answers, for the trainer.
//!
//! The form is rebuilt only when another set is chosen; the preview is a memo over the
//! rules and the set's draw (seed, count, topics, shuffling), so typing its name or pass
//! mark does not draw again.

use leptos::prelude::*;

use crate::core::quiz::generate::for_set;
use crate::core::quiz::{Feedback, QuizSet, TOPICS};
use crate::core::Bundle;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{problem_text, tr, K};
use crate::ui::pages::training::fields::{self, get, set};
use crate::ui::pages::training::handout;
use crate::ui::pages::training::paper_view::{topic_label, with_answer};
use crate::ui::state::{use_store, Store};

#[component]
pub fn SetEditor(
    sel: RwSignal<usize>,
    rules: Memo<Bundle>,
    available: Memo<Vec<usize>>,
) -> impl IntoView {
    let store = use_store();
    let shape = Memo::new(move |_| {
        let i = sel.get();
        store
            .bundle
            .with(|b| b.quiz.sets.get(i).map(|s| (i, s.id.clone())))
    });
    move || {
        shape.with(|s| {
            s.as_ref()
                .map(|(i, id)| editor(store, *i, id.clone(), rules, available))
                .unwrap_or_else(|| ().into_any())
        })
    }
}

/// Reads set `i` (tracked).
fn read_set<T: Default>(b: &Bundle, i: usize, f: impl FnOnce(&QuizSet) -> T) -> T {
    b.quiz.sets.get(i).map(f).unwrap_or_default()
}

/// Edits set `i`.
fn edit_set(b: &mut Bundle, i: usize, f: impl FnOnce(&mut QuizSet)) {
    if let Some(s) = b.quiz.sets.get_mut(i) {
        f(s);
    }
}

fn editor(
    store: Store,
    i: usize,
    id: String,
    rules: Memo<Bundle>,
    available: Memo<Vec<usize>>,
) -> AnyView {
    let key = move |f: &str| format!("quiz.set.{i}.{f}");
    let name = fields::text(
        store,
        K::TsName,
        "ts-name",
        key("name"),
        false,
        get(move |b| read_set(b, i, |s| s.name.clone())),
        set(move |b, v| edit_set(b, i, |s| s.name = v)),
    );
    let count = fields::number(
        store,
        K::QuestionCount,
        "ts-count",
        key("count"),
        (1, 500),
        false,
        get(move |b| read_set(b, i, |s| Some(u64::from(s.count)))),
        set(move |b, v: Option<u64>| {
            edit_set(b, i, |s| {
                s.count = v.and_then(|v| u32::try_from(v).ok()).unwrap_or(s.count)
            })
        }),
    );
    let pass = fields::number(
        store,
        K::TsPassMark,
        "ts-pass",
        key("pass"),
        (0, 100),
        false,
        get(move |b| read_set(b, i, |s| Some(u64::from(s.pass_mark)))),
        set(move |b, v: Option<u64>| {
            edit_set(b, i, |s| {
                s.pass_mark = v.and_then(|v| u32::try_from(v).ok()).unwrap_or(s.pass_mark)
            })
        }),
    );
    let time = fields::number(
        store,
        K::TsTimeLimit,
        "ts-time",
        key("time"),
        (1, 600),
        true,
        get(move |b| read_set(b, i, |s| s.time_limit_minutes.map(u64::from))),
        set(move |b, v: Option<u64>| {
            edit_set(b, i, |s| {
                s.time_limit_minutes = v.and_then(|v| u32::try_from(v).ok())
            })
        }),
    );
    let attempts = fields::number(
        store,
        K::TsAttempts,
        "ts-attempts",
        key("attempts"),
        (1, 100),
        true,
        get(move |b| read_set(b, i, |s| s.attempts.map(u64::from))),
        set(move |b, v: Option<u64>| {
            edit_set(b, i, |s| s.attempts = v.and_then(|v| u32::try_from(v).ok()))
        }),
    );
    let shuffle = fields::check(
        store,
        K::TsShuffle,
        "ts-shuffle".into(),
        get(move |b| read_set(b, i, |s| s.shuffle)),
        set(move |b, v| edit_set(b, i, |s| s.shuffle = v)),
    );
    let seed = fields::number(
        store,
        K::TiSeed,
        "ts-seed",
        key("seed"),
        (0, u64::MAX),
        false,
        get(move |b| read_set(b, i, |s| Some(s.seed))),
        set(move |b, v: Option<u64>| edit_set(b, i, |s| s.seed = v.unwrap_or(s.seed))),
    );
    let new_seed = move |_| {
        let seed = super::new_seed();
        store.edit(None, |b| edit_set(b, i, |s| s.seed = seed));
    };
    view! {
        <section class="panel ts-editor" data-testid="ts-editor" data-id=id.clone() aria-labelledby="ts-editor-title">
            <h2 id="ts-editor-title">{tr(K::TsEdit)} " " <code>{id.clone()}</code></h2>
            {problems(store, i)}
            <div class="ts-form">
                {name}
                {topics(store, i, available)}
                <div class="ts-numbers">
                    {count}
                    {pass}
                    {time}
                    {attempts}
                </div>
                <div class="ts-seed">
                    {shuffle}
                    {seed}
                    <button type="button" data-testid="ts-new-seed" on:click=cb(new_seed)>
                        {tr(K::TsNewSeed)}
                    </button>
                </div>
                {feedback(store, i)}
            </div>
            <handout::HandOut set_id=id.clone()/>
            {preview(store, i, rules, available)}
        </section>
    }
    .into_any()
}

/// The workspace's validation problems about set `i`.
fn problems(store: Store, i: usize) -> impl IntoView {
    let prefix = format!("$.quiz.sets[{i}]");
    let found = Memo::new(move |_| {
        store.bundle.with(|b| {
            b.validate()
                .into_iter()
                .filter(|p| {
                    p.path
                        .strip_prefix(&prefix)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let lang = store.ui_lang.get();
        found.with(|ps| {
            (!ps.is_empty()).then(|| {
                let items = ps
                    .iter()
                    .map(|p| view! { <li>{problem_text(&p.kind, lang)}</li> })
                    .collect_view();
                view! {
                    <div class="notice warn" role="status" data-testid="ts-problems">
                        <p><b>{K::TbFix.text(lang)}</b></p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}

/// A checkbox per topic, with how many questions the topic has.
fn topics(store: Store, i: usize, available: Memo<Vec<usize>>) -> AnyView {
    let boxes = TOPICS
        .iter()
        .enumerate()
        .map(|(k, topic)| {
            let topic: &'static str = topic;
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="ts-topic"
                        data-topic=topic
                        prop:checked=move || store.bundle.with(|b| read_set(b, i, |s| s.topics.iter().any(|t| t == topic)))
                        on:change=cb(move |e: leptos::ev::Event| {
                            let on = event_target_checked(&e);
                            store.edit(None, |b| edit_set(b, i, |s| s.set_topic(topic, on)));
                        })
                    />
                    " " {tr(topic_label(topic))}
                    " " <span class="muted" data-testid="ts-topic-count">
                        "(" {move || available.with(|a| a.get(k).copied().unwrap_or(0))} ")"
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="ts-topics" data-testid="ts-topics">
            <legend>{tr(K::Topics)}</legend>
            {boxes}
        </fieldset>
    }
    .into_any()
}

/// Feedback right after each answer, or at the end.
fn feedback(store: Store, i: usize) -> AnyView {
    let radio = move |which: Feedback, label: K, testid: &'static str| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name=format!("ts-feedback-{i}")
                    data-testid=testid
                    prop:checked=move || store.bundle.with(|b| read_set(b, i, |s| s.feedback == which))
                    on:change=cb(move |_| store.edit(None, |b| edit_set(b, i, |s| s.feedback = which)))
                />
                " " {tr(label)}
            </label>
        }
    };
    view! {
        <fieldset class="ts-feedback">
            <legend>{tr(K::FeedbackCol)}</legend>
            {radio(Feedback::Immediate, K::TsFeedbackImmediate, "ts-feedback-immediate")}
            " "
            {radio(Feedback::AtEnd, K::TsFeedbackAtEnd, "ts-feedback-end")}
        </fieldset>
    }
    .into_any()
}

/// The questions set `i` draws, with answers, as the quiz taker will get them (in order,
/// options shuffled when the set shuffles).
fn preview(store: Store, i: usize, rules: Memo<Bundle>, available: Memo<Vec<usize>>) -> AnyView {
    // Only what the draw depends on.
    let draw = Memo::new(move |_| {
        store.bundle.with(|b| {
            b.quiz.sets.get(i).map(|s| QuizSet {
                seed: s.seed,
                count: s.count,
                topics: s.topics.clone(),
                shuffle: s.shuffle,
                ..QuizSet::default()
            })
        })
    });
    let drawn = Memo::new(move |_| {
        draw.with(|d| {
            d.as_ref()
                .map(|s| rules.with(|b| for_set(b, s)))
                .unwrap_or_default()
        })
    });
    let summary = move || {
        let lang = store.ui_lang.get();
        let n = drawn.with(Vec::len);
        let (wanted, pool) = draw.with(|d| {
            d.as_ref().map_or((0, 0), |s| {
                let pool = available.with(|a| {
                    TOPICS
                        .iter()
                        .zip(a)
                        .filter(|(t, _)| s.topics.iter().any(|x| x == *t))
                        .map(|(_, c)| c)
                        .sum::<usize>()
                });
                (s.count as usize, pool)
            })
        });
        let short = (n < wanted).then(|| {
            view! {
                <p class="notice warn" data-testid="ts-short">
                    {format!("{} {pool}", K::TsShort.text(lang))}
                </p>
            }
        });
        view! {
            <p data-testid="ts-drawn-count">
                {format!("{} {n} / {pool}", K::TsDrawn.text(lang))}
            </p>
            {short}
        }
    };
    let list = move || {
        let lang = store.ui_lang.get();
        drawn.with(|qs| {
            store.bundle.with(|b| {
                qs.iter()
                    .map(|q| {
                        view! {
                            <li class="card question" data-testid="ts-drawn" data-topic=q.topic.clone()>
                                <span class="tag">{topic_label(&q.topic).text(lang)}</span>
                                {with_answer(q, b, lang)}
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="ts-preview" data-testid="ts-preview" aria-labelledby="ts-preview-title">
            <h3 id="ts-preview-title">{tr(K::TsPreview)}</h3>
            <p class="muted">{tr(K::TsPreviewHint)}</p>
            {summary}
            <ol class="questions">{list}</ol>
        </section>
    }
    .into_any()
}
