// The element embedded as a blogger would: in a blog page with hostile CSS (`* { all: revert }`,
// a 30 px Georgia body, a 10 px root size), the script loaded twice with two elements, at 1280
// and 360 px; every attribute changed after load on every tab; `tabs="roi"`; the embed panel's
// snippet pasted into a blank page and working there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts, browser, openPage, plain, server, shot, usePage } from './harness.mjs';

usePage();

const HOSTILE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mon blog</title>
<style>
* { all: revert; }
html { font-size: 10px; }
body { font: 30px/2 Georgia, serif; color: #402020; background: #fdf6e3; text-align: justify; letter-spacing: 1px; text-transform: uppercase; word-spacing: 6px; margin: 0 auto; padding: 0 8px; }
social-roi { margin: 24px 0; }
</style>
<script type="module" src="./social-roi.js"></script>
<script type="module" src="./social-roi.js?again"></script>
</head><body><article>
<h1>Combien rapportent mes réseaux ?</h1>
<p>Un article de blog, avec son style à lui.</p>
<social-roi id="one" tabs="roi" heading-level="2"><p>Le calculateur a besoin de JavaScript.</p></social-roi>
<p>Et le même, en anglais, en dollars :</p>
<social-roi id="two" lang="en" currency="USD" heading-level="2"></social-roi>
</article></body></html>`;

/** Serves `html` as `name` beside the page's files (same origin, so the CSP-free blog loads them). */
async function serve(page, name, html) {
  await page.route(`${server.url}${name}`, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
}

const inside = (page, id, fn, arg) => page.evaluate(([id, fn, arg]) => {
  const root = document.getElementById(id).shadowRoot;
  // eslint-disable-next-line no-new-func
  return new Function('root', 'arg', fn)(root, arg);
}, [id, fn.toString().replace(/^[^{]*\{|\}$/g, ''), arg]);

test('a blog with hostile CSS, the script twice, two elements: each lays out by its own width', async () => {
  for (const width of [1280, 360]) {
    const { context, page, problems } = await openPage(browser, server.url, { width, height: 900 });
    await serve(page, 'blog.html', HOSTILE);
    await page.goto(`${server.url}blog.html`);
    await page.locator('#one [data-id="roi"] .sr-card-value').waitFor();
    await page.locator('#two [data-id="roi"] .sr-card-value').waitFor();
    const host = await page.evaluate(() => {
      const el = document.getElementById('one');
      const cs = getComputedStyle(el);
      const app = getComputedStyle(el.shadowRoot.querySelector('.sr-app'));
      return { display: cs.display, container: cs.containerType, font: app.fontFamily, size: app.fontSize, transform: app.textTransform, spacing: app.letterSpacing, align: app.textAlign };
    });
    assert.deepEqual({ ...host, font: host.font.split(',')[0] }, { display: 'block', container: 'inline-size', font: 'system-ui', size: '15px', transform: 'none', spacing: 'normal', align: 'start' });
    // A 10 px root size changes nothing: the cards' labels keep their size.
    assert.equal(await inside(page, 'one', () => { return getComputedStyle(root.querySelector('.sr-cards .sr-card-label')).fontSize; }), '13.6px');
    // Two columns from 980 px of its own width, one below.
    const columns = await inside(page, 'one', () => { return getComputedStyle(root.querySelector('.sr-roi')).gridTemplateColumns.split(' ').length; });
    assert.equal(columns, width > 1000 ? 2 : 1, `${width} px`);
    // tabs="roi": no tab bar; the other element has its five tabs, in English, in dollars.
    assert.equal(await page.locator('#one [role="tablist"]').count(), 0);
    assert.equal(await page.locator('#two [role="tab"]').count(), 5);
    assert.equal(plain(await page.locator('#one [data-id="roi"] .sr-card-value').textContent()), '51,02 %');
    assert.equal(plain(await page.locator('#two [data-id="total_cost"] .sr-card-value').textContent()), '$3,099.00');
    // Nothing of ours is wider than the page, and nothing inside scrolls sideways.
    for (const id of ['one', 'two']) {
      const box = await page.evaluate((id) => {
        const el = document.getElementById(id);
        const app = el.shadowRoot.querySelector('.sr-app');
        return { right: el.getBoundingClientRect().right, inner: innerWidth, scroll: app.scrollWidth, client: app.clientWidth };
      }, id);
      assert.ok(box.right <= box.inner && box.scroll <= box.client, `${width} px, #${id}: ${JSON.stringify(box)}`);
    }
    await shot(page, `embed-hostile-${width}`);
    await page.locator('#one').screenshot({ path: join(artifacts, `embed-hostile-${width}-one.png`) });
    await page.evaluate(() => document.getElementById('two').scrollIntoView());
    await shot(page, `embed-hostile-${width}-two`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('every attribute changes the element after load, on every tab; inputs and tabs', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  const total = page.locator('[data-id="total_cost"] .sr-card-value');
  await total.waitFor();
  const set = (name, value) => page.evaluate(([n, v]) => {
    const el = document.querySelector('social-roi');
    if (v === null) el.removeAttribute(n); else el.setAttribute(n, v);
  }, [name, value]);

  // currency, on the ROI tab: no error, the figures and the header's list follow.
  await set('currency', 'USD');
  await page.waitForFunction(() => /\$/.test(document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value').textContent));
  assert.equal(plain(await total.textContent()), '3 099,00 $US');
  assert.equal(await page.locator('select[data-control="currency"]').inputValue(), 'USD');
  // …and on the Contest tab, whose cost fields are in the new currency at once.
  await page.locator('button[data-tab="contest"]').click();
  await page.locator('[data-panel="contest"]').waitFor();
  await set('currency', 'GBP');
  await page.waitForFunction(() => /£/.test(document.querySelector('social-roi').shadowRoot.querySelector('[data-panel="contest"] .sr-unit')?.textContent || ''));
  assert.equal(await page.locator('select[data-control="currency"]').inputValue(), 'GBP');
  // lang, on the Contest tab.
  await set('lang', 'en');
  await page.locator('button[data-tab="contest"][aria-selected="true"]', { hasText: 'Contest' }).waitFor();
  // heading-level and theme.
  await set('heading-level', '3');
  await page.locator('h3.sr-title').waitFor();
  assert.equal(await page.locator('button[data-tab="contest"]').getAttribute('aria-selected'), 'true');
  await set('theme', 'dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('social-roi')).colorScheme), 'dark');
  // sync-url off: the address no longer follows; back on, it does again.
  await page.locator('button[data-tab="roi"]').click();
  await total.waitFor();
  await set('sync-url', null);
  const before = await page.evaluate(() => location.hash);
  await page.locator('input[data-field="costs[0].hours"]').fill('80');
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value')?.dataset.value === '3799');
  assert.equal(await page.evaluate(() => location.hash), before);
  await set('sync-url', '');
  await page.waitForFunction((b) => location.hash !== b, before);
  // inputs: only what differs from the example; the rest is the example's.
  await set('inputs', JSON.stringify({ costs: [{ kind: 'ads', label: 'Pub', amount: 1000 }] }));
  await page.waitForFunction(() => document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value')?.dataset.value === '1000');
  assert.equal(Number(await page.locator('[data-id="roi"] .sr-card-value').getAttribute('data-value')), (4680 - 1000) / 1000);
  await set('inputs', '{not json');
  await page.locator('.sr-notice.sr-warn', { hasText: 'inputs attribute could not be read' }).waitFor();
  // tabs: a giveaway page shows the Contest tab alone, without a tab bar.
  await set('tabs', 'contest');
  await page.locator('[data-panel="contest"]').waitFor();
  assert.equal(await page.locator('[role="tablist"]').count(), 0);
  await set('tabs', 'roi analysis');
  assert.deepEqual(await page.locator('[role="tab"]').evaluateAll((els) => els.map((e) => e.dataset.tab)), ['roi', 'analysis']);
  await total.waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed panel: its snippet pasted into a blank page works there; the iframe variant too', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  await page.locator('input[data-field="costs[0].hours"]').fill('80');
  await page.locator('select[data-control="currency"]').selectOption('CHF');
  await page.locator('[data-panel="embed"] > summary').click();
  await page.locator('select[data-embed="theme"]').selectOption('dark');
  for (const id of ['files', 'analysis', 'contest', 'report']) await page.locator(`input[data-embed-tab="${id}"]`).uncheck();
  await page.locator('input[data-embed="inputs"]').check();
  await page.waitForFunction(() => /inputs='/.test(document.querySelector('social-roi').shadowRoot.querySelector('textarea[data-snippet="script"]').value));
  const script = await page.locator('textarea[data-snippet="script"]').inputValue();
  const here = page.url();
  assert.match(script, new RegExp(`^<script type="module" src="${server.url}social-roi.js"></script>\n<social-roi lang="fr" currency="CHF" theme="dark" tabs="roi" inputs='\\{"decimal_mark":"comma","costs":\\[\\{"kind":"time","label":"Community manager","hours":"80",`));
  await page.locator('button[data-action="copy-script"]').click();
  await page.locator('.sr-embed-box [role="status"]', { hasText: 'Copié' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await shot(page, 'embed-panel', { fullPage: true });

  // Pasted into a blank page of the same site: the same figures, dark, the calculator alone.
  await serve(page, 'pasted.html', `<!doctype html><meta charset="utf-8"><title>pasted</title><body>${script}</body>`);
  await page.goto(`${server.url}pasted.html`);
  await page.locator('[data-id="total_cost"] .sr-card-value').waitFor();
  assert.equal(await page.locator('[data-id="total_cost"] .sr-card-value').getAttribute('data-value'), '3799');
  assert.match(plain(await page.locator('[data-id="total_cost"] .sr-card-value').textContent()), /CHF/);
  assert.equal(await page.locator('[role="tablist"]').count(), 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('social-roi')).colorScheme), 'dark');

  // The iframe variant: the hosted page, told the same by its address.
  await page.goto(here);
  await page.locator('[data-panel="embed"] > summary').click();
  await page.locator('input[data-embed="inputs"]').check();
  await page.waitForFunction(() => /&amp;z=/.test(document.querySelector('social-roi').shadowRoot.querySelector('textarea[data-snippet="iframe"]').value));
  const iframe = await page.locator('textarea[data-snippet="iframe"]').inputValue();
  assert.match(iframe, /^<iframe src="[^"]+index\.html#lang=fr&amp;currency=CHF&amp;z=[\w-]+" title="Calculateur de ROI des réseaux sociaux"/);
  await serve(page, 'framed.html', `<!doctype html><meta charset="utf-8"><title>framed</title><body>${iframe}</body>`);
  await page.goto(`${server.url}framed.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-id="total_cost"] .sr-card-value').waitFor();
  assert.equal(await frame.locator('[data-id="total_cost"] .sr-card-value').getAttribute('data-value'), '3799');
  assert.deepEqual(problems, []);
  await context.close();
});

test('share links: the new one is short and opens in another browser; an old #roi= link still opens', async () => {
  const { context, page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await page.locator('[data-id="roi"] .sr-card-value').waitFor();
  const whole = await page.evaluate(() => document.querySelector('social-roi').input);
  await page.locator('input[data-field="costs[0].hours"]').fill('80');
  await page.waitForFunction(() => /#z=/.test(location.hash) && document.querySelector('social-roi').shadowRoot.querySelector('[data-id="total_cost"] .sr-card-value')?.dataset.value === '3799');
  await page.waitForFunction(() => location.hash.length > 3);
  const link = page.url();
  const hash = new URL(link).hash;
  // The old form of the same inputs: the whole JSON in base64url.
  const old = `#roi=${Buffer.from(JSON.stringify({ ...whole, costs: [{ ...whole.costs[0], hours: '80' }, ...whole.costs.slice(1)] })).toString('base64url')}`;
  console.log(`# share link: ${hash.length} characters (the old form: ${old.length})`);
  assert.ok(hash.length * 4 < old.length, `${hash.length} against ${old.length}`);
  for (const [name, url] of [['new', link], ['old', `${server.url}${old}`], ['new, on the Files tab', `${server.url}#tab=files&${hash.slice(1)}`]]) {
    const other = await openPage(browser, server.url, { locale: 'en-US' });
    await other.page.goto(url);
    if (name.includes('Files')) {
      await other.page.locator('[data-panel="files"]').waitFor();
      await other.page.locator('button[data-tab="roi"]').click();
    }
    await other.page.locator('[data-id="total_cost"] .sr-card-value').waitFor();
    assert.equal(await other.page.locator('[data-id="total_cost"] .sr-card-value').getAttribute('data-value'), '3799', name);
    assert.equal(plain(await other.page.locator('[data-id="total_cost"] .sr-card-value').textContent()), '€3,799.00', name);
    assert.equal(await other.page.locator('.sr-notice.sr-warn').count(), 0, name);
    // Once open, the address holds the short form.
    await other.page.waitForFunction(() => /(^#|&)z=/.test(location.hash));
    assert.deepEqual(other.problems, [], name);
    await other.context.close();
  }
  // A link that cannot be read: the example, and a notice saying so.
  await page.goto(`${server.url}#z=bm90IGRlZmxhdGU`);
  await page.reload();
  await page.locator('.sr-notice.sr-warn', { hasText: 'n’ont pas pu être lues' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
