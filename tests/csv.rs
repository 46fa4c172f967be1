//! The CSV reader and writer, driven by `tests/cases/csv.json`: `read` cases give input text
//! and every record expected (line, then fields or an error code with its line); `write`
//! cases give fields and the exact text. Add a case there, not a function here.
#![cfg(not(target_arch = "wasm32"))]

use policy_playground::core::csv::{headers, write_row, Reader};
use proptest::prelude::*;
use serde_json::{json, Value};

fn cases() -> Value {
    serde_json::from_str(include_str!("cases/csv.json")).expect("case file is JSON")
}

/// A record as the case file writes it.
fn as_json(record: &policy_playground::core::csv::Record) -> Value {
    match &record.fields {
        Ok(fields) => json!({ "line": record.line, "fields": fields }),
        Err(e) => json!({ "line": record.line, "error": e.kind.code(), "error_line": e.line }),
    }
}

#[test]
fn read_cases() {
    let cases = cases();
    let cases = cases["read"].as_array().expect("read cases");
    assert!(cases.len() >= 20, "the case file lost cases");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let input = case["input"].as_str().expect("input");
        let reader = Reader::new(input);
        if let Some(d) = case.get("delimiter").and_then(Value::as_str) {
            if reader.delimiter().to_string() != d {
                failures.push(format!("{name}: delimiter {:?}", reader.delimiter()));
            }
        }
        let got: Vec<Value> = reader.map(|r| as_json(&r)).collect();
        let want = case["records"].as_array().expect("records");
        if &got != want {
            failures.push(format!(
                "{name}\n  want {}\n  got  {}",
                Value::from(want.clone()),
                Value::from(got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn write_cases() {
    let cases = cases();
    for case in cases["write"].as_array().expect("write cases") {
        let name = case["name"].as_str().expect("name");
        let fields: Vec<&str> = case["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f.as_str().expect("text"))
            .collect();
        let mut out = String::new();
        write_row(&mut out, &fields);
        assert_eq!(out, case["expect"].as_str().expect("expect"), "{name}");
    }
}

#[test]
fn headers_are_the_first_record() {
    assert_eq!(
        headers("\u{feff}群名称;群主;类型\r\nx;y;z"),
        ["群名称", "群主", "类型"]
    );
    assert!(headers("").is_empty());
    assert!(headers("\"open").is_empty());
}

#[test]
fn a_million_rows_stream() {
    let row = "【技术部】-【ERP升级】-【项目群】,陈刚,\"a,b\"\r\n";
    let text = row.repeat(1_000_000);
    let mut count = 0usize;
    let mut last = 0;
    for record in Reader::new(&text) {
        assert_eq!(record.fields.as_ref().map(Vec::len), Ok(3));
        count += 1;
        last = record.line;
    }
    assert_eq!((count, last), (1_000_000, 1_000_000));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever is written reads back as the same fields (with the formula apostrophe).
    #[test]
    fn written_rows_read_back(rows in prop::collection::vec(prop::collection::vec("(?s).{0,12}", 1..5), 1..6)) {
        let mut out = String::new();
        for r in &rows {
            let fields: Vec<&str> = r.iter().map(String::as_str).collect();
            write_row(&mut out, &fields);
        }
        let guard = |f: &str| {
            if f.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{f}") } else { f.to_string() }
        };
        // A first row made only of tabs or semicolons could change the detected delimiter.
        // A leading byte order mark is skipped by design.
        prop_assume!(Reader::new(&out).delimiter() == ',' && !out.starts_with('\u{feff}'));
        let want: Vec<Vec<String>> = rows
            .iter()
            .filter(|r| !(r.len() == 1 && r[0].is_empty()))
            .map(|r| r.iter().map(|f| guard(f)).collect())
            .collect();
        let got: Vec<Vec<String>> = Reader::new(&out).map(|r| r.fields.expect("readable")).collect();
        prop_assert_eq!(got, want);
    }

    /// Any text: no panic, lines only go forward and stay within the text.
    #[test]
    fn reading_never_panics(text in "(?s)[a-z,;\t\"\r\n 中]{0,80}") {
        let lines = text.matches('\n').count() + text.matches('\r').count() + 1;
        let mut previous = 0;
        for record in Reader::new(&text) {
            prop_assert!(record.line > previous && record.line <= lines);
            if let Err(e) = &record.fields {
                prop_assert!(e.line >= record.line && e.line <= lines);
            }
            previous = record.line;
        }
    }
}
