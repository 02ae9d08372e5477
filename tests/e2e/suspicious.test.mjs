// Suspicious entrants in a real browser: the authored export of tests/fixtures/draw/
// (tests/suspicious.rs works out every flag by hand) dropped on the Contest tab; the draw view
// lists each kind with its count and reasons (said again in English when the page's language
// changes), excludes no one, and a kind ticked as a rule leaves its entrants out and changes
// the fingerprint (the rule is in the draw file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, root, server, usePage } from './harness.mjs';

const FILE = join(root, 'tests', 'fixtures', 'draw', 'suspicious_comments.csv');

usePage();

/** A fresh page with the comment export `file` dropped on the Contest tab, its draw view open. */
async function drawView(file) {
  const opened = await openPage(browser, server.url);
  const { page } = opened;
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await page.locator('button[data-tab="contest"]').click();
  await page.locator('input[data-control="entries-files"]').setInputFiles(file);
  await page.locator('[data-section="entries"] article.sr-efile[data-state="done"]').waitFor();
  await page.locator('button[data-view="draw"]').click();
  return opened;
}

test('suspicious entrants are flagged with their reasons, and left out only by a rule', async () => {
  const { context, page, problems } = await drawView(FILE);
  const prepared = page.locator('[data-section="prepared"]');
  const block = prepared.locator('.sr-suspicious');
  await block.waitFor();
  // 10 entrants flagged (3 same text, 5 burst, 5 tag farm, 2 spellings; the same five thrice).
  assert.equal(await block.getAttribute('data-suspicious'), '15');
  assert.match(plain(await block.locator('h4').textContent()), /^7 participants suspects/);
  const kinds = await block.locator('details[data-kind]').evaluateAll((els) => els.map((e) => [e.dataset.kind, e.dataset.count]));
  assert.deepEqual(kinds, [['same_text', '3'], ['new_handle_burst', '5'], ['tag_farm', '5'], ['several_spellings', '2']]);
  const counts = JSON.parse(await prepared.locator('[data-counts]').getAttribute('data-counts'));
  assert.equal(counts.excluded, 0);
  const fp = await prepared.locator('[data-fingerprint]').getAttribute('data-fingerprint');
  const farm = block.locator('details[data-kind="tag_farm"]');
  await farm.locator('summary').click();
  assert.match(plain(await farm.locator('li[data-entrant="jade84920571"]').textContent()), /identifie les mêmes personnes que .* : @gift\.hub, @win\.daily \(ligne 5\)/);
  await page.locator('[data-section="prepared"]').screenshot({ path: join(artifacts, 'suspicious.png') });

  // The page in English: the same flags, their reasons said again (not searched again).
  await page.locator('button[data-lang="en"]').click();
  const farmEn = block.locator('details[data-kind="tag_farm"]');
  await block.locator('h4', { hasText: /^7 suspicious entrants/ }).waitFor();
  const opened = async (d) => { if ((await d.getAttribute('open')) === null) await d.locator('summary').click(); };
  await opened(farmEn);
  assert.match(plain(await farmEn.locator('li[data-entrant="jade84920571"]').textContent()), /tags the same people as .*: @gift\.hub, @win\.daily \(line 5\)/);
  assert.equal(await block.getAttribute('data-suspicious'), '15');
  await page.locator('[data-section="prepared"]').screenshot({ path: join(artifacts, 'suspicious-en.png') });
  await page.locator('button[data-lang="fr"]').click();
  await block.locator('h4', { hasText: /^7 participants suspects/ }).waitFor();
  await opened(farm);

  // The organiser turns the tag farm rule on: five left out, a new fingerprint.
  await farm.locator('input[data-suspicion-rule="tag_farm"]').check();
  await page.waitForFunction(() => JSON.parse(document.querySelector('social-roi').shadowRoot.querySelector('[data-section="prepared"] [data-counts]')?.dataset.counts || '{}').excluded === 5);
  assert.notEqual(await prepared.locator('[data-fingerprint]').getAttribute('data-fingerprint'), fp);
  assert.equal(await prepared.locator('details[data-reason="suspicious"]').getAttribute('data-count'), '5');
  assert.equal(await block.locator('details[data-kind="tag_farm"]').getAttribute('data-excluded'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a kind with more flags than the preparation carries shows the rest a page at a time', async () => {
  // 250 people write the same six words, an hour apart: 250 `same_text` flags; the preparation
  // carries the first 200, "show more" fetches the other 50 from the core (`drawSuspicious`).
  const rows = ['Id,SubId,Name (click to view profile),Date,Likes,Comment,Link'];
  for (let i = 0; i < 250; i++) {
    const day = String(1 + Math.floor(i / 24)).padStart(2, '0');
    const hour = String(i % 24).padStart(2, '0');
    rows.push(`${i + 1},,Fan Numero ${i + 1},${day}.06.26 ${hour}:00:00,0,"Super concours, je participe avec plaisir",https://www.instagram.com/p/CONC/c/${i + 1}/`);
  }
  const file = join(tmpdir(), 'same_text_250_comments.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  const { context, page, problems } = await drawView(file);
  const block = page.locator('[data-section="prepared"] .sr-suspicious');
  await block.waitFor();
  assert.equal(await block.getAttribute('data-suspicious'), '250');
  assert.match(plain(await block.locator('h4').textContent()), /^250 participants suspects/);
  const same = block.locator('details[data-kind="same_text"]');
  assert.equal(await same.getAttribute('data-count'), '250');
  await same.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelectorAll('details[data-kind="same_text"] li[data-entrant]').length === 200);
  const more = same.locator('button[data-action="more-suspicious"]');
  assert.equal(plain(await more.textContent()), 'Afficher 50 de plus');
  await more.click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelectorAll('details[data-kind="same_text"] li[data-entrant]').length === 250);
  assert.equal(await more.isHidden(), true);
  const names = await same.locator('li[data-entrant]').evaluateAll((els) => els.map((e) => e.dataset.entrant));
  assert.equal(new Set(names).size, 250, 'every flag once');
  assert.deepEqual(problems, []);
  await context.close();
});
