//! The flow editor: steps and branch blocks nested to any depth, each branch with its
//! condition (OR groups of AND comparisons), and the approver editor that steps and CC
//! entries share.
//!
//! A node list is addressed by a path of [`Seg`]s from the top-level flow; each card edits
//! its node through a lens built from that path.

use std::sync::Arc;

use leptos::prelude::*;

use super::inputs::{
    bind, check_field, id_list, lens, list_actions, peek, select_field, text_field, Bind, Choices,
    Ed, Lens, Reader,
};
use crate::core::org::{Org, Status};
use crate::core::routing::{
    describe, ApproverSpec, Branch, BranchBlock, Condition, FieldKind, FlowNode, Op, Predicate,
    Step, StepMode, Subject, Template, Value,
};
use crate::core::routing_edit::{
    block_mut, fit_predicate, fit_value, list_json_path, new_block, new_branch, new_predicate,
    new_step, node_list, node_list_mut, ops_for, parse_scalar, parse_value, step_mut, step_ref,
    value_kind, value_text, Arm, Seg, ValueKind,
};
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::K;

/// The node list at `path`: its cards, and buttons that add a step or a branch block.
pub fn flow_list(ed: Ed, s: &Template, path: Vec<Seg>, lang: Lang) -> AnyView {
    let nodes = node_list(&s.flow, &path).unwrap_or(&[]);
    let count = nodes.len();
    let json = list_json_path(&path);
    let json2 = json.clone();
    let list: Lens<Vec<FlowNode>> = {
        let p = path.clone();
        lens(move |t| node_list_mut(&mut t.flow, &p))
    };
    let items = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let actions = list_actions(ed, i, count, K::TeNodeRemove, list.clone());
            match n {
                FlowNode::Step(st) => step_card(ed, &path, i, st, actions, lang),
                FlowNode::Branch(b) => block_card(ed, s, &path, i, b, actions, lang),
            }
        })
        .collect_view();
    let add = move |block: bool| {
        let list = list.clone();
        move |_| {
            ed.edit(None, |t, org| {
                let node = if block {
                    new_block(t, org, K::TeNewBranchName.text(lang))
                } else {
                    new_step(t, K::TeNewStepName.text(lang))
                };
                if let Some(l) = list(t) {
                    l.push(node);
                }
            })
        }
    };
    view! {
        <div class="flow-edit" data-depth=path.len() data-path=json2>
            {(count == 0).then(|| view! { <p class="muted">{K::TeEmptyFlow.text(lang)}</p> })}
            <ol class="nodes">{items}</ol>
            <div class="add-bar" data-testid="flow-add" data-path=json>
                <button type="button" data-testid="step-add" on:click=cb(add(false))>
                    "+ " {K::TeStepAdd.text(lang)}
                </button>
                <button type="button" data-testid="branch-add" on:click=cb(add(true))>
                    "+ " {K::TeBlockAdd.text(lang)}
                </button>
            </div>
        </div>
    }
    .into_any()
}

const MODES: [(StepMode, &str); 3] = [
    (StepMode::Single, "single"),
    (StepMode::Any, "any"),
    (StepMode::All, "all"),
];

fn step_card(ed: Ed, path: &[Seg], i: usize, st: &Step, actions: AnyView, lang: Lang) -> AnyView {
    let t = |k: K| k.text(lang);
    let key = format!("{}[{i}]", list_json_path(path));
    let p = path.to_vec();
    let name = {
        let p = p.clone();
        lens(move |t| step_mut(&mut t.flow, &p, i).map(|s| &mut s.name))
    };
    let modes: Reader<Choices> = Arc::new(move |_, _| {
        MODES
            .iter()
            .map(|(m, code)| (code.to_string(), describe::mode(*m, lang)))
            .collect()
    });
    let read_mode: Reader<String> = {
        let p = p.clone();
        Arc::new(move |t, _| {
            let m = step_ref(&t.flow, &p, i).map_or(StepMode::Single, |s| s.mode);
            MODES
                .iter()
                .find(|(x, _)| *x == m)
                .map_or("", |(_, c)| c)
                .to_string()
        })
    };
    let write_mode = {
        let p = p.clone();
        Arc::new(move |t: &mut Template, _: &Org, v: String| {
            if let (Some(s), Some((m, _))) = (
                step_mut(&mut t.flow, &p, i),
                MODES.iter().find(|(_, c)| *c == v),
            ) {
                s.mode = *m;
            }
        })
    };
    let approvers: Lens<Vec<ApproverSpec>> = {
        let p = p.clone();
        lens(move |t| step_mut(&mut t.flow, &p, i).map(|s| &mut s.approvers))
    };
    let n = st.approvers.len();
    let rows = st
        .approvers
        .iter()
        .enumerate()
        .map(|(k, a)| {
            view! {
                <li class="approver-row" data-testid="approver-row">
                    {approver_editor(ed, WhoAt::Step(p.clone(), i, k), a, lang)}
                    {list_actions(ed, k, n, K::TeApproverRemove, approvers.clone())}
                </li>
            }
        })
        .collect_view();
    let add = move |_| {
        ed.edit(None, |t, _| {
            if let Some(v) = approvers(t) {
                v.push(ApproverSpec::Supervisor { level: 1 });
            }
        })
    };
    view! {
        <li class="node step-card" data-testid="step-card" data-id=st.id.clone()>
            <div class="row-head">
                <span class="kind-badge">{t(K::TeStepKind)}</span>
                <code>{st.id.clone()}</code>
                {actions}
            </div>
            <div class="row-fields">
                {text_field(ed, t(K::TeStepName), "step-name", format!("{key}.name"), super::inputs::bind_text(name))}
                {select_field(ed, t(K::TeMode), "step-mode", modes, read_mode, write_mode)}
            </div>
            <div class="approvers">
                <span class="sub-label">{t(K::TeApprovers)}</span>
                <ol>{rows}</ol>
                <button type="button" class="small" data-testid="approver-add" on:click=cb(add)>
                    "+ " {t(K::TeApproverAdd)}
                </button>
            </div>
        </li>
    }
    .into_any()
}

fn block_card(
    ed: Ed,
    s: &Template,
    path: &[Seg],
    i: usize,
    blk: &BranchBlock,
    actions: AnyView,
    lang: Lang,
) -> AnyView {
    let t = |k: K| k.text(lang);
    let p = path.to_vec();
    let branches: Lens<Vec<Branch>> = {
        let p = p.clone();
        lens(move |t| block_mut(&mut t.flow, &p, i).map(|b| &mut b.branches))
    };
    let n = blk.branches.len();
    let cards = blk
        .branches
        .iter()
        .enumerate()
        .map(|(b, br)| {
            let actions = list_actions(ed, b, n, K::TeBranchRemove, branches.clone());
            branch_card(ed, s, &p, i, b, br, actions, lang)
        })
        .collect_view();
    let mut default = p.clone();
    default.push(Seg {
        node: i,
        arm: Arm::Default,
    });
    let add = move |_| {
        ed.edit(None, |t, org| {
            let br = new_branch(t, org, K::TeNewBranchName.text(lang), &[]);
            if let Some(v) = branches(t) {
                v.push(br);
            }
        })
    };
    view! {
        <li class="node block-card" data-testid="block-card" data-id=blk.id.clone()>
            <div class="row-head">
                <span class="kind-badge branch">{t(K::TeBlockKind)}</span>
                <code>{blk.id.clone()}</code>
                <span class="muted small">{t(K::TeBranchOrderHint)}</span>
                {actions}
            </div>
            <ol class="branches">{cards}</ol>
            <div class="add-bar">
                <button type="button" class="small" data-testid="branch-new" on:click=cb(add)>
                    "+ " {t(K::TeBranchNew)}
                </button>
            </div>
            <div class="branch-card default-arm" data-testid="default-arm">
                <div class="row-head"><span class="kind-badge">{t(K::OtherwiseThen)}</span></div>
                {flow_list(ed, s, default, lang)}
            </div>
        </li>
    }
    .into_any()
}

#[expect(
    clippy::too_many_arguments,
    reason = "a card needs its place, its data and its actions"
)]
fn branch_card(
    ed: Ed,
    s: &Template,
    path: &[Seg],
    i: usize,
    b: usize,
    br: &Branch,
    actions: AnyView,
    lang: Lang,
) -> AnyView {
    let t = |k: K| k.text(lang);
    let key = format!("{}[{i}].b{b}", list_json_path(path));
    let branch: Lens<Branch> = {
        let p = path.to_vec();
        lens(move |t| block_mut(&mut t.flow, &p, i)?.branches.get_mut(b))
    };
    let name = {
        let br = branch.clone();
        lens(move |t| br(t).map(|x| &mut x.name))
    };
    let cond = {
        let br = branch.clone();
        lens(move |t| br(t).map(|x| &mut x.when))
    };
    let mut then = path.to_vec();
    then.push(Seg {
        node: i,
        arm: Arm::Then(b),
    });
    view! {
        <li class="branch-card" data-testid="branch-card" data-id=br.id.clone()>
            <div class="row-head">
                <span class="kind-badge">{t(K::Branch)} " " {b + 1}</span>
                <code>{br.id.clone()}</code>
                {actions}
            </div>
            <div class="row-fields">
                {text_field(ed, t(K::TeBranchName), "branch-name", format!("{key}.name"), super::inputs::bind_text(name))}
            </div>
            {condition_editor(ed, s, &key, cond, &br.when, lang)}
            <div class="arm">
                <span class="sub-label">{t(K::TeThen)}</span>
                {flow_list(ed, s, then, lang)}
            </div>
        </li>
    }
    .into_any()
}

/// A condition: its words, then OR groups of AND comparisons.
fn condition_editor(
    ed: Ed,
    s: &Template,
    key: &str,
    cond: Lens<Condition>,
    c: &Condition,
    lang: Lang,
) -> AnyView {
    let t = |k: K| k.text(lang);
    let words = {
        let cond = cond.clone();
        move || {
            ed.read(|t, b| match peek(&cond, t) {
                Some(c) if !c.any_of.is_empty() => describe::condition(t, &b.org, &c, lang),
                _ => K::TeCondNever.text(lang).to_string(),
            })
        }
    };
    let groups = c
        .any_of
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let preds = group
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    let pl: Lens<Predicate> = {
                        let cond = cond.clone();
                        lens(move |t| cond(t)?.any_of.get_mut(g)?.get_mut(k))
                    };
                    let remove = {
                        let cond = cond.clone();
                        move |_| {
                            ed.edit(None, |t, _| {
                                let Some(c) = cond(t) else { return };
                                if let Some(group) = c.any_of.get_mut(g) {
                                    if k < group.len() {
                                        group.remove(k);
                                    }
                                    if group.is_empty() {
                                        c.any_of.remove(g);
                                    }
                                }
                            })
                        }
                    };
                    view! {
                        <div class="pred" data-testid="pred">
                            <span class="joiner">{if k > 0 { t(K::TeCondAnd) } else { "" }}</span>
                            {predicate_editor(ed, s, format!("{key}.g{g}.p{k}"), pl, p, lang)}
                            {crate::ui::components::widgets::icon_button(K::TePredRemove, "✕", true, remove)}
                        </div>
                    }
                })
                .collect_view();
            let add = {
                let cond = cond.clone();
                move |_| {
                    ed.edit(None, |t, org| {
                        let p = new_predicate(t, org);
                        if let Some(group) = cond(t).and_then(|c| c.any_of.get_mut(g)) {
                            group.push(p);
                        }
                    })
                }
            };
            view! {
                <div class="or-group" data-testid="or-group">
                    {(g > 0).then(|| view! { <span class="joiner or">{t(K::TeCondOr)}</span> })}
                    {preds}
                    <button type="button" class="small" data-testid="pred-add" on:click=cb(add)>
                        "+ " {t(K::TePredAdd)}
                    </button>
                </div>
            }
        })
        .collect_view();
    let add_group = move |_| {
        ed.edit(None, |t, org| {
            let p = new_predicate(t, org);
            if let Some(c) = cond(t) {
                c.any_of.push(vec![p]);
            }
        })
    };
    view! {
        <div class="cond">
            <p class="cond-text">
                <span class="sub-label">{t(K::When)} ": "</span>
                <span data-testid="branch-condition">{words}</span>
            </p>
            {groups}
            <button type="button" class="small" data-testid="group-add" on:click=cb(add_group)>
                "+ " {t(K::TeGroupAdd)}
            </button>
        </div>
    }
    .into_any()
}

/// Every operator, in menu order; a menu entry's value is the position here.
const OPS: [Op; 10] = [
    Op::Gt,
    Op::Ge,
    Op::Lt,
    Op::Le,
    Op::Eq,
    Op::Ne,
    Op::Between,
    Op::In,
    Op::NotIn,
    Op::IsEmpty,
];

fn op_label(op: Op, lang: Lang) -> String {
    match op {
        Op::In => K::TeOpIn.text(lang).into(),
        Op::NotIn => K::TeOpNotIn.text(lang).into(),
        Op::Between => K::TeOpBetween.text(lang).into(),
        Op::IsEmpty => K::TeOpIsEmpty.text(lang).into(),
        o => o.symbol().into(),
    }
}

fn subject_code(s: &Subject) -> String {
    match s {
        Subject::Field(f) => format!("f:{f}"),
        Subject::RequesterDept => "@dept".into(),
        Subject::RequesterRole => "@role".into(),
        Subject::Requester => "@person".into(),
    }
}

/// Edits a predicate through `f`, then makes its operator and value fit its subject.
fn set_pred(t: &mut Template, org: &Org, pl: &Lens<Predicate>, f: impl FnOnce(&mut Predicate)) {
    if let Some(mut p) = peek(pl, t) {
        f(&mut p);
        fit_predicate(t, org, &mut p);
        if let Some(slot) = pl(t) {
            *slot = p;
        }
    }
}

/// Subject, operator and value of one comparison. The operators offered are those that
/// make sense for the subject; the value input follows the subject's type.
fn predicate_editor(
    ed: Ed,
    s: &Template,
    key: String,
    pl: Lens<Predicate>,
    p: &Predicate,
    lang: Lang,
) -> AnyView {
    let t = |k: K| k.text(lang);
    let subjects: Reader<Choices> = Arc::new(move |t, _| {
        let mut out: Choices = t
            .fields
            .iter()
            .map(|f| (format!("f:{}", f.id), f.label.clone()))
            .collect();
        for (code, k) in [
            ("@dept", K::TeSubjDept),
            ("@role", K::TeSubjRole),
            ("@person", K::TeSubjPerson),
        ] {
            out.push((code.into(), k.text(lang).into()));
        }
        out
    });
    let (p1, p2, p3, p4, p5) = (pl.clone(), pl.clone(), pl.clone(), pl.clone(), pl.clone());
    let ops: Reader<Choices> = Arc::new(move |t, _| {
        peek(&p1, t)
            .map(|p| {
                ops_for(t, &p.subject)
                    .iter()
                    .map(|o| {
                        let n = OPS.iter().position(|x| x == o).unwrap_or(0);
                        (n.to_string(), op_label(*o, lang))
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let subject = select_field(
        ed,
        t(K::TeSubject),
        "pred-subject",
        subjects,
        Arc::new(move |t, _| {
            peek(&p2, t)
                .map(|p| subject_code(&p.subject))
                .unwrap_or_default()
        }),
        Arc::new(move |t, org, v| {
            let subject = match v.as_str() {
                "@dept" => Subject::RequesterDept,
                "@role" => Subject::RequesterRole,
                "@person" => Subject::Requester,
                f => Subject::Field(f.strip_prefix("f:").unwrap_or(f).to_string()),
            };
            set_pred(t, org, &p3, |p| p.subject = subject);
        }),
    );
    let op = select_field(
        ed,
        t(K::TeOperator),
        "pred-op",
        ops,
        Arc::new(move |t, _| {
            peek(&p4, t)
                .and_then(|p| OPS.iter().position(|x| *x == p.op))
                .map(|n| n.to_string())
                .unwrap_or_default()
        }),
        Arc::new(move |t, org, v| {
            if let Some(op) = v.parse::<usize>().ok().and_then(|n| OPS.get(n)) {
                set_pred(t, org, &pl, |p| p.op = *op);
            }
        }),
    );
    let value = value_editor(ed, s, key, p5, p, lang);
    view! { {subject} {op} {value} }.into_any()
}

/// The value of a comparison, typed as its subject: a number, a menu of options,
/// departments, roles or people, chips for "in", two numbers for "between", nothing for
/// "is empty".
fn value_editor(
    ed: Ed,
    s: &Template,
    key: String,
    pl: Lens<Predicate>,
    p: &Predicate,
    lang: Lang,
) -> AnyView {
    // `p` is the shape's copy: its subject and operator are current, its value is not.
    let t = |k: K| k.text(lang);
    let kind = value_kind(s, &p.subject);
    let op = p.op;
    if op == Op::IsEmpty || kind == ValueKind::Nothing {
        return ().into_any();
    }
    let vl: Lens<Option<Value>> = lens(move |t| pl(t).map(|p| &mut p.value));
    let (v1, v2) = (vl.clone(), vl.clone());
    if kind.is_choice() || kind == ValueKind::Bool {
        let choices: Reader<Choices> = match (kind, &p.subject) {
            (ValueKind::Dept, _) => depts(None),
            (ValueKind::Role, _) => roles(None),
            (ValueKind::Person, _) => people(lang),
            (ValueKind::Bool, _) => {
                let items = vec![
                    ("true".to_string(), t(K::Yes).to_string()),
                    ("false".to_string(), t(K::No).to_string()),
                ];
                Arc::new(move |_, _| items.clone())
            }
            (_, subject) => {
                let field = match subject {
                    Subject::Field(f) => f.clone(),
                    _ => String::new(),
                };
                Arc::new(move |t, _| match t.field(&field).map(|f| &f.kind) {
                    Some(FieldKind::Select { options }) => options
                        .iter()
                        .map(|o| (o.value.clone(), o.label.clone()))
                        .collect(),
                    _ => Vec::new(),
                })
            }
        };
        let text = |v: &Value| match v {
            Value::Text(x) => Some(x.clone()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        if matches!(op, Op::In | Op::NotIn) {
            return id_list(
                ed,
                t(K::TeValue),
                t(K::TeAddValue),
                t(K::TeNodeRemove),
                "pred-value",
                choices,
                Arc::new(move |t| match peek(&v1, t).flatten() {
                    Some(Value::List(items)) => items.iter().filter_map(text).collect(),
                    Some(v) => text(&v).into_iter().collect(),
                    None => Vec::new(),
                }),
                Arc::new(move |t, _, ids| {
                    if let Some(slot) = v2(t) {
                        *slot = Some(Value::List(ids.into_iter().map(Value::Text).collect()));
                    }
                }),
            );
        }
        return select_field(
            ed,
            t(K::TeValue),
            "pred-value",
            choices,
            Arc::new(move |t, _| {
                peek(&v1, t)
                    .flatten()
                    .and_then(|v| text(&v))
                    .unwrap_or_default()
            }),
            Arc::new(move |t, _, v| {
                if let Some(slot) = v2(t) {
                    *slot = Some(if kind == ValueKind::Bool {
                        Value::Bool(v == "true")
                    } else {
                        Value::Text(v)
                    });
                }
            }),
        );
    }
    if op == Op::Between {
        return view! {
            {text_field(ed, t(K::TeFrom), "pred-value", format!("{key}.from"), bind_value(v1, kind, op, Some(0)))}
            {text_field(ed, t(K::TeTo), "pred-value-to", format!("{key}.to"), bind_value(v2, kind, op, Some(1)))}
        }
        .into_any();
    }
    let label = if matches!(op, Op::In | Op::NotIn) {
        K::TeValueList
    } else {
        K::TeValue
    };
    text_field(
        ed,
        t(label),
        "pred-value",
        format!("{key}.v"),
        bind_value(vl, kind, op, None),
    )
}

/// Binds a condition's value (or, with `item`, one end of a "between") to a text input.
pub fn bind_value(l: Lens<Option<Value>>, kind: ValueKind, op: Op, item: Option<usize>) -> Bind {
    let parse = move |s: &str| match item {
        Some(_) => parse_scalar(kind, s).map(Some),
        None => parse_value(kind, op, s),
    };
    let show = move |v: Option<&Value>| match (item, v) {
        (Some(k), Some(Value::List(items))) => value_text(items.get(k)),
        (Some(_), _) => String::new(),
        (None, v) => value_text(v),
    };
    let w = l.clone();
    Bind {
        read: Arc::new(move |t| show(peek(&l, t).flatten().as_ref())),
        canon: Arc::new(move |s| {
            parse(s).map(|v| match item {
                Some(_) => value_text(v.as_ref()),
                None => show(v.as_ref()),
            })
        }),
        write: Arc::new(move |t, s| {
            let (Some(slot), Some(new)) = (w(t), parse(s)) else {
                return;
            };
            match item {
                None => *slot = new,
                Some(k) => {
                    let mut pair = fit_value(kind, Op::Between, slot.as_ref(), None);
                    if let (Some(Value::List(items)), Some(v)) = (&mut pair, new) {
                        if let Some(x) = items.get_mut(k) {
                            *x = v;
                        }
                    }
                    *slot = pair;
                }
            }
        }),
    }
}

/// Where an approver rule is: in a step (list path, step index, approver index) or a CC
/// entry.
#[derive(Clone)]
pub enum WhoAt {
    Step(Vec<Seg>, usize, usize),
    Cc(usize),
}

fn who_ref<'a>(t: &'a Template, at: &WhoAt) -> Option<&'a ApproverSpec> {
    match at {
        WhoAt::Step(p, i, k) => step_ref(&t.flow, p, *i)?.approvers.get(*k),
        WhoAt::Cc(k) => t.cc.get(*k).map(|c| &c.who),
    }
}

fn who_mut<'a>(t: &'a mut Template, at: &WhoAt) -> Option<&'a mut ApproverSpec> {
    match at {
        WhoAt::Step(p, i, k) => step_mut(&mut t.flow, p, *i)?.approvers.get_mut(*k),
        WhoAt::Cc(k) => t.cc.get_mut(*k).map(|c| &mut c.who),
    }
}

/// The approver kinds, with their names.
const APPROVER_KINDS: [(&str, K); 6] = [
    ("supervisor", K::TeAkSupervisor),
    ("chain", K::TeAkChain),
    ("role", K::TeAkRole),
    ("people", K::TeAkPeople),
    ("dept_head", K::TeAkDeptHead),
    ("chosen", K::TeAkChosen),
];

fn approver_code(a: &ApproverSpec) -> &'static str {
    match a {
        ApproverSpec::Supervisor { .. } => "supervisor",
        ApproverSpec::SupervisorChain { .. } => "chain",
        ApproverSpec::Role { .. } => "role",
        ApproverSpec::People { .. } => "people",
        ApproverSpec::DeptHead { .. } => "dept_head",
        ApproverSpec::ChosenByRequester => "chosen",
    }
}

fn new_approver(code: &str, org: &Org) -> ApproverSpec {
    match code {
        "chain" => ApproverSpec::SupervisorChain {
            levels: Some(2),
            until_role: None,
        },
        "role" => ApproverSpec::Role {
            role: org.roles.first().map(|r| r.id.clone()).unwrap_or_default(),
            same_dept: false,
        },
        "people" => ApproverSpec::People { people: Vec::new() },
        "dept_head" => ApproverSpec::DeptHead { dept: None },
        "chosen" => ApproverSpec::ChosenByRequester,
        _ => ApproverSpec::Supervisor { level: 1 },
    }
}

/// The roles of the org (after a "none" entry when `none` names it).
fn roles(none: Option<&'static str>) -> Reader<Choices> {
    Arc::new(move |_, b| {
        none.map(|n| (String::new(), n.to_string()))
            .into_iter()
            .chain(b.org.roles.iter().map(|r| (r.id.clone(), r.name.clone())))
            .collect()
    })
}

/// The departments of the org (after a "none" entry when `none` names it).
fn depts(none: Option<&'static str>) -> Reader<Choices> {
    Arc::new(move |_, b| {
        none.map(|n| (String::new(), n.to_string()))
            .into_iter()
            .chain(
                b.org
                    .departments
                    .iter()
                    .map(|d| (d.id.clone(), d.name.clone())),
            )
            .collect()
    })
}

/// The people of the org; those who have left are marked.
fn people(lang: Lang) -> Reader<Choices> {
    Arc::new(move |_, b| {
        b.org
            .people
            .iter()
            .map(|p| {
                let label = if p.status == Status::Left {
                    format!("{} ({})", p.name, K::Left.text(lang))
                } else {
                    p.name.clone()
                };
                (p.id.clone(), label)
            })
            .collect()
    })
}

/// A text id of an approver rule (a role, a department), read and written through `get`.
fn who_choice(
    ed: Ed,
    at: &WhoAt,
    label: &'static str,
    testid: &'static str,
    choices: Reader<Choices>,
    get: fn(&mut ApproverSpec) -> Option<&mut Option<String>>,
) -> AnyView {
    let (a1, a2) = (at.clone(), at.clone());
    select_field(
        ed,
        label,
        testid,
        choices,
        Arc::new(move |t, _| {
            let mut a = who_ref(t, &a1).cloned();
            a.as_mut()
                .and_then(get)
                .and_then(|v| v.clone())
                .unwrap_or_default()
        }),
        Arc::new(move |t, _, v| {
            if let Some(slot) = who_mut(t, &a2).and_then(get) {
                *slot = (!v.is_empty()).then_some(v);
            }
        }),
    )
}

/// Who approves (or is copied): the kind, and that kind's parameters.
pub fn approver_editor(ed: Ed, at: WhoAt, a: &ApproverSpec, lang: Lang) -> AnyView {
    let t = |k: K| k.text(lang);
    let kinds: Reader<Choices> = Arc::new(move |_, _| {
        APPROVER_KINDS
            .iter()
            .map(|(c, k)| (c.to_string(), k.text(lang).to_string()))
            .collect()
    });
    let (a1, a2, a3) = (at.clone(), at.clone(), at.clone());
    let kind = select_field(
        ed,
        t(K::TeApproverKind),
        "approver-kind",
        kinds,
        Arc::new(move |t, _| {
            who_ref(t, &a1)
                .map(approver_code)
                .unwrap_or_default()
                .to_string()
        }),
        Arc::new(move |t, org, v| {
            if let Some(w) = who_mut(t, &a2) {
                if approver_code(w) != v {
                    *w = new_approver(&v, org);
                }
            }
        }),
    );
    let key = match &at {
        WhoAt::Step(p, i, k) => format!("{}[{i}].a{k}", list_json_path(p)),
        WhoAt::Cc(k) => format!("cc{k}"),
    };
    let params = match a {
        ApproverSpec::Supervisor { .. } => {
            let at = at.clone();
            text_field(
                ed,
                t(K::TeLevel),
                "approver-level",
                format!("{key}.level"),
                bind(
                    lens(move |t| match who_mut(t, &at)? {
                        ApproverSpec::Supervisor { level } => Some(level),
                        _ => None,
                    }),
                    |n| n.to_string(),
                    |s| {
                        s.trim()
                            .parse::<u32>()
                            .ok()
                            .filter(|n| (1..=20).contains(n))
                    },
                ),
            )
        }
        ApproverSpec::SupervisorChain { .. } => {
            let at2 = at.clone();
            view! {
                {text_field(
                    ed,
                    t(K::TeChainLevels),
                    "approver-levels",
                    format!("{key}.levels"),
                    bind(
                        lens(move |t| match who_mut(t, &at2)? {
                            ApproverSpec::SupervisorChain { levels, .. } => Some(levels),
                            _ => None,
                        }),
                        |v| v.map(|n| n.to_string()).unwrap_or_default(),
                        |s| {
                            if s.trim().is_empty() {
                                Some(None)
                            } else {
                                s.trim().parse::<u32>().ok().filter(|n| *n >= 1).map(Some)
                            }
                        },
                    ),
                )}
                {who_choice(ed, &at, t(K::TeUntilRole), "approver-until-role", roles(Some(t(K::TeNoRoleLimit))), |a| match a {
                    ApproverSpec::SupervisorChain { until_role, .. } => Some(until_role),
                    _ => None,
                })}
            }
            .into_any()
        }
        ApproverSpec::Role { .. } => {
            let (r1, r2, r3) = (at.clone(), at.clone(), at.clone());
            view! {
                {select_field(
                    ed,
                    t(K::TeAkRole),
                    "approver-role",
                    roles(None),
                    Arc::new(move |t, _| match who_ref(t, &r1) {
                        Some(ApproverSpec::Role { role, .. }) => role.clone(),
                        _ => String::new(),
                    }),
                    Arc::new(move |t, _, v| {
                        if let Some(ApproverSpec::Role { role, .. }) = who_mut(t, &r2) {
                            *role = v;
                        }
                    }),
                )}
                {check_field(ed, t(K::TeSameDept), "approver-same-dept", lens(move |t| match who_mut(t, &r3)? {
                    ApproverSpec::Role { same_dept, .. } => Some(same_dept),
                    _ => None,
                }))}
            }
            .into_any()
        }
        ApproverSpec::People { .. } => {
            let (r1, r2) = (at.clone(), at.clone());
            id_list(
                ed,
                t(K::TeAkPeople),
                t(K::TeAddPerson),
                t(K::TeNodeRemove),
                "approver-people",
                people(lang),
                Arc::new(move |t| match who_ref(t, &r1) {
                    Some(ApproverSpec::People { people }) => people.clone(),
                    _ => Vec::new(),
                }),
                Arc::new(move |t, _, v| {
                    if let Some(ApproverSpec::People { people }) = who_mut(t, &r2) {
                        *people = v;
                    }
                }),
            )
        }
        ApproverSpec::DeptHead { .. } => who_choice(
            ed,
            &at,
            t(K::Department),
            "approver-dept",
            depts(Some(t(K::TeRequesterOwnDept))),
            |a| match a {
                ApproverSpec::DeptHead { dept } => Some(dept),
                _ => None,
            },
        ),
        ApproverSpec::ChosenByRequester => ().into_any(),
    };
    let words = move || {
        ed.read(|t, b| {
            who_ref(t, &a3)
                .map(|a| describe::approver(&b.org, a, lang))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="approver" data-testid="approver">
            {kind}
            {params}
            <span class="who-text muted">{words}</span>
        </div>
    }
    .into_any()
}
