//! The naming area: pick a naming scheme, check names as they are typed, generate
//! compliant names, edit the scheme, audit a mass of names and a group inventory.
//!
//! Every tab works on the scheme chosen at the top. The scheme is compiled once per edit
//! (a memo) and shared through [`NamingCtx`], so a keystroke in the checker only runs the
//! check itself.

mod audit;
pub mod checker;
mod editor;
mod generator;
mod inventory;
mod reference;
use crate::core::naming::words;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::naming::check::{compile, Compiled, SchemeError};
use crate::core::naming::NamingScheme;
use crate::core::org::Org;
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::{use_store, Notice, Store};

pub use words::{code_label, code_text};

/// The chosen scheme compiled, or the mistakes that keep it from compiling.
pub type CompiledScheme = Result<Arc<Compiled>, Vec<SchemeError>>;

/// The tabs of the naming area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Check,
    Edit,
    Audit,
    Inventory,
}

/// What every tab of the naming area shares.
#[derive(Clone, Copy)]
pub struct NamingCtx {
    /// Index of the chosen scheme in the workspace.
    pub selected: RwSignal<usize>,
    /// The chosen scheme (a copy, updated when it changes).
    pub scheme: Memo<Option<NamingScheme>>,
    /// The org chart (department dictionaries come from it), updated when it changes.
    pub org: Memo<Org>,
    /// The chosen scheme, compiled against the org.
    pub compiled: Memo<Option<CompiledScheme>>,
    pub tab: RwSignal<Tab>,
    /// The name in the live checker (kept when switching tabs).
    pub check_input: RwSignal<String>,
}

impl NamingCtx {
    fn new(store: Store) -> NamingCtx {
        let selected = RwSignal::new(0usize);
        let scheme = Memo::new(move |_| {
            let i = selected.get();
            store.bundle.with(|b| b.naming.get(i).cloned())
        });
        let org = Memo::new(move |_| store.bundle.with(|b| b.org.clone()));
        // Compiled schemes have no equality; the memo recomputes only when the scheme or
        // the org changes, and then always notifies.
        let compiled = Memo::new_with_compare(
            move |_| {
                let s = scheme.get()?;
                Some(org.with(|o| compile(&s, o).map(Arc::new)))
            },
            |_, _| true,
        );
        NamingCtx {
            selected,
            scheme,
            org,
            compiled,
            tab: RwSignal::new(Tab::Check),
            check_input: RwSignal::new(String::new()),
        }
    }

    /// Applies an edit to the chosen scheme as one undo step (see [`Store::edit`]).
    pub fn edit_scheme(self, store: Store, key: Option<&str>, f: impl FnOnce(&mut NamingScheme)) {
        let i = self.selected.get_untracked();
        let key = key.map(|k| format!("naming.{i}.{k}"));
        store.edit(key.as_deref(), move |b| {
            if let Some(s) = b.naming.get_mut(i) {
                f(s);
            }
        });
    }

    /// Opens the checker on a name.
    pub fn check_name(self, name: String) {
        self.check_input.set(name);
        self.tab.set(Tab::Check);
    }
}

#[component]
pub fn NamingPage() -> impl IntoView {
    let store = use_store();
    let ctx = NamingCtx::new(store);
    provide_context(ctx);
    // Audit results live as long as the naming area, not just the tab.
    provide_context(audit::AuditState::new());
    provide_context(inventory::InventoryState::new());
    // Keep the choice in range when schemes are deleted or a workspace is opened.
    Effect::new(move |_| {
        let n = store.bundle.with(|b| b.naming.len());
        if n > 0 && ctx.selected.get_untracked() >= n {
            ctx.selected.set(n - 1);
        }
    });
    let has_scheme = move || ctx.scheme.with(Option::is_some);

    view! {
        <section class="page naming-page">
            <h1>{tr(K::NavNaming)}</h1>
            <p class="lead">{tr(K::NamingIntro)}</p>
            <SchemeBar/>
            <Show when=has_scheme fallback=|| view! { <p class="muted">{tr(K::NoSchemes)}</p> }>
                <SchemeProblems/>
                <Tabs/>
                {move || match ctx.tab.get() {
                    Tab::Check => view! { <checker::CheckTab/> }.into_any(),
                    Tab::Edit => view! { <editor::EditTab/> }.into_any(),
                    Tab::Audit => view! { <audit::AuditTab/> }.into_any(),
                    Tab::Inventory => view! { <inventory::InventoryTab/> }.into_any(),
                }}
            </Show>
        </section>
    }
}

/// Chooses, adds, duplicates and deletes schemes.
#[component]
fn SchemeBar() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let options = move || {
        store.bundle.with(|b| {
            b.naming
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let label = format!("{} ({})", s.name, s.id);
                    view! { <option value=i.to_string() selected=move || ctx.selected.get() == i>{label}</option> }
                })
                .collect_view()
        })
    };
    let add = move |copy: bool| {
        let lang = store.ui_lang.get_untracked();
        let from = ctx.scheme.get_untracked();
        store.edit(None, |b| {
            let taken: Vec<String> = b.naming.iter().map(|s| s.id.clone()).collect();
            let mut s = match (copy, from) {
                (true, Some(s)) => s,
                _ => new_scheme(lang),
            };
            s.id = fresh_scheme_id(&s.id, &taken);
            if copy {
                s.name = format!("{} {}", s.name, K::CopySuffix.text(lang));
            }
            b.naming.push(s);
        });
        let n = store.bundle.with_untracked(|b| b.naming.len());
        ctx.selected.set(n.saturating_sub(1));
        if !copy {
            ctx.tab.set(Tab::Edit);
        }
    };
    let delete = move |_| {
        let i = ctx.selected.get_untracked();
        store.edit(None, |b| {
            if i < b.naming.len() {
                b.naming.remove(i);
            }
        });
        ctx.selected.set(i.saturating_sub(1));
        store.notice.set(Some(Notice::Deleted));
    };
    view! {
        <div class="scheme-bar">
            <label for="scheme-select">{tr(K::SchemeChoice)}</label>
            <select
                id="scheme-select"
                data-testid="scheme-select"
                on:change=cb(move |e: leptos::ev::Event| {
                    if let Ok(i) = event_target_value(&e).parse() {
                        ctx.selected.set(i);
                    }
                })
            >
                {options}
            </select>
            <button type="button" data-testid="scheme-add" on:click=cb(move |_| add(false))>
                {tr(K::NewScheme)}
            </button>
            <button
                type="button"
                data-testid="scheme-duplicate"
                prop:disabled=move || ctx.scheme.with(Option::is_none)
                on:click=cb(move |_| add(true))
            >
                {tr(K::DuplicateScheme)}
            </button>
            <button
                type="button"
                class="danger"
                data-testid="scheme-delete"
                prop:disabled=move || ctx.scheme.with(Option::is_none)
                on:click=cb(delete)
            >
                {tr(K::DeleteScheme)}
            </button>
        </div>
    }
}

/// A starting point for a new scheme: 【department】-【topic】.
fn new_scheme(lang: Lang) -> NamingScheme {
    use crate::core::naming::{Component, DictionarySource};
    let t = |k: K| k.text(lang).to_string();
    NamingScheme {
        id: "scheme".into(),
        name: t(K::NewSchemeName),
        description: String::new(),
        clause: None,
        components: vec![
            Component::Literal { text: "【".into() },
            Component::Dictionary {
                id: "dept".into(),
                label: t(K::Department),
                optional: false,
                source: DictionarySource::Departments,
            },
            Component::Literal {
                text: "】-【".into(),
            },
            Component::Text {
                id: "topic".into(),
                label: t(K::TopicLabel),
                optional: false,
                min_len: 2,
                max_len: 20,
                forbidden_chars: "【】[]-_/\\".into(),
                no_whitespace: true,
            },
            Component::Literal { text: "】".into() },
        ],
        rules: Default::default(),
    }
}

/// `base`, or `base_2`, `base_3`, … whichever is free.
fn fresh_scheme_id(base: &str, taken: &[String]) -> String {
    let base = if base.is_empty() { "scheme" } else { base };
    if !taken.iter().any(|t| t == base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|id| !taken.iter().any(|t| t == id))
        .unwrap_or_default()
}

/// The chosen scheme's authoring mistakes, when it does not compile.
#[component]
fn SchemeProblems() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    move || {
        let lang = store.ui_lang.get();
        let errors = ctx.compiled.with(|c| match c {
            Some(Err(errors)) => errors.clone(),
            _ => Vec::new(),
        });
        (!errors.is_empty()).then(|| {
            let scheme = ctx.scheme.get();
            let items = errors
                .iter()
                .map(|e| {
                    let place = e
                        .component
                        .and_then(|i| scheme.as_ref()?.components.get(i))
                        .map(|c| format!("{}: ", component_name(c, lang)))
                        .unwrap_or_default();
                    view! { <li>{place}{words::scheme_error_text(&e.kind, lang)}</li> }
                })
                .collect_view();
            view! {
                <div class="notice warn" role="status" data-testid="scheme-problems">
                    <p><b>{K::SchemeHasProblems.text(lang)}</b></p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// How a component is named to the user: its label, or the fixed text in quotes.
pub fn component_name(c: &crate::core::naming::Component, lang: Lang) -> String {
    match c {
        crate::core::naming::Component::Literal { text } => {
            format!("{} “{text}”", K::KindLiteral.text(lang))
        }
        other if other.label().is_empty() => other.id().unwrap_or_default().to_string(),
        other => other.label().to_string(),
    }
}

#[component]
fn Tabs() -> impl IntoView {
    let ctx = expect_context::<NamingCtx>();
    let tab = move |which: Tab, label: K, testid: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                data-testid=testid
                aria-selected=move || (ctx.tab.get() == which).to_string()
                on:click=cb(move |_| ctx.tab.set(which))
            >
                {tr(label)}
            </button>
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=tr(K::NavNaming)>
            {tab(Tab::Check, K::TabCheck, "tab-check")}
            {tab(Tab::Edit, K::TabEdit, "tab-edit")}
            {tab(Tab::Audit, K::TabAudit, "tab-audit")}
            {tab(Tab::Inventory, K::TabInventory, "tab-inventory")}
        </div>
    }
}
