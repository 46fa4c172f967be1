//! The areas loaded on demand.
//!
//! The policy page and the shell come with the first load. Every other area (naming,
//! approvals, training, the trainer's demo, the employee's quiz page, export) is a split
//! point: in a release build (`make dist`, built with `--cfg ppg_split`), its code goes
//! into a WebAssembly chunk of its own that the browser fetches, from this site only, the
//! first time the area is opened (or when its link is hovered or focused). Dev builds and
//! the browser tests have no `ppg_split` and keep one module; the areas then load at once.
//!
//! A chunk that cannot be fetched (the network went away) shows a translated notice with
//! a retry button. The workspace is not touched: it lives in the main module.

use std::future::Future;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local;

use super::components::share_prompt::{take_link, SharePrompt};
use super::components::workspaces::WorkspacePanel;
use super::i18n::{self, tr, K};
use super::pages::{
    approvals::ApprovalsPage,
    export::ExportPage,
    naming::NamingPage,
    training::{demo::DemoPage, take::TakePage, TrainingPage},
};
use super::styles;

/// An area's chunk could not be loaded.
#[derive(Debug, Clone, Copy)]
pub struct Unavailable;

#[cfg(ppg_split)]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Declares an area: `$load()` builds its page, from its own chunk in a split build, and
/// `$preload()` fetches the chunk without building anything. The page's interface
/// messages (`$register`: its own section and those of any area whose views it borrows)
/// and stylesheets (`$sheet`, [`styles`]) are added first, from the chunk too, so they
/// travel with it.
macro_rules! area {
    ($load:ident, $preload:ident, $page:ident, [$($register:path),*] $(, [$($sheet:path),*])?) => {
        split_fn!($load, $preload, fn $load() -> Result<AnyView, Unavailable> {
            $($register();)*
            $($($sheet();)*)?
            Ok(view! { <$page/> }.into_any())
        });
    };
}

area!(naming, preload_naming, NamingPage, [i18n::register_naming]);
area!(
    approvals,
    preload_approvals,
    ApprovalsPage,
    [i18n::register_approvals]
);
area!(
    training,
    preload_training,
    TrainingPage,
    [i18n::register_training],
    [styles::training, styles::training_editor]
);
// The demo shows the naming checker's marks and the approvals' names for people and roles.
area!(
    demo,
    preload_demo,
    DemoPage,
    [
        i18n::register_training,
        i18n::register_naming,
        i18n::register_approvals
    ],
    [styles::demo]
);
area!(
    quiz,
    preload_quiz,
    TakePage,
    [i18n::register_training],
    [styles::training]
);
area!(export, preload_export, ExportPage, [i18n::register_export]);

// The workspaces panel is loaded on demand too: nothing of it shows until the header's
// workspace button is pressed.
split_fn!(
    workspaces,
    preload_workspaces,
    fn workspace_panel(open: RwSignal<bool>) -> Result<AnyView, Unavailable> {
        styles::workspaces();
        Ok(view! { <WorkspacePanel open=open/> }.into_any())
    }
);

/// The workspaces panel (list, create, rename, duplicate, delete), fetched when first
/// opened; `open` closes it.
#[component]
pub fn WorkspacePanelArea(open: RwSignal<bool>) -> impl IntoView {
    lazy_area(move || workspace_panel(open))
}

/// Fetches the workspaces panel ahead of a click (on hover or focus of its button).
pub fn preload_workspace_panel() {
    leptos::task::spawn_local(async {
        let _ = preload_workspaces().await;
    });
}

// The prompt for a share link in the address comes with the workspace reader, which
// reads the link's workspace (start-up fetched it: `crate::ui::start`).
split_fn!(
    reader,
    preload_share_prompt,
    fn share_prompt(link: String) -> Result<AnyView, Unavailable> {
        Ok(view! { <SharePrompt link=link/> }.into_any())
    }
);

/// The share-link prompt, only when the address holds a share link. The link is taken
/// out of the address at once; the prompt may come a moment later.
#[component]
pub fn SharePromptArea() -> impl IntoView {
    take_link().map(|link| {
        let link = StoredValue::new(link);
        lazy_area(move || share_prompt(link.get_value()))
    })
}

/// The naming area.
#[component]
pub fn NamingArea() -> impl IntoView {
    lazy_area(naming)
}

/// The approvals area.
#[component]
pub fn ApprovalsArea() -> impl IntoView {
    lazy_area(approvals)
}

/// The training area (the trainer's editors).
#[component]
pub fn TrainingArea() -> impl IntoView {
    lazy_area(training)
}

/// The trainer's full-screen demonstration.
#[component]
pub fn DemoArea() -> impl IntoView {
    lazy_area(demo)
}

/// The employee's quiz page.
#[component]
pub fn QuizArea() -> impl IntoView {
    lazy_area(quiz)
}

/// The export area.
#[component]
pub fn ExportArea() -> impl IntoView {
    lazy_area(export)
}

/// Fetches the chunk behind an app path ahead of a click (on hover or focus of its link).
/// A failure is ignored here: opening the area retries and says so.
pub fn preload(path: &str) {
    let path = path.to_owned();
    leptos::task::spawn_local(async move {
        let _ = match path.as_str() {
            "/naming" => preload_naming().await,
            "/approvals" => preload_approvals().await,
            "/training" => preload_training().await,
            "/export" => preload_export().await,
            _ => Ok(()),
        };
    });
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Load {
    Pending,
    Ready,
    Failed,
}

/// Shows the area's page; while its chunk is on the way, a loading line; when the chunk
/// cannot be fetched, a notice with a retry button.
///
/// The load is polled once at once: in an unsplit build, or once the chunk is in, the page
/// is built right here with no loading flash. Otherwise the rest of the load runs as a task
/// under this component's owner, so the page finds the store, the router and the base
/// path, and is disposed with the route.
fn lazy_area<L, Fut>(load: L) -> impl IntoView
where
    L: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, Unavailable>> + 'static,
{
    let state = RwSignal::new(Load::Pending);
    let page = StoredValue::new_local(None::<AnyView>);
    // A retry is clicked in the failure notice, whose owner goes as the notice does: every
    // attempt builds the page under this component's owner instead.
    let owner = Owner::current().unwrap_or_default();
    let start = move || {
        owner.with(|| attempt(load, state, page));
    };
    start();
    move || match state.get() {
        Load::Pending => view! {
            <p class="page narrow area-loading" role="status" data-testid="area-loading">
                {tr(K::AreaLoading)}
            </p>
        }
        .into_any(),
        Load::Ready => page
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        Load::Failed => {
            let start = start.clone();
            view! {
            <section class="page narrow" role="alert" data-testid="area-unavailable">
                <h1>{tr(K::AreaUnavailableTitle)}</h1>
                <p>{tr(K::AreaUnavailableBody)}</p>
                <button type="button" data-testid="area-retry" on:click=move |_| start()>
                    {tr(K::AreaRetry)}
                </button>
            </section>
            }
            .into_any()
        }
    }
}

/// One attempt at loading an area, run under the area component's owner.
fn attempt<L, Fut>(load: L, state: RwSignal<Load>, page: StoredValue<Option<AnyView>, LocalStorage>)
where
    L: Fn() -> Fut,
    Fut: Future<Output = Result<AnyView, Unavailable>> + 'static,
{
    let settle = move |result: Result<AnyView, Unavailable>| match result {
        Ok(view) => {
            page.set_value(Some(view));
            state.try_set(Load::Ready);
        }
        Err(Unavailable) => {
            state.try_set(Load::Failed);
        }
    };
    let mut task = Box::pin(ScopedFuture::new_untracked(load()));
    match task.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(result) => settle(result),
        Poll::Pending => {
            state.set(Load::Pending);
            spawn_local(async move { settle(task.await) });
        }
    }
}
