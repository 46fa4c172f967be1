//! The rule in words and a reference panel of valid and invalid names derived from it.

use leptos::prelude::*;

use super::words::example_kind;
use super::{code_label, NamingCtx};
use crate::core::naming::generate::examples;
use crate::core::naming::{Component, DictEntry, DictionarySource, NamingScheme};
use crate::core::org::Org;
use crate::core::Lang;
use crate::ui::components::table::{card, text_list, text_table};
use crate::ui::components::widgets::cb;
use crate::ui::i18n::K;
use crate::ui::pages::common::clause_cite;
use crate::ui::state::use_store;

/// The chosen scheme in words: pattern, components, whole-name rules, the clause.
#[component]
pub fn RuleCard() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    move || {
        let lang = store.ui_lang.get();
        let scheme = ctx.scheme.get()?;
        Some(store.bundle.with(|b| scheme_view(&scheme, b, lang)))
    }
}

/// Valid names and near-misses made from the scheme, each checked by the engine; a click
/// puts one in the checker.
#[component]
pub fn Examples() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let list = Memo::new(move |_| {
        let scheme = ctx.scheme.get()?;
        // Only a scheme that compiles has examples.
        ctx.compiled
            .with(|c| matches!(c, Some(Ok(_))))
            .then(|| ctx.org.with(|org| examples(&scheme, org)))
    });
    move || {
        let lang = store.ui_lang.get();
        let items = list.with(|l| {
            l.iter()
                .flatten()
                .map(|e| {
                    let name = e.name.clone();
                    // Spaces are the point of some examples: make them visible.
                    let shown = e.name.replace(' ', "␣");
                    let why = if e.ok {
                        K::NameOk.text(lang).to_string()
                    } else {
                        format!(
                            "{}: {}",
                            example_kind(e.kind, lang),
                            e.codes.iter().map(|c| code_label(c, lang)).collect::<Vec<_>>().join("、")
                        )
                    };
                    let fix = e.suggestion.clone().map(|s| view! { <span class="fix">" → " <code>{s}</code></span> });
                    view! {
                        <li class:ok=e.ok class:bad=!e.ok data-testid="example" data-ok=e.ok.to_string()>
                            <span aria-hidden="true">{if e.ok { "✓ " } else { "✗ " }}</span>
                            <button type="button" class="link-button" title=K::TryInChecker.text(lang)
                                on:click=cb(move |_| ctx.check_name(name.clone()))>
                                <code>{shown}</code>
                            </button>
                            <span class="muted">" · " {why}</span>
                            {fix}
                        </li>
                    }
                })
                .collect_view()
        });
        view! {
            <section class="panel examples" aria-labelledby="examples-title">
                <h2 id="examples-title">{K::ExamplesTitle.text(lang)}</h2>
                <ul class="example-list" data-testid="examples">{items}</ul>
            </section>
        }
    }
}

pub fn scheme_view(s: &NamingScheme, b: &crate::core::Bundle, lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang).to_string();
    let rows = s
        .components
        .iter()
        .map(|c| {
            let (kind, rule) = component_words(c, &b.org, lang);
            let mut label = c.label().to_string();
            if c.is_optional() {
                label.push_str(&format!(" ({})", tx(K::Optional)));
            }
            vec![label, kind.to_string(), rule]
        })
        .collect();
    let rules = &s.rules;
    let mut whole = Vec::new();
    if let Some(n) = rules.min_len {
        whole.push(format!("{}: {n} {}", tx(K::MinLength), tx(K::Characters)));
    }
    if let Some(n) = rules.max_len {
        whole.push(format!("{}: {n} {}", tx(K::MaxLength), tx(K::Characters)));
    }
    if !rules.forbidden_words.is_empty() {
        whole.push(format!(
            "{}: {}",
            tx(K::ForbiddenWords),
            rules.forbidden_words.join(" / ")
        ));
    }
    let body = view! {
        <p>{s.description.clone()}</p>
        <p><b>{tx(K::Pattern)} ": "</b><code class="pattern">{s.pattern()}</code></p>
        {s.clause.as_deref().map(|c| clause_cite(b, c, lang))}
        <h4>{tx(K::Components)}</h4>
        {text_table("components", vec![tx(K::ComponentCol), tx(K::KindCol), tx(K::ConstraintCol)], rows)}
        <h4>{tx(K::WholeName)}</h4>
        {text_list("", whole)}
    }
    .into_any();
    card("scheme", s.name.clone(), s.id.clone(), body)
}

fn entries_text(entries: impl Iterator<Item = DictEntry>, lang: Lang) -> String {
    entries
        .map(|e| {
            if e.aliases.is_empty() {
                e.value
            } else {
                format!(
                    "{} ({}: {})",
                    e.value,
                    K::Aliases.text(lang),
                    e.aliases.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The kind of a component and its requirement, in words.
fn component_words(c: &Component, org: &Org, lang: Lang) -> (&'static str, String) {
    let tx = |k: K| k.text(lang);
    match c {
        Component::Literal { text } => (tx(K::KindLiteral), format!("“{text}”")),
        Component::Dictionary { source, .. } => {
            let listed = entries_text(source.entries(org).into_iter(), lang);
            let rule = match source {
                DictionarySource::Departments => format!("{} — {listed}", tx(K::FromDepartments)),
                DictionarySource::Values(_) => listed,
            };
            (tx(K::KindDictionary), rule)
        }
        Component::Text {
            min_len,
            max_len,
            forbidden_chars,
            no_whitespace,
            ..
        } => {
            let mut parts = vec![format!("{min_len}–{max_len} {}", tx(K::Characters))];
            if *no_whitespace {
                parts.push(tx(K::NoWhitespace).to_string());
            }
            if !forbidden_chars.is_empty() {
                let chars: Vec<String> = forbidden_chars.chars().map(String::from).collect();
                parts.push(format!("{} {}", tx(K::NotAllowed), chars.join(" ")));
            }
            (tx(K::KindText), parts.join("; "))
        }
        Component::Version { .. } => (tx(K::KindVersion), tx(K::VersionRule).to_string()),
        Component::Date { .. } => (tx(K::KindDate), tx(K::DateRule).to_string()),
        Component::Number {
            min_digits,
            max_digits,
            ..
        } => (
            tx(K::KindNumber),
            format!("{min_digits}–{max_digits} {}", tx(K::Digits)),
        ),
        Component::Extension { values, .. } => (tx(K::KindExtension), values.join(" / ")),
    }
}
