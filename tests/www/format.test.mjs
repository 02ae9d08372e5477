// www/format.js: the core's numbers written for people, in French and in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Format, fieldText } from '../../www/format.js';
import { fileSize } from '../../www/reading.js';

/** Intl's no-break spaces (U+00A0, U+202F) as plain ones, to compare. */
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');

const fr = new Format('fr-FR', 'EUR');
const en = new Format('en-US', 'USD');

test('money: whole amounts with the currency minor digits, small unit costs with three', () => {
  assert.equal(plain(fr.money(1234.5)), '1 234,50 €');
  assert.equal(en.money(1234.5), '$1,234.50');
  assert.equal(plain(fr.money(0.567)), '0,567 €');
  assert.equal(en.money(0.5), '$0.50');
  assert.equal(plain(fr.money(0)), '0,00 €');
  // A currency without minor units (the core says 0 digits) shows none.
  assert.match(plain(new Format('fr-FR', 'JPY', 0).money(1500)), /^1 500 [^\d]+$/);
});

test('ratios as percentages, points as signed points, multiples, per thousand', () => {
  assert.equal(plain(fr.ratio(0.0645)), '6,45 %');
  assert.equal(en.ratio(0.0645), '6.45%');
  assert.equal(en.ratio(1.8125), '181.25%');
  assert.equal(plain(fr.points(0.0123)), '+1,23 pts');
  assert.equal(en.points(-0.5), '-50 pts');
  assert.equal(en.points(0), '0 pts');
  assert.equal(en.multiple(2.5), '2.5×');
  assert.equal(plain(fr.perThousand(12.345)), '12,35 pour 1 000');
  assert.equal(en.perThousand(12.3), '12.3 per 1,000');
});

test('counts: whole without decimals, averages with two', () => {
  assert.equal(plain(fr.count(15000)), '15 000');
  assert.equal(en.count(10.2222), '10.22');
  assert.equal(en.count(-3), '-3');
});

test('value() follows the unit the core gives, counts by default', () => {
  assert.equal(en.value(0.25, 'ratio'), '25%');
  assert.equal(en.value(2, 'money'), '$2.00');
  assert.equal(en.value(3, 'hours'), '3 hours');
  assert.equal(plain(fr.value(2, 'months')), '2 mois');
  assert.equal(en.value(0.01, 'points'), '+1 pts');
  assert.equal(en.value(4, 'multiple'), '4×');
  assert.equal(en.value(7, 'per_thousand'), '7 per 1,000');
  assert.equal(en.value(1234, 'count'), '1,234');
  assert.equal(en.value(1234, 'anything else'), '1,234');
});

test('the currency symbol as the locale writes it', () => {
  assert.equal(fr.currencySymbol(), '€');
  assert.equal(en.currencySymbol(), '$');
  assert.equal(new Format('en-US', 'EUR').currencySymbol(), '€');
});

test('a number in a field takes the decimal mark given; typed text stays as typed', () => {
  assert.equal(fieldText(12.5, 'comma'), '12,5');
  assert.equal(fieldText(12.5, 'point'), '12.5');
  assert.equal(fieldText(3, 'comma'), '3');
  assert.equal(fieldText('1 234,5 €', 'point'), '1 234,5 €');
  assert.equal(fieldText(null, 'comma'), '');
  assert.equal(fieldText(undefined, 'point'), '');
});

test('file sizes: bytes whole, larger units to a tenth, in each language', () => {
  assert.equal(fileSize(512, en), '512 B');
  assert.equal(fileSize(1536, en), '1.5 KB');
  assert.equal(plain(fileSize(1536, fr)), '1,5 Ko');
  assert.equal(plain(fileSize(5 * 1024 * 1024, fr)), '5 Mo');
  assert.equal(fileSize(3 * 1024 ** 4, en), '3,072 GB');
});
