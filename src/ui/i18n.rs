//! Interface strings in Chinese and English. Every message is a variant of [`K`], so a
//! missing translation is a compile error, not a blank on screen.
//!
//! The messages are in sections. The shell's are in the main module; each area's own are
//! in a table that only the area's code refers to, so in a release build they come with
//! the area's chunk (`src/ui/areas.rs` registers them as the area loads), and a first
//! visit does not download them.

use leptos::prelude::*;

use super::state::use_store;
use crate::core::bundle::{ProblemKind, RefKind};
use crate::core::Lang;

macro_rules! messages {
    (
        $shell:ident { $($skey:ident => $szh:expr, $sen:expr;)* }
        $($section:ident($register:ident) { $($key:ident => $zh:expr, $en:expr;)* })*
    ) => {
        /// A translatable interface message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum K { $($skey,)* $($($key,)*)* }

        /// The sections of messages that come with an area's chunk.
        #[derive(Debug, Clone, Copy)]
        enum Section { $($section),* }

        /// Each section's number of messages, in order.
        const SECTION_LENS: &[usize] = &[$(<[&str]>::len(&[$(stringify!($key)),*])),*];

        impl K {
            /// Every message, for completeness tests (see [`register_all`]).
            pub const ALL: &'static [K] = &[$(K::$skey,)* $($(K::$key,)*)*];

            /// The message in a language.
            pub fn text(self, lang: Lang) -> &'static str {
                // A table, not a `match` with an arm per message and language: measured,
                // 4 KB less gzipped WebAssembly in the first load.
                const SHELL: &[[&str; 2]] = &[$([$szh, $sen]),*];
                let column = match lang {
                    Lang::Zh => 0,
                    Lang::En => 1,
                };
                let mut i = self as usize;
                if let Some(texts) = SHELL.get(i) {
                    return texts[column];
                }
                i -= SHELL.len();
                for (section, len) in SECTION_LENS.iter().enumerate() {
                    if i < *len {
                        return section_text(section, i, column);
                    }
                    i -= len;
                }
                ""
            }
        }

        $(
            /// Makes this section's messages available; its area calls it when it loads.
            pub fn $register() {
                static TEXTS: &[[&str; 2]] = &[$([$zh, $en]),*];
                install(Section::$section as usize, TEXTS);
            }
        )*

        /// Every section at once: for tests that read every message.
        pub fn register_all() {
            $($register();)*
        }
    };
}

type Texts = &'static [[&'static str; 2]];

thread_local! {
    /// The sections registered so far, by [`Section`] number.
    static SECTIONS: std::cell::RefCell<[Option<Texts>; SECTION_LENS.len()]> =
        const { std::cell::RefCell::new([None; SECTION_LENS.len()]) };
}

fn install(section: usize, texts: Texts) {
    SECTIONS.with_borrow_mut(|sections| sections[section] = Some(texts));
}

/// A message of an area's section. Asked for before its area registered it (a message
/// used outside its area: tests/architecture.rs forbids that), it is blank and the console
/// says which.
fn section_text(section: usize, index: usize, column: usize) -> &'static str {
    let texts = SECTIONS.with_borrow(|sections| sections[section]);
    match texts {
        Some(texts) => texts[index][column],
        None => {
            leptos::logging::error!(
                "interface message {index} of section {section} asked for before its area loaded"
            );
            ""
        }
    }
}

messages! {
    // The shell, the policy page, the workspaces and what several areas share: in the
    // main module, always there.
    Shell {
        AppName => "制度演练场", "Policy Playground";
        AppTagline => "企业即时通讯使用规范：起草、演练、培训", "Draft, test and teach workplace messaging norms";
        SkipToContent => "跳到正文", "Skip to content";
        MainNav => "主导航", "Main navigation";
        NavPolicy => "制度", "Policy";
        NavNaming => "群命名", "Naming";
        NavApprovals => "审批", "Approvals";
        NavTraining => "培训", "Training";
        NavExport => "导出", "Export";
        Language => "界面语言", "Interface language";
        SwitchLanguage => "English", "中文";
        WorkspaceMenu => "工作区", "Workspace";
        SaveFile => "保存到文件", "Save to file";
        OpenFile => "打开文件", "Open file";
        ResetStarter => "恢复示例", "Reset to example";
        ResetTitle => "用示例替换当前工作区？", "Replace the workspace with the starter example?";
        ResetBody => "当前内容将被示例替换。替换后仍可用“撤销”找回，也建议先保存到文件。", "Everything in the workspace is replaced by the example. You can still undo afterwards; saving to a file first is wise.";
        ResetChooseLang => "示例语言", "Example language";
        ResetConfirm => "替换为示例", "Replace with example";
        Cancel => "取消", "Cancel";
        Dismiss => "知道了", "Dismiss";
        LangZh => "中文", "Chinese";
        LangEn => "英文", "English";
        SavedLocally => "已保存在本浏览器", "Saved in this browser";
        Saving => "正在保存…", "Saving…";
        StorageUnavailable => "无法保存到本浏览器（存储被禁用）。内容仅保留在当前页面中，关闭前请“保存到文件”。", "This browser won't let the playground store data (storage is disabled). Your work stays in this tab only; use Save to file before closing it.";
        StorageFull => "浏览器存储空间已满，最近的修改未能保存。内容仍保留在当前页面中，请“保存到文件”。", "Browser storage is full, so recent changes were not stored. Your work is still here in this tab; use Save to file.";
        RecoveredKept => "上次保存的工作区无法读取，已载入示例。原数据已原样保留在浏览器存储中（ppg.workspace.unreadable）。", "The saved workspace could not be read, so the example was loaded. The unreadable data is kept untouched in browser storage (ppg.workspace.unreadable).";
        RecoveredNotKept => "上次保存的工作区无法读取，已载入示例。为免覆盖原数据，自动保存已暂停。", "The saved workspace could not be read, so the example was loaded. Autosave is paused so the old data is not overwritten.";
        StoredWithProblems => "已载入上次的工作区，但其中有需要修正的问题（可能是编辑到一半时保存的）：", "Your last workspace is loaded, but it has problems to fix (it may have been saved mid-edit):";
        OpenedFile => "已打开文件：", "Opened file: ";
        SavedFile => "已下载文件：", "Downloaded file: ";
        ResetDone => "已恢复为示例。可撤销。", "Reset to the example. You can undo this.";
        OpenFailed => "无法打开文件，当前工作区未改变：", "Could not open the file; your workspace is unchanged: ";
        ProblemsFound => "发现的问题", "Problems found";
        FileTooLarge => "文件过大", "The file is too large";
        FileNotText => "文件不是文本", "The file is not text";
        Deleted => "已删除。可撤销。", "Deleted. You can undo this.";
        Undo => "撤销", "Undo";
        UndoHint => "撤销（Ctrl+Z）", "Undo (Ctrl+Z)";
        RedoHint => "重做（Ctrl+Shift+Z）", "Redo (Ctrl+Shift+Z)";
        NotFoundTitle => "找不到该页面", "Page not found";
        NotFoundBody => "地址有误。可从上方导航进入各功能区。", "This address doesn't exist. Use the navigation above.";
        AreaLoading => "正在载入……", "Loading…";
        AreaUnavailableTitle => "这一部分暂时无法载入", "This part of the app could not be loaded";
        AreaUnavailableBody => "它的程序文件取不到，可能是网络断了。工作区不受影响，已保存在本浏览器中；恢复网络后点“重试”。", "Its program file could not be fetched; the network may be down. Your workspace is unaffected and saved in this browser. Try again once you are back online.";
        AreaRetry => "重试", "Try again";
        ReaderUnavailable => "读取工作区的程序文件取不到，可能是网络断了，所以这一操作没有进行，什么都没有改变。恢复网络后再试一次。", "The part of the app that reads workspaces could not be fetched; the network may be down. Nothing was done and nothing changed. Try again once you are back online.";
        StartUnavailableBody => "读取你已保存工作区的程序文件取不到，可能是网络断了。已保存的工作区原样留在本浏览器中，没有改动；恢复网络后点“重试”。", "The part of the app that reads your saved workspaces could not be fetched; the network may be down. They are still in this browser, untouched. Try again once you are back online.";
        PreviewRendererUnavailable => "预览的排版程序取不到，可能是网络断了，改动过的条款暂以纯文本显示。你的编辑照常保存；恢复网络后点“重试”。", "The part of the app that formats the preview could not be fetched; the network may be down. Changed clauses show as plain text for now. Your edits are saved as usual. Try again once you are back online.";
        // Policy area
        PolicyEditor => "编辑", "Edit";
        PolicyPreview => "预览", "Preview";
        Outline => "目录", "Outline";
        Search => "搜索制度", "Search the policy";
        SearchPlaceholder => "输入关键词", "Type a word";
        SearchNone => "没有匹配的条款", "No clause matches";
        SearchCount => "条匹配", "matching clauses";
        DocInfo => "文档信息", "Document information";
        MetaTitle => "标题", "Title";
        MetaDocCode => "文件编号", "Document code";
        MetaVersion => "版本", "Version";
        MetaEffective => "生效日期", "Effective date";
        MetaDrafter => "起草", "Drafted by";
        MetaReviewer => "审核", "Reviewed by";
        MetaApprover => "批准", "Approved by";
        MetaDistribution => "分发范围", "Distribution";
        ChapterTitle => "章标题", "Chapter title";
        ClauseTitle => "条款标题", "Clause title";
        ClauseBody => "条款正文（Markdown）", "Clause text (Markdown)";
        AddChapter => "添加章", "Add chapter";
        AddClause => "添加条款", "Add clause";
        AddClauseBelow => "在下方添加条款", "Add clause below";
        MoveUp => "上移", "Move up";
        MoveDown => "下移", "Move down";
        DeleteChapter => "删除本章", "Delete chapter";
        DeleteClause => "删除条款", "Delete clause";
        NewChapter => "新章节", "New chapter";
        EmptyChapter => "本章还没有条款。", "No clauses in this chapter yet.";
        ClauseId => "条款编号（供引用）", "Clause id (for citations)";
        ChapterCount => "章", "chapters";
        ClauseCount => "条", "clauses";
        ShowEditor => "编辑", "Edit";
        ShowPreview => "预览", "Preview";
        MaxLength => "最大长度", "Maximum length";
        StatedIn => "依据", "Stated in";
        Aliases => "别称", "aliases";
        NotAllowed => "不得包含", "must not contain";
        Digits => "位数字", "digits";
        CopySuffix => "（副本）", "(copy)";
        TypeAName => "输入名称后即时显示检查结果。", "Results appear as you type.";
        FixSchemeFirst => "请先修正规则中的问题。", "Fix the scheme's mistakes first.";
        NameOk => "符合规范", "Compliant";
        ProblemsInName => "处不符合规范", "problem(s)";
        SuggestedName => "建议名称", "Suggested name";
        SchemeDescription => "说明", "Description";
        ComponentLabel => "显示名称", "Label";
        SeverityError => "违规", "error";
        SeverityWarning => "提醒", "warning";
        Name => "姓名", "Name";
        Department => "部门", "Department";
        Yes => "是", "yes";
        Cc => "抄送", "CC";
        NoCc => "无抄送", "No CC";
        TeOptionRemove => "删除选项", "Remove option";
        Fixtures => "预期路线（路线测试）", "Expected routes (route tests)";
        Template => "模板", "Template";
        Requester => "申请人", "Requester";
        ExpectedCc => "预期抄送", "Expected CC";
        SimRequest => "申请", "Request";
        SimNoRoute => "无法得出路线：", "No route:";
        SimRoute => "审批路线", "Route";
        FixtureDelete => "删除", "Delete";
        TiSeed => "种子", "Seed";
        Attempts => "可作答次数", "Attempts";
        Shuffle => "随机顺序", "Shuffled";
        FeedbackImmediate => "即时", "immediately";
        FeedbackAtEnd => "交卷后", "at the end";
        DocFailed => "浏览器未能生成文件，请重试。", "The browser could not make the file; please try again.";
        LinkCopied => "链接已复制。", "Link copied.";
        ShareLinkChars => "链接长度（字符）：", "Link length (characters):";
        SharedWorkspace => "分享的工作区", "Shared workspace";
        ShareFound => "这个链接里有一个工作区", "This link contains a workspace";
        ShareOpensNew => "打开后会作为新的工作区加入本浏览器，您当前的工作区保持不变。", "It opens as a new workspace in this browser; your current workspace stays as it is.";
        ShareOpenNew => "作为新工作区打开", "Open as a new workspace";
        ShareDismiss => "关闭", "Dismiss";
        ShareBroken => "无法打开这个分享链接：", "This share link cannot be opened:";
        ShareErrNotLink => "链接中没有工作区数据。", "it holds no workspace.";
        ShareErrVersion => "链接由更新版本的制度演练场生成，请更新后再打开。", "it was made by a newer version of the playground; update it and try again.";
        ShareErrCorrupt => "链接已损坏（可能被截断或改动），请让对方重新复制完整链接。", "the link is damaged (probably cut short or changed); ask for the complete link again.";
        ShareErrChecksum => "链接内容与校验码不符，可能被截断或改动，请让对方重新复制完整链接。", "its contents do not match its checksum: it was cut short or changed; ask for the complete link again.";
        ShareErrTooLarge => "链接中的工作区超过大小上限。", "the workspace in it is larger than the limit.";
        ShareErrInvalid => "链接中的工作区有错误，以下位置有问题：", "the workspace in it has problems at these places:";
        Chapters => "章", "Chapters";
        Clauses => "条款", "Clauses";
        NamingSchemes => "命名规则", "Naming schemes";
        PeopleCount => "人员", "People";
        TemplatesCount => "审批模板", "Approval templates";
        QuestionsCount => "测验题", "Quiz questions";
        // Workspaces (issue 6)
        WsToggleLabel => "工作区：切换、新建、重命名、复制或删除", "Workspaces: switch, create, rename, duplicate or delete";
        WsHeaderLabel => "工作区", "Workspace";
        WsPanelTitle => "我的工作区", "Your workspaces";
        WsPanelIntro => "每个工作区在本浏览器中单独自动保存；要带到别处，请“保存到文件”。", "Each workspace autosaves separately in this browser; use Save to file to take one elsewhere.";
        WsListLabel => "工作区列表", "List of workspaces";
        WsCurrent => "当前", "Open now";
        WsOpen => "打开工作区", "Open workspace";
        WsRename => "重命名", "Rename";
        WsDuplicate => "复制", "Duplicate";
        WsDelete => "删除", "Delete";
        WsNameLabel => "工作区名称", "Workspace name";
        WsSaveName => "保存名称", "Save name";
        WsNameRequired => "名称不能为空。", "A name can't be blank.";
        WsNew => "新建工作区", "New workspace";
        WsNewHint => "新工作区从示例开始：", "A new workspace starts from an example:";
        WsNewZh => "中文示例", "Chinese example";
        WsNewEn => "英文示例", "English example";
        WsNewName => "新工作区", "New workspace";
        WsUntitled => "未命名工作区", "Untitled workspace";
        WsSavedAt => "保存于", "Saved";
        WsNotSaved => "尚未保存", "Not saved yet";
        WsClose => "关闭", "Close";
        WsDeleted => "已删除工作区：", "Deleted workspace: ";
        WsCanUndo => "可撤销。", "You can undo this.";
        WsOpenedAsNew => "已作为新工作区打开，其他工作区保持不变。", "It opens as a new workspace; the others are unchanged.";
        WsRecoveredKeptAs => "存储的工作区无法读取，已载入示例。原数据已原样保留在浏览器存储中，键名：", "The stored workspace could not be read, so the example was loaded. The unreadable data is kept untouched in browser storage under the key ";
        Versions => "版本记录（修订记录）", "Versions (revision record)";
    }
    // Each of these sections is used by one area's code only (checked by
    // tests/architecture.rs) and comes with that area's chunk: the area registers it when
    // it loads (`src/ui/areas.rs`).
    Naming(register_naming) {
        // Naming area
        NamingIntro => "定义命名规则，输入时即时检查，生成合规名称，并批量审计现有群名称与群清单。", "Define naming schemes, check names as they are typed, generate compliant names, and audit existing group names and the group inventory.";
        Pattern => "格式", "Pattern";
        Components => "组成部分", "Components";
        ComponentCol => "部分", "Part";
        KindCol => "类型", "Kind";
        ConstraintCol => "要求", "Requirement";
        WholeName => "整体规则", "Whole-name rules";
        MinLength => "最小长度", "Minimum length";
        ForbiddenWords => "禁用词", "Forbidden words";
        Optional => "可选", "optional";
        KindLiteral => "固定文字", "Fixed text";
        KindDictionary => "词典", "Dictionary";
        KindText => "自由文本", "Free text";
        KindVersion => "版本号", "Version";
        KindDate => "日期", "Date";
        KindNumber => "数字", "Number";
        KindExtension => "扩展名", "Extension";
        FromDepartments => "组织架构中的部门名称", "Department names from the org chart";
        Characters => "个字符", "characters";
        NoWhitespace => "不含空白", "no spaces";
        VersionRule => "V + 主版本.次版本，如 V1.0", "V + major.minor, e.g. V1.0";
        DateRule => "YYYYMMDD，且为真实日期", "YYYYMMDD, a real calendar date";
        NoSchemes => "工作区中还没有命名规则。点击“新建规则”开始。", "There are no naming schemes in this workspace yet. Use New scheme to start one.";
        SchemeChoice => "命名规则", "Naming scheme";
        NewScheme => "新建规则", "New scheme";
        NewSchemeName => "新命名规则", "New naming scheme";
        DuplicateScheme => "复制规则", "Duplicate";
        DeleteScheme => "删除规则", "Delete scheme";
        SchemeHasProblems => "这条规则本身有误，修正之前无法检查名称：", "This scheme has mistakes; names can't be checked until they are fixed:";
        SchemeFileProblems => "工作区文件中这条规则还有以下问题（保存的文件在修正前无法再次打开）：", "The workspace file has these problems with this scheme (a saved file can't be opened again until they are fixed):";
        TabCheck => "检查与生成", "Check & generate";
        TabEdit => "编辑规则", "Edit scheme";
        TabAudit => "批量审计", "Mass audit";
        TabInventory => "群清单审计", "Group inventory";
        CheckerTitle => "实时检查", "Live check";
        NameToCheck => "输入或粘贴一个名称", "Type or paste a name";
        ApplySuggestion => "采用建议", "Use suggestion";
        TryInChecker => "放入检查器", "Check it";
        ExamplesTitle => "示例（由规则生成）", "Examples (made from the scheme)";
        GeneratorTitle => "名称生成器", "Name generator";
        GeneratorIntro => "填写各部分，固定文字自动补全；生成的名称保证通过检查。", "Fill in the parts; fixed text is added for you, and the name is sure to pass.";
        GeneratorFixFields => "请先修正上面标出的内容。", "Fix the fields marked above first.";
        TopicLabel => "项目/事项", "Project/topic";
        SchemeId => "规则编号", "Scheme id";
        SchemeName => "规则名称", "Scheme name";
        AddComponent => "添加组成部分", "Add a part";
        RemoveComponent => "删除此部分", "Remove this part";
        LiteralText => "固定文字", "Fixed text";
        ComponentId => "编号", "Id";
        OptionalPart => "可省略", "May be left out";
        ValuesFrom => "取值来源", "Values from";
        OwnList => "自定义列表", "Own list";
        DictionaryValues => "取值（每行一个，别称写在等号后）", "Values (one per line, aliases after =)";
        DictionaryHint => "例如：技术部 = 技术部门, 研发部。别称不算合规，只用于给出更正建议。", "For example: Technology = Tech, IT. Aliases are not compliant; they only drive the suggested fix.";
        DepartmentAliasesHint => "部门名称与别称取自“审批”中的组织架构。", "Department names and aliases come from the org chart (Approvals).";
        ForbiddenChars => "禁用字符", "Forbidden characters";
        MinDigits => "最少位数", "Fewest digits";
        MaxDigits => "最多位数", "Most digits";
        Extensions => "允许的扩展名（逗号分隔）", "Allowed extensions (comma-separated)";
        NoLimit => "不限", "no limit";
        LengthInCharacters => "长度按字符计算（一个汉字算一个字符），不按字节。", "Lengths count characters (one Chinese character is one), not bytes.";
        AuditTitle => "批量审计", "Mass audit";
        AuditIntro => "粘贴名称（每行一个），或导入 TXT / CSV 文件，最多 1,000,000 个。全部在本浏览器中处理。", "Paste names (one per line), or import a TXT or CSV file: up to 1,000,000 names. Everything is processed in this browser.";
        AuditPaste => "粘贴名称", "Paste names";
        AuditRun => "开始审计", "Run the audit";
        AuditImport => "导入文件（TXT / CSV）", "Import a file (TXT / CSV)";
        AuditTooMany => "名称数量", "Number of names:";
        AuditLimit => "超过上限", "over the limit of";
        Pasted => "粘贴的名称", "pasted names";
        CsvColumn => "名称所在列", "column holding the names";
        AuditStale => "命名规则在审计之后有改动（或已换用其他规则），以下结果按原规则得出。", "The naming scheme has changed since this audit (or another scheme is chosen); these results follow the old one.";
        AuditRerun => "按当前规则重新审计", "Audit again with the current scheme";
        ReadingFile => "正在读取文件…", "Reading the file…";
        AuditResults => "审计结果", "Audit results";
        NamesChecked => "个名称", "names";
        Compliant => "合规", "compliant";
        NonCompliant => "不合规", "non-compliant";
        LinesSkipped => "行被跳过（空行或无法读取），行号", "lines skipped (blank or unreadable), lines";
        AuditTook => "用时", "took";
        NamesPerSecond => "个/秒", "names/s";
        LongestTask => "最长单次占用主线程", "longest main-thread task";
        WasmMemory => "内存", "memory";
        Violation => "问题", "Problem";
        NameCount => "名称数", "Names";
        FilterVerdict => "按结果筛选", "Filter by verdict";
        FilterAll => "全部", "all";
        ClearFilter => "清除筛选", "Clear filter";
        RowsMatching => "行符合筛选", "rows match";
        Line => "行号", "Line";
        Verdict => "结果", "Verdict";
        Codes => "代码", "Codes";
        ShowMore => "显示更多", "Show more";
        ExportCsv => "导出 CSV", "Export CSV";
        Exporting => "正在导出", "Exporting";
        InventoryTitle => "群清单审计", "Group inventory audit";
        InventoryIntro => "导入从管理后台导出的群清单 CSV（群名称、群主、群类型、创建时间、最后活跃、成员、是否外部），按群管理规则与命名规则逐群检查。", "Import the group list exported from the admin console as CSV (name, owner, type, created, last_active, members, external); every group is checked against the lifecycle rules and the naming scheme.";
        ImportCsv => "导入 CSV", "Import CSV";
        TryExample => "用示例清单试试", "Try the example list";
        AsOf => "审计日期", "As of";
        TemporaryType => "临时群类型", "Temporary group type";
        TemporaryMaxDays => "临时群最长天数", "Temporary group: most days";
        InactiveDays => "不活跃天数上限", "Inactive: most days";
        CustomerType => "客户群类型", "Customer group type";
        InventoryResults => "逐群检查结果", "Findings per group";
        GroupsRead => "个群", "groups";
        GroupsWithFindings => "个群有问题", "with findings";
        RowsUnreadable => "行无法读取", "rows could not be read";
        OnlyWithFindings => "只显示有问题的群", "Only groups with findings";
        GroupName => "群名称", "Group name";
        GroupOwner => "群主", "Owner";
        Findings => "问题", "Findings";
        Severity => "级别", "Severity";
        Action => "处理建议", "Action";
        NoFindings => "无问题", "no findings";
    }
    Approvals(register_approvals) {
        // Approvals area
        ApprovalsIntro => "模拟一个申请由谁审批、为什么、需要多久；用路线测试守住预期；编辑审批模板、组织架构与时效；批量模拟并比较规则的不同版本。", "Who approves a request, why, and how long it takes; route tests that guard the expected routes; the templates, org chart and timing to edit; batches, and what a change of the rules would do.";
        OrgChart => "组织架构", "Org chart";
        Head => "负责人", "Head";
        People => "人员", "People";
        Supervisor => "直属上级", "Supervisor";
        Roles => "角色", "Roles";
        Status => "状态", "Status";
        Active => "在职", "active";
        Left => "已离职", "left";
        RolesTitle => "角色", "Roles";
        OrgIntro => "点击组织架构图中的部门、人员或角色即可编辑。每次修改都可撤销。", "Click a department, a person or a role to edit it. Every change can be undone.";
        OrgProblems => "组织架构中的问题", "Problems in the org chart";
        OrgStaff => "人", "staff";
        OrgInAll => "共", "in all:";
        OrgNoHead => "未设负责人", "no head";
        OrgUnplaced => "不在部门树中的部门和人员", "Departments and people outside the tree";
        OrgAddPerson => "添加人员", "Add person";
        OrgAddDept => "添加部门", "Add department";
        OrgAddSubDept => "添加下级部门", "Add sub-department";
        OrgAddRole => "添加角色", "Add role";
        OrgNewPerson => "新人员", "New person";
        OrgNewDept => "新部门", "New department";
        OrgNewRole => "新角色", "New role";
        OrgId => "编号", "Id";
        OrgIdHint => "编号创建后不可更改（其他地方通过编号引用）。留空则根据名称自动生成：", "The id cannot change later (other places refer to it). Leave it empty to use: ";
        OrgIdTaken => "该编号已被使用", "This id is already in use";
        OrgNameEmpty => "请填写名称", "Please enter a name";
        OrgCreate => "创建", "Create";
        OrgEditPerson => "编辑人员", "Edit person";
        OrgEditDept => "编辑部门", "Edit department";
        OrgEditRole => "编辑角色", "Edit role";
        OrgDeptName => "部门名称", "Department name";
        OrgRoleName => "角色名称", "Role name";
        OrgParent => "上级部门", "Parent department";
        OrgTopLevel => "（顶级部门）", "(top level)";
        OrgNone => "（无）", "(none)";
        OrgAliases => "别名（用逗号或顿号分隔）", "Aliases (separated by commas)";
        OrgDescription => "说明", "Description";
        OrgParentCycle => "不能移到自己或自己的下级部门之下，否则部门树会形成循环。", "A department cannot move under itself or one of its sub-departments: the tree would loop.";
        OrgDelete => "删除", "Delete";
        OrgDeleteAnyway => "仍然删除", "Delete anyway";
        OrgDeptNotEmpty => "部门中还有人员或下级部门，请先移走后再删除：", "This department still has people or sub-departments; move them out first:";
        OrgStillUsed => "以下地方仍在引用，删除后这些引用将失效（规则检查会列出）：", "Still referred to here; after deleting, these references dangle (the checks will list them):";
        OrgNotUsed => "没有其他地方引用，可以安全删除。", "Nothing refers to it; it is safe to delete.";
        OrgSupervises => "直属上级", "Supervisor of";
        OrgHeads => "部门负责人", "Head of";
        OrgHeldBy => "担任者", "Held by";
        OrgMembers => "部门成员", "Members";
        OrgSubDepts => "下级部门", "Sub-departments";
        OrgUsedByTemplates => "审批模板", "Approval templates";
        OrgUsedByFixtures => "预期路线", "Expected routes";
        OrgUsedByPolicy => "路由规则：无人审批的步骤转交此角色", "Routing policy: empty steps go to this role";
        OrgExport => "导出人员 CSV", "Export people (CSV)";
        OrgImport => "导入人员 CSV", "Import people (CSV)";
        OrgCsvHint => "列：id, name, dept, supervisor, roles, status（或 工号、姓名、部门、直属上级、角色、状态），UTF-8 或 GBK 编码。导入会替换全部人员，部门和角色不变。", "Columns: id, name, dept, supervisor, roles, status (English or Chinese headers), UTF-8 or GBK. Importing replaces every person; departments and roles stay.";
        OrgImportPreview => "导入预览", "Import preview";
        OrgImportRead => "可导入的人员", "People to import";
        OrgImportRowErrors => "有错误的行（不会导入）", "Rows with errors (left out)";
        OrgImportLine => "第 {} 行", "Line {}";
        OrgImportCannot => "无法导入：", "Cannot import: ";
        OrgImportProblems => "导入后的问题", "Problems among the imported people";
        OrgImportApply => "替换人员名单", "Replace people";
        OrgImportApplyNote => "确认后，人员名单将被替换为上面可导入的人员，有错误的行不导入。可撤销。", "On confirming, the people list becomes the people above; rows with errors are left out. You can undo this.";
        OrgImportDone => "已替换人员名单，可撤销。人数：", "People replaced (you can undo this). People: ";
        Templates => "审批模板", "Approval templates";
        Fields => "表单字段", "Form fields";
        Field => "字段", "Field";
        FieldType => "类型", "Type";
        Required => "必填", "Required";
        No => "否", "no";
        Flow => "审批流程", "Flow";
        Branch => "分支", "Branch";
        When => "条件", "when";
        Otherwise => "其他情况：无额外步骤", "Otherwise: no extra step";
        OtherwiseThen => "其他情况", "Otherwise";
        // Approvals: template editor
        TePoliciesIntro => "适用于所有审批模板，除非模板单独设定。每一项规则的含义如下：", "They apply to every approval template unless a template has its own. Each setting means:";
        TeEmptyRoleNone => "无（视为错误）", "nobody (an error)";
        TplChoose => "编辑模板", "Template to edit";
        TplNewName => "新模板名称", "New template's name";
        TplAdd => "新建模板", "New template";
        TplDuplicate => "复制模板", "Duplicate";
        TplDelete => "删除模板", "Delete template";
        TplDefaultName => "新审批模板", "New approval template";
        TplUsedByFixtures => "条路线测试使用此模板，删除后这些测试会失败。", "route test(s) use this template; they will fail once it is deleted.";
        TplDeleteAnyway => "仍然删除", "Delete anyway";
        TplNone => "工作区中还没有审批模板。点击“新建模板”开始。", "There are no approval templates yet. Use New template to start one.";
        TplFileProblems => "工作区文件中此模板还有以下问题（保存的文件在修正前无法再次打开）：", "The workspace file has these problems with this template (a saved file can't be opened again until they are fixed):";
        TplName => "模板名称", "Template name";
        TplId => "模板编号", "Template id";
        TeAllTemplates => "全部模板一览", "All templates at a glance";
        TeFieldAdd => "添加字段", "Add field";
        TeFieldNewLabel => "新字段", "New field";
        TeFieldNewLabelHint => "新字段名称（可选）", "New field's label (optional)";
        TeFieldLabel => "字段名称", "Label";
        TeFieldRemove => "删除字段", "Remove field";
        TeFkNumber => "数字", "Number";
        TeFkMoney => "金额（元）", "Money (CNY)";
        TeFkSelect => "单选", "Choice";
        TeFkText => "文本", "Text";
        TeFkDate => "日期", "Date";
        TeFkYesNo => "是/否", "Yes/no";
        TeFkAttachment => "附件", "Attachment";
        TeMin => "最小值", "Minimum";
        TeMax => "最大值", "Maximum";
        TeMinExclusive => "不含最小值（须大于）", "Minimum itself not allowed";
        TeStepSize => "步长", "In steps of";
        TeOptionsTitle => "选项", "Options";
        TeOptionValue => "选项值", "Option value";
        TeOptionAdd => "添加选项", "Add option";
        TeFlowHint => "步骤自上而下依次进行；条件分支按顺序检查，采用第一个满足条件的分支，都不满足时走“其他情况”。", "Steps run from top to bottom. A branch block checks its branches in order and takes the first whose condition holds; if none does, it takes Otherwise.";
        TeEmptyFlow => "（无步骤）", "(no steps)";
        TeStepAdd => "步骤", "Step";
        TeBlockAdd => "条件分支", "Branch block";
        TeStepKind => "审批步骤", "Step";
        TeBlockKind => "条件分支块", "Branch block";
        TeNodeRemove => "删除", "Remove";
        TeNewStepName => "新步骤", "New step";
        TeNewBranchName => "新分支", "New branch";
        TeStepName => "步骤名称", "Step name";
        TeMode => "审批方式", "Mode";
        TeApprovers => "审批人", "Approvers";
        TeApproverAdd => "添加审批人", "Add approver";
        TeApproverRemove => "删除审批人", "Remove approver";
        TeApproverKind => "审批人类型", "Approver";
        TeAkSupervisor => "上级", "Supervisor";
        TeAkChain => "逐级上级", "Supervisor chain";
        TeAkRole => "角色", "Role";
        TeAkPeople => "指定人员", "Named people";
        TeAkDeptHead => "部门负责人", "Department head";
        TeAkChosen => "申请人自选", "Chosen by the requester";
        TeLevel => "层级（1 = 直属上级）", "Level (1 = direct supervisor)";
        TeChainLevels => "最多级数（空 = 不限）", "Most levels (empty: no limit)";
        TeUntilRole => "直至角色", "Up to the role";
        TeNoRoleLimit => "（不限角色）", "(any role)";
        TeSameDept => "仅限申请人所在部门", "Only in the requester's department";
        TeRequesterOwnDept => "申请人所在的一级部门", "The requester's top-level department";
        TeAddPerson => "添加人员…", "Add a person…";
        TeBranchOrderHint => "按顺序检查，先满足者优先", "checked in order; the first that holds is taken";
        TeBranchNew => "添加分支", "Add branch";
        TeBranchRemove => "删除分支", "Remove branch";
        TeBranchName => "分支名称", "Branch name";
        TeThen => "则进入", "Then";
        TeCondNever => "没有条件：此分支不会被采用", "No condition: this branch is never taken";
        TeCondAnd => "且", "and";
        TeCondOr => "或", "or";
        TePredAdd => "“且”条件", "AND condition";
        TeGroupAdd => "“或”条件组", "OR group";
        TePredRemove => "删除条件", "Remove condition";
        TeSubject => "对象", "Subject";
        TeSubjDept => "申请人部门（含下级部门）", "Requester's department (with sub-departments)";
        TeSubjRole => "申请人角色", "Requester's role";
        TeSubjPerson => "申请人本人", "The requester";
        TeOperator => "比较", "Operator";
        TeOpIn => "属于", "is one of";
        TeOpNotIn => "不属于", "is none of";
        TeOpBetween => "介于", "between";
        TeOpIsEmpty => "为空", "is empty";
        TeValue => "值", "Value";
        TeValueList => "值（逗号分隔）", "Values (comma-separated)";
        TeAddValue => "添加取值…", "Add a value…";
        TeFrom => "从", "From";
        TeTo => "到", "To";
        TeCcAdd => "添加抄送", "Add CC";
        TeCcRemove => "删除抄送", "Remove CC";
        TeCcWhen => "抄送时机", "When";
        TePolicyOverride => "本模板的路由规则", "This template's routing policies";
        TeUseWorkspacePolicies => "沿用工作区的路由规则", "Use the workspace's routing policies";
        TeOwnPolicies => "本模板单独设定", "Own settings for this template";
        RoutingPolicies => "路由规则", "Routing policies";
        PolicyRefuseLeft => "已离职人员提交的申请将被拒绝", "Requests from people who have left are refused";
        PolicySkipSelf => "申请人不审批自己的申请（跳过：本人）", "Requesters never approve their own request (skipped: self)";
        PolicySkipDuplicate => "同一人在相邻步骤重复出现时，后一步跳过（跳过：重复）", "Someone who approved a step is skipped in the step right after it (skipped: duplicate)";
        PolicyDropEmptied => "因上述跳过而变空的步骤将被删除", "A step emptied by those skips is dropped";
        PolicyEmptyRole => "无人可审批或审批人均已离职的步骤转交给：", "A step that resolves to nobody, or only to people who have left, goes to: ";
        PolicyEmptyError => "无人可审批的步骤视为错误", "A step that resolves to nobody is an error";
        PolicyCcNoSelf => "抄送人不包含申请人", "CC never includes the requester";
        Scenario => "场景", "Scenario";
        FormValues => "表单", "Form";
        ExpectedRoute => "预期审批人", "Expected approvers";
        Refused => "拒绝受理", "refused";
        TabSimulate => "模拟审批", "Simulate";
        TabFixtures => "路线测试", "Route tests";
        TabChecks => "规则检查", "Checks";
        SimChooseTemplate => "请先添加审批模板。", "Add an approval template first.";
        SimAttachmentHint => "文件名，如 发票.pdf", "a file name, e.g. invoice.pdf";
        SimRequiredNote => "* 为必填项。表单一改，路线即刻重算。", "* required. The route is worked out again as you type.";
        SimPickHint => "此步骤的审批人由申请人提交时自选", "The requester chooses this step's approver when submitting";
        SimClear => "清空表单", "Clear the form";
        SimSkipped => "跳过", "Skipped";
        SimRedirected => "已转交", "Redirected";
        SimNoSteps => "无需审批：没有任何步骤。", "No approval needed: the route has no steps.";
        SimTrace => "决策过程", "Why: every decision";
        SimFixtureName => "测试名称", "Test name";
        SimSaveFixture => "保存为路线测试", "Keep as a route test";
        FixturesIntro => "每条路线测试都是一个申请及其应得的审批路线。任何修改（模板、组织架构、路由规则）之后都会全部重新运行。", "Each route test is a request and the route it must take. They all run again after every edit: templates, org chart or routing policies.";
        FixturesNone => "还没有路线测试。在“模拟审批”中得到路线后可一键保存。", "No route tests yet. Simulate a request, then keep its route in one click.";
        FixturesOnlyFailing => "只看未通过的", "Only failing tests";
        FixtureResult => "结果", "Result";
        FixturePass => "通过", "pass";
        FixtureFail => "未通过", "FAIL";
        FixtureActual => "实际", "Actual";
        FixtureOpen => "在模拟器中打开", "Open in the simulator";
        FixtureAccept => "以实际结果为预期", "Accept the actual route";
        ChecksIntro => "不必逐一模拟，即可找出只在部分申请中才会暴露的问题：条件引用了不存在或类型不符的字段、永远走不到的分支、没有分支覆盖或相互重叠的数值区间、对某些部门找不到审批人的步骤、没有被任何条件用到的字段。", "Mistakes that show up only for some requests, found without simulating each: conditions on missing fields or of the wrong type, branches that can never be taken, numeric ranges no branch covers or two branches both cover, steps that resolve to nobody for some department, fields no rule looks at.";
        ChecksNone => "没有发现问题。", "No problems found.";
        TabTiming => "时效设置", "Timing";
        TabBatch => "批量模拟", "Batch";
        BtIntro => "用成百上千条申请演练审批规则：平均用时、通过率、谁的负荷最重、哪一步最慢；修改规则前，还可以对比某个已保存版本或工作区文件，看哪些申请的路线会改变。", "Try the approval rules on hundreds of requests: average time, pass rate, who is overloaded, which step is slowest; before changing the rules, compare with a saved version or a workspace file to see which requests would route differently.";
        BtRequests => "申请", "Requests";
        BtImportCsv => "导入 CSV 文件", "Import a CSV file";
        BtPasteHint => "或粘贴 CSV 内容（首行为列名：template, requester, submitted_at，然后每个表单字段一列）", "Or paste CSV text (first line names the columns: template, requester, submitted_at, then one column per form field)";
        BtReadPasted => "读取粘贴内容", "Read pasted text";
        BtSample => "下载示例 CSV", "Download a sample CSV";
        BtGenerateTitle => "生成模拟申请", "Generate synthetic requests";
        BtCount => "数量", "How many";
        BtSeed => "随机种子", "Seed";
        BtStart => "起始时间", "Starting at";
        BtGenerate => "生成", "Generate";
        BtRead => "已读取的申请", "Requests read";
        BtRowErrors => "无法使用的行（已跳过）", "Rows that cannot be used (skipped)";
        BtLine => "行", "Line";
        BtMoreErrors => "另有更多无法使用的行未列出；导出 CSV 可查看全部。", "More rows cannot be used; export the CSV to see them all.";
        BtRun => "运行模拟", "Run the simulation";
        BtRunning => "正在模拟…", "Simulating…";
        BtNoRequests => "请先导入或生成申请。", "Import or generate requests first.";
        BtSummary => "汇总", "Summary";
        BtTotal => "已模拟的申请", "Requests simulated";
        BtAvg => "平均用时（工作小时）", "Average (working hours)";
        BtP50 => "中位数（工作小时）", "Median (working hours)";
        BtP90 => "90% 在此用时内（工作小时）", "p90 (working hours)";
        BtPassRate => "通过率", "Pass rate";
        BtEscalations => "超时升级", "Escalations";
        BtBreaches => "超出承诺时效", "SLA breaches";
        BtPerTemplate => "按模板与分支", "By template and branch";
        BtTemplate => "模板", "Template";
        BtBranch => "分支", "Branch";
        BtCountCol => "申请数", "Requests";
        BtApprovers => "审批人负荷（前 15 位）", "Approver load (top 15)";
        BtApprover => "审批人", "Approver";
        BtLoad => "需审批的次数", "Steps to approve";
        BtQueue => "最长排队", "Longest queue";
        BtBottlenecks => "瓶颈步骤", "Bottleneck steps";
        BtStep => "步骤", "Step";
        BtTimes => "次数", "Times run";
        BtTotalHours => "合计工作小时", "Total working hours";
        BtAvgHours => "平均工作小时", "Average working hours";
        BtHistogram => "处理用时分布", "Processing times";
        BtHoursAxis => "工作小时", "working hours";
        BtRequestsAxis => "申请数", "requests";
        BtRows => "逐条结果", "Each request";
        BtRequester => "申请人", "Requester";
        BtSubmitted => "提交时间", "Submitted";
        BtFinish => "完成时间", "Finished";
        BtHours => "工作小时", "Working hours";
        BtOutcome => "结果", "Outcome";
        BtRoute => "审批路线", "Route";
        BtApproved => "通过", "approved";
        BtRejected => "驳回", "rejected";
        BtMoreRows => "仅显示前 200 条；导出 CSV 可得到全部结果。", "Only the first 200 are shown; export the CSV for all of them.";
        BtExport => "导出 CSV", "Export CSV";
        BtCalendarError => "工作日历设置有误，无法模拟：", "The working calendar's settings are wrong, so nothing can run:";
        BtBadStart => "起始时间无效，应为 YYYY-MM-DDTHH:MM", "The start time is not valid; write YYYY-MM-DDTHH:MM";
        BtImpact => "变更影响", "Change impact";
        BtImpactIntro => "用同一批申请分别按某个版本和当前工作区运行，列出路线不同的申请和各项指标的变化。", "Runs the same requests under another version and under the current workspace, and lists the requests that route differently and how every metric moves.";
        BtCompareWith => "对比对象", "Compare with";
        BtChooseBase => "请选择…", "Choose…";
        BtImportWorkspace => "导入工作区文件", "Import a workspace file";
        BtImportedFile => "导入的文件", "Imported file";
        BtImpactRun => "对比", "Compare";
        BtChanged => "路线不同的申请", "Requests that route differently";
        BtOldRoute => "对比对象的路线", "Route before";
        BtNewRoute => "当前工作区的路线", "Route now";
        BtNoChange => "所有申请的路线都相同。", "Every request routes the same.";
        BtMetric => "指标", "Metric";
        BtOldValue => "对比对象", "Before";
        BtNewValue => "当前", "Now";
        BtDiff => "变化", "Change";
        BtFileProblems => "无法使用该工作区文件：", "This workspace file cannot be used:";
        BtMoreChanged => "仅列出前 200 条。", "Only the first 200 are listed.";
        BtDefaultBranch => "其他情况（默认）", "Otherwise (default)";
        TiIntro => "工作日历与审批时效：模拟审批的时间线按这里的设置计算。", "The working calendar and approval timing: the simulator's timeline is worked out with these settings.";
        TiCalendar => "工作日历", "Working calendar";
        TiWorkdays => "工作日", "Working days";
        TiDayStart => "上班", "Day starts";
        TiDayEnd => "下班", "Day ends";
        TiHolidays => "法定节假日", "Public holidays";
        TiMakeUp => "调休上班日", "Make-up working days";
        TiDatesHint => "每行一个日期，格式 YYYY-MM-DD。调休上班日指周末需要上班的日子。", "One date per line, YYYY-MM-DD. Make-up working days are weekend days that are worked (调休).";
        TiResponses => "答复与超时", "Answers and timeouts";
        TiResponseHours => "默认答复用时（工作小时）", "Default time to answer (working hours)";
        TiTimeoutHours => "超时（工作小时）", "Timeout (working hours)";
        TiEscalation => "超时后", "On timeout";
        TiEscSupervisor => "转交其直属上级", "escalate to their supervisor";
        TiEscApprove => "自动通过", "approve automatically";
        TiEscReject => "自动驳回", "reject automatically";
        TiEscNotify => "仅提醒", "remind only";
        TiReject => "每步驳回概率", "Rejection probability per step";
        TiStochastic => "随机模式（按种子抽样）", "Stochastic (seeded draws)";
        TiPeople => "个人答复用时", "Time to answer, per person";
        TiSteps => "按步骤覆盖（留空则用上面的默认值）", "Per step (empty: the defaults above)";
        TiAddStep => "添加步骤", "Add a step";
        TiAddPerson => "添加人员", "Add a person";
        TiFixed => "固定", "fixed";
        TiUniform => "区间均匀", "uniform range";
        TiSkewed => "偏态", "skewed";
        TiHours => "小时", "hours";
        TiMin => "最少", "min";
        TiMax => "最多", "max";
        TiMean => "平均", "mean";
        TiSpread => "离散度", "spread";
        TlTitle => "时间线", "Timeline";
        TlSubmitted => "提交时间", "Submitted at";
        TlBadTime => "请填写有效的提交时间。", "Enter a valid submission time.";
        TlNoTimeline => "无法计算时间线：", "No timeline:";
        TlApproved => "通过", "approved";
        TlRejected => "驳回", "rejected";
        TlStep => "步骤", "Step";
        TlWhen => "开始 → 结束", "Start → end";
        TlHours => "工作小时", "Working hours";
        TlBreaches => "超出承诺的响应时间：", "Response times over the promise:";
        TlModelNote => "按工作区的工作日历与时效设置计算（默认每人 4 个工作小时答复，8 小时未答复则升级）。", "Worked out with the workspace's working calendar and timing settings (by default everyone answers in 4 working hours, and a step escalates after 8).";
        SimFixtureSaved => "已保存，规则每次修改都会重新检验。", "Kept; it is re-checked on every edit.";
    }
    Training(register_training) {
        // Training area
        TrainingIntro => "题库与测验。答案与讲解仅供培训人员查看。", "The question bank and quizzes. Answers and explanations are for trainers.";
        QuizSets => "测验", "Quizzes";
        TrResults => "成绩", "Results";
        TrDemo => "演示模式", "Demo mode";
        // i18n anchor: training core words (generator, grading)
        // i18n anchor: training bank and sets (trainer editors)
        TbAuthored => "自编题目", "Your questions";
        TbAuthoredIntro => "在这里编写题目：选择题型，填写题干、选项与讲解，勾选正确答案，并注明所考查的条款。右侧预览员工看到的样子（不含答案）和培训人员看到的样子（含答案）。每次修改都会自动保存，可撤销。", "Write your own questions here: pick a kind, write the prompt, options and explanation, mark the right answer and name the clauses it tests. The preview shows the question as employees see it (no answer) and as trainers see it (with the answer). Every change is saved automatically and can be undone.";
        TbNoQuestions => "还没有自编题目。用下面的按钮添加一道。", "No questions of your own yet. Add one with the buttons below.";
        TbUntitled => "（未填写）", "(blank)";
        TbHasProblems => "这道题有需要修正的问题", "This question has something to fix";
        TbDuplicate => "复制这道题", "Duplicate this question";
        TbDelete => "删除这道题", "Delete this question";
        TbAddQuestion => "添加题目", "Add a question";
        TbEditQuestion => "编辑题目", "Edit question";
        TbPrompt => "题干", "Prompt";
        TbKind => "题型", "Kind";
        TbOptions => "选项", "Options";
        TbOption => "选项", "Option";
        TbMarkOne => "勾选唯一的正确选项。", "Mark the one right option.";
        TbMarkSeveral => "勾选所有正确选项。", "Mark every right option.";
        TbRight => "正确", "right";
        TbAddOption => "添加选项", "Add an option";
        TbAcceptedHint => "答题人的回答与其中任一项相同即算正确（忽略首尾空格）。", "An answer that matches any of these counts as right (spaces around it are ignored).";
        TbAddAccepted => "添加可接受的答案", "Add an accepted answer";
        TbRemoveAccepted => "删除这个答案", "Remove this answer";
        TbClausesTested => "考查的条款", "Clauses it tests";
        TbCiteAdd => "+ 添加条款…", "+ Add a clause…";
        TbUncite => "移除条款", "Remove clause";
        TbUnknownClause => "条款不存在", "no such clause";
        TbNoRightOption => "没有标记正确选项", "No option is marked right";
        TbFix => "需要修正：", "To fix:";
        TbPreviewTaker => "员工看到的（无答案）", "As employees see it (no answer)";
        TbPreviewTrainer => "培训人员看到的（含答案）", "As trainers see it (with the answer)";
        TbBlank => "填空", "blank to fill in";
        TbGenerated => "根据规则生成的题目", "Questions computed from the rules";
        TbGeneratedIntro => "这些题目的答案由命名检查、审批模拟和“规范数据”计算得出，从不手工填写；规则一改，题目随之更新。点开各主题查看题目与答案。", "The answers to these questions are computed by the naming checker, the route simulator and the rule facts, never typed by hand; they change as soon as the rules do. Open a topic to see its questions and answers.";
        TbNotesTitle => "出题时发现的问题", "What the question generator noticed";
        TbTopicNaming => "命名", "Naming";
        TbTopicRouting => "审批路线", "Approval routes";
        TbTopicNumbers => "时限与数字", "Numbers";
        TbTopicChannels => "沟通渠道", "Channels";
        TbTopicDocuments => "文件密级与权限", "Documents";
        TbTopicCustom => "自编题目", "Your questions";
        TnTab => "规范数据", "Rule facts";
        TnIntro => "规范中可以出题的事实：时限与数字、沟通渠道、文件密级和文档权限。每项注明出自哪一条；“时限与数字”“沟通渠道”“文件密级与权限”各主题的题目和答案都由这里计算。修改后，题库中生成的题目立即更新。", "The facts of the usage code that questions are asked about: numbers, channels, secrecy levels and permission levels. Each names the clause that states it; the questions and answers of the numbers, channels and documents topics are computed from here, and follow every change at once.";
        TnConsistent => "规范数据与条款一致。", "The rule facts agree with the clauses.";
        TnNotesTitle => "一致性提示（测验可能与条款不符）：", "Consistency notes (the quiz may disagree with the clauses):";
        TnNumbers => "时限与数字", "Numbers";
        TnNumbersHint => "回复时限、免打扰时段、保留期限、锁定时间等。时段写作 HH:MM，结束早于开始表示跨夜。", "Reply times, quiet hours, retention, lock timeouts. Times are HH:MM; a range that ends before it starts runs overnight.";
        TnChannels => "沟通渠道", "Channels";
        TnChannelsHint => "每个渠道适用的情形（每行一个）。同一情形只应属于一个渠道。", "The situations each channel is for, one per line. A situation belongs to one channel only.";
        TnClassifications => "文件密级", "Secrecy levels";
        TnClassificationsHint => "从最低到最高排列；每级列出若干文件示例（每行一个）。", "From the least to the most secret; list example documents for each, one per line.";
        TnPermissions => "文档权限", "Permission levels";
        TnPermissionsHint => "每级允许的操作与通常授予的对象（每行一个）。", "What each level allows and who usually gets it, one per line.";
        TnAddNumber => "添加数字", "Add a number";
        TnAddChannel => "添加渠道", "Add a channel";
        TnAddClassification => "添加密级", "Add a secrecy level";
        TnAddPermission => "添加权限级别", "Add a permission level";
        TnRemove => "删除此项", "Remove this item";
        TnLabel => "名称（所衡量的内容）", "What it measures";
        TnValueKind => "取值类型", "Kind of value";
        TnDuration => "时长", "Duration";
        TnTimeRange => "每日时段", "Daily time range";
        TnAmount => "数值", "Amount";
        TnUnit => "单位", "Unit";
        TnUnitMinutes => "分钟", "minutes";
        TnUnitHours => "小时", "hours";
        TnUnitWorkingDays => "工作日", "working days";
        TnUnitDays => "天", "days";
        TnUnitMonths => "个月", "months";
        TnUnitYears => "年", "years";
        TnFrom => "开始（HH:MM）", "From (HH:MM)";
        TnTo => "结束（HH:MM）", "To (HH:MM)";
        TnName => "名称", "Name";
        TnUrgency => "紧急程度", "Urgency";
        TnSituations => "适用情形（每行一个）", "Situations (one per line)";
        TnExamples => "文件示例（每行一个）", "Example documents (one per line)";
        TnActions => "允许的操作（每行一个）", "Allowed actions (one per line)";
        TnHolders => "授予对象（每行一个）", "Usually given to (one per line)";
        TsIntro => "测验从所选主题中抽题。相同的种子抽出相同的题目；点“换一个种子”重新抽题。", "A quiz draws its questions from the chosen topics. The same seed draws the same questions; use “New seed” to draw again.";
        TsAdd => "新建测验", "New quiz";
        TsNewName => "新测验", "New quiz";
        TsNone => "还没有测验。", "No quizzes yet.";
        TsQuestionsUnit => "题", "questions";
        TsDuplicate => "复制这个测验", "Duplicate this quiz";
        TsDelete => "删除这个测验", "Delete this quiz";
        TsCopySuffix => "（副本）", " (copy)";
        TsEdit => "编辑测验", "Edit quiz";
        TsName => "测验名称", "Quiz name";
        TsPassMark => "及格线（0–100 分）", "Pass mark (0–100)";
        TsTimeLimit => "时限（分钟，留空为不限）", "Time limit (minutes; blank for none)";
        TsAttempts => "可作答次数（留空为不限）", "Attempts allowed (blank for unlimited)";
        TsShuffle => "打乱题目和选项顺序", "Shuffle questions and options";
        TsNewSeed => "换一个种子", "New seed";
        TsFeedbackImmediate => "每题作答后立即反馈", "Right after each answer";
        TsFeedbackAtEnd => "交卷后统一反馈", "At the end";
        TsPreview => "抽题预览（含答案，仅供培训人员）", "The questions drawn (with answers, for trainers)";
        TsPreviewHint => "员工拿到的就是这些题目，顺序相同。", "Employees get exactly these questions, in this order.";
        TsDrawn => "已抽题数 / 可抽题数：", "Drawn / available:";
        TsShort => "所选主题的题目不足，只能抽到：", "The chosen topics do not have enough questions; available:";
        // i18n anchor: training employee mode and results
        TkTitle => "参加测验", "Take a quiz";
        TkOpenIntro => "请打开培训人员发来的测验链接；如果收到的是测验文件，请在这里打开它。", "Open the quiz link your trainer sent you, or, if you received a quiz file, open it here.";
        TkOpenFile => "打开测验文件", "Open a quiz file";
        TkBroken => "无法打开这份测验：", "This quiz cannot be opened:";
        TkErrNotLink => "链接中没有测验（应包含 #quiz=v1.）。", "the link holds no quiz (it should contain #quiz=v1.).";
        TkErrNotFile => "这不是测验文件。", "this is not a quiz file.";
        TkErrVersion => "它由更新版本的制度演练场生成，请更新后再打开。", "it was made by a newer version of the playground.";
        TkErrCorrupt => "链接或文件已损坏（可能被截断或改动）。请向培训人员索取完整的链接或测验文件。", "the link or file is damaged (cut short or changed). Ask your trainer for the whole link or the quiz file.";
        TkErrChecksum => "内容与校验值不符，测验已被改动。", "its contents do not match its checksum: it was changed.";
        TkErrTooLarge => "测验过大。", "the quiz is too large.";
        TkErrInvalid => "测验内容无效。", "the quiz is not valid.";
        TkAttemptsUsed => "已用次数", "Attempts used";
        TkFeedbackImmediate => "每答一题即可查看对错与讲解。", "You see whether each answer is right, with an explanation, as you go.";
        TkFeedbackAtEnd => "交卷后查看对错与讲解。", "You see what was right and why after handing in.";
        TkStorageFailed => "本浏览器无法保存作答记录，刷新页面后记录会丢失。", "This browser cannot keep your attempts; they are lost if the page is reloaded.";
        TkUsedUp => "作答次数已用完。", "You have used all your attempts.";
        TkBestResult => "最好成绩", "Your best result";
        TkYourName => "姓名（必填）", "Your name (required)";
        TkNameRequired => "请填写姓名后开始。", "Enter your name to start.";
        TkStart => "开始答题", "Start";
        TkHonesty => "说明：答案以编码形式保存在测验链接和文件中，页面在交卷前不显示。由于没有服务器，有心人仍能从中找出答案；成绩附有校验码，供培训人员核对。", "Note: the answers are in the quiz link and file in coded form and are not shown before you hand in. Without a server, a determined person can still dig them out; your result carries a verification code your trainer checks.";
        TkProgress => "答题进度", "Progress";
        TkTimeLeft => "剩余时间", "Time left";
        TkPrev => "上一题", "Previous";
        TkNext => "下一题", "Next";
        TkCheck => "确认答案", "Check answer";
        TkSubmit => "交卷", "Hand in";
        TkSubmitNow => "现在交卷", "Hand in now";
        TkSubmitFailed => "交卷失败，请重试。", "Handing in failed; try again.";
        TkAnswered => "已答", "Answered";
        TkJump => "跳到题目", "Go to question";
        TkPickAll => "选出所有正确选项。", "Choose every right option.";
        TkYourAnswer => "你的答案", "Your answer";
        TkUnanswered => "未作答", "not answered";
        TkCorrect => "回答正确", "Correct";
        TkIncorrect => "回答错误", "Incorrect";
        TkRightAnswer => "正确答案", "Right answer";
        TkPassed => "通过", "Passed";
        TkFailed => "未通过", "Not passed";
        TkCorrectCount => "答对", "Right";
        TkNoCertificate => "未达到及格线，没有证书。", "Below the pass mark: no certificate.";
        TkReview => "逐题反馈", "Question by question";
        TkAgain => "再答一次", "Try again";
        TkNoMoreAttempts => "作答次数已用完。", "No attempts left.";
        TkCertificate => "培训合格证明", "Certificate of completion";
        TkCertPassed => "已通过以下制度培训测验", "has passed the policy training quiz";
        TkScore => "得分", "Score";
        TkDate => "日期", "Date";
        TkPolicy => "制度", "Policy";
        TkVerification => "校验码", "Verification code";
        TkCertNote => "培训人员可导入成绩核对校验码。测验编号：", "Trainers check the code by importing the result. Quiz id:";
        TkPrint => "打印证书", "Print certificate";
        TkHandBack => "提交成绩", "Hand back your result";
        TkHandBackIntro => "把成绩文件或下面的成绩码发给培训人员。", "Send your trainer the result file or the code below.";
        TkDownloadResult => "下载成绩文件", "Download result file";
        TkCopyCode => "复制成绩码", "Copy result code";
        TkResultCode => "成绩码", "Result code";
        TkCodeCopied => "已复制成绩码。", "Result code copied.";
        TkCopyByHand => "无法自动复制，请选中上面的成绩码手动复制。", "Could not copy automatically: select the code above and copy it.";
        TrHandOut => "发放给员工", "Hand out to employees";
        TrCopyQuizLink => "复制测验链接", "Copy quiz link";
        TrDownloadQuiz => "下载测验文件", "Download quiz file";
        TrOpenEmployee => "打开员工答题页", "Open the employee view";
        TrQuizLink => "测验链接", "Quiz link";
        TrPaperId => "测验编号", "quiz id";
        TrCopyByHand => "无法自动复制，请选中链接手动复制。", "Could not copy automatically: select the link and copy it.";
        TrQuizDownloaded => "已下载测验文件。", "Quiz file downloaded.";
        TrOpened => "已在新标签页打开。", "Opened in a new tab.";
        TrNoQuestions => "这份测验没有题目，请先调整主题或题数。", "This quiz has no questions: change its topics or count first.";
        TrNoSuchSet => "找不到这份测验。", "This quiz no longer exists.";
        TrLinkTooLong => "链接太长，无法作为链接发放，请改为发送测验文件", "The link is too long to hand out: send the quiz file instead";
        TrLinkLong => "链接较长，部分聊天软件可能会截断；如果员工打不开，请改为发送测验文件。", "This link is long and some chat apps cut long links: if it does not open, send the quiz file instead.";
        TrHandOutNote => "链接和文件只在浏览器中打开，不经过服务器。答案以编码形式放在其中，员工页面交卷前不显示；但没有服务器，有心人仍能找出答案。", "Links and files open in the browser only, with no server. The answers are in them in coded form and the employee page does not show them before hand-in; without a server, a determined person can still dig them out.";
        TrSessionOnly => "导入的成绩只保存在本页面的内存中（不写入工作区），刷新页面后需要重新导入。", "Imported results are kept in this page's memory only (not in the workspace); after a reload, import them again.";
        TrNoSets => "工作区中还没有测验。", "There are no quizzes in this workspace yet.";
        TrPickSet => "测验", "Quiz";
        TrCheckedWorkspace => "按当前工作区生成的测验核对：", "Checked against the quiz as this workspace makes it now:";
        TrCheckedFile => "按打开的测验文件核对：", "Checked against the quiz file opened:";
        TrCheckedHint => "如果发放后修改过规则，请打开当初发放的测验文件来核对。", "If the rules changed since the quiz was handed out, open the quiz file that was handed out to check against it.";
        TrUseQuizFile => "用测验文件核对", "Check against a quiz file";
        TrUseWorkspace => "改用当前工作区", "Use the workspace";
        TrImport => "导入成绩", "Import results";
        TrImportFiles => "选择成绩文件（可多选）", "Choose result files (several at once)";
        TrPasteCodes => "或粘贴成绩码，每行一个", "Or paste result codes, one per line";
        TrImportPasted => "导入粘贴的成绩码", "Import pasted codes";
        TrClear => "清空已导入", "Clear imported";
        TrImported => "新导入", "imported";
        TrRepeated => "重复", "already there";
        TrUnreadableCount => "无法读取", "unreadable";
        TrLine => "行", "line";
        TrNothingYet => "还没有导入成绩。", "No results imported yet.";
        TrErrNotResult => "不是成绩码或成绩文件", "not a result code or file";
        TrErrCorrupt => "成绩已损坏（可能被截断或改动）", "the result is damaged (cut short or changed)";
        TrErrTooLarge => "成绩过大", "the result is too large";
        TrErrInvalid => "成绩内容无效", "the result is not valid";
        TrSummary => "汇总", "Summary";
        TrTakers => "参加人数", "Takers";
        TrPassedCount => "通过人数", "Passed";
        TrPassRate => "通过率", "Pass rate";
        TrMeanScore => "平均分", "Mean score";
        TrCsvTakers => "下载成绩明细 CSV", "Download takers CSV";
        TrCsvQuestions => "下载逐题正确率 CSV", "Download questions CSV";
        TrCsvClauses => "下载易错条款 CSV", "Download clauses CSV";
        TrPerQuestion => "逐题正确率", "Correct answers per question";
        TrQuestion => "题目", "Question";
        TrRight => "答对", "Right";
        TrRate => "正确率", "Rate";
        TrMissedClauses => "最常理解错误的条款", "Clauses most often misunderstood";
        TrMisses => "人次答错", "wrong answers";
        TrNoMisses => "没有答错的题目。", "No wrong answers.";
        TrTakersTitle => "参加人员", "Takers";
        TrWhen => "提交时间", "Handed in";
        TrAttempt => "第几次", "Attempt";
        TrOutcome => "结果", "Outcome";
        TrCounted => "计入统计", "Counted";
        TrNotCounted => "否（以最好一次计）", "no (best attempt counts)";
        TrVerified => "校验通过", "verified";
        TrRejected => "未计入的成绩", "Results not counted";
        TrOtherPaper => "不是这份测验的成绩（或测验发放后规则有改动：请用当初发放的测验文件核对）", "a result of another quiz (or the rules changed since it was handed out: check against the quiz file handed out)";
        TrScoreMismatch => "得分与答案不符，成绩被改动过", "the score does not match the answers: the result was changed";
        TrEdited => "校验码不符，成绩被改动过", "the verification code does not match: the result was changed";
        TrPaperUnreadable => "测验密钥无法读取", "the quiz's key cannot be read";
        TrUnreadable => "无法读取的成绩", "Results that could not be read";
        // i18n anchor: training demo mode
        DmLabel => "演示模式：培训演示幻灯片", "Demo mode: training slides";
        DmExit => "退出演示", "Exit demo";
        DmFullscreen => "全屏", "Full screen";
        DmExitFullscreen => "退出全屏", "Exit full screen";
        DmPrev => "上一页", "Previous";
        DmNext => "下一页", "Next";
        DmSlide => "幻灯片", "Slide";
        DmGoTo => "跳转到", "Go to slide";
        DmControls => "演示控制", "Presentation controls";
        DmKeysHint => "→ / 空格 / PageDown 下一步 · ← / PageUp 上一步 · Home / End 首页、末页 · 输入页码后按回车跳转 · F 全屏 · Esc 退出全屏", "→ / Space / PageDown next · ← / PageUp back · Home / End first and last · type a number and Enter to jump · F full screen · Esc leaves full screen";
        DmTyped => "跳转到页码", "Go to slide";
        DmSecTitle => "封面", "Cover";
        DmSecPolicy => "制度条款", "The usage code";
        DmSecNaming => "现场检查名称", "Live name check";
        DmSecRoutes => "审批路线", "Approval routes";
        DmSecQuiz => "测验", "Quiz";
        DmQuizSet => "演示的测验", "Quiz to present";
        DmBankQuestions => "题库中的题目", "The bank's questions";
        DmQuestionCount => "道题", "questions";
        DmTypeName => "输入名称，即时检查", "Type a name to check it live";
        DmLoadValid => "载入合规示例", "Load a valid example";
        DmLoadNearMiss => "载入易错示例", "Load a near miss";
        DmNearMissKind => "易错之处：", "The near miss shows: ";
        DmPattern => "格式", "Format";
        DmNextStep => "下一步", "Next step";
        DmStepsShown => "已显示步骤", "Steps shown";
        DmRouteEnd => "路线结束", "End of the route";
        DmRouteStepCount => "个审批步骤", "approval step(s)";
        DmDropped => "（步骤已删除）", "(step dropped)";
        DmShowAnswer => "显示答案", "Show answer";
        DmQuestion => "题目", "Question";
        DmNoFullscreen => "此浏览器不支持全屏", "This browser cannot go full screen";
        Questions => "题库", "Question bank";
        Topics => "主题", "Topics";
        QuestionCount => "题数", "Questions";
        PassMark => "及格线", "Pass mark";
        TimeLimit => "时限", "Time limit";
        Minutes => "分钟", "minutes";
        Unlimited => "不限", "unlimited";
        FeedbackCol => "反馈", "Feedback";
        KindSingle => "单选", "Single choice";
        KindMultiple => "多选", "Multiple choice";
        KindTrueFalse => "判断", "True or false";
        KindFillIn => "填空", "Fill in";
        Answer => "答案", "Answer";
        True => "正确", "True";
        False => "错误", "False";
        Accepted => "可接受的答案", "Accepted answers";
        Explanation => "讲解", "Explanation";
        Cites => "对应条款", "Clauses";
    }
    Export(register_export) {
        // Export area
        ExportIntro => "工作区文件可在另一台电脑或浏览器中打开，得到完全相同的工作区。", "A workspace file opens the very same workspace on another computer or browser.";
        WorkspaceFile => "工作区文件", "Workspace file";
        // Documents and share links (issue 6)
        DocumentsTitle => "制度文件", "Documents";
        DocumentsIntro => "把工作区导出为可发布、可存档的制度文件：Word、独立 HTML（可打印为 PDF）或 Markdown。条款、命名规则、审批流程和修订记录都取自同一工作区，与演练结果始终一致。", "Export the workspace as a policy document to publish and file: Word, standalone HTML (printable to PDF) or Markdown. Clauses, naming rules, approval flows and the revision record all come from this workspace, so the document always agrees with the simulations.";
        DocSections => "包含的部分", "Sections to include";
        SecRevisions => "修订记录", "Revision record";
        SecPolicy => "制度正文", "Policy chapters";
        SecNaming => "附录：命名规则", "Appendix: naming rules";
        SecApprovals => "附录：审批模板", "Appendix: approval templates";
        SecRoles => "附录：角色", "Appendix: roles";
        SecAnswerKey => "附录：测验答案（仅供培训人员）", "Appendix: quiz answer key (trainers only)";
        SecSignOff => "签批栏", "Sign-off block";
        DownloadDocx => "下载 Word（.docx）", "Download Word (.docx)";
        DownloadHtml => "下载 HTML", "Download HTML";
        DownloadMd => "下载 Markdown", "Download Markdown";
        PrintPdf => "打印 / 存为 PDF", "Print / save as PDF";
        CopyMarkdown => "复制为 Markdown", "Copy as Markdown";
        DocDownloaded => "文件已生成，请查看浏览器的下载。", "The file is ready: see your browser's downloads.";
        MarkdownCopied => "Markdown 已复制到剪贴板。", "Markdown copied to the clipboard.";
        CopyFailed => "浏览器不允许直接复制，请在下面的文本框中全选后手动复制。", "The browser did not allow copying; select the text below and copy it by hand.";
        DocPreview => "文件预览（打印的就是这份文件）", "Document preview (this is what prints)";
        ShareTitle => "分享链接", "Share link";
        ShareIntro => "整个工作区压缩后放在链接的 # 之后，这部分不会发送给任何服务器。注意：任何拿到链接的人都能看到其中的全部内容。打开链接会新建一个工作区，不会覆盖对方当前的工作。", "The whole workspace is compressed into the part of the link after #, which is never sent to any server. Anyone who has the link can read everything in it. Opening it adds a new workspace and never replaces the one open there.";
        CreateShareLink => "生成分享链接", "Create share link";
        ShareLinkLabel => "分享链接", "Share link";
        CopyLink => "复制链接", "Copy link";
        ShareTooLarge => "工作区太大，无法放进一个链接。请改用上面的“保存为文件”，把文件发给对方。", "The workspace is too large for a link. Use “Save to file” above and send the file instead.";
        WorkspaceContents => "工作区内容", "What the workspace holds";
        SchemaVersion => "数据格式版本", "Schema version";
        DocLanguage => "文档语言", "Document language";
        Departments => "部门", "Departments";
        FixturesCount => "预期路线", "Expected routes";
        PrivacyNote => "所有数据只保存在本浏览器中；只有您保存或分享文件时才会离开本机。", "All data stays in this browser; it leaves only when you save or share a file.";
        VersionsIntro => "把当前工作区保存为一个版本：版本号、生效日期和修订说明。可随时恢复（可撤销），导出的制度文件将以此作为修订记录，审批的“批量模拟”可与任一版本比较。", "Save the workspace as a version with its number, effective date and change note. Restore any version at any time (undoable); exported documents show this list as their revision record, and the approvals batch tab compares the rules with any version.";
        VersionNumber => "版本号", "Version";
        VersionEffective => "生效日期", "Effective date";
        VersionNote => "修订说明", "Change note";
        VersionSavedAt => "保存时间", "Saved";
        VersionSave => "保存为新版本", "Save as a new version";
        VersionRestore => "恢复此版本", "Restore";
        VersionsNone => "还没有保存的版本。", "No saved versions yet.";
        StorageStatus => "浏览器存储", "Browser storage";
    }
}

/// A reactive translator for the current interface language.
pub fn use_t() -> impl Fn(K) -> &'static str + Copy + Send + Sync + 'static {
    let store = use_store();
    move |k: K| k.text(store.ui_lang.get())
}

fn ref_kind(kind: RefKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RefKind::Department, Lang::Zh) => "部门",
        (RefKind::Person, Lang::Zh) => "人员",
        (RefKind::Role, Lang::Zh) => "角色",
        (RefKind::Template, Lang::Zh) => "审批模板",
        (RefKind::Field, Lang::Zh) => "字段",
        (RefKind::Clause, Lang::Zh) => "条款",
        (RefKind::Scheme, Lang::Zh) => "命名规则",
        (RefKind::PickStep, Lang::Zh) => "由申请人自选审批人的步骤",
        (RefKind::Step, Lang::Zh) => "审批步骤",
        (k, Lang::En) => k.name(),
    }
}

/// A load or validation problem in the interface language.
pub fn problem_text(kind: &ProblemKind, lang: Lang) -> String {
    if lang == Lang::En {
        return kind.to_string();
    }
    match kind {
        ProblemKind::TooLarge { bytes, limit } => format!("文件大小 {bytes} 字节，超过上限 {limit} 字节"),
        ProblemKind::Syntax { line, column, message } => {
            format!("不是有效的 JSON（第 {line} 行第 {column} 列）：{message}")
        }
        ProblemKind::NotAnObject => "应为 JSON 对象".into(),
        ProblemKind::MissingSchemaVersion => "缺少 `schema_version`，这不是工作区文件".into(),
        ProblemKind::BadSchemaVersion => "`schema_version` 必须是正整数".into(),
        ProblemKind::NewerSchema { found, supported } => format!(
            "该文件由更新版本的制度演练场生成（数据格式 {found}），当前版本只能读取 {supported} 及以下版本"
        ),
        ProblemKind::Type { message } => format!("类型不符：{}", translate_serde(message)),
        ProblemKind::DuplicateId { id, first } => format!("编号 `{id}` 重复（首次出现在 {first}）"),
        ProblemKind::EmptyId => "编号不能为空".into(),
        ProblemKind::UnknownRef { kind, id } => format!("未知的{} `{id}`", ref_kind(*kind, lang)),
        ProblemKind::Cycle { ids } => format!("出现循环：{}", ids.join(" → ")),
        ProblemKind::BadWeekday { value } => format!("星期 `{value}` 须为 1（周一）至 7（周日）"),
        ProblemKind::BadTime { value } => format!("`{value}` 不是 HH:MM 格式的时间"),
        ProblemKind::BadDate { value } => format!("`{value}` 不是 YYYY-MM-DD 格式的真实日期"),
        ProblemKind::DayEndsBeforeStart => "下班时间必须晚于上班时间".into(),
        ProblemKind::Negative => "不能为负数".into(),
        ProblemKind::NotPositive => "必须大于零".into(),
        ProblemKind::RootCount { found } => format!("部门树必须恰好有一个根部门，现有 {found} 个"),
        ProblemKind::OwnSupervisor { id } => format!("`{id}` 不能是自己的上级"),
        ProblemKind::MinAboveMax { min, max } => format!("最小值 {min} 大于最大值 {max}"),
        ProblemKind::EmptyList => "至少需要一个取值".into(),
        ProblemKind::SupervisorLevelZero => "上级层级从 1 开始".into(),
        ProblemKind::NoApprovers => "审批步骤至少需要一位审批人".into(),
        ProblemKind::AnswerOutOfRange { answer, options } => {
            format!("答案 {answer} 不在 {options} 个选项范围内（从 0 计数）")
        }
        ProblemKind::NoAcceptedAnswer => "填空题至少需要一个可接受的答案".into(),
        ProblemKind::UnknownTopic { topic } => format!("未知的主题 `{topic}`"),
        ProblemKind::PassMarkOver100 { value } => format!("及格线 {value} 超过 100"),
        ProblemKind::NotAProbability => "应为 0 到 1 之间的概率".into(),
        ProblemKind::HoursMinAboveMax { min, max } => format!("最小值 {min} 小时大于最大值 {max} 小时"),
    }
}

/// Puts serde's most common messages into Chinese; anything else stays as it is.
fn translate_serde(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("缺少字段 {rest}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return format!("未知的取值 {rest}");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("实际为 {found}，应为 {expected}");
        }
    }
    message.to_string()
}

/// A reactive text for one message. Every call returns the same closure type, so the
/// renderer is compiled once for all of them (a closure per call site would be compiled
/// once per site and cost kilobytes of WebAssembly each).
pub fn tr(k: K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_store().ui_lang;
    move || k.text(lang.get())
}
