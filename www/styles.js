// The element's shared stylesheet: the chrome (header, tabs, notices), the controls every tab
// uses (sections, fields, buttons), the figure cards (figure.js) and the calculator's layout the
// contest's outcome shares; one constructed stylesheet shared by every instance. Each panel
// adds its own (roi/styles.js, files/styles.js…). Theme it from outside with the custom
// properties or the parts theme.js lists.

import { darkDefaults, defaults, v } from './theme.js';
import { figureCss } from './figure.js';

export const css = `
:host {
${defaults}
  color-scheme: light;
}
/* A host page's own rules (\`* { all: revert }\`, a 30 px serif body) outrank :host's plain
   declarations; its !important ones do not. What the layout needs, and the inherited text
   properties, are reset here: a host styles the element through --sr-* (--sr-font, --sr-fg…),
   and its box (margin, width) freely. Sizes are in px, never rem (a host's root size). */
:host {
  display: block !important;
  container-type: inline-size !important;
  color: ${v.fg} !important;
  background: ${v.bg} !important;
  font: 15px/1.45 ${v.font} !important;
  font-synthesis: none !important;
  letter-spacing: normal !important;
  word-spacing: normal !important;
  text-align: start !important;
  text-indent: 0 !important;
  text-transform: none !important;
  text-shadow: none !important;
  white-space: normal !important;
  visibility: visible !important;
  direction: ltr !important;
}
:host([hidden]) { display: none !important; }
@media screen {
  :host([theme="dark"]) {
${darkDefaults}
    color-scheme: dark;
  }
}
@media screen and (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
${darkDefaults}
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
h1, h2, h3, h4 { margin: 0; line-height: 1.25; }
button, input, select, textarea { font: inherit; color: inherit; }
textarea { background: ${v.field}; }
.sr-skip { position: absolute; left: 16px; top: 4px; z-index: 20; background: ${v.accent}; color: ${v.onAccent}; padding: 6px 12px; border-radius: 6px; font-weight: 650; }
.sr-skip:not(:focus) { width: 1px; height: 1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.sr-app { padding: 16px; max-width: 1280px; margin: 0 auto; position: relative; }
.sr-drop { position: absolute; inset: 0; z-index: 10; display: grid; place-items: center; background: rgb(11 110 105 / 0.12); border: 3px dashed ${v.accent}; border-radius: ${v.radius}; pointer-events: none; }
.sr-drop p { background: ${v.bg}; color: ${v.accent}; font-weight: 700; font-size: 18.4px; padding: 14px 20px; border-radius: ${v.radius}; box-shadow: 0 4px 18px rgb(0 0 0 / 0.15); margin: 16px; text-align: center; }
.sr-head { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: end; justify-content: space-between; margin-bottom: 16px; }
.sr-title { font-size: 25.6px; font-weight: 700; }
.sr-tagline { margin: 4px 0 0; color: ${v.muted}; }
.sr-controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
.sr-lang { display: inline-flex; border: 1px solid ${v.line}; border-radius: 999px; overflow: hidden; }
.sr-lang button { border: 0; background: transparent; padding: 6px 12px; cursor: pointer; font-weight: 600; }
.sr-lang button[aria-pressed="true"] { background: ${v.accent}; color: ${v.onAccent}; }
.sr-tabs { display: flex; gap: 4px; border-bottom: 2px solid ${v.line}; margin: 0 0 16px; overflow-x: auto; }
.sr-tab { border: 0; background: transparent; padding: 10px 16px; font-weight: 650; color: ${v.muted}; cursor: pointer; border-bottom: 3px solid transparent; margin-bottom: -2px; white-space: nowrap; }
.sr-tab[aria-selected="true"] { color: ${v.accent}; border-bottom-color: ${v.accent}; }
@container (max-width: 420px) { .sr-tab { padding: 10px 9px; } }
.sr-tab:focus-visible { outline: 2px solid ${v.accent}; outline-offset: -2px; }
.sr-notice { padding: 10px 14px; border-radius: ${v.radius}; background: ${v.accentSoft}; margin: 0 0 16px; }
.sr-notice.sr-warn { background: ${v.dangerSoft}; color: ${v.danger}; }
.sr-roi { display: grid; gap: 24px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 980px) {
  .sr-roi { grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr); align-items: start; }
  .sr-results { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; }
}
.sr-section { border: 1px solid ${v.line}; border-radius: ${v.radius}; padding: 14px 16px 16px; margin: 0 0 16px; background: ${v.bg}; }
.sr-legend { font: inherit; margin: 0; }
.sr-section > legend, .sr-section-title { font-weight: 700; font-size: 17.6px; padding: 0 4px; }
.sr-hint { color: ${v.muted}; font-size: 14px; margin: 2px 0 10px; }
.sr-fields { display: grid; gap: 8px 12px; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); margin-top: 8px; align-items: start; }
.sr-field { display: flex; flex-direction: column; gap: 3px; min-width: 0; }
.sr-field > span.sr-lbl { font-size: 12.8px; color: ${v.muted}; font-weight: 600; }
.sr-input { display: flex; align-items: center; border: 1px solid ${v.fieldLine}; border-radius: 6px; background: ${v.field}; }
.sr-input:focus-within { outline: 2px solid ${v.accent}; outline-offset: 1px; }
.sr-input input, .sr-field select { border: 0; background: transparent; padding: 6px 8px; width: 100%; min-width: 0; outline: none; }
.sr-field select, .sr-field > input { border: 1px solid ${v.fieldLine}; border-radius: 6px; background: ${v.field}; padding: 6px 8px; }
.sr-field > input:focus, .sr-field select:focus { outline: 2px solid ${v.accent}; outline-offset: 1px; }
.sr-unit { padding: 0 8px 0 0; color: ${v.muted}; white-space: nowrap; font-size: 14px; }
.sr-field.sr-invalid .sr-input { border-color: ${v.danger}; background: ${v.dangerSoft}; }
.sr-field-hint { font-size: 12.8px; color: ${v.muted}; }
.sr-msg { color: ${v.danger}; font-size: 12.8px; min-height: 0; }
.sr-msg:empty { display: none; }
.sr-check { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
.sr-check input { width: 18px; height: 18px; accent-color: ${v.accent}; }
.sr-btn { border: 1px solid ${v.accent}; color: ${v.accent}; background: ${v.field}; border-radius: 999px; padding: 6px 14px; cursor: pointer; font-weight: 600; }
.sr-btn:hover { background: ${v.accentSoft}; }
.sr-btn.sr-primary { background: ${v.accent}; color: ${v.onAccent}; }
.sr-job { display: grid; gap: 4px; min-width: 0; }
.sr-job progress { width: 100%; height: 8px; }
.sr-job-line { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; justify-content: space-between; }
.sr-job-cancel { padding: 3px 12px; font-size: 13.6px; }
.sr-remove { border: 0; background: transparent; color: ${v.muted}; cursor: pointer; font-size: 20.8px; line-height: 1; padding: 4px 8px; border-radius: 6px; }
.sr-remove:hover { color: ${v.danger}; background: ${v.dangerSoft}; }
.sr-results { display: flex; flex-direction: column; gap: 16px; }
.sr-results > h2, .sr-results > h3 { font-size: 17.6px; }
${figureCss}
.sr-good { color: ${v.good}; }
.sr-bad { color: ${v.bad}; }
.sr-status { font-size: 14px; color: ${v.muted}; }
.sr-errors { border: 1px solid ${v.danger}; background: ${v.dangerSoft}; color: ${v.danger}; border-radius: ${v.radius}; padding: 10px 14px; }
.sr-errors ul { margin: 6px 0 0; padding-left: 18px; }
.sr-errors a { color: inherit; }
.sr-embed { margin-top: 16px; }
.sr-embed > summary { cursor: pointer; }
.sr-embed-tabs { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0 12px; }
.sr-embed-code { width: 100%; font: 12.8px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border: 1px solid ${v.fieldLine}; border-radius: 6px; padding: 6px 8px; }
.sr-embed-box { margin-top: 10px; }
@media print {
  .sr-form-col, .sr-controls, .sr-actions, .sr-remove, .sr-btn, .sr-mini { display: none !important; }
  .sr-roi { display: block; }
  .sr-results { position: static; max-height: none; overflow: visible; }
  .sr-headline { color: #000; background: none; border: 2px solid #000; }
}
`;

/**
 * A function that gives the stylesheet of `text`, constructed the first time it is asked for
 * and then shared by every instance (panels bring theirs this way).
 */
export function adoptable(text) {
  let made = null;
  return () => {
    if (!made) {
      made = new CSSStyleSheet();
      made.replaceSync(text);
    }
    return made;
  };
}

/** The element's own stylesheet, constructed once and adopted by every instance. */
export const sheet = adoptable(css);
