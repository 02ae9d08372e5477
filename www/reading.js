// Files in and out, for the tabs that read them (never the first visit): today's date (which
// places dates without a year), how a file's size is written, and saving a file the page made
// (the Analysis tab's exports, the Contest tab's certificate). The files themselves are read
// by the worker (engine.js), chunk by chunk.

import { h } from './dom.js';

/** Today in the user's own time zone, as `2026-11-21` (yearless dates are placed before it). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The browser's offset from UTC today, in minutes (`120` in Paris in summer). */
export function browserOffset() {
  return -new Date().getTimezoneOffset();
}

/** The options the Analysis tab starts with: `defaults` (analysisDefaults) on the browser's
 * clock, amounts read with the language's decimal `mark`. */
export function firstAnalysisOptions(defaults, mark) {
  const o = structuredClone(defaults.options);
  o.utc_offset_minutes = browserOffset();
  o.decimal_mark = mark;
  return o;
}

/** A file's size with `fmt` (format.js), `12,3 Ko` / `12.3 KB`: bytes whole, larger units (of
 * 1,024) to a tenth. */
export function fileSize(bytes, fmt) {
  const units = fmt.locale.startsWith('fr') ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u += 1; }
  return `${fmt.count(u === 0 ? v : Math.round(v * 10) / 10)} ${units[u]}`;
}

/** Saves `text` as the file `name` of MIME `type`, as a download the browser offers. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
