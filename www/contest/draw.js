// The draw, before the seed and at it: the rules form (rules.js), the fingerprint to announce,
// who is in and who is out and why, the seed (a public value typed, or one generated in this
// browser), then the draw itself; the certificate it gives is certificate.js's.

import { download, today } from '../reading.js';
import { h, replace, uid } from '../dom.js';
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
  const sync = () => {
    panel.publicFields.hidden = seed.kind !== 'public';
    panel.generatedHint.hidden = seed.kind !== 'generated';
  };
  const radio = (value, label) => h('label', { class: 'sr-radio' },
    h('input', { type: 'radio', name, value, checked: seed.kind === value, dataset: { seed: 'kind' }, on: { change: () => { seed.kind = value; sync(); } } }),
    h('span', { text: label }));
  panel.drawStatus = h('p', { class: 'sr-hint', attrs: { role: 'status' } });
  panel.drawButton = h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'draw' }, text: t.draw, on: { click: () => draw(panel) } });
  sync();
  return h('section', { class: 'sr-section sr-noprint', dataset: { section: 'seed' } },
    h('h3', { class: 'sr-section-title', text: t.seed }),
    h('div', { role: 'radiogroup' }, radio('public', t.seedPublic), radio('generated', t.seedGenerated)),
    panel.publicFields,
    panel.generatedHint,
    h('div', { class: 'sr-row-actions' }, panel.drawButton, panel.drawStatus));
}

function seedField(panel, key, label, hint) {
  const id = uid('s');
  return h('label', { class: 'sr-field', htmlFor: id },
    h('span', { class: 'sr-lbl', text: label }),
    h('input', { id, type: 'text', autocomplete: 'off', spellcheck: false, value: panel.store.seed[key] || '', placeholder: hint, dataset: { seed: key }, on: { input: (e) => { panel.store.seed[key] = e.target.value; } } }),
    h('span', { class: 'sr-msg', attrs: { role: 'alert' } }));
}

/** Before the seed: the fingerprint, who is in and who is out. */
export function prepare(panel) {
  if (!panel.prepared || panel.store.cert) return;
  const t = panel.t;
  if (!panel.entryFiles.ready) {
    panel.preparation = null;
    replace(panel.prepared, h('p', { class: 'sr-hint', text: t.noEntriesYet }));
    panel.drawButton.disabled = true;
    return;
  }
  let p;
  try {
    p = panel.core.prepareDraw(panel.entryFiles.entries(), rulesInput(panel), panel.lang);
  } catch (e) {
    replace(panel.prepared, h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: e?.message || String(e) }));
    return;
  }
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
  replace(panel.prepared,
    h('h3', { class: 'sr-section-title', text: t.fingerprint }),
    h('p', { class: 'sr-hint', text: t.fingerprintHint }),
    h('p', { class: 'sr-fp', dataset: { fingerprint: pr.fingerprint }, text: pr.fingerprint }),
    h('div', { class: 'sr-row-actions' },
      h('button', { type: 'button', class: 'sr-btn', text: t.copy, on: { click: () => copy(panel, pr.fingerprint, copyStatus) } }),
      h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'draw-file' }, text: t.drawFile, on: { click: () => download(t.drawFileName(today()), pr.draw_file, 'text/plain;charset=utf-8') } }),
      copyStatus),
    countsLine(panel, pr.counts),
    pr.warnings.length ? h('ul', { class: 'sr-problems sr-warnings-list', dataset: { problems: 'warnings' } }, pr.warnings.map((w) => h('li', { dataset: { code: w.code }, text: w.message }))) : null,
    exclusionsBlock(panel, pr.exclusions, panel.entryFiles.sources()),
    suspiciousBlock(panel, pr),
    peopleBlock(panel, pr.people));
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

/** Every exclusion, summed up by reason, each reason's entries shown on demand. */
export function exclusionsBlock(panel, exclusions, sources) {
  const t = panel.t;
  if (!exclusions.length) return h('p', { class: 'sr-hint', dataset: { exclusions: 0 }, text: t.noneExcluded });
  const groups = panel.core.exclusionsByReason(exclusions, panel.lang);
  return h('div', { dataset: { exclusions: exclusions.length } },
    h('h4', { text: t.excluded(exclusions.length) }),
    groups.map((g) => {
      const items = exclusions.filter((x) => x.reason === g.reason);
      const list = h('ul', { class: 'sr-entry-list' });
      let shown = 0;
      const more = h('button', { type: 'button', class: 'sr-btn', hidden: true });
      const fill = () => {
        list.append(...items.slice(shown, shown + LIST_CHUNK).map((x) => h('li', { dataset: { line: x.line } },
          h('span', { class: 'sr-where', text: `${where(panel, x, sources)} · ` }),
          h('strong', { text: x.author || '—' }), ` — ${x.message}`)));
        shown = Math.min(items.length, shown + LIST_CHUNK);
        more.hidden = shown >= items.length;
        more.textContent = t.showMore(Math.min(LIST_CHUNK, items.length - shown));
      };
      more.addEventListener('click', fill);
      const d = h('details', { class: 'sr-reason-group', dataset: { reason: g.reason, count: g.count } },
        h('summary', {}, h('strong', { text: panel.fmt.count(g.count) }), ` × ${g.label}`),
        list, more);
      d.addEventListener('toggle', () => { if (d.open && shown === 0) fill(); });
      return d;
    }));
}

function peopleBlock(panel, people) {
  const t = panel.t;
  const list = h('ul', { class: 'sr-entry-list' });
  const d = h('details', { class: 'sr-reason-group', dataset: { people: people.length } },
    h('summary', { text: t.people(people.length) }), list);
  d.addEventListener('toggle', () => {
    if (d.open && !list.childElementCount) list.append(...people.slice(0, 5000).map((p) => h('li', {}, h('strong', { text: p.entrant }), ` — ${t.tickets(p.tickets)}`)));
  });
  return d;
}

function draw(panel) {
  const s = panel.store;
  const seed = s.seed.kind === 'generated'
    ? { kind: 'generated', value: randomSeed(), source: null }
    : { kind: 'public', value: s.seed.value, source: s.seed.source || null };
  try {
    s.cert = panel.core.drawWinners(panel.entryFiles.entries(), rulesInput(panel), seed, { title: s.title || null, drawn_at: now() }, panel.lang);
  } catch (e) {
    // The seed's messages go next to its fields; the others (a rule, the clock) below.
    const errors = e?.errors || [];
    const seedErrors = errors.filter((x) => x.field.startsWith('seed.')).map((x) => ({ ...x, field: x.field.slice(5) }));
    const unplaced = [...panel.showFieldErrors(panel.seedBox, seedErrors, 'seed'), ...errors.filter((x) => !x.field.startsWith('seed.'))];
    panel.drawStatus.textContent = e?.errors ? unplaced.map((x) => x.message).join(' ') : e?.message || String(e);
    return;
  }
  s.redraw = { who: '', reason: '' };
  s.certSaved = false;
  unsaved.add(s);
  renderCertificateView(panel);
  const heading = panel.drawBox.querySelector('.sr-cert h3');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}
