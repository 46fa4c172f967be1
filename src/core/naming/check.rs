//! Checking names against a naming scheme: every violation with its component and
//! character span, and a corrected name when the fix is unambiguous.
//!
//! A scheme is compiled once (resolving department names from the org and reporting
//! authoring mistakes), then checks many names. Matching is a single left-to-right pass:
//! each value runs up to the first occurrence of the literal that follows it, so the time
//! is linear in the length of the name. Spans and lengths count characters, not bytes.

use super::{Component, DictEntry, NamingScheme};
use crate::core::org::Org;

/// A problem in a scheme itself, found when compiling it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemeError {
    /// Index of the component in the scheme; `None` for the whole-name rules.
    pub component: Option<usize>,
    pub kind: SchemeErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeErrorKind {
    NoComponents,
    EmptyLiteral,
    /// A dictionary with no values (or an org without departments).
    EmptyDictionary,
    /// Two values with no literal between them: nothing tells where one ends.
    AdjacentValues,
    MinAboveMax {
        min: u32,
        max: u32,
    },
    /// The parts' fixed lengths alone exceed the whole name's maximum.
    CannotFit {
        min_len: u32,
        max_len: u32,
    },
}

#[derive(Debug, Clone)]
enum Part {
    Literal(Literal),
    Dictionary(Dictionary),
    Text {
        min: u32,
        max: u32,
        forbidden: Vec<char>,
        no_whitespace: bool,
        /// Per byte: what a character starting with it may be (see `TextByte`).
        bytes: Box<[TextByte; 256]>,
    },
    Version,
    Date,
    Number {
        min: u32,
        max: u32,
    },
    Extension(Vec<String>),
}

/// Fixed text, ready to be searched for.
#[derive(Debug, Clone)]
struct Literal {
    chars: Vec<char>,
    text: Needle,
    /// The first character alone, for resynchronising after a garbled copy.
    first: Needle,
}

/// A dictionary: its entries in order (for messages and suggestions), and sorted copies of
/// the values and aliases for lookups that stay fast when the list is long (the org's
/// departments).
#[derive(Debug, Clone)]
struct Dictionary {
    entries: Vec<DictEntry>,
    values: Lookup,
    /// Each alias with the index of the first entry that has it.
    aliases: Lookup,
}

/// Strings to look up, each with a number: an open-addressing hash table (FNV-1a, at most
/// half full), so that a lookup costs one hash and usually one comparison however long the
/// list is (the org's departments).
#[derive(Debug, Clone)]
struct Lookup {
    slots: Box<[Slot]>,
}

/// A string and its number, or nothing.
type Slot = Option<(Box<[u8]>, usize)>;

impl Lookup {
    /// The number kept for a string given twice is the first one.
    fn new<'a>(items: impl Iterator<Item = (&'a str, usize)>) -> Lookup {
        let items: Vec<(&str, usize)> = items.collect();
        let size = (2 * items.len()).next_power_of_two();
        let mut slots: Box<[Slot]> = vec![None; size].into();
        for (s, i) in items {
            let mut at = fnv(s.as_bytes()) & (size - 1);
            loop {
                match &slots[at] {
                    None => {
                        slots[at] = Some((s.as_bytes().into(), i));
                        break;
                    }
                    Some((t, _)) if **t == *s.as_bytes() => break,
                    Some(_) => at = (at + 1) & (size - 1),
                }
            }
        }
        Lookup { slots }
    }

    /// The number stored with `s`, if `s` is one of the strings.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn get(&self, s: &[u8]) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = fnv(s) & mask;
        loop {
            let (t, i) = self.slots[at].as_ref()?;
            if same_bytes(t, s) {
                return Some(*i);
            }
            at = (at + 1) & mask;
        }
    }
}

/// FNV-1a: short, and good enough for a table of names.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn fnv(s: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < s.len() {
        h = (h ^ u64::from(s[i])).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h as usize
}

/// What a character in free text may be, by its first byte: ASCII characters are decided by
/// the byte alone; other characters need decoding only when their first byte is shared with
/// a forbidden character or with Unicode whitespace (CJK ideographs never are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextByte {
    Fine,
    Whitespace,
    Forbidden,
    Decode,
}

/// Text to search for in names, with the byte that the search looks for first: the last
/// byte of its first character (for CJK text a continuation byte, which varies far more
/// than the lead bytes do).
#[derive(Debug, Clone)]
struct Needle {
    bytes: Box<[u8]>,
    probe: usize,
    /// The first eight bytes as they lie in memory (zero-padded), and which of them count.
    word: u64,
    mask: u64,
}

impl Needle {
    fn new(text: &str) -> Needle {
        let (mut word, mut mask) = ([0u8; 8], [0u8; 8]);
        for (k, b) in text.bytes().take(8).enumerate() {
            word[k] = b;
            mask[k] = 0xFF;
        }
        Needle {
            bytes: text.as_bytes().into(),
            probe: text.chars().next().map_or(0, |c| c.len_utf8() - 1),
            word: u64::from_ne_bytes(word),
            mask: u64::from_ne_bytes(mask),
        }
    }

    /// Whether the needle occurs in `hay` at byte `at`.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn is_at(&self, hay: &[u8], at: usize) -> bool {
        let n = self.bytes.len();
        if hay.len() < at || hay.len() - at < n {
            return false;
        }
        if hay.len() - at >= 8 {
            // One comparison of eight bytes, then (rarely) the rest.
            (word(hay, at) ^ self.word) & self.mask == 0
                && (n <= 8 || same_bytes(&hay[at + 8..at + n], &self.bytes[8..]))
        } else {
            same_bytes(&hay[at..at + n], &self.bytes)
        }
    }

    /// Byte offset of the first occurrence in `hay` (`None` for an empty needle). Names and
    /// needles are UTF-8, so a match always starts on a character boundary.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn find_in(&self, hay: &[u8]) -> Option<usize> {
        let (needle, k) = (&*self.bytes, self.probe);
        let probe = *needle.get(k)?;
        let last = hay.len().checked_sub(needle.len())? + k;
        let mut i = k;
        while i <= last {
            i += byte_position(probe, &hay[i..last + 1])?;
            let at = i - k;
            if self.is_at(hay, at) {
                return Some(at);
            }
            i += 1;
        }
        None
    }
}

/// Whether two short byte strings are equal. Names' parts are a few bytes long, where a
/// plain loop beats calling `memcmp`.
///
/// The search helpers are plain loops rather than iterator adapters, because the release
/// profile optimises for size and leaves adapters as calls; and they are inlined by force
/// in native builds only (`ppg naming audit` runs them millions of times), not in the
/// browser, where each inlined copy costs bundle size.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Eight bytes of `s` from `at`, as they lie in memory (`at + 8` must be in `s`).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn word(s: &[u8], at: usize) -> u64 {
    <[u8; 8]>::try_from(&s[at..at + 8]).map_or(0, u64::from_ne_bytes)
}

/// Position of the first `b` in `hay`, eight bytes at a time.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn byte_position(b: u8, hay: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let splat = u64::from(b) * LO;
    let mut at = 0;
    while at + 8 <= hay.len() {
        let word = <[u8; 8]>::try_from(&hay[at..at + 8]).map_or(0, u64::from_le_bytes);
        let x = word ^ splat;
        // The lowest byte of x that is zero sets the lowest flag (higher ones may be wrong).
        let zero = x.wrapping_sub(LO) & !x & HI;
        if zero != 0 {
            return Some(at + zero.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    while at < hay.len() {
        if hay[at] == b {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Every violation code, in alphabetical order: the order of [`CodeSet::iter`].
pub const CODES: [&str; 17] = [
    "alias",
    "bad_date",
    "bad_extension",
    "bad_number",
    "bad_version",
    "empty",
    "forbidden_char",
    "forbidden_word",
    "missing_literal",
    "missing_value",
    "name_too_long",
    "name_too_short",
    "too_long",
    "too_short",
    "unexpected_text",
    "unknown_value",
    "whitespace",
];

/// A violation code as an index into [`CODES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Alias,
    BadDate,
    BadExtension,
    BadNumber,
    BadVersion,
    Empty,
    ForbiddenChar,
    ForbiddenWord,
    MissingLiteral,
    MissingValue,
    NameTooLong,
    NameTooShort,
    TooLong,
    TooShort,
    UnexpectedText,
    UnknownValue,
    Whitespace,
}

impl Code {
    fn as_str(self) -> &'static str {
        CODES[self as usize]
    }
}

/// A set of violation codes, without spans or messages: what a mass audit counts. Copy,
/// one word, never allocates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct CodeSet(u32);

impl CodeSet {
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn contains(self, code: &str) -> bool {
        CODES
            .iter()
            .position(|c| *c == code)
            .is_some_and(|i| self.0 & (1 << i) != 0)
    }

    /// Adds a code; `false` (and no change) if it is not one of [`CODES`].
    pub fn insert(&mut self, code: &str) -> bool {
        match CODES.iter().position(|c| *c == code) {
            Some(i) => {
                self.0 |= 1 << i;
                true
            }
            None => false,
        }
    }

    /// The codes' positions in [`CODES`], in order (for counting in an array).
    pub fn indices(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let i = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1);
            (i < CODES.len()).then_some(i)
        })
    }

    /// The codes, in alphabetical order.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        self.indices().map(|i| CODES[i])
    }
}

impl<'a> FromIterator<&'a str> for CodeSet {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        let mut set = CodeSet::default();
        for code in iter {
            set.insert(code);
        }
        set
    }
}

#[derive(Debug, Clone)]
struct CompiledPart {
    /// Component id, or the literal text.
    name: String,
    optional: bool,
    part: Part,
}

/// A scheme ready to check names.
#[derive(Debug, Clone)]
pub struct Compiled {
    parts: Vec<CompiledPart>,
    min_len: Option<u32>,
    max_len: Option<u32>,
    forbidden_words: Vec<(String, Needle)>,
}

/// What is wrong with a name, in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Stable code: `missing_literal`, `unknown_value`, `alias`, `too_short`, `too_long`,
    /// `forbidden_char`, `whitespace`, `bad_version`, `bad_date`, `bad_number`,
    /// `bad_extension`, `missing_value`, `unexpected_text`, `name_too_long`,
    /// `name_too_short`, `forbidden_word`, `empty` (all of them in [`CODES`]).
    pub code: &'static str,
    /// The component id, the literal text, or `name` for whole-name rules.
    pub component: String,
    /// Character range in the checked name.
    pub span: (usize, usize),
    /// Message parameters (`value`, `expected`, `max`, …).
    pub params: Vec<(&'static str, String)>,
}

/// The verdict on one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCheck {
    pub ok: bool,
    pub violations: Vec<Violation>,
    /// A corrected name that passes, when the fix is unambiguous.
    pub suggestion: Option<String>,
}

fn is_value(p: &Part) -> bool {
    !matches!(p, Part::Literal(_))
}

fn dictionary(entries: Vec<DictEntry>) -> Dictionary {
    let values = Lookup::new(entries.iter().map(|d| (d.value.as_str(), 0)));
    let aliases = Lookup::new(
        entries
            .iter()
            .enumerate()
            .flat_map(|(i, d)| d.aliases.iter().map(move |a| (a.as_str(), i))),
    );
    Dictionary {
        entries,
        values,
        aliases,
    }
}

/// The first bytes of the characters `char::is_whitespace` accepts beyond ASCII (U+0085,
/// U+00A0, U+1680, U+2000–U+205F, U+3000).
const NON_ASCII_WHITESPACE_LEADS: [u8; 4] = [0xC2, 0xE1, 0xE2, 0xE3];

fn text_bytes(forbidden: &[char], no_whitespace: bool) -> Box<[TextByte; 256]> {
    let mut t = Box::new([TextByte::Fine; 256]);
    for c in forbidden {
        let mut buf = [0; 4];
        let lead = c.encode_utf8(&mut buf).as_bytes()[0];
        t[lead as usize] = if c.is_ascii() {
            TextByte::Forbidden
        } else {
            TextByte::Decode
        };
    }
    if no_whitespace {
        for b in 0..0x80u8 {
            if char::from(b).is_whitespace() {
                t[b as usize] = TextByte::Whitespace;
            }
        }
        for b in NON_ASCII_WHITESPACE_LEADS {
            t[b as usize] = TextByte::Decode;
        }
    }
    t
}

/// Compiles a scheme against an org (for department dictionaries).
pub fn compile(scheme: &NamingScheme, org: &Org) -> Result<Compiled, Vec<SchemeError>> {
    let mut errors = Vec::new();
    let mut parts = Vec::new();
    if scheme.components.is_empty() {
        errors.push(SchemeError {
            component: None,
            kind: SchemeErrorKind::NoComponents,
        });
    }
    for (i, c) in scheme.components.iter().enumerate() {
        let err = |kind| SchemeError {
            component: Some(i),
            kind,
        };
        let part = match c {
            Component::Literal { text } => {
                if text.is_empty() {
                    errors.push(err(SchemeErrorKind::EmptyLiteral));
                }
                let first = text.chars().next().map(String::from).unwrap_or_default();
                Part::Literal(Literal {
                    chars: text.chars().collect(),
                    text: Needle::new(text),
                    first: Needle::new(&first),
                })
            }
            Component::Dictionary { source, .. } => {
                let values = source.entries(org);
                if values.is_empty() {
                    errors.push(err(SchemeErrorKind::EmptyDictionary));
                }
                Part::Dictionary(dictionary(values))
            }
            Component::Text {
                min_len,
                max_len,
                forbidden_chars,
                no_whitespace,
                ..
            } => {
                if min_len > max_len {
                    errors.push(err(SchemeErrorKind::MinAboveMax {
                        min: *min_len,
                        max: *max_len,
                    }));
                }
                let forbidden: Vec<char> = forbidden_chars.chars().collect();
                Part::Text {
                    min: *min_len,
                    max: *max_len,
                    bytes: text_bytes(&forbidden, *no_whitespace),
                    forbidden,
                    no_whitespace: *no_whitespace,
                }
            }
            Component::Version { .. } => Part::Version,
            Component::Date { .. } => Part::Date,
            Component::Number {
                min_digits,
                max_digits,
                ..
            } => {
                if min_digits > max_digits {
                    errors.push(err(SchemeErrorKind::MinAboveMax {
                        min: *min_digits,
                        max: *max_digits,
                    }));
                }
                Part::Number {
                    min: *min_digits,
                    max: *max_digits,
                }
            }
            Component::Extension { values, .. } => {
                if values.is_empty() {
                    errors.push(err(SchemeErrorKind::EmptyDictionary));
                }
                Part::Extension(values.clone())
            }
        };
        if let (Some(prev), true) = (
            parts.last().map(|p: &CompiledPart| &p.part),
            is_value(&part),
        ) {
            if is_value(prev) {
                errors.push(err(SchemeErrorKind::AdjacentValues));
            }
        }
        let name = c.id().map_or_else(|| c.label().to_string(), str::to_string);
        parts.push(CompiledPart {
            name,
            optional: c.is_optional(),
            part,
        });
    }
    // Summed in u64: lengths come from files and may be anything up to u32::MAX each.
    let min_fixed: u64 = parts
        .iter()
        .map(|p| match &p.part {
            Part::Literal(t) => t.chars.len() as u64,
            Part::Text { min, .. } | Part::Number { min, .. } if !p.optional => u64::from(*min),
            Part::Date if !p.optional => 8,
            _ => 0,
        })
        .sum();
    if let Some(max) = scheme.rules.max_len {
        if min_fixed > u64::from(max) {
            errors.push(SchemeError {
                component: None,
                kind: SchemeErrorKind::CannotFit {
                    min_len: u32::try_from(min_fixed).unwrap_or(u32::MAX),
                    max_len: max,
                },
            });
        }
        if let Some(min) = scheme.rules.min_len {
            if min > max {
                errors.push(SchemeError {
                    component: None,
                    kind: SchemeErrorKind::MinAboveMax { min, max },
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(Compiled {
            parts,
            min_len: scheme.rules.min_len,
            max_len: scheme.rules.max_len,
            forbidden_words: scheme
                .rules
                .forbidden_words
                .iter()
                .map(|w| (w.clone(), Needle::new(w)))
                .collect(),
        })
    } else {
        Err(errors)
    }
}

/// First occurrence of `needle` in `hay` at or after `from`.
fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    let first = needle[0];
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

fn is_real_date(s: &[u8]) -> bool {
    let num = |d: &[u8]| d.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    s.len() == 8
        && s.iter().all(u8::is_ascii_digit)
        && crate::core::bundle::is_real_date(num(&s[0..4]), num(&s[4..6]), num(&s[6..8]))
}

/// `V`, digits, `.`, digits.
fn is_version(s: &[u8]) -> bool {
    let Some(rest) = s.strip_prefix(b"V") else {
        return false;
    };
    let digits = |p: &[u8]| !p.is_empty() && p.iter().all(u8::is_ascii_digit);
    match rest.iter().position(|&b| b == b'.') {
        Some(dot) => digits(&rest[..dot]) && digits(&rest[dot + 1..]),
        None => false,
    }
}

/// Where the matcher sends what it finds. Spans are byte ranges in the name; parameters
/// are built only by sinks that want them.
trait Sink {
    /// `false` when only which codes occur matters: searches may stop at the first finding.
    const EVERY: bool;
    fn push(
        &mut self,
        code: Code,
        component: &str,
        bytes: (usize, usize),
        params: impl FnOnce() -> Vec<(&'static str, String)>,
    );
}

/// Collects full violations, with character spans.
struct Detailed<'a> {
    name: &'a str,
    out: Vec<Violation>,
}

impl Sink for Detailed<'_> {
    const EVERY: bool = true;
    fn push(
        &mut self,
        code: Code,
        component: &str,
        bytes: (usize, usize),
        params: impl FnOnce() -> Vec<(&'static str, String)>,
    ) {
        let params = params();
        self.add(code, component, bytes, params);
    }
}

impl Detailed<'_> {
    /// The part of `push` that does not depend on the parameters' closure, kept out of
    /// line so that each call site adds only the closure (the browser bundle's size).
    #[inline(never)]
    fn add(
        &mut self,
        code: Code,
        component: &str,
        bytes: (usize, usize),
        params: Vec<(&'static str, String)>,
    ) {
        let chars = |b: usize| self.name[..b].chars().count();
        self.out.push(Violation {
            code: code.as_str(),
            component: component.to_string(),
            span: (chars(bytes.0), chars(bytes.1)),
            params,
        });
    }
}

impl Sink for CodeSet {
    const EVERY: bool = false;
    #[inline]
    fn push(
        &mut self,
        code: Code,
        _: &str,
        _: (usize, usize),
        _: impl FnOnce() -> Vec<(&'static str, String)>,
    ) {
        self.0 |= 1 << code as u32;
    }
}

fn no_params() -> Vec<(&'static str, String)> {
    Vec::new()
}

impl Compiled {
    /// Checks one name: every violation, and a suggestion when one exists.
    pub fn check(&self, name: &str) -> NameCheck {
        let violations = self.violations(name);
        if violations.is_empty() {
            return NameCheck {
                ok: true,
                violations,
                suggestion: None,
            };
        }
        let suggestion = self
            .suggest(name)
            .filter(|s| s != name && self.violations(s).is_empty());
        NameCheck {
            ok: false,
            violations,
            suggestion,
        }
    }

    /// Every violation of one name, without looking for a suggestion.
    ///
    /// Works on byte offsets (no allocation for a name that passes); spans are turned into
    /// character offsets only for the violations reported.
    pub fn violations(&self, name: &str) -> Vec<Violation> {
        let mut sink = Detailed {
            name,
            out: Vec::new(),
        };
        self.run(name, &mut sink);
        sink.out
    }

    /// Which codes [`Compiled::violations`] would report, and nothing else: no spans, no
    /// messages, no allocation. For mass audits (`ppg naming audit`). The same matcher
    /// serves both, so the two always agree.
    pub fn violation_codes(&self, name: &str) -> CodeSet {
        let mut set = CodeSet::default();
        self.run(name, &mut set);
        set
    }

    /// The matcher: a single left-to-right pass, each value running up to the first
    /// occurrence of the literal that follows it.
    fn run<S: Sink>(&self, name: &str, sink: &mut S) {
        if name.is_empty() {
            sink.push(Code::Empty, "name", (0, 0), no_params);
            return;
        }
        let bytes = name.as_bytes();
        let mut p = 0;
        for (i, part) in self.parts.iter().enumerate() {
            match &part.part {
                Part::Literal(lit) => {
                    let text = &*lit.text.bytes;
                    if lit.text.is_at(bytes, p) {
                        p += text.len();
                    } else {
                        // Resynchronise: on the literal if it appears later; past a garbled
                        // copy of it (`】—【` for `】-【`) if one starts here.
                        let garbled =
                            lit.chars.len() > 1 && bytes[p..].starts_with(&lit.first.bytes);
                        let skip_to = lit
                            .text
                            .find_in(&bytes[p..])
                            .map(|q| p + q + text.len())
                            .or_else(|| {
                                garbled.then(|| {
                                    name[p..]
                                        .char_indices()
                                        .nth(lit.chars.len())
                                        .map_or(name.len(), |(k, _)| p + k)
                                })
                            });
                        let end = skip_to.unwrap_or(p);
                        let expected = part.name.as_str();
                        sink.push(
                            Code::MissingLiteral,
                            expected,
                            (p, if garbled { end } else { p }),
                            || vec![("expected", expected.to_string())],
                        );
                        p = end;
                    }
                }
                value => {
                    let end = match self.parts.get(i + 1) {
                        Some(CompiledPart {
                            part: Part::Literal(next),
                            ..
                        }) => next
                            .text
                            .find_in(&bytes[p..])
                            .or_else(|| next.first.find_in(&bytes[p..]))
                            .map_or(name.len(), |k| p + k),
                        _ => name.len(),
                    };
                    self.check_value(part, value, name, (p, end), sink);
                    p = end;
                }
            }
        }
        if p < name.len() {
            sink.push(Code::UnexpectedText, "name", (p, name.len()), || {
                vec![("text", name[p..].to_string())]
            });
        }
        // The length in characters, counted only when the length in bytes leaves it open.
        let mut len = None;
        let mut chars = || *len.get_or_insert_with(|| name.chars().count());
        if let Some(max) = self.max_len {
            if name.len() > max as usize && chars() as u32 > max {
                let len = chars();
                sink.push(Code::NameTooLong, "name", (0, name.len()), || {
                    vec![("max", max.to_string()), ("len", len.to_string())]
                });
            }
        }
        if let Some(min) = self.min_len {
            if name.len() < min as usize || (chars() as u32) < min {
                let len = chars();
                sink.push(Code::NameTooShort, "name", (0, name.len()), || {
                    vec![("min", min.to_string()), ("len", len.to_string())]
                });
            }
        }
        for (word, needle) in &self.forbidden_words {
            let mut from = 0;
            while let Some(k) = needle.find_in(&bytes[from..]) {
                let at = from + k;
                from = at + word.len();
                sink.push(Code::ForbiddenWord, "name", (at, from), || {
                    vec![("word", word.clone())]
                });
                if !S::EVERY {
                    return;
                }
            }
        }
    }

    fn check_value<S: Sink>(
        &self,
        part: &CompiledPart,
        kind: &Part,
        name: &str,
        span: (usize, usize),
        sink: &mut S,
    ) {
        let id = part.name.as_str();
        // The value as bytes; as text only for messages (slicing text checks boundaries).
        let b = &name.as_bytes()[span.0..span.1];
        let text = || &name[span.0..span.1];
        if b.is_empty() {
            if !part.optional {
                sink.push(Code::MissingValue, id, span, no_params);
            }
            return;
        }
        let value = || vec![("value", text().to_string())];
        match kind {
            Part::Literal(_) => {}
            Part::Dictionary(d) => {
                if d.values.get(b).is_some() {
                    return;
                }
                match d.aliases.get(b) {
                    Some(k) => sink.push(Code::Alias, id, span, || {
                        let expected = d.entries.get(k).map(|e| e.value.clone());
                        vec![
                            ("value", text().to_string()),
                            ("expected", expected.unwrap_or_default()),
                        ]
                    }),
                    None => sink.push(Code::UnknownValue, id, span, value),
                }
            }
            Part::Text {
                min,
                max,
                forbidden,
                no_whitespace,
                bytes: classes,
            } => {
                // One pass counts the characters and notes whether any needs a closer look.
                let (mut n, mut suspect) = (0u32, false);
                for &c in b {
                    n += u32::from((c as i8) >= -0x40);
                    suspect |= classes[c as usize] != TextByte::Fine;
                }
                if n < *min {
                    sink.push(Code::TooShort, id, span, || {
                        vec![("min", min.to_string()), ("len", n.to_string())]
                    });
                }
                if n > *max {
                    sink.push(Code::TooLong, id, span, || {
                        vec![("max", max.to_string()), ("len", n.to_string())]
                    });
                }
                if !suspect {
                    return;
                }
                for (k, ch) in text().char_indices() {
                    let at = (span.0 + k, span.0 + k + ch.len_utf8());
                    let class = classes[b[k] as usize];
                    if class == TextByte::Fine {
                        continue;
                    }
                    if *no_whitespace && ch.is_whitespace() {
                        sink.push(Code::Whitespace, id, at, no_params);
                    } else if forbidden.contains(&ch) {
                        sink.push(Code::ForbiddenChar, id, at, || {
                            vec![("char", ch.to_string())]
                        });
                    }
                }
            }
            Part::Version => {
                if !is_version(b) {
                    sink.push(Code::BadVersion, id, span, value);
                }
            }
            Part::Date => {
                if !is_real_date(b) {
                    sink.push(Code::BadDate, id, span, value);
                }
            }
            Part::Number { min, max } => {
                // Digits are one byte each; anything else fails the first test.
                // Digits are one byte each: for digits, the length is the number of them.
                let n = b.len() as u32;
                if !b.iter().all(u8::is_ascii_digit) || n < *min || n > *max {
                    sink.push(Code::BadNumber, id, span, value);
                }
            }
            Part::Extension(values) => {
                if !values.iter().any(|e| e.as_bytes() == b) {
                    sink.push(Code::BadExtension, id, span, value);
                }
            }
        }
    }

    /// A corrected spelling: near-miss punctuation and spacing fixed, brackets restored,
    /// aliases replaced, digits and the version's V normalised. The caller keeps it only if
    /// it passes.
    fn suggest(&self, name: &str) -> Option<String> {
        let literal_chars: Vec<char> = self
            .parts
            .iter()
            .filter_map(|p| match &p.part {
                Part::Literal(l) => Some(l.chars.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        let has = |c: char| literal_chars.contains(&c);
        // 1. Characters: full-width digits and letters, brackets, dashes.
        let mut s: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '[' | '［' | '〔' if has('【') => '【',
                ']' | '］' | '〕' if has('】') => '】',
                '－' | '—' | '–' | '~' | '～' | '·' if has('-') => '-',
                '＿' if has('_') => '_',
                '．' | '。' if has('.') => '.',
                other => other,
            })
            .collect();
        // 2. Spaces next to literal characters go.
        if self.parts.iter().all(|p| {
            !matches!(
                &p.part,
                Part::Text {
                    no_whitespace: false,
                    ..
                }
            )
        }) {
            s = s.split_whitespace().collect::<Vec<_>>().join("");
        } else {
            let chars: Vec<char> = s.chars().collect();
            s = chars
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    !(c.is_whitespace()
                        && (chars.get(i.wrapping_sub(1)).is_some_and(|p| has(*p))
                            || chars.get(i + 1).is_some_and(|n| has(*n))))
                })
                .map(|(_, c)| *c)
                .collect();
        }
        // 3. Missing bracket literals: split the bare values on the separator and rebuild.
        let values: Vec<&CompiledPart> = self.parts.iter().filter(|p| is_value(&p.part)).collect();
        if !self.parts.iter().any(
            |p| matches!(&p.part, Part::Literal(l) if s.contains(&l.chars.iter().collect::<String>())),
        ) {
            let inner: Vec<String> = self
                .parts
                .iter()
                .filter_map(|p| match &p.part {
                    Part::Literal(l) => Some(l.chars.iter().collect::<String>()),
                    _ => None,
                })
                .collect();
            // The separator is what remains of an inner literal once brackets are removed.
            let sep: Option<String> = inner
                .iter()
                .map(|l| {
                    l.chars()
                        .filter(|c| !matches!(c, '【' | '】'))
                        .collect::<String>()
                })
                .find(|l| !l.is_empty());
            if let Some(sep) = sep {
                let pieces: Vec<&str> = s.split(sep.as_str()).collect();
                if pieces.len() == values.len() {
                    let mut k = 0;
                    s = self
                        .parts
                        .iter()
                        .map(|p| match &p.part {
                            Part::Literal(l) => l.chars.iter().collect::<String>(),
                            _ => {
                                k += 1;
                                pieces[k - 1].to_string()
                            }
                        })
                        .collect();
                }
            }
        }
        // 4. Per value: aliases to their canonical value, `v` to `V`.
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        let mut p = 0;
        for (i, part) in self.parts.iter().enumerate() {
            match &part.part {
                Part::Literal(lit) => {
                    let lit = &lit.chars;
                    if chars.get(p..p + lit.len()) != Some(lit.as_slice()) {
                        return None;
                    }
                    out.extend(lit);
                    p += lit.len();
                }
                kind => {
                    let end = match self.parts.get(i + 1).map(|n| &n.part) {
                        Some(Part::Literal(next)) => find(&chars, &next.chars, p)?,
                        _ => chars.len(),
                    };
                    let text: String = chars[p..end].iter().collect();
                    let fixed = match kind {
                        Part::Dictionary(d) => d
                            .entries
                            .iter()
                            .find(|d| d.aliases.contains(&text))
                            .map_or(text, |d| d.value.clone()),
                        Part::Version => match text.strip_prefix('v') {
                            Some(rest) => format!("V{rest}"),
                            None => text,
                        },
                        Part::Extension(_) => text.to_ascii_lowercase(),
                        _ => text,
                    };
                    out.push_str(&fixed);
                    p = end;
                }
            }
        }
        (p == chars.len()).then_some(out)
    }
}

impl Violation {
    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        crate::core::report::param(&self.params, key)
    }

    /// The violation in English (see [`message`]).
    pub fn message(&self) -> String {
        message(self.code, &self.params)
    }
}

/// A violation code and its parameters as an English sentence: the command-line tool's
/// words, the English interface's and the generator's for the codes it shares. (The
/// interface words Chinese itself.)
pub fn message(code: &str, params: &[(&'static str, String)]) -> String {
    let p = |key: &str| crate::core::report::param(params, key);
    match code {
        "missing_literal" => format!("expected “{}” here", p("expected")),
        "unknown_value" => format!("“{}” is not one of the allowed values", p("value")),
        "alias" => format!("“{}” should be written “{}”", p("value"), p("expected")),
        "too_short" => format!("{} characters, at least {} needed", p("len"), p("min")),
        "too_long" => format!("{} characters, at most {} allowed", p("len"), p("max")),
        "forbidden_char" => format!("“{}” is not allowed here", p("char")),
        "whitespace" => "no spaces allowed here".into(),
        "bad_version" => format!("“{}” is not a version such as V1.0", p("value")),
        "bad_date" => format!("“{}” is not a real date written YYYYMMDD", p("value")),
        "bad_number" => format!("“{}” is not a number of the required length", p("value")),
        "bad_extension" => format!("“{}” is not an allowed file extension", p("value")),
        "missing_value" => "a value is missing here".into(),
        "unexpected_text" => format!("unexpected “{}” after the end of the name", p("text")),
        "name_too_long" => format!(
            "the name has {} characters, at most {} allowed",
            p("len"),
            p("max")
        ),
        "name_too_short" => format!(
            "the name has {} characters, at least {} needed",
            p("len"),
            p("min")
        ),
        "forbidden_word" => format!("“{}” may not appear in a name", p("word")),
        "empty" => "the name is empty".into(),
        other => other.replace('_', " "),
    }
}

impl std::fmt::Display for SchemeErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SchemeErrorKind::NoComponents => write!(f, "the scheme has no components"),
            SchemeErrorKind::EmptyLiteral => write!(f, "empty fixed text"),
            SchemeErrorKind::EmptyDictionary => write!(f, "a list of values is empty"),
            SchemeErrorKind::AdjacentValues => write!(
                f,
                "two values follow each other with no fixed text to split them"
            ),
            SchemeErrorKind::MinAboveMax { min, max } => {
                write!(f, "the minimum {min} is more than the maximum {max}")
            }
            SchemeErrorKind::CannotFit { min_len, max_len } => {
                write!(f, "the parts need at least {min_len} characters but the name may have at most {max_len}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unicode_whitespace_is_looked_at() {
        let table = text_bytes(&[], true);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            if c.is_whitespace() {
                assert_ne!(table[lead as usize], TextByte::Fine, "{c:?}");
            }
        }
    }

    #[test]
    fn forbidden_characters_are_looked_at() {
        let forbidden: Vec<char> = "【】[]-_/\\ éＡ😀".chars().collect();
        let table = text_bytes(&forbidden, false);
        for c in forbidden {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert_ne!(table[lead as usize], TextByte::Fine, "{c:?}");
        }
    }

    /// Every string of up to five characters over a small alphabet, as haystack and needle.
    #[test]
    fn needles_are_found_where_str_find_finds_them() {
        let alphabet = ['a', '-', '】', '【', '技', 'é'];
        let strings = |max: usize| {
            let mut all = vec![String::new()];
            let mut last = vec![String::new()];
            for _ in 0..max {
                last = last
                    .iter()
                    .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                    .collect();
                all.extend(last.iter().cloned());
            }
            all
        };
        let needles = strings(2);
        let mut hays = strings(4);
        hays.push("a-】【技é".repeat(5));
        hays.push(format!("{}】-【", "技".repeat(9)));
        for hay in &hays {
            for needle in &needles {
                let want = (!needle.is_empty())
                    .then(|| hay.find(needle.as_str()))
                    .flatten();
                let got = Needle::new(needle).find_in(hay.as_bytes());
                assert_eq!(got, want, "{needle:?} in {hay:?}");
                let at = Needle::new(needle).is_at(hay.as_bytes(), 0);
                assert_eq!(
                    at,
                    hay.starts_with(needle.as_str()),
                    "{needle:?} at {hay:?}"
                );
            }
        }
    }

    /// Found by the fuzzer (fuzz/corpus/naming/crash-compile-min-length-overflow): the sum
    /// of the parts' minimum lengths overflowed u32, a panic in debug builds.
    #[test]
    fn huge_minimum_lengths_do_not_overflow() {
        let text = |min| Component::Text {
            id: "t".into(),
            label: String::new(),
            optional: false,
            min_len: min,
            max_len: u32::MAX,
            forbidden_chars: String::new(),
            no_whitespace: false,
        };
        let scheme = NamingScheme {
            components: vec![
                text(u32::MAX),
                Component::Literal { text: "-".into() },
                text(u32::MAX - 1),
            ],
            rules: super::super::NameRules {
                max_len: Some(10),
                ..Default::default()
            },
            ..Default::default()
        };
        let errors = compile(&scheme, &Org::default()).expect_err("cannot fit");
        assert_eq!(
            errors,
            [SchemeError {
                component: None,
                kind: SchemeErrorKind::CannotFit {
                    min_len: u32::MAX,
                    max_len: 10
                }
            }]
        );
    }

    #[test]
    fn lookups_find_exactly_their_strings() {
        let words = [
            "技术部",
            "技术部门",
            "",
            "a",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\0",
        ];
        let lookup = Lookup::new(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(lookup.get(w.as_bytes()), Some(i), "{w:?}");
        }
        for w in ["技术", "abcdefg", "abcdefghij", "b", "abcdefgh\0\0"] {
            assert_eq!(lookup.get(w.as_bytes()), None, "{w:?}");
        }
        let twice = Lookup::new([("x", 3), ("x", 1), ("y", 2)].into_iter());
        assert_eq!(twice.get(b"x"), Some(3));
        assert_eq!(Lookup::new(std::iter::empty()).get(b""), None);
        let many: Vec<String> = (0..1000).map(|i| format!("部门{i}")).collect();
        let lookup = Lookup::new(many.iter().enumerate().map(|(i, s)| (s.as_str(), i)));
        for (i, s) in many.iter().enumerate() {
            assert_eq!(lookup.get(s.as_bytes()), Some(i));
        }
        assert_eq!(lookup.get("部门1000".as_bytes()), None);
    }
}
