#!/usr/bin/env bash
# Coverage-guided fuzzing of the core (cargo-fuzz, libFuzzer, nightly): one target at a time,
# at the lowest priority (the machine is shared), seeded from tests/fixtures with the formats'
# dictionaries. Crashers land in fuzz/artifacts/TARGET/: copy each into tests/fixtures/fuzz/
# (scripts/fuzz.sh keep TARGET) so tests/fuzz_regressions.rs replays it in every test run.
#
#   scripts/fuzz.sh TARGET [RUNS]      fuzz TARGET for RUNS executions (default 10,000,000)
#   scripts/fuzz.sh seeds              write the seed corpora only
#   scripts/fuzz.sh keep TARGET        copy TARGET's crashers and hangs into the regression set
#
# Targets: text xlsx xlsx_raw xls ods zip json draw verify roi contest (see fuzz/Cargo.toml).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIX="$ROOT/tests/fixtures"
CORPUS="$ROOT/fuzz/corpus"

# Writes the seed corpus of every target (small files, rewritten each time).
seeds() {
  local t
  for t in text xlsx xlsx_raw xls ods zip json draw verify roi contest; do mkdir -p "$CORPUS/$t"; done
  find "$FIX" -name '*.csv' -o -name '*.txt' -o -name '*.tsv' | while read -r f; do
    cp "$f" "$CORPUS/text/seed-$(basename "$f" | tr ' ' _)"
  done
  find "$FIX" -name '*.xlsx' | while read -r f; do cp "$f" "$CORPUS/xlsx_raw/seed-$(basename "$f")"; done
  find "$FIX" -name '*.xls' | while read -r f; do cp "$f" "$CORPUS/xls/seed-$(basename "$f")"; done
  find "$FIX" -name '*.zip' | while read -r f; do cp "$f" "$CORPUS/zip/seed-$(basename "$f" | tr ' ' _)"; done
  find "$FIX" -name '*.json' | while read -r f; do cp "$f" "$CORPUS/json/seed-$(basename "$f")"; done
  cp "$FIX"/roi/*.json "$CORPUS/roi/"
  python3 - "$FIX" "$CORPUS" <<'EOF'
import sys, zipfile, pathlib
fix, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for x in fix.rglob('*.xlsx'):
    try:
        z = zipfile.ZipFile(x)
    except zipfile.BadZipFile:
        continue
    names = z.namelist()
    part = lambda n: z.read(n) if n in names else b''
    (corpus / 'xlsx' / ('seed-' + x.name)).write_bytes(
        part('xl/worksheets/sheet1.xml') + b'\xff' + part('xl/sharedStrings.xml') + b'\xff' + part('xl/styles.xml'))
for o in fix.rglob('*.ods'):
    (corpus / 'ods' / ('seed-' + o.name)).write_bytes(zipfile.ZipFile(o).read('content.xml'))
draw = fix / 'draw'
csv = (draw / 'exportcomments.csv').read_bytes()
(corpus / 'draw' / 'seed-1').write_bytes(csv + b'\xff' + (draw / 'rules.json').read_bytes() + b'\xff12 18 27 33 41 + 4 9')
(corpus / 'draw' / 'seed-2').write_bytes((draw / 'list.txt').read_bytes() + b'\xff{"winners": 2, "alternates": 1}\xff7')
for c in ['certificate.json', 'exportcomments-certificate.json']:
    (corpus / 'verify' / ('seed-' + c)).write_bytes((draw / c).read_bytes() + b'\xff' + csv)
(corpus / 'contest' / 'seed-1').write_bytes((fix / 'contest' / 'inputs.json').read_bytes() + b'\xff' + csv)
EOF
}

dict_of() {
  case "$1" in
    text|draw) echo text.dict ;;
    xlsx|xlsx_raw|ods) echo xml.dict ;;
    xls) echo xls.dict ;;
    zip) echo zip.dict ;;
    *) echo json.dict ;;
  esac
}

case "${1:-}" in
  seeds) seeds ;;
  keep)
    t="$2"; mkdir -p "$FIX/fuzz/$t"
    for f in "$ROOT/fuzz/artifacts/$t"/*; do [ -e "$f" ] && cp "$f" "$FIX/fuzz/$t/"; done
    ls "$FIX/fuzz/$t" ;;
  ""|-h|--help) sed -n 2,12p "$0" ;;
  *)
    t="$1"; runs="${2:-10000000}"
    seeds
    cd "$ROOT/fuzz"
    # No sanitizer: the core forbids unsafe code, and the throughput is what reaches 10^7 runs.
    nice -n 19 cargo +nightly fuzz run -O -s none "$t" "corpus/$t" -- \
      -runs="$runs" -dict="dict/$(dict_of "$t")" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 ;;
esac
