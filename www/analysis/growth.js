// Followers: each network's growth figures, all networks together, and week by week the posts
// beside the unfollows.

import { h } from '../dom.js';
import { groupedBars } from '../charts.js';
import { table } from './table.js';

/** The followers section of report `r`. */
export function growthSection(panel, r) {
  const t = panel.t;
  const g = r.growth;
  const nets = g.networks.map((n) => h('div', { dataset: { growth: n.network } },
    h('h4', { text: `${panel.networkName(n.network)}${n.account ? ` (${n.account})` : ''} · ${panel.date(n.first_day)} – ${panel.date(n.last_day)}` }),
    h('p', { class: 'sr-hint', text: n.source_text }),
    panel.cards(n.figures)));
  const weeks = g.weekly;
  const num = (x) => (x == null ? null : x);
  return panel.section('growth', t.growth,
    g.reason ? h('p', { class: 'sr-reason', text: g.reason }) : null,
    nets,
    g.total.length ? h('div', { dataset: { growth: 'total' } }, h('h4', { text: t.allNetworks }), panel.cards(g.total)) : null,
    weeks.length
      ? h('div', { dataset: { weekly: weeks.length } },
        h('h4', { text: t.weekly }),
        g.weekly_posts_source ? h('p', { class: 'sr-hint', text: g.weekly_posts_source }) : null,
        panel.chart((width) => groupedBars({
          title: t.weekly,
          groups: weeks.map((w) => ({
            label: panel.periodLabel(w.week_start, 'week'),
            values: [num(w.posts), num(w.unfollows)],
            titles: [`${t.weekOf(panel.date(w.week_start))}${panel.colon}${panel.show(w.posts, 'count')} ${t.posts.toLowerCase()}`, `${t.weekOf(panel.date(w.week_start))}${panel.colon}${panel.show(w.unfollows, 'count')} ${t.unfollows.toLowerCase()}`],
          })),
          series: [{ name: t.posts, class: '' }, { name: t.unfollows, class: 'sr-alt' }],
          tick: (x) => panel.fmt.count(x),
          width,
        })),
        h('details', {},
          h('summary', { text: t.numbers }),
          table(panel, 'weekly', [
            { label: t.weekStart, text: (w) => panel.date(w.week_start), sort: (w) => w.week_start },
            { label: t.posts, text: (w) => panel.show(w.posts, 'count'), sort: (w) => w.posts },
            { label: t.newFollows, text: (w) => panel.show(w.new_follows, 'count'), sort: (w) => w.new_follows },
            { label: t.unfollows, text: (w) => panel.show(w.unfollows, 'count'), sort: (w) => w.unfollows },
            { label: t.net, text: (w) => panel.show(w.net, 'count'), sort: (w) => w.net },
            { label: t.days, text: (w) => String(w.days), sort: (w) => w.days },
          ], weeks)))
      : null);
}
