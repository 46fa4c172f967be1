//! Small pieces shared by pages.

use leptos::prelude::*;

use crate::core::policy::article_label;
use crate::core::{Bundle, Lang};
use crate::ui::i18n::K;

/// "Stated in: Article N title (id)" for a rule that cites a usage-code clause.
pub fn clause_cite(b: &Bundle, clause: &str, lang: Lang) -> AnyView {
    let text = match b.policy.article_number(clause) {
        Some(n) => {
            let title = b
                .policy
                .clause(clause)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            format!("{} {title} ({clause})", article_label(b.settings.lang, n))
        }
        None => clause.to_string(),
    };
    view! { <p class="cite">{K::StatedIn.text(lang)} ": " {text}</p> }.into_any()
}
