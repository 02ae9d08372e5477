// The element's styles: one constructed stylesheet shared by every instance. Theme it from
// outside with the --sr-* custom properties, or with ::part().

export const css = `
:host {
  --sr-accent: #0b6e69;
  --sr-accent-soft: #e3f2f1;
  --sr-fg: #1c2426;
  --sr-muted: #5b6b70;
  --sr-bg: #ffffff;
  --sr-panel: #f6f8f8;
  --sr-line: #d7dfe0;
  --sr-danger: #b3261e;
  --sr-danger-soft: #fdecea;
  --sr-good: #1f7a3a;
  --sr-bad: #b3261e;
  --sr-radius: 10px;
  --sr-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  display: block;
  color: var(--sr-fg);
  background: var(--sr-bg);
  font: 15px/1.45 var(--sr-font);
  container-type: inline-size;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
h1, h2, h3, h4 { margin: 0; line-height: 1.25; }
button, input, select { font: inherit; color: inherit; }
.sr-app { padding: 16px; max-width: 1280px; margin: 0 auto; position: relative; }
.sr-drop { position: absolute; inset: 0; z-index: 10; display: grid; place-items: center; background: rgb(11 110 105 / 0.12); border: 3px dashed var(--sr-accent); border-radius: var(--sr-radius); pointer-events: none; }
.sr-drop p { background: var(--sr-bg); color: var(--sr-accent); font-weight: 700; font-size: 1.15rem; padding: 14px 20px; border-radius: var(--sr-radius); box-shadow: 0 4px 18px rgb(0 0 0 / 0.15); margin: 16px; text-align: center; }
.sr-head { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: end; justify-content: space-between; margin-bottom: 16px; }
.sr-title { font-size: 1.6rem; font-weight: 700; }
.sr-tagline { margin: 4px 0 0; color: var(--sr-muted); }
.sr-controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
.sr-lang { display: inline-flex; border: 1px solid var(--sr-line); border-radius: 999px; overflow: hidden; }
.sr-lang button { border: 0; background: transparent; padding: 6px 12px; cursor: pointer; font-weight: 600; }
.sr-lang button[aria-pressed="true"] { background: var(--sr-accent); color: #fff; }
.sr-tabs { display: flex; gap: 4px; border-bottom: 2px solid var(--sr-line); margin: 0 0 16px; overflow-x: auto; }
.sr-tab { border: 0; background: transparent; padding: 10px 16px; font-weight: 650; color: var(--sr-muted); cursor: pointer; border-bottom: 3px solid transparent; margin-bottom: -2px; white-space: nowrap; }
.sr-tab[aria-selected="true"] { color: var(--sr-accent); border-bottom-color: var(--sr-accent); }
@container (max-width: 420px) { .sr-tab { padding: 10px 9px; } }
.sr-tab:focus-visible { outline: 2px solid var(--sr-accent); outline-offset: -2px; }
.sr-notice { padding: 10px 14px; border-radius: var(--sr-radius); background: var(--sr-accent-soft); margin: 0 0 16px; }
.sr-notice.sr-warn { background: var(--sr-danger-soft); color: var(--sr-danger); }
.sr-roi { display: grid; gap: 24px; grid-template-columns: minmax(0, 1fr); }
.sr-mini { position: sticky; bottom: 0; z-index: 2; display: flex; gap: 6px 16px; flex-wrap: wrap; align-items: center; justify-content: space-between;
  background: var(--sr-accent); color: #fff; padding: 8px 12px; border-radius: var(--sr-radius) var(--sr-radius) 0 0; box-shadow: 0 -2px 10px rgb(0 0 0 / 0.15); }
.sr-mini .sr-btn { background: #fff; }
@container (min-width: 980px) {
  .sr-mini { display: none; }
  .sr-roi { grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr); align-items: start; }
  .sr-results { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; }
}
.sr-section { border: 1px solid var(--sr-line); border-radius: var(--sr-radius); padding: 14px 16px 16px; margin: 0 0 16px; background: var(--sr-bg); }
.sr-section > legend, .sr-section-title { font-weight: 700; font-size: 1.1rem; padding: 0 4px; }
.sr-hint { color: var(--sr-muted); font-size: 0.875rem; margin: 2px 0 10px; }
.sr-sub { margin: 14px 0 6px; font-weight: 650; font-size: 1rem; }
.sr-line { border: 1px solid var(--sr-line); border-radius: 8px; padding: 10px 12px; margin: 0 0 10px; background: var(--sr-panel); }
.sr-line-head { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
.sr-line-head .sr-field { flex: 1 1 200px; }
.sr-line-head .sr-field:has(select) { flex-basis: 240px; }
.sr-fields { display: grid; gap: 8px 12px; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); margin-top: 8px; align-items: start; }
.sr-field { display: flex; flex-direction: column; gap: 3px; min-width: 0; }
.sr-field > span.sr-lbl { font-size: 0.8rem; color: var(--sr-muted); font-weight: 600; }
.sr-input { display: flex; align-items: center; border: 1px solid #b9c4c6; border-radius: 6px; background: #fff; }
.sr-input:focus-within { outline: 2px solid var(--sr-accent); outline-offset: 1px; }
.sr-input input, .sr-field select, .sr-line-head input { border: 0; background: transparent; padding: 6px 8px; width: 100%; min-width: 0; outline: none; }
.sr-field select, .sr-field > input { border: 1px solid #b9c4c6; border-radius: 6px; background: #fff; padding: 6px 8px; }
.sr-field > input:focus, .sr-field select:focus { outline: 2px solid var(--sr-accent); outline-offset: 1px; }
.sr-line-head input { border: 1px solid #b9c4c6; border-radius: 6px; background: #fff; }
.sr-unit { padding: 0 8px 0 0; color: var(--sr-muted); white-space: nowrap; font-size: 0.875rem; }
.sr-field.sr-invalid .sr-input { border-color: var(--sr-danger); background: var(--sr-danger-soft); }
.sr-msg { color: var(--sr-danger); font-size: 0.8rem; min-height: 0; }
.sr-msg:empty { display: none; }
.sr-check { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
.sr-check input { width: 18px; height: 18px; accent-color: var(--sr-accent); }
.sr-line-result { display: flex; justify-content: space-between; gap: 12px; margin-top: 8px; font-size: 0.875rem; color: var(--sr-muted); }
.sr-line-result strong { color: var(--sr-fg); font-variant-numeric: tabular-nums; }
.sr-line-result .sr-na { color: var(--sr-danger); font-weight: 400; }
.sr-btn { border: 1px solid var(--sr-accent); color: var(--sr-accent); background: #fff; border-radius: 999px; padding: 6px 14px; cursor: pointer; font-weight: 600; }
.sr-btn:hover { background: var(--sr-accent-soft); }
.sr-btn.sr-primary { background: var(--sr-accent); color: #fff; }
.sr-remove { border: 0; background: transparent; color: var(--sr-muted); cursor: pointer; font-size: 1.3rem; line-height: 1; padding: 4px 8px; border-radius: 6px; }
.sr-remove:hover { color: var(--sr-danger); background: var(--sr-danger-soft); }
.sr-results { display: flex; flex-direction: column; gap: 16px; }
.sr-results h2, .sr-results h3 { font-size: 1.1rem; }
.sr-card.sr-headline { background: var(--sr-accent); color: #fff; border-color: transparent; padding: 16px 18px; }
.sr-headline .sr-card-label { color: #d6efed; }
.sr-headline .sr-card-value { font-size: 2.4rem; }
.sr-headline .sr-formula, .sr-headline .sr-inputs { color: #e5f4f3; }
.sr-headline .sr-reason { color: #fff; }
.sr-cards { display: grid; gap: 10px; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); }
.sr-card { border: 1px solid var(--sr-line); border-radius: var(--sr-radius); padding: 10px 12px; background: var(--sr-bg); }
.sr-card-label { font-size: 0.85rem; color: var(--sr-muted); font-weight: 600; }
.sr-card-value { font-size: 1.45rem; font-weight: 700; margin: 2px 0; font-variant-numeric: tabular-nums; }
.sr-card-value.sr-na { color: var(--sr-muted); }
.sr-reason { font-size: 0.85rem; color: var(--sr-danger); margin: 0 0 4px; }
.sr-formula { font-size: 0.8rem; color: var(--sr-muted); margin: 4px 0 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sr-inputs { list-style: none; margin: 4px 0 0; padding: 0; font-size: 0.8rem; color: var(--sr-muted); }
.sr-inputs li { display: inline; }
.sr-inputs li + li::before { content: " · "; }
.sr-table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.sr-table th, .sr-table td { padding: 6px 8px; border-bottom: 1px solid var(--sr-line); text-align: right; }
.sr-table th:first-child, .sr-table td:first-child { text-align: left; }
.sr-table thead th { font-size: 0.85rem; color: var(--sr-muted); }
.sr-good { color: var(--sr-good); }
.sr-bad { color: var(--sr-bad); }
.sr-tornado { display: grid; grid-template-columns: minmax(0, 0.9fr) minmax(0, 1.4fr); gap: 6px 10px; align-items: center; font-size: 0.85rem; }
.sr-tornado-label { overflow-wrap: anywhere; }
.sr-tornado-track { position: relative; height: 26px; background: var(--sr-panel); border-radius: 4px; }
.sr-tornado-bar { position: absolute; top: 4px; bottom: 4px; border-radius: 3px; }
.sr-tornado-bar.sr-low { background: #e5a39d; }
.sr-tornado-bar.sr-high { background: #8fc7a4; }
.sr-tornado-base { position: absolute; top: 0; bottom: 0; width: 2px; background: var(--sr-fg); }
.sr-tornado-values { display: flex; justify-content: space-between; gap: 8px; font-size: 0.75rem; color: var(--sr-muted); margin-top: 3px; }
.sr-actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
.sr-status { font-size: 0.875rem; color: var(--sr-muted); }
.sr-errors { border: 1px solid var(--sr-danger); background: var(--sr-danger-soft); color: var(--sr-danger); border-radius: var(--sr-radius); padding: 10px 14px; }
.sr-errors ul { margin: 6px 0 0; padding-left: 18px; }
.sr-errors a { color: inherit; }
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
