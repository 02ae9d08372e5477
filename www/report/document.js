// The report's document, drawn as the core gives it: a cover page (logo, agency, title,
// client, period and what it is compared with), then one section per section ticked: the
// words written from the figures (editable), a table of every headline figure in both
// periods with its change, absolute and %, and an arrow (each figure's formula and inputs in
// its row and tooltip), the top posts, the benchmark's figures and ranks, the contest's
// figures and its draw's certificate summary, and the note.

import { h } from '../dom.js';
import { describe } from '../figure.js';
import { Format, isoWhen } from '../format.js';

const ARROWS = { up: '↑', down: '↓', flat: '→', none: '' };

function cell(p, fig, fmt, cls = '') {
  const has = fig?.value != null;
  return h('td', { class: `sr-num ${cls}`, title: fig ? describe(fig, fmt) : null, dataset: has ? { value: fig.value } : {} },
    has ? fmt.value(fig.value, fig.unit) : (fig?.reason ? h('span', { class: 'sr-reason', text: '—' }) : '—'));
}

function signed(fmt, fig) {
  if (fig.value == null) return '—';
  const text = fmt.value(fig.value, fig.unit);
  return fig.value > 0 && !text.startsWith('+') ? `+${text}` : text;
}

function rows(p, s) {
  const t = p.t;
  const fmt = s.currency ? new Format(p.ctx.locale, s.currency) : p.fmt;
  const changeCell = (fig) => h('td', { class: 'sr-num', title: describe(fig, fmt), dataset: fig.value != null ? { value: fig.value } : {} }, signed(fmt, fig));
  return h('table', { class: 'sr-r-table sr-r-figures' },
    h('thead', {}, h('tr', {}, [t.figure, t.previous, t.current, t.change, t.changePct, ''].map((x, i) => h('th', { class: i > 0 && i < 5 ? 'sr-num' : null, text: x })))),
    h('tbody', {}, s.rows.map((r) => h('tr', { dataset: { id: r.current.id, direction: r.direction } },
      h('th', { scope: 'row', title: describe(r.current, fmt) }, h('span', { text: r.current.label }), h('span', { class: 'sr-formula', text: r.current.formula })),
      cell(p, r.previous, fmt, 'sr-r-prev'),
      cell(p, r.current, fmt, 'sr-r-cur'),
      changeCell(r.change),
      changeCell(r.change_percent),
      h('td', { class: `sr-r-arrow sr-r-${r.direction}`, title: r.change.reason ?? null, text: r.direction === 'none' ? (r.previous && r.change.reason ? '≠' : '') : ARROWS[r.direction] })))));
}

/** An editable text (the words, the note) and its printed copy; typing changes the input only. */
function editable(p, key, value, label, store) {
  const printed = h('p', { class: 'sr-print-only sr-r-text', text: value });
  const area = h('textarea', {
    class: 'sr-noprint',
    value,
    rows: Math.max(2, Math.ceil(value.length / 90)),
    dataset: { key },
    attrs: { 'aria-label': label },
    on: { input: (e) => { store(e.target.value); printed.textContent = e.target.value; } },
  });
  return h('div', { class: 'sr-r-edit', dataset: { edit: key } }, h('span', { class: 'sr-label sr-noprint', text: label }), area, printed);
}

function posts(p, s) {
  if (!s.top_posts.length) return null;
  const t = p.t;
  const when = (d) => (d ? p.date(d.slice(0, 10)) : '—');
  return h('table', { class: 'sr-r-table sr-r-posts' },
    h('thead', {}, h('tr', {}, h('th', { text: t.post }), h('th', { text: t.network }), h('th', { text: t.published }), h('th', { class: 'sr-num', text: t.rate }))),
    h('tbody', {}, s.top_posts.map((r) => h('tr', { dataset: { post: r.id } },
      h('td', { text: (r.text ?? r.id).slice(0, 120) }),
      h('td', { text: p.networks?.[r.network] ?? r.network }),
      h('td', { text: when(r.published) }),
      h('td', { class: 'sr-num', dataset: r.rate != null ? { value: r.rate } : {}, text: r.rate != null ? p.fmt.value(r.rate, s.rate_unit) : '—' })))));
}

function benchmark(p, s) {
  const b = s.benchmark;
  if (!b?.accounts.length) return null;
  const heads = b.accounts[0].figures;
  return h('table', { class: 'sr-r-table sr-r-benchmark' },
    h('thead', {}, h('tr', {}, h('th', { text: p.t.account }), h('th', { text: p.t.network }), heads.map((f) => h('th', { title: f.formula, text: f.label })))),
    h('tbody', {}, b.accounts.map((a) => h('tr', { class: a.own ? 'sr-r-own' : '', dataset: { account: a.name, ...(a.from_files ? { fromFiles: '' } : {}) } },
      h('th', { scope: 'row', text: a.from_files ? `${a.name} (${p.t.fromFiles})` : (a.own ? `${a.name} (${p.t.own})` : a.name) }),
      h('td', { text: a.network }),
      a.figures.map((f, k) => h('td', { class: 'sr-num', title: describe(f, p.fmt), dataset: { id: f.id, ...(f.value != null ? { value: f.value, rank: a.ranks[k] } : {}) } },
        f.value != null ? `${p.fmt.value(f.value, f.unit)} · ${p.t.rank(a.ranks[k])}` : h('span', { class: 'sr-reason', text: f.reason })))))));
}

/** The contest's figures as the Contest tab shows them, and what its certificate says. */
function contest(p, s) {
  const c = s.contest;
  if (!c) return null;
  const t = p.t;
  const fmt = new Format(p.ctx.locale, c.currency, c.minor_digits);
  return h('div', { class: 'sr-r-contest' },
    c.label ? h('p', { class: 'sr-r-contest-name', text: c.label }) : null,
    c.problems.length ? h('ul', { class: 'sr-warnings' }, c.problems.map((x) => h('li', { text: x }))) : null,
    h('div', { class: 'sr-scroll' }, h('table', { class: 'sr-r-table sr-r-contest-figures' },
      h('thead', {}, h('tr', {}, h('th', { text: t.figure }), h('th', { text: t.value }))),
      h('tbody', {}, c.figures.map((f) => h('tr', { dataset: { id: f.id } },
        h('th', { scope: 'row', title: describe(f, fmt) }, h('span', { text: f.label }), h('span', { class: 'sr-formula', text: f.formula })),
        // On paper too, a figure that cannot be computed says why.
        f.value != null ? cell(p, f, fmt) : h('td', { class: 'sr-r-why' }, h('span', { class: 'sr-reason', text: f.reason ?? '—' }))))))),
    c.draw ? draw(p, c.draw) : null);
}

function draw(p, d) {
  const t = p.t.draw;
  const c = p.colon;
  const picks = (list) => h('ol', {}, list.map((x) => h('li', { dataset: { entrant: x.entrant } }, `${x.entrant} (${t.tickets(x.tickets)})`)));
  const line = (label, value, key) => h('p', { dataset: key ? { [key]: value } : {} }, h('strong', { text: `${label}${c}` }), h('span', { class: key === 'fingerprint' || key === 'entries' ? 'sr-r-hash' : '', text: value }));
  return h('div', { class: 'sr-r-draw', dataset: { draw: '' } },
    h('h3', { text: t.heading }),
    line(t.scheme, `${d.scheme} (${d.software})`),
    line(t.seed, `${d.seed}${d.seed_source ? ` — ${d.seed_source}` : ''} (${d.seed_kind_text})`, 'seed'),
    d.drawn_at ? line(t.drawnAt, isoWhen(p.fmt.locale, d.drawn_at)) : null,
    line(t.fingerprint, d.fingerprint, 'fingerprint'),
    line(t.entries, d.entries_sha256, 'entries'),
    line(t.counts, t.countsText(d.counts, p.fmt)),
    d.drawings > 1 ? line(t.drawings, String(d.drawings)) : null,
    h('div', { class: 'sr-r-picks' },
      h('div', { dataset: { picks: 'winners' } }, h('h4', { text: t.winners }), picks(d.winners)),
      d.alternates.length ? h('div', { dataset: { picks: 'alternates' } }, h('h4', { text: t.alternates }), picks(d.alternates)) : null),
    h('h4', { text: t.rules }),
    h('ul', { class: 'sr-r-rules' }, d.rules.map((x) => h('li', { text: x }))),
    h('p', { class: 'sr-hint sr-r-verify', text: d.verify }));
}

function section(p, r, s) {
  const key = s.id;
  return h('section', { class: 'sr-r-section', dataset: { section: key } },
    h('h2', { text: s.title }),
    s.reason ? h('p', { class: 'sr-reason', text: s.reason }) : null,
    s.rows.length ? editable(p, `words.${key}`, s.words, p.t.words, (v) => { p.input.words[key] = v; }) : null,
    s.rows.length ? h('div', { class: 'sr-scroll' }, rows(p, s)) : null,
    posts(p, s),
    benchmark(p, s),
    contest(p, s),
    editable(p, `notes.${key}`, s.note, p.t.note, (v) => { p.input.notes[key] = v; }));
}

function cover(p, r) {
  const t = p.t;
  const b = r.branding;
  return h('section', { class: 'sr-r-cover', dataset: { cover: '' } },
    b.logo ? h('img', { class: 'sr-r-logo', src: b.logo, alt: b.agency || '' }) : null,
    b.agency ? h('p', { class: 'sr-r-agency', text: t.preparedBy(b.agency) }) : null,
    h('h1', { class: 'sr-r-title', text: r.title }),
    b.client ? h('p', { class: 'sr-r-client', text: t.preparedFor(b.client) }) : null,
    h('p', { class: 'sr-r-period', dataset: { from: r.period?.from ?? '', to: r.period?.to ?? '' } }, `${t.period}${p.colon}${p.span(r.period)}`),
    r.previous ? h('p', { class: 'sr-r-previous' }, `${t.comparedWith} ${r.comparison_text}${p.colon}${p.span(r.previous)}`) : null,
    r.reason ? h('p', { class: 'sr-reason', text: r.reason }) : null,
    h('p', { class: 'sr-r-formulas sr-formula', text: r.change_formulas.join(' · ') }));
}

/** The whole document of report `r`. */
export function documentView(p, r) {
  const accent = /^#[0-9a-f]{6}$/i.test(r.branding.accent ?? '') ? r.branding.accent : null;
  return h('article', { class: 'sr-r-document', style: accent ? { '--report-accent': accent } : {}, dataset: { report: '' } },
    cover(p, r),
    r.warnings.length ? h('ul', { class: 'sr-warnings sr-noprint' }, r.warnings.map((w) => h('li', { text: w }))) : null,
    r.sections.map((s) => section(p, r, s)));
}
