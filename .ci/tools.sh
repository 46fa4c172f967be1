#!/usr/bin/env bash
# Installs what the build and the tests need, idempotently: quick when everything is there.
# Used by the Makefile (`make serve`, `make dist`, `make test`); safe to run by hand.
#
#   .ci/tools.sh build   Rust wasm target, Trunk, wasm-bindgen CLI, wasm-split-cli, wasm-opt
#   .ci/tools.sh test    all of the above, plus Chromium, ChromeDriver and the e2e runner
#   .ci/tools.sh ripgrep ripgrep, for the naming benchmark
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
TRUNK_VERSION="0.21.14"      # 0.22 needs a newer rustc than our machines have
WASM_SPLIT_VERSION="0.2.3"  # wasm-split-cli, the splitter Leptos's lazy loading is made for
BINARYEN_VERSION="132.0.0"   # wasm-opt from the npm registry (Debian's 108 breaks this module)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $* (install it yourself, or install sudo)"; fi
}

apt_install() {
  command -v apt-get >/dev/null || die "please install: $* (no apt-get on this machine)"
  say "installing Debian packages: $*"
  if [ ! -f "$TOOLS/.apt-updated" ]; then
    as_root apt-get update -qq || die "apt-get update failed"
    mkdir -p "$TOOLS" && touch "$TOOLS/.apt-updated"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "could not install $*"
}

need_cargo() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
}

wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

trunk_tool() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (takes several minutes, once)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

wasm_bindgen_tool() {
  # The CLI must be exactly the wasm-bindgen version in Cargo.lock.
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: its lock file names a crate version the registry no longer has.
    cargo install --force wasm-bindgen-cli --version "$want"
  fi
}

wasm_split_tool() {
  # It has no --version: ask cargo which version it installed.
  if ! command -v wasm-split-cli >/dev/null ||
     ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute or two, once)"
    cargo install --locked --force wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
}

node_tool() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
}

wasm_opt_tool() {
  node_tool
  local dir="$TOOLS/binaryen"
  if [ ! -x "$dir/node_modules/binaryen/bin/wasm-opt" ] ||
     ! grep -q "\"version\": \"$BINARYEN_VERSION\"" "$dir/node_modules/binaryen/package.json" 2>/dev/null; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
    mkdir -p "$dir"
    (cd "$dir" && npm install --no-audit --no-fund --silent --prefix . "binaryen@$BINARYEN_VERSION" >/dev/null) ||
      die "could not install binaryen from npm"
  fi
  mkdir -p "$TOOLS/bin"
  ln -sf "$dir/node_modules/binaryen/bin/wasm-opt" "$TOOLS/bin/wasm-opt"
}

browser_tools() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}

e2e_runner() {
  node_tool
  local dir="$ROOT/tests/e2e"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing the end-to-end test runner (playwright-core, no browser download)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent) || die "npm ci failed in tests/e2e"
  fi
}

need_cargo
case "${1:-build}" in
  build) wasm_target; trunk_tool; wasm_bindgen_tool; wasm_split_tool; wasm_opt_tool ;;
  test) wasm_target; trunk_tool; wasm_bindgen_tool; wasm_split_tool; wasm_opt_tool; browser_tools; e2e_runner ;;
  ripgrep) command -v rg >/dev/null || apt_install ripgrep ;;
  *) die "usage: .ci/tools.sh build|test|ripgrep" ;;
esac
