#!/usr/bin/env bash
# Prints the size of what the page downloads (raw, gzip -9, brotli) and checks the budgets the
# README states: what the first visit loads (the light bundle and the page's own modules), and
# what a tab that reads files fetches on top. Run after scripts/build.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f www/pkg/lite/social_roi_bg.wasm ] && [ -f www/pkg/full/social_roi_bg.wasm ] && [ -f www/pkg/sheets/sheets_bg.wasm ] && [ -f www/pkg/beacon/beacon_bg.wasm ] || "$ROOT/scripts/build.sh"
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
// The modules the first visit loads: the one www/index.html names and every module it imports,
// statically, in turn (found by reading them, so the list follows the code). The rest (the
// panels loaded with import(), and what they import) come with the tabs that need them.
const entry = /<script type="module" src="\.\/([^"]+)"/.exec(fs.readFileSync('www/index.html', 'utf8'))[1];
const firstJs = [];
const visit = (file) => {
  if (firstJs.includes(file)) return;
  firstJs.push(file);
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^import\s[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm)) visit(path.join(path.dirname(file), m[1]));
};
visit(path.join('www', entry));
const modules = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
  const f = path.join(dir, d.name);
  if (d.isDirectory()) return f === path.join('www', 'pkg') ? [] : modules(f);
  return d.name.endsWith('.js') ? [f] : [];
});
const laterJs = modules('www').filter((f) => !firstJs.includes(f)).concat('www/pkg/full/social_roi.js');
// Budgets in brotli bytes, as the README states.
const rows = [
  ['first visit: wasm (lite)', ['www/pkg/lite/social_roi_bg.wasm'], 120 * KiB],
  [`first visit: JS (${firstJs.length} files)`, firstJs, 40 * KiB],
  ['file tabs: wasm (full)', ['www/pkg/full/social_roi_bg.wasm'], 640 * KiB],
  // Fetched only once a spreadsheet is dropped (crates/sheets).
  ['a spreadsheet: sheets module', ['www/pkg/sheets/sheets_bg.wasm', 'www/pkg/sheets/sheets.js'], 300 * KiB],
  [`file tabs: JS (${laterJs.length} more files)`, laterJs, 94 * KiB],
  // Fetched only when a drand round is pasted or a drand certificate verified.
  ['a drand round: beacon module', ['www/pkg/beacon/beacon_bg.wasm', 'www/pkg/beacon/beacon.js'], 96 * KiB],
];
let over = false;
console.log('size of the page                    raw       gzip     brotli   (budget, brotli)');
for (const [name, files, budget] of rows) {
  const s = size(files);
  const kb = (n) => `${(n / KiB).toFixed(1)} KiB`.padStart(10);
  console.log(`${name.padEnd(32)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}   (${kb(budget).trim()})`);
  if (s.brotli > budget) { over = true; console.log(`  over budget by ${s.brotli - budget} bytes`); }
}
// The single offline file (no budget: it is downloaded once, to keep).
if (fs.existsSync('www/social-roi.html')) {
  const s = size(['www/social-roi.html']);
  console.log(`${'single file (social-roi.html)'.padEnd(32)} ${(s.raw / KiB).toFixed(1).padStart(6)} KiB ${(s.gzip / KiB).toFixed(1).padStart(6)} KiB ${(s.brotli / KiB).toFixed(1).padStart(6)} KiB`);
}
process.exit(over ? 1 : 0);
JS
