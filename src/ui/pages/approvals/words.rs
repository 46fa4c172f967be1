//! The routing engine's codes in words, in both languages: simulator errors, trace
//! entries, fixture differences and lint findings. Core keeps stable codes and parameters
//! (its English words are the command-line tool's); only the interface words them here, with
//! people, fields, steps and branches by name.

use std::collections::BTreeMap;

use crate::core::lint::Finding;
use crate::core::org::Org;
use crate::core::routing::{
    describe, walk_flow, ApproverSpec, Branch, CcTiming, Condition, ExpectedRoute, FlowNode, Step,
    Subject, Template,
};
use crate::core::simulate::{SimError, TraceEntry};
use crate::core::Lang;

/// Looks up names for ids in one template and org, in one language.
pub struct Namer<'a> {
    pub org: &'a Org,
    pub template: Option<&'a Template>,
    pub lang: Lang,
}

impl<'a> Namer<'a> {
    fn zh(&self) -> bool {
        self.lang == Lang::Zh
    }

    /// `zh` or `en`, by the language.
    fn pick(&self, zh: String, en: String) -> String {
        if self.zh() {
            zh
        } else {
            en
        }
    }

    /// `text（note）` in Chinese, `text (note)` in English.
    pub fn aside(&self, text: &str, note: &str) -> String {
        if self.zh() {
            format!("{text}（{note}）")
        } else {
            format!("{text} ({note})")
        }
    }

    pub fn person(&self, id: &str) -> String {
        self.org
            .person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    /// Several people by name, joined for the language.
    pub fn people<S: AsRef<str>>(&self, ids: &[S]) -> String {
        if ids.is_empty() {
            return self.pick("无人".into(), "nobody".into());
        }
        let names: Vec<String> = ids.iter().map(|i| self.person(i.as_ref())).collect();
        names.join(if self.zh() { "、" } else { ", " })
    }

    /// People given as a `", "`-joined parameter.
    fn people_param(&self, joined: &str) -> String {
        let ids: Vec<&str> = joined.split(", ").filter(|s| !s.is_empty()).collect();
        self.people(&ids)
    }

    fn dept(&self, id: &str) -> String {
        self.org
            .department(id)
            .map_or_else(|| id.to_string(), |d| d.name.clone())
    }

    fn role(&self, id: &str) -> String {
        self.org
            .role(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }

    pub fn field(&self, id: &str) -> String {
        self.template
            .and_then(|t| t.field(id))
            .map_or_else(|| id.to_string(), |f| f.label.clone())
    }

    pub fn step_def(&self, id: &str) -> Option<&'a Step> {
        let mut found = None;
        if let Some(t) = self.template {
            walk_flow(&t.flow, &mut |n| match n {
                FlowNode::Step(s) if s.id == id && found.is_none() => found = Some(s),
                _ => {}
            });
        }
        found
    }

    pub fn step(&self, id: &str) -> String {
        self.step_def(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    pub fn branch_def(&self, id: &str) -> Option<&'a Branch> {
        let mut found = None;
        if let Some(t) = self.template {
            walk_flow(&t.flow, &mut |n| {
                if let FlowNode::Branch(b) = n {
                    if found.is_none() {
                        found = b.branches.iter().find(|br| br.id == id);
                    }
                }
            });
        }
        found
    }

    fn branch(&self, id: &str) -> String {
        self.branch_def(id)
            .map_or_else(|| id.to_string(), |b| b.name.clone())
    }

    pub fn when(&self, t: CcTiming) -> String {
        describe::cc_timing(t, self.lang)
    }

    fn when_code(&self, code: &str) -> String {
        let t = match code {
            "on_submit" => CcTiming::OnSubmit,
            "on_finished" => CcTiming::OnFinished,
            _ => CcTiming::OnApproved,
        };
        self.when(t)
    }

    /// Why someone was skipped.
    pub fn skip_reason(&self, reason: &str) -> String {
        let (zh, en) = match reason {
            "self" => ("申请人本人", "the requester"),
            "duplicate" => ("上一步已审批", "approved the step before"),
            "left" => ("已离职", "has left"),
            other => (other, other),
        };
        self.pick(zh.into(), en.into())
    }

    /// Why a step went to the empty-step role.
    pub fn redirect_reason(&self, reason: &str) -> String {
        if reason == "left" {
            self.pick("审批人均已离职".into(), "everyone it names has left".into())
        } else {
            self.pick("无人可审批".into(), "it resolves to nobody".into())
        }
    }

    /// A simulator error, with fields and people by name.
    pub fn sim_error(&self, e: &SimError) -> String {
        let p = |k| e.param(k);
        let f = self.field(p("field"));
        let v = p("value");
        let zh = self.zh();
        match e.code {
            "unknown_template" if zh => format!("没有审批模板“{}”", p("template")),
            "unknown_template" => format!("There is no approval template “{}”", p("template")),
            "unknown_requester" if zh => format!("组织架构中没有人员“{}”", p("requester")),
            "unknown_requester" => {
                format!("There is no person “{}” in the org chart", p("requester"))
            }
            "requester_left" if zh => format!("申请被拒绝：{} 已离职，不能提交申请", p("name")),
            "requester_left" => {
                format!("The request is refused: {} has left the company", p("name"))
            }
            "unknown_field" if zh => format!("模板没有字段“{}”", p("field")),
            "unknown_field" => format!("The template has no field “{}”", p("field")),
            "duplicate_field" if zh => format!("字段“{f}”填写了不止一次"),
            "duplicate_field" => format!("Field “{f}” is given more than once"),
            "missing_field" if zh => format!("“{f}”为必填项"),
            "missing_field" => format!("“{f}” is required"),
            "not_a_number" if zh => format!("“{f}”：“{v}”不是数字"),
            "not_a_number" => format!("“{f}”: “{v}” is not a number"),
            "not_money" if zh => format!("“{f}”：“{v}”不是金额（数字，最多两位小数）"),
            "not_money" => format!("“{f}”: “{v}” is not an amount (digits, at most two decimals)"),
            "too_small" if zh => format!("“{f}”：{v} 须 {}", p("min")),
            "too_small" => format!("“{f}”: {v} must be {}", p("min")),
            "too_large" if zh => format!("“{f}”：{v} 须 ≤ {}", p("max")),
            "too_large" => format!("“{f}”: {v} must be ≤ {}", p("max")),
            "bad_step" if zh => format!("“{f}”：{v} 不是 {} 的整数倍", p("step")),
            "bad_step" => format!("“{f}”: {v} is not a multiple of {}", p("step")),
            "not_an_option" if zh => format!("“{f}”：“{v}”不是可选项"),
            "not_an_option" => format!("“{f}”: “{v}” is not one of the options"),
            "too_long" if zh => format!("“{f}”超过 {} 个字", p("max_len")),
            "too_long" => format!("“{f}” is longer than {} characters", p("max_len")),
            "not_a_date" if zh => format!("“{f}”：“{v}”不是有效日期（YYYY-MM-DD）"),
            "not_a_date" => format!("“{f}”: “{v}” is not a real date (YYYY-MM-DD)"),
            "not_yes_no" if zh => format!("“{f}”：“{v}”不是“是”或“否”"),
            "not_yes_no" => format!("“{f}”: “{v}” is not yes or no"),
            "unsupported_value" if zh => format!("“{f}”：列表不能作为表单值"),
            "unsupported_value" => format!("“{f}”: a list is not a form value"),
            "unknown_pick_step" if zh => {
                format!("“{}”不是由申请人自选审批人的步骤", self.step(p("step")))
            }
            "unknown_pick_step" => format!(
                "“{}” is not a step whose approver the requester chooses",
                self.step(p("step"))
            ),
            "unknown_person" if zh => format!(
                "步骤“{}”：组织架构中没有人员“{}”",
                self.step(p("step")),
                p("person")
            ),
            "unknown_person" => format!(
                "Step “{}”: there is no person “{}” in the org chart",
                self.step(p("step")),
                p("person")
            ),
            "duplicate_pick" if zh => {
                format!("步骤“{}”的审批人选择了不止一次", self.step(p("step")))
            }
            "duplicate_pick" => format!("Step “{}” is picked more than once", self.step(p("step"))),
            "missing_pick" if zh => format!("步骤“{}”须由申请人选择审批人", self.step(p("step"))),
            "missing_pick" => format!(
                "Step “{}”: the requester must choose its approver",
                self.step(p("step"))
            ),
            "empty_step" => {
                let step = self.step(p("step"));
                let why = self.redirect_reason(p("reason"));
                match (zh, p("role").is_empty()) {
                    (true, true) => format!("步骤“{step}”{why}，且路由规则未指定接手的角色"),
                    (true, false) => format!(
                        "步骤“{step}”{why}，且没有在职人员担任接手角色“{}”",
                        self.role(p("role"))
                    ),
                    (false, true) => format!(
                        "Step “{step}”: {why}, and the routing policies name no role to take it"
                    ),
                    (false, false) => format!(
                        "Step “{step}”: {why}, and nobody active holds the role “{}” to take it",
                        self.role(p("role"))
                    ),
                }
            }
            _ => e.message(),
        }
    }

    /// The actual values a condition looks at, each subject once: `天数 = 5`,
    /// `申请人部门 = 研发一组`. `values` are the request's field values as traced.
    pub fn actual_values(
        &self,
        when: &Condition,
        values: &BTreeMap<String, String>,
        requester: &str,
    ) -> String {
        let person = self.org.person(requester);
        let mut seen: Vec<String> = Vec::new();
        for p in when.any_of.iter().flatten() {
            let s = match &p.subject {
                Subject::Field(f) => format!(
                    "{} = {}",
                    self.field(f),
                    values.get(f).map_or_else(
                        || self.pick("（未填）".into(), "(empty)".into()),
                        |v| self.field_value(f, v)
                    )
                ),
                Subject::RequesterDept => format!(
                    "{} = {}",
                    self.pick("申请人部门".into(), "requester's department".into()),
                    person.map_or_else(String::new, |x| self.dept(&x.dept))
                ),
                Subject::RequesterRole => {
                    let roles: Vec<String> = person
                        .map(|x| x.roles.iter().map(|r| self.role(r)).collect())
                        .unwrap_or_default();
                    let roles = if roles.is_empty() {
                        self.pick("无".into(), "none".into())
                    } else {
                        roles.join(if self.zh() { "、" } else { ", " })
                    };
                    format!(
                        "{} = {roles}",
                        self.pick("申请人角色".into(), "requester's roles".into())
                    )
                }
                Subject::Requester => format!(
                    "{} = {}",
                    self.pick("申请人".into(), "requester".into()),
                    self.person(requester)
                ),
            };
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen.join(if self.zh() { "；" } else { "; " })
    }

    /// One decision of the simulator. `approver` is the rule the entry resolved, when the
    /// caller knows it (the trace lists a step's rules in order); `values` and `requester`
    /// give the actual values branch conditions are shown with.
    pub fn trace(
        &self,
        t: &TraceEntry,
        approver: Option<&ApproverSpec>,
        values: &BTreeMap<String, String>,
        requester: &str,
    ) -> String {
        let p = |k| t.param(k);
        let zh = self.zh();
        match t.code {
            "requester" => {
                let top = p("top_dept");
                if zh {
                    format!(
                        "申请人 {}，部门：{}，一级部门：{}",
                        p("name"),
                        self.dept(p("dept")),
                        self.dept(top)
                    )
                } else {
                    format!(
                        "Requester {}, department {}, top-level department {}",
                        p("name"),
                        self.dept(p("dept")),
                        self.dept(top)
                    )
                }
            }
            "policies" => match (zh, p("source")) {
                (true, "template") => "路由规则：本模板的专用规则".into(),
                (true, _) => "路由规则：工作区通用规则".into(),
                (false, "template") => "Routing policies: this template's own".into(),
                (false, _) => "Routing policies: the workspace's".into(),
            },
            "field" => format!(
                "{} = {}",
                self.field(p("field")),
                self.field_value(p("field"), p("value"))
            ),
            "branch" => {
                let (condition, actual) = match self.branch_def(p("branch")).zip(self.template) {
                    Some((b, t)) => (
                        describe::condition(t, self.org, &b.when, self.lang),
                        self.actual_values(&b.when, values, requester),
                    ),
                    None => (p("condition").to_string(), p("actual").to_string()),
                };
                let held = p("held") == "true";
                if zh {
                    format!(
                        "分支“{}”：{condition}（实际：{actual}）—— {}",
                        self.branch(p("branch")),
                        if held { "成立" } else { "不成立" }
                    )
                } else {
                    format!(
                        "Branch “{}”: {condition} (actual: {actual}) — {}",
                        self.branch(p("branch")),
                        if held { "holds" } else { "does not hold" }
                    )
                }
            }
            "branch_taken" if zh => format!("走分支“{}”", self.branch(p("branch"))),
            "branch_taken" => format!("Branch “{}” taken", self.branch(p("branch"))),
            "default_taken" => match (zh, p("empty") == "true") {
                (true, true) => "没有分支成立：其他情况，不增加步骤".into(),
                (true, false) => "没有分支成立：走其他情况".into(),
                (false, true) => "No branch holds: otherwise, no extra step".into(),
                (false, false) => "No branch holds: the otherwise branch is taken".into(),
            },
            "step" => {
                let mode = describe::mode(mode_of(p("mode")), self.lang);
                if zh {
                    format!("步骤“{}”（{mode}）", p("name"))
                } else {
                    format!("Step “{}” ({mode})", p("name"))
                }
            }
            "resolved" => {
                let rule = approver.map_or_else(
                    || p("approver").to_string(),
                    |a| describe::approver(self.org, a, self.lang),
                );
                let people = self.people_param(p("people"));
                format!("{rule} → {people}")
            }
            "skip_left" if zh => format!("{} 已离职，跳过", self.person(p("person"))),
            "skip_left" => format!("{} has left; skipped", self.person(p("person"))),
            "skip_self" if zh => format!(
                "{} 是申请人本人，不审批自己的申请，跳过",
                self.person(p("person"))
            ),
            "skip_self" => format!(
                "{} is the requester and never approves their own request; skipped",
                self.person(p("person"))
            ),
            "skip_duplicate" if zh => format!(
                "{} 已在紧邻的上一步“{}”审批，跳过",
                self.person(p("person")),
                self.step(p("previous"))
            ),
            "skip_duplicate" => format!(
                "{} already approves in the step right before (“{}”); skipped",
                self.person(p("person")),
                self.step(p("previous"))
            ),
            "step_dropped" if zh => {
                format!("步骤“{}”的审批人均被跳过，删除该步骤", self.step(p("step")))
            }
            "step_dropped" => format!(
                "Everyone in step “{}” was skipped; the step is dropped",
                self.step(p("step"))
            ),
            "redirect" => {
                let why = self.redirect_reason(p("reason"));
                let who = self.people_param(p("people"));
                if zh {
                    format!("{why}，转交角色“{}”：{who}", self.role(p("role")))
                } else {
                    format!(
                        "{why}, so it goes to the role “{}”: {who}",
                        self.role(p("role"))
                    )
                }
            }
            "cc" if zh => format!(
                "抄送 {}（{}）",
                self.person(p("person")),
                self.when_code(p("when"))
            ),
            "cc" => format!(
                "CC {} ({})",
                self.person(p("person")),
                self.when_code(p("when"))
            ),
            "cc_skip_self" if zh => format!("{} 是申请人本人，不抄送", self.person(p("person"))),
            "cc_skip_self" => format!(
                "{} is the requester and is not copied",
                self.person(p("person"))
            ),
            "cc_skip_left" if zh => format!("{} 已离职，不抄送", self.person(p("person"))),
            "cc_skip_left" => format!("{} has left and is not copied", self.person(p("person"))),
            _ => t.message(),
        }
    }

    /// A field value as the form shows it: a select option by its label, yes/no in words.
    pub fn field_value(&self, field: &str, value: &str) -> String {
        use crate::core::routing::FieldKind;
        match self.template.and_then(|t| t.field(field)).map(|f| &f.kind) {
            Some(FieldKind::Select { options }) => options
                .iter()
                .find(|o| o.value == value)
                .map_or_else(|| value.to_string(), |o| o.label.clone()),
            Some(FieldKind::YesNo) => match (self.zh(), value) {
                (true, "true") => "是".into(),
                (true, _) => "否".into(),
                (false, "true") => "yes".into(),
                (false, _) => "no".into(),
            },
            _ => value.to_string(),
        }
    }

    /// What differs between an expected and an actual route, one line each, by name.
    pub fn route_diff(
        &self,
        expected: &ExpectedRoute,
        actual: Option<&ExpectedRoute>,
        error: Option<&SimError>,
    ) -> Vec<String> {
        let zh = self.zh();
        let Some(actual) = actual else {
            let e = error.map(|e| self.sim_error(e)).unwrap_or_default();
            return vec![if zh {
                format!("预期得到路线，实际出错：{e}")
            } else {
                format!("Expected a route, got an error: {e}")
            }];
        };
        match (expected.refused, actual.refused) {
            (true, false) => {
                return vec![self.pick(
                    "预期拒绝受理，实际得到了路线".into(),
                    "Expected the request to be refused, but it was routed".into(),
                )]
            }
            (false, true) => {
                return vec![self.pick(
                    "预期得到路线，实际被拒绝受理".into(),
                    "Expected a route, but the request was refused".into(),
                )]
            }
            (true, true) => return Vec::new(),
            (false, false) => {}
        }
        let mut out = Vec::new();
        if expected.steps.len() != actual.steps.len() {
            out.push(if zh {
                format!(
                    "预期 {} 步，实际 {} 步",
                    expected.steps.len(),
                    actual.steps.len()
                )
            } else {
                format!(
                    "Expected {} step(s), got {}",
                    expected.steps.len(),
                    actual.steps.len()
                )
            });
        }
        let none = self.pick("（无此步）".into(), "(no step)".into());
        for i in 0..expected.steps.len().max(actual.steps.len()) {
            let (e, a) = (expected.steps.get(i), actual.steps.get(i));
            if e != a {
                let e = e.map_or_else(|| none.clone(), |s| self.people(s));
                let a = a.map_or_else(|| none.clone(), |s| self.people(s));
                out.push(if zh {
                    format!("第 {} 步：预期 {e}，实际 {a}", i + 1)
                } else {
                    format!("Step {}: expected {e}, got {a}", i + 1)
                });
            }
        }
        if expected.cc != actual.cc {
            let (e, a) = (self.people(&expected.cc), self.people(&actual.cc));
            out.push(if zh {
                format!("抄送：预期 {e}，实际 {a}")
            } else {
                format!("CC: expected {e}, got {a}")
            });
        }
        out
    }

    /// A lint finding, with fields, branches, steps and people by name.
    pub fn finding(&self, f: &Finding) -> String {
        let p = |k| f.param(k);
        let zh = self.zh();
        let field = match p("field") {
            "requester_dept" => self.pick("申请人部门".into(), "requester's department".into()),
            "requester_role" => self.pick("申请人角色".into(), "requester's role".into()),
            "requester" => self.pick("申请人".into(), "requester".into()),
            id => self.field(id),
        };
        let kind = describe_kind(p("kind"), self.lang);
        let (op, value, range) = (p("op"), p("value"), p("range"));
        let branches = |ids: &str| {
            ids.split(',')
                .map(|b| format!("“{}”", self.branch(b.trim())))
                .collect::<Vec<_>>()
                .join(if zh { "、" } else { ", " })
        };
        match f.code {
            "unknown_field" if zh => format!("条件引用了模板中不存在的字段“{}”", p("field")),
            "unknown_field" => format!("A condition looks at “{}”, a field the template does not have", p("field")),
            "wrong_operator" if p("kind") == "requester_attribute" && zh => {
                format!("“{op}”不适用于{field}：申请人条件只能用 =、≠、属于、不属于、为空")
            }
            "wrong_operator" if p("kind") == "requester_attribute" => format!(
                "“{op}” does not apply to the {field}: requester conditions take =, ≠, in, not in or is empty"
            ),
            "wrong_operator" if zh => format!("“{op}”不适用于{kind}字段“{field}”"),
            "wrong_operator" => format!("“{op}” does not apply to “{field}”, a {kind} field"),
            "wrong_value" if zh => format!("“{field} {op} {value}”：值的类型与{kind}字段不符"),
            "wrong_value" => format!("“{field} {op} {value}” compares a {kind} field with a value of the wrong type"),
            "not_an_option" if zh => format!("“{value}”不是“{field}”的选项（可选：{}）", p("options")),
            "not_an_option" => format!("“{value}” is not an option of “{field}” (options: {})", p("options")),
            "unknown_reference" => {
                let subject = match p("subject") {
                    "requester_dept" => self.pick("部门".into(), "department".into()),
                    "requester_role" => self.pick("角色".into(), "role".into()),
                    _ => self.pick("人员".into(), "person".into()),
                };
                if zh {
                    format!("条件引用的{subject}“{value}”在组织架构中不存在")
                } else {
                    format!("The condition names the {subject} “{value}”, which the org chart does not have")
                }
            }
            "shadowed_branch" if zh => format!(
                "分支“{}”永远不会被走到：前面的分支 {} 总会先接走它的申请",
                self.branch(p("branch")),
                branches(p("by"))
            ),
            "shadowed_branch" => format!(
                "Branch “{}” can never be taken: earlier branch(es) {} always take its requests first",
                self.branch(p("branch")),
                branches(p("by"))
            ),
            "uncovered_range" if zh => format!(
                "“{field}”在 {range} 时没有分支覆盖：这类申请走空的“其他情况”，不增加任何审批步骤"
            ),
            "uncovered_range" => format!(
                "No branch covers “{field}” in {range}: such requests take the empty otherwise branch and get no extra steps"
            ),
            "overlapping_branches" if zh => format!(
                "分支“{}”与“{}”在“{field}” {range} 时重叠，前者优先",
                self.branch(p("other")),
                self.branch(p("branch"))
            ),
            "overlapping_branches" => format!(
                "Branches “{}” and “{}” both cover “{field}” in {range}; “{}” wins",
                self.branch(p("other")),
                self.branch(p("branch")),
                self.branch(p("other"))
            ),
            "unresolved_step" if zh => format!(
                "对“{}”的申请（如 {}），步骤“{}”找不到在职审批人，将转交接手角色",
                self.dept(p("department")),
                self.person(p("requester")),
                self.step(p("step"))
            ),
            "unresolved_step" => format!(
                "For a request from {} (e.g. {}), step “{}” resolves to no active approver; it goes to the empty-step role",
                self.dept(p("department")),
                self.person(p("requester")),
                self.step(p("step"))
            ),
            "unused_field" if zh => format!("没有任何条件用到字段“{field}”"),
            "unused_field" => format!("No condition looks at the field “{field}”"),
            _ => f.message(),
        }
    }
}

fn mode_of(code: &str) -> crate::core::routing::StepMode {
    use crate::core::routing::StepMode;
    match code {
        "any" => StepMode::Any,
        "all" => StepMode::All,
        _ => StepMode::Single,
    }
}

/// A field type's name, as the lint reports it (`number`, `money`, `select`…).
fn describe_kind(kind: &str, lang: Lang) -> String {
    let (zh, en) = match kind {
        "number" => ("数字", "number"),
        "money" => ("金额", "money"),
        "select" => ("选项", "select"),
        "text" => ("文本", "text"),
        "date" => ("日期", "date"),
        "yes_no" => ("是/否", "yes/no"),
        "attachment" => ("附件", "attachment"),
        other => (other, other),
    };
    if lang == Lang::Zh { zh } else { en }.to_string()
}
