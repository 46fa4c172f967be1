//! The routing benchmark in the browser (issue 4): the workload of `tests/route_bench.rs`
//! (100,000 random requests over a generated org of 10,000 people, best of three runs),
//! compiled to WebAssembly and run in headless Chromium by wasm-bindgen-test. On demand
//! only (`#[ignore]`d); `make bench` runs it through `tests/bench/route_bench.sh`:
//!
//! ```sh
//! cargo test --release --target wasm32-unknown-unknown --test route_bench_browser \
//!     -- --include-ignored --nocapture
//! ```
//!
//! (with `CHROMEDRIVER` and `WASM_BINDGEN_TEST_WEBDRIVER_JSON` set as for
//! `make test-browser`). The figures are printed as one `ROUTE_BENCH {json}` line, which
//! the script writes to `target/route-bench-browser.json` (a test in the browser cannot
//! write files).
//!
//! The requests are resolved in slices of [`SLICE`], yielding to the browser in between as
//! the app's long jobs do, so that the page stays responsive and the test runner can follow
//! it; only the slices are timed.
#![cfg(target_arch = "wasm32")]

#[path = "bench/route_workload.rs"]
mod route_workload;

use route_workload::{data_bytes, report, resolve, workload, Tally, REQUESTS, RUNS};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SLICE: usize = 5_000;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// The WebAssembly memory's size in bytes. It never shrinks, so this is also its peak.
fn wasm_memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65_536
}

#[wasm_bindgen_test]
#[ignore]
async fn route_bench_browser() {
    let memory_before = wasm_memory_bytes();
    let start = now_ms();
    let w = workload();
    let generate_ms = now_ms() - start;
    let memory_generated = wasm_memory_bytes();

    let mut runs_ms = Vec::new();
    let mut tally = Tally::default();
    for _ in 0..RUNS {
        let mut ms = 0.0;
        let mut run = Tally::default();
        for slice in w.requests.chunks(SLICE) {
            let start = now_ms();
            resolve(&w.bundle, slice, &mut run);
            ms += now_ms() - start;
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        runs_ms.push(ms);
        tally = run;
    }
    assert_eq!(tally.routes + tally.errors, REQUESTS);

    let user_agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let memory = serde_json::json!({
        "wasm_memory_bytes": wasm_memory_bytes(),
        "wasm_memory_before_generating_bytes": memory_before,
        "wasm_memory_after_generating_bytes": memory_generated,
        "user_agent": user_agent,
    });
    let figures = report(
        "browser",
        generate_ms,
        &runs_ms,
        tally,
        data_bytes(&w),
        memory,
    );
    console_log!("ROUTE_BENCH {figures}");
    console_log!(
        "route bench (browser): {} requests over {} people: {} requests/s, {} µs/request \
         (best of {RUNS}: {} ms), {} routes, {} errors; WebAssembly memory {:.1} MB, \
         generated data {:.1} MB",
        REQUESTS,
        figures["people"],
        figures["requests_per_sec"],
        figures["us_per_request"],
        figures["runs_ms"],
        tally.routes,
        tally.errors,
        wasm_memory_bytes() as f64 / 1_048_576.0,
        data_bytes(&w) as f64 / 1_048_576.0,
    );
    assert_eq!(tally.errors, 0, "every synthetic request resolves");
}
