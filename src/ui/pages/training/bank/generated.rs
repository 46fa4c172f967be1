//! The questions computed from the rules (`core::quiz::generate::pool`), grouped by
//! topic with their answers and cited clauses, and the generator's notes as warnings.
//!
//! The pool is a memo over the rules (the workspace without the quiz), so it follows every
//! edit of the norms, naming schemes, templates or clauses, and typing a question of one's
//! own does not recompute it. A topic's questions are drawn only while it is open.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::quiz::generate::{pool, Pool};
use crate::core::quiz::TOPICS;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::pages::training::paper_view::{topic_label, with_answer};
use crate::ui::pages::training::rules_of;
use crate::ui::state::{use_store, Store};

#[component]
pub fn Generated() -> impl IntoView {
    let store = use_store();
    let rules = Memo::new(move |_| store.bundle.with(|b| rules_of(b, false)));
    let pool = Memo::new(move |_| rules.with(pool));
    let groups = TOPICS
        .iter()
        .filter(|t| **t != "custom")
        .map(|t| topic_group(store, pool, t))
        .collect_view();
    view! {
        <section class="panel tb-generated" data-testid="tb-generated" aria-labelledby="tb-generated-title">
            <h2 id="tb-generated-title">{tr(K::TbGenerated)}</h2>
            <p class="muted">{tr(K::TbGeneratedIntro)}</p>
            {notes(store, pool)}
            {groups}
        </section>
    }
}

/// The generator's notes: what it could not ask, and what may make a question wrong.
fn notes(store: Store, pool: Memo<Pool>) -> impl IntoView {
    move || {
        let lang = store.ui_lang.get();
        pool.with(|p| {
            let items: Vec<_> = p
                .notes
                .iter()
                .filter(|n| n.topic != "custom")
                .map(|n| {
                    view! {
                        <li data-testid="tb-note" data-code=n.code data-topic=n.topic>
                            <span class="tag">{topic_label(n.topic).text(lang)}</span> " " {n.message(lang)}
                        </li>
                    }
                })
                .collect();
            (!items.is_empty()).then(|| {
                view! {
                    <div class="notice warn" role="status" data-testid="tb-notes">
                        <p><b>{K::TbNotesTitle.text(lang)}</b></p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}

/// One topic: a disclosure with how many questions it has; open, every question with its
/// answer.
fn topic_group(store: Store, pool: Memo<Pool>, topic: &'static str) -> AnyView {
    let open = RwSignal::new(false);
    let count =
        Memo::new(move |_| pool.with(|p| p.questions.iter().filter(|q| q.topic == topic).count()));
    let body = move || {
        open.get().then(|| {
            let lang = store.ui_lang.get();
            pool.with(|p| {
                store.bundle.with(|b| {
                    p.questions
                        .iter()
                        .filter(|q| q.topic == topic)
                        .map(|q| view! { <li class="card question">{with_answer(q, b, lang)}</li> })
                        .collect_view()
                })
            })
        })
    };
    view! {
        <details
            class="tb-topic"
            data-testid=format!("tb-topic-{topic}")
            on:toggle=cb(move |e: leptos::ev::Event| {
                let now = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|d| d.has_attribute("open"));
                open.set(now);
            })
        >
            <summary data-testid="tb-topic-summary">
                {tr(topic_label(topic))} " (" {move || count.get()} ")"
            </summary>
            <ol class="questions">{body}</ol>
        </details>
    }
    .into_any()
}
