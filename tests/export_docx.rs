//! The Word export: the package reads back (with our reader and with `unzip -t`), every
//! part is well-formed XML that refers only to parts, styles, lists and relationships that
//! exist, the starter's contents are all there, hostile clause text stays inert text, and
//! the same workspace always gives the same bytes. LibreOffice, when installed, converts
//! the file to PDF.
//!
//! `PPG_WRITE_DOCX=DIR cargo test --test export_docx` also writes the starter documents to
//! `DIR/starter-zh.docx` and `DIR/starter-en.docx` for a look in Word.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use policy_playground::core::bundle::Bundle;
use policy_playground::core::export::doc::{para, Block, Document, Inline};
use policy_playground::core::export::{self, docx, zip, Format, Sections};
use policy_playground::core::lang::Lang;
use policy_playground::core::naming::generate::examples;
use policy_playground::core::snapshot;
use policy_playground::core::starter;
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// A small XML checker: well-formedness (tags, attributes, entities, characters, declared
// namespace prefixes), the elements with their attributes, and each paragraph's text.

#[derive(Debug, Default)]
struct Xml {
    /// Every element in document order: name and attributes (entities decoded).
    elements: Vec<(String, HashMap<String, String>)>,
    /// The text of each `w:p` (`w:t` contents, `w:tab` as a tab, `w:br` as a newline).
    paragraphs: Vec<String>,
}

impl Xml {
    fn text(&self) -> String {
        self.paragraphs.join("\n")
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a HashMap<String, String>> {
        self.elements
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, a)| a)
    }

    fn values(&self, element: &str, attr: &str) -> Vec<String> {
        self.all(element)
            .filter_map(|a| a.get(attr).cloned())
            .collect()
    }
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')
}

/// Decodes character and entity references; every `&` must start one.
fn decode(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').ok_or("unterminated reference")? + i;
        let name = &rest[i + 1..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16)
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse()
                } else {
                    return Err(format!("unknown entity &{name};"));
                };
                let c = code
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(format!("bad reference &{name};"))?;
                if !xml_char(c) {
                    return Err(format!("reference to a forbidden character &{name};"));
                }
                c
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn parse_xml(src: &str) -> Result<Xml, String> {
    if let Some(c) = src.chars().find(|c| !xml_char(*c)) {
        return Err(format!("forbidden character U+{:04X}", c as u32));
    }
    let mut xml = Xml::default();
    // Open elements with the namespace prefixes each declares.
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    let mut roots = 0;
    let mut paragraph: Option<String> = None;
    let mut in_text = false;
    let mut rest = src;
    if let Some(after) = rest.strip_prefix("<?xml") {
        rest = &after[after.find("?>").ok_or("unterminated declaration")? + 2..];
    }
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if !rest.trim().is_empty() || !stack.is_empty() {
                return Err("text after the root or unclosed elements".into());
            }
            break;
        };
        let text = &rest[..lt];
        if text.contains("]]>") {
            return Err("`]]>` in text".into());
        }
        if text.contains('>') && text.contains("]]") {
            return Err("`]]>` in text".into());
        }
        let decoded = decode(text)?;
        if stack.is_empty() && !decoded.trim().is_empty() {
            return Err(format!("text outside the root: {decoded:?}"));
        }
        if in_text {
            if let Some(p) = paragraph.as_mut() {
                p.push_str(&decoded);
            }
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->").ok_or("unterminated comment")? + 3..];
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return Err("unexpected markup declaration or instruction".into());
        }
        let gt = rest.find('>').ok_or("unterminated tag")?;
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let (open, _) = stack.pop().ok_or("close tag without open tag")?;
            if open != name.trim_end() {
                return Err(format!("</{name}> closes <{open}>"));
            }
            match open.as_str() {
                "w:t" => in_text = false,
                "w:p" => xml.paragraphs.extend(paragraph.take()),
                _ => {}
            }
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty()
            || !name.chars().all(name_char)
            || name.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.')
        {
            return Err(format!("bad element name {name:?}"));
        }
        let mut attrs = HashMap::new();
        let mut a = tag[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a
                .find('=')
                .ok_or(format!("attribute without value in <{name}>"))?;
            let key = a[..eq].trim();
            if key.is_empty() || !key.chars().all(name_char) {
                return Err(format!("bad attribute name {key:?} in <{name}>"));
            }
            let v = a[eq + 1..].trim_start();
            let quote = v
                .chars()
                .next()
                .filter(|q| *q == '"' || *q == '\'')
                .ok_or("unquoted attribute")?;
            let close = v[1..].find(quote).ok_or("unterminated attribute")? + 1;
            let raw = &v[1..close];
            if raw.contains('<') {
                return Err(format!("`<` in attribute {key}"));
            }
            if attrs.insert(key.to_string(), decode(raw)?).is_some() {
                return Err(format!("attribute {key} twice in <{name}>"));
            }
            let next = &v[close + 1..];
            if !next.is_empty() && !next.starts_with(char::is_whitespace) {
                return Err(format!("no space between attributes in <{name}>"));
            }
            a = next.trim_start();
        }
        let declared: Vec<String> = attrs
            .keys()
            .filter_map(|k| k.strip_prefix("xmlns:").map(str::to_string))
            .collect();
        let in_scope = |prefix: &str| {
            prefix == "xml"
                || prefix == "xmlns"
                || declared.iter().any(|d| d == prefix)
                || stack.iter().any(|(_, ds)| ds.iter().any(|d| d == prefix))
        };
        for qname in std::iter::once(name).chain(attrs.keys().map(String::as_str)) {
            if let Some((prefix, _)) = qname.split_once(':') {
                if !in_scope(prefix) {
                    return Err(format!("undeclared prefix {prefix} in {qname}"));
                }
            }
        }
        if stack.is_empty() {
            roots += 1;
            if roots > 1 {
                return Err("more than one root element".into());
            }
        }
        match name {
            "w:p" => paragraph = Some(String::new()),
            "w:t" => in_text = !empty,
            "w:tab" if stack.last().is_some_and(|(n, _)| n == "w:r") => {
                if let Some(p) = paragraph.as_mut() {
                    p.push('\t')
                }
            }
            "w:br" => {
                if let Some(p) = paragraph.as_mut() {
                    p.push('\n')
                }
            }
            _ => {}
        }
        xml.elements.push((name.to_string(), attrs));
        if !empty {
            stack.push((name.to_string(), declared));
        } else if name == "w:p" {
            xml.paragraphs.extend(paragraph.take());
        }
    }
    if roots != 1 || !stack.is_empty() {
        return Err("no root element, or one left open".into());
    }
    Ok(xml)
}

#[test]
fn the_checker_rejects_what_word_rejects() {
    assert!(parse_xml("<a><b/></a>").is_ok());
    assert!(parse_xml("<a><b></a>").is_err());
    assert!(parse_xml("<a>&nbsp;</a>").is_err());
    assert!(parse_xml("<a>x & y</a>").is_err());
    assert!(parse_xml("<a>\u{1}</a>").is_err());
    assert!(parse_xml("<a>&#1;</a>").is_err());
    assert!(parse_xml("<a>]]></a>").is_err());
    assert!(parse_xml("<a x=\"1\" x=\"2\"/>").is_err());
    assert!(parse_xml("<w:a/>").is_err());
    assert!(parse_xml("<a/><b/>").is_err());
    let ok = parse_xml(
        "<w:d xmlns:w=\"u\"><w:p><w:r><w:t>a&amp;b</w:t><w:tab/><w:t>c</w:t></w:r></w:p></w:d>",
    )
    .expect("well-formed");
    assert_eq!(ok.paragraphs, ["a&b\tc"]);
}

// ---------------------------------------------------------------------------------------
// Reading a package.

struct Package {
    parts: HashMap<String, Vec<u8>>,
    order: Vec<String>,
}

impl Package {
    fn read(bytes: &[u8]) -> Package {
        let entries = zip::entries(bytes).expect("our reader reads the package");
        Package {
            order: entries.iter().map(|(n, _)| n.clone()).collect(),
            parts: entries.into_iter().collect(),
        }
    }

    fn text(&self, name: &str) -> &str {
        let bytes = self
            .parts
            .get(name)
            .unwrap_or_else(|| panic!("no part {name}"));
        std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{name} is not UTF-8"))
    }

    fn xml(&self, name: &str) -> Xml {
        parse_xml(self.text(name)).unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"))
    }
}

/// Checks everything a reader relies on, and returns the package.
fn check_package(bytes: &[u8]) -> Package {
    let pkg = Package::read(bytes);
    assert_eq!(
        pkg.order.first().map(String::as_str),
        Some("[Content_Types].xml")
    );
    assert_eq!(pkg.order.len(), pkg.parts.len(), "duplicate part names");
    for name in &pkg.order {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            pkg.xml(name);
        }
    }

    // Every part has a content type; every override names a part.
    let types = pkg.xml("[Content_Types].xml");
    let defaults: HashSet<String> = types.values("Default", "Extension").into_iter().collect();
    let overrides: HashSet<String> = types.values("Override", "PartName").into_iter().collect();
    for name in &pkg.order {
        if name != "[Content_Types].xml" {
            let ext = name.rsplit('.').next().unwrap_or_default();
            assert!(
                overrides.contains(&format!("/{name}")) || defaults.contains(ext),
                "{name} has no content type"
            );
        }
    }
    for o in &overrides {
        assert!(
            pkg.parts.contains_key(&o[1..]),
            "override for missing part {o}"
        );
    }

    // Internal relationships point at parts; ids are unique.
    let rels = pkg.xml("word/_rels/document.xml.rels");
    let mut ids = HashSet::new();
    for r in rels.all("Relationship") {
        assert!(
            ids.insert(r["Id"].clone()),
            "relationship id {} twice",
            r["Id"]
        );
        if r.get("TargetMode").map(String::as_str) == Some("External") {
            let t = &r["Target"];
            assert!(
                ["http:", "https:", "mailto:", "tel:"]
                    .iter()
                    .any(|s| t.to_ascii_lowercase().starts_with(s)),
                "external target {t}"
            );
            assert!(
                !t.contains(|c: char| c.is_whitespace() || !c.is_ascii() || c == '"'),
                "target {t:?} is not a valid URI"
            );
        } else {
            assert!(
                pkg.parts.contains_key(&format!("word/{}", r["Target"])),
                "missing {}",
                r["Target"]
            );
        }
    }
    for r in pkg.xml("_rels/.rels").all("Relationship") {
        assert!(
            pkg.parts.contains_key(&r["Target"]),
            "missing {}",
            r["Target"]
        );
    }

    // The document refers only to relationships, styles, lists and bookmarks that exist.
    let doc = pkg.xml("word/document.xml");
    for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
        let xml = pkg.xml(part);
        for id in xml
            .values("w:hyperlink", "r:id")
            .iter()
            .chain(&xml.values("w:headerReference", "r:id"))
            .chain(&xml.values("w:footerReference", "r:id"))
        {
            assert!(ids.contains(id), "{part} uses missing relationship {id}");
        }
    }
    let styles = pkg.xml("word/styles.xml");
    let style_ids: HashSet<String> = styles.values("w:style", "w:styleId").into_iter().collect();
    for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
        let xml = pkg.xml(part);
        for tag in ["w:pStyle", "w:rStyle", "w:tblStyle"] {
            for s in xml.values(tag, "w:val") {
                assert!(style_ids.contains(&s), "{part} uses missing style {s}");
            }
        }
    }
    let numbering = pkg.xml("word/numbering.xml");
    let nums: HashSet<String> = numbering.values("w:num", "w:numId").into_iter().collect();
    for n in doc.values("w:numId", "w:val") {
        assert!(nums.contains(&n), "missing numbering instance {n}");
    }
    let names = doc.values("w:bookmarkStart", "w:name");
    // Word compares bookmark names without case.
    let lower: HashSet<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    assert_eq!(lower.len(), names.len(), "bookmark names repeat");
    let unique: HashSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "bookmark names repeat");
    for n in &names {
        assert!(
            n.len() <= 40 && n.starts_with(|c: char| c.is_ascii_alphabetic()),
            "bookmark {n}"
        );
        assert!(
            n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "bookmark {n}"
        );
    }
    for a in doc.values("w:hyperlink", "w:anchor") {
        assert!(unique.contains(&a), "link to missing bookmark {a}");
    }

    // A4 portrait.
    let size = doc.all("w:pgSz").next().expect("sectPr with a page size");
    assert_eq!(
        (size["w:w"].as_str(), size["w:h"].as_str()),
        ("11906", "16838")
    );
    pkg
}

/// `unzip -t` on the file, when unzip is installed: an independent reader.
fn unzip_test(bytes: &[u8], name: &str) {
    if which("unzip").is_none() {
        eprintln!("unzip not found: independent ZIP check skipped");
        return;
    }
    let dir = temp_dir(name);
    let file = dir.join("test.docx");
    std::fs::write(&file, bytes).expect("write temp file");
    let out = Command::new("unzip")
        .arg("-t")
        .arg(&file)
        .output()
        .expect("run unzip");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "unzip -t failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("No errors detected"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(program))
            .find(|p| p.is_file())
    })
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ppg-docx-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn docx(bundle: &Bundle, lang: Lang, sections: Sections) -> Vec<u8> {
    export::export(bundle, Format::Docx, lang, sections)
}

/// The starter with one saved version, so the revision record has a row.
fn starter_with_revision(lang: Lang) -> Bundle {
    let mut b = starter::bundle(lang);
    snapshot::take(
        &mut b,
        "V1.0",
        "2025-01-01",
        "首次发布 / first issue",
        "2024-12-20T10:30",
    );
    b
}

// ---------------------------------------------------------------------------------------

fn check_starter(lang: Lang) {
    let b = starter_with_revision(lang);
    let bytes = docx(&b, lang, Sections::FULL);
    let pkg = check_package(&bytes);
    unzip_test(&bytes, lang.code());

    let text = pkg.xml("word/document.xml").text();
    let has = |s: &str| assert!(text.contains(s), "{lang:?}: the document lacks {s:?}");
    has(&b.policy.meta.title);
    has(&b.policy.meta.doc_code);
    for (_, value) in export::document(&b, lang, Sections::FULL).cover {
        has(&value);
    }
    let d = export::document(&b, lang, Sections::FULL);
    for block in &d.blocks {
        if let Block::Heading { text, .. } = block {
            has(text);
        }
    }
    for chapter in &b.policy.chapters {
        has(&chapter.title);
    }
    match lang {
        Lang::Zh => {
            for s in [
                "第一章",
                "第1条　目的",
                "修订记录",
                "首次发布",
                "附录A",
                "附录B",
                "附录C",
                "签批",
                "起草",
                "审核",
                "批准",
            ] {
                has(s);
            }
        }
        Lang::En => {
            for s in [
                "Chapter 1",
                "Article 1. Purpose",
                "Revision record",
                "first issue",
                "Appendix A",
                "Appendix C",
                "Sign-off",
                "Drafted by",
                "Reviewed by",
                "Approved by",
            ] {
                has(s);
            }
        }
    }
    let scheme = &b.naming[0];
    let sample = examples(scheme, &b.org);
    has(&sample.iter().find(|e| e.ok).expect("a valid example").name);
    has(&sample
        .iter()
        .find(|e| !e.ok)
        .expect("an invalid example")
        .name);
    for t in &b.approvals.templates {
        has(&t.name);
    }
    has(&b.org.roles[0].name);

    // The first article runs on from its label into its first paragraph.
    let first = match d.blocks.iter().find(|b| matches!(b, Block::Article { .. })) {
        Some(Block::Article { body, .. }) => match &body[0] {
            Block::Paragraph(p) => export::doc::plain(p),
            _ => unreachable!(),
        },
        _ => unreachable!(),
    };
    let lead = &first[..first.char_indices().nth(10).map_or(first.len(), |(i, _)| i)];
    assert!(
        pkg.xml("word/document.xml")
            .paragraphs
            .iter()
            .any(|p| (p.starts_with("第1条") || p.starts_with("Article 1")) && p.contains(lead)),
        "the first article is not one paragraph"
    );

    let styles = pkg.text("word/styles.xml");
    assert!(
        styles.contains("宋体") && styles.contains("黑体"),
        "Chinese fonts"
    );
    let header = pkg.xml("word/header1.xml").text();
    assert!(header.contains(&b.policy.meta.doc_code) && header.contains(&b.policy.meta.version));
    assert!(pkg.text("word/footer1.xml").contains("PAGE"));
    let core = pkg.xml("docProps/core.xml");
    assert!(core.elements.iter().any(|(n, _)| n == "dc:title"));
    assert!(pkg.text("docProps/core.xml").contains(&b.policy.meta.title));

    // Each ordered list has its own numbering instance starting where the model says.
    let d_all = export::document(&b, lang, Sections::ALL);
    let mut expected = Vec::new();
    ordered_starts(&d_all.blocks, &mut expected);
    assert!(!expected.is_empty(), "the answer key is an ordered list");
    let all = docx(&b, lang, Sections::ALL);
    let starts = Package::read(&all)
        .xml("word/numbering.xml")
        .values("w:startOverride", "w:val");
    assert_eq!(starts, expected);
    // Flows' drawings are left out (the steps are written out).
    assert!(!pkg.text("word/document.xml").contains("<svg"));

    if let Some(dir) = std::env::var_os("PPG_WRITE_DOCX") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("output dir");
        std::fs::write(dir.join(format!("starter-{}.docx", lang.code())), &bytes).expect("write");
    }
}

/// The first numbers of the ordered lists, in document order.
fn ordered_starts(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::List { start, items } => {
                out.extend(start.map(|s| s.to_string()));
                for item in items {
                    ordered_starts(item, out);
                }
            }
            Block::Article { body, .. } | Block::Quote(body) => ordered_starts(body, out),
            _ => {}
        }
    }
}

#[test]
fn the_chinese_starter_makes_a_complete_package() {
    check_starter(Lang::Zh);
}

#[test]
fn the_english_starter_makes_a_complete_package() {
    check_starter(Lang::En);
}

#[test]
fn every_section_choice_makes_a_valid_package() {
    let b = starter::bundle(Lang::Zh);
    for sections in [Sections::FULL, Sections::POLICY_ONLY, Sections::ALL] {
        check_package(&docx(&b, Lang::Zh, sections));
    }
    // Chinese workspace, English document.
    check_package(&docx(&b, Lang::En, Sections::ALL));
}

#[test]
fn the_same_workspace_gives_the_same_bytes() {
    let b = starter_with_revision(Lang::Zh);
    assert_eq!(
        docx(&b, Lang::Zh, Sections::ALL),
        docx(&b, Lang::Zh, Sections::ALL)
    );
}

#[test]
fn hostile_clause_text_stays_inert_text() {
    let mut b = starter::bundle(Lang::Zh);
    let body = "<script>alert(1)</script>\n\n\
                Look <img src=x onerror=alert(1)> [x](javascript:alert(1)) AT&amp;T \u{0}\u{1}\u{b}\u{c}\u{1f}\u{fffe}\u{ffff} end ]]> done\n\n\
                [site](https://example.com/a?b=1&c=\"2\") [purpose](#c-general-purpose) [rel](docs/x.pdf) \
                [sneaky](JaVaScRiPt:alert(2)) ![img](https://evil.example/x.png)\n\n\
                ```\ncode <b>\tx\n```";
    b.policy.chapters[0].clauses[0].body = body.to_string();
    b.policy.chapters[0].clauses[0].title = "<b onclick=\"x\">标题</b>\u{7}".to_string();
    b.policy.meta.title = "Title <&> \u{0}\"quoted\"".to_string();
    let bytes = docx(&b, Lang::Zh, Sections::FULL);
    let pkg = check_package(&bytes);
    for name in &pkg.order {
        if let Ok(s) = std::str::from_utf8(&pkg.parts[name]) {
            assert!(
                !s.contains(|c: char| !xml_char(c)),
                "{name} holds a forbidden character"
            );
        }
    }
    let doc = pkg.xml("word/document.xml");
    let text = doc.text();
    for literal in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "AT&T",
        "end ]]> done",
        "<b onclick=\"x\">标题</b>",
        "code <b>\tx",
        "Title <&> \"quoted\"",
        "[sneaky](JaVaScRiPt:alert(2))",
    ] {
        assert!(text.contains(literal), "{literal:?} is not in the text");
    }
    // The raw markup never appears unescaped in the XML.
    let raw = pkg.text("word/document.xml");
    assert!(!raw.contains("<script") && !raw.contains("<img") && !raw.contains("<b "));

    let rels = pkg.xml("word/_rels/document.xml.rels");
    let targets = rels.values("Relationship", "Target");
    assert!(
        targets
            .iter()
            .all(|t| !t.to_ascii_lowercase().contains("javascript")),
        "{targets:?}"
    );
    assert!(
        targets.contains(&"https://example.com/a?b=1&c=%222%22".to_string()),
        "{targets:?}"
    );
    assert!(
        !targets
            .iter()
            .any(|t| t.contains("evil") || t.contains("docs/x.pdf")),
        "{targets:?}"
    );
    assert!(doc
        .values("w:hyperlink", "w:anchor")
        .contains(&"c_general_purpose".to_string()));
    assert!(text.contains("site") && text.contains("rel"));
}

#[test]
fn odd_documents_still_make_valid_packages() {
    let deep = (0..20).fold(vec![para("bottom")], |inner, i| {
        vec![Block::List {
            start: if i % 2 == 0 { Some(u64::MAX) } else { None },
            items: vec![inner, vec![], vec![Block::Code("a\r\nb\r".into())]],
        }]
    });
    let d = Document {
        lang: Lang::En,
        title: String::new(),
        running_header: String::new(),
        cover: Vec::new(),
        blocks: vec![
            Block::Table {
                head: vec![],
                rows: vec![],
            },
            Block::Table {
                head: vec![],
                rows: vec![
                    vec![vec![Inline::text("ragged")]],
                    vec![],
                    vec![vec![], vec![], vec![Inline::LineBreak]],
                ],
            },
            Block::Table {
                head: vec![vec![Inline::text("a")]],
                rows: vec![],
            },
            Block::Heading {
                level: 0,
                text: "zero".into(),
                anchor: "9-字".into(),
            },
            Block::Heading {
                level: 9,
                text: "nine".into(),
                anchor: "9-字".into(),
            },
            Block::Heading {
                level: 1,
                text: "long".into(),
                anchor: "x".repeat(100),
            },
            Block::Heading {
                level: 1,
                text: "long2".into(),
                anchor: "x".repeat(101),
            },
            Block::Heading {
                level: 2,
                text: String::new(),
                anchor: String::new(),
            },
            Block::Heading {
                level: 2,
                text: "Case".into(),
                anchor: "Case".into(),
            },
            Block::Heading {
                level: 2,
                text: "case".into(),
                anchor: "case".into(),
            },
            Block::Article {
                anchor: "a".into(),
                label: String::new(),
                title: String::new(),
                body: vec![],
            },
            Block::Article {
                anchor: "a".into(),
                label: "Article 9".into(),
                title: String::new(),
                body: vec![Block::Note("n".into())],
            },
            Block::Quote(vec![
                Block::Quote(deep.clone()),
                Block::Table {
                    head: vec![vec![Inline::text("q")]],
                    rows: vec![],
                },
            ]),
            Block::Paragraph(vec![Inline::Link {
                url: "https://a.example".into(),
                content: vec![Inline::Link {
                    url: "#a".into(),
                    content: vec![Inline::Code("nested".into())],
                }],
            }]),
            Block::Paragraph(vec![Inline::Strong(vec![Inline::Emphasis(vec![
                Inline::Strike(vec![Inline::text("all")]),
            ])])]),
            Block::Figure {
                svg: "<svg/>".into(),
                alt: "alt".into(),
            },
            Block::Code(String::new()),
            Block::List {
                start: Some(0),
                items: vec![],
            },
        ],
    };
    let mut d = d;
    // More columns than Word shows: the extra ones join the last.
    let wide: Vec<Vec<Inline>> = (1..=100)
        .map(|i| vec![Inline::text(format!("c{i}"))])
        .collect();
    d.blocks.push(Block::Table {
        head: wide.clone(),
        rows: vec![wide, vec![vec![Inline::text("长".repeat(2000))]]],
    });
    let pkg = check_package(&docx::write(&d));
    let doc = pkg.xml("word/document.xml");
    let text = doc.text();
    assert!(text.contains("bottom") && text.contains("ragged") && text.contains("all"));
    assert!(text.contains("c62\nc63 | c64") && text.contains("c100"));
    let grids = doc
        .elements
        .iter()
        .filter(|(n, _)| n == "w:tblGrid")
        .count();
    let cols = doc
        .elements
        .iter()
        .filter(|(n, _)| n == "w:gridCol")
        .count();
    assert!(grids > 0 && cols <= grids * 63);
    // The row too long for a page may break; short rows may not.
    let rows = doc.elements.iter().filter(|(n, _)| n == "w:tr").count();
    let kept = doc
        .elements
        .iter()
        .filter(|(n, _)| n == "w:cantSplit")
        .count();
    assert_eq!(kept, rows - 1);
    assert!(text.contains("Article 9."));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_makes_a_valid_package(
        title in "\\PC{0,20}|[\\x00-\\x1f<>&\"'\\]]{0,10}",
        cell in any::<String>(),
        body in any::<String>(),
    ) {
        let d = Document {
            lang: Lang::Zh,
            title: title.clone(),
            running_header: cell.clone(),
            cover: vec![(title.clone(), cell.clone())],
            blocks: vec![
                Block::Heading { level: 1, text: title.clone(), anchor: cell.clone() },
                Block::Article { anchor: body.clone(), label: title.clone(), title: cell.clone(), body: export::doc::parse_markdown(&body) },
                Block::Table { head: vec![vec![Inline::text(cell.clone())]], rows: vec![vec![vec![Inline::text(body.clone())]]] },
                Block::Paragraph(vec![Inline::Link { url: cell.clone(), content: vec![Inline::text(body.clone())] }]),
                Block::Code(body.clone()),
            ],
        };
        check_package(&docx::write(&d));
    }
}

// ---------------------------------------------------------------------------------------
// LibreOffice, when installed: the file converts to a PDF.

#[test]
fn libreoffice_converts_the_chinese_starter_to_pdf() {
    let Some(soffice) = which("soffice").or_else(|| which("libreoffice")) else {
        eprintln!("LibreOffice (soffice) not found: conversion check skipped");
        return;
    };
    let dir = temp_dir("soffice");
    let file = dir.join("starter-zh.docx");
    std::fs::write(
        &file,
        docx(&starter_with_revision(Lang::Zh), Lang::Zh, Sections::FULL),
    )
    .expect("write");
    let pdf = convert(&soffice, &file, &dir);
    let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(size > 1000, "LibreOffice made no PDF (size {size})");
}

/// Runs `soffice --headless --convert-to pdf` with its own profile and a 120 s limit.
fn convert(soffice: &Path, file: &Path, dir: &Path) -> PathBuf {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let mut child = Command::new(soffice)
        .arg(profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start soffice");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().expect("wait for soffice").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("soffice took more than 120 s");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    file.with_extension("pdf")
}
