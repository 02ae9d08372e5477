// The Contest tab's styles: its views, drop zones and file cards, follower slots, the draw's
// rules, fingerprint and lists, the certificate (on screen and printed), the verdict.

import { adoptable } from '../styles.js';
import { v } from '../theme.js';

const css = `
.sr-contest { display: grid; gap: 16px; min-width: 0; }
.sr-contest .sr-section { margin: 0; min-width: 0; }
.sr-views { display: flex; flex-wrap: wrap; gap: 6px; }
.sr-view-btn { border: 1px solid ${v.line}; background: ${v.bg}; border-radius: 999px; padding: 6px 14px; font-weight: 650; cursor: pointer; color: ${v.muted}; }
.sr-view-btn[aria-pressed="true"] { background: ${v.accent}; border-color: ${v.accent}; color: ${v.onAccent}; }
.sr-zone { border: 2px dashed ${v.line}; border-radius: 8px; padding: 10px 12px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: center; text-align: center; background: ${v.panel}; }
.sr-zone.sr-over { border-color: ${v.accent}; background: ${v.accentSoft}; }
.sr-efile { border: 1px solid ${v.line}; border-radius: 8px; padding: 8px 10px; display: grid; gap: 4px; min-width: 0; background: ${v.bg}; }
.sr-efile-head { display: flex; gap: 8px; align-items: start; justify-content: space-between; }
.sr-efile-name { font-weight: 650; overflow-wrap: anywhere; }
.sr-facts { font-size: 13.6px; color: ${v.muted}; overflow-wrap: anywhere; }
.sr-problems { margin: 0; padding-left: 18px; font-size: 13.6px; overflow-wrap: anywhere; }
.sr-problems.sr-errors-list { color: ${v.danger}; }
.sr-problems.sr-warnings-list, .sr-warn-text { color: ${v.warn}; }
.sr-list-stack { display: grid; gap: 8px; margin-top: 8px; }
.sr-two { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr)); align-items: start; }
.sr-slot { border: 1px solid ${v.line}; border-radius: 8px; padding: 10px 12px; background: ${v.panel}; display: grid; gap: 8px; min-width: 0; }
.sr-slot-head { display: flex; justify-content: space-between; gap: 8px; align-items: center; font-weight: 650; }
.sr-textarea { width: 100%; min-height: 70px; border: 1px solid ${v.fieldLine}; border-radius: 6px; padding: 6px 8px; font: inherit; }
.sr-radio { display: flex; gap: 8px; align-items: start; margin: 4px 0; }
.sr-radio input { margin-top: 4px; accent-color: ${v.accent}; }
.sr-wide-fields { grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); }
.sr-round-field { grid-column: 1 / -1; max-width: 60rem; }
.sr-round-field textarea { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 0.85em; }
.sr-datetime { display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 6px; }
.sr-bonus-row { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto; gap: 8px; align-items: end; margin-top: 6px; }
.sr-fp { font: 15.2px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; background: ${v.panel}; border: 1px solid ${v.line}; border-radius: 8px; padding: 8px 10px; user-select: all; }
.sr-counts-line { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; margin: 8px 0; }
.sr-counts-line li { border: 1px solid ${v.line}; border-radius: 999px; padding: 2px 10px; font-size: 14px; font-variant-numeric: tabular-nums; }
.sr-row-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; }
.sr-reason-group > summary { cursor: pointer; padding: 4px 0; }
.sr-reason-group > summary strong { font-variant-numeric: tabular-nums; }
.sr-entry-list { margin: 4px 0 8px; padding-left: 18px; font-size: 13.6px; overflow-wrap: anywhere; }
.sr-entry-list .sr-where { color: ${v.muted}; }
.sr-picks { list-style: none; padding: 0; margin: 6px 0; display: grid; gap: 6px; }
.sr-picks li { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; border: 1px solid ${v.line}; border-radius: 8px; padding: 6px 10px; }
.sr-picks .sr-place { font-weight: 700; color: ${v.accent}; min-width: 1.8em; }
.sr-picks .sr-who { font-weight: 700; font-size: 16.8px; overflow-wrap: anywhere; }
.sr-picks .sr-score { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: ${v.muted}; overflow-wrap: anywhere; }
.sr-cert { border: 2px solid ${v.accent}; border-radius: ${v.radius}; padding: 14px 16px; display: grid; gap: 10px; min-width: 0; }
.sr-cert h3 { font-size: 20px; }
.sr-cert h4 { font-size: 16px; margin-top: 4px; }
.sr-kv { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 2px 12px; margin: 0; font-size: 14.4px; }
.sr-kv dt { color: ${v.muted}; }
.sr-kv dd { margin: 0; overflow-wrap: anywhere; }
.sr-mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13.6px; }
.sr-drawing { border-top: 1px solid ${v.line}; padding-top: 8px; }
@container (max-width: 560px) {
  .sr-kv { grid-template-columns: minmax(0, 1fr); }
  .sr-kv dd { margin-bottom: 4px; }
}
[data-section="verdict"] { display: grid; gap: 8px; }
.sr-verdict { border-radius: ${v.radius}; padding: 12px 14px; font-weight: 650; }
.sr-verdict.sr-ok { background: ${v.goodSoft}; color: ${v.good}; border: 1px solid ${v.goodLine}; }
.sr-verdict.sr-ko { background: ${v.dangerSoft}; color: ${v.danger}; border: 1px solid ${v.dangerLine}; }
.sr-checks { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
.sr-checks li { border: 1px solid ${v.line}; border-radius: 8px; padding: 6px 10px; overflow-wrap: anywhere; font-size: 14.4px; }
.sr-checks li[data-ok="false"] { border-color: ${v.danger}; background: ${v.dangerSoft}; }
.sr-checks .sr-mark { font-weight: 700; margin-right: 6px; }
.sr-pending { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; background: ${v.warnSoft}; border-radius: 8px; padding: 8px 10px; }
.sr-print-only { display: none; }
.sr-print-table { border-collapse: collapse; font-size: 12.8px; width: 100%; }
.sr-print-table td, .sr-print-table th { border-bottom: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
.sr-print-table td:first-child { white-space: nowrap; }
@media print {
  .sr-head, .sr-tabs, .sr-app > .sr-notice, .sr-drop, .sr-noprint { display: none !important; }
  .sr-print-only { display: block !important; }
  table.sr-print-only { display: table !important; }
  .sr-app { padding: 0; max-width: none; }
  .sr-cert { border: 0; padding: 0; }
  .sr-picks li, .sr-kv, .sr-print-table tr { break-inside: avoid; }
  h3, h4 { break-after: avoid; }
  .sr-fp { background: none; }
  .sr-kv .sr-mono { font-size: 12px; }
  .sr-contest .sr-section { border: 0; padding: 0; }
}
`;

/** The Contest tab's stylesheet, constructed once. */
export const sheet = adoptable(css);
