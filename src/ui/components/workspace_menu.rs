//! Workspace actions available everywhere: save to file, open file, reset to the example.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::Lang;
use crate::ui::browser;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::{use_store, SaveState};

#[component]
pub fn WorkspaceMenu() -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let file_input: NodeRef<html::Input> = NodeRef::new();
    let (confirm_reset, set_confirm_reset) = signal(false);

    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = browser::take_chosen_file(&ev) {
            spawn_local(store.open_file(file));
        }
    };
    let status = move || match store.save_state.get() {
        SaveState::Saved => t(K::SavedLocally),
        SaveState::Pending => t(K::Saving),
        SaveState::Failed(_) => "",
    };

    view! {
        <div class="workspace-menu" role="group" aria-label=tr(K::WorkspaceMenu)>
            <span class="save-status" data-testid="save-status">{status}</span>
            <button type="button" data-testid="save-file" on:click=move |_| store.save_file()>
                {tr(K::SaveFile)}
            </button>
            <button
                type="button"
                data-testid="open-file"
                on:click=move |_| {
                    if let Some(input) = file_input.get() {
                        input.click();
                    }
                }
            >
                {tr(K::OpenFile)}
            </button>
            <input
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                data-testid="open-file-input"
                node_ref=file_input
                on:change=on_file
            />
            <button type="button" data-testid="reset" on:click=move |_| set_confirm_reset.set(true)>
                {tr(K::ResetStarter)}
            </button>
            <Show when=move || confirm_reset.get()>
                <ResetDialog on_close=move || set_confirm_reset.set(false)/>
            </Show>
        </div>
    }
}

/// Asks before replacing the workspace, and in which language.
#[component]
fn ResetDialog(on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let (lang, set_lang) = signal(store.ui_lang.get_untracked());
    let confirm = move |_| {
        store.reset(lang.get_untracked());
        on_close();
    };
    let choice = move |value: Lang, key: K| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="reset-lang"
                    value=value.code()
                    prop:checked=move || lang.get() == value
                    on:change=move |_| set_lang.set(value)
                />
                {move || t(key)}
            </label>
        }
    };
    view! {
        <div class="modal-backdrop" on:click=move |_| on_close()>
            <div
                class="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby="reset-title"
                data-testid="reset-dialog"
                on:click=|e| e.stop_propagation()
                on:keydown=move |e| {
                    if e.key() == "Escape" {
                        on_close();
                    }
                }
            >
                <h2 id="reset-title">{tr(K::ResetTitle)}</h2>
                <p>{tr(K::ResetBody)}</p>
                <fieldset>
                    <legend>{tr(K::ResetChooseLang)}</legend>
                    {choice(Lang::Zh, K::LangZh)}
                    {choice(Lang::En, K::LangEn)}
                </fieldset>
                <div class="modal-actions">
                    <button type="button" on:click=move |_| on_close() autofocus=true>
                        {tr(K::Cancel)}
                    </button>
                    <button type="button" class="danger" data-testid="reset-confirm" on:click=confirm>
                        {tr(K::ResetConfirm)}
                    </button>
                </div>
            </div>
        </div>
    }
}
