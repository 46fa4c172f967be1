//! A live name check: the trainer types a group or file name and the room sees the
//! checker's verdict as it is typed, with the wrong parts marked and every problem worded,
//! as the naming area's checker words them.

use leptos::prelude::*;

use super::DemoCtx;
use crate::core::demo::NamingSlide;
use crate::core::naming::check::{compile, Compiled, NameCheck};
use crate::core::naming::words::example_kind;
use crate::core::naming::NamingScheme;
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::K;
use crate::ui::pages::common::clause_cite;
use crate::ui::pages::naming::checker::{highlight, violation_place};
use crate::ui::pages::naming::code_text;
use crate::ui::state::use_store;

/// Problems listed under the name; a pasted essay is not a name.
const MAX_LISTED: usize = 12;

#[component]
pub fn NamingSlideView(slide: NamingSlide, lang: Lang) -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<DemoCtx>();
    let input = ctx.name_input;
    // Compiled once per slide: the slide is drawn again whenever the workspace changes.
    let scheme: Option<(NamingScheme, Option<Compiled>)> = store.bundle.with_untracked(|b| {
        b.naming
            .get(slide.scheme)
            .map(|s| (s.clone(), compile(s, &b.org).ok()))
    });
    let (scheme, compiled) = scheme.unzip();
    let compiled = StoredValue::new(compiled.flatten());
    let scheme = StoredValue::new(scheme.unwrap_or_default());
    let result = Memo::new(move |_| {
        let name = input.get();
        compiled.with_value(|c| c.as_ref().map(|c| c.check(&name)))
    });
    let load = |name: Option<String>, testid: &'static str, label: K| {
        name.map(|n| {
            view! {
                <button type="button" data-testid=testid on:click=cb(move |_| input.set(n.clone()))>
                    {label.text(lang)}
                </button>
            }
        })
    };
    let near_note = slide.near_miss.as_ref().map(|(_, kind)| {
        format!(
            "{}{}",
            K::DmNearMissKind.text(lang),
            example_kind(kind, lang)
        )
    });
    view! {
        <div class="demo-slide demo-naming" data-testid="demo-naming">
            <p class="demo-kicker">{K::DmSecNaming.text(lang)}</p>
            <h2>{slide.name}</h2>
            {(!slide.description.is_empty()).then(|| view! { <p class="demo-lead">{slide.description}</p> })}
            <p class="demo-pattern">{K::DmPattern.text(lang)} ": " <code lang="zh">{slide.pattern}</code></p>
            <label class="demo-name-label" for="demo-name-input">{K::DmTypeName.text(lang)}</label>
            <input
                id="demo-name-input"
                class="demo-name-input"
                type="text"
                data-testid="demo-name-input"
                autocomplete="off"
                spellcheck="false"
                lang="zh"
                prop:value=move || input.get()
                on:input=cb(move |e: leptos::ev::Event| input.set(event_target_value(&e)))
            />
            <div class="demo-examples">
                {load(slide.valid, "demo-load-valid", K::DmLoadValid)}
                {load(slide.near_miss.map(|(n, _)| n), "demo-load-near-miss", K::DmLoadNearMiss)}
                {near_note.map(|n| view! { <span class="muted">{n}</span> })}
            </div>
            <div class="demo-verdict-area" aria-live="polite">
                {move || {
                    let name = input.get();
                    result.with(|r| match r {
                        None => view! { <p class="muted">{K::FixSchemeFirst.text(lang)}</p> }.into_any(),
                        Some(_) if name.is_empty() => view! { <p class="muted">{K::TypeAName.text(lang)}</p> }.into_any(),
                        Some(check) => scheme.with_value(|s| verdict(&name, check, s, lang)),
                    })
                }}
            </div>
        </div>
    }
}

/// The verdict in large type: pass or fail, the name with its wrong parts marked, each
/// problem in words, the suggested correction and the clause that states the rule.
fn verdict(name: &str, check: &NameCheck, scheme: &NamingScheme, lang: Lang) -> AnyView {
    let store = use_store();
    let ok = check.ok;
    let summary = if ok {
        K::NameOk.text(lang).to_string()
    } else {
        format!(
            "{} {}",
            check.violations.len(),
            K::ProblemsInName.text(lang)
        )
    };
    let listed = check
        .violations
        .iter()
        .take(MAX_LISTED)
        .map(|v| {
            let place = violation_place(v, scheme, lang);
            let message = code_text(v.code, &v.params, lang);
            view! { <li data-code=v.code><b>{place}</b> " " {message}</li> }
        })
        .collect_view();
    let suggestion = check.suggestion.clone().map(|s| {
        view! {
            <p class="demo-suggestion">
                {K::SuggestedName.text(lang)} ": " <code data-testid="demo-suggestion" lang="zh">{s}</code>
            </p>
        }
    });
    let cite = scheme
        .clause
        .as_deref()
        .filter(|_| !ok)
        .map(|c| store.bundle.with_untracked(|b| clause_cite(b, c, lang)));
    view! {
        <div class="demo-verdict" class:ok=ok class:bad=!ok data-testid="demo-verdict" data-ok=ok.to_string()>
            <p class="demo-verdict-line">
                <span aria-hidden="true">{if ok { "✓ " } else { "✗ " }}</span>
                {summary}
            </p>
            <p class="highlighted demo-highlighted" lang="zh">{highlight(name, &check.violations, lang)}</p>
            {(!ok).then(|| view! { <ul class="demo-violations" data-testid="demo-violations">{listed}</ul> })}
            {suggestion}
            {cite}
        </div>
    }
    .into_any()
}
