// Shared by the end-to-end tests: serves www/ with the project's own server, launches Debian's
// Chromium through playwright-core (`usePage` does both for a test file), and records what a page must never do (errors in the
// console, requests that leave the local server).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const artifacts = join(here, 'artifacts');
mkdirSync(artifacts, { recursive: true });

/** Starts `serve DIR 0` (www/ by default) and resolves to `{ url, stop }`. */
export function startServer(dir = join(root, 'www')) {
  const bin = process.env.SERVE_BIN || join(root, 'target', 'release', 'examples', 'serve');
  const child = spawn(bin, [dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/\S+\/)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
  });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The server of www/ and the browser of a test file, once `usePage()` has started them. */
export let server = null;
export let browser = null;

/**
 * Starts the server of www/ and Chromium before the file's tests and stops them after: a test
 * file calls it once, then reads `server.url` and `browser`.
 */
export function usePage() {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
}

/**
 * A new context and page that record console errors, page errors and any request that does
 * not go to `base`.
 */
export async function openPage(browser, base, { locale = 'fr-FR', width = 1280, height = 900, timezoneId, acceptDownloads } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height }, timezoneId, acceptDownloads });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request outside the page: ${u}`);
  });
  return { context, page, problems };
}

/** Collapses the spaces Intl puts in numbers (no-break, narrow no-break) to plain ones. */
export function plain(text) {
  return (text || '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

export function shot(page, name, options = {}) {
  return page.screenshot({ path: join(artifacts, `${name}.png`), ...options });
}

const AXE = join(root, 'tests', 'e2e', 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core (from npm) in `page` and resolves to its violations as `{ id, impact, nodes,
 * help }`. axe is served as a same-origin file (the page's Content-Security-Policy refuses an
 * inline script): a route on `base` answers `__axe.js` with it.
 */
export async function axe(page, base) {
  const url = `${base}__axe.js`;
  if (!page.__axeRouted) {
    await page.route(url, (route) => route.fulfill({ path: AXE, contentType: 'text/javascript' }));
    page.__axeRouted = true;
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((x) => ({ id: x.id, impact: x.impact, help: x.help, nodes: x.nodes.map((n) => `${n.target.join(' > ')}: ${n.failureSummary.split('\n').slice(1, 2).join('')}`) }));
  });
}

/** The violations of `axe` that count (critical, serious, moderate), each said in one line. */
export function blocking(violations) {
  return violations.filter((x) => x.impact !== 'minor').map((x) => `${x.impact} ${x.id} (${x.help}): ${x.nodes.slice(0, 4).join(' | ')}`);
}
