//! The question bank: the trainer's own questions (a list to add, duplicate, delete and
//! reorder; the chosen one's editor with a live preview and its validation problems) and,
//! below, the questions computed from the rules by topic with the generator's notes.
//!
//! Every change is one undoable edit of the workspace through the store (autosaved), and
//! typing in one input is grouped into one undo step.

mod answers;
mod editor;
mod generated;

use leptos::prelude::*;

use super::fields::{arrows, icon};
use super::paper_view::kind_label;
use crate::core::bundle::Problem;
use crate::core::quiz::paper::Kind;
use crate::core::Bundle;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::{use_store, Store};

#[component]
pub fn BankTab() -> impl IntoView {
    let store = use_store();
    let sel = RwSignal::new(0usize);
    // Keep the choice in range when questions are deleted, undone or a workspace opened.
    Effect::new(move |_| {
        let n = store.bundle.with(|b| b.quiz.questions.len());
        if n > 0 && sel.get_untracked() >= n {
            sel.set(n - 1);
        }
    });
    let problems = Memo::new(move |_| store.bundle.with(question_problems));
    view! {
        <div class="bank" data-testid="bank-tab">
            <section class="panel tb-authored" aria-labelledby="tb-authored-title">
                <h2 id="tb-authored-title">{tr(K::TbAuthored)}</h2>
                <p class="muted">{tr(K::TbAuthoredIntro)}</p>
                {question_list(store, sel, problems)}
                {add_bar(store, sel)}
            </section>
            <editor::QuestionEditor sel problems/>
            <generated::Generated/>
        </div>
    }
}

/// The workspace's validation problems about authored questions, with the index of the
/// question each is about (`$.quiz.questions[i]…`).
fn question_problems(b: &Bundle) -> Vec<(usize, Problem)> {
    let index = |path: &str| -> Option<usize> {
        let rest = path.strip_prefix("$.quiz.questions[")?;
        rest[..rest.find(']')?].parse().ok()
    };
    b.validate()
        .into_iter()
        .filter_map(|p| index(&p.path).map(|i| (i, p)))
        .collect()
}

/// Whether question `i` has something to fix: a validation problem, or a multiple-choice
/// question without a right option.
fn has_problem(b: &Bundle, problems: &[(usize, Problem)], i: usize) -> bool {
    problems.iter().any(|(k, _)| *k == i)
        || b.quiz
            .questions
            .get(i)
            .is_some_and(|q| q.kind.no_right_option())
}

/// The authored questions, one row each: pick to edit, move, duplicate, delete.
fn question_list(
    store: Store,
    sel: RwSignal<usize>,
    problems: Memo<Vec<(usize, Problem)>>,
) -> impl IntoView {
    let rows = Memo::new(move |_| {
        store.bundle.with(|b| {
            problems.with(|ps| {
                b.quiz
                    .questions
                    .iter()
                    .enumerate()
                    .map(|(i, q)| {
                        (
                            q.id.clone(),
                            q.kind.kind(),
                            q.prompt.clone(),
                            has_problem(b, ps, i),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let current = sel.get();
        rows.with(|rows| {
            if rows.is_empty() {
                return view! { <p class="muted" data-testid="tb-empty">{tr(K::TbNoQuestions)}</p> }
                    .into_any();
            }
            let n = rows.len();
            let items = rows
                .iter()
                .enumerate()
                .map(|(k, (id, kind, prompt, bad))| {
                    question_row(store, sel, k, n, k == current, id, *kind, prompt, *bad)
                })
                .collect_view();
            view! { <ol class="tb-list" data-testid="questions">{items}</ol> }.into_any()
        })
    }
}

#[expect(clippy::too_many_arguments, reason = "one row's data")]
fn question_row(
    store: Store,
    sel: RwSignal<usize>,
    k: usize,
    n: usize,
    chosen: bool,
    id: &str,
    kind: Kind,
    prompt: &str,
    bad: bool,
) -> AnyView {
    let shift = move |up: bool| {
        store.edit(None, |b| {
            b.quiz.move_question(k, up);
        });
        sel.set(if up {
            k.saturating_sub(1)
        } else {
            (k + 1).min(n - 1)
        });
    };
    let duplicate = move |_| {
        store.edit(None, |b| {
            b.quiz.duplicate_question(k);
        });
        sel.set(k + 1);
    };
    let remove = move |_| {
        store.edit(None, |b| {
            b.quiz.remove_question(k);
        });
        if sel.get_untracked() > k {
            sel.set(sel.get_untracked() - 1);
        }
    };
    let prompt = prompt.trim().to_string();
    let title = if prompt.is_empty() {
        None
    } else {
        Some(prompt)
    };
    view! {
        <li class="tb-row" class:selected=chosen data-testid="tb-row" data-id=id.to_string()>
            <button
                type="button"
                class="tb-pick"
                data-testid="tb-pick"
                aria-pressed=chosen.to_string()
                on:click=cb(move |_| sel.set(k))
            >
                <span class="num">{k + 1} "."</span>
                " "
                <span class="tag">{tr(kind_label(kind))}</span>
                " "
                <span class="tb-row-prompt">
                    {match title {
                        Some(t) => t.into_any(),
                        None => view! { <em class="muted">{tr(K::TbUntitled)}</em> }.into_any(),
                    }}
                </span>
                {bad.then(|| view! {
                    " " <span class="tb-bad" data-testid="tb-row-problem" title=tr(K::TbHasProblems)>
                        "⚠" <span class="visually-hidden">{tr(K::TbHasProblems)}</span>
                    </span>
                })}
            </button>
            <span class="row-actions">
                {arrows(k, n, ("tb-up", "tb-down"), shift)}
                {icon(K::TbDuplicate, "❐", "tb-duplicate", false, duplicate)}
                {icon(K::TbDelete, "✕", "tb-delete", true, remove)}
            </span>
        </li>
    }
    .into_any()
}

/// Buttons adding a blank question of each kind, which is then chosen and its prompt
/// focused.
fn add_bar(store: Store, sel: RwSignal<usize>) -> impl IntoView {
    let add = move |kind: Kind| {
        let mut at = 0;
        store.edit(None, |b| at = b.quiz.add_question(kind));
        sel.set(at);
        request_animation_frame(|| browser::focus("tb-prompt"));
    };
    let button = move |kind: Kind, testid: &'static str| {
        view! {
            <button type="button" data-testid=testid on:click=cb(move |_| add(kind))>
                "+ " {tr(kind_label(kind))}
            </button>
        }
    };
    view! {
        <div class="add-bar" role="group" aria-label=tr(K::TbAddQuestion)>
            <span>{tr(K::TbAddQuestion)} ": "</span>
            {button(Kind::Single, "tb-add-single")}
            {button(Kind::Multiple, "tb-add-multiple")}
            {button(Kind::TrueFalse, "tb-add-truefalse")}
            {button(Kind::FillIn, "tb-add-fillin")}
        </div>
    }
}
