// The weekday × hour map of posting: shaded by rate (or by posts when no post has a rate), the
// best times, and the numbers in a table.

import { h } from '../dom.js';
import { heatmap } from '../charts.js';
import { table } from './table.js';

/** The heatmap section of report `r` (its reason when it has none). */
export function heatmapSection(panel, r) {
  const t = panel.t;
  const m = r.heatmap;
  const days = panel.defaults.weekdays.map((w) => w.name);
  if (m.reason) return panel.section('heatmap', t.heatmap, h('p', { class: 'sr-reason', text: m.reason }));
  // The shade: the rate where there are rates, else how many posts (no rate at all: the
  // definition's denominator is not in the files).
  const byRate = m.cells.some((c) => c.rate != null);
  const shade = (c) => (byRate ? c.rate : c.posts);
  const known = m.cells.map(shade).filter((x) => x != null);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const cellText = (c) => `${days[c.weekday]} ${t.hour(c.hour)}${panel.colon}${c.posts} ${t.posts.toLowerCase()}, ${t.rate.toLowerCase()} ${panel.show(c.rate, m.unit)}`;
  const cells = m.cells.map((c) => ({ ...c, level: shade(c) == null ? null : (hi > lo ? (shade(c) - lo) / (hi - lo) : 1), title: cellText(c) }));
  return panel.section('heatmap', t.heatmap,
    h('p', { class: 'sr-hint', dataset: { shade: byRate ? 'rate' : 'posts' }, text: `${byRate ? t.heatmapHint : t.heatmapPosts} ${m.clock[0].toUpperCase()}${m.clock.slice(1)}.` }),
    panel.chart((width) => heatmap({ title: t.heatmap, desc: m.best.map(cellText).join(' ; '), cells, days: days.map((d) => d.slice(0, 3)), width })),
    m.best.length
      ? h('div', {}, h('h4', { text: t.best }), h('ol', { dataset: { best: m.best.length } }, m.best.map((c) => h('li', { text: cellText(c) }))))
      : null,
    h('details', {},
      h('summary', { text: t.numbers }),
      table(panel, 'heatmap', [
        { label: t.weekday, text: (c) => days[c.weekday], sort: (c) => c.weekday * 24 + c.hour },
        { label: t.hour, text: (c) => `${c.hour}`, sort: (c) => c.hour },
        { label: t.posts, text: (c) => panel.fmt.count(c.posts), sort: (c) => c.posts },
        { label: t.engagements, text: (c) => panel.fmt.count(c.engagements), sort: (c) => c.engagements },
        { label: t.rate, text: (c) => panel.show(c.rate, m.unit), sort: (c) => c.rate },
      ], m.cells)));
}
