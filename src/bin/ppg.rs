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

    use policy_playground::core::{starter, Bundle, Lang};

    const USAGE: &str = "\
ppg: the Policy Playground on the command line

usage:
  ppg bundle default [--lang zh|en]   print the starter workspace as JSON
  ppg bundle validate FILE            check a workspace file; exit 0 valid, 1 invalid,
                                      2 unreadable or not JSON
  ppg help                            show this text
";

    /// Runs one command and returns the process exit code.
    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["bundle", "default", rest @ ..] => bundle_default(rest),
            ["bundle", "validate", file] => bundle_validate(file),
            ["bundle", "validate", ..] => usage_error("`bundle validate` takes exactly one FILE"),
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
