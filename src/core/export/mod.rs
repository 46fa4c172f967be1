//! Documents made from the workspace (Word, standalone HTML, Markdown, print) and share
//! links.
//!
//! [`document`] is the one place that decides what an exported policy says: the cover, the
//! revision record, the numbered chapters and articles, and the appendices on naming
//! schemes, approval templates, roles and the quiz answer key. The writers in
//! [`markdown`], [`html`] and [`docx`] only lay that document out in their format.

pub mod doc;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod share;
mod words;
pub mod zip;

use crate::core::bundle::Bundle;
use crate::core::flow_diagram;
use crate::core::lang::Lang;
use crate::core::naming::generate::examples;
use crate::core::naming::words::{component_words, example_kind};
use crate::core::naming::NamingScheme;
use crate::core::org::Org;
use crate::core::policy::{article_label, DocBlock, Policy};
use crate::core::quiz::generate;
use crate::core::quiz::paper::{Answer, QuizQuestion};
use crate::core::routing::{describe, FlowNode, Template};

use doc::{cell, para};
pub use doc::{Block, Document, Inline};
use words::Words;

/// Which parts of the workspace go into a document. The cover always does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections {
    /// The revision record (修订记录) from the saved versions.
    pub revisions: bool,
    /// The chapters and articles of the usage code.
    pub policy: bool,
    /// Appendix: the naming schemes with components and examples.
    pub naming: bool,
    /// Appendix: the approval templates with fields, flow and CC.
    pub approvals: bool,
    /// Appendix: the roles and who holds them.
    pub roles: bool,
    /// Appendix: the quiz questions with their answers (for trainers, not employees).
    pub answer_key: bool,
    /// The sign-off block (drafter, reviewer, approver).
    pub sign_off: bool,
}

impl Sections {
    /// Everything but the quiz answer key, which is for trainers only.
    pub const FULL: Sections = Sections {
        revisions: true,
        policy: true,
        naming: true,
        approvals: true,
        roles: true,
        answer_key: false,
        sign_off: true,
    };

    /// The usage code alone: cover, revisions, chapters and sign-off.
    pub const POLICY_ONLY: Sections = Sections {
        naming: false,
        approvals: false,
        roles: false,
        ..Sections::FULL
    };

    /// Everything, the answer key included.
    pub const ALL: Sections = Sections {
        answer_key: true,
        ..Sections::FULL
    };
}

impl Sections {
    /// Names of the sections, as the command line and files write them.
    pub const NAMES: [&'static str; 7] = [
        "revisions",
        "policy",
        "naming",
        "approvals",
        "roles",
        "answer-key",
        "sign-off",
    ];

    /// Nothing but the cover.
    pub const NONE: Sections = Sections {
        revisions: false,
        policy: false,
        naming: false,
        approvals: false,
        roles: false,
        answer_key: false,
        sign_off: false,
    };

    /// The switch for a section name.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "revisions" => &mut self.revisions,
            "policy" => &mut self.policy,
            "naming" => &mut self.naming,
            "approvals" => &mut self.approvals,
            "roles" => &mut self.roles,
            "answer-key" => &mut self.answer_key,
            "sign-off" => &mut self.sign_off,
            _ => return None,
        })
    }

    /// Parses `full`, `policy`, `all`, or section names joined by commas.
    pub fn parse(list: &str) -> Result<Sections, String> {
        match list.trim() {
            "full" => return Ok(Sections::FULL),
            "policy" | "policy-only" => return Ok(Sections::POLICY_ONLY),
            "all" => return Ok(Sections::ALL),
            _ => {}
        }
        let mut s = Sections::NONE;
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match s.get_mut(name) {
                Some(on) => *on = true,
                None => {
                    return Err(format!(
                        "unknown section `{name}` (one of {})",
                        Sections::NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(s)
    }
}

impl Default for Sections {
    fn default() -> Self {
        Sections::FULL
    }
}

/// The export formats a user can download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Html,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Docx, Format::Html, Format::Markdown];

    /// Parses `docx`, `html` or `md` (as on the command line).
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "docx" | "word" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }

    /// The media type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html;charset=utf-8",
            Format::Markdown => "text/markdown;charset=utf-8",
        }
    }
}

/// Writes the workspace in a format: the bytes of the file.
pub fn export(bundle: &Bundle, format: Format, lang: Lang, sections: Sections) -> Vec<u8> {
    let d = document(bundle, lang, sections);
    match format {
        Format::Docx => docx::write(&d),
        Format::Html => html::write(&d).into_bytes(),
        Format::Markdown => markdown::write(&d).into_bytes(),
    }
}

/// A file name for an export: the document code (or `policy`), the version and the
/// language, with anything unsafe in a file name left out.
pub fn file_name(bundle: &Bundle, format: Format, lang: Lang) -> String {
    let meta = &bundle.policy.meta;
    let safe = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .take(60)
            .collect()
    };
    let mut stem = safe(&meta.doc_code);
    if stem.is_empty() {
        stem = "policy".into();
    }
    let version = safe(&meta.version);
    if !version.is_empty() {
        stem = format!("{stem}-{version}");
    }
    format!("{stem}-{}.{}", lang.code(), format.extension())
}

/// The document a workspace makes, in `lang` (labels, numbering and generated wording;
/// the user's own text stays as written).
pub fn document(bundle: &Bundle, lang: Lang, sections: Sections) -> Document {
    let w = Words::of(lang);
    let meta = &bundle.policy.meta;
    let cover = vec![
        (w.doc_code.to_string(), meta.doc_code.clone()),
        (w.version.to_string(), meta.version.clone()),
        (w.effective_date.to_string(), meta.effective_date.clone()),
        (w.drafter.to_string(), meta.drafter.clone()),
        (w.reviewer.to_string(), meta.reviewer.clone()),
        (w.approver.to_string(), meta.approver.clone()),
        (w.distribution.to_string(), meta.distribution.clone()),
    ];
    let running_header = [meta.doc_code.trim(), meta.version.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("  ");
    let mut blocks = Vec::new();
    if sections.revisions {
        revisions(bundle, w, &mut blocks);
    }
    if sections.policy {
        policy(&bundle.policy, lang, &mut blocks);
    }
    let mut appendix = 0;
    let mut next_appendix = |title: &str, anchor: &str, blocks: &mut Vec<Block>| {
        appendix += 1;
        blocks.push(Block::Heading {
            level: 1,
            text: w.appendix(appendix, title),
            anchor: anchor.to_string(),
        });
    };
    if sections.naming && !bundle.naming.is_empty() {
        next_appendix(w.naming_title, "appendix-naming", &mut blocks);
        for scheme in &bundle.naming {
            naming_scheme(bundle, scheme, lang, w, &mut blocks);
        }
    }
    if sections.approvals && !bundle.approvals.templates.is_empty() {
        next_appendix(w.approvals_title, "appendix-approvals", &mut blocks);
        for t in &bundle.approvals.templates {
            template(bundle, t, lang, w, &mut blocks);
        }
    }
    if sections.roles && !bundle.org.roles.is_empty() {
        next_appendix(w.roles_title, "appendix-roles", &mut blocks);
        roles(&bundle.org, w, &mut blocks);
    }
    if sections.answer_key && !(bundle.quiz.questions.is_empty() && bundle.quiz.sets.is_empty()) {
        next_appendix(w.answer_key_title, "appendix-answer-key", &mut blocks);
        answer_key(bundle, w, &mut blocks);
    }
    if sections.sign_off {
        sign_off(bundle, w, &mut blocks);
    }
    Document {
        lang,
        title: meta.title.clone(),
        running_header,
        cover,
        blocks,
    }
}

fn revisions(bundle: &Bundle, w: &Words, out: &mut Vec<Block>) {
    out.push(Block::Heading {
        level: 2,
        text: w.revisions_title.to_string(),
        anchor: "revisions".into(),
    });
    if bundle.snapshots.is_empty() {
        out.push(para(w.no_revisions));
        return;
    }
    let head = [w.version, w.effective_date, w.change_note, w.saved_at]
        .map(cell)
        .to_vec();
    let rows = bundle
        .snapshots
        .iter()
        .map(|s| {
            vec![
                cell(s.version.clone()),
                cell(s.effective_date.clone()),
                cell(s.note.clone()),
                cell(s.saved_at.replace('T', " ")),
            ]
        })
        .collect();
    out.push(Block::Table { head, rows });
}

fn policy(policy: &Policy, lang: Lang, out: &mut Vec<Block>) {
    // The numbering and labels are the policy's own, as the app's preview shows them.
    let sep = if lang == Lang::Zh { "　" } else { " " };
    for block in policy.blocks(lang) {
        out.push(match block {
            DocBlock::Chapter { id, label, title } => Block::Heading {
                level: 1,
                text: format!("{label}{sep}{title}").trim().to_string(),
                anchor: id,
            },
            DocBlock::Clause {
                id,
                label,
                title,
                body,
            } => Block::Article {
                anchor: id,
                label,
                title,
                body: doc::parse_markdown(&body),
            },
        });
    }
}

/// Where a clause id points: `第12条` / `Article 12`, or the id itself if it is gone.
fn cite(bundle: &Bundle, clause: &str, lang: Lang) -> String {
    bundle
        .policy
        .article_number(clause)
        .map_or_else(|| clause.to_string(), |n| article_label(lang, n))
}

fn naming_scheme(
    bundle: &Bundle,
    scheme: &NamingScheme,
    lang: Lang,
    w: &Words,
    out: &mut Vec<Block>,
) {
    out.push(Block::Heading {
        level: 2,
        text: scheme.name.clone(),
        anchor: format!("scheme-{}", scheme.id),
    });
    if !scheme.description.trim().is_empty() {
        out.push(para(scheme.description.clone()));
    }
    let mut facts = vec![
        Inline::Strong(vec![Inline::text(w.pattern)]),
        Inline::text(w.colon),
    ];
    facts.push(Inline::Code(scheme.pattern()));
    if let Some(c) = &scheme.clause {
        facts.push(Inline::text(format!(
            "{}{}",
            w.see_sep,
            w.see(&cite(bundle, c, lang))
        )));
    }
    out.push(Block::Paragraph(facts));
    let head = [
        w.col_no,
        w.col_component,
        w.col_kind,
        w.col_rule,
        w.col_optional,
    ]
    .map(cell)
    .to_vec();
    let rows = scheme
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (kind, rule) = component_words(c, &bundle.org, lang);
            let optional = if c.is_optional() { w.yes } else { "" };
            vec![
                cell((i + 1).to_string()),
                cell(c.label()),
                cell(kind),
                cell(rule),
                cell(optional),
            ]
        })
        .collect();
    out.push(Block::Table { head, rows });
    let r = &scheme.rules;
    let mut whole = Vec::new();
    if let Some(n) = r.min_len {
        whole.push(w.min_len(n));
    }
    if let Some(n) = r.max_len {
        whole.push(w.max_len(n));
    }
    if !r.forbidden_words.is_empty() {
        whole.push(format!(
            "{}{}{}",
            w.forbidden_words,
            w.colon,
            r.forbidden_words.join(" / ")
        ));
    }
    if !whole.is_empty() {
        out.push(Block::List {
            start: None,
            items: whole.into_iter().map(|s| vec![para(s)]).collect(),
        });
    }
    let samples = examples(scheme, &bundle.org);
    if samples.is_empty() {
        out.push(Block::Note(w.no_examples.to_string()));
        return;
    }
    let head = [w.col_example, w.col_verdict, w.col_why].map(cell).to_vec();
    let rows = samples
        .iter()
        .map(|e| {
            let verdict = if e.ok { w.compliant } else { w.not_compliant };
            let mut why = if e.ok {
                String::new()
            } else {
                example_kind(e.kind, lang)
            };
            if let Some(s) = &e.suggestion {
                why = format!("{why}{}{}", w.suggest_sep, w.suggest(s));
            }
            vec![vec![Inline::Code(e.name.clone())], cell(verdict), cell(why)]
        })
        .collect();
    out.push(Block::Table { head, rows });
}

fn template(bundle: &Bundle, t: &Template, lang: Lang, w: &Words, out: &mut Vec<Block>) {
    let org = &bundle.org;
    out.push(Block::Heading {
        level: 2,
        text: t.name.clone(),
        anchor: format!("template-{}", t.id),
    });
    if !t.description.trim().is_empty() {
        out.push(para(t.description.clone()));
    }
    if let Some(c) = &t.clause {
        out.push(para(w.see(&cite(bundle, c, lang))));
    }
    out.push(Block::Paragraph(vec![Inline::Strong(vec![Inline::text(
        w.fields_title,
    )])]));
    if t.fields.is_empty() {
        out.push(para(w.none));
    } else {
        let head = [w.col_field, w.col_type, w.col_required].map(cell).to_vec();
        let rows = t
            .fields
            .iter()
            .map(|f| {
                vec![
                    cell(f.label.clone()),
                    cell(describe::field_kind(&f.kind, lang)),
                    cell(if f.required { w.yes } else { w.no }),
                ]
            })
            .collect();
        out.push(Block::Table { head, rows });
    }
    out.push(Block::Paragraph(vec![Inline::Strong(vec![Inline::text(
        w.flow_title,
    )])]));
    out.push(Block::List {
        start: None,
        items: flow_items(t, org, &t.flow, lang, w, ""),
    });
    out.push(Block::Figure {
        svg: flow_diagram::svg(t, org, lang, None),
        alt: w.flow_alt(&t.name),
    });
    out.push(Block::Paragraph(vec![Inline::Strong(vec![Inline::text(
        w.cc_title,
    )])]));
    if t.cc.is_empty() {
        out.push(para(w.none));
    } else {
        out.push(Block::List {
            start: None,
            items: t
                .cc
                .iter()
                .map(|c| {
                    vec![para(format!(
                        "{}{}{}",
                        describe::approver(org, &c.who, lang),
                        w.dash,
                        describe::cc_timing(c.when, lang)
                    ))]
                })
                .collect(),
        });
    }
}

/// A flow as list items, numbered as a reader follows it: `1`, `2`, … for the steps and
/// branch blocks of the flow, `2.1`, `2.2` for the steps a branch of block 2 adds (every
/// branch of a block numbers from `.1`: only one of them is ever taken).
fn flow_items(
    t: &Template,
    org: &Org,
    nodes: &[FlowNode],
    lang: Lang,
    w: &Words,
    prefix: &str,
) -> Vec<Vec<Block>> {
    let mut items = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let number = format!("{prefix}{}", i + 1);
        match node {
            FlowNode::Step(s) => {
                let sep = if lang == Lang::Zh { "、" } else { ", " };
                let who: Vec<String> = s
                    .approvers
                    .iter()
                    .map(|a| describe::approver(org, a, lang))
                    .collect();
                items.push(vec![Block::Paragraph(vec![
                    Inline::Strong(vec![Inline::text(format!("{number} {}", s.name))]),
                    Inline::text(format!(
                        "{}{}{}",
                        w.colon,
                        who.join(sep),
                        w.paren(&describe::mode(s.mode, lang))
                    )),
                ])]);
            }
            FlowNode::Branch(block) => {
                let inner = format!("{number}.");
                let arms = block
                    .branches
                    .iter()
                    .map(|br| {
                        let cond = describe::condition(t, org, &br.when, lang);
                        (w.when_branch(&cond, &br.name), &br.then)
                    })
                    .chain(std::iter::once((w.otherwise.to_string(), &block.default)));
                let cases = arms
                    .map(|(head, then)| {
                        if then.is_empty() {
                            vec![para(format!("{head}{}", w.no_steps))]
                        } else {
                            vec![
                                para(head),
                                Block::List {
                                    start: None,
                                    items: flow_items(t, org, then, lang, w, &inner),
                                },
                            ]
                        }
                    })
                    .collect();
                items.push(vec![
                    Block::Paragraph(vec![
                        Inline::Strong(vec![Inline::text(number)]),
                        Inline::text(format!(" {}", w.branch_intro)),
                    ]),
                    Block::List {
                        start: None,
                        items: cases,
                    },
                ]);
            }
        }
    }
    items
}

fn roles(org: &Org, w: &Words, out: &mut Vec<Block>) {
    let head = [w.col_role, w.col_role_id, w.col_description, w.col_holders]
        .map(cell)
        .to_vec();
    let rows = org
        .roles
        .iter()
        .map(|r| {
            let holders: Vec<String> = org
                .holders(&r.id)
                .iter()
                .map(|p| {
                    let dept = org.department(&p.dept).map_or("", |d| d.name.as_str());
                    w.holder(&p.name, dept)
                })
                .collect();
            vec![
                cell(r.name.clone()),
                vec![Inline::Code(r.id.clone())],
                cell(r.description.clone()),
                cell(if holders.is_empty() {
                    w.nobody.to_string()
                } else {
                    holders.join(w.list_sep)
                }),
            ]
        })
        .collect();
    out.push(Block::Table { head, rows });
}

/// The answer key: for each quiz set, the questions its employees get (drawn by the same
/// generator as the quiz itself, so the key cannot drift from the rules); without quiz
/// sets, the author-written bank.
fn answer_key(bundle: &Bundle, w: &Words, out: &mut Vec<Block>) {
    let lang = w.lang;
    let list = |questions: &[QuizQuestion]| Block::List {
        start: Some(1),
        items: questions
            .iter()
            .map(|q| question(bundle, q, lang, w))
            .collect(),
    };
    if bundle.quiz.sets.is_empty() {
        let bank: Vec<QuizQuestion> = bundle
            .quiz
            .questions
            .iter()
            .map(QuizQuestion::from_authored)
            .collect();
        out.push(list(&bank));
        return;
    }
    for set in &bundle.quiz.sets {
        let questions = generate::for_set(bundle, set);
        out.push(Block::Heading {
            level: 2,
            text: set.name.clone(),
            anchor: format!("quiz-{}", set.id),
        });
        out.push(para(w.quiz_facts(questions.len(), set.pass_mark)));
        out.push(list(&questions));
    }
}

fn question(bundle: &Bundle, q: &QuizQuestion, lang: Lang, w: &Words) -> Vec<Block> {
    let letter = |i: usize| -> String {
        u8::try_from(i)
            .ok()
            .filter(|i| *i < 26)
            .map_or_else(|| (i + 1).to_string(), |i| char::from(b'A' + i).to_string())
    };
    let mut blocks = vec![para(q.prompt.clone())];
    if !q.options.is_empty() {
        blocks.push(Block::List {
            start: None,
            items: q
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| vec![para(format!("{}. {o}", letter(i)))])
                .collect(),
        });
    }
    let answer = match &q.answer {
        Answer::Index(i) => letter(*i),
        Answer::Indexes(answers) => answers
            .iter()
            .map(|i| letter(*i))
            .collect::<Vec<_>>()
            .join(w.list_sep),
        Answer::Bool(answer) => (if *answer { w.true_ } else { w.false_ }).to_string(),
        Answer::Text(text) => std::iter::once(text)
            .chain(&q.accepted)
            .cloned()
            .collect::<Vec<_>>()
            .join(" / "),
    };
    let mut line = vec![
        Inline::Strong(vec![Inline::text(format!("{}{}", w.answer, w.colon))]),
        Inline::text(answer),
    ];
    if !q.clauses.is_empty() {
        let cited: Vec<String> = q.clauses.iter().map(|c| cite(bundle, c, lang)).collect();
        line.push(Inline::text(format!(
            "{}{}",
            w.see_sep,
            w.see(&cited.join(w.list_sep))
        )));
    }
    blocks.push(Block::Paragraph(line));
    if !q.explanation.trim().is_empty() {
        blocks.push(para(q.explanation.clone()));
    }
    blocks
}

fn sign_off(bundle: &Bundle, w: &Words, out: &mut Vec<Block>) {
    let meta = &bundle.policy.meta;
    out.push(Block::Heading {
        level: 2,
        text: w.sign_off_title.to_string(),
        anchor: "sign-off".into(),
    });
    let head = [w.col_duty, w.col_name, w.col_signature, w.col_date]
        .map(cell)
        .to_vec();
    let rows = [
        (w.drafter, &meta.drafter),
        (w.reviewer, &meta.reviewer),
        (w.approver, &meta.approver),
    ]
    .into_iter()
    .map(|(duty, name)| vec![cell(duty), cell(name.clone()), cell(""), cell("")])
    .collect();
    out.push(Block::Table { head, rows });
}
