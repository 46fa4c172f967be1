//! The approvals area: simulate a request (with its timeline on the working calendar), keep
//! expected routes (route tests), edit the approval templates, the org chart and the timing
//! settings, run batches and compare versions of the rules, and see the static checks.
//!
//! The route tests and the checks are memos over the workspace, so they re-run on every
//! edit wherever it is made, and the tab bar shows their state at all times.

mod batch;
mod checks;
mod fixtures;
mod org;
mod simulator;
mod templates;
mod timeline;
mod timing;
pub mod words;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::core::lint::{lint, Finding, Severity};
use crate::core::org::{Org, Status};
use crate::core::simulate::{run_fixtures, FixtureResult};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::{use_store, Store};

/// The tabs of the approvals area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Simulate,
    Fixtures,
    Templates,
    Org,
    Timing,
    Batch,
    Checks,
}

/// The request in the simulator, kept when switching tabs.
#[derive(Clone, Copy)]
pub struct SimInput {
    pub template: RwSignal<String>,
    pub requester: RwSignal<String>,
    /// Field values as typed, by field id. Values of fields the template does not have are
    /// ignored, so switching templates and back keeps what was typed.
    pub form: RwSignal<BTreeMap<String, String>>,
    /// The requester's picks for steps whose approver they choose: step id to person id.
    pub picks: RwSignal<BTreeMap<String, String>>,
    /// When the request is submitted, `YYYY-MM-DDTHH:MM` local time (for the timeline).
    pub submitted: RwSignal<String>,
}

/// What every tab of the approvals area shares.
#[derive(Clone, Copy)]
pub struct ApprovalsCtx {
    pub tab: RwSignal<Tab>,
    pub sim: SimInput,
    /// Every route fixture run against the current workspace.
    pub fixtures: Memo<Vec<FixtureResult>>,
    /// The static checks of the current workspace.
    pub findings: Memo<Vec<Finding>>,
}

impl ApprovalsCtx {
    fn new(store: Store) -> ApprovalsCtx {
        let ctx = ApprovalsCtx {
            tab: RwSignal::new(Tab::Simulate),
            sim: SimInput {
                template: RwSignal::new(String::new()),
                requester: RwSignal::new(String::new()),
                form: RwSignal::new(BTreeMap::new()),
                picks: RwSignal::new(BTreeMap::new()),
                submitted: RwSignal::new(crate::ui::browser::next_hour_local()),
            },
            fixtures: Memo::new(move |_| store.bundle.with(run_fixtures)),
            findings: Memo::new(move |_| store.bundle.with(lint)),
        };
        // The simulator's template and requester stay ones the workspace has: the first
        // template and the first active person at first, and again when a deletion or
        // another workspace takes them away.
        let sim = ctx.sim;
        Effect::new(move |_| {
            store.bundle.with(|b| {
                let template = sim.template.get_untracked();
                if !b.approvals.templates.iter().any(|t| t.id == template) {
                    let first = b.approvals.templates.first().map(|t| t.id.clone());
                    sim.template.set(first.unwrap_or_default());
                }
                let requester = sim.requester.get_untracked();
                if b.org.person(&requester).is_none() {
                    let first = b.org.people.iter().find(|p| p.status == Status::Active);
                    sim.requester
                        .set(first.map(|p| p.id.clone()).unwrap_or_default());
                }
            })
        });
        ctx
    }

    /// Opens a scenario in the simulator.
    pub fn simulate(
        self,
        template: String,
        requester: String,
        form: BTreeMap<String, String>,
        picks: BTreeMap<String, String>,
    ) {
        self.sim.template.set(template);
        self.sim.requester.set(requester);
        self.sim.form.set(form);
        self.sim.picks.set(picks);
        self.tab.set(Tab::Simulate);
    }
}

/// A person's name, or the id when there is no such person.
pub fn person_name(org: &Org, id: &str) -> String {
    org.person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// A role's name, or the id when there is no such role.
pub fn role_name(org: &Org, id: &str) -> String {
    org.role(id)
        .map_or_else(|| id.to_string(), |r| r.name.clone())
}

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    let store = use_store();
    let ctx = ApprovalsCtx::new(store);
    provide_context(ctx);
    provide_context(batch::BatchState::new());
    view! {
        <section class="page approvals-page">
            <h1>{tr(K::NavApprovals)}</h1>
            <p class="lead">{tr(K::ApprovalsIntro)}</p>
            <Tabs/>
            {move || match ctx.tab.get() {
                Tab::Simulate => view! { <simulator::SimulateTab/> }.into_any(),
                Tab::Fixtures => view! { <fixtures::FixturesTab/> }.into_any(),
                Tab::Templates => view! { <templates::TemplatesTab/> }.into_any(),
                Tab::Org => view! { <org::OrgTab/> }.into_any(),
                Tab::Timing => view! { <timing::TimingTab/> }.into_any(),
                Tab::Batch => view! { <batch::BatchTab/> }.into_any(),
                Tab::Checks => view! { <checks::ChecksTab/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Tabs() -> impl IntoView {
    let ctx = expect_context::<ApprovalsCtx>();
    let tab = move |which: Tab, label: K, testid: &'static str, badge: AnyView| {
        view! {
            <button
                type="button"
                role="tab"
                data-testid=testid
                aria-selected=move || (ctx.tab.get() == which).to_string()
                on:click=cb(move |_| ctx.tab.set(which))
            >
                {tr(label)}
                {badge}
            </button>
        }
    };
    // Route tests: passed/total, red when any fails.
    let fixtures_badge = move || {
        ctx.fixtures.with(|r| {
            let failed = r.iter().filter(|f| !f.pass).count();
            let text = format!("{}/{}", r.len() - failed, r.len());
            let (bad, good) = (failed > 0, failed == 0);
            view! {
                <span class="badge" class:bad=bad class:good=good data-testid="fixtures-badge">
                    {text}
                </span>
            }
        })
    };
    // Checks: errors, else warnings.
    let checks_badge = move || {
        ctx.findings.with(|f| {
            let errors = f.iter().filter(|x| x.severity == Severity::Error).count();
            let warnings = f.len() - errors;
            let (text, bad) = if errors > 0 {
                (errors.to_string(), true)
            } else {
                (warnings.to_string(), false)
            };
            let warn = !bad && warnings > 0;
            view! {
                <span class="badge" class:bad=bad class:warn=warn data-testid="checks-badge">
                    {text}
                </span>
            }
        })
    };
    view! {
        <div class="tabs" role="tablist" aria-label=tr(K::NavApprovals)>
            {tab(Tab::Simulate, K::TabSimulate, "tab-simulate", ().into_any())}
            {tab(Tab::Fixtures, K::TabFixtures, "tab-fixtures", fixtures_badge.into_any())}
            {tab(Tab::Templates, K::Templates, "tab-templates", ().into_any())}
            {tab(Tab::Org, K::OrgChart, "tab-org", ().into_any())}
            {tab(Tab::Timing, K::TabTiming, "tab-timing", ().into_any())}
            {tab(Tab::Batch, K::TabBatch, "tab-batch", ().into_any())}
            {tab(Tab::Checks, K::TabChecks, "tab-checks", checks_badge.into_any())}
        </div>
    }
}
