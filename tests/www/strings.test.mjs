// Every table of words the page has (the element's in www/i18n.js, each panel's in its
// folder's strings.js) says the same things in French and in English: the same keys at every
// depth, lists of the same length, functions taking the same arguments, nothing left empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const www = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');
const tables = [join(www, 'i18n.js'), ...readdirSync(www, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(www, d.name, 'strings.js')))
  .map((d) => join(www, d.name, 'strings.js'))];

/** Where `fr` and `en` differ in shape, as `path: what` lines. */
function differences(fr, en, path = '') {
  const out = [];
  const kind = (v) => (Array.isArray(v) ? 'array' : typeof v);
  if (kind(fr) !== kind(en)) return [`${path}: ${kind(fr)} in French, ${kind(en)} in English`];
  if (typeof fr === 'function') {
    if (fr.length !== en.length) out.push(`${path}: takes ${fr.length} arguments in French, ${en.length} in English`);
  } else if (typeof fr === 'string') {
    if (!fr.trim() || !en.trim()) out.push(`${path}: empty`);
  } else if (fr && typeof fr === 'object') {
    const keys = new Set([...Object.keys(fr), ...Object.keys(en)]);
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in fr)) out.push(`${p}: missing in French`);
      else if (!(k in en)) out.push(`${p}: missing in English`);
      else out.push(...differences(fr[k], en[k], p));
    }
  }
  return out;
}

test('the page has its tables of words: the element and every panel', () => {
  const names = tables.map((t) => t.slice(www.length + 1));
  for (const expected of ['i18n.js', 'roi/strings.js', 'files/strings.js', 'analysis/strings.js', 'contest/strings.js']) {
    assert.ok(names.includes(expected), `${expected} among ${names.join(', ')}`);
  }
});

for (const file of tables) {
  test(`${file.slice(www.length + 1)}: French and English have the same keys, recursively`, async () => {
    const { STRINGS } = await import(pathToFileURL(file));
    assert.deepEqual(Object.keys(STRINGS).sort(), ['en', 'fr']);
    assert.deepEqual(differences(STRINGS.fr, STRINGS.en), []);
  });
}

test('the check finds a difference when there is one', () => {
  assert.deepEqual(differences({ a: 'x', b: { c: 'y' } }, { a: 'x', b: {} }), ['b.c: missing in English']);
  assert.deepEqual(differences({ f: (n) => n }, { f: () => 1 }), ['f: takes 1 arguments in French, 0 in English']);
  assert.deepEqual(differences({ l: ['a', 'b'] }, { l: ['a'] }), ['l.1: missing in English']);
});
