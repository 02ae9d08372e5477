// The exports, both the core's: the per-post CSV as the core writes it (the bytes of
// `social-roi analyze --csv`), and the JSON document it builds, saved indented; print is the
// browser's own.

import { download } from '../reading.js';

/** `social-roi-publications-2026-06-01_2026-06-08`. */
function fileStem(panel, what) {
  const r = panel.report.range;
  return `social-roi-${what}${r.from ? `-${r.from}_${r.to}` : ''}`;
}

/** Saves every post of the analysis, one row each, as the core writes them. */
export function exportCsv(panel) {
  download(`${fileStem(panel, panel.t.csvName)}.csv`, panel.ws.postsCsv(panel.options, panel.lang), 'text/csv;charset=utf-8');
}

/** Saves the whole report with the files, totals and options that made it (the core's document). */
export function exportJson(panel) {
  const doc = panel.ws.exportDocument(panel.options, panel.lang);
  download(`${fileStem(panel, panel.t.jsonName)}.json`, `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
}
