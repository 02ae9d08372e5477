// node benches/sheet-node.mjs ROUNDS ROWS NEW_PKG[,NEW_PKG...] [OLD_SHEETS_PKG]: a comment
// export as XLSX (ExportComments' layout, ROWS comments, generated from tests/fixtures'
// workbook) read by the page's full core with the spreadsheet module beside it (each NEW_PKG:
// a www/pkg/ with full/ and sheets/), and, given, by an older single bundle with the readers inside
// (OLD_SHEETS_PKG: a wasm-bindgen --target web dir of social_roi.js), in turn within each
// round; medians, and whether both give the same report. Prints the time of the module's
// own read (`readWorkbook`) apart, so the replay's cost shows.
import fs from 'fs';
import { readZip, writeZip } from '../tests/e2e/generate.mjs';

const [roundsArg, rowsArg, newPkg, oldPkg] = process.argv.slice(2);
const rows = Number(rowsArg);
const fixture = new URL('../tests/fixtures/import/comments/exportcomments_facebook.xlsx', import.meta.url);
const names = ['Alice Martin', 'Bob Durand', 'Chloé', 'Dominique Lefèvre', 'Élodie'];
const texts = ['Moi !', 'Je tente ma chance @ami', '🎉🎉', 'Super boulangerie, je participe', 'Merci !'];
const cell = (ref, v) => (typeof v === 'number' ? `<c r="${ref}" t="n"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
const xlsx = writeZip(readZip(fs.readFileSync(fixture)).map(({ name, data }) => {
  if (name !== 'xl/worksheets/sheet1.xml') return { name, data };
  const text = data.toString('utf8');
  const head = text.slice(0, text.indexOf('<row r="8">'));
  let body = '';
  for (let i = 0; i < rows; i++) {
    const r = i + 8;
    body += `<row r="${r}">${cell(`A${r}`, `${names[i % 5]} ${i}`)}${cell(`B${r}`, 100001 + i)}<c r="C${r}" s="1" t="n"><v>${46030 + (i % 900) / 1000}</v></c>${cell(`D${r}`, i % 7)}${cell(`E${r}`, texts[i % 5])}</row>`;
  }
  return { name, data: Buffer.from(`${head}${body}</sheetData>${text.slice(text.indexOf('</sheetData>') + 12)}`) };
}));

let moduleMs = 0;
let answerBytes = 0;
const cores = [];
for (const [i, pkg] of newPkg.split(',').entries()) {
  const full = await import(`${pkg}/full/social_roi.js?${i}`);
  full.initSync({ module: fs.readFileSync(`${pkg}/full/social_roi_bg.wasm`) });
  const sheets = await import(`${pkg}/sheets/sheets.js?${i}`);
  sheets.initSync({ module: fs.readFileSync(`${pkg}/sheets/sheets_bg.wasm`) });
  const hook = (...a) => {
    const t = performance.now();
    const answer = sheets.readWorkbook(...a);
    moduleMs = performance.now() - t;
    answerBytes = answer.length;
    return answer;
  };
  cores.push([`module ${pkg}`, full, hook]);
}
if (oldPkg) {
  const old = await import(`${oldPkg}/social_roi.js`);
  old.initSync({ module: fs.readFileSync(`${oldPkg}/social_roi_bg.wasm`) });
  cores.push([`one bundle ${oldPkg}`, old, null]);
}

const read = (core, hook) => {
  globalThis.socialRoiReadWorkbook = hook ?? (() => undefined);
  const ws = new core.Workspace();
  const t0 = performance.now();
  const id = ws.beginFile('exportcomments_facebook.xlsx');
  ws.pushChunk(id, xlsx);
  const report = ws.finishFile(id, 'en');
  const ms = performance.now() - t0;
  ws.free();
  return { ms, report: JSON.stringify(report) };
};
const times = cores.map(() => []);
const inModule = cores.map(() => []);
const answers = cores.map(() => 0);
const reports = cores.map(() => null);
for (let r = 0; r < Number(roundsArg); r++) {
  cores.forEach(([, core, hook], i) => {
    const { ms, report } = read(core, hook);
    times[i].push(ms);
    inModule[i].push(moduleMs);
    answers[i] = answerBytes;
    reports[i] = report;
  });
}
const med = (v) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`${rows} comments, ${(xlsx.length / 1e6).toFixed(2)} MB of XLSX; ${JSON.parse(reports[0]).records.entries} entries read`);
cores.forEach(([name, , hook], i) => console.log(`${name}: ${med(times[i]).toFixed(0)} ms [${times[i].map((t) => t.toFixed(0)).join(' ')}]${hook ? `, of which the module's read ${med(inModule[i]).toFixed(0)} ms (its answer ${(answers[i] / 1e6).toFixed(1)} MB)` : ''}`));
console.log(`same report everywhere: ${reports.every((r) => r === reports[0])}`);
