//! The Markdown writer (GitHub-flavoured: tables, strikethrough).
//!
//! Every piece of text is escaped so that it reads back as the same text: a clause that
//! says `<script>` or `[x](javascript:…)` in words shows those characters, never a tag or a
//! link. Only links whose destination passed the model's safety check become links.

use std::fmt::Write;

use super::doc::{article_gap, article_head, Block, Document, Inline};
use super::words::Words;
use crate::core::lang::Lang;

/// The document as Markdown.
pub fn write(d: &Document) -> String {
    let w = Words::of(d.lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", line_text(&d.title));
    let _ = writeln!(out, "| {} | |\n|---|---|", escape(w.cover_title));
    for (label, value) in &d.cover {
        let _ = writeln!(out, "| {} | {} |", cell_text(label), cell_text(value));
    }
    out.push('\n');
    for block in &d.blocks {
        if matches!(block, Block::Figure { .. }) {
            continue;
        }
        write_block(&mut out, block, d.lang);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_block(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Heading { level, text, .. } => {
            let hashes = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
            let _ = writeln!(out, "{hashes} {}", line_text(text));
        }
        Block::Article {
            label, title, body, ..
        } => {
            let head = format!("**{}**", line_text(&article_head(lang, label, title)));
            let after = article_gap(lang);
            match body.split_first() {
                Some((Block::Paragraph(first), rest)) => {
                    let _ = writeln!(out, "{head}{after}{}", inlines(first));
                    for b in rest {
                        out.push('\n');
                        write_block(out, b, lang);
                    }
                }
                _ => {
                    let _ = writeln!(out, "{head}");
                    for b in body {
                        out.push('\n');
                        write_block(out, b, lang);
                    }
                }
            }
        }
        Block::Paragraph(content) => {
            let _ = writeln!(out, "{}", escape_line_start(&inlines(content), false));
        }
        Block::List { start, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = match start {
                    Some(n) => format!("{}. ", n.saturating_add(i as u64)),
                    None => "- ".to_string(),
                };
                let mut body = String::new();
                for (j, b) in item.iter().enumerate() {
                    if j > 0 && !matches!(b, Block::List { .. }) {
                        body.push('\n');
                    }
                    write_block(&mut body, b, lang);
                }
                let indent = " ".repeat(marker.chars().count());
                for (k, line) in body.trim_end().lines().enumerate() {
                    if k == 0 {
                        let _ = writeln!(out, "{marker}{line}");
                    } else if line.is_empty() {
                        out.push('\n');
                    } else {
                        let _ = writeln!(out, "{indent}{line}");
                    }
                }
            }
        }
        Block::Table { head, rows } => {
            let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
            if columns == 0 {
                return;
            }
            let row_text = |cells: &[Vec<Inline>]| -> String {
                let mut s = String::from("|");
                for c in 0..columns {
                    let text = cells
                        .get(c)
                        .map(|x| inlines_in(x, true))
                        .unwrap_or_default();
                    let _ = write!(s, " {} |", text.replace('\n', " "));
                }
                s
            };
            let _ = writeln!(out, "{}", row_text(head));
            let _ = writeln!(out, "|{}", "---|".repeat(columns));
            for r in rows {
                let _ = writeln!(out, "{}", row_text(r));
            }
        }
        Block::Quote(blocks) => {
            let mut inner = String::new();
            for (i, b) in blocks.iter().enumerate() {
                if i > 0 {
                    inner.push('\n');
                }
                write_block(&mut inner, b, lang);
            }
            for line in inner.trim_end().lines() {
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    let _ = writeln!(out, "> {line}");
                }
            }
        }
        Block::Code(code) => {
            let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
            let _ = writeln!(out, "{fence}\n{code}\n{fence}");
        }
        // Markdown has no safe way to carry a drawing; the flow is written out as numbered
        // steps next to it.
        Block::Figure { .. } => {}
        Block::Note(text) => {
            let _ = writeln!(out, "*{}*", escape(text.trim()));
        }
    }
}

/// Inline content as Markdown on one logical line (hard breaks become `\` + newline).
fn inlines(content: &[Inline]) -> String {
    inlines_in(content, false)
}

/// Inline content; in a table cell, pipes inside code spans need escaping too (GFM) and a
/// line break ends the row, so it becomes a space.
fn inlines_in(content: &[Inline], in_table: bool) -> String {
    let mut out = String::new();
    for i in content {
        match i {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Strong(c) => wrap(&mut out, "**", c, in_table),
            Inline::Emphasis(c) => wrap(&mut out, "*", c, in_table),
            Inline::Strike(c) => wrap(&mut out, "~~", c, in_table),
            Inline::Code(code) => {
                let mut code = code.replace('\n', " ");
                if in_table {
                    code = code.replace('|', "\\|");
                }
                let ticks = "`".repeat(longest_run(&code, '`') + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                let _ = write!(out, "{ticks}{pad}{code}{pad}{ticks}");
            }
            Inline::Link { url, content } => {
                let text = inlines_in(content, in_table);
                let _ = write!(out, "[{text}]({})", link_destination(url));
            }
            Inline::LineBreak if in_table => out.push(' '),
            Inline::LineBreak => out.push_str("\\\n"),
        }
    }
    // Text after a hard break starts a line, where `# ` or `- ` would begin a block.
    escape_line_start(&out, true)
}

fn wrap(out: &mut String, marker: &str, content: &[Inline], in_table: bool) {
    let inner = inlines_in(content, in_table);
    if inner.trim().is_empty() {
        out.push_str(&inner);
        return;
    }
    // Emphasis cannot start or end with a space; keep those outside the markers.
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    let _ = write!(out, "{lead}{marker}{}{marker}{trail}", inner.trim());
}

/// A link destination in angle brackets, with the characters that could end it encoded.
fn link_destination(url: &str) -> String {
    let mut out = String::from("<");
    for c in url.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

fn longest_run(s: &str, ch: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == ch {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Escapes the characters that Markdown (or HTML inside it) could read as syntax.
/// Backslash escapes work for every ASCII punctuation character in CommonMark.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for a heading or a title: escaped, on one line.
fn line_text(text: &str) -> String {
    escape_line_start(&escape(text.trim()), false)
}

/// Text for a table cell: escaped, on one line.
fn cell_text(text: &str) -> String {
    escape(text).replace('\n', " ")
}

/// Escapes what would start a heading, list, quote or rule at the beginning of a line.
fn escape_line_start(s: &str, skip_first: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        } else if skip_first {
            out.push_str(line);
            continue;
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        out.push_str(indent);
        let first = trimmed.chars().next();
        let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
        let after_digits = trimmed[digits..].chars().next();
        if matches!(first, Some('#' | '-' | '+' | '=')) {
            out.push('\\');
            out.push_str(trimmed);
        } else if digits > 0 && matches!(after_digits, Some('.' | ')')) {
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            out.push_str(&trimmed[digits..]);
        } else {
            out.push_str(trimmed);
        }
    }
    out
}
