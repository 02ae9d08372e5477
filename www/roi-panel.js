// The ROI calculator: a form over the core's input JSON, and the core's report rendered as it
// comes. Fields keep the text the user typed (the core reads it and says what is wrong next
// to the field); nothing here computes a figure.

import { h, replace, uid } from './dom.js';
import { strings } from './i18n.js';
import { Format, fieldText } from './format.js';

const MONEY = Symbol('money');
const MONEY_PER_HOUR = Symbol('money per hour');
const SENSITIVITY_ROWS = 8;

/** Which fields a cost line of each kind shows: [key, label, unit, hint]. */
const COST_FIELDS = {
  time: [['hours', 'hours', 'h'], ['hourly_rate', 'hourlyRate', MONEY_PER_HOUR]],
  salary: [['monthly_salary', 'monthlySalary', MONEY], ['share_pct', 'share', '%'], ['employer_charges_pct', 'charges', '%']],
  fixed: [['amount', 'amount', MONEY]],
};

const LISTS = {
  costs: { add: 'addCost', blank: () => ({ kind: 'other' }) },
  'alternative.costs': { add: 'addCost', blank: () => ({ kind: 'other' }) },
  sales: { add: 'addSales', blank: () => ({}) },
  leads: { add: 'addLeads', blank: () => ({}) },
  support: { add: 'addSupport', blank: () => ({}) },
};

/** `costs[0].hours` → `['costs', 0, 'hours']`. */
function parsePath(path) {
  return path.split('.').flatMap((part) => {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [part];
    return [m[1], ...[...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))];
  });
}

export function getPath(obj, path) {
  return parsePath(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export function setPath(obj, path, value) {
  const keys = parsePath(path);
  let o = obj;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] == null) o[k] = typeof keys[i + 1] === 'number' ? [] : {};
    o = o[k];
  });
  o[keys[keys.length - 1]] = value;
}

export class RoiPanel {
  /**
   * @param {object} o
   * @param {object} o.core the wasm core's exports
   * @param {'fr'|'en'} o.lang
   * @param {string} o.locale for number formatting
   * @param {object} o.input the calculator's input JSON (edited in place)
   * @param {(input: object, report: object, edited: boolean) => void} o.onChange after each
   *   computation; `edited` when it follows a change the user made in the form
   * @param {() => void} o.onReset restore the worked example
   * @param {(() => string)|null} o.shareUrl a link reproducing the calculation, if any
   */
  constructor({ core, lang, locale, input, onChange, onReset, shareUrl }) {
    Object.assign(this, { core, lang, locale, input, onChange, onReset, shareUrl });
    this.t = strings(lang);
    this.showAllSensitivity = false;
    this.stashedAlternative = null;
    this.pending = false;
    this.form = h('form', {
      class: 'sr-inputs-form',
      attrs: { novalidate: true, part: 'form' },
      on: {
        submit: (e) => e.preventDefault(),
        input: (e) => this.onInput(e),
        change: (e) => this.onChangeEvent(e),
        click: (e) => this.onClick(e),
      },
    });
    this.results = h('section', { class: 'sr-results', attrs: { part: 'results' } });
    // What a screen reader hears after each change: the headline figures, not the whole column.
    this.status = h('p', { class: 'sr-visually-hidden', attrs: { role: 'status' } });
    // On narrow screens the results sit below a long form: this bar keeps ROI in sight.
    this.mini = h('div', { class: 'sr-mini', attrs: { part: 'summary-bar' } });
    this.el = h('div', { class: 'sr-roi' }, h('div', { class: 'sr-form-col' }, this.form, this.mini), this.results, this.status);
    this.buildForm();
    this.compute();
  }

  /** `: ` in English, `\u00a0: ` in French typography. */
  get colon() {
    return this.lang === 'fr' ? '\u00a0: ' : ': ';
  }

  get mark() {
    return this.input.decimal_mark || (this.lang === 'fr' ? 'comma' : 'point');
  }

  /** Replaces the whole input (reset, a link opened in the same tab). */
  load(input) {
    this.input = input;
    this.stashedAlternative = null;
    this.buildForm();
    this.compute();
  }

  // -- form ------------------------------------------------------------------------------

  buildForm() {
    const t = this.t;
    const comparing = this.input.alternative != null;
    this.fmt = new Format(this.locale, this.input.currency || 'EUR');
    replace(
      this.form,
      h('fieldset', { class: 'sr-section', dataset: { section: 'costs' } },
        h('legend', { text: t.costs }),
        h('p', { class: 'sr-hint', text: t.costsHint }),
        h('div', { class: 'sr-fields' },
          this.field('period_months', t.period, t.months),
          comparing ? this.textField('label', t.scenarioName) : null),
        this.list('costs'),
      ),
      h('label', { class: 'sr-check sr-section' },
        h('input', { type: 'checkbox', checked: comparing, dataset: { action: 'compare' } }),
        h('span', { text: t.compare })),
      comparing
        ? h('fieldset', { class: 'sr-section', dataset: { section: 'alternative' } },
          h('legend', { text: t.secondScenario }),
          h('div', { class: 'sr-fields' }, this.textField('alternative.label', t.scenarioName)),
          this.list('alternative.costs'))
        : null,
      h('fieldset', { class: 'sr-section', dataset: { section: 'returns' } },
        h('legend', { text: t.returns }),
        h('h3', { class: 'sr-sub', text: t.sales }),
        this.list('sales'),
        h('h3', { class: 'sr-sub', text: t.leads }),
        this.list('leads'),
        h('h3', { class: 'sr-sub', text: t.support }),
        this.list('support'),
        h('h3', { class: 'sr-sub', text: t.earnedMedia }),
        h('p', { class: 'sr-hint', text: t.earnedMediaHint }),
        h('div', { class: 'sr-fields' },
          this.field('earned_media.impressions', t.impressions),
          this.field('earned_media.cpm', t.cpm, MONEY),
          this.field('earned_media.clicks', t.clicks),
          this.field('earned_media.cpc', t.cpc, MONEY)),
        this.checkbox('earned_media.include_in_roi', t.includeMedia),
        h('div', { class: 'sr-line-result', dataset: { figure: 'earned_media_value' } }),
      ),
      h('fieldset', { class: 'sr-section', dataset: { section: 'counts' } },
        h('legend', { text: t.counts }),
        h('p', { class: 'sr-hint', text: t.countsHint }),
        h('div', { class: 'sr-fields' },
          this.field('counts.engagements', t.engagements),
          this.field('counts.clicks', t.clicks),
          this.field('counts.new_followers', t.newFollowers),
          this.field('counts.acquisitions', t.acquisitions, null, t.acquisitionsHint))),
    );
  }

  list(prefix) {
    const items = getPath(this.input, prefix) || [];
    return h('div', { class: 'sr-list', dataset: { list: prefix } },
      items.map((_, i) => this.line(prefix, i)),
      h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'add', list: prefix }, text: `+ ${this.t[LISTS[prefix].add]}` }));
  }

  line(prefix, i) {
    const t = this.t;
    const p = `${prefix}[${i}]`;
    const head = [this.textField(`${p}.label`, t.label)];
    if (prefix.endsWith('costs')) {
      const kinds = this.core.costKinds(this.lang);
      head.unshift(this.select(`${p}.kind`, t.kind, kinds.map((k) => [k.key, k.name])));
    }
    if (prefix === 'sales') {
      head.push(this.select(`${p}.value_basis`, t.valueBasis, [['order', t.orderValue], ['lifetime', t.lifetimeValue]]));
    }
    return h('div', { class: 'sr-line', dataset: { line: p } },
      h('div', { class: 'sr-line-head' }, head,
        h('button', { type: 'button', class: 'sr-remove', title: t.removeLine, attrs: { 'aria-label': t.removeLine }, dataset: { action: 'remove', line: p }, text: '×' })),
      h('div', { class: 'sr-fields', dataset: { fieldsOf: p } }, this.lineFields(prefix, p)),
      h('div', { class: 'sr-line-result', dataset: { figure: p } }));
  }

  lineFields(prefix, p) {
    const t = this.t;
    const line = getPath(this.input, p) || {};
    if (prefix.endsWith('costs')) {
      const kind = line.kind || 'time';
      const group = COST_FIELDS[kind] ? kind : 'fixed';
      const fields = COST_FIELDS[group].map(([key, label, unit]) => this.field(`${p}.${key}`, t[label], unit));
      if (group === 'fixed') fields.push(this.checkbox(`${p}.monthly`, t.perMonth));
      return fields;
    }
    if (prefix === 'sales') {
      const value = line.value_basis === 'lifetime' ? t.lifetimeValue : t.orderValue;
      return [
        this.field(`${p}.visits`, t.visits),
        this.field(`${p}.conversion_rate_pct`, t.conversionRate, '%'),
        this.field(`${p}.value`, value, MONEY),
        this.field(`${p}.margin_pct`, t.margin, '%', t.marginHint),
      ];
    }
    if (prefix === 'leads') {
      return [this.field(`${p}.count`, t.leadCount), this.field(`${p}.value`, t.leadValue, MONEY)];
    }
    return [
      this.field(`${p}.requests`, t.requests),
      this.field(`${p}.traditional_cost`, t.traditionalCost, MONEY),
      this.field(`${p}.social_cost`, t.socialCost, MONEY),
    ];
  }

  unitText(unit) {
    if (unit === MONEY) return this.fmt.currencySymbol();
    if (unit === MONEY_PER_HOUR) return `${this.fmt.currencySymbol()}/h`;
    return unit || null;
  }

  /** A number field: label, input keeping the typed text, unit, message. */
  field(path, label, unit = null, hint = null) {
    const id = uid('f');
    const msg = uid('m');
    const unitText = this.unitText(unit);
    return h('label', { class: 'sr-field', attrs: { for: id } },
      h('span', { class: 'sr-lbl', text: label }),
      h('span', { class: 'sr-input' },
        h('input', {
          id,
          type: 'text',
          inputMode: 'decimal',
          autocomplete: 'off',
          spellcheck: false,
          value: fieldText(getPath(this.input, path), this.mark),
          placeholder: hint || '',
          dataset: { field: path },
          attrs: { 'aria-describedby': msg },
        }),
        unitText ? h('span', { class: 'sr-unit', attrs: { 'aria-hidden': 'true' }, text: unitText }) : null),
      h('span', { class: 'sr-msg', id: msg, attrs: { role: 'alert' } }));
  }

  textField(path, label) {
    const id = uid('f');
    return h('label', { class: 'sr-field', attrs: { for: id } },
      h('span', { class: 'sr-lbl', text: label }),
      h('input', { id, type: 'text', autocomplete: 'off', value: getPath(this.input, path) || '', dataset: { field: path, text: '1' } }));
  }

  select(path, label, options) {
    const id = uid('f');
    const current = getPath(this.input, path) || options[0][0];
    return h('label', { class: 'sr-field', attrs: { for: id } },
      h('span', { class: 'sr-lbl', text: label }),
      h('select', { id, dataset: { field: path } },
        options.map(([value, text]) => h('option', { value, text, selected: value === current }))));
  }

  checkbox(path, label) {
    return h('label', { class: 'sr-check' },
      h('input', { type: 'checkbox', checked: Boolean(getPath(this.input, path)), dataset: { field: path } }),
      h('span', { text: label }));
  }

  // -- events ----------------------------------------------------------------------------

  onInput(e) {
    const el = e.target;
    const path = el.dataset?.field;
    if (!path || el.type === 'checkbox' || el.tagName === 'SELECT') return;
    setPath(this.input, path, el.value);
    this.schedule();
  }

  onChangeEvent(e) {
    const el = e.target;
    if (el.dataset?.action === 'compare') {
      if (el.checked) {
        this.input.alternative = this.stashedAlternative || { label: this.t.secondScenario, costs: [{ kind: 'agency', monthly: true }] };
      } else {
        this.stashedAlternative = this.input.alternative;
        this.input.alternative = null;
      }
      this.buildForm();
      this.form.querySelector('[data-action="compare"]')?.focus();
      this.schedule();
      return;
    }
    const path = el.dataset?.field;
    if (!path) return;
    if (el.type === 'checkbox') {
      setPath(this.input, path, el.checked);
    } else if (el.tagName === 'SELECT') {
      setPath(this.input, path, el.value);
      // A line's fields depend on its kind or value basis: rebuild them, keep the rest.
      const linePath = path.replace(/\.[a-z_]+$/, '');
      const box = this.form.querySelector(`[data-fields-of="${linePath}"]`);
      if (box) replace(box, this.lineFields(linePath.replace(/\[\d+\]$/, ''), linePath));
    } else {
      return;
    }
    this.schedule();
  }

  onClick(e) {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const prefix = button.dataset.list;
    if (button.dataset.action === 'add') {
      const items = getPath(this.input, prefix) || [];
      items.push(LISTS[prefix].blank());
      setPath(this.input, prefix, items);
      this.rebuildList(prefix);
      const lines = this.form.querySelectorAll(`[data-list="${prefix}"] > .sr-line`);
      lines[lines.length - 1]?.querySelector('select, input')?.focus();
    } else if (button.dataset.action === 'remove') {
      const path = button.dataset.line;
      const listPrefix = path.replace(/\[\d+\]$/, '');
      const index = Number(/\[(\d+)\]$/.exec(path)[1]);
      getPath(this.input, listPrefix).splice(index, 1);
      this.rebuildList(listPrefix);
      this.form.querySelector(`[data-action="add"][data-list="${listPrefix}"]`)?.focus();
    }
    this.schedule();
  }

  rebuildList(prefix) {
    const old = this.form.querySelector(`[data-list="${prefix}"]`);
    old.replaceWith(this.list(prefix));
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.compute(true);
    });
  }

  // -- results ---------------------------------------------------------------------------

  compute(edited = false) {
    let report;
    try {
      report = this.core.computeRoi(this.input, this.lang);
    } catch (e) {
      replace(this.results, h('p', { class: 'sr-errors', text: e?.message || String(e) }));
      return;
    }
    this.report = report;
    this.fmt = new Format(this.locale, report.currency, report.minor_digits);
    this.showErrors(report.errors);
    this.showLineResults(report);
    this.renderResults(report);
    this.renderMini(report);
    this.onChange?.(this.input, report, edited);
  }

  showErrors(errors) {
    for (const f of this.form.querySelectorAll('.sr-field.sr-invalid')) {
      f.classList.remove('sr-invalid');
      f.querySelector('input')?.removeAttribute('aria-invalid');
      f.querySelector('.sr-msg').textContent = '';
    }
    for (const err of errors) {
      const input = this.form.querySelector(`[data-field="${CSS.escape(err.field)}"]`);
      const field = input?.closest('.sr-field');
      if (!field) continue;
      field.classList.add('sr-invalid');
      input.setAttribute('aria-invalid', 'true');
      field.querySelector('.sr-msg').textContent = err.message;
    }
  }

  showLineResults(r) {
    const figures = [...r.costs, ...r.returns, r.earned_media];
    const alt = r.comparison?.scenarios[1]?.costs || [];
    for (const fig of [...figures, ...alt]) {
      const box = this.form.querySelector(`[data-figure="${CSS.escape(fig.id)}"]`);
      if (!box) continue;
      replace(box,
        h('span', { text: fig.formula }),
        fig.value != null
          ? h('strong', { text: this.fmt.value(fig.value, fig.unit), dataset: { value: fig.value } })
          : h('strong', { class: 'sr-na', text: fig.reason }));
      box.title = this.describe(fig);
    }
  }

  /** Formula and inputs in one line, for tooltips. */
  describe(fig) {
    const inputs = fig.inputs.map((i) => `${i.name} = ${this.fmt.value(i.value, i.unit)}`).join(' ; ');
    return inputs ? `${fig.formula}\n${inputs}` : fig.formula;
  }

  card(fig, extra = '') {
    if (!fig) return null;
    const hasValue = fig.value != null;
    return h('article', { class: `sr-card ${extra}`, dataset: { id: fig.id }, title: this.describe(fig), attrs: { part: 'figure' } },
      h('h4', { class: 'sr-card-label', text: fig.label }),
      h('p', {
        class: `sr-card-value${hasValue ? '' : ' sr-na'}`,
        text: hasValue ? this.fmt.value(fig.value, fig.unit) : '—',
        dataset: hasValue ? { value: fig.value } : {},
      }),
      hasValue ? null : h('p', { class: 'sr-reason', text: fig.reason }),
      h('p', { class: 'sr-formula', text: fig.formula }),
      fig.inputs.length
        ? h('ul', { class: 'sr-inputs', attrs: { 'aria-label': this.t.inputsUsed } },
          fig.inputs.map((i) => h('li', { text: `${i.name}${this.colon}${this.fmt.value(i.value, i.unit)}` })))
        : null);
  }

  renderResults(r) {
    const t = this.t;
    const byId = (id) => r.summary.find((f) => f.id === id);
    replace(this.results,
      h('h2', { text: t.results }),
      r.errors.length ? this.errorList(r.errors) : null,
      this.card(byId('roi'), 'sr-headline'),
      h('div', { class: 'sr-cards' },
        ['net_gain', 'total_cost', 'total_return', 'roas', 'break_even_conversions', 'break_even_visits'].map((id) => this.card(byId(id)))),
      h('h3', { text: t.unitCosts }),
      h('div', { class: 'sr-cards' }, r.unit_costs.map((f) => this.card(f))),
      h('h3', { text: t.earnedMedia }),
      h('div', { class: 'sr-cards' }, this.card(r.earned_media)),
      r.comparison ? this.comparison(r.comparison) : null,
      this.sensitivity(r.sensitivity),
      this.actions());
  }

  renderMini(r) {
    const show = (fig) => (fig?.value != null ? this.fmt.value(fig.value, fig.unit) : '—');
    const roi = r.summary.find((f) => f.id === 'roi');
    const net = r.summary.find((f) => f.id === 'net_gain');
    const spoken = `ROI ${show(roi)}, ${net.label} ${show(net)}`;
    if (this.status.textContent !== spoken) this.status.textContent = spoken;
    replace(this.mini,
      h('span', {}, 'ROI ', h('strong', { text: show(roi) })),
      h('span', {}, `${net.label} `, h('strong', { text: show(net) })),
      h('button', { type: 'button', class: 'sr-btn', text: `${this.t.details} ↓`, on: { click: () => this.results.scrollIntoView({ behavior: 'smooth', block: 'start' }) } }));
  }

  errorList(errors) {
    return h('div', { class: 'sr-errors', attrs: { role: 'alert' } },
      h('strong', { text: this.t.fixFirst(errors.length) }),
      h('ul', {}, errors.map((err) => {
        const input = this.form.querySelector(`[data-field="${CSS.escape(err.field)}"]`);
        const label = input?.closest('.sr-field')?.querySelector('.sr-lbl')?.textContent || err.field;
        return h('li', {},
          h('a', { href: '#', text: label, on: { click: (e) => { e.preventDefault(); input?.focus(); } } }),
          `${this.colon}${err.message}`);
      })));
  }

  comparison(c) {
    const t = this.t;
    const [a, b] = c.scenarios;
    const cell = (fig) => h('td', {
      text: fig.value != null ? this.fmt.value(fig.value, fig.unit) : '—',
      title: fig.value != null ? this.describe(fig) : fig.reason,
      dataset: fig.value != null ? { value: fig.value } : {},
    });
    return h('section', { class: 'sr-comparison', attrs: { part: 'comparison' } },
      h('h3', { text: t.comparison }),
      h('table', { class: 'sr-table' },
        h('thead', {}, h('tr', {}, h('th', { text: '' }), h('th', { scope: 'col', text: a.label }), h('th', { scope: 'col', text: b.label }))),
        h('tbody', {},
          h('tr', { dataset: { row: 'total_cost' } }, h('th', { scope: 'row', text: t.totalCost }), cell(a.total_cost), cell(b.total_cost)),
          h('tr', { dataset: { row: 'net_gain' } }, h('th', { scope: 'row', text: t.netGain }), cell(a.net_gain), cell(b.net_gain)),
          h('tr', { dataset: { row: 'roi' } }, h('th', { scope: 'row', text: 'ROI' }), cell(a.roi), cell(b.roi)))),
      h('div', { class: 'sr-cards', style: { marginTop: '10px' } }, this.card(c.roi_difference), this.card(c.cost_difference)));
  }

  sensitivity(s) {
    const t = this.t;
    const section = h('section', { class: 'sr-sensitivity', attrs: { part: 'sensitivity' } },
      h('h3', { text: t.sensitivity }),
      h('p', { class: 'sr-hint', text: `${t.sensitivityHint} ${s.formula}.` }));
    if (s.reason) {
      section.append(h('p', { class: 'sr-reason', text: s.reason }));
      return section;
    }
    const rows = this.showAllSensitivity ? s.rows : s.rows.slice(0, SENSITIVITY_ROWS);
    // Geometry only: where each ROI value sits on a shared axis.
    const values = [s.base_roi, ...rows.flatMap((r) => [r.roi_low, r.roi_high])].filter((v) => v != null);
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi - lo < 1e-9) { lo -= 0.01; hi += 0.01; }
    const pos = (v) => `${(((v - lo) / (hi - lo)) * 100).toFixed(3)}%`;
    const span = (from, to) => ({ left: pos(Math.min(from, to)), width: `calc(${pos(Math.max(from, to))} - ${pos(Math.min(from, to))})` });
    const grid = h('div', { class: 'sr-tornado', attrs: { role: 'list' } });
    for (const r of rows) {
      // Each end of a bar is the ROI with the input at −20 % or +20 %; the lower ROI is drawn
      // and labelled on the left, whichever move gave it.
      const ends = [[t.minus20, r.roi_low], [t.plus20, r.roi_high]].filter(([, v]) => v != null).sort((x, y) => x[1] - y[1]);
      const bars = ends.map(([, v]) => h('span', { class: `sr-tornado-bar ${v < s.base_roi ? 'sr-low' : 'sr-high'}`, style: span(s.base_roi, v) }));
      const endText = ([move, v]) => `${move} → ${this.fmt.ratio(v)}`;
      grid.append(
        h('div', { class: 'sr-tornado-label', attrs: { role: 'listitem' }, dataset: { field: r.field } },
          h('div', { text: r.label }),
          h('div', { class: 'sr-hint', style: { margin: 0 }, text: this.fmt.value(r.value, r.unit) })),
        h('div', {},
          h('div', { class: 'sr-tornado-track', attrs: { 'aria-hidden': 'true' } }, bars, h('span', { class: 'sr-tornado-base', style: { left: pos(s.base_roi) } })),
          h('div', { class: 'sr-tornado-values' },
            h('span', { text: ends[0] ? endText(ends[0]) : '—' }),
            h('span', { text: ends[1] ? endText(ends[1]) : '' }))));
    }
    section.append(h('p', { class: 'sr-hint', text: `${t.baseRoi}${this.colon}${this.fmt.ratio(s.base_roi)}` }), grid);
    if (s.rows.length > SENSITIVITY_ROWS) {
      section.append(h('button', {
        type: 'button',
        class: 'sr-btn',
        style: { marginTop: '10px' },
        text: this.showAllSensitivity ? t.showFewer : t.showAll(s.rows.length),
        on: {
          click: () => {
            this.showAllSensitivity = !this.showAllSensitivity;
            this.renderResults(this.report);
            this.results.querySelector('.sr-sensitivity .sr-btn')?.focus();
          },
        },
      }));
    }
    return section;
  }

  actions() {
    const t = this.t;
    const status = h('span', { class: 'sr-status', attrs: { role: 'status' } });
    return h('div', { class: 'sr-actions' },
      this.shareUrl
        ? h('button', {
          type: 'button',
          class: 'sr-btn sr-primary',
          text: t.copyLink,
          dataset: { action: 'copy-link' },
          on: {
            click: async () => {
              try {
                await navigator.clipboard.writeText(this.shareUrl());
                status.textContent = t.linkCopied;
              } catch {
                status.textContent = t.linkCopyFailed;
              }
            },
          },
        })
        : null,
      h('button', { type: 'button', class: 'sr-btn', text: t.reset, dataset: { action: 'reset' }, on: { click: () => this.onReset?.() } }),
      status);
  }
}
