//! The workspaces of this browser (issue 6, item 4): reading the list on start-up, and
//! the operations on it (switch, create, open as new, rename, duplicate, delete and undo).
//! The storage layout and the pure rules (ids, names, repair, migration) are in
//! [`crate::core::workspace_list`].
//!
//! Two rules hold throughout. A workspace's content is only ever written under its own
//! key, by [`Store::save_now`], which reads the open workspace and its id together; so
//! before another workspace is opened, the open one is saved (and what cannot be stored is
//! kept in memory). And nothing stored is overwritten unless it was read first, or kept
//! aside because it could not be read.

use leptos::prelude::*;

use super::{Notice, SaveState, Store, HISTORIES_KEPT, UNDO_LIMIT};
use crate::core::history::History;
use crate::core::workspace_list::{self as wl, Entry, Found, Legacy};
use crate::core::{starter, Bundle, Lang, LoadError};
use crate::ui::browser::{self, StorageError};
use crate::ui::codec::{self, NotLoaded};
use crate::ui::i18n::K;

/// A workspace read from storage (or made) and ready to open.
pub(super) struct Opened {
    pub bundle: Bundle,
    /// Its JSON as storage holds it; `None` when storage does not hold it.
    pub saved_json: Option<String>,
    pub notice: Option<Notice>,
    /// Its stored data could neither be read nor kept aside: never write its key.
    pub blocked: bool,
    /// Storage could not be read.
    pub error: Option<StorageError>,
}

impl Opened {
    /// Content that storage does not hold yet.
    fn unsaved(bundle: Bundle) -> Opened {
        Opened {
            bundle,
            saved_json: None,
            notice: None,
            blocked: false,
            error: None,
        }
    }
}

/// What start-up found in storage.
pub(super) struct Startup {
    pub entries: Vec<Entry>,
    pub current: String,
    pub opened: Opened,
    pub list_dirty: bool,
    pub unsaved: Vec<(String, Bundle)>,
    pub notice: Option<Notice>,
    pub error: Option<StorageError>,
    /// Write the open workspace at once: it replaces unreadable text that was kept aside.
    pub save_at_once: bool,
}

/// A deleted workspace, kept in memory until the next deletion so it can be put back.
pub(super) struct Deleted {
    entry: Entry,
    position: usize,
    content: Option<Content>,
    history: Option<History<Bundle>>,
    blocked: bool,
    was_current: bool,
    /// The starter opened because the last workspace was deleted, and its language: an
    /// undo removes it again while it is untouched.
    replacement: Option<(String, Lang)>,
}

/// A deleted workspace's content: the open one as it was in memory, another one as stored.
enum Content {
    Text(String),
    Bundle(Box<Bundle>),
}

fn entry_of(id: &str, name: String, bundle: &Bundle, updated: String) -> Entry {
    Entry {
        id: id.to_string(),
        name,
        updated,
        chapters: bundle.policy.chapters.len(),
        clauses: bundle.policy.clause_count(),
    }
}

/// Copies text that could not be read to the first free keep-aside key (or one that holds
/// the same text already); returns that key, or `None` when it could not be stored.
fn keep_aside(text: &str) -> Option<String> {
    for n in 1..=50 {
        let key = wl::unreadable_key(n);
        match browser::storage_get(&key) {
            Ok(Some(existing)) if existing == text => return Some(key),
            Ok(Some(_)) => continue,
            Ok(None) => return browser::storage_set(&key, text).ok().map(|()| key),
            Err(_) => return None,
        }
    }
    None
}

/// Opens stored text: a workspace (with problems, if any, told), or, when it cannot be
/// read, the starter with the text kept aside.
fn opened_from_text(text: &str, lang: Lang) -> Opened {
    match codec::read(text) {
        Ok(Ok((bundle, problems))) => Opened {
            saved_json: Some(bundle.to_json()),
            notice: (!problems.is_empty()).then_some(Notice::StoredWithProblems {
                error: LoadError { problems },
            }),
            ..Opened::unsaved(bundle)
        },
        // The callers wait for the reader (start-up, `Store::when_readable`); were it
        // missing all the same, the stored text is left alone and never written over.
        Err(NotLoaded) => Opened {
            blocked: true,
            notice: Some(Notice::ReaderUnavailable),
            ..Opened::unsaved(starter::bundle(lang))
        },
        Ok(Err(_)) => {
            let key = keep_aside(text);
            Opened {
                notice: Some(Notice::RecoveredUnreadable {
                    kept: key.is_some(),
                    key: key.clone().unwrap_or_default(),
                }),
                blocked: key.is_none(),
                ..Opened::unsaved(starter::bundle(lang))
            }
        }
    }
}

/// Reads workspace `id` from storage.
fn read_workspace(id: &str, lang: Lang) -> Opened {
    match browser::storage_get(&wl::workspace_key(id)) {
        Ok(Some(text)) => opened_from_text(&text, lang),
        // Gone since the list was read (deleted in another tab): it starts afresh.
        Ok(None) => Opened::unsaved(starter::bundle(lang)),
        // Unreadable storage: show the starter, but never write over what may be there.
        Err(e) => Opened {
            blocked: true,
            error: Some(e),
            ..Opened::unsaved(starter::bundle(lang))
        },
    }
}

/// What stored workspace text says, for listing it; `None` when it cannot be read.
fn summary_of_text(text: &str) -> Option<wl::Summary> {
    codec::read(text)
        .ok()?
        .ok()
        .map(|(b, _)| wl::summary_of(&b))
}

/// Whether start-up will read a workspace: storage holds some (or one of an earlier
/// version), or the address holds a share link. The app then mounts once the reader is in
/// ([`codec`]); a first visit does not need it.
pub fn needed_at_start() -> bool {
    if crate::ui::components::share_prompt::link_in_address() {
        return true;
    }
    browser::storage_keys().is_ok_and(|keys| {
        keys.iter()
            .any(|k| k == wl::LEGACY_KEY || wl::id_from_key(k).is_some())
    })
}

/// Reads the list and the workspace open last; migrates the single workspace of earlier
/// versions and repairs the list (see [`wl::plan_startup`]). A first visit writes nothing:
/// the starter is stored with the first edit.
pub(super) fn startup(lang: Lang) -> Startup {
    let untitled = K::WsUntitled.text(lang);
    let keys = match browser::storage_keys() {
        Ok(keys) => keys,
        Err(e) => return in_memory(lang, e),
    };
    let get = |key: &str| browser::storage_get(key).ok().flatten();
    let index = get(wl::INDEX_KEY).and_then(|t| wl::parse_index(&t));
    let listed: Vec<String> = index.iter().flatten().map(|e| e.id.clone()).collect();
    let found: Vec<Found> = keys
        .iter()
        .filter_map(|k| wl::id_from_key(k))
        .map(|id| Found {
            id: id.to_string(),
            // Only workspaces missing from the list are read now, to list them again.
            summary: if listed.iter().any(|l| l == id) {
                None
            } else {
                get(&wl::workspace_key(id)).and_then(|t| summary_of_text(&t))
            },
        })
        .collect();
    let taken = |id: &str| listed.iter().any(|l| l == id) || found.iter().any(|f| f.id == id);
    let legacy_text = get(wl::LEGACY_KEY);
    let legacy = match legacy_text.as_deref().map(summary_of_text) {
        None => Legacy::Absent,
        Some(Some(summary)) => Legacy::Readable(summary),
        Some(None) => Legacy::Unreadable,
    };
    let legacy_id = wl::new_id(browser::id_seed(), taken);
    let plan = wl::plan_startup(
        index,
        &found,
        &legacy,
        get(wl::CURRENT_KEY).as_deref(),
        &legacy_id,
        untitled,
        &browser::now_local_minute(),
    );

    let mut notice = None;
    let mut error = None;
    let mut unsaved = Vec::new();
    if let Some(text) = legacy_text {
        if plan.migrate_legacy_to.is_some() {
            // Copied as it is; the old key goes only once the copy is stored (else it stays,
            // and the workspace is kept in memory for this visit).
            match browser::storage_set(&wl::workspace_key(&legacy_id), &text) {
                Ok(()) => {
                    let _ = browser::storage_remove(wl::LEGACY_KEY);
                }
                Err(e) => {
                    error = Some(e);
                    if let Ok(Ok((b, _))) = codec::read(&text) {
                        unsaved.push((legacy_id.clone(), b));
                    }
                }
            }
        } else {
            // Unreadable. When it cannot be copied aside it stays under the old key, which
            // nothing writes any more.
            let key = keep_aside(&text);
            if key.is_some() {
                let _ = browser::storage_remove(wl::LEGACY_KEY);
            }
            notice = Some(Notice::RecoveredUnreadable {
                kept: true,
                key: key.unwrap_or_else(|| wl::LEGACY_KEY.to_string()),
            });
        }
    }

    let mut entries = plan.entries;
    let mut list_dirty = plan.write_index;
    let (current, mut opened) = match plan.current {
        Some(id) => {
            let opened = match take_unsaved(&mut unsaved, &id) {
                Some(b) => Opened::unsaved(b),
                None => read_workspace(&id, lang),
            };
            if list_dirty {
                list_dirty = write_list(&entries, &id).is_err();
            }
            (id, opened)
        }
        None => {
            let bundle = starter::bundle(lang);
            let id = wl::new_id(browser::id_seed(), |id| taken(id) || id == legacy_id);
            let name = wl::clean_name(&bundle.policy.meta.title).unwrap_or_else(|| untitled.into());
            entries.push(entry_of(&id, name, &bundle, String::new()));
            list_dirty = true;
            (id, Opened::unsaved(bundle))
        }
    };
    let save_at_once = matches!(
        opened.notice,
        Some(Notice::RecoveredUnreadable { kept: true, .. })
    );
    let notice = opened.notice.take().or(notice);
    Startup {
        entries,
        current,
        error: opened.error.or(error),
        opened,
        list_dirty,
        unsaved,
        notice,
        save_at_once,
    }
}

/// Storage cannot be used at all: one workspace, in memory.
fn in_memory(lang: Lang, error: StorageError) -> Startup {
    let bundle = starter::bundle(lang);
    let id = wl::new_id(browser::id_seed(), |_| false);
    let name = wl::clean_name(&bundle.policy.meta.title)
        .unwrap_or_else(|| K::WsUntitled.text(lang).into());
    Startup {
        entries: vec![entry_of(&id, name, &bundle, String::new())],
        current: id,
        opened: Opened::unsaved(bundle),
        list_dirty: true,
        unsaved: Vec::new(),
        notice: None,
        error: Some(error),
        save_at_once: false,
    }
}

/// Takes a workspace's content kept in memory, if any.
pub(super) fn take_unsaved(unsaved: &mut Vec<(String, Bundle)>, id: &str) -> Option<Bundle> {
    let i = unsaved.iter().position(|(u, _)| u == id)?;
    Some(unsaved.swap_remove(i).1)
}

/// Keeps a workspace's content in memory, replacing what was kept for it.
pub(super) fn keep_unsaved(unsaved: &mut Vec<(String, Bundle)>, id: String, bundle: Bundle) {
    take_unsaved(unsaved, &id);
    unsaved.push((id, bundle));
}

fn write_list(entries: &[Entry], current: &str) -> Result<(), StorageError> {
    browser::storage_set(wl::INDEX_KEY, &wl::index_json(entries))
        .and_then(|()| browser::storage_set(wl::CURRENT_KEY, current))
}

impl Store {
    /// The open workspace's name (reactive).
    pub fn current_name(&self) -> String {
        let id = self.current.get();
        self.workspaces
            .with(|list| list.iter().find(|e| e.id == id).map(|e| e.name.clone()))
            .unwrap_or_default()
    }

    /// Opens workspace `id`. The open one is saved first, under its own key; what cannot
    /// be stored is kept in memory, and so is its undo history.
    pub fn switch(&self, id: &str) {
        let id = id.to_owned();
        self.when_readable(move |store| store.switch_now(&id));
    }

    fn switch_now(&self, id: &str) {
        if self.current.get_untracked() == id || !self.has(id) {
            return;
        }
        self.leave_current();
        let opened = self.take_or_read(id);
        self.enter(id.to_string(), opened);
        self.persist.update_value(|p| p.list_dirty = true);
        self.save_now();
    }

    /// Adds a workspace holding `bundle`, named `name` (cleaned; blank becomes "untitled"),
    /// at the end of the list, and opens it; returns its id. The open workspace is saved
    /// first and is never overwritten.
    pub fn open_as_new(&self, bundle: Bundle, name: String) -> String {
        let name = wl::clean_name(&name).unwrap_or_else(|| self.untitled());
        let id = self.fresh_id();
        self.leave_current();
        let entry = entry_of(&id, name, &bundle, browser::now_local_minute());
        self.workspaces.update(|list| list.push(entry));
        self.enter(id.clone(), Opened::unsaved(bundle));
        self.persist.update_value(|p| p.list_dirty = true);
        self.save_now();
        id
    }

    /// Adds a workspace with the starter example in `lang`, named "新工作区" / "New
    /// workspace" (numbered when taken), and opens it; returns its id.
    pub fn create(&self, lang: Lang) -> String {
        let base = K::WsNewName.text(self.ui_lang.get_untracked());
        let name = self
            .workspaces
            .with_untracked(|list| wl::unique_name(base, list));
        self.open_as_new(starter::bundle(lang), name)
    }

    /// Renames a workspace (trimmed; names may repeat). False, and nothing changes, when
    /// the name is blank or there is no such workspace.
    pub fn rename(&self, id: &str, name: &str) -> bool {
        let Some(name) = wl::clean_name(name) else {
            return false;
        };
        let renamed = self
            .workspaces
            .try_update(|list| {
                let e = list.iter_mut().find(|e| e.id == id)?;
                e.name = name;
                Some(())
            })
            .flatten()
            .is_some();
        if renamed {
            self.persist.update_value(|p| p.list_dirty = true);
            self.save_now();
        }
        renamed
    }

    /// Copies workspace `id` (the open one as it is now) into a new workspace right after
    /// it, named "… 副本" / "… (copy)"; returns the copy's id. The open workspace stays open.
    /// Waiting for the reader (see [`Store::when_readable`]), it returns `None`, and the
    /// copy is made once the reader is in.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let id = id.to_owned();
        self.when_readable(move |store| store.duplicate_now(&id))
            .flatten()
    }

    fn duplicate_now(&self, id: &str) -> Option<String> {
        let (position, source) = self.workspaces.with_untracked(|list| {
            let p = list.iter().position(|e| e.id == id)?;
            Some((p, list[p].clone()))
        })?;
        let is_current = self.current.get_untracked() == id;
        let text = if is_current {
            self.bundle.with_untracked(Bundle::to_json)
        } else if let Some(json) = self.persist.with_value(|p| {
            p.unsaved
                .iter()
                .find(|(u, _)| u == id)
                .map(|(_, b)| b.to_json())
        }) {
            json
        } else {
            browser::storage_get(&wl::workspace_key(id))
                .ok()
                .flatten()?
        };
        let copy_id = self.fresh_id();
        let lang = self.ui_lang.get_untracked();
        let mut entry = source.clone();
        entry.name = self
            .workspaces
            .with_untracked(|list| wl::copy_name(&source.name, lang, list));
        entry.id = copy_id.clone();
        entry.updated = browser::now_local_minute();
        if is_current {
            self.bundle.with_untracked(|b| {
                entry.chapters = b.policy.chapters.len();
                entry.clauses = b.policy.clause_count();
            });
        }
        let stored = browser::storage_set(&wl::workspace_key(&copy_id), &text);
        if stored.is_err() {
            // Kept in memory, so the copy is there while this tab is open.
            if let Ok(Ok((b, _))) = codec::read(&text) {
                self.persist.update_value(|p| {
                    keep_unsaved(&mut p.unsaved, copy_id.clone(), b);
                });
            }
        }
        self.workspaces
            .update(|list| list.insert((position + 1).min(list.len()), entry));
        self.persist.update_value(|p| p.list_dirty = true);
        self.save_now();
        if let Err(e) = stored {
            self.save_state.set(SaveState::Failed(e));
        }
        Some(copy_id)
    }

    /// Deletes workspace `id`, keeping it in memory (with its undo history) so
    /// [`Store::undo_delete`] can put it back, and says so in a notice. When it was open,
    /// the next one in the list opens, or a new starter when it was the last.
    pub fn delete(&self, id: &str) {
        let id = id.to_owned();
        self.when_readable(move |store| store.delete_now(&id));
    }

    fn delete_now(&self, id: &str) {
        let Some((position, entry)) = self.workspaces.with_untracked(|list| {
            let p = list.iter().position(|e| e.id == id)?;
            Some((p, list[p].clone()))
        }) else {
            return;
        };
        let was_current = self.current.get_untracked() == id;
        let blocked = self
            .persist
            .try_update_value(|p| {
                let was = p.blocked.iter().any(|b| b == id);
                p.blocked.retain(|b| b != id);
                was
            })
            .unwrap_or(false);
        let stored = || browser::storage_get(&wl::workspace_key(id)).ok().flatten();
        let (content, history) = if was_current {
            // The deleted workspace must not be written again.
            self.cancel_save();
            let history = self
                .history
                .try_update_value(|h| std::mem::replace(h, History::new(UNDO_LIMIT)));
            // A blocked workspace shows the starter; its stored text is what it holds.
            let content = if blocked {
                stored().map(Content::Text)
            } else {
                Some(Content::Bundle(Box::new(self.bundle.get_untracked())))
            };
            (content, history)
        } else {
            let kept = self
                .persist
                .try_update_value(|p| take_unsaved(&mut p.unsaved, id))
                .flatten();
            let content = kept
                .map(|b| Content::Bundle(Box::new(b)))
                .or_else(|| stored().map(Content::Text));
            (content, self.take_history(id))
        };
        let _ = browser::storage_remove(&wl::workspace_key(id));
        self.workspaces.update(|list| {
            list.remove(position);
        });
        let mut replacement = None;
        if was_current {
            let next = self
                .workspaces
                .with_untracked(|list| wl::successor(list, position).map(|e| e.id.clone()));
            match next {
                Some(next) => {
                    let opened = self.take_or_read(&next);
                    self.enter(next, opened);
                }
                None => {
                    let lang = self.ui_lang.get_untracked();
                    let bundle = starter::bundle(lang);
                    let new_id = self.fresh_id();
                    let name = K::WsNewName.text(lang).to_string();
                    let new_entry = entry_of(&new_id, name, &bundle, browser::now_local_minute());
                    self.workspaces.update(|list| list.push(new_entry));
                    self.enter(new_id.clone(), Opened::unsaved(bundle));
                    replacement = Some((new_id, lang));
                }
            }
        }
        let name = entry.name.clone();
        let deleted = Deleted {
            entry,
            position,
            content,
            history,
            blocked,
            was_current,
            replacement,
        };
        self.persist.update_value(|p| {
            p.deleted = Some(deleted);
            p.list_dirty = true;
        });
        self.save_now();
        self.notice.set(Some(Notice::WorkspaceDeleted { name }));
    }

    /// Puts the last deleted workspace back exactly: same id, same place in the list, same
    /// content and undo history; it opens again if it was open (and a starter opened only
    /// because it was the last one goes away again, if untouched).
    pub fn undo_delete(&self) {
        self.when_readable(|store| store.undo_delete_now());
    }

    fn undo_delete_now(&self) {
        let Some(d) = self
            .persist
            .try_update_value(|p| p.deleted.take())
            .flatten()
        else {
            return;
        };
        let id = d.entry.id.clone();
        if self.has(&id) {
            return;
        }
        self.notice.set(None);
        let key = wl::workspace_key(&id);
        let stored = match d.content {
            Some(Content::Text(text)) => {
                let stored = browser::storage_set(&key, &text);
                if stored.is_err() {
                    if let Ok(Ok((b, _))) = codec::read(&text) {
                        self.persist.update_value(|p| {
                            keep_unsaved(&mut p.unsaved, id.clone(), b);
                        });
                    }
                }
                stored
            }
            Some(Content::Bundle(b)) => {
                let stored = browser::storage_set(&key, &b.to_json());
                if stored.is_err() {
                    self.persist.update_value(|p| {
                        keep_unsaved(&mut p.unsaved, id.clone(), *b);
                    });
                }
                stored
            }
            None => Ok(()),
        };
        if d.blocked {
            self.persist.update_value(|p| {
                p.blocked.push(id.clone());
            });
        }
        let entry = d.entry;
        self.workspaces
            .update(|list| list.insert(d.position.min(list.len()), entry));
        if let Some(h) = d.history {
            self.stash_history(id.clone(), h);
        }
        if d.was_current {
            let current = self.current.get_untracked();
            let untouched = d.replacement.filter(|(r, lang)| {
                *r == current
                    && !self.can_undo.get_untracked()
                    && self.bundle.with_untracked(|b| *b == starter::bundle(*lang))
            });
            self.leave_current();
            let opened = self.take_or_read(&id);
            self.enter(id, opened);
            if let Some((r, _)) = untouched {
                self.forget(&r);
            }
        }
        self.persist.update_value(|p| p.list_dirty = true);
        self.save_now();
        if let Err(e) = stored {
            self.save_state.set(SaveState::Failed(e));
        }
    }

    /// Runs `op` at once when stored workspaces can be read, which is always so in an
    /// unsplit build and after start-up found any, and returns its result. Otherwise (a
    /// first visit, in a release build) the reader is fetched first and `op` runs when it is
    /// in, returning `None` here; if it cannot be fetched, a notice says so and nothing
    /// changes.
    fn when_readable<T>(&self, op: impl FnOnce(Store) -> T + 'static) -> Option<T> {
        let store = *self;
        if codec::is_loaded() {
            return Some(op(store));
        }
        // The workspace read will show in the preview, which needs the renderer.
        crate::ui::rendering::preload();
        leptos::task::spawn_local(async move {
            match codec::ensure().await {
                Ok(()) => {
                    op(store);
                }
                Err(_) => store.notice.set(Some(Notice::ReaderUnavailable)),
            }
        });
        None
    }

    fn has(&self, id: &str) -> bool {
        self.workspaces
            .with_untracked(|list| list.iter().any(|e| e.id == id))
    }

    fn untitled(&self) -> String {
        K::WsUntitled.text(self.ui_lang.get_untracked()).to_string()
    }

    /// An id used by no workspace, stored, listed or deleted.
    fn fresh_id(&self) -> String {
        wl::new_id(browser::id_seed(), |id| {
            self.has(id)
                || self
                    .persist
                    .with_value(|p| p.deleted.as_ref().is_some_and(|d| d.entry.id == id))
                || !matches!(browser::storage_get(&wl::workspace_key(id)), Ok(None))
        })
    }

    /// Saves the open workspace before another opens; what storage could not take, and
    /// the undo history, stay in memory.
    fn leave_current(&self) {
        let stored = self.save_now();
        let id = self.current.get_untracked();
        if !stored {
            let b = self.bundle.get_untracked();
            self.persist.update_value(|p| {
                keep_unsaved(&mut p.unsaved, id.clone(), b);
            });
        }
        if let Some(h) = self
            .history
            .try_update_value(|h| std::mem::replace(h, History::new(UNDO_LIMIT)))
        {
            self.stash_history(id, h);
        }
    }

    /// Makes `id` the open workspace with `opened`'s content, its own undo history, and
    /// its notice (any other notice belonged to the workspace left).
    fn enter(&self, id: String, opened: Opened) {
        let history = self
            .take_history(&id)
            .unwrap_or_else(|| History::new(UNDO_LIMIT));
        self.history.set_value(history);
        self.persist.update_value(|p| {
            p.saved_json = opened.saved_json;
            if opened.blocked {
                p.blocked.push(id.clone());
            }
        });
        self.current.set(id);
        self.bundle.set(opened.bundle);
        self.loads.update(|n| *n += 1);
        self.sync_history_flags();
        // A deleted workspace's notice (with its undo) is about the list, not the workspace
        // left, so it stays unless the new workspace has something to say.
        let keep = opened.notice.is_none()
            && self
                .notice
                .with_untracked(|n| matches!(n, Some(Notice::WorkspaceDeleted { .. })));
        if !keep {
            self.notice.set(opened.notice);
        }
        if let Some(e) = opened.error {
            self.save_state.set(SaveState::Failed(e));
        }
    }

    /// A workspace's content from memory (left unsaved) or storage.
    fn take_or_read(&self, id: &str) -> Opened {
        match self
            .persist
            .try_update_value(|p| take_unsaved(&mut p.unsaved, id))
            .flatten()
        {
            Some(bundle) => Opened::unsaved(bundle),
            None => read_workspace(id, self.ui_lang.get_untracked()),
        }
    }

    fn stash_history(&self, id: String, history: History<Bundle>) {
        self.persist.update_value(|p| {
            p.histories.retain(|(i, _)| *i != id);
            p.histories.push((id, history));
            if p.histories.len() > HISTORIES_KEPT {
                p.histories.remove(0);
            }
        });
    }

    fn take_history(&self, id: &str) -> Option<History<Bundle>> {
        self.persist
            .try_update_value(|p| {
                let i = p.histories.iter().position(|(h, _)| h == id)?;
                Some(p.histories.remove(i).1)
            })
            .flatten()
    }

    /// Removes a workspace without a trace (no undo): the untouched starter that only
    /// stood in for a deleted last workspace.
    fn forget(&self, id: &str) {
        let _ = browser::storage_remove(&wl::workspace_key(id));
        self.workspaces.update(|list| list.retain(|e| e.id != id));
        self.persist.update_value(|p| {
            take_unsaved(&mut p.unsaved, id);
            p.histories.retain(|(i, _)| i != id);
            p.list_dirty = true;
        });
    }
}
