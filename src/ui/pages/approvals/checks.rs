//! The static checks of the approval templates (lint), in words: mistakes that show up
//! only for some requests, found without simulating every request. A memo over the
//! workspace, so the list follows every edit.

use leptos::prelude::*;

use super::words::Namer;
use super::{ApprovalsCtx, Tab};
use crate::core::lint::Severity;
use crate::core::Lang;
use crate::ui::components::widgets::cb;
use crate::ui::i18n::{tr, K};
use crate::ui::state::use_store;

#[component]
pub fn ChecksTab() -> impl IntoView {
    let store = use_store();
    let ctx = expect_context::<ApprovalsCtx>();
    let body = move || {
        let lang = store.ui_lang.get();
        ctx.findings.with(|findings| {
            let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
            let warnings = findings.len() - errors;
            let summary = match lang {
                _ if findings.is_empty() => K::ChecksNone.text(lang).to_string(),
                Lang::Zh => format!("{errors} 个错误，{warnings} 个提醒"),
                Lang::En => format!("{errors} error(s), {warnings} warning(s)"),
            };
            let items = store.bundle.with(|b| {
                findings
                    .iter()
                    .map(|f| {
                        let template = b.approvals.templates.iter().find(|t| t.id == f.template);
                        let names = Namer { org: &b.org, template, lang };
                        let (badge, class) = match f.severity {
                            Severity::Error => (K::SeverityError, "badge bad"),
                            Severity::Warning => (K::SeverityWarning, "badge warn"),
                        };
                        let where_ = template.map_or(f.template.clone(), |t| t.name.clone());
                        // The templates tab opens on the simulator's template.
                        let open = {
                            let id = f.template.clone();
                            move |_| {
                                ctx.sim.template.set(id.clone());
                                ctx.tab.set(Tab::Templates);
                            }
                        };
                        view! {
                            <li data-code=f.code>
                                <span class=class>{badge.text(lang)}</span>
                                " "
                                <button type="button" class="link-button" data-testid="check-open" on:click=cb(open)>
                                    {where_}
                                </button>
                                ": "
                                {names.finding(f)}
                                <br/>
                                <code class="muted small">{f.path.clone()}</code>
                            </li>
                        }
                    })
                    .collect_view()
            });
            let bad = errors > 0;
            view! {
                <p class="fixtures-summary" class:bad=bad data-testid="checks-summary" role="status">{summary}</p>
                <ul class="findings" data-testid="checks">{items}</ul>
            }
        })
    };
    view! {
        <p class="lead small">{tr(K::ChecksIntro)}</p>
        {body}
    }
}
