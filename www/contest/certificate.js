// The certificate of a draw: as a document (on screen and printed), its downloads (JSON, the
// draw file), and what follows a draw: a redraw after a disqualification, a new draw, checking
// it in the Verify view.

import { download, today } from '../reading.js';
import { h, replace, uid } from '../dom.js';
import { errorText } from '../progress.js';
import { isoWhen } from '../format.js';
import { buildDraw, countsLine, exclusionsBlock, LIST_CHUNK, now, where } from './draw.js';

/** The draw view once a certificate exists: the document, its downloads, a redraw. */
export async function renderCertificateView(panel) {
  const t = panel.t;
  const cert = panel.store.cert;
  const box = panel.drawBox;
  const [stale, sources] = await Promise.all([panel.entryFiles.ready ? entriesDiffer(panel, cert) : false, panel.entryFiles.sources()]);
  const doc = await certificateDocument(panel, cert, stale ? null : panel.entryFiles, sources);
  if (box !== panel.drawBox || cert !== panel.store.cert) return;
  const date = (cert.drawings[0].drawn_at || today()).slice(0, 10);
  const confirmBox = h('div', { class: 'sr-row-actions', hidden: true },
    h('span', { class: 'sr-warn-text', text: t.newDrawConfirm }),
    h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'confirm-new-draw' }, text: t.confirm, on: { click: () => { panel.store.cert = null; buildDraw(panel); } } }),
    h('button', { type: 'button', class: 'sr-btn', text: t.cancel, on: { click: () => { confirmBox.hidden = true; } } }));
  replace(panel.drawBox,
    h('p', { class: 'sr-notice sr-noprint', text: t.locked }),
    stale ? h('p', { class: 'sr-notice sr-warn sr-noprint', attrs: { role: 'alert' }, dataset: { stale: 'true' }, text: t.stale }) : null,
    doc,
    h('div', { class: 'sr-row-actions sr-noprint' },
      h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'download-certificate' }, text: t.downloadJson, on: { click: () => { download(t.certFileName(date), `${JSON.stringify(cert, null, 2)}\n`, 'application/json'); panel.store.certSaved = true; } } }),
      h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'draw-file' }, text: t.drawFile, on: { click: () => download(t.drawFileName(date), cert.draw_file, 'text/plain;charset=utf-8') } }),
      h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'print' }, text: t.print, on: { click: () => window.print() } }),
      h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'verify-this' }, text: t.verifyThis, on: { click: () => verifyThis(panel) } }),
      h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'new-draw' }, text: t.newDraw, on: { click: () => { confirmBox.hidden = false; } } })),
    confirmBox,
    stale ? null : redrawForm(panel, cert));
}

/** Whether the contest's files are no longer those the certificate was drawn from. */
async function entriesDiffer(panel, cert) {
  try {
    return (await panel.entryFiles.call('drawEntriesSha256')) !== cert.entries_sha256;
  } catch {
    return true;
  }
}

/** Words for the rules a certificate records; `labels` names the kinds of suspicion. */
function rulesText(panel, r, labels) {
  const t = panel.t;
  const c = panel.colon;
  const lines = [
    r.per === 'comment' ? t.perComment : t.perPerson,
    `${t.winners}${c}${r.winners} · ${t.alternates}${c}${r.alternates}`,
    r.include_replies ? t.replies : null,
    r.min_mentions ? `${t.mentions}${c}${r.min_mentions}` : null,
    r.keywords.length ? `${t.keywords}${c}${r.keywords.join(', ')}` : null,
    r.from ? `${t.from}${c}${isoWhen(panel.locale, r.from)}` : null,
    r.until ? `${t.until}${c}${isoWhen(panel.locale, r.until)}` : null,
    r.organiser ? `${t.account}${c}${r.organiser}` : null,
    r.exclude.length ? `${t.exclude}${c}${r.exclude.join(', ')}` : null,
    r.bonus.length ? `${t.bonus}${c}${r.bonus.map((b) => `${b.entrant} +${b.entries}`).join(', ')}` : null,
    r.bonus_per_mention ? `${t.perMention}${c}${r.bonus_per_mention}` : null,
    r.max_entries != null ? `${t.maxEntries}${c}${r.max_entries}` : null,
    r.exclude_suspicious?.length ? `${t.suspiciousLeftOut}${c}${r.exclude_suspicious.map((k) => labels.find((l) => l.kind === k)?.label || k).join(' ; ')}` : null,
    r.scheme === 'rfc3797' ? t.schemeRfc3797 : null,
  ];
  return lines.filter(Boolean);
}


/** The winners or the alternates of a drawing, in order. */
export function picks(panel, list, kind) {
  const t = panel.t;
  if (!list.length) return h('p', { class: 'sr-hint', text: t.none });
  return h('ol', { class: 'sr-picks', dataset: { picks: kind } }, list.map((p) => h('li', { dataset: { entrant: p.entrant, place: p.place } },
    h('span', { class: 'sr-place', text: `${p.place}.` }),
    h('span', { class: 'sr-who', text: p.entrant }),
    h('span', { class: 'sr-facts', text: `${t.tickets(p.tickets)} · ${t.rank} ${p.rank}` }),
    h('span', { class: 'sr-score', text: `${t.score} ${p.score}` }))));
}

/** An RFC 3797 drawing's key string and its selections, as the RFC's example tabulates them. */
function selectionsBlock(panel, r) {
  const t = panel.t;
  const th = (text) => h('th', { scope: 'col', text });
  return h('div', { class: 'sr-rfc3797', dataset: { rfc3797: r.key } },
    h('p', { class: 'sr-facts' }, `${t.rfcKey}${panel.colon}`, h('code', { class: 'sr-mono', dataset: { rfcKey: '' }, text: r.key })),
    h('table', { class: 'sr-print-table sr-selections', style: { marginBottom: '10px' } },
      h('caption', { class: 'sr-hint', style: { textAlign: 'left' }, text: t.rfcTable(r.pool) }),
      h('thead', {}, h('tr', {}, th(t.rfcIndex), th('MD5'), th(t.rfcDivisor), th(t.rfcTicket))),
      h('tbody', {}, r.selections.map((s) => h('tr', { dataset: { selection: s.index } },
        h('td', { text: String(s.index) }), h('td', { class: 'sr-mono', text: s.md5 }),
        h('td', { text: panel.fmt.count(s.remaining) }), h('td', { text: `${panel.fmt.count(s.ticket_number)} · ${s.ticket.replace('\t', ' #')}` }))))));
}

/**
 * The certificate as a document: on screen, and what the printer gets. `files` are the
 * entries it was drawn from (null when they changed since): the excluded entries are listed
 * from the workspace's preparation, the certificate itself holding only their indices.
 */
async function certificateDocument(panel, cert, files, sources) {
  const t = panel.t;
  const c = panel.colon;
  const first = cert.drawings[0];
  const last = cert.drawings[cert.drawings.length - 1];
  const seedText = (d) => `${d.rfc3797 ? t.sourcesValue : t.seedLine(d.seed.kind)}${c}${d.seed.value}${d.seed.source ? ` (${d.seed.source})` : ''}`;
  const drawing = (d) => h('section', { class: 'sr-drawing', dataset: { drawing: d.number } },
    h('h4', { text: t.drawing(d.number) }),
    h('p', { class: 'sr-facts', text: [d.drawn_at ? `${t.drawnAt} ${isoWhen(panel.locale, d.drawn_at)}` : null, seedText(d)].filter(Boolean).join(' · ') }),
    d.reason ? h('p', { class: 'sr-warn-text', dataset: { reason: d.reason }, text: t.redrawReason(d.disqualified.join(', '), d.reason) }) : null,
    d.rfc3797 ? selectionsBlock(panel, d.rfc3797) : null,
    h('strong', { text: t.winnersList }), picks(panel, d.winners, 'winners'),
    h('strong', { text: t.alternatesList }), picks(panel, d.alternates, 'alternates'));
  const excluded = cert.counts.excluded;
  const steps = cert.rules.scheme === 'rfc3797' ? [...t.howToSteps.slice(0, 2), t.howToRfc3797] : t.howToSteps;
  const page = files ? (reason, offset, limit) => files.call('drawExclusions', [reason, offset, limit, panel.lang], { key: `exclusions:${reason}` }) : null;
  const [printed, groups, labels] = await Promise.all([page ? page(null, 0, LIST_CHUNK).catch(() => []) : [], panel.core.exclusionsByReason(cert.exclusions, panel.lang), cert.rules.exclude_suspicious?.length ? panel.core.suspicionLabels(panel.lang) : []]);
  return h('article', { class: 'sr-cert', dataset: { fingerprint: cert.fingerprint } },
    h('h3', { tabIndex: -1, text: t.certificate }),
    cert.title ? h('p', { class: 'sr-cert-title', style: { fontSize: '17.6px', fontWeight: '650', margin: 0 }, text: cert.title }) : null,
    h('dl', { class: 'sr-kv' },
      first.drawn_at ? [h('dt', { text: t.drawnAt }), h('dd', { text: isoWhen(panel.locale, first.drawn_at) })] : null,
      h('dt', { text: t.fingerprintShort }), h('dd', { class: 'sr-mono', dataset: { certFingerprint: '' }, text: cert.fingerprint }),
      h('dt', { text: t.entriesHash }), h('dd', { class: 'sr-mono', text: cert.entries_sha256 }),
      h('dt', { text: last.rfc3797 ? t.sourcesValue : t.seed }), h('dd', { class: 'sr-mono', dataset: { seed: last.seed.kind }, text: `${last.seed.value}${last.seed.source ? ` (${last.seed.source})` : ''}` }),
      last.seed.drand ? [h('dt', { text: t.drandRound }), h('dd', { class: 'sr-mono', dataset: { drandRound: last.seed.drand.round }, style: { overflowWrap: 'anywhere' }, text: t.drandRoundText(last.seed.drand, (last.seed.source || '').replace(/,.*/, '')) })] : null,
      h('dt', { text: t.software }), h('dd', { text: `${cert.software} · ${cert.format}` })),
    countsLine(panel, cert.counts),
    h('h4', { text: t.rulesApplied }),
    h('ul', { class: 'sr-problems', dataset: { rules: '' } }, rulesText(panel, cert.rules, labels).map((x) => h('li', { text: x }))),
    cert.warnings.length ? h('ul', { class: 'sr-problems sr-warnings-list' }, cert.warnings.map((w) => h('li', { text: w.message }))) : null,
    cert.drawings.length > 1 ? h('h4', { text: t.history }) : null,
    cert.drawings.map(drawing),
    h('div', { class: 'sr-noprint' }, exclusionsBlock(panel, groups, page, sources)),
    h('div', { class: 'sr-print-only' },
      h('h4', { text: `${t.exclusionsTitle} (${excluded})` }),
      excluded
        ? h('table', { class: 'sr-print-table' }, h('tbody', {}, printed.map((x) => h('tr', {},
          h('td', { text: where(panel, x, sources) }), h('td', { text: x.author || '—' }), h('td', { text: x.message })))))
        : h('p', { text: t.noneExcluded }),
      excluded > printed.length ? h('p', { text: t.printedMore(excluded - printed.length) }) : null),
    h('details', { class: 'sr-noprint' }, h('summary', { text: t.howTo }), h('ol', { class: 'sr-problems' }, steps.map((x) => h('li', { text: x })))),
    h('div', { class: 'sr-print-only' }, h('h4', { text: t.howTo }), h('ol', {}, steps.map((x) => h('li', { text: x })))));
}

function redrawForm(panel, cert) {
  const t = panel.t;
  const s = panel.store.redraw;
  const last = cert.drawings[cert.drawings.length - 1];
  const options = [...last.winners.map((p) => [p.entrant, t.winnerOption(p)]), ...last.alternates.map((p) => [p.entrant, t.alternateOption(p)])];
  if (!options.some(([v]) => v === s.who)) s.who = options[0]?.[0] ?? '';
  const whoId = uid('r');
  const whyId = uid('r');
  const status = h('p', { class: 'sr-warn-text', attrs: { role: 'alert' } });
  const form = h('section', { class: 'sr-section sr-noprint', dataset: { section: 'redraw' } },
    h('h3', { class: 'sr-section-title', text: t.redraw }),
    h('p', { class: 'sr-hint', text: t.redrawHint }),
    h('div', { class: 'sr-fields sr-wide-fields' },
      h('label', { class: 'sr-field', htmlFor: whoId },
        h('span', { class: 'sr-lbl', text: t.redrawWho }),
        h('select', { id: whoId, dataset: { redraw: 'disqualify' }, on: { change: (e) => { s.who = e.target.value; } } },
          options.map(([v, label]) => h('option', { value: v, text: label, selected: v === s.who }))),
        h('span', { class: 'sr-msg', attrs: { role: 'alert' } })),
      h('label', { class: 'sr-field', htmlFor: whyId },
        h('span', { class: 'sr-lbl', text: t.redrawWhy }),
        h('input', { id: whyId, type: 'text', autocomplete: 'off', value: s.reason, placeholder: t.redrawWhyHint, dataset: { redraw: 'reason' }, on: { input: (e) => { s.reason = e.target.value; } } }),
        h('span', { class: 'sr-msg', attrs: { role: 'alert' } }))),
    h('div', { class: 'sr-row-actions' },
      h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'redraw' }, text: t.redrawGo, disabled: !options.length, on: { click: () => redraw(panel, form, status) } })),
    status);
  return form;
}

async function redraw(panel, form, status) {
  const s = panel.store.redraw;
  try {
    panel.store.cert = await panel.entryFiles.call('redrawWinners', [panel.store.cert, { disqualify: [s.who], reason: s.reason, seed: null, drawn_at: now() }, panel.lang], { units: panel.entryFiles.count });
  } catch (e) {
    // `redraw.reason`, `redraw.disqualify[0]` next to their fields; `certificate` below.
    const errors = (e?.errors || []).map((x) => ({ ...x, field: x.field.replace(/^redraw\./, '').replace(/\[\d+\]$/, '') }));
    const unplaced = panel.showFieldErrors(form, errors, 'redraw');
    status.textContent = e?.errors ? unplaced.map((x) => x.message).join(' ') : errorText(e, panel.lang);
    return;
  }
  panel.store.redraw = { who: '', reason: '' };
  panel.store.certSaved = false;
  await renderCertificateView(panel);
  panel.drawBox.querySelector(`[data-drawing="${panel.store.cert.drawings.length}"]`)?.scrollIntoView({ block: 'nearest' });
}

async function verifyThis(panel) {
  const v = panel.store.verify;
  v.cert = panel.store.cert;
  v.certName = panel.t.fromDraw;
  v.certError = null;
  panel.showView('verify');
  await panel.verifyFiles.copyFrom(panel.entryFiles);
}
