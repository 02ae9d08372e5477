// Writes www/social-roi.html: the whole page in one file that works offline, from file://, from
// an e-mail attachment or from any static host. The element's modules become one script
// (esbuild, with the dynamic imports of the tabs inlined); both WebAssembly bundles travel
// inside it, gzipped and base64 (www/inline.js, replaced here), and are unpacked with
// DecompressionStream. Its Content-Security-Policy allows exactly its own script and style
// (by hash) and WebAssembly, and no request at all; the files, analysis and contests run in
// the page's thread, the documented fallback where no worker can start (docs/embed.md).
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

/** The module that replaces www/inline.js: both bundles, and how to unpack them. */
function inlineModule() {
  return `
const unpack = (text) => {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
};
const LITE = ${JSON.stringify(packed(join(www, 'pkg', 'lite', 'social_roi_bg.wasm')))};
const FULL = ${JSON.stringify(packed(join(www, 'pkg', 'full', 'social_roi_bg.wasm')))};
export const inlined = { lite: () => unpack(LITE), full: () => unpack(FULL) };
`;
}

const inline = {
  name: 'inline-wasm',
  setup(b) {
    b.onResolve({ filter: /\/inline\.js$/ }, () => ({ path: 'inline', namespace: 'inline' }));
    b.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({ contents: inlineModule(), loader: 'js' }));
  },
};

const result = await build({
  entryPoints: [join(www, 'social-roi.js')],
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
  plugins: [inline],
});
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
  "worker-src 'none'",
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
