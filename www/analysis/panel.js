// The Analysis tab: what the dropped files mean. The options (preset, what counts on each
// network, denominator, aggregation, clock, business hours, period, typed costs) go to the
// core's `Workspace.analyze`; the report comes back with every figure computed, its formula
// and its inputs, and is drawn here as it is, one file per section: KPI cards (overview.js),
// charts (../charts.js) with their numbers as tables (table.js), search visibility
// (search.js), reputation (reputation.js: comments, negative feedback, crisis flags), the cost link to the calculator (costs.js), the share-count calculator, and exports (exports.js: the core writes
// the per-post CSV and the JSON). Nothing here computes a figure: sorting, scales and shades
// are presentation.

import { today } from '../reading.js';
import { h, replace } from '../dom.js';
import { describe, figureCard, figureCards } from '../figure.js';
import { Format } from '../format.js';
import { pick, strings } from '../i18n.js';
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
  constructor(ctx) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.locale = ctx.locale;
    this.t = pick(STRINGS, ctx.lang);
    this.colon = strings(ctx.lang).colon;
    this.store = ctx.store;
    this.shared = ctx.shared;
    this.shared.workspace ??= new this.core.Workspace(today());
    this.defaults = this.core.analysisDefaults(this.lang);
    this.currencies = this.core.currencies().map((c) => c.code);
    this.mark = ctx.mark;
    // The networks' names, as the core writes them.
    this.networks = new Map(this.core.networkNames().map((n) => [n.key, n.name]));
    if (!this.store.options) {
      const o = structuredClone(this.defaults.options);
      // The heatmap's clock: the browser's own offset, today.
      o.utc_offset_minutes = -new Date().getTimezoneOffset();
      this.store.options = o;
    }
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
    this.render();
  }

  destroy() {
    this.observer.disconnect();
    this.print.removeEventListener('change', this.onPrint);
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    clearTimeout(this.timer);
    clearTimeout(this.resizeTimer);
  }

  get ws() {
    return this.shared.workspace;
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

  hasFiles() {
    const totals = this.ws.totals(this.lang);
    return Object.values(totals.records).some((n) => n > 0);
  }

  /** Files were dropped, and none gave a record yet (columns to map, unreadable). */
  filesWithoutRecords() {
    return this.ws.reports(this.lang).length > 0;
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

  render() {
    const t = this.t;
    this.formBox = h('div');
    this.reportBox = h('div', { class: 'sr-a-report', attrs: { 'aria-live': 'polite' } });
    this.shareBox = h('section', { class: 'sr-a-section sr-a-share', dataset: { section: 'share-count' } });
    const files = this.hasFiles();
    replace(this.el,
      h('div', {},
        h('h2', { class: 'sr-section-title', text: t.heading }),
        h('p', { class: 'sr-hint', text: t.intro })),
      files
        ? [this.formBox, this.reportBox]
        : h('div', { class: 'sr-notice', dataset: { empty: 'true' } },
          h('p', { text: this.filesWithoutRecords() ? t.noRecords : t.empty, style: { margin: '0 0 8px' } }),
          h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.toFiles, dataset: { action: 'to-files' }, on: { click: () => this.ctx.element.showTab('files') } })),
      this.shareBox);
    renderShareCount(this);
    if (files) this.compute(true);
  }

  compute(form) {
    try {
      // Without the per-post rows: the exports are the core's own calls (exports.js).
      this.report = this.ws.analyze(this.options, this.lang, false);
    } catch (e) {
      replace(this.reportBox, h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: `${this.t.loadError} ${e?.message || e}` }));
      return;
    }
    if (form) this.renderForm();
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

  renderReport() {
    const r = this.report;
    this.charts = [];
    replace(this.reportBox,
      overview(this, r),
      kpis(this, r),
      seriesSection(this, r),
      heatmapSection(this, r),
      compareSection(this, r),
      postsSection(this, r),
      growthSection(this, r),
      activitySection(this, r),
      searchSection(this, r),
      reputationSections(this, r),
      costsSection(this, r));
    this.drawCharts();
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

  /** Draws every chart at its box's width, or at `fixed` (for print). */
  drawCharts(fixed = null) {
    const printing = fixed ?? (this.print.matches ? PRINT_WIDTH : null);
    for (const c of this.charts) {
      const width = printing ?? Math.round(c.box.clientWidth);
      if (width > 0) replace(c.box, c.draw(width));
    }
    this.width = Math.round(this.el.clientWidth);
  }

  resized() {
    const w = Math.round(this.el.clientWidth);
    if (Math.abs(w - this.width) < 24 && this.charts.every((c) => c.box.firstChild)) return;
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.drawCharts(), 60);
  }

  /** `2 juin`, `semaine du 1 juin`, `juin 2026`; short ones with the year when the range spans several. */
  periodLabel(start, g, long = false) {
    if (g === 'month') return this.date(start, { month: long ? 'long' : 'short', year: long ? 'numeric' : '2-digit' });
    const r = this.report.range;
    const years = r.from && r.to && r.from.slice(0, 4) !== r.to.slice(0, 4);
    const short = this.date(start, years ? { day: 'numeric', month: 'short', year: '2-digit' } : { day: 'numeric', month: 'short' });
    if (!long) return short;
    return g === 'week' ? this.t.weekOf(this.date(start)) : this.date(start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }
}
