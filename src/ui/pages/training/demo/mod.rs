//! Trainer demo mode: a full-screen presentation of the usage code, live naming checks, an
//! approval route animated step by step, and quiz questions revealed one at a time.
//!
//! The slides and where the presenter is are plain data ([`crate::core::demo`]); the
//! components here only wire them to signals, keys and the Fullscreen API.

mod controls;
mod naming;
mod route;
mod screen;
mod slides;

use leptos::prelude::*;

use crate::core::demo::{Deck, Nav, Slide};
use crate::core::Lang;
use crate::ui::app::BasePath;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

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

/// What the parts of demo mode share.
#[derive(Clone, Copy)]
struct DemoCtx {
    /// The slides, rebuilt when the workspace or the chosen quiz changes.
    deck: Memo<Deck>,
    nav: RwSignal<Nav>,
    /// Index of the quiz set presented; `None` for the bank's own questions.
    quiz_set: RwSignal<Option<usize>>,
    /// The name typed on a naming slide (cleared on every new slide).
    name_input: RwSignal<String>,
    /// Whether the page is in full screen now.
    fullscreen: RwSignal<bool>,
}

impl DemoCtx {
    /// Moves the presenter with one of [`Nav`]'s moves.
    fn go(self, f: impl FnOnce(Nav, &Deck) -> Nav) {
        let next = self.deck.with_untracked(|d| f(self.nav.get_untracked(), d));
        self.nav.set(next);
    }
}

#[component]
pub fn DemoPage() -> impl IntoView {
    let store = use_store();
    // `?lang=en` or `?lang=zh` presents in that language (the header is hidden here).
    let query = leptos_router::hooks::use_query_map();
    if let Some(lang) = query
        .with_untracked(|q| q.get("lang"))
        .and_then(|l| Lang::parse(&l))
    {
        store.set_ui_lang(lang);
    }
    let quiz_set = RwSignal::new(
        store
            .bundle
            .with_untracked(|b| (!b.quiz.sets.is_empty()).then_some(0)),
    );
    let deck = Memo::new(move |_| {
        let set = quiz_set.get();
        store.bundle.with(|b| Deck::build(b, set))
    });
    let ctx = DemoCtx {
        deck,
        nav: RwSignal::new(Nav::first()),
        quiz_set,
        name_input: RwSignal::new(String::new()),
        fullscreen: RwSignal::new(screen::is_fullscreen()),
    };
    provide_context(ctx);
    // An edit elsewhere (another tab, undo) may shrink the deck under the presenter.
    Effect::new(move |_| {
        let n = ctx.nav.get_untracked();
        let clamped = deck.with(|d| n.clamp(d));
        if clamped != n {
            ctx.nav.set(clamped);
        }
    });
    let slide_ix = Memo::new(move |_| ctx.nav.get().slide);
    let step = Memo::new(move |_| ctx.nav.get().step);
    // A new slide starts empty and at its top.
    let stage = NodeRef::<leptos::html::Div>::new();
    Effect::watch(
        move || slide_ix.get(),
        move |_, _, _| {
            ctx.name_input.set(String::new());
            if let Some(el) = stage.get_untracked() {
                el.set_scroll_top(0);
            }
        },
        false,
    );
    screen::listen(ctx);

    let current = move || {
        let lang = store.ui_lang.get();
        let i = slide_ix.get();
        deck.with(|d| d.slides.get(i).cloned())
            .map(|s| slide_view(s, step, lang))
    };
    let counter = move || format!("{} / {}", slide_ix.get() + 1, deck.with(Deck::len));
    view! {
        <section class="demo" data-testid="demo" aria-label=tr(K::DmLabel)>
            <controls::TopBar/>
            <div
                class="demo-stage"
                node_ref=stage
                role="group"
                aria-roledescription=move || K::DmSlide.text(store.ui_lang.get())
                aria-label=counter
                data-testid="demo-slide"
                data-slide=move || slide_ix.get() + 1
                data-step=move || step.get()
            >
                {current}
            </div>
            <controls::BottomBar/>
        </section>
    }
}

fn slide_view(slide: Slide, step: Memo<usize>, lang: Lang) -> AnyView {
    match slide {
        Slide::Title(t) => view! { <slides::TitleSlideView slide=t lang=lang/> }.into_any(),
        Slide::Chapter(c) => view! { <slides::ChapterSlideView slide=c lang=lang/> }.into_any(),
        Slide::Naming(n) => view! { <naming::NamingSlideView slide=n lang=lang/> }.into_any(),
        Slide::Route(r) => {
            view! { <route::RouteSlideView slide=*r step=step lang=lang/> }.into_any()
        }
        Slide::Question(q) => {
            view! { <slides::QuestionSlideView slide=*q step=step lang=lang/> }.into_any()
        }
    }
}
