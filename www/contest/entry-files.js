// The files of one set of entries, the contest's or those a verification checks: dropped or
// picked, read by the worker into a set of their own (a draw counts exactly the files given
// for it), or one JSON list of entries; each with its card (format, entries read, rows not
// imported, problems, the mapping step of a table the core did not recognise), its progress
// and Cancel while it is read.

import { fileSize } from '../reading.js';
import { h, replace, uid } from '../dom.js';
import { errorText, fileProgress, stoppedWords } from '../progress.js';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.ods,.zip,.json';

/** The same rule as the core's `draw::is_json`: a `.json` name, or text starting with [ or {. */
async function isJson(file) {
  if (/\.json$/i.test(file.name)) return true;
  const head = await file.slice(0, 1024).text();
  return /^\uFEFF?\s*[[{]/.test(head);
}

/** What a dropped file is: a certificate, a follower list, or entries. */
export async function classify(file) {
  const head = await file.slice(0, 65536).text();
  if (/^\uFEFF?\s*[[{]/.test(head) || /\.json$/i.test(file.name)) {
    if (/"format"\s*:\s*"social-roi draw certificate/.test(head)) return 'certificate';
    if (/string_list_data|relationships_follow/.test(head)) return 'followers';
    return 'entries';
  }
  return /follow|abonn/i.test(file.name) ? 'followers' : 'entries';
}

/**
 * The files of one set of entries (the contest's, or those a verification checks), read into
 * a set of the worker's (`set`, worker-client.js), or one JSON list of entries.
 * `state`: `{ files: [{ key, name, size, file, json, state, read, report, count, error, stopped }] }`.
 */
export class EntryFiles {
  constructor(panel, state, { heading, hint, slot, set, onChange }) {
    this.panel = panel;
    this.core = panel.core;
    this.s = state;
    this.set = set;
    this.s.files ??= [];
    this.onChange = onChange;
    this.slot = slot;
    this.progressViews = new Map();
    this.unwatch = set.watch((entry, what) => {
      if (what === 'progress') this.progressViews.get(entry.key)?.update(entry);
      else if (what === 'state') {
        // A cancelled file leaves at once, before the render that follows.
        if (entry?.state === 'cancelled') this.list.querySelector(`[data-key="${entry.key}"]`)?.remove();
        this.render();
      }
      else if (what === 'data' && !entry) this.changed();
    });
    const t = panel.t;
    this.picker = h('input', {
      type: 'file',
      multiple: true,
      accept: ACCEPT,
      hidden: true,
      dataset: { control: `${slot}-files` },
      on: { change: (e) => { this.add(e.target.files); e.target.value = ''; } },
    });
    this.list = h('div', { class: 'sr-list-stack', attrs: { 'aria-live': 'polite' } });
    this.extra = h('div');
    this.el = h('section', { class: 'sr-section sr-noprint', dataset: { section: slot } },
      h('h3', { class: 'sr-section-title', text: heading }),
      h('p', { class: 'sr-hint', text: hint }),
      panel.zone(slot, this.picker, t.choose),
      this.list,
      this.extra);
  }

  /** The entries, as a core call is given them: the worker puts in the set's own. */
  entries() {
    return this.set.entries();
  }

  /**
   * A call on this set's Workspace, which holds the entries and keeps the draw's preparation
   * until the rules or the files change (`prepareDraw`, `drawExclusions`, `drawWinners`…);
   * a newer call of the same `key` supersedes it (it rejects with `{ kind: 'superseded' }`).
   */
  call(method, args = [], { key = method, units = 0 } = {}) {
    return this.set.call(method, args, { supersede: `${this.set.name}:${key}`, units });
  }

  /** A number that changes whenever the files (and so the entries) do. */
  get version() {
    return this.s.version || 0;
  }

  /** The name of each source an entry's `origin.file` points to. */
  async sources() {
    return this.s.files.some((f) => f.json) ? [] : this.set.sources();
  }

  /** How many entries the files read hold (the size of a draw, for its time left). */
  get count() {
    return this.s.files.reduce((n, f) => n + (f.state !== 'done' ? 0 : (f.json ? f.count : f.report?.records?.entries ?? 0)), 0);
  }

  get ready() {
    return this.s.files.some((f) => f.state === 'done') && !this.s.files.some((f) => f.state === 'reading');
  }

  changed() {
    this.s.version = this.version + 1;
    this.render();
    this.onChange();
  }

  async add(files) {
    for (const file of Array.from(files || [])) {
      // eslint-disable-next-line no-await-in-loop
      await this.read(file);
    }
  }

  async read(file) {
    const entry = { key: uid('sr-ef'), name: file.name, size: file.size, file, state: 'reading', read: 0 };
    entry.json = await isJson(file);
    const others = this.s.files.filter((f) => f.state !== 'failed');
    if ((entry.json && others.length) || (!entry.json && others.some((f) => f.json))) {
      const alone = entry.json ? entry.name : others.find((f) => f.json).name;
      this.s.files.push({ ...entry, state: 'failed', error: this.panel.t.jsonAlone(alone) });
      this.changed();
      return;
    }
    this.s.files.push(entry);
    await this.set.add(entry, this.panel.lang);
    if (entry.state === 'cancelled') this.s.files = this.s.files.filter((f) => f !== entry);
    this.changed();
  }

  /** Takes a file out (one being read is cancelled: it stops at its next chunk). */
  async remove(entry) {
    if (entry.state === 'reading') {
      this.set.cancel(entry);
      return;
    }
    this.s.files = this.s.files.filter((f) => f !== entry);
    await this.set.remove(entry);
    this.changed();
  }

  /** Copies another set's files (a verification of the draw made here). */
  async copyFrom(other) {
    await Promise.all([...this.s.files].map((f) => this.remove(f)));
    await this.add(other.s.files.filter((f) => f.state === 'done').map((f) => f.file));
  }

  async applyMapping(entry, table, box) {
    const mapping = {};
    for (const select of box.querySelectorAll('select[data-column]')) mapping[select.dataset.column] = select.value || null;
    try {
      await this.set.map(entry, table, mapping, this.panel.lang);
      entry.mappingError = null;
    } catch (e) {
      entry.mappingError = errorText(e, this.panel.lang);
    }
    this.changed();
  }

  /** The cards, each file's report asked again in this language (the last render asked wins). */
  async render() {
    const t = this.panel.t;
    const token = (this.rendering ?? 0) + 1;
    this.rendering = token;
    const draw = () => {
      this.s.files = this.s.files.filter((f) => f.state !== 'cancelled');
      this.progressViews.clear();
      replace(this.list, this.s.files.length ? this.s.files.map((f) => this.card(f)) : [h('p', { class: 'sr-hint', text: t.noFile }), this.emptyHint?.()]);
    };
    // At once as the files stand (a file just dropped shows, with its Cancel, even while the
    // worker is busy), then with the reports in this language.
    draw();
    let reports;
    try {
      reports = await this.set.reports(this.panel.lang);
    } catch {
      return;
    }
    if (token !== this.rendering) return;
    const byKey = new Map(reports.map((r) => [r.id, r]));
    for (const f of this.s.files) if (f.state === 'done' && !f.json && byKey.has(f.key)) f.report = byKey.get(f.key);
    draw();
  }

  card(f) {
    const t = this.panel.t;
    const fmt = this.panel.fmt;
    const r = f.report;
    const body = [];
    if (f.state === 'reading') {
      const view = fileProgress(f, { lang: this.panel.lang, fmt, onCancel: () => this.set.cancel(f) });
      this.progressViews.set(f.key, view);
      body.push(view.el);
    }
    if (f.state === 'failed') {
      const text = f.stopped ? `${t.couldNotRead} ${stoppedWords(f.stopped, this.panel.lang)}` : f.error;
      body.push(h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, dataset: { error: 'file', stopped: f.stopped ?? '' }, text }));
    }
    if (f.state === 'done' && f.json) body.push(h('span', { class: 'sr-facts', dataset: { entries: f.count }, text: `${t.jsonList} · ${t.entriesRead(f.count)}` }));
    if (r) {
      const formats = r.tables.map((tb) => tb.format.label).filter((x, i, a) => a.indexOf(x) === i).join(', ');
      const skipped = r.tables.reduce((n, tb) => n + tb.rows - tb.imported, 0);
      body.push(h('span', { class: 'sr-facts', dataset: { entries: r.records.entries }, text: `${formats} · ${t.entriesRead(r.records.entries)}${skipped ? ` · ${t.notImported(skipped)}` : ''}` }));
      const errors = [...r.errors, ...r.tables.flatMap((tb) => tb.errors)];
      const warnings = [...r.warnings, ...r.tables.flatMap((tb) => tb.warnings)];
      if (errors.length) body.push(h('ul', { class: 'sr-problems sr-errors-list', dataset: { problems: 'errors' } }, errors.map((p) => h('li', { dataset: { line: p.line ?? '' }, text: p.message }))));
      if (warnings.length) body.push(h('ul', { class: 'sr-problems sr-warnings-list', dataset: { problems: 'warnings' } }, warnings.map((p) => h('li', { text: p.message }))));
      const waiting = r.tables.findIndex((tb) => tb.mapping && !tb.mapping.applied);
      if (waiting >= 0) body.push(this.mappingStep(f, r.tables[waiting], waiting));
      else if (r.records.entries === 0 && r.status !== 'unreadable') body.push(h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: `${t.noEntries} (${t.readAs} ${formats})` }));
    }
    return h('article', { class: 'sr-efile', dataset: { key: f.key, file: f.name, state: f.state } },
      h('div', { class: 'sr-efile-head' },
        h('span', { class: 'sr-efile-name', text: f.name }),
        h('span', { class: 'sr-facts', text: fileSize(f.size, fmt) }),
        f.state === 'reading' ? null : h('button', { type: 'button', class: 'sr-remove', title: t.remove, attrs: { 'aria-label': `${t.remove} ${f.name}` }, dataset: { action: 'remove-entry-file' }, text: '×', on: { click: () => this.remove(f) } })),
      body);
  }

  mappingStep(f, table, index) {
    const t = this.panel.t;
    const fields = this.panel.fields.filter((x) => x.kind === 'entries');
    const current = table.mapping.suggested;
    const box = h('div', { class: 'sr-slot', dataset: { mapping: table.mapping.signature } },
      h('strong', { text: t.mapTitle }),
      h('p', { class: 'sr-hint', text: t.mapHint }),
      f.mappingError ? h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: f.mappingError }) : null,
      h('div', { class: 'sr-two' }, table.mapping.header.map((name, col) => {
        const id = uid('sr-map');
        const samples = table.mapping.samples.map((row) => row[col]).filter(Boolean).slice(0, 3);
        return h('label', { class: 'sr-field', htmlFor: id },
          h('span', { class: 'sr-lbl', text: name || `#${col + 1}` }),
          samples.length ? h('span', { class: 'sr-facts', text: `${t.samples}${this.panel.colon}${samples.join(' · ')}` }) : null,
          h('select', { id, dataset: { column: col } },
            h('option', { value: '', text: t.mapNone, selected: !current[col] }),
            fields.map((x) => h('option', { value: x.key, text: x.label, selected: current[col] === x.key }))));
      })),
      h('div', {}, h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'apply-mapping' }, text: t.mapApply, on: { click: () => this.applyMapping(f, index, box) } })));
    return box;
  }
}

