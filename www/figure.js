// The figure card, the one way every tab shows a figure of the core's: its label, its value
// (or why it has none), its formula and the inputs it used, with all of that in its tooltip
// too. Nothing here computes: `fmt` (format.js) only writes the value in the user's locale.

import { h } from './dom.js';
import { strings } from './i18n.js';
import { PART, v } from './theme.js';

/** Formula and inputs in one line, for tooltips. */
export function describe(fig, fmt) {
  const inputs = fig.inputs.map((i) => `${i.name} = ${fmt.value(i.value, i.unit)}`).join(' ; ');
  return inputs ? `${fig.formula}\n${inputs}` : fig.formula;
}

/**
 * The card of `fig` (none for none), its values written by `fmt`, in `lang`; `extra` classes;
 * its label a heading of `level` (4: a card sits under a section's h3; a card right under an h2
 * says 3, so that headings go down one level at a time).
 */
export function figureCard(fig, fmt, lang, extra = '', level = 4) {
  if (!fig) return null;
  const t = strings(lang);
  const has = fig.value != null;
  return h('article', { class: `sr-card ${extra}`, dataset: { id: fig.id }, title: describe(fig, fmt), attrs: { part: PART.figure } },
    h(`h${level}`, { class: 'sr-card-label', text: fig.label }),
    h('p', { class: `sr-card-value${has ? '' : ' sr-na'}`, text: has ? fmt.value(fig.value, fig.unit) : '—', dataset: has ? { value: fig.value } : {} }),
    has ? null : h('p', { class: 'sr-reason', text: fig.reason }),
    h('p', { class: 'sr-formula', text: fig.formula }),
    fig.inputs.length
      ? h('ul', { class: 'sr-inputs', attrs: { 'aria-label': t.inputsUsed } },
        fig.inputs.map((i) => h('li', { text: `${i.name}${t.colon}${fmt.value(i.value, i.unit)}` })))
      : null);
}

/** A grid of cards. */
export function figureCards(figs, fmt, lang) {
  return h('div', { class: 'sr-cards' }, figs.map((f) => figureCard(f, fmt, lang)));
}

/** The cards' styles, part of the element's shared stylesheet (styles.js). */
export const figureCss = `
.sr-card.sr-headline { background: ${v.accent}; color: ${v.onAccent}; border-color: transparent; padding: 16px 18px; }
.sr-headline .sr-card-label { color: ${v.onAccentMuted}; }
.sr-headline .sr-card-value { font-size: 38.4px; }
.sr-headline .sr-formula, .sr-headline .sr-inputs { color: ${v.onAccentMuted}; }
.sr-headline .sr-card-value.sr-na { color: ${v.onAccent}; }
.sr-headline .sr-reason { color: ${v.onAccent}; }
.sr-cards { display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); }
.sr-card { border: 1px solid ${v.line}; border-radius: ${v.radius}; padding: 10px 12px; background: ${v.bg}; }
.sr-card-label { font-size: 13.6px; color: ${v.muted}; font-weight: 600; }
.sr-card-value { font-size: 23.2px; font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; }
.sr-card-value.sr-na { color: ${v.muted}; }
.sr-reason { font-size: 13.6px; color: ${v.danger}; margin: 0 0 4px; }
.sr-formula { font-size: 12.8px; color: ${v.muted}; margin: 4px 0 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sr-inputs { list-style: none; margin: 4px 0 0; padding: 0; font-size: 12.8px; color: ${v.muted}; }
.sr-inputs li { display: inline; }
.sr-inputs li + li::before { content: " · "; }
`;
