// A file's card: its name, status and size, then per table what the core understood (format,
// rows read and imported, encoding, delimiter, decimal mark, header line), rows skipped and
// why, errors and warnings with their line and column, the file's total row beside our sums,
// the columns read and ignored, the mapping step when the table needs one, and for a follower
// list the button that offers it to the contest's outcome.

import { h } from '../dom.js';
import { stoppedWords } from '../progress.js';
import { fileSize } from '../reading.js';
import { mappingStep } from './mapping.js';

const ENCODINGS = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' };

/** The card of a dropped file, as it reads and once the core reported on it. */
export function card(panel, entry) {
  const t = panel.t;
  const r = entry.report;
  const state = entry.state === 'done' ? r.status : entry.state;
  const head = h('div', { class: 'sr-file-head' },
    h('div', {},
      h('div', { class: 'sr-file-name', text: entry.name }),
      h('span', { class: `sr-badge sr-st-${state}`, dataset: { status: state }, text: t.status[state] ?? state }),
      ' ',
      h('span', { class: 'sr-facts', text: fileSize(entry.size, panel.fmt) }),
      r?.truncated ? h('span', { class: 'sr-badge sr-st-warnings', dataset: { truncated: 'true' }, text: t.truncated }) : null),
    entry.state === 'reading'
      ? null
      : h('button', { type: 'button', class: 'sr-remove', title: t.remove, attrs: { 'aria-label': `${t.remove} ${entry.name}` }, dataset: { action: 'remove-file' }, text: '×', on: { click: () => panel.remove(entry) } }));
  const body = [];
  if (entry.state === 'reading') body.push(panel.progressView(entry));
  if (entry.state === 'failed') {
    const why = entry.stopped ? stoppedWords(entry.stopped, panel.lang) : entry.error;
    body.push(h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, dataset: { stopped: entry.stopped ?? '' }, text: `${t.failed} ${why}` }));
  }
  if (r) {
    body.push(problems(panel, r.errors, 'errors', 0, entry), problems(panel, r.warnings, 'warnings', 0, entry));
    r.tables.forEach((table, i) => body.push(tableBlock(panel, entry, table, i)));
  }
  return h('article', { class: 'sr-file', dataset: { key: entry.key, file: entry.name, id: entry.id ?? '' }, attrs: { 'aria-label': entry.name } }, head, body);
}

/** Codes of a quote that swallowed lines: the file may be read again with it as a character. */
const QUOTES = new Set(['open_quote', 'quote_swallowed']);

function problems(panel, list, kind, more = 0, entry = null) {
  if (!list?.length) return null;
  const t = panel.t;
  const literal = (p) => (entry && QUOTES.has(p.code) && p.line && p.column
    ? h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'quote-literal' }, text: t.quoteLiteral, on: { click: () => panel.takeQuote(entry, p.line, p.column) } })
    : null);
  return h('div', { dataset: { problems: kind } },
    h('ul', { class: `sr-problems sr-${kind}-list` },
      list.map((p) => h('li', { dataset: { code: p.code, line: p.line ?? '', column: p.column ?? '' } }, p.message, literal(p) ? ' ' : null, literal(p))),
      more > 0 ? h('li', { text: t.moreErrors(more) }) : null));
}

function tableBlock(panel, entry, table, index) {
  const t = panel.t;
  const kinds = Object.keys(t.kinds).filter((k) => table.records[k] > 0)
    .map((k) => panel.kind(k, table.records[k]));
  const facts = [];
  if (table.encoding) facts.push(`${t.encoding}${panel.colon}${ENCODINGS[table.encoding] ?? table.encoding}`);
  if (table.delimiter) facts.push(`${t.delimiter}${panel.colon}${t.delimiters[table.delimiter] ?? `« ${table.delimiter} »`}`);
  if (table.decimal_mark) facts.push(t.decimal[table.decimal_mark]);
  facts.push(table.header_line ? t.header(table.header_line) : t.noHeader);
  const waiting = table.mapping && !table.mapping.applied;
  const block = h('section', { class: 'sr-table-block', dataset: { table: index, format: table.format.id } },
    h('div', { class: 'sr-table-title' },
      table.source !== entry.name ? h('div', { class: 'sr-facts', text: table.source }) : null,
      h('span', { text: table.format.label }), ' ',
      h('span', { class: 'sr-format-id', text: table.format.id })),
    h('div', { class: 'sr-counts', dataset: { rows: table.rows, imported: table.imported } },
      `${panel.fmt.count(table.rows)} ${t.rows} · ${panel.fmt.count(table.imported)} ${t.imported}`,
      kinds.length ? ` (${kinds.join(', ')})` : ''),
    h('div', { class: 'sr-facts', text: facts.join(' · ') }),
    table.skipped.length
      ? h('div', { dataset: { skipped: table.skipped.length } },
        h('div', { class: 'sr-facts', text: t.skipped }),
        h('ul', { class: 'sr-problems' }, table.skipped.map((s) => h('li', { dataset: { reason: s.reason, count: s.count },
          text: `${panel.fmt.count(s.count)} × ${s.label}${s.lines.length ? ` (${t.lines(s.count)} ${s.lines.join(', ')}${s.count > s.lines.length ? '…' : ''})` : ''}` }))))
      : null,
    problems(panel, table.errors, 'errors', table.error_count - table.errors.length),
    problems(panel, table.warnings, 'warnings'),
    table.format.follower_list ? followerList(panel, entry, table) : null,
    table.totals.length ? totalsTable(panel, table) : null,
    waiting ? null : columnsDetails(panel, table),
    table.mapping ? mappingStep(panel, entry, table, index) : null);
  return block;
}

/** A follower list: what it is for, and the button that offers it to the contest's outcome. */
function followerList(panel, entry, table) {
  const t = panel.t;
  return h('div', { class: 'sr-notice', dataset: { followerList: table.rows } },
    h('p', { text: t.followerList(panel.fmt.count(table.rows)), style: { margin: '0 0 6px' } }),
    // The contest reads the list's own JSON: one inside an archive is placed from there.
    entry.report.kind !== 'json'
      ? h('p', { class: 'sr-hint', text: t.unpackList, style: { margin: 0 } })
      : entry.offered
      ? [h('p', { text: t.offered, style: { margin: '0 0 6px' } }),
        h('button', { type: 'button', class: 'sr-btn', text: t.openContest, dataset: { action: 'open-contest' }, on: { click: () => panel.ctx.element.showTab('contest') } })]
      : h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.toContest, dataset: { action: 'to-contest' }, on: { click: () => panel.offerToContest(entry) } }));
}

function totalsTable(panel, table) {
  const t = panel.t;
  return h('details', { dataset: { totals: table.totals.length } },
    h('summary', { text: t.totals }),
    h('div', { class: 'sr-scroll' },
      h('table', { class: 'sr-mini-table' },
        h('thead', {}, h('tr', {}, h('th', { text: t.column }), h('th', { text: t.fileTotal }), h('th', { text: t.ourSum }))),
        h('tbody', {}, table.totals.map((c) => h('tr', { dataset: { agrees: c.agrees } },
          h('td', { text: c.column }),
          h('td', { class: 'sr-num', text: panel.fmt.count(c.file_total) }),
          h('td', { class: `sr-num${c.agrees ? '' : ' sr-bad'}`, text: panel.fmt.count(c.our_sum) })))))));
}

function columnsDetails(panel, table) {
  const t = panel.t;
  return h('details', { class: 'sr-columns' },
    h('summary', { text: t.details(table.mapped.length, table.ignored.length) }),
    table.mapped.length
      ? h('div', { class: 'sr-scroll' },
        h('table', { class: 'sr-mini-table', dataset: { mapped: table.mapped.length } },
          h('thead', {}, h('tr', {}, h('th', { text: t.column }), h('th', { text: t.field }))),
          h('tbody', {}, table.mapped.map((m) => h('tr', { dataset: { field: m.field } }, h('td', { text: m.column }), h('td', { text: m.label }))))))
      : null,
    table.ignored.length
      ? h('p', { class: 'sr-ignored-list', dataset: { ignored: table.ignored.length } }, `${t.ignored}${panel.colon}`, table.ignored.map((c) => c.column).join(' · '))
      : null);
}
