// The embed panel ("Embed / Intégrer", shown by the element's `embed-panel` attribute): the
// two lines a blogger pastes to host this calculator as it is now (language, currency, theme,
// tabs and, if asked, the current inputs), and an <iframe> for hosts that forbid scripts. The
// snippet points at the files this module was loaded from; the inputs it carries are only those
// that differ from the worked example (the element fills in the rest, docs/embed.md).

import { h } from './dom.js';
import { pick } from './i18n.js';
import { changesFrom, encodeHash } from './state.js';

const STRINGS = {
  fr: {
    title: 'Intégrer ce calculateur',
    hint: 'Collez ces deux lignes dans une page (un article de blog, un site) : le calculateur s’y affiche tel qu’ici, et les chiffres restent sur la machine du visiteur.',
    theme: 'Thème',
    themes: { auto: 'automatique (celui du visiteur)', light: 'clair', dark: 'sombre' },
    tabs: 'Onglets',
    withInputs: 'Avec mes chiffres actuels (seules les valeurs qui diffèrent de l’exemple)',
    script: 'Code à coller (avec JavaScript)',
    iframe: 'Variante <iframe> (pour les sites qui refusent les scripts)',
    copy: 'Copier',
    copied: 'Copié',
    noCopy: 'Sélectionnez le texte et copiez-le (Ctrl+C)',
    noHost: 'Cette page est ouverte depuis un fichier : publiez le dossier www/ sur un site (ou utilisez le paquet npm) pour que ces lignes fonctionnent ailleurs.',
  },
  en: {
    title: 'Embed this calculator',
    hint: 'Paste these two lines into a page (a blog post, a site): the calculator shows there as it is here, and the figures stay on the visitor’s machine.',
    theme: 'Theme',
    themes: { auto: 'automatic (the visitor’s)', light: 'light', dark: 'dark' },
    tabs: 'Tabs',
    withInputs: 'With my current figures (only the values that differ from the example)',
    script: 'Code to paste (with JavaScript)',
    iframe: '<iframe> variant (for sites that refuse scripts)',
    copy: 'Copy',
    copied: 'Copied',
    noCopy: 'Select the text and copy it (Ctrl+C)',
    noHost: 'This page was opened from a file: publish the www/ folder on a site (or use the npm package) for these lines to work elsewhere.',
  },
};

/** Escapes text for an HTML attribute value between `quote`s. */
function attr(text, quote = '"') {
  const out = String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return quote === '"' ? out.replace(/"/g, '&quot;') : out.replace(/'/g, '&#39;');
}

/**
 * The two snippets for `o`: `{ lang, currency, theme, tabs (ids, or null for all), input and
 * example (or no input: the example's) }`, for the element's files at `base` (www/'s URL).
 */
export async function snippets(o, base) {
  const attrs = [`lang="${o.lang}"`, `currency="${attr(o.currency)}"`];
  if (o.theme !== 'auto') attrs.push(`theme="${o.theme}"`);
  if (o.tabs) attrs.push(`tabs="${o.tabs.join(' ')}"`);
  if (o.input) {
    // The attribute says the currency; the inputs, what differs from the example.
    const { currency, ...changes } = changesFrom(o.input, o.example);
    attrs.push(`inputs='${attr(JSON.stringify(changes), "'")}'`);
  }
  const script = `<script type="module" src="${new URL('social-roi.js', base).href}"></script>\n<social-roi ${attrs.join(' ')}></social-roi>`;
  const params = new URLSearchParams({ lang: o.lang, currency: o.currency });
  if (o.theme !== 'auto') params.set('theme', o.theme);
  if (o.tabs) params.set('tabs', o.tabs.join(' '));
  const roi = o.input ? `&${(await encodeHash(o.input, o.example)).slice(1)}` : '';
  const src = `${new URL('index.html', base).href}#${params.toString().replace(/\+/g, '%20')}${roi}`;
  const iframe = `<iframe src="${attr(src)}" title="${o.lang === 'fr' ? 'Calculateur de ROI des réseaux sociaux' : 'Social media ROI calculator'}" style="width: 100%; height: 900px; border: 0" loading="lazy"></iframe>`;
  return { script, iframe };
}

function copyBox(t, label, key) {
  const area = h('textarea', { class: 'sr-embed-code', readOnly: true, rows: 3, spellcheck: false, dataset: { snippet: key }, attrs: { 'aria-label': label } });
  const said = h('span', { class: 'sr-status', attrs: { role: 'status' } });
  const copy = h('button', {
    type: 'button',
    class: 'sr-btn',
    text: t.copy,
    dataset: { action: `copy-${key}` },
    on: {
      click: async () => {
        try {
          await navigator.clipboard.writeText(area.value);
          said.textContent = t.copied;
        } catch {
          area.select();
          said.textContent = t.noCopy;
        }
      },
    },
  });
  return { area, el: h('div', { class: 'sr-field sr-embed-box' }, h('span', { class: 'sr-lbl', text: label }), area, h('div', { class: 'sr-actions' }, copy, said)) };
}

/**
 * The URL of the folder this module was loaded from; inside the single file (no such folder),
 * a placeholder for the site that will host the files.
 */
function filesUrl() {
  try {
    return new URL('./', import.meta.url);
  } catch {
    return new URL('file:///');
  }
}

/**
 * The panel for `element`; `o` gives `lang`, `input()` and `example()` (the current inputs and
 * the worked example), `tabs()` (the ids shown) and `all` (every tab's id).
 */
export function embedPanel(element, o) {
  const t = pick(STRINGS, o.lang);
  const base = filesUrl();
  const theme = h('select', { dataset: { embed: 'theme' } },
    ['auto', 'light', 'dark'].map((x) => h('option', { value: x, text: t.themes[x], selected: x === (element.getAttribute('theme') || 'auto') })));
  const shown = new Set(o.tabs());
  const tabBoxes = o.all.map((id) => h('label', { class: 'sr-check' },
    h('input', { type: 'checkbox', checked: shown.has(id), dataset: { embedTab: id } }),
    h('span', { text: element.shadowRoot.querySelector(`[data-tab="${id}"]`)?.textContent || id })));
  const withInputs = h('input', { type: 'checkbox', dataset: { embed: 'inputs' } });
  const script = copyBox(t, t.script, 'script');
  const iframe = copyBox(t, t.iframe, 'iframe');
  let made = 0;
  const update = async () => {
    const input = o.input();
    const tabs = tabBoxes.map((b) => b.querySelector('input')).filter((x) => x.checked).map((x) => x.dataset.embedTab);
    const n = ++made;
    const out = await snippets({
      lang: o.lang,
      currency: input.currency || 'EUR',
      theme: theme.value,
      tabs: tabs.length && tabs.length < o.all.length ? tabs : null,
      input: withInputs.checked ? input : null,
      example: o.example(),
    }, where);
    if (n !== made) return;
    script.area.value = out.script;
    iframe.area.value = out.iframe;
    panel.dataset.ready = String(n);
  };
  const where = base.protocol === 'file:' ? new URL('https://example.org/social-roi/') : base;
  const panel = h('details', { class: 'sr-section sr-embed', dataset: { panel: 'embed' }, on: { toggle: update, change: update } },
    h('summary', { class: 'sr-section-title', text: t.title }),
    h('p', { class: 'sr-hint', text: t.hint }),
    base.protocol === 'file:' ? h('p', { class: 'sr-notice sr-warn', text: t.noHost }) : null,
    h('div', { class: 'sr-fields' },
      h('label', { class: 'sr-field' }, h('span', { class: 'sr-lbl', text: t.theme }), theme),
      h('fieldset', { class: 'sr-field sr-embed-tabs' }, h('legend', { class: 'sr-lbl', text: t.tabs }), ...tabBoxes)),
    h('label', { class: 'sr-check' }, withInputs, h('span', { text: t.withInputs })),
    script.el,
    iframe.el);
  // The inputs change as the user types: the snippet follows while the panel is open.
  const follow = () => {
    if (!panel.isConnected) element.removeEventListener('social-roi-change', follow);
    else if (panel.open) update();
  };
  element.addEventListener('social-roi-change', follow);
  update();
  return panel;
}
