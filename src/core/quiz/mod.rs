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

/// `prefix-1`, `prefix-2`, …: the first id not in `taken`.
fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_default()
}

/// Moves item `index` one place up or down; `false` when it cannot move.
fn move_one<T>(items: &mut [T], index: usize, up: bool) -> bool {
    let to = if up {
        index.checked_sub(1)
    } else {
        index.checked_add(1)
    };
    match to {
        Some(to) if index < items.len() && to < items.len() => {
            items.swap(index, to);
            true
        }
        _ => false,
    }
}

/// List edits of the bank, as the trainer's editor makes them. Indexes out of range are
/// ignored (`None` or `false`), never a panic.
impl QuizBank {
    /// `q-1`, `q-2`, …: the first question id not taken.
    pub fn fresh_question_id(&self) -> String {
        fresh_id("q", self.questions.iter().map(|q| q.id.as_str()))
    }

    /// `set-1`, `set-2`, …: the first quiz set id not taken.
    pub fn fresh_set_id(&self) -> String {
        fresh_id("set", self.sets.iter().map(|s| s.id.as_str()))
    }

    /// Adds a blank question of `kind` at the end, with a fresh id; returns its index.
    pub fn add_question(&mut self, kind: paper::Kind) -> usize {
        self.questions.push(Question {
            id: self.fresh_question_id(),
            prompt: String::new(),
            kind: QuestionKind::blank(kind),
            explanation: String::new(),
            clauses: Vec::new(),
        });
        self.questions.len() - 1
    }

    /// Puts a copy of question `index` right after it, with a fresh id; returns the copy's
    /// index.
    pub fn duplicate_question(&mut self, index: usize) -> Option<usize> {
        let mut copy = self.questions.get(index)?.clone();
        copy.id = self.fresh_question_id();
        self.questions.insert(index + 1, copy);
        Some(index + 1)
    }

    /// Removes question `index`.
    pub fn remove_question(&mut self, index: usize) -> Option<Question> {
        (index < self.questions.len()).then(|| self.questions.remove(index))
    }

    /// Moves question `index` one place up or down.
    pub fn move_question(&mut self, index: usize, up: bool) -> bool {
        move_one(&mut self.questions, index, up)
    }

    /// Adds a quiz set named `name` at the end: every topic, ten questions, pass mark 80,
    /// shuffled with seed `seed`, feedback at the end; returns its index.
    pub fn add_set(&mut self, name: String, seed: u64) -> usize {
        self.sets.push(QuizSet {
            id: self.fresh_set_id(),
            name,
            topics: TOPICS.iter().map(|t| t.to_string()).collect(),
            count: 10,
            pass_mark: 80,
            shuffle: true,
            seed,
            time_limit_minutes: None,
            feedback: Feedback::AtEnd,
            attempts: None,
        });
        self.sets.len() - 1
    }

    /// Puts a copy of set `index` right after it, with a fresh id and `suffix` added to its
    /// name; returns the copy's index.
    pub fn duplicate_set(&mut self, index: usize, suffix: &str) -> Option<usize> {
        let mut copy = self.sets.get(index)?.clone();
        copy.id = self.fresh_set_id();
        copy.name.push_str(suffix);
        self.sets.insert(index + 1, copy);
        Some(index + 1)
    }

    /// Removes set `index`.
    pub fn remove_set(&mut self, index: usize) -> Option<QuizSet> {
        (index < self.sets.len()).then(|| self.sets.remove(index))
    }

    /// Moves set `index` one place up or down.
    pub fn move_set(&mut self, index: usize, up: bool) -> bool {
        move_one(&mut self.sets, index, up)
    }
}

impl QuizSet {
    /// Turns `topic` on or off, keeping the topics in the order of [`TOPICS`] (unknown
    /// topics stay, at the end, for validation to report).
    pub fn set_topic(&mut self, topic: &str, on: bool) {
        self.topics.retain(|t| t != topic);
        if on {
            self.topics.push(topic.to_string());
        }
        let rank = |t: &String| TOPICS.iter().position(|k| k == t).unwrap_or(TOPICS.len());
        self.topics.sort_by_key(rank);
    }
}

impl Question {
    /// Cites clause `id` (once).
    pub fn cite(&mut self, id: &str) {
        if !id.is_empty() && !self.clauses.iter().any(|c| c == id) {
            self.clauses.push(id.to_string());
        }
    }
}

/// Edits of a question's options and answer. A single-choice answer out of range means no
/// option is marked right (bundle validation reports it as an answer out of range); the
/// edits keep it out of range rather than silently marking another option right.
impl QuestionKind {
    /// A new question of `kind`: two empty options with the first right, `true`, or one
    /// empty accepted answer to fill in.
    pub fn blank(kind: paper::Kind) -> QuestionKind {
        match kind {
            paper::Kind::Single => QuestionKind::Single {
                options: vec![String::new(), String::new()],
                answer: 0,
            },
            paper::Kind::Multiple => QuestionKind::Multiple {
                options: vec![String::new(), String::new()],
                answers: vec![0],
            },
            paper::Kind::TrueFalse => QuestionKind::TrueFalse { answer: true },
            paper::Kind::FillIn => QuestionKind::FillIn {
                accepted: vec![String::new()],
            },
        }
    }

    /// The shape of this question.
    pub fn kind(&self) -> paper::Kind {
        match self {
            QuestionKind::Single { .. } => paper::Kind::Single,
            QuestionKind::Multiple { .. } => paper::Kind::Multiple,
            QuestionKind::TrueFalse { .. } => paper::Kind::TrueFalse,
            QuestionKind::FillIn { .. } => paper::Kind::FillIn,
        }
    }

    /// This question as one of another kind, keeping what carries over: the options and the
    /// right ones between single and multiple choice (a single choice keeps the first right
    /// option), the right options' texts as accepted answers, accepted answers as options
    /// (the first right).
    pub fn converted(&self, to: paper::Kind) -> QuestionKind {
        if self.kind() == to {
            return self.clone();
        }
        let right: Vec<usize> = self.right_options();
        match (self, to) {
            (
                QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. },
                paper::Kind::Single,
            ) => QuestionKind::Single {
                options: options.clone(),
                answer: right.first().copied().unwrap_or(options.len()),
            },
            (
                QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. },
                paper::Kind::Multiple,
            ) => QuestionKind::Multiple {
                options: options.clone(),
                answers: right,
            },
            (
                QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. },
                paper::Kind::FillIn,
            ) => {
                let mut accepted: Vec<String> = right
                    .iter()
                    .filter_map(|&k| options.get(k))
                    .filter(|o| !o.trim().is_empty())
                    .cloned()
                    .collect();
                if accepted.is_empty() {
                    accepted.push(String::new());
                }
                QuestionKind::FillIn { accepted }
            }
            (QuestionKind::FillIn { accepted }, paper::Kind::Single | paper::Kind::Multiple) => {
                let mut options: Vec<String> = accepted
                    .iter()
                    .filter(|a| !a.trim().is_empty())
                    .cloned()
                    .collect();
                let had = options.len();
                while options.len() < 2 {
                    options.push(String::new());
                }
                let first_right = if had > 0 { 0 } else { options.len() };
                if to == paper::Kind::Single {
                    QuestionKind::Single {
                        options,
                        answer: first_right,
                    }
                } else {
                    QuestionKind::Multiple {
                        options,
                        answers: (0..had).collect(),
                    }
                }
            }
            (_, paper::Kind::TrueFalse) => QuestionKind::TrueFalse { answer: true },
            (QuestionKind::TrueFalse { .. }, _) => QuestionKind::blank(to),
            // Same kind: handled above.
            _ => self.clone(),
        }
    }

    /// The options of a choice question; empty otherwise.
    pub fn options(&self) -> &[String] {
        match self {
            QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                options
            }
            _ => &[],
        }
    }

    /// The options of a choice question, to edit their texts.
    pub fn options_mut(&mut self) -> Option<&mut Vec<String>> {
        match self {
            QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                Some(options)
            }
            _ => None,
        }
    }

    /// The accepted answers of a fill-in question; empty otherwise.
    pub fn accepted(&self) -> &[String] {
        match self {
            QuestionKind::FillIn { accepted } => accepted,
            _ => &[],
        }
    }

    /// The accepted answers of a fill-in question, to edit.
    pub fn accepted_mut(&mut self) -> Option<&mut Vec<String>> {
        match self {
            QuestionKind::FillIn { accepted } => Some(accepted),
            _ => None,
        }
    }

    /// Indexes of the options marked right that exist, in order.
    pub fn right_options(&self) -> Vec<usize> {
        match self {
            QuestionKind::Single { options, answer } if *answer < options.len() => vec![*answer],
            QuestionKind::Multiple { options, answers } => {
                let mut v: Vec<usize> = answers
                    .iter()
                    .copied()
                    .filter(|a| *a < options.len())
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            }
            _ => Vec::new(),
        }
    }

    /// Whether option `k` is marked right.
    pub fn is_right(&self, k: usize) -> bool {
        match self {
            QuestionKind::Single { answer, .. } => *answer == k,
            QuestionKind::Multiple { answers, .. } => answers.contains(&k),
            _ => false,
        }
    }

    /// Marks option `k` right or not. A single choice has one right option: marking one
    /// unmarks the other; unmarking it leaves none.
    pub fn set_right(&mut self, k: usize, right: bool) {
        match self {
            QuestionKind::Single { options, answer } if k < options.len() => {
                if right {
                    *answer = k;
                } else if *answer == k {
                    *answer = options.len();
                }
            }
            QuestionKind::Multiple { options, answers } if k < options.len() => {
                answers.retain(|a| *a != k);
                if right {
                    answers.push(k);
                    answers.sort_unstable();
                }
            }
            _ => {}
        }
    }

    /// A multiple-choice question with no option marked right, which bundle validation does
    /// not report (a single-choice answer out of range it reports as such).
    pub fn no_right_option(&self) -> bool {
        matches!(self, QuestionKind::Multiple { answers, .. } if answers.is_empty())
    }

    /// Adds an option at the end (not right).
    pub fn add_option(&mut self, text: String) {
        match self {
            QuestionKind::Single { options, answer } => {
                let none = *answer >= options.len();
                options.push(text);
                if none {
                    *answer = options.len();
                }
            }
            QuestionKind::Multiple { options, .. } => options.push(text),
            _ => {}
        }
    }

    /// Removes option `k`, renumbering the right ones after it. Removing the right option
    /// of a single choice leaves none marked.
    pub fn remove_option(&mut self, k: usize) -> bool {
        match self {
            QuestionKind::Single { options, answer } if k < options.len() => {
                let none = *answer >= options.len() || *answer == k;
                options.remove(k);
                if none {
                    *answer = options.len();
                } else if *answer > k {
                    *answer -= 1;
                }
                true
            }
            QuestionKind::Multiple { options, answers } if k < options.len() => {
                options.remove(k);
                answers.retain(|a| *a != k);
                for a in answers.iter_mut() {
                    if *a > k {
                        *a -= 1;
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// Moves option `k` one place up or down; the right options move with their texts.
    pub fn move_option(&mut self, k: usize, up: bool) -> bool {
        let Some(options) = self.options_mut() else {
            return false;
        };
        let Some(to) = (if up {
            k.checked_sub(1)
        } else {
            k.checked_add(1)
        }) else {
            return false;
        };
        if !move_one(options, k, up) {
            return false;
        }
        let swap = |a: &mut usize| {
            if *a == k {
                *a = to;
            } else if *a == to {
                *a = k;
            }
        };
        match self {
            QuestionKind::Single { answer, .. } => swap(answer),
            QuestionKind::Multiple { answers, .. } => {
                answers.iter_mut().for_each(swap);
                answers.sort_unstable();
            }
            _ => {}
        }
        true
    }
}
