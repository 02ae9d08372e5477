// www/state.js: the calculator's inputs in the URL fragment, `#roi=<base64url of the JSON>`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHash, encodeHash } from '../../www/state.js';

const input = {
  currency: 'EUR',
  decimal_mark: 'comma',
  costs: [{ kind: 'time', label: 'Community manager — été', hours: '40', hourly_rate: '30,5' }],
  sales: [{ visits: 5000, conversion_rate_pct: '2 %', value: 45 }],
  alternative: null,
};

test('a fragment gives back the input it was made of, accents and all', () => {
  const hash = encodeHash(input);
  assert.match(hash, /^#roi=[A-Za-z0-9_-]+$/, 'base64url: no +, / or = padding');
  assert.deepEqual(decodeHash(hash), { input });
  assert.deepEqual(decodeHash(hash.slice(1)), { input }, 'with or without its #');
});

test('the fragment may hold other keys (the tab) beside the input', () => {
  const hash = `#tab=analysis&${encodeHash(input).slice(1)}`;
  assert.deepEqual(decodeHash(hash), { input });
});

test('a large input (more than one chunk of bytes) survives', () => {
  const big = { costs: Array.from({ length: 2000 }, (_, i) => ({ kind: 'other', label: `ligne ${i} — é`, amount: String(i) })) };
  assert.deepEqual(decodeHash(encodeHash(big)), { input: big });
});

test('no input in the fragment: null', () => {
  assert.equal(decodeHash(''), null);
  assert.equal(decodeHash('#'), null);
  assert.equal(decodeHash('#tab=files'), null);
  assert.equal(decodeHash('#roi='), null);
});

test('a fragment that cannot be read says why instead of throwing', () => {
  const b64 = (text) => Buffer.from(text).toString('base64url');
  for (const hash of ['#roi=%%%', `#roi=${b64('{not json')}`, `#roi=${b64('[1,2]')}`, `#roi=${b64('null')}`, `#roi=${b64('42')}`, `#roi=${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`]) {
    const r = decodeHash(hash);
    assert.ok(r && typeof r.error === 'string' && r.error.length > 0 && !('input' in r), hash);
  }
});
