// node benches/wasm-node.mjs PKGDIR FILE [ROUNDS]: the page's path (a) without the browser: a
// Workspace over FILE in 2 MiB chunks, then ws.analyze, a preset switch and an option change
// (the report's clock); then (a bundle that has Workspace.readAhead) the texts read ahead in
// slices, as the page does while the user looks at the file, and the first analysis after;
// medians. PKGDIR is
// an absolute path to a wasm-bindgen --target web bundle (www/pkg/full, or a variant).
import fs from 'fs';
const [pkg, file, roundsArg] = process.argv.slice(2);
const m = await import(`${pkg}/social_roi.js`);
m.initSync({ module: fs.readFileSync(`${pkg}/social_roi_bg.wasm`) });
const bytes = fs.readFileSync(file);
const CHUNK = 2 << 20;
const rounds = Number(roundsArg || 3);
const times = [];
for (let r = 0; r < rounds; r++) {
  const ws = new m.Workspace();
  const t0 = performance.now();
  const id = ws.beginFile(file.split('/').pop());
  for (let o = 0; o < bytes.length; o += CHUNK) ws.pushChunk(id, bytes.subarray(o, o + CHUNK));
  ws.finishFile(id, 'en');
  const t1 = performance.now();
  ws.analyze(null, 'en', false);
  const t2 = performance.now();
  ws.analyze({ preset: 'later' }, 'en', false);
  const t3 = performance.now();
  ws.analyze({ preset: 'later', utc_offset_minutes: 60 }, 'en', false);
  const t4 = performance.now();
  // The page's read ahead (a bundle that has it): the texts read in 256 KiB slices while the
  // user looks at the file, then the first analysis on the kept facts.
  let ahead = [NaN, NaN, 0];
  if (ws.readAhead) {
    const again = new m.Workspace();
    const id2 = again.beginFile(file.split('/').pop());
    for (let o = 0; o < bytes.length; o += CHUNK) again.pushChunk(id2, bytes.subarray(o, o + CHUNK));
    again.finishFile(id2, 'en');
    const t5 = performance.now();
    let slices = 1;
    let longest = 0;
    for (let s = performance.now(); !again.readAhead('en', 256 << 10); s = performance.now()) {
      longest = Math.max(longest, performance.now() - s);
      slices += 1;
    }
    const t6 = performance.now();
    again.analyze(null, 'en', false);
    ahead = [t6 - t5, performance.now() - t6, slices, longest];
    again.free();
  }
  times.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3, ...ahead]);
  ws.free();
}
const med = (i) => times.map((t) => t[i]).sort((a, b) => a - b)[Math.floor(times.length / 2)];
const aheadText = Number.isNaN(med(4)) ? '' : `; read ahead ${med(4).toFixed(0)} ms in ${med(6)} slices (longest ${med(7).toFixed(0)} ms), then analyze ${med(5).toFixed(0)} ms`;
console.log(`${pkg.split('/').slice(-2).join('/')}: import ${med(0).toFixed(0)} ms (${(bytes.length / 1e3 / med(0)).toFixed(0)} MB/s), analyze ${med(1).toFixed(0)} ms, preset switch ${med(2).toFixed(0)} ms, option change ${med(3).toFixed(0)} ms${aheadText}`);
