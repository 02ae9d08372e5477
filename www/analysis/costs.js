// Costs: ad spend by currency, all spend against the analysis' counts, and the link that
// carries the counts, the spend and the returns the files show (YouTube revenue) into the ROI
// calculator (the core's patch, said line by line).

import { h, replace } from '../dom.js';
import { Format } from '../format.js';
import { pick } from '../i18n.js';
import { STRINGS as ROI_STRINGS } from '../roi/strings.js';

/** The costs section of report `r`, with the link to the calculator. */
export function costsSection(panel, r) {
  const t = panel.t;
  const c = r.costs;
  const patch = c.roi_patch;
  const status = h('div', { class: 'sr-a-status', attrs: { role: 'status' }, dataset: { status: 'roi' } });
  const canApply = patch.costs.length || patch.returns.length || Object.values(patch.counts).some((x) => x != null);
  return panel.section('costs', t.costs,
    c.ads.map((a) => h('div', { dataset: { ads: a.currency ?? '' } },
      h('h4', { text: a.currency ? t.ads(a.currency, a.ad_rows) : t.adsUnknown(a.ad_rows) }),
      panel.cards(a.figures, panel.fmtFor(a.currency)))),
    c.overall
      ? h('div', { dataset: { overall: c.overall.currency ?? '' } }, h('h4', { text: t.overall(c.overall.currency ?? '?') }), panel.cards(c.overall.figures, panel.fmtFor(c.overall.currency)))
      : h('p', { class: 'sr-reason', text: c.overall_reason }),
    h('div', { class: 'sr-a-apply' },
      h('p', { class: 'sr-hint', text: t.toRoiHint }),
      patch.notes.length ? h('ul', { class: 'sr-hint' }, patch.notes.map((n) => h('li', { text: n }))) : null,
      h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.toRoi, disabled: !canApply, dataset: { action: 'apply-roi' }, on: { click: () => applyPatch(panel, patch, status) } }),
      canApply ? null : h('p', { class: 'sr-hint', text: t.nothingToApply }),
      status));
}

/** Carries the core's patch into the calculator and says what it changed. */
function applyPatch(panel, patch, status) {
  const t = panel.t;
  const fmtIn = (input, v) => new Format(panel.locale, input.currency || 'EUR').money(v);
  const changes = [];
  panel.ctx.roi.update((input) => {
    const next = { ...input, counts: { ...(input.counts || {}) } };
    // The calculator's own words for its fields.
    const roi = pick(ROI_STRINGS, panel.lang);
    const labels = { engagements: roi.engagements, clicks: roi.clicks, new_followers: roi.newFollowers, acquisitions: roi.acquisitions };
    for (const [k, v] of Object.entries(patch.counts)) {
      if (v == null) continue;
      const old = next.counts[k];
      next.counts[k] = v;
      const was = old == null || old === '' ? '—' : (typeof old === 'number' ? panel.fmt.count(old) : old);
      changes.push(`${labels[k]}${panel.colon}${was} → ${panel.fmt.count(v)}`);
    }
    if (patch.costs.length || patch.returns.length) {
      if (patch.currency && patch.currency !== (input.currency || 'EUR')) {
        changes.push(t.currencyChanged(input.currency || 'EUR', patch.currency));
        next.currency = patch.currency;
      }
      // A line carried before is replaced, not added twice.
      const labelsOf = new Set(patch.costs.map((l) => l.label));
      next.costs = [...(input.costs || []).filter((l) => !labelsOf.has(l.label)), ...structuredClone(patch.costs)];
      for (const l of patch.costs) changes.push(t.costAdded(l.label, fmtIn(next, l.amount)));
    }
    if (patch.returns.length) {
      // A return carried before is replaced too: the calculator's leads lines.
      const labelsOf = new Set(patch.returns.map((l) => l.label));
      next.leads = [...(input.leads || []).filter((l) => !labelsOf.has(l.label)), ...structuredClone(patch.returns)];
      for (const l of patch.returns) changes.push(t.returnAdded(l.label, fmtIn(next, l.value)));
    }
    return next;
  });
  replace(status,
    h('strong', { text: t.applied }),
    h('ul', {}, changes.map((c) => h('li', { text: c }))),
    h('button', { type: 'button', class: 'sr-btn', text: t.openRoi, dataset: { action: 'open-roi' }, on: { click: () => panel.ctx.element.showTab('roi') } }));
}
