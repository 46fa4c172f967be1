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
    Literal(Vec<char>),
    Dictionary(Vec<DictEntry>),
    Text {
        min: u32,
        max: u32,
        forbidden: Vec<char>,
        no_whitespace: bool,
    },
    Version,
    Date,
    Number {
        min: u32,
        max: u32,
    },
    Extension(Vec<String>),
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
    forbidden_words: Vec<String>,
}

/// What is wrong with a name, in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Stable code: `missing_literal`, `unknown_value`, `alias`, `too_short`, `too_long`,
    /// `forbidden_char`, `whitespace`, `bad_version`, `bad_date`, `bad_number`,
    /// `bad_extension`, `missing_value`, `unexpected_text`, `name_too_long`,
    /// `name_too_short`, `forbidden_word`, `empty`.
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
                Part::Literal(text.chars().collect())
            }
            Component::Dictionary { source, .. } => {
                let values = source.entries(org);
                if values.is_empty() {
                    errors.push(err(SchemeErrorKind::EmptyDictionary));
                }
                Part::Dictionary(values)
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
                Part::Text {
                    min: *min_len,
                    max: *max_len,
                    forbidden: forbidden_chars.chars().collect(),
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
    let min_fixed: u32 = parts
        .iter()
        .map(|p| match &p.part {
            Part::Literal(t) => t.len() as u32,
            Part::Text { min, .. } | Part::Number { min, .. } if !p.optional => *min,
            Part::Date if !p.optional => 8,
            _ => 0,
        })
        .sum();
    if let Some(max) = scheme.rules.max_len {
        if min_fixed > max {
            errors.push(SchemeError {
                component: None,
                kind: SchemeErrorKind::CannotFit {
                    min_len: min_fixed,
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
            forbidden_words: scheme.rules.forbidden_words.clone(),
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

/// Byte offset of the first `needle` in `hay`. Literals and forbidden words are a few
/// characters long, where finding the first character (memchr) and comparing beats the
/// general two-way search, whose set-up alone cost more than the rest of a check.
fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let first = needle.chars().next()?;
    let mut from = 0;
    while let Some(k) = hay[from..].find(first) {
        let at = from + k;
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + first.len_utf8();
    }
    None
}

fn violation(
    code: &'static str,
    component: &str,
    span: (usize, usize),
    params: &[(&'static str, String)],
) -> Violation {
    Violation {
        code,
        component: component.to_string(),
        span,
        params: params.to_vec(),
    }
}

fn is_real_date(s: &str) -> bool {
    s.len() == 8
        && s.bytes().all(|b| b.is_ascii_digit())
        && crate::core::bundle::is_real_date(
            s[0..4].parse().unwrap_or(0),
            s[4..6].parse().unwrap_or(0),
            s[6..8].parse().unwrap_or(0),
        )
}

fn is_version(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('V') else {
        return false;
    };
    let mut parts = rest.split('.');
    let ok =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
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

    /// Every violation of one name, without looking for a suggestion (for mass audits).
    ///
    /// Works on byte offsets with `str::find` (no per-name allocation for a name that
    /// passes); spans are turned into character offsets only for the violations reported.
    pub fn violations(&self, name: &str) -> Vec<Violation> {
        let mut out = Vec::new();
        if name.is_empty() {
            out.push(violation("empty", "name", (0, 0), &[]));
            return out;
        }
        let span =
            |from: usize, to: usize| (name[..from].chars().count(), name[..to].chars().count());
        let mut p = 0;
        for (i, part) in self.parts.iter().enumerate() {
            match &part.part {
                Part::Literal(_) => {
                    let lit = part.name.as_str();
                    if name[p..].starts_with(lit) {
                        p += lit.len();
                    } else {
                        // Resynchronise: on the literal if it appears later; past a garbled
                        // copy of it (`】—【` for `】-【`) if one starts here.
                        let first = lit.chars().next();
                        let garbled = lit.chars().count() > 1 && name[p..].chars().next() == first;
                        let skip_to = find_str(&name[p..], lit)
                            .map(|q| p + q + lit.len())
                            .or_else(|| {
                                garbled.then(|| {
                                    name[p..]
                                        .char_indices()
                                        .nth(lit.chars().count())
                                        .map_or(name.len(), |(k, _)| p + k)
                                })
                            });
                        let end = skip_to.unwrap_or(p);
                        out.push(violation(
                            "missing_literal",
                            lit,
                            span(p, if garbled { end } else { p }),
                            &[("expected", lit.to_string())],
                        ));
                        p = end;
                    }
                }
                value => {
                    let end = match self.parts.get(i + 1) {
                        Some(CompiledPart {
                            part: Part::Literal(_),
                            name: next,
                            ..
                        }) => find_str(&name[p..], next)
                            .or_else(|| next.chars().next().and_then(|c| name[p..].find(c)))
                            .map_or(name.len(), |k| p + k),
                        _ => name.len(),
                    };
                    self.check_value(part, value, &name[p..end], name, (p, end), &mut out);
                    p = end;
                }
            }
        }
        if p < name.len() {
            out.push(violation(
                "unexpected_text",
                "name",
                span(p, name.len()),
                &[("text", name[p..].to_string())],
            ));
        }
        let len = name.chars().count();
        if let Some(max) = self.max_len {
            if len as u32 > max {
                out.push(violation(
                    "name_too_long",
                    "name",
                    (0, len),
                    &[("max", max.to_string()), ("len", len.to_string())],
                ));
            }
        }
        if let Some(min) = self.min_len {
            if (len as u32) < min {
                out.push(violation(
                    "name_too_short",
                    "name",
                    (0, len),
                    &[("min", min.to_string()), ("len", len.to_string())],
                ));
            }
        }
        for word in &self.forbidden_words {
            if word.is_empty() {
                continue;
            }
            let mut from = 0;
            while let Some(k) = find_str(&name[from..], word) {
                let at = from + k;
                from = at + word.len();
                out.push(violation(
                    "forbidden_word",
                    "name",
                    span(at, at + word.len()),
                    &[("word", word.clone())],
                ));
            }
        }
        out
    }

    fn check_value(
        &self,
        part: &CompiledPart,
        kind: &Part,
        text: &str,
        name: &str,
        bytes: (usize, usize),
        out: &mut Vec<Violation>,
    ) {
        let id = part.name.as_str();
        // Character offsets are counted only when a violation is reported.
        let span = || {
            (
                name[..bytes.0].chars().count(),
                name[..bytes.1].chars().count(),
            )
        };
        if text.is_empty() {
            if !part.optional {
                out.push(violation("missing_value", id, span(), &[]));
            }
            return;
        }
        let v = |code| violation(code, id, span(), &[("value", text.to_string())]);
        match kind {
            Part::Literal(_) => {}
            Part::Dictionary(values) => {
                if values.iter().any(|d| d.value == text) {
                    return;
                }
                match values.iter().find(|d| d.aliases.iter().any(|a| a == text)) {
                    Some(d) => out.push(violation(
                        "alias",
                        id,
                        span(),
                        &[("value", text.to_string()), ("expected", d.value.clone())],
                    )),
                    None => out.push(v("unknown_value")),
                }
            }
            Part::Text {
                min,
                max,
                forbidden,
                no_whitespace,
            } => {
                let n = text.chars().count() as u32;
                if n < *min {
                    out.push(violation(
                        "too_short",
                        id,
                        span(),
                        &[("min", min.to_string()), ("len", n.to_string())],
                    ));
                }
                if n > *max {
                    out.push(violation(
                        "too_long",
                        id,
                        span(),
                        &[("max", max.to_string()), ("len", n.to_string())],
                    ));
                }
                for (k, ch) in text.chars().enumerate() {
                    let at = || (span().0 + k, span().0 + k + 1);
                    if *no_whitespace && ch.is_whitespace() {
                        out.push(violation("whitespace", id, at(), &[]));
                    } else if forbidden.contains(&ch) {
                        out.push(violation(
                            "forbidden_char",
                            id,
                            at(),
                            &[("char", ch.to_string())],
                        ));
                    }
                }
            }
            Part::Version => {
                if !is_version(text) {
                    out.push(v("bad_version"));
                }
            }
            Part::Date => {
                if !is_real_date(text) {
                    out.push(v("bad_date"));
                }
            }
            Part::Number { min, max } => {
                let n = text.chars().count() as u32;
                if !text.bytes().all(|b| b.is_ascii_digit()) || n < *min || n > *max {
                    out.push(v("bad_number"));
                }
            }
            Part::Extension(values) => {
                if !values.iter().any(|e| e == text) {
                    out.push(v("bad_extension"));
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
                Part::Literal(l) => Some(l.clone()),
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
            |p| matches!(&p.part, Part::Literal(l) if s.contains(&l.iter().collect::<String>())),
        ) {
            let inner: Vec<String> = self
                .parts
                .iter()
                .filter_map(|p| match &p.part {
                    Part::Literal(l) => Some(l.iter().collect::<String>()),
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
                            Part::Literal(l) => l.iter().collect::<String>(),
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
                    if chars.get(p..p + lit.len()) != Some(lit.as_slice()) {
                        return None;
                    }
                    out.extend(lit);
                    p += lit.len();
                }
                kind => {
                    let end = match self.parts.get(i + 1).map(|n| &n.part) {
                        Some(Part::Literal(next)) => find(&chars, next, p)?,
                        _ => chars.len(),
                    };
                    let text: String = chars[p..end].iter().collect();
                    let fixed = match kind {
                        Part::Dictionary(values) => values
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
        self.params
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The violation in English (the command-line tool's words; the UI translates codes).
    pub fn message(&self) -> String {
        match self.code {
            "missing_literal" => format!("expected `{}` here", self.param("expected")),
            "unknown_value" => {
                format!("`{}` is not one of the allowed values", self.param("value"))
            }
            "alias" => format!(
                "`{}` should be written `{}`",
                self.param("value"),
                self.param("expected")
            ),
            "too_short" => format!(
                "{} characters, at least {} needed",
                self.param("len"),
                self.param("min")
            ),
            "too_long" => format!(
                "{} characters, at most {} allowed",
                self.param("len"),
                self.param("max")
            ),
            "forbidden_char" => format!("`{}` is not allowed here", self.param("char")),
            "whitespace" => "no spaces allowed here".into(),
            "bad_version" => format!("`{}` is not a version such as V1.0", self.param("value")),
            "bad_date" => format!(
                "`{}` is not a real date written YYYYMMDD",
                self.param("value")
            ),
            "bad_number" => format!(
                "`{}` is not a number of the required length",
                self.param("value")
            ),
            "bad_extension" => {
                format!("`{}` is not an allowed file extension", self.param("value"))
            }
            "missing_value" => "a value is missing here".into(),
            "unexpected_text" => format!(
                "unexpected `{}` after the end of the name",
                self.param("text")
            ),
            "name_too_long" => format!(
                "the name has {} characters, at most {} allowed",
                self.param("len"),
                self.param("max")
            ),
            "name_too_short" => format!(
                "the name has {} characters, at least {} needed",
                self.param("len"),
                self.param("min")
            ),
            "forbidden_word" => format!("`{}` may not appear in a name", self.param("word")),
            "empty" => "the name is empty".into(),
            other => other.to_string(),
        }
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
