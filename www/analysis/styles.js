// The Analysis tab's styles: the options, the report's sections, charts and tables, the
// share-count calculator, and the print view (a report per page, charts at paper width).

import { adoptable } from '../styles.js';
import { v } from '../theme.js';

const css = `
.sr-analysis { display: grid; gap: 16px; min-width: 0; }
.sr-analysis > *, .sr-a-report > *, .sr-a-part > * { min-width: 0; }
/* A part of the report (panel.js renderReport): no box of its own. */
.sr-a-part { display: contents; }
.sr-analysis h3 { font-size: 17.6px; margin: 0 0 8px; }
.sr-analysis h4 { font-size: 15.2px; margin: 12px 0 6px; }
.sr-a-quick, .sr-a-options { border: 1px solid ${v.line}; border-radius: ${v.radius}; background: ${v.panel}; padding: 10px 14px; }
.sr-a-quick { margin-bottom: 8px; }
.sr-a-quick fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
.sr-a-quick legend { font-weight: 700; padding: 0; margin-bottom: 6px; }
.sr-a-options > summary { cursor: pointer; font-weight: 700; }
.sr-a-options fieldset { border: 0; padding: 0; margin: 12px 0 0; min-width: 0; }
.sr-a-options legend { font-weight: 650; padding: 0; margin-bottom: 6px; }
.sr-a-row { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; }
.sr-a-row > .sr-field { min-width: 150px; flex: 0 1 auto; }
.sr-a-row select, .sr-a-row input[type="date"], .sr-a-row input[type="time"], .sr-a-row input[type="text"] { border: 1px solid ${v.fieldLine}; border-radius: 6px; background: ${v.field}; padding: 6px 8px; max-width: 100%; }
.sr-a-expl { margin: 6px 0 0; font-size: 14.4px; }
.sr-a-sources { margin: 4px 0 0; padding: 0; list-style: none; font-size: 12px; color: ${v.muted}; overflow-wrap: anywhere; }
.sr-a-sources code { font-size: 12px; }
.sr-net { border: 1px solid ${v.line}; border-radius: 8px; background: ${v.bg}; padding: 8px 10px; margin-top: 8px; min-width: 0; }
.sr-net-name { font-weight: 700; }
.sr-boxes { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 4px 0; }
.sr-boxes label { display: inline-flex; gap: 5px; align-items: center; font-size: 14px; min-width: 0; }
.sr-boxes input { accent-color: ${v.accent}; }
.sr-absent-tag { font-size: 11.2px; color: ${v.warn}; background: ${v.warnSoft}; border-radius: 999px; padding: 0 6px; }
.sr-counted { font-size: 12.8px; color: ${v.muted}; overflow-wrap: anywhere; }
.sr-radio { display: inline-flex; gap: 6px; align-items: center; margin-right: 14px; font-size: 14.4px; }
.sr-a-row .sr-invalid { outline: 2px solid ${v.danger}; border-radius: 6px; }
.sr-a-msg { color: ${v.danger}; font-size: 12.8px; flex-basis: 100%; }
.sr-a-msg:empty { display: none; }
.sr-a-report { display: grid; gap: 18px; min-width: 0; }
.sr-a-section { border-top: 2px solid ${v.line}; padding-top: 12px; min-width: 0; }
.sr-a-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.sr-a-def { font-size: 14.4px; display: grid; gap: 4px; }
.sr-a-def p { margin: 0; }
.sr-a-def ul { margin: 0; padding-left: 18px; }
.sr-a-kpis .sr-card { min-width: 0; }
.sr-card-head { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); margin-bottom: 10px; }
.sr-a-report .sr-card-value { overflow-wrap: anywhere; }
.sr-a-report .sr-inputs li { display: inline; }
.sr-chart-box { width: 100%; min-height: 40px; }
.sr-chart { display: block; width: 100%; height: auto; font: 11px ${v.font}; }
.sr-chart .sr-tick { fill: ${v.muted}; }
.sr-chart .sr-label { fill: ${v.fg}; font-size: 12px; }
.sr-chart .sr-value { fill: ${v.fg}; font-size: 12px; font-weight: 600; }
.sr-chart .sr-grid { stroke: ${v.line}; stroke-width: 1; }
.sr-chart .sr-axis { stroke: ${v.muted}; stroke-width: 1; }
.sr-chart .sr-bar { fill: ${v.accent}; }
.sr-chart .sr-bar.sr-neg { fill: ${v.bad}; }
.sr-chart .sr-bar.sr-alt { fill: ${v.chartAlt}; }
.sr-chart .sr-partial { fill-opacity: 0.45; }
.sr-chart .sr-bar.sr-flag { fill: ${v.danger}; }
.sr-a-estimate { border-left: 3px solid ${v.accent}; padding-left: 8px; }
.sr-a-crisis-series { margin-top: 10px; }
.sr-a-episode { border: 1px solid ${v.line}; border-radius: ${v.radius}; padding: 8px 12px; margin-top: 8px; background: ${v.bg}; }
.sr-a-episode h5 { font-size: 0.95rem; margin: 0 0 4px; }
.sr-a-episode h6 { font-size: 0.85rem; margin: 8px 0 4px; }
.sr-a-episode ul { margin: 0; padding-left: 18px; font-size: 0.875rem; }
.sr-chart .sr-line { fill: none; stroke: ${v.accent}; stroke-width: 2; }
.sr-chart .sr-dot { fill: ${v.accent}; }
.sr-chart .sr-cell { fill: ${v.panel}; }
.sr-chart .sr-cell-on { fill: ${v.accent}; }
.sr-chart .sr-cell-norate { fill: ${v.chartNone}; }
.sr-a-change { font-size: 14.4px; margin: 6px 0 0; }
.sr-a-report details > summary { cursor: pointer; color: ${v.accent}; font-size: 14px; margin-top: 6px; }
.sr-scroll { overflow-x: auto; max-width: 100%; }
.sr-a-table { border-collapse: collapse; font-size: 13.6px; font-variant-numeric: tabular-nums; min-width: 100%; }
.sr-a-table th, .sr-a-table td { border-bottom: 1px solid ${v.line}; padding: 4px 8px; text-align: right; vertical-align: top; }
.sr-a-table th:first-child, .sr-a-table td:first-child, .sr-a-table .sr-txt { text-align: left; }
.sr-a-table td.sr-txt { min-width: 9em; max-width: 22em; overflow-wrap: break-word; }
.sr-a-table td.sr-date { white-space: nowrap; }
/* A phone: each post a card, every figure on its own line beside its column's name; the sort
   buttons a row of chips above. */
@container (max-width: 480px) {
  [data-posts] .sr-scroll { overflow: visible; }
  [data-posts] .sr-a-table, [data-posts] .sr-a-table thead, [data-posts] .sr-a-table tbody, [data-posts] .sr-a-table tr, [data-posts] .sr-a-table td { display: block; min-width: 0; }
  [data-posts] .sr-a-table thead tr { display: flex; flex-wrap: wrap; gap: 4px 6px; margin-bottom: 8px; }
  [data-posts] .sr-a-table thead th { border: 1px solid ${v.line}; border-radius: 999px; padding: 2px 8px; }
  [data-posts] .sr-a-table tbody tr { border: 1px solid ${v.line}; border-radius: 8px; padding: 6px 10px; margin-bottom: 8px; background: ${v.bg}; }
  [data-posts] .sr-a-table td { border: 0; padding: 2px 0; text-align: right; display: flex; justify-content: space-between; gap: 12px; }
  [data-posts] .sr-a-table td::before { content: attr(data-label); color: ${v.muted}; font-size: 12px; text-align: left; flex: 0 0 auto; }
  [data-posts] .sr-a-table td.sr-txt { max-width: none; text-align: left; display: block; }
  [data-posts] .sr-a-table td.sr-txt::before { display: block; }
}
.sr-a-table thead th { color: ${v.muted}; font-size: 12.8px; white-space: nowrap; }
.sr-a-table th button { border: 0; background: none; font: inherit; color: inherit; cursor: pointer; padding: 0; text-align: inherit; }
.sr-a-table th[aria-sort="ascending"] button::after { content: " ▲"; }
.sr-a-table th[aria-sort="descending"] button::after { content: " ▼"; }
.sr-a-two { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 900px) { .sr-a-two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.sr-a-cost-lines { display: grid; gap: 6px; }
.sr-a-cost-line { display: flex; flex-wrap: wrap; gap: 6px; align-items: end; }
.sr-a-status { font-size: 14.4px; }
.sr-a-status ul { margin: 4px 0; padding-left: 18px; }
.sr-share-grid { display: grid; gap: 8px 12px; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); align-items: end; }
.sr-share-grid .sr-field input { border: 1px solid ${v.fieldLine}; border-radius: 6px; padding: 6px 8px; }
.sr-share-grid .sr-computed input { border-color: ${v.accent}; background: ${v.accentSoft}; font-weight: 700; }
.sr-print-only { display: none; }
.sr-warnings { margin: 0; padding-left: 18px; font-size: 13.6px; color: ${v.warn}; }
@media print {
  .sr-analysis, .sr-a-report { display: block; }
  .sr-app > .sr-notice { display: none !important; }
  .sr-analysis h3, .sr-analysis h4 { break-after: avoid; }
  .sr-tabs, .sr-head .sr-controls, .sr-a-quick, .sr-a-options, .sr-a-exports, .sr-a-apply, .sr-btn, .sr-drop, .sr-a-series-controls, .sr-a-share { display: none !important; }
  .sr-print-only { display: block; }
  .sr-app { padding: 0; max-width: none; }
  .sr-a-section { break-before: page; border-top: 0; }
  .sr-a-section.sr-a-first { break-before: auto; }
  .sr-card, .sr-chart, .sr-a-table tr, .sr-net { break-inside: avoid; }
  .sr-a-report details { display: block; }
  .sr-a-report details > summary { display: none; }
  .sr-card.sr-headline { color: #000; background: none; border: 2px solid #000; }
  .sr-headline .sr-card-label, .sr-headline .sr-formula, .sr-headline .sr-inputs { color: #333; }
  .sr-scroll { overflow: visible; }
}
`;

/** The Analysis tab's stylesheet, constructed once. */
export const sheet = adoptable(css);
