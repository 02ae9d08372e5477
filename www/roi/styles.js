// The calculator's own styles: its cost and return lines, the bar that keeps ROI in sight on
// narrow screens, the scenarios' table and the sensitivity chart.

import { adoptable } from '../styles.js';
import { v } from '../theme.js';

const css = `
.sr-mini { position: sticky; bottom: 0; z-index: 2; display: flex; gap: 6px 16px; flex-wrap: wrap; align-items: center; justify-content: space-between;
  background: ${v.accent}; color: ${v.onAccent}; padding: 8px 12px; border-radius: ${v.radius} ${v.radius} 0 0; box-shadow: 0 -2px 10px rgb(0 0 0 / 0.15); }
.sr-mini .sr-btn { background: ${v.field}; }
.sr-mini .sr-btn:hover { background: ${v.accentSoft}; }
@container (min-width: 980px) { .sr-mini { display: none; } }
.sr-sub { margin: 14px 0 6px; font-weight: 650; font-size: 16px; }
.sr-line { border: 1px solid ${v.line}; border-radius: 8px; padding: 10px 12px; margin: 0 0 10px; background: ${v.panel}; }
.sr-line-head { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
.sr-line-head .sr-field { flex: 1 1 200px; }
.sr-line-head .sr-field:has(select) { flex-basis: 240px; }
.sr-line-head input { border: 1px solid ${v.fieldLine}; border-radius: 6px; background: ${v.field}; padding: 6px 8px; width: 100%; min-width: 0; outline: none; }
.sr-line-result { display: flex; justify-content: space-between; gap: 12px; margin-top: 8px; font-size: 14px; color: ${v.muted}; }
.sr-line-result strong { color: ${v.fg}; font-variant-numeric: tabular-nums; }
.sr-line-result .sr-na { color: ${v.danger}; font-weight: 400; }
.sr-table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.sr-table th, .sr-table td { padding: 6px 8px; border-bottom: 1px solid ${v.line}; text-align: right; }
.sr-table th:first-child, .sr-table td:first-child { text-align: left; }
.sr-table thead th { font-size: 13.6px; color: ${v.muted}; }
.sr-tornado { display: grid; grid-template-columns: minmax(0, 0.9fr) minmax(0, 1.4fr); gap: 6px 10px; align-items: center; font-size: 13.6px; }
.sr-tornado-label { overflow-wrap: anywhere; }
.sr-tornado-track { position: relative; height: 26px; background: ${v.panel}; border-radius: 4px; }
.sr-tornado-bar { position: absolute; top: 4px; bottom: 4px; border-radius: 3px; }
.sr-tornado-bar.sr-low { background: ${v.low}; }
.sr-tornado-bar.sr-high { background: ${v.high}; }
.sr-tornado-base { position: absolute; top: 0; bottom: 0; width: 2px; background: ${v.fg}; }
.sr-tornado-values { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; color: ${v.muted}; margin-top: 3px; }
.sr-actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
`;

/** The calculator's stylesheet, constructed once. */
export const sheet = adoptable(css);
