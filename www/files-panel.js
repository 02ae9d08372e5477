// The Files tab: drop exports (or pick them, or paste CSV text), and see what the core
// understood of each: format, rows read, columns mapped and ignored, rows skipped and why,
// warnings, errors with their line and column. Files are read chunk by chunk with
// `file.stream()` and pushed to the core's Workspace, yielding to the page between chunks so
// the tab never freezes. Nothing here reads a number: the core reports, the page shows.

import { streamInto, today } from './reading.js';
import { adoptable } from './styles.js';
import { h, replace, uid } from './dom.js';
import { Format } from './format.js';

const MAPPING_KEY = 'social-roi:mapping:';
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.ods,.zip,.json';

const STRINGS = {
  fr: {
    heading: 'Vos exports',
    intro: 'Déposez vos exports X, Facebook, Instagram, LinkedIn, YouTube, TikTok, Google Analytics ou de commentaires : ils sont lus sur votre machine, rien n’est envoyé.',
    drop: 'Déposez un ou plusieurs fichiers ici',
    formats: 'CSV, TSV, TXT, XLSX, XLS, ODS, ZIP ou JSON',
    choose: 'Choisir des fichiers',
    paste: 'Coller du texte CSV',
    pasteLabel: 'Texte CSV (avec sa ligne d’en-tête)',
    pasteRead: 'Lire le texte collé',
    pastedName: (n) => `texte-collé-${n}.csv`,
    summary: 'Ce que contiennent vos données',
    nothing: 'Aucun fichier pour l’instant.',
    kinds: {
      posts: ['publication', 'publications'],
      daily: ['jour de statistiques', 'jours de statistiques'],
      ads: ['ligne de publicité', 'lignes de publicité'],
      traffic: ['ligne de trafic web', 'lignes de trafic web'],
      entries: ['participation', 'participations'],
      messages: ['message', 'messages'],
    },
    reading: (p) => `Lecture… ${p}`,
    remove: 'Retirer ce fichier',
    status: { ok: 'Lu', warnings: 'Lu, avec des remarques', errors: 'Lu, avec des erreurs', unreadable: 'Illisible', needs_mapping: 'Colonnes à associer', reading: 'En lecture', failed: 'Échec' },
    rows: 'lignes lues',
    imported: 'importées',
    header: (n) => `en-tête ligne ${n}`,
    noHeader: 'sans en-tête',
    details: (m, i) => `Colonnes : ${m} lues, ${i} ignorées`,
    mapped: 'Colonnes lues',
    ignored: 'Colonnes ignorées',
    column: 'Colonne',
    field: 'Champ',
    skipped: 'Lignes non importées',
    lines: (n) => (n === 1 ? 'ligne' : 'lignes'),
    totals: 'Ligne de total du fichier et nos sommes',
    fileTotal: 'Total du fichier',
    ourSum: 'Nos sommes',
    errors: 'Erreurs',
    warnings: 'Remarques',
    moreErrors: (n) => `… et ${n} autres erreurs`,
    mapTitle: 'Associez les colonnes',
    mapHint: 'Ce tableau n’est pas un export connu : indiquez ce que contient chaque colonne (d’un seul type d’enregistrement), puis importez.',
    mapApply: 'Importer avec ces colonnes',
    mapRemembered: 'Association reprise d’un fichier précédent aux mêmes colonnes ; modifiez-la si besoin.',
    mapNone: '— ignorer —',
    mapSamples: 'exemples',
    mapChange: 'Modifier l’association des colonnes',
    failed: 'Le fichier n’a pas pu être lu :',
    truncated: 'Fichier tronqué',
    encoding: 'encodage',
    delimiter: 'séparateur',
    decimal: { point: 'décimales avec un point', comma: 'décimales avec une virgule' },
    delimiters: { tab: 'tabulation', none: 'une seule colonne' },
  },
  en: {
    heading: 'Your exports',
    intro: 'Drop your X, Facebook, Instagram, LinkedIn, YouTube, TikTok, Google Analytics or comment exports: they are read on your machine, nothing is sent.',
    drop: 'Drop one or more files here',
    formats: 'CSV, TSV, TXT, XLSX, XLS, ODS, ZIP or JSON',
    choose: 'Choose files',
    paste: 'Paste CSV text',
    pasteLabel: 'CSV text (with its header line)',
    pasteRead: 'Read the pasted text',
    pastedName: (n) => `pasted-text-${n}.csv`,
    summary: 'What your data holds',
    nothing: 'No file yet.',
    kinds: {
      posts: ['post', 'posts'],
      daily: ['day of account totals', 'days of account totals'],
      ads: ['ad spend row', 'ad spend rows'],
      traffic: ['web traffic row', 'web traffic rows'],
      entries: ['contest entry', 'contest entries'],
      messages: ['message', 'messages'],
    },
    reading: (p) => `Reading… ${p}`,
    remove: 'Remove this file',
    status: { ok: 'Read', warnings: 'Read, with notes', errors: 'Read, with errors', unreadable: 'Unreadable', needs_mapping: 'Columns to map', reading: 'Reading', failed: 'Failed' },
    rows: 'rows read',
    imported: 'imported',
    header: (n) => `header on line ${n}`,
    noHeader: 'no header',
    details: (m, i) => `Columns: ${m} read, ${i} ignored`,
    mapped: 'Columns read',
    ignored: 'Columns ignored',
    column: 'Column',
    field: 'Field',
    skipped: 'Rows not imported',
    lines: (n) => (n === 1 ? 'line' : 'lines'),
    totals: 'The file’s total row and our sums',
    fileTotal: 'File’s total',
    ourSum: 'Our sum',
    errors: 'Errors',
    warnings: 'Notes',
    moreErrors: (n) => `… and ${n} more errors`,
    mapTitle: 'Map the columns',
    mapHint: 'This table is no known export: say what each column holds (fields of one kind of record), then import.',
    mapApply: 'Import with these columns',
    mapRemembered: 'Mapping taken from an earlier file with the same columns; change it if needed.',
    mapNone: '— ignore —',
    mapSamples: 'samples',
    mapChange: 'Change the column mapping',
    failed: 'The file could not be read:',
    truncated: 'Cut-short file',
    encoding: 'encoding',
    delimiter: 'delimiter',
    decimal: { point: 'decimal point', comma: 'decimal comma' },
    delimiters: { tab: 'tab', none: 'one column' },
  },
};

const NETWORKS = { x: 'X', facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn', youtube: 'YouTube', tiktok: 'TikTok', web: 'Web', other: '—' };
const ENCODINGS = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1252': 'Windows-1252' };

const css = `
.sr-files { display: grid; gap: 16px; }
.sr-drop-zone { border: 2px dashed var(--sr-line); border-radius: var(--sr-radius); padding: 18px; text-align: center; background: var(--sr-panel); display: grid; gap: 8px; justify-items: center; }
.sr-drop-zone strong { font-size: 1.05rem; }
.sr-file-actions { display: flex; flex-wrap: wrap; gap: 10px; justify-content: center; align-items: center; }
.sr-paste textarea { width: 100%; min-height: 120px; font: 0.85rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 1px solid #b9c4c6; border-radius: 6px; padding: 8px; }
.sr-paste summary, .sr-file details > summary { cursor: pointer; font-weight: 600; }
.sr-summary-list { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 8px 0 0; }
.sr-chip { display: inline-flex; gap: 4px; align-items: baseline; border: 1px solid var(--sr-line); border-radius: 999px; padding: 3px 10px; background: var(--sr-bg); font-size: 0.875rem; }
.sr-chip strong { font-variant-numeric: tabular-nums; }
.sr-file-list { display: grid; gap: 12px; }
.sr-file { border: 1px solid var(--sr-line); border-radius: var(--sr-radius); padding: 12px 14px; background: var(--sr-bg); display: grid; gap: 8px; min-width: 0; }
.sr-file-head { display: flex; gap: 8px; align-items: start; justify-content: space-between; }
.sr-file-name { font-weight: 700; overflow-wrap: anywhere; }
.sr-badge { display: inline-block; font-size: 0.75rem; font-weight: 700; border-radius: 999px; padding: 2px 8px; background: var(--sr-accent-soft); color: var(--sr-accent); white-space: nowrap; }
.sr-badge.sr-st-warnings, .sr-badge.sr-st-needs_mapping { background: #fff4d6; color: #7a5200; }
.sr-badge.sr-st-errors, .sr-badge.sr-st-unreadable, .sr-badge.sr-st-failed { background: var(--sr-danger-soft); color: var(--sr-danger); }
.sr-table-block { border-top: 1px solid var(--sr-line); padding-top: 8px; display: grid; gap: 6px; min-width: 0; }
.sr-table-title { font-weight: 650; overflow-wrap: anywhere; }
.sr-format-id { font: 0.75rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--sr-muted); }
.sr-facts { font-size: 0.85rem; color: var(--sr-muted); }
.sr-counts { font-variant-numeric: tabular-nums; }
.sr-problems { margin: 0; padding-left: 18px; font-size: 0.85rem; overflow-wrap: anywhere; }
.sr-problems.sr-errors-list { color: var(--sr-danger); }
.sr-problems.sr-warnings-list { color: #6b4a00; }
.sr-progress { width: 100%; height: 8px; }
.sr-scroll { overflow-x: auto; max-width: 100%; }
.sr-mini-table { border-collapse: collapse; font-size: 0.8rem; }
.sr-mini-table th, .sr-mini-table td { border-bottom: 1px solid var(--sr-line); padding: 3px 8px; text-align: left; vertical-align: top; }
.sr-mini-table td.sr-num { text-align: right; font-variant-numeric: tabular-nums; }
.sr-mapping { display: grid; gap: 8px; background: var(--sr-panel); border-radius: 8px; padding: 10px; }
.sr-map-grid { display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); }
.sr-map-col { display: grid; gap: 3px; background: var(--sr-bg); border: 1px solid var(--sr-line); border-radius: 6px; padding: 6px 8px; min-width: 0; }
.sr-map-col select { width: 100%; border: 1px solid #b9c4c6; border-radius: 6px; padding: 4px 6px; background: #fff; }
.sr-map-name { font-weight: 600; overflow-wrap: anywhere; }
.sr-map-samples { font-size: 0.75rem; color: var(--sr-muted); overflow-wrap: anywhere; }
.sr-ignored-list { font-size: 0.8rem; color: var(--sr-muted); overflow-wrap: anywhere; }
`;

const sheet = adoptable(css);



function remembered(signature) {
  try {
    const v = localStorage.getItem(MAPPING_KEY + signature);
    return v ? JSON.parse(v) : null;
  } catch {
    return null;
  }
}

function remember(signature, mapping) {
  try {
    localStorage.setItem(MAPPING_KEY + signature, JSON.stringify(mapping));
  } catch {
    /* private mode: the mapping lasts this visit */
  }
}

export class FilesPanel {
  constructor(ctx) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.t = STRINGS[ctx.lang] ?? STRINGS.en;
    this.fmt = new Format(ctx.locale, 'EUR');
    this.store = ctx.store;
    // The workspace is shared: the analysis and contest tabs read the same dropped files.
    this.shared = ctx.shared;
    this.shared.workspace ??= new this.core.Workspace(today());
    // [{ key, id, file, name, size, state: 'reading'|'done'|'failed', read, report, error }]
    this.store.files ??= [];
    this.store.pasted ??= 0;
    this.sheets = [sheet()];
    this.list = h('div', { class: 'sr-file-list', attrs: { 'aria-live': 'polite' } });
    this.summary = h('section', { class: 'sr-section sr-summary', dataset: { section: 'summary' } });
    this.picker = h('input', {
      type: 'file',
      multiple: true,
      accept: ACCEPT,
      hidden: true,
      dataset: { control: 'files' },
      on: { change: (e) => { this.addFiles(e.target.files); e.target.value = ''; } },
    });
    const t = this.t;
    const pasteId = uid('sr-paste');
    this.pasteArea = h('textarea', { id: pasteId, dataset: { control: 'paste' }, spellcheck: false });
    this.el = h('div', { class: 'sr-files', dataset: { panel: 'files' } },
      h('div', {},
        h('h2', { class: 'sr-section-title', text: t.heading }),
        h('p', { class: 'sr-hint', text: t.intro })),
      h('div', { class: 'sr-drop-zone' },
        h('strong', { text: t.drop }),
        h('span', { class: 'sr-hint', text: t.formats }),
        h('div', { class: 'sr-file-actions' },
          h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.choose, dataset: { action: 'choose' }, on: { click: () => this.picker.click() } }),
          this.picker)),
      h('details', { class: 'sr-paste' },
        h('summary', { text: t.paste }),
        h('label', { class: 'sr-field', htmlFor: pasteId }, h('span', { class: 'sr-lbl', text: t.pasteLabel })),
        this.pasteArea,
        h('button', { type: 'button', class: 'sr-btn', text: t.pasteRead, dataset: { action: 'paste' }, on: { click: () => this.readPasted() } })),
      this.summary,
      this.list);
    this.render();
  }

  get ws() {
    return this.shared.workspace;
  }

  /** `3 posts`, `1 post`. */
  kind(k, n) {
    const [one, many] = this.t.kinds[k];
    return `${this.fmt.count(n)} ${n === 1 ? one : many}`;
  }

  get colon() {
    return this.lang === 'fr' ? '\u00a0: ' : ': ';
  }

  /** Reads `files` one after another (a FileList or an array of File). */
  async addFiles(files) {
    for (const file of Array.from(files || [])) {
      // eslint-disable-next-line no-await-in-loop
      await this.readFile(file);
    }
  }

  readPasted() {
    const text = this.pasteArea.value;
    if (!text.trim()) return;
    this.store.pasted += 1;
    this.pasteArea.value = '';
    this.addFiles([new File([text], this.t.pastedName(this.store.pasted), { type: 'text/csv' })]);
  }

  async readFile(file) {
    const entry = { key: uid('sr-file'), file, name: file.name, size: file.size, state: 'reading', read: 0 };
    this.store.files.push(entry);
    this.render();
    try {
      await this.pushFile(entry);
      entry.report = this.ws.finishFile(entry.id, this.lang);
      entry.state = 'done';
      await this.applyRemembered(entry);
    } catch (e) {
      entry.state = 'failed';
      entry.error = e?.message || String(e);
      // A reader that stopped inside WebAssembly may leave the workspace unusable: start a
      // new one and read the other files again (they are still at hand).
      if (e instanceof WebAssembly.RuntimeError) await this.rebuild(entry);
    }
    this.render();
  }

  async pushFile(entry) {
    entry.id = await streamInto(this.ws, entry.file, entry.name, (read) => {
      entry.read = read;
      this.progress(entry);
    });
  }

  async rebuild(failed) {
    this.shared.workspace = new this.core.Workspace(today());
    for (const entry of this.store.files) {
      if (entry === failed || entry.state !== 'done') continue;
      entry.read = 0;
      // eslint-disable-next-line no-await-in-loop
      await this.pushFile(entry);
      entry.report = this.ws.finishFile(entry.id, this.lang);
    }
  }

  /** A table the core did not recognise, whose header was mapped before: map it again. */
  async applyRemembered(entry) {
    const tables = entry.report?.tables || [];
    for (let i = 0; i < tables.length; i += 1) {
      const offer = tables[i].mapping;
      if (!offer || offer.applied) continue;
      const mapping = remembered(offer.signature);
      if (!mapping) continue;
      try {
        entry.report = this.ws.applyMapping(entry.id, i, mapping, this.lang);
        entry.rememberedTables = [...(entry.rememberedTables || []), i];
      } catch {
        /* the remembered mapping no longer fits: the user maps again */
      }
    }
  }

  remove(entry) {
    if (entry.id != null && entry.state !== 'reading') this.ws.removeFile(entry.id);
    this.store.files = this.store.files.filter((x) => x !== entry);
    this.render();
  }

  applyMapping(entry, tableIndex, card) {
    const mapping = {};
    for (const select of card.querySelectorAll('select[data-column]')) {
      mapping[select.dataset.column] = select.value || null;
    }
    const offer = entry.report.tables[tableIndex].mapping;
    try {
      entry.report = this.ws.applyMapping(entry.id, tableIndex, mapping, this.lang);
      entry.mappingError = null;
      remember(offer.signature, mapping);
    } catch (e) {
      entry.mappingError = e?.message || String(e);
    }
    this.render();
  }

  progress(entry) {
    const el = this.list.querySelector(`[data-key="${entry.key}"] progress`);
    if (!el) return;
    el.value = entry.read;
    const label = this.list.querySelector(`[data-key="${entry.key}"] .sr-progress-text`);
    if (label) label.textContent = this.t.reading(this.size(entry.read));
  }

  size(bytes) {
    const units = this.lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
    let v = bytes;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) { v /= 1024; u += 1; }
    return `${this.fmt.count(u === 0 ? v : Math.round(v * 10) / 10)} ${units[u]}`;
  }

  // -- rendering -----------------------------------------------------------------------

  render() {
    // Reports are kept by the core; ask for them in this language (a language switch
    // re-renders without reading anything again).
    const byId = new Map(this.ws.reports(this.lang).map((r) => [r.id, r]));
    for (const entry of this.store.files) {
      if (entry.state === 'done' && byId.has(entry.id)) entry.report = byId.get(entry.id);
    }
    this.renderSummary();
    replace(this.list, this.store.files.map((entry) => this.card(entry)));
  }

  renderSummary() {
    const t = this.t;
    const totals = this.ws.totals(this.lang);
    const kinds = Object.keys(t.kinds).filter((k) => totals.records[k] > 0);
    replace(this.summary,
      h('h3', { class: 'sr-section-title', text: t.summary }),
      kinds.length === 0
        ? h('p', { class: 'sr-hint', text: t.nothing })
        : [
          h('ul', { class: 'sr-summary-list', dataset: { summary: 'records' } },
            kinds.map((k) => h('li', { class: 'sr-chip', dataset: { kind: k, count: totals.records[k] } },
              h('strong', { text: this.fmt.count(totals.records[k]) }), ` ${t.kinds[k][totals.records[k] === 1 ? 0 : 1]}`))),
          h('ul', { class: 'sr-summary-list', dataset: { summary: 'networks' } },
            totals.groups.map((g) => h('li', { class: 'sr-chip', dataset: { kind: g.kind, network: g.network, count: g.records } },
              h('span', { text: `${NETWORKS[g.network] ?? g.network}${g.currency ? ` (${g.currency})` : ''} ·` }),
              h('strong', { text: this.fmt.count(g.records) }),
              ` ${t.kinds[g.kind][g.records === 1 ? 0 : 1]}`))),
        ]);
  }

  card(entry) {
    const t = this.t;
    const r = entry.report;
    const state = entry.state === 'done' ? r.status : entry.state;
    const head = h('div', { class: 'sr-file-head' },
      h('div', {},
        h('div', { class: 'sr-file-name', text: entry.name }),
        h('span', { class: `sr-badge sr-st-${state}`, dataset: { status: state }, text: t.status[state] ?? state }),
        ' ',
        h('span', { class: 'sr-facts', text: this.size(entry.size) }),
        r?.truncated ? h('span', { class: 'sr-badge sr-st-warnings', dataset: { truncated: 'true' }, text: t.truncated }) : null),
      entry.state === 'reading'
        ? null
        : h('button', { type: 'button', class: 'sr-remove', title: t.remove, attrs: { 'aria-label': `${t.remove} ${entry.name}` }, dataset: { action: 'remove-file' }, text: '×', on: { click: () => this.remove(entry) } }));
    const body = [];
    if (entry.state === 'reading') {
      body.push(h('progress', { class: 'sr-progress', max: Math.max(1, entry.size), value: entry.read }),
        h('span', { class: 'sr-facts sr-progress-text', text: t.reading(this.size(entry.read)) }));
    }
    if (entry.state === 'failed') {
      body.push(h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: `${t.failed} ${entry.error}` }));
    }
    if (r) {
      body.push(this.problems(r.errors, 'errors'), this.problems(r.warnings, 'warnings'));
      r.tables.forEach((table, i) => body.push(this.tableBlock(entry, table, i)));
    }
    return h('article', { class: 'sr-file', dataset: { key: entry.key, file: entry.name, id: entry.id ?? '' }, attrs: { 'aria-label': entry.name } }, head, body);
  }

  problems(list, kind, more = 0) {
    if (!list?.length) return null;
    const t = this.t;
    return h('div', { dataset: { problems: kind } },
      h('ul', { class: `sr-problems sr-${kind}-list` },
        list.map((p) => h('li', { dataset: { code: p.code, line: p.line ?? '', column: p.column ?? '' }, text: p.message })),
        more > 0 ? h('li', { text: t.moreErrors(more) }) : null));
  }

  tableBlock(entry, table, index) {
    const t = this.t;
    const kinds = Object.keys(t.kinds).filter((k) => table.records[k] > 0)
      .map((k) => this.kind(k, table.records[k]));
    const facts = [];
    if (table.encoding) facts.push(`${t.encoding}${this.colon}${ENCODINGS[table.encoding] ?? table.encoding}`);
    if (table.delimiter) facts.push(`${t.delimiter}${this.colon}${t.delimiters[table.delimiter] ?? `« ${table.delimiter} »`}`);
    if (table.decimal_mark) facts.push(t.decimal[table.decimal_mark]);
    facts.push(table.header_line ? t.header(table.header_line) : t.noHeader);
    const waiting = table.mapping && !table.mapping.applied;
    const block = h('section', { class: 'sr-table-block', dataset: { table: index, format: table.format.id } },
      h('div', { class: 'sr-table-title' },
        table.source !== entry.name ? h('div', { class: 'sr-facts', text: table.source }) : null,
        h('span', { text: table.format.label }), ' ',
        h('span', { class: 'sr-format-id', text: table.format.id })),
      h('div', { class: 'sr-counts', dataset: { rows: table.rows, imported: table.imported } },
        `${this.fmt.count(table.rows)} ${t.rows} · ${this.fmt.count(table.imported)} ${t.imported}`,
        kinds.length ? ` (${kinds.join(', ')})` : ''),
      h('div', { class: 'sr-facts', text: facts.join(' · ') }),
      table.skipped.length
        ? h('div', { dataset: { skipped: table.skipped.length } },
          h('div', { class: 'sr-facts', text: t.skipped }),
          h('ul', { class: 'sr-problems' }, table.skipped.map((s) => h('li', { dataset: { reason: s.reason, count: s.count },
            text: `${this.fmt.count(s.count)} × ${s.label}${s.lines.length ? ` (${t.lines(s.count)} ${s.lines.join(', ')}${s.count > s.lines.length ? '…' : ''})` : ''}` }))))
        : null,
      this.problems(table.errors, 'errors', table.error_count - table.errors.length),
      this.problems(table.warnings, 'warnings'),
      table.totals.length ? this.totalsTable(table) : null,
      waiting ? null : this.columnsDetails(table),
      table.mapping ? this.mappingStep(entry, table, index) : null);
    return block;
  }

  totalsTable(table) {
    const t = this.t;
    return h('details', { dataset: { totals: table.totals.length } },
      h('summary', { text: t.totals }),
      h('div', { class: 'sr-scroll' },
        h('table', { class: 'sr-mini-table' },
          h('thead', {}, h('tr', {}, h('th', { text: t.column }), h('th', { text: t.fileTotal }), h('th', { text: t.ourSum }))),
          h('tbody', {}, table.totals.map((c) => h('tr', { dataset: { agrees: c.agrees } },
            h('td', { text: c.column }),
            h('td', { class: 'sr-num', text: this.fmt.count(c.file_total) }),
            h('td', { class: `sr-num${c.agrees ? '' : ' sr-bad'}`, text: this.fmt.count(c.our_sum) })))))));
  }

  columnsDetails(table) {
    const t = this.t;
    return h('details', { class: 'sr-columns' },
      h('summary', { text: t.details(table.mapped.length, table.ignored.length) }),
      table.mapped.length
        ? h('div', { class: 'sr-scroll' },
          h('table', { class: 'sr-mini-table', dataset: { mapped: table.mapped.length } },
            h('thead', {}, h('tr', {}, h('th', { text: t.column }), h('th', { text: t.field }))),
            h('tbody', {}, table.mapped.map((m) => h('tr', { dataset: { field: m.field } }, h('td', { text: m.column }), h('td', { text: m.label }))))))
        : null,
      table.ignored.length
        ? h('p', { class: 'sr-ignored-list', dataset: { ignored: table.ignored.length } }, `${t.ignored}${this.colon}`, table.ignored.map((c) => c.column).join(' · '))
        : null);
  }

  mappingStep(entry, table, index) {
    const t = this.t;
    const offer = table.mapping;
    const fields = this.core.canonicalFields(this.lang);
    const groups = new Map();
    for (const f of fields) {
      if (!groups.has(f.kind)) groups.set(f.kind, { label: f.kind_label, fields: [] });
      groups.get(f.kind).fields.push(f);
    }
    const current = offer.applied || offer.suggested;
    const form = h('div', { class: 'sr-mapping', dataset: { mapping: offer.signature } },
      h('h4', { text: t.mapTitle }),
      h('p', { class: 'sr-hint', text: (entry.rememberedTables || []).includes(index) ? t.mapRemembered : t.mapHint }),
      entry.mappingError ? h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: entry.mappingError }) : null,
      h('div', { class: 'sr-map-grid' }, offer.header.map((name, col) => {
        const id = uid('sr-map');
        const samples = offer.samples.map((row) => row[col]).filter((v) => v).slice(0, 3);
        return h('div', { class: 'sr-map-col' },
          h('label', { class: 'sr-map-name', htmlFor: id, text: name || `#${col + 1}` }),
          samples.length ? h('span', { class: 'sr-map-samples', text: `${t.mapSamples}${this.colon}${samples.join(' · ')}` }) : null,
          h('select', { id, dataset: { column: col } },
            h('option', { value: '', text: t.mapNone, selected: !current[col] }),
            [...groups.values()].map((g) => h('optgroup', { label: g.label },
              g.fields.map((f) => h('option', { value: f.key, text: f.label, selected: current[col] === f.key }))))));
      })),
      h('div', {}, h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'apply-mapping' }, text: t.mapApply, on: { click: (e) => this.applyMapping(entry, index, e.target.closest('.sr-mapping')) } })));
    if (!offer.applied) return form;
    return h('details', { class: 'sr-remap' }, h('summary', { text: t.mapChange }), form);
  }
}
