// The core's host: what runs where the full WebAssembly core runs, in the module worker
// (worker.js) or, where no worker can start, in the page itself (worker-client.js). It owns
// the sets of dropped files, each a core Workspace with the `File` objects it was read from
// (kept, so a range of a file can be read again when the core asks: `range`, and
// `rangeSync` inside a worker), reads each file itself in chunks sized so that no step
// holds the thread for long (a cancel is seen between chunks), and answers the page's calls
// one at a time. Its messages are protocol.js's.
//
// Two lanes share the thread: files are read one after another on one; every other call
// (an analysis, a draw, a mapping, the reports) runs on the other, between a file's chunks,
// so the page's quick questions never wait for a 100 MB file. Every step that runs the core is
// announced (`step`) first: when the core stops (a trap) or hangs, the page knows whose step
// it was.

import { inlined } from './inline.js';
import { countLines, CHUNK, looksLikeText, MSG, nextChunkSize, plainError, stopReason, substitute } from './protocol.js';

/** The Workspace methods a `ws` call may name. */
const WS_METHODS = new Set(['reports', 'totals', 'sources', 'analyze', 'readAhead', 'prepareAnalysis', 'postsCsv', 'exportDocument', 'report', 'reportFile',
  'prepareDraw', 'drawWinners', 'redrawWinners', 'verifyDraw', 'drawExclusions', 'drawSuspicious', 'drawPeople', 'drawFile', 'drawEntriesSha256']);

/**
 * The draw calls that may carry a drand round: the beacon module (www/pkg/beacon/, fetched
 * only then) verifies each round's signature first, and the core, built without the curve
 * code, takes only the rounds the module returned (docs/draw-protocol.md).
 */
const DRAND_METHODS = new Set(['drawWinners', 'verifyDraw', 'redrawWinners']);

/** The beacon module's exports, loaded once. */
let beacon = null;
function loadBeacon() {
  beacon ??= import('./pkg/beacon/beacon.js').then(async (m) => {
    // Inside the single file the module travels with the worker's code (inline.js).
    await m.default({ module_or_path: inlined?.beacon ? inlined.beacon() : new URL('./pkg/beacon/beacon_bg.wasm', import.meta.url) });
    return m;
  });
  beacon.catch(() => { beacon = null; });
  return beacon;
}

/** What a cancelled job resolves to. */
const CANCELLED = Symbol('cancelled');

/** Runs `fn` in a new task (after the messages already queued), without timers' clamping. */
function later(fn) {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(fn, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

const now = () => performance.now();

export class Engine {
  #send;
  #load;
  #sheets;
  #core = null;
  #ready;
  #sets = new Map();
  #lanes = { read: [], call: [] };
  #busy = { read: false, call: false };
  #cancelled = new Set();
  #wakers = new Map();
  #last = null;
  #dead = false;
  #target;

  /**
   * `send(message, transfer)` posts to the page; `load()` resolves to the full core's exports;
   * `sheets()` once the spreadsheet module is loaded beside it (full-core.js); `target`: the
   * milliseconds a chunk should take (shorter in the page's own thread).
   */
  constructor(send, { load, sheets, target = 20 }) {
    this.#send = send;
    this.#load = load;
    this.#sheets = sheets;
    this.#target = target;
  }

  /** Loads the core, then says `ready` (with its version, or the error that stopped it). */
  start() {
    this.#ready = this.#load().then(
      (core) => {
        this.#core = core;
        this.#send({ t: MSG.ready, version: core.version() });
      },
      (err) => {
        this.#dead = true;
        this.#send({ t: MSG.ready, error: String(err?.message ?? err) });
      },
    );
    return this.#ready;
  }

  /** Stops answering: the page has started another engine in this one's place. */
  stop() {
    this.#dead = true;
  }

  /** A message from the page. */
  receive(msg) {
    if (this.#dead || !msg) return;
    if (msg.t === MSG.cancel) this.#cancel(msg.id);
    else if (msg.t === MSG.call) {
      const lane = msg.op === 'add' ? 'read' : 'call';
      this.#lanes[lane].push(msg);
      this.#schedule(lane);
    }
  }

  /** A queued job is dropped at once; a running one stops at its next chunk. */
  #cancel(id) {
    for (const lane of Object.values(this.#lanes)) {
      const i = lane.findIndex((m) => m.id === id);
      if (i >= 0) {
        lane.splice(i, 1);
        this.#send({ t: MSG.cancelled, id });
        return;
      }
    }
    this.#cancelled.add(id);
    // A job waiting for the next bytes of its file stops now, not when they come.
    this.#wakers.get(id)?.();
  }

  #schedule(lane) {
    if (this.#busy[lane]) return;
    this.#busy[lane] = true;
    later(() => this.#pump(lane));
  }

  async #pump(lane) {
    await this.#ready;
    const msg = this.#lanes[lane].shift();
    if (!msg || this.#dead) {
      this.#busy[lane] = false;
      return;
    }
    await this.#run(msg);
    later(() => this.#pump(lane));
  }

  /** Says that job `id` runs the core now (once, until another job's step comes between). */
  #enter(id) {
    if (this.#last === id) return;
    this.#last = id;
    this.#send({ t: MSG.step, id });
  }

  async #run({ id, op, a }) {
    try {
      const r = await this.#op(id, op, a || {});
      if (this.#dead) return;
      if (r === CANCELLED) this.#send({ t: MSG.cancelled, id });
      else if (r instanceof Uint8Array) this.#send({ t: MSG.done, id, r }, [r.buffer]);
      else this.#send({ t: MSG.done, id, r });
    } catch (err) {
      const reason = stopReason(err);
      if (reason) {
        // A trap leaves the core's memory in no state to trust: this engine is done.
        this.#dead = true;
        this.#send({ t: MSG.fatal, id, e: { reason, message: String(err?.message ?? err) } });
      } else if (!this.#dead) {
        this.#send({ t: MSG.error, id, e: plainError(err) });
      }
    } finally {
      this.#cancelled.delete(id);
      this.#wakers.delete(id);
    }
  }

  #op(id, op, a) {
    switch (op) {
      case 'add': return a.json ? this.#addList(id, a) : this.#add(id, a);
      case 'remove': return this.#remove(id, a);
      case 'map': return this.#map(id, a);
      case 'quote': return this.#quote(id, a);
      case 'ws': return this.#ws(id, a);
      case 'core': return this.#call(id, a);
      case 'range': return this.#range(a);
      case 'forget': return this.#forget(id, a);
      case 'sheets': return this.#sheets().then(() => true);
      default: throw { kind: 'internal', message: `unknown operation: ${op}` };
    }
  }

  /** The set `name`, made on first use (`today` places the dates without a year). */
  #set(name, today = null) {
    let s = this.#sets.get(name);
    if (!s) {
      s = { name, ws: new this.#core.Workspace(today), files: new Map(), lists: new Map(), cache: null };
      this.#sets.set(name, s);
    }
    return s;
  }

  /** Reads `file` into the set's Workspace, chunk by chunk; resolves to its report. */
  async #add(id, { set, key, file, name, lang, today }) {
    const s = this.#set(set, today);
    this.#enter(id);
    const fid = s.ws.beginFile(name);
    s.files.set(key, { id: fid, file, name });
    let report;
    try {
      if (await this.#stream(id, s, fid, file) === CANCELLED) throw CANCELLED;
      this.#send({ t: MSG.progress, id, p: { read: file.size, total: file.size, lines: null, phase: 'finishing' } });
      this.#enter(id);
      report = s.ws.finishFile(fid, lang);
    } catch (err) {
      if (!stopReason(err)) {
        s.ws.removeFile(fid);
        s.files.delete(key);
      }
      if (err === CANCELLED) return CANCELLED;
      throw err;
    }
    s.cache = null;
    return { ...report, id: key };
  }

  /**
   * Pushes `file` to the core: each chunk read while the core reads the one before, sized to
   * take about `target` ms; progress at most every 50 ms. Stops (CANCELLED) between chunks.
   */
  async #stream(id, s, fid, file) {
    const total = file.size;
    let pos = 0;
    let size = CHUNK.first;
    let lines = 0;
    let text = null;
    let told = 0;
    const cancel = new Promise((resolve) => { this.#wakers.set(id, resolve); });
    let next = total > 0 ? file.slice(0, Math.min(total, size)).arrayBuffer() : null;
    while (next) {
      // eslint-disable-next-line no-await-in-loop
      const bytes = await Promise.race([next, cancel]);
      // A task's turn for the other lane and for messages (a cancel), whatever the reads cost.
      // eslint-disable-next-line no-await-in-loop
      await new Promise(later);
      if (this.#cancelled.has(id)) return CANCELLED;
      const chunk = new Uint8Array(bytes);
      pos += chunk.length;
      next = pos < total && chunk.length > 0 ? file.slice(pos, pos + size).arrayBuffer() : null;
      this.#enter(id);
      const start = now();
      s.ws.pushChunk(fid, chunk);
      size = nextChunkSize(size, now() - start, this.#target);
      text ??= looksLikeText(chunk.subarray(0, 8192));
      if (text) lines += countLines(chunk);
      if (now() - told >= 50 || !next) {
        told = now();
        this.#send({ t: MSG.progress, id, p: { read: pos, total, lines: text ? lines : null, phase: 'reading' } });
      }
    }
    return null;
  }

  /** A JSON list of entries (the contest's), read whole by the core. */
  async #addList(id, { set, key, file, name, today }) {
    const s = this.#set(set, today);
    const text = await file.text();
    if (this.#cancelled.has(id)) return CANCELLED;
    this.#send({ t: MSG.progress, id, p: { read: file.size, total: file.size, lines: null, phase: 'finishing' } });
    this.#enter(id);
    // The list becomes the workspace's entries (a JSON list is alone in its set).
    const count = s.ws.useEntryList(name, text);
    s.lists.set(key, { file, name, count });
    s.cache = null;
    return { count };
  }

  #remove(id, { set, key }) {
    const s = this.#sets.get(set);
    if (!s) return false;
    s.cache = null;
    const list = s.lists.get(key);
    if (list) {
      this.#enter(id);
      s.ws.useEntryList(list.name, null);
      s.lists.delete(key);
      return true;
    }
    const f = s.files.get(key);
    if (!f) return false;
    this.#enter(id);
    s.ws.removeFile(f.id);
    s.files.delete(key);
    return true;
  }

  async #map(id, { set, key, table, mapping, lang, today }) {
    const s = this.#set(set, today);
    const f = s.files.get(key);
    if (!f) throw { kind: 'input', message: `no file ${key}` };
    this.#enter(id);
    let report = s.ws.applyMapping(f.id, table, mapping, lang);
    s.cache = null;
    // A table too large to keep its rows (more than the core's sample): the mapping applies
    // as the file is read again from the File the worker holds (the core keeps no bytes).
    if (report.read_again) report = await this.#again(id, s, f, lang);
    if (report === CANCELLED) return CANCELLED;
    return { ...report, id: key };
  }

  /** Reads the quote at `line`, `column` of a file as a character: the file is read again. */
  async #quote(id, { set, key, line, column, lang, today }) {
    const s = this.#set(set, today);
    const f = s.files.get(key);
    if (!f) throw { kind: 'input', message: `no file ${key}` };
    this.#enter(id);
    let report = s.ws.takeQuoteLiterally(f.id, line, column, lang);
    if (report.read_again) report = await this.#again(id, s, f, lang);
    if (report === CANCELLED) return CANCELLED;
    return { ...report, id: key };
  }

  /** Reads file `f` again, as the core asked (`read_again`); a cancel leaves what was read. */
  async #again(id, s, f, lang) {
    s.ws.rereadFile(f.id);
    const stopped = await this.#stream(id, s, f.id, f.file) === CANCELLED;
    this.#enter(id);
    const report = s.ws.finishFile(f.id, lang);
    s.cache = null;
    return stopped ? CANCELLED : report;
  }

  /** A call on a set's Workspace (`reports`, `analyze`…); reports carry the page's keys. */
  async #ws(id, { set, method, args = [], today }) {
    if (!WS_METHODS.has(method)) throw { kind: 'internal', message: `no such call: ${method}` };
    const s = this.#set(set, today);
    if (DRAND_METHODS.has(method)) args = await this.#withBeacon(method, args);
    this.#enter(id);
    // A marker for another set's entries (the report's contest) is replaced by them.
    const r = s.ws[method](...args.map((a) => (a && typeof a === 'object' && '$entries' in a ? this.#entries(a.$entries) : a)));
    if (method !== 'reports') return r;
    const keys = new Map([...s.files].map(([key, f]) => [f.id, key]));
    return r.filter((x) => keys.has(x.id)).map((x) => ({ ...x, id: keys.get(x.id) }));
  }

  /**
   * A draw call's arguments once the beacon module has verified its drand rounds: a drand
   * seed gets the module's record (`beacon`), or the draw is refused with the module's words
   * on the seed's field; a certificate's rounds are verified and the verdicts passed as
   * `checked` (`{record}`, or `{record, refused}` with the module's words).
   */
  async #withBeacon(method, args) {
    const lang = method === 'drawWinners' ? args[3] : args[method === 'verifyDraw' ? 1 : 2];
    const seed = method === 'drawWinners' ? args[1] : method === 'redrawWinners' ? args[1]?.seed : null;
    const rounds = method === 'drawWinners' ? [] : (args[0]?.drawings || []).map((d) => d.seed?.drand).filter(Boolean);
    if (seed?.kind !== 'drand' && !rounds.length) return args;
    let module;
    try {
      module = await loadBeacon();
    } catch (err) {
      throw { kind: 'input', message: `beacon module: ${err?.message ?? err}`, errors: [] };
    }
    if (seed?.kind === 'drand') {
      try {
        seed.beacon = [{ record: module.verifyDrandRound(seed.value, seed.chain ?? null, lang).record }];
      } catch (e) {
        const field = method === 'drawWinners' ? 'seed.value' : 'redraw.seed.value';
        throw { kind: 'input', message: e.message, errors: [{ field, message: e.message }] };
      }
    }
    const checked = [];
    for (const r of rounds) {
      try {
        checked.push({ record: module.verifyDrandRound(JSON.stringify(r), r.chain, lang).record });
      } catch (e) {
        checked.push({ record: r, refused: e.message });
      }
    }
    if (method === 'drawWinners') return args;
    if (method === 'verifyDraw') return [args[0], args[1], checked];
    return [args[0], args[1], args[2], checked];
  }

  /** A function of the core, its arguments' markers replaced (a set's entries, a file's text). */
  async #call(id, { fn, args = [] }) {
    const f = this.#core[fn];
    if (typeof f !== 'function' || /^[A-Z]|^(default|init|initSync)$/.test(fn)) {
      throw { kind: 'internal', message: `no such call: ${fn}` };
    }
    const real = await substitute(args, {
      entries: (name) => {
        this.#enter(id);
        return this.#entries(name);
      },
      text: (file) => file.text(),
    });
    if (this.#cancelled.has(id)) return CANCELLED;
    this.#enter(id);
    return f(...real);
  }

  /**
   * The entries of set `name` as JSON text, in the shape the contest's calls take: its JSON
   * list when it has one, else its files' comments (kept until the set changes). The draw
   * reads them where they are, through the set's Workspace (`prepareDraw`…).
   */
  #entries(name) {
    const s = this.#sets.get(name);
    if (!s) return null;
    s.cache ??= s.ws.entriesJson();
    return s.cache;
  }

  /** Bytes `start`…`end` of a file of a set, read again from the `File`. */
  async #range({ set, key, start, end }) {
    const f = this.#sets.get(set)?.files.get(key) ?? this.#sets.get(set)?.lists.get(key);
    if (!f) throw { kind: 'input', message: `no file ${key}` };
    return new Uint8Array(await f.file.slice(start, end).arrayBuffer());
  }

  /**
   * The same, at once, for a core that asks in the middle of a step: a worker has
   * `FileReaderSync`; the page's own thread has not (null there).
   */
  rangeSync(set, key, start, end) {
    const f = this.#sets.get(set)?.files.get(key);
    if (!f || typeof FileReaderSync === 'undefined') return null;
    return new Uint8Array(new FileReaderSync().readAsArrayBuffer(f.file.slice(start, end)));
  }

  #forget(id, { set }) {
    const s = this.#sets.get(set);
    if (!s) return false;
    this.#enter(id);
    s.ws.free?.();
    this.#sets.delete(set);
    return true;
  }
}
