//! The browser side of demo mode: the Fullscreen API and the presenter's keys.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::DemoCtx;
use crate::core::demo::KeyOutcome;

/// Whether the page is shown in full screen now.
pub fn is_fullscreen() -> bool {
    document().fullscreen_element().is_some()
}

/// Whether this browser lets the page go full screen.
pub fn can_fullscreen() -> bool {
    document().fullscreen_enabled()
}

/// Enters full screen (the whole page, so notices still show) or leaves it.
pub fn toggle() {
    let doc = document();
    let promise = if doc.fullscreen_element().is_some() {
        call(&doc, "exitFullscreen")
    } else {
        doc.document_element()
            .and_then(|el| call(&el, "requestFullscreen"))
    };
    // The browser may refuse (no user gesture, a frame without permission); awaiting the
    // promise keeps a refusal from surfacing as an unhandled rejection. The button's state
    // follows the `fullscreenchange` event, not this call.
    if let Some(p) = promise {
        leptos::task::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// Scrolls the element with this id into view when the browser has drawn it, by the least
/// movement; smoothly unless the reader asked for less motion (the stage's CSS
/// `scroll-behavior` decides).
pub fn reveal_into_view(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_behavior(web_sys::ScrollBehavior::Auto);
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

/// Leaves full screen when demo mode closes while in it.
fn leave() {
    if is_fullscreen() {
        toggle();
    }
}

/// Calls a method that returns a promise (web-sys declares these as returning nothing).
fn call(target: &JsValue, method: &str) -> Option<js_sys::Promise> {
    let f = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    f.call0(target).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Listens for the presenter's keys and for full screen starting or ending, while demo
/// mode is open.
pub fn listen(ctx: DemoCtx) {
    let keys = window_event_listener(ev::keydown, move |e| on_key(ctx, &e));
    let change = window_event_listener_untyped("fullscreenchange", move |_| {
        ctx.fullscreen.set(is_fullscreen());
    });
    on_cleanup(move || {
        keys.remove();
        change.remove();
        leave();
    });
}

fn on_key(ctx: DemoCtx, e: &web_sys::KeyboardEvent) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return;
    }
    let key = e.key();
    if let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let tag = el.tag_name().to_ascii_uppercase();
        // Typing goes to the field; Esc hands the keys back to the presentation.
        if matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable() {
            if key == "Escape" {
                let _ = el.blur();
            }
            return;
        }
        // Space and Enter press the focused button or follow the focused link.
        if matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY")
            && matches!(key.as_str(), " " | "Enter")
        {
            return;
        }
    }
    let outcome = ctx
        .deck
        .with_untracked(|d| ctx.nav.get_untracked().key(d, &key));
    match outcome {
        KeyOutcome::Moved(n) => {
            e.prevent_default();
            ctx.nav.set(n);
        }
        KeyOutcome::Fullscreen => {
            e.prevent_default();
            toggle();
        }
        KeyOutcome::Ignored => {}
    }
}
