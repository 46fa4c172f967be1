//! The Word (.docx) writer: an Office Open XML package written by hand. A `.docx` crate
//! would add some 200 KB to the gzipped browser bundle; this module adds about 15 KB.
//!
//! Layout: an A4 page with a running header (title, document code and version) and page
//! numbers in the footer; a cover page with the title and the cover block as a two-column
//! table; then the blocks. Chapters and appendices use `Heading 1` (a new page, outline
//! level 1, so they appear in Word's navigation pane), sections `Heading 2`. An article is
//! one paragraph that opens with its bold label and title and goes on with the first
//! paragraph of its body, as Chinese company policies print them (`第1条　目的　为规范……`).
//! Lists use Word numbering: one bullet list shared by all, and one numbering instance per
//! ordered list with its own start, so a flow's nested steps keep the document's step
//! numbers. Tables have a bold, shaded header row that repeats on every page.
//!
//! Fonts: 宋体 (SimSun) for Chinese body text and 黑体 (SimHei) for headings, Times New
//! Roman and Arial for Latin text; `word/fontTable.xml` names the English alternates and
//! font families so Word and LibreOffice substitute sensibly where these are missing.
//!
//! Figures are left out: Word cannot show SVG without a PNG fallback, and every figure in
//! a document (the approval flows) is already written out as numbered steps just above it.
//!
//! All text is escaped, and characters that XML 1.0 forbids (most control characters) are
//! dropped: Word refuses a file that holds even one of them.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::doc::{article_gap, article_head, plain, Block, Document, Inline};
use super::zip;
use crate::core::lang::Lang;

/// A4 in twentieths of a point, and the margins (2.54 cm top and bottom, 3.18 cm left and
/// right: Word's defaults for A4 in China).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_TB: u32 = 1440;
const MARGIN_LR: u32 = 1800;
const TEXT_W: u32 = PAGE_W - 2 * MARGIN_LR;
/// One list level's indent: two Chinese characters of body text.
const INDENT: u32 = 420;
/// The narrowest a table may get when indented inside lists.
const MIN_TABLE_W: u32 = 2400;
/// A table cell's left and right margins (108 twips each) and a little air.
const CELL_PADDING: u32 = 260;
/// Cell text up to this many half-ems (four Chinese characters) is never broken.
const SHORT_UNITS: u32 = 8;
/// Words up to this many half-ems are not broken (longer ones, such as file names, are).
const WORD_UNITS: u32 = 16;
/// No column asks for more than this many half-ems.
const MAX_UNITS: u32 = 120;
/// The heading anchor of the sign-off block, whose table gets rows tall enough to sign in.
const SIGN_OFF_ANCHOR: &str = "sign-off";
/// Relationship ids of `word/document.xml`: the fixed parts, then one per external link.
const RID_STYLES: u32 = 1;
const RID_NUMBERING: u32 = 2;
const RID_SETTINGS: u32 = 3;
const RID_FONTS: u32 = 4;
const RID_HEADER: u32 = 5;
const RID_FOOTER: u32 = 6;
const RID_FIRST_LINK: u32 = 7;
/// The numbering instance shared by every bullet list; ordered lists follow it.
const BULLET_NUM: usize = 1;
/// Word shows at most 63 columns in a table.
const MAX_COLUMNS: usize = 63;
/// Rows whose cells hold at most this many half-ems are kept on one page.
const SHORT_ROW_UNITS: usize = 300;
/// Word has nine list levels (0–8).
const MAX_LEVEL: usize = 8;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const BODY_LATIN: &str = "Times New Roman";
const HEAD_LATIN: &str = "Arial";
const BODY_CJK: &str = "宋体";
const HEAD_CJK: &str = "黑体";
const MONO: &str = "Consolas";

/// The bytes of a .docx file. Total: any document gives a package Word opens.
pub fn write(d: &Document) -> Vec<u8> {
    let mut w = Writer::new(d.lang, bookmark_names(&d.blocks));
    w.cover(d);
    w.blocks(&d.blocks, Ctx::default());
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core_props(d)),
        ("docProps/app.xml", APP_PROPS.to_string()),
        ("word/document.xml", w.document_xml()),
        ("word/styles.xml", styles(d.lang)),
        ("word/numbering.xml", w.numbering_xml()),
        ("word/settings.xml", settings(d.lang)),
        ("word/fontTable.xml", FONT_TABLE.to_string()),
        ("word/header1.xml", header(d)),
        ("word/footer1.xml", footer(d.lang)),
        ("word/_rels/document.xml.rels", w.rels_xml()),
    ];
    let entries: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, xml)| (*name, xml.as_bytes()))
        .collect();
    zip::write(&entries)
}

/// Where a block sits: how deep in lists, how far indented, and whether in a quote.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    depth: usize,
    indent: u32,
    quote: bool,
}

impl Ctx {
    /// The style of a plain paragraph here. Body text has the Chinese first-line indent,
    /// which paragraphs inside lists and quotes must not get.
    fn style(self) -> &'static str {
        if self.quote {
            "Quote"
        } else if self.depth > 0 {
            "ListParagraph"
        } else {
            "BodyText"
        }
    }

    /// The indent one step further in, up to half the text width: Word refuses indents
    /// past the page, and deeper nesting than that is unreadable anyway.
    fn deeper(self, by: u32) -> u32 {
        (self.indent + by).min(TEXT_W / 2)
    }

    fn ind(self) -> Option<(u32, u32)> {
        (self.indent > 0).then_some((self.indent, 0))
    }
}

/// Paragraph properties we use, in the order the schema wants them.
#[derive(Debug, Default)]
struct PPr<'a> {
    style: &'a str,
    /// Numbering instance and level.
    num: Option<(usize, usize)>,
    /// Left indent and hanging indent.
    ind: Option<(u32, u32)>,
}

/// Character formatting inherited by nested inlines.
#[derive(Debug, Clone, Copy, Default)]
struct Fmt {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
    /// Inside a hyperlink, which cannot hold another.
    link: bool,
}

impl Fmt {
    const BOLD: Fmt = Fmt {
        bold: true,
        italic: false,
        strike: false,
        code: false,
        link: false,
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableKind {
    Plain,
    /// The cover block: labels bold and shaded in the first column.
    Cover,
    /// The sign-off block: rows tall enough for a handwritten signature.
    SignOff,
}

struct Writer {
    lang: Lang,
    body: String,
    /// The bookmark name for each anchor (the first block with it gets the bookmark).
    bookmarks: HashMap<String, String>,
    written: HashSet<String>,
    next_bookmark: u32,
    /// External link targets, in the order of their relationship ids.
    links: Vec<String>,
    /// Each ordered list: its level and first number (numbering instance `BULLET_NUM + i + 1`).
    ordered: Vec<(usize, u64)>,
    /// The next paragraph or table starts a new page (after the cover).
    page_break: bool,
    /// The last block was the sign-off's heading, so a table now is its table.
    sign_off: bool,
}

impl Writer {
    fn new(lang: Lang, bookmarks: HashMap<String, String>) -> Writer {
        Writer {
            lang,
            body: String::new(),
            bookmarks,
            written: HashSet::new(),
            next_bookmark: 0,
            links: Vec::new(),
            ordered: Vec::new(),
            page_break: false,
            sign_off: false,
        }
    }

    fn cover(&mut self, d: &Document) {
        self.open_p(&PPr {
            style: "Title",
            ..PPr::default()
        });
        self.run(&d.title, Fmt::default());
        self.close_p();
        let rows: Vec<Vec<Vec<Inline>>> = d
            .cover
            .iter()
            .map(|(label, value)| vec![text_cell(label), text_cell(value)])
            .collect();
        self.table(&[], &rows, Ctx::default(), TableKind::Cover);
        self.page_break = true;
    }

    fn blocks(&mut self, blocks: &[Block], ctx: Ctx) {
        for b in blocks {
            self.block(b, ctx);
        }
    }

    fn block(&mut self, block: &Block, ctx: Ctx) {
        let after_sign_off = std::mem::take(&mut self.sign_off);
        match block {
            Block::Heading {
                level,
                text,
                anchor,
            } => {
                let style = match level {
                    0 | 1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                self.open_p(&PPr {
                    style,
                    ..PPr::default()
                });
                self.bookmark(anchor);
                self.run(text, Fmt::default());
                self.close_p();
                self.sign_off = anchor == SIGN_OFF_ANCHOR;
            }
            Block::Article {
                anchor,
                label,
                title,
                body,
            } => self.article(anchor, label, title, body, ctx),
            Block::Paragraph(inlines) => {
                self.open_p(&PPr {
                    style: ctx.style(),
                    ind: ctx.ind(),
                    ..PPr::default()
                });
                self.inlines(inlines, Fmt::default());
                self.close_p();
            }
            Block::List { start, items } => self.list(*start, items, ctx),
            Block::Table { head, rows } => {
                let kind = if after_sign_off {
                    TableKind::SignOff
                } else {
                    TableKind::Plain
                };
                self.table(head, rows, ctx, kind);
            }
            Block::Quote(inner) => self.blocks(
                inner,
                Ctx {
                    indent: ctx.deeper(INDENT),
                    quote: true,
                    ..ctx
                },
            ),
            Block::Code(code) => {
                for line in code.split('\n') {
                    self.open_p(&PPr {
                        style: "Code",
                        ind: ctx.ind(),
                        ..PPr::default()
                    });
                    self.run(line.strip_suffix('\r').unwrap_or(line), Fmt::default());
                    self.close_p();
                }
            }
            // See the module documentation: the steps above say what the drawing shows.
            Block::Figure { .. } => {}
            Block::Note(note) => {
                self.open_p(&PPr {
                    style: "Note",
                    ind: ctx.ind(),
                    ..PPr::default()
                });
                self.run(note, Fmt::default());
                self.close_p();
            }
        }
    }

    /// An article: bold label and title, then the first paragraph of its body on the same
    /// line, then the rest of the body.
    fn article(&mut self, anchor: &str, label: &str, title: &str, body: &[Block], ctx: Ctx) {
        let (first, rest) = match body.split_first() {
            Some((Block::Paragraph(p), rest)) => (Some(p), rest),
            _ => (None, body),
        };
        let head = article_head(self.lang, label, title);
        let after = article_gap(self.lang);
        self.open_p(&PPr {
            style: ctx.style(),
            ind: ctx.ind(),
            ..PPr::default()
        });
        self.bookmark(anchor);
        self.run(&head, Fmt::BOLD);
        if let Some(p) = first {
            self.run(after, Fmt::default());
            self.inlines(p, Fmt::default());
        }
        self.close_p();
        self.blocks(rest, ctx);
    }

    /// A list: each item's first paragraph carries the bullet or number; the rest of the
    /// item follows at the item's indent, nested lists one level deeper.
    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], ctx: Ctx) {
        let level = ctx.depth.min(MAX_LEVEL);
        let num = match start {
            None => BULLET_NUM,
            Some(first) => {
                self.ordered.push((level, first));
                BULLET_NUM + self.ordered.len()
            }
        };
        // Top-level bullets sit at the body text's first-line indent.
        let base = if ctx.depth == 0 { INDENT } else { 0 };
        let inner = Ctx {
            depth: ctx.depth + 1,
            indent: ctx.deeper(base + INDENT),
            ..ctx
        };
        for item in items {
            let (first, rest) = match item.split_first() {
                Some((Block::Paragraph(p), rest)) => (Some(p), rest),
                _ => (None, item.as_slice()),
            };
            self.open_p(&PPr {
                style: inner.style(),
                num: Some((num, level)),
                ind: Some((inner.indent, INDENT)),
            });
            if let Some(p) = first {
                self.inlines(p, Fmt::default());
            }
            self.close_p();
            self.blocks(rest, inner);
        }
    }

    fn table(
        &mut self,
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        ctx: Ctx,
        kind: TableKind,
    ) {
        let cols = rows
            .iter()
            .map(Vec::len)
            .chain([head.len()])
            .max()
            .unwrap_or(0);
        if cols == 0 {
            return;
        }
        if cols > MAX_COLUMNS {
            let head = fold_columns(head);
            let rows: Vec<_> = rows.iter().map(|r| fold_columns(r)).collect();
            return self.table(&head, &rows, ctx, kind);
        }
        if std::mem::take(&mut self.page_break) {
            self.body
                .push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        }
        let avail = TEXT_W.saturating_sub(ctx.indent).max(MIN_TABLE_W);
        let (width, widths) = match kind {
            TableKind::Cover => {
                let width = avail * 4 / 5;
                (width, split_width(width, &[3, 7]))
            }
            // Equal columns leave room to sign and date by hand.
            TableKind::SignOff => (avail, split_width(avail, &vec![1; cols])),
            TableKind::Plain => {
                let unit = metrics(self.lang).table * 5;
                (avail, column_widths(head, rows, cols, avail, unit))
            }
        };
        let b = &mut self.body;
        b.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>");
        if kind == TableKind::Cover || ctx.indent > 0 {
            let _ = write!(b, "<w:tblW w:w=\"{width}\" w:type=\"dxa\"/>");
        } else {
            b.push_str("<w:tblW w:w=\"5000\" w:type=\"pct\"/>");
        }
        if kind == TableKind::Cover {
            b.push_str("<w:jc w:val=\"center\"/>");
        }
        if ctx.indent > 0 {
            let _ = write!(b, "<w:tblInd w:w=\"{}\" w:type=\"dxa\"/>", ctx.indent);
        }
        b.push_str(TABLE_BORDERS);
        b.push_str("<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
        for w in &widths {
            let _ = write!(b, "<w:gridCol w:w=\"{w}\"/>");
        }
        b.push_str("</w:tblGrid>");
        if !head.is_empty() {
            self.row(head, &widths, "<w:tblHeader/>", |_| true);
        }
        let row_props = match kind {
            TableKind::SignOff => "<w:trHeight w:val=\"680\" w:hRule=\"atLeast\"/>",
            _ => "",
        };
        for r in rows {
            self.row(r, &widths, row_props, |i| {
                kind == TableKind::Cover && i == 0
            });
        }
        // Two tables in a row would merge into one; the empty line also gives them air.
        self.body.push_str("</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:rPr><w:sz w:val=\"12\"/></w:rPr></w:pPr></w:p>");
    }

    /// One table row (missing cells are written empty). `shaded` says which cells are
    /// headers: bold on a grey ground.
    fn row(
        &mut self,
        cells: &[Vec<Inline>],
        widths: &[u32],
        props: &str,
        shaded: impl Fn(usize) -> bool,
    ) {
        // Short rows stay on one page; a row taller than a page must be allowed to break,
        // or Word cuts it off.
        let short = cells
            .iter()
            .all(|c| display_width(&plain(c)) <= SHORT_ROW_UNITS);
        let keep = if short { "<w:cantSplit/>" } else { "" };
        let _ = write!(self.body, "<w:tr><w:trPr>{keep}{props}</w:trPr>");
        for (i, w) in widths.iter().enumerate() {
            let header = shaded(i);
            let _ = write!(
                self.body,
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>"
            );
            if header {
                self.body
                    .push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8ECF1\"/>");
            }
            self.body.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
            self.open_p(&PPr {
                style: "TableText",
                ..PPr::default()
            });
            if let Some(cell) = cells.get(i) {
                let fmt = if header { Fmt::BOLD } else { Fmt::default() };
                self.inlines(cell, fmt);
            }
            self.close_p();
            self.body.push_str("</w:tc>");
        }
        self.body.push_str("</w:tr>");
    }

    fn open_p(&mut self, p: &PPr) {
        let b = &mut self.body;
        b.push_str("<w:p><w:pPr>");
        if !p.style.is_empty() {
            let _ = write!(b, "<w:pStyle w:val=\"{}\"/>", p.style);
        }
        if std::mem::take(&mut self.page_break) {
            b.push_str("<w:pageBreakBefore/>");
        }
        if let Some((num, level)) = p.num {
            let _ = write!(
                b,
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr>"
            );
        }
        match p.ind {
            Some((left, 0)) => {
                let _ = write!(b, "<w:ind w:left=\"{left}\" w:firstLine=\"0\"/>");
            }
            Some((left, hanging)) => {
                let _ = write!(b, "<w:ind w:left=\"{left}\" w:hanging=\"{hanging}\"/>");
            }
            None => {}
        }
        b.push_str("</w:pPr>");
    }

    fn close_p(&mut self) {
        self.body.push_str("</w:p>");
    }

    /// A bookmark where a heading or article starts, so in-document links can reach it.
    fn bookmark(&mut self, anchor: &str) {
        let Some(name) = self.bookmarks.get(anchor) else {
            return;
        };
        if !self.written.insert(anchor.to_string()) {
            return;
        }
        let id = self.next_bookmark;
        self.next_bookmark += 1;
        let _ = write!(
            self.body,
            "<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/><w:bookmarkEnd w:id=\"{id}\"/>"
        );
    }

    fn inlines(&mut self, inlines: &[Inline], fmt: Fmt) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => self.run(t, fmt),
                Inline::Strong(c) => self.inlines(c, Fmt { bold: true, ..fmt }),
                Inline::Emphasis(c) => self.inlines(
                    c,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                ),
                Inline::Strike(c) => self.inlines(
                    c,
                    Fmt {
                        strike: true,
                        ..fmt
                    },
                ),
                Inline::Code(t) => self.run(t, Fmt { code: true, ..fmt }),
                Inline::LineBreak => self.body.push_str("<w:r><w:br/></w:r>"),
                Inline::Link { url, content } => self.link(url, content, fmt),
            }
        }
    }

    /// A link: to a bookmark for `#anchor`, to an external relationship for web, mail and
    /// phone addresses. Anything else (relative paths mean nothing in a downloaded file)
    /// keeps only its text.
    fn link(&mut self, url: &str, content: &[Inline], fmt: Fmt) {
        let url = url.trim();
        let open = if fmt.link {
            None
        } else if let Some(anchor) = url.strip_prefix('#') {
            self.bookmarks
                .get(anchor)
                .map(|name| format!("<w:hyperlink w:anchor=\"{name}\" w:history=\"1\">"))
        } else if is_external(url) {
            let id = self.link_rel(url);
            Some(format!("<w:hyperlink r:id=\"rId{id}\" w:history=\"1\">"))
        } else {
            None
        };
        match open {
            Some(open) => {
                self.body.push_str(&open);
                self.inlines(content, Fmt { link: true, ..fmt });
                self.body.push_str("</w:hyperlink>");
            }
            None => self.inlines(content, fmt),
        }
    }

    /// The relationship id for an external link target (one per distinct target).
    fn link_rel(&mut self, url: &str) -> u32 {
        let target = uri(url);
        let i = match self.links.iter().position(|l| *l == target) {
            Some(i) => i,
            None => {
                self.links.push(target);
                self.links.len() - 1
            }
        };
        RID_FIRST_LINK + u32::try_from(i).unwrap_or(u32::MAX - RID_FIRST_LINK)
    }

    /// A run of text: tabs become tab stops, line breaks become breaks.
    fn run(&mut self, text: &str, fmt: Fmt) {
        if text.is_empty() {
            return;
        }
        let b = &mut self.body;
        b.push_str("<w:r>");
        if fmt.bold || fmt.italic || fmt.strike || fmt.code || fmt.link {
            b.push_str("<w:rPr>");
            if fmt.link {
                b.push_str("<w:rStyle w:val=\"Hyperlink\"/>");
                if fmt.code {
                    let _ = write!(b, "<w:rFonts w:ascii=\"{MONO}\" w:hAnsi=\"{MONO}\"/>");
                }
            } else if fmt.code {
                b.push_str("<w:rStyle w:val=\"CodeChar\"/>");
            }
            if fmt.bold {
                b.push_str("<w:b/><w:bCs/>");
            }
            if fmt.italic {
                b.push_str("<w:i/><w:iCs/>");
            }
            if fmt.strike {
                b.push_str("<w:strike/>");
            }
            b.push_str("</w:rPr>");
        }
        let mut open = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let tag = match c {
                '\t' => "<w:tab/>",
                '\r' if chars.peek() == Some(&'\n') => continue,
                '\n' | '\r' => "<w:br/>",
                c if !xml_char(c) => continue,
                c => {
                    if !open {
                        b.push_str("<w:t xml:space=\"preserve\">");
                        open = true;
                    }
                    escape_char(b, c);
                    continue;
                }
            };
            if open {
                b.push_str("</w:t>");
                open = false;
            }
            b.push_str(tag);
        }
        if open {
            b.push_str("</w:t>");
        }
        b.push_str("</w:r>");
    }

    fn document_xml(&self) -> String {
        let mut x = String::with_capacity(self.body.len() + 1024);
        x.push_str(XML_DECL);
        let _ = write!(
            x,
            "<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{}",
            self.body
        );
        let _ = write!(
            x,
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId{RID_HEADER}\"/>\
             <w:footerReference w:type=\"default\" r:id=\"rId{RID_FOOTER}\"/>\
             <w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>\
             <w:pgMar w:top=\"{MARGIN_TB}\" w:right=\"{MARGIN_LR}\" w:bottom=\"{MARGIN_TB}\" \
             w:left=\"{MARGIN_LR}\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>\
             <w:cols w:space=\"425\"/><w:titlePg/></w:sectPr></w:body></w:document>"
        );
        x
    }

    /// The list definitions: bullets (shared), and decimal numbers with one instance per
    /// ordered list, each restarting at its own first number.
    fn numbering_xml(&self) -> String {
        let mut x = String::new();
        x.push_str(XML_DECL);
        let _ = write!(x, "<w:numbering xmlns:w=\"{W_NS}\">");
        for (id, bullet) in [(0, true), (1, false)] {
            let _ = write!(
                x,
                "<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
            );
            for level in 0..=MAX_LEVEL {
                let left = INDENT * (level as u32 + 2);
                let _ = write!(x, "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/>");
                if bullet {
                    let glyph = ["•", "◦", "▪"][level % 3];
                    let _ = write!(
                        x,
                        "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"{glyph}\"/>"
                    );
                } else {
                    let _ = write!(
                        x,
                        "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%{}.\"/>",
                        level + 1
                    );
                }
                let _ = write!(
                    x,
                    "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{left}\" w:hanging=\"{INDENT}\"/></w:pPr>"
                );
                if bullet {
                    let _ = write!(
                        x,
                        "<w:rPr><w:rFonts w:ascii=\"{HEAD_LATIN}\" w:hAnsi=\"{HEAD_LATIN}\" w:hint=\"default\"/></w:rPr>"
                    );
                }
                x.push_str("</w:lvl>");
            }
            x.push_str("</w:abstractNum>");
        }
        let _ = write!(
            x,
            "<w:num w:numId=\"{BULLET_NUM}\"><w:abstractNumId w:val=\"0\"/></w:num>"
        );
        for (i, (level, start)) in self.ordered.iter().enumerate() {
            // Word keeps numbers in a signed 32-bit field.
            let start = i32::try_from(*start).unwrap_or(i32::MAX);
            let _ = write!(
                x,
                "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"{level}\"><w:startOverride w:val=\"{start}\"/></w:lvlOverride></w:num>",
                BULLET_NUM + i + 1
            );
        }
        x.push_str("</w:numbering>");
        x
    }

    fn rels_xml(&self) -> String {
        let mut x = String::new();
        x.push_str(XML_DECL);
        x.push_str(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        );
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        for (id, kind, target) in [
            (RID_STYLES, "styles", "styles.xml"),
            (RID_NUMBERING, "numbering", "numbering.xml"),
            (RID_SETTINGS, "settings", "settings.xml"),
            (RID_FONTS, "fontTable", "fontTable.xml"),
            (RID_HEADER, "header", "header1.xml"),
            (RID_FOOTER, "footer", "footer1.xml"),
        ] {
            let _ = write!(
                x,
                "<Relationship Id=\"rId{id}\" Type=\"{base}/{kind}\" Target=\"{target}\"/>"
            );
        }
        for (i, target) in self.links.iter().enumerate() {
            let _ = write!(
                x,
                "<Relationship Id=\"rId{}\" Type=\"{base}/hyperlink\" Target=\"",
                RID_FIRST_LINK as usize + i
            );
            escape_into(&mut x, target);
            x.push_str("\" TargetMode=\"External\"/>");
        }
        x.push_str("</Relationships>");
        x
    }
}

/// A row cut to [`MAX_COLUMNS`] cells: the cells past the last one join it, separated by
/// bars.
fn fold_columns(row: &[Vec<Inline>]) -> Vec<Vec<Inline>> {
    let (keep, rest) = row.split_at(row.len().min(MAX_COLUMNS - 1));
    let mut out = keep.to_vec();
    if !rest.is_empty() {
        let mut last = Vec::new();
        for (i, cell) in rest.iter().enumerate() {
            if i > 0 {
                last.push(Inline::text(" | "));
            }
            last.extend(cell.iter().cloned());
        }
        out.push(last);
    }
    out
}

fn text_cell(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

/// Bookmark names for the anchors of headings and articles: Word wants a letter first,
/// then letters, digits and underscores, at most 40 characters, each name once.
fn bookmark_names(blocks: &[Block]) -> HashMap<String, String> {
    let mut anchors = Vec::new();
    collect_anchors(blocks, &mut anchors);
    let mut names = HashMap::new();
    let mut used = HashSet::new();
    for anchor in anchors {
        if anchor.is_empty() || names.contains_key(anchor) {
            continue;
        }
        let mut base: String = anchor
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            base.insert_str(0, "a_");
        }
        // ASCII only by now, so any length is a character boundary.
        base.truncate(32);
        // Word compares bookmark names without case.
        let mut name = base.clone();
        let mut n = 1;
        while used.contains(&name.to_ascii_lowercase()) {
            n += 1;
            name = format!("{base}_{n}");
        }
        used.insert(name.to_ascii_lowercase());
        names.insert(anchor.to_string(), name);
    }
    names
}

fn collect_anchors<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
    for b in blocks {
        match b {
            Block::Heading { anchor, .. } => out.push(anchor),
            Block::Article { anchor, body, .. } => {
                out.push(anchor);
                collect_anchors(body, out);
            }
            Block::List { items, .. } => {
                for item in items {
                    collect_anchors(item, out);
                }
            }
            Block::Quote(inner) => collect_anchors(inner, out),
            _ => {}
        }
    }
}

/// Column widths in twips, as a browser lays out an automatic table: each column wants
/// its longest line (its natural width) and needs at least its header and short words
/// such as 合规 unbroken (its minimum). When the natural widths fit they share the spare
/// room; otherwise every column gets its minimum and the rest goes to the columns that
/// want more, in proportion to how much more.
fn column_widths(
    head: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    cols: usize,
    total: u32,
    unit: u32,
) -> Vec<u32> {
    // Widths in half-ems (display columns, see `display_width`).
    let longest = |cell: &[Inline]| -> u32 {
        let w = plain(cell).lines().map(display_width).max().unwrap_or(0);
        u32::try_from(w).unwrap_or(u32::MAX)
    };
    let mut natural = vec![0u32; cols];
    let mut header = vec![0u32; cols];
    let mut word = vec![0u32; cols];
    for (i, cell) in head.iter().enumerate().take(cols) {
        header[i] = longest(cell);
    }
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        for (i, cell) in row.iter().enumerate().take(cols) {
            natural[i] = natural[i].max(longest(cell));
            let w = u32::try_from(longest_word(&plain(cell))).unwrap_or(u32::MAX);
            word[i] = word[i].max(w.min(WORD_UNITS));
        }
    }
    let twips = |w: u32| w.min(MAX_UNITS).saturating_mul(unit) + CELL_PADDING;
    let min: Vec<u32> = (0..cols)
        .map(|i| twips(header[i].max(natural[i].min(SHORT_UNITS)).max(word[i])))
        .collect();
    let natural: Vec<u32> = natural.iter().map(|w| twips(*w)).collect();
    let sum = |v: &[u32]| v.iter().map(|w| u64::from(*w)).sum::<u64>();
    if sum(&natural) <= u64::from(total) || sum(&min) >= u64::from(total) {
        let basis = if sum(&natural) <= u64::from(total) {
            natural
        } else {
            min
        };
        return split_width(total, &basis);
    }
    let spare = total.saturating_sub(u32::try_from(sum(&min)).unwrap_or(total));
    let wants: Vec<u32> = natural.iter().zip(&min).map(|(n, m)| n - m).collect();
    let extra = split_width(spare, &wants);
    let mut widths: Vec<u32> = min.iter().zip(&extra).map(|(m, e)| m + e).collect();
    // Rounding: the last column takes what is left.
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + total).saturating_sub(used);
    }
    widths
}

/// `total` split in proportion to `weights`; the last column takes the rounding.
fn split_width(total: u32, weights: &[u32]) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
    let mut widths: Vec<u32> = weights
        .iter()
        .map(|w| u32::try_from(u64::from(total) * u64::from(*w) / sum).unwrap_or(total))
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

/// Columns a line takes in a monospace sense: East Asian wide characters count two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

/// The widest piece of text a line may not break inside: a run of Latin letters, digits
/// and punctuation (Chinese text breaks between any two characters).
fn longest_word(s: &str) -> usize {
    let (mut longest, mut current) = (0, 0);
    for c in s.chars() {
        if c.is_whitespace() || wide(c) {
            current = 0;
        } else {
            current += 1;
        }
        longest = longest.max(current);
    }
    longest
}

fn wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

fn is_external(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        matches!(
            scheme.to_ascii_lowercase().as_str(),
            "http" | "https" | "mailto" | "tel"
        )
    })
}

/// A link target as a valid URI: bytes that may not appear in one (spaces, quotes,
/// non-ASCII, controls) are percent-encoded, since Word rejects a package whose
/// relationship targets do not parse.
fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Whether XML 1.0 allows the character at all (it forbids most C0 controls and
/// U+FFFE/U+FFFF; Rust strings hold no surrogates).
fn xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

fn escape_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        // Escaped so `]]>` never appears in text.
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        c => out.push(c),
    }
}

/// Text for an element or attribute: escaped, forbidden characters dropped, and line
/// breaks and tabs as spaces (attribute values would lose them anyway).
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if xml_char(c) => escape_char(out, c),
            _ => {}
        }
    }
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    }
}

fn core_props(d: &Document) -> String {
    let mut x = String::new();
    x.push_str(XML_DECL);
    x.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>",
    );
    escape_into(&mut x, &d.title);
    x.push_str("</dc:title><dc:subject>");
    escape_into(&mut x, &d.running_header);
    let _ = write!(
        x,
        "</dc:subject><dc:language>{}</dc:language></cp:coreProperties>",
        lang_tag(d.lang)
    );
    x
}

/// The running header: the title on the left, document code and version on the right.
fn header(d: &Document) -> String {
    let mut w = Writer::new(d.lang, HashMap::new());
    w.open_p(&PPr {
        style: "Header",
        ..PPr::default()
    });
    w.run(d.title.trim(), Fmt::default());
    if !d.running_header.trim().is_empty() {
        w.run("\t", Fmt::default());
        w.run(d.running_header.trim(), Fmt::default());
    }
    w.close_p();
    format!(
        "{XML_DECL}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{}</w:hdr>",
        w.body
    )
}

/// The footer: `第 3 页 共 12 页` / `Page 3 of 12`, centred.
fn footer(lang: Lang) -> String {
    let field = |name: &str| {
        format!("<w:fldSimple w:instr=\" {name} \"><w:r><w:t>1</w:t></w:r></w:fldSimple>")
    };
    let text = |s: &str| format!("<w:r><w:t xml:space=\"preserve\">{s}</w:t></w:r>");
    let (before, middle, after) = match lang {
        Lang::Zh => ("第 ", " 页 共 ", " 页"),
        Lang::En => ("Page ", " of ", ""),
    };
    let mut p = String::from("<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
    p.push_str(&text(before));
    p.push_str(&field("PAGE"));
    p.push_str(&text(middle));
    p.push_str(&field("NUMPAGES"));
    if !after.is_empty() {
        p.push_str(&text(after));
    }
    p.push_str("</w:p>");
    format!("{XML_DECL}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{p}</w:ftr>")
}

/// Word 2013+ layout (not compatibility mode), and justified lines that end in a line break
/// are not stretched across the page.
fn settings(lang: Lang) -> String {
    // Chinese text compresses punctuation at line ends, as Word does for zh-CN.
    let spacing = match lang {
        Lang::Zh => "compressPunctuation",
        Lang::En => "doNotCompress",
    };
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/>\
         <w:defaultTabStop w:val=\"{INDENT}\"/><w:characterSpacingControl w:val=\"{spacing}\"/>\
         <w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"{}\" w:eastAsia=\"zh-CN\"/></w:settings>",
        lang_tag(lang)
    )
}

/// Sizes in half-points and spacing in twips, per language: Chinese documents use 小四
/// (12 pt) body text with 1.5 line spacing and a two-character first-line indent; English
/// ones 11 pt with space between paragraphs.
struct Metrics {
    body: u32,
    table: u32,
    title: u32,
    h1: u32,
    h2: u32,
    h3: u32,
    justify: &'static str,
    h1_align: &'static str,
    /// Line and paragraph spacing of body text and list items.
    spacing: &'static str,
    /// Body text's first-line indent.
    first_line: &'static str,
    note_rpr: &'static str,
}

fn metrics(lang: Lang) -> Metrics {
    match lang {
        Lang::Zh => Metrics {
            body: 24,
            table: 21,
            title: 44,
            h1: 32,
            h2: 28,
            h3: 24,
            justify: "both",
            h1_align: "center",
            spacing: "<w:spacing w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/>",
            first_line: "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>",
            // No italics: Chinese has none, Word would only slant the characters.
            note_rpr: "<w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        },
        Lang::En => Metrics {
            body: 22,
            table: 20,
            title: 40,
            h1: 32,
            h2: 26,
            h3: 22,
            justify: "left",
            h1_align: "left",
            spacing: "<w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/>",
            first_line: "",
            note_rpr: "<w:i/><w:iCs/><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        },
    }
}

fn styles(lang: Lang) -> String {
    let m = metrics(lang);
    // Punctuation shared by both scripts (“” ……) takes the Chinese font in Chinese text.
    let hint = match lang {
        Lang::Zh => " w:hint=\"eastAsia\"",
        Lang::En => "",
    };
    let tag = lang_tag(lang);
    let head_fonts = format!(
        "<w:rFonts w:ascii=\"{HEAD_LATIN}\" w:eastAsia=\"{HEAD_CJK}\" w:hAnsi=\"{HEAD_LATIN}\" w:cs=\"{HEAD_LATIN}\"/>"
    );
    let mono_fonts = format!("<w:rFonts w:ascii=\"{MONO}\" w:hAnsi=\"{MONO}\" w:cs=\"{MONO}\"/>");
    let sz = |n: u32| format!("<w:sz w:val=\"{n}\"/><w:szCs w:val=\"{n}\"/>");
    let para = |id: &str, name: &str, based: &str, extra: &str, ppr: &str, rpr: &str| {
        let based = if based.is_empty() {
            String::new()
        } else {
            format!("<w:basedOn w:val=\"{based}\"/>")
        };
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{based}{extra}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        )
    };
    let heading = |n: u32, size: u32, ppr: &str| {
        para(
            &format!("Heading{n}"),
            &format!("heading {n}"),
            "Normal",
            "<w:next w:val=\"BodyText\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>",
            &format!(
                "<w:keepNext/><w:keepLines/>{ppr}<w:outlineLvl w:val=\"{}\"/>",
                n - 1
            ),
            &format!("{head_fonts}<w:b/><w:bCs/>{}", sz(size)),
        )
    };
    let mut x = String::new();
    x.push_str(XML_DECL);
    let _ = write!(
        x,
        "<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"{BODY_LATIN}\" w:eastAsia=\"{BODY_CJK}\" w:hAnsi=\"{BODY_LATIN}\" w:cs=\"{BODY_LATIN}\"{hint}/>\
         {}<w:lang w:val=\"{tag}\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        sz(m.body)
    );
    let _ = write!(
        x,
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:widowControl/><w:jc w:val=\"{}\"/></w:pPr></w:style>",
        m.justify
    );
    x.push_str(
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
         <w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
    );
    x.push_str(&para(
        "Title",
        "Title",
        "Normal",
        "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>",
        "<w:spacing w:before=\"2400\" w:after=\"1200\"/><w:jc w:val=\"center\"/>",
        &format!("{head_fonts}<w:b/><w:bCs/>{}", sz(m.title)),
    ));
    x.push_str(&heading(
        1,
        m.h1,
        &format!(
            "<w:pageBreakBefore/><w:spacing w:before=\"240\" w:after=\"360\"/><w:jc w:val=\"{}\"/>",
            m.h1_align
        ),
    ));
    x.push_str(&heading(
        2,
        m.h2,
        "<w:spacing w:before=\"360\" w:after=\"180\"/><w:jc w:val=\"left\"/>",
    ));
    x.push_str(&heading(
        3,
        m.h3,
        "<w:spacing w:before=\"240\" w:after=\"120\"/><w:jc w:val=\"left\"/>",
    ));
    x.push_str(&para(
        "BodyText",
        "Body Text",
        "Normal",
        "<w:qFormat/>",
        &format!("{}{}", m.spacing, m.first_line),
        "",
    ));
    x.push_str(&para(
        "ListParagraph",
        "List Paragraph",
        "Normal",
        "<w:uiPriority w:val=\"34\"/><w:qFormat/>",
        &format!("{}<w:contextualSpacing/>", m.spacing),
        "",
    ));
    x.push_str(&para(
        "TableText",
        "Table Text",
        "Normal",
        "<w:qFormat/>",
        "<w:spacing w:before=\"40\" w:after=\"40\"/><w:jc w:val=\"left\"/>",
        &sz(m.table),
    ));
    x.push_str(&para(
        "Quote",
        "Quote",
        "Normal",
        "<w:next w:val=\"BodyText\"/><w:uiPriority w:val=\"29\"/><w:qFormat/>",
        "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"BFC7D1\"/></w:pBdr>\
         <w:spacing w:before=\"60\" w:after=\"60\"/><w:ind w:left=\"420\" w:right=\"420\"/>",
        "<w:color w:val=\"404040\"/>",
    ));
    x.push_str(&para(
        "Code",
        "Code",
        "Normal",
        "<w:qFormat/>",
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
        &format!("{mono_fonts}{}", sz(19)),
    ));
    x.push_str(&para(
        "Note",
        "Note",
        "Normal",
        "<w:qFormat/>",
        "<w:spacing w:before=\"60\" w:after=\"120\"/>",
        m.note_rpr,
    ));
    x.push_str(&para(
        "Header",
        "header",
        "Normal",
        "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        &format!(
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>\
             <w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_W}\"/></w:tabs><w:jc w:val=\"left\"/>"
        ),
        &sz(18),
    ));
    x.push_str(&para(
        "Footer",
        "footer",
        "Normal",
        "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>",
        "<w:jc w:val=\"center\"/>",
        &sz(18),
    ));
    let _ = write!(
        x,
        "<w:style w:type=\"character\" w:styleId=\"CodeChar\"><w:name w:val=\"Code Char\"/>\
         <w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr>{mono_fonts}<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/></w:rPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
         <w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
         <w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>\
         <w:uiPriority w:val=\"39\"/><w:tblPr>{TABLE_BORDERS}</w:tblPr></w:style></w:styles>"
    );
    x
}

/// Thin black borders around and between all cells (in the table style and, for readers
/// that ignore table styles, on every table).
const TABLE_BORDERS: &str = "<w:tblBorders>\
    <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
    <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
    <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
    <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
    <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
    <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>\
    </w:tblBorders>";

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>",
    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>",
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    "</Types>"
);

const ROOT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>",
    "</Relationships>"
);

const APP_PROPS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" ",
    "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">",
    "<Application>Policy Playground</Application></Properties>"
);

/// The fonts with their English names as alternates and their classification (panose,
/// GB2312 character set, family), which Word and LibreOffice use to pick a substitute.
const FONT_TABLE: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:panose1 w:val=\"02010600030101010101\"/>",
    "<w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>",
    "<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:panose1 w:val=\"02010609060101010101\"/>",
    "<w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>",
    "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/>",
    "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>",
    "<w:font w:name=\"Arial\"><w:panose1 w:val=\"020B0604020202020204\"/>",
    "<w:charset w:val=\"00\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>",
    "<w:font w:name=\"Consolas\"><w:panose1 w:val=\"020B0609020204030204\"/>",
    "<w:charset w:val=\"00\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>",
    "</w:fonts>"
);
