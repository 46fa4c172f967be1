//! The group inventory audit: a CSV of groups (name, owner, type, created, last active,
//! members, external) checked against the lifecycle rules and the naming scheme, as of a
//! date the user picks. Thresholds are part of the workspace and editable here; rows that
//! cannot be read are listed by line and do not stop the rest.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::code_label;
use crate::core::csv;
use crate::core::naming::inventory::{
    audit, Date, Finding, InventoryReport, InventoryRules, ReportProblem, RowError, Severity,
};
use crate::core::naming::words::lookup;
use crate::core::Lang;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::pages::common::clause_cite;
use crate::ui::state::use_store;

/// Largest inventory file accepted.
const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Groups listed before "show more".
const PAGE: usize = 200;
/// A small inventory to try the audit on.
const EXAMPLE_CSV: &str = include_str!("../../../../tests/fixtures/groups.csv");

/// The inventory tab's state, kept while the naming area is open.
#[derive(Clone, Copy)]
pub struct InventoryState {
    source: RwSignal<Option<(String, Arc<String>)>>,
    as_of: RwSignal<String>,
    report: RwSignal<Option<Arc<InventoryReport>>>,
    only_findings: RwSignal<bool>,
    shown: RwSignal<usize>,
    error: RwSignal<Option<String>>,
}

impl InventoryState {
    pub fn new() -> InventoryState {
        InventoryState {
            source: RwSignal::new(None),
            as_of: RwSignal::new(browser::today_iso()),
            report: RwSignal::new(None),
            only_findings: RwSignal::new(true),
            shown: RwSignal::new(PAGE),
            error: RwSignal::new(None),
        }
    }
}

#[component]
pub fn InventoryTab() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<InventoryState>();
    // The report follows the file, the date and the rules (and the scheme, the org).
    Effect::new(move |_| {
        let Some((_, text)) = state.source.get() else {
            state.report.set(None);
            return;
        };
        let Some(as_of) = Date::parse_iso(&state.as_of.get()) else {
            state.report.set(None);
            return;
        };
        let report = store.bundle.with(|b| audit(&text, b, &b.inventory, as_of));
        state.report.set(Some(Arc::new(report)));
        state.shown.set(PAGE);
    });
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        spawn_local(async move {
            let lang = store.ui_lang.get_untracked();
            match browser::read_text_any_encoding(file, MAX_FILE_BYTES).await {
                Ok(text) => {
                    state.error.set(None);
                    state.source.set(Some((name, Arc::new(text))));
                }
                Err(browser::ReadError::TooLarge { .. }) => state
                    .error
                    .set(Some(format!("{name}: {}", K::FileTooLarge.text(lang)))),
                Err(browser::ReadError::NotText) => state
                    .error
                    .set(Some(format!("{name}: {}", K::FileNotText.text(lang)))),
            }
        });
    };
    let load_example = move |_| {
        state.error.set(None);
        state.source.set(Some((
            "groups.csv".into(),
            Arc::new(EXAMPLE_CSV.to_string()),
        )));
    };

    view! {
        <div class="inventory" data-testid="inventory">
            <section class="panel">
                <h2>{tr(K::InventoryTitle)}</h2>
                <p class="muted">{tr(K::InventoryIntro)}</p>
                <RulesForm/>
                <div class="actions">
                    <label class="file-button">
                        {tr(K::ImportCsv)}
                        <input type="file" accept=".csv,text/csv" data-testid="inventory-file" on:change=cb(on_file)/>
                    </label>
                    <button type="button" data-testid="inventory-example" on:click=cb(load_example)>{tr(K::TryExample)}</button>
                    <label class="field">
                        <span>{tr(K::AsOf)} " "</span>
                        <input type="date" data-testid="inventory-as-of"
                            prop:value=move || state.as_of.get()
                            on:input=cb(move |e: leptos::ev::Event| {
                                let v = event_target_value(&e);
                                if !v.is_empty() { state.as_of.set(v) }
                            })/>
                    </label>
                </div>
                {move || state.source.get().map(|(name, _)| view! { <p class="muted" data-testid="inventory-source">{name}</p> })}
                {move || state.error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
            </section>
            <Report/>
        </div>
    }
}

/// The lifecycle thresholds, stored in the workspace.
#[component]
fn RulesForm() -> impl IntoView {
    let store = use_store();
    let edit = move |key: &'static str, f: Box<dyn FnOnce(&mut InventoryRules)>| {
        store.edit(Some(&format!("inventory.{key}")), |b| f(&mut b.inventory));
    };
    let text = move |key: &'static str,
                     label: K,
                     get: fn(&InventoryRules) -> String,
                     set: fn(&mut InventoryRules, String)| {
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type="text" data-testid=format!("inventory-{key}")
                    prop:value=move || store.bundle.with(|b| get(&b.inventory))
                    on:input=cb(move |e: leptos::ev::Event| {
                        let v = event_target_value(&e);
                        edit(key, Box::new(move |r| set(r, v)));
                    })/>
            </label>
        }
    };
    let days = move |key: &'static str,
                     label: K,
                     get: fn(&InventoryRules) -> u32,
                     set: fn(&mut InventoryRules, u32)| {
        view! {
            <label class="field small">
                <span>{tr(label)}</span>
                <input type="number" min="1" max="3650" data-testid=format!("inventory-{key}")
                    prop:value=move || store.bundle.with(|b| get(&b.inventory).to_string())
                    on:input=cb(move |e: leptos::ev::Event| {
                        if let Ok(n) = event_target_value(&e).trim().parse::<u32>() {
                            if n > 0 { edit(key, Box::new(move |r| set(r, n.min(3650)))) }
                        }
                    })/>
            </label>
        }
    };
    let schemes = move || {
        store.bundle.with(|b| {
            b.naming
                .iter()
                .map(|s| {
                    let selected = s.id == b.inventory.scheme;
                    view! { <option value=s.id.clone() selected=selected>{format!("{} ({})", s.name, s.id)}</option> }
                })
                .collect_view()
        })
    };
    let cite = move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            b.inventory
                .clause
                .as_deref()
                .map(|c| clause_cite(b, c, lang))
        })
    };
    view! {
        <div class="inventory-rules">
            <label class="field">
                <span>{tr(K::SchemeChoice)}</span>
                <select data-testid="inventory-scheme" on:change=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    edit("scheme", Box::new(move |r| r.scheme = v));
                })>{schemes}</select>
            </label>
            {text("temporary_type", K::TemporaryType, |r| r.temporary_type.clone(), |r, v| r.temporary_type = v)}
            {days("temporary_max_days", K::TemporaryMaxDays, |r| r.temporary_max_days, |r, n| r.temporary_max_days = n)}
            {days("inactive_days", K::InactiveDays, |r| r.inactive_days, |r, n| r.inactive_days = n)}
            {text("customer_type", K::CustomerType, |r| r.customer_type.clone(), |r, v| r.customer_type = v)}
        </div>
        {cite}
    }
}

#[component]
fn Report() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<InventoryState>();
    move || {
        let lang = store.ui_lang.get();
        let report = state.report.get()?;
        if let Some(p) = &report.header_error {
            return Some(view! {
                <p class="notice error" role="alert" data-testid="inventory-header-error">{problem_text(p, lang)}</p>
            }.into_any());
        }
        let with_findings = report
            .groups
            .iter()
            .filter(|g| !g.findings.is_empty())
            .count();
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for f in report.groups.iter().flat_map(|g| &g.findings) {
            match counts.iter_mut().find(|(c, _)| *c == f.code) {
                Some(slot) => slot.1 += 1,
                None => counts.push((f.code, 1)),
            }
        }
        let only = state.only_findings.get();
        let shown = state.shown.get();
        let listed: Vec<_> = report
            .groups
            .iter()
            .filter(|g| !only || !g.findings.is_empty())
            .collect();
        let more = listed.len().saturating_sub(shown);
        let rows = listed
            .into_iter()
            .take(shown)
            .map(|g| {
                let items = g.findings.iter().map(|f| {
                    let class = if f.severity == Severity::Error { "error" } else { "warning" };
                    view! {
                        <li class=class data-code=f.code>
                            {finding_text(f, lang)} " — " <i>{action_text(f.action, lang)}</i>
                        </li>
                    }
                }).collect_view();
                let ok = g.findings.is_empty();
                view! {
                    <tr data-testid="inventory-row">
                        <td class="num">{g.line}</td>
                        <td><code>{g.name.clone()}</code></td>
                        <td>{g.owner.clone()}</td>
                        <td>{if ok { view! { <span class="ok">"✓ " {K::NoFindings.text(lang)}</span> }.into_any() } else { view! { <ul class="finding-list">{items}</ul> }.into_any() }}</td>
                    </tr>
                }
            })
            .collect_view();
        let bad_rows = report.row_errors.iter().map(|e| {
            view! { <li data-testid="inventory-row-error" data-line=e.line>{format!("{} {}: {}", K::Line.text(lang), e.line, row_error_text(e, lang))}</li> }
        }).collect_view();
        let code_rows = counts.into_iter().map(|(code, n)| view! {
            <tr><td>{finding_label(code, lang)}</td><td class="num" data-testid="finding-count" data-code=code>{n}</td></tr>
        }).collect_view();
        let export_report = report.clone();
        Some(view! {
            <section class="panel" data-testid="inventory-report">
                <h2>{K::InventoryResults.text(lang)}</h2>
                {report.scheme_problem.as_ref().map(|p| view! { <p class="notice warn">{problem_text(p, lang)}</p> })}
                <p class="counts">
                    <span data-testid="inventory-groups">{report.groups.len()}</span> " " {K::GroupsRead.text(lang)} " · "
                    <span class="bad" data-testid="inventory-with-findings">{with_findings}</span> " " {K::GroupsWithFindings.text(lang)} " · "
                    <span data-testid="inventory-bad-rows">{report.row_errors.len()}</span> " " {K::RowsUnreadable.text(lang)}
                </p>
                <table class="code-counts"><tbody>{code_rows}</tbody></table>
                {(!report.row_errors.is_empty()).then(|| view! {
                    <details open>
                        <summary>{K::RowsUnreadable.text(lang)}</summary>
                        <ul>{bad_rows}</ul>
                    </details>
                })}
                <div class="toolbar">
                    <label class="check">
                        <input type="checkbox" data-testid="inventory-only-findings" prop:checked=only
                            on:change=cb(move |e: leptos::ev::Event| state.only_findings.set(event_target_checked(&e)))/>
                        " " {K::OnlyWithFindings.text(lang)}
                    </label>
                    <button type="button" data-testid="inventory-export" on:click=cb(move |_| export(&export_report, lang))>
                        {K::ExportCsv.text(lang)}
                    </button>
                </div>
                <div class="table-wrap">
                    <table>
                        <thead><tr>
                            <th scope="col">{K::Line.text(lang)}</th>
                            <th scope="col">{K::GroupName.text(lang)}</th>
                            <th scope="col">{K::GroupOwner.text(lang)}</th>
                            <th scope="col">{K::Findings.text(lang)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {(more > 0).then(|| view! {
                    <button type="button" on:click=cb(move |_| state.shown.update(|s| *s += PAGE))>
                        {format!("{} ({more})", K::ShowMore.text(lang))}
                    </button>
                })}
            </section>
        }.into_any())
    }
}

/// The findings as CSV, one row per finding (and one per group without any, marked ok),
/// plus the rows that could not be read.
fn export(report: &InventoryReport, lang: Lang) {
    let mut out = String::from("\u{feff}");
    let head = [
        K::Line,
        K::GroupName,
        K::GroupOwner,
        K::Severity,
        K::Codes,
        K::Findings,
        K::Action,
    ];
    csv::write_row(
        &mut out,
        &head.iter().map(|k| k.text(lang)).collect::<Vec<_>>(),
    );
    for g in &report.groups {
        let line = g.line.to_string();
        if g.findings.is_empty() {
            csv::write_row(
                &mut out,
                &[
                    &line,
                    &g.name,
                    &g.owner,
                    "",
                    "ok",
                    K::NoFindings.text(lang),
                    "",
                ],
            );
        }
        for f in &g.findings {
            let severity = if f.severity == Severity::Error {
                K::SeverityError
            } else {
                K::SeverityWarning
            };
            csv::write_row(
                &mut out,
                &[
                    &line,
                    &g.name,
                    &g.owner,
                    severity.text(lang),
                    f.code,
                    &finding_text(f, lang),
                    &action_text(f.action, lang),
                ],
            );
        }
    }
    for e in &report.row_errors {
        let line = e.line.to_string();
        csv::write_row(
            &mut out,
            &[
                &line,
                &e.name,
                "",
                K::SeverityError.text(lang),
                e.code,
                &row_error_text(e, lang),
                "",
            ],
        );
    }
    let file = format!("group-inventory-{}.csv", browser::today_compact());
    let _ = browser::download(&file, "text/csv;charset=utf-8", &out);
}

/// Short names of the findings (code, 中文, English).
const FINDING_LABELS: &[(&str, &str, &str)] = &[
    ("name", "名称不合规", "Name does not comply"),
    (
        "type_mismatch",
        "名称与类型不一致",
        "Name and type disagree",
    ),
    ("no_owner", "没有群主", "No owner"),
    ("owner_count", "群主不止一位", "More than one owner"),
    (
        "unknown_owner",
        "群主不在组织架构中",
        "Owner not in the org chart",
    ),
    ("owner_left", "群主已离职", "Owner has left"),
    ("member_left", "有已离职成员", "Members who have left"),
    ("temporary_expired", "临时群超期", "Temporary group too old"),
    ("inactive", "长期不活跃", "Inactive too long"),
    (
        "customer_not_external",
        "客户群未标记为外部",
        "Customer group not marked external",
    ),
    (
        "external_not_customer",
        "外部群不是客户群",
        "External group that is not a customer group",
    ),
    ("date_order", "日期有误", "Dates out of order"),
];

fn finding_label(code: &str, lang: Lang) -> String {
    lookup(FINDING_LABELS, code, lang)
}

/// What to do about a finding (action, 中文, English).
const ACTIONS: &[(&str, &str, &str)] = &[
    ("fix_name", "按规范改名", "rename the group"),
    (
        "fix_name_or_type",
        "更正名称或类型",
        "correct the name or the type",
    ),
    (
        "assign_owner",
        "指定一位在职群主",
        "assign one active owner",
    ),
    (
        "remove_members",
        "移出已离职成员",
        "remove the people who have left",
    ),
    (
        "dissolve_or_convert",
        "解散或转为正式群",
        "dissolve it or convert it",
    ),
    (
        "archive_or_dissolve",
        "归档或解散",
        "archive or dissolve it",
    ),
    ("mark_external", "标记为外部群", "mark it external"),
    (
        "change_type",
        "改为客户群或取消外部",
        "make it a customer group or internal",
    ),
    ("check_dates", "核对日期", "check the dates"),
];

fn action_text(action: &str, lang: Lang) -> String {
    lookup(ACTIONS, action, lang)
}

fn finding_text(f: &Finding, lang: Lang) -> String {
    if lang == Lang::En {
        return match f.code {
            // The English details name violation codes; list them in words instead.
            "name" => name_finding(f, lang),
            _ => f.message(),
        };
    }
    let p = |k| f.param(k);
    match f.code {
        "name" => name_finding(f, lang),
        "type_mismatch" => format!("名称中为“{}”，类型列为“{}”", p("name_type"), p("type")),
        "no_owner" => "没有群主".into(),
        "owner_count" => format!("有 {} 位群主（{}），应恰好一位", p("count"), p("owners")),
        "unknown_owner" => format!("群主“{}”不在组织架构中", p("owner")),
        "owner_left" => format!("群主“{}”已离职", p("owner")),
        "member_left" => format!("{} 名成员已离职：{}", p("count"), p("names")),
        "temporary_expired" => format!(
            "“{}”已建立 {} 天，超过 {} 天上限",
            p("type"),
            p("days"),
            p("max")
        ),
        "inactive" => format!(
            "已 {} 天无活动（自 {} 起），超过 {} 天",
            p("days"),
            p("last_active"),
            p("max")
        ),
        "customer_not_external" => format!("“{}”必须标记为外部群", p("type")),
        "external_not_customer" => format!("只有“{}”可以是外部群", p("customer_type")),
        "date_order" => match p("issue") {
            "created_after_last_active" => format!(
                "创建日期 {} 晚于最后活跃日期 {}",
                p("created"),
                p("last_active")
            ),
            "created_in_future" => format!("创建日期 {} 晚于审计日期 {}", p("created"), p("as_of")),
            _ => format!(
                "最后活跃日期 {} 晚于审计日期 {}",
                p("last_active"),
                p("as_of")
            ),
        },
        other => other.to_string(),
    }
}

fn name_finding(f: &Finding, lang: Lang) -> String {
    let codes: Vec<String> = f
        .param("codes")
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| code_label(c, lang))
        .collect();
    let mut text = format!("{}：{}", finding_label("name", lang), codes.join("、"));
    let suggestion = f.param("suggestion");
    if !suggestion.is_empty() {
        text.push_str(&format!("；{} {suggestion}", K::SuggestedName.text(lang)));
    }
    text
}

fn row_error_text(e: &RowError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.message();
    }
    let p = |k| e.param(k);
    match e.code {
        "unterminated_quote" => "引号未闭合".into(),
        "stray_quote" => "右引号后还有文字；引号内的引号应写作 \"\"".into(),
        "field_count" => format!("有 {} 列，表头为 {} 列", p("found"), p("expected")),
        "empty_name" => "群名称为空".into(),
        "bad_date" => format!(
            "{} 列的“{}”不是真实日期（如 2025-06-30）",
            p("column"),
            p("value")
        ),
        "bad_external" => format!("是否外部应为“是”或“否”，而不是“{}”", p("value")),
        other => other.to_string(),
    }
}

fn problem_text(p: &ReportProblem, lang: Lang) -> String {
    if lang == Lang::En {
        return p.message();
    }
    let v = |k| p.param(k);
    match p.code {
        "no_header" => "文件为空；第一行应为列名".into(),
        "bad_header" => format!("无法读取表头（{}）", v("error")),
        "missing_columns" => format!(
            "表头缺少列：{}。需要 群名称、群主、群类型、创建时间、最后活跃、成员、是否外部（或英文 name, owner, type, created, last_active, members, external）",
            v("columns")
        ),
        "unknown_scheme" => format!("未检查名称：没有编号为“{}”的命名规则", v("scheme")),
        "bad_scheme" => format!("未检查名称：命名规则“{}”本身有误", v("scheme")),
        other => other.to_string(),
    }
}
