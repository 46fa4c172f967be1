//! The list of workspaces kept in one browser (issue 6, item 4): the storage layout, ids,
//! names, and the plan the app follows on start-up (repairing the list, migrating the
//! single workspace of earlier versions).
//!
//! Storage layout (browser localStorage, all text):
//!
//! | key | holds |
//! |---|---|
//! | [`INDEX_KEY`] `ppg.workspaces` | the list: a JSON array of [`Entry`] (id, name, updated, counts), in display order |
//! | [`CURRENT_KEY`] `ppg.workspaces.current` | the id of the workspace last open |
//! | `ppg.workspace.<id>` ([`workspace_key`]) | one workspace, as a workspace file's JSON |
//! | [`LEGACY_KEY`] `ppg.workspace` | the one workspace of earlier versions; migrated, then removed |
//! | [`UNREADABLE_KEY`] `ppg.workspace.unreadable` (`.2`, `.3`…) | stored text that could not be read, kept aside untouched |
//!
//! The per-workspace keys are the truth; the list is an index over them. A list that is
//! missing or unreadable is rebuilt from the keys that exist, and an entry whose key has
//! gone is dropped, so the list can never hide or invent work.
//!
//! Everything here is pure: the caller reads storage, the clock and a random seed, and
//! passes them in.

use serde::{Deserialize, Serialize};

use super::bundle::Bundle;
use super::lang::Lang;

/// The list of workspaces.
pub const INDEX_KEY: &str = "ppg.workspaces";
/// The id of the workspace that was open last.
pub const CURRENT_KEY: &str = "ppg.workspaces.current";
/// The single workspace written by versions before there were several.
pub const LEGACY_KEY: &str = "ppg.workspace";
/// Where stored text that could not be read is kept aside (then `….2`, `….3`…).
pub const UNREADABLE_KEY: &str = "ppg.workspace.unreadable";
/// The start of every workspace's own key.
pub const WORKSPACE_PREFIX: &str = "ppg.workspace.";
/// Workspace names are cut to this many characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Every id starts with this; it keeps ids apart from the other keys under
/// [`WORKSPACE_PREFIX`] (such as `unreadable`).
const ID_PREFIX: &str = "w-";
/// Longest id accepted: the prefix and up to 24 base-36 digits.
const MAX_ID_LEN: usize = 26;

/// One workspace in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Stable id (`w-…`), the suffix of the workspace's storage key.
    #[serde(default)]
    pub id: String,
    /// The name people see; may repeat.
    #[serde(default)]
    pub name: String,
    /// Last saved, local time `YYYY-MM-DDTHH:MM`; empty when not known (a rebuilt list).
    #[serde(default)]
    pub updated: String,
    /// Chapters in its policy when last saved.
    #[serde(default)]
    pub chapters: usize,
    /// Clauses in its policy when last saved.
    #[serde(default)]
    pub clauses: usize,
}

/// What the list shows of a workspace, read from its content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// The policy title (may be empty).
    pub title: String,
    pub chapters: usize,
    pub clauses: usize,
}

/// The storage key of a workspace.
pub fn workspace_key(id: &str) -> String {
    format!("{WORKSPACE_PREFIX}{id}")
}

/// True for ids this module makes: `w-` and 1 to 24 lowercase base-36 digits.
pub fn is_valid_id(id: &str) -> bool {
    id.strip_prefix(ID_PREFIX).is_some_and(|digits| {
        !digits.is_empty()
            && id.len() <= MAX_ID_LEN
            && digits
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    })
}

/// The workspace id a storage key belongs to, if it is a workspace's key.
pub fn id_from_key(key: &str) -> Option<&str> {
    key.strip_prefix(WORKSPACE_PREFIX)
        .filter(|id| is_valid_id(id))
}

/// The `n`-th key for keeping unreadable text aside: [`UNREADABLE_KEY`] for 1, then
/// `UNREADABLE_KEY.2`, `.3`…
pub fn unreadable_key(n: usize) -> String {
    if n <= 1 {
        UNREADABLE_KEY.to_string()
    } else {
        format!("{UNREADABLE_KEY}.{n}")
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A new id from `seed` (the caller mixes the clock and a random number), never one that
/// `taken` reports: the seed is stepped until the id is free.
pub fn new_id(seed: u64, taken: impl Fn(&str) -> bool) -> String {
    let mut s = seed;
    loop {
        let id = format!("{ID_PREFIX}{}", base36(s));
        if !taken(&id) {
            return id;
        }
        s = s.wrapping_add(1);
    }
}

/// A name as typed, made fit to keep: trimmed, line breaks and other control characters
/// turned into spaces, cut to [`MAX_NAME_CHARS`]. `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let flat: String = raw
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cut: String = flat.trim().chars().take(MAX_NAME_CHARS).collect();
    let cut = cut.trim_end();
    (!cut.is_empty()).then(|| cut.to_string())
}

/// `base`, or `base` numbered (`base 2`, `base 3`…) when a workspace already has that name.
pub fn unique_name(base: &str, entries: &[Entry]) -> String {
    numbered(base, entries, |n| format!("{base} {n}"))
}

/// The name of a copy of `source`: `… 副本` in Chinese, `… (copy)` in English, numbered
/// when that name is taken (`… 副本 2`, `… (copy 2)`).
pub fn copy_name(source: &str, lang: Lang, entries: &[Entry]) -> String {
    // Leave room for the suffix so the copy's name is never cut mid-suffix.
    let room = MAX_NAME_CHARS.saturating_sub(12);
    let base: String = source.trim().chars().take(room).collect();
    let base = base.trim_end();
    match lang {
        Lang::Zh => numbered(&format!("{base} 副本"), entries, |n| {
            format!("{base} 副本 {n}")
        }),
        Lang::En => numbered(&format!("{base} (copy)"), entries, |n| {
            format!("{base} (copy {n})")
        }),
    }
}

fn numbered(first: &str, entries: &[Entry], nth: impl Fn(usize) -> String) -> String {
    let taken = |name: &str| entries.iter().any(|e| e.name == name);
    if !taken(first) {
        return first.to_string();
    }
    (2..)
        .map(nth)
        .find(|name| !taken(name))
        .unwrap_or_else(|| first.to_string())
}

/// Reads the stored list. `None` when it cannot be read as a list (then it is rebuilt
/// from the workspace keys); entries with a bad id or an id seen before are dropped, and
/// blank names are left blank for the caller to fill.
pub fn parse_index(text: &str) -> Option<Vec<Entry>> {
    let mut entries: Vec<Entry> = serde_json::from_str(text).ok()?;
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    for mut e in entries.drain(..) {
        if !is_valid_id(&e.id) || out.iter().any(|o| o.id == e.id) {
            continue;
        }
        e.name = clean_name(&e.name).unwrap_or_default();
        out.push(e);
    }
    Some(out)
}

/// The list as stored.
pub fn index_json(entries: &[Entry]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".to_string())
}

/// The title and counts of a workspace.
pub fn summary_of(b: &Bundle) -> Summary {
    Summary {
        title: b.policy.meta.title.clone(),
        chapters: b.policy.chapters.len(),
        clauses: b.policy.clause_count(),
    }
}

/// The title and counts of a stored workspace (one with problems still has them); `None`
/// when the text cannot be read as a workspace.
pub fn summary_from_json(text: &str) -> Option<Summary> {
    Bundle::from_json_with_problems(text)
        .ok()
        .map(|(b, _)| summary_of(&b))
}

/// A workspace key found in storage, with what its content says (`None`: not JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    pub summary: Option<Summary>,
}

/// The single workspace of earlier versions, as found under [`LEGACY_KEY`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Legacy {
    /// No such key.
    Absent,
    /// A workspace that loads (perhaps with problems): it becomes a workspace of the list.
    Readable(Summary),
    /// Text that does not load: the caller keeps it aside, as for any unreadable workspace.
    Unreadable,
}

/// What to do on start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The list, repaired, with the legacy workspace first when it is migrated.
    pub entries: Vec<Entry>,
    /// The workspace to open; `None` when the list is empty (start a new one).
    pub current: Option<String>,
    /// The id the legacy workspace is copied to (then the legacy key is removed).
    pub migrate_legacy_to: Option<String>,
    /// The stored list differs from `entries` and must be written.
    pub write_index: bool,
}

/// Plans start-up from what storage holds: `index` is the parsed list (`None`: missing or
/// unreadable), `found` every workspace key present, `stored_current` the id last open.
/// `legacy_id` is a fresh id for the legacy workspace, `untitled` the name for workspaces
/// without a title, `now` the local time (`YYYY-MM-DDTHH:MM`).
pub fn plan_startup(
    index: Option<Vec<Entry>>,
    found: &[Found],
    legacy: &Legacy,
    stored_current: Option<&str>,
    legacy_id: &str,
    untitled: &str,
    now: &str,
) -> Plan {
    let index_missing = index.is_none();
    let listed = index.unwrap_or_default();
    let listed_len = listed.len();
    let has_key = |id: &str| found.iter().any(|f| f.id == id);
    // Entries whose workspace is gone are dropped: there is nothing to open.
    let mut entries: Vec<Entry> = listed.into_iter().filter(|e| has_key(&e.id)).collect();
    let mut changed = index_missing || entries.len() != listed_len;
    // Workspaces missing from the list are added back, oldest id first (ids grow with
    // time: longer is later, then by digits). An insertion keeps the order without
    // pulling a sort into the app.
    let mut unlisted: Vec<&Found> = Vec::new();
    for f in found {
        if !is_valid_id(&f.id)
            || entries.iter().any(|e| e.id == f.id)
            || unlisted.iter().any(|u| u.id == f.id)
        {
            continue;
        }
        let at = unlisted
            .iter()
            .position(|u| (u.id.len(), &u.id) > (f.id.len(), &f.id))
            .unwrap_or(unlisted.len());
        unlisted.insert(at, f);
    }
    for f in unlisted {
        let s = f.summary.clone().unwrap_or_default();
        entries.push(Entry {
            id: f.id.clone(),
            name: clean_name(&s.title).unwrap_or_default(),
            updated: String::new(),
            chapters: s.chapters,
            clauses: s.clauses,
        });
        changed = true;
    }
    for e in &mut entries {
        if e.name.is_empty() {
            e.name = untitled.to_string();
            changed = true;
        }
    }
    let migrate_legacy_to = match legacy {
        Legacy::Readable(s) => {
            entries.insert(
                0,
                Entry {
                    id: legacy_id.to_string(),
                    name: clean_name(&s.title).unwrap_or_else(|| untitled.to_string()),
                    updated: now.to_string(),
                    chapters: s.chapters,
                    clauses: s.clauses,
                },
            );
            changed = true;
            Some(legacy_id.to_string())
        }
        Legacy::Absent | Legacy::Unreadable => None,
    };
    let current = stored_current
        .filter(|id| entries.iter().any(|e| e.id == *id))
        .map(str::to_string)
        .or_else(|| migrate_legacy_to.clone())
        .or_else(|| entries.first().map(|e| e.id.clone()));
    Plan {
        entries,
        current,
        migrate_legacy_to,
        write_index: changed,
    }
}

/// Where a workspace goes when the current one is deleted: the next in the list, else the
/// previous one. `position` is where the deleted one was; `entries` no longer hold it.
pub fn successor(entries: &[Entry], position: usize) -> Option<&Entry> {
    entries
        .get(position)
        .or_else(|| position.checked_sub(1).and_then(|p| entries.get(p)))
        .or_else(|| entries.last())
}

/// A stored `YYYY-MM-DDTHH:MM` time as people read it (`YYYY-MM-DD HH:MM`).
pub fn display_time(updated: &str) -> String {
    match updated.split_once('T') {
        Some((date, time)) => format!("{date} {time}"),
        None => updated.to_string(),
    }
}
