//! The starter example: the workspace the app opens on and the command-line tool uses when
//! no bundle is given. Ids follow `shared/starter-example.md` and are a contract that tests
//! and later features rely on; both languages share every id.

pub mod policy_text;

use std::collections::BTreeMap;

use super::bundle::{Bundle, Settings, SCHEMA_VERSION};
use super::calendar::Date;
use super::lang::Lang;
use super::naming::inventory::InventoryRules;
use super::naming::{Component, DictEntry, DictionarySource, NameRules, NamingScheme};
use super::norms::{ChannelNorm, ClassLevel, Norms, NumberNorm, PermissionLevel, Quantity, Unit};
use super::org::{Department, Org, Person, Role, Status};
use super::policy::{Chapter, Clause, Policy, PolicyMeta};
use super::quiz::{Feedback, Question, QuestionKind, QuizBank, QuizSet};
use super::routing::{
    Approvals, ApproverSpec, Branch, BranchBlock, CcEntry, CcTiming, Condition, ExpectedRoute,
    Field, FieldKind, FlowNode, Op, Predicate, RouteFixture, RoutingPolicies, SelectOption, Step,
    StepMode, Subject, Template, Value,
};
use super::timing::{CalendarSettings, TimingSettings};
use policy_text::{Text, CHAPTERS, META};

/// The starter's clause bodies rendered to HTML at build time (build.rs), in the order of
/// `CHAPTERS`' clauses.
mod rendered {
    include!(concat!(env!("OUT_DIR"), "/starter_html.rs"));
}

/// The HTML of a clause body of the starter, in either language, as
/// [`markdown::render`](super::markdown::render) gives it, rendered at build time; `None`
/// for any other text. The app shows it while its renderer is not loaded yet.
pub fn rendered_body(body: &str) -> Option<&'static str> {
    CHAPTERS
        .iter()
        .flat_map(|ch| ch.clauses)
        .zip(rendered::ZH.iter().zip(rendered::EN))
        .find_map(|(clause, (zh, en))| {
            if clause.body.zh == body {
                Some(*zh)
            } else if clause.body.en == body {
                Some(*en)
            } else {
                None
            }
        })
}

/// The starter workspace in one language.
pub fn bundle(lang: Lang) -> Bundle {
    let l = L(lang);
    Bundle {
        schema_version: SCHEMA_VERSION,
        settings: Settings { lang },
        policy: policy(l),
        naming: naming(l),
        inventory: inventory(),
        org: org(l),
        approvals: approvals(l),
        fixtures: fixtures(l),
        quiz: quiz(l),
        norms: norms(l),
        timing: timing(),
        snapshots: Vec::new(),
    }
}

/// The default timing model of `shared/starter-example.md` (4 working hours to answer, a
/// timeout of 8 working hours escalated to the absent approver's direct supervisor,
/// Monday–Friday 09:00–18:00), with the public holidays of mainland China for 2025 and 2026
/// and their make-up working days (调休), as the State Council announced them. The same in
/// both languages.
fn timing() -> TimingSettings {
    // (first day, number of days).
    const HOLIDAYS: &[(&str, i64)] = &[
        ("2025-01-01", 1), // 元旦
        ("2025-01-28", 8), // 春节
        ("2025-04-04", 3), // 清明节
        ("2025-05-01", 5), // 劳动节
        ("2025-05-31", 3), // 端午节
        ("2025-10-01", 8), // 国庆节、中秋节
        ("2026-01-01", 3),
        ("2026-02-15", 9),
        ("2026-04-04", 3),
        ("2026-05-01", 5),
        ("2026-06-19", 3),
        ("2026-09-25", 3),
        ("2026-10-01", 7),
    ];
    const MAKE_UP: &[&str] = &[
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
        "2026-01-04",
        "2026-02-14",
        "2026-02-28",
        "2026-05-09",
        "2026-09-20",
        "2026-10-10",
    ];
    let holidays = HOLIDAYS
        .iter()
        .filter_map(|(first, n)| Some((Date::parse(first)?.day_number(), *n)))
        .flat_map(|(first, n)| (first..first + n).filter_map(Date::from_day_number))
        .map(|d| d.to_string())
        .collect();
    TimingSettings {
        calendar: CalendarSettings {
            holidays,
            extra_workdays: MAKE_UP.iter().map(|d| d.to_string()).collect(),
            ..CalendarSettings::default()
        },
        ..TimingSettings::default()
    }
}

/// Picks the text of one language.
#[derive(Clone, Copy)]
struct L(Lang);

impl L {
    fn t(self, zh: &str, en: &str) -> String {
        match self.0 {
            Lang::Zh => zh.to_string(),
            Lang::En => en.to_string(),
        }
    }

    fn text(self, t: Text) -> String {
        self.t(t.zh, t.en)
    }
}

fn policy(l: L) -> Policy {
    Policy {
        meta: PolicyMeta {
            title: l.text(META.title),
            doc_code: META.doc_code.into(),
            version: META.version.into(),
            effective_date: META.effective_date.into(),
            drafter: l.text(META.drafter),
            reviewer: l.text(META.reviewer),
            approver: l.text(META.approver),
            distribution: l.text(META.distribution),
        },
        chapters: CHAPTERS
            .iter()
            .map(|ch| Chapter {
                id: ch.id.into(),
                title: l.text(ch.title),
                clauses: ch
                    .clauses
                    .iter()
                    .map(|c| Clause {
                        id: c.id.into(),
                        title: l.text(c.title),
                        body: l.text(c.body),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// (id, 中文, English, parent, head, Chinese aliases, English aliases)
type DeptRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const DEPARTMENTS: &[DeptRow] = &[
    ("ceo", "总经办", "CEO Office", None, "zhou", &[], &[]),
    (
        "admin",
        "行政部",
        "Administration",
        Some("ceo"),
        "wang",
        &["行政中心"],
        &["Admin Center"],
    ),
    (
        "hr",
        "人事部",
        "Human Resources",
        Some("ceo"),
        "li",
        &["人力资源部", "HR部"],
        &["HR", "Personnel"],
    ),
    (
        "fin",
        "财务部",
        "Finance",
        Some("ceo"),
        "zhao",
        &["财务中心"],
        &["Finance Center"],
    ),
    (
        "tech",
        "技术部",
        "Technology",
        Some("ceo"),
        "chen",
        &["技术部门", "研发部"],
        &["Tech", "R&D"],
    ),
    (
        "rd1",
        "研发一组",
        "R&D Team 1",
        Some("tech"),
        "liu",
        &[],
        &[],
    ),
    ("mkt", "市场部", "Marketing", Some("ceo"), "sun", &[], &[]),
    ("sales", "销售部", "Sales", Some("ceo"), "wu", &[], &[]),
];

/// (id, 中文名, English name, dept, supervisor, roles, status)
type PersonRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    Status,
);

const PEOPLE: &[PersonRow] = &[
    (
        "zhou",
        "周宏",
        "Zhou Hong",
        "ceo",
        None,
        &["general_manager"],
        Status::Active,
    ),
    (
        "wang",
        "王芳",
        "Wang Fang",
        "admin",
        Some("zhou"),
        &["approval_admin"],
        Status::Active,
    ),
    (
        "li",
        "李娜",
        "Li Na",
        "hr",
        Some("zhou"),
        &[],
        Status::Active,
    ),
    (
        "he",
        "何静",
        "He Jing",
        "hr",
        Some("li"),
        &["hr_specialist"],
        Status::Active,
    ),
    (
        "zhao",
        "赵强",
        "Zhao Qiang",
        "fin",
        Some("zhou"),
        &["finance_manager"],
        Status::Active,
    ),
    (
        "qian",
        "钱敏",
        "Qian Min",
        "fin",
        Some("zhao"),
        &["accountant"],
        Status::Active,
    ),
    (
        "chen",
        "陈刚",
        "Chen Gang",
        "tech",
        Some("zhou"),
        &[],
        Status::Active,
    ),
    (
        "xu",
        "许诺",
        "Xu Nuo",
        "tech",
        Some("chen"),
        &["security_admin"],
        Status::Active,
    ),
    (
        "liu",
        "刘洋",
        "Liu Yang",
        "rd1",
        Some("chen"),
        &[],
        Status::Active,
    ),
    (
        "zhang",
        "张伟",
        "Zhang Wei",
        "rd1",
        Some("liu"),
        &[],
        Status::Active,
    ),
    (
        "sun",
        "孙丽",
        "Sun Li",
        "mkt",
        Some("zhou"),
        &[],
        Status::Active,
    ),
    (
        "zheng",
        "郑爽",
        "Zheng Shuang",
        "mkt",
        Some("sun"),
        &[],
        Status::Active,
    ),
    (
        "wu",
        "吴磊",
        "Wu Lei",
        "sales",
        Some("zhou"),
        &[],
        Status::Active,
    ),
    (
        "feng",
        "冯涛",
        "Feng Tao",
        "sales",
        Some("wu"),
        &[],
        Status::Active,
    ),
    (
        "ma",
        "马超",
        "Ma Chao",
        "sales",
        Some("wu"),
        &[],
        Status::Left,
    ),
];

fn org(l: L) -> Org {
    let role = |id: &str, zh: &str, en: &str, dzh: &str, den: &str| Role {
        id: id.into(),
        name: l.t(zh, en),
        description: l.t(dzh, den),
    };
    Org {
        company: l.t("示例科技有限公司", "Example Tech Co."),
        departments: DEPARTMENTS
            .iter()
            .map(|&(id, zh, en, parent, head, azh, aen)| Department {
                id: id.into(),
                name: l.t(zh, en),
                parent: parent.map(Into::into),
                head: Some(head.into()),
                aliases: match l.0 {
                    Lang::Zh => azh,
                    Lang::En => aen,
                }
                .iter()
                .map(|a| a.to_string())
                .collect(),
            })
            .collect(),
        people: PEOPLE
            .iter()
            .map(|&(id, zh, en, dept, supervisor, roles, status)| Person {
                id: id.into(),
                name: l.t(zh, en),
                dept: dept.into(),
                supervisor: supervisor.map(Into::into),
                roles: roles.iter().map(|r| r.to_string()).collect(),
                status,
            })
            .collect(),
        roles: vec![
            role(
                "general_manager",
                "总经理",
                "General manager",
                "公司最高审批人",
                "Final approver for the company",
            ),
            role(
                "approval_admin",
                "审批管理员",
                "Approval administrator",
                "维护审批模板，接收无人审批的步骤",
                "Maintains approval templates and receives steps nobody else can approve",
            ),
            role(
                "hr_specialist",
                "人事专员",
                "HR specialist",
                "审核考勤与假期",
                "Checks attendance and leave",
            ),
            role(
                "finance_manager",
                "财务经理",
                "Finance manager",
                "审核大额支出",
                "Reviews larger spending",
            ),
            role(
                "accountant",
                "会计",
                "Accountant",
                "核对发票并付款",
                "Checks invoices and pays out",
            ),
            role(
                "security_admin",
                "信息安全管理员",
                "Information security administrator",
                "审核机密及以上文档的权限",
                "Reviews access to confidential and top-secret documents",
            ),
        ],
    }
}

fn lit(text: &str) -> Component {
    Component::Literal { text: text.into() }
}

fn values(items: &[&str]) -> DictionarySource {
    DictionarySource::Values(
        items
            .iter()
            .map(|v| DictEntry {
                value: v.to_string(),
                aliases: Vec::new(),
            })
            .collect(),
    )
}

/// The department dictionary. Group and file names are written in Chinese in both editions
/// (see clause c-groups-naming), so the English edition lists the Chinese names and aliases
/// explicitly, while the Chinese edition binds to the org chart itself.
fn dept_component(l: L) -> Component {
    let source = match l.0 {
        Lang::Zh => DictionarySource::Departments,
        Lang::En => DictionarySource::Values(
            DEPARTMENTS
                .iter()
                .map(|&(_, zh, _, _, _, aliases, _)| DictEntry {
                    value: zh.into(),
                    aliases: aliases.iter().map(|a| a.to_string()).collect(),
                })
                .collect(),
        ),
    };
    Component::Dictionary {
        id: "dept".into(),
        label: l.t("部门", "Department"),
        optional: false,
        source,
    }
}

/// The clean-up rules of clause c-groups-lifecycle. Group types are written in Chinese in
/// both editions, as in the group naming scheme.
fn inventory() -> InventoryRules {
    InventoryRules {
        scheme: "group".into(),
        temporary_type: "临时群".into(),
        temporary_max_days: 30,
        inactive_days: 90,
        customer_type: "客户群".into(),
        clause: Some("c-groups-lifecycle".into()),
    }
}

fn naming(l: L) -> Vec<NamingScheme> {
    vec![
        NamingScheme {
            id: "group".into(),
            name: l.t("群名称", "Group name"),
            description: l.t(
                "工作群的名称：【部门】-【项目/事项】-【群类型】",
                "Names of work groups: 【department】-【project or matter】-【group type】",
            ),
            clause: Some("c-groups-naming".into()),
            components: vec![
                lit("【"),
                dept_component(l),
                lit("】-【"),
                Component::Text {
                    id: "topic".into(),
                    label: l.t("项目/事项", "Project or matter"),
                    optional: false,
                    min_len: 2,
                    max_len: 20,
                    forbidden_chars: "【】[]-_/\\".into(),
                    no_whitespace: true,
                },
                lit("】-【"),
                Component::Dictionary {
                    id: "type".into(),
                    label: l.t("群类型", "Group type"),
                    optional: false,
                    source: values(&["部门群", "项目群", "临时群", "客户群", "通知群"]),
                },
                lit("】"),
            ],
            rules: NameRules {
                min_len: None,
                max_len: Some(30),
                forbidden_words: vec!["闲聊".into(), "八卦".into(), "吃喝".into()],
            },
        },
        NamingScheme {
            id: "document".into(),
            name: l.t("文件名称", "Document name"),
            description: l.t(
                "共享文件的名称：部门_业务或项目名称_文档类型_版本号_日期.扩展名",
                "Names of shared files: department_business-or-project_document-type_version_date.extension",
            ),
            clause: Some("c-files-naming".into()),
            components: vec![
                dept_component(l),
                lit("_"),
                Component::Text {
                    id: "topic".into(),
                    label: l.t("业务/项目名称", "Business or project"),
                    optional: false,
                    min_len: 2,
                    max_len: 30,
                    forbidden_chars: "_/\\.【】[]".into(),
                    no_whitespace: true,
                },
                lit("_"),
                Component::Dictionary {
                    id: "doctype".into(),
                    label: l.t("文档类型", "Document type"),
                    optional: false,
                    source: values(&["需求说明书", "方案", "报告", "合同", "制度", "会议纪要", "预算表"]),
                },
                lit("_"),
                Component::Version {
                    id: "version".into(),
                    label: l.t("版本号", "Version"),
                    optional: false,
                },
                lit("_"),
                Component::Date {
                    id: "date".into(),
                    label: l.t("日期", "Date"),
                    optional: false,
                },
                lit("."),
                Component::Extension {
                    id: "ext".into(),
                    label: l.t("扩展名", "Extension"),
                    optional: false,
                    values: vec!["docx".into(), "xlsx".into(), "pptx".into(), "pdf".into()],
                },
            ],
            rules: NameRules::default(),
        },
    ]
}

fn step(id: &str, name: String, approvers: Vec<ApproverSpec>, mode: StepMode) -> FlowNode {
    FlowNode::Step(Step {
        id: id.into(),
        name,
        approvers,
        mode,
    })
}

fn supervisor_step(l: L) -> FlowNode {
    step(
        "s-supervisor",
        l.t("直属上级", "Direct supervisor"),
        vec![ApproverSpec::Supervisor { level: 1 }],
        StepMode::Single,
    )
}

fn dept_head_step(l: L, id: &str) -> FlowNode {
    step(
        id,
        l.t("部门负责人", "Department head"),
        vec![ApproverSpec::DeptHead { dept: None }],
        StepMode::Single,
    )
}

fn role(role: &str) -> ApproverSpec {
    ApproverSpec::Role {
        role: role.into(),
        same_dept: false,
    }
}

fn when(field: &str, op: Op, value: Value) -> Condition {
    Condition {
        any_of: vec![vec![Predicate {
            subject: Subject::Field(field.into()),
            op,
            value: Some(value),
        }]],
    }
}

fn select(id: &str, label: String, options: &[(&str, String)]) -> Field {
    Field {
        id: id.into(),
        label,
        required: true,
        kind: FieldKind::Select {
            options: options
                .iter()
                .map(|(v, label)| SelectOption {
                    value: v.to_string(),
                    label: label.clone(),
                })
                .collect(),
        },
    }
}

fn cc(people: &[&str]) -> CcEntry {
    CcEntry {
        who: ApproverSpec::People {
            people: people.iter().map(|p| p.to_string()).collect(),
        },
        when: CcTiming::OnApproved,
    }
}

fn approvals(l: L) -> Approvals {
    let leave = Template {
        id: "leave".into(),
        name: l.t("请假", "Leave"),
        description: l.t(
            "年假、病假、事假与调休",
            "Annual, sick and personal leave, and time off in lieu",
        ),
        clause: Some("c-approvals-leave".into()),
        fields: vec![
            select(
                "leave_type",
                l.t("假期类型", "Leave type"),
                &[
                    ("annual", l.t("年假", "Annual leave")),
                    ("sick", l.t("病假", "Sick leave")),
                    ("personal", l.t("事假", "Personal leave")),
                    ("in_lieu", l.t("调休", "Time off in lieu")),
                ],
            ),
            Field {
                id: "days".into(),
                label: l.t("天数", "Days"),
                required: true,
                kind: FieldKind::Number {
                    min: Some(0.0),
                    max: None,
                    min_exclusive: true,
                    step: Some(0.5),
                },
            },
            Field {
                id: "handover".into(),
                label: l.t("工作交接", "Handover"),
                required: false,
                kind: FieldKind::Text { max_len: Some(500) },
            },
        ],
        flow: vec![
            supervisor_step(l),
            FlowNode::Branch(BranchBlock {
                id: "b-days".into(),
                branches: vec![Branch {
                    id: "br-long".into(),
                    name: l.t("超过 3 天", "More than 3 days"),
                    when: when("days", Op::Gt, Value::Number(3.0)),
                    then: vec![
                        dept_head_step(l, "s-dept-head"),
                        step(
                            "s-hr",
                            l.t("人事专员", "HR specialist"),
                            vec![role("hr_specialist")],
                            StepMode::Single,
                        ),
                    ],
                }],
                default: Vec::new(),
            }),
        ],
        cc: vec![cc(&["wang"])],
        policies: None,
    };
    let expense = Template {
        id: "expense".into(),
        name: l.t("报销", "Expense claim"),
        description: l.t(
            "差旅、招待、办公用品等费用报销",
            "Reimbursement of travel, hospitality, office supplies and other costs",
        ),
        clause: Some("c-approvals-expense".into()),
        fields: vec![
            Field {
                id: "amount".into(),
                label: l.t("金额（元）", "Amount (CNY)"),
                required: true,
                kind: FieldKind::Money {
                    min: Some(0.0),
                    max: None,
                    min_exclusive: true,
                },
            },
            select(
                "category",
                l.t("费用类别", "Category"),
                &[
                    ("travel", l.t("差旅", "Travel")),
                    ("hospitality", l.t("招待", "Hospitality")),
                    ("office", l.t("办公用品", "Office supplies")),
                    ("other", l.t("其他", "Other")),
                ],
            ),
            Field {
                id: "invoice".into(),
                label: l.t("发票", "Invoice"),
                required: true,
                kind: FieldKind::Attachment,
            },
        ],
        flow: vec![
            supervisor_step(l),
            FlowNode::Branch(BranchBlock {
                id: "b-amount".into(),
                branches: vec![
                    Branch {
                        id: "br-large".into(),
                        name: l.t("超过 50000 元", "Over 50,000 CNY"),
                        when: when("amount", Op::Gt, Value::Number(50000.0)),
                        then: vec![
                            dept_head_step(l, "s-dept-head-large"),
                            step(
                                "s-finance-large",
                                l.t("财务经理", "Finance manager"),
                                vec![role("finance_manager")],
                                StepMode::Single,
                            ),
                            step(
                                "s-gm",
                                l.t("总经理", "General manager"),
                                vec![role("general_manager")],
                                StepMode::Single,
                            ),
                        ],
                    },
                    Branch {
                        id: "br-medium".into(),
                        name: l.t("超过 5000 元", "Over 5,000 CNY"),
                        when: when("amount", Op::Gt, Value::Number(5000.0)),
                        then: vec![
                            dept_head_step(l, "s-dept-head-medium"),
                            step(
                                "s-finance-medium",
                                l.t("财务经理", "Finance manager"),
                                vec![role("finance_manager")],
                                StepMode::Single,
                            ),
                        ],
                    },
                ],
                default: Vec::new(),
            }),
            step(
                "s-accountant",
                l.t("会计", "Accountant"),
                vec![role("accountant")],
                StepMode::Single,
            ),
        ],
        cc: vec![cc(&["zhao"])],
        policies: None,
    };
    let trip = Template {
        id: "trip".into(),
        name: l.t("出差", "Business trip"),
        description: l.t(
            "国内与国外出差",
            "Domestic and international business travel",
        ),
        clause: Some("c-approvals-trip".into()),
        fields: vec![
            select(
                "destination",
                l.t("目的地", "Destination"),
                &[
                    ("domestic", l.t("国内", "Domestic")),
                    ("abroad", l.t("国外", "Abroad")),
                ],
            ),
            Field {
                id: "days".into(),
                label: l.t("天数", "Days"),
                required: true,
                kind: FieldKind::Number {
                    min: Some(0.0),
                    max: None,
                    min_exclusive: true,
                    step: Some(0.5),
                },
            },
            Field {
                id: "budget".into(),
                label: l.t("预算（元）", "Budget (CNY)"),
                required: false,
                kind: FieldKind::Money {
                    min: Some(0.0),
                    max: None,
                    min_exclusive: false,
                },
            },
        ],
        flow: vec![
            supervisor_step(l),
            FlowNode::Branch(BranchBlock {
                id: "b-destination".into(),
                branches: vec![Branch {
                    id: "br-abroad".into(),
                    name: l.t("国外出差", "Trip abroad"),
                    when: when("destination", Op::Eq, Value::Text("abroad".into())),
                    then: vec![step(
                        "s-gm",
                        l.t("总经理", "General manager"),
                        vec![role("general_manager")],
                        StepMode::Single,
                    )],
                }],
                default: Vec::new(),
            }),
        ],
        cc: vec![cc(&["wang", "zhao"])],
        policies: None,
    };
    let doc_access = Template {
        id: "doc_access".into(),
        name: l.t("文档权限申请", "Document access request"),
        description: l.t(
            "申请查看或编辑受控文档",
            "Ask to read or edit a controlled document",
        ),
        clause: Some("c-approvals-doc-access".into()),
        fields: vec![
            select(
                "classification",
                l.t("密级", "Classification"),
                &[
                    ("public", l.t("公开", "Public")),
                    ("internal", l.t("内部", "Internal")),
                    ("confidential", l.t("机密", "Confidential")),
                    ("top_secret", l.t("绝密", "Top secret")),
                ],
            ),
            select(
                "level",
                l.t("权限级别", "Access level"),
                &[
                    ("read", l.t("只读", "Read-only")),
                    ("edit", l.t("可编辑", "Edit")),
                    ("full", l.t("完全控制", "Full control")),
                ],
            ),
        ],
        flow: vec![
            dept_head_step(l, "s-dept-head"),
            FlowNode::Branch(BranchBlock {
                id: "b-secret".into(),
                branches: vec![Branch {
                    id: "br-secret".into(),
                    name: l.t("机密或绝密", "Confidential or top secret"),
                    when: when(
                        "classification",
                        Op::In,
                        Value::List(vec![
                            Value::Text("confidential".into()),
                            Value::Text("top_secret".into()),
                        ]),
                    ),
                    then: vec![step(
                        "s-security",
                        l.t("信息安全管理员", "Security administrator"),
                        vec![role("security_admin")],
                        StepMode::Single,
                    )],
                }],
                default: Vec::new(),
            }),
            FlowNode::Branch(BranchBlock {
                id: "b-top-secret".into(),
                branches: vec![Branch {
                    id: "br-top-secret".into(),
                    name: l.t("绝密", "Top secret"),
                    when: when("classification", Op::Eq, Value::Text("top_secret".into())),
                    then: vec![step(
                        "s-countersign",
                        l.t(
                            "会签：信息安全与总经理",
                            "Joint sign-off: security and general manager",
                        ),
                        vec![role("security_admin"), role("general_manager")],
                        StepMode::All,
                    )],
                }],
                default: Vec::new(),
            }),
        ],
        cc: Vec::new(),
        policies: None,
    };
    Approvals {
        policies: RoutingPolicies::default(),
        templates: vec![leave, expense, trip, doc_access],
    }
}

/// (id, 中文名, English name, template, requester, fields, expected steps, expected cc, refused)
type FixtureRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, FixtureValue)],
    &'static [&'static [&'static str]],
    &'static [&'static str],
    bool,
);

#[derive(Clone, Copy)]
enum FixtureValue {
    N(f64),
    S(&'static str),
}

use FixtureValue::{N, S};

/// Expected routes of the starter rules: every branch and every routing policy.
const FIXTURES: &[FixtureRow] = &[
    (
        "fx-leave-2",
        "张伟请假 2 天",
        "Zhang Wei, 2 days of leave",
        "leave",
        "zhang",
        &[("leave_type", S("annual")), ("days", N(2.0))],
        &[&["liu"]],
        &["wang"],
        false,
    ),
    (
        "fx-leave-3",
        "张伟请假 3 天（边界）",
        "Zhang Wei, 3 days of leave (boundary)",
        "leave",
        "zhang",
        &[("leave_type", S("annual")), ("days", N(3.0))],
        &[&["liu"]],
        &["wang"],
        false,
    ),
    (
        "fx-leave-3-5",
        "张伟请假 3.5 天",
        "Zhang Wei, 3.5 days of leave",
        "leave",
        "zhang",
        &[("leave_type", S("personal")), ("days", N(3.5))],
        &[&["liu"], &["chen"], &["he"]],
        &["wang"],
        false,
    ),
    (
        "fx-leave-5",
        "张伟请假 5 天",
        "Zhang Wei, 5 days of leave",
        "leave",
        "zhang",
        &[("leave_type", S("annual")), ("days", N(5.0))],
        &[&["liu"], &["chen"], &["he"]],
        &["wang"],
        false,
    ),
    (
        "fx-leave-duplicate",
        "刘洋请假 5 天：上级与部门负责人同为陈刚",
        "Liu Yang, 5 days: supervisor and department head are both Chen Gang",
        "leave",
        "liu",
        &[("leave_type", S("sick")), ("days", N(5.0))],
        &[&["chen"], &["he"]],
        &["wang"],
        false,
    ),
    (
        "fx-leave-empty",
        "周宏请假 5 天：无上级，转审批管理员",
        "Zhou Hong, 5 days: no supervisor, goes to the approval administrator",
        "leave",
        "zhou",
        &[("leave_type", S("annual")), ("days", N(5.0))],
        &[&["wang"], &["he"]],
        &["wang"],
        false,
    ),
    (
        "fx-leave-cc-self",
        "王芳请假 2 天：抄送不含本人",
        "Wang Fang, 2 days: never copied on her own request",
        "leave",
        "wang",
        &[("leave_type", S("annual")), ("days", N(2.0))],
        &[&["zhou"]],
        &[],
        false,
    ),
    (
        "fx-leave-left",
        "马超（已离职）请假：拒绝",
        "Ma Chao (left) asks for leave: refused",
        "leave",
        "ma",
        &[("leave_type", S("annual")), ("days", N(1.0))],
        &[],
        &[],
        true,
    ),
    (
        "fx-expense-5000",
        "张伟报销 5000 元（边界）",
        "Zhang Wei claims 5,000 CNY (boundary)",
        "expense",
        "zhang",
        &[
            ("amount", N(5000.0)),
            ("category", S("travel")),
            ("invoice", S("fapiao.pdf")),
        ],
        &[&["liu"], &["qian"]],
        &["zhao"],
        false,
    ),
    (
        "fx-expense-5000-01",
        "张伟报销 5000.01 元",
        "Zhang Wei claims 5,000.01 CNY",
        "expense",
        "zhang",
        &[
            ("amount", N(5000.01)),
            ("category", S("travel")),
            ("invoice", S("fapiao.pdf")),
        ],
        &[&["liu"], &["chen"], &["zhao"], &["qian"]],
        &["zhao"],
        false,
    ),
    (
        "fx-expense-50000",
        "张伟报销 50000 元（边界）",
        "Zhang Wei claims 50,000 CNY (boundary)",
        "expense",
        "zhang",
        &[
            ("amount", N(50000.0)),
            ("category", S("hospitality")),
            ("invoice", S("fapiao.pdf")),
        ],
        &[&["liu"], &["chen"], &["zhao"], &["qian"]],
        &["zhao"],
        false,
    ),
    (
        "fx-expense-60000",
        "张伟报销 60000 元",
        "Zhang Wei claims 60,000 CNY",
        "expense",
        "zhang",
        &[
            ("amount", N(60000.0)),
            ("category", S("other")),
            ("invoice", S("fapiao.pdf")),
        ],
        &[&["liu"], &["chen"], &["zhao"], &["zhou"], &["qian"]],
        &["zhao"],
        false,
    ),
    (
        "fx-expense-self",
        "陈刚报销 6000 元：本人是部门负责人",
        "Chen Gang claims 6,000 CNY: he is his own department head",
        "expense",
        "chen",
        &[
            ("amount", N(6000.0)),
            ("category", S("office")),
            ("invoice", S("fapiao.pdf")),
        ],
        &[&["zhou"], &["zhao"], &["qian"]],
        &["zhao"],
        false,
    ),
    (
        "fx-expense-accountant",
        "钱敏报销 800 元：会计不审批自己",
        "Qian Min claims 800 CNY: the accountant does not approve herself",
        "expense",
        "qian",
        &[
            ("amount", N(800.0)),
            ("category", S("office")),
            ("invoice", S("fapiao.pdf")),
        ],
        &[&["zhao"]],
        &["zhao"],
        false,
    ),
    (
        "fx-trip-domestic",
        "冯涛国内出差",
        "Feng Tao, domestic trip",
        "trip",
        "feng",
        &[("destination", S("domestic")), ("days", N(2.0))],
        &[&["wu"]],
        &["wang", "zhao"],
        false,
    ),
    (
        "fx-trip-abroad",
        "冯涛国外出差",
        "Feng Tao, trip abroad",
        "trip",
        "feng",
        &[
            ("destination", S("abroad")),
            ("days", N(5.0)),
            ("budget", N(20000.0)),
        ],
        &[&["wu"], &["zhou"]],
        &["wang", "zhao"],
        false,
    ),
    (
        "fx-doc-internal",
        "郑爽申请内部文档",
        "Zheng Shuang asks for an internal document",
        "doc_access",
        "zheng",
        &[("classification", S("internal")), ("level", S("read"))],
        &[&["sun"]],
        &[],
        false,
    ),
    (
        "fx-doc-confidential",
        "郑爽申请机密文档",
        "Zheng Shuang asks for a confidential document",
        "doc_access",
        "zheng",
        &[("classification", S("confidential")), ("level", S("read"))],
        &[&["sun"], &["xu"]],
        &[],
        false,
    ),
    (
        "fx-doc-top-secret",
        "张伟申请绝密文档：会签中许诺不重复审批",
        "Zhang Wei asks for a top-secret document: Xu Nuo is not asked twice in the joint sign-off",
        "doc_access",
        "zhang",
        &[("classification", S("top_secret")), ("level", S("read"))],
        &[&["chen"], &["xu"], &["zhou"]],
        &[],
        false,
    ),
    (
        "fx-doc-top-secret-self",
        "许诺申请绝密文档：本人是安全管理员",
        "Xu Nuo asks for a top-secret document: he is the security administrator",
        "doc_access",
        "xu",
        &[("classification", S("top_secret")), ("level", S("edit"))],
        &[&["chen"], &["zhou"]],
        &[],
        false,
    ),
];

fn fixtures(l: L) -> Vec<RouteFixture> {
    FIXTURES
        .iter()
        .map(
            |&(id, zh, en, template, requester, fields, steps, cc, refused)| RouteFixture {
                id: id.into(),
                name: l.t(zh, en),
                template: template.into(),
                requester: requester.into(),
                fields: fields
                    .iter()
                    .map(|(k, v)| {
                        let v = match v {
                            N(n) => Value::Number(*n),
                            S(s) => Value::Text(s.to_string()),
                        };
                        (k.to_string(), v)
                    })
                    .collect::<BTreeMap<_, _>>(),
                picks: BTreeMap::new(),
                expect: ExpectedRoute {
                    refused,
                    steps: steps
                        .iter()
                        .map(|s| s.iter().map(|p| p.to_string()).collect())
                        .collect(),
                    cc: cc.iter().map(|p| p.to_string()).collect(),
                },
            },
        )
        .collect()
}

fn quiz(l: L) -> QuizBank {
    let options = |items: &[(&str, &str)]| -> Vec<String> {
        items.iter().map(|(zh, en)| l.t(zh, en)).collect()
    };
    let q = |id: &str,
             prompt: (&str, &str),
             kind: QuestionKind,
             explanation: (&str, &str),
             clauses: &[&str]| Question {
        id: id.into(),
        prompt: l.t(prompt.0, prompt.1),
        kind,
        explanation: l.t(explanation.0, explanation.1),
        clauses: clauses.iter().map(|c| c.to_string()).collect(),
    };
    QuizBank {
        questions: vec![
            q(
                "q-reply-important",
                ("工作时间内收到重要消息，最迟应在多长时间内回复？", "During working hours, how soon must you reply to an important message?"),
                QuestionKind::Single {
                    options: options(&[("10 分钟", "10 minutes"), ("30 分钟", "30 minutes"), ("2 小时", "2 hours"), ("1 个工作日", "1 working day")]),
                    answer: 1,
                },
                ("重要消息在工作时间内应在 30 分钟内回复；非紧急消息为 1 个工作日。", "Important messages get a reply within 30 minutes during working hours; non-urgent ones within 1 working day."),
                &["c-response-important"],
            ),
            q(
                "q-quiet-hours",
                ("晚上 22:00 给同事发送非紧急工作消息，无需任何标注。", "At 22:00 you may send a colleague a non-urgent work message without marking it."),
                QuestionKind::TrueFalse { answer: false },
                ("21:00 至次日 07:00 为免打扰时段，非紧急消息不得发送；确需发送的应标注「非紧急，方便时查阅」。", "21:00 to 07:00 is quiet time: no non-urgent messages; if one must go out, mark it \"Not urgent, read when convenient\"."),
                &["c-hours-quiet", "c-hours-marking"],
            ),
            q(
                "q-group-name",
                ("以下哪个群名称符合命名规范？", "Which group name follows the naming rule?"),
                QuestionKind::Single {
                    options: vec![
                        "技术部-ERP升级-项目群".into(),
                        "【技术部】-【ERP升级】-【项目群】".into(),
                        "【技术部门】-【ERP升级】-【项目群】".into(),
                        "【技术部】-【ERP升级闲聊】-【项目群】".into(),
                    ],
                    answer: 1,
                },
                ("群名称格式为【部门】-【项目/事项】-【群类型】，部门须用正式名称，且不得含“闲聊”等字样。", "The format is 【department】-【project or matter】-【group type】, with the department's official name and no words such as 闲聊."),
                &["c-groups-naming"],
            ),
            q(
                "q-classification",
                ("文件密级包括哪些？（多选）", "Which of these are secrecy levels for files? (choose all that apply)"),
                QuestionKind::Multiple {
                    options: options(&[("公开", "Public"), ("内部", "Internal"), ("机密", "Confidential"), ("绝密", "Top secret"), ("私密", "Private")]),
                    answers: vec![0, 1, 2, 3],
                },
                ("密级分为公开、内部、机密、绝密四级。", "There are four levels: public, internal, confidential and top secret."),
                &["c-files-classification"],
            ),
            q(
                "q-edit-lock",
                ("文档编辑锁在多少分钟后自动释放？（填数字）", "After how many minutes is a document's edit lock released automatically? (a number)"),
                QuestionKind::FillIn {
                    accepted: vec!["30".into(), l.t("30分钟", "30 minutes"), l.t("30 分钟", "30 min")],
                },
                ("编辑锁 30 分钟后自动释放。", "The edit lock is released after 30 minutes."),
                &["c-files-lock"],
            ),
            q(
                "q-channel-notice",
                ("发布全员必须阅读的公司制度通知，应使用哪种渠道？", "Which channel carries a company-wide policy notice that everyone must read?"),
                QuestionKind::Single {
                    options: options(&[("私聊", "Private message"), ("群聊", "Group discussion"), ("公告", "Announcement"), ("会议", "Meeting")]),
                    answer: 2,
                },
                ("全员必读的制度与活动通知通过公告发布。", "Company-wide policy and event notices that everyone must read go out as announcements."),
                &["c-channels-choice", "c-channels-announcement"],
            ),
            q(
                "q-version-retention",
                ("文档旧版本至少保留多久？", "How long are old versions of a document kept at least?"),
                QuestionKind::Single {
                    options: options(&[("1 个月", "1 month"), ("3 个月", "3 months"), ("6 个月", "6 months"), ("1 年", "1 year")]),
                    answer: 2,
                },
                ("旧版本至少保留 6 个月，合同与制度永久保留。", "Old versions are kept at least 6 months; contracts and policies forever."),
                &["c-files-versions"],
            ),
            q(
                "q-leave-short",
                ("请假 3 天只需直属上级审批。", "Three days of leave need only the direct supervisor's approval."),
                QuestionKind::TrueFalse { answer: true },
                ("请假超过 3 天才需要部门负责人和人事专员审批。", "Only leave of more than 3 days also needs the department head and the HR specialist."),
                &["c-approvals-leave"],
            ),
        ],
        sets: vec![QuizSet {
            id: "qs-onboarding".into(),
            name: l.t("新员工入职测验", "New starter quiz"),
            topics: vec!["custom".into(), "numbers".into(), "naming".into(), "channels".into(), "documents".into()],
            count: 8,
            pass_mark: 80,
            shuffle: true,
            seed: 1,
            time_limit_minutes: Some(15),
            feedback: Feedback::AtEnd,
            attempts: Some(3),
        }],
    }
}

/// The usage code's facts as data, each taken from the clause it cites (the consistency
/// check finds every number in its clause, in both languages). The situations of each
/// channel are the rows of clause c-channels-choice, and the actions and holders of each
/// permission level the rows of c-files-permissions, and the examples of each secrecy
/// level those of c-files-classification.
fn norms(l: L) -> Norms {
    let list = |items: &[(&str, &str)]| -> Vec<String> {
        items.iter().map(|(zh, en)| l.t(zh, en)).collect()
    };
    let duration =
        |id: &str, label: (&str, &str), amount: u32, unit: Unit, clause: &str| NumberNorm {
            id: id.into(),
            label: l.t(label.0, label.1),
            value: Quantity::Duration { amount, unit },
            clause: clause.into(),
        };
    let channel = |id: &str,
                   name: (&str, &str),
                   situations: &[(&str, &str)],
                   urgency: (&str, &str)| ChannelNorm {
        id: id.into(),
        name: l.t(name.0, name.1),
        situations: list(situations),
        urgency: l.t(urgency.0, urgency.1),
        clause: "c-channels-choice".into(),
    };
    let level = |id: &str, name: (&str, &str), examples: &[(&str, &str)]| ClassLevel {
        id: id.into(),
        name: l.t(name.0, name.1),
        examples: list(examples),
        clause: "c-files-classification".into(),
    };
    let permission = |id: &str,
                      name: (&str, &str),
                      actions: &[(&str, &str)],
                      holders: &[(&str, &str)]| PermissionLevel {
        id: id.into(),
        name: l.t(name.0, name.1),
        actions: list(actions),
        holders: list(holders),
        clause: "c-files-permissions".into(),
    };
    let (view, edit, download, delete, share) = (
        ("查看", "View"),
        ("编辑", "Edit"),
        ("下载", "Download"),
        ("删除", "Delete"),
        ("分享", "Share"),
    );
    Norms {
        numbers: vec![
            duration(
                "reply-important",
                (
                    "工作时间内重要消息的回复时限",
                    "reply time for an important message during working hours",
                ),
                30,
                Unit::Minutes,
                "c-response-important",
            ),
            duration(
                "reply-normal",
                (
                    "非紧急消息的回复时限",
                    "reply time for a non-urgent message",
                ),
                1,
                Unit::WorkingDays,
                "c-response-normal",
            ),
            NumberNorm {
                id: "quiet-hours".into(),
                label: l.t("每日免打扰时段", "nightly quiet period"),
                value: Quantity::TimeRange {
                    from: "21:00".into(),
                    to: "07:00".into(),
                },
                clause: "c-hours-quiet".into(),
            },
            duration(
                "version-retention",
                (
                    "文件历史版本的最短保留期",
                    "shortest time old versions of a file are kept",
                ),
                6,
                Unit::Months,
                "c-files-versions",
            ),
            duration(
                "edit-lock",
                (
                    "编辑锁定自动解除的时间",
                    "time after which an edit lock is released automatically",
                ),
                30,
                Unit::Minutes,
                "c-files-lock",
            ),
        ],
        channels: vec![
            channel(
                "private",
                ("私聊", "Private message"),
                &[
                    ("紧急的一对一沟通", "An urgent one-to-one matter"),
                    ("简单问题的快速确认", "A quick question"),
                ],
                ("高", "High"),
            ),
            channel(
                "formal",
                ("邮件 / 正式消息", "Email or formal message"),
                &[(
                    "需要留存记录的正式通知",
                    "A formal notice that must be kept on record",
                )],
                ("中", "Medium"),
            ),
            channel(
                "announcement",
                ("公告", "Announcement (公告)"),
                &[
                    (
                        "须全员阅读的公司级制度通知",
                        "A company-wide policy notice that everyone must read",
                    ),
                    (
                        "须全员阅读的公司级活动通知",
                        "A company-wide event notice that everyone must read",
                    ),
                ],
                ("高", "High"),
            ),
            channel(
                "group",
                ("群聊讨论", "Group discussion"),
                &[
                    ("团队协作", "Team collaboration"),
                    ("项目协作", "Project collaboration"),
                ],
                ("中至低", "Medium to low"),
            ),
            channel(
                "meeting",
                ("会议", "Meeting"),
                &[("实时讨论与决策", "Real-time discussion and decisions")],
                ("按会议安排", "As scheduled"),
            ),
        ],
        classifications: vec![
            level(
                "public",
                ("公开", "Public"),
                &[
                    ("对外发布的新闻稿", "A press release"),
                    ("产品宣传册", "A product brochure"),
                ],
            ),
            level(
                "internal",
                ("内部", "Internal"),
                &[
                    ("公司内部通讯录", "The staff phone directory"),
                    ("部门工作周报", "A department's weekly report"),
                ],
            ),
            level(
                "confidential",
                ("机密", "Confidential"),
                &[
                    ("员工薪资表", "The staff salary sheet"),
                    ("客户合同", "A customer contract"),
                ],
            ),
            level(
                "top_secret",
                ("绝密", "Top secret"),
                &[
                    ("尚未公布的并购方案", "An unannounced merger plan"),
                    ("核心产品源代码", "The core product's source code"),
                ],
            ),
        ],
        permissions: vec![
            permission(
                "full",
                ("完全控制", "Full control"),
                &[view, edit, download, delete, share],
                &[
                    ("文档所有人", "Document owner"),
                    ("部门负责人", "Department head"),
                ],
            ),
            permission(
                "edit",
                ("可编辑", "Edit"),
                &[view, edit, download],
                &[("项目成员", "Project members")],
            ),
            permission(
                "read",
                ("只读", "Read-only"),
                &[view],
                &[
                    ("外部合作方", "External partners"),
                    ("审计人员", "Auditors"),
                ],
            ),
            permission(
                "none",
                ("禁止访问", "No access"),
                &[],
                &[("无业务需要的人员", "Anyone without a business need")],
            ),
        ],
    }
}
