//! Document exports (Markdown, HTML) and share links.
//!
//! The Markdown and HTML exports of the starter example are compared with the files in
//! `tests/snapshots/`; after an intended change, review the differences and rewrite them
//! with `UPDATE_SNAPSHOTS=1 cargo test --test export`.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::export::doc::{parse_markdown, plain, Block, Inline};
use policy_playground::core::export::share::{self, DecodeError, EncodeError};
use policy_playground::core::export::{self, document, html, markdown, Format, Sections};
use policy_playground::core::{snapshot, starter, Bundle, Lang};
use proptest::prelude::*;

/// Compares `actual` with `tests/snapshots/NAME`, or rewrites it under UPDATE_SNAPSHOTS.
fn snapshot_matches(name: &str, actual: &str) {
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(format!("{}/tests/snapshots", env!("CARGO_MANIFEST_DIR")))
            .expect("snapshot dir");
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("no snapshot {path}; run with UPDATE_SNAPSHOTS=1"));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its snapshot at line {}:\n  snapshot: {:?}\n  actual:   {:?}\n\
             (review, then UPDATE_SNAPSHOTS=1 cargo test --test export)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// The starter with one saved version, so the revision record has a row.
fn starter_with_version(lang: Lang) -> Bundle {
    let mut b = starter::bundle(lang);
    let note = match lang {
        Lang::Zh => "首次发布",
        Lang::En => "First issue",
    };
    snapshot::take(&mut b, "V1.0", "2025-01-01", note, "2024-12-20T10:30");
    b
}

#[test]
fn markdown_and_html_of_the_starter_match_their_snapshots() {
    for lang in Lang::ALL {
        let b = starter_with_version(lang);
        let d = document(&b, lang, Sections::ALL);
        snapshot_matches(&format!("starter-{}.md", lang.code()), &markdown::write(&d));
        snapshot_matches(&format!("starter-{}.html", lang.code()), &html::write(&d));
    }
}

fn text_of(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading { text, .. } | Block::Code(text) | Block::Note(text) => {
                out.push_str(text)
            }
            Block::Article {
                label, title, body, ..
            } => {
                out.push_str(label);
                out.push_str(title);
                out.push_str(&text_of(body));
            }
            Block::Paragraph(c) => out.push_str(&plain(c)),
            Block::List { items, .. } => items.iter().for_each(|i| out.push_str(&text_of(i))),
            Block::Table { head, rows } => {
                head.iter().for_each(|c| out.push_str(&plain(c)));
                rows.iter().flatten().for_each(|c| out.push_str(&plain(c)));
            }
            Block::Quote(q) => out.push_str(&text_of(q)),
            Block::Figure { alt, .. } => out.push_str(alt),
        }
        out.push('\n');
    }
    out
}

#[test]
fn the_document_carries_every_part_of_the_workspace() {
    let b = starter_with_version(Lang::Zh);
    let d = document(&b, Lang::Zh, Sections::ALL);
    let text = text_of(&d.blocks);
    for chapter in &b.policy.chapters {
        assert!(text.contains(&chapter.title), "chapter {}", chapter.title);
    }
    assert!(text.contains("第一章"));
    assert!(text.contains(&format!("第{}条", b.policy.clause_count())));
    for needle in [
        "修订记录",
        "首次发布",
        "附录A",
        "附录B",
        "附录C",
        "附录D",
        "签批",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    for t in &b.approvals.templates {
        assert!(text.contains(&t.name), "template {}", t.name);
    }
    for r in &b.org.roles {
        assert!(text.contains(&r.name), "role {}", r.name);
    }
    assert_eq!(
        d.blocks
            .iter()
            .filter(|b| matches!(b, Block::Figure { .. }))
            .count(),
        b.approvals.templates.len(),
        "one flow drawing per template"
    );
    // The leave flow: the branch over 3 days adds two numbered steps.
    assert!(text.contains("2.1 部门负责人"), "{text}");
    assert!(text.contains("天数 > 3"));
    // Without appendices, only the policy.
    let only = text_of(&document(&b, Lang::Zh, Sections::POLICY_ONLY).blocks);
    assert!(!only.contains("附录"));
    assert!(only.contains("签批") && only.contains("修订记录"));
    assert_eq!(d.running_header, "EXT-ADM-2025-007  V1.0");
}

#[test]
fn labels_follow_the_export_language_and_user_text_stays() {
    let b = starter::bundle(Lang::Zh);
    let d = document(&b, Lang::En, Sections::FULL);
    let text = text_of(&d.blocks);
    assert!(text.contains("Chapter 1") && text.contains("Article 1"));
    assert!(text.contains("Appendix A. "));
    assert!(text.contains("总则"), "the chapter titles are the user's");
    assert_eq!(d.cover[0].0, "Document code");
}

#[test]
fn sections_parse_from_names() {
    assert_eq!(Sections::parse("full"), Ok(Sections::FULL));
    assert_eq!(Sections::parse("policy"), Ok(Sections::POLICY_ONLY));
    let s = Sections::parse("policy, answer-key").expect("valid");
    assert!(s.policy && s.answer_key && !s.naming && !s.sign_off);
    assert!(Sections::parse("policy,bogus")
        .expect_err("unknown name")
        .contains("`bogus`"));
}

const HOSTILE: &str = "<script>alert(1)</script> before\n\n\
<img src=x onerror=alert(2)> and <svg onload=alert(3)>\n\n\
[click](javascript:alert(4)) [tab](java\tscript:alert(5)) [ok](https://example.com/a?b=1&c=2)\n\n\
<a href=\"javascript:alert(6)\">raw link</a> ![img](https://evil.example/x.png)\n\n\
# heading inside\n\n- item `<b>code</b>`\n\n| a | b |\n|---|---|\n| <i>x</i> | `p\\|q` |\n\n\
&lt;script&gt; stays as typed; \u{0}\u{1}\u{b} control characters";

/// The starter with hostile text in a clause body and in names that exports print.
fn hostile_bundle() -> Bundle {
    let mut b = starter::bundle(Lang::Zh);
    b.policy.chapters[0].clauses[0].body = HOSTILE.to_string();
    b.policy.chapters[0].title = "<script>alert('t')</script>".into();
    b.policy.meta.title = "</title><script>alert(7)</script>".into();
    b.policy.meta.doc_code = "X\"</style><script>alert(8)</script>".into();
    b.naming[0].name = "<img src=x onerror=alert(9)>".into();
    b.approvals.templates[0].name = "<b onclick=alert(10)>leave</b>".into();
    b
}

/// Every tag in a piece of HTML: (name, the whole tag text).
fn tags(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let end = after.find('>').unwrap_or(after.len());
        let tag = &after[..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        out.push((name.to_ascii_lowercase(), tag.to_string()));
        rest = &after[end.min(after.len())..];
    }
    out
}

/// The attribute names of a tag's text (`a href="x" title='y' hidden`).
fn attribute_names(tag: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut chars = tag.chars().peekable();
    // Skip the tag name.
    while chars.peek().is_some_and(|c| !c.is_whitespace()) {
        chars.next();
    }
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == '/') {
            chars.next();
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=' && *c != '/'))
                .collect();
        if name.is_empty() {
            break;
        }
        names.push(name);
        if chars.next_if_eq(&'=').is_some() {
            match chars.next() {
                Some(q @ ('"' | '\'')) => {
                    for c in chars.by_ref() {
                        if c == q {
                            break;
                        }
                    }
                }
                _ => while chars.next_if(|c| !c.is_whitespace()).is_some() {},
            }
        }
    }
    names
}

/// No script, event attribute or script link anywhere in the markup.
fn assert_inert(html: &str, context: &str) {
    for (name, tag) in tags(html) {
        assert_ne!(name, "script", "{context}: <{tag}>");
        assert_ne!(name, "img", "{context}: <{tag}>");
        assert_ne!(name, "iframe", "{context}: <{tag}>");
        let lower = tag.to_ascii_lowercase();
        assert!(
            !lower.contains("javascript:"),
            "{context}: script link in <{tag}>"
        );
        for attr in attribute_names(&lower) {
            assert!(
                !attr.starts_with("on"),
                "{context}: event attribute in <{tag}>"
            );
        }
    }
}

#[test]
fn hostile_content_is_inert_in_html() {
    let b = hostile_bundle();
    for lang in Lang::ALL {
        let out = html::write(&document(&b, lang, Sections::ALL));
        assert_inert(&out, "html");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(
            out.contains("[click](javascript:alert(4))"),
            "shown as text"
        );
        assert!(out.contains("<a href=\"https://example.com/a?b=1&amp;c=2\""));
        // An entity in a clause means its character, as in the app's preview.
        assert!(out.contains("&lt;script&gt; stays as typed"));
        assert!(!out.contains('\u{0}') && !out.contains('\u{b}'));
        assert!(out.contains("Content-Security-Policy"));
        // The title and the running header cannot leave their elements.
        assert!(out.contains("<title>&lt;/title&gt;&lt;script&gt;alert(7)"));
        assert_eq!(out.matches("</style>").count(), 1);
    }
}

#[test]
fn hostile_content_is_inert_in_markdown() {
    let b = hostile_bundle();
    for lang in Lang::ALL {
        let md = markdown::write(&document(&b, lang, Sections::ALL));
        // Render the Markdown as any viewer would, raw HTML allowed.
        let mut options = pulldown_cmark::Options::empty();
        options.insert(pulldown_cmark::Options::ENABLE_TABLES);
        options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
        let mut rendered = String::new();
        pulldown_cmark::html::push_html(
            &mut rendered,
            pulldown_cmark::Parser::new_ext(&md, options),
        );
        assert_inert(&rendered, "markdown rendered");
        assert!(rendered.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(rendered.contains("[click](javascript:alert(4))"));
        assert!(rendered.contains("<a href=\"https://example.com/a?b=1&amp;c=2\">ok</a>"));
        // An entity in a clause means its character, as in the app's preview.
        assert!(rendered.contains("&lt;script&gt; stays as typed"));
        // A heading inside a clause is bold text, not a document heading; and the text
        // read back is the clause's own.
        assert!(rendered.contains("<strong>heading inside</strong>"));
        assert!(
            rendered.contains("<code>p|q</code>"),
            "pipe inside a code cell"
        );
    }
}

#[test]
fn clause_markdown_becomes_inert_blocks() {
    let blocks = parse_markdown(
        "a <b>raw</b> [x](javascript:y) ![i](http://e/i.png)\n\n- one\n- **two** three",
    );
    let Block::Paragraph(p) = &blocks[0] else {
        panic!("{blocks:?}")
    };
    assert_eq!(
        plain(p),
        "a <b>raw</b> [x](javascript:y) [i](http://e/i.png)"
    );
    assert!(!p.iter().any(|i| matches!(i, Inline::Link { .. })));
    let Block::List { start: None, items } = &blocks[1] else {
        panic!("{blocks:?}")
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        text_of(&items[1]).trim(),
        "two three",
        "tight item text stays one paragraph"
    );
}

#[test]
fn export_names_files_and_bytes_by_format() {
    let b = starter::bundle(Lang::Zh);
    assert_eq!(
        export::file_name(&b, Format::Docx, Lang::Zh),
        "EXT-ADM-2025-007-V1.0-zh.docx"
    );
    let md = export::export(&b, Format::Markdown, Lang::En, Sections::POLICY_ONLY);
    assert!(String::from_utf8(md).expect("utf-8").starts_with("# "));
    assert_eq!(Format::parse("MD"), Some(Format::Markdown));
    assert_eq!(Format::parse("pdf"), None);
}

// ---- share links ----

#[test]
fn share_link_round_trips_the_starter() {
    for lang in Lang::ALL {
        let b = starter_with_version(lang);
        let fragment = share::encode(&b).expect("fits in a link");
        assert!(fragment.starts_with("share=v1."));
        assert!(fragment.len() < 40_000, "{} chars", fragment.len());
        assert_eq!(share::decode(&fragment).as_ref(), Ok(&b));
        // As a whole address, with the line breaks a chat app adds.
        let url = format!("https://example.com/pp/#{}", fragment);
        let wrapped: String = url
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                (i % 70 == 69)
                    .then_some('\n')
                    .into_iter()
                    .chain(std::iter::once(c))
            })
            .collect();
        assert_eq!(share::decode(&wrapped).as_ref(), Ok(&b));
    }
}

#[test]
fn share_links_that_were_damaged_are_refused() {
    let b = starter::bundle(Lang::Zh);
    let fragment = share::encode(&b).expect("fits");
    assert_eq!(
        share::decode("https://example.com/"),
        Err(DecodeError::NotAShareLink)
    );
    assert_eq!(share::decode(""), Err(DecodeError::NotAShareLink));
    assert!(matches!(
        share::decode(&fragment.replacen("v1.", "v9.", 1)),
        Err(DecodeError::UnsupportedVersion(v)) if v == "v9"
    ));
    // Cut short.
    let cut = &fragment[..fragment.len() - 10];
    assert!(share::decode(cut).is_err());
    // The checksum changed by hand.
    let (head, data) = fragment.split_at("share=v1.".len() + 8);
    let forged = format!("share=v1.00000000{data}");
    assert_eq!(share::decode(&forged), Err(DecodeError::ChecksumMismatch));
    assert!(head.len() == 17);
    // Contents that decode but are not a valid workspace.
    let mut broken = serde_json::to_value(&b).expect("json");
    broken["org"]["people"][0]["dept"] = "nowhere".into();
    let invalid: Bundle = serde_json::from_value(broken).expect("still a bundle shape");
    let link = share::encode(&invalid).expect("fits");
    assert!(matches!(share::decode(&link), Err(DecodeError::Invalid(_))));
}

#[test]
fn a_workspace_too_large_for_a_link_says_so() {
    let mut b = starter::bundle(Lang::Zh);
    // Text that does not compress: a pseudo-random run of CJK characters.
    let mut x: u32 = 12345;
    let noise: String = (0..120_000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            char::from_u32(0x4e00 + (x >> 16) % 20_000).unwrap_or('字')
        })
        .collect();
    b.policy.chapters[0].clauses[0].body = noise;
    match share::encode(&b) {
        Err(EncodeError::TooLong { chars, max }) => assert!(chars > max),
        other => panic!("expected too long, got {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any text in the workspace survives a link.
    #[test]
    fn share_round_trip_property(body in "\\PC{0,400}", title in "\\PC{0,40}", seed in 0u32..1000) {
        let mut b = starter::bundle(if seed % 2 == 0 { Lang::Zh } else { Lang::En });
        b.policy.chapters[0].clauses[0].body = body;
        b.policy.meta.title = title;
        let fragment = share::encode(&b).expect("fits");
        prop_assert_eq!(share::decode(&fragment), Ok(b));
    }

    /// Changing any one character of a link is detected, never read as another workspace.
    #[test]
    fn share_single_character_damage_is_detected(pos in 0usize..100_000, pick in 0usize..64) {
        let b = starter::bundle(Lang::En);
        let fragment = share::encode(&b).expect("fits");
        let start = "share=v1.".len();
        let i = start + pos % (fragment.len() - start);
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut bytes = fragment.into_bytes();
        let replacement = alphabet[pick];
        prop_assume!(bytes[i] != replacement && bytes[i] != b'.');
        bytes[i] = replacement;
        let damaged = String::from_utf8(bytes).expect("ascii");
        prop_assert!(share::decode(&damaged).is_err());
    }
}
