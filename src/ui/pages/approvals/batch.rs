//! The batch tab (批量模拟): many requests, imported from CSV, pasted or generated, routed
//! and placed on the working calendar ([`crate::core::batch`]), with the metrics, two SVG
//! charts ([`crate::core::charts`]), the rows and a CSV export; and the change impact of the
//! current workspace against a saved version or an imported workspace file
//! ([`crate::core::impact`]).
//!
//! Runs work in chunks ([`CHUNK`], [`IMPACT_CHUNK`] requests), yielding to the browser
//! between chunks, so the page stays responsive for 100,000 requests; the metrics are
//! computed once, over all rows, at the end (one task of about 100 ms for 100,000 rows). The state lives in [`BatchState`], provided by the approvals page, so it
//! survives tab switches.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::words::Namer;
use crate::core::batch::{self, BatchRequest, BatchResult, Metrics, RowError};
use crate::core::bundle::{Bundle, Problem};
use crate::core::calendar::DateTime;
use crate::core::charts;
use crate::core::csv::HeaderError;
use crate::core::flow_diagram::escape;
use crate::core::impact::{self, Change, Impact, Side};
use crate::core::routing::describe::format_number;
use crate::core::simulate::SimError;
use crate::core::timing::{self, Outcome, TimelineOptions, TimingError};
use crate::core::Lang;
use crate::ui::areas::Unavailable;
use crate::ui::browser;
use crate::ui::codec;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{problem_text, tr, K};
use crate::ui::state::{use_store, Store};

/// Requests run between two yields to the browser (about 15 ms of work in Chromium).
const CHUNK: usize = 1_000;
/// Requests compared between two yields (each runs under both versions).
const IMPACT_CHUNK: usize = 500;
/// The most requests generated at once.
const MAX_GENERATE: usize = 100_000;
/// Rows and changes listed on the page (the CSV export has them all).
const SHOWN: usize = 200;
/// The largest file read.
const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The example file.
const SAMPLE_CSV: &str = include_str!("../../../../tests/fixtures/requests.csv");

/// What to compare the current workspace with.
#[derive(Clone)]
pub struct Base {
    pub label: String,
    pub bundle: Arc<Bundle>,
}

/// The batch tab's state, provided by the approvals page so it survives tab switches.
#[derive(Clone, Copy)]
pub struct BatchState {
    /// The requests and where they came from.
    requests: RwSignal<Option<(String, Arc<Vec<BatchRequest>>)>>,
    /// Rows of the import that could not be read.
    import_errors: RwSignal<Arc<Vec<RowError>>>,
    header_error: RwSignal<Option<HeaderError>>,
    /// A problem with the input (file too large, bad start time…), in words.
    input_error: RwSignal<Option<String>>,
    gen_n: RwSignal<String>,
    gen_seed: RwSignal<String>,
    gen_start: RwSignal<String>,
    paste: RwSignal<String>,
    result: RwSignal<Option<Arc<BatchResult>>>,
    run_error: RwSignal<Option<TimingError>>,
    /// Done and total while a run is under way.
    progress: RwSignal<Option<(usize, usize)>>,
    /// Bumped to start or cancel a run.
    run_id: StoredValue<u64>,
    /// The choice of what to compare with: a snapshot id, `file`, or empty.
    base_choice: RwSignal<String>,
    base_file: RwSignal<Option<Base>>,
    base_problems: RwSignal<Vec<Problem>>,
    impact: RwSignal<Option<(Base, Arc<Impact>)>>,
    impact_progress: RwSignal<Option<(usize, usize)>>,
}

impl BatchState {
    pub fn new() -> BatchState {
        BatchState {
            requests: RwSignal::new(None),
            import_errors: RwSignal::new(Arc::new(Vec::new())),
            header_error: RwSignal::new(None),
            input_error: RwSignal::new(None),
            gen_n: RwSignal::new("500".into()),
            gen_seed: RwSignal::new("1".into()),
            gen_start: RwSignal::new(format!("{}T09:00", browser::today_iso())),
            paste: RwSignal::new(String::new()),
            result: RwSignal::new(None),
            run_error: RwSignal::new(None),
            progress: RwSignal::new(None),
            run_id: StoredValue::new(0),
            base_choice: RwSignal::new(String::new()),
            base_file: RwSignal::new(None),
            base_problems: RwSignal::new(Vec::new()),
            impact: RwSignal::new(None),
            impact_progress: RwSignal::new(None),
        }
    }

    /// New requests: the old results no longer apply, and a run under way stops.
    fn set_requests(self, label: String, requests: Vec<BatchRequest>, errors: Vec<RowError>) {
        self.run_id.update_value(|r| *r += 1);
        self.progress.set(None);
        self.impact_progress.set(None);
        self.result.set(None);
        self.impact.set(None);
        self.run_error.set(None);
        self.input_error.set(None);
        self.import_errors.set(Arc::new(errors));
        self.requests.set(Some((label, Arc::new(requests))));
    }

    fn import_text(self, store: Store, label: String, text: &str) {
        let import = store
            .bundle
            .with_untracked(|b| batch::parse_requests(text, b));
        self.header_error.set(import.header_error);
        self.set_requests(label, import.requests, import.row_errors);
    }

    fn cancel(self) {
        self.run_id.update_value(|r| *r += 1);
        self.progress.set(None);
        self.impact_progress.set(None);
    }

    /// Runs the batch in chunks.
    fn run(self, store: Store) {
        let Some((_, requests)) = self.requests.get_untracked() else {
            return;
        };
        self.run_id.update_value(|r| *r += 1);
        let id = self.run_id.get_value();
        let bundle = store.bundle.get_untracked();
        let import_errors = self.import_errors.get_untracked();
        let total = requests.len();
        self.run_error.set(None);
        self.progress.set(Some((0, total)));
        spawn_local(async move {
            let opts = TimelineOptions::default();
            let mut rows = Vec::with_capacity(total);
            let mut errors: Vec<RowError> = import_errors.as_ref().clone();
            let mut done = 0;
            for chunk in requests.chunks(CHUNK) {
                gloo_timers::future::TimeoutFuture::new(0).await;
                if self.run_id.get_value() != id {
                    return;
                }
                match batch::run(&bundle, chunk, &opts) {
                    Ok(r) => {
                        rows.extend(r.rows);
                        errors.extend(r.row_errors);
                    }
                    Err(e) => {
                        self.run_error.set(Some(e));
                        self.progress.set(None);
                        return;
                    }
                }
                done += chunk.len();
                self.progress.set(Some((done, total)));
            }
            gloo_timers::future::TimeoutFuture::new(0).await;
            if self.run_id.get_value() != id {
                return;
            }
            self.result
                .set(Some(Arc::new(BatchResult::new(rows, errors))));
            self.progress.set(None);
        });
    }

    /// Compares the current workspace with `base` over the requests, in chunks.
    fn compare(self, store: Store, base: Base) {
        let Some((_, requests)) = self.requests.get_untracked() else {
            return;
        };
        self.run_id.update_value(|r| *r += 1);
        let id = self.run_id.get_value();
        let current = store.bundle.get_untracked();
        let total = requests.len();
        self.run_error.set(None);
        self.impact.set(None);
        self.impact_progress.set(Some((0, total)));
        spawn_local(async move {
            let opts = TimelineOptions::default();
            let mut changed: Vec<Change> = Vec::new();
            let (mut old_rows, mut old_errors) = (Vec::new(), Vec::new());
            let (mut new_rows, mut new_errors) = (Vec::new(), Vec::new());
            let mut done = 0;
            for chunk in requests.chunks(IMPACT_CHUNK) {
                gloo_timers::future::TimeoutFuture::new(0).await;
                if self.run_id.get_value() != id {
                    return;
                }
                match impact::compare(&base.bundle, &current, chunk, &opts) {
                    Ok(i) => {
                        changed.extend(i.changed);
                        old_rows.extend(i.base.rows);
                        old_errors.extend(i.base.row_errors);
                        new_rows.extend(i.new.rows);
                        new_errors.extend(i.new.row_errors);
                    }
                    Err(e) => {
                        self.run_error.set(Some(e));
                        self.impact_progress.set(None);
                        return;
                    }
                }
                done += chunk.len();
                self.impact_progress.set(Some((done, total)));
            }
            gloo_timers::future::TimeoutFuture::new(0).await;
            if self.run_id.get_value() != id {
                return;
            }
            // The two sets of metrics in two tasks.
            let base_result = BatchResult::new(old_rows, old_errors);
            gloo_timers::future::TimeoutFuture::new(0).await;
            if self.run_id.get_value() != id {
                return;
            }
            let result = Impact {
                changed,
                base: base_result,
                new: BatchResult::new(new_rows, new_errors),
            };
            self.impact.set(Some((base, Arc::new(result))));
            self.impact_progress.set(None);
        });
    }
}

impl Default for BatchState {
    fn default() -> Self {
        BatchState::new()
    }
}

/// A row error of a batch in words. Codes of the simulator are worded by
/// [`Namer::sim_error`], with `namer`'s template (the row's).
pub fn batch_error_text(
    code: &'static str,
    params: &[(&'static str, String)],
    lang: Lang,
    namer: &Namer,
) -> String {
    let p = |k: &str| crate::core::report::param(params, k).to_string();
    let zh = lang == Lang::Zh;
    let pick = |a: String, b: String| if zh { a } else { b };
    match code {
        "unterminated_quote" => pick(
            "引号未闭合：从这一行开始的带引号字段没有正确结束".into(),
            "a quoted field that starts here is never properly closed".into(),
        ),
        "stray_quote" => pick(
            "右引号后还有文字；引号内的引号应写作 \"\"".into(),
            "text after a closing quote; write a quote inside a quoted field as `\"\"`".into(),
        ),
        "field_count" => pick(
            format!("有 {} 列，而表头有 {} 列", p("found"), p("expected")),
            format!(
                "{} fields where the header has {}",
                p("found"),
                p("expected")
            ),
        ),
        "missing_value" => {
            let col = p("column");
            let zh_col = match col.as_str() {
                "template" => "模板",
                "requester" => "申请人",
                other => other,
            };
            pick(
                format!("“{zh_col}”一栏为空"),
                format!("the `{col}` cell is blank"),
            )
        }
        "bad_time" => pick(
            format!(
                "提交时间“{}”不是 YYYY-MM-DDTHH:MM 格式的真实本地时间",
                p("value")
            ),
            format!(
                "submitted_at `{}` is not a real local time written YYYY-MM-DDTHH:MM",
                p("value")
            ),
        ),
        "no_working_time" => pick(
            "工作日历从这一时刻起没有工作时间".into(),
            "the working calendar has no working time from this point on".into(),
        ),
        "out_of_range" => pick(
            "时间线超出了 9999 年".into(),
            "the timeline ends after the year 9999".into(),
        ),
        "bad_setting" => pick(
            format!("工作日历的“{}”取值“{}”有误", p("field"), p("value")),
            format!(
                "the working calendar's `{}` has a bad value `{}`",
                p("field"),
                p("value")
            ),
        ),
        code => namer.sim_error(&SimError {
            code,
            params: params.to_vec(),
        }),
    }
}

/// The header error of an import in words.
fn header_error_text(e: &HeaderError, lang: Lang) -> String {
    let p = |k: &str| crate::core::report::param(&e.params, k).to_string();
    if lang == Lang::En {
        return batch::header_message(e);
    }
    match e.code {
        "missing_columns" => format!(
            "表头缺少列：{}。需要 template、requester、submitted_at（或 模板、申请人、提交时间），然后每个表单字段一列",
            p("columns")
        ),
        "no_header" => "文件为空；第一行应为列名".into(),
        "bad_header" => format!("无法读取表头（{}）", p("error")),
        other => other.to_string(),
    }
}

/// Working hours as shown: at most two decimals.
fn hours(minutes: u64) -> String {
    format_number((timing::hours(minutes) * 100.0).round() / 100.0)
}

fn opt_hours(minutes: Option<u64>) -> String {
    minutes.map_or_else(|| "–".into(), hours)
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(
        || "–".into(),
        |x| format!("{}%", format_number((x * 1000.0).round() / 10.0)),
    )
}

fn template_name(b: &Bundle, id: &str) -> String {
    b.approvals
        .templates
        .iter()
        .find(|t| t.id == id)
        .map_or_else(|| id.to_string(), |t| t.name.clone())
}

fn namer<'a>(b: &'a Bundle, template: &str, lang: Lang) -> Namer<'a> {
    Namer {
        org: &b.org,
        template: b.approvals.templates.iter().find(|t| t.id == template),
        lang,
    }
}

/// A route by names: `step: approvers → step: approvers`.
fn route_text(b: &Bundle, template: &str, steps: &[(String, Vec<String>)], lang: Lang) -> String {
    let n = namer(b, template, lang);
    steps
        .iter()
        .map(|(s, a)| format!("{}: {}", n.step(s), n.people(a)))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn outcome_text(o: Outcome, lang: Lang) -> &'static str {
    match o {
        Outcome::Approved => K::BtApproved.text(lang),
        Outcome::Rejected => K::BtRejected.text(lang),
    }
}

/// Writes a row error with the row's template found among the requests.
fn row_error_text(b: &Bundle, requests: &[BatchRequest], e: &RowError, lang: Lang) -> String {
    let template = requests
        .binary_search_by_key(&e.line, |r| r.line)
        .ok()
        .map_or("", |k| requests[k].template.as_str());
    batch_error_text(e.code, &e.params, lang, &namer(b, template, lang))
}

#[component]
pub fn BatchTab() -> impl IntoView {
    view! {
        <div class="batch" data-testid="batch">
            <p class="muted">{tr(K::BtIntro)}</p>
            <RequestsPanel/>
            <RunPanel/>
            <Results/>
            <ImpactPanel/>
        </div>
    }
}

#[component]
fn RequestsPanel() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<BatchState>();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        spawn_local(async move {
            let lang = store.ui_lang.get_untracked();
            match browser::read_text_any_encoding(file, MAX_FILE_BYTES).await {
                Ok(text) => state.import_text(store, name, &text),
                Err(browser::ReadError::TooLarge { .. }) => state
                    .input_error
                    .set(Some(format!("{name}: {}", K::FileTooLarge.text(lang)))),
                Err(browser::ReadError::NotText) => state
                    .input_error
                    .set(Some(format!("{name}: {}", K::FileNotText.text(lang)))),
            }
        });
    };
    let read_pasted = move |_| {
        let text = state.paste.get_untracked();
        let label = K::BtPasteHint.text(store.ui_lang.get_untracked());
        let label = label
            .split('（')
            .next()
            .unwrap_or(label)
            .split(" (")
            .next()
            .unwrap_or(label)
            .to_string();
        state.import_text(store, label, &text);
    };
    let generate = move |_| {
        let lang = store.ui_lang.get_untracked();
        let n = state
            .gen_n
            .get_untracked()
            .trim()
            .parse::<usize>()
            .unwrap_or(500)
            .clamp(1, MAX_GENERATE);
        let seed = state
            .gen_seed
            .get_untracked()
            .trim()
            .parse::<u64>()
            .unwrap_or(1);
        let Some(start) = DateTime::parse(state.gen_start.get_untracked().trim()) else {
            state.input_error.set(Some(K::BtBadStart.text(lang).into()));
            return;
        };
        let requests = store
            .bundle
            .with_untracked(|b| batch::generate(b, n, seed, start));
        state.header_error.set(None);
        state.set_requests(
            format!("{} × {n}", K::BtGenerate.text(lang)),
            requests,
            Vec::new(),
        );
    };
    let sample = move |_| {
        let _ = browser::download("requests.csv", "text/csv;charset=utf-8", SAMPLE_CSV);
    };
    let input_value =
        |s: RwSignal<String>| move |e: leptos::ev::Event| s.set(event_target_value(&e));
    view! {
        <section class="panel batch-input">
            <h2>{tr(K::BtRequests)}</h2>
            <div class="actions">
                <label class="file-button">
                    {tr(K::BtImportCsv)}
                    <input type="file" accept=".csv,text/csv,text/plain" data-testid="batch-import" on:change=cb(on_file)/>
                </label>
                <button type="button" class="link-button" data-testid="batch-sample" on:click=cb(sample)>{tr(K::BtSample)}</button>
            </div>
            <label class="field batch-paste">
                <span>{tr(K::BtPasteHint)}</span>
                <textarea rows="4" data-testid="batch-paste" prop:value=move || state.paste.get()
                    on:input=cb(input_value(state.paste))></textarea>
            </label>
            <div class="actions">
                <button type="button" data-testid="batch-read-pasted" on:click=cb(read_pasted)>{tr(K::BtReadPasted)}</button>
            </div>
            <h3>{tr(K::BtGenerateTitle)}</h3>
            <div class="actions batch-generate">
                <label class="field">
                    <span>{tr(K::BtCount)}</span>
                    <input type="number" min="1" max="100000" data-testid="batch-generate-n"
                        prop:value=move || state.gen_n.get() on:input=cb(input_value(state.gen_n))/>
                </label>
                <label class="field">
                    <span>{tr(K::BtSeed)}</span>
                    <input type="number" min="0" data-testid="batch-generate-seed"
                        prop:value=move || state.gen_seed.get() on:input=cb(input_value(state.gen_seed))/>
                </label>
                <label class="field">
                    <span>{tr(K::BtStart)}</span>
                    <input type="datetime-local" data-testid="batch-generate-start"
                        prop:value=move || state.gen_start.get() on:input=cb(input_value(state.gen_start))/>
                </label>
                <button type="button" data-testid="batch-generate" on:click=cb(generate)>{tr(K::BtGenerate)}</button>
            </div>
            {move || state.input_error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            {move || state.header_error.get().map(|e| {
                let text = header_error_text(&e, store.ui_lang.get());
                view! { <p class="notice error" role="alert" data-testid="batch-header-error">{text}</p> }
            })}
            {move || state.requests.get().map(|(label, reqs)| view! {
                <p data-testid="batch-read">
                    {tr(K::BtRead)} ": " <strong data-testid="batch-read-count">{reqs.len()}</strong>
                    <span class="muted">" · " {label}</span>
                </p>
            })}
            <Errors/>
        </section>
    }
}

/// The rows that could not be used: the import's, or the run's once it ran.
#[component]
fn Errors() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<BatchState>();
    move || {
        let lang = store.ui_lang.get();
        let errors: Arc<Vec<RowError>> = match state.result.get() {
            Some(r) => Arc::new(r.row_errors.clone()),
            None => state.import_errors.get(),
        };
        if errors.is_empty() {
            return ().into_any();
        }
        let requests = state.requests.get().map(|(_, r)| r).unwrap_or_default();
        let items: String = store.bundle.with(|b| {
            errors
                .iter()
                .take(SHOWN)
                .map(|e| {
                    let line = if lang == Lang::Zh {
                        format!("第 {} 行", e.line)
                    } else {
                        format!("Line {}", e.line)
                    };
                    format!(
                        "<li data-line=\"{}\" data-code=\"{}\"><span class=\"line\">{line}</span>{}{}</li>",
                        e.line,
                        escape(e.code),
                        if lang == Lang::Zh { "：" } else { ": " },
                        escape(&row_error_text(b, &requests, e, lang))
                    )
                })
                .collect()
        });
        let more =
            (errors.len() > SHOWN).then(|| view! { <p class="muted">{tr(K::BtMoreErrors)}</p> });
        let count = if lang == Lang::Zh {
            format!("（{}）", errors.len())
        } else {
            format!(" ({})", errors.len())
        };
        view! {
            <div class="batch-errors" data-testid="batch-errors">
                <h3>{tr(K::BtRowErrors)} {count}</h3>
                <ul inner_html=items></ul>
                {more}
            </div>
        }
        .into_any()
    }
}

#[component]
fn RunPanel() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<BatchState>();
    let has_requests = move || {
        state
            .requests
            .with(|r| r.as_ref().is_some_and(|(_, r)| !r.is_empty()))
    };
    let busy = move || state.progress.get().is_some() || state.impact_progress.get().is_some();
    view! {
        <section class="panel batch-run">
            <div class="actions">
                <button type="button" class="primary" data-testid="batch-run"
                    disabled=move || !has_requests() || busy()
                    on:click=cb(move |_| state.run(store))>{tr(K::BtRun)}</button>
                {move || busy().then(|| view! {
                    <button type="button" data-testid="batch-cancel" on:click=cb(move |_| state.cancel())>{tr(K::Cancel)}</button>
                })}
            </div>
            {move || (!has_requests()).then(|| view! { <p class="muted">{tr(K::BtNoRequests)}</p> })}
            {move || state.progress.get().or(state.impact_progress.get()).map(|(done, total)| view! {
                <p class="batch-progress">
                    {tr(K::BtRunning)} " "
                    <progress data-testid="batch-progress" max=total value=done></progress>
                    " " {done} " / " {total}
                </p>
            })}
            {move || state.run_error.get().map(|e| view! {
                <p class="notice error" role="alert">{tr(K::BtCalendarError)} " " {e.to_string()}</p>
            })}
        </section>
    }
}

/// One table row for [`table_html`]: attributes (`name="value"` pairs, escaped by the
/// caller; may be empty) and cells as (class, text).
struct HtmlRow {
    attrs: String,
    cells: Vec<(&'static str, String)>,
}

fn html_row(cells: Vec<(&'static str, String)>) -> HtmlRow {
    HtmlRow {
        attrs: String::new(),
        cells,
    }
}

/// A table's `thead` and `tbody` as HTML, every text escaped. Results are shown once and
/// never edited, so one string for the whole table costs far less WebAssembly than a typed
/// view per table.
fn table_html(headers: &[K], lang: Lang, rows: &[HtmlRow]) -> String {
    let mut s = String::from("<thead><tr>");
    for h in headers {
        s.push_str("<th>");
        s.push_str(&escape(h.text(lang)));
        s.push_str("</th>");
    }
    s.push_str("</tr></thead><tbody>");
    for r in rows {
        s.push_str("<tr");
        if !r.attrs.is_empty() {
            s.push(' ');
            s.push_str(&r.attrs);
        }
        s.push('>');
        for (class, text) in &r.cells {
            if class.is_empty() {
                s.push_str("<td>");
            } else {
                s.push_str("<td class=\"");
                s.push_str(class);
                s.push_str("\">");
            }
            s.push_str(&escape(text));
            s.push_str("</td>");
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody>");
    s
}

/// The summary numbers as HTML: `<div class="stat" data-stat=KEY><dt>…<dd>…`.
fn summary_html(m: &Metrics, lang: Lang) -> String {
    let stats = [
        ("count", K::BtTotal, m.count.to_string()),
        (
            "avg",
            K::BtAvg,
            m.avg_working_hours().map_or_else(
                || "–".into(),
                |h| format_number((h * 100.0).round() / 100.0),
            ),
        ),
        ("p50", K::BtP50, opt_hours(m.p50_working_minutes)),
        ("p90", K::BtP90, opt_hours(m.p90_working_minutes)),
        ("pass_rate", K::BtPassRate, percent(m.pass_rate())),
        ("escalations", K::BtEscalations, m.escalations.to_string()),
        ("breaches", K::BtBreaches, m.breaches.to_string()),
    ];
    stats
        .iter()
        .map(|(key, label, value)| {
            format!(
                "<div class=\"stat\" data-stat=\"{key}\"><dt>{}</dt><dd>{}</dd></div>",
                escape(label.text(lang)),
                escape(value)
            )
        })
        .collect()
}

/// Everything the results section shows, as HTML.
struct ResultsHtml {
    summary: String,
    per_template: String,
    approvers: String,
    bottlenecks: String,
    histogram: String,
    load_chart: String,
    rows: String,
}

fn results_html(b: &Bundle, result: &BatchResult, lang: Lang) -> ResultsHtml {
    let m = &result.metrics;
    let mut per_template = Vec::new();
    for (t, n) in &m.per_template {
        per_template.push(html_row(vec![
            ("", template_name(b, t)),
            ("", String::new()),
            ("num", n.to_string()),
        ]));
        let names = namer(b, t, lang);
        for (id, n) in m.per_branch.get(t).into_iter().flatten() {
            let name = match names.branch_def(id) {
                Some(d) => d.name.clone(),
                None if id.ends_with(":default") => K::BtDefaultBranch.text(lang).to_string(),
                None => id.clone(),
            };
            per_template.push(HtmlRow {
                attrs: "class=\"branch\"".into(),
                cells: vec![("", String::new()), ("", name), ("num", n.to_string())],
            });
        }
    }
    let mut loads: Vec<(&String, &batch::ApproverLoad)> = m.per_approver.iter().collect();
    loads.sort_by(|a, b| b.1.load.cmp(&a.1.load).then_with(|| a.0.cmp(b.0)));
    loads.truncate(15);
    let people = namer(b, "", lang);
    let approvers: Vec<HtmlRow> = loads
        .iter()
        .map(|(id, l)| {
            html_row(vec![
                ("", people.person(id)),
                ("num", l.load.to_string()),
                ("num", l.longest_queue.to_string()),
            ])
        })
        .collect();
    let bars: Vec<(String, f64)> = loads
        .iter()
        .map(|(id, l)| (people.person(id), l.load as f64))
        .collect();
    let bottlenecks: Vec<HtmlRow> = m
        .bottlenecks
        .iter()
        .map(|x| {
            html_row(vec![
                ("", template_name(b, &x.template)),
                ("", namer(b, &x.template, lang).step(&x.step)),
                ("num", x.count.to_string()),
                ("num", hours(x.total_working_minutes)),
                (
                    "num",
                    hours(x.total_working_minutes / x.count.max(1) as u64),
                ),
            ])
        })
        .collect();
    let times: Vec<f64> = result
        .rows
        .iter()
        .map(|r| timing::hours(r.working_minutes))
        .collect();
    let rows: Vec<HtmlRow> = result
        .rows
        .iter()
        .take(SHOWN)
        .map(|r| {
            html_row(vec![
                ("num", r.line.to_string()),
                ("", template_name(b, &r.template)),
                ("", people.person(&r.requester)),
                ("", r.submitted.to_string()),
                ("", r.finish.to_string()),
                ("num", hours(r.working_minutes)),
                ("", outcome_text(r.outcome, lang).to_string()),
                ("", route_text(b, &r.template, &r.route, lang)),
            ])
        })
        .collect();
    ResultsHtml {
        summary: summary_html(m, lang),
        per_template: table_html(
            &[K::BtTemplate, K::BtBranch, K::BtCountCol],
            lang,
            &per_template,
        ),
        approvers: table_html(&[K::BtApprover, K::BtLoad, K::BtQueue], lang, &approvers),
        bottlenecks: table_html(
            &[
                K::BtTemplate,
                K::BtStep,
                K::BtTimes,
                K::BtTotalHours,
                K::BtAvgHours,
            ],
            lang,
            &bottlenecks,
        ),
        histogram: charts::histogram(
            &times,
            12,
            K::BtHistogram.text(lang),
            K::BtHoursAxis.text(lang),
            K::BtRequestsAxis.text(lang),
        ),
        load_chart: charts::bar_chart(&bars, K::BtApprovers.text(lang)),
        rows: table_html(
            &[
                K::BtLine,
                K::BtTemplate,
                K::BtRequester,
                K::BtSubmitted,
                K::BtFinish,
                K::BtHours,
                K::BtOutcome,
                K::BtRoute,
            ],
            lang,
            &rows,
        ),
    }
}

#[component]
fn Results() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<BatchState>();
    move || {
        let Some(result) = state.result.get() else {
            return ().into_any();
        };
        let lang = store.ui_lang.get();
        let export = {
            let result = result.clone();
            move |_| {
                let name = format!("batch-{}.csv", browser::today_compact());
                let _ = browser::download(&name, "text/csv;charset=utf-8", &result.to_csv());
            }
        };
        let html = store.bundle.with(|b| results_html(b, &result, lang));
        let more =
            (result.rows.len() > SHOWN).then(|| view! { <p class="muted">{tr(K::BtMoreRows)}</p> });
        view! {
            <section class="panel batch-results">
                <h2>{tr(K::BtSummary)}</h2>
                <dl class="batch-summary" data-testid="batch-summary" data-wasm-memory=browser::wasm_memory_bytes() inner_html=html.summary></dl>
                <div class="actions">
                    <button type="button" data-testid="batch-export" on:click=cb(export)>{tr(K::BtExport)}</button>
                </div>
                <div class="batch-charts">
                    <figure>
                        <figcaption>{tr(K::BtHistogram)}</figcaption>
                        <div class="chart-svg" data-testid="batch-histogram" inner_html=html.histogram></div>
                    </figure>
                    <figure>
                        <figcaption>{tr(K::BtApprovers)}</figcaption>
                        <div class="chart-svg" data-testid="batch-load-chart" inner_html=html.load_chart></div>
                    </figure>
                </div>
                <h3>{tr(K::BtPerTemplate)}</h3>
                <div class="table-scroll"><table class="data batch-templates" inner_html=html.per_template></table></div>
                <h3>{tr(K::BtApprovers)}</h3>
                <div class="table-scroll"><table class="data" data-testid="batch-approvers" inner_html=html.approvers></table></div>
                <h3>{tr(K::BtBottlenecks)}</h3>
                <div class="table-scroll"><table class="data" data-testid="batch-bottlenecks" inner_html=html.bottlenecks></table></div>
                <h3>{tr(K::BtRows)}</h3>
                <div class="table-scroll">
                    <table class="data" data-testid="batch-rows" inner_html=html.rows></table>
                </div>
                {more}
            </section>
        }
        .into_any()
    }
}

/// One side of a change in words.
fn side_text(b: &Bundle, c: &Change, side: &Side, lang: Lang) -> String {
    match side {
        Side::Routed { steps, outcome, .. } => namer(b, &c.template, lang).aside(
            &route_text(b, &c.template, steps, lang),
            outcome_text(*outcome, lang),
        ),
        Side::Error(e) => batch_error_text(e.code, &e.params, lang, &namer(b, &c.template, lang)),
    }
}

/// The metrics compared: label, before, after, and the numbers to compare.
fn metric_rows(
    old: &Metrics,
    new: &Metrics,
    lang: Lang,
    person: &dyn Fn(&str) -> String,
) -> Vec<(String, String, String, Option<f64>)> {
    let h = |m: Option<u64>| m.map(timing::hours);
    let round = |x: f64| format_number((x * 100.0).round() / 100.0);
    let num = |x: Option<f64>| x.map_or_else(|| "–".into(), round);
    let diff = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| b - a);
    let mut out = vec![
        (
            K::BtTotal.text(lang).to_string(),
            old.count.to_string(),
            new.count.to_string(),
            Some(new.count as f64 - old.count as f64),
        ),
        (
            K::BtAvg.text(lang).to_string(),
            num(old.avg_working_hours()),
            num(new.avg_working_hours()),
            diff(old.avg_working_hours(), new.avg_working_hours()),
        ),
        (
            K::BtP50.text(lang).to_string(),
            num(h(old.p50_working_minutes)),
            num(h(new.p50_working_minutes)),
            diff(h(old.p50_working_minutes), h(new.p50_working_minutes)),
        ),
        (
            K::BtP90.text(lang).to_string(),
            num(h(old.p90_working_minutes)),
            num(h(new.p90_working_minutes)),
            diff(h(old.p90_working_minutes), h(new.p90_working_minutes)),
        ),
        (
            K::BtPassRate.text(lang).to_string(),
            percent(old.pass_rate()),
            percent(new.pass_rate()),
            diff(old.pass_rate(), new.pass_rate()).map(|d| d * 100.0),
        ),
        (
            K::BtEscalations.text(lang).to_string(),
            old.escalations.to_string(),
            new.escalations.to_string(),
            Some(new.escalations as f64 - old.escalations as f64),
        ),
        (
            K::BtBreaches.text(lang).to_string(),
            old.breaches.to_string(),
            new.breaches.to_string(),
            Some(new.breaches as f64 - old.breaches as f64),
        ),
    ];
    let mut ids: Vec<&String> = old
        .per_approver
        .keys()
        .chain(new.per_approver.keys())
        .collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        let (a, b) = (
            old.per_approver.get(id).map_or(0, |l| l.load),
            new.per_approver.get(id).map_or(0, |l| l.load),
        );
        out.push((
            format!("{} · {}", K::BtLoad.text(lang), person(id)),
            a.to_string(),
            b.to_string(),
            Some(b as f64 - a as f64),
        ));
    }
    out
}

fn diff_text(d: Option<f64>) -> (String, &'static str) {
    match d {
        Some(d) if d > 1e-9 => (
            format!("↑ {}", format_number((d * 100.0).round() / 100.0)),
            "num diff up",
        ),
        Some(d) if d < -1e-9 => (
            format!("↓ {}", format_number((-d * 100.0).round() / 100.0)),
            "num diff down",
        ),
        Some(_) => ("=".into(), "num diff same"),
        None => ("–".into(), "num diff same"),
    }
}

#[component]
fn ImpactPanel() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<BatchState>();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        spawn_local(async move {
            let lang = store.ui_lang.get_untracked();
            match browser::read_text_any_encoding(file, MAX_FILE_BYTES).await {
                Ok(text) => match codec::read_valid_later(&text).await {
                    Err(Unavailable) => state
                        .input_error
                        .set(Some(format!("{name}: {}", K::ReaderUnavailable.text(lang)))),
                    Ok(Ok(b)) => {
                        state.base_problems.set(Vec::new());
                        state.input_error.set(None);
                        state.base_file.set(Some(Base {
                            label: name,
                            bundle: Arc::new(b),
                        }));
                        state.base_choice.set("file".into());
                    }
                    Ok(Err(e)) => {
                        state.base_file.set(None);
                        state.base_problems.set(e.problems);
                        if state.base_choice.get_untracked() == "file" {
                            state.base_choice.set(String::new());
                        }
                    }
                },
                Err(browser::ReadError::TooLarge { .. }) => state
                    .input_error
                    .set(Some(format!("{name}: {}", K::FileTooLarge.text(lang)))),
                Err(browser::ReadError::NotText) => state
                    .input_error
                    .set(Some(format!("{name}: {}", K::FileNotText.text(lang)))),
            }
        });
    };
    let base = move || -> Option<Base> {
        let choice = state.base_choice.get();
        if choice.is_empty() {
            return None;
        }
        if choice == "file" {
            return state.base_file.get();
        }
        store.bundle.with(|b| {
            b.snapshots.iter().find(|s| s.id == choice).map(|s| Base {
                label: format!("{} · {}", s.version, s.effective_date),
                bundle: Arc::new(s.workspace.as_ref().clone()),
            })
        })
    };
    let has_requests = move || {
        state
            .requests
            .with(|r| r.as_ref().is_some_and(|(_, r)| !r.is_empty()))
    };
    let busy = move || state.progress.get().is_some() || state.impact_progress.get().is_some();
    let run = move |_| {
        if let Some(b) = base() {
            state.compare(store, b);
        }
    };
    let options = move || {
        let mut opts: Vec<(String, String)> = store.bundle.with(|b| {
            b.snapshots
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        format!("{} · {}", s.version, s.effective_date),
                    )
                })
                .collect()
        });
        if let Some(f) = state.base_file.get() {
            opts.push((
                "file".into(),
                format!(
                    "{}: {}",
                    K::BtImportedFile.text(store.ui_lang.get()),
                    f.label
                ),
            ));
        }
        let chosen = state.base_choice.get();
        opts.into_iter()
            .map(|(v, label)| {
                let selected = v == chosen;
                view! { <option value=v selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="panel batch-impact">
            <h2>{tr(K::BtImpact)}</h2>
            <p class="muted">{tr(K::BtImpactIntro)}</p>
            <div class="actions">
                <label class="field">
                    <span>{tr(K::BtCompareWith)}</span>
                    <select data-testid="impact-base"
                        prop:value=move || state.base_choice.get()
                        on:change=cb(move |e: leptos::ev::Event| state.base_choice.set(event_target_value(&e)))>
                        <option value="">{tr(K::BtChooseBase)}</option>
                        {options}
                    </select>
                </label>
                <label class="file-button">
                    {tr(K::BtImportWorkspace)}
                    <input type="file" accept=".json,application/json" data-testid="impact-file" on:change=cb(on_file)/>
                </label>
                <button type="button" data-testid="impact-run"
                    disabled=move || base().is_none() || !has_requests() || busy()
                    on:click=cb(run)>{tr(K::BtImpactRun)}</button>
            </div>
            {move || {
                let problems = state.base_problems.get();
                (!problems.is_empty()).then(|| {
                    let lang = store.ui_lang.get();
                    let items = problems
                        .iter()
                        .map(|p| view! { <li><code>{p.path.clone()}</code> " " {problem_text(&p.kind, lang)}</li> })
                        .collect_view();
                    view! {
                        <div class="notice error" role="alert" data-testid="impact-file-problems">
                            {tr(K::BtFileProblems)}
                            <ul>{items}</ul>
                        </div>
                    }
                })
            }}
            <ImpactResult/>
        </section>
    }
}

#[component]
fn ImpactResult() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<BatchState>();
    move || {
        let Some((base, impact)) = state.impact.get() else {
            return ().into_any();
        };
        let lang = store.ui_lang.get();
        let changed: Vec<HtmlRow> = store.bundle.with(|now| {
            impact
                .changed
                .iter()
                .take(SHOWN)
                .map(|c| HtmlRow {
                    attrs: format!("data-line=\"{}\"", c.line),
                    cells: vec![
                        ("num", c.line.to_string()),
                        ("", template_name(now, &c.template)),
                        ("", namer(now, "", lang).person(&c.requester)),
                        ("old", side_text(&base.bundle, c, &c.old, lang)),
                        ("new", side_text(now, c, &c.new, lang)),
                    ],
                })
                .collect()
        });
        let changed = table_html(
            &[
                K::BtLine,
                K::BtTemplate,
                K::BtRequester,
                K::BtOldRoute,
                K::BtNewRoute,
            ],
            lang,
            &changed,
        );
        let metrics: Vec<HtmlRow> = store
            .bundle
            .with(|now| {
                let people = namer(now, "", lang);
                metric_rows(&impact.base.metrics, &impact.new.metrics, lang, &|id| {
                    people.person(id)
                })
            })
            .into_iter()
            .map(|(label, a, b, d)| {
                let (text, class) = diff_text(d);
                html_row(vec![("", label), ("num", a), ("num", b), (class, text)])
            })
            .collect();
        let metrics = table_html(
            &[K::BtMetric, K::BtOldValue, K::BtNewValue, K::BtDiff],
            lang,
            &metrics,
        );
        let n = impact.changed.len();
        let more = (n > SHOWN).then(|| view! { <p class="muted">{tr(K::BtMoreChanged)}</p> });
        let none = (n == 0).then(|| view! { <p class="muted">{tr(K::BtNoChange)}</p> });
        view! {
            <div class="impact-result">
                <p class="muted">{tr(K::BtCompareWith)} ": " {base.label.clone()}</p>
                <h3>{tr(K::BtChanged)} ": " <strong data-testid="impact-changed-count">{n}</strong></h3>
                {none}
                {(n > 0).then(|| view! {
                    <div class="table-scroll">
                        <table class="data" data-testid="impact-changed" inner_html=changed></table>
                    </div>
                })}
                {more}
                <div class="table-scroll"><table class="data" data-testid="impact-metrics" inner_html=metrics></table></div>
            </div>
        }
        .into_any()
    }
}
