//! Naming schemes (群名称, 文件名称) as data. The checking engine builds on these types.

pub mod check;
/// Fuzzing support (`fuzz/`, `tests/fuzz_corpus.rs`); native only, unused by the app.
#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod fuzzing;
pub mod generate;
pub mod inventory;
pub mod words;

use serde::{Deserialize, Serialize};

/// A naming scheme: an ordered list of components plus rules over the whole name.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NamingScheme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The usage-code clause that states this rule.
    #[serde(default)]
    pub clause: Option<String>,
    pub components: Vec<Component>,
    #[serde(default)]
    pub rules: NameRules,
}

/// Rules over the whole name. Lengths count characters, not bytes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct NameRules {
    #[serde(default)]
    pub min_len: Option<u32>,
    #[serde(default)]
    pub max_len: Option<u32>,
    #[serde(default)]
    pub forbidden_words: Vec<String>,
}

/// One part of a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// Fixed text, such as `【` or `_`.
    Literal { text: String },
    /// One value out of a list (with aliases), or out of the org's department names.
    Dictionary {
        id: String,
        label: String,
        #[serde(default)]
        optional: bool,
        source: DictionarySource,
    },
    /// Free text with a length range and forbidden characters.
    Text {
        id: String,
        label: String,
        #[serde(default)]
        optional: bool,
        min_len: u32,
        max_len: u32,
        /// Characters that may not appear; whitespace is always forbidden when `no_whitespace`.
        #[serde(default)]
        forbidden_chars: String,
        #[serde(default)]
        no_whitespace: bool,
    },
    /// `V` followed by major.minor (V1.0, V2.1).
    Version {
        id: String,
        label: String,
        #[serde(default)]
        optional: bool,
    },
    /// `YYYYMMDD`, a real calendar date.
    Date {
        id: String,
        label: String,
        #[serde(default)]
        optional: bool,
    },
    /// A run of digits.
    Number {
        id: String,
        label: String,
        #[serde(default)]
        optional: bool,
        min_digits: u32,
        max_digits: u32,
    },
    /// A file extension out of a list.
    Extension {
        id: String,
        label: String,
        #[serde(default)]
        optional: bool,
        values: Vec<String>,
    },
}

/// Where a dictionary component takes its values from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DictionarySource {
    /// The org's department names, with the departments' aliases.
    Departments,
    /// A fixed list.
    Values(Vec<DictEntry>),
}

/// A dictionary value and the other spellings that should be corrected to it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DictEntry {
    pub value: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Component {
    /// The component's id; literals have none.
    pub fn id(&self) -> Option<&str> {
        match self {
            Component::Literal { .. } => None,
            Component::Dictionary { id, .. }
            | Component::Text { id, .. }
            | Component::Version { id, .. }
            | Component::Date { id, .. }
            | Component::Number { id, .. }
            | Component::Extension { id, .. } => Some(id),
        }
    }

    /// The component's label; for literals, the text itself.
    pub fn label(&self) -> &str {
        match self {
            Component::Literal { text } => text,
            Component::Dictionary { label, .. }
            | Component::Text { label, .. }
            | Component::Version { label, .. }
            | Component::Date { label, .. }
            | Component::Number { label, .. }
            | Component::Extension { label, .. } => label,
        }
    }

    /// The kind's name as written in files (`literal`, `dictionary`, …).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Component::Literal { .. } => "literal",
            Component::Dictionary { .. } => "dictionary",
            Component::Text { .. } => "text",
            Component::Version { .. } => "version",
            Component::Date { .. } => "date",
            Component::Number { .. } => "number",
            Component::Extension { .. } => "extension",
        }
    }

    /// The id, for editing; literals have none.
    pub fn id_mut(&mut self) -> Option<&mut String> {
        match self {
            Component::Literal { .. } => None,
            Component::Dictionary { id, .. }
            | Component::Text { id, .. }
            | Component::Version { id, .. }
            | Component::Date { id, .. }
            | Component::Number { id, .. }
            | Component::Extension { id, .. } => Some(id),
        }
    }

    /// The label (for literals, the text), for editing.
    pub fn label_mut(&mut self) -> &mut String {
        match self {
            Component::Literal { text } => text,
            Component::Dictionary { label, .. }
            | Component::Text { label, .. }
            | Component::Version { label, .. }
            | Component::Date { label, .. }
            | Component::Number { label, .. }
            | Component::Extension { label, .. } => label,
        }
    }

    /// Whether the component may be left out, for editing; literals never may.
    pub fn optional_mut(&mut self) -> Option<&mut bool> {
        match self {
            Component::Literal { .. } => None,
            Component::Dictionary { optional, .. }
            | Component::Text { optional, .. }
            | Component::Version { optional, .. }
            | Component::Date { optional, .. }
            | Component::Number { optional, .. }
            | Component::Extension { optional, .. } => Some(optional),
        }
    }

    pub fn is_optional(&self) -> bool {
        match self {
            Component::Literal { .. } => false,
            Component::Dictionary { optional, .. }
            | Component::Text { optional, .. }
            | Component::Version { optional, .. }
            | Component::Date { optional, .. }
            | Component::Number { optional, .. }
            | Component::Extension { optional, .. } => *optional,
        }
    }
}

impl DictionarySource {
    /// The values this source offers, with their aliases: the org's departments, or the
    /// fixed list.
    pub fn entries(&self, org: &crate::core::org::Org) -> Vec<DictEntry> {
        match self {
            DictionarySource::Departments => org
                .departments
                .iter()
                .map(|d| DictEntry {
                    value: d.name.clone(),
                    aliases: d.aliases.clone(),
                })
                .collect(),
            DictionarySource::Values(entries) => entries.clone(),
        }
    }
}

impl NamingScheme {
    /// The scheme written as a pattern: literals as themselves, components as `{id}`.
    pub fn pattern(&self) -> String {
        self.components
            .iter()
            .map(|c| match c {
                Component::Literal { text } => text.clone(),
                other => format!("{{{}}}", other.id().unwrap_or_default()),
            })
            .collect()
    }
}
