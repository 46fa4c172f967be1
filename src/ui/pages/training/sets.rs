//! Quiz sets: list, add, duplicate, reorder and delete them; edit what the chosen one
//! draws and its rules (pass mark, shuffling with a seed, time limit, feedback, attempts);
//! preview the questions it draws, with answers, for the trainer; hand it out.
//!
//! Every change is one undoable edit of the workspace through the store.

mod editor;

use leptos::prelude::*;

use super::fields::{arrows, icon};
use crate::core::quiz::generate::pool;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::{use_store, Store};

#[component]
pub fn SetsTab() -> impl IntoView {
    let store = use_store();
    let sel = RwSignal::new(0usize);
    Effect::new(move |_| {
        let n = store.bundle.with(|b| b.quiz.sets.len());
        if n > 0 && sel.get_untracked() >= n {
            sel.set(n - 1);
        }
    });
    // What the generator reads (with the authored questions), and the pool's size by topic.
    let rules = Memo::new(move |_| store.bundle.with(|b| super::rules_of(b, true)));
    let available = Memo::new(move |_| {
        rules.with(|b| {
            let p = pool(b);
            crate::core::quiz::TOPICS
                .iter()
                .map(|t| p.questions.iter().filter(|q| q.topic == *t).count())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="sets" data-testid="sets-tab">
            <section class="panel" aria-labelledby="ts-list-title">
                <h2 id="ts-list-title">{tr(K::QuizSets)}</h2>
                <p class="muted">{tr(K::TsIntro)}</p>
                {set_list(store, sel)}
                <div class="add-bar">
                    <button type="button" data-testid="ts-add" on:click=cb(move |_| add_set(store, sel))>
                        "+ " {tr(K::TsAdd)}
                    </button>
                </div>
            </section>
            <editor::SetEditor sel rules available/>
        </div>
    }
}

/// A seed for a new draw: from the clock and the browser's random numbers, kept short so
/// it is easy to read out and type.
fn new_seed() -> u64 {
    browser::id_seed() % 1_000_000
}

fn add_set(store: Store, sel: RwSignal<usize>) {
    let name = K::TsNewName.text(store.ui_lang.get_untracked()).to_string();
    let mut at = 0;
    store.edit(None, |b| at = b.quiz.add_set(name, new_seed()));
    sel.set(at);
}

/// The sets, one row each: pick to edit, move, duplicate, delete.
fn set_list(store: Store, sel: RwSignal<usize>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        store.bundle.with(|b| {
            b.quiz
                .sets
                .iter()
                .map(|s| (s.id.clone(), s.name.clone(), s.count, s.pass_mark))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let current = sel.get();
        let lang = store.ui_lang.get();
        rows.with(|rows| {
            if rows.is_empty() {
                return view! { <p class="muted" data-testid="ts-empty">{K::TsNone.text(lang)}</p> }.into_any();
            }
            let n = rows.len();
            let items = rows
                .iter()
                .enumerate()
                .map(|(k, (id, name, count, pass))| {
                    let summary = format!(
                        "{count} {} · {} {pass}%",
                        K::TsQuestionsUnit.text(lang),
                        K::PassMark.text(lang)
                    );
                    set_row(store, sel, k, n, k == current, id, name, summary)
                })
                .collect_view();
            view! { <ol class="tb-list" data-testid="ts-list">{items}</ol> }.into_any()
        })
    }
}

#[expect(clippy::too_many_arguments, reason = "one row's data")]
fn set_row(
    store: Store,
    sel: RwSignal<usize>,
    k: usize,
    n: usize,
    chosen: bool,
    id: &str,
    name: &str,
    summary: String,
) -> AnyView {
    let shift = move |up: bool| {
        store.edit(None, |b| {
            b.quiz.move_set(k, up);
        });
        sel.set(if up {
            k.saturating_sub(1)
        } else {
            (k + 1).min(n - 1)
        });
    };
    let duplicate = move |_| {
        let suffix = K::TsCopySuffix.text(store.ui_lang.get_untracked());
        store.edit(None, |b| {
            b.quiz.duplicate_set(k, suffix);
        });
        sel.set(k + 1);
    };
    let remove = move |_| {
        store.edit(None, |b| {
            b.quiz.remove_set(k);
        });
        if sel.get_untracked() > k {
            sel.set(sel.get_untracked() - 1);
        }
    };
    let name = if name.trim().is_empty() {
        view! { <em class="muted">{tr(K::TbUntitled)}</em> }.into_any()
    } else {
        name.to_string().into_any()
    };
    view! {
        <li class="tb-row" class:selected=chosen data-testid="ts-row" data-id=id.to_string()>
            <button
                type="button"
                class="tb-pick"
                data-testid="ts-pick"
                aria-pressed=chosen.to_string()
                on:click=cb(move |_| sel.set(k))
            >
                <span class="num">{k + 1} "."</span> " " <span class="tb-row-prompt">{name}</span>
                " " <span class="muted">{summary}</span>
            </button>
            <span class="row-actions">
                {arrows(k, n, ("ts-up", "ts-down"), shift)}
                {icon(K::TsDuplicate, "❐", "ts-duplicate", false, duplicate)}
                {icon(K::TsDelete, "✕", "ts-delete", true, remove)}
            </span>
        </li>
    }
    .into_any()
}
