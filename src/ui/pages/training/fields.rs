//! The trainer editors' input widgets, each bound to one place in the workspace through a
//! reader and a writer. They are plain functions over boxed closures, so one compiled copy
//! serves every text box, number, menu and checkbox of the question, norms and set editors.
//!
//! Every change is one undoable edit of the workspace through the store; typing in one
//! input is grouped into one undo step by its key. What is typed stays on screen as typed
//! for as long as the workspace holds what it was taken to mean; any other change (undo,
//! another input) shows the value anew.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::policy::article_label;
use crate::core::Bundle;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::Store;

/// Reads a value of the workspace (called inside reactive code, so it is tracked).
pub type Reader<T> = Arc<dyn Fn(&Bundle) -> T + Send + Sync>;
/// Writes a value into the workspace.
pub type Writer<T> = Arc<dyn Fn(&mut Bundle, T) + Send + Sync>;
/// Menu entries: value and label.
pub type Choices = Vec<(String, String)>;

/// Boxes a reader.
pub fn get<T>(f: impl Fn(&Bundle) -> T + Send + Sync + 'static) -> Reader<T> {
    Arc::new(f)
}

/// Boxes a writer.
pub fn set<T>(f: impl Fn(&mut Bundle, T) + Send + Sync + 'static) -> Writer<T> {
    Arc::new(f)
}

/// A labelled text input (`area`: a text area).
pub fn text(
    store: Store,
    label: K,
    testid: &'static str,
    key: String,
    area: bool,
    read: Reader<String>,
    write: Writer<String>,
) -> AnyView {
    let shown = move || store.bundle.with(|b| read(b));
    let on_input = cb(move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        let w = write.clone();
        store.edit(Some(&key), move |b| w(b, v));
    });
    let input = if area {
        view! { <textarea data-testid=testid rows="2" prop:value=shown on:input=on_input></textarea> }
            .into_any()
    } else {
        view! { <input type="text" data-testid=testid prop:value=shown on:input=on_input/> }
            .into_any()
    };
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            {input}
        </label>
    }
    .into_any()
}

/// A labelled input for a whole number from `min` to `max`. With `optional`, a blank
/// input means none (`None`); otherwise blank is not a value. What is not a value is kept
/// as typed, marked invalid and not stored.
#[expect(clippy::too_many_arguments, reason = "label, bounds and the binding")]
pub fn number(
    store: Store,
    label: K,
    testid: &'static str,
    key: String,
    (min, max): (u64, u64),
    optional: bool,
    read: Reader<Option<u64>>,
    write: Writer<Option<u64>>,
) -> AnyView {
    let parse = move |s: &str| -> Option<Option<u64>> {
        let s = s.trim();
        if s.is_empty() {
            return optional.then_some(None);
        }
        s.parse::<u64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .map(Some)
    };
    // What was typed, and the value the workspace held right after.
    let draft = RwSignal::new(None::<(String, Option<u64>)>);
    let r2 = read.clone();
    let current = move || store.bundle.with(|b| read(b));
    let current_untracked = move || store.bundle.with_untracked(|b| r2(b));
    let shown = move || {
        let now = current();
        match draft.get() {
            Some((typed, after)) if after == now => typed,
            _ => now.map(|n| n.to_string()).unwrap_or_default(),
        }
    };
    let invalid = move || {
        draft
            .with(|d| d.as_ref().is_some_and(|(typed, _)| parse(typed).is_none()))
            .to_string()
    };
    let on_input = cb(move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        match parse(&v) {
            Some(n) => {
                draft.set(Some((v, n)));
                let w = write.clone();
                store.edit(Some(&key), move |b| w(b, n));
            }
            None => draft.set(Some((v, current_untracked()))),
        }
    });
    view! {
        <label class="field small">
            <span>{tr(label)}</span>
            <input
                type="text"
                inputmode="numeric"
                data-testid=testid
                prop:value=shown
                aria-invalid=invalid
                on:input=on_input
            />
        </label>
    }
    .into_any()
}

/// A labelled menu; its entries are read with the value, so they follow the workspace.
pub fn menu(
    store: Store,
    label: K,
    testid: &'static str,
    choices: Reader<Choices>,
    read: Reader<String>,
    write: Writer<String>,
) -> AnyView {
    let options = move || {
        store.bundle.with(|b| {
            let current = read(b);
            choices(b)
                .into_iter()
                .map(|(v, l)| {
                    let on = v == current;
                    view! { <option value=v prop:selected=on>{l}</option> }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            <select
                data-testid=testid
                on:change=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    let w = write.clone();
                    store.edit(None, move |b| w(b, v));
                })
            >
                {options}
            </select>
        </label>
    }
    .into_any()
}

/// A labelled checkbox.
pub fn check(
    store: Store,
    label: K,
    testid: String,
    read: Reader<bool>,
    write: Writer<bool>,
) -> AnyView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || store.bundle.with(|b| read(b))
                on:change=cb(move |e: leptos::ev::Event| {
                    let on = event_target_checked(&e);
                    let w = write.clone();
                    store.edit(None, move |b| w(b, on));
                })
            />
            " " {tr(label)}
        </label>
    }
    .into_any()
}

/// A text area for a list of texts, one per line; blank lines are dropped when stored, and
/// shown as typed while the list they mean is the one stored.
pub fn lines(
    store: Store,
    label: K,
    testid: &'static str,
    key: String,
    read: Reader<Vec<String>>,
    write: Writer<Vec<String>>,
) -> AnyView {
    let split = |s: &str| -> Vec<String> {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    let draft = RwSignal::new(None::<String>);
    let shown = move || {
        let now = store.bundle.with(|b| read(b));
        match draft.get() {
            Some(d) if split(d.as_str()) == now => d,
            _ => now.join("\n"),
        }
    };
    let on_input = cb(move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        let list = split(&v);
        draft.set(Some(v));
        let w = write.clone();
        store.edit(Some(&key), move |b| w(b, list));
    });
    view! {
        <label class="field wide">
            <span>{tr(label)}</span>
            <textarea data-testid=testid rows="3" prop:value=shown on:input=on_input></textarea>
        </label>
    }
    .into_any()
}

/// Every clause of the usage code as a menu entry, `第5条 标题`, after a blank entry.
pub fn clause_choices(b: &Bundle) -> Choices {
    let lang = b.settings.lang;
    std::iter::once((String::new(), "—".to_string()))
        .chain(b.policy.numbered().iter().map(|n| {
            (
                n.clause.id.clone(),
                format!(
                    "{} {}",
                    article_label(lang, n.article_number),
                    n.clause.title
                ),
            )
        }))
        .collect()
}

/// A clause as readers see it, `第5条 标题`; `None` when the workspace has no such clause.
pub fn clause_label(b: &Bundle, id: &str) -> Option<String> {
    let n = b.policy.article_number(id)?;
    let title = b.policy.clause(id).map(|c| c.title.as_str()).unwrap_or("");
    Some(format!("{} {title}", article_label(b.settings.lang, n)))
}

/// A small button showing a glyph, labelled for screen readers and tooltips, with a test id.
pub fn icon(
    label: K,
    glyph: &'static str,
    testid: &'static str,
    danger: bool,
    on_click: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> AnyView {
    icon_button(label, glyph, testid, danger, false, Box::new(on_click))
}

fn icon_button(
    label: K,
    glyph: &'static str,
    testid: &'static str,
    danger: bool,
    disabled: bool,
    on_click: Box<dyn FnMut(leptos::ev::MouseEvent)>,
) -> AnyView {
    view! {
        <button
            type="button"
            class="icon"
            class:danger=danger
            disabled=disabled
            data-testid=testid
            title=tr(label)
            aria-label=tr(label)
            on:click=on_click
        >
            {glyph}
        </button>
    }
    .into_any()
}

/// Move up and move down buttons for item `k` of `n` (test ids `{prefix}-up` and
/// `{prefix}-down`); a move that cannot be made is shown disabled, so that rows line up.
pub fn arrows(
    k: usize,
    n: usize,
    (up_id, down_id): (&'static str, &'static str),
    shift: impl Fn(bool) + Clone + 'static,
) -> AnyView {
    let s2 = shift.clone();
    view! {
        {icon_button(K::MoveUp, "↑", up_id, false, k == 0, Box::new(move |_| s2(true)))}
        {icon_button(K::MoveDown, "↓", down_id, false, k + 1 >= n, Box::new(move |_| shift(false)))}
    }
    .into_any()
}

/// Move up, move down and remove buttons for item `k` of `count`, each one edit.
pub fn row_actions(
    store: Store,
    k: usize,
    count: usize,
    remove: K,
    testid: &'static str,
    shift: Writer<(usize, bool)>,
    drop: Writer<usize>,
) -> AnyView {
    let move_one = move |up: bool| {
        let s = shift.clone();
        store.edit(None, move |b| s(b, (k, up)));
    };
    view! {
        <span class="row-actions" data-testid=testid>
            {arrows(k, count, ("move-up", "move-down"), move_one)}
            {icon(remove, "✕", "remove", true, move |_| {
                let d = drop.clone();
                store.edit(None, move |b| d(b, k));
            })}
        </span>
    }
    .into_any()
}
