// The Analysis tab: what the dropped files mean. The options (preset, what counts on each
// network, denominator, aggregation, clock, business hours, period, typed costs) go to the
// core's `Workspace.analyze`; the report comes back with every figure computed, its formula
// and its inputs, and is drawn here as it is, one file per section: KPI cards (overview.js),
// charts (../charts.js) with their numbers as tables (table.js), search visibility
// (search.js), reputation (reputation.js: comments, negative feedback, crisis flags), the
// cost link to the calculator (costs.js), the share-count calculator, and
// exports (exports.js: the core writes the per-post CSV and the JSON). The analysis runs in
// the worker (worker-client.js), the page waiting on it with a progress line and Cancel, a
// newer request superseding an older one; it is computed again when the Files tab's set
// changes. Nothing here computes a figure: sorting, scales and shades are presentation.

import { h, replace } from '../dom.js';
import { describe, figureCard, figureCards } from '../figure.js';
import { Format } from '../format.js';
import { pick, strings } from '../i18n.js';
import { errorText, isJobEnd, stepOutcome, stepProgress } from '../progress.js';
import { firstAnalysisOptions } from '../reading.js';
import { activitySection } from './activity.js';
import { compareSection } from './compare.js';
import { costsSection } from './costs.js';
import { definitionFields, networkFields } from './definition.js';
import { growthSection } from './growth.js';
import { heatmapSection } from './heatmap.js';
import { kpis, overview } from './overview.js';
import { postsSection } from './posts.js';
import { reputationSections } from './reputation.js';
import { searchSection } from './search.js';
import { seriesSection } from './series.js';
import { businessFields, costFields, periodFields, showFieldErrors } from './settings.js';
import { renderShareCount } from './share-count.js';
import { STRINGS } from './strings.js';
import { sheet } from './styles.js';

/** The width charts are drawn at for print: an A4 page's text width, about. */
const PRINT_WIDTH = 680;

/** `2026-06-01` → a Date at UTC midnight, for formatting only. */
function day(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export class AnalysisPanel {
  /** The panel, once the core's defaults and names are at hand and the report computed. */
  static async create(ctx) {
    const [defaults, currencies, networks] = await Promise.all([
      ctx.core.analysisDefaults(ctx.lang), ctx.core.currencies(), ctx.core.networkNames()]);
    const panel = new AnalysisPanel(ctx, defaults, currencies, networks);
    await panel.render();
    return panel;
  }

  constructor(ctx, defaults, currencies, networks) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.locale = ctx.locale;
    this.t = pick(STRINGS, ctx.lang);
    this.colon = strings(ctx.lang).colon;
    this.store = ctx.store;
    this.shared = ctx.shared;
    // The Files tab's files, in the worker.
    this.files = ctx.set('files');
    this.defaults = defaults;
    this.currencies = currencies.map((c) => c.code);
    this.mark = ctx.mark;
    // The networks' names, as the core writes them.
    this.networks = new Map(networks.map((n) => [n.key, n.name]));
    this.store.options ??= firstAnalysisOptions(this.defaults, this.mark);
    // The Report tab analyses with the same options.
    this.shared.analysisOptions = this.store.options;
    // Typed text is read with the mark it was typed with; with nothing typed, this language's.
    if (!this.store.options.costs.length) this.store.options.decimal_mark = this.mark;
    this.store.view ??= { granularity: 'week', series: 'engagements', sorts: {}, optionsOpen: null };
    this.store.share ??= { share_count: '', shares: '', likes_on_shares: '', comments_on_shares: '', decimal_mark: this.mark };
    this.fmt = new Format(this.locale, 'EUR');
    this.sheets = [sheet()];
    this.charts = [];
    this.width = 0;
    this.el = h('div', { class: 'sr-analysis', dataset: { panel: 'analysis' } });
    this.observer = new ResizeObserver(() => this.resized());
    this.observer.observe(this.el);
    // Print lays the page out at the paper's width, where no resize is seen: charts are drawn
    // for it before, and again for the screen after.
    this.print = matchMedia('print');
    this.onPrint = () => this.drawCharts(this.print.matches ? PRINT_WIDTH : null);
    this.beforePrint = () => this.drawCharts(PRINT_WIDTH);
    this.afterPrint = () => this.drawCharts(null);
    this.print.addEventListener('change', this.onPrint);
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
    // Files read, removed or mapped meanwhile (or read again after a restart): computed again.
    this.unwatch = this.files.watch((entry, what) => {
      if (what !== 'data' || this.destroyed) return;
      clearTimeout(this.dataTimer);
      this.dataTimer = setTimeout(() => this.render(), 50);
    });
  }

  destroy() {
    this.destroyed = true;
    this.unwatch();
    clearTimeout(this.dataTimer);
    this.job?.cancel();
    this.observer.disconnect();
    this.print.removeEventListener('change', this.onPrint);
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    clearTimeout(this.timer);
    clearTimeout(this.resizeTimer);
  }

  get options() {
    return this.store.options;
  }

  /** A network's name (`LinkedIn`), from its key. */
  networkName(key) {
    return this.networks.get(key) ?? key;
  }

  /** A denominator's name in this language (`portée`), from its key. */
  denominatorName(key) {
    return this.defaults.denominators.find((x) => x.key === key)?.name ?? key;
  }

  date(iso, opts = { day: 'numeric', month: 'long', year: 'numeric' }) {
    // Formatters are slow to make: one per kind of date, kept.
    const key = JSON.stringify(opts);
    this.dates ??= new Map();
    if (!this.dates.has(key)) this.dates.set(key, new Intl.DateTimeFormat(this.locale, { ...opts, timeZone: 'UTC' }));
    return this.dates.get(key).format(day(iso));
  }

  /** A post's time as the export wrote it: `2 juin 2026 10:00` (with its offset, if any). */
  when(published) {
    if (!published) return '—';
    const time = published.slice(11, 16);
    const offset = published.length > 19 ? ` ${published.slice(19).replace('+00:00', 'UTC')}` : '';
    return `${this.date(published, { day: 'numeric', month: 'short', year: 'numeric' })}${time ? ` ${time}` : ''}${offset}`;
  }

  fmtFor(currency) {
    return currency ? new Format(this.locale, currency) : this.fmt;
  }

  show(v, unit, fmt = this.fmt) {
    return v == null ? '—' : fmt.value(v, unit);
  }

  signed(v, unit) {
    if (v == null) return '';
    if (unit === 'ratio') return this.fmt.points(v);
    return this.fmt.nf(`signed-${unit}`, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v);
  }

  percentChange(v) {
    return v == null ? '' : this.fmt.nf('pct-signed', { style: 'percent', maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v);
  }

  /** Formula and inputs, for tooltips. */
  describe(fig, fmt = this.fmt) {
    return describe(fig, fmt);
  }

  /** A figure's card (figure.js), its values written by `fmt`. */
  card(fig, fmt = this.fmt, extra = '') {
    return figureCard(fig, fmt, this.lang, extra);
  }

  cards(figs, fmt = this.fmt) {
    return figureCards(figs, fmt, this.lang);
  }

  presetInfo(id) {
    return this.defaults.presets.find((p) => p.id === id);
  }

  /** The rule in force: the preset's, or the options' own. */
  rule() {
    const o = this.options;
    return o.preset === 'custom' ? o.engagement : this.presetInfo(o.preset).rule;
  }

  /** Makes the definition editable: a preset becomes a custom rule starting from it. */
  customise() {
    const o = this.options;
    if (o.preset !== 'custom') {
      this.store.basedOn = o.preset;
      o.engagement = structuredClone(this.presetInfo(o.preset).rule);
      o.preset = 'custom';
    }
    return o.engagement;
  }

  /** Changes the options; the form is rebuilt when its shape depends on the change. */
  set(mutate, { form = true, delay = 0 } = {}) {
    mutate(this.options);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(form), delay);
  }

  /** The tab: the form and the report when the files hold records, else where to drop them. */
  async render() {
    const t = this.t;
    let totals;
    let reports;
    try {
      [totals, reports] = await Promise.all([this.files.totals(this.lang), this.files.reports(this.lang)]);
    } catch {
      return;
    }
    if (this.destroyed) return;
    // The size of the last analysis, for the time the next one should take.
    this.records = Object.values(totals.records).reduce((a, b) => a + b, 0);
    const files = this.records > 0;
    if (files && this.reportBox?.isConnected) {
      this.compute(false);
      return;
    }
    this.formBox = h('div');
    this.jobBox = h('div', { class: 'sr-noprint' });
    this.reportBox = h('div', { class: 'sr-a-report', attrs: { 'aria-live': 'polite' } });
    this.shareBox = h('section', { class: 'sr-a-section sr-a-share', dataset: { section: 'share-count' } });
    replace(this.el,
      h('div', {},
        h('h2', { class: 'sr-section-title', text: t.heading }),
        h('p', { class: 'sr-hint', text: t.intro })),
      files
        ? [this.formBox, this.jobBox, this.reportBox]
        : h('div', { class: 'sr-notice', dataset: { empty: 'true' } },
          // Files were dropped, and none gave a record yet (columns to map, unreadable).
          h('p', { text: reports.length > 0 ? t.noRecords : t.empty, style: { margin: '0 0 8px' } }),
          h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.toFiles, dataset: { action: 'to-files' }, on: { click: () => this.ctx.element.showTab('files') } })),
      this.shareBox);
    renderShareCount(this);
    // Not awaited: the tab shows at once, the analysis's progress in it.
    if (files) this.compute(true);
  }

  /**
   * Asks the worker for the analysis with the options; a newer call supersedes this one. The
   * report in sight stays until the new one comes, with a progress line and Cancel under the form.
   */
  async compute(form) {
    const token = (this.computing ?? 0) + 1;
    this.computing = token;
    // Without the per-post rows: the exports are the core's own calls (exports.js).
    const job = this.files.call('analyze', [this.options, this.lang, false], { supersede: `${this.files.name}:analysis`, kind: 'analysis', units: this.records });
    this.job = job;
    const progress = stepProgress(job, { lang: this.lang, fmt: this.fmt, label: strings(this.lang).jobs.analysis, kind: 'analysis' });
    replace(this.jobBox, progress.el);
    let report;
    try {
      report = await job;
    } catch (e) {
      progress.stop();
      if (token !== this.computing || this.destroyed || e?.kind === 'superseded') return;
      if (isJobEnd(e)) replace(this.jobBox, stepOutcome(e, { lang: this.lang, retry: () => this.compute(true) }));
      else replace(this.reportBox, h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: `${this.t.loadError} ${errorText(e, this.lang)}` }));
      return;
    }
    progress.stop();
    if (token !== this.computing || this.destroyed) return;
    this.report = report;
    if (form || !this.formBox.firstChild) this.renderForm();
    showFieldErrors(this);
    this.renderReport();
  }

  /** Rebuilds the options form, keeping focus on the control that had it. */
  renderForm() {
    const active = this.el.getRootNode().activeElement;
    const key = active && this.formBox.contains(active) ? active.dataset.key : null;
    // The definition in sight; the rest behind a summary, so the figures come first.
    const open = this.store.view.optionsOpen ?? false;
    const details = h('details', { class: 'sr-a-options', open, on: { toggle: (e) => { this.store.view.optionsOpen = e.target.open; } } },
      h('summary', { text: this.t.settings }),
      networkFields(this),
      periodFields(this),
      businessFields(this),
      costFields(this));
    replace(this.formBox, h('div', { class: 'sr-a-quick' }, definitionFields(this)), details);
    if (key) this.formBox.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  /**
   * The report, one part per task, the figures in sight first: built and laid out in one
   * task, a report held the page 110–180 ms (the bench's real page). Each part has its slot
   * (`display: contents`, so the report's grid is unchanged), and a new report replaces the
   * parts in place: the page keeps its height and the reader's scroll while it comes.
   */
  renderReport() {
    const r = this.report;
    const parts = [
      () => [overview(this, r), kpis(this, r)],
      () => seriesSection(this, r),
      () => heatmapSection(this, r),
      () => compareSection(this, r),
      () => postsSection(this, r),
      () => growthSection(this, r),
      () => activitySection(this, r),
      () => searchSection(this, r),
      () => reputationSections(this, r),
      () => costsSection(this, r),
    ];
    if (this.slots?.length !== parts.length || this.slots[0].parentNode !== this.reportBox) {
      this.slots = parts.map(() => h('div', { class: 'sr-a-part' }));
      replace(this.reportBox, this.slots);
    }
    this.charts = [];
    // Charts drawn at the widths they had (a recomputation) with their part, else once the
    // browser has laid the report out (the first time): measuring would lay it all out at once.
    const known = this.print.matches ? null : this.widths;
    const pending = parts.map((build, i) => () => {
      const from = this.charts.length;
      replace(this.slots[i], build());
      this.charts.slice(from).forEach((c, k) => {
        const w = known?.[from + k];
        if (w > 0) replace(c.box, c.draw(w));
        c.drawnAt = w;
      });
    });
    const token = {};
    this.parts = { token, pending };
    const next = () => {
      if (this.parts?.token !== token || this.destroyed) return;
      pending.shift()?.();
      if (pending.length > 0) setTimeout(next, 0);
      else requestAnimationFrame(() => setTimeout(() => { if (this.parts?.token === token && !this.destroyed) this.drawCharts(null, true, true); }, 0));
    };
    next();
  }

  /** The parts not built yet, built now (before printing, which must show them all). */
  finishParts() {
    const pending = this.parts?.pending ?? [];
    while (pending.length > 0) pending.shift()();
  }

  section(id, title, ...children) {
    return h('section', { class: `sr-a-section${id === 'overview' ? ' sr-a-first' : ''}`, dataset: { section: id } },
      title ? h('h3', { text: title }) : null, children);
  }

  /** A box the chart is drawn into once its width is known (and again when it changes). */
  chart(draw) {
    const box = h('div', { class: 'sr-chart-box' });
    this.charts.push({ box, draw });
    return box;
  }

  /**
   * Draws every chart at its box's width, or at `fixed` (for print); `changed`: only those
   * whose width is not the one they were drawn at; `spread`: one chart per task after the
   * widths are read (one layout), so that drawing a report's charts holds the page for none.
   */
  drawCharts(fixed = null, changed = false, spread = false) {
    const printing = fixed ?? (this.print.matches ? PRINT_WIDTH : null);
    if (printing) this.finishParts();
    // Every width first (one layout), then every chart.
    const charts = this.charts;
    const widths = charts.map((c) => printing ?? Math.round(c.box.clientWidth));
    const todo = charts.filter((c, i) => widths[i] > 0 && (!changed || !c.box.firstChild || c.drawnAt !== widths[i]));
    const draw = (c) => {
      const w = widths[charts.indexOf(c)];
      replace(c.box, c.draw(w));
      c.drawnAt = w;
    };
    if (!printing) this.widths = widths;
    this.width = Math.round(this.el.clientWidth);
    if (!spread) {
      todo.forEach(draw);
      return;
    }
    const next = () => {
      if (charts !== this.charts || this.destroyed || todo.length === 0) return;
      draw(todo.shift());
      setTimeout(next, 0);
    };
    next();
  }

  resized() {
    const w = Math.round(this.el.clientWidth);
    if (Math.abs(w - this.width) < 24 && this.charts.every((c) => c.box.firstChild)) return;
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.drawCharts(), 60);
  }

  /**
   * `2 juin`, `semaine du 1 juin`, `juin 2026`; short ones with the whole year when the range
   * spans several (`17 août 2015`, never `17 août 15`, where 15 reads as a day).
   */
  periodLabel(start, g, long = false) {
    if (g === 'month') return this.date(start, { month: long ? 'long' : 'short', year: 'numeric' });
    const r = this.report.range;
    const years = r.from && r.to && r.from.slice(0, 4) !== r.to.slice(0, 4);
    const short = this.date(start, years ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' });
    if (!long) return short;
    return g === 'week' ? this.t.weekOf(this.date(start)) : this.date(start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }
}
