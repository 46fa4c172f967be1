//! The route simulator: a template, a requester and a filled-in form give the route the
//! request would take, with a trace that explains every decision. Also runs the workspace's
//! route fixtures.
//!
//! The routing policies follow `shared/starter-example.md`:
//! - a request from someone who has left is refused;
//! - the requester is skipped as their own approver (reason `self`);
//! - someone who approves in one step is skipped in the step right after it (reason
//!   `duplicate`; "the step right after" is the next step that stays in the route);
//! - a step emptied only by these two skips is dropped;
//! - a step that resolves to nobody, or only to people who have left, goes to the holders
//!   of the empty-step role (reason `empty` or `left`), themselves subject to the self rule;
//! - CC recipients never include the requester.
//!
//! Approvers who have left are skipped (reason `left`) when others in the same step remain.
//!
//! Approvers chosen by the requester (自选审批人, `chosen_by_requester`) come from the
//! request's picks ([`simulate_with_picks`]): a pick is a step id and the people the requester
//! chose for that step, as WeCom and DingTalk ask for them on submission.
//! - a pick must name a step of the template that has a `chosen_by_requester` approver
//!   (error `unknown_pick_step`), even when it names nobody;
//! - a pick that names nobody is no pick; otherwise a step may be picked only once
//!   (`duplicate_pick`), and everyone picked must be in the org chart (`unknown_person`);
//! - a step with a `chosen_by_requester` approver that the route reaches without a pick is
//!   an error (`missing_pick`), since the request could not be submitted; picks for steps the
//!   route does not reach (their branch is not taken) are ignored;
//! - the picked people, in the order given (repeats ignored), are that approver's resolution,
//!   and the usual rules then apply to them: people who have left are skipped or the step is
//!   redirected, the requester is skipped (self), and so are adjacent duplicates.
//!
//! A CC entry chosen by the requester, and the lint ([`resolve_approvers`]), have no pick:
//! the rule resolves to nobody there.

use std::collections::BTreeMap;

use super::bundle::Bundle;
use super::lang::Lang;
use super::org::{Org, OrgIndex, Person, Status};
use super::routing::{
    describe, walk_flow, ApproverSpec, CcTiming, ExpectedRoute, Field, FieldKind, FlowNode, Op,
    Predicate, RouteFixture, RoutingPolicies, Step, StepMode, Subject, Template, Value,
};
use crate::core::report::param;

/// A simulated route.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub template: String,
    pub requester: String,
    pub steps: Vec<RouteStep>,
    pub cc: Vec<Cc>,
    pub trace: Vec<TraceEntry>,
}

/// One step that stays in the route.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteStep {
    /// The template's step id.
    pub step: String,
    pub mode: StepMode,
    /// Person ids, in order.
    pub approvers: Vec<String>,
    /// People the step resolved to who do not approve it, with the reason.
    pub skipped: Vec<Skip>,
    /// `Some("empty")` or `Some("left")` when the step went to the empty-step role.
    pub redirected: Option<&'static str>,
}

/// Someone skipped in a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub id: String,
    /// `self`, `duplicate` or `left`.
    pub reason: &'static str,
}

/// A CC recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cc {
    pub id: String,
    pub when: CcTiming,
}

impl CcTiming {
    /// The timing as written in files.
    pub fn code(self) -> &'static str {
        match self {
            CcTiming::OnSubmit => "on_submit",
            CcTiming::OnApproved => "on_approved",
            CcTiming::OnFinished => "on_finished",
        }
    }
}

impl StepMode {
    /// The mode as written in files.
    pub fn code(self) -> &'static str {
        match self {
            StepMode::Single => "single",
            StepMode::Any => "any",
            StepMode::All => "all",
        }
    }
}

/// Why a request cannot be simulated. No route is produced.
///
/// | code | params |
/// |---|---|
/// | `unknown_template` | `template` |
/// | `unknown_requester` | `requester` |
/// | `requester_left` | `requester`, `name` |
/// | `unknown_field` | `field` |
/// | `duplicate_field` | `field` |
/// | `missing_field` | `field` |
/// | `not_a_number` | `field`, `value` |
/// | `not_money` | `field`, `value` |
/// | `too_small` | `field`, `value`, `min` (with `>` or `≥`) |
/// | `too_large` | `field`, `value`, `max` |
/// | `bad_step` | `field`, `value`, `step` |
/// | `not_an_option` | `field`, `value`, `options` |
/// | `too_long` | `field`, `max_len` |
/// | `not_a_date` | `field`, `value` |
/// | `not_yes_no` | `field`, `value` |
/// | `unsupported_value` | `field` (a list in a fixture) |
/// | `empty_step` | `step`, `reason` (`empty`/`left`), `role` (may be empty) |
/// | `unknown_pick_step` | `step` (no such step, or it has no `chosen_by_requester` approver) |
/// | `unknown_person` | `step`, `person` (a picked person not in the org chart) |
/// | `duplicate_pick` | `step` |
/// | `missing_pick` | `step`, `name` (the route reaches a step the requester must pick for) |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimError {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl SimError {
    fn new(code: &'static str, params: Vec<(&'static str, String)>) -> Self {
        SimError { code, params }
    }

    pub fn param(&self, key: &str) -> &str {
        param(&self.params, key)
    }

    /// The error in English (the command-line tool's words; the UI translates codes).
    pub fn message(&self) -> String {
        let p = |k| self.param(k);
        match self.code {
            "unknown_template" => format!("there is no approval template `{}`", p("template")),
            "unknown_requester" => format!("there is no person `{}` in the org chart", p("requester")),
            "requester_left" => format!(
                "the request is refused: {} (`{}`) has left the company",
                p("name"),
                p("requester")
            ),
            "unknown_field" => format!("the template has no field `{}`", p("field")),
            "duplicate_field" => format!("field `{}` is given more than once", p("field")),
            "missing_field" => format!("field `{}` is required", p("field")),
            "not_a_number" => format!("field `{}`: `{}` is not a number", p("field"), p("value")),
            "not_money" => format!(
                "field `{}`: `{}` is not an amount of money (digits with at most two decimals)",
                p("field"),
                p("value")
            ),
            "too_small" => format!(
                "field `{}`: {} must be {}",
                p("field"),
                p("value"),
                p("min")
            ),
            "too_large" => format!(
                "field `{}`: {} must be ≤ {}",
                p("field"),
                p("value"),
                p("max")
            ),
            "bad_step" => format!(
                "field `{}`: {} is not a multiple of {}",
                p("field"),
                p("value"),
                p("step")
            ),
            "not_an_option" => format!(
                "field `{}`: `{}` is not one of {}",
                p("field"),
                p("value"),
                p("options")
            ),
            "too_long" => format!(
                "field `{}` is longer than {} characters",
                p("field"),
                p("max_len")
            ),
            "not_a_date" => format!(
                "field `{}`: `{}` is not a real date written YYYY-MM-DD",
                p("field"),
                p("value")
            ),
            "not_yes_no" => format!(
                "field `{}`: `{}` is not yes or no",
                p("field"),
                p("value")
            ),
            "unsupported_value" => format!("field `{}`: a list is not a form value", p("field")),
            "empty_step" if p("role").is_empty() => format!(
                "step `{}` resolves to nobody ({}) and the routing policies name no role to take it",
                p("step"),
                p("reason")
            ),
            "empty_step" => format!(
                "step `{}` resolves to nobody ({}) and nobody active holds role `{}` to take it",
                p("step"),
                p("reason"),
                p("role")
            ),
            "unknown_pick_step" => format!(
                "a pick names step `{}`, but the template has no such step with an approver chosen by the requester",
                p("step")
            ),
            "unknown_person" => format!(
                "step `{}`: the requester picked `{}`, who is not in the org chart",
                p("step"),
                p("person")
            ),
            "duplicate_pick" => format!("step `{}` is picked more than once", p("step")),
            "missing_pick" => format!(
                "step `{}` ({}) needs approvers chosen by the requester, and none were picked",
                p("step"),
                p("name")
            ),
            other => other.to_string(),
        }
    }
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// One decision of the simulator.
///
/// | code | params |
/// |---|---|
/// | `requester` | `requester`, `name`, `dept`, `top_dept` |
/// | `policies` | `source` (`workspace`/`template`) |
/// | `field` | `field`, `value` |
/// | `branch` | `block`, `branch`, `condition`, `actual`, `held` (`true`/`false`) |
/// | `branch_taken` | `block`, `branch` |
/// | `default_taken` | `block`, `empty` (`true` when the default adds nothing) |
/// | `step` | `step`, `name`, `mode` |
/// | `resolved` | `step`, `approver` (the rule in words), `people`, `how` (for a pick: chosen by the requester) |
/// | `skip_left` | `step`, `person` |
/// | `skip_self` | `step`, `person` |
/// | `skip_duplicate` | `step`, `person`, `previous` |
/// | `step_dropped` | `step` |
/// | `redirect` | `step`, `reason` (`empty`/`left`), `role`, `people` |
/// | `cc` | `person`, `when` |
/// | `cc_skip_self` | `person` |
/// | `cc_skip_left` | `person` |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceEntry {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl TraceEntry {
    pub fn param(&self, key: &str) -> &str {
        param(&self.params, key)
    }

    /// The decision in English.
    pub fn message(&self) -> String {
        let p = |k| self.param(k);
        match self.code {
            "requester" => format!(
                "requester {} (`{}`), department `{}`, top-level department `{}`",
                p("name"),
                p("requester"),
                p("dept"),
                p("top_dept")
            ),
            "policies" => format!("routing policies: the {}'s", p("source")),
            "field" => format!("field `{}` = {}", p("field"), p("value")),
            "branch" => format!(
                "block `{}`, branch `{}`: {} — actual {} — {}",
                p("block"),
                p("branch"),
                p("condition"),
                p("actual"),
                if p("held") == "true" {
                    "holds"
                } else {
                    "does not hold"
                }
            ),
            "branch_taken" => format!("block `{}`: branch `{}` taken", p("block"), p("branch")),
            "default_taken" if p("empty") == "true" => format!(
                "block `{}`: no branch holds; the default adds no step",
                p("block")
            ),
            "default_taken" => format!("block `{}`: no branch holds; default taken", p("block")),
            "step" => format!("step `{}` ({}), mode {}", p("step"), p("name"), p("mode")),
            "resolved" => format!(
                "step `{}`: {} → {} ({})",
                p("step"),
                p("approver"),
                if p("people").is_empty() {
                    "nobody"
                } else {
                    p("people")
                },
                p("how")
            ),
            "skip_left" => format!("step `{}`: `{}` has left; skipped", p("step"), p("person")),
            "skip_self" => format!(
                "step `{}`: `{}` is the requester and never approves their own request; skipped",
                p("step"),
                p("person")
            ),
            "skip_duplicate" => format!(
                "step `{}`: `{}` already approves in the step right before (`{}`); skipped",
                p("step"),
                p("person"),
                p("previous")
            ),
            "step_dropped" => format!(
                "step `{}`: everyone was skipped by the self and duplicate rules; step dropped",
                p("step")
            ),
            "redirect" => format!(
                "step `{}`: resolves {}; goes to the holders of role `{}`: {}",
                p("step"),
                if p("reason") == "left" {
                    "only to people who have left"
                } else {
                    "to nobody"
                },
                p("role"),
                if p("people").is_empty() {
                    "nobody"
                } else {
                    p("people")
                }
            ),
            "cc" => format!("CC `{}` ({})", p("person"), p("when")),
            "cc_skip_self" => format!("CC: `{}` is the requester and is not copied", p("person")),
            "cc_skip_left" => format!("CC: `{}` has left and is not copied", p("person")),
            other => other.to_string(),
        }
    }
}

fn entry(code: &'static str, params: Vec<(&'static str, String)>) -> TraceEntry {
    TraceEntry { code, params }
}

/// Simulates one request without picks: [`simulate_with_picks`] with none, so a route that
/// reaches a step chosen by the requester is the error `missing_pick`. `form` holds field
/// values as typed (`"3.5"`, `"abroad"`, `"fapiao.pdf"`); an empty value counts as not given.
pub fn simulate(
    bundle: &Bundle,
    template_id: &str,
    requester_id: &str,
    form: &[(String, String)],
) -> Result<Route, SimError> {
    simulate_with_picks(bundle, template_id, requester_id, form, &[])
}

/// Simulates one request with the requester's picks: each a step id and the person ids the
/// requester chose for that step's `chosen_by_requester` approver, in order. The module
/// documentation gives the rules.
pub fn simulate_with_picks(
    bundle: &Bundle,
    template_id: &str,
    requester_id: &str,
    form: &[(String, String)],
    picks: &[(String, Vec<String>)],
) -> Result<Route, SimError> {
    let ix = OrgIndex::new(&bundle.org);
    simulate_indexed(bundle, &ix, template_id, requester_id, form, picks)
}

/// [`simulate_with_picks`] over an index of the bundle's org built once by the caller: for
/// many requests over one workspace (batches, benchmarks, route tests), where building the
/// index per request would cost more than the request.
pub fn simulate_indexed(
    bundle: &Bundle,
    ix: &OrgIndex,
    template_id: &str,
    requester_id: &str,
    form: &[(String, String)],
    picks: &[(String, Vec<String>)],
) -> Result<Route, SimError> {
    let org = &bundle.org;
    let template = bundle
        .approvals
        .templates
        .iter()
        .find(|t| t.id == template_id)
        .ok_or_else(|| SimError::new("unknown_template", vec![("template", template_id.into())]))?;
    let requester = ix.person(requester_id).ok_or_else(|| {
        SimError::new(
            "unknown_requester",
            vec![("requester", requester_id.into())],
        )
    })?;
    let (policies, source) = match &template.policies {
        Some(p) => (p, "template"),
        None => (&bundle.approvals.policies, "workspace"),
    };
    if policies.refuse_left_requester && requester.status == Status::Left {
        return Err(SimError::new(
            "requester_left",
            vec![
                ("requester", requester.id.clone()),
                ("name", requester.name.clone()),
            ],
        ));
    }
    let values = parse_form(template, form)?;
    let picks = check_picks(org, template, picks)?;

    let mut sim = Sim {
        org,
        ix,
        template,
        requester,
        policies,
        values: &values,
        picks: &picks,
        steps: Vec::new(),
        trace: Vec::new(),
    };
    sim.trace.push(entry(
        "requester",
        vec![
            ("requester", requester.id.clone()),
            ("name", requester.name.clone()),
            ("dept", requester.dept.clone()),
            (
                "top_dept",
                ix.top_level_department(&requester.dept)
                    .map_or_else(String::new, |d| d.id.clone()),
            ),
        ],
    ));
    sim.trace
        .push(entry("policies", vec![("source", source.to_string())]));
    for f in &template.fields {
        if let Some(v) = values.get(f.id.as_str()) {
            sim.trace.push(entry(
                "field",
                vec![("field", f.id.clone()), ("value", v.to_string())],
            ));
        }
    }
    sim.flow(&template.flow, 0)?;
    let cc = sim.cc();
    Ok(Route {
        template: template.id.clone(),
        requester: requester.id.clone(),
        steps: sim.steps,
        cc,
        trace: sim.trace,
    })
}

/// Checks and types the form. Every value is checked against its field's definition.
fn parse_form<'t>(
    template: &'t Template,
    form: &[(String, String)],
) -> Result<BTreeMap<&'t str, Value>, SimError> {
    let mut values = BTreeMap::new();
    let mut seen: Vec<&str> = Vec::new();
    for (key, raw) in form {
        let field = template
            .field(key)
            .ok_or_else(|| SimError::new("unknown_field", vec![("field", key.clone())]))?;
        if seen.contains(&field.id.as_str()) {
            return Err(SimError::new(
                "duplicate_field",
                vec![("field", key.clone())],
            ));
        }
        seen.push(field.id.as_str());
        if raw.trim().is_empty() {
            continue;
        }
        values.insert(field.id.as_str(), parse_value(field, raw)?);
    }
    for f in &template.fields {
        if f.required && !values.contains_key(f.id.as_str()) {
            return Err(SimError::new(
                "missing_field",
                vec![("field", f.id.clone())],
            ));
        }
    }
    Ok(values)
}

/// Checks the picks against the template and the org: step id to the people chosen, in
/// order, without repeats. Picks that name nobody are left out.
fn check_picks(
    org: &Org,
    template: &Template,
    picks: &[(String, Vec<String>)],
) -> Result<BTreeMap<String, Vec<String>>, SimError> {
    let mut pickable: Vec<&str> = Vec::new();
    walk_flow(&template.flow, &mut |node| {
        if let FlowNode::Step(s) = node {
            if takes_pick(s) {
                pickable.push(s.id.as_str());
            }
        }
    });
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (step, people) in picks {
        if !pickable.contains(&step.as_str()) {
            return Err(SimError::new(
                "unknown_pick_step",
                vec![("step", step.clone())],
            ));
        }
        if people.is_empty() {
            continue;
        }
        if out.contains_key(step) {
            return Err(SimError::new(
                "duplicate_pick",
                vec![("step", step.clone())],
            ));
        }
        let mut chosen: Vec<String> = Vec::new();
        for p in people {
            if org.person(p).is_none() {
                return Err(SimError::new(
                    "unknown_person",
                    vec![("step", step.clone()), ("person", p.clone())],
                ));
            }
            if !chosen.contains(p) {
                chosen.push(p.clone());
            }
        }
        out.insert(step.clone(), chosen);
    }
    Ok(out)
}

/// Whether a step has an approver chosen by the requester.
fn takes_pick(step: &Step) -> bool {
    step.approvers
        .iter()
        .any(|a| matches!(a, ApproverSpec::ChosenByRequester))
}

fn parse_value(field: &Field, raw: &str) -> Result<Value, SimError> {
    let err = |code: &'static str, extra: Vec<(&'static str, String)>| {
        let mut params = vec![("field", field.id.clone()), ("value", raw.to_string())];
        params.extend(extra);
        SimError::new(code, params)
    };
    let bounds = |n: f64, min: &Option<f64>, max: &Option<f64>, excl: bool| {
        if let Some(m) = min {
            if n < *m || (excl && n == *m) {
                let op = if excl { ">" } else { "≥" };
                return Err(err(
                    "too_small",
                    vec![("min", format!("{op} {}", describe::format_number(*m)))],
                ));
            }
        }
        if let Some(m) = max {
            if n > *m {
                return Err(err("too_large", vec![("max", describe::format_number(*m))]));
            }
        }
        Ok(())
    };
    let text = raw.trim();
    match &field.kind {
        FieldKind::Number {
            min,
            max,
            min_exclusive,
            step,
        } => {
            let n = text
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && is_plain_number(text))
                .ok_or_else(|| err("not_a_number", Vec::new()))?;
            bounds(n, min, max, *min_exclusive)?;
            if let Some(s) = step.filter(|s| s.is_finite() && *s > 0.0) {
                let k = (n / s).round();
                if ((k * s) - n).abs() > 1e-9 * n.abs().max(1.0) {
                    return Err(err("bad_step", vec![("step", describe::format_number(s))]));
                }
            }
            Ok(Value::Number(n))
        }
        FieldKind::Money {
            min,
            max,
            min_exclusive,
        } => {
            let decimals_ok = match text.split_once('.') {
                Some((_, d)) => (1..=2).contains(&d.len()),
                None => true,
            };
            let n = text
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && is_plain_number(text) && decimals_ok)
                .ok_or_else(|| err("not_money", Vec::new()))?;
            bounds(n, min, max, *min_exclusive)?;
            Ok(Value::Number(n))
        }
        FieldKind::Select { options } => {
            if options.iter().any(|o| o.value == raw) {
                Ok(Value::Text(raw.to_string()))
            } else {
                let list: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
                Err(err("not_an_option", vec![("options", list.join(", "))]))
            }
        }
        FieldKind::Text { max_len } => {
            if let Some(m) = max_len {
                if raw.chars().count() > *m as usize {
                    return Err(err("too_long", vec![("max_len", m.to_string())]));
                }
            }
            Ok(Value::Text(raw.to_string()))
        }
        FieldKind::Date => {
            if is_date(text) {
                Ok(Value::Text(text.to_string()))
            } else {
                Err(err("not_a_date", Vec::new()))
            }
        }
        FieldKind::YesNo => match text.to_ascii_lowercase().as_str() {
            "yes" | "true" | "y" | "1" | "是" => Ok(Value::Bool(true)),
            "no" | "false" | "n" | "0" | "否" => Ok(Value::Bool(false)),
            _ => Err(err("not_yes_no", Vec::new())),
        },
        FieldKind::Attachment => Ok(Value::Text(raw.to_string())),
    }
}

/// Digits with an optional sign and one decimal point: no exponents, `inf` or `NaN`.
fn is_plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut dots = 0;
    let mut digits = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => dots += 1,
            _ => return false,
        }
    }
    digits > 0 && dots <= 1
}

/// `YYYY-MM-DD` and a real calendar date.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

struct Sim<'a> {
    org: &'a Org,
    ix: &'a OrgIndex<'a>,
    template: &'a Template,
    requester: &'a Person,
    policies: &'a RoutingPolicies,
    values: &'a BTreeMap<&'a str, Value>,
    /// Step id to the people the requester picked for it (checked, never empty).
    picks: &'a BTreeMap<String, Vec<String>>,
    steps: Vec<RouteStep>,
    trace: Vec<TraceEntry>,
}

/// Nesting deeper than this is not followed (files cannot nest deeper anyway).
const MAX_DEPTH: usize = 64;

impl Sim<'_> {
    fn flow(&mut self, nodes: &[FlowNode], depth: usize) -> Result<(), SimError> {
        if depth > MAX_DEPTH {
            return Ok(());
        }
        for node in nodes {
            match node {
                FlowNode::Step(step) => self.step(step)?,
                FlowNode::Branch(block) => {
                    let mut taken = None;
                    for branch in &block.branches {
                        let held = self.condition_holds(&branch.when);
                        self.trace.push(entry(
                            "branch",
                            vec![
                                ("block", block.id.clone()),
                                ("branch", branch.id.clone()),
                                (
                                    "condition",
                                    describe::condition(
                                        self.template,
                                        self.org,
                                        &branch.when,
                                        Lang::En,
                                    ),
                                ),
                                ("actual", self.actual_values(&branch.when)),
                                ("held", held.to_string()),
                            ],
                        ));
                        if held {
                            taken = Some(branch);
                            break;
                        }
                    }
                    match taken {
                        Some(branch) => {
                            self.trace.push(entry(
                                "branch_taken",
                                vec![("block", block.id.clone()), ("branch", branch.id.clone())],
                            ));
                            self.flow(&branch.then, depth + 1)?;
                        }
                        None => {
                            self.trace.push(entry(
                                "default_taken",
                                vec![
                                    ("block", block.id.clone()),
                                    ("empty", block.default.is_empty().to_string()),
                                ],
                            ));
                            self.flow(&block.default, depth + 1)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The actual values a condition looks at: `days = 5`, `requester's department = rd1`.
    fn actual_values(&self, c: &super::routing::Condition) -> String {
        let mut seen: Vec<String> = Vec::new();
        for p in c.any_of.iter().flatten() {
            let s = match &p.subject {
                Subject::Field(f) => format!(
                    "{f} = {}",
                    self.values
                        .get(f.as_str())
                        .map_or_else(|| "(empty)".to_string(), |v| v.to_string())
                ),
                Subject::RequesterDept => {
                    format!("requester's department = {}", self.requester.dept)
                }
                Subject::RequesterRole => {
                    format!("requester's roles = [{}]", self.requester.roles.join(", "))
                }
                Subject::Requester => format!("requester = {}", self.requester.id),
            };
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen.join("; ")
    }

    fn condition_holds(&self, c: &super::routing::Condition) -> bool {
        c.any_of
            .iter()
            .any(|group| group.iter().all(|p| self.predicate_holds(p)))
    }

    fn predicate_holds(&self, p: &Predicate) -> bool {
        match &p.subject {
            Subject::Field(f) => field_holds(self.values.get(f.as_str()), p.op, p.value.as_ref()),
            Subject::RequesterDept => {
                let is = |v: &Value| match v {
                    Value::Text(d) => self.in_dept(&self.requester.dept, d),
                    _ => false,
                };
                set_holds(p.op, p.value.as_ref(), is, self.requester.dept.is_empty())
            }
            Subject::RequesterRole => {
                let is = |v: &Value| match v {
                    Value::Text(r) => self.requester.roles.iter().any(|x| x == r),
                    _ => false,
                };
                set_holds(p.op, p.value.as_ref(), is, self.requester.roles.is_empty())
            }
            Subject::Requester => {
                let is = |v: &Value| matches!(v, Value::Text(id) if *id == self.requester.id);
                set_holds(p.op, p.value.as_ref(), is, false)
            }
        }
    }

    /// Whether department `dept` is `ancestor` or below it.
    fn in_dept(&self, dept: &str, ancestor: &str) -> bool {
        self.ix.in_department(dept, ancestor)
    }

    fn person(&self, id: &str) -> Option<&Person> {
        self.ix.person(id)
    }

    /// The supervisor chain above the requester, nearest first, without cycles.
    fn supervisors(&self) -> Vec<&Person> {
        let mut out: Vec<&Person> = Vec::new();
        let mut current = self.requester;
        while let Some(next) = current.supervisor.as_deref().and_then(|s| self.person(s)) {
            if next.id == self.requester.id || out.iter().any(|p| p.id == next.id) {
                break;
            }
            out.push(next);
            current = next;
        }
        out
    }

    /// The people an approver rule resolves to (left people included), and how, in words.
    fn resolve(&self, spec: &ApproverSpec) -> (Vec<String>, String) {
        let ids = |ps: &[&Person]| ps.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        match spec {
            ApproverSpec::Supervisor { level } => {
                let chain = self.supervisors();
                let n = *level as usize;
                match n.checked_sub(1).and_then(|i| chain.get(i)) {
                    Some(p) => (
                        vec![p.id.clone()],
                        format!("supervisor {n} level(s) above `{}`", self.requester.id),
                    ),
                    None => (
                        Vec::new(),
                        format!(
                            "`{}` has only {} supervisor level(s) above them",
                            self.requester.id,
                            chain.len()
                        ),
                    ),
                }
            }
            ApproverSpec::SupervisorChain { levels, until_role } => {
                let chain = self.supervisors();
                let mut out = Vec::new();
                let mut reached = false;
                for p in chain {
                    if levels.is_some_and(|n| out.len() >= n as usize) {
                        break;
                    }
                    out.push(p);
                    if until_role
                        .as_ref()
                        .is_some_and(|r| p.roles.iter().any(|x| x == r))
                    {
                        reached = true;
                        break;
                    }
                }
                let how = match (levels, until_role) {
                    (_, Some(r)) if reached => format!("supervisors up to the holder of `{r}`"),
                    (_, Some(r)) => format!("supervisors up the chain; nobody above holds `{r}`"),
                    (Some(n), None) => format!("supervisors up to {n} level(s)"),
                    (None, None) => "every supervisor up the chain".to_string(),
                };
                (ids(&out), how)
            }
            ApproverSpec::Role { role, same_dept } => {
                let holders: Vec<&Person> = self
                    .ix
                    .holders(role)
                    .iter()
                    .copied()
                    .filter(|p| !*same_dept || self.in_dept(&p.dept, &self.requester.dept))
                    .collect();
                let how = if *same_dept {
                    format!(
                        "holders of role `{role}` in department `{}`",
                        self.requester.dept
                    )
                } else {
                    format!("holders of role `{role}`")
                };
                (ids(&holders), how)
            }
            ApproverSpec::People { people } => {
                let known: Vec<String> = people
                    .iter()
                    .filter(|p| self.person(p).is_some())
                    .cloned()
                    .collect();
                (known, "named people".to_string())
            }
            ApproverSpec::DeptHead { dept } => {
                let (d, how) = match dept {
                    Some(d) => (self.ix.department(d), format!("head of department `{d}`")),
                    None => {
                        let top = self.ix.top_level_department(&self.requester.dept);
                        let how = format!(
                            "head of `{}`, the requester's top-level department",
                            top.map_or("?", |t| t.id.as_str())
                        );
                        (top, how)
                    }
                };
                let head = d
                    .and_then(|d| d.head.as_deref())
                    .filter(|h| self.person(h).is_some());
                (head.map(str::to_string).into_iter().collect(), how)
            }
            ApproverSpec::ChosenByRequester => (
                Vec::new(),
                "chosen by the requester when submitting; nothing is picked here".to_string(),
            ),
        }
    }

    fn is_active(&self, id: &str) -> bool {
        self.person(id).is_some_and(|p| p.status == Status::Active)
    }

    fn step(&mut self, step: &Step) -> Result<(), SimError> {
        let sid = step.id.clone();
        self.trace.push(entry(
            "step",
            vec![
                ("step", sid.clone()),
                ("name", step.name.clone()),
                ("mode", step.mode.code().to_string()),
            ],
        ));
        let pick = self.picks.get(&sid);
        if pick.is_none() && takes_pick(step) {
            return Err(SimError::new(
                "missing_pick",
                vec![("step", sid), ("name", step.name.clone())],
            ));
        }
        let mut resolved: Vec<String> = Vec::new();
        for spec in &step.approvers {
            let (people, how) = match (spec, pick) {
                (ApproverSpec::ChosenByRequester, Some(people)) => (
                    people.clone(),
                    "chosen by the requester when submitting".to_string(),
                ),
                _ => self.resolve(spec),
            };
            self.trace.push(entry(
                "resolved",
                vec![
                    ("step", sid.clone()),
                    ("approver", describe::approver(self.org, spec, Lang::En)),
                    ("people", people.join(", ")),
                    ("how", how),
                ],
            ));
            for p in people {
                if !resolved.contains(&p) {
                    resolved.push(p);
                }
            }
        }
        let mut skipped = Vec::new();
        let mut active = Vec::new();
        for p in resolved {
            if self.is_active(&p) {
                active.push(p);
            } else {
                self.trace.push(entry(
                    "skip_left",
                    vec![("step", sid.clone()), ("person", p.clone())],
                ));
                skipped.push(Skip {
                    id: p,
                    reason: "left",
                });
            }
        }
        if active.is_empty() {
            let reason = if skipped.is_empty() { "empty" } else { "left" };
            return self.redirect(step, reason, skipped);
        }
        let previous = self
            .steps
            .last()
            .map(|s| (s.step.clone(), s.approvers.clone()));
        let mut approvers = Vec::new();
        for p in active {
            let Some(p) = self.unless_self(&sid, p, &mut skipped) else {
                continue;
            };
            if let Some((prev_id, prev)) = &previous {
                if self.policies.skip_adjacent_duplicate && prev.contains(&p) {
                    self.trace.push(entry(
                        "skip_duplicate",
                        vec![
                            ("step", sid.clone()),
                            ("person", p.clone()),
                            ("previous", prev_id.clone()),
                        ],
                    ));
                    skipped.push(Skip {
                        id: p,
                        reason: "duplicate",
                    });
                    continue;
                }
            }
            approvers.push(p);
        }
        if approvers.is_empty() {
            if self.policies.drop_emptied_steps {
                self.trace
                    .push(entry("step_dropped", vec![("step", sid.clone())]));
                return Ok(());
            }
            return self.redirect(step, "empty", skipped);
        }
        self.steps.push(RouteStep {
            step: sid,
            mode: step.mode,
            approvers,
            skipped,
            redirected: None,
        });
        Ok(())
    }

    /// The self rule: the requester is skipped (and the skip traced) when the policies say
    /// so; anyone else is given back.
    fn unless_self(&mut self, sid: &str, p: String, skipped: &mut Vec<Skip>) -> Option<String> {
        if !(self.policies.skip_self && p == self.requester.id) {
            return Some(p);
        }
        self.trace.push(entry(
            "skip_self",
            vec![("step", sid.to_string()), ("person", p.clone())],
        ));
        skipped.push(Skip {
            id: p,
            reason: "self",
        });
        None
    }

    /// Sends a step that resolved to nobody to the holders of the empty-step role.
    fn redirect(
        &mut self,
        step: &Step,
        reason: &'static str,
        mut skipped: Vec<Skip>,
    ) -> Result<(), SimError> {
        let sid = step.id.clone();
        let Some(role) = self.policies.empty_step_role.clone() else {
            return Err(SimError::new(
                "empty_step",
                vec![
                    ("step", sid),
                    ("reason", reason.into()),
                    ("role", String::new()),
                ],
            ));
        };
        let holders: Vec<String> = self
            .ix
            .holders(&role)
            .iter()
            .filter(|p| p.status == Status::Active)
            .map(|p| p.id.clone())
            .collect();
        self.trace.push(entry(
            "redirect",
            vec![
                ("step", sid.clone()),
                ("reason", reason.into()),
                ("role", role.clone()),
                ("people", holders.join(", ")),
            ],
        ));
        if holders.is_empty() {
            return Err(SimError::new(
                "empty_step",
                vec![("step", sid), ("reason", reason.into()), ("role", role)],
            ));
        }
        let mut approvers = Vec::new();
        for p in holders {
            if let Some(p) = self.unless_self(&sid, p, &mut skipped) {
                approvers.push(p);
            }
        }
        if approvers.is_empty() {
            self.trace
                .push(entry("step_dropped", vec![("step", sid.clone())]));
            return Ok(());
        }
        self.steps.push(RouteStep {
            step: sid,
            mode: step.mode,
            approvers,
            skipped,
            redirected: Some(reason),
        });
        Ok(())
    }

    fn cc(&mut self) -> Vec<Cc> {
        let mut out: Vec<Cc> = Vec::new();
        for entry_ in &self.template.cc {
            let (people, _) = self.resolve(&entry_.who);
            for p in people {
                if self.policies.cc_excludes_requester && p == self.requester.id {
                    self.trace
                        .push(entry("cc_skip_self", vec![("person", p.clone())]));
                    continue;
                }
                if !self.is_active(&p) {
                    self.trace
                        .push(entry("cc_skip_left", vec![("person", p.clone())]));
                    continue;
                }
                if out.iter().any(|c| c.id == p && c.when == entry_.when) {
                    continue;
                }
                self.trace.push(entry(
                    "cc",
                    vec![
                        ("person", p.clone()),
                        ("when", entry_.when.code().to_string()),
                    ],
                ));
                out.push(Cc {
                    id: p,
                    when: entry_.when,
                });
            }
        }
        out
    }
}

/// The people one approver rule resolves to for `requester` (left people included), exactly
/// as the simulator resolves them, with an empty form. Used by the lint.
pub(crate) fn resolve_approvers(
    ix: &OrgIndex,
    template: &Template,
    policies: &RoutingPolicies,
    requester: &Person,
    spec: &ApproverSpec,
) -> Vec<String> {
    let values = BTreeMap::new();
    let picks = BTreeMap::new();
    let sim = Sim {
        org: ix.org,
        ix,
        template,
        requester,
        policies,
        values: &values,
        picks: &picks,
        steps: Vec::new(),
        trace: Vec::new(),
    };
    sim.resolve(spec).0
}

/// A comparison over a form field (`None`: not given).
fn field_holds(actual: Option<&Value>, op: Op, expected: Option<&Value>) -> bool {
    let Some(actual) = actual else {
        return matches!(op, Op::IsEmpty | Op::Ne | Op::NotIn);
    };
    let eq = |v: &Value| values_equal(actual, v);
    match (op, expected) {
        (Op::IsEmpty, _) => matches!(actual, Value::Text(t) if t.is_empty()),
        (Op::Eq, Some(v)) => eq(v),
        (Op::Ne, Some(v)) => !eq(v),
        (Op::In, Some(Value::List(items))) => items.iter().any(eq),
        (Op::In, Some(v)) => eq(v),
        (Op::NotIn, Some(Value::List(items))) => !items.iter().any(eq),
        (Op::NotIn, Some(v)) => !eq(v),
        (Op::Gt | Op::Ge | Op::Lt | Op::Le, Some(v)) => match order(actual, v) {
            Some(o) => match op {
                Op::Gt => o.is_gt(),
                Op::Ge => o.is_ge(),
                Op::Lt => o.is_lt(),
                _ => o.is_le(),
            },
            None => false,
        },
        (Op::Between, Some(Value::List(items))) => match items.as_slice() {
            [lo, hi] => {
                order(actual, lo).is_some_and(|o| o.is_ge())
                    && order(actual, hi).is_some_and(|o| o.is_le())
            }
            _ => false,
        },
        _ => false,
    }
}

fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::Text(x), Value::Text(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        _ => false,
    }
}

fn order(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.partial_cmp(y),
        (Value::Text(x), Value::Text(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// A comparison over a requester attribute: `is` tells whether the requester matches one
/// value (a department, role or person id).
fn set_holds(op: Op, expected: Option<&Value>, is: impl Fn(&Value) -> bool, empty: bool) -> bool {
    match (op, expected) {
        (Op::IsEmpty, _) => empty,
        (Op::Eq | Op::In, Some(Value::List(items))) => items.iter().any(&is),
        (Op::Eq | Op::In, Some(v)) => is(v),
        (Op::Ne | Op::NotIn, Some(Value::List(items))) => !items.iter().any(&is),
        (Op::Ne | Op::NotIn, Some(v)) => !is(v),
        _ => false,
    }
}

/// The result of one route fixture.
#[derive(Debug, Clone, PartialEq)]
pub struct FixtureResult {
    pub id: String,
    pub name: String,
    pub pass: bool,
    pub expected: ExpectedRoute,
    /// What the simulator gave, in the fixture's terms (refused, steps, cc); `None` when it
    /// gave an error other than a refusal.
    pub actual: Option<ExpectedRoute>,
    /// The full route, when there is one.
    pub route: Option<Route>,
    /// The simulator's error, when there is one (a refusal included).
    pub error: Option<SimError>,
    /// What differs, one English line each; empty when the fixture passes.
    pub diff: Vec<String>,
}

/// A fixture's form as typed strings (numbers as people write them, yes/no as `yes`/`no`).
pub fn fixture_form(f: &RouteFixture) -> Result<Vec<(String, String)>, SimError> {
    f.fields
        .iter()
        .map(|(k, v)| match v {
            Value::Number(n) => Ok((k.clone(), describe::format_number(*n))),
            Value::Text(t) => Ok((k.clone(), t.clone())),
            Value::Bool(b) => Ok((k.clone(), if *b { "yes" } else { "no" }.to_string())),
            Value::List(_) => Err(SimError::new(
                "unsupported_value",
                vec![("field", k.clone())],
            )),
        })
        .collect()
}

/// Runs one fixture, with its picks.
pub fn run_fixture(bundle: &Bundle, f: &RouteFixture) -> FixtureResult {
    run_fixture_indexed(bundle, &OrgIndex::new(&bundle.org), f)
}

fn run_fixture_indexed(bundle: &Bundle, ix: &OrgIndex, f: &RouteFixture) -> FixtureResult {
    let picks: Vec<(String, Vec<String>)> = f
        .picks
        .iter()
        .map(|(step, people)| (step.clone(), people.clone()))
        .collect();
    let outcome = fixture_form(f)
        .and_then(|form| simulate_indexed(bundle, ix, &f.template, &f.requester, &form, &picks));
    let (actual, route, error) = match outcome {
        Ok(route) => (
            Some(ExpectedRoute {
                refused: false,
                steps: route.steps.iter().map(|s| s.approvers.clone()).collect(),
                cc: route.cc.iter().map(|c| c.id.clone()).collect(),
            }),
            Some(route),
            None,
        ),
        Err(e) if e.code == "requester_left" => (
            Some(ExpectedRoute {
                refused: true,
                ..ExpectedRoute::default()
            }),
            None,
            Some(e),
        ),
        Err(e) => (None, None, Some(e)),
    };
    let diff = match (&actual, &error) {
        (Some(a), _) => diff(&f.expect, a),
        (None, Some(e)) if f.expect.refused => vec![format!(
            "expected a refusal, got another error: {}",
            e.message()
        )],
        (None, Some(e)) => vec![format!("expected a route, got an error: {}", e.message())],
        (None, None) => Vec::new(),
    };
    FixtureResult {
        id: f.id.clone(),
        name: f.name.clone(),
        pass: diff.is_empty(),
        expected: f.expect.clone(),
        actual,
        route,
        error,
        diff,
    }
}

/// Runs every fixture of the workspace, in file order.
pub fn run_fixtures(bundle: &Bundle) -> Vec<FixtureResult> {
    let ix = OrgIndex::new(&bundle.org);
    bundle
        .fixtures
        .iter()
        .map(|f| run_fixture_indexed(bundle, &ix, f))
        .collect()
}

fn diff(expected: &ExpectedRoute, actual: &ExpectedRoute) -> Vec<String> {
    let mut out = Vec::new();
    match (expected.refused, actual.refused) {
        (true, false) => {
            out.push("expected the request to be refused, but it was routed".to_string());
            return out;
        }
        (false, true) => {
            out.push("expected a route, but the request was refused".to_string());
            return out;
        }
        (true, true) => return out,
        (false, false) => {}
    }
    let show = |s: &[String]| {
        if s.is_empty() {
            "nobody".to_string()
        } else {
            s.join(", ")
        }
    };
    if expected.steps.len() != actual.steps.len() {
        out.push(format!(
            "expected {} step(s), got {}",
            expected.steps.len(),
            actual.steps.len()
        ));
    }
    let n = expected.steps.len().max(actual.steps.len());
    for i in 0..n {
        let e = expected.steps.get(i);
        let a = actual.steps.get(i);
        if e != a {
            out.push(format!(
                "step {}: expected {}, got {}",
                i + 1,
                e.map_or_else(|| "no step".to_string(), |s| show(s)),
                a.map_or_else(|| "no step".to_string(), |s| show(s)),
            ));
        }
    }
    if expected.cc != actual.cc {
        out.push(format!(
            "cc: expected {}, got {}",
            show(&expected.cc),
            show(&actual.cc)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_and_dates() {
        for ok in ["3", "3.5", "-2", "+7", "0.01", "5."] {
            assert!(is_plain_number(ok), "{ok}");
        }
        for bad in ["", "-", ".", "1e5", "inf", "NaN", "1.2.3", "1,000", "３"] {
            assert!(!is_plain_number(bad), "{bad}");
        }
        for ok in ["2024-02-29", "2025-12-31", "2000-02-29"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2025-02-29",
            "1900-02-29",
            "2025-13-01",
            "2025-1-01",
            "2025-04-31",
            "２０２５-01-01",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }

    #[test]
    fn comparisons() {
        let n = |x: f64| Value::Number(x);
        let t = |x: &str| Value::Text(x.into());
        assert!(field_holds(Some(&n(3.5)), Op::Gt, Some(&n(3.0))));
        assert!(!field_holds(Some(&n(3.0)), Op::Gt, Some(&n(3.0))));
        assert!(field_holds(Some(&n(3.0)), Op::Ge, Some(&n(3.0))));
        assert!(field_holds(Some(&n(3.0)), Op::Le, Some(&n(3.0))));
        assert!(!field_holds(Some(&n(3.0)), Op::Lt, Some(&n(3.0))));
        assert!(field_holds(
            Some(&n(5.0)),
            Op::Between,
            Some(&Value::List(vec![n(5.0), n(10.0)]))
        ));
        assert!(!field_holds(
            Some(&n(10.01)),
            Op::Between,
            Some(&Value::List(vec![n(5.0), n(10.0)]))
        ));
        let secret = Value::List(vec![t("confidential"), t("top_secret")]);
        assert!(field_holds(Some(&t("top_secret")), Op::In, Some(&secret)));
        assert!(!field_holds(Some(&t("internal")), Op::In, Some(&secret)));
        assert!(field_holds(Some(&t("internal")), Op::NotIn, Some(&secret)));
        assert!(field_holds(Some(&t("a")), Op::Ne, Some(&t("b"))));
        // A number never equals text, and an ordering between them never holds.
        assert!(!field_holds(Some(&n(3.0)), Op::Eq, Some(&t("3"))));
        assert!(!field_holds(Some(&n(3.0)), Op::Gt, Some(&t("1"))));
        // A field not given is empty, equal to nothing and in nothing.
        assert!(field_holds(None, Op::IsEmpty, None));
        assert!(!field_holds(None, Op::Eq, Some(&n(1.0))));
        assert!(!field_holds(None, Op::Gt, Some(&n(1.0))));
        assert!(field_holds(None, Op::NotIn, Some(&secret)));
        assert!(!field_holds(Some(&n(1.0)), Op::IsEmpty, None));
    }

    #[test]
    fn every_error_and_trace_code_has_words() {
        for code in [
            "unknown_template",
            "unknown_requester",
            "requester_left",
            "unknown_field",
            "duplicate_field",
            "missing_field",
            "not_a_number",
            "not_money",
            "too_small",
            "too_large",
            "bad_step",
            "not_an_option",
            "too_long",
            "not_a_date",
            "not_yes_no",
            "unsupported_value",
            "empty_step",
            "unknown_pick_step",
            "unknown_person",
            "duplicate_pick",
            "missing_pick",
        ] {
            let m = SimError::new(code, vec![("field", "days".into())]).message();
            assert_ne!(m, code, "{code}");
        }
        for code in [
            "requester",
            "policies",
            "field",
            "branch",
            "branch_taken",
            "default_taken",
            "step",
            "resolved",
            "skip_left",
            "skip_self",
            "skip_duplicate",
            "step_dropped",
            "redirect",
            "cc",
            "cc_skip_self",
            "cc_skip_left",
        ] {
            assert_ne!(entry(code, Vec::new()).message(), code, "{code}");
        }
    }
}
