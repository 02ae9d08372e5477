#!/usr/bin/env bash
# Quick start, command 2: installs what is missing, then runs every layer of tests:
# formatting and lints, native unit/integration/doc tests, the wasm boundary tests
# (wasm-bindgen-test in node), and the end-to-end tests of the real page in headless Chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_rust
ensure_rust_tools
ensure_wasm_bindgen
ensure_wasm_opt
ensure_node
ensure_browser

say "formatting and lints"
cargo fmt --all -- --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings

say "native tests: unit, integration and doc tests"
cargo test --locked

say "wasm boundary tests (wasm-bindgen-test, in node): tests/web*.rs"
web_tests=()
for f in tests/web*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown "${web_tests[@]}"

say "building the page"
"$ROOT/scripts/build.sh"
cargo build --quiet --release --locked --example serve

say "end-to-end tests: the page in headless Chromium"
cd "$ROOT/tests/e2e"
npm ci --no-audit --no-fund --loglevel=error
node --test --test-concurrency=1 ./*.test.mjs
