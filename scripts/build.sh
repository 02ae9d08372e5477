#!/usr/bin/env bash
# Builds the release WebAssembly core into www/pkg/ as two bundles: www/pkg/lite/ (the ROI
# calculator only: what the page opens on and what an embed loads) and www/pkg/full/ (files,
# analysis, contests), fetched when a tab needs it; then two modules fetched only when needed:
# www/pkg/sheets/ (the spreadsheet readers, crates/sheets), once a spreadsheet is dropped, and
# www/pkg/beacon/ (drand rounds verified), for a drand seed; then the single offline file
# www/social-roi.html. These are the page's only generated files.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_wasm_bindgen
ensure_wasm_opt

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
raw=target/wasm32-unknown-unknown/release/social_roi_wasm.wasm
rm -rf www/pkg

# The full bundle and the spreadsheet module are built with WebAssembly SIMD (`simd128`): memchr, simdutf8 and
# sha2 then use their vector code (the CSV scan, the UTF-8 check, a draw's SHA-256), and the
# bundle comes out a little smaller. Every browser the page supports runs it (Chrome and Edge 91,
# Firefox 89, Safari 16.4); full-core.js says so where one does not. The lite bundle (the
# calculator an embed loads) stays without, so it runs everywhere. The SIMD builds have a target
# directory of their own: other RUSTFLAGS in one directory would rebuild every crate each time.
SIMD_TARGET=target/wasm-simd
SIMD_FLAGS="-C target-feature=+simd128"

bundle() { # NAME simd|plain CARGO-FEATURE-ARGS...
  local name="$1" kind="$2"; shift 2
  if [ "$kind" = simd ]; then
    say "building the WebAssembly core, $name bundle (release, simd128)"
    CARGO_TARGET_DIR="$SIMD_TARGET" RUSTFLAGS="$SIMD_FLAGS" \
      cargo build --release --lib --target wasm32-unknown-unknown --locked -p social-roi-wasm "$@" >&2
    finish "$name" "$SIMD_TARGET/wasm32-unknown-unknown/release/social_roi_wasm.wasm" social_roi
  else
    say "building the WebAssembly core, $name bundle (release)"
    cargo build --release --lib --target wasm32-unknown-unknown --locked -p social-roi-wasm "$@" >&2
    finish "$name" "$raw" social_roi
  fi
}

finish() { # NAME RAW-WASM OUT-NAME [WASM-BINDGEN-FLAGS...]: wasm-opt, then wasm-bindgen into www/pkg/NAME/
  local name="$1" raw="$2" out="$3"; shift 3
  mkdir -p "$work/$name"
  # wasm-opt runs before wasm-bindgen: Debian's binaryen (108) breaks wasm-bindgen's externref
  # table when it runs after it, and optimising first costs only a few hundred bytes.
  if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      --strip-debug --strip-producers "$raw" -o "$work/$name/$out.wasm" >&2
  else
    echo "warning: wasm-opt not found; the wasm is not size-optimised" >&2
    cp "$raw" "$work/$name/$out.wasm"
  fi
  wasm-bindgen --target web --no-typescript "$@" --out-name "$out" --out-dir "www/pkg/$name" "$work/$name/$out.wasm" >&2
  say "built www/pkg/$name/ ($(wc -c < "www/pkg/$name/${out}_bg.wasm") bytes of wasm)"
}

bundle lite plain --no-default-features
bundle full simd --no-default-features --features full

# The spreadsheet module (crates/sheets): calamine, zip and the XML reader, which the full
# bundle leaves out, called by it through the worker once a spreadsheet is dropped. Built
# with a state reset function, which full-core.js calls to give the next workbook a fresh
# instance after one trapped. (`opt-level = "z"` would save 3 KiB brotli and read a workbook
# 1.45× slower: docs/architecture.md.)
say "building the spreadsheet module (release, simd128)"
CARGO_TARGET_DIR="$SIMD_TARGET" RUSTFLAGS="$SIMD_FLAGS" \
  cargo build --release --lib --target wasm32-unknown-unknown --locked -p social-roi-sheets >&2
finish sheets "$SIMD_TARGET/wasm32-unknown-unknown/release/social_roi_sheets.wasm" sheets --experimental-reset-state-function

# The beacon module (crates/beacon): drand rounds and their BLS signatures, which none of the
# bundles above carries; the worker fetches it only for a drand seed or certificate.
say "building the beacon module (release)"
cargo build --release --lib --target wasm32-unknown-unknown --locked -p social-roi-beacon --features module >&2
finish beacon target/wasm32-unknown-unknown/release/social_roi_beacon.wasm beacon

# The single offline file, www/social-roi.html (scripts/single-file.mjs): the page, its
# modules and both bundles in one HTML file. esbuild (npm, pinned in package.json) bundles it.
ensure_node
if [ ! -x node_modules/.bin/esbuild ] || [ "$(node -p "require('esbuild/package.json').version" 2>/dev/null)" != "$(node -p "require('./package.json').devDependencies.esbuild")" ]; then
  say "installing esbuild (npm ci, once)"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
say "writing the single offline file"
node scripts/single-file.mjs >&2
