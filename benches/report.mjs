// The benchmark's summary: issue 9's target table with the "now" figures of the last run
// (target/bench-results/{browser,native}-MODE.json) and the wasm sizes of www/pkg, then the
// detail tables, as Markdown (BENCHMARKS.md quotes it).
// Usage: node benches/report.mjs [--small]
import { brotliCompressSync, constants } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixed, options, resultsDir, root } from './lib.mjs';

const opts = options();
const read = (name) => {
  const path = join(resultsDir, `${name}-${opts.mode}.json`);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
};
const browser = read('browser') || {};
const native = read('native') || {};
const KiB = 1024;

const brotli = (path) => (existsSync(path)
  ? brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  : null);
const x = (v, d = 2) => (v == null ? '–' : `${fixed(v, d)}×`);
const md = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => c ?? '–').join(' | ')} |`)].join('\n');

const paths = browser.paths?.inputs ?? [];
const byKind = (kind) => paths.filter((p) => p.name.startsWith(kind));
const largest = (list) => list.reduce((a, b) => (!a || b.bytes > a.bytes ? b : a), null);
const xBig = largest(byKind('x-'));
const metaBig = largest(byKind('meta-'));
const mem = browser.memory ?? [];
const memX = mem.filter((m) => m.name.startsWith('x-')).sort((a, b) => a.bytes - b.bytes);
const memBig = memX[memX.length - 1];
const memHalf = memX.find((m) => Math.abs(m.bytes * 2 - memBig?.bytes) < 0.05 * (memBig?.bytes ?? 0));
const page = browser.page;
const prepared = browser.prepared ?? [];
const preparedBig = prepared.length ? prepared[prepared.length - 1] : null;
const draws = browser.draws ?? [];
const nDraws = native.draws ?? [];
const drawBig = largest(draws.map((d) => ({ ...d, bytes: d.rows })));
const drawSmall = draws.length > 1 ? draws.reduce((a, b) => (a.rows < b.rows ? a : b)) : null;
const nDrawBig = largest(nDraws.map((d) => ({ ...d, bytes: d.rows })));
const nImport = native.import?.files ?? [];
const nX = largest(nImport.filter((f) => f.name.startsWith('x-')));
const nMeta = largest(nImport.filter((f) => f.name.startsWith('meta-')));
const nAnalysis = native.analysis?.files ?? [];
const nAnX = nAnalysis.find((f) => f.name === nX?.name);
const lite = brotli(join(root, 'www/pkg/lite/social_roi_bg.wasm'));
const full = brotli(join(root, 'www/pkg/full/social_roi_bg.wasm'));
const sheets = brotli(join(root, 'www/pkg/sheets/sheets_bg.wasm'));
const label = (p) => p?.input ?? '–';
const kib = (b) => (b == null ? '–' : (b / KiB).toFixed(1));
const mibs = (b) => (b == null ? '–' : `${(b / 1e6).toFixed(0)} MB`);
const ms = (v) => (v == null ? '–' : `${fixed(v, 0)} ms`);
const s = (v) => (v == null ? '–' : `${fixed(v / 1000, 2)} s`);

const targets = [
  [`${label(xBig)}, full path`, xBig ? `${fixed(xBig.mbps.ours)} MB/s, ${x(xBig.ratio.papaparse)} PapaParse` : null, '≥ 250 MB/s and ≥ 7× PapaParse; aim for 400 MB/s and 10×'],
  [`${label(metaBig)}, full path`, metaBig ? `${fixed(metaBig.mbps.ours)} MB/s, ${x(metaBig.ratio.papaparse)} PapaParse` : null, '≥ 150 MB/s and ≥ 4×'],
  ['full path vs uDSV + the same sums', paths.map((p) => `${p.input} ${x(p.ratio.udsv)}`).join('; ') || null, '≥ 2.5×'],
  ['full path vs our own raw scan', paths.map((p) => `${p.input} ${x(p.ratio.scan)} (the scan is ${fixed(1 / p.ratio.scan, 1)}× faster)`).join('; ') || null, 'within 1.5×'],
  [`wasm memory after ${label(memBig)}`, memBig ? `${mibs(memBig.wasmAfter)} (${fixed(memBig.ratio, 1)}× the file)${memHalf ? `; ${label(memHalf)}: ${mibs(memHalf.wasmAfter)}, so +${fixed((memBig.wasmAfter / memHalf.wasmAfter - 1) * 100, 0)} % at twice the size` : ''}` : null, '≤ 64 MB, and ≤ 25 % more at 100 MB than at 50 MB'],
  [`longest main-thread task, import and Analysis (${label(page)}, the real page)`, page ? `${ms(page.imported.longest)} / ${ms(page.analysis.longest)}; Cancel: ${page.cancel ? `card gone after ${ms(page.cancel.goneMs)}, worker stopped after ${ms(page.cancel.stoppedMs)}` : 'not measured'}` : null, '≤ 50 ms; Cancel within 100 ms'],
  [`analysis of ${xBig?.rows ?? '–'} posts (${label(xBig)}); preset switch`, xBig ? `${ms(xBig.ours.analyzeMs)}; ${ms(xBig.ours.presetMs)} (Chromium)${nAnX ? `; native ${fixed(nAnX.ms.first ?? nAnX.ms.custom, 0)} ms; ${fixed(nAnX.ms.later, 0)} ms` : ''}${preparedBig ? `; the real page, Analysis opened once prepared in the background (${ms(preparedBig.analysis.preparedMs)} after the report): click → figures ${ms(preparedBig.analysis.shownMs)}, a preset switch select → figures ${ms(preparedBig.analysis.preset?.shownMs)}` : ''}` : null, '≤ 100 ms; ≤ 50 ms'],
  [`draw, ${label(drawBig)} (prepare + draw), Chromium`, drawBig ? `${s(drawBig.ms)}, ${mibs(drawBig.wasmAfter)} wasm${drawSmall ? `; ${label(drawSmall)}: ${ms(drawSmall.ms)}` : ''}` : null, '≤ 2 s, ≤ 300 MB; 100k ≤ 250 ms'],
  [`draw, ${label(nDrawBig)}, native`, nDrawBig ? `${fixed(nDrawBig.secs, 1)} s, ${mibs(nDrawBig.rss)} max RSS` : null, '≤ 1 s'],
  ['native `bench_import` X / Meta', nX ? `${fixed(nX.mbps)} / ${fixed(nMeta?.mbps)} MB/s (${nX.name}, ${nMeta?.name})${native.synthetic ? `; synthetic \`bench_import ${native.synthetic.megabytes}\`: ${native.synthetic.rows.map((r) => fixed(r.mbps)).join(' / ')} MB/s` : ''}` : null, '≥ 400 / ≥ 250 MB/s'],
  ['lite wasm / full core / spreadsheet module (brotli)', `${kib(lite)} / ${kib(full)} / ${kib(sheets)} KiB (the spreadsheet module is fetched beside the full core when a spreadsheet is dropped)`, '≤ 60 / ≤ 300 / ≤ 300 KiB'],
];

const out = [];
out.push(`## Summary (${opts.mode} run${browser.started ? `, ${browser.started.slice(0, 16).replace('T', ' ')} UTC` : ''}${browser.chromium ? `, Chromium ${browser.chromium}` : ''})`, '');
out.push(md(['measure', 'now', 'target'], targets), '');
if (paths.length) {
  out.push(`### Import paths in Chromium (MB/s, medians of ${browser.rounds} interleaved rounds; load ${browser.loadBefore?.join(' ')} before, ${browser.loadAfter?.join(' ')} after)`, '');
  out.push(md(['input', 'posts', '(a) ours', '(b) PapaParse', '(c) uDSV', '(d) raw scan', '(e) TextDecoder', 'a/b', 'a/c', 'a/d', 'ours: import + analyze', 'then a preset switch'],
    paths.map((p) => [p.input, p.rows, fixed(p.mbps.ours), fixed(p.mbps.papaparse), fixed(p.mbps.udsv), fixed(p.mbps.scan), fixed(p.mbps.decode), x(p.ratio.papaparse), x(p.ratio.udsv), x(p.ratio.scan), `${fixed(p.ours.importMs, 0)} + ${fixed(p.ours.analyzeMs, 0)} ms`, ms(p.ours.presetMs)])), '');
  out.push('JS heap peak above the start of each run (sampled between chunks):', '');
  out.push(md(['input', '(a) ours', '(b) PapaParse', '(c) uDSV', '(d) raw scan', '(e) TextDecoder'],
    paths.map((p) => [p.input, ...['ours', 'papaparse', 'udsv', 'scan', 'decode'].map((k) => mibs(p.heapGrowth[k]))])), '');
}
if (mem.length) {
  out.push('### Memory in Chromium (a fresh page per input, the file still listed; its analyses timed once)', '');
  out.push(md(['input', 'posts', 'wasm memory', '× file', 'first analysis', 'preset switch', 'JS heap (holds the file)'],
    mem.map((m) => [m.input, m.posts, mibs(m.wasmAfter), fixed(m.ratio, 2), ms(m.analyzeMs), ms(m.presetMs), mibs(m.jsHeap)])), '');
}
if (page) {
  out.push(`### The real page (www/index.html), ${page.input} dropped, then Analysis opened`, '');
  out.push(md(['phase', 'shown after', 'longest task', 'long tasks (≥ 50 ms)', 'blocked in long tasks', 'frames/s'], [
    ['import: drop → file report', ms(page.imported.reportMs), ms(page.imported.longest), page.imported.tasks, ms(page.imported.blocked), fixed(page.imported.fps, 1)],
    ['open Analysis: click → figures', ms(page.analysis.shownMs), ms(page.analysis.longest), page.analysis.tasks, ms(page.analysis.blocked), '–'],
  ]), '');
}
if (prepared.length) {
  out.push('### The real page, Analysis opened once the page has read ahead and prepared it', '');
  out.push('The file dropped in a fresh page; once its report is shown, the page reads its texts ahead and prepares the analysis while the user looks at it (`Workspace.readAhead`, then `Workspace.prepareAnalysis`); Analysis is clicked when that is done.', '');
  out.push(md(['input', 'import: drop → file report', 'read ahead and prepared: report → done', 'open Analysis: click → figures', 'then the preset Later: select → figures', 'longest task'],
    prepared.map((p) => [p.input, ms(p.imported.reportMs), ms(p.analysis.preparedMs), ms(p.analysis.shownMs), ms(p.analysis.preset?.shownMs), ms(Math.max(p.analysis.longest, p.analysis.preset?.longest ?? 0))])), '');
}
if (draws.length || nDraws.length) {
  out.push('### Draws (default rules: one entry per person, top-level comments)', '');
  out.push(md(['comments', 'Chromium: import', 'entriesJson', 'prepareDraw', 'drawWinners', 'prepare + draw', 'wasm memory', 'certificate JSON', 'native `social-roi draw`', 'native max RSS'],
    draws.map((d) => {
      const n = nDraws.find((e) => e.name === d.name);
      return [d.input, ms(d.importMs), ms(d.entriesJsonMs), ms(d.prepareMs), ms(d.drawMs), ms(d.ms), mibs(d.wasmAfter), mibs(d.certificateBytes), n ? `${fixed(n.secs, 2)} s` : '–', n ? mibs(n.rss) : '–'];
    })), '');
}
if (nImport.length) {
  out.push(`### Native (medians of ${native.rounds} interleaved rounds; load ${native.loadBefore?.join(' ')} before, ${native.loadAfter?.join(' ')} after)`, '');
  out.push(md(['file', 'import MB/s', 'raw scan MB/s', 'import ÷ scan time', 'analysis: custom', 'later', 'rival_iq', 'x'],
    nImport.map((f) => {
      const a = nAnalysis.find((g) => g.name === f.name);
      return [f.name, fixed(f.mbps), fixed(f.scan_mbps), x(f.import_s / f.scan_s, 1), a ? ms(a.ms.custom) : '–', a ? ms(a.ms.later) : '–', a ? ms(a.ms.rival_iq) : '–', a ? ms(a.ms.x) : '–'];
    })), '');
}
const issues = [...(browser.problems ?? []), ...(native.problems ?? [])];
if (issues.length) out.push('### Checks that failed', '', ...issues.map((p) => `- ${p}`), '');
console.log(out.join('\n'));
