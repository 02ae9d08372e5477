// The Files tab and `social-roi analyze` agree on every layout fixture: each file is dropped on
// the real page, and what its card shows (format, rows read and imported, status, notes) and
// what the summary adds up are compared with the command line's JSON for the same file. Then
// the page's own uses of the new data: a follower list offered to the contest, the search
// visibility section with the brand split, the ranking minimum.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, openPage, root, server, shot, usePage } from './harness.mjs';

const FIXTURES = join(root, 'tests', 'fixtures', 'import');

const FILES = [
  'facebook/page_level_descriptions_2026-02.csv',
  'facebook/post_level_nearly_empty_2026-02.csv',
  'facebook/video_posts_nearly_empty_2026-02.csv',
  'youtube/Content 2026-03-01_2026-03-07 Atelier/Totals.csv',
  'youtube/Content 2026-03-01_2026-03-07 Atelier/Table data.csv',
  'youtube/channel_subscribers_2026-03.csv',
  'generic/views_by_day.csv',
  'tiktok/Overview_2026-05-31_1780185600_boulangerie.csv',
  'analytics/ga4_channels_by_hour_20260601-20260607.csv',
  'analytics/ga4_events_20260601-20260607.csv',
  'x/daily_tweet_activity_metrics_acme_20211201_20211204_en.csv',
  'search_console/atelier.example-Performance-on-Search-2026-06-30.zip',
  'search_console/fr/Dates.csv',
  'instagram/followers_1.json',
  'instagram/following.json',
  'comments/exportcomments_comment_links.csv',
];

usePage();

/** `social-roi analyze --json --lang LANG PATH...`, as a user runs it on the same files. */
function cli(paths, lang = 'fr') {
  const bin = join(root, 'target', 'debug', 'social-roi');
  const args = ['analyze', '--json', '--lang', lang, ...paths.map((p) => join(FIXTURES, p))];
  const env = { ...process.env, SOCIAL_ROI_TODAY: new Date().toISOString().slice(0, 10) };
  const run = existsSync(bin)
    ? () => execFileSync(bin, args, { env, maxBuffer: 64 << 20 })
    : () => execFileSync('cargo', ['run', '-q', '-p', 'social-roi-cli', '--', ...args], { cwd: root, env, maxBuffer: 64 << 20 });
  let out;
  try {
    out = run();
  } catch (e) {
    // Exit status 1 (a file has errors) still prints the report.
    out = e.stdout;
  }
  return JSON.parse(out.toString('utf8'));
}

function fixture(path) {
  return { name: path.split('/').pop(), base64: readFileSync(join(FIXTURES, path)).toString('base64') };
}

async function drop(page, files) {
  await page.evaluate(async (files) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    const fire = (type) => el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    fire('dragenter');
    fire('dragover');
    fire('drop');
  }, files);
}

const card = (page, name) => page.locator(`article.sr-file[data-file="${name}"]`);

/** What a file's card shows, as the core's report names it. */
async function shown(page, name) {
  const c = card(page, name);
  await c.locator('.sr-badge[data-status]:not([data-status="reading"])').waitFor();
  const tables = [];
  for (const block of await c.locator('section.sr-table-block').all()) {
    const counts = block.locator('.sr-counts');
    tables.push({
      format: await block.getAttribute('data-format'),
      rows: Number(await counts.getAttribute('data-rows')),
      imported: Number(await counts.getAttribute('data-imported')),
      warnings: await block.locator('[data-problems="warnings"] li').evaluateAll((lis) => lis.map((li) => li.dataset.code)),
      errors: await block.locator('[data-problems="errors"] li').count(),
    });
  }
  return { status: await c.locator('.sr-badge[data-status]').first().getAttribute('data-status'), tables };
}

/** The same facts from the command line's report of the file. */
function expected(report) {
  return {
    status: report.status,
    tables: report.tables.map((t) => ({
      format: t.format.id,
      rows: t.rows,
      imported: t.imported,
      warnings: t.warnings.map((w) => w.code),
      errors: t.errors.length,
    })),
  };
}

test('every layout fixture: the Files tab shows what analyze --json says', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  for (const [i, path] of FILES.entries()) {
    const name = path.split('/').pop();
    // eslint-disable-next-line no-await-in-loop
    await drop(page, [fixture(path)]);
    // eslint-disable-next-line no-await-in-loop
    const onPage = await shown(page, name);
    // The command line given every file dropped so far, as the page holds them: a file that
    // repeats days of an earlier one (Search Console's French Dates.csv) says so in both.
    const fromCli = expected(cli(FILES.slice(0, i + 1)).files[i]);
    assert.deepEqual(onPage, fromCli, path);
    assert.notEqual(onPage.status, 'errors', path);
  }
  // Known layouts never wait for a mapping; the date-and-views table does, as days.
  const waiting = await page.locator('.sr-badge[data-status="needs_mapping"]').count();
  assert.equal(waiting, 1);
  assert.equal(await card(page, 'views_by_day.csv').locator('select[data-column="0"]').inputValue(), 'daily.date');
  // The dataset's summary adds up what the command line adds up.
  const all = cli(FILES);
  for (const [kind, n] of Object.entries(all.totals.records)) {
    const chip = page.locator(`[data-summary="records"] [data-kind="${kind}"]`);
    // eslint-disable-next-line no-await-in-loop
    const count = (await chip.count()) ? Number(await chip.getAttribute('data-count')) : 0;
    assert.equal(count, n, kind);
  }
  await shot(page, 'formats-files');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a follower list dropped on the Files tab is offered to the contest’s outcome', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await drop(page, [fixture('instagram/followers_1.json')]);
  const c = card(page, 'followers_1.json');
  await c.locator('[data-follower-list="4"]').waitFor();
  assert.equal(await c.locator('.sr-badge[data-status]').getAttribute('data-status'), 'ok');
  await c.locator('button[data-action="to-contest"]').click();
  await c.locator('button[data-action="open-contest"]').click();
  await page.locator('[data-panel="contest"] [data-pending="followers_1.json"]').waitFor();
  // Placed on "before": the contest reads its four handles.
  await page.locator('[data-pending="followers_1.json"] button[data-place="before"]').click();
  await page.locator('[data-slot="before"] [data-list="followers_1.json"] [data-handles="4"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('search visibility: the figures analyze gives, the brand split from the typed brand', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { locale: 'en-GB' });
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  const zip = 'search_console/atelier.example-Performance-on-Search-2026-06-30.zip';
  await drop(page, [fixture(zip)]);
  await shown(page, zip.split('/').pop());
  await page.locator('button[data-tab="analysis"]').click();
  const section = page.locator('[data-section="search"]');
  await section.waitFor();
  const report = cli([zip], 'en').analysis.search;
  for (const f of report.figures) {
    // eslint-disable-next-line no-await-in-loop
    const value = await section.locator(`.sr-cards [data-id="${f.id}"] .sr-card-value`).first().getAttribute('data-value');
    assert.equal(Number(value), f.value, f.id);
  }
  assert.equal(await section.locator('[data-source="date"]').count(), 1);
  await section.locator('[data-brand="none"]').waitFor();
  await section.locator('input[data-key="brand-terms"]').fill('atelier');
  await section.locator('input[data-key="brand-terms"]').press('Enter');
  await section.locator('input[data-key="brand-terms"]').blur();
  const brand = page.locator('[data-section="search"] [data-brand="brand"]');
  await brand.waitFor();
  assert.equal(await brand.locator('[data-id="search_clicks"] .sr-card-value').getAttribute('data-value'), '225');
  assert.equal(await page.locator('[data-section="search"] [data-brand="non_brand"] [data-id="search_clicks"] .sr-card-value').getAttribute('data-value'), '45');
  await shot(page, 'formats-search');
  assert.deepEqual(problems, []);
  await context.close();
});
