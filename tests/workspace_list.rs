//! The workspace list's pure logic (issue 6, item 4): ids, names of copies, reading the
//! stored list, repairing it from the keys that exist, and migrating the single workspace of
//! earlier versions.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::workspace_list::{
    clean_name, copy_name, display_time, id_from_key, index_json, is_valid_id, new_id, parse_index,
    plan_startup, successor, summary_from_json, unique_name, unreadable_key, workspace_key, Entry,
    Found, Legacy, Summary, CURRENT_KEY, INDEX_KEY, LEGACY_KEY, MAX_NAME_CHARS, UNREADABLE_KEY,
};
use policy_playground::core::{starter, Lang};

fn entry(id: &str, name: &str) -> Entry {
    Entry {
        id: id.into(),
        name: name.into(),
        updated: "2026-03-02T09:00".into(),
        chapters: 1,
        clauses: 2,
    }
}

fn found(id: &str, title: &str) -> Found {
    Found {
        id: id.into(),
        summary: Some(Summary {
            title: title.into(),
            chapters: 3,
            clauses: 9,
        }),
    }
}

const NOW: &str = "2026-03-02T10:30";

#[test]
fn keys_do_not_collide() {
    assert_eq!(workspace_key("w-abc"), "ppg.workspace.w-abc");
    assert_eq!(id_from_key("ppg.workspace.w-abc"), Some("w-abc"));
    // Neither the legacy key, the kept-aside keys nor the list's own keys are workspaces.
    for key in [
        LEGACY_KEY,
        UNREADABLE_KEY,
        "ppg.workspace.unreadable.2",
        INDEX_KEY,
        CURRENT_KEY,
        "ppg.ui-lang",
        "ppg.workspace.",
        "ppg.workspace.w-",
        "ppg.workspace.w-ABC",
        "ppg.workspace.w-a.b",
    ] {
        assert_eq!(id_from_key(key), None, "{key}");
    }
    assert_eq!(unreadable_key(1), UNREADABLE_KEY);
    assert_eq!(unreadable_key(3), "ppg.workspace.unreadable.3");
}

#[test]
fn new_ids_are_valid_and_never_taken() {
    let id = new_id(0, |_| false);
    assert_eq!(id, "w-0");
    assert!(is_valid_id(&id));
    // A realistic seed: milliseconds since 1970 times 1296 plus a random part.
    let big = new_id(1_772_000_000_000 * 1296 + 1295, |_| false);
    assert!(is_valid_id(&big), "{big}");
    let max = new_id(u64::MAX, |_| false);
    assert!(is_valid_id(&max), "{max}");
    // A taken id is stepped past.
    let taken = ["w-a", "w-b"];
    assert_eq!(new_id(10, |id| taken.contains(&id)), "w-c");
}

#[test]
fn names_are_cleaned() {
    assert_eq!(clean_name("  制度 A \n"), Some("制度 A".into()));
    assert_eq!(clean_name("a\tb"), Some("a b".into()));
    assert_eq!(clean_name("   "), None);
    assert_eq!(clean_name(""), None);
    let long = "长".repeat(200);
    assert_eq!(
        clean_name(&long).map(|n| n.chars().count()),
        Some(MAX_NAME_CHARS)
    );
}

#[test]
fn copies_are_named_in_the_interface_language_and_numbered() {
    let list = vec![entry("w-1", "制度")];
    assert_eq!(copy_name("制度", Lang::Zh, &list), "制度 副本");
    assert_eq!(copy_name("Code", Lang::En, &list), "Code (copy)");
    let list = vec![
        entry("w-1", "制度"),
        entry("w-2", "制度 副本"),
        entry("w-3", "制度 副本 2"),
    ];
    assert_eq!(copy_name("制度", Lang::Zh, &list), "制度 副本 3");
    let list = vec![entry("w-1", "Code"), entry("w-2", "Code (copy)")];
    assert_eq!(copy_name("Code", Lang::En, &list), "Code (copy 2)");
    // A copy of a name at the length limit still fits, suffix whole.
    let long = "x".repeat(MAX_NAME_CHARS);
    let copy = copy_name(&long, Lang::En, &[]);
    assert!(copy.chars().count() <= MAX_NAME_CHARS, "{copy}");
    assert!(copy.ends_with(" (copy)"));
    assert_eq!(clean_name(&copy).as_deref(), Some(copy.as_str()));
}

#[test]
fn new_names_are_numbered_when_taken() {
    assert_eq!(unique_name("新工作区", &[]), "新工作区");
    let list = vec![entry("w-1", "新工作区"), entry("w-2", "新工作区 2")];
    assert_eq!(unique_name("新工作区", &list), "新工作区 3");
}

#[test]
fn the_index_round_trips_and_bad_entries_are_dropped() {
    let list = vec![entry("w-1", "甲"), entry("w-2", "乙")];
    assert_eq!(parse_index(&index_json(&list)), Some(list.clone()));
    let text = r#"[
        {"id": "w-1", "name": "甲"},
        {"id": "w-1", "name": "duplicate id"},
        {"id": "nope", "name": "bad id"},
        {"name": "no id"},
        {"id": "w-2", "name": "  \n  ", "updated": "2026-01-01T08:00", "chapters": 4}
    ]"#;
    let parsed = parse_index(text).expect("an array");
    assert_eq!(
        parsed.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["w-1", "w-2"]
    );
    assert_eq!(parsed[0].updated, "", "missing fields default");
    assert_eq!(
        parsed[1].name, "",
        "a blank name is left for the caller to fill"
    );
    assert_eq!(parsed[1].chapters, 4);
    assert_eq!(parse_index("{not json"), None);
    assert_eq!(parse_index(r#"{"id": "w-1"}"#), None);
    // Written only by the app: an entry of the wrong shape makes the list unreadable, and
    // it is rebuilt from the workspace keys.
    assert_eq!(parse_index(r#"[{"id": "w-1"}, 42]"#), None);
}

#[test]
fn summaries_come_from_the_workspace_json() {
    let json = starter::bundle(Lang::Zh).to_json();
    let s = summary_from_json(&json).expect("JSON");
    let b = starter::bundle(Lang::Zh);
    assert_eq!(s.title, b.policy.meta.title);
    assert_eq!(s.chapters, b.policy.chapters.len());
    assert_eq!(s.clauses, b.policy.clause_count());
    // A workspace with problems still has its title; text that is no workspace has none.
    let mut with_problems = starter::bundle(Lang::En);
    with_problems.org.people[0].dept = "nowhere".into();
    assert_eq!(
        summary_from_json(&with_problems.to_json()).map(|s| s.title),
        Some(with_problems.policy.meta.title.clone())
    );
    assert_eq!(summary_from_json("{}"), None);
    assert_eq!(summary_from_json("{\"schema_version\": 1, broken"), None);
}

#[test]
fn a_sound_index_is_kept_as_it_is() {
    let list = vec![entry("w-2", "乙"), entry("w-1", "甲")];
    let plan = plan_startup(
        Some(list.clone()),
        &[found("w-1", "x"), found("w-2", "y")],
        &Legacy::Absent,
        Some("w-1"),
        "w-new",
        "未命名",
        NOW,
    );
    assert_eq!(plan.entries, list, "order and names are the list's");
    assert_eq!(plan.current.as_deref(), Some("w-1"));
    assert_eq!(plan.migrate_legacy_to, None);
    assert!(!plan.write_index);
}

#[test]
fn a_missing_index_is_rebuilt_from_the_workspace_keys() {
    let plan = plan_startup(
        None,
        &[
            found("w-b", "乙"),
            found("w-a", ""),
            Found {
                id: "w-c".into(),
                summary: None,
            },
        ],
        &Legacy::Absent,
        None,
        "w-new",
        "未命名工作区",
        NOW,
    );
    let names: Vec<_> = plan
        .entries
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("w-a", "未命名工作区"),
            ("w-b", "乙"),
            ("w-c", "未命名工作区")
        ]
    );
    assert_eq!(plan.entries[1].chapters, 3);
    assert_eq!(plan.entries[1].updated, "", "the time is not known");
    assert_eq!(plan.current.as_deref(), Some("w-a"), "the first one opens");
    assert!(plan.write_index);
}

#[test]
fn a_stale_index_is_repaired_both_ways() {
    // w-gone's key was removed; w-new's key is not listed.
    let plan = plan_startup(
        Some(vec![entry("w-gone", "旧"), entry("w-1", "甲")]),
        &[found("w-1", "甲"), found("w-2", "乙")],
        &Legacy::Absent,
        Some("w-gone"),
        "w-x",
        "未命名",
        NOW,
    );
    let ids: Vec<_> = plan.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["w-1", "w-2"]);
    assert_eq!(
        plan.current.as_deref(),
        Some("w-1"),
        "a current id that is gone falls back to the first"
    );
    assert!(plan.write_index);
}

#[test]
fn the_legacy_workspace_becomes_the_first_and_opens() {
    let summary = Summary {
        title: "企业微信办公使用规范".into(),
        chapters: 6,
        clauses: 28,
    };
    let plan = plan_startup(
        None,
        &[],
        &Legacy::Readable(summary),
        None,
        "w-legacy",
        "未命名",
        NOW,
    );
    assert_eq!(plan.migrate_legacy_to.as_deref(), Some("w-legacy"));
    assert_eq!(
        plan.entries,
        vec![Entry {
            id: "w-legacy".into(),
            name: "企业微信办公使用规范".into(),
            updated: NOW.into(),
            chapters: 6,
            clauses: 28,
        }]
    );
    assert_eq!(plan.current.as_deref(), Some("w-legacy"));
    assert!(plan.write_index);

    // Left behind by an older version next to a list: it joins the list at the top, and
    // the workspace that was open stays open.
    let plan = plan_startup(
        Some(vec![entry("w-1", "甲")]),
        &[found("w-1", "甲")],
        &Legacy::Readable(Summary::default()),
        Some("w-1"),
        "w-legacy",
        "未命名",
        NOW,
    );
    let names: Vec<_> = plan.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["未命名", "甲"]);
    assert_eq!(plan.current.as_deref(), Some("w-1"));
}

#[test]
fn an_unreadable_legacy_workspace_is_not_listed() {
    let plan = plan_startup(
        None,
        &[],
        &Legacy::Unreadable,
        None,
        "w-legacy",
        "未命名",
        NOW,
    );
    assert!(plan.entries.is_empty());
    assert_eq!(plan.current, None, "the caller starts a new workspace");
    assert_eq!(plan.migrate_legacy_to, None);
}

#[test]
fn deleting_the_current_workspace_moves_to_a_neighbour() {
    let list = vec![entry("w-1", "a"), entry("w-2", "b"), entry("w-3", "c")];
    // The list after the one at position 1 was removed.
    assert_eq!(successor(&list, 1).map(|e| e.id.as_str()), Some("w-2"));
    assert_eq!(successor(&list, 3).map(|e| e.id.as_str()), Some("w-3"));
    assert_eq!(successor(&list, 9).map(|e| e.id.as_str()), Some("w-3"));
    assert_eq!(successor(&[], 0), None);
}

#[test]
fn times_are_shown_with_a_space() {
    assert_eq!(display_time("2026-03-02T09:05"), "2026-03-02 09:05");
    assert_eq!(display_time(""), "");
    assert_eq!(display_time("2026-03-02"), "2026-03-02");
}
