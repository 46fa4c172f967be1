//! The chosen template: name, description, clause, form fields, CC and its own routing
//! policies. The flow has its own module.

use std::sync::Arc;

use leptos::prelude::*;

use super::flow::{approver_editor, flow_list, WhoAt};
use super::inputs::{
    bind, bind_text, check_field, lens, list_actions, select_field, text_field, Choices, Ed, Lens,
    Reader,
};
use super::{policies_form, template_problems, PolTarget};
use crate::core::policy::article_label;
use crate::core::routing::{
    describe, ApproverSpec, CcEntry, CcTiming, Field, FieldKind, SelectOption, Template,
};
use crate::core::routing_edit::{new_field_id, new_field_kind, parse_number, remove_item};
use crate::core::Lang;
use crate::ui::components::widgets::{cb, icon_button};
use crate::ui::i18n::K;

/// The editor of the chosen template, built from its structure `s`.
pub fn editor(ed: Ed, s: &Template, lang: Lang) -> AnyView {
    let t = |k: K| k.text(lang);
    let clauses: Reader<Choices> = Arc::new(move |_, b| {
        let mut out = vec![(String::new(), "—".to_string())];
        let mut n = 0;
        for ch in &b.policy.chapters {
            for c in &ch.clauses {
                n += 1;
                out.push((
                    c.id.clone(),
                    format!("{} {}", article_label(b.settings.lang, n), c.title),
                ));
            }
        }
        out
    });
    let fields = s
        .fields
        .iter()
        .enumerate()
        .map(|(k, f)| field_row(ed, k, f, s.fields.len(), lang))
        .collect_view();
    let new_label = RwSignal::new(String::new());
    let add_field = move |_| {
        let label = new_label.get_untracked().trim().to_string();
        let label = if label.is_empty() {
            K::TeFieldNewLabel.text(lang).to_string()
        } else {
            label
        };
        ed.edit(None, move |t, _| {
            let id = new_field_id(&label, &t.fields);
            t.fields.push(Field {
                id,
                label,
                required: false,
                kind: new_field_kind("text"),
            });
        });
    };
    let cc =
        s.cc.iter()
            .enumerate()
            .map(|(k, c)| cc_row(ed, k, &c.who, s.cc.len(), lang))
            .collect_view();
    let add_cc = move |_| {
        ed.edit(None, |t, _| {
            t.cc.push(CcEntry {
                who: ApproverSpec::DeptHead { dept: None },
                when: CcTiming::OnApproved,
            });
        });
    };
    let i = ed.sel.get_untracked();
    let own = s.policies.is_some();
    let set_own = move |on: bool| {
        ed.store.edit(None, |b| {
            let ws = b.approvals.policies.clone();
            if let Some(t) = b.approvals.templates.get_mut(i) {
                t.policies = on.then_some(ws);
            }
        });
    };
    view! {
        <div class="tpl-editor" id="tpl-editor" data-testid="tpl-editor" data-id=s.id.clone()>
            {template_problems(ed, lang)}
            <section class="panel tpl-basics">
                {text_field(ed, t(K::TplName), "tpl-name", "name".into(), bind_text(lens(|t| Some(&mut t.name))))}
                <div class="field">
                    <span>{t(K::TplId)}</span>
                    <code data-testid="tpl-id">{s.id.clone()}</code>
                </div>
                {text_field(ed, t(K::SchemeDescription), "tpl-description", "description".into(), bind_text(lens(|t| Some(&mut t.description))))}
                {select_field(
                    ed,
                    t(K::StatedIn),
                    "tpl-clause",
                    clauses,
                    Arc::new(|t, _| t.clause.clone().unwrap_or_default()),
                    Arc::new(|t, _, v| t.clause = (!v.is_empty()).then_some(v)),
                )}
            </section>
            <section class="panel">
                <h3>{t(K::Fields)}</h3>
                <ol class="edit-rows">{fields}</ol>
                <div class="add-bar">
                    <input
                        type="text"
                        data-testid="field-new-label"
                        aria-label=t(K::TeFieldNewLabelHint)
                        placeholder=t(K::TeFieldNewLabelHint)
                        prop:value=move || new_label.get()
                        on:input=cb(move |e: leptos::ev::Event| new_label.set(event_target_value(&e)))
                    />
                    <button type="button" data-testid="field-add" on:click=cb(add_field)>
                        "+ " {t(K::TeFieldAdd)}
                    </button>
                </div>
            </section>
            <section class="panel">
                <h3>{t(K::Flow)}</h3>
                <p class="muted">{t(K::TeFlowHint)}</p>
                {flow_list(ed, s, Vec::new(), lang)}
            </section>
            <section class="panel">
                <h3>{t(K::Cc)}</h3>
                <ol class="edit-rows">{cc}</ol>
                <div class="add-bar">
                    <button type="button" data-testid="cc-add" on:click=cb(add_cc)>"+ " {t(K::TeCcAdd)}</button>
                </div>
            </section>
            <section class="panel">
                <h3>{t(K::TePolicyOverride)}</h3>
                <div class="radios">
                    <label class="check">
                        <input type="radio" name="tpl-policies" data-testid="tpl-policies-inherit"
                            prop:checked=!own on:change=cb(move |_| set_own(false))/>
                        " " {t(K::TeUseWorkspacePolicies)}
                    </label>
                    <label class="check">
                        <input type="radio" name="tpl-policies" data-testid="tpl-policies-own"
                            prop:checked=own on:change=cb(move |_| set_own(true))/>
                        " " {t(K::TeOwnPolicies)}
                    </label>
                </div>
                {own.then(|| policies_form(ed.store, PolTarget::Template(i), "tpl-policy-", lang))}
            </section>
        </div>
    }
    .into_any()
}

/// The kinds a field can have, with their names.
const FIELD_KINDS: [(&str, K); 7] = [
    ("number", K::TeFkNumber),
    ("money", K::TeFkMoney),
    ("select", K::TeFkSelect),
    ("text", K::TeFkText),
    ("date", K::TeFkDate),
    ("yes_no", K::TeFkYesNo),
    ("attachment", K::TeFkAttachment),
];

fn fixed(items: Vec<(String, String)>) -> Reader<Choices> {
    Arc::new(move |_, _| items.clone())
}

fn opt_number(v: &Option<f64>) -> String {
    v.map(describe::format_number).unwrap_or_default()
}

fn parse_opt_number(s: &str) -> Option<Option<f64>> {
    if s.trim().is_empty() {
        Some(None)
    } else {
        parse_number(s).map(Some)
    }
}

fn opt_count(v: &Option<u32>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

fn parse_opt_count(s: &str) -> Option<Option<u32>> {
    if s.trim().is_empty() {
        Some(None)
    } else {
        s.trim().parse::<u32>().ok().filter(|n| *n >= 1).map(Some)
    }
}

fn field_row(ed: Ed, k: usize, f: &Field, count: usize, lang: Lang) -> AnyView {
    let t = |key: K| key.text(lang);
    let kind_name = f.kind.type_name();
    let kind_label = FIELD_KINDS
        .iter()
        .find(|(n, _)| *n == kind_name)
        .map_or("", |(_, l)| l.text(lang));
    let kinds = fixed(
        FIELD_KINDS
            .iter()
            .map(|(n, l)| (n.to_string(), l.text(lang).to_string()))
            .collect(),
    );
    let key = |name: &str| format!("f{k}.{name}");
    let bound = |get: fn(&mut FieldKind) -> Option<&mut Option<f64>>| -> Lens<Option<f64>> {
        lens(move |t| get(&mut t.fields.get_mut(k)?.kind))
    };
    let num =
        |label: K, testid: &'static str, get: fn(&mut FieldKind) -> Option<&mut Option<f64>>| {
            text_field(
                ed,
                t(label),
                testid,
                key(testid),
                bind(bound(get), opt_number, parse_opt_number),
            )
        };
    let min_excl = || {
        check_field(
            ed,
            t(K::TeMinExclusive),
            "field-min-exclusive",
            lens(move |t| match &mut t.fields.get_mut(k)?.kind {
                FieldKind::Number { min_exclusive, .. }
                | FieldKind::Money { min_exclusive, .. } => Some(min_exclusive),
                _ => None,
            }),
        )
    };
    let min: fn(&mut FieldKind) -> Option<&mut Option<f64>> = |k| match k {
        FieldKind::Number { min, .. } | FieldKind::Money { min, .. } => Some(min),
        _ => None,
    };
    let max: fn(&mut FieldKind) -> Option<&mut Option<f64>> = |k| match k {
        FieldKind::Number { max, .. } | FieldKind::Money { max, .. } => Some(max),
        _ => None,
    };
    let bounds = match &f.kind {
        FieldKind::Number { .. } => view! {
            {num(K::TeMin, "field-min", min)}
            {num(K::TeMax, "field-max", max)}
            {min_excl()}
            {num(K::TeStepSize, "field-step", |k| match k {
                FieldKind::Number { step, .. } => Some(step),
                _ => None,
            })}
        }
        .into_any(),
        FieldKind::Money { .. } => view! {
            {num(K::TeMin, "field-min", min)}
            {num(K::TeMax, "field-max", max)}
            {min_excl()}
        }
        .into_any(),
        FieldKind::Text { .. } => text_field(
            ed,
            t(K::MaxLength),
            "field-max-len",
            key("max_len"),
            bind(
                lens(move |t| match &mut t.fields.get_mut(k)?.kind {
                    FieldKind::Text { max_len } => Some(max_len),
                    _ => None,
                }),
                opt_count,
                parse_opt_count,
            ),
        ),
        FieldKind::Select { options } => options_editor(ed, k, options.len(), lang),
        _ => ().into_any(),
    };
    view! {
        <li class="edit-row field-row" data-testid="field-row" data-id=f.id.clone()>
            <div class="row-head">
                <span class="kind-badge">{kind_label}</span>
                <b>{move || ed.read(|t, _| t.fields.get(k).map(|f| f.label.clone()))}</b>
                <code>{f.id.clone()}</code>
                {list_actions(ed, k, count, K::TeFieldRemove, lens(|t| Some(&mut t.fields)))}
            </div>
            <div class="row-fields">
                {text_field(ed, t(K::TeFieldLabel), "field-label", key("label"), bind_text(lens(move |t| Some(&mut t.fields.get_mut(k)?.label))))}
                {select_field(
                    ed,
                    t(K::FieldType),
                    "field-kind",
                    kinds,
                    Arc::new(move |t, _| t.fields.get(k).map(|f| f.kind.type_name().to_string()).unwrap_or_default()),
                    Arc::new(move |t, _, v| {
                        if let Some(f) = t.fields.get_mut(k) {
                            if f.kind.type_name() != v {
                                f.kind = new_field_kind(&v);
                            }
                        }
                    }),
                )}
                {check_field(ed, t(K::Required), "field-required", lens(move |t| Some(&mut t.fields.get_mut(k)?.required)))}
                {bounds}
            </div>
        </li>
    }
    .into_any()
}

/// The options of select field `k`: value and label each, add and remove.
fn options_editor(ed: Ed, k: usize, count: usize, lang: Lang) -> AnyView {
    let t = |key: K| key.text(lang);
    fn options(t: &mut Template, k: usize) -> Option<&mut Vec<SelectOption>> {
        match &mut t.fields.get_mut(k)?.kind {
            FieldKind::Select { options } => Some(options),
            _ => None,
        }
    }
    let rows = (0..count)
        .map(|o| {
            let part = |name: &'static str, get: fn(&mut SelectOption) -> &mut String| {
                text_field(
                    ed,
                    t(if name == "value" {
                        K::TeOptionValue
                    } else {
                        K::ComponentLabel
                    }),
                    if name == "value" {
                        "option-value"
                    } else {
                        "option-label"
                    },
                    format!("f{k}.o{o}.{name}"),
                    bind_text(lens(move |t| options(t, k)?.get_mut(o).map(get))),
                )
            };
            view! {
                <li class="option-row">
                    {part("value", |o| &mut o.value)}
                    {part("label", |o| &mut o.label)}
                    {icon_button(K::TeOptionRemove, "✕", true, move |_| {
                        ed.edit(None, move |t, _| {
                            if let Some(opts) = options(t, k) {
                                remove_item(opts, o);
                            }
                        })
                    })}
                </li>
            }
        })
        .collect_view();
    let add = move |_| {
        ed.edit(None, move |t, _| {
            if let Some(opts) = options(t, k) {
                let n = opts.len() + 1;
                opts.push(SelectOption {
                    value: format!("option_{n}"),
                    label: format!("{} {n}", K::TeOptionValue.text(lang)),
                });
            }
        })
    };
    view! {
        <div class="options-edit">
            <span>{t(K::TeOptionsTitle)}</span>
            <ol>{rows}</ol>
            <button type="button" data-testid="option-add" on:click=cb(add)>"+ " {t(K::TeOptionAdd)}</button>
        </div>
    }
    .into_any()
}

fn cc_row(ed: Ed, k: usize, who: &ApproverSpec, count: usize, lang: Lang) -> AnyView {
    let timings = fixed(
        [
            CcTiming::OnSubmit,
            CcTiming::OnApproved,
            CcTiming::OnFinished,
        ]
        .iter()
        .map(|w| (timing_code(*w).to_string(), describe::cc_timing(*w, lang)))
        .collect(),
    );
    view! {
        <li class="edit-row cc-row" data-testid="cc-row">
            <div class="row-head">
                <span class="kind-badge">{K::Cc.text(lang)}</span>
                {list_actions(ed, k, count, K::TeCcRemove, lens(|t| Some(&mut t.cc)))}
            </div>
            <div class="row-fields">
                {approver_editor(ed, WhoAt::Cc(k), who, lang)}
                {select_field(
                    ed,
                    K::TeCcWhen.text(lang),
                    "cc-when",
                    timings,
                    Arc::new(move |t, _| t.cc.get(k).map(|c| timing_code(c.when).to_string()).unwrap_or_default()),
                    Arc::new(move |t, _, v| {
                        if let Some(c) = t.cc.get_mut(k) {
                            c.when = match v.as_str() {
                                "on_submit" => CcTiming::OnSubmit,
                                "on_finished" => CcTiming::OnFinished,
                                _ => CcTiming::OnApproved,
                            };
                        }
                    }),
                )}
            </div>
        </li>
    }
    .into_any()
}

fn timing_code(w: CcTiming) -> &'static str {
    match w {
        CcTiming::OnSubmit => "on_submit",
        CcTiming::OnApproved => "on_approved",
        CcTiming::OnFinished => "on_finished",
    }
}
