//! Questions computed from the rules: every answer comes from the engine that enforces the
//! rule (the naming checker, the route simulator) or from the workspace's structured facts
//! ([`crate::core::norms`], the working calendar), never from typed text, and every question
//! cites the clause it tests. The words are in the workspace's document language
//! (`settings.lang`).
//!
//! Topics and what they ask:
//!
//! - `naming`, per naming scheme that compiles, around the scheme's reference panel
//!   ([`examples`]): which name complies (one valid name, three near-misses), what is wrong
//!   with a name (options are violation kinds; asked only of names with one kind of
//!   problem, so that one option is right), how to fix a name (fill-in, the answer the
//!   checker's suggestion), and whether a name complies (true/false). Names with spaces
//!   around them are never shown: they would look valid.
//! - `routing`, per template, over the template's route fixtures (without picks) and
//!   requests made from its fields (a representative requester, every select option, and
//!   numbers on both sides of each threshold the conditions compare with), each run
//!   through [`simulate`]; requests that error are skipped. Who approves, in order (single
//!   choice), which people approve (multiple choice), how many steps, and which branch of
//!   each branch block the request takes.
//! - `numbers`: each number norm (its value, single choice with computed distractors;
//!   a true/false statement; for a time range, whether a time falls inside it) and the
//!   working hours of the calendar.
//! - `channels`: the channel for each situation, and each channel's urgency.
//! - `documents`: the secrecy level of each example document, the order of the levels,
//!   what each permission level allows (multiple choice) and which level each holder gets.
//! - `custom`: the bank's author-written questions, as written.
//!
//! A workspace without norms has no `numbers` questions but the working hours, and no
//! `channels` or `documents` questions; [`pool`] says so in its notes. Every question cites
//! the clause it tests: a scheme, template or norm whose clause is not in the policy gets
//! no questions, and a note says so (a norm whose number its clause does not state still
//! does, with a note from [`norms::consistency`]).
//!
//! Options are never repeated, distractors never equal the answer, and multiple-choice
//! answers are sorted lists of indexes. Ids are derived from what is asked (topic, kind of
//! question, subject and a hash of the prompt and options), so the same rules give the same
//! ids, whatever the seed.

use std::collections::BTreeSet;

use super::paper::{Answer, Kind, QuizQuestion};
use super::{QuestionKind, QuizSet, TOPICS};
use crate::core::bundle::{parse_hhmm, Bundle};
use crate::core::lang::Lang;
use crate::core::naming::check::{compile, Compiled, CODES};
use crate::core::naming::generate::examples;
use crate::core::naming::words::{code_label, code_text, scheme_error_text};
use crate::core::naming::{Component, NamingScheme};
use crate::core::norms::{self, NumberNorm, Quantity, Unit};
use crate::core::org::{OrgIndex, Status};
use crate::core::routing::{
    describe, walk_flow, Field, FieldKind, FlowNode, Op, Subject, Template, Value,
};
use crate::core::simulate::{fixture_form, simulate, Route};
use crate::core::synth::Rng;

/// What to draw.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Same seed, same questions in the same order.
    pub seed: u64,
    /// How many questions at most; fewer when the topics have fewer.
    pub count: usize,
    /// Topics to draw from ([`TOPICS`]); empty for all. Unknown names are ignored.
    pub topics: Vec<String>,
    /// Shuffle the questions and the options of each (answers follow their options).
    pub shuffle: bool,
}

/// Every question the rules give, in canonical order, and what the generator noticed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pool {
    pub questions: Vec<QuizQuestion>,
    pub notes: Vec<Note>,
}

/// Something the generator could not ask about, or that may make a question wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Stable code:
    ///
    /// | code | params |
    /// |---|---|
    /// | `scheme_does_not_compile` | `scheme`, `problem` |
    /// | `no_valid_name` | `scheme` (no valid name could be made) |
    /// | `no_clause` | `subject` (a scheme, template or `calendar` citing no clause of the policy) |
    /// | `no_requests` | `template` (no request could be routed) |
    /// | `calendar_not_in_clause` | `clause`, `missing` |
    /// | `authored_invalid` | `id` (an author's question whose answer does not fit its options) |
    /// | `no_questions` | `topic` |
    /// | the codes of [`norms::NormNote`] | as there |
    pub code: &'static str,
    /// The topic it concerns.
    pub topic: &'static str,
    /// A JSON path of the workspace, when the note is about one item (`$.norms.numbers[2]`).
    pub path: String,
    pub params: Vec<(&'static str, String)>,
}

impl Note {
    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        crate::core::report::param(&self.params, key)
    }

    /// The note as a sentence.
    pub fn message(&self, lang: Lang) -> String {
        let p = |k| self.param(k);
        let zh = lang == Lang::Zh;
        match self.code {
            "scheme_does_not_compile" if zh => {
                format!("命名规则 {} 本身有误（{}），未生成命名题", p("scheme"), p("problem"))
            }
            "scheme_does_not_compile" => format!(
                "the naming scheme `{}` has mistakes ({}), so no naming questions were made from it",
                p("scheme"),
                p("problem")
            ),
            "no_valid_name" if zh => format!("命名规则 {} 无法生成合规名称", p("scheme")),
            "no_valid_name" => format!("no valid name can be made for `{}`", p("scheme")),
            "no_clause" if zh => format!("{} 未对应规范中的任何条款，题目无出处", p("subject")),
            "no_clause" => format!(
                "`{}` cites no clause of the usage code, so its questions cite none",
                p("subject")
            ),
            "no_requests" if zh => format!("审批模板 {} 没有可模拟的申请", p("template")),
            "no_requests" => format!(
                "no request of the template `{}` could be routed",
                p("template")
            ),
            "calendar_not_in_clause" if zh => format!(
                "工作日历的工作时间 {} 未出现在条款 {} 中",
                p("missing"),
                p("clause")
            ),
            "calendar_not_in_clause" => format!(
                "the working hours of the calendar ({}) do not appear in the clause `{}`",
                p("missing"),
                p("clause")
            ),
            "authored_invalid" if zh => format!("题库题目 {} 的答案与选项不符，已略过", p("id")),
            "authored_invalid" => format!(
                "the question `{}` has an answer that does not fit its options; left out",
                p("id")
            ),
            "no_questions" if zh => format!("主题 {} 没有可出的题目", p("topic")),
            "no_questions" => format!("the topic `{}` has no questions", p("topic")),
            code => norms::NormNote {
                code,
                path: self.path.clone(),
                params: self.params.clone(),
            }
            .message(lang),
        }
    }
}

/// A request as the simulator takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub template: String,
    pub requester: String,
    /// Field values as typed, in the template's field order.
    pub form: Vec<(String, String)>,
}

/// What a question was computed from, so that a test (or a curious trainer) can compute
/// the answer again. Lists that follow the options (`codes`, `routes`, `people`, `counts`,
/// `branches`) are in the options' order, shuffled with them.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Which name complies: the options are names; exactly the answer passes the scheme.
    NameValid { scheme: String },
    /// What is wrong with `name`: each option is the label of a violation code.
    NameWrong {
        scheme: String,
        name: String,
        codes: Vec<&'static str>,
    },
    /// Fix `name`: the answer is the checker's suggestion.
    NameFix { scheme: String, name: String },
    /// Whether `name` complies.
    NameCheck { scheme: String, name: String },
    /// Who approves, in order: each option is a route (person ids per step).
    RouteApprovers {
        request: Request,
        routes: Vec<Vec<Vec<String>>>,
    },
    /// Which people approve: each option is a person id.
    RouteWho {
        request: Request,
        people: Vec<String>,
    },
    /// How many steps: each option is a number of steps.
    RouteSteps {
        request: Request,
        counts: Vec<usize>,
    },
    /// Which branch of `block` is taken: each option is a branch id, `None` for the
    /// default.
    RouteBranch {
        request: Request,
        block: String,
        branches: Vec<Option<String>>,
    },
    /// The value of a number norm; the answer is its value in words.
    Number { norm: String },
    /// Whether the norm's value is `stated`.
    NumberStatement { norm: String, stated: Quantity },
    /// Whether `time` (`HH:MM`) falls within the norm's time range.
    TimeInRange { norm: String, time: String },
    /// The working hours of the calendar: the answer is `day_start–day_end`.
    WorkingHours,
    /// The channel for `situation`: the answer is the channel's name.
    Channel { channel: String, situation: String },
    /// The urgency of a channel: the answer is its urgency.
    ChannelUrgency { channel: String },
    /// The secrecy level of `example`: the answer is the level's name.
    ClassExample { level: String, example: String },
    /// The secrecy levels in order: the answer is their names from least to most secret,
    /// joined by ` < `.
    ClassOrder,
    /// What a permission level allows: the right options are its actions.
    PermissionActions { level: String },
    /// The permission level of `holder`: the answer is the level's name.
    PermissionHolder { level: String, holder: String },
    /// An author's question of the bank.
    Authored { id: String },
}

impl Source {
    /// The kind of question, for spreading a draw over kinds within a topic:
    /// `name_valid`, `route_branch`, `number`…
    pub fn ask(&self) -> &'static str {
        match self {
            Source::NameValid { .. } => "name_valid",
            Source::NameWrong { .. } => "name_wrong",
            Source::NameFix { .. } => "name_fix",
            Source::NameCheck { .. } => "name_check",
            Source::RouteApprovers { .. } => "route_approvers",
            Source::RouteWho { .. } => "route_who",
            Source::RouteSteps { .. } => "route_steps",
            Source::RouteBranch { .. } => "route_branch",
            Source::Number { .. } => "number",
            Source::NumberStatement { .. } => "number_statement",
            Source::TimeInRange { .. } => "time_in_range",
            Source::WorkingHours => "working_hours",
            Source::Channel { .. } => "channel",
            Source::ChannelUrgency { .. } => "channel_urgency",
            Source::ClassExample { .. } => "class_example",
            Source::ClassOrder => "class_order",
            Source::PermissionActions { .. } => "permission_actions",
            Source::PermissionHolder { .. } => "permission_holder",
            Source::Authored { .. } => "authored",
        }
    }

    /// Reorders the lists that follow the options: item `i` becomes the old item
    /// `perm[i]`.
    fn permute(&mut self, perm: &[usize]) {
        match self {
            Source::NameWrong { codes, .. } => reorder(codes, perm),
            Source::RouteApprovers { routes, .. } => reorder(routes, perm),
            Source::RouteWho { people, .. } => reorder(people, perm),
            Source::RouteSteps { counts, .. } => reorder(counts, perm),
            Source::RouteBranch { branches, .. } => reorder(branches, perm),
            _ => {}
        }
    }
}

/// Item `i` becomes the old item `perm[i]`; a list that does not follow the options (its
/// length differs) is left alone.
fn reorder<T: Clone>(items: &mut Vec<T>, perm: &[usize]) {
    if items.len() != perm.len() {
        return;
    }
    let old = items.clone();
    *items = perm.iter().filter_map(|&i| old.get(i).cloned()).collect();
}

/// Every question the rules give, in canonical order (topics in the order of [`TOPICS`]),
/// with the notes.
pub fn pool(bundle: &Bundle) -> Pool {
    let (items, notes) = build(bundle);
    Pool {
        questions: items.into_iter().map(|(q, _)| q).collect(),
        notes,
    }
}

/// [`pool`]'s questions, each with what it was computed from.
pub fn pool_with_sources(bundle: &Bundle) -> Vec<(QuizQuestion, Source)> {
    build(bundle).0
}

/// Draws `count` questions from the chosen topics: as evenly over the topics as they
/// allow (the topics taking turns, in an order drawn from the seed), and within a topic
/// evenly over its kinds of question. Without `shuffle` the questions keep the pool's
/// order and options; with it, both are shuffled with the seed. Same bundle and options,
/// same output.
pub fn generate(bundle: &Bundle, opts: &Options) -> Vec<QuizQuestion> {
    generate_with_sources(bundle, opts)
        .into_iter()
        .map(|(q, _)| q)
        .collect()
}

/// [`generate`], each question with what it was computed from (lists that follow the
/// options shuffled with them).
pub fn generate_with_sources(bundle: &Bundle, opts: &Options) -> Vec<(QuizQuestion, Source)> {
    let items = pool_with_sources(bundle);
    let mut rng = Rng::new(opts.seed);
    let wanted: Vec<&str> = TOPICS
        .iter()
        .copied()
        .filter(|t| opts.topics.is_empty() || opts.topics.iter().any(|x| x == t))
        .collect();
    // Per topic: its questions, kinds taking turns, each kind in a seeded order.
    let mut queues: Vec<Vec<usize>> = Vec::new();
    for topic in &wanted {
        let mut kinds: Vec<(&str, Vec<usize>)> = Vec::new();
        for (i, (q, s)) in items.iter().enumerate() {
            if q.topic != *topic {
                continue;
            }
            match kinds.iter_mut().find(|(k, _)| *k == s.ask()) {
                Some((_, list)) => list.push(i),
                None => kinds.push((s.ask(), vec![i])),
            }
        }
        shuffle(&mut kinds, &mut rng);
        for (_, list) in &mut kinds {
            shuffle(list, &mut rng);
        }
        let queue = take_turns(kinds.into_iter().map(|(_, l)| l).collect());
        if !queue.is_empty() {
            queues.push(queue);
        }
    }
    shuffle(&mut queues, &mut rng);
    let mut chosen = take_turns(queues);
    chosen.truncate(opts.count);
    if opts.shuffle {
        shuffle(&mut chosen, &mut rng);
    } else {
        chosen.sort_unstable();
    }
    let mut out = Vec::with_capacity(chosen.len());
    for i in chosen {
        let Some((q, s)) = items.get(i) else {
            continue;
        };
        let (mut q, mut s) = (q.clone(), s.clone());
        if opts.shuffle && matches!(q.kind, Kind::Single | Kind::Multiple) {
            let mut perm: Vec<usize> = (0..q.options.len()).collect();
            shuffle(&mut perm, &mut rng);
            shuffle_options(&mut q, &perm);
            s.permute(&perm);
        }
        out.push((q, s));
    }
    out
}

/// The questions of a quiz set: [`generate`] with its seed, count, topics and shuffling.
pub fn for_set(bundle: &Bundle, set: &QuizSet) -> Vec<QuizQuestion> {
    generate(
        bundle,
        &Options {
            seed: set.seed,
            count: set.count as usize,
            topics: set.topics.clone(),
            shuffle: set.shuffle,
        },
    )
}

/// Puts option `perm[i]` at `i` and moves the answer with it.
fn shuffle_options(q: &mut QuizQuestion, perm: &[usize]) {
    let old = q.options.clone();
    q.options = perm.iter().filter_map(|&i| old.get(i).cloned()).collect();
    let new_index = |old_index: usize| perm.iter().position(|&p| p == old_index);
    q.answer = match &q.answer {
        Answer::Index(a) => Answer::Index(new_index(*a).unwrap_or(*a)),
        Answer::Indexes(list) => {
            let mut mapped: Vec<usize> = list.iter().filter_map(|&a| new_index(a)).collect();
            mapped.sort_unstable();
            Answer::Indexes(mapped)
        }
        other => other.clone(),
    };
}

/// Fisher–Yates with the seeded generator.
fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        items.swap(i, j);
    }
}

/// The lists taking turns: the first of each, then the second of each, and so on.
fn take_turns(lists: Vec<Vec<usize>>) -> Vec<usize> {
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    for k in 0..longest {
        out.extend(lists.iter().filter_map(|l| l.get(k)));
    }
    out
}

/// FNV-1a, 64 bits: stable on every platform, for ids and option positions.
fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Puts the right option among the wrong ones at a position drawn from `key`, so that the
/// answer is not always first in an unshuffled quiz. Returns the options, their data and
/// the answer's index.
fn place<T>(
    right: (String, T),
    wrong: Vec<(String, T)>,
    key: &str,
) -> (Vec<String>, Vec<T>, usize) {
    let at = (hash(&[key]) % (wrong.len() as u64 + 1)) as usize;
    let mut all = wrong;
    all.insert(at.min(all.len()), right);
    let (texts, data) = all.into_iter().unzip();
    (texts, data, at)
}

/// Adds `candidate` to `out` unless its text is empty, already there, or is `answer`'s.
fn add_distinct<T>(out: &mut Vec<(String, T)>, answer: &str, candidate: (String, T)) {
    if !candidate.0.is_empty()
        && candidate.0 != answer
        && !out.iter().any(|(t, _)| *t == candidate.0)
    {
        out.push(candidate);
    }
}

/// Questions being built.
struct Builder<'a> {
    bundle: &'a Bundle,
    lang: Lang,
    items: Vec<(QuizQuestion, Source)>,
    notes: Vec<Note>,
}

/// A question before it has an id.
struct Draft {
    topic: &'static str,
    /// The id's middle part, such as `valid-group`.
    subject: String,
    kind: Kind,
    prompt: String,
    options: Vec<String>,
    answer: Answer,
    explanation: String,
    clauses: Vec<String>,
    source: Source,
}

fn build(bundle: &Bundle) -> (Vec<(QuizQuestion, Source)>, Vec<Note>) {
    let mut b = Builder {
        bundle,
        lang: bundle.settings.lang,
        items: Vec::new(),
        notes: Vec::new(),
    };
    b.naming();
    b.routing();
    b.numbers();
    b.channels();
    b.documents();
    b.custom();
    for topic in TOPICS {
        if !b.items.iter().any(|(q, _)| q.topic == topic) {
            b.note(
                "no_questions",
                topic,
                String::new(),
                vec![("topic", topic.to_string())],
            );
        }
    }
    // Canonical order: by topic, then as made.
    let order = |q: &QuizQuestion| {
        TOPICS
            .iter()
            .position(|t| *t == q.topic)
            .unwrap_or(TOPICS.len())
    };
    b.items.sort_by_key(|(q, _)| order(q));
    (b.items, b.notes)
}

impl Builder<'_> {
    fn note(
        &mut self,
        code: &'static str,
        topic: &'static str,
        path: String,
        params: Vec<(&'static str, String)>,
    ) {
        self.notes.push(Note {
            code,
            topic,
            path,
            params,
        });
    }

    /// Gives the draft an id (unique in the pool) and adds it.
    fn push(&mut self, d: Draft) {
        let mut parts: Vec<&str> = vec![d.kind.name(), &d.prompt];
        parts.extend(d.options.iter().map(String::as_str));
        let base = format!(
            "{}-{}-{:08x}",
            d.topic,
            id_safe(&d.subject),
            hash(&parts) & 0xffff_ffff
        );
        let mut id = base.clone();
        let mut n = 2;
        while self.items.iter().any(|(q, _)| q.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let q = QuizQuestion {
            id,
            topic: d.topic.to_string(),
            kind: d.kind,
            prompt: d.prompt,
            options: d.options,
            answer: d.answer,
            accepted: Vec::new(),
            explanation: d.explanation,
            clauses: d.clauses,
        };
        self.items.push((q, d.source));
    }

    /// The clause ids among `ids` that the policy has.
    fn existing(&self, ids: &[&str]) -> Vec<String> {
        ids.iter()
            .filter(|id| self.bundle.policy.clause(id).is_some())
            .map(|id| id.to_string())
            .collect()
    }

    /// For each item of a norms list, the clauses its questions cite, or `None` when it is
    /// not asked about: its id repeats an earlier item's (the sources would be ambiguous;
    /// validation reports it), or its clause is not in the policy (noted as `no_clause`
    /// when `note` is set). Every generated question cites the clause it tests.
    fn usable<'i>(
        &mut self,
        topic: &'static str,
        list: &str,
        items: impl Iterator<Item = (&'i str, &'i str)>,
        note: bool,
    ) -> Vec<Option<Vec<String>>> {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for (i, (id, clause)) in items.enumerate() {
            if seen.contains(&id) {
                out.push(None);
                continue;
            }
            seen.push(id);
            let clauses = self.existing(&[clause]);
            if clauses.is_empty() {
                if note {
                    self.note(
                        "no_clause",
                        topic,
                        format!("$.norms.{list}[{i}]"),
                        vec![("subject", id.to_string())],
                    );
                }
                out.push(None);
            } else {
                out.push(Some(clauses));
            }
        }
        out
    }

    // ---------------------------------------------------------------- naming

    fn naming(&mut self) {
        for (i, scheme) in self.bundle.naming.iter().enumerate() {
            let path = format!("$.naming[{i}]");
            let compiled = match compile(scheme, &self.bundle.org) {
                Ok(c) => c,
                Err(errors) => {
                    let problem = errors
                        .first()
                        .map(|e| scheme_error_text(&e.kind, self.lang))
                        .unwrap_or_default();
                    self.note(
                        "scheme_does_not_compile",
                        "naming",
                        path,
                        vec![("scheme", scheme.id.clone()), ("problem", problem)],
                    );
                    continue;
                }
            };
            let clauses: Vec<String> = naming_clause(self.bundle, scheme).into_iter().collect();
            if clauses.is_empty() {
                self.note(
                    "no_clause",
                    "naming",
                    path.clone(),
                    vec![("subject", scheme.id.clone())],
                );
                continue;
            }
            self.scheme_questions(scheme, &compiled, &clauses, &path);
        }
    }

    fn scheme_questions(
        &mut self,
        scheme: &NamingScheme,
        compiled: &Compiled,
        clauses: &[String],
        path: &str,
    ) {
        let lang = self.lang;
        let panel = examples(scheme, &self.bundle.org);
        let shown = |name: &str| {
            !name.is_empty() && name.trim() == name && !name.chars().any(char::is_control)
        };
        let valid: Vec<String> = panel
            .iter()
            .filter(|e| e.ok && shown(&e.name))
            .map(|e| e.name.clone())
            .collect();
        let wrong: Vec<(&'static str, String)> = panel
            .iter()
            .filter(|e| !e.ok && shown(&e.name))
            .map(|e| (e.kind, e.name.clone()))
            .collect();
        if valid.is_empty() {
            self.note(
                "no_valid_name",
                "naming",
                path.to_string(),
                vec![("scheme", scheme.id.clone())],
            );
        }
        let what = scheme_noun(scheme, lang);
        let pattern = labelled_pattern(scheme);
        // The checker's findings in words, the first `limit` different ones (a garbled
        // name has many, and the first says most), and its suggestion.
        let problems_up_to = |name: &str, limit: usize| -> (String, Option<String>) {
            let check = compiled.check(name);
            let mut texts: Vec<String> = Vec::new();
            for v in &check.violations {
                let text = code_text(v.code, &v.params, lang);
                if !texts.contains(&text) {
                    texts.push(text);
                }
            }
            let more = texts.len() > limit;
            texts.truncate(limit);
            let mut joined = words::join(&texts, lang);
            if more {
                joined.push('…');
            }
            (joined, check.suggestion)
        };
        let problems = |name: &str| problems_up_to(name, 3);

        // Which name complies.
        if !wrong.is_empty() {
            for (i, name) in valid.iter().enumerate() {
                let mut others: Vec<(String, ())> = Vec::new();
                for k in 0..wrong.len() {
                    if others.len() == 3 {
                        break;
                    }
                    let (_, w) = &wrong[(3 * i + k) % wrong.len()];
                    add_distinct(&mut others, name, (w.clone(), ()));
                }
                let prompt = words::name_valid_prompt(&what, lang);
                let (options, _, answer) =
                    place((name.clone(), ()), others, &format!("{prompt}{name}"));
                let why: Vec<String> = options
                    .iter()
                    .filter(|o| *o != name)
                    .map(|o| words::name_and_problem(o, &problems_up_to(o, 1).0, lang))
                    .collect();
                let mut sentences = vec![words::name_follows(name, &pattern, lang)];
                sentences.extend(why);
                let explanation = sentences.join(words::sentence_sep(lang));
                self.push(Draft {
                    topic: "naming",
                    subject: format!("valid-{}", scheme.id),
                    kind: Kind::Single,
                    prompt,
                    options,
                    answer: Answer::Index(answer),
                    explanation,
                    clauses: clauses.to_vec(),
                    source: Source::NameValid {
                        scheme: scheme.id.clone(),
                    },
                });
            }
        }

        // What is wrong with a name: its first violation, among kinds it does not have.
        let plausible: Vec<&'static str> = {
            let mut seen: Vec<&'static str> = Vec::new();
            for e in &panel {
                for c in &e.codes {
                    if !seen.contains(c) {
                        seen.push(c);
                    }
                }
            }
            for c in [
                "missing_literal",
                "unknown_value",
                "too_long",
                "forbidden_char",
                "missing_value",
                "forbidden_word",
            ] {
                if let Some(c) = CODES.iter().find(|x| **x == c) {
                    if !seen.contains(c) {
                        seen.push(c);
                    }
                }
            }
            seen
        };
        for (_, name) in &wrong {
            let check = compiled.check(name);
            let mut own: Vec<&'static str> = Vec::new();
            for v in &check.violations {
                if !own.contains(&v.code) {
                    own.push(v.code);
                }
            }
            // Only names with one kind of problem: with several, a single right answer
            // would be a matter of which the checker reports first.
            let [first] = own[..] else {
                continue;
            };
            let right = code_label(first, lang);
            let mut others: Vec<(String, &'static str)> = Vec::new();
            for c in plausible.iter().filter(|c| !own.contains(c)) {
                if others.len() == 3 {
                    break;
                }
                add_distinct(&mut others, &right, (code_label(c, lang), *c));
            }
            if others.is_empty() {
                continue;
            }
            let prompt = words::name_wrong_prompt(&what, name, lang);
            let (options, codes, answer) = place((right, first), others, &prompt);
            let (texts, suggestion) = problems(name);
            self.push(Draft {
                topic: "naming",
                subject: format!("wrong-{}", scheme.id),
                kind: Kind::Single,
                prompt,
                options,
                answer: Answer::Index(answer),
                explanation: words::name_problems(&texts, suggestion.as_deref(), lang),
                clauses: clauses.to_vec(),
                source: Source::NameWrong {
                    scheme: scheme.id.clone(),
                    name: name.clone(),
                    codes,
                },
            });
        }

        // Fix a name: the checker's suggestion.
        for (_, name) in &wrong {
            let (texts, suggestion) = problems(name);
            let Some(fixed) = suggestion else {
                continue;
            };
            self.push(Draft {
                topic: "naming",
                subject: format!("fix-{}", scheme.id),
                kind: Kind::FillIn,
                prompt: words::name_fix_prompt(&what, name, lang),
                options: Vec::new(),
                answer: Answer::Text(fixed.clone()),
                explanation: words::name_problems(&texts, Some(&fixed), lang),
                clauses: clauses.to_vec(),
                source: Source::NameFix {
                    scheme: scheme.id.clone(),
                    name: name.clone(),
                },
            });
        }

        // Does a name comply: the valid names, and the near-misses that look right.
        const LOOKS_RIGHT: &[&str] = &[
            "half_width_brackets",
            "no_brackets",
            "other_dash",
            "full_width_underscore",
            "alias",
            "full_width_digits",
            "lowercase_v",
            "uppercase_extension",
            "whitespace",
        ];
        let statements = valid.iter().map(|n| (n, true)).chain(
            wrong
                .iter()
                .filter(|(kind, _)| LOOKS_RIGHT.contains(kind))
                .map(|(_, n)| (n, false)),
        );
        for (name, ok) in statements {
            let explanation = if ok {
                words::name_follows(name, &pattern, lang)
            } else {
                let (texts, suggestion) = problems(name);
                words::name_problems(&texts, suggestion.as_deref(), lang)
            };
            self.push(Draft {
                topic: "naming",
                subject: format!("check-{}", scheme.id),
                kind: Kind::TrueFalse,
                prompt: words::name_check_prompt(&what, name, lang),
                options: Vec::new(),
                answer: Answer::Bool(ok),
                explanation,
                clauses: clauses.to_vec(),
                source: Source::NameCheck {
                    scheme: scheme.id.clone(),
                    name: name.clone(),
                },
            });
        }
    }

    // ---------------------------------------------------------------- routing

    fn routing(&mut self) {
        let bundle = self.bundle;
        let representative = representative(bundle);
        for (i, t) in bundle.approvals.templates.iter().enumerate() {
            let path = format!("$.approvals.templates[{i}]");
            let clauses = t
                .clause
                .as_deref()
                .map(|c| self.existing(&[c]))
                .unwrap_or_default();
            if clauses.is_empty() {
                self.note(
                    "no_clause",
                    "routing",
                    path.clone(),
                    vec![("subject", t.id.clone())],
                );
                continue;
            }
            let routed: Vec<(Request, Route)> = requests(bundle, t, representative)
                .into_iter()
                .filter_map(|r| {
                    simulate(bundle, &r.template, &r.requester, &r.form)
                        .ok()
                        .map(|route| (r, route))
                })
                .collect();
            if routed.is_empty() {
                self.note(
                    "no_requests",
                    "routing",
                    path,
                    vec![("template", t.id.clone())],
                );
                continue;
            }
            for k in 0..routed.len() {
                self.route_questions(t, &routed, k, &clauses);
            }
        }
    }

    fn person_name(&self, id: &str) -> String {
        self.bundle
            .org
            .person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    /// A route as people read it: names per step, steps in order.
    fn route_text(&self, steps: &[Vec<String>]) -> String {
        if steps.is_empty() {
            return words::no_approval(self.lang).to_string();
        }
        steps
            .iter()
            .map(|s| {
                let names: Vec<String> = s.iter().map(|p| self.person_name(p)).collect();
                names.join(words::list_sep(self.lang))
            })
            .collect::<Vec<_>>()
            .join(" → ")
    }

    fn request_text(&self, t: &Template, r: &Request) -> String {
        let values: Vec<(String, String)> = r
            .form
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| match t.field(k) {
                Some(f) => (f.label.clone(), value_words(f, v, self.lang)),
                None => (k.clone(), v.clone()),
            })
            .collect();
        words::request(&self.person_name(&r.requester), &t.name, &values, self.lang)
    }

    fn route_questions(
        &mut self,
        t: &Template,
        routed: &[(Request, Route)],
        k: usize,
        clauses: &[String],
    ) {
        let lang = self.lang;
        let (req, route) = &routed[k];
        let steps: Vec<Vec<String>> = route.steps.iter().map(|s| s.approvers.clone()).collect();
        let described = self.request_text(t, req);
        let explanation = self.route_explanation(t, route);

        // Who approves, in order.
        let answer_text = self.route_text(&steps);
        let mut candidates: Vec<Vec<Vec<String>>> = Vec::new();
        for (other_req, other) in routed {
            if other_req.requester == req.requester {
                candidates.push(other.steps.iter().map(|s| s.approvers.clone()).collect());
            }
        }
        // The route without the skipping rules: the mistake people make most.
        let naive: Vec<Vec<String>> = route
            .steps
            .iter()
            .map(|s| {
                let mut people = s.approvers.clone();
                for skip in &s.skipped {
                    if skip.reason != "left" && !people.contains(&skip.id) {
                        people.insert(0, skip.id.clone());
                    }
                }
                people
            })
            .collect();
        candidates.push(naive);
        if steps.len() >= 2 {
            let mut swapped = steps.clone();
            swapped.swap(0, 1);
            candidates.push(swapped);
            candidates.push(steps[..steps.len() - 1].to_vec());
            candidates.push(steps[1..].to_vec());
        }
        for (_, other) in routed {
            candidates.push(other.steps.iter().map(|s| s.approvers.clone()).collect());
        }
        let mut wrong: Vec<(String, Vec<Vec<String>>)> = Vec::new();
        for c in candidates {
            if wrong.len() == 3 {
                break;
            }
            let text = self.route_text(&c);
            add_distinct(&mut wrong, &answer_text, (text, c));
        }
        if !wrong.is_empty() {
            let prompt = words::route_approvers_prompt(&described, lang);
            let (options, routes, answer) =
                place((answer_text.clone(), steps.clone()), wrong, &prompt);
            self.push(Draft {
                topic: "routing",
                subject: format!("approvers-{}", t.id),
                kind: Kind::Single,
                prompt,
                options,
                answer: Answer::Index(answer),
                explanation: explanation.clone(),
                clauses: clauses.to_vec(),
                source: Source::RouteApprovers {
                    request: req.clone(),
                    routes,
                },
            });
        }

        // Which people approve.
        let mut approvers: Vec<String> = Vec::new();
        for p in steps.iter().flatten() {
            if !approvers.contains(p) {
                approvers.push(p.clone());
            }
        }
        if !approvers.is_empty() {
            let mut others: Vec<String> = Vec::new();
            let consider = |p: &String, others: &mut Vec<String>| {
                if !approvers.contains(p)
                    && !others.contains(p)
                    && others.len() + approvers.len() < 6
                {
                    others.push(p.clone());
                }
            };
            consider(&req.requester, &mut others);
            for s in &route.steps {
                for skip in &s.skipped {
                    consider(&skip.id, &mut others);
                }
            }
            for (_, other) in routed {
                for p in other.steps.iter().flat_map(|s| &s.approvers) {
                    consider(p, &mut others);
                }
            }
            // Options in the org chart's order, so the right ones are not all first.
            let org = &self.bundle.org;
            let rank = |id: &str| {
                org.people
                    .iter()
                    .position(|p| p.id == id)
                    .unwrap_or(usize::MAX)
            };
            let mut people: Vec<String> = approvers.iter().chain(&others).cloned().collect();
            people.sort_by_key(|p| rank(p));
            let options: Vec<String> = people.iter().map(|p| self.person_name(p)).collect();
            let distinct: BTreeSet<&String> = options.iter().collect();
            if !others.is_empty() && distinct.len() == options.len() {
                let answer: Vec<usize> = people
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| approvers.contains(p))
                    .map(|(i, _)| i)
                    .collect();
                self.push(Draft {
                    topic: "routing",
                    subject: format!("who-{}", t.id),
                    kind: Kind::Multiple,
                    prompt: words::route_who_prompt(&described, lang),
                    options,
                    answer: Answer::Indexes(answer),
                    explanation: explanation.clone(),
                    clauses: clauses.to_vec(),
                    source: Source::RouteWho {
                        request: req.clone(),
                        people,
                    },
                });
            }
        }

        // How many steps.
        let n = steps.len();
        let mut counts: Vec<usize> = vec![n];
        for c in [n + 1, n.wrapping_sub(1), n + 2, n.wrapping_sub(2), n + 3] {
            if counts.len() < 4 && c <= n + 3 && !counts.contains(&c) {
                counts.push(c);
            }
        }
        counts.sort_unstable();
        let answer = counts.iter().position(|&c| c == n).unwrap_or(0);
        self.push(Draft {
            topic: "routing",
            subject: format!("steps-{}", t.id),
            kind: Kind::Single,
            prompt: words::route_steps_prompt(&described, lang),
            options: counts.iter().map(|c| words::step_count(*c, lang)).collect(),
            answer: Answer::Index(answer),
            explanation: explanation.clone(),
            clauses: clauses.to_vec(),
            source: Source::RouteSteps {
                request: req.clone(),
                counts,
            },
        });

        // Which branch of each block the route reached.
        let mut blocks = Vec::new();
        walk_flow(&t.flow, &mut |node| {
            if let FlowNode::Branch(block) = node {
                blocks.push(block);
            }
        });
        for block in blocks {
            let taken = route.trace.iter().find_map(|e| match e.code {
                "branch_taken" if e.param("block") == block.id => {
                    Some(Some(e.param("branch").to_string()))
                }
                "default_taken" if e.param("block") == block.id => Some(None),
                _ => None,
            });
            let Some(taken) = taken else {
                continue;
            };
            let mut options: Vec<String> = block
                .branches
                .iter()
                .map(|b| describe::condition(t, &self.bundle.org, &b.when, lang))
                .collect();
            options.push(words::default_branch(lang).to_string());
            let mut branches: Vec<Option<String>> =
                block.branches.iter().map(|b| Some(b.id.clone())).collect();
            branches.push(None);
            let distinct: BTreeSet<&String> = options.iter().collect();
            if distinct.len() != options.len() || options.iter().any(|o| o.trim().is_empty()) {
                continue;
            }
            let Some(answer) = branches.iter().position(|b| *b == taken) else {
                continue;
            };
            let held: Vec<String> = route
                .trace
                .iter()
                .filter(|e| e.code == "branch" && e.param("block") == block.id)
                .filter_map(|e| {
                    let b = block.branches.iter().find(|b| b.id == e.param("branch"))?;
                    let cond = describe::condition(t, &self.bundle.org, &b.when, lang);
                    Some(words::condition_held(
                        &cond,
                        e.param("held") == "true",
                        lang,
                    ))
                })
                .collect();
            let why = format!(
                "{}{}",
                words::join(&held, lang),
                if taken.is_none() {
                    words::so_default(lang)
                } else {
                    words::full_stop(lang)
                }
            );
            self.push(Draft {
                topic: "routing",
                subject: format!("branch-{}", t.id),
                kind: Kind::Single,
                prompt: words::route_branch_prompt(&described, lang),
                options,
                answer: Answer::Index(answer),
                explanation: format!("{}{}{}", why.trim(), words::sentence_sep(lang), explanation),
                clauses: clauses.to_vec(),
                source: Source::RouteBranch {
                    request: req.clone(),
                    block: block.id.clone(),
                    branches,
                },
            });
        }
    }

    /// The route step by step, with who was skipped and why.
    fn route_explanation(&self, t: &Template, route: &Route) -> String {
        let lang = self.lang;
        let mut names: Vec<(String, String)> = Vec::new();
        walk_flow(&t.flow, &mut |node| {
            if let FlowNode::Step(s) = node {
                names.push((s.id.clone(), s.name.clone()));
            }
        });
        let step_name = |id: &str| {
            names
                .iter()
                .find(|(s, _)| s == id)
                .map_or_else(|| id.to_string(), |(_, n)| n.clone())
        };
        let mut steps: Vec<String> = Vec::new();
        for s in &route.steps {
            let people: Vec<String> = s.approvers.iter().map(|p| self.person_name(p)).collect();
            let mut notes: Vec<String> = s
                .skipped
                .iter()
                .map(|skip| words::skipped(&self.person_name(&skip.id), skip.reason, lang))
                .collect();
            if s.redirected.is_some() {
                notes.push(words::redirected(lang).to_string());
            }
            steps.push(words::route_step(
                &step_name(&s.step),
                &people.join(words::list_sep(lang)),
                &notes,
                lang,
            ));
        }
        let dropped: Vec<String> = route
            .trace
            .iter()
            .filter(|e| e.code == "step_dropped")
            .map(|e| words::dropped(&step_name(e.param("step")), lang))
            .collect();
        words::route_summary(&steps, &dropped, lang)
    }

    // ---------------------------------------------------------------- numbers

    fn numbers(&mut self) {
        let lang = self.lang;
        for n in norms::consistency(self.bundle) {
            let topic = match n.code {
                "shared_situation" => "channels",
                "shared_example" | "shared_holder" => "documents",
                _ => "numbers",
            };
            self.note(n.code, topic, n.path, n.params);
        }
        let numbers = &self.bundle.norms.numbers;
        // A norm citing no clause is noted by the consistency check already.
        let usable = self.usable(
            "numbers",
            "numbers",
            numbers.iter().map(|n| (n.id.as_str(), n.clause.as_str())),
            false,
        );
        for (norm, clauses) in numbers.iter().zip(usable) {
            let Some(clauses) = clauses else {
                continue;
            };
            let title = self
                .bundle
                .policy
                .clause(&norm.clause)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            let right = norm.value.text(lang);
            let explanation = words::number_is(&norm.label, &right, &title, lang);
            let distractors = distractors(&norm.value);
            if distractors.is_empty() {
                continue;
            }
            // The value among its distractors, in order of size.
            let mut values: Vec<Quantity> = distractors.iter().take(3).cloned().collect();
            values.push(norm.value.clone());
            values.sort_by_key(order_key);
            let options: Vec<String> = values.iter().map(|v| v.text(lang)).collect();
            let answer = values.iter().position(|v| *v == norm.value).unwrap_or(0);
            self.push(Draft {
                topic: "numbers",
                subject: format!("value-{}", norm.id),
                kind: Kind::Single,
                prompt: words::number_prompt(&norm.label, lang),
                options,
                answer: Answer::Index(answer),
                explanation: explanation.clone(),
                clauses: clauses.clone(),
                source: Source::Number {
                    norm: norm.id.clone(),
                },
            });
            // A statement, true or false as the norm's id decides.
            let stated = if hash(&[&norm.id]) % 2 == 0 {
                norm.value.clone()
            } else {
                distractors[0].clone()
            };
            self.push(Draft {
                topic: "numbers",
                subject: format!("statement-{}", norm.id),
                kind: Kind::TrueFalse,
                prompt: words::number_statement(&norm.label, &stated.text(lang), lang),
                options: Vec::new(),
                answer: Answer::Bool(stated == norm.value),
                explanation: explanation.clone(),
                clauses: clauses.clone(),
                source: Source::NumberStatement {
                    norm: norm.id.clone(),
                    stated,
                },
            });
            self.time_in_range(norm, &clauses, &explanation);
        }
        self.working_hours();
    }

    /// A time just inside or just outside a time range, as the norm's id decides.
    fn time_in_range(&mut self, norm: &NumberNorm, clauses: &[String], explanation: &str) {
        let Quantity::TimeRange { from, to } = &norm.value else {
            return;
        };
        let (Some(f), Some(t)) = (parse_hhmm(from), parse_hhmm(to)) else {
            return;
        };
        let len = (t + 1440 - f) % 1440;
        if len < 2 || 1440 - len < 2 {
            return;
        }
        let inside = hash(&[&norm.id, "inside"]) % 2 == 0;
        let minute = if inside {
            (f + (len / 2).min(30)) % 1440
        } else {
            (f + 1440 - ((1440 - len) / 2).min(30)) % 1440
        };
        let time = format!("{:02}:{:02}", minute / 60, minute % 60);
        self.push(Draft {
            topic: "numbers",
            subject: format!("time-{}", norm.id),
            kind: Kind::TrueFalse,
            prompt: words::time_in_range(&time, &norm.label, self.lang),
            options: Vec::new(),
            answer: Answer::Bool(in_range(minute, f, t)),
            explanation: explanation.to_string(),
            clauses: clauses.to_vec(),
            source: Source::TimeInRange {
                norm: norm.id.clone(),
                time,
            },
        });
    }

    /// The working hours of the calendar, citing the clause that states them.
    fn working_hours(&mut self) {
        let lang = self.lang;
        let cal = &self.bundle.timing.calendar;
        let (Some(start), Some(end)) = (parse_hhmm(&cal.day_start), parse_hhmm(&cal.day_end))
        else {
            return;
        };
        if end <= start || cal.workdays.is_empty() {
            return;
        }
        let policy = &self.bundle.policy;
        let stated = |id: &str| {
            policy.clause(id).is_some_and(|c| {
                let text = format!("{}\n{}", c.title, c.body);
                norms::contains_time(&text, &cal.day_start)
                    && norms::contains_time(&text, &cal.day_end)
            })
        };
        let clause = if policy.clause("c-hours-working").is_some() {
            Some("c-hours-working".to_string())
        } else {
            policy
                .chapters
                .iter()
                .flat_map(|ch| &ch.clauses)
                .find(|c| stated(&c.id))
                .map(|c| c.id.clone())
        };
        match &clause {
            None => {
                self.note(
                    "no_clause",
                    "numbers",
                    "$.timing.calendar".into(),
                    vec![("subject", "calendar".into())],
                );
                return;
            }
            Some(c) if !stated(c) => self.note(
                "calendar_not_in_clause",
                "numbers",
                "$.timing.calendar".into(),
                vec![
                    ("clause", c.clone()),
                    ("missing", format!("{}–{}", cal.day_start, cal.day_end)),
                ],
            ),
            Some(_) => {}
        }
        let hours =
            |s: u32, e: u32| format!("{:02}:{:02}–{:02}:{:02}", s / 60, s % 60, e / 60, e % 60);
        let right = hours(start, end);
        let mut ranges: Vec<(u32, u32)> = vec![(start, end)];
        for (s, e) in [
            (start.checked_sub(60), end.checked_sub(60)),
            (Some(start + 30), Some(end + 30)),
            (Some(start), end.checked_sub(30)),
            (start.checked_sub(30), Some(end)),
        ] {
            if let (Some(s), Some(e)) = (s, e) {
                if e > s && e < 1440 && !ranges.contains(&(s, e)) && ranges.len() < 4 {
                    ranges.push((s, e));
                }
            }
        }
        ranges.sort_unstable();
        let options: Vec<String> = ranges.iter().map(|(s, e)| hours(*s, *e)).collect();
        let answer = options.iter().position(|o| *o == right).unwrap_or(0);
        let days = words::weekdays(&cal.workdays, lang);
        self.push(Draft {
            topic: "numbers",
            subject: "working-hours".into(),
            kind: Kind::Single,
            prompt: words::working_hours_prompt(&days, lang),
            options,
            answer: Answer::Index(answer),
            explanation: words::working_hours(&days, &right, lang),
            clauses: clause.into_iter().collect(),
            source: Source::WorkingHours,
        });
    }

    // ---------------------------------------------------------------- channels

    fn channels(&mut self) {
        let lang = self.lang;
        let channels = &self.bundle.norms.channels;
        let ambiguous = norms::ambiguous(channels.iter().map(|c| c.situations.as_slice()));
        let names: Vec<&str> = channels.iter().map(|c| c.name.as_str()).collect();
        let distinct_names = names.iter().collect::<BTreeSet<_>>().len() == names.len();
        if channels.len() < 2 || !distinct_names {
            return;
        }
        let usable = self.usable(
            "channels",
            "channels",
            channels.iter().map(|c| (c.id.as_str(), c.clause.as_str())),
            true,
        );
        for (ci, c) in channels.iter().enumerate() {
            let Some(clauses) = usable[ci].clone() else {
                continue;
            };
            for situation in c.situations.iter().map(|s| s.trim()) {
                if situation.is_empty() || ambiguous.iter().any(|a| a == situation) {
                    continue;
                }
                let prompt = words::channel_prompt(situation, lang);
                let options = pick_four(&names, ci, &prompt);
                let Some(answer) = options.iter().position(|o| *o == c.name) else {
                    continue;
                };
                self.push(Draft {
                    topic: "channels",
                    subject: format!("situation-{}", c.id),
                    kind: Kind::Single,
                    prompt,
                    options,
                    answer: Answer::Index(answer),
                    explanation: words::channel_is(situation, &c.name, &c.urgency, lang),
                    clauses: clauses.clone(),
                    source: Source::Channel {
                        channel: c.id.clone(),
                        situation: situation.to_string(),
                    },
                });
            }
        }
        // Urgency: the distinct urgencies, in the order the channels give them.
        let mut urgencies: Vec<&str> = Vec::new();
        for c in channels {
            let u = c.urgency.trim();
            if !u.is_empty() && !urgencies.contains(&u) {
                urgencies.push(u);
            }
        }
        if urgencies.len() < 2 {
            return;
        }
        for (c, clauses) in channels.iter().zip(usable) {
            let Some(clauses) = clauses else {
                continue;
            };
            let u = c.urgency.trim();
            let Some(ui) = urgencies.iter().position(|x| *x == u) else {
                continue;
            };
            let prompt = words::urgency_prompt(&c.name, lang);
            let options = pick_four(&urgencies, ui, &prompt);
            let Some(answer) = options.iter().position(|o| o == u) else {
                continue;
            };
            self.push(Draft {
                topic: "channels",
                subject: format!("urgency-{}", c.id),
                kind: Kind::Single,
                prompt,
                options,
                answer: Answer::Index(answer),
                explanation: words::urgency_is(&c.name, u, lang),
                clauses,
                source: Source::ChannelUrgency {
                    channel: c.id.clone(),
                },
            });
        }
    }

    // ---------------------------------------------------------------- documents

    fn documents(&mut self) {
        let lang = self.lang;
        let levels = &self.bundle.norms.classifications;
        let level_names: Vec<&str> = levels.iter().map(|l| l.name.as_str()).collect();
        let levels_distinct =
            level_names.iter().collect::<BTreeSet<_>>().len() == level_names.len();
        if levels.len() >= 2 && levels_distinct {
            let ambiguous = norms::ambiguous(levels.iter().map(|l| l.examples.as_slice()));
            let usable = self.usable(
                "documents",
                "classifications",
                levels.iter().map(|l| (l.id.as_str(), l.clause.as_str())),
                true,
            );
            for (li, level) in levels.iter().enumerate() {
                let Some(clauses) = usable[li].clone() else {
                    continue;
                };
                for example in level.examples.iter().map(|e| e.trim()) {
                    if example.is_empty() || ambiguous.iter().any(|a| a == example) {
                        continue;
                    }
                    let prompt = words::class_example_prompt(example, lang);
                    let options = pick_four(&level_names, li, &prompt);
                    let Some(answer) = options.iter().position(|o| *o == level.name) else {
                        continue;
                    };
                    self.push(Draft {
                        topic: "documents",
                        subject: format!("class-{}", level.id),
                        kind: Kind::Single,
                        prompt,
                        options,
                        answer: Answer::Index(answer),
                        explanation: words::class_example_is(example, &level.name, lang),
                        clauses: clauses.clone(),
                        source: Source::ClassExample {
                            level: level.id.clone(),
                            example: example.to_string(),
                        },
                    });
                }
            }
            // The order of the levels, among reorderings of it.
            let right: Vec<&str> = level_names.clone();
            let mut orders: Vec<Vec<&str>> = Vec::new();
            let n = right.len();
            let mut reversed = right.clone();
            reversed.reverse();
            orders.push(reversed);
            for (a, b) in [(n / 2 - 1, n / 2), (0, 1), (n - 2, n - 1), (0, n - 1)] {
                let mut o = right.clone();
                o.swap(a, b);
                orders.push(o);
            }
            let text = |o: &[&str]| o.join(" < ");
            let mut wrong: Vec<(String, ())> = Vec::new();
            for o in &orders {
                if wrong.len() < 3 {
                    add_distinct(&mut wrong, &text(&right), (text(o), ()));
                }
            }
            let prompt = words::class_order_prompt(lang).to_string();
            let (options, _, answer) = place((text(&right), ()), wrong, &prompt);
            let mut clause_ids: Vec<&str> = Vec::new();
            for l in levels {
                if !clause_ids.contains(&l.clause.as_str()) {
                    clause_ids.push(&l.clause);
                }
            }
            let clauses = self.existing(&clause_ids);
            if !clauses.is_empty() {
                self.push(Draft {
                    topic: "documents",
                    subject: "class-order".into(),
                    kind: Kind::Single,
                    prompt,
                    options,
                    answer: Answer::Index(answer),
                    explanation: words::class_order_is(&text(&right), lang),
                    clauses,
                    source: Source::ClassOrder,
                });
            }
        }

        let permissions = &self.bundle.norms.permissions;
        // Every action any level allows, in the order first given.
        let mut actions: Vec<&str> = Vec::new();
        for p in permissions {
            for a in p.actions.iter().map(|a| a.trim()) {
                if !a.is_empty() && !actions.contains(&a) {
                    actions.push(a);
                }
            }
        }
        let usable = self.usable(
            "documents",
            "permissions",
            permissions
                .iter()
                .map(|p| (p.id.as_str(), p.clause.as_str())),
            true,
        );
        for (p, clauses) in permissions.iter().zip(&usable) {
            let Some(clauses) = clauses.clone() else {
                continue;
            };
            let own: Vec<&str> = p
                .actions
                .iter()
                .map(|a| a.trim())
                .filter(|a| !a.is_empty())
                .collect();
            if own.is_empty() || actions.len() < 2 {
                continue;
            }
            let answer: Vec<usize> = actions
                .iter()
                .enumerate()
                .filter(|(_, a)| own.contains(a))
                .map(|(i, _)| i)
                .collect();
            let listed: Vec<String> = actions
                .iter()
                .filter(|a| own.contains(a))
                .map(|a| a.to_string())
                .collect();
            self.push(Draft {
                topic: "documents",
                subject: format!("actions-{}", p.id),
                kind: Kind::Multiple,
                prompt: words::actions_prompt(&p.name, lang),
                options: actions.iter().map(|a| a.to_string()).collect(),
                answer: Answer::Indexes(answer),
                explanation: words::actions_are(&p.name, &words::join_list(&listed, lang), lang),
                clauses,
                source: Source::PermissionActions {
                    level: p.id.clone(),
                },
            });
        }
        let names: Vec<&str> = permissions.iter().map(|p| p.name.as_str()).collect();
        let distinct = names.iter().collect::<BTreeSet<_>>().len() == names.len();
        if permissions.len() >= 2 && distinct {
            let ambiguous = norms::ambiguous(permissions.iter().map(|p| p.holders.as_slice()));
            for (pi, p) in permissions.iter().enumerate() {
                let Some(clauses) = usable[pi].clone() else {
                    continue;
                };
                for holder in p.holders.iter().map(|h| h.trim()) {
                    if holder.is_empty() || ambiguous.iter().any(|a| a == holder) {
                        continue;
                    }
                    let prompt = words::holder_prompt(holder, lang);
                    let options = pick_four(&names, pi, &prompt);
                    let Some(answer) = options.iter().position(|o| *o == p.name) else {
                        continue;
                    };
                    self.push(Draft {
                        topic: "documents",
                        subject: format!("holder-{}", p.id),
                        kind: Kind::Single,
                        prompt,
                        options,
                        answer: Answer::Index(answer),
                        explanation: words::holder_is(holder, &p.name, lang),
                        clauses: clauses.clone(),
                        source: Source::PermissionHolder {
                            level: p.id.clone(),
                            holder: holder.to_string(),
                        },
                    });
                }
            }
        }
    }

    // ---------------------------------------------------------------- custom

    fn custom(&mut self) {
        for (i, q) in self.bundle.quiz.questions.iter().enumerate() {
            if !authored_fits(&q.kind) {
                self.note(
                    "authored_invalid",
                    "custom",
                    format!("$.quiz.questions[{i}]"),
                    vec![("id", q.id.clone())],
                );
                continue;
            }
            let mut quiz = QuizQuestion::from_authored(q);
            quiz.clauses
                .retain(|c| self.bundle.policy.clause(c).is_some());
            if self.items.iter().any(|(x, _)| x.id == quiz.id) {
                quiz.id = format!("custom-{}", id_safe(&quiz.id));
            }
            self.items
                .push((quiz, Source::Authored { id: q.id.clone() }));
        }
    }
}

/// Whether an author's question can be asked as written: answers among the options,
/// options not repeated, a fill-in with an answer.
fn authored_fits(kind: &QuestionKind) -> bool {
    let distinct =
        |options: &[String]| options.iter().collect::<BTreeSet<_>>().len() == options.len();
    match kind {
        QuestionKind::Single { options, answer } => *answer < options.len() && distinct(options),
        QuestionKind::Multiple { options, answers } => {
            answers.iter().all(|a| *a < options.len()) && distinct(options)
        }
        QuestionKind::TrueFalse { .. } => true,
        QuestionKind::FillIn { accepted } => accepted.iter().any(|a| !a.trim().is_empty()),
    }
}

/// Up to four of `items`, in their order, always with item `keep`; when there are more,
/// which ones are left out is drawn from `key`.
fn pick_four(items: &[&str], keep: usize, key: &str) -> Vec<String> {
    let mut others: Vec<usize> = (0..items.len()).filter(|&i| i != keep).collect();
    let mut h = hash(&[key]);
    while others.len() > 3 {
        let drop = (h % others.len() as u64) as usize;
        others.remove(drop);
        h = h.rotate_left(17) ^ 0x9e37_79b9_7f4a_7c15;
    }
    others.push(keep);
    others.sort_unstable();
    others
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|s| s.to_string())
        .collect()
}

/// Whether `minute` (after midnight) falls within `from`–`to`, a range that runs overnight
/// when `to` is earlier; the start counts, the end does not.
pub fn in_range(minute: u32, from: u32, to: u32) -> bool {
    if from <= to {
        (from..to).contains(&minute)
    } else {
        minute >= from || minute < to
    }
}

/// Wrong values for a norm, best first: half (rounded down), double, the same amount in a
/// neighbouring unit, triple, one more, one less; for a time range, the range an hour wider
/// or narrower at either end. Never the value itself, each once.
fn distractors(value: &Quantity) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut add = |q: Quantity| {
        if q != *value && !out.contains(&q) {
            out.push(q);
        }
    };
    match value {
        Quantity::Duration { amount, unit } => {
            let (a, u) = (*amount, *unit);
            if a >= 2 {
                add(Quantity::Duration {
                    amount: a / 2,
                    unit: u,
                });
            }
            if let Some(d) = a.checked_mul(2) {
                add(Quantity::Duration { amount: d, unit: u });
            }
            let neighbours: &[Unit] = match u {
                Unit::Minutes => &[Unit::Hours],
                Unit::Hours => &[Unit::Minutes, Unit::WorkingDays],
                Unit::WorkingDays => &[Unit::Days, Unit::Hours],
                Unit::Days => &[Unit::WorkingDays, Unit::Months],
                Unit::Months => &[Unit::Years, Unit::Days],
                Unit::Years => &[Unit::Months],
            };
            for n in neighbours {
                add(Quantity::Duration {
                    amount: a,
                    unit: *n,
                });
            }
            if let Some(t) = a.checked_mul(3) {
                add(Quantity::Duration { amount: t, unit: u });
            }
            add(Quantity::Duration {
                amount: a.saturating_add(1),
                unit: u,
            });
            if a > 1 {
                add(Quantity::Duration {
                    amount: a - 1,
                    unit: u,
                });
            }
        }
        Quantity::TimeRange { from, to } => {
            let (Some(f), Some(t)) = (parse_hhmm(from), parse_hhmm(to)) else {
                return out;
            };
            let hhmm = |m: u32| format!("{:02}:{:02}", (m % 1440) / 60, m % 60);
            for (df, dt) in [
                (1440 - 60, 0),
                (0, 60),
                (60, 1440 - 60),
                (60, 60),
                (1440 - 60, 1440 - 60),
            ] {
                add(Quantity::TimeRange {
                    from: hhmm(f + df),
                    to: hhmm(t + dt),
                });
            }
        }
    }
    out
}

/// Orders values by size: durations by their length (ties by unit), time ranges by start.
fn order_key(q: &Quantity) -> (u64, usize, u32) {
    match q {
        Quantity::Duration { amount, unit } => (
            u64::from(*amount) * unit.approx_minutes(),
            Unit::ALL.iter().position(|u| u == unit).unwrap_or(0),
            0,
        ),
        Quantity::TimeRange { from, to } => (
            u64::from(parse_hhmm(from).unwrap_or(0)),
            0,
            parse_hhmm(to).unwrap_or(0),
        ),
    }
}

/// Keeps the characters an id reads well with.
fn id_safe(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The scheme's name as a noun inside a sentence (`group name` in English).
fn scheme_noun(scheme: &NamingScheme, lang: Lang) -> String {
    let name = scheme.name.trim();
    match lang {
        Lang::Zh => name.to_string(),
        Lang::En => {
            let mut chars = name.chars();
            let second_lower = name.chars().nth(1).is_some_and(|c| !c.is_ascii_uppercase());
            match chars.next() {
                Some(c) if c.is_ascii_uppercase() && second_lower => {
                    format!("{}{}", c.to_ascii_lowercase(), chars.as_str())
                }
                _ => name.to_string(),
            }
        }
    }
}

/// The scheme's pattern with its components' labels: `【部门】-【项目/事项】-【群类型】`.
fn labelled_pattern(scheme: &NamingScheme) -> String {
    scheme
        .components
        .iter()
        .map(|c| match c {
            Component::Literal { text } => text.clone(),
            other => other.label().to_string(),
        })
        .collect()
}

/// The clause a scheme's questions cite: the scheme's own, else the first clause whose text
/// holds the scheme's pattern (as written in the file, or with its labels) or its name,
/// else `c-groups-naming` for the scheme `group` and `c-files-naming` for `document`.
fn naming_clause(bundle: &Bundle, scheme: &NamingScheme) -> Option<String> {
    let policy = &bundle.policy;
    if let Some(c) = scheme
        .clause
        .as_deref()
        .filter(|c| policy.clause(c).is_some())
    {
        return Some(c.to_string());
    }
    let needles: Vec<String> = [
        scheme.pattern(),
        labelled_pattern(scheme),
        scheme.name.trim().to_string(),
    ]
    .into_iter()
    .filter(|n| n.chars().count() >= 2)
    .collect();
    let clauses = || policy.chapters.iter().flat_map(|ch| &ch.clauses);
    for needle in &needles {
        if let Some(c) = clauses()
            .find(|c| c.body.contains(needle.as_str()) || c.title.contains(needle.as_str()))
        {
            return Some(c.id.clone());
        }
    }
    let fallback = match scheme.id.as_str() {
        "group" => "c-groups-naming",
        "document" => "c-files-naming",
        _ => return None,
    };
    policy.clause(fallback).map(|_| fallback.to_string())
}

/// The requester whose requests show a route best: an active person with the longest chain
/// of supervisors (an ordinary employee), the first in the org chart among equals.
fn representative(bundle: &Bundle) -> Option<&str> {
    let ix = OrgIndex::new(&bundle.org);
    let limit = bundle.org.people.len();
    let depth = |id: &str| {
        let mut d = 0;
        let mut current = ix.person(id).and_then(|p| p.supervisor.as_deref());
        while let Some(s) = current {
            d += 1;
            if d > limit {
                break;
            }
            current = ix.person(s).and_then(|p| p.supervisor.as_deref());
        }
        d
    };
    let mut best: Option<(&str, usize)> = None;
    for p in bundle
        .org
        .people
        .iter()
        .filter(|p| p.status == Status::Active)
    {
        let d = depth(&p.id);
        if best.is_none_or(|(_, bd)| d > bd) {
            best = Some((&p.id, d));
        }
    }
    best.map(|(id, _)| id)
}

/// The requests a template's questions are about: its route fixtures without picks, then
/// requests from the representative requester, a base form and the form with one compared
/// field changed (every select option; numbers on both sides of each threshold). Each
/// request once.
fn requests(bundle: &Bundle, t: &Template, representative: Option<&str>) -> Vec<Request> {
    let mut out: Vec<Request> = Vec::new();
    let mut seen: BTreeSet<(String, Vec<(String, String)>)> = BTreeSet::new();
    let mut add = |r: Request, out: &mut Vec<Request>| {
        let mut key: Vec<(String, String)> = r
            .form
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .cloned()
            .collect();
        key.sort();
        if seen.insert((r.requester.clone(), key)) {
            out.push(r);
        }
    };
    let in_field_order = |mut form: Vec<(String, String)>| {
        form.sort_by_key(|(k, _)| {
            t.fields
                .iter()
                .position(|f| f.id == *k)
                .unwrap_or(usize::MAX)
        });
        form
    };
    for f in bundle
        .fixtures
        .iter()
        .filter(|f| f.template == t.id && f.picks.is_empty() && !f.expect.refused)
    {
        if let Ok(form) = fixture_form(f) {
            add(
                Request {
                    template: t.id.clone(),
                    requester: f.requester.clone(),
                    form: in_field_order(form),
                },
                &mut out,
            );
        }
    }
    let Some(requester) = representative else {
        return out;
    };
    let compared = compared_values(t);
    let base: Vec<(String, String)> = t
        .fields
        .iter()
        .filter_map(|f| {
            let values = compared
                .iter()
                .find(|(id, _)| *id == f.id)
                .map(|(_, v)| v.as_slice())
                .unwrap_or(&[]);
            let needed = f.required || !values.is_empty();
            if !needed {
                return None;
            }
            base_value(f, values, bundle.settings.lang).map(|v| (f.id.clone(), v))
        })
        .collect();
    let request = |form: Vec<(String, String)>| Request {
        template: t.id.clone(),
        requester: requester.to_string(),
        form,
    };
    add(request(base.clone()), &mut out);
    for f in &t.fields {
        let Some((_, values)) = compared.iter().find(|(id, _)| *id == f.id) else {
            continue;
        };
        for v in variants(f, values) {
            let mut form = base.clone();
            match form.iter_mut().find(|(k, _)| *k == f.id) {
                Some(slot) => slot.1 = v,
                None => form.push((f.id.clone(), v)),
            }
            add(request(in_field_order(form)), &mut out);
        }
    }
    out
}

/// For each field the template's conditions look at: the operators and values they
/// compare it with.
fn compared_values(t: &Template) -> Vec<(String, Vec<(Op, Value)>)> {
    let mut out: Vec<(String, Vec<(Op, Value)>)> = Vec::new();
    walk_flow(&t.flow, &mut |node| {
        if let FlowNode::Branch(block) = node {
            for p in block
                .branches
                .iter()
                .flat_map(|b| b.when.any_of.iter().flatten())
            {
                if let (Subject::Field(f), Some(v)) = (&p.subject, &p.value) {
                    match out.iter_mut().find(|(id, _)| id == f) {
                        Some((_, list)) => list.push((p.op, v.clone())),
                        None => out.push((f.clone(), vec![(p.op, v.clone())])),
                    }
                }
            }
        }
    });
    out
}

/// The unit a number or money field moves in, and whether it is money.
fn unit_of(kind: &FieldKind) -> Option<(f64, bool)> {
    match kind {
        FieldKind::Number { step, .. } => Some((
            step.filter(|s| s.is_finite() && *s > 0.0).unwrap_or(1.0),
            false,
        )),
        FieldKind::Money { .. } => Some((0.01, true)),
        _ => None,
    }
}

/// Whether `x` is a value the number or money field accepts.
fn fits(kind: &FieldKind, x: f64) -> bool {
    let (min, max, excl) = match kind {
        FieldKind::Number {
            min,
            max,
            min_exclusive,
            ..
        }
        | FieldKind::Money {
            min,
            max,
            min_exclusive,
        } => (*min, *max, *min_exclusive),
        _ => return false,
    };
    let Some((unit, _)) = unit_of(kind) else {
        return false;
    };
    let on_step = ((x / unit) - (x / unit).round()).abs() < 1e-6;
    x.is_finite()
        && on_step
        && min.is_none_or(|m| if excl { x > m } else { x >= m })
        && max.is_none_or(|m| x <= m)
}

/// `k` units written as people type them (`5000.01`, `3.5`).
fn render(k: i64, unit: f64, money: bool) -> String {
    if money {
        let (whole, cents) = (k.div_euclid(100), k.rem_euclid(100));
        if cents == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{cents:02}")
        }
    } else {
        describe::format_number(k as f64 * unit)
    }
}

/// The thresholds a number field is compared with.
fn thresholds(values: &[(Op, Value)]) -> Vec<(Op, f64)> {
    let mut out = Vec::new();
    for (op, v) in values {
        match v {
            Value::Number(n) if n.is_finite() => out.push((*op, *n)),
            Value::List(items) => {
                for item in items {
                    if let Value::Number(n) = item {
                        if n.is_finite() {
                            out.push((*op, *n));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A plain value for a field, below every threshold it is compared with.
fn base_value(f: &Field, compared: &[(Op, Value)], lang: Lang) -> Option<String> {
    match &f.kind {
        FieldKind::Number { .. } | FieldKind::Money { .. } => {
            let (unit, money) = unit_of(&f.kind)?;
            let lowest = thresholds(compared)
                .iter()
                .map(|(_, t)| *t)
                .fold(f64::INFINITY, f64::min);
            let candidates: [f64; 6] = if money {
                [800.0, 100.0, 1.0, lowest / 2.0, unit, 0.0]
            } else {
                [1.0, unit, 2.0, lowest / 2.0, 0.0, 10.0]
            };
            let below = candidates
                .iter()
                .copied()
                .find(|x| fits(&f.kind, *x) && *x < lowest);
            let any = || candidates.iter().copied().find(|x| fits(&f.kind, *x));
            let x = below.or_else(any)?;
            Some(render((x / unit).round() as i64, unit, money))
        }
        FieldKind::Select { options } => options.first().map(|o| o.value.clone()),
        FieldKind::Text { .. } => Some(words::handover(lang).to_string()),
        FieldKind::Date => Some("2026-03-02".into()),
        FieldKind::YesNo => Some("no".into()),
        FieldKind::Attachment => Some("fapiao.pdf".into()),
    }
}

/// Values of a compared field worth routing: every select option, yes and no, each value a
/// text or date is compared with, and numbers on both sides of each threshold (`5000` and
/// `5000.01` for `> 5000`).
fn variants(f: &Field, compared: &[(Op, Value)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |v: String| {
        if !out.contains(&v) {
            out.push(v);
        }
    };
    match &f.kind {
        FieldKind::Number { .. } | FieldKind::Money { .. } => {
            let Some((unit, money)) = unit_of(&f.kind) else {
                return out;
            };
            for (op, t) in thresholds(compared) {
                let k = (t / unit).round() as i64;
                let ks: &[i64] = match op {
                    Op::Ge | Op::Lt => &[k.saturating_sub(1), k],
                    _ => &[k, k.saturating_add(1)],
                };
                for &k in ks {
                    if fits(&f.kind, k as f64 * unit) {
                        add(render(k, unit, money));
                    }
                }
            }
        }
        FieldKind::Select { options } => {
            for o in options {
                add(o.value.clone());
            }
        }
        FieldKind::YesNo => {
            add("yes".into());
            add("no".into());
        }
        _ => {
            for (_, v) in compared {
                if let Value::Text(s) = v {
                    add(s.clone());
                }
            }
        }
    }
    out
}

/// A form value as people read it: a select option by its label, yes/no and attachments in
/// words.
fn value_words(f: &Field, v: &str, lang: Lang) -> String {
    match &f.kind {
        FieldKind::Select { options } => options
            .iter()
            .find(|o| o.value == v)
            .map_or_else(|| v.to_string(), |o| o.label.clone()),
        FieldKind::YesNo => words::yes_no(v == "yes", lang).to_string(),
        FieldKind::Attachment => words::attached(lang).to_string(),
        _ => v.to_string(),
    }
}

/// The words of the questions, in both languages.
mod words {
    use crate::core::lang::Lang;

    fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn list_sep(lang: Lang) -> &'static str {
        pick(lang, "、", ", ")
    }

    pub fn colon(lang: Lang) -> &'static str {
        pick(lang, "：", ": ")
    }

    /// Sentences or clauses joined: `；` in Chinese, `; ` in English.
    pub fn join(items: &[String], lang: Lang) -> String {
        items.join(pick(lang, "；", "; "))
    }

    /// Items of a list joined: `、` in Chinese, `, ` in English.
    pub fn join_list(items: &[String], lang: Lang) -> String {
        items.join(list_sep(lang))
    }

    pub fn name_valid_prompt(what: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("以下哪个{what}符合命名规则？"),
            Lang::En => format!("Which of these is a correct {what}?"),
        }
    }

    pub fn name_wrong_prompt(what: &str, name: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{what}「{name}」有什么问题？"),
            Lang::En => format!("What is wrong with the {what} “{name}”?"),
        }
    }

    pub fn name_fix_prompt(what: &str, name: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{what}「{name}」不符合规则，请写出改正后的名称。"),
            Lang::En => format!("The {what} “{name}” breaks the rule. Write it correctly."),
        }
    }

    pub fn name_check_prompt(what: &str, name: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("判断：「{name}」是符合规则的{what}。"),
            Lang::En => format!("True or false: “{name}” is a correct {what}."),
        }
    }

    pub fn name_follows(name: &str, pattern: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("「{name}」符合格式 {pattern}。"),
            Lang::En => format!("“{name}” follows the pattern {pattern}."),
        }
    }

    pub fn name_and_problem(name: &str, problem: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("「{name}」：{problem}。"),
            Lang::En => format!("“{name}”: {problem}."),
        }
    }

    pub fn name_problems(problems: &str, suggestion: Option<&str>, lang: Lang) -> String {
        let mut out = match lang {
            Lang::Zh => format!("问题：{problems}。"),
            Lang::En => format!("What is wrong: {problems}."),
        };
        if let Some(s) = suggestion {
            out.push_str(&match lang {
                Lang::Zh => format!("改正后为「{s}」。"),
                Lang::En => format!(" Corrected: “{s}”."),
            });
        }
        out
    }

    pub fn no_approval(lang: Lang) -> &'static str {
        pick(lang, "无需审批", "No approval needed")
    }

    pub fn request(
        requester: &str,
        template: &str,
        values: &[(String, String)],
        lang: Lang,
    ) -> String {
        let fields: Vec<String> = values
            .iter()
            .map(|(k, v)| format!("{k}{}{v}", colon(lang)))
            .collect();
        match lang {
            Lang::Zh if fields.is_empty() => format!("{requester}发起「{template}」审批。"),
            Lang::Zh => format!(
                "{requester}发起「{template}」审批（{}）。",
                fields.join("；")
            ),
            Lang::En if fields.is_empty() => {
                format!("{requester} submits the approval form “{template}”.")
            }
            Lang::En => format!(
                "{requester} submits the approval form “{template}” ({}).",
                fields.join("; ")
            ),
        }
    }

    pub fn route_approvers_prompt(request: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{request}该申请依次由谁审批？"),
            Lang::En => format!("{request} Who approves it, in order?"),
        }
    }

    pub fn route_who_prompt(request: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{request}以下哪些人需要审批该申请？（多选）"),
            Lang::En => {
                format!("{request} Which of these people approve it? (choose all that apply)")
            }
        }
    }

    pub fn route_steps_prompt(request: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{request}该申请共经过几个审批步骤？"),
            Lang::En => format!("{request} How many approval steps does it go through?"),
        }
    }

    pub fn route_branch_prompt(request: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{request}分支条件按顺序判断，该申请走哪一条分支？"),
            Lang::En => format!("{request} Branches are checked in order: which one does it take?"),
        }
    }

    pub fn step_count(n: usize, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{n} 个"),
            Lang::En => n.to_string(),
        }
    }

    pub fn default_branch(lang: Lang) -> &'static str {
        pick(
            lang,
            "以上条件均不满足（默认分支）",
            "None of these (the default)",
        )
    }

    pub fn condition_held(condition: &str, held: bool, lang: Lang) -> String {
        match (lang, held) {
            (Lang::Zh, true) => format!("「{condition}」成立，走此分支"),
            (Lang::Zh, false) => format!("「{condition}」不成立"),
            (Lang::En, true) => format!("“{condition}” holds, so that branch is taken"),
            (Lang::En, false) => format!("“{condition}” does not hold"),
        }
    }

    /// Between two sentences: nothing in Chinese, a space in English.
    pub fn sentence_sep(lang: Lang) -> &'static str {
        pick(lang, "", " ")
    }

    pub fn full_stop(lang: Lang) -> &'static str {
        pick(lang, "。", ".")
    }

    pub fn so_default(lang: Lang) -> &'static str {
        pick(
            lang,
            "；均不成立，走默认分支。",
            "; none holds, so the default is taken.",
        )
    }

    pub fn skipped(name: &str, reason: &str, lang: Lang) -> String {
        let why = match reason {
            "self" => pick(lang, "申请人本人", "the requester"),
            "duplicate" => pick(lang, "上一步已审批", "approved in the step before"),
            "left" => pick(lang, "已离职", "has left"),
            _ => "",
        };
        match lang {
            Lang::Zh => format!("跳过{name}：{why}"),
            Lang::En => format!("{name} skipped: {why}"),
        }
    }

    pub fn redirected(lang: Lang) -> &'static str {
        pick(lang, "转审批管理员", "sent to the approval administrators")
    }

    /// One step of a route: `直属上级（刘洋）`, `Department head (Chen Gang; ...)`.
    pub fn route_step(step: &str, people: &str, notes: &[String], lang: Lang) -> String {
        let mut inside = vec![people.to_string()];
        inside.extend(notes.iter().cloned());
        match lang {
            Lang::Zh => format!("{step}（{}）", inside.join("；")),
            Lang::En => format!("{step} ({})", inside.join("; ")),
        }
    }

    pub fn dropped(step: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{step}”的审批人均被跳过，该步骤略去。"),
            Lang::En => format!("Everyone in “{step}” was skipped, so the step is dropped."),
        }
    }

    pub fn route_summary(steps: &[String], dropped: &[String], lang: Lang) -> String {
        let mut out = match (lang, steps.is_empty()) {
            (Lang::Zh, true) => "无需审批。".to_string(),
            (Lang::Zh, false) => format!("审批路径：{}。", steps.join(" → ")),
            (Lang::En, true) => "No approval is needed.".to_string(),
            (Lang::En, false) => format!("Route: {}.", steps.join(" → ")),
        };
        for d in dropped {
            if lang == Lang::En {
                out.push(' ');
            }
            out.push_str(d);
        }
        out
    }

    pub fn number_prompt(label: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("按照本规范，{label}是？"),
            Lang::En => format!("Under the usage code, what is the {label}?"),
        }
    }

    pub fn number_statement(label: &str, value: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("判断：按照本规范，{label}为 {value}。"),
            Lang::En => format!("True or false: under the usage code, the {label} is {value}."),
        }
    }

    pub fn number_is(label: &str, value: &str, clause_title: &str, lang: Lang) -> String {
        match (lang, clause_title.is_empty()) {
            (Lang::Zh, true) => format!("{label}为 {value}。"),
            (Lang::Zh, false) => format!("{label}为 {value}（见“{clause_title}”）。"),
            (Lang::En, true) => format!("The {label} is {value}."),
            (Lang::En, false) => format!("The {label} is {value} (see “{clause_title}”)."),
        }
    }

    pub fn time_in_range(time: &str, label: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("判断：{time} 处于{label}之内。"),
            Lang::En => format!("True or false: {time} falls within the {label}."),
        }
    }

    pub fn weekdays(days: &[u8], lang: Lang) -> String {
        const ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let mut sorted: Vec<u8> = days
            .iter()
            .copied()
            .filter(|d| (1..=7).contains(d))
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        let name = |d: u8| {
            let i = usize::from(d.saturating_sub(1)).min(6);
            match lang {
                Lang::Zh => ZH[i],
                Lang::En => EN[i],
            }
        };
        let consecutive = sorted.windows(2).all(|w| w[1] == w[0] + 1);
        match (sorted.first(), sorted.last()) {
            (Some(&a), Some(&b)) if consecutive && sorted.len() >= 3 => match lang {
                Lang::Zh => format!("{}至{}", name(a), name(b)),
                Lang::En => format!("{} to {}", name(a), name(b)),
            },
            _ => sorted
                .iter()
                .map(|d| name(*d))
                .collect::<Vec<_>>()
                .join(list_sep(lang)),
        }
    }

    pub fn working_hours_prompt(days: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("按照本规范，工作日（{days}）的工作时间是？"),
            Lang::En => format!(
                "Under the usage code, what are the working hours on working days ({days})?"
            ),
        }
    }

    pub fn working_hours(days: &str, hours: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("工作时间为{days} {hours}。"),
            Lang::En => format!("Working hours are {days}, {hours}."),
        }
    }

    pub fn channel_prompt(situation: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{situation}”应使用哪种沟通渠道？"),
            Lang::En => format!("Which channel is the one for this: {situation}?"),
        }
    }

    pub fn channel_is(situation: &str, channel: &str, urgency: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{situation}”应使用{channel}（紧急程度：{urgency}）。"),
            Lang::En => format!("{situation}: {channel} (urgency: {urgency})."),
        }
    }

    pub fn urgency_prompt(channel: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("渠道“{channel}”对应的紧急程度是？"),
            Lang::En => format!("What urgency does the channel “{channel}” carry?"),
        }
    }

    pub fn urgency_is(channel: &str, urgency: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{channel}”的紧急程度为：{urgency}。"),
            Lang::En => format!("The urgency of “{channel}” is: {urgency}."),
        }
    }

    pub fn class_example_prompt(example: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{example}”一般应定为哪一密级？"),
            Lang::En => format!("Which secrecy level does this usually get: {example}?"),
        }
    }

    pub fn class_example_is(example: &str, level: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{example}”属于{level}级。"),
            Lang::En => format!("{example}: {level}."),
        }
    }

    pub fn class_order_prompt(lang: Lang) -> &'static str {
        pick(
            lang,
            "以下哪一项是密级从低到高的正确顺序？",
            "Which lists the secrecy levels from the least to the most secret?",
        )
    }

    pub fn class_order_is(order: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("密级从低到高依次为：{order}。"),
            Lang::En => format!("From the least to the most secret: {order}."),
        }
    }

    pub fn actions_prompt(level: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{level}”权限可以执行哪些操作？（多选）"),
            Lang::En => {
                format!("What does the permission level “{level}” allow? (choose all that apply)")
            }
        }
    }

    pub fn actions_are(level: &str, actions: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{level}”可以：{actions}。"),
            Lang::En => format!("“{level}” allows: {actions}."),
        }
    }

    pub fn holder_prompt(holder: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{holder}”一般应授予哪一级文档权限？"),
            Lang::En => {
                format!("Which document permission level is typically granted to: {holder}?")
            }
        }
    }

    pub fn holder_is(holder: &str, level: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{holder}”一般授予“{level}”权限。"),
            Lang::En => format!("{holder}: “{level}”."),
        }
    }

    pub fn handover(lang: Lang) -> &'static str {
        pick(lang, "见附件说明", "See the attached note")
    }

    pub fn yes_no(yes: bool, lang: Lang) -> &'static str {
        match (yes, lang) {
            (true, Lang::Zh) => "是",
            (false, Lang::Zh) => "否",
            (true, Lang::En) => "yes",
            (false, Lang::En) => "no",
        }
    }

    pub fn attached(lang: Lang) -> &'static str {
        pick(lang, "已上传", "attached")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overnight_ranges() {
        let (f, t) = (21 * 60, 7 * 60);
        assert!(in_range(21 * 60 + 30, f, t));
        assert!(in_range(0, f, t));
        assert!(!in_range(7 * 60, f, t));
        assert!(!in_range(20 * 60 + 30, f, t));
        assert!(in_range(9 * 60, 9 * 60, 18 * 60));
        assert!(!in_range(18 * 60, 9 * 60, 18 * 60));
    }

    #[test]
    fn distractors_never_equal_the_value() {
        for unit in Unit::ALL {
            for amount in [1, 2, 3, 6, 30, u32::MAX] {
                let v = Quantity::Duration { amount, unit };
                let d = distractors(&v);
                assert!(d.len() >= 3, "{v:?}: {d:?}");
                assert!(!d.contains(&v));
            }
        }
        let v = Quantity::TimeRange {
            from: "21:00".into(),
            to: "07:00".into(),
        };
        let d = distractors(&v);
        assert_eq!(d[0].text(Lang::Zh), "20:00–07:00");
        assert!(d.len() >= 3 && !d.contains(&v));
    }

    #[test]
    fn four_picked_keep_the_kept_one() {
        let items = ["a", "b", "c", "d", "e"];
        for keep in 0..5 {
            let four = pick_four(&items, keep, "key");
            assert_eq!(four.len(), 4);
            assert!(four.contains(&items[keep].to_string()));
        }
        assert_eq!(pick_four(&items[..2], 1, "k"), vec!["a", "b"]);
    }

    #[test]
    fn money_and_halves_render_as_typed() {
        assert_eq!(render(500_001, 0.01, true), "5000.01");
        assert_eq!(render(500_000, 0.01, true), "5000");
        assert_eq!(render(7, 0.5, false), "3.5");
    }
}
