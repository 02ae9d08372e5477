// The options form's two controls: a labelled field (with the place of the core's message about
// it) and a select.

import { h } from '../dom.js';

/** `control` under `label`; with `path`, the place of the core's message about that option. */
export function field(label, control, path) {
  return h('label', { class: 'sr-field', dataset: path ? { path } : {} },
    h('span', { class: 'sr-lbl', text: label }), control,
    path ? h('span', { class: 'sr-a-msg', attrs: { role: 'alert' } }) : null);
}

/** A select of `[value, text]` options, `key` naming it (focus survives a re-render by it). */
export function select(key, options, current, onChange) {
  return h('select', { dataset: { key, control: key }, on: { change: (e) => onChange(e.target.value) } },
    options.map(([value, text]) => h('option', { value, text, selected: value === current })));
}
