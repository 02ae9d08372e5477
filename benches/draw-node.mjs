// node benches/draw-node.mjs FILE ROUNDS PKGDIR...: the page's draw without the browser, on
// one comment export, for one or more wasm-bindgen --target web bundles (absolute paths:
// www/pkg/full, or another build's), interleaved A B A B…: a Workspace reads FILE in 2 MiB
// chunks, then `prepareDraw` (default rules) and `drawWinners`, as benches/page/bench.mjs
// does in Chromium; prints the medians, the wasm memory after the draw and the fingerprint
// (which every bundle must give alike). Memory never shrinks: the first round's figures after
// the import and after prepareDraw are those of a fresh instance.
import fs from 'fs';
const [file, roundsArg, ...pkgs] = process.argv.slice(2);
const rounds = Number(roundsArg || 3);
const bytes = fs.readFileSync(file);
const CHUNK = 2 << 20;
const TODAY = '2025-01-10';
const cores = [];
for (const pkg of pkgs) {
  const m = await import(`${pkg}/social_roi.js?${cores.length}`);
  const wasm = m.initSync({ module: fs.readFileSync(`${pkg}/social_roi_bg.wasm`) });
  cores.push({ pkg, m, wasm, runs: [] });
}
for (let r = 0; r < rounds; r++) {
  for (const c of cores) {
    const ws = new c.m.Workspace(TODAY);
    const t0 = performance.now();
    const id = ws.beginFile(file.split('/').pop());
    for (let o = 0; o < bytes.length; o += CHUNK) ws.pushChunk(id, bytes.subarray(o, o + CHUNK));
    ws.finishFile(id, 'en');
    const t1 = performance.now();
    const importMemory = c.wasm.memory.buffer.byteLength;
    const rules = c.m.defaultDrawRules();
    const prepared = ws.prepareDraw(rules, 'en');
    const t2 = performance.now();
    const prepareMemory = c.wasm.memory.buffer.byteLength;
    const cert = ws.drawWinners(rules, { kind: 'public', value: 'benchmark', source: null }, { title: null, drawn_at: `${TODAY}T12:00:00Z` }, 'en');
    const t3 = performance.now();
    c.runs.push({ importMs: t1 - t0, prepareMs: t2 - t1, drawMs: t3 - t2, memory: c.wasm.memory.buffer.byteLength, importMemory, prepareMemory,
      fingerprint: prepared.prepared?.fingerprint, winner: cert.drawings?.[0]?.winners?.[0]?.entrant });
    ws.free();
  }
}
const med = (runs, k) => runs.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
for (const c of cores) {
  const last = c.runs[c.runs.length - 1];
  console.log(`${c.pkg}: import ${med(c.runs, 'importMs').toFixed(0)} ms, prepareDraw ${med(c.runs, 'prepareMs').toFixed(0)} ms, drawWinners ${med(c.runs, 'drawMs').toFixed(0)} ms, prepare + draw ${(med(c.runs, 'prepareMs') + med(c.runs, 'drawMs')).toFixed(0)} ms (medians of ${rounds}), wasm memory ${(Math.max(...c.runs.map((x) => x.memory)) / 2 ** 20).toFixed(0)} MiB (first round: ${(c.runs[0].importMemory / 2 ** 20).toFixed(0)} after the import, ${(c.runs[0].prepareMemory / 2 ** 20).toFixed(0)} after prepareDraw), fingerprint ${last.fingerprint}, winner ${last.winner}`);
}
