//! The scheme editor: the scheme's name and clause, its components (add, remove, reorder,
//! and each kind's constraints, dictionaries with their aliases) and the whole-name rules.
//!
//! Every change is one undoable edit of the workspace, and typing in one field is grouped
//! into one step. Rows are keyed by position and kind, so typing re-renders nothing but the
//! field's own value; list fields keep what is being typed (a trailing comma, an empty
//! line) for as long as it means the same list as the workspace holds.

use leptos::prelude::*;

use super::{component_name, NamingCtx};
use crate::core::bundle::ProblemKind;
use crate::core::naming::words::scheme_error_text;
use crate::core::naming::{Component, DictEntry, DictionarySource, NamingScheme};
use crate::core::policy::article_label;
use crate::core::Lang;
use crate::ui::components::widgets::{cb, icon_button};
use crate::ui::i18n::{problem_text, tr, K};
use crate::ui::state::{use_store, Store};

/// The kinds a new component can have, with their names.
const KINDS: &[(&str, K)] = &[
    ("literal", K::KindLiteral),
    ("dictionary", K::KindDictionary),
    ("text", K::KindText),
    ("version", K::KindVersion),
    ("date", K::KindDate),
    ("number", K::KindNumber),
    ("extension", K::KindExtension),
];

#[component]
pub fn EditTab() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let structure = Memo::new(move |_| {
        ctx.scheme.with(|s| {
            s.iter()
                .flat_map(|s| s.components.iter().map(Component::kind_name))
                .collect::<Vec<_>>()
        })
    });
    let add = move |kind: &'static str| {
        let lang = store.ui_lang.get_untracked();
        ctx.edit_scheme(store, None, |s| add_component(s, kind, lang));
    };
    view! {
        <div class="scheme-editor" data-testid="scheme-editor">
            <SchemeFileProblems/>
            <SchemeFields/>
            <section class="panel" aria-labelledby="components-title">
                <h2 id="components-title">{tr(K::Components)}</h2>
                <ol class="component-rows">
                    <For
                        each=move || structure.get().into_iter().enumerate()
                        key=|(i, kind)| (*i, *kind)
                        children=move |(i, _)| view! { <ComponentRow index=i/> }
                    />
                </ol>
                <div class="add-components" role="group" aria-label=tr(K::AddComponent)>
                    <span>{tr(K::AddComponent)} ": "</span>
                    {KINDS
                        .iter()
                        .map(|(kind, label)| {
                            let kind = *kind;
                            view! {
                                <button type="button" data-testid=format!("add-{kind}") on:click=cb(move |_| add(kind))>
                                    "+ " {tr(*label)}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </section>
            <WholeNameRules/>
        </div>
    }
}

/// Adds a component of `kind` at the end, with a separator first when the scheme ends in
/// a value (two adjacent values could not be told apart).
fn add_component(s: &mut NamingScheme, kind: &str, lang: Lang) {
    let ends_in_value = s
        .components
        .last()
        .is_some_and(|c| !matches!(c, Component::Literal { .. }));
    if kind != "literal" && ends_in_value {
        s.components.push(Component::Literal { text: "-".into() });
    }
    let taken: Vec<String> = s
        .components
        .iter()
        .filter_map(|c| c.id().map(str::to_string))
        .collect();
    let id = (1..)
        .map(|n| format!("{kind}{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default();
    let label = KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, l)| l.text(lang).to_string())
        .unwrap_or_default();
    let c = match kind {
        "literal" => Component::Literal { text: "-".into() },
        "dictionary" => Component::Dictionary {
            id,
            label,
            optional: false,
            source: DictionarySource::Values(Vec::new()),
        },
        "text" => Component::Text {
            id,
            label,
            optional: false,
            min_len: 1,
            max_len: 20,
            forbidden_chars: String::new(),
            no_whitespace: true,
        },
        "version" => Component::Version {
            id,
            label,
            optional: false,
        },
        "date" => Component::Date {
            id,
            label,
            optional: false,
        },
        "number" => Component::Number {
            id,
            label,
            optional: false,
            min_digits: 1,
            max_digits: 4,
        },
        _ => Component::Extension {
            id,
            label,
            optional: false,
            values: vec!["docx".into(), "xlsx".into(), "pdf".into()],
        },
    };
    s.components.push(c);
}

/// A text input bound to one string of the chosen scheme.
fn scheme_text(
    store: Store,
    ctx: NamingCtx,
    key: &'static str,
    label: K,
    get: fn(&NamingScheme) -> String,
    set: fn(&mut NamingScheme, String),
) -> AnyView {
    let id = format!("scheme-{key}");
    view! {
        <div class="field">
            <label for=id.clone()>{tr(label)}</label>
            <input
                id=id
                type="text"
                data-testid=format!("scheme-{key}")
                prop:value=move || ctx.scheme.with(|s| s.as_ref().map(get).unwrap_or_default())
                on:input=cb(move |e: leptos::ev::Event| {
                    let v = event_target_value(&e);
                    ctx.edit_scheme(store, Some(key), |s| set(s, v));
                })
            />
        </div>
    }
    .into_any()
}

#[component]
fn SchemeFields() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let clause_options = move || {
        let current = ctx
            .scheme
            .with(|s| s.as_ref().and_then(|s| s.clause.clone()));
        store.bundle.with(|b| {
            let lang = b.settings.lang;
            let mut n = 0;
            let mut opts =
                vec![view! { <option value="" selected=current.is_none()>"—"</option> }.into_any()];
            for ch in &b.policy.chapters {
                for c in &ch.clauses {
                    n += 1;
                    let text = format!("{} {}", article_label(lang, n), c.title);
                    let selected = current.as_deref() == Some(c.id.as_str());
                    opts.push(
                        view! { <option value=c.id.clone() selected=selected>{text}</option> }
                            .into_any(),
                    );
                }
            }
            opts
        })
    };
    view! {
        <section class="panel scheme-fields">
            <div class="field">
                <label for="scheme-id">{tr(K::SchemeId)}</label>
                <input
                    id="scheme-id"
                    type="text"
                    data-testid="scheme-id"
                    prop:value=move || ctx.scheme.with(|s| s.as_ref().map(|s| s.id.clone()).unwrap_or_default())
                    on:input=cb(move |e: leptos::ev::Event| rename_scheme(store, ctx, event_target_value(&e)))
                />
            </div>
            {scheme_text(store, ctx, "name", K::SchemeName, |s| s.name.clone(), |s, v| s.name = v)}
            {scheme_text(store, ctx, "description", K::SchemeDescription, |s| s.description.clone(), |s, v| s.description = v)}
            <div class="field">
                <label for="scheme-clause">{tr(K::StatedIn)}</label>
                <select
                    id="scheme-clause"
                    data-testid="scheme-clause"
                    on:change=cb(move |e: leptos::ev::Event| {
                        let v = event_target_value(&e);
                        ctx.edit_scheme(store, None, |s| s.clause = (!v.is_empty()).then_some(v));
                    })
                >
                    {clause_options}
                </select>
            </div>
        </section>
    }
}

/// Changes the chosen scheme's id, and the inventory rules' reference to it with it.
fn rename_scheme(store: Store, ctx: NamingCtx, id: String) {
    let i = ctx.selected.get_untracked();
    store.edit(Some(&format!("naming.{i}.id")), |b| {
        let Some(s) = b.naming.get_mut(i) else { return };
        if b.inventory.scheme == s.id {
            b.inventory.scheme = id.clone();
        }
        s.id = id;
    });
}

/// Problems the workspace would report for the chosen scheme (ids, references), which
/// compiling it does not see; a file with them could not be opened again.
#[component]
fn SchemeFileProblems() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let problems = Memo::new(move |_| {
        let prefix = format!("$.naming[{}]", ctx.selected.get());
        store.bundle.with(|b| {
            b.validate()
                .into_iter()
                .filter(|p| {
                    // This scheme's own paths, and a duplicate of its id found later on.
                    let ours = |path: &str| {
                        path.strip_prefix(&prefix)
                            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
                    };
                    ours(&p.path)
                        || matches!(&p.kind, ProblemKind::DuplicateId { first, .. } if ours(first))
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        let lang = store.ui_lang.get();
        problems.with(|list| {
            (!list.is_empty()).then(|| {
                let items = list
                    .iter()
                    .map(|p| view! { <li><code>{p.path.clone()}</code> " " {problem_text(&p.kind, lang)}</li> })
                    .collect_view();
                view! {
                    <div class="notice warn" role="status" data-testid="scheme-file-problems">
                        <p><b>{K::SchemeFileProblems.text(lang)}</b></p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}

/// Reads one component of the chosen scheme through `get`.
fn read_component<T: Default>(
    ctx: NamingCtx,
    index: usize,
    get: impl Fn(&Component) -> Option<T>,
) -> T {
    ctx.scheme
        .with(|s| {
            s.as_ref()
                .and_then(|s| s.components.get(index))
                .and_then(get)
        })
        .unwrap_or_default()
}

/// Edits one component of the chosen scheme.
fn edit_component(
    store: Store,
    ctx: NamingCtx,
    index: usize,
    key: Option<&str>,
    f: impl FnOnce(&mut Component),
) {
    let key = key.map(|k| format!("c{index}.{k}"));
    ctx.edit_scheme(store, key.as_deref(), |s| {
        if let Some(c) = s.components.get_mut(index) {
            f(c);
        }
    });
}

/// Sets the field of a component that `project` picks out, as one edit (grouped with the
/// field's other edits when `key` names it).
fn set_field<T: 'static>(
    store: Store,
    ctx: NamingCtx,
    index: usize,
    key: Option<&str>,
    project: fn(&mut Component) -> Option<&mut T>,
    value: T,
) {
    edit_component(store, ctx, index, key, |c| {
        if let Some(slot) = project(c) {
            *slot = value;
        }
    });
}

/// A text input for one string of a component.
fn component_text(
    ctx: NamingCtx,
    index: usize,
    key: &'static str,
    label: K,
    project: fn(&mut Component) -> Option<&mut String>,
) -> AnyView {
    let store = use_store();
    let id = format!("c{index}-{key}");
    view! {
        <label class="field">
            <span>{tr(label)}</span>
            <input
                id=id
                type="text"
                data-testid=format!("component-{key}")
                prop:value=move || read_component(ctx, index, |c| project(&mut c.clone()).cloned())
                on:input=cb(move |e: leptos::ev::Event| {
                    set_field(store, ctx, index, Some(key), project, event_target_value(&e));
                })
            />
        </label>
    }
    .into_any()
}

/// A number input for one count of a component; what is not a number is ignored.
fn component_number(
    ctx: NamingCtx,
    index: usize,
    key: &'static str,
    label: K,
    project: fn(&mut Component) -> Option<&mut u32>,
) -> AnyView {
    let store = use_store();
    view! {
        <label class="field small">
            <span>{tr(label)}</span>
            <input
                type="number"
                min="0"
                max="10000"
                data-testid=format!("component-{key}")
                prop:value=move || read_component(ctx, index, |c| project(&mut c.clone()).map(|n| n.to_string()))
                on:input=cb(move |e: leptos::ev::Event| {
                    if let Ok(n) = event_target_value(&e).trim().parse::<u32>() {
                        set_field(store, ctx, index, Some(key), project, n.min(10_000));
                    }
                })
            />
        </label>
    }
    .into_any()
}

/// A checkbox for one flag of a component.
fn component_flag(
    ctx: NamingCtx,
    index: usize,
    key: &'static str,
    label: K,
    project: fn(&mut Component) -> Option<&mut bool>,
) -> AnyView {
    let store = use_store();
    view! {
        <label class="check">
            <input
                type="checkbox"
                data-testid=format!("component-{key}")
                prop:checked=move || read_component(ctx, index, |c| project(&mut c.clone()).copied())
                on:change=cb(move |e: leptos::ev::Event| {
                    set_field(store, ctx, index, None, project, event_target_checked(&e));
                })
            />
            " " {tr(label)}
        </label>
    }
    .into_any()
}

/// An input or text area for a list, written as text. While the typed text means the
/// same list as the workspace holds, it is shown as typed; otherwise (undo, another tab)
/// the list is shown freshly formatted.
fn list_field(
    label: K,
    testid: &'static str,
    multiline: bool,
    read: impl Fn() -> String + Copy + Send + Sync + 'static,
    same: fn(&str, &str) -> bool,
    write: impl Fn(String) + Copy + 'static,
) -> AnyView {
    let draft = RwSignal::new(None::<String>);
    let shown = move || {
        let current = read();
        match draft.get() {
            Some(d) if same(&d, &current) => d,
            _ => current,
        }
    };
    let on_input = cb(move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        draft.set(Some(v.clone()));
        write(v);
    });
    let input = if multiline {
        view! { <textarea data-testid=testid rows="4" prop:value=shown on:input=on_input></textarea> }.into_any()
    } else {
        view! { <input type="text" data-testid=testid prop:value=shown on:input=on_input/> }
            .into_any()
    };
    view! {
        <label class="field wide">
            <span>{tr(label)}</span>
            {input}
        </label>
    }
    .into_any()
}

/// Splits a typed list on commas, enumeration commas and whitespace.
fn split_list(text: &str) -> Vec<String> {
    text.split(|c: char| matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Dictionary entries, one per line: `value = alias, alias`.
fn parse_entries(text: &str) -> Vec<DictEntry> {
    text.lines()
        .filter_map(|line| {
            let (value, aliases) = match line.split_once(['=', '＝']) {
                Some((v, a)) => (v, split_list(a)),
                None => (line, Vec::new()),
            };
            let value = value.trim();
            (!value.is_empty()).then(|| DictEntry {
                value: value.to_string(),
                aliases,
            })
        })
        .collect()
}

fn format_entries(entries: &[DictEntry]) -> String {
    entries
        .iter()
        .map(|e| {
            if e.aliases.is_empty() {
                e.value.clone()
            } else {
                format!("{} = {}", e.value, e.aliases.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[component]
fn ComponentRow(index: usize) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let kind = read_component(ctx, index, |c| Some(c.kind_name()));
    let count = move || {
        ctx.scheme
            .with(|s| s.as_ref().map_or(0, |s| s.components.len()))
    };
    let move_by = move |delta: isize| {
        ctx.edit_scheme(store, None, |s| {
            let to = index as isize + delta;
            if to >= 0 && (to as usize) < s.components.len() {
                s.components.swap(index, to as usize);
            }
        })
    };
    let remove = move |_| {
        ctx.edit_scheme(store, None, |s| {
            if index < s.components.len() {
                s.components.remove(index);
            }
        })
    };
    let errors = move || {
        let lang = store.ui_lang.get();
        ctx.compiled.with(|c| match c {
            Some(Err(errors)) => errors
                .iter()
                .filter(|e| e.component == Some(index))
                .map(|e| scheme_error_text(&e.kind, lang))
                .collect::<Vec<_>>()
                .join("；"),
            _ => String::new(),
        })
    };
    let title = move || {
        let lang = store.ui_lang.get();
        read_component(ctx, index, |c| Some(component_name(c, lang)))
    };
    let kind_label = KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, l)| *l)
        .unwrap_or(K::KindLiteral);

    let fields = match kind {
        "literal" => component_text(ctx, index, "text", K::LiteralText, |c| match c {
            Component::Literal { text } => Some(text),
            _ => None,
        }),
        _ => {
            let common = view! {
                {component_text(ctx, index, "id", K::ComponentId, Component::id_mut)}
                {component_text(ctx, index, "label", K::ComponentLabel, |c| Some(c.label_mut()))}
                {component_flag(ctx, index, "optional", K::OptionalPart, Component::optional_mut)}
            };
            view! { {common} {kind_fields(ctx, index, kind)} }.into_any()
        }
    };

    view! {
        <li class="component-row" data-testid="component-row" data-kind=kind>
            <div class="component-head">
                <span class="kind-badge">{tr(kind_label)}</span>
                <b>{title}</b>
                <span class="row-actions">
                    {icon_button(K::MoveUp, "↑", false, move |_| move_by(-1))}
                    {icon_button(K::MoveDown, "↓", false, move |_| move_by(1))}
                    {icon_button(K::RemoveComponent, "✕", true, remove)}
                </span>
            </div>
            <div class="component-fields">{fields}</div>
            <p class="field-error" role="alert" data-testid="component-error">{errors}</p>
            <span class="visually-hidden">{move || format!("{}/{}", index + 1, count())}</span>
        </li>
    }
}

/// The fields only one kind has.
fn kind_fields(ctx: NamingCtx, index: usize, kind: &str) -> AnyView {
    let store = use_store();
    match kind {
        "dictionary" => {
            let source_is_departments = move || {
                read_component(ctx, index, |c| match c {
                    Component::Dictionary { source, .. } => {
                        Some(matches!(source, DictionarySource::Departments))
                    }
                    _ => None,
                })
            };
            // Re-rendering the list on every keystroke would lose the caret: only a change
            // of source does.
            let departments = Memo::new(move |_| source_is_departments());
            let set_source = move |departments: bool| {
                edit_component(store, ctx, index, None, |c| {
                    if let Component::Dictionary { source, .. } = c {
                        *source = if departments {
                            DictionarySource::Departments
                        } else {
                            DictionarySource::Values(Vec::new())
                        };
                    }
                })
            };
            let entries_field = move || {
                list_field(
                    K::DictionaryValues,
                    "component-values",
                    true,
                    move || {
                        read_component(ctx, index, |c| match c {
                            Component::Dictionary {
                                source: DictionarySource::Values(v),
                                ..
                            } => Some(format_entries(v)),
                            _ => None,
                        })
                    },
                    |typed, current| parse_entries(typed) == parse_entries(current),
                    move |text| {
                        edit_component(store, ctx, index, Some("values"), |c| {
                            if let Component::Dictionary { source, .. } = c {
                                *source = DictionarySource::Values(parse_entries(&text));
                            }
                        })
                    },
                )
            };
            view! {
                <fieldset class="source">
                    <legend>{tr(K::ValuesFrom)}</legend>
                    <label class="check">
                        <input type="radio" name=format!("source-{index}") data-testid="source-departments"
                            prop:checked=move || departments.get()
                            on:change=cb(move |_| set_source(true))/>
                        " " {tr(K::FromDepartments)}
                    </label>
                    <label class="check">
                        <input type="radio" name=format!("source-{index}") data-testid="source-values"
                            prop:checked=move || !departments.get()
                            on:change=cb(move |_| set_source(false))/>
                        " " {tr(K::OwnList)}
                    </label>
                </fieldset>
                {move || if departments.get() {
                    view! { <p class="muted">{tr(K::DepartmentAliasesHint)}</p> }.into_any()
                } else {
                    view! { {entries_field()} <p class="muted">{tr(K::DictionaryHint)}</p> }.into_any()
                }}
            }
            .into_any()
        }
        "text" => view! {
            {component_number(ctx, index, "min_len", K::MinLength, |c| match c {
                Component::Text { min_len, .. } => Some(min_len),
                _ => None,
            })}
            {component_number(ctx, index, "max_len", K::MaxLength, |c| match c {
                Component::Text { max_len, .. } => Some(max_len),
                _ => None,
            })}
            {component_text(ctx, index, "forbidden_chars", K::ForbiddenChars, |c| match c {
                Component::Text { forbidden_chars, .. } => Some(forbidden_chars),
                _ => None,
            })}
            {component_flag(ctx, index, "no_whitespace", K::NoWhitespace, |c| match c {
                Component::Text { no_whitespace, .. } => Some(no_whitespace),
                _ => None,
            })}
        }
        .into_any(),
        "number" => view! {
            {component_number(ctx, index, "min_digits", K::MinDigits, |c| match c {
                Component::Number { min_digits, .. } => Some(min_digits),
                _ => None,
            })}
            {component_number(ctx, index, "max_digits", K::MaxDigits, |c| match c {
                Component::Number { max_digits, .. } => Some(max_digits),
                _ => None,
            })}
        }
        .into_any(),
        "extension" => list_field(
            K::Extensions,
            "component-extensions",
            false,
            move || {
                read_component(ctx, index, |c| match c {
                    Component::Extension { values, .. } => Some(values.join(", ")),
                    _ => None,
                })
            },
            |typed, current| split_list(typed) == split_list(current),
            move |text| {
                edit_component(store, ctx, index, Some("extensions"), |c| {
                    if let Component::Extension { values, .. } = c {
                        *values = split_list(&text)
                            .into_iter()
                            .map(|v| v.trim_start_matches('.').to_string())
                            .collect();
                    }
                })
            },
        ),
        "version" => view! { <p class="muted">{tr(K::VersionRule)}</p> }.into_any(),
        "date" => view! { <p class="muted">{tr(K::DateRule)}</p> }.into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn WholeNameRules() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let length = move |key: &'static str, label: K, max: bool| {
        view! {
            <label class="field small">
                <span>{tr(label)}</span>
                <input
                    type="number"
                    min="0"
                    max="10000"
                    data-testid=format!("rule-{key}")
                    placeholder=tr(K::NoLimit)
                    prop:value=move || ctx.scheme.with(|s| {
                        s.as_ref()
                            .and_then(|s| if max { s.rules.max_len } else { s.rules.min_len })
                            .map(|n| n.to_string())
                            .unwrap_or_default()
                    })
                    on:input=cb(move |e: leptos::ev::Event| {
                        let text = event_target_value(&e);
                        let value = text.trim().parse::<u32>().ok().map(|n| n.min(10_000));
                        if value.is_none() && !text.trim().is_empty() {
                            return;
                        }
                        ctx.edit_scheme(store, Some(key), |s| {
                            if max { s.rules.max_len = value } else { s.rules.min_len = value }
                        });
                    })
                />
            </label>
        }
    };
    let words = list_field(
        K::ForbiddenWords,
        "rule-forbidden-words",
        false,
        move || {
            ctx.scheme.with(|s| {
                s.as_ref()
                    .map(|s| s.rules.forbidden_words.join("、"))
                    .unwrap_or_default()
            })
        },
        |typed, current| split_list(typed) == split_list(current),
        move |text| {
            ctx.edit_scheme(store, Some("forbidden_words"), |s| {
                s.rules.forbidden_words = split_list(&text)
            })
        },
    );
    view! {
        <section class="panel" aria-labelledby="whole-title">
            <h2 id="whole-title">{tr(K::WholeName)}</h2>
            <div class="component-fields">
                {length("min_len", K::MinLength, false)}
                {length("max_len", K::MaxLength, true)}
                {words}
            </div>
            <p class="muted">{tr(K::LengthInCharacters)}</p>
        </section>
    }
}
