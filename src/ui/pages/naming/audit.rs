//! The mass audit: up to a million names, pasted or imported (TXT one per line, or a CSV
//! column), checked in slices of a few milliseconds so the page stays responsive, with a
//! progress bar, counts per violation, filters, suggested fixes and a CSV report.
//!
//! The names stay in one string with their offsets; each result is a [`CodeSet`] (one
//! word), so a million names cost about 16 MB beyond their text.
//! Suggestions are worked out only for the rows on screen and for the export.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{code_label, CompiledScheme, NamingCtx};
use crate::core::csv;
use crate::core::naming::check::{CodeSet, Compiled, CODES};
use crate::ui::browser::{self, ReadError};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

/// Most names in one audit.
pub const MAX_NAMES: usize = 1_000_000;
/// Largest file accepted for an audit.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;
/// Time one slice of work may take before the page gets the main thread back.
const SLICE_MS: f64 = 12.0;
/// Rows added to the table by "show more".
const PAGE: usize = 100;

/// Names waiting to be audited: one string, line numbers and offsets into it.
#[derive(Default)]
struct Input {
    text: String,
    /// (start, len, source line) per name.
    spans: Vec<(u32, u32, u32)>,
}

/// Which names the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    All,
    Ok,
    Bad,
}

/// Figures of the last run, for the user and for the budget report.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct RunStats {
    names: usize,
    ms: f64,
    longest_slice_ms: f64,
    memory_mb: f64,
}

/// An imported CSV file waiting for its column to be chosen: file name, text, headers.
type PendingCsv = (String, Arc<String>, Vec<String>);

/// What the audit tab keeps while the naming area is open.
#[derive(Clone, Copy)]
pub struct AuditState {
    input: StoredValue<Arc<Input>>,
    /// Per name, in input order: the codes it violates (empty: compliant).
    rows: StoredValue<Vec<CodeSet>>,
    /// Where the names came from (file name, or pasted), and how many were read.
    source: RwSignal<Option<(String, usize)>>,
    /// Blank lines and unreadable CSV rows left out (line numbers, first few).
    skipped: RwSignal<(usize, Vec<usize>)>,
    progress: RwSignal<Option<(usize, usize)>>,
    /// Bumped when results change, so views re-read the stored rows.
    version: RwSignal<u32>,
    run: StoredValue<u32>,
    stats: RwSignal<Option<RunStats>>,
    /// The compiled scheme of the last run, to tell when the scheme has changed since.
    checked_with: StoredValue<Option<Arc<Compiled>>>,
    verdict: RwSignal<Verdict>,
    code_filter: RwSignal<Option<&'static str>>,
    shown: RwSignal<usize>,
    error: RwSignal<Option<String>>,
    /// A CSV file waiting for its column to be chosen: (file name, text, headers).
    pending_csv: RwSignal<Option<PendingCsv>>,
}

impl AuditState {
    pub fn new() -> AuditState {
        AuditState {
            input: StoredValue::new(Arc::new(Input::default())),
            rows: StoredValue::new(Vec::new()),
            source: RwSignal::new(None),
            skipped: RwSignal::new((0, Vec::new())),
            progress: RwSignal::new(None),
            version: RwSignal::new(0),
            run: StoredValue::new(0),
            stats: RwSignal::new(None),
            checked_with: StoredValue::new(None),
            verdict: RwSignal::new(Verdict::All),
            code_filter: RwSignal::new(None),
            shown: RwSignal::new(PAGE),
            error: RwSignal::new(None),
            pending_csv: RwSignal::new(None),
        }
    }

    /// The `k`th name and its source line.
    fn name(input: &Input, k: usize) -> (&str, u32) {
        let (start, len, line) = input.spans.get(k).copied().unwrap_or_default();
        let (a, b) = (start as usize, (start + len) as usize);
        (input.text.get(a..b).unwrap_or_default(), line)
    }

    /// Rows matching the filters, in input order, as indices.
    fn matching(&self) -> impl Fn(CodeSet) -> bool {
        let verdict = self.verdict.get_untracked();
        let code = self.code_filter.get_untracked();
        move |codes: CodeSet| {
            let v = match verdict {
                Verdict::All => true,
                Verdict::Ok => codes.is_empty(),
                Verdict::Bad => !codes.is_empty(),
            };
            v && code.is_none_or(|c| codes.contains(c))
        }
    }

    /// Starts auditing `input`, cancelling a run in progress.
    fn start(self, input: Arc<Input>, label: String, compiled: Arc<Compiled>) {
        let total = input.spans.len();
        self.input.set_value(input.clone());
        self.checked_with.set_value(Some(compiled.clone()));
        self.rows.set_value(Vec::with_capacity(total));
        self.source.set(Some((label, total)));
        self.code_filter.set(None);
        self.verdict.set(Verdict::All);
        self.shown.set(PAGE);
        self.stats.set(None);
        self.run.update_value(|r| *r += 1);
        let run = self.run.get_value();
        self.progress.set(Some((0, total)));
        spawn_local(async move {
            let t0 = browser::now_ms();
            let mut longest: f64 = 0.0;
            let mut done = 0;
            while done < total {
                if self.run.get_value() != run {
                    return;
                }
                let slice_start = browser::now_ms();
                let mut batch = Vec::new();
                while done < total {
                    let (name, _) = AuditState::name(&input, done);
                    batch.push(compiled.violation_codes(name));
                    done += 1;
                    if done % 256 == 0 && browser::now_ms() - slice_start > SLICE_MS {
                        break;
                    }
                }
                self.rows.update_value(|r| r.extend(batch));
                longest = longest.max(browser::now_ms() - slice_start);
                self.progress.set(Some((done, total)));
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
            let ms = browser::now_ms() - t0;
            self.stats.set(Some(RunStats {
                names: total,
                ms,
                longest_slice_ms: longest,
                memory_mb: browser::wasm_memory_bytes() / 1e6,
            }));
            self.progress.set(None);
            self.version.update(|v| *v += 1);
        });
    }
}

/// Splits text into names, one per line; blank lines are left out and counted. Works in
/// slices so that a million lines never hold the main thread.
async fn lines_input(text: String) -> (Input, usize, Vec<usize>) {
    let mut spans = Vec::new();
    let mut blank = Vec::new();
    let mut at = 0usize;
    let mut line = 0usize;
    let mut slice_start = browser::now_ms();
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
        let raw = &text[at..end];
        let name = raw.strip_suffix('\r').unwrap_or(raw);
        line += 1;
        if name.trim().is_empty() {
            blank.push(line);
        } else {
            spans.push((at as u32, name.len() as u32, line as u32));
        }
        at = end + 1;
        if line % 4096 == 0 && browser::now_ms() - slice_start > SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice_start = browser::now_ms();
        }
    }
    let n = blank.len();
    (Input { text, spans }, n, blank)
}

/// Takes one column of a CSV file as the names; unreadable rows are left out and counted.
/// Works in slices, like [`lines_input`].
async fn csv_input(text: &str, column: usize) -> (Input, usize, Vec<usize>) {
    let mut out = String::with_capacity(text.len() / 2);
    let mut spans = Vec::new();
    let mut skipped = Vec::new();
    let mut slice_start = browser::now_ms();
    for (k, record) in csv::Reader::new(text).enumerate() {
        if k % 4096 == 4095 && browser::now_ms() - slice_start > SLICE_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            slice_start = browser::now_ms();
        }
        if k == 0 {
            continue; // the header
        }
        match record.fields.ok().and_then(|f| f.into_iter().nth(column)) {
            Some(name) if !name.trim().is_empty() => {
                spans.push((out.len() as u32, name.len() as u32, record.line as u32));
                out.push_str(&name);
            }
            _ => skipped.push(record.line),
        }
    }
    let n = skipped.len();
    (Input { text: out, spans }, n, skipped)
}

/// The column most likely to hold group names.
fn guess_column(headers: &[String]) -> usize {
    headers
        .iter()
        .position(|h| {
            let h = h.trim().to_lowercase();
            matches!(
                h.as_str(),
                "name" | "group" | "group_name" | "群名称" | "群名" | "名称" | "文件名"
            )
        })
        .unwrap_or(0)
}

#[component]
pub fn AuditTab() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let state = expect_context::<AuditState>();
    let paste = RwSignal::new(String::new());
    let compiled = move || {
        ctx.compiled.with_untracked(|c| match c {
            Some(Ok(c)) => Some(c.clone()),
            _ => None,
        })
    };
    let too_many = move |n: usize| {
        let lang = store.ui_lang.get_untracked();
        state.error.set(Some(format!(
            "{} {n}, {} {MAX_NAMES}",
            K::AuditTooMany.text(lang),
            K::AuditLimit.text(lang)
        )));
    };
    let begin = move |input: Input, label: String, skipped: (usize, Vec<usize>)| {
        let Some(c) = compiled() else {
            state.progress.set(None);
            return;
        };
        if input.spans.len() > MAX_NAMES {
            state.progress.set(None);
            too_many(input.spans.len());
            return;
        }
        state.error.set(None);
        state
            .skipped
            .set((skipped.0, skipped.1.into_iter().take(20).collect()));
        state.start(Arc::new(input), label, c);
    };
    let run_paste = move |_| {
        let label = K::Pasted.text(store.ui_lang.get_untracked()).to_string();
        spawn_local(async move {
            let (input, n, lines) = lines_input(paste.get_untracked()).await;
            begin(input, label, (n, lines));
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        // A progress bar without a total says the file is being read.
        state.progress.set(Some((0, 0)));
        spawn_local(async move {
            let lang = store.ui_lang.get_untracked();
            let read = browser::read_text_any_encoding(file, MAX_FILE_BYTES).await;
            if read.is_err() || name.to_lowercase().ends_with(".csv") {
                state.progress.set(None);
            }
            match read {
                Err(e) => state.error.set(Some(read_error_text(&e, lang))),
                Ok(text) => {
                    if name.to_lowercase().ends_with(".csv") {
                        let headers = csv::headers(&text);
                        state.pending_csv.set(Some((name, Arc::new(text), headers)));
                    } else {
                        let (input, n, lines) = lines_input(text).await;
                        begin(input, name, (n, lines));
                    }
                }
            }
        });
    };

    view! {
        <div class="audit" data-testid="audit">
            <section class="panel">
                <h2>{tr(K::AuditTitle)}</h2>
                <p class="muted">{tr(K::AuditIntro)}</p>
                <label for="audit-paste">{tr(K::AuditPaste)}</label>
                <textarea
                    id="audit-paste"
                    data-testid="audit-paste"
                    rows="6"
                    spellcheck="false"
                    prop:value=move || paste.get()
                    on:input=cb(move |e: leptos::ev::Event| paste.set(event_target_value(&e)))
                ></textarea>
                <div class="actions">
                    <button type="button" data-testid="audit-run" on:click=cb(run_paste)
                        prop:disabled=move || paste.with(|p| p.trim().is_empty())>
                        {tr(K::AuditRun)}
                    </button>
                    <label class="file-button">
                        {tr(K::AuditImport)}
                        <input type="file" accept=".txt,.csv,text/plain,text/csv" data-testid="audit-file" on:change=cb(on_file)/>
                    </label>
                </div>
                <CsvColumnChooser begin/>
                {move || state.error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="audit-error">{e}</p> })}
            </section>
            <Progress/>
            <Results/>
        </div>
    }
}

fn read_error_text(e: &ReadError, lang: crate::core::Lang) -> String {
    match e {
        ReadError::TooLarge { bytes, limit } => format!(
            "{}: {:.1} MB > {:.0} MB",
            K::FileTooLarge.text(lang),
            bytes / 1e6,
            *limit as f64 / 1e6
        ),
        ReadError::NotText => K::FileNotText.text(lang).to_string(),
    }
}

/// Asks which column of an imported CSV holds the names.
#[component]
fn CsvColumnChooser(
    begin: impl Fn(Input, String, (usize, Vec<usize>)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AuditState>();
    let column = RwSignal::new(0usize);
    Effect::new(move |_| {
        if let Some((_, _, headers)) = state.pending_csv.get() {
            column.set(guess_column(&headers));
        }
    });
    let go = move |_| {
        if let Some((name, text, _)) = state.pending_csv.get_untracked() {
            state.pending_csv.set(None);
            let column = column.get_untracked();
            spawn_local(async move {
                let (input, n, lines) = csv_input(&text, column).await;
                begin(input, name, (n, lines));
            });
        }
    };
    move || {
        state.pending_csv.with(|p| {
            p.as_ref().map(|(name, _, headers)| {
                let options = headers
                    .iter()
                    .enumerate()
                    .map(|(i, h)| {
                        let label = if h.trim().is_empty() { format!("#{}", i + 1) } else { h.clone() };
                        view! { <option value=i.to_string() selected=move || column.get() == i>{label}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="csv-column" data-testid="csv-column">
                        <label for="csv-column">{format!("{name}: ")} {tr(K::CsvColumn)}</label>
                        <select id="csv-column" on:change=cb(move |e: leptos::ev::Event| {
                            if let Ok(i) = event_target_value(&e).parse() { column.set(i) }
                        })>{options}</select>
                        <button type="button" data-testid="csv-column-run" on:click=cb(go)>{tr(K::AuditRun)}</button>
                    </div>
                }
            })
        })
    }
}

#[component]
fn Progress() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<AuditState>();
    move || {
        let lang = store.ui_lang.get();
        state.progress.get().map(|(done, total)| {
            view! {
                <div class="progress" data-testid="audit-progress">
                    {if total == 0 {
                        view! { <progress></progress> <span>{K::ReadingFile.text(lang)}</span> }.into_any()
                    } else {
                        view! {
                            <progress max=total.to_string() value=done.to_string()></progress>
                            <span>{format!("{done} / {total}")}</span>
                        }.into_any()
                    }}
                    <button type="button" on:click=cb(move |_| {
                        state.run.update_value(|r| *r += 1);
                        state.progress.set(None);
                        state.source.set(None);
                        state.rows.set_value(Vec::new());
                    })>{K::Cancel.text(lang)}</button>
                </div>
            }
        })
    }
}

#[component]
fn Results() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let state = expect_context::<AuditState>();
    // Counts per code, recomputed once per finished run.
    let counts = Memo::new(move |_| {
        state.version.get();
        let mut per = [0usize; CODES.len()];
        let mut ok = 0;
        state.rows.with_value(|rows| {
            for codes in rows {
                if codes.is_empty() {
                    ok += 1;
                }
                for i in codes.indices() {
                    per[i] += 1;
                }
            }
        });
        let total = state.rows.with_value(Vec::len);
        (total, ok, CODES.into_iter().zip(per).collect::<Vec<_>>())
    });
    let compiled = move || {
        ctx.compiled
            .with_untracked(|c: &Option<CompiledScheme>| match c {
                Some(Ok(c)) => Some(c.clone()),
                _ => None,
            })
    };

    let summary = move || {
        let lang = store.ui_lang.get();
        let (total, ok, per) = counts.get();
        let (label, _) = state.source.get()?;
        if state.progress.get().is_some() {
            return None;
        }
        let bad = total - ok;
        let skipped = state.skipped.get();
        let stats = state.stats.get();
        let code_rows = per
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(code, n)| {
                let active = move || state.code_filter.get() == Some(code);
                view! {
                    <tr>
                        <td>
                            <button type="button" class="link-button" data-testid="code-filter" data-code=code
                                aria-pressed=move || active().to_string()
                                on:click=cb(move |_| {
                                    state.code_filter.set(if active() { None } else { Some(code) });
                                    state.shown.set(PAGE);
                                })>
                                {code_label(code, lang)}
                            </button>
                        </td>
                        <td class="num" data-testid="code-count">{n}</td>
                    </tr>
                }
            })
            .collect_view();
        // Results of an earlier version of the scheme (or another scheme) are marked, with
        // the same names one click from a new run.
        let current = ctx.compiled.with(|c| match c {
            Some(Ok(c)) => Some(c.clone()),
            _ => None,
        });
        let stale = match (current.clone(), state.checked_with.get_value()) {
            (Some(now), Some(then)) => !Arc::ptr_eq(&now, &then),
            _ => false,
        };
        let rerun_label = label.clone();
        let rerun = move |_| {
            if let Some(c) = current.clone() {
                state.start(state.input.get_value(), rerun_label.clone(), c);
            }
        };
        Some(view! {
            <section class="panel" data-testid="audit-summary">
                <h2>{K::AuditResults.text(lang)} ": " {label}</h2>
                {stale.then(|| view! {
                    <p class="notice warn" data-testid="audit-stale">
                        {K::AuditStale.text(lang)} " "
                        <button type="button" data-testid="audit-rerun" on:click=cb(rerun)>{K::AuditRerun.text(lang)}</button>
                    </p>
                })}
                <p class="counts">
                    <span data-testid="audit-total">{total}</span> " " {K::NamesChecked.text(lang)} " · "
                    <span class="ok" data-testid="audit-ok">{ok}</span> " " {K::Compliant.text(lang)} " · "
                    <span class="bad" data-testid="audit-bad">{bad}</span> " " {K::NonCompliant.text(lang)}
                </p>
                {(skipped.0 > 0).then(|| {
                    let lines: Vec<String> = skipped.1.iter().map(|l| l.to_string()).collect();
                    view! { <p class="muted" data-testid="audit-skipped">{format!("{} {}: {}", skipped.0, K::LinesSkipped.text(lang), lines.join(", "))}</p> }
                })}
                {stats.map(|s| view! {
                    <p class="muted" data-testid="audit-stats">{format!(
                        "{} {:.0} ms · {:.0} {} · {} {:.0} ms · {} {:.0} MB",
                        K::AuditTook.text(lang), s.ms,
                        s.names as f64 / (s.ms / 1000.0).max(0.001), K::NamesPerSecond.text(lang),
                        K::LongestTask.text(lang), s.longest_slice_ms,
                        K::WasmMemory.text(lang), s.memory_mb
                    )}</p>
                })}
                <table class="code-counts" data-testid="code-counts">
                    <thead><tr><th scope="col">{K::Violation.text(lang)}</th><th scope="col">{K::NameCount.text(lang)}</th></tr></thead>
                    <tbody>{code_rows}</tbody>
                </table>
            </section>
        })
    };

    let table = move || {
        let lang = store.ui_lang.get();
        state.version.get();
        if state.progress.get().is_some() || state.source.with(Option::is_none) {
            return None;
        }
        let shown = state.shown.get();
        let _ = (state.verdict.get(), state.code_filter.get());
        let compiled = compiled()?;
        let matches = state.matching();
        let input = state.input.get_value();
        let mut total = 0usize;
        let mut rows = Vec::new();
        state.rows.with_value(|all| {
            for (k, &mask) in all.iter().enumerate() {
                if matches(mask) {
                    total += 1;
                    if rows.len() < shown {
                        rows.push((k, mask));
                    }
                }
            }
        });
        let body = rows
            .into_iter()
            .map(|(k, mask)| {
                let (name, line) = AuditState::name(&input, k);
                let name = name.to_string();
                let codes: Vec<String> = mask.iter().map(|c| code_label(c, lang)).collect();
                let suggestion = if mask.is_empty() { None } else { compiled.check(&name).suggestion };
                let check = name.clone();
                view! {
                    <tr class:bad=!mask.is_empty()>
                        <td class="num">{line}</td>
                        <td><button type="button" class="link-button" on:click=cb(move |_| ctx.check_name(check.clone()))><code>{name}</code></button></td>
                        <td>{if mask.is_empty() { "✓" } else { "✗" }}</td>
                        <td>{codes.join("、")}</td>
                        <td><code>{suggestion}</code></td>
                    </tr>
                }
            })
            .collect_view();
        let verdict_button = move |v: Verdict, label: K, testid: &'static str| {
            view! {
                <button type="button" data-testid=testid aria-pressed=move || (state.verdict.get() == v).to_string()
                    on:click=cb(move |_| { state.verdict.set(v); state.shown.set(PAGE); })>
                    {label.text(lang)}
                </button>
            }
        };
        Some(view! {
            <section class="panel" data-testid="audit-table">
                <div class="toolbar">
                    <div role="group" aria-label=K::FilterVerdict.text(lang)>
                        {verdict_button(Verdict::All, K::FilterAll, "filter-all")}
                        {verdict_button(Verdict::Bad, K::NonCompliant, "filter-bad")}
                        {verdict_button(Verdict::Ok, K::Compliant, "filter-ok")}
                    </div>
                    {state.code_filter.get().map(|c| view! {
                        <span class="chip">{code_label(c, lang)}
                            <button type="button" class="link-button" aria-label=K::ClearFilter.text(lang)
                                on:click=cb(move |_| state.code_filter.set(None))>" ✕"</button>
                        </span>
                    })}
                    <span class="muted" data-testid="audit-matching">{format!("{total} {}", K::RowsMatching.text(lang))}</span>
                    <ExportButton/>
                </div>
                <div class="table-wrap">
                    <table class="audit-rows">
                        <thead><tr>
                            <th scope="col">{K::Line.text(lang)}</th>
                            <th scope="col">{K::Name.text(lang)}</th>
                            <th scope="col">{K::Verdict.text(lang)}</th>
                            <th scope="col">{K::Violation.text(lang)}</th>
                            <th scope="col">{K::SuggestedName.text(lang)}</th>
                        </tr></thead>
                        <tbody data-testid="audit-rows">{body}</tbody>
                    </table>
                </div>
                {(total > shown).then(|| view! {
                    <button type="button" data-testid="show-more" on:click=cb(move |_| state.shown.update(|s| *s += PAGE))>
                        {format!("{} ({})", K::ShowMore.text(lang), total - shown)}
                    </button>
                })}
            </section>
        })
    };

    view! { {summary} {table} }
}

/// Writes the rows matching the filters as CSV, in slices, then offers the file.
#[component]
fn ExportButton() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let state = expect_context::<AuditState>();
    let busy = RwSignal::new(None::<(usize, usize)>);
    let export = move |_| {
        let Some(compiled) = ctx.compiled.with_untracked(|c| match c {
            Some(Ok(c)) => Some(c.clone()),
            _ => None,
        }) else {
            return;
        };
        let lang = store.ui_lang.get_untracked();
        let matches = state.matching();
        let picked: Vec<(usize, CodeSet)> = state.rows.with_value(|all| {
            all.iter()
                .copied()
                .enumerate()
                .filter(|(_, mask)| matches(*mask))
                .collect()
        });
        let input = state.input.get_value();
        let scheme_id = ctx
            .scheme
            .with_untracked(|s| s.as_ref().map(|s| s.id.clone()).unwrap_or_default());
        spawn_local(async move {
            let mut out = String::from("\u{feff}");
            let headers = [
                K::Line,
                K::Name,
                K::Verdict,
                K::Violation,
                K::Codes,
                K::SuggestedName,
            ];
            let headers: Vec<&str> = headers.iter().map(|k| k.text(lang)).collect();
            csv::write_row(&mut out, &headers);
            let total = picked.len();
            let mut done = 0;
            while done < total {
                let t0 = browser::now_ms();
                while done < total {
                    let (k, mask) = picked[done];
                    let (name, line) = AuditState::name(&input, k);
                    let line = line.to_string();
                    let codes: Vec<&str> = mask.iter().collect();
                    let labels: Vec<String> = codes.iter().map(|c| code_label(c, lang)).collect();
                    let suggestion = if mask.is_empty() {
                        None
                    } else {
                        compiled.check(name).suggestion
                    };
                    let verdict = if mask.is_empty() {
                        K::Compliant
                    } else {
                        K::NonCompliant
                    };
                    csv::write_row(
                        &mut out,
                        &[
                            &line,
                            name,
                            verdict.text(lang),
                            &labels.join("、"),
                            &codes.join(" "),
                            suggestion.as_deref().unwrap_or(""),
                        ],
                    );
                    done += 1;
                    if done % 256 == 0 && browser::now_ms() - t0 > SLICE_MS {
                        break;
                    }
                }
                busy.set(Some((done, total)));
                gloo_timers::future::TimeoutFuture::new(0).await;
            }
            busy.set(None);
            let file = format!("naming-audit-{scheme_id}-{}.csv", browser::today_compact());
            let _ = browser::download(&file, "text/csv;charset=utf-8", &out);
        });
    };
    view! {
        <button type="button" data-testid="audit-export" prop:disabled=move || busy.get().is_some() on:click=cb(export)>
            {move || match busy.get() {
                Some((d, t)) => format!("{} {d}/{t}", K::Exporting.text(store.ui_lang.get())),
                None => K::ExportCsv.text(store.ui_lang.get()).to_string(),
            }}
        </button>
    }
}
