// The Report tab's form: title, period, what it is compared with, the sections ticked, the
// branding (names, accent colour, a logo dropped or chosen, kept as a data URL), the paper,
// and the buttons (Download PDF, Save report, Open a report). Typed text goes to the core
// as typed; its messages go next to the field (`data-error-for`).

import { h } from '../dom.js';

function field(label, control, errorFor) {
  return h('label', { class: 'sr-field' }, h('span', { class: 'sr-label', text: label }), control,
    errorFor ? h('span', { class: 'sr-error', dataset: { errorFor }, attrs: { role: 'alert' } }) : null);
}

function text(p, value, onInput, key, type = 'text') {
  return h('input', { type, value: value ?? '', dataset: { key }, on: { input: (e) => onInput(e.target.value) } });
}

/** A data URL of an image file, or null for anything else. */
function dataUrl(file) {
  if (!file || !/^image\//.test(file.type)) return Promise.resolve(null);
  return new Promise((ok) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result));
    r.onerror = () => ok(null);
    r.readAsDataURL(file);
  });
}

function periodFields(p) {
  const t = p.t;
  const i = p.input;
  const custom = i.comparison === 'custom';
  return h('fieldset', { class: 'sr-r-row' }, h('legend', { text: t.period }),
    field(t.title, text(p, i.title, (v) => p.set((o) => { o.title = v; }), 'title')),
    field(t.from, text(p, i.period.from, (v) => p.set((o) => { o.period.from = v; }), 'period.from', 'date'), 'period.from'),
    field(t.to, text(p, i.period.to, (v) => p.set((o) => { o.period.to = v; }), 'period.to', 'date'), 'period.to'),
    field(t.comparison, h('select', { dataset: { key: 'comparison' }, on: { change: (e) => p.set((o) => { o.comparison = e.target.value; }, { form: true, delay: 0 }) } },
      Object.entries(t.comparisons).map(([k, label]) => h('option', { value: k, text: label, selected: k === i.comparison, disabled: k === 'saved' && !i.previous_issue }))), 'comparison'),
    custom ? field(t.from, text(p, i.comparison_period.from, (v) => p.set((o) => { o.comparison_period.from = v; }), 'comparison_period.from', 'date'), 'comparison_period.from') : null,
    custom ? field(t.to, text(p, i.comparison_period.to, (v) => p.set((o) => { o.comparison_period.to = v; }), 'comparison_period.to', 'date'), 'comparison_period.to') : null,
    h('p', { class: 'sr-hint', text: t.periodHint }));
}

function sectionBoxes(p) {
  const all = p.report.all_sections;
  const ticked = (id) => !p.input.sections.length || p.input.sections.includes(id);
  return h('fieldset', { class: 'sr-r-row' }, h('legend', { text: p.t.sections }),
    h('div', { class: 'sr-boxes' }, all.map((s) => h('label', {},
      h('input', { type: 'checkbox', checked: ticked(s.id), dataset: { section: s.id }, on: { change: (e) => p.set((o) => {
        const now = all.map((x) => x.id).filter((id) => (id === s.id ? e.target.checked : ticked(id)));
        o.sections = now;
      }, { delay: 0 }) } }),
      s.title))));
}

function brandingFields(p) {
  const t = p.t;
  const b = p.input.branding;
  const setLogo = async (file) => {
    const url = await dataUrl(file);
    if (url) p.set((o) => { o.branding.logo = url; }, { form: true, delay: 0 });
  };
  const logo = h('div', {
    class: 'sr-r-logo-drop',
    dataset: { drop: 'logo' },
    on: {
      dragover: (e) => { e.preventDefault(); e.stopPropagation(); },
      drop: (e) => { e.preventDefault(); e.stopPropagation(); setLogo(e.dataTransfer?.files?.[0]); },
    },
  },
  b.logo ? h('img', { src: b.logo, alt: '', class: 'sr-r-logo-preview' }) : null,
  h('input', { type: 'file', accept: 'image/*', dataset: { key: 'logo' }, on: { change: (e) => setLogo(e.target.files[0]) } }),
  b.logo ? h('button', { type: 'button', class: 'sr-btn', text: t.removeLogo, on: { click: () => p.set((o) => { o.branding.logo = ''; }, { form: true, delay: 0 }) } }) : null);
  return h('fieldset', { class: 'sr-r-row' }, h('legend', { text: t.branding }),
    field(t.agency, text(p, b.agency, (v) => p.set((o) => { o.branding.agency = v; }), 'branding.agency')),
    field(t.client, text(p, b.client, (v) => p.set((o) => { o.branding.client = v; }), 'branding.client')),
    field(t.accent, text(p, b.accent || '#0f766e', (v) => p.set((o) => { o.branding.accent = v; }, { delay: 0 }), 'branding.accent', 'color')),
    field(t.logo, logo),
    field(t.paper, h('select', { dataset: { key: 'paper' }, on: { change: (e) => { p.store.paper = e.target.value; p.print.apply(p.store.paper, p.input.branding.accent); } } },
      ['A4', 'Letter'].map((k) => h('option', { value: k, text: k, selected: k === p.store.paper })))));
}

function actions(p) {
  const t = p.t;
  const opener = h('input', { type: 'file', accept: '.json,application/json', hidden: true, dataset: { key: 'open' }, on: { change: (e) => { if (e.target.files[0]) p.open(e.target.files[0]); } } });
  return h('div', { class: 'sr-r-actions' },
    h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.pdf, dataset: { action: 'pdf' }, on: { click: () => p.pdf() } }),
    h('button', { type: 'button', class: 'sr-btn', text: t.save, dataset: { action: 'save' }, on: { click: () => p.save() } }),
    h('button', { type: 'button', class: 'sr-btn', text: t.open, dataset: { action: 'open' }, on: { click: () => opener.click() } }),
    opener,
    p.openError ? h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: p.openError }) : null,
    device(p));
}

/** The opt-in "remember on this device" box, and "Forget on this device" once it is ticked. */
function device(p) {
  const t = p.t;
  return h('div', { class: 'sr-r-device', dataset: { device: p.store.remember ? 'on' : 'off' } },
    h('label', {},
      h('input', { type: 'checkbox', checked: !!p.store.remember, dataset: { key: 'remember' }, on: { change: (e) => p.setRemember(e.target.checked) } }),
      ` ${t.remember}`),
    p.store.remember || p.store.remembered ? h('button', { type: 'button', class: 'sr-btn', text: t.forget, dataset: { action: 'forget' }, on: { click: () => p.forget() } }) : null,
    h('span', { class: 'sr-hint', attrs: { role: 'status' }, dataset: { deviceStatus: '' }, text: p.deviceStatus ?? t.rememberHint }));
}

/** The form above the document. */
export function controls(p) {
  return h('div', { class: 'sr-r-controls' }, actions(p), periodFields(p), sectionBoxes(p), brandingFields(p));
}
