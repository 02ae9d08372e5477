// The Files tab: drop exports (or pick them, or paste CSV text), and see what the core
// understood of each: format, rows read, columns mapped and ignored, rows skipped and why,
// warnings, errors with their line and column. The files are a set of the worker's
// (worker-client.js): read there chunk by chunk, with progress and Cancel on each card, and
// read again by a new worker if one dies; this tab only renders. Nothing here reads a
// number: the core reports, the page shows.

import { h, replace, uid } from '../dom.js';
import { Format } from '../format.js';
import { pick, strings } from '../i18n.js';
import { errorText, fileProgress } from '../progress.js';
import { firstAnalysisOptions } from '../reading.js';
import { card } from './card.js';
import { remember, remembered } from './mapping.js';
import { STRINGS } from './strings.js';
import { sheet } from './styles.js';
import { renderSummary } from './summary.js';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.ods,.zip,.json';

export class FilesPanel {
  /** The panel, once the core's names (networks, fields) and the reports are at hand. */
  static async create(ctx) {
    const [networks, fields] = await Promise.all([ctx.core.networkNames(), ctx.core.canonicalFields(ctx.lang)]);
    const panel = new FilesPanel(ctx, networks, fields);
    await panel.render();
    return panel;
  }

  constructor(ctx, networks, fields) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.t = pick(STRINGS, ctx.lang);
    this.colon = strings(ctx.lang).colon;
    this.fmt = new Format(ctx.locale, 'EUR');
    this.store = ctx.store;
    // The networks' names and the fields a column maps to, as the core writes them.
    this.networks = new Map(networks.map((n) => [n.key, n.name]));
    this.fields = fields;
    // The set is shared: the analysis and contest tabs read the same dropped files.
    this.set = ctx.set('files');
    // The Analysis tab reads this set: its texts are read ahead while the core waits, then its
    // analysis is prepared with the options the tab has or starts with.
    this.set.readsAhead = true;
    this.shared = ctx.shared;
    this.set.analysisOptions = async () => this.shared.analysisOptions
      ?? firstAnalysisOptions(await ctx.core.analysisDefaults(ctx.lang), ctx.mark);
    // [{ key, file, name, size, state: 'reading'|'done'|'failed', read, lines, report, error, stopped }]
    this.store.files ??= [];
    this.store.pasted ??= 0;
    this.progressViews = new Map();
    this.unwatch = this.set.watch((entry, what) => {
      if (what === 'progress') this.progress(entry);
      else {
        // A file read: the Analysis tab's modules load while the user looks.
        if (what === 'state' && entry?.state === 'done') ctx.preload?.('analysis');
        // A cancelled file leaves at once, before the render that follows.
        if (entry?.state === 'cancelled') this.list.querySelector(`[data-key="${entry.key}"]`)?.remove();
        this.renderSoon();
      }
    });
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
  }

  destroy() {
    this.destroyed = true;
    this.unwatch();
  }

  /** `3 posts`, `1 post`. */
  kind(k, n) {
    const [one, many] = this.t.kinds[k];
    return `${this.fmt.count(n)} ${n === 1 ? one : many}`;
  }

  /** Reads `files` (a FileList or an array of File): they are listed at once, read in order. */
  async addFiles(files) {
    await Promise.all(Array.from(files || []).map((file) => this.readFile(file)));
  }

  readPasted() {
    const text = this.pasteArea.value;
    if (!text.trim()) return;
    this.store.pasted += 1;
    this.pasteArea.value = '';
    this.addFiles([new File([text], this.t.pastedName(this.store.pasted), { type: 'text/csv' })]);
  }

  async readFile(file) {
    const entry = { key: uid('sr-file'), file, name: file.name, size: file.size };
    this.store.files.push(entry);
    await this.set.add(entry, this.lang);
    if (entry.state === 'done') await this.applyRemembered(entry);
    await this.render();
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
        // eslint-disable-next-line no-await-in-loop
        await this.set.map(entry, i, mapping, this.lang);
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

  /** Takes a file out (a file being read is cancelled: it stops at its next chunk). */
  async remove(entry) {
    if (entry.state === 'reading') {
      this.set.cancel(entry);
      return;
    }
    this.store.files = this.store.files.filter((x) => x !== entry);
    await this.set.remove(entry);
    await this.render();
  }

  async applyMapping(entry, tableIndex, card) {
    const mapping = {};
    for (const select of card.querySelectorAll('select[data-column]')) {
      mapping[select.dataset.column] = select.value || null;
    }
    const offer = entry.report.tables[tableIndex].mapping;
    try {
      await this.set.map(entry, tableIndex, mapping, this.lang);
      entry.mappingError = null;
      remember(offer.signature, mapping);
    } catch (e) {
      entry.mappingError = errorText(e, this.lang);
    }
    await this.render();
  }

  /** Reads `entry` again with the quote at `line`, `column` taken as a character. */
  async takeQuote(entry, line, column) {
    try {
      await this.set.quote(entry, line, column, this.lang);
      entry.mappingError = null;
    } catch (e) {
      entry.mappingError = errorText(e, this.lang);
    }
    await this.render();
  }

  /** Redraws the progress of a file being read, nothing else. */
  progress(entry) {
    if (!this.destroyed) this.progressViews.get(entry.key)?.update(entry);
  }

  /** One render for the changes of one moment. */
  renderSoon() {
    if (this.soon || this.destroyed) return;
    this.soon = true;
    queueMicrotask(() => {
      this.soon = false;
      this.render();
    });
  }

  /**
   * The cards at once, as the files stand (a file just dropped shows, with its Cancel, even
   * while the worker is busy), then again with the reports and totals the core gives in this
   * language (a language switch re-renders without reading anything again).
   */
  async render() {
    if (this.destroyed) return;
    const token = (this.rendering ?? 0) + 1;
    this.rendering = token;
    this.store.files = this.store.files.filter((entry) => entry.state !== 'cancelled');
    this.drawCards();
    let reports;
    let totals;
    try {
      [reports, totals] = await Promise.all([this.set.reports(this.lang), this.set.totals(this.lang)]);
    } catch {
      // The worker stopped meanwhile: its restart renders again.
      return;
    }
    if (token !== this.rendering || this.destroyed) return;
    const byId = new Map(reports.map((r) => [r.id, r]));
    this.store.files = this.store.files.filter((entry) => entry.state !== 'cancelled');
    for (const entry of this.store.files) {
      if (entry.state === 'done' && byId.has(entry.key)) entry.report = byId.get(entry.key);
    }
    renderSummary(this, totals);
    this.drawCards();
  }

  drawCards() {
    this.progressViews.clear();
    replace(this.list, this.store.files.map((entry) => card(this, entry)));
  }

  /** The progress of `entry` on its card, kept so the worker's progress redraws only it. */
  progressView(entry) {
    const view = fileProgress(entry, { lang: this.lang, fmt: this.fmt, onCancel: () => this.set.cancel(entry) });
    this.progressViews.set(entry.key, view);
    return view.el;
  }
}
