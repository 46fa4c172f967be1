//! The editor's few input widgets, each bound to one place in the chosen template.
//!
//! A place is a [`Lens`]: a function from the template to the value it edits. Widgets are
//! plain functions over boxed lenses and readers, so one compiled copy serves every text
//! box, checkbox and menu of the editor.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::org::Org;
use crate::core::routing::Template;
use crate::core::routing_edit::{move_item, remove_item};
use crate::core::Bundle;
use crate::ui::components::widgets::{cb, icon_button};
use crate::ui::i18n::K;
use crate::ui::state::Store;

/// The template editor's handle: the store and which template is chosen.
#[derive(Clone, Copy)]
pub struct Ed {
    pub store: Store,
    pub sel: RwSignal<usize>,
}

impl Ed {
    /// Reads the chosen template and the workspace (tracked: call it inside reactive code).
    pub fn read<T: Default>(self, f: impl FnOnce(&Template, &Bundle) -> T) -> T {
        let i = self.sel.get_untracked();
        self.store.bundle.with(|b| {
            b.approvals
                .templates
                .get(i)
                .map(|t| f(t, b))
                .unwrap_or_default()
        })
    }

    /// Edits the chosen template as one undo step; `key` groups a burst of typing in one
    /// input into one step.
    pub fn edit(self, key: Option<&str>, f: impl FnOnce(&mut Template, &Org)) {
        self.edit_dyn(key, Box::new(f));
    }

    fn edit_dyn(self, key: Option<&str>, f: EditFn<'_>) {
        let i = self.sel.get_untracked();
        let key = key.map(|k| format!("tpl.{i}.{k}"));
        self.store.edit(key.as_deref(), move |b| {
            let Bundle { approvals, org, .. } = b;
            if let Some(t) = approvals.templates.get_mut(i) {
                f(t, org);
            }
        });
    }
}

/// An edit of the chosen template, boxed so that every edit shares one compiled path.
type EditFn<'a> = Box<dyn FnOnce(&mut Template, &Org) + 'a>;

/// A place in a template.
pub type Lens<T> = Arc<dyn for<'a> Fn(&'a mut Template) -> Option<&'a mut T> + Send + Sync>;

/// Boxes a lens (and gives the closure its higher-ranked type).
pub fn lens<T>(
    f: impl for<'a> Fn(&'a mut Template) -> Option<&'a mut T> + Send + Sync + 'static,
) -> Lens<T> {
    Arc::new(f)
}

/// Reads what a lens points at (on a copy: lenses only borrow mutably).
pub fn peek<T: Clone>(l: &Lens<T>, t: &Template) -> Option<T> {
    let mut t = t.clone();
    l(&mut t).cloned()
}

/// Reads the chosen template as one value for a widget.
pub type Reader<T> = Arc<dyn Fn(&Template, &Bundle) -> T + Send + Sync>;
/// Writes a widget's value into the template.
pub type Writer<T> = Arc<dyn Fn(&mut Template, &Org, T) + Send + Sync>;
/// Menu entries: value and label.
pub type Choices = Vec<(String, String)>;

/// Reads a template as text.
pub type ReadText = Arc<dyn Fn(&Template) -> String + Send + Sync>;
/// What typed text means, as text (`None`: not a value).
pub type Canon = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;
/// Stores typed text.
pub type WriteText = Arc<dyn Fn(&mut Template, &str) + Send + Sync>;
/// Reads a list of ids from a template.
pub type ReadIds = Arc<dyn Fn(&Template) -> Vec<String> + Send + Sync>;

/// A text input's binding: the current value as text, what typed text means (as text;
/// `None` when it is not a value) and how it is stored.
#[derive(Clone)]
pub struct Bind {
    pub read: ReadText,
    pub canon: Canon,
    pub write: WriteText,
}

/// Binds a lens with a format and a parser.
pub fn bind<T: 'static>(l: Lens<T>, fmt: fn(&T) -> String, parse: fn(&str) -> Option<T>) -> Bind {
    let w = l.clone();
    Bind {
        read: Arc::new(move |t| {
            let mut t = t.clone();
            l(&mut t).map(|v| fmt(v)).unwrap_or_default()
        }),
        canon: Arc::new(move |s| parse(s).map(|v| fmt(&v))),
        write: Arc::new(move |t, s| {
            if let (Some(slot), Some(v)) = (w(t), parse(s)) {
                *slot = v;
            }
        }),
    }
}

/// Binds a string as typed.
pub fn bind_text(l: Lens<String>) -> Bind {
    bind(l, String::clone, |s| Some(s.to_string()))
}

/// A labelled text input. What is typed stays on screen as typed (`3.50`, `1, 2,`) for as
/// long as the workspace holds what it was taken to mean; text that is not a value is kept,
/// marked and not stored. Any other change of the value (undo, another input) shows it anew.
pub fn text_field(
    ed: Ed,
    label: &'static str,
    testid: &'static str,
    key: String,
    b: Bind,
) -> AnyView {
    // What was typed, and the value (as text) the workspace held right after.
    let draft = RwSignal::new(None::<(String, String)>);
    let Bind { read, canon, write } = b;
    let r2 = read.clone();
    let shown = move || {
        let current = ed.read(|t, _| read(t));
        match draft.get() {
            Some((typed, after)) if after == current => typed,
            _ => current,
        }
    };
    let c2 = canon.clone();
    let invalid = move || {
        draft
            .with(|d| d.as_ref().is_some_and(|(typed, _)| c2(typed).is_none()))
            .to_string()
    };
    let on_input = cb(move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        match canon(&v) {
            Some(after) => {
                draft.set(Some((v.clone(), after)));
                let w = write.clone();
                ed.edit(Some(&key), move |t, _| w(t, &v));
            }
            None => draft.set(Some((v, ed.read(|t, _| r2(t))))),
        }
    });
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="text" data-testid=testid prop:value=shown aria-invalid=invalid on:input=on_input/>
        </label>
    }
    .into_any()
}

/// A labelled checkbox.
pub fn check_field(ed: Ed, label: &'static str, testid: &'static str, l: Lens<bool>) -> AnyView {
    let r = l.clone();
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid=testid
                prop:checked=move || ed.read(|t, _| peek(&r, t).unwrap_or_default())
                on:change=cb(move |e: leptos::ev::Event| {
                    let on = event_target_checked(&e);
                    let l = l.clone();
                    ed.edit(None, move |t, _| {
                        if let Some(slot) = l(t) {
                            *slot = on;
                        }
                    });
                })
            />
            " " {label}
        </label>
    }
    .into_any()
}

/// A labelled menu. The entries are read with the value, so they follow the workspace.
pub fn select_field(
    ed: Ed,
    label: &'static str,
    testid: &'static str,
    choices: Reader<Choices>,
    read: Reader<String>,
    write: Writer<String>,
) -> AnyView {
    let options = move || {
        ed.read(|t, b| {
            let current = read(t, b);
            choices(t, b)
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
            <span>{label}</span>
            <select
                data-testid=testid
                on:change=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    let w = write.clone();
                    ed.edit(None, move |t, org| w(t, org, v));
                })
            >
                {options}
            </select>
        </label>
    }
    .into_any()
}

/// A list of ids (people, departments, options) shown as removable chips, with a menu to
/// add one more.
#[expect(clippy::too_many_arguments, reason = "labels, choices and the binding")]
pub fn id_list(
    ed: Ed,
    label: &'static str,
    add_label: &'static str,
    remove_label: &'static str,
    testid: &'static str,
    choices: Reader<Choices>,
    read: ReadIds,
    write: Writer<Vec<String>>,
) -> AnyView {
    let (c1, r1, w1) = (choices.clone(), read.clone(), write.clone());
    let chips = move || {
        ed.read(|t, b| {
            let names = c1(t, b);
            r1(t)
                .into_iter()
                .enumerate()
                .map(|(k, id)| {
                    let name = names
                        .iter()
                        .find(|(v, _)| *v == id)
                        .map_or_else(|| id.clone(), |(_, l)| l.clone());
                    let w = w1.clone();
                    let r = r1.clone();
                    view! {
                        <span class="chip">
                            {name.clone()}
                            <button
                                type="button"
                                class="chip-remove"
                                title=remove_label
                                aria-label=format!("{remove_label} {name}")
                                on:click=cb(move |_| {
                                    let (w, r) = (w.clone(), r.clone());
                                    ed.edit(None, move |t, org| {
                                        let mut ids = r(t);
                                        if k < ids.len() {
                                            ids.remove(k);
                                        }
                                        w(t, org, ids);
                                    });
                                })
                            >
                                "×"
                            </button>
                        </span>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let (c2, r2) = (choices, read.clone());
    let options = move || {
        ed.read(|t, b| {
            let have = r2(t);
            let mut opts = vec![view! { <option value="" prop:selected=true>{add_label}</option> }];
            for (v, l) in c2(t, b) {
                if !have.contains(&v) {
                    opts.push(view! { <option value=v prop:selected=false>{l}</option> });
                }
            }
            opts
        })
    };
    view! {
        <div class="field id-list" data-testid=testid>
            <span>{label}</span>
            <div class="chips">
                {chips}
                <select
                    aria-label=add_label
                    on:change=cb(move |e: leptos::ev::Event| {
                        let v = event_target_value(&e);
                        if v.is_empty() {
                            return;
                        }
                        let (w, r) = (write.clone(), read.clone());
                        ed.edit(None, move |t, org| {
                            let mut ids = r(t);
                            ids.push(v);
                            w(t, org, ids);
                        });
                    })
                >
                    {options}
                </select>
            </div>
        </div>
    }
    .into_any()
}

/// Move up, move down and remove, for item `k` of the list `l` points at.
pub fn list_actions<T: 'static>(
    ed: Ed,
    k: usize,
    count: usize,
    remove_label: K,
    l: Lens<Vec<T>>,
) -> AnyView {
    let arrow = |up: bool, label: K, glyph: &'static str| {
        let l = l.clone();
        icon_button(label, glyph, false, move |_| {
            ed.edit(None, |t, _| {
                if let Some(v) = l(t) {
                    move_item(v, k, up);
                }
            })
        })
    };
    let up = (k > 0).then(|| arrow(true, K::MoveUp, "↑"));
    let down = (k + 1 < count).then(|| arrow(false, K::MoveDown, "↓"));
    view! {
        <span class="row-actions">
            {up}
            {down}
            {icon_button(remove_label, "✕", true, move |_| {
                ed.edit(None, |t, _| {
                    if let Some(v) = l(t) {
                        remove_item(v, k);
                    }
                })
            })}
        </span>
    }
    .into_any()
}
