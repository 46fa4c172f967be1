//! Plain data tables and lists. The read-only areas show a lot of tabular data; routing all
//! of it through these few functions keeps one compiled copy of the table code instead of
//! one per table shape.

use leptos::prelude::*;

/// A table of text cells with a header row. `testid` names it for tests.
pub fn text_table(testid: &'static str, headers: Vec<String>, rows: Vec<Vec<String>>) -> AnyView {
    view! {
        <div class="table-wrap">
            <table data-testid=testid>
                <thead>
                    <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| view! { <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A two-column table of label and value.
pub fn key_value_table(testid: &'static str, rows: Vec<(String, String)>) -> AnyView {
    view! {
        <table class="summary" data-testid=testid>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// A bulleted list of text.
pub fn text_list(class: &'static str, items: Vec<String>) -> AnyView {
    view! { <ul class=class>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
}

/// A card: heading, optional id, and body.
pub fn card(testid: &'static str, title: String, id: String, body: AnyView) -> AnyView {
    let label = id.clone();
    view! {
        <article class="card" data-testid=testid data-id=id>
            <h3>{title} " " <small><code>{label}</code></small></h3>
            {body}
        </article>
    }
    .into_any()
}
