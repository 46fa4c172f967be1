//! Opening a share link: when the page is opened with `#share=…`, the workspace in the
//! link is decoded (in the browser; the fragment never reaches a server) and shown with
//! what it contains. It opens as a new workspace, never over the current one; a damaged
//! link says why it cannot be opened.

use leptos::prelude::*;

use crate::core::export::share::{self, DecodeError};
use crate::core::{Bundle, LoadError};
use crate::ui::browser;
use crate::ui::codec;
use crate::ui::i18n::{problem_text, tr, use_t, K};
use crate::ui::state::use_store;

/// What the address carried when the app started.
#[derive(Clone, PartialEq)]
enum Found {
    Workspace(Box<Bundle>),
    Broken(DecodeError),
}

/// Whether the address holds a share link (`#share=…`).
pub fn link_in_address() -> bool {
    let hash = browser::location_hash();
    hash.starts_with("share=") || hash.starts_with("share%3D")
}

/// Takes a share link out of the address, once, at start-up: before the router may
/// redirect and drop the fragment.
pub fn take_link() -> Option<String> {
    if !link_in_address() {
        return None;
    }
    let link = browser::location_hash();
    browser::clear_hash();
    Some(link)
}

/// What a link holds. The reader is in: start-up fetched it for the link
/// (`crate::ui::start`), and in a release build this prompt comes in its chunk.
fn found_in(link: &str) -> Option<Found> {
    Some(match share::decode_json(link) {
        Err(e) => Found::Broken(e),
        Ok(json) => match codec::read_valid(&json) {
            Ok(Ok(b)) => Found::Workspace(Box::new(b)),
            Ok(Err(e)) => Found::Broken(DecodeError::Invalid(e)),
            Err(codec::NotLoaded) => return None,
        },
    })
}

#[component]
pub fn SharePrompt(link: String) -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let found = RwSignal::new(found_in(&link));
    let view_found = move || {
        found.get().map(|f| match f {
            Found::Workspace(b) => {
                let summary = summary(&b);
                let title = b.policy.meta.title.clone();
                let open = move |_| {
                    if let Some(Found::Workspace(b)) = found.get_untracked() {
                        let name = if b.policy.meta.title.trim().is_empty() {
                            t(K::SharedWorkspace).to_string()
                        } else {
                            b.policy.meta.title.clone()
                        };
                        store.open_as_new(*b, name);
                    }
                    found.set(None);
                };
                view! {
                    <section class="banner banner-ok share-prompt" role="dialog" aria-labelledby="share-prompt-title" data-testid="share-prompt">
                        <h2 id="share-prompt-title">{tr(K::ShareFound)}</h2>
                        <p><b data-testid="share-title">{title}</b></p>
                        <ul class="share-summary">
                            {summary.into_iter().map(|(k, n)| view! { <li>{tr(k)} ": " {n}</li> }).collect_view()}
                        </ul>
                        <p>{tr(K::ShareOpensNew)}</p>
                        <p class="actions">
                            <button type="button" class="primary" data-testid="share-open" on:click=open>{tr(K::ShareOpenNew)}</button>
                            <button type="button" data-testid="share-dismiss" on:click=move |_| found.set(None)>{tr(K::ShareDismiss)}</button>
                        </p>
                    </section>
                }
                .into_any()
            }
            Found::Broken(e) => {
                let (key, problems) = reason(e);
                let lang = store.ui_lang.get_untracked();
                view! {
                    <section class="banner banner-error share-prompt" role="alert" data-testid="share-error">
                        <p><b>{tr(K::ShareBroken)}</b> " " {tr(key)}</p>
                        {problems.map(|e| view! {
                            <ul class="problems">
                                {e.problems.into_iter().take(10).map(|p| view! { <li><code>{p.path}</code> " " {problem_text(&p.kind, lang)}</li> }).collect_view()}
                            </ul>
                        })}
                        <p class="actions">
                            <button type="button" data-testid="share-dismiss" on:click=move |_| found.set(None)>{tr(K::ShareDismiss)}</button>
                        </p>
                    </section>
                }
                .into_any()
            }
        })
    };
    view! { {view_found} }
}

/// What a shared workspace holds, counted.
fn summary(b: &Bundle) -> Vec<(K, usize)> {
    vec![
        (K::Chapters, b.policy.chapters.len()),
        (K::Clauses, b.policy.clause_count()),
        (K::NamingSchemes, b.naming.len()),
        (K::TemplatesCount, b.approvals.templates.len()),
        (K::PeopleCount, b.org.people.len()),
        (K::QuestionsCount, b.quiz.questions.len()),
        (K::Versions, b.snapshots.len()),
    ]
}

/// Why a link cannot be opened, in words, with the workspace's problems if it had any.
fn reason(e: DecodeError) -> (K, Option<LoadError>) {
    match e {
        DecodeError::NotAShareLink => (K::ShareErrNotLink, None),
        DecodeError::UnsupportedVersion(_) => (K::ShareErrVersion, None),
        DecodeError::Corrupt => (K::ShareErrCorrupt, None),
        DecodeError::ChecksumMismatch => (K::ShareErrChecksum, None),
        DecodeError::TooLarge => (K::ShareErrTooLarge, None),
        DecodeError::Invalid(e) => (K::ShareErrInvalid, Some(e)),
    }
}
