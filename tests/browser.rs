//! Browser tests: the app mounted into a fresh element in headless Chromium
//! (`make test-browser`). They exercise the wiring between the components and `core`.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::task::tick;
use policy_playground::core::workspace_list::{workspace_key, CURRENT_KEY, INDEX_KEY};
use policy_playground::ui::state::{LANG_KEY, UNREADABLE_KEY, WORKSPACE_KEY};
use policy_playground::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Clears storage, sets the interface language and returns a fresh mount point.
fn fresh(lang: &str) -> web_sys::HtmlElement {
    let s = storage();
    s.clear().unwrap();
    s.set_item(LANG_KEY, lang).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Lets effects and re-renders run (the reactive system is driven by the async executor).
async fn settle() {
    for _ in 0..6 {
        tick().await;
    }
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches `{selector}`"))
        .unchecked_into()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    one(root, selector).text_content().unwrap_or_default()
}

/// Types into a clause's textarea the way a browser does: new value, then an input event.
fn type_into_clause(root: &web_sys::HtmlElement, clause: &str, value: &str) {
    let area: web_sys::HtmlTextAreaElement =
        one(root, &format!("[data-clause-id='{clause}'] textarea")).unchecked_into();
    area.set_value(value);
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn shows_the_starter_policy_numbered_in_chinese() {
    let root = fresh("zh");
    let _app = mount_to(root.clone(), App);
    settle().await;
    assert_eq!(
        text(&root, "[data-testid=doc-title]"),
        "企业微信办公使用规范"
    );
    assert_eq!(count(&root, ".main-nav a"), 5);
    assert_eq!(text(&root, "[data-testid=nav-policy]"), "制度");
    // The site root opens the policy area at /policy, so the navigation marks it current.
    assert_eq!(
        one(&root, "[data-testid=nav-policy]")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    let heads: Vec<String> = (0..3)
        .map(|i| {
            root.query_selector_all("[data-testid=preview] .doc-clause-head .num")
                .unwrap()
                .get(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(heads, ["第1条", "第2条", "第3条"]);
    assert!(text(&root, "[data-testid=preview] .doc-chapter").starts_with("第一章"));
    assert!(count(&root, "[data-testid=clause-edit]") >= 30);
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_updates_the_preview_and_undo_restores() {
    let root = fresh("zh");
    let _app = mount_to(root.clone(), App);
    settle().await;
    let preview = "[data-testid=preview] [data-clause-id='c-general-purpose'] .md";
    let before = text(&root, preview);
    type_into_clause(&root, "c-general-purpose", "新的**重点**内容");
    settle().await;
    assert_eq!(text(&root, &format!("{preview} strong")), "重点");
    assert_eq!(text(&root, preview).trim(), "新的重点内容");
    // Other clauses are untouched.
    assert!(!text(
        &root,
        "[data-testid=preview] [data-clause-id='c-general-scope'] .md"
    )
    .is_empty());
    one(&root, "[data-testid=undo]").click();
    settle().await;
    assert_eq!(text(&root, preview), before);
    one(&root, "[data-testid=redo]").click();
    settle().await;
    assert_eq!(text(&root, preview).trim(), "新的重点内容");
    root.remove();
}

#[wasm_bindgen_test]
async fn hostile_markdown_stays_text_in_the_page() {
    let root = fresh("zh");
    let _app = mount_to(root.clone(), App);
    settle().await;
    type_into_clause(
        &root,
        "c-general-scope",
        "<script>window.pwned=1</script> <img src=x onerror=\"window.pwned=2\"> [x](javascript:window.pwned=3) ![t](https://tracker.invalid/p.png)",
    );
    settle().await;
    let clause = one(
        &root,
        "[data-testid=preview] [data-clause-id='c-general-scope']",
    );
    assert_eq!(count(&clause, "script"), 0);
    assert_eq!(count(&clause, "img"), 0);
    assert_eq!(count(&clause, "a"), 0);
    assert!(clause
        .text_content()
        .unwrap()
        .contains("<script>window.pwned=1</script>"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
    root.remove();
}

#[wasm_bindgen_test]
async fn adding_and_deleting_clauses_renumbers() {
    let root = fresh("en");
    let _app = mount_to(root.clone(), App);
    settle().await;
    let n = count(&root, "[data-testid=clause-edit]");
    one(&root, "[data-testid=add-clause]").click();
    settle().await;
    assert_eq!(count(&root, "[data-testid=clause-edit]"), n + 1);
    let last_of_chapter_one = root
        .query_selector_all("[data-testid=chapter-edit]")
        .unwrap()
        .get(0)
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    let labels = last_of_chapter_one
        .query_selector_all(".clause-head .num")
        .unwrap();
    let last = labels
        .get(labels.length() - 1)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(last, format!("Article {}", labels.length()));
    // Delete the new clause through its ✕ button; the notice offers undo.
    let rows = last_of_chapter_one
        .query_selector_all("[data-testid=clause-edit]")
        .unwrap();
    let new_row: web_sys::HtmlElement = rows.get(rows.length() - 1).unwrap().unchecked_into();
    let buttons = new_row.query_selector_all(".row-actions button").unwrap();
    buttons
        .get(buttons.length() - 1)
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(count(&root, "[data-testid=clause-edit]"), n);
    assert!(text(&root, "[data-testid=notice]").contains("Deleted"));
    root.remove();
}

#[wasm_bindgen_test]
async fn language_toggle_follows_an_untouched_starter_only() {
    let root = fresh("zh");
    let _app = mount_to(root.clone(), App);
    settle().await;
    one(&root, "[data-testid=lang-toggle]").click();
    settle().await;
    assert_eq!(text(&root, "[data-testid=nav-policy]"), "Policy");
    assert_eq!(
        text(&root, "[data-testid=doc-title]"),
        "Office Messaging Usage Code"
    );
    assert_eq!(storage().get_item(LANG_KEY).unwrap().as_deref(), Some("en"));
    // Once edited, the document stays in its language when the interface switches back.
    type_into_clause(&root, "c-general-purpose", "My own words.");
    settle().await;
    one(&root, "[data-testid=lang-toggle]").click();
    settle().await;
    assert_eq!(text(&root, "[data-testid=nav-policy]"), "制度");
    assert_eq!(
        text(&root, "[data-testid=doc-title]"),
        "Office Messaging Usage Code"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_stored_workspace_is_kept_aside() {
    let root = fresh("en");
    storage()
        .set_item(WORKSPACE_KEY, "{\"schema_version\": 1, broken")
        .unwrap();
    let _app = mount_to(root.clone(), App);
    settle().await;
    assert!(text(&root, "[data-testid=notice]").contains("could not be read"));
    assert_eq!(
        storage().get_item(UNREADABLE_KEY).unwrap().as_deref(),
        Some("{\"schema_version\": 1, broken")
    );
    assert_eq!(
        text(&root, "[data-testid=doc-title]"),
        "Office Messaging Usage Code"
    );
    root.remove();
}

/// The stored text of the workspace open last (each workspace has its own key).
fn stored_current_workspace() -> Option<String> {
    let id = storage().get_item(CURRENT_KEY).unwrap()?;
    storage().get_item(&workspace_key(&id)).unwrap()
}

#[wasm_bindgen_test]
async fn the_single_workspace_of_earlier_versions_is_migrated() {
    let root = fresh("zh");
    let mut legacy = policy_playground::core::starter::bundle(policy_playground::core::Lang::Zh);
    legacy.policy.meta.title = "旧版工作区".into();
    legacy.policy.chapters[0].clauses[0].body = "迁移前的内容".into();
    let json = legacy.to_json();
    storage().set_item(WORKSPACE_KEY, &json).unwrap();
    let _app = mount_to(root.clone(), App);
    settle().await;
    assert_eq!(text_of_doc_title(&root), "旧版工作区");
    assert_eq!(
        text(&root, "[data-testid=workspace-current-name]").trim(),
        "旧版工作区"
    );
    // Copied as it was, listed under its title, and the old key is gone.
    assert_eq!(stored_current_workspace().as_deref(), Some(json.as_str()));
    assert!(storage()
        .get_item(INDEX_KEY)
        .unwrap()
        .unwrap()
        .contains("旧版工作区"));
    assert_eq!(storage().get_item(WORKSPACE_KEY).unwrap(), None);
    root.remove();
}

fn text_of_doc_title(root: &web_sys::HtmlElement) -> String {
    text(root, "[data-testid=doc-title]").trim().to_string()
}

#[wasm_bindgen_test]
async fn a_saved_workspace_is_restored_on_mount() {
    let root = fresh("zh");
    {
        let _app = mount_to(root.clone(), App);
        settle().await;
        type_into_clause(&root, "c-general-scope", "保存后恢复");
        settle().await;
        // Autosave waits for a quiet moment; give it time.
        gloo_timers::future::TimeoutFuture::new(600).await;
        settle().await;
    }
    root.set_inner_html("");
    let saved = stored_current_workspace().expect("autosaved");
    assert!(saved.contains("保存后恢复"));
    let _again = mount_to(root.clone(), App);
    settle().await;
    assert_eq!(
        text(
            &root,
            "[data-testid=preview] [data-clause-id='c-general-scope'] .md"
        )
        .trim(),
        "保存后恢复"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn every_interface_message_exists_in_both_languages() {
    use policy_playground::core::Lang;
    use policy_playground::ui::i18n::{register_all, K};
    register_all();
    assert!(K::ALL.len() > 150);
    for k in K::ALL {
        let zh = k.text(Lang::Zh);
        let en = k.text(Lang::En);
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{k:?} is blank"
        );
    }
    let same: Vec<_> = K::ALL
        .iter()
        .filter(|k| k.text(Lang::Zh) == k.text(Lang::En))
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}

/// Puts the page at `path` (as a deep link does) and returns the address to restore.
fn set_path(path: &str) -> String {
    let window = web_sys::window().unwrap();
    let before = window.location().href().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    before
}

fn restore_path(href: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
        .unwrap();
}

/// Types a name into the live checker.
fn type_name(root: &web_sys::HtmlElement, value: &str) {
    let input: web_sys::HtmlInputElement = one(root, "[data-testid=name-input]").unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_live_checker_explains_and_fixes_a_name() {
    let root = fresh("en");
    let before = set_path("/naming");
    let app = mount_to(root.clone(), App);
    settle().await;

    type_name(&root, "【技术部门】-【ERP升级】-【项目群】");
    settle().await;
    let verdict = one(&root, "[data-testid=verdict]");
    assert_eq!(verdict.get_attribute("data-ok").as_deref(), Some("false"));
    assert_eq!(
        text(&root, "[data-testid=name-highlight] mark.bad"),
        "技术部门"
    );
    assert!(
        text(&root, "[data-testid=violations]").contains("“技术部门” should be written “技术部”")
    );
    assert_eq!(
        text(&root, "[data-testid=suggestion]"),
        "【技术部】-【ERP升级】-【项目群】"
    );

    one(&root, "[data-testid=apply-suggestion]").click();
    settle().await;
    let input: web_sys::HtmlInputElement = one(&root, "[data-testid=name-input]").unchecked_into();
    assert_eq!(input.value(), "【技术部】-【ERP升级】-【项目群】");
    assert_eq!(
        one(&root, "[data-testid=verdict]")
            .get_attribute("data-ok")
            .as_deref(),
        Some("true")
    );
    assert_eq!(count(&root, "[data-testid=name-highlight] mark"), 0);

    drop(app);
    restore_path(&before);
}

/// Chooses an option of a select the way a browser does: new value, then a change event.
fn choose(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = one(root, selector).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

/// Types into an input the way a browser does: new value, then an input event.
fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = one(root, selector).unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_simulator_routes_explains_and_keeps_a_route_test() {
    let root = fresh("zh");
    let before = set_path("/approvals");
    let app = mount_to(root.clone(), App);
    settle().await;

    // 张伟 asks for 5 days of annual leave: supervisor, department head, HR.
    choose(&root, "[data-testid=sim-template]", "leave");
    choose(&root, "[data-testid=sim-requester]", "zhang");
    choose(&root, "[data-testid=sim-field-leave_type]", "annual");
    type_into(&root, "[data-testid=sim-field-days]", "5");
    settle().await;
    assert_eq!(count(&root, "[data-testid=sim-steps] > li"), 3);
    let approvers: Vec<String> = (0..3)
        .map(|i| {
            text(
                &root,
                &format!(
                    "[data-testid=sim-steps] > li:nth-child({}) .approvers",
                    i + 1
                ),
            )
        })
        .collect();
    assert_eq!(approvers, ["刘洋", "陈刚", "何静"]);
    assert!(text(&root, "[data-testid=sim-cc]").contains("王芳"));
    // The drawing highlights exactly the three steps; the trace says why.
    assert_eq!(count(&root, "[data-testid=sim-flow] g.step.taken"), 3);
    let trace = text(&root, "[data-testid=sim-trace]");
    assert!(
        trace.contains("天数 > 3（实际：天数 = 5）—— 成立"),
        "{trace}"
    );
    assert!(trace.contains("直属上级 → 刘洋"), "{trace}");

    // 3 days is the boundary: only the supervisor.
    type_into(&root, "[data-testid=sim-field-days]", "3");
    settle().await;
    assert_eq!(count(&root, "[data-testid=sim-steps] > li"), 1);

    // Wrong input gives a clear error and no partial route.
    type_into(&root, "[data-testid=sim-field-days]", "三天");
    settle().await;
    assert!(text(&root, "[data-testid=sim-error]").contains("不是数字"));
    assert_eq!(count(&root, "[data-testid=sim-steps]"), 0);
    assert_eq!(
        one(&root, "[data-testid=sim-field-days]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // A requester who has left is refused.
    type_into(&root, "[data-testid=sim-field-days]", "2");
    choose(&root, "[data-testid=sim-requester]", "ma");
    settle().await;
    assert!(text(&root, "[data-testid=sim-error]").contains("已离职"));

    // Keep a route as a route test: the tab's count grows and it passes.
    choose(&root, "[data-testid=sim-requester]", "zhang");
    settle().await;
    let badge = text(&root, "[data-testid=fixtures-badge]");
    let (passed, total) = badge.split_once('/').unwrap();
    assert_eq!(passed, total, "the starter's route tests all pass: {badge}");
    let total: usize = total.parse().unwrap();
    one(&root, "[data-testid=sim-save-fixture]").click();
    settle().await;
    assert_eq!(
        text(&root, "[data-testid=fixtures-badge]"),
        format!("{}/{}", total + 1, total + 1)
    );
    one(&root, "[data-testid=tab-fixtures]").click();
    settle().await;
    assert_eq!(
        count(&root, "[data-testid=fixtures] tbody tr"),
        total as u32 + 1
    );
    assert_eq!(count(&root, "[data-testid=fixtures] tr.failing"), 0);

    drop(app);
    restore_path(&before);
}

#[wasm_bindgen_test]
async fn a_route_test_turns_red_after_an_org_edit_and_green_on_undo() {
    let root = fresh("zh");
    let before = set_path("/approvals");
    let app = mount_to(root.clone(), App);
    settle().await;
    let badge = text(&root, "[data-testid=fixtures-badge]");
    let (passed, total) = badge.split_once('/').unwrap();
    assert_eq!(passed, total, "{badge}");

    // 刘洋 leaves: the routes that needed him change.
    one(&root, "[data-testid=tab-org]").click();
    settle().await;
    one(&root, "[data-testid=org-person-liu]").click();
    settle().await;
    choose(&root, "[data-testid=org-person-status]", "left");
    settle().await;
    let badge = text(&root, "[data-testid=fixtures-badge]");
    let (now_passed, now_total) = badge.split_once('/').unwrap();
    assert_eq!(now_total, total);
    assert!(
        now_passed.parse::<u32>().unwrap() < total.parse::<u32>().unwrap(),
        "{badge}"
    );

    one(&root, "[data-testid=tab-fixtures]").click();
    settle().await;
    let row = "[data-testid=fixture-fx-leave-2]";
    assert_eq!(
        text(&root, &format!("{row} [data-testid=fixture-badge]")),
        "未通过"
    );
    let diff = text(&root, &format!("{row} [data-testid=fixture-diff]"));
    assert!(diff.starts_with("第 1 步：预期 刘洋，实际 "), "{diff}");

    one(&root, "[data-testid=undo]").click();
    settle().await;
    assert_eq!(
        text(&root, "[data-testid=fixtures-badge]"),
        format!("{total}/{total}")
    );
    assert_eq!(count(&root, "[data-testid=fixtures] tr.failing"), 0);

    drop(app);
    restore_path(&before);
}

/// Waits (on real timers, which sliced work uses) until `selector` matches, or panics.
async fn wait_for(root: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..200 {
        if count(root, selector) > 0 {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
        settle().await;
    }
    panic!("`{selector}` never appeared");
}

#[wasm_bindgen_test]
async fn the_batch_tab_runs_generated_requests_in_slices() {
    let root = fresh("en");
    let before = set_path("/approvals");
    let app = mount_to(root.clone(), App);
    settle().await;
    one(&root, "[data-testid=tab-batch]").click();
    settle().await;
    type_into(&root, "[data-testid=batch-generate-n]", "300");
    settle().await;
    one(&root, "[data-testid=batch-generate]").click();
    wait_for(&root, "[data-testid=batch-read-count]").await;
    assert_eq!(text(&root, "[data-testid=batch-read-count]"), "300");
    one(&root, "[data-testid=batch-run]").click();
    wait_for(&root, "[data-testid=batch-summary]").await;
    let simulated = text(&root, "[data-testid=batch-summary] [data-stat=count] dd");
    assert_eq!(simulated, "300");
    assert!(count(&root, "[data-testid=batch-histogram] svg rect") > 0);

    drop(app);
    restore_path(&before);
}
