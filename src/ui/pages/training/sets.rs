//! Quiz sets: edit what a quiz draws and its rules, preview it, hand it out.

use leptos::prelude::*;

#[component]
pub fn SetsTab() -> impl IntoView {
    view! { <div data-testid="sets-tab"></div> }
}
