//! The result of an attempt: score, pass or fail, feedback on each question, the printable
//! certificate, and handing the result back as a file or a code.

use leptos::prelude::*;

use super::answering::{answer_text, feedback_box};
use super::*;

/// The result of one attempt: score, pass or fail, the certificate, handing it back, and
/// what was right and wrong.
#[component]
pub(super) fn ResultView(session: Session, result: QuizResult) -> impl IntoView {
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
