// The Outcome view: costs, counts and follower lists typed or dropped, the contest input the
// core takes, and the core's figures on their cards (computed in the worker; a newer
// computation supersedes an older one).

import { h, replace } from '../dom.js';
import { errorText } from '../progress.js';
import { Format } from '../format.js';
import { PART } from '../theme.js';
import { renderFollowers } from './followers.js';

/** The Outcome view: the form, and the results beside it. */
export function buildOutcome(panel) {
  const t = panel.t;
  const money = panel.fmt.currencySymbol();
  panel.followersBox = h('div');
  panel.outcomeForm = h('div', { class: 'sr-noprint', style: { display: 'grid', gap: '16px' } },
    h('fieldset', { class: 'sr-section', dataset: { section: 'costs' } },
      h('legend', { text: t.costs }),
      h('div', { class: 'sr-fields' },
        panel.numberField('prize_value', t.prize, money),
        panel.numberField('ad_spend', t.ads, money),
        panel.numberField('hours', t.hours, 'h'),
        panel.numberField('hourly_rate', t.rate, `${money}/h`),
        panel.numberField('fees', t.fees, money))),
    h('fieldset', { class: 'sr-section', dataset: { section: 'participation' } },
      h('legend', { text: t.audience }),
      h('div', { class: 'sr-fields' },
        panel.numberField('entries', t.entries, null, t.fromFile),
        panel.numberField('participants', t.participants, null, t.fromFile),
        panel.numberField('shares', t.shares),
        panel.numberField('clicks', t.clicks),
        panel.numberField('conversions', t.conversions),
        panel.numberField('value_per_conversion', t.valuePer, money),
        panel.numberField('revenue', t.revenue, money, t.revenueHint),
        panel.numberField('margin_pct', t.margin, '%', t.marginHint))),
    h('fieldset', { class: 'sr-section', dataset: { section: 'followers' } },
      h('legend', { text: t.followers }),
      h('p', { class: 'sr-hint', text: t.followersHint }),
      panel.followersBox),
    h('div', { class: 'sr-row-actions' },
      h('button', { type: 'button', class: 'sr-btn', text: t.example, dataset: { action: 'example' }, on: { click: () => fillExample(panel) } }),
      h('button', { type: 'button', class: 'sr-btn', text: t.clear, dataset: { action: 'clear' }, on: { click: () => clearOutcome(panel) } })));
  panel.outcomeResults = h('section', { class: 'sr-results', attrs: { 'aria-live': 'polite', part: PART.results, tabindex: '0' } });
  // The calculator's layout: the form, and the results beside it on wide screens.
  replace(panel.body, h('div', { class: 'sr-roi' }, h('div', { class: 'sr-form-col' }, panel.outcomeForm), panel.outcomeResults));
  renderFollowers(panel);
  computeOutcome(panel);
}

async function fillExample(panel) {
  const example = await panel.core.exampleContestInput(panel.lang, panel.currency);
  panel.store.title ||= example.label;
  delete example.label;
  delete example.currency;
  delete example.account;
  example.decimal_mark = panel.mark;
  panel.store.input = example;
  panel.store.lists = { before: [], at_close: [], later: example.followers.later.map(() => []) };
  panel.buildShared();
  buildOutcome(panel);
}

function clearOutcome(panel) {
  const days = panel.store.input.followers.later.map(() => ({}));
  panel.store.input = { decimal_mark: panel.mark, followers: { before: {}, at_close: {}, later: days } };
  panel.store.lists = { before: [], at_close: [], later: days.map(() => []) };
  panel.store.pendingLists = [];
  panel.buildShared();
  buildOutcome(panel);
}

/** The lists of one moment as the core takes them: one list, several joined, or none. */
async function joined(panel, items) {
  const lists = items.filter((f) => f.list).map((f) => f.list);
  if (lists.length < 2) return lists[0] ?? null;
  return panel.core.joinFollowerLists(lists);
}

async function contestInput(panel) {
  const s = panel.store;
  const f = s.input.followers;
  const [before, atClose, ...later] = await Promise.all([
    joined(panel, s.lists.before), joined(panel, s.lists.at_close), ...f.later.map((l, i) => joined(panel, s.lists.later[i] ?? []))]);
  return {
    ...s.input,
    currency: panel.currency,
    label: s.title,
    account: s.account,
    decimal_mark: panel.mark,
    followers: {
      before: { ...f.before, list: before },
      at_close: { ...f.at_close, list: atClose },
      later: f.later.map((l, i) => ({ ...l, list: later[i] })),
    },
  };
}

/** Asks the core for the contest's figures and shows them, errors next to their fields. */
export async function computeOutcome(panel) {
  let report;
  try {
    const input = await contestInput(panel);
    // The Report tab's contest section: these inputs, the draw as the store keeps it.
    panel.ctx.shared.contest = { input, store: panel.store };
    report = await panel.job('outcome', 'computeContest', [input, panel.entryFiles.entries(), panel.lang]);
  } catch (e) {
    if (e?.kind === 'superseded' || panel.destroyed) return;
    replace(panel.commentsWarning, h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: errorText(e, panel.lang) }));
    return;
  }
  if (panel.destroyed) return;
  panel.report = report;
  panel.fmt = new Format(panel.locale, report.currency, report.minor_digits);
  // The comment file's completeness concerns the draw too: said beside the files.
  const missing = report.warnings.filter((w) => w.code === 'comments_missing');
  replace(panel.commentsWarning, missing.map((w) => h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, dataset: { warning: w.code }, text: w.message })));
  panel.showFieldErrors(panel.el, report.errors.map((e) => ({ ...e, field: e.field.replace(/\[(\d+)\]/g, '.$1') })), 'field');
  if (panel.store.view === 'outcome' && panel.outcomeResults) renderOutcome(panel, report);
}

function renderOutcome(panel, r) {
  const t = panel.t;
  const byId = (id) => r.summary.find((f) => f.id === id);
  replace(panel.outcomeResults,
    h('h2', { text: panel.store.title ? `${t.results} — ${panel.store.title}` : t.results }),
    h('p', { class: 'sr-hint', text: t.resultsHint }),
    r.errors.length
      ? h('div', { class: 'sr-errors', attrs: { role: 'alert' } },
        h('strong', { text: t.fixFirst(r.errors.length) }),
        h('ul', {}, r.errors.map((e) => {
          const input = panel.el.querySelector(`[data-field="${CSS.escape(e.field.replace(/\[(\d+)\]/g, '.$1'))}"]`);
          const label = input?.closest('.sr-field')?.querySelector('.sr-lbl')?.textContent || e.field;
          return h('li', { text: `${label}${panel.colon}${e.message}` });
        })))
      : null,
    r.warnings.length
      ? h('ul', { class: 'sr-problems sr-warnings-list', dataset: { problems: 'warnings' } }, r.warnings.map((w) => h('li', { dataset: { code: w.code }, text: w.message })))
      : null,
    panel.card(byId('roi'), 'sr-headline', 3),
    h('h3', { text: t.summary }),
    h('div', { class: 'sr-cards' }, r.summary.filter((f) => f.id !== 'roi').map((f) => panel.card(f))),
    h('h3', { text: t.audienceResults }),
    h('div', { class: 'sr-cards' }, r.audience.map((f) => panel.card(f))),
    r.retention.length ? h('h3', { text: t.retention }) : null,
    r.retention.map((row) => h('div', { class: 'sr-cards', dataset: { days: row.days } }, panel.card(row.kept), panel.card(row.retention), panel.card(row.cost_per_kept))),
    r.costs.length ? h('h3', { text: t.costLines }) : null,
    r.costs.length ? h('div', { class: 'sr-cards' }, r.costs.map((f) => panel.card(f))) : null);
}
