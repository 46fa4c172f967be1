//! Synthetic workspaces and requests, deterministic by seed.
//!
//! The routing benchmark resolves 100,000 requests over a company of 10,000 people made
//! here (`tests/route_bench.rs` natively, `tests/route_bench_browser.rs` in the browser).
//! Anything else that needs many realistic requests can use the same functions:
//!
//! - [`org`], [`grow`]: a company of any size, grown around the starter's org chart (or
//!   any other);
//! - [`workspace`]: the starter workspace with such an org;
//! - [`requests`]: random valid requests over any workspace's templates, with values
//!   spread across the branch thresholds so that every branch gets taken.
//!
//! Every function is pure: the same arguments give the same output on every platform.
//! [`Rng`] is splitmix64, and values are drawn with integer arithmetic and exactly rounded
//! floating-point operations only (never `ln` or `exp`, whose last bit may differ between
//! platforms).

use std::collections::{HashMap, HashSet};

use super::bundle::{is_iso_date, Bundle};
use super::lang::Lang;
use super::org::{Department, Org, Person, Status};
use super::routing::{walk_flow, ApproverSpec, FieldKind, FlowNode, Subject, Template, Value};
use super::starter;

/// A small, fast pseudo-random generator (splitmix64): deterministic by seed, the same
/// sequence on every platform. Not for anything secret.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `[0, 1)`, a multiple of 2⁻⁵³.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `per_mille` / 1000.
    pub fn per_mille(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    /// One item, uniformly; `None` for an empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }
}

/// Separate streams for the org and the requests, so one seed can drive both.
const ORG_STREAM: u64 = 0x6f72_672d_7379_6e74;
const REQUEST_STREAM: u64 = 0x7265_712d_7379_6e74;

/// People per generated team (组), head included, on average.
pub const TEAM_SIZE: usize = 18;

/// The share of generated people who have left, per mille.
pub const LEFT_PER_MILLE: usize = 20;

/// The starter's org chart ([`crate::core::starter`], Chinese edition) grown to `people`
/// people. See [`grow`].
pub fn org(people: usize, seed: u64) -> Org {
    grow(&starter::bundle(Lang::Zh).org, people, seed)
}

/// The starter workspace (Chinese edition) with its org grown to `people` people by
/// [`grow`]. Everything else is the starter's: policy, naming, templates, route fixtures
/// (which still pass: see [`grow`]) and quiz.
pub fn workspace(people: usize, seed: u64) -> Bundle {
    let mut bundle = starter::bundle(Lang::Zh);
    bundle.org = grow(&bundle.org, people, seed);
    bundle
}

/// `base` grown to `people` people (`base` unchanged when it has that many already).
///
/// The base org is kept exactly as it is: the same departments, heads, people, supervisors
/// and roles, with the same ids, so that templates and fixtures naming them keep their
/// meaning. New people fill new departments, one team for every [`TEAM_SIZE`] new
/// people:
///
/// - under each top-level department (a child of the root), a few divisions (中心) of a
///   few teams (组) each, about √teams divisions; top-level departments get different
///   shares of the teams, between one and four times as many;
/// - every new department has a head, a new person who works in it;
/// - everyone's supervisor is the head of their department, and a head's supervisor is the
///   head of the nearest department above; so supervision is a tree up to the root's head
///   (the CEO, 周宏 in the starter);
/// - most new people work in a team; one in ten works directly in a division, one in
///   twenty in a department of the base org;
/// - new people hold no roles: the company-wide roles (finance manager, accountant,
///   approval administrator…) stay with their holders in the base org, so a role step
///   resolves to the same people as in the starter, and the starter's route fixtures,
///   whose requesters all belong to the base org, still pass on the grown org;
/// - about [`LEFT_PER_MILLE`] per mille of the new people have left, department heads
///   included, as in real org data before it is cleaned up, so routes also meet the
///   policies for people who have left.
///
/// Ids are `p00001`, `p00002`… for people and `tech-2`, `tech-2-3`… for departments
/// (skipping any the base org uses); names are Chinese.
pub fn grow(base: &Org, people: usize, seed: u64) -> Org {
    let mut org = base.clone();
    if org.people.len() >= people {
        return org;
    }
    let first_new = org.people.len();
    let generated = people - first_new;
    let mut rng = Rng::new(seed ^ ORG_STREAM);
    let mut ids = Ids::new(&org);
    let base_depts: Vec<String> = org.departments.iter().map(|d| d.id.clone()).collect();

    let root = match org.departments.iter().find(|d| d.parent.is_none()) {
        Some(d) => d.id.clone(),
        None => {
            let id = ids.dept("root");
            let name = if org.company.is_empty() {
                "总部".to_string()
            } else {
                org.company.clone()
            };
            org.departments.push(Department {
                id: id.clone(),
                name,
                ..Department::default()
            });
            id
        }
    };
    let mut tops: Vec<(String, String)> = org
        .children(Some(&root))
        .iter()
        .map(|d| (d.id.clone(), d.name.clone()))
        .collect();
    if tops.is_empty() {
        let name = org
            .department(&root)
            .map_or_else(String::new, |d| d.name.clone());
        tops.push((root.clone(), name));
    }

    // The department tree: divisions and teams, each with a new head.
    let weights: Vec<usize> = tops.iter().map(|_| 1 + rng.below(4)).collect();
    let shares = apportion(generated / TEAM_SIZE, &weights);
    let mut divisions: Vec<String> = Vec::new();
    let mut teams: Vec<String> = Vec::new();
    for ((top, top_name), &count) in tops.iter().zip(&shares) {
        if count == 0 {
            continue;
        }
        let division_count = isqrt(count).max(1);
        for d in 0..division_count {
            let division = ids.dept(&format!("{top}-{}", d + 1));
            let division_name = format!("{top_name}{}中心", chinese_number(d + 1));
            let team_count = count / division_count + usize::from(d < count % division_count);
            add_department(&mut org, &mut rng, &mut ids, &division, &division_name, top);
            for t in 0..team_count {
                let team = ids.dept(&format!("{division}-{}", t + 1));
                let team_name = format!("{division_name}{}组", chinese_number(t + 1));
                add_department(&mut org, &mut rng, &mut ids, &team, &team_name, &division);
                teams.push(team);
            }
            divisions.push(division);
        }
    }

    // Everyone else.
    while org.people.len() < people {
        let roll = rng.below(100);
        let pool = if roll < 85 && !teams.is_empty() {
            &teams
        } else if roll < 95 && !divisions.is_empty() {
            &divisions
        } else {
            &base_depts
        };
        let dept = rng.pick(pool).cloned().unwrap_or_else(|| root.clone());
        let person = new_person(&mut rng, &mut ids, &dept);
        org.people.push(person);
    }

    // Supervisors of the new people: the nearest head above them.
    let depts: HashMap<&str, &Department> =
        org.departments.iter().map(|d| (d.id.as_str(), d)).collect();
    let supervisors: Vec<Option<String>> = org.people[first_new..]
        .iter()
        .map(|p| nearest_head(&depts, &p.dept, &p.id).map(str::to_string))
        .collect();
    for (p, s) in org.people[first_new..].iter_mut().zip(supervisors) {
        p.supervisor = s;
    }
    org
}

/// Adds a department under `parent` with a new person as its head.
fn add_department(org: &mut Org, rng: &mut Rng, ids: &mut Ids, id: &str, name: &str, parent: &str) {
    let head = new_person(rng, ids, id);
    org.departments.push(Department {
        id: id.to_string(),
        name: name.to_string(),
        parent: Some(parent.to_string()),
        head: Some(head.id.clone()),
        aliases: Vec::new(),
    });
    org.people.push(head);
}

fn new_person(rng: &mut Rng, ids: &mut Ids, dept: &str) -> Person {
    Person {
        id: ids.person(),
        name: chinese_name(rng),
        dept: dept.to_string(),
        supervisor: None,
        roles: Vec::new(),
        status: if rng.per_mille(LEFT_PER_MILLE) {
            Status::Left
        } else {
            Status::Active
        },
    }
}

/// The head of `dept` or of the nearest department above it with a head, other than
/// `person` themselves (bounded, so a parent cycle in the base org cannot loop forever).
fn nearest_head<'a>(
    depts: &HashMap<&str, &'a Department>,
    dept: &str,
    person: &str,
) -> Option<&'a str> {
    let mut current = depts.get(dept).copied();
    for _ in 0..=depts.len() {
        let d = current?;
        if let Some(head) = d.head.as_deref().filter(|h| *h != person) {
            return Some(head);
        }
        current = d.parent.as_deref().and_then(|p| depts.get(p).copied());
    }
    None
}

/// Ids not yet in use.
struct Ids {
    depts: HashSet<String>,
    people: HashSet<String>,
    next_person: usize,
}

impl Ids {
    fn new(org: &Org) -> Self {
        Ids {
            depts: org.departments.iter().map(|d| d.id.clone()).collect(),
            people: org.people.iter().map(|p| p.id.clone()).collect(),
            next_person: 0,
        }
    }

    fn person(&mut self) -> String {
        loop {
            self.next_person += 1;
            let id = format!("p{:05}", self.next_person);
            if self.people.insert(id.clone()) {
                return id;
            }
        }
    }

    fn dept(&mut self, wanted: &str) -> String {
        let mut id = wanted.to_string();
        let mut n = 1;
        while !self.depts.insert(id.clone()) {
            n += 1;
            id = format!("{wanted}-{n}");
        }
        id
    }
}

/// `total` split in proportion to `weights`, the remainder going to the first ones.
fn apportion(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut shares: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let n = shares.len();
    let left = total - shares.iter().sum::<usize>();
    for i in 0..left {
        shares[i % n] += 1;
    }
    shares
}

fn isqrt(n: usize) -> usize {
    let mut r = 0;
    while (r + 1) * (r + 1) <= n {
        r += 1;
    }
    r
}

/// 1 → 一, 12 → 十二, 40 → 四十; digits from 100 on.
fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 if n % 10 == 0 => format!("{}十", DIGITS[n / 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
];

const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "英", "华", "兰", "萍", "鹏", "飞", "辉", "斌", "宇", "浩", "凯",
    "鑫", "雪", "琳", "晨", "欣", "怡", "佳", "轩", "涵", "睿", "博", "雨", "思", "梓", "萱", "然",
    "嘉", "诺", "彤", "瑶", "宁", "波", "婷", "慧", "建", "文", "志", "国",
];

fn chinese_name(rng: &mut Rng) -> String {
    let mut name = String::new();
    name.push_str(rng.pick(SURNAMES).copied().unwrap_or("王"));
    let given = if rng.below(10) < 6 { 2 } else { 1 };
    for _ in 0..given {
        name.push_str(rng.pick(GIVEN).copied().unwrap_or("伟"));
    }
    name
}

/// One synthetic request: a template, a requester, the form as typed and the requester's
/// picks, ready for [`crate::core::simulate::simulate_with_picks`] (or
/// [`crate::core::simulate::simulate`] when `picks` is empty, as it is for every starter
/// template).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthRequest {
    pub template: String,
    pub requester: String,
    /// Every field of the template, in the template's order, with a valid value.
    pub form: Vec<(String, String)>,
    /// For every step of the template with an approver chosen by the requester, in flow
    /// order: the step id and one or two active people other than the requester (when
    /// there are any). Steps the route does not reach ignore their pick.
    pub picks: Vec<(String, Vec<String>)>,
}

/// `n` random requests over the bundle's templates, each valid: the simulator gives a
/// route for every one of them when the workspace itself resolves (as the starter and
/// [`workspace`] do).
///
/// - The template is chosen uniformly.
/// - The requester is an active person: nine times in ten anyone, uniformly; one time in
///   ten someone the rules single out (a department head, a holder of a role, a person
///   named as an approver, a CC recipient or in a condition), so that self-approval,
///   duplicates and conditions on the requester come up.
/// - Every field gets a valid value of its kind, within its bounds: numbers on their step
///   (`3.5` for half days), money with at most two decimals, one of a select's options,
///   `YYYY-MM-DD` dates in 2025–2026, `yes`/`no`, a file name for an attachment, a short
///   phrase for text (cut to the field's maximum length).
/// - Numbers and money are spread across the thresholds the template's conditions
///   compare them with: about a third of the values are a threshold itself or one step
///   either side (`5000`, `4999.99`, `5000.01`), the others range from the minimum to
///   twice the largest threshold, smaller values more often than larger ones. Text and date
///   conditions' values are used now and then too.
///
/// Empty when the bundle has no templates or no active people.
pub fn requests(bundle: &Bundle, n: usize, seed: u64) -> Vec<SynthRequest> {
    let mut rng = Rng::new(seed ^ REQUEST_STREAM);
    let plans: Vec<TemplatePlan> = bundle
        .approvals
        .templates
        .iter()
        .map(TemplatePlan::new)
        .collect();
    let active: Vec<&str> = bundle
        .org
        .people
        .iter()
        .filter(|p| p.status == Status::Active)
        .map(|p| p.id.as_str())
        .collect();
    let notable = notable_people(bundle);
    if plans.is_empty() || active.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let Some(plan) = rng.pick(&plans) else {
            break;
        };
        let requester = if !notable.is_empty() && rng.below(10) == 0 {
            rng.pick(&notable)
        } else {
            rng.pick(&active)
        };
        let requester = requester.copied().unwrap_or_default().to_string();
        let form = plan
            .fields
            .iter()
            .map(|f| (f.id.clone(), f.draw.value(&mut rng)))
            .collect();
        let picks = plan
            .chosen_steps
            .iter()
            .map(|step| {
                let mut people: Vec<String> = Vec::new();
                for _ in 0..1 + usize::from(rng.below(4) == 0) {
                    let mut i = rng.below(active.len());
                    if active[i] == requester && active.len() > 1 {
                        i = (i + 1) % active.len();
                    }
                    if !people.iter().any(|p| p == active[i]) {
                        people.push(active[i].to_string());
                    }
                }
                (step.clone(), people)
            })
            .collect();
        out.push(SynthRequest {
            template: plan.id.clone(),
            requester,
            form,
            picks,
        });
    }
    out
}

/// Active people the rules single out, in org order.
fn notable_people(bundle: &Bundle) -> Vec<&str> {
    let org = &bundle.org;
    let mut named: HashSet<&str> = org
        .departments
        .iter()
        .filter_map(|d| d.head.as_deref())
        .collect();
    let mut roles: HashSet<&str> = HashSet::new();
    for t in &bundle.approvals.templates {
        let mut specs: Vec<&ApproverSpec> = t.cc.iter().map(|c| &c.who).collect();
        walk_flow(&t.flow, &mut |node| match node {
            FlowNode::Step(step) => specs.extend(step.approvers.iter()),
            FlowNode::Branch(block) => {
                for p in block
                    .branches
                    .iter()
                    .flat_map(|b| b.when.any_of.iter().flatten())
                {
                    let values = p.value.iter().flat_map(|v| match v {
                        Value::List(items) => items.iter().collect::<Vec<_>>(),
                        v => vec![v],
                    });
                    for v in values {
                        match (&p.subject, v) {
                            (Subject::Requester, Value::Text(id)) => {
                                named.insert(id.as_str());
                            }
                            (Subject::RequesterRole, Value::Text(role)) => {
                                roles.insert(role.as_str());
                            }
                            _ => {}
                        }
                    }
                }
            }
        });
        for spec in specs {
            match spec {
                ApproverSpec::People { people } => named.extend(people.iter().map(String::as_str)),
                ApproverSpec::Role { role, .. } => {
                    roles.insert(role.as_str());
                }
                _ => {}
            }
        }
    }
    org.people
        .iter()
        .filter(|p| p.status == Status::Active)
        .filter(|p| {
            named.contains(p.id.as_str()) || p.roles.iter().any(|r| roles.contains(r.as_str()))
        })
        .map(|p| p.id.as_str())
        .collect()
}

/// How the fields of one template are filled, and which steps take a pick.
struct TemplatePlan {
    id: String,
    fields: Vec<FieldPlan>,
    chosen_steps: Vec<String>,
}

struct FieldPlan {
    id: String,
    draw: Draw,
}

impl TemplatePlan {
    fn new(t: &Template) -> Self {
        // The values the conditions compare each field with.
        let mut compared: HashMap<&str, Vec<&Value>> = HashMap::new();
        let mut chosen_steps: Vec<String> = Vec::new();
        walk_flow(&t.flow, &mut |node| {
            if let FlowNode::Step(step) = node {
                let chosen = step
                    .approvers
                    .iter()
                    .any(|a| matches!(a, ApproverSpec::ChosenByRequester));
                if chosen && !chosen_steps.contains(&step.id) {
                    chosen_steps.push(step.id.clone());
                }
            }
            if let FlowNode::Branch(block) = node {
                for p in block
                    .branches
                    .iter()
                    .flat_map(|b| b.when.any_of.iter().flatten())
                {
                    if let (Subject::Field(f), Some(v)) = (&p.subject, &p.value) {
                        let list = compared.entry(f.as_str()).or_default();
                        match v {
                            Value::List(items) => list.extend(items.iter()),
                            v => list.push(v),
                        }
                    }
                }
            }
        });
        let fields = t
            .fields
            .iter()
            .map(|f| FieldPlan {
                id: f.id.clone(),
                draw: Draw::new(
                    &f.kind,
                    compared.get(f.id.as_str()).map_or(&[][..], Vec::as_slice),
                ),
            })
            .collect();
        TemplatePlan {
            id: t.id.clone(),
            fields,
            chosen_steps,
        }
    }
}

/// How values of one field are drawn.
enum Draw {
    /// Numbers and money: `k × unit` for an integer `k`.
    Scaled {
        scale: Scale,
        /// Thresholds and one unit either side, in units.
        near: Vec<i64>,
    },
    Select(Vec<String>),
    Text {
        max_len: Option<u32>,
        compared: Vec<String>,
    },
    Date {
        compared: Vec<String>,
    },
    YesNo,
    Attachment,
}

/// The values a number or money field accepts, in units.
struct Scale {
    unit: f64,
    /// Decimals to write (money: always 0 or 2).
    decimals: usize,
    money: bool,
    /// The smallest value allowed.
    lo: i64,
    /// The largest allowed, if any.
    max: Option<i64>,
    /// Typical values go up to here.
    typical_hi: i64,
}

/// Texts for text fields.
const PHRASES: &[&str] = &[
    "工作已交接给同组同事",
    "见附件说明",
    "客户现场支持",
    "季度复盘会议",
    "处理线上故障",
    "年度体检",
    "家中有事",
    "参加行业展会",
    "项目里程碑评审",
    "已与直属上级沟通",
];

const ATTACHMENT_NAMES: &[&str] = &["fapiao", "receipt", "contract", "itinerary", "scan"];
const ATTACHMENT_EXTS: &[&str] = &["pdf", "jpg", "png", "ofd"];

impl Draw {
    fn new(kind: &FieldKind, compared: &[&Value]) -> Self {
        let texts = || -> Vec<String> {
            compared
                .iter()
                .filter_map(|v| match v {
                    Value::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect()
        };
        let numbers: Vec<f64> = compared
            .iter()
            .filter_map(|v| match v {
                Value::Number(n) if n.is_finite() => Some(*n),
                _ => None,
            })
            .collect();
        match kind {
            FieldKind::Number {
                min,
                max,
                min_exclusive,
                step,
            } => {
                let unit = match step.filter(|s| s.is_finite() && *s > 0.0) {
                    Some(s) => s,
                    None if matches!((min, max), (Some(a), Some(b)) if b - a < 10.0) => 0.01,
                    None => 1.0,
                };
                Draw::scaled(unit, false, *min, *max, *min_exclusive, &numbers, 20.0)
            }
            FieldKind::Money {
                min,
                max,
                min_exclusive,
            } => Draw::scaled(0.01, true, *min, *max, *min_exclusive, &numbers, 20_000.0),
            FieldKind::Select { options } => {
                Draw::Select(options.iter().map(|o| o.value.clone()).collect())
            }
            FieldKind::Text { max_len } => Draw::Text {
                max_len: *max_len,
                compared: texts(),
            },
            FieldKind::Date => Draw::Date {
                compared: texts().into_iter().filter(|t| is_iso_date(t)).collect(),
            },
            FieldKind::YesNo => Draw::YesNo,
            FieldKind::Attachment => Draw::Attachment,
        }
    }

    fn scaled(
        unit: f64,
        money: bool,
        min: Option<f64>,
        max: Option<f64>,
        min_exclusive: bool,
        thresholds: &[f64],
        default_hi: f64,
    ) -> Self {
        let lo = match min.filter(|m| m.is_finite()) {
            Some(m) => {
                let mut k = units_up(m, unit);
                if min_exclusive && (k as f64) * unit <= m {
                    k += 1;
                }
                k
            }
            None => 0,
        };
        let max = max.filter(|m| m.is_finite()).map(|m| units_down(m, unit));
        let largest = thresholds.iter().copied().fold(default_hi / 2.0, f64::max);
        let mut typical_hi = units_down(largest * 2.0, unit).max(lo);
        if let Some(m) = max {
            typical_hi = typical_hi.min(m).max(lo);
        }
        let near = thresholds
            .iter()
            .flat_map(|t| {
                let k = (t / unit).round() as i64;
                [k - 1, k, k + 1]
            })
            .collect();
        let decimals = if money { 2 } else { decimals_of(unit) };
        Draw::Scaled {
            scale: Scale {
                unit,
                decimals,
                money,
                lo,
                max,
                typical_hi,
            },
            near,
        }
    }

    fn value(&self, rng: &mut Rng) -> String {
        match self {
            Draw::Scaled { scale, near } => {
                let k = match rng.pick(near) {
                    Some(&k) if rng.below(3) == 0 => k,
                    _ => {
                        // Cubing a uniform number favours small values: a fifth of them
                        // land in the top half of the range.
                        let u = rng.unit();
                        let span = (scale.typical_hi - scale.lo + 1) as f64;
                        let mut k = scale.lo + (u * u * u * span) as i64;
                        if scale.money && rng.below(10) < 3 {
                            k -= k.rem_euclid(100); // whole yuan
                        }
                        k
                    }
                };
                scale.render(scale.clamp(k))
            }
            Draw::Select(options) => rng.pick(options).cloned().unwrap_or_default(),
            Draw::Text { max_len, compared } => {
                let text = match rng.pick(compared) {
                    Some(t) if rng.below(5) == 0 => t.as_str(),
                    _ => rng.pick(PHRASES).copied().unwrap_or("见附件"),
                };
                match max_len {
                    Some(m) => text.chars().take(*m as usize).collect(),
                    None => text.to_string(),
                }
            }
            Draw::Date { compared } => match rng.pick(compared) {
                Some(d) if rng.below(5) == 0 => d.clone(),
                _ => {
                    let year = 2025 + rng.below(2);
                    let month = 1 + rng.below(12);
                    let days = match month {
                        2 => 28,
                        4 | 6 | 9 | 11 => 30,
                        _ => 31,
                    };
                    format!("{year}-{month:02}-{:02}", 1 + rng.below(days))
                }
            },
            Draw::YesNo => (if rng.below(2) == 0 { "yes" } else { "no" }).to_string(),
            Draw::Attachment => format!(
                "{}-{:04}.{}",
                rng.pick(ATTACHMENT_NAMES).copied().unwrap_or("file"),
                rng.below(10_000),
                rng.pick(ATTACHMENT_EXTS).copied().unwrap_or("pdf"),
            ),
        }
    }
}

impl Scale {
    fn clamp(&self, k: i64) -> i64 {
        let k = k.max(self.lo);
        match self.max {
            Some(m) => k.min(m.max(self.lo)),
            None => k,
        }
    }

    /// `k` units as typed: `5000`, `5000.01`, `3.5`.
    fn render(&self, k: i64) -> String {
        if self.money {
            let sign = if k < 0 { "-" } else { "" };
            let a = k.unsigned_abs();
            return if a % 100 == 0 {
                format!("{sign}{}", a / 100)
            } else {
                format!("{sign}{}.{:02}", a / 100, a % 100)
            };
        }
        let text = format!("{:.*}", self.decimals, k as f64 * self.unit);
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        if text == "-0" {
            "0".to_string()
        } else {
            text.to_string()
        }
    }
}

/// The number of units at or above `x` (allowing for rounding: 5000 / 0.01 is 500000).
fn units_up(x: f64, unit: f64) -> i64 {
    let q = x / unit;
    if (q - q.round()).abs() < 1e-6 {
        q.round() as i64
    } else {
        q.ceil() as i64
    }
}

/// The number of units at or below `x`.
fn units_down(x: f64, unit: f64) -> i64 {
    let q = x / unit;
    if (q - q.round()).abs() < 1e-6 {
        q.round() as i64
    } else {
        q.floor() as i64
    }
}

/// Decimals needed to write multiples of `unit` (0.5 → 1, 0.25 → 2, 2 → 0), at most 6.
fn decimals_of(unit: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = unit * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::org_csv::supervision_problems;
    use crate::core::simulate::{run_fixtures, simulate_with_picks};
    use std::collections::BTreeSet;

    #[test]
    fn the_same_seed_gives_the_same_org_and_requests() {
        assert_eq!(org(2_000, 7), org(2_000, 7));
        assert_ne!(org(2_000, 7), org(2_000, 8));
        let ws = workspace(2_000, 7);
        assert_eq!(requests(&ws, 500, 1), requests(&ws, 500, 1));
        assert_ne!(requests(&ws, 500, 1), requests(&ws, 500, 2));
    }

    #[test]
    fn the_org_has_the_size_and_shape_asked_for() {
        let base = starter::bundle(Lang::Zh).org;
        let o = org(2_000, 7);
        assert_eq!(o.people.len(), 2_000);
        // The starter's org is kept as it is, in front.
        assert_eq!(o.people[..base.people.len()], base.people[..]);
        assert_eq!(
            o.departments[..base.departments.len()],
            base.departments[..]
        );
        assert_eq!(o.roles, base.roles);
        // About one team per TEAM_SIZE people, each under a division, under a top-level
        // department: depth 3 below the root.
        let depts: HashMap<&str, &Department> =
            o.departments.iter().map(|d| (d.id.as_str(), d)).collect();
        let depth = |id: &str| {
            let mut n = 0;
            let mut d = depts[id];
            while let Some(p) = d.parent.as_deref() {
                d = depts[p];
                n += 1;
            }
            n
        };
        assert_eq!(o.departments.iter().map(|d| depth(&d.id)).max(), Some(3));
        let teams = o.departments.iter().filter(|d| depth(&d.id) == 3).count();
        assert!((100..=111).contains(&teams), "{teams} teams");
        let ids: HashSet<&str> = o.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), o.people.len(), "person ids are unique");
    }

    #[test]
    fn every_department_has_a_head_who_exists() {
        let base = starter::bundle(Lang::Zh).org;
        let o = org(2_000, 7);
        for d in &o.departments {
            let head = d
                .head
                .as_deref()
                .unwrap_or_else(|| panic!("{} has no head", d.id));
            let person = o.person(head).unwrap_or_else(|| panic!("{head} is nobody"));
            if base.department(&d.id).is_none() {
                assert_eq!(person.dept, d.id, "a new head works in their department");
            }
        }
    }

    #[test]
    fn supervision_is_a_tree_up_to_the_ceo() {
        let o = org(2_000, 7);
        assert!(supervision_problems(&o.people).is_empty());
        let no_supervisor: Vec<&str> = o
            .people
            .iter()
            .filter(|p| p.supervisor.is_none())
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(no_supervisor, ["zhou"]);
        for p in &o.people {
            if let Some(s) = &p.supervisor {
                assert!(o.person(s).is_some(), "{}'s supervisor {s} exists", p.id);
            }
        }
        // Members report to their department's head.
        let generated = o.people.iter().filter(|p| p.id.starts_with('p'));
        for p in generated {
            let head = o.department(&p.dept).and_then(|d| d.head.as_deref());
            if head != Some(p.id.as_str()) {
                assert_eq!(p.supervisor.as_deref(), head, "{}", p.id);
            }
        }
    }

    #[test]
    fn about_two_percent_have_left() {
        let o = org(10_000, 1);
        let left = o.people.iter().filter(|p| p.status == Status::Left).count();
        assert!((150..=260).contains(&left), "{left} of 10,000 have left");
    }

    #[test]
    fn the_workspace_validates_and_its_fixtures_still_pass() {
        let ws = workspace(2_000, 7);
        assert_eq!(ws.validate(), Vec::new());
        for r in run_fixtures(&ws) {
            assert!(r.pass, "fixture {} fails: {:?}", r.id, r.diff);
        }
    }

    #[test]
    fn small_sizes_work() {
        let base = starter::bundle(Lang::Zh).org;
        assert_eq!(org(0, 1), base);
        assert_eq!(org(base.people.len(), 1), base);
        for n in [base.people.len() + 1, 30, 100] {
            let ws = workspace(n, 3);
            assert_eq!(ws.org.people.len(), n);
            assert_eq!(ws.validate(), Vec::new(), "{n} people");
            for r in requests(&ws, 200, 3) {
                let route = simulate_with_picks(&ws, &r.template, &r.requester, &r.form, &r.picks);
                assert!(route.is_ok(), "{r:?}: {route:?}");
            }
        }
    }

    #[test]
    fn every_request_simulates() {
        let ws = workspace(2_000, 7);
        let reqs = requests(&ws, 3_000, 11);
        assert_eq!(reqs.len(), 3_000);
        for r in &reqs {
            let t = ws
                .approvals
                .templates
                .iter()
                .find(|t| t.id == r.template)
                .expect("template");
            let keys: Vec<&str> = r.form.iter().map(|(k, _)| k.as_str()).collect();
            let fields: Vec<&str> = t.fields.iter().map(|f| f.id.as_str()).collect();
            assert_eq!(keys, fields, "every field is filled");
            assert!(r.form.iter().all(|(_, v)| !v.is_empty()));
            if let Err(e) = simulate_with_picks(&ws, &r.template, &r.requester, &r.form, &r.picks) {
                panic!("{r:?}: {}", e.message());
            }
        }
        let templates: BTreeSet<&str> = reqs.iter().map(|r| r.template.as_str()).collect();
        assert_eq!(templates.len(), ws.approvals.templates.len());
    }

    #[test]
    fn steps_chosen_by_the_requester_get_picks() {
        let mut ws = workspace(300, 7);
        let leave = ws
            .approvals
            .templates
            .iter_mut()
            .find(|t| t.id == "leave")
            .expect("leave");
        let FlowNode::Step(first) = &mut leave.flow[0] else {
            panic!("leave starts with a step");
        };
        first.approvers = vec![ApproverSpec::ChosenByRequester];
        let step = first.id.clone();
        let mut picked = 0;
        for r in requests(&ws, 400, 3) {
            if r.template == "leave" {
                assert_eq!(r.picks.len(), 1);
                assert_eq!(r.picks[0].0, step);
                assert!(!r.picks[0].1.is_empty() && !r.picks[0].1.contains(&r.requester));
                picked += 1;
            } else {
                assert!(r.picks.is_empty());
            }
            if let Err(e) = simulate_with_picks(&ws, &r.template, &r.requester, &r.form, &r.picks) {
                panic!("{r:?}: {}", e.message());
            }
        }
        assert!(picked > 50);
    }

    #[test]
    fn every_branch_and_default_is_taken() {
        let ws = workspace(2_000, 7);
        let mut expected: BTreeSet<(String, String, String)> = BTreeSet::new();
        for t in &ws.approvals.templates {
            walk_flow(&t.flow, &mut |node| {
                if let FlowNode::Branch(block) = node {
                    for b in &block.branches {
                        expected.insert((t.id.clone(), block.id.clone(), b.id.clone()));
                    }
                    expected.insert((t.id.clone(), block.id.clone(), "(default)".into()));
                }
            });
        }
        assert!(expected.len() >= 10, "the starter has branches");
        let mut taken = BTreeSet::new();
        for r in requests(&ws, 2_000, 5) {
            let route = simulate_with_picks(&ws, &r.template, &r.requester, &r.form, &r.picks)
                .expect("route");
            for e in &route.trace {
                let branch = match e.code {
                    "branch_taken" => e.param("branch").to_string(),
                    "default_taken" => "(default)".to_string(),
                    _ => continue,
                };
                taken.insert((r.template.clone(), e.param("block").to_string(), branch));
            }
        }
        let missed: Vec<_> = expected.difference(&taken).collect();
        assert!(missed.is_empty(), "never taken: {missed:?}");
    }

    #[test]
    fn values_land_on_and_beside_the_thresholds() {
        let ws = workspace(200, 7);
        let reqs = requests(&ws, 4_000, 9);
        let amounts: HashSet<&str> = reqs
            .iter()
            .filter(|r| r.template == "expense")
            .flat_map(|r| r.form.iter())
            .filter(|(k, _)| k == "amount")
            .map(|(_, v)| v.as_str())
            .collect();
        for v in [
            "4999.99", "5000", "5000.01", "49999.99", "50000", "50000.01",
        ] {
            assert!(amounts.contains(v), "amount {v} comes up");
        }
        let days: HashSet<&str> = reqs
            .iter()
            .filter(|r| r.template == "leave")
            .flat_map(|r| r.form.iter())
            .filter(|(k, _)| k == "days")
            .map(|(_, v)| v.as_str())
            .collect();
        for v in ["2.5", "3", "3.5"] {
            assert!(days.contains(v), "days {v} comes up");
        }
        assert!(!days.contains("0"), "days are > 0");
    }

    #[test]
    fn numbers_are_written_as_people_type_them() {
        let scale = |unit, money, min, max, excl| match Draw::scaled(
            unit,
            money,
            min,
            max,
            excl,
            &[],
            20.0,
        ) {
            Draw::Scaled { scale, .. } => scale,
            _ => unreachable!(),
        };
        let money = scale(0.01, true, Some(0.0), None, true);
        assert_eq!(money.lo, 1);
        assert_eq!(money.render(500_001), "5000.01");
        assert_eq!(money.render(500_000), "5000");
        assert_eq!(money.render(1_050), "10.50");
        assert_eq!(money.render(-5), "-0.05");
        let days = scale(0.5, false, Some(0.0), Some(10.0), true);
        assert_eq!((days.lo, days.max), (1, Some(20)));
        assert_eq!(days.render(7), "3.5");
        assert_eq!(days.render(6), "3");
        let tenths = scale(0.1, false, Some(0.1), None, false);
        assert_eq!(tenths.lo, 1);
        assert_eq!(tenths.render(3), "0.3");
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(12), "十二");
        assert_eq!(chinese_number(40), "四十");
        assert_eq!(chinese_number(47), "四十七");
        assert_eq!(apportion(10, &[1, 3, 1]), [2, 6, 2]);
        assert_eq!(apportion(3, &[1, 1]), [2, 1]);
    }
}
