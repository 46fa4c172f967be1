//! Employee mode: take a quiz handed out as a link or a file, on a clean page without
//! the editor; see the result, print a certificate, hand back the result.

use leptos::prelude::*;

#[component]
pub fn TakePage() -> impl IntoView {
    view! { <section class="page narrow take" data-testid="take"></section> }
}
