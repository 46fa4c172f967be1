//! The starter usage code (《企业微信办公使用规范》) in Chinese and English.
//! Ids are a contract: quizzes and rule findings cite them. Keep them stable.
//!
//! Clause bodies are CommonMark (with GitHub-style tables). They are written
//! flush left on purpose: leading spaces inside a raw string would change the
//! Markdown (four spaces start a code block).

/// One text in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

/// One clause: a stable id, a short heading and a Markdown body.
#[derive(Debug, Clone, Copy)]
pub struct ClauseText {
    pub id: &'static str,
    pub title: Text,
    pub body: Text,
}

/// One chapter. The title carries no numbering; the app numbers chapters.
#[derive(Debug, Clone, Copy)]
pub struct ChapterText {
    pub id: &'static str,
    pub title: Text,
    pub clauses: &'static [ClauseText],
}

/// Document control data shown on the cover of the usage code.
#[derive(Debug, Clone, Copy)]
pub struct MetaText {
    pub title: Text,
    pub doc_code: &'static str,
    pub version: &'static str,
    /// YYYY-MM-DD
    pub effective_date: &'static str,
    pub drafter: Text,
    pub reviewer: Text,
    pub approver: Text,
    pub distribution: Text,
}

pub const META: MetaText = MetaText {
    title: Text {
        zh: "企业微信办公使用规范",
        en: "Office Messaging Usage Code",
    },
    doc_code: "EXT-ADM-2025-007",
    version: "V1.0",
    effective_date: "2025-01-01",
    drafter: Text {
        zh: "行政部 王芳",
        en: "Wang Fang, Administration",
    },
    reviewer: Text {
        zh: "人事部 李娜",
        en: "Li Na, Human Resources",
    },
    approver: Text {
        zh: "总经理 周宏",
        en: "Zhou Hong, General Manager",
    },
    distribution: Text {
        zh: "全体员工",
        en: "All employees",
    },
};

pub const CHAPTERS: &[ChapterText] = &[
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-general",
        title: Text {
            zh: "总则",
            en: "General provisions",
        },
        clauses: &[
            ClauseText {
                id: "c-general-purpose",
                title: Text {
                    zh: "目的",
                    en: "Purpose",
                },
                body: Text {
                    zh: r#"为规范员工使用企业微信开展日常办公，解决重要信息被大量群消息淹没、工作与休息边界模糊、决策散落在聊天记录中难以追溯、文件版本混乱且聊天附件过期失效、敏感资料随意转发外传，以及请假、报销、出差等事项通过聊天消息审批、缺乏规范流程等问题，提高协作效率，保障信息安全，示例科技有限公司（以下简称“公司”）特制定本规范。"#,
                    en: r#"Example Tech Co. ("the company") runs much of its daily work through WeCom. Without shared rules this goes wrong in familiar ways: important notices drown among hundreds of groups, work messages arrive late at night, decisions are scattered across chats where nobody can find or audit them, files exist in several versions while chat attachments expire, sensitive material is forwarded freely, and leave, expense and trip requests are approved by chat message with no defined route. This code sets out how we use the suite so that our work stays efficient, traceable and secure."#,
                },
            },
            ClauseText {
                id: "c-general-scope",
                title: Text {
                    zh: "适用范围",
                    en: "Scope",
                },
                body: Text {
                    zh: r#"本规范适用于公司全体员工，以及使用公司企业微信开展工作的外包、驻场等合作人员。凡通过公司企业微信进行的工作沟通、群组管理、文件共享和审批活动，均须遵守本规范。"#,
                    en: r#"This code applies to every employee of the company and to contractors and on-site partner staff who work through the company's WeCom. It covers all work communication, group management, file sharing and approvals carried out there."#,
                },
            },
            ClauseText {
                id: "c-general-use",
                title: Text {
                    zh: "适用场景",
                    en: "What WeCom is for",
                },
                body: Text {
                    zh: r#"企业微信主要用于以下场景：

- **即时沟通**：日常工作交流及简单问题的快速确认；
- **通知发布**：公司及部门的通知、公告；
- **轻量协作**：小型任务分工、文档共享与协同编辑；
- **紧急事务**：需要快速响应和协调处理的突发情况。"#,
                    en: r#"WeCom is the company's tool for:

- **Instant communication**: day-to-day exchanges and quick confirmations;
- **Notices**: company and department notices and announcements;
- **Light collaboration**: small tasks, shared documents and co-editing;
- **Urgent matters**: incidents that need a fast, coordinated response."#,
                },
            },
            ClauseText {
                id: "c-general-not-for",
                title: Text {
                    zh: "不适用场景",
                    en: "What WeCom is not for",
                },
                body: Text {
                    zh: r#"下列事项不得通过企业微信聊天处理，应分别在 OA、ERP 或项目管理系统中办理：

- 高度机密文件的传输与存储；
- 复杂合同的审批；
- 大型项目的计划、进度与资源管理。"#,
                    en: r#"Some work does not belong in chat and must be handled in the dedicated OA, ERP or project-management systems instead:

- sending or storing highly confidential files;
- approving complex contracts;
- planning and tracking large projects, including schedules and resources."#,
                },
            },
            ClauseText {
                id: "c-general-owner",
                title: Text {
                    zh: "制定与管理",
                    en: "Ownership",
                },
                body: Text {
                    zh: r#"本规范由行政部会同人事部牵头制定，技术部及各业务部门代表参与起草和评审。行政部负责本规范的日常维护、培训组织和执行检查，并负责解释。"#,
                    en: r#"Administration owns this code together with Human Resources; the Technology department and representatives of the business departments take part in drafting and reviewing it. Administration maintains the code, organises training, checks compliance and is responsible for interpreting it."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-etiquette",
        title: Text {
            zh: "沟通礼仪",
            en: "Communication etiquette",
        },
        clauses: &[
            ClauseText {
                id: "c-etiquette-private-or-group",
                title: Text {
                    zh: "私聊与群聊",
                    en: "Private chat or group",
                },
                body: Text {
                    zh: r#"一对一沟通及简单事项原则上使用私聊；需要多人共同知悉或讨论的信息，应在相关群组内发布。不得在群内进行与多数成员无关的两人讨论，私人事务不得占用工作群。"#,
                    en: r#"Use a private chat for one-to-one conversations and simple matters, and post in the relevant group when several people need the same information. Do not hold a two-person exchange in a group where most members are not involved, and keep personal matters out of work groups."#,
                },
            },
            ClauseText {
                id: "c-etiquette-language",
                title: Text {
                    zh: "用语规范",
                    en: "Language",
                },
                body: Text {
                    zh: r#"工作沟通应使用文明、专业、简洁的语言，讲清事由、要求和完成时限。同一事项原则上用一条完整消息说明，不得拆分为多条零散短句连续刷屏；内容较多的，可附文件说明。"#,
                    en: r#"Write politely, professionally and concisely, and make clear what the matter is, what you need and by when. Put one matter in one complete message rather than a string of fragments that flood the chat; if there is a lot to say, attach a file."#,
                },
            },
            ClauseText {
                id: "c-etiquette-mentions",
                title: Text {
                    zh: "提醒功能的使用",
                    en: "Mentions and reminders",
                },
                body: Text {
                    zh: r#"需要特定同事知悉或处理的内容，应使用 @ 提醒对方。“@所有人”仅限群主或群管理员在发布通知时使用。不得滥用 @ 提醒、消息提醒和“加急”功能，非紧急事项不得加急。"#,
                    en: r#"Use an @mention when a particular colleague must see or act on something. Only the group owner or group administrators may use @all, and only to publish a notice. Do not overuse @mentions, reminders or the urgent (加急) flag, and never mark a non-urgent matter as urgent."#,
                },
            },
            ClauseText {
                id: "c-etiquette-recall",
                title: Text {
                    zh: "撤回与更正",
                    en: "Recall and correction",
                },
                body: Text {
                    zh: r#"消息发错对象、内容有误或误发敏感信息的，应在平台允许的时限内及时撤回，并重新发送更正后的内容或简要说明。已超过撤回时限的，应立即发送更正说明。"#,
                    en: r#"If you send a message to the wrong person, with wrong content, or containing sensitive information, recall it within the time the platform allows and send a corrected version or a short explanation. If the recall window has already passed, post a correction straight away."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-channels",
        title: Text {
            zh: "沟通渠道",
            en: "Channels",
        },
        clauses: &[
            ClauseText {
                id: "c-channels-choice",
                title: Text {
                    zh: "渠道选择",
                    en: "Choosing a channel",
                },
                body: Text {
                    zh: r#"应根据事项的紧急程度和正式程度选择沟通渠道：

| 渠道 | 适用场景 | 紧急程度 |
|---|---|---|
| 私聊 | 紧急的一对一沟通、简单问题的快速确认 | 高 |
| 邮件 / 正式消息 | 需要留存记录的正式通知 | 中 |
| 公告 | 公司级制度及活动通知，须全员阅读 | 高 |
| 群聊讨论 | 团队及项目协作 | 中至低 |
| 会议 | 实时讨论与决策 | 按会议安排 |"#,
                    en: r#"Pick the channel by how urgent and how formal the matter is:

| Channel | Used for | Urgency |
|---|---|---|
| Private message | Urgent one-to-one matters, quick questions | High |
| Email or formal message | Formal notices that must be kept on record | Medium |
| Announcement (公告) | Company-wide policies and event notices that everyone must read | High |
| Group discussion | Team and project collaboration | Medium to low |
| Meeting | Real-time discussion and decisions | As scheduled |"#,
                },
            },
            ClauseText {
                id: "c-channels-announcement",
                title: Text {
                    zh: "公告发布",
                    en: "Announcements",
                },
                body: Text {
                    zh: r#"涉及全体员工的制度发布、重要通知和活动安排，应使用企业微信“公告”功能发布，不得仅在群聊中发送。发布人应开启已读确认并跟进未读人员；员工收到公告后应及时阅读并确认。"#,
                    en: r#"Policies, important notices and event arrangements that concern all staff are published with WeCom's announcement (公告) feature, not merely posted in a group chat. The publisher turns on read confirmation and follows up with anyone who has not read it; staff read and confirm announcements promptly."#,
                },
            },
            ClauseText {
                id: "c-channels-meeting",
                title: Text {
                    zh: "会议",
                    en: "Meetings",
                },
                body: Text {
                    zh: r#"需要实时讨论并形成决定的事项，应通过会议处理。会议组织者应提前发送会议议程；会议结束后 1 个工作日内，应将会议纪要归档并发送全体参会人员，纪要须写明决定事项、责任人和完成时限。"#,
                    en: r#"Matters that need real-time discussion and a decision go to a meeting. The organiser sends the agenda in advance. Within 1 working day after the meeting, the minutes are archived and sent to everyone who attended; they record the decisions, who owns each action and the deadline."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-response",
        title: Text {
            zh: "响应时效",
            en: "Response times",
        },
        clauses: &[
            ClauseText {
                id: "c-response-important",
                title: Text {
                    zh: "重要消息",
                    en: "Important messages",
                },
                body: Text {
                    zh: r#"工作时间内收到的重要消息，应在 30 分钟内回复。因会议、外出等原因无法及时回复的，应提前设置状态，或在条件允许时尽快说明。"#,
                    en: r#"During working hours, reply to an important message within 30 minutes. If a meeting or being out of the office prevents this, set your status in advance or explain as soon as you can."#,
                },
            },
            ClauseText {
                id: "c-response-normal",
                title: Text {
                    zh: "一般消息",
                    en: "Non-urgent messages",
                },
                body: Text {
                    zh: r#"非紧急消息应在 1 个工作日内回复。需要查阅资料或与他人协调后才能答复的，也应在此时限内先给出初步答复。"#,
                    en: r#"Reply to a non-urgent message within 1 working day. If you need to look something up or check with others first, send at least an initial answer within that time."#,
                },
            },
            ClauseText {
                id: "c-response-confirm",
                title: Text {
                    zh: "收到确认",
                    en: "Confirming receipt",
                },
                body: Text {
                    zh: r#"接收人收到工作安排或需要办理的消息后，应及时回复确认，如“收到”。事项无法在上述时限内办结的，应先确认收到，并告知预计完成时间。"#,
                    en: r#"When you receive a task or a message that needs action, confirm receipt promptly, for example with "收到" (received). If the work will take longer than the times above, confirm receipt first and say when you expect to finish."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-hours",
        title: Text {
            zh: "工作时间与免打扰",
            en: "Working hours and quiet hours",
        },
        clauses: &[
            ClauseText {
                id: "c-hours-working",
                title: Text {
                    zh: "工作时间",
                    en: "Working hours",
                },
                body: Text {
                    zh: r#"公司工作时间为周一至周五 09:00-18:00，法定节假日按国家规定执行。本规范所称响应时效，均按工作时间计算。"#,
                    en: r#"Working hours are Monday to Friday, 09:00-18:00; public holidays follow the national calendar. The response times in this code are counted in working time."#,
                },
            },
            ClauseText {
                id: "c-hours-quiet",
                title: Text {
                    zh: "免打扰时段",
                    en: "Quiet hours",
                },
                body: Text {
                    zh: r#"每日 21:00-07:00（跨夜）以及休息日、法定节假日全天为免打扰时段。免打扰时段内原则上不得发送非紧急工作消息，也不得发起非紧急的语音或视频通话。"#,
                    en: r#"Quiet hours are 21:00-07:00 every night, plus the whole of rest days and public holidays. During quiet hours, do not send non-urgent work messages or start non-urgent voice or video calls."#,
                },
            },
            ClauseText {
                id: "c-hours-marking",
                title: Text {
                    zh: "非紧急标注",
                    en: "Marking non-urgent messages",
                },
                body: Text {
                    zh: r#"确需在工作时间以外发送非紧急消息的，应在消息开头注明「非紧急，方便时查阅」，接收人可在下一个工作时段处理。确属紧急的事项，应直接电话联系，不得仅发消息等待回复。"#,
                    en: r#"If you must send a non-urgent message outside working hours, begin it with 「非紧急，方便时查阅」 ("Not urgent, read when convenient"); the receiver may deal with it in the next working period. For anything genuinely urgent, phone the person instead of sending a message and waiting."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-groups",
        title: Text {
            zh: "群组管理",
            en: "Group management",
        },
        clauses: &[
            ClauseText {
                id: "c-groups-purpose",
                title: Text {
                    zh: "建群原则",
                    en: "When to create a group",
                },
                body: Text {
                    zh: r#"建群须有明确的工作目的，如部门协作、项目推进、客户服务或通知发布。同一事项已有群组的，不得重复建群；不得以工作名义建立闲聊、娱乐性质的群组。"#,
                    en: r#"Create a group only for a clear work purpose, such as department coordination, a project, customer service or publishing notices. Do not open a second group for a matter that already has one, and do not set up chit-chat or entertainment groups in the name of work."#,
                },
            },
            ClauseText {
                id: "c-groups-naming",
                title: Text {
                    zh: "群命名规则",
                    en: "Group names",
                },
                body: Text {
                    zh: r#"群名称统一采用 `【部门】-【项目/事项】-【群类型】` 格式，各部分用全角方括号括起，部分之间用半角连字符“-”连接，例如 `【技术部】-【ERP升级】-【项目群】`。具体要求如下：

- 部门：使用组织架构中的部门正式名称，如“技术部”，不得使用“技术部门”“研发部”等别称；
- 项目/事项：2-20 个字符，不得包含空格、方括号（`【】[]`）及 `-`、`_`、`/`、`\` 等分隔符；
- 群类型：部门群、项目群、临时群、客户群、通知群之一；
- 群名称总长度不超过 30 个字符；
- 群名称中不得出现“闲聊”“八卦”“吃喝”等字样。"#,
                    en: r#"Group names are written in Chinese in the pattern `【部门】-【项目/事项】-【群类型】`, that is 【department】-【project or matter】-【group type】, with each part in full-width brackets and the parts joined by a plain hyphen (-). For example, `【技术部】-【ERP升级】-【项目群】` is the project group of the Technology department for the ERP upgrade.

- Department: the official name from the org chart, such as 技术部, never an alias such as 技术部门 or 研发部;
- Project or matter: 2 to 20 characters, with no spaces, no brackets (`【】[]`) and none of the separators `-`, `_`, `/`, `\`;
- Group type: one of 部门群, 项目群, 临时群, 客户群 or 通知群;
- The whole name is at most 30 characters long;
- The words 闲聊 (chit-chat), 八卦 (gossip) and 吃喝 (eating and drinking) may not appear anywhere in the name."#,
                },
            },
            ClauseText {
                id: "c-groups-types",
                title: Text {
                    zh: "群组类型",
                    en: "Group types",
                },
                body: Text {
                    zh: r#"群组分为以下五类：

- **部门群**：用于部门内部日常沟通和通知，成员为本部门员工；
- **项目群**：用于跨部门项目协作，项目结束后归档或解散；
- **临时群**：用于短期专项事务，事务完成后及时解散；
- **客户群**：用于与客户等外部人员沟通，须标记为外部群；
- **通知群**：仅用于发布通知，原则上仅群主和群管理员发言。"#,
                    en: r#"There are five types of group:

- **部门群** (department group): day-to-day communication and notices within one department; its members are that department's staff;
- **项目群** (project group): cross-department project work; archived or dissolved when the project ends;
- **临时群** (temporary group): a short, single-purpose task; dissolved as soon as the task is done;
- **客户群** (customer group): communication with customers and other outside parties; must be marked as external;
- **通知群** (notice group): publishing notices only; as a rule, only the owner and group administrators post."#,
                },
            },
            ClauseText {
                id: "c-groups-owner",
                title: Text {
                    zh: "群主职责",
                    en: "The group owner",
                },
                body: Text {
                    zh: r#"每个群组有且仅有一名群主，群主须为在职员工，对群组的使用负责。群主的职责包括：

- 审核并管理群成员，及时移出长期不活跃或已无关的成员；
- 维护群聊主题，提醒偏离主题的发言；
- 群组任务完成后，及时归档或解散群组。"#,
                    en: r#"Every group has exactly one owner (群主), who must be an active employee and is accountable for how the group is used. The owner:

- approves and manages members, removing people who have long been inactive or are no longer involved;
- keeps the discussion on topic;
- archives or dissolves the group once its work is done."#,
                },
            },
            ClauseText {
                id: "c-groups-admission",
                title: Text {
                    zh: "入群管理",
                    en: "Admission",
                },
                body: Text {
                    zh: r#"成员入群应以岗位职责或业务需要为依据，不得随意拉入无关人员。涉及敏感信息的群组，应设置为仅群主可邀请成员。"#,
                    en: r#"People join a group because of their role or a business need, never at random. In a group that handles sensitive information, only the owner may invite new members."#,
                },
            },
            ClauseText {
                id: "c-groups-rules",
                title: Text {
                    zh: "群规",
                    en: "Group rules",
                },
                body: Text {
                    zh: r#"每个群组应制定书面群规，写明使用规则、行为规范及违规后果，经群成员讨论同意后以群公告形式发布。群内信息应按“紧急”“工作”“其他”分类发布，可在消息开头标注【紧急】【工作】或【其他】。"#,
                    en: r#"Each group writes down its rules (群规): how the group is used, expected conduct and the consequences of breaking the rules. Members discuss and agree them, and they are published as the group announcement. Posts are sorted into urgent, work and other, for example by starting a message with 【紧急】, 【工作】 or 【其他】."#,
                },
            },
            ClauseText {
                id: "c-groups-lifecycle",
                title: Text {
                    zh: "群组清理",
                    en: "Clean-up and lifecycle",
                },
                body: Text {
                    zh: r#"群主应定期清理所管理的群组，行政部定期核查公司群组清单：

- 建立超过 30 天的临时群，应解散或转为其他类型的群组；
- 连续 90 天无活动的群组，应归档或解散；
- 已离职人员应及时移出群组；
- 客户群须标记为外部群，且只有客户群可以设为外部群。"#,
                    en: r#"Owners clean up their groups, and Administration regularly reviews the company's list of groups:

- a temporary group (临时群) older than 30 days is dissolved or converted to another type;
- a group with no activity for 90 days is archived or dissolved;
- members who have left the company are removed;
- customer groups are marked as external, and only customer groups may be external."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-files",
        title: Text {
            zh: "文件与文档",
            en: "Files and documents",
        },
        clauses: &[
            ClauseText {
                id: "c-files-classification",
                title: Text {
                    zh: "文件分类",
                    en: "Classification",
                },
                body: Text {
                    zh: r#"文件按以下三个维度分类管理，密级由文件所有人确定并标注：

- **业务领域**：市场、研发、财务、人事等；
- **项目阶段**：立项、执行、验收、归档；
- **密级**：公开（如对外发布的新闻稿、产品宣传册）、内部（如公司内部通讯录、部门工作周报）、机密（如员工薪资表、客户合同）、绝密（如尚未公布的并购方案、核心产品源代码）。"#,
                    en: r#"Files are classified along three dimensions; the file owner sets and labels the secrecy level:

- **Business area**: marketing, R&D, finance, HR and so on;
- **Project stage**: initiation, execution, acceptance, archive;
- **Secrecy level**: 公开 public (such as a press release or a product brochure), 内部 internal (the staff phone directory, a department's weekly report), 机密 confidential (the staff salary sheet, a customer contract), 绝密 top secret (an unannounced merger plan, the core product's source code)."#,
                },
            },
            ClauseText {
                id: "c-files-naming",
                title: Text {
                    zh: "文件命名规则",
                    en: "File names",
                },
                body: Text {
                    zh: r#"文件名称统一采用 `[部门]_[业务/项目名称]_[文档类型]_[版本号]_[日期]` 格式，例如 `技术部_ERP升级_需求说明书_V2.1_20240520.docx`。其中：

- 部门：使用组织架构中的部门正式名称；
- 文档类型：需求说明书、方案、报告、合同、制度、会议纪要、预算表之一；
- 版本号：字母 V 加“主版本号.次版本号”，如 V1.0、V2.1；
- 日期：YYYYMMDD 格式的八位数字，且须为真实日期；
- 扩展名：docx、xlsx、pptx 或 pdf。"#,
                    en: r#"File names follow the pattern `[部门]_[业务/项目名称]_[文档类型]_[版本号]_[日期]`: department, business or project name, document type, version and date, joined by underscores. For example: `技术部_ERP升级_需求说明书_V2.1_20240520.docx`.

- Department: the official name from the org chart;
- Document type: one of 需求说明书 (requirements specification), 方案 (plan or proposal), 报告 (report), 合同 (contract), 制度 (policy), 会议纪要 (meeting minutes) or 预算表 (budget);
- Version: V followed by major.minor, such as V1.0 or V2.1;
- Date: YYYYMMDD, and it must be a real calendar date;
- Extension: docx, xlsx, pptx or pdf."#,
                },
            },
            ClauseText {
                id: "c-files-permissions",
                title: Text {
                    zh: "文档权限",
                    en: "Permissions",
                },
                body: Text {
                    zh: r#"文档权限遵循最小权限原则，分为以下四级：

| 权限 | 可执行的操作 | 一般授予对象 |
|---|---|---|
| 完全控制 | 查看、编辑、下载、删除、分享 | 文档所有人、部门负责人 |
| 可编辑 | 查看、编辑、下载 | 项目成员 |
| 只读 | 仅可查看 | 外部合作方、审计人员 |
| 禁止访问 | 不可查看 | 无业务需要的人员 |

权限的授予和变更，须通过文档权限申请（`doc_access`）审批流程办理。"#,
                    en: r#"Document access follows the principle of least privilege and comes in four levels:

| Level | Allows | Typically granted to |
|---|---|---|
| 完全控制 Full control | View, edit, download, delete, share | Document owner, department head |
| 可编辑 Edit | View, edit, download | Project members |
| 只读 Read-only | View only | External partners, auditors |
| 禁止访问 No access | Nothing | Anyone without a business need |

Every grant or change of access goes through the document access approval (`doc_access`)."#,
                },
            },
            ClauseText {
                id: "c-files-versions",
                title: Text {
                    zh: "版本管理",
                    en: "Versions",
                },
                body: Text {
                    zh: r#"文件每次修订均应升级版本号（如 V1.0 → V1.1），并简要记录修改内容；重大修订升级主版本号（如 V1.1 → V2.0）。历史版本至少保留 6 个月，合同、制度类文件永久保存。"#,
                    en: r#"Every revision raises the version number (for example V1.0 → V1.1) and records briefly what changed; a major revision raises the major number (V1.1 → V2.0). Old versions are kept for at least 6 months, and contracts and policies are kept permanently."#,
                },
            },
            ClauseText {
                id: "c-files-lock",
                title: Text {
                    zh: "编辑锁定",
                    en: "Edit lock",
                },
                body: Text {
                    zh: r#"多人协作编辑同一文件时，应先锁定再编辑，避免内容相互覆盖，编辑完成后应及时解锁。锁定 30 分钟后系统自动解除锁定。"#,
                    en: r#"When several people work on the same file, lock it before editing so that changes do not overwrite each other, and unlock it as soon as you are done. A lock is released automatically after 30 minutes."#,
                },
            },
            ClauseText {
                id: "c-files-audit",
                title: Text {
                    zh: "操作审计",
                    en: "Audit",
                },
                body: Text {
                    zh: r#"文件的下载、分享等操作均记入审计日志。机密及以上密级文件的操作日志由信息安全管理员每日检查，并按月形成审计报告。"#,
                    en: r#"Downloads, shares and similar actions on files are recorded in an audit log. The information security administrator checks the log for confidential and top-secret files every day and produces an audit report every month."#,
                },
            },
            ClauseText {
                id: "c-files-archive",
                title: Text {
                    zh: "归档与销毁",
                    en: "Archiving and destruction",
                },
                body: Text {
                    zh: r#"项目结束后，项目文件应按年度归档。文件销毁须经部门负责人和信息安全管理员共同审批同意后方可执行。"#,
                    en: r#"When a project ends, its files are archived by year. A file may be destroyed only after both the department head and information security have approved."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-approvals",
        title: Text {
            zh: "审批管理",
            en: "Approvals",
        },
        clauses: &[
            ClauseText {
                id: "c-approvals-principles",
                title: Text {
                    zh: "审批原则",
                    en: "Principles",
                },
                body: Text {
                    zh: r#"请假、报销、出差、文档权限等事项，一律通过企业微信审批模板提交，不得以聊天消息代替审批。审批流程的设计应遵循以下原则：

- **目标导向**：每个流程服务于明确的管理目标；
- **节点精简**：审批节点尽可能少；
- **权责清晰**：每个节点的审批责任明确；
- **按需分支**：仅在业务确有差异时设置条件分支。

新流程或流程的重大调整，应先在一至两个部门试点，再在全公司推行。"#,
                    en: r#"Leave, expense, business-trip and document-access requests are always submitted through the WeCom approval templates; a chat message never replaces an approval. Approval flows are designed to be:

- **goal-oriented**: each flow serves a clear management purpose;
- **lean**: as few approval steps as possible;
- **clear**: every step has an unambiguous responsibility;
- **branched only where needed**: conditions are added only where the business genuinely differs.

A new flow, or a major change to an existing one, is piloted in one or two departments before it is rolled out across the company."#,
                },
            },
            ClauseText {
                id: "c-approvals-leave",
                title: Text {
                    zh: "请假审批",
                    en: "Leave",
                },
                body: Text {
                    zh: r#"请假申请须填写假期类型（年假、病假、事假、调休）、请假天数（以 0.5 天为单位）及工作交接安排。审批流程如下：

1. 直接主管审批；
2. 请假超过 3 天的，再依次经部门负责人、人事专员审批。

审批通过后抄送行政部，用于考勤记录。"#,
                    en: r#"A leave request states the type of leave (annual, sick, personal, or time off in lieu), the number of days (in steps of 0.5) and the handover arrangements. It is approved by:

1. the direct supervisor;
2. for leave of more than 3 days, then also the department head and, after them, the HR specialist.

Once the request is approved, Administration receives a copy for attendance records."#,
                },
            },
            ClauseText {
                id: "c-approvals-expense",
                title: Text {
                    zh: "报销审批",
                    en: "Expenses",
                },
                body: Text {
                    zh: r#"报销申请须填写金额和费用类别（差旅、招待、办公用品、其他），并上传发票；未附发票的不予受理。报销先由直接主管审批，最后一律由会计审核，中间环节按金额确定：

- 超过 50,000 元的：依次经部门负责人、财务经理、总经理审批；
- 超过 5,000 元且不超过 50,000 元的：依次经部门负责人、财务经理审批；
- 5,000 元及以下的：不增加审批人。

审批通过后抄送财务经理。"#,
                    en: r#"An expense claim states the amount and the category (travel, hospitality, office supplies or other), and the invoice must be attached; claims without an invoice are not accepted. Every claim is approved first by the direct supervisor and last by the accountant. In between, the amount decides:

- above 50,000 CNY: the department head, the finance manager and the general manager, in that order;
- above 5,000 CNY and up to 50,000 CNY: the department head, then the finance manager;
- 5,000 CNY or less: no further approver.

Once the claim is approved, the finance manager receives a copy."#,
                },
            },
            ClauseText {
                id: "c-approvals-trip",
                title: Text {
                    zh: "出差审批",
                    en: "Business trips",
                },
                body: Text {
                    zh: r#"出差申请须填写目的地（国内或国外）、出差天数及预算。出差由直接主管审批；赴国外出差的，还须经总经理审批。审批通过后抄送行政部和财务部。"#,
                    en: r#"A trip request states the destination (domestic or abroad), the number of days and the budget. The direct supervisor approves it, and a trip abroad also needs the general manager's approval. Once the trip is approved, Administration and Finance receive a copy."#,
                },
            },
            ClauseText {
                id: "c-approvals-doc-access",
                title: Text {
                    zh: "文档权限申请",
                    en: "Document access requests",
                },
                body: Text {
                    zh: r#"申请文档权限须注明文件密级及所需权限（只读、可编辑、完全控制）。审批流程如下：

1. 部门负责人审批；
2. 密级为机密或绝密的，增加信息安全管理员审批；
3. 密级为绝密的，再增加一个由信息安全管理员和总经理共同会签的节点，须全部同意方可通过。

信息安全管理员已在上一节点审批的，依照审批路由规则，在会签节点不再重复审批。"#,
                    en: r#"A document access request states the file's secrecy level and the access needed (read-only, edit or full control). It is approved by:

1. the department head;
2. for confidential or top-secret files, also the information security administrator;
3. for top-secret files, also a joint sign-off (会签) in which the information security administrator and the general manager must both approve.

Because the information security administrator has just approved in the step before, the routing rules spare them from signing the joint step a second time."#,
                },
            },
            ClauseText {
                id: "c-approvals-routing",
                title: Text {
                    zh: "审批路由规则",
                    en: "Routing rules",
                },
                body: Text {
                    zh: r#"所有审批流程均适用以下规则：

- 申请人不得审批本人的申请，流程中轮到申请人本人时自动跳过；
- 同一审批人在相邻两个节点连续出现的，只需审批一次；
- 因上述两项规则跳过后无人审批的节点，直接略过；
- 某一节点找不到审批人，或审批人均已离职的，转由审批管理员审批；
- 已离职人员提交的申请不予受理；
- 申请人不作为本人申请的抄送人。

本章所称部门负责人，是指申请人所在一级部门的负责人。"#,
                    en: r#"These rules apply to every approval flow:

- nobody approves their own request: when a step would go to the requester, they are skipped;
- if the same person would approve two consecutive steps, they sign only once;
- a step left with no approver only because of these two rules is dropped;
- a step with nobody to approve it, or only people who have left the company, goes to the approval administrator;
- requests from people who have left the company are refused;
- the requester is never copied on their own request.

In this chapter, "department head" means the head of the requester's top-level department."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-security",
        title: Text {
            zh: "保密与安全",
            en: "Confidentiality and security",
        },
        clauses: &[
            ClauseText {
                id: "c-security-least-privilege",
                title: Text {
                    zh: "最小权限",
                    en: "Least privilege",
                },
                body: Text {
                    zh: r#"企业微信账号、群组及文档的权限均按最小权限原则授予，员工仅获得完成本职工作所必需的权限；岗位变动时，权限应同步调整。严禁通过聊天将机密及以上密级文件转发给无权限人员或外部人员。"#,
                    en: r#"Access to WeCom accounts, groups and documents is granted on a least-privilege basis: staff get only what their job requires, and their access changes whenever their role does. Never forward confidential or top-secret files by chat to anyone who lacks access, or to anyone outside the company."#,
                },
            },
            ClauseText {
                id: "c-security-watermark",
                title: Text {
                    zh: "水印与审计",
                    en: "Watermarks and audit logs",
                },
                body: Text {
                    zh: r#"公司在聊天界面、截图及在线文档中启用水印，水印包含可识别使用人的信息。系统保留操作审计日志，以便事后追溯。员工不得以拍照等方式规避水印、外传敏感信息。"#,
                    en: r#"Chats, screenshots and online documents carry a watermark that identifies the user, and the system keeps audit logs so that actions can be traced afterwards. Do not photograph screens or otherwise get around the watermark to take sensitive information out."#,
                },
            },
            ClauseText {
                id: "c-security-admin",
                title: Text {
                    zh: "敏感操作权限",
                    en: "Sensitive operations",
                },
                body: Text {
                    zh: r#"成员增删、权限变更、数据导出等敏感操作，仅限超级管理员及经授权的特定角色（如人事、财务）执行。超级管理员人数应严格控制，其操作全部纳入审计。"#,
                    en: r#"Sensitive operations, such as adding or removing members, changing permissions and exporting data, are reserved for super-administrators and specifically authorised roles such as HR and finance. The number of super-administrators is kept to a minimum, and everything they do is audited."#,
                },
            },
            ClauseText {
                id: "c-security-offboarding",
                title: Text {
                    zh: "离职处理",
                    en: "Leaving the company",
                },
                body: Text {
                    zh: r#"员工办理离职手续时，应同步完成以下事项：

- 删除其企业微信账号；
- 将其负责的客户交接给指定同事；
- 冻结其文档权限；
- 将其担任群主的群组转交给新的群主。"#,
                    en: r#"When an employee leaves the company:

- their WeCom account is removed;
- their customers are handed over to a named colleague;
- their document permissions are frozen;
- every group they own is handed to a new owner."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-training",
        title: Text {
            zh: "培训与考核",
            en: "Training and assessment",
        },
        clauses: &[
            ClauseText {
                id: "c-training-onboarding",
                title: Text {
                    zh: "培训",
                    en: "Training",
                },
                body: Text {
                    zh: r#"新员工入职培训应包含本规范的学习。企业微信管理员及各部门关键用户应接受进阶培训，掌握群组管理、审批配置和权限设置等内容。本规范修订后，行政部应组织员工学习修订内容。"#,
                    en: r#"New employees learn this code as part of their onboarding. WeCom administrators and key users in each department receive more in-depth training on group management, approval setup and permissions. Whenever the code is revised, Administration makes sure staff learn what has changed."#,
                },
            },
            ClauseText {
                id: "c-training-assessment",
                title: Text {
                    zh: "考核",
                    en: "Assessment",
                },
                body: Text {
                    zh: r#"培训效果通过测验和实操练习进行考核，满分 100 分，80 分及以上为合格。未达到合格分数的，可参加补考。"#,
                    en: r#"Understanding is checked with quizzes and practical exercises. The pass mark is 80 out of 100, and anyone who falls short may retake the assessment."#,
                },
            },
        ],
    },
    // ------------------------------------------------------------------
    ChapterText {
        id: "ch-supervision",
        title: Text {
            zh: "监督与修订",
            en: "Supervision and revision",
        },
        clauses: &[
            ClauseText {
                id: "c-supervision-metrics",
                title: Text {
                    zh: "流程度量",
                    en: "Process metrics",
                },
                body: Text {
                    zh: r#"行政部定期统计审批流程的运行情况，主要指标包括：

- **平均处理时长** = Σ(完成时间 − 提交时间) / 申请总数；
- **审批通过率** = 审批通过的申请数 / 申请总数。

同时应识别等待时间过长的异常节点，消除重复抄送、纸质环节等浪费。"#,
                    en: r#"Administration regularly measures how the approval flows perform, mainly through:

- **average processing time** = Σ(completed − submitted) / number of requests;
- **approval pass rate** = approved requests / all requests.

It also looks for abnormal steps where requests wait too long, and removes waste such as duplicate copies and paper-based steps."#,
                },
            },
            ClauseText {
                id: "c-supervision-scorecard",
                title: Text {
                    zh: "流程评分卡",
                    en: "Scorecard",
                },
                body: Text {
                    zh: r#"各流程按以下评分卡进行评价：

| 指标 | 权重 | 优秀 | 良好 | 一般 | 较差 |
|---|---|---|---|---|---|
| 文档完整性 | 30% | ≥95% | 90%-95% | 80%-90% | <80% |
| 执行符合度 | 40% | ≥95% | 90%-95% | 80%-90% | <80% |
| 平均处理时长 | 20% | ≤1 天 | 1-3 天 | 3-5 天 | >5 天 |
| 风险事件率 | 20% | 0 | ≤1% | 1%-3% | >3% |"#,
                    en: r#"Each process is rated with the following scorecard:

| Measure | Weight | Excellent | Good | Fair | Poor |
|---|---|---|---|---|---|
| Documentation completeness | 30% | ≥95% | 90-95% | 80-90% | <80% |
| Execution conformance | 40% | ≥95% | 90-95% | 80-90% | <80% |
| Average processing time | 20% | ≤1 day | 1-3 days | 3-5 days | >5 days |
| Risk-event rate | 20% | 0 | ≤1% | 1-3% | >3% |"#,
                },
            },
            ClauseText {
                id: "c-supervision-cadence",
                title: Text {
                    zh: "评审周期",
                    en: "Review cadence",
                },
                body: Text {
                    zh: r#"流程按重要程度分级评审：核心流程每月评审一次，一般流程每季度评审一次，支持性流程每年评审一次。"#,
                    en: r#"Processes are reviewed according to their importance: core processes every month, general processes every quarter and supporting processes once a year."#,
                },
            },
            ClauseText {
                id: "c-supervision-change",
                title: Text {
                    zh: "变更管理",
                    en: "Changes",
                },
                body: Text {
                    zh: r#"变更申请按“收益 − 成本 − 风险”进行评估，优先级 = 影响程度 × 紧急程度，两项均按 1-5 分评定。变更经批准后，应以新的版本号和生效日期发布。本规范的持续改进遵循计划—执行—检查—处理（PDCA）循环。"#,
                    en: r#"Each change request is assessed on benefit minus cost minus risk, and prioritised by impact × urgency, each scored from 1 to 5. Approved changes are published with a new version number and an effective date. The code is improved continuously through the plan-do-check-act cycle."#,
                },
            },
            ClauseText {
                id: "c-supervision-effect",
                title: Text {
                    zh: "生效与解释",
                    en: "Effect and interpretation",
                },
                body: Text {
                    zh: r#"本规范自 2025 年 1 月 1 日起施行，由行政部负责解释。"#,
                    en: r#"This code takes effect on 1 January 2025. Administration is responsible for interpreting it."#,
                },
            },
        ],
    },
];
