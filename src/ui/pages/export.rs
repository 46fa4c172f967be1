//! The export area: documents (Word, HTML, Markdown, print), share links, the workspace
//! file, what it holds, its saved versions and where the data lives.

mod documents;
mod share;

use leptos::prelude::*;

use crate::core::Lang;
use crate::ui::components::table::key_value_table;
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::{use_store, SaveState};

#[component]
pub fn ExportPage() -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let rows = move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| {
            let doc_lang = match b.settings.lang {
                Lang::Zh => K::LangZh.text(lang),
                Lang::En => K::LangEn.text(lang),
            };
            let items = [
                (K::SchemaVersion, b.schema_version.to_string()),
                (K::DocLanguage, doc_lang.to_string()),
                (K::Chapters, b.policy.chapters.len().to_string()),
                (K::Clauses, b.policy.clause_count().to_string()),
                (K::NamingSchemes, b.naming.len().to_string()),
                (K::Departments, b.org.departments.len().to_string()),
                (K::PeopleCount, b.org.people.len().to_string()),
                (K::TemplatesCount, b.approvals.templates.len().to_string()),
                (K::FixturesCount, b.fixtures.len().to_string()),
                (K::QuestionsCount, b.quiz.questions.len().to_string()),
            ];
            key_value_table(
                "workspace-summary",
                items
                    .into_iter()
                    .map(|(k, v)| (k.text(lang).to_string(), v))
                    .collect(),
            )
        })
    };
    let storage = move || match store.save_state.get() {
        SaveState::Saved => t(K::SavedLocally),
        SaveState::Pending => t(K::Saving),
        SaveState::Failed(crate::ui::browser::StorageError::Full) => t(K::StorageFull),
        SaveState::Failed(_) => t(K::StorageUnavailable),
    };
    view! {
        <section class="page narrow">
            <h1>{tr(K::NavExport)}</h1>
            <documents::Documents/>
            <share::ShareLink/>
            <h2>{tr(K::WorkspaceFile)}</h2>
            <p>{tr(K::ExportIntro)}</p>
            <p class="actions">
                <button type="button" on:click=move |_| store.save_file()>{tr(K::SaveFile)}</button>
            </p>
            <h2>{tr(K::WorkspaceContents)}</h2>
            {rows}
            <super::versions::Versions/>
            <h2>{tr(K::StorageStatus)}</h2>
            <p>{storage}</p>
            <p class="muted">{tr(K::PrivacyNote)}</p>
        </section>
    }
}
