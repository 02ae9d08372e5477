// The Report tab's styles: the form, the document (cover, sections, figure tables, arrows in
// the accent colour), and the print view: the cover on a page of its own, one section per
// page, tables whose rows never split, charts and logo at their size, the form, the
// calculator's own heading and the embed panel hidden (the paper is the client's report).

import { adoptable } from '../styles.js';
import { v } from '../theme.js';

const css = `
.sr-report { display: grid; gap: 16px; min-width: 0; --report-accent: ${v.accent}; }
.sr-r-controls, .sr-r-bench { border: 1px solid ${v.line}; border-radius: ${v.radius}; background: ${v.panel}; padding: 10px 14px; display: grid; gap: 10px; min-width: 0; }
.sr-r-bench { margin-top: 10px; }
.sr-r-controls fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
.sr-r-controls legend, .sr-r-bench legend { font-weight: 700; padding: 0; margin-bottom: 6px; }
.sr-r-row { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; }
.sr-r-row .sr-field { display: grid; gap: 2px; min-width: 140px; }
.sr-r-row input, .sr-r-row select, .sr-r-bench-form input[type="text"] { border: 1px solid ${v.fieldLine}; border-radius: 6px; padding: 6px 8px; background: ${v.field}; color: inherit; max-width: 100%; }
.sr-r-bench-form input[type="text"] { width: 7.5em; }
.sr-r-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.sr-r-device { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; border-top: 1px solid ${v.line}; padding-top: 8px; }
.sr-r-device label, .sr-r-files { display: inline-flex; gap: 6px; align-items: center; font-weight: 600; }
.sr-r-logo-drop { display: flex; gap: 8px; align-items: center; border: 1px dashed ${v.line}; border-radius: 8px; padding: 6px; }
.sr-r-logo-preview { max-height: 40px; max-width: 120px; }
.sr-error:empty { display: none; }
.sr-error { color: ${v.danger}; font-size: 0.8rem; }
.sr-r-document { display: grid; gap: 18px; min-width: 0; }
.sr-r-cover { border-top: 6px solid var(--report-accent); padding: 18px 0 8px; }
.sr-r-logo { height: 64px; width: auto; max-width: 240px; object-fit: contain; object-position: left; display: block; margin-bottom: 12px; }
.sr-r-title { font-size: 1.9rem; margin: 4px 0; color: var(--report-accent); }
.sr-r-agency, .sr-r-client { margin: 2px 0; font-weight: 600; }
.sr-r-period, .sr-r-previous { margin: 2px 0; }
.sr-r-section { border-top: 2px solid var(--report-accent); padding-top: 8px; min-width: 0; }
.sr-r-section h2 { font-size: 1.25rem; margin: 0 0 8px; color: var(--report-accent); }
.sr-r-table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
.sr-r-table th, .sr-r-table td { border-bottom: 1px solid ${v.line}; padding: 5px 8px; text-align: left; vertical-align: top; }
.sr-r-table .sr-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sr-r-figures tbody th { font-weight: 600; }
.sr-r-table .sr-formula { display: block; font-weight: 400; }
.sr-r-arrow { font-weight: 700; text-align: center; }
.sr-r-up { color: var(--report-accent); }
.sr-r-down { color: ${v.danger}; }
.sr-r-flat, .sr-r-none { color: ${v.muted}; }
.sr-r-own th { color: var(--report-accent); }
.sr-r-why { font-size: 0.8rem; max-width: 22em; }
.sr-r-contest-name { font-weight: 600; margin: 4px 0; }
.sr-r-draw { margin-top: 12px; }
.sr-r-draw h3 { font-size: 1.05rem; margin: 6px 0; color: var(--report-accent); }
.sr-r-draw h4 { margin: 6px 0 2px; }
.sr-r-draw p { margin: 2px 0; }
.sr-r-hash { font-family: ui-monospace, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.sr-r-picks { display: flex; flex-wrap: wrap; gap: 4px 32px; }
.sr-r-picks ol, .sr-r-rules { margin: 2px 0; padding-left: 1.4em; }
.sr-r-edit { display: grid; gap: 4px; margin: 8px 0; }
.sr-r-edit textarea { width: 100%; box-sizing: border-box; border: 1px solid ${v.fieldLine}; border-radius: 6px; padding: 6px 8px; font: inherit; background: ${v.field}; color: inherit; }
.sr-r-text { white-space: pre-wrap; margin: 6px 0; }
.sr-r-text:empty { display: none !important; }
.sr-print-only { display: none; }
@media print {
  .sr-report, .sr-r-document { display: block; }
  .sr-app > .sr-notice, .sr-tabs, .sr-head, .sr-embed-slot, .sr-noprint, .sr-btn { display: none !important; }
  .sr-print-only { display: block; }
  .sr-app { padding: 0; max-width: none; }
  .sr-r-cover { break-after: page; min-height: 60vh; padding-top: 30%; border-top-width: 10px; }
  .sr-r-section { break-before: page; border-top: 0; }
  .sr-r-section h2 { border-bottom: 2px solid var(--report-accent); padding-bottom: 4px; }
  .sr-r-table tr, .sr-r-edit, .sr-r-logo, .sr-r-draw, .sr-r-draw p, .sr-r-picks { break-inside: avoid; }
  .sr-r-draw h3, .sr-r-draw h4 { break-after: avoid; }
  .sr-r-table thead { display: table-header-group; }
  .sr-scroll { overflow: visible; }
  .sr-r-table { font-size: 9pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The Report tab's stylesheet, constructed once. */
export const sheet = adoptable(css);
