// node benches/preset-node.mjs FILE ROUNDS PKGDIR...: preset switches in WebAssembly without the
// browser. For each round and each bundle in turn (absolute paths to wasm-bindgen --target web
// bundles: www/pkg/full, or a variant): a Workspace over FILE in 2 MiB chunks, the first
// analysis, 8 switches to warm up, then 20 switches cycling Later, Rival IQ, Custom and X
// (`ws.analyze({preset}, 'en', false)`, as the page asks: each computed, since the workspace
// keeps only its last summary); prints each bundle's median switch per round, then the median
// of those.
import fs from 'fs';

const [file, roundsArg, ...pkgs] = process.argv.slice(2);
const bytes = fs.readFileSync(file);
const CHUNK = 2 << 20;
const PRESETS = ['later', 'rival_iq', 'custom', 'x'];
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function load(pkg) {
  const m = await import(`${pkg}/social_roi.js`);
  m.initSync({ module: fs.readFileSync(`${pkg}/social_roi_bg.wasm`) });
  return m;
}

/** The median of 20 preset switches on a fresh workspace, in ms. */
function switches(m) {
  const ws = new m.Workspace();
  const id = ws.beginFile(file.split('/').pop());
  for (let o = 0; o < bytes.length; o += CHUNK) ws.pushChunk(id, bytes.subarray(o, o + CHUNK));
  ws.finishFile(id, 'en');
  ws.analyze(null, 'en', false);
  for (let i = 0; i < 8; i++) ws.analyze({ preset: PRESETS[i % 4] }, 'en', false);
  const t = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    ws.analyze({ preset: PRESETS[i % 4] }, 'en', false);
    t.push(performance.now() - t0);
  }
  ws.free();
  return median(t);
}

// Each bundle is a module of its own, with its own memory.
const mods = [];
for (const pkg of pkgs) mods.push(await load(pkg));
const runs = pkgs.map(() => []);
for (let r = 0; r < Number(roundsArg || 3); r++) {
  for (const [k, m] of mods.entries()) runs[k].push(switches(m));
}
for (const [k, pkg] of pkgs.entries()) {
  console.log(`${pkg}: ${runs[k].map((v) => v.toFixed(1)).join(', ')} ms; median ${median(runs[k]).toFixed(1)} ms`);
}
