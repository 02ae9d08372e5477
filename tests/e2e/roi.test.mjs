// The ROI calculator in a real browser, used as a person would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browser, openPage, plain, server, shot, usePage } from './harness.mjs';

usePage();

const roiValue = (page) => page.locator('[data-id="roi"] .sr-card-value');
const field = (page, path) => page.locator(`input[data-field="${path}"]`);

async function ready(page) {
  await roiValue(page).waitFor();
}

test('opens on the worked example, in French, with formulas', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await ready(page);
  assert.equal(plain(await roiValue(page).textContent()), '51,02 %');
  assert.equal(Number(await roiValue(page).getAttribute('data-value')).toFixed(6), (1581 / 3099).toFixed(6));
  assert.match(await page.locator('[data-id="roi"] .sr-formula').textContent(), /ROI = \(retour total − coût total\) ÷ coût total/);
  assert.equal(plain(await page.locator('[data-id="total_cost"] .sr-card-value').textContent()), '3 099,00 €');
  assert.equal(plain(await page.locator('[data-id="break_even_conversions"] .sr-card-value').textContent()), '60');
  assert.equal(await page.locator('.sr-sensitivity .sr-tornado-label').count(), 8);
  assert.equal(await page.locator('.sr-comparison tr[data-row="roi"] td').count(), 2);
  assert.match(await page.locator('h1').textContent(), /Calculateur de ROI/);
  // The worked example says so, on the calculator's tab only.
  const note = page.locator('.sr-app > .sr-notice');
  assert.match(await note.textContent(), /Exemple rempli/);
  await page.locator('[role="tab"][data-tab="files"]').click();
  await page.locator('[role="tab"][data-tab="files"][aria-selected="true"]').waitFor();
  assert.equal(await note.isVisible(), false);
  await page.locator('[role="tab"][data-tab="roi"]').click();
  await roiValue(page).waitFor();
  assert.equal(await note.isVisible(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing recomputes, errors stay next to the field, reload and shared link reproduce it', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await ready(page);

  // 80 h × 35 + 99 + 500 + 400 = 3 799; ROI = (4 680 − 3 799) ÷ 3 799.
  await field(page, 'costs[0].hours').fill('80');
  await page.locator('.sr-app > .sr-notice').waitFor({ state: 'detached' });
  const expected = (4680 - 3799) / 3799;
  await page.waitForFunction(
    (v) => {
      const el = document.querySelector('social-roi').shadowRoot.querySelector('[data-id="roi"] .sr-card-value');
      return el && Math.abs(Number(el.dataset.value) - v) < 1e-12;
    },
    expected,
  );
  assert.equal(plain(await roiValue(page).textContent()), '23,19 %');
  assert.equal(plain(await page.locator('[data-figure="costs[0]"] strong').textContent()), '2 800,00 €');

  // A decimal comma and a grouping space are read the French way.
  await field(page, 'costs[0].hourly_rate').fill('35,5');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value')?.dataset.value === '3839');

  // Bad input: a message next to the field, the text kept, the totals say why.
  await field(page, 'costs[0].hourly_rate').fill('abc');
  const msg = page.locator('.sr-field.sr-invalid .sr-msg');
  await msg.waitFor();
  assert.equal(plain(await msg.textContent()), 'un nombre attendu, trouvé « abc »');
  assert.equal(await field(page, 'costs[0].hourly_rate').inputValue(), 'abc');
  assert.equal(plain(await roiValue(page).textContent()), '—');
  assert.match(await page.locator('[data-id="roi"] .sr-reason').textContent(), /corrigez d’abord/);
  await shot(page, 'roi-error');
  await field(page, 'costs[0].hourly_rate').fill('120');
  await field(page, 'sales[0].conversion_rate_pct').fill('150');
  await page.locator('.sr-field.sr-invalid .sr-msg').waitFor();
  assert.match(await page.locator('.sr-field.sr-invalid .sr-msg').textContent(), /pourcentage de 0 à 100/);
  await field(page, 'sales[0].conversion_rate_pct').fill('1,5');
  await field(page, 'costs[0].hourly_rate').fill('35');
  await page.waitForFunction(() => !document.querySelector('social-roi').shadowRoot.querySelector('.sr-invalid'));
  assert.equal(plain(await roiValue(page).textContent()), '23,19 %');

  // Reload: the same inputs, the same result.
  await page.reload();
  await ready(page);
  assert.equal(await field(page, 'costs[0].hours').inputValue(), '80');
  assert.equal(await field(page, 'costs[0].hourly_rate').inputValue(), '35');
  assert.equal(plain(await roiValue(page).textContent()), '23,19 %');

  // The shared link in a fresh context (no storage), in English: the same figure.
  const shared = page.url();
  assert.match(shared, /#z=[A-Za-z0-9_-]+$/);
  const other = await openPage(browser, server.url, { locale: 'en-US' });
  await other.page.goto(shared);
  await ready(other.page);
  assert.equal(Number(await roiValue(other.page).getAttribute('data-value')), Number(await roiValue(page).getAttribute('data-value')));
  assert.equal(plain(await roiValue(other.page).textContent()), '23.19%');
  assert.equal(await field(other.page, 'costs[0].hours').inputValue(), '80');
  assert.match(await other.page.locator('h1').textContent(), /Social media ROI calculator/);
  await shot(other.page, 'roi-shared-en');
  assert.deepEqual(other.problems, []);
  await other.context.close();

  await shot(page, 'roi-desktop');
  assert.deepEqual(problems, []);
  await context.close();
});

test('language switch keeps every value; currency and lines can change', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await ready(page);
  await field(page, 'costs[0].hourly_rate').fill('1 234,5');
  await page.locator('button[data-lang="en"]').click();
  await page.locator('text=Social media ROI calculator').waitFor();
  // 1 234,5 in French is 1234.5 in English: the value, not the text, is kept.
  assert.equal(await field(page, 'costs[0].hourly_rate').inputValue(), '1234.5');
  assert.equal(Number(await page.locator('[data-figure="costs[0]"] strong').getAttribute('data-value')), 60 * 1234.5);
  assert.equal(await field(page, 'sales[0].conversion_rate_pct').inputValue(), '1.5');

  await page.locator('select[data-control="currency"]').selectOption('USD');
  await page.waitForFunction(() => /\$/.test(document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value').textContent));

  // Add a cost line, type an amount: the total moves by exactly that much.
  const before = Number(await page.locator('[data-id="total_cost"] .sr-card-value').getAttribute('data-value'));
  await page.locator('button[data-action="add"][data-list="costs"]').click();
  await field(page, 'costs[4].amount').fill('250');
  await page.waitForFunction((b) => Number(document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value').dataset.value) === b + 250, before);
  // Remove it again.
  await page.locator('button[data-action="remove"][data-line="costs[4]"]').click();
  await page.waitForFunction((b) => Number(document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value').dataset.value) === b, before);

  // Turning the comparison off and on again loses nothing typed in it.
  await field(page, 'alternative.costs[0].amount').fill('1999');
  await page.locator('input[data-action="compare"]').uncheck();
  assert.equal(await page.locator('.sr-comparison').count(), 0);
  await page.locator('input[data-action="compare"]').check();
  assert.equal(await field(page, 'alternative.costs[0].amount').inputValue(), '1999');

  await page.reload();
  await ready(page);
  assert.match(await page.locator('h1').textContent(), /Social media ROI calculator/, 'the language choice survives a reload');
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone width: one column, nothing cut off', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { width: 360, height: 780 });
  await page.goto(server.url);
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await shot(page, 'roi-phone', { fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
