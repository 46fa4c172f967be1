//! Route tests: the workspace's expected routes, re-run on every edit (the results are a
//! memo over the workspace), each with a pass/fail badge and, when it fails, what differs
//! between the expected and the actual route.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::words::Namer;
use super::ApprovalsCtx;
use crate::core::routing::{ExpectedRoute, RouteFixture};
use crate::core::simulate::{fixture_form, FixtureResult};
use crate::core::{Bundle, Lang};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

#[component]
pub fn FixturesTab() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<ApprovalsCtx>();
    let only_failing = RwSignal::new(false);
    let summary = move || {
        let lang = store.ui_lang.get();
        ctx.fixtures.with(|r| {
            let failed = r.iter().filter(|f| !f.pass).count();
            let text = match (lang, failed) {
                (_, _) if r.is_empty() => K::FixturesNone.text(lang).to_string(),
                (Lang::Zh, 0) => format!("全部 {} 项通过", r.len()),
                (Lang::En, 0) => format!("All {} pass", r.len()),
                (Lang::Zh, n) => format!("{n} 项未通过（共 {} 项）", r.len()),
                (Lang::En, n) => format!("{n} of {} fail", r.len()),
            };
            let (bad, good) = (failed > 0, failed == 0);
            view! {
                <p class="fixtures-summary" class:bad=bad class:good=good data-testid="fixtures-summary" role="status">
                    {text}
                </p>
            }
        })
    };
    let rows = move || {
        let lang = store.ui_lang.get();
        let only = only_failing.get();
        ctx.fixtures.with(|results| {
            store.bundle.with(|b| {
                results
                    .iter()
                    .zip(&b.fixtures)
                    .filter(|(r, _)| !only || !r.pass)
                    .map(|(r, f)| fixture_row(b, f, r, lang))
                    .collect_view()
            })
        })
    };
    view! {
        <p class="lead small">{tr(K::FixturesIntro)}</p>
        {summary}
        <label class="check">
            <input type="checkbox" data-testid="fixtures-only-failing" prop:checked=only_failing on:change=cb(move |ev| only_failing.set(event_target_checked(&ev)))/>
            {tr(K::FixturesOnlyFailing)}
        </label>
        <div class="table-wrap">
            <table data-testid="fixtures" class="fixtures">
                <thead>
                    <tr>
                        <th scope="col">{tr(K::FixtureResult)}</th>
                        <th scope="col">{tr(K::Scenario)}</th>
                        <th scope="col">{tr(K::FormValues)}</th>
                        <th scope="col">{tr(K::ExpectedRoute)}</th>
                        <th scope="col"></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A route in words: approvers of each step, arrows between the steps, then CC.
fn route_text(names: &Namer, r: &ExpectedRoute, lang: Lang) -> String {
    if r.refused {
        return K::Refused.text(lang).to_string();
    }
    let mut out = if r.steps.is_empty() {
        K::SimNoSteps.text(lang).to_string()
    } else {
        r.steps
            .iter()
            .map(|s| names.people(s))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    if !r.cc.is_empty() {
        out.push_str(&format!(" · {} {}", K::Cc.text(lang), names.people(&r.cc)));
    }
    out
}

fn fixture_row(b: &Bundle, f: &RouteFixture, r: &FixtureResult, lang: Lang) -> AnyView {
    let ctx = expect_context::<ApprovalsCtx>();
    let store = use_store();
    let template = b.approvals.templates.iter().find(|t| t.id == f.template);
    let names = Namer {
        org: &b.org,
        template,
        lang,
    };
    let form: Vec<String> = f
        .fields
        .iter()
        .map(|(k, v)| {
            format!(
                "{} = {}",
                names.field(k),
                names.field_value(k, &v.to_string())
            )
        })
        .collect();
    let scenario = format!(
        "{} · {}",
        names.person(&f.requester),
        template.map_or(f.template.as_str(), |t| t.name.as_str())
    );
    let expected = route_text(&names, &r.expected, lang);
    let diff = if r.pass {
        Vec::new()
    } else {
        names.route_diff(&r.expected, r.actual.as_ref(), r.error.as_ref())
    };
    let actual = (!r.pass)
        .then(|| r.actual.as_ref().map(|a| route_text(&names, a, lang)))
        .flatten();
    let (badge, class) = if r.pass {
        (K::FixturePass, "badge good")
    } else {
        (K::FixtureFail, "badge bad")
    };
    let id = f.id.clone();
    // Open in the simulator: the fixture's typed values as the form.
    let open = {
        let f = f.clone();
        move |_| {
            let form: BTreeMap<String, String> =
                fixture_form(&f).unwrap_or_default().into_iter().collect();
            // The simulator picks one person per step.
            let picks = f
                .picks
                .iter()
                .filter_map(|(step, people)| Some((step.clone(), people.first()?.clone())))
                .collect();
            ctx.simulate(f.template.clone(), f.requester.clone(), form, picks);
        }
    };
    // Accept what the rules give now as the expectation.
    let accept = {
        let id = id.clone();
        let actual = r.actual.clone();
        move |_| {
            let Some(actual) = actual.clone() else { return };
            let id = id.clone();
            store.edit(None, move |b| {
                if let Some(f) = b.fixtures.iter_mut().find(|f| f.id == id) {
                    f.expect = actual;
                }
            });
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            store.edit(None, move |b| b.fixtures.retain(|f| f.id != id));
        }
    };
    let can_accept = !r.pass && r.actual.is_some();
    view! {
        <tr data-testid=format!("fixture-{id}") class:failing=!r.pass>
            <td><span class=class data-testid="fixture-badge">{badge.text(lang)}</span></td>
            <td>
                <strong>{f.name.clone()}</strong>
                <br/>
                <span class="muted small">{scenario}</span>
            </td>
            <td class="small">{form.join("; ")}</td>
            <td>
                {expected}
                {actual.map(|a| view! { <p class="bad small">{K::FixtureActual.text(lang)} ": " {a}</p> })}
                {(!diff.is_empty()).then(|| view! {
                    <ul class="diff small" data-testid="fixture-diff">
                        {diff.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                    </ul>
                })}
            </td>
            <td class="fixture-actions">
                <button type="button" data-testid="fixture-open" on:click=cb(open)>{K::FixtureOpen.text(lang)}</button>
                {can_accept.then(|| view! {
                    <button type="button" data-testid="fixture-accept" on:click=cb(accept)>{K::FixtureAccept.text(lang)}</button>
                })}
                <button type="button" class="danger" data-testid="fixture-delete" on:click=cb(remove)>{K::FixtureDelete.text(lang)}</button>
            </td>
        </tr>
    }
    .into_any()
}
