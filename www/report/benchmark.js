// The competitor benchmark's form: the two dates of the follower counts, N (the last posts
// the interactions were counted on), and one row per account (yours and up to ten
// competitors), and a box that adds the accounts of the dropped exports as rows of their own
// (the core reads their counts from the files). The counts go to the core as typed; its figures and ranks come back in the
// report's benchmark section (document.js).

import { h } from '../dom.js';

const COUNTS = ['followers_start', 'followers_end', 'posts', 'likes', 'comments', 'shares'];
const LABELS = { followers_start: 'start', followers_end: 'end', posts: 'posts', likes: 'likes', comments: 'comments', shares: 'shares' };

function blank(own) {
  return { name: '', network: '', own, followers_start: '', followers_end: '', posts: '', likes: '', comments: '', shares: '' };
}

function input(p, value, set, key, type = 'text') {
  return h('input', { type, value: value ?? '', dataset: { key }, attrs: { 'aria-label': key }, on: { input: (e) => p.set((o) => set(o, e.target.value)) } });
}

function accountRow(p, a, i) {
  const b = p.t.bench;
  const path = `benchmark.accounts[${i}]`;
  return h('tr', { dataset: { account: String(i) } },
    h('td', {}, input(p, a.name, (o, v) => { o.benchmark.accounts[i].name = v; }, `${path}.name`)),
    h('td', {}, input(p, a.network, (o, v) => { o.benchmark.accounts[i].network = v; }, `${path}.network`)),
    h('td', {}, h('input', { type: 'checkbox', checked: a.own, attrs: { 'aria-label': b.own }, on: { change: (e) => p.set((o) => { o.benchmark.accounts[i].own = e.target.checked; }, { delay: 0 }) } })),
    COUNTS.map((k) => h('td', {}, input(p, a[k], (o, v) => { o.benchmark.accounts[i][k] = v; }, `${path}.${k}`), h('span', { class: 'sr-error', dataset: { errorFor: `${path}.${k}` } }))),
    h('td', {}, h('button', { type: 'button', class: 'sr-btn', text: b.remove, on: { click: () => p.set((o) => { o.benchmark.accounts.splice(i, 1); }, { form: true, delay: 0 }) } })));
}

/** The benchmark's form, shown when its section is ticked. */
export function benchmarkFields(p) {
  const ticked = !p.input.sections.length || p.input.sections.includes('benchmark');
  if (!ticked) return null;
  const b = p.t.bench;
  const bm = p.input.benchmark;
  const full = bm.accounts.length >= 11;
  return h('fieldset', { class: 'sr-r-bench', dataset: { form: 'benchmark' } },
    h('legend', { text: p.report.all_sections.find((s) => s.id === 'benchmark').title }),
    h('div', { class: 'sr-r-row' },
      h('label', { class: 'sr-field' }, h('span', { class: 'sr-label', text: b.from }), input(p, bm.from, (o, v) => { o.benchmark.from = v; }, 'benchmark.from', 'date'), h('span', { class: 'sr-error', dataset: { errorFor: 'benchmark.from' } })),
      h('label', { class: 'sr-field' }, h('span', { class: 'sr-label', text: b.to }), input(p, bm.to, (o, v) => { o.benchmark.to = v; }, 'benchmark.to', 'date'), h('span', { class: 'sr-error', dataset: { errorFor: 'benchmark.to' } })),
      h('label', { class: 'sr-field' }, h('span', { class: 'sr-label', text: b.last }), input(p, bm.last_posts, (o, v) => { o.benchmark.last_posts = v; }, 'benchmark.last_posts'), h('span', { class: 'sr-error', dataset: { errorFor: 'benchmark.last_posts' } }))),
    h('div', { class: 'sr-scroll' }, h('table', { class: 'sr-r-table sr-r-bench-form' },
      h('thead', {}, h('tr', {}, [b.name, b.network, b.own, ...COUNTS.map((k) => b[LABELS[k]]), ''].map((x) => h('th', { text: x })))),
      h('tbody', {}, bm.accounts.map((a, i) => accountRow(p, a, i))))),
    h('label', { class: 'sr-r-files' }, h('input', { type: 'checkbox', checked: !!bm.files, dataset: { key: 'benchmark.files' }, on: { change: (e) => p.set((o) => { o.benchmark.files = e.target.checked; }, { delay: 0 }) } }), ` ${b.files}`),
    h('span', { class: 'sr-error', dataset: { errorFor: 'benchmark.accounts' } }),
    h('button', { type: 'button', class: 'sr-btn', text: b.add, disabled: full, dataset: { action: 'add-account' }, on: { click: () => p.set((o) => { o.benchmark.accounts.push(blank(o.benchmark.accounts.length === 0)); }, { form: true, delay: 0 }) } }));
}
