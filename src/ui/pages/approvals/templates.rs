//! Approval templates and the routing policies: read and edit.
//!
//! The workspace's routing policies come first, then the chosen template's editor
//! (`editor`, `flow`), then a read-only summary of every template in the words of
//! `routing::describe`. Every change is one undoable edit of the workspace; typing in one
//! input is grouped into one step.
//!
//! The editor is rebuilt only when the template's structure changes (see `shape`): typing a
//! name or a threshold re-renders nothing but that input's value, so the caret stays put.

mod editor;
mod flow;
mod inputs;

use leptos::prelude::*;

use crate::core::bundle::ProblemKind;
use crate::core::org::Org;
use crate::core::routing::{
    describe, ApproverSpec, FieldKind, FlowNode, RoutingPolicies, Step, Template,
};
use crate::core::routing_edit::{duplicate_template, new_template_id};
use crate::core::{Bundle, Lang};
use crate::ui::browser;
use crate::ui::components::table::{card, text_table};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{problem_text, K};
use crate::ui::state::{use_store, Notice, Store};
use inputs::Ed;

use super::role_name;

#[component]
pub fn TemplatesTab() -> impl IntoView {
    let store = use_store();
    // Open on the template the simulator has chosen.
    let first = use_context::<super::ApprovalsCtx>()
        .map(|ctx| ctx.sim.template.get_untracked())
        .and_then(|id| {
            store
                .bundle
                .with_untracked(|b| b.approvals.templates.iter().position(|t| t.id == id))
        })
        .unwrap_or(0);
    let ed = Ed {
        store,
        sel: RwSignal::new(first),
    };
    // Keep the choice in range when templates are deleted or a workspace is opened.
    Effect::new(move |_| {
        let n = store.bundle.with(|b| b.approvals.templates.len());
        if n > 0 && ed.sel.get_untracked() >= n {
            ed.sel.set(n - 1);
        }
    });
    let shape = Memo::new(move |_| {
        let i = ed.sel.get();
        store
            .bundle
            .with(|b| b.approvals.templates.get(i).map(shape))
    });
    let editor = move || {
        let lang = store.ui_lang.get();
        shape.with(|s| match s {
            Some(s) => editor::editor(ed, s, lang),
            None => view! { <p class="muted">{K::TplNone.text(lang)}</p> }.into_any(),
        })
    };
    let summaries = move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            b.approvals
                .templates
                .iter()
                .enumerate()
                .map(|(i, tpl)| template_view(ed, i, tpl, b, lang))
                .collect_view()
        })
    };
    move || {
        let lang = store.ui_lang.get();
        view! {
            <section class="panel routing-policies" data-testid="routing-policies">
                <h2>{K::RoutingPolicies.text(lang)}</h2>
                <p class="muted">{K::TePoliciesIntro.text(lang)}</p>
                {policies_form(store, PolTarget::Workspace, "policy-", lang)}
            </section>
            <h2>{K::Templates.text(lang)}</h2>
            {template_bar(ed, lang)}
            {editor}
            <h2>{K::TeAllTemplates.text(lang)}</h2>
            {summaries}
        }
    }
}

/// The template's structure, without what inputs show (names, bounds, values, choices in
/// menus, ticks): the editor is rebuilt only when this changes, so an input keeps its focus
/// and caret while it is used.
fn shape(t: &Template) -> Template {
    fn who(a: &mut ApproverSpec) {
        match a {
            ApproverSpec::Supervisor { level } => *level = 0,
            ApproverSpec::SupervisorChain { levels, until_role } => {
                (*levels, *until_role) = (None, None)
            }
            ApproverSpec::Role { role, same_dept } => {
                role.clear();
                *same_dept = false;
            }
            ApproverSpec::People { people } => people.clear(),
            ApproverSpec::DeptHead { dept } => *dept = None,
            ApproverSpec::ChosenByRequester => {}
        }
    }
    fn flow(nodes: &mut [FlowNode]) {
        for n in nodes {
            match n {
                FlowNode::Step(s) => {
                    s.name.clear();
                    s.mode = Default::default();
                    s.approvers.iter_mut().for_each(who);
                }
                FlowNode::Branch(b) => {
                    for br in &mut b.branches {
                        br.name.clear();
                        for p in br.when.any_of.iter_mut().flatten() {
                            p.value = None;
                        }
                        flow(&mut br.then);
                    }
                    flow(&mut b.default);
                }
            }
        }
    }
    let mut s = t.clone();
    s.name.clear();
    s.description.clear();
    s.clause = None;
    for f in &mut s.fields {
        f.label.clear();
        f.required = false;
        match &mut f.kind {
            FieldKind::Number {
                min,
                max,
                step,
                min_exclusive,
            } => (*min, *max, *step, *min_exclusive) = (None, None, None, false),
            FieldKind::Money {
                min,
                max,
                min_exclusive,
            } => (*min, *max, *min_exclusive) = (None, None, false),
            FieldKind::Select { options } => {
                for o in options {
                    o.value.clear();
                    o.label.clear();
                }
            }
            FieldKind::Text { max_len } => *max_len = None,
            _ => {}
        }
    }
    flow(&mut s.flow);
    for c in &mut s.cc {
        who(&mut c.who);
        c.when = Default::default();
    }
    if let Some(p) = &mut s.policies {
        *p = RoutingPolicies::default();
    }
    s
}

/// Chooses, adds, duplicates and deletes templates. Deleting one that route tests use asks
/// first (inline: the app shows no browser dialogs).
fn template_bar(ed: Ed, lang: Lang) -> AnyView {
    let store = ed.store;
    let new_name = RwSignal::new(String::new());
    let confirm = RwSignal::new(0usize);
    let options = move || {
        store.bundle.with(|b| {
            b.approvals
                .templates
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let label = format!("{} ({})", t.name, t.id);
                    view! { <option value=i.to_string() prop:selected=move || ed.sel.get() == i>{label}</option> }
                })
                .collect_view()
        })
    };
    let add = move |copy: bool| {
        let name = new_name.get_untracked().trim().to_string();
        let name = if name.is_empty() {
            K::TplDefaultName.text(lang).to_string()
        } else {
            name
        };
        let from = ed.sel.get_untracked();
        store.edit(None, |b| {
            let ts = &mut b.approvals.templates;
            let t = match ts.get(from) {
                Some(t) if copy => duplicate_template(t, ts, K::CopySuffix.text(lang)),
                _ => new_template(&name, ts, &b.org, lang),
            };
            ts.push(t);
        });
        new_name.set(String::new());
        confirm.set(0);
        ed.sel.set(
            store
                .bundle
                .with_untracked(|b| b.approvals.templates.len())
                .saturating_sub(1),
        );
    };
    let delete = move |force: bool| {
        let i = ed.sel.get_untracked();
        let used = store.bundle.with_untracked(|b| {
            b.approvals.templates.get(i).map_or(0, |t| {
                b.fixtures.iter().filter(|f| f.template == t.id).count()
            })
        });
        if used > 0 && !force {
            confirm.set(used);
            return;
        }
        store.edit(None, |b| {
            if i < b.approvals.templates.len() {
                b.approvals.templates.remove(i);
            }
        });
        confirm.set(0);
        ed.sel.set(i.saturating_sub(1));
        store.notice.set(Some(Notice::Deleted));
    };
    let none = move || store.bundle.with(|b| b.approvals.templates.is_empty());
    let confirm_view = move || {
        let n = confirm.get();
        (n > 0).then(|| {
            view! {
                <div class="notice warn" role="alert" data-testid="tpl-delete-warning">
                    <p>{n} " " {K::TplUsedByFixtures.text(lang)}</p>
                    <button type="button" class="danger" data-testid="tpl-delete-anyway" on:click=cb(move |_| delete(true))>
                        {K::TplDeleteAnyway.text(lang)}
                    </button>
                    " "
                    <button type="button" on:click=cb(move |_| confirm.set(0))>{K::Cancel.text(lang)}</button>
                </div>
            }
        })
    };
    view! {
        <div class="scheme-bar tpl-bar">
            <label for="tpl-select">{K::TplChoose.text(lang)}</label>
            <select
                id="tpl-select"
                data-testid="tpl-select"
                on:change=cb(move |e: leptos::ev::Event| {
                    if let Ok(i) = event_target_value(&e).parse() {
                        confirm.set(0);
                        ed.sel.set(i);
                    }
                })
            >
                {options}
            </select>
            <button type="button" data-testid="tpl-duplicate" prop:disabled=none on:click=cb(move |_| add(true))>
                {K::TplDuplicate.text(lang)}
            </button>
            <button type="button" class="danger" data-testid="tpl-delete" prop:disabled=none on:click=cb(move |_| delete(false))>
                {K::TplDelete.text(lang)}
            </button>
            <span class="tpl-new">
                <input
                    type="text"
                    data-testid="tpl-new-name"
                    aria-label=K::TplNewName.text(lang)
                    placeholder=K::TplNewName.text(lang)
                    prop:value=move || new_name.get()
                    on:input=cb(move |e: leptos::ev::Event| new_name.set(event_target_value(&e)))
                />
                <button type="button" data-testid="tpl-add" on:click=cb(move |_| add(false))>
                    "+ " {K::TplAdd.text(lang)}
                </button>
            </span>
        </div>
        {confirm_view}
    }
    .into_any()
}

/// A new template: one step, the direct supervisor.
fn new_template(name: &str, templates: &[Template], org: &Org, lang: Lang) -> Template {
    let who = ApproverSpec::Supervisor { level: 1 };
    Template {
        id: new_template_id(name, templates),
        name: name.to_string(),
        flow: vec![FlowNode::Step(Step {
            id: "s-1".into(),
            name: describe::approver(org, &who, lang),
            approvers: vec![who],
            mode: Default::default(),
        })],
        ..Template::default()
    }
}

/// Where a routing-policies form writes: the workspace's, or one template's own.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum PolTarget {
    Workspace,
    Template(usize),
}

fn pol_ref(b: &Bundle, at: PolTarget) -> Option<&RoutingPolicies> {
    match at {
        PolTarget::Workspace => Some(&b.approvals.policies),
        PolTarget::Template(i) => b.approvals.templates.get(i)?.policies.as_ref(),
    }
}

fn pol_mut(b: &mut Bundle, at: PolTarget) -> Option<&mut RoutingPolicies> {
    match at {
        PolTarget::Workspace => Some(&mut b.approvals.policies),
        PolTarget::Template(i) => b.approvals.templates.get_mut(i)?.policies.as_mut(),
    }
}

type Flag = fn(&mut RoutingPolicies) -> &mut bool;

/// The routing-policy switches, each with the sentence it stands for.
const FLAGS: [(K, &str, Flag); 5] = [
    (K::PolicyRefuseLeft, "refuse-left", |p| {
        &mut p.refuse_left_requester
    }),
    (K::PolicySkipSelf, "skip-self", |p| &mut p.skip_self),
    (K::PolicySkipDuplicate, "skip-duplicate", |p| {
        &mut p.skip_adjacent_duplicate
    }),
    (K::PolicyDropEmptied, "drop-emptied", |p| {
        &mut p.drop_emptied_steps
    }),
    (K::PolicyCcNoSelf, "cc-no-self", |p| {
        &mut p.cc_excludes_requester
    }),
];

/// The routing policies as switches and the empty-step role as a menu; `prefix` starts
/// the test ids.
pub(super) fn policies_form(store: Store, at: PolTarget, prefix: &str, lang: Lang) -> AnyView {
    let flags = FLAGS
        .iter()
        .map(|&(label, name, flag)| {
            view! {
                <li>
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid=format!("{prefix}{name}")
                            prop:checked=move || store.bundle.with(|b| pol_ref(b, at).is_some_and(|p| *flag(&mut p.clone())))
                            on:change=cb(move |e: leptos::ev::Event| {
                                let on = event_target_checked(&e);
                                store.edit(None, |b| {
                                    if let Some(p) = pol_mut(b, at) {
                                        *flag(p) = on;
                                    }
                                });
                            })
                        />
                        " " {label.text(lang)}
                    </label>
                </li>
            }
        })
        .collect_view();
    let roles = move || {
        store.bundle.with(|b| {
            let current = pol_ref(b, at).and_then(|p| p.empty_step_role.clone());
            let mut opts = vec![view! {
                <option value="" prop:selected=current.is_none()>{K::TeEmptyRoleNone.text(lang)}</option>
            }];
            for r in &b.org.roles {
                let on = current.as_deref() == Some(r.id.as_str());
                opts.push(view! { <option value=r.id.clone() prop:selected=on>{r.name.clone()}</option> });
            }
            opts
        })
    };
    view! {
        <ul class="policy-form">
            {flags}
            <li>
                <label class="field inline">
                    <span>{K::PolicyEmptyRole.text(lang)}</span>
                    <select
                        data-testid=format!("{prefix}empty-role")
                        on:change=cb(move |e: leptos::ev::Event| {
                            let v = event_target_value(&e);
                            store.edit(None, |b| {
                                if let Some(p) = pol_mut(b, at) {
                                    p.empty_step_role = (!v.is_empty()).then_some(v);
                                }
                            });
                        })
                    >
                        {roles}
                    </select>
                </label>
            </li>
        </ul>
    }
    .into_any()
}

/// Problems the workspace file would have in the chosen template (ids, references): a
/// file with them could not be opened again. The Checks tab has the rest.
fn template_problems(ed: Ed, lang: Lang) -> AnyView {
    let problems = Memo::new(move |_| {
        let prefix = format!("$.approvals.templates[{}]", ed.sel.get());
        ed.store.bundle.with(|b| {
            b.validate()
                .into_iter()
                .filter(|p| {
                    let ours = |path: &str| {
                        path.strip_prefix(&prefix)
                            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
                    };
                    ours(&p.path)
                        || matches!(&p.kind, ProblemKind::DuplicateId { first, .. } if ours(first))
                })
                .map(|p| (p.path.clone(), problem_text(&p.kind, lang)))
                .collect::<Vec<_>>()
        })
    });
    (move || {
        problems.with(|list| {
            (!list.is_empty()).then(|| {
                let items = list
                    .iter()
                    .map(|(path, text)| view! { <li><code>{path.clone()}</code> " " {text.clone()}</li> })
                    .collect_view();
                view! {
                    <div class="notice warn" role="status" data-testid="tpl-problems">
                        <p><b>{K::TplFileProblems.text(lang)}</b></p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    })
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

/// One template's read-only summary, with a button that opens it in the editor.
fn template_view(ed: Ed, i: usize, tpl: &Template, b: &Bundle, lang: Lang) -> AnyView {
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
    let policies = tpl.policies.as_ref().map(|p| {
        view! {
            <p>{tx(K::TePolicyOverride)} ": " {policy_lines(p, org, lang).join("; ")}</p>
        }
    });
    let open = move |_| {
        ed.sel.set(i);
        request_animation_frame(|| browser::scroll_to("tpl-editor"));
    };
    let body = view! {
        <p>{tpl.description.clone()}</p>
        {tpl.clause.as_deref().map(|c| crate::ui::pages::common::clause_cite(b, c, lang))}
        <h4>{tx(K::Fields)}</h4>
        {text_table("fields", vec![tx(K::Field), tx(K::FieldType), tx(K::Required)], fields)}
        <h4>{tx(K::Flow)}</h4>
        {flow_view(&tpl.flow, tpl, org, lang)}
        <p>{tx(K::Cc)} ": " {cc}</p>
        {policies}
        <button type="button" data-testid="tpl-edit" on:click=cb(open)>{tx(K::ShowEditor)}</button>
    }
    .into_any();
    card("template", tpl.name.clone(), tpl.id.clone(), body)
}
