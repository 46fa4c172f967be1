//! The workspace reader: stored or opened JSON into a [`Bundle`] (schema check, migration,
//! deserialization and validation, [`Bundle::from_json_with_problems`]), loaded on demand.
//!
//! A first visit never reads a workspace: it opens on the starter example, which is built
//! in code. So in a release build the reader is a split point of its own, like the areas
//! (`src/ui/areas.rs`): its code, the largest single part of the app, is fetched only
//! when something has to be read. That is
//! - at start-up, when this browser holds workspaces or the address holds a share link
//!   ([`needed_at_start`]): the app mounts once the reader is in;
//! - when a file is opened or imported, and for the workspace operations that read other
//!   workspaces from storage (switch, duplicate, delete, undo): they wait for it.
//!
//! Writing (autosave, save to file) stays in the main module: a page being hidden must be
//! able to save at once.
//!
//! Every reading of a whole workspace in the interface goes through here, never through
//! `Bundle::from_json*` directly: one direct call from the main module would pull the
//! reader back into the first load (`tests/e2e/budget.test.mjs` reports the figures).

use std::cell::Cell;

use crate::core::{Bundle, LoadError, Problem};

use super::areas::Unavailable;

/// What reading gives: the workspace and its validation problems, or why it cannot be read.
pub type Reading = Result<(Bundle, Vec<Problem>), LoadError>;

/// The reader is not loaded yet: [`ensure`] it first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

split_fn!(
    reader,
    preload_reader,
    fn read_split(text: String) -> Result<Reading, Unavailable> {
        Ok(Bundle::from_json_with_problems(&text))
    }
);

thread_local! {
    static LOADED: Cell<bool> = const { Cell::new(!cfg!(ppg_split)) };
}

/// Whether the reader is in (always, in an unsplit build).
pub fn is_loaded() -> bool {
    LOADED.with(Cell::get)
}

/// Loads the reader if it is not in yet. A failure (the network went away) is not
/// remembered: the next call tries again.
pub async fn ensure() -> Result<(), Unavailable> {
    super::load_chunk(&LOADED, preload_reader).await
}

/// Reads workspace JSON now; `Err(NotLoaded)` when the reader is not in yet.
pub fn read(text: &str) -> Result<Reading, NotLoaded> {
    if !is_loaded() {
        return Err(NotLoaded);
    }
    super::call_loaded(read_split(text.to_owned())).ok_or(NotLoaded)
}

/// Like [`read`], but a workspace with problems is refused (as [`Bundle::from_json`] does):
/// for files and links from elsewhere.
pub fn read_valid(text: &str) -> Result<Result<Bundle, LoadError>, NotLoaded> {
    Ok(read(text)?.and_then(Bundle::valid_only))
}

/// Loads the reader and reads, for callers that can wait (opening a file).
pub async fn read_valid_later(text: &str) -> Result<Result<Bundle, LoadError>, Unavailable> {
    ensure().await?;
    read_valid(text).map_err(|NotLoaded| Unavailable)
}
