//! Taking the quiz: the questions one at a time with their controls, the jump list, the
//! countdown, and feedback on an answer (at once or with the result).

use leptos::prelude::*;

use super::*;

/// The questions, one per screen, with progress, the countdown and navigation.
#[component]
pub(super) fn Taking(session: Session) -> impl IntoView {
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
pub(super) fn answer_text(q: &PaperQuestion, a: &Answer, lang: Lang) -> String {
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
pub(super) fn feedback_box(
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
