// The report's first section and its key figures: the export buttons, the period and what it
// holds, the definition in force network by network, the options ignored and the notes; then
// the headline rate and the totals, the same engagement by denominator, Kaushik's rates.

import { h } from '../dom.js';
import { exportCsv, exportJson } from './exports.js';

/** The first section of report `r`: exports, period, definition, errors and notes. */
export function overview(panel, r) {
  const t = panel.t;
  const d = r.definition;
  const range = r.range.from
    ? t.range(panel.date(r.range.from), panel.date(r.range.to), r.range.days)
    : t.noRange;
  return panel.section('overview', null,
    h('p', { class: 'sr-print-only', text: t.printed(new Intl.DateTimeFormat(panel.locale, { dateStyle: 'long' }).format(new Date())) }),
    h('div', { class: 'sr-a-bar sr-a-exports', dataset: { section: 'exports' } },
      h('strong', { text: `${t.exports}${panel.colon}` }),
      h('button', { type: 'button', class: 'sr-btn', text: t.csv, dataset: { action: 'export-csv' }, on: { click: () => exportCsv(panel) } }),
      h('button', { type: 'button', class: 'sr-btn', text: t.json, dataset: { action: 'export-json' }, on: { click: () => exportJson(panel) } }),
      h('button', { type: 'button', class: 'sr-btn', text: t.print, dataset: { action: 'print' }, on: { click: () => window.print() } })),
    h('div', { class: 'sr-a-def', dataset: { definition: d.preset } },
      h('p', {}, h('strong', { text: range }), ` · ${t.rangeCounts(r.range)}`),
      h('p', {}, h('strong', { text: `${d.label}${panel.colon}` }), d.explanation),
      d.counted.length
        ? h('ul', {}, d.counted.map((c) => h('li', { text: `${panel.networkName(c.network)}${panel.colon}${c.text} ÷ ${panel.denominatorName(c.denominator)}` })))
        : null,
      h('p', { class: 'sr-hint', text: `${d.followers[0].toUpperCase()}${d.followers.slice(1)}. ${t.clock}${panel.colon}${d.clock}.` })),
    r.errors.length
      ? h('div', { class: 'sr-errors', attrs: { role: 'alert' }, dataset: { errors: r.errors.length } },
        h('strong', { text: t.optionErrors }),
        h('ul', {}, r.errors.map((e) => h('li', { text: `${e.field}${panel.colon}${e.message}` }))))
      : null,
    r.warnings.length
      ? h('details', { dataset: { warnings: r.warnings.length } },
        h('summary', { text: t.notes(r.warnings.length) }),
        h('ul', { class: 'sr-warnings' }, r.warnings.map((w) => h('li', { text: w }))))
      : null);
}

/** The key figures of report `r` (one card saying why when there is no post). */
export function kpis(panel, r) {
  const t = panel.t;
  const e = r.engagement;
  // No post at all: one card says why, not twenty.
  if (r.range.posts === 0) {
    return panel.section('kpis', t.kpis, h('div', { class: 'sr-card-head sr-a-kpis' }, panel.card(e.rate, panel.fmt, 'sr-headline'), panel.card(r.totals[0])));
  }
  return panel.section('kpis', t.kpis,
    h('div', { class: 'sr-card-head sr-a-kpis' }, panel.card(e.rate, panel.fmt, 'sr-headline'), panel.card(e.rate_other_aggregation)),
    panel.cards(r.totals),
    h('h4', { text: t.byDenominator }),
    panel.cards(e.by_denominator),
    h('h4', { text: t.audience }),
    panel.cards(e.audience));
}
