// The page's side of the worker: it starts the module worker that runs the full core
// (worker.js), sends it the tabs' calls and hands back their answers as promises, shows
// nothing itself, and keeps the page alive whatever a file does to the core:
// - every long job reports progress and can be cancelled: a file stops between two chunks;
//   a step that does not answer a cancel at once (one call of the core: an analysis,
//   a spreadsheet read whole) is ended by ending the worker;
// - a watchdog ends a worker that reads a file and says nothing for a few seconds
//   (protocol.js `stallBudget`);
// - when the worker dies (a WebAssembly trap, out of memory, the watchdog, a cancel), a new
//   one starts, every set's files are read again but the one whose step it was (marked
//   `failed`, with the reason), the mappings applied are applied again, and the calls that
//   were waiting are sent again: nothing the user typed or dropped is lost;
// - while the core has nothing else to do, the Files tab's set has it read the texts ahead,
//   a slice per call, then prepare its Analysis (`FileSet.readsAhead`, `#readAhead`);
// - where no module worker can start (a Content-Security-Policy without worker-src, a
//   file:// page, an old browser), the same engine runs in the page's own thread, said
//   once in the console (there a stuck step holds the page: no watchdog, no ending it).
// The files of a tab are a `FileSet` (one per Workspace: the Files tab's, the contest's, the
// verification's); stateless calls go through `client.core`, whose every function returns a
// promise (`await core.computeContest(input, set.entries(), lang)`); a set's own Workspace calls
// go through `set.call(method, args)` (the draw's: `set.call('prepareDraw', [rules, lang])`).

import { inlined } from './inline.js';
import { today } from './reading.js';
import { entriesOf, MSG, stallBudget, STALL, stepLeft, textOf } from './protocol.js';

export { entriesOf, textOf };

/**
 * How long a cancelled step may take to stop before its worker is ended: 60 ms, so that with
 * a busy page's late timers a Cancel is done within 100 ms (a chunk stops in 10 to 30).
 */
export const CANCEL_MS = 60;
/**
 * What a set that reads ahead reads per call (bytes of its records' texts: about 10 ms of the
 * core in WebAssembly), and how often it looks whether the core is free.
 */
const AHEAD_BYTES = 256 << 10;
const AHEAD_WAIT_MS = 100;
/** How long a new worker may take to load the core before the page runs it itself. */
const START_MS = 30000;

/** Whether this browser starts module workers (it reads the `type` option). */
function moduleWorkers() {
  if (typeof Worker === 'undefined') return false;
  let supported = false;
  try {
    // An invalid URL: the options are read, then the constructor throws; nothing starts.
    new Worker('blob://', { get type() { supported = true; return 'module'; } }).terminate();
  } catch {
    /* expected */
  }
  return supported;
}

/** A call sent to the core: a promise (`await job`) that can also be cancelled. */
export class Job {
  constructor(client, id, op, a, opts) {
    this.client = client;
    this.id = id;
    this.op = op;
    this.a = a;
    this.onProgress = opts.onProgress ?? null;
    this.kind = opts.kind ?? op;
    this.units = opts.units ?? 0;
    this.size = a?.file?.size ?? 0;
    this.internal = !!opts.internal;
    this.supersede = opts.supersede ?? null;
    this.sent = false;
    this.phase = null;
    this.startedAt = null;
    this.settled = false;
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Nobody may be waiting (a superseded call): no unhandled rejection for that.
    this.promise.catch(() => {});
  }

  then(ok, ko) {
    return this.promise.then(ok, ko);
  }

  catch(ko) {
    return this.promise.catch(ko);
  }

  /** Stops this job (a file between two chunks; a stuck step by ending the worker). */
  cancel() {
    this.client.cancel(this);
  }

  /** Milliseconds since the core began this job (0 before). */
  get elapsed() {
    return this.startedAt == null ? 0 : performance.now() - this.startedAt;
  }

  /** The time left, from the last job of its kind (null when nothing is known). */
  get left() {
    return stepLeft(this.client.history.get(this.kind), this.units, this.elapsed);
  }
}

/** The worker, or the engine in the page's own thread, behind one interface. */
class WorkerTransport {
  constructor(onMessage, onDeath, bundle) {
    // Inside the single file, the worker's code travels in the page (inline.js).
    this.worker = inlined ? inlined.worker() : new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: bundle });
    this.worker.addEventListener('message', (e) => onMessage(e.data));
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      onDeath(e.message || 'error');
    });
    this.worker.addEventListener('messageerror', () => onDeath('messageerror'));
  }

  post(msg) {
    this.worker.postMessage(msg);
  }

  terminate() {
    this.worker.terminate();
  }

  /** Ends the worker as if it had died (the tests' way to kill it in the middle of a job). */
  kill() {
    this.worker.terminate();
  }
}

class PageTransport {
  constructor(onMessage, onDeath, fresh, bundle) {
    this.onMessage = onMessage;
    this.ready = Promise.all([import('./engine.js'), import('./full-core.js')]).then(([{ Engine }, { loadFullCore, loadSheets }]) => {
      // Shorter chunks: the page paints between them.
      this.engine = new Engine((msg) => setTimeout(() => this.engine && onMessage(msg), 0), { load: () => loadFullCore(fresh, bundle), sheets: loadSheets, target: 12 });
      this.engine.start();
    }, (err) => onDeath(String(err?.message ?? err)));
  }

  post(msg) {
    this.ready.then(() => setTimeout(() => this.engine?.receive(msg), 0));
  }

  terminate() {
    this.engine?.stop();
    this.engine = null;
  }

  kill() {
    this.terminate();
  }
}

let consoleSaid = false;

/** The page's one client of the full core. */
export class CoreClient {
  #transport = null;
  #gen = 0;
  #ids = 0;
  #pending = new Map();
  #active = null;
  #heard = 0;
  #up = false;
  #restarting = false;
  #watch = null;
  #sets = new Map();
  #orphans = new Map();

  /** `worker` or `page` (the fallback), once started. */
  mode = null;
  /**
   * What the core loads: `full`, or `sheets` (with the spreadsheet module beside it), once a
   * spreadsheet is dropped (see #upgrade); the single file's loads both.
   */
  bundle = inlined ? 'sheets' : 'full';
  /** How many times the core was started again. */
  restarts = 0;
  /** The last duration and size of each kind of job, for the time left. */
  history = new Map();
  /** How long the last cancel took to stop its job (ms, from the Cancel to the engine's answer). */
  lastCancelMs = null;
  /** The watchdog's budgets (protocol.js STALL); a test may shorten them. */
  stall = { ...STALL };
  /** Resolves once a core is up (again, after a restart). */
  ready;

  /** Starts the worker (or the page's own engine). */
  static start() {
    const c = new CoreClient();
    c.ready = c.#boot();
    return c;
  }

  /** The full core's functions, each returning a promise (`client.core.prepareDraw(…)`). */
  core = new Proxy({}, {
    get: (_, fn) => (typeof fn !== 'string' || fn === 'then' ? undefined : (...args) => this.request('core', { fn, args })),
  });

  async #boot() {
    if (moduleWorkers()) {
      try {
        await this.#open('worker');
        this.#flush();
        return;
      } catch (err) {
        this.#say(`the worker could not start (${err?.message ?? err})`);
      }
    } else {
      this.#say('this browser starts no module worker');
    }
    await this.#open('page');
    this.#flush();
  }

  /** Whether the core is up with nothing to do (no call waits or runs). */
  get idle() {
    return this.#up && this.#pending.size === 0;
  }

  /** The core is up: the calls that waited go, in their order. */
  #flush() {
    this.#up = true;
    for (const job of [...this.#pending.values()].sort((a, b) => a.id - b.id)) if (!job.sent) this.#post(job);
  }

  /** Counts the cores started: a replay stops when it changes (the worker died again). */
  get generation() {
    return this.#gen;
  }

  #say(why) {
    if (consoleSaid) return;
    consoleSaid = true;
    console.info(`social-roi: ${why}; the files are read in the page itself, which may pause while a large file is read.`);
  }

  /** Starts a transport of `mode` and waits for its core. */
  #open(mode) {
    const gen = ++this.#gen;
    this.mode = mode;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail('no answer'), START_MS);
      let started = false;
      const fail = (why) => {
        clearTimeout(timer);
        if (gen !== this.#gen) return;
        if (!started) {
          this.#transport?.terminate();
          reject(new Error(why));
        } else {
          this.#die('trap', this.#active);
        }
      };
      const onMessage = (msg) => {
        if (gen !== this.#gen) return;
        if (msg?.t === MSG.ready) {
          clearTimeout(timer);
          if (msg.error) {
            fail(msg.error);
            return;
          }
          started = true;
          this.version = msg.version;
          resolve();
          return;
        }
        this.#receive(msg);
      };
      try {
        this.#transport = mode === 'worker'
          ? new WorkerTransport(onMessage, fail, this.bundle)
          : new PageTransport(onMessage, fail, this.restarts > 0 || this.bundle === 'sheets', this.bundle);
      } catch (err) {
        clearTimeout(timer);
        reject(err);
      }
    });
  }

  /** Sends `op` with its arguments `a`; resolves to its answer. See Job. */
  request(op, a, opts = {}) {
    const id = ++this.#ids;
    const job = new Job(this, id, op, a, opts);
    if (job.supersede) {
      for (const other of this.#pending.values()) {
        if (other.supersede === job.supersede) this.#drop(other, { kind: 'superseded', message: 'superseded' });
      }
    }
    this.#pending.set(id, job);
    if (this.#up || job.internal) this.#post(job);
    this.#watchdog();
    return job;
  }

  #post(job) {
    job.sent = true;
    this.#transport.post({ t: MSG.call, id: job.id, op: job.op, a: job.a });
  }

  /** Settles `job` with `error` and tells the engine to drop it, without ending anything. */
  #drop(job, error) {
    this.#pending.delete(job.id);
    if (job.sent) {
      this.#transport?.post({ t: MSG.cancel, id: job.id });
      // The engine may have read the file meanwhile: then it is taken out again.
      if (job.op === 'add') this.#orphans.set(job.id, job.a);
    }
    this.#settle(job, null, error);
  }

  #settle(job, value, error) {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.cancelTimer);
    if (job.cancelAt != null) this.lastCancelMs = performance.now() - job.cancelAt;
    if (error) job.reject(error);
    else job.resolve(value);
  }

  /** The user's Cancel: see the head of this file. */
  cancel(job) {
    if (job.settled || !this.#pending.has(job.id)) return;
    const cancelled = { kind: 'cancelled', message: 'cancelled' };
    job.cancelAt = performance.now();
    if (!job.sent || job.startedAt == null) {
      // Not begun: it never will be.
      this.#drop(job, cancelled);
      return;
    }
    job.cancelRequested = true;
    this.#transport.post({ t: MSG.cancel, id: job.id });
    // In the page's own thread a step has ended by the time a click is heard: no need.
    if (this.mode !== 'worker') return;
    clearTimeout(job.cancelTimer);
    job.cancelTimer = setTimeout(() => {
      if (!job.settled && this.#pending.has(job.id)) this.#die('cancelled', job.id);
    }, CANCEL_MS);
  }

  #receive(msg) {
    this.#heard = performance.now();
    const job = this.#pending.get(msg.id);
    if (msg.t === MSG.step) {
      this.#active = msg.id;
      if (job && job.startedAt == null) job.startedAt = performance.now();
      return;
    }
    if (!job) {
      const orphan = this.#orphans.get(msg.id);
      if (orphan && msg.t !== MSG.progress) this.#orphans.delete(msg.id);
      if (orphan && msg.t === MSG.done) this.request('remove', { set: orphan.set, key: orphan.key });
      return;
    }
    switch (msg.t) {
      case MSG.progress:
        job.phase = msg.p.phase;
        job.onProgress?.(msg.p, job);
        break;
      case MSG.done:
        this.#pending.delete(job.id);
        if (job.cancelRequested && job.op === 'add') {
          // Read before the cancel came: taken out again, as the user asked.
          this.request('remove', { set: job.a.set, key: job.a.key });
          this.#settle(job, null, { kind: 'cancelled', message: 'cancelled' });
          break;
        }
        if (job.startedAt != null) this.history.set(job.kind, { ms: performance.now() - job.startedAt, units: job.units });
        this.#settle(job, msg.r);
        break;
      case MSG.error:
        this.#pending.delete(job.id);
        this.#settle(job, null, msg.e);
        break;
      case MSG.cancelled:
        this.#pending.delete(job.id);
        this.#settle(job, null, { kind: 'cancelled', message: 'cancelled' });
        break;
      case MSG.fatal:
        this.#die(msg.e.reason, job.id, msg.e.message);
        break;
      default:
    }
  }

  /** While jobs wait, checks every 250 ms that a file being read still makes progress. */
  #watchdog() {
    if (this.#watch) return;
    this.#watch = setInterval(() => {
      if (!this.#pending.size) {
        clearInterval(this.#watch);
        this.#watch = null;
        return;
      }
      const job = this.#pending.get(this.#active);
      // In the page's own thread a stuck step holds this timer too: nothing to watch there.
      if (!this.#up || this.mode !== 'worker' || !job || job.op !== 'add' || !job.sent) return;
      if (performance.now() - this.#heard > stallBudget(job.phase, job.size, this.stall)) this.#die('hang', job.id);
    }, 250);
  }

  /** Ends the worker as if it had died in the middle of its current job (tests use it). */
  kill() {
    this.#die('trap', this.#active);
  }

  /**
   * The worker died in job `id`'s step (or was ended): that job fails with `{ kind:
   * 'stopped', reason }` (`cancelled` for a cancel); a new core starts; see #restart.
   */
  /**
   * A spreadsheet was dropped and the core has no reader for it: the spreadsheet module is
   * loaded beside it (and with it by every later start); resolves to whether it is there.
   */
  async upgrade() {
    if (this.bundle === 'sheets') return true;
    try {
      await this.request('sheets', {});
    } catch (err) {
      this.#say(`the spreadsheet module could not be loaded (${err?.message ?? err})`);
      return false;
    }
    this.bundle = 'sheets';
    return true;
  }

  #die(reason, id, message = '') {
    this.#transport?.terminate();
    this.#gen += 1;
    this.#up = false;
    this.#active = null;
    this.#orphans.clear();
    const culprit = this.#pending.get(id);
    for (const job of this.#pending.values()) job.sent = false;
    for (const set of this.#sets.values()) set.lose();
    if (culprit) {
      this.#pending.delete(culprit.id);
      this.#settle(culprit, null, reason === 'cancelled' ? { kind: 'cancelled', message: 'cancelled' } : { kind: 'stopped', reason, message });
    }
    // The files a replay was reading again are read again by the next one.
    for (const job of [...this.#pending.values()]) {
      if (job.internal) {
        this.#pending.delete(job.id);
        this.#settle(job, null, { kind: 'restart', message: 'restart' });
      }
    }
    if (!this.#restarting) this.ready = this.#restart();
  }

  /** A new core; every set's files read again; then the waiting calls, in their order. */
  async #restart() {
    this.#restarting = true;
    this.restarts += 1;
    try {
      for (;;) {
        const gen = this.#gen + 1;
        try {
          // eslint-disable-next-line no-await-in-loop
          await this.#open(this.mode);
        } catch (err) {
          if (this.mode !== 'worker') throw err;
          this.#say(`the worker could not start again (${err?.message ?? err})`);
          // eslint-disable-next-line no-await-in-loop
          await this.#open('page');
        }
        for (const set of this.#sets.values()) {
          // eslint-disable-next-line no-await-in-loop
          await set.replay();
          if (gen !== this.#gen) break;
        }
        if (gen === this.#gen) break;
      }
    } finally {
      this.#restarting = false;
    }
    this.#flush();
    for (const set of this.#sets.values()) set.restored();
  }

  /** The set of files `name` (made on first use). */
  set(name) {
    if (!this.#sets.has(name)) this.#sets.set(name, new FileSet(this, name));
    return this.#sets.get(name);
  }
}

/**
 * The files of one Workspace in the worker, and what the page shows of them: each entry is
 * the page's own object (`{ key, file, name, size, json }`), which the set keeps up to date:
 * `state` (`reading`, `done`, `failed`), `read`, `lines`, `phase`, `job` (while reading),
 * `report` (or `count` for a JSON list of entries), `error` (the core's message) or `stopped`
 * (`trap`, `memory`, `hang`: the file stopped the reader). `watch(fn)` hears of every change:
 * `fn(entry, what)`, `what` one of `progress`, `state`, `data` (the set's records changed).
 */
export class FileSet {
  #client;
  #files = [];
  #listeners = new Set();
  #ahead = 0;
  lang = 'en';
  /**
   * Whether the core reads ahead, while it has nothing else to do, what this set's first
   * analysis needs (the Files tab's set: its Analysis tab then opens on kept facts).
   */
  readsAhead = false;
  /** The options its Analysis opens with (a function, maybe async), or null. */
  analysisOptions = null;
  /** Whether the read ahead and the preparation are done. */
  prepared = false;

  constructor(client, name) {
    this.#client = client;
    this.name = name;
  }

  watch(fn) {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #emit(entry, what) {
    for (const fn of [...this.#listeners]) fn(entry, what);
  }

  /** Reads `entry.file`; resolves to the entry once read, failed or cancelled (never rejects). */
  async add(entry, lang = this.lang) {
    this.lang = lang;
    const f = { entry, mappings: new Map(), status: 'queued' };
    this.#files.push(f);
    Object.assign(entry, { state: 'reading', read: 0, lines: null, phase: 'queued', error: null, stopped: null, report: null });
    this.#emit(entry, 'state');
    await this.#read(f, false);
    return entry;
  }

  async #read(f, internal, again = false) {
    const { entry } = f;
    const job = this.#client.request('add', {
      set: this.name, key: entry.key, file: entry.file, name: entry.name, json: !!entry.json, lang: this.lang, today: today(),
    }, {
      internal,
      onProgress: (p) => {
        Object.assign(entry, { read: p.read, lines: p.lines, phase: p.phase });
        this.#emit(entry, 'progress');
      },
    });
    entry.job = job;
    try {
      const r = await job;
      f.status = 'done';
      if (entry.json) entry.count = r.count;
      else entry.report = r;
      for (const [table, mapping] of f.mappings) {
        // eslint-disable-next-line no-await-in-loop
        entry.report = await this.#client.request('map', { set: this.name, key: entry.key, table, mapping, lang: this.lang, today: today() }, { internal });
      }
      for (const [line, column] of f.quotes ?? []) {
        // eslint-disable-next-line no-await-in-loop
        entry.report = await this.#client.request('quote', { set: this.name, key: entry.key, line, column, lang: this.lang, today: today() }, { internal });
      }
      if (!internal && !again && needsSheets(entry.report)) {
        // Read again with the spreadsheet module: this file alone, the others stay as read
        // (the file is still `reading` to the page meanwhile). Without it, the file fails.
        const loaded = await this.#client.upgrade();
        await this.#client.request('remove', { set: this.name, key: entry.key });
        Object.assign(entry, { read: 0, lines: null, phase: 'queued', report: null });
        if (!loaded) throw { kind: 'stopped', reason: 'sheets' };
        this.#emit(entry, 'progress');
        await this.#read(f, false, true);
        return;
      }
      entry.state = 'done';
    } catch (e) {
      if (e?.kind === 'restart') return;
      if (e?.kind === 'cancelled' || e?.kind === 'superseded') {
        f.status = 'cancelled';
        entry.state = 'cancelled';
        this.#files = this.#files.filter((x) => x !== f);
      } else {
        f.status = 'failed';
        entry.state = 'failed';
        if (e?.kind === 'stopped') entry.stopped = e.reason;
        else entry.error = e?.message || String(e);
      }
    } finally {
      if (entry.job === job) entry.job = null;
    }
    entry.phase = null;
    this.#emit(entry, 'state');
    if (entry.state === 'done') this.#emit(entry, 'data');
    if (entry.state === 'done' && !internal) this.#readAhead();
  }

  /**
   * Workspace.readAhead, then prepareAnalysis with `analysisOptions`; a newer read ahead takes
   * over, a failed call ends it (the analysis computes what is missing).
   */
  async #readAhead() {
    if (!this.readsAhead) return;
    this.#ahead += 1;
    this.prepared = false;
    const turn = this.#ahead;
    let texts = false;
    for (;;) {
      while (!this.#client.idle) {
        // eslint-disable-next-line no-await-in-loop
        await new Promise((resolve) => { setTimeout(resolve, AHEAD_WAIT_MS); });
        if (turn !== this.#ahead) return;
      }
      if (turn !== this.#ahead) return;
      try {
        if (!texts) {
          // eslint-disable-next-line no-await-in-loop
          texts = await this.call('readAhead', [this.lang, AHEAD_BYTES], { kind: 'facts' });
          continue;
        }
        // eslint-disable-next-line no-await-in-loop
        const options = await this.analysisOptions?.();
        // eslint-disable-next-line no-await-in-loop
        if (options) await this.call('prepareAnalysis', [options, this.lang], { kind: 'facts' });
        if (turn === this.#ahead) this.prepared = true;
      } catch {
        /* ended */
      }
      return;
    }
  }

  /** Cancels the reading of `entry`: it is gone at once (the worker stops at its next chunk). */
  cancel(entry) {
    if (!entry.job) return;
    entry.job.cancel();
    entry.state = 'cancelled';
    this.#emit(entry, 'state');
  }

  /** Takes `entry` out (cancelling its reading). */
  async remove(entry) {
    const f = this.#files.find((x) => x.entry === entry);
    if (!f) return;
    if (entry.job) {
      this.cancel(entry);
      return;
    }
    this.#files = this.#files.filter((x) => x !== f);
    if (f.status === 'done') {
      await this.#client.request('remove', { set: this.name, key: entry.key });
      this.#emit(entry, 'data');
      this.#readAhead();
    }
  }

  /** Maps table `table` of `entry` (see Workspace.applyMapping); kept, and applied again after a restart. */
  async map(entry, table, mapping, lang = this.lang) {
    this.lang = lang;
    const report = await this.#client.request('map', { set: this.name, key: entry.key, table, mapping, lang, today: today() });
    const f = this.#files.find((x) => x.entry === entry);
    f?.mappings.set(table, mapping);
    entry.report = report;
    this.#emit(entry, 'data');
    this.#readAhead();
    return report;
  }

  /**
   * Reads the stray quote at `line`, `column` of `entry` as a character (the file is read
   * again; see Workspace.takeQuoteLiterally); kept, and asked again after a restart.
   */
  async quote(entry, line, column, lang = this.lang) {
    this.lang = lang;
    const report = await this.#client.request('quote', { set: this.name, key: entry.key, line, column, lang, today: today() });
    const f = this.#files.find((x) => x.entry === entry);
    if (f) (f.quotes ??= []).push([line, column]);
    entry.report = report;
    this.#emit(entry, 'data');
    this.#readAhead();
    return report;
  }

  /** A call on the Workspace (`reports`, `totals`, `sources`, `analyze`, `postsCsv`, `exportDocument`). */
  call(method, args = [], opts = {}) {
    return this.#client.request('ws', { set: this.name, method, args, today: today() }, { kind: method, ...opts });
  }

  reports(lang = this.lang) {
    this.lang = lang;
    return this.call('reports', [lang]);
  }

  totals(lang = this.lang) {
    return this.call('totals', [lang]);
  }

  sources() {
    return this.call('sources');
  }

  /** Bytes `start`…`end` of `entry`'s file, read again by the worker. */
  range(entry, start, end) {
    return this.#client.request('range', { set: this.name, key: entry.key, start, end });
  }

  /** What a core call is given for "this set's entries" (the worker puts them in). */
  entries() {
    return entriesOf(this.name);
  }

  /** Whether a file is being read. */
  get busy() {
    return this.#files.some((f) => f.entry.state === 'reading');
  }

  /** The worker died: every file it had read is to be read again. */
  lose() {
    for (const f of this.#files) if (f.status === 'done') f.status = 'lost';
  }

  /** Reads again, in order, the files lost with the worker (the restart's first step). */
  async replay() {
    const gen = this.#client.generation;
    for (const f of this.#files) {
      if (this.#client.generation !== gen) return;
      if (f.status !== 'lost') continue;
      Object.assign(f.entry, { state: 'reading', read: 0, lines: null, phase: 'queued', again: true });
      this.#emit(f.entry, 'state');
      // eslint-disable-next-line no-await-in-loop
      await this.#read(f, true);
      f.entry.again = false;
      if (f.status === 'lost') return;
    }
  }

  /** The restart is over: whoever shows this set's records computes them again. */
  restored() {
    this.#emit(null, 'data');
  }
}

/** Whether `report` says a spreadsheet waits for the core that reads them. */
function needsSheets(report) {
  const codes = (list) => (list ?? []).some((p) => p.code === 'needs_spreadsheet_reader');
  return !!report && (codes(report.errors) || (report.tables ?? []).some((t) => codes(t.errors)));
}

let client = null;

/** The page's client of the full core, started on first use; resolves once it is up. */
export function coreClient() {
  client ??= CoreClient.start();
  return client.ready.then(() => client);
}
