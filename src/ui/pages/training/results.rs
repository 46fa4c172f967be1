//! Results handed back by employees: import many, see the pass rate, per-question
//! correctness and the clauses most often misunderstood; export CSV.

use leptos::prelude::*;

#[component]
pub fn ResultsTab() -> impl IntoView {
    view! { <div data-testid="results-tab"></div> }
}
