// Suspicious entrants, as the core flagged them (`prepared.suspicious`, `suspicion_kinds`):
// each kind with its count and its flags (who, why, which lines), and one checkbox per kind
// that turns it into a rule of the draw, off by default: a flag is a question for the
// organiser, and only a kind turned on leaves entrants out (the certificate records it).

import { h } from '../dom.js';

/** How many flags of a kind are listed before "show more". */
const CHUNK = 200;

/** The suspicious block of preparation `pr`. */
export function suspiciousBlock(panel, pr) {
  const t = panel.t;
  const r = panel.store.rules;
  r.exclude_suspicious ??= [];
  const flagged = pr.suspicion_kinds.filter((k) => k.flagged > 0 || k.excluded);
  if (!flagged.length) return h('p', { class: 'sr-hint', dataset: { suspicious: 0 }, text: t.noSuspicious });
  return h('div', { class: 'sr-suspicious', dataset: { suspicious: pr.suspicious.length } },
    h('h4', { text: t.suspicious(new Set(pr.suspicious.map((f) => f.entrant)).size) }),
    h('p', { class: 'sr-hint', text: t.suspiciousHint }),
    flagged.map((k) => kindGroup(panel, k, pr.suspicious.filter((f) => f.kind === k.kind))));
}

/** One kind: its count, its rule's checkbox, its flags on demand. */
function kindGroup(panel, k, flags) {
  const t = panel.t;
  const r = panel.store.rules;
  const list = h('ul', { class: 'sr-entry-list' });
  const fill = () => list.append(...flags.slice(0, CHUNK).map((f) => h('li', { dataset: { entrant: f.entrant } },
    h('strong', { text: f.entrant }), ` — ${f.reason} `,
    h('span', { class: 'sr-where', text: `(${f.lines.map((l) => t.line(null, l)).join(', ')})` }))));
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
    list,
    flags.length > CHUNK ? h('p', { class: 'sr-hint', text: t.suspiciousMore(flags.length - CHUNK) }) : null);
  d.addEventListener('toggle', () => { if (d.open && !list.childElementCount) fill(); });
  return d;
}
