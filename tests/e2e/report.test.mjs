// The Report tab in a real browser: the bakery's Instagram exports of tests/fixtures/report/
// (May and June 2026) dropped on the element, June compared with May, the changes checked
// against the values worked out by hand in tests/report.rs, the words in French and English,
// notes, branding with a dropped logo, a competitor table with hand-checked rates and ranks,
// the report saved, reopened in a fresh page (shown as saved, then extended with July), and
// the printed PDF (Chromium's page.pdf) turned into PNG pages with pdftoppm, in both
// languages, on A4 and Letter, from the light and the dark theme; screenshots beside them in tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, launch, openPage, plain, root, shot, startServer } from './harness.mjs';

const DIR = join(root, 'tests', 'fixtures', 'report');
const MAY = 'May-01-2026_May-31-2026_17841400000000000.csv';
const JUNE = 'Jun-01-2026_Jun-30-2026_17841400000000000.csv';
const JULY = 'Jul-01-2026_Jul-31-2026_17841400000000000.csv';
// A 2×2 PNG in the accent colour, as a user's logo.
const LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNk+M/AwMDAxMDAwMDAAAAhBAIDhHoXJQAAAABJRU5ErkJggg==', 'base64');

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const panel = (page) => page.locator('[data-panel="report"]');
const row = (page, section, id) => panel(page).locator(`[data-section="${section}"] tr[data-id="${id}"]`);
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

async function cells(page, section, id) {
  const r = row(page, section, id);
  const num = async (i) => {
    const v = await r.locator('td').nth(i).getAttribute('data-value');
    return v == null ? null : Number(v);
  };
  return { previous: await num(0), current: await num(1), change: await num(2), percent: await num(3), direction: await r.getAttribute('data-direction') };
}

async function drop(page, names) {
  await page.locator('[data-panel="files"]').waitFor();
  const files = names.map((name) => ({ name, base64: readFileSync(join(DIR, name)).toString('base64') }));
  await page.evaluate(async (files) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    }
  }, files);
  await page.locator('[data-panel="files"]').waitFor();
  for (const name of names) {
    await page.waitForFunction((n) => document.querySelector('social-roi').shadowRoot.querySelector(`[data-file="${n}"] [data-status]`)?.dataset.status === 'ok', name);
  }
}

/** The Report tab once the document shows the figure `id` of `section` with a previous value. */
async function openReport(page) {
  await page.locator('button[data-tab="report"]').click();
  await row(page, 'engagement', 'posts').waitFor();
}

/** Prints the page to PDF and turns every page into a PNG; resolves to the PNG paths. */
async function printed(page, name, format) {
  await page.emulateMedia({ media: 'print' });
  const pdf = join(artifacts, `${name}.pdf`);
  await page.pdf({ path: pdf, format, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  for (const f of readdirSync(artifacts)) if (f.startsWith(`${name}-page`)) rmSync(join(artifacts, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(artifacts, `${name}-page`)]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  return { pages: readdirSync(artifacts).filter((f) => f.startsWith(`${name}-page`)).sort(), text, size: execFileSync('pdfinfo', [pdf]).toString() };
}

async function fillBenchmark(page) {
  const p = panel(page);
  const type = async (key, value) => { await p.locator(`[data-key="${key}"]`).fill(value); };
  await type('benchmark.from', '2026-06-01');
  await type('benchmark.to', '2026-06-29');
  await type('benchmark.last_posts', '10');
  const accounts = [
    ['@martin', '1000', '1100', '12', '400', '80', '20'],
    ['@dupain', '2000', '2100', '8', '900', '60', '40'],
    ['@fournil', '500', '550', '20', '450', '40', '10'],
  ];
  for (const [i, a] of accounts.entries()) {
    await p.locator('button[data-action="add-account"]').click();
    await p.locator(`[data-key="benchmark.accounts[${i}].name"]`).waitFor();
    const keys = ['name', 'followers_start', 'followers_end', 'posts', 'likes', 'comments', 'shares'];
    for (const [k, key] of keys.entries()) await type(`benchmark.accounts[${i}].${key}`, a[k]);
    await type(`benchmark.accounts[${i}].network`, 'Instagram');
  }
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelectorAll('[data-section="benchmark"] tr[data-account]').length === 3);
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="benchmark"] tr[data-account="@fournil"] td[data-id="share_of_voice"]')?.dataset.value === '0.25');
}

test('June against May: every change as worked out by hand, words, notes, branding, benchmark, save and print (French)', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { acceptDownloads: true });
  await page.goto(`${server.url}#tab=files`);
  await drop(page, [MAY, JUNE]);
  await openReport(page);
  const p = panel(page);
  // Posts 3 → 4: +1, +33.33 %; engagements 300 → 500; reach 3 000 → 5 000; the rate 10 % both months.
  const posts = await cells(page, 'engagement', 'posts');
  assert.deepEqual([posts.previous, posts.current, posts.change, posts.direction], [3, 4, 1, 'up']);
  assert.ok(close(posts.percent, 1 / 3));
  const eng = await cells(page, 'engagement', 'total_engagements');
  assert.deepEqual([eng.previous, eng.current, eng.change], [300, 500, 200]);
  assert.ok(close(eng.percent, 2 / 3));
  const reach = await cells(page, 'engagement', 'total_reach');
  assert.deepEqual([reach.previous, reach.current, reach.change], [3000, 5000, 2000]);
  const rate = await cells(page, 'engagement', 'engagement_rate');
  assert.ok(close(rate.previous, 0.1) && close(rate.current, 0.1));
  assert.equal(rate.direction, 'flat');
  assert.equal(plain(await row(page, 'engagement', 'total_engagements').locator('td').nth(3).textContent()), '+66,67 %');
  assert.match(await row(page, 'engagement', 'total_engagements').locator('td').nth(2).getAttribute('title'), /variation = cette période − période précédente\ncette période = 500 ; période précédente = 300/);
  assert.match(await row(page, 'engagement', 'engagement_rate').locator('th .sr-formula').textContent(), /taux d’engagement/);
  assert.match(plain(await p.locator('.sr-r-period').textContent()), /1 juin 2026 – 30 juin 2026/);
  assert.match(plain(await p.locator('.sr-r-previous').textContent()), /le mois précédent : 1 mai 2026 – 31 mai 2026/);
  // The words, written by the core, editable; a note.
  const words = p.locator('[data-section="engagement"] textarea[data-key="words.engagement"]');
  assert.match(plain(await words.inputValue()), /^Publications : en hausse, de 3 à 4 \(\+33,33 %\)\. Engagements : en hausse, de 300 à 500 \(\+66,67 %\)\./);
  await words.fill('Juin : la fête du pain a porté l’engagement.');
  await p.locator('textarea[data-key="notes.engagement"]').fill('Deux Reels en préparation pour juillet.');
  // Branding: names, accent, a dropped logo.
  await p.locator('[data-key="branding.agency"]').fill('Agence Levain');
  await p.locator('[data-key="branding.client"]').fill('Boulangerie Martin');
  await p.locator('[data-key="title"]').fill('Rapport mensuel');
  await page.evaluate((b64) => {
    const zone = document.querySelector('social-roi').shadowRoot.querySelector('[data-drop="logo"]');
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'logo.png', { type: 'image/png' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
  }, LOGO.toString('base64'));
  await p.locator('img.sr-r-logo').waitFor();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('.sr-r-title')?.textContent === 'Rapport mensuel');
  // The benchmark: growth 0.1, 0.05, 0.1; posts per week 3, 2, 5; per post 50, 100, 50;
  // per follower 50/1100, 100/2100, 50/550; share of voice 0.25, 0.5, 0.25; ranks as in tests/report.rs.
  await fillBenchmark(page);
  const bench = async (account, id) => {
    const c = p.locator(`[data-section="benchmark"] tr[data-account="${account}"] td[data-id="${id}"]`);
    return [Number(await c.getAttribute('data-value')), Number(await c.getAttribute('data-rank'))];
  };
  assert.deepEqual(await bench('@martin', 'benchmark_follower_growth'), [0.1, 1]);
  assert.deepEqual(await bench('@dupain', 'benchmark_follower_growth'), [0.05, 3]);
  assert.deepEqual(await bench('@fournil', 'benchmark_posts_per_week'), [5, 1]);
  assert.deepEqual(await bench('@dupain', 'benchmark_engagement_per_post'), [100, 1]);
  const [perFollower, r] = await bench('@martin', 'benchmark_engagement_per_follower');
  assert.ok(close(perFollower, 50 / 1100) && r === 3);
  assert.deepEqual(await bench('@dupain', 'share_of_voice'), [0.5, 1]);
  await shot(page, 'report-fr', { fullPage: true });

  // Saved: the inputs, the branding with its logo, the notes, the figures; no export.
  const [download] = await Promise.all([page.waitForEvent('download'), p.locator('button[data-action="save"]').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  writeFileSync(join(artifacts, 'report-saved.json'), text);
  const file = JSON.parse(text);
  assert.equal(file.format, 'social-roi-report');
  assert.equal(file.version, 1);
  assert.match(file.input.branding.logo, /^data:image\/png;base64,/);
  assert.equal(file.input.notes.engagement, 'Deux Reels en préparation pour juillet.');
  assert.equal(file.report.sections.find((s) => s.id === 'engagement').words, 'Juin : la fête du pain a porté l’engagement.');
  assert.deepEqual(file.issue.period, { from: '2026-06-01', to: '2026-06-30' });
  assert.ok(!text.includes('Account username') && !text.includes('17841400000000000,'), 'no raw export in the file');

  // The command line's HTML for the same inputs holds the same figures, row by row.
  const inputPath = join(artifacts, 'report-input.json');
  writeFileSync(inputPath, JSON.stringify(file.input));
  const cliHtml = join(artifacts, 'report-cli.html');
  const bin = process.env.SOCIAL_ROI_BIN || join(root, 'target', 'debug', 'social-roi');
  assert.ok(existsSync(bin), `${bin}: build it with cargo build -p social-roi-cli`);
  execFileSync(bin, ['report', '--lang', 'fr', '--options', inputPath, '--html', cliHtml, join(DIR, MAY), join(DIR, JUNE)]);
  const figures = () => [...(document.querySelector('social-roi')?.shadowRoot ?? document).querySelectorAll('[data-section] tr[data-id]')]
    .map((tr) => [tr.closest('[data-section]').dataset.section, tr.dataset.id, tr.dataset.direction, ...[...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.dataset.value ?? null)].join(' '));
  const onPage = await page.evaluate(figures);
  const cliPage = await context.newPage();
  await cliPage.setContent(readFileSync(cliHtml, 'utf8'));
  const fromCli = await cliPage.evaluate(figures);
  assert.ok(onPage.length > 20);
  assert.deepEqual(fromCli, onPage);
  assert.equal(await cliPage.locator('.sr-r-title').textContent(), 'Rapport mensuel');
  await cliPage.close();

  // Printed: a cover, one section per page, page numbers; the PNG pages are in artifacts/.
  const a4 = await printed(page, 'report-print-fr-a4', 'A4');
  assert.ok(a4.pages.length >= 4, `${a4.pages.length} pages`);
  assert.match(a4.size, /\(A4\)/);
  assert.match(a4.text, /Rapport mensuel/);
  assert.match(a4.text, /2 \/ \d/);
  assert.match(a4.text, /Juin : la fête du pain a porté l’engagement\./);
  assert.ok(!/Télécharger le PDF/.test(a4.text), 'no button on paper');
  await p.locator('[data-key="paper"]').selectOption('Letter');
  const letter = await printed(page, 'report-print-fr-letter', 'Letter');
  assert.match(letter.size, /612 x 792/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a saved report reopened shows as it was, then becomes July against June with July\'s export (English)', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { locale: 'en-US' });
  await page.goto(`${server.url}#tab=report`);
  await panel(page).locator('[data-action="open"]').waitFor();
  await panel(page).locator('input[data-key="open"]').setInputFiles(join(artifacts, 'report-saved.json'));
  // No file: the saved report as it was (in the language it was saved in).
  await row(page, 'engagement', 'posts').waitFor();
  assert.equal((await cells(page, 'engagement', 'posts')).current, 4);
  assert.equal(await panel(page).locator('.sr-r-title').textContent(), 'Rapport mensuel');
  await page.locator('button[data-tab="files"]').click();
  await drop(page, [JULY]);
  await page.locator('button[data-tab="report"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="engagement"] tr[data-id="posts"] td.sr-r-cur')?.dataset.value === '2');
  // July (2 posts, 290 engagements, reach 3 000) against the saved June (4, 500, 5 000).
  const eng = await cells(page, 'engagement', 'total_engagements');
  assert.deepEqual([eng.previous, eng.current, eng.change, eng.direction], [500, 290, -210, 'down']);
  assert.ok(close(eng.percent, -0.42));
  const rate = await cells(page, 'engagement', 'engagement_rate');
  assert.ok(close(rate.change, 290 / 3000 - 0.1));
  assert.match(plain(await panel(page).locator('.sr-r-previous').textContent()), /the previous issue: June 1, 2026 – June 30, 2026/);
  assert.match(await panel(page).locator('textarea[data-key="words.engagement"]').inputValue(), /Posts fell from 4 to 2 \(−50%\)\. Engagements fell from 500 to 290 \(−42%\)\./);
  assert.equal(await panel(page).locator('.sr-r-agency').textContent(), 'Prepared by Agence Levain');
  await shot(page, 'report-en', { fullPage: true });
  // The dark theme on screen; print is always light.
  await page.evaluate(() => document.querySelector('social-roi').setAttribute('theme', 'dark'));
  await shot(page, 'report-en-dark', { fullPage: true });
  const pdf = await printed(page, 'report-print-en-a4', 'A4');
  assert.match(pdf.text, /Engagements fell from 500 to 290/);
  assert.ok(pdf.pages.length >= 4);
  assert.deepEqual(problems, []);
  await context.close();
});
