// The files of one set of entries, the contest's or those a verification checks: dropped or
// picked, read chunk by chunk into a Workspace of their own (a draw counts exactly the files
// given for it), or one JSON list of entries; each with its card (format, entries read, rows
// not imported, problems, the mapping step of a table the core did not recognise).

import { fileSize, streamInto, today } from '../reading.js';
import { h, replace, uid } from '../dom.js';

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
 * a Workspace of their own, or one JSON list of entries.
 * `state`: `{ ws, files: [{ key, name, size, file, json, state, read, id, report, entries, error }] }`.
 */
export class EntryFiles {
  constructor(panel, state, { heading, hint, slot, onChange }) {
    this.panel = panel;
    this.core = panel.core;
    this.s = state;
    this.s.ws ??= new this.core.Workspace(today());
    this.s.files ??= [];
    this.onChange = onChange;
    this.slot = slot;
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

  get ws() {
    return this.s.ws;
  }

  /**
   * The entries as JSON text, for the contest's figures (cached until the files change). The
   * draw reads them where they are: `this.ws.prepareDraw(…)` and the other draw calls of the
   * workspace, which keeps its preparation until the rules or the files change.
   */
  entries() {
    // JSON text crosses into WebAssembly many times faster than thousands of objects.
    this.s.cache ??= this.ws.entriesJson();
    return this.s.cache;
  }

  /** A number that changes whenever the files (and so the entries) do. */
  get version() {
    return this.s.version || 0;
  }

  /** The name of each source an entry's `origin.file` points to. */
  sources() {
    return this.s.files.some((f) => f.json) ? [] : this.ws.sources();
  }

  get ready() {
    return this.s.files.some((f) => f.state === 'done') && !this.s.files.some((f) => f.state === 'reading');
  }

  changed() {
    this.s.cache = null;
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
    this.render();
    try {
      if (entry.json) {
        // The list becomes the workspace's entries (no file is read into it).
        entry.count = this.ws.useEntryList(file.name, await file.text());
      } else {
        await this.push(entry);
        entry.report = this.ws.finishFile(entry.id, this.panel.lang);
      }
      entry.state = 'done';
    } catch (e) {
      entry.state = 'failed';
      entry.error = e?.message || String(e);
      if (e instanceof WebAssembly.RuntimeError) await this.rebuild(entry);
    }
    this.changed();
  }

  async push(entry) {
    entry.id = await streamInto(this.ws, entry.file, entry.name, (read) => {
      entry.read = read;
      const bar = this.list.querySelector(`[data-key="${entry.key}"] progress`);
      if (bar) bar.value = read;
    });
  }

  /** A reader that stopped inside WebAssembly may leave the workspace unusable: read again. */
  async rebuild(failed) {
    this.s.ws = new this.core.Workspace(today());
    for (const f of this.s.files) {
      if (f === failed || f.json || f.state !== 'done') continue;
      f.read = 0;
      // eslint-disable-next-line no-await-in-loop
      await this.push(f);
      f.report = this.ws.finishFile(f.id, this.panel.lang);
    }
  }

  remove(entry) {
    if (entry.id != null && !entry.json && entry.state === 'done') this.ws.removeFile(entry.id);
    if (entry.json && entry.state === 'done') this.ws.useEntryList(entry.name, null);
    this.s.files = this.s.files.filter((f) => f !== entry);
    this.changed();
  }

  /** Copies another set's files (a verification of the draw made here). */
  async copyFrom(other) {
    for (const f of [...this.s.files]) this.remove(f);
    await this.add(other.s.files.filter((f) => f.state === 'done').map((f) => f.file));
  }

  applyMapping(entry, table, box) {
    const mapping = {};
    for (const select of box.querySelectorAll('select[data-column]')) mapping[select.dataset.column] = select.value || null;
    try {
      entry.report = this.ws.applyMapping(entry.id, table, mapping, this.panel.lang);
      entry.mappingError = null;
    } catch (e) {
      entry.mappingError = e?.message || String(e);
    }
    this.changed();
  }

  render() {
    const t = this.panel.t;
    const byId = new Map(this.ws.reports(this.panel.lang).map((r) => [r.id, r]));
    for (const f of this.s.files) if (f.state === 'done' && !f.json && byId.has(f.id)) f.report = byId.get(f.id);
    replace(this.list, this.s.files.length ? this.s.files.map((f) => this.card(f)) : [h('p', { class: 'sr-hint', text: t.noFile }), this.emptyHint?.()]);
  }

  card(f) {
    const t = this.panel.t;
    const fmt = this.panel.fmt;
    const r = f.report;
    const body = [];
    if (f.state === 'reading') body.push(h('progress', { max: Math.max(1, f.size), value: f.read, style: { width: '100%' } }), h('span', { class: 'sr-facts', text: t.reading }));
    if (f.state === 'failed') body.push(h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, dataset: { error: 'file' }, text: f.error }));
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
    const fields = this.core.canonicalFields(this.panel.lang).filter((x) => x.kind === 'entries');
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

