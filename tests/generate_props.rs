//! Properties of the generator and the checker over random schemes.
//!
//! Two kinds of scheme are drawn:
//!
//! - *tame* schemes can always be satisfied, so `sample_values` must generate for every
//!   one of them. Satisfiable is not the same as compiling: a scheme compiles and still
//!   admits no name when a forbidden word is part of a literal (or of every dictionary
//!   value), when every dictionary value contains the literal that follows it, when a
//!   version is followed by the literal `.` (every version has a dot, so the name splits
//!   inside it), when the literals and values alone are longer than `max_len`, or when a
//!   required text or number may be at most 0 long. The tame strategy avoids these by
//!   construction: literals, dictionary values, extensions and forbidden words use
//!   disjoint alphabets, literals hold no digits or `V`, a `.` after a version becomes
//!   `_.`, and the length limits are drawn around what the components can actually reach;
//! - *wild* schemes are anything: broken literals, adjacent values, empty dictionaries,
//!   overlapping alphabets, tight limits. On those, nothing may panic, a generated name
//!   must pass, and the checker's suggestions must pass.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::naming::check::compile;
use policy_playground::core::naming::generate::{examples, generate, sample_values};
use policy_playground::core::naming::{
    Component, DictEntry, DictionarySource, NameRules, NamingScheme,
};
use policy_playground::core::org::{Department, Org};
use proptest::prelude::*;

/// A value component before it gets an id.
#[derive(Debug, Clone)]
enum Spec {
    Dict(Vec<(String, Vec<String>)>),
    Departments,
    Text {
        min: u32,
        max: u32,
        forbidden: String,
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

fn component(spec: &Spec, id: String, optional: bool) -> Component {
    let label = id.to_uppercase();
    match spec.clone() {
        Spec::Dict(entries) => Component::Dictionary {
            id,
            label,
            optional,
            source: DictionarySource::Values(
                entries
                    .into_iter()
                    .map(|(value, aliases)| DictEntry { value, aliases })
                    .collect(),
            ),
        },
        Spec::Departments => Component::Dictionary {
            id,
            label,
            optional,
            source: DictionarySource::Departments,
        },
        Spec::Text {
            min,
            max,
            forbidden,
            no_whitespace,
        } => Component::Text {
            id,
            label,
            optional,
            min_len: min,
            max_len: max,
            forbidden_chars: forbidden,
            no_whitespace,
        },
        Spec::Version => Component::Version {
            id,
            label,
            optional,
        },
        Spec::Date => Component::Date {
            id,
            label,
            optional,
        },
        Spec::Number { min, max } => Component::Number {
            id,
            label,
            optional,
            min_digits: min,
            max_digits: max,
        },
        Spec::Extension(values) => Component::Extension {
            id,
            label,
            optional,
            values,
        },
    }
}

fn org(departments: Vec<(String, Vec<String>)>) -> Org {
    Org {
        departments: departments
            .into_iter()
            .enumerate()
            .map(|(i, (name, aliases))| Department {
                id: format!("d{i}"),
                name,
                aliases,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// Value components joined by literals: `lead? v0 l1 v1 … trail?`; a `None` literal leaves
/// two values adjacent (wild schemes only).
fn scheme(
    values: &[(Spec, bool)],
    literals: &[Option<String>],
    lead: bool,
    trail: bool,
    rules: NameRules,
) -> NamingScheme {
    let lit = |k: usize| {
        literals[k % literals.len()]
            .clone()
            .map(|text| Component::Literal { text })
    };
    let mut components = Vec::new();
    if lead {
        components.extend(lit(0));
    }
    for (k, (spec, optional)) in values.iter().enumerate() {
        if k > 0 {
            components.extend(lit(k));
        }
        components.push(component(spec, format!("c{k}"), *optional));
    }
    if trail {
        components.extend(lit(values.len()));
    }
    NamingScheme {
        id: "random".into(),
        name: "Random".into(),
        components,
        rules,
        ..Default::default()
    }
}

// ---- tame schemes -------------------------------------------------------------------

const TAME_DICT: &str = "[甲乙丙丁部门ABC]{1,4}";
const TAME_WORD: &str = "[闲聊八卦升级ERP项目]{1,3}";

fn tame_entries() -> impl Strategy<Value = Vec<(String, Vec<String>)>> {
    prop::collection::vec((TAME_DICT, prop::collection::vec(TAME_DICT, 0..3)), 1..4)
}

fn tame_spec() -> impl Strategy<Value = Spec> {
    prop_oneof![
        tame_entries().prop_map(Spec::Dict),
        Just(Spec::Departments),
        (0u32..5, 0u32..8, "[【】\\-_/.A甲 ]{0,4}", any::<bool>()).prop_map(
            |(min, extra, forbidden, no_whitespace)| Spec::Text {
                min,
                max: min.max(1) + extra,
                forbidden,
                no_whitespace,
            }
        ),
        Just(Spec::Version),
        Just(Spec::Date),
        (0u32..4, 0u32..4).prop_map(|(min, extra)| Spec::Number {
            min,
            max: min.max(1) + extra
        }),
        prop::collection::vec(
            prop::sample::select(vec!["docx", "pdf", "xlsx", "txt", "md"]),
            1..4
        )
        .prop_map(|v| Spec::Extension(v.into_iter().map(String::from).collect())),
    ]
}

fn tame_literal() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "【", "】", "-", "_", ".", "(", ")", "#", "~", "群", "文", " ", "】-【",
        ]),
        1..3,
    )
    .prop_map(|v| v.concat())
}

/// The shortest and longest a sample value of this spec can be, and how far it can grow.
fn reach(spec: &Spec, org: &Org) -> (usize, usize, usize) {
    let lens = |v: Vec<usize>| {
        (
            v.iter().copied().min().unwrap_or(0),
            v.iter().copied().max().unwrap_or(0),
        )
    };
    match spec {
        Spec::Dict(entries) => {
            let (lo, hi) = lens(entries.iter().map(|(v, _)| v.chars().count()).collect());
            (lo, hi, 0)
        }
        Spec::Departments => {
            let (lo, hi) = lens(
                org.departments
                    .iter()
                    .map(|d| d.name.chars().count())
                    .collect(),
            );
            (lo, hi, 0)
        }
        Spec::Text { min, max, .. } => {
            let lo = (*min).max(1) as usize;
            (lo, lo, *max as usize - lo)
        }
        Spec::Version => (4, 4, 0),
        Spec::Date => (8, 8, 0),
        Spec::Number { min, max } => {
            let lo = (*min).max(1) as usize;
            (lo, lo, *max as usize - lo)
        }
        Spec::Extension(values) => {
            let (lo, hi) = lens(values.iter().map(|v| v.chars().count()).collect());
            (lo, hi, 0)
        }
    }
}

fn tame_scheme() -> impl Strategy<Value = (NamingScheme, Org)> {
    (
        prop::collection::vec((tame_spec(), prop::bool::weighted(0.3)), 1..=5),
        prop::collection::vec(tame_literal(), 6),
        any::<bool>(),
        any::<bool>(),
        tame_entries(),
        prop::collection::vec(TAME_WORD, 0..3),
    )
        .prop_flat_map(|(values, mut literals, lead, trail, depts, words)| {
            // Every version has a dot: a lone `.` after one would split the name inside it.
            for (k, (spec, _)) in values.iter().enumerate() {
                if matches!(spec, Spec::Version) && literals[(k + 1) % 6] == "." {
                    literals[(k + 1) % 6] = "_.".into();
                }
            }
            let org = org(depts);
            let literals: Vec<Option<String>> = literals.into_iter().map(Some).collect();
            let probe = scheme(&values, &literals, lead, trail, NameRules::default());
            let fixed: usize = probe
                .components
                .iter()
                .filter_map(|c| match c {
                    Component::Literal { text } => Some(text.chars().count()),
                    _ => None,
                })
                .sum();
            let (mut low, mut high, mut growth) = (fixed, fixed, 0);
            for (spec, _) in &values {
                let (lo, hi, grow) = reach(spec, &org);
                low += lo;
                high += hi;
                growth += grow;
            }
            let max_len = prop::option::of((0..10usize).prop_map(move |slack| high + slack));
            (
                Just((probe, org)),
                max_len,
                prop::option::of(0..=low + growth),
                Just(words),
            )
        })
        .prop_map(|((mut scheme, org), max_len, min_len, words)| {
            scheme.rules = NameRules {
                max_len: max_len.map(|m| m as u32),
                min_len: min_len.map(|m| m.min(max_len.unwrap_or(usize::MAX)) as u32),
                forbidden_words: words,
            };
            (scheme, org)
        })
}

/// Draws from `seeds`, cycling, so a value depends only on the seeds.
struct Draw<'a> {
    seeds: &'a [u32],
    at: usize,
}

impl Draw<'_> {
    fn below(&mut self, n: usize) -> usize {
        let s = self.seeds[self.at % self.seeds.len()];
        self.at += 1;
        if n == 0 {
            0
        } else {
            s as usize % n
        }
    }

    fn coin(&mut self) -> bool {
        self.below(2) == 0
    }
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn widen(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            other => other,
        })
        .collect()
}

/// A value a user could type for `c` that is valid once normalised (never one that
/// contains a literal character, which could split the name in the wrong place).
fn valid_value(c: &Component, org: &Org, literal_chars: &str, d: &mut Draw) -> String {
    if c.is_optional() && d.below(4) == 0 {
        return String::new();
    }
    let pad = |s: String, d: &mut Draw| {
        if d.below(4) == 0 {
            format!(" {s} ")
        } else {
            s
        }
    };
    match c {
        Component::Literal { .. } => String::new(),
        Component::Dictionary { source, .. } => {
            let entries = source.entries(org);
            let e = &entries[d.below(entries.len())];
            let v = if !e.aliases.is_empty() && d.coin() {
                e.aliases[d.below(e.aliases.len())].clone()
            } else {
                e.value.clone()
            };
            pad(v, d)
        }
        Component::Text {
            min_len,
            max_len,
            forbidden_chars,
            no_whitespace,
            ..
        } => {
            let alphabet: Vec<char> = "项目ERP升级XYZ示例"
                .chars()
                .filter(|ch| !forbidden_chars.contains(*ch) && !literal_chars.contains(*ch))
                .collect();
            let lo = (*min_len).max(1) as usize;
            let n = lo + d.below(*max_len as usize - lo + 1);
            if alphabet.is_empty() {
                return String::new();
            }
            let mut s: Vec<char> = (0..n).map(|_| alphabet[d.below(alphabet.len())]).collect();
            // A space inside, where spaces are allowed and separate nothing.
            let spaces_ok =
                !no_whitespace && !forbidden_chars.contains(' ') && !literal_chars.contains(' ');
            if spaces_ok && n >= 3 && d.coin() {
                s[1] = ' ';
            }
            pad(s.into_iter().collect(), d)
        }
        Component::Version { .. } => {
            let v = format!("{}.{}", d.below(30), d.below(30));
            match d.below(4) {
                0 => format!("v{v}"),
                1 => v,
                2 => widen(&format!("V{v}")),
                _ => format!("V{v}"),
            }
        }
        Component::Date { .. } => {
            let y = 1900 + d.below(200) as u32;
            let m = 1 + d.below(12) as u32;
            let day = 1 + d.below(days_in(y, m) as usize) as u32;
            match d.below(4) {
                0 => format!("{y}-{m:02}-{day:02}"),
                1 => format!("{y}/{m}/{day}"),
                2 => widen(&format!("{y}{m:02}{day:02}")),
                _ => format!("{y}{m:02}{day:02}"),
            }
        }
        Component::Number {
            min_digits,
            max_digits,
            ..
        } => {
            let lo = (*min_digits).max(1) as usize;
            let n = lo + d.below(*max_digits as usize - lo + 1);
            let s: String = (0..n)
                .map(|_| char::from(b'0' + d.below(10) as u8))
                .collect();
            if d.coin() {
                widen(&s)
            } else {
                s
            }
        }
        Component::Extension { values, .. } => {
            let v = values[d.below(values.len())].clone();
            match d.below(3) {
                0 => format!(".{v}"),
                1 => v.to_uppercase(),
                _ => v,
            }
        }
    }
}

fn literal_chars(scheme: &NamingScheme) -> String {
    scheme
        .components
        .iter()
        .filter_map(|c| match c {
            Component::Literal { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

// ---- wild schemes -------------------------------------------------------------------

fn wild_spec() -> impl Strategy<Value = Spec> {
    let entry = (
        "[【】\\-_.甲乙A0-9]{0,4}",
        prop::collection::vec("[【】\\-_.甲乙A0-9]{0,4}", 0..3),
    );
    // Lists are now and then empty, which must not compile.
    let entries = prop_oneof![9 => prop::collection::vec(entry, 1..4), 1 => Just(Vec::new())];
    prop_oneof![
        entries.prop_map(Spec::Dict),
        Just(Spec::Departments),
        // Mostly min <= max; sometimes not, which must not compile.
        (0u32..6, -1i32..7, "[【】\\-_/.A甲 0-9]{0,4}", any::<bool>()).prop_map(
            |(min, extra, forbidden, no_whitespace)| Spec::Text {
                min,
                max: min.saturating_add_signed(extra),
                forbidden,
                no_whitespace,
            }
        ),
        Just(Spec::Version),
        Just(Spec::Date),
        (0u32..5, -1i32..4).prop_map(|(min, extra)| Spec::Number {
            min,
            max: min.saturating_add_signed(extra)
        }),
        prop_oneof![
            9 => prop::collection::vec("[a-zA-Z.]{0,4}", 1..3),
            1 => Just(Vec::new())
        ]
        .prop_map(Spec::Extension),
    ]
}

fn wild_scheme() -> impl Strategy<Value = (NamingScheme, Org)> {
    (
        prop::collection::vec((wild_spec(), any::<bool>()), 1..=5),
        prop::collection::vec(
            prop::option::weighted(
                0.95,
                "[【】\\-_.V0-9a-z甲 ]{1,3}|[【】\\-_.V0-9a-z甲 ]{0,3}",
            ),
            6,
        ),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            9 => prop::collection::vec(
                ("[甲乙A\\-_.0-9]{0,3}", prop::collection::vec("[甲乙A]{1,3}", 0..2)),
                1..3,
            ),
            1 => Just(Vec::new())
        ],
        prop::option::of(0u32..40),
        prop::option::of(5u32..60),
        prop::collection::vec("[甲乙A_\\-0-9.]{0,2}", 0..3),
    )
        .prop_map(
            |(values, literals, lead, trail, depts, min_len, max_len, words)| {
                let rules = NameRules {
                    min_len,
                    max_len,
                    forbidden_words: words,
                };
                (scheme(&values, &literals, lead, trail, rules), org(depts))
            },
        )
}

/// For each component, either a plausible value (a dictionary value or alias, a version,
/// a date in some spelling, digits, an extension) or junk.
fn wild_value(c: &Component, org: &Org, junk: &str, d: &mut Draw) -> String {
    if d.below(5) == 0 {
        return junk.to_string();
    }
    match c {
        Component::Dictionary { source, .. } => {
            let entries = source.entries(org);
            if entries.is_empty() {
                return junk.to_string();
            }
            let e = &entries[d.below(entries.len())];
            if !e.aliases.is_empty() && d.coin() {
                e.aliases[d.below(e.aliases.len())].clone()
            } else {
                e.value.clone()
            }
        }
        Component::Extension { values, .. } if !values.is_empty() => {
            values[d.below(values.len())].clone()
        }
        Component::Version { .. } => ["V1.0", "v2.1", "V2", "3.4"][d.below(4)].into(),
        Component::Date { .. } => {
            ["20240520", "2024-05-20", "20230229", "2024/5/1"][d.below(4)].into()
        }
        Component::Number { max_digits, .. } => "1".repeat(d.below(*max_digits as usize + 2)),
        _ => junk.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every tame scheme compiles and its sample values generate a name that passes.
    #[test]
    fn samples_generate_for_every_satisfiable_scheme((scheme, org) in tame_scheme()) {
        let compiled = compile(&scheme, &org)
            .map_err(|e| TestCaseError::fail(format!("tame scheme does not compile: {e:?}")))?;
        let values = sample_values(&scheme, &org);
        match generate(&scheme, &org, &values) {
            Ok(name) => {
                let check = compiled.check(&name);
                prop_assert!(check.ok, "{name:?}: {:?}", check.violations);
            }
            Err(e) => prop_assert!(false, "{values:?} gives {e:?}"),
        }
        // The reference panel starts with valid names and agrees with the checker.
        let list = examples(&scheme, &org);
        prop_assert!(list.first().is_some_and(|e| e.ok), "{list:?}");
    }

    /// Values that are valid for their components (as typed: aliases, `v`, dates with
    /// dashes, full-width digits, `.EXT`, surrounding spaces) generate a passing name, or
    /// fail only on whole-name rules.
    #[test]
    fn valid_values_generate((scheme, org) in tame_scheme(), seeds in prop::collection::vec(any::<u32>(), 1..40)) {
        let lits = literal_chars(&scheme);
        let mut d = Draw { seeds: &seeds, at: 0 };
        let values: Vec<(String, String)> = scheme
            .components
            .iter()
            .filter_map(|c| c.id().map(|id| (id.to_string(), valid_value(c, &org, &lits, &mut d))))
            .collect();
        match generate(&scheme, &org, &values) {
            Ok(name) => {
                let c = compile(&scheme, &org).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                prop_assert!(c.check(&name).ok, "{name:?} from {values:?}");
            }
            Err(errors) => {
                for e in &errors {
                    prop_assert!(
                        e.component.is_none() || e.code == "forbidden_word",
                        "{values:?}: {errors:?}"
                    );
                    // `empty`: every component optional and left empty, and no literal.
                    prop_assert!(
                        matches!(e.code, "name_too_long" | "name_too_short" | "forbidden_word" | "empty"),
                        "{values:?}: {errors:?}"
                    );
                }
            }
        }
    }

    /// Anything in, a name out only if it passes; a scheme that does not compile gives
    /// only `scheme` errors; a name the checker accepts as typed is generated unchanged
    /// (unless a value swallowed a separator, which only looks right).
    #[test]
    fn generated_names_always_pass(
        (scheme, org) in wild_scheme(),
        seeds in prop::collection::vec(any::<u32>(), 1..40),
        junk in prop::collection::vec("[甲乙A_\\-.0-9【】Vv]{0,6}|(?s).{0,6}", 6),
    ) {
        let mut d = Draw { seeds: &seeds, at: 0 };
        let values: Vec<(String, String)> = scheme
            .components
            .iter()
            .filter_map(|c| c.id().map(|id| (id, c)))
            .enumerate()
            .map(|(k, (id, c))| (id.to_string(), wild_value(c, &org, &junk[k % junk.len()], &mut d)))
            .collect();
        let got = generate(&scheme, &org, &values);
        match compile(&scheme, &org) {
            Err(_) => {
                let errors = got.err().unwrap_or_default();
                prop_assert!(!errors.is_empty() && errors.iter().all(|e| e.code == "scheme"));
            }
            Ok(c) => {
                if let Ok(name) = &got {
                    prop_assert!(c.check(name).ok, "{name:?} from {values:?}");
                }
                let clean = values.iter().all(|(_, v)| v.trim() == v && !v.chars().any(|ch| ('０'..='９').contains(&ch)));
                let naive: String = scheme
                    .components
                    .iter()
                    .map(|comp| match comp {
                        Component::Literal { text } => text.clone(),
                        other => values
                            .iter()
                            .find(|(k, _)| Some(k.as_str()) == other.id())
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default(),
                    })
                    .collect();
                if clean && c.check(&naive).ok {
                    match &got {
                        Ok(name) => prop_assert_eq!(name, &naive),
                        Err(errors) => prop_assert!(
                            errors.iter().any(|e| e.code == "contains_separator"),
                            "{naive:?} passes but {values:?} gives {errors:?}"
                        ),
                    }
                }
            }
        }
    }

    /// Samples and examples never panic, and every example is the checker's verdict.
    #[test]
    fn examples_agree_with_the_checker((scheme, org) in wild_scheme()) {
        let _ = sample_values(&scheme, &org);
        let list = examples(&scheme, &org);
        if let Ok(c) = compile(&scheme, &org) {
            for e in &list {
                let check = c.check(&e.name);
                prop_assert_eq!(e.ok, check.ok);
                prop_assert_eq!(e.ok, e.kind == "valid");
                prop_assert_eq!(&e.suggestion, &check.suggestion);
                if let Some(s) = &e.suggestion {
                    prop_assert!(c.check(s).ok, "{e:?}: suggestion fails");
                }
            }
        } else {
            prop_assert!(list.is_empty());
        }
    }

    /// Arbitrary text against random schemes: no panic, spans inside the name, and a
    /// suggestion (if any) passes.
    #[test]
    fn checking_random_schemes_never_panics(
        (scheme, org) in wild_scheme(),
        names in prop::collection::vec("(?s).{0,40}|[【】\\[\\]\\-—_. V0-9a-z甲乙A]{0,30}", 4),
    ) {
        let Ok(c) = compile(&scheme, &org) else { return Ok(()) };
        // Names built from the scheme's own literals reach deeper than random text.
        let lits = literal_chars(&scheme);
        let mut all = names.clone();
        all.extend(names.iter().map(|n| format!("{lits}{n}{lits}")));
        for n in &all {
            let r = c.check(n);
            let len = n.chars().count();
            for v in &r.violations {
                prop_assert!(v.span.0 <= v.span.1 && v.span.1 <= len, "{v:?} in {n:?}");
            }
            prop_assert_eq!(r.ok, r.violations.is_empty());
            prop_assert_eq!(c.violations(n), r.violations.clone());
            if let Some(s) = &r.suggestion {
                prop_assert!(c.check(s).ok, "suggestion {s:?} for {n:?} does not pass");
            }
        }
    }
}
