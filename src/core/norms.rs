//! The usage code's facts as structured data: the numbers it sets (reply times, quiet
//! hours, retention, lock timeout), which channel serves which situation, the secrecy
//! levels of files and the permission levels of documents.
//!
//! The clause text says these things to people; this says them to the program, so that
//! quiz answers ([`crate::core::quiz::generate`]) are computed from data, never typed by
//! hand. Every item names the clause it comes from, and [`consistency`] reports a number
//! that its clause does not state, so the quiz and the document cannot disagree in silence.
//!
//! A workspace file written before norms existed loads with empty norms; the numbers,
//! channels and documents topics then simply have no generated questions (working hours
//! still come from the working calendar).

use serde::{Deserialize, Serialize};

use super::bundle::{parse_hhmm, Bundle};
use super::lang::Lang;

/// The usage code's facts, each list in the document's order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Norms {
    /// Durations and times: reply times, quiet hours, retention, lock timeout.
    #[serde(default)]
    pub numbers: Vec<NumberNorm>,
    /// Communication channels and the situations each is for.
    #[serde(default)]
    pub channels: Vec<ChannelNorm>,
    /// Secrecy levels of files, from the least to the most secret.
    #[serde(default)]
    pub classifications: Vec<ClassLevel>,
    /// Document permission levels, from the most to the least access (as the clause
    /// lists them).
    #[serde(default)]
    pub permissions: Vec<PermissionLevel>,
}

impl Norms {
    /// True when no list has anything in it.
    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
            && self.channels.is_empty()
            && self.classifications.is_empty()
            && self.permissions.is_empty()
    }
}

/// A number the usage code sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberNorm {
    pub id: String,
    /// What is measured, in the document's language (`工作时间内重要消息的回复时限`).
    pub label: String,
    pub value: Quantity,
    /// The clause that states it.
    pub clause: String,
}

/// A duration or a daily time range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// A whole number of units (`30` minutes, `1` working day).
    Duration { amount: u32, unit: Unit },
    /// From one clock time to another, `HH:MM`; a range whose end is earlier than its
    /// start runs overnight (`21:00` to `07:00`).
    TimeRange { from: String, to: String },
}

/// The unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Minutes,
    Hours,
    WorkingDays,
    Days,
    Months,
    Years,
}

impl Unit {
    /// Every unit, shortest first.
    pub const ALL: [Unit; 6] = [
        Unit::Minutes,
        Unit::Hours,
        Unit::WorkingDays,
        Unit::Days,
        Unit::Months,
        Unit::Years,
    ];

    /// About how many minutes one unit lasts, for putting durations in order only (a
    /// working day counts as 9 hours, a month as 30 days).
    pub fn approx_minutes(self) -> u64 {
        match self {
            Unit::Minutes => 1,
            Unit::Hours => 60,
            Unit::WorkingDays => 9 * 60,
            Unit::Days => 24 * 60,
            Unit::Months => 30 * 24 * 60,
            Unit::Years => 365 * 24 * 60,
        }
    }

    /// `amount` of this unit in words: `30 分钟`, `1 个工作日`, `1 working day`,
    /// `6 months`.
    pub fn amount_text(self, amount: u32, lang: Lang) -> String {
        match lang {
            Lang::Zh => {
                let unit = match self {
                    Unit::Minutes => "分钟",
                    Unit::Hours => "小时",
                    Unit::WorkingDays => "个工作日",
                    Unit::Days => "天",
                    Unit::Months => "个月",
                    Unit::Years => "年",
                };
                format!("{amount} {unit}")
            }
            Lang::En => {
                let (one, many) = match self {
                    Unit::Minutes => ("minute", "minutes"),
                    Unit::Hours => ("hour", "hours"),
                    Unit::WorkingDays => ("working day", "working days"),
                    Unit::Days => ("day", "days"),
                    Unit::Months => ("month", "months"),
                    Unit::Years => ("year", "years"),
                };
                format!("{amount} {}", if amount == 1 { one } else { many })
            }
        }
    }
}

impl Quantity {
    /// The quantity in words: `30 分钟`, `1 working day`, `21:00–07:00`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Quantity::Duration { amount, unit } => unit.amount_text(*amount, lang),
            Quantity::TimeRange { from, to } => format!("{from}–{to}"),
        }
    }
}

/// A communication channel and what it is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelNorm {
    pub id: String,
    /// `私聊`, `Announcement`.
    pub name: String,
    /// The situations this channel is the one for; a situation belongs to one channel.
    #[serde(default)]
    pub situations: Vec<String>,
    /// How urgent the matters it carries are, in words (`高`, `Medium to low`).
    #[serde(default)]
    pub urgency: String,
    pub clause: String,
}

/// A secrecy level of files (公开, 内部, 机密, 绝密).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassLevel {
    pub id: String,
    pub name: String,
    /// Kinds of documents at this level; each belongs to one level.
    #[serde(default)]
    pub examples: Vec<String>,
    pub clause: String,
}

/// A document permission level (完全控制, 可编辑, 只读, 禁止访问).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PermissionLevel {
    pub id: String,
    pub name: String,
    /// What it allows (`查看`, `编辑`, `下载`…); empty for no access.
    #[serde(default)]
    pub actions: Vec<String>,
    /// Who typically gets it; each holder belongs to one level.
    #[serde(default)]
    pub holders: Vec<String>,
    pub clause: String,
}

/// Something about the norms that a quiz would get wrong or could not ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormNote {
    /// `not_in_clause` (a number its clause does not state: params `norm`, `clause`,
    /// `missing`), `unknown_clause` (params `norm`, `clause`), `shared_situation` (a
    /// situation listed under two channels: `situation`, `first`, `second`),
    /// `shared_example` (a document kind under two levels: `example`, `first`, `second`),
    /// `shared_holder` (a holder under two permission levels: `holder`, `first`, `second`).
    pub code: &'static str,
    /// JSON path of the item, such as `$.norms.numbers[2]`.
    pub path: String,
    pub params: Vec<(&'static str, String)>,
}

impl NormNote {
    /// A message parameter, or `""`.
    pub fn param(&self, key: &str) -> &str {
        crate::core::report::param(&self.params, key)
    }

    /// The note as a sentence.
    pub fn message(&self, lang: Lang) -> String {
        let p = |k| self.param(k);
        match (self.code, lang) {
            ("not_in_clause", Lang::Zh) => format!(
                "“{}”的取值 {} 未出现在所引条款 {} 中，测验与规范可能不一致",
                p("norm"),
                p("missing"),
                p("clause")
            ),
            ("not_in_clause", Lang::En) => format!(
                "`{}`: {} does not appear in its clause `{}`, so the quiz and the document may disagree",
                p("norm"),
                p("missing"),
                p("clause")
            ),
            ("unknown_clause", Lang::Zh) => {
                format!("“{}”引用的条款 {} 不存在", p("norm"), p("clause"))
            }
            ("unknown_clause", Lang::En) => {
                format!("`{}` cites the clause `{}`, which does not exist", p("norm"), p("clause"))
            }
            ("shared_situation", Lang::Zh) => format!(
                "情形“{}”同时列在渠道 {} 和 {} 下，无法据此出题",
                p("situation"),
                p("first"),
                p("second")
            ),
            ("shared_situation", Lang::En) => format!(
                "the situation “{}” is listed under both `{}` and `{}`, so no question asks about it",
                p("situation"),
                p("first"),
                p("second")
            ),
            ("shared_example", Lang::Zh) => format!(
                "文件“{}”同时列在密级 {} 和 {} 下，无法据此出题",
                p("example"),
                p("first"),
                p("second")
            ),
            ("shared_example", Lang::En) => format!(
                "the document “{}” is listed under both `{}` and `{}`, so no question asks about it",
                p("example"),
                p("first"),
                p("second")
            ),
            ("shared_holder", Lang::Zh) => format!(
                "“{}”同时列在权限 {} 和 {} 下，无法据此出题",
                p("holder"),
                p("first"),
                p("second")
            ),
            ("shared_holder", Lang::En) => format!(
                "“{}” is listed under both `{}` and `{}`, so no question asks about it",
                p("holder"),
                p("first"),
                p("second")
            ),
            (other, _) => other.to_string(),
        }
    }
}

/// Checks the norms against the usage code's text and against themselves:
///
/// - a number norm whose amount (or, for a time range, either time) does not appear in its
///   cited clause's title or text. Amounts are looked for as numbers of their own (`30`
///   is not found in `300` or `1.30`), times as `HH:MM` or `H:MM` (`07:00` or `7:00`);
/// - a number norm citing a clause that does not exist;
/// - a situation listed under two channels, a document kind under two secrecy levels, a
///   holder under two permission levels (each such item is left out of the questions).
///
/// Empty for the starter, in both languages.
pub fn consistency(bundle: &Bundle) -> Vec<NormNote> {
    let mut out = Vec::new();
    for (i, n) in bundle.norms.numbers.iter().enumerate() {
        let path = format!("$.norms.numbers[{i}]");
        let Some(clause) = bundle.policy.clause(&n.clause) else {
            out.push(NormNote {
                code: "unknown_clause",
                path,
                params: vec![("norm", n.id.clone()), ("clause", n.clause.clone())],
            });
            continue;
        };
        let text = format!("{}\n{}", clause.title, clause.body);
        let missing: Vec<String> = match &n.value {
            Quantity::Duration { amount, .. } => (!contains_number(&text, *amount))
                .then(|| amount.to_string())
                .into_iter()
                .collect(),
            Quantity::TimeRange { from, to } => [from, to]
                .into_iter()
                .filter(|t| !contains_time(&text, t))
                .cloned()
                .collect(),
        };
        if !missing.is_empty() {
            out.push(NormNote {
                code: "not_in_clause",
                path,
                params: vec![
                    ("norm", n.id.clone()),
                    ("clause", n.clause.clone()),
                    ("missing", missing.join(", ")),
                ],
            });
        }
    }
    let norms = &bundle.norms;
    shared(
        &mut out,
        "shared_situation",
        "situation",
        "channels",
        norms
            .channels
            .iter()
            .map(|c| (c.id.as_str(), c.situations.as_slice())),
    );
    shared(
        &mut out,
        "shared_example",
        "example",
        "classifications",
        norms
            .classifications
            .iter()
            .map(|c| (c.id.as_str(), c.examples.as_slice())),
    );
    shared(
        &mut out,
        "shared_holder",
        "holder",
        "permissions",
        norms
            .permissions
            .iter()
            .map(|p| (p.id.as_str(), p.holders.as_slice())),
    );
    out
}

/// Notes every text (compared without surrounding spaces) that appears under a second item
/// of a list, once per text.
fn shared<'a>(
    out: &mut Vec<NormNote>,
    code: &'static str,
    key: &'static str,
    list: &str,
    items: impl Iterator<Item = (&'a str, &'a [String])>,
) {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let mut noted: Vec<&str> = Vec::new();
    for (i, (id, texts)) in items.enumerate() {
        for text in texts {
            let t = text.trim();
            match seen.iter().find(|(s, _)| *s == t) {
                Some((_, first)) if *first != id && !noted.contains(&t) => {
                    noted.push(t);
                    out.push(NormNote {
                        code,
                        path: format!("$.norms.{list}[{i}]"),
                        params: vec![
                            (key, t.to_string()),
                            ("first", first.to_string()),
                            ("second", id.to_string()),
                        ],
                    });
                }
                Some(_) => {}
                None => seen.push((t, id)),
            }
        }
    }
}

/// Texts listed under two items of a list (compared without surrounding spaces): the
/// generator asks no question about them.
pub fn ambiguous<'a>(items: impl Iterator<Item = &'a [String]>) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    for texts in items {
        let mut own: Vec<&str> = Vec::new();
        for t in texts.iter().map(|t| t.trim()) {
            if own.contains(&t) {
                continue;
            }
            own.push(t);
            if seen.contains(&t) {
                if !out.iter().any(|o| o == t) {
                    out.push(t.to_string());
                }
            } else {
                seen.push(t);
            }
        }
    }
    out
}

/// True when `n` appears in `text` as a number of its own: not preceded or followed by a
/// digit, nor by a decimal point that continues it.
pub fn contains_number(text: &str, n: u32) -> bool {
    let needle = n.to_string();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find(&needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = start.checked_sub(1).and_then(|i| bytes.get(i)).copied();
        let after = bytes.get(end).copied();
        let after2 = bytes.get(end + 1).copied();
        let digit_before = before.is_some_and(|b| b.is_ascii_digit() || b == b'.');
        let digit_after = after.is_some_and(|b| b.is_ascii_digit())
            || (after == Some(b'.') && after2.is_some_and(|b| b.is_ascii_digit()));
        if !digit_before && !digit_after {
            return true;
        }
        from = start + 1;
    }
    false
}

/// True when the `HH:MM` time appears in `text`, also written without a leading zero
/// (`7:00`) or with a full-width colon (`07：00`), and not as part of a longer number.
pub fn contains_time(text: &str, time: &str) -> bool {
    let Some(minutes) = parse_hhmm(time) else {
        return false;
    };
    let (h, m) = (minutes / 60, minutes % 60);
    let forms = [
        format!("{h:02}:{m:02}"),
        format!("{h}:{m:02}"),
        format!("{h:02}：{m:02}"),
        format!("{h}：{m:02}"),
    ];
    forms.iter().any(|form| {
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(at) = text[from..].find(form.as_str()) {
            let start = from + at;
            let end = start + form.len();
            let before = start.checked_sub(1).and_then(|i| bytes.get(i));
            let after = bytes.get(end);
            if !before.is_some_and(u8::is_ascii_digit) && !after.is_some_and(u8::is_ascii_digit) {
                return true;
            }
            from = start + 1;
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_on_their_own() {
        assert!(contains_number("应在 30 分钟内回复", 30));
        assert!(contains_number("within 30 minutes.", 30));
        assert!(!contains_number("within 300 minutes", 30));
        assert!(!contains_number("at 1.30", 30));
        assert!(!contains_number("v30.5", 30));
        assert!(contains_number("30", 30));
        assert!(contains_number("1 个工作日", 1));
        assert!(!contains_number("10 个工作日", 1));
    }

    #[test]
    fn times_are_found_in_their_usual_spellings() {
        assert!(contains_time("每日 21:00-07:00（跨夜）", "21:00"));
        assert!(contains_time("每日 21:00-07:00（跨夜）", "07:00"));
        assert!(contains_time("from 9:00 to 18:00", "09:00"));
        assert!(contains_time("21：00", "21:00"));
        assert!(!contains_time("121:000", "21:00"));
        assert!(!contains_time("anything", "25:00"));
    }

    #[test]
    fn texts_under_two_items_are_ambiguous() {
        let a = vec!["x".to_string(), "y".to_string()];
        let b = vec![" y ".to_string(), "z".to_string(), "z".to_string()];
        assert_eq!(
            ambiguous([a.as_slice(), b.as_slice()].into_iter()),
            vec!["y"]
        );
    }
}
