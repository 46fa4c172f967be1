//! The browser interface (Leptos). Components wire signals to `core`; they never decide
//! policy outcomes themselves.

/// `fn $name($args) -> Result<_, Unavailable>` as an async function that, in a release
/// build (`--cfg ppg_split`), is a split point in chunk `$module`: its code, and whatever
/// only it reaches, is fetched on the first call; `$preload()` fetches the chunk without
/// calling it. In an unsplit build it is a plain async function. See `areas.rs`.
macro_rules! split_fn {
    ($module:ident, $preload:ident, fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        #[cfg(ppg_split)]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, preload(#[allow(dead_code)] $preload), fallible)]
        fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(ppg_split))]
        async fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(ppg_split))]
        #[allow(dead_code)]
        async fn $preload() -> Result<(), $crate::ui::areas::Unavailable> {
            Ok(())
        }
    };
}

/// Fetches a split point's chunk with `fetch` (its preload function) unless `loaded` says
/// it is in, and records that it is once it comes. A failure (the network went away) is
/// not remembered: the next call tries again.
async fn load_chunk<Fut, E>(
    loaded: &'static std::thread::LocalKey<std::cell::Cell<bool>>,
    fetch: impl FnOnce() -> Fut,
) -> Result<(), areas::Unavailable>
where
    Fut: std::future::Future<Output = Result<(), E>>,
{
    if loaded.with(std::cell::Cell::get) {
        return Ok(());
    }
    fetch().await.map_err(|_| areas::Unavailable)?;
    loaded.with(|l| l.set(true));
    Ok(())
}

/// Runs a split function whose chunk is in: the call completes on its first poll. `None`
/// when it does not, because the chunk is not in.
fn call_loaded<T>(
    call: impl std::future::Future<Output = Result<T, areas::Unavailable>>,
) -> Option<T> {
    let call = std::pin::pin!(call);
    match call.poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(Ok(value)) => Some(value),
        std::task::Poll::Ready(Err(_)) | std::task::Poll::Pending => None,
    }
}

pub mod app;
pub mod areas;
pub mod browser;
pub mod codec;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod rendering;
pub mod state;
pub mod styles;

use leptos::prelude::*;

pub use app::App;

use i18n::K;

/// Mounts the app on the page. When start-up has a workspace to read (storage holds some,
/// or the address a share link), the workspace reader is fetched first ([`codec`]); if it
/// cannot be, a notice with a retry stands in for the app, and storage is left untouched.
/// The Markdown renderer ([`rendering`]) is fetched alongside, as that workspace's preview
/// needs it; the app does not wait for it.
pub fn start() {
    if codec::is_loaded() || !state::needed_at_start() {
        leptos::mount::mount_to_body(App);
        return;
    }
    rendering::preload();
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
