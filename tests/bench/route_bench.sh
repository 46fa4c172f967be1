#!/usr/bin/env bash
# Benchmark for issue 4: resolve 100,000 random requests over a generated org of 10,000
# people (core::synth), natively and in headless Chromium. Run by `make bench`.
#
# Native: tests/route_bench.rs writes target/route-bench-native.json itself.
# Browser: tests/route_bench_browser.rs prints a `ROUTE_BENCH {json}` line, which this
# script writes to target/route-bench-browser.json (a test in the browser cannot write
# files). Both are #[ignore]d tests built in release mode; `cargo test` only compiles them.
#
# ROUTE_BENCH_ONLY=native or =browser runs one of the two. The browser part needs
# CHROMEDRIVER and WASM_BINDGEN_TEST_WEBDRIVER_JSON as `make test-browser` sets them; the
# Makefile exports both.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target
only="${ROUTE_BENCH_ONLY:-}"

if [ "$only" != browser ]; then
  cargo test --release --locked --test route_bench -- --ignored --nocapture
fi

if [ "$only" != native ]; then
  log=target/route-bench-browser.log
  # Three runs of 100,000 requests take a few minutes in the browser: more than the
  # runner's default limit.
  WASM_BINDGEN_TEST_TIMEOUT="${ROUTE_BENCH_TIMEOUT:-1200}" \
    cargo test --release --locked --target wasm32-unknown-unknown --test route_bench_browser \
    -- --include-ignored --nocapture 2>&1 | tee "$log"
  line=$(grep -o 'ROUTE_BENCH {.*}' "$log" | tail -n 1 || true)
  if [ -z "$line" ]; then
    echo "route bench (browser): no ROUTE_BENCH line in the test output ($log)" >&2
    exit 1
  fi
  printf '%s\n' "${line#ROUTE_BENCH }" | python3 -m json.tool > target/route-bench-browser.json
  echo "figures in target/route-bench-browser.json"
fi
