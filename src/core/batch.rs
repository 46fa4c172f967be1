//! Batch simulation: many requests routed and placed on the working calendar, with the
//! metrics process owners are judged on.
//!
//! Requests come from a CSV file ([`parse_requests`]) or are generated ([`generate`]);
//! [`run`] routes each one ([`crate::core::simulate::simulate_indexed`], the org index built
//! once) and places it on the calendar ([`crate::core::timing::timeline_on`], the calendar
//! compiled once), then computes the metrics ([`BatchResult::metrics_json`]).
//!
//! **The CSV file.** The header line names the columns `template`, `requester` and
//! `submitted_at` (also `模板`, `申请人`, `提交时间`), in any order, then one column per form
//! field, named by the field's id (`days`, `amount`…). A field column may belong to some
//! templates only: its cells are left blank on rows of other templates, since a blank cell is
//! an absent value. A column `pick:STEP` gives the people the requester chose for step
//! `STEP` (自选审批人), separated by `;`, `|`, `、` or `/`. `submitted_at` is
//! `YYYY-MM-DDTHH:MM` local time (a space instead of the `T` is accepted). A row that cannot
//! be used is reported by line ([`RowError`]) and skipped: a CSV syntax error, a row with
//! more or fewer fields than the header (`field_count`), a blank template or requester
//! (`missing_value`), a submission time that does not exist (`bad_time`); and, when the batch
//! runs, every error of the simulator (unknown template or requester, a missing required
//! field, a bad value…), with the simulator's code and params.
//!
//! **Metrics** ([`BatchResult`]), over the requests that ran (every request that routes ends,
//! approved or rejected):
//! - processing time: working hours from submission to the end of the last step; the
//!   average, and the median (p50) and p90 by the **nearest-rank** method: the value at rank
//!   `⌈p·n/100⌉` of the `n` times sorted in ascending order;
//! - pass rate: approved requests / requests that ran (`null` when none ran);
//! - escalations and SLA breaches: totals over every request ([`crate::core::timing`]);
//! - per approver: `load`, the number of steps they were asked to approve (as an approver
//!   of the step, or as the supervisor a step was escalated to), and `longest_queue`, the
//!   largest number of those steps pending at one instant. A step is pending for each of its
//!   approvers from its start to its end (an escalated supervisor: from the escalation to
//!   the step's end); the instants come from sweeping these start and end events in calendar
//!   time, ends before starts at the same minute (a step that ends at 10:00 and one that
//!   starts at 10:00 are not pending together);
//! - bottlenecks: the (template, step) pairs with the most waiting, by the total working
//!   hours their steps lasted, the top 5 (ties by template, then step id).
//!
//! Everything is ordered (sorted maps, ties broken by id), so the same batch gives the same
//! output byte for byte.

use std::collections::{BTreeMap, HashMap};

use super::bundle::Bundle;
use super::calendar::{Calendar, CompiledCalendar, DateTime};
use super::csv::{self, HeaderError, Reader, Record};
use super::org::OrgIndex;
use super::simulate::{simulate_indexed, Route, SimError};
use super::synth::{self, Rng};
use super::timing::{self, Outcome, Timeline, TimelineOptions, TimingError};

/// How many bottleneck steps [`BatchResult::metrics_json`] lists.
pub const BOTTLENECKS: usize = 5;

/// One request of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchRequest {
    /// The 1-based line of the CSV file it came from, or its row number (1, 2, …) when
    /// generated.
    pub line: usize,
    pub template: String,
    pub requester: String,
    pub submitted: DateTime,
    /// Field values as typed; blank cells are left out.
    pub form: Vec<(String, String)>,
    pub picks: Vec<(String, Vec<String>)>,
}

/// A row that could not be used, by line.
///
/// | code | params |
/// |---|---|
/// | `unterminated_quote`, `stray_quote` | (CSV syntax) |
/// | `field_count` | `found`, `expected` |
/// | `missing_value` | `column` (`template` or `requester`) |
/// | `bad_time` | `value` |
/// | `no_working_time`, `out_of_range` | (the calendar has no answer for this request) |
/// | any [`SimError`] code | the simulator's params |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

impl RowError {
    pub fn param(&self, key: &str) -> &str {
        crate::core::report::param(&self.params, key)
    }

    /// The error in English.
    pub fn message(&self) -> String {
        match self.code {
            "missing_value" => format!("the `{}` cell is blank", self.param("column")),
            "bad_time" => format!(
                "submitted_at `{}` is not a real local time written YYYY-MM-DDTHH:MM",
                self.param("value")
            ),
            "no_working_time" => {
                "the working calendar has no working time from this point on".into()
            }
            "out_of_range" => "the timeline ends after the year 9999".into(),
            code => csv::message(code, &self.params).unwrap_or_else(|| {
                SimError {
                    code,
                    params: self.params.clone(),
                }
                .message()
            }),
        }
    }
}

/// The requests read from a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestImport {
    pub requests: Vec<BatchRequest>,
    pub row_errors: Vec<RowError>,
    /// The header line could not be used (`no_header`, `bad_header`, `missing_columns`):
    /// nothing was read.
    pub header_error: Option<HeaderError>,
    /// Header cells that name no field of any template of the workspace (nor `pick:STEP`);
    /// a value in such a column makes its row an `unknown_field` error when it runs.
    pub unknown_columns: Vec<String>,
}

/// The English words for a header error of [`parse_requests`].
pub fn header_message(e: &HeaderError) -> String {
    match e.code {
        "missing_columns" => format!(
            "the header line lacks the column(s) {}; it needs template, requester and submitted_at (or 模板, 申请人, 提交时间), then one column per form field id",
            crate::core::report::param(&e.params, "columns")
        ),
        code => csv::message(code, &e.params).unwrap_or_else(|| code.to_string()),
    }
}

const COLUMNS: [(&str, &[&str]); 3] = [
    ("template", &["template", "模板", "审批模板"]),
    ("requester", &["requester", "申请人", "发起人"]),
    (
        "submitted_at",
        &["submittedat", "submitted", "提交时间", "申请时间"],
    ),
];

/// Reads the requests of a CSV file (see the module documentation). Never fails: a header
/// that cannot be used is `header_error`, bad rows are `row_errors`.
pub fn parse_requests(text: &str, bundle: &Bundle) -> RequestImport {
    let mut records = Reader::new(text);
    let columns = match csv::read_header(&mut records, &COLUMNS, COLUMNS.len()) {
        Ok(c) => c,
        Err(e) => {
            return RequestImport {
                header_error: Some(e),
                ..RequestImport::default()
            }
        }
    };
    let header = csv::headers(text);
    let fixed: Vec<usize> = columns.index.iter().flatten().copied().collect();
    // The other columns: form fields or picks.
    enum Extra {
        Field(String),
        Pick(String),
    }
    let mut extras: Vec<(usize, Extra)> = Vec::new();
    let mut unknown_columns = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        if fixed.contains(&i) {
            continue;
        }
        let name = cell.trim().trim_start_matches(csv::BOM).trim();
        if name.is_empty() {
            continue;
        }
        if let Some(step) = name.strip_prefix("pick:") {
            extras.push((i, Extra::Pick(step.trim().to_string())));
            continue;
        }
        let known = bundle
            .approvals
            .templates
            .iter()
            .any(|t| t.fields.iter().any(|f| f.id == name));
        if !known {
            unknown_columns.push(name.to_string());
        }
        extras.push((i, Extra::Field(name.to_string())));
    }
    let at = |k: usize| columns.index[k].unwrap_or(0);
    let (t_at, r_at, s_at) = (at(0), at(1), at(2));

    let mut requests = Vec::new();
    let mut row_errors = Vec::new();
    for Record { line, fields } in records {
        let error = |code, params| RowError { line, code, params };
        let fields = match fields {
            Ok(f) => f,
            Err(e) => {
                row_errors.push(error(e.kind.code(), Vec::new()));
                continue;
            }
        };
        if fields.len() != columns.width {
            row_errors.push(error(
                "field_count",
                vec![
                    ("found", fields.len().to_string()),
                    ("expected", columns.width.to_string()),
                ],
            ));
            continue;
        }
        let template = fields[t_at].trim();
        let requester = fields[r_at].trim();
        let submitted = fields[s_at].trim();
        if template.is_empty() || requester.is_empty() {
            let column = if template.is_empty() {
                "template"
            } else {
                "requester"
            };
            row_errors.push(error("missing_value", vec![("column", column.into())]));
            continue;
        }
        let Some(submitted_at) = DateTime::parse(submitted) else {
            row_errors.push(error("bad_time", vec![("value", submitted.to_string())]));
            continue;
        };
        let mut form = Vec::new();
        let mut picks = Vec::new();
        for (i, extra) in &extras {
            let value = fields[*i].trim();
            if value.is_empty() {
                continue;
            }
            match extra {
                Extra::Field(id) => form.push((id.clone(), value.to_string())),
                Extra::Pick(step) => picks.push((
                    step.clone(),
                    value
                        .split([';', '|', '、', '/'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(str::to_string)
                        .collect(),
                )),
            }
        }
        requests.push(BatchRequest {
            line,
            template: template.to_string(),
            requester: requester.to_string(),
            submitted: submitted_at,
            form,
            picks,
        });
    }
    RequestImport {
        requests,
        row_errors,
        header_error: None,
        unknown_columns,
    }
}

/// Requests generated per working day by [`generate`].
pub const GENERATED_PER_DAY: usize = 40;

const SUBMIT_STREAM: u64 = 0x7375_626d_6974_2d74;

/// `n` synthetic requests ([`synth::requests`], same seed, same requests), submitted at
/// working minutes (when `start` is one) of the workspace's calendar spread uniformly over the working days that
/// begin at `start` (about [`GENERATED_PER_DAY`] a day, at least one day), in time order.
/// Row numbers (`line`) are 1 to `n`. When the workspace's calendar does not parse or has
/// no working time ahead, the default calendar (Monday–Friday 09:00–18:00) is used, and
/// past its end, `start` itself.
pub fn generate(bundle: &Bundle, n: usize, seed: u64, start: DateTime) -> Vec<BatchRequest> {
    let plain = bundle
        .timing
        .calendar
        .to_calendar()
        .unwrap_or_else(|_| Calendar::default());
    let per_day = u64::from(plain.day_end.saturating_sub(plain.day_start)).max(1);
    let calendar = plain.compile();
    let days = n.div_ceil(GENERATED_PER_DAY).max(1) as u64;
    let window = days * per_day;
    let mut rng = Rng::new(seed ^ SUBMIT_STREAM);
    let mut offsets: Vec<u64> = (0..n)
        .map(|_| ((u128::from(rng.next_u64()) * u128::from(window)) >> 64) as u64)
        .collect();
    offsets.sort_unstable();
    // Each time from the one before (the offsets are sorted), so that the calendar walks
    // the window once, not once per request.
    let (mut at, mut done) = (start, 0u64);
    synth::requests(bundle, n, seed)
        .into_iter()
        .zip(offsets)
        .enumerate()
        .map(|(i, (r, offset))| {
            at = calendar
                .add_working_minutes(at, offset - done)
                .unwrap_or(at);
            done = offset;
            BatchRequest {
                line: i + 1,
                template: r.template,
                requester: r.requester,
                // At a working minute: a time that ends a working day is the next day's
                // start.
                submitted: calendar.next_working_start(at).unwrap_or(at),
                form: r.form,
                picks: r.picks,
            }
        })
        .collect()
}

/// One step of a request that ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepResult {
    pub step: String,
    pub approvers: Vec<String>,
    pub start: DateTime,
    pub end: DateTime,
    pub working_minutes: u64,
    /// Supervisors the step was escalated to, with the time they took over.
    pub escalated_to: Vec<(String, DateTime)>,
}

/// One request that ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowResult {
    pub line: usize,
    pub template: String,
    pub requester: String,
    pub submitted: DateTime,
    /// Every step of the route (steps after a rejection included), with its approvers.
    pub route: Vec<(String, Vec<String>)>,
    /// CC recipients.
    pub cc: Vec<String>,
    /// The branches taken, in flow order: a branch id, or `BLOCK:default` when no branch of
    /// block `BLOCK` held.
    pub branches: Vec<String>,
    pub outcome: Outcome,
    pub finish: DateTime,
    pub working_minutes: u64,
    pub calendar_minutes: i64,
    /// The steps on the calendar (up to the rejection, if any).
    pub steps: Vec<StepResult>,
    pub escalations: usize,
    pub breaches: usize,
}

/// The branch ids a route took (see [`RowResult::branches`]).
pub fn branches_taken(route: &Route) -> Vec<String> {
    route
        .trace
        .iter()
        .filter_map(|t| match t.code {
            "branch_taken" => Some(t.param("branch").to_string()),
            "default_taken" => Some(format!("{}:default", t.param("block"))),
            _ => None,
        })
        .collect()
}

/// The result of `req`, which took `route` and `tl`.
pub fn row_result(req: &BatchRequest, route: &Route, tl: Timeline) -> RowResult {
    let escalations = tl.steps.iter().map(|s| s.escalations.len()).sum();
    RowResult {
        line: req.line,
        template: req.template.clone(),
        requester: req.requester.clone(),
        submitted: req.submitted,
        route: route
            .steps
            .iter()
            .map(|s| (s.step.clone(), s.approvers.clone()))
            .collect(),
        cc: route.cc.iter().map(|c| c.id.clone()).collect(),
        branches: branches_taken(route),
        outcome: tl.outcome,
        finish: tl.finish,
        working_minutes: tl.working_minutes,
        calendar_minutes: tl.calendar_minutes,
        escalations,
        breaches: tl.breaches.len(),
        steps: tl
            .steps
            .into_iter()
            .map(|s| StepResult {
                escalated_to: s
                    .escalations
                    .iter()
                    .filter(|e| e.action == timing::Escalation::Supervisor)
                    .filter_map(|e| Some((e.to.clone()?, e.at)))
                    .collect(),
                step: s.step,
                approvers: s.approvers,
                start: s.start,
                end: s.end,
                working_minutes: s.working_minutes,
            })
            .collect(),
    }
}

/// The result of a batch: every request that ran, the rows that could not, and the metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchResult {
    /// In the order of the requests.
    pub rows: Vec<RowResult>,
    /// Sorted by line.
    pub row_errors: Vec<RowError>,
    pub metrics: Metrics,
}

/// Per approver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ApproverLoad {
    pub load: usize,
    pub longest_queue: usize,
}

/// One (template, step) pair and the waiting at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bottleneck {
    pub template: String,
    pub step: String,
    /// How many times the step ran.
    pub count: usize,
    pub total_working_minutes: u64,
}

/// The metrics of a batch (the module documentation defines each).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metrics {
    pub count: usize,
    pub approved: usize,
    pub per_template: BTreeMap<String, usize>,
    /// Template → branch (see [`RowResult::branches`]) → requests.
    pub per_branch: BTreeMap<String, BTreeMap<String, usize>>,
    pub total_working_minutes: u64,
    /// Nearest-rank percentiles, in working minutes.
    pub p50_working_minutes: Option<u64>,
    pub p90_working_minutes: Option<u64>,
    pub escalations: usize,
    pub breaches: usize,
    pub per_approver: BTreeMap<String, ApproverLoad>,
    /// The top [`BOTTLENECKS`].
    pub bottlenecks: Vec<Bottleneck>,
}

/// The value at rank `⌈p·n/100⌉` (at least 1) of `sorted` (ascending); `None` when empty.
pub fn nearest_rank(sorted: &[u64], p: usize) -> Option<u64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

impl Metrics {
    /// The metrics of the requests that ran.
    pub fn of(rows: &[RowResult]) -> Metrics {
        let mut m = Metrics {
            count: rows.len(),
            ..Metrics::default()
        };
        let mut times: Vec<u64> = Vec::with_capacity(rows.len());
        // Per approver: (minute, +1 start / -1 end) events.
        let mut events: HashMap<&str, Vec<(i64, i32)>> = HashMap::new();
        let mut loads: HashMap<&str, usize> = HashMap::new();
        let mut waits: HashMap<(&str, &str), (usize, u64)> = HashMap::new();
        for r in rows {
            times.push(r.working_minutes);
            m.total_working_minutes += r.working_minutes;
            m.approved += usize::from(r.outcome == Outcome::Approved);
            m.escalations += r.escalations;
            m.breaches += r.breaches;
            *m.per_template.entry(r.template.clone()).or_default() += 1;
            let per = m.per_branch.entry(r.template.clone()).or_default();
            for b in &r.branches {
                *per.entry(b.clone()).or_default() += 1;
            }
            for s in &r.steps {
                let w = waits.entry((&r.template, &s.step)).or_default();
                w.0 += 1;
                w.1 += s.working_minutes;
                let people = s
                    .approvers
                    .iter()
                    .map(|p| (p.as_str(), s.start))
                    .chain(s.escalated_to.iter().map(|(p, at)| (p.as_str(), *at)));
                for (p, from) in people {
                    *loads.entry(p).or_default() += 1;
                    let ev = events.entry(p).or_default();
                    ev.push((from.0, 1));
                    ev.push((s.end.0.max(from.0), -1));
                }
            }
        }
        times.sort_unstable();
        m.p50_working_minutes = nearest_rank(&times, 50);
        m.p90_working_minutes = nearest_rank(&times, 90);
        for (p, mut ev) in events {
            // Ends (-1) before starts (+1) at the same minute.
            ev.sort_unstable();
            let (mut now, mut max) = (0i64, 0i64);
            for (_, d) in ev {
                now += i64::from(d);
                max = max.max(now);
            }
            m.per_approver.insert(
                p.to_string(),
                ApproverLoad {
                    load: loads.get(p).copied().unwrap_or(0),
                    longest_queue: max as usize,
                },
            );
        }
        let mut bottlenecks: Vec<Bottleneck> = waits
            .into_iter()
            .map(|((t, s), (count, total))| Bottleneck {
                template: t.to_string(),
                step: s.to_string(),
                count,
                total_working_minutes: total,
            })
            .collect();
        bottlenecks.sort_by(|a, b| {
            b.total_working_minutes
                .cmp(&a.total_working_minutes)
                .then_with(|| a.template.cmp(&b.template))
                .then_with(|| a.step.cmp(&b.step))
        });
        bottlenecks.truncate(BOTTLENECKS);
        m.bottlenecks = bottlenecks;
        m
    }

    /// Average working hours; `None` when nothing ran.
    pub fn avg_working_hours(&self) -> Option<f64> {
        (self.count > 0).then(|| timing::hours(self.total_working_minutes) / self.count as f64)
    }

    /// Approved / ran; `None` when nothing ran.
    pub fn pass_rate(&self) -> Option<f64> {
        (self.count > 0).then(|| self.approved as f64 / self.count as f64)
    }

    /// The metrics as JSON, without row errors:
    /// `{"count", "avg_working_hours", "p50_working_hours", "p90_working_hours", "pass_rate",
    /// "escalations", "breaches", "per_approver": {ID: {"load", "longest_queue"}},
    /// "per_template": {TEMPLATE: n}, "per_branch": {TEMPLATE: {BRANCH: n}}, "bottlenecks":
    /// [{"template", "step", "count", "total_working_hours", "avg_working_hours"}]}`
    /// (averages, percentiles and the pass rate are `null` when nothing ran).
    pub fn to_json(&self) -> serde_json::Value {
        let per_approver: serde_json::Map<String, serde_json::Value> = self
            .per_approver
            .iter()
            .map(|(id, l)| {
                (
                    id.clone(),
                    serde_json::json!({ "load": l.load, "longest_queue": l.longest_queue }),
                )
            })
            .collect();
        serde_json::json!({
            "count": self.count,
            "avg_working_hours": self.avg_working_hours(),
            "p50_working_hours": self.p50_working_minutes.map(timing::hours),
            "p90_working_hours": self.p90_working_minutes.map(timing::hours),
            "pass_rate": self.pass_rate(),
            "escalations": self.escalations,
            "breaches": self.breaches,
            "per_approver": per_approver,
            "per_template": self.per_template,
            "per_branch": self.per_branch,
            "bottlenecks": self.bottlenecks.iter().map(|b| serde_json::json!({
                "template": b.template,
                "step": b.step,
                "count": b.count,
                "total_working_hours": timing::hours(b.total_working_minutes),
                "avg_working_hours":
                    timing::hours(b.total_working_minutes) / b.count.max(1) as f64,
            })).collect::<Vec<_>>(),
        })
    }
}

/// A row error as JSON: `{"line", "code", "message"}`.
pub fn row_error_json(e: &RowError) -> serde_json::Value {
    serde_json::json!({ "line": e.line, "code": e.code, "message": e.message() })
}

/// A distinct seed per row for stochastic runs, so rows do not all draw the same numbers.
fn row_seed(seed: u64, line: usize) -> u64 {
    Rng::new(seed ^ (line as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).next_u64()
}

/// The route or the error of one request (what [`crate::core::impact`] compares).
pub type Routed = Result<(Route, Timeline), RowError>;

/// Routes one request and places it on the calendar.
pub fn route_one(
    bundle: &Bundle,
    ix: &OrgIndex,
    calendar: &CompiledCalendar,
    req: &BatchRequest,
    opts: &mut TimelineOptions,
    seed: u64,
) -> Routed {
    let error = |code, params| RowError {
        line: req.line,
        code,
        params,
    };
    let route = simulate_indexed(
        bundle,
        ix,
        &req.template,
        &req.requester,
        &req.form,
        &req.picks,
    )
    .map_err(|e| error(e.code, e.params))?;
    opts.seed = Some(row_seed(seed, req.line));
    let tl = timing::timeline_on(calendar, bundle, &route, req.submitted, opts).map_err(
        |e| match e {
            TimingError::Calendar(c) => error(c.code(), Vec::new()),
            TimingError::BadSetting { field, value } => error(
                "bad_setting",
                vec![("field", field.into()), ("value", value)],
            ),
        },
    )?;
    Ok((route, tl))
}

/// Runs a batch: routes every request, places it on the calendar with `opts` (the mode,
/// seed, responses and extra holidays of [`TimelineOptions`]; in stochastic mode each row
/// draws from its own seed, made from the seed and its line) and computes the metrics. An
/// error only when the workspace's calendar does not parse.
pub fn run(
    bundle: &Bundle,
    requests: &[BatchRequest],
    opts: &TimelineOptions,
) -> Result<BatchResult, TimingError> {
    let calendar = timing::calendar(bundle, opts)?;
    let ix = OrgIndex::new(&bundle.org);
    let seed = opts.seed.unwrap_or(bundle.timing.seed);
    let mut row_opts = opts.clone();
    let mut rows = Vec::with_capacity(requests.len());
    let mut row_errors = Vec::new();
    for req in requests {
        match route_one(bundle, &ix, &calendar, req, &mut row_opts, seed) {
            Ok((route, tl)) => rows.push(row_result(req, &route, tl)),
            Err(e) => row_errors.push(e),
        }
    }
    Ok(BatchResult::new(rows, row_errors))
}

impl BatchResult {
    /// The result of these rows and errors, with their metrics (errors sorted by line).
    pub fn new(rows: Vec<RowResult>, mut row_errors: Vec<RowError>) -> BatchResult {
        row_errors.sort_by_key(|e| e.line);
        let metrics = Metrics::of(&rows);
        BatchResult {
            rows,
            row_errors,
            metrics,
        }
    }

    /// Adds row errors found before the run (the CSV import's), keeping them sorted by line.
    pub fn add_row_errors(&mut self, errors: &[RowError]) {
        self.row_errors.extend_from_slice(errors);
        self.row_errors.sort_by_key(|e| e.line);
    }

    /// The metrics as `ppg route batch` prints them: [`Metrics::to_json`] and
    /// `"row_errors": [{"line", "code", "message"}]`.
    pub fn metrics_json(&self) -> serde_json::Value {
        let mut json = self.metrics.to_json();
        if let Some(obj) = json.as_object_mut() {
            obj.insert(
                "row_errors".into(),
                self.row_errors.iter().map(row_error_json).collect(),
            );
        }
        json
    }

    /// One CSV row per request, in line order, rows that could not run included:
    /// `line, template, requester, submitted_at, outcome, finish, working_hours,
    /// calendar_minutes, route, cc, branches, escalations, breaches, error`. A route is its
    /// steps as `STEP: APPROVER APPROVER` joined by ` → `; lists are joined by spaces. Starts
    /// with a byte order mark, for spreadsheets; formulas are guarded ([`csv::write_row`]).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(csv::BOM);
        csv::write_row(
            &mut out,
            &[
                "line",
                "template",
                "requester",
                "submitted_at",
                "outcome",
                "finish",
                "working_hours",
                "calendar_minutes",
                "route",
                "cc",
                "branches",
                "escalations",
                "breaches",
                "error",
            ],
        );
        let mut rows = self.rows.iter().peekable();
        let mut errors = self.row_errors.iter().peekable();
        loop {
            let take_error = match (rows.peek(), errors.peek()) {
                (Some(r), Some(e)) => e.line < r.line,
                (None, Some(_)) => true,
                (_, None) => false,
            };
            if take_error {
                let Some(e) = errors.next() else { break };
                let line = e.line.to_string();
                let message = format!("{}: {}", e.code, e.message());
                let mut fields = vec![""; 14];
                fields[0] = line.as_str();
                fields[13] = message.as_str();
                csv::write_row(&mut out, &fields);
                continue;
            }
            let Some(r) = rows.next() else { break };
            let route = r
                .route
                .iter()
                .map(|(s, a)| format!("{s}: {}", a.join(" ")))
                .collect::<Vec<_>>()
                .join(" → ");
            let hours = format!("{}", timing::hours(r.working_minutes));
            csv::write_row(
                &mut out,
                &[
                    &r.line.to_string(),
                    &r.template,
                    &r.requester,
                    &r.submitted.to_string(),
                    r.outcome.code(),
                    &r.finish.to_string(),
                    &hours,
                    &r.calendar_minutes.to_string(),
                    &route,
                    &r.cc.join(" "),
                    &r.branches.join(" "),
                    &r.escalations.to_string(),
                    &r.breaches.to_string(),
                    "",
                ],
            );
        }
        out
    }
}
