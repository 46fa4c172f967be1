//! Results handed back by employees: import many (files, or codes pasted one per line),
//! see the pass rate, per-question correctness and the clauses most often misunderstood;
//! export CSV.
//!
//! Every result is checked against a paper by `core::quiz::results::aggregate` (regraded
//! from the paper's key, its verification code recomputed). The paper is the chosen quiz
//! set as the workspace makes it now, or the quiz file that was handed out, when the
//! workspace has changed since.
//!
//! Imported results are kept in memory for this page session only (they are the
//! employees' data, not part of the workspace, and a reload clears them); the page says so.

use std::cell::RefCell;

use leptos::prelude::*;

use super::handout::paper_for;
use super::take::{clause_text, paper_error_key};
use crate::core::quiz::results::{
    self, Aggregate, ClauseRef, Paper, QuizResult, ResultError, Verification, MAX_PAPER_BYTES,
    MAX_RESULT_BYTES,
};
use crate::core::Lang;
use crate::ui::app::BasePath;
use crate::ui::browser::{self, ReadError};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::use_store;

/// Files taken at once.
const MAX_FILES: usize = 500;

/// A result that could not be read, with where it came from.
#[derive(Debug, Clone, PartialEq)]
struct Unreadable {
    source: String,
    reason: K,
}

/// What was imported this session.
#[derive(Debug, Clone, Default, PartialEq)]
struct Imported {
    results: Vec<QuizResult>,
    unreadable: Vec<Unreadable>,
    /// The quiz file chosen to check against, instead of the workspace's paper.
    reference: Option<Paper>,
    set_id: Option<String>,
}

thread_local! {
    /// Survives switching tabs and areas; not a reload.
    static SESSION: RefCell<Imported> = RefCell::new(Imported::default());
}

fn read_error_key(e: &ResultError) -> K {
    match e {
        ResultError::NotAResult => K::TrErrNotResult,
        ResultError::UnsupportedVersion(_) => K::TkErrVersion,
        ResultError::Corrupt => K::TrErrCorrupt,
        ResultError::TooLarge => K::TrErrTooLarge,
        ResultError::Invalid(_) => K::TrErrInvalid,
    }
}

/// Adds parsed results, skipping exact repeats; returns how many were new.
fn add(
    imported: RwSignal<Imported>,
    items: Vec<(String, Result<QuizResult, K>)>,
) -> (usize, usize) {
    let (mut new, mut repeated) = (0, 0);
    imported.update(|i| {
        for (source, item) in items {
            match item {
                Ok(r) if i.results.contains(&r) => repeated += 1,
                Ok(r) => {
                    i.results.push(r);
                    new += 1;
                }
                Err(reason) => i.unreadable.push(Unreadable { source, reason }),
            }
        }
    });
    (new, repeated)
}

/// Pasted text: one result file's JSON, or codes one per line.
fn parse_pasted(text: &str, lang: Lang) -> Vec<(String, Result<QuizResult, K>)> {
    let source = |n: usize| format!("{} {n}", K::TrLine.text(lang));
    if text.trim_start().starts_with('{') {
        return vec![(
            source(1),
            QuizResult::from_json(text).map_err(|e| read_error_key(&e)),
        )];
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            (
                source(n + 1),
                QuizResult::parse(l).map_err(|e| read_error_key(&e)),
            )
        })
        .collect()
}

#[component]
pub fn ResultsTab() -> impl IntoView {
    let store = use_store();
    let imported = RwSignal::new(SESSION.with(|s| s.borrow().clone()));
    Effect::new(move |_| {
        let now = imported.get();
        SESSION.with(|s| *s.borrow_mut() = now);
    });
    let set_id = Memo::new(move |_| {
        let chosen = imported.with(|i| i.set_id.clone());
        store.bundle.with(|b| {
            chosen
                .filter(|id| b.quiz.sets.iter().any(|s| s.id == *id))
                .or_else(|| b.quiz.sets.first().map(|s| s.id.clone()))
        })
    });
    let paper = Memo::new(move |_| {
        if let Some(p) = imported.with(|i| i.reference.clone()) {
            return Some(p);
        }
        let id = set_id.get()?;
        store.bundle.with(|b| paper_for(b, &id))
    });
    let aggregate = Memo::new(move |_| {
        let p = paper.get()?;
        imported.with(|i| (!i.results.is_empty()).then(|| results::aggregate(&p, &i.results)))
    });
    let status = RwSignal::new(None::<String>);
    let paste = RwSignal::new(String::new());
    let report = move |(new, repeated): (usize, usize), bad: usize| {
        let lang = store.ui_lang.get_untracked();
        status.set(Some(format!(
            "{} {new} · {} {repeated} · {} {bad}",
            K::TrImported.text(lang),
            K::TrRepeated.text(lang),
            K::TrUnreadableCount.text(lang)
        )));
    };
    let import_paste = move |_| {
        let items = parse_pasted(&paste.get_untracked(), store.ui_lang.get_untracked());
        let bad = items.iter().filter(|(_, r)| r.is_err()).count();
        report(add(imported, items), bad);
        paste.set(String::new());
    };
    let on_files = move |ev: leptos::ev::Event| {
        let files = browser::take_chosen_files(&ev);
        leptos::task::spawn_local(async move {
            let mut items = Vec::new();
            for file in files.into_iter().take(MAX_FILES) {
                let name = file.name();
                let item = match browser::read_text(file, MAX_RESULT_BYTES).await {
                    Ok(text) => QuizResult::parse(&text).map_err(|e| read_error_key(&e)),
                    Err(ReadError::TooLarge { .. }) => Err(K::TrErrTooLarge),
                    Err(ReadError::NotText) => Err(K::FileNotText),
                };
                items.push((name, item));
            }
            let bad = items.iter().filter(|(_, r)| r.is_err()).count();
            report(add(imported, items), bad);
        });
    };
    let clear = move |_| {
        imported.update(|i| {
            i.results.clear();
            i.unreadable.clear();
        });
        status.set(None);
    };
    let choose_set = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        imported.update(|i| {
            i.set_id = Some(id);
            i.reference = None;
        });
    };
    let has_sets = move || store.bundle.with(|b| !b.quiz.sets.is_empty());
    view! {
        <div class="results" data-testid="results-tab">
            <p class="muted small" data-testid="results-memory">{tr(K::TrSessionOnly)}</p>
            <Show when=has_sets fallback=|| view! { <p class="notice warn">{tr(K::TrNoSets)}</p> }>
                <section class="panel">
                    <label class="field inline">
                        <span>{tr(K::TrPickSet)}</span>
                        <select data-testid="results-set" on:change=cb(choose_set) prop:value=move || set_id.get().unwrap_or_default()>
                            {move || store.bundle.with(|b| b.quiz.sets.iter().map(|s| view! {
                                <option value=s.id.clone()>{s.name.clone()}</option>
                            }).collect_view())}
                        </select>
                    </label>
                    <Reference imported paper/>
                </section>
                <section class="panel">
                    <h2>{tr(K::TrImport)}</h2>
                    <p class="actions">
                        <label class="file-button">
                            {tr(K::TrImportFiles)}
                            <input type="file" multiple=true accept=".json,application/json,.txt,text/plain" data-testid="results-files" on:change=cb(on_files)/>
                        </label>
                    </p>
                    <label for="results-paste">{tr(K::TrPasteCodes)}</label>
                    <textarea id="results-paste" rows="4" spellcheck="false" data-testid="results-paste"
                        prop:value=move || paste.get()
                        on:input=cb(move |ev: leptos::ev::Event| paste.set(event_target_value(&ev)))></textarea>
                    <p class="actions">
                        <button type="button" data-testid="results-import" on:click=cb(import_paste)
                            prop:disabled=move || paste.with(|p| p.trim().is_empty())>{tr(K::TrImportPasted)}</button>
                        <button type="button" data-testid="results-clear" on:click=cb(clear)
                            prop:disabled=move || imported.with(|i| i.results.is_empty() && i.unreadable.is_empty())>{tr(K::TrClear)}</button>
                    </p>
                    <p role="status" class="small" data-testid="results-status">{move || status.get()}</p>
                </section>
                {move || match aggregate.get() {
                    Some(a) => view! { <Summary a/> }.into_any(),
                    None => view! { <p class="muted" data-testid="results-empty">{tr(K::TrNothingYet)}</p> }.into_any(),
                }}
                <Unreadables imported/>
            </Show>
        </div>
    }
}

/// Which paper the results are checked against, and a way to use the handed-out file.
#[component]
fn Reference(imported: RwSignal<Imported>, paper: Memo<Option<Paper>>) -> impl IntoView {
    let t = use_t();
    let error = RwSignal::new(None::<K>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::read_text(file, MAX_PAPER_BYTES).await {
                Ok(text) => match Paper::from_json(&text) {
                    Ok(p) => {
                        error.set(None);
                        imported.update(|i| {
                            i.set_id = Some(p.set_id.clone());
                            i.reference = Some(p);
                        });
                    }
                    Err(e) => error.set(Some(paper_error_key(&e))),
                },
                Err(ReadError::TooLarge { .. }) => error.set(Some(K::FileTooLarge)),
                Err(ReadError::NotText) => error.set(Some(K::FileNotText)),
            }
        });
    };
    let from_file = move || imported.with(|i| i.reference.is_some());
    view! {
        <p class="small" data-testid="results-paper">
            {move || {
                let source = t(if from_file() { K::TrCheckedFile } else { K::TrCheckedWorkspace });
                let id = paper.with(|p| p.as_ref().map(|p| format!("{} · {} {}", p.set_name, t(K::TrPaperId), p.id)));
                format!("{source} {}", id.unwrap_or_default())
            }}
        </p>
        <p class="muted small">{tr(K::TrCheckedHint)}</p>
        <p class="actions">
            <label class="file-button">
                {tr(K::TrUseQuizFile)}
                <input type="file" accept=".json,application/json" data-testid="results-paper-file" on:change=cb(on_file)/>
            </label>
            {move || from_file().then(|| view! {
                <button type="button" data-testid="results-paper-workspace"
                    on:click=cb(move |_| imported.update(|i| i.reference = None))>{tr(K::TrUseWorkspace)}</button>
            })}
        </p>
        {move || error.get().map(|k| view! { <p class="notice error" role="alert" data-testid="results-paper-error">{tr(k)}</p> })}
    }
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".into(), |r| format!("{:.0}%", r * 100.0))
}

/// The aggregate: figures, questions, clauses, takers, rejected results, CSV.
#[component]
fn Summary(a: Aggregate) -> impl IntoView {
    let store = use_store();
    let stat = |k: K, v: String, testid: &'static str| {
        view! { <div class="stat"><dt>{tr(k)}</dt><dd data-testid=testid>{v}</dd></div> }
    };
    let csv = StoredValue::new(a.clone());
    let download = move |which: &'static str| {
        let lang = store.ui_lang.get_untracked();
        let text = csv.with_value(|a| match which {
            "takers" => a.takers_csv(lang),
            "questions" => a.questions_csv(lang),
            _ => a.clauses_csv(lang),
        });
        let name = format!("quiz-{which}-{}.csv", browser::today_compact());
        let _ = browser::download(&name, "text/csv;charset=utf-8", &text);
    };
    view! {
        <section class="panel" data-testid="results-summary">
            <h2>{tr(K::TrSummary)}</h2>
            <dl class="batch-summary">
                {stat(K::TrTakers, a.takers.to_string(), "results-takers")}
                {stat(K::TrPassedCount, a.passed.to_string(), "results-passed")}
                {stat(K::TrPassRate, percent(a.pass_rate), "results-pass-rate")}
                {stat(K::TrMeanScore, a.mean_score.map_or_else(|| "–".into(), |m| format!("{m:.1}")), "results-mean")}
            </dl>
            <p class="actions">
                <button type="button" data-testid="results-csv-takers" on:click=cb(move |_| download("takers"))>{tr(K::TrCsvTakers)}</button>
                <button type="button" data-testid="results-csv-questions" on:click=cb(move |_| download("questions"))>{tr(K::TrCsvQuestions)}</button>
                <button type="button" data-testid="results-csv-clauses" on:click=cb(move |_| download("clauses"))>{tr(K::TrCsvClauses)}</button>
            </p>
        </section>
        {questions_view(&a)}
        {clauses_view(&a)}
        {takers_view(&a)}
        {rejected_view(&a)}
    }
}

fn questions_view(a: &Aggregate) -> AnyView {
    let rows = a
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let width = format!("width: {:.0}%", q.rate.unwrap_or(0.0) * 100.0);
            view! {
                <tr data-testid="results-question-row" data-qid=q.id.clone()>
                    <td class="num">{i + 1}</td>
                    <td>{q.prompt.clone()}</td>
                    <td class="num">{format!("{} / {}", q.correct, a.takers)}</td>
                    <td class="tr-rate-cell">
                        <span class="tr-rate-bar" aria-hidden="true"><span style=width></span></span>
                        <span class="tr-rate">{percent(q.rate)}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>{tr(K::TrPerQuestion)}</h2>
            <div class="table-wrap">
                <table data-testid="results-questions">
                    <thead><tr>
                        <th scope="col" class="num">"#"</th>
                        <th scope="col">{tr(K::TrQuestion)}</th>
                        <th scope="col" class="num">{tr(K::TrRight)}</th>
                        <th scope="col">{tr(K::TrRate)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn clauses_view(a: &Aggregate) -> AnyView {
    let base = expect_context::<BasePath>();
    let items = a
        .clauses
        .iter()
        .map(|c| {
            let text = clause_text(&ClauseRef {
                id: c.id.clone(),
                label: c.label.clone(),
                title: c.title.clone(),
                article: None,
            });
            let href = base.href(&format!("/policy#view-{}", c.id));
            view! {
                <li data-testid="results-clause" data-clause-id=c.id.clone()>
                    <a href=href>{text}</a>
                    " · " <span class="bad">{c.misses}</span> " " {tr(K::TrMisses)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>{tr(K::TrMissedClauses)}</h2>
            {if a.clauses.is_empty() {
                view! { <p class="muted" data-testid="results-no-misses">{tr(K::TrNoMisses)}</p> }.into_any()
            } else {
                view! { <ol class="tr-clauses" data-testid="results-clauses">{items}</ol> }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn takers_view(a: &Aggregate) -> AnyView {
    let rows = a
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr data-testid="results-row" class:muted=!r.counted>
                    <td>{r.taker.clone()}</td>
                    <td>{r.when.replace('T', " ")}</td>
                    <td class="num">{r.attempt}</td>
                    <td class="num">{r.score}</td>
                    <td>{tr(if r.passed { K::TkPassed } else { K::TkFailed })}</td>
                    <td><code>{r.code.clone()}</code> " " <span class="badge good">{tr(K::TrVerified)}</span></td>
                    <td>{tr(if r.counted { K::Yes } else { K::TrNotCounted })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <h2>{tr(K::TrTakersTitle)}</h2>
            <div class="table-wrap">
                <table data-testid="results-rows">
                    <thead><tr>
                        <th scope="col">{tr(K::Name)}</th>
                        <th scope="col">{tr(K::TrWhen)}</th>
                        <th scope="col" class="num">{tr(K::TrAttempt)}</th>
                        <th scope="col" class="num">{tr(K::TkScore)}</th>
                        <th scope="col">{tr(K::TrOutcome)}</th>
                        <th scope="col">{tr(K::TkVerification)}</th>
                        <th scope="col">{tr(K::TrCounted)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn verification_key(v: &Verification) -> K {
    match v {
        Verification::Ok => K::TrVerified,
        Verification::OtherPaper { .. } => K::TrOtherPaper,
        Verification::ScoreMismatch { .. } => K::TrScoreMismatch,
        Verification::Edited => K::TrEdited,
        Verification::PaperUnreadable => K::TrPaperUnreadable,
    }
}

fn rejected_view(a: &Aggregate) -> Option<AnyView> {
    if a.rejected.is_empty() {
        return None;
    }
    let items = a
        .rejected
        .iter()
        .map(|x| {
            view! {
                <li data-testid="results-rejected-item" data-reason=x.reason.code()>
                    <b>{x.taker.clone()}</b> " (" {x.when.replace('T', " ")} ", " {x.score} "%): "
                    {tr(verification_key(&x.reason))}
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <section class="panel">
                <h2>{tr(K::TrRejected)}</h2>
                <ul class="problems" data-testid="results-rejected">{items}</ul>
            </section>
        }
        .into_any(),
    )
}

/// Results that could not be read at all.
#[component]
fn Unreadables(imported: RwSignal<Imported>) -> impl IntoView {
    move || {
        let list = imported.with(|i| i.unreadable.clone());
        (!list.is_empty()).then(|| {
            view! {
                <section class="panel">
                    <h2>{tr(K::TrUnreadable)}</h2>
                    <ul class="problems" data-testid="results-unreadable">
                        {list.into_iter().map(|u| view! {
                            <li data-testid="results-unreadable-item"><b>{u.source}</b> ": " {tr(u.reason)}</li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
