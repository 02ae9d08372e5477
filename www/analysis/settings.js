// The other options: the period and the heatmap's clock, how many top posts, business hours,
// typed costs; and the core's messages about them, next to their control.

import { h } from '../dom.js';
import { browserOffset } from '../reading.js';
import { field, select } from './controls.js';

/** Offsets people live on: every half hour, and the three quarter-hour ones. */
const OFFSETS = [...Array.from({ length: 53 }, (_, i) => -720 + i * 30), 345, 525, 765].sort((a, b) => a - b);

/** `UTC+05:30`. */
function offsetText(minutes) {
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The period, the heatmap's clock and how many top posts. */
export function periodFields(panel) {
  const t = panel.t;
  const o = panel.options;
  const browser = browserOffset();
  const offsets = [...new Set([...OFFSETS, browser, ...(o.utc_offset_minutes == null ? [] : [o.utc_offset_minutes])])].sort((a, b) => a - b);
  const dateInput = (key, path) => h('input', {
    type: 'date',
    value: o.period?.[key] || '',
    dataset: { key: `period-${key}`, field: path },
    on: { change: (e) => panel.set((x) => { x.period = { from: '', to: '', ...(x.period || {}), [key]: e.target.value }; }, { form: false }) },
  });
  return h('fieldset', { dataset: { group: 'period' } },
    h('legend', { text: t.clockPeriod }),
    h('div', { class: 'sr-a-row' },
      field(t.from, dateInput('from', 'period.from'), 'period.from'),
      field(t.to, dateInput('to', 'period.to'), 'period.to'),
      h('button', { type: 'button', class: 'sr-btn', text: t.allDays, dataset: { key: 'all-days', action: 'all-days' }, on: { click: () => panel.set((x) => { x.period = null; }) } }),
      field(t.offset, select('offset', [['', t.asWritten], ...offsets.map((m) => [String(m), `${offsetText(m)}${m === browser ? ` (${t.yours})` : ''}`])],
        o.utc_offset_minutes == null ? '' : String(o.utc_offset_minutes),
        (v) => panel.set((x) => { x.utc_offset_minutes = v === '' ? null : Number(v); })), 'utc_offset_minutes'),
      field(t.topPosts, select('top-posts', [3, 5, 10, 20].map((n) => [String(n), String(n)]), String(o.top_posts), (v) => panel.set((x) => { x.top_posts = Number(v); }, { form: false })))));
}

/** Business hours: on or off, the days, opening and closing. */
export function businessFields(panel) {
  const t = panel.t;
  const b = panel.options.business_hours;
  const set = (fn, opts) => panel.set((x) => fn(x.business_hours), opts);
  return h('fieldset', { dataset: { group: 'business-hours' } },
    h('legend', { text: t.businessHours }),
    h('label', { class: 'sr-check' },
      h('input', { type: 'checkbox', checked: Boolean(b), dataset: { key: 'business' }, on: { change: (e) => panel.set((x) => { x.business_hours = e.target.checked ? structuredClone(panel.defaults.business_hours) : null; }) } }),
      h('span', { text: t.useBusiness })),
    b
      ? h('div', { class: 'sr-a-row', style: { marginTop: '6px' } },
        h('div', { class: 'sr-boxes', attrs: { role: 'group', 'aria-label': t.businessHours } },
          panel.defaults.weekdays.map((w) => h('label', {},
            h('input', { type: 'checkbox', checked: b.days.includes(w.key), dataset: { key: `day-${w.key}` }, on: { change: (e) => set((bh) => { bh.days = panel.defaults.weekdays.map((x) => x.key).filter((k) => (k === w.key ? e.target.checked : bh.days.includes(k))); }, { form: false }) } }),
            h('span', { text: w.name })))),
        field(t.open, h('input', { type: 'time', value: b.start, dataset: { key: 'open', field: 'business_hours.start' }, on: { change: (e) => set((bh) => { bh.start = e.target.value; }, { form: false }) } }), 'business_hours.start'),
        field(t.close, h('input', { type: 'time', value: b.end, dataset: { key: 'close', field: 'business_hours.end' }, on: { change: (e) => set((bh) => { bh.end = e.target.value; }, { form: false }) } }), 'business_hours.end'),
        h('span', { class: 'sr-a-msg', dataset: { path: 'business_hours.days' }, attrs: { role: 'alert' } }))
      : null);
}

/** The costs typed for the cost link, one line each. */
export function costFields(panel) {
  const t = panel.t;
  const costs = panel.options.costs;
  const line = (c, i) => h('div', { class: 'sr-a-cost-line', dataset: { cost: i } },
    field(t.costLabel, h('input', { type: 'text', value: c.label, dataset: { key: `cost-label-${i}` }, on: { input: (e) => panel.set((x) => { x.costs[i].label = e.target.value; }, { form: false, delay: 300 }) } })),
    field(t.costAmount, h('input', { type: 'text', inputMode: 'decimal', value: c.amount ?? '', dataset: { key: `cost-amount-${i}`, field: `costs[${i}].amount` }, on: { input: (e) => panel.set((x) => { x.costs[i].amount = e.target.value; }, { form: false, delay: 300 }) } }), `costs[${i}].amount`),
    field(t.costCurrency, select(`cost-currency-${i}`, [['', t.adsCurrency], ...panel.currencies.map((code) => [code, code])], c.currency, (v) => panel.set((x) => { x.costs[i].currency = v; }, { form: false })), `costs[${i}].currency`),
    h('button', { type: 'button', class: 'sr-remove', title: t.remove, attrs: { 'aria-label': t.remove }, text: '×', dataset: { key: `cost-remove-${i}` }, on: { click: () => panel.set((x) => { x.costs.splice(i, 1); }) } }));
  return h('fieldset', { dataset: { group: 'costs' } },
    h('legend', { text: t.typedCosts }),
    h('p', { class: 'sr-hint', text: t.typedHint }),
    h('div', { class: 'sr-a-cost-lines' }, costs.map(line)),
    h('button', { type: 'button', class: 'sr-btn', text: `+ ${t.addCost}`, dataset: { key: 'add-cost' }, on: { click: () => panel.set((x) => { x.costs.push({ label: '', amount: '', currency: '' }); x.decimal_mark ??= panel.mark; }) } }));
}

/** The core's messages about options, next to their control. */
export function showFieldErrors(panel) {
  for (const el of panel.formBox.querySelectorAll('[data-path]')) {
    el.querySelector('input, select')?.classList.remove('sr-invalid');
    const msg = el.matches('.sr-a-msg') ? el : el.querySelector('.sr-a-msg');
    if (msg) msg.textContent = '';
  }
  for (const err of panel.report.errors) {
    const el = panel.formBox.querySelector(`[data-path="${CSS.escape(err.field)}"]`);
    if (!el) continue;
    el.querySelector('input, select')?.classList.add('sr-invalid');
    const msg = el.matches('.sr-a-msg') ? el : el.querySelector('.sr-a-msg');
    if (msg) msg.textContent = err.message;
  }
}
