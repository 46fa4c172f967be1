//! Share links: the workspace packed into the address's fragment, which browsers never send
//! to a server. Opening one is handled by `components::share_prompt`.

use leptos::prelude::*;

use crate::core::export::share::{self, EncodeError};
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::use_store;

#[component]
pub fn ShareLink() -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let link = RwSignal::new(None::<Result<String, EncodeError>>);
    let copied = RwSignal::new(None::<bool>);
    // A link made earlier no longer matches the workspace once it changes.
    Effect::watch(
        move || store.bundle.track(),
        move |_, _, _| {
            link.set(None);
            copied.set(None);
        },
        false,
    );
    let create = move |_| {
        let made = store
            .bundle
            .with_untracked(share::encode)
            .map(|fragment| browser::app_url_with_fragment(&fragment));
        link.set(Some(made));
        copied.set(None);
    };
    let copy = move |_| {
        let Some(Ok(url)) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&url).await.is_ok()));
        });
    };
    let body = move || {
        link.get().map(|made| match made {
            Ok(url) => {
                let chars = url.chars().count();
                view! {
                    <div class="share-result">
                        <input type="text" readonly=true class="share-url" data-testid="share-url" prop:value=url.clone()
                            aria-label=move || t(K::ShareLinkLabel)
                            on:focus=cb(|ev: web_sys::FocusEvent| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            })/>
                        <button type="button" data-testid="share-copy" on:click=copy>{tr(K::CopyLink)}</button>
                        <p class="muted small">{move || format!("{} {chars}", t(K::ShareLinkChars))}</p>
                        {move || copied.get().map(|ok| view! {
                            <p role="status" data-testid="share-copied">{t(if ok { K::LinkCopied } else { K::CopyFailed })}</p>
                        })}
                    </div>
                }
                .into_any()
            }
            Err(EncodeError::TooLong { chars, max }) => view! {
                <p class="notice warn" role="alert" data-testid="share-too-large">
                    {move || format!("{} ({chars} / {max})", t(K::ShareTooLarge))}
                </p>
            }
            .into_any(),
        })
    };
    view! {
        <h2>{tr(K::ShareTitle)}</h2>
        <p>{tr(K::ShareIntro)}</p>
        <p class="actions">
            <button type="button" data-testid="share-create" on:click=create>{tr(K::CreateShareLink)}</button>
        </p>
        {body}
    }
}
