// How a long job shows while it runs: a file being read (bytes of total, lines, the time
// left, from the worker's progress) and a step that says nothing until it ends (an analysis,
// a draw's preparation: the time it has taken, and the time left judged from the last one of
// its kind), each with its Cancel button. The words are the element's (i18n.js `jobs`).

import { h } from './dom.js';
import { strings } from './i18n.js';
import { remaining } from './protocol.js';
import { fileSize } from './reading.js';

/** A duration in words: `moins d’une seconde`, `12 s`, `3 min`. */
export function duration(ms, lang, fmt) {
  const w = strings(lang).jobs;
  const s = ms / 1000;
  if (s < 1) return w.underSecond;
  if (s < 90) return w.seconds(fmt.count(Math.ceil(s)));
  return w.minutes(fmt.count(Math.round(s / 60)));
}

/** What a file's reading has done: `12,3 Mo sur 50 Mo · 40 120 lignes · encore 2 s`. */
export function fileProgressText(entry, lang, fmt) {
  const w = strings(lang).jobs;
  if (entry.phase === 'queued') return entry.again ? w.again : w.queued;
  if (entry.phase === 'finishing') return w.finishing;
  const parts = [w.of(fileSize(entry.read || 0, fmt), fileSize(entry.size, fmt))];
  if (entry.lines > 0) parts.push(w.lines(fmt.count(entry.lines)));
  const { leftMs } = remaining(entry.read, entry.size, entry.job?.elapsed ?? 0);
  if (leftMs != null && leftMs > 0) parts.push(w.left(duration(leftMs, lang, fmt)));
  return `${entry.again ? `${w.again} ` : ''}${parts.join(' · ')}`;
}

/**
 * A file's progress: its bar, what is done, and Cancel (`onCancel`). `update(entry)` redraws
 * it from the entry the set keeps up to date.
 */
export function fileProgress(entry, { lang, fmt, onCancel, label }) {
  const w = strings(lang).jobs;
  const bar = h('progress', { class: 'sr-progress', max: Math.max(1, entry.size), value: entry.read || 0 });
  const text = h('span', { class: 'sr-facts sr-progress-text', text: fileProgressText(entry, lang, fmt) });
  const el = h('div', { class: 'sr-job', dataset: { job: 'file' }, attrs: { role: 'status' } },
    bar,
    h('div', { class: 'sr-job-line' },
      text,
      onCancel ? h('button', { type: 'button', class: 'sr-btn sr-job-cancel', dataset: { action: 'cancel-file' }, attrs: { 'aria-label': `${w.cancel} ${label ?? entry.name}` }, text: w.cancel, on: { click: onCancel } }) : null));
  return {
    el,
    update(e = entry) {
      if (e.phase === 'finishing' || e.phase === 'queued') bar.removeAttribute('value');
      else bar.value = e.read || 0;
      text.textContent = fileProgressText(e, lang, fmt);
    },
  };
}

/**
 * A step that runs in the worker (a `Job` of worker-client.js): after `delay` ms it shows
 * `label`, the time taken, the time left when a like job was timed before, and Cancel;
 * `stop()` ends the display. Put `el` where the result will go.
 */
export function stepProgress(job, { lang, fmt, label, kind, delay = 200 }) {
  const w = strings(lang).jobs;
  const text = h('span', { class: 'sr-facts sr-progress-text' });
  const bar = h('progress', { class: 'sr-progress' });
  const el = h('div', { class: 'sr-job', hidden: true, dataset: { job: kind ?? job.kind }, attrs: { role: 'status' } },
    bar,
    h('div', { class: 'sr-job-line' },
      h('span', {}, h('strong', { text: label }), ' ', text),
      h('button', { type: 'button', class: 'sr-btn sr-job-cancel', dataset: { action: 'cancel-job' }, text: w.cancel, on: { click: () => job.cancel() } })));
  const draw = () => {
    el.hidden = false;
    if (job.startedAt == null) {
      // Sent, not begun: the worker is busy with what came before.
      text.textContent = w.waiting;
      bar.removeAttribute('value');
      return;
    }
    const left = job.left;
    const parts = [duration(job.elapsed, lang, fmt)];
    if (left != null && left >= 1000) parts.push(w.aboutLeft(duration(left, lang, fmt)));
    else if (left != null && left > 0) parts.push(w.almost);
    text.textContent = parts.join(' · ');
    if (left != null && left > 0) {
      bar.max = job.elapsed + left;
      bar.value = job.elapsed;
    } else bar.removeAttribute('value');
  };
  const first = setTimeout(() => {
    draw();
    timer = setInterval(draw, 250);
  }, delay);
  let timer = null;
  return {
    el,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      el.remove();
    },
  };
}

/** A message where a step's result would be: cancelled (with a button to run it again) or stopped. */
export function stepOutcome(error, { lang, retry }) {
  const w = strings(lang).jobs;
  if (error?.kind === 'cancelled') {
    return h('div', { class: 'sr-notice', dataset: { job: 'cancelled' }, attrs: { role: 'status' } },
      h('span', { text: `${w.cancelled} ` }),
      retry ? h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'retry-job' }, text: w.retry, on: { click: retry } }) : null);
  }
  return h('div', { class: 'sr-notice sr-warn', dataset: { job: 'stopped' }, attrs: { role: 'alert' } },
    h('span', { text: `${w.stepStopped} ` }),
    retry ? h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'retry-job' }, text: w.retry, on: { click: retry } }) : null);
}

/** Whether `error` is a job's end rather than the core's message (cancelled, superseded, stopped). */
export function isJobEnd(error) {
  return ['cancelled', 'superseded', 'stopped', 'restart'].includes(error?.kind);
}

/**
 * What to say of an error from the worker: the core's own message, or, when the job ended
 * without one (the core stopped, the job was cancelled), the page's words: never the bare
 * text of a WebAssembly trap.
 */
export function errorText(error, lang) {
  const w = strings(lang).jobs;
  if (error?.kind === 'stopped' || error?.kind === 'restart') return w.stepStopped;
  if (error?.kind === 'cancelled' || error?.kind === 'superseded') return w.cancelled;
  return error?.message || String(error);
}

/** The words for a file that stopped the reader, after "could not be read:". */
export function stoppedWords(reason, lang) {
  const w = strings(lang).jobs.stopped;
  return w[reason] ?? w.trap;
}
