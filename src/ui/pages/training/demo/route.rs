//! An approval route animated step by step: the request first, then each step as the
//! presenter reveals it, with the branch condition that led there, the approvers, and who
//! was skipped and why, worded as the approvals area's simulator words its trace.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{screen, DemoCtx};
use crate::core::demo::{Reveal, RouteShow, RouteSlide};
use crate::core::routing::describe;
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::K;
use crate::ui::pages::approvals::words::Namer;
use crate::ui::state::use_store;

#[component]
pub fn RouteSlideView(slide: RouteSlide, step: Memo<usize>, lang: Lang) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<DemoCtx>();
    let total = slide.outcome.as_ref().map_or(0, |s| s.reveals.len());
    let (request, body) = store.bundle.with_untracked(|b| {
        let template = b
            .approvals
            .templates
            .iter()
            .find(|t| t.id == slide.template);
        let names = Namer {
            org: &b.org,
            template,
            lang,
        };
        let requester = match b.org.person(&slide.requester) {
            Some(p) => names.aside(
                &p.name,
                &b.org
                    .department(&p.dept)
                    .map_or(p.dept.clone(), |d| d.name.clone()),
            ),
            None => slide.requester.clone(),
        };
        let row = |k: String, v: String| view! { <div><dt>{k}</dt><dd>{v}</dd></div> };
        let mut rows = vec![
            row(
                K::Template.text(lang).into(),
                template.map_or(slide.template.clone(), |t| t.name.clone()),
            ),
            row(K::Requester.text(lang).into(), requester),
        ];
        rows.extend(
            slide
                .form
                .iter()
                .map(|(f, v)| row(names.field(f), names.field_value(f, v))),
        );
        let body = match &slide.outcome {
            Ok(show) => steps_view(show, &names, step).into_any(),
            Err(e) => view! {
                <p class="error-box" role="alert" data-testid="demo-route-error">
                    <strong>{K::SimNoRoute.text(lang)}</strong> " " {names.sim_error(e)}
                </p>
            }
            .into_any(),
        };
        (rows.into_iter().collect_view(), body)
    });
    // The step just revealed comes into view on a long route.
    Effect::watch(
        move || step.get(),
        |s, _, _| {
            if *s > 0 {
                screen::reveal_into_view(format!("demo-reveal-{}", s - 1));
            }
        },
        false,
    );
    let progress = move || {
        format!(
            "{} {} / {total}",
            K::DmStepsShown.text(lang),
            step.get().min(total)
        )
    };
    view! {
        <div class="demo-slide demo-route" data-testid="demo-route">
            <p class="demo-kicker">{K::DmSecRoutes.text(lang)}</p>
            <h2>{slide.name}</h2>
            <div class="demo-route-grid">
                <section class="demo-request" aria-label=K::SimRequest.text(lang)>
                    <h3>{K::SimRequest.text(lang)}</h3>
                    <dl class="demo-meta">{request}</dl>
                    {(total > 0).then(|| view! {
                        <button
                            type="button"
                            class="demo-step-button"
                            data-testid="demo-next-step"
                            prop:disabled={move || step.get() >= total}
                            on:click=cb(move |_| ctx.go(|n, d| n.reveal(d)))
                        >
                            {K::DmNextStep.text(lang)} " →"
                        </button>
                        <p class="muted" aria-live="polite" data-testid="demo-route-progress">{progress}</p>
                    })}
                </section>
                <section class="demo-route-steps" aria-label=K::SimRoute.text(lang)>{body}</section>
            </div>
        </div>
    }
}

/// Every reveal, each shown once the presenter has reached it.
fn steps_view(show: &RouteShow, names: &Namer, step: Memo<usize>) -> impl IntoView {
    let values: BTreeMap<String, String> = show
        .route
        .trace
        .iter()
        .filter(|e| e.code == "field")
        .map(|e| (e.param("field").to_string(), e.param("value").to_string()))
        .collect();
    let items = show
        .reveals
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let decisions = r
                .decisions
                .iter()
                .map(|d| view! { <li class="trace-yes">{names.trace(d, None, &values, &show.route.requester)}</li> })
                .collect_view();
            let main = match &r.step {
                Some(id) => step_view(show, r, id, names, &values),
                None => end_view(show, r, names, &values),
            };
            view! {
                <li
                    id=format!("demo-reveal-{k}")
                    class="demo-route-step demo-reveal"
                    data-testid="demo-route-step"
                    prop:hidden={move || step.get() <= k}
                >
                    {(!r.decisions.is_empty()).then(|| view! { <ul class="demo-decisions">{decisions}</ul> })}
                    {main}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="demo-route-list">{items}</ol> }
}

/// A step: its name and mode, the approvers in large type, then how they were found and
/// who was skipped, redirected or dropped.
fn step_view(
    show: &RouteShow,
    r: &Reveal,
    id: &str,
    names: &Namer,
    values: &BTreeMap<String, String>,
) -> AnyView {
    let lang = names.lang;
    let rules = names
        .step_def(id)
        .map(|s| s.approvers.clone())
        .unwrap_or_default();
    let mut next_rule = 0;
    let notes = r
        .entries
        .iter()
        .map(|e| {
            let rule = (e.code == "resolved").then(|| {
                next_rule += 1;
                rules.get(next_rule - 1)
            });
            let class = if e.code == "resolved" { "" } else { "trace-skip" };
            view! { <li class=class data-code=e.code>{names.trace(e, rule.flatten(), values, &show.route.requester)}</li> }
        })
        .collect_view();
    let kept = r.route_step.and_then(|i| show.route.steps.get(i));
    let (who, mode) = match kept {
        Some(s) => (names.people(&s.approvers), describe::mode(s.mode, lang)),
        None => (K::DmDropped.text(lang).to_string(), String::new()),
    };
    view! {
        <h3 class="demo-step-name">
            {names.step(id)}
            {(!mode.is_empty()).then(|| view! { " " <span class="kind-badge">{mode}</span> })}
        </h3>
        <p class="demo-approvers" class:dropped=kept.is_none() data-testid="demo-approvers">{who}</p>
        <ul class="demo-notes">{notes}</ul>
    }
    .into_any()
}

/// The end of the route: how many steps, and who is copied.
fn end_view(
    show: &RouteShow,
    r: &Reveal,
    names: &Namer,
    values: &BTreeMap<String, String>,
) -> AnyView {
    let lang = names.lang;
    let cc = if show.route.cc.is_empty() {
        K::NoCc.text(lang).to_string()
    } else {
        let list: Vec<String> = show
            .route
            .cc
            .iter()
            .map(|c| names.aside(&names.person(&c.id), &names.when(c.when)))
            .collect();
        format!(
            "{}: {}",
            K::Cc.text(lang),
            list.join(if lang == Lang::Zh { "；" } else { "; " })
        )
    };
    let notes = r
        .entries
        .iter()
        .filter(|e| e.code != "cc")
        .map(|e| view! { <li class="trace-skip" data-code=e.code>{names.trace(e, None, values, &show.route.requester)}</li> })
        .collect_view();
    view! {
        <h3 class="demo-step-name" data-testid="demo-route-end">
            {K::DmRouteEnd.text(lang)} " · " {show.route.steps.len()} " " {K::DmRouteStepCount.text(lang)}
        </h3>
        <p class="demo-cc">{cc}</p>
        <ul class="demo-notes">{notes}</ul>
    }
    .into_any()
}
