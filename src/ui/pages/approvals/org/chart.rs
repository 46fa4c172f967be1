//! The readable org chart: each department a box with its name, head and counts, its
//! people (supervisor, roles, a mark for those who have left), and its sub-departments
//! nested inside. Clicking a department or a person opens it in the editor.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::core::org::{Department, Org, Person, Status};
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::K;
use crate::ui::state::use_store;

use super::{colon, dyn_view, OrgCtx, Selection};
use crate::ui::pages::approvals::{person_name, role_name};

#[component]
pub fn OrgChartView() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<OrgCtx>();
    dyn_view(Box::new(move || {
        let lang = store.ui_lang.get();
        let selected = ctx.selected.get();
        store.bundle.with(|b| {
            chart(
                &b.org,
                &Draw {
                    lang,
                    ctx,
                    selected: &selected,
                },
            )
        })
    }))
}

/// What every box needs.
struct Draw<'a> {
    lang: Lang,
    ctx: OrgCtx,
    selected: &'a Selection,
}

fn chart(org: &Org, draw: &Draw) -> AnyView {
    let mut placed: HashSet<&str> = HashSet::new();
    let roots: Vec<AnyView> = org
        .children(None)
        .into_iter()
        .map(|d| dept_box(org, d, draw, &mut placed))
        .collect();
    // Departments whose parent is unknown, or that sit in a parent loop, and people in no
    // known department: shown apart so that nothing disappears from the chart.
    let loose_depts: Vec<&Department> = org
        .departments
        .iter()
        .filter(|d| !placed.contains(d.id.as_str()))
        .collect();
    let mut loose: Vec<AnyView> = Vec::new();
    for d in loose_depts {
        if !placed.contains(d.id.as_str()) {
            loose.push(dept_box(org, d, draw, &mut placed));
        }
    }
    let homeless: Vec<&Person> = org
        .people
        .iter()
        .filter(|p| org.department(&p.dept).is_none())
        .collect();
    let unplaced = (!loose.is_empty() || !homeless.is_empty()).then(|| {
        view! {
            <section class="org-dept org-unplaced" data-testid="org-unplaced">
                <header class="org-dept-head"><b>{K::OrgUnplaced.text(draw.lang)}</b></header>
                {people_list(org, &homeless, None, draw)}
                <div class="org-children">{loose}</div>
            </section>
        }
    });
    view! {
        <div class="org-chart" data-testid="org-tree">
            {roots}
            {unplaced}
        </div>
    }
    .into_any()
}

/// Active people in a department and in all its sub-departments (loops counted once).
fn active_in_subtree(org: &Org, dept: &str, seen: &mut HashSet<String>) -> usize {
    if !seen.insert(dept.to_string()) {
        return 0;
    }
    let own = org
        .people
        .iter()
        .filter(|p| p.dept == dept && p.status == Status::Active)
        .count();
    own + org
        .children(Some(dept))
        .iter()
        .map(|c| active_in_subtree(org, &c.id, seen))
        .sum::<usize>()
}

fn dept_box<'o>(
    org: &'o Org,
    d: &'o Department,
    draw: &Draw,
    placed: &mut HashSet<&'o str>,
) -> AnyView {
    placed.insert(d.id.as_str());
    let lang = draw.lang;
    let ctx = draw.ctx;
    let people: Vec<&Person> = org.people.iter().filter(|p| p.dept == d.id).collect();
    let active = people.iter().filter(|p| p.status == Status::Active).count();
    let total = active_in_subtree(org, &d.id, &mut HashSet::new());
    let mut count = format!("{active} {}", K::OrgStaff.text(lang));
    if total != active {
        count.push_str(&format!(
            " · {} {total} {}",
            K::OrgInAll.text(lang),
            K::OrgStaff.text(lang)
        ));
    }
    let head = match d.head.as_deref() {
        Some(h) => format!(
            "{}{}{}",
            K::Head.text(lang),
            colon(lang),
            person_name(org, h)
        ),
        None => K::OrgNoHead.text(lang).to_string(),
    };
    let mut children: Vec<AnyView> = Vec::new();
    for c in org.children(Some(&d.id)) {
        if !placed.contains(c.id.as_str()) {
            children.push(dept_box(org, c, draw, placed));
        }
    }
    let id = d.id.clone();
    let selected = *draw.selected == Selection::Dept(d.id.clone());
    view! {
        <section class="org-dept" class:selected=selected data-testid=format!("org-dept-{}", d.id)>
            <header class="org-dept-head">
                <button type="button" class="link-button org-dept-name" data-testid=format!("org-dept-edit-{}", d.id)
                    on:click=cb(move |_| ctx.selected.set(Selection::Dept(id.clone())))>
                    {d.name.clone()}
                </button>
                <span class="muted">" " {d.id.clone()}</span>
                <span class="org-count" data-testid=format!("org-dept-count-{}", d.id)>{count}</span>
                <div class="org-head muted">{head}</div>
            </header>
            {people_list(org, &people, d.head.as_deref(), draw)}
            {(!children.is_empty()).then(|| view! { <div class="org-children">{children}</div> })}
        </section>
    }
    .into_any()
}

fn people_list(org: &Org, people: &[&Person], head: Option<&str>, draw: &Draw) -> AnyView {
    if people.is_empty() {
        return ().into_any();
    }
    let items = people
        .iter()
        .map(|p| person_entry(org, p, head == Some(p.id.as_str()), draw))
        .collect_view();
    view! { <ul class="org-people">{items}</ul> }.into_any()
}

fn person_entry(org: &Org, p: &Person, is_head: bool, draw: &Draw) -> AnyView {
    let lang = draw.lang;
    let ctx = draw.ctx;
    let left = p.status == Status::Left;
    let sup = p.supervisor.as_deref().map(|s| {
        format!(
            "{}{}{}",
            K::Supervisor.text(lang),
            colon(lang),
            person_name(org, s)
        )
    });
    let roles = p
        .roles
        .iter()
        .map(|r| view! { <span class="tag">{role_name(org, r)}</span> })
        .collect_view();
    let id = p.id.clone();
    let selected = *draw.selected == Selection::Person(p.id.clone());
    view! {
        <li>
            <button type="button" class="org-person" class:left=left class:selected=selected
                data-testid=format!("org-person-{}", p.id)
                on:click=cb(move |_| ctx.selected.set(Selection::Person(id.clone())))>
                <span class="org-person-name">{p.name.clone()}</span>
                {is_head.then(|| view! { <span class="tag org-head-tag">{K::Head.text(lang)}</span> })}
                {left.then(|| view! { <span class="org-left-mark" data-testid="org-left-mark">{K::Left.text(lang)}</span> })}
                {roles}
                {sup.map(|s| view! { <span class="org-sup muted">{s}</span> })}
            </button>
        </li>
    }
    .into_any()
}
