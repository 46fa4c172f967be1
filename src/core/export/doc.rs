//! The exported document as plain data: headings, numbered articles, paragraphs, lists,
//! tables and figures. One builder ([`super::document`]) turns the workspace into this
//! shape, and each writer (Markdown, HTML, Word) only lays it out, so the formats never
//! disagree with each other or with the simulations.
//!
//! Clause bodies are Markdown written by users or brought in by shared files: they are
//! parsed here into the same blocks, and anything that could act in a reader (raw HTML,
//! scripts, event attributes, `javascript:` links, remote images) becomes plain text on
//! the way. Writers then only have to escape text for their own format.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::core::lang::Lang;
use crate::core::markdown::is_safe_url;

/// A whole document, ready for a writer.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// The document title (《…》 in Chinese typography, without the brackets).
    pub title: String,
    /// The running header of every printed page: document code and version.
    pub running_header: String,
    /// The cover block: label and value, in order; empty values are kept and shown blank.
    pub cover: Vec<(String, String)>,
    pub blocks: Vec<Block>,
}

/// A block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading. Level 1 is a chapter or an appendix, which starts a new printed page.
    Heading {
        level: u8,
        text: String,
        /// A stable anchor (clause, chapter or template id), for links within the document.
        anchor: String,
    },
    /// A numbered article (条): its label (`第1条`, `Article 1`), optional title and body.
    Article {
        anchor: String,
        label: String,
        title: String,
        body: Vec<Block>,
    },
    Paragraph(Vec<Inline>),
    List {
        /// The first number of an ordered list; `None` for bullets.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Quote(Vec<Block>),
    Code(String),
    /// A drawing as SVG markup made by `core` itself (never from user markup; every text in
    /// it is escaped by its maker), with a text alternative for formats that cannot show it.
    Figure {
        svg: String,
        alt: String,
    },
    /// A line of fine print under a table or figure.
    Note(String),
}

/// Text within a block.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strike(Vec<Inline>),
    Code(String),
    /// A link whose destination passed [`is_safe_url`].
    Link {
        url: String,
        content: Vec<Inline>,
    },
    LineBreak,
}

impl Inline {
    /// Plain text.
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text(s.into())
    }
}

/// The bold head of an article as every format writes it: `第1条　目的`, `Article 1.
/// Purpose`, or the label alone (`Article 1.` in English, which reads as a sentence start).
pub fn article_head(lang: Lang, label: &str, title: &str) -> String {
    let (label, title) = (label.trim(), title.trim());
    match (lang, title.is_empty()) {
        (Lang::Zh, true) => label.to_string(),
        (Lang::Zh, false) => format!("{label}　{title}"),
        (Lang::En, true) if label.is_empty() => String::new(),
        (Lang::En, true) => format!("{label}."),
        (Lang::En, false) => format!("{label}. {title}"),
    }
}

/// What separates an article's head from the text that follows it on the same line.
pub fn article_gap(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "　",
        Lang::En => " ",
    }
}

/// A table cell holding plain text.
pub fn cell(s: impl Into<String>) -> Vec<Inline> {
    vec![Inline::Text(s.into())]
}

/// A paragraph of plain text.
pub fn para(s: impl Into<String>) -> Block {
    Block::Paragraph(vec![Inline::Text(s.into())])
}

/// The plain text of some inlines (for alt texts, plain cells and tests).
pub fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Strike(c) => out.push_str(&plain(c)),
            Inline::Link { content, .. } => out.push_str(&plain(content)),
            Inline::LineBreak => out.push('\n'),
        }
    }
    out
}

/// Parses a clause body (CommonMark with GitHub tables and strikethrough) into inert blocks.
pub fn parse_markdown(src: &str) -> Vec<Block> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut b = Builder::default();
    for event in Parser::new_ext(src, options) {
        b.event(event);
    }
    b.finish()
}

/// What is being filled while the events of a block stream in.
#[derive(Debug)]
enum Frame {
    /// The body of a list item, a block quote or the document.
    Blocks(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        in_head: bool,
    },
    TableRow(Vec<Vec<Inline>>),
    /// Inline content of a paragraph, heading, table cell, emphasis or link. `kind` says
    /// what to wrap it in when it ends.
    Inlines(InlineKind, Vec<Inline>),
    Code(String),
}

#[derive(Debug, Clone)]
enum InlineKind {
    Paragraph,
    Heading,
    Cell,
    Strong,
    Emphasis,
    Strike,
    Link(String),
    /// A link with an unsafe destination, shown as `[text](destination)` in plain text.
    UnsafeLink(String),
    /// An image, never loaded: its alt text and destination are shown as text.
    Image(String),
}

#[derive(Debug)]
struct Builder {
    stack: Vec<Frame>,
    /// The last block of the innermost block list is a paragraph made for text that came
    /// without one (a tight list item's text), and more text may join it.
    loose_text_continues: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            stack: vec![Frame::Blocks(Vec::new())],
            loose_text_continues: false,
        }
    }
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if let Some(Frame::Code(code)) = self.stack.last_mut() {
                    code.push_str(&t);
                } else {
                    self.inline(Inline::Text(t.into_string()));
                }
            }
            // Raw HTML is never interpreted: it is shown as the text it is.
            Event::Html(t) | Event::InlineHtml(t) => self.inline(Inline::Text(t.into_string())),
            Event::Code(t) => self.inline(Inline::Code(t.into_string())),
            Event::SoftBreak => self.inline(Inline::Text(" ".into())),
            Event::HardBreak => self.inline(Inline::LineBreak),
            Event::Rule => self.block(para("———")),
            Event::TaskListMarker(done) => {
                self.inline(Inline::Text(if done { "☑ " } else { "☐ " }.into()))
            }
            Event::FootnoteReference(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.inline(Inline::Text(t.into_string()))
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        if !matches!(
            tag,
            Tag::Strong | Tag::Emphasis | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ) {
            self.loose_text_continues = false;
        }
        let frame = match tag {
            Tag::Paragraph => Frame::Inlines(InlineKind::Paragraph, Vec::new()),
            Tag::Heading { .. } => Frame::Inlines(InlineKind::Heading, Vec::new()),
            Tag::BlockQuote(_) | Tag::Item | Tag::FootnoteDefinition(_) => {
                Frame::Blocks(Vec::new())
            }
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::List(start) => Frame::List {
                start,
                items: Vec::new(),
            },
            Tag::Table(_) => Frame::Table {
                head: Vec::new(),
                rows: Vec::new(),
                in_head: false,
            },
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                Frame::TableRow(Vec::new())
            }
            Tag::TableRow => Frame::TableRow(Vec::new()),
            Tag::TableCell => Frame::Inlines(InlineKind::Cell, Vec::new()),
            Tag::Strong => Frame::Inlines(InlineKind::Strong, Vec::new()),
            Tag::Emphasis => Frame::Inlines(InlineKind::Emphasis, Vec::new()),
            Tag::Strikethrough => Frame::Inlines(InlineKind::Strike, Vec::new()),
            Tag::Link { dest_url, .. } => {
                let url = dest_url.into_string();
                let kind = if is_safe_url(&url) {
                    InlineKind::Link(url)
                } else {
                    InlineKind::UnsafeLink(url)
                };
                Frame::Inlines(kind, Vec::new())
            }
            Tag::Image { dest_url, .. } => {
                Frame::Inlines(InlineKind::Image(dest_url.into_string()), Vec::new())
            }
            // Anything else (HTML blocks, definition lists, metadata) holds inlines shown
            // as a paragraph.
            _ => Frame::Inlines(InlineKind::Paragraph, Vec::new()),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd) {
        // The document frame is never popped by an event.
        if self.stack.len() < 2 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Blocks(blocks) => match tag {
                TagEnd::Item => {
                    if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                        items.push(blocks);
                    } else {
                        self.block_all(blocks);
                    }
                }
                TagEnd::BlockQuote(_) => self.block(Block::Quote(blocks)),
                _ => self.block_all(blocks),
            },
            Frame::List { start, items } => self.block(Block::List { start, items }),
            Frame::Table { head, rows, .. } => self.block(Block::Table { head, rows }),
            Frame::TableRow(cells) => {
                if let Some(Frame::Table {
                    head,
                    rows,
                    in_head,
                }) = self.stack.last_mut()
                {
                    if *in_head {
                        *head = cells;
                        *in_head = false;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Frame::Code(code) => self.block(Block::Code(code.trim_end_matches('\n').to_string())),
            Frame::Inlines(kind, content) => self.end_inlines(kind, content),
        }
    }

    fn end_inlines(&mut self, kind: InlineKind, content: Vec<Inline>) {
        match kind {
            InlineKind::Paragraph | InlineKind::Heading => {
                // Headings inside a clause become bold paragraphs: the document's own
                // headings are chapters and appendices.
                let content = if matches!(kind, InlineKind::Heading) {
                    vec![Inline::Strong(content)]
                } else {
                    content
                };
                self.block(Block::Paragraph(content));
            }
            InlineKind::Cell => match self.stack.last_mut() {
                Some(Frame::TableRow(cells)) => cells.push(content),
                _ => self.block(Block::Paragraph(content)),
            },
            InlineKind::Strong => self.inline(Inline::Strong(content)),
            InlineKind::Emphasis => self.inline(Inline::Emphasis(content)),
            InlineKind::Strike => self.inline(Inline::Strike(content)),
            InlineKind::Link(url) => self.inline(Inline::Link { url, content }),
            InlineKind::UnsafeLink(url) | InlineKind::Image(url) => {
                let text = format!("[{}]({url})", plain(&content));
                self.inline(Inline::Text(text));
            }
        }
    }

    /// Adds inline content to the innermost inline frame, or as a paragraph of its own (a
    /// tight list item's text comes without a paragraph).
    fn inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(Frame::Inlines(_, content)) => content.push(inline),
            Some(Frame::Code(code)) => code.push_str(&plain(&[inline])),
            Some(Frame::Blocks(blocks)) => match blocks.last_mut() {
                Some(Block::Paragraph(content)) if self.loose_text_continues => {
                    content.push(inline)
                }
                _ => blocks.push(Block::Paragraph(vec![inline])),
            },
            _ => {}
        }
        self.loose_text_continues = true;
    }

    fn block(&mut self, block: Block) {
        self.loose_text_continues = false;
        match self.stack.last_mut() {
            Some(Frame::Blocks(blocks)) => blocks.push(block),
            Some(Frame::Inlines(_, content)) => {
                // A block inside inline content cannot happen in CommonMark; keep its text.
                content.push(Inline::Text(block_text(&block)));
            }
            _ => {}
        }
    }

    fn block_all(&mut self, blocks: Vec<Block>) {
        for b in blocks {
            self.block(b);
        }
    }

    fn finish(mut self) -> Vec<Block> {
        // Close anything left open (the parser always closes, but stay total).
        while self.stack.len() > 1 {
            let tag = match self.stack.last() {
                Some(Frame::List { .. }) => TagEnd::List(false),
                _ => TagEnd::Paragraph,
            };
            self.end(tag);
        }
        match self.stack.pop() {
            Some(Frame::Blocks(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

/// The plain text of a block, for the rare case where a block has nowhere to go.
fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(c) => plain(c),
        Block::Code(c) => c.clone(),
        Block::Heading { text, .. } => text.clone(),
        _ => String::new(),
    }
}
