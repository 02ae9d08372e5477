// The RFC 3797 scheme in a real browser: the suspicious export of tests/fixtures/draw/ dropped
// on the Contest tab, the tag-farm rule turned on, the RFC 3797 method chosen (a new
// fingerprint: the method is a rule), the RFC's example sources typed, the draw. The
// certificate shows the key string and the selection table (its first MD5 is the RFC's own),
// and its rules summary names the method and the suspicion rule, in French and in English;
// Verify confirms it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, root, server, usePage } from './harness.mjs';

const FILE = join(root, 'tests', 'fixtures', 'draw', 'suspicious_comments.csv');
const SOURCES = '9319 / 2 5 12 8 10 / 9 18 26 34 41 45';

usePage();

/** The fingerprint shown before the draw, once it differs from `old`. */
async function fingerprintAfter(page, old) {
  await page.waitForFunction((fp) => {
    const el = document.querySelector('social-roi').shadowRoot.querySelector('[data-section="prepared"] [data-fingerprint]');
    return el && el.dataset.fingerprint !== fp;
  }, old);
  return page.locator('[data-section="prepared"] [data-fingerprint]').getAttribute('data-fingerprint');
}

test('an RFC 3797 draw: the method as a rule, the sources, the key and selections in the certificate', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await page.locator('button[data-tab="contest"]').click();
  await page.locator('input[data-control="entries-files"]').setInputFiles(FILE);
  await page.locator('[data-section="entries"] article.sr-efile[data-state="done"]').waitFor();
  await page.locator('button[data-view="draw"]').click();
  await page.locator('[data-section="prepared"] [data-fingerprint]').waitFor();
  const fp0 = await page.locator('[data-section="prepared"] [data-fingerprint]').getAttribute('data-fingerprint');
  const farm = page.locator('[data-section="prepared"] details[data-kind="tag_farm"]');
  await farm.locator('summary').click();
  await farm.locator('input[data-suspicion-rule="tag_farm"]').check();
  const fp1 = await fingerprintAfter(page, fp0);

  // The method: a rule in the advanced rules; the seed section becomes the sources.
  const seedBox = page.locator('[data-section="seed"]');
  assert.equal(plain(await seedBox.locator('h3').textContent()), 'Graine du tirage');
  await page.locator('[data-section="rules"] details summary').click();
  await page.locator('input[data-rule="scheme"][value="rfc3797"]').check();
  const fp2 = await fingerprintAfter(page, fp1);
  assert.notEqual(fp2, fp1);
  assert.equal(plain(await seedBox.locator('h3').textContent()), 'Sources publiques (RFC 3797)');
  assert.ok(await seedBox.locator('[role="radiogroup"]').isHidden(), 'no generated seed under RFC 3797');
  // Sources that are not numbers: the message next to the field.
  await seedBox.locator('input[data-seed="value"]').fill('9319 / deux');
  await page.locator('button[data-action="draw"]').click();
  await seedBox.locator('.sr-msg', { hasText: 'n’est pas un nombre' }).waitFor();
  await seedBox.locator('input[data-seed="value"]').fill(SOURCES);
  await seedBox.locator('input[data-seed="source"]').fill('RFC 3797, section 6');
  await page.locator('button[data-action="draw"]').click();

  const cert = page.locator('.sr-cert');
  await cert.waitFor();
  assert.equal(await cert.getAttribute('data-fingerprint'), fp2);
  assert.equal(await cert.locator('[data-rfc-key]').textContent(), '9319./2.5.8.10.12./9.18.26.34.41.45./');
  const first = cert.locator('tr[data-selection="0"] td');
  assert.equal(await first.nth(1).textContent(), '990dd0a5692a029a98b5e01aa28f3459');
  const rows = await cert.locator('tr[data-selection]').count();
  const picked = await cert.locator('[data-picks] li').count();
  assert.equal(rows, picked, 'one selection per winner and alternate, no one disqualified');
  const rules = (await cert.locator('[data-rules] li').allTextContents()).map(plain);
  assert.ok(rules.includes('Participants suspects écartés : Des comptes qui identifient les mêmes personnes'), rules.join(' | '));
  assert.ok(rules.includes('Méthode IETF RFC 3797 (pour qui doit la suivre)'), rules.join(' | '));
  await cert.screenshot({ path: join(artifacts, 'rfc3797-certificate.png') });

  // English: the same certificate, its rules in English.
  await page.locator('button[data-lang="en"]').click();
  await page.locator('.sr-cert [data-rules]').waitFor();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('.sr-cert [data-rules]')?.textContent.includes('Suspicious entrants left out'));
  const en = (await page.locator('.sr-cert [data-rules] li').allTextContents()).map(plain);
  assert.ok(en.includes('Suspicious entrants left out: Accounts tagging the same people'), en.join(' | '));
  assert.ok(en.includes('IETF RFC 3797 method (for those who must follow it)'), en.join(' | '));
  assert.match(plain(await page.locator('.sr-cert caption').textContent()), /^Selections: MD5 of the index/);

  // Verify: confirmed.
  await page.locator('button[data-action="verify-this"]').click();
  await page.locator('.sr-verdict[data-confirmed="true"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
