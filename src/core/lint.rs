//! Static checks of the approval templates (issue 4, item 3): mistakes that show up only for
//! some requests, found without simulating every request.
//!
//! Every finding has a stable `code` and `params` so the UI can translate it; `message()`
//! gives the English words. Paths are JSON paths into the bundle, e.g.
//! `$.approvals.templates[1].flow[1].branch.branches[0].when.any_of[0][1]`.
//!
//! | code | severity | params | rule |
//! |---|---|---|---|
//! | `unknown_field` | error | `field` | a condition looks at a field the template does not have |
//! | `wrong_operator` | error | `field`, `kind`, `op` | the operator does not apply to the field's type (`>` on a select, text or yes/no field); for requester conditions `field` is `requester_dept`, `requester_role` or `requester` and `kind` is `requester_attribute` |
//! | `wrong_value` | error | `field`, `kind`, `op`, `value` | the value has the wrong type for the field and operator (text compared with a number, `between` without two ordered numbers) |
//! | `not_an_option` | error | `field`, `value`, `options` | a select field compared with a value that is not one of its options |
//! | `unknown_reference` | error | `subject` (`requester_dept`, `requester_role`, `requester`), `value` | a requester condition names a department, role or person the org does not have |
//! | `shadowed_branch` | warning | `branch`, `by` (earlier branch ids, comma-separated) | an earlier branch always takes every request this branch would take |
//! | `uncovered_range` | warning | `field`, `range` | a block whose default is empty: values of the field in `range` take no branch, so they get no extra steps |
//! | `overlapping_branches` | warning | `field`, `branch`, `other`, `range` | two branches of equal specificity (each one range on the same field) both cover `range`; the earlier wins |
//! | `unresolved_step` | warning | `step`, `department`, `requester` | for a representative requester of the department, the step resolves to no active approver, so it goes to the empty-step role |
//! | `unused_field` | warning | `field` | a number, money, select, date or yes/no field that no condition looks at |
//!
//! A block's `default` cannot say "no default" apart from "a default with no steps": the
//! uncovered check examines every block whose default is empty, and reports the values
//! that take no branch there. Gaps that hold no valid value (days in half days between
//! 2.6 and 2.9) are not reported.
//!
//! Soundness: shadowing is claimed only when it is proved, for identical conditions and for
//! numeric ranges on one field (each group of the later branch lies inside a group of an
//! earlier one, predicate by predicate). A range is reported uncovered only when every
//! group of every branch constrains the field to a range, so the values reported really
//! take no branch whatever else the request says. Overlap is reported only between two
//! branches that are each exactly one range on the same field: "amount > 50000" then
//! "amount > 5000" is the normal priority pattern and is *not* reported when one range
//! contains the other; partial overlap of two ranges is.
//!
//! Unresolved steps: for each department, the representative requester is its first active
//! person who is not its head (or its first active person). Each step is resolved with the
//! simulator's own resolution (`simulate::resolve_approvers`). Steps with an approver chosen
//! by the requester are not checked (the requester supplies that person). Steps under a
//! branch whose every group requires the requester's department are checked only for the
//! departments that can reach them.

use std::collections::HashMap;

use super::bundle::Bundle;
use super::org::{Org, OrgIndex, Person, Status};
use super::routing::{
    describe, ApproverSpec, BranchBlock, Condition, FieldKind, FlowNode, Op, Predicate,
    RoutingPolicies, Subject, Template, Value,
};
use super::simulate::resolve_approvers;

pub use crate::core::report::Severity;

/// One problem found in a template.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The template's id.
    pub template: String,
    /// Where, as a JSON path into the bundle.
    pub path: String,
    pub severity: Severity,
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

/// Every code `lint` can report, for the UI's translation table and the tests.
pub const CODES: &[&str] = &[
    "unknown_field",
    "wrong_operator",
    "wrong_value",
    "not_an_option",
    "unknown_reference",
    "shadowed_branch",
    "uncovered_range",
    "overlapping_branches",
    "unresolved_step",
    "unused_field",
];

impl Finding {
    pub fn param(&self, key: &str) -> &str {
        crate::core::report::param(&self.params, key)
    }

    /// The finding in English.
    pub fn message(&self) -> String {
        let p = |k: &str| self.param(k);
        let (field, op, value, kind) = (p("field"), p("op"), p("value"), p("kind"));
        let (branch, range, step) = (p("branch"), p("range"), p("step"));
        match self.code {
            "unknown_field" => {
                format!("the condition looks at field `{field}`, which the template does not have")
            }
            "wrong_operator" if kind == "requester_attribute" => format!(
                "`{op}` does not apply to `{field}`: requester conditions take =, ≠, in, \
                 not in or is empty"
            ),
            "wrong_operator" => format!("`{op}` does not apply to `{field}`, a {kind} field"),
            "wrong_value" => format!(
                "`{field} {op} {value}` compares a {kind} field with a value of the wrong type"
            ),
            "not_an_option" => format!(
                "`{value}` is not an option of `{field}` (options: {})",
                p("options")
            ),
            "unknown_reference" => format!(
                "the condition on `{}` names `{value}`, which the org chart does not have",
                p("subject")
            ),
            "shadowed_branch" => format!(
                "branch `{branch}` can never be taken: earlier branch(es) {} always take its \
                 requests first",
                p("by")
            ),
            "uncovered_range" => format!(
                "no branch covers `{field}` in {range}: such requests take the block's empty \
                 default and get no extra steps"
            ),
            "overlapping_branches" => {
                let other = p("other");
                format!(
                    "branches `{other}` and `{branch}` both cover `{field}` in {range}; \
                     `{other}` wins"
                )
            }
            "unresolved_step" => format!(
                "step `{step}` resolves to no active approver for a request from `{}` in \
                 department `{}`; it goes to the empty-step role",
                p("requester"),
                p("department")
            ),
            "unused_field" => format!("no condition looks at field `{field}`"),
            other => other.to_string(),
        }
    }
}

/// Checks every template of the bundle. Findings come in template order; within a template
/// in flow order (for a block: its conditions, shadowed and overlapping branches, uncovered
/// ranges, then the branches' contents and the default), then unused fields.
pub fn lint(bundle: &Bundle) -> Vec<Finding> {
    let mut out = Vec::new();
    let representatives = representatives(&bundle.org);
    let ix = OrgIndex::new(&bundle.org);
    for (t, template) in bundle.approvals.templates.iter().enumerate() {
        let policies = template
            .policies
            .as_ref()
            .unwrap_or(&bundle.approvals.policies);
        let mut l = Lint {
            org: &bundle.org,
            template,
            policies,
            representatives: &representatives,
            ix: &ix,
            out: &mut out,
        };
        let base = format!("$.approvals.templates[{t}]");
        let all: Vec<&str> = bundle
            .org
            .departments
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        l.flow(&template.flow, &format!("{base}.flow"), &all, 0);
        l.unused_fields(&base);
    }
    out
}

/// A range of numbers; infinite ends are never included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub lo_incl: bool,
    pub hi: f64,
    pub hi_incl: bool,
}

impl Interval {
    pub const ALL: Interval = Interval {
        lo: f64::NEG_INFINITY,
        lo_incl: false,
        hi: f64::INFINITY,
        hi_incl: false,
    };

    pub fn is_empty(&self) -> bool {
        self.lo > self.hi || (self.lo == self.hi && !(self.lo_incl && self.hi_incl))
    }

    pub fn contains(&self, x: f64) -> bool {
        (self.lo < x || (self.lo == x && self.lo_incl))
            && (x < self.hi || (x == self.hi && self.hi_incl))
    }

    fn intersect(&self, o: &Interval) -> Interval {
        let (lo, lo_incl) = if self.lo > o.lo {
            (self.lo, self.lo_incl)
        } else if o.lo > self.lo {
            (o.lo, o.lo_incl)
        } else {
            (self.lo, self.lo_incl && o.lo_incl)
        };
        let (hi, hi_incl) = if self.hi < o.hi {
            (self.hi, self.hi_incl)
        } else if o.hi < self.hi {
            (o.hi, o.hi_incl)
        } else {
            (self.hi, self.hi_incl && o.hi_incl)
        };
        Interval {
            lo,
            lo_incl,
            hi,
            hi_incl,
        }
    }

    /// Whether every number of `inner` is in `self`.
    fn contains_interval(&self, inner: &Interval) -> bool {
        inner.is_empty() || inner.intersect(self) == *inner
    }

    /// `self` without `c`: up to two pieces.
    fn minus(&self, c: &Interval) -> Vec<Interval> {
        if self.intersect(c).is_empty() {
            return vec![*self];
        }
        let left = Interval {
            hi: c.lo,
            hi_incl: !c.lo_incl && c.lo.is_finite(),
            ..*self
        };
        let right = Interval {
            lo: c.hi,
            lo_incl: !c.hi_incl && c.hi.is_finite(),
            ..*self
        };
        [left, right]
            .into_iter()
            .filter(|i| !i.is_empty())
            .collect()
    }
}

impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lo = if self.lo.is_finite() {
            describe::format_number(self.lo)
        } else {
            "-∞".to_string()
        };
        let hi = if self.hi.is_finite() {
            describe::format_number(self.hi)
        } else {
            "∞".to_string()
        };
        let open = if self.lo_incl { '[' } else { '(' };
        let close = if self.hi_incl { ']' } else { ')' };
        write!(f, "{open}{lo}, {hi}{close}")
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) if n.is_finite() => Some(*n),
        _ => None,
    }
}

/// The numbers a predicate accepts, when it is a range over a number or money field.
fn predicate_interval<'p>(template: &Template, p: &'p Predicate) -> Option<(&'p str, Interval)> {
    let Subject::Field(f) = &p.subject else {
        return None;
    };
    if !matches!(
        template.field(f).map(|f| &f.kind),
        Some(FieldKind::Number { .. } | FieldKind::Money { .. })
    ) {
        return None;
    }
    let all = Interval::ALL;
    let iv = match (p.op, p.value.as_ref()) {
        (Op::Gt | Op::Ge | Op::Lt | Op::Le | Op::Eq, Some(v)) => {
            let n = number(v)?;
            match p.op {
                Op::Gt => Interval {
                    lo: n,
                    lo_incl: false,
                    ..all
                },
                Op::Ge => Interval {
                    lo: n,
                    lo_incl: true,
                    ..all
                },
                Op::Lt => Interval {
                    hi: n,
                    hi_incl: false,
                    ..all
                },
                Op::Le => Interval {
                    hi: n,
                    hi_incl: true,
                    ..all
                },
                _ => Interval {
                    lo: n,
                    lo_incl: true,
                    hi: n,
                    hi_incl: true,
                },
            }
        }
        (Op::Between, Some(Value::List(items))) => match items.as_slice() {
            [a, b] => Interval {
                lo: number(a)?,
                lo_incl: true,
                hi: number(b)?,
                hi_incl: true,
            },
            _ => return None,
        },
        _ => return None,
    };
    Some((f.as_str(), iv))
}

/// The range a group (AND) allows for `field`, or `None` when no predicate of the group
/// constrains it to a range. Other predicates are ignored: the result is a superset.
fn group_interval(template: &Template, group: &[Predicate], field: &str) -> Option<Interval> {
    let mut out: Option<Interval> = None;
    for p in group {
        if let Some((f, iv)) = predicate_interval(template, p) {
            if f == field {
                out = Some(out.map_or(iv, |o| o.intersect(&iv)));
            }
        }
    }
    out
}

/// The values a field may take, from its bounds.
fn field_domain(kind: &FieldKind) -> Option<(Interval, Option<f64>)> {
    let (min, max, excl, step) = match kind {
        FieldKind::Number {
            min,
            max,
            min_exclusive,
            step,
        } => (min, max, *min_exclusive, *step),
        FieldKind::Money {
            min,
            max,
            min_exclusive,
        } => (min, max, *min_exclusive, None),
        _ => return None,
    };
    let mut d = Interval::ALL;
    if let Some(m) = min.filter(|m| m.is_finite()) {
        d.lo = m;
        d.lo_incl = !excl;
    }
    if let Some(m) = max.filter(|m| m.is_finite()) {
        d.hi = m;
        d.hi_incl = true;
    }
    Some((d, step.filter(|s| s.is_finite() && *s > 0.0)))
}

/// Whether some multiple of `step` lies in the interval.
fn has_multiple(iv: &Interval, step: f64) -> bool {
    if !iv.lo.is_finite() || !iv.hi.is_finite() {
        return !iv.is_empty();
    }
    let mut k = (iv.lo / step).ceil();
    if !iv.contains(k * step) {
        k += 1.0;
    }
    iv.contains(k * step)
}

/// For each number or money field that every group of every branch constrains to a range,
/// the values of the field (within its bounds and step) that take no branch. Blocks with a
/// default branch are not examined. Fields in template order.
pub fn uncovered_ranges(template: &Template, block: &BranchBlock) -> Vec<(String, Interval)> {
    let mut out = Vec::new();
    if !block.default.is_empty() || block.branches.is_empty() {
        return out;
    }
    for field in &template.fields {
        let Some((domain, step)) = field_domain(&field.kind) else {
            continue;
        };
        let mut covered = Vec::new();
        let mut every = true;
        for group in block.branches.iter().flat_map(|b| &b.when.any_of) {
            match group_interval(template, group, &field.id) {
                Some(iv) => covered.push(iv),
                None => every = false,
            }
        }
        if !every || covered.is_empty() {
            continue;
        }
        let mut gaps = vec![domain];
        for c in &covered {
            gaps = gaps.iter().flat_map(|g| g.minus(c)).collect();
        }
        for g in gaps {
            if step.is_none_or(|s| has_multiple(&g, s)) {
                out.push((field.id.clone(), g));
            }
        }
    }
    out
}

/// Whether every request that satisfies `group` satisfies `p`.
fn implied(template: &Template, group: &[Predicate], p: &Predicate) -> bool {
    if group.contains(p) {
        return true;
    }
    let Some((field, iv)) = predicate_interval(template, p) else {
        return false;
    };
    match group_interval(template, group, field) {
        Some(g) => !g.is_empty() && iv.contains_interval(&g),
        None => false,
    }
}

/// The earlier branches that together take every request `later` would take, or `None`.
fn shadowed_by(
    template: &Template,
    earlier: &[(usize, &Condition)],
    later: &Condition,
) -> Option<Vec<usize>> {
    if later.any_of.is_empty() {
        return None;
    }
    let mut by = Vec::new();
    for g in &later.any_of {
        let hit = earlier.iter().find(|(_, c)| {
            c.any_of
                .iter()
                .any(|e| e.iter().all(|p| implied(template, g, p)))
        })?;
        if !by.contains(&hit.0) {
            by.push(hit.0);
        }
    }
    Some(by)
}

/// The one range on one field a condition is exactly, if it is that.
fn single_range<'c>(template: &Template, c: &'c Condition) -> Option<(&'c str, Interval)> {
    match c.any_of.as_slice() {
        [group] if !group.is_empty() => {
            let (field, _) = predicate_interval(template, group.first()?)?;
            if group
                .iter()
                .all(|p| predicate_interval(template, p).is_some_and(|(f, _)| f == field))
            {
                Some((field, group_interval(template, group, field)?))
            } else {
                None
            }
        }
        _ => None,
    }
}

struct Lint<'a> {
    org: &'a Org,
    template: &'a Template,
    policies: &'a RoutingPolicies,
    /// Each department's representative requester (see [`representatives`]).
    representatives: &'a HashMap<&'a str, &'a Person>,
    ix: &'a OrgIndex<'a>,
    out: &'a mut Vec<Finding>,
}

/// Each department's representative requester: its first active person who is not its
/// head, else its first active one. One pass over the people, so the lint stays linear in
/// the size of the org (a 10,000-person org has hundreds of departments).
fn representatives(org: &Org) -> HashMap<&str, &Person> {
    let heads: HashMap<&str, &str> = org
        .departments
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.head.as_deref()?)))
        .collect();
    let mut out: HashMap<&str, &Person> = HashMap::new();
    for p in org.people.iter().filter(|p| p.status == Status::Active) {
        let is_head = heads.get(p.dept.as_str()) == Some(&p.id.as_str());
        match out.get(p.dept.as_str()) {
            // A non-head found earlier stays; a head found earlier gives way to a non-head.
            Some(first) if !is_head && heads.get(p.dept.as_str()) == Some(&first.id.as_str()) => {
                out.insert(&p.dept, p);
            }
            Some(_) => {}
            None => {
                out.insert(&p.dept, p);
            }
        }
    }
    out
}

const MAX_DEPTH: usize = 64;

impl<'a> Lint<'a> {
    fn push(
        &mut self,
        path: String,
        severity: Severity,
        code: &'static str,
        params: Vec<(&'static str, String)>,
    ) {
        self.out.push(Finding {
            template: self.template.id.clone(),
            path,
            severity,
            code,
            params,
        });
    }

    /// `depts`: the departments whose requesters can reach these nodes.
    fn flow(&mut self, nodes: &[FlowNode], path: &str, depts: &[&str], depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for (i, node) in nodes.iter().enumerate() {
            match node {
                FlowNode::Step(step) => {
                    let spath = format!("{path}[{i}].step");
                    if step
                        .approvers
                        .iter()
                        .any(|a| matches!(a, ApproverSpec::ChosenByRequester))
                    {
                        continue;
                    }
                    for dept in depts {
                        let Some(person) = self.representative(dept) else {
                            continue;
                        };
                        let resolved = step.approvers.iter().any(|spec| {
                            resolve_approvers(self.ix, self.template, self.policies, person, spec)
                                .iter()
                                .any(|id| {
                                    self.ix
                                        .person(id)
                                        .is_some_and(|p| p.status == Status::Active)
                                })
                        });
                        if !resolved {
                            self.push(
                                spath.clone(),
                                Severity::Warning,
                                "unresolved_step",
                                vec![
                                    ("step", step.id.clone()),
                                    ("department", dept.to_string()),
                                    ("requester", person.id.clone()),
                                ],
                            );
                        }
                    }
                }
                FlowNode::Branch(block) => {
                    let bpath = format!("{path}[{i}].branch");
                    self.block(block, &bpath, depts, depth);
                }
            }
        }
    }

    fn block(&mut self, block: &BranchBlock, bpath: &str, depts: &[&str], depth: usize) {
        let template = self.template;
        for (b, branch) in block.branches.iter().enumerate() {
            for (g, group) in branch.when.any_of.iter().enumerate() {
                for (k, p) in group.iter().enumerate() {
                    let ppath = format!("{bpath}.branches[{b}].when.any_of[{g}][{k}]");
                    self.predicate(p, ppath);
                }
            }
        }
        // Shadowed branches.
        for (j, branch) in block.branches.iter().enumerate() {
            let earlier: Vec<(usize, &Condition)> = block.branches[..j]
                .iter()
                .enumerate()
                .map(|(i, b)| (i, &b.when))
                .collect();
            if let Some(by) = shadowed_by(template, &earlier, &branch.when) {
                let names: Vec<&str> = by.iter().map(|i| block.branches[*i].id.as_str()).collect();
                self.push(
                    format!("{bpath}.branches[{j}]"),
                    Severity::Warning,
                    "shadowed_branch",
                    vec![("branch", branch.id.clone()), ("by", names.join(", "))],
                );
            }
        }
        // Overlaps between single-range branches where neither contains the other.
        for (j, later) in block.branches.iter().enumerate() {
            let Some((fj, ij)) = single_range(template, &later.when) else {
                continue;
            };
            for earlier in &block.branches[..j] {
                let Some((fi, ii)) = single_range(template, &earlier.when) else {
                    continue;
                };
                let both = ii.intersect(&ij);
                if fi == fj
                    && !both.is_empty()
                    && !ii.contains_interval(&ij)
                    && !ij.contains_interval(&ii)
                {
                    self.push(
                        format!("{bpath}.branches[{j}]"),
                        Severity::Warning,
                        "overlapping_branches",
                        vec![
                            ("field", fj.to_string()),
                            ("branch", later.id.clone()),
                            ("other", earlier.id.clone()),
                            ("range", both.to_string()),
                        ],
                    );
                }
            }
        }
        for (field, iv) in uncovered_ranges(template, block) {
            self.push(
                bpath.to_string(),
                Severity::Warning,
                "uncovered_range",
                vec![("field", field), ("range", iv.to_string())],
            );
        }
        for (b, branch) in block.branches.iter().enumerate() {
            let reach = self.reachable(&branch.when, depts);
            self.flow(
                &branch.then,
                &format!("{bpath}.branches[{b}].then"),
                &reach,
                depth + 1,
            );
        }
        self.flow(
            &block.default,
            &format!("{bpath}.default"),
            depts,
            depth + 1,
        );
    }

    /// The departments of `depts` whose requesters can satisfy `c`, judged only by its
    /// requester-department predicates (`=`/`in`) when every group has one.
    fn reachable<'d>(&self, c: &Condition, depts: &[&'d str]) -> Vec<&'d str> {
        let mut out = Vec::new();
        for d in depts {
            let ok = c.any_of.iter().any(|group| {
                group
                    .iter()
                    .all(|p| match (&p.subject, p.op, p.value.as_ref()) {
                        (Subject::RequesterDept, Op::Eq | Op::In, Some(v)) => {
                            let list = match v {
                                Value::List(items) => items.as_slice(),
                                other => std::slice::from_ref(other),
                            };
                            list.iter()
                                .any(|x| matches!(x, Value::Text(a) if self.ix.in_department(d, a)))
                        }
                        _ => true,
                    })
            });
            if ok {
                out.push(*d);
            }
        }
        out
    }

    /// The department's representative requester.
    fn representative(&self, dept: &str) -> Option<&'a Person> {
        self.representatives.get(dept).copied()
    }

    fn predicate(&mut self, p: &Predicate, path: String) {
        let value = p.value.as_ref().map_or_else(String::new, |v| v.to_string());
        let op = p.op.symbol().to_string();
        match &p.subject {
            Subject::Field(f) => {
                let Some(field) = self.template.field(f) else {
                    self.push(
                        path,
                        Severity::Error,
                        "unknown_field",
                        vec![("field", f.clone())],
                    );
                    return;
                };
                let kind = field.kind.type_name();
                let ops: &[Op] = match &field.kind {
                    FieldKind::Number { .. } | FieldKind::Money { .. } => &[
                        Op::Eq,
                        Op::Ne,
                        Op::Gt,
                        Op::Ge,
                        Op::Lt,
                        Op::Le,
                        Op::In,
                        Op::NotIn,
                        Op::Between,
                        Op::IsEmpty,
                    ],
                    FieldKind::Select { .. } | FieldKind::Text { .. } => {
                        &[Op::Eq, Op::Ne, Op::In, Op::NotIn, Op::IsEmpty]
                    }
                    FieldKind::Date => &[
                        Op::Eq,
                        Op::Ne,
                        Op::Gt,
                        Op::Ge,
                        Op::Lt,
                        Op::Le,
                        Op::Between,
                        Op::IsEmpty,
                    ],
                    FieldKind::YesNo => &[Op::Eq, Op::Ne, Op::IsEmpty],
                    FieldKind::Attachment => &[Op::IsEmpty],
                };
                if !ops.contains(&p.op) {
                    self.push(
                        path,
                        Severity::Error,
                        "wrong_operator",
                        vec![("field", f.clone()), ("kind", kind.into()), ("op", op)],
                    );
                    return;
                }
                if p.op == Op::IsEmpty {
                    return;
                }
                let scalar_ok = |v: &Value| match &field.kind {
                    FieldKind::Number { .. } | FieldKind::Money { .. } => number(v).is_some(),
                    FieldKind::Select { .. } | FieldKind::Text { .. } | FieldKind::Date => {
                        matches!(v, Value::Text(_))
                    }
                    FieldKind::YesNo => matches!(v, Value::Bool(_)),
                    FieldKind::Attachment => false,
                };
                let items: Vec<&Value> = match (p.op, p.value.as_ref()) {
                    (Op::Between, Some(Value::List(items))) => match items.as_slice() {
                        [a, b]
                            if scalar_ok(a)
                                && scalar_ok(b)
                                && !matches!(
                                    (a, b), (Value::Number(x), Value::Number(y)) if x > y
                                )
                                && !matches!((a, b), (Value::Text(x), Value::Text(y)) if x > y) =>
                        {
                            vec![a, b]
                        }
                        _ => Vec::new(),
                    },
                    (Op::In | Op::NotIn, Some(Value::List(items))) => items.iter().collect(),
                    (_, Some(Value::List(_))) | (Op::Between, _) | (_, None) => Vec::new(),
                    (_, Some(v)) => vec![v],
                };
                if items.is_empty() || !items.iter().all(|v| scalar_ok(v)) {
                    self.push(
                        path,
                        Severity::Error,
                        "wrong_value",
                        vec![
                            ("field", f.clone()),
                            ("kind", kind.into()),
                            ("op", op),
                            ("value", value),
                        ],
                    );
                    return;
                }
                if let FieldKind::Select { options } = &field.kind {
                    for v in items {
                        if let Value::Text(t) = v {
                            if !options.iter().any(|o| &o.value == t) {
                                let list: Vec<&str> =
                                    options.iter().map(|o| o.value.as_str()).collect();
                                self.push(
                                    path.clone(),
                                    Severity::Error,
                                    "not_an_option",
                                    vec![
                                        ("field", f.clone()),
                                        ("value", t.clone()),
                                        ("options", list.join(", ")),
                                    ],
                                );
                            }
                        }
                    }
                }
            }
            subject => {
                let (name, known): (&str, &dyn Fn(&str) -> bool) = match subject {
                    Subject::RequesterDept => {
                        ("requester_dept", &|v| self.org.department(v).is_some())
                    }
                    Subject::RequesterRole => ("requester_role", &|v| self.org.role(v).is_some()),
                    _ => ("requester", &|v| self.ix.person(v).is_some()),
                };
                if !matches!(p.op, Op::Eq | Op::Ne | Op::In | Op::NotIn | Op::IsEmpty) {
                    self.push(
                        path,
                        Severity::Error,
                        "wrong_operator",
                        vec![
                            ("field", name.into()),
                            ("kind", "requester_attribute".into()),
                            ("op", op),
                        ],
                    );
                    return;
                }
                let items: Vec<&Value> = match p.value.as_ref() {
                    Some(Value::List(items)) => items.iter().collect(),
                    Some(v) => vec![v],
                    None => Vec::new(),
                };
                let mut unknown = Vec::new();
                for v in items {
                    match v {
                        Value::Text(t) if known(t) => {}
                        other => unknown.push(other.to_string()),
                    }
                }
                for u in unknown {
                    self.push(
                        path.clone(),
                        Severity::Error,
                        "unknown_reference",
                        vec![("subject", name.into()), ("value", u)],
                    );
                }
            }
        }
    }

    fn unused_fields(&mut self, base: &str) {
        let template = self.template;
        let mut used: Vec<&str> = Vec::new();
        super::routing::walk_flow(&template.flow, &mut |node| {
            if let FlowNode::Branch(block) = node {
                for p in block
                    .branches
                    .iter()
                    .flat_map(|b| b.when.any_of.iter().flatten())
                {
                    if let Subject::Field(f) = &p.subject {
                        used.push(f.as_str());
                    }
                }
            }
        });
        for (k, field) in template.fields.iter().enumerate() {
            let meaningful = matches!(
                field.kind,
                FieldKind::Number { .. }
                    | FieldKind::Money { .. }
                    | FieldKind::Select { .. }
                    | FieldKind::Date
                    | FieldKind::YesNo
            );
            if meaningful && !used.contains(&field.id.as_str()) {
                self.push(
                    format!("{base}.fields[{k}]"),
                    Severity::Warning,
                    "unused_field",
                    vec![("field", field.id.clone())],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(lo: f64, lo_incl: bool, hi: f64, hi_incl: bool) -> Interval {
        Interval {
            lo,
            lo_incl,
            hi,
            hi_incl,
        }
    }

    #[test]
    fn intervals() {
        let above = iv(5000.0, false, f64::INFINITY, false);
        let domain = iv(0.0, false, f64::INFINITY, false);
        assert_eq!(domain.minus(&above), vec![iv(0.0, false, 5000.0, true)]);
        assert_eq!(domain.minus(&above)[0].to_string(), "(0, 5000]");
        assert_eq!(Interval::ALL.to_string(), "(-∞, ∞)");
        assert!(iv(3.0, true, 3.0, false).is_empty());
        assert!(!iv(3.0, true, 3.0, true).is_empty());
        assert!(above.contains_interval(&iv(60000.0, true, f64::INFINITY, false)));
        assert!(!above.contains_interval(&iv(5000.0, true, 6000.0, true)));
        let middle = iv(1.0, true, 2.0, false);
        assert_eq!(
            iv(0.0, true, 3.0, true).minus(&middle),
            vec![iv(0.0, true, 1.0, false), iv(2.0, true, 3.0, true)]
        );
        assert!(has_multiple(&iv(2.6, false, 3.0, true), 0.5));
        assert!(!has_multiple(&iv(2.6, false, 2.9, true), 0.5));
        assert!(!has_multiple(&iv(2.5, false, 3.0, false), 0.5));
    }

    #[test]
    fn every_code_has_words() {
        for code in CODES {
            let f = Finding {
                template: "t".into(),
                path: "$".into(),
                severity: Severity::Warning,
                code,
                params: Vec::new(),
            };
            assert_ne!(f.message(), *code);
        }
    }
}
