//! The naming engine's codes in words, in both languages: violations, scheme mistakes,
//! generator errors and what each component requires. The engine itself keeps stable codes
//! and parameters; the app and the document exports both word them here, so a scheme reads
//! the same on screen and in the exported policy.

use super::check::SchemeErrorKind;
use super::{Component, DictEntry, DictionarySource};
use crate::core::org::Org;
use crate::core::report::param;
use crate::core::Lang;

/// Short names of the codes (code, 中文, English), for counts and filters.
const LABELS: &[(&str, &str, &str)] = &[
    (
        "missing_literal",
        "缺少或写错固定文字",
        "Fixed text missing or wrong",
    ),
    ("unknown_value", "不在取值范围内", "Value not in the list"),
    ("alias", "使用了别称", "Alias instead of the name"),
    ("too_short", "部分过短", "Part too short"),
    ("too_long", "部分过长", "Part too long"),
    ("forbidden_char", "含禁用字符", "Forbidden character"),
    ("whitespace", "含空白", "Contains spaces"),
    ("bad_version", "版本号格式错误", "Bad version"),
    ("bad_date", "日期错误", "Bad date"),
    ("bad_number", "数字错误", "Bad number"),
    ("bad_extension", "扩展名不允许", "Extension not allowed"),
    ("missing_value", "缺少内容", "Missing value"),
    ("unexpected_text", "结尾多余内容", "Extra text at the end"),
    ("name_too_long", "名称过长", "Name too long"),
    ("name_too_short", "名称过短", "Name too short"),
    ("forbidden_word", "含禁用词", "Forbidden word"),
    ("empty", "名称为空", "Empty name"),
    ("contains_separator", "内容含分隔符", "Contains a separator"),
    ("scheme", "规则本身有误", "The scheme has mistakes"),
];

/// The words for `key` in a table of (key, 中文, English); the key itself if it is missing.
pub fn lookup(table: &[(&str, &str, &str)], key: &str, lang: Lang) -> String {
    table
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, zh, en)| if lang == Lang::Zh { zh } else { en })
        .to_string()
}

/// A short name for a violation code, for counts and filters.
pub fn code_label(code: &str, lang: Lang) -> String {
    lookup(LABELS, code, lang)
}

/// What each kind of reference example shows (kind, 中文, English).
const EXAMPLE_KINDS: &[(&str, &str, &str)] = &[
    ("valid", "合规", "compliant"),
    ("half_width_brackets", "半角括号", "half-width brackets"),
    ("no_brackets", "缺少括号", "no brackets"),
    ("other_dash", "其他破折号", "another dash"),
    (
        "full_width_underscore",
        "全角下划线",
        "full-width underscores",
    ),
    ("spaces", "多余空格", "stray spaces"),
    ("alias", "部门别称", "an alias"),
    ("full_width_digits", "全角数字", "full-width digits"),
    ("lowercase_v", "小写 v", "lower-case v"),
    ("uppercase_extension", "大写扩展名", "upper-case extension"),
    ("whitespace", "内含空格", "spaces inside"),
    ("unknown_value", "不在列表中", "not in the list"),
    ("missing_value", "缺少部分", "a part missing"),
    ("too_short", "过短", "too short"),
    ("too_long", "过长", "too long"),
    ("name_too_long", "名称过长", "name too long"),
    ("name_too_short", "名称过短", "name too short"),
    ("forbidden_char", "禁用字符", "a forbidden character"),
    ("forbidden_word", "禁用词", "a forbidden word"),
    ("bad_version", "版本号错误", "a bad version"),
    ("bad_date", "日期错误", "a bad date"),
    ("bad_extension", "扩展名错误", "a bad extension"),
];

/// What a reference example shows, in words.
pub fn example_kind(kind: &str, lang: Lang) -> String {
    lookup(EXAMPLE_KINDS, kind, lang)
}

/// One violation (or generator error) as a sentence.
pub fn code_text(code: &str, params: &[(&'static str, String)], lang: Lang) -> String {
    let p = |k| param(params, k);
    match lang {
        Lang::Zh => match code {
            "missing_literal" => format!("此处应为“{}”", p("expected")),
            "unknown_value" => format!("“{}”不在允许的取值中", p("value")),
            "alias" => format!("“{}”应写作“{}”", p("value"), p("expected")),
            "too_short" => format!("共 {} 个字符，至少需要 {} 个", p("len"), p("min")),
            "too_long" => format!("共 {} 个字符，最多 {} 个", p("len"), p("max")),
            "forbidden_char" => format!("此处不允许使用“{}”", p("char")),
            "whitespace" => "此处不允许有空格".into(),
            "bad_version" => format!("“{}”不是版本号（如 V1.0）", p("value")),
            "bad_date" => format!("“{}”不是 YYYYMMDD 格式的真实日期", p("value")),
            "bad_number" => format!("“{}”不是规定位数的数字", p("value")),
            "bad_extension" => format!("“{}”不是允许的扩展名", p("value")),
            "missing_value" => "此处缺少内容".into(),
            "unexpected_text" => format!("名称结尾多出“{}”", p("text")),
            "name_too_long" => format!("名称共 {} 个字符，最多 {} 个", p("len"), p("max")),
            "name_too_short" => format!("名称共 {} 个字符，至少需要 {} 个", p("len"), p("min")),
            "forbidden_word" => format!("名称中不得出现“{}”", p("word")),
            "empty" => "名称为空".into(),
            "contains_separator" => format!("内容含有分隔符“{}”，无法再拆分", p("separator")),
            "scheme" => "命名规则本身有误，请先修正规则".into(),
            "unknown_component" => "规则中没有这一部分".into(),
            other => other.to_string(),
        },
        Lang::En => match code {
            "contains_separator" => format!(
                "contains the separator “{}”, so the name could not be split again",
                p("separator")
            ),
            "scheme" => "the naming scheme itself has mistakes; fix it first".into(),
            "unknown_component" => "the scheme has no such part".into(),
            other => crate::core::naming::check::message(other, params),
        },
    }
}

/// A mistake in a scheme, as a sentence.
pub fn scheme_error_text(kind: &SchemeErrorKind, lang: Lang) -> String {
    match (kind, lang) {
        (SchemeErrorKind::NoComponents, Lang::Zh) => "规则还没有任何组成部分".into(),
        (SchemeErrorKind::EmptyLiteral, Lang::Zh) => "固定文字为空".into(),
        (SchemeErrorKind::EmptyDictionary, Lang::Zh) => "取值列表为空".into(),
        (SchemeErrorKind::AdjacentValues, Lang::Zh) => {
            "两个可变部分相邻，中间没有固定文字，无法区分".into()
        }
        (SchemeErrorKind::MinAboveMax { min, max }, Lang::Zh) => {
            format!("最小值 {min} 大于最大值 {max}")
        }
        (SchemeErrorKind::CannotFit { min_len, max_len }, Lang::Zh) => {
            format!("各部分至少需要 {min_len} 个字符，但名称最多只能有 {max_len} 个")
        }
        (other, Lang::En) => other.to_string(),
    }
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Dictionary values with their aliases: `研发部 (别称: 研发, R&D) / 市场部`.
pub fn entries_text(entries: impl Iterator<Item = DictEntry>, lang: Lang) -> String {
    entries
        .map(|e| {
            if e.aliases.is_empty() {
                e.value
            } else {
                let aliases = pick(lang, "别称", "aliases");
                format!("{} ({aliases}: {})", e.value, e.aliases.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The kind of a component and what it requires, in words.
pub fn component_words(c: &Component, org: &Org, lang: Lang) -> (&'static str, String) {
    let chars = pick(lang, "个字符", "characters");
    match c {
        Component::Literal { text } => (pick(lang, "固定文字", "Fixed text"), format!("“{text}”")),
        Component::Dictionary { source, .. } => {
            let listed = entries_text(source.entries(org).into_iter(), lang);
            let rule = match source {
                DictionarySource::Departments => format!(
                    "{} — {listed}",
                    pick(
                        lang,
                        "组织架构中的部门名称",
                        "Department names from the org chart"
                    )
                ),
                DictionarySource::Values(_) => listed,
            };
            (pick(lang, "词典", "Dictionary"), rule)
        }
        Component::Text {
            min_len,
            max_len,
            forbidden_chars,
            no_whitespace,
            ..
        } => {
            let mut parts = vec![format!("{min_len}–{max_len} {chars}")];
            if *no_whitespace {
                parts.push(pick(lang, "不含空白", "no spaces").to_string());
            }
            if !forbidden_chars.is_empty() {
                let listed: Vec<String> = forbidden_chars.chars().map(String::from).collect();
                let label = pick(lang, "不得包含", "must not contain");
                parts.push(format!("{label} {}", listed.join(" ")));
            }
            (pick(lang, "自由文本", "Free text"), parts.join("; "))
        }
        Component::Version { .. } => (
            pick(lang, "版本号", "Version"),
            pick(
                lang,
                "V + 主版本.次版本，如 V1.0",
                "V + major.minor, e.g. V1.0",
            )
            .to_string(),
        ),
        Component::Date { .. } => (
            pick(lang, "日期", "Date"),
            pick(
                lang,
                "YYYYMMDD，且为真实日期",
                "YYYYMMDD, a real calendar date",
            )
            .to_string(),
        ),
        Component::Number {
            min_digits,
            max_digits,
            ..
        } => (
            pick(lang, "数字", "Number"),
            format!(
                "{min_digits}–{max_digits} {}",
                pick(lang, "位数字", "digits")
            ),
        ),
        Component::Extension { values, .. } => {
            (pick(lang, "扩展名", "Extension"), values.join(" / "))
        }
    }
}
