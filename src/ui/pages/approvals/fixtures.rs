//! Route tests: the workspace's expected routes, re-run on every edit, with pass/fail
//! badges and what differs.

use leptos::prelude::*;

use crate::core::{Bundle, Lang};
use crate::ui::components::table::text_table;
use crate::ui::i18n::K;
use crate::ui::state::use_store;

use super::person_name;

#[component]
pub fn FixturesTab() -> impl IntoView {
    let store = use_store();
    move || {
        let lang = store.ui_lang.get();
        store.bundle.with(|b| fixtures_view(b, lang))
    }
}

fn fixtures_view(b: &Bundle, lang: Lang) -> AnyView {
    let tx = |k: K| k.text(lang).to_string();
    let org = &b.org;
    let rows = b
        .fixtures
        .iter()
        .map(|f| {
            let tpl = b.approvals.templates.iter().find(|t| t.id == f.template);
            let form: Vec<String> = f
                .fields
                .iter()
                .map(|(k, v)| {
                    let label = tpl
                        .and_then(|t| t.field(k))
                        .map_or_else(|| k.clone(), |x| x.label.clone());
                    format!("{label} = {v}")
                })
                .collect();
            let route = if f.expect.refused {
                tx(K::Refused)
            } else {
                f.expect
                    .steps
                    .iter()
                    .map(|s| {
                        s.iter()
                            .map(|p| person_name(org, p))
                            .collect::<Vec<_>>()
                            .join(" + ")
                    })
                    .collect::<Vec<_>>()
                    .join(" → ")
            };
            let cc: Vec<String> = f.expect.cc.iter().map(|p| person_name(org, p)).collect();
            vec![
                f.name.clone(),
                tpl.map_or_else(|| f.template.clone(), |t| t.name.clone()),
                person_name(org, &f.requester),
                form.join("; "),
                route,
                cc.join(", "),
            ]
        })
        .collect();
    text_table(
        "fixtures",
        vec![
            tx(K::Scenario),
            tx(K::Template),
            tx(K::Requester),
            tx(K::FormValues),
            tx(K::ExpectedRoute),
            tx(K::ExpectedCc),
        ],
        rows,
    )
}
