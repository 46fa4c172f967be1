//! The workspace store: the open workspace (bundle), its undo history, the list of
//! workspaces in this browser and their persistence to localStorage, the interface
//! language and the notices shown to the user.
//!
//! Several workspaces (issue 6): the storage layout is documented in
//! [`crate::core::workspace_list`]; the operations on the list (create, rename,
//! duplicate, delete and its undo, switch, open as new) are in [`workspace_ops`].
//! Autosave is per workspace: a save always writes the open workspace under its own key,
//! and a pending save is written before another workspace is opened.

mod workspace_ops;

pub use workspace_ops::needed_at_start;

use std::time::Duration;

use leptos::prelude::*;

use super::browser::{self, ReadError, StorageError};
use crate::core::bundle::MAX_BUNDLE_BYTES;
use crate::core::history::History;
use crate::core::workspace_list::{self, Entry};
use crate::core::{starter, Bundle, Lang, LoadError};

/// The single workspace of versions before there were several; migrated into the list on
/// first load, then removed.
pub const WORKSPACE_KEY: &str = workspace_list::LEGACY_KEY;
/// Where stored text that could not be read is kept, so it is never overwritten (further
/// ones go to `….2`, `….3`…).
pub const UNREADABLE_KEY: &str = workspace_list::UNREADABLE_KEY;
/// localStorage key of the interface language.
pub const LANG_KEY: &str = "ppg.ui-lang";
/// Undo steps kept.
pub const UNDO_LIMIT: usize = 100;
/// Quiet time after the last edit before the workspace is written to storage.
pub const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// Whether the latest edits are in browser storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(StorageError),
}

/// Something to tell the user once, in the notice area.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A file was opened, as a new workspace.
    Opened {
        file: String,
    },
    OpenFailed {
        file: String,
        error: LoadError,
    },
    ReadFailed {
        file: String,
        error: ReadError,
    },
    Reset {
        lang: Lang,
    },
    /// The stored workspace could not be read; the starter was loaded and the stored text
    /// kept untouched under `key` (not kept: autosave of that workspace is paused).
    RecoveredUnreadable {
        kept: bool,
        key: String,
    },
    /// The stored workspace was loaded, but has problems (left by editing in progress).
    StoredWithProblems {
        error: LoadError,
    },
    Deleted,
    Saved {
        file: String,
    },
    /// A workspace was deleted; [`Store::undo_delete`] puts it back.
    WorkspaceDeleted {
        name: String,
    },
    /// The workspace reader ([`super::codec`]) could not be fetched, so a workspace could
    /// not be read; nothing changed.
    ReaderUnavailable,
}

/// The workspace store, shared through context.
///
/// Undo history is per workspace. The histories of the workspaces left during this
/// session are kept in memory (the [`HISTORIES_KEPT`] most recent), so switching back
/// brings back their undo steps; a reload starts every workspace with an empty history,
/// as before.
#[derive(Clone, Copy)]
pub struct Store {
    /// The open workspace.
    pub bundle: RwSignal<Bundle>,
    pub ui_lang: RwSignal<Lang>,
    pub save_state: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Every workspace in this browser, in the order the list shows them.
    pub workspaces: RwSignal<Vec<Entry>>,
    /// The id of the open workspace (always one of `workspaces`).
    pub current: RwSignal<String>,
    history: StoredValue<History<Bundle>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// Counts loads of a workspace into `bundle`, so autosave tells a load from an edit.
    loads: RwSignal<u64>,
    persist: StoredValue<Persist>,
}

/// Undo histories of workspaces left this session kept in memory (each may hold a hundred
/// whole states, so not without limit).
pub const HISTORIES_KEPT: usize = 8;

/// What the store knows about storage, beyond the signals.
#[derive(Default)]
struct Persist {
    /// The open workspace's JSON as storage holds it; `None` when storage does not hold
    /// it (new, recovered, or its last write failed).
    saved_json: Option<String>,
    /// The list (or the current id) differs from what storage holds.
    list_dirty: bool,
    /// Workspaces whose stored data could not be read nor kept aside: never written, so
    /// that data is not overwritten.
    blocked: Vec<String>,
    /// Workspaces left while their latest content could not be stored: kept here, so
    /// switching back finds the work (storage full or unavailable).
    unsaved: Vec<(String, Bundle)>,
    /// Undo histories of workspaces left this session, most recently left last.
    histories: Vec<(String, History<Bundle>)>,
    /// The last deleted workspace, for [`Store::undo_delete`].
    deleted: Option<workspace_ops::Deleted>,
}

impl Store {
    /// Loads the workspace list and the workspace open last from storage (migrating the
    /// single workspace of earlier versions, repairing the list), or starts on the starter
    /// example; then starts autosaving.
    pub fn load() -> Store {
        let ui_lang = initial_lang();
        let start = workspace_ops::startup(ui_lang);
        let store = Store {
            bundle: RwSignal::new(start.opened.bundle),
            ui_lang: RwSignal::new(ui_lang),
            save_state: RwSignal::new(match start.error {
                Some(e) => SaveState::Failed(e),
                None => SaveState::Saved,
            }),
            notice: RwSignal::new(start.notice),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            workspaces: RwSignal::new(start.entries),
            current: RwSignal::new(start.current.clone()),
            history: StoredValue::new(History::new(UNDO_LIMIT)),
            pending_save: StoredValue::new(None),
            loads: RwSignal::new(0),
            persist: StoredValue::new(Persist {
                saved_json: start.opened.saved_json,
                list_dirty: start.list_dirty,
                blocked: start
                    .opened
                    .blocked
                    .then(|| start.current.clone())
                    .into_iter()
                    .collect(),
                unsaved: start.unsaved,
                ..Persist::default()
            }),
        };
        Effect::watch(
            move || {
                store.bundle.track();
                store.loads.get()
            },
            move |loads, previous, _| {
                // An edit is saved after a pause; a workspace just loaded only when storage
                // does not hold it yet (so opening one never changes its time).
                if previous == Some(loads) || store.differs_from_storage() {
                    store.schedule_save();
                }
            },
            false,
        );
        if start.save_at_once {
            store.save_now();
        }
        store
    }

    /// Applies an edit as one undo step. `key` names the field being typed into, so that a
    /// burst of typing in one field is undone together; `None` makes the edit its own step.
    pub fn edit(&self, key: Option<&str>, f: impl FnOnce(&mut Bundle)) {
        let now = browser::now_ms();
        self.bundle
            .with_untracked(|b| self.history.update_value(|h| h.record(b, key, now)));
        self.bundle.update(f);
        self.sync_history_flags();
    }

    /// Replaces the whole workspace (reset); undoable.
    pub fn replace(&self, next: Bundle) {
        self.edit(None, move |b| *b = next);
    }

    pub fn undo(&self) {
        let current = self.bundle.get_untracked();
        if let Some(previous) = self
            .history
            .try_update_value(|h| h.undo(&current))
            .flatten()
        {
            self.bundle.set(previous);
        }
        self.sync_history_flags();
    }

    pub fn redo(&self) {
        let current = self.bundle.get_untracked();
        if let Some(next) = self
            .history
            .try_update_value(|h| h.redo(&current))
            .flatten()
        {
            self.bundle.set(next);
        }
        self.sync_history_flags();
    }

    fn sync_history_flags(&self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(u);
        self.can_redo.set(r);
    }

    /// Switches the interface language (remembered). A workspace that is still exactly one
    /// of the starter examples follows the language, and so does its name while it is the
    /// starter's title; anything the user has touched stays.
    pub fn set_ui_lang(&self, lang: Lang) {
        let before = self.ui_lang.get_untracked();
        if before == lang {
            return;
        }
        self.ui_lang.set(lang);
        let _ = browser::storage_set(LANG_KEY, lang.code());
        let untouched = self
            .bundle
            .with_untracked(|b| b.settings.lang != lang && *b == starter::bundle(b.settings.lang));
        if untouched {
            let old_title = self.bundle.with_untracked(|b| b.policy.meta.title.clone());
            let next = starter::bundle(lang);
            let new_title = next.policy.meta.title.clone();
            self.bundle.set(next);
            self.history.update_value(|h| h.clear());
            self.sync_history_flags();
            let id = self.current.get_untracked();
            let renamed = self
                .workspaces
                .try_update(|list| {
                    let e = list
                        .iter_mut()
                        .find(|e| e.id == id && e.name == old_title)?;
                    e.name = new_title;
                    Some(())
                })
                .flatten()
                .is_some();
            if renamed {
                self.persist.update_value(|p| p.list_dirty = true);
            }
        }
    }

    /// Reads a file the user chose and opens it as a new workspace (the others stay as they
    /// are), or reports why not.
    pub async fn open_file(self, file: web_sys::File) {
        let name = file.name();
        // Its preview will need the Markdown renderer: fetch it alongside the reader.
        super::rendering::preload();
        match browser::read_text(file, MAX_BUNDLE_BYTES).await {
            Err(error) => self
                .notice
                .set(Some(Notice::ReadFailed { file: name, error })),
            Ok(text) => match super::codec::read_valid_later(&text).await {
                Err(_) => self.notice.set(Some(Notice::ReaderUnavailable)),
                Ok(Ok(bundle)) => {
                    let title = bundle.policy.meta.title.clone();
                    let stem = name.strip_suffix(".json").unwrap_or(&name);
                    let stem = stem.strip_suffix(".ppg").unwrap_or(stem);
                    let ws_name = if title.trim().is_empty() {
                        stem.to_string()
                    } else {
                        title
                    };
                    self.open_as_new(bundle, ws_name);
                    self.notice.set(Some(Notice::Opened { file: name }));
                }
                Ok(Err(error)) => self
                    .notice
                    .set(Some(Notice::OpenFailed { file: name, error })),
            },
        }
    }

    /// Offers the workspace as a JSON file.
    pub fn save_file(&self) {
        let (name, json) = self.bundle.with_untracked(|b| {
            let code = sanitize_file_part(&b.policy.meta.doc_code);
            let stem = if code.is_empty() {
                "workspace".to_string()
            } else {
                code
            };
            (
                format!("{stem}-{}.ppg.json", browser::today_compact()),
                b.to_json(),
            )
        });
        if browser::download(&name, "application/json", &json).is_ok() {
            self.notice.set(Some(Notice::Saved { file: name }));
        }
    }

    /// Replaces the open workspace's content with the starter example (undoable).
    pub fn reset(&self, lang: Lang) {
        self.replace(starter::bundle(lang));
        self.notice.set(Some(Notice::Reset { lang }));
    }

    fn schedule_save(&self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
        }
        let store = *self;
        let handle = set_timeout_with_handle(
            move || {
                store.save_now();
            },
            AUTOSAVE_DELAY,
        )
        .ok();
        self.pending_save.set_value(handle);
        if !matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
            self.save_state.set(SaveState::Pending);
        }
    }

    /// Drops a waiting autosave without writing it.
    fn cancel_save(&self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
        }
        self.pending_save.set_value(None);
    }

    /// True when the open workspace's content is not what storage holds for it.
    fn differs_from_storage(&self) -> bool {
        let json = self.bundle.with_untracked(Bundle::to_json);
        self.persist
            .with_value(|p| p.saved_json.as_deref() != Some(json.as_str()))
    }

    /// Writes the open workspace to its own key now, if it changed, and the list if it
    /// changed (also called when the page is being hidden, so a quick reload never loses
    /// the last keystrokes). Returns true when storage holds the open workspace's content.
    pub fn save_now(&self) -> bool {
        self.cancel_save();
        let id = self.current.get_untracked();
        let content = if self.persist.with_value(|p| p.blocked.contains(&id)) {
            Err(StorageError::Unavailable)
        } else {
            let json = self.bundle.with_untracked(Bundle::to_json);
            if self
                .persist
                .with_value(|p| p.saved_json.as_deref() == Some(json.as_str()))
            {
                Ok(())
            } else {
                browser::storage_set(&workspace_list::workspace_key(&id), &json).map(|()| {
                    self.persist.update_value(|p| p.saved_json = Some(json));
                    self.touch_entry(&id);
                })
            }
        };
        let list = if self.persist.with_value(|p| p.list_dirty) {
            self.write_list()
        } else {
            Ok(())
        };
        self.save_state.set(match content.and(list) {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
        content.is_ok()
    }

    /// Marks the open workspace's list entry as saved now, with its current counts.
    fn touch_entry(&self, id: &str) {
        let (chapters, clauses) = self
            .bundle
            .with_untracked(|b| (b.policy.chapters.len(), b.policy.clause_count()));
        let now = browser::now_local_minute();
        self.workspaces.update(|list| {
            if let Some(e) = list.iter_mut().find(|e| e.id == id) {
                e.updated = now;
                e.chapters = chapters;
                e.clauses = clauses;
            }
        });
        self.persist.update_value(|p| p.list_dirty = true);
    }

    /// Writes the list and the current id.
    fn write_list(&self) -> Result<(), StorageError> {
        let json = self
            .workspaces
            .with_untracked(|list| workspace_list::index_json(list));
        let result = browser::storage_set(workspace_list::INDEX_KEY, &json).and_then(|()| {
            browser::storage_set(workspace_list::CURRENT_KEY, &self.current.get_untracked())
        });
        self.persist
            .update_value(|p| p.list_dirty = result.is_err());
        result
    }

    /// Saves at once if an autosave is waiting.
    pub fn flush(&self) {
        if self.pending_save.get_value().is_some() {
            self.save_now();
        }
    }
}

/// The interface language to start in: the one chosen last, else the browser's.
pub fn initial_lang() -> Lang {
    let stored = browser::storage_get(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|s| Lang::parse(&s));
    stored.unwrap_or_else(|| {
        let prefs = browser::languages();
        Lang::from_preferences(prefs.iter().map(String::as_str))
    })
}

/// Keeps letters, digits and `-`/`_` (any script) for a file name part.
fn sanitize_file_part(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .take(60)
        .collect()
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
