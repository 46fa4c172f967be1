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
    use policy_playground::core::naming::inventory::{self, Date};
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
  ppg naming inventory [--bundle FILE] --csv FILE --as-of YYYY-MM-DD
                                      audit a CSV list of groups against the workspace's
                                      group lifecycle rules; one JSON object per row: a
                                      group (line, name, ok, findings) or a row that
                                      cannot be read (line, error, message); exit 1 when
                                      the file is empty or its header lacks a column
  ppg route simulate [--bundle FILE] --template ID --requester ID [--field KEY=VALUE]...
                     [--pick STEP=PERSON[,PERSON...]]...
                                      the route of one request, as one JSON object:
                                      template, requester, steps (step, mode, approvers,
                                      skipped, redirected), cc (id, when) and trace (code,
                                      message, params); --pick gives the people the
                                      requester chose for a step whose approver is chosen
                                      by the requester, in order; exit 1 with the reason
                                      on standard error when the request is invalid or
                                      refused (a missing or wrong pick included)
  ppg route timeline [--bundle FILE] --template ID --requester ID [--field KEY=VALUE]...
                     [--pick STEP=PERSON[,PERSON...]]... --submitted YYYY-MM-DDTHH:MM
                     [--response PERSON=HOURS]... [--holiday YYYY-MM-DD]...
                     [--stochastic] [--seed N]
                                      the route of one request on the working calendar,
                                      as one JSON object: submitted, finish, outcome,
                                      working_hours, calendar_minutes, steps (start, end,
                                      answered_by, working_hours, escalations) and
                                      breaches; exit 1 when the request or a time is
                                      invalid
  ppg route batch [--bundle FILE] (--csv FILE | --generate N) [--seed N]
                  [--stochastic] [--start YYYY-MM-DDTHH:MM]
                                      route many requests on the working calendar (a CSV
                                      file: template, requester, submitted_at, then one
                                      column per field id; or N generated from the seed,
                                      submitted from --start on) and print the metrics as
                                      one JSON object: count, avg/p50/p90_working_hours,
                                      pass_rate, escalations, breaches, per_approver,
                                      per_template, per_branch, bottlenecks, row_errors;
                                      exit 1 when the CSV file is empty or its header
                                      lacks a column
  ppg route diff --base OLD.json [--bundle NEW.json] (--csv FILE | --generate N) [--seed N]
                 [--stochastic] [--start YYYY-MM-DDTHH:MM]
                                      the same requests under two versions of the rules:
                                      {changed: [{row, old, new}], base: metrics, new:
                                      metrics}
  ppg route test [--bundle FILE]      run the workspace's route fixtures: one line per
                                      fixture (pass, or FAIL with the differences) and a
                                      summary; exit 1 if any fails
  ppg route lint [--bundle FILE]      static checks of the approval templates: one line
                                      per finding (error|warning TEMPLATE PATH: message)
                                      and a summary; exit 1 if there are errors (or
                                      validation problems, printed on standard error)
  ppg export [--bundle FILE] --format docx|html|md --out PATH [--lang zh|en]
             [--sections LIST]      write the workspace as a document (PATH `-` for
                                      standard output); the language of the labels
                                      defaults to the workspace's; LIST is `full` (the
                                      default), `policy`, `all`, or names joined by commas:
                                      revisions, policy, naming, approvals, roles,
                                      answer-key, sign-off
  ppg share encode [--bundle FILE]    print the share-link fragment (the part after `#`);
                                      exit 1 when the workspace is too large for a link
  ppg share decode FRAGMENT_OR_URL    print the workspace in a share link as JSON; exit 1
                                      when the link is corrupt, changed or invalid
  ppg quiz generate [--bundle FILE] --seed N --count K [--topics LIST]
                                      draw K questions computed from the rules, spread
                                      over the topics in LIST (names joined by commas:
                                      naming, routing, numbers, channels, documents,
                                      custom; all by default), questions and options
                                      shuffled with the seed; prints {questions: [{id,
                                      topic, kind, prompt, options, answer, explanation,
                                      clauses}]}; same seed, same output
  ppg quiz grade --quiz FILE --answers FILE [--pass-mark N]
                                      grade answers (a JSON object: question id to an
                                      answer of the question's shape) against a quiz file
                                      as `quiz generate` prints it; prints score, passed,
                                      pass_mark, correct, total and per_question (id,
                                      correct, given, expected, explanation, clauses); the
                                      pass mark is --pass-mark, else the file's pass_mark,
                                      else 60; exit 0 when graded, passed or not, 2 when a
                                      file cannot be read or is malformed
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
            ["naming", "inventory", rest @ ..] => naming_inventory(rest),
            ["route", "simulate", rest @ ..] => route_simulate(rest),
            ["route", "timeline", rest @ ..] => route_timeline(rest),
            ["route", "batch", rest @ ..] => route_batch(rest, false),
            ["route", "diff", rest @ ..] => route_batch(rest, true),
            ["route", "test", rest @ ..] => route_test(rest),
            ["route", "lint", rest @ ..] => route_lint(rest),
            ["export", rest @ ..] => export(rest),
            ["share", "encode", rest @ ..] => share_encode(rest),
            ["share", "decode", link] => share_decode(link),
            ["share", "decode", ..] => {
                usage_error("`share decode` takes exactly one FRAGMENT_OR_URL")
            }
            ["quiz", "generate", rest @ ..] => quiz_generate(rest),
            ["quiz", "grade", rest @ ..] => quiz_grade(rest),
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

    /// Parses `--name value` options, in order; anything else is a usage error. Only the
    /// options in `repeatable` may be given more than once.
    fn options<'a>(
        rest: &[&'a str],
        allowed: &[&str],
        repeatable: &[&str],
    ) -> Result<Vec<(&'a str, &'a str)>, String> {
        let mut out: Vec<(&str, &str)> = Vec::new();
        let mut it = rest.iter();
        while let Some(flag) = it.next() {
            if !allowed.contains(flag) {
                return Err(format!("unknown option `{flag}`"));
            }
            let value = it.next().ok_or_else(|| format!("`{flag}` needs a value"))?;
            if !repeatable.contains(flag) && out.iter().any(|(f, _)| f == flag) {
                return Err(format!("`{flag}` is given more than once"));
            }
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

    /// The workspace of a command whose only option is `--bundle`. Errors are printed; the
    /// exit code is returned.
    fn bundle_only(rest: &[&str]) -> Result<Bundle, i32> {
        let opts = options(rest, &["--bundle"], &[]).map_err(|e| usage_error(&e))?;
        load_bundle(opts.iter().find(|(f, _)| *f == "--bundle").map(|(_, v)| *v))
    }

    /// Message parameters as a JSON object.
    fn params_json(params: &[(&'static str, String)]) -> serde_json::Value {
        let map: serde_json::Map<String, serde_json::Value> = params
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::from(v.as_str())))
            .collect();
        serde_json::Value::Object(map)
    }

    /// The request of `route simulate` and `route timeline`: template, requester, form and
    /// picks. A usage error is printed; exit code 2.
    struct Request<'a> {
        template: &'a str,
        requester: &'a str,
        form: Vec<(String, String)>,
        picks: Vec<(String, Vec<String>)>,
    }

    fn request<'a>(opts: &[(&'a str, &'a str)], verb: &str) -> Result<Request<'a>, i32> {
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let (Some(template), Some(requester)) = (get("--template"), get("--requester")) else {
            return Err(usage_error(&format!(
                "`route {verb}` needs --template ID and --requester ID"
            )));
        };
        let mut form = Vec::new();
        for (_, kv) in opts.iter().filter(|(f, _)| *f == "--field") {
            let Some((k, v)) = kv.split_once('=') else {
                return Err(usage_error(&format!("`--field {kv}` is not KEY=VALUE")));
            };
            form.push((k.to_string(), v.to_string()));
        }
        let mut picks: Vec<(String, Vec<String>)> = Vec::new();
        for (_, kv) in opts.iter().filter(|(f, _)| *f == "--pick") {
            let Some((step, people)) = kv.split_once('=') else {
                return Err(usage_error(&format!(
                    "`--pick {kv}` is not STEP=PERSON[,PERSON...]"
                )));
            };
            let people = people
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect();
            picks.push((step.trim().to_string(), people));
        }
        Ok(Request {
            template,
            requester,
            form,
            picks,
        })
    }

    /// `route simulate`: the route of one request as one JSON object.
    fn route_simulate(rest: &[&str]) -> i32 {
        use policy_playground::core::simulate::simulate_with_picks;
        let opts = match options(
            rest,
            &["--bundle", "--template", "--requester", "--field", "--pick"],
            &["--field", "--pick"],
        ) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let Request {
            template,
            requester,
            form,
            picks,
        } = match request(&opts, "simulate") {
            Ok(r) => r,
            Err(code) => return code,
        };
        let bundle = match load_bundle(get("--bundle")) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let route = match simulate_with_picks(&bundle, template, requester, &form, &picks) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("ppg: {}", e.message());
                return 1;
            }
        };
        let record = serde_json::json!({
            "template": route.template,
            "requester": route.requester,
            "steps": route.steps.iter().map(|s| serde_json::json!({
                "step": s.step,
                "mode": s.mode.code(),
                "approvers": s.approvers,
                "skipped": s.skipped.iter().map(|k| serde_json::json!({
                    "id": k.id,
                    "reason": k.reason,
                })).collect::<Vec<_>>(),
                "redirected": s.redirected,
            })).collect::<Vec<_>>(),
            "cc": route.cc.iter().map(|c| serde_json::json!({
                "id": c.id,
                "when": c.when.code(),
            })).collect::<Vec<_>>(),
            "trace": route.trace.iter().map(|t| serde_json::json!({
                "code": t.code,
                "message": t.message(),
                "params": params_json(&t.params),
            })).collect::<Vec<_>>(),
        });
        let _ = writeln!(std::io::stdout().lock(), "{record}");
        0
    }

    /// `route timeline`: the route of one request placed on the working calendar.
    fn route_timeline(rest: &[&str]) -> i32 {
        use policy_playground::core::calendar::{Date, DateTime};
        use policy_playground::core::simulate::simulate_with_picks;
        use policy_playground::core::timing::{timeline, Mode, Response, TimelineOptions};
        // `--stochastic` is the one option without a value.
        let stochastic = rest.contains(&"--stochastic");
        let rest: Vec<&str> = rest
            .iter()
            .copied()
            .filter(|a| *a != "--stochastic")
            .collect();
        let opts = match options(
            &rest,
            &[
                "--bundle",
                "--template",
                "--requester",
                "--field",
                "--pick",
                "--submitted",
                "--response",
                "--holiday",
                "--seed",
            ],
            &["--field", "--pick", "--response", "--holiday"],
        ) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let req = match request(&opts, "timeline") {
            Ok(r) => r,
            Err(code) => return code,
        };
        let Some(submitted) = get("--submitted") else {
            return usage_error("`route timeline` needs --submitted YYYY-MM-DDTHH:MM");
        };
        let mut run = TimelineOptions {
            mode: stochastic.then_some(Mode::Stochastic),
            ..TimelineOptions::default()
        };
        if let Some(seed) = get("--seed") {
            match seed.parse::<u64>() {
                Ok(n) => run.seed = Some(n),
                Err(_) => return usage_error(&format!("`--seed {seed}` is not a whole number")),
            }
        }
        for (_, kv) in opts.iter().filter(|(f, _)| *f == "--response") {
            let parsed = kv
                .split_once('=')
                .and_then(|(p, h)| Some((p.trim(), h.trim().parse::<f64>().ok()?)))
                .filter(|(p, h)| !p.is_empty() && h.is_finite() && *h >= 0.0);
            let Some((person, h)) = parsed else {
                return usage_error(&format!("`--response {kv}` is not PERSON=HOURS"));
            };
            run.responses
                .push((person.to_string(), Response::Fixed { hours: h }));
        }
        let bundle = match load_bundle(get("--bundle")) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let Some(submitted) = DateTime::parse(submitted) else {
            eprintln!("ppg: `{submitted}` is not a real local time written YYYY-MM-DDTHH:MM");
            return 1;
        };
        for (_, d) in opts.iter().filter(|(f, _)| *f == "--holiday") {
            let Some(date) = Date::parse(d) else {
                eprintln!("ppg: `--holiday {d}` is not a real date written YYYY-MM-DD");
                return 1;
            };
            run.holidays.push(date);
        }
        for (person, _) in &run.responses {
            if bundle.org.person(person).is_none() {
                eprintln!(
                    "ppg: `--response {person}=…`: there is no person `{person}` in the org chart"
                );
                return 1;
            }
        }
        let route = match simulate_with_picks(
            &bundle,
            req.template,
            req.requester,
            &req.form,
            &req.picks,
        ) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("ppg: {}", e.message());
                return 1;
            }
        };
        let t = match timeline(&bundle, &route, submitted, &run) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("ppg: {e}");
                return 1;
            }
        };
        let record = t.to_json();
        let _ = writeln!(std::io::stdout().lock(), "{record}");
        0
    }

    /// Where generated requests start when `--start` is not given: a Monday, 09:00.
    const DEFAULT_START: &str = "2026-03-02T09:00";

    /// `route batch` (the metrics of a batch) and `route diff` (the same batch under the
    /// workspace of `--base` and that of `--bundle`).
    fn route_batch(rest: &[&str], diff: bool) -> i32 {
        use policy_playground::core::batch::{self, BatchRequest, RowError};
        use policy_playground::core::calendar::DateTime;
        use policy_playground::core::timing::{Mode, TimelineOptions};
        let verb = if diff { "diff" } else { "batch" };
        // `--stochastic` is the one option without a value.
        let stochastic = rest.contains(&"--stochastic");
        let rest: Vec<&str> = rest
            .iter()
            .copied()
            .filter(|a| *a != "--stochastic")
            .collect();
        let mut allowed = vec!["--bundle", "--csv", "--generate", "--seed", "--start"];
        if diff {
            allowed.push("--base");
        }
        let opts = match options(&rest, &allowed, &[]) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let source = match (get("--csv"), get("--generate")) {
            (Some(path), None) => Ok(path),
            (None, Some(n)) => match n.parse::<usize>() {
                Ok(n) => Err(n),
                Err(_) => return usage_error(&format!("`--generate {n}` is not a whole number")),
            },
            _ => {
                return usage_error(&format!(
                    "`route {verb}` needs either --csv FILE or --generate N"
                ))
            }
        };
        if diff && get("--base").is_none() {
            return usage_error("`route diff` needs --base OLD.json");
        }
        let seed = match get("--seed").map(str::parse::<u64>) {
            None => None,
            Some(Ok(n)) => Some(n),
            Some(Err(_)) => {
                let seed = get("--seed").unwrap_or_default();
                return usage_error(&format!("`--seed {seed}` is not a whole number"));
            }
        };
        let text = match source {
            Ok(path) => match std::fs::read(path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Some((path, text)),
                    Err(_) => {
                        eprintln!("ppg: `{path}` is not UTF-8 text; save it as \"CSV UTF-8\"");
                        return 2;
                    }
                },
                Err(e) => {
                    eprintln!("ppg: cannot read `{path}`: {e}");
                    return 2;
                }
            },
            Err(_) => None,
        };
        let base = match get("--base").map(|path| load_bundle(Some(path))) {
            None => None,
            Some(Ok(b)) => Some(b),
            Some(Err(code)) => return code,
        };
        let bundle = match load_bundle(get("--bundle")) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let start = get("--start").unwrap_or(DEFAULT_START);
        let Some(start) = DateTime::parse(start) else {
            eprintln!("ppg: `--start {start}` is not a real local time written YYYY-MM-DDTHH:MM");
            return 1;
        };
        let (requests, import_errors): (Vec<BatchRequest>, Vec<RowError>) = match (&text, source) {
            (Some((path, text)), _) => {
                let import = batch::parse_requests(text, &bundle);
                if let Some(e) = &import.header_error {
                    eprintln!("ppg: `{path}`: {}", batch::header_message(e));
                    return 1;
                }
                if !import.unknown_columns.is_empty() {
                    eprintln!(
                        "ppg: warning: no template has a field named {}",
                        import
                            .unknown_columns
                            .iter()
                            .map(|c| format!("`{c}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
                (import.requests, import.row_errors)
            }
            (None, Err(n)) => (
                batch::generate(&bundle, n, seed.unwrap_or(bundle.timing.seed), start),
                Vec::new(),
            ),
            (None, Ok(_)) => return 2,
        };
        let run = TimelineOptions {
            mode: stochastic.then_some(Mode::Stochastic),
            seed,
            ..TimelineOptions::default()
        };
        let record = if let Some(base) = &base {
            match policy_playground::core::impact::compare(base, &bundle, &requests, &run) {
                Ok(mut impact) => {
                    impact.base.add_row_errors(&import_errors);
                    impact.new.add_row_errors(&import_errors);
                    impact.to_json()
                }
                Err(e) => {
                    eprintln!("ppg: {e}");
                    return 1;
                }
            }
        } else {
            match batch::run(&bundle, &requests, &run) {
                Ok(mut result) => {
                    result.add_row_errors(&import_errors);
                    result.metrics_json()
                }
                Err(e) => {
                    eprintln!("ppg: {e}");
                    return 1;
                }
            }
        };
        let _ = writeln!(std::io::stdout().lock(), "{record}");
        0
    }

    /// `export`: the workspace as a Word, HTML or Markdown document.
    fn export(rest: &[&str]) -> i32 {
        use policy_playground::core::export::{self, Format, Sections};
        let opts = match options(
            rest,
            &["--bundle", "--format", "--out", "--lang", "--sections"],
            &[],
        ) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let (Some(format), Some(out)) = (get("--format"), get("--out")) else {
            return usage_error("`export` needs --format docx|html|md and --out PATH");
        };
        let Some(format) = Format::parse(format) else {
            return usage_error(&format!("unknown format `{format}` (docx, html or md)"));
        };
        let sections = match get("--sections").map(Sections::parse) {
            None => Sections::FULL,
            Some(Ok(s)) => s,
            Some(Err(e)) => return usage_error(&e),
        };
        let bundle = match load_bundle(get("--bundle")) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let lang = match get("--lang") {
            None => bundle.settings.lang,
            Some(l) => match Lang::parse(l) {
                Some(l) => l,
                None => return usage_error(&format!("unknown language `{l}` (zh or en)")),
            },
        };
        let bytes = export::export(&bundle, format, lang, sections);
        let written = if out == "-" {
            std::io::stdout().lock().write_all(&bytes)
        } else {
            std::fs::write(out, &bytes)
        };
        match written {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("ppg: cannot write `{out}`: {e}");
                2
            }
        }
    }

    /// `share encode`: the share-link fragment of a workspace.
    fn share_encode(rest: &[&str]) -> i32 {
        use policy_playground::core::export::share;
        let bundle = match bundle_only(rest) {
            Ok(b) => b,
            Err(code) => return code,
        };
        match share::encode(&bundle) {
            Ok(fragment) => {
                println!("{fragment}");
                0
            }
            Err(e) => {
                eprintln!("ppg: {e}");
                1
            }
        }
    }

    /// `share decode`: the workspace in a share link, as JSON.
    fn share_decode(link: &str) -> i32 {
        use policy_playground::core::export::share::{self, DecodeError};
        match share::decode(link) {
            Ok(bundle) => {
                println!("{}", bundle.to_json());
                0
            }
            Err(DecodeError::Invalid(e)) => {
                eprintln!("ppg: the link's workspace is not valid:");
                for p in &e.problems {
                    eprintln!("{p}");
                }
                1
            }
            Err(e) => {
                eprintln!("ppg: {e}");
                1
            }
        }
    }

    /// `quiz generate`: questions computed from the rules, as `{"questions": [...]}`.
    /// Exit 0 with the questions (none when the topics have none); 2 for usage errors (a
    /// missing or malformed --seed or --count, an unknown topic) and workspaces that cannot
    /// be read.
    fn quiz_generate(rest: &[&str]) -> i32 {
        use policy_playground::core::quiz::generate::{generate, Options};
        use policy_playground::core::quiz::TOPICS;
        let opts = match options(rest, &["--bundle", "--seed", "--count", "--topics"], &[]) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let (Some(seed), Some(count)) = (get("--seed"), get("--count")) else {
            return usage_error("`quiz generate` needs --seed N and --count K");
        };
        let Ok(seed) = seed.parse::<u64>() else {
            return usage_error(&format!("`--seed {seed}` is not a whole number"));
        };
        let Ok(count) = count.parse::<usize>() else {
            return usage_error(&format!("`--count {count}` is not a whole number"));
        };
        let mut topics: Vec<String> = Vec::new();
        if let Some(list) = get("--topics") {
            for t in list.split(',').map(str::trim) {
                if !TOPICS.contains(&t) {
                    return usage_error(&format!(
                        "unknown topic `{t}`; topics are {}",
                        TOPICS.join(", ")
                    ));
                }
                if !topics.iter().any(|x| x == t) {
                    topics.push(t.to_string());
                }
            }
        }
        let bundle = match load_bundle(get("--bundle")) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let questions = generate(
            &bundle,
            &Options {
                seed,
                count,
                topics,
                shuffle: true,
            },
        );
        // A struct, not `json!`, so each question keeps its fields in their order.
        #[derive(serde::Serialize)]
        struct Printed<'a> {
            questions: &'a [policy_playground::core::quiz::paper::QuizQuestion],
        }
        let text = serde_json::to_string_pretty(&Printed {
            questions: &questions,
        })
        .unwrap_or_default();
        let _ = writeln!(std::io::stdout().lock(), "{text}");
        0
    }

    /// `quiz grade`: grades an answers file against a quiz file and prints the result.
    /// Exit 0 when graded (passed or not); 2 for usage errors and files that cannot be read
    /// or are malformed (the message names the file and the JSON position).
    fn quiz_grade(rest: &[&str]) -> i32 {
        use policy_playground::core::quiz::grade::{self, DEFAULT_PASS_MARK};
        let opts = match options(rest, &["--quiz", "--answers", "--pass-mark"], &[]) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let (Some(quiz_path), Some(answers_path)) = (get("--quiz"), get("--answers")) else {
            return usage_error("`quiz grade` needs --quiz FILE and --answers FILE");
        };
        let flag_mark = match get("--pass-mark") {
            None => None,
            Some(v) => match v.parse::<u32>() {
                Ok(n) if n <= 100 => Some(n),
                _ => {
                    return usage_error(&format!(
                        "`--pass-mark {v}` is not a whole number from 0 to 100"
                    ))
                }
            },
        };
        let read = |path: &str| -> Result<String, i32> {
            let bytes = std::fs::read(path).map_err(|e| {
                eprintln!("ppg: cannot read `{path}`: {e}");
                2
            })?;
            String::from_utf8(bytes).map_err(|_| {
                eprintln!("ppg: `{path}` is not UTF-8 text");
                2
            })
        };
        let (quiz_text, answers_text) = match (read(quiz_path), read(answers_path)) {
            (Ok(q), Ok(a)) => (q, a),
            (Err(code), _) | (_, Err(code)) => return code,
        };
        let quiz = match grade::read_quiz(&quiz_text) {
            Ok(q) => q,
            Err(e) => {
                eprintln!("ppg: `{quiz_path}`: {e}");
                return 2;
            }
        };
        let answers = match grade::read_answers(&answers_text) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("ppg: `{answers_path}`: {e}");
                return 2;
            }
        };
        let pass_mark = flag_mark.or(quiz.pass_mark).unwrap_or(DEFAULT_PASS_MARK);
        let graded = grade::grade(&quiz.questions, &answers, pass_mark);
        for id in &graded.unknown_answers {
            eprintln!("ppg: warning: `{answers_path}` answers `{id}`, which is not in the quiz");
        }
        let json = serde_json::to_string_pretty(&graded).unwrap_or_default();
        let _ = writeln!(std::io::stdout().lock(), "{json}");
        0
    }

    /// `route test`: runs the fixtures; one line each and a summary.
    fn route_test(rest: &[&str]) -> i32 {
        use policy_playground::core::simulate::run_fixtures;
        let bundle = match bundle_only(rest) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let results = run_fixtures(&bundle);
        let mut out = BufWriter::new(std::io::stdout().lock());
        let failed = results.iter().filter(|r| !r.pass).count();
        for r in &results {
            let _ = if r.pass {
                writeln!(out, "pass {} {}", r.id, r.name)
            } else {
                writeln!(out, "FAIL {} {}: {}", r.id, r.name, r.diff.join("; "))
            };
        }
        let _ = writeln!(
            out,
            "{} fixture(s): {} passed, {} failed",
            results.len(),
            results.len() - failed,
            failed
        );
        let _ = out.flush();
        i32::from(failed > 0)
    }

    /// `route lint`: static checks of the templates; one line per finding and a summary.
    fn route_lint(rest: &[&str]) -> i32 {
        use policy_playground::core::lint::{lint, Severity};
        let opts = match options(rest, &["--bundle"], &[]) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        // The lint runs on a workspace that has validation problems too (it reports
        // conditions on unknown fields itself); the problems go to standard error and make
        // the exit code 1. A file that cannot be read or deserialized is a usage error.
        let (bundle, problems) = match get("--bundle") {
            None => (starter::bundle(Lang::Zh), Vec::new()),
            Some(path) => {
                let text = match std::fs::read_to_string(path) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("ppg: cannot read `{path}`: {e}");
                        return 2;
                    }
                };
                match Bundle::from_json_with_problems(&text) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("ppg: `{path}` is not a valid workspace:");
                        for p in &e.problems {
                            eprintln!("{p}");
                        }
                        return 2;
                    }
                }
            }
        };
        if !problems.is_empty() {
            eprintln!(
                "ppg: the workspace has {} validation problem(s):",
                problems.len()
            );
            for p in &problems {
                eprintln!("{p}");
            }
        }
        let findings = lint(&bundle);
        let mut out = BufWriter::new(std::io::stdout().lock());
        for f in &findings {
            let _ = writeln!(
                out,
                "{} {} {}: {}",
                f.severity.code(),
                f.template,
                f.path,
                f.message()
            );
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let _ = writeln!(
            out,
            "{} finding(s): {} error(s), {} warning(s)",
            findings.len(),
            errors,
            findings.len() - errors
        );
        let _ = out.flush();
        i32::from(errors > 0 || !problems.is_empty())
    }

    /// `naming check` (one JSON object per name) and `naming audit` (one summary).
    fn naming_check(rest: &[&str], audit: bool) -> i32 {
        let opts = match options(rest, &["--bundle", "--scheme"], &[]) {
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
        if audit {
            return naming_audit(&compiled);
        }
        let stdin = std::io::stdin().lock();
        let mut out = BufWriter::new(std::io::stdout().lock());
        let read = for_each_line(stdin, |name| {
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
        0
    }

    /// `naming audit`: how many names were read, how many pass, and per violation code how
    /// many names have it. Only the codes are computed (no spans, messages or suggestions),
    /// and nothing is allocated per name.
    fn naming_audit(compiled: &policy_playground::core::naming::check::Compiled) -> i32 {
        use policy_playground::core::naming::check::CODES;
        let (mut total, mut ok) = (0u64, 0u64);
        // Per code, in the order of CODES, how many names have at least one violation of it.
        let mut counts = [0u64; CODES.len()];
        let read = for_each_line_in_blocks(std::io::stdin().lock(), |name| {
            let codes = compiled.violation_codes(name);
            total += 1;
            ok += u64::from(codes.is_empty());
            for i in codes.indices() {
                counts[i] += 1;
            }
        });
        if let Err(e) = read {
            eprintln!("ppg: cannot read standard input: {e}");
            return 2;
        }
        let counts: std::collections::BTreeMap<&str, u64> = CODES
            .iter()
            .zip(counts)
            .filter(|&(_, n)| n > 0)
            .map(|(code, n)| (*code, n))
            .collect();
        let summary = serde_json::json!({ "total": total, "ok": ok, "violations": counts });
        let _ = writeln!(std::io::stdout().lock(), "{summary}");
        0
    }

    /// `naming inventory`: one JSON object per row of the group list, in file order.
    fn naming_inventory(rest: &[&str]) -> i32 {
        let opts = match options(rest, &["--bundle", "--csv", "--as-of"], &[]) {
            Ok(o) => o,
            Err(e) => return usage_error(&e),
        };
        let get = |k: &str| opts.iter().find(|(f, _)| *f == k).map(|(_, v)| *v);
        let (Some(path), Some(as_of)) = (get("--csv"), get("--as-of")) else {
            return usage_error("`naming inventory` needs --csv FILE and --as-of YYYY-MM-DD");
        };
        let Some(as_of) = Date::parse_iso(as_of) else {
            return usage_error(&format!("`{as_of}` is not a real date written YYYY-MM-DD"));
        };
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    eprintln!("ppg: `{path}` is not UTF-8 text; save it as \"CSV UTF-8\"");
                    return 2;
                }
            },
            Err(e) => {
                eprintln!("ppg: cannot read `{path}`: {e}");
                return 2;
            }
        };
        let bundle = match load_bundle(get("--bundle")) {
            Ok(b) => b,
            Err(code) => return code,
        };
        let report = inventory::audit(&text, &bundle, &bundle.inventory, as_of);
        if let Some(problem) = &report.header_error {
            eprintln!("ppg: `{path}`: {}", problem.message());
            return 1;
        }
        if let Some(problem) = &report.scheme_problem {
            eprintln!("ppg: warning: {}", problem.message());
        }
        let mut out = BufWriter::new(std::io::stdout().lock());
        let mut errors = report.row_errors.iter().peekable();
        let mut groups = report.groups.iter().peekable();
        loop {
            let group_line = groups.peek().map(|g| g.line);
            let error_line = errors.peek().map(|e| e.line);
            let record = match (group_line, error_line) {
                (Some(g), Some(e)) if e < g => errors.next().map(row_error_json),
                (Some(_), _) => groups.next().map(group_json),
                (None, _) => errors.next().map(row_error_json),
            };
            let Some(record) = record else { break };
            // A reader that went away (`| head`) ends the run quietly.
            if serde_json::to_writer(&mut out, &record).is_err() || writeln!(out).is_err() {
                break;
            }
        }
        let _ = out.flush();
        0
    }

    /// A group row of `naming inventory`, with its findings.
    fn group_json(g: &inventory::GroupResult) -> serde_json::Value {
        let findings: Vec<serde_json::Value> = g
            .findings
            .iter()
            .map(|f| {
                let params: serde_json::Map<String, serde_json::Value> = f
                    .params
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_json::Value::from(v.as_str())))
                    .collect();
                serde_json::json!({
                    "code": f.code,
                    "severity": f.severity.code(),
                    "action": f.action,
                    "message": f.message(),
                    "params": params,
                })
            })
            .collect();
        serde_json::json!({
            "line": g.line,
            "name": g.name,
            "ok": findings.is_empty(),
            "findings": findings,
        })
    }

    /// A row of `naming inventory` that could not be checked.
    fn row_error_json(e: &inventory::RowError) -> serde_json::Value {
        serde_json::json!({
            "line": e.line,
            "error": e.code,
            "message": e.message(),
        })
    }

    /// [`for_each_line`] for large inputs, with the same lines: reads blocks of a megabyte,
    /// checks UTF-8 once per block and hands out lines borrowed from it. A block with bytes
    /// that are not UTF-8 falls back to line by line, replacing them (U+FFFD) in the lines
    /// that have them, so such a line is still counted and checked as its lossy decoding.
    fn for_each_line_in_blocks(
        mut input: impl std::io::Read,
        mut each: impl FnMut(&str),
    ) -> std::io::Result<()> {
        const BLOCK: usize = 1 << 20;
        // Complete lines, each ending with `\n`.
        let mut lines = |block: &[u8]| match std::str::from_utf8(block) {
            Ok(text) => {
                for line in text.split_terminator('\n') {
                    each(line.strip_suffix('\r').unwrap_or(line));
                }
            }
            Err(_) => {
                for line in block[..block.len() - 1].split(|&b| b == b'\n') {
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    each(&String::from_utf8_lossy(line));
                }
            }
        };
        let mut buf = vec![0u8; BLOCK];
        let mut filled = 0;
        loop {
            if filled == buf.len() {
                // One line longer than the buffer: make room for more of it.
                buf.resize(buf.len() * 2, 0);
            }
            let n = match input.read(&mut buf[filled..]) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                // The last line, without a break: taken as it is, `\r` included.
                if filled > 0 {
                    each(&String::from_utf8_lossy(&buf[..filled]));
                }
                return Ok(());
            }
            // Only the new bytes can hold the last line break.
            if let Some(k) = buf[filled..filled + n].iter().rposition(|&b| b == b'\n') {
                let end = filled + k + 1;
                lines(&buf[..end]);
                buf.copy_within(end..filled + n, 0);
                filled = filled + n - end;
            } else {
                filled += n;
            }
        }
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
