//! The workspace bundle: everything the user owns, in one serializable document with a
//! schema version.
//!
//! Loading is two-phase. The text is parsed to JSON, the schema version is checked
//! (newer versions are refused; older ones pass through [`migrate`]), the JSON is
//! deserialized, and then [`Bundle::validate`] checks references and ids. Every problem
//! carries the JSON path it is about.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::json_path::{self, JsonPath, PathSeg};
use super::lang::Lang;
use super::naming::inventory::InventoryRules;
use super::naming::{Component, DictionarySource, NamingScheme};
use super::norms::{Norms, Quantity};
use super::org::Org;
use super::policy::Policy;
use super::quiz::{QuestionKind, QuizBank, TOPICS};
use super::routing::{walk_flow, Approvals, ApproverSpec, FlowNode, RouteFixture, Subject};
use super::snapshot::Snapshot;
use super::timing::{Response, TimingSettings};

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: u32 = 1;

/// Files larger than this are refused before parsing (bytes).
pub const MAX_BUNDLE_BYTES: usize = 20 * 1024 * 1024;

/// A whole workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema_version: u32,
    pub settings: Settings,
    pub policy: Policy,
    pub naming: Vec<NamingScheme>,
    /// Group lifecycle rules for inventory audits; files without them get the defaults.
    #[serde(default)]
    pub inventory: InventoryRules,
    pub org: Org,
    pub approvals: Approvals,
    pub fixtures: Vec<RouteFixture>,
    pub quiz: QuizBank,
    /// The usage code's facts as data (numbers, channels, secrecy and permission levels),
    /// for computed quiz answers; files without them get empty norms, and those quiz
    /// topics then have no generated questions.
    #[serde(default)]
    pub norms: Norms,
    /// The working calendar and the timing model of approvals; files without it get the
    /// defaults.
    #[serde(default)]
    pub timing: TimingSettings,
    /// Saved versions of the workspace (its revision record), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
}

/// Workspace-wide settings.
///
/// Files written before the `timing` section existed also have `calendar` and `timing`
/// here; they were never editable and always held the defaults the `timing` section starts
/// with, so they are ignored when read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// The language the documents are written in (numbering follows it).
    pub lang: Lang,
}

/// A problem found while loading or validating a bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path such as `$.org.people[3].dept`; `$` for the whole file.
    pub path: String,
    pub kind: ProblemKind,
}

/// What kind of reference a dangling id was meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Department,
    Person,
    Role,
    Template,
    Field,
    Clause,
    /// A naming scheme.
    Scheme,
    /// A template's step with an approver chosen by the requester (a fixture's pick).
    PickStep,
    /// A template's step.
    Step,
}

impl RefKind {
    pub fn name(self) -> &'static str {
        match self {
            RefKind::Department => "department",
            RefKind::Person => "person",
            RefKind::Role => "role",
            RefKind::Template => "template",
            RefKind::Field => "field",
            RefKind::Clause => "clause",
            RefKind::Scheme => "naming scheme",
            RefKind::PickStep => "step with an approver chosen by the requester",
            RefKind::Step => "step",
        }
    }
}

/// The kinds of problem, with their parameters. The UI translates these; `Display` gives
/// the English message used by the command-line tool.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is larger than [`MAX_BUNDLE_BYTES`].
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not an object.
    NotAnObject,
    MissingSchemaVersion,
    /// `schema_version` is not a whole number.
    BadSchemaVersion,
    /// Written by a newer version of the playground.
    NewerSchema {
        found: u64,
        supported: u32,
    },
    /// A value has the wrong type or a required field is missing.
    Type {
        message: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    EmptyId,
    UnknownRef {
        kind: RefKind,
        id: String,
    },
    /// A supervision chain or department tree loops back on itself.
    Cycle {
        ids: Vec<String>,
    },
    /// A weekday outside 1 (Monday) to 7 (Sunday).
    BadWeekday {
        value: u8,
    },
    /// Not an `HH:MM` time.
    BadTime {
        value: String,
    },
    /// Not a real `YYYY-MM-DD` date.
    BadDate {
        value: String,
    },
    DayEndsBeforeStart,
    /// A number that must be zero or more.
    Negative,
    /// A number that must be more than zero.
    NotPositive,
    /// The department tree must have exactly one root.
    RootCount {
        found: usize,
    },
    OwnSupervisor {
        id: String,
    },
    /// A minimum above its maximum.
    MinAboveMax {
        min: u32,
        max: u32,
    },
    /// A list that needs at least one value is empty.
    EmptyList,
    SupervisorLevelZero,
    NoApprovers,
    AnswerOutOfRange {
        answer: usize,
        options: usize,
    },
    NoAcceptedAnswer,
    UnknownTopic {
        topic: String,
    },
    PassMarkOver100 {
        value: u32,
    },
    /// A probability outside 0 to 1.
    NotAProbability,
    /// A range of hours whose minimum is more than its maximum.
    HoursMinAboveMax {
        min: f64,
        max: f64,
    },
}

impl ProblemKind {
    /// A stable, machine-readable name for the kind (`unknown_ref`, `duplicate_id`, …).
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::TooLarge { .. } => "too_large",
            ProblemKind::Syntax { .. } => "syntax",
            ProblemKind::NotAnObject => "not_an_object",
            ProblemKind::MissingSchemaVersion => "missing_schema_version",
            ProblemKind::BadSchemaVersion => "bad_schema_version",
            ProblemKind::NewerSchema { .. } => "newer_schema",
            ProblemKind::Type { .. } => "type",
            ProblemKind::DuplicateId { .. } => "duplicate_id",
            ProblemKind::EmptyId => "empty_id",
            ProblemKind::UnknownRef { .. } => "unknown_ref",
            ProblemKind::Cycle { .. } => "cycle",
            ProblemKind::BadWeekday { .. } => "bad_weekday",
            ProblemKind::BadTime { .. } => "bad_time",
            ProblemKind::BadDate { .. } => "bad_date",
            ProblemKind::DayEndsBeforeStart => "day_ends_before_start",
            ProblemKind::Negative => "negative",
            ProblemKind::NotPositive => "not_positive",
            ProblemKind::RootCount { .. } => "root_count",
            ProblemKind::OwnSupervisor { .. } => "own_supervisor",
            ProblemKind::MinAboveMax { .. } => "min_above_max",
            ProblemKind::EmptyList => "empty_list",
            ProblemKind::SupervisorLevelZero => "supervisor_level_zero",
            ProblemKind::NoApprovers => "no_approvers",
            ProblemKind::AnswerOutOfRange { .. } => "answer_out_of_range",
            ProblemKind::NoAcceptedAnswer => "no_accepted_answer",
            ProblemKind::UnknownTopic { .. } => "unknown_topic",
            ProblemKind::PassMarkOver100 { .. } => "pass_mark_over_100",
            ProblemKind::NotAProbability => "not_a_probability",
            ProblemKind::HoursMinAboveMax { .. } => "min_above_max",
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::TooLarge { bytes, limit } => {
                write!(f, "file is {bytes} bytes, more than the limit of {limit}")
            }
            ProblemKind::Syntax { line, column, message } => {
                write!(f, "not valid JSON at line {line}, column {column}: {message}")
            }
            ProblemKind::NotAnObject => write!(f, "expected a JSON object"),
            ProblemKind::MissingSchemaVersion => write!(f, "missing `schema_version`"),
            ProblemKind::BadSchemaVersion => write!(f, "`schema_version` must be a whole number"),
            ProblemKind::NewerSchema { found, supported } => write!(
                f,
                "written by a newer version of the playground (schema {found}); this version reads schema {supported} and older"
            ),
            ProblemKind::Type { message } => write!(f, "{message}"),
            ProblemKind::DuplicateId { id, first } => {
                write!(f, "duplicate id `{id}` (first used at {first})")
            }
            ProblemKind::EmptyId => write!(f, "id must not be empty"),
            ProblemKind::UnknownRef { kind, id } => write!(f, "unknown {} `{id}`", kind.name()),
            ProblemKind::Cycle { ids } => write!(f, "cycle: {}", ids.join(" → ")),
            ProblemKind::BadWeekday { value } => {
                write!(f, "weekday `{value}` must be 1 (Monday) to 7 (Sunday)")
            }
            ProblemKind::BadTime { value } => write!(f, "`{value}` is not a time in the form HH:MM"),
            ProblemKind::BadDate { value } => {
                write!(f, "`{value}` is not a real date in the form YYYY-MM-DD")
            }
            ProblemKind::DayEndsBeforeStart => write!(f, "the working day must end after it starts"),
            ProblemKind::Negative => write!(f, "must be zero or more"),
            ProblemKind::NotPositive => write!(f, "must be more than zero"),
            ProblemKind::RootCount { found } => {
                write!(f, "the department tree must have exactly one root, found {found}")
            }
            ProblemKind::OwnSupervisor { id } => write!(f, "`{id}` cannot be their own supervisor"),
            ProblemKind::MinAboveMax { min, max } => {
                write!(f, "the minimum {min} is more than the maximum {max}")
            }
            ProblemKind::EmptyList => write!(f, "needs at least one value"),
            ProblemKind::SupervisorLevelZero => write!(f, "supervisor level starts at 1"),
            ProblemKind::NoApprovers => write!(f, "a step needs at least one approver"),
            ProblemKind::AnswerOutOfRange { answer, options } => {
                write!(f, "answer {answer} is not one of the {options} options (counted from 0)")
            }
            ProblemKind::NoAcceptedAnswer => {
                write!(f, "a fill-in question needs at least one accepted answer")
            }
            ProblemKind::UnknownTopic { topic } => {
                write!(f, "unknown topic `{topic}`; topics are {}", TOPICS.join(", "))
            }
            ProblemKind::PassMarkOver100 { value } => write!(f, "pass mark {value} is over 100"),
            ProblemKind::NotAProbability => write!(f, "must be a probability from 0 to 1"),
            ProblemKind::HoursMinAboveMax { min, max } => {
                write!(f, "the minimum {min} hours is more than the maximum {max}")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// Why a bundle could not be loaded: every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub problems: Vec<Problem>,
}

impl LoadError {
    fn one(path: &str, kind: ProblemKind) -> Self {
        LoadError {
            problems: vec![Problem {
                path: path.into(),
                kind,
            }],
        }
    }

    /// True when the file is not a readable bundle at all (not JSON, too large), as
    /// opposed to a bundle with problems in it.
    pub fn is_unreadable(&self) -> bool {
        self.problems.iter().any(|p| {
            matches!(
                p.kind,
                ProblemKind::Syntax { .. }
                    | ProblemKind::TooLarge { .. }
                    | ProblemKind::NotAnObject
            )
        })
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Most type problems reported for one file before giving up.
const MAX_TYPE_PROBLEMS: usize = 100;

impl Bundle {
    /// Parses, migrates, deserializes and validates a bundle.
    pub fn from_json(text: &str) -> Result<Bundle, LoadError> {
        Bundle::from_json_with_problems(text).and_then(Bundle::valid_only)
    }

    /// A bundle read with its validation problems, refused when there are any.
    pub fn valid_only((bundle, problems): (Bundle, Vec<Problem>)) -> Result<Bundle, LoadError> {
        if problems.is_empty() {
            Ok(bundle)
        } else {
            Err(LoadError { problems })
        }
    }

    /// Like [`Bundle::from_json`], but a bundle that deserializes is returned together with
    /// its validation problems instead of being refused. For the app's own storage: work in
    /// progress (a scheme being edited, an id being retyped) may be invalid for a moment,
    /// and a reload must not throw it away.
    pub fn from_json_with_problems(text: &str) -> Result<(Bundle, Vec<Problem>), LoadError> {
        if text.len() > MAX_BUNDLE_BYTES {
            return Err(LoadError::one(
                "$",
                ProblemKind::TooLarge {
                    bytes: text.len(),
                    limit: MAX_BUNDLE_BYTES,
                },
            ));
        }
        let version = schema_version(text)?;
        let text = migrate(text, version)?;
        let bundle = deserialize_all(&text)?;
        let problems = bundle.validate();
        Ok((bundle, problems))
    }

    /// The bundle as pretty JSON: the format of files and of browser storage alike (one
    /// serializer keeps the WebAssembly smaller than two).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks ids and references. Returns every problem, in document order.
    pub fn validate(&self) -> Vec<Problem> {
        let mut v = Validator::default();
        v.check(self);
        v.problems
    }
}

/// serde_json's message without its trailing " at line X column Y".
fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

/// Just the version field; everything else in the file is skipped unread.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    schema_version: Option<u64>,
}

/// Reads the schema version, refusing text that is not a JSON object, has no version, or
/// was written by a newer version of the playground. Syntax errors anywhere in the file
/// are found here too.
fn schema_version(text: &str) -> Result<u32, LoadError> {
    if !text.trim_start().starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(LoadError::one("$", ProblemKind::NotAnObject));
    }
    let probe: VersionProbe = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            LoadError::one(
                "$",
                ProblemKind::Syntax {
                    line: e.line(),
                    column: e.column(),
                    message: syntax_message(&e),
                },
            )
        } else if !text.trim_start().starts_with('{') {
            LoadError::one("$", ProblemKind::NotAnObject)
        } else {
            LoadError::one("$.schema_version", ProblemKind::BadSchemaVersion)
        }
    })?;
    match probe.schema_version {
        None => Err(LoadError::one("$", ProblemKind::MissingSchemaVersion)),
        Some(0) => Err(LoadError::one(
            "$.schema_version",
            ProblemKind::BadSchemaVersion,
        )),
        Some(v) if v > u64::from(SCHEMA_VERSION) => Err(LoadError::one(
            "$.schema_version",
            ProblemKind::NewerSchema {
                found: v,
                supported: SCHEMA_VERSION,
            },
        )),
        Some(v) => Ok(v as u32),
    }
}

/// Brings a bundle written with an older schema up to [`SCHEMA_VERSION`].
///
/// This is the migration seam. Version 1 is the first schema, so there is nothing to do yet.
/// When the schema changes: bump [`SCHEMA_VERSION`], and add a step here that parses the
/// text to a `serde_json::Value`, rewrites a version-N document into version N+1 (setting
/// `schema_version`), and serializes it again; steps run in sequence from `version` up.
pub fn migrate(text: &str, version: u32) -> Result<Cow<'_, str>, LoadError> {
    debug_assert!(version <= SCHEMA_VERSION);
    Ok(Cow::Borrowed(text))
}

/// Deserializes, collecting type problems. After a problem inside a list, that list item is
/// cut out of the text and deserialization is tried again, so that every bad item is
/// reported, not only the first. A problem outside any list ends the search. Reported paths
/// always refer to the file as it was, before any item was removed.
fn deserialize_all(text: &str) -> Result<Bundle, LoadError> {
    let mut problems = Vec::new();
    let mut current: Cow<'_, str> = Cow::Borrowed(text);
    // For each list (path in the original file): original indexes removed so far.
    let mut removed: HashMap<String, Vec<usize>> = HashMap::new();
    loop {
        let err = match serde_json::from_str::<Bundle>(&current) {
            Ok(bundle) if problems.is_empty() => return Ok(bundle),
            Ok(_) => return Err(LoadError { problems }),
            Err(err) => err,
        };
        let at = json_path::offset_of(&current, err.line(), err.column());
        let path = json_path::path_at(&current, at);
        let original = original_path(&path, &removed);
        problems.push(Problem {
            path: original.to_string(),
            kind: ProblemKind::Type {
                message: syntax_message(&err),
            },
        });
        let Some(last) = path.0.iter().rposition(|s| matches!(s, PathSeg::Index(_))) else {
            return Err(LoadError { problems });
        };
        let item = JsonPath(path.0[..=last].to_vec());
        match json_path::remove_item(&current, &item) {
            Some(next) if problems.len() < MAX_TYPE_PROBLEMS => current = Cow::Owned(next),
            _ => return Err(LoadError { problems }),
        }
        if let PathSeg::Index(i) = original.0[last] {
            let list = JsonPath(original.0[..last].to_vec()).to_string();
            removed.entry(list).or_default().push(i);
        }
    }
}

/// Translates a path in the trimmed text back to the file as loaded.
fn original_path(path: &JsonPath, removed: &HashMap<String, Vec<usize>>) -> JsonPath {
    let mut out = JsonPath::default();
    for seg in &path.0 {
        let mapped = match seg {
            PathSeg::Index(j) => {
                let mut index = *j;
                if let Some(gone) = removed.get(&out.to_string()) {
                    let mut gone = gone.clone();
                    gone.sort_unstable();
                    for g in gone {
                        if g <= index {
                            index += 1;
                        }
                    }
                }
                PathSeg::Index(index)
            }
            key => key.clone(),
        };
        out.0.push(mapped);
    }
    out
}

/// Collects semantic problems.
#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn push(&mut self, path: String, kind: ProblemKind) {
        self.problems.push(Problem { path, kind });
    }

    /// Checks that ids are non-empty and unique within one namespace.
    fn unique_ids<'a>(&mut self, items: impl IntoIterator<Item = (String, &'a str)>) {
        let mut seen: HashMap<&'a str, String> = HashMap::new();
        for (path, id) in items {
            if id.trim().is_empty() {
                self.push(format!("{path}.id"), ProblemKind::EmptyId);
                continue;
            }
            match seen.get(id) {
                Some(first) => {
                    let first = first.clone();
                    self.push(
                        format!("{path}.id"),
                        ProblemKind::DuplicateId {
                            id: id.to_string(),
                            first,
                        },
                    )
                }
                None => {
                    seen.insert(id, format!("{path}.id"));
                }
            }
        }
    }

    fn reference(&mut self, path: String, kind: RefKind, id: &str, known: &HashSet<&str>) {
        if !known.contains(id) {
            self.push(
                path,
                ProblemKind::UnknownRef {
                    kind,
                    id: id.to_string(),
                },
            );
        }
    }

    fn check(&mut self, b: &Bundle) {
        let clauses = self.check_policy(b);
        self.check_org(&b.org);
        let org = OrgIds::new(&b.org);
        for (i, scheme) in b.naming.iter().enumerate() {
            self.check_scheme(&format!("$.naming[{i}]"), scheme, &clauses);
        }
        self.unique_ids(
            b.naming
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("$.naming[{i}]"), s.id.as_str())),
        );
        self.check_inventory(b, &clauses);
        self.check_approvals(&b.approvals, &org, &clauses);
        self.check_fixtures(b, &org);
        self.check_quiz(&b.quiz, &clauses);
        self.check_norms(&b.norms, &clauses);
        self.check_timing(b, &org);
        self.check_snapshots(b);
    }

    /// Norms: ids unique within each list, clauses that exist, real `HH:MM` times and
    /// durations of more than zero. Whether the clause states the number is a question for
    /// [`crate::core::norms::consistency`], not a validation problem.
    fn check_norms(&mut self, n: &Norms, clauses: &HashSet<&str>) {
        let lists: [(&str, Vec<(&str, &str)>); 4] = [
            (
                "numbers",
                n.numbers
                    .iter()
                    .map(|x| (x.id.as_str(), x.clause.as_str()))
                    .collect(),
            ),
            (
                "channels",
                n.channels
                    .iter()
                    .map(|x| (x.id.as_str(), x.clause.as_str()))
                    .collect(),
            ),
            (
                "classifications",
                n.classifications
                    .iter()
                    .map(|x| (x.id.as_str(), x.clause.as_str()))
                    .collect(),
            ),
            (
                "permissions",
                n.permissions
                    .iter()
                    .map(|x| (x.id.as_str(), x.clause.as_str()))
                    .collect(),
            ),
        ];
        for (list, items) in &lists {
            self.unique_ids(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, (id, _))| (format!("$.norms.{list}[{i}]"), *id)),
            );
            for (i, (_, clause)) in items.iter().enumerate() {
                self.reference(
                    format!("$.norms.{list}[{i}].clause"),
                    RefKind::Clause,
                    clause,
                    clauses,
                );
            }
        }
        for (i, x) in n.numbers.iter().enumerate() {
            let path = format!("$.norms.numbers[{i}].value");
            match &x.value {
                Quantity::Duration { amount: 0, .. } => {
                    self.push(format!("{path}.duration.amount"), ProblemKind::NotPositive)
                }
                Quantity::Duration { .. } => {}
                Quantity::TimeRange { from, to } => {
                    if parse_hhmm(from).is_none() {
                        self.push(format!("{path}.time_range.from"), bad_time(from));
                    }
                    if parse_hhmm(to).is_none() {
                        self.push(format!("{path}.time_range.to"), bad_time(to));
                    }
                }
            }
        }
    }

    /// Versions: unique ids and real effective dates. A version's own
    /// workspace was checked when it was the workspace; it is not checked again.
    fn check_snapshots(&mut self, b: &Bundle) {
        self.unique_ids(
            b.snapshots
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("$.snapshots[{i}]"), s.id.as_str())),
        );
        for (i, s) in b.snapshots.iter().enumerate() {
            if !s.effective_date.is_empty() && !is_iso_date(&s.effective_date) {
                self.push(
                    format!("$.snapshots[{i}].effective_date"),
                    bad_date(&s.effective_date),
                );
            }
        }
    }

    fn check_timing(&mut self, b: &Bundle, org: &OrgIds) {
        let t = &b.timing;
        let cal = &t.calendar;
        for (i, d) in cal.workdays.iter().enumerate() {
            if !(1..=7).contains(d) {
                self.push(
                    format!("$.timing.calendar.workdays[{i}]"),
                    ProblemKind::BadWeekday { value: *d },
                );
            }
        }
        let start = parse_hhmm(&cal.day_start);
        let end = parse_hhmm(&cal.day_end);
        if start.is_none() {
            self.push(
                "$.timing.calendar.day_start".into(),
                bad_time(&cal.day_start),
            );
        }
        if end.is_none() {
            self.push("$.timing.calendar.day_end".into(), bad_time(&cal.day_end));
        }
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                self.push(
                    "$.timing.calendar.day_end".into(),
                    ProblemKind::DayEndsBeforeStart,
                );
            }
        }
        for (list, dates) in [
            ("holidays", &cal.holidays),
            ("extra_workdays", &cal.extra_workdays),
        ] {
            for (i, h) in dates.iter().enumerate() {
                if !is_iso_date(h) {
                    self.push(format!("$.timing.calendar.{list}[{i}]"), bad_date(h));
                }
            }
        }
        self.hours("$.timing.response_hours".into(), t.response_hours, false);
        self.hours("$.timing.timeout_hours".into(), t.timeout_hours, true);
        self.probability("$.timing.reject_probability".into(), t.reject_probability);
        for (id, r) in &t.responses {
            let path = format!("$.timing.responses.{id}");
            self.reference(path.clone(), RefKind::Person, id, &org.people);
            match r {
                Response::Fixed { hours } => {
                    self.hours(format!("{path}.fixed.hours"), *hours, false)
                }
                Response::Uniform { min, max } => {
                    self.hours(format!("{path}.uniform.min"), *min, false);
                    self.hours(format!("{path}.uniform.max"), *max, false);
                    if min > max {
                        self.push(
                            format!("{path}.uniform"),
                            ProblemKind::HoursMinAboveMax {
                                min: *min,
                                max: *max,
                            },
                        );
                    }
                }
                Response::Skewed { mean, spread } => {
                    self.hours(format!("{path}.skewed.mean"), *mean, false);
                    self.hours(format!("{path}.skewed.spread"), *spread, false);
                }
            }
        }
        for (i, s) in t.steps.iter().enumerate() {
            let path = format!("$.timing.steps[{i}]");
            match b.approvals.templates.iter().find(|x| x.id == s.template) {
                None => self.push(
                    format!("{path}.template"),
                    ProblemKind::UnknownRef {
                        kind: RefKind::Template,
                        id: s.template.clone(),
                    },
                ),
                Some(template) => {
                    let mut steps: HashSet<&str> = HashSet::new();
                    walk_flow(&template.flow, &mut |node| {
                        if let FlowNode::Step(x) = node {
                            steps.insert(x.id.as_str());
                        }
                    });
                    self.reference(format!("{path}.step"), RefKind::Step, &s.step, &steps);
                }
            }
            if let Some(h) = s.timeout_hours {
                self.hours(format!("{path}.timeout_hours"), h, true);
            }
            if let Some(p) = s.reject_probability {
                self.probability(format!("{path}.reject_probability"), p);
            }
        }
    }

    /// A number of hours: finite and at least zero (more than zero when `positive`).
    fn hours(&mut self, path: String, h: f64, positive: bool) {
        if positive && !(h.is_finite() && h > 0.0) {
            self.push(path, ProblemKind::NotPositive);
        } else if !(h.is_finite() && h >= 0.0) {
            self.push(path, ProblemKind::Negative);
        }
    }

    fn probability(&mut self, path: String, p: f64) {
        if !(0.0..=1.0).contains(&p) {
            self.push(path, ProblemKind::NotAProbability);
        }
    }

    /// Returns the set of clause ids for later reference checks.
    fn check_policy<'b>(&mut self, b: &'b Bundle) -> HashSet<&'b str> {
        let p = &b.policy;
        if !p.meta.effective_date.is_empty() && !is_iso_date(&p.meta.effective_date) {
            self.push(
                "$.policy.meta.effective_date".into(),
                bad_date(&p.meta.effective_date),
            );
        }
        // Chapters and clauses share one id namespace: both are anchors in the document.
        let mut ids = Vec::new();
        for (ci, ch) in p.chapters.iter().enumerate() {
            ids.push((format!("$.policy.chapters[{ci}]"), ch.id.as_str()));
            for (k, c) in ch.clauses.iter().enumerate() {
                ids.push((
                    format!("$.policy.chapters[{ci}].clauses[{k}]"),
                    c.id.as_str(),
                ));
            }
        }
        self.unique_ids(ids);
        p.chapters
            .iter()
            .flat_map(|ch| ch.clauses.iter().map(|c| c.id.as_str()))
            .collect()
    }

    fn check_org(&mut self, org: &Org) {
        let ids = OrgIds::new(org);
        self.unique_ids(
            org.departments
                .iter()
                .enumerate()
                .map(|(i, d)| (format!("$.org.departments[{i}]"), d.id.as_str())),
        );
        self.unique_ids(
            org.people
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("$.org.people[{i}]"), p.id.as_str())),
        );
        self.unique_ids(
            org.roles
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("$.org.roles[{i}]"), r.id.as_str())),
        );
        for (i, d) in org.departments.iter().enumerate() {
            if let Some(parent) = &d.parent {
                self.reference(
                    format!("$.org.departments[{i}].parent"),
                    RefKind::Department,
                    parent,
                    &ids.depts,
                );
            }
            if let Some(head) = &d.head {
                self.reference(
                    format!("$.org.departments[{i}].head"),
                    RefKind::Person,
                    head,
                    &ids.people,
                );
            }
        }
        let roots = org
            .departments
            .iter()
            .filter(|d| d.parent.is_none())
            .count();
        if !org.departments.is_empty() && roots != 1 {
            self.push(
                "$.org.departments".into(),
                ProblemKind::RootCount { found: roots },
            );
        }
        for (i, p) in org.people.iter().enumerate() {
            self.reference(
                format!("$.org.people[{i}].dept"),
                RefKind::Department,
                &p.dept,
                &ids.depts,
            );
            if let Some(s) = &p.supervisor {
                if s == &p.id {
                    self.push(
                        format!("$.org.people[{i}].supervisor"),
                        ProblemKind::OwnSupervisor { id: s.clone() },
                    );
                } else {
                    self.reference(
                        format!("$.org.people[{i}].supervisor"),
                        RefKind::Person,
                        s,
                        &ids.people,
                    );
                }
            }
            for (k, r) in p.roles.iter().enumerate() {
                self.reference(
                    format!("$.org.people[{i}].roles[{k}]"),
                    RefKind::Role,
                    r,
                    &ids.roles,
                );
            }
        }
        self.cycles(
            "$.org.people",
            "supervisor",
            org.people
                .iter()
                .map(|p| (p.id.as_str(), p.supervisor.as_deref()))
                .collect(),
        );
        self.cycles(
            "$.org.departments",
            "parent",
            org.departments
                .iter()
                .map(|d| (d.id.as_str(), d.parent.as_deref()))
                .collect(),
        );
    }

    /// Reports each loop in a parent-pointer forest once. Self-links are reported elsewhere,
    /// and a duplicated id resolves to its first use, as everywhere else.
    fn cycles(&mut self, list_path: &str, field: &str, links: Vec<(&str, Option<&str>)>) {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, (id, _)) in links.iter().enumerate() {
            index.entry(*id).or_insert(i);
        }
        let links: Vec<(&str, Option<&str>)> = links
            .into_iter()
            .map(|(id, parent)| (id, parent.filter(|p| *p != id)))
            .collect();
        let mut reported: HashSet<&str> = HashSet::new();
        for (start, _) in &links {
            let mut seen: Vec<&str> = Vec::new();
            let mut current = Some(*start);
            while let Some(id) = current {
                if let Some(at) = seen.iter().position(|s| *s == id) {
                    let cycle: Vec<&str> = seen[at..].to_vec();
                    if cycle.iter().all(|c| !reported.contains(c)) {
                        reported.extend(cycle.iter().copied());
                        let first = cycle.iter().min().copied().unwrap_or(id);
                        let i = index.get(first).copied().unwrap_or(0);
                        let mut ids: Vec<String> = cycle.iter().map(|s| s.to_string()).collect();
                        ids.push(cycle[0].to_string());
                        self.push(
                            format!("{list_path}[{i}].{field}"),
                            ProblemKind::Cycle { ids },
                        );
                    }
                    break;
                }
                seen.push(id);
                current = index.get(id).and_then(|&i| links[i].1);
                if seen.len() > links.len() {
                    break;
                }
            }
        }
    }

    fn check_scheme(&mut self, path: &str, s: &NamingScheme, clauses: &HashSet<&str>) {
        if let Some(c) = &s.clause {
            self.reference(format!("{path}.clause"), RefKind::Clause, c, clauses);
        }
        self.unique_ids(
            s.components
                .iter()
                .enumerate()
                .filter_map(|(i, c)| c.id().map(|id| (format!("{path}.components[{i}]"), id))),
        );
        for (i, c) in s.components.iter().enumerate() {
            let cpath = format!("{path}.components[{i}]");
            match c {
                Component::Text {
                    min_len, max_len, ..
                } if min_len > max_len => self.push(
                    cpath,
                    ProblemKind::MinAboveMax {
                        min: *min_len,
                        max: *max_len,
                    },
                ),
                Component::Number {
                    min_digits,
                    max_digits,
                    ..
                } if min_digits > max_digits => self.push(
                    cpath,
                    ProblemKind::MinAboveMax {
                        min: *min_digits,
                        max: *max_digits,
                    },
                ),
                Component::Dictionary {
                    source: DictionarySource::Values(entries),
                    ..
                } if entries.is_empty() => {
                    self.push(format!("{cpath}.source"), ProblemKind::EmptyList)
                }
                Component::Extension { values, .. } if values.is_empty() => {
                    self.push(format!("{cpath}.values"), ProblemKind::EmptyList)
                }
                _ => {}
            }
        }
        if let (Some(min), Some(max)) = (s.rules.min_len, s.rules.max_len) {
            if min > max {
                self.push(
                    format!("{path}.rules"),
                    ProblemKind::MinAboveMax { min, max },
                );
            }
        }
    }

    fn check_inventory(&mut self, b: &Bundle, clauses: &HashSet<&str>) {
        let r = &b.inventory;
        let schemes: HashSet<&str> = b.naming.iter().map(|s| s.id.as_str()).collect();
        self.reference(
            "$.inventory.scheme".into(),
            RefKind::Scheme,
            &r.scheme,
            &schemes,
        );
        if r.temporary_max_days == 0 {
            self.push(
                "$.inventory.temporary_max_days".into(),
                ProblemKind::NotPositive,
            );
        }
        if r.inactive_days == 0 {
            self.push("$.inventory.inactive_days".into(), ProblemKind::NotPositive);
        }
        if let Some(c) = &r.clause {
            self.reference("$.inventory.clause".into(), RefKind::Clause, c, clauses);
        }
    }

    fn approver(&mut self, path: String, a: &ApproverSpec, org: &OrgIds) {
        match a {
            ApproverSpec::Role { role, .. } => {
                self.reference(format!("{path}.role"), RefKind::Role, role, &org.roles)
            }
            ApproverSpec::People { people } => {
                for (k, p) in people.iter().enumerate() {
                    self.reference(
                        format!("{path}.people[{k}]"),
                        RefKind::Person,
                        p,
                        &org.people,
                    );
                }
            }
            ApproverSpec::DeptHead { dept: Some(d) } => {
                self.reference(format!("{path}.dept"), RefKind::Department, d, &org.depts)
            }
            ApproverSpec::SupervisorChain {
                until_role: Some(r),
                ..
            } => self.reference(format!("{path}.until_role"), RefKind::Role, r, &org.roles),
            ApproverSpec::Supervisor { level: 0 } => {
                self.push(format!("{path}.level"), ProblemKind::SupervisorLevelZero)
            }
            _ => {}
        }
    }

    fn check_approvals(&mut self, a: &Approvals, org: &OrgIds, clauses: &HashSet<&str>) {
        if let Some(role) = &a.policies.empty_step_role {
            self.reference(
                "$.approvals.policies.empty_step_role".into(),
                RefKind::Role,
                role,
                &org.roles,
            );
        }
        self.unique_ids(
            a.templates
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("$.approvals.templates[{i}]"), t.id.as_str())),
        );
        for (i, t) in a.templates.iter().enumerate() {
            let tpath = format!("$.approvals.templates[{i}]");
            if let Some(c) = &t.clause {
                self.reference(format!("{tpath}.clause"), RefKind::Clause, c, clauses);
            }
            self.unique_ids(
                t.fields
                    .iter()
                    .enumerate()
                    .map(|(k, f)| (format!("{tpath}.fields[{k}]"), f.id.as_str())),
            );
            let fields: HashSet<&str> = t.fields.iter().map(|f| f.id.as_str()).collect();
            let mut node_ids = Vec::new();
            self.check_flow(
                &format!("{tpath}.flow"),
                &t.flow,
                org,
                &fields,
                &mut node_ids,
            );
            self.unique_ids(node_ids);
            for (k, cc) in t.cc.iter().enumerate() {
                self.approver(format!("{tpath}.cc[{k}].who"), &cc.who, org);
            }
            if let Some(p) = &t.policies {
                if let Some(role) = &p.empty_step_role {
                    self.reference(
                        format!("{tpath}.policies.empty_step_role"),
                        RefKind::Role,
                        role,
                        &org.roles,
                    );
                }
            }
        }
    }

    fn check_flow<'a>(
        &mut self,
        path: &str,
        nodes: &'a [FlowNode],
        org: &OrgIds,
        fields: &HashSet<&str>,
        ids: &mut Vec<(String, &'a str)>,
    ) {
        for (i, node) in nodes.iter().enumerate() {
            let npath = format!("{path}[{i}]");
            match node {
                FlowNode::Step(step) => {
                    let npath = format!("{npath}.step");
                    ids.push((npath.clone(), step.id.as_str()));
                    if step.approvers.is_empty() {
                        self.push(format!("{npath}.approvers"), ProblemKind::NoApprovers);
                    }
                    for (k, a) in step.approvers.iter().enumerate() {
                        self.approver(format!("{npath}.approvers[{k}]"), a, org);
                    }
                }
                FlowNode::Branch(block) => {
                    let npath = format!("{npath}.branch");
                    ids.push((npath.clone(), block.id.as_str()));
                    for (b, branch) in block.branches.iter().enumerate() {
                        let bpath = format!("{npath}.branches[{b}]");
                        ids.push((bpath.clone(), branch.id.as_str()));
                        for (g, group) in branch.when.any_of.iter().enumerate() {
                            for (k, pred) in group.iter().enumerate() {
                                let ppath = format!("{bpath}.when.any_of[{g}][{k}]");
                                match &pred.subject {
                                    Subject::Field(field) => self.reference(
                                        format!("{ppath}.subject.field"),
                                        RefKind::Field,
                                        field,
                                        fields,
                                    ),
                                    Subject::RequesterDept => self.value_refs(
                                        &ppath,
                                        pred.value.as_ref(),
                                        RefKind::Department,
                                        &org.depts,
                                    ),
                                    Subject::RequesterRole => self.value_refs(
                                        &ppath,
                                        pred.value.as_ref(),
                                        RefKind::Role,
                                        &org.roles,
                                    ),
                                    Subject::Requester => self.value_refs(
                                        &ppath,
                                        pred.value.as_ref(),
                                        RefKind::Person,
                                        &org.people,
                                    ),
                                }
                            }
                        }
                        self.check_flow(&format!("{bpath}.then"), &branch.then, org, fields, ids);
                    }
                    self.check_flow(
                        &format!("{npath}.default"),
                        &block.default,
                        org,
                        fields,
                        ids,
                    );
                }
            }
        }
    }

    fn value_refs(
        &mut self,
        path: &str,
        value: Option<&super::routing::Value>,
        kind: RefKind,
        known: &HashSet<&str>,
    ) {
        use super::routing::Value;
        match value {
            Some(Value::Text(id)) => self.reference(format!("{path}.value"), kind, id, known),
            Some(Value::List(items)) => {
                for (k, item) in items.iter().enumerate() {
                    if let Value::Text(id) = item {
                        self.reference(format!("{path}.value[{k}]"), kind, id, known);
                    }
                }
            }
            _ => {}
        }
    }

    fn check_fixtures(&mut self, b: &Bundle, org: &OrgIds) {
        self.unique_ids(
            b.fixtures
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("$.fixtures[{i}]"), f.id.as_str())),
        );
        for (i, f) in b.fixtures.iter().enumerate() {
            let path = format!("$.fixtures[{i}]");
            self.reference(
                format!("{path}.requester"),
                RefKind::Person,
                &f.requester,
                &org.people,
            );
            match b.approvals.templates.iter().find(|t| t.id == f.template) {
                None => self.push(
                    format!("{path}.template"),
                    ProblemKind::UnknownRef {
                        kind: RefKind::Template,
                        id: f.template.clone(),
                    },
                ),
                Some(t) => {
                    for key in f.fields.keys() {
                        if t.field(key).is_none() {
                            self.push(
                                format!("{path}.fields.{key}"),
                                ProblemKind::UnknownRef {
                                    kind: RefKind::Field,
                                    id: key.clone(),
                                },
                            );
                        }
                    }
                    // A pick names a step with an approver chosen by the requester, as
                    // the simulator requires (`unknown_pick_step`).
                    let mut pickable: HashSet<&str> = HashSet::new();
                    walk_flow(&t.flow, &mut |node| {
                        if let FlowNode::Step(s) = node {
                            if s.approvers
                                .iter()
                                .any(|a| matches!(a, ApproverSpec::ChosenByRequester))
                            {
                                pickable.insert(s.id.as_str());
                            }
                        }
                    });
                    for step in f.picks.keys() {
                        self.reference(
                            format!("{path}.picks.{step}"),
                            RefKind::PickStep,
                            step,
                            &pickable,
                        );
                    }
                }
            }
            for (step, people) in &f.picks {
                for (k, p) in people.iter().enumerate() {
                    self.reference(
                        format!("{path}.picks.{step}[{k}]"),
                        RefKind::Person,
                        p,
                        &org.people,
                    );
                }
            }
            for (s, step) in f.expect.steps.iter().enumerate() {
                for (k, p) in step.iter().enumerate() {
                    self.reference(
                        format!("{path}.expect.steps[{s}][{k}]"),
                        RefKind::Person,
                        p,
                        &org.people,
                    );
                }
            }
            for (k, p) in f.expect.cc.iter().enumerate() {
                self.reference(
                    format!("{path}.expect.cc[{k}]"),
                    RefKind::Person,
                    p,
                    &org.people,
                );
            }
        }
    }

    fn check_quiz(&mut self, q: &QuizBank, clauses: &HashSet<&str>) {
        self.unique_ids(
            q.questions
                .iter()
                .enumerate()
                .map(|(i, x)| (format!("$.quiz.questions[{i}]"), x.id.as_str())),
        );
        for (i, question) in q.questions.iter().enumerate() {
            let path = format!("$.quiz.questions[{i}]");
            for (k, c) in question.clauses.iter().enumerate() {
                self.reference(format!("{path}.clauses[{k}]"), RefKind::Clause, c, clauses);
            }
            match &question.kind {
                QuestionKind::Single { options, answer } if *answer >= options.len() => self.push(
                    format!("{path}.answer"),
                    ProblemKind::AnswerOutOfRange {
                        answer: *answer,
                        options: options.len(),
                    },
                ),
                QuestionKind::Multiple { options, answers } => {
                    for (k, a) in answers.iter().enumerate() {
                        if *a >= options.len() {
                            self.push(
                                format!("{path}.answers[{k}]"),
                                ProblemKind::AnswerOutOfRange {
                                    answer: *a,
                                    options: options.len(),
                                },
                            );
                        }
                    }
                }
                QuestionKind::FillIn { accepted }
                    if accepted.iter().all(|a| a.trim().is_empty()) =>
                {
                    self.push(format!("{path}.accepted"), ProblemKind::NoAcceptedAnswer)
                }
                _ => {}
            }
        }
        self.unique_ids(
            q.sets
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("$.quiz.sets[{i}]"), s.id.as_str())),
        );
        for (i, set) in q.sets.iter().enumerate() {
            for (k, t) in set.topics.iter().enumerate() {
                if !TOPICS.contains(&t.as_str()) {
                    self.push(
                        format!("$.quiz.sets[{i}].topics[{k}]"),
                        ProblemKind::UnknownTopic { topic: t.clone() },
                    );
                }
            }
            if set.pass_mark > 100 {
                self.push(
                    format!("$.quiz.sets[{i}].pass_mark"),
                    ProblemKind::PassMarkOver100 {
                        value: set.pass_mark,
                    },
                );
            }
        }
    }
}

/// The id sets of an org, for reference checks.
struct OrgIds<'a> {
    depts: HashSet<&'a str>,
    people: HashSet<&'a str>,
    roles: HashSet<&'a str>,
}

impl<'a> OrgIds<'a> {
    fn new(org: &'a Org) -> Self {
        OrgIds {
            depts: org.departments.iter().map(|d| d.id.as_str()).collect(),
            people: org.people.iter().map(|p| p.id.as_str()).collect(),
            roles: org.roles.iter().map(|r| r.id.as_str()).collect(),
        }
    }
}

fn bad_date(s: &str) -> ProblemKind {
    ProblemKind::BadDate { value: s.into() }
}

fn bad_time(s: &str) -> ProblemKind {
    ProblemKind::BadTime { value: s.into() }
}

/// Minutes after midnight of an `HH:MM` time.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => is_real_date(y, m, d),
        _ => false,
    }
}

/// True when year-month-day exists in the Gregorian calendar.
pub fn is_real_date(y: u32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && d >= 1 && d <= days
}
