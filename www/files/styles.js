// The Files tab's styles: the drop zone, the summary's chips, the file cards with their tables,
// problems and column mappings.

import { adoptable } from '../styles.js';
import { v } from '../theme.js';

const css = `
.sr-files { display: grid; gap: 16px; }
.sr-drop-zone { border: 2px dashed ${v.line}; border-radius: ${v.radius}; padding: 18px; text-align: center; background: ${v.panel}; display: grid; gap: 8px; justify-items: center; }
.sr-drop-zone strong { font-size: 16.8px; }
.sr-file-actions { display: flex; flex-wrap: wrap; gap: 10px; justify-content: center; align-items: center; }
.sr-paste textarea { width: 100%; min-height: 120px; font: 13.6px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 1px solid ${v.fieldLine}; border-radius: 6px; padding: 8px; }
.sr-paste summary, .sr-file details > summary { cursor: pointer; font-weight: 600; }
.sr-summary-list { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 8px 0 0; }
.sr-chip { display: inline-flex; gap: 4px; align-items: baseline; border: 1px solid ${v.line}; border-radius: 999px; padding: 3px 10px; background: ${v.bg}; font-size: 14px; }
.sr-chip strong { font-variant-numeric: tabular-nums; }
.sr-file-list { display: grid; gap: 12px; }
.sr-file { border: 1px solid ${v.line}; border-radius: ${v.radius}; padding: 12px 14px; background: ${v.bg}; display: grid; gap: 8px; min-width: 0; }
.sr-file-head { display: flex; gap: 8px; align-items: start; justify-content: space-between; }
.sr-file-name { font-weight: 700; overflow-wrap: anywhere; }
.sr-badge { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 999px; padding: 2px 8px; background: ${v.accentSoft}; color: ${v.accent}; white-space: nowrap; }
.sr-badge.sr-st-warnings, .sr-badge.sr-st-needs_mapping { background: ${v.warnSoft}; color: ${v.warn}; }
.sr-badge.sr-st-errors, .sr-badge.sr-st-unreadable, .sr-badge.sr-st-failed { background: ${v.dangerSoft}; color: ${v.danger}; }
.sr-table-block { border-top: 1px solid ${v.line}; padding-top: 8px; display: grid; gap: 6px; min-width: 0; }
.sr-table-title { font-weight: 650; overflow-wrap: anywhere; }
.sr-format-id { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: ${v.muted}; }
.sr-facts { font-size: 13.6px; color: ${v.muted}; }
.sr-counts { font-variant-numeric: tabular-nums; }
.sr-problems { margin: 0; padding-left: 18px; font-size: 13.6px; overflow-wrap: anywhere; }
.sr-problems.sr-errors-list { color: ${v.danger}; }
.sr-problems.sr-warnings-list { color: ${v.warn}; }
.sr-progress { width: 100%; height: 8px; }
.sr-scroll { overflow-x: auto; max-width: 100%; }
.sr-mini-table { border-collapse: collapse; font-size: 12.8px; }
.sr-mini-table th, .sr-mini-table td { border-bottom: 1px solid ${v.line}; padding: 3px 8px; text-align: left; vertical-align: top; }
.sr-mini-table td.sr-num { text-align: right; font-variant-numeric: tabular-nums; }
.sr-mapping { display: grid; gap: 8px; background: ${v.panel}; border-radius: 8px; padding: 10px; }
.sr-map-grid { display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); }
.sr-map-col { display: grid; gap: 3px; background: ${v.bg}; border: 1px solid ${v.line}; border-radius: 6px; padding: 6px 8px; min-width: 0; }
.sr-map-col select { width: 100%; border: 1px solid ${v.fieldLine}; border-radius: 6px; padding: 4px 6px; background: ${v.field}; }
.sr-map-name { font-weight: 600; overflow-wrap: anywhere; }
.sr-map-samples { font-size: 12px; color: ${v.muted}; overflow-wrap: anywhere; }
.sr-ignored-list { font-size: 12.8px; color: ${v.muted}; overflow-wrap: anywhere; }
`;

/** The Files tab's stylesheet, constructed once. */
export const sheet = adoptable(css);
