//! The timing model of approvals and the timeline of one request.
//!
//! The workspace's `timing` section ([`TimingSettings`]) holds the working calendar, how long
//! approvers take to answer, when a step times out and what happens then, and whether
//! simulations are deterministic or seeded-random. Files without the section get the
//! defaults of `shared/starter-example.md`: every approver answers in 4 working hours, every
//! step times out after 8 working hours and is escalated to the absent approver's direct
//! supervisor, Monday–Friday 09:00–18:00.
//!
//! [`timeline`] takes a route from [`crate::core::simulate`] and a submission time and
//! places every step on the calendar:
//! - each step starts when the previous one ends (the first at submission); all durations
//!   are working minutes ([`crate::core::calendar`]);
//! - a `single` or `any` (或签) step ends with the first answer, an `all` (会签) step with the
//!   last; a `single` step with several approvers is taken as `any`;
//! - an approver the step is still waiting for when the step's timeout runs out is *absent*,
//!   and the step's escalation action applies to them at that instant: `supervisor` hands
//!   their part to their direct supervisor, who answers in their own response time counted
//!   from the escalation (one level only; when there is no active supervisor other than the
//!   requester, the step keeps waiting for the absent approver and the escalation has no
//!   `to`); `auto_approve` ends their part at the timeout; `auto_reject` ends the whole
//!   request, rejected, at the timeout; `notify` records a reminder to them and keeps waiting.
//!   In an `any` step nobody is absent when someone answered in time;
//! - then the step's decision: it rejects with the step's rejection probability, drawn in
//!   stochastic mode; deterministic mode rejects only when the probability is 1. A rejected
//!   step ends the request.
//!
//! Response times: a person's entry in `responses`, else `response_hours`. An entry is a fixed
//! number of working hours, or a distribution: `uniform` between `min` and `max` hours, or
//! `skewed` (lognormal-like: never negative, a long tail of slow answers) with a `mean` and a
//! `spread` (0 = always the mean; 0.5 = typical). Deterministic mode uses the fixed value, the
//! middle of a uniform range, or the mean; stochastic mode draws from [`Rng`] (splitmix64,
//! the generator of [`crate::core::synth`]) with the seed, in route order: per step, each
//! approver in order, then each supervisor escalated to, then the step's decision. Same seed,
//! same timeline. Draws use exactly rounded arithmetic only (no `ln` or `exp`), so every
//! platform gives the same result. Times are rounded to whole minutes.
//!
//! **Promised response time (SLA).** The starter usage code promises reply times for
//! messages (30 minutes for important ones, one working day for the rest) but none for
//! approvals, so a step's promise is its timeout: a breach is an approver who had not
//! answered when the step's timeout ran out (every absent approver, whatever the action).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::bundle::Bundle;
use super::calendar::{parse_hhmm, Calendar, CalendarError, CompiledCalendar, Date, DateTime};
use super::org::Status;
use super::routing::StepMode;
use super::simulate::Route;
use super::synth::Rng;

/// The working calendar as stored in the workspace (text dates, validated on load).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarSettings {
    /// ISO weekdays that are working days (1 = Monday … 7 = Sunday).
    pub workdays: Vec<u8>,
    /// `HH:MM`.
    pub day_start: String,
    /// `HH:MM`, after `day_start`.
    pub day_end: String,
    /// Public holidays, `YYYY-MM-DD`.
    pub holidays: Vec<String>,
    /// Make-up working days on weekends (调休), `YYYY-MM-DD`.
    pub extra_workdays: Vec<String>,
}

impl Default for CalendarSettings {
    fn default() -> Self {
        CalendarSettings {
            workdays: vec![1, 2, 3, 4, 5],
            day_start: "09:00".into(),
            day_end: "18:00".into(),
            holidays: Vec::new(),
            extra_workdays: Vec::new(),
        }
    }
}

impl CalendarSettings {
    /// The calendar for arithmetic; the first bad value is an error.
    pub fn to_calendar(&self) -> Result<Calendar, TimingError> {
        let bad = |field: &'static str, value: &str| TimingError::BadSetting {
            field,
            value: value.to_string(),
        };
        let day_start =
            parse_hhmm(&self.day_start).ok_or_else(|| bad("day_start", &self.day_start))?;
        let day_end = parse_hhmm(&self.day_end).ok_or_else(|| bad("day_end", &self.day_end))?;
        if day_end <= day_start {
            return Err(bad("day_end", &self.day_end));
        }
        let dates = |field: &'static str, list: &[String]| -> Result<Vec<Date>, TimingError> {
            list.iter()
                .map(|s| Date::parse(s).ok_or_else(|| bad(field, s)))
                .collect()
        };
        Ok(Calendar {
            weekdays: self.workdays.clone(),
            day_start,
            day_end,
            holidays: dates("holidays", &self.holidays)?,
            extra_workdays: dates("extra_workdays", &self.extra_workdays)?,
        })
    }
}

/// How long a person takes to answer, in working hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// Always this long.
    Fixed { hours: f64 },
    /// Uniformly between `min` and `max`.
    Uniform { min: f64, max: f64 },
    /// Right-skewed around `mean`: `mean · max(0, 1 + spread·z)² / (1 + spread²)` with `z`
    /// nearly standard normal (the sum of 12 uniform numbers, minus 6).
    Skewed { mean: f64, spread: f64 },
}

impl Response {
    /// Working minutes: the typical value, or a draw when `rng` is given.
    pub fn minutes(&self, rng: Option<&mut Rng>) -> u64 {
        let hours = match (self, rng) {
            (Response::Fixed { hours }, _) => *hours,
            (Response::Uniform { min, max }, None) => (min + max) / 2.0,
            (Response::Uniform { min, max }, Some(rng)) => min + (max - min) * rng.unit(),
            (Response::Skewed { mean, .. }, None) => *mean,
            (Response::Skewed { mean, spread }, Some(rng)) => {
                let z: f64 = (0..12).map(|_| rng.unit()).sum::<f64>() - 6.0;
                let f = (1.0 + spread * z).max(0.0);
                mean * f * f / (1.0 + spread * spread)
            }
        };
        hours_to_minutes(hours)
    }
}

/// Whole minutes of a number of hours; nonsense (negative, not a number) is 0.
fn hours_to_minutes(hours: f64) -> u64 {
    if hours.is_finite() && hours > 0.0 {
        (hours * 60.0).round() as u64
    } else {
        0
    }
}

/// What happens to an approver still absent when a step times out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Escalation {
    /// Their part goes to their direct supervisor.
    #[default]
    Supervisor,
    /// Their part counts as approved.
    AutoApprove,
    /// The request is rejected.
    AutoReject,
    /// They are reminded; the step keeps waiting.
    Notify,
}

impl Escalation {
    pub fn code(self) -> &'static str {
        match self {
            Escalation::Supervisor => "supervisor",
            Escalation::AutoApprove => "auto_approve",
            Escalation::AutoReject => "auto_reject",
            Escalation::Notify => "notify",
        }
    }

    pub fn parse(s: &str) -> Option<Escalation> {
        [
            Escalation::Supervisor,
            Escalation::AutoApprove,
            Escalation::AutoReject,
            Escalation::Notify,
        ]
        .into_iter()
        .find(|e| e.code() == s)
    }
}

/// Deterministic (everyone takes their typical time) or stochastic (seeded draws).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Deterministic,
    Stochastic,
}

/// Overrides for one step of one template; what is absent comes from the workspace's values.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StepTiming {
    pub template: String,
    /// The template's step id.
    pub step: String,
    #[serde(default)]
    pub timeout_hours: Option<f64>,
    #[serde(default)]
    pub escalation: Option<Escalation>,
    #[serde(default)]
    pub reject_probability: Option<f64>,
}

/// The workspace's `timing` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimingSettings {
    pub calendar: CalendarSettings,
    /// Working hours an approver takes to answer, unless `responses` says otherwise.
    pub response_hours: f64,
    /// Per person id.
    pub responses: BTreeMap<String, Response>,
    /// Working hours after which a step's absent approvers are escalated.
    pub timeout_hours: f64,
    pub escalation: Escalation,
    /// The chance that a step rejects the request (0 to 1).
    pub reject_probability: f64,
    pub steps: Vec<StepTiming>,
    pub mode: Mode,
    pub seed: u64,
}

impl Default for TimingSettings {
    fn default() -> Self {
        TimingSettings {
            calendar: CalendarSettings::default(),
            response_hours: 4.0,
            responses: BTreeMap::new(),
            timeout_hours: 8.0,
            escalation: Escalation::Supervisor,
            reject_probability: 0.0,
            steps: Vec::new(),
            mode: Mode::Deterministic,
            seed: 0,
        }
    }
}

/// Changes for one run, on top of the workspace's settings (the command line's options).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineOptions {
    /// Replaces the settings' mode.
    pub mode: Option<Mode>,
    /// Replaces the settings' seed.
    pub seed: Option<u64>,
    /// Response times that replace the settings' for these people.
    pub responses: Vec<(String, Response)>,
    /// Holidays in addition to the calendar's.
    pub holidays: Vec<Date>,
}

/// Why there is no timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimingError {
    /// A calendar value that does not parse (`field`: `day_start`, `day_end`, `holidays`,
    /// `extra_workdays`).
    BadSetting {
        field: &'static str,
        value: String,
    },
    Calendar(CalendarError),
}

impl TimingError {
    pub fn code(&self) -> &'static str {
        match self {
            TimingError::BadSetting { .. } => "bad_setting",
            TimingError::Calendar(e) => e.code(),
        }
    }
}

impl fmt::Display for TimingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimingError::BadSetting { field, value } => {
                write!(
                    f,
                    "the working calendar's `{field}` has a bad value `{value}`"
                )
            }
            TimingError::Calendar(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for TimingError {}

impl From<CalendarError> for TimingError {
    fn from(e: CalendarError) -> Self {
        TimingError::Calendar(e)
    }
}

/// Approved or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Approved,
    Rejected,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Rejected => "rejected",
        }
    }
}

/// One escalation at a step's timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalated {
    pub at: DateTime,
    pub action: Escalation,
    /// The absent approver (`None` for `auto_approve` and `auto_reject`, which act on the
    /// step once).
    pub from: Option<String>,
    /// The supervisor who takes over, or the approver reminded; `None` otherwise (and when
    /// there was no supervisor to escalate to).
    pub to: Option<String>,
}

/// One step on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTimeline {
    pub step: String,
    pub mode: StepMode,
    pub approvers: Vec<String>,
    pub start: DateTime,
    pub end: DateTime,
    /// Who gave the answers that ended the step: the first answer of a `single` or `any`
    /// step, every answer of an `all` step (supervisors who took over included; parts
    /// approved automatically have nobody).
    pub answered_by: Vec<String>,
    pub working_minutes: u64,
    pub escalations: Vec<Escalated>,
    pub outcome: Outcome,
}

/// An approver who had not answered within the step's promise (its timeout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    pub step: String,
    pub approver: String,
    pub promised_minutes: u64,
    /// The time the approver takes (or would have taken) to answer.
    pub response_minutes: u64,
}

/// The timeline of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub template: String,
    pub requester: String,
    pub submitted: DateTime,
    pub steps: Vec<StepTimeline>,
    pub finish: DateTime,
    pub outcome: Outcome,
    /// Working minutes from submission to finish.
    pub working_minutes: u64,
    /// Calendar minutes from submission to finish.
    pub calendar_minutes: i64,
    pub breaches: Vec<Breach>,
}

impl Timeline {
    /// The timeline as the command-line tool prints it (times `YYYY-MM-DDTHH:MM`, durations
    /// in working hours):
    /// `{"template", "requester", "submitted", "finish", "outcome", "working_hours",
    /// "calendar_minutes", "steps": [{"step", "mode", "approvers", "start", "end",
    /// "answered_by", "working_hours", "outcome", "escalations": [{"at", "action", "from",
    /// "to"}]}], "breaches": [{"step", "approver", "promised_hours", "response_hours"}]}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "template": self.template,
            "requester": self.requester,
            "submitted": self.submitted.to_string(),
            "finish": self.finish.to_string(),
            "outcome": self.outcome.code(),
            "working_hours": hours(self.working_minutes),
            "calendar_minutes": self.calendar_minutes,
            "steps": self.steps.iter().map(|s| serde_json::json!({
                "step": s.step,
                "mode": s.mode.code(),
                "approvers": s.approvers,
                "start": s.start.to_string(),
                "end": s.end.to_string(),
                "answered_by": s.answered_by,
                "working_hours": hours(s.working_minutes),
                "outcome": s.outcome.code(),
                "escalations": s.escalations.iter().map(|e| serde_json::json!({
                    "at": e.at.to_string(),
                    "action": e.action.code(),
                    "from": e.from,
                    "to": e.to,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "breaches": self.breaches.iter().map(|b| serde_json::json!({
                "step": b.step,
                "approver": b.approver,
                "promised_hours": hours(b.promised_minutes),
                "response_hours": hours(b.response_minutes),
            })).collect::<Vec<_>>(),
        })
    }
}

/// Minutes as hours, for output.
pub fn hours(minutes: u64) -> f64 {
    minutes as f64 / 60.0
}

/// The timeline of the request that takes `route`, submitted at `submitted`. The module
/// documentation gives the rules.
pub fn timeline(
    bundle: &Bundle,
    route: &Route,
    submitted: DateTime,
    opts: &TimelineOptions,
) -> Result<Timeline, TimingError> {
    timeline_on(&calendar(bundle, opts)?, bundle, route, submitted, opts)
}

/// The workspace's calendar with the options' extra holidays, compiled for
/// [`timeline_on`].
pub fn calendar(bundle: &Bundle, opts: &TimelineOptions) -> Result<CompiledCalendar, TimingError> {
    let mut calendar = bundle.timing.calendar.to_calendar()?;
    calendar.holidays.extend(opts.holidays.iter().copied());
    Ok(calendar.compile())
}

/// [`timeline`] on a calendar compiled once ([`calendar`]) for many requests; the options'
/// holidays are taken to be in it already.
pub fn timeline_on(
    calendar: &CompiledCalendar,
    bundle: &Bundle,
    route: &Route,
    submitted: DateTime,
    opts: &TimelineOptions,
) -> Result<Timeline, TimingError> {
    let settings = &bundle.timing;
    let mode = opts.mode.unwrap_or(settings.mode);
    let mut rng = Rng::new(opts.seed.unwrap_or(settings.seed));
    let stochastic = mode == Mode::Stochastic;

    let response = |person: &str| -> Response {
        opts.responses
            .iter()
            .rev()
            .find(|(p, _)| p == person)
            .map(|(_, r)| r.clone())
            .or_else(|| settings.responses.get(person).cloned())
            .unwrap_or(Response::Fixed {
                hours: settings.response_hours,
            })
    };
    let supervisor = |person: &str| -> Option<String> {
        let sup = bundle.org.person(person)?.supervisor.as_deref()?;
        let sup = bundle.org.person(sup)?;
        (sup.status == Status::Active && sup.id != route.requester).then(|| sup.id.clone())
    };

    let mut steps = Vec::new();
    let mut breaches = Vec::new();
    let mut outcome = Outcome::Approved;
    let mut at = submitted;
    for rs in &route.steps {
        let over = settings
            .steps
            .iter()
            .find(|s| s.template == route.template && s.step == rs.step);
        let timeout = hours_to_minutes(
            over.and_then(|o| o.timeout_hours)
                .unwrap_or(settings.timeout_hours),
        )
        .max(1);
        let action = over
            .and_then(|o| o.escalation)
            .unwrap_or(settings.escalation);
        let reject_p = over
            .and_then(|o| o.reject_probability)
            .unwrap_or(settings.reject_probability);

        let start = at;
        let times: Vec<u64> = rs
            .approvers
            .iter()
            .map(|p| response(p).minutes(stochastic.then_some(&mut rng)))
            .collect();
        let all = rs.mode == StepMode::All;
        // Who is absent at the timeout.
        let absent: Vec<usize> = if all {
            (0..times.len()).filter(|&i| times[i] > timeout).collect()
        } else if times.iter().all(|&t| t > timeout) {
            (0..times.len()).collect()
        } else {
            Vec::new()
        };
        let timeout_at = calendar.add_working_minutes(start, timeout)?;
        // Each part of the step: (working minutes from the start, who answered).
        let mut parts: Vec<(u64, Option<String>)> = (0..times.len())
            .filter(|i| !absent.contains(i))
            .map(|i| (times[i], Some(rs.approvers[i].clone())))
            .collect();
        let mut escalations = Vec::new();
        let mut rejected_at_timeout = false;
        for &i in &absent {
            let who = &rs.approvers[i];
            breaches.push(Breach {
                step: rs.step.clone(),
                approver: who.clone(),
                promised_minutes: timeout,
                response_minutes: times[i],
            });
            match action {
                Escalation::Supervisor => {
                    let to = supervisor(who);
                    match &to {
                        Some(s) => {
                            let t = response(s).minutes(stochastic.then_some(&mut rng));
                            parts.push((timeout.saturating_add(t), Some(s.clone())));
                        }
                        None => parts.push((times[i], Some(who.clone()))),
                    }
                    escalations.push(Escalated {
                        at: timeout_at,
                        action,
                        from: Some(who.clone()),
                        to,
                    });
                }
                Escalation::Notify => {
                    parts.push((times[i], Some(who.clone())));
                    escalations.push(Escalated {
                        at: timeout_at,
                        action,
                        from: Some(who.clone()),
                        to: Some(who.clone()),
                    });
                }
                Escalation::AutoApprove | Escalation::AutoReject => {
                    parts.push((timeout, None));
                    rejected_at_timeout |= action == Escalation::AutoReject;
                }
            }
        }
        if !absent.is_empty() && matches!(action, Escalation::AutoApprove | Escalation::AutoReject)
        {
            escalations.push(Escalated {
                at: timeout_at,
                action,
                from: None,
                to: None,
            });
        }
        // The step's length and who ended it (each person once).
        let (length, answered_by) = if rejected_at_timeout {
            (timeout, Vec::new())
        } else if all {
            let length = parts.iter().map(|p| p.0).max().unwrap_or(0);
            let mut who: Vec<String> = Vec::new();
            for p in parts.iter().filter_map(|p| p.1.as_ref()) {
                if !who.contains(p) {
                    who.push(p.clone());
                }
            }
            (length, who)
        } else {
            // The first answer; on a tie, the first in order.
            match parts.iter().min_by_key(|p| p.0) {
                Some((length, who)) => (*length, who.iter().cloned().collect()),
                None => (0, Vec::new()),
            }
        };
        let end = calendar.add_working_minutes(start, length)?;
        let step_outcome = if rejected_at_timeout {
            Outcome::Rejected
        } else {
            let p = if reject_p.is_finite() { reject_p } else { 0.0 };
            let rejects = if stochastic { rng.unit() < p } else { p >= 1.0 };
            if rejects {
                Outcome::Rejected
            } else {
                Outcome::Approved
            }
        };
        steps.push(StepTimeline {
            step: rs.step.clone(),
            mode: rs.mode,
            approvers: rs.approvers.clone(),
            start,
            end,
            answered_by,
            working_minutes: calendar.working_minutes_between(start, end),
            escalations,
            outcome: step_outcome,
        });
        at = end;
        if step_outcome == Outcome::Rejected {
            outcome = Outcome::Rejected;
            break;
        }
    }
    Ok(Timeline {
        template: route.template.clone(),
        requester: route.requester.clone(),
        submitted,
        steps,
        finish: at,
        outcome,
        working_minutes: calendar.working_minutes_between(submitted, at),
        calendar_minutes: submitted.minutes_until(at),
        breaches,
    })
}
