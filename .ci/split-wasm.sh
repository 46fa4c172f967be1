#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): in a release build, splits the app's WebAssembly into
# the main module and one chunk per area, loaded on demand (src/ui/areas.rs), then
# optimizes every module with wasm-opt.
#
# The split needs the cargo output built with `--cfg ppg_split -Clink-args=--emit-relocs`
# (the Makefile's release builds set them): the areas' split points then appear as imports
# from "__wasm_split_placeholder__", which wasm-split-cli resolves into a loader script and
# chunk files. Trunk's own wasm-bindgen output of the unsplit module is replaced here;
# wasm-bindgen runs again on the split main module, keeping the exports the chunks link to.
# Chunk and loader names carry a hash of their content, so a redeploy never mixes versions.
set -euo pipefail

say() { printf '\033[1m[split]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[split] %s\033[0m\n' "$*" >&2; exit 1; }

[ -n "${TRUNK_STAGING_DIR:-}" ] || die "run by Trunk as a post_build hook (see Trunk.toml)"
stage="$TRUNK_STAGING_DIR"
profile="${TRUNK_PROFILE:-debug}"

target_dir="$(cargo metadata --format-version 1 --no-deps --offline |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
input="$target_dir/wasm32-unknown-unknown/$profile/policy-playground.wasm"
[ -f "$input" ] || die "no cargo output at $input"

shopt -s nullglob
js_files=("$stage"/policy-playground-*.js)
[ "${#js_files[@]}" = 1 ] || die "expected one policy-playground-*.js in $stage, found ${#js_files[@]}"
stem="$(basename "${js_files[0]}" .js)"
[ -f "$stage/${stem}_bg.wasm" ] || die "no ${stem}_bg.wasm in $stage"

split=false
grep -q __wasm_split_placeholder__ "$input" && split=true

if [ "$profile" != release ]; then
  $split && die "this dev build has split points: build it without --cfg ppg_split (make serve does)"
  exit 0
fi
$split || die "release build without split points: build with make dist (it sets --cfg ppg_split)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say "splitting $(basename "$input") ($(($(stat -c %s "$input") / 1024)) KB)"
wasm-split-cli "$input" "$work/split" --target web --out-name "$stem"
wasm-bindgen --target web --keep-lld-exports --no-demangle \
  --out-dir "$work/bindgen" --out-name "$stem" "$work/split/$stem.wasm"
[ ! -e "$work/bindgen/snippets" ] || die "wasm-bindgen wrote JS snippets; copy them to the staging dir here"

# The same wasm-opt settings for every module (index.html's data-wasm-opt is 0: this
# hook optimizes). Features match what the Rust target emits.
# The chunks' name sections have a subsection wasm-opt does not know; it warns once per
# chunk and drops it with the names (--strip-debug). Those warnings are filtered out.
optimize() {
  local log="$work/wasm-opt.log"
  if ! wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers "$1" -o "$2" 2>"$log"; then
    cat "$log" >&2
    die "wasm-opt failed on $(basename "$1")"
  fi
  grep -v '^warning: unknown name subsection' "$log" >&2 || true
}

hash_of() { sha256sum "$1" | cut -c1-16; }

cp "$work/bindgen/$stem.js" "$stage/$stem.js"
optimize "$work/bindgen/${stem}_bg.wasm" "$stage/${stem}_bg.wasm"

loader="$work/split/__wasm_split.js"
[ -f "$loader" ] || die "wasm-split-cli wrote no __wasm_split.js"
for chunk in "$work/split"/*.wasm; do
  name="$(basename "$chunk" .wasm)"
  [ "$name" = "$stem" ] && continue
  optimize "$chunk" "$work/opt.wasm"
  hashed="$name-$(hash_of "$work/opt.wasm").wasm"
  mv "$work/opt.wasm" "$stage/$hashed"
  grep -q "\"./$name.wasm\"" "$loader" || die "the loader does not name $name.wasm"
  sed -i "s#\"./$name.wasm\"#\"./$hashed\"#g" "$loader"
done
# The loader starts fetching a chunk before its dependencies are in; when a dependency
# fails first (offline), nothing awaits that fetch and the page gets an unhandled
# rejection. Mark each fetch handled; the load that awaits it still sees the failure,
# and the app shows its notice (src/ui/areas.rs).
grep -q '^    const src = fetch(.*);$' "$loader" || die "the loader's fetch lines changed: review this patch"
sed -i 's#^    const src = fetch(\(.*\));$#    const src = fetch(\1);\n    src.catch(() => {});#' "$loader"
loader_hashed="__wasm_split-$(hash_of "$loader").js"
cp "$loader" "$stage/$loader_hashed"
# Only the import statements: the wasm's import object keeps the module name it links to.
grep -q 'from "\./__wasm_split\.js"' "$stage/$stem.js" || die "$stem.js does not import ./__wasm_split.js"
sed -i "s#from \"\./__wasm_split\.js\"#from \"./$loader_hashed\"#g" "$stage/$stem.js"

say "main $(($(stat -c %s "$stage/${stem}_bg.wasm") / 1024)) KB, chunks: $(cd "$stage" && ls -- *.wasm | grep -vc "^${stem}_bg.wasm$")"
