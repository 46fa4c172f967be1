//! The rule in words and a reference panel of valid and invalid names derived from it.

use leptos::prelude::*;

use super::{code_label, NamingCtx};
use crate::core::naming::generate::examples;
use crate::core::naming::words::{component_words, example_kind};
use crate::core::naming::NamingScheme;
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
