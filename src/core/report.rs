//! What every checker in `core` reports with: findings carry a stable code and named
//! parameters (the interface words them in each language), and some carry a severity.

/// How serious a finding is: an error is a mistake or breaks a "must" of the usage code; a
/// warning asks for a look or a clean-up, and may be intended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The value of message parameter `key`, or `""` when there is none.
pub fn param<'p>(params: &'p [(&'static str, String)], key: &str) -> &'p str {
    params
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, v)| v.as_str())
}
