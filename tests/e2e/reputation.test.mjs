// Reputation in a real browser: the files of tests/fixtures/reputation/ (comments, a legacy
// Facebook post-level export, the Page's generated days with known spikes, an inbox mapped on
// the Files tab) dropped on the element, then the Analysis tab's three reputation sections
// checked against the values worked out by hand in tests/reputation.rs: the estimate's note
// and measured precision and recall, the shares and groups, the negative feedback rates and
// kinds, the flagged days and episodes; k changed; the language switched; screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, root, server, shot, usePage } from './harness.mjs';

const DIR = join(root, 'tests', 'fixtures', 'reputation');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.csv')).sort();

usePage();

const panel = (page) => page.locator('[data-panel="analysis"]');
const section = (page, id) => panel(page).locator(`[data-section="${id}"]`);
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

async function value(page, sectionId, id, nth = 0) {
  return Number(await section(page, sectionId).locator(`[data-id="${id}"] .sr-card-value`).nth(nth).getAttribute('data-value'));
}

/** Drops the fixtures, maps the inbox on the Files tab, opens the Analysis tab. */
async function loaded(page) {
  await page.goto(`${server.url}#tab=analysis`);
  await panel(page).locator('[data-empty]').waitFor();
  const files = FILES.map((name) => ({ name, base64: readFileSync(join(DIR, name)).toString('base64') }));
  await page.evaluate(async (files) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    }
  }, files);
  await page.locator('[data-panel="files"]').waitFor();
  const inbox = page.locator('article.sr-file[data-file="inbox_2026-03.csv"]');
  await inbox.locator('.sr-mapping').waitFor();
  await inbox.locator('button[data-action="apply-mapping"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-file="inbox_2026-03.csv"] [data-status]')?.dataset.status === 'ok');
  await page.locator('button[data-tab="analysis"]').click();
  await section(page, 'reputation-crisis').locator('[data-crisis="episodes"]').waitFor();
}

test('what the comments say, negative feedback and crisis flags, as the core computed them', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await loaded(page);
  const tone = section(page, 'reputation-tone');
  // Labelled an estimate, with the accuracy measured, and precision and recall per class.
  assert.match(plain(await tone.locator('[data-estimate]').innerText()), /^Estimations/);
  await tone.locator('[data-tone="measured"] summary').click();
  assert.equal(await tone.locator('[data-table="tone-measured"] tbody tr').count(), 6);
  assert.match(plain(await tone.locator('[data-table="tone-measured"] tbody tr').first().innerText()), /Français\s+négatif\s+100 %/);
  // 5 negative and 4 positive of 10 comments (tests/reputation.rs).
  assert.ok(close(await value(page, 'reputation-tone', 'negative_comment_share'), 0.5));
  assert.ok(close(await value(page, 'reputation-tone', 'positive_comment_share'), 0.4));
  assert.match(plain(await tone.locator('[data-id="negative_comment_share"] .sr-card-label').innerText()), /estimation/);
  assert.equal(await tone.locator('[data-table="tone-threads"] tbody tr').count(), 3);
  assert.match(plain(await tone.locator('[data-table="tone-threads"] tbody tr').first().innerText()), /Livraison toujours pas arrivée/);
  assert.match(plain(await tone.locator('[data-table="tone-words"] tbody tr').first().innerText()), /livraison\s+3\s+1/);
  // Comments and messages: 5 comments and 2 messages that week, 4 + 2 negative.
  assert.match(plain(await tone.locator('[data-table="tone-weeks"] tbody tr').nth(1).innerText()), /semaine du 16 mars 2026\s+7\s+6/);

  const feedback = section(page, 'reputation-feedback');
  assert.ok(close(await value(page, 'reputation-feedback', 'negative_feedback_rate'), 30 / 3500));
  assert.match(plain(await feedback.locator('[data-table="feedback-kinds"] tbody tr').first().innerText()), /Masquer la publication\s+16\s+53,33 %/);
  assert.equal(await feedback.locator('[data-table="feedback-posts"] tbody tr').count(), 2);

  const crisis = section(page, 'reputation-crisis');
  assert.match(plain(await crisis.locator('[data-crisis="rule"]').innerText()), /médiane \+ k × 1,4826 × MAD/);
  assert.equal(await crisis.locator('[data-series="negative_feedback.facebook"] rect.sr-flag').count(), 2);
  assert.equal(await crisis.locator('[data-series="unfollows.facebook"] rect.sr-flag').count(), 1);
  assert.equal(await crisis.locator('[data-series="mentions.facebook"]').getAttribute('data-flagged'), '0');
  const episodes = crisis.locator('article.sr-a-episode');
  assert.equal(await episodes.count(), 2);
  const second = episodes.nth(1);
  assert.equal(await second.getAttribute('data-episode'), '2026-03-16');
  assert.equal(await second.getAttribute('data-peak'), '2026-03-17');
  assert.match(plain(await second.locator('[data-episode="posts"]').innerText()), /Nouveaux horaires/);
  const during = Number(await second.locator('[data-episode="during"] [data-id="median_first_response_hours"] .sr-card-value').getAttribute('data-value'));
  const usual = Number(await second.locator('[data-episode="usual"] [data-id="median_first_response_hours"] .sr-card-value').getAttribute('data-value'));
  assert.deepEqual([during, usual], [4, 0.75]);
  assert.ok(close(Number(await second.locator('[data-episode="during"] [data-id="negative_comment_share"] .sr-card-value').getAttribute('data-value')), 6 / 7));
  await tone.screenshot({ path: join(artifacts, 'reputation-tone.png') });
  await feedback.screenshot({ path: join(artifacts, 'reputation-feedback.png') });
  await crisis.screenshot({ path: join(artifacts, 'reputation-crisis.png') });
  await shot(page, 'reputation', { fullPage: true });

  // k out of range: the core's message next to it, the defaults used meanwhile.
  await crisis.locator('input[data-key="crisis-k"]').fill('0.5');
  await crisis.locator('input[data-key="crisis-k"]').press('Enter');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="reputation-crisis"] [data-path="crisis_k"] .sr-a-msg')?.textContent.includes('1 à 10'));
  // A larger k: the threshold rises, the parameters say so.
  await section(page, 'reputation-crisis').locator('input[data-key="crisis-k"]').fill('6');
  await section(page, 'reputation-crisis').locator('input[data-key="crisis-k"]').press('Enter');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="reputation-crisis"] [data-crisis="parameters"]')?.textContent.startsWith('k = 6 '));
  await section(page, 'reputation-crisis').locator('select[data-key="crisis-window"]').selectOption('14');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="reputation-crisis"] [data-crisis="parameters"]')?.textContent.includes('14 jours'));

  // English: the same figures, the core's words.
  await page.locator('button[data-lang="en"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-section="reputation-tone"] [data-estimate]')?.textContent.startsWith('Estimates'));
  assert.match(plain(await section(page, 'reputation-tone').locator('h3').innerText()), /What the comments say/);
  assert.deepEqual(problems, []);
  await context.close();
});
