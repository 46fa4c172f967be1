//! The approvals area: org chart, roles, routing policies, templates and expected routes.

use leptos::prelude::*;

use crate::core::org::{Org, Status};
use crate::core::routing::{describe, FlowNode, RoutingPolicies, Template};
use crate::core::{Bundle, Lang};
use crate::ui::components::table::{card, text_list, text_table};
use crate::ui::i18n::{tr, K};
use crate::ui::pages::common::clause_cite;
use crate::ui::state::use_store;

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let store = use_store();
    view! {
        <section class="page">
            <h1>{tr(K::NavApprovals)}</h1>
            <p class="lead">{tr(K::ApprovalsIntro)}</p>
            {move || {
                let lang = store.ui_lang.get();
                store.bundle.with(|b| {
                    view! {
                        {org_view(&b.org, lang)}
                        <h2>{K::RoutingPolicies.text(lang)}</h2>
                        {text_list("card", policy_lines(&b.approvals.policies, &b.org, lang))}
                        <h2>{K::Templates.text(lang)}</h2>
                        {b.approvals.templates.iter().map(|tpl| template_view(tpl, b, lang)).collect_view()}
                        <h2>{K::Fixtures.text(lang)}</h2>
                        {fixtures_view(b, lang)}
                    }
                    .into_any()
                })
            }}
        </section>
    }
}

fn person_name(org: &Org, id: &str) -> String {
    org.person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

fn role_name(org: &Org, id: &str) -> String {
    org.role(id)
        .map_or_else(|| id.to_string(), |r| r.name.clone())
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

fn policy_lines(p: &RoutingPolicies, org: &Org, lang: Lang) -> Vec<String> {
    let tx = |k: K| k.text(lang).to_string();
    let mut items = Vec::new();
    for (on, key) in [
        (p.refuse_left_requester, K::PolicyRefuseLeft),
        (p.skip_self, K::PolicySkipSelf),
        (p.skip_adjacent_duplicate, K::PolicySkipDuplicate),
        (p.drop_emptied_steps, K::PolicyDropEmptied),
    ] {
        if on {
            items.push(tx(key));
        }
    }
    items.push(match &p.empty_step_role {
        Some(r) => format!("{}{}", tx(K::PolicyEmptyRole), role_name(org, r)),
        None => tx(K::PolicyEmptyError),
    });
    if p.cc_excludes_requester {
        items.push(tx(K::PolicyCcNoSelf));
    }
    items
}

/// A flow as nested lists: steps with their approvers, branch blocks with conditions.
fn flow_view(nodes: &[FlowNode], tpl: &Template, org: &Org, lang: Lang) -> AnyView {
    let items = nodes
        .iter()
        .map(|n| match n {
            FlowNode::Step(s) => {
                let who: Vec<String> = s.approvers.iter().map(|a| describe::approver(org, a, lang)).collect();
                let line = format!("{}: {} ({})", s.name, who.join(" + "), describe::mode(s.mode, lang));
                view! { <li class="flow-step">{line}</li> }.into_any()
            }
            FlowNode::Branch(block) => {
                let branches = block
                    .branches
                    .iter()
                    .map(|br| {
                        let line = format!(
                            "{} {} — {} {}",
                            K::Branch.text(lang),
                            br.name,
                            K::When.text(lang),
                            describe::condition(tpl, org, &br.when, lang)
                        );
                        view! { <li class="flow-branch">{line} {flow_view(&br.then, tpl, org, lang)}</li> }
                    })
                    .collect_view();
                let default = if block.default.is_empty() {
                    view! { <li class="flow-branch muted">{K::Otherwise.text(lang)}</li> }.into_any()
                } else {
                    view! {
                        <li class="flow-branch">{K::OtherwiseThen.text(lang)} {flow_view(&block.default, tpl, org, lang)}</li>
                    }
                    .into_any()
                };
                view! { <li class="flow-block"><ul>{branches}{default}</ul></li> }.into_any()
            }
        })
        .collect_view();
    view! { <ol class="flow">{items}</ol> }.into_any()
}

fn template_view(tpl: &Template, b: &Bundle, lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang).to_string();
    let org = &b.org;
    let fields = tpl
        .fields
        .iter()
        .map(|f| {
            vec![
                format!("{} ({})", f.label, f.id),
                describe::field_kind(&f.kind, lang),
                if f.required { tx(K::Yes) } else { tx(K::No) },
            ]
        })
        .collect();
    let cc: Vec<String> = tpl
        .cc
        .iter()
        .map(|c| {
            format!(
                "{} ({})",
                describe::approver(org, &c.who, lang),
                describe::cc_timing(c.when, lang)
            )
        })
        .collect();
    let cc = if cc.is_empty() {
        tx(K::NoCc)
    } else {
        cc.join("; ")
    };
    let body = view! {
        <p>{tpl.description.clone()}</p>
        {tpl.clause.as_deref().map(|c| clause_cite(b, c, lang))}
        <h4>{tx(K::Fields)}</h4>
        {text_table("fields", vec![tx(K::Field), tx(K::FieldType), tx(K::Required)], fields)}
        <h4>{tx(K::Flow)}</h4>
        {flow_view(&tpl.flow, tpl, org, lang)}
        <p>{tx(K::Cc)} ": " {cc}</p>
    }
    .into_any();
    card("template", tpl.name.clone(), tpl.id.clone(), body)
}

fn fixtures_view(b: &Bundle, lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang).to_string();
    let org = &b.org;
    let rows = b
        .fixtures
        .iter()
        .map(|f| {
            let tpl = b.approvals.templates.iter().find(|t| t.id == f.template);
            let form: Vec<String> = f
                .fields
                .iter()
                .map(|(k, v)| {
                    let label = tpl
                        .and_then(|t| t.field(k))
                        .map_or_else(|| k.clone(), |x| x.label.clone());
                    format!("{label} = {v}")
                })
                .collect();
            let route = if f.expect.refused {
                tx(K::Refused)
            } else {
                f.expect
                    .steps
                    .iter()
                    .map(|s| {
                        s.iter()
                            .map(|p| person_name(org, p))
                            .collect::<Vec<_>>()
                            .join(" + ")
                    })
                    .collect::<Vec<_>>()
                    .join(" → ")
            };
            let cc: Vec<String> = f.expect.cc.iter().map(|p| person_name(org, p)).collect();
            vec![
                f.name.clone(),
                tpl.map_or_else(|| f.template.clone(), |t| t.name.clone()),
                person_name(org, &f.requester),
                form.join("; "),
                route,
                cc.join(", "),
            ]
        })
        .collect();
    text_table(
        "fixtures",
        vec![
            tx(K::Scenario),
            tx(K::Template),
            tx(K::Requester),
            tx(K::FormValues),
            tx(K::ExpectedRoute),
            tx(K::ExpectedCc),
        ],
        rows,
    )
}
