// The Facebook share-count calculator: three of the four numbers typed, the fourth the core's.

import { h, replace, uid } from '../dom.js';
import { errorText } from '../progress.js';

const SHARE_FIELDS = ['share_count', 'shares', 'likes_on_shares', 'comments_on_shares'];

/** Draws the calculator from the core's answer to what is typed (the last answer asked wins). */
export async function renderShareCount(panel) {
  const t = panel.t;
  const input = panel.store.share;
  const labels = {};
  const token = (panel.shareToken ?? 0) + 1;
  panel.shareToken = token;
  let report = null;
  try {
    report = await panel.core.shareCount(input, panel.lang);
  } catch (e) {
    report = { errors: [{ field: 'share_count', message: errorText(e, panel.lang) }], figures: [] };
  }
  if (token !== panel.shareToken) return;
  for (const f of report.figures) labels[f.id] = f;
  const grid = h('div', { class: 'sr-share-grid' }, SHARE_FIELDS.map((key) => {
    const fig = labels[key];
    const err = report.errors.find((e) => e.field === key);
    const typed = input[key] !== '' && input[key] != null;
    const computed = !typed && fig?.value != null;
    const id = uid('sr-share');
    return h('div', { class: `sr-field${computed ? ' sr-computed' : ''}`, dataset: { share: key } },
      h('label', { class: 'sr-lbl', htmlFor: id, text: fig?.label ?? key }),
      h('input', {
        id,
        type: 'text',
        inputMode: 'numeric',
        value: typed ? input[key] : (fig?.value != null ? panel.fmt.count(fig.value) : ''),
        readOnly: computed,
        placeholder: computed ? '' : '—',
        attrs: { 'aria-invalid': err ? 'true' : null },
        dataset: { field: key },
        // Kept as it is typed, so that an answer drawn meanwhile (the core busy with an
        // analysis) shows it instead of losing it; computed again after a pause in the typing,
        // and at once when the field is left.
        on: {
          input: (e) => {
            input[key] = e.target.value;
            clearTimeout(panel.shareTimer);
            panel.shareTimer = setTimeout(() => { input.decimal_mark = panel.mark; renderShareCount(panel); }, 500);
          },
          change: (e) => { clearTimeout(panel.shareTimer); input[key] = e.target.value.trim(); input.decimal_mark = panel.mark; renderShareCount(panel); },
        },
      }),
      computed ? h('span', { class: 'sr-hint', style: { margin: 0 }, text: `${t.computed}${panel.colon}${fig.formula}`, title: panel.describe(fig) }) : null,
      err ? h('span', { class: 'sr-msg', attrs: { role: 'alert' }, text: err.message }) : null);
  }));
  const missing = report.figures.find((f) => f.value == null && (input[f.id] === '' || input[f.id] == null));
  // The field being typed in keeps the focus and the caret across the new drawing.
  const active = panel.shareBox.getRootNode().activeElement;
  const typing = active && panel.shareBox.contains(active) ? { key: active.dataset.field, from: active.selectionStart, to: active.selectionEnd } : null;
  replace(panel.shareBox,
    h('h3', { text: t.shareCount }),
    h('p', { class: 'sr-hint', text: t.shareCountHint }),
    grid,
    missing ? h('p', { class: SHARE_FIELDS.every((k) => !input[k]) ? 'sr-hint' : 'sr-reason', dataset: { shareReason: 'true' }, text: missing.reason }) : null,
    h('button', { type: 'button', class: 'sr-btn', style: { marginTop: '8px' }, text: t.clear, dataset: { action: 'share-clear' }, on: { click: () => { for (const k of SHARE_FIELDS) input[k] = ''; renderShareCount(panel); } } }));
  const again = typing?.key && panel.shareBox.querySelector(`input[data-field="${typing.key}"]`);
  if (again) {
    again.focus();
    if (typing.from != null) again.setSelectionRange(typing.from, typing.to);
  }
}
