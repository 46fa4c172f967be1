//! The answer part of the question editor, by kind: options with the right ones marked
//! (add, remove, reorder), true or false, or the accepted answers of a fill-in question.
//! The list edits themselves are `QuestionKind`'s, in `core`.

use leptos::prelude::*;

use super::editor::{edit_question, read_question};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::pages::training::fields::{arrows, icon};
use crate::ui::state::Store;

/// `A`, `B`, … for option `k` (then `27`, `28`…).
fn letter(k: usize) -> String {
    u8::try_from(k)
        .ok()
        .filter(|k| *k < 26)
        .map_or_else(|| (k + 1).to_string(), |k| char::from(b'A' + k).to_string())
}

/// The options of a single (`single`) or multiple choice question.
pub fn choice_editor(store: Store, i: usize, single: bool) -> AnyView {
    let count = Memo::new(move |_| read_question(store, i, |q| q.kind.options().len()));
    let rows = move || {
        let n = count.get();
        (0..n)
            .map(|k| option_row(store, i, k, n, single))
            .collect_view()
    };
    let add = move |_| edit_question(store, i, None, |q| q.kind.add_option(String::new()));
    view! {
        <fieldset class="tb-options" data-testid="tb-options">
            <legend>{tr(K::TbOptions)}</legend>
            <p class="muted">{tr(if single { K::TbMarkOne } else { K::TbMarkSeveral })}</p>
            <ol class="tb-option-list">{rows}</ol>
            <button type="button" data-testid="tb-option-add" on:click=cb(add)>
                "+ " {tr(K::TbAddOption)}
            </button>
        </fieldset>
    }
    .into_any()
}

fn option_row(store: Store, i: usize, k: usize, n: usize, single: bool) -> AnyView {
    let lang = store.ui_lang;
    let name = letter(k);
    let n2 = name.clone();
    let text_label = move || format!("{} {n2}", K::TbOption.text(lang.get()));
    let shift = move |up: bool| {
        edit_question(store, i, None, |q| {
            q.kind.move_option(k, up);
        })
    };
    let remove = move |_| {
        edit_question(store, i, None, |q| {
            q.kind.remove_option(k);
        })
    };
    view! {
        <li class="tb-option" data-testid="tb-option">
            <span class="letter" aria-hidden="true">{name}</span>
            <input
                type="text"
                data-testid="tb-option-text"
                aria-label=text_label
                prop:value=move || read_question(store, i, |q| q.kind.options().get(k).cloned())
                on:input=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    edit_question(store, i, Some(&format!("opt{k}")), |q| {
                        if let Some(o) = q.kind.options_mut().and_then(|o| o.get_mut(k)) {
                            *o = v;
                        }
                    });
                })
            />
            <label class="check tb-right">
                <input
                    type=if single { "radio" } else { "checkbox" }
                    name=format!("tb-right-{i}")
                    data-testid="tb-option-right"
                    prop:checked=move || read_question(store, i, |q| q.kind.is_right(k))
                    on:change=cb(move |e: leptos::ev::Event| {
                        let on = event_target_checked(&e);
                        edit_question(store, i, None, |q| q.kind.set_right(k, on));
                    })
                />
                " " {tr(K::TbRight)}
            </label>
            <span class="row-actions">
                {arrows(k, n, ("tb-option-up", "tb-option-down"), shift)}
                {icon(K::TeOptionRemove, "✕", "tb-option-remove", true, remove)}
            </span>
        </li>
    }
    .into_any()
}

/// True or false.
pub fn true_false_editor(store: Store, i: usize) -> AnyView {
    let value = move || {
        read_question(store, i, |q| match q.kind {
            crate::core::quiz::QuestionKind::TrueFalse { answer } => Some(answer),
            _ => None,
        })
    };
    let choose = move |v: bool| {
        edit_question(store, i, None, |q| {
            if let crate::core::quiz::QuestionKind::TrueFalse { answer } = &mut q.kind {
                *answer = v;
            }
        })
    };
    let radio = move |v: bool, label: K, testid: &'static str| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name=format!("tb-tf-{i}")
                    data-testid=testid
                    prop:checked=move || value() == Some(v)
                    on:change=cb(move |_| choose(v))
                />
                " " {tr(label)}
            </label>
        }
    };
    view! {
        <fieldset class="tb-options" data-testid="tb-truefalse">
            <legend>{tr(K::Answer)}</legend>
            {radio(true, K::True, "tb-tf-true")}
            " "
            {radio(false, K::False, "tb-tf-false")}
        </fieldset>
    }
    .into_any()
}

/// The accepted answers of a fill-in question, any of which counts as right.
pub fn fill_in_editor(store: Store, i: usize) -> AnyView {
    let count = Memo::new(move |_| read_question(store, i, |q| q.kind.accepted().len()));
    let rows = move || {
        let n = count.get();
        let lang = store.ui_lang;
        (0..n)
            .map(|k| {
                view! {
                    <li class="tb-option" data-testid="tb-accepted">
                        <input
                            type="text"
                            data-testid="tb-accepted-text"
                            aria-label=move || format!("{} {}", K::Accepted.text(lang.get()), k + 1)
                            prop:value=move || {
                                read_question(store, i, |q| q.kind.accepted().get(k).cloned())
                            }
                            on:input=cb(move |e: leptos::ev::Event| {
                                let v = event_target_value(&e);
                                edit_question(store, i, Some(&format!("acc{k}")), |q| {
                                    if let Some(a) = q.kind.accepted_mut().and_then(|a| a.get_mut(k)) {
                                        *a = v;
                                    }
                                });
                            })
                        />
                        {icon(K::TbRemoveAccepted, "✕", "tb-accepted-remove", true, move |_| {
                            edit_question(store, i, None, |q| {
                                if let Some(a) = q.kind.accepted_mut().filter(|a| k < a.len()) {
                                    a.remove(k);
                                }
                            })
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        edit_question(store, i, None, |q| {
            if let Some(a) = q.kind.accepted_mut() {
                a.push(String::new());
            }
        })
    };
    view! {
        <fieldset class="tb-options" data-testid="tb-fillin">
            <legend>{tr(K::Accepted)}</legend>
            <p class="muted">{tr(K::TbAcceptedHint)}</p>
            <ol class="tb-option-list">{rows}</ol>
            <button type="button" data-testid="tb-accepted-add" on:click=cb(add)>
                "+ " {tr(K::TbAddAccepted)}
            </button>
        </fieldset>
    }
    .into_any()
}
