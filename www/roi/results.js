// The calculator's results: the core's report as it comes (the headline ROI, the summary, unit
// costs, earned media, the scenarios compared, the sensitivity), each figure on its card; the
// messages next to the fields; the bar that keeps ROI in sight; the link and reset buttons.

import { h, replace } from '../dom.js';
import { describe, figureCard } from '../figure.js';
import { PART } from '../theme.js';
import { sensitivity } from './sensitivity.js';

/** Puts each of the core's messages next to its field, clearing the others. */
export function showErrors(panel, errors) {
  for (const f of panel.form.querySelectorAll('.sr-field.sr-invalid')) {
    f.classList.remove('sr-invalid');
    f.querySelector('input')?.removeAttribute('aria-invalid');
    f.querySelector('.sr-msg').textContent = '';
  }
  for (const err of errors) {
    const input = panel.form.querySelector(`[data-field="${CSS.escape(err.field)}"]`);
    const field = input?.closest('.sr-field');
    if (!field) continue;
    field.classList.add('sr-invalid');
    input.setAttribute('aria-invalid', 'true');
    field.querySelector('.sr-msg').textContent = err.message;
  }
}

/** Each line's figure under it, with its formula. */
export function showLineResults(panel, r) {
  const figures = [...r.costs, ...r.returns, r.earned_media];
  const alt = r.comparison?.scenarios[1]?.costs || [];
  for (const fig of [...figures, ...alt]) {
    const box = panel.form.querySelector(`[data-figure="${CSS.escape(fig.id)}"]`);
    if (!box) continue;
    replace(box,
      h('span', { text: fig.formula }),
      fig.value != null
        ? h('strong', { text: panel.fmt.value(fig.value, fig.unit), dataset: { value: fig.value } })
        : h('strong', { class: 'sr-na', text: fig.reason }));
    box.title = describe(fig, panel.fmt);
  }
}

/** The results column, from report `r`. */
export function renderResults(panel, r) {
  const t = panel.t;
  const byId = (id) => r.summary.find((f) => f.id === id);
  replace(panel.results,
    h('h2', { id: 'sr-results-title', text: t.results }),
    r.errors.length ? errorList(panel, r.errors) : null,
    figureCard(byId('roi'), panel.fmt, panel.lang, 'sr-headline', 3),
    h('div', { class: 'sr-cards' },
      ['net_gain', 'total_cost', 'total_return', 'roas', 'break_even_conversions', 'break_even_visits'].map((id) => figureCard(byId(id), panel.fmt, panel.lang))),
    h('h3', { text: t.unitCosts }),
    h('div', { class: 'sr-cards' }, r.unit_costs.map((f) => figureCard(f, panel.fmt, panel.lang))),
    h('h3', { text: t.earnedMedia }),
    h('div', { class: 'sr-cards' }, figureCard(r.earned_media, panel.fmt, panel.lang)),
    r.comparison ? comparison(panel, r.comparison) : null,
    sensitivity(panel, r.sensitivity),
    actions(panel));
}

/** The bar with ROI and net gain, and what a screen reader hears. */
export function renderMini(panel, r) {
  const show = (fig) => (fig?.value != null ? panel.fmt.value(fig.value, fig.unit) : '—');
  const roi = r.summary.find((f) => f.id === 'roi');
  const net = r.summary.find((f) => f.id === 'net_gain');
  const spoken = `ROI ${show(roi)}, ${net.label} ${show(net)}`;
  if (panel.status.textContent !== spoken) panel.status.textContent = spoken;
  replace(panel.mini,
    h('span', {}, 'ROI ', h('strong', { text: show(roi) })),
    h('span', {}, `${net.label} `, h('strong', { text: show(net) })),
    h('button', { type: 'button', class: 'sr-btn', text: `${panel.t.details} ↓`, on: { click: () => panel.results.scrollIntoView({ behavior: 'smooth', block: 'start' }) } }));
}

function errorList(panel, errors) {
  return h('div', { class: 'sr-errors', attrs: { role: 'alert' } },
    h('strong', { text: panel.t.fixFirst(errors.length) }),
    h('ul', {}, errors.map((err) => {
      const input = panel.form.querySelector(`[data-field="${CSS.escape(err.field)}"]`);
      const label = input?.closest('.sr-field')?.querySelector('.sr-lbl')?.textContent || err.field;
      return h('li', {},
        h('a', { href: '#', text: label, on: { click: (e) => { e.preventDefault(); input?.focus(); } } }),
        `${panel.colon}${err.message}`);
    })));
}

function comparison(panel, c) {
  const t = panel.t;
  const [a, b] = c.scenarios;
  const cell = (fig) => h('td', {
    text: fig.value != null ? panel.fmt.value(fig.value, fig.unit) : '—',
    title: fig.value != null ? describe(fig, panel.fmt) : fig.reason,
    dataset: fig.value != null ? { value: fig.value } : {},
  });
  return h('section', { class: 'sr-comparison', attrs: { part: PART.comparison } },
    h('h3', { text: t.comparison }),
    h('table', { class: 'sr-table' },
      h('thead', {}, h('tr', {}, h('th', { text: '' }), h('th', { scope: 'col', text: a.label }), h('th', { scope: 'col', text: b.label }))),
      h('tbody', {},
        h('tr', { dataset: { row: 'total_cost' } }, h('th', { scope: 'row', text: t.totalCost }), cell(a.total_cost), cell(b.total_cost)),
        h('tr', { dataset: { row: 'net_gain' } }, h('th', { scope: 'row', text: t.netGain }), cell(a.net_gain), cell(b.net_gain)),
        h('tr', { dataset: { row: 'roi' } }, h('th', { scope: 'row', text: 'ROI' }), cell(a.roi), cell(b.roi)))),
    h('div', { class: 'sr-cards', style: { marginTop: '10px' } }, figureCard(c.roi_difference, panel.fmt, panel.lang), figureCard(c.cost_difference, panel.fmt, panel.lang)));
}

function actions(panel) {
  const t = panel.t;
  const status = h('span', { class: 'sr-status', attrs: { role: 'status' } });
  return h('div', { class: 'sr-actions' },
    panel.shareUrl
      ? h('button', {
        type: 'button',
        class: 'sr-btn sr-primary',
        text: t.copyLink,
        dataset: { action: 'copy-link' },
        on: {
          click: async () => {
            try {
              await navigator.clipboard.writeText(await panel.shareUrl());
              status.textContent = t.linkCopied;
            } catch {
              status.textContent = t.linkCopyFailed;
            }
          },
        },
      })
      : null,
    h('button', { type: 'button', class: 'sr-btn', text: t.reset, dataset: { action: 'reset' }, on: { click: () => panel.onReset?.() } }),
    status);
}
