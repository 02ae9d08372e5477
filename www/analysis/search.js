// Search visibility (Google Search Console): clicks, impressions, CTR and average position of
// the table the core took its totals from, the trend by day, and brand queries against the
// others from the brand terms typed here. Shown when the files hold Search Console rows.

import { h } from '../dom.js';
import { timeChart } from '../charts.js';
import { field } from './controls.js';
import { table } from './table.js';

/** The search section of report `r` (none without Search Console rows). */
export function searchSection(panel, r) {
  const s = r.search;
  if (!s.source) return null;
  const t = panel.t;
  return panel.section('search', t.search,
    h('p', { class: 'sr-hint', dataset: { source: s.source }, text: s.note }),
    panel.cards(s.figures),
    s.by_day.length ? dayTrend(panel, s.by_day) : null,
    h('div', { class: 'sr-a-row', style: { marginTop: '10px' } },
      field(t.brandTerms, h('input', {
        type: 'text',
        value: panel.options.brand_terms,
        placeholder: t.brandExample,
        dataset: { key: 'brand-terms' },
        on: { change: (e) => panel.set((x) => { x.brand_terms = e.target.value; }, { form: false }) },
      }))),
    s.brand_reason
      ? h('p', { class: 'sr-reason', dataset: { brand: 'none' }, text: s.brand_reason })
      : h('div', { class: 'sr-a-two' }, s.brand_split.map((g) => h('div', { dataset: { brand: g.key } },
        h('h4', { text: `${g.label} (${panel.fmt.count(g.queries)})` }),
        panel.cards(g.figures)))));
}

/** Clicks by day as a line, with the day's numbers in a table. */
function dayTrend(panel, days) {
  const t = panel.t;
  const points = days.map((d) => ({
    label: panel.date(d.date, { day: 'numeric', month: 'short' }),
    value: d.clicks,
    title: `${panel.date(d.date)}${panel.colon}${panel.show(d.clicks, 'count')}`,
  }));
  return h('div', { dataset: { search: 'by-day' } },
    h('h4', { text: t.searchByDay }),
    panel.chart((width) => timeChart({ title: t.searchByDay, desc: t.clicks, points, kind: 'bars', tick: (x) => panel.fmt.count(x), width })),
    h('details', {},
      h('summary', { text: t.numbers }),
      table(panel, 'search-days', [
        { label: t.date, text: (d) => panel.date(d.date), sort: (d) => d.date },
        { label: t.clicks, text: (d) => panel.show(d.clicks, 'count'), sort: (d) => d.clicks },
        { label: t.impressions, text: (d) => panel.show(d.impressions, 'count'), sort: (d) => d.impressions },
        { label: 'CTR', text: (d) => panel.show(d.ctr, 'ratio'), sort: (d) => d.ctr },
        { label: t.position, text: (d) => panel.show(d.position, 'count'), sort: (d) => d.position },
      ], days)));
}
