// The top and bottom posts under the rule in force, in sortable tables.

import { h } from '../dom.js';
import { table } from './table.js';

/** The top and bottom posts of report `r`. */
export function postsSection(panel, r) {
  const t = panel.t;
  const e = r.engagement;
  const cols = postColumns(panel, e.rate_unit);
  return panel.section('posts', t.topBottom,
    e.top_posts_reason ? h('p', { class: 'sr-reason', text: e.top_posts_reason }) : null,
    e.top_posts.length ? h('div', { dataset: { posts: 'top' } }, h('h4', { text: t.top }), table(panel, 'top', cols, e.top_posts)) : null,
    e.bottom_posts.length ? h('div', { dataset: { posts: 'bottom' } }, h('h4', { text: t.bottom }), table(panel, 'bottom', cols, e.bottom_posts)) : null);
}

function postColumns(panel, unit) {
  const t = panel.t;
  const dn = (key) => panel.denominatorName(key);
  return [
    { label: t.date, text: (p) => panel.when(p.published), sort: (p) => p.published || '' },
    { label: t.network, text: (p) => panel.networkName(p.network), sort: (p) => p.network },
    { label: t.type, text: (p) => p.kind || '—', sort: (p) => p.kind || '', cls: 'sr-txt' },
    { label: t.text, text: (p) => (p.text || p.id).slice(0, 140), title: (p) => p.permalink || p.id, sort: (p) => p.text || '', cls: 'sr-txt' },
    { label: t.engagements, text: (p) => panel.show(p.engagements, 'count'), sort: (p) => p.engagements },
    { label: t.denominatorValue, text: (p) => (p.denominator_value == null ? '—' : `${panel.fmt.count(p.denominator_value)} (${dn(p.denominator)})`), sort: (p) => p.denominator_value },
    { label: t.rate, text: (p) => panel.show(p.rate, unit), sort: (p) => p.rate },
    { label: t.platformRate, text: (p) => panel.show(p.platform_rate, 'ratio'), sort: (p) => p.platform_rate },
  ];
}
