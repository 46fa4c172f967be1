//! A small CSV reader and writer (RFC 4180), for lists that admins export from the
//! messaging suite's console or keep in a spreadsheet.
//!
//! Reading:
//! - a UTF-8 byte order mark at the start is skipped;
//! - records end at CRLF, LF or a lone CR; a line break at the very end adds no record, and
//!   empty lines are skipped;
//! - a field that starts with `"` is quoted: it may contain the delimiter and line breaks
//!   (kept as they are), and `""` stands for one quote. A quote inside an unquoted field is
//!   taken literally (`5" screen`), as spreadsheets do;
//! - the delimiter is detected from the first line: tab or semicolon when that line uses
//!   more of it than of commas, comma otherwise;
//! - [`Reader`] yields one [`Record`] at a time and holds nothing but its position in the
//!   text, so a million rows cost one row of memory beyond the text itself. A syntax error
//!   is reported with the line of the quote that caused it, and reading goes on at the next
//!   line, so one unbalanced quote costs one row, not the rest of the file.
//!
//! Writing ([`write_row`]) quotes fields only when needed, ends rows with CRLF and guards
//! against spreadsheet formula injection (see [`write_row`]).

use std::fmt;

/// The byte order mark. Excel reads a CSV file as UTF-8 only when it starts with one, so
/// files meant for spreadsheets should begin with it.
pub const BOM: &str = "\u{feff}";

/// What went wrong in one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvErrorKind {
    /// A quoted field is still open at the end of the text, or its closing quote, on a
    /// later line, is followed by more text: most likely the quote was never closed where
    /// it was meant to be.
    UnterminatedQuote,
    /// A quoted field's closing quote, on the line it opened on, is followed by something
    /// other than the delimiter or the end of the line (`"VIP"客户群`); quotes inside a
    /// quoted field must be doubled.
    StrayQuote,
}

impl CsvErrorKind {
    /// A stable, machine-readable name: `unterminated_quote` or `stray_quote`.
    pub fn code(self) -> &'static str {
        match self {
            CsvErrorKind::UnterminatedQuote => "unterminated_quote",
            CsvErrorKind::StrayQuote => "stray_quote",
        }
    }
}

/// A syntax error, at the 1-based physical line where the quoted field in question opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub kind: CsvErrorKind,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            CsvErrorKind::UnterminatedQuote => write!(
                f,
                "line {}: a quoted field that starts here is never properly closed",
                self.line
            ),
            CsvErrorKind::StrayQuote => write!(
                f,
                "line {}: text after a closing quote; write a quote inside a quoted field as `\"\"`",
                self.line
            ),
        }
    }
}

impl std::error::Error for CsvError {}

/// One record: the physical line it starts on (1-based) and its fields, or the error that
/// made it unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Result<Vec<String>, CsvError>,
}

/// Reads records from CSV text, one at a time.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    delimiter: u8,
}

impl<'a> Reader<'a> {
    /// A reader over `text`, with the delimiter detected from the first line.
    pub fn new(text: &'a str) -> Self {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        let delimiter = detect_delimiter(text);
        Reader {
            text,
            pos: 0,
            line: 1,
            delimiter,
        }
    }

    /// The delimiter in use: `,`, `\t` or `;`.
    pub fn delimiter(&self) -> char {
        char::from(self.delimiter)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Consumes a line break at the current position, if there is one.
    fn line_break(&mut self) -> bool {
        match self.peek() {
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
                true
            }
            Some(b'\r') => {
                self.pos += 1;
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
                true
            }
            _ => false,
        }
    }

    /// Moves to the start of the physical line after `line`, which starts at or after
    /// byte `from`.
    fn resume_after(&mut self, from: usize, line: usize) {
        let bytes = self.text.as_bytes();
        self.pos = bytes[from..]
            .iter()
            .position(|b| matches!(b, b'\r' | b'\n'))
            .map_or(bytes.len(), |k| from + k);
        self.line = line;
        self.line_break();
    }

    /// Reads one record from the current position, which is not at a line break or the
    /// end. On error, returns the error and the byte offset of the quote that caused it.
    fn record(&mut self) -> Result<Vec<String>, (CsvError, usize)> {
        let bytes = self.text.as_bytes();
        let mut fields = Vec::new();
        loop {
            if self.peek() == Some(b'"') {
                let open_line = self.line;
                let open_pos = self.pos;
                self.pos += 1;
                let mut field = String::new();
                let mut from = self.pos;
                loop {
                    match self.peek() {
                        None => {
                            let err = CsvError {
                                line: open_line,
                                kind: CsvErrorKind::UnterminatedQuote,
                            };
                            return Err((err, open_pos));
                        }
                        Some(b'"') if bytes.get(self.pos + 1) == Some(&b'"') => {
                            field.push_str(&self.text[from..=self.pos]);
                            self.pos += 2;
                            from = self.pos;
                        }
                        Some(b'"') => {
                            field.push_str(&self.text[from..self.pos]);
                            self.pos += 1;
                            break;
                        }
                        Some(b'\r' | b'\n') => {
                            self.line_break();
                        }
                        Some(_) => self.pos += 1,
                    }
                }
                fields.push(field);
                match self.peek() {
                    Some(d) if d == self.delimiter => self.pos += 1,
                    None => return Ok(fields),
                    Some(b'\r' | b'\n') => {
                        self.line_break();
                        return Ok(fields);
                    }
                    Some(_) => {
                        // Text after the closing quote. On the opening line, that quote is
                        // the mistake; on a later line, more likely the opening quote was
                        // never meant to be closed so far away.
                        let kind = if self.line == open_line {
                            CsvErrorKind::StrayQuote
                        } else {
                            CsvErrorKind::UnterminatedQuote
                        };
                        let err = CsvError {
                            line: open_line,
                            kind,
                        };
                        return Err((err, open_pos));
                    }
                }
            } else {
                let start = self.pos;
                let end = bytes[start..]
                    .iter()
                    .position(|&b| b == self.delimiter || b == b'\r' || b == b'\n')
                    .map_or(bytes.len(), |k| start + k);
                fields.push(self.text[start..end].to_string());
                self.pos = end;
                match self.peek() {
                    Some(d) if d == self.delimiter => self.pos += 1,
                    None => return Ok(fields),
                    Some(_) => {
                        self.line_break();
                        return Ok(fields);
                    }
                }
            }
        }
    }
}

impl Iterator for Reader<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while self.line_break() {}
        self.peek()?;
        let line = self.line;
        match self.record() {
            Ok(fields) => Some(Record {
                line,
                fields: Ok(fields),
            }),
            Err((err, at)) => {
                // Go on at the line after the opening quote's, as if that line were not
                // there. A scan that runs past a line stops at any line that could start
                // another such scan, so the whole read stays linear.
                self.resume_after(at, err.line);
                Some(Record {
                    line,
                    fields: Err(err),
                })
            }
        }
    }
}

/// Comma, unless the first line uses more tabs or semicolons than commas (outside quotes).
fn detect_delimiter(text: &str) -> u8 {
    let (mut comma, mut tab, mut semi) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            b',' if !quoted => comma += 1,
            b'\t' if !quoted => tab += 1,
            b';' if !quoted => semi += 1,
            _ => {}
        }
    }
    if tab > comma && tab >= semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

/// The fields of the first record (the header line), or nothing when it is missing or
/// unreadable.
pub fn headers(text: &str) -> Vec<String> {
    Reader::new(text)
        .next()
        .and_then(|r| r.fields.ok())
        .unwrap_or_default()
}

/// Where the named columns are in a file, found from its header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// How many fields the header line has (every row should have as many).
    pub width: usize,
    /// For each wanted column, in the order asked for, its index in the rows.
    pub index: Vec<Option<usize>>,
}

/// Why a header line could not be used: `no_header` (the file has no lines), `bad_header`
/// (param `error`: a CSV error code) or `missing_columns` (param `columns`: the keys of the
/// required columns not found, comma-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub code: &'static str,
    pub params: Vec<(&'static str, String)>,
}

/// A header cell reduced for matching: trimmed, ASCII lowercase, without a byte order
/// mark, spaces, `_` or `-` (so `Last Active`, `last_active` and `LAST-ACTIVE` agree).
pub fn header_key(cell: &str) -> String {
    cell.trim()
        .trim_start_matches(BOM)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Reads the header line from `records` and finds each column of `columns` (a key and the
/// header names it goes by, already reduced as [`header_key`] does), in any order. The
/// first `required` columns must be there.
pub fn read_header(
    records: &mut Reader<'_>,
    columns: &[(&str, &[&str])],
    required: usize,
) -> Result<Columns, HeaderError> {
    let header = match records.next() {
        None => {
            return Err(HeaderError {
                code: "no_header",
                params: Vec::new(),
            })
        }
        Some(Record { fields: Err(e), .. }) => {
            return Err(HeaderError {
                code: "bad_header",
                params: vec![("error", e.kind.code().to_string())],
            })
        }
        Some(Record { fields: Ok(f), .. }) => f,
    };
    let keys: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let index: Vec<Option<usize>> = columns
        .iter()
        .map(|(_, names)| keys.iter().position(|k| names.contains(&k.as_str())))
        .collect();
    let missing: Vec<&str> = columns
        .iter()
        .zip(&index)
        .take(required)
        .filter(|(_, at)| at.is_none())
        .map(|((key, _), _)| *key)
        .collect();
    if missing.is_empty() {
        Ok(Columns {
            width: header.len(),
            index,
        })
    } else {
        Err(HeaderError {
            code: "missing_columns",
            params: vec![("columns", missing.join(", "))],
        })
    }
}

/// The English words for the problems every CSV import shares: the reader's errors
/// (`unterminated_quote`, `stray_quote`), a row of the wrong width (`field_count`) and the
/// header errors of [`read_header`] but `missing_columns` (whose columns each import
/// explains itself). `None` for any other code.
pub fn message(code: &str, params: &[(&'static str, String)]) -> Option<String> {
    let p = |key: &str| crate::core::report::param(params, key);
    Some(match code {
        "unterminated_quote" => "a quoted field that starts here is never properly closed".into(),
        "stray_quote" => {
            "text after a closing quote; write a quote inside a quoted field as `\"\"`".into()
        }
        "field_count" => format!(
            "{} fields where the header has {}",
            p("found"),
            p("expected")
        ),
        "no_header" => "the file is empty; the first line must name the columns".into(),
        "bad_header" => format!("the header line cannot be read ({})", p("error")),
        _ => return None,
    })
}

/// Appends one comma-separated row ending in CRLF.
///
/// A field is quoted when it holds a comma, a quote, CR or LF, with quotes doubled.
///
/// Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
/// formula (and some also after a leading tab or CR), so a group called `=HYPERLINK(…)`
/// could act when the report is opened. Such a field is written with a leading apostrophe
/// (`'=HYPERLINK(…)`), which spreadsheets show as text, following OWASP's advice on CSV
/// injection. The price is that harmless values such as `-x` or `-5` get the apostrophe
/// too, and a program reading the file back sees it.
pub fn write_row(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field(out, field);
    }
    out.push_str("\r\n");
}

fn write_field(out: &mut String, field: &str) {
    let guard = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = field.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        Reader::new(text)
            .map(|r| (r.line, r.fields.expect("readable")))
            .collect()
    }

    #[test]
    fn a_written_row_reads_back() {
        let fields = ["plain", "a,b", "say \"hi\"", "two\r\nlines", "", "中文"];
        let mut out = String::new();
        write_row(&mut out, &fields);
        write_row(&mut out, &["x"]);
        let got = rows(&out);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, fields);
        assert_eq!(got[1], (3, vec!["x".to_string()]));
    }

    #[test]
    fn formulas_are_guarded() {
        let mut out = String::new();
        write_row(
            &mut out,
            &["=1+2", "+x", "-5", "@SUM(A1)", "\tx", "ok=", "=a,b"],
        );
        assert_eq!(
            out,
            "'=1+2,'+x,'-5,'@SUM(A1),'\tx,ok=,\"'=a,b\"\r\n".to_string()
        );
    }

    #[test]
    fn delimiter_detection() {
        assert_eq!(Reader::new("a,b;c").delimiter(), ',');
        assert_eq!(Reader::new("a;b;c,d").delimiter(), ';');
        assert_eq!(Reader::new("a\tb\tc").delimiter(), '\t');
        assert_eq!(Reader::new("\"a;b\",c").delimiter(), ',');
        assert_eq!(Reader::new("").delimiter(), ',');
    }
}
