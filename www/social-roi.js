// <social-roi>: the calculator as one custom element, so a page (or a blog post) hosts it with
// one tag. Importing this module defines the element; importing it twice is harmless.
//
// Attributes, each read at load and again whenever it changes (docs/embed.md): lang="fr|en"
// (else the visitor's choice, else the browser's language), currency="EUR", theme="auto|light|
// dark" (styles.js), heading-level="1..6" (of its title, default 2), tabs="roi contest" (the tabs
// shown, in their order; all by default), inputs (the calculator's inputs: input JSON, whole or
// only the keys that differ from the example, or a share link's fragment), sync-url (keep the
// inputs in the page's URL fragment, so reloads and shared links reproduce the result; the
// fragment may also say lang, currency, theme and tabs, as the embed panel's iframe does), and
// embed-panel (show the "Embed" panel: the snippet for this element as it is now). Event:
// `social-roi-change` (bubbles, composed) with `detail: { input, report }`.

import { fullCore, loadCore } from './core.js';
import { sheet } from './styles.js';
import { h, replace } from './dom.js';
import { browserLang, defaultCurrency, langOf, localeFor, strings } from './i18n.js';
import { decodeHash, encodeHash } from './state.js';
import { PART } from './theme.js';
import { wasmSimd } from './wasm-simd.js';
import { RoiPanel } from './roi/panel.js';

const LANG_KEY = 'social-roi:lang';

/**
 * The tabs, one folder each (roi/, files/, analysis/, contest/, report/). A tab's `create(ctx)` returns
 * a panel: an object with `el` (its root element) and optionally `destroy()`. `ctx` holds `core`
 * (the wasm exports), `lang`, `locale`, `mark` (the decimal mark of `lang`, from the core), `t`
 * (the element's strings), `store` (an object the element keeps across re-renders and language
 * switches: a panel keeps its state there), `shared` (one object for all tabs: what several
 * tabs read, such as the dropped files' workspace), `element` (the host) and `roi` (`input`, and
 * `update(fn)` to change the calculator's inputs from another tab). A panel may also have
 * `sheets` (constructed stylesheets of its own). Panels other than the first may be loaded on
 * demand with `import()`. A tab marked `full` gets the full core (files, analysis, contests),
 * which runs in a worker (worker-client.js) started the first time such a tab opens: `ctx.core`
 * holds its functions, each returning a promise, and `ctx.set(name)` the set of files `name`
 * (a Workspace in the worker, the same for every tab of this element that names it),
 * `ctx.client` the client itself (jobs with progress, cancel, supersede), `ctx.preload(id)`
 * loads tab `id`'s modules ahead (the Files tab: Analysis, once a file is read); the
 * other tabs get the light core, in the page. Files dropped anywhere on the element go to the
 * current tab when its panel has `addFiles(files)`, else to the tab marked `acceptsFiles`
 * (the Files tab).
 */
/** The Analysis tab's modules: also loaded ahead, once a file is read (`ctx.preload`). */
const analysisModule = () => import('./analysis/panel.js');

const TABS = [
  { id: 'roi', label: 'tabRoi', create: (ctx) => ctx.element.roiPanel(ctx) },
  { id: 'files', label: 'tabFiles', acceptsFiles: true, full: true, create: (ctx) => import('./files/panel.js').then((m) => m.FilesPanel.create(ctx)) },
  // Reads the Files tab's set (ctx.set('files')): what the dropped files mean.
  { id: 'analysis', label: 'tabAnalysis', full: true, load: analysisModule, create: (ctx) => analysisModule().then((m) => m.AnalysisPanel.create(ctx)) },
  { id: 'contest', label: 'tabContest', full: true, create: (ctx) => import('./contest/panel.js').then((m) => m.ContestPanel.create(ctx)) },
  { id: 'report', label: 'tabReport', full: true, create: (ctx) => import('./report/panel.js').then((m) => m.ReportPanel.create(ctx)) },
];

let elements = 0;

function storedLang() {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

export class SocialRoiElement extends HTMLElement {
  static define(tag = 'social-roi', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  static get observedAttributes() {
    return ['lang', 'currency', 'theme', 'heading-level', 'sync-url', 'tabs', 'inputs', 'embed-panel'];
  }

  #root = null;
  #core = null;
  #lang = 'en';
  #input = null;
  #panel = null;
  #notice = null;
  #tab = TABS[0].id;
  #stores = new Map();
  /** Whether the tab in sight is being made (its module, the core, its first figures). */
  #loading = false;
  #shared = {};
  #showing = 0;
  #current = null;
  #dragDepth = 0;
  #id = `sr${++elements}`;
  #onHash = () => this.#loadFromHash();
  #listening = false;

  /** The tabs shown: those the `tabs` attribute names, in its order, else all of them. */
  get #tabs() {
    const names = (this.getAttribute('tabs') || '').split(/[\s,]+/).filter(Boolean);
    const chosen = names.map((id) => TABS.find((x) => x.id === id)).filter((x, i, all) => x && all.indexOf(x) === i);
    return chosen.length ? chosen : TABS;
  }

  #listen(on) {
    if (on === this.#listening) return;
    this.#listening = on;
    if (on) window.addEventListener('hashchange', this.#onHash);
    else window.removeEventListener('hashchange', this.#onHash);
  }

  connectedCallback() {
    this.#listen(this.syncUrl);
    if (this.#root) return;
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sheet()];
    this.#listenForDrops();
    if (this.syncUrl) this.#attributesFromHash();
    const attr = this.getAttribute('lang');
    this.#lang = attr ? langOf(attr) : langOf(storedLang() || browserLang());
    replace(this.#root, h('p', { class: 'sr-app', attrs: { role: 'status' }, text: strings(this.#lang).loading }));
    loadCore().then(
      (core) => {
        this.#core = core;
        this.#start();
      },
      (err) => {
        const t = strings(this.#lang);
        replace(this.#root, h('p', { class: 'sr-app sr-notice sr-warn', attrs: { role: 'alert' }, text: `${t.loadFailed} ${err?.message || err}` }));
      },
    );
  }

  /**
   * A page that keeps its inputs in its URL (sync-url) also takes the element's attributes
   * from there: `#lang=en&currency=USD&theme=dark&tabs=roi&roi=…`, the embed panel's iframe.
   */
  #attributesFromHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    for (const name of ['lang', 'currency', 'theme', 'tabs']) {
      const value = params.get(name);
      if (value && /^[\w ,-]{1,60}$/.test(value)) this.setAttribute(name, value);
    }
  }

  /** The embed panel (embed.js), below the tabs, loaded the first time it shows. */
  #embedPanel() {
    const slot = this.#root.querySelector('.sr-embed-slot');
    import('./embed.js').then((m) => {
      if (slot.isConnected) replace(slot, m.embedPanel(this, { lang: this.#lang, input: () => this.#input, example: () => this.#example(), tabs: () => this.#tabs.map((x) => x.id), all: TABS.map((x) => x.id) }));
    });
  }

  disconnectedCallback() {
    this.#listen(false);
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#core || old === value) return;
    if (name === 'lang') this.setLanguage(value ? langOf(value) : langOf(storedLang() || browserLang()));
    else if (name === 'currency' && value) this.#setCurrency(value);
    else if (name === 'inputs') this.#applyInputs(value);
    else if (name === 'sync-url') {
      this.#listen(this.syncUrl);
      this.#writeHash();
    } else if (name === 'tabs' || name === 'heading-level' || name === 'embed-panel') this.#render();
    // theme: the stylesheet reads the attribute itself.
  }

  /** The calculator's currency, chosen in the header or by the attribute, on any tab. */
  #setCurrency(code) {
    if (code === (this.#input.currency || 'EUR')) return;
    if (!this.#core.currencies().some((c) => c.code === code)) return;
    this.#updateRoi((input) => ({ ...input, currency: code }));
    const select = this.#root.querySelector('[data-control="currency"]');
    if (select) select.value = code;
    // The other tabs read the currency when they are made: made again, from their stores.
    if (this.#tab !== TABS[0].id) this.#showTab(this.#tab);
  }

  /**
   * The inputs the `inputs` attribute gives (input JSON, or only what differs from the
   * example, or a share link's fragment), or null and a notice when they cannot be read.
   */
  async #fromAttribute(value) {
    if (!value) return null;
    try {
      const text = value.trim();
      if (text.startsWith('{')) {
        const given = JSON.parse(text);
        if (!given || typeof given !== 'object' || Array.isArray(given)) throw new Error('not an object');
        return this.#inputOf({ changes: given });
      }
      return this.#inputOf(await decodeHash(text.includes('#') ? text.slice(text.indexOf('#')) : text));
    } catch {
      this.#notice = { warn: true, key: 'badInputs' };
      return null;
    }
  }

  /**
   * The input that `found` (what decodeHash gives) holds: a whole input, or changes put over
   * the example; null for none; throws when it cannot be read or has the wrong shape.
   */
  #inputOf(found) {
    if (!found) return null;
    if (found.error) throw new Error(found.error);
    const input = found.input ?? { ...this.#example(), ...found.changes };
    this.#core.computeRoi(input, this.#lang); // throws if its shape is wrong
    return this.#adopt(input);
  }

  async #applyInputs(value) {
    const input = (await this.#fromAttribute(value)) ?? (value ? null : this.#example());
    if (!input) {
      this.#render();
      return;
    }
    this.#updateRoi(() => input);
  }

  get syncUrl() {
    return this.hasAttribute('sync-url');
  }

  /** The current input JSON (a copy). */
  get input() {
    return structuredClone(this.#input);
  }

  /** The last report the core computed. */
  get report() {
    return this.#panel?.report ?? null;
  }

  get #locale() {
    return localeFor(this.#lang);
  }

  /** The decimal mark of this language, as the core says people of it type. */
  get #mark() {
    return this.#core.decimalMark(this.#lang);
  }

  #example() {
    const currency = this.getAttribute('currency') || defaultCurrency(this.#locale);
    const input = this.#core.exampleRoiInput(this.#lang, currency);
    input.decimal_mark = this.#mark;
    return input;
  }

  /** Brings an input typed with another decimal mark to this language's, value for value. */
  #adopt(input) {
    if (input.decimal_mark && input.decimal_mark !== this.#mark) {
      return this.#core.canonicalRoiInput(input, this.#lang, this.#lang);
    }
    input.decimal_mark ??= this.#mark;
    return input;
  }

  async #start() {
    this.#notice = null;
    if (this.syncUrl) {
      const tab = new URLSearchParams(location.hash.replace(/^#/, '')).get('tab');
      if (this.#tabs.some((x) => x.id === tab)) this.#tab = tab;
      try {
        this.#input = this.#inputOf(await decodeHash(location.hash));
      } catch {
        this.#notice = { warn: true, key: 'badLink' };
      }
    }
    if (!this.#input) this.#input = await this.#fromAttribute(this.getAttribute('inputs'));
    if (!this.#input) {
      this.#input = this.#example();
      this.#notice ??= { warn: false, key: 'exampleNote' };
    }
    this.#render();
  }

  async #loadFromHash() {
    if (!this.#core || location.hash === (await this.#hash())) return;
    let input;
    try {
      input = this.#inputOf(await decodeHash(location.hash));
    } catch {
      return;
    }
    if (!input) return;
    this.#input = input;
    this.#panel?.load(this.#input);
  }

  /** Switches the interface language; every typed value keeps its meaning. */
  setLanguage(lang) {
    if (lang === this.#lang || !this.#core) return;
    this.#input = this.#core.canonicalRoiInput(this.#input, this.#lang, lang);
    this.#lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      /* private mode: the choice lasts this visit */
    }
    this.#render();
  }

  /** Files dragged over any part of the element: an overlay says where they will go. */
  #listenForDrops() {
    const hasFiles = (e) => Array.from(e.dataTransfer?.types || []).includes('Files');
    const overlay = (on) => {
      const el = this.#root.querySelector('.sr-drop');
      if (el) el.hidden = !on;
    };
    this.addEventListener('dragenter', (e) => {
      if (!hasFiles(e) || !this.#core) return;
      e.preventDefault();
      this.#dragDepth += 1;
      overlay(true);
    });
    this.addEventListener('dragover', (e) => {
      if (!hasFiles(e) || !this.#core) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    });
    this.addEventListener('dragleave', (e) => {
      if (!hasFiles(e)) return;
      this.#dragDepth = Math.max(0, this.#dragDepth - 1);
      if (this.#dragDepth === 0) overlay(false);
    });
    this.addEventListener('drop', (e) => {
      if (!hasFiles(e) || !this.#core) return;
      e.preventDefault();
      this.#dragDepth = 0;
      overlay(false);
      this.addFiles(Array.from(e.dataTransfer.files));
    });
  }

  /** Reads `files` in the current tab when it takes files, else in the Files tab (switching to it). */
  async addFiles(files) {
    if (!this.#core || !files?.length) return;
    if (this.#current?.addFiles) {
      await this.#current.addFiles(files);
      return;
    }
    const tab = this.#tabs.find((x) => x.acceptsFiles);
    if (!tab) return;
    if (this.#tab !== tab.id || !this.#current?.addFiles) await this.#showTab(tab.id);
    await this.#current?.addFiles?.(files);
  }

  /** Opens the tab `id` (`roi`, `files`, `analysis`…); a tab that does not exist is ignored. */
  async showTab(id) {
    if (!this.#core || !this.#tabs.some((x) => x.id === id)) return;
    await this.#showTab(id, true);
  }

  /** The ROI calculator's panel (the first tab). */
  roiPanel(ctx) {
    const panel = new RoiPanel({
      core: ctx.core,
      lang: ctx.lang,
      locale: ctx.locale,
      input: this.#input,
      onChange: (input, report, edited) => this.#changed(input, report, edited),
      onReset: () => {
        this.#input = this.#example();
        this.#panel.load(this.#input);
      },
      shareUrl: this.syncUrl ? async () => `${location.href.split('#')[0]}${await this.#hash()}` : null,
    });
    this.#panel = panel;
    return panel;
  }

  #context(core, client = null) {
    const t = strings(this.#lang);
    const self = this;
    if (!this.#stores.has(this.#tab)) this.#stores.set(this.#tab, {});
    return {
      core,
      client,
      set: (name) => client.set(`${this.#id}:${name}`),
      // Loads tab `id`'s modules ahead of its opening (those that say how: `load`), once the
      // page is idle: not in the middle of what the user just asked for.
      preload: (id) => {
        const load = () => { TABS.find((x) => x.id === id)?.load?.().catch(() => {}); };
        (globalThis.requestIdleCallback ?? setTimeout)(load);
      },
      lang: this.#lang,
      locale: this.#locale,
      mark: this.#mark,
      t,
      store: this.#stores.get(this.#tab),
      shared: this.#shared,
      element: this,
      roi: {
        get input() { return structuredClone(self.#input); },
        update: (fn) => this.#updateRoi(fn),
      },
    };
  }

  #updateRoi(fn) {
    this.#input = this.#adopt(fn(structuredClone(this.#input)));
    if (this.#panel) this.#panel.load(this.#input);
    else this.#changed(this.#input, this.#core.computeRoi(this.#input, this.#lang));
  }

  /**
   * The fragment for the element as it is: its tab (unless the first), the theme and tabs the
   * address gave (an iframe's), and the inputs that differ from the example (state.js).
   */
  async #hash() {
    const given = new URLSearchParams(location.hash.replace(/^#/, ''));
    const params = new URLSearchParams();
    if (this.#tab !== TABS[0].id) params.set('tab', this.#tab);
    for (const key of ['theme', 'tabs']) if (given.get(key)) params.set(key, given.get(key));
    const inputs = (await encodeHash(this.#input, this.#example())).slice(1);
    return `#${params.size ? `${params}&` : ''}${inputs}`;
  }

  #hashWrites = 0;

  /** Writes the fragment (sync-url), the latest of several quick changes winning. */
  async #writeHash() {
    if (!this.syncUrl) return;
    const n = ++this.#hashWrites;
    const hash = await this.#hash();
    if (n === this.#hashWrites && this.syncUrl && location.hash !== hash) history.replaceState(history.state, '', hash);
  }

  async #showTab(id, focus = false) {
    this.#tab = id;
    this.#current?.destroy?.();
    this.#current = null;
    this.#panel = null;
    const tab = TABS.find((x) => x.id === id);
    const host = this.#root.querySelector('.sr-tabpanel');
    for (const b of this.#root.querySelectorAll('[role="tab"]')) {
      const on = b.dataset.tab === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
      // On a narrow screen the tab bar scrolls sideways: bring the tab shown into sight.
      if (on) {
        const bar = b.parentElement;
        const left = b.getBoundingClientRect().left - bar.getBoundingClientRect().left;
        if (left < 0 || left + b.offsetWidth > bar.clientWidth) bar.scrollLeft += left - (bar.clientWidth - b.offsetWidth) / 2;
      }
    }
    if (this.#tabs.length > 1) host.setAttribute('aria-labelledby', `sr-tab-${id}`);
    // The notice speaks of the calculator's inputs (the example, a link that could not be read).
    const notice = this.#root.querySelector('.sr-app > .sr-notice');
    if (notice) notice.hidden = id !== TABS[0].id;
    const token = ++this.#showing;
    const t = strings(this.#lang);
    let panel;
    this.#loading = true;
    try {
      let core = this.#core;
      let client = null;
      if (tab.full) {
        if (!wasmSimd()) throw Object.assign(new Error(t.noSimd), { said: true });
        replace(host, h('p', { class: 'sr-notice', attrs: { role: 'status' }, text: t.loading }));
        client = await fullCore();
        core = client.core;
      }
      panel = await tab.create(this.#context(core, client));
    } catch (err) {
      if (token === this.#showing) {
        this.#loading = false;
        const text = err?.said ? err.message : `${t.loadFailed} ${err?.message || err}`;
        replace(host, h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text }));
      }
      return;
    }
    if (token === this.#showing) this.#loading = false;
    // A quicker switch to another tab happened meanwhile: that one wins.
    if (token !== this.#showing) {
      panel.destroy?.();
      return;
    }
    this.#current = panel;
    // A panel may bring its own stylesheets (`sheets`), adopted beside the shared one.
    this.#root.adoptedStyleSheets = [sheet(), ...(panel.sheets || [])];
    replace(host, panel.el);
    this.#writeHash();
  }

  /** The header's currency list, in the element's language. */
  #currencySelect() {
    const names = new Intl.DisplayNames([this.#locale], { type: 'currency' });
    const currencyName = (code) => { try { return `${code} — ${names.of(code)}`; } catch { return code; } };
    return h('select', {
      dataset: { control: 'currency' },
      on: { change: (e) => this.#setCurrency(e.target.value) },
    }, this.#core.currencies().map((c) => h('option', { value: c.code, text: currencyName(c.code), selected: c.code === (this.#input.currency || 'EUR') })));
  }

  /** The tab bar (none for a single tab): arrows move to the next tab, Home and End to the ends. */
  #tabBar(t) {
    const shown = this.#tabs;
    if (shown.length < 2) return null;
    const keydown = (e) => {
      const i = shown.findIndex((x) => x.id === this.#tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: shown.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      this.#showTab(shown[(to + shown.length) % shown.length].id, true);
    };
    return h('div', { class: 'sr-tabs', attrs: { role: 'tablist', 'aria-label': t.sections }, on: { keydown } },
      shown.map((tab) => h('button', {
        type: 'button',
        id: `sr-tab-${tab.id}`,
        class: 'sr-tab',
        text: t[tab.label],
        dataset: { tab: tab.id },
        attrs: { role: 'tab', 'aria-selected': String(tab.id === this.#tab), part: PART.tab },
        // The tab in sight (or on its way) clicked again: kept, not made again, so that what
        // it is doing (a restore, a computation) is not started twice. One that failed to
        // load is tried again.
        on: { click: () => { if (tab.id !== this.#tab || !(this.#current || this.#loading)) this.#showTab(tab.id); } },
      })));
  }

  /** The skip link: straight to the current tab's results (or its panel), past the form. */
  #skipLink(t) {
    return h('a', {
      class: 'sr-skip',
      href: '#',
      text: t.skipToResults,
      on: {
        click: (e) => {
          e.preventDefault();
          const host = this.#root.querySelector('.sr-tabpanel');
          const target = host.querySelector('.sr-results') || host;
          if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
          target.focus();
          target.scrollIntoView({ block: 'start' });
        },
      },
    });
  }

  #render() {
    const t = strings(this.#lang);
    const level = Math.min(6, Math.max(1, Number(this.getAttribute('heading-level')) || 2));
    if (!this.#tabs.some((x) => x.id === this.#tab)) this.#tab = this.#tabs[0].id;
    const langButton = (code, text) => h('button', {
      type: 'button',
      text,
      lang: code,
      attrs: { 'aria-pressed': String(code === this.#lang) },
      dataset: { lang: code },
      on: { click: () => this.setLanguage(code) },
    });
    const notice = this.#notice
      ? h('p', { class: `sr-notice${this.#notice.warn ? ' sr-warn' : ''}`, attrs: { role: this.#notice.warn ? 'alert' : 'note' }, text: t[this.#notice.key] })
      : null;
    const tabs = this.#tabBar(t);
    replace(this.#root,
      h('div', { class: 'sr-app', lang: this.#lang, attrs: { part: PART.app } },
        this.#skipLink(t),
        h('header', { class: 'sr-head' },
          h('div', {},
            h(`h${level}`, { class: 'sr-title', text: t.title }),
            h('p', { class: 'sr-tagline', text: t.tagline })),
          h('div', { class: 'sr-controls' },
            h('label', { class: 'sr-field' }, h('span', { class: 'sr-lbl', text: t.currency }), this.#currencySelect()),
            h('div', { class: 'sr-field' },
              h('span', { class: 'sr-lbl', text: t.language }),
              h('div', { class: 'sr-lang', attrs: { role: 'group', 'aria-label': t.language } }, langButton('fr', 'FR'), langButton('en', 'EN'))))),
        // Below the tab bar, so that the bar stays where it is when the notice hides.
        tabs,
        notice,
        h('div', { class: 'sr-tabpanel', attrs: { role: tabs ? 'tabpanel' : null } }),
        this.hasAttribute('embed-panel') ? h('div', { class: 'sr-embed-slot' }) : null,
        h('div', { class: 'sr-drop', hidden: true, attrs: { 'aria-hidden': 'true' } }, h('p', { text: t.dropHere }))));
    this.#showTab(this.#tab);
    if (this.hasAttribute('embed-panel')) this.#embedPanel();
  }

  #changed(input, report, edited = false) {
    this.#input = input;
    this.#writeHash();
    // The worked example's note has said its piece once the user changes a figure.
    if (edited && this.#notice && !this.#notice.warn) {
      this.#notice = null;
      this.#root.querySelector('.sr-app > .sr-notice')?.remove();
    }
    this.dispatchEvent(new CustomEvent('social-roi-change', { bubbles: true, composed: true, detail: { input: structuredClone(input), report } }));
  }
}

SocialRoiElement.define();
