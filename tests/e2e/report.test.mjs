// The Report tab in a real browser: the bakery's Instagram exports of tests/fixtures/report/
// (May and June 2026) dropped on the element, June compared with May, the changes checked
// against the values worked out by hand in tests/report.rs, the words in French and English,
// notes, branding with a dropped logo, a competitor table with hand-checked rates and ranks,
// the report saved, reopened in a fresh page (shown as saved, then extended with July), and
// the printed PDF (Chromium's page.pdf) turned into PNG pages with pdftoppm, in both
// languages, on A4 and Letter, from the light and the dark theme; screenshots beside them in tests/e2e/artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, root, server, shot, usePage } from './harness.mjs';

const DIR = join(root, 'tests', 'fixtures', 'report');
const MAY = 'May-01-2026_May-31-2026_17841400000000000.csv';
const JUNE = 'Jun-01-2026_Jun-30-2026_17841400000000000.csv';
const JULY = 'Jul-01-2026_Jul-31-2026_17841400000000000.csv';
const COMMENTS = join(root, 'tests', 'fixtures', 'draw', 'exportcomments.csv');
const NATIVE = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'draw', 'exportcomments-certificate.json'), 'utf8'));
// A 2×2 PNG in the accent colour, as a user's logo.
const LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNk+M/AwMDAxMDAwMDAAAAhBAIDhHoXJQAAAABJRU5ErkJggg==', 'base64');

usePage();

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

/**
 * The summer contest in the Contest tab (tests/fixtures/contest/inputs.json's costs, the
 * comments of tests/fixtures/draw/exportcomments.csv, the rules and seed of its certificate):
 * resolves to the tab's figures, `{id: value}`, as its cards show them.
 */
async function runContest(page) {
  await page.locator('button[data-tab="contest"]').click();
  const c = page.locator('[data-panel="contest"]');
  await c.locator('input[data-control="entries-files"]').setInputFiles(COMMENTS);
  await c.locator('article.sr-efile[data-file="exportcomments.csv"][data-state="done"]').waitFor();
  await c.locator('input[data-field="title"]').fill('Concours de l’été — Atelier Lumière');
  await c.locator('input[data-field="account"]').fill('@atelier.lumiere');
  for (const [k, v] of [['comments_shown', '25'], ['prize_value', '120'], ['hours', '3,5'], ['hourly_rate', '40'], ['revenue', '300'], ['margin_pct', '50']]) await c.locator(`input[data-field="${k}"]`).fill(v);
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-panel="contest"] .sr-card[data-id="cost_per_entry"] [data-value]')?.dataset.value === String(260 / 15));
  const tab = Object.fromEntries(await c.locator('.sr-card[data-id]').evaluateAll((cards) => cards.map((x) => [x.dataset.id, x.querySelector('[data-value]')?.dataset.value ?? null])));
  await c.locator('button[data-view="draw"]').click();
  const r = NATIVE.rules;
  for (const [k, v] of [['winners', '2'], ['alternates', '2'], ['min_mentions', '1'], ['keywords', '#concours'], ['from_date', '2026-06-01'], ['until_date', '2026-06-14'], ['until_time', '23:59']]) await c.locator(`input[data-rule="${k}"]`).fill(v);
  await c.locator('textarea[data-rule="exclude"]').fill(`@${r.exclude[0]}`);
  await c.locator('button[data-action="add-bonus"]').click();
  await c.locator('input[data-rule="bonus[0].entrant"]').fill('@lea_b');
  await c.locator('input[data-rule="bonus[0].entries"]').fill('2');
  await c.locator(`[data-section="prepared"] [data-fingerprint="${NATIVE.fingerprint}"]`).waitFor();
  await c.locator('input[data-seed="value"]').fill(NATIVE.drawings[0].seed.value);
  await c.locator('input[data-seed="source"]').fill(NATIVE.drawings[0].seed.source);
  await c.locator('button[data-action="draw"]').click();
  await c.locator('.sr-cert').waitFor();
  return tab;
}

/** The contest section: every figure the Contest tab's, the draw its certificate's. */
async function checkContest(page, tab) {
  const p = panel(page);
  await p.locator('[data-section="contest"] tr[data-id="cost_per_entry"]').waitFor();
  const shown = Object.fromEntries(await p.locator('[data-section="contest"] tr[data-id]').evaluateAll((rows) => rows.map((x) => [x.dataset.id, x.querySelector('td')?.dataset.value ?? null])));
  assert.deepEqual(shown, tab);
  assert.ok(Object.keys(tab).length >= 12, JSON.stringify(tab));
  assert.equal(Number(shown.total_cost), 260);
  assert.ok(close(Number(shown.roi), (150 - 260) / 260));
  assert.match(await p.locator('[data-section="contest"] tr[data-id="cost_per_entry"] .sr-formula').textContent(), /coût par participation = coût du concours ÷ participations/);
  const d = p.locator('[data-section="contest"] [data-draw]');
  assert.equal(await d.locator('[data-fingerprint]').getAttribute('data-fingerprint'), NATIVE.fingerprint);
  assert.equal(await d.locator('[data-entries]').getAttribute('data-entries'), NATIVE.entries_sha256);
  const picks = (k) => d.locator(`[data-picks="${k}"] li`).evaluateAll((xs) => xs.map((x) => x.dataset.entrant));
  assert.deepEqual(await picks('winners'), NATIVE.drawings[0].winners.map((x) => x.entrant));
  assert.deepEqual(await picks('alternates'), NATIVE.drawings[0].alternates.map((x) => x.entrant));
  assert.match(plain(await d.textContent()), /EuroMillions, 16 juin 2026.*mots-clés : #concours.*Pour le vérifier/);
  // When it was drawn, in words (the certificate holds ISO 8601 with the machine's offset).
  assert.match(plain(await d.textContent()), /Tiré le : \d{1,2} \p{L}+ \d{4} à \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)/u);
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
  // The contest of the month, drawn in the Contest tab, in its section.
  const tab = await runContest(page);
  await page.locator('button[data-tab="report"]').click();
  await checkContest(page, tab);
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
  assert.equal(file.input.contest.certificate.fingerprint, NATIVE.fingerprint);
  execFileSync(bin, ['report', '--lang', 'fr', '--options', inputPath, '--entries', COMMENTS, '--html', cliHtml, join(DIR, MAY), join(DIR, JUNE)], { stdio: ['ignore', 'pipe', 'ignore'] });
  const figures = () => [...(document.querySelector('social-roi')?.shadowRoot ?? document).querySelectorAll('[data-section] tr[data-id]')]
    .map((tr) => [tr.closest('[data-section]').dataset.section, tr.dataset.id, tr.dataset.direction, ...[...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.dataset.value ?? null)].join(' '));
  const onPage = await page.evaluate(figures);
  const cliPage = await context.newPage();
  await cliPage.setContent(readFileSync(cliHtml, 'utf8'));
  const fromCli = await cliPage.evaluate(figures);
  assert.ok(onPage.length > 20);
  assert.deepEqual(fromCli, onPage);
  assert.equal(await cliPage.locator('.sr-r-title').textContent(), 'Rapport mensuel');
  const draw = () => [...(document.querySelector('social-roi')?.shadowRoot ?? document).querySelectorAll('[data-draw] [data-fingerprint], [data-draw] [data-entries], [data-draw] [data-entrant]')].map((x) => JSON.stringify(x.dataset));
  assert.deepEqual(await cliPage.evaluate(draw), await page.evaluate(draw));
  assert.ok((await page.evaluate(draw)).length === 6);
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

const FIXTURES = join(root, 'tests', 'fixtures');
// Two X accounts' exports and a Facebook page's posts and daily totals (tests/report.rs works
// out the benchmark of these by hand).
const ACCOUNT_FILES = [
  join(FIXTURES, 'analysis', 'tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv'),
  join(FIXTURES, 'report', 'accounts', 'tweet_activity_metrics_fournil_20260601_20260630_en.csv'),
  join(FIXTURES, 'analysis', 'Jun-01-2026_Jun-08-2026_104512345678901.csv'),
  join(FIXTURES, 'analysis', 'facebook_page_2026-06.csv'),
];

const kept = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('the own accounts of several exports in the benchmark beside a competitor; remembered on this device, restored, forgotten (English)', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { locale: 'en-US' });
  await page.goto(`${server.url}#tab=files`);
  await page.locator('input[data-control="files"]').setInputFiles(ACCOUNT_FILES);
  for (const f of ACCOUNT_FILES) {
    const name = f.split('/').pop();
    await page.waitForFunction((n) => document.querySelector('social-roi').shadowRoot.querySelector(`[data-file="${n}"] [data-status]`)?.dataset.status === 'ok', name);
  }
  await page.locator('button[data-tab="report"]').click();
  const p = panel(page);
  const type = async (key, value) => { await p.locator(`[data-key="${key}"]`).fill(value); };
  await type('benchmark.from', '2026-06-01');
  await type('benchmark.to', '2026-06-29');
  await type('benchmark.last_posts', '10');
  await p.locator('input[data-key="benchmark.files"]').check();
  await p.locator('button[data-action="add-account"]').click();
  const typed = [['name', '@dupain'], ['network', 'X'], ['followers_start', '2000'], ['followers_end', '2100'], ['posts', '8'], ['likes', '900'], ['comments', '60'], ['shares', '40']];
  for (const [k, v] of typed) await type(`benchmark.accounts[0].${k}`, v);
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="benchmark"] tr[data-account="@dupain"] td[data-id="share_of_voice"]')?.dataset.value === String(1000 / 1457));
  const rows = p.locator('[data-section="benchmark"] tr[data-account]');
  assert.deepEqual(await rows.evaluateAll((xs) => xs.map((x) => [x.dataset.account, 'fromFiles' in x.dataset])), [['boulangerie', true], ['fournil', true], [await rows.nth(2).getAttribute('data-account'), true], ['@dupain', false]]);
  const cell = async (account, id) => {
    const c = p.locator(`[data-section="benchmark"] tr[data-account="${account}"] td[data-id="${id}"]`);
    return [Number(await c.getAttribute('data-value')), Number(await c.getAttribute('data-rank'))];
  };
  const [perPost, rank] = await cell('boulangerie', 'benchmark_engagement_per_post');
  assert.ok(close(perPost, 67 / 3) && rank === 4);
  assert.deepEqual(await cell('fournil', 'benchmark_engagement_per_post'), [45, 3]);
  assert.deepEqual(await cell('fournil', 'benchmark_posts_per_week'), [0.5, 3], 'tied with the Facebook page, after @dupain and boulangerie');
  const facebook = await rows.nth(2).getAttribute('data-account');
  const [growth] = await cell(facebook, 'benchmark_follower_growth');
  assert.ok(close(growth, 0.033));
  assert.match(await p.locator('[data-section="benchmark"] tr[data-account="fournil"] th').textContent(), /fournil \(your files\)/);
  assert.match(await p.locator('[data-section="benchmark"] tr[data-account="fournil"] td[data-id="benchmark_engagement_per_post"]').getAttribute('title'), /engagement per post = \(likes \+ comments \+ shares on the last N posts\) ÷ N/);
  await shot(page, 'report-benchmark-files', { fullPage: true });

  // Off by default: nothing in IndexedDB.
  assert.equal(await p.locator('input[data-key="remember"]').isChecked(), false);
  assert.ok(!(await kept(page)).includes('social-roi-report'));
  await type('title', 'June benchmark');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('.sr-r-title')?.textContent === 'June benchmark');
  assert.ok(!(await kept(page)).includes('social-roi-report'), 'typing stores nothing');
  // Ticked: kept; the page reloaded (no file any more): restored as it was.
  await p.locator('input[data-key="remember"]').check();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-device-status]')?.textContent === 'Kept on this device.');
  assert.ok((await kept(page)).includes('social-roi-report'));
  const stored = await page.evaluate(() => new Promise((ok) => {
    const r = indexedDB.open('social-roi-report');
    r.onsuccess = () => { const g = r.result.transaction('reports').objectStore('reports').get('current'); g.onsuccess = () => { ok(g.result); r.result.close(); }; };
  }));
  const file = JSON.parse(stored);
  assert.equal(file.format, 'social-roi-report');
  assert.equal(file.input.title, 'June benchmark');
  assert.ok(!stored.includes('Tweet permalink') && !stored.includes('Lifetime Total Likes'), 'no raw export kept');
  await page.reload();
  await page.locator('button[data-tab="report"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('.sr-r-title')?.textContent === 'June benchmark');
  assert.equal(await p.locator('input[data-key="remember"]').isChecked(), true);
  assert.equal(await p.locator('[data-device-status]').textContent(), 'Report restored from this device.');
  assert.equal(await p.locator('[data-section="benchmark"] tr[data-account="fournil"] td[data-id="benchmark_engagement_per_post"]').getAttribute('data-value'), '45');
  // Forgotten: gone, and gone after a reload.
  await p.locator('button[data-action="forget"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-device-status]')?.textContent.startsWith('Forgotten'));
  assert.ok(!(await kept(page)).includes('social-roi-report'));
  await page.reload();
  await page.locator('button[data-tab="report"]').click();
  await p.locator('input[data-key="remember"]').waitFor();
  assert.equal(await p.locator('input[data-key="remember"]').isChecked(), false);
  assert.equal(await p.locator('.sr-r-title').textContent(), 'Social media report');
  assert.ok(!(await kept(page)).includes('social-roi-report'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('where the page has no IndexedDB (a sandboxed embed), the box says so instead of failing', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { locale: 'en-US' });
  await page.addInitScript(() => { Object.defineProperty(globalThis, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } }); });
  await page.goto(`${server.url}#tab=report`);
  const p = panel(page);
  // Ticked, it unticks itself and says why (click: the box does not stay checked).
  await p.locator('input[data-key="remember"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-device-status]')?.textContent.startsWith('This page cannot keep anything'));
  assert.equal(await p.locator('input[data-key="remember"]').isChecked(), false);
  assert.deepEqual(problems, []);
  await context.close();
});
