// The draw's rules as the user types them: per person or per comment, winners and alternates,
// replies, mentions, keywords, the window, exclusions, bonus entries; and the rules in the shape
// the core takes (`rulesInput`).

import { h, replace, uid } from '../dom.js';
import { fieldText } from '../format.js';

/** Words separated by commas or line breaks, trimmed, blanks dropped. */
function splitList(text) {
  return String(text || '').split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}

/** The rules as the core takes them, from what is typed. */
export function rulesInput(panel) {
  const r = panel.store.rules;
  const when = (d, tm) => (d || tm ? [d, tm].filter(Boolean).join('T') : null);
  return {
    per: r.per,
    winners: r.winners,
    alternates: r.alternates,
    include_replies: r.include_replies,
    min_mentions: r.min_mentions,
    keywords: splitList(r.keywords),
    from: when(r.from_date, r.from_time),
    until: when(r.until_date, r.until_time),
    organiser: panel.store.account || null,
    exclude: splitList(r.exclude),
    bonus: r.bonus,
    bonus_per_mention: r.bonus_per_mention,
    max_entries: r.max_entries,
    exclude_suspicious: r.exclude_suspicious || [],
    scheme: r.scheme || 'sha256',
  };
}

function ruleField(panel, key, label, hint, { type = 'text', inputMode = 'numeric', unit = null } = {}) {
  const id = uid('r');
  const msg = uid('m');
  const r = panel.store.rules;
  const input = h(type === 'textarea' ? 'textarea' : 'input', {
    id,
    type: type === 'textarea' ? undefined : type,
    class: type === 'textarea' ? 'sr-textarea' : '',
    inputMode: type === 'text' ? inputMode : undefined,
    autocomplete: 'off',
    spellcheck: false,
    value: fieldText(r[key], panel.mark),
    dataset: { rule: key },
    attrs: { 'aria-describedby': hint ? `${msg} ${msg}h` : msg },
    on: { input: (e) => { r[key] = e.target.value; panel.scheduleDraw(); } },
  });
  return h('label', { class: 'sr-field', htmlFor: id },
    h('span', { class: 'sr-lbl', text: label }),
    type === 'textarea' || type === 'date' || type === 'time' ? input : h('span', { class: 'sr-input' }, input, unit ? h('span', { class: 'sr-unit', text: unit }) : null),
    hint ? h('span', { class: 'sr-field-hint', id: `${msg}h`, text: hint }) : null,
    h('span', { class: 'sr-msg', id: msg, attrs: { role: 'alert' } }));
}

/** The rules form, bound to the tab's store: each change prepares the draw again. */
export function rulesForm(panel) {
  const t = panel.t;
  const r = panel.store.rules;
  const name = uid('per');
  const radio = (value, label) => h('label', { class: 'sr-radio' },
    h('input', { type: 'radio', name, value, checked: r.per === value, dataset: { rule: 'per' }, on: { change: () => { r.per = value; panel.scheduleDraw(); } } }),
    h('span', { text: label }));
  panel.bonusBox = h('div');
  const schemeName = uid('scheme');
  const scheme = (value, label) => h('label', { class: 'sr-radio' },
    h('input', { type: 'radio', name: schemeName, value, checked: (r.scheme || 'sha256') === value, dataset: { rule: 'scheme' }, on: { change: () => { r.scheme = value; panel.syncSeed?.(); panel.scheduleDraw(); } } }),
    h('span', { text: label }));
  const rules = h('fieldset', { class: 'sr-section sr-noprint', dataset: { section: 'rules' } },
    h('legend', { text: t.rules }),
    h('div', { role: 'radiogroup' }, h('span', { class: 'sr-lbl', text: t.per }), radio('person', t.perPerson), radio('comment', t.perComment)),
    h('div', { class: 'sr-fields' },
      ruleField(panel, 'winners', t.winners),
      ruleField(panel, 'alternates', t.alternates),
      ruleField(panel, 'min_mentions', t.mentions)),
    h('p', { class: 'sr-hint', text: t.alternatesHint }),
    h('div', { class: 'sr-fields sr-wide-fields' }, ruleField(panel, 'keywords', t.keywords, t.keywordsHint, { inputMode: 'text' })),
    h('label', { class: 'sr-check' },
      h('input', { type: 'checkbox', checked: r.include_replies, dataset: { rule: 'include_replies' }, on: { change: (e) => { r.include_replies = e.target.checked; panel.scheduleDraw(); } } }),
      h('span', { text: t.replies })),
    h('div', { class: 'sr-two', style: { marginTop: '8px' } },
      h('div', { class: 'sr-datetime', dataset: { window: 'from' } }, ruleField(panel, 'from_date', t.from, '', { type: 'date' }), ruleField(panel, 'from_time', t.time, '', { type: 'time' })),
      h('div', { class: 'sr-datetime', dataset: { window: 'until' } }, ruleField(panel, 'until_date', t.until, '', { type: 'date' }), ruleField(panel, 'until_time', t.time, '', { type: 'time' }))),
    h('p', { class: 'sr-hint', text: t.timeHint }),
    h('div', { class: 'sr-two', style: { marginTop: '8px' } },
      ruleField(panel, 'exclude', t.exclude, t.excludeHint, { type: 'textarea' }),
      h('div', {}, h('span', { class: 'sr-lbl', text: t.bonus }), h('p', { class: 'sr-hint', text: t.bonusHint }), panel.bonusBox)),
    h('details', { style: { marginTop: '8px' }, open: r.scheme === 'rfc3797' },
      h('summary', { text: t.more }),
      h('div', { class: 'sr-fields' },
        ruleField(panel, 'bonus_per_mention', t.perMention),
        ruleField(panel, 'max_entries', t.maxEntries)),
      h('div', { role: 'radiogroup', dataset: { schemes: '' }, style: { marginTop: '8px' } },
        h('span', { class: 'sr-lbl', text: t.scheme }), scheme('sha256', t.schemeSha256), scheme('rfc3797', t.schemeRfc3797)),
      h('p', { class: 'sr-hint', text: t.schemeHint })));
  renderBonus(panel);
  return rules;
}

function renderBonus(panel) {
  const t = panel.t;
  const rows = panel.store.rules.bonus;
  replace(panel.bonusBox,
    rows.map((b, i) => h('div', { class: 'sr-bonus-row', dataset: { bonus: i } },
      bonusField(panel, b, 'entrant', i, t.bonusWho, 'text'),
      bonusField(panel, b, 'entries', i, t.bonusCount, 'numeric'),
      h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': t.remove }, on: { click: () => { rows.splice(i, 1); renderBonus(panel); panel.scheduleDraw(); } } }))),
    h('button', { type: 'button', class: 'sr-btn', style: { marginTop: '6px' }, dataset: { action: 'add-bonus' }, text: `+ ${t.addBonus}`, on: { click: () => { rows.push({ entrant: '', entries: '' }); renderBonus(panel); panel.bonusBox.querySelector('.sr-bonus-row:last-of-type input')?.focus(); } } }));
}

function bonusField(panel, b, key, i, label, inputMode) {
  const id = uid('b');
  return h('label', { class: 'sr-field', htmlFor: id },
    h('span', { class: 'sr-lbl', text: label }),
    h('span', { class: 'sr-input' }, h('input', { id, type: 'text', inputMode, autocomplete: 'off', value: fieldText(b[key], panel.mark), dataset: { rule: `bonus[${i}].${key}` }, on: { input: (e) => { b[key] = e.target.value; panel.scheduleDraw(); } } })),
    h('span', { class: 'sr-msg', attrs: { role: 'alert' } }));
}
