// The browser benchmark: headless Chromium, one page, our import path against PapaParse,
// uDSV, our raw scan and a TextDecoder scan, interleaved (A B C D E, A B C D E, ...) over
// rounds, medians; then each input's wasm memory in a fresh page, the real page's longest
// main-thread task while it imports the 50 MB X file and opens Analysis, and the draw.
// Every run is checked against the generator's manifest: a path that reads wrong fails.
// Usage: node benches/run.mjs [--small] [--rounds N] [--only paths,memory,page,draw]
// Writes target/bench-results/browser-{full,small}.json and prints tables.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixed, launch, manifest, mbps, median, mib, options, resultsDir, site, startServer, table } from './lib.mjs';

const PATHS = ['ours', 'papaparse', 'udsv', 'scan', 'decode'];
const LABEL = { ours: '(a) ours', papaparse: '(b) PapaParse', udsv: '(c) uDSV', scan: '(d) raw scan', decode: '(e) TextDecoder' };
/** The core's post fields each manifest sum must equal (our path's check). */
const CORE_FIELDS = {
  x: { impressions: 'post.impressions', engagements: 'post.engagements', retweets: 'post.shares', replies: 'post.comments', likes: 'post.reactions', 'user profile clicks': 'post.profile_visits', 'url clicks': 'post.link_clicks', follows: 'post.new_follows', 'media views': 'post.video_views' },
  meta: { views: 'post.views', reach: 'post.reach', 'reactions, comments and shares': 'post.engagements', reactions: 'post.reactions', comments: 'post.comments', shares: 'post.shares', 'total clicks': 'post.clicks' },
};

const opts = options();
const problems = [];
const fail = (what) => { problems.push(what); console.error(`CHECK FAILED: ${what}`); };
const lower = (o) => Object.fromEntries(Object.entries(o || {}).map(([k, v]) => [k.toLowerCase(), v]));

/** Compares one run's figures with what the generator wrote. */
function check(path, f, r) {
  const sums = lower(f.sums);
  const where = `${LABEL[path]} on ${f.name}`;
  if (path === 'ours') {
    if (r.posts !== f.rows) fail(`${where}: ${r.posts} posts, expected ${f.rows}`);
    if (r.status !== 'ok') fail(`${where}: status ${r.status}`);
    for (const [k, field] of Object.entries(CORE_FIELDS[f.kind])) {
      if (r.sums[field] !== sums[k]) fail(`${where}: ${field} = ${r.sums[field]}, expected ${sums[k]}`);
    }
  } else if (path === 'papaparse' || path === 'udsv') {
    if (r.rows !== f.rows) fail(`${where}: ${r.rows} rows, expected ${f.rows}`);
    if (r.days !== f.days) fail(`${where}: ${r.days} days, expected ${f.days}`);
    for (const [k, v] of Object.entries(sums)) if (r.totals[k] !== v) fail(`${where}: Σ ${k} = ${r.totals[k]}, expected ${v}`);
  } else if (path === 'scan') {
    if (r.records !== f.rows + 1) fail(`${where}: ${r.records} records, expected ${f.rows + 1}`);
  } else if (path === 'decode' && r.lines !== f.lines) {
    fail(`${where}: ${r.lines} line breaks, expected ${f.lines}`);
  }
}

async function freshPage(browser, url, path = 'index.html') {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') fail(`console: ${m.text()}`); });
  await page.goto(url + path);
  return { context, page };
}

/** Interleaved rounds of every path on every export, in one page. */
async function paths(browser, url, files) {
  const { context, page } = await freshPage(browser, url);
  const info = await page.evaluate(() => globalThis.bench.ready);
  if (!info.preciseHeap) console.error('note: performance.memory is not available; JS heap figures are 0');
  const out = [];
  let warmed = false;
  for (const f of files) {
    const loaded = await page.evaluate((name) => globalThis.bench.load(name), f.name);
    const runs = Object.fromEntries(PATHS.map((p) => [p, []]));
    // One warm-up round on the first input (JIT, wasm tier-up), not counted.
    const rounds = warmed ? opts.rounds : opts.rounds + 1;
    for (let round = 0; round < rounds; round++) {
      for (const p of PATHS) {
        const r = await page.evaluate(([p, spec]) => globalThis.bench.run(p, spec), [p, { kind: f.kind, delimiter: f.delimiter }]);
        check(p, f, r);
        if (warmed || round > 0) runs[p].push(r);
      }
      warmed = true;
      process.stderr.write(`  ${f.label}: ${runs.ours.length ? `round ${runs.ours.length}/${opts.rounds}` : 'warm-up round'}\n`);
    }
    const ms = Object.fromEntries(PATHS.map((p) => [p, median(runs[p].map((r) => r.ms))]));
    const res = {
      input: f.label, name: f.name, bytes: loaded.bytes, rows: f.rows, rounds: opts.rounds, ms,
      mbps: Object.fromEntries(PATHS.map((p) => [p, mbps(loaded.bytes, ms[p])])),
      ratio: { papaparse: ms.papaparse / ms.ours, udsv: ms.udsv / ms.ours, scan: ms.scan / ms.ours },
      ours: { importMs: median(runs.ours.map((r) => r.importMs)), analyzeMs: median(runs.ours.map((r) => r.analyzeMs)), presetMs: median(runs.ours.map((r) => r.presetMs)) },
      heapGrowth: Object.fromEntries(PATHS.map((p) => [p, median(runs[p].map((r) => r.heapGrowth))])),
      all: Object.fromEntries(PATHS.map((p) => [p, runs[p].map((r) => r.ms)])),
    };
    out.push(res);
    console.log(`\n${f.label} (${(loaded.bytes / 1e6).toFixed(1)} MB, ${f.rows} posts), medians of ${opts.rounds} interleaved rounds`);
    console.log(table(['path', 'median ms', 'MB/s', 'JS heap peak +'],
      PATHS.map((p) => [LABEL[p], fixed(ms[p], 0), fixed(res.mbps[p]), mib(res.heapGrowth[p])])));
    console.log(`ratios (speed of ours ÷ theirs): a/b ${fixed(res.ratio.papaparse, 2)}×  a/c ${fixed(res.ratio.udsv, 2)}×  a/d ${fixed(res.ratio.scan, 2)}×;`
      + ` ours = import ${fixed(res.ours.importMs, 0)} ms + analyze ${fixed(res.ours.analyzeMs, 0)} ms (then a preset switch: ${fixed(res.ours.presetMs, 0)} ms)`);
  }
  const wasmAfter = await page.evaluate(() => globalThis.bench.wasmBytes());
  await context.close();
  return { inputs: out, wasmAfterAll: wasmAfter };
}

/** Each export in a fresh page: wasm memory while the file is listed, and analysis times. */
async function memory(browser, url, files) {
  const out = [];
  for (const f of files) {
    const { context, page } = await freshPage(browser, url);
    await page.evaluate(() => globalThis.bench.ready);
    await page.evaluate((name) => globalThis.bench.load(name), f.name);
    const r = await page.evaluate((spec) => globalThis.bench.memory(spec), { kind: f.kind, delimiter: f.delimiter });
    check('ours', f, r);
    const heap = await page.evaluate(() => globalThis.bench.heap());
    await context.close();
    out.push({ input: f.label, name: f.name, bytes: f.bytes, posts: r.posts, wasmBefore: r.before, wasmAfter: r.after, ratio: r.after / f.bytes, analyzeMs: r.analyzeMs, presetMs: r.presetMs, jsHeap: heap });
  }
  console.log('\nwasm memory after the import and the analysis (fresh page per input; the file still listed)');
  console.log(table(['input', 'posts', 'wasm memory', '× file', 'analyze ms', 'preset switch ms', 'JS heap'],
    out.map((m) => [m.input, m.posts, mib(m.wasmAfter), fixed(m.ratio, 2), fixed(m.analyzeMs, 0), fixed(m.presetMs, 0), mib(m.jsHeap)])));
  return out;
}

/**
 * Runs in the real page: drops `name` (fetched from the inputs) on the element, waits for its
 * report, then opens Analysis and waits for the engagement rate; the long tasks and frames of
 * each phase, from the observers the init script installed. With `prepared`, Analysis is
 * opened once the page has read ahead and prepared the analysis in the background (the Files
 * set's `prepared`: what a user who looks at the file's report first gets), and nothing is
 * cancelled after; else 300 ms after the report, then a Cancel is timed.
 */
async function dropThenAnalyse([name, prepared]) {
  const w = globalThis;
  const el = document.querySelector('social-roi');
  const root = el.shadowRoot;
  const file = new File([await (await fetch(`../inputs/${name}`)).arrayBuffer()], name, { type: 'text/csv' });
  w.gc?.();
  /** Resolves with the time `selector` first matches in the element's shadow root. */
  const when = (selector) => new Promise((resolve) => {
    const hit = () => root.querySelector(selector);
    if (hit()) { resolve(performance.now()); return; }
    const mo = new MutationObserver(() => { if (hit()) { mo.disconnect(); resolve(performance.now()); } });
    mo.observe(root, { subtree: true, childList: true, attributes: true });
  });
  const settle = () => new Promise((r) => { setTimeout(r, 300); });
  const phase = (from, to) => {
    const tasks = w.__tasks.filter((t) => t.start >= from - 1 && t.start < to);
    return { ms: to - from, longest: Math.max(0, ...tasks.map((t) => t.ms)), tasks: tasks.length, blocked: tasks.reduce((s, t) => s + t.ms, 0) };
  };
  await settle();
  // Import: from the drop to the file's report (its status no longer "reading").
  const done = when(`article.sr-file[data-file="${CSS.escape(name)}"] .sr-badge[data-status]:not([data-status="reading"])`);
  const frames0 = w.__frames;
  const t0 = performance.now();
  const dt = new DataTransfer();
  dt.items.add(file);
  for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  const t1 = await done;
  const frames = w.__frames - frames0;
  await settle();
  const status = root.querySelector(`article.sr-file[data-file="${CSS.escape(name)}"] [data-status]`)?.dataset.status;
  const imported = { ...phase(t0, t1 + 250), reportMs: t1 - t0, fps: (frames * 1000) / (t1 - t0), status };
  const client = await (await import(new URL('worker-client.js', location.href))).coreClient();
  let preparedMs = null;
  if (prepared) {
    // The page's one element is `sr1`: its Files tab's set (social-roi.js names them so).
    const set = client.set('sr1:files');
    while (!set.prepared && performance.now() - t1 < 60000) await new Promise((r) => { setTimeout(r, 20); });
    preparedMs = set.prepared ? performance.now() - t1 : null;
    await settle();
  }
  // Analysis: from the click to the engagement rate on screen.
  const shown = when('[data-panel="analysis"] [data-section] [data-id="engagement_rate"] .sr-card-value');
  const t2 = performance.now();
  root.querySelector('button[data-tab="analysis"]').click();
  const t3 = await shown;
  await settle();
  const analysis = { ...phase(t2, t3 + 250), shownMs: t3 - t2, preparedMs };
  if (prepared) {
    // A preset switched, as the user does it: the select changed, until the engagement rate
    // under the new definition is on screen.
    const rate = () => root.querySelector('[data-panel="analysis"] [data-section] [data-id="engagement_rate"] .sr-card-value')?.dataset.value;
    const before = rate();
    const select = root.querySelector('select[data-control="preset"]');
    const t4 = performance.now();
    select.value = 'later';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    while (!(root.querySelector('[data-explanation="later"]') && rate() !== before) && performance.now() - t4 < 30000) await new Promise((r) => { requestAnimationFrame(r); });
    const t5 = performance.now();
    await settle();
    analysis.preset = { ...phase(t4, t5 + 250), shownMs: t5 - t4 };
    return { imported, analysis, cancel: null };
  }
  // Cancel: the same bytes dropped again under another name, its card's Cancel clicked once
  // it has read for 300 ms; the card gone (the page), the worker stopped (its client's clock).
  const again = new File([file], `again-${name}`, { type: 'text/csv' });
  const dt2 = new DataTransfer();
  dt2.items.add(again);
  for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: dt2, bubbles: true, cancelable: true, composed: true }));
  const button = `article.sr-file[data-file="${CSS.escape(again.name)}"] button[data-action="cancel-file"]`;
  await when(button);
  await new Promise((r) => { setTimeout(r, 300); });
  client.lastCancelMs = null;
  const t4 = performance.now();
  const cancelButton = root.querySelector(button);
  // A small input (--small) may be read before the 300 ms are up: nothing to cancel.
  if (!cancelButton) return { imported, analysis, cancel: null };
  cancelButton.click();
  const card = () => root.querySelector(`article.sr-file[data-file="${CSS.escape(again.name)}"]`);
  const gone = await new Promise((resolve) => {
    const tick = () => (card() && performance.now() - t4 < 5000 ? requestAnimationFrame(tick) : resolve(card() ? null : performance.now()));
    tick();
  });
  while (client.lastCancelMs == null && performance.now() - t4 < 5000) await new Promise((r) => { setTimeout(r, 10); });
  await settle();
  const cancel = { ...phase(t4, performance.now()), goneMs: gone == null ? null : gone - t4, stoppedMs: client.lastCancelMs };
  return { imported, analysis, cancel };
}

/** The real page: drop the file, wait for its report, open Analysis; long tasks all along. */
async function realPage(browser, url, f, prepared = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => fail(`real page error: ${e.message}`));
  await page.addInitScript(() => {
    const w = globalThis;
    w.__tasks = [];
    w.__frames = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
    const tick = () => { w.__frames += 1; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.goto(`${url}www/index.html`);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  const res = await page.evaluate(dropThenAnalyse, [f.name, prepared]);
  const cdp = await context.newCDPSession(page);
  const heap = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  if (res.imported.status !== 'ok') fail(`real page: ${f.name} read with status ${res.imported.status}`);
  const out = { input: f.label, name: f.name, ...res, jsHeapUsed: heap.usedSize };
  const when = prepared ? 'once the page had read ahead and prepared it' : '300 ms after the file\'s report';
  console.log(`\nthe real page (www/index.html), ${f.label} dropped, then the Analysis tab opened ${when}`);
  console.log(table(['phase', 'shown after ms', 'longest task ms', 'long tasks', 'blocked ms', 'frames/s'], [
    ['import (drop → report)', fixed(res.imported.reportMs, 0), fixed(res.imported.longest, 0), res.imported.tasks, fixed(res.imported.blocked, 0), fixed(res.imported.fps, 1)],
    ...(prepared ? [['read ahead and prepared (report → done)', fixed(res.analysis.preparedMs, 0), '–', '–', '–', '–']] : []),
    ['open Analysis (click → figures)', fixed(res.analysis.shownMs, 0), fixed(res.analysis.longest, 0), res.analysis.tasks, fixed(res.analysis.blocked, 0), '–'],
    ...(prepared ? [['preset switched (Later: select → figures)', fixed(res.analysis.preset.shownMs, 0), fixed(res.analysis.preset.longest, 0), res.analysis.preset.tasks, fixed(res.analysis.preset.blocked, 0), '–']] : []),
  ]));
  if (prepared && res.analysis.preparedMs == null) fail(`real page: ${f.name} was not prepared within 60 s`);
  if (prepared) return out;
  const c = res.cancel;
  const said = c
    ? `the card gone after ${fixed(c.goneMs, 0)} ms, the worker stopped after ${fixed(c.stoppedMs, 0)} ms, longest task ${fixed(c.longest, 0)} ms`
    : 'the file was read in under 300 ms, nothing to cancel';
  console.log(`Cancel (the file dropped again, cancelled after 300 ms of reading): ${said}; JS heap used after: ${mib(heap.usedSize)}`);
  return out;
}

/** Draws on each comment export in a fresh page: import, entries JSON, prepare, draw. */
async function draws(browser, url, files) {
  const out = [];
  for (const f of files) {
    const { context, page } = await freshPage(browser, url);
    await page.evaluate(() => globalThis.bench.ready);
    await page.evaluate((name) => globalThis.bench.load(name), f.name);
    const rounds = f.rows >= 1_000_000 ? Math.min(opts.rounds, 3) : opts.rounds;
    const runs = [];
    for (let i = 0; i < rounds; i++) {
      const r = await page.evaluate(([spec, size]) => globalThis.bench.draw(spec, { certificateSize: size }), [{ kind: f.kind }, i === 0]);
      if (r.counts?.entries !== f.entries) fail(`draw on ${f.name}: ${r.counts?.entries} entries, expected ${f.entries}`);
      if (r.counts?.people !== f.entrants) fail(`draw on ${f.name}: ${r.counts?.people} people, expected ${f.entrants}`);
      if (r.winners !== 1) fail(`draw on ${f.name}: ${r.winners} winners`);
      runs.push(r);
      process.stderr.write(`  ${f.label}: draw ${i + 1}/${rounds}\n`);
    }
    const m = (k) => median(runs.map((r) => r[k]));
    out.push({
      input: f.label, name: f.name, rows: f.rows, rounds, importMs: m('importMs'), entriesJsonMs: m('entriesJsonMs'),
      prepareMs: m('prepareMs'), drawMs: m('drawMs'), ms: m('ms'), wasmAfter: Math.max(...runs.map((r) => r.wasmAfter)),
      certificateBytes: runs[0].certificateBytes, counts: runs[0].counts,
    });
    await context.close();
  }
  console.log('\ndraws in Chromium (full bundle, default rules), medians');
  console.log(table(['comments', 'rounds', 'import ms', 'entriesJson ms', 'prepareDraw ms', 'drawWinners ms', 'prepare + draw ms', 'wasm memory', 'certificate'],
    out.map((d) => [d.input, d.rounds, fixed(d.importMs, 0), fixed(d.entriesJsonMs, 0), fixed(d.prepareMs, 0), fixed(d.drawMs, 0), fixed(d.ms, 0), mib(d.wasmAfter), mib(d.certificateBytes)])));
  return out;
}

async function main() {
  const m = manifest(opts.mode);
  const exports = m.files.filter((f) => f.kind !== 'comments');
  const comments = m.files.filter((f) => f.kind === 'comments');
  const server = await startServer(site());
  const browser = await launch();
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  const results = { mode: opts.mode, rounds: opts.rounds, chromium: browser.version(), started: new Date().toISOString(), loadBefore: load() };
  try {
    if (opts.wants('paths')) results.paths = await paths(browser, server.url, exports);
    if (opts.wants('memory')) results.memory = await memory(browser, server.url, exports);
    if (opts.wants('page')) {
      const x = exports.filter((f) => f.kind === 'x');
      const fifty = x.find((f) => f.bytes >= 50e6 && f.bytes < 60e6) ?? x[x.length - 1];
      results.page = await realPage(browser, server.url, fifty);
      // Analysis opened once the page has prepared it, on the same file and the largest.
      results.prepared = [];
      for (const f of new Set([fifty, x[x.length - 1]])) results.prepared.push(await realPage(browser, server.url, f, true));
    }
    if (opts.wants('draw')) results.draws = await draws(browser, server.url, comments);
  } finally {
    await browser.close();
    server.stop();
  }
  results.loadAfter = load();
  results.problems = problems;
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `browser-${opts.mode}.json`);
  // With --only, the phases not run keep the figures of the last run.
  const kept = opts.only && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  writeFileSync(path, JSON.stringify({ ...kept, ...results }, null, 1) + '\n');
  console.log(`\nresults: ${path}`);
  if (problems.length) {
    console.error(`${problems.length} check(s) failed`);
    process.exit(1);
  }
}

await main();
