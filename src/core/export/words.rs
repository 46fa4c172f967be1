//! The fixed words of an exported document, in both languages. The user's own text (titles,
//! clause bodies, names) is never translated; only labels, headings and generated phrases.

use crate::core::lang::Lang;

/// Labels and phrases for one language.
pub struct Words {
    pub lang: Lang,
    pub doc_code: &'static str,
    pub version: &'static str,
    pub effective_date: &'static str,
    pub drafter: &'static str,
    pub reviewer: &'static str,
    pub approver: &'static str,
    pub distribution: &'static str,
    pub revisions_title: &'static str,
    pub no_revisions: &'static str,
    pub change_note: &'static str,
    pub saved_at: &'static str,
    pub naming_title: &'static str,
    pub approvals_title: &'static str,
    pub roles_title: &'static str,
    pub answer_key_title: &'static str,
    pub sign_off_title: &'static str,
    pub pattern: &'static str,
    pub colon: &'static str,
    pub dash: &'static str,
    pub list_sep: &'static str,
    pub see_sep: &'static str,
    pub suggest_sep: &'static str,
    pub col_no: &'static str,
    pub col_component: &'static str,
    pub col_kind: &'static str,
    pub col_rule: &'static str,
    pub col_optional: &'static str,
    pub col_example: &'static str,
    pub col_verdict: &'static str,
    pub col_why: &'static str,
    pub col_field: &'static str,
    pub col_type: &'static str,
    pub col_required: &'static str,
    pub col_role: &'static str,
    pub col_role_id: &'static str,
    pub col_description: &'static str,
    pub col_holders: &'static str,
    pub col_duty: &'static str,
    pub col_name: &'static str,
    pub col_signature: &'static str,
    pub col_date: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub nobody: &'static str,
    pub compliant: &'static str,
    pub not_compliant: &'static str,
    pub forbidden_words: &'static str,
    pub no_examples: &'static str,
    pub fields_title: &'static str,
    pub flow_title: &'static str,
    pub cc_title: &'static str,
    pub branch_intro: &'static str,
    pub otherwise: &'static str,
    pub no_steps: &'static str,
    pub answer: &'static str,
    pub true_: &'static str,
    pub false_: &'static str,
    pub cover_title: &'static str,
    pub contents: &'static str,
}

const ZH: Words = Words {
    lang: Lang::Zh,
    doc_code: "文件编号",
    version: "版本",
    effective_date: "生效日期",
    drafter: "起草",
    reviewer: "审核",
    approver: "批准",
    distribution: "分发范围",
    revisions_title: "修订记录",
    no_revisions: "尚未保存任何版本。",
    change_note: "修订内容",
    saved_at: "保存时间",
    naming_title: "群组与文件命名规则",
    approvals_title: "审批模板",
    roles_title: "角色",
    answer_key_title: "测验答案",
    sign_off_title: "签批",
    pattern: "格式",
    colon: "：",
    dash: " — ",
    list_sep: "、",
    see_sep: "；",
    suggest_sep: "；",
    col_no: "序号",
    col_component: "组成部分",
    col_kind: "类型",
    col_rule: "要求",
    col_optional: "可省略",
    col_example: "示例",
    col_verdict: "结论",
    col_why: "说明",
    col_field: "字段",
    col_type: "类型与范围",
    col_required: "必填",
    col_role: "角色",
    col_role_id: "标识",
    col_description: "说明",
    col_holders: "担任人",
    col_duty: "职责",
    col_name: "姓名",
    col_signature: "签字",
    col_date: "日期",
    yes: "是",
    no: "否",
    none: "无",
    nobody: "（暂无）",
    compliant: "合规",
    not_compliant: "不合规",
    forbidden_words: "禁用词",
    no_examples: "规则有误，无法生成示例。",
    fields_title: "表单字段",
    flow_title: "审批流程",
    cc_title: "抄送",
    branch_intro: "按条件分支（依次判断，取第一个成立的分支）：",
    otherwise: "其他情况：",
    no_steps: "不增加审批步骤。",
    answer: "答案",
    true_: "正确",
    false_: "错误",
    cover_title: "文件信息",
    contents: "目录",
};

const EN: Words = Words {
    lang: Lang::En,
    doc_code: "Document code",
    version: "Version",
    effective_date: "Effective date",
    drafter: "Drafted by",
    reviewer: "Reviewed by",
    approver: "Approved by",
    distribution: "Distribution",
    revisions_title: "Revision record",
    no_revisions: "No version has been saved yet.",
    change_note: "Changes",
    saved_at: "Saved",
    naming_title: "Naming rules for groups and files",
    approvals_title: "Approval templates",
    roles_title: "Roles",
    answer_key_title: "Quiz answer key",
    sign_off_title: "Sign-off",
    pattern: "Pattern",
    colon: ": ",
    dash: " — ",
    list_sep: ", ",
    see_sep: "; ",
    suggest_sep: "; ",
    col_no: "No.",
    col_component: "Component",
    col_kind: "Kind",
    col_rule: "Requirement",
    col_optional: "Optional",
    col_example: "Example",
    col_verdict: "Verdict",
    col_why: "Notes",
    col_field: "Field",
    col_type: "Type and range",
    col_required: "Required",
    col_role: "Role",
    col_role_id: "Id",
    col_description: "Description",
    col_holders: "Held by",
    col_duty: "Duty",
    col_name: "Name",
    col_signature: "Signature",
    col_date: "Date",
    yes: "yes",
    no: "no",
    none: "None.",
    nobody: "(nobody yet)",
    compliant: "compliant",
    not_compliant: "not compliant",
    forbidden_words: "Forbidden words",
    no_examples: "The scheme has mistakes, so no examples could be made.",
    fields_title: "Form fields",
    flow_title: "Approval flow",
    cc_title: "CC",
    branch_intro: "Branches, checked in order (the first that holds is taken):",
    otherwise: "Otherwise:",
    no_steps: " no further approval step.",
    answer: "Answer",
    true_: "true",
    false_: "false",
    cover_title: "Document information",
    contents: "Contents",
};

impl Words {
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// `附录A 审批模板` / `Appendix A. Approval templates`.
    pub fn appendix(&self, n: usize, title: &str) -> String {
        let letter = u8::try_from(n.saturating_sub(1))
            .ok()
            .filter(|i| *i < 26)
            .map_or_else(|| n.to_string(), |i| char::from(b'A' + i).to_string());
        match self.lang {
            Lang::Zh => format!("附录{letter}　{title}"),
            Lang::En => format!("Appendix {letter}. {title}"),
        }
    }

    /// `见第3条` / `see Article 3`.
    pub fn see(&self, target: &str) -> String {
        match self.lang {
            Lang::Zh => format!("见{target}"),
            Lang::En => format!("see {target}"),
        }
    }

    /// `建议改为：…` / `suggested: …`.
    pub fn suggest(&self, name: &str) -> String {
        match self.lang {
            Lang::Zh => format!("建议改为“{name}”"),
            Lang::En => format!("suggested: “{name}”"),
        }
    }

    /// Words in brackets after a phrase.
    pub fn paren(&self, s: &str) -> String {
        match self.lang {
            Lang::Zh => format!("（{s}）"),
            Lang::En => format!(" ({s})"),
        }
    }

    pub fn min_len(&self, n: u32) -> String {
        match self.lang {
            Lang::Zh => format!("名称至少 {n} 个字符"),
            Lang::En => format!("The name has at least {n} characters"),
        }
    }

    pub fn max_len(&self, n: u32) -> String {
        match self.lang {
            Lang::Zh => format!("名称最多 {n} 个字符"),
            Lang::En => format!("The name has at most {n} characters"),
        }
    }

    /// One branch of a block: its condition and name.
    pub fn when_branch(&self, condition: &str, name: &str) -> String {
        match self.lang {
            Lang::Zh => format!("若 {condition}（{name}）："),
            Lang::En => format!("If {condition} ({name}):"),
        }
    }

    pub fn flow_alt(&self, template: &str) -> String {
        match self.lang {
            Lang::Zh => format!("{template}审批流程图"),
            Lang::En => format!("Approval flow of {template}"),
        }
    }

    /// What a quiz set asks of its takers, under its heading in the answer key.
    pub fn quiz_facts(&self, questions: usize, pass_mark: u32) -> String {
        match self.lang {
            Lang::Zh => format!("共 {questions} 题，及格线 {pass_mark}%。"),
            Lang::En => format!("{questions} questions; pass mark {pass_mark}%."),
        }
    }

    /// A role holder with their department.
    pub fn holder(&self, name: &str, dept: &str) -> String {
        if dept.is_empty() {
            return name.to_string();
        }
        match self.lang {
            Lang::Zh => format!("{name}（{dept}）"),
            Lang::En => format!("{name} ({dept})"),
        }
    }
}
