//! Handing a quiz out without a server: the paper for a quiz set, made from the current
//! workspace by `core::quiz` ([`generate::for_set`], then [`results::make_paper`]), as a
//! link to the employee page (`/quiz#quiz=v1.…`), as a file, or opened in a new tab.
//!
//! The paper is made when a button is pressed, never on every edit: generating questions
//! from the rules is not free, and a link must match the workspace at the moment it is
//! handed out.

use leptos::prelude::*;

use crate::core::export::share::MAX_FRAGMENT_CHARS;
use crate::core::quiz::generate;
use crate::core::quiz::results::{self, Paper};
use crate::core::Bundle;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::use_store;

/// The employee page's route.
pub const QUIZ_PATH: &str = "/quiz";

/// Links longer than this may be cut by chat apps and mail programs: the page says so and
/// points to the file.
pub const LONG_LINK_CHARS: usize = 4_000;

/// The paper for quiz set `set_id` as the workspace makes it now, or `None` when there is
/// no such set.
pub fn paper_for(bundle: &Bundle, set_id: &str) -> Option<Paper> {
    let set = bundle.quiz.sets.iter().find(|s| s.id == set_id)?;
    let questions = generate::for_set(bundle, set);
    Some(results::make_paper(bundle, set, questions))
}

/// The file name of a paper: `<set id>-<paper id>.ppgquiz.json`.
pub fn paper_file_name(paper: &Paper) -> String {
    let set: String = paper
        .set_id
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    let set = if set.is_empty() { "quiz".into() } else { set };
    let id: String = paper.id.chars().take(8).collect();
    format!("{set}-{id}.ppgquiz.json")
}

/// What the last button press made.
#[derive(Debug, Clone, PartialEq)]
struct Made {
    questions: usize,
    paper_id: String,
    /// The link, unless it is too long to be one.
    url: Option<String>,
    chars: usize,
    /// What happened: copied, copy failed, downloaded, opened.
    status: Option<K>,
}

/// Hand out quiz set `set_id`: copy its link, download its file, open the employee view.
#[component]
pub fn HandOut(set_id: String) -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let made = RwSignal::new(None::<Made>);
    let missing = RwSignal::new(false);
    let id = StoredValue::new(set_id.clone());
    // A link made earlier no longer matches the workspace once it changes.
    Effect::watch(
        move || store.bundle.track(),
        move |_, _, _| made.set(None),
        false,
    );
    // Makes the paper and its link now.
    let make = move || -> Option<(Paper, Made)> {
        let paper = store
            .bundle
            .with_untracked(|b| paper_for(b, &id.get_value()));
        missing.set(paper.is_none());
        let paper = paper?;
        let fragment = paper.to_fragment();
        let url = browser::app_url_at(QUIZ_PATH, &fragment);
        let chars = url.chars().count();
        let info = Made {
            questions: paper.questions.len(),
            paper_id: paper.id.clone(),
            url: (fragment.len() <= MAX_FRAGMENT_CHARS).then_some(url),
            chars,
            status: None,
        };
        Some((paper, info))
    };
    let copy = move |_| {
        let Some((_, info)) = make() else { return };
        let url = info.url.clone();
        made.set(Some(info));
        let Some(url) = url else { return };
        leptos::task::spawn_local(async move {
            let ok = browser::copy_text(&url).await.is_ok();
            made.update(|m| {
                if let Some(m) = m {
                    m.status = Some(if ok { K::LinkCopied } else { K::TrCopyByHand });
                }
            });
        });
    };
    let download = move |_| {
        let Some((paper, mut info)) = make() else {
            return;
        };
        let ok = browser::download(
            &paper_file_name(&paper),
            "application/json",
            &paper.to_json(),
        )
        .is_ok();
        info.status = Some(if ok {
            K::TrQuizDownloaded
        } else {
            K::DocFailed
        });
        made.set(Some(info));
    };
    let open = move |_| {
        let Some((_, mut info)) = make() else { return };
        let ok = info
            .url
            .as_deref()
            .is_some_and(|url| browser::open_new_tab(url).is_ok());
        info.status = ok.then_some(K::TrOpened);
        made.set(Some(info));
    };
    let result = move || {
        made.get().map(|m| {
            let Made { questions, paper_id, url, chars, status } = m;
            let long = url.is_some() && chars > LONG_LINK_CHARS;
            view! {
                <div class="handout-result">
                    <p class="small" data-testid="handout-summary">
                        {move || format!("{} {questions} · {} {paper_id}", t(K::QuestionCount), t(K::TrPaperId))}
                    </p>
                    {(questions == 0).then(|| view! {
                        <p class="notice warn" role="alert" data-testid="handout-empty">{tr(K::TrNoQuestions)}</p>
                    })}
                    {match url {
                        Some(url) => view! {
                            <input type="text" readonly=true class="share-url" data-testid="handout-url" prop:value=url
                                aria-label=move || t(K::TrQuizLink)
                                on:focus=cb(|ev: web_sys::FocusEvent| {
                                    use wasm_bindgen::JsCast;
                                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                        input.select();
                                    }
                                })/>
                            <p class="muted small">{move || format!("{} {chars}", t(K::ShareLinkChars))}</p>
                        }
                        .into_any(),
                        None => view! {
                            <p class="notice warn" role="alert" data-testid="handout-too-long">
                                {move || format!("{} ({chars} / {MAX_FRAGMENT_CHARS})", t(K::TrLinkTooLong))}
                            </p>
                        }
                        .into_any(),
                    }}
                    {long.then(|| view! {
                        <p class="notice warn" data-testid="handout-long">{tr(K::TrLinkLong)}</p>
                    })}
                    {status.map(|k| view! { <p role="status" class="small" data-testid="handout-status">{tr(k)}</p> })}
                </div>
            }
        })
    };
    view! {
        <div class="handout" data-testid="handout" data-set-id=set_id>
            <h3>{tr(K::TrHandOut)}</h3>
            <p class="actions">
                <button type="button" data-testid="handout-copy" on:click=cb(copy)>{tr(K::TrCopyQuizLink)}</button>
                <button type="button" data-testid="handout-download" on:click=cb(download)>{tr(K::TrDownloadQuiz)}</button>
                <button type="button" data-testid="handout-open" on:click=cb(open)>{tr(K::TrOpenEmployee)}</button>
            </p>
            {move || missing.get().then(|| view! {
                <p class="notice warn" role="alert" data-testid="handout-missing">{tr(K::TrNoSuchSet)}</p>
            })}
            {result}
            <p class="muted small">{tr(K::TrHandOutNote)}</p>
        </div>
    }
}
