// The follower counts or lists of each moment (before, at close, N days after): lists dropped
// on a moment's slot, or dropped anywhere and placed; the core reads and joins them.

import { h, replace } from '../dom.js';
import { errorText } from '../progress.js';
import { textOf } from '../protocol.js';
import { computeOutcome } from './outcome.js';

/** The follower slots of every moment, and the lists waiting to be placed. */
export function renderFollowers(panel) {
  if (!panel.followersBox) return;
  const t = panel.t;
  const later = panel.store.input.followers.later;
  const moments = [
    ['before', t.before, 'followers.before'],
    ['at_close', t.atClose, 'followers.at_close'],
    ...later.map((l, i) => [`later.${i}`, t.later(Number(l.days) > 0 ? l.days : null), `followers.later.${i}`]),
  ];
  const pending = panel.store.pendingLists.map((file) => h('div', { class: 'sr-pending', attrs: { role: 'group' }, dataset: { pending: file.name } },
    h('span', { text: t.pending(file.name) }),
    moments.map(([slot, label]) => h('button', { type: 'button', class: 'sr-btn', text: label, dataset: { place: slot }, on: { click: () => placePending(panel, file, slot) } })),
    h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': `${t.remove} ${file.name}` }, on: { click: () => placePending(panel, file, null) } })));
  replace(panel.followersBox,
    pending,
    h('div', { class: 'sr-two' }, moments.map(([slot, label, path], i) => slotBox(panel, slot, label, path, i >= 2 ? i - 2 : null))),
    h('div', { class: 'sr-row-actions' },
      h('button', { type: 'button', class: 'sr-btn', text: `+ ${t.addLater}`, dataset: { action: 'add-later' }, on: { click: () => addLater(panel) } })));
}

function slotBox(panel, slot, label, path, laterIndex) {
  const t = panel.t;
  const files = listsOf(panel, slot);
  const picker = h('input', {
    type: 'file', multiple: true, accept: '.json,.txt,.csv', hidden: true, dataset: { control: `list-${slot}` },
    on: { change: (e) => { addLists(panel, slot, e.target.files); e.target.value = ''; } },
  });
  return h('div', { class: 'sr-slot', dataset: { slot } },
    h('div', { class: 'sr-slot-head' },
      h('span', { text: label }),
      laterIndex != null
        ? h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.removeLater, attrs: { 'aria-label': t.removeLater }, on: { click: () => removeLater(panel, laterIndex) } })
        : null),
    h('div', { class: 'sr-fields', style: { marginTop: 0 } },
      laterIndex != null ? panel.numberField(`${path}.days`, t.days) : null,
      panel.numberField(`${path}.count`, t.count)),
    panel.zone(slot, picker, t.choose),
    files.map((f) => h('div', { class: 'sr-efile', dataset: { list: f.name } },
      h('div', { class: 'sr-efile-head' },
        h('span', { class: 'sr-efile-name', text: f.name }),
        h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': `${t.remove} ${f.name}` }, on: { click: () => removeList(panel, slot, f) } })),
      f.error
        ? h('span', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: f.error })
        : h('span', { class: 'sr-facts', dataset: { handles: f.list.handles.length }, text: [t.handles(f.list.handles.length), f.list.duplicates ? t.duplicates(f.list.duplicates) : null].filter(Boolean).join(' · ') }))));
}

function listsOf(panel, slot) {
  const l = panel.store.lists;
  if (slot.startsWith('later.')) return l.later[Number(slot.slice(6))] ?? [];
  return l[slot];
}

/** Reads follower lists into the slot of a moment (`before`, `at_close`, `later.0`…). */
export async function addLists(panel, slot, files) {
  const target = listsOf(panel, slot);
  for (const file of Array.from(files || [])) {
    // eslint-disable-next-line no-await-in-loop
    target.push(await readList(panel, file));
  }
  renderFollowers(panel);
  computeOutcome(panel);
}

async function readList(panel, file) {
  const item = { name: file.name, file, list: null, error: null };
  try {
    // The worker reads the file's text itself.
    item.list = await panel.core.readFollowers(file.name, textOf(file), panel.lang);
  } catch (e) {
    item.error = errorText(e, panel.lang);
  }
  return item;
}

/** Reads again the lists that failed, so their message is in this language. */
export async function rereadFailedLists(panel) {
  const l = panel.store.lists;
  const all = [...l.before, ...l.at_close, ...l.later.flat()].filter((f) => f.error);
  for (const f of all) {
    // eslint-disable-next-line no-await-in-loop
    Object.assign(f, await readList(panel, f.file));
  }
  if (all.length) renderFollowers(panel);
}

function removeList(panel, slot, item) {
  const target = listsOf(panel, slot);
  target.splice(target.indexOf(item), 1);
  renderFollowers(panel);
  computeOutcome(panel);
}

async function placePending(panel, file, slot) {
  panel.store.pendingLists = panel.store.pendingLists.filter((f) => f !== file);
  if (slot) await addLists(panel, slot, [file]);
  else renderFollowers(panel);
}

function addLater(panel) {
  panel.store.input.followers.later.push({});
  panel.store.lists.later.push([]);
  renderFollowers(panel);
  computeOutcome(panel);
}

function removeLater(panel, i) {
  panel.store.input.followers.later.splice(i, 1);
  panel.store.lists.later.splice(i, 1);
  renderFollowers(panel);
  computeOutcome(panel);
}
