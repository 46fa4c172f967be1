//! Named versions of the workspace (issue 5, item 5): a version number, an effective date, a
//! change note and a full copy of the workspace as it was. They can be restored or compared
//! (change impact), and they are the revision record (修订记录) the exported policy shows.
//!
//! A snapshot's copy never holds snapshots itself: the history lives once, in the
//! workspace, and restoring a version keeps the history as it is, so a restore can itself
//! be undone or restored over.

use serde::{Deserialize, Serialize};

use super::bundle::Bundle;

/// One saved version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Stable id (`v1`, `v2`, …), unique in the workspace.
    pub id: String,
    /// The version number people use (`V1.2`).
    pub version: String,
    /// When this version takes effect, `YYYY-MM-DD` (may be empty).
    #[serde(default)]
    pub effective_date: String,
    /// What changed, in a sentence or two.
    #[serde(default)]
    pub note: String,
    /// When it was saved, `YYYY-MM-DDTHH:MM` local time (given by the caller: core reads no
    /// clock).
    #[serde(default)]
    pub saved_at: String,
    /// The workspace as it was, without its snapshots.
    pub workspace: Box<Bundle>,
}

/// Saves the workspace as a new version, at the end of its history; returns the new id.
pub fn take(
    b: &mut Bundle,
    version: &str,
    effective_date: &str,
    note: &str,
    saved_at: &str,
) -> String {
    let mut copy = b.clone();
    copy.snapshots.clear();
    let id = (1..)
        .map(|n| format!("v{n}"))
        .find(|id| !b.snapshots.iter().any(|s| &s.id == id))
        .unwrap_or_default();
    b.snapshots.push(Snapshot {
        id: id.clone(),
        version: version.trim().to_string(),
        effective_date: effective_date.trim().to_string(),
        note: note.trim().to_string(),
        saved_at: saved_at.to_string(),
        workspace: Box::new(copy),
    });
    id
}

/// Puts a saved version back as the workspace, keeping the history. False when there is no
/// such version.
pub fn restore(b: &mut Bundle, id: &str) -> bool {
    let Some(s) = b.snapshots.iter().find(|s| s.id == id) else {
        return false;
    };
    let mut restored = (*s.workspace).clone();
    restored.snapshots = std::mem::take(&mut b.snapshots);
    *b = restored;
    true
}

/// The workspace of a saved version, for comparing.
pub fn workspace<'a>(b: &'a Bundle, id: &str) -> Option<&'a Bundle> {
    b.snapshots
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.workspace.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{starter, Lang};

    #[test]
    fn take_restore_and_round_trip() {
        let mut b = starter::bundle(Lang::Zh);
        let original_title = b.policy.meta.title.clone();
        assert_eq!(
            take(&mut b, "V1.0", "2026-01-01", "首次发布", "2025-12-20T10:00"),
            "v1"
        );
        b.policy.meta.title = "改过的标题".into();
        assert_eq!(
            take(&mut b, " V1.1 ", "", "改标题", "2026-02-01T09:30"),
            "v2"
        );
        assert_eq!(b.snapshots[1].version, "V1.1", "trimmed");
        assert!(b.snapshots.iter().all(|s| s.workspace.snapshots.is_empty()));

        // Restoring v1 brings the old title back and keeps both versions.
        assert!(restore(&mut b, "v1"));
        assert_eq!(b.policy.meta.title, original_title);
        assert_eq!(b.snapshots.len(), 2);
        assert!(!restore(&mut b, "v9"));
        assert_eq!(
            workspace(&b, "v2").map(|w| w.policy.meta.title.as_str()),
            Some("改过的标题")
        );

        // A workspace with versions saves and loads whole, and validates.
        let json = b.to_json();
        let back = Bundle::from_json(&json).expect("loads");
        assert_eq!(back, b);
        assert!(back.validate().is_empty(), "{:?}", back.validate());

        // After deleting v1, the next version takes the free id, never a used one.
        b.snapshots.remove(0);
        assert_eq!(take(&mut b, "V1.2", "", "", ""), "v1");
    }

    #[test]
    fn duplicate_ids_and_bad_dates_are_problems() {
        let mut b = starter::bundle(Lang::Zh);
        take(&mut b, "V1", "2026-02-30", "", "");
        take(&mut b, "V2", "2026-03-01", "", "");
        b.snapshots[1].id = "v1".into();
        let problems: Vec<(String, &str)> = b
            .validate()
            .into_iter()
            .map(|p| (p.path, p.kind.code()))
            .collect();
        assert_eq!(
            problems,
            [
                ("$.snapshots[1].id".to_string(), "duplicate_id"),
                ("$.snapshots[0].effective_date".to_string(), "bad_date"),
            ]
        );
    }

    #[test]
    fn a_workspace_without_versions_writes_no_history() {
        let b = starter::bundle(Lang::En);
        assert!(!b.to_json().contains("\"snapshots\""));
    }
}
