//! Generating names from component values, and a reference panel of valid names and
//! near-misses derived from a scheme.
//!
//! The generator inserts the literals itself, lightly normalises what the user typed
//! ([`normalize_value`]), checks every component on its own so that each error names its
//! component, and finally runs the checker on the assembled name. That last step is the
//! guarantee: `generate(..) == Ok(name)` implies `compile(..)?.check(&name).ok`.
//!
//! Samples ([`sample_values`]) and examples ([`examples`]) are deterministic: no clock, no
//! randomness. Every example's verdict, codes and suggestion come from the checker.

use std::collections::BTreeSet;

use super::check::{compile, Compiled, SchemeError};
use super::{Component, DictEntry, NamingScheme};
use crate::core::org::Org;

/// A problem with one value given to [`generate`], or with the whole name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenError {
    /// The component id; `None` for the whole name (or a scheme error without a component).
    pub component: Option<String>,
    /// Stable code: `missing_value`, `unknown_value`, `too_short`, `too_long`,
    /// `forbidden_char`, `whitespace`, `bad_version`, `bad_date`, `bad_number`,
    /// `bad_extension`, `contains_separator`, `unknown_component`, `name_too_long`,
    /// `name_too_short`, `forbidden_word`, `scheme`; any other checker code passes through
    /// unchanged.
    pub code: &'static str,
    /// Message parameters (`value`, `min`, `max`, `len`, `char`, `separator`, `word`, …).
    pub params: Vec<(&'static str, String)>,
}

/// One entry of the reference panel: a name and the checker's verdict on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub name: String,
    /// The checker's verdict.
    pub ok: bool,
    /// `valid`, or the near-miss this name shows (see [`examples`]).
    pub kind: &'static str,
    /// The checker's suggested correction, if it has one.
    pub suggestion: Option<String>,
    /// The checker's violation codes, each once, in the order first reported.
    pub codes: Vec<&'static str>,
}

/// Longest text or number a sample builds, so that a scheme asking for absurd lengths
/// cannot make sample generation allocate without bound.
const MAX_SAMPLE_LEN: usize = 500;

/// Realistic topics, tried in order before building a text out of [`POOL`].
const TOPICS: &[&str] = &[
    "ERP升级",
    "双十一活动",
    "新品发布",
    "年度预算",
    "客户对接",
    "项目",
];

/// Characters for sample texts of any length, once those the scheme forbids are removed.
const POOL: &str = "项目示例计划方案测试资料评审汇总季度年度培训招聘采购合作渠道产品运营\
                    ABCDEFGHJKLMNPQRSTUWXYZ";

/// Versions tried for samples: the usual ones first, then every `Va.b` with one digit each.
fn version_candidates() -> Vec<String> {
    let mut out: Vec<String> = ["V1.0", "V2.1", "V3.0"].map(String::from).to_vec();
    out.extend((1..=9).flat_map(|a| (0..=9).map(move |b| format!("V{a}.{b}"))));
    out
}

/// Real dates tried for samples, with varied digits: one of them usually avoids every
/// digit of the literal that follows.
const DATES: &[&str] = &[
    "20240520", "20241111", "20230815", "19991231", "21111111", "19880808", "19770707",
];

impl GenError {
    fn new(
        component: Option<&str>,
        code: &'static str,
        params: Vec<(&'static str, String)>,
    ) -> Self {
        GenError {
            component: component.map(str::to_string),
            code,
            params,
        }
    }

    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        crate::core::report::param(&self.params, key)
    }

    /// The error in English (the command-line tool's words; the UI translates codes).
    /// Codes shared with the checker read as the checker's messages do.
    pub fn message(&self) -> String {
        let p = |k| self.param(k);
        match self.code {
            "missing_value" => "a value is required here".into(),
            "contains_separator" => format!(
                "“{}” contains “{}”, which separates it from the next part",
                p("value"),
                p("separator")
            ),
            "unknown_component" => format!(
                "the scheme has no component “{}”",
                self.component.as_deref().unwrap_or_default()
            ),
            "scheme" => format!("the scheme cannot be used: {}", p("error")),
            other => super::check::message(other, &self.params),
        }
    }
}

impl std::fmt::Display for GenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.component {
            Some(c) => write!(f, "{c}: {}", self.message()),
            None => f.write_str(&self.message()),
        }
    }
}

/// Full-width digits `０`–`９` to ASCII.
fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            other => other,
        })
        .collect()
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

fn is_real_date(s: &str) -> bool {
    s.len() == 8
        && s.bytes().all(|b| b.is_ascii_digit())
        && crate::core::bundle::is_real_date(
            s[0..4].parse().unwrap_or(0),
            s[4..6].parse().unwrap_or(0),
            s[6..8].parse().unwrap_or(0),
        )
}

/// `v2.1`, `Ｖ2．1` and a bare `2.1` become `V2.1`; anything else is left for the check.
fn normalize_version(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '．' | '。' => '.',
            other => other,
        })
        .collect();
    let rest = s.strip_prefix(['V', 'v', 'Ｖ', 'ｖ']).unwrap_or(s.as_str());
    let fixed = format!("V{rest}");
    if is_version(&fixed) {
        fixed
    } else {
        s
    }
}

/// `2024-05-20`, `2024/5/20`, `2024.05.20` and `2024年5月20日` become `20240520`.
fn normalize_date(s: &str) -> String {
    let pieces: Vec<&str> = s
        .split(['-', '/', '.', '年', '月', '日', '－', '／', '．'])
        .filter(|p| !p.is_empty())
        .collect();
    let digits =
        |p: &str, lens: &[usize]| lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    match pieces.as_slice() {
        [y, m, d] if digits(y, &[4]) && digits(m, &[1, 2]) && digits(d, &[1, 2]) => {
            format!("{y}{m:0>2}{d:0>2}")
        }
        _ => s.to_string(),
    }
}

/// The list's own spelling when the value matches it ignoring ASCII case and a leading
/// dot; otherwise the value without its dot, lower-cased.
fn normalize_extension(values: &[String], s: &str) -> String {
    let stripped = s.strip_prefix(['.', '．']).unwrap_or(s);
    for candidate in [s, stripped] {
        if let Some(v) = values.iter().find(|v| *v == candidate) {
            return v.clone();
        }
        if let Some(v) = values.iter().find(|v| v.eq_ignore_ascii_case(candidate)) {
            return v.clone();
        }
    }
    stripped.to_ascii_lowercase()
}

/// The canonical value for what was typed: the value itself, or the value an alias stands
/// for, tried as typed, trimmed, and with full-width digits folded.
fn normalize_dictionary(entries: &[DictEntry], raw: &str) -> String {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        // Left empty, even if the list has an empty alias: the checker never reads one.
        return String::new();
    }
    let folded = fold_digits(trimmed);
    for candidate in [raw, trimmed, folded.as_str()] {
        if let Some(e) = entries.iter().find(|e| e.value == candidate) {
            return e.value.clone();
        }
        if let Some(e) = entries
            .iter()
            .find(|e| e.aliases.iter().any(|a| a == candidate))
        {
            return e.value.clone();
        }
    }
    trimmed.to_string()
}

/// What the generator makes of a value typed for `component`, before checking it:
///
/// - surrounding whitespace is trimmed and full-width digits become ASCII;
/// - a dictionary alias becomes its canonical value;
/// - a version gets a capital `V` (`v1.0`, `1.0` → `V1.0`);
/// - a date written `2024-05-20`, `2024/5/20`, `2024.05.20` or `2024年5月20日` → `20240520`;
/// - an extension loses a leading dot and takes the list's spelling (`.DOCX` → `docx`).
///
/// For a literal, the literal's own text.
pub fn normalize_value(component: &Component, org: &Org, raw: &str) -> String {
    normalize_with(component, &dictionary_entries(component, org), raw)
}

fn dictionary_entries(component: &Component, org: &Org) -> Vec<DictEntry> {
    match component {
        Component::Dictionary { source, .. } => source.entries(org),
        _ => Vec::new(),
    }
}

fn normalize_with(component: &Component, entries: &[DictEntry], raw: &str) -> String {
    let s = fold_digits(raw.trim());
    match component {
        Component::Literal { text } => text.clone(),
        Component::Dictionary { .. } => normalize_dictionary(entries, raw),
        Component::Text { .. } | Component::Number { .. } => s,
        Component::Version { .. } => normalize_version(&s),
        Component::Date { .. } => normalize_date(&s),
        Component::Extension { values, .. } => normalize_extension(values, &s),
    }
}

/// Whether `value` followed by `literal` is split back at the right place: the checker
/// ends a value at the first occurrence of the literal after it.
fn fits(value: &str, literal: &str) -> bool {
    format!("{value}{literal}").find(literal) == Some(value.len())
}

/// The literal right after component `i`, if the next component is one.
fn next_literal(scheme: &NamingScheme, i: usize) -> Option<&str> {
    match scheme.components.get(i + 1) {
        Some(Component::Literal { text }) => Some(text),
        _ => None,
    }
}

/// Checks one normalised value on its own, as the checker would inside a name, plus
/// whether the literal after it would still split the name at the right place.
fn validate_value(
    component: &Component,
    entries: &[DictEntry],
    value: &str,
    next: Option<&str>,
) -> Vec<GenError> {
    let id = component.id();
    let err = |code, params| GenError::new(id, code, params);
    let with_value = |code| err(code, vec![("value", value.to_string())]);
    let mut out = Vec::new();
    if value.is_empty() {
        if !component.is_optional() {
            out.push(err("missing_value", Vec::new()));
        }
        return out;
    }
    let separator = next.filter(|lit| !fits(value, lit));
    match component {
        Component::Literal { .. } => {}
        Component::Dictionary { .. } => {
            if !entries.iter().any(|e| e.value == value) {
                out.push(with_value("unknown_value"));
            }
        }
        Component::Text {
            min_len,
            max_len,
            forbidden_chars,
            no_whitespace,
            ..
        } => {
            let n = value.chars().count();
            if n < *min_len as usize {
                out.push(err(
                    "too_short",
                    vec![("min", min_len.to_string()), ("len", n.to_string())],
                ));
            }
            if n > *max_len as usize {
                out.push(err(
                    "too_long",
                    vec![("max", max_len.to_string()), ("len", n.to_string())],
                ));
            }
            let mut whitespace = false;
            let mut forbidden: Vec<char> = Vec::new();
            for ch in value.chars() {
                if *no_whitespace && ch.is_whitespace() {
                    whitespace = true;
                } else if forbidden_chars.contains(ch)
                    && !forbidden.contains(&ch)
                    // The separator error below says it better.
                    && !separator.is_some_and(|s| s.contains(ch))
                {
                    forbidden.push(ch);
                }
            }
            if whitespace {
                out.push(err("whitespace", Vec::new()));
            }
            out.extend(
                forbidden
                    .into_iter()
                    .map(|ch| err("forbidden_char", vec![("char", ch.to_string())])),
            );
        }
        Component::Version { .. } => {
            if !is_version(value) {
                out.push(with_value("bad_version"));
            }
        }
        Component::Date { .. } => {
            if !is_real_date(value) {
                out.push(with_value("bad_date"));
            }
        }
        Component::Number {
            min_digits,
            max_digits,
            ..
        } => {
            let n = value.chars().count();
            if !value.bytes().all(|b| b.is_ascii_digit())
                || n < *min_digits as usize
                || n > *max_digits as usize
            {
                out.push(with_value("bad_number"));
            }
        }
        Component::Extension { values, .. } => {
            if !values.iter().any(|v| v == value) {
                out.push(with_value("bad_extension"));
            }
        }
    }
    if let Some(lit) = separator {
        out.push(err(
            "contains_separator",
            vec![("value", value.to_string()), ("separator", lit.to_string())],
        ));
    }
    out
}

/// One GenError per scheme error, naming the component where it has an id.
fn scheme_errors(scheme: &NamingScheme, errors: Vec<SchemeError>) -> Vec<GenError> {
    errors
        .into_iter()
        .map(|e| {
            let component = e
                .component
                .and_then(|i| scheme.components.get(i))
                .and_then(Component::id);
            let mut params = vec![("error", e.kind.to_string())];
            if let Some(i) = e.component {
                params.push(("index", i.to_string()));
            }
            GenError::new(component, "scheme", params)
        })
        .collect()
}

/// A generated name and the normalised values it was made of.
struct Built {
    name: String,
    /// Per component: the value used (normalised), `None` for literals.
    values: Vec<Option<String>>,
}

/// Joins literals and values as they are, with `lit` applied to each literal's text.
fn assemble(
    scheme: &NamingScheme,
    values: &[Option<String>],
    lit: impl Fn(&str) -> String,
) -> String {
    scheme
        .components
        .iter()
        .zip(values)
        .map(|(c, v)| match (c, v) {
            (Component::Literal { text }, _) => lit(text),
            (_, Some(v)) => v.clone(),
            (_, None) => String::new(),
        })
        .collect()
}

/// Normalises and validates every value, assembles the name and runs the checker on it.
fn build(
    scheme: &NamingScheme,
    compiled: &Compiled,
    org: &Org,
    values: &[(String, String)],
) -> Result<Built, Vec<GenError>> {
    let mut errors = Vec::new();
    let mut name = String::new();
    let mut used = Vec::with_capacity(scheme.components.len());
    // Character range of each value component in the name, for placing whole-name findings.
    let mut layout: Vec<(&str, usize, usize)> = Vec::new();
    let mut at = 0;
    for (i, c) in scheme.components.iter().enumerate() {
        let Some(id) = c.id() else {
            name.push_str(c.label());
            at += c.label().chars().count();
            used.push(None);
            continue;
        };
        // The last value given for an id wins, as in a map.
        let raw = values
            .iter()
            .rev()
            .find(|(k, _)| k == id)
            .map_or("", |(_, v)| v.as_str());
        let entries = dictionary_entries(c, org);
        let value = normalize_with(c, &entries, raw);
        errors.extend(validate_value(c, &entries, &value, next_literal(scheme, i)));
        let n = value.chars().count();
        layout.push((id, at, at + n));
        at += n;
        name.push_str(&value);
        used.push(Some(value));
    }
    let unknown = values
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| !scheme.components.iter().any(|c| c.id() == Some(*k)));
    for k in unknown {
        let e = GenError::new(Some(k), "unknown_component", Vec::new());
        if !errors.contains(&e) {
            errors.push(e);
        }
    }
    // The final gate. With per-component errors, only the whole-name rules add anything:
    // the rest would repeat them or follow from them.
    let per_component = !errors.is_empty();
    for v in compiled.violations(&name) {
        let whole_name = v.component == "name"
            && matches!(
                v.code,
                "name_too_long" | "name_too_short" | "forbidden_word"
            );
        if per_component && !whole_name {
            continue;
        }
        let component = if layout.iter().any(|(id, _, _)| *id == v.component) {
            Some(v.component.as_str())
        } else if v.code == "forbidden_word" {
            // A forbidden word that lies inside one value belongs to that value.
            layout
                .iter()
                .find(|(_, from, to)| *from <= v.span.0 && v.span.1 <= *to)
                .map(|(id, _, _)| *id)
        } else {
            None
        };
        let e = GenError::new(component, v.code, v.params);
        if !errors.contains(&e) {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(Built { name, values: used })
    } else {
        Err(errors)
    }
}

/// Builds a name from component values: `(component id, value)` pairs, in any order (the
/// last pair wins for an id). Literals are inserted here; optional components may be
/// missing or empty. Values are normalised first ([`normalize_value`]).
///
/// Every problem is returned at once, each naming its component where it has one:
/// `scheme` errors when the scheme does not compile, otherwise the per-component errors
/// and the whole-name rules. `Ok(name)` always passes [`Compiled::check`].
///
/// ```
/// use policy_playground::core::naming::generate::generate;
/// use policy_playground::core::{starter, Lang};
///
/// let b = starter::bundle(Lang::Zh);
/// let group = &b.naming[0];
/// let values = [("dept", "技术部门"), ("topic", " ERP升级 "), ("type", "项目群")]
///     .map(|(k, v)| (k.to_string(), v.to_string()));
/// assert_eq!(generate(group, &b.org, &values).as_deref(), Ok("【技术部】-【ERP升级】-【项目群】"));
/// ```
pub fn generate(
    scheme: &NamingScheme,
    org: &Org,
    values: &[(String, String)],
) -> Result<String, Vec<GenError>> {
    let compiled = compile(scheme, org).map_err(|e| scheme_errors(scheme, e))?;
    build(scheme, &compiled, org, values).map(|b| b.name)
}

/// What sample values must avoid, taken from the scheme once.
struct Planner<'a> {
    scheme: &'a NamingScheme,
    org: &'a Org,
    /// Every character of every literal: a text made without them cannot swallow one.
    literal_chars: BTreeSet<char>,
    /// Every character of every forbidden word: a text made without them cannot form one.
    word_chars: BTreeSet<char>,
}

impl<'a> Planner<'a> {
    fn new(scheme: &'a NamingScheme, org: &'a Org) -> Self {
        let literal_chars = scheme
            .components
            .iter()
            .filter_map(|c| match c {
                Component::Literal { text } => Some(text.chars()),
                _ => None,
            })
            .flatten()
            .collect();
        let word_chars = scheme
            .rules
            .forbidden_words
            .iter()
            .flat_map(|w| w.chars())
            .collect();
        Planner {
            scheme,
            org,
            literal_chars,
            word_chars,
        }
    }

    /// Whether a sample value may stand before component `i`'s next literal and contains
    /// no forbidden word.
    fn usable(&self, i: usize, value: &str) -> bool {
        !value.is_empty()
            && next_literal(self.scheme, i).is_none_or(|lit| fits(value, lit))
            && !self
                .scheme
                .rules
                .forbidden_words
                .iter()
                .any(|w| !w.is_empty() && value.contains(w.as_str()))
    }

    /// The first usable candidate, starting at `variant` and wrapping around; the one at
    /// `variant` when none is usable (the check will say why).
    fn pick(&self, i: usize, candidates: &[String], variant: usize) -> String {
        if candidates.is_empty() {
            return String::new();
        }
        let n = candidates.len();
        (0..n)
            .map(|k| &candidates[(variant + k) % n])
            .find(|v| self.usable(i, v))
            .unwrap_or(&candidates[variant % n])
            .clone()
    }

    /// Characters a sample text for `component` may use, in pool order.
    fn text_chars(&self, component: &Component) -> Vec<char> {
        let forbidden = match component {
            Component::Text {
                forbidden_chars, ..
            } => forbidden_chars.as_str(),
            _ => "",
        };
        POOL.chars()
            .filter(|c| self.text_char_ok(*c, forbidden))
            .collect()
    }

    fn text_char_ok(&self, c: char, forbidden: &str) -> bool {
        !c.is_whitespace()
            && !forbidden.contains(c)
            && !self.literal_chars.contains(&c)
            && !self.word_chars.contains(&c)
    }

    /// Digits for a number sample of `n` digits, usable before the next literal if any is.
    fn number(&self, i: usize, n: usize) -> String {
        let mut candidates: Vec<String> = vec!["1234567890".chars().cycle().take(n).collect()];
        candidates.extend(('0'..='9').map(|d| std::iter::repeat_n(d, n).collect()));
        self.pick(i, &candidates, 0)
    }

    /// One valid value per value component (`variant` picks other dictionary entries,
    /// versions, dates and topics), within the whole name's length limits.
    fn plan(&self, variant: usize) -> Vec<(String, String)> {
        let comps = &self.scheme.components;
        let mut values: Vec<String> = vec![String::new(); comps.len()];
        // Texts: (index, lowest and highest length).
        let mut texts: Vec<(usize, usize, usize)> = Vec::new();
        for (i, c) in comps.iter().enumerate() {
            values[i] = match c {
                Component::Literal { text } => text.clone(),
                Component::Dictionary { source, .. } => {
                    let entries: Vec<String> = source
                        .entries(self.org)
                        .into_iter()
                        .map(|e| e.value)
                        .collect();
                    self.pick(i, &entries, variant)
                }
                Component::Version { .. } => self.pick(i, &version_candidates(), variant),
                Component::Date { .. } => {
                    let dates: Vec<String> = DATES.iter().map(|d| d.to_string()).collect();
                    self.pick(i, &dates, variant)
                }
                Component::Number {
                    min_digits,
                    max_digits,
                    ..
                } => {
                    if *max_digits == 0 {
                        String::new()
                    } else {
                        self.number(i, (*min_digits).max(1).min(MAX_SAMPLE_LEN as u32) as usize)
                    }
                }
                Component::Extension { values: exts, .. } => self.pick(i, exts, variant),
                Component::Text {
                    min_len, max_len, ..
                } => {
                    let hi = (*max_len as usize).min(MAX_SAMPLE_LEN);
                    let lo = if hi == 0 {
                        0
                    } else {
                        (*min_len as usize).clamp(1, hi)
                    };
                    texts.push((i, lo, hi));
                    String::new()
                }
            };
        }
        let chars = |v: &[String]| v.iter().map(|s| s.chars().count()).sum::<usize>();
        let rules = &self.scheme.rules;
        let max_len = rules.max_len.map(|m| m as usize);
        // Too long even with the shortest texts: leave the optional components out.
        let text_floor: usize = texts.iter().map(|(_, lo, _)| lo).sum();
        if max_len.is_some_and(|m| chars(&values) + text_floor > m) {
            for (i, c) in comps.iter().enumerate() {
                if c.is_optional() {
                    values[i].clear();
                }
            }
            for t in texts.iter_mut() {
                if comps[t.0].is_optional() {
                    *t = (t.0, 0, 0);
                }
            }
        }
        // Texts: a realistic topic when one fits the length left, else the pool.
        let floor: usize = texts.iter().map(|(_, lo, _)| lo).sum();
        let mut spare = max_len.map_or(usize::MAX, |m| m.saturating_sub(chars(&values) + floor));
        for &(i, lo, hi) in &texts {
            if hi == 0 {
                continue;
            }
            let forbidden = match &comps[i] {
                Component::Text {
                    forbidden_chars, ..
                } => forbidden_chars.as_str(),
                _ => "",
            };
            let top = hi.min(lo.saturating_add(spare));
            let topic = (0..TOPICS.len())
                .map(|k| TOPICS[(variant + k) % TOPICS.len()])
                .find(|t| {
                    let n = t.chars().count();
                    (lo..=top).contains(&n) && t.chars().all(|c| self.text_char_ok(c, forbidden))
                });
            values[i] = match topic {
                Some(t) => {
                    spare -= t.chars().count() - lo;
                    t.to_string()
                }
                None => {
                    let pool = self.text_chars(&comps[i]);
                    pool.iter().cycle().skip(variant).take(lo).collect()
                }
            };
        }
        // Too short: lengthen texts, then numbers.
        let mut short = rules
            .min_len
            .map_or(0, |m| (m as usize).saturating_sub(chars(&values)));
        for &(i, _, hi) in &texts {
            let len = values[i].chars().count();
            let add = short.min(hi.saturating_sub(len));
            if add > 0 {
                let pool = self.text_chars(&comps[i]);
                values[i].extend(pool.iter().cycle().skip(len + variant).take(add));
                short -= add;
            }
        }
        for (i, c) in comps.iter().enumerate() {
            if let (Component::Number { max_digits, .. }, true) = (c, short > 0) {
                let len = values[i].chars().count();
                let add = short.min(
                    (*max_digits as usize)
                        .min(MAX_SAMPLE_LEN)
                        .saturating_sub(len),
                );
                if add > 0 && !values[i].is_empty() {
                    values[i] = self.number(i, len + add);
                    short -= add;
                }
            }
        }
        comps
            .iter()
            .zip(values)
            .filter_map(|(c, v)| c.id().map(|id| (id.to_string(), v)))
            .collect()
    }
}

/// A valid value for each value component, as `(component id, value)` pairs in scheme
/// order: the first usable dictionary value, a realistic topic (or a text of sample
/// characters) of a valid length, `V1.0`, the fixed date `20240520`, the shortest number
/// and the first extension. Optional components get a value too, unless the whole name
/// would be too long; then they are left empty.
///
/// Each value is chosen so that the literal after it still splits the name there and it
/// holds no forbidden word; texts use no literal character and no character of a
/// forbidden word, so they cannot complete one. `generate` then accepts the samples
/// whenever the scheme's parts do not defeat each other (`tests/generate_props.rs` draws
/// such schemes at random). Some compiling schemes admit no name at all: a forbidden word
/// inside a literal, a version followed by the literal `.`, dictionaries alone longer
/// than `max_len`. For those the values are the closest the sampler found, and
/// `generate` says what is wrong.
pub fn sample_values(scheme: &NamingScheme, org: &Org) -> Vec<(String, String)> {
    Planner::new(scheme, org).plan(0)
}

/// Characters `0`–`9` to their full-width forms.
fn widen_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            other => other,
        })
        .collect()
}

/// The reference panel for a scheme, around [`sample_values`]: see [`examples_for`].
pub fn examples(scheme: &NamingScheme, org: &Org) -> Vec<Example> {
    examples_for(scheme, org, &sample_values(scheme, org))
}

/// The reference panel around the name that `values` generate (or, if they don't, around
/// the samples): two or three valid names, then each near-miss that applies to the scheme,
/// in this order and with these kinds:
///
/// - fixable spellings, which the checker usually corrects: `half_width_brackets`,
///   `no_brackets` (when literals hold `【】`), `other_dash` (`-`), `full_width_underscore`
///   (`_`), `spaces` (around the name), `alias` (when a dictionary has aliases),
///   `full_width_digits` (date, number or version), `lowercase_v` (version),
///   `uppercase_extension`, `whitespace` (inside a text without spaces);
/// - plain mistakes: `unknown_value`, `missing_value`, `too_short`, `too_long`,
///   `name_too_long`, `name_too_short` (a text within its own limits, the name not),
///   `forbidden_char`, `forbidden_word`, `bad_version`, `bad_date`, `bad_extension`.
///
/// Each example's `ok`, `codes` and `suggestion` come from running the checker on it; a
/// near-miss that happens to pass, or repeats an earlier name, is left out. Empty when the
/// scheme does not compile or no valid name could be made.
pub fn examples_for(scheme: &NamingScheme, org: &Org, values: &[(String, String)]) -> Vec<Example> {
    let Ok(compiled) = compile(scheme, org) else {
        return Vec::new();
    };
    let planner = Planner::new(scheme, org);
    let Some(base) = build(scheme, &compiled, org, values)
        .or_else(|_| build(scheme, &compiled, org, &planner.plan(0)))
        .ok()
    else {
        return Vec::new();
    };
    let mut panel = Panel {
        compiled: &compiled,
        seen: BTreeSet::new(),
        out: Vec::new(),
    };
    panel.add("valid", base.name.clone());
    for variant in 1..3 {
        if let Ok(b) = build(scheme, &compiled, org, &planner.plan(variant)) {
            panel.add("valid", b.name);
        }
    }
    let comps = &scheme.components;
    let lits: Vec<&str> = comps
        .iter()
        .filter_map(|c| match c {
            Component::Literal { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let lit_has = |ch: char| lits.iter().any(|l| l.contains(ch));
    let same = |l: &str| l.to_string();
    // The name with component `i`'s value replaced.
    let with = |i: usize, v: String| {
        let mut vals = base.values.clone();
        vals[i] = Some(v);
        assemble(scheme, &vals, same)
    };
    let value = |i: usize| base.values[i].clone().unwrap_or_default();
    // The first component of a kind.
    let first = |kind: &str| comps.iter().position(|c| c.kind_name() == kind);
    let texts: Vec<usize> = (0..comps.len())
        .filter(|&i| matches!(comps[i], Component::Text { .. }) && !value(i).is_empty())
        .collect();

    // Fixable spellings.
    if lit_has('【') || lit_has('】') {
        let half = |l: &str| l.replace('【', "[").replace('】', "]");
        panel.add("half_width_brackets", assemble(scheme, &base.values, half));
        let bare = |l: &str| l.replace(['【', '】'], "");
        panel.add("no_brackets", assemble(scheme, &base.values, bare));
    }
    if lit_has('-') {
        panel.add(
            "other_dash",
            assemble(scheme, &base.values, |l| l.replace('-', "—")),
        );
    }
    if lit_has('_') {
        let wide = |l: &str| l.replace('_', "＿");
        panel.add(
            "full_width_underscore",
            assemble(scheme, &base.values, wide),
        );
    }
    panel.add("spaces", format!(" {} ", base.name));
    if let Some((i, alias)) = alias_example(scheme, org, &base) {
        panel.add("alias", with(i, alias));
    }
    let digits = first("date")
        .or_else(|| first("number"))
        .or_else(|| first("version"));
    if let Some(i) = digits.filter(|&i| value(i).bytes().any(|b| b.is_ascii_digit())) {
        panel.add("full_width_digits", with(i, widen_digits(&value(i))));
    }
    let version = first("version");
    if let Some(i) = version {
        if let Some(rest) = value(i).strip_prefix('V') {
            panel.add("lowercase_v", with(i, format!("v{rest}")));
        }
    }
    let extension = first("extension");
    if let Some(i) = extension {
        let upper = value(i).to_ascii_uppercase();
        if upper != value(i) {
            panel.add("uppercase_extension", with(i, upper));
        }
    }
    let spaced = texts.iter().copied().find(|&i| {
        matches!(
            comps[i],
            Component::Text {
                no_whitespace: true,
                ..
            }
        ) && value(i).chars().count() >= 2
    });
    if let Some(i) = spaced {
        panel.add("whitespace", with(i, insert_middle(&value(i), ' ')));
    }

    // Plain mistakes.
    let dictionary = comps
        .iter()
        .rposition(|c| matches!(c, Component::Dictionary { .. }));
    if let Some(i) = dictionary {
        let entries = dictionary_entries(&comps[i], org);
        let known = |v: &str| {
            entries
                .iter()
                .any(|e| e.value == v || e.aliases.iter().any(|a| a == v))
        };
        let unknown = ["其他", "未知", "其它", "XX"]
            .into_iter()
            .map(String::from)
            .chain(std::iter::once(format!("{}X", value(i))))
            .find(|v| !known(v));
        if let Some(v) = unknown {
            panel.add("unknown_value", with(i, v));
        }
    }
    let required = texts
        .iter()
        .copied()
        .find(|&i| !comps[i].is_optional())
        .or_else(|| (0..comps.len()).find(|&i| comps[i].id().is_some() && !comps[i].is_optional()));
    if let Some(i) = required {
        panel.add("missing_value", with(i, String::new()));
    }
    if let Some(&i) = texts.first() {
        if let Component::Text {
            min_len, max_len, ..
        } = &comps[i]
        {
            let pool = planner.text_chars(&comps[i]);
            let v = value(i);
            // The text at another length: cut, or lengthened with pool characters.
            let resized = |len: usize| -> Option<String> {
                (len <= MAX_SAMPLE_LEN && !pool.is_empty()).then(|| {
                    let pad = len.saturating_sub(v.chars().count());
                    v.chars()
                        .chain(pool.iter().copied().cycle().take(pad))
                        .take(len)
                        .collect()
                })
            };
            let (min, max) = (*min_len as usize, *max_len as usize);
            let rest = base.name.chars().count() - v.chars().count();
            if min >= 2 {
                panel.add_some("too_short", resized(min - 1).map(|t| with(i, t)));
            }
            panel.add_some(
                "too_long",
                resized(max.saturating_add(1)).map(|t| with(i, t)),
            );
            // The whole name's limits, with the text itself within its own.
            if let Some(len) = scheme
                .rules
                .max_len
                .map(|m| (m as usize).saturating_add(1).saturating_sub(rest))
                .filter(|len| (min.max(1)..=max).contains(len))
            {
                panel.add_some("name_too_long", resized(len).map(|t| with(i, t)));
            }
            if let Some(len) = scheme
                .rules
                .min_len
                .and_then(|m| (m as usize).checked_sub(rest + 1))
                .filter(|len| (min.max(1)..=max).contains(len))
            {
                panel.add_some("name_too_short", resized(len).map(|t| with(i, t)));
            }
        }
    }
    let forbidding = texts.iter().copied().find_map(|i| match &comps[i] {
        Component::Text {
            forbidden_chars, ..
        } => {
            let usable =
                |c: &char| !c.is_whitespace() && !lit_has(*c) && forbidden_chars.contains(*c);
            ['_', '/', '\\']
                .into_iter()
                .find(usable)
                .or_else(|| forbidden_chars.chars().find(usable))
                .map(|c| (i, c))
        }
        _ => None,
    });
    if let Some((i, c)) = forbidding {
        panel.add("forbidden_char", with(i, insert_middle(&value(i), c)));
    }
    let word = scheme.rules.forbidden_words.iter().find(|w| !w.is_empty());
    if let (Some(word), Some(&i)) = (word, texts.first()) {
        panel.add("forbidden_word", with(i, format!("{}{word}", value(i))));
    }
    if let Some(i) = version {
        panel.add("bad_version", with(i, "V2".into()));
    }
    if let Some(i) = first("date") {
        panel.add("bad_date", with(i, "20230229".into()));
    }
    if let Some(i) = extension {
        if let Component::Extension { values: exts, .. } = &comps[i] {
            let bad = ["exe", "tmp", "zzz"]
                .into_iter()
                .find(|b| !exts.iter().any(|e| e.eq_ignore_ascii_case(b)));
            if let Some(b) = bad {
                panel.add("bad_extension", with(i, b.into()));
            }
        }
    }
    panel.out
}

/// `c` inserted in the middle of `s` (after the first half, rounded up).
fn insert_middle(s: &str, c: char) -> String {
    let n = s.chars().count();
    let mut out: String = s.chars().take(n.div_ceil(2)).collect();
    out.push(c);
    out.extend(s.chars().skip(n.div_ceil(2)));
    out
}

/// An alias to show: of a dictionary value in the base name if it has one, else the first
/// alias of the first dictionary that has any.
fn alias_example(scheme: &NamingScheme, org: &Org, base: &Built) -> Option<(usize, String)> {
    let dictionaries: Vec<(usize, Vec<DictEntry>)> = scheme
        .components
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Component::Dictionary { .. }))
        .map(|(i, c)| (i, dictionary_entries(c, org)))
        .collect();
    let own = dictionaries.iter().find_map(|(i, entries)| {
        let v = base.values[*i].as_deref()?;
        let e = entries.iter().find(|e| e.value == v)?;
        e.aliases.first().map(|a| (*i, a.clone()))
    });
    own.or_else(|| {
        dictionaries.iter().find_map(|(i, entries)| {
            entries
                .iter()
                .find_map(|e| e.aliases.first())
                .map(|a| (*i, a.clone()))
        })
    })
}

/// The panel being built: every name checked once.
struct Panel<'a> {
    compiled: &'a Compiled,
    seen: BTreeSet<String>,
    out: Vec<Example>,
}

impl Panel<'_> {
    /// [`Panel::add`] when there is a name.
    fn add_some(&mut self, kind: &'static str, name: Option<String>) {
        if let Some(name) = name {
            self.add(kind, name);
        }
    }

    /// Adds `name` if it is new and its verdict fits `kind`: valid names must pass,
    /// near-misses must not.
    fn add(&mut self, kind: &'static str, name: String) {
        if self.seen.contains(&name) {
            return;
        }
        let check = self.compiled.check(&name);
        if check.ok != (kind == "valid") {
            return;
        }
        let mut codes: Vec<&'static str> = Vec::new();
        for v in &check.violations {
            if !codes.contains(&v.code) {
                codes.push(v.code);
            }
        }
        self.seen.insert(name.clone());
        self.out.push(Example {
            name,
            ok: check.ok,
            kind,
            suggestion: check.suggestion,
            codes,
        });
    }
}
