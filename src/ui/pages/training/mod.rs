//! The training area. Trainers keep the question bank and the quiz sets, see the
//! questions computed from the rules, hand out quizzes and read the results, and present
//! the usage code in demo mode; employees take a quiz on a page of its own ([`take`]).

mod bank;
pub mod demo;
mod fields;
mod handout;
mod norms;
mod paper_view;
mod results;
mod sets;
pub mod take;

use leptos::prelude::*;

use crate::core::quiz::QuizBank;
use crate::core::Bundle;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};

/// The tabs of the training area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Author-written questions and the questions computed from the rules.
    Bank,
    /// The usage code's facts (numbers, channels, secrecy and permission levels) that the
    /// generated questions are computed from.
    Norms,
    /// Quiz sets: what each quiz draws, its pass mark and rules; handing it out.
    Sets,
    /// Results handed back by employees, imported and summed up.
    Results,
}

#[component]
pub fn TrainingPage() -> impl IntoView {
    let tab = RwSignal::new(Tab::Bank);
    let button = move |which: Tab, label: K, testid: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                data-testid=testid
                aria-selected=move || (tab.get() == which).to_string()
                on:click=cb(move |_| tab.set(which))
            >
                {tr(label)}
            </button>
        }
    };
    view! {
        <section class="page">
            <h1>{tr(K::NavTraining)}</h1>
            <p class="lead">{tr(K::TrainingIntro)}</p>
            <div class="tabs" role="tablist" aria-label=tr(K::NavTraining)>
                {button(Tab::Bank, K::Questions, "tab-bank")}
                {button(Tab::Norms, K::TnTab, "tab-norms")}
                {button(Tab::Sets, K::QuizSets, "tab-sets")}
                {button(Tab::Results, K::TrResults, "tab-results")}
                <demo::DemoLink/>
            </div>
            {move || match tab.get() {
                Tab::Bank => view! { <bank::BankTab/> }.into_any(),
                Tab::Norms => view! { <norms::NormsTab/> }.into_any(),
                Tab::Sets => view! { <sets::SetsTab/> }.into_any(),
                Tab::Results => view! { <results::ResultsTab/> }.into_any(),
            }}
        </section>
    }
}

/// What the question generator reads of a workspace: everything but the quiz sets and the
/// saved versions, and (without `questions`) the authored questions. A memo over it lets
/// the generated questions skip recomputing while the trainer types a set's name or a
/// question of their own.
fn rules_of(b: &Bundle, questions: bool) -> Bundle {
    Bundle {
        schema_version: b.schema_version,
        settings: b.settings.clone(),
        policy: b.policy.clone(),
        naming: b.naming.clone(),
        inventory: b.inventory.clone(),
        org: b.org.clone(),
        approvals: b.approvals.clone(),
        fixtures: b.fixtures.clone(),
        quiz: QuizBank {
            questions: if questions {
                b.quiz.questions.clone()
            } else {
                Vec::new()
            },
            sets: Vec::new(),
        },
        norms: b.norms.clone(),
        timing: b.timing.clone(),
        snapshots: Vec::new(),
    }
}
