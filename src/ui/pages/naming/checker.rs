//! The live checker: a name checked as it is typed, the offending parts highlighted, every
//! violation in words with the clause that states the rule, and the corrected name one
//! click away. Beside it, the generator, the reference examples and the rule itself.

use leptos::prelude::*;

use super::{code_text, component_name, generator, reference, NamingCtx};
use crate::core::naming::check::{NameCheck, Violation};
use crate::core::naming::NamingScheme;
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::pages::common::clause_cite;
use crate::ui::state::use_store;

/// Violations listed under the checker; a pasted essay is not a name.
const MAX_LISTED: usize = 50;

#[component]
pub fn CheckTab() -> impl IntoView {
    view! {
        <div class="naming-check">
            <div class="naming-main">
                <Checker/>
                <generator::Generator/>
            </div>
            <aside class="naming-side">
                <reference::Examples/>
                <reference::RuleCard/>
            </aside>
        </div>
    }
}

#[component]
fn Checker() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let result = Memo::new(move |_| {
        let name = ctx.check_input.get();
        ctx.compiled.with(|c| match c {
            Some(Ok(compiled)) => Some(compiled.check(&name)),
            _ => None,
        })
    });

    view! {
        <section class="panel checker" aria-labelledby="checker-title">
            <h2 id="checker-title">{tr(K::CheckerTitle)}</h2>
            <label for="name-input">{tr(K::NameToCheck)}</label>
            <input
                id="name-input"
                type="text"
                data-testid="name-input"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || ctx.scheme.with(|s| s.as_ref().map(NamingScheme::pattern).unwrap_or_default())
                prop:value=move || ctx.check_input.get()
                on:input=cb(move |e: leptos::ev::Event| ctx.check_input.set(event_target_value(&e)))
            />
            {move || {
                let lang = store.ui_lang.get();
                let name = ctx.check_input.get();
                result.with(|r| match r {
                    None => view! { <p class="muted">{K::FixSchemeFirst.text(lang)}</p> }.into_any(),
                    Some(check) => verdict_view(&name, check, lang, ctx),
                })
            }}
        </section>
    }
}

fn verdict_view(name: &str, check: &NameCheck, lang: Lang, ctx: NamingCtx) -> AnyView {
    let store = use_store();
    if name.is_empty() {
        return view! { <p class="muted" data-testid="verdict" data-ok="">{K::TypeAName.text(lang)}</p> }.into_any();
    }
    let scheme = ctx.scheme.get_untracked().unwrap_or_default();
    let listed: Vec<AnyView> = check
        .violations
        .iter()
        .take(MAX_LISTED)
        .map(|v| {
            let part = violation_place(v, &scheme, lang);
            let message = code_text(v.code, &v.params, lang);
            view! { <li data-code=v.code><b>{part}</b> " " {message}</li> }.into_any()
        })
        .collect();
    let more = check.violations.len().saturating_sub(MAX_LISTED);
    let suggestion = check.suggestion.clone().map(|s| {
        let apply = s.clone();
        view! {
            <p class="suggestion">
                {K::SuggestedName.text(lang)} " "
                <code data-testid="suggestion">{s}</code> " "
                <button
                    type="button"
                    data-testid="apply-suggestion"
                    on:click=cb(move |_| ctx.check_input.set(apply.clone()))
                >
                    {K::ApplySuggestion.text(lang)}
                </button>
            </p>
        }
    });
    let cite = scheme
        .clause
        .as_deref()
        .map(|c| store.bundle.with_untracked(|b| clause_cite(b, c, lang)));
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
    view! {
        <div class="verdict" class:ok=ok class:bad=!ok>
            <p data-testid="verdict" data-ok=ok.to_string()>
                <span aria-hidden="true">{if ok { "✓ " } else { "✗ " }}</span>
                {summary}
            </p>
            <p class="highlighted" data-testid="name-highlight" lang="zh">{highlight(name, &check.violations, lang)}</p>
            {(!ok).then(|| view! { <ul class="violations" data-testid="violations">{listed}</ul> })}
            {(more > 0).then(|| view! { <p class="muted">{format!("… +{more}")}</p> })}
            {suggestion}
            {(!ok).then_some(cite)}
        </div>
    }
    .into_any()
}

/// Which part of the scheme a violation is about, in words.
pub fn violation_place(v: &Violation, scheme: &NamingScheme, lang: Lang) -> String {
    if v.component == "name" {
        return K::WholeName.text(lang).to_string();
    }
    scheme
        .components
        .iter()
        .find(|c| c.id() == Some(v.component.as_str()))
        .map(|c| component_name(c, lang))
        .unwrap_or_else(|| format!("{} “{}”", K::KindLiteral.text(lang), v.component))
}

/// The name with the characters each violation is about marked, and a caret where
/// something is missing. Rules about the whole name (its length) mark nothing: they would
/// hide the precise marks.
pub fn highlight(name: &str, violations: &[Violation], lang: Lang) -> Vec<AnyView> {
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    // Per character: the violations covering it; per position: the ones inserting there.
    let mut cover: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut gaps: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (k, v) in violations.iter().enumerate().take(MAX_LISTED) {
        if matches!(v.code, "name_too_long" | "name_too_short") {
            continue;
        }
        let (a, b) = (v.span.0.min(n), v.span.1.min(n));
        if a == b {
            gaps[a].push(k);
        } else {
            cover[a..b].iter_mut().for_each(|c| c.push(k));
        }
    }
    let titles = |ks: &[usize]| {
        ks.iter()
            .map(|&k| code_text(violations[k].code, &violations[k].params, lang))
            .collect::<Vec<_>>()
            .join("；")
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i <= n {
        if !gaps[i].is_empty() {
            let title = titles(&gaps[i]);
            out.push(view! { <mark class="gap" data-testid="mark" title=title.clone() aria-label=title></mark> }.into_any());
        }
        if i == n {
            break;
        }
        let mut j = i + 1;
        while j < n && cover[j] == cover[i] && gaps[j].is_empty() {
            j += 1;
        }
        let text: String = chars[i..j].iter().collect();
        if cover[i].is_empty() {
            out.push(text.into_any());
        } else {
            let title = titles(&cover[i]);
            out.push(
                view! { <mark class="bad" data-testid="mark" title=title>{text}</mark> }.into_any(),
            );
        }
        i = j;
    }
    out
}
