#!/usr/bin/env bash
# Builds the release WebAssembly core into www/pkg/ (the page's only generated files), as two
# bundles: www/pkg/lite/ (the ROI calculator only: what the page opens on and what an embed
# loads) and www/pkg/full/ (everything: files, analysis, contests), fetched when a tab needs it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_wasm_bindgen
ensure_wasm_opt

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
raw=target/wasm32-unknown-unknown/release/social_roi_wasm.wasm
rm -rf www/pkg

bundle() { # NAME CARGO-FEATURE-ARGS...
  local name="$1"; shift
  say "building the WebAssembly core, $name bundle (release)"
  cargo build --release --lib --target wasm32-unknown-unknown --locked -p social-roi-wasm "$@" >&2
  mkdir -p "$work/$name"
  # wasm-opt runs before wasm-bindgen: Debian's binaryen (108) breaks wasm-bindgen's externref
  # table when it runs after it, and optimising first costs only a few hundred bytes.
  if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      --strip-debug --strip-producers "$raw" -o "$work/$name/social_roi.wasm" >&2
  else
    echo "warning: wasm-opt not found; the wasm is not size-optimised" >&2
    cp "$raw" "$work/$name/social_roi.wasm"
  fi
  wasm-bindgen --target web --no-typescript --out-name social_roi --out-dir "www/pkg/$name" "$work/$name/social_roi.wasm" >&2
  say "built www/pkg/$name/ ($(wc -c < "www/pkg/$name/social_roi_bg.wasm") bytes of wasm)"
}

bundle lite --no-default-features
bundle full
