// www/roi/paths.js: paths into the calculator's input, as the core names fields in messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPath, setPath } from '../../www/roi/paths.js';

test('getPath reads through objects and lists, and gives undefined past the end', () => {
  const input = { costs: [{ hours: '40' }, { amount: 5 }], earned_media: { cpm: '12,5' }, alternative: null };
  assert.equal(getPath(input, 'costs[0].hours'), '40');
  assert.equal(getPath(input, 'costs[1].amount'), 5);
  assert.equal(getPath(input, 'earned_media.cpm'), '12,5');
  assert.deepEqual(getPath(input, 'costs'), input.costs);
  assert.equal(getPath(input, 'costs[2].hours'), undefined);
  assert.equal(getPath(input, 'alternative.costs[0].amount'), undefined);
  assert.equal(getPath(input, 'sales[0].visits'), undefined);
});

test('setPath makes the objects and lists on its way', () => {
  const input = {};
  setPath(input, 'alternative.costs[1].amount', '300');
  assert.equal(input.alternative.costs.length, 2);
  assert.equal(getPath(input, 'alternative.costs[0]'), undefined);
  assert.deepEqual(getPath(input, 'alternative.costs[1]'), { amount: '300' });
  setPath(input, 'alternative.label', 'Agence');
  setPath(input, 'counts.engagements', 967);
  assert.equal(getPath(input, 'alternative.label'), 'Agence');
  assert.equal(getPath(input, 'counts.engagements'), 967);
  setPath(input, 'alternative.costs[1].amount', '');
  assert.equal(getPath(input, 'alternative.costs[1].amount'), '');
});
