// <social-roi>: the calculator as one custom element, so a page (or a blog post) hosts it with
// one tag. Importing this module defines the element; importing it twice is harmless.
//
// Attributes: lang="fr|en" (else the visitor's choice, else the browser's language),
// currency="EUR" (the starting currency), heading-level="1..6" (of its title, default 2),
// sync-url (keep the inputs in the page's URL fragment, so reloads and shared links reproduce
// the result). Event: `social-roi-change` (bubbles, composed) with `detail: { input, report }`.

import { loadCore } from './core.js';
import { sheet } from './styles.js';
import { h, replace } from './dom.js';
import { browserLang, defaultCurrency, langOf, localeFor, strings } from './i18n.js';
import { decodeHash, encodeHash } from './state.js';
import { RoiPanel } from './roi-panel.js';

const LANG_KEY = 'social-roi:lang';

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
  #onHash = () => this.#loadFromHash();

  connectedCallback() {
    if (this.syncUrl) window.addEventListener('hashchange', this.#onHash);
    if (this.#root) return;
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [sheet()];
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

  get #mark() {
    return this.#lang === 'fr' ? 'comma' : 'point';
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
    this.#panel.load(this.#input);
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

  #render() {
    const t = strings(this.#lang);
    const level = Math.min(6, Math.max(1, Number(this.getAttribute('heading-level')) || 2));
    const fmtCurrencies = this.#core.currencies();
    const panel = new RoiPanel({
      core: this.#core,
      lang: this.#lang,
      locale: this.#locale,
      input: this.#input,
      onChange: (input, report) => this.#changed(input, report),
      onReset: () => {
        this.#input = this.#example();
        this.#panel.load(this.#input);
      },
      shareUrl: this.syncUrl ? () => `${location.origin}${location.pathname}${location.search}${encodeHash(this.#input)}` : null,
    });
    this.#panel = panel;
    const currency = h('select', {
      dataset: { control: 'currency' },
      on: { change: (e) => panel.setCurrency(e.target.value) },
    }, fmtCurrencies.map((c) => h('option', { value: c.code, text: panel.fmt.currencyName(c.code), selected: c.code === (this.#input.currency || 'EUR') })));
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
    replace(this.#root,
      h('div', { class: 'sr-app', lang: this.#lang, attrs: { part: 'app' } },
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
        panel.el));
    this.#changed(this.#input, panel.report);
  }

  #changed(input, report) {
    this.#input = input;
    if (this.syncUrl) {
      const hash = encodeHash(input);
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
    }
    if (this.#notice && !this.#notice.warn && report && this.#panel?.report !== report) this.#notice = null;
    this.dispatchEvent(new CustomEvent('social-roi-change', { bubbles: true, composed: true, detail: { input: structuredClone(input), report } }));
  }
}

SocialRoiElement.define();
