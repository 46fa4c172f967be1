//! The notice area: storage problems (persistent) and one-off messages (dismissable).

use leptos::prelude::*;

use crate::ui::browser::{ReadError, StorageError};
use crate::ui::i18n::{problem_text, tr, use_t, K};
use crate::ui::state::{use_store, Notice, SaveState, UNREADABLE_KEY};

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 50;

#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let storage_banner = move || match store.save_state.get() {
        SaveState::Failed(StorageError::Unavailable) => Some(t(K::StorageUnavailable)),
        SaveState::Failed(StorageError::Full) => Some(t(K::StorageFull)),
        _ => None,
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                storage_banner()
                    .map(|text| {
                        view! {
                            <div class="banner banner-warn" role="alert" data-testid="storage-banner">
                                {text}
                            </div>
                        }
                    })
            }}
            {move || store.notice.get().map(|n| view! { <NoticeView notice=n/> })}
        </div>
    }
}

/// The problems of a workspace file, each with its place in the file.
fn problem_list(error: crate::core::LoadError) -> AnyView {
    let store = use_store();
    let total = error.problems.len();
    let listed: Vec<_> = error.problems.into_iter().take(MAX_LISTED).collect();
    view! {
        <details open=true>
            <summary>{tr(K::ProblemsFound)} " (" {total} ")"</summary>
            <ul class="problems" data-testid="open-problems">
                {listed
                    .into_iter()
                    .map(|p| {
                        let kind = p.kind.clone();
                        view! {
                            <li>
                                <code>{p.path.clone()}</code> " "
                                {move || problem_text(&kind, store.ui_lang.get())}
                            </li>
                        }
                    })
                    .collect_view()}
                {(total > MAX_LISTED).then(|| view! { <li>"… +" {total - MAX_LISTED}</li> })}
            </ul>
        </details>
    }
    .into_any()
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let (class, body) = match notice {
        Notice::Opened { file } => (
            "banner banner-ok",
            view! { <p>{tr(K::OpenedFile)} <b>{file}</b> " " {tr(K::WsOpenedAsNew)}</p> }.into_any(),
        ),
        Notice::Saved { file } => (
            "banner banner-ok",
            view! { <p>{tr(K::SavedFile)} <b>{file}</b></p> }.into_any(),
        ),
        Notice::Reset { .. } => (
            "banner banner-ok",
            view! { <p>{tr(K::ResetDone)}</p> }.into_any(),
        ),
        Notice::Deleted => (
            "banner banner-ok",
            view! {
                <p>
                    {tr(K::Deleted)} " "
                    <button type="button" class="link-button" data-testid="notice-undo" on:click=move |_| {
                        store.undo();
                        store.notice.set(None);
                    }>{tr(K::Undo)}</button>
                </p>
            }
            .into_any(),
        ),
        // The first kept-aside key is the one the older message names.
        Notice::RecoveredUnreadable { kept, key } if !kept || key == UNREADABLE_KEY => (
            "banner banner-warn",
            view! { <p>{move || t(if kept { K::RecoveredKept } else { K::RecoveredNotKept })}</p> }
                .into_any(),
        ),
        Notice::RecoveredUnreadable { key, .. } => (
            "banner banner-warn",
            view! { <p>{tr(K::WsRecoveredKeptAs)} <code>{key}</code></p> }.into_any(),
        ),
        Notice::WorkspaceDeleted { name } => (
            "banner banner-ok",
            view! {
                <p>
                    {tr(K::WsDeleted)} <b>{name}</b> " " {tr(K::WsCanUndo)} " "
                    <button
                        type="button"
                        class="link-button"
                        data-testid="notice-undo"
                        on:click=move |_| store.undo_delete()
                    >
                        {tr(K::Undo)}
                    </button>
                </p>
            }
            .into_any(),
        ),
        Notice::ReaderUnavailable => (
            "banner banner-error",
            view! { <p data-testid="reader-unavailable">{tr(K::ReaderUnavailable)}</p> }.into_any(),
        ),
        Notice::ReadFailed { file, error } => {
            let detail = move || match &error {
                ReadError::TooLarge { .. } => t(K::FileTooLarge),
                ReadError::NotText => t(K::FileNotText),
            };
            (
                "banner banner-error",
                view! { <p>{tr(K::OpenFailed)} <b>{file.clone()}</b> " — " {detail}</p> }
                    .into_any(),
            )
        }
        Notice::OpenFailed { file, error } => (
            "banner banner-error",
            view! {
                <p>{tr(K::OpenFailed)} <b>{file}</b></p>
                {problem_list(error)}
            }
            .into_any(),
        ),
        Notice::StoredWithProblems { error } => (
            "banner banner-warn",
            view! {
                <p>{tr(K::StoredWithProblems)}</p>
                {problem_list(error)}
            }
            .into_any(),
        ),
    };
    let role = if class.contains("error") {
        "alert"
    } else {
        "status"
    };
    view! {
        <div class=class role=role data-testid="notice">
            <div class="banner-body">{body}</div>
            <button type="button" class="banner-close" on:click=move |_| store.notice.set(None)>
                {tr(K::Dismiss)}
            </button>
        </div>
    }
}
