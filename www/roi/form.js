// The calculator's form: one fieldset per part of the input JSON (costs, the second scenario,
// returns, earned media, counts), each line of a list with the fields of its kind. Fields keep
// the text the user typed; the core reads it and says what is wrong next to the field.

import { h, replace, uid } from '../dom.js';
import { Format, fieldText } from '../format.js';
import { getPath } from './paths.js';

const MONEY = Symbol('money');
const MONEY_PER_HOUR = Symbol('money per hour');

/** Which fields a cost line of each kind shows: [key, label, unit]. */
const COST_FIELDS = {
  time: [['hours', 'hours', 'h'], ['hourly_rate', 'hourlyRate', MONEY_PER_HOUR]],
  salary: [['monthly_salary', 'monthlySalary', MONEY], ['share_pct', 'share', '%'], ['employer_charges_pct', 'charges', '%']],
  fixed: [['amount', 'amount', MONEY]],
};

/** The input's lists: the label of their add button, and the line they add. */
export const LISTS = {
  costs: { add: 'addCost', blank: () => ({ kind: 'other' }) },
  'alternative.costs': { add: 'addCost', blank: () => ({ kind: 'other' }) },
  sales: { add: 'addSales', blank: () => ({}) },
  leads: { add: 'addLeads', blank: () => ({}) },
  support: { add: 'addSupport', blank: () => ({}) },
};

/** Builds the whole form from the panel's input. */
export function buildForm(panel) {
  const t = panel.t;
  const comparing = panel.input.alternative != null;
  panel.fmt = new Format(panel.locale, panel.input.currency || 'EUR');
  replace(
    panel.form,
    h('fieldset', { class: 'sr-section', dataset: { section: 'costs' } },
      h('legend', {}, h('h2', { class: 'sr-legend', text: t.costs })),
      h('p', { class: 'sr-hint', text: t.costsHint }),
      h('div', { class: 'sr-fields' },
        field(panel, 'period_months', t.period, t.months),
        comparing ? textField(panel, 'label', t.scenarioName) : null),
      list(panel, 'costs'),
    ),
    h('label', { class: 'sr-check sr-section' },
      h('input', { type: 'checkbox', checked: comparing, dataset: { action: 'compare' } }),
      h('span', { text: t.compare })),
    comparing
      ? h('fieldset', { class: 'sr-section', dataset: { section: 'alternative' } },
        h('legend', {}, h('h2', { class: 'sr-legend', text: t.secondScenario })),
        h('div', { class: 'sr-fields' }, textField(panel, 'alternative.label', t.scenarioName)),
        list(panel, 'alternative.costs'))
      : null,
    h('fieldset', { class: 'sr-section', dataset: { section: 'returns' } },
      h('legend', {}, h('h2', { class: 'sr-legend', text: t.returns })),
      h('h3', { class: 'sr-sub', text: t.sales }),
      list(panel, 'sales'),
      h('h3', { class: 'sr-sub', text: t.leads }),
      list(panel, 'leads'),
      h('h3', { class: 'sr-sub', text: t.support }),
      list(panel, 'support'),
      h('h3', { class: 'sr-sub', text: t.earnedMedia }),
      h('p', { class: 'sr-hint', text: t.earnedMediaHint }),
      h('div', { class: 'sr-fields' },
        field(panel, 'earned_media.impressions', t.impressions),
        field(panel, 'earned_media.cpm', t.cpm, MONEY),
        field(panel, 'earned_media.clicks', t.clicks),
        field(panel, 'earned_media.cpc', t.cpc, MONEY)),
      checkbox(panel, 'earned_media.include_in_roi', t.includeMedia),
      h('div', { class: 'sr-line-result', dataset: { figure: 'earned_media_value' } }),
    ),
    h('fieldset', { class: 'sr-section', dataset: { section: 'counts' } },
      h('legend', {}, h('h2', { class: 'sr-legend', text: t.counts })),
      h('p', { class: 'sr-hint', text: t.countsHint }),
      h('div', { class: 'sr-fields' },
        field(panel, 'counts.engagements', t.engagements),
        field(panel, 'counts.clicks', t.clicks),
        field(panel, 'counts.new_followers', t.newFollowers),
        field(panel, 'counts.acquisitions', t.acquisitions, null, t.acquisitionsHint))),
  );
}

/** A list of lines (costs, sales…) with its add button. */
export function list(panel, prefix) {
  const items = getPath(panel.input, prefix) || [];
  return h('div', { class: 'sr-list', dataset: { list: prefix } },
    items.map((_, i) => line(panel, prefix, i)),
    h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'add', list: prefix }, text: `+ ${panel.t[LISTS[prefix].add]}` }));
}

function line(panel, prefix, i) {
  const t = panel.t;
  const p = `${prefix}[${i}]`;
  const head = [textField(panel, `${p}.label`, t.label)];
  if (prefix.endsWith('costs')) {
    const kinds = panel.core.costKinds(panel.lang);
    head.unshift(select(panel, `${p}.kind`, t.kind, kinds.map((k) => [k.key, k.name])));
  }
  if (prefix === 'sales') {
    head.push(select(panel, `${p}.value_basis`, t.valueBasis, [['order', t.orderValue], ['lifetime', t.lifetimeValue]]));
  }
  return h('div', { class: 'sr-line', dataset: { line: p } },
    h('div', { class: 'sr-line-head' }, head,
      h('button', { type: 'button', class: 'sr-remove', title: t.removeLine, attrs: { 'aria-label': t.removeLine }, dataset: { action: 'remove', line: p }, text: '×' })),
    h('div', { class: 'sr-fields', dataset: { fieldsOf: p } }, lineFields(panel, prefix, p)),
    h('div', { class: 'sr-line-result', dataset: { figure: p } }));
}

/** The fields of line `p` of list `prefix`, by its kind or value basis. */
export function lineFields(panel, prefix, p) {
  const t = panel.t;
  const item = getPath(panel.input, p) || {};
  if (prefix.endsWith('costs')) {
    const kind = item.kind || 'time';
    const group = COST_FIELDS[kind] ? kind : 'fixed';
    const fields = COST_FIELDS[group].map(([key, label, unit]) => field(panel, `${p}.${key}`, t[label], unit));
    if (group === 'fixed') fields.push(checkbox(panel, `${p}.monthly`, t.perMonth));
    return fields;
  }
  if (prefix === 'sales') {
    const value = item.value_basis === 'lifetime' ? t.lifetimeValue : t.orderValue;
    return [
      field(panel, `${p}.visits`, t.visits),
      field(panel, `${p}.conversion_rate_pct`, t.conversionRate, '%'),
      field(panel, `${p}.value`, value, MONEY),
      field(panel, `${p}.margin_pct`, t.margin, '%', t.marginHint),
    ];
  }
  if (prefix === 'leads') {
    return [field(panel, `${p}.count`, t.leadCount), field(panel, `${p}.value`, t.leadValue, MONEY)];
  }
  return [
    field(panel, `${p}.requests`, t.requests),
    field(panel, `${p}.traditional_cost`, t.traditionalCost, MONEY),
    field(panel, `${p}.social_cost`, t.socialCost, MONEY),
  ];
}

function unitText(panel, unit) {
  if (unit === MONEY) return panel.fmt.currencySymbol();
  if (unit === MONEY_PER_HOUR) return `${panel.fmt.currencySymbol()}/h`;
  return unit || null;
}

/** A number field: label, input keeping the typed text, unit, message. */
export function field(panel, path, label, unit = null, hint = null) {
  const id = uid('f');
  const msg = uid('m');
  const shown = unitText(panel, unit);
  return h('label', { class: 'sr-field', attrs: { for: id } },
    h('span', { class: 'sr-lbl', text: label }),
    h('span', { class: 'sr-input' },
      h('input', {
        id,
        type: 'text',
        inputMode: 'decimal',
        autocomplete: 'off',
        spellcheck: false,
        value: fieldText(getPath(panel.input, path), panel.mark),
        dataset: { field: path },
        attrs: { 'aria-describedby': hint ? `${msg} ${msg}h` : msg },
      }),
      shown ? h('span', { class: 'sr-unit', attrs: { 'aria-hidden': 'true' }, text: shown }) : null),
    // A hint is a line of its own, not a placeholder: it stays whole and in sight as one types.
    hint ? h('span', { class: 'sr-field-hint', id: `${msg}h`, text: hint }) : null,
    h('span', { class: 'sr-msg', id: msg, attrs: { role: 'alert' } }));
}

function textField(panel, path, label) {
  const id = uid('f');
  return h('label', { class: 'sr-field', attrs: { for: id } },
    h('span', { class: 'sr-lbl', text: label }),
    h('input', { id, type: 'text', autocomplete: 'off', value: getPath(panel.input, path) || '', dataset: { field: path, text: '1' } }));
}

/** A select over the input at `path`, of `[value, text]` options. */
export function select(panel, path, label, options) {
  const id = uid('f');
  const current = getPath(panel.input, path) || options[0][0];
  return h('label', { class: 'sr-field', attrs: { for: id } },
    h('span', { class: 'sr-lbl', text: label }),
    h('select', { id, dataset: { field: path } },
      options.map(([value, text]) => h('option', { value, text, selected: value === current }))));
}

function checkbox(panel, path, label) {
  return h('label', { class: 'sr-check' },
    h('input', { type: 'checkbox', checked: Boolean(getPath(panel.input, path)), dataset: { field: path } }),
    h('span', { text: label }));
}
