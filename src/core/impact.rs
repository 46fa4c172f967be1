//! Change impact: the same requests under two versions of the rules.
//!
//! [`compare`] runs a batch ([`crate::core::batch`]) under the old workspace and under the
//! new one and lists the requests that route differently. A request *changes* when the
//! approvers of its steps differ (step by step, in order; the step ids themselves are not
//! compared, so renaming a step changes nothing), when its CC recipients differ, when its
//! outcome differs (approved or rejected, on the calendar with the same options), or when it
//! is an error under one version and not under the other. A request that is an error under
//! both is not a change. Both runs keep their metrics, so every metric can be shown moving.

use super::batch::{self, BatchRequest, BatchResult, RowError};
use super::bundle::Bundle;
use super::org::OrgIndex;
use super::simulate::Route;
use super::timing::{self, Outcome, Timeline, TimelineOptions, TimingError};

/// One side of a change: what the request did under one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Side {
    Routed {
        /// Each step's id and approvers, in order.
        steps: Vec<(String, Vec<String>)>,
        cc: Vec<String>,
        outcome: Outcome,
    },
    Error(RowError),
}

impl Side {
    fn of(routed: &Result<(Route, Timeline), RowError>) -> Side {
        match routed {
            Ok((route, tl)) => Side::Routed {
                steps: route
                    .steps
                    .iter()
                    .map(|s| (s.step.clone(), s.approvers.clone()))
                    .collect(),
                cc: route.cc.iter().map(|c| c.id.clone()).collect(),
                outcome: tl.outcome,
            },
            Err(e) => Side::Error(e.clone()),
        }
    }

    /// Whether the two sides differ in the sense of the module documentation.
    pub fn differs(&self, other: &Side) -> bool {
        match (self, other) {
            (
                Side::Routed {
                    steps: a,
                    cc: ca,
                    outcome: oa,
                },
                Side::Routed {
                    steps: b,
                    cc: cb,
                    outcome: ob,
                },
            ) => {
                a.len() != b.len()
                    || a.iter().zip(b).any(|(x, y)| x.1 != y.1)
                    || ca != cb
                    || oa != ob
            }
            (Side::Error(_), Side::Error(_)) => false,
            _ => true,
        }
    }

    /// `{"steps": [{"step", "approvers"}], "cc": [ID], "outcome"}` or `{"error": CODE,
    /// "message"}`.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Side::Routed { steps, cc, outcome } => serde_json::json!({
                "steps": steps.iter().map(|(s, a)| serde_json::json!({
                    "step": s,
                    "approvers": a,
                })).collect::<Vec<_>>(),
                "cc": cc,
                "outcome": outcome.code(),
            }),
            Side::Error(e) => serde_json::json!({ "error": e.code, "message": e.message() }),
        }
    }
}

/// A request that routes differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The request's line (or row number when generated).
    pub line: usize,
    pub template: String,
    pub requester: String,
    pub old: Side,
    pub new: Side,
}

/// The comparison of two versions over one batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// In request order.
    pub changed: Vec<Change>,
    pub base: BatchResult,
    pub new: BatchResult,
}

impl Impact {
    /// `{"changed": [{"row", "template", "requester", "old", "new"}], "base": METRICS,
    /// "new": METRICS}`, the metrics as [`BatchResult::metrics_json`] prints them.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "changed": self.changed.iter().map(|c| serde_json::json!({
                "row": c.line,
                "template": c.template,
                "requester": c.requester,
                "old": c.old.to_json(),
                "new": c.new.to_json(),
            })).collect::<Vec<_>>(),
            "base": self.base.metrics_json(),
            "new": self.new.metrics_json(),
        })
    }
}

/// Runs `requests` under `old` and under `new` with the same options (each workspace with
/// its own calendar and timing model) and lists the requests that change. An error only
/// when a workspace's calendar does not parse.
pub fn compare(
    old: &Bundle,
    new: &Bundle,
    requests: &[BatchRequest],
    opts: &TimelineOptions,
) -> Result<Impact, TimingError> {
    let (old_cal, new_cal) = (timing::calendar(old, opts)?, timing::calendar(new, opts)?);
    let (old_ix, new_ix) = (OrgIndex::new(&old.org), OrgIndex::new(&new.org));
    let (old_seed, new_seed) = (
        opts.seed.unwrap_or(old.timing.seed),
        opts.seed.unwrap_or(new.timing.seed),
    );
    let mut row_opts = opts.clone();
    let mut changed = Vec::new();
    let (mut old_rows, mut old_errors) = (Vec::new(), Vec::new());
    let (mut new_rows, mut new_errors) = (Vec::new(), Vec::new());
    for req in requests {
        let a = batch::route_one(old, &old_ix, &old_cal, req, &mut row_opts, old_seed);
        let b = batch::route_one(new, &new_ix, &new_cal, req, &mut row_opts, new_seed);
        let (sa, sb) = (Side::of(&a), Side::of(&b));
        if sa.differs(&sb) {
            changed.push(Change {
                line: req.line,
                template: req.template.clone(),
                requester: req.requester.clone(),
                old: sa,
                new: sb,
            });
        }
        match a {
            Ok((route, tl)) => old_rows.push(batch::row_result(req, &route, tl)),
            Err(e) => old_errors.push(e),
        }
        match b {
            Ok((route, tl)) => new_rows.push(batch::row_result(req, &route, tl)),
            Err(e) => new_errors.push(e),
        }
    }
    Ok(Impact {
        changed,
        base: BatchResult::new(old_rows, old_errors),
        new: BatchResult::new(new_rows, new_errors),
    })
}
