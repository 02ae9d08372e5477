// Reputation, as the core's report gives it (`report.reputation`): what the comments say
// (estimates, with the precision and recall the core measured), the negative feedback the
// platforms report, and the crisis flags (k and the window are options; the flagged days,
// the episodes, the posts before them and the response times are the core's). Nothing here
// computes a figure: tables, bars and dates are presentation.

import { h } from '../dom.js';
import { timeChart } from '../charts.js';
import { field, select } from './controls.js';
import { table } from './table.js';

/** The windows offered, in days (the core takes 7 to 180). */
const WINDOWS = [14, 28, 56, 90];

/** The three sections of report `r`. */
export function reputationSections(panel, r) {
  const rep = r.reputation;
  return [toneSection(panel, rep.tone), feedbackSection(panel, rep.feedback), crisisSection(panel, rep.crisis, r.errors)];
}

/** A share as a percentage, `—` without one. */
function pct(panel, x) {
  return panel.show(x, 'ratio');
}

/** What the comments say: the estimate's note and measured accuracy, the shares, the groups. */
function toneSection(panel, tone) {
  const t = panel.t;
  return panel.section('reputation-tone', t.tone,
    h('p', { class: 'sr-hint sr-a-estimate', dataset: { estimate: 'true' }, text: tone.estimate }),
    measuredTable(panel, tone.measured),
    tone.reason
      ? h('p', { class: 'sr-reason', dataset: { reason: 'tone' }, text: tone.reason })
      : [
        panel.cards(tone.figures),
        groupTable(panel, 'tone-networks', t.byNetwork, t.network, tone.by_network, (row) => row.label),
        groupTable(panel, 'tone-weeks', t.byWeek, t.week, tone.by_week, (row) => t.weekOf(panel.date(row.key)), (row) => row.key),
        groupTable(panel, 'tone-posts', t.byPost, t.post, tone.by_post, (row) => row.label),
        threadsTable(panel, tone.threads),
        wordsTable(panel, tone.words),
      ]);
}

/** Precision and recall per language and class, as the core measured them. */
function measuredTable(panel, rows) {
  const t = panel.t;
  return h('details', { dataset: { tone: 'measured' } },
    h('summary', { text: t.measured }),
    table(panel, 'tone-measured', [
      { label: t.language, text: (m) => m.language, sort: (m) => m.language },
      { label: t.polarity, text: (m) => m.class, sort: (m) => m.class },
      { label: t.precision, text: (m) => pct(panel, m.precision), sort: (m) => m.precision, cls: 'sr-num' },
      { label: t.recall, text: (m) => pct(panel, m.recall), sort: (m) => m.recall, cls: 'sr-num' },
      { label: t.labelled, text: (m) => panel.fmt.count(m.support), sort: (m) => m.support, cls: 'sr-num' },
    ], rows));
}

/** Negative, neutral and positive counts per group (network, week, post). */
function groupTable(panel, key, title, first, rows, label, sortKey = label) {
  if (!rows.length) return null;
  const t = panel.t;
  const n = (get) => ({ text: (row) => panel.fmt.count(get(row)), sort: get, cls: 'sr-num' });
  return h('div', { dataset: { tone: key } },
    h('h4', { text: title }),
    table(panel, key, [
      { label: first, text: label, sort: sortKey },
      { label: t.texts, ...n((row) => row.texts) },
      { label: t.negative, ...n((row) => row.negative) },
      { label: t.neutral, ...n((row) => row.neutral) },
      { label: t.positive, ...n((row) => row.positive) },
      { label: t.negativeShare, text: (row) => pct(panel, row.negative_share), sort: (row) => row.negative_share, cls: 'sr-num' },
    ], rows));
}

/** The most negative threads, as the core ranked them. */
function threadsTable(panel, threads) {
  if (!threads.length) return null;
  const t = panel.t;
  return h('div', { dataset: { tone: 'threads' } },
    h('h4', { text: t.threads }),
    table(panel, 'tone-threads', [
      { label: t.thread, text: (x) => x.text, sort: (x) => x.text },
      { label: t.author, text: (x) => x.author, sort: (x) => x.author },
      { label: t.date, text: (x) => (x.date ? panel.date(x.date) : '—'), sort: (x) => x.date },
      { label: t.negative, text: (x) => `${panel.fmt.count(x.negative)} / ${panel.fmt.count(x.comments)}`, sort: (x) => x.negative, cls: 'sr-num' },
      { label: t.negativeShare, text: (x) => pct(panel, x.negative_share), sort: (x) => x.negative_share, cls: 'sr-num' },
      { label: t.where, text: (x) => `${x.source}:${x.line}`, sort: (x) => x.source },
    ], threads));
}

/** The words of negative comments, with how often they come in the others. */
function wordsTable(panel, words) {
  if (!words.length) return null;
  const t = panel.t;
  return h('div', { dataset: { tone: 'words' } },
    h('h4', { text: t.words }),
    table(panel, 'tone-words', [
      { label: t.word, text: (w) => w.word, sort: (w) => w.word },
      { label: t.inNegative, text: (w) => panel.fmt.count(w.negative), sort: (w) => w.negative, cls: 'sr-num' },
      { label: t.inOthers, text: (w) => panel.fmt.count(w.others), sort: (w) => w.others, cls: 'sr-num' },
    ], words));
}

/** The negative feedback: its rates, its kinds, the worst posts, what the files cannot say. */
function feedbackSection(panel, f) {
  const t = panel.t;
  return panel.section('reputation-feedback', t.feedback,
    f.reason ? h('p', { class: 'sr-reason', dataset: { reason: 'feedback' }, text: f.reason }) : null,
    panel.cards(f.figures),
    f.kinds.length
      ? h('div', { dataset: { feedback: 'kinds' } },
        h('h4', { text: t.kinds }),
        table(panel, 'feedback-kinds', [
          { label: t.kind, text: (k) => k.label, sort: (k) => k.label },
          { label: t.count, text: (k) => panel.show(k.count, 'count'), sort: (k) => k.count, cls: 'sr-num' },
          { label: t.share, text: (k) => pct(panel, k.share), sort: (k) => k.share, cls: 'sr-num' },
        ], f.kinds))
      : null,
    f.posts.length
      ? h('div', { dataset: { feedback: 'posts' } },
        h('h4', { text: t.worstPosts }),
        table(panel, 'feedback-posts', [
          { label: t.post, text: (p) => p.text || p.id, sort: (p) => p.text || p.id, title: (p) => p.permalink },
          { label: t.network, text: (p) => panel.networkName(p.network), sort: (p) => p.network },
          { label: t.date, text: (p) => panel.when(p.published), sort: (p) => p.published },
          { label: t.negativeCount, text: (p) => panel.show(p.negative, 'count'), sort: (p) => p.negative, cls: 'sr-num' },
          { label: t.audience, text: (p) => panel.show(p.audience, 'count'), sort: (p) => p.audience, cls: 'sr-num' },
          { label: t.rate, text: (p) => panel.show(p.rate, p.rate_unit), sort: (p) => p.rate, cls: 'sr-num' },
        ], f.posts))
      : null,
    f.notes.map((n) => h('p', { class: 'sr-hint', dataset: { note: 'feedback' }, text: n })));
}

/** The crisis flags: the rule and its k and window, each series, the episodes. */
function crisisSection(panel, c, errors) {
  const t = panel.t;
  return panel.section('reputation-crisis', t.crisis,
    h('p', { class: 'sr-formula', dataset: { crisis: 'rule' }, text: c.rule }),
    h('p', { class: 'sr-formula', text: c.episode_rule }),
    crisisControls(panel, c, errors),
    h('p', { class: 'sr-hint', dataset: { crisis: 'parameters' }, text: c.parameters }),
    c.reason ? h('p', { class: 'sr-reason', dataset: { reason: 'crisis' }, text: c.reason }) : null,
    c.series.map((s) => seriesBlock(panel, s)),
    c.episodes.length
      ? h('div', { dataset: { crisis: 'episodes' } }, h('h4', { text: t.episodes }), c.episodes.map((e) => episodeBlock(panel, e)))
      : null);
}

/** k and the window, with the core's message about each. */
function crisisControls(panel, c, errors) {
  const t = panel.t;
  const message = (path) => h('span', { class: 'sr-a-msg', attrs: { role: 'alert' }, text: errors.find((e) => e.field === path)?.message || '' });
  const k = h('input', {
    type: 'number', min: '1', max: '10', step: '0.5', value: String(panel.options.crisis_k),
    dataset: { key: 'crisis-k' },
    on: { change: (e) => panel.set((x) => { x.crisis_k = Number(e.target.value) || 0; }, { form: false }) },
  });
  if (errors.some((e) => e.field === 'crisis_k')) k.classList.add('sr-invalid');
  const windows = [...new Set([...WINDOWS, panel.options.crisis_window_days])].sort((a, b) => a - b);
  return h('div', { class: 'sr-a-row', dataset: { crisis: 'controls' } },
    h('label', { class: 'sr-field', dataset: { path: 'crisis_k' } }, h('span', { class: 'sr-lbl', text: t.crisisK }), k, message('crisis_k')),
    field(t.crisisWindow, select('crisis-window', windows.map((d) => [String(d), t.days(d)]), String(panel.options.crisis_window_days),
      (v) => panel.set((x) => { x.crisis_window_days = Number(v); }, { form: false }))),
    message('crisis_window_days'));
}

/** One series: its days as bars (the flagged ones marked), and the flagged days as a table. */
function seriesBlock(panel, s) {
  const t = panel.t;
  const points = s.days.map((d) => ({
    label: panel.date(d.date, { day: 'numeric', month: 'short' }),
    value: d.value,
    flag: d.flagged,
    title: `${panel.date(d.date)}${panel.colon}${panel.show(d.value, 'count')}${d.threshold == null ? '' : ` (${t.threshold} ${panel.show(d.threshold, 'count')})`}`,
  }));
  const flagged = s.days.filter((d) => d.flagged);
  return h('div', { class: 'sr-a-crisis-series', dataset: { series: s.id, flagged: s.flagged } },
    h('h4', { text: `${s.label} · ${s.flagged ? t.flaggedDays(s.flagged) : t.noFlag}` }),
    panel.chart((width) => timeChart({ title: s.label, desc: t.flaggedDays(s.flagged), points, kind: 'bars', tick: (x) => panel.fmt.count(x), width })),
    flagged.length
      ? table(panel, `crisis-${s.id}`, [
        { label: t.date, text: (d) => panel.date(d.date), sort: (d) => d.date },
        { label: t.value, text: (d) => panel.show(d.value, 'count'), sort: (d) => d.value, cls: 'sr-num' },
        { label: t.median, text: (d) => panel.show(d.median, 'count'), sort: (d) => d.median, cls: 'sr-num' },
        { label: t.threshold, text: (d) => panel.show(d.threshold, 'count'), sort: (d) => d.threshold, cls: 'sr-num' },
      ], flagged)
      : null);
}

/** One episode: its days and series, the posts just before, negative share and responses. */
function episodeBlock(panel, e) {
  const t = panel.t;
  const responses = (row) => (row
    ? [h('p', { class: 'sr-hint', text: t.responses(panel.fmt.count(row.replied), panel.fmt.count(row.received)) }), panel.cards(row.figures)]
    : h('p', { class: 'sr-hint', text: t.noMessages }));
  return h('article', { class: 'sr-a-episode', dataset: { episode: e.start, peak: e.peak, end: e.end } },
    h('h5', { text: `${t.episode(panel.date(e.start), panel.date(e.end), t.days(e.days))} · ${t.peak(panel.date(e.peak))}` }),
    h('p', { class: 'sr-hint', text: e.series.join(' · ') }),
    h('h6', { text: t.postsBefore }),
    e.posts_before.length
      ? h('ul', { dataset: { episode: 'posts' } }, e.posts_before.map((p) => h('li', { title: p.permalink || null, text: `${panel.when(p.published)} · ${panel.networkName(p.network)} · ${p.text || p.id}` })))
      : h('p', { class: 'sr-hint', text: t.noPostBefore }),
    h('div', { class: 'sr-a-two' },
      h('div', { dataset: { episode: 'during' } }, h('h6', { text: t.during }), panel.cards([e.negative_share]), responses(e.responses)),
      h('div', { dataset: { episode: 'usual' } }, h('h6', { text: t.usual }), panel.cards([e.usual_negative_share]), responses(e.usual_responses))));
}
