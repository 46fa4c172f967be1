//! The browser interface (Leptos). Components wire signals to `core`; they never decide
//! policy outcomes themselves.

pub mod app;
pub mod areas;
pub mod browser;
pub mod codec;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;

use leptos::prelude::*;

pub use app::App;

use i18n::K;

/// Mounts the app on the page. When start-up has a workspace to read (storage holds some,
/// or the address a share link), the workspace reader is fetched first ([`codec`]); if it
/// cannot be, a notice with a retry stands in for the app, and storage is left untouched.
pub fn start() {
    if codec::is_loaded() || !state::needed_at_start() {
        leptos::mount::mount_to_body(App);
        return;
    }
    // Leptos's executor is set up by mounting, so not yet: wasm-bindgen's runs this.
    wasm_bindgen_futures::spawn_local(async {
        match codec::ensure().await {
            Ok(()) => leptos::mount::mount_to_body(App),
            Err(_) => leptos::mount::mount_to_body(StartUnavailable),
        }
    });
}

/// Stands in for the app when the workspace reader cannot be fetched at start-up.
#[component]
fn StartUnavailable() -> impl IntoView {
    let lang = state::initial_lang();
    let retry = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <main class="page narrow" role="alert" data-testid="start-unavailable">
            <h1>{K::AreaUnavailableTitle.text(lang)}</h1>
            <p>{K::StartUnavailableBody.text(lang)}</p>
            <button type="button" data-testid="start-retry" on:click=retry>
                {K::AreaRetry.text(lang)}
            </button>
        </main>
    }
}
