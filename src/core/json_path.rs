//! JSON paths for positions in JSON text.
//!
//! serde_json reports where a type error was found as a line and column. People fixing a
//! file want the path (`$.org.people[3].roles`), so this module walks the text once to find
//! which value that position belongs to. It is small and not generic on purpose: tracking
//! paths inside deserialization instead (serde_path_to_error) wraps every type's
//! deserializer and costs tens of kilobytes of WebAssembly.
//!
//! Every function here accepts any text and never panics; on text that is not JSON the
//! answers are simply less precise.

use std::fmt;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    Key(String),
    Index(usize),
}

/// A path from the document root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(pub Vec<PathSeg>);

impl fmt::Display for JsonPath {
    /// `$`, `$.org.people[3].dept`, `$.fields["odd key"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "$")?;
        for seg in &self.0 {
            match seg {
                PathSeg::Index(i) => write!(f, "[{i}]")?,
                PathSeg::Key(k)
                    if !k.is_empty()
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    write!(f, ".{k}")?
                }
                PathSeg::Key(k) => write!(f, "[{}]", serde_json::Value::from(k.as_str()))?,
            }
        }
        Ok(())
    }
}

/// Byte offset of a 1-based line and column as serde_json reports them (the column counts
/// bytes). The result points at the last byte serde_json consumed.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// A container being walked, and the child currently being read in it.
#[derive(Debug)]
struct Frame {
    is_object: bool,
    child: Option<PathSeg>,
    next_index: usize,
}

/// What the walker tells its visitor.
enum Event {
    /// The value that started at the first byte ends before the second.
    End(usize, usize),
    /// A byte that belongs to no value (whitespace, `,`, `:`).
    Between(usize),
    /// An object key string spanning these bytes.
    Key(usize, usize),
    /// The opening bracket of a container at this byte (reported after entering it).
    Open(usize),
    /// The closing bracket of a container at this byte.
    Close(usize),
}

/// Walks JSON text, keeping the path of the current value, and calls `visit` for every
/// event until it returns true. Returns the path at that moment.
fn walk(text: &str, mut visit: impl FnMut(&[Frame], Event) -> bool) -> Option<JsonPath> {
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    // Start offsets of the containers on the stack.
    let mut starts: Vec<usize> = Vec::new();
    let mut i = 0;
    let mut expecting_value = true;
    let path = |stack: &[Frame], with_child: bool| -> JsonPath {
        let n = stack.len();
        JsonPath(
            stack
                .iter()
                .enumerate()
                .filter(|(k, _)| with_child || k + 1 < n)
                .filter_map(|(_, f)| f.child.clone())
                .collect(),
        )
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' => {
                if c == b',' {
                    if let Some(top) = stack.last_mut() {
                        if !top.is_object {
                            top.child = Some(PathSeg::Index(top.next_index));
                        }
                        expecting_value = !top.is_object;
                    }
                }
                if c == b':' {
                    expecting_value = true;
                }
                if visit(&stack, Event::Between(i)) {
                    return Some(path(&stack, expecting_value));
                }
                i += 1;
            }
            b'{' | b'[' => {
                starts.push(i);
                stack.push(Frame {
                    is_object: c == b'{',
                    child: if c == b'[' {
                        Some(PathSeg::Index(0))
                    } else {
                        None
                    },
                    next_index: 0,
                });
                expecting_value = c == b'[';
                if visit(&stack, Event::Open(i)) {
                    return Some(path(&stack, expecting_value));
                }
                i += 1;
            }
            b'}' | b']' => {
                if visit(&stack, Event::Close(i)) {
                    return Some(path(&stack, false));
                }
                stack.pop();
                let start = starts.pop().unwrap_or(0);
                if visit(&stack, Event::End(start, i + 1)) {
                    return Some(path(&stack, true));
                }
                after_value(&mut stack);
                expecting_value = false;
                i += 1;
            }
            b'"' => {
                let end = string_end(b, i);
                let is_key = stack.last().is_some_and(|f| f.is_object) && !expecting_value;
                if is_key {
                    let raw = text.get(i..end).unwrap_or_default();
                    let key = serde_json::from_str::<String>(raw)
                        .unwrap_or_else(|_| raw.trim_matches('"').to_string());
                    if let Some(top) = stack.last_mut() {
                        top.child = Some(PathSeg::Key(key));
                    }
                    if visit(&stack, Event::Key(i, end)) {
                        return Some(path(&stack, false));
                    }
                } else {
                    if visit(&stack, Event::End(i, end)) {
                        return Some(path(&stack, true));
                    }
                    after_value(&mut stack);
                    expecting_value = false;
                }
                i = end;
            }
            _ => {
                // A number, true, false or null (or stray bytes in text that is not JSON).
                let mut end = i + 1;
                while end < b.len()
                    && !matches!(
                        b[end],
                        b' ' | b'\t'
                            | b'\n'
                            | b'\r'
                            | b','
                            | b':'
                            | b'}'
                            | b']'
                            | b'{'
                            | b'['
                            | b'"'
                    )
                {
                    end += 1;
                }
                if visit(&stack, Event::End(i, end)) {
                    return Some(path(&stack, true));
                }
                after_value(&mut stack);
                expecting_value = false;
                i = end;
            }
        }
    }
    None
}

/// After a value inside a list, the next one gets the next index.
fn after_value(stack: &mut [Frame]) {
    if let Some(top) = stack.last_mut() {
        if !top.is_object {
            top.next_index += 1;
        }
    }
}

/// The byte after the closing quote of the string starting at `start`. Always a character
/// boundary, even after a backslash followed by a multi-byte character.
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                i += 2;
                while i < b.len() && (b[i] & 0xC0) == 0x80 {
                    i += 1;
                }
            }
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The path of the value that byte `at` belongs to, read the way serde_json reports errors:
/// the last byte of a bad value, the closing bracket of an object missing a field, the
/// closing quote of an unknown key, or the `:` before a container it only peeked at.
pub fn path_at(text: &str, at: usize) -> JsonPath {
    walk(text, |_, event| match event {
        Event::End(start, end) => start <= at && at < end,
        Event::Between(i) | Event::Open(i) | Event::Close(i) => i == at,
        Event::Key(start, end) => start <= at && at < end,
    })
    .unwrap_or_default()
}

/// The byte range of the value at `path`, if there is one.
pub fn span_of(text: &str, path: &JsonPath) -> Option<(usize, usize)> {
    let mut found = None;
    let target = path.0.as_slice();
    walk(text, |stack, event| {
        if let Event::End(start, end) = event {
            let matches = stack.len() == target.len()
                && stack
                    .iter()
                    .zip(target)
                    .all(|(f, seg)| f.child.as_ref() == Some(seg));
            if matches {
                found = Some((start, end));
                return true;
            }
        }
        false
    });
    found
}

/// The text with the list item at `path` (which must end in an index) cut out, together
/// with one comma next to it, so the result is still JSON.
pub fn remove_item(text: &str, path: &JsonPath) -> Option<String> {
    if !matches!(path.0.last(), Some(PathSeg::Index(_))) {
        return None;
    }
    let (start, end) = span_of(text, path)?;
    let b = text.as_bytes();
    let skip_ws_fwd = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let skip_ws_back = |mut i: usize| {
        while i > 0 && b[i - 1].is_ascii_whitespace() {
            i -= 1;
        }
        i
    };
    let after = skip_ws_fwd(end);
    let (cut_from, cut_to) = if after < b.len() && b[after] == b',' {
        (start, after + 1)
    } else {
        let before = skip_ws_back(start);
        if before > 0 && b[before - 1] == b',' {
            (before - 1, end)
        } else {
            (start, end)
        }
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..cut_from)?);
    out.push_str(text.get(cut_to..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_char(text: &str, marker: &str) -> usize {
        text.find(marker).expect("marker")
    }

    #[test]
    fn paths_where_serde_json_reports_errors() {
        let t =
            r#"{"people":[{"id":"a","roles":[]},{"id":5,"roles":{"q":1}}],"名字":{"x":[1,[2,3]]}}"#;
        // Last byte of a bad primitive.
        assert_eq!(path_at(t, at_char(t, "5,")).to_string(), "$.people[1].id");
        // The `:` before a container serde only peeked at.
        assert_eq!(
            path_at(t, at_char(t, ":{\"q\"")).to_string(),
            "$.people[1].roles"
        );
        // The closing brace of an object missing a field.
        assert_eq!(
            path_at(t, at_char(t, "},{\"id\":5")).to_string(),
            "$.people[0]"
        );
        // A key (unknown variant).
        assert_eq!(
            path_at(t, at_char(t, "q\"")).to_string(),
            "$.people[1].roles"
        );
        // Nested lists and a non-ASCII key.
        assert_eq!(
            path_at(t, at_char(t, "3]")).to_string(),
            "$[\"名字\"].x[1][1]"
        );
        assert_eq!(
            path_at(t, at_char(t, "[2")).to_string(),
            "$[\"名字\"].x[1][0]"
        );
    }

    #[test]
    fn line_and_column_to_offset() {
        let t = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(&t[offset_of(t, 3, 8)..offset_of(t, 3, 8) + 1], "x");
        assert_eq!(offset_of(t, 99, 1), t.len());
    }

    #[test]
    fn removes_items_with_their_comma() {
        let t = "[1, 2, 3]";
        let p = |i| JsonPath(vec![PathSeg::Index(i)]);
        assert_eq!(remove_item(t, &p(0)).as_deref(), Some("[ 2, 3]"));
        assert_eq!(remove_item(t, &p(2)).as_deref(), Some("[1, 2]"));
        assert_eq!(remove_item("[7]", &p(0)).as_deref(), Some("[]"));
        assert_eq!(remove_item(t, &p(5)), None);
        assert_eq!(
            remove_item("{\"a\":1}", &JsonPath(vec![PathSeg::Key("a".into())])),
            None
        );
    }

    #[test]
    fn escaped_strings_do_not_confuse_the_walk() {
        let t = r#"{"a\"]":["x\\",{"b":"}\"{"}],"c":true}"#;
        assert_eq!(path_at(t, at_char(t, "true") + 3).to_string(), "$.c");
        assert_eq!(
            span_of(
                t,
                &JsonPath(vec![PathSeg::Key("a\"]".into()), PathSeg::Index(1)])
            ),
            Some((t.find("{\"b").expect("b"), t.find("}],").expect("end") + 1))
        );
    }
}
