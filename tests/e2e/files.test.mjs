// The Files tab in a real browser: several exports dropped at once (CSV, XLSX, ZIP) with a
// real drop event, the file picker, pasted text, the mapping step, removal, and a language
// switch; screenshots at desktop width and on a 360 px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browser, openPage, plain, root, server, shot, usePage } from './harness.mjs';

const FIXTURES = join(root, 'tests', 'fixtures', 'import');

usePage();

function fixture(path) {
  return { name: path.split('/').pop(), base64: readFileSync(join(FIXTURES, path)).toString('base64') };
}

/** Drags `files` over the element and drops them, as a person dragging from a folder. */
async function drop(page, files, { checkOverlay = false } = {}) {
  await page.evaluate(async ({ files, checkOverlay }) => {
    const el = document.querySelector('social-roi');
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    const fire = (type) => el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true }));
    fire('dragenter');
    fire('dragover');
    if (checkOverlay && el.shadowRoot.querySelector('.sr-drop').hidden) throw new Error('no drop overlay while dragging');
    fire('drop');
    if (!el.shadowRoot.querySelector('.sr-drop').hidden) throw new Error('the drop overlay stayed');
  }, { files, checkOverlay });
}

const card = (page, name) => page.locator(`article.sr-file[data-file="${name}"]`);

async function done(page, name) {
  await card(page, name).locator('.sr-badge[data-status]:not([data-status="reading"])').waitFor();
}

async function summaryCount(page, kind) {
  const chip = page.locator(`[data-summary="records"] [data-kind="${kind}"]`);
  if (await chip.count() === 0) return 0;
  return Number(await chip.getAttribute('data-count'));
}

test('drop a CSV, an XLSX and a ZIP at once: each is read and reported', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  // What the page and its worker fetch (context-wide, so the worker's requests count).
  const requested = [];
  context.on('request', (r) => requested.push(r.url()));
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  // Dropped on the ROI tab: the element switches to the Files tab.
  await drop(page, [
    fixture('x/account_analytics_content_2026-06-01_2026-08-29.csv'),
    fixture('linkedin/acme_followers_1714435200000.xlsx'),
    fixture('tiktok/Overview_2026-04-30_1777507200_boulangerie.zip'),
  ], { checkOverlay: true });
  await page.locator('[data-panel="files"]').waitFor();
  assert.equal(await page.locator('button[data-tab="files"]').getAttribute('aria-selected'), 'true');
  for (const name of ['account_analytics_content_2026-06-01_2026-08-29.csv', 'acme_followers_1714435200000.xlsx', 'Overview_2026-04-30_1777507200_boulangerie.zip']) {
    await done(page, name);
  }

  const csv = card(page, 'account_analytics_content_2026-06-01_2026-08-29.csv');
  assert.equal(await csv.locator('[data-status]').getAttribute('data-status'), 'ok');
  assert.equal(await csv.locator('[data-format]').getAttribute('data-format'), 'x-content');
  assert.equal(await csv.locator('.sr-counts').getAttribute('data-rows'), '3');
  assert.equal(await csv.locator('.sr-counts').getAttribute('data-imported'), '3');
  assert.match(plain(await csv.locator('.sr-counts').textContent()), /3 lignes lues · 3 importées \(3 publications\)/);
  assert.match(await csv.locator('.sr-table-title').textContent(), /X, publications \(export contenu\)/);
  // Columns read and ignored, behind a disclosure.
  const columns = csv.locator('details.sr-columns');
  assert.match(plain(await columns.locator('summary').textContent()), /Colonnes : 13 lues, 4 ignorées/);
  await columns.locator('summary').click();
  assert.equal(await columns.locator('tr[data-field="post.permalink"] td').first().textContent(), 'Link');
  assert.match(await columns.locator('.sr-ignored-list').textContent(), /Share · Detail Expands/);

  const xlsx = card(page, 'acme_followers_1714435200000.xlsx');
  assert.equal(await xlsx.locator('[data-format]').getAttribute('data-format'), 'linkedin-followers');
  assert.equal(await xlsx.locator('.sr-counts').getAttribute('data-imported'), '3');
  assert.match(await xlsx.locator('.sr-facts').last().textContent(), /en-tête ligne 2/);
  // The spreadsheet module was loaded beside the running core: no worker started again (the
  // CSV and the ZIP were read once), and it was fetched only for the workbook.
  const core = await page.evaluate(async () => {
    const c = await (await import(new URL('worker-client.js', location.href))).coreClient();
    return { restarts: c.restarts, bundle: c.bundle, mode: c.mode };
  });
  assert.deepEqual(core, { restarts: 0, bundle: 'sheets', mode: 'worker' });
  assert.ok(requested.some((u) => u.endsWith('/pkg/sheets/sheets_bg.wasm')), requested.join('\n'));
  assert.ok(!requested.some((u) => /social_roi_bg\.wasm/.test(u) && u.includes('/pkg/sheets/')));

  const zip = card(page, 'Overview_2026-04-30_1777507200_boulangerie.zip');
  assert.equal(await zip.locator('[data-format]').getAttribute('data-format'), 'tiktok-overview');
  assert.equal(await zip.locator('[data-status]').getAttribute('data-status'), 'warnings');
  assert.match(await zip.locator('.sr-table-title').textContent(), /Overview\.csv/);
  const notes = await zip.locator('[data-problems="warnings"] li').allTextContents();
  assert.equal(notes.length, 2);
  assert.match(plain(notes[1]), /3 dates sans année \(comme « April 28 »\) : chacune est placée dans les douze mois jusqu’au 2026-04-30, la date du nom du fichier/);

  // What the dataset now holds.
  assert.equal(await summaryCount(page, 'posts'), 3);
  assert.equal(await summaryCount(page, 'daily'), 6);
  assert.equal(await page.locator('[data-summary="networks"] [data-network="linkedin"]').getAttribute('data-count'), '3');
  await shot(page, 'files-desktop', { fullPage: true });

  // The language switch re-renders the reports without reading again.
  await page.locator('button[data-lang="en"]').click();
  await page.locator('h2', { hasText: 'Your exports' }).waitFor();
  assert.match(plain(await csv.locator('.sr-counts').textContent()), /3 rows read · 3 imported \(3 posts\)/);
  assert.equal(await page.locator('article.sr-file').count(), 3);
  const en = await zip.locator('[data-problems="warnings"] li').allTextContents();
  assert.match(en[1], /3 dates have no year \(such as "April 28"\)/);

  // Removing a file takes its records out.
  await xlsx.locator('button[data-action="remove-file"]').click();
  await page.waitForFunction(() => !document.querySelector('social-roi').shadowRoot.querySelector('[data-file="acme_followers_1714435200000.xlsx"]'));
  assert.equal(await summaryCount(page, 'daily'), 3);

  // Back to the ROI tab and again to Files: the workspace is kept.
  await page.locator('button[data-tab="roi"]').click();
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await page.locator('button[data-tab="files"]').click();
  await page.locator('article.sr-file').first().waitFor();
  assert.equal(await page.locator('article.sr-file').count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('errors point at the line and column; the picker, pasted text and the mapping step', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(`${server.url}#tab=files`);
  await page.locator('[data-panel="files"]').waitFor();

  // The picker, with a broken file.
  await page.locator('input[data-control="files"]').setInputFiles(join(FIXTURES, 'broken', 'Table data.csv'));
  await done(page, 'Table data.csv');
  const broken = card(page, 'Table data.csv');
  assert.equal(await broken.locator('[data-status]').getAttribute('data-status'), 'errors');
  const errors = broken.locator('[data-problems="errors"] li');
  assert.equal(await errors.count(), 3);
  assert.equal(await errors.first().getAttribute('data-line'), '4');
  assert.equal(await errors.first().getAttribute('data-column'), '4');
  assert.equal(plain(await errors.first().textContent()), 'Table data.csv, ligne 4, colonne 4 (« Views ») : un nombre attendu, trouvé « 1.2k »');
  assert.match(plain(await broken.locator('[data-reason="totals"]').textContent()), /1 × ligne de total/);

  // An unknown table: map its columns; the mapping is remembered for the next such file.
  const inbox = join(FIXTURES, 'generic', 'inbox_export.csv');
  await page.locator('input[data-control="files"]').setInputFiles(inbox);
  await done(page, 'inbox_export.csv');
  const unknown = card(page, 'inbox_export.csv');
  assert.equal(await unknown.locator('[data-status]').getAttribute('data-status'), 'needs_mapping');
  const selects = unknown.locator('.sr-mapping select');
  assert.equal(await selects.count(), 4);
  // The core's guesses are selected; the user sets the last column aside and imports.
  assert.equal(await selects.nth(0).inputValue(), 'message.received');
  assert.equal(await selects.nth(2).inputValue(), 'message.channel');
  await selects.nth(3).selectOption('');
  await shot(page, 'files-mapping');
  await unknown.locator('button[data-action="apply-mapping"]').click();
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-file="inbox_export.csv"] [data-status]')?.dataset.status === 'ok');
  assert.equal(await summaryCount(page, 'messages'), 3);

  // The same header again, pasted as text: mapped at once from memory.
  await page.locator('details.sr-paste summary').click();
  await page.locator('textarea[data-control="paste"]').fill(readFileSync(inbox, 'utf8'));
  await page.locator('button[data-action="paste"]').click();
  await done(page, 'texte-collé-1.csv');
  const pasted = card(page, 'texte-collé-1.csv');
  assert.equal(await pasted.locator('.sr-counts').getAttribute('data-imported'), '3');
  assert.match(await pasted.locator('.sr-mapping .sr-hint').textContent(), /reprise d’un fichier précédent/);
  // The same bytes twice: said so, and counted once.
  assert.equal(await pasted.locator('[data-status]').getAttribute('data-status'), 'warnings');
  assert.equal(await pasted.locator('[data-problems="warnings"] li').first().getAttribute('data-code'), 'duplicate_file');
  assert.equal(await summaryCount(page, 'messages'), 3);
  assert.match(plain(await page.locator('[data-summary="counted-once"]').textContent()), /3 messages figuraient dans plusieurs fichiers/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone width: the Files tab fits 360 px', async () => {
  const { context, page, problems } = await openPage(browser, server.url, { width: 360, height: 780 });
  await page.goto(`${server.url}#tab=files`);
  await page.locator('[data-panel="files"]').waitFor();
  await drop(page, [
    fixture('youtube/Content 2025-06-01_2025-06-28 Chaîne Martin.zip'),
    fixture('generic/inbox_export.csv'),
    fixture('broken/ragged_overview.csv'),
  ]);
  for (const name of ['Content 2025-06-01_2025-06-28 Chaîne Martin.zip', 'inbox_export.csv', 'ragged_overview.csv']) {
    await done(page, name);
  }
  const yt = card(page, 'Content 2025-06-01_2025-06-28 Chaîne Martin.zip');
  assert.equal(await yt.locator('.sr-table-block').count(), 3);
  assert.equal(await yt.locator('[data-format="youtube-table"] details[data-totals]').getAttribute('data-totals'), '4');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await shot(page, 'files-phone', { fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

/** An X tweet activity export of posts `from`…`to` (post n on day n of March), `imp(n)` impressions. */
function xExport(name, from, to, imp) {
  const header = '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes"';
  const rows = [];
  for (let n = from; n <= to; n += 1) {
    const id = `17700000000000000${String(n).padStart(2, '0')}`;
    const day = new Date(Date.UTC(2026, 2, n)).toISOString().slice(0, 10);
    const i = imp(n);
    const e = Math.floor(i / 10);
    rows.push(`"${id}","https://twitter.com/acme/status/${id}","Post ${n}","${day} 09:30 +0000","${i}.0","${e}.0","${e / i}","0","0","${e}"`);
  }
  return { name, base64: Buffer.from(`${header}\n${rows.join('\n')}\n`).toString('base64') };
}

test('overlapping exports: each post counted once, each file says with which, a removal brings the rest back', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await drop(page, [xExport('part-a.csv', 1, 25, (n) => 100 * n), xExport('part-b.csv', 10, 37, (n) => 100 * n + 7)]);
  await done(page, 'part-a.csv');
  await done(page, 'part-b.csv');
  assert.equal(await summaryCount(page, 'posts'), 37);
  const note = page.locator('[data-summary="counted-once"]');
  assert.match(plain(await note.textContent()), /16 publications figuraient dans plusieurs fichiers \(ou deux fois dans un\) : une seule fois dans les chiffres/);
  const said = async (name) => (await card(page, name).locator('[data-problems="warnings"] li').allTextContents()).map(plain).join('\n');
  assert.match(await said('part-b.csv'), /16 publications figurent aussi dans « part-a\.csv » : une seule fois dans les chiffres, avec les valeurs de ce tableau \(l’export le plus récent\)/);
  assert.match(await said('part-a.csv'), /avec celles de « part-b\.csv » \(l’export le plus récent\)/);
  await shot(page, 'files-overlap', { fullPage: true });
  await card(page, 'part-b.csv').locator('button[data-action="remove-file"]').click();
  await page.waitForFunction(() => !document.querySelector('social-roi').shadowRoot.querySelector('[data-file="part-b.csv"]'));
  await page.waitForFunction(() => !document.querySelector('social-roi').shadowRoot.querySelector('[data-summary="counted-once"]'));
  assert.equal(await summaryCount(page, 'posts'), 25);
  assert.deepEqual(problems, []);
  await context.close();
});
