//! Quizzes handed out and results handed back, without a server.
//!
//! - A [`Paper`] is what an employee gets: the quiz set's settings and its questions
//!   without their answers, plus `key`, the answers, accepted alternatives and
//!   explanations **sealed**: deflated, XORed with a keystream derived from the paper id,
//!   and written in URL-safe base64. The key is then not in the page's visible content,
//!   nor readable in the file at a glance. **This is not security**: the paper id is in the
//!   file and the method is in this source code, so a determined person can unseal the key
//!   as the employee page does. A server that keeps the key is the only real protection;
//!   the UI says so.
//! - A paper's `id` is a 64-bit fingerprint (FNV-1a, then a SplitMix64 finaliser, in 16 hex
//!   digits) of everything in it, the unsealed key included. Reading a paper
//!   ([`Paper::from_json`], [`Paper::from_fragment`]) unseals the key and recomputes the
//!   fingerprint, so a file or link that was damaged or edited is refused.
//! - A paper travels as a file ([`Paper::to_json`]) or in a link fragment
//!   ([`Paper::to_fragment`], `quiz=v1.<data>`: the compact JSON packed as share links are,
//!   [`crate::core::export::share::pack`]).
//! - A [`QuizResult`] is what the employee hands back: who, when, which attempt, the
//!   answers, the score and a verification code (12 Crockford base32 characters shown as
//!   `XXXX-XXXX-XXXX`, a 60-bit hash of the paper id, taker, time, attempt, answers and
//!   score). It travels as a small file ([`QuizResult::to_json`]) or a code to paste
//!   ([`QuizResult::to_code`], `ppgr1.<data>`). As for the key, the code catches results
//!   edited by hand, not someone who recomputes it with this source code.
//! - [`verify`] regrades a result from the paper's key and recomputes its code;
//!   [`aggregate`] does so for many results and gives the trainer the pass rate,
//!   per-question correctness and the clauses most often missed, with CSV exports.
//!
//! Every reader here takes any text and never panics; sizes are bounded before anything is
//! inflated or parsed.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::grade::{self, check_questions, is_correct, normalize_text, question_problem};
use super::paper::{Answer, Kind, QuizQuestion};
use super::{Feedback, QuizSet};
use crate::core::bundle::Bundle;
use crate::core::csv;
use crate::core::export::share::{self, base64url_decode, base64url_encode, UnpackError};
use crate::core::lang::Lang;
use crate::core::policy::article_label;
use crate::core::synth::Rng;

/// The `format` of a paper file.
pub const PAPER_FORMAT: &str = "ppg-quiz-paper";
/// The `format` of a result file.
pub const RESULT_FORMAT: &str = "ppg-quiz-result";
/// The version of papers and results this code writes and reads.
pub const VERSION: u32 = 1;
/// What starts a quiz link's fragment.
pub const LINK_PREFIX: &str = "quiz=v1.";
/// What starts a result code.
pub const CODE_PREFIX: &str = "ppgr1.";
/// The largest paper read, as JSON text and once inflated from a link or its key.
pub const MAX_PAPER_BYTES: usize = 1024 * 1024;
/// The most questions a paper holds; [`make_paper`] keeps the first ones.
pub const MAX_QUESTIONS: usize = 500;
/// The largest result read, as JSON text and once inflated from a code.
pub const MAX_RESULT_BYTES: usize = 64 * 1024;
/// The longest taker name a result takes, in characters.
pub const MAX_TAKER_CHARS: usize = 100;
/// The longest hand-in time a result takes, in characters.
pub const MAX_WHEN_CHARS: usize = 40;
/// The longest fill-in answer a result takes, in characters.
pub const MAX_TEXT_ANSWER_CHARS: usize = 500;

// ---------------------------------------------------------------------------------------
// Papers

/// A quiz as handed to employees: settings, questions without answers, and the sealed key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    /// Always [`PAPER_FORMAT`].
    pub format: String,
    /// [`VERSION`] when written.
    pub version: u32,
    /// Fingerprint of the content (16 hex digits); also what results refer to.
    pub id: String,
    pub set_id: String,
    pub set_name: String,
    pub policy_title: String,
    pub doc_code: String,
    pub policy_version: String,
    /// The language of the workspace the paper was made from (labels follow it).
    pub lang: Lang,
    /// In percent.
    pub pass_mark: u32,
    #[serde(default)]
    pub time_limit_minutes: Option<u32>,
    #[serde(default)]
    pub feedback: Feedback,
    /// `None`: unlimited.
    #[serde(default)]
    pub attempts: Option<u32>,
    pub questions: Vec<PaperQuestion>,
    /// The sealed answers, accepted alternatives and explanations, one per question.
    pub key: String,
}

/// A question as the employee sees it before answering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperQuestion {
    pub id: String,
    pub topic: String,
    pub kind: Kind,
    pub prompt: String,
    #[serde(default)]
    pub options: Vec<String>,
    /// The clauses the question tests.
    #[serde(default)]
    pub clauses: Vec<ClauseRef>,
}

/// A clause a question cites, labelled as the policy numbers it when the paper was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseRef {
    pub id: String,
    /// `第5条` / `Article 5`; empty when the policy has no clause with this id.
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub title: String,
    /// The article number, for document order; `None` when the clause is not in the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<usize>,
}

/// The sealed part of one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct KeyEntry {
    answer: Answer,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    accepted: Vec<String>,
    #[serde(default)]
    explanation: String,
}

/// Why a paper (file or link) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PaperError {
    #[error("this is not a quiz link (it should contain `#quiz=v1.`)")]
    NotAQuizLink,
    #[error("this is not a quiz file")]
    NotAQuizFile,
    #[error("this quiz was made by a newer version of the playground (`{0}`)")]
    UnsupportedVersion(String),
    #[error("the quiz is damaged (cut short or changed)")]
    Corrupt,
    #[error("the quiz's checksum does not match its contents: it was changed")]
    ChecksumMismatch,
    #[error("the quiz is too large (more than {max} bytes or {MAX_QUESTIONS} questions)", max = MAX_PAPER_BYTES)]
    TooLarge,
    #[error("the quiz is not valid: {0}")]
    Invalid(String),
}

impl PaperError {
    /// A stable, machine-readable name, for the UI's translated messages.
    pub fn code(&self) -> &'static str {
        match self {
            PaperError::NotAQuizLink => "not_a_quiz_link",
            PaperError::NotAQuizFile => "not_a_quiz_file",
            PaperError::UnsupportedVersion(_) => "newer_version",
            PaperError::Corrupt => "corrupt",
            PaperError::ChecksumMismatch => "checksum_mismatch",
            PaperError::TooLarge => "too_large",
            PaperError::Invalid(_) => "invalid",
        }
    }
}

/// The paper for `set`, holding `questions` (as drawn for the set, in order) labelled with
/// the clauses of `bundle`'s policy. A question whose id repeats an earlier one, or that
/// could never be answered right ([`question_problem`]), is left out, and at most
/// [`MAX_QUESTIONS`] are kept, so every paper made here reads back.
pub fn make_paper(bundle: &Bundle, set: &QuizSet, questions: Vec<QuizQuestion>) -> Paper {
    let lang = bundle.settings.lang;
    let numbered = bundle.policy.numbered();
    let clause_ref = |id: &String| match numbered.iter().find(|n| n.clause.id == *id) {
        Some(n) => ClauseRef {
            id: id.clone(),
            label: article_label(lang, n.article_number),
            title: n.clause.title.clone(),
            article: Some(n.article_number),
        },
        None => ClauseRef {
            id: id.clone(),
            label: String::new(),
            title: String::new(),
            article: None,
        },
    };
    let mut seen = HashSet::new();
    let questions: Vec<QuizQuestion> = questions
        .into_iter()
        .filter(|q| question_problem(q).is_none() && seen.insert(q.id.clone()))
        .take(MAX_QUESTIONS)
        .collect();
    let visible = questions
        .iter()
        .map(|q| PaperQuestion {
            id: q.id.clone(),
            topic: q.topic.clone(),
            kind: q.kind,
            prompt: q.prompt.clone(),
            options: q.options.clone(),
            clauses: q.clauses.iter().map(clause_ref).collect(),
        })
        .collect();
    let key: Vec<KeyEntry> = questions
        .into_iter()
        .map(|q| KeyEntry {
            answer: q.answer,
            accepted: q.accepted,
            explanation: q.explanation,
        })
        .collect();
    let meta = &bundle.policy.meta;
    let mut paper = Paper {
        format: PAPER_FORMAT.into(),
        version: VERSION,
        id: String::new(),
        set_id: set.id.clone(),
        set_name: set.name.clone(),
        policy_title: meta.title.clone(),
        doc_code: meta.doc_code.clone(),
        policy_version: meta.version.clone(),
        lang,
        pass_mark: set.pass_mark.min(100),
        time_limit_minutes: set.time_limit_minutes,
        feedback: set.feedback,
        attempts: set.attempts,
        questions: visible,
        key: String::new(),
    };
    paper.id = fingerprint(&paper, &key);
    paper.key = seal(&paper.id, &key);
    paper
}

impl Paper {
    /// The questions with their answers and explanations, as the grader needs them. Fails
    /// when the key cannot be unsealed or the content does not match the id.
    pub fn unseal(&self) -> Result<Vec<QuizQuestion>, PaperError> {
        let key = unseal_key(&self.id, &self.key)?;
        if key.len() != self.questions.len() {
            return Err(PaperError::Corrupt);
        }
        if fingerprint(self, &key) != self.id {
            return Err(PaperError::ChecksumMismatch);
        }
        Ok(self
            .questions
            .iter()
            .zip(key)
            .map(|(q, k)| QuizQuestion {
                id: q.id.clone(),
                topic: q.topic.clone(),
                kind: q.kind,
                prompt: q.prompt.clone(),
                options: q.options.clone(),
                answer: k.answer,
                accepted: k.accepted,
                explanation: k.explanation,
                clauses: q.clauses.iter().map(|c| c.id.clone()).collect(),
            })
            .collect())
    }

    /// The paper as a file (pretty JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a paper file and checks it: its format and version, sizes, the key, the
    /// fingerprint, and that every question can be graded.
    pub fn from_json(text: &str) -> Result<Paper, PaperError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() > MAX_PAPER_BYTES {
            return Err(PaperError::TooLarge);
        }
        probe(text, PAPER_FORMAT).map_err(|e| match e {
            Probe::NotOurs => PaperError::NotAQuizFile,
            Probe::Newer(v) => PaperError::UnsupportedVersion(v),
            Probe::Invalid(m) => PaperError::Invalid(m),
        })?;
        let paper: Paper =
            serde_json::from_str(text).map_err(|e| PaperError::Invalid(type_message(text, &e)))?;
        if paper.questions.len() > MAX_QUESTIONS {
            return Err(PaperError::TooLarge);
        }
        let questions = paper.unseal()?;
        check_questions(&questions, "$.questions")
            .map_err(|e| PaperError::Invalid(e.to_string()))?;
        Ok(paper)
    }

    /// The link fragment (without `#`) that carries the paper: `quiz=v1.<data>`. It grows
    /// with the paper; past [`share::MAX_FRAGMENT_CHARS`] a file is the better way.
    pub fn to_fragment(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("{LINK_PREFIX}{}", share::pack(json.as_bytes()))
    }

    /// Reads a paper from a whole link, its fragment, or the fragment with `#`. Spaces and
    /// line breaks are ignored, and `quiz=` may follow other parameters (`#a=1&quiz=…`).
    pub fn from_fragment(link: &str) -> Result<Paper, PaperError> {
        let fragment = share::fragment_of(link);
        let Some(rest) = fragment.split(['&', '?', '/', '#']).find_map(|p| {
            p.strip_prefix("quiz=")
                .or_else(|| p.strip_prefix("quiz%3D"))
                .or_else(|| p.strip_prefix("quiz%3d"))
        }) else {
            return Err(PaperError::NotAQuizLink);
        };
        let Some((version, data)) = rest.split_once('.') else {
            return Err(PaperError::Corrupt);
        };
        check_version(version, "v").map_err(|e| match e {
            Some(v) => PaperError::UnsupportedVersion(v),
            None => PaperError::Corrupt,
        })?;
        let bytes = share::unpack(data, MAX_PAPER_BYTES).map_err(|e| match e {
            UnpackError::TooLarge => PaperError::TooLarge,
            UnpackError::Corrupt => PaperError::Corrupt,
        })?;
        let json = String::from_utf8(bytes).map_err(|_| PaperError::Corrupt)?;
        Paper::from_json(&json).map_err(|e| match e {
            PaperError::NotAQuizFile => PaperError::Corrupt,
            other => other,
        })
    }
}

/// Checks a version tag such as `v1` (with `tag` `v`): `Ok` for this version, `Err(Some)`
/// for a newer one, `Err(None)` for anything else.
fn check_version(version: &str, tag: &str) -> Result<(), Option<String>> {
    match version.strip_prefix(tag).map(str::parse::<u64>) {
        Some(Ok(v)) if v == u64::from(VERSION) => Ok(()),
        Some(Ok(v)) if v > u64::from(VERSION) => Err(Some(version.chars().take(20).collect())),
        _ => Err(None),
    }
}

/// Why a file's format and version were not accepted.
enum Probe {
    NotOurs,
    Newer(String),
    Invalid(String),
}

/// Reads only `format` and `version`: the file must be a JSON object of `format` and of
/// [`VERSION`] (the first; an older one will go through a migration here).
fn probe(text: &str, format: &str) -> Result<(), Probe> {
    #[derive(Deserialize)]
    struct Head {
        #[serde(default)]
        format: Option<serde_json::Value>,
        #[serde(default)]
        version: Option<serde_json::Value>,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            Probe::Invalid(format!(
                "not valid JSON at line {}, column {}",
                e.line(),
                e.column()
            ))
        } else {
            Probe::NotOurs
        }
    })?;
    if head.format.as_ref().and_then(|f| f.as_str()) != Some(format) {
        return Err(Probe::NotOurs);
    }
    match head.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => Ok(()),
        Some(v) if v > u64::from(VERSION) => Err(Probe::Newer(v.to_string())),
        _ => Err(Probe::Invalid("`version` must be 1".into())),
    }
}

/// A deserialization error with the JSON path of the value it concerns.
fn type_message(text: &str, e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let at = crate::core::json_path::offset_of(text, e.line(), e.column());
    format!("{}: {message}", crate::core::json_path::path_at(text, at))
}

/// FNV-1a over `bytes`, then SplitMix64's finaliser so that every bit depends on every byte.
fn hash64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    Rng::new(h).next_u64()
}

/// The paper's fingerprint: the hash of its JSON without `id` and `key`, followed by the
/// unsealed key.
fn fingerprint(paper: &Paper, key: &[KeyEntry]) -> String {
    let mut bare = paper.clone();
    bare.id.clear();
    bare.key.clear();
    let json = serde_json::to_string(&(&bare, key)).unwrap_or_default();
    format!("{:016x}", hash64(json.as_bytes()))
}

/// XORs `bytes` with the keystream of paper `id`.
fn keystream(id: &str, bytes: &mut [u8]) {
    let mut rng = Rng::new(hash64(format!("ppg-quiz-key:{id}").as_bytes()));
    for chunk in bytes.chunks_mut(8) {
        for (b, k) in chunk.iter_mut().zip(rng.next_u64().to_le_bytes()) {
            *b ^= k;
        }
    }
}

fn seal(id: &str, key: &[KeyEntry]) -> String {
    let json = serde_json::to_string(key).unwrap_or_default();
    let mut packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    keystream(id, &mut packed);
    base64url_encode(&packed)
}

fn unseal_key(id: &str, sealed: &str) -> Result<Vec<KeyEntry>, PaperError> {
    let mut packed = base64url_decode(sealed).ok_or(PaperError::Corrupt)?;
    keystream(id, &mut packed);
    let bytes = share::inflate(&packed, MAX_PAPER_BYTES).map_err(|e| match e {
        UnpackError::TooLarge => PaperError::TooLarge,
        UnpackError::Corrupt => PaperError::Corrupt,
    })?;
    serde_json::from_slice(&bytes).map_err(|_| PaperError::Corrupt)
}

// ---------------------------------------------------------------------------------------
// Results

/// What an employee hands back after taking a paper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizResult {
    /// Always [`RESULT_FORMAT`].
    pub format: String,
    pub version: u32,
    /// The id of the paper taken.
    pub paper: String,
    pub set_name: String,
    pub policy_version: String,
    pub taker: String,
    /// When it was handed in, as the caller wrote it (ISO 8601, e.g. `2026-03-02T10:15`).
    pub when: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// Question id → answer; only questions of the paper.
    pub answers: BTreeMap<String, Answer>,
    pub score: u32,
    pub passed: bool,
    /// One character per question of the paper, in its order: `1` right, `0` wrong.
    pub marks: String,
    /// The verification code, `XXXX-XXXX-XXXX`.
    pub code: String,
}

/// Why a result could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SubmitError {
    #[error("{0}")]
    Paper(PaperError),
    #[error("the result needs the taker's name")]
    NoTaker,
    #[error("the result needs the time it was handed in")]
    NoTime,
    #[error("`{field}` is longer than {max} characters")]
    TooLong { field: String, max: usize },
    #[error("attempt {attempt} is not allowed: the quiz allows {allowed}")]
    NoAttemptsLeft { attempt: u32, allowed: u32 },
}

impl SubmitError {
    /// A stable, machine-readable name.
    pub fn code(&self) -> &'static str {
        match self {
            SubmitError::Paper(e) => e.code(),
            SubmitError::NoTaker => "no_taker",
            SubmitError::NoTime => "no_time",
            SubmitError::TooLong { .. } => "too_long",
            SubmitError::NoAttemptsLeft { .. } => "no_attempts_left",
        }
    }
}

/// Why a result (file or code) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ResultError {
    #[error("this is not a quiz result (a code starts with `{CODE_PREFIX}`)")]
    NotAResult,
    #[error("this result was made by a newer version of the playground (`{0}`)")]
    UnsupportedVersion(String),
    #[error("the result is damaged (cut short or changed)")]
    Corrupt,
    #[error("the result is larger than {MAX_RESULT_BYTES} bytes")]
    TooLarge,
    #[error("the result is not valid: {0}")]
    Invalid(String),
}

impl ResultError {
    /// A stable, machine-readable name.
    pub fn code(&self) -> &'static str {
        match self {
            ResultError::NotAResult => "not_a_result",
            ResultError::UnsupportedVersion(_) => "newer_version",
            ResultError::Corrupt => "corrupt",
            ResultError::TooLarge => "too_large",
            ResultError::Invalid(_) => "invalid",
        }
    }
}

/// Grades `answers` with the paper's key and makes the result to hand in. `taker` and
/// `when` are trimmed and must not be empty; `attempt` counts from 1 and may not pass the
/// attempts the paper allows. Answers to questions the paper does not have are dropped.
pub fn submit(
    paper: &Paper,
    taker: &str,
    when: &str,
    attempt: u32,
    answers: BTreeMap<String, Answer>,
) -> Result<QuizResult, SubmitError> {
    let taker = taker.trim();
    let when = when.trim();
    if taker.is_empty() {
        return Err(SubmitError::NoTaker);
    }
    if when.is_empty() {
        return Err(SubmitError::NoTime);
    }
    let too_long = |field: &str, max| SubmitError::TooLong {
        field: field.chars().take(40).collect(),
        max,
    };
    if taker.chars().count() > MAX_TAKER_CHARS {
        return Err(too_long(taker, MAX_TAKER_CHARS));
    }
    if when.chars().count() > MAX_WHEN_CHARS {
        return Err(too_long(when, MAX_WHEN_CHARS));
    }
    let allowed = paper.attempts.unwrap_or(u32::MAX);
    if attempt == 0 || attempt > allowed {
        return Err(SubmitError::NoAttemptsLeft { attempt, allowed });
    }
    let questions = paper.unseal().map_err(SubmitError::Paper)?;
    let ids: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    let answers: BTreeMap<String, Answer> = answers
        .into_iter()
        .filter(|(id, _)| ids.contains(id.as_str()))
        .collect();
    for a in answers.values() {
        if let Answer::Text(t) = a {
            if t.chars().count() > MAX_TEXT_ANSWER_CHARS {
                return Err(too_long(t, MAX_TEXT_ANSWER_CHARS));
            }
        }
    }
    let graded = grade::grade(&questions, &answers, paper.pass_mark);
    let mut result = QuizResult {
        format: RESULT_FORMAT.into(),
        version: VERSION,
        paper: paper.id.clone(),
        set_name: paper.set_name.clone(),
        policy_version: paper.policy_version.clone(),
        taker: taker.to_string(),
        when: when.to_string(),
        attempt,
        answers,
        score: graded.score,
        passed: graded.passed,
        marks: marks(&graded),
        code: String::new(),
    };
    result.code = verification_code(&result);
    Ok(result)
}

fn marks(graded: &grade::Graded) -> String {
    graded
        .per_question
        .iter()
        .map(|r| if r.correct { '1' } else { '0' })
        .collect()
}

/// Crockford's base32 alphabet (no I, L, O, U).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The verification code of a result: 60 bits of a hash of everything in it but the code,
/// in Crockford base32, `XXXX-XXXX-XXXX`.
pub fn verification_code(r: &QuizResult) -> String {
    let canonical = serde_json::to_string(&(
        "ppg-quiz-result-code",
        &r.paper,
        &r.set_name,
        &r.policy_version,
        &r.taker,
        &r.when,
        r.attempt,
        &r.answers,
        r.score,
        r.passed,
        &r.marks,
    ))
    .unwrap_or_default();
    let h = hash64(canonical.as_bytes());
    let mut out = String::with_capacity(14);
    for i in 0..12 {
        if i == 4 || i == 8 {
            out.push('-');
        }
        let index = (h >> (55 - 5 * i)) & 31;
        out.push(char::from(CROCKFORD[index as usize]));
    }
    out
}

/// A code as typed by a person, in the form [`verification_code`] writes: case, spaces and
/// dashes do not matter, and `I`/`L` read as `1`, `O` as `0` (Crockford's rules). `None`
/// when it is not 12 base32 characters.
pub fn normalize_code(code: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(12);
    for c in code.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' | '\t' => continue,
            'I' | 'L' => '1',
            'O' => '0',
            c if c.is_ascii() && CROCKFORD.contains(&(c as u8)) => c,
            _ => return None,
        };
        chars.push(c);
    }
    if chars.len() != 12 {
        return None;
    }
    let mut out = String::with_capacity(14);
    for (i, c) in chars.into_iter().enumerate() {
        if i == 4 || i == 8 {
            out.push('-');
        }
        out.push(c);
    }
    Some(out)
}

impl QuizResult {
    /// The result as a small file (pretty JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a result file (a byte order mark and surrounding whitespace are fine).
    pub fn from_json(text: &str) -> Result<QuizResult, ResultError> {
        let text = text.trim_start_matches('\u{feff}').trim();
        if text.len() > MAX_RESULT_BYTES {
            return Err(ResultError::TooLarge);
        }
        probe(text, RESULT_FORMAT).map_err(|e| match e {
            Probe::NotOurs => ResultError::NotAResult,
            Probe::Newer(v) => ResultError::UnsupportedVersion(v),
            Probe::Invalid(m) => ResultError::Invalid(m),
        })?;
        serde_json::from_str(text).map_err(|e| ResultError::Invalid(type_message(text, &e)))
    }

    /// The result as a code to paste in a chat: `ppgr1.<data>`, the compact JSON packed.
    pub fn to_code(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("{CODE_PREFIX}{}", share::pack(json.as_bytes()))
    }

    /// Reads a result code. Spaces and line breaks anywhere are ignored, and so is text
    /// around the code (`my result: ppgr1.…`).
    pub fn from_code(text: &str) -> Result<QuizResult, ResultError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let Some(start) = compact.find("ppgr") else {
            return Err(ResultError::NotAResult);
        };
        let rest = &compact[start..];
        let Some((version, data)) = rest.split_once('.') else {
            return Err(ResultError::Corrupt);
        };
        check_version(version, "ppgr").map_err(|e| match e {
            Some(v) => ResultError::UnsupportedVersion(v),
            None => ResultError::NotAResult,
        })?;
        let end = data
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(data.len());
        let bytes = share::unpack(&data[..end], MAX_RESULT_BYTES).map_err(|e| match e {
            UnpackError::TooLarge => ResultError::TooLarge,
            UnpackError::Corrupt => ResultError::Corrupt,
        })?;
        let json = String::from_utf8(bytes).map_err(|_| ResultError::Corrupt)?;
        QuizResult::from_json(&json).map_err(|e| match e {
            ResultError::NotAResult => ResultError::Corrupt,
            other => other,
        })
    }

    /// Reads a result from either form: a file's JSON or a code.
    pub fn parse(text: &str) -> Result<QuizResult, ResultError> {
        if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
        {
            QuizResult::from_json(text)
        } else {
            QuizResult::from_code(text)
        }
    }
}

/// What checking a result against its paper found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// The answers give the score claimed, and the code matches.
    Ok,
    /// The result is for another paper (its id).
    OtherPaper { paper: String },
    /// The score claimed is not what the answers give under the paper's key.
    ScoreMismatch { claimed: u32, actual: u32 },
    /// Something was changed: the pass flag or per-question marks do not follow from the
    /// answers, or the code does not match the result (its taker, time, attempt, answers…).
    Edited,
    /// The paper's key cannot be read, so nothing can be checked.
    PaperUnreadable,
}

impl Verification {
    /// A stable, machine-readable name.
    pub fn code(&self) -> &'static str {
        match self {
            Verification::Ok => "ok",
            Verification::OtherPaper { .. } => "other_paper",
            Verification::ScoreMismatch { .. } => "score_mismatch",
            Verification::Edited => "edited",
            Verification::PaperUnreadable => "paper_unreadable",
        }
    }

    pub fn is_ok(&self) -> bool {
        *self == Verification::Ok
    }

    /// A short description in `lang`, for reports.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Verification::Ok, Lang::Zh) => "校验通过".into(),
            (Verification::Ok, Lang::En) => "verified".into(),
            (Verification::OtherPaper { .. }, Lang::Zh) => "不是本测验的结果".into(),
            (Verification::OtherPaper { .. }, Lang::En) => "result of another quiz".into(),
            (Verification::ScoreMismatch { actual, .. }, Lang::Zh) => {
                format!("得分与答案不符（答案得分 {actual}）")
            }
            (Verification::ScoreMismatch { actual, .. }, Lang::En) => {
                format!("score does not match the answers (they score {actual})")
            }
            (Verification::Edited, Lang::Zh) => "结果已被修改，与校验码或答案不符".into(),
            (Verification::Edited, Lang::En) => "edited: does not match its code or answers".into(),
            (Verification::PaperUnreadable, Lang::Zh) => "测验密钥无法读取".into(),
            (Verification::PaperUnreadable, Lang::En) => "the quiz key cannot be read".into(),
        }
    }
}

/// Checks `result` against `paper`: the same paper, a score (and pass, and marks) that its
/// answers give under the paper's key, and a code that matches.
pub fn verify(paper: &Paper, result: &QuizResult) -> Verification {
    match paper.unseal() {
        Ok(questions) => verify_with(paper, &questions, result),
        Err(_) if result.paper != paper.id => Verification::OtherPaper {
            paper: result.paper.chars().take(40).collect(),
        },
        Err(_) => Verification::PaperUnreadable,
    }
}

fn verify_with(paper: &Paper, questions: &[QuizQuestion], result: &QuizResult) -> Verification {
    if result.paper != paper.id {
        return Verification::OtherPaper {
            paper: result.paper.chars().take(40).collect(),
        };
    }
    let graded = grade::grade(questions, &result.answers, paper.pass_mark);
    if graded.score != result.score {
        return Verification::ScoreMismatch {
            claimed: result.score,
            actual: graded.score,
        };
    }
    if graded.passed != result.passed || marks(&graded) != result.marks {
        return Verification::Edited;
    }
    if normalize_code(&result.code) != Some(verification_code(result)) {
        return Verification::Edited;
    }
    Verification::Ok
}

// ---------------------------------------------------------------------------------------
// Aggregation

/// The trainer's view of many results of one paper.
///
/// - Every result is checked with [`verify`]. Results of another paper or that fail the
///   check are listed in `rejected` with the reason and not counted.
/// - A taker (names compared as fill-in answers are: case, full-width forms and spaces do
///   not matter) counts once, with their **best** attempt: the highest score, and of equal
///   scores the one listed first. Their other results (a later, worse attempt, or the same
///   result imported twice) stay in `rows` with `counted: false`.
/// - Rates are over the takers counted; an unanswered question counts as wrong, as in
///   grading. Rates and the mean are `None` when nobody is counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    pub paper: String,
    pub set_name: String,
    /// Distinct takers counted.
    pub takers: usize,
    /// Of those, how many passed.
    pub passed: usize,
    /// `passed / takers`, 0–1.
    pub pass_rate: Option<f64>,
    /// Mean score of the counted attempts, 0–100.
    pub mean_score: Option<f64>,
    /// One per question, in the paper's order.
    pub questions: Vec<QuestionStat>,
    /// Clauses cited by questions answered wrong, most misses first, then in document order
    /// (clauses not in the policy last, in the order the paper first cites them).
    pub clauses: Vec<ClauseStat>,
    /// Verified results, in the order given.
    pub rows: Vec<Row>,
    /// Results not counted, in the order given.
    pub rejected: Vec<Rejected>,
}

/// How one question went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionStat {
    pub id: String,
    pub prompt: String,
    /// Counted takers who answered it.
    pub answered: usize,
    /// Counted takers who answered it right.
    pub correct: usize,
    /// `correct / takers`, 0–1.
    pub rate: Option<f64>,
}

/// A clause and how many wrong answers cite it (one per taker and question).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseStat {
    pub id: String,
    pub label: String,
    pub title: String,
    pub misses: usize,
}

/// One verified result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Position in the results given, from 0.
    pub index: usize,
    pub taker: String,
    pub when: String,
    pub attempt: u32,
    pub score: u32,
    pub passed: bool,
    pub code: String,
    /// Whether this is the taker's attempt that counts.
    pub counted: bool,
}

/// A result not counted, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejected {
    pub index: usize,
    pub taker: String,
    pub when: String,
    pub attempt: u32,
    pub score: u32,
    pub reason: Verification,
}

/// Aggregates `results` of `paper` (see [`Aggregate`] for the rules).
pub fn aggregate(paper: &Paper, results: &[QuizResult]) -> Aggregate {
    let questions = paper.unseal().ok();
    let mut rows: Vec<Row> = Vec::new();
    let mut rejected = Vec::new();
    // Per taker: the index in `rows` of the attempt that counts.
    let mut best: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (index, r) in results.iter().enumerate() {
        let status = match &questions {
            Some(q) => verify_with(paper, q, r),
            None => verify(paper, r),
        };
        if !status.is_ok() {
            rejected.push(Rejected {
                index,
                taker: r.taker.clone(),
                when: r.when.clone(),
                attempt: r.attempt,
                score: r.score,
                reason: status,
            });
            continue;
        }
        let who = normalize_text(&r.taker);
        let at = rows.len();
        rows.push(Row {
            index,
            taker: r.taker.clone(),
            when: r.when.clone(),
            attempt: r.attempt,
            score: r.score,
            passed: r.passed,
            code: r.code.clone(),
            counted: false,
        });
        match best.get(&who) {
            Some(&b) if rows[b].score >= r.score => {}
            Some(_) => {
                best.insert(who, at);
            }
            None => {
                order.push(who.clone());
                best.insert(who, at);
            }
        }
    }
    let counted: Vec<usize> = order.iter().filter_map(|w| best.get(w).copied()).collect();
    for &i in &counted {
        rows[i].counted = true;
    }
    let takers = counted.len();
    let passed = counted.iter().filter(|&&i| rows[i].passed).count();
    let ratio = |n: usize| (takers > 0).then(|| n as f64 / takers as f64);
    let mean_score = (takers > 0).then(|| {
        counted
            .iter()
            .map(|&i| f64::from(rows[i].score))
            .sum::<f64>()
            / takers as f64
    });

    let mut stats: Vec<QuestionStat> = paper
        .questions
        .iter()
        .map(|q| QuestionStat {
            id: q.id.clone(),
            prompt: q.prompt.clone(),
            answered: 0,
            correct: 0,
            rate: None,
        })
        .collect();
    let mut misses: HashMap<&str, usize> = HashMap::new();
    if let Some(qs) = &questions {
        for &i in &counted {
            let answers = &results[rows[i].index].answers;
            for ((q, stat), shown) in qs.iter().zip(&mut stats).zip(&paper.questions) {
                let given = answers.get(&q.id);
                stat.answered += usize::from(given.is_some());
                if given.is_some_and(|g| is_correct(q, g)) {
                    stat.correct += 1;
                } else {
                    let mut cited = HashSet::new();
                    for c in &shown.clauses {
                        if cited.insert(c.id.as_str()) {
                            *misses.entry(c.id.as_str()).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    for s in &mut stats {
        s.rate = ratio(s.correct);
    }

    // Each clause once, in the order the paper first cites it.
    let mut cited: Vec<&ClauseRef> = Vec::new();
    for c in paper.questions.iter().flat_map(|q| &q.clauses) {
        if !cited.iter().any(|x| x.id == c.id) {
            cited.push(c);
        }
    }
    let mut clauses: Vec<(usize, &ClauseRef, usize)> = cited
        .into_iter()
        .enumerate()
        .filter_map(|(first, c)| {
            misses
                .get(c.id.as_str())
                .map(|&m| (first, c, m))
                .filter(|(_, _, m)| *m > 0)
        })
        .collect();
    clauses.sort_by_key(|(first, c, m)| {
        (
            std::cmp::Reverse(*m),
            c.article.unwrap_or(usize::MAX),
            *first,
        )
    });

    Aggregate {
        paper: paper.id.clone(),
        set_name: paper.set_name.clone(),
        takers,
        passed,
        pass_rate: ratio(passed),
        mean_score,
        questions: stats,
        clauses: clauses
            .into_iter()
            .map(|(_, c, m)| ClauseStat {
                id: c.id.clone(),
                label: c.label.clone(),
                title: c.title.clone(),
                misses: m,
            })
            .collect(),
        rows,
        rejected,
    }
}

/// `0.755` as `75.5%`.
fn percent(rate: Option<f64>) -> String {
    rate.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_default()
}

fn yes_no(lang: Lang, yes: bool) -> &'static str {
    match (lang, yes) {
        (Lang::Zh, true) => "是",
        (Lang::Zh, false) => "否",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

impl Aggregate {
    /// One row per result handed in, in the order given, rejected ones included:
    /// taker, time, attempt, score, passed, code, verification, counted. UTF-8 with a byte
    /// order mark (so that Excel reads Chinese right), headers in `lang`, formulas guarded
    /// ([`csv::write_row`]).
    pub fn takers_csv(&self, lang: Lang) -> String {
        let mut out = String::from(csv::BOM);
        let header: [&str; 8] = match lang {
            Lang::Zh => [
                "姓名",
                "提交时间",
                "第几次",
                "得分",
                "是否通过",
                "校验码",
                "校验",
                "计入统计",
            ],
            Lang::En => [
                "taker",
                "submitted",
                "attempt",
                "score",
                "passed",
                "code",
                "verification",
                "counted",
            ],
        };
        csv::write_row(&mut out, &header);
        let mut rows = self.rows.iter().peekable();
        let mut rejected = self.rejected.iter().peekable();
        loop {
            let take_rejected = match (rows.peek(), rejected.peek()) {
                (Some(r), Some(x)) => x.index < r.index,
                (None, Some(_)) => true,
                (_, None) => false,
            };
            if take_rejected {
                let Some(x) = rejected.next() else { break };
                csv::write_row(
                    &mut out,
                    &[
                        &x.taker,
                        &x.when,
                        &x.attempt.to_string(),
                        &x.score.to_string(),
                        "",
                        "",
                        &x.reason.describe(lang),
                        yes_no(lang, false),
                    ],
                );
                continue;
            }
            let Some(r) = rows.next() else { break };
            csv::write_row(
                &mut out,
                &[
                    &r.taker,
                    &r.when,
                    &r.attempt.to_string(),
                    &r.score.to_string(),
                    yes_no(lang, r.passed),
                    &r.code,
                    &Verification::Ok.describe(lang),
                    yes_no(lang, r.counted),
                ],
            );
        }
        out
    }

    /// One row per question, in the paper's order: number, id, question, answered, correct,
    /// rate (`75.0%`). BOM and headers as [`Aggregate::takers_csv`].
    pub fn questions_csv(&self, lang: Lang) -> String {
        let mut out = String::from(csv::BOM);
        let header: [&str; 6] = match lang {
            Lang::Zh => ["序号", "题目编号", "题目", "作答人数", "答对人数", "正确率"],
            Lang::En => ["no", "id", "question", "answered", "correct", "rate"],
        };
        csv::write_row(&mut out, &header);
        for (i, q) in self.questions.iter().enumerate() {
            csv::write_row(
                &mut out,
                &[
                    &(i + 1).to_string(),
                    &q.id,
                    &q.prompt,
                    &q.answered.to_string(),
                    &q.correct.to_string(),
                    &percent(q.rate),
                ],
            );
        }
        out
    }

    /// The clauses most often missed, in [`Aggregate::clauses`]' order: article label,
    /// clause id, title, misses. BOM and headers as [`Aggregate::takers_csv`].
    pub fn clauses_csv(&self, lang: Lang) -> String {
        let mut out = String::from(csv::BOM);
        let header: [&str; 4] = match lang {
            Lang::Zh => ["条款", "条款编号", "标题", "答错次数"],
            Lang::En => ["article", "clause", "title", "misses"],
        };
        csv::write_row(&mut out, &header);
        for c in &self.clauses {
            csv::write_row(
                &mut out,
                &[&c.label, &c.id, &c.title, &c.misses.to_string()],
            );
        }
        out
    }
}
