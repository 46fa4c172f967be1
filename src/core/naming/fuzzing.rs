//! Fuzzing support for the naming engine: arbitrary bytes become a naming scheme and a name
//! (or JSON text to load as a scheme), and [`naming_one_input`] checks the engine's promises
//! on them, panicking when one is broken.
//!
//! Shared by the cargo-fuzz target (`fuzz/fuzz_targets/naming.rs`, nightly) and by
//! `tests/fuzz_corpus.rs`, which replays the seed corpus and pseudo-random inputs on
//! stable. Nothing in the app calls it, and it is not compiled for the browser.
//!
//! Input layout:
//! - starting with `{`: JSON for a [`NamingScheme`]; after the last line break, a name to
//!   check with it;
//! - otherwise, a compact binary description: scheme shape, then the name, either the
//!   remaining bytes as text or built from the scheme (valid values, aliases, near-misses).

use super::check::{compile, Compiled, CODES};
use super::{Component, DictEntry, DictionarySource, NameRules, NamingScheme};
use crate::core::org::{Department, Org};

/// Checks every promise of the naming engine on one input; panics if one is broken.
pub fn naming_one_input(data: &[u8]) {
    if data.first() == Some(&b'{') {
        json_input(data);
        return;
    }
    // Any text at all goes to the loader too; it must fail cleanly, never panic.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = serde_json::from_str::<NamingScheme>(text);
    }
    let mut r = Reader { data, at: 0 };
    let large_org = r.byte() & 1 == 1;
    let org = fuzz_org(large_org);
    let scheme = r.scheme();
    let name = r.name(&scheme, &org);
    check_scheme(&scheme, &org, &name);
}

/// JSON text for a scheme, then (after the last line break) a name.
fn json_input(data: &[u8]) {
    let (json, name) = match data.iter().rposition(|&b| b == b'\n') {
        Some(k) => (&data[..k], &data[k + 1..]),
        None => (data, &[][..]),
    };
    let Ok(json) = std::str::from_utf8(json) else {
        return;
    };
    let Ok(scheme) = serde_json::from_str::<NamingScheme>(json) else {
        return;
    };
    // What loads, saves and loads back the same.
    let saved = serde_json::to_string(&scheme);
    let again = saved.as_deref().map(serde_json::from_str::<NamingScheme>);
    assert!(
        matches!(&again, Ok(Ok(s)) if *s == scheme),
        "scheme does not survive a round trip: {json}"
    );
    let name = String::from_utf8_lossy(name);
    check_scheme(&scheme, &fuzz_org(false), &name);
}

/// Compiles `scheme`; if it compiles, checks `name` and the engine's promises on it.
fn check_scheme(scheme: &NamingScheme, org: &Org, name: &str) {
    let _ = scheme.pattern();
    match compile(scheme, org) {
        Ok(c) => check_name(&c, name),
        Err(errors) => {
            assert!(!errors.is_empty(), "compile failed without saying why");
            for e in &errors {
                assert!(
                    e.component.is_none_or(|i| i < scheme.components.len()),
                    "{e:?} points past the components"
                );
                let _ = e.kind.to_string();
            }
        }
    }
}

/// Codes whose spans cover the whole name or restart from its beginning; all others follow
/// the name from left to right.
const WHOLE_NAME: [&str; 3] = ["name_too_long", "name_too_short", "forbidden_word"];

/// The promises made for every name: no panic, spans inside the name and in order, `ok`
/// exactly when nothing is wrong, the fast code set equal to the detailed one, and a
/// suggestion (if any) that differs from the name and passes.
pub fn check_name(c: &Compiled, name: &str) {
    let r = c.check(name);
    let len = name.chars().count();
    assert_eq!(r.ok, r.violations.is_empty(), "{name:?}");
    let mut last_start = 0;
    for v in &r.violations {
        assert!(CODES.contains(&v.code), "unknown code {v:?}");
        assert!(
            v.span.0 <= v.span.1 && v.span.1 <= len,
            "span out of the name: {v:?} in {name:?}"
        );
        if !WHOLE_NAME.contains(&v.code) {
            assert!(
                v.span.0 >= last_start,
                "spans out of order: {v:?} in {name:?}"
            );
            last_start = v.span.0;
        }
        let _ = v.message();
    }
    let codes = c.violation_codes(name);
    let detailed = r.violations.iter().map(|v| v.code).collect();
    assert_eq!(
        codes, detailed,
        "violation_codes and violations disagree on {name:?}"
    );
    if let Some(s) = &r.suggestion {
        assert!(!r.ok, "a suggestion for a name that passes: {name:?}");
        assert_ne!(s, name, "the suggestion is the name itself");
        let again = c.check(s);
        assert!(
            again.ok && c.violation_codes(s).is_empty(),
            "suggestion {s:?} for {name:?} does not pass: {:?}",
            again.violations
        );
    }
}

/// The org that department dictionaries resolve against: the starter's Chinese names and
/// aliases, or (for long dictionaries) three hundred more.
fn fuzz_org(large: bool) -> Org {
    let mut departments: Vec<Department> = [
        ("总经办", &[][..]),
        ("行政部", &["行政中心"][..]),
        ("人事部", &["人力资源部", "HR部"][..]),
        ("财务部", &["财务中心"][..]),
        ("技术部", &["研发部", "技术部门"][..]),
        ("研发一组", &["研发1组"][..]),
        ("市场部", &["营销部"][..]),
        ("销售部", &["销售中心", "技术部门"][..]),
        ("ＡＢ部", &["AB部"][..]),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, aliases))| Department {
        id: format!("d{i}"),
        name: (*name).to_string(),
        aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        ..Department::default()
    })
    .collect();
    if large {
        departments.extend((0..300).map(|i| Department {
            id: format!("x{i}"),
            name: format!("部门{i}"),
            aliases: vec![format!("部{i}")],
            ..Department::default()
        }));
    }
    Org {
        departments,
        ..Org::default()
    }
}

/// Characters the decoder favours: the literals, brackets and look-alikes the engine knows,
/// CJK and full-width text, and whitespace of several kinds.
const ALPHABET: &[char] = &[
    'a', 'b', 'Z', '0', '1', '2', '9', 'V', 'v', '.', '_', '-', ' ', '【', '】', '[', ']', '［',
    '］', '〔', '〕', '—', '－', '–', '~', '～', '·', '＿', '．', '。', '０', '１', '２', '９',
    '技', '术', '部', '项', '目', '群', '闲', '聊', '门', '研', '发', 'Ａ', 'Ｂ', '\u{3000}',
    '\u{a0}', '\t', '\u{2028}', '\u{85}', '\u{301}', '😀', '\u{fffd}', '/', '\\', 'é',
];

struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// The next byte; zeros once the input is used up.
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }

    /// A small number below `n`.
    fn below(&mut self, n: u8) -> u8 {
        self.byte() % n
    }

    /// A length or count: usually small, sometimes extreme.
    fn bound(&mut self) -> u32 {
        match self.byte() {
            250 => u32::MAX,
            251 => u32::MAX - 1,
            252 => 1 << 31,
            253 => 1000,
            b => u32::from(b % 12),
        }
    }

    fn char(&mut self) -> char {
        let b = self.byte();
        if b < 0xF0 {
            ALPHABET[b as usize % ALPHABET.len()]
        } else {
            let v = u32::from(self.byte()) << 8 | u32::from(self.byte());
            let plane = u32::from(b & 0x0F) << 16;
            char::from_u32(plane | v).unwrap_or('\u{fffd}')
        }
    }

    /// Text of up to `max` characters.
    fn text(&mut self, max: u8) -> String {
        let n = self.below(max + 1);
        (0..n).map(|_| self.char()).collect()
    }

    fn strings(&mut self, max: u8, len: u8) -> Vec<String> {
        let n = self.below(max + 1);
        (0..n).map(|_| self.text(len)).collect()
    }

    fn scheme(&mut self) -> NamingScheme {
        let n = 1 + self.below(8);
        let mut components = Vec::new();
        for k in 0..n {
            let id = format!("c{k}");
            let optional = self.byte() & 0x80 != 0;
            // Literals and values mostly alternate, as in a scheme that compiles.
            let kind = if self.byte() < 170 {
                if k % 2 == 0 {
                    0
                } else {
                    1 + self.below(6)
                }
            } else {
                self.below(7)
            };
            let c = match kind {
                0 => Component::Literal { text: self.text(4) },
                1 => Component::Dictionary {
                    id,
                    label: String::new(),
                    optional,
                    source: if self.flag() {
                        DictionarySource::Departments
                    } else {
                        let n = self.below(5);
                        DictionarySource::Values(
                            (0..n)
                                .map(|_| DictEntry {
                                    value: self.text(4),
                                    aliases: self.strings(2, 4),
                                })
                                .collect(),
                        )
                    },
                },
                2 => Component::Text {
                    id,
                    label: String::new(),
                    optional,
                    min_len: self.bound(),
                    max_len: self.bound(),
                    forbidden_chars: self.text(6),
                    no_whitespace: self.flag(),
                },
                3 => Component::Version {
                    id,
                    label: String::new(),
                    optional,
                },
                4 => Component::Date {
                    id,
                    label: String::new(),
                    optional,
                },
                5 => Component::Number {
                    id,
                    label: String::new(),
                    optional,
                    min_digits: self.bound(),
                    max_digits: self.bound(),
                },
                _ => Component::Extension {
                    id,
                    label: String::new(),
                    optional,
                    values: self.strings(3, 4),
                },
            };
            components.push(c);
        }
        let rules = NameRules {
            min_len: self.flag().then(|| self.bound()),
            max_len: self.flag().then(|| self.bound().saturating_mul(4)),
            forbidden_words: self.strings(3, 3),
        };
        NamingScheme {
            id: "fuzz".into(),
            name: "fuzz".into(),
            components,
            rules,
            ..NamingScheme::default()
        }
    }

    /// The name: the rest of the input as text, or one built from the scheme.
    fn name(&mut self, scheme: &NamingScheme, org: &Org) -> String {
        if self.flag() {
            let rest = self.data.get(self.at..).unwrap_or_default();
            return String::from_utf8_lossy(rest).into_owned();
        }
        let mut name = String::new();
        for c in &scheme.components {
            let choice = self.below(8);
            if choice == 7 {
                name.push(self.char());
            }
            match c {
                Component::Literal { text } => match choice {
                    0 => {}
                    1 => name.push(self.char()),
                    _ => name.push_str(text),
                },
                Component::Dictionary { source, .. } => {
                    let entries = source.entries(org);
                    let pick = self.byte() as usize;
                    match (entries.get(pick % entries.len().max(1)), choice) {
                        (_, 0) => {}
                        (Some(e), 1) => name.push_str(
                            e.aliases
                                .get(pick % e.aliases.len().max(1))
                                .unwrap_or(&e.value),
                        ),
                        (Some(e), _) if choice < 6 => name.push_str(&e.value),
                        _ => name.push_str(&self.text(4)),
                    }
                }
                Component::Text { .. } => {
                    let n = if choice == 0 { 0 } else { self.below(24) };
                    name.extend((0..n).map(|_| self.char()));
                }
                Component::Version { .. } => match choice {
                    0 => {}
                    1 => name.push_str("v1.0"),
                    2 => name.push_str("V1"),
                    _ => name.push_str(&format!("V{}.{}", self.byte(), self.byte())),
                },
                Component::Date { .. } => match choice {
                    0 => {}
                    1 => name.push_str("２０２４０５２０"),
                    2 => name.push_str("20240231"),
                    3 => name.push_str("20240229"),
                    _ => name.push_str(&format!(
                        "{:04}{:02}{:02}",
                        u32::from(self.byte()) * 10,
                        self.below(14),
                        self.below(33)
                    )),
                },
                Component::Number { .. } => {
                    let n = if choice == 0 { 0 } else { self.below(12) };
                    name.extend((0..n).map(|_| char::from(b'0' + self.below(10))));
                }
                Component::Extension { values, .. } => {
                    let pick = self.byte() as usize;
                    match (values.get(pick % values.len().max(1)), choice) {
                        (_, 0) => {}
                        (Some(v), 1) => name.push_str(&v.to_uppercase()),
                        (Some(v), _) => name.push_str(v),
                        (None, _) => name.push_str(&self.text(3)),
                    }
                }
            }
        }
        if self.below(4) == 0 {
            name.insert(0, ' ');
        }
        name
    }
}
