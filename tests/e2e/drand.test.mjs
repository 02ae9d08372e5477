// A draw seeded from a real published drand round in a real browser: the round's JSON pasted
// in the Contest tab's draw view, its BLS signature verified by the beacon module (fetched
// then, and only then: www/pkg/beacon/), the winners those of the command line's certificate
// (tests/fixtures/draw/drand-exportcomments-certificate.json, which
// crates/cli/tests/drand_cli.rs checks `social-roi draw --drand` still prints), the round shown in the certificate and
// re-checked in verify mode; a round with one byte changed refused with the module's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, root, server, shot, usePage } from './harness.mjs';

const DRAW = join(root, 'tests', 'fixtures', 'draw');
const COMMENTS = join(DRAW, 'exportcomments.csv');
const ROUND = readFileSync(join(DRAW, 'drand-quicknet-123.json'), 'utf8');
const NATIVE = JSON.parse(readFileSync(join(DRAW, 'drand-exportcomments-certificate.json'), 'utf8'));

usePage();

async function drop(page, path) {
  const file = { name: path.split('/').pop(), base64: readFileSync(path).toString('base64') };
  await page.evaluate(async (f) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    }
  }, file);
}

/** The rules of tests/fixtures/draw/rules.json, typed in the form. */
async function typeRules(page) {
  await page.locator('input[data-field="title"]').fill('Concours de l’été — Atelier Lumière');
  await page.locator('input[data-field="account"]').fill('@atelier.lumiere');
  await page.locator('input[data-rule="winners"]').fill('2');
  await page.locator('input[data-rule="alternates"]').fill('2');
  await page.locator('input[data-rule="min_mentions"]').fill('1');
  await page.locator('input[data-rule="keywords"]').fill('#concours');
  await page.locator('input[data-rule="from_date"]').fill('2026-06-01');
  await page.locator('input[data-rule="until_date"]').fill('2026-06-14');
  await page.locator('input[data-rule="until_time"]').fill('23:59');
  await page.locator('textarea[data-rule="exclude"]').fill('@marie.staff');
  await page.locator('button[data-action="add-bonus"]').click();
  await page.locator('input[data-rule="bonus[0].entrant"]').fill('@lea_b');
  await page.locator('input[data-rule="bonus[0].entries"]').fill('2');
}

const names = (page, list) => page.locator(`${list} .sr-who`).allTextContents();

test('a drand round pasted, verified by the beacon module, draws the native winners; one byte changed is refused', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  context.on('request', (r) => fetched.push(r.url()));
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await page.locator('button[data-tab="contest"]').click();
  await page.locator('[data-panel="contest"]').waitFor();
  await drop(page, COMMENTS);
  await page.locator('[data-section="entries"] article.sr-efile[data-file="exportcomments.csv"][data-state="done"]').waitFor();
  await page.locator('button[data-view="draw"]').click();
  await typeRules(page);
  await page.locator(`[data-section="prepared"] [data-fingerprint="${NATIVE.fingerprint}"]`).waitFor();
  assert.equal(fetched.some((u) => u.includes('/pkg/beacon/')), false, 'the beacon module is not fetched before a round is pasted');

  // A round with one byte of its signature changed (and no randomness to give it away): the
  // beacon module refuses it, under the field, and nothing is drawn.
  await page.locator('input[data-seed="kind"][value="drand"]').check();
  const field = page.locator('textarea[data-seed="round"]');
  assert.equal(await page.locator('input[data-seed="value"]').isVisible(), false);
  const changed = JSON.stringify({ round: 123, signature: JSON.parse(ROUND).signature.replace(/^b75c69d0/, 'b75c69d1') });
  await field.fill(changed);
  await page.locator('button[data-action="draw"]').click();
  await page.locator('textarea[data-seed="round"][aria-invalid="true"]').waitFor();
  const msg = plain(await field.locator('xpath=ancestor::label').locator('.sr-msg').textContent());
  assert.match(msg, /signature/);
  assert.match(msg, /(ne se vérifie pas|pas un point du groupe)/);
  assert.equal(await page.locator('.sr-cert').count(), 0);
  assert.ok(fetched.some((u) => u.includes('/pkg/beacon/beacon_bg.wasm')), 'the beacon module is fetched for a pasted round');
  await shot(page, 'drand-refused', { fullPage: true });

  // The round number changed: refused too.
  await field.fill(ROUND.replace('"round": 123', '"round": 124'));
  await page.locator('button[data-action="draw"]').click();
  await page.waitForFunction(() => {
    const el = document.querySelector('social-roi').shadowRoot?.querySelector('textarea[data-seed="round"]') || document.querySelector('textarea[data-seed="round"]');
    const m = el?.closest('label')?.querySelector('.sr-msg')?.textContent || '';
    return m.includes('tour 124');
  });

  // The real round: the native winners, the round in the certificate.
  await field.fill(ROUND);
  await shot(page, 'drand-draw-before', { fullPage: true });
  await page.locator('button[data-action="draw"]').click();
  await page.locator('.sr-cert').waitFor();
  const native = (list) => NATIVE.drawings[0][list].map((p) => p.entrant);
  assert.deepEqual(await names(page, '[data-drawing="1"] [data-picks="winners"]'), native('winners'));
  assert.deepEqual(await names(page, '[data-drawing="1"] [data-picks="alternates"]'), native('alternates'));
  const seed = plain(await page.locator('.sr-cert dd[data-seed="drand"]').textContent());
  assert.match(seed, /^fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc \(drand quicknet, tour 123\)$/);
  const round = plain(await page.locator('.sr-cert dd[data-drand-round="123"]').textContent());
  assert.match(round, /tour 123 de drand quicknet \(chaîne 52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971\), signature b75c69d0/);
  await shot(page, 'drand-certificate', { fullPage: true });

  // The certificate downloaded is the command line's, but for the moment it was drawn.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="download-certificate"]').click()]);
  const saved = join(artifacts, 'drand-certificate.json');
  await download.saveAs(saved);
  const cert = JSON.parse(readFileSync(saved, 'utf8'));
  assert.deepEqual(cert.drawings[0].seed, NATIVE.drawings[0].seed);
  assert.deepEqual({ ...cert, drawings: [{ ...cert.drawings[0], drawn_at: null }] }, { ...NATIVE, drawings: [{ ...NATIVE.drawings[0], drawn_at: null }] });

  // Verify mode: the round re-checked by the beacon module; a changed round refuted.
  await page.locator('button[data-view="verify"]').click();
  await page.locator('input[data-control="certificate"]').setInputFiles(saved);
  await page.locator('input[data-control="verify-entries-files"]').setInputFiles(COMMENTS);
  await page.locator('.sr-verdict[data-confirmed="true"]').waitFor();
  const check = page.locator('.sr-checks li[data-check="drawings[0].seed"]');
  assert.match(plain(await check.textContent()), /drand quicknet tour 123.*vérifiée par le module de balise/);
  const forged = join(artifacts, 'drand-certificate-forged.json');
  writeFileSync(forged, readFileSync(saved, 'utf8').replace('"round": 123', '"round": 124'));
  await page.locator('input[data-control="certificate"]').setInputFiles(forged);
  await page.locator('.sr-verdict[data-confirmed="false"]').waitFor();
  assert.equal(await page.locator('.sr-checks li[data-check="drawings[0].seed"]').getAttribute('data-ok'), 'false');
  await shot(page, 'drand-verify-refuted', { fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});
