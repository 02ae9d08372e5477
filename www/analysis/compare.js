// Comparisons: the rate by network and by type of post, as bars and tables.

import { h } from '../dom.js';
import { barChart } from '../charts.js';
import { table } from './table.js';

/** The comparisons section of report `r` (none without posts by network). */
export function compareSection(panel, r) {
  const t = panel.t;
  const e = r.engagement;
  if (!e.by_network.length) return null;
  return panel.section('compare', t.compare,
    h('p', { class: 'sr-hint', text: e.rate.label }),
    h('div', { class: 'sr-a-two' },
      h('div', { dataset: { compare: 'network' } }, h('h4', { text: t.byNetwork }), groupBars(panel, t.byNetwork, e.by_network), groupTable(panel, 'by-network', e.by_network)),
      h('div', { dataset: { compare: 'type' } }, h('h4', { text: t.byType }), groupBars(panel, t.byType, e.by_type), groupTable(panel, 'by-type', e.by_type))));
}

function groupTable(panel, key, groups) {
  const t = panel.t;
  const fig = (g, i) => g.figures[i];
  return table(panel, key, [
    { label: t.group, text: (g) => g.label, sort: (g) => g.label, cls: 'sr-txt' },
    { label: t.posts, text: (g) => panel.fmt.count(g.posts), sort: (g) => g.posts },
    { label: t.engagements, text: (g) => panel.fmt.count(g.engagements), sort: (g) => g.engagements },
    { label: t.rate, text: (g) => panel.show(fig(g, 0).value, fig(g, 0).unit), title: (g) => fig(g, 0).value == null ? fig(g, 0).reason : panel.describe(fig(g, 0)), sort: (g) => fig(g, 0).value },
    { label: t.otherAggregation, text: (g) => panel.show(fig(g, 1).value, fig(g, 1).unit), title: (g) => fig(g, 1).value == null ? fig(g, 1).reason : panel.describe(fig(g, 1)), sort: (g) => fig(g, 1).value },
  ], groups);
}

function groupBars(panel, title, groups) {
  const items = groups.map((g) => {
    const f = g.figures[0];
    return { label: g.label, value: f.value, text: f.value == null ? '—' : panel.fmt.value(f.value, f.unit), title: f.value == null ? `${g.label}${panel.colon}${f.reason}` : `${g.label}${panel.colon}${panel.fmt.value(f.value, f.unit)} — ${panel.describe(f)}` };
  });
  return panel.chart((width) => barChart({ title, desc: panel.report.engagement.rate.label, items, width }));
}
