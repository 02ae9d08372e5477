// The top and bottom posts under the rule in force, in sortable tables: ranked among the posts
// whose denominator reaches the minimum the core says (the user may change it), replies
// marked.

import { h } from '../dom.js';
import { field } from './controls.js';
import { table } from './table.js';

/** The top and bottom posts of report `r`. */
export function postsSection(panel, r) {
  const t = panel.t;
  const e = r.engagement;
  const cols = postColumns(panel, e.rate_unit);
  const m = e.top_posts_minimum;
  const minimum = h('div', { class: 'sr-a-row', dataset: { minimum: m.value, default: m.default } },
    field(t.minimum, h('input', {
      type: 'number',
      min: 0,
      step: 'any',
      value: m.value,
      dataset: { key: 'top-minimum', field: 'top_posts_minimum' },
      on: { change: (e2) => panel.set((x) => { x.top_posts_minimum = e2.target.value === '' ? null : Number(e2.target.value); }, { form: false }) },
    }), 'top_posts_minimum'),
    m.default ? null : h('button', { type: 'button', class: 'sr-btn', text: t.minimumDefault, dataset: { key: 'top-minimum-default' }, on: { click: () => panel.set((x) => { x.top_posts_minimum = null; }, { form: false }) } }));
  return panel.section('posts', t.topBottom,
    minimum,
    h('p', { class: 'sr-hint', dataset: { ranked: m.left_out }, text: m.text }),
    e.top_posts_reason ? h('p', { class: 'sr-reason', text: e.top_posts_reason }) : null,
    e.top_posts.length ? h('div', { dataset: { posts: 'top' } }, h('h4', { text: t.top }), table(panel, 'top', cols, e.top_posts)) : null,
    e.bottom_posts.length ? h('div', { dataset: { posts: 'bottom' } }, h('h4', { text: t.bottom }), table(panel, 'bottom', cols, e.bottom_posts)) : null);
}

function postColumns(panel, unit) {
  const t = panel.t;
  const dn = (key) => panel.denominatorName(key);
  return [
    { label: t.date, text: (p) => panel.when(p.published), sort: (p) => p.published || '', cls: 'sr-date' },
    { label: t.network, text: (p) => panel.networkName(p.network), sort: (p) => p.network },
    { label: t.type, text: (p) => p.kind || '—', sort: (p) => p.kind || '', cls: 'sr-txt' },
    { label: t.text, text: (p) => `${p.reply ? `${t.reply} · ` : ''}${(p.text || p.id).slice(0, 140)}`, title: (p) => p.permalink || p.id, sort: (p) => p.text || '', cls: 'sr-txt' },
    { label: t.engagements, text: (p) => panel.show(p.engagements, 'count'), sort: (p) => p.engagements },
    { label: t.denominatorValue, text: (p) => (p.denominator_value == null ? '—' : `${panel.fmt.count(p.denominator_value)} (${dn(p.denominator)})`), sort: (p) => p.denominator_value },
    { label: t.rate, text: (p) => panel.show(p.rate, unit), sort: (p) => p.rate },
    { label: t.platformRate, text: (p) => panel.show(p.platform_rate, 'ratio'), sort: (p) => p.platform_rate },
  ];
}
