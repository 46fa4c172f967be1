//! The workspaces of this browser in the header (issue 6, item 4): a button naming the
//! open workspace, and the panel it opens: every workspace with its counts and when it was
//! saved, the open one marked; open, rename (inline: Enter saves, Escape cancels),
//! duplicate and delete (undone from the notice, or from the same message in the panel);
//! new workspaces from either starter.
//!
//! The panel is a disclosure (`aria-expanded` on the button), in the header's flow rather
//! than a modal, so the notice with the undo of a deletion stays in view and usable.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::core::workspace_list::{display_time, Entry, MAX_NAME_CHARS};
use crate::core::Lang;
use crate::ui::areas;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::{use_store, Notice, Store};

const TOGGLE_ID: &str = "workspace-toggle";
const PANEL_ID: &str = "workspace-panel";
const TITLE_ID: &str = "workspace-panel-title";

/// Focuses an element once the pending re-render has put it on the page.
fn focus_later(id: String) {
    request_animation_frame(move || browser::focus(&id));
}

/// The header button: the open workspace's name; opens and closes the panel.
#[component]
pub fn WorkspaceToggle(open: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    view! {
        <button
            type="button"
            id=TOGGLE_ID
            class="ws-toggle"
            data-testid="workspace-menu"
            aria-controls=PANEL_ID
            aria-expanded=move || if open.get() { "true" } else { "false" }
            title=tr(K::WsToggleLabel)
            on:click=cb(move |_| open.update(|o| *o = !*o))
            on:mouseenter=move |_| areas::preload_workspace_panel()
            on:focusin=move |_| areas::preload_workspace_panel()
        >
            <span class="ws-toggle-label">{tr(K::WsHeaderLabel)}</span>
            <span class="ws-toggle-name" data-testid="workspace-current-name">
                {move || store.current_name()}
            </span>
            <span class="ws-toggle-caret" aria-hidden="true">"▾"</span>
        </button>
    }
}

/// The panel: the list and the new-workspace buttons. Escape closes it.
#[component]
pub fn WorkspacePanel(open: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let editing: RwSignal<Option<String>> = RwSignal::new(None);
    let close = move || {
        open.set(false);
        focus_later(TOGGLE_ID.to_string());
    };
    let on_key = move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close();
        }
    };
    let create = move |lang: Lang| {
        let id = store.create(lang);
        // A new workspace asks for its name at once.
        editing.set(Some(id));
    };
    // Moving focus into the panel tells keyboard and screen reader users it opened.
    Effect::new(move |_| browser::focus(TITLE_ID));
    // The rows are made again only when workspaces come or go (a memo of the ids); each
    // row follows its own name and times.
    let ids = Memo::new(move |_| {
        store
            .workspaces
            .with(|list| list.iter().map(|e| e.id.clone()).collect::<Vec<_>>())
    });
    let rows = move || {
        ids.get()
            .into_iter()
            .map(|id| view! { <WorkspaceItem id editing on_open=close/> })
            .collect_view()
    };
    view! {
        <section
            id=PANEL_ID
            class="ws-panel"
            data-testid="workspace-panel"
            aria-labelledby=TITLE_ID
            on:keydown=cb(on_key)
        >
            <div class="ws-panel-head">
                <h2 id=TITLE_ID tabindex="-1">{tr(K::WsPanelTitle)}</h2>
                <button type="button" data-testid="workspace-close" on:click=cb(move |_| close())>
                    {tr(K::WsClose)}
                </button>
            </div>
            <p class="muted ws-intro">{tr(K::WsPanelIntro)}</p>
            <DeletedRow/>
            <ul class="ws-list" data-testid="workspace-list" aria-label=tr(K::WsListLabel)>
                {rows}
            </ul>
            <div class="ws-new" role="group" aria-labelledby="workspace-new-title">
                <span id="workspace-new-title" class="ws-new-title">{tr(K::WsNew)}</span>
                <span class="muted">{tr(K::WsNewHint)}</span>
                <button type="button" data-testid="workspace-new-zh" on:click=cb(move |_| create(Lang::Zh))>
                    {tr(K::WsNewZh)}
                </button>
                <button type="button" data-testid="workspace-new-en" on:click=cb(move |_| create(Lang::En))>
                    {tr(K::WsNewEn)}
                </button>
            </div>
        </section>
    }
}

/// The undo of a deletion, repeated in the panel: on a phone the notice area is a long
/// scroll away below it. Both read the same notice, so they come and go together.
#[component]
fn DeletedRow() -> impl IntoView {
    let store = use_store();
    let deleted = move || {
        store.notice.with(|n| match n {
            Some(Notice::WorkspaceDeleted { name }) => Some(name.clone()),
            _ => None,
        })
    };
    move || {
        deleted().map(|name| {
            view! {
                <p class="ws-deleted" data-testid="workspace-deleted">
                    {tr(K::WsDeleted)} <b>{name}</b> " "
                    <button
                        type="button"
                        class="link-button"
                        data-testid="workspace-undo"
                        on:click=cb(move |_| {
                            store.undo_delete();
                            focus_later(TITLE_ID.to_string());
                        })
                    >
                        {tr(K::Undo)}
                    </button>
                </p>
            }
        })
    }
}

/// One workspace in the list. Its buttons are described by its name (`aria-describedby`),
/// so a screen reader says which workspace "Rename" is about.
#[component]
fn WorkspaceItem(
    id: String,
    editing: RwSignal<Option<String>>,
    on_open: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let name_id = format!("ws-name-{id}");
    let rename_id = format!("ws-rename-{id}");
    let id = StoredValue::new(id);
    let with_entry = move |f: &dyn Fn(&Entry) -> String| {
        let id = id.get_value();
        store
            .workspaces
            .with(|list| list.iter().find(|e| e.id == id).map(f).unwrap_or_default())
    };
    // A memo, so a save touching the entry's time does not re-render (and reset) an open
    // rename field.
    let name = Memo::new(move |_| with_entry(&|e| e.name.clone()));
    let is_current = move || store.current.with(|c| *c == id.get_value());
    let meta = move || {
        let lang = store.ui_lang.get();
        with_entry(&|e| {
            let saved = if e.updated.is_empty() {
                K::WsNotSaved.text(lang).to_string()
            } else {
                format!("{} {}", K::WsSavedAt.text(lang), display_time(&e.updated))
            };
            format!(
                "{} {} · {} {} · {saved}",
                e.chapters,
                K::ChapterCount.text(lang),
                e.clauses,
                K::ClauseCount.text(lang)
            )
        })
    };
    let name_span = {
        let name_id = name_id.clone();
        move || {
            view! {
                <span class="ws-name" id=name_id.clone() data-testid="workspace-name">
                    {name.get()}
                </span>
            }
        }
    };
    let title_view = move || {
        if editing.with(|e| e.as_deref() == Some(id.get_value().as_str())) {
            view! { <RenameField id=id.get_value() initial=name.get_untracked() editing/> }
                .into_any()
        } else if is_current() {
            view! {
                {name_span()}
                <span class="ws-badge">{t(K::WsCurrent)}</span>
            }
            .into_any()
        } else {
            view! {
                <button
                    type="button"
                    class="link-button"
                    data-testid="workspace-switch"
                    title=t(K::WsOpen)
                    on:click=cb(move |_| {
                        store.switch(&id.get_value());
                        on_open();
                    })
                >
                    {name_span()}
                </button>
            }
            .into_any()
        }
    };
    let action = |key: K, testid: &'static str, f: fn(Store, &str)| {
        view! {
            <button
                type="button"
                class:danger=testid == "workspace-delete"
                data-testid=testid
                aria-describedby=name_id.clone()
                on:click=cb(move |_| f(store, &id.get_value()))
            >
                {tr(key)}
            </button>
        }
    };
    view! {
        <li
            class="ws-item"
            data-testid="workspace-item"
            data-workspace-id=id.get_value()
            aria-current=move || is_current().then_some("true")
        >
            <div class="ws-main">
                <div class="ws-title">{title_view}</div>
                <span class="ws-meta muted" data-testid="workspace-meta">{meta}</span>
            </div>
            <div class="ws-actions">
                <button
                    type="button"
                    id=rename_id
                    data-testid="workspace-rename"
                    aria-describedby=name_id.clone()
                    on:click=cb(move |_| editing.set(Some(id.get_value())))
                >
                    {tr(K::WsRename)}
                </button>
                {action(K::WsDuplicate, "workspace-duplicate", |store, id| {
                    store.duplicate(id);
                })}
                {action(K::WsDelete, "workspace-delete", |store, id| {
                    store.delete(id);
                    // The button is gone with its row: keep focus in the panel.
                    focus_later(TITLE_ID.to_string());
                })}
            </div>
        </li>
    }
}

/// The inline name editor: Enter or the save button keeps the name, Escape or cancel
/// leaves it as it was. A blank name is refused with a message.
#[component]
fn RenameField(id: String, initial: String, editing: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let input: NodeRef<html::Input> = NodeRef::new();
    let (blank, set_blank) = signal(false);
    let id = StoredValue::new(id);
    let done = move || {
        editing.set(None);
        focus_later(format!("ws-rename-{}", id.get_value()));
    };
    let commit = move || {
        let value = input
            .get_untracked()
            .map(|el| el.value())
            .unwrap_or_default();
        if store.rename(&id.get_value(), &value) {
            done();
        } else {
            set_blank.set(true);
        }
    };
    let on_key = move |e: KeyboardEvent| {
        match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                commit();
            }
            "Escape" => {
                e.prevent_default();
                done();
            }
            _ => {}
        }
        // Escape here cancels the rename only, and Ctrl+Z undoes typing in this field, not
        // an edit of the workspace.
        if e.key() == "Escape" || e.ctrl_key() || e.meta_key() {
            e.stop_propagation();
        }
    };
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    view! {
        <div class="ws-rename">
            <input
                type="text"
                node_ref=input
                data-testid="workspace-name-input"
                aria-label=tr(K::WsNameLabel)
                aria-invalid=move || if blank.get() { "true" } else { "false" }
                maxlength=MAX_NAME_CHARS.to_string()
                value=initial
                on:keydown=cb(on_key)
                on:input=cb(move |_| set_blank.set(false))
            />
            <button type="button" data-testid="workspace-rename-save" on:click=cb(move |_| commit())>
                {tr(K::WsSaveName)}
            </button>
            <button type="button" data-testid="workspace-rename-cancel" on:click=cb(move |_| done())>
                {tr(K::Cancel)}
            </button>
            {move || {
                blank
                    .get()
                    .then(|| {
                        view! {
                            <span class="ws-error" role="alert" data-testid="workspace-name-error">
                                {tr(K::WsNameRequired)}
                            </span>
                        }
                    })
            }}
        </div>
    }
}
