//! The org chart: departments, people and roles; a readable chart, an editor, and CSV
//! import and export of the people.
//!
//! - [`chart`]: the department tree as nested boxes with heads, people and counts;
//! - [`editor`]: the side panel that edits what is selected, or creates something new;
//! - [`csv_io`]: export of the people, and an import previewed before it replaces them.
//!
//! Every change goes through the store's `edit`, so it is undoable and autosaved. The
//! problems of the org (supervision loops, unknown references, duplicate ids) are shown
//! at the top of the tab, and deleting something that is still referred to is allowed
//! after a warning: the validation then lists what dangles.

mod chart;
mod csv_io;
mod editor;

use leptos::prelude::*;

use crate::core::bundle::ProblemKind;
use crate::core::org::{Org, Person};
use crate::core::org_csv::{supervision_problems, ImportProblem};
use crate::core::Lang;
use crate::ui::components::table::text_table;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{problem_text, tr, K};
use crate::ui::state::use_store;

use super::{person_name, role_name};

/// What the editor panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Nothing,
    Person(String),
    Dept(String),
    Role(String),
    /// A form for something new; for a person or a department, the department to put it in.
    New(NewKind, Option<String>),
}

/// What a "new" form creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Person,
    Dept,
    Role,
}

/// State shared by the parts of the org tab.
#[derive(Clone, Copy)]
pub struct OrgCtx {
    pub selected: RwSignal<Selection>,
    pub import: csv_io::ImportState,
}

#[component]
pub fn OrgTab() -> impl IntoView {
    let store = use_store();
    let ctx = OrgCtx {
        selected: RwSignal::new(Selection::Nothing),
        import: csv_io::ImportState::new(),
    };
    provide_context(ctx);
    let add = move |kind: NewKind| {
        // A person or department is added to the department being edited, if any.
        let dept = match ctx.selected.get_untracked() {
            Selection::Dept(d) => Some(d),
            Selection::Person(p) => store
                .bundle
                .with_untracked(|b| b.org.person(&p).map(|p| p.dept.clone())),
            _ => None,
        };
        ctx.selected.set(Selection::New(kind, dept));
    };
    view! {
        <div class="org-tab" data-testid="org-tab">
            <h2>{tr(K::OrgChart)} " · " {dyn_text(Box::new(move || store.bundle.with(|b| b.org.company.clone())))}</h2>
            <p class="muted">{tr(K::OrgIntro)}</p>
            <OrgProblems/>
            <div class="toolbar org-toolbar">
                <button type="button" data-testid="org-add-person" on:click=cb(move |_| add(NewKind::Person))>
                    "+ " {tr(K::OrgAddPerson)}
                </button>
                <button type="button" data-testid="org-add-dept" on:click=cb(move |_| add(NewKind::Dept))>
                    "+ " {tr(K::OrgAddDept)}
                </button>
                <button type="button" data-testid="org-add-role" on:click=cb(move |_| add(NewKind::Role))>
                    "+ " {tr(K::OrgAddRole)}
                </button>
                <csv_io::CsvButtons/>
            </div>
            <csv_io::ImportPreview/>
            <div class="org-layout">
                <chart::OrgChartView/>
                <editor::EditorPanel/>
            </div>
            <h3>{tr(K::People)}</h3>
            {dyn_view(Box::new(move || {
                let lang = store.ui_lang.get();
                store.bundle.with(|b| people_table(&b.org, lang))
            }))}
            <h3>{tr(K::RolesTitle)}</h3>
            <RolesTable/>
        </div>
    }
}

/// A reactive view. Every call returns the same closure type, so Leptos's code for a
/// reactive child is compiled once for the whole tab rather than once per closure (the
/// same trick as `i18n::tr`); this keeps the WebAssembly smaller.
pub fn dyn_view(
    f: Box<dyn Fn() -> AnyView + Send + Sync>,
) -> impl Fn() -> AnyView + Send + Sync + 'static {
    move || f()
}

/// A reactive text, compiled once for the whole tab like [`dyn_view`].
pub fn dyn_text(
    f: Box<dyn Fn() -> String + Send + Sync>,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || f()
}

/// "label: " with the colon of the language.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// A person's name with the id, or the id alone when there is no such person.
pub fn person_label(org: &Org, id: &str) -> String {
    match org.person(id) {
        Some(p) => format!("{} ({id})", p.name),
        None => id.to_string(),
    }
}

fn people_table(org: &Org, lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang).to_string();
    let rows = org
        .people
        .iter()
        .map(|p| {
            let dept = org
                .department(&p.dept)
                .map_or_else(|| p.dept.clone(), |d| d.name.clone());
            let sup = p
                .supervisor
                .as_deref()
                .map_or_else(|| "—".into(), |s| person_name(org, s));
            let roles: Vec<String> = p.roles.iter().map(|r| role_name(org, r)).collect();
            vec![
                p.id.clone(),
                p.name.clone(),
                dept,
                sup,
                roles.join(", "),
                status_text(p, lang).to_string(),
            ]
        })
        .collect();
    text_table(
        "people",
        vec![
            "id".into(),
            tx(K::Name),
            tx(K::Department),
            tx(K::Supervisor),
            tx(K::Roles),
            tx(K::Status),
        ],
        rows,
    )
}

fn status_text(p: &Person, lang: Lang) -> &'static str {
    match p.status {
        crate::core::org::Status::Active => K::Active.text(lang),
        crate::core::org::Status::Left => K::Left.text(lang),
    }
}

/// The roles with their holders; a role's name opens it in the editor.
#[component]
fn RolesTable() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<OrgCtx>();
    let rows = move || {
        store.bundle.with(|b| {
            b.org
                .roles
                .iter()
                .map(|r| {
                    let holders: Vec<String> =
                        b.org.holders(&r.id).iter().map(|p| p.name.clone()).collect();
                    let id = r.id.clone();
                    view! {
                        <tr>
                            <td>{r.id.clone()}</td>
                            <td>
                                <button type="button" class="link-button" data-testid=format!("org-role-{}", r.id)
                                    on:click=cb(move |_| ctx.selected.set(Selection::Role(id.clone())))>
                                    {r.name.clone()}
                                </button>
                            </td>
                            <td>{r.description.clone()}</td>
                            <td>{holders.join(", ")}</td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <div class="table-wrap">
            <table data-testid="roles">
                <thead>
                    <tr>
                        <th scope="col">"id"</th>
                        <th scope="col">{tr(K::Name)}</th>
                        <th scope="col">{tr(K::OrgDescription)}</th>
                        <th scope="col">{tr(K::People)}</th>
                    </tr>
                </thead>
                <tbody>{dyn_view(Box::new(rows))}</tbody>
            </table>
        </div>
    }
}

/// A supervision problem in words, with people's names (looked up in `people`).
pub fn supervision_text(p: &ImportProblem, people: &[Person], lang: Lang) -> String {
    let label = |id: &str| match people.iter().find(|x| x.id == id) {
        Some(x) => format!("{} ({id})", x.name),
        None => id.to_string(),
    };
    let params: Vec<(&'static str, String)> = match p.code {
        "cycle" => vec![(
            "ids",
            p.ids
                .iter()
                .map(|id| label(id))
                .collect::<Vec<_>>()
                .join(" → "),
        )],
        "own_supervisor" => vec![("id", label(p.param("id")))],
        _ => p.params.clone(),
    };
    csv_io::org_csv_text(p.code, &params, lang)
}

/// Supervision loops, and the workspace's problems under `$.org` (unknown references,
/// duplicate ids, department loops, …), each with where it is.
#[component]
fn OrgProblems() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<OrgCtx>();
    let problems = Memo::new(move |_| {
        store.bundle.with(|b| {
            let loops = supervision_problems(&b.org.people);
            // Supervision loops and self-supervision are in `loops` already.
            let others: Vec<_> = b
                .validate()
                .into_iter()
                .filter(|p| p.path.starts_with("$.org"))
                .filter(|p| {
                    !(p.path.starts_with("$.org.people")
                        && matches!(
                            p.kind,
                            ProblemKind::Cycle { .. } | ProblemKind::OwnSupervisor { .. }
                        ))
                })
                .collect();
            (loops, others)
        })
    });
    dyn_view(Box::new(move || {
        let lang = store.ui_lang.get();
        let (loops, others) = problems.get();
        if loops.is_empty() && others.is_empty() {
            return ().into_any();
        }
        store.bundle.with_untracked(|b| {
            let org = &b.org;
            let loop_items = loops
                .iter()
                .map(|p| {
                    let who = p.ids.first().cloned().unwrap_or_default();
                    let text = supervision_text(p, &org.people, lang);
                    view! {
                        <li data-code=p.code>
                            <button type="button" class="link-button"
                                on:click=cb(move |_| ctx.selected.set(Selection::Person(who.clone())))>
                                {text}
                            </button>
                        </li>
                    }
                    .into_any()
                })
                .collect_view();
            let other_items = others
                .iter()
                .map(|p| {
                    let text = problem_text(&p.kind, lang);
                    match problem_place(org, &p.path) {
                        Some((place, sel)) => view! {
                            <li>
                                <button type="button" class="link-button"
                                    on:click=cb(move |_| ctx.selected.set(sel.clone()))>
                                    {place}
                                </button>
                                {colon(lang)} {text}
                            </li>
                        }
                        .into_any(),
                        None => view! { <li><code>{p.path.clone()}</code> " " {text}</li> }.into_any(),
                    }
                })
                .collect_view();
            view! {
                <div class="notice warn" role="status" data-testid="org-problems">
                    <p><b>{K::OrgProblems.text(lang)}</b></p>
                    <ul>{loop_items} {other_items}</ul>
                </div>
            }
            .into_any()
        })
    }))
}

/// The person, department or role a validation path is about, in words, and how to select
/// it: `$.org.people[3].dept` is about the fourth person.
fn problem_place(org: &Org, path: &str) -> Option<(String, Selection)> {
    let rest = path.strip_prefix("$.org.")?;
    let (list, rest) = rest.split_once('[')?;
    let (index, _) = rest.split_once(']')?;
    let i: usize = index.parse().ok()?;
    match list {
        "people" => org.people.get(i).map(|p| {
            (
                format!("{} ({})", p.name, p.id),
                Selection::Person(p.id.clone()),
            )
        }),
        "departments" => org.departments.get(i).map(|d| {
            (
                format!("{} ({})", d.name, d.id),
                Selection::Dept(d.id.clone()),
            )
        }),
        "roles" => org.roles.get(i).map(|r| {
            (
                format!("{} ({})", r.name, r.id),
                Selection::Role(r.id.clone()),
            )
        }),
        _ => None,
    }
}
