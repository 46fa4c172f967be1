# Policy Playground. Two commands on a fresh machine with rustup and cargo:
#   make serve   build and serve the app at http://127.0.0.1:8080 with live reload
#   make test    every test layer (native, browser, end-to-end) and the budgets
# Both install what is missing first (.ci/tools.sh), quickly when it is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/.tools/bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk must not download tools (no internet here): .ci/tools.sh installs them.
export TRUNK_OFFLINE := true
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON := $(CURDIR)/tests/webdriver.json
export WASM_BINDGEN_TEST_TIMEOUT := 120

# Where the app is served from, for `make dist` (e.g. PUBLIC_URL=/playground/).
PUBLIC_URL ?= /

# Release builds put each area in a WebAssembly chunk loaded on demand: these flags mark
# the split points (src/ui/areas.rs) and keep the relocations .ci/split-wasm.sh (a Trunk
# hook) needs. Cargo adds them to .cargo/config.toml's rustflags. `make serve` builds one
# module, without them.
RELEASE_BUILD := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg ppg_split -Clink-args=--emit-relocs" trunk build --release

.PHONY: all serve dist test lint test-native test-browser test-e2e bench setup-build setup-test clean

all: dist

setup-build:
	@.ci/tools.sh build

setup-test:
	@.ci/tools.sh test

serve: setup-build
	trunk serve

dist: setup-build
	$(RELEASE_BUILD) --public-url "$(PUBLIC_URL)"
	@# Static hosts that serve 404.html for unknown paths (GitHub Pages and the like) then
	@# open deep links such as /approvals in the app.
	cp dist/index.html dist/404.html
	@echo "dist/ is ready for any static host (public URL $(PUBLIC_URL))"

# A second build under a sub-path, to test deploying below a site's root.
SUBPATH_DIST := target/dist-subpath
SUBPATH_BASE := /pp/

test: setup-test lint test-native test-browser
	$(MAKE) --no-print-directory dist PUBLIC_URL=/
	$(RELEASE_BUILD) --public-url "$(SUBPATH_BASE)" --dist "$(SUBPATH_DIST)"
	$(MAKE) --no-print-directory test-e2e PPG_DIST_SUBPATH="$(CURDIR)/$(SUBPATH_DIST)" PPG_SUBPATH_BASE="$(SUBPATH_BASE)"
	@echo "make test: all layers passed"

lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

test-native:
	cargo test --locked

test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test browser

test-e2e:
	cd tests/e2e && PPG_DIST_SUBPATH="$(PPG_DIST_SUBPATH)" PPG_SUBPATH_BASE="$(PPG_SUBPATH_BASE)" \
		node --test --test-concurrency=1 --test-reporter=spec *.test.mjs

# Budgets (first-load transfer, preview latency; `make test` runs them too), the naming
# audit benchmark against grep -cP and ripgrep (installs ripgrep when missing), the
# same million names audited in the browser, and the routing benchmark (100,000 requests
# over 10,000 people, natively and in the browser; target/route-bench-*.json), and a batch
# of 100,000 requests routed and timed in the browser (target/batch-browser-100k.json).
bench: setup-test dist
	cd tests/e2e && node --test --test-reporter=spec budget.test.mjs
	@command -v rg >/dev/null || .ci/tools.sh ripgrep
	tests/bench/naming_audit.sh
	cd tests/e2e && node --test --test-reporter=spec audit-1m.bench.mjs
	tests/bench/route_bench.sh
	cd tests/e2e && node --test --test-reporter=spec batch-100k.bench.mjs

clean:
	rm -rf dist target/wasm32-unknown-unknown

# Fuzz the naming engine (scheme compilation, checking, suggestions) with cargo-fuzz on the
# nightly toolchain, for FUZZ_SECONDS seconds. Installs cargo-fuzz when missing. New inputs
# go to target/fuzz-corpus/naming; fuzz/corpus/naming is the committed seed corpus, which
# `cargo test` replays on stable (tests/fuzz_corpus.rs). Crashes land in fuzz/artifacts/.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p target/fuzz-corpus/naming
	cargo +nightly fuzz run naming target/fuzz-corpus/naming fuzz/corpus/naming -- -max_total_time=$(FUZZ_SECONDS)
