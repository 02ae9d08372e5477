// What a host page may style, listed once: every `--sr-*` custom property (with its default)
// and every `part` name (`::part(figure)`). Stylesheets write `${v.accent}` for
// `var(--sr-accent)`, elements `attrs: { part: PART.figure }`: no other module spells them
// (tests/www checks it).

/** The custom properties and their defaults: `accentSoft` is `--sr-accent-soft`. */
export const PROPS = {
  accent: '#0b6e69',
  accentSoft: '#e3f2f1',
  fg: '#1c2426',
  muted: '#5b6b70',
  bg: '#ffffff',
  panel: '#f6f8f8',
  line: '#d7dfe0',
  danger: '#b3261e',
  dangerSoft: '#fdecea',
  good: '#1f7a3a',
  bad: '#b3261e',
  radius: '10px',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
};

const name = (key) => `--sr-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** `var(--sr-…)` of each property, for stylesheets: `color: ${v.muted};`. */
export const v = Object.fromEntries(Object.keys(PROPS).map((k) => [k, `var(${name(k)})`]));

/** The declarations of every property's default, for the element's `:host` rule. */
export const defaults = Object.entries(PROPS).map(([k, value]) => `  ${name(k)}: ${value};`).join('\n');

/** The part names a host page can style with `::part()`. */
export const PART = {
  app: 'app',
  tab: 'tab',
  form: 'form',
  results: 'results',
  summaryBar: 'summary-bar',
  figure: 'figure',
  comparison: 'comparison',
  sensitivity: 'sensitivity',
};
