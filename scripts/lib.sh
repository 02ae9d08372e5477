# Shared by scripts/run.sh and scripts/test.sh: idempotent installs of what the project needs.
# Each ensure_* function checks first and installs only what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "error: root rights are needed to run: $*" >&2; return 1
  fi
}

APT_UPDATED=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found; install these packages by hand: $*" >&2; return 1
  fi
  if [ "$APT_UPDATED" = 0 ]; then
    as_root apt-get update -qq >&2
    APT_UPDATED=1
  fi
  say "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_rust() {
  command -v cargo >/dev/null 2>&1 || { echo "error: cargo not found; install rustup first (https://rustup.rs)" >&2; return 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown >&2
  fi
}

ensure_rust_tools() {
  local c
  for c in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
      say "adding the $c component"
      rustup component add "$c" >&2
    fi
  done
}

# The wasm-bindgen version Cargo.lock pins; the CLI must be exactly that one.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || { echo "error: wasm-bindgen not found in Cargo.lock" >&2; return 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --force >&2
  fi
}

ensure_wasm_opt() {
  command -v wasm-opt >/dev/null 2>&1 || apt_install binaryen
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
}

ensure_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
  # pdftoppm: the report's test turns the printed PDF into PNG pages.
  if ! command -v pdftoppm >/dev/null 2>&1; then
    apt_install poppler-utils
  fi
}
