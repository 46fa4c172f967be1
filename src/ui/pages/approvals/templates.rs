//! Approval templates and the routing policies: read and edit.

use leptos::prelude::*;

use crate::core::org::Org;
use crate::core::routing::{describe, FlowNode, RoutingPolicies, Template};
use crate::core::{Bundle, Lang};
use crate::ui::components::table::{card, text_list, text_table};
use crate::ui::i18n::K;
use crate::ui::pages::common::clause_cite;
use crate::ui::state::use_store;

use super::role_name;

#[component]
pub fn TemplatesTab() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            view! {
                <h2>{K::RoutingPolicies.text(lang)}</h2>
                {text_list("card", policy_lines(&b.approvals.policies, &b.org, lang))}
                <h2>{K::Templates.text(lang)}</h2>
                {b.approvals.templates.iter().map(|tpl| template_view(tpl, b, lang)).collect_view()}
            }
            .into_any()
        })
    }
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
