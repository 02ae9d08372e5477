// What a host page may style, listed once: every `--sr-*` custom property (with its default)
// and every `part` name (`::part(figure)`). Stylesheets write `${v.accent}` for
// `var(--sr-accent)`, elements `attrs: { part: PART.figure }`: no other module spells them
// (tests/www checks it). Two sets of defaults: the light one and the dark one (`DARK`), which
// the element's `theme` attribute chooses (`light`, `dark`, or `auto`, the default, from the
// visitor's `prefers-color-scheme`); print is always light. A host's own `--sr-*` values win
// over both.

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
  onAccent: '#ffffff',
  onAccentMuted: '#e5f4f3',
  field: '#ffffff',
  fieldLine: '#7d8d91',
  warn: '#6b4a00',
  warnSoft: '#fff4d6',
  goodSoft: '#e5f4ea',
  goodLine: '#9fd0ae',
  dangerLine: '#eab2ad',
  chartAlt: '#d08c2f',
  chartNone: '#9aa7aa',
  low: '#e5a39d',
  high: '#8fc7a4',
  radius: '10px',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
};

/**
 * The dark theme's values of the colour properties (the others keep their one value): every
 * text colour on `bg`, `panel` and its soft background reaches WCAG AA (4.5:1).
 */
export const DARK = {
  accent: '#5cc8bd',
  accentSoft: '#163532',
  fg: '#e4ecec',
  muted: '#a9b8ba',
  bg: '#131b1d',
  panel: '#1b2628',
  line: '#38494d',
  danger: '#ff9a8f',
  dangerSoft: '#3b1f1c',
  good: '#74d392',
  bad: '#ff9a8f',
  onAccent: '#08201e',
  onAccentMuted: '#0f3330',
  field: '#0e1517',
  fieldLine: '#6c8085',
  warn: '#f2c46b',
  warnSoft: '#3a2d0f',
  goodSoft: '#15301f',
  goodLine: '#2f6b45',
  dangerLine: '#7a3a34',
  chartAlt: '#e0a04a',
  chartNone: '#5d6c70',
  low: '#a2524a',
  high: '#3f8a5c',
};

const name = (key) => `--sr-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** `var(--sr-…)` of each property, for stylesheets: `color: ${v.muted};`. */
export const v = Object.fromEntries(Object.keys(PROPS).map((k) => [k, `var(${name(k)})`]));

const declare = (props) => Object.entries(props).map(([k, value]) => `  ${name(k)}: ${value};`).join('\n');

/** The declarations of every property's default, for the element's `:host` rule. */
export const defaults = declare(PROPS);

/** The declarations of the dark theme's values, for the element's dark `:host` rules. */
export const darkDefaults = declare(DARK);

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
