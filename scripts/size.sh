#!/usr/bin/env bash
# Prints the size of what the page downloads (raw, gzip -9, brotli) and checks the budgets the
# README states: what the first visit loads (the light bundle and the page's own modules), and
# what a tab that reads files fetches on top. Run after scripts/build.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f www/pkg/lite/social_roi_bg.wasm ] && [ -f www/pkg/full/social_roi_bg.wasm ] || "$ROOT/scripts/build.sh"
node - <<'JS'
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const KiB = 1024;
const size = (files) => {
  const buf = Buffer.concat(files.map((f) => fs.readFileSync(f)));
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
// The modules the first visit loads: everything www/index.html imports before any other tab
// opens. The rest (panels loaded with import()) come with the tabs that need them.
const firstJs = ['social-roi.js', 'core.js', 'dom.js', 'format.js', 'i18n.js', 'state.js', 'styles.js', 'roi-panel.js']
  .map((f) => path.join('www', f)).concat('www/pkg/lite/social_roi.js');
const laterJs = fs.readdirSync('www').filter((f) => f.endsWith('.js')).map((f) => path.join('www', f))
  .filter((f) => !firstJs.includes(f)).concat('www/pkg/full/social_roi.js');
// Budgets in brotli bytes, as the README states.
const rows = [
  ['first visit: wasm (lite)', ['www/pkg/lite/social_roi_bg.wasm'], 120 * KiB],
  [`first visit: JS (${firstJs.length} files)`, firstJs, 40 * KiB],
  ['file tabs: wasm (full)', ['www/pkg/full/social_roi_bg.wasm'], 640 * KiB],
  [`file tabs: JS (${laterJs.length} more files)`, laterJs, 60 * KiB],
];
let over = false;
console.log('size of the page                    raw       gzip     brotli   (budget, brotli)');
for (const [name, files, budget] of rows) {
  const s = size(files);
  const kb = (n) => `${(n / KiB).toFixed(1)} KiB`.padStart(10);
  console.log(`${name.padEnd(32)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}   (${kb(budget).trim()})`);
  if (s.brotli > budget) { over = true; console.log(`  over budget by ${s.brotli - budget} bytes`); }
}
process.exit(over ? 1 : 0);
JS
