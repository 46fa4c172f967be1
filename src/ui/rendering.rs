//! The Markdown renderer of the policy preview, loaded on demand.
//!
//! Clause bodies are rendered by [`markdown::render`] (pulldown-cmark, with our sanitizing):
//! about 70 KB gzipped, the largest part of the policy page. A first visit opens on the
//! starter example, whose bodies were rendered at build time by the same code
//! ([`starter::rendered_body`]), so in a release build the renderer is a split point of
//! its own, like the areas (`src/ui/areas.rs`), fetched
//! - when the policy editor first takes the focus ([`preload`]), ahead of the first edit;
//! - when the preview has a body to show that is not the starter's ([`html`]);
//! - at start-up alongside the workspace reader, when a stored workspace or a share link
//!   opens (`crate::ui::start`).
//!
//! While it is on its way, such a body shows as plain text. If it cannot be fetched (the
//! network went away), the preview says so, with a retry ([`failed`], [`retry`]); nothing
//! in the workspace changes.

use std::cell::Cell;

use leptos::prelude::*;

use crate::core::{markdown, starter};

use super::areas::Unavailable;

split_fn!(
    markdown,
    preload_markdown,
    fn render_split(src: String) -> Result<String, Unavailable> {
        Ok(markdown::render(&src))
    }
);

thread_local! {
    static LOADED: Cell<bool> = const { Cell::new(!cfg!(ppg_split)) };
    static LOADING: Cell<bool> = const { Cell::new(false) };
    /// Changes when the renderer comes in or cannot be fetched: previews waiting for it
    /// render again.
    static STATE: ArcRwSignal<Fetch> = ArcRwSignal::new(Fetch::Idle);
}

/// Where fetching the renderer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fetch {
    Idle,
    Done,
    Failed,
}

fn state() -> ArcRwSignal<Fetch> {
    STATE.with(Clone::clone)
}

/// Whether the renderer is in (always, in an unsplit build).
fn is_loaded() -> bool {
    LOADED.with(Cell::get)
}

/// Starts fetching the renderer unless it is in or on its way; previews waiting for it
/// render again when it comes or cannot be fetched. Safe before the app is mounted: the
/// fetch needs no reactive owner, so wasm-bindgen's executor runs it.
pub fn preload() {
    if is_loaded() || LOADING.with(|l| l.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let fetched = super::load_chunk(&LOADED, preload_markdown).await;
        LOADING.with(|l| l.set(false));
        state().set(match fetched {
            Ok(()) => Fetch::Done,
            Err(Unavailable) => Fetch::Failed,
        });
    });
}

/// The HTML of a clause body: the starter's rendering from the build, or the renderer's
/// when it is in. `None` while the renderer is on its way (this asks for it) or could not
/// be fetched; the caller re-runs when that changes.
pub fn html(body: &str) -> Option<String> {
    if let Some(html) = starter::rendered_body(body) {
        return Some(html.to_owned());
    }
    state().track();
    if !is_loaded() {
        if state().get_untracked() != Fetch::Failed {
            preload();
        }
        return None;
    }
    super::call_loaded(render_split(body.to_owned()))
}

/// Whether the renderer could not be fetched, the last time it was asked for (tracked).
pub fn failed() -> bool {
    state().get() == Fetch::Failed
}

/// Tries to fetch the renderer again after a failure.
pub fn retry() {
    state().set(Fetch::Idle);
    preload();
}
