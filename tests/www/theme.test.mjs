// What a host page may style is listed once, in www/theme.js: no other module spells a
// `--sr-*` custom property or a part name, every one listed is used, and every one used is
// listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DARK, PART, PROPS, darkDefaults, defaults, v } from '../../www/theme.js';

const www = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');
const modules = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
  const f = join(dir, d.name);
  if (d.isDirectory()) return d.name === 'pkg' ? [] : modules(f);
  return d.name.endsWith('.js') ? [f] : [];
});
const sources = modules(www).filter((f) => relative(www, f) !== 'theme.js').map((f) => [relative(www, f), readFileSync(f, 'utf8')]);

test('each property is `var(--sr-…)` of its kebab-case name, with its default on :host', () => {
  assert.equal(v.accentSoft, 'var(--sr-accent-soft)');
  assert.equal(v.fg, 'var(--sr-fg)');
  for (const key of Object.keys(PROPS)) {
    const name = v[key].slice(4, -1);
    assert.match(name, /^--sr-[a-z]+(-[a-z]+)*$/);
    assert.ok(defaults.includes(`${name}: ${PROPS[key]};`), `${name} has its default`);
  }
  assert.equal(defaults.split('\n').length, Object.keys(PROPS).length);
});

test('no other module spells a custom property or a part name', () => {
  for (const [file, text] of sources) {
    // Comments may name them; code may not.
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
    assert.doesNotMatch(code, /--sr-/, `${file} writes a --sr-* property: use v from theme.js`);
    assert.doesNotMatch(code, /\bpart\s*:\s*['"`]/, `${file} names a part: use PART from theme.js`);
    assert.doesNotMatch(code, /::part\(|setAttribute\(\s*'part'/, `${file} names a part`);
  }
});

test('every property and every part listed is used', () => {
  // The modules that take them from theme.js (elsewhere `v` may be a local name).
  const all = sources.filter(([, text]) => /^import \{[^}]*\b(v|PART)\b[^}]*\} from '(\.\.\/|\.\/)theme\.js';$/m.test(text)).map(([, text]) => text).join('\n');
  for (const key of Object.keys(PROPS)) assert.ok(all.includes(`\${v.${key}}`), `--sr-${key} is unused`);
  for (const key of Object.keys(PART)) assert.match(all, new RegExp(`\\bPART\\.${key}\\b`), `part ${PART[key]} is unused`);
  for (const m of all.matchAll(/\$\{v\.(\w+)\}/g)) assert.ok(m[1] in PROPS, `v.${m[1]} is not in theme.js`);
  for (const m of all.matchAll(/\bPART\.(\w+)/g)) assert.ok(m[1] in PART, `PART.${m[1]} is not in theme.js`);
});

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('the dark theme redefines colours only, and both themes reach AA for text', () => {
  for (const [key, value] of Object.entries(DARK)) {
    assert.ok(key in PROPS, `${key} is not a property`);
    assert.match(value, /^#[0-9a-f]{6}$/);
    assert.ok(darkDefaults.includes(`${v[key].slice(4, -1)}: ${value};`));
  }
  // Text colour on the backgrounds it is written on.
  const pairs = [['fg', 'bg'], ['fg', 'panel'], ['muted', 'bg'], ['muted', 'panel'], ['accent', 'bg'], ['accent', 'accentSoft'],
    ['danger', 'bg'], ['danger', 'dangerSoft'], ['good', 'bg'], ['good', 'goodSoft'], ['bad', 'bg'], ['warn', 'bg'], ['warn', 'warnSoft'],
    ['onAccent', 'accent'], ['onAccentMuted', 'accent'], ['fg', 'field'], ['muted', 'accentSoft']];
  for (const theme of [PROPS, { ...PROPS, ...DARK }]) {
    for (const [fg, bg] of pairs) {
      const ratio = contrast(theme[fg], theme[bg]);
      assert.ok(ratio >= 4.5, `${fg} on ${bg}: ${ratio.toFixed(2)} in the ${theme === PROPS ? 'light' : 'dark'} theme`);
    }
  }
});
