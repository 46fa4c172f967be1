//! Approval templates, flows and route fixtures as data. The resolution engine builds on
//! these types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// All approval configuration of a workspace.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Approvals {
    /// Policies that apply to every template unless it overrides them.
    pub policies: RoutingPolicies,
    pub templates: Vec<Template>,
}

/// How routes treat self-approval, repeats, empty steps and people who have left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoutingPolicies {
    /// A request from someone who has left is refused.
    pub refuse_left_requester: bool,
    /// The requester is skipped as an approver of their own request.
    pub skip_self: bool,
    /// Someone who approved in one step is skipped in the step right after it.
    pub skip_adjacent_duplicate: bool,
    /// A step emptied only by the two skips above is dropped.
    pub drop_emptied_steps: bool,
    /// A step that resolves to nobody, or only to people who have left, goes to the
    /// holders of this role. `None`: such a step is an error.
    pub empty_step_role: Option<String>,
    /// CC recipients never include the requester.
    pub cc_excludes_requester: bool,
}

impl Default for RoutingPolicies {
    fn default() -> Self {
        RoutingPolicies {
            refuse_left_requester: true,
            skip_self: true,
            skip_adjacent_duplicate: true,
            drop_emptied_steps: true,
            empty_step_role: Some("approval_admin".into()),
            cc_excludes_requester: true,
        }
    }
}

/// An approval template (请假, 报销, …).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Template {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The usage-code clause that describes this approval.
    #[serde(default)]
    pub clause: Option<String>,
    pub fields: Vec<Field>,
    pub flow: Vec<FlowNode>,
    #[serde(default)]
    pub cc: Vec<CcEntry>,
    /// Overrides the workspace's routing policies for this template.
    #[serde(default)]
    pub policies: Option<RoutingPolicies>,
}

/// A form field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub required: bool,
    pub kind: FieldKind,
}

/// The type of a form field and its bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Number {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
        /// When true the minimum itself is not allowed (days > 0).
        #[serde(default)]
        min_exclusive: bool,
        /// Values must be multiples of this (0.5 for half days).
        #[serde(default)]
        step: Option<f64>,
    },
    /// An amount in CNY with two decimals.
    Money {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
        #[serde(default)]
        min_exclusive: bool,
    },
    Select {
        options: Vec<SelectOption>,
    },
    Text {
        #[serde(default)]
        max_len: Option<u32>,
    },
    Date,
    YesNo,
    Attachment,
}

impl FieldKind {
    /// The type's name as written in files.
    pub fn type_name(&self) -> &'static str {
        match self {
            FieldKind::Number { .. } => "number",
            FieldKind::Money { .. } => "money",
            FieldKind::Select { .. } => "select",
            FieldKind::Text { .. } => "text",
            FieldKind::Date => "date",
            FieldKind::YesNo => "yes_no",
            FieldKind::Attachment => "attachment",
        }
    }
}

/// One option of a select field.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SelectOption {
    pub value: String,
    pub label: String,
}

/// A node of a flow: an approval step, or a block of branches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowNode {
    Step(Step),
    Branch(BranchBlock),
}

/// An approval step.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Step {
    pub id: String,
    pub name: String,
    pub approvers: Vec<ApproverSpec>,
    #[serde(default)]
    pub mode: StepMode,
}

/// How the approvers of one step decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepMode {
    /// One approver.
    #[default]
    Single,
    /// Any one of them (或签).
    Any,
    /// All of them (会签).
    All,
}

/// Who approves a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApproverSpec {
    /// The supervisor `level` levels up (1: the direct supervisor).
    Supervisor { level: u32 },
    /// Every supervisor up the chain, `levels` levels or until a holder of `until_role`.
    SupervisorChain {
        #[serde(default)]
        levels: Option<u32>,
        #[serde(default)]
        until_role: Option<String>,
    },
    /// The holders of a role, optionally only those in the requester's department.
    Role {
        role: String,
        #[serde(default)]
        same_dept: bool,
    },
    /// Named people.
    People { people: Vec<String> },
    /// The head of a named department, or of the requester's top-level department.
    DeptHead {
        #[serde(default)]
        dept: Option<String>,
    },
    /// Someone the requester picks when submitting.
    ChosenByRequester,
}

/// A block of branches checked in priority order; the first whose condition holds is
/// taken, otherwise the default.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BranchBlock {
    pub id: String,
    pub branches: Vec<Branch>,
    #[serde(default)]
    pub default: Vec<FlowNode>,
}

/// One branch.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Branch {
    pub id: String,
    pub name: String,
    pub when: Condition,
    pub then: Vec<FlowNode>,
}

/// OR over groups, AND within a group.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Condition {
    pub any_of: Vec<Vec<Predicate>>,
}

/// A comparison of one subject with a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Predicate {
    pub subject: Subject,
    pub op: Op,
    #[serde(default)]
    pub value: Option<Value>,
}

/// What a predicate looks at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// A form field, by id.
    Field(String),
    /// The requester's department, sub-departments included.
    RequesterDept,
    /// The requester's roles.
    RequesterRole,
    /// The requester.
    Requester,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    In,
    NotIn,
    Between,
    IsEmpty,
}

impl Op {
    /// The operator as people write it.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "≠",
            Op::Gt => ">",
            Op::Ge => "≥",
            Op::Lt => "<",
            Op::Le => "≤",
            Op::In => "in",
            Op::NotIn => "not in",
            Op::Between => "between",
            Op::IsEmpty => "is empty",
        }
    }
}

/// A value in a condition or a fixture's form: written in JSON as a plain boolean, number,
/// string or list (serde impls below, hand-written because `untagged` buffers every value).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Number(n) => f.write_str(&describe::format_number(*n)),
            Value::Text(s) => write!(f, "{s}"),
            Value::List(items) => {
                let parts: Vec<String> = items.iter().map(|v| v.to_string()).collect();
                write!(f, "[{}]", parts.join(", "))
            }
        }
    }
}

/// When a CC recipient is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CcTiming {
    OnSubmit,
    #[default]
    OnApproved,
    OnFinished,
}

/// A CC recipient (抄送人).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CcEntry {
    pub who: ApproverSpec,
    #[serde(default)]
    pub when: CcTiming,
}

/// A saved scenario with the route it must produce: a test for the rules.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RouteFixture {
    pub id: String,
    pub name: String,
    pub template: String,
    pub requester: String,
    #[serde(default)]
    pub fields: BTreeMap<String, Value>,
    /// The requester's picks: step id to the person ids chosen for that step's approver
    /// chosen by the requester (自选审批人), in order.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub picks: BTreeMap<String, Vec<String>>,
    pub expect: ExpectedRoute,
}

/// What a fixture expects.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ExpectedRoute {
    /// The request is refused (for example, the requester has left).
    #[serde(default)]
    pub refused: bool,
    /// Approvers of each step, in order.
    #[serde(default)]
    pub steps: Vec<Vec<String>>,
    /// CC recipients, in order.
    #[serde(default)]
    pub cc: Vec<String>,
}

impl Template {
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
}

/// Visits every flow node, depth first, in order.
pub fn walk_flow<'a>(nodes: &'a [FlowNode], visit: &mut impl FnMut(&'a FlowNode)) {
    for node in nodes {
        visit(node);
        if let FlowNode::Branch(block) = node {
            for branch in &block.branches {
                walk_flow(&branch.then, visit);
            }
            walk_flow(&block.default, visit);
        }
    }
}

/// Words for the approval rules, shared by the UI and the exports so they never disagree.
pub mod describe {
    use super::{
        ApproverSpec, CcTiming, Condition, FieldKind, Op, Predicate, StepMode, Subject, Template,
        Value,
    };
    use crate::core::lang::Lang;
    use crate::core::org::Org;

    fn pick(lang: Lang, zh: &str, en: &str) -> String {
        match lang {
            Lang::Zh => zh.to_string(),
            Lang::En => en.to_string(),
        }
    }

    /// A value in words: select options by their label, people and departments by name.
    fn value(template: &Template, org: &Org, subject: &Subject, v: &Value, lang: Lang) -> String {
        match v {
            Value::List(items) => {
                let sep = if lang == Lang::Zh { "、" } else { ", " };
                items
                    .iter()
                    .map(|i| value(template, org, subject, i, lang))
                    .collect::<Vec<_>>()
                    .join(sep)
            }
            Value::Text(t) => match subject {
                Subject::Field(field) => match template.field(field).map(|f| &f.kind) {
                    Some(FieldKind::Select { options }) => options
                        .iter()
                        .find(|o| &o.value == t)
                        .map_or_else(|| t.clone(), |o| o.label.clone()),
                    _ => t.clone(),
                },
                Subject::RequesterDept => org
                    .department(t)
                    .map_or_else(|| t.clone(), |d| d.name.clone()),
                Subject::RequesterRole => org.role(t).map_or_else(|| t.clone(), |r| r.name.clone()),
                Subject::Requester => org.person(t).map_or_else(|| t.clone(), |p| p.name.clone()),
            },
            Value::Bool(b) => match (lang, b) {
                (Lang::Zh, true) => "是".into(),
                (Lang::Zh, false) => "否".into(),
                (Lang::En, true) => "yes".into(),
                (Lang::En, false) => "no".into(),
            },
            Value::Number(n) => format_number(*n),
        }
    }

    /// A number without a useless `.0` (5000, 5000.01). Formatted by serde_json, whose float
    /// writer is in the program anyway, rather than by `f64`'s `Display`, which would add
    /// its own.
    pub fn format_number(n: f64) -> String {
        if n.fract() == 0.0 && n.abs() < 1e15 {
            (n as i64).to_string()
        } else {
            serde_json::Number::from_f64(n).map_or_else(|| "NaN".to_string(), |x| x.to_string())
        }
    }

    fn subject(template: &Template, s: &Subject, lang: Lang) -> String {
        match s {
            Subject::Field(field) => template
                .field(field)
                .map_or_else(|| field.clone(), |f| f.label.clone()),
            Subject::RequesterDept => pick(lang, "申请人部门", "requester's department"),
            Subject::RequesterRole => pick(lang, "申请人角色", "requester's role"),
            Subject::Requester => pick(lang, "申请人", "requester"),
        }
    }

    fn op(o: Op, lang: Lang) -> String {
        match (o, lang) {
            (Op::In, Lang::Zh) => "属于".into(),
            (Op::NotIn, Lang::Zh) => "不属于".into(),
            (Op::Between, Lang::Zh) => "介于".into(),
            (Op::IsEmpty, Lang::Zh) => "为空".into(),
            (o, _) => o.symbol().into(),
        }
    }

    /// One comparison in words: `天数 > 3`, `Classification in Confidential, Top secret`.
    pub fn predicate(template: &Template, org: &Org, p: &Predicate, lang: Lang) -> String {
        let mut out = format!("{} {}", subject(template, &p.subject, lang), op(p.op, lang));
        if let Some(v) = &p.value {
            out.push(' ');
            out.push_str(&value(template, org, &p.subject, v, lang));
        }
        out
    }

    /// A whole condition: AND within a group, OR across groups.
    pub fn condition(template: &Template, org: &Org, c: &Condition, lang: Lang) -> String {
        let (and, or) = match lang {
            Lang::Zh => (" 且 ", " 或 "),
            Lang::En => (" and ", " or "),
        };
        let groups: Vec<String> = c
            .any_of
            .iter()
            .map(|g| {
                g.iter()
                    .map(|p| predicate(template, org, p, lang))
                    .collect::<Vec<_>>()
                    .join(and)
            })
            .collect();
        if groups.len() > 1 {
            groups
                .iter()
                .map(|g| format!("({g})"))
                .collect::<Vec<_>>()
                .join(or)
        } else {
            groups.join(or)
        }
    }

    /// Who approves, in words.
    pub fn approver(org: &Org, a: &ApproverSpec, lang: Lang) -> String {
        let role_name = |r: &str| {
            org.role(r)
                .map_or_else(|| r.to_string(), |x| x.name.clone())
        };
        match (a, lang) {
            (ApproverSpec::Supervisor { level: 1 }, _) => {
                pick(lang, "直属上级", "direct supervisor")
            }
            (ApproverSpec::Supervisor { level }, Lang::Zh) => format!("第 {level} 级上级"),
            (ApproverSpec::Supervisor { level }, Lang::En) => {
                format!("supervisor {level} levels up")
            }
            (ApproverSpec::SupervisorChain { levels, until_role }, _) => {
                let mut s = pick(lang, "逐级上级", "supervisor chain");
                if let Some(n) = levels {
                    s.push_str(&match lang {
                        Lang::Zh => format!("（{n} 级）"),
                        Lang::En => format!(" ({n} levels)"),
                    });
                }
                if let Some(r) = until_role {
                    s.push_str(&match lang {
                        Lang::Zh => format!("，直至{}", role_name(r)),
                        Lang::En => format!(" up to the {}", role_name(r)),
                    });
                }
                s
            }
            (ApproverSpec::Role { role, same_dept }, _) => {
                let mut s = match lang {
                    Lang::Zh => format!("角色：{}", role_name(role)),
                    Lang::En => format!("role: {}", role_name(role)),
                };
                if *same_dept {
                    s.push_str(&pick(lang, "（本部门）", " (requester's department)"));
                }
                s
            }
            (ApproverSpec::People { people }, _) => {
                let names: Vec<String> = people
                    .iter()
                    .map(|p| org.person(p).map_or_else(|| p.clone(), |x| x.name.clone()))
                    .collect();
                names.join(if lang == Lang::Zh { "、" } else { ", " })
            }
            (ApproverSpec::DeptHead { dept: None }, _) => pick(
                lang,
                "申请人的部门负责人",
                "head of the requester's department",
            ),
            (ApproverSpec::DeptHead { dept: Some(d) }, _) => {
                let name = org
                    .department(d)
                    .map_or_else(|| d.clone(), |x| x.name.clone());
                match lang {
                    Lang::Zh => format!("{name}负责人"),
                    Lang::En => format!("head of {name}"),
                }
            }
            (ApproverSpec::ChosenByRequester, _) => {
                pick(lang, "申请人自选", "chosen by the requester")
            }
        }
    }

    /// The step mode in words.
    pub fn mode(m: StepMode, lang: Lang) -> String {
        match m {
            StepMode::Single => pick(lang, "单人审批", "single approver"),
            StepMode::Any => pick(lang, "或签（一人同意即可）", "any one (或签)"),
            StepMode::All => pick(lang, "会签（须全部同意）", "all must approve (会签)"),
        }
    }

    /// When a CC recipient is told, in words.
    pub fn cc_timing(t: CcTiming, lang: Lang) -> String {
        match t {
            CcTiming::OnSubmit => pick(lang, "提交时", "on submission"),
            CcTiming::OnApproved => pick(lang, "审批通过后", "when approved"),
            CcTiming::OnFinished => pick(lang, "流程结束后", "when finished"),
        }
    }

    /// A field's type and bounds in words.
    pub fn field_kind(k: &FieldKind, lang: Lang) -> String {
        let bound = |min: &Option<f64>, max: &Option<f64>, excl: bool| -> String {
            let mut parts = Vec::new();
            if let Some(m) = min {
                parts.push(format!(
                    "{} {}",
                    if excl { ">" } else { "≥" },
                    format_number(*m)
                ));
            }
            if let Some(m) = max {
                parts.push(format!("≤ {}", format_number(*m)));
            }
            parts.join(", ")
        };
        match k {
            FieldKind::Number {
                min,
                max,
                min_exclusive,
                step,
            } => {
                let mut s = pick(lang, "数字", "number");
                let b = bound(min, max, *min_exclusive);
                if !b.is_empty() {
                    s.push_str(&format!(" ({b})"));
                }
                if let Some(st) = step {
                    s.push_str(&match lang {
                        Lang::Zh => format!("，步长 {}", format_number(*st)),
                        Lang::En => format!(", in steps of {}", format_number(*st)),
                    });
                }
                s
            }
            FieldKind::Money {
                min,
                max,
                min_exclusive,
            } => {
                let mut s = pick(lang, "金额（元）", "money (CNY)");
                let b = bound(min, max, *min_exclusive);
                if !b.is_empty() {
                    s.push_str(&format!(" ({b})"));
                }
                s
            }
            FieldKind::Select { options } => {
                let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
                format!("{}: {}", pick(lang, "选项", "choice"), labels.join(" / "))
            }
            FieldKind::Text { max_len } => match (max_len, lang) {
                (Some(n), Lang::Zh) => format!("文本（至多 {n} 字）"),
                (Some(n), Lang::En) => format!("text (up to {n} characters)"),
                (None, _) => pick(lang, "文本", "text"),
            },
            FieldKind::Date => pick(lang, "日期", "date"),
            FieldKind::YesNo => pick(lang, "是/否", "yes/no"),
            FieldKind::Attachment => pick(lang, "附件", "attachment"),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Bool(b) => s.serialize_bool(*b),
            // Whole numbers as integers (`3`, not `3.0`): files stay as people would write them.
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => s.serialize_i64(*n as i64),
            Value::Number(n) => s.serialize_f64(*n),
            Value::Text(t) => s.serialize_str(t),
            Value::List(items) => items.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a boolean, number, string or list")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
                Ok(Value::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
                Ok(Value::Number(n as f64))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
                Ok(Value::Number(n as f64))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
                Ok(Value::Number(n))
            }
            fn visit_str<E>(self, s: &str) -> Result<Value, E> {
                Ok(Value::Text(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Value, E> {
                Ok(Value::Text(s))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Value::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::describe::format_number;
    use super::Value;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(5000.0), "5000");
        assert_eq!(format_number(5000.01), "5000.01");
        assert_eq!(format_number(3.5), "3.5");
        assert_eq!(format_number(-2.0), "-2");
        assert_eq!(
            Value::List(vec![
                Value::Text("a".into()),
                Value::Number(0.5),
                Value::Bool(true)
            ])
            .to_string(),
            "[a, 0.5, true]"
        );
    }

    #[test]
    fn values_keep_their_json_shape() {
        let v: Value = serde_json::from_str(r#"[1, "x", false, [2.5]]"#).expect("value");
        assert_eq!(
            serde_json::to_string(&v).expect("json"),
            r#"[1,"x",false,[2.5]]"#
        );
        assert!(
            serde_json::from_str::<Value>("{}").is_err(),
            "objects are not values"
        );
    }
}
