//! The timeline of the simulated request (issue 5): when each step starts and ends on the
//! working calendar, who answered, escalations at timeouts, broken promises, and when the
//! request is finished. Computed by `core::timing` from the route and the submission time.

use leptos::prelude::*;

use super::words::Namer;
use super::ApprovalsCtx;
use crate::core::calendar::DateTime;
use crate::core::simulate::Route;
use crate::core::timing::{self, Escalation, Outcome, Timeline, TimelineOptions};
use crate::core::{Bundle, Lang};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

#[component]
pub fn TimelineCard(route: Route) -> impl IntoView {
    let store = use_store();
    let sim = expect_context::<ApprovalsCtx>().sim;
    let body = move || {
        let lang = store.ui_lang.get();
        let submitted = sim.submitted.get();
        let Some(at) = DateTime::parse(&submitted) else {
            return view! { <p class="error-box" role="alert" data-testid="timeline-error">{K::TlBadTime.text(lang)}</p> }
                .into_any();
        };
        store.bundle.with(
            |b| match timing::timeline(b, &route, at, &TimelineOptions::default()) {
                Ok(t) => timeline_view(b, &t, lang),
                Err(e) => view! {
                    <p class="error-box" role="alert" data-testid="timeline-error">
                        {K::TlNoTimeline.text(lang)} " " {e.to_string()}
                    </p>
                }
                .into_any(),
            },
        )
    };
    view! {
        <section class="card" data-testid="timeline">
            <h2>{tr(K::TlTitle)}</h2>
            <label class="field inline">
                <span>{tr(K::TlSubmitted)}</span>
                <input
                    type="datetime-local"
                    data-testid="sim-submitted"
                    prop:value=move || sim.submitted.get()
                    on:input=cb(move |ev| sim.submitted.set(event_target_value(&ev)))
                />
            </label>
            {body}
        </section>
    }
}

/// Working minutes as hours, without a useless `.0`.
fn hours(minutes: u64) -> String {
    crate::core::routing::describe::format_number((timing::hours(minutes) * 100.0).round() / 100.0)
}

/// A calendar span in days, hours and minutes.
fn span(minutes: i64, lang: Lang) -> String {
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let mut parts = Vec::new();
    let (ud, uh, um) = match lang {
        Lang::Zh => (" 天", " 小时", " 分钟"),
        Lang::En => (" d", " h", " min"),
    };
    if d > 0 {
        parts.push(format!("{d}{ud}"));
    }
    if h > 0 {
        parts.push(format!("{h}{uh}"));
    }
    if m > 0 || parts.is_empty() {
        parts.push(format!("{m}{um}"));
    }
    parts.join(" ")
}

fn outcome_text(o: Outcome, lang: Lang) -> &'static str {
    match o {
        Outcome::Approved => K::TlApproved.text(lang),
        Outcome::Rejected => K::TlRejected.text(lang),
    }
}

fn escalation_text(names: &Namer, e: &timing::Escalated, lang: Lang) -> String {
    let from = e
        .from
        .as_deref()
        .map(|p| names.person(p))
        .unwrap_or_default();
    let to = e.to.as_deref().map(|p| names.person(p));
    let at = e.at.to_string().replace('T', " ");
    let zh = lang == Lang::Zh;
    match (e.action, to) {
        (Escalation::Supervisor, Some(to)) if zh => {
            format!("{at} 超时：{from} 的审批转交其直属上级 {to}")
        }
        (Escalation::Supervisor, Some(to)) => {
            format!("{at} timed out: {from}'s part goes to their supervisor {to}")
        }
        (Escalation::Supervisor, None) if zh => {
            format!("{at} 超时：{from} 没有可转交的在职上级，继续等待")
        }
        (Escalation::Supervisor, None) => {
            format!("{at} timed out: {from} has no active supervisor to take over; still waiting")
        }
        (Escalation::AutoApprove, _) if zh => format!("{at} 超时：自动通过"),
        (Escalation::AutoApprove, _) => format!("{at} timed out: approved automatically"),
        (Escalation::AutoReject, _) if zh => format!("{at} 超时：自动驳回"),
        (Escalation::AutoReject, _) => format!("{at} timed out: rejected automatically"),
        (Escalation::Notify, _) if zh => format!("{at} 超时：已提醒 {from}，继续等待"),
        (Escalation::Notify, _) => format!("{at} timed out: {from} reminded; still waiting"),
    }
}

fn timeline_view(b: &Bundle, t: &Timeline, lang: Lang) -> AnyView {
    let template = b.approvals.templates.iter().find(|x| x.id == t.template);
    let names = Namer {
        org: &b.org,
        template,
        lang,
    };
    let total = (t.finish.0 - t.submitted.0).max(1) as f64;
    let when = |d: DateTime| d.to_string().replace('T', " ");
    let rows = t
        .steps
        .iter()
        .map(|s| {
            let left = (s.start.0 - t.submitted.0) as f64 / total * 100.0;
            let width = ((s.end.0 - s.start.0) as f64 / total * 100.0).max(0.5);
            let bar_style = format!("margin-left:{left:.2}%;width:{width:.2}%");
            let escalations: Vec<String> = s.escalations.iter().map(|e| escalation_text(&names, e, lang)).collect();
            let breached = t.breaches.iter().any(|x| x.step == s.step);
            view! {
                <tr class:breached=breached>
                    <td><strong>{names.step(&s.step)}</strong><br/><span class="muted small">{names.people(&s.approvers)}</span></td>
                    <td class="small">{when(s.start)} " → " {when(s.end)}</td>
                    <td class="num">{hours(s.working_minutes)}</td>
                    <td class="tl-bar-cell">
                        <div class="tl-bar" class:bad=breached style=bar_style></div>
                        {(!escalations.is_empty()).then(|| view! {
                            <ul class="small warn">{escalations.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let breaches: Vec<String> = t
        .breaches
        .iter()
        .map(|x| match lang {
            Lang::Zh => format!(
                "“{}”：{} 用时 {} 个工作小时，超过承诺的 {} 小时",
                names.step(&x.step),
                names.person(&x.approver),
                hours(x.response_minutes),
                hours(x.promised_minutes)
            ),
            Lang::En => format!(
                "“{}”: {} took {} working hours, over the {} promised",
                names.step(&x.step),
                names.person(&x.approver),
                hours(x.response_minutes),
                hours(x.promised_minutes)
            ),
        })
        .collect();
    let summary = match lang {
        Lang::Zh => format!(
            "完成于 {}（{}）· 工作时长 {} 小时 · 日历时长 {}",
            when(t.finish),
            outcome_text(t.outcome, lang),
            hours(t.working_minutes),
            span(t.calendar_minutes, lang)
        ),
        Lang::En => format!(
            "Finished {} ({}) · {} working hours · {} on the calendar",
            when(t.finish),
            outcome_text(t.outcome, lang),
            hours(t.working_minutes),
            span(t.calendar_minutes, lang)
        ),
    };
    view! {
        <p class="tl-summary" data-testid="timeline-summary" data-finish=t.finish.to_string()>{summary}</p>
        <div class="table-wrap">
            <table class="timeline-table" data-testid="timeline-steps">
                <thead>
                    <tr>
                        <th scope="col">{K::TlStep.text(lang)}</th>
                        <th scope="col">{K::TlWhen.text(lang)}</th>
                        <th scope="col">{K::TlHours.text(lang)}</th>
                        <th scope="col"></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(!breaches.is_empty()).then(|| view! {
            <div class="bad small" data-testid="timeline-breaches">
                <strong>{K::TlBreaches.text(lang)}</strong>
                <ul>{breaches.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
            </div>
        })}
        <p class="muted small">{K::TlModelNote.text(lang)}</p>
    }
    .into_any()
}
