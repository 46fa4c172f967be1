//! Pure helpers for editing approval templates: addressing nested flow nodes by path, new
//! ids that stay unique within a template, the operators and value types a condition's
//! subject allows, and turning what a user typed into a [`Value`].
//!
//! The template editor in the browser calls these; they never decide a route.

use super::org::Org;
use super::routing::{
    Branch, BranchBlock, Condition, Field, FieldKind, FlowNode, Op, Predicate, Step, Subject,
    Template, Value,
};

/// Which flow of a branch block a path goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arm {
    /// The `then` flow of the branch at this index.
    Then(usize),
    /// The block's default flow.
    Default,
}

/// One step down into a nested flow: the branch block at `node` of the current list, and
/// which of its flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg {
    pub node: usize,
    pub arm: Arm,
}

/// The node list a path leads to (the empty path: the template's top-level flow).
pub fn node_list<'a>(flow: &'a [FlowNode], path: &[Seg]) -> Option<&'a [FlowNode]> {
    let Some((seg, rest)) = path.split_first() else {
        return Some(flow);
    };
    let FlowNode::Branch(block) = flow.get(seg.node)? else {
        return None;
    };
    let next = match seg.arm {
        Arm::Then(b) => &block.branches.get(b)?.then,
        Arm::Default => &block.default,
    };
    node_list(next, rest)
}

/// The node list a path leads to, for editing.
pub fn node_list_mut<'a>(
    flow: &'a mut Vec<FlowNode>,
    path: &[Seg],
) -> Option<&'a mut Vec<FlowNode>> {
    let Some((seg, rest)) = path.split_first() else {
        return Some(flow);
    };
    let FlowNode::Branch(block) = flow.get_mut(seg.node)? else {
        return None;
    };
    let next = match seg.arm {
        Arm::Then(b) => &mut block.branches.get_mut(b)?.then,
        Arm::Default => &mut block.default,
    };
    node_list_mut(next, rest)
}

/// The step at `index` of the list at `path`.
pub fn step_ref<'a>(flow: &'a [FlowNode], path: &[Seg], index: usize) -> Option<&'a Step> {
    match node_list(flow, path)?.get(index)? {
        FlowNode::Step(s) => Some(s),
        FlowNode::Branch(_) => None,
    }
}

/// The branch block at `index` of the list at `path`.
pub fn block_ref<'a>(flow: &'a [FlowNode], path: &[Seg], index: usize) -> Option<&'a BranchBlock> {
    match node_list(flow, path)?.get(index)? {
        FlowNode::Branch(b) => Some(b),
        FlowNode::Step(_) => None,
    }
}

/// The step at `index` of the list at `path`, for editing.
pub fn step_mut<'a>(
    flow: &'a mut Vec<FlowNode>,
    path: &[Seg],
    index: usize,
) -> Option<&'a mut Step> {
    match node_list_mut(flow, path)?.get_mut(index)? {
        FlowNode::Step(s) => Some(s),
        FlowNode::Branch(_) => None,
    }
}

/// The branch block at `index` of the list at `path`, for editing.
pub fn block_mut<'a>(
    flow: &'a mut Vec<FlowNode>,
    path: &[Seg],
    index: usize,
) -> Option<&'a mut BranchBlock> {
    match node_list_mut(flow, path)?.get_mut(index)? {
        FlowNode::Branch(b) => Some(b),
        FlowNode::Step(_) => None,
    }
}

/// The JSON path of the list at `path` inside a template, as bundle validation and the
/// lint write it: `.flow[1].branch.branches[0].then`.
pub fn list_json_path(path: &[Seg]) -> String {
    let mut out = String::from(".flow");
    for seg in path {
        match seg.arm {
            Arm::Then(b) => out.push_str(&format!("[{}].branch.branches[{b}].then", seg.node)),
            Arm::Default => out.push_str(&format!("[{}].branch.default", seg.node)),
        }
    }
    out
}

/// Moves item `index` one place up (towards the start) or down; false when it cannot move.
pub fn move_item<T>(items: &mut [T], index: usize, up: bool) -> bool {
    let to = if up {
        index.checked_sub(1)
    } else {
        index.checked_add(1)
    };
    match to {
        Some(to) if index < items.len() && to < items.len() => {
            items.swap(index, to);
            true
        }
        _ => false,
    }
}

/// Removes item `index` if there is one.
pub fn remove_item<T>(items: &mut Vec<T>, index: usize) -> Option<T> {
    (index < items.len()).then(|| items.remove(index))
}

/// Every id in a flow that must be unique within its template: steps, branch blocks and
/// branches, at every depth.
pub fn flow_ids(flow: &[FlowNode]) -> Vec<String> {
    let mut ids = Vec::new();
    super::routing::walk_flow(flow, &mut |node| match node {
        FlowNode::Step(s) => ids.push(s.id.clone()),
        FlowNode::Branch(b) => {
            ids.push(b.id.clone());
            ids.extend(b.branches.iter().map(|br| br.id.clone()));
        }
    });
    ids
}

/// `prefix-1`, `prefix-2`, …: the first that is not taken.
pub fn numbered_id(prefix: &str, taken: &[String]) -> String {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// `base`, or `base_2`, `base_3`, …: the first that is not taken.
pub fn unique_id(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// An id made from a name: ASCII letters and digits in lower case, everything else one
/// `_`; empty when the name has no ASCII letters or digits (a Chinese name).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('_');
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("t_{out}")
    } else {
        out.to_string()
    }
}

/// The id of a new template called `name`: from the name, or `template`, made unique.
pub fn new_template_id(name: &str, templates: &[Template]) -> String {
    let taken: Vec<String> = templates.iter().map(|t| t.id.clone()).collect();
    let base = slug(name);
    unique_id(if base.is_empty() { "template" } else { &base }, &taken)
}

/// The id of a new field labelled `label`: from the label, or `field_N`, made unique.
pub fn new_field_id(label: &str, fields: &[Field]) -> String {
    let taken: Vec<String> = fields.iter().map(|f| f.id.clone()).collect();
    let base = slug(label);
    if base.is_empty() {
        (1..)
            .map(|n| format!("field_{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or_default()
    } else {
        unique_id(&base, &taken)
    }
}

/// A copy of a template under a new, unique id (its step and branch ids stay: they need
/// only be unique within one template).
pub fn duplicate_template(t: &Template, templates: &[Template], suffix: &str) -> Template {
    let taken: Vec<String> = templates.iter().map(|t| t.id.clone()).collect();
    let mut copy = t.clone();
    copy.id = unique_id(&format!("{}_copy", t.id), &taken);
    copy.name = format!("{} {suffix}", t.name);
    copy
}

/// A new field of a kind, by its type name (`number`, `money`, `select`, `text`, `date`,
/// `yes_no`, `attachment`), with the bounds people usually want.
pub fn new_field_kind(type_name: &str) -> FieldKind {
    match type_name {
        "number" => FieldKind::Number {
            min: Some(0.0),
            max: None,
            min_exclusive: true,
            step: None,
        },
        "money" => FieldKind::Money {
            min: Some(0.0),
            max: None,
            min_exclusive: true,
        },
        "select" => FieldKind::Select {
            options: Vec::new(),
        },
        "date" => FieldKind::Date,
        "yes_no" => FieldKind::YesNo,
        "attachment" => FieldKind::Attachment,
        _ => FieldKind::Text { max_len: None },
    }
}

/// A new empty step with a fresh id.
pub fn new_step(template: &Template, name: &str) -> FlowNode {
    FlowNode::Step(Step {
        id: numbered_id("s", &flow_ids(&template.flow)),
        name: name.to_string(),
        approvers: vec![super::routing::ApproverSpec::Supervisor { level: 1 }],
        mode: Default::default(),
    })
}

/// A new branch of a template, with a fresh id (not among `taken` either) and one
/// condition to start from.
pub fn new_branch(template: &Template, org: &Org, name: &str, taken: &[String]) -> Branch {
    let mut ids = flow_ids(&template.flow);
    ids.extend(taken.iter().cloned());
    Branch {
        id: numbered_id("br", &ids),
        name: name.to_string(),
        when: Condition {
            any_of: vec![vec![new_predicate(template, org)]],
        },
        then: Vec::new(),
    }
}

/// A new branch block with one branch, with fresh ids.
pub fn new_block(template: &Template, org: &Org, branch_name: &str) -> FlowNode {
    let id = numbered_id("b", &flow_ids(&template.flow));
    let branch = new_branch(template, org, branch_name, std::slice::from_ref(&id));
    FlowNode::Branch(BranchBlock {
        id,
        branches: vec![branch],
        default: Vec::new(),
    })
}

/// A condition to start from: the first number or money field `> 0`, else the first select
/// field `=` its first option, else the requester's department.
pub fn new_predicate(template: &Template, org: &Org) -> Predicate {
    let numeric = template
        .fields
        .iter()
        .find(|f| matches!(f.kind, FieldKind::Number { .. } | FieldKind::Money { .. }));
    let select = template
        .fields
        .iter()
        .find(|f| matches!(f.kind, FieldKind::Select { .. }));
    let subject = match (numeric, select) {
        (Some(f), _) | (None, Some(f)) => Subject::Field(f.id.clone()),
        (None, None) => Subject::RequesterDept,
    };
    let kind = value_kind(template, &subject);
    let op = if kind == ValueKind::Number {
        Op::Gt
    } else {
        Op::Eq
    };
    let first = first_choice(template, org, &subject);
    Predicate {
        value: fit_value(kind, op, None, first.as_deref()),
        subject,
        op,
    }
}

/// What kind of value a condition's subject compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Numbers (number and money fields).
    Number,
    /// Free text.
    Text,
    /// A date, written YYYY-MM-DD.
    Date,
    /// Yes or no.
    Bool,
    /// One of a select field's options, by value.
    Option,
    /// A department id.
    Dept,
    /// A role id.
    Role,
    /// A person id.
    Person,
    /// Nothing to compare with (attachments: only "is empty").
    Nothing,
}

impl ValueKind {
    /// Whether values are picked from a list (options, departments, roles, people).
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            ValueKind::Option | ValueKind::Dept | ValueKind::Role | ValueKind::Person
        )
    }
}

/// The kind of value a subject compares with; a field the template lacks compares as text.
pub fn value_kind(template: &Template, subject: &Subject) -> ValueKind {
    match subject {
        Subject::RequesterDept => ValueKind::Dept,
        Subject::RequesterRole => ValueKind::Role,
        Subject::Requester => ValueKind::Person,
        Subject::Field(id) => match template.field(id).map(|f| &f.kind) {
            Some(FieldKind::Number { .. } | FieldKind::Money { .. }) => ValueKind::Number,
            Some(FieldKind::Select { .. }) => ValueKind::Option,
            Some(FieldKind::Date) => ValueKind::Date,
            Some(FieldKind::YesNo) => ValueKind::Bool,
            Some(FieldKind::Attachment) => ValueKind::Nothing,
            Some(FieldKind::Text { .. }) | None => ValueKind::Text,
        },
    }
}

/// The operators that make sense for a subject, in the order a menu shows them. They are
/// those the lint accepts, less "is empty" for the requester and their department (never
/// empty).
pub fn ops_for(template: &Template, subject: &Subject) -> &'static [Op] {
    use Op::*;
    match subject {
        Subject::RequesterDept | Subject::Requester => &[Eq, Ne, In, NotIn],
        Subject::RequesterRole => &[Eq, Ne, In, NotIn, IsEmpty],
        Subject::Field(_) => match value_kind(template, subject) {
            ValueKind::Number => &[Gt, Ge, Lt, Le, Eq, Ne, Between, In, NotIn, IsEmpty],
            ValueKind::Date => &[Eq, Ne, Gt, Ge, Lt, Le, Between, IsEmpty],
            ValueKind::Bool => &[Eq, Ne, IsEmpty],
            ValueKind::Nothing => &[IsEmpty],
            _ => &[Eq, Ne, In, NotIn, IsEmpty],
        },
    }
}

/// The first value a choice subject offers: a select field's first option, the first
/// department, role or active person.
pub fn first_choice(template: &Template, org: &Org, subject: &Subject) -> Option<String> {
    match subject {
        Subject::RequesterDept => org.departments.first().map(|d| d.id.clone()),
        Subject::RequesterRole => org.roles.first().map(|r| r.id.clone()),
        Subject::Requester => org.people.first().map(|p| p.id.clone()),
        Subject::Field(id) => match template.field(id).map(|f| &f.kind) {
            Some(FieldKind::Select { options }) => options.first().map(|o| o.value.clone()),
            _ => None,
        },
    }
}

/// Whether a single value is of the kind.
pub fn fits(kind: ValueKind, v: &Value) -> bool {
    match kind {
        ValueKind::Number => matches!(v, Value::Number(_)),
        ValueKind::Bool => matches!(v, Value::Bool(_)),
        ValueKind::Nothing => false,
        _ => matches!(v, Value::Text(_)),
    }
}

/// A value for an operator, keeping what it can of the old one: nothing for "is empty", a
/// list for "in"/"not in", a pair for "between", one value otherwise. `first` is the value a
/// choice starts from when there is nothing to keep.
pub fn fit_value(
    kind: ValueKind,
    op: Op,
    old: Option<&Value>,
    first: Option<&str>,
) -> Option<Value> {
    if op == Op::IsEmpty || kind == ValueKind::Nothing {
        return None;
    }
    let kept: Vec<Value> = match old {
        Some(Value::List(items)) => items.iter().filter(|v| fits(kind, v)).cloned().collect(),
        Some(v) if fits(kind, v) => vec![v.clone()],
        _ => Vec::new(),
    };
    let start = || match kind {
        ValueKind::Number => Some(Value::Number(0.0)),
        ValueKind::Bool => Some(Value::Bool(true)),
        ValueKind::Text | ValueKind::Date => Some(Value::Text(String::new())),
        _ => first.map(|f| Value::Text(f.to_string())),
    };
    match op {
        Op::In | Op::NotIn => Some(Value::List(if kept.is_empty() {
            start().into_iter().collect()
        } else {
            kept
        })),
        Op::Between => {
            let lo = kept.first().cloned().or_else(start)?;
            let hi = kept.get(1).cloned().unwrap_or_else(|| lo.clone());
            Some(Value::List(vec![lo, hi]))
        }
        _ => kept.into_iter().next().or_else(start),
    }
}

/// A number as people type it: `5000`, `5,000`, `3.5`, full-width digits; `None` when it
/// is not a finite number.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | '_' | ' '))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' => '-',
            c => c,
        })
        .collect();
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// One typed value of a kind; `None` when the text is not one (an empty number, a word
/// where a number belongs).
pub fn parse_scalar(kind: ValueKind, text: &str) -> Option<Value> {
    let t = text.trim();
    match kind {
        ValueKind::Number => parse_number(t).map(Value::Number),
        ValueKind::Bool => match t.to_lowercase().as_str() {
            "true" | "yes" | "y" | "是" | "1" => Some(Value::Bool(true)),
            "false" | "no" | "n" | "否" | "0" => Some(Value::Bool(false)),
            _ => None,
        },
        ValueKind::Nothing => None,
        _ => Some(Value::Text(t.to_string())),
    }
}

/// Splits a typed list on commas (ASCII or Chinese), 、 and semicolons.
pub fn split_list(text: &str) -> Vec<&str> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// What a user typed for an operator, as the condition's value: `None` when it is not a
/// value of the kind. "In"/"not in" take a list (`1, 2, 3`), "between" exactly two values,
/// "is empty" nothing (`Some(None)`).
pub fn parse_value(kind: ValueKind, op: Op, text: &str) -> Option<Option<Value>> {
    match op {
        Op::IsEmpty => Some(None),
        Op::In | Op::NotIn | Op::Between => {
            let items = split_list(text)
                .into_iter()
                .map(|s| parse_scalar(kind, s))
                .collect::<Option<Vec<Value>>>()?;
            if op == Op::Between && items.len() != 2 {
                return None;
            }
            Some(Some(Value::List(items)))
        }
        _ => parse_scalar(kind, text).map(Some),
    }
}

/// A value as it is typed back: numbers without a useless `.0`, lists separated by `, `.
pub fn value_text(v: Option<&Value>) -> String {
    match v {
        None => String::new(),
        Some(Value::List(items)) => items
            .iter()
            .map(|i| value_text(Some(i)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Value::Number(n)) => super::routing::describe::format_number(*n),
        Some(v) => v.to_string(),
    }
}

/// Makes a predicate agree with its subject: an operator the subject allows, and a value
/// of the right kind for it.
pub fn fit_predicate(template: &Template, org: &Org, p: &mut Predicate) {
    let ops = ops_for(template, &p.subject);
    if !ops.contains(&p.op) {
        p.op = ops.first().copied().unwrap_or(Op::Eq);
    }
    let kind = value_kind(template, &p.subject);
    let first = first_choice(template, org, &p.subject);
    p.value = fit_value(kind, p.op, p.value.as_ref(), first.as_deref());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::routing::{ApproverSpec, SelectOption};
    use crate::core::{starter, Lang};

    fn leave() -> (Template, Org) {
        let b = starter::bundle(Lang::En);
        let t = b
            .approvals
            .templates
            .iter()
            .find(|t| t.id == "leave")
            .cloned()
            .expect("leave");
        (t, b.org)
    }

    fn step(id: &str) -> FlowNode {
        FlowNode::Step(Step {
            id: id.into(),
            name: id.into(),
            approvers: vec![ApproverSpec::ChosenByRequester],
            mode: Default::default(),
        })
    }

    #[test]
    fn paths_reach_nested_lists() {
        let (mut t, _) = leave();
        // leave: [s-supervisor, b-days { br-long: [s-dept-head, s-hr], default: [] }]
        let top = node_list(&t.flow, &[]).expect("top");
        assert_eq!(top.len(), 2);
        let then = [Seg {
            node: 1,
            arm: Arm::Then(0),
        }];
        assert_eq!(node_list(&t.flow, &then).map(<[_]>::len), Some(2));
        let default = [Seg {
            node: 1,
            arm: Arm::Default,
        }];
        node_list_mut(&mut t.flow, &default)
            .expect("default")
            .push(step("s-x"));
        assert_eq!(node_list(&t.flow, &default).map(<[_]>::len), Some(1));
        assert_eq!(
            step_mut(&mut t.flow, &then, 1).map(|s| s.id.clone()),
            Some("s-hr".to_string())
        );
        assert!(block_mut(&mut t.flow, &[], 1).is_some());
        assert_eq!(
            step_ref(&t.flow, &[], 0).map(|s| s.id.as_str()),
            Some("s-supervisor")
        );
        assert_eq!(
            block_ref(&t.flow, &[], 1).map(|b| b.id.as_str()),
            Some("b-days")
        );
        assert!(step_ref(&t.flow, &[], 1).is_none());
        assert!(
            block_mut(&mut t.flow, &[], 0).is_none(),
            "a step is not a block"
        );
        // Wrong turns give None, never a panic.
        let into_step = [Seg {
            node: 0,
            arm: Arm::Default,
        }];
        assert!(node_list(&t.flow, &into_step).is_none());
        let no_branch = [Seg {
            node: 1,
            arm: Arm::Then(7),
        }];
        assert!(node_list_mut(&mut t.flow, &no_branch).is_none());
        assert!(step_mut(&mut t.flow, &then, 9).is_none());
        assert_eq!(
            list_json_path(&[
                then[0],
                Seg {
                    node: 0,
                    arm: Arm::Default
                }
            ]),
            ".flow[1].branch.branches[0].then[0].branch.default"
        );
    }

    #[test]
    fn moving_and_removing_stay_in_bounds() {
        let mut v = vec![1, 2, 3];
        assert!(move_item(&mut v, 0, false));
        assert_eq!(v, [2, 1, 3]);
        assert!(!move_item(&mut v, 0, true));
        assert!(!move_item(&mut v, 2, false));
        assert!(!move_item(&mut v, 5, true));
        assert!(move_item(&mut v, 2, true));
        assert_eq!(v, [2, 3, 1]);
        assert_eq!(remove_item(&mut v, 1), Some(3));
        assert_eq!(remove_item(&mut v, 4), None);
        assert_eq!(v, [2, 1]);
    }

    #[test]
    fn new_ids_are_unique_within_the_template() {
        let (mut t, org) = leave();
        let before = flow_ids(&t.flow);
        assert_eq!(
            before,
            ["s-supervisor", "b-days", "br-long", "s-dept-head", "s-hr"]
        );
        let s = new_step(&t, "x");
        t.flow.push(s);
        let s2 = new_step(&t, "y");
        let (FlowNode::Step(a), FlowNode::Step(b)) = (&t.flow[2], &s2) else {
            panic!("steps")
        };
        assert_eq!((a.id.as_str(), b.id.as_str()), ("s-1", "s-2"));
        let block = new_block(&t, &org, "more");
        let FlowNode::Branch(block) = block else {
            panic!("block")
        };
        assert_eq!(block.id, "b-1");
        assert_eq!(block.branches[0].id, "br-1");
        // The new branch's condition is on the first number field.
        assert_eq!(
            block.branches[0].when.any_of[0][0],
            Predicate {
                subject: Subject::Field("days".into()),
                op: Op::Gt,
                value: Some(Value::Number(0.0)),
            }
        );
        // Ids taken at any depth are skipped.
        let then = [Seg {
            node: 1,
            arm: Arm::Then(0),
        }];
        node_list_mut(&mut t.flow, &then)
            .expect("then")
            .push(step("s-2"));
        let FlowNode::Step(c) = new_step(&t, "z") else {
            panic!("step")
        };
        assert_eq!(c.id, "s-3");
        let ids = flow_ids(&t.flow);
        let mut dedup = ids.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(ids.len(), dedup.len());
    }

    #[test]
    fn template_and_field_ids_come_from_names() {
        let b = starter::bundle(Lang::En);
        let ts = &b.approvals.templates;
        assert_eq!(slug("Overtime pay (weekend)"), "overtime_pay_weekend");
        assert_eq!(slug("加班"), "");
        assert_eq!(slug("3 days"), "t_3_days");
        assert_eq!(new_template_id("Overtime", ts), "overtime");
        assert_eq!(new_template_id("Leave", ts), "leave_2");
        assert_eq!(new_template_id("加班申请", ts), "template");
        let copy = duplicate_template(&ts[0], ts, "(copy)");
        assert_eq!(copy.id, "leave_copy");
        assert_eq!(copy.flow, ts[0].flow);
        let fields = &ts[0].fields;
        assert_eq!(new_field_id("Days", fields), "days_2");
        assert_eq!(new_field_id("Reason", fields), "reason");
        assert_eq!(new_field_id("原因", fields), "field_1");
        assert_eq!(unique_id("a", &["a".into(), "a_2".into()]), "a_3");
    }

    #[test]
    fn operators_follow_the_subject() {
        let b = starter::bundle(Lang::En);
        let leave = &b.approvals.templates[0];
        let expense = &b.approvals.templates[1];
        let days = Subject::Field("days".into());
        assert!(ops_for(leave, &days).contains(&Op::Between));
        let kind = Subject::Field("leave_type".into());
        assert_eq!(
            ops_for(leave, &kind),
            &[Op::Eq, Op::Ne, Op::In, Op::NotIn, Op::IsEmpty]
        );
        assert_eq!(
            ops_for(expense, &Subject::Field("invoice".into())),
            &[Op::IsEmpty]
        );
        assert!(!ops_for(leave, &Subject::RequesterDept).contains(&Op::Gt));
        assert_eq!(value_kind(leave, &kind), ValueKind::Option);
        assert_eq!(
            value_kind(expense, &Subject::Field("amount".into())),
            ValueKind::Number
        );
        assert_eq!(
            value_kind(leave, &Subject::Field("gone".into())),
            ValueKind::Text
        );
        assert_eq!(
            first_choice(leave, &b.org, &kind).as_deref(),
            Some("annual")
        );
        assert_eq!(
            first_choice(leave, &b.org, &Subject::RequesterDept).as_deref(),
            Some("ceo")
        );
    }

    #[test]
    fn typed_text_becomes_a_value() {
        use ValueKind as VK;
        assert_eq!(parse_number(" 5,000.5 "), Some(5000.5));
        assert_eq!(parse_number("３．５"), Some(3.5));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(
            parse_value(VK::Number, Op::Gt, "5"),
            Some(Some(Value::Number(5.0)))
        );
        assert_eq!(parse_value(VK::Number, Op::Gt, "five"), None);
        assert_eq!(
            parse_value(VK::Number, Op::Between, "3, 5"),
            Some(Some(Value::List(vec![
                Value::Number(3.0),
                Value::Number(5.0)
            ])))
        );
        assert_eq!(parse_value(VK::Number, Op::Between, "3"), None);
        assert_eq!(
            parse_value(VK::Option, Op::In, "confidential、top_secret"),
            Some(Some(Value::List(vec![
                Value::Text("confidential".into()),
                Value::Text("top_secret".into())
            ])))
        );
        assert_eq!(parse_value(VK::Text, Op::IsEmpty, "whatever"), Some(None));
        assert_eq!(
            parse_value(VK::Bool, Op::Eq, "是"),
            Some(Some(Value::Bool(true)))
        );
        assert_eq!(parse_value(VK::Bool, Op::Eq, "maybe"), None);
        assert_eq!(value_text(Some(&Value::Number(3.0))), "3");
        assert_eq!(
            value_text(Some(&Value::List(vec![
                Value::Number(0.5),
                Value::Text("a".into())
            ]))),
            "0.5, a"
        );
        assert_eq!(value_text(None), "");
    }

    #[test]
    fn values_fit_the_operator() {
        use ValueKind as VK;
        let n = |x: f64| Value::Number(x);
        assert_eq!(
            fit_value(VK::Number, Op::IsEmpty, Some(&n(3.0)), None),
            None
        );
        assert_eq!(
            fit_value(VK::Number, Op::In, Some(&n(3.0)), None),
            Some(Value::List(vec![n(3.0)]))
        );
        assert_eq!(
            fit_value(VK::Number, Op::Between, Some(&n(3.0)), None),
            Some(Value::List(vec![n(3.0), n(3.0)]))
        );
        assert_eq!(
            fit_value(
                VK::Number,
                Op::Gt,
                Some(&Value::List(vec![n(4.0), n(9.0)])),
                None
            ),
            Some(n(4.0))
        );
        assert_eq!(
            fit_value(VK::Number, Op::Gt, Some(&Value::Text("x".into())), None),
            Some(n(0.0))
        );
        assert_eq!(
            fit_value(VK::Dept, Op::Eq, Some(&n(1.0)), Some("tech")),
            Some(Value::Text("tech".into()))
        );
        assert_eq!(fit_value(VK::Dept, Op::Eq, None, None), None);
        assert_eq!(fit_value(VK::Nothing, Op::Eq, None, None), None);
        assert_eq!(
            fit_value(VK::Bool, Op::Eq, None, None),
            Some(Value::Bool(true))
        );
    }

    #[test]
    fn predicates_follow_a_new_subject() {
        let (mut t, org) = leave();
        t.fields.push(Field {
            id: "urgent".into(),
            label: "Urgent".into(),
            required: false,
            kind: FieldKind::YesNo,
        });
        let mut p = Predicate {
            subject: Subject::Field("days".into()),
            op: Op::Between,
            value: Some(Value::List(vec![Value::Number(1.0), Value::Number(2.0)])),
        };
        p.subject = Subject::Field("leave_type".into());
        fit_predicate(&t, &org, &mut p);
        assert_eq!(p.op, Op::Eq);
        assert_eq!(p.value, Some(Value::Text("annual".into())));
        p.subject = Subject::Field("urgent".into());
        fit_predicate(&t, &org, &mut p);
        assert_eq!((p.op, p.value.clone()), (Op::Eq, Some(Value::Bool(true))));
        p.subject = Subject::RequesterRole;
        p.op = Op::IsEmpty;
        fit_predicate(&t, &org, &mut p);
        assert_eq!((p.op, p.value.clone()), (Op::IsEmpty, None));
        // A template without number or select fields starts from the requester's department.
        let bare = Template {
            fields: vec![Field {
                id: "x".into(),
                label: "x".into(),
                required: false,
                kind: FieldKind::Select {
                    options: vec![SelectOption::default()],
                },
            }],
            ..Template::default()
        };
        assert_eq!(new_predicate(&bare, &org).op, Op::Eq);
        let empty = Template::default();
        let p = new_predicate(&empty, &org);
        assert_eq!(p.subject, Subject::RequesterDept);
        assert_eq!(p.value, Some(Value::Text("ceo".into())));
        assert!(matches!(new_field_kind("money"), FieldKind::Money { .. }));
        assert!(matches!(new_field_kind("??"), FieldKind::Text { .. }));
    }
}
