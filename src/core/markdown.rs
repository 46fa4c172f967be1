//! Markdown to HTML for clause bodies, safe to put into a page as-is.
//!
//! Clause text comes from users and from imported or shared files, so it is hostile until
//! proven otherwise. Raw HTML is shown as text, never interpreted. Links keep only safe
//! destinations (http, https, mailto, tel, in-page and relative); any other scheme, such as
//! `javascript:`, turns the whole link into plain text. Images are never loaded (the page
//! makes no requests beyond its own files): they are shown as text.
//!
//! `build.rs` compiles this file on its own to render the starter's clause bodies at build
//! time, so it uses pulldown-cmark and the standard library only, nothing else of the crate.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Renders CommonMark (with GitHub tables and strikethrough) to inert HTML.
pub fn render(src: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::with_capacity(src.len() * 3 / 2 + 16);
    html::push_html(&mut out, Sanitize::new(Parser::new_ext(src, options)));
    out
}

/// Is this link destination safe to put into `href`?
pub fn is_safe_url(url: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside a scheme
    // (`java\tscript:`), so strip them before looking for one.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    let scheme_end = cleaned.find(':');
    let path_start = cleaned.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        // A colon before any path character: this is a scheme.
        (Some(colon), None) => is_allowed_scheme(&cleaned[..colon]),
        (Some(colon), Some(path)) if colon < path => is_allowed_scheme(&cleaned[..colon]),
        // No scheme: relative or in-page.
        _ => true,
    }
}

fn is_allowed_scheme(scheme: &str) -> bool {
    matches!(
        scheme.to_ascii_lowercase().as_str(),
        "http" | "https" | "mailto" | "tel"
    )
}

/// Rewrites parser events so the output is inert.
struct Sanitize<'a, I: Iterator<Item = Event<'a>>> {
    inner: I,
    /// Depth of unsafe links being flattened into text.
    unsafe_links: Vec<CowStr<'a>>,
    /// Destination and alt text collected for an image being turned into text.
    image: Option<(CowStr<'a>, String)>,
}

impl<'a, I: Iterator<Item = Event<'a>>> Sanitize<'a, I> {
    fn new(inner: I) -> Self {
        Sanitize {
            inner,
            unsafe_links: Vec::new(),
            image: None,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for Sanitize<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            let event = self.inner.next()?;
            // Inside an image: gather its alt text, emit it as text when the image ends.
            if self.image.is_some() {
                match event {
                    Event::End(TagEnd::Image) => {
                        if let Some((url, alt)) = self.image.take() {
                            return Some(Event::Text(format!("[{alt}]({url})").into()));
                        }
                    }
                    Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                        if let Some((_, alt)) = self.image.as_mut() {
                            alt.push_str(&t);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            return Some(match event {
                Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    self.image = Some((dest_url, String::new()));
                    continue;
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    if is_safe_url(&dest_url) {
                        Event::Start(Tag::Link {
                            link_type,
                            dest_url,
                            title,
                            id,
                        })
                    } else {
                        self.unsafe_links.push(dest_url);
                        Event::Text("[".into())
                    }
                }
                Event::End(TagEnd::Link) => match self.unsafe_links.pop() {
                    Some(url) => Event::Text(format!("]({url})").into()),
                    None => Event::End(TagEnd::Link),
                },
                other => other,
            });
        }
    }
}

/// The plain text of a Markdown source (for search snippets and plain exports).
pub fn plain_text(src: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(src) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
