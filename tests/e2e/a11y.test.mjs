// Accessibility and themes: axe-core (npm, run inside the page) over every tab and state
// (empty, example, files loaded, analysis, draw, certificate, verify), each in the light and the
// dark theme: no critical, serious or moderate finding. Screenshots of both themes at 1280 and
// 360 px; the keyboard: Home and End in the tab list, the skip link to the results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, blocking, browser, openPage, root, server, shot, usePage } from './harness.mjs';

const FIXTURES = join(root, 'tests', 'fixtures');
const ANALYSIS = ['Jun-01-2026_Jun-08-2026_17841400000000000.csv', 'facebook_page_2026-06.csv', 'inbox_2026-06.csv']
  .map((name) => join(FIXTURES, 'analysis', name));
const COMMENTS = join(FIXTURES, 'draw', 'exportcomments.csv');

usePage();

async function drop(page, paths) {
  const files = paths.map((p) => ({ name: p.split('/').pop(), base64: readFileSync(p).toString('base64') }));
  await page.evaluate(async (list) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    }
  }, files);
}

/** axe in both themes (the `theme` attribute, changed after load); what it found, by state. */
async function audit(page, state, found, picture = null) {
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.querySelector('social-roi').setAttribute('theme', t), theme);
    const bad = blocking(await axe(page, server.url));
    if (bad.length) found.push(`${state}, ${theme}:\n  ${bad.join('\n  ')}`);
    if (picture && theme === 'dark') await shot(page, `dark-${picture}`, { fullPage: true });
  }
}

test('axe finds nothing on any tab or state, light or dark', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const found = [];
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await audit(page, 'ROI, the example', found);
  await page.locator('[data-panel="embed"] > summary').click();
  await page.locator('textarea[data-snippet="script"]').waitFor();
  await audit(page, 'ROI, the embed panel open', found);
  for (const tab of ['files', 'analysis', 'contest']) {
    await page.locator(`button[data-tab="${tab}"]`).click();
    await page.locator(`[data-panel="${tab}"]`).waitFor();
    await audit(page, `${tab}, empty`, found);
  }
  await page.locator('button[data-tab="files"]').click();
  await drop(page, ANALYSIS);
  const inbox = page.locator('article.sr-file[data-file="inbox_2026-06.csv"]');
  await inbox.locator('.sr-mapping').waitFor();
  await audit(page, 'files, a mapping asked', found);
  await inbox.locator('button[data-action="apply-mapping"]').click();
  await inbox.locator('[data-status="ok"]').waitFor();
  await audit(page, 'files, loaded', found);
  await page.locator('button[data-tab="analysis"]').click();
  await page.locator('[data-panel="analysis"] [data-section="heatmap"] svg').waitFor();
  await audit(page, 'analysis', found, 'analysis');

  await page.locator('button[data-tab="contest"]').click();
  await page.locator('[data-panel="contest"]').waitFor();
  await drop(page, [COMMENTS]);
  await page.locator('article.sr-efile[data-file="exportcomments.csv"][data-state="done"]').waitFor();
  await page.locator('button[data-view="draw"]').click();
  await page.locator('input[data-rule="winners"]').fill('2');
  await page.locator('[data-section="prepared"] [data-fingerprint]').waitFor();
  await audit(page, 'contest, the draw prepared', found);
  await page.locator('input[data-seed="value"]').fill('4242');
  await page.locator('input[data-seed="source"]').fill('test');
  await page.locator('button[data-action="draw"]').click();
  await page.locator('.sr-cert').waitFor();
  await audit(page, 'contest, the certificate', found, 'certificate');
  await page.locator('button[data-view="verify"]').click();
  await page.locator('input[data-control="certificate"]').setInputFiles(join(FIXTURES, 'draw', 'certificate.json'));
  await page.locator('input[data-control="verify-entries-files"]').setInputFiles(join(FIXTURES, 'draw', 'entries.json'));
  await page.locator('.sr-verdict[data-confirmed="true"]').waitFor();
  await audit(page, 'contest, verified', found);
  assert.deepEqual(found, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('both themes at 1280 and 360 px, `auto` following the system (axe at each); print is light', async () => {
  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 360], ['dark', 360]]) {
    const { context, page, problems } = await openPage(browser, server.url, { width, height: width > 500 ? 900 : 760 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url);
    await page.locator('[data-id="roi"] .sr-card-value').waitFor();
    const bg = () => page.evaluate(() => getComputedStyle(document.querySelector('social-roi')).backgroundColor);
    assert.equal(await bg(), scheme === 'dark' ? 'rgb(19, 27, 29)' : 'rgb(255, 255, 255)', `${scheme} ${width}`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('social-roi')).colorScheme), scheme);
    await shot(page, `theme-${scheme}-${width}`);
    assert.deepEqual(blocking(await axe(page, server.url)), [], `${scheme} ${width}`);
    if (scheme === 'dark' && width === 1280) {
      // The attribute wins over the system; print is light whatever the screen shows.
      await page.evaluate(() => document.querySelector('social-roi').setAttribute('theme', 'light'));
      assert.equal(await bg(), 'rgb(255, 255, 255)');
      await page.evaluate(() => document.querySelector('social-roi').removeAttribute('theme'));
      await page.emulateMedia({ media: 'print' });
      assert.equal(await bg(), 'rgb(255, 255, 255)');
      await page.emulateMedia({ media: 'screen' });
      await page.locator('button[data-tab="files"]').click();
      await page.locator('[data-panel="files"]').waitFor();
      await shot(page, 'theme-dark-files-1280');
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the keyboard: Home and End in the tab list, the skip link to the results', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  const selected = () => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-tab');
  await page.locator('[role="tab"][data-tab="roi"]').focus();
  await page.keyboard.press('End');
  await page.locator('[data-panel="report"]').waitFor();
  assert.equal(await selected(), 'report');
  assert.equal(await page.evaluate(() => document.querySelector('social-roi').shadowRoot.activeElement?.dataset.tab), 'report');
  await page.keyboard.press('Home');
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  assert.equal(await selected(), 'roi');
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-panel="report"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  assert.equal(await selected(), 'roi');

  // The skip link comes first (before the title): focused, it shows; Enter lands on the results.
  await page.locator('.sr-title').click();
  await page.keyboard.press('Shift+Tab');
  const skip = page.locator('a.sr-skip');
  assert.equal(await page.evaluate(() => document.querySelector('social-roi').shadowRoot.activeElement?.className), 'sr-skip');
  assert.ok((await skip.boundingBox()).y >= 0, 'the focused skip link is in sight');
  await shot(page, 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('social-roi').shadowRoot.activeElement?.classList.contains('sr-results')), true);
  // One more Tab: the first control of the results, not the form's 40 fields.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.querySelector('social-roi').shadowRoot.activeElement?.closest('.sr-results')), true);
  assert.deepEqual(problems, []);
  await context.close();
});
