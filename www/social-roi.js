// <social-roi>: the calculator as one custom element, so a page (or a blog post) hosts it with
// one tag. Importing this module defines the element; importing it twice is harmless.
//
// Attributes: lang="fr|en" (else the visitor's choice, else the browser's language),
// currency="EUR" (the starting currency), heading-level="1..6" (of its title, default 2),
// sync-url (keep the inputs in the page's URL fragment, so reloads and shared links reproduce
// the result). Event: `social-roi-change` (bubbles, composed) with `detail: { input, report }`.

import { fullCore, loadCore } from './core.js';
import { sheet } from './styles.js';
import { h, replace } from './dom.js';
import { browserLang, defaultCurrency, langOf, localeFor, strings } from './i18n.js';
import { decodeHash, encodeHash } from './state.js';
import { PART } from './theme.js';
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
 * `ctx.client` the client itself (jobs with progress, cancel, supersede); the
 * other tabs get the light core, in the page. Files dropped anywhere on the element go to the
 * current tab when its panel has `addFiles(files)`, else to the tab marked `acceptsFiles`
 * (the Files tab).
 */
const TABS = [
  { id: 'roi', label: 'tabRoi', create: (ctx) => ctx.element.roiPanel(ctx) },
  { id: 'files', label: 'tabFiles', acceptsFiles: true, full: true, create: (ctx) => import('./files/panel.js').then((m) => m.FilesPanel.create(ctx)) },
  // Reads the Files tab's set (ctx.set('files')): what the dropped files mean.
  { id: 'analysis', label: 'tabAnalysis', full: true, create: (ctx) => import('./analysis/panel.js').then((m) => m.AnalysisPanel.create(ctx)) },
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
    return ['lang', 'currency'];
  }

  #root = null;
  #core = null;
  #lang = 'en';
  #input = null;
  #panel = null;
  #notice = null;
  #tab = TABS[0].id;
  #stores = new Map();
  #shared = {};
  #showing = 0;
  #current = null;
  #dragDepth = 0;
  #id = `sr${++elements}`;
  #onHash = () => this.#loadFromHash();

  connectedCallback() {
    if (this.syncUrl) window.addEventListener('hashchange', this.#onHash);
    if (this.#root) return;
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sheet()];
    this.#listenForDrops();
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

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.#onHash);
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#core || old === value) return;
    if (name === 'lang' && value) this.setLanguage(langOf(value));
    if (name === 'currency' && value) this.#panel?.setCurrency(value);
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

  #start() {
    this.#notice = null;
    if (this.syncUrl) {
      const tab = new URLSearchParams(location.hash.replace(/^#/, '')).get('tab');
      if (TABS.some((x) => x.id === tab)) this.#tab = tab;
    }
    const fromUrl = this.syncUrl ? decodeHash(location.hash) : null;
    if (fromUrl?.input) {
      try {
        this.#core.computeRoi(fromUrl.input, this.#lang); // throws if its shape is wrong
        this.#input = this.#adopt(fromUrl.input);
      } catch {
        this.#notice = { warn: true, key: 'badLink' };
      }
    } else if (fromUrl?.error) {
      this.#notice = { warn: true, key: 'badLink' };
    }
    if (!this.#input) {
      this.#input = this.#example();
      this.#notice ??= { warn: false, key: 'exampleNote' };
    }
    this.#render();
  }

  #loadFromHash() {
    const fromUrl = decodeHash(location.hash);
    if (!fromUrl?.input || !this.#core) return;
    if (encodeHash(fromUrl.input) === encodeHash(this.#input)) return;
    try {
      this.#core.computeRoi(fromUrl.input, this.#lang);
    } catch {
      return;
    }
    this.#input = this.#adopt(fromUrl.input);
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
    const tab = TABS.find((x) => x.acceptsFiles);
    if (!tab) return;
    if (this.#tab !== tab.id || !this.#current?.addFiles) await this.#showTab(tab.id);
    await this.#current?.addFiles?.(files);
  }

  /** Opens the tab `id` (`roi`, `files`, `analysis`…); a tab that does not exist is ignored. */
  async showTab(id) {
    if (!this.#core || !TABS.some((x) => x.id === id)) return;
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
      shareUrl: this.syncUrl ? () => `${location.origin}${location.pathname}${location.search}${this.#hash()}` : null,
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

  #hash() {
    const roi = encodeHash(this.#input).slice(1);
    return this.#tab === TABS[0].id ? `#${roi}` : `#tab=${this.#tab}&${roi}`;
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
    host.setAttribute('aria-labelledby', `sr-tab-${id}`);
    // The notice speaks of the calculator's inputs (the example, a link that could not be read).
    const notice = this.#root.querySelector('.sr-app > .sr-notice');
    if (notice) notice.hidden = id !== TABS[0].id;
    const token = ++this.#showing;
    const t = strings(this.#lang);
    let panel;
    try {
      let core = this.#core;
      let client = null;
      if (tab.full) {
        replace(host, h('p', { class: 'sr-notice', attrs: { role: 'status' }, text: t.loading }));
        client = await fullCore();
        core = client.core;
      }
      panel = await tab.create(this.#context(core, client));
    } catch (err) {
      if (token === this.#showing) {
        replace(host, h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: `${t.loadFailed} ${err?.message || err}` }));
      }
      return;
    }
    // A quicker switch to another tab happened meanwhile: that one wins.
    if (token !== this.#showing) {
      panel.destroy?.();
      return;
    }
    this.#current = panel;
    // A panel may bring its own stylesheets (`sheets`), adopted beside the shared one.
    this.#root.adoptedStyleSheets = [sheet(), ...(panel.sheets || [])];
    replace(host, panel.el);
    if (this.syncUrl && location.hash !== this.#hash()) history.replaceState(history.state, '', this.#hash());
  }

  #render() {
    const t = strings(this.#lang);
    const level = Math.min(6, Math.max(1, Number(this.getAttribute('heading-level')) || 2));
    const currencies = this.#core.currencies();
    const names = new Intl.DisplayNames([this.#locale], { type: 'currency' });
    const currencyName = (code) => { try { return `${code} — ${names.of(code)}`; } catch { return code; } };
    const currency = h('select', {
      dataset: { control: 'currency' },
      on: { change: (e) => this.#updateRoi((input) => ({ ...input, currency: e.target.value })) },
    }, currencies.map((c) => h('option', { value: c.code, text: currencyName(c.code), selected: c.code === (this.#input.currency || 'EUR') })));
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
    const tabs = TABS.length > 1
      ? h('div', {
        class: 'sr-tabs',
        attrs: { role: 'tablist', 'aria-label': t.sections },
        on: {
          keydown: (e) => {
            const i = TABS.findIndex((x) => x.id === this.#tab);
            const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
            if (step) this.#showTab(TABS[(i + step + TABS.length) % TABS.length].id, true);
          },
        },
      }, TABS.map((tab) => h('button', {
        type: 'button',
        id: `sr-tab-${tab.id}`,
        class: 'sr-tab',
        text: t[tab.label],
        dataset: { tab: tab.id },
        attrs: { role: 'tab', 'aria-selected': String(tab.id === this.#tab), part: PART.tab },
        on: { click: () => this.#showTab(tab.id) },
      })))
      : null;
    replace(this.#root,
      h('div', { class: 'sr-app', lang: this.#lang, attrs: { part: PART.app } },
        h('header', { class: 'sr-head' },
          h('div', {},
            h(`h${level}`, { class: 'sr-title', text: t.title }),
            h('p', { class: 'sr-tagline', text: t.tagline })),
          h('div', { class: 'sr-controls' },
            h('label', { class: 'sr-field' }, h('span', { class: 'sr-lbl', text: t.currency }), currency),
            h('div', { class: 'sr-field' },
              h('span', { class: 'sr-lbl', text: t.language }),
              h('div', { class: 'sr-lang', attrs: { role: 'group', 'aria-label': t.language } }, langButton('fr', 'FR'), langButton('en', 'EN'))))),
        notice,
        tabs,
        h('div', { class: 'sr-tabpanel', attrs: { role: TABS.length > 1 ? 'tabpanel' : null } }),
        h('div', { class: 'sr-drop', hidden: true, attrs: { 'aria-hidden': 'true' } }, h('p', { text: t.dropHere }))));
    this.#showTab(this.#tab);
  }

  #changed(input, report, edited = false) {
    this.#input = input;
    if (this.syncUrl) {
      const hash = this.#hash();
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
    }
    // The worked example's note has said its piece once the user changes a figure.
    if (edited && this.#notice && !this.#notice.warn) {
      this.#notice = null;
      this.#root.querySelector('.sr-app > .sr-notice')?.remove();
    }
    this.dispatchEvent(new CustomEvent('social-roi-change', { bubbles: true, composed: true, detail: { input: structuredClone(input), report } }));
  }
}

SocialRoiElement.define();
