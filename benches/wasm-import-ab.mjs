// node benches/wasm-import-ab.mjs ROUNDS FILE PKGDIR...: the import alone (new Workspace,
// beginFile, pushChunk in 2 MiB chunks, finishFile) and the raw scan (scanDelimited) of FILE
// with each wasm-bindgen --target web bundle (absolute paths, e.g. main's www/pkg/full and a
// branch's), all loaded in one node process, in turn within each round; medians. For A/B
// comparisons of two builds in the same minutes (benches/wasm-node.mjs times one bundle, with
// the analysis).
import fs from 'fs';
const [roundsArg, file, ...pkgs] = process.argv.slice(2);
const mods = [];
for (const pkg of pkgs) {
  const m = await import(`${pkg}/social_roi.js?${mods.length}`);
  m.initSync({ module: fs.readFileSync(`${pkg}/social_roi_bg.wasm`) });
  mods.push(m);
}
const bytes = fs.readFileSync(file);
const CHUNK = 2 << 20;
const times = pkgs.map(() => []);
const scans = pkgs.map(() => []);
// The delimiter of the raw scan: `;` when the header holds more of them than commas.
const header = bytes.subarray(0, bytes.indexOf(10)).toString();
const delim = header.split(';').length > header.split(',').length ? 59 : 44;
for (let r = 0; r < Number(roundsArg); r++) {
  mods.forEach((m, i) => {
    const ws = new m.Workspace();
    const t0 = performance.now();
    const id = ws.beginFile(file.split('/').pop());
    for (let o = 0; o < bytes.length; o += CHUNK) ws.pushChunk(id, bytes.subarray(o, o + CHUNK));
    ws.finishFile(id, 'en');
    times[i].push(performance.now() - t0);
    ws.free();
    const t1 = performance.now();
    m.scanDelimited(bytes, delim);
    scans[i].push(performance.now() - t1);
  });
}
const med = (v) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];
pkgs.forEach((p, i) => console.log(`${p}: scan ${(bytes.length / 1e3 / med(scans[i])).toFixed(1)} MB/s; import ${med(times[i]).toFixed(0)} ms (${(bytes.length / 1e3 / med(times[i])).toFixed(1)} MB/s) [${times[i].map((t) => t.toFixed(0)).join(' ')}]`));
