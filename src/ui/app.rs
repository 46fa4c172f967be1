//! The application shell: header with navigation, the workspace switcher and workspace
//! actions, notices, routes.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::path;
use leptos_router::NavigateOptions;

use super::areas::{
    self, ApprovalsArea, DemoArea, ExportArea, NamingArea, QuizArea, SharePromptArea, TrainingArea,
    WorkspacePanelArea,
};
use super::browser;
use super::components::notices::Notices;
use super::components::widgets::cb;
use super::components::workspace_menu::WorkspaceMenu;
use super::components::workspaces::WorkspaceToggle;
use super::i18n::{tr, use_t, K};
use super::pages::policy::PolicyPage;
use super::state::Store;
use crate::core::Lang;

/// The base path of the app, for building links (`""` at the site root).
#[derive(Clone)]
pub struct BasePath(pub String);

impl BasePath {
    /// A link to an area of the app.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }
}

/// The whole application. Lives in the library so browser tests can mount it.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::load();
    provide_context(store);
    let base = browser::base_path();
    provide_context(BasePath(base.clone()));

    let keys = window_event_listener(ev::keydown, move |e| shortcut(store, &e));
    let hide = window_event_listener(ev::pagehide, move |_| store.flush());
    let blur = window_event_listener(ev::blur, move |_| store.flush());
    on_cleanup(move || {
        keys.remove();
        hide.remove();
        blur.remove();
    });
    Effect::new(move |_| {
        let lang = store.ui_lang.get();
        let code = match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        browser::set_document_language(code, K::AppName.text(lang));
    });

    view! {
        <Router base=base>
            <Shell/>
        </Router>
    }
}

/// Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, everywhere in the app, so typing
/// and structural edits share one history.
fn shortcut(store: Store, e: &web_sys::KeyboardEvent) {
    if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
        return;
    }
    match e.key().as_str() {
        "z" | "Z" if e.shift_key() => {
            e.prevent_default();
            store.redo();
        }
        "z" | "Z" => {
            e.prevent_default();
            store.undo();
        }
        "y" | "Y" => {
            e.prevent_default();
            store.redo();
        }
        _ => {}
    }
}

/// Pages shown without the app's header: the employee's quiz and the trainer's demo.
fn is_bare(path: &str) -> bool {
    path.ends_with("/quiz") || path.ends_with("/training/demo")
}

#[component]
fn Shell() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let bare = Memo::new(move |_| location.pathname.with(|p| is_bare(p)));
    view! {
        <a class="skip-link" href="#main">{tr(K::SkipToContent)}</a>
        <Show when=move || !bare.get()>
            <Header/>
        </Show>
        <Notices/>
        <Show when=move || !bare.get()>
            <SharePromptArea/>
        </Show>
        <main id="main" tabindex="-1">
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Home/>
                <Route path=path!("/policy") view=PolicyPage/>
                <Route path=path!("/naming") view=NamingArea/>
                <Route path=path!("/approvals") view=ApprovalsArea/>
                <Route path=path!("/training") view=TrainingArea/>
                <Route path=path!("/training/demo") view=DemoArea/>
                <Route path=path!("/quiz") view=QuizArea/>
                <Route path=path!("/export") view=ExportArea/>
            </Routes>
        </main>
    }
}

#[component]
fn Header() -> impl IntoView {
    let t = use_t();
    let store = expect_context::<Store>();
    let base = expect_context::<BasePath>();
    let links = [
        ("/policy", K::NavPolicy, "nav-policy"),
        ("/naming", K::NavNaming, "nav-naming"),
        ("/approvals", K::NavApprovals, "nav-approvals"),
        ("/training", K::NavTraining, "nav-training"),
        ("/export", K::NavExport, "nav-export"),
    ];
    let toggle_lang = move |_| {
        let next = match store.ui_lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        store.set_ui_lang(next);
    };
    // The workspace panel opens below the header's first row, inside the header, so it
    // stays in view on long pages. The open workspace's name takes the tagline's place
    // under the app's name (the tagline becomes its tooltip), so the header keeps its
    // height on a desktop screen.
    let workspaces_open = RwSignal::new(false);
    view! {
        <header class="app-header">
            <div class="brand">
                <span class="brand-name" title=tr(K::AppTagline)>{tr(K::AppName)}</span>
                <WorkspaceToggle open=workspaces_open/>
            </div>
            <nav class="main-nav" aria-label=tr(K::MainNav)>
                {links
                    .into_iter()
                    .map(|(path, key, testid)| {
                        view! {
                            <A
                                href=base.href(path)
                                attr:data-testid=testid
                                on:mouseenter=move |_| areas::preload(path)
                                on:focusin=move |_| areas::preload(path)
                            >
                                {move || t(key)}
                            </A>
                        }
                    })
                    .collect_view()}
            </nav>
            <div class="header-actions">
                // Undo and redo serve every area: all edits share one history.
                <button
                    type="button"
                    class="history-button"
                    data-testid="undo"
                    prop:disabled=move || !store.can_undo.get()
                    title=tr(K::UndoHint)
                    aria-label=tr(K::UndoHint)
                    on:click=cb(move |_| store.undo())
                >
                    "↶"
                </button>
                <button
                    type="button"
                    class="history-button"
                    data-testid="redo"
                    prop:disabled=move || !store.can_redo.get()
                    title=tr(K::RedoHint)
                    aria-label=tr(K::RedoHint)
                    on:click=cb(move |_| store.redo())
                >
                    "↷"
                </button>
                <WorkspaceMenu/>
                <button
                    type="button"
                    class="lang-toggle"
                    data-testid="lang-toggle"
                    aria-label=tr(K::Language)
                    on:click=toggle_lang
                >
                    {tr(K::SwitchLanguage)}
                </button>
            </div>
            {move || workspaces_open.get().then(|| view! { <WorkspacePanelArea open=workspaces_open/> })}
        </header>
    }
}

/// The site root opens the policy area at its own address, so the navigation shows where
/// the user is and the address can be shared as it is.
#[component]
fn Home() -> impl IntoView {
    let base = expect_context::<BasePath>();
    let options = NavigateOptions {
        replace: true,
        ..Default::default()
    };
    view! { <Redirect path=base.href("/policy") options/> }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>{tr(K::NotFoundTitle)}</h1>
            <p>{tr(K::NotFoundBody)}</p>
        </section>
    }
}
