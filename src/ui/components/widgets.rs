//! Small building blocks shared across the interface.
//!
//! Event handlers go through [`cb`], which boxes them: Leptos compiles its event-binding
//! code once per handler type, and every closure is its own type, so boxing turns dozens of
//! copies into one.

use leptos::prelude::*;

use crate::ui::i18n::{tr, K};

/// Boxes an event handler so all handlers of an event share one compiled binding.
pub fn cb<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// A small button showing a glyph, labelled for screen readers and tooltips.
pub fn icon_button(
    label: K,
    glyph: &'static str,
    danger: bool,
    on_click: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> AnyView {
    view! {
        <button
            type="button"
            class:danger=danger
            title=tr(label)
            aria-label=tr(label)
            on:click=cb(on_click)
        >
            {glyph}
        </button>
    }
    .into_any()
}
