//! CSV export and import of the people.
//!
//! Export downloads `people-YYYYMMDD.csv`. Import reads a file (UTF-8 or GBK), shows what
//! would be imported — how many people, each bad row by line, problems such as supervision
//! loops — and changes nothing until "Replace people", which is one undo step.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::org_csv::RowError;
use crate::core::org_csv::{export_people, import_people, ImportProblem, PeopleImport, ROW_ERRORS};
use crate::core::report::param;
use crate::core::Lang;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::{use_store, Notice};

use super::{colon, dyn_view, supervision_text, OrgCtx};

/// Largest people file accepted.
const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// Row errors listed before the rest are only counted.
const SHOWN_ERRORS: usize = 200;

/// The file being imported, until it is applied or dropped.
#[derive(Clone, Copy)]
pub struct ImportState {
    /// The file's name and text.
    source: RwSignal<Option<(String, Arc<String>)>>,
    /// Why the file could not be read.
    error: RwSignal<Option<String>>,
    /// How many people the last applied import brought in.
    done: RwSignal<Option<usize>>,
}

impl ImportState {
    pub fn new() -> ImportState {
        ImportState {
            source: RwSignal::new(None),
            error: RwSignal::new(None),
            done: RwSignal::new(None),
        }
    }
}

/// The export button and the import file chooser.
#[component]
pub fn CsvButtons() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<OrgCtx>().import;
    let export = move |_| {
        let text = store.bundle.with_untracked(|b| export_people(&b.org));
        let name = format!("people-{}.csv", browser::today_compact());
        if browser::download(&name, "text/csv;charset=utf-8", &text).is_ok() {
            store.notice.set(Some(Notice::Saved { file: name }));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        state.done.set(None);
        spawn_local(async move {
            let lang = store.ui_lang.get_untracked();
            match browser::read_text_any_encoding(file, MAX_FILE_BYTES).await {
                Ok(text) => {
                    state.error.set(None);
                    state.source.set(Some((name, Arc::new(text))));
                }
                Err(browser::ReadError::TooLarge { .. }) => {
                    state.source.set(None);
                    state
                        .error
                        .set(Some(format!("{name}: {}", K::FileTooLarge.text(lang))));
                }
                Err(browser::ReadError::NotText) => {
                    state.source.set(None);
                    state
                        .error
                        .set(Some(format!("{name}: {}", K::FileNotText.text(lang))));
                }
            }
        });
    };
    view! {
        <button type="button" data-testid="org-export" on:click=cb(export)>{tr(K::OrgExport)}</button>
        <label class="file-button" title=tr(K::OrgCsvHint)>
            {tr(K::OrgImport)}
            <input type="file" accept=".csv,text/csv,text/plain" data-testid="org-import" on:change=cb(on_file)/>
        </label>
    }
}

/// What the chosen file would do, and the button that does it.
#[component]
pub fn ImportPreview() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<OrgCtx>().import;
    // Departments and roles are resolved against the org as it is now.
    let preview = Memo::new(move |_| {
        state.source.with(|s| {
            s.as_ref().map(|(name, text)| {
                let result = store.bundle.with(|b| import_people(text, &b.org));
                (name.clone(), Arc::new(result))
            })
        })
    });
    let apply = move |_| {
        let Some((_, result)) = preview.get_untracked() else {
            return;
        };
        if result.header_error.is_some() || result.people.is_empty() {
            return;
        }
        let people = result.people.clone();
        let n = people.len();
        store.edit(None, move |b| b.org.people = people);
        state.source.set(None);
        state.done.set(Some(n));
    };
    let cancel = move |_| state.source.set(None);
    let body = move || {
        let lang = store.ui_lang.get();
        let Some((name, result)) = preview.get() else {
            return ().into_any();
        };
        let can_apply = result.header_error.is_none() && !result.people.is_empty();
        view! {
            <section class="panel org-import" data-testid="org-import-preview">
                <h3>{K::OrgImportPreview.text(lang)} " · " {name}</h3>
                {preview_body(&result, lang)}
                {can_apply.then(|| view! { <p class="muted">{K::OrgImportApplyNote.text(lang)}</p> })}
                <div class="actions">
                    <button type="button" class="primary" data-testid="org-import-apply" disabled=!can_apply
                        on:click=cb(apply)>
                        {K::OrgImportApply.text(lang)}
                    </button>
                    <button type="button" data-testid="org-import-cancel" on:click=cb(cancel)>
                        {K::Cancel.text(lang)}
                    </button>
                </div>
            </section>
        }
        .into_any()
    };
    view! {
        <p class="muted small">{tr(K::OrgCsvHint)}</p>
        {dyn_view(Box::new(move || {
            state.error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="org-import-error">{e}</p> }).into_any()
        }))}
        {dyn_view(Box::new(move || {
            state.done.get().map(|n| view! {
                <p class="notice" role="status" data-testid="org-import-done">{tr(K::OrgImportDone)} {n}</p>
            }).into_any()
        }))}
        {dyn_view(Box::new(body))}
    }
}

fn preview_body(result: &PeopleImport, lang: Lang) -> AnyView {
    if let Some(e) = &result.header_error {
        return view! {
            <p class="notice error" data-testid="org-import-header-error">
                {K::OrgImportCannot.text(lang)} {org_csv_text(e.code, &e.params, lang)}
            </p>
        }
        .into_any();
    }
    let errors = result
        .row_errors
        .iter()
        .take(SHOWN_ERRORS)
        .map(|e| {
            let line = K::OrgImportLine
                .text(lang)
                .replace("{}", &e.line.to_string());
            view! {
                <li data-line=e.line data-code=e.code>
                    <b>{line}</b> {colon(lang)} {org_csv_text(e.code, &e.params, lang)}
                </li>
            }
        })
        .collect_view();
    let more = result.row_errors.len().saturating_sub(SHOWN_ERRORS);
    let problems = result
        .problems
        .iter()
        .map(|p| view! { <li data-code=p.code>{supervision_text(p, &result.people, lang)}</li> })
        .collect_view();
    view! {
        <p data-testid="org-import-count">
            {K::OrgImportRead.text(lang)} {colon(lang)} <b>{result.people.len()}</b>
        </p>
        {(!result.row_errors.is_empty()).then(|| view! {
            <div class="notice warn">
                <p><b>{K::OrgImportRowErrors.text(lang)}</b> {colon(lang)} {result.row_errors.len()}</p>
                <ul data-testid="org-import-errors">{errors}</ul>
                {(more > 0).then(|| view! { <p>"… +" {more}</p> })}
            </div>
        })}
        {(!result.problems.is_empty()).then(|| view! {
            <div class="notice warn">
                <p><b>{K::OrgImportProblems.text(lang)}</b></p>
                <ul data-testid="org-import-problems">{problems}</ul>
            </div>
        })}
    }
    .into_any()
}

/// A row error, header error or problem of the people import (codes in
/// `core::org_csv::{ROW_ERRORS, HEADER_ERRORS, PROBLEMS}`), in words.
pub fn org_csv_text(code: &'static str, params: &[(&'static str, String)], lang: Lang) -> String {
    if lang == Lang::En {
        return if ROW_ERRORS.contains(&code) {
            RowError {
                line: 0,
                code,
                params: params.to_vec(),
            }
            .message()
        } else {
            ImportProblem {
                code,
                params: params.to_vec(),
                ids: Vec::new(),
            }
            .message()
        };
    }
    let p = |k: &str| param(params, k);
    match code {
        "unterminated_quote" => "引号未闭合：从这一行开始的带引号字段没有正确结束".into(),
        "stray_quote" => "右引号后还有文字；引号内的引号应写作 \"\"".into(),
        "field_count" => format!("有 {} 列，而表头有 {} 列", p("found"), p("expected")),
        "empty_id" => "编号为空".into(),
        "duplicate_id" => format!("编号“{}”已在第 {} 行使用", p("id"), p("first")),
        "empty_name" => "姓名为空".into(),
        "unknown_department" => format!("没有部门“{}”", p("dept")),
        "ambiguous_department" => format!("“{}”可能指以下任一部门：{}；请改用部门编号", p("dept"), p("ids")),
        "unknown_supervisor" => format!("直属上级“{}”不是本文件中的人员", p("supervisor")),
        "ambiguous_supervisor" => format!("直属上级“{}”可能指 {} 中的任何一位；请改用编号", p("supervisor"), p("ids")),
        "supervisor_skipped" => format!(
            "直属上级“{}”（第 {} 行）未能导入，因此本行也不导入",
            p("supervisor"),
            p("supervisor_line")
        ),
        "unknown_role" => format!("没有角色“{}”", p("role")),
        "ambiguous_role" => format!("“{}”可能指以下任一角色：{}；请改用角色编号", p("role"), p("ids")),
        "bad_status" => format!("状态应为“在职”或“离职”（active / left），而不是“{}”", p("value")),
        "no_header" => "文件为空；第一行应为列名".into(),
        "bad_header" => {
            let inner = match p("error") {
                "unterminated_quote" => "引号未闭合",
                "stray_quote" => "右引号后还有文字",
                other => other,
            };
            format!("无法读取表头（{inner}）")
        }
        "missing_columns" => format!(
            "表头缺少列：{}。必需：工号、姓名、部门（或 id, name, dept）；可选：直属上级、角色、状态（supervisor, roles, status）",
            p("columns")
        ),
        "cycle" => format!("汇报关系形成循环：{}", p("ids")),
        "own_supervisor" => format!("{} 是自己的直属上级", p("id")),
        other => other.to_string(),
    }
}
