// Suspicious entrants, as the core flagged them (`prepared.suspicious`, `suspicion_kinds`):
// each kind with its count and its flags (who, why, which lines), and one checkbox per kind
// that turns it into a rule of the draw, off by default: a flag is a question for the
// organiser, and only a kind turned on leaves entrants out (the certificate records it).
// The preparation carries the first flags of each kind; the others come from the core a page
// at a time (`drawSuspicious`), as the exclusions do.

import { h } from '../dom.js';
import { errorText } from '../progress.js';

/** How many more flags of a kind one "show more" fetches. */
const CHUNK = 200;

/** The suspicious block of preparation `pr`; `page(kind, offset, limit)` fetches flags. */
export function suspiciousBlock(panel, pr, page) {
  const t = panel.t;
  const r = panel.store.rules;
  r.exclude_suspicious ??= [];
  const flagged = pr.suspicion_kinds.filter((k) => k.flagged > 0 || k.excluded);
  if (!flagged.length) return h('p', { class: 'sr-hint', dataset: { suspicious: 0 }, text: t.noSuspicious });
  const total = pr.suspicion_kinds.reduce((n, k) => n + k.flagged, 0);
  return h('div', { class: 'sr-suspicious', dataset: { suspicious: total } },
    h('h4', { text: t.suspicious(pr.suspicious_entrants) }),
    h('p', { class: 'sr-hint', text: t.suspiciousHint }),
    flagged.map((k) => kindGroup(panel, k, pr.suspicious.filter((f) => f.kind === k.kind), page)));
}

/** One kind: its count, its rule's checkbox, its flags on demand. */
function kindGroup(panel, k, first, page) {
  const t = panel.t;
  const r = panel.store.rules;
  const list = h('ul', { class: 'sr-entry-list' });
  let shown = 0;
  const more = h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'more-suspicious' }, hidden: true });
  const show = (flags) => {
    list.append(...flags.map((f) => h('li', { dataset: { entrant: f.entrant } },
      h('strong', { text: f.entrant }), ` — ${f.reason} `,
      h('span', { class: 'sr-where', text: `(${f.lines.map((l) => t.line(null, l)).join(', ')})` }))));
    shown = flags.length ? Math.min(k.flagged, shown + flags.length) : k.flagged;
    more.hidden = shown >= k.flagged;
    more.textContent = t.showMore(Math.min(CHUNK, k.flagged - shown));
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      show(await page(k.kind, shown, CHUNK));
    } catch (e) {
      if (e?.kind === 'superseded') return;
      list.append(h('li', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: errorText(e, panel.lang) }));
    } finally {
      more.disabled = false;
    }
  });
  const box = h('input', {
    type: 'checkbox',
    checked: r.exclude_suspicious.includes(k.kind),
    dataset: { suspicionRule: k.kind },
    on: {
      change: (e) => {
        r.exclude_suspicious = r.exclude_suspicious.filter((x) => x !== k.kind).concat(e.target.checked ? [k.kind] : []);
        panel.scheduleDraw();
      },
    },
  });
  const d = h('details', { class: 'sr-reason-group', dataset: { kind: k.kind, count: k.flagged, excluded: k.excluded } },
    h('summary', {}, h('strong', { text: panel.fmt.count(k.flagged) }), ` × ${k.label}`, k.excluded ? h('span', { class: 'sr-tag-rule', text: ` · ${t.suspiciousExcluded}` }) : null),
    h('label', { class: 'sr-check' }, box, h('span', { text: t.suspiciousRule })),
    list, more);
  d.addEventListener('toggle', () => { if (d.open && !list.childElementCount) show(first); });
  return d;
}
