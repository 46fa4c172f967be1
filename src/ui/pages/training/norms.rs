//! Rule facts (规范数据): the usage code's numbers, channels, secrecy levels and permission
//! levels as data (`core::norms`), from which the numbers, channels and documents questions
//! are computed. Each fact names the clause that states it; the consistency notes say when
//! a number does not appear in its clause or a text is listed twice.
//!
//! Every change is one undoable edit of the workspace, and the generated questions follow
//! it at once (they are a memo over the workspace).

mod rows;

use leptos::prelude::*;

use crate::core::norms::{
    self, ChannelNorm, ClassLevel, Norms, NumberNorm, PermissionLevel, Quantity, Unit,
};
use crate::core::routing_edit::numbered_id;
use crate::core::Bundle;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{problem_text, tr, K};
use crate::ui::state::{use_store, Store};

#[component]
pub fn NormsTab() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="norms" data-testid="norms-tab">
            <p class="muted">{tr(K::TnIntro)}</p>
            {notes(store)}
            {section(store, List::Numbers)}
            {section(store, List::Channels)}
            {section(store, List::Classifications)}
            {section(store, List::Permissions)}
        </div>
    }
}

/// The four lists of the norms.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum List {
    Numbers,
    Channels,
    Classifications,
    Permissions,
}

impl List {
    /// The list's name in JSON paths and test ids.
    pub fn key(self) -> &'static str {
        match self {
            List::Numbers => "numbers",
            List::Channels => "channels",
            List::Classifications => "classifications",
            List::Permissions => "permissions",
        }
    }

    fn title(self) -> K {
        match self {
            List::Numbers => K::TnNumbers,
            List::Channels => K::TnChannels,
            List::Classifications => K::TnClassifications,
            List::Permissions => K::TnPermissions,
        }
    }

    fn hint(self) -> K {
        match self {
            List::Numbers => K::TnNumbersHint,
            List::Channels => K::TnChannelsHint,
            List::Classifications => K::TnClassificationsHint,
            List::Permissions => K::TnPermissionsHint,
        }
    }

    fn add_label(self) -> K {
        match self {
            List::Numbers => K::TnAddNumber,
            List::Channels => K::TnAddChannel,
            List::Classifications => K::TnAddClassification,
            List::Permissions => K::TnAddPermission,
        }
    }

    /// The ids and clauses of the list's items.
    pub fn items(self, n: &Norms) -> Vec<(&str, &str)> {
        match self {
            List::Numbers => n
                .numbers
                .iter()
                .map(|x| (x.id.as_str(), x.clause.as_str()))
                .collect(),
            List::Channels => n
                .channels
                .iter()
                .map(|x| (x.id.as_str(), x.clause.as_str()))
                .collect(),
            List::Classifications => n
                .classifications
                .iter()
                .map(|x| (x.id.as_str(), x.clause.as_str()))
                .collect(),
            List::Permissions => n
                .permissions
                .iter()
                .map(|x| (x.id.as_str(), x.clause.as_str()))
                .collect(),
        }
    }

    /// Appends a new item with a fresh id, citing the clause of the item before it (or the
    /// first clause of the usage code).
    fn add(self, b: &mut Bundle) {
        let (taken, last_clause): (Vec<String>, Option<String>) = {
            let items = self.items(&b.norms);
            (
                items.iter().map(|(id, _)| id.to_string()).collect(),
                items.last().map(|(_, c)| c.to_string()),
            )
        };
        let clause = last_clause
            .or_else(|| b.policy.numbered().first().map(|n| n.clause.id.clone()))
            .unwrap_or_default();
        let prefix = match self {
            List::Numbers => "number",
            List::Channels => "channel",
            List::Classifications => "level",
            List::Permissions => "permission",
        };
        let id = numbered_id(prefix, &taken);
        let n = &mut b.norms;
        match self {
            List::Numbers => n.numbers.push(NumberNorm {
                id,
                label: String::new(),
                value: Quantity::Duration {
                    amount: 30,
                    unit: Unit::Minutes,
                },
                clause,
            }),
            List::Channels => n.channels.push(ChannelNorm {
                id,
                name: String::new(),
                situations: Vec::new(),
                urgency: String::new(),
                clause,
            }),
            List::Classifications => n.classifications.push(ClassLevel {
                id,
                name: String::new(),
                examples: Vec::new(),
                clause,
            }),
            List::Permissions => n.permissions.push(PermissionLevel {
                id,
                name: String::new(),
                actions: Vec::new(),
                holders: Vec::new(),
                clause,
            }),
        }
    }

    /// Moves item `k` up or down.
    pub fn shift(self, b: &mut Bundle, k: usize, up: bool) {
        use crate::core::routing_edit::move_item;
        let n = &mut b.norms;
        match self {
            List::Numbers => move_item(&mut n.numbers, k, up),
            List::Channels => move_item(&mut n.channels, k, up),
            List::Classifications => move_item(&mut n.classifications, k, up),
            List::Permissions => move_item(&mut n.permissions, k, up),
        };
    }

    /// Removes item `k`.
    pub fn remove(self, b: &mut Bundle, k: usize) {
        use crate::core::routing_edit::remove_item;
        let n = &mut b.norms;
        match self {
            List::Numbers => remove_item(&mut n.numbers, k).is_some(),
            List::Channels => remove_item(&mut n.channels, k).is_some(),
            List::Classifications => remove_item(&mut n.classifications, k).is_some(),
            List::Permissions => remove_item(&mut n.permissions, k).is_some(),
        };
    }
}

/// What the consistency check and the workspace's validation say about the norms.
fn notes(store: Store) -> impl IntoView {
    let found = Memo::new(move |_| {
        store.bundle.with(|b| {
            let problems: Vec<_> = b
                .validate()
                .into_iter()
                .filter(|p| p.path.starts_with("$.norms"))
                .collect();
            (norms::consistency(b), problems)
        })
    });
    move || {
        let lang = store.ui_lang.get();
        found.with(|(notes, problems)| {
            if notes.is_empty() && problems.is_empty() {
                return view! { <p class="notice ok" role="status" data-testid="tn-consistent">{K::TnConsistent.text(lang)}</p> }
                    .into_any();
            }
            let items = problems
                .iter()
                .map(|p| {
                    view! { <li data-testid="tn-problem"><code>{p.path.clone()}</code> " " {problem_text(&p.kind, lang)}</li> }
                        .into_any()
                })
                .chain(notes.iter().map(|n| {
                    view! { <li data-testid="tn-note" data-code=n.code><code>{n.path.clone()}</code> " " {n.message(lang)}</li> }
                        .into_any()
                }))
                .collect_view();
            view! {
                <div class="notice warn" role="status" data-testid="tn-notes">
                    <p><b>{K::TnNotesTitle.text(lang)}</b></p>
                    <ul>{items}</ul>
                </div>
            }
            .into_any()
        })
    }
}

/// One list: its rows, rebuilt when the list's shape changes, and an add button.
fn section(store: Store, list: List) -> impl IntoView {
    let shape = Memo::new(move |_| store.bundle.with(|b| rows::shape(list, &b.norms)));
    let rows = move || {
        shape.with(|s| {
            let n = s.len();
            s.iter()
                .enumerate()
                .map(|(k, kind)| rows::row(store, list, k, n, *kind))
                .collect_view()
        })
    };
    let key = list.key();
    let title_id = format!("tn-{key}-title");
    let labelled_by = title_id.clone();
    view! {
        <section class="panel tn-section" data-testid=format!("tn-{key}") aria-labelledby=labelled_by>
            <h2 id=title_id>{tr(list.title())}</h2>
            <p class="muted">{tr(list.hint())}</p>
            <ol class="tn-rows">{rows}</ol>
            <div class="add-bar">
                <button
                    type="button"
                    data-testid=format!("tn-add-{key}")
                    on:click=cb(move |_| store.edit(None, |b| list.add(b)))
                >
                    "+ " {tr(list.add_label())}
                </button>
            </div>
        </section>
    }
}
