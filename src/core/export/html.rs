//! The standalone HTML writer: one file with inline CSS and no scripts, laid out as a
//! printed policy (A4 pages, a chapter per page, a running header with the document code
//! and version).
//!
//! Every text is escaped, and a Content-Security-Policy in the file itself forbids scripts,
//! so even a browser that opened a doctored copy would run nothing. The flow drawings are
//! SVG made by `core::flow_diagram`, whose texts are escaped by their maker.

use std::fmt::Write;

use super::doc::{article_gap, article_head, Block, Document, Inline};
use super::words::Words;
use crate::core::lang::Lang;

/// Text for element content and quoted attribute values: the same escaping as the flow
/// drawings that the file embeds (control characters become spaces).
pub use crate::core::flow_diagram::escape;

/// The style sheet of the file; the app's print view uses the same file.
const CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0; background: #f3f4f6; color: #1f2328; font: 16px/1.75 "Times New Roman", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; }
main { max-width: 46rem; margin: 1.5rem auto; background: #fff; padding: 2.5rem 3rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1, h2, h3, .article-head, th, .cover th { font-family: "Arial", "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
h1 { text-align: center; font-size: 1.7rem; margin: .5rem 0 1rem; }
h2 { text-align: center; font-size: 1.25rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.article { margin: .4rem 0; }
.article p { margin: .25rem 0; text-indent: 0; }
.article-head { font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; line-height: 1.5; }
th, td { border: 1px solid #8c959f; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f4; }
table.cover { width: auto; min-width: 60%; margin: 0 auto 1.5rem; }
table.cover th { width: 8rem; }
nav.toc ol { padding-left: 1.5rem; }
nav.toc a { color: inherit; }
code { font-family: "Consolas", "Menlo", monospace; background: #f0f2f4; padding: 0 .2rem; border-radius: 3px; }
pre { background: #f6f8fa; padding: .5rem .75rem; overflow-x: auto; white-space: pre-wrap; }
blockquote { margin: .5rem 0; padding: 0 1rem; border-left: 3px solid #d0d7de; color: #57606a; }
figure { margin: .75rem 0 1rem; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption, .note { font-size: .85rem; color: #57606a; }
ul, ol { margin: .25rem 0 .5rem; padding-left: 1.6rem; }
a { color: #0a5bd3; }
@media screen and (max-width: 40rem) { main { margin: 0; padding: 1rem; box-shadow: none; } table.cover { min-width: 0; width: 100%; } }
@page { size: A4; margin: 22mm 20mm 20mm; }
@media print {
  body { background: #fff; font-size: 11.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2.chapter { break-before: page; }
  nav.toc { break-after: page; }
  h2, h3, .article-head { break-after: avoid; }
  tr, figure, .article { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The document as one HTML file.
pub fn write(d: &Document) -> String {
    let w = Words::of(d.lang);
    let mut out = String::with_capacity(64 * 1024);
    let lang = match d.lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}{}</style>\n</head>\n<body>\n",
        escape(&d.title),
        running_header_css(&d.running_header)
    );
    out.push_str("<main>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&d.title));
    let _ = writeln!(
        out,
        "<table class=\"cover\" aria-label=\"{}\">",
        escape(w.cover_title)
    );
    for (label, value) in &d.cover {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(label),
            escape(value)
        );
    }
    out.push_str("</table>\n");
    toc(&mut out, d, w);
    for block in &d.blocks {
        write_block(&mut out, block, d.lang);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The running header of printed pages, as a page margin box (CSS Paged Media; Chromium
/// 131 and later, which is what prints to PDF here).
fn running_header_css(header: &str) -> String {
    if header.trim().is_empty() {
        return String::new();
    }
    format!(
        "@page {{ @top-right {{ content: \"{}\"; font: 9pt Arial, \"SimHei\", sans-serif; color: #57606a; }} }}\n",
        css_string(header)
    )
}

/// Text inside a double-quoted CSS string in a `<style>` element: quotes, backslashes and
/// line ends escaped, and `<` written as an escape so `</style>` cannot end the element.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The contents: every chapter and appendix, linked.
fn toc(out: &mut String, d: &Document, w: &Words) {
    let entries: Vec<(&str, &str)> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level: 1,
                text,
                anchor,
            } => Some((text.as_str(), anchor.as_str())),
            _ => None,
        })
        .collect();
    if entries.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<nav class=\"toc\" aria-label=\"{0}\"><h3>{0}</h3><ol>",
        escape(w.contents)
    );
    for (text, anchor) in entries {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&anchor_id(anchor)),
            escape(text)
        );
    }
    out.push_str("</ol></nav>\n");
}

/// An element id from a stable anchor: ids are user data, so keep a safe alphabet.
fn anchor_id(anchor: &str) -> String {
    let cleaned: String = anchor
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("s-{cleaned}")
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Heading {
            level,
            text,
            anchor,
        } => {
            let (tag, class) = if *level <= 1 {
                ("h2", " class=\"chapter\"")
            } else {
                ("h3", "")
            };
            let _ = writeln!(
                out,
                "<{tag} id=\"{}\"{class}>{}</{tag}>",
                escape(&anchor_id(anchor)),
                escape(text)
            );
        }
        Block::Article {
            anchor,
            label,
            title,
            body,
        } => {
            let head = escape(&article_head(lang, label, title));
            let _ = write!(
                out,
                "<section class=\"article\" id=\"{}\">",
                escape(&anchor_id(anchor))
            );
            let after = article_gap(lang);
            match body.split_first() {
                Some((Block::Paragraph(first), rest)) => {
                    let _ = writeln!(
                        out,
                        "<p><span class=\"article-head\">{head}</span>{after}{}</p>",
                        inlines(first)
                    );
                    for b in rest {
                        write_block(out, b, lang);
                    }
                }
                _ => {
                    let _ = writeln!(out, "<p class=\"article-head\">{head}</p>");
                    for b in body {
                        write_block(out, b, lang);
                    }
                }
            }
            out.push_str("</section>\n");
        }
        Block::Paragraph(content) => {
            let _ = writeln!(out, "<p>{}</p>", inlines(content));
        }
        Block::List { start, items } => {
            match start {
                Some(1) => out.push_str("<ol>\n"),
                Some(n) => {
                    let _ = writeln!(out, "<ol start=\"{n}\">");
                }
                None => out.push_str("<ul>\n"),
            }
            for item in items {
                out.push_str("<li>");
                // A single paragraph reads better without its own margins.
                if let [Block::Paragraph(content)] = item.as_slice() {
                    out.push_str(&inlines(content));
                } else {
                    for b in item {
                        write_block(out, b, lang);
                    }
                }
                out.push_str("</li>\n");
            }
            out.push_str(if start.is_some() {
                "</ol>\n"
            } else {
                "</ul>\n"
            });
        }
        Block::Table { head, rows } => {
            out.push_str("<table>\n");
            if !head.is_empty() {
                out.push_str("<thead><tr>");
                for c in head {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", inlines(c));
                }
                out.push_str("</tr></thead>\n");
            }
            out.push_str("<tbody>\n");
            for r in rows {
                out.push_str("<tr>");
                for c in r {
                    let _ = write!(out, "<td>{}</td>", inlines(c));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody></table>\n");
        }
        Block::Quote(blocks) => {
            out.push_str("<blockquote>\n");
            for b in blocks {
                write_block(out, b, lang);
            }
            out.push_str("</blockquote>\n");
        }
        Block::Code(code) => {
            let _ = writeln!(out, "<pre><code>{}</code></pre>", escape(code));
        }
        Block::Figure { svg, alt } => {
            let _ = writeln!(
                out,
                "<figure>{svg}<figcaption>{}</figcaption></figure>",
                escape(alt)
            );
        }
        Block::Note(text) => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(text));
        }
    }
}

fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for i in content {
        match i {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Strong(c) => {
                let _ = write!(out, "<strong>{}</strong>", inlines(c));
            }
            Inline::Emphasis(c) => {
                let _ = write!(out, "<em>{}</em>", inlines(c));
            }
            Inline::Strike(c) => {
                let _ = write!(out, "<del>{}</del>", inlines(c));
            }
            Inline::Code(code) => {
                let _ = write!(out, "<code>{}</code>", escape(code));
            }
            Inline::Link { url, content } => {
                let _ = write!(
                    out,
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                    escape(url),
                    inlines(content)
                );
            }
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
    out
}
