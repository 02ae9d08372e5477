#!/usr/bin/env bash
# Prints the size of what the page downloads (raw, gzip -9, brotli) and checks the budgets the
# README states. Run after scripts/build.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f www/pkg/social_roi_bg.wasm ] || "$ROOT/scripts/build.sh"
node - <<'JS'
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const budgets = { wasm: 480 * 1024, js: 40 * 1024 }; // brotli bytes, as the README states
const size = (files) => {
  const buf = Buffer.concat(files.map((f) => fs.readFileSync(f)));
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const js = [
  ...fs.readdirSync('www').filter((f) => f.endsWith('.js')).map((f) => path.join('www', f)),
  'www/pkg/social_roi.js',
];
const rows = [['wasm (www/pkg/social_roi_bg.wasm)', size(['www/pkg/social_roi_bg.wasm']), budgets.wasm],
              [`JavaScript (${js.length} files)`, size(js), budgets.js]];
let over = false;
console.log('size of the page          raw       gzip     brotli   (budget, brotli)');
for (const [name, s, budget] of rows) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
  console.log(`${name.padEnd(24).slice(0, 24)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}   (${kb(budget).trim()})`);
  if (s.brotli > budget) { over = true; console.log(`  over budget by ${s.brotli - budget} bytes`); }
}
process.exit(over ? 1 : 0);
JS
