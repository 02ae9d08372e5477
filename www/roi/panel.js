// The ROI calculator's panel (the first tab): the form over the core's input JSON
// (roi/form.js), and the core's report rendered as it comes (roi/results.js). Each edit
// updates the input in place and asks the core again; nothing here computes a figure.

import { h, replace } from '../dom.js';
import { Format } from '../format.js';
import { pick, strings } from '../i18n.js';
import { PART } from '../theme.js';
import { buildForm, lineFields, list, LISTS } from './form.js';
import { getPath, setPath } from './paths.js';
import { renderMini, renderResults, showErrors, showLineResults } from './results.js';
import { STRINGS } from './strings.js';
import { sheet } from './styles.js';

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
    this.t = pick(STRINGS, lang);
    this.colon = strings(lang).colon;
    this.langMark = core.decimalMark(lang);
    this.sheets = [sheet()];
    this.showAllSensitivity = false;
    this.stashedAlternative = null;
    this.pending = false;
    this.form = h('form', {
      class: 'sr-inputs-form',
      attrs: { novalidate: true, part: PART.form },
      on: {
        submit: (e) => e.preventDefault(),
        input: (e) => this.onInput(e),
        change: (e) => this.onChangeEvent(e),
        click: (e) => this.onClick(e),
      },
    });
    this.results = h('section', { class: 'sr-results', attrs: { part: PART.results, tabindex: '0', 'aria-labelledby': 'sr-results-title' } });
    // What a screen reader hears after each change: the headline figures, not the whole column.
    this.status = h('p', { class: 'sr-visually-hidden', attrs: { role: 'status' } });
    // On narrow screens the results sit below a long form: this bar keeps ROI in sight.
    this.mini = h('div', { class: 'sr-mini', attrs: { part: PART.summaryBar } });
    this.el = h('div', { class: 'sr-roi' }, h('div', { class: 'sr-form-col' }, this.form, this.mini), this.results, this.status);
    buildForm(this);
    this.compute();
  }

  /** The decimal mark the fields show numbers with: the input's, else this language's. */
  get mark() {
    return this.input.decimal_mark || this.langMark;
  }

  /** Replaces the whole input (reset, a link opened in the same tab). */
  load(input) {
    this.input = input;
    this.stashedAlternative = null;
    buildForm(this);
    this.compute();
  }

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
      buildForm(this);
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
      if (box) replace(box, lineFields(this, linePath.replace(/\[\d+\]$/, ''), linePath));
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
    old.replaceWith(list(this, prefix));
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.compute(true);
    });
  }

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
    showErrors(this, report.errors);
    showLineResults(this, report);
    renderResults(this, report);
    renderMini(this, report);
    this.onChange?.(this.input, report, edited);
  }
}
