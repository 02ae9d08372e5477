// The Contest tab in a real browser: a comment export dropped on the element, rules typed, the
// fingerprint before the seed, a draw with a typed public seed whose winners are the native
// command line's (tests/fixtures/draw/exportcomments-certificate.json, which tests/draw_cli.rs
// checks `social-roi draw` still prints), the certificate downloaded, printed to PDF, verified,
// then refuted by one changed comment; a generated seed, a redraw, the outcome with follower
// lists, a language switch; screenshots at desktop width and on a 360 px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, root, server, shot, usePage } from './harness.mjs';

const FIXTURES = join(root, 'tests', 'fixtures');
const COMMENTS = join(FIXTURES, 'draw', 'exportcomments.csv');
const NATIVE = JSON.parse(readFileSync(join(FIXTURES, 'draw', 'exportcomments-certificate.json'), 'utf8'));

/** The command line, when built (scripts/test.sh runs the native tests first). */
const BIN = [process.env.SOCIAL_ROI_BIN, join(root, 'target', 'debug', 'social-roi'), join(root, 'target', 'release', 'social-roi')]
  .find((p) => p && existsSync(p));

usePage();

/** Drags `paths` over the element and drops them, as a person dragging from a folder. */
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

async function openContest(page, url) {
  await page.goto(url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await page.locator('button[data-tab="contest"]').click();
  await page.locator('[data-panel="contest"]').waitFor();
}

const fileCard = (page, name) => page.locator(`[data-section="entries"] article.sr-efile[data-file="${name}"]`);
const names = (page, list) => page.locator(`${list} .sr-who`).allTextContents();

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

test('a comment export dropped, rules set, the native winners drawn; the certificate downloaded, verified, refuted', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await openContest(page, server.url);

  // Dropped anywhere on the element while the Contest tab shows: the contest panel reads it.
  await drop(page, [COMMENTS]);
  await page.locator('[data-section="entries"] article.sr-efile[data-file="exportcomments.csv"][data-state="done"]').waitFor();
  assert.equal(await page.locator('button[data-tab="contest"]').getAttribute('aria-selected'), 'true');
  const card = fileCard(page, 'exportcomments.csv');
  assert.match(plain(await card.textContent()), /Commentaires \(participations au concours\) · 17 participations lues · 1 ligne non importée/);
  assert.equal(plain(await card.locator('[data-problems="errors"] li').textContent()),
    'exportcomments.csv, ligne 20, colonne 3 (« Name (click to view profile) ») : le champ « Participant » est vide : la ligne n’est pas importée');

  await page.locator('button[data-view="draw"]').click();
  await typeRules(page);
  // A rule the core cannot read says so next to its field, and the draw waits.
  await page.locator('input[data-rule="winners"]').fill('deux');
  await page.locator('input[data-rule="winners"][aria-invalid="true"]').waitFor();
  assert.match(plain(await page.locator('[data-rule="winners"]').locator('xpath=ancestor::label').locator('.sr-msg').textContent()), /un nombre entier/);
  assert.equal(await page.locator('button[data-action="draw"]').isDisabled(), true);
  await page.locator('input[data-rule="winners"]').fill('2');

  // The fingerprint, before the seed: the native draw's.
  const fp = page.locator(`[data-section="prepared"] [data-fingerprint="${NATIVE.fingerprint}"]`);
  await fp.waitFor();
  assert.equal(await page.locator('[data-section="prepared"] [data-counts]').getAttribute('data-counts'), JSON.stringify(NATIVE.counts));
  // Every exclusion with its reason, counted by reason, the entries behind a disclosure.
  const groups = page.locator('[data-section="prepared"] details.sr-reason-group[data-reason]');
  assert.equal(await groups.count(), 9);
  const dup = page.locator('[data-section="prepared"] details[data-reason="duplicate_id"]');
  await dup.locator('summary').click();
  assert.equal(plain(await dup.locator('li').textContent()), 'ligne 18 · karim.b — le même identifiant de commentaire que la ligne 13');

  await page.locator('input[data-seed="value"]').fill(NATIVE.drawings[0].seed.value);
  await page.locator('input[data-seed="source"]').fill(NATIVE.drawings[0].seed.source);
  await shot(page, 'contest-draw-before', { fullPage: true });
  await page.locator('button[data-action="draw"]').click();
  await page.locator('.sr-cert').waitFor();
  const native = (list) => NATIVE.drawings[0][list].map((p) => p.entrant);
  assert.deepEqual(await names(page, '[data-drawing="1"] [data-picks="winners"]'), native('winners'));
  assert.deepEqual(await names(page, '[data-drawing="1"] [data-picks="alternates"]'), native('alternates'));
  assert.equal(await page.locator('.sr-cert').getAttribute('data-fingerprint'), NATIVE.fingerprint);
  await shot(page, 'contest-certificate-desktop', { fullPage: true });

  // The JSON download is the command line's certificate, but for the moment it was drawn.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="download-certificate"]').click()]);
  assert.match(download.suggestedFilename(), /^certificat-tirage-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = join(artifacts, 'contest-certificate.json');
  await download.saveAs(saved);
  const cert = JSON.parse(readFileSync(saved, 'utf8'));
  assert.match(cert.drawings[0].drawn_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  assert.deepEqual({ ...cert, drawings: [{ ...cert.drawings[0], drawn_at: null }] }, { ...NATIVE, drawings: [{ ...NATIVE.drawings[0], drawn_at: null }] });
  if (BIN) {
    // The command line, given the same file, rules, seed and moment: the same bytes.
    const native = execFileSync(BIN, ['draw', '--json', '--lang', 'fr', '--rules', join(FIXTURES, 'draw', 'rules.json'),
      '--seed', NATIVE.drawings[0].seed.value, '--seed-source', NATIVE.drawings[0].seed.source,
      '--title', NATIVE.title, '--at', cert.drawings[0].drawn_at, COMMENTS], { stdio: ['ignore', 'pipe', 'ignore'] });
    assert.equal(readFileSync(saved, 'utf8'), native.toString('utf8'));
  } else {
    console.log('# social-roi is not built: compared with the fixture tests/draw_cli.rs checks it prints');
  }

  // The printable certificate.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('[data-section="redraw"]').isVisible(), false);
  assert.equal(await page.locator('.sr-tabs').isVisible(), false);
  await page.pdf({ path: join(artifacts, 'contest-certificate.pdf'), format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '14mm', right: '14mm' } });
  await page.emulateMedia({ media: 'screen' });

  // Verify mode: the downloaded certificate and the comment export: confirmed.
  await page.locator('button[data-view="verify"]').click();
  await page.locator('input[data-control="certificate"]').setInputFiles(saved);
  await page.locator('input[data-control="verify-entries-files"]').setInputFiles(COMMENTS);
  const verdict = page.locator('.sr-verdict');
  await page.locator('.sr-verdict[data-confirmed="true"]').waitFor();
  assert.match(plain(await verdict.textContent()), /Confirmé.*confirmé : ces participations, règles et graines donnent exactement les gagnants certifiés/);
  assert.equal(await page.locator('.sr-checks li[data-ok="false"]').count(), 0);
  assert.deepEqual(await names(page, '[data-section="verdict"] [data-picks="winners"]'), native('winners'));

  // One entry changed in the comment file: refuted, saying what differs.
  const changed = join(artifacts, 'exportcomments-changed.csv');
  writeFileSync(changed, readFileSync(COMMENTS, 'utf8').replace(',hugo,', ',hugo2,'));
  await page.locator('[data-section="verify-entries"] button[data-action="remove-entry-file"]').click();
  await page.locator('input[data-control="verify-entries-files"]').setInputFiles({ name: 'exportcomments.csv', mimeType: 'text/csv', buffer: readFileSync(changed) });
  await page.locator('.sr-verdict[data-confirmed="false"]').waitFor();
  assert.match(plain(await verdict.textContent()), /Réfuté/);
  assert.deepEqual(await page.locator('.sr-checks li[data-ok="false"]').evaluateAll((els) => els.map((e) => e.dataset.check)), ['entries', 'fingerprint', 'drawings[0]']);
  assert.match(plain(await page.locator('.sr-checks li[data-check="fingerprint"]').textContent()),
    /seulement dans le certificat : hugo \(1 ticket\) ; seulement dans ces participations : hugo2 \(1 ticket\)$/);
  await shot(page, 'contest-verify-refuted', { fullPage: true });

  // A file that is no certificate says where and why.
  await page.locator('input[data-control="certificate"]').setInputFiles(COMMENTS);
  await page.locator('[data-error="certificate"]').waitFor();
  assert.match(plain(await page.locator('[data-error="certificate"]').textContent()), /^exportcomments\.csv, ligne 1, colonne 1 : .* un certificat de tirage est attendu/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a generated seed shown after the draw, a redraw kept in the history, the outcome, a language switch', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await openContest(page, server.url);
  await page.locator('input[data-control="entries-files"]').setInputFiles(COMMENTS);
  await page.locator('[data-section="entries"] article.sr-efile[data-file="exportcomments.csv"][data-state="done"]').waitFor();

  // The outcome: typed costs with a decimal comma, the comment file's counts, follower lists.
  await page.locator('input[data-field="account"]').fill('@atelier.lumiere');
  await page.locator('input[data-field="comments_shown"]').fill('25');
  await page.locator('input[data-field="prize_value"]').fill('250');
  await page.locator('input[data-field="hours"]').fill('3,5');
  await page.locator('input[data-field="hourly_rate"]').fill('40');
  await page.locator('input[data-control="list-before"]').setInputFiles(join(FIXTURES, 'contest', 'before.txt'));
  // A follower list dropped on the element: the page asks which moment it is.
  await drop(page, [join(FIXTURES, 'contest', 'followers_1.json')]);
  await page.locator('[data-pending="followers_1.json"] button[data-place="at_close"]').click();
  await page.locator('input[data-control="list-later.0"]').setInputFiles(join(FIXTURES, 'contest', 'week.txt'));
  for (const slot of ['before', 'at_close', 'later.0']) await page.locator(`[data-slot="${slot}"] [data-handles]`).waitFor();
  const value = (id) => page.locator(`[data-id="${id}"] .sr-card-value`);
  // 250 + 3.5 h × 40 = 390 over 15 entries (17, less the organiser's reply and a duplicate).
  await page.waitForFunction(() => {
    const v = document.querySelector('social-roi').shadowRoot.querySelector('[data-id="cost_per_entry"] .sr-card-value');
    return v && Number(v.dataset.value) === 26;
  });
  assert.equal(plain(await value('cost_per_entry').textContent()), '26,00 €');
  assert.equal(await value('new_followers').getAttribute('data-value'), '4');
  assert.match(await page.locator('[data-id="new_followers"] .sr-formula').textContent(), /nouveaux abonnés = personnes de la liste à la clôture absentes de la liste d’avant/);
  assert.equal(await page.locator('[data-id="kept_7d"] .sr-card-value').getAttribute('data-value'), '2');
  assert.match(plain(await page.locator('[data-warning="comments_missing"]').textContent()), /le fichier contient 16 commentaires mais la publication en affiche 25/);
  await page.locator('input[data-field="hours"]').fill('trois');
  await page.locator('input[data-field="hours"][aria-invalid="true"]').waitFor();
  await page.locator('input[data-field="hours"]').fill('3,5');
  await shot(page, 'contest-outcome-desktop', { fullPage: true });

  // A seed generated in the browser, shown after the draw.
  await page.locator('button[data-view="draw"]').click();
  await page.locator('input[data-rule="alternates"]').fill('2');
  await page.locator('input[data-seed="kind"][value="generated"]').check();
  assert.equal(await page.locator('input[data-seed="value"]').isVisible(), false);
  await page.locator('button[data-action="draw"]:not([disabled])').click();
  await page.locator('.sr-cert').waitFor();
  const seed = plain(await page.locator('.sr-cert dd[data-seed="generated"]').textContent());
  assert.match(seed, /^[0-9a-f]{64}$/);
  assert.match(plain(await page.locator('[data-drawing="1"] .sr-facts').first().textContent()), new RegExp(`Graine générée dans le navigateur : ${seed}`));
  const first = await names(page, '[data-drawing="1"] [data-picks="winners"]');
  const alternates = await names(page, '[data-drawing="1"] [data-picks="alternates"]');
  assert.equal(first.length, 1);
  assert.equal(alternates.length, 2);

  // A redraw: the winner disqualified with a reason; drawing 1 stays, drawing 2 is added.
  await page.locator('button[data-action="redraw"]').click();
  await page.locator('input[data-redraw="reason"][aria-invalid="true"]').waitFor();
  await page.locator('input[data-redraw="reason"]').fill('pas de réponse sous 72 heures');
  await page.locator('button[data-action="redraw"]').click();
  await page.locator('[data-drawing="2"]').waitFor();
  assert.deepEqual(await names(page, '[data-drawing="1"] [data-picks="winners"]'), first);
  assert.deepEqual(await names(page, '[data-drawing="2"] [data-picks="winners"]'), [alternates[0]]);
  assert.match(plain(await page.locator('[data-drawing="2"] [data-reason]').textContent()), new RegExp(`Après disqualification de ${first[0].replace('.', '\\.')} : pas de réponse sous 72 heures`));
  await shot(page, 'contest-redraw-history', { fullPage: true });

  // Another tab and back: everything is where it was.
  await page.locator('button[data-tab="roi"]').click();
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await page.locator('button[data-tab="contest"]').click();
  await page.locator('[data-drawing="2"]').waitFor();

  // The language switch keeps the files, the draw and what was typed.
  await page.locator('button[data-lang="en"]').click();
  await page.locator('button[data-tab="contest"][aria-selected="true"]').waitFor();
  await page.locator('[data-drawing="2"]').waitFor();
  assert.match(await page.locator('.sr-cert h3').textContent(), /Winner draw certificate/);
  assert.equal(await page.locator('[data-section="entries"] article.sr-efile').count(), 1);
  await page.locator('button[data-view="outcome"]').click();
  assert.equal(await page.locator('input[data-field="hours"]').inputValue(), '3.5');
  assert.equal(await value('cost_per_entry').getAttribute('data-value'), '26');
  assert.equal(plain(await value('cost_per_entry').textContent()), '€26.00');
  assert.equal(await page.locator('[data-slot="at_close"] [data-handles]').getAttribute('data-handles'), '6');
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone width: the Contest tab fits 360 px', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { width: 360, height: 780 });
  await page.goto(`${server.url}#tab=contest`);
  await page.locator('[data-panel="contest"]').waitFor();
  await drop(page, [COMMENTS]);
  await page.locator('[data-section="entries"] article.sr-efile[data-file="exportcomments.csv"][data-state="done"]').waitFor();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await overflow() <= 0, 'outcome: the page scrolls sideways');
  await shot(page, 'contest-outcome-phone', { fullPage: true });
  await page.locator('button[data-view="draw"]').click();
  await typeRules(page);
  await page.locator(`[data-fingerprint="${NATIVE.fingerprint}"]`).waitFor();
  await page.locator('input[data-seed="value"]').fill(NATIVE.drawings[0].seed.value);
  await page.locator('button[data-action="draw"]').click();
  await page.locator('.sr-cert').waitFor();
  assert.ok(await overflow() <= 0, 'certificate: the page scrolls sideways');
  await shot(page, 'contest-certificate-phone', { fullPage: true });
  await page.locator('button[data-action="verify-this"]').click();
  await page.locator('.sr-verdict[data-confirmed="true"]').waitFor();
  assert.ok(await overflow() <= 0, 'verify: the page scrolls sideways');
  await shot(page, 'contest-verify-phone', { fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a certificate and a JSON list dropped together go to the verify view; a table we do not know is mapped', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  // A comment export read in the Files tab is not the contest's: the Contest tab says so.
  await page.goto(`${server.url}#tab=files`);
  await page.locator('input[data-control="files"]').setInputFiles(COMMENTS);
  await page.locator('article.sr-file[data-file="exportcomments.csv"] [data-status="errors"]').waitFor();
  await page.locator('button[data-tab="contest"]').click();
  assert.match(plain(await page.locator('[data-hint="files-tab"]').textContent()), /L’onglet Fichiers contient des commentaires \(exportcomments\.csv\) : le concours ne compte que les fichiers déposés ici/);
  // tests/fixtures/draw/certificate.json was drawn from entries.json (the JSON list of entries).
  await drop(page, [join(FIXTURES, 'draw', 'certificate.json'), join(FIXTURES, 'draw', 'entries.json')]);
  await page.locator('.sr-verdict[data-confirmed="true"]').waitFor();
  assert.equal(await page.locator('button[data-view="verify"]').getAttribute('aria-pressed'), 'true');
  assert.match(plain(await page.locator('[data-section="verify-entries"] [data-entries]').textContent()), /liste de participations \(JSON\) · 18 participations lues/);
  // A comment export beside a JSON list: refused, saying why; nothing else is lost.
  await page.locator('input[data-control="verify-entries-files"]').setInputFiles(COMMENTS);
  assert.match(plain(await page.locator('[data-section="verify-entries"] [data-error="file"]').textContent()), /entries\.json est une liste de participations en JSON/);
  await page.locator('.sr-verdict[data-confirmed="true"]').waitFor();

  // A table with columns we do not know: the page asks which holds what, with its guesses.
  await page.locator('button[data-view="draw"]').click();
  await page.locator('input[data-control="entries-files"]').setInputFiles({ name: 'tirage.csv', mimeType: 'text/csv', buffer: Buffer.from('Pseudo;Message\n@ann;#concours @bob\nbob;#concours @ann\nchloé;bonjour\n') });
  const mapping = page.locator('[data-section="entries"] [data-mapping]');
  await mapping.waitFor();
  assert.equal(await mapping.locator('select').nth(0).inputValue(), 'entry.author');
  assert.equal(await mapping.locator('select').nth(1).inputValue(), 'entry.text');
  await mapping.locator('button[data-action="apply-mapping"]').click();
  await page.locator('[data-section="entries"] [data-entries="3"]').waitFor();
  // The draw is prepared again once the columns are mapped: three people.
  await page.locator('[data-section="prepared"] [data-counts*=\'"people":3,\']').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
