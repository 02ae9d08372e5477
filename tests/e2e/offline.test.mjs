// The single offline file (www/social-roi.html, written by scripts/build.sh): copied alone into
// an empty folder, as an e-mail attachment would be, and opened from file://: it computes an
// ROI and reads a dropped export with no request at all (the document aside), under its own
// Content-Security-Policy. And www/index.html opened from a folder says why it cannot work
// there and points to the single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, launch, plain, root, shot } from './harness.mjs';

const SINGLE = join(root, 'www', 'social-roi.html');
const EXPORT = join(root, 'tests', 'fixtures', 'analysis', 'tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv');

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  rmSync(join(artifacts, 'attachment'), { recursive: true, force: true });
});

/** A page that records every request but the document's (and blob:), every console error. */
async function open(url, options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const infos = [];
  // blob: is the worker's code, made by the page from its own script: no request leaves it.
  page.on('request', (r) => { if (r.url().split('#')[0] !== url.split('#')[0] && !r.url().startsWith('blob:')) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); if (m.type() === 'info') infos.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { context, page, requests, errors, infos };
}

test('the single file, alone in a folder, opened from file://: an ROI and a dropped export, no request', async () => {
  const dir = join(artifacts, 'attachment');
  mkdirSync(dir, { recursive: true });
  copyFileSync(SINGLE, join(dir, 'social-roi.html'));
  const url = pathToFileURL(join(dir, 'social-roi.html')).href;
  const { context, page, requests, errors, infos } = await open(url);
  const roi = page.locator('[data-id="roi"] .sr-card-value');
  await roi.waitFor();
  assert.equal(plain(await roi.textContent()), '51,02 %');
  await page.locator('input[data-field="costs[0].hours"]').fill('80');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value')?.dataset.value === '3799');
  // The files are read by the full bundle in a worker, started from the file's own code.
  await page.locator('button[data-tab="files"]').click();
  await page.locator('input[data-control="files"]').setInputFiles(EXPORT);
  const card = page.locator('article.sr-file[data-file="tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv"]');
  await card.locator('[data-status="ok"]').waitFor();
  assert.match(plain(await card.textContent()), /X/);
  await page.locator('button[data-tab="analysis"]').click();
  const rate = page.locator('[data-panel="analysis"] [data-section] [data-id="engagement_rate"] .sr-card-value').first();
  await rate.waitFor();
  assert.ok(Number(await rate.getAttribute('data-value')) > 0);
  await shot(page, 'offline-analysis');
  assert.deepEqual(requests, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(infos.filter((x) => /social-roi: .*read in the page itself/.test(x)), [], 'the worker started');
  assert.equal(page.workers().length, 1);
  assert.match(page.workers()[0].url(), /^blob:/);
  // Everything is inside: the file names no other file.
  const html = readFileSync(SINGLE, 'utf8');
  const markup = html.replace(/<script>[\s\S]*<\/script>/, '<script></script>');
  assert.equal(/\b(src|href)="(?!data:)/.test(markup), false, markup);
  assert.match(markup, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'sha256-[^']+'; img-src data:; connect-src 'none'; worker-src blob:/);
  // About 2.3 MB: the full bundle and the spreadsheet module beside it (until 2026-12-04 one
  // full bundle with the readers, 2.06 MB), and the beacon module (drand rounds, 150 KB).
  assert.ok(html.length < 2_400_000, `${html.length} bytes`);
  await context.close();
});

test('www/index.html opened from a folder says so and points to the single file', async () => {
  const { context, page } = await open(pathToFileURL(join(root, 'www', 'index.html')).href);
  const said = page.locator('social-roi [data-file-protocol]');
  await said.waitFor();
  assert.match(plain(await said.textContent()), /ouverte depuis un fichier/);
  assert.doesNotMatch(plain(await page.locator('social-roi').textContent()), /besoin de JavaScript/);
  assert.equal(await said.locator('a').getAttribute('href'), 'social-roi.html');
  await shot(page, 'offline-index-from-file');
  await context.close();
});
