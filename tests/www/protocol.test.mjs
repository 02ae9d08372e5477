// www/protocol.js: the worker protocol's pure parts (chunk sizes, time left, the watchdog's
// budget, what a dead core's error means, the markers of a call's arguments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHUNK, countLines, entriesOf, looksLikeText, nextChunkSize, plainError, remaining, stallBudget, STALL, stepLeft,
  stopReason, substitute, textOf,
} from '../../www/protocol.js';

test('chunks aim at the target time, within bounds, by steps of at most 2× up and 4× down', () => {
  assert.equal(nextChunkSize(256 * 1024, 20), 256 * 1024, 'on target: unchanged');
  assert.equal(nextChunkSize(256 * 1024, 5), 512 * 1024, 'fast: doubles, no more');
  assert.equal(nextChunkSize(256 * 1024, 0), 512 * 1024, 'too fast to time: doubles');
  assert.equal(nextChunkSize(1024 * 1024, 400), 256 * 1024, 'slow: a quarter, no less');
  assert.equal(nextChunkSize(CHUNK.max, 1), CHUNK.max);
  assert.equal(nextChunkSize(CHUNK.min, 1000), CHUNK.min);
  for (const [size, ms] of [[70000, 13], [300000, 31], [CHUNK.min, 7]]) {
    const next = nextChunkSize(size, ms);
    assert.equal(Math.log2(next) % 1, 0, `${next} is a power of two`);
  }
});

test('lines are line feeds; text is what has no NUL byte', () => {
  assert.equal(countLines(new TextEncoder().encode('a,b\n"x\ny",2\n')), 3);
  assert.equal(countLines(new Uint8Array(0)), 0);
  assert.equal(looksLikeText(new TextEncoder().encode('Date,Views\n')), true);
  assert.equal(looksLikeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), false, 'a zip');
});

test('the time left is said once enough is known', () => {
  assert.deepEqual(remaining(0, 100, 1000), { rate: null, leftMs: null });
  assert.equal(remaining(2, 100, 1000).leftMs, null, 'under 5 %');
  assert.equal(remaining(50, 100, 100).leftMs, null, 'under 200 ms');
  const r = remaining(25, 100, 1000);
  assert.equal(r.rate, 25);
  assert.equal(r.leftMs, 3000);
  assert.equal(remaining(100, 100, 1000).leftMs, 0);
  assert.deepEqual(remaining(10, 0, 1000), { rate: null, leftMs: null }, 'an empty file');
});

test('a step without progress: its time left from the last one of its kind, scaled by size', () => {
  assert.equal(stepLeft(null, 10, 0), null);
  assert.equal(stepLeft({ ms: 800, units: 100 }, 200, 600), 1000);
  assert.equal(stepLeft({ ms: 800, units: 0 }, 200, 100), 700, 'sizes unknown: the same time');
  assert.equal(stepLeft({ ms: 800, units: 100 }, 100, 5000), 0, 'late: never below zero');
});

test('the watchdog waits a few seconds while chunks go in, more for a large file read whole', () => {
  assert.equal(stallBudget('reading', 50 * 1024 * 1024), STALL.streaming);
  assert.equal(stallBudget('finishing', 0), STALL.finishing);
  assert.equal(stallBudget('finishing', 10 * 1024 * 1024), STALL.finishing + 10 * STALL.perMegabyte);
  assert.equal(stallBudget('finishing', 1024 * 1024, { streaming: 1, finishing: 2, perMegabyte: 3 }), 5);
});

test('a stopped core is told from an error the core threw', () => {
  assert.equal(stopReason(new WebAssembly.RuntimeError('unreachable')), 'trap');
  assert.equal(stopReason({ name: 'RuntimeError', message: 'unreachable executed' }), 'trap');
  assert.equal(stopReason(new RangeError('WebAssembly.Memory.grow(): Out of memory')), 'memory');
  assert.equal(stopReason(new RangeError('Array buffer allocation failed')), 'memory');
  assert.equal(stopReason(new RangeError('Maximum call stack size exceeded')), 'trap');
  assert.equal(stopReason({ kind: 'input', message: 'the draw rules cannot be read' }), null);
  assert.equal(stopReason(new TypeError('x is not a function')), null);
  assert.equal(stopReason(null), null);
});

test('errors cross as plain data', () => {
  assert.deepEqual(plainError({ kind: 'input', message: 'bad', errors: [{ field: 'winners' }] }), { kind: 'input', message: 'bad', errors: [{ field: 'winners' }] });
  assert.deepEqual(plainError({ kind: 'file', message: 'x' }), { kind: 'file', message: 'x' });
  assert.deepEqual(plainError(new Error('boom')), { kind: 'internal', message: 'boom' });
  assert.deepEqual(plainError('text'), { kind: 'internal', message: 'text' });
});

test('markers in a call\'s arguments are replaced by what the worker holds', async () => {
  const file = new Blob(['@ann\n@bob\n']);
  const args = [entriesOf('sr1:contest'), { winners: 1 }, textOf(file), 'fr', null];
  const out = await substitute(args, { entries: (name) => `entries of ${name}`, text: (f) => f.text() });
  assert.deepEqual(out, ['entries of sr1:contest', { winners: 1 }, '@ann\n@bob\n', 'fr', null]);
});
