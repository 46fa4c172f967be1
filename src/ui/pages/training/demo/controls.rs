//! The bars around a slide: leaving demo mode, the language, full screen; previous and
//! next, the slide counter, the table of contents and the section shortcuts.

use leptos::prelude::*;

use super::{screen, DemoCtx};
use crate::core::demo::{Deck, Nav, Section, Slide};
use crate::core::Lang;
use crate::ui::app::BasePath;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::use_store;

#[component]
pub fn TopBar() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<DemoCtx>();
    let base = expect_context::<BasePath>();
    let toggle_lang = move |_| {
        store.set_ui_lang(match store.ui_lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        })
    };
    let full_label = move || {
        let k = if ctx.fullscreen.get() {
            K::DmExitFullscreen
        } else {
            K::DmFullscreen
        };
        k.text(store.ui_lang.get())
    };
    let can_full = screen::can_fullscreen();
    view! {
        <header class="demo-bar">
            <a class="demo-exit" href=base.href("/training") data-testid="demo-exit">
                <span aria-hidden="true">"← "</span>
                {tr(K::DmExit)}
            </a>
            <span class="demo-doc">{move || store.bundle.with(|b| b.policy.meta.title.clone())}</span>
            <button
                type="button"
                class="demo-lang"
                data-testid="demo-lang"
                aria-label=tr(K::Language)
                on:click=cb(toggle_lang)
            >
                {tr(K::SwitchLanguage)}
            </button>
            <button
                type="button"
                data-testid="demo-fullscreen"
                aria-pressed=move || ctx.fullscreen.get().to_string()
                prop:disabled=!can_full
                title=move || if can_full { full_label() } else { K::DmNoFullscreen.text(store.ui_lang.get()) }
                on:click=cb(move |_| screen::toggle())
            >
                {full_label}
            </button>
        </header>
    }
}

#[component]
pub fn BottomBar() -> impl IntoView {
    let t = use_t();
    let ctx = expect_context::<DemoCtx>();
    let nav = ctx.nav;
    let at_start = move || {
        let n = nav.get();
        n.slide == 0 && n.step == 0
    };
    let at_end = move || {
        let n = nav.get();
        ctx.deck.with(|d| n.next(d) == n)
    };
    let counter = move || format!("{} / {}", nav.get().slide + 1, ctx.deck.with(Deck::len));
    let typed = move || nav.get().typed.map(|n| format!("{} {n}", t(K::DmTyped)));
    view! {
        <footer class="demo-controls" aria-label=tr(K::DmControls)>
            <button
                type="button"
                class="demo-nav"
                data-testid="demo-prev"
                aria-label=tr(K::DmPrev)
                title=tr(K::DmPrev)
                prop:disabled=at_start
                on:click=cb(move |_| ctx.go(Nav::prev))
            >
                <span aria-hidden="true">"←"</span>
            </button>
            <p class="demo-counter" data-testid="demo-counter" aria-live="polite">
                <span class="visually-hidden">{tr(K::DmSlide)} " "</span>
                {counter}
            </p>
            <button
                type="button"
                class="demo-nav"
                data-testid="demo-next"
                aria-label=tr(K::DmNext)
                title=tr(K::DmNext)
                prop:disabled=at_end
                on:click=cb(move |_| ctx.go(Nav::next))
            >
                <span aria-hidden="true">"→"</span>
            </button>
            <Jump/>
            <Sections/>
            <p class="demo-typed" aria-live="polite">{typed}</p>
            <p class="demo-hint muted">{tr(K::DmKeysHint)}</p>
        </footer>
    }
}

/// The table of contents: every slide by its section and title.
#[component]
fn Jump() -> impl IntoView {
    let t = use_t();
    let ctx = expect_context::<DemoCtx>();
    let options = move || {
        ctx.deck.with(|d| {
            d.slides
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let label = format!("{}. {} · {}", i + 1, t(section_name(s.section())), s.title());
                    view! {
                        <option value=i.to_string() prop:selected={move || ctx.nav.get().slide == i}>
                            {label}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let on_change = move |e: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&e).parse::<usize>() {
            ctx.go(|_, d| Nav::go(d, i));
        }
    };
    view! {
        <label class="demo-jump">
            <span class="visually-hidden">{tr(K::DmGoTo)}</span>
            <select
                data-testid="demo-jump"
                on:change=cb(on_change)
            >
                {options}
            </select>
        </label>
    }
}

/// One button per section the deck has, to its first slide.
#[component]
fn Sections() -> impl IntoView {
    let ctx = expect_context::<DemoCtx>();
    let sections = [
        Section::Policy,
        Section::Naming,
        Section::Routes,
        Section::Quiz,
    ];
    let buttons = move || {
        ctx.deck.with(|d| {
            sections
                .iter()
                .filter_map(|&s| d.section_start(s).map(|i| (s, i)))
                .map(|(s, i)| {
                    let current = move || {
                        ctx.deck
                            .with(|d| d.slides.get(ctx.nav.get().slide).map(Slide::section))
                            == Some(s)
                    };
                    view! {
                        <button
                            type="button"
                            data-testid=format!("demo-section-{}", section_id(s))
                            aria-current=move || current().then_some("true")
                            on:click=cb(move |_| ctx.go(|_, d| Nav::go(d, i)))
                        >
                            {tr(section_name(s))}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    view! { <nav class="demo-sections" aria-label=tr(K::DmGoTo)>{buttons}</nav> }
}

fn section_name(s: Section) -> K {
    match s {
        Section::Title => K::DmSecTitle,
        Section::Policy => K::DmSecPolicy,
        Section::Naming => K::DmSecNaming,
        Section::Routes => K::DmSecRoutes,
        Section::Quiz => K::DmSecQuiz,
    }
}

fn section_id(s: Section) -> &'static str {
    match s {
        Section::Title => "title",
        Section::Policy => "policy",
        Section::Naming => "naming",
        Section::Routes => "routes",
        Section::Quiz => "quiz",
    }
}
