//! Saved versions of the workspace (issue 5, item 5): save the workspace as a version with
//! its number, effective date and change note; restore or delete a version (both undoable).
//! The list is the revision record (修订记录) the exported policy will show, and the batch
//! tab of the approvals area compares the current rules with any version.

use leptos::prelude::*;

use crate::core::snapshot;
use crate::ui::browser;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

#[component]
pub fn Versions() -> impl IntoView {
    let store = use_store();
    let version = RwSignal::new(String::new());
    let effective = RwSignal::new(
        store
            .bundle
            .with_untracked(|b| b.policy.meta.effective_date.clone()),
    );
    let note = RwSignal::new(String::new());
    let save = move |_| {
        let v = version.get_untracked();
        if v.trim().is_empty() {
            return;
        }
        let (e, n) = (effective.get_untracked(), note.get_untracked());
        let at = browser::now_local_minute();
        store.edit(None, move |b| {
            snapshot::take(b, &v, &e, &n, &at);
        });
        version.set(String::new());
        note.set(String::new());
    };
    let rows = move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            b.snapshots
                .iter()
                .rev()
                .map(|s| {
                    let (id_restore, id_delete) = (s.id.clone(), s.id.clone());
                    let restore = move |_| {
                        let id = id_restore.clone();
                        store.edit(None, move |b| {
                            snapshot::restore(b, &id);
                        });
                    };
                    let delete = move |_| {
                        let id = id_delete.clone();
                        store.edit(None, move |b| b.snapshots.retain(|s| s.id != id));
                    };
                    view! {
                        <tr data-testid=format!("version-{}", s.id)>
                            <td><strong>{s.version.clone()}</strong></td>
                            <td>{s.effective_date.clone()}</td>
                            <td>{s.note.clone()}</td>
                            <td class="muted small">{s.saved_at.replace('T', " ")}</td>
                            <td class="fixture-actions">
                                <button type="button" data-testid="version-restore" on:click=cb(restore)>{K::VersionRestore.text(lang)}</button>
                                <button type="button" class="danger" data-testid="version-delete" on:click=cb(delete)>{K::FixtureDelete.text(lang)}</button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || store.bundle.with(|b| b.snapshots.is_empty());
    view! {
        <h2>{tr(K::Versions)}</h2>
        <p>{tr(K::VersionsIntro)}</p>
        <div class="inline-form">
            <label class="field">
                <span>{tr(K::VersionNumber)}</span>
                <input data-testid="version-number" placeholder="V1.1" prop:value=version on:input=cb(move |ev| version.set(event_target_value(&ev)))/>
            </label>
            <label class="field">
                <span>{tr(K::VersionEffective)}</span>
                <input type="date" data-testid="version-effective" prop:value=effective on:input=cb(move |ev| effective.set(event_target_value(&ev)))/>
            </label>
            <label class="field">
                <span>{tr(K::VersionNote)}</span>
                <input data-testid="version-note" prop:value=note on:input=cb(move |ev| note.set(event_target_value(&ev)))/>
            </label>
            <button type="button" data-testid="version-save" prop:disabled=move || version.with(|v| v.trim().is_empty()) on:click=cb(save)>
                {tr(K::VersionSave)}
            </button>
        </div>
        <Show when=move || !empty() fallback=|| view! { <p class="muted" data-testid="versions-none">{tr(K::VersionsNone)}</p> }>
            <div class="table-wrap">
                <table data-testid="versions">
                    <thead>
                        <tr>
                            <th scope="col">{tr(K::VersionNumber)}</th>
                            <th scope="col">{tr(K::VersionEffective)}</th>
                            <th scope="col">{tr(K::VersionNote)}</th>
                            <th scope="col">{tr(K::VersionSavedAt)}</th>
                            <th scope="col"></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}
