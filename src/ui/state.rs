//! The workspace store: the bundle, its undo history, persistence to localStorage, the
//! interface language and the notices shown to the user.

use std::time::Duration;

use leptos::prelude::*;

use super::browser::{self, ReadError, StorageError};
use crate::core::bundle::MAX_BUNDLE_BYTES;
use crate::core::history::History;
use crate::core::{starter, Bundle, Lang, LoadError};

/// localStorage key of the workspace.
pub const WORKSPACE_KEY: &str = "ppg.workspace";
/// Where a stored workspace that could not be read is kept, so it is never overwritten.
pub const UNREADABLE_KEY: &str = "ppg.workspace.unreadable";
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
    /// kept under [`UNREADABLE_KEY`].
    RecoveredUnreadable {
        kept: bool,
    },
    /// The stored workspace was loaded, but has problems (left by editing in progress).
    StoredWithProblems {
        error: LoadError,
    },
    Deleted,
    Saved {
        file: String,
    },
}

/// The workspace store, shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    pub bundle: RwSignal<Bundle>,
    pub ui_lang: RwSignal<Lang>,
    pub save_state: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History<Bundle>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// True when storage holds data we could not read and could not back up: never
    /// overwrite it automatically.
    autosave_blocked: StoredValue<bool>,
}

impl Store {
    /// Loads the workspace from storage (or the starter) and starts autosaving.
    pub fn load() -> Store {
        let stored_lang = browser::storage_get(LANG_KEY)
            .ok()
            .flatten()
            .and_then(|s| Lang::parse(&s));
        let ui_lang = stored_lang.unwrap_or_else(|| {
            let prefs = browser::languages();
            Lang::from_preferences(prefs.iter().map(String::as_str))
        });
        let mut notice = None;
        let mut save_state = SaveState::Saved;
        let mut blocked = false;
        let bundle = match browser::storage_get(WORKSPACE_KEY) {
            // Our own storage: a workspace with problems in it is still the user's work.
            Ok(Some(text)) => match Bundle::from_json_with_problems(&text) {
                Ok((bundle, problems)) => {
                    if !problems.is_empty() {
                        notice = Some(Notice::StoredWithProblems {
                            error: LoadError { problems },
                        });
                    }
                    bundle
                }
                Err(_) => {
                    let kept = browser::storage_set(UNREADABLE_KEY, &text).is_ok();
                    blocked = !kept;
                    notice = Some(Notice::RecoveredUnreadable { kept });
                    starter::bundle(ui_lang)
                }
            },
            Ok(None) => starter::bundle(ui_lang),
            Err(e) => {
                save_state = SaveState::Failed(e);
                starter::bundle(ui_lang)
            }
        };
        let store = Store {
            bundle: RwSignal::new(bundle),
            ui_lang: RwSignal::new(ui_lang),
            save_state: RwSignal::new(save_state),
            notice: RwSignal::new(notice),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::new(UNDO_LIMIT)),
            pending_save: StoredValue::new(None),
            autosave_blocked: StoredValue::new(blocked),
        };
        Effect::watch(
            move || store.bundle.track(),
            move |_, _, _| store.schedule_save(),
            false,
        );
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

    /// Replaces the whole workspace (open file, reset); undoable.
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
    /// of the starter examples follows the language; anything the user has touched stays.
    pub fn set_ui_lang(&self, lang: Lang) {
        if self.ui_lang.get_untracked() == lang {
            return;
        }
        self.ui_lang.set(lang);
        let _ = browser::storage_set(LANG_KEY, lang.code());
        let untouched = self
            .bundle
            .with_untracked(|b| b.settings.lang != lang && *b == starter::bundle(b.settings.lang));
        if untouched {
            self.bundle.set(starter::bundle(lang));
            self.history.update_value(|h| h.clear());
            self.sync_history_flags();
        }
    }

    /// Reads a file the user chose and opens it, or reports why not. The current workspace
    /// is only replaced by a file that loaded without any problem.
    pub async fn open_file(self, file: web_sys::File) {
        let name = file.name();
        match browser::read_text(file, MAX_BUNDLE_BYTES).await {
            Err(error) => self
                .notice
                .set(Some(Notice::ReadFailed { file: name, error })),
            Ok(text) => match Bundle::from_json(&text) {
                Ok(bundle) => {
                    self.replace(bundle);
                    self.notice.set(Some(Notice::Opened { file: name }));
                }
                Err(error) => self
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

    /// Starts a new workspace from the starter example (undoable).
    pub fn reset(&self, lang: Lang) {
        self.replace(starter::bundle(lang));
        self.notice.set(Some(Notice::Reset { lang }));
    }

    fn schedule_save(&self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
        }
        let store = *self;
        let handle = set_timeout_with_handle(move || store.save_now(), AUTOSAVE_DELAY).ok();
        self.pending_save.set_value(handle);
        if !matches!(self.save_state.get_untracked(), SaveState::Failed(_)) {
            self.save_state.set(SaveState::Pending);
        }
    }

    /// Writes the workspace to storage now (also called when the page is being hidden, so a
    /// quick reload never loses the last keystrokes).
    pub fn save_now(&self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
        }
        self.pending_save.set_value(None);
        if self.autosave_blocked.get_value() {
            self.save_state
                .set(SaveState::Failed(StorageError::Unavailable));
            return;
        }
        let json = self.bundle.with_untracked(Bundle::to_json);
        let state = match browser::storage_set(WORKSPACE_KEY, &json) {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        };
        self.save_state.set(state);
    }

    /// Saves at once if an autosave is waiting.
    pub fn flush(&self) {
        if self.pending_save.get_value().is_some() {
            self.save_now();
        }
    }
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
