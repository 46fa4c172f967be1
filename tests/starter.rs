//! The starter example: complete, valid, identical ids in both languages, and a faithful
//! round trip through JSON.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use policy_playground::core::org::Status;
use policy_playground::core::routing::{walk_flow, FlowNode};
use policy_playground::core::{markdown, starter, Bundle, Lang, SCHEMA_VERSION};

fn ids(b: &Bundle) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for ch in &b.policy.chapters {
        out.insert(format!("chapter:{}", ch.id));
        for c in &ch.clauses {
            out.insert(format!("clause:{}", c.id));
        }
    }
    out.extend(b.org.departments.iter().map(|d| format!("dept:{}", d.id)));
    out.extend(
        b.org
            .people
            .iter()
            .map(|p| format!("person:{}:{}:{:?}", p.id, p.dept, p.supervisor)),
    );
    out.extend(b.org.roles.iter().map(|r| format!("role:{}", r.id)));
    out.extend(b.naming.iter().map(|s| format!("scheme:{}", s.id)));
    out.extend(
        b.approvals
            .templates
            .iter()
            .map(|t| format!("template:{}", t.id)),
    );
    out.extend(b.fixtures.iter().map(|f| format!("fixture:{}", f.id)));
    out.extend(
        b.quiz
            .questions
            .iter()
            .map(|q| format!("question:{}", q.id)),
    );
    out
}

#[test]
fn both_languages_are_valid_and_share_every_id() {
    let zh = starter::bundle(Lang::Zh);
    let en = starter::bundle(Lang::En);
    assert_eq!(zh.validate(), vec![]);
    assert_eq!(en.validate(), vec![]);
    assert_eq!(ids(&zh), ids(&en));
    assert_eq!(zh.settings.lang, Lang::Zh);
    assert_eq!(en.settings.lang, Lang::En);
    assert_ne!(
        zh.policy.meta.title, en.policy.meta.title,
        "the English starter is translated"
    );
}

#[test]
fn round_trips_through_json_exactly() {
    for lang in Lang::ALL {
        let b = starter::bundle(lang);
        let text = b.to_json();
        let back = Bundle::from_json(&text).expect("starter loads");
        assert_eq!(back, b);
        assert_eq!(back.to_json(), text, "serialization is stable");
        assert_eq!(back.schema_version, SCHEMA_VERSION);
    }
}

#[test]
fn usage_code_covers_the_domain() {
    let b = starter::bundle(Lang::Zh);
    assert!(b.policy.chapters.len() >= 10, "at least 10 chapters");
    assert!(b.policy.clause_count() >= 30, "at least 30 clauses");
    for ch in &b.policy.chapters {
        assert!(!ch.clauses.is_empty(), "chapter {} has clauses", ch.id);
        for c in &ch.clauses {
            assert!(!c.body.trim().is_empty(), "clause {} has text", c.id);
        }
    }
    // Numbers that quizzes and consistency checks rely on are stated in the text.
    let zh: String = b
        .policy
        .chapters
        .iter()
        .flat_map(|c| &c.clauses)
        .map(|c| c.body.as_str())
        .collect();
    for needle in [
        "30 分钟",
        "1 个工作日",
        "09:00",
        "18:00",
        "21:00",
        "07:00",
        "6 个月",
        "【技术部】-【ERP升级】-【项目群】",
        "绝密",
    ] {
        assert!(
            zh.contains(needle),
            "the Chinese usage code states {needle}"
        );
    }
    let en = starter::bundle(Lang::En);
    let en: String = en
        .policy
        .chapters
        .iter()
        .flat_map(|c| &c.clauses)
        .map(|c| c.body.as_str())
        .collect();
    for needle in ["30 minutes", "1 working day", "09:00", "21:00", "6 months"] {
        assert!(
            en.contains(needle),
            "the English usage code states {needle}"
        );
    }
}

#[test]
fn org_matches_the_contract() {
    let b = starter::bundle(Lang::Zh);
    let org = &b.org;
    let names: Vec<&str> = org.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "总经办",
            "行政部",
            "人事部",
            "财务部",
            "技术部",
            "研发一组",
            "市场部",
            "销售部"
        ]
    );
    assert_eq!(org.person("ma").map(|p| p.status), Some(Status::Left));
    assert_eq!(
        org.person("zhang").and_then(|p| p.supervisor.as_deref()),
        Some("liu")
    );
    assert_eq!(
        org.top_level_department("rd1").map(|d| d.id.as_str()),
        Some("tech")
    );
    assert_eq!(
        org.top_level_department("ceo").map(|d| d.id.as_str()),
        Some("ceo")
    );
    assert_eq!(
        org.holders("security_admin")
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["xu"]
    );
    let aliases = &org.department("hr").expect("hr").aliases;
    assert!(aliases.contains(&"人力资源部".to_string()) && aliases.contains(&"HR部".to_string()));
    let templates: Vec<&str> = b
        .approvals
        .templates
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(templates, ["leave", "expense", "trip", "doc_access"]);
    let schemes: Vec<&str> = b.naming.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(schemes, ["group", "document"]);
    assert_eq!(b.naming[0].pattern(), "【{dept}】-【{topic}】-【{type}】");
    assert_eq!(
        b.naming[1].pattern(),
        "{dept}_{topic}_{doctype}_{version}_{date}.{ext}"
    );
}

#[test]
fn every_rule_cites_an_existing_clause() {
    let b = starter::bundle(Lang::En);
    for s in &b.naming {
        let c = s.clause.as_deref().expect("scheme cites a clause");
        assert!(b.policy.clause(c).is_some(), "{c}");
    }
    let c = b
        .inventory
        .clause
        .as_deref()
        .expect("inventory rules cite a clause");
    assert!(b.policy.clause(c).is_some(), "{c}");
    assert!(b.naming.iter().any(|s| s.id == b.inventory.scheme));
    for t in &b.approvals.templates {
        let c = t.clause.as_deref().expect("template cites a clause");
        assert!(b.policy.clause(c).is_some(), "{c}");
        let mut steps = 0;
        walk_flow(&t.flow, &mut |n| {
            if matches!(n, FlowNode::Step(_)) {
                steps += 1;
            }
        });
        assert!(steps >= 2, "template {} has a real flow", t.id);
    }
    for q in &b.quiz.questions {
        assert!(
            !q.clauses.is_empty() && q.clauses.iter().all(|c| b.policy.clause(c).is_some()),
            "{}",
            q.id
        );
    }
}

#[test]
fn fixtures_cover_every_template_and_routing_policy() {
    let b = starter::bundle(Lang::Zh);
    for t in &b.approvals.templates {
        assert!(
            b.fixtures.iter().any(|f| f.template == t.id),
            "fixture for {}",
            t.id
        );
    }
    assert!(
        b.fixtures.iter().any(|f| f.expect.refused),
        "a refused request (requester left)"
    );
    for id in [
        "fx-leave-3",
        "fx-leave-3-5",
        "fx-expense-5000",
        "fx-expense-5000-01",
        "fx-expense-50000",
        "fx-leave-duplicate",
        "fx-expense-self",
        "fx-leave-empty",
        "fx-doc-top-secret",
    ] {
        assert!(b.fixtures.iter().any(|f| f.id == id), "fixture {id}");
    }
    let top = b
        .fixtures
        .iter()
        .find(|f| f.id == "fx-doc-top-secret")
        .expect("top secret");
    assert_eq!(
        top.expect.steps,
        vec![vec!["chen"], vec!["xu"], vec!["zhou"]]
    );
}

#[test]
fn the_starter_bodies_rendered_at_build_time_are_what_the_renderer_gives() {
    // The app shows these in the first visit's preview, before its renderer is loaded.
    let mut seen = 0;
    for lang in [Lang::Zh, Lang::En] {
        for chapter in &starter::bundle(lang).policy.chapters {
            for clause in &chapter.clauses {
                assert_eq!(
                    starter::rendered_body(&clause.body),
                    Some(markdown::render(&clause.body).as_str()),
                    "{lang:?} {}",
                    clause.id
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 60, "both languages' clauses: {seen}");
    // Anything else is rendered by the renderer itself.
    let body = &starter::bundle(Lang::Zh).policy.chapters[0].clauses[0].body;
    assert_eq!(starter::rendered_body(&format!("{body} ")), None);
    assert_eq!(starter::rendered_body(""), None);
    assert_eq!(starter::rendered_body("**粗体**"), None);
}
