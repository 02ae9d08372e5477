// The worker's protocol, as pure functions both sides share (no DOM, no Worker, no core): the
// messages' kinds, how big a chunk of a file to read next, how much time a job has left, when
// a silent worker is stuck, what a dead worker's error means, and the markers a call's
// arguments carry for what only the worker holds (a set's entries, a file's text).
//
// Messages, page → worker: `{ t: 'call', id, op, a }` (op and its arguments), `{ t: 'cancel',
// id }`. Worker → page: `{ t: 'ready', version }` once the core is loaded (or `{ t: 'ready',
// error }`), `{ t: 'step', id }` before a step that runs the core, `{ t: 'progress', id, p }`
// while a file is read (`p`: `{ read, total, lines, phase }`), `{ t: 'done', id, r }`,
// `{ t: 'error', id, e }` (what the core threw: `{ kind, message, errors }`), `{ t:
// 'cancelled', id }`, and `{ t: 'fatal', id, e }` when the core stopped (a trap: the worker
// is then of no more use). See docs/architecture.md, "The worker".

/** The kinds of messages. */
export const MSG = Object.freeze({
  call: 'call',
  cancel: 'cancel',
  ready: 'ready',
  step: 'step',
  progress: 'progress',
  done: 'done',
  error: 'error',
  cancelled: 'cancelled',
  fatal: 'fatal',
});

/**
 * Chunk sizes: a chunk should take about `target` ms of the core, between `min` and `max`
 * bytes (1 MiB: the core reads 30 to 60 MB a second, so a cancel seldom waits 30 ms; larger
 * chunks save nothing measurable).
 */
export const CHUNK = Object.freeze({ min: 64 * 1024, max: 1024 * 1024, first: 256 * 1024 });

/**
 * The size of the next chunk, from the last one's `size` and the `ms` the core took on it:
 * aims at `target` ms a chunk (so a cancel waits at most about that long), grows at most 2×
 * and shrinks at most 4× a step, and stays within `CHUNK.min`…`CHUNK.max`, a power of two.
 */
export function nextChunkSize(size, ms, target = 20) {
  let next = size;
  if (ms <= 0) next = size * 2;
  else next = size * Math.min(2, Math.max(0.25, target / ms));
  const pow = 2 ** Math.round(Math.log2(Math.max(1, next)));
  return Math.min(CHUNK.max, Math.max(CHUNK.min, pow));
}

/** How many line feeds `bytes` (a Uint8Array) holds. */
export function countLines(bytes) {
  let n = 0;
  let at = bytes.indexOf(10);
  while (at !== -1) {
    n += 1;
    at = bytes.indexOf(10, at + 1);
  }
  return n;
}

/**
 * Whether the first bytes of a file look like text, so that its line feeds are lines: no NUL
 * byte in them (zip, XLS and UTF-16 files have some in their first bytes).
 */
export function looksLikeText(head) {
  return head.indexOf(0) === -1;
}

/**
 * What is left of a job: `{ rate, leftMs }` from `done` units of `total` in `elapsedMs`
 * (`rate` in units a second); `leftMs` null while too little is known (under 5 % or 200 ms).
 */
export function remaining(done, total, elapsedMs) {
  if (!(total > 0) || !(elapsedMs > 0) || done <= 0) return { rate: null, leftMs: null };
  const rate = (done / elapsedMs) * 1000;
  if (done >= total) return { rate, leftMs: 0 };
  if (done / total < 0.05 || elapsedMs < 200) return { rate, leftMs: null };
  return { rate, leftMs: ((total - done) / rate) * 1000 };
}

/**
 * The time left of a step that says nothing while it runs (an analysis, a draw's
 * preparation), from the last one of its kind: `last` `{ ms, units }`, this one's `units` and
 * the `elapsedMs` so far. Null without a last one; never below zero.
 */
export function stepLeft(last, units, elapsedMs) {
  if (!last || !(last.ms > 0)) return null;
  const scale = last.units > 0 && units > 0 ? units / last.units : 1;
  return Math.max(0, last.ms * scale - elapsedMs);
}

/** How long a worker may stay silent while reading a file before it is taken as stuck. */
export const STALL = Object.freeze({ streaming: 5000, finishing: 5000, perMegabyte: 1000 });

/**
 * How long (ms) the worker may send nothing while it reads a file: `STALL.streaming` while
 * chunks go in; once they are all in (`phase: 'finishing'`: a spreadsheet or an archive is read
 * whole then), `STALL.finishing` plus `STALL.perMegabyte` for each megabyte of the file.
 */
export function stallBudget(phase, size, stall = STALL) {
  if (phase === 'finishing') return stall.finishing + stall.perMegabyte * (size / (1024 * 1024));
  return stall.streaming;
}

/**
 * Why a core stopped, from what was thrown: `memory` (it asked for more than a page may
 * have), `trap` (a WebAssembly trap: `unreachable`, an abort), or null for an ordinary error
 * (the core's `{ kind, message }`, which is a message for the user).
 */
export function stopReason(error) {
  if (error == null) return null;
  const name = error.name || '';
  const message = String(error.message ?? error);
  if (/out of memory|allocation failed|could not allocate|Array buffer allocation/i.test(message)) return 'memory';
  if (name === 'RuntimeError' || (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError)) return 'trap';
  if (name === 'RangeError' && /call stack/i.test(message)) return 'trap';
  return null;
}

/** What was thrown, as plain data that crosses to the page: `{ kind, message, errors? }`. */
export function plainError(error) {
  if (error && typeof error === 'object' && typeof error.kind === 'string') {
    return { kind: error.kind, message: String(error.message ?? ''), ...(error.errors ? { errors: error.errors } : {}) };
  }
  return { kind: 'internal', message: String(error?.message ?? error) };
}

/** A marker for "the entries of set `name`", which the worker replaces with them. */
export function entriesOf(name) {
  return { $entries: name };
}

/** A marker for "the text of `file`", which the worker reads and puts in its place. */
export function textOf(file) {
  return { $text: file };
}

/**
 * `args` with every marker replaced: `{ $entries }` by `entries(name)`, `{ $text }` by
 * `await text(file)`. Only the top level of `args` is looked at (a marker is an argument).
 */
export async function substitute(args, { entries, text }) {
  const out = [];
  for (const a of args) {
    if (a && typeof a === 'object' && '$entries' in a) out.push(entries(a.$entries));
    // eslint-disable-next-line no-await-in-loop
    else if (a && typeof a === 'object' && '$text' in a) out.push(await text(a.$text));
    else out.push(a);
  }
  return out;
}
