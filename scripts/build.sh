#!/usr/bin/env bash
# Builds the release WebAssembly core into www/pkg/ (the page's only generated files).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_wasm_bindgen
ensure_wasm_opt

say "building the WebAssembly core (release)"
cargo build --release --lib --target wasm32-unknown-unknown --locked >&2
raw=target/wasm32-unknown-unknown/release/social_roi.wasm
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# wasm-opt runs before wasm-bindgen: Debian's binaryen (108) breaks wasm-bindgen's externref
# table when it runs after it, and optimising first costs only a few hundred bytes.
if command -v wasm-opt >/dev/null 2>&1; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers "$raw" -o "$work/social_roi.wasm" >&2
else
  echo "warning: wasm-opt not found; the wasm is not size-optimised" >&2
  cp "$raw" "$work/social_roi.wasm"
fi
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg "$work/social_roi.wasm" >&2
say "built www/pkg/ ($(wc -c < www/pkg/social_roi_bg.wasm) bytes of wasm)"
