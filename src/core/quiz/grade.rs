//! Grading: whether an answer is right, and a score for a whole quiz.
//!
//! The rules, the same wherever a quiz is taken (the employee page, `ppg quiz grade`, a
//! trainer re-checking a handed-in result):
//! - single choice: the same option index;
//! - multiple choice: the same set of options, all or nothing (order and repeats do not
//!   matter);
//! - true/false: the same value;
//! - fill-in: the same text as the answer or any accepted alternative after
//!   [`normalize_text`] (surrounding spaces, case, full-width forms and runs of spaces do not
//!   matter); a blank answer is never right;
//! - an answer of the wrong shape (text for a single choice question, a number for a fill-in
//!   question…) is simply wrong, and so is an unanswered question;
//! - answers for ids the quiz does not have are ignored, and listed in
//!   [`Graded::unknown_answers`] so a caller can warn about a mismatched answers file;
//! - the score is the share of right answers in percent, rounded half up to a whole number;
//!   a quiz passes when that rounded score is at least the pass mark. A quiz without
//!   questions scores 0 and never passes.
//!
//! This module also reads the files of `ppg quiz grade` ([`read_quiz`], [`read_answers`]),
//! with errors that name the JSON position.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::paper::{Answer, Kind, QuizQuestion};
use crate::core::json_path::{self, JsonPath, PathSeg};

/// The pass mark when neither the command line nor the quiz file gives one, in percent.
pub const DEFAULT_PASS_MARK: u32 = 60;

/// The largest quiz or answers file [`read_quiz`] and [`read_answers`] take, in bytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Whether `given` is the right answer to `q` (see the module documentation for the rules).
pub fn is_correct(q: &QuizQuestion, given: &Answer) -> bool {
    match (q.kind, given, &q.answer) {
        (Kind::Single, Answer::Index(g), Answer::Index(a)) => g == a,
        (Kind::Multiple, Answer::Indexes(g), Answer::Indexes(a)) => {
            g.iter().collect::<BTreeSet<_>>() == a.iter().collect::<BTreeSet<_>>()
        }
        (Kind::TrueFalse, Answer::Bool(g), Answer::Bool(a)) => g == a,
        (Kind::FillIn, Answer::Text(g), Answer::Text(a)) => {
            let g = normalize_text(g);
            !g.is_empty()
                && std::iter::once(a)
                    .chain(&q.accepted)
                    .any(|ok| normalize_text(ok) == g)
        }
        _ => false,
    }
}

/// Fill-in text as it is compared: full-width ASCII forms (`３０`, `ＡＢＣ`, the ideographic
/// space) made half-width, lower case (Unicode), surrounding spaces removed and every run
/// of inner spaces made one space.
pub fn normalize_text(text: &str) -> String {
    let half: String = text
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    half.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The score in percent for `correct` right answers out of `total`, rounded half up; 0 for
/// an empty quiz.
pub fn score(correct: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    let correct = correct.min(total) as u64;
    let total = total as u64;
    ((correct * 200 + total) / (total * 2)) as u32
}

/// One question, graded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub id: String,
    pub correct: bool,
    /// The answer given; `None` when the question was not answered.
    pub given: Option<Answer>,
    pub expected: Answer,
    /// Fill-in only: the other accepted answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    pub explanation: String,
    /// Ids of the clauses the question tests.
    pub clauses: Vec<String>,
}

/// A graded quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Graded {
    /// Percent of right answers, 0–100, rounded half up.
    pub score: u32,
    /// `score >= pass_mark`, and never for an empty quiz.
    pub passed: bool,
    pub pass_mark: u32,
    pub correct: usize,
    pub total: usize,
    /// In the quiz's order.
    pub per_question: Vec<QuestionResult>,
    /// Ids that were answered but are not in the quiz (ignored for the score), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown_answers: Vec<String>,
}

/// Grades `answers` (question id → answer) against `questions`.
pub fn grade(
    questions: &[QuizQuestion],
    answers: &BTreeMap<String, Answer>,
    pass_mark: u32,
) -> Graded {
    let per_question: Vec<QuestionResult> = questions
        .iter()
        .map(|q| {
            let given = answers.get(&q.id).cloned();
            QuestionResult {
                id: q.id.clone(),
                correct: given.as_ref().is_some_and(|g| is_correct(q, g)),
                given,
                expected: q.answer.clone(),
                accepted: q.accepted.clone(),
                explanation: q.explanation.clone(),
                clauses: q.clauses.clone(),
            }
        })
        .collect();
    let ids: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    let unknown_answers = answers
        .keys()
        .filter(|k| !ids.contains(k.as_str()))
        .cloned()
        .collect();
    let correct = per_question.iter().filter(|r| r.correct).count();
    let total = per_question.len();
    let score = score(correct, total);
    Graded {
        score,
        passed: total > 0 && score >= pass_mark,
        pass_mark,
        correct,
        total,
        per_question,
        unknown_answers,
    }
}

/// A quiz as `ppg quiz generate` prints it, optionally with its pass mark.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuizFile {
    pub questions: Vec<QuizQuestion>,
    /// In percent, 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<u32>,
}

/// What is wrong with a quiz or answers file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// Not JSON.
    Syntax,
    /// JSON, but a value has the wrong type or shape.
    Shape,
    /// Well-formed, but a question cannot be graded (an answer that does not fit its kind,
    /// an option index out of range, a repeated id…).
    Invalid,
}

impl ReadErrorKind {
    /// A stable, machine-readable name.
    pub fn code(self) -> &'static str {
        match self {
            ReadErrorKind::TooLarge => "too_large",
            ReadErrorKind::Syntax => "syntax",
            ReadErrorKind::Shape => "shape",
            ReadErrorKind::Invalid => "invalid",
        }
    }
}

/// Why a quiz or answers file could not be read: what, where (a JSON path, and the line and
/// column when the parser gave one) and why.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}", self.describe())]
pub struct ReadError {
    pub kind: ReadErrorKind,
    /// `$`, `$.questions[2].answer`, `$["q-1"]`.
    pub path: String,
    /// 1-based; 0 when not known.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ReadError {
    fn describe(&self) -> String {
        match self.kind {
            ReadErrorKind::Syntax => format!(
                "not valid JSON at line {}, column {}: {}",
                self.line, self.column, self.message
            ),
            ReadErrorKind::Shape if self.line > 0 => format!(
                "{} (line {}, column {}): {}",
                self.path, self.line, self.column, self.message
            ),
            _ => format!("{}: {}", self.path, self.message),
        }
    }

    fn invalid(path: String, message: String) -> ReadError {
        ReadError {
            kind: ReadErrorKind::Invalid,
            path,
            line: 0,
            column: 0,
            message,
        }
    }
}

/// Reads a quiz file (`{"questions": [...], "pass_mark"?: N}`) and checks that every
/// question can be graded ([`check_questions`]).
pub fn read_quiz(text: &str) -> Result<QuizFile, ReadError> {
    let quiz: QuizFile = read_json(text).map_err(|e| {
        // serde reports an answer that is none of the shapes only as "did not match any
        // variant", after the whole value: find it, and say what is wrong with it, when the
        // error is in that question (or placed no deeper than the list).
        if e.kind != ReadErrorKind::Shape {
            return e;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(strip_bom(text)) else {
            return e;
        };
        let questions = value["questions"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        questions
            .iter()
            .enumerate()
            .find_map(|(i, q)| {
                let within = e.path == "$"
                    || e.path == "$.questions"
                    || e.path.starts_with(&format!("$.questions[{i}]"));
                let answer = q.get("answer").filter(|_| within)?;
                serde_json::from_value::<Answer>(answer.clone())
                    .is_err()
                    .then(|| {
                        let path = JsonPath(vec![
                            PathSeg::Key("questions".into()),
                            PathSeg::Index(i),
                            PathSeg::Key("answer".into()),
                        ]);
                        bad_answer(text, &path, answer)
                    })
            })
            .unwrap_or(e)
    })?;
    check_questions(&quiz.questions, "$.questions")?;
    if let Some(mark) = quiz.pass_mark.filter(|m| *m > 100) {
        return Err(ReadError::invalid(
            "$.pass_mark".into(),
            format!("the pass mark is a percentage from 0 to 100, not `{mark}`"),
        ));
    }
    Ok(quiz)
}

/// Reads an answers file: a JSON object from question id to an answer, each an option
/// index, a list of indexes, `true`/`false` or a text.
pub fn read_answers(text: &str) -> Result<BTreeMap<String, Answer>, ReadError> {
    let raw: BTreeMap<String, serde_json::Value> = read_json(text)?;
    let mut answers = BTreeMap::new();
    let mut first_bad: Option<ReadError> = None;
    for (id, value) in raw {
        match serde_json::from_value::<Answer>(value.clone()) {
            Ok(a) => {
                answers.insert(id, a);
            }
            Err(_) => {
                let e = bad_answer(text, &JsonPath(vec![PathSeg::Key(id)]), &value);
                // Report the bad answer that comes first in the file.
                if first_bad
                    .as_ref()
                    .is_none_or(|f| (e.line, e.column) < (f.line, f.column))
                {
                    first_bad = Some(e);
                }
            }
        }
    }
    match first_bad {
        Some(e) => Err(e),
        None => Ok(answers),
    }
}

/// A value that is not an answer, at `path` in `text`.
fn bad_answer(text: &str, path: &JsonPath, value: &serde_json::Value) -> ReadError {
    let text = strip_bom(text);
    let (line, column) = json_path::span_of(text, path)
        .map(|(start, _)| line_column(text, start))
        .unwrap_or((0, 0));
    let mut shown = value.to_string();
    if shown.chars().count() > 40 {
        shown = shown.chars().take(40).collect::<String>() + "…";
    }
    ReadError {
        kind: ReadErrorKind::Shape,
        path: path.to_string(),
        line,
        column,
        message: format!(
            "`{shown}` is not an answer: give an option index, a list of option indexes, true or false, or a text"
        ),
    }
}

/// The 1-based line and column (in characters) of byte `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Checks that each question can be graded: a non-empty id used once, an answer that fits
/// the kind, option indexes in range, and a fill-in answer that is not blank. `base` is the
/// JSON path of the list, for the error.
pub fn check_questions(questions: &[QuizQuestion], base: &str) -> Result<(), ReadError> {
    let mut seen = HashSet::new();
    for (i, q) in questions.iter().enumerate() {
        let at = |field: &str| format!("{base}[{i}]{field}");
        if q.id.trim().is_empty() {
            return Err(ReadError::invalid(
                at(".id"),
                "a question needs an id".into(),
            ));
        }
        if !seen.insert(q.id.as_str()) {
            return Err(ReadError::invalid(
                at(".id"),
                format!("the question id `{}` is used twice", q.id),
            ));
        }
        if let Some(message) = question_problem(q) {
            return Err(ReadError::invalid(at(".answer"), message));
        }
    }
    Ok(())
}

/// What makes a question's answer ungradable, if anything: an answer that does not fit the
/// kind, an option index out of range, a blank fill-in answer. Such a question could never
/// be answered right.
pub fn question_problem(q: &QuizQuestion) -> Option<String> {
    if !q.answer.fits(q.kind) {
        let shape = match q.kind {
            Kind::Single => "an option index",
            Kind::Multiple => "a list of option indexes",
            Kind::TrueFalse => "true or false",
            Kind::FillIn => "a text",
        };
        return Some(format!(
            "a `{}` question's answer must be {shape}",
            q.kind.name()
        ));
    }
    let options = q.options.len();
    match &q.answer {
        Answer::Index(i) if *i >= options => Some(format!(
            "option {i} does not exist (the question has {options} option(s), counted from 0)"
        )),
        Answer::Indexes(list) => list.iter().find(|i| **i >= options).map(|i| {
            format!(
                "option {i} does not exist (the question has {options} option(s), counted from 0)"
            )
        }),
        Answer::Text(t) if normalize_text(t).is_empty() => {
            Some("a fill-in question needs a non-blank answer".into())
        }
        _ => None,
    }
}

/// Deserializes `text`, with errors that say where.
fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ReadError {
            kind: ReadErrorKind::TooLarge,
            path: "$".into(),
            line: 0,
            column: 0,
            message: format!(
                "the file is {} bytes, more than the limit of {MAX_FILE_BYTES}",
                text.len()
            ),
        });
    }
    let text = strip_bom(text);
    if !text.trim_start().starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(ReadError {
            kind: ReadErrorKind::Shape,
            path: "$".into(),
            line: 0,
            column: 0,
            message: "expected a JSON object".into(),
        });
    }
    serde_json::from_str(text).map_err(|e| {
        let message = {
            let full = e.to_string();
            match full.rfind(" at line ") {
                Some(i) => full[..i].to_string(),
                None => full,
            }
        };
        let (kind, path) = if e.is_syntax() || e.is_eof() {
            (ReadErrorKind::Syntax, "$".to_string())
        } else {
            let at = json_path::offset_of(text, e.line(), e.column());
            (
                ReadErrorKind::Shape,
                json_path::path_at(text, at).to_string(),
            )
        };
        ReadError {
            kind,
            path,
            line: e.line(),
            column: e.column(),
            message,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_normalized() {
        assert_eq!(normalize_text("  ３０　分钟 "), "30 分钟");
        assert_eq!(normalize_text("ＡＢＣ\tdef  Ｇ"), "abc def g");
        assert_eq!(normalize_text("ÄÖ"), "äö");
        assert_eq!(normalize_text(" \u{3000} "), "");
    }

    #[test]
    fn score_rounds_half_up() {
        assert_eq!(score(0, 0), 0);
        assert_eq!(score(1, 8), 13);
        assert_eq!(score(2, 3), 67);
        assert_eq!(score(1, 3), 33);
        assert_eq!(score(3, 3), 100);
        assert_eq!(score(5, 3), 100, "never past 100");
    }
}
