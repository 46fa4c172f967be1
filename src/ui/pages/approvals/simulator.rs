//! The simulator: pick a template and a requester, fill the form, see the route.

use leptos::prelude::*;

#[component]
pub fn SimulateTab() -> impl IntoView {
    view! { <div data-testid="simulator"></div> }
}
