//! The static checks of the approval templates (lint), in words.

use leptos::prelude::*;

#[component]
pub fn ChecksTab() -> impl IntoView {
    view! { <div data-testid="checks"></div> }
}
