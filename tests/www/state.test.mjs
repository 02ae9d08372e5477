// www/state.js: the calculator's inputs in the URL fragment: `#z=` (what differs from the
// example, deflate-raw, base64url), `#j=` (the same uncompressed) and the old `#roi=` (the
// whole input JSON, base64url), which still opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changesFrom, decodeHash, encodeHash } from '../../www/state.js';

const example = {
  currency: 'EUR',
  decimal_mark: 'comma',
  period_months: 1,
  costs: [{ kind: 'time', label: 'Community manager', hours: 60, hourly_rate: 35 }],
  sales: [{ visits: 8000, conversion_rate_pct: 1.5, value: 65 }],
  alternative: null,
};
const input = { ...example, costs: [{ kind: 'time', label: 'Community manager — été', hours: '40', hourly_rate: '30,5' }] };
const b64 = (text) => Buffer.from(text).toString('base64url');

test('a fragment holds what differs from the example, with the currency and decimal mark, and gives it back', async () => {
  assert.deepEqual(changesFrom(input, example), { currency: 'EUR', decimal_mark: 'comma', costs: input.costs });
  const hash = await encodeHash(input, example);
  assert.match(hash, /^#z=[A-Za-z0-9_-]+$/, 'base64url: no +, / or = padding');
  assert.deepEqual(await decodeHash(hash), { changes: changesFrom(input, example) });
  assert.deepEqual(await decodeHash(hash.slice(1)), { changes: changesFrom(input, example) }, 'with or without its #');
  assert.deepEqual(await decodeHash(`#tab=analysis&theme=dark&${hash.slice(1)}`), { changes: changesFrom(input, example) });
});

test('the worked example itself makes a link of a few dozen characters; a changed one is a third of the old form or less', async () => {
  const hash = await encodeHash(example, example);
  assert.ok(hash.length < 80, hash);
  const big = { ...example, costs: Array.from({ length: 6 }, (_, i) => ({ ...example.costs[0], label: `ligne ${i}` })) };
  const old = `#roi=${b64(JSON.stringify(big))}`;
  const now = await encodeHash(big, example);
  assert.ok(now.length * 3 < old.length, `${now.length} against ${old.length}`);
});

test('without CompressionStream: the plain form, read back the same', async () => {
  const saved = globalThis.CompressionStream;
  globalThis.CompressionStream = undefined;
  try {
    const hash = await encodeHash(input, example);
    assert.match(hash, /^#j=/);
    assert.deepEqual(await decodeHash(hash), { changes: changesFrom(input, example) });
  } finally {
    globalThis.CompressionStream = saved;
  }
});

test('an old link (#roi=, the whole input) still opens as it was', async () => {
  assert.deepEqual(await decodeHash(`#roi=${b64(JSON.stringify(input))}`), { input });
  const large = { costs: Array.from({ length: 2000 }, (_, i) => ({ kind: 'other', label: `ligne ${i} — é`, amount: String(i) })) };
  assert.deepEqual(await decodeHash(`#tab=files&roi=${b64(JSON.stringify(large))}`), { input: large });
});

test('no input in the fragment: null', async () => {
  for (const hash of ['', '#', '#tab=files', '#roi=', '#z=']) assert.equal(await decodeHash(hash), null, hash);
});

test('a fragment that cannot be read says why instead of throwing', async () => {
  for (const hash of ['#roi=%%%', `#roi=${b64('{not json')}`, `#roi=${b64('[1,2]')}`, `#roi=${b64('null')}`, `#roi=${b64('42')}`,
    `#roi=${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`, '#z=AAAA', `#z=${b64('not deflate at all')}`, `#j=${b64('[1]')}`]) {
    const r = await decodeHash(hash);
    assert.ok(r && typeof r.error === 'string' && r.error.length > 0 && !('input' in r) && !('changes' in r), hash);
  }
});
