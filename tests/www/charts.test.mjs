// www/charts.js: the axis bounds every chart is drawn on (geometry only; the DOM parts are
// checked in the browser by tests/e2e).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bounds } from '../../www/charts.js';

const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

test('round bounds for common ranges', () => {
  assert.deepEqual(bounds(0, 7), { min: 0, max: 8, step: 2 });
  assert.deepEqual(bounds(0, 100), { min: 0, max: 100, step: 100 });
  assert.deepEqual(bounds(0, 450), { min: 0, max: 500, step: 100 });
  assert.deepEqual(bounds(-3, 12), { min: -10, max: 20, step: 10 });
  assert.deepEqual(bounds(0, 1234567), { min: 0, max: 2000000, step: 1000000 });
  const rate = bounds(0.012, 0.0734);
  assert.equal(rate.min, 0);
  assert.ok(close(rate.max, 0.08) && close(rate.step, 0.02), JSON.stringify(rate));
});

test('the axis always holds zero, the values, and at most five steps of 1, 2, 2.5 or 5 × 10^k', () => {
  const cases = [[0, 1], [3, 9], [-50, -2], [-0.02, 0.3], [0.5, 0.5], [1e-4, 3e-4], [17, 1e9], [-7.3, 7.3], [2.5, 2.5000001]];
  for (const [lo, hi] of cases) {
    const b = bounds(lo, hi);
    const what = `${lo}..${hi}: ${JSON.stringify(b)}`;
    assert.ok(b.min <= Math.min(0, lo) + 1e-12 && b.max >= Math.max(0, hi) - 1e-12, what);
    assert.ok(b.step > 0 && (b.max - b.min) / b.step <= 5 + 1e-9, what);
    const mantissa = b.step / 10 ** Math.floor(Math.log10(b.step) + 1e-12);
    assert.ok([1, 2, 2.5, 5].some((m) => close(mantissa, m)), what);
    for (const end of [b.min, b.max]) assert.ok(close(Math.round(end / b.step), end / b.step), `${what}: ${end} is a multiple of the step`);
  }
});

test('an empty range (all zeros, one value) still gives an axis', () => {
  assert.deepEqual(bounds(0, 0), { min: 0, max: 1, step: 1 });
  assert.deepEqual(bounds(5, 5), { min: 0, max: 5, step: 1 });
  assert.deepEqual(bounds(-2, -2), { min: -2, max: 0, step: 1 });
});
