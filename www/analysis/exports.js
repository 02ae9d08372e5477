// The exports, both the core's: the per-post CSV as the core writes it (the bytes of
// `social-roi analyze --csv`), and the JSON document it builds, saved indented; print is the
// browser's own.

import { h, replace } from '../dom.js';
import { strings } from '../i18n.js';
import { errorText, stepProgress } from '../progress.js';
import { download } from '../reading.js';

/** `social-roi-publications-2026-06-01_2026-06-08`. */
function fileStem(panel, what) {
  const r = panel.report.range;
  return `social-roi-${what}${r.from ? `-${r.from}_${r.to}` : ''}`;
}

/**
 * Runs the core's `method` on the files with the options, its progress under the form; null
 * (and why, said there) when it could not be made.
 */
async function made(panel, method) {
  const job = panel.files.call(method, [panel.options, panel.lang], { kind: method, units: panel.records });
  const progress = stepProgress(job, { lang: panel.lang, fmt: panel.fmt, label: strings(panel.lang).jobs.step, kind: method });
  panel.jobBox.append(progress.el);
  try {
    return await job;
  } catch (e) {
    replace(panel.jobBox, h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: errorText(e, panel.lang) }));
    return null;
  } finally {
    progress.stop();
  }
}

/** Saves every post of the analysis, one row each, as the core writes them. */
export async function exportCsv(panel) {
  const stem = fileStem(panel, panel.t.csvName);
  const csv = await made(panel, 'postsCsv');
  if (csv != null) download(`${stem}.csv`, csv, 'text/csv;charset=utf-8');
}

/** Saves the whole report with the files, totals and options that made it (the core's document). */
export async function exportJson(panel) {
  const stem = fileStem(panel, panel.t.jsonName);
  const doc = await made(panel, 'exportDocument');
  if (doc != null) download(`${stem}.json`, `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
}
