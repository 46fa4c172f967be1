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

/// The questions, one per screen, with progress, the countdown and navigation.
#[component]
fn Taking(session: Session) -> impl IntoView {
    let t = use_t();
    let total = session.paper.with_value(|p| p.questions.len());
    let current = Memo::new(move |_| {
        session.local.with(|l| {
            l.ongoing
                .as_ref()
                .map_or(0, |o| o.current.min(total.saturating_sub(1)))
        })
    });
    let go = move |to: usize| {
        session.update(|l| {
            if let Some(o) = l.ongoing.as_mut() {
                o.current = to.min(total.saturating_sub(1));
            }
        });
        browser::focus("take-q-prompt");
    };
    let answered = move || {
        session
            .local
            .with(|l| l.ongoing.as_ref().map_or(0, |o| o.answers.len()))
    };
    let immediate = session.immediate();
    let is_checked = move |i: usize| {
        session
            .local
            .with(|l| l.ongoing.as_ref().is_some_and(|o| o.checked.contains(&i)))
    };
    let check = move |_| {
        let i = current.get_untracked();
        session.update(|l| {
            if let Some(o) = l.ongoing.as_mut() {
                if !o.checked.contains(&i) {
                    o.checked.push(i);
                }
            }
        });
    };
    let submit = move |_| session.submit();
    let nav = move || {
        let i = current.get();
        let last = i + 1 >= total;
        let qid = session
            .paper
            .with_value(|p| p.questions.get(i).map(|q| q.id.clone()))
            .unwrap_or_default();
        let needs_check = immediate && !is_checked(i) && session.answer(&qid).is_some();
        view! {
            <div class="take-nav">
                <button type="button" data-testid="take-prev" prop:disabled=i == 0 on:click=cb(move |_| go(i.saturating_sub(1)))>
                    {tr(K::TkPrev)}
                </button>
                {if needs_check {
                    view! { <button type="button" class="primary" data-testid="take-check" on:click=cb(check)>{tr(K::TkCheck)}</button> }.into_any()
                } else if last {
                    view! { <button type="button" class="primary" data-testid="take-submit" on:click=cb(submit)>{tr(K::TkSubmit)}</button> }.into_any()
                } else {
                    view! { <button type="button" class="primary" data-testid="take-next" on:click=cb(move |_| go(i + 1))>{tr(K::TkNext)}</button> }.into_any()
                }}
            </div>
        }
    };
    view! {
        <div class="take-bar">
            <span class="take-progress-text" data-testid="take-progress">{move || format!("{} / {total}", current.get() + 1)}</span>
            <progress max=total.to_string() prop:value=move || (current.get() + 1) as f64 aria-label=move || t(K::TkProgress)></progress>
            <Countdown session/>
        </div>
        <QuestionView session index=current/>
        {nav}
        <p class="muted small" data-testid="take-answered">
            {move || format!("{} {} / {total}", t(K::TkAnswered), answered())}
        </p>
        {move || session.submit_error.get().map(|e| view! {
            <p class="notice error" role="alert" data-testid="take-submit-error">{tr(submit_error_key(&e))}</p>
        })}
        {jumper(session, total, current, go)}
        {move || (current.get() + 1 < total).then(|| view! {
            <p class="take-finish">
                <button type="button" data-testid="take-submit-early" on:click=cb(submit)>{tr(K::TkSubmitNow)}</button>
            </p>
        })}
    }
}

fn submit_error_key(e: &SubmitError) -> K {
    match e {
        SubmitError::Paper(p) => paper_error_key(p),
        SubmitError::NoTaker => K::TkNameRequired,
        SubmitError::NoAttemptsLeft { .. } => K::TkUsedUp,
        SubmitError::NoTime | SubmitError::TooLong { .. } => K::TkSubmitFailed,
    }
}

/// Numbered buttons to jump to any question, showing which are answered.
fn jumper(
    session: Session,
    total: usize,
    current: Memo<usize>,
    go: impl Fn(usize) + Copy + 'static,
) -> AnyView {
    let t = use_t();
    let ids: Vec<String> = session
        .paper
        .with_value(|p| p.questions.iter().map(|q| q.id.clone()).collect());
    view! {
        <nav class="take-jump no-print" aria-label=move || t(K::TkJump)>
            {ids
                .into_iter()
                .enumerate()
                .take(total)
                .map(|(i, id)| {
                    let done = move || session.answer(&id).is_some();
                    view! {
                        <button type="button" class:done=done
                            aria-current=move || (current.get() == i).then_some("step")
                            on:click=cb(move |_| go(i))>
                            {i + 1}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
    .into_any()
}

/// The time left, when the quiz has a limit; hands in at zero.
#[component]
fn Countdown(session: Session) -> impl IntoView {
    let t = use_t();
    let limit_ms = session
        .paper
        .with_value(|p| p.time_limit_minutes)
        .map(|m| f64::from(m) * 60_000.0);
    let started = session
        .local
        .with_untracked(|l| l.ongoing.as_ref().map(|o| o.started_at))
        .unwrap_or_else(browser::epoch_ms);
    let now = RwSignal::new(browser::epoch_ms());
    if limit_ms.is_some() {
        if let Ok(handle) = set_interval_with_handle(
            move || now.set(browser::epoch_ms()),
            std::time::Duration::from_millis(500),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    let left = move || limit_ms.map(|l| (l - (now.get() - started)).max(0.0));
    let fired = StoredValue::new(false);
    Effect::new(move |_| {
        if left() == Some(0.0) && !fired.get_value() {
            fired.set_value(true);
            session.submit();
        }
    });
    move || {
        left().map(|ms| {
            let secs = (ms / 1000.0).ceil() as u64;
            view! {
                <span class="take-timer" class:low=secs <= 60 role="timer" data-testid="take-timer">
                    <span class="take-timer-label">{move || t(K::TkTimeLeft)}</span> " "
                    {format!("{:02}:{:02}", secs / 60, secs % 60)}
                </span>
            }
        })
    }
}

/// One question and its answer controls; with immediate feedback, the verdict once checked.
#[component]
fn QuestionView(session: Session, index: Memo<usize>) -> impl IntoView {
    move || {
        let i = index.get();
        let q = session.paper.with_value(|p| p.questions.get(i).cloned())?;
        let locked = Signal::derive(move || {
            session
                .local
                .with(|l| l.ongoing.as_ref().is_some_and(|o| o.checked.contains(&i)))
        });
        let kind_label = kind_key(q.kind);
        let controls = controls(session, i, &q, locked);
        let qid = q.id.clone();
        let prompt = q.prompt.clone();
        let feedback = move || {
            if !locked.get() {
                return None;
            }
            let given = session.answer(&qid);
            let question = session.key.with_value(|k| k.get(i).cloned())?;
            let shown = session.paper.with_value(|p| p.questions.get(i).cloned())?;
            let correct = given
                .as_ref()
                .is_some_and(|g| grade::is_correct(&question, g));
            Some(feedback_box(&shown, &question, correct, "take-feedback"))
        };
        Some(view! {
            <article class="take-question" data-testid="take-question" data-qid=q.id.clone() data-kind=q.kind.name()>
                <p class="tag">{tr(kind_label)}</p>
                <h2 id="take-q-prompt" class="take-prompt" tabindex="-1">{prompt}</h2>
                {controls}
                {feedback}
            </article>
        })
    }
}

fn kind_key(kind: Kind) -> K {
    match kind {
        Kind::Single => K::KindSingle,
        Kind::Multiple => K::KindMultiple,
        Kind::TrueFalse => K::KindTrueFalse,
        Kind::FillIn => K::KindFillIn,
    }
}

/// The answer controls of one question: radios, checkboxes, true/false buttons or a text
/// field.
fn controls(session: Session, i: usize, q: &PaperQuestion, locked: Signal<bool>) -> AnyView {
    let qid = q.id.clone();
    let current = {
        let qid = qid.clone();
        move || session.answer(&qid)
    };
    let set = {
        let qid = qid.clone();
        move |a: Option<Answer>| session.set_answer(qid.clone(), a)
    };
    match q.kind {
        Kind::Single | Kind::Multiple => {
            let multiple = q.kind == Kind::Multiple;
            let options = q
                .options
                .iter()
                .enumerate()
                .map(|(k, text)| {
                    let current = current.clone();
                    let set = set.clone();
                    let checked = move || match current() {
                        Some(Answer::Index(j)) => j == k,
                        Some(Answer::Indexes(js)) => js.contains(&k),
                        _ => false,
                    };
                    let current = {
                        let qid = qid.clone();
                        move || session.answer(&qid)
                    };
                    let change = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        if !multiple {
                            set(Some(Answer::Index(k)));
                            return;
                        }
                        let mut picked = match current() {
                            Some(Answer::Indexes(js)) => js,
                            _ => Vec::new(),
                        };
                        picked.retain(|&j| j != k);
                        if on {
                            picked.push(k);
                        }
                        picked.sort_unstable();
                        set((!picked.is_empty()).then_some(Answer::Indexes(picked)));
                    };
                    view! {
                        <label class="take-option">
                            <input type=if multiple { "checkbox" } else { "radio" } name=format!("take-q{i}")
                                data-testid="take-option" data-index=k.to_string()
                                prop:checked=checked prop:disabled=move || locked.get()
                                on:change=cb(change)/>
                            <span class="take-letter">{letter(k)}</span>
                            <span>{text.clone()}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="take-options">
                    <legend class="visually-hidden">{q.prompt.clone()}</legend>
                    {multiple.then(|| view! { <p class="muted small">{tr(K::TkPickAll)}</p> })}
                    {options}
                </fieldset>
            }
            .into_any()
        }
        Kind::TrueFalse => {
            let button = move |value: bool, key: K, testid: &'static str| {
                let current = current.clone();
                let set = set.clone();
                view! {
                    <button type="button" class="take-tf" data-testid=testid
                        aria-pressed=move || (current() == Some(Answer::Bool(value))).to_string()
                        prop:disabled=move || locked.get()
                        on:click=cb(move |_| set(Some(Answer::Bool(value))))>
                        {tr(key)}
                    </button>
                }
            };
            view! {
                <div class="take-tfs" role="group" aria-label=q.prompt.clone()>
                    {button(true, K::True, "take-true")}
                    {button(false, K::False, "take-false")}
                </div>
            }
            .into_any()
        }
        Kind::FillIn => {
            let value = move || match current() {
                Some(Answer::Text(s)) => s,
                _ => String::new(),
            };
            let input = move |ev: leptos::ev::Event| {
                let text = event_target_value(&ev);
                set((!text.trim().is_empty()).then_some(Answer::Text(text)));
            };
            view! {
                <label class="take-fillin">
                    <span>{tr(K::TkYourAnswer)}</span>
                    <input type="text" data-testid="take-fillin" autocomplete="off"
                        maxlength=results::MAX_TEXT_ANSWER_CHARS.to_string()
                        prop:value=value prop:disabled=move || locked.get() on:input=cb(input)/>
                </label>
            }
            .into_any()
        }
    }
}

/// `A`, `B`, … for option `k`.
fn letter(k: usize) -> String {
    u8::try_from(k)
        .ok()
        .filter(|k| *k < 26)
        .map_or_else(|| (k + 1).to_string(), |k| char::from(b'A' + k).to_string())
}

/// An answer in words: the option letters and texts, true or false, or the text.
fn answer_text(q: &PaperQuestion, a: &Answer, lang: Lang) -> String {
    let option = |k: usize| {
        format!(
            "{}. {}",
            letter(k),
            q.options.get(k).map(String::as_str).unwrap_or("?")
        )
    };
    match a {
        Answer::Index(k) => option(*k),
        Answer::Indexes(ks) => ks.iter().map(|k| option(*k)).collect::<Vec<_>>().join("；"),
        Answer::Bool(b) => (if *b { K::True } else { K::False }).text(lang).to_string(),
        Answer::Text(s) => s.clone(),
    }
}

/// `第5条 标题`, or the clause id when the policy had no such clause.
pub fn clause_text(c: &ClauseRef) -> String {
    match (c.label.is_empty(), c.title.is_empty()) {
        (true, _) => c.id.clone(),
        (false, true) => c.label.clone(),
        (false, false) => format!("{} {}", c.label, c.title),
    }
}

/// Right or wrong, the right answer, why, and the clauses cited.
fn feedback_box(
    shown: &PaperQuestion,
    question: &QuizQuestion,
    correct: bool,
    testid: &'static str,
) -> AnyView {
    let store = use_store();
    let lang = store.ui_lang.get_untracked();
    let mut right = answer_text(shown, &question.answer, lang);
    if !question.accepted.is_empty() {
        right = format!("{right} / {}", question.accepted.join(" / "));
    }
    let cites: Vec<String> = shown.clauses.iter().map(clause_text).collect();
    let explanation = question.explanation.clone();
    view! {
        <div class="take-feedback" class:correct=correct class:incorrect=!correct role="status"
            data-testid=testid data-correct=correct.to_string()>
            <p class="take-verdict-line"><b>{tr(if correct { K::TkCorrect } else { K::TkIncorrect })}</b></p>
            {(!correct).then(|| view! { <p>{tr(K::TkRightAnswer)} ": " <span data-testid="take-right-answer">{right}</span></p> })}
            {(!explanation.is_empty()).then(|| view! { <p>{explanation}</p> })}
            {(!cites.is_empty()).then(|| view! { <p class="cite" data-testid="take-cites">{tr(K::Cites)} ": " {cites.join("；")}</p> })}
        </div>
    }
    .into_any()
}

/// The result of one attempt: score, pass or fail, the certificate, handing it back, and
/// what was right and wrong.
#[component]
fn ResultView(session: Session, result: QuizResult) -> impl IntoView {
    let t = use_t();
    let paper = session.paper.get_value();
    let graded = session
        .key
        .with_value(|k| grade::grade(k, &result.answers, paper.pass_mark));
    let allowed = paper.attempts;
    let can_retry = move || allowed.is_none_or(|a| session.local.with(Attempts::used) < a);
    let in_result_phase = move || matches!(session.phase.get(), Phase::Done(_));
    let review = paper
        .questions
        .iter()
        .zip(&graded.per_question)
        .enumerate()
        .map(|(i, (shown, r))| {
            let question = session.key.with_value(|k| k.get(i).cloned());
            let given = r.given.clone();
            let expected = serde_json::to_string(&r.expected).unwrap_or_default();
            let shown_c = shown.clone();
            let given_text = move || {
                let lang = use_store().ui_lang.get();
                given
                    .as_ref()
                    .map_or_else(|| K::TkUnanswered.text(lang).to_string(), |g| answer_text(&shown_c, g, lang))
            };
            view! {
                <li class="take-review-item" data-testid="take-review-item" data-qid=shown.id.clone()
                    data-kind=shown.kind.name() data-expected=expected data-correct=r.correct.to_string()>
                    <p class="take-review-prompt">{shown.prompt.clone()}</p>
                    <p class="small">{tr(K::TkYourAnswer)} ": " {given_text}</p>
                    {question.map(|q| feedback_box(shown, &q, r.correct, "take-review-feedback"))}
                </li>
            }
        })
        .collect_view();
    let passed = result.passed;
    let score = result.score;
    view! {
        <div class="take-result" data-testid="take-result">
            <div class="take-score no-print" class:passed=passed class:failed=!passed>
                <p class="take-score-number" data-testid="take-score">{score} "%"</p>
                <p class="take-verdict" data-testid="take-verdict" data-passed=passed.to_string()>
                    {tr(if passed { K::TkPassed } else { K::TkFailed })}
                </p>
                <p class="muted small">
                    {move || format!("{} {} / {} · {} {}%", t(K::TkCorrectCount), graded.correct, graded.total, t(K::PassMark), paper.pass_mark)}
                </p>
            </div>
            {if passed {
                view! { <Certificate session result=result.clone()/> }.into_any()
            } else {
                view! { <p class="muted no-print" data-testid="take-no-certificate">{tr(K::TkNoCertificate)}</p> }.into_any()
            }}
            <HandBack result=result.clone()/>
            <details class="take-review no-print" open=true>
                <summary>{tr(K::TkReview)}</summary>
                <ol data-testid="take-review">{review}</ol>
            </details>
            {move || (in_result_phase() && can_retry()).then(|| view! {
                <p class="no-print">
                    <button type="button" data-testid="take-again" on:click=cb(move |_| session.phase.set(Phase::Intro))>
                        {tr(K::TkAgain)}
                    </button>
                </p>
            })}
            {move || (in_result_phase() && !can_retry()).then(|| view! {
                <p class="muted no-print" data-testid="take-no-more">{tr(K::TkNoMoreAttempts)}</p>
            })}
        </div>
    }
}

/// The printable certificate.
#[component]
fn Certificate(session: Session, result: QuizResult) -> impl IntoView {
    let paper = session.paper.get_value();
    let date = result
        .when
        .split('T')
        .next()
        .unwrap_or_default()
        .to_string();
    let print = move |_| {
        let _ = browser::print_page();
    };
    let row = |k: K, v: String, testid: &'static str| {
        view! { <div><dt>{tr(k)}</dt><dd data-testid=testid>{v}</dd></div> }
    };
    view! {
        <article class="certificate" data-testid="take-certificate">
            <p class="cert-kicker">{tr(K::TkCertificate)}</p>
            <p class="cert-name" data-testid="cert-name">{result.taker.clone()}</p>
            <p class="cert-line">{tr(K::TkCertPassed)}</p>
            <p class="cert-quiz" data-testid="cert-quiz">{paper.set_name.clone()}</p>
            <dl class="cert-facts">
                {row(K::TkScore, format!("{}%", result.score), "cert-score")}
                {row(K::TkDate, date, "cert-date")}
                {row(K::TkPolicy, paper.policy_title.clone(), "cert-policy")}
                {row(K::MetaVersion, paper.policy_version.clone(), "cert-version")}
                {row(K::MetaDocCode, paper.doc_code.clone(), "cert-doc-code")}
                {row(K::TkVerification, result.code.clone(), "cert-code")}
            </dl>
            <p class="cert-note small">{tr(K::TkCertNote)} " " <code>{paper.id.clone()}</code></p>
        </article>
        <p class="no-print">
            <button type="button" data-testid="take-print" on:click=cb(print)>{tr(K::TkPrint)}</button>
        </p>
    }
}

/// Handing the result back: a small file, or a code to paste in a chat.
#[component]
fn HandBack(result: QuizResult) -> impl IntoView {
    let t = use_t();
    let code = result.to_code();
    let status = RwSignal::new(None::<bool>);
    let file_name = format!(
        "{}-{}-{}.ppgresult.json",
        file_part(&result.set_name),
        file_part(&result.taker),
        result.attempt
    );
    let json = result.to_json();
    let download = move |_| {
        let _ = browser::download(&file_name, "application/json", &json);
    };
    let copy = {
        let code = code.clone();
        move |_| {
            let code = code.clone();
            leptos::task::spawn_local(async move {
                let ok = browser::copy_text(&code).await.is_ok();
                status.set(Some(ok));
                if !ok {
                    browser::focus("take-code");
                }
            });
        }
    };
    view! {
        <section class="take-handback no-print" data-testid="take-handback">
            <h2>{tr(K::TkHandBack)}</h2>
            <p class="small">{tr(K::TkHandBackIntro)}</p>
            <p class="actions">
                <button type="button" data-testid="take-download" on:click=cb(download)>{tr(K::TkDownloadResult)}</button>
                <button type="button" data-testid="take-copy" on:click=cb(copy)>{tr(K::TkCopyCode)}</button>
            </p>
            <label for="take-code" class="small">{tr(K::TkResultCode)}</label>
            <textarea id="take-code" class="manual-copy" readonly=true rows="3" data-testid="take-code"
                prop:value=code
                on:focus=cb(|ev: web_sys::FocusEvent| {
                    use wasm_bindgen::JsCast;
                    if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                        area.select();
                    }
                })></textarea>
            <p role="status" class="small" data-testid="take-copy-status">
                {move || status.get().map(|ok| t(if ok { K::TkCodeCopied } else { K::TkCopyByHand }))}
            </p>
        </section>
    }
}

/// Letters, digits, `-` and `_` of `s` (any script), for a file name.
fn file_part(s: &str) -> String {
    let part: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    let part = part.trim_matches('-').to_string();
    if part.is_empty() {
        "quiz".into()
    } else {
        part
    }
}
