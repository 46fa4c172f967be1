//! Training: the question bank and quiz sets as data ([`QuizBank`]), questions as a quiz
//! taker gets them ([`paper`]), questions computed from the rules ([`generate`]), grading
//! ([`grade`]), and quizzes handed out and results handed back without a server
//! ([`results`]).

pub mod generate;
pub mod grade;
pub mod paper;
pub mod results;

use serde::{Deserialize, Serialize};

/// Questions and quiz sets of a workspace.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuizBank {
    pub questions: Vec<Question>,
    pub sets: Vec<QuizSet>,
}

/// An author-written question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub explanation: String,
    /// Ids of the clauses this question tests.
    #[serde(default)]
    pub clauses: Vec<String>,
}

/// The shape of a question and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One right option (index into `options`).
    Single {
        options: Vec<String>,
        answer: usize,
    },
    /// Several right options (indexes into `options`).
    Multiple {
        options: Vec<String>,
        answers: Vec<usize>,
    },
    TrueFalse {
        answer: bool,
    },
    /// Free text; any of these answers is accepted (compared without surrounding spaces).
    FillIn {
        accepted: Vec<String>,
    },
}

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multiple { .. } => "multiple",
            QuestionKind::TrueFalse { .. } => "truefalse",
            QuestionKind::FillIn { .. } => "fillin",
        }
    }
}

/// When a quiz taker sees whether an answer was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    Immediate,
    #[default]
    AtEnd,
}

/// A quiz handed to employees.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct QuizSet {
    pub id: String,
    pub name: String,
    /// Topics drawn from: naming, routing, numbers, channels, documents, custom.
    pub topics: Vec<String>,
    pub count: u32,
    /// Pass mark in percent.
    pub pass_mark: u32,
    #[serde(default)]
    pub shuffle: bool,
    #[serde(default)]
    pub seed: u64,
    #[serde(default)]
    pub time_limit_minutes: Option<u32>,
    #[serde(default)]
    pub feedback: Feedback,
    /// `None`: unlimited.
    #[serde(default)]
    pub attempts: Option<u32>,
}

/// Topics a quiz set may draw from.
pub const TOPICS: [&str; 6] = [
    "naming",
    "routing",
    "numbers",
    "channels",
    "documents",
    "custom",
];
