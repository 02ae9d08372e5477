// A table whose columns sort by the core's values (sorting only orders them); the sort of each
// table is kept in the tab's store, so a re-render keeps it.

import { h, replace } from '../dom.js';

/**
 * A table whose columns sort (by the core's values: sorting only orders them). `cols`:
 * `[{ label, text(row), sort(row), title?(row), cls? }]`. Each cell carries its column's label
 * (`data-label`), which a narrow screen shows beside the value when rows become cards.
 */
export function table(panel, key, cols, rows) {
  const box = h('div', { class: 'sr-scroll' });
  const build = (focus) => {
    const state = panel.store.view.sorts[key];
    const sorted = [...rows];
    if (state) {
      const col = cols[state.col];
      sorted.sort((a, b) => {
        const x = col.sort(a);
        const y = col.sort(b);
        // Unknown values go last, whichever the direction.
        if (x == null || y == null) return (x == null) - (y == null);
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), panel.locale);
        return state.dir === 'asc' ? c : -c;
      });
    }
    replace(box, h('table', { class: 'sr-a-table', dataset: { table: key } },
      h('thead', {}, h('tr', {}, cols.map((c, i) => h('th', {
        scope: 'col',
        class: c.cls || null,
        attrs: { 'aria-sort': state?.col === i ? (state.dir === 'asc' ? 'ascending' : 'descending') : null },
      }, h('button', {
        type: 'button',
        text: c.label,
        title: panel.t.sortBy(c.label),
        dataset: { sort: i },
        on: {
          click: () => {
            const dir = state?.col === i && state.dir === 'desc' ? 'asc' : 'desc';
            panel.store.view.sorts[key] = { col: i, dir };
            build(i);
          },
        },
      }))))),
      h('tbody', {}, sorted.map((row) => h('tr', {}, cols.map((c) => h('td', { class: c.cls || null, text: c.text(row), title: c.title ? c.title(row) : null, dataset: { label: c.label } })))))));
    if (focus != null) box.querySelector(`[data-sort="${focus}"]`)?.focus();
  };
  build(null);
  return box;
}
