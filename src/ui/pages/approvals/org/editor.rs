//! The editor panel: edits the selected department, person or role, or creates a new one.
//!
//! Text inputs record one undo step per burst of typing (a stable key per field); every
//! other change is its own step. Ids never change after creation, since templates, fixtures
//! and the org itself refer to them.

use leptos::prelude::*;

use crate::core::org::{
    department_mentions, fresh_id, id_from_name, parent_change_makes_cycle, person_mentions,
    role_mentions, Department, Mention, Org, Person, Role, Status,
};
use crate::core::{Bundle, Lang};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::{use_store, Notice, Store};

use super::{colon, dyn_text, dyn_view, person_label, NewKind, OrgCtx, Selection};

#[component]
pub fn EditorPanel() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<OrgCtx>();
    // The selection, or nothing once what it names is gone (deleted, undone). A memo, so
    // typing in the editor does not rebuild it.
    let current = Memo::new(move |_| {
        let s = ctx.selected.get();
        let exists = store.bundle.with(|b| match &s {
            Selection::Person(id) => b.org.person(id).is_some(),
            Selection::Dept(id) => b.org.department(id).is_some(),
            Selection::Role(id) => b.org.role(id).is_some(),
            _ => true,
        });
        if exists {
            s
        } else {
            Selection::Nothing
        }
    });
    view! {
        <aside class="panel org-editor" data-testid="org-editor">
            {dyn_view(Box::new(move || match current.get() {
                Selection::Nothing => view! { <p class="muted">{tr(K::OrgIntro)}</p> }.into_any(),
                Selection::Person(id) => person_editor(id),
                Selection::Dept(id) => dept_editor(id),
                Selection::Role(id) => role_editor(id),
                Selection::New(kind, dept) => new_form(kind, dept),
            }))}
        </aside>
    }
}

/// Applies `f` to person `id`.
fn edit_person(store: Store, key: Option<&str>, id: &str, f: Box<dyn FnOnce(&mut Person)>) {
    store.edit(key, |b| {
        if let Some(p) = b.org.people.iter_mut().find(|p| p.id == id) {
            f(p)
        }
    });
}

fn edit_dept(store: Store, key: Option<&str>, id: &str, f: Box<dyn FnOnce(&mut Department)>) {
    store.edit(key, |b| {
        if let Some(d) = b.org.departments.iter_mut().find(|d| d.id == id) {
            f(d)
        }
    });
}

fn edit_role(store: Store, key: Option<&str>, id: &str, f: Box<dyn FnOnce(&mut Role)>) {
    store.edit(key, |b| {
        if let Some(r) = b.org.roles.iter_mut().find(|r| r.id == id) {
            f(r)
        }
    });
}

/// Removes the first item `is` holds for: the one the editor was showing, should an id
/// be used twice.
fn remove_first<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool) {
    if let Some(i) = list.iter().position(is) {
        list.remove(i);
    }
}

/// The departments in tree order, indented by depth, as (id, label). Departments outside
/// the tree come last.
fn dept_choices(org: &Org) -> Vec<(String, String)> {
    fn walk(org: &Org, parent: Option<&str>, depth: usize, out: &mut Vec<(String, String)>) {
        for d in org.children(parent) {
            if out.iter().any(|(id, _)| *id == d.id) || depth > org.departments.len() {
                continue;
            }
            out.push((
                d.id.clone(),
                format!("{}{} ({})", "\u{3000}".repeat(depth), d.name, d.id),
            ));
            walk(org, Some(&d.id), depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(org, None, 0, &mut out);
    for d in &org.departments {
        if !out.iter().any(|(id, _)| *id == d.id) {
            out.push((d.id.clone(), format!("{} ({})", d.name, d.id)));
        }
    }
    out
}

/// `<option>`s for `choices`, with `current` selected; a value not among them (an unknown
/// reference) is shown as it is, so the select never claims something else.
fn options(choices: &[(String, String)], none: Option<&'static str>, current: &str) -> AnyView {
    let mut all: Vec<(String, String)> = Vec::new();
    if let Some(label) = none {
        all.push((String::new(), label.to_string()));
    }
    all.extend(choices.iter().cloned());
    if !all.iter().any(|(id, _)| id == current) {
        all.push((current.to_string(), format!("? {current}")));
    }
    all.into_iter()
        .map(|(id, label)| {
            let selected = id == current;
            view! { <option value=id selected=selected>{label}</option> }
        })
        .collect_view()
        .into_any()
}

/// A labelled text input bound to a value of the workspace.
fn text_input(
    label: K,
    testid: &'static str,
    get: Box<dyn Fn() -> String + Send + Sync>,
    set: Box<dyn Fn(String)>,
) -> AnyView {
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            <input type="text" data-testid=testid prop:value=dyn_text(get)
                on:input=cb(move |e: leptos::ev::Event| set(event_target_value(&e)))/>
        </label>
    }
    .into_any()
}

fn id_line(id: &str, lang_store: Store) -> AnyView {
    let id = id.to_string();
    view! {
        <p class="muted org-id">
            {dyn_text(Box::new(move || {
                let lang = lang_store.ui_lang.get();
                format!("{}{}", K::OrgId.text(lang), colon(lang))
            }))}
            <code>{id}</code>
        </p>
    }
    .into_any()
}

fn person_editor(id: String) -> AnyView {
    let store = use_store();
    let org = Memo::new(move |_| store.bundle.with(|b| b.org.clone()));
    let get = {
        let id = id.clone();
        move |f: fn(&Person) -> String| {
            let id = id.clone();
            move || org.with(|o| o.person(&id).map(f).unwrap_or_default())
        }
    };
    let name_key = format!("org.person.{id}.name");
    let name_input = {
        let id = id.clone();
        text_input(
            K::Name,
            "org-person-name",
            Box::new(get(|p| p.name.clone())),
            Box::new(move |v| {
                edit_person(store, Some(&name_key), &id, Box::new(move |p| p.name = v))
            }),
        )
    };
    let dept_get = get(|p| p.dept.clone());
    let depts = move || {
        let current = dept_get();
        org.with(|o| options(&dept_choices(o), None, &current))
    };
    let sup_get = get(|p| p.supervisor.clone().unwrap_or_default());
    let sups = {
        let id = id.clone();
        move || {
            let lang = store.ui_lang.get();
            let current = sup_get();
            org.with(|o| {
                // Anyone but the person themselves.
                let choices: Vec<(String, String)> = o
                    .people
                    .iter()
                    .filter(|p| p.id != id)
                    .map(|p| (p.id.clone(), person_label(o, &p.id)))
                    .collect();
                options(&choices, Some(K::OrgNone.text(lang)), &current)
            })
        }
    };
    let roles = {
        let id = id.clone();
        move || {
            org.with(|o| {
                let held: Vec<String> = o.person(&id).map(|p| p.roles.clone()).unwrap_or_default();
                // Every role, then any unknown one the person holds, so it can be removed.
                let mut choices: Vec<(String, String)> = o
                    .roles
                    .iter()
                    .map(|r| (r.id.clone(), r.name.clone()))
                    .collect();
                for r in &held {
                    if o.role(r).is_none() {
                        choices.push((r.clone(), format!("? {r}")));
                    }
                }
                choices
                    .into_iter()
                    .map(|(rid, label)| {
                        let checked = held.contains(&rid);
                        let testid = format!("org-person-role-{rid}");
                        let id = id.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" data-testid=testid prop:checked=checked
                                    on:change=cb(move |e: leptos::ev::Event| {
                                        let on = event_target_checked(&e);
                                        let rid = rid.clone();
                                        edit_person(store, None, &id, Box::new(move |p| {
                                            p.roles.retain(|x| *x != rid);
                                            if on {
                                                p.roles.push(rid);
                                            }
                                        }));
                                    })/>
                                " " {label}
                            </label>
                        }
                    })
                    .collect_view()
                    .into_any()
            })
        }
    };
    let status_get = get(|p| match p.status {
        Status::Active => "active".into(),
        Status::Left => "left".into(),
    });
    let status_opts = move || {
        let lang = store.ui_lang.get();
        let current = status_get();
        let choices = vec![
            ("active".to_string(), K::Active.text(lang).to_string()),
            ("left".to_string(), K::Left.text(lang).to_string()),
        ];
        options(&choices, None, &current)
    };
    let (on_dept, on_sup, on_status) = {
        let (a, b, c) = (id.clone(), id.clone(), id.clone());
        (
            move |e: leptos::ev::Event| {
                let v = event_target_value(&e);
                edit_person(store, None, &a, Box::new(move |p| p.dept = v));
            },
            move |e: leptos::ev::Event| {
                let v = event_target_value(&e);
                if v != b {
                    edit_person(
                        store,
                        None,
                        &b,
                        Box::new(move |p| p.supervisor = (!v.is_empty()).then_some(v)),
                    );
                }
            },
            move |e: leptos::ev::Event| {
                let left = event_target_value(&e) == "left";
                edit_person(
                    store,
                    None,
                    &c,
                    Box::new(move |p| p.status = if left { Status::Left } else { Status::Active }),
                );
            },
        )
    };
    let delete = {
        let (a, b) = (id.clone(), id.clone());
        delete_box(
            "org-person-delete",
            Box::new(move |bundle| person_mentions(bundle, &a)),
            false,
            Box::new(move |bundle: &mut Bundle| {
                remove_first(&mut bundle.org.people, |p| p.id == b)
            }),
        )
    };
    view! {
        <div class="org-form" data-testid="org-person-editor">
            <h3>{tr(K::OrgEditPerson)}</h3>
            {id_line(&id, store)}
            {name_input}
            <label class="field">
                <span>{tr(K::Department)}</span>
                <select data-testid="org-person-dept" on:change=cb(on_dept)>{dyn_view(Box::new(depts))}</select>
            </label>
            <label class="field">
                <span>{tr(K::Supervisor)}</span>
                <select data-testid="org-person-supervisor" on:change=cb(on_sup)>{dyn_view(Box::new(sups))}</select>
            </label>
            <fieldset class="org-roles">
                <legend>{tr(K::Roles)}</legend>
                {dyn_view(Box::new(roles))}
            </fieldset>
            <label class="field">
                <span>{tr(K::Status)}</span>
                <select data-testid="org-person-status" on:change=cb(on_status)>{dyn_view(Box::new(status_opts))}</select>
            </label>
            {delete}
        </div>
    }
    .into_any()
}

fn dept_editor(id: String) -> AnyView {
    let store = use_store();
    let ctx = expect_context::<OrgCtx>();
    let org = Memo::new(move |_| store.bundle.with(|b| b.org.clone()));
    // Why the last parent change was refused, if it was.
    let refused = RwSignal::new(false);
    let get = {
        let id = id.clone();
        move |f: fn(&Department) -> String| {
            let id = id.clone();
            move || org.with(|o| o.department(&id).map(f).unwrap_or_default())
        }
    };
    let name_key = format!("org.dept.{id}.name");
    let name_input = {
        let id = id.clone();
        text_input(
            K::OrgDeptName,
            "org-dept-name",
            Box::new(get(|d| d.name.clone())),
            Box::new(move |v| {
                edit_dept(store, Some(&name_key), &id, Box::new(move |d| d.name = v))
            }),
        )
    };
    let parent_get = get(|d| d.parent.clone().unwrap_or_default());
    let parents = {
        let id = id.clone();
        move || {
            // Re-drawn after a refusal, so the select shows the parent actually kept.
            refused.track();
            let lang = store.ui_lang.get();
            let current = parent_get();
            org.with(|o| {
                let choices: Vec<(String, String)> = dept_choices(o)
                    .into_iter()
                    .filter(|(d, _)| *d != id)
                    .collect();
                options(&choices, Some(K::OrgTopLevel.text(lang)), &current)
            })
        }
    };
    let on_parent = {
        let id = id.clone();
        move |e: leptos::ev::Event| {
            let v = event_target_value(&e);
            let parent = (!v.is_empty()).then_some(v);
            let cycle = store
                .bundle
                .with_untracked(|b| parent_change_makes_cycle(&b.org, &id, parent.as_deref()));
            refused.set(cycle);
            if !cycle {
                edit_dept(store, None, &id, Box::new(move |d| d.parent = parent));
            }
        }
    };
    let head_get = get(|d| d.head.clone().unwrap_or_default());
    let heads = {
        let id = id.clone();
        move || {
            let lang = store.ui_lang.get();
            let current = head_get();
            org.with(|o| {
                // The department's own people first.
                let (mut own, others): (Vec<&Person>, Vec<&Person>) =
                    o.people.iter().partition(|p| p.dept == id);
                own.extend(others);
                let choices: Vec<(String, String)> = own
                    .iter()
                    .map(|p| (p.id.clone(), person_label(o, &p.id)))
                    .collect();
                options(&choices, Some(K::OrgNone.text(lang)), &current)
            })
        }
    };
    let on_head = {
        let id = id.clone();
        move |e: leptos::ev::Event| {
            let v = event_target_value(&e);
            edit_dept(
                store,
                None,
                &id,
                Box::new(move |d| d.head = (!v.is_empty()).then_some(v)),
            );
        }
    };
    // Aliases are taken when the field is left, so commas can be typed.
    let aliases_get = get(|d| d.aliases.join(", "));
    let on_aliases = {
        let id = id.clone();
        move |e: leptos::ev::Event| {
            let v = split_aliases(&event_target_value(&e));
            edit_dept(store, None, &id, Box::new(move |d| d.aliases = v));
        }
    };
    let add_child = {
        let id = id.clone();
        move |_| {
            ctx.selected
                .set(Selection::New(NewKind::Dept, Some(id.clone())))
        }
    };
    let delete = {
        let (a, b) = (id.clone(), id.clone());
        delete_box(
            "org-dept-delete",
            Box::new(move |bundle| department_mentions(bundle, &a)),
            true,
            Box::new(move |bundle: &mut Bundle| {
                remove_first(&mut bundle.org.departments, |d| d.id == b)
            }),
        )
    };
    view! {
        <div class="org-form" data-testid="org-dept-editor">
            <h3>{tr(K::OrgEditDept)}</h3>
            {id_line(&id, store)}
            {name_input}
            <label class="field">
                <span>{tr(K::OrgParent)}</span>
                <select data-testid="org-dept-parent" on:change=cb(on_parent)>{dyn_view(Box::new(parents))}</select>
            </label>
            {dyn_view(Box::new(move || refused.get().then(|| view! {
                <p class="field-error" role="alert" data-testid="org-dept-parent-error">{tr(K::OrgParentCycle)}</p>
            }).into_any()))}
            <label class="field">
                <span>{tr(K::Head)}</span>
                <select data-testid="org-dept-head" on:change=cb(on_head)>{dyn_view(Box::new(heads))}</select>
            </label>
            <label class="field">
                <span>{tr(K::OrgAliases)}</span>
                <input type="text" data-testid="org-dept-aliases" prop:value=dyn_text(Box::new(aliases_get)) on:change=cb(on_aliases)/>
            </label>
            <div class="actions">
                <button type="button" data-testid="org-dept-add-child" on:click=cb(add_child)>
                    "+ " {tr(K::OrgAddSubDept)}
                </button>
            </div>
            {delete}
        </div>
    }
    .into_any()
}

/// Aliases as typed: separated by commas (either width), `、` or semicolons; trimmed, empty
/// and repeated ones dropped.
fn split_aliases(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in s.split([',', '，', '、', ';', '；']).map(str::trim) {
        if !a.is_empty() && !out.iter().any(|x| x == a) {
            out.push(a.to_string());
        }
    }
    out
}

fn role_editor(id: String) -> AnyView {
    let store = use_store();
    let org = Memo::new(move |_| store.bundle.with(|b| b.org.roles.clone()));
    let get = {
        let id = id.clone();
        move |f: fn(&Role) -> String| {
            let id = id.clone();
            move || org.with(|roles| roles.iter().find(|r| r.id == id).map(f).unwrap_or_default())
        }
    };
    let name_key = format!("org.role.{id}.name");
    let name_input = {
        let id = id.clone();
        text_input(
            K::OrgRoleName,
            "org-role-name",
            Box::new(get(|r| r.name.clone())),
            Box::new(move |v| {
                edit_role(store, Some(&name_key), &id, Box::new(move |r| r.name = v))
            }),
        )
    };
    let desc_key = format!("org.role.{id}.description");
    let desc_input = {
        let id = id.clone();
        text_input(
            K::OrgDescription,
            "org-role-description",
            Box::new(get(|r| r.description.clone())),
            Box::new(move |v| {
                edit_role(
                    store,
                    Some(&desc_key),
                    &id,
                    Box::new(move |r| r.description = v),
                )
            }),
        )
    };
    let delete = {
        let (a, b) = (id.clone(), id.clone());
        delete_box(
            "org-role-delete",
            Box::new(move |bundle| role_mentions(bundle, &a)),
            false,
            Box::new(move |bundle: &mut Bundle| remove_first(&mut bundle.org.roles, |r| r.id == b)),
        )
    };
    view! {
        <div class="org-form" data-testid="org-role-editor">
            <h3>{tr(K::OrgEditRole)}</h3>
            {id_line(&id, store)}
            {name_input}
            {desc_input}
            {delete}
        </div>
    }
    .into_any()
}

/// What refers to the item a delete button is for.
type MentionsOf = dyn Fn(&Bundle) -> Vec<Mention> + Send + Sync;

/// A delete button. Nothing referring to the item: it goes at once (undoable). Otherwise
/// the references are listed first, and deleting needs a second click; with `blocking`
/// (departments), sub-departments and members refuse the delete instead.
fn delete_box(
    testid: &'static str,
    mentions: Box<MentionsOf>,
    blocking: bool,
    remove: Box<dyn Fn(&mut Bundle) + Send + Sync>,
) -> AnyView {
    let store = use_store();
    let ctx = expect_context::<OrgCtx>();
    let asking = RwSignal::new(false);
    let remove = StoredValue::new(remove);
    let mentions = StoredValue::new(mentions);
    let delete_now = move || {
        store.edit(None, |b| remove.with_value(|f| f(b)));
        ctx.selected.set(Selection::Nothing);
        store.notice.set(Some(Notice::Deleted));
    };
    let on_delete = move |_| {
        if store
            .bundle
            .with_untracked(|b| mentions.with_value(|m| m(b)))
            .is_empty()
        {
            delete_now();
        } else {
            asking.set(true);
        }
    };
    let details = move || {
        if !asking.get() {
            return ().into_any();
        }
        let lang = store.ui_lang.get();
        let found = store.bundle.with(|b| mentions.with_value(|m| m(b)));
        let blocked = blocking
            && found
                .iter()
                .any(|m| matches!(m, Mention::SubDepartment(_) | Mention::Member(_)));
        let list = store.bundle.with(|b| mention_lines(b, &found, lang));
        let (class, intro) = if blocked {
            ("notice error", K::OrgDeptNotEmpty)
        } else if found.is_empty() {
            ("notice", K::OrgNotUsed)
        } else {
            ("notice warn", K::OrgStillUsed)
        };
        view! {
            <div class=class role="status" data-testid=format!("{testid}-details")>
                <p>{intro.text(lang)}</p>
                <ul>{list.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <div class="actions">
                    {(!blocked).then(|| view! {
                        <button type="button" class="danger" data-testid="org-delete-confirm"
                            on:click=cb(move |_| delete_now())>
                            {K::OrgDeleteAnyway.text(lang)}
                        </button>
                    })}
                    <button type="button" data-testid="org-delete-cancel" on:click=cb(move |_| asking.set(false))>
                        {K::Cancel.text(lang)}
                    </button>
                </div>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="org-delete">
            <button type="button" class="danger" data-testid=testid on:click=cb(on_delete)>
                {tr(K::OrgDelete)}
            </button>
            {dyn_view(Box::new(details))}
        </div>
    }
    .into_any()
}

/// The references, grouped by kind, one line per kind: "Supervisor of: 王芳 (wang), …".
fn mention_lines(b: &Bundle, found: &[Mention], lang: Lang) -> Vec<String> {
    const ORDER: [K; 8] = [
        K::OrgSupervises,
        K::OrgHeads,
        K::OrgHeldBy,
        K::OrgSubDepts,
        K::OrgMembers,
        K::OrgUsedByTemplates,
        K::OrgUsedByFixtures,
        K::OrgUsedByPolicy,
    ];
    let sep = match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    };
    let items: Vec<(K, String)> = found.iter().map(|m| mention_item(b, m)).collect();
    ORDER
        .iter()
        .filter_map(|k| {
            let names: Vec<&str> = items
                .iter()
                .filter(|(key, _)| key == k)
                .map(|(_, name)| name.as_str())
                .filter(|name| !name.is_empty())
                .collect();
            let any = items.iter().any(|(key, _)| key == k);
            any.then(|| {
                if names.is_empty() {
                    k.text(lang).to_string()
                } else {
                    format!("{}{}{}", k.text(lang), colon(lang), names.join(sep))
                }
            })
        })
        .collect()
}

/// One reference: its kind's label and what it names (empty for the routing policy).
fn mention_item(b: &Bundle, m: &Mention) -> (K, String) {
    let org = &b.org;
    let dept = |id: &str| match org.department(id) {
        Some(d) => format!("{} ({id})", d.name),
        None => id.to_string(),
    };
    match m {
        Mention::Supervises(p) => (K::OrgSupervises, person_label(org, p)),
        Mention::Heads(d) => (K::OrgHeads, dept(d)),
        Mention::HeldBy(p) => (K::OrgHeldBy, person_label(org, p)),
        Mention::SubDepartment(d) => (K::OrgSubDepts, dept(d)),
        Mention::Member(p) => (K::OrgMembers, person_label(org, p)),
        Mention::Template(id) => (
            K::OrgUsedByTemplates,
            match b.approvals.templates.iter().find(|t| t.id == *id) {
                Some(t) => format!("{} ({id})", t.name),
                None => id.clone(),
            },
        ),
        Mention::Fixture(id) => (
            K::OrgUsedByFixtures,
            match b.fixtures.iter().find(|f| f.id == *id) {
                Some(f) => format!("{} ({id})", f.name),
                None => id.clone(),
            },
        ),
        Mention::RoutingPolicy => (K::OrgUsedByPolicy, String::new()),
    }
}

/// The form for a new person, department or role: a name, and an id made from it unless
/// one is typed.
fn new_form(kind: NewKind, dept: Option<String>) -> AnyView {
    let store = use_store();
    let ctx = expect_context::<OrgCtx>();
    let lang = store.ui_lang.get_untracked();
    let default_name = match kind {
        NewKind::Person => K::OrgNewPerson,
        NewKind::Dept => K::OrgNewDept,
        NewKind::Role => K::OrgNewRole,
    }
    .text(lang);
    let name = RwSignal::new(String::new());
    let id = RwSignal::new(String::new());
    let error = RwSignal::new(None::<K>);
    // A new department goes under the given one, or under the root.
    let parent = RwSignal::new(dept.clone().or_else(|| {
        store
            .bundle
            .with_untracked(|b| b.org.children(None).first().map(|d| d.id.clone()))
    }));
    let taken = move |b: &Bundle| -> Vec<String> {
        match kind {
            NewKind::Person => b.org.people.iter().map(|p| p.id.clone()).collect(),
            NewKind::Dept => b.org.departments.iter().map(|d| d.id.clone()).collect(),
            NewKind::Role => b.org.roles.iter().map(|r| r.id.clone()).collect(),
        }
    };
    let fallback = match kind {
        NewKind::Person => "person",
        NewKind::Dept => "dept",
        NewKind::Role => "role",
    };
    let generated = move || {
        let base = id_from_name(&name.get(), fallback);
        store.bundle.with(|b| {
            let taken = taken(b);
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            fresh_id(&base, &taken)
        })
    };
    let create = move |_| {
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some(K::OrgNameEmpty));
            return;
        }
        let typed = id.get_untracked().trim().to_string();
        let new_id = if typed.is_empty() { generated() } else { typed };
        if store.bundle.with_untracked(|b| taken(b).contains(&new_id)) {
            error.set(Some(K::OrgIdTaken));
            return;
        }
        let dept = dept.clone();
        let parent = parent.get_untracked();
        let nid = new_id.clone();
        store.edit(None, move |b| match kind {
            NewKind::Person => {
                let dept = dept
                    .filter(|d| b.org.department(d).is_some())
                    .or_else(|| b.org.children(None).first().map(|d| d.id.clone()))
                    .unwrap_or_default();
                // The department's head supervises a newcomer, unless that is nobody.
                let supervisor = b.org.department(&dept).and_then(|d| d.head.clone());
                b.org.people.push(Person {
                    id: nid,
                    name: n,
                    dept,
                    supervisor,
                    roles: Vec::new(),
                    status: Status::Active,
                });
            }
            NewKind::Dept => b.org.departments.push(Department {
                id: nid,
                name: n,
                parent,
                head: None,
                aliases: Vec::new(),
            }),
            NewKind::Role => b.org.roles.push(Role {
                id: nid,
                name: n,
                description: String::new(),
            }),
        });
        ctx.selected.set(match kind {
            NewKind::Person => Selection::Person(new_id),
            NewKind::Dept => Selection::Dept(new_id),
            NewKind::Role => Selection::Role(new_id),
        });
    };
    let title = match kind {
        NewKind::Person => K::OrgAddPerson,
        NewKind::Dept => K::OrgAddDept,
        NewKind::Role => K::OrgAddRole,
    };
    let parent_select = (kind == NewKind::Dept).then(|| {
        let opts = move || {
            let lang = store.ui_lang.get();
            let current = parent.get().unwrap_or_default();
            store.bundle.with(|b| {
                options(
                    &dept_choices(&b.org),
                    Some(K::OrgTopLevel.text(lang)),
                    &current,
                )
            })
        };
        view! {
            <label class="field">
                <span>{tr(K::OrgParent)}</span>
                <select data-testid="org-new-parent" on:change=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    parent.set((!v.is_empty()).then_some(v));
                })>{dyn_view(Box::new(opts))}</select>
            </label>
        }
    });
    view! {
        <form class="org-form" data-testid="org-new" on:submit=cb(move |e: leptos::ev::SubmitEvent| e.prevent_default())>
            <h3>{tr(title)}</h3>
            <label class="field">
                <span>{tr(K::Name)}</span>
                <input type="text" data-testid="org-new-name" placeholder=default_name prop:value=dyn_text(Box::new(move || name.get()))
                    on:input=cb(move |e: leptos::ev::Event| {
                        name.set(event_target_value(&e));
                        error.set(None);
                    })/>
            </label>
            <label class="field">
                <span>{tr(K::OrgId)}</span>
                <input type="text" data-testid="org-new-id" placeholder=dyn_text(Box::new(generated)) prop:value=dyn_text(Box::new(move || id.get()))
                    on:input=cb(move |e: leptos::ev::Event| {
                        id.set(event_target_value(&e));
                        error.set(None);
                    })/>
            </label>
            <p class="muted small">{tr(K::OrgIdHint)} <code data-testid="org-new-generated">{dyn_text(Box::new(generated))}</code></p>
            {parent_select}
            {dyn_view(Box::new(move || {
                error.get().map(|k| view! { <p class="field-error" role="alert" data-testid="org-new-error">{tr(k)}</p> }).into_any()
            }))}
            <div class="actions">
                <button type="submit" data-testid="org-new-create" on:click=cb(create)>{tr(K::OrgCreate)}</button>
                <button type="button" data-testid="org-new-cancel" on:click=cb(move |_| ctx.selected.set(Selection::Nothing))>
                    {tr(K::Cancel)}
                </button>
            </div>
        </form>
    }
    .into_any()
}
