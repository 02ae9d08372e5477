// Over time: one series of the core's (engagements, rates, followers…) by day, week or month,
// as a chart with its numbers in a table; the last period and its change.

import { h } from '../dom.js';
import { timeChart } from '../charts.js';
import { field, select } from './controls.js';
import { table } from './table.js';

/** The time series section of report `r`, at the step and series the tab keeps. */
export function seriesSection(panel, r) {
  const t = panel.t;
  const v = panel.store.view;
  const key = { day: 'daily', week: 'weekly', month: 'monthly' };
  const set = r.series[key[v.granularity]];
  const series = set.series.find((x) => x.id === v.series) || set.series[0];
  const controls = h('div', { class: 'sr-a-row sr-a-series-controls' },
    h('div', { class: 'sr-field', attrs: { role: 'radiogroup', 'aria-label': t.granularity } },
      h('span', { class: 'sr-lbl', text: t.granularity }),
      h('div', {}, ['day', 'week', 'month'].map((g) => h('label', { class: 'sr-radio' },
        h('input', { type: 'radio', name: `gran-${panel.lang}`, value: g, checked: v.granularity === g, dataset: { control: 'granularity' }, on: { change: () => { v.granularity = g; panel.renderReport(); } } }),
        h('span', { text: t[g] }))))),
    set.series.length
      ? field(t.series, select('series', set.series.map((x) => [x.id, x.label]), series.id, (id) => { v.series = id; panel.renderReport(); }))
      : null);
  if (!series) return panel.section('series', t.overTime, controls, h('p', { class: 'sr-reason', text: set.reason }));
  const unit = series.unit;
  const text = (p) => {
    const change = p.delta != null ? ` (${panel.signed(p.delta, unit)}${p.change != null ? `, ${panel.percentChange(p.change)}` : ''})` : '';
    return `${panel.periodLabel(p.start, v.granularity, true)}${panel.colon}${panel.show(p.value, unit)}${change}${p.partial ? ` — ${t.partial}` : ''}`;
  };
  const points = series.points.map((p) => ({ label: panel.periodLabel(p.start, v.granularity), value: p.value, partial: p.partial, title: text(p) }));
  const last = [...series.points].reverse().find((p) => p.value != null);
  const kind = unit === 'count' && series.id !== 'followers' ? 'bars' : 'line';
  return panel.section('series', t.overTime, controls,
    panel.chart((width) => timeChart({ title: `${series.label} — ${t[v.granularity]}`, desc: last ? text(last) : '', points, kind, tick: (x) => panel.fmt.value(x, unit), width })),
    points.some((p) => p.partial) ? h('p', { class: 'sr-hint', text: t.partial }) : null,
    last
      ? h('p', { class: 'sr-a-change', dataset: { last: last.value } },
        t.lastPeriod(panel.periodLabel(last.start, v.granularity, true), panel.show(last.value, unit)),
        last.delta != null ? ` · ${t.vsPrevious(panel.signed(last.delta, unit), panel.percentChange(last.change))}` : '')
      : null,
    h('details', {},
      h('summary', { text: t.numbers }),
      table(panel, `series-${series.id}`, [
        { label: t.period, text: (p) => panel.periodLabel(p.start, v.granularity, true), sort: (p) => p.start },
        { label: t.value, text: (p) => panel.show(p.value, unit), sort: (p) => p.value },
        { label: t.delta, text: (p) => panel.signed(p.delta, unit), sort: (p) => p.delta },
        { label: t.change, text: (p) => panel.percentChange(p.change), sort: (p) => p.change },
      ], series.points)));
}
