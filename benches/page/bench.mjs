// The benchmark page's side: each call runs one measurement and returns its numbers;
// benches/run.mjs decides the order (interleaved rounds) and keeps the medians. Paths:
//   ours      bytes → new Workspace() → beginFile/pushChunk/finishFile in 2 MiB chunks → analyze
//   papaparse PapaParse 5 in chunk mode (a File, 2 MiB chunks) + the same aggregation in JS
//   udsv      TextDecoder (stream) + uDSV's incremental parser + the same aggregation
//   scan      our raw tokenizer scan (scanDelimited over the whole bytes: no rows, no records)
//   decode    TextDecoder scan: decode 2 MiB chunks and count line breaks
// JS heap figures need Chromium's --enable-precise-memory-info; gc() needs --expose-gc.
import init, * as core from './www/pkg/full/social_roi.js';
import { inferSchema, initParser } from './vendor/udsv.mjs';
import { Aggregate } from './aggregate.mjs';

export const CHUNK = 2 * 1024 * 1024;
const TODAY = '2026-12-01';

let wasm = null;
const state = { name: null, bytes: null, file: null };

const now = () => performance.now();
const heap = () => performance.memory?.usedJSHeapSize ?? 0;
const wasmBytes = () => wasm.memory.buffer.byteLength;
const collect = () => globalThis.gc?.();

/** Keeps the highest JS heap seen between chunks. */
class HeapWatch {
  constructor() { collect(); this.base = heap(); this.peak = this.base; }
  sample() { const h = heap(); if (h > this.peak) this.peak = h; }
  /** Bytes above the heap before the run. */
  get growth() { this.sample(); return this.peak - this.base; }
}

async function load(name) {
  state.bytes = null;
  state.file = null;
  collect();
  const t = now();
  const res = await fetch(`inputs/${name}`);
  if (!res.ok) throw new Error(`inputs/${name}: HTTP ${res.status}`);
  state.bytes = new Uint8Array(await res.arrayBuffer());
  state.file = new File([state.bytes], name, { type: 'text/csv' });
  state.name = name;
  return { bytes: state.bytes.length, fetchMs: now() - t };
}

/** Sums of the dataset's posts by field key (`post.impressions`), from the core's totals. */
function coreSums(ws) {
  const out = {};
  for (const g of ws.totals('en').groups) {
    for (const s of g.sums) out[s.field] = (out[s.field] ?? 0) + s.sum;
  }
  return out;
}

/** (a) our full path. `analyzeAgain`: time a second analysis with another preset too. */
function ours(spec, { analyzeAgain = false, keep = false } = {}) {
  const bytes = state.bytes;
  const watch = new HeapWatch();
  const t0 = now();
  const ws = new core.Workspace(TODAY);
  const id = ws.beginFile(state.name);
  for (let at = 0; at < bytes.length; at += CHUNK) {
    ws.pushChunk(id, bytes.subarray(at, at + CHUNK));
    watch.sample();
  }
  const report = ws.finishFile(id, 'en');
  const t1 = now();
  const analysis = ws.analyze(null, 'en', false);
  const t2 = now();
  watch.sample();
  const out = {
    ms: t2 - t0,
    importMs: t1 - t0,
    analyzeMs: t2 - t1,
    heapGrowth: watch.growth,
    wasmAfter: wasmBytes(),
    status: report.status,
    posts: report.records.posts,
    errors: report.errors?.length ?? 0,
    engagementRate: analysis.engagement?.rate?.value ?? null,
  };
  if (analyzeAgain) {
    const t3 = now();
    ws.analyze({ preset: 'later' }, 'en', false);
    out.presetMs = now() - t3;
  }
  out.sums = coreSums(ws);
  if (keep) return { out, ws };
  ws.free();
  return out;
}

/** (b) PapaParse in chunk mode on a File, with the same aggregation. */
function papaparse(spec) {
  const watch = new HeapWatch();
  const t0 = now();
  return new Promise((resolve, reject) => {
    let agg = null;
    globalThis.Papa.parse(state.file, {
      chunkSize: CHUNK,
      skipEmptyLines: true,
      chunk(results) {
        const rows = results.data;
        let i = 0;
        if (!agg) { agg = new Aggregate(rows[0], spec.kind); i = 1; }
        for (; i < rows.length; i++) agg.row(rows[i]);
        watch.sample();
      },
      complete() {
        const ms = now() - t0;
        resolve({ ms, heapGrowth: watch.growth, ...agg.result(), parseErrors: 0 });
      },
      error: (e) => reject(new Error(`PapaParse: ${e?.message || e}`)),
    });
  });
}

/** (c) uDSV, fed text decoded chunk by chunk, with the same aggregation. */
function udsv(spec) {
  const bytes = state.bytes;
  const watch = new HeapWatch();
  const t0 = now();
  const decoder = new TextDecoder();
  let parser = null;
  let agg = null;
  const onRow = (row) => { agg.row(row); };
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const text = decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length });
    if (!parser) {
      const schema = inferSchema(text);
      agg = new Aggregate(schema.cols.map((c) => c.name), spec.kind);
      parser = initParser(schema);
    }
    parser.chunk(text, parser.stringArrs, onRow);
    watch.sample();
  }
  parser.end();
  return { ms: now() - t0, heapGrowth: watch.growth, ...agg.result() };
}

/** (d) our raw tokenizer scan over the whole bytes. */
function scan(spec) {
  const watch = new HeapWatch();
  const t0 = now();
  const records = core.scanDelimited(state.bytes, spec.delimiter.charCodeAt(0));
  return { ms: now() - t0, heapGrowth: watch.growth, records, wasmAfter: wasmBytes() };
}

/** (e) TextDecoder scan: decode and count line breaks. */
function decode() {
  const bytes = state.bytes;
  const watch = new HeapWatch();
  const t0 = now();
  const decoder = new TextDecoder();
  let lines = 0;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const text = decoder.decode(bytes.subarray(at, at + CHUNK), { stream: at + CHUNK < bytes.length });
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
    watch.sample();
  }
  return { ms: now() - t0, heapGrowth: watch.growth, lines };
}

// Ours also times a preset switch after its run (outside its time): the analysis figures.
const PATHS = { ours: (spec) => ours(spec, { analyzeAgain: true }), papaparse, udsv, scan, decode };

/** One run of `path` on the loaded input. */
async function run(path, spec) {
  collect();
  const out = await PATHS[path](spec);
  return out;
}

/** A fresh page's probe: wasm memory before, after the file is read (still listed) and after
 * the analysis, and the two analyses (default, then another preset) timed. */
function memory(spec) {
  const before = wasmBytes();
  const { out, ws } = ours(spec, { analyzeAgain: true, keep: true });
  const after = wasmBytes();
  ws.free();
  return { before, after, ...out };
}

/**
 * A contest draw on the loaded comment export, as the page makes it: import, then the
 * workspace's own draw calls (the entries stay in it, read once; `prepareDraw` keeps its
 * preparation, which `drawWinners` reuses), a page of exclusions as the page opens a reason.
 */
function draw(spec, { certificateSize = false } = {}) {
  const bytes = state.bytes;
  collect();
  const heap0 = heap();
  const t0 = now();
  const ws = new core.Workspace(TODAY);
  const id = ws.beginFile(state.name);
  for (let at = 0; at < bytes.length; at += CHUNK) ws.pushChunk(id, bytes.subarray(at, at + CHUNK));
  const report = ws.finishFile(id, 'en');
  const t1 = now();
  const rules = core.defaultDrawRules();
  const prepared = ws.prepareDraw(rules, 'en');
  const t2 = now();
  const cert = ws.drawWinners(rules, { kind: 'public', value: 'benchmark', source: null }, { title: null, drawn_at: `${TODAY}T12:00:00Z` }, 'en');
  const t3 = now();
  const reason = prepared.prepared?.by_reason?.[0]?.reason ?? null;
  const page = ws.drawExclusions(reason, 0, 500, 'en');
  const t4 = now();
  const out = {
    importMs: t1 - t0,
    entriesJsonMs: null,
    prepareMs: t2 - t1,
    drawMs: t3 - t2,
    pageMs: t4 - t3,
    ms: t3 - t1,
    wasmAfter: wasmBytes(),
    heapAfter: heap() - heap0,
    status: report.status,
    counts: prepared.prepared?.counts ?? null,
    errors: prepared.errors?.length ?? 0,
    winners: cert.drawings?.[0]?.winners?.length ?? null,
    excludedPage: page.length,
    fingerprint: prepared.prepared?.fingerprint ?? null,
  };
  if (certificateSize) out.certificateBytes = new TextEncoder().encode(JSON.stringify(cert)).length;
  ws.free();
  return out;
}

globalThis.bench = {
  ready: (async () => {
    wasm = await init({ module_or_path: new URL('./www/pkg/full/social_roi_bg.wasm', import.meta.url) });
    document.getElementById('status').textContent = 'ready';
    return { wasm: wasmBytes(), preciseHeap: heap() > 0 };
  })(),
  load,
  run,
  memory,
  draw,
  wasmBytes: () => wasmBytes(),
  heap: () => { collect(); return heap(); },
};
