//! The chosen question's editor: prompt, kind, the answer (see [`super::answers`]),
//! explanation and the clauses it tests, its validation problems, and a live preview as the
//! quiz taker and as the trainer see it.
//!
//! The editor is rebuilt only when another question is chosen or the kind changes; lists
//! inside it rebuild when their length changes, so an input keeps its focus while used.

use leptos::prelude::*;

use super::answers::{choice_editor, fill_in_editor, true_false_editor};
use crate::core::bundle::Problem;
use crate::core::quiz::paper::{Kind, QuizQuestion};
use crate::core::quiz::Question;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{problem_text, tr, K};
use crate::ui::pages::training::fields::{self, clause_label, get, set};
use crate::ui::pages::training::paper_view::{as_taker, kind_label, with_answer};
use crate::ui::state::{use_store, Store};

/// Which question the editor shows, and the kind it was built for.
#[derive(Clone, PartialEq)]
struct Shape {
    index: usize,
    id: String,
    kind: Kind,
}

#[component]
pub fn QuestionEditor(
    sel: RwSignal<usize>,
    problems: Memo<Vec<(usize, Problem)>>,
) -> impl IntoView {
    let store = use_store();
    let shape = Memo::new(move |_| {
        let index = sel.get();
        store.bundle.with(|b| {
            b.quiz.questions.get(index).map(|q| Shape {
                index,
                id: q.id.clone(),
                kind: q.kind.kind(),
            })
        })
    });
    move || {
        shape.with(|s| {
            s.as_ref()
                .map(|s| editor(store, s, problems))
                .unwrap_or_else(|| ().into_any())
        })
    }
}

/// Edits question `i` as one undo step; `key` groups a burst of typing in one input.
pub(super) fn edit_question(
    store: Store,
    i: usize,
    key: Option<&str>,
    f: impl FnOnce(&mut Question),
) {
    let key = key.map(|k| format!("quiz.q.{i}.{k}"));
    store.edit(key.as_deref(), |b| {
        if let Some(q) = b.quiz.questions.get_mut(i) {
            f(q);
        }
    });
}

/// Reads question `i` (tracked).
pub(super) fn read_question<T: Default>(
    store: Store,
    i: usize,
    f: impl FnOnce(&Question) -> T,
) -> T {
    store
        .bundle
        .with(|b| b.quiz.questions.get(i).map(f))
        .unwrap_or_default()
}

const KINDS: [(Kind, &str); 4] = [
    (Kind::Single, "single"),
    (Kind::Multiple, "multiple"),
    (Kind::TrueFalse, "truefalse"),
    (Kind::FillIn, "fillin"),
];

fn editor(store: Store, s: &Shape, problems: Memo<Vec<(usize, Problem)>>) -> AnyView {
    let i = s.index;
    let answer = match s.kind {
        Kind::Single => choice_editor(store, i, true),
        Kind::Multiple => choice_editor(store, i, false),
        Kind::TrueFalse => true_false_editor(store, i),
        Kind::FillIn => fill_in_editor(store, i),
    };
    let kinds = get(move |_| {
        let lang = store.ui_lang.get();
        KINDS
            .iter()
            .map(|(k, name)| (name.to_string(), kind_label(*k).text(lang).to_string()))
            .collect()
    });
    let kind_menu = fields::menu(
        store,
        K::TbKind,
        "tb-kind",
        kinds,
        get(move |b| {
            b.quiz
                .questions
                .get(i)
                .map(|q| q.kind.kind().name().to_string())
                .unwrap_or_default()
        }),
        set(move |b, v: String| {
            let Some((to, _)) = KINDS.iter().find(|(_, n)| *n == v) else {
                return;
            };
            if let Some(q) = b.quiz.questions.get_mut(i) {
                q.kind = q.kind.converted(*to);
            }
        }),
    );
    let explanation = fields::text(
        store,
        K::Explanation,
        "tb-explanation",
        format!("quiz.q.{i}.explanation"),
        true,
        get(move |b| {
            b.quiz
                .questions
                .get(i)
                .map(|q| q.explanation.clone())
                .unwrap_or_default()
        }),
        set(move |b, v| {
            if let Some(q) = b.quiz.questions.get_mut(i) {
                q.explanation = v;
            }
        }),
    );
    view! {
        <section class="panel tb-editor" data-testid="tb-editor" data-id=s.id.clone() aria-labelledby="tb-editor-title">
            <h2 id="tb-editor-title">
                {tr(K::TbEditQuestion)} " " <code data-testid="tb-id">{s.id.clone()}</code>
            </h2>
            {problem_list(store, i, problems)}
            <div class="tb-editor-grid">
                <div class="tb-form">
                    <label class="field">
                        <span>{tr(K::TbPrompt)}</span>
                        <textarea
                            id="tb-prompt"
                            data-testid="tb-prompt"
                            rows="2"
                            prop:value=move || read_question(store, i, |q| q.prompt.clone())
                            on:input=cb(move |e: leptos::ev::Event| {
                                let v = event_target_value(&e);
                                edit_question(store, i, Some("prompt"), |q| q.prompt = v);
                            })
                        ></textarea>
                    </label>
                    {kind_menu}
                    {answer}
                    {explanation}
                    {clause_picker(store, i)}
                </div>
                {preview(store, i)}
            </div>
        </section>
    }
    .into_any()
}

/// What the workspace's validation says about question `i`, and a multiple-choice question
/// without a right option (which validation does not report).
fn problem_list(store: Store, i: usize, problems: Memo<Vec<(usize, Problem)>>) -> impl IntoView {
    move || {
        let lang = store.ui_lang.get();
        let mut items: Vec<String> = problems.with(|ps| {
            ps.iter()
                .filter(|(k, _)| *k == i)
                .map(|(_, p)| problem_text(&p.kind, lang))
                .collect()
        });
        if read_question(store, i, |q| q.kind.no_right_option()) {
            items.push(K::TbNoRightOption.text(lang).to_string());
        }
        (!items.is_empty()).then(|| {
            view! {
                <div class="notice warn" role="status" data-testid="tb-problems">
                    <p><b>{K::TbFix.text(lang)}</b></p>
                    <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The clauses question `i` tests, as removable chips, and a menu to add one more.
fn clause_picker(store: Store, i: usize) -> AnyView {
    let cited = Memo::new(move |_| read_question(store, i, |q| q.clauses.clone()));
    let chips = move || {
        let lang = store.ui_lang.get();
        cited.with(|ids| {
            ids.iter()
                .enumerate()
                .map(|(k, id)| {
                    let label = store.bundle.with(|b| clause_label(b, id));
                    let known = label.is_some();
                    let text = label.unwrap_or_else(|| format!("{id} ({})", K::TbUnknownClause.text(lang)));
                    let aria = format!("{} {text}", K::TbUncite.text(lang));
                    view! {
                        <li class="chip" class:missing=!known data-testid="tb-cited" data-clause=id.clone()>
                            {text}
                            <button
                                type="button"
                                class="chip-remove"
                                data-testid="tb-uncite"
                                title=aria.clone()
                                aria-label=aria
                                on:click=cb(move |_| {
                                    edit_question(store, i, None, |q| {
                                        if k < q.clauses.len() {
                                            q.clauses.remove(k);
                                        }
                                    })
                                })
                            >
                                "×"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let options = move || {
        let lang = store.ui_lang.get();
        let have = cited.get();
        let mut out = vec![view! {
            <option value="" prop:selected=true>{K::TbCiteAdd.text(lang)}</option>
        }];
        for (id, label) in store
            .bundle
            .with(fields::clause_choices)
            .into_iter()
            .skip(1)
        {
            if !have.contains(&id) {
                out.push(view! { <option value=id prop:selected=false>{label}</option> });
            }
        }
        out
    };
    view! {
        <div class="field tb-clauses" data-testid="tb-clauses">
            <span>{tr(K::TbClausesTested)}</span>
            <ul class="chips">{chips}</ul>
            <select
                data-testid="tb-cite"
                aria-label=tr(K::TbCiteAdd)
                on:change=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    if !v.is_empty() {
                        edit_question(store, i, None, |q| q.cite(&v));
                    }
                })
            >
                {options}
            </select>
        </div>
    }
    .into_any()
}

/// The question as the quiz taker sees it and as the trainer sees it, following each edit.
fn preview(store: Store, i: usize) -> AnyView {
    let paper = Memo::new(move |_| {
        store
            .bundle
            .with(|b| b.quiz.questions.get(i).map(QuizQuestion::from_authored))
    });
    let taker = move || {
        let lang = store.ui_lang.get();
        paper.with(|q| q.as_ref().map(|q| as_taker(q, lang)))
    };
    let trainer = move || {
        let lang = store.ui_lang.get();
        paper.with(|q| {
            q.as_ref()
                .map(|q| store.bundle.with(|b| with_answer(q, b, lang)))
        })
    };
    view! {
        <div class="tb-preview" data-testid="tb-preview">
            <h3>{tr(K::TbPreviewTaker)}</h3>
            <div data-testid="tb-preview-taker">{taker}</div>
            <h3>{tr(K::TbPreviewTrainer)}</h3>
            <div data-testid="tb-preview-trainer">{trainer}</div>
        </div>
    }
    .into_any()
}
