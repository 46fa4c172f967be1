//! The routing benchmark, natively (issue 4): 100,000 random requests over a generated org
//! of 10,000 people, resolved by `core::simulate`, best of three runs. On demand only (it is
//! `#[ignore]`d, so `cargo test` compiles it but does not run it); `make bench` runs it:
//!
//! ```sh
//! cargo test --release --test route_bench -- --ignored --nocapture
//! ```
//!
//! Prints one summary line and writes the figures to `target/route-bench-native.json`.
//! The browser twin is `tests/route_bench_browser.rs`; the workload is shared.
#![cfg(not(target_arch = "wasm32"))]

#[path = "bench/route_workload.rs"]
mod route_workload;

use std::time::Instant;

use route_workload::{data_bytes, report, resolve, workload, Tally, REQUESTS, RUNS};

/// A `Vm…` line of /proc/self/status, in bytes (Linux only; `None` elsewhere).
fn proc_status_bytes(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line
        .trim_start_matches(key)
        .trim_start_matches(':')
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024)
}

#[test]
#[ignore = "benchmark; run with --release -- --ignored --nocapture (make bench)"]
fn route_bench_native() {
    let rss_before = proc_status_bytes("VmRSS");
    let start = Instant::now();
    let w = workload();
    let generate_ms = start.elapsed().as_secs_f64() * 1000.0;
    let rss_generated = proc_status_bytes("VmRSS");

    let mut runs_ms = Vec::new();
    let mut tally = Tally::default();
    for _ in 0..RUNS {
        let mut run = Tally::default();
        let start = Instant::now();
        resolve(&w.bundle, &w.requests, &mut run);
        runs_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        tally = std::hint::black_box(run);
    }
    assert_eq!(tally.routes + tally.errors, REQUESTS);

    let memory = serde_json::json!({
        "peak_rss_bytes": proc_status_bytes("VmHWM"),
        "rss_before_generating_bytes": rss_before,
        "rss_after_generating_bytes": rss_generated,
        "rss_at_end_bytes": proc_status_bytes("VmRSS"),
    });
    let figures = report(
        "native",
        generate_ms,
        &runs_ms,
        tally,
        data_bytes(&w),
        memory,
    );
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/target/route-bench-native.json"
    );
    std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/target")).expect("target/");
    std::fs::write(path, format!("{figures:#}\n")).expect("write the figures");
    let mb = |v: &serde_json::Value| v.as_f64().map_or(f64::NAN, |b| b / 1_048_576.0);
    println!(
        "route bench (native): {} requests over {} people: {:.0} requests/s, {:.2} µs/request \
         (best of {RUNS}: {} ms), {} routes, {} errors; peak RSS {:.1} MB, generated data \
         {:.1} MB; figures in {path}",
        REQUESTS,
        figures["people"],
        figures["requests_per_sec"].as_f64().unwrap_or(0.0),
        figures["us_per_request"].as_f64().unwrap_or(0.0),
        figures["runs_ms"],
        tally.routes,
        tally.errors,
        mb(&figures["memory"]["peak_rss_bytes"]),
        mb(&figures["data_bytes"]),
    );
    assert_eq!(tally.errors, 0, "every synthetic request resolves");
}
