//! Employee mode: take a quiz handed out as a link or a file, on a clean page without
//! the editor; see the result, print a certificate, hand back the result.
//!
//! The paper comes from the address (`/quiz#quiz=v1.…`, read once at start-up and left in
//! the address so a reload shows the quiz again) or from a quiz file the employee opens.
//! Everything that decides an outcome is `core::quiz`: reading and unsealing the paper,
//! whether an answer is right, the score, the result and its verification code.
//!
//! Attempts are kept in this browser's storage under the paper's id
//! ([`ATTEMPTS_PREFIX`]): how many were started, the results handed in, and the attempt in
//! progress (its answers and the time it started, so a reload or a phone that drops the
//! tab resumes it with the clock still running).

mod answering;
mod result;

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::core::quiz::grade;
use crate::core::quiz::paper::{Answer, Kind, QuizQuestion};
use crate::core::quiz::results::{
    self, ClauseRef, Paper, PaperError, PaperQuestion, QuizResult, SubmitError, MAX_PAPER_BYTES,
};
use crate::core::quiz::Feedback;
use crate::core::Lang;
use crate::ui::browser::{self, ReadError};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::use_store;

pub use answering::clause_text;
use answering::Taking;
use result::ResultView;

/// Where the attempts at a paper are kept: this prefix and the paper's id.
pub const ATTEMPTS_PREFIX: &str = "ppg.quiz-attempts.";

/// What this browser keeps about one paper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Attempts {
    /// Attempts started (an attempt counts once started, as on paper).
    #[serde(default)]
    started: u32,
    /// Results handed in, oldest first.
    #[serde(default)]
    results: Vec<QuizResult>,
    #[serde(default)]
    ongoing: Option<Ongoing>,
}

/// The attempt in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Ongoing {
    attempt: u32,
    taker: String,
    /// When it started, in milliseconds since 1970 (the countdown survives a reload).
    started_at: f64,
    #[serde(default)]
    answers: BTreeMap<String, Answer>,
    /// Questions whose answer was checked (immediate feedback): locked.
    #[serde(default)]
    checked: Vec<usize>,
    #[serde(default)]
    current: usize,
}

impl Attempts {
    fn used(&self) -> u32 {
        self.started
            .max(u32::try_from(self.results.len()).unwrap_or(u32::MAX))
    }
}

/// Where the employee is.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Intro,
    Taking,
    Done(Box<QuizResult>),
}

/// One opened paper and what this browser keeps about it.
#[derive(Clone, Copy)]
struct Session {
    paper: StoredValue<Paper>,
    /// The questions with their answers, unsealed once (by core) for grading.
    key: StoredValue<Vec<QuizQuestion>>,
    local: RwSignal<Attempts>,
    phase: RwSignal<Phase>,
    /// Storage refused the last write: attempts are not kept.
    storage_failed: RwSignal<bool>,
    /// Why handing in failed, if it did.
    submit_error: RwSignal<Option<SubmitError>>,
}

impl Session {
    fn new(paper: Paper, key: Vec<QuizQuestion>) -> Session {
        let stored = browser::storage_get(&storage_key(&paper.id));
        let storage_failed = stored.is_err();
        let local: Attempts = stored
            .ok()
            .flatten()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let phase = if local.ongoing.is_some() {
            Phase::Taking
        } else {
            Phase::Intro
        };
        Session {
            paper: StoredValue::new(paper),
            key: StoredValue::new(key),
            local: RwSignal::new(local),
            phase: RwSignal::new(phase),
            storage_failed: RwSignal::new(storage_failed),
            submit_error: RwSignal::new(None),
        }
    }

    /// Changes what is kept and writes it to storage.
    fn update(&self, f: impl FnOnce(&mut Attempts)) {
        self.local.update(f);
        let id = self.paper.with_value(|p| p.id.clone());
        let json = self
            .local
            .with_untracked(|l| serde_json::to_string(l).unwrap_or_default());
        let failed = browser::storage_set(&storage_key(&id), &json).is_err();
        if self.storage_failed.get_untracked() != failed {
            self.storage_failed.set(failed);
        }
    }

    /// Starts the next attempt for `taker`.
    fn start(&self, taker: String) {
        self.submit_error.set(None);
        self.update(|l| {
            l.started = l.used() + 1;
            l.ongoing = Some(Ongoing {
                attempt: l.started,
                taker,
                started_at: browser::epoch_ms(),
                answers: BTreeMap::new(),
                checked: Vec::new(),
                current: 0,
            });
        });
        self.phase.set(Phase::Taking);
    }

    /// Hands in the attempt in progress: core grades it and makes the result.
    fn submit(&self) {
        let Some(ongoing) = self.local.with_untracked(|l| l.ongoing.clone()) else {
            return;
        };
        let made = self.paper.with_value(|p| {
            results::submit(
                p,
                &ongoing.taker,
                &browser::now_local_minute(),
                ongoing.attempt,
                ongoing.answers,
            )
        });
        match made {
            Ok(result) => {
                let kept = result.clone();
                self.update(move |l| {
                    l.results.push(kept);
                    l.ongoing = None;
                });
                self.submit_error.set(None);
                self.phase.set(Phase::Done(Box::new(result)));
            }
            Err(e) => self.submit_error.set(Some(e)),
        }
    }

    fn answer(&self, qid: &str) -> Option<Answer> {
        self.local
            .with(|l| l.ongoing.as_ref().and_then(|o| o.answers.get(qid).cloned()))
    }

    fn set_answer(&self, qid: String, answer: Option<Answer>) {
        self.update(|l| {
            if let Some(o) = l.ongoing.as_mut() {
                match answer {
                    Some(a) => {
                        o.answers.insert(qid, a);
                    }
                    None => {
                        o.answers.remove(&qid);
                    }
                }
            }
        });
    }

    fn immediate(&self) -> bool {
        self.paper.with_value(|p| p.feedback == Feedback::Immediate)
    }

    /// The best verified result handed in from this browser (highest score, first of equals).
    fn best(&self) -> Option<QuizResult> {
        let paper = self.paper.get_value();
        self.local.with(|l| {
            l.results
                .iter()
                .filter(|r| results::verify(&paper, r).is_ok())
                .fold(None::<&QuizResult>, |best, r| match best {
                    Some(b) if b.score >= r.score => Some(b),
                    _ => Some(r),
                })
                .cloned()
        })
    }
}

fn storage_key(paper_id: &str) -> String {
    format!("{ATTEMPTS_PREFIX}{paper_id}")
}

/// What the page shows before a paper is open.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    /// Nothing yet: ask for a link or a file.
    None,
    /// The link or file could not be read.
    Broken(PaperError),
    /// The file could not be read at all.
    Unreadable(ReadError),
}

/// Reads the paper in the address, once, at start-up. The fragment stays, so a reload
/// shows the quiz again.
fn from_address() -> Option<Result<Paper, PaperError>> {
    let hash = browser::location_hash();
    (hash.starts_with("quiz=") || hash.starts_with("quiz%3D") || hash.contains("&quiz="))
        .then(|| Paper::from_fragment(&hash))
}

#[component]
pub fn TakePage() -> impl IntoView {
    let session = RwSignal::new(None::<Session>);
    let source = RwSignal::new(Source::None);
    let open = move |made: Result<Paper, PaperError>| match made.and_then(|p| {
        let key = p.unseal()?;
        Ok((p, key))
    }) {
        Ok((paper, key)) => {
            source.set(Source::None);
            session.set(Some(Session::new(paper, key)));
        }
        Err(e) => source.set(Source::Broken(e)),
    };
    if let Some(made) = from_address() {
        open(made);
    }
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_text(file, MAX_PAPER_BYTES).await {
                Ok(text) => open(Paper::from_json(&text)),
                Err(e) => source.set(Source::Unreadable(e)),
            }
        });
    };
    view! {
        <section class="take" data-testid="take">
            <LangToggle/>
            {move || match session.get() {
                Some(s) => view! { <Quiz session=s/> }.into_any(),
                None => view! {
                    <h1>{tr(K::TkTitle)}</h1>
                    {move || source_error(source.get())}
                    <p>{tr(K::TkOpenIntro)}</p>
                    <p>
                        <label class="file-button">
                            {tr(K::TkOpenFile)}
                            <input type="file" accept=".json,application/json" data-testid="take-open-file" on:change=cb(on_file)/>
                        </label>
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The interface language switch (the employee page has no header).
#[component]
fn LangToggle() -> impl IntoView {
    let store = use_store();
    let toggle = move |_| {
        store.set_ui_lang(match store.ui_lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        })
    };
    view! {
        <p class="take-lang no-print">
            <button type="button" class="lang-toggle" data-testid="lang-toggle" aria-label=tr(K::Language) on:click=cb(toggle)>
                {tr(K::SwitchLanguage)}
            </button>
        </p>
    }
}

fn source_error(source: Source) -> Option<AnyView> {
    let key = match source {
        Source::None => return None,
        Source::Unreadable(ReadError::TooLarge { .. }) => K::FileTooLarge,
        Source::Unreadable(ReadError::NotText) => K::FileNotText,
        Source::Broken(e) => paper_error_key(&e),
    };
    Some(
        view! {
            <div class="notice error" role="alert" data-testid="take-error">
                <p><b>{tr(K::TkBroken)}</b> " " {tr(key)}</p>
            </div>
        }
        .into_any(),
    )
}

/// Why a paper could not be opened, in words.
pub fn paper_error_key(e: &PaperError) -> K {
    match e {
        PaperError::NotAQuizLink => K::TkErrNotLink,
        PaperError::NotAQuizFile => K::TkErrNotFile,
        PaperError::UnsupportedVersion(_) => K::TkErrVersion,
        PaperError::Corrupt => K::TkErrCorrupt,
        PaperError::ChecksumMismatch => K::TkErrChecksum,
        PaperError::TooLarge => K::TkErrTooLarge,
        PaperError::Invalid(_) => K::TkErrInvalid,
    }
}

/// An opened paper: intro, the questions, or the result.
#[component]
fn Quiz(session: Session) -> impl IntoView {
    let paper = session.paper.get_value();
    view! {
        <header class="take-head no-print">
            <h1 data-testid="take-title">{paper.set_name.clone()}</h1>
            <p class="muted" data-testid="take-policy">
                {paper.policy_title.clone()} " · " {paper.doc_code.clone()} " " {paper.policy_version.clone()}
            </p>
        </header>
        {move || match session.phase.get() {
            Phase::Intro => view! { <Intro session/> }.into_any(),
            Phase::Taking => view! { <Taking session/> }.into_any(),
            Phase::Done(result) => view! { <ResultView session result=*result/> }.into_any(),
        }}
    }
}

/// Before starting: what the quiz is, attempts, the name field.
#[component]
fn Intro(session: Session) -> impl IntoView {
    let t = use_t();
    let paper = session.paper.get_value();
    let last_name = session.local.with_untracked(|l| {
        l.results
            .last()
            .map(|r| r.taker.clone())
            .unwrap_or_default()
    });
    let name = RwSignal::new(last_name);
    let name_error = RwSignal::new(false);
    let allowed = paper.attempts;
    let used = move || session.local.with(Attempts::used);
    let used_up = move || allowed.is_some_and(|a| used() >= a);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let taker = name.get_untracked().trim().to_string();
        if taker.is_empty() {
            name_error.set(true);
            browser::focus("take-name");
            return;
        }
        if !used_up() {
            session.start(taker);
        }
    };
    let attempts_text = move || {
        let used = used();
        match allowed {
            Some(a) => format!("{used} / {a}"),
            None => format!("{used} / {}", t(K::Unlimited)),
        }
    };
    let time_text = move || match paper.time_limit_minutes {
        Some(m) => format!("{m} {}", t(K::Minutes)),
        None => t(K::Unlimited).to_string(),
    };
    let feedback_text = move || match paper.feedback {
        Feedback::Immediate => t(K::TkFeedbackImmediate),
        Feedback::AtEnd => t(K::TkFeedbackAtEnd),
    };
    let count = paper.questions.len();
    let pass_mark = paper.pass_mark;
    view! {
        <dl class="take-facts" data-testid="take-facts">
            <div><dt>{tr(K::QuestionCount)}</dt><dd data-testid="take-count">{count}</dd></div>
            <div><dt>{tr(K::PassMark)}</dt><dd data-testid="take-pass-mark">{pass_mark} "%"</dd></div>
            <div><dt>{tr(K::TimeLimit)}</dt><dd data-testid="take-time-limit">{time_text}</dd></div>
            <div><dt>{tr(K::TkAttemptsUsed)}</dt><dd data-testid="take-attempts">{attempts_text}</dd></div>
        </dl>
        <p class="muted small">{feedback_text}</p>
        {move || session.storage_failed.get().then(|| view! {
            <p class="notice warn" role="status" data-testid="take-storage">{tr(K::TkStorageFailed)}</p>
        })}
        {move || if used_up() {
            view! {
                <p class="notice warn" role="status" data-testid="take-used-up">{tr(K::TkUsedUp)}</p>
                {session.best().map(|best| view! {
                    <h2>{tr(K::TkBestResult)}</h2>
                    <div data-testid="take-best"><ResultView session result=best/></div>
                })}
            }
            .into_any()
        } else {
            view! {
                <form class="take-start" on:submit=cb(start) novalidate=true>
                    <label for="take-name">{tr(K::TkYourName)}</label>
                    <input id="take-name" type="text" data-testid="take-name" autocomplete="name" required=true
                        maxlength=results::MAX_TAKER_CHARS.to_string()
                        aria-invalid=move || name_error.get().to_string()
                        aria-describedby="take-name-error"
                        prop:value=move || name.get()
                        on:input=cb(move |ev: leptos::ev::Event| {
                            name.set(event_target_value(&ev));
                            name_error.set(false);
                        })/>
                    <p id="take-name-error" class="field-error" data-testid="take-name-error">
                        {move || name_error.get().then(|| t(K::TkNameRequired))}
                    </p>
                    <button type="submit" class="primary big" data-testid="take-start">{tr(K::TkStart)}</button>
                </form>
            }
            .into_any()
        }}
        <p class="muted small take-honesty" data-testid="take-honesty">{tr(K::TkHonesty)}</p>
    }
}
