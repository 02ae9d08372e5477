// What the dropped files hold, all together: records by kind, then by network (and currency).

import { h, replace } from '../dom.js';

/** Draws what the dataset holds, from the core's `totals`. */
export function renderSummary(panel, totals) {
  const t = panel.t;
  const kinds = Object.keys(t.kinds).filter((k) => totals.records[k] > 0);
  replace(panel.summary,
    h('h3', { class: 'sr-section-title', text: t.summary }),
    kinds.length === 0
      ? h('p', { class: 'sr-hint', text: t.nothing })
      : [
        h('ul', { class: 'sr-summary-list', dataset: { summary: 'records' } },
          kinds.map((k) => h('li', { class: 'sr-chip', dataset: { kind: k, count: totals.records[k] } },
            h('strong', { text: panel.fmt.count(totals.records[k]) }), ` ${t.kinds[k][totals.records[k] === 1 ? 0 : 1]}`))),
        totals.counted_once_note ? h('p', { class: 'sr-notice', dataset: { summary: 'counted-once' }, text: totals.counted_once_note }) : null,
        h('ul', { class: 'sr-summary-list', dataset: { summary: 'networks' } },
          totals.groups.map((g) => h('li', { class: 'sr-chip', dataset: { kind: g.kind, network: g.network, count: g.records } },
            h('span', { text: `${panel.networks.get(g.network) ?? g.network}${g.currency ? ` (${g.currency})` : ''}${g.dimension_label ? ` (${g.dimension_label})` : ''} ·` }),
            h('strong', { text: panel.fmt.count(g.records) }),
            ` ${t.kinds[g.kind][g.records === 1 ? 0 : 1]}`))),
      ]);
}
