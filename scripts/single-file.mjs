// Writes www/social-roi.html: the whole page in one file that works offline, from file://, from
// an e-mail attachment or from any static host. The element's modules become one script
// (esbuild, with the dynamic imports of the tabs inlined); both WebAssembly bundles (and the
// spreadsheet module, and the beacon module for drand rounds) travel
// inside it, gzipped and base64 (www/inline.js, replaced here), and are unpacked with
// DecompressionStream. Its Content-Security-Policy allows exactly its own script and style
// (by hash), WebAssembly and a worker started from a Blob of its own code (the files, analysis
// and contests run there, as on the site), and no request at all (docs/embed.md).
// Usage: node scripts/single-file.mjs (after the wasm bundles are built into www/pkg/).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const out = join(www, 'social-roi.html');

const packed = (path) => gzipSync(readFileSync(path), { level: 9 }).toString('base64');

const UNPACK = `const unpack = (text) => {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
};`;

/**
 * The worker's code (worker.js and what it imports, one classic script), its inline.js
 * reading the full bundle from `self.srFull` (and the spreadsheet and beacon modules from
 * `self.srSheets` and `self.srBeacon`), which the page puts before it.
 */
async function workerCode() {
  const inWorker = {
    name: 'inline-worker',
    setup(b) {
      b.onResolve({ filter: /\/inline\.js$/ }, () => ({ path: 'inline', namespace: 'inline' }));
      b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({ contents: `${UNPACK}\nexport const inlined = { full: () => unpack(self.srFull), sheets: () => unpack(self.srSheets), beacon: () => unpack(self.srBeacon) };`, loader: 'js' }));
    },
  };
  const made = await build({ ...common, entryPoints: [join(www, 'worker.js')], plugins: [inWorker] });
  return made.outputFiles[0].text;
}

/** The module that replaces www/inline.js in the page: both bundles, the worker's code. */
async function inlineModule() {
  return `${UNPACK}
const WORKER = ${JSON.stringify(await workerCode())};
const LITE = ${JSON.stringify(packed(join(www, 'pkg', 'lite', 'social_roi_bg.wasm')))};
const FULL = ${JSON.stringify(packed(join(www, 'pkg', 'full', 'social_roi_bg.wasm')))};
// The spreadsheet module (www/pkg/sheets/): the single file reads everything, its worker loads
// it at once (full-core.js).
const SHEETS = ${JSON.stringify(packed(join(www, 'pkg', 'sheets', 'sheets_bg.wasm')))};
// The beacon module (www/pkg/beacon/): drand rounds verified, in the worker as on the site.
const BEACON = ${JSON.stringify(packed(join(www, 'pkg', 'beacon', 'beacon_bg.wasm')))};
const worker = () => {
  const url = URL.createObjectURL(new Blob(['self.srFull = "', FULL, '";\\nself.srSheets = "', SHEETS, '";\\nself.srBeacon = "', BEACON, '";\\n', WORKER], { type: 'text/javascript' }));
  const made = new Worker(url);
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return made;
};
export const inlined = { lite: () => unpack(LITE), full: () => unpack(FULL), sheets: () => unpack(SHEETS), beacon: () => unpack(BEACON), worker };
`;
}

const common = {
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  write: false,
  logLevel: 'error',
  // import.meta.url is empty in one script: the code that reads it (the worker's URL, the
  // bundles' URLs, the embed panel's) has its own path for the single file.
  logOverride: { 'empty-import-meta': 'silent' },
};

const inline = {
  name: 'inline-wasm',
  setup(b) {
    b.onResolve({ filter: /\/inline\.js$/ }, () => ({ path: 'inline', namespace: 'inline' }));
    b.onLoad({ filter: /.*/, namespace: 'inline' }, async () => ({ contents: await inlineModule(), loader: 'js' }));
  },
};

const result = await build({ ...common, entryPoints: [join(www, 'social-roi.js')], plugins: [inline] });
// A "</script" inside the code would end the element early.
const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');

const style = `html { background: #eef3f3; }
@media (prefers-color-scheme: dark) { html { background: #0b1112; color: #e4ecec; } }
body { margin: 0; }
social-roi:not(:defined) { display: block; padding: 2rem; font: 16px/1.5 system-ui, sans-serif; }`;
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  "img-src data:",
  "connect-src 'none'",
  "worker-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="color-scheme" content="light dark">
<title>Calculateur de ROI des réseaux sociaux · Social media ROI calculator</title>
<link rel="icon" href="data:,">
<style>${style}</style>
</head>
<body>
<main>
<social-roi sync-url heading-level="1">
<noscript><p>Ce calculateur a besoin de JavaScript. · This calculator needs JavaScript.</p></noscript>
</social-roi>
</main>
<script>${script}</script>
</body>
</html>
`;
writeFileSync(out, html);
console.log(`wrote ${out} (${html.length} bytes)`);
