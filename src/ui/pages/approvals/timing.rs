//! The timing settings (issue 5): the working calendar (working days, hours, public holidays
//! and make-up working days), how long people take to answer, when a step times out and
//! what happens then. The simulator's timeline uses them at once.

use leptos::prelude::*;

use crate::core::timing::{Escalation, Mode, Response, TimingSettings};
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{problem_text, tr, K};
use crate::ui::state::{use_store, Store};

/// Applies an edit to the timing settings as one undo step (`key`: a typing burst).
fn edit(store: Store, key: Option<&str>, f: impl FnOnce(&mut TimingSettings)) {
    let key = key.map(|k| format!("timing.{k}"));
    store.edit(key.as_deref(), move |b| f(&mut b.timing));
}

/// A number typed into an input, when it is one.
fn number(ev: &leptos::ev::Event) -> Option<f64> {
    event_target_value(ev)
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// Dates typed one per line (or separated by commas or spaces), as stored.
fn date_list(text: &str) -> Vec<String> {
    text.split(|c: char| c == '\n' || c == ',' || c == '，' || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

const WEEKDAYS: [(u8, &str, &str); 7] = [
    (1, "一", "Mon"),
    (2, "二", "Tue"),
    (3, "三", "Wed"),
    (4, "四", "Thu"),
    (5, "五", "Fri"),
    (6, "六", "Sat"),
    (7, "日", "Sun"),
];

const ESCALATIONS: [Escalation; 4] = [
    Escalation::Supervisor,
    Escalation::AutoApprove,
    Escalation::AutoReject,
    Escalation::Notify,
];

fn escalation_label(e: Escalation) -> K {
    match e {
        Escalation::Supervisor => K::TiEscSupervisor,
        Escalation::AutoApprove => K::TiEscApprove,
        Escalation::AutoReject => K::TiEscReject,
        Escalation::Notify => K::TiEscNotify,
    }
}

#[component]
pub fn TimingTab() -> impl IntoView {
    let store = use_store();
    let get = move |f: fn(&TimingSettings) -> String| move || store.bundle.with(|b| f(&b.timing));
    let problems = move || {
        let lang = store.ui_lang.get();
        let list: Vec<_> = store.bundle.with(|b| {
            b.validate()
                .into_iter()
                .filter(|p| p.path.starts_with("$.timing"))
                .collect()
        });
        (!list.is_empty()).then(|| {
            let items = list
                .iter()
                .map(|p| view! { <li><code>{p.path.clone()}</code> " " {problem_text(&p.kind, lang)}</li> })
                .collect_view();
            view! { <div class="notice warn" role="status" data-testid="timing-problems"><ul>{items}</ul></div> }
        })
    };
    let weekdays = move || {
        let lang = store.ui_lang.get();
        WEEKDAYS
            .iter()
            .map(|&(n, zh, en)| {
                let checked = move || store.bundle.with(|b| b.timing.calendar.workdays.contains(&n));
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    edit(store, None, |t| {
                        let days = &mut t.calendar.workdays;
                        days.retain(|d| *d != n);
                        if on {
                            days.push(n);
                            days.sort_unstable();
                        }
                    });
                };
                view! {
                    <label class="check">
                        <input type="checkbox" data-testid=format!("timing-day-{n}") prop:checked=checked on:change=cb(toggle)/>
                        {if lang == Lang::Zh { zh } else { en }}
                    </label>
                }
            })
            .collect_view()
    };
    let escalations = move || {
        let lang = store.ui_lang.get();
        let current = store.bundle.with(|b| b.timing.escalation);
        ESCALATIONS
            .iter()
            .map(|&e| view! { <option value=e.code() selected=e == current>{escalation_label(e).text(lang)}</option> })
            .collect_view()
    };
    view! {
        <p class="lead small">{tr(K::TiIntro)}</p>
        {problems}
        <section class="card timing-form">
            <h2>{tr(K::TiCalendar)}</h2>
            <fieldset class="inline-form">
                <legend>{tr(K::TiWorkdays)}</legend>
                {weekdays}
            </fieldset>
            <div class="inline-form">
                <label class="field">
                    <span>{tr(K::TiDayStart)}</span>
                    <input type="time" data-testid="timing-day-start" prop:value=get(|t| t.calendar.day_start.clone())
                        on:change=cb(move |ev| { let v = event_target_value(&ev); edit(store, None, |t| t.calendar.day_start = v) })/>
                </label>
                <label class="field">
                    <span>{tr(K::TiDayEnd)}</span>
                    <input type="time" data-testid="timing-day-end" prop:value=get(|t| t.calendar.day_end.clone())
                        on:change=cb(move |ev| { let v = event_target_value(&ev); edit(store, None, |t| t.calendar.day_end = v) })/>
                </label>
            </div>
            <div class="inline-form">
                <label class="field">
                    <span>{tr(K::TiHolidays)} " (" {move || store.bundle.with(|b| b.timing.calendar.holidays.len())} ")"</span>
                    <textarea rows="6" data-testid="timing-holidays" prop:value=get(|t| t.calendar.holidays.join("\n"))
                        on:change=cb(move |ev| { let v = date_list(&event_target_value(&ev)); edit(store, None, |t| t.calendar.holidays = v) })></textarea>
                </label>
                <label class="field">
                    <span>{tr(K::TiMakeUp)} " (" {move || store.bundle.with(|b| b.timing.calendar.extra_workdays.len())} ")"</span>
                    <textarea rows="6" data-testid="timing-make-up" prop:value=get(|t| t.calendar.extra_workdays.join("\n"))
                        on:change=cb(move |ev| { let v = date_list(&event_target_value(&ev)); edit(store, None, |t| t.calendar.extra_workdays = v) })></textarea>
                </label>
            </div>
            <p class="muted small">{tr(K::TiDatesHint)}</p>
        </section>
        <section class="card timing-form">
            <h2>{tr(K::TiResponses)}</h2>
            <div class="inline-form">
                <label class="field">
                    <span>{tr(K::TiResponseHours)}</span>
                    <input type="number" min="0" step="0.5" data-testid="timing-response" prop:value=get(|t| t.response_hours.to_string())
                        on:input=cb(move |ev| if let Some(n) = number(&ev) { edit(store, Some("response"), |t| t.response_hours = n) })/>
                </label>
                <label class="field">
                    <span>{tr(K::TiTimeoutHours)}</span>
                    <input type="number" min="0" step="0.5" data-testid="timing-timeout" prop:value=get(|t| t.timeout_hours.to_string())
                        on:input=cb(move |ev| if let Some(n) = number(&ev) { edit(store, Some("timeout"), |t| t.timeout_hours = n) })/>
                </label>
                <label class="field">
                    <span>{tr(K::TiEscalation)}</span>
                    <select data-testid="timing-escalation"
                        on:change=cb(move |ev| if let Some(e) = Escalation::parse(&event_target_value(&ev)) { edit(store, None, |t| t.escalation = e) })>
                        {escalations}
                    </select>
                </label>
                <label class="field">
                    <span>{tr(K::TiReject)}</span>
                    <input type="number" min="0" max="1" step="0.01" data-testid="timing-reject" prop:value=get(|t| t.reject_probability.to_string())
                        on:input=cb(move |ev| if let Some(n) = number(&ev) { edit(store, Some("reject"), |t| t.reject_probability = n) })/>
                </label>
            </div>
            <div class="inline-form">
                <label class="check">
                    <input type="checkbox" data-testid="timing-stochastic"
                        prop:checked=move || store.bundle.with(|b| b.timing.mode == Mode::Stochastic)
                        on:change=cb(move |ev| {
                            let mode = if event_target_checked(&ev) { Mode::Stochastic } else { Mode::Deterministic };
                            edit(store, None, |t| t.mode = mode)
                        })/>
                    {tr(K::TiStochastic)}
                </label>
                <label class="field">
                    <span>{tr(K::TiSeed)}</span>
                    <input type="number" min="0" step="1" data-testid="timing-seed" prop:value=get(|t| t.seed.to_string())
                        on:input=cb(move |ev| if let Ok(n) = event_target_value(&ev).trim().parse::<u64>() { edit(store, Some("seed"), |t| t.seed = n) })/>
                </label>
            </div>
            <PeopleResponses/>
            <StepOverrides/>
        </section>
    }
}

/// Per-step overrides: a template's step with its own timeout, action or rejection chance.
/// An empty box keeps the workspace's value.
#[component]
fn StepOverrides() -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            b.timing
                .steps
                .iter()
                .enumerate()
                .map(|(i, st)| {
                    let template = b.approvals.templates.iter().find(|t| t.id == st.template);
                    let names = super::words::Namer { org: &b.org, template, lang };
                    let where_ = format!(
                        "{} · {}",
                        template.map_or(st.template.as_str(), |t| t.name.as_str()),
                        names.step(&st.step)
                    );
                    let opt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
                    let set_timeout = move |ev: leptos::ev::Event| {
                        let v = number(&ev);
                        edit(store, Some(&format!("step.{i}.timeout")), move |t| {
                            if let Some(s) = t.steps.get_mut(i) {
                                s.timeout_hours = v;
                            }
                        });
                    };
                    let set_reject = move |ev: leptos::ev::Event| {
                        let v = number(&ev);
                        edit(store, Some(&format!("step.{i}.reject")), move |t| {
                            if let Some(s) = t.steps.get_mut(i) {
                                s.reject_probability = v;
                            }
                        });
                    };
                    let set_escalation = move |ev: leptos::ev::Event| {
                        let v = Escalation::parse(&event_target_value(&ev));
                        edit(store, None, move |t| {
                            if let Some(s) = t.steps.get_mut(i) {
                                s.escalation = v;
                            }
                        });
                    };
                    let remove = move |_| {
                        edit(store, None, move |t| {
                            if i < t.steps.len() {
                                t.steps.remove(i);
                            }
                        })
                    };
                    let current = st.escalation;
                    let actions = ESCALATIONS
                        .iter()
                        .map(|&e| view! { <option value=e.code() selected=Some(e) == current>{escalation_label(e).text(lang)}</option> })
                        .collect_view();
                    view! {
                        <tr data-testid=format!("timing-step-{}-{}", st.template, st.step)>
                            <td>{where_}</td>
                            <td><input type="number" min="0" step="0.5" placeholder="—" prop:value=opt(st.timeout_hours) on:input=cb(set_timeout)/></td>
                            <td>
                                <select on:change=cb(set_escalation)>
                                    <option value="" selected=current.is_none()>"—"</option>
                                    {actions}
                                </select>
                            </td>
                            <td><input type="number" min="0" max="1" step="0.01" placeholder="—" prop:value=opt(st.reject_probability) on:input=cb(set_reject)/></td>
                            <td><button type="button" class="danger" on:click=cb(remove)>{K::FixtureDelete.text(lang)}</button></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    // Every step of every template not overridden yet, as `template/step`.
    let options = move || {
        store.bundle.with(|b| {
            let mut out = Vec::new();
            for t in &b.approvals.templates {
                crate::core::routing::walk_flow(&t.flow, &mut |n| {
                    if let crate::core::routing::FlowNode::Step(s) = n {
                        let taken = b
                            .timing
                            .steps
                            .iter()
                            .any(|x| x.template == t.id && x.step == s.id);
                        if !taken {
                            out.push((
                                format!("{}/{}", t.id, s.id),
                                format!("{} · {}", t.name, s.name),
                            ));
                        }
                    }
                });
            }
            out.into_iter()
                .map(|(v, label)| view! { <option value=v>{label}</option> })
                .collect_view()
        })
    };
    let add = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let Some((template, step)) = value.split_once('/') else {
            return;
        };
        let (template, step) = (template.to_string(), step.to_string());
        edit(store, None, move |t| {
            t.steps.push(crate::core::timing::StepTiming {
                template,
                step,
                ..Default::default()
            });
        });
    };
    view! {
        <h3>{tr(K::TiSteps)}</h3>
        <div class="table-wrap">
            <table data-testid="timing-steps">
                <thead>
                    <tr>
                        <th scope="col">{tr(K::TlStep)}</th>
                        <th scope="col">{tr(K::TiTimeoutHours)}</th>
                        <th scope="col">{tr(K::TiEscalation)}</th>
                        <th scope="col">{tr(K::TiReject)}</th>
                        <th scope="col"></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <label class="field inline">
            <span>{tr(K::TiAddStep)}</span>
            <select data-testid="timing-add-step" prop:value="" on:change=cb(add)>
                <option value="">"—"</option>
                {options}
            </select>
        </label>
    }
}

/// Per-person response times: fixed hours, or a range the stochastic mode draws from.
#[component]
fn PeopleResponses() -> impl IntoView {
    let store = use_store();
    let rows = move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            b.timing
                .responses
                .iter()
                .map(|(id, r)| {
                    let name = b.org.person(id).map_or_else(|| id.clone(), |p| p.name.clone());
                    let (kind, a, c) = match r {
                        Response::Fixed { hours } => ("fixed", *hours, None),
                        Response::Uniform { min, max } => ("uniform", *min, Some(*max)),
                        Response::Skewed { mean, spread } => ("skewed", *mean, Some(*spread)),
                    };
                    let id_a = id.clone();
                    let id_c = id.clone();
                    let id_kind = id.clone();
                    let id_del = id.clone();
                    let set_a = move |ev: leptos::ev::Event| {
                        let Some(n) = number(&ev) else { return };
                        let id = id_a.clone();
                        edit(store, Some(&format!("resp.{id}.a")), move |t| {
                            if let Some(r) = t.responses.get_mut(&id) {
                                match r {
                                    Response::Fixed { hours } => *hours = n,
                                    Response::Uniform { min, .. } => *min = n,
                                    Response::Skewed { mean, .. } => *mean = n,
                                }
                            }
                        });
                    };
                    let set_c = move |ev: leptos::ev::Event| {
                        let Some(n) = number(&ev) else { return };
                        let id = id_c.clone();
                        edit(store, Some(&format!("resp.{id}.c")), move |t| match t.responses.get_mut(&id) {
                            Some(Response::Uniform { max, .. }) => *max = n,
                            Some(Response::Skewed { spread, .. }) => *spread = n,
                            _ => {}
                        });
                    };
                    let set_kind = move |ev: leptos::ev::Event| {
                        let kind = event_target_value(&ev);
                        let id = id_kind.clone();
                        edit(store, None, move |t| {
                            if let Some(r) = t.responses.get_mut(&id) {
                                let typical = match r {
                                    Response::Fixed { hours } => *hours,
                                    Response::Uniform { min, max } => (*min + *max) / 2.0,
                                    Response::Skewed { mean, .. } => *mean,
                                };
                                *r = match kind.as_str() {
                                    "uniform" => Response::Uniform { min: typical / 2.0, max: typical * 1.5 },
                                    "skewed" => Response::Skewed { mean: typical, spread: 0.5 },
                                    _ => Response::Fixed { hours: typical },
                                };
                            }
                        });
                    };
                    let remove = move |_| {
                        let id = id_del.clone();
                        edit(store, None, move |t| {
                            t.responses.remove(&id);
                        });
                    };
                    let kinds = [("fixed", K::TiFixed), ("uniform", K::TiUniform), ("skewed", K::TiSkewed)]
                        .into_iter()
                        .map(|(v, k)| view! { <option value=v selected=v == kind>{k.text(lang)}</option> })
                        .collect_view();
                    let (la, lc) = match kind {
                        "fixed" => (K::TiHours, None),
                        "uniform" => (K::TiMin, Some(K::TiMax)),
                        _ => (K::TiMean, Some(K::TiSpread)),
                    };
                    view! {
                        <tr data-testid=format!("timing-person-{id}")>
                            <td>{name}</td>
                            <td><select on:change=cb(set_kind)>{kinds}</select></td>
                            <td>
                                <label class="field inline"><span>{la.text(lang)}</span>
                                    <input type="number" min="0" step="0.5" prop:value=a.to_string() on:input=cb(set_a)/>
                                </label>
                                {lc.zip(c).map(|(lc, c)| view! {
                                    <label class="field inline"><span>{lc.text(lang)}</span>
                                        <input type="number" min="0" step="0.1" prop:value=c.to_string() on:input=cb(set_c)/>
                                    </label>
                                })}
                            </td>
                            <td><button type="button" class="danger" on:click=cb(remove)>{K::FixtureDelete.text(lang)}</button></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let options = move || {
        store.bundle.with(|b| {
            b.org
                .people
                .iter()
                .filter(|p| !b.timing.responses.contains_key(&p.id))
                .map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> })
                .collect_view()
        })
    };
    let add = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            return;
        }
        edit(store, None, move |t| {
            let hours = t.response_hours;
            t.responses.insert(id, Response::Fixed { hours });
        });
    };
    view! {
        <h3>{tr(K::TiPeople)}</h3>
        <div class="table-wrap">
            <table data-testid="timing-people"><tbody>{rows}</tbody></table>
        </div>
        <label class="field inline">
            <span>{tr(K::TiAddPerson)}</span>
            <select data-testid="timing-add-person" prop:value="" on:change=cb(add)>
                <option value="">"—"</option>
                {options}
            </select>
        </label>
    }
}
