// The Files tab: drop exports (or pick them, or paste CSV text), and see what the core
// understood of each: format, rows read, columns mapped and ignored, rows skipped and why,
// warnings, errors with their line and column. Files are read chunk by chunk with
// `file.stream()` and pushed to the core's Workspace, yielding to the page between chunks so
// the tab never freezes. Nothing here reads a number: the core reports, the page shows.

import { fileSize, streamInto, today } from '../reading.js';
import { h, replace, uid } from '../dom.js';
import { Format } from '../format.js';
import { pick, strings } from '../i18n.js';
import { card } from './card.js';
import { remember, remembered } from './mapping.js';
import { STRINGS } from './strings.js';
import { sheet } from './styles.js';
import { renderSummary } from './summary.js';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.ods,.zip,.json';

export class FilesPanel {
  constructor(ctx) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.t = pick(STRINGS, ctx.lang);
    this.colon = strings(ctx.lang).colon;
    this.fmt = new Format(ctx.locale, 'EUR');
    this.store = ctx.store;
    // The networks' names, as the core writes them.
    this.networks = new Map(this.core.networkNames().map((n) => [n.key, n.name]));
    // The workspace is shared: the analysis and contest tabs read the same dropped files.
    this.shared = ctx.shared;
    this.shared.workspace ??= new this.core.Workspace(today());
    // [{ key, id, file, name, size, state: 'reading'|'done'|'failed', read, report, error }]
    this.store.files ??= [];
    this.store.pasted ??= 0;
    this.sheets = [sheet()];
    this.list = h('div', { class: 'sr-file-list', attrs: { 'aria-live': 'polite' } });
    this.summary = h('section', { class: 'sr-section sr-summary', dataset: { section: 'summary' } });
    this.picker = h('input', {
      type: 'file',
      multiple: true,
      accept: ACCEPT,
      hidden: true,
      dataset: { control: 'files' },
      on: { change: (e) => { this.addFiles(e.target.files); e.target.value = ''; } },
    });
    const t = this.t;
    const pasteId = uid('sr-paste');
    this.pasteArea = h('textarea', { id: pasteId, dataset: { control: 'paste' }, spellcheck: false });
    this.el = h('div', { class: 'sr-files', dataset: { panel: 'files' } },
      h('div', {},
        h('h2', { class: 'sr-section-title', text: t.heading }),
        h('p', { class: 'sr-hint', text: t.intro })),
      h('div', { class: 'sr-drop-zone' },
        h('strong', { text: t.drop }),
        h('span', { class: 'sr-hint', text: t.formats }),
        h('div', { class: 'sr-file-actions' },
          h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.choose, dataset: { action: 'choose' }, on: { click: () => this.picker.click() } }),
          this.picker)),
      h('details', { class: 'sr-paste' },
        h('summary', { text: t.paste }),
        h('label', { class: 'sr-field', htmlFor: pasteId }, h('span', { class: 'sr-lbl', text: t.pasteLabel })),
        this.pasteArea,
        h('button', { type: 'button', class: 'sr-btn', text: t.pasteRead, dataset: { action: 'paste' }, on: { click: () => this.readPasted() } })),
      this.summary,
      this.list);
    this.render();
  }

  get ws() {
    return this.shared.workspace;
  }

  /** `3 posts`, `1 post`. */
  kind(k, n) {
    const [one, many] = this.t.kinds[k];
    return `${this.fmt.count(n)} ${n === 1 ? one : many}`;
  }

  /** Reads `files` one after another (a FileList or an array of File). */
  async addFiles(files) {
    for (const file of Array.from(files || [])) {
      // eslint-disable-next-line no-await-in-loop
      await this.readFile(file);
    }
  }

  readPasted() {
    const text = this.pasteArea.value;
    if (!text.trim()) return;
    this.store.pasted += 1;
    this.pasteArea.value = '';
    this.addFiles([new File([text], this.t.pastedName(this.store.pasted), { type: 'text/csv' })]);
  }

  async readFile(file) {
    const entry = { key: uid('sr-file'), file, name: file.name, size: file.size, state: 'reading', read: 0 };
    this.store.files.push(entry);
    this.render();
    try {
      await this.pushFile(entry);
      entry.report = this.ws.finishFile(entry.id, this.lang);
      entry.state = 'done';
      await this.applyRemembered(entry);
    } catch (e) {
      entry.state = 'failed';
      entry.error = e?.message || String(e);
      // A reader that stopped inside WebAssembly may leave the workspace unusable: start a
      // new one and read the other files again (they are still at hand).
      if (e instanceof WebAssembly.RuntimeError) await this.rebuild(entry);
    }
    this.render();
  }

  async pushFile(entry) {
    entry.id = await streamInto(this.ws, entry.file, entry.name, (read) => {
      entry.read = read;
      this.progress(entry);
    });
  }

  async rebuild(failed) {
    this.shared.workspace = new this.core.Workspace(today());
    for (const entry of this.store.files) {
      if (entry === failed || entry.state !== 'done') continue;
      entry.read = 0;
      // eslint-disable-next-line no-await-in-loop
      await this.pushFile(entry);
      entry.report = this.ws.finishFile(entry.id, this.lang);
    }
  }

  /** A table the core did not recognise, whose header was mapped before: map it again. */
  async applyRemembered(entry) {
    const tables = entry.report?.tables || [];
    for (let i = 0; i < tables.length; i += 1) {
      const offer = tables[i].mapping;
      if (!offer || offer.applied) continue;
      const mapping = remembered(offer.signature);
      if (!mapping) continue;
      try {
        entry.report = this.ws.applyMapping(entry.id, i, mapping, this.lang);
        entry.rememberedTables = [...(entry.rememberedTables || []), i];
      } catch {
        /* the remembered mapping no longer fits: the user maps again */
      }
    }
  }

  /** Hands a follower list to the contest's outcome: its panel places it on a moment. */
  offerToContest(entry) {
    this.shared.followerLists ??= [];
    this.shared.followerLists.push(entry.file);
    entry.offered = true;
    this.render();
  }

  remove(entry) {
    if (entry.id != null && entry.state !== 'reading') this.ws.removeFile(entry.id);
    this.store.files = this.store.files.filter((x) => x !== entry);
    this.render();
  }

  applyMapping(entry, tableIndex, card) {
    const mapping = {};
    for (const select of card.querySelectorAll('select[data-column]')) {
      mapping[select.dataset.column] = select.value || null;
    }
    const offer = entry.report.tables[tableIndex].mapping;
    try {
      entry.report = this.ws.applyMapping(entry.id, tableIndex, mapping, this.lang);
      entry.mappingError = null;
      remember(offer.signature, mapping);
    } catch (e) {
      entry.mappingError = e?.message || String(e);
    }
    this.render();
  }

  progress(entry) {
    const el = this.list.querySelector(`[data-key="${entry.key}"] progress`);
    if (!el) return;
    el.value = entry.read;
    const label = this.list.querySelector(`[data-key="${entry.key}"] .sr-progress-text`);
    if (label) label.textContent = this.t.reading(fileSize(entry.read, this.fmt));
  }

  render() {
    // Reports are kept by the core; ask for them in this language (a language switch
    // re-renders without reading anything again).
    const byId = new Map(this.ws.reports(this.lang).map((r) => [r.id, r]));
    for (const entry of this.store.files) {
      if (entry.state === 'done' && byId.has(entry.id)) entry.report = byId.get(entry.id);
    }
    renderSummary(this);
    replace(this.list, this.store.files.map((entry) => card(this, entry)));
  }
}
