//! Group inventory audit: checks an imported list of groups (CSV, one group per row)
//! against the workspace's group lifecycle rules, the naming scheme and the org chart.
//!
//! The rules ([`InventoryRules`], stored in the bundle) follow the usage code's clean-up
//! clause: every group has exactly one owner, who is an active employee; a temporary group
//! older than a limit is dissolved or converted; a group inactive for too long is archived or
//! dissolved; people who have left are removed; customer groups, and only they, are external.
//!
//! [`audit`] reads the CSV with [`crate::core::csv::Reader`] and returns an
//! [`InventoryReport`]: every group row with its findings (an empty list when it passes),
//! rows that could not be read ([`RowError`]) and a report-level error when the header line
//! lacks a column. A bad row never stops the rest. Findings, row errors and report problems
//! carry a stable code and named parameters for the UI to translate, plus an English
//! `message()` for the command-line tool.
//!
//! Columns are found by their header, in English or Chinese, in any order and case:
//!
//! | column | headers accepted |
//! |---|---|
//! | `name` | name, group name, 群名称, 群名, 群聊名称 |
//! | `owner` | owner, group owner, 群主 |
//! | `type` | type, group type, 群类型, 类型 |
//! | `created` | created, created at, creation date, create time, 创建时间, 创建日期 |
//! | `last_active` | last active, last activity, last_active, 最后活跃, 最近活跃, 最后活跃时间, 最近活跃时间 |
//! | `members` | members, member, 成员, 群成员 |
//! | `external` | external, is external, 外部, 是否外部, 外部群, 是否外部群 |
//!
//! Values:
//! - the name is taken exactly as written; every other value is trimmed;
//! - owners and members are person ids or names from the org chart (ASCII case is ignored),
//!   separated by `;` `,` `|` `、` `/` (or their full-width forms);
//! - dates are `YYYY-MM-DD`, `YYYY/MM/DD` (month and day may have one digit), `YYYYMMDD` or
//!   `YYYY年M月D日`, optionally followed by a time, which is ignored. An empty last-active
//!   date means the group was never active, so its creation date counts instead;
//! - external is yes/no, true/false, y/n, 1/0 or 是/否;
//! - the type written in a name is the value of the scheme's component with id `type` (the
//!   starter's group scheme has one); an empty type column falls back to it, and a type
//!   column that disagrees with it is a finding;
//! - a row whose fields are all empty is skipped, as spreadsheets write such rows.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::check::{compile, Compiled};
use super::{Component, NamingScheme};
use crate::core::bundle::{is_real_date, Bundle};
use crate::core::csv::{self, Reader};
use crate::core::org::{Person, Status};
use crate::core::report::param;

/// The group lifecycle rules an inventory is checked against. Every field has a default, so
/// files written before these rules existed still load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InventoryRules {
    /// The id of the naming scheme group names are checked against.
    pub scheme: String,
    /// The group type that is temporary (临时群).
    pub temporary_type: String,
    /// Days a temporary group may exist before it is dissolved or converted.
    pub temporary_max_days: u32,
    /// Days without activity after which a group is archived or dissolved.
    pub inactive_days: u32,
    /// The group type for customers, the only type that may be external (客户群).
    pub customer_type: String,
    /// The usage-code clause that states these rules. `None` by default, because an older
    /// file's policy may not have the starter's clause.
    pub clause: Option<String>,
}

impl Default for InventoryRules {
    fn default() -> Self {
        InventoryRules {
            scheme: "group".into(),
            temporary_type: "临时群".into(),
            temporary_max_days: 30,
            inactive_days: 90,
            customer_type: "客户群".into(),
            clause: None,
        }
    }
}

/// A calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date, if it exists in the Gregorian calendar (years 1 to 9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let y = u32::try_from(year).ok().filter(|y| *y <= 9999)?;
        is_real_date(y, month, day).then_some(Date { year, month, day })
    }

    /// Strictly `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::from_parts(&s[0..4], &s[5..7], &s[8..10], 2)
    }

    /// A date as spreadsheets and exports write it: `YYYY-MM-DD`, `YYYY/MM/DD` (one-digit
    /// month and day allowed), `YYYYMMDD` or `YYYY年M月D日`, optionally followed by a space
    /// or `T` and a time, which is ignored.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let date = s
            .split(|c: char| c.is_whitespace() || c == 'T')
            .next()
            .unwrap_or(s);
        if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
            return Date::from_parts(&date[0..4], &date[4..6], &date[6..8], 2);
        }
        let parts: Vec<&str> = if let Some(rest) = date.strip_suffix('日') {
            rest.split(['年', '月']).collect()
        } else if date.contains('-') {
            date.split('-').collect()
        } else {
            date.split('/').collect()
        };
        match parts.as_slice() {
            [y, m, d] => Date::from_parts(y, m, d, 1),
            _ => None,
        }
    }

    /// Year of four digits; month and day of `min_digits` to 2 digits.
    fn from_parts(y: &str, m: &str, d: &str, min_digits: usize) -> Option<Date> {
        let digits = |s: &str, min: usize, max: usize| {
            (s.len() >= min && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        let year = digits(y, 4, 4)?;
        Date::new(
            i32::try_from(year).ok()?,
            digits(m, min_digits, 2)?,
            digits(d, min_digits, 2)?,
        )
    }

    /// Days since 1970-01-01 (negative before), so that differences are day counts.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil, with March as the first month of the year.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole days from `earlier` to `self`.
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub use crate::core::report::Severity;

/// Every finding code, with its severity and the action it asks for, in the order findings
/// are reported for a group.
///
/// | code | params |
/// |---|---|
/// | `name` | `scheme`, `codes` (violation codes, comma-separated), `details` (English), `suggestion` (empty when none) |
/// | `type_mismatch` | `name_type` (type in the name), `type` (type column) |
/// | `no_owner` | |
/// | `owner_count` | `count`, `owners` (comma-separated) |
/// | `unknown_owner` | `owner` (as written) |
/// | `owner_left` | `owner` (name), `id` |
/// | `member_left` | `names`, `ids` (comma-separated), `count`, `unknown` (members not in the org chart) |
/// | `temporary_expired` | `type`, `created`, `days`, `max` |
/// | `inactive` | `last_active` (or the creation date when never active), `days`, `max` |
/// | `customer_not_external` | `type` |
/// | `external_not_customer` | `type`, `customer_type` |
/// | `date_order` | `issue` (`created_after_last_active`, `created_in_future`, `last_active_in_future`), `created`, `last_active`, `as_of` |
pub const FINDINGS: &[(&str, Severity, &str)] = &[
    ("name", Severity::Error, "fix_name"),
    ("type_mismatch", Severity::Warning, "fix_name_or_type"),
    ("no_owner", Severity::Error, "assign_owner"),
    ("owner_count", Severity::Error, "assign_owner"),
    ("unknown_owner", Severity::Error, "assign_owner"),
    ("owner_left", Severity::Error, "assign_owner"),
    ("member_left", Severity::Error, "remove_members"),
    (
        "temporary_expired",
        Severity::Warning,
        "dissolve_or_convert",
    ),
    ("inactive", Severity::Warning, "archive_or_dissolve"),
    ("customer_not_external", Severity::Error, "mark_external"),
    ("external_not_customer", Severity::Error, "change_type"),
    ("date_order", Severity::Warning, "check_dates"),
];

/// Every row error code.
///
/// | code | params |
/// |---|---|
/// | `unterminated_quote` | |
/// | `stray_quote` | |
/// | `field_count` | `expected`, `found` |
/// | `empty_name` | |
/// | `bad_date` | `column` (`created` or `last_active`), `value` |
/// | `bad_external` | `value` |
pub const ROW_ERRORS: &[&str] = &[
    "unterminated_quote",
    "stray_quote",
    "field_count",
    "empty_name",
    "bad_date",
    "bad_external",
];

/// One thing to act on in one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// A code from [`FINDINGS`].
    pub code: &'static str,
    pub severity: Severity,
    /// What the owner or admin should do: `fix_name`, `fix_name_or_type`, `assign_owner`,
    /// `remove_members`, `dissolve_or_convert`, `archive_or_dissolve`, `mark_external`,
    /// `change_type`, `check_dates`.
    pub action: &'static str,
    pub params: Vec<(&'static str, String)>,
}

/// A problem with a row that kept it from being checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The 1-based physical line of the problem.
    pub line: usize,
    /// A code from [`ROW_ERRORS`].
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
    /// The group's name, when the row has one.
    pub name: String,
}

/// A problem with the whole file or the rules.
///
/// | code | params |
/// |---|---|
/// | `no_header` | (the file has no lines) |
/// | `bad_header` | `error` (a CSV error code) |
/// | `missing_columns` | `columns` (keys such as `owner`, comma-separated) |
/// | `unknown_scheme` | `scheme` |
/// | `bad_scheme` | `scheme`, `details` (English) |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportProblem {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

/// One group row that could be read, with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupResult {
    /// The 1-based physical line the row starts on.
    pub line: usize,
    pub name: String,
    /// The owner column as written, for whoever follows the findings up.
    pub owner: String,
    /// Empty when the group passes every rule.
    pub findings: Vec<Finding>,
}

/// The result of an audit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InventoryReport {
    /// Every group row that could be read, in file order.
    pub groups: Vec<GroupResult>,
    /// Rows that could not be checked, in file order.
    pub row_errors: Vec<RowError>,
    /// Set when the file cannot be audited at all; then there are no groups.
    pub header_error: Option<ReportProblem>,
    /// Set when names could not be checked (the scheme is missing or broken); every other
    /// rule was still applied.
    pub scheme_problem: Option<ReportProblem>,
}

/// The columns, in the order of the header table above.
const COLUMNS: [(&str, &[&str]); 7] = [
    ("name", &["name", "groupname", "群名称", "群名", "群聊名称"]),
    ("owner", &["owner", "groupowner", "群主"]),
    ("type", &["type", "grouptype", "群类型", "类型"]),
    (
        "created",
        &[
            "created",
            "createdat",
            "creationdate",
            "createtime",
            "创建时间",
            "创建日期",
        ],
    ),
    (
        "last_active",
        &[
            "lastactive",
            "lastactivity",
            "最后活跃",
            "最近活跃",
            "最后活跃时间",
            "最近活跃时间",
        ],
    ),
    ("members", &["members", "member", "成员", "群成员"]),
    (
        "external",
        &[
            "external",
            "isexternal",
            "外部",
            "是否外部",
            "外部群",
            "是否外部群",
        ],
    ),
];
const NAME: usize = 0;
const OWNER: usize = 1;
const TYPE: usize = 2;
const CREATED: usize = 3;
const LAST_ACTIVE: usize = 4;
const MEMBERS: usize = 5;
const EXTERNAL: usize = 6;

/// Splits an owner or member list; empty items are dropped.
fn split_people(s: &str) -> impl Iterator<Item = &str> {
    s.split([';', ',', '|', '、', '/', '；', '，', '｜', '／'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

fn parse_external(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "yes" | "true" | "y" | "1" | "是" => Some(true),
        "no" | "false" | "n" | "0" | "否" => Some(false),
        _ => None,
    }
}

/// People by id and by name, ASCII case folded; ids win over names.
struct People<'a>(HashMap<String, &'a Person>);

impl<'a> People<'a> {
    fn new(people: &'a [Person]) -> Self {
        let mut map = HashMap::new();
        for p in people {
            map.entry(p.id.to_ascii_lowercase()).or_insert(p);
        }
        for p in people {
            map.entry(p.name.to_ascii_lowercase()).or_insert(p);
        }
        People(map)
    }

    fn get(&self, who: &str) -> Option<&'a Person> {
        self.0.get(&who.to_ascii_lowercase()).copied()
    }
}

/// The value of the component with id `type` in a name that matches the scheme (the same
/// left-to-right split the checker uses: a value runs up to the next literal).
fn type_in_name<'n>(scheme: &NamingScheme, name: &'n str) -> Option<&'n str> {
    let mut rest = name;
    let mut found = None;
    for (i, c) in scheme.components.iter().enumerate() {
        match c {
            Component::Literal { text } => rest = rest.strip_prefix(text.as_str())?,
            other => {
                let end = match scheme.components.get(i + 1) {
                    Some(Component::Literal { text }) if !text.is_empty() => {
                        rest.find(text.as_str())?
                    }
                    _ => rest.len(),
                };
                if other.id() == Some("type") {
                    found = Some(&rest[..end]);
                }
                rest = &rest[end..];
            }
        }
    }
    found.filter(|t| !t.is_empty())
}

/// What stays fixed for one audit.
struct Context<'a> {
    rules: &'a InventoryRules,
    as_of: Date,
    people: People<'a>,
    scheme: Option<(&'a NamingScheme, Compiled)>,
}

/// The values of one row that could be read.
struct Row<'r> {
    name: &'r str,
    owner: &'r str,
    kind: &'r str,
    created: Date,
    last_active: Option<Date>,
    members: &'r str,
    external: bool,
}

fn finding(code: &'static str, params: Vec<(&'static str, String)>) -> Finding {
    let (severity, action) = FINDINGS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or((Severity::Error, "review"), |(_, s, a)| (*s, *a));
    Finding {
        code,
        severity,
        action,
        params,
    }
}

/// Audits a CSV list of groups against the rules, as of a given day.
///
/// `text` is the whole file (a byte order mark is fine). Names are checked with the scheme
/// `rules.scheme` from `bundle.naming`, and owners and members are looked up in `bundle.org`.
pub fn audit(text: &str, bundle: &Bundle, rules: &InventoryRules, as_of: Date) -> InventoryReport {
    let mut report = InventoryReport::default();
    let mut records = Reader::new(text);
    let columns = match csv::read_header(&mut records, &COLUMNS, COLUMNS.len()) {
        Ok(c) => c,
        Err(e) => {
            report.header_error = Some(ReportProblem {
                code: e.code,
                params: e.params,
            });
            return report;
        }
    };
    // Every column is required, so every index is there.
    let index: Vec<usize> = columns.index.iter().map(|i| i.unwrap_or(0)).collect();

    let scheme = match bundle.naming.iter().find(|s| s.id == rules.scheme) {
        None => {
            report.scheme_problem = Some(ReportProblem {
                code: "unknown_scheme",
                params: vec![("scheme", rules.scheme.clone())],
            });
            None
        }
        Some(s) => match compile(s, &bundle.org) {
            Ok(c) => Some((s, c)),
            Err(errors) => {
                let details: Vec<String> = errors.iter().map(|e| e.kind.to_string()).collect();
                report.scheme_problem = Some(ReportProblem {
                    code: "bad_scheme",
                    params: vec![("scheme", s.id.clone()), ("details", details.join("; "))],
                });
                None
            }
        },
    };
    let cx = Context {
        rules,
        as_of,
        people: People::new(&bundle.org.people),
        scheme,
    };

    for record in records {
        let fields = match record.fields {
            Ok(f) => f,
            Err(e) => {
                report.row_errors.push(RowError {
                    line: e.line,
                    code: e.kind.code(),
                    params: Vec::new(),
                    name: String::new(),
                });
                continue;
            }
        };
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.line;
        let get = |column: usize| fields.get(index[column]).map_or("", String::as_str);
        if fields.len() != columns.width {
            report.row_errors.push(RowError {
                line,
                code: "field_count",
                params: vec![
                    ("expected", columns.width.to_string()),
                    ("found", fields.len().to_string()),
                ],
                name: get(NAME).to_string(),
            });
            continue;
        }
        let name = get(NAME);
        let mut errors = Vec::new();
        if name.trim().is_empty() {
            errors.push(("empty_name", Vec::new()));
        }
        let mut date = |column: usize, value: &str| {
            let d = Date::parse(value);
            if d.is_none() {
                errors.push((
                    "bad_date",
                    vec![
                        ("column", COLUMNS[column].0.to_string()),
                        ("value", value.to_string()),
                    ],
                ));
            }
            d
        };
        let created = date(CREATED, get(CREATED).trim());
        let last_active = match get(LAST_ACTIVE).trim() {
            "" => Some(None),
            value => date(LAST_ACTIVE, value).map(Some),
        };
        let external_text = get(EXTERNAL).trim();
        let external = parse_external(external_text);
        if external.is_none() {
            errors.push(("bad_external", vec![("value", external_text.to_string())]));
        }
        match (created, last_active, external, errors.is_empty()) {
            (Some(created), Some(last_active), Some(external), true) => {
                let row = Row {
                    name,
                    owner: get(OWNER).trim(),
                    kind: get(TYPE).trim(),
                    created,
                    last_active,
                    members: get(MEMBERS),
                    external,
                };
                report.groups.push(GroupResult {
                    line,
                    name: name.to_string(),
                    owner: row.owner.to_string(),
                    findings: check_row(&cx, &row),
                });
            }
            _ => {
                for (code, params) in errors {
                    report.row_errors.push(RowError {
                        line,
                        code,
                        params,
                        name: name.to_string(),
                    });
                }
            }
        }
    }
    report
}

/// Every finding for one readable row, in the order of [`FINDINGS`].
fn check_row(cx: &Context<'_>, row: &Row<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let rules = cx.rules;

    // The name, and the type it states.
    let mut name_type = None;
    if let Some((scheme, compiled)) = &cx.scheme {
        let check = compiled.check(row.name);
        if !check.ok {
            let codes: Vec<&str> = check.violations.iter().map(|v| v.code).collect();
            let details: Vec<String> = check.violations.iter().map(|v| v.message()).collect();
            out.push(finding(
                "name",
                vec![
                    ("scheme", scheme.id.clone()),
                    ("codes", codes.join(",")),
                    ("details", details.join("; ")),
                    ("suggestion", check.suggestion.clone().unwrap_or_default()),
                ],
            ));
        }
        let spelled = if check.ok {
            Some(row.name)
        } else {
            check.suggestion.as_deref()
        };
        name_type = spelled.and_then(|s| type_in_name(scheme, s).map(str::to_string));
    }
    if let Some(nt) = &name_type {
        if !row.kind.is_empty() && nt != row.kind {
            out.push(finding(
                "type_mismatch",
                vec![("name_type", nt.clone()), ("type", row.kind.to_string())],
            ));
        }
    }
    let kind = if row.kind.is_empty() {
        name_type.as_deref().unwrap_or("")
    } else {
        row.kind
    };

    // Owner: exactly one, known, still here.
    let owners: Vec<&str> = split_people(row.owner).collect();
    if owners.is_empty() {
        out.push(finding("no_owner", Vec::new()));
    }
    if owners.len() > 1 {
        out.push(finding(
            "owner_count",
            vec![
                ("count", owners.len().to_string()),
                ("owners", owners.join(", ")),
            ],
        ));
    }
    for owner in &owners {
        if cx.people.get(owner).is_none() {
            out.push(finding("unknown_owner", vec![("owner", owner.to_string())]));
        }
    }
    for owner in &owners {
        if let Some(p) = cx.people.get(owner).filter(|p| p.status == Status::Left) {
            out.push(finding(
                "owner_left",
                vec![("owner", p.name.clone()), ("id", p.id.clone())],
            ));
        }
    }

    // Members who have left; members not in the org chart may be external contacts.
    let mut left: Vec<&Person> = Vec::new();
    let mut unknown = 0usize;
    for member in split_people(row.members) {
        match cx.people.get(member) {
            None => unknown += 1,
            Some(p) if p.status == Status::Left && !left.iter().any(|l| l.id == p.id) => {
                left.push(p)
            }
            Some(_) => {}
        }
    }
    if !left.is_empty() {
        let names: Vec<&str> = left.iter().map(|p| p.name.as_str()).collect();
        let ids: Vec<&str> = left.iter().map(|p| p.id.as_str()).collect();
        out.push(finding(
            "member_left",
            vec![
                ("names", names.join(", ")),
                ("ids", ids.join(", ")),
                ("count", left.len().to_string()),
                ("unknown", unknown.to_string()),
            ],
        ));
    }

    // Age and activity.
    let age = cx.as_of.days_since(row.created);
    if kind == rules.temporary_type && age > i64::from(rules.temporary_max_days) {
        out.push(finding(
            "temporary_expired",
            vec![
                ("type", kind.to_string()),
                ("created", row.created.to_string()),
                ("days", age.to_string()),
                ("max", rules.temporary_max_days.to_string()),
            ],
        ));
    }
    let last = row.last_active.unwrap_or(row.created);
    let idle = cx.as_of.days_since(last);
    if idle > i64::from(rules.inactive_days) {
        out.push(finding(
            "inactive",
            vec![
                ("last_active", last.to_string()),
                ("days", idle.to_string()),
                ("max", rules.inactive_days.to_string()),
            ],
        ));
    }

    // External flag and type agree.
    if kind == rules.customer_type && !row.external {
        out.push(finding(
            "customer_not_external",
            vec![("type", kind.to_string())],
        ));
    }
    if row.external && kind != rules.customer_type {
        out.push(finding(
            "external_not_customer",
            vec![
                ("type", kind.to_string()),
                ("customer_type", rules.customer_type.clone()),
            ],
        ));
    }

    // Dates that cannot be right.
    let last_text = row.last_active.map(|d| d.to_string()).unwrap_or_default();
    let mut date_order = |issue: &str| {
        out.push(finding(
            "date_order",
            vec![
                ("issue", issue.to_string()),
                ("created", row.created.to_string()),
                ("last_active", last_text.clone()),
                ("as_of", cx.as_of.to_string()),
            ],
        ))
    };
    if row.last_active.is_some_and(|l| row.created > l) {
        date_order("created_after_last_active");
    }
    if row.created > cx.as_of {
        date_order("created_in_future");
    }
    if row.last_active.is_some_and(|l| l > cx.as_of) {
        date_order("last_active_in_future");
    }
    out
}

impl Finding {
    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        param(&self.params, key)
    }

    /// The finding in English (the command-line tool's words; the UI translates codes).
    pub fn message(&self) -> String {
        let p = |k| self.param(k);
        match self.code {
            "name" => {
                let mut m = format!(
                    "the name does not follow the `{}` naming scheme: {}",
                    p("scheme"),
                    p("details")
                );
                if !p("suggestion").is_empty() {
                    m.push_str(&format!("; suggested: `{}`", p("suggestion")));
                }
                m
            }
            "type_mismatch" => format!(
                "the name says `{}` but the type column says `{}`",
                p("name_type"),
                p("type")
            ),
            "no_owner" => "the group has no owner".into(),
            "owner_count" => format!(
                "the group has {} owners (`{}`); it must have exactly one",
                p("count"),
                p("owners")
            ),
            "unknown_owner" => format!("owner `{}` is not in the org chart", p("owner")),
            "owner_left" => format!("owner `{}` has left the company", p("owner")),
            "member_left" => format!(
                "{} member(s) have left the company: {}",
                p("count"),
                p("names")
            ),
            "temporary_expired" => format!(
                "`{}` created {} days ago, more than the {} allowed",
                p("type"),
                p("days"),
                p("max")
            ),
            "inactive" => format!(
                "no activity for {} days (since {}), more than {}",
                p("days"),
                p("last_active"),
                p("max")
            ),
            "customer_not_external" => format!("a `{}` must be marked external", p("type")),
            "external_not_customer" => {
                let kind = if p("type").is_empty() {
                    "a group without a type".to_string()
                } else {
                    format!("`{}`", p("type"))
                };
                format!(
                    "only a `{}` may be external, not {kind}",
                    p("customer_type")
                )
            }
            "date_order" => match p("issue") {
                "created_after_last_active" => format!(
                    "created {} after its last activity {}",
                    p("created"),
                    p("last_active")
                ),
                "created_in_future" => format!(
                    "created {}, after the audit date {}",
                    p("created"),
                    p("as_of")
                ),
                _ => format!(
                    "last active {}, after the audit date {}",
                    p("last_active"),
                    p("as_of")
                ),
            },
            other => other.to_string(),
        }
    }
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
            "empty_name" => "the group name is empty".into(),
            "bad_date" => format!(
                "`{}` in column {} is not a real date such as 2025-06-30",
                p("value"),
                p("column")
            ),
            "bad_external" => format!("external must be yes or no, not `{}`", p("value")),
            other => csv::message(other, &self.params).unwrap_or_else(|| other.to_string()),
        }
    }
}

impl ReportProblem {
    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        param(&self.params, key)
    }

    /// The problem in English.
    pub fn message(&self) -> String {
        let p = |k| self.param(k);
        match self.code {
            "missing_columns" => format!(
                "the header line lacks the column(s) {}; it needs name, owner, type, created, last_active, members and external (or 群名称, 群主, 群类型, 创建时间, 最后活跃, 成员, 是否外部)",
                p("columns")
            ),
            "unknown_scheme" => format!(
                "names were not checked: there is no naming scheme `{}`",
                p("scheme")
            ),
            "bad_scheme" => format!(
                "names were not checked: naming scheme `{}` has problems: {}",
                p("scheme"),
                p("details")
            ),
            other => csv::message(other, &self.params).unwrap_or_else(|| other.to_string()),
        }
    }
}

impl InventoryReport {
    /// For each finding code, how many groups have it at least once.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for g in &self.groups {
            let mut codes: Vec<&'static str> = g.findings.iter().map(|f| f.code).collect();
            codes.sort_unstable();
            codes.dedup();
            for code in codes {
                *counts.entry(code).or_default() += 1;
            }
        }
        counts
    }

    /// How many groups pass every rule.
    pub fn ok_count(&self) -> usize {
        self.groups.iter().filter(|g| g.findings.is_empty()).count()
    }
}

/// The report as a CSV file for a spreadsheet: a UTF-8 byte order mark (so that Excel reads
/// Chinese correctly), a header line, then in file order one row per finding, one row
/// `ok` per group without findings and one row per unreadable row (severity `error`, action
/// `fix_row`). Columns: `line, name, owner, code, severity, action, message`.
///
/// When names could not be checked, a first row without a line number says why (severity
/// `warning`, action `fix_scheme`). When the file could not be audited at all, the one row
/// is the header problem, on line 1 (action `fix_file`).
pub fn report_csv(report: &InventoryReport) -> String {
    let mut out = String::from(csv::BOM);
    csv::write_row(
        &mut out,
        &[
            "line", "name", "owner", "code", "severity", "action", "message",
        ],
    );
    if let Some(h) = &report.header_error {
        csv::write_row(
            &mut out,
            &["1", "", "", h.code, "error", "fix_file", &h.message()],
        );
        return out;
    }
    if let Some(p) = &report.scheme_problem {
        csv::write_row(
            &mut out,
            &["", "", "", p.code, "warning", "fix_scheme", &p.message()],
        );
    }
    let mut errors = report.row_errors.iter().peekable();
    let mut flush_errors = |out: &mut String, before: usize| {
        while let Some(e) = errors.next_if(|e| e.line < before) {
            csv::write_row(
                out,
                &[
                    &e.line.to_string(),
                    &e.name,
                    "",
                    e.code,
                    "error",
                    "fix_row",
                    &e.message(),
                ],
            );
        }
    };
    for g in &report.groups {
        flush_errors(&mut out, g.line);
        let line = g.line.to_string();
        if g.findings.is_empty() {
            csv::write_row(&mut out, &[&line, &g.name, &g.owner, "ok", "", "", ""]);
        }
        for f in &g.findings {
            csv::write_row(
                &mut out,
                &[
                    &line,
                    &g.name,
                    &g.owner,
                    f.code,
                    f.severity.code(),
                    f.action,
                    &f.message(),
                ],
            );
        }
    }
    flush_errors(&mut out, usize::MAX);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        let d = |y, m, dd| Date::new(y, m, dd).expect("real date");
        assert_eq!(d(1970, 1, 1).day_number(), 0);
        assert_eq!(d(2000, 3, 1).day_number() - d(2000, 2, 28).day_number(), 2);
        assert_eq!(d(2025, 1, 1).days_since(d(2024, 1, 1)), 366);
        assert_eq!(d(1969, 12, 31).day_number(), -1);
    }

    #[test]
    fn date_formats() {
        let want = Date::new(2024, 5, 20);
        for s in [
            "2024-05-20",
            "2024/05/20",
            "2024/5/20",
            "20240520",
            "2024-05-20 10:31:00",
            "2024-05-20T10:31:00Z",
            "2024年5月20日",
            " 2024/5/20 9:00 ",
        ] {
            assert_eq!(Date::parse(s), want, "{s}");
        }
        for s in [
            "",
            "2024-02-30",
            "24-05-20",
            "2024-5",
            "2024.05.20",
            "20240520x",
            "２０２４0520",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert_eq!(Date::parse_iso("2024-05-20"), want);
        assert_eq!(Date::parse_iso("2024/05/20"), None);
        assert_eq!(Date::parse_iso("2024-5-20"), None);
    }

    #[test]
    fn every_finding_has_a_message() {
        for &(code, _, _) in FINDINGS {
            let f = finding(code, Vec::new());
            assert_ne!(f.message(), code, "{code}");
        }
        for &code in ROW_ERRORS {
            let e = RowError {
                line: 1,
                code,
                params: Vec::new(),
                name: String::new(),
            };
            assert_ne!(e.message(), code, "{code}");
        }
    }
}
