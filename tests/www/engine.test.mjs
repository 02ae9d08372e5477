// www/engine.js, the worker's side, with a core made for the test (the real one is tested in
// the browser, tests/e2e/worker.test.mjs): files read in chunks with progress, a cancel seen
// between chunks, quick calls answered while a file is read, markers replaced, a trap ending
// the engine, only the core's own functions callable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../www/engine.js';

/** Waits `ms` without blocking. */
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Holds the thread `ms`, as a core reading a chunk does. */
function busy(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* working */ }
}

/** A core whose Workspace counts what it is given; `pushMs`: how long a chunk takes. */
function fakeCore({ pushMs = 0 } = {}) {
  const log = { chunks: [], removed: [] };
  class Workspace {
    constructor(today) {
      this.today = today;
      this.files = new Map();
      this.next = 1;
    }

    beginFile(name) {
      const id = this.next;
      this.next += 1;
      this.files.set(id, { name, bytes: 0, done: false });
      return id;
    }

    pushChunk(id, chunk) {
      busy(pushMs);
      log.chunks.push(chunk.length);
      this.files.get(id).bytes += chunk.length;
    }

    finishFile(id) {
      const f = this.files.get(id);
      f.done = true;
      return { id, name: f.name, bytes: f.bytes, status: 'ok' };
    }

    removeFile(id) {
      log.removed.push(id);
      return this.files.delete(id);
    }

    reports() {
      return [...this.files].filter(([, f]) => f.done).map(([id, f]) => ({ id, name: f.name }));
    }

    totals() {
      return { files: this.reports().length };
    }

    /** A JSON list replaces the files' entries (null forgets it), as the core's does. */
    useEntryList(name, text) {
      this.list = text == null ? null : JSON.parse(text);
      return this.list ? this.list.length : 0;
    }

    entriesJson() {
      if (this.list) return JSON.stringify(this.list);
      return `[${this.reports().map((r) => `{"author":"${r.name}"}`).join(',')}]`;
    }

    prepareDraw(rules) {
      return { entries: JSON.parse(this.entriesJson()), rules };
    }
  }
  return {
    log,
    core: {
      Workspace,
      version: () => '0.0.0-test',
      prepareDraw: (entries, rules) => ({ entries, rules }),
      readFollowers: (name, text) => ({ name, handles: text.trim().split('\n') }),
      explode: () => { throw new WebAssembly.RuntimeError('unreachable'); },
      refuse: () => { throw { kind: 'input', message: 'the rules cannot be read' }; },
    },
  };
}

/** An engine on `core`; `messages` collects what it says; `until(pred)` waits for a message. */
function start(core) {
  const messages = [];
  const waiters = [];
  const engine = new Engine((msg) => {
    messages.push(msg);
    for (const w of [...waiters]) if (w.pred(msg)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(msg); }
  }, { load: async () => core });
  engine.start();
  const until = (pred) => {
    const found = messages.find(pred);
    return found ? Promise.resolve(found) : new Promise((resolve) => { waiters.push({ pred, resolve }); });
  };
  let id = 0;
  const call = (op, a) => {
    id += 1;
    engine.receive({ t: 'call', id, op, a });
    return id;
  };
  return { engine, messages, until, call };
}

const bytes = (n) => new Blob([new Uint8Array(n).fill(0x41)]);

test('a file is read in chunks, with progress, and its report carries the page\'s key', async () => {
  const { core, log } = fakeCore();
  const { until, call, messages } = start(core);
  assert.equal((await until((m) => m.t === 'ready')).version, '0.0.0-test');
  const file = new File([bytes(3 * 1024 * 1024 + 17)], 'big.csv');
  const id = call('add', { set: 's', key: 'k1', file, name: 'big.csv', lang: 'fr', today: '2026-06-01' });
  const done = await until((m) => m.t === 'done' && m.id === id);
  assert.deepEqual(done.r, { id: 'k1', name: 'big.csv', bytes: file.size, status: 'ok' });
  assert.equal(log.chunks.reduce((a, b) => a + b, 0), file.size);
  assert.ok(log.chunks.length >= 4, `${log.chunks.length} chunks`);
  const progress = messages.filter((m) => m.t === 'progress' && m.id === id);
  assert.equal(progress.at(-1).p.phase, 'finishing');
  assert.ok(messages.findIndex((m) => m.t === 'step' && m.id === id) < messages.findIndex((m) => m.t === 'progress'));
  // Its report, by the page's key; its entries, by the set's name.
  const reports = call('ws', { set: 's', method: 'reports', args: ['fr'] });
  assert.deepEqual((await until((m) => m.id === reports && m.t === 'done')).r, [{ id: 'k1', name: 'big.csv' }]);
  const draw = call('core', { fn: 'prepareDraw', args: [{ $entries: 's' }, { winners: 1 }] });
  assert.deepEqual((await until((m) => m.id === draw && m.t === 'done')).r, { entries: '[{"author":"big.csv"}]', rules: { winners: 1 } });
});

test('a cancel stops a file between two chunks, and the core forgets it', async () => {
  const { core, log } = fakeCore({ pushMs: 4 });
  const { engine, until, call } = start(core);
  const file = new File([bytes(8 * 1024 * 1024)], 'huge.csv');
  const id = call('add', { set: 's', key: 'k', file, name: 'huge.csv', lang: 'en' });
  await until((m) => m.t === 'progress' && m.id === id);
  const asked = performance.now();
  engine.receive({ t: 'cancel', id });
  await until((m) => m.t === 'cancelled' && m.id === id);
  assert.ok(performance.now() - asked < 100, 'stopped within 100 ms');
  assert.ok(log.chunks.reduce((a, b) => a + b, 0) < file.size, 'not read to its end');
  assert.deepEqual(log.removed, [1]);
});

test('a job cancelled before it starts never runs', async () => {
  const { core, log } = fakeCore({ pushMs: 2 });
  const { engine, until, call } = start(core);
  const first = call('add', { set: 's', key: 'a', file: new File([bytes(2 * 1024 * 1024)], 'a.csv'), name: 'a.csv' });
  const second = call('add', { set: 's', key: 'b', file: new File([bytes(1024)], 'b.csv'), name: 'b.csv' });
  engine.receive({ t: 'cancel', id: second });
  await until((m) => m.t === 'cancelled' && m.id === second);
  await until((m) => m.t === 'done' && m.id === first);
  assert.equal(log.chunks.reduce((a, b) => a + b, 0), 2 * 1024 * 1024, 'only the first file was read');
});

test('quick calls are answered while a file is being read', async () => {
  const { core } = fakeCore({ pushMs: 3 });
  const { until, call, messages } = start(core);
  const file = call('add', { set: 's', key: 'a', file: new File([bytes(4 * 1024 * 1024)], 'a.csv'), name: 'a.csv' });
  await until((m) => m.t === 'progress' && m.id === file);
  const totals = call('ws', { set: 's', method: 'totals', args: ['en'] });
  await until((m) => m.t === 'done' && m.id === totals);
  assert.equal(messages.some((m) => m.t === 'done' && m.id === file), false, 'answered before the file was read');
  await until((m) => m.t === 'done' && m.id === file);
});

test('a file\'s text is read by the engine; the core\'s own errors are passed on', async () => {
  const { core } = fakeCore();
  const { until, call } = start(core);
  const id = call('core', { fn: 'readFollowers', args: ['before.txt', { $text: new File(['@ann\n@bob\n'], 'before.txt') }, 'fr'] });
  assert.deepEqual((await until((m) => m.id === id && m.t === 'done')).r, { name: 'before.txt', handles: ['@ann', '@bob'] });
  const bad = call('core', { fn: 'refuse', args: [] });
  assert.deepEqual((await until((m) => m.id === bad && m.t === 'error')).e, { kind: 'input', message: 'the rules cannot be read' });
  for (const fn of ['Workspace', 'default', 'initSync', 'nothing']) {
    const no = call('core', { fn, args: [] });
    assert.match((await until((m) => m.id === no && m.t === 'error')).e.message, /no such call/);
  }
  const method = call('ws', { set: 's', method: 'free', args: [] });
  assert.match((await until((m) => m.id === method && m.t === 'error')).e.message, /no such call/);
});

test('a trap ends the engine: it says whose step it was, then answers nothing more', async () => {
  const { core } = fakeCore();
  const { until, call, messages } = start(core);
  const id = call('core', { fn: 'explode', args: [] });
  const fatal = await until((m) => m.t === 'fatal');
  assert.deepEqual(fatal, { t: 'fatal', id, e: { reason: 'trap', message: 'unreachable' } });
  const after = call('ws', { set: 's', method: 'totals', args: ['en'] });
  await sleep(30);
  assert.equal(messages.some((m) => m.id === after), false);
});

test('a JSON list of entries is a set\'s entries', async () => {
  const { core } = fakeCore();
  const { until, call } = start(core);
  const id = call('add', { set: 'v', key: 'j', json: true, file: new File(['[{"author":"ann"},{"author":"bob"}]'], 'entries.json'), name: 'entries.json' });
  assert.deepEqual((await until((m) => m.id === id && m.t === 'done')).r, { count: 2 });
  const figures = call('core', { fn: 'prepareDraw', args: [{ $entries: 'v' }, {}] });
  assert.equal((await until((m) => m.id === figures && m.t === 'done')).r.entries, '[{"author":"ann"},{"author":"bob"}]');
  const draw = call('ws', { set: 'v', method: 'prepareDraw', args: [{}] });
  assert.deepEqual((await until((m) => m.id === draw && m.t === 'done')).r.entries, [{ author: 'ann' }, { author: 'bob' }]);
  const range = call('range', { set: 'v', key: 'j', start: 2, end: 8 });
  assert.equal(new TextDecoder().decode((await until((m) => m.id === range && m.t === 'done')).r), '"autho');
  const gone = call('remove', { set: 'v', key: 'j' });
  assert.equal((await until((m) => m.id === gone && m.t === 'done')).r, true);
  const after = call('ws', { set: 'v', method: 'prepareDraw', args: [{}] });
  assert.deepEqual((await until((m) => m.id === after && m.t === 'done')).r.entries, []);
});
