//! `ppg`: the Policy Playground on the command line. A thin layer over `core`: it parses
//! arguments, reads files and prints; every decision is made by the library.
//!
//! Exit codes: 0 success; 1 the input was read but is invalid; 2 usage errors and files
//! that cannot be read or are not JSON.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::Write;

    use std::io::{BufRead, BufWriter};

    use policy_playground::core::naming::check::compile;
    use policy_playground::core::{starter, Bundle, Lang};

    const USAGE: &str = "\
ppg: the Policy Playground on the command line

usage:
  ppg bundle default [--lang zh|en]   print the starter workspace as JSON
  ppg bundle validate FILE            check a workspace file; exit 0 valid, 1 invalid,
                                      2 unreadable or not JSON
  ppg naming check [--bundle FILE] [--scheme ID]
                                      check names read from standard input, one per line
                                      (taken verbatim, blank lines included); one JSON
                                      object per line: name, ok, violations, suggestion
  ppg naming audit [--bundle FILE] [--scheme ID]
                                      the same input; prints one summary JSON object:
                                      total, ok, violations (code: number of names)
  ppg help                            show this text

Without --bundle, commands use the starter workspace.
";

    /// Runs one command and returns the process exit code.
    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["bundle", "default", rest @ ..] => bundle_default(rest),
            ["bundle", "validate", file] => bundle_validate(file),
            ["bundle", "validate", ..] => usage_error("`bundle validate` takes exactly one FILE"),
            ["naming", "check", rest @ ..] => naming_check(rest, false),
            ["naming", "audit", rest @ ..] => naming_check(rest, true),
            ["help" | "--help" | "-h"] | [] => {
                print!("{USAGE}");
                0
            }
            _ => usage_error(&format!("unknown command `{}`", args.join(" "))),
        }
    }

    fn usage_error(message: &str) -> i32 {
        eprintln!("ppg: {message}\n\n{USAGE}");
        2
    }

    /// Parses `--name value` options; anything else is a usage error.
    fn options<'a>(rest: &[&'a str], allowed: &[&str]) -> Result<Vec<(&'a str, &'a str)>, String> {
        let mut out = Vec::new();
        let mut it = rest.iter();
        while let Some(flag) = it.next() {
            if !allowed.contains(flag) {
                return Err(format!("unknown option `{flag}`"));
            }
            let value = it.next().ok_or_else(|| format!("`{flag}` needs a value"))?;
            out.push((*flag, *value));
        }
        Ok(out)
    }

    /// The workspace named by `--bundle`, or the starter. Errors are printed; exit code 2.
    fn load_bundle(path: Option<&str>) -> Result<Bundle, i32> {
        let Some(path) = path else {
            return Ok(starter::bundle(Lang::Zh));
        };
        let text = std::fs::read_to_string(path).map_err(|e| {
            eprintln!("ppg: cannot read `{path}`: {e}");
            2
        })?;
        Bundle::from_json(&text).map_err(|e| {
            eprintln!("ppg: `{path}` is not a valid workspace:");
            for p in &e.problems {
                eprintln!("{p}");
            }
            2
        })
    }

    /// `naming check` (one JSON object per name) and `naming audit` (one summary).
    fn naming_check(rest: &[&str], audit: bool) -> i32 {
        let opts = match options(rest, &["--bundle", "--scheme"]) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let bundle = match load_bundle(get("--bundle")) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let scheme = match get("--scheme") {
            Some(id) => bundle.naming.iter().find(|s| s.id == id),
            None => bundle.naming.first(),
        };
        let Some(scheme) = scheme else {
            let ids: Vec<&str> = bundle.naming.iter().map(|s| s.id.as_str()).collect();
            eprintln!(
                "ppg: no such naming scheme; the workspace has: {}",
                ids.join(", ")
            );
            return 2;
        };
        let compiled = match compile(scheme, &bundle.org) {
            Ok(c) => c,
            Err(errors) => {
                for e in errors {
                    let at = e
                        .component
                        .map_or_else(|| "rules".to_string(), |i| format!("component {i}"));
                    eprintln!("ppg: scheme `{}` {at}: {}", scheme.id, e.kind);
                }
                return 2;
            }
        };
        let stdin = std::io::stdin().lock();
        let mut out = BufWriter::new(std::io::stdout().lock());
        let (mut total, mut ok) = (0u64, 0u64);
        // Per code, how many names have at least one violation of it.
        let mut counts: std::collections::BTreeMap<&'static str, u64> =
            std::collections::BTreeMap::new();
        let read = for_each_line(stdin, |name| {
            if audit {
                let violations = compiled.violations(name);
                total += 1;
                if violations.is_empty() {
                    ok += 1;
                }
                let mut codes: Vec<&'static str> = violations.iter().map(|v| v.code).collect();
                codes.sort_unstable();
                codes.dedup();
                for code in codes {
                    *counts.entry(code).or_default() += 1;
                }
                return true;
            }
            let check = compiled.check(name);
            let record = serde_json::json!({
                "name": name,
                "ok": check.ok,
                "violations": check.violations.iter().map(|v| serde_json::json!({
                    "code": v.code,
                    "component": v.component,
                    "message": v.message(),
                })).collect::<Vec<_>>(),
                "suggestion": check.suggestion,
            });
            // A reader that went away (`| head`) ends the run quietly.
            serde_json::to_writer(&mut out, &record).is_ok() && writeln!(out).is_ok()
        });
        if let Err(e) = read {
            eprintln!("ppg: cannot read standard input: {e}");
            return 2;
        }
        if audit {
            let summary = serde_json::json!({ "total": total, "ok": ok, "violations": counts });
            let _ = writeln!(out, "{summary}");
        }
        0
    }

    /// Calls `each` with every line of input, with only the line break removed (`\n` or
    /// `\r\n`); a last line without a break counts too. Bytes that are not UTF-8 are
    /// replaced, not fatal. One buffer serves every line.
    fn for_each_line(
        mut input: impl BufRead,
        mut each: impl FnMut(&str) -> bool,
    ) -> std::io::Result<()> {
        let mut buf = Vec::with_capacity(256);
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                return Ok(());
            }
            if buf.last() == Some(&b'\n') {
                buf.pop();
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
            }
            let keep_going = match std::str::from_utf8(&buf) {
                Ok(line) => each(line),
                Err(_) => each(&String::from_utf8_lossy(&buf)),
            };
            if !keep_going {
                return Ok(());
            }
        }
    }

    fn bundle_default(rest: &[&str]) -> i32 {
        let lang = match rest {
            [] => Lang::Zh,
            ["--lang", code] => match Lang::parse(code) {
                Some(lang) if *code == lang.code() => lang,
                _ => return usage_error(&format!("unknown language `{code}`; use zh or en")),
            },
            _ => return usage_error("usage: ppg bundle default [--lang zh|en]"),
        };
        let json = starter::bundle(lang).to_json();
        let mut out = std::io::stdout().lock();
        // A closed pipe (`ppg bundle default | head`) is not an error worth reporting.
        let _ = writeln!(out, "{json}");
        0
    }

    fn bundle_validate(file: &str) -> i32 {
        let text = match std::fs::read(file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    eprintln!("ppg: `{file}` is not UTF-8 text");
                    return 2;
                }
            },
            Err(e) => {
                eprintln!("ppg: cannot read `{file}`: {e}");
                return 2;
            }
        };
        match Bundle::from_json(&text) {
            Ok(bundle) => {
                println!(
                    "{file}: valid (schema {}, {} chapters, {} clauses, {} people, {} templates)",
                    bundle.schema_version,
                    bundle.policy.chapters.len(),
                    bundle.policy.clause_count(),
                    bundle.org.people.len(),
                    bundle.approvals.templates.len()
                );
                0
            }
            Err(err) if err.is_unreadable() => {
                for p in &err.problems {
                    eprintln!("ppg: `{file}` {}", p.kind);
                }
                2
            }
            Err(err) => {
                eprintln!("{file}: {} problem(s)", err.problems.len());
                for p in &err.problems {
                    eprintln!("{p}");
                }
                1
            }
        }
    }
}
