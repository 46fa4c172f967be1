//! Questions as a quiz taker gets them and a grader checks them: one shape for questions
//! an author wrote and questions [`generate`](super::generate) computed from the rules.
//!
//! This is the JSON of `ppg quiz generate`: `{"questions": [{"id", "topic", "kind",
//! "prompt", "options", "answer", "explanation", "clauses"}]}`. The answer's JSON shape
//! follows the kind: an option index (single), a sorted list of indexes (multiple), a
//! boolean (truefalse) or a string (fillin).

use serde::{Deserialize, Serialize};

use super::{Question, QuestionKind};

/// The shape of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multiple,
    TrueFalse,
    FillIn,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::TrueFalse => "truefalse",
            Kind::FillIn => "fillin",
        }
    }
}

/// An answer, right or given. Which variant fits depends on the question's [`Kind`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Bool(bool),
    Index(usize),
    Indexes(Vec<usize>),
    Text(String),
}

impl Answer {
    /// Whether this answer has the JSON shape a question of `kind` takes.
    pub fn fits(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Answer::Index(_), Kind::Single)
                | (Answer::Indexes(_), Kind::Multiple)
                | (Answer::Bool(_), Kind::TrueFalse)
                | (Answer::Text(_), Kind::FillIn)
        )
    }
}

/// One question with its right answer, why, and the clauses it tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizQuestion {
    /// Stable for the same rules: an author's id, or one derived from what a generated
    /// question asks.
    pub id: String,
    /// One of [`TOPICS`](super::TOPICS).
    pub topic: String,
    pub kind: Kind,
    pub prompt: String,
    /// The choices of single and multiple choice questions; empty otherwise.
    #[serde(default)]
    pub options: Vec<String>,
    pub answer: Answer,
    /// Fill-in only: other answers also accepted besides `answer`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    #[serde(default)]
    pub explanation: String,
    /// Ids of the clauses this question tests.
    #[serde(default)]
    pub clauses: Vec<String>,
}

impl QuizQuestion {
    /// An author-written question of the bank, in the quiz shape (topic `custom`).
    pub fn from_authored(q: &Question) -> QuizQuestion {
        let (kind, options, answer, accepted) = match &q.kind {
            QuestionKind::Single { options, answer } => (
                Kind::Single,
                options.clone(),
                Answer::Index(*answer),
                Vec::new(),
            ),
            QuestionKind::Multiple { options, answers } => {
                let mut sorted = answers.clone();
                sorted.sort_unstable();
                sorted.dedup();
                (
                    Kind::Multiple,
                    options.clone(),
                    Answer::Indexes(sorted),
                    Vec::new(),
                )
            }
            QuestionKind::TrueFalse { answer } => (
                Kind::TrueFalse,
                Vec::new(),
                Answer::Bool(*answer),
                Vec::new(),
            ),
            QuestionKind::FillIn { accepted } => {
                let mut it = accepted.iter().filter(|a| !a.trim().is_empty());
                let first = it.next().cloned().unwrap_or_default();
                (
                    Kind::FillIn,
                    Vec::new(),
                    Answer::Text(first),
                    it.cloned().collect(),
                )
            }
        };
        QuizQuestion {
            id: q.id.clone(),
            topic: "custom".into(),
            kind,
            prompt: q.prompt.clone(),
            options,
            answer,
            accepted,
            explanation: q.explanation.clone(),
            clauses: q.clauses.clone(),
        }
    }
}
