// The Report tab: what the other tabs compute, assembled by the core's `Workspace.report`
// into one document to print or save. The form (period, comparison, sections, branding,
// benchmark counts) goes to the core as typed; the document comes back with every figure of
// both periods, its change (absolute and %, never across two definitions), the words written
// from them, and the benchmark, each with its formula; it is drawn here as it is (document.js).
// The words are editable, each section has a note; "Download PDF" is the browser's print,
// laid out for A4 or Letter by a page rule (print.js); "Save report" writes the core's report
// file, which "Open a report" reads back: shown as it was without files, or as the previous
// issue of the next one with them. "Remember on this device" (remember.js, opt-in) keeps the
// same file in IndexedDB and restores it when the tab opens. Nothing here computes a figure.

import { h, replace } from '../dom.js';
import { Format } from '../format.js';
import { pick, strings } from '../i18n.js';
import { download, firstAnalysisOptions } from '../reading.js';
import { errorText } from '../progress.js';
import { benchmarkFields } from './benchmark.js';
import { documentView } from './document.js';
import { controls } from './controls.js';
import { PrintPage } from './print.js';
import { available, forget, recall, remember } from './remember.js';
import { STRINGS } from './strings.js';
import { sheet } from './styles.js';

/** Restores the report file this device keeps into the tab's store (nothing if none). */
async function restore(ctx) {
  const text = await recall();
  if (!text) return;
  try {
    const { file } = await ctx.core.readReportFile(text, ctx.lang);
    Object.assign(ctx.store, { input: file.input, savedFile: file, keptFile: file, remember: true, remembered: true, restored: true });
  } catch {
    // A file this version cannot read stays where it is until the user forgets it.
    Object.assign(ctx.store, { remembered: true });
  }
}

export class ReportPanel {
  static async create(ctx) {
    const [defaults, networks] = await Promise.all([ctx.core.analysisDefaults(ctx.lang), ctx.core.networkNames()]);
    // The first visit: the report this device remembers, if the user asked it to.
    if (!ctx.store.input) await restore(ctx);
    const panel = new ReportPanel(ctx, defaults);
    // The networks' names, as the core writes them (the posts carry their keys).
    panel.networks = Object.fromEntries(networks.map((n) => [n.key, n.name]));
    await panel.compute(true);
    return panel;
  }

  constructor(ctx, defaults) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.t = pick(STRINGS, ctx.lang);
    this.colon = strings(ctx.lang).colon;
    this.store = ctx.store;
    this.files = ctx.set('files');
    this.fmt = new Format(ctx.locale, 'EUR');
    this.mark = ctx.mark;
    this.defaults = defaults;
    this.store.input ??= {
      title: '', period: { from: '', to: '' }, comparison: 'previous', comparison_period: { from: '', to: '' },
      sections: [], branding: { agency: '', client: '', logo: '', accent: '' }, notes: {}, words: {},
      benchmark: { from: '', to: '', last_posts: '', decimal_mark: this.mark, accounts: [], files: false },
    };
    this.store.paper ??= 'A4';
    // Said until the user changes the report: the tab may be made again meanwhile (another
    // tab's currency, the language), and the new panel must say it too.
    if (this.store.restored) this.deviceStatus = this.t.restored;
    this.sheets = [sheet()];
    this.print = new PrintPage();
    this.el = h('div', { class: 'sr-report', dataset: { panel: 'report' } });
    this.formBox = h('div', { class: 'sr-noprint sr-r-form' });
    this.docBox = h('div', { class: 'sr-r-doc', attrs: { 'aria-live': 'polite' } });
    replace(this.el, h('div', { class: 'sr-noprint' }, h('h2', { class: 'sr-section-title', text: this.t.heading }), h('p', { class: 'sr-hint', text: this.t.intro })), this.formBox, this.docBox);
    this.unwatch = this.files.watch((entry, what) => {
      if (what !== 'data' || this.destroyed) return;
      clearTimeout(this.dataTimer);
      this.dataTimer = setTimeout(() => this.compute(false), 50);
    });
  }

  destroy() {
    this.destroyed = true;
    this.unwatch();
    clearTimeout(this.dataTimer);
    clearTimeout(this.timer);
    this.print.remove();
  }

  get input() {
    return this.store.input;
  }

  /** What goes to the core: the form, the Analysis tab's options, the calculator's input. */
  request() {
    let analysis = this.ctx.shared.analysisOptions;
    analysis ??= firstAnalysisOptions(this.defaults, this.ctx.mark);
    const input = { ...this.input, analysis: { ...analysis, period: null } };
    if (!input.sections.length || input.sections.includes('roi')) input.roi = this.ctx.roi.input;
    if (!input.previous_issue) delete input.previous_issue;
    // The Contest tab's inputs and draw, once that tab has computed them.
    const c = this.ctx.shared.contest;
    if (c?.input && (!input.sections.length || input.sections.includes('contest'))) input.contest = { input: c.input, certificate: c.store.cert ?? null };
    return input;
  }

  /** The contest's comments, where the worker holds them (the Contest tab's own files). */
  contestEntries() {
    return this.ctx.shared.contest ? this.ctx.set('contest').entries() : null;
  }

  /** Changes the input; the document is computed again (and the form rebuilt if asked). */
  set(mutate, { form = false, delay = 250 } = {}) {
    mutate(this.input);
    this.store.restored = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(form), delay);
  }

  async compute(form) {
    const token = (this.computing ?? 0) + 1;
    this.computing = token;
    let report;
    let totals;
    let file = null;
    try {
      totals = await this.files.totals(this.lang);
      const records = Object.values(totals.records).reduce((a, b) => a + b, 0);
      // A saved report opened with no files: shown as it was.
      const how = { supersede: `${this.files.name}:report`, kind: 'analysis', units: records };
      if (records === 0 && this.store.savedFile) file = this.store.savedFile;
      // Remembered: the report file, whose report is the one shown (computed once).
      else if (this.store.remember) file = await this.files.call('reportFile', [this.request(), this.lang, this.contestEntries()], how);
      report = file ? file.report : await this.files.call('report', [this.request(), this.lang, this.contestEntries()], how);
    } catch (e) {
      if (token !== this.computing || this.destroyed || e?.kind === 'superseded') return;
      replace(this.docBox, h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: `${this.t.loadError} ${errorText(e, this.lang)}` }));
      return;
    }
    if (token !== this.computing || this.destroyed) return;
    this.report = report;
    if (form || !this.formBox.firstChild) this.renderForm();
    this.showErrors();
    this.print.apply(this.store.paper, report.branding.accent);
    replace(this.docBox, documentView(this, report));
    if (this.store.remember && file) await this.keep(file);
  }

  /** Keeps the report file on this device; where the browser refuses, says so and unticks. */
  async keep(file) {
    if (file === this.store.keptFile) return;
    try {
      await remember(JSON.stringify(file));
      this.store.keptFile = file;
      this.store.remembered = true;
      this.status(this.t.remembered);
    } catch {
      this.store.remember = false;
      this.deviceStatus = this.t.noDevice;
      this.renderForm();
    }
  }

  status(text) {
    this.store.restored = false;
    this.deviceStatus = text;
    const el = this.formBox.querySelector('[data-device-status]');
    if (el) el.textContent = text;
  }

  /** The "remember on this device" box: ticked, the report is kept; unticked, forgotten. */
  async setRemember(on) {
    if (!on) return this.forget();
    if (!available()) {
      this.deviceStatus = this.t.noDevice;
      this.renderForm();
      return undefined;
    }
    this.store.remember = true;
    return this.compute(true);
  }

  /** Deletes what this device keeps of the report, and unticks the box. */
  async forget() {
    this.store.remember = false;
    this.store.restored = false;
    try {
      await forget();
      this.store.remembered = false;
      this.deviceStatus = this.t.forgotten;
    } catch {
      this.deviceStatus = this.t.noDevice;
    }
    this.renderForm();
  }

  renderForm() {
    replace(this.formBox, controls(this), benchmarkFields(this));
  }

  showErrors() {
    for (const el of this.formBox.querySelectorAll('[data-error-for]')) el.textContent = '';
    for (const e of this.report.errors ?? []) {
      const box = this.formBox.querySelector(`[data-error-for="${CSS.escape(e.field)}"]`);
      if (box) box.textContent = e.message;
    }
  }

  date(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(this.ctx.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  }

  span(s) {
    return s ? `${this.date(s.from)} – ${this.date(s.to)}` : '—';
  }

  /** Saves the core's report file. */
  async save() {
    const file = await this.files.call('reportFile', [this.request(), this.lang, this.contestEntries()]);
    const name = (this.input.branding.client || this.input.title || 'report').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
    download(`${name}-${file.issue.period.from || 'report'}.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
  }

  /** Opens a report file: its input becomes the next issue's; shown as saved until files come. */
  async open(file) {
    try {
      const { file: saved, next } = await this.core.readReportFile(await file.text(), this.lang);
      this.store.input = next;
      this.store.savedFile = saved;
      this.openError = null;
    } catch (e) {
      this.openError = `${this.t.openError} ${file.name}: ${errorText(e, this.lang)}`;
    }
    await this.compute(true);
  }

  pdf() {
    window.print();
  }
}
