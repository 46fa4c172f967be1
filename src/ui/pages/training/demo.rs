//! Trainer demo mode: a full-screen presentation of the usage code, live naming checks, an
//! approval route animated step by step, and quiz questions revealed one at a time.

use leptos::prelude::*;

use crate::ui::app::BasePath;
use crate::ui::i18n::{tr, K};

/// The link from the training area's tab bar to demo mode.
#[component]
pub fn DemoLink() -> impl IntoView {
    let base = expect_context::<BasePath>();
    view! {
        <a class="tab-link" href=base.href("/training/demo") data-testid="open-demo">
            {tr(K::TrDemo)}
        </a>
    }
}

#[component]
pub fn DemoPage() -> impl IntoView {
    view! { <section class="demo" data-testid="demo"></section> }
}
