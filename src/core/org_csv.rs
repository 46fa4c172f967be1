//! CSV import and export of the org chart's people (issue 4, item 1).
//!
//! [`export_people`] writes `id,name,dept,supervisor,roles,status` with a byte order mark
//! for Excel; `dept`, `supervisor` and `roles` are ids, roles joined with `;`, status
//! `active` or `left`. [`import_people`] reads such a file back, or one kept by hand, and
//! returns a [`PeopleImport`]: the people that could be read, row errors by line, a header
//! error when the file cannot be read at all, and problems of the result as a whole
//! (supervision cycles, people who are their own supervisor). A bad row never stops the
//! rest. Codes and named parameters are stable, for the UI to translate; `message()` gives
//! English for the command-line tool.
//!
//! An import **replaces** the people list, so supervisors are resolved against the rows of
//! the file, never against the org's current people. Departments and roles are resolved
//! against `org.departments` and `org.roles`, which the import leaves alone.
//!
//! Columns are found by their header, in English or Chinese, in any order and case:
//!
//! | column | headers accepted | required |
//! |---|---|---|
//! | `id` | id, person id, employee id, 工号, 编号, 员工编号 | yes |
//! | `name` | name, 姓名, 名字 | yes |
//! | `dept` | dept, department, 部门 | yes |
//! | `supervisor` | supervisor, manager, 直属上级, 上级 | no |
//! | `roles` | roles, role, 角色 | no |
//! | `status` | status, 状态 | no |
//!
//! Values:
//! - every value is trimmed; a leading `'` before `=` `+` `-` `@` (the export's guard
//!   against spreadsheet formulas, see [`csv::write_row`]) is dropped;
//! - the department is a department id or name; a supervisor is the id or name of a person
//!   in the file; a role is a role id or name. Ids win over names, and ASCII case is ignored
//!   when nothing matches exactly. A name that two departments, people or roles share is
//!   ambiguous, and the row is refused rather than guessed;
//! - roles are separated by `;` `,` `|` `、` (or their full-width forms); a role written
//!   twice counts once;
//! - status is `active`/`在职`, `left`/`离职` (ASCII case ignored); empty means active;
//! - a row whose fields are all empty is skipped, as spreadsheets write such rows.
//!
//! A row with an error is skipped, and so is a row whose supervisor's row was skipped
//! (`supervisor_skipped`), so that every imported supervisor is an imported person.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::core::csv::{self, Reader};
use crate::core::org::{Org, Person, Status};
use crate::core::report::param;

/// Every row error code.
///
/// | code | params |
/// |---|---|
/// | `unterminated_quote` | |
/// | `stray_quote` | |
/// | `field_count` | `expected`, `found` |
/// | `empty_id` | |
/// | `duplicate_id` | `id`, `first` (line of the first use) |
/// | `empty_name` | |
/// | `unknown_department` | `dept` (as written) |
/// | `ambiguous_department` | `dept`, `ids` (comma-separated) |
/// | `unknown_supervisor` | `supervisor` (as written) |
/// | `ambiguous_supervisor` | `supervisor`, `ids` (comma-separated) |
/// | `supervisor_skipped` | `supervisor` (id), `supervisor_line` |
/// | `unknown_role` | `role` (as written) |
/// | `ambiguous_role` | `role`, `ids` (comma-separated) |
/// | `bad_status` | `value` |
pub const ROW_ERRORS: &[&str] = &[
    "unterminated_quote",
    "stray_quote",
    "field_count",
    "empty_id",
    "duplicate_id",
    "empty_name",
    "unknown_department",
    "ambiguous_department",
    "unknown_supervisor",
    "ambiguous_supervisor",
    "supervisor_skipped",
    "unknown_role",
    "ambiguous_role",
    "bad_status",
];

/// Every header error code: `no_header` (the file has no lines), `bad_header` (param
/// `error`, a CSV error code), `missing_columns` (param `columns`, such as `id, dept`).
pub const HEADER_ERRORS: &[&str] = &["no_header", "bad_header", "missing_columns"];

/// Every problem code of the imported people as a whole:
///
/// | code | params | `ids` |
/// |---|---|---|
/// | `cycle` | `ids` (`a → b → a`) | the people in the loop, in supervision order, the first repeated at the end |
/// | `own_supervisor` | `id` | the person |
pub const PROBLEMS: &[&str] = &["cycle", "own_supervisor"];

/// A problem with one row; the row was not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The 1-based physical line of the problem.
    pub line: usize,
    /// A code from [`ROW_ERRORS`].
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

/// A problem with the whole file (a code from [`HEADER_ERRORS`]) or with the imported
/// people (a code from [`PROBLEMS`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
    /// The person ids concerned (see [`PROBLEMS`]); empty for header errors.
    pub ids: Vec<String>,
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeopleImport {
    /// The people read, in file order: the new people list.
    pub people: Vec<Person>,
    /// The line each of `people` starts on.
    pub lines: Vec<usize>,
    /// Rows that were not imported, by line (a row may have several).
    pub row_errors: Vec<RowError>,
    /// Set when the file cannot be imported at all; then there are no people.
    pub header_error: Option<ImportProblem>,
    /// Supervision cycles and self-supervision among `people`.
    pub problems: Vec<ImportProblem>,
}

/// The header line of [`export_people`].
pub const EXPORT_HEADER: [&str; 6] = ["id", "name", "dept", "supervisor", "roles", "status"];

/// The people as CSV for a spreadsheet: a UTF-8 byte order mark, the header
/// [`EXPORT_HEADER`], then one row per person in order, CRLF line ends.
pub fn export_people(org: &Org) -> String {
    let mut out = String::from(csv::BOM);
    csv::write_row(&mut out, &EXPORT_HEADER);
    for p in &org.people {
        let roles = p.roles.join(";");
        csv::write_row(
            &mut out,
            &[
                &p.id,
                &p.name,
                &p.dept,
                p.supervisor.as_deref().unwrap_or(""),
                &roles,
                status_code(p.status),
            ],
        );
    }
    out
}

fn status_code(s: Status) -> &'static str {
    match s {
        Status::Active => "active",
        Status::Left => "left",
    }
}

/// The columns, in the order of the header table above.
const COLUMNS: [(&str, &[&str]); 6] = [
    (
        "id",
        &["id", "personid", "employeeid", "工号", "编号", "员工编号"],
    ),
    ("name", &["name", "姓名", "名字"]),
    ("dept", &["dept", "department", "部门"]),
    ("supervisor", &["supervisor", "manager", "直属上级", "上级"]),
    ("roles", &["roles", "role", "角色"]),
    ("status", &["status", "状态"]),
];
const ID: usize = 0;
const NAME: usize = 1;
const DEPT: usize = 2;
const SUPERVISOR: usize = 3;
const ROLES: usize = 4;
const STATUS: usize = 5;
/// Columns before this index are required.
const REQUIRED: usize = 3;

/// A value as read: trimmed, without the export's formula guard.
fn value(s: &str) -> &str {
    let s = s.trim();
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => s,
    }
}

fn parse_status(s: &str) -> Option<Status> {
    match s.to_ascii_lowercase().as_str() {
        "" | "active" | "在职" => Some(Status::Active),
        "left" | "离职" => Some(Status::Left),
        _ => None,
    }
}

/// What a reference resolved to.
enum Found<T> {
    One(T),
    Unknown,
    Ambiguous(Vec<T>),
}

/// Lookup by id, then by name: exact first, then with ASCII case folded.
struct Lookup<T> {
    ids: HashMap<String, T>,
    ids_folded: HashMap<String, Vec<T>>,
    names: HashMap<String, Vec<T>>,
}

impl<T: Copy + PartialEq> Lookup<T> {
    fn new<'a>(items: impl Iterator<Item = (&'a str, &'a str, T)>) -> Self {
        let mut l = Lookup {
            ids: HashMap::new(),
            ids_folded: HashMap::new(),
            names: HashMap::new(),
        };
        for (id, name, t) in items {
            l.ids.entry(id.to_string()).or_insert(t);
            push_unique(l.ids_folded.entry(id.to_ascii_lowercase()).or_default(), t);
            push_unique(
                l.names.entry(name.trim().to_ascii_lowercase()).or_default(),
                t,
            );
        }
        l
    }

    fn find(&self, key: &str) -> Found<T> {
        if let Some(t) = self.ids.get(key) {
            return Found::One(*t);
        }
        let folded = key.to_ascii_lowercase();
        for map in [&self.ids_folded, &self.names] {
            match map.get(&folded).map(Vec::as_slice) {
                Some([one]) => return Found::One(*one),
                Some(many) if many.len() > 1 => return Found::Ambiguous(many.to_vec()),
                _ => {}
            }
        }
        Found::Unknown
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, t: T) {
    if !v.contains(&t) {
        v.push(t);
    }
}

/// Splits a role list; empty items are dropped.
fn split_roles(s: &str) -> impl Iterator<Item = &str> {
    s.split([';', ',', '|', '、', '；', '，', '｜'])
        .map(value)
        .filter(|r| !r.is_empty())
}

/// One data row that has an id, on its way to becoming a person.
struct Candidate {
    line: usize,
    person: Person,
    /// The supervisor as written (empty: none).
    supervisor: String,
    /// The row had an error of its own.
    rejected: bool,
}

fn header_problem(code: &'static str, params: Vec<(&'static str, String)>) -> ImportProblem {
    ImportProblem {
        code,
        params,
        ids: Vec::new(),
    }
}

/// Reads people from CSV text (a byte order mark is fine), resolving departments and roles
/// against `org`. See the module documentation for the columns and values accepted.
pub fn import_people(text: &str, org: &Org) -> PeopleImport {
    let mut out = PeopleImport::default();
    let mut records = Reader::new(text);
    let columns = match csv::read_header(&mut records, &COLUMNS, REQUIRED) {
        Ok(c) => c,
        Err(e) => {
            out.header_error = Some(header_problem(e.code, e.params));
            return out;
        }
    };

    let depts = Lookup::new(
        org.departments
            .iter()
            .map(|d| (d.id.as_str(), d.name.as_str(), d.id.as_str())),
    );
    let roles = Lookup::new(
        org.roles
            .iter()
            .map(|r| (r.id.as_str(), r.name.as_str(), r.id.as_str())),
    );
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut errors: Vec<RowError> = Vec::new();

    for record in records {
        let fields = match record.fields {
            Ok(f) => f,
            Err(e) => {
                errors.push(RowError {
                    line: e.line,
                    code: e.kind.code(),
                    params: Vec::new(),
                });
                continue;
            }
        };
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.line;
        let mut error = |code: &'static str, params: Vec<(&'static str, String)>| {
            errors.push(RowError { line, code, params });
        };
        if fields.len() != columns.width {
            error(
                "field_count",
                vec![
                    ("expected", columns.width.to_string()),
                    ("found", fields.len().to_string()),
                ],
            );
            continue;
        }
        let get = |column: usize| {
            columns.index[column]
                .and_then(|i| fields.get(i))
                .map_or("", |f| value(f))
        };
        let mut rejected = false;
        let id = get(ID);
        let mut keep = true;
        if id.is_empty() {
            error("empty_id", Vec::new());
            keep = false;
        } else if let Some(first) = first_line.get(id) {
            error(
                "duplicate_id",
                vec![("id", id.to_string()), ("first", first.to_string())],
            );
            keep = false;
        } else {
            first_line.insert(id.to_string(), line);
        }
        let name = get(NAME);
        if name.is_empty() {
            error("empty_name", Vec::new());
            rejected = true;
        }
        let dept_text = get(DEPT);
        let dept = match depts.find(dept_text) {
            Found::One(d) => d.to_string(),
            Found::Unknown => {
                error("unknown_department", vec![("dept", dept_text.to_string())]);
                rejected = true;
                String::new()
            }
            Found::Ambiguous(ids) => {
                error(
                    "ambiguous_department",
                    vec![("dept", dept_text.to_string()), ("ids", ids.join(", "))],
                );
                rejected = true;
                String::new()
            }
        };
        let mut role_ids: Vec<String> = Vec::new();
        for role in split_roles(get(ROLES)) {
            match roles.find(role) {
                Found::One(r) => {
                    if !role_ids.iter().any(|x| x == r) {
                        role_ids.push(r.to_string());
                    }
                }
                Found::Unknown => {
                    error("unknown_role", vec![("role", role.to_string())]);
                    rejected = true;
                }
                Found::Ambiguous(ids) => {
                    error(
                        "ambiguous_role",
                        vec![("role", role.to_string()), ("ids", ids.join(", "))],
                    );
                    rejected = true;
                }
            }
        }
        let status_text = get(STATUS);
        let status = parse_status(status_text).unwrap_or_else(|| {
            error("bad_status", vec![("value", status_text.to_string())]);
            rejected = true;
            Status::Active
        });
        if keep {
            candidates.push(Candidate {
                line,
                person: Person {
                    id: id.to_string(),
                    name: name.to_string(),
                    dept,
                    supervisor: None,
                    roles: role_ids,
                    status,
                },
                supervisor: get(SUPERVISOR).to_string(),
                rejected,
            });
        }
    }

    // Supervisors, against the rows of the file.
    let people = Lookup::new(
        candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.person.id.as_str(), c.person.name.as_str(), i)),
    );
    let all_ids: Vec<String> = candidates.iter().map(|c| c.person.id.clone()).collect();
    let mut boss: Vec<Option<usize>> = vec![None; candidates.len()];
    for (i, c) in candidates.iter_mut().enumerate() {
        if c.supervisor.is_empty() {
            continue;
        }
        let mut error = |code: &'static str, params: Vec<(&'static str, String)>| {
            errors.push(RowError {
                line: c.line,
                code,
                params,
            });
        };
        match people.find(&c.supervisor) {
            Found::One(s) => boss[i] = Some(s),
            Found::Unknown => {
                error(
                    "unknown_supervisor",
                    vec![("supervisor", c.supervisor.clone())],
                );
                c.rejected = true;
            }
            Found::Ambiguous(many) => {
                let ids: Vec<&str> = many.iter().map(|&k| all_ids[k].as_str()).collect();
                error(
                    "ambiguous_supervisor",
                    vec![
                        ("supervisor", c.supervisor.clone()),
                        ("ids", ids.join(", ")),
                    ],
                );
                c.rejected = true;
            }
        }
    }

    // A row whose supervisor's row is skipped is skipped too, down the chain.
    let mut reports: Vec<Vec<usize>> = vec![Vec::new(); candidates.len()];
    for (i, b) in boss.iter().enumerate() {
        if let Some(b) = b {
            if *b != i {
                reports[*b].push(i);
            }
        }
    }
    let mut queue: VecDeque<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].rejected)
        .collect();
    while let Some(b) = queue.pop_front() {
        for &r in &reports[b] {
            if !candidates[r].rejected {
                candidates[r].rejected = true;
                errors.push(RowError {
                    line: candidates[r].line,
                    code: "supervisor_skipped",
                    params: vec![
                        ("supervisor", candidates[b].person.id.clone()),
                        ("supervisor_line", candidates[b].line.to_string()),
                    ],
                });
                queue.push_back(r);
            }
        }
    }

    for (i, c) in candidates.iter().enumerate() {
        if c.rejected {
            continue;
        }
        let mut person = c.person.clone();
        person.supervisor = boss[i].map(|b| candidates[b].person.id.clone());
        out.people.push(person);
        out.lines.push(c.line);
    }
    errors.sort_by_key(|e| e.line);
    out.row_errors = errors;
    out.problems = supervision_problems(&out.people);
    out
}

/// People who are their own supervisor, then each supervision loop once, in file order.
/// Supervisors that are not in `people` end a chain. Linear in the number of people.
pub fn supervision_problems(people: &[Person]) -> Vec<ImportProblem> {
    let mut out = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        index.entry(p.id.as_str()).or_insert(i);
    }
    for p in people {
        if p.supervisor.as_deref() == Some(p.id.as_str()) {
            out.push(ImportProblem {
                code: "own_supervisor",
                params: vec![("id", p.id.clone())],
                ids: vec![p.id.clone()],
            });
        }
    }
    let next = |i: usize| -> Option<usize> {
        let p = &people[i];
        p.supervisor
            .as_deref()
            .filter(|s| *s != p.id)
            .and_then(|s| index.get(s).copied())
    };
    // 0: not visited; 1: on the current walk; 2: done.
    let mut state = vec![0u8; people.len()];
    let mut reported: HashSet<usize> = HashSet::new();
    for start in 0..people.len() {
        if state[start] != 0 {
            continue;
        }
        let mut walk = Vec::new();
        let mut current = Some(start);
        while let Some(i) = current {
            match state[i] {
                0 => {
                    state[i] = 1;
                    walk.push(i);
                    current = next(i);
                }
                1 => {
                    let at = walk.iter().position(|&w| w == i).unwrap_or(0);
                    let cycle = &walk[at..];
                    if reported.insert(i) {
                        let mut ids: Vec<String> =
                            cycle.iter().map(|&k| people[k].id.clone()).collect();
                        ids.push(people[i].id.clone());
                        out.push(ImportProblem {
                            code: "cycle",
                            params: vec![("ids", ids.join(" → "))],
                            ids,
                        });
                    }
                    break;
                }
                _ => break,
            }
        }
        for &w in &walk {
            state[w] = 2;
        }
    }
    out
}

impl RowError {
    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        param(&self.params, key)
    }

    /// The error in English.
    pub fn message(&self) -> String {
        let p = |k| self.param(k);
        match self.code {
            "empty_id" => "the id is empty".into(),
            "duplicate_id" => format!("id `{}` is already used on line {}", p("id"), p("first")),
            "empty_name" => "the name is empty".into(),
            "unknown_department" => format!("there is no department `{}`", p("dept")),
            "ambiguous_department" => format!(
                "`{}` could be any of the departments {}; use the id",
                p("dept"),
                p("ids")
            ),
            "unknown_supervisor" => format!(
                "supervisor `{}` is not a person in this file",
                p("supervisor")
            ),
            "ambiguous_supervisor" => format!(
                "supervisor `{}` could be any of {}; use the id",
                p("supervisor"),
                p("ids")
            ),
            "supervisor_skipped" => format!(
                "supervisor `{}` was not imported (line {})",
                p("supervisor"),
                p("supervisor_line")
            ),
            "unknown_role" => format!("there is no role `{}`", p("role")),
            "ambiguous_role" => format!(
                "`{}` could be any of the roles {}; use the id",
                p("role"),
                p("ids")
            ),
            "bad_status" => format!(
                "status must be active or left (在职 or 离职), not `{}`",
                p("value")
            ),
            other => csv::message(other, &self.params).unwrap_or_else(|| other.to_string()),
        }
    }
}

impl ImportProblem {
    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        param(&self.params, key)
    }

    /// The problem in English.
    pub fn message(&self) -> String {
        let p = |k| self.param(k);
        match self.code {
            "missing_columns" => format!(
                "the header line lacks the column(s) {}; it needs id, name and dept (or 工号, 姓名, 部门), and may have supervisor, roles and status (直属上级, 角色, 状态)",
                p("columns")
            ),
            "cycle" => format!("supervision loops back on itself: {}", p("ids")),
            "own_supervisor" => format!("`{}` is their own supervisor", p("id")),
            other => csv::message(other, &self.params).unwrap_or_else(|| other.to_string()),
        }
    }
}
