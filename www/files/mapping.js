// The mapping step of a table the core did not recognise: a select per column, grouped by kind
// of record, with samples; mappings are remembered by header signature for the next file.

import { h, uid } from '../dom.js';

const MAPPING_KEY = 'social-roi:mapping:';

/** The mapping last applied to a table whose header has `signature`, if any. */
export function remembered(signature) {
  try {
    const v = localStorage.getItem(MAPPING_KEY + signature);
    return v ? JSON.parse(v) : null;
  } catch {
    return null;
  }
}

/** Keeps `mapping` for the next table with a header of `signature`. */
export function remember(signature, mapping) {
  try {
    localStorage.setItem(MAPPING_KEY + signature, JSON.stringify(mapping));
  } catch {
    /* private mode: the mapping lasts this visit */
  }
}

/** The mapping form of table `index` of a file (behind a summary once applied). */
export function mappingStep(panel, entry, table, index) {
  const t = panel.t;
  const offer = table.mapping;
  const fields = panel.fields;
  const groups = new Map();
  for (const f of fields) {
    if (!groups.has(f.kind)) groups.set(f.kind, { label: f.kind_label, fields: [] });
    groups.get(f.kind).fields.push(f);
  }
  const current = offer.applied || offer.suggested;
  // Columns with no name, no sample and no field are not offered: a damaged sheet with a
  // cell in its last column (XFD) would otherwise ask for 16,384 choices and freeze the tab.
  const shown = offer.header.map((_, col) => col)
    .filter((col) => offer.header[col] || current[col] || offer.samples.some((row) => row[col]));
  const hidden = offer.header.length - shown.length;
  const form = h('div', { class: 'sr-mapping', dataset: { mapping: offer.signature } },
    h('h4', { text: t.mapTitle }),
    h('p', { class: 'sr-hint', text: (entry.rememberedTables || []).includes(index) ? t.mapRemembered : t.mapHint }),
    entry.mappingError ? h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: entry.mappingError }) : null,
    h('div', { class: 'sr-map-grid' }, shown.map((col) => {
      const name = offer.header[col];
      const id = uid('sr-map');
      const samples = offer.samples.map((row) => row[col]).filter((v) => v).slice(0, 3);
      return h('div', { class: 'sr-map-col' },
        h('label', { class: 'sr-map-name', htmlFor: id, text: name || `#${col + 1}` }),
        samples.length ? h('span', { class: 'sr-map-samples', text: `${t.mapSamples}${panel.colon}${samples.join(' · ')}` }) : null,
        h('select', { id, dataset: { column: col } },
          h('option', { value: '', text: t.mapNone, selected: !current[col] }),
          [...groups.values()].map((g) => h('optgroup', { label: g.label },
            g.fields.map((f) => h('option', { value: f.key, text: f.label, selected: current[col] === f.key }))))));
    })),
    hidden ? h('p', { class: 'sr-hint', dataset: { hiddenColumns: hidden }, text: t.mapHidden(panel.fmt.count(hidden)) }) : null,
    h('div', {}, h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'apply-mapping' }, text: t.mapApply, on: { click: (e) => panel.applyMapping(entry, index, e.target.closest('.sr-mapping')) } })));
  if (!offer.applied) return form;
  return h('details', { class: 'sr-remap' }, h('summary', { text: t.mapChange }), form);
}
