// The Contest tab: what a giveaway really brought, and a winner draw anyone can verify.
//
// Three views share the contest's own comment files (read by the worker into a set of their
// own by entry-files.js: a contest's comment export is not the account's analytics, and a draw
// must count exactly the files given for it, not whatever else was dropped in the Files tab):
// - Outcome (outcome.js, followers.js): costs, counts and follower lists; the core's figures;
// - Draw (rules.js, draw.js, certificate.js): rules, the fingerprint to announce before the
//   seed, the seed, the certificate (printable, JSON), redraws;
// - Verify (verify.js): a certificate and the entry files it was drawn from, confirmed or
//   refuted.
// Nothing here computes a figure or a draw: the core does, in the worker (every call of
// `this.core` returns a promise), and the page shows what it returns.

import { h, replace, uid } from '../dom.js';
import { figureCard } from '../figure.js';
import { Format, fieldText } from '../format.js';
import { pick, strings } from '../i18n.js';
import { renderCertificateView } from './certificate.js';
import { buildDraw, prepare } from './draw.js';
import { classify, EntryFiles } from './entry-files.js';
import { addLists, renderFollowers, rereadFailedLists } from './followers.js';
import { buildOutcome, computeOutcome } from './outcome.js';
import { STRINGS } from './strings.js';
import { sheet } from './styles.js';
import { buildVerify, readCertificate, renderVerify } from './verify.js';

export class ContestPanel {
  /** The panel, once the core's defaults (rules, the example's moments, fields) are at hand. */
  static async create(ctx) {
    const currency = ctx.roi.input.currency || 'EUR';
    const [example, rules, fields, filesReports] = await Promise.all([
      ctx.core.exampleContestInput(ctx.lang, currency), ctx.core.defaultDrawRules(), ctx.core.canonicalFields(ctx.lang),
      ctx.set('files').reports(ctx.lang)]);
    const store = ctx.store;
    if (store.input && store.lang && store.lang !== ctx.lang) store.input = await ctx.core.canonicalContestInput(store.input, store.lang, ctx.lang);
    return new ContestPanel(ctx, { example, rules, fields, filesReports });
  }

  constructor(ctx, { example, rules, fields, filesReports }) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.locale = ctx.locale;
    this.t = pick(STRINGS, ctx.lang);
    this.colon = strings(ctx.lang).colon;
    this.mark = ctx.mark;
    this.sheets = [sheet()];
    const s = ctx.store;
    this.store = s;
    this.currency = ctx.roi.input.currency || 'EUR';
    this.fmt = new Format(this.locale, this.currency);
    this.client = ctx.client;
    this.fields = fields;
    this.init(example, rules);
    // Follower lists offered from the Files tab wait to be placed on a moment.
    if (ctx.shared.followerLists?.length) {
      s.pendingLists.push(...ctx.shared.followerLists);
      ctx.shared.followerLists = [];
    }
    // The element's currency selector is the contest's currency too.
    this.onElementChange = (e) => {
      const c = e.detail?.input?.currency;
      if (c && c !== this.currency) {
        this.currency = c;
        computeOutcome(this);
      }
    };
    ctx.element.addEventListener('social-roi-change', this.onElementChange);
    this.timers = {};
    this.took = {};

    this.entryFiles = new EntryFiles(this, s.entryFiles, { heading: this.t.files, hint: this.t.filesHint, slot: 'entries', set: ctx.set('contest'), onChange: () => this.entriesChanged() });
    // Comments dropped in the Files tab are not the contest's: say so, and where to drop them.
    this.entryFiles.emptyHint = () => {
      const names = filesReports.filter((r) => r.records.entries > 0).map((r) => r.name);
      return names.length ? h('p', { class: 'sr-notice', dataset: { hint: 'files-tab' }, text: this.t.inFilesTab(names.join(', ')) }) : null;
    };
    this.verifyFiles = new EntryFiles(this, s.verify.entryFiles, { heading: this.t.verifyFiles, hint: this.t.verifyFilesHint, slot: 'verify-entries', set: ctx.set('verify'), onChange: () => renderVerify(this) });
    this.nav = h('div', { class: 'sr-views sr-noprint', attrs: { role: 'group', 'aria-label': this.t.heading } });
    this.shared = h('div', { class: 'sr-contest-shared' });
    this.body = h('div', { class: 'sr-contest-body' });
    this.el = h('div', { class: 'sr-contest', dataset: { panel: 'contest' } },
      h('div', { class: 'sr-noprint' },
        h('h2', { class: 'sr-section-title', text: this.t.heading }),
        h('p', { class: 'sr-hint', text: this.t.intro })),
      this.nav, this.shared, this.body);
    this.buildShared();
    this.showView(s.view);
    // Follower lists that failed say why in this language: read them again.
    rereadFailedLists(this);
  }

  /**
   * The state every view keeps in `ctx.store`, created on the first visit from the core's
   * `example` (its moments after the close) and default `rules`.
   */
  init(example, rules) {
    const s = this.store;
    s.view ??= 'outcome';
    s.title ??= '';
    s.account ??= '';
    s.entryFiles ??= {};
    s.verify ??= { entryFiles: {}, cert: null, certName: null, certError: null };
    if (!s.input) {
      const days = example.followers.later.map((l) => ({ days: l.days }));
      s.input = { decimal_mark: this.mark, followers: { before: {}, at_close: {}, later: days } };
      s.lists = { before: [], at_close: [], later: days.map(() => []) };
      s.pendingLists = [];
    }
    s.lang = this.lang;
    s.input.decimal_mark = this.mark;
    if (!s.rules) {
      const d = rules;
      s.rules = {
        per: d.per,
        winners: d.winners,
        alternates: d.alternates,
        include_replies: d.include_replies,
        min_mentions: d.min_mentions,
        keywords: d.keywords.join(', '),
        from_date: '',
        from_time: '',
        until_date: '',
        until_time: '',
        exclude: d.exclude.join('\n'),
        bonus: [],
        bonus_per_mention: d.bonus_per_mention,
        max_entries: d.max_entries ?? '',
        exclude_suspicious: [],
        scheme: d.scheme || 'sha256',
      };
      s.seed = { kind: 'public', value: '', source: '' };
      s.cert = null;
      s.redraw = { who: '', reason: '' };
    }
  }

  destroy() {
    this.destroyed = true;
    this.ctx.element.removeEventListener('social-roi-change', this.onElementChange);
    Object.values(this.timers).forEach(clearTimeout);
    this.entryFiles.unwatch();
    this.verifyFiles.unwatch();
  }

  /**
   * A drop zone with a picker. Files dropped on it go to `slot`: the zone marks the drop and
   * lets it bubble to the element, whose drop handler hands the files to `addFiles`.
   */
  zone(slot, picker, label) {
    const z = h('div', {
      class: 'sr-zone',
      dataset: { zone: slot },
      on: {
        dragover: () => z.classList.add('sr-over'),
        dragleave: () => z.classList.remove('sr-over'),
        drop: () => { z.classList.remove('sr-over'); this.dropSlot = slot; },
      },
    },
    h('span', { text: picker.multiple ? this.t.dropFiles : this.t.dropFile }),
    h('button', { type: 'button', class: 'sr-btn', text: label, on: { click: () => picker.click() } }),
    picker);
    return z;
  }

  /** Files dropped on the element while this tab shows: to the slot dropped on, else by kind. */
  async addFiles(files) {
    const slot = this.dropSlot;
    this.dropSlot = null;
    const list = Array.from(files || []);
    if (slot) {
      await this.addToSlot(slot, list);
      return;
    }
    for (const file of list) {
      // eslint-disable-next-line no-await-in-loop
      const kind = await classify(file);
      if (kind === 'certificate') {
        // eslint-disable-next-line no-await-in-loop
        await readCertificate(this, file);
        this.showView('verify');
      } else if (kind === 'followers') {
        this.store.pendingLists.push(file);
        if (this.store.view !== 'outcome') this.showView('outcome');
        else renderFollowers(this);
      } else {
        // eslint-disable-next-line no-await-in-loop
        await (this.store.view === 'verify' ? this.verifyFiles : this.entryFiles).add([file]);
      }
    }
  }

  async addToSlot(slot, files) {
    if (slot === 'entries') await this.entryFiles.add(files);
    else if (slot === 'verify-entries') await this.verifyFiles.add(files);
    else if (slot === 'certificate') await readCertificate(this, files[0]);
    else await addLists(this, slot, files);
  }

  entriesChanged() {
    computeOutcome(this);
    // After a draw, the certificate stays; it says when the files no longer match it.
    if (this.store.view === 'draw' && this.store.cert) renderCertificateView(this);
    else this.scheduleDraw();
  }

  buildShared() {
    const t = this.t;
    replace(this.nav, ['outcome', 'draw', 'verify'].map((v) => h('button', {
      type: 'button',
      class: 'sr-view-btn',
      text: t.views[v],
      dataset: { view: v },
      attrs: { 'aria-pressed': String(this.store.view === v) },
      on: { click: () => this.showView(v) },
    })));
    this.commentsWarning = h('div', { attrs: { 'aria-live': 'polite' } });
    this.sharedFields = h('div', { class: 'sr-fields sr-noprint', style: { gridTemplateColumns: 'minmax(0, 480px)' } }, this.textField('title', t.title, t.titleHint));
    replace(this.entryFiles.extra,
      h('div', { class: 'sr-fields sr-wide-fields' },
        this.textField('account', t.account, t.accountHint),
        this.numberField('comments_shown', t.commentsShown, null, t.commentsShownHint)),
      this.commentsWarning);
    this.entryFiles.render();
    replace(this.shared, this.sharedFields, this.entryFiles.el);
  }

  showView(view) {
    this.store.view = view;
    for (const b of this.nav.querySelectorAll('[data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    this.shared.hidden = view === 'verify';
    if (view === 'outcome') buildOutcome(this);
    else if (view === 'draw') {
      buildDraw(this);
      computeOutcome(this);
    } else buildVerify(this);
  }

  /** A text field bound to `store[key]`. */
  textField(key, label, hint) {
    const id = uid('f');
    return h('label', { class: 'sr-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: label }),
      h('input', {
        id,
        type: 'text',
        autocomplete: 'off',
        value: this.store[key] || '',
        dataset: { field: key },
        attrs: { 'aria-describedby': hint ? `${id}h` : null },
        on: { input: (e) => { this.store[key] = e.target.value; this.scheduleOutcome(); if (key !== 'title') this.scheduleDraw(); } },
      }),
      hint ? h('span', { class: 'sr-field-hint', id: `${id}h`, text: hint }) : null);
  }

  /** A number field over the contest input at `path`: typed text kept, the core's message next to it. */
  numberField(path, label, unit, hint) {
    const id = uid('f');
    const msg = uid('m');
    return h('label', { class: 'sr-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: label }),
      h('span', { class: 'sr-input' },
        h('input', {
          id,
          type: 'text',
          inputMode: 'decimal',
          autocomplete: 'off',
          spellcheck: false,
          value: fieldText(this.getInput(path), this.mark),
          dataset: { field: path },
          attrs: { 'aria-describedby': hint ? `${msg} ${msg}h` : msg },
          on: { input: (e) => { this.setInput(path, e.target.value); this.scheduleOutcome(); } },
        }),
        unit ? h('span', { class: 'sr-unit', attrs: { 'aria-hidden': 'true' }, text: unit }) : null),
      hint ? h('span', { class: 'sr-field-hint', id: `${msg}h`, text: hint }) : null,
      h('span', { class: 'sr-msg', id: msg, attrs: { role: 'alert' } }));
  }

  getInput(path) {
    return path.split('.').reduce((o, k) => (o == null ? undefined : o[/^\d+$/.test(k) ? Number(k) : k]), this.store.input);
  }

  setInput(path, value) {
    const keys = path.split('.');
    let o = this.store.input;
    keys.slice(0, -1).forEach((k) => { o[k] ??= {}; o = o[k]; });
    o[keys[keys.length - 1]] = value;
  }

  /** Puts each error next to its field (`data-<attr>` = its path), clearing the others. */
  showFieldErrors(root, errors, attr) {
    for (const f of root.querySelectorAll('.sr-field.sr-invalid')) {
      f.classList.remove('sr-invalid');
      f.querySelector('input, select, textarea')?.removeAttribute('aria-invalid');
      const m = f.querySelector('.sr-msg');
      if (m) m.textContent = '';
    }
    const unplaced = [];
    for (const err of errors) {
      const input = root.querySelector(`[data-${attr}="${CSS.escape(err.field)}"]`);
      const field = input?.closest('.sr-field');
      const msg = field?.querySelector('.sr-msg');
      if (!msg) { unplaced.push(err); continue; }
      field.classList.add('sr-invalid');
      input.setAttribute('aria-invalid', 'true');
      msg.textContent = msg.textContent ? `${msg.textContent} ${err.message}` : err.message;
    }
    return unplaced;
  }

  /** A figure's card (figure.js). */
  card(fig, extra = '', level = 4) {
    return figureCard(fig, this.fmt, this.lang, extra, level);
  }

  /**
   * Runs `fn` once typing pauses: after 40 ms, or twice as long as it last took, so that a
   * draw over 100 000 comments recomputes when the user stops typing, not at each key.
   */
  later(key, fn) {
    clearTimeout(this.timers[key]);
    const wait = Math.min(1000, Math.max(40, 2 * (this.took[key] || 0)));
    this.timers[key] = setTimeout(async () => {
      const start = performance.now();
      await fn();
      this.took[key] = performance.now() - start;
    }, wait);
  }

  /**
   * Calls the core's `fn` in the worker; a newer call of the same `key` supersedes this one
   * (the promise then rejects with `{ kind: 'superseded' }`). Returns the job (`await` it,
   * `cancel()` it).
   */
  job(key, fn, args, units = 0) {
    return this.client.request('core', { fn, args }, { supersede: `${this.entryFiles.set.name}:${key}`, kind: fn, units });
  }

  scheduleOutcome() {
    this.later('outcome', () => computeOutcome(this));
  }

  scheduleDraw() {
    if (this.store.view === 'draw') this.later('draw', () => prepare(this));
  }
}
