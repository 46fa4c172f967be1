//! The usage-code editor: document information, chapters and clauses with automatic
//! numbering, a live preview, an outline, search, and undo/redo.
//!
//! Typing stays fluid in large documents because nothing re-renders wholesale: editor rows
//! are keyed by clause id and only update their own value, and preview rows are keyed by
//! their content, so a keystroke re-renders the Markdown of one clause only.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::core::policy::{article_label, chapter_label, DocBlock, Move, Policy, PolicyMeta};
use crate::core::Lang;
use crate::ui::components::widgets::{cb, icon_button};
use crate::ui::i18n::{tr, use_t, K};
use crate::ui::state::{use_store, Notice, Store};
use crate::ui::{browser, rendering};

/// Where every chapter and clause is, recomputed once per edit and shared by all rows.
#[derive(Debug, Clone, PartialEq, Default)]
struct Positions {
    /// Chapter id → (index, chapter number).
    chapters: HashMap<String, usize>,
    /// Clause id → (chapter index, clause index, article number).
    clauses: HashMap<String, (usize, usize, usize)>,
}

impl Positions {
    fn of(policy: &Policy) -> Positions {
        let mut p = Positions::default();
        let mut article = 0;
        for (ci, ch) in policy.chapters.iter().enumerate() {
            p.chapters.insert(ch.id.clone(), ci);
            for (k, c) in ch.clauses.iter().enumerate() {
                article += 1;
                p.clauses.insert(c.id.clone(), (ci, k, article));
            }
        }
        p
    }
}

/// Shared lookups for the rows of the editor and preview.
#[derive(Clone, Copy)]
struct PolicyCtx {
    positions: Memo<Positions>,
    /// The numbered document, as the preview and the outline show it.
    blocks: Memo<Vec<DocBlock>>,
    /// The document's language, which the numbering follows.
    doc_lang: Memo<Lang>,
    /// Ids of the clauses matching the search.
    hits: Memo<HashSet<String>>,
}

impl PolicyCtx {
    /// A memo of one field of one clause; notifies only when that value changes.
    fn clause_field(
        self,
        store: Store,
        id: String,
        field: fn(&crate::core::policy::Clause) -> &String,
    ) -> Memo<String> {
        Memo::new(move |_| {
            let at = self.positions.with(|p| p.clauses.get(&id).copied());
            at.and_then(|(ci, k, _)| {
                store.bundle.with(|b| {
                    b.policy
                        .chapters
                        .get(ci)?
                        .clauses
                        .get(k)
                        .filter(|c| c.id == id)
                        .map(|c| field(c).clone())
                })
            })
            .unwrap_or_default()
        })
    }
}

/// Which pane a narrow screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Edit,
    Preview,
}

#[component]
pub fn PolicyPage() -> impl IntoView {
    let store = use_store();
    let (query, set_query) = signal(String::new());
    let search = Memo::new(move |_| {
        let q = query.get();
        store.bundle.with(|b| b.policy.search(&q))
    });
    let ctx = PolicyCtx {
        positions: Memo::new(move |_| store.bundle.with(|b| Positions::of(&b.policy))),
        blocks: Memo::new(move |_| store.bundle.with(|b| b.policy.blocks(b.settings.lang))),
        doc_lang: Memo::new(move |_| store.bundle.with(|b| b.settings.lang)),
        hits: Memo::new(move |_| search.with(|s| s.iter().map(|h| h.clause_id.clone()).collect())),
    };
    provide_context(ctx);
    let (pane, set_pane) = signal(Pane::Edit);
    let counts = Memo::new(move |_| {
        store
            .bundle
            .with(|b| (b.policy.chapters.len(), b.policy.clause_count()))
    });

    view! {
        <div class="policy-page" class:pane-preview=move || pane.get() == Pane::Preview>
            <div class="policy-toolbar">
                <span class="counts">
                    {move || counts.get().0} " " {tr(K::ChapterCount)} " · "
                    {move || counts.get().1} " " {tr(K::ClauseCount)}
                </span>
                <div class="pane-switch" role="group">
                    <button
                        type="button"
                        aria-pressed=move || (pane.get() == Pane::Edit).to_string()
                        on:click=cb(move |_| set_pane.set(Pane::Edit))
                    >
                        {tr(K::ShowEditor)}
                    </button>
                    <button
                        type="button"
                        data-testid="show-preview"
                        aria-pressed=move || (pane.get() == Pane::Preview).to_string()
                        on:click=cb(move |_| set_pane.set(Pane::Preview))
                    >
                        {tr(K::ShowPreview)}
                    </button>
                </div>
            </div>
            <aside class="policy-side">
                <SearchBox query set_query search/>
                <Outline/>
            </aside>
            // Whoever takes the editor is about to change a clause: fetch the renderer now.
            <section
                class="policy-editor"
                aria-label=tr(K::PolicyEditor)
                data-testid="editor"
                on:focusin=move |_| rendering::preload()
            >
                <MetaEditor/>
                <ChaptersEditor/>
            </section>
            <section class="policy-preview" aria-label=tr(K::PolicyPreview) data-testid="preview">
                <Preview/>
            </section>
        </div>
    }
}

/// Scrolls editor and preview to a chapter or clause.
fn jump_to(id: &str) {
    browser::scroll_to(&format!("edit-{id}"));
    browser::scroll_to(&format!("view-{id}"));
}

#[component]
fn SearchBox(
    query: ReadSignal<String>,
    set_query: WriteSignal<String>,
    search: Memo<Vec<crate::core::policy::SearchHit>>,
) -> impl IntoView {
    let t = use_t();
    let ctx = expect_context::<PolicyCtx>();
    view! {
        <div class="search" role="search">
            <label for="policy-search">{tr(K::Search)}</label>
            <input
                id="policy-search"
                type="search"
                data-testid="search"
                placeholder=tr(K::SearchPlaceholder)
                prop:value=query
                on:input=cb(move |e: leptos::ev::Event| set_query.set(event_target_value(&e)))
            />
            <Show when=move || !query.get().trim().is_empty()>
                <p class="search-count" data-testid="search-count" aria-live="polite">
                    {move || {
                        let n = search.with(Vec::len);
                        if n == 0 { t(K::SearchNone).to_string() } else { format!("{n} {}", t(K::SearchCount)) }
                    }}
                </p>
                <ul class="search-results">
                    {move || {
                        let lang = ctx.doc_lang.get();
                        search
                            .get()
                            .into_iter()
                            .map(|hit| {
                                let id = hit.clause_id.clone();
                                view! {
                                    <li>
                                        <button type="button" class="link-button" on:click=cb(move |_| jump_to(&id))>
                                            <b>{article_label(lang, hit.article_number)}</b>
                                            " " {hit.snippet}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
    }
}

/// A line of the outline: a block without its body, so editing text does not touch it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct OutlineLine {
    id: String,
    label: String,
    title: String,
    is_chapter: bool,
}

#[component]
fn Outline() -> impl IntoView {
    let ctx = expect_context::<PolicyCtx>();
    let lines = Memo::new(move |_| {
        ctx.blocks.with(|blocks| {
            blocks
                .iter()
                .map(|b| match b {
                    DocBlock::Chapter { id, label, title } => OutlineLine {
                        id: id.clone(),
                        label: label.clone(),
                        title: title.clone(),
                        is_chapter: true,
                    },
                    DocBlock::Clause {
                        id, label, title, ..
                    } => OutlineLine {
                        id: id.clone(),
                        label: label.clone(),
                        title: title.clone(),
                        is_chapter: false,
                    },
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <nav class="outline" aria-label=tr(K::Outline)>
            // On a phone the outline starts folded so the clauses come first.
            <details open=browser::is_wide_screen()>
                <summary>{tr(K::Outline)}</summary>
                <ul data-testid="outline">
                    <For
                        each=move || lines.get()
                        key=|line| line.clone()
                        children=move |line| {
                            let id = line.id.clone();
                            view! {
                                <li class:outline-chapter=line.is_chapter>
                                    <button type="button" class="link-button" on:click=cb(move |_| jump_to(&id))>
                                        <span class="num">{line.label}</span>
                                        " "
                                        {line.title}
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </details>
        </nav>
    }
}

/// A labelled text input bound to one metadata field.
fn meta_input(
    store: Store,
    key: &'static str,
    label: K,
    kind: &'static str,
    get: fn(&PolicyMeta) -> &String,
    set: fn(&mut PolicyMeta, String),
) -> impl IntoView {
    let t = use_t();
    let value = Memo::new(move |_| store.bundle.with(|b| get(&b.policy.meta).clone()));
    let id = format!("meta-{key}");
    view! {
        <div class="field">
            <label for=id.clone()>{move || t(label)}</label>
            <input
                id=id
                type=kind
                data-testid=format!("meta-{key}")
                prop:value=value
                on:input=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    store.edit(Some(key), move |b| set(&mut b.policy.meta, v));
                })
            />
        </div>
    }
}

#[component]
fn MetaEditor() -> impl IntoView {
    let store = use_store();
    view! {
        <details class="meta-editor" data-testid="meta-editor">
            <summary>{tr(K::DocInfo)}</summary>
            <div class="meta-grid">
                {meta_input(store, "title", K::MetaTitle, "text", |m| &m.title, |m, v| m.title = v)}
                {meta_input(store, "doc_code", K::MetaDocCode, "text", |m| &m.doc_code, |m, v| m.doc_code = v)}
                {meta_input(store, "version", K::MetaVersion, "text", |m| &m.version, |m, v| m.version = v)}
                {meta_input(store, "effective_date", K::MetaEffective, "date", |m| &m.effective_date, |m, v| m.effective_date = v)}
                {meta_input(store, "drafter", K::MetaDrafter, "text", |m| &m.drafter, |m, v| m.drafter = v)}
                {meta_input(store, "reviewer", K::MetaReviewer, "text", |m| &m.reviewer, |m, v| m.reviewer = v)}
                {meta_input(store, "approver", K::MetaApprover, "text", |m| &m.approver, |m, v| m.approver = v)}
                {meta_input(store, "distribution", K::MetaDistribution, "text", |m| &m.distribution, |m, v| m.distribution = v)}
            </div>
        </details>
    }
}

#[component]
fn ChaptersEditor() -> impl IntoView {
    let store = use_store();
    let t = use_t();
    let chapter_ids = Memo::new(move |_| {
        store.bundle.with(|b| {
            b.policy
                .chapters
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add_chapter = move |_| {
        let title = t(K::NewChapter).to_string();
        let mut new_id = String::new();
        store.edit(None, |b| new_id = b.policy.add_chapter(None, &title));
        request_animation_frame(move || {
            browser::scroll_to(&format!("edit-{new_id}"));
            browser::focus(&format!("title-{new_id}"));
        });
    };
    view! {
        <For
            each=move || chapter_ids.get()
            key=|id| id.clone()
            children=move |id| view! { <ChapterEditor id/> }
        />
        <button type="button" class="add-chapter" data-testid="add-chapter" on:click=cb(add_chapter)>
            "+ " {tr(K::AddChapter)}
        </button>
    }
}

#[component]
fn ChapterEditor(id: String) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<PolicyCtx>();
    let number = {
        let id = id.clone();
        Memo::new(move |_| {
            ctx.positions
                .with(|p| p.chapters.get(&id).map_or(0, |i| i + 1))
        })
    };
    let title = {
        let id = id.clone();
        Memo::new(move |_| {
            store.bundle.with(|b| {
                b.policy
                    .chapters
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.title.clone())
                    .unwrap_or_default()
            })
        })
    };
    let clause_ids = {
        let id = id.clone();
        Memo::new(move |_| {
            store.bundle.with(|b| {
                b.policy
                    .chapters
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.clauses.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    };
    let key = format!("chapter-title:{id}");
    let on_title = {
        let id = id.clone();
        move |e: leptos::ev::Event| {
            let v = event_target_value(&e);
            let id = id.clone();
            store.edit(Some(&key), move |b| {
                if let Some(i) = b.policy.chapter_index(&id) {
                    b.policy.chapters[i].title = v;
                }
            });
        }
    };
    let mover = |dir: Move, id: String| {
        move |_| {
            store.edit(None, |b| {
                b.policy.move_chapter(&id, dir);
            })
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            store.edit(None, |b| {
                b.policy.delete_chapter(&id);
            });
            store.notice.set(Some(Notice::Deleted));
        }
    };
    let add_clause = {
        let id = id.clone();
        move |_| add_clause_after(store, &id, None)
    };
    let title_id = format!("title-{id}");
    let heading_id = format!("heading-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="chapter-edit" id=format!("edit-{id}") aria-labelledby=labelled_by data-testid="chapter-edit">
            <header class="chapter-head">
                <span class="num" id=heading_id>{move || chapter_label(ctx.doc_lang.get(), number.get())}</span>
                <label class="visually-hidden" for=title_id.clone()>{tr(K::ChapterTitle)}</label>
                <input
                    id=title_id
                    class="chapter-title"
                    type="text"
                    prop:value=title
                    on:input=cb(on_title)
                />
                <div class="row-actions">
                    {icon_button(K::MoveUp, "↑", false, mover(Move::Up, id.clone()))}
                    {icon_button(K::MoveDown, "↓", false, mover(Move::Down, id.clone()))}
                    {icon_button(K::DeleteChapter, "✕", true, delete)}
                </div>
            </header>
            <Show when=move || clause_ids.with(Vec::is_empty)>
                <p class="muted">{tr(K::EmptyChapter)}</p>
            </Show>
            <For
                each=move || clause_ids.get()
                key=|id| id.clone()
                children=move |id| view! { <ClauseEditor id/> }
            />
            <button type="button" class="add-clause" data-testid="add-clause" on:click=cb(add_clause)>
                "+ " {tr(K::AddClause)}
            </button>
        </section>
    }
}

/// Adds a clause to a chapter (after `after`, or at the end) and puts the cursor in it.
fn add_clause_after(store: Store, chapter_id: &str, after: Option<&str>) {
    let mut new_id = None;
    store.edit(None, |b| new_id = b.policy.add_clause(chapter_id, after));
    if let Some(id) = new_id {
        request_animation_frame(move || {
            browser::scroll_to(&format!("edit-{id}"));
            browser::focus(&format!("body-{id}"));
        });
    }
}

#[component]
fn ClauseEditor(id: String) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<PolicyCtx>();
    let title = ctx.clause_field(store, id.clone(), |c| &c.title);
    let body = ctx.clause_field(store, id.clone(), |c| &c.body);
    let article = {
        let id = id.clone();
        Memo::new(move |_| {
            ctx.positions
                .with(|p| p.clauses.get(&id).map_or(0, |c| c.2))
        })
    };
    let edit_field = |key: String, id: String, title: bool| {
        move |e: leptos::ev::Event| {
            let v = event_target_value(&e);
            let id = id.clone();
            store.edit(Some(&key), move |b| {
                if let Some(c) = b.policy.clause_mut(&id) {
                    if title {
                        c.title = v;
                    } else {
                        c.body = v;
                    }
                }
            });
        }
    };
    let mover = |dir: Move, id: String| {
        move |_| {
            store.edit(None, |b| {
                b.policy.move_clause(&id, dir);
            })
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            store.edit(None, |b| {
                b.policy.delete_clause(&id);
            });
            store.notice.set(Some(Notice::Deleted));
        }
    };
    let add_below = {
        let id = id.clone();
        move |_| {
            let chapter = store.bundle.with_untracked(|b| {
                b.policy
                    .find_clause(&id)
                    .map(|p| b.policy.chapters[p.chapter].id.clone())
            });
            if let Some(chapter) = chapter {
                add_clause_after(store, &chapter, Some(&id));
            }
        }
    };
    let body_id = format!("body-{id}");
    let title_id = format!("ctitle-{id}");
    let is_hit = {
        let id = id.clone();
        move || ctx.hits.with(|h| h.contains(&id))
    };
    view! {
        <article class="clause-edit" class:match=is_hit id=format!("edit-{id}") data-testid="clause-edit" data-clause-id=id.clone()>
            <div class="clause-head">
                <span class="num">{move || article_label(ctx.doc_lang.get(), article.get())}</span>
                <label class="visually-hidden" for=title_id.clone()>{tr(K::ClauseTitle)}</label>
                <input
                    id=title_id
                    class="clause-title"
                    type="text"
                    placeholder=tr(K::ClauseTitle)
                    prop:value=title
                    on:input=cb(edit_field(format!("clause-title:{id}"), id.clone(), true))
                />
                <div class="row-actions">
                    {icon_button(K::MoveUp, "↑", false, mover(Move::Up, id.clone()))}
                    {icon_button(K::MoveDown, "↓", false, mover(Move::Down, id.clone()))}
                    {icon_button(K::AddClauseBelow, "+", false, add_below)}
                    {icon_button(K::DeleteClause, "✕", true, delete)}
                </div>
            </div>
            <label class="visually-hidden" for=body_id.clone()>{tr(K::ClauseBody)}</label>
            <textarea
                id=body_id
                class="clause-body"
                data-testid="clause-body"
                rows="4"
                spellcheck="false"
                prop:value=body
                on:input=cb(edit_field(format!("clause-body:{id}"), id.clone(), false))
            ></textarea>
            <p class="clause-id" title=tr(K::ClauseId)><code>{id.clone()}</code></p>
        </article>
    }
}

#[component]
fn Preview() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<PolicyCtx>();
    let t = use_t();
    let meta = Memo::new(move |_| store.bundle.with(|b| b.policy.meta.clone()));
    let meta_row = move |key: K, get: fn(&PolicyMeta) -> String| {
        view! {
            <div class="cover-row">
                <dt>{move || t(key)}</dt>
                <dd>{move || meta.with(get)}</dd>
            </div>
        }
    };
    let renderer_failed = move || {
        rendering::failed().then(|| {
            view! {
                <p class="notice warn" role="alert" data-testid="preview-renderer-unavailable">
                    {tr(K::PreviewRendererUnavailable)} " "
                    <button
                        type="button"
                        data-testid="preview-renderer-retry"
                        on:click=move |_| rendering::retry()
                    >
                        {tr(K::AreaRetry)}
                    </button>
                </p>
            }
        })
    };
    view! {
        {renderer_failed}
        <article class="doc">
            <header class="doc-cover">
                <h1 class="doc-title" data-testid="doc-title">{move || meta.with(|m| m.title.clone())}</h1>
                <dl class="cover-grid">
                    {meta_row(K::MetaDocCode, |m| m.doc_code.clone())}
                    {meta_row(K::MetaVersion, |m| m.version.clone())}
                    {meta_row(K::MetaEffective, |m| m.effective_date.clone())}
                    {meta_row(K::MetaDrafter, |m| m.drafter.clone())}
                    {meta_row(K::MetaReviewer, |m| m.reviewer.clone())}
                    {meta_row(K::MetaApprover, |m| m.approver.clone())}
                    {meta_row(K::MetaDistribution, |m| m.distribution.clone())}
                </dl>
            </header>
            // Keyed by the whole block, so a keystroke re-renders only the clause it changed.
            <For
                each=move || ctx.blocks.get()
                key=|block| block.clone()
                children=move |block| render_block(ctx, block)
            />
        </article>
    }
}

fn render_block(ctx: PolicyCtx, block: DocBlock) -> AnyView {
    match block {
        DocBlock::Chapter { id, label, title } => view! {
            <h2 class="doc-chapter" id=format!("view-{id}")>
                <span class="num">{label}</span> " " {title}
            </h2>
        }
        .into_any(),
        DocBlock::Clause {
            id,
            label,
            title,
            body,
        } => {
            let hit_id = id.clone();
            // The starter's rendering, or the renderer's once it is in; plain text meanwhile.
            let body_view = move || match rendering::html(&body) {
                Some(html) => view! { <div class="md" inner_html=html></div> }.into_any(),
                None => view! {
                    <div class="md md-pending" data-testid="md-pending"><p>{body.clone()}</p></div>
                }
                .into_any(),
            };
            view! {
                <section
                    class="doc-clause"
                    class:match=move || ctx.hits.with(|h| h.contains(&hit_id))
                    id=format!("view-{id}")
                    data-clause-id=id
                >
                    <h3 class="doc-clause-head">
                        <span class="num">{label}</span>
                        {(!title.is_empty()).then(|| view! { " " <span class="clause-name">{title}</span> })}
                    </h3>
                    {body_view}
                </section>
            }
            .into_any()
        }
    }
}
