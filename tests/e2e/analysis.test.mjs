// The Analysis tab in a real browser: the bakery's exports of tests/fixtures/analysis/ dropped
// on the element, the inbox mapped, then the KPI values checked against the values worked out
// by hand in tests/analysis_files.rs, the charts counted, presets and interactions switched,
// the per-post CSV downloaded and read back, the cost link carried into the calculator, the
// share-count calculator, a language switch; screenshots at desktop width and 360 px, and a
// PDF of the print view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, root, server, shot, usePage } from './harness.mjs';

const DIR = join(root, 'tests', 'fixtures', 'analysis');
const FILES = [
  'Jun-01-2026_Jun-08-2026_17841400000000000.csv',
  'Jun-01-2026_Jun-08-2026_104512345678901.csv',
  'tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv',
  'facebook_page_2026-06.csv',
  'ads_campaigns_2026-06.csv',
  'inbox_2026-06.csv',
];
// UTC+01:00 all year (no summer time): the heatmap's default clock is the browser's.
const TZ = 'Africa/Douala';

usePage();

const panel = (page) => page.locator('[data-panel="analysis"]');
const card = (page, id) => panel(page).locator(`[data-section] [data-id="${id}"]`).first();
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

async function value(page, id) {
  return Number(await card(page, id).locator('.sr-card-value').getAttribute('data-value'));
}

/** Waits until the figure `id` holds `expected` (the report is recomputed after each change). */
async function waitFor(page, id, expected) {
  await page.waitForFunction(({ id, expected }) => {
    const el = document.querySelector('social-roi').shadowRoot.querySelector(`[data-panel="analysis"] [data-section] [data-id="${id}"] .sr-card-value`);
    return el && Math.abs(Number(el.dataset.value) - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }, { id, expected });
}

/** Drops the fixtures on the element, as a person dragging them from a folder. */
async function drop(page) {
  const files = FILES.map((name) => ({ name, base64: readFileSync(join(DIR, name)).toString('base64') }));
  await page.evaluate(async (files) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    }
  }, files);
}

/** Opens the Analysis tab with every fixture read and the inbox mapped. */
async function loaded(page) {
  await page.goto(`${server.url}#tab=analysis`);
  // No file yet: the tab says so and offers the Files tab.
  await panel(page).locator('[data-empty]').waitFor();
  assert.ok(await panel(page).locator('button[data-action="to-files"]').isVisible());
  await drop(page);
  await page.locator('[data-panel="files"]').waitFor();
  const inbox = page.locator('article.sr-file[data-file="inbox_2026-06.csv"]');
  await inbox.locator('.sr-mapping').waitFor();
  await inbox.locator('button[data-action="apply-mapping"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-file="inbox_2026-06.csv"] [data-status]')?.dataset.status === 'ok');
  // While the user looks at the files, the page reads their texts ahead and prepares the
  // analysis with the tab's options: the tab opens on that analysis (the figures checked
  // below are its), and within 20 s of the mapping.
  const prepared = await page.evaluate(async () => {
    const client = await (await import(new URL('worker-client.js', location.href))).coreClient();
    const set = client.set('sr1:files');
    const t0 = performance.now();
    while (!set.prepared && performance.now() - t0 < 20000) await new Promise((r) => { setTimeout(r, 20); });
    return set.prepared;
  });
  assert.ok(prepared, 'the analysis was prepared while the files were in sight');
  await page.locator('button[data-tab="analysis"]').click();
  await card(page, 'engagement_rate').locator('.sr-card-value').waitFor();
  await panel(page).locator('[data-section="heatmap"] svg').waitFor();
}

test('KPIs, charts and tables match the hand-computed values; presets and interactions change them', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { timezoneId: TZ });
  await loaded(page);

  // Default rule: reactions + comments + shares (+ saves where the files have them), each
  // network by what its exports give: reach on Instagram and Facebook (900 ÷ 11 000), and
  // impressions on X, which reports no reach (67 ÷ 4 000).
  assert.ok(close(await value(page, 'engagement_rate'), 967 / 15000));
  assert.equal(plain(await card(page, 'engagement_rate').locator('.sr-card-value').textContent()), '6,45 %');
  assert.match(plain(await card(page, 'engagement_rate').locator('.sr-card-label').textContent()), /par portée ; impressions sur X, ratio des totaux/);
  assert.match(await card(page, 'engagement_rate').locator('.sr-formula').textContent(), /taux d’engagement = Σ engagements ÷ Σ dénominateur du réseau de chaque publication/);
  assert.match(plain(await card(page, 'engagement_rate').locator('.sr-inputs').textContent()), /engagements : 967.*dénominateurs : 15 000.*publications : 9/);
  // Every number has its formula and inputs in a tooltip too.
  assert.match(plain(await card(page, 'engagement_rate').getAttribute('title')), /Σ dénominateur du réseau de chaque publication\nengagements = 967 ; dénominateurs = 15 000/);
  assert.ok(close(await value(page, 'engagement_rate_other_aggregation'), (0.43 + 200 / 3000 + 40 / 2000 + 7 / 500 + 20 / 1500) / 9));
  assert.equal(await value(page, 'posts'), 9);
  assert.equal(await value(page, 'total_engagements'), 967);
  assert.equal(await value(page, 'total_reach'), 11000);
  assert.ok(close(await value(page, 'engagement_rate_by_followers'), 300 / 2028));
  assert.ok(close(await value(page, 'conversation_rate'), 92 / 9));
  assert.equal(plain(await card(page, 'conversation_rate').locator('.sr-card-value').textContent()), '10,22');
  assert.ok(close(await value(page, 'applause_per_thousand_followers'), (230 / 2028) * 1000));
  assert.ok(close(await value(page, 'virality'), 10 / 4000));
  assert.ok(close(await value(page, 'ctr'), 18 / 4000));
  assert.equal(await value(page, 'net_follower_growth'), 41);
  assert.ok(close(await value(page, 'churn_rate'), 14 / 992));
  assert.ok(close(await value(page, 'posts_per_week'), (9 / 8) * 7));
  assert.equal(await value(page, 'response_rate'), 0.8);
  assert.equal(await value(page, 'median_first_response_hours'), 2.75);
  assert.ok(close(await value(page, 'p90_first_response_hours'), 4 + 0.7 * 60));
  assert.equal(plain(await card(page, 'ads_cpc').locator('.sr-card-value').textContent()), '0,625 €');
  assert.ok(close(await value(page, 'spend_per_new_follower'), 250 / 55));

  // Charts: weekly bars (2 weeks), the 7 × 24 map with 8 hours that have posts (X's UTC times
  // moved to the browser's UTC+01:00), bars per network (X by impressions) and per type,
  // posting frequency beside unfollows (posts in 2 weeks, unfollows in 1).
  const series = panel(page).locator('[data-section="series"]');
  assert.equal(await series.locator('svg[data-chart="bars"] rect[data-point]').count(), 2);
  assert.equal(await series.locator('svg title').first().textContent(), 'Engagements des publications — Semaine');
  const map = panel(page).locator('[data-section="heatmap"] svg[data-chart="heatmap"]');
  assert.equal(await map.locator('rect.sr-cell').count(), 168);
  assert.equal(await map.locator('rect[data-posts]').count(), 8);
  assert.equal(await map.locator('rect[data-weekday="0"][data-hour="8"]').getAttribute('data-posts'), '1');
  assert.equal(await map.locator('rect[data-weekday="5"][data-hour="18"]').getAttribute('data-posts'), '1');
  assert.equal(await map.locator('rect[data-weekday="0"][data-hour="9"]').getAttribute('data-posts'), '2');
  assert.match(plain(await panel(page).locator('[data-best] li').first().textContent()), /lundi 9 h : 2 publications, taux 10 %/);
  assert.equal(await panel(page).locator('[data-compare="network"] rect[data-bar]').count(), 3);
  assert.equal(await panel(page).locator('[data-compare="type"] rect[data-bar]').count(), 6);
  assert.equal(await panel(page).locator('[data-weekly] svg rect[data-series]').count(), 3);
  // Daily: 8 days, 8 points; the numbers are there as a table too.
  await series.locator('input[data-control="granularity"][value="day"]').check();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelectorAll('[data-section="series"] rect[data-point]').length === 8);
  assert.equal(await series.locator('table tbody tr').count(), 8);
  // Engagement rate as a line, by week.
  await series.locator('input[data-control="granularity"][value="week"]').check();
  await series.locator('select[data-control="series"]').selectOption('engagement_rate');
  await series.locator('svg[data-chart="line"]').waitFor();
  assert.equal(await series.locator('circle[data-point]').count(), 2);

  // Tables sort by their columns.
  const top = panel(page).locator('[data-table="top"]');
  assert.deepEqual((await top.locator('tbody tr td:nth-child(4)').allTextContents()).slice(0, 2), ['@atelier merci pour la photo !', 'Comment on façonne une baguette']);
  await top.locator('th button[data-sort="4"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-table="top"] th[aria-sort="descending"]'));
  assert.equal(await top.locator('tbody tr td:nth-child(5)').first().textContent(), '400');

  await shot(page, 'analysis-desktop', { fullPage: true });

  // Presets: each is a published definition, and the headline follows it.
  const preset = panel(page).locator('select[data-control="preset"]');
  await preset.selectOption('hootsuite');
  await waitFor(page, 'engagement_rate', (0.43 + 200 / 3000) / 6);
  assert.equal(plain(await card(page, 'engagement_rate').locator('.sr-card-value').textContent()), '8,28 %');
  assert.match(await panel(page).locator('[data-explanation="hootsuite"]').textContent(), /Average ERR/);
  assert.match(await panel(page).locator('.sr-a-sources').textContent(), /https:\/\/blog\.hootsuite\.com\/calculate-engagement-rate\//);
  assert.equal(await panel(page).locator('.sr-a-sources a').count(), 0, 'sources are text, not links');
  await preset.selectOption('x');
  await waitFor(page, 'engagement_rate', 100 / 4000);
  assert.equal(plain(await card(page, 'engagement_rate').locator('.sr-card-value').textContent()), '2,5 %');
  await preset.selectOption('later');
  await waitFor(page, 'engagement_rate', 885 / 11000);
  await preset.selectOption('rival_iq');
  await waitFor(page, 'engagement_rate', 300 / 2028);
  await preset.selectOption('metricool');
  await waitFor(page, 'engagement_rate', 544 / 9);
  assert.equal(plain(await card(page, 'engagement_rate').locator('.sr-card-value').textContent()), '60,44 pour 1 000');

  // Interactions are adjustable per network (behind "more settings", closed at first so the
  // figures come first): from Hootsuite, take saves out on Instagram.
  await preset.selectOption('hootsuite');
  await waitFor(page, 'engagement_rate', (0.43 + 200 / 3000) / 6);
  assert.equal(await panel(page).locator('details.sr-a-options').getAttribute('open'), null);
  await panel(page).locator('details.sr-a-options > summary').click();
  await panel(page).locator('input[data-network="instagram"][data-interaction="saves"][data-list="static"]').uncheck();
  // Instagram: 115, 360, 35, 25 ÷ 1000, 4000, 500, 500; Facebook unchanged.
  await waitFor(page, 'engagement_rate', (0.115 + 0.09 + 0.07 + 0.05 + 0.05 + 200 / 3000) / 6);
  assert.equal(await preset.inputValue(), 'custom');
  assert.match(await preset.locator('option:checked').textContent(), /à partir de «\u00a0Hootsuite/);
  assert.equal(await panel(page).locator('[data-counted="instagram"]').textContent(), 'réactions + commentaires + partages ÷ portée');
  // The aggregation, labelled, switches the headline and its twin.
  await panel(page).locator('input[data-control="aggregation"][value="ratio_of_totals"]').check();
  await waitFor(page, 'engagement_rate', 835 / 11000);

  // An option the core cannot use is said next to its field, and the rest still computed.
  const opts = panel(page).locator('details.sr-a-options');
  await opts.locator('input[data-field="period.from"]').fill('2026-06-05');
  await opts.locator('input[data-field="period.to"]').fill('2026-06-02');
  await opts.locator('[data-path="period.to"] .sr-a-msg').filter({ hasText: 'la période finit (2026-06-02) avant de commencer (2026-06-05)' }).waitFor();
  assert.equal(await panel(page).locator('[data-errors]').getAttribute('data-errors'), '1');
  // A period: June 2 to 4 keeps F1, T1, I2, F2 (by reach: (100 + 360 + 200) ÷ 9000).
  await opts.locator('input[data-field="period.from"]').fill('2026-06-02');
  await opts.locator('input[data-field="period.to"]').fill('2026-06-04');
  await waitFor(page, 'engagement_rate', 660 / 9000);
  assert.equal(await value(page, 'posts'), 4);
  await opts.locator('button[data-action="all-days"]').click();
  await waitFor(page, 'engagement_rate', 835 / 11000);

  // A language switch keeps the options.
  await page.locator('button[data-lang="en"]').click();
  await panel(page).locator('h2', { hasText: 'Analysis of your exports' }).waitFor();
  await waitFor(page, 'engagement_rate', 835 / 11000);
  assert.equal(plain(await card(page, 'engagement_rate').locator('.sr-card-value').textContent()), '7.59%');
  assert.equal(await panel(page).locator('select[data-control="preset"]').inputValue(), 'custom');

  // Later counts shares on reels only, on every network; counting Instagram's reels like its
  // other posts leaves I2 at 360 (no shares) and Facebook's reel as Later says: 845 ÷ 11 000.
  await panel(page).locator('select[data-control="preset"]').selectOption('later');
  await waitFor(page, 'engagement_rate', 885 / 11000);
  const videos = (n) => panel(page).locator(`input[data-key="videos-${n}"]`);
  if (await panel(page).locator('details.sr-a-options').getAttribute('open') === null) await panel(page).locator('details.sr-a-options > summary').click();
  assert.ok(await videos('instagram').isChecked());
  await videos('instagram').uncheck();
  await waitFor(page, 'engagement_rate', 845 / 11000);
  assert.equal(await videos('instagram').isChecked(), false);
  assert.ok(await videos('facebook').isChecked());
  assert.equal(await panel(page).locator('[data-counted="instagram"]').textContent(), 'reactions + comments + saves ÷ reach');
  assert.deepEqual(problems, []);
  await context.close();
});

test('exports: the per-post CSV neutralises formulas, the JSON is the full report', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { timezoneId: TZ, acceptDownloads: true });
  await loaded(page);

  const [csv] = await Promise.all([page.waitForEvent('download'), panel(page).locator('button[data-action="export-csv"]').click()]);
  assert.equal(csv.suggestedFilename(), 'social-roi-publications-2026-06-01_2026-06-08.csv');
  const bytes = readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
  const text = bytes.toString('utf8').slice(1);
  writeFileSync(join(artifacts, 'analysis-posts.csv'), bytes);
  const lines = text.split('\r\n');
  assert.equal(lines.length, 11, 'header, 9 posts, final line break');
  assert.match(lines[0], /^id;réseau;compte;publiée le;type;texte;lien;engagements;dénominateur;valeur du dénominateur;taux \(ratio\);/);
  // Long numeric ids are written ="…" (quoted, as the cell holds quotes): a spreadsheet keeps
  // them as text, all 19 digits of an X id.
  const row = (id) => lines.find((l) => l.startsWith(id) || l.startsWith(`"=""${id}"""`)).split(';');
  assert.ok(lines.some((l) => l.startsWith('"=""1800000000000000003""";X;')), 'an X id kept text');
  // Text a spreadsheet would run as a formula starts with a quote; numbers stay numbers.
  assert.equal(row('18000000000000101')[5], "'@atelier merci pour la photo !");
  assert.equal(row('18000000000000101')[10], '0,12');
  assert.equal(row('18000000000000103')[5], "'=1+1 : nos viennoiseries");
  assert.equal(row('1800000000000000003')[5], "'+33 1 23 45 67 89 : réservez vos galettes");
  assert.equal(row('1800000000000000003')[11], '0,02', 'X’s own rate');
  assert.equal(row('104512345678901_2000000000000201')[5], "'-20 % sur les croissants ce mardi");
  assert.equal(row('104512345678901_2000000000000201')[21], '1008', 'followers at posting time');
  assert.equal(row('104512345678901_2000000000000201')[22], 'Jun-01-2026_Jun-08-2026_104512345678901.csv');
  assert.equal(row('18000000000000102')[5], 'Comment on façonne une baguette');

  const [json] = await Promise.all([page.waitForEvent('download'), panel(page).locator('button[data-action="export-json"]').click()]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.deepEqual(Object.keys(report), ['files', 'totals', 'analysis', 'options']);
  assert.equal(report.files.length, 6);
  assert.ok(close(report.analysis.engagement.rate.value, 967 / 15000));
  assert.equal(report.options.utc_offset_minutes, 60);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the cost link carries counts and ad spend into the calculator; the share-count calculator', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { timezoneId: TZ });
  // `__slowShare = ms` holds the page's share-count calls to the worker that long.
  await page.addInitScript(() => {
    const send = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (msg?.op === 'shareCount' && globalThis.__slowShare) setTimeout(() => send.call(this, msg, ...rest), globalThis.__slowShare);
      else send.call(this, msg, ...rest);
    };
  });
  await loaded(page);
  await panel(page).locator('button[data-action="apply-roi"]').click();
  const status = panel(page).locator('[data-status="roi"]');
  await status.locator('li').first().waitFor();
  const said = (await status.locator('li').allTextContents()).map(plain);
  assert.deepEqual(said, [
    'Engagements : 5 400 → 967',
    'Clics : 1 200 → 18',
    'Nouveaux abonnés : 320 → 55',
    'ligne de coût « Dépenses publicitaires (fichier de publicités) » 250,00 €',
  ]);
  await status.locator('button[data-action="open-roi"]').click();
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  assert.equal(await page.locator('input[data-field="counts.engagements"]').inputValue(), '967');
  assert.equal(await page.locator('input[data-field="counts.new_followers"]').inputValue(), '55');
  const lines = page.locator('[data-list="costs"] > .sr-line');
  assert.equal(await lines.last().locator('input[data-field$=".amount"]').inputValue(), '250');
  assert.equal(await lines.last().locator('select[data-field$=".kind"]').inputValue(), 'ads');
  // Carried twice, the line is replaced, not added again.
  const count = await lines.count();
  await page.locator('button[data-tab="analysis"]').click();
  await panel(page).locator('button[data-action="apply-roi"]').click();
  await panel(page).locator('[data-status="roi"] li').first().waitFor();
  await panel(page).locator('button[data-action="open-roi"]').click();
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  assert.equal(await page.locator('[data-list="costs"] > .sr-line').count(), count);

  // A typed cost, written the French way, joins the ad spend (same currency: EUR).
  await page.locator('button[data-tab="analysis"]').click();
  const opts = panel(page).locator('details.sr-a-options');
  if (await opts.getAttribute('open') === null) await opts.locator('summary').click();
  await opts.locator('button[data-key="add-cost"]').click();
  await opts.locator('input[data-key="cost-label-0"]').fill('Photographe');
  await opts.locator('input[data-key="cost-amount-0"]').fill('150,50');
  await waitFor(page, 'spend', 400.5);
  assert.ok(close(await value(page, 'spend_per_new_follower'), 400.5 / 55));
  await opts.locator('input[data-key="cost-amount-0"]').fill('15O');
  await opts.locator('[data-path="costs[0].amount"] .sr-a-msg').filter({ hasText: /15O/ }).waitFor();

  // The share count: 34 shown = 1 share + 5 likes on it + 28 comments on it.
  await page.locator('button[data-tab="analysis"]').click();
  const share = panel(page).locator('[data-section="share-count"]');
  await share.locator('input[data-field="share_count"]').fill('34');
  await share.locator('input[data-field="share_count"]').press('Tab');
  await share.locator('input[data-field="shares"]').fill('1');
  await share.locator('input[data-field="shares"]').press('Tab');
  await share.locator('input[data-field="likes_on_shares"]').fill('5');
  await share.locator('input[data-field="likes_on_shares"]').press('Tab');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-share="comments_on_shares"] input')?.value === '28');
  assert.match(await share.locator('[data-share="comments_on_shares"] .sr-hint').textContent(), /partie = nombre de partages affiché − les deux autres parties/);
  // The core slow to answer (busy with an analysis): its answer to the first field arrives
  // while the next is being typed, and what is typed there stays, the caret with it.
  await page.evaluate(() => { globalThis.__slowShare = 700; });
  await share.locator('button[data-action="share-clear"]').click();
  await share.locator('input[data-field="share_count"]').fill('40');
  await share.locator('input[data-field="share_count"]').press('Tab');
  await share.locator('input[data-field="shares"]').pressSequentially('2');
  await page.waitForTimeout(900);
  await page.keyboard.type('0');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-share="comments_on_shares"] input')?.value === '14');
  assert.equal(await share.locator('input[data-field="shares"]').inputValue(), '20');
  await page.evaluate(() => { globalThis.__slowShare = 0; });
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone width and the print view', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { timezoneId: TZ, width: 360, height: 780 });
  await loaded(page);
  // The preset is in sight; the other options wait behind their summary.
  assert.ok(await panel(page).locator('select[data-control="preset"]').isVisible());
  assert.equal(await panel(page).locator('details.sr-a-options').getAttribute('open'), null);
  // Narrow: the heatmap turns, hours down the side.
  const map = panel(page).locator('[data-section="heatmap"] svg');
  assert.ok(Number(await map.getAttribute('height')) > Number(await map.getAttribute('width')));
  assert.equal(await map.locator('rect[data-posts]').count(), 8);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await shot(page, 'analysis-phone', { fullPage: true });

  // Print: no controls, charts kept; a PDF to look at.
  await page.emulateMedia({ media: 'print' });
  // Charts are drawn again for the paper's width.
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="heatmap"] svg').getAttribute('width') === '680');
  for (const sel of ['.sr-a-options', '.sr-a-exports', '.sr-tabs', 'button[data-action="apply-roi"]', '[data-section="share-count"]']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is printed`);
  }
  assert.ok(await map.isVisible());
  assert.ok(await panel(page).locator('.sr-print-only').isVisible());
  await page.pdf({ path: join(artifacts, 'analysis-print.pdf'), format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  assert.deepEqual(problems, []);
  await context.close();
});
