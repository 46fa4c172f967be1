//! The org chart: departments, people and roles; view, edit, CSV import and export.

use leptos::prelude::*;

use crate::core::org::{Org, Status};
use crate::core::Lang;
use crate::ui::components::table::text_table;
use crate::ui::i18n::K;
use crate::ui::state::use_store;

use super::{person_name, role_name};

#[component]
pub fn OrgTab() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| org_view(&b.org, lang))
    }
}

/// The department tree as nested lists.
fn dept_tree(org: &Org, parent: Option<&str>, lang: Lang) -> AnyView {
    let children = org.children(parent);
    if children.is_empty() {
        return ().into_any();
    }
    view! {
        <ul>
            {children
                .into_iter()
                .map(|d| {
                    let head = d.head.as_deref().map(|h| person_name(org, h)).unwrap_or_default();
                    let line = format!("{} · {}: {head}", d.name, K::Head.text(lang));
                    view! { <li>{line} {dept_tree(org, Some(&d.id), lang)}</li> }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn org_view(org: &Org, lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang).to_string();
    let people = org
        .people
        .iter()
        .map(|p| {
            let dept = org
                .department(&p.dept)
                .map_or_else(|| p.dept.clone(), |d| d.name.clone());
            let sup = p
                .supervisor
                .as_deref()
                .map_or_else(|| "—".into(), |s| person_name(org, s));
            let roles: Vec<String> = p.roles.iter().map(|r| role_name(org, r)).collect();
            let status = match p.status {
                Status::Active => tx(K::Active),
                Status::Left => tx(K::Left),
            };
            vec![
                p.id.clone(),
                p.name.clone(),
                dept,
                sup,
                roles.join(", "),
                status,
            ]
        })
        .collect();
    let roles = org
        .roles
        .iter()
        .map(|r| {
            let holders: Vec<String> = org.holders(&r.id).iter().map(|p| p.name.clone()).collect();
            vec![
                r.id.clone(),
                r.name.clone(),
                r.description.clone(),
                holders.join(", "),
            ]
        })
        .collect();
    view! {
        <h2>{tx(K::OrgChart)} " · " {org.company.clone()}</h2>
        <div class="card org-tree" data-testid="org-tree">{dept_tree(org, None, lang)}</div>
        <h3>{tx(K::People)}</h3>
        {text_table(
            "people",
            vec!["id".into(), tx(K::Name), tx(K::Department), tx(K::Supervisor), tx(K::Roles), tx(K::Status)],
            people,
        )}
        <h3>{tx(K::RolesTitle)}</h3>
        {text_table("roles", vec!["id".into(), tx(K::Name), String::new(), tx(K::People)], roles)}
    }
    .into_any()
}
