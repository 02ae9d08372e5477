// The draw, before the seed and at it: the rules form (rules.js), the fingerprint to announce,
// who is in and who is out and why, the seed (a public value typed, or one generated in this
// browser), then the draw itself; the certificate it gives is certificate.js's. The core
// prepares and draws in the worker: the preparation shows its progress and can be cancelled.

import { download, today } from '../reading.js';
import { h, replace, uid } from '../dom.js';
import { strings } from '../i18n.js';
import { errorText, isJobEnd, stepOutcome, stepProgress } from '../progress.js';
import { renderCertificateView } from './certificate.js';
import { rulesForm, rulesInput } from './rules.js';
import { suspiciousBlock } from './suspicious.js';

/** How many entries a list shows at a time (and the printed certificate at most). */
export const LIST_CHUNK = 500;

/** Stores holding a certificate not yet downloaded: leaving the page asks first. */
const unsaved = new Set();
window.addEventListener('beforeunload', (e) => {
  if ([...unsaved].some((s) => s.cert && !s.certSaved)) e.preventDefault();
});

/** Now, from this machine's clock, as ISO 8601 with its UTC offset. */
export function now() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  return `${today()}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** 32 random bytes from the browser's cryptographic generator, in hexadecimal. */
function randomSeed() {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Draw view: the rules form, or the certificate once drawn. */
export function buildDraw(panel) {
  panel.drawBox = h('div', { style: { display: 'grid', gap: '16px' } });
  replace(panel.body, panel.drawBox);
  if (panel.store.cert) renderCertificateView(panel);
  else buildRules(panel);
}

/** The draw view before the draw: the rules, what they make of the entries, the seed. */
function buildRules(panel) {
  const rules = rulesForm(panel);
  panel.prepared = h('section', { class: 'sr-section', dataset: { section: 'prepared' }, attrs: { 'aria-live': 'polite' } });
  panel.seedBox = buildSeed(panel);
  replace(panel.drawBox, rules, panel.prepared, panel.seedBox);
  prepare(panel);
}

function buildSeed(panel) {
  const t = panel.t;
  const seed = panel.store.seed;
  const name = uid('seed');
  panel.publicFields = h('div', { class: 'sr-fields sr-wide-fields' },
    seedField(panel, 'value', t.seedValue, t.seedValueHint),
    seedField(panel, 'source', t.seedSource, t.seedSourceHint));
  panel.generatedHint = h('p', { class: 'sr-hint', text: t.seedGeneratedHint });
  panel.drandFields = drandField(panel);
  const kinds = h('div', { role: 'radiogroup' });
  const title = h('h3', { class: 'sr-section-title' });
  // Under RFC 3797 the seed is the public sources: no generated seed or drand round, the
  // value's words change.
  const sync = () => {
    const rfc = panel.store.rules.scheme === 'rfc3797';
    const kind = rfc ? 'public' : seed.kind;
    kinds.hidden = rfc;
    title.textContent = rfc ? t.sources : t.seed;
    panel.publicFields.hidden = kind !== 'public';
    panel.generatedHint.hidden = kind !== 'generated';
    panel.drandFields.hidden = kind !== 'drand';
    const field = panel.publicFields.querySelector('[data-seed="value"]')?.closest('label');
    if (field) {
      field.querySelector('.sr-lbl').textContent = rfc ? t.sourcesValue : t.seedValue;
      field.querySelector('.sr-field-hint').textContent = rfc ? t.sourcesHint : t.seedValueHint;
    }
  };
  panel.syncSeed = sync;
  const radio = (value, label) => h('label', { class: 'sr-radio' },
    h('input', { type: 'radio', name, value, checked: seed.kind === value, dataset: { seed: 'kind' }, on: { change: () => { seed.kind = value; sync(); } } }),
    h('span', { text: label }));
  panel.drawStatus = h('p', { class: 'sr-hint', attrs: { role: 'status' } });
  panel.drawButton = h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'draw' }, text: t.draw, on: { click: () => draw(panel) } });
  kinds.append(radio('public', t.seedPublic), radio('drand', t.seedDrand), radio('generated', t.seedGenerated));
  sync();
  return h('section', { class: 'sr-section sr-noprint', dataset: { section: 'seed' } },
    title,
    kinds,
    panel.publicFields,
    panel.drandFields,
    panel.generatedHint,
    h('div', { class: 'sr-row-actions' }, panel.drawButton, panel.drawStatus));
}

/**
 * A drand round's JSON, pasted: the beacon module verifies it when the draw is made (its
 * message goes under the field, as the core's do, under the key `value`).
 */
function drandField(panel) {
  const t = panel.t;
  const id = uid('s');
  return h('div', { class: 'sr-fields sr-wide-fields' },
    h('label', { class: 'sr-field sr-round-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: t.seedDrandRound }),
      h('textarea', { id, rows: 4, spellcheck: false, value: panel.store.seed.round || '', dataset: { seed: 'round' }, attrs: { 'aria-describedby': `${id}h` }, on: { input: (e) => { panel.store.seed.round = e.target.value; } } }),
      h('span', { class: 'sr-field-hint', id: `${id}h`, text: t.seedDrandHint }),
      h('span', { class: 'sr-msg', attrs: { role: 'alert' } })));
}

function seedField(panel, key, label, hint) {
  const id = uid('s');
  return h('label', { class: 'sr-field', htmlFor: id },
    h('span', { class: 'sr-lbl', text: label }),
    h('input', { id, type: 'text', autocomplete: 'off', spellcheck: false, value: panel.store.seed[key] || '', dataset: { seed: key }, attrs: { 'aria-describedby': `${id}h` }, on: { input: (e) => { panel.store.seed[key] = e.target.value; } } }),
    h('span', { class: 'sr-field-hint', id: `${id}h`, text: hint }),
    h('span', { class: 'sr-msg', attrs: { role: 'alert' } }));
}

/**
 * Before the seed: the fingerprint, who is in and who is out. The set's workspace keeps the
 * preparation, so nothing is prepared again while the rules and the files stay the same.
 */
export async function prepare(panel) {
  if (!panel.prepared || panel.store.cert) return;
  const t = panel.t;
  const files = panel.entryFiles;
  if (!files.ready) {
    panel.preparation = null;
    panel.preparedKey = null;
    replace(panel.prepared, h('p', { class: 'sr-hint', text: t.noEntriesYet }));
    panel.drawButton.disabled = true;
    return;
  }
  const rules = rulesInput(panel);
  const key = JSON.stringify([rules, panel.lang, files.version]);
  if (key === panel.preparedKey && panel.prepared.isConnected && panel.prepared.childElementCount) return;
  const box = panel.prepared;
  const job = files.call('prepareDraw', [rules, panel.lang], { key: 'prepare', units: files.count });
  const progress = stepProgress(job, { lang: panel.lang, fmt: panel.fmt, label: strings(panel.lang).jobs.prepare, kind: 'prepare' });
  box.prepend(progress.el);
  let p;
  let sources;
  try {
    [p, sources] = await Promise.all([job, files.sources()]);
  } catch (e) {
    progress.stop();
    if (e?.kind === 'superseded' || box !== panel.prepared) return;
    if (isJobEnd(e)) replace(box, stepOutcome(e, { lang: panel.lang, retry: () => prepare(panel) }));
    else replace(box, h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: errorText(e, panel.lang) }));
    return;
  }
  progress.stop();
  if (box !== panel.prepared || panel.store.cert) return;
  panel.preparedKey = key;
  panel.preparation = p;
  const unplaced = panel.showFieldErrors(panel.drawBox, p.errors.map((e) => ({ ...e, field: e.field.replace(/^keywords\[\d+\]$/, 'keywords').replace(/^from$/, 'from_date').replace(/^until$/, 'until_date') })), 'rule');
  panel.drawButton.disabled = !p.prepared;
  panel.drawStatus.textContent = p.prepared ? '' : t.drawBlocked;
  if (!p.prepared) {
    replace(panel.prepared, unplaced.map((e) => h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: e.message })));
    return;
  }
  const pr = p.prepared;
  const copyStatus = h('span', { class: 'sr-status', attrs: { role: 'status' } });
  const page = (reason, offset, limit) => files.call('drawExclusions', [reason, offset, limit, panel.lang], { key: `exclusions:${reason}` });
  replace(panel.prepared,
    h('h3', { class: 'sr-section-title', text: t.fingerprint }),
    h('p', { class: 'sr-hint', text: t.fingerprintHint }),
    h('p', { class: 'sr-fp', dataset: { fingerprint: pr.fingerprint }, text: pr.fingerprint }),
    h('div', { class: 'sr-row-actions' },
      h('button', { type: 'button', class: 'sr-btn', text: t.copy, on: { click: () => copy(panel, pr.fingerprint, copyStatus) } }),
      h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'draw-file' }, text: t.drawFile, on: { click: async () => download(t.drawFileName(today()), await files.call('drawFile'), 'text/plain;charset=utf-8') } }),
      copyStatus),
    countsLine(panel, pr.counts),
    pr.warnings.length ? h('ul', { class: 'sr-problems sr-warnings-list', dataset: { problems: 'warnings' } }, pr.warnings.map((w) => h('li', { dataset: { code: w.code }, text: w.message }))) : null,
    exclusionsBlock(panel, pr.by_reason, page, sources),
    suspiciousBlock(panel, pr, (kind, offset, limit) => files.call('drawSuspicious', [kind, offset, limit], { key: `suspicious:${kind}` })),
    peopleBlock(panel, pr.counts.people));
}

async function copy(panel, text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = panel.t.copied;
  } catch {
    status.textContent = panel.t.copyFailed;
  }
}

/** The draw's counts (entries, counted, left out, people, tickets) as chips. */
export function countsLine(panel, c) {
  const fmtd = { entries: panel.fmt.count(c.entries), eligible: panel.fmt.count(c.eligible), excluded: panel.fmt.count(c.excluded), people: panel.fmt.count(c.people), tickets: panel.fmt.count(c.tickets) };
  return h('ul', { class: 'sr-counts-line', dataset: { counts: JSON.stringify(c) } }, panel.t.counts(fmtd).map((x) => h('li', { text: x })));
}

/** Where an entry comes from: its line, and its file when there are several. */
export function where(panel, x, sources) {
  return panel.t.line(sources.length > 1 ? sources[x.file] : null, x.line);
}

/**
 * Every exclusion, summed up by reason (`groups`: `[{reason, label, count}]`), each reason's
 * entries shown on demand, `LIST_CHUNK` at a time: `page(reason, offset, limit)` fetches them
 * from the core (null when the entries are not at hand: the counts alone).
 */
export function exclusionsBlock(panel, groups, page, sources) {
  const t = panel.t;
  const total = groups.reduce((n, g) => n + g.count, 0);
  if (!total) return h('p', { class: 'sr-hint', dataset: { exclusions: 0 }, text: t.noneExcluded });
  return h('div', { dataset: { exclusions: total } },
    h('h4', { text: t.excluded(total) }),
    groups.map((g) => {
      const list = h('ul', { class: 'sr-entry-list' });
      let shown = 0;
      const more = h('button', { type: 'button', class: 'sr-btn', hidden: true });
      const fill = async () => {
        let items = [];
        try {
          items = page ? await page(g.reason, shown, LIST_CHUNK) : [];
        } catch (e) {
          if (e?.kind === 'superseded') return;
          list.append(h('li', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: errorText(e, panel.lang) }));
        }
        list.append(...items.map((x) => h('li', { dataset: { line: x.line } },
          h('span', { class: 'sr-where', text: `${where(panel, x, sources)} · ` }),
          h('strong', { text: x.author || '—' }), ` — ${x.message}`)));
        shown = items.length ? Math.min(g.count, shown + items.length) : g.count;
        more.hidden = shown >= g.count;
        more.textContent = t.showMore(Math.min(LIST_CHUNK, g.count - shown));
      };
      more.addEventListener('click', fill);
      const d = h('details', { class: 'sr-reason-group', dataset: { reason: g.reason, count: g.count } },
        h('summary', {}, h('strong', { text: panel.fmt.count(g.count) }), ` × ${g.label}`),
        list, more);
      d.addEventListener('toggle', () => { if (d.open && shown === 0) fill(); });
      return d;
    }));
}

/** The people in the draw, the first 5 000 fetched when the list is opened. */
function peopleBlock(panel, count) {
  const t = panel.t;
  const list = h('ul', { class: 'sr-entry-list' });
  const d = h('details', { class: 'sr-reason-group', dataset: { people: count } },
    h('summary', { text: t.people(count) }), list);
  d.addEventListener('toggle', async () => {
    if (!d.open || list.childElementCount) return;
    try {
      const people = await panel.entryFiles.call('drawPeople', [0, 5000]);
      if (!list.childElementCount) list.append(...people.map((p) => h('li', {}, h('strong', { text: p.entrant }), ` — ${t.tickets(p.tickets)}`)));
    } catch (e) {
      if (e?.kind !== 'superseded') list.append(h('li', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: errorText(e, panel.lang) }));
    }
  });
  return d;
}

async function draw(panel) {
  const s = panel.store;
  const rfc = s.rules.scheme === 'rfc3797';
  const seed = s.seed.kind === 'generated' && !rfc ? { kind: 'generated', value: randomSeed(), source: null }
    : s.seed.kind === 'drand' && !rfc ? { kind: 'drand', value: s.seed.round || '', source: null }
      : { kind: 'public', value: s.seed.value, source: s.seed.source || null };
  try {
    panel.drawButton.disabled = true;
    s.cert = await panel.entryFiles.call('drawWinners', [rulesInput(panel), seed, { title: s.title || null, drawn_at: now() }, panel.lang], { units: panel.entryFiles.count });
  } catch (e) {
    panel.drawButton.disabled = false;
    // The seed's messages go next to its fields; the others (a rule, the clock) below.
    const errors = e?.errors || [];
    // A drand round's message goes under its own field (`round`), not the public value's.
    const key = (f) => (f === 'value' && seed.kind === 'drand' ? 'round' : f);
    const seedErrors = errors.filter((x) => x.field.startsWith('seed.')).map((x) => ({ ...x, field: key(x.field.slice(5)) }));
    const unplaced = [...panel.showFieldErrors(panel.seedBox, seedErrors, 'seed'), ...errors.filter((x) => !x.field.startsWith('seed.'))];
    panel.drawStatus.textContent = e?.errors ? unplaced.map((x) => x.message).join(' ') : errorText(e, panel.lang);
    return;
  }
  s.redraw = { who: '', reason: '' };
  s.certSaved = false;
  unsaved.add(s);
  await renderCertificateView(panel);
  const heading = panel.drawBox.querySelector('.sr-cert h3');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}
