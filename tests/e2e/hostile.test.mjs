// Issue 12 in the page: an ODS that made calamine loop for ever, an XLSX whose cell reference
// made it ask for 549 GB and an XLS that made it allocate 17 GB, dropped beside a good export
// after the user typed on the ROI tab. The good export is read, each bad file is named with
// what is wrong (never "unreachable"), and what was typed stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, openPage, plain, root, server, shot, usePage } from './harness.mjs';

const FIXTURES = join(root, 'tests', 'fixtures');

usePage();

function fixture(path) {
  return { name: path.split('/').pop(), base64: readFileSync(join(FIXTURES, path)).toString('base64') };
}

/** Drops `files` on the element, as a person dragging them from a folder. */
async function drop(page, files) {
  await page.evaluate(async (files) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    }
  }, files);
}

const card = (page, name) => page.locator(`article.sr-file[data-file="${name}"]`);

test('an endless-loop ODS and allocation bombs beside a good export: the good one read, the bad ones named, the typed inputs kept', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { locale: 'en-GB' });
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  const hours = page.locator('input[data-field="costs[0].hours"]');
  await hours.fill('80');

  const good = 'account_analytics_content_2026-06-01_2026-08-29.csv';
  const bad = {
    'issue12-ods-cut-after-first-row.ods': /content\.xml is cut short/,
    'issue12-xlsx-references.xlsx': /past the last a sheet may have \(16,384, XFD\)/,
    'issue12-xls-allocation-bomb.xls': /a sheet spans 537296896 cells/,
  };
  const started = Date.now();
  await drop(page, [
    fixture('fuzz/issue12-ods-cut-after-first-row.ods'),
    fixture(`import/x/${good}`),
    fixture('fuzz/issue12-xlsx-references.xlsx'),
    fixture('fuzz/issue12-xls-allocation-bomb.xls'),
  ]);
  await page.locator('[data-panel="files"]').waitFor();
  for (const name of [good, ...Object.keys(bad)]) {
    await card(page, name).locator('.sr-badge[data-status]:not([data-status="reading"])').waitFor({ timeout: 20_000 });
  }
  assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);

  assert.equal(await card(page, good).locator('[data-status]').first().getAttribute('data-status'), 'ok');
  assert.equal(await card(page, good).locator('.sr-counts').getAttribute('data-imported'), '3');
  for (const [name, says] of Object.entries(bad)) {
    const errors = (await card(page, name).locator('[data-problems="errors"] li').allTextContents()).map(plain);
    assert.ok(errors.some((e) => e.startsWith(name) && says.test(e)), `${name}: ${JSON.stringify(errors)}`);
  }
  // The workbook's cell in column XFD makes its table 16,384 columns wide: the mapping step
  // offers the columns that hold something, not 16,384 choices (which froze the tab).
  const wide = card(page, 'issue12-xlsx-references.xlsx');
  await wide.locator('details.sr-remap summary').click();
  assert.ok(await wide.locator('.sr-mapping select[data-column]').count() <= 3);
  assert.equal(await wide.locator('[data-hidden-columns]').getAttribute('data-hidden-columns'), '16382');
  const text = await page.evaluate(() => document.querySelector('social-roi').shadowRoot.textContent);
  assert.doesNotMatch(text, /unreachable|RuntimeError/);
  await shot(page, 'hostile-files', { fullPage: true });

  // Back on the ROI tab, what was typed is still there.
  await page.locator('button[data-tab="roi"]').click();
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  assert.equal(await hours.inputValue(), '80');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown table larger than the sample kept: its mapping applies as the worker reads the file again', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { locale: 'en-GB' });
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  // 70,000 rows of 4 cells: more than the 250,000 cells the core keeps for a mapping.
  const rows = ['who,note,amount,day'];
  for (let i = 0; i < 70_000; i += 1) rows.push(`person${i},some text,67.5,2026-06-01`);
  await drop(page, [{ name: 'big_unknown.csv', base64: Buffer.from(`${rows.join('\n')}\n`).toString('base64') }]);
  const big = card(page, 'big_unknown.csv');
  await big.locator('.sr-badge[data-status]:not([data-status="reading"])').waitFor({ timeout: 20_000 });
  assert.equal(await big.locator('[data-status]').first().getAttribute('data-status'), 'needs_mapping');
  const selects = big.locator('.sr-mapping select');
  await selects.nth(0).selectOption('entry.author');
  for (let i = 1; i < await selects.count(); i += 1) await selects.nth(i).selectOption('');
  await big.locator('button[data-action="apply-mapping"]').click();
  await page.waitForFunction(() => {
    const c = document.querySelector('social-roi').shadowRoot.querySelector('[data-file="big_unknown.csv"]');
    return c && !['needs_mapping', 'reading'].includes(c.querySelector('[data-status]')?.dataset.status);
  }, null, { timeout: 20_000 });
  assert.equal(await big.locator('.sr-counts').getAttribute('data-imported'), '70000');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a stray quote is said where it opened, and the file is read again with it as a character', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { locale: 'en-GB' });
  await page.goto(`${server.url}#tab=files`);
  await page.locator('[data-panel="files"]').waitFor();
  const rows = ['Date,Opened,Where'];
  for (let i = 2; i <= 60; i += 1) rows.push(`2026-02-${String((i % 28) + 1).padStart(2, '0')},${i === 10 ? '"' : ''}01/02 09:00,Instagram`);
  await drop(page, [{ name: 'inbox.csv', base64: Buffer.from(`${rows.join('\n')}\n`).toString('base64') }]);
  const inbox = card(page, 'inbox.csv');
  await inbox.locator('.sr-badge[data-status]:not([data-status="reading"])').waitFor();
  const quote = inbox.locator('li[data-code="open_quote"]');
  assert.equal(await quote.getAttribute('data-line'), '10');
  assert.match(plain(await quote.textContent()), /^inbox\.csv, line 10, column 2 \("Opened"\): a quote opens this field and never closes: the 51 lines after it/);
  assert.equal(await inbox.locator('.sr-counts').getAttribute('data-rows'), '8');
  await quote.locator('button[data-action="quote-literal"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot
    .querySelector('[data-file="inbox.csv"] .sr-counts')?.dataset.rows === '59');
  assert.equal(await inbox.locator('li[data-code="open_quote"]').count(), 0);
  await shot(page, 'hostile-quote', { fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
