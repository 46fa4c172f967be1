//! The simulator: pick a template and a requester, fill the form, see the route: steps with
//! their people and mode, who was skipped and why, CC with timing, the flow drawn with the
//! path taken, and the trace that explains every decision. A route can be kept as a route
//! test (an expected route) in one click.
//!
//! The route is a memo over the workspace and the request, so it follows every edit made
//! anywhere (a changed threshold, a person who left) without pressing anything.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::words::Namer;
use super::ApprovalsCtx;
use crate::core::flow_diagram::{self, Highlight};
use crate::core::org::Status;
use crate::core::routing::{
    describe, walk_flow, ApproverSpec, ExpectedRoute, FieldKind, FlowNode, RouteFixture, Template,
    Value,
};
use crate::core::simulate::{simulate_with_picks, Route, SimError};
use crate::core::{Bundle, Lang};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

type Simulated = Option<Result<Route, SimError>>;

#[component]
pub fn SimulateTab() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<ApprovalsCtx>();
    let sim = ctx.sim;
    let outcome: Memo<Simulated> = Memo::new(move |_| {
        let template = sim.template.get();
        let requester = sim.requester.get();
        let picks = sim.picks.get();
        sim.form.with(|form| {
            store.bundle.with(|b| {
                let t = b.approvals.templates.iter().find(|t| t.id == template)?;
                // Only this template's fields and steps; values typed for another template
                // stay kept.
                let pairs: Vec<(String, String)> = t
                    .fields
                    .iter()
                    .filter_map(|f| form.get(&f.id).map(|v| (f.id.clone(), v.clone())))
                    .collect();
                let picks: Vec<(String, Vec<String>)> = chosen_steps(t)
                    .into_iter()
                    .filter_map(|(step, _)| {
                        let who = picks.get(&step).filter(|p| !p.is_empty())?;
                        Some((step, vec![who.clone()]))
                    })
                    .collect();
                Some(simulate_with_picks(
                    b, &template, &requester, &pairs, &picks,
                ))
            })
        })
    });

    view! {
        <div class="simulator" data-testid="simulator">
            <form class="card sim-request" on:submit=cb(|ev: leptos::ev::SubmitEvent| ev.prevent_default())>
                <h2>{tr(K::SimRequest)}</h2>
                <RequestHeader/>
                <FormFields outcome=outcome/>
            </form>
            <div class="sim-result">
                {move || match outcome.get() {
                    None => view! { <p class="muted">{tr(K::SimChooseTemplate)}</p> }.into_any(),
                    Some(Err(e)) => {
                        // A refusal is an outcome too: it can be kept as a route test.
                        let refusal = (e.code == "requester_left").then(|| Outcome {
                            template: sim.template.get_untracked(),
                            requester: sim.requester.get_untracked(),
                            expect: ExpectedRoute { refused: true, ..ExpectedRoute::default() },
                        });
                        let text = store.bundle.with(|b| {
                            let t = b.approvals.templates.iter().find(|t| t.id == sim.template.get_untracked());
                            Namer { org: &b.org, template: t, lang: store.ui_lang.get() }.sim_error(&e)
                        });
                        view! {
                            <div class="error-box" role="alert" data-testid="sim-error">
                                <strong>{tr(K::SimNoRoute)}</strong>
                                " "
                                {text}
                            </div>
                            {refusal.map(|outcome| view! { <SaveFixture outcome=outcome/> })}
                        }
                            .into_any()
                    }
                    Some(Ok(route)) => view! { <RouteView route=route/> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// Template and requester.
#[component]
fn RequestHeader() -> impl IntoView {
    let store = use_store();
    let sim = expect_context::<ApprovalsCtx>().sim;
    let templates = move || {
        store.bundle.with(|b| {
            b.approvals
                .templates
                .iter()
                .map(|t| {
                    let selected = t.id == sim.template.get();
                    view! { <option value=t.id.clone() selected=selected>{t.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let people = move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            b.org
                .people
                .iter()
                .map(|p| {
                    let dept = b
                        .org
                        .department(&p.dept)
                        .map_or(p.dept.as_str(), |d| d.name.as_str());
                    let mut label = format!("{} · {dept}", p.name);
                    if p.status == Status::Left {
                        label.push_str(&format!(" ({})", K::Left.text(lang)));
                    }
                    let selected = p.id == sim.requester.get();
                    view! { <option value=p.id.clone() selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <label class="field">
            <span>{tr(K::Template)}</span>
            <select data-testid="sim-template" on:change=cb(move |ev| sim.template.set(event_target_value(&ev)))>
                {templates}
            </select>
        </label>
        <label class="field">
            <span>{tr(K::Requester)}</span>
            <select data-testid="sim-requester" on:change=cb(move |ev| sim.requester.set(event_target_value(&ev)))>
                {people}
            </select>
        </label>
    }
}

/// One input per form field of the chosen template, typed by the field's kind.
#[component]
fn FormFields(outcome: Memo<Simulated>) -> impl IntoView {
    let store = use_store();
    let sim = expect_context::<ApprovalsCtx>().sim;
    let bad_field = move || match outcome.get() {
        Some(Err(e)) => Some(e.param("field").to_string()).filter(|f| !f.is_empty()),
        _ => None,
    };
    let bad_step = move || match outcome.get() {
        Some(Err(e)) => Some(e.param("step").to_string()).filter(|s| !s.is_empty()),
        _ => None,
    };
    let set = move |id: String, v: String| {
        sim.form.update(|f| {
            f.insert(id, v);
        })
    };
    move || {
        let lang = store.ui_lang.get();
        let template = sim.template.get();
        store.bundle.with(|b| {
            let t = b.approvals.templates.iter().find(|t| t.id == template)?;
            let rows = t
                .fields
                .iter()
                .map(|f| {
                    let id = f.id.clone();
                    let value = move || {
                        let id = id.clone();
                        sim.form.with(|m| m.get(&id).cloned().unwrap_or_default())
                    };
                    let invalid = {
                        let id = f.id.clone();
                        move || (bad_field() == Some(id.clone())).to_string()
                    };
                    let on_input = {
                        let id = f.id.clone();
                        cb(move |ev| set(id.clone(), event_target_value(&ev)))
                    };
                    let testid = format!("sim-field-{}", f.id);
                    let input = match &f.kind {
                        FieldKind::Select { options } => {
                            let opts = options
                                .iter()
                                .map(|o| {
                                    let v = o.value.clone();
                                    let value = value.clone();
                                    let selected = move || value() == v;
                                    view! { <option value=o.value.clone() selected=selected>{o.label.clone()}</option> }
                                })
                                .collect_view();
                            view! {
                                <select data-testid=testid aria-invalid=invalid on:change=on_input>
                                    <option value="">"—"</option>
                                    {opts}
                                </select>
                            }
                                .into_any()
                        }
                        FieldKind::YesNo => {
                            let (v1, v2) = (value.clone(), value.clone());
                            view! {
                                <select data-testid=testid aria-invalid=invalid on:change=on_input>
                                    <option value="">"—"</option>
                                    <option value="yes" selected=move || v1() == "yes">{K::Yes.text(lang)}</option>
                                    <option value="no" selected=move || v2() == "no">{K::No.text(lang)}</option>
                                </select>
                            }
                                .into_any()
                        }
                        kind => {
                            let (input_type, mode, hint) = match kind {
                                FieldKind::Date => ("date", "text", String::new()),
                                FieldKind::Number { .. } | FieldKind::Money { .. } => {
                                    ("text", "decimal", String::new())
                                }
                                FieldKind::Attachment => ("text", "text", K::SimAttachmentHint.text(lang).to_string()),
                                _ => ("text", "text", String::new()),
                            };
                            view! {
                                <input
                                    type=input_type
                                    inputmode=mode
                                    placeholder=hint
                                    data-testid=testid
                                    aria-invalid=invalid
                                    prop:value=value
                                    on:input=on_input
                                />
                            }
                                .into_any()
                        }
                    };
                    let label = if f.required { format!("{} *", f.label) } else { f.label.clone() };
                    let kind = describe::field_kind(&f.kind, lang);
                    view! {
                        <label class="field">
                            <span>{label}</span>
                            {input}
                            <small class="muted">{kind}</small>
                        </label>
                    }
                })
                .collect_view();
            let picks = chosen_steps(t)
                .into_iter()
                .map(|(step, name)| {
                    let options = b
                        .org
                        .people
                        .iter()
                        .filter(|p| p.status == Status::Active)
                        .map(|p| {
                            let (id, step) = (p.id.clone(), step.clone());
                            let selected = move || sim.picks.with(|m| m.get(&step) == Some(&id));
                            view! { <option value=p.id.clone() selected=selected>{p.name.clone()}</option> }
                        })
                        .collect_view();
                    let invalid = {
                        let step = step.clone();
                        move || (bad_step() == Some(step.clone())).to_string()
                    };
                    let testid = format!("sim-pick-{step}");
                    let on_change = cb(move |ev| {
                        let who = event_target_value(&ev);
                        sim.picks.update(|m| {
                            m.insert(step.clone(), who);
                        })
                    });
                    view! {
                        <label class="field">
                            <span>{name} " *"</span>
                            <select data-testid=testid aria-invalid=invalid on:change=on_change>
                                <option value="">"—"</option>
                                {options}
                            </select>
                            <small class="muted">{K::SimPickHint.text(lang)}</small>
                        </label>
                    }
                })
                .collect_view();
            Some(view! {
                <fieldset class="sim-fields">
                    <legend>{K::Fields.text(lang)}</legend>
                    {rows}
                    {picks}
                </fieldset>
                <p class="muted small">{K::SimRequiredNote.text(lang)}</p>
                <button
                    type="button"
                    data-testid="sim-clear"
                    on:click=cb(move |_| {
                        sim.form.set(BTreeMap::new());
                        sim.picks.set(BTreeMap::new());
                    })
                >
                    {K::SimClear.text(lang)}
                </button>
            })
        })
    }
}

/// The template's steps whose approver the requester chooses: (step id, step name).
fn chosen_steps(t: &Template) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk_flow(&t.flow, &mut |n| {
        if let FlowNode::Step(s) = n {
            if s.approvers.contains(&ApproverSpec::ChosenByRequester) {
                out.push((s.id.clone(), s.name.clone()));
            }
        }
    });
    out
}

/// A route: the steps, CC, the drawing and the trace, and keeping it as a route test.
#[component]
fn RouteView(route: Route) -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| route_view(b, &route, lang))
    }
}

fn route_view(b: &Bundle, route: &Route, lang: Lang) -> AnyView {
    let Some(t) = b
        .approvals
        .templates
        .iter()
        .find(|t| t.id == route.template)
    else {
        return ().into_any();
    };
    let names = Namer {
        org: &b.org,
        template: Some(t),
        lang,
    };
    let steps = route
        .steps
        .iter()
        .map(|s| {
            let mode = describe::mode(s.mode, lang);
            let skipped = s
                .skipped
                .iter()
                .map(|k| names.aside(&names.person(&k.id), &names.skip_reason(k.reason)))
                .collect::<Vec<_>>();
            let skipped = (!skipped.is_empty()).then(|| {
                view! { <p class="muted small">{K::SimSkipped.text(lang)} ": " {skipped.join(if lang == Lang::Zh { "；" } else { "; " })}</p> }
            });
            let redirected = s.redirected.map(|r| {
                view! { <p class="warn small">{K::SimRedirected.text(lang)} ": " {names.redirect_reason(r)}</p> }
            });
            view! {
                <li data-step=s.step.clone()>
                    <strong>{names.step(&s.step)}</strong>
                    " · "
                    <span class="approvers">{names.people(&s.approvers)}</span>
                    " "
                    <span class="kind-badge">{mode}</span>
                    {skipped}
                    {redirected}
                </li>
            }
        })
        .collect_view();
    let steps = if route.steps.is_empty() {
        view! { <p class="muted">{K::SimNoSteps.text(lang)}</p> }.into_any()
    } else {
        view! { <ol class="route-steps" data-testid="sim-steps">{steps}</ol> }.into_any()
    };
    let cc = if route.cc.is_empty() {
        K::NoCc.text(lang).to_string()
    } else {
        route
            .cc
            .iter()
            .map(|c| names.aside(&names.person(&c.id), &names.when(c.when)))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "；" } else { "; " })
    };
    let highlight = Highlight::of_route(route, |id| names.person(id), lang);
    let svg = flow_diagram::svg(t, &b.org, lang, Some(&highlight));
    view! {
        <section class="card">
            <h2>{K::SimRoute.text(lang)}</h2>
            {steps}
            <p data-testid="sim-cc"><strong>{K::Cc.text(lang)}</strong> ": " {cc}</p>
            <SaveFixture outcome=Outcome::of_route(route)/>
        </section>
        <super::timeline::TimelineCard route=route.clone()/>
        <section class="card">
            <h2>{K::Flow.text(lang)}</h2>
            <div class="flow-svg" data-testid="sim-flow" inner_html=svg></div>
        </section>
        <section class="card">
            <h2>{K::SimTrace.text(lang)}</h2>
            {trace_view(route, &names)}
        </section>
    }
    .into_any()
}

/// The trace as a numbered list; each `resolved` entry is worded with the rule it resolved
/// (a step's rules are traced in order).
fn trace_view(route: &Route, names: &Namer) -> AnyView {
    let mut step_rules: Vec<ApproverSpec> = Vec::new();
    let mut next_rule = 0;
    let values: BTreeMap<String, String> = route
        .trace
        .iter()
        .filter(|e| e.code == "field")
        .map(|e| (e.param("field").to_string(), e.param("value").to_string()))
        .collect();
    let items = route
        .trace
        .iter()
        .map(|e| {
            if e.code == "step" {
                step_rules = names
                    .step_def(e.param("step"))
                    .map(|s| s.approvers.clone())
                    .unwrap_or_default();
                next_rule = 0;
            }
            let rule = if e.code == "resolved" {
                next_rule += 1;
                step_rules.get(next_rule - 1)
            } else {
                None
            };
            let text = names.trace(e, rule, &values, &route.requester);
            let class = match (e.code, e.param("held")) {
                ("branch", "true") | ("branch_taken", _) => "trace-yes",
                ("branch", _) => "trace-no",
                ("step", _) => "trace-step",
                ("skip_left" | "skip_self" | "skip_duplicate" | "step_dropped" | "redirect", _) => {
                    "trace-skip"
                }
                _ => "",
            };
            view! { <li class=class data-code=e.code>{text}</li> }
        })
        .collect_view();
    view! { <ol class="trace" data-testid="sim-trace">{items}</ol> }.into_any()
}

/// What a request gives now, to keep as a route test: a route, or a refusal.
#[derive(Clone)]
pub struct Outcome {
    pub template: String,
    pub requester: String,
    pub expect: ExpectedRoute,
}

impl Outcome {
    fn of_route(route: &Route) -> Outcome {
        Outcome {
            template: route.template.clone(),
            requester: route.requester.clone(),
            expect: ExpectedRoute {
                refused: false,
                steps: route.steps.iter().map(|s| s.approvers.clone()).collect(),
                cc: route.cc.iter().map(|c| c.id.clone()).collect(),
            },
        }
    }
}

/// Keeps what the request gives now as a route test.
#[component]
fn SaveFixture(outcome: Outcome) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<ApprovalsCtx>();
    let saved = RwSignal::new(false);
    let default_name = store.bundle.with_untracked(|b| {
        let who = b
            .org
            .person(&outcome.requester)
            .map_or(outcome.requester.as_str(), |p| p.name.as_str());
        let what = b
            .approvals
            .templates
            .iter()
            .find(|t| t.id == outcome.template)
            .map_or(outcome.template.as_str(), |t| t.name.as_str());
        format!("{who} {what}")
    });
    let name = RwSignal::new(default_name);
    let save = move |_| {
        let form = ctx.sim.form.get_untracked();
        let picks = ctx.sim.picks.get_untracked();
        let name = name.get_untracked();
        let outcome = outcome.clone();
        store.edit(None, |b| {
            let fixture = fixture_of(b, outcome, &form, &picks, name);
            b.fixtures.push(fixture);
        });
        saved.set(true);
    };
    view! {
        <div class="inline-form">
            <label class="field">
                <span>{tr(K::SimFixtureName)}</span>
                <input data-testid="sim-fixture-name" prop:value=name on:input=cb(move |ev| name.set(event_target_value(&ev)))/>
            </label>
            <button type="button" data-testid="sim-save-fixture" on:click=cb(save)>{tr(K::SimSaveFixture)}</button>
            {move || saved.get().then(|| view! {
                <span class="good small" role="status">
                    {tr(K::SimFixtureSaved)} " "
                    <button type="button" class="link-button" on:click=cb(move |_| ctx.tab.set(super::Tab::Fixtures))>{tr(K::TabFixtures)}</button>
                </span>
            })}
        </div>
    }
}

/// A route fixture for a request: its typed values and picks, and what it gives now as the
/// expectation.
fn fixture_of(
    b: &Bundle,
    outcome: Outcome,
    form: &BTreeMap<String, String>,
    picks: &BTreeMap<String, String>,
    name: String,
) -> RouteFixture {
    let template = b
        .approvals
        .templates
        .iter()
        .find(|t| t.id == outcome.template);
    let mut fields = BTreeMap::new();
    let mut chosen = BTreeMap::new();
    if let Some(t) = template {
        for (step, _) in chosen_steps(t) {
            if let Some(who) = picks.get(&step).filter(|p| !p.is_empty()) {
                chosen.insert(step, vec![who.clone()]);
            }
        }
        for f in &t.fields {
            let Some(raw) = form.get(&f.id).filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            let value = match &f.kind {
                FieldKind::Number { .. } | FieldKind::Money { .. } => raw
                    .trim()
                    .parse::<f64>()
                    .map_or_else(|_| Value::Text(raw.clone()), Value::Number),
                FieldKind::YesNo => Value::Bool(raw == "yes"),
                _ => Value::Text(raw.clone()),
            };
            fields.insert(f.id.clone(), value);
        }
    }
    let taken: Vec<&str> = b.fixtures.iter().map(|f| f.id.as_str()).collect();
    let base = format!("fx-{}", outcome.template);
    let id = (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or(base);
    let name = if name.trim().is_empty() {
        id.clone()
    } else {
        name.trim().to_string()
    };
    RouteFixture {
        id,
        name,
        template: outcome.template,
        requester: outcome.requester,
        fields,
        expect: outcome.expect,
        picks: chosen,
    }
}
