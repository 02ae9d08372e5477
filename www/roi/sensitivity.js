// The sensitivity chart: for each input, the ROI with it at −20 % and at +20 %, as bars on one
// axis around the current ROI (geometry only: every ROI comes from the core).

import { h } from '../dom.js';
import { PART } from '../theme.js';
import { renderResults } from './results.js';

const SENSITIVITY_ROWS = 8;

/** The sensitivity section of report `s` (its reason when it has none). */
export function sensitivity(panel, s) {
  const t = panel.t;
  const section = h('section', { class: 'sr-sensitivity', attrs: { part: PART.sensitivity } },
    h('h3', { text: t.sensitivity }),
    h('p', { class: 'sr-hint', text: `${t.sensitivityHint} ${s.formula}.` }));
  if (s.reason) {
    section.append(h('p', { class: 'sr-reason', text: s.reason }));
    return section;
  }
  const rows = panel.showAllSensitivity ? s.rows : s.rows.slice(0, SENSITIVITY_ROWS);
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
    const endText = ([move, v]) => `${move} → ${panel.fmt.ratio(v)}`;
    grid.append(
      h('div', { class: 'sr-tornado-label', attrs: { role: 'listitem' }, dataset: { field: r.field } },
        h('div', { text: r.label }),
        h('div', { class: 'sr-hint', style: { margin: 0 }, text: panel.fmt.value(r.value, r.unit) })),
      h('div', {},
        h('div', { class: 'sr-tornado-track', attrs: { 'aria-hidden': 'true' } }, bars, h('span', { class: 'sr-tornado-base', style: { left: pos(s.base_roi) } })),
        h('div', { class: 'sr-tornado-values' },
          h('span', { text: ends[0] ? endText(ends[0]) : '—' }),
          h('span', { text: ends[1] ? endText(ends[1]) : '' }))));
  }
  section.append(h('p', { class: 'sr-hint', text: `${t.baseRoi}${panel.colon}${panel.fmt.ratio(s.base_roi)}` }), grid);
  if (s.rows.length > SENSITIVITY_ROWS) {
    section.append(h('button', {
      type: 'button',
      class: 'sr-btn',
      style: { marginTop: '10px' },
      text: panel.showAllSensitivity ? t.showFewer : t.showAll(s.rows.length),
      on: {
        click: () => {
          panel.showAllSensitivity = !panel.showAllSensitivity;
          renderResults(panel, panel.report);
          panel.results.querySelector('.sr-sensitivity .sr-btn')?.focus();
        },
      },
    }));
  }
  return section;
}
