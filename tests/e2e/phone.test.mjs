// A phone (360 px): the top and bottom posts become cards with every figure in sight, dates stay
// on one line, chart axes carry the whole year (`déc. 2015`, never `déc. 15`), nothing scrolls
// sideways; and no placeholder is cut off at any width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, blocking, browser, openPage, root, server, shot, usePage } from './harness.mjs';

const X = readFileSync(join(root, 'tests', 'fixtures', 'analysis', 'tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv'), 'utf8')
  .replace('2026-06-02', '2015-12-17').replace('2026-06-06', '2016-01-09').replace('2026-06-08', '2016-02-03');

usePage();

const inRoot = (page, fn, arg) => page.evaluate(([src, a]) => new Function('root', 'arg', src)(document.querySelector('social-roi').shadowRoot, a), [fn, arg]);

test('phone: posts as cards, dates on one line, axes with the year, nothing sideways', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { width: 360, height: 780, timezoneId: 'UTC' });
  await page.goto(`${server.url}#tab=files`);
  await page.locator('input[data-control="files"]').setInputFiles({ name: 'tweet_activity_metrics_boulangerie_20151201_20160229_fr.csv', mimeType: 'text/csv', buffer: Buffer.from(X) });
  await page.locator('article.sr-file [data-status="ok"]').waitFor();
  await page.locator('button[data-tab="analysis"]').click();
  const cards = page.locator('[data-posts="top"] tbody tr');
  await cards.first().waitFor();
  // Each post a card: every cell inside the card's box, the card inside the screen.
  const boxes = await inRoot(page, `return [...root.querySelectorAll('[data-posts] tbody tr')].map((tr) => {
    const card = tr.getBoundingClientRect();
    const cells = [...tr.cells].map((td) => td.getBoundingClientRect());
    const date = tr.querySelector('td.sr-date');
    return { left: card.left, right: card.right, inside: cells.every((c) => c.left >= card.left - 0.5 && c.right <= card.right + 0.5),
      cells: cells.length, dateLines: Math.round(date.getBoundingClientRect().height / parseFloat(getComputedStyle(date).lineHeight)),
      label: getComputedStyle(tr.cells[4], '::before').content };
  });`);
  assert.ok(boxes.length >= 2, JSON.stringify(boxes));
  for (const b of boxes) {
    assert.ok(b.inside && b.left >= 0 && b.right <= 360, JSON.stringify(b));
    assert.equal(b.cells, 8);
    assert.equal(b.dateLines, 1, 'the date is on one line');
    assert.equal(b.label, '"Engagements"');
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await page.locator('[data-posts="top"]').scrollIntoViewIfNeeded();
  await shot(page, 'phone-posts');

  // Monthly axis: the whole year.
  await page.locator('input[data-control="granularity"][value="month"]').check();
  await page.waitForFunction(() => /2015/.test(document.querySelector('social-roi').shadowRoot.querySelector('[data-section="series"] svg')?.textContent || ''));
  const ticks = await inRoot(page, `return [...root.querySelectorAll('[data-section="series"] svg text.sr-tick')].map((t) => t.textContent);`);
  assert.ok(ticks.includes('déc. 2015'), ticks.join(' | '));
  assert.ok(ticks.every((t) => !/\b\d{2}$/.test(t) || /\d{4}$/.test(t) || /^[\d\s.,%€]+$/.test(t)), ticks.join(' | '));
  // Days across years: the year written out too.
  await page.locator('input[data-control="granularity"][value="day"]').check();
  await page.waitForFunction(() => /17 déc\. 2015/.test(document.querySelector('social-roi').shadowRoot.querySelector('[data-section="series"] svg')?.textContent || ''));
  await page.locator('[data-section="series"]').scrollIntoViewIfNeeded();
  await shot(page, 'phone-series');
  assert.deepEqual(blocking(await axe(page, server.url)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('no placeholder is cut off, on any tab, at 1280 or 360 px', async () => {
  for (const width of [1280, 360]) {
    const { context, page, problems } = await openPage(browser, server.url, { width, height: 900 });
    await page.goto(server.url);
    await page.locator('[data-id="roi"] .sr-card-value').waitFor();
    const cut = [];
    for (const tab of ['roi', 'files', 'analysis', 'contest']) {
      await page.locator(`button[data-tab="${tab}"]`).click();
      await page.locator(`[role="tab"][data-tab="${tab}"][aria-selected="true"]`).waitFor();
      await page.waitForTimeout(300);
      if (tab === 'contest') {
        for (const view of ['outcome', 'draw', 'verify']) {
          await page.locator(`button[data-view="${view}"]`).click();
          cut.push(...await placeholders(page, `${tab}/${view}`));
        }
      } else cut.push(...await placeholders(page, tab));
    }
    assert.deepEqual(cut, [], `${width} px`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

/** The placeholders wider than their field (measured with the field's own font). */
function placeholders(page, where) {
  return inRoot(page, `const ctx = document.createElement('canvas').getContext('2d');
    return [...root.querySelectorAll('input[placeholder], textarea[placeholder]')].filter((el) => el.offsetParent).flatMap((el) => {
      const cs = getComputedStyle(el);
      ctx.font = cs.font;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const lines = el.tagName === 'TEXTAREA' ? Math.floor(el.clientHeight / parseFloat(cs.lineHeight)) : 1;
      const need = ctx.measureText(el.placeholder).width;
      return need > room * lines ? [arg + ': ' + (el.dataset.rule || el.dataset.field || el.name || '?') + ' « ' + el.placeholder + ' » needs ' + Math.round(need) + ' px, has ' + Math.round(room * lines)] : [];
    });`, where);
}
