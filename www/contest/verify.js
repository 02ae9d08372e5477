// The Verify view: a certificate and the entry files it was drawn from, and the core's verdict,
// check by check.

import { h, replace } from '../dom.js';
import { errorText } from '../progress.js';
import { textOf } from '../protocol.js';
import { picks } from './certificate.js';

/** Reads a certificate file (the core says what is wrong with it, if anything). */
export async function readCertificate(panel, file) {
  const v = panel.store.verify;
  v.certFile = file;
  v.certName = file.name;
  try {
    // The worker reads the file's text itself.
    v.cert = await panel.core.readCertificate(file.name, textOf(file), panel.lang);
    v.certError = null;
  } catch (e) {
    v.cert = null;
    v.certError = errorText(e, panel.lang);
  }
  renderVerify(panel);
}

/** The Verify view: the certificate slot, the entry files, the verdict. */
export function buildVerify(panel) {
  const t = panel.t;
  const picker = h('input', {
    type: 'file', accept: '.json', hidden: true, dataset: { control: 'certificate' },
    on: { change: (e) => { if (e.target.files[0]) readCertificate(panel, e.target.files[0]); e.target.value = ''; } },
  });
  panel.certCard = h('div');
  panel.verdict = h('section', { class: 'sr-section', dataset: { section: 'verdict' }, attrs: { 'aria-live': 'polite' } });
  panel.verifyFiles.render();
  replace(panel.body,
    h('div', { class: 'sr-two' },
      h('section', { class: 'sr-section sr-noprint', dataset: { section: 'certificate' } },
        h('h3', { class: 'sr-section-title', text: t.certSlot }),
        h('p', { class: 'sr-hint', text: t.certSlotHint }),
        panel.zone('certificate', picker, t.chooseOne),
        panel.certCard),
      panel.verifyFiles.el),
    panel.verdict);
  // A certificate that failed says why in this language: read it again.
  const v = panel.store.verify;
  if (v.certError && v.certFile) readCertificate(panel, v.certFile);
  else renderVerify(panel);
}

/** The certificate's card and the core's verdict on it and the entry files. */
export async function renderVerify(panel) {
  if (panel.store.view !== 'verify' || !panel.verdict) return;
  const t = panel.t;
  const v = panel.store.verify;
  replace(panel.certCard, v.certName
    ? h('article', { class: 'sr-efile', dataset: { file: v.certName } },
      h('div', { class: 'sr-efile-head' },
        h('span', { class: 'sr-efile-name', text: v.certName }),
        h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': `${t.remove} ${v.certName}` }, on: { click: () => { Object.assign(v, { cert: null, certName: null, certError: null, certFile: null }); renderVerify(panel); } } })),
      v.certError
        ? h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, dataset: { error: 'certificate' }, text: v.certError })
        : h('span', { class: 'sr-facts', text: [v.cert.title, `${t.fingerprintShort}${panel.colon}${v.cert.fingerprint.slice(0, 16)}…`].filter(Boolean).join(' · ') }))
    : h('p', { class: 'sr-hint', text: t.noFile }));
  if (!v.cert) {
    replace(panel.verdict, h('p', { class: 'sr-hint', text: t.verifyWait }));
    return;
  }
  if (!panel.verifyFiles.ready) {
    replace(panel.verdict, h('p', { class: 'sr-hint', text: panel.verifyFiles.s.files.some((f) => f.state === 'reading') ? t.reading : t.verifyNeedEntries }));
    return;
  }
  let result;
  try {
    result = await panel.verifyFiles.call('verifyDraw', [v.cert, panel.lang], { key: 'verify', units: panel.verifyFiles.count });
  } catch (e) {
    if (e?.kind === 'superseded') return;
    replace(panel.verdict, h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: errorText(e, panel.lang) }));
    return;
  }
  if (panel.store.view !== 'verify') return;
  const last = v.cert.drawings[v.cert.drawings.length - 1];
  replace(panel.verdict,
    h('div', { class: `sr-verdict ${result.confirmed ? 'sr-ok' : 'sr-ko'}`, attrs: { role: 'status' }, dataset: { confirmed: String(result.confirmed) } },
      h('div', { style: { fontSize: '19.2px' }, text: result.confirmed ? `✓ ${t.confirmed}` : `✗ ${t.refuted}` }),
      h('div', { dataset: { summary: '' }, text: result.summary })),
    h('h4', { text: t.checks }),
    h('ul', { class: 'sr-checks' }, result.checks.map((c) => h('li', { dataset: { check: c.id, ok: String(c.ok) } },
      h('span', { class: 'sr-mark', text: c.ok ? '✓' : '✗' }),
      h('strong', { text: `${c.label}${panel.colon}` }), c.message))),
    result.confirmed ? [h('h4', { text: t.verifiedWinners }), picks(panel, last.winners, 'winners')] : null);
}
