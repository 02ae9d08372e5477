#!/usr/bin/env bash
# Quick start, command 2: installs what is missing, then runs every layer of tests:
# formatting and lints, native unit/integration/doc tests, the wasm boundary tests
# (wasm-bindgen-test in node), the unit tests of the page's pure modules (node --test), and the
# end-to-end tests of the real page in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_rust_tools
ensure_wasm_bindgen
ensure_wasm_opt
ensure_node
ensure_browser

say "formatting and lints"
cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p social-roi-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked -p social-roi-wasm --lib --no-default-features --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked -p social-roi-sheets --all-targets --target wasm32-unknown-unknown -- -D warnings
# The fuzz targets (fuzz/, a workspace of their own that scripts/fuzz.sh runs on nightly) are
# type-checked here on stable, so that a change to the core cannot leave them unbuildable.
cargo check --locked --quiet --manifest-path "$ROOT/fuzz/Cargo.toml" --bins \
  --target-dir "$ROOT/target/fuzz-check"

say "native tests: unit, integration and doc tests (core and command line)"
cargo test --locked --workspace

say "release build: the hostile corpus and the fuzz regressions, as users run the binary"
cargo test --locked --release -p social-roi-cli --test hostile
cargo test --locked --release -p social-roi --test fuzz_regressions

say "wasm boundary tests (wasm-bindgen-test, in node): crates/wasm/tests"
# Built with simd128 as the full bundle is, in its target directory (build.sh).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CARGO_TARGET_DIR=target/wasm-simd RUSTFLAGS="-C target-feature=+simd128" \
  cargo test --locked -p social-roi-wasm --target wasm32-unknown-unknown

say "page unit tests (node --test): tests/www"
node --test "$ROOT"/tests/www/*.test.mjs

say "building the page"
"$ROOT/scripts/build.sh"
cargo build --quiet --release --locked --example serve

say "end-to-end tests: the page in headless Chromium"
cd "$ROOT/tests/e2e"
npm ci --no-audit --no-fund --loglevel=error
node --test --test-concurrency=1 ./*.test.mjs
