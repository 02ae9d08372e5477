// node benches/memory-node.mjs FILE PKGDIR...: the wasm memory of a fresh instance of each
// bundle (absolute paths: www/pkg/full, or another build's) after it reads FILE (2 MiB chunks)
// and after its first analysis (`ws.analyze(defaults, 'en', false)`, as the page's Analysis
// tab asks it), then after a second; wasm memory never shrinks, so each figure is the peak so
// far. Prints MiB, one line per bundle.
import fs from 'fs';

const [file, ...pkgs] = process.argv.slice(2);
const bytes = fs.readFileSync(file);
const CHUNK = 2 << 20;
for (const [n, pkg] of pkgs.entries()) {
  const m = await import(`${pkg}/social_roi.js?${n}`);
  const wasm = m.initSync({ module: fs.readFileSync(`${pkg}/social_roi_bg.wasm`) });
  const mib = () => Math.round(wasm.memory.buffer.byteLength / 1048576);
  const ws = new m.Workspace('2025-01-10');
  const id = ws.beginFile(file.split('/').pop());
  for (let o = 0; o < bytes.length; o += CHUNK) ws.pushChunk(id, bytes.subarray(o, o + CHUNK));
  ws.finishFile(id, 'en');
  const imported = mib();
  const options = m.analysisDefaults('en').options;
  ws.analyze(options, 'en', false);
  const first = mib();
  ws.analyze(options, 'en', false);
  console.log(`${pkg}: ${file.split('/').pop()}: ${imported} MiB after the import, ${first} after the first analysis, ${mib()} after a second`);
  ws.free();
}
