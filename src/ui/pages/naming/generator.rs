//! The generator: one field per part of the scheme, the literals added for you, and a name
//! that is guaranteed to pass (core refuses to produce one that would not).

use leptos::prelude::*;

use super::{code_text, NamingCtx};
use crate::core::naming::generate::{generate, sample_values};
use crate::core::naming::Component;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

#[component]
pub fn Generator() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<NamingCtx>();
    let samples = move || {
        ctx.scheme
            .get_untracked()
            .map(|s| ctx.org.with_untracked(|org| sample_values(&s, org)))
            .unwrap_or_default()
    };
    let values = RwSignal::new(samples());
    // A different scheme starts from its own sample values.
    Effect::watch(
        move || ctx.selected.get(),
        move |_, _, _| values.set(samples()),
        false,
    );
    let result = Memo::new(move |_| {
        let scheme = ctx.scheme.get()?;
        // Values kept for parts the scheme no longer has are left out.
        let vals: Vec<(String, String)> = values
            .get()
            .into_iter()
            .filter(|(k, _)| scheme.components.iter().any(|c| c.id() == Some(k)))
            .collect();
        Some(ctx.org.with(|org| generate(&scheme, org, &vals)))
    });
    let value_of = move |id: &str| {
        values.with(|v| {
            v.iter()
                .find(|(k, _)| k == id)
                .map(|(_, x)| x.clone())
                .unwrap_or_default()
        })
    };
    let set_value = move |id: String, x: String| {
        values.update(|v| match v.iter_mut().find(|(k, _)| *k == id) {
            Some(slot) => slot.1 = x,
            None => v.push((id, x)),
        })
    };

    let fields = move || {
        let lang = store.ui_lang.get();
        let scheme = ctx.scheme.get()?;
        let org = ctx.org.get();
        Some(
            scheme
                .components
                .iter()
                .filter_map(|c| {
                    let id = c.id()?.to_string();
                    let input_id = format!("gen-{id}");
                    let list_id = format!("gen-list-{id}");
                    let options: Vec<String> = match c {
                        Component::Dictionary { source, .. } => {
                            source.entries(&org).into_iter().map(|e| e.value).collect()
                        }
                        Component::Extension { values, .. } => values.clone(),
                        _ => Vec::new(),
                    };
                    let has_list = !options.is_empty();
                    let mut label = c.label().to_string();
                    if c.is_optional() {
                        label.push_str(&format!(" ({})", K::Optional.text(lang)));
                    }
                    let id_for_value = id.clone();
                    let id_for_error = id.clone();
                    let error = move || {
                        let lang = store.ui_lang.get();
                        result.with(|r| match r {
                            Some(Err(errors)) => errors
                                .iter()
                                .filter(|e| e.component.as_deref() == Some(id_for_error.as_str()))
                                .map(|e| code_text(e.code, &e.params, lang))
                                .collect::<Vec<_>>()
                                .join("；"),
                            _ => String::new(),
                        })
                    };
                    Some(view! {
                        <div class="gen-field">
                            <label for=input_id.clone()>{label}</label>
                            <input
                                id=input_id
                                type="text"
                                data-testid="gen-field"
                                data-component=id.clone()
                                list=has_list.then(|| list_id.clone())
                                autocomplete="off"
                                prop:value=move || value_of(&id_for_value)
                                on:input=cb(move |e: leptos::ev::Event| set_value(id.clone(), event_target_value(&e)))
                            />
                            {has_list.then(|| view! {
                                <datalist id=list_id>
                                    {options.into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
                                </datalist>
                            })}
                            <span class="field-error" role="alert">{error}</span>
                        </div>
                    })
                })
                .collect_view(),
        )
    };

    let output = move || {
        let lang = store.ui_lang.get();
        result.with(|r| match r {
            Some(Ok(name)) => {
                let name = name.clone();
                let check = name.clone();
                view! {
                    <p class="generated">
                        <span aria-hidden="true">"✓ "</span>
                        <output data-testid="generated">{name}</output> " "
                        <button type="button" data-testid="generated-check" on:click=cb(move |_| ctx.check_name(check.clone()))>
                            {K::TryInChecker.text(lang)}
                        </button>
                    </p>
                }
                .into_any()
            }
            Some(Err(errors)) => {
                // Errors about the whole name have no field to sit under.
                let general: Vec<String> = errors
                    .iter()
                    .filter(|e| e.component.is_none())
                    .map(|e| code_text(e.code, &e.params, lang))
                    .collect();
                view! {
                    <p class="muted" data-testid="generated-none">{K::GeneratorFixFields.text(lang)}</p>
                    <ul class="violations">{general.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                }
                .into_any()
            }
            None => ().into_any(),
        })
    };

    view! {
        <section class="panel generator" aria-labelledby="generator-title">
            <h2 id="generator-title">{tr(K::GeneratorTitle)}</h2>
            <p class="muted">{tr(K::GeneratorIntro)}</p>
            <div class="gen-fields">{fields}</div>
            {output}
        </section>
    }
}
