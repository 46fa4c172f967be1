//! Documents made from the workspace: Word, standalone HTML, Markdown and print, in
//! either language, with the sections the user picks, and a live preview of exactly what
//! will be written. Every format comes from `core::export`, which builds the document once.

use leptos::prelude::*;

use crate::core::export::{self, html, markdown, Format, Sections};
use crate::core::Lang;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::use_store;

/// The preview frame; printing prints its document.
const PREVIEW_ID: &str = "export-preview";

/// The sections a user can switch, in the order shown.
const SECTION_CHOICES: [(&str, K); 7] = [
    ("revisions", K::SecRevisions),
    ("policy", K::SecPolicy),
    ("naming", K::SecNaming),
    ("approvals", K::SecApprovals),
    ("roles", K::SecRoles),
    ("answer-key", K::SecAnswerKey),
    ("sign-off", K::SecSignOff),
];

/// What happened after the last button press.
#[derive(Clone, Copy, PartialEq)]
enum Status {
    Idle,
    Downloaded,
    Copied,
    CopyFailed,
    Failed,
}

#[component]
pub fn Documents() -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let lang = RwSignal::new(store.bundle.with_untracked(|b| b.settings.lang));
    let sections = RwSignal::new(Sections::FULL);
    let status = RwSignal::new(Status::Idle);
    // The copy that failed, shown for copying by hand.
    let manual_copy = RwSignal::new(None::<String>);
    let document = Memo::new(move |_| {
        let (l, s) = (lang.get(), sections.get());
        store.bundle.with(|b| export::document(b, l, s))
    });
    let preview = Memo::new(move |_| document.with(html::write));
    let download = move |format: Format| {
        let l = lang.get_untracked();
        let (name, bytes) = store.bundle.with_untracked(|b| {
            (
                export::file_name(b, format, l),
                export::export(b, format, l, sections.get_untracked()),
            )
        });
        let ok = browser::download_bytes(&name, format.mime(), &bytes).is_ok();
        status.set(if ok {
            Status::Downloaded
        } else {
            Status::Failed
        });
    };
    let copy_markdown = move |_| {
        let text = document.with_untracked(markdown::write);
        leptos::task::spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => {
                    manual_copy.set(None);
                    status.set(Status::Copied);
                }
                Err(_) => {
                    manual_copy.set(Some(text));
                    status.set(Status::CopyFailed);
                }
            }
        });
    };
    let print = move |_| {
        if browser::print_frame(PREVIEW_ID).is_err() {
            status.set(Status::Failed);
        }
    };
    let toggles = SECTION_CHOICES
        .into_iter()
        .map(|(name, key)| {
            let checked = move || {
                let mut s = sections.get();
                s.get_mut(name).is_some_and(|on| *on)
            };
            let flip = move |ev: web_sys::Event| {
                let on = event_target_checked(&ev);
                sections.update(|s| {
                    if let Some(v) = s.get_mut(name) {
                        *v = on;
                    }
                });
            };
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("section-{name}") prop:checked=checked on:change=cb(flip)/>
                    {tr(key)}
                </label>
            }
        })
        .collect_view();
    let status_text = move || match status.get() {
        Status::Idle => String::new(),
        Status::Downloaded => t(K::DocDownloaded).to_string(),
        Status::Copied => t(K::MarkdownCopied).to_string(),
        Status::CopyFailed => t(K::CopyFailed).to_string(),
        Status::Failed => t(K::DocFailed).to_string(),
    };
    let set_lang = move |ev: web_sys::Event| {
        if let Some(l) = Lang::parse(&event_target_value(&ev)) {
            lang.set(l);
        }
    };
    view! {
        <h2>{tr(K::DocumentsTitle)}</h2>
        <p>{tr(K::DocumentsIntro)}</p>
        <div class="doc-options">
            <label class="field">
                <span>{tr(K::DocLanguage)}</span>
                <select data-testid="doc-lang" on:change=cb(set_lang) prop:value=move || lang.get().code()>
                    <option value="zh">{tr(K::LangZh)}</option>
                    <option value="en">{tr(K::LangEn)}</option>
                </select>
            </label>
            <fieldset class="doc-sections">
                <legend>{tr(K::DocSections)}</legend>
                {toggles}
            </fieldset>
        </div>
        <p class="actions doc-actions">
            <button type="button" data-testid="export-docx" on:click=move |_| download(Format::Docx)>{tr(K::DownloadDocx)}</button>
            <button type="button" data-testid="export-html" on:click=move |_| download(Format::Html)>{tr(K::DownloadHtml)}</button>
            <button type="button" data-testid="export-md" on:click=move |_| download(Format::Markdown)>{tr(K::DownloadMd)}</button>
            <button type="button" data-testid="export-print" on:click=print>{tr(K::PrintPdf)}</button>
            <button type="button" data-testid="copy-markdown" on:click=copy_markdown>{tr(K::CopyMarkdown)}</button>
        </p>
        <p class="muted" role="status" data-testid="export-status">{status_text}</p>
        {move || manual_copy.get().map(|text| view! {
            <textarea class="manual-copy" readonly=true rows="6" data-testid="manual-copy" aria-label=move || t(K::CopyFailed)>{text}</textarea>
        })}
        <details class="doc-preview" open=true>
            <summary>{tr(K::DocPreview)}</summary>
            // No scripts may run in the preview: the sandbox forbids them (the document has
            // none, and its own policy forbids them too); same origin lets us print it.
            <iframe id=PREVIEW_ID data-testid="export-preview" title=move || t(K::DocPreview)
                sandbox="allow-same-origin allow-modals" srcdoc=move || preview.get()></iframe>
        </details>
    }
}
