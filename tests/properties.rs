//! Properties of the parsers and editors over generated input: nothing a user can paste or
//! open makes them panic, and edits keep the document consistent.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::json_path::{self, JsonPath, PathSeg};
use policy_playground::core::policy::Move;
use policy_playground::core::{starter, Bundle, Lang};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Arbitrary text never panics the loader, and is refused with at least one problem.
    #[test]
    fn loading_arbitrary_text_never_panics(text in "(?s).{0,200}") {
        if let Err(e) = Bundle::from_json(&text) {
            prop_assert!(!e.problems.is_empty());
        }
    }

    /// Damaging the starter file anywhere gives problems (or a valid bundle), never a panic.
    #[test]
    fn damaged_starter_never_panics(cut in 0usize..60_000, junk in "[\\[\\]{}\",:0-9a-z ]{0,6}") {
        let text = starter::bundle(Lang::Zh).to_json();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let damaged = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let _ = Bundle::from_json(&damaged);
    }

    /// The path scanner accepts any text and any offset.
    #[test]
    fn path_scanner_never_panics(text in "(?s).{0,120}", at in 0usize..200) {
        let _ = json_path::path_at(&text, at);
        let _ = json_path::remove_item(&text, &JsonPath(vec![PathSeg::Index(0)]));
    }

    /// Removing a list item leaves valid JSON with one item fewer.
    #[test]
    fn removing_an_item_keeps_json(items in prop::collection::vec(0u32..1000, 1..8), pick in 0usize..8) {
        let pick = pick % items.len();
        let text = serde_json::to_string_pretty(&serde_json::json!({"a": {"list": items}})).expect("json");
        let path = JsonPath(vec![PathSeg::Key("a".into()), PathSeg::Key("list".into()), PathSeg::Index(pick)]);
        let out = json_path::remove_item(&text, &path).expect("item found");
        let back: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
        let mut expected = items.clone();
        expected.remove(pick);
        prop_assert_eq!(back["a"]["list"].clone(), serde_json::json!(expected));
    }

    /// Any sequence of structural edits keeps ids unique, numbering contiguous and the
    /// bundle valid.
    #[test]
    fn policy_edits_keep_the_document_consistent(ops in prop::collection::vec((0u8..6, 0usize..60), 0..40)) {
        let mut b = starter::bundle(Lang::Zh);
        for (op, n) in ops {
            let clause_ids: Vec<String> = b.policy.chapters.iter().flat_map(|c| c.clauses.iter().map(|x| x.id.clone())).collect();
            let chapter_ids: Vec<String> = b.policy.chapters.iter().map(|c| c.id.clone()).collect();
            let clause = clause_ids.get(n % clause_ids.len().max(1)).cloned();
            let chapter = chapter_ids.get(n % chapter_ids.len().max(1)).cloned();
            match (op, clause, chapter) {
                (0, Some(c), _) => { b.policy.move_clause(&c, Move::Up); }
                (1, Some(c), _) => { b.policy.move_clause(&c, Move::Down); }
                (2, Some(c), _) => { b.policy.delete_clause(&c); }
                (3, _, Some(ch)) => { b.policy.add_clause(&ch, None); }
                (4, _, Some(ch)) => { b.policy.move_chapter(&ch, if n % 2 == 0 { Move::Up } else { Move::Down }); }
                (5, _, _) => { b.policy.add_chapter(Some(n), "新章"); }
                _ => {}
            }
        }
        let numbered = b.policy.numbered();
        for (i, n) in numbered.iter().enumerate() {
            prop_assert_eq!(n.article_number, i + 1);
        }
        // Clauses deleted here may be cited by quiz questions, naming schemes, templates,
        // the inventory rules and the norms; everything else must hold.
        let cites = ["$.quiz", "$.naming", "$.approvals", "$.inventory.clause", "$.norms"];
        let problems: Vec<_> = b.validate().into_iter().filter(|p| !cites.iter().any(|c| p.path.starts_with(c))).collect();
        prop_assert!(problems.is_empty(), "{:?}", problems);
    }
}
