#!/usr/bin/env bash
# The benchmark (see BENCHMARKS.md): installs what is missing, builds the page and the native
# programs, generates the inputs (once; reused while their hashes hold), then measures in
# headless Chromium (benches/run.mjs: our import path against PapaParse, uDSV, our raw scan and
# a TextDecoder scan, interleaved rounds in one page; wasm memory; the real page's long tasks;
# the draw) and natively (benches/native.mjs), and prints the summary table.
#
#   scripts/bench.sh            full inputs (X 10/50/100 MB, Meta 50 MB, 100k and 1M comments),
#                               5 rounds: about 15 minutes on 2 cores, 1.5 GB of inputs
#   scripts/bench.sh --small    ~1 MB inputs and 10k comments, 2 rounds: a few minutes (CI)
#   options: --rounds N; --wait-load L (wait, up to 15 minutes, for a 1-minute load under L)
#
# Results: target/bench-results/{browser,native}-MODE.json and summary-MODE.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

small=()
rounds=()
wait_load=""
while [ $# -gt 0 ]; do
  case "$1" in
    --small) small=(--small) ;;
    --rounds) rounds=(--rounds "$2"); shift ;;
    --wait-load) wait_load="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "scripts/bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
mode=full
[ ${#small[@]} -gt 0 ] && mode=small

ensure_time() {
  [ -x /usr/bin/time ] || apt_install time
}

ensure_rust
ensure_wasm_bindgen
ensure_wasm_opt
ensure_node
ensure_browser
ensure_time

say "installing the benchmark's JavaScript (benches/package-lock.json)"
(cd benches && npm ci --no-audit --no-fund --loglevel=error)

"$ROOT/scripts/build.sh"
say "building the command line and the benchmark programs (release)"
cargo build --quiet --release --locked -p social-roi-cli
cargo build --quiet --release --locked -p social-roi --example serve --example bench_import --example bench_analysis

say "generating the inputs ($mode)"
node benches/gen.mjs "${small[@]}"

load1() { cut -d' ' -f1 /proc/loadavg; }
if [ -n "$wait_load" ]; then
  for _ in $(seq 60); do
    awk -v l="$(load1)" -v max="$wait_load" 'BEGIN { exit !(l < max) }' && break
    say "load $(load1), waiting for it to fall under $wait_load"
    sleep 15
  done
fi
say "load before the measurements: $(cut -d' ' -f1-3 /proc/loadavg)"

say "browser: headless Chromium"
node benches/run.mjs "${small[@]}" "${rounds[@]}"
say "native"
node benches/native.mjs "${small[@]}" "${rounds[@]}"

results="${CARGO_TARGET_DIR:-target}/bench-results"
say "summary ($results/summary-$mode.md)"
node benches/report.mjs "${small[@]}" | tee "$results/summary-$mode.md"
